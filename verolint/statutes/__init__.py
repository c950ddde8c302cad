"""Where statutes come from, who they are, and the cached index over them.

Statutes are read with the same readers as ordinances (Markdown, plain text,
BWB toestand XML). Sources, in this order:

1. ``statutes:`` in the configuration (files or folders, relative to it);
2. ``--statutes PATH`` on the command line (added to those);
3. the user cache filled by ``verolint statutes pull`` (``<cache>/statutes``);
4. the built-in set shipped with verolint (:mod:`verolint.statutes.builtin`).

The same law (BWB id) found twice among 1-3 is taken once: the newest version
wins (a file with a version date beats one without). A law the user has (1-3)
replaces the built-in version of it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .. import rx
from ..lexicon import cache_dir
from ..notes import note_once
from .index import CombinedIndex, Statute, StatuteIndex, index_key

SUFFIXES = (".md", ".markdown", ".txt", ".xml")
_BWB_RE = rx.compile(r"BWBR\d{7}")
_DATE_RE = rx.compile(r"(\d{4}-\d{2}-\d{2})")

# Current citeertitels of the laws an ordinance most often repeats (used when a
# source file carries an outdated title, such as the 2017 export of the
# Participatiewet that is still titled 'Wet werk en bijstand').
CURRENT_TITLES = {
    "BWBR0035362": "Wet maatschappelijke ondersteuning 2015",
    "BWBR0034925": "Jeugdwet",
    "BWBR0015703": "Participatiewet",
    "BWBR0005537": "Algemene wet bestuursrecht",
    "BWBR0005416": "Gemeentewet",
    "BWBR0031331": "Wet gemeentelijke schuldhulpverlening",
    "BWBR0004044": "Wet inkomensvoorziening oudere en gedeeltelijk arbeidsongeschikte werkloze werknemers",
    "BWBR0004163": "Wet inkomensvoorziening oudere en gedeeltelijk arbeidsongeschikte gewezen zelfstandigen",
    "BWBR0035917": "Wet langdurige zorg",
}


def pulled_dir() -> Path:
    return cache_dir() / "statutes"


def statute_files(paths) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        elif p.is_file():
            files.append(p)
    return files


def identify(path: Path, doc) -> Statute:
    bwb = doc.meta.get("bwb_id") or (_BWB_RE.search(path.name).group(0) if _BWB_RE.search(path.name) else None)
    title = CURRENT_TITLES.get(bwb) or doc.meta.get("citeertitel") or _title_from(doc.title) or path.stem
    version = doc.meta.get("version")
    if not version and path.suffix == ".xml":
        m = _DATE_RE.search(path.name)
        version = m.group(1) if m else None
    return Statute(bwb, title, version, str(path))


def _title_from(title: str | None) -> str | None:
    if not title:
        return None
    m = re.search(r"\(([^()]{3,80})\)\s*$", title)
    return m.group(1) if m else title


def quick_identity(path: Path) -> tuple[str | None, str]:
    """(BWB id, version date) without parsing the whole file."""
    name = path.name
    bwb = _BWB_RE.search(name).group(0) if _BWB_RE.search(name) else None
    version = ""
    if path.suffix.lower() == ".xml":
        try:
            with open(path, "rb") as fh:
                head = fh.read(4096).decode("utf-8", "replace")
        except OSError:
            head = ""  # reported when the file is read
        m = re.search(r'bwb-id="(BWBR\d{7})"', head)
        bwb = m.group(1) if m else bwb
        m = re.search(r'inwerkingtreding="(\d{4}-\d{2}-\d{2})"', head) or _DATE_RE.search(name)
        version = m.group(1) if m else ""
    return bwb, version


def newest_files(files: list[Path]) -> list[Path]:
    """One file per BWB id: the one with the latest version date."""
    by_id: dict[str, tuple[str, Path]] = {}
    out = []
    for f in files:
        bwb, version = quick_identity(f)
        if not bwb:
            out.append(f)
        elif bwb not in by_id or version > by_id[bwb][0]:
            by_id[bwb] = (version, f)
    return out + [f for _, f in by_id.values()]


def sources(extra=()) -> list[Path]:
    roots = list(extra)
    if pulled_dir().is_dir():
        roots.append(pulled_dir())
    return statute_files(roots)


def _documents(files: list[Path]):
    """The statutes that can be read; one that cannot is named once and left out
    (it must not make every ordinance unreadable)."""
    from ..errors import ReadError
    from ..readers import read_path

    for f in newest_files(files):
        try:
            doc = read_path(f)
        except ReadError as exc:
            note_once(f"verolint: wet {exc}; deze wet is overgeslagen bij DUP001/DUP002.")
            continue
        yield identify(f, doc), doc


@lru_cache(maxsize=8)
def _load(key: str, files: tuple[Path, ...]) -> StatuteIndex:
    """The cached index, verified; rebuilt when it is missing, damaged or from
    another version. When the cache cannot be written, the index is built in a
    temporary folder for this run (with one note), never a failure."""
    folder = cache_dir() / "statutes-index" / key
    if (folder / "manifest.json").exists():
        try:
            return StatuteIndex.load(folder)
        except (OSError, ValueError, TypeError, KeyError):
            note_once("verolint: de wettenindex in de cache was beschadigd en wordt opnieuw gebouwd.")
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        return StatuteIndex.build(_documents(list(files)), folder)
    except OSError as exc:
        import atexit
        import shutil
        import tempfile

        note_once(f"verolint: kan de wettenindex niet in de cache schrijven ({exc.strerror or exc}); "
                  "hij wordt voor deze keer in een tijdelijke map gebouwd.")
        scratch = Path(tempfile.mkdtemp(prefix="verolint-wetten-"))
        atexit.register(shutil.rmtree, scratch, True)
        return StatuteIndex.build(_documents(list(files)), scratch / key)


# Names and abbreviations by which ordinances cite the built-in laws.
LAW_IDS = {
    "wet maatschappelijke ondersteuning 2015": "BWBR0035362", "wmo 2015": "BWBR0035362",
    "jeugdwet": "BWBR0034925", "participatiewet": "BWBR0015703", "wet werk en bijstand": "BWBR0015703",
    "algemene wet bestuursrecht": "BWBR0005537", "awb": "BWBR0005537", "gemeentewet": "BWBR0005416",
    "wet gemeentelijke schuldhulpverlening": "BWBR0031331", "wgs": "BWBR0031331",
    "ioaw": "BWBR0004044", "ioaz": "BWBR0004163", "wet langdurige zorg": "BWBR0035917", "wlz": "BWBR0035917",
    "uitvoeringsbesluit wmo 2015": "BWBR0035733", "besluit jeugdwet": "BWBR0035779",
}
LAW_IDS.update({title.lower(): bwb for bwb, title in CURRENT_TITLES.items()})


def index_for(ctx, extra=()):
    """The statute index for a file's settings plus ``extra`` paths, once per run."""
    paths = list(ctx.settings.statutes) if ctx.settings is not None else []
    paths += list(extra)
    return ctx.run.shared(("statutes", tuple(map(str, paths))), lambda: load_index(paths))


def load_index(paths=(), builtin: bool = True):
    """The index over the statutes: the user's (configured, ``--statutes`` and
    pulled; built and cached when needed) together with the built-in set, where
    the user's version of a law replaces the built-in one. None when there are
    no statutes at all."""
    from . import builtin as shipped

    files = sources(paths)
    own = _load(index_key(files), tuple(files)) if files else None
    base = shipped.load() if builtin else None
    if own is None or base is None:
        return own or base
    covered = {s.bwb_id for s in own.statutes if s.bwb_id}
    if all(s.bwb_id in covered for s in base.statutes):
        return own  # the user's versions of every built-in law: the built-in set adds nothing to search
    return CombinedIndex(own, base)


def note_missing_once() -> None:
    note_once(
        "verolint: geen wetten ingesteld, dus DUP001/DUP002 (herhaling van de wet) zijn niet uitgevoerd. "
        "Voeg ze toe met 'statutes: [map/met/wetten]' in .verolint.yaml, met '--statutes MAP', "
        "of met 'verolint statutes pull BWBR0035362'."
    )
