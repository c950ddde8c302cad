"""The statute sentence a passage repeats best (DUP001, DUP002, and the
rigid-exclusion rules that ask whether the law itself is the ground of an
exclusion): candidates from the index by shared shingles and rare key words,
verified on similarity (:func:`verolint.statutes.shingles.similarity`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .shingles import numbers_with_units, profile, shared_quantities, shingle_hashes, similarity_of

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis
    from ..text import Sentence

MIN_WORDS = 6  # normalised words: shorter passages are common legal phrases, unless word for word the law
MATCH_FLOOR = 0.6  # the least similarity at which a sentence is compared further with a statute passage


@dataclass
class Match:
    unit: int
    score: float
    statute: object
    path: str
    text: str
    term: str | None = None  # a definition compared with the law's definition of this term
    context: str = ""  # set when the passage matched the statute sentence within its list (with the lead-in)


def best_match(index, words: list[str], threshold: float, text: str = "", allowed=None, limit: int = 12) -> Match | None:
    """The statute sentence ``words`` repeats best (from ``threshold``). A list
    item of the law is compared on its own and, for a passage of MIN_WORDS or
    more, also as part of its list (:meth:`StatuteIndex.context`): 'Het college
    zorgt ervoor dat jeugdigen … een beroep kunnen doen op een
    vertrouwenspersoon' restates the lead-in and one item together.
    ``allowed`` (a test of a statute) leaves out the laws that cannot apply; ``limit``
    is how many of the candidates that share the most three-word runs are compared."""
    found = index.candidates(shingle_hashes(words), limit=limit)
    if len(words) >= MIN_WORDS and hasattr(index, "key_candidates"):
        # a paraphrase that keeps the law's rare words but few three-word runs
        seen = {u for u, _n in found}
        found += [(u, n) for u, n in index.key_candidates(words) if u not in seen]
    if not found:
        return None  # (most sentences: nothing of a statute in them)
    best = None
    ours = profile(words)
    quantities = numbers_with_units(text) if "#" in words else {}
    contexts = hasattr(index, "context_words") and len(words) >= MIN_WORDS
    for unit, _count in found:
        statute, path, their_text = index.unit(unit)
        if allowed is not None and not allowed(statute):
            continue
        theirs = index.words(unit)
        if len(words) < MIN_WORDS and words != theirs:
            continue  # a short passage counts only when it is the statute sentence itself
        score = similarity_of(ours, theirs)
        if score < 1.0 and quantities and "#" in theirs:  # the numbers both state alike are anchors
            anchors = shared_quantities(quantities, numbers_with_units(their_text))
            if anchors:
                score = similarity_of(ours, theirs, anchors)
        context = ""
        if contexts and score < 1.0 and index.context(unit):
            in_list = similarity_of(ours, index.context_words(unit))
            if in_list > score:
                score, context = in_list, index.context(unit)
        if score >= threshold and (best is None or score > best.score or
                                   (score == best.score and _closer(words, theirs, context, best, index))):
            best = Match(unit, score, statute, path, their_text, context=context)
    return best


def _closer(words, theirs, context: str, best: Match, index) -> bool:
    """Of two statute sentences that score alike (a list item 'afzien van het
    opleggen van een bestuurlijke boete indien …' and the whole sentence of
    another law), the sentence itself before a list it stands in, then the one
    closest in words both ways."""
    if bool(context) != bool(best.context):
        return not context
    ours = set(words)

    def fit(other) -> float:
        other = set(other)
        return len(ours & other) / len(ours | other) if ours | other else 0.0

    return fit(theirs) > fit(index.words(best.unit))


def sentence_match(analysis: "Analysis", index, s: "Sentence") -> Match | None:
    """:func:`best_match` of a rule-text sentence from MATCH_FLOOR, once per
    document and statute index: DUP001 compares every sentence, and the
    rigid-exclusion rules ask again of the sentences that exclude."""
    memo = analysis.per_option("sentence-matches", index, dict)
    if s.start not in memo:
        memo[s.start] = best_match(index, analysis.normalised_of(s), MATCH_FLOOR, s.text)
    return memo[s.start]
