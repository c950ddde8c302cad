"""A per-user cache of word facts (syllables, Zipf frequency).

Computing them needs textstat (which imports nltk) and wordfreq: together about
0.3 s of imports, too much for every pre-commit run. The answers never change
for a given version of verolint, so they are kept in
``$VEROLINT_CACHE_DIR`` (default ``$XDG_CACHE_HOME/verolint`` or
``~/.cache/verolint``) and the libraries are imported only for words not seen
before. ``VEROLINT_NO_CACHE=1`` (or ``check --no-cache``) turns the cache off.
The file is replaced atomically; an unwritable cache is silently skipped.
"""

from __future__ import annotations

import atexit
import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable

from . import __version__

MAX_WORDS = 300_000


def cache_dir() -> Path:
    if os.environ.get("VEROLINT_CACHE_DIR"):
        return Path(os.environ["VEROLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "verolint"


class Lexicon:
    def __init__(self, name: str, compute: Callable[[str], object]):
        self.compute = compute
        self.enabled = not os.environ.get("VEROLINT_NO_CACHE")
        self.path = cache_dir() / f"{name}-{__version__}.pickle"
        self.data: dict[str, object] = {}
        self.dirty = False
        if self.enabled:
            try:
                with open(self.path, "rb") as fh:
                    loaded = pickle.load(fh)
                if isinstance(loaded, dict):
                    self.data = loaded
            except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
                self.data = {}
            atexit.register(self.save)

    def __call__(self, word: str):
        value = self.data.get(word)
        if value is None:
            value = self.data[word] = self.compute(word)
            self.dirty = True
        return value

    def save(self) -> None:
        if not (self.enabled and self.dirty) or len(self.data) > MAX_WORDS:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=self.path.name, dir=self.path.parent)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(self.data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
            self.dirty = False
        except OSError:
            pass
