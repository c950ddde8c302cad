"""A per-user cache of word facts (syllables, Zipf frequency).

Computing them needs pyphen's Dutch hyphenation and the frequency table
(verolint/frequency.py): loading both takes a noticeable part of a
pre-commit run. The answers never change
for a given version of verolint, so they are kept in
``$VEROLINT_CACHE_DIR`` (default: the platform's cache folder, see
:func:`cache_dir`) and the libraries are imported only for words not seen
before. ``VEROLINT_NO_CACHE=1`` (or ``check --no-cache``) turns the cache off.
The file is replaced atomically; an unwritable cache is silently skipped.

The cache is plain JSON: it may have been written by anyone who could write
the folder (a CI cache restored from a fork's branch, for one), so nothing in it
is ever executed, a file that is not a JSON object counts as absent, and each
entry is checked when a run first uses it (a run needs a few thousand of the
tens of thousands of words a cache holds): one of the wrong shape is worked
out again.
"""

from __future__ import annotations

import atexit
import json
import os
from pathlib import Path
from typing import Callable

from . import __version__
from .fileio import write_atomic

MAX_WORDS = 300_000


def cache_dir() -> Path:
    """``$VEROLINT_CACHE_DIR``, else the platform's cache folder (platformdirs):
    ``$XDG_CACHE_HOME/verolint`` or ``~/.cache/verolint`` on Linux,
    ``%LOCALAPPDATA%\\verolint\\Cache`` on Windows, ``~/Library/Caches/verolint`` on macOS."""
    if os.environ.get("VEROLINT_CACHE_DIR"):
        return Path(os.environ["VEROLINT_CACHE_DIR"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("verolint", appauthor=False))


# The shapes are checked for every entry of a file of tens of thousands on each
# run: exact types (JSON gives no subclasses; True is not a number here), no generator.
_NUMBERS = (int, float)


def _pair(value):
    """The shape of a word fact: [syllables, zipf] (two numbers)."""
    if type(value) is list and len(value) == 2 and type(value[0]) in _NUMBERS and type(value[1]) in _NUMBERS:
        return tuple(value)
    raise ValueError(value)


def word(value):
    """The shape of a lemma: a short string."""
    if type(value) is str and 0 < len(value) <= 100:
        return value
    raise ValueError(value)


class Lexicon:
    """Facts per word, computed once per user. ``shape`` checks a value read
    from the cache file and gives the value to use (default: two numbers)."""

    def __init__(self, name: str, compute: Callable[[str], object], shape: Callable = _pair):
        self.compute = compute
        self.shape = shape
        self.enabled = not os.environ.get("VEROLINT_NO_CACHE")
        self.path = cache_dir() / f"{name}-{__version__}.json"
        self.data: dict[str, object] = {}  # as the file has it (JSON values, each checked when first used)
        self.ready: dict[str, object] = {}  # the checked values this run has used
        self.dirty = False
        if self.enabled:
            self.data = _load(self.path)
            atexit.register(self.save)

    def __call__(self, word: str):
        value = self.ready.get(word)
        if value is None:
            stored = self.data.get(word)
            if stored is not None:
                try:
                    value = self.shape(stored)
                except ValueError:
                    value = None  # not what save() writes: work it out again
            if value is None:
                value = self.data[word] = self.compute(word)
                self.dirty = True
            self.ready[word] = value
        return value

    def save(self) -> None:
        if not (self.enabled and self.dirty) or len(self.data) > MAX_WORDS:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(self.data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            self.dirty = False
        except OSError as exc:  # an unwritable or full cache: run without it
            from .notes import note_once

            note_once(f"verolint: kan de woordcache niet schrijven ({exc.strerror or exc}); "
                      "verolint werkt zonder (zie --no-cache).")
            self.enabled = False


MAX_BYTES = 64 * MAX_WORDS  # a cache file larger than this was not written by us


def _load(path: Path) -> dict[str, object]:
    """The cached word facts as the file has them (a JSON object: its keys are
    strings), or {} when the file is absent, too big or not a JSON object; the
    values are checked when used (:meth:`Lexicon.__call__`)."""
    loaded = read_json(path, MAX_BYTES)
    return loaded if isinstance(loaded, dict) else {}


# -- other caches in the same folder, with the same care ----------------------------

def caching() -> bool:
    """Whether caches may be read and written (not with ``VEROLINT_NO_CACHE``)."""
    return not os.environ.get("VEROLINT_NO_CACHE")


def read_json(path: Path, max_bytes: int):
    """The JSON value of a cache file, or None when it is absent, larger than
    ``max_bytes`` or not JSON. Plain data only: the caller checks its shape."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
        if len(raw) > max_bytes:
            return None
        return json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return None


def write_json(path: Path, value) -> None:
    """Replace a cache file atomically. An unwritable cache folder (the word
    cache says so, once) or a value JSON cannot hold is skipped: the next run
    works it out again."""
    try:
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    except (OSError, TypeError, ValueError):
        pass
