"""Token-based multi-phrase matching.

Phrase lists are never compiled into one big regex alternation (Python's
``re`` does not optimise those and gets slow on long lists). Instead every
phrase is a sequence of tokens, indexed by its first token: one dictionary
lookup per token of text, then a short comparison. The matcher reads the
case-folded words of a document's token table
(:class:`~verolint.analysis.TokenTable`) by index. Phrase syntax:

* words are matched case-insensitively as whole tokens: ``zo nodig``;
* a trailing ``*`` matches any token with that prefix (at least 3 letters):
  ``verstrek*`` matches *verstrekt*, *verstrekken*;
* ``…`` (or ``...``) matches a gap of up to ``max_gap`` tokens within the same
  unit: ``wordt geen … verstrekt``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter
from typing import Any, Iterator, Sequence

from .text import WORD_RE

GAP = object()


@dataclass(frozen=True, slots=True)
class Element:
    text: str
    prefix: bool = False

    def matches(self, token: str) -> bool:
        return token.startswith(self.text) if self.prefix else token == self.text


def parse_phrase(phrase: str) -> tuple:
    elements: list = []
    for piece in phrase.casefold().split():
        if piece in ("…", "...", "*"):
            if not elements or elements[-1] is GAP:
                raise ValueError(f"'{phrase}': een … moet tussen twee woorden staan")
            elements.append(GAP)
            continue
        prefix = piece.endswith("*")
        toks = WORD_RE.findall(piece)
        if not toks:
            raise ValueError(f"'{phrase}': bevat geen woorden")
        for i, tok in enumerate(toks):
            is_prefix = prefix and i == len(toks) - 1
            if is_prefix and len(tok) < 3:
                raise ValueError(f"'{phrase}': een * moet na minstens 3 letters staan")
            elements.append(Element(tok, is_prefix))
    if not elements or elements[-1] is GAP:
        raise ValueError(f"'{phrase}': een … moet tussen twee woorden staan")
    return tuple(elements)


class PhraseMatcher:
    def __init__(self, phrases: Sequence[tuple[str, Any]], max_gap: int = 6):
        self.max_gap = max_gap
        self.exact: dict[str, list[tuple[tuple, Any]]] = {}
        self.prefixed: dict[str, list[tuple[tuple, Any]]] = {}
        for text, payload in phrases:
            elems = parse_phrase(text)
            first = elems[0]
            if first.prefix:
                self.prefixed.setdefault(first.text[:3], []).append((elems, payload))
            else:
                self.exact.setdefault(first.text, []).append((elems, payload))

    def __bool__(self) -> bool:
        return bool(self.exact or self.prefixed)

    def finditer(self, norms: Sequence[str], lo: int = 0, hi: int | None = None) -> Iterator[tuple[int, int, Any]]:
        """Matches among the words ``norms[lo:hi]``: yield (first index, last
        index + 1, payload); matches do not overlap: after a match, scanning
        resumes behind it."""
        exact, prefixed = self.exact, self.prefixed
        n = len(norms) if hi is None else hi
        i = lo
        while i < n:
            norm = norms[i]
            cands = exact.get(norm)
            if prefixed:
                more = prefixed.get(norm[:3])
                if more:
                    more = [c for c in more if c[0][0].matches(norm)]
                    if more:
                        cands = (cands or []) + more
            best = None
            if cands:
                for elems, payload in cands:
                    end = self._match(norms, i, n, elems)
                    if end is not None and (best is None or end > best[0]):
                        best = (end, payload)
            if best is not None:
                yield i, best[0], best[1]
                i = best[0]
            else:
                i += 1

    def _match(self, norms: Sequence[str], i: int, n: int, elems: tuple, known: int = 1) -> int | None:
        """End of a match of ``elems`` at word ``i`` (the first ``known``
        elements, words without a gap, are already known to match: the index
        was looked up by them)."""
        if len(elems) == known:
            return i + known
        j = i + known
        k = known
        while k < len(elems):
            el = elems[k]
            if el is GAP:
                nxt = elems[k + 1]
                limit = min(n, j + self.max_gap + 1)
                while j < limit and not nxt.matches(norms[j]):
                    j += 1
                if j >= limit:
                    return None
                k += 1
                continue
            if j >= n or not el.matches(norms[j]):
                return None
            j += 1
            k += 1
        return j


def select(hits: Sequence[tuple[int, int, Any]], lo: int, hi: int) -> Iterator[tuple[int, int, Any]]:
    """From all matches of one matcher in a text (``(start, end, payload)``,
    sorted by start, candidates at one start in phrase order), the ones
    :meth:`PhraseMatcher.finditer` gives for the words ``[lo, hi)``: at each
    start the longest match that ends within the range, then on behind it."""
    k = bisect.bisect_left(hits, (lo,))  # the first hit at or after ``lo``: (lo,) sorts before (lo, end, payload)
    n = len(hits)
    pos = lo
    while k < n:
        i = hits[k][0]
        if i >= hi:
            return
        best = None
        while k < n and hits[k][0] == i:
            _, end, payload = hits[k]
            if i >= pos and end <= hi and (best is None or end > best[0]):
                best = (end, payload)
            k += 1
        if best is not None:
            yield i, best[0], best[1]
            pos = best[0]


class PhraseBank:
    """Several phrase matchers merged into one index, so that one pass over a
    document's words, with one dictionary lookup per word, finds the matches
    of all of them (:meth:`scan`). The engine makes one per rule set and run."""

    def __init__(self, matchers: Sequence[PhraseMatcher]):
        self.slots = {id(m): k for k, m in enumerate(matchers)}
        self.matchers = list(matchers)
        exact: dict[str, list[tuple[int, tuple, Any]]] = {}
        self.prefixed: dict[str, list[tuple[int, tuple, Any]]] = {}
        for k, m in enumerate(matchers):
            for first, entries in m.exact.items():
                exact.setdefault(first, []).extend((k, e, p) for e, p in entries)
            for first, entries in m.prefixed.items():
                self.prefixed.setdefault(first, []).extend((k, e, p) for e, p in entries)
        # Most phrases go on with a plain word ('in bijzondere gevallen'), and their first
        # words are common ('in', 'de', 'met'): per first word, the candidates are also
        # indexed by the next word, so that a second lookup rules most of them out.
        # Each list keeps the phrases' order; entries are (matcher, elements, payload,
        # how many elements the lookups have matched).
        self.exact: dict[str, tuple[dict[str, list[tuple]], list[tuple]]] = {}
        for first, entries in exact.items():
            follow = {e[1].text for _, e, _ in entries if _plain_second(e)}
            self.exact[first] = (
                {word: [(k, e, p, 2 if _plain_second(e) else 1) for k, e, p in entries
                        if not _plain_second(e) or e[1].text == word] for word in follow},
                [(k, e, p, 1) for k, e, p in entries if not _plain_second(e)])

    def __contains__(self, matcher: PhraseMatcher) -> bool:
        return id(matcher) in self.slots

    def scan(self, norms: Sequence[str]) -> list[list[tuple[int, int, Any]]]:
        """Per matcher, every match (start, end, payload) in ``norms``, sorted
        by start; at one start in the matcher's own phrase order (the input of
        :func:`select`)."""
        out: list[list[tuple[int, int, Any]]] = [[] for _ in self.matchers]
        exact, matchers = self.exact, self.matchers
        n = len(norms)
        # only the words that start a phrase are visited (picked out in C)
        for i in compress(range(n), map(exact.__contains__, norms)):
            by_next, rest = exact[norms[i]]
            for k, elems, payload, known in (by_next.get(norms[i + 1], rest) if i + 1 < n else rest):
                end = i + known if len(elems) == known else matchers[k]._match(norms, i, n, elems, known)
                if end is not None:
                    out[k].append((i, end, payload))
        if self.prefixed:
            found = False
            for i, norm in enumerate(norms):
                more = self.prefixed.get(norm[:3])
                if more:
                    for k, elems, payload in more:
                        if elems[0].matches(norm):
                            end = matchers[k]._match(norms, i, n, elems)
                            if end is not None:
                                out[k].append((i, end, payload))
                                found = True
            if found:  # in start order; at one start exact before prefixed, as in finditer (the sort is stable)
                for hits in out:
                    hits.sort(key=itemgetter(0))
        return out


def _plain_second(elems: tuple) -> bool:
    """The phrase goes on with a whole word (not a gap, not a prefix)."""
    return len(elems) > 1 and elems[1] is not GAP and not elems[1].prefix
