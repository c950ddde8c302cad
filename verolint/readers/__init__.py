"""Readers turn files into :class:`~verolint.model.Document` trees.

One module per input format. A reader subclasses :class:`Reader`, names the
file suffixes it handles and is registered on import; every module in this
package is imported when the registry is first needed, so adding a format is
adding a module.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
from pathlib import Path
from typing import ClassVar

from ..errors import ReadError
from ..fileio import NotRegularFile, TooLarge, read_regular
from ..model import Document

_REGISTRY: dict[str, "Reader"] = {}
_LOADED = False

# Refuse to read absurdly large inputs into memory at once.
MAX_BYTES = 200 * 1024 * 1024


class Reader:
    name: ClassVar[str] = ""
    suffixes: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        if cls.name:
            _REGISTRY[cls.name] = cls()

    def read_bytes(self, data: bytes, path: str) -> Document:
        text, encoding, newline = decode_info(data, path)
        doc = self.read_text(text, path)
        doc.meta.setdefault("encoding", encoding)
        doc.meta.setdefault("newline", newline)
        return doc

    def read_text(self, text: str, path: str) -> Document:  # pragma: no cover
        raise NotImplementedError


def _load() -> None:
    global _LOADED
    if _LOADED:
        return
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    _LOADED = True


def readers() -> dict[str, Reader]:
    _load()
    return dict(_REGISTRY)


def supported_suffixes() -> set[str]:
    return {s for r in readers().values() for s in r.suffixes}


def reader_for(path: str, fmt: str | None = None) -> Reader:
    regs = readers()
    if fmt and fmt != "auto":
        if fmt not in regs:
            raise ReadError(f"onbekend invoerformaat '{fmt}'", path)
        return regs[fmt]
    suffix = Path(path).suffix.lower()
    for reader in regs.values():
        if suffix in reader.suffixes:
            return reader
    known = ", ".join(sorted(supported_suffixes()))
    raise ReadError(
        f"dit bestandstype ({suffix or 'geen extensie'}) kan verolint niet lezen; "
        f"ondersteund: {known}",
        path,
    )


def read_path(path: Path, display: str | None = None, fmt: str | None = None) -> Document:
    display = display or str(path)
    reader = reader_for(display, fmt)
    data = read_limited(path, display)
    doc = reader.read_bytes(data, display)
    doc.meta["sha256"] = hashlib.sha256(data).hexdigest()  # --fix checks the file did not change since
    return doc


def read_limited(path: Path, display: str) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES (see verolint/fileio.py)."""
    try:
        return read_regular(path, MAX_BYTES)
    except NotRegularFile:
        raise ReadError("dit is geen gewoon bestand (maar een map, apparaat of pijp); overgeslagen", display) from None
    except TooLarge:
        raise ReadError(f"bestand is te groot (maximaal {MAX_BYTES // (1024 * 1024)} MB)", display) from None
    except OSError as exc:
        raise ReadError(f"kan bestand niet lezen: {exc.strerror or exc}", display) from None


def read_string(text: str, display: str, fmt: str | None = None) -> Document:
    reader = reader_for(display, fmt)
    return reader.read_text(text, display)


def read_stdin(display: str) -> Document:
    """Standard input; the format follows ``display``'s suffix, plain text otherwise."""
    import sys

    if sys.stdin is None:
        raise ReadError("standaardinvoer is gesloten; geef een bestand of stuur tekst naar '-'", display)
    try:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ReadError(f"kan standaardinvoer niet lezen: {exc.strerror or exc}", display) from None
    if len(data) > MAX_BYTES:
        raise ReadError(f"de invoer is te groot (maximaal {MAX_BYTES // (1024 * 1024)} MB)", display)
    suffix = Path(display).suffix.lower()
    fmt = None if suffix in supported_suffixes() else "text"
    return reader_for(display, fmt).read_bytes(data, display)


def decode(data: bytes, path: str) -> str:
    """Decode bytes met in practice: UTF-8 (with or without BOM), UTF-16 with a
    BOM, and Windows-1252 from Word exports. Newlines are normalised to \\n."""
    return decode_info(data, path)[0]


def decode_info(data: bytes, path: str) -> tuple[str, str, str]:
    """(text, encoding, newline): what --fix needs to write the file back as it was."""
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith(b"\xff\xfe"):
        text, encoding = data[2:].decode("utf-16-le", errors="replace"), "utf-16-le"
    elif data.startswith(b"\xfe\xff"):
        text, encoding = data[2:].decode("utf-16-be", errors="replace"), "utf-16-be"
    else:
        if b"\x00" in data[:4096]:
            raise ReadError("dit is een binair bestand, geen tekst", path)
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="replace")
            # a UTF-8 file with a stray byte or two stays UTF-8 (the byte shows as �);
            # a file full of invalid sequences is Windows-1252 from an old Word export
            if text.count("\ufffd") > max(3, len(data) // 1000):
                text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
            else:
                encoding = "utf-8"
    newline = "\r\n" if "\r\n" in text else "\n"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding, newline
