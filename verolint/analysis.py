"""What rules read of one document, computed once and on first use.

An :class:`Analysis` is made by the engine for each document and reaches every
rule as ``ctx.analysis``. It holds the shared analyses (sentences, the token
table, definitions, hardship clauses, exclusions, statute matches, readability
units), each computed the first time a rule asks and then kept for the other
rules of the same file. Nothing is keyed by strings and nothing is shared by
accident: an analysis that depends on a rule's options (the statutes it
compares with, the language model it scores with) is kept per value of those
options.

The token table holds every word of the document once: lower-cased text in a
list (equal words share one string) and offsets in two arrays of 32-bit integers. A rule
asks for the token range of a span and works on indices; no token objects are
made.
"""

from __future__ import annotations

import bisect
import sys
from array import array
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Callable, Iterator

from . import rx
from .matcher import PhraseBank, PhraseMatcher, select
from .model import Document, Kind, Node
from .text import WORD_RE, Intervals, Sentence, split_sentences

LAW_WORDS = 0.7  # similarity from which a definition is the law's own (the default threshold of DUP001)

if TYPE_CHECKING:  # pragma: no cover
    from .legal import Definition, Hardship
    from .rules.exclusion import Exclusion


_WORD_SPLIT_RE = rx.compile("(%s)" % WORD_RE.pattern)  # WORD_RE, kept by re.split
_BLOCK = 1 << 16  # characters of text split at once (the token table)


class TokenTable:
    """The words of a text: ``norms[i]`` (case-folded) at ``starts[i]:ends[i]``."""

    __slots__ = ("norms", "starts", "ends", "_spans")

    def __init__(self, text: str):
        self._spans: dict[tuple[int, int], tuple[int, int]] = {}  # a sentence's span is asked by every rule
        self.norms: list[str] = []  # one shared (interned) string per distinct word
        self.starts, self.ends = array("I"), array("I")  # 4 bytes each: inputs are far below 4 G characters
        folded: dict[str, str] = {}
        # The loops run in C. Splitting on the words (a group) gives gap, word, gap, ...,
        # gap: the running sum of the pieces' lengths is where each word starts and ends.
        # Block by block, so that few pieces live at once; no word spans a line break.
        at = 0
        while at < len(text):
            cut = text.find("\n", at + _BLOCK) + 1 or len(text)
            pieces = _WORD_SPLIT_RE.split(text[at:cut])
            words = pieces[1::2]
            bounds = array("I", accumulate(map(len, pieces[:-1]), initial=at))
            self.starts.extend(bounds[1::2])
            self.ends.extend(bounds[2::2])
            new = set(words).difference(folded)
            folded.update(zip(new, map(sys.intern, map(str.casefold, new))))  # each distinct word folded once
            self.norms.extend(map(folded.__getitem__, words))
            at = cut

    def __len__(self) -> int:
        return len(self.norms)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Index range (i, j) of the tokens that lie within ``[start, end)``."""
        found = self._spans.get((start, end))
        if found is None:
            found = self._spans[(start, end)] = (bisect.bisect_left(self.starts, start), bisect.bisect_right(self.ends, end))
        return found


# a quotation in double quotes, within one paragraph (an opening quote left alone takes no text after a blank line)
_QUOTATION_RE = rx.compile(r"[“„\"](?:(?!\n[ \t]*\n)[^”“\"]){20,3000}[”\"]")
QUOTED_WORDS = 8  # a quotation, not a term in quotes ('“passend”')
_QUOTED_RE = rx.compile(r"“[^”\n]{1,400}”|‘[^’\n]{1,400}’|\"[^\"\n]{1,400}\"|„[^”“\n]{1,400}[”“]")


class Analysis:
    """The shared analyses of one document (see the module docstring)."""

    def __init__(self, doc: Document, bank: "PhraseBank | None" = None):
        self.doc = doc
        self.bank = bank  # the phrase lists of the rules that run on this document
        self._by_option: dict[tuple, Any] = {}
        self._hits: dict[int, tuple] = {}  # id(matcher) -> (matcher, its matches)
        self._families_of: dict[int, frozenset[str]] = {}  # id(node) -> the laws its part implements

    # -- text units -------------------------------------------------------------------
    def sentences(self, include_non_rule: bool = False) -> list[Sentence]:
        """Sentences (and list items) of the document's own text per node, in
        text order; headings are not sentences. Rule text only unless asked."""
        return self._all_sentences if include_non_rule else self._rule_sentences

    @cached_property
    def _all_sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        text = self.doc.text
        for node in self.doc.root.walk():
            for a, b in node.parts:
                for s, e in split_sentences(text, a, b):
                    out.append(Sentence(node, s, e, text[s:e]))
        out.sort(key=lambda s: s.start)
        return out

    @cached_property
    def _rule_sentences(self) -> list[Sentence]:
        return [s for s in self._all_sentences if s.node.in_rule_text]

    @cached_property
    def _sentences_by_node(self) -> dict[int, list[Sentence]]:
        index: dict[int, list[Sentence]] = {}
        for s in self._all_sentences:
            index.setdefault(id(s.node), []).append(s)
        return index

    def sentences_of(self, node: Node) -> list[Sentence]:
        """The sentences of one node's own text."""
        return self._sentences_by_node.get(id(node), [])

    @cached_property
    def tokens(self) -> TokenTable:
        return TokenTable(self.doc.text)

    def phrase_matches(self, matcher: "PhraseMatcher", start: int, end: int) -> Iterator[tuple[int, int, Any]]:
        """What ``matcher.finditer`` finds in the words of ``doc.text[start:end]``,
        as (first word index, last + 1, payload) into :attr:`tokens`. The words
        are scanned once for all the phrase lists of the rule set (the bank)."""
        if id(matcher) not in self._hits:
            norms = self.tokens.norms
            if self.bank is not None and matcher in self.bank:
                for m, found in zip(self.bank.matchers, self.bank.scan(norms)):
                    self._hits[id(m)] = (m, found)
            else:
                self._hits[id(matcher)] = (matcher, PhraseBank([matcher]).scan(norms)[0])
        return select(self._hits[id(matcher)][1], *self.tokens.span(start, end))

    @cached_property
    def normalised(self) -> list[tuple[Sentence, tuple[str, ...]]]:
        """Each rule-text sentence with its content words as the statute
        comparison sees them (:func:`verolint.statutes.shingles.normalise`)."""
        from .statutes.shingles import normalise

        return [(s, tuple(normalise(s.text))) for s in self.sentences()]  # (interned words)

    @cached_property
    def _normalised_by_start(self) -> dict[int, tuple[str, ...]]:
        return {s.start: words for s, words in self.normalised}

    def normalised_of(self, s: Sentence) -> tuple[str, ...]:
        """The content words of one rule-text sentence (see :attr:`normalised`)."""
        return self._normalised_by_start.get(s.start, ())

    # -- legal structure --------------------------------------------------------------
    @cached_property
    def definition_articles(self) -> list[Node]:
        from .legal import find_definition_articles

        return find_definition_articles(self.doc)

    @cached_property
    def definitions(self) -> "list[Definition]":
        from .legal import find_definitions

        return find_definitions(self.doc, self.definition_articles)

    @cached_property
    def defined_keys(self) -> frozenset[str]:
        return frozenset(d.key for d in self.definitions)

    @cached_property
    def protected(self):
        """Words a drafter may not reword for style: a defined term, a
        definition that repeats the law's own words ('als bedoeld in artikel
        1.1.1 van de wet'), and text between quotation marks (a quote), as
        :class:`~verolint.text.Intervals`."""

        spans = [(d.start, d.end) for d in self.definitions]
        spans += [d.span for d in self.definitions if d.cites_law]
        spans += [(m.start(), m.end()) for m in _QUOTED_RE.finditer(self.doc.text)]
        spans += self.superseded_definitions
        return Intervals(spans)

    @cached_property
    def superseded_definitions(self) -> list[tuple[int, int]]:
        """The spans of definitions that another finding tells the drafter to
        delete (DEF001: not used) or to replace by a reference to the law
        (DEF003; DUP001 where the words are the law's): advice on their wording
        would contradict that, and a fix would change the law's words."""
        unused = set() if self.excerpt else {id(d) for d in self.unused_definitions}  # (DEF001 says nothing then)
        law = self.statutory_definitions
        worded = self.law_worded_definitions
        return [d.span for d in self.definitions if id(d) in unused or id(d) in law or id(d) in worded]

    @cached_property
    def law_worded_definitions(self) -> frozenset[int]:
        """The ids of the definitions that give a term the definition the law
        gives it, in (nearly) the law's words, by the built-in statutes (what
        DUP001 reports as a repetition of the law's definition)."""
        from .rules.duplication import definition_match
        from .statutes import builtin

        index = builtin.load() if self.definitions else None
        if index is None:
            return frozenset()
        text = self.doc.text
        return frozenset(id(d) for d in self.definitions
                         if (m := definition_match(index, text[d.span[0]:d.span[1]])) is not None
                         and m.score >= LAW_WORDS)

    @cached_property
    def statutory_definitions(self) -> dict[int, str]:
        """id(definition) -> where the law defines its term, for the terms the
        ordinance defines again itself (DEF003 reports them; DUP001 leaves them
        to DEF003; their wording is not the drafter's to polish)."""
        from .rules.definitions import statutory_definition

        return {id(d): where for d in self.definitions if (where := statutory_definition(d, self.doc))}

    @cached_property
    def unused_definitions(self) -> "list[Definition]":
        from .rules.definitions import find_unused_definitions

        return find_unused_definitions(self)

    @cached_property
    def titled_excerpt(self) -> bool:
        """The text says it is a part of a regulation: in its title
        ('uittreksel'), or its first article or chapter is numbered past the first."""
        from .legal import is_excerpt

        return is_excerpt(self.doc)

    @cached_property
    def article_problems(self) -> list:
        """Duplicates, disorder, gaps and changes of scheme in the article numbers."""
        from .rules.numbering import article_problems

        return article_problems(self.doc)

    @cached_property
    def abridged(self) -> bool:
        """Pieces are missing: the article numbering jumps at two or more
        places (a gap, or a change of scheme as in 5.1.4 → 8). One gap may be
        a slip of the drafter; several are a text cut from a larger one."""
        return sum(p.kind in ("gap", "scheme") for p in self.article_problems) >= 2

    @cached_property
    def definitions_only(self) -> bool:
        """The text holds begripsbepalingen and no rule text outside them (the
        definitions article alone): what its terms are used in is not here."""
        arts = {id(a) for a in self.definition_articles}
        return bool(arts) and all(id(s.node.nearest(Kind.ARTIKEL)) in arts for s in self.sentences())

    @cached_property
    def excerpt(self) -> bool:
        """The text in hand is a part of a regulation (:attr:`titled_excerpt`,
        :attr:`abridged` or :attr:`definitions_only`). Gaps in the numbering, a
        missing slotbepaling, unused definitions and references to absent
        articles are then not defects of the text in hand."""
        return self.titled_excerpt or self.abridged or self.definitions_only

    @cached_property
    def hardship(self) -> "list[Hardship]":
        from .legal import find_hardship_clauses

        return find_hardship_clauses(self)

    @cached_property
    def has_real_hardship_clause(self) -> bool:
        return any(h.has_standard and not h.from_law for h in self.hardship)

    @property
    def hardship_summary(self) -> str:
        """'ja' (the ordinance's own hardship clause, with a standard),
        'zonder maatstaf' (one that leaves the standard open) or 'nee'."""
        own = [h for h in self.hardship if not h.from_law]
        if any(h.has_standard for h in own):
            return "ja"
        return "zonder maatstaf" if own else "nee"

    @cached_property
    def explanatory_bijlagen(self) -> frozenset[int]:
        """Ids of the bijlagen that explain the law and practice (sources, case
        law, examples) rather than set rules."""
        from .legal import explanatory_bijlagen

        return explanatory_bijlagen(self.doc)

    @cached_property
    def quotations(self) -> Intervals:
        """The spans of text the regulation quotes between double quotes (“…”, "…") of
        QUOTED_WORDS words or more: the memorie van toelichting, a judgment, the law. What
        they say is another text's wording, not the regulation's own."""
        text = self.doc.text
        return Intervals((m.start(), m.end()) for m in _QUOTATION_RE.finditer(text)
                         if len(m.group(0).split()) >= QUOTED_WORDS)

    def explains(self, node: Node) -> bool:
        """``node`` stands in an explanatory bijlage (:attr:`explanatory_bijlagen`)."""
        bijlage = node.nearest(Kind.BIJLAGE)
        return bijlage is not None and id(bijlage) in self.explanatory_bijlagen

    @cached_property
    def law_families(self) -> frozenset[str]:
        """The social-domain laws the regulation implements (see :func:`legal.law_families`)."""
        from .legal import law_families

        return law_families(self.doc)

    def families_of(self, node: Node) -> frozenset[str]:
        """The laws the part of the regulation that ``node`` stands in implements
        (see :func:`legal.section_families`), once per node."""
        found = self._families_of.get(id(node))
        if found is None:
            from .legal import section_families

            found = self._families_of[id(node)] = section_families(node, self.law_families)
        return found

    @cached_property
    def policy_rules(self) -> bool:
        """The text is a set of beleidsregels (see :func:`legal.policy_rules`)."""
        from .legal import policy_rules

        return policy_rules(self.doc)

    @cached_property
    def exclusions(self) -> "list[Exclusion]":
        from .rules.exclusion import find_exclusions

        return find_exclusions(self)

    # -- analyses that depend on an option ----------------------------------------------
    def per_option(self, name: str, option: Any, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per document and per value of ``option`` (an
        object the run keeps, such as a statute index or a language model)."""
        key = (name, id(option))
        if key not in self._by_option:
            self._by_option[key] = (option, compute())  # keep ``option`` alive: its id stays unique
        return self._by_option[key][1]
