"""Files, safely. Reading: only a regular file, and only up to a limit. A
FIFO or device named like an input (``pijp.txt``, ``rule-packs: [/dev/zero]``)
would hang the run or never end; it is opened without blocking and refused.
Callers turn the two refusals into their own error with their own wording.
Writing what verolint owns (caches, reports' side files, baselines, audit
results): whole or not at all (:func:`write_atomic`).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder
    and a rename: a reader sees the old file or the new one, never a part,
    and a failure leaves no temporary file behind."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class NotRegularFile(Exception):
    """A folder, device or pipe where a file was expected."""


class TooLarge(Exception):
    """More bytes than the caller's limit."""


def read_regular(path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them;
    OSError when it cannot be read."""
    with open(path, "rb", buffering=0, opener=_nonblocking) as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(str(path))
        if st.st_size > limit:
            raise TooLarge(str(path))
        chunks, n = [], 0
        while n <= limit:
            chunk = fh.read(min(1 << 20, limit + 1 - n))
            if not chunk:
                break
            chunks.append(chunk)
            n += len(chunk)
    if n > limit:  # grew while it was read
        raise TooLarge(str(path))
    return b"".join(chunks)


def _nonblocking(path, flags):
    """Open without blocking, so that a FIFO is refused instead of waited on."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))
