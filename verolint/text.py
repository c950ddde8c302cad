"""Text helpers shared by readers and rules: comments, the word pattern,
sentence splitting, interval sets.

All functions work on offsets into the document text, so whatever a rule finds
can be mapped back to a line and column without searching again. The sentences
and the token table of a document are made once, by
:class:`~verolint.analysis.Analysis`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from . import rx

if TYPE_CHECKING:  # pragma: no cover
    from .model import Node

# --- comments ---------------------------------------------------------------

# HTML comments (Markdown and, by convention, plain text) and whole-line
# "%% ..." comments for plain text. Both are blanked out before parsing.
COMMENT_RE = rx.compile(r"<!--.*?-->|^[ \t]*%%[^\n]*", re.DOTALL | re.MULTILINE)


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(text: str) -> int | None:
    """Value of an upper-case Roman numeral ('XIV' -> 14), None for other text."""
    total, prev = 0, 0
    for ch in reversed(text):
        value = _ROMAN.get(ch)
        if value is None:
            return None
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total


def mask_comments(source: str) -> str:
    """Replace every comment by spaces (newlines kept), so offsets stay valid."""
    if "<!--" not in source and "%%" not in source:
        return source
    return COMMENT_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), source)


# --- words ------------------------------------------------------------------

WORD_RE = rx.compile(r"\w+(?:[-'’/]\w+)*")


# --- sentences --------------------------------------------------------------

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    art artt o.a c.q bijv enz etc nr nrs jo lid blz e.d d.w.z i.v.m m.b.t t.a.v
    z.s.m ca mr dr stb stcrt vgl resp incl excl max min pag bijz bv ggd e.a
    i.p.v t.b.v m.u.v o.b.v a.s vnl evt ivm mbt tav e.v afd par hfdst
    """.split()
)

# A full stop before a capital, or the end of a line before a bullet ('• ', '❖ ',
# '- '): each bulleted item is a unit of its own, even without a full stop.
_FULL_STOP = r"[.!?]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9ÀÁÂÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜ])"
_BULLET_AHEAD = r"\n[ \t]*[•❖▪◦●\-–*][ \t]"
_SENTENCE_END = rx.compile(_FULL_STOP + r"|[;:,]?[ \t]*(?=%s)" % _BULLET_AHEAD)
# The second branch can match anywhere (all of it is optional), so the engine
# tries it at every character; a text without a bulleted line is split on the
# first branch alone, which the engine looks for by its first character: the
# same matches in a fifth of the time.
_FULL_STOP_RE = rx.compile(_FULL_STOP)
_BULLET_LINE_RE = rx.compile(_BULLET_AHEAD)
_WORD_BEFORE = rx.compile(r"([\w.]+)$")
_LOOK_BACK = 40  # longer than any abbreviation: the word before a full stop is read in this window


def split_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of sentences in ``text[start:end]``."""
    chunk = text[start:end]
    pos = 0
    ends = _SENTENCE_END if _BULLET_LINE_RE.search(chunk) else _FULL_STOP_RE
    for m in ends.finditer(chunk):
        # a window, not the whole chunk: searching from 0 each time is quadratic
        window = max(0, m.start() - _LOOK_BACK)
        before = _WORD_BEFORE.search(chunk, window, m.start()) if chunk[m.start():m.start() + 1] in ".!?" else None
        if before and (before.start() > window or window == 0):
            word = before.group(1).lower().rstrip(".")
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        cut = m.end()
        piece = chunk[pos:cut]
        if piece.strip():
            yield _trimmed(chunk, pos, cut, start)
        pos = cut
    if chunk[pos:].strip():
        yield _trimmed(chunk, pos, len(chunk), start)


def _trimmed(chunk: str, a: int, b: int, offset: int) -> tuple[int, int]:
    while a < b and chunk[a].isspace():
        a += 1
    while b > a and chunk[b - 1].isspace():
        b -= 1
    return a + offset, b + offset


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or list item) of rule text, with the node it belongs to."""

    node: "Node"
    start: int
    end: int
    text: str


class Intervals:
    """Membership of an offset in a set of (start, end) ranges in O(log n)."""

    def __init__(self, ranges):
        merged: list[list[int]] = []
        for a, b in sorted(ranges):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def __bool__(self) -> bool:
        return bool(self.starts)


def normalise_space(text: str) -> str:
    return " ".join(text.split())
