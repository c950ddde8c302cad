"""Compiled regular expressions, kept between runs.

The rules use some 450 regular expressions. Python's ``re`` compiles each in
pure Python, and on a pre-commit run of one file that is about a sixth of the
time. What the compiler makes of a pattern (the engine's code, a list of
integers, and the pattern's groups) depends only on the pattern, its flags
and the Python version, so it is kept in the cache folder of the word facts
(:func:`verolint.lexicon.cache_dir`, one file per verolint and Python
version) and handed straight to the regex engine on the next run.

The file is plain JSON, read with the same care as the word cache: nothing
in it is executed, the engine checks every code it is given, and an entry it
refuses, or of the wrong shape, is compiled again. ``VEROLINT_NO_CACHE=1``
(``check --no-cache``) turns it off. Where ``re``'s internals are not what
this module expects (another Python), patterns are compiled as usual.
"""

from __future__ import annotations

import atexit
import base64
import re
import sys
from array import array
from typing import Iterator

try:  # the compiler's two steps, as re.compile runs them (Python 3.11 and later)
    import _sre
    from re import _compiler, _parser

    _SUPPORTED = (callable(getattr(_compiler, "_code", None)) and callable(getattr(_parser, "parse", None))
                  and _sre.CODESIZE == array("I").itemsize == 4)  # code words of 32 bits, kept as such
except ImportError:  # pragma: no cover - another Python implementation
    _SUPPORTED = False

MAX_ENTRIES = 5_000  # user rule packs add their patterns; beyond this, nothing more is kept
MAX_BYTES = 32 << 20  # a cache file larger than this was not written by us

_compiled: dict[tuple[str, int], re.Pattern] = {}  # this run
_entries: dict[str, list] | None = None  # the cache file: "flags:pattern" -> [flags, code, groups, index, names]
_dirty = False


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - re.compile, kept between runs
    """``re.compile(pattern, flags)``, from the cache when an earlier run compiled it."""
    key = (pattern, int(flags))
    found = _compiled.get(key)
    if found is None:
        found = _compiled[key] = _make(pattern, int(flags))
    return found


class Gated:
    """A compiled pattern that cannot match without one of ``words`` (lower
    case) in the text: a substring test decides first, and the pattern runs
    only on the few sentences that pass it (a case-insensitive search with
    many alternatives costs some forty times as much as the test)."""

    __slots__ = ("compiled", "words")

    def __init__(self, pattern: str, flags: int, words: tuple[str, ...]):
        self.compiled = compile(pattern, flags)
        self.words = words

    def admits(self, low: str) -> bool:
        """Whether a text whose :func:`lowered` is ``low`` can hold a match."""
        for w in self.words:  # (a loop, not any() over a generator: asked of every sentence by many patterns)
            if w in low:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> "re.Match | None":
        return self.compiled.search(text, pos, endpos) if self.admits(lowered(text)) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> "Iterator[re.Match]":
        return self.compiled.finditer(text, pos, endpos) if self.admits(lowered(text)) else iter(())


# the text last lowered and its lower case, as one tuple (read and replaced whole, so threads never mix two
# texts): the gated patterns of a rule ask for the same sentence in turn
_last_lowered: tuple = (None, "")


def lowered(text: str) -> str:
    """``text`` in lower case as a case-insensitive pattern reads it: 'İ' and
    'ı' as 'i', 'ſ' as 's' (which :meth:`str.lower` keeps apart). A pattern
    whose every match holds a word cannot match where this has none."""
    global _last_lowered
    last = _last_lowered
    if last[0] is text:
        return last[1]
    low = text.lower()
    if not low.isascii() and ("ı" in low or "\u0307" in low or "ſ" in low):
        low = low.replace("\u0307", "").replace("ı", "i").replace("ſ", "s")  # ('İ'.lower() is 'i' and a dot)
    _last_lowered = (text, low)
    return low

def _make(pattern: str, flags: int) -> re.Pattern:
    if not _SUPPORTED or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    entries = _load()
    name = f"{flags}:{pattern}"
    entry = entries.get(name)
    if entry is not None:
        try:
            all_flags, code, groups, groupindex, indexgroup = entry
            return _sre.compile(pattern, all_flags, _code_list(code), groups, groupindex, tuple(indexgroup))
        except Exception:  # noqa: BLE001 - not what we wrote (the engine refused it): compile it again
            del entries[name]
    compiled = re.compile(pattern, flags)  # re's own path: raises re.error as usual
    if len(entries) < MAX_ENTRIES:
        try:
            entries[name] = _entry(pattern, flags)
        except Exception:  # noqa: BLE001 - internals we do not know: keep nothing
            return compiled
        global _dirty
        _dirty = True
    return compiled


def _entry(pattern: str, flags: int) -> list:
    """What ``re._compiler.compile`` hands to the engine, as JSON values."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for group, index in groupindex.items():
        indexgroup[index] = group
    return [flags | parsed.state.flags, base64.b64encode(array("I", code).tobytes()).decode("ascii"),
            parsed.state.groups - 1, groupindex, indexgroup]


def _code_list(encoded: str) -> list[int]:
    """The engine's code from its cache form: 32-bit words, base64 (a tenth of
    the time JSON takes to read the numbers one by one)."""
    words = array("I")
    words.frombytes(base64.b64decode(encoded, validate=True))
    return words.tolist()


def _path():
    from . import __version__
    from .lexicon import cache_dir

    return cache_dir() / f"regex-{__version__}-py{sys.hexversion:x}-{_sre.MAGIC}.json"


def _load() -> dict[str, list]:
    """The cache file's entries (read once, on the first pattern), or {}."""
    global _entries
    if _entries is None:
        from .lexicon import caching, read_json

        _entries = {}
        if caching():
            atexit.register(save)
            loaded = read_json(_path(), MAX_BYTES)
            if isinstance(loaded, dict):
                _entries = {k: v for k, v in loaded.items() if isinstance(k, str) and _shape(v)}
    return _entries


def _shape(value) -> bool:
    """An entry as :func:`_entry` writes it (the engine checks the code itself)."""
    return (isinstance(value, list) and len(value) == 5 and type(value[0]) is int and isinstance(value[1], str)
            and type(value[2]) is int and isinstance(value[3], dict) and isinstance(value[4], list))


def save() -> None:
    """Write the entries when this run compiled new patterns (atomically;
    an unwritable folder is skipped: the word cache already says so)."""
    global _dirty
    from .lexicon import caching, write_json

    if not _dirty or _entries is None or not caching():
        return
    write_json(_path(), _entries)
    _dirty = False
