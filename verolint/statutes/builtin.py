"""The statute set shipped with verolint, so that the check "this already stands
in the law" (DUP001/DUP002) runs right after installation.

It is the index of :mod:`verolint.statutes.index` (the same files, checksums
and loader as the cache), built from a folder of statutes, one version per BWB
id (the newest), and kept in ``verolint/statutes/data/``::

    python -m verolint.statutes.builtin ../shared/corpus/statutes

Rebuild it the same way from newer official XML (``verolint statutes pull``
stores it in the cache). Each law records the version it reflects: the toestand
date of an official XML file, otherwise the export date of the Markdown export
it came from (never a file's modification time).

Statutes the user configures or pulls take precedence per BWB id (see
:func:`verolint.statutes.load_index`).
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from .index import StatuteIndex

DATA = Path(__file__).resolve().parent / "data"

# The Markdown files of shared/corpus/statutes are the wetten.overheid.nl export
# of 2017 (shared/corpus/README.md); the official XML carries its own date.
MARKDOWN_EXPORT = "export 2017"


@lru_cache(maxsize=1)
def load() -> StatuteIndex | None:
    """The built-in index, or None when this installation has none."""
    if not (DATA / "manifest.json").exists():
        return None
    try:
        return StatuteIndex.load(DATA, shipped=True)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        from ..notes import note_once

        note_once(f"verolint: de ingebouwde wetten zijn beschadigd ({exc}); herinstalleer verolint.")
        return None


def build(source: Path, dest: Path = DATA) -> StatuteIndex:
    """Build the shipped index from the statutes in ``source``."""
    import shutil

    from ..readers import read_path
    from . import identify, newest_files, statute_files

    def documents():
        for path in newest_files(statute_files([source])):
            doc = read_path(path)
            statute = identify(path, doc)
            statute.version = statute.version or MARKDOWN_EXPORT
            statute.path = f"ingebouwd: {path.name}"  # not the path on the machine that built it
            yield statute, doc

    if dest.exists():
        shutil.rmtree(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    idx = StatuteIndex.build(documents(), dest)
    dest.chmod(0o755)  # built through a private temporary folder; shipped readable to all
    return idx


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m verolint.statutes.builtin", description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="folder with the statutes (Markdown export or BWB toestand XML)")
    ap.add_argument("--dest", type=Path, default=DATA)
    args = ap.parse_args(argv)
    if not args.source.is_dir():
        print(f"{args.source}: geen map", file=sys.stderr)
        return 2
    idx = build(args.source, args.dest)
    size = sum(p.stat().st_size for p in args.dest.iterdir())
    for s in idx.statutes:
        print(f"{s.bwb_id or '-':12} {s.version or '-':34} {s.title}")
    print(f"{len(idx.statutes)} wetten, {idx.unit_count()} zinnen, {size / 1e6:.2f} MB in {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
