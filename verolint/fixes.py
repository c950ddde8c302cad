"""``--fix`` and ``--diff``: apply the safe replacements that rules attach to
findings (substitutions marked ``safe: true``), and nothing else.

Writing respects the user's file. It is written only when something changes,
and only when it is still exactly what was read (a file changed in the
meantime is left alone, with an error). The replaced words are the only bytes
that change: encoding, byte-order mark, mixed line endings and stray bytes stay
as they were. A symbolic link is followed and its target fixed; a read-only file
is refused. The new text goes into a temporary file in the same folder that
takes over mode, owner and extended attributes and then replaces the file
atomically; a file with several hard links is rewritten in place instead, so
that all its names keep seeing the same file.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import stat
import tempfile
from bisect import bisect_left
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


# how each detected encoding is written back: codec, byte-order mark, error handler
_CODECS = {
    "utf-8": ("utf-8", b"", "surrogateescape"),
    "utf-8-sig": ("utf-8", b"\xef\xbb\xbf", "surrogateescape"),
    "utf-16-le": ("utf-16-le", b"\xff\xfe", "surrogatepass"),
    "utf-16-be": ("utf-16-be", b"\xfe\xff", "surrogatepass"),
    "cp1252": ("cp1252", b"", "surrogateescape"),
}


def write(path: Path, doc: Document, applied: list[Finding]) -> None:
    """Write the fixes of ``applied`` (from :func:`apply`) into the file ``doc`` was read from."""
    if doc.format not in FIXABLE_FORMATS:
        raise VerolintError(f"--fix schrijft alleen tekst- en Markdown-bestanden, niet {doc.format}", doc.path)
    target = Path(os.path.realpath(path))  # through a symbolic link: fix the file it points to
    st = target.stat()
    if not stat.S_ISREG(st.st_mode):
        raise VerolintError("geen gewoon bestand; niet verbeterd", doc.path)
    if not st.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise VerolintError("het bestand is alleen-lezen; niet verbeterd", doc.path)
    raw = target.read_bytes()
    if doc.meta.get("sha256") != hashlib.sha256(raw).hexdigest():
        raise VerolintError("het bestand is veranderd sinds verolint het las; niet verbeterd (draai opnieuw)",
                            doc.path)
    codec, bom, errors = _CODECS.get(doc.meta.get("encoding", "utf-8"), _CODECS["utf-8"])
    text = raw[len(bom):].decode(codec, errors) if raw.startswith(bom) else raw.decode(codec, errors)
    data = bom + _replaced(text, doc, applied).encode(codec, errors)
    if st.st_nlink > 1:
        _write_in_place(target, data)
    else:
        _replace_atomically(target, data, st)


def _replaced(text: str, doc: Document, applied: list[Finding]) -> str:
    """``text`` as on disk (own line endings) with the fixes applied; the offsets
    of the fixes are in ``doc.source``, where every line ends in \\n."""
    # where each \r\n stands in doc.source (its \r is gone there): a source
    # offset after it is one further on disk
    pairs = [i - k for k, i in enumerate(_crlf_positions(text))]

    def raw(offset: int) -> int:
        return offset + bisect_left(pairs, offset)

    if len(text) - len(pairs) != len(doc.source):
        raise VerolintError("de tekst op schijf past niet bij wat is gelezen (ongeldige tekens); niet verbeterd",
                            doc.path)
    out = text
    for f in sorted(applied, key=lambda f: f.fix.start, reverse=True):
        a, b = raw(f.fix.start), raw(f.fix.end)
        if out[a:b] != doc.source[f.fix.start:f.fix.end]:
            raise VerolintError("de tekst op schijf past niet bij wat is gelezen; niet verbeterd", doc.path)
        out = out[:a] + f.fix.replacement + out[b:]
    return out


def _crlf_positions(text: str) -> list[int]:
    out, i = [], text.find("\r\n")
    while i >= 0:
        out.append(i)
        i = text.find("\r\n", i + 2)
    return out


def _replace_atomically(target: Path, data: bytes, st: os.stat_result) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        _keep_owner_and_xattrs(target, tmp, st)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _keep_owner_and_xattrs(source: Path, tmp: str, st: os.stat_result) -> None:
    """Owner and extended attributes of the old file on the new one, where the
    platform and the user's rights allow (a user cannot give a file away)."""
    if hasattr(os, "chown") and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except OSError:
            pass
    if hasattr(os, "listxattr"):
        try:
            for name in os.listxattr(source):
                os.setxattr(tmp, name, os.getxattr(source, name))
        except OSError:
            pass


def _write_in_place(target: Path, data: bytes) -> None:
    """Rewrite the file's own contents (all its hard links see the change)."""
    with open(target, "r+b") as fh:
        fh.write(data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())
