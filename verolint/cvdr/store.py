"""Regulation XML fetched from the official repository, cached per version.

A version of a regulation never changes once published, so a cached version
is used without asking again. The XML is taken only from the official
repository (the configured one: same origin, a path below it), parsed
safely by the CVDR reader and checked to be the version asked for before it
is stored, by an atomic rename: an interrupted or refused download leaves
nothing behind. File names are built from the checked id only.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from .. import net
from ..errors import ReadError
from ..fileio import write_atomic
from . import CvdrError, Record, Ref, sru

MAX_XML = 32 * 1024 * 1024  # the largest regulations (an APV with bijlagen) are a few MB
_ID_RE = re.compile(r"^CVDR\d{1,9}$")


def folder() -> Path:
    from ..lexicon import cache_dir

    return cache_dir() / "cvdr"


def holds(path: Path) -> bool:
    """``path`` is a regulation fetched into the cache (or, with an unwritable
    cache, into this run's temporary folder)."""
    return path.parent in (folder(), *_FALLBACK)


def cached(work: str, version: int) -> Path | None:
    path = folder() / f"{work}_{version}.xml"
    return path if path.is_file() else None


def cached_versions(work: str) -> list[int]:
    if not _ID_RE.match(work) or not folder().is_dir():
        return []
    return sorted(int(p.stem.rsplit("_", 1)[1]) for p in folder().glob(f"{work}_*.xml")
                  if p.stem.rsplit("_", 1)[1].isdigit())


def download(record: Record, throttle: net.Throttle | None = None, deadline: float | None = None) -> bytes:
    """The checked XML of ``record`` from the official repository (not stored)."""
    if not _ID_RE.match(record.work):
        raise CvdrError(f"'{record.work}' is geen CVDR-id")
    url = record.xml_url or f"{sru.repository_url()}/{record.work}/{record.version}/xml/{record.record_id}.xml"
    if not net.under(url, sru.repository_url()):
        raise CvdrError(f"de zoekdienst wijst voor {record.record_id} naar een onbekende plek ({url}); niet gevolgd")
    if throttle:
        throttle.wait(url)
    data = net.get(url, f"downloaden van {record.record_id}", limit=MAX_XML, deadline=deadline)
    from ..readers.xml import XmlReader

    try:
        doc = XmlReader().read_bytes(data, url)
    except ReadError as exc:
        raise CvdrError(f"de repository gaf voor {record.record_id} geen leesbare regeling ({exc.message}); "
                        "niets opgeslagen") from None
    found = (doc.meta.get("cvdr_id") or "").strip()
    if found.upper() != record.record_id:
        raise CvdrError(f"de repository gaf {found or 'een regeling zonder id'} in plaats van {record.record_id}; "
                        "niets opgeslagen")
    return data


_FALLBACK: list[Path] = []  # a temporary folder for this process when the cache cannot be written


def store(record: Record, data: bytes) -> Path:
    """Write checked XML into the cache atomically; returns its path. An
    unwritable cache degrades to a temporary folder for this run, with a note."""
    target = folder() / f"{record.record_id}.xml"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    except OSError as exc:
        from ..notes import note_once

        if not _FALLBACK:
            _FALLBACK.append(Path(tempfile.mkdtemp(prefix="verolint-cvdr-")))
        note_once(f"verolint: kan niet schrijven in {target.parent} ({exc.strerror or exc}); "
                  "opgehaalde regelingen worden alleen voor deze run bewaard")
        target = _FALLBACK[0] / target.name
        write_atomic(target, data)
    return target


def fetch(record: Record, throttle: net.Throttle | None = None) -> Path:
    """The cached XML of ``record``, downloaded first when it is not there yet."""
    return cached(record.work, record.version) or store(record, download(record, throttle))


def open_ref(ref: Ref) -> tuple[Path, str]:
    """The cached XML of the regulation ``ref`` names, and a note on where it came from.

    A named version in the cache needs no network. For the newest version the
    search service is asked; offline, the message names the cached versions."""
    if ref.version is not None:
        path = cached(ref.work, ref.version)
        if path:
            return path, f"{ref.work} versie {ref.version} uit de cache"
    try:
        record = sru.resolve(ref)
    except CvdrError:
        raise
    except net.FetchError as exc:
        have = cached_versions(ref.work)
        hint = (f" In de cache staat {ref.work} versie {', '.join(map(str, have))}; "
                f"noem die, bijvoorbeeld {ref.work}/{have[-1]}." if have else "")
        raise CvdrError(f"{exc.message}{hint}") from None
    path = cached(record.work, record.version)
    if path:
        return path, f"{record.work} versie {record.version} ({record.title}, {record.creator}) uit de cache"
    return store(record, download(record)), \
        f"{record.work} versie {record.version} ({record.title}, {record.creator}) opgehaald uit CVDR"
