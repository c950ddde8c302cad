"""Token-based multi-phrase matching.

Phrase lists are never compiled into one big regex alternation (Python's
``re`` does not optimise those and gets slow on long lists). Instead every
phrase is a sequence of tokens, indexed by its first token: one dictionary
lookup per token of text, then a short comparison. Phrase syntax:

* words are matched case-insensitively as whole tokens: ``zo nodig``;
* a trailing ``*`` matches any token with that prefix (at least 3 letters):
  ``verstrek*`` matches *verstrekt*, *verstrekken*;
* ``…`` (or ``...``) matches a gap of up to ``max_gap`` tokens within the same
  unit: ``wordt geen … verstrekt``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Sequence

from .text import WORD_RE, Token

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

    def finditer(self, tokens: Sequence[Token]) -> Iterator[tuple[int, int, Any]]:
        """Yield (first token index, last token index + 1, payload); matches
        do not overlap: after a match, scanning resumes behind it."""
        exact, prefixed = self.exact, self.prefixed
        n = len(tokens)
        i = 0
        while i < n:
            norm = tokens[i].norm
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
                    end = self._match(tokens, i, elems)
                    if end is not None and (best is None or end > best[0]):
                        best = (end, payload)
            if best is not None:
                yield i, best[0], best[1]
                i = best[0]
            else:
                i += 1

    def _match(self, tokens: Sequence[Token], i: int, elems: tuple) -> int | None:
        """End of a match of ``elems`` at token ``i`` (the first element is
        already known to match: the index was looked up by it)."""
        if len(elems) == 1:
            return i + 1
        n = len(tokens)
        j = i + 1
        k = 1
        while k < len(elems):
            el = elems[k]
            if el is GAP:
                nxt = elems[k + 1]
                limit = min(n, j + self.max_gap + 1)
                while j < limit and not nxt.matches(tokens[j].norm):
                    j += 1
                if j >= limit:
                    return None
                k += 1
                continue
            if j >= n or not el.matches(tokens[j].norm):
                return None
            j += 1
            k += 1
        return j
