"""Provisions of national law that regulations restate in their own words
(topics.yaml), and which sentences of a document carry them: a shared
analysis, computed once per document, that DUP002 and DUP004 report on and the
rigid-exclusion rules consult (a sentence that restates the law's own
exclusion or limit is the law's, not the regulation's)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from .. import rx
from ..legal import cite, family_applies, list_lead_in
from ..text import WORD_RE
from .shingles import numbers_with_units

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis
    from ..text import Sentence


def pattern(text: str) -> re.Pattern:
    """A topics.yaml pattern, compiled when a sentence first needs it (and then
    kept by :mod:`verolint.rx`): most provisions never pass their anchor in a
    given run, and compiling all of them up front was a tenth of a second of
    every small check."""
    return rx.compile(text, re.I)


@dataclass(frozen=True)
class Topic:
    law: str
    article: str
    what: str
    all: tuple[str, ...]  # patterns (case-insensitive), the first one the anchor
    none: tuple[str, ...]
    cites: str  # 'artikel 3:45': a sentence that cites the article refers to it, it does not restate it
    term: tuple[str, float] | None = None  # (unit, value) of a term the provision sets: ('weken', 2.0)
    conflict: str | None = None  # words that say the provision applies, so another value contradicts it
    own: str | None = None  # what the law asks the ordinance to add on the matter (then: refer, and keep that)
    domain: str | None = None  # the words of the law's domain: needed unless the regulation is of that law only
    family: str | None = None  # the law's family (legal.LAW_FAMILIES): 'wmo', 'jeugd', 'werk', 'schuld'
    limits: bool = False  # the provision itself excludes, limits or refuses (not a power to)

    @property
    def cited(self) -> str:
        """'artikel 2.3.2, derde lid, van de Wet maatschappelijke ondersteuning 2015'."""
        return cite(self.law, self.article)

    def found_in(self, text: str, families: frozenset[str] = frozenset()) -> bool:
        """Whether the text carries the provision; ``families`` are the laws the
        regulation implements (a regulation of this law alone needs no word of
        its domain: 'De aanvrager verleent desgevraagd zijn medewerking' in
        beleidsregels bijzondere bijstand)."""
        low = rx.lowered(text)
        if not all(_may_occur(p, low) for p in self.all[1:]):
            return False  # (the anchor, the first, is for Anchors.which to rule out)
        return (all(pattern(p).search(text) for p in self.all)
                and (self.domain is None or families == {self.family} or pattern(self.domain).search(text) is not None)
                and not self.kept_out(text) and not pattern(self.cites).search(text))

    def kept_out(self, text: str) -> bool:
        """Whether the text has words of ``none``: a local addition, not the provision."""
        return any(pattern(p).search(text) for p in self.none)

    def other_term(self, text: str) -> set[float]:
        """The values the text gives for the provision's unit other than the
        law's (empty when it gives the law's own, or none)."""
        if self.term is None:
            return set()
        unit, value = self.term
        values = numbers_with_units(text).get(unit, set())
        return set() if value in values else set(values)

    def conflicts_in(self, text: str) -> set[float]:
        """:meth:`other_term`, where the words say the law applies."""
        if self.conflict is None or not pattern(self.conflict).search(text):
            return set()
        return self.other_term(text)


@lru_cache(maxsize=1)
def load() -> tuple[tuple[Topic, ...], "Anchors"]:
    """The provisions of topics.yaml, and their anchors (the first pattern of
    each, which begins with literal words); once per run."""
    from ..legal import LAW_FAMILIES
    from . import LAW_IDS

    entries = _entries()
    topics = tuple(
        Topic(e["law"], e["article"], e["what"], tuple(e["all"]), tuple(e.get("none", ())),
               r"\bartikel(?:en)?\s+%s(?![\d.:])" % re.escape(e["article"].split()[1].rstrip(",")),
               (e["term"]["unit"], float(e["term"]["value"])) if "term" in e else None,
               e.get("conflict"), e.get("own"), e.get("domain"), LAW_FAMILIES.get(LAW_IDS.get(e["law"].lower(), "")),
               bool(e.get("limits", False)))
        for e in entries)
    return topics, Anchors([t.all[0] for t in topics])


def _entries() -> list[dict]:
    """The entries of topics.yaml. Reading its YAML and working out the
    :func:`literal_prefixes` of its patterns took some 20 ms of every run, so
    both are kept in the cache folder as plain JSON, under a checksum of the
    file and of the Python whose ``re`` parser read the patterns, and read
    back (every entry shape-checked) on the next run."""
    import hashlib
    import sys
    from pathlib import Path

    import yaml

    from .. import __version__
    from ..lexicon import cache_dir, caching, read_json, write_json
    from ..yamlsource import MAX_BYTES, YAML_LOADER, read_yaml_text

    text = read_yaml_text(Path(__file__).parent / "topics.yaml")
    if not caching():
        return yaml.load(text, Loader=YAML_LOADER)
    key = hashlib.sha256(f"{sys.hexversion:x}\n{text}".encode()).hexdigest()
    path = cache_dir() / f"topics-{__version__}.json"
    stored = read_json(path, 2 * MAX_BYTES)
    if (isinstance(stored, dict) and stored.get("key") == key and isinstance(stored.get("entries"), list)
            and all(map(_is_entry, stored["entries"])) and isinstance(stored.get("prefixes"), dict)
            and all(map(_is_prefixes, stored["prefixes"].values()))):
        _PREFIXES.update((p, tuple(found) if found else None) for p, found in stored["prefixes"].items())
        return stored["entries"]
    entries = yaml.load(text, Loader=YAML_LOADER)
    prefixes = {p: literal_prefixes(p) for e in entries for p in e["all"]}  # the anchors and what _gate reads
    write_json(path, {"key": key, "entries": entries, "prefixes": prefixes})
    _PREFIXES.update(prefixes)
    return entries


def _is_entry(e) -> bool:
    """An entry as topics.yaml has them (see its header)."""
    def texts(value) -> bool:
        return type(value) is list and all(type(v) is str for v in value)

    if type(e) is not dict:
        return False
    term = e.get("term")
    return (all(type(e.get(k)) is str for k in ("law", "article", "what")) and len(e["article"].split()) >= 2
            and texts(e.get("all")) and len(e["all"]) >= 1 and texts(e.get("none", []))
            and all(type(e.get(k)) in (str, type(None)) for k in ("conflict", "own", "domain"))
            and type(e.get("limits", False)) is bool
            and (term is None or (type(term) is dict and type(term.get("unit")) is str
                                  and type(term.get("value")) in (int, float))))


def _is_prefixes(value) -> bool:
    """What :func:`literal_prefixes` gives, as JSON: None or a list of words."""
    return value is None or (type(value) is list and len(value) >= 1 and all(type(v) is str and v for v in value))


class Anchors:
    """Which provisions a sentence may carry, before any pattern runs. Every
    match of an anchor begins with one of a few literal words ('bezwaar',
    'gehoord', 'op verzoek'): one dictionary lookup per distinct word of the
    sentence finds the anchors that can occur (what a word can begin is worked
    out once per run), where a search for 64 alternatives at every position
    took longer than the rest of DUP004. An anchor that does not begin with
    such words is always tried."""

    MEMO_SIZE = 1 << 17

    def __init__(self, anchors: list[str]):
        self.always: list[int] = []
        self.by_start: dict[str, list[tuple[str, str, int]]] = {}  # first two letters -> (first word, words, anchor)
        self._memo: dict[str, tuple[tuple[str, int], ...]] = {}  # a word -> the anchors it can begin
        for i, anchor in enumerate(anchors):
            starts = literal_prefixes(anchor)
            if starts is None:
                self.always.append(i)
                continue
            for words in starts:
                first = words.split(" ", 1)[0]
                self.by_start.setdefault(first[:2], []).append((first, words, i))

    def which(self, words: Sequence[str], text: str) -> list[int]:
        """The provisions whose anchor can occur in ``text``, whose case-folded
        words (:class:`~verolint.analysis.TokenTable`) are ``words``."""
        found = set(self.always)
        flat = None
        memo = self._memo
        for token in set(words):
            hits = memo.get(token)
            if hits is None:
                if len(memo) >= self.MEMO_SIZE:
                    memo.clear()  # a run over many laws: the words of the files at hand
                hits = memo[token] = self._starting(token)
            for whole, i in hits:
                if i in found:
                    continue
                if whole:  # 'op verzoek': the words after the first, as the text has them
                    flat = flat if flat is not None else " ".join(text.casefold().split())
                    if whole not in flat:
                        continue
                found.add(i)
        return sorted(found)

    def _starting(self, token: str) -> tuple[tuple[str, int], ...]:
        """The anchors a word can begin, as (the anchor's words when they are
        more than one, else '', anchor); kept per distinct word for the run."""
        parts = (token,) if token.isalnum() else (token, *_JOINED_RE.split(token))
        hits = []
        for part in parts:
            for first, whole, i in self.by_start.get(part[:2], ()):
                if part == first if " " in whole else part.startswith(first):
                    hits.append((whole if " " in whole else "", i))
        return tuple(hits)


_JOINED_RE = rx.compile(r"[-'’/]")


LEAST = 3  # letters a prefix must have to be of use
_PREFIXES: dict[str, tuple[str, ...] | None] = {}  # of topics.yaml's patterns, kept in the cache folder (_entries)


def literal_prefixes(anchor: str, least: int = LEAST) -> tuple[str, ...] | None:
    """Lower-case strings one of which begins every match of ``anchor``
    (read case-insensitively): '\\b(?:gehoord|horen|hoorzitting)\\b' gives
    ('gehoord', 'horen', 'hoorzitting'), '\\bcli[eë]nt' ('cli',). None when a
    match can begin otherwise or with fewer than ``least`` letters known."""
    if least == LEAST and anchor in _PREFIXES:
        return _PREFIXES[anchor]
    from re import _constants as sre, _parser  # the standard parser of `re` (3.11+); any surprise: None

    space = [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)])]

    def starts(items) -> list[str] | None:
        out = [""]
        for op, arg in items:
            if op is sre.AT:
                continue  # \b and the like take no text
            if op is sre.LITERAL:
                out = [p + chr(arg).lower() for p in out]
                continue
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1 and list(arg[2]) == space:
                out = [p + " " for p in out]  # \s+ is one space in the text as which() reads it
                continue
            if op is sre.SUBPATTERN:
                inner = starts(arg[-1])
            elif op is sre.BRANCH:
                inner = []
                for branch in arg[1]:
                    found = starts(branch)
                    if found is None:
                        return None
                    inner += found
            else:
                break  # a character class, a repeat: what follows is not known letter by letter
            if inner is None:
                return None
            out = [p + q for p in out for q in inner]
            break
        return out

    try:
        found = starts(_parser.parse(anchor, re.I))
    except Exception:  # noqa: BLE001 - a parser of another Python: no prefilter, the pattern still runs
        return None
    if not found or any(len(p) < least for p in found):
        return None
    return tuple(dict.fromkeys(found))


_NOT_PLAIN_RE = rx.compile(r"[^!-~]+")  # white space and letters outside ASCII


@lru_cache(maxsize=None)  # the patterns of topics.yaml: a thousand at most
def _gate(text: str) -> tuple[str, ...] | None:
    """Lower-case ASCII words one of which every match of the pattern ``text``
    contains (the longest plain part of each of its :func:`literal_prefixes`),
    or None when it has none of three letters or more."""
    prefixes = literal_prefixes(text)
    if prefixes is None:
        return None
    words = tuple(dict.fromkeys(max(_NOT_PLAIN_RE.split(p), key=len) for p in prefixes))
    return words if all(len(w) >= 3 for w in words) else None


def _may_occur(text: str, low: str) -> bool:
    """Whether the pattern ``text`` can match a text whose
    :func:`verolint.rx.lowered` is ``low``: a substring test for its words
    (:func:`_gate`), where a search of the text costs some ten times as much;
    most sentences that pass a provision's anchor lack the words of its other
    patterns."""
    words = _gate(text)
    return words is None or any(w in low for w in words)


# A sentence that goes on from the one before: the answer to a question that
# states its condition ('Geeft u de gegevens niet? Dan kunnen wij uw bijstand
# opschorten.'), the next step ('Daarna onderzoeken we …'), or what it says of
# the one before ('Het is mogelijk dat de jeugdhulp wordt verlengd. Dit kan tot …')
_GOES_ON_RE = rx.compile(r"\W*(?:dan|in\s+dat\s+geval|daarna|vervolgens|(?:dit|dat)\s+(?:kan|mag|geldt|gebeurt|duurt))\b",
                         re.I)


def _condition_of(before: str, text: str) -> str:
    """The sentence before ``text`` when ``text`` goes on from it (see _GOES_ON_RE):
    a provision restated over the two is read as one."""
    m = _GOES_ON_RE.match(text)
    if not before or m is None:
        return ""
    if m.group(0).strip().lower() in ("dan", "in dat geval") and not before.rstrip().endswith("?"):
        return ""
    return before


def _goes_on_from(analysis: "Analysis") -> "dict[int, Sentence]":
    """For each sentence that goes on from the one before it in the same node
    (:func:`_condition_of`), that sentence, by the start of the one going on;
    once per document."""
    def compute():
        out = {}
        before: dict[int, "Sentence"] = {}  # node -> its sentence before this one
        for s in analysis.sentences():
            prev, before[id(s.node)] = before.get(id(s.node)), s
            if prev is not None and _condition_of(prev.text, s.text):
                out[s.start] = prev
        return out

    return analysis.per_option("statute-topics-goes-on-from", None, compute)


def hits(analysis: "Analysis") -> "list[tuple[Sentence, str, list[tuple[int, Topic]]]]":
    """(sentence, its text with the lead-in of its list or the sentence it goes
    on from, the provisions it carries) for each sentence that carries any;
    once per document."""
    topics, anchors = load()

    def compute():
        found = []
        doc = analysis.doc
        applying: dict[frozenset, list[bool]] = {}  # the laws of a part -> which provisions can apply there
        lead_has: dict[str, list[int]] = {}  # a lead-in is shared by the items of its list: read once
        tokens = analysis.tokens
        goes_on = _goes_on_from(analysis)
        for s in analysis.sentences():
            first, last = tokens.span(s.start, s.end)
            maybe = anchors.which(tokens.norms[first:last], s.text)
            condition = goes_on.get(s.start)
            lead = " ".join(filter(None, (list_lead_in(doc, s.node), condition.text if condition else "")))
            if lead:
                if lead not in lead_has:
                    lead_has[lead] = anchors.which(WORD_RE.findall(lead.casefold()), lead)
                if lead_has[lead]:
                    maybe = sorted(set(maybe).union(lead_has[lead]))
            if not maybe:
                continue
            text = f"{lead} {s.text}"
            families = analysis.families_of(s.node)
            applies = applying.get(families)
            if applies is None:
                applies = applying[families] = [family_applies(families, t.family) for t in topics]
            found_here = [(i, topics[i]) for i in maybe if applies[i] and topics[i].found_in(text, families)]
            if found_here:
                found.append((s, text, found_here))
        return found

    return analysis.per_option("statute-topics", topics, compute)


LIST_ITEMS_MAX = 12  # a list longer than this is read item by item only: in a long list, words meet by chance


def list_hits(analysis: "Analysis") -> "list[tuple[Sentence, str, list[tuple[int, Topic]]]]":
    """(lead-in sentence, the list's text, the provisions it carries) for each
    list that carries a provision over its items together, where no sentence
    of the list carries it alone: 'De diensten: a. passen bij de behoefte van
    de inwoner; … c. voldoen aan de normen die in de beroepsgroep algemeen zijn
    aanvaard; d. worden afgestemd op andere diensten …' restates artikel 3.1,
    tweede lid, of the Wmo 2015 over three items. Once per document; items
    whose own words keep the provision out (its ``none``: a local addition)
    are left out of the whole."""
    topics, anchors = load()

    def compute():
        found = []
        alone = {s.start: {i for i, _t in carried} for s, _text, carried in hits(analysis)}
        for lead, items in _lists(analysis).values():
            families = analysis.families_of(lead.node)
            texts = [lead.text.strip()] + [t.text.strip() for t in items]
            whole = " ".join(texts)
            maybe = anchors.which(WORD_RE.findall(whole.casefold()), whole)
            seen = set().union(*(alone.get(t.start, set()) for t in [lead, *items]))
            carried = []
            for i in maybe:
                if i in seen or not family_applies(families, topics[i].family):
                    continue
                topic = topics[i]
                kept = " ".join([texts[0]] + [t for t in texts[1:] if not topic.kept_out(t)])
                if topic.found_in(kept, families):
                    carried.append((i, topic))
            if carried:
                found.append((lead, whole, carried))
        return found

    return analysis.per_option("statute-topics-lists", topics, compute)


def list_sentences(analysis: "Analysis", lead: "Sentence") -> "list[Sentence]":
    """The lead-in and the item sentences of the list ``lead`` introduces (see :func:`list_hits`)."""
    found = _lists(analysis).get(lead.start)
    return [lead, *found[1]] if found is not None else [lead]


def _lists(analysis: "Analysis") -> "dict[int, tuple[Sentence, list[Sentence]]]":
    """{start of the lead-in: (lead-in, the sentences of its items)} for each list of 2 to
    LIST_ITEMS_MAX items whose lead-in ends in a colon (the last sentence of its node's own text)."""
    return analysis.per_option("statute-topics-list-items", None,
                               lambda: {lead.start: (lead, items) for lead, items in _find_lists(analysis)})


def _find_lists(analysis: "Analysis") -> "list[tuple[Sentence, list[Sentence]]]":
    from ..model import ITEM_KINDS, Kind

    out = []
    definitions = {id(a) for a in analysis.definition_articles}  # (a list of definitions is no rule over its items)
    for node in analysis.doc.root.walk():
        own = analysis.sentences_of(node)
        if not own or not own[-1].text.rstrip().endswith(":") or id(node.nearest(Kind.ARTIKEL)) in definitions:
            continue
        items = [c for c in node.children if c.kind in ITEM_KINDS]
        if 2 <= len(items) <= LIST_ITEMS_MAX:
            out.append((own[-1], [t for c in items for t in analysis.sentences_of(c)]))
    return out


def restates_limit(analysis: "Analysis", s: "Sentence") -> bool:
    """Whether the sentence carries a provision that itself excludes, limits or
    refuses (``limits`` in topics.yaml): the law's own limit, in other words;
    also the condition a restatement goes on from ('Bent u jonger dan 18 jaar?
    Dan heeft u geen recht op bijstand.')."""
    return any(t.limits for _i, t in _by_sentence(analysis).get(s.start, ()))


def _by_sentence(analysis: "Analysis") -> "dict[int, list[tuple[int, Topic]]]":
    """The provisions each sentence carries, by the sentence's start, and the
    sentence a carrying one goes on from (once per document)."""
    topics, _anchors = load()

    def compute():
        out: dict[int, list] = {}
        goes_on = _goes_on_from(analysis)
        for s, _text, found in hits(analysis):
            out.setdefault(s.start, []).extend(found)
            if s.start in goes_on:
                out.setdefault(goes_on[s.start].start, []).extend(found)
        return out

    return analysis.per_option("statute-topics-by-sentence", topics, compute)
