"""``--fix`` and ``--diff``: apply the safe replacements that rules attach to
findings (substitutions marked ``safe: true``), and nothing else.

A file is only written when something changes, in its original encoding and
line endings, through a temporary file in the same folder and an atomic rename.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from pathlib import Path

from .errors import VerolintError
from .model import Document, Finding

FIXABLE_FORMATS = ("text", "markdown")


def apply(source: str, findings: list[Finding]) -> tuple[str, list[Finding]]:
    """The fixed text and the findings whose fix was applied (overlaps skipped)."""
    fixes = sorted((f for f in findings if f.fix is not None), key=lambda f: f.fix.start, reverse=True)
    applied = []
    out = source
    limit = len(source) + 1
    for f in fixes:
        fx = f.fix
        if fx.end > limit:  # overlaps a later fix: leave it for the next run
            continue
        out = out[: fx.start] + fx.replacement + out[fx.end:]
        limit = fx.start
        applied.append(f)
    return out, applied


def diff(doc: Document, fixed: str) -> str:
    return "".join(difflib.unified_diff(
        doc.source.splitlines(keepends=True), fixed.splitlines(keepends=True),
        fromfile=f"a/{doc.path}", tofile=f"b/{doc.path}",
    ))


def write(path: Path, doc: Document, fixed: str) -> None:
    if doc.format not in FIXABLE_FORMATS:
        raise VerolintError(f"--fix schrijft alleen tekst- en Markdown-bestanden, niet {doc.format}", doc.path)
    encoding = doc.meta.get("encoding", "utf-8")
    newline = doc.meta.get("newline", "\n")
    data = fixed.replace("\n", newline).encode(encoding if encoding != "utf-16" else "utf-16")
    mode = stat.S_IMODE(path.stat().st_mode)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
