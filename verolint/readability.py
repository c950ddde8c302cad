"""Language level of Dutch ordinance text: a transparent surface model.

No validated mapping from Dutch text features to CEFR exists, and the one
formula validated against comprehension (LiNT) needs a dependency parser that
cannot be installed offline. verolint therefore scores each *unit* (a sentence
or list item of rule text) on documented features, each of which is a reason
the drafter can act on:

* Flesch-Douma (FD) = 206.835 - 0.93 * words/sentence - 77 * syllables/word.
  Syllables come from textstat with ``set_lang("nl")`` (which uses pyphen's
  nl_NL hyphenation: points + 1). pyphen undercounts words with a one-vowel
  first syllable ('over', 'idee'), so the count per word is the larger of
  textstat's and the number of vowel groups. textstat's own sentence splitter
  breaks on legal lists and abbreviations, so verolint gives it one cleaned
  unit at a time and counts words itself. Only FD is used: textstat's other
  formulas keep English constants or word lists for Dutch.
* words per unit; uncommon words (Zipf < 3.0 for Dutch, from the table in
  verolint/frequency.py, derived from wordfreq; compounds
  scored by their head: 'participatieplan' is as common as 'plan');
  officialese from the language-level substitution packs ('indien');
  naamwoordstijl (nominalisations, 'ter + noun'); passive voice; stacked
  subordinate clauses; extended attributes ('de in artikel 3 bedoelde',
  'de in aanmerking te nemen'); interrupted sentences, a surface stand-in
  for LiNT's dependency length ('Het bedrag is, tenzij …, nooit hoger';
  'Een persoon die … geen recht meer heeft, ontvangt …'); long compounds
  with an uncommon head.

A unit is above B2 when (a) it has at least 12 words and FD < 40, or (b) it
scores 3 or more marker points (each officialese word, uncommon word,
passive, naamwoordstijl, clause stack and interruption 1; an extended attribute 2; more than
25 words 1, more than 35 words 2). For target B1: FD < 60, more than 20 words,
or 2 points. The numbers come from Douma's bands (60 = lower edge of 'normaal',
40 inside 'moeilijk') and LiNT-II agreement checks (see
shared/docs/readability-nl.md); benchmarks/bench_language.py measures them on
verolint's own labelled set. Labels are only ``B1`` (B1 or lower), ``B2`` and
``C1+``. This is not a LiNT score.

Definitions in the begripsbepalingen, headings and the toelichting are not
scored; law titles and references ('artikel 4:14 van de Algemene wet
bestuursrecht') are replaced by one neutral word before scoring.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from . import rx
from . import frequency
from .analysis import Analysis
from .legal import LAW_RE, may_cite_law
from .model import Document, Kind, Node

TARGETS = ("B1", "B2")

# thresholds per target: FD cut-off, min words for FD, points, long-sentence words;
# B2 weighs the three together ("weight", see Analyzer._above)
THRESHOLDS = {
    "B2": {"fd": 40.0, "fd-min-words": 12, "fd-min-points": 1, "points": 2, "max-words": None,
           "weight": 9.5, "words-per-point": 5, "fd-per-point": 20},
    "B1": {"fd": 60.0, "fd-min-words": 12, "fd-min-points": 1, "points": 2, "max-words": 20},
}

FUNCTION_WORDS = frozenset(
    """
    de het een en of maar want dus dan als dat die dit deze wat wie welk welke waar hoe wanneer
    in op aan van voor met bij uit naar over onder tot door om te tegen zonder na tussen binnen buiten
    sinds vanaf per via volgens tijdens wegens ondanks behalve langs rond
    ik je jij u hij zij ze wij we jullie hun hen hem haar mij me ons onze uw zijn mijn jouw
    is ben bent zijn was waren wordt worden werd werden word heeft hebben had hadden heb hebt
    kan kunnen kon konden kunt mag mogen mocht moet moeten moest zal zullen zou zouden wil willen
    niet geen ook nog al wel zo er hier daar nu dan toen meer minder veel weinig zeer heel erg
    elk elke ieder iedere alle alles iets niets niemand iemand ander andere anderen zelf zich
    """.split()
)
SUBORDINATOR_WORDS = frozenset(
    "omdat indien wanneer nadat voordat terwijl tenzij mits hoewel doordat zodat zodra totdat"
    " waarbij waarin waardoor waarvan waarop waarmee waaruit waarvoor welke".split()
)
_RELATIVE_RE = rx.compile(r",\s*(?:die|dat|als)\b", re.I)  # ", die …", ", dat …", ", als …"
# "de verstrekking van", "het verkrijgen van" style: a nominalised verb followed by a preposition
# (the look-ahead passes over a word without a preposition after it before the
# suffixes are tried at every length of the word: the same matches, sooner)
_PREPOSITION = r"\s+(?:van|door|aan|tot|op|over)\b"
_NOMINALISATION = r"\b(?=\w++%s)(\w{4,}(?:ing|heid|tie|sie|iteit|nis|schap|age|isme))%s" % (_PREPOSITION, _PREPOSITION)
_HET_VAN = r"\bhet\s+(?:(?:niet|of|tijdig|volledig|juist|correct|opnieuw|onvoldoende)\s+){0,4}\w{3,}en\s+van\b"  # "het niet nakomen van"
_PLAATS = r"\b(?:vindt|vinden|heeft|hebben)\s+(?:\S+\s+){0,2}?plaats\b|\bplaatsvind\w*"
NOMINAL_RE = rx.compile("|".join((_NOMINALISATION, _HET_VAN, _PLAATS)), re.I)
# NOMINAL_RE for a text without 'plaat', where its last alternatives cannot match
_NOMINAL_BUT_PLAATS_RE = rx.compile("|".join((_NOMINALISATION, _HET_VAN)), re.I)
TER_RE = rx.compile(r"\bter\s+(?:zake|\w{4,}(?:ing|name|beschikking|hand))\b(?:\s+van)?", re.I)
_TER_SPACE_RE = rx.compile(r"ter\s")
PASSIVE_RE = rx.compile(
    r"\b(?:wordt|worden|werd|werden)\b(?:\s+[^\s,;.]+){0,7}?\s+((?:ge|ver|be|ont|her|er|toe|aan|af|in|op|uit|vast|mee|door|na)\w{2,}(?:d|t|en))\b",
    re.I,
)
# "de in artikel 3 bedoelde voorziening", "de hiervoor genoemde termijn", "de uit de wet voortvloeiende plicht"
_ADJ_PARTICIPLE = (
    r"(?:ge\w{2,}(?:de|te|en)|(?:be|ver|ont|her|er|toe|vast|voort|op|aan|in|uit|af)\w{2,}(?:de|te|ende)|\w{3,}ende"
    r"|zijnde|(?<!\bom\s)te\s+\w{2,}en)"  # 'de van toepassing zijnde maandnorm', 'de in aanmerking te nemen bezittingen'
)
EXTENDED_RE = rx.compile(
    r"\b(?:de|het|een|die)\s+(?:(?:in|bij|uit|door|op|aan|krachtens|ingevolge|voor|onder|met|tot|over|tegen|binnen)\s+(?:[^\s,.;]+\s+){1,5}?"
    r"|(?<=[de][et]\s)van\s+(?:[^\s,.;]+\s+){1,5}?"  # 'de van toepassing zijnde', not 'een van de genoemde'
    r"|(?:hier|daar|eerder|hierboven|hiervoor|hierna|daarin|daarbij)\w*\s+)(%s)\s+(?!(?:dat|die|dit|deze|het|een|wat|wie|waar\w*|zijn|worden|wordt)\b)\w{3,}" % _ADJ_PARTICIPLE,
    re.I,
)
# An interrupted sentence, a proxy for LiNT's dependency length (the reader
# holds the main clause open): a comma-delimited insertion inside the main
# clause (', genoemd in artikel 2,'; ', tenzij …,'; ', de uitvoering betreffend,')
# or a long subject or fronted phrase with a relative clause before the finite
# verb ('Een persoon die … geen recht meer heeft, ontvangt …').
_SUBORDINATING = r"(?:als|indien|wanneer|nadat|voordat|zodra|omdat|hoewel|tenzij|mits|voor\s+zover|zolang|terwijl|doordat|zodat|totdat|om)"
# (the comma comes before the look-behind for the word before it, so that re
# can scan for the comma instead of trying the pattern at every position)
INSERTION_RE = rx.compile(
    r",(?<=\w,)\s+((?:(?:(?:als|zoals)\s+)?(?:bedoeld|genoemd|vermeld|gerekend|opgenomen|vastgesteld|omschreven)\b"
    r"|tenzij\b|mits\b|behoudens\b|onverminderd\b|voor\s+zover\b|indien\b|waaronder\b"
    r"|(?:de|het)\s+[^,;:]{3,40}?\s+betreffende?\b)[^,;:]*?),\s+"
    r"(?!(?:en|of|maar|dan|want|%s)\b)\w+" % _SUBORDINATING,
    re.I,
)
LONG_SUBJECT_RE = rx.compile(
    # the subject or fronted phrase: (a preposition,) a determiner and at most three words before the relative
    r"^(?:(?:aan|van|voor|bij|met|door|op|tot|over|tegen)\s+)?(?:(?:de|het|een|elke|iedere|ieder|alle|degene|degenen)\s+)?"
    r"(?:[^\W\d_][\w'’-]*\s+){0,3}?(?:die|dat|welke|wie|aan\s+wie|van\s+wie|waar(?:van|in|op|mee|voor|aan|door))\s"
    r"[^,;:()]+,\s+(?!(?:en|of|maar|dan|die|dat|zoals|%s)\b)(?-i:[a-zà-ÿ]+)\b" % _SUBORDINATING,
    re.I,
)
INSERTION_MIN_WORDS = 3  # ', als dat nodig is,' (4) counts; ', zo nodig,' does not
SUBJECT_MIN_WORDS = 9  # words before the finite verb: 'Een cliënt die een pgb ontvangt, moet' (6) does not count


def interruption(text: str) -> str | None:
    """The words that hold the main clause open, or None."""
    m = INSERTION_RE.search(text)
    if m and len(m.group(1).split()) >= INSERTION_MIN_WORDS:
        return m.group(0)
    if "," not in text:  # LONG_SUBJECT_RE needs one
        return None
    text = text.lstrip()
    m = LONG_SUBJECT_RE.match(text)
    if m and len(m.group(0).split()) - 1 >= SUBJECT_MIN_WORDS:
        return m.group(0)
    return None


def _clip(words: str, head: int = 5, tail: int = 3) -> str:
    """A long quotation cut to its first and last words."""
    parts = words.split()
    return words if len(parts) <= head + tail else " ".join(parts[:head]) + " … " + " ".join(parts[-tail:])


_VOWEL_GROUPS = rx.compile(r"[aeiouyáéíóúàèëïöüâêîôû]+", re.I)
_WORD_RE = rx.compile(r"[A-Za-zÀ-ÿ]+(?:[-'’][A-Za-zÀ-ÿ]+)*|\d+(?:[.,]\d+)*")
_REF_RE = rx.compile(
    r"\b(?:artikel|artikelen|art\.)\s+\d+[a-z]?(?:[.:]\d+[a-z]?)*(?:\s*(?:,|en|tot\s+en\s+met)\s*\d+[a-z]?(?:[.:]\d+[a-z]?)*)*"
    r"(?:,?\s+(?:\w+\s+)?lid)?(?:,?\s+(?:onderdeel|onder|sub)\s+\w{1,3})?",
    re.I,
)
_MD_LINK_RE = rx.compile(r"\[([^\]]*)\]\([^)]*\)")
_DEF_ITEM_RE = rx.compile(r"^\s*[*_'\"‘“]*[^:;.]{1,60}[*_'\"’”]*\s*:\s")
# The drafting formulas of the begripsbepalingen (Aanwijzingen voor de regelgeving 5.1): 'In deze
# verordening (en de daarop berustende bepalingen) wordt verstaan onder:', 'Alle begrippen die in deze
# verordening worden gebruikt en niet nader worden omschreven, hebben dezelfde betekenis als in …'. Every
# reader of regulations knows them; they are not the sentences to rewrite.
_DEFINITIONS_FORMULA_RE = rx.compile(
    r"^\W*(?:(?:\d+\.\s+)?in\s+(?:deze|dit)\s+[^:.;]{0,100}?\b(?:wordt|worden)\s+verstaan\s+onder\s*:\s*"
    r"|(?:\d+\.\s+)?(?:alle\s+)?(?:de\s+)?(?:begrippen|definities|termen)\s+die\s+in\s+[^.;]{0,200}?\bdezelfde\s+betekenis\s+als\s+in\b[^.;]*[.;]?\s*)",
    re.I)


# -- word level ------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _hyphenator():
    """The Dutch hyphenation dictionary textstat counts syllables with.
    textstat's Dutch syllable count is pyphen's: importing textstat itself
    would pull in nltk (over a second at start-up) for an English dictionary
    that Dutch never consults, so verolint asks pyphen directly."""
    from pyphen import Pyphen

    return Pyphen(lang="nl")


# textstat drops punctuation but keeps an apostrophe before t, s, d, ve, ll, re
_PUNCTUATION_RE = rx.compile(r"'(?![tsd]|ve|ll|re)|[^\w\s']")


def textstat_syllables(word: str) -> int:
    """``textstat.syllable_count(word)`` with ``set_lang("nl")``, without its imports."""
    hyphenator = _hyphenator()
    return sum(len(hyphenator.positions(w)) + 1 for w in _PUNCTUATION_RE.sub("", word).lower().split())




# No Dutch word is longer than this (the longest in dictionaries have about 40
# letters); a longer "word" is a code, a hash or garbage, and is not hyphenated
# or split into compound heads (both grow with the square of its length).
LONGEST_WORD = 60


def _syllables(word: str) -> int:
    if word[0].isdigit():
        return 1
    if len(word) > LONGEST_WORD:
        return max(len(_VOWEL_GROUPS.findall(word)), 1)
    by_textstat = textstat_syllables(word)
    return max(by_textstat, len(_VOWEL_GROUPS.findall(word)), 1)


@lru_cache(maxsize=1)
def _lexicon():
    from .lexicon import Lexicon

    return Lexicon("woorden", lambda w: (_syllables(w), _zipf(w)))


def syllables(word: str) -> int:
    """Syllables of a lower-case word (textstat, Dutch; cached per user)."""
    return _lexicon()(word)[0]


def _zipf_raw(word: str) -> float:
    return frequency.zipf(word)


def zipf(word: str) -> float:
    """Zipf frequency of a lower-case Dutch word; a compound takes its head's
    (verolint/frequency.py; cached per user)."""
    return _lexicon()(word)[1]


def _zipf(word: str) -> float:
    if len(word) > LONGEST_WORD:
        return 0.0
    z = _zipf_raw(word)
    if z >= 3.0:
        return z
    if "-" in word:  # 'hulp-op-maat', 'indicatie-commissie': a compound written apart is as common as its head
        parts = [p for p in word.split("-") if p]
        if len(parts) > 1 and all(len(p) <= 3 or _zipf_raw(p) >= 2.5 for p in parts[:-1]):
            return max(z, _zipf(parts[-1]))
        return z
    if len(word) < 8:
        return z
    for i in range(3, len(word) - 3):  # longest known head first
        head, modifier = word[i:], word[:i]
        hz = _zipf_raw(head)
        if hz < 3.0:
            continue
        if _zipf_raw(modifier) >= 2.5 or (modifier[-1:] == "s" and _zipf_raw(modifier[:-1]) >= 2.5) or (
            modifier.endswith("en") and _zipf_raw(modifier[:-2]) >= 2.5
        ):
            return hz
    return z


# -- unit level ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Word:
    """What scoring needs of a word, worked out once per document."""

    low: str
    syllables: int
    uncommon: bool  # see Analyzer._uncommon
    subordinator: bool  # in SUBORDINATOR_WORDS
    long: bool  # 15 characters or more, not a number, below Zipf 3 (a compound with an uncommon head)


@dataclass(slots=True)
class Unit:
    start: int
    end: int
    node: Node | None
    text: str  # cleared after scoring when the unit belongs to a document
    words: int = 0
    syllables: int = 0
    fd: float | None = None
    points: int = 0
    reasons: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    features: Counter = field(default_factory=Counter)
    level: str = "B1"

    @property
    def difficulty(self) -> float:
        """One number for ranking (pairwise comparisons and the statistics)."""
        fd_part = max(0.0, 60.0 - self.fd) / 15 if self.fd is not None else 0.0
        return self.points + fd_part + self.words / 20


_REGULATION_RE = rx.compile(
    r"\b(?:[A-Z][a-z]+)?[Vv]erordening(?:\s+(?:[a-zé\-]+|[A-Z][\w\-]+)){0,8}?\s+[A-Z][\w\-]+(?:\s+(?:19|20)\d\d)?\b"
    r"|\b(?:Beleidsregels|Nadere regels|Regeling|Beschikking|Besluit)\s+(?:[a-zé\-]+\s+){0,6}[A-Z][\w\-]+(?:\s+(?:19|20)\d\d)?\b"
)
# a capitalised word that does not start the text: a name, not a reading difficulty
# (the capital comes first, so that re scans for it; the look-behind then checks
# the two characters before it)
_NAME_RE = rx.compile(r"[A-Z](?<=[a-zé,;:)]\s[A-Z])[\w\-]*[a-z][\w\-]*")


# A regulation or law title needs one of these (lower-cased) substrings; most
# sentences have none, and then the long title patterns are not run.
_REGULATION_HINTS = ("verordening", "beleidsregels", "nadere regels", "regeling", "beschikking", "besluit")


_ADDRESS_RE = rx.compile(r"\S+@\S+\.[a-z]{2,}|\b(?:https?://|www\.)\S+", re.I)
# "'s-Hertogenbosch", "'s-Gravenhage": a place name, whatever its first letter
_S_PLACE_RE = rx.compile(r"['’‘]s-[A-Z][\w\-]+")


def clean(text: str) -> str:
    """Neutralise what should not count: links, e-mail and web addresses,
    references, law and regulation titles, names of places and bodies, markup."""
    if "](" in text:
        text = _MD_LINK_RE.sub(r"\1", text)
    if "@" in text or "www." in text or "://" in text:
        text = _ADDRESS_RE.sub("naam", text)
    if "s-" in text:
        text = _S_PLACE_RE.sub("naam", text)
    if "art" in text.lower():
        text = _REF_RE.sub("artikel", text)
    low = text.lower()
    if any(h in low for h in _REGULATION_HINTS):
        text = _REGULATION_RE.sub("regeling", text)
    if may_cite_law(text):
        text = LAW_RE.sub("wet", text)
    text = _NAME_RE.sub("naam", text)
    return text.replace("*", " ").replace("_", " ")


def _is_block(text: str) -> bool:
    """Three or more lines of a few words each, none ending a sentence and
    most starting anew (a capital or a digit, where wrapped prose goes on in
    lower case): an address, contact details or a table that the sentence
    splitter could only take as one run-on 'sentence'."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 3:
        return False
    fresh = sum(line[0].isupper() or line[0].isdigit() for line in lines)
    return (sum(len(line.split()) for line in lines) / len(lines) < 6 and fresh * 3 >= len(lines) * 2
            and not any(line.endswith((".", "!", "?")) for line in lines[:-1]))


class Analyzer:
    def __init__(self, target: str = "B2", jargon=None, thresholds: dict | None = None,
                 allow: frozenset[str] = frozenset(), disabled: frozenset[str] = frozenset()):
        if target not in TARGETS:
            raise ValueError(f"doelniveau moet B1 of B2 zijn, niet {target!r}")
        self.target = target
        self.jargon = jargon  # a kinds.Matcher over officialese, payload: Swap
        self.allow = allow
        self.disabled = disabled  # feature names switched off (for the ablation benchmark)
        self.t = dict(THRESHOLDS[target], **(thresholds or {}))
        self.b1 = dict(THRESHOLDS["B1"])
        self.b2 = dict(THRESHOLDS["B2"])

    # -- public API ---------------------------------------------------------------
    def analyze_snippet(self, text: str) -> list[Unit]:
        """Score a piece of rule text (one or more sentences) as the rule would."""
        from .readers.plaintext import build_document

        doc = build_document(f"Artikel 1 Tekst\n\n{text}\n", "fragment.txt")
        return self.analyze_document(doc)

    def analyze_document(self, doc: Document) -> list[Unit]:
        """Score the sentences of a document on its own (benchmarks, snippets)."""
        return self.analyze(Analysis(doc))

    def analyze(self, analysis: Analysis) -> list[Unit]:
        """The scored units of a document, once per document and language model."""
        return analysis.per_option("readability", self, lambda: self._analyze(analysis))

    def _analyze(self, analysis: Analysis) -> list[Unit]:
        defined = analysis.defined_keys
        def_arts = set(analysis.definition_articles)
        units = []
        seen: dict[str, _Word] = {}  # the same for every sentence of the document
        for s in analysis.sentences():
            art = s.node.nearest(Kind.ARTIKEL)
            if _is_block(s.text):
                continue  # an address or a table: short lines, not a sentence
            # (not the drafting formula, nor the term a definition defines: the definition itself is read)
            skip = m.end() if (m := _DEFINITIONS_FORMULA_RE.match(s.text)) else 0
            if art in def_arts and (m := _DEF_ITEM_RE.match(s.text[skip:])):
                skip += m.end()
            if not s.text[skip:].strip():
                continue
            unit = Unit(s.start + skip, s.end, s.node, s.text[skip:])
            self._score(unit, defined, analysis, seen)
            unit.text = ""  # the document holds the text; keep memory per unit small
            units.append(unit)
        return units

    def above(self, unit: Unit) -> bool:
        return self._above(unit, self.t)

    def weight(self, unit: Unit, t: dict | None = None) -> float:
        """Marker points, plus a point per ``words-per-point`` words, plus a
        point per ``fd-per-point`` Flesch-Douma below the FD cut-off: length and
        markers together, so that one official word in a short sentence does
        not tip it over, and a long sentence needs few markers. Units shorter
        than ``fd-min-words`` get no Flesch-Douma part."""
        t = t or self.t
        # Flesch-Douma says nothing about a list item of a few words ('• Eenhendelmengkranen;')
        short = unit.words < t["fd-min-words"]
        fd = 0.0 if unit.fd is None or short or "fd" in self.disabled else max(0.0, t["fd"] - unit.fd) / t["fd-per-point"]
        return unit.points + unit.words / t["words-per-point"] + fd

    # -- scoring ------------------------------------------------------------------
    def _above(self, unit: Unit, t: dict) -> bool:
        if t.get("weight"):
            return self.weight(unit, t) >= t["weight"]
        if ("fd" not in self.disabled and unit.fd is not None and unit.words >= t["fd-min-words"]
                and unit.fd < t["fd"] and unit.points >= t["fd-min-points"]):
            return True
        if t.get("max-words") and unit.words > t["max-words"]:
            return True
        return unit.points >= t["points"]

    def _uncommon(self, low: str, zipf: float, defined: frozenset[str]) -> bool:
        """A content word below Zipf 3 that is not a defined term or an allowed word."""
        base = low[:-2] if low.endswith(("'s", "’s")) else low  # pgb's, cliënt's: the word itself counts
        return zipf < 3.0 and not (len(base) < 4 or low[0].isdigit() or low in FUNCTION_WORDS or base in self.allow
                                   or base in defined or base in ("wet", "artikel", "naam", "regeling"))

    def _word(self, word: str, defined: frozenset[str]) -> _Word:
        low = word.lower()
        syllables, zipf = _lexicon()(low)
        return _Word(low, syllables, self._uncommon(low, zipf, defined), low in SUBORDINATOR_WORDS,
                     len(word) >= 15 and not word[0].isdigit() and zipf < 3.0)

    def _score(self, unit: Unit, defined: frozenset[str], analysis: Analysis | None = None,
               seen: dict[str, _Word] | None = None) -> None:
        """Score one unit; ``seen`` keeps, per document, the facts of each word."""
        text = clean(unit.text)
        words = _WORD_RE.findall(text)
        unit.words = len(words)
        if not words:
            return
        seen = {} if seen is None else seen
        facts = []
        for w in words:
            fact = seen.get(w)
            if fact is None:
                fact = seen[w] = self._word(w, defined)
            facts.append(fact)
        unit.syllables = sum([fact.syllables for fact in facts])
        asl = unit.words
        unit.fd = round(206.835 - 0.93 * asl - 77 * unit.syllables / unit.words, 1)
        reasons, suggestions, f = unit.reasons, unit.suggestions, unit.features
        pts = 0
        # A pattern below runs only when the text holds a word it cannot match
        # without ('plaat', 'ter', 'word'); these have no i or s, which re.I also
        # finds as 'ı' and 'ſ', so a test on the lower-cased text is exact.
        low = text.lower()

        disabled = self.disabled
        if "lang" in disabled:
            pass
        elif unit.words > 35:
            pts += 2
            f["lang"] += 1
            reasons.append(f"zin van {unit.words} woorden")
            suggestions.append("Splits de zin: één boodschap per zin, voorwaarden in een opsomming.")
        elif unit.words > 25:
            pts += 1
            f["lang"] += 1
            reasons.append(f"zin van {unit.words} woorden")
            suggestions.append("Splits de zin in twee kortere zinnen.")

        # officialese from the substitution packs
        hits = []
        if self.jargon is not None and analysis is not None and "jargon" not in disabled:
            for a, b, swap in self.jargon.finditer(analysis, unit.start, unit.end):
                word = analysis.doc.text[a:b]
                if word.lower() in self.allow:
                    continue
                hits.append((word, swap))
            if hits:
                pts += len(hits)
                f["jargon"] += len(hits)
                reasons.append("ambtelijk: " + ", ".join(f"'{w}'" for w, _ in hits[:4]))
                suggestions.extend(f"'{w}' → '{s.use}'" for w, s in hits[:4])

        # uncommon words (content words, not defined terms, not names, not counted as officialese)
        counted = {w.lower() for w, _swap in hits}
        rare = []
        for i, fact in enumerate(facts):
            if fact.uncommon and fact.low not in counted and not (i > 0 and words[i][0].isupper()):  # (a capital inside: a name)
                rare.append(words[i])
        if rare and "zeldzaam" not in disabled:
            n = min(len(rare), 3)
            pts += n
            f["zeldzaam"] += len(rare)
            reasons.append("moeilijk woord: " + ", ".join(f"'{w}'" for w in dict.fromkeys(rare[:4])))

        nominal_re = NOMINAL_RE if "plaat" in low else _NOMINAL_BUT_PLAATS_RE
        nominal = [m.group(0) for m in nominal_re.finditer(text)]
        if _TER_SPACE_RE.search(low):  # (TER_RE needs 'ter' and a space: 'termijn' does not make it run)
            nominal += [m.group(0) for m in TER_RE.finditer(text)]
        nominal = list(dict.fromkeys(nominal))
        if "naamwoordstijl" not in disabled and (len(nominal) >= 2 or any(n.lower().startswith("ter ") for n in nominal)):
            pts += 1
            f["naamwoordstijl"] += 1
            reasons.append("naamwoordstijl: " + ", ".join(f"'{n}'" for n in nominal[:3]))
            suggestions.append(f"Gebruik een werkwoord in plaats van '{nominal[0]}'.")

        may_be_passive = ("word" in low or "werd" in low) and "lijdend" not in disabled
        passive = PASSIVE_RE.search(text) if may_be_passive else None
        if passive:
            pts += 1
            f["lijdend"] += 1
            reasons.append(f"lijdende vorm: '{passive.group(0)}'")
            suggestions.append(f"Schrijf wie het doet in plaats van '{passive.group(0)}'.")

        subs = sum([fact.subordinator for fact in facts])
        if "," in text:
            subs += len(_RELATIVE_RE.findall(text))
        if subs >= 2 and "bijzinnen" not in disabled:
            pts += 1
            f["bijzinnen"] += 1
            reasons.append(f"{subs} bijzinnen in één zin")
            suggestions.append("Zet elke voorwaarde in een eigen zin of in een opsomming.")

        for m in EXTENDED_RE.finditer(text) if "tangconstructie" not in disabled else ():
            if m:
                pts += 2
                f["tangconstructie"] += 1
                reasons.append(f"uitgebreide bepaling: '{m.group(0)}'")
                suggestions.append(f"Zet de bepaling achter het zelfstandig naamwoord in plaats van '{m.group(0)}'.")
                break

        held = interruption(text) if "onderbroken" not in disabled else None
        if held:
            pts += 1
            f["onderbroken"] += 1
            reasons.append(f"onderbroken zin: '{_clip(held.lstrip(', '))}'")
            suggestions.append("Houd onderwerp en werkwoord bij elkaar: zet de tussenzin achteraan of in een eigen zin.")

        long_words = [] if rare else [w for w, fact in zip(words, facts) if fact.long]
        if long_words:
            f["samenstelling"] += 1
            reasons.append("lange samenstelling: " + ", ".join(f"'{w}'" for w in long_words[:2]))

        if unit.fd is not None and unit.words >= 12 and unit.fd < 40:
            reasons.insert(0, f"Flesch-Douma {unit.fd:.0f} (moeilijk)")
        unit.points = pts
        if self._above(unit, self.b2):
            unit.level = "C1+"
        elif self._above(unit, self.b1):
            unit.level = "B2"
        else:
            unit.level = "B1"


# -- article and document summaries ------------------------------------------------------

@dataclass
class Summary:
    path: str
    level: str
    units: int
    above: int
    fd: float | None
    reasons: list[str]
    node: Node | None = None


def pooled_fd(units: list[Unit]) -> float | None:
    words = sum(u.words for u in units)
    if not words:
        return None
    syll = sum(u.syllables for u in units)
    return round(206.835 - 0.93 * (words / len(units)) - 77 * syll / words, 1)


LEVELS = ("B1", "B2", "C1+")


def summarise(units: list[Unit], analyzer: Analyzer, path: str, share: float, node=None) -> Summary:
    """Level of a group of units: C1+ when at least ``share`` of them (and at
    least two, or the only one) are C1+; B2 likewise for B2 or harder; else B1.
    Pooled Flesch-Douma is reported but does not decide: long legal words drag
    it down even in short, plain sentences."""
    n = len(units)
    need = 1 if n == 1 else max(2, math.ceil(share * n))
    c1 = sum(u.level == "C1+" for u in units)
    b2 = sum(u.level != "B1" for u in units)
    level = "C1+" if c1 >= need else "B2" if b2 >= need else "B1"
    above = [u for u in units if analyzer.above(u)]
    counts: Counter = Counter()
    for u in above:
        counts.update(u.features)
    reasons = [name for name, _ in counts.most_common(3)]
    return Summary(path, level, n, len(above), pooled_fd(units), reasons, node)


def above_target(level: str, target: str) -> bool:
    return LEVELS.index(level) > LEVELS.index(target)


def article_summaries(analysis: Analysis, analyzer: Analyzer) -> tuple[list[Summary], Summary]:
    """The level of each article and of the whole document, once per document
    and language model (LNG001 and LNG002 both ask)."""
    return analysis.per_option("readability-summaries", analyzer, lambda: _article_summaries(analysis, analyzer))


def _article_summaries(analysis: Analysis, analyzer: Analyzer) -> tuple[list[Summary], Summary]:
    units = analyzer.analyze(analysis)
    by_article: dict[int, list[Unit]] = {}
    nodes: dict[int, Node] = {}
    for u in units:
        art = u.node.nearest(Kind.ARTIKEL) if u.node is not None else None
        if art is None:
            continue
        by_article.setdefault(id(art), []).append(u)
        nodes[id(art)] = art
    arts = [summarise(us, analyzer, nodes[k].path, 1 / 3, nodes[k]) for k, us in by_article.items()]
    document = summarise(units, analyzer, "document", 1 / 4, analysis.doc.root)
    return arts, document
