"""Legal-text knowledge shared by rule families: law citations, ordinals,
definitions (begripsbepalingen), hardship clauses and ways out of a rule.

The ``find_*`` functions are computed once per document by
:class:`~verolint.analysis.Analysis`; rules read the results there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from typing import TYPE_CHECKING

from . import rx
from .model import ITEM_KINDS, Document, Kind, Node
from .text import Sentence

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis

# A number in figures or in words, as limits and caps are written
NUMBER = r"(?:\d+(?:[.,]\d+)*|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|vijftig|honderd)"

# --- national laws ------------------------------------------------------------------

# Current citeertitels and accepted abbreviations of the laws an ordinance cites.
LAW_NAMES = (
    "Wet maatschappelijke ondersteuning 2015", "Wmo 2015", "Jeugdwet", "Participatiewet",
    "Algemene wet bestuursrecht", "Awb", "Gemeentewet", "Wet gemeentelijke schuldhulpverlening",
    "Wgs", "IOAW", "IOAZ", "Wet langdurige zorg", "Wlz", "Zorgverzekeringswet", "Zvw",
    "Burgerlijk Wetboek", "BW", "Wet op de identificatieplicht", "Woningwet", "Wet werk en inkomen naar arbeidsvermogen",
    "Wet inburgering 2021", "Wet kinderopvang", "Algemene bijstandswet", "Wet werk en bijstand", "WWB",
    "Wet maatschappelijke ondersteuning", "Wmo", "Wet op de jeugdzorg", "Wet structuur uitvoeringsorganisatie werk en inkomen",
)
# Generic forms: "Wet ... <lowercase words> [year]", "<Word>wet", "Besluit ...".
_GENERIC_LAW = (
    r"\bWet\s+(?:[a-zé\-]+\s+){0,7}[a-zé\-]+(?:\s+\d{4})?\b"
    r"|\bAlgemene\s+wet\s+(?:[a-zé\-]+\s+){0,5}[a-zé\-]+\b"
    r"|\b[A-Z][a-zé]+wet(?:\s+\d{4})?\b"
    r"|\bBesluit\s+(?:[a-zé\-]+\s+){0,6}[a-zé\-]+\b"
    r"|\bde\s+wet\b"
)
LAW_RE = rx.compile(
    r"(?:%s|%s)" % ("|".join(r"\b" + re.escape(n) + r"\b" for n in sorted(LAW_NAMES, key=len, reverse=True)), _GENERIC_LAW)
)
# A reference that continues into a law: "artikel 4 van de Participatiewet", "artikel 4:84 Awb"
EXTERNAL_TAIL_RE = rx.compile(
    r"^[^.;:]{0,60}?(?:\b(?:van|uit|in|der)\s+(?:de|het)\s+|\s)(?:%s)" % LAW_RE.pattern
)


# Every name LAW_RE knows contains 'wet' or 'besluit' (in any case) or is one of
# these abbreviations: a text without any of them names no law, and the long
# pattern need not run over it.
_LAW_ABBREVIATIONS = tuple(dict.fromkeys(
    n.split()[0] for n in LAW_NAMES if "wet" not in n.lower() and "besluit" not in n.lower()))
_ABBREVIATION_RE = rx.compile("|".join(map(re.escape, _LAW_ABBREVIATIONS)))  # (as written: one search, not one a name)


def the_law(title: str) -> str:
    """A law's title with its article: 'de Jeugdwet', 'het Besluit Jeugdwet',
    'het Uitvoeringsbesluit Wmo 2015', 'het Burgerlijk Wetboek'."""
    neuter = title.split(" ")[0].endswith(("besluit", "Besluit")) or "Wetboek" in title.split(" ")[:2]
    return f"{'het' if neuter else 'de'} {title}"


# The social-domain laws a regulation implements, as families: a law with the
# decree under it (the Wmo 2015 and its Uitvoeringsbesluit), the Participatiewet
# with the IOAW and IOAZ (one regulation for the three, often with the same words).
LAW_FAMILIES = {
    "BWBR0035362": "wmo", "BWBR0035733": "wmo", "BWBR0034925": "jeugd", "BWBR0035779": "jeugd",
    "BWBR0015703": "werk", "BWBR0004044": "werk", "BWBR0004163": "werk", "BWBR0031331": "schuld",
}
_FAMILY_WORDS = (
    ("wmo", rx.compile(r"\bwmo\b|maatschappelijke\s+ondersteuning", re.I)),
    ("jeugd", rx.compile(r"\bjeugd(?:wet|hulp)?\b", re.I)),
    ("werk", rx.compile(r"participatiewet|\bioaw\b|\bioaz\b|\bbbz\b|bijstand|inkomenstoeslag|werk\s+en\s+inkomen"
                        r"|\bwwb\b", re.I)),
    ("schuld", rx.compile(r"schuldhulp|\bwgs\b", re.I)),
)


def law_families(doc: Document) -> frozenset[str]:
    """The families of social-domain laws a regulation implements, from its
    title and aanhef ('Verordening Wmo en Jeugd', 'gelet op … de Jeugdwet');
    empty when they name none (then every law may apply)."""
    text = " ".join([doc.title or ""] + [doc.text[n.start:n.end] for n in doc.root.iter(Kind.PREAMBLE)])
    return frozenset(family for family, words in _FAMILY_WORDS if words.search(text))


def section_families(node: Node, families: frozenset[str]) -> frozenset[str]:
    """The laws a part of a regulation implements: those its nearest titled
    chapter, paragraph or article names ('Paragraaf 3.2 Toegang individuele
    voorziening jeugd', 'Hoofdstuk 4 Wmo') or its law tags ('[Wmo]'), else the regulation's
    (``families``). An integrated regulation of the Wmo and the Jeugdwet sets
    each law's rules apart under such titles: a sentence under a title of the
    one is no repetition of the other."""
    for n in (node, *node.ancestors()):
        # (the law tags of an omgekeerde verordening under a heading, '[Wmo]', say it too)
        names = " ".join(filter(None, [n.title if n.kind in _SECTION_KINDS else None, *(n.laws or ())]))
        if names:
            named = frozenset(family for family, words in _FAMILY_WORDS if words.search(names))
            if named:
                return named
    return families


_SECTION_KINDS = (Kind.ARTIKEL, Kind.PARAGRAAF, Kind.AFDELING, Kind.TITEL, Kind.HOOFDSTUK)


_POLICY_RULES_RE = rx.compile(r"\bbeleidsregels?\b", re.I)
_BINDING_TITLE_RE = rx.compile(r"\bverordening\b|\bnadere\s+regels\b|\bregeling\b", re.I)


def policy_rules(doc: Document) -> bool:
    """Whether the text is a set of beleidsregels (artikel 4:81 Awb): its title
    says so, or, when the title names no kind ('… gemeente X 2024'), its aanhef.
    The college must then deviate from a rule whose consequences for a resident
    are out of proportion (artikel 4:84 Awb), whether the text says so or not;
    a verordening and nadere regels need a hardship clause of their own."""
    title = doc.title or ""
    if _POLICY_RULES_RE.search(title):
        return True
    if _BINDING_TITLE_RE.search(title):
        return False
    return any(_POLICY_RULES_RE.search(doc.text[n.start:n.end]) for n in doc.root.iter(Kind.PREAMBLE))


def law_applies(families: frozenset[str], bwb_id: str | None) -> bool:
    """Whether a law can apply in a regulation of these families: the Awb and
    the Gemeentewet always; a social-domain law when the regulation implements
    it or names none. A Jeugd regulation that takes the words of artikel
    2.3.3 Wmo 2015 for its own spoedregel repeats no law that applies to it."""
    return family_applies(families, LAW_FAMILIES.get(bwb_id or ""))


def family_applies(families: frozenset[str], family: str | None) -> bool:
    """:func:`law_applies` for a law's family (None: a law of no family)."""
    return family is None or not families or family in families


def may_cite_law(text: str) -> bool:
    """Whether ``text`` can contain a law name (a fast test before :data:`LAW_RE`)."""
    low = text.lower()
    return "wet" in low or "besluit" in low or _ABBREVIATION_RE.search(text) is not None


def cites_law(text: str) -> bool:
    return may_cite_law(text) and LAW_RE.search(text) is not None


# The law as the ground of a rule ("op grond van artikel 13 van de
# Participatiewet", "de wet sluit uit", "…, zoals bedoeld in artikel 4:5 van de
# Algemene wet bestuursrecht"), not a mere mention ("onverminderd
# artikel 2.3.6 van de wet", "een voorziening als bedoeld in de Wmo 2015").
_GROUND_RE = rx.compile(
    r"\b(?i:op\s+grond\s+van|ingevolge|krachtens|gelet\s+op|overeenkomstig|volgens|conform|binnen|zoals\s+(?:bepaald|geregeld|staat)\s+in"
    r"|(?<=,\s)zoals\s+bedoeld\s+in"  # the whole clause as the law means it, not a noun 'als bedoeld in' the law
    r"|(?:op|in)\s+de\s+voet\s+van)\s+(?:(?:[^.;:]|[.:](?=\d)){0,60}?\s)?(?:%s)"
    r"|(?:%s)\s+(?:bepaalt|schrijft|sluit|regelt|zegt|toestaat|voorschrijft|eist)\b"
    r"|\b(?i:wettelijke?\s+(?:grens|termijn|leeftijd|uitsluiting|maximum|regel|bepaling))" % (LAW_RE.pattern, LAW_RE.pattern)
)


# "de eigen bijdrage op grond van de Zorgverzekeringswet": the law qualifies
# the thing named before it, it is not the ground of the sentence's rule
_QUALIFIED_RE = rx.compile(
    r"\b(?:bijdrage|vergoeding|uitkering|voorziening|bijstand|kosten|premie|toeslag|budget|pgb|indicatie|verzekering"
    r"|aanspraak|vordering|maatregel|boete)\s+(?:die\s+)?$", re.I)


def law_is_ground(text: str) -> bool:
    """The sentence names a law as the ground of what it says: the law, not
    the ordinance, excludes or limits."""
    if not may_cite_law(text):
        return False  # (every branch of _GROUND_RE names a law, or says 'wettelijk')
    return any(not _QUALIFIED_RE.search(text, max(0, m.start() - 40), m.start()) for m in _GROUND_RE.finditer(text))


# Who decides on help: the subject of a power or a refusal; with the consulent,
# who decides for the college in practice, the subject of a power.
DECIDER = r"(?:het\s+college|de\s+gemeente|burgemeester\s+en\s+wethouders|we|wij)"
DECIDER_OR_CONSULENT = r"(?:%s|de\s+consulent)" % DECIDER

# Room to decide inside the sentence: a power ("kan", "mag") that is not
# negated, or a judgement ("naar het oordeel van het college", "acht het
# college nodig"). A rule with such room is not rigid (it may be vague).
_NOT_AFTER = r"(?!\s+(?:\S+\s+){0,2}?(?:niet|geen|nooit)\b)"
_POWER_ROOM_RE = rx.compile(
    # a power of the one who decides ("het college kan", "kan het college", "kunnen we"),
    # or a passive power ("kan … worden verlengd"); not "inwoners kunnen meedoen"
    r"\b%s\s+(?:kan|kunnen|mag|mogen)\b" % DECIDER_OR_CONSULENT + _NOT_AFTER
    + r"|\b(?:kan|kunnen|mag|mogen)\s+(?:het\s+college|de\s+gemeente|we|wij)\b" + _NOT_AFTER
    + r"|\b(?:kan|kunnen|mag|mogen)\b" + _NOT_AFTER + r"(?=(?:\s+\S+){0,8}?\s+worden\b)",
    re.I)
_JUDGEMENT_RE = rx.compile(
    r"\bnaar\s+(?:het\s+)?(?:oordeel|inzicht|mening)\b|\bnaar\s+(?:zijn|haar|ons)\s+oordeel\b"
    r"|\b(?:acht|achten|vindt|vinden)\s+(?:\S+\s+){0,6}?(?:nodig|noodzakelijk|nuttig|wenselijk|passend)\b"
    # the case weighed on its own: 'vermogen dat, gelet op de omstandigheden, redelijkerwijs te gelde kan worden gemaakt'
    r"|\bgelet\s+op\s+(?:de|alle|zijn|haar|uw)\s+(?:\w+\s+)?omstandigheden\b"
    # what the decider may reasonably ask (not what the resident could reasonably have done)
    r"|\bredelijkerwijs\s+(?:\S+\s+){0,4}?(?:kan|mag|kunnen|mogen)\s+(?:\S+\s+){0,2}?(?:worden\s+)?(?:gevergd|verwacht|gevraagd)\b",
    re.I,
)


def leaves_room(text: str) -> bool:
    return _POWER_ROOM_RE.search(text) is not None or _JUDGEMENT_RE.search(text) is not None


def has_judgement(text: str) -> bool:
    return _JUDGEMENT_RE.search(text) is not None


# --- ordinals -------------------------------------------------------------------------

ORDINALS = {
    w: i
    for i, w in enumerate(
        "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde twaalfde "
        "dertiende veertiende vijftiende zestiende zeventiende achttiende negentiende twintigste".split(),
        start=1,
    )
}
ORDINAL_RE = "|".join(ORDINALS)
ORDINAL_WORDS = {i: w for w, i in ORDINALS.items()}


def reports_article(text: str, path: str) -> bool:
    """Whether ``text`` tells what the article of a statute passage's ``path`` ('artikel 2.1.3, lid 2, onder e')
    says, citing it: 'Dit artikel geeft uitvoering aan artikel 2.1.3, tweede lid, onder f, van de wet, waarin is
    bepaald dat …' refers to the law (not 'het onderzoek, bedoeld in artikel 2.3.2': a term of the law borrowed by a
    sentence that may well repeat the rule)."""
    number = path.split(", ")[0].removeprefix("artikel ").strip()
    return bool(number) and _REPORTS_RE.search(text) is not None and _article_cited_re(number).search(text) is not None


_REPORTS_RE = rx.compile(r"\b(?:waarin|waarbij|daarin)\s+(?:is\s+|wordt\s+|staat\s+)?(?:bepaald|geregeld|vastgelegd)\b"
                         r"|\b(?:bepaalt|regelt|zegt|schrijft)\s+(?:\S+\s+){0,3}?(?:dat|voor)\b|\bgeeft\s+uitvoering\s+aan\b"
                         r"|\bvloeit\s+(?:\S+\s+){0,2}?voort\b", re.I)


@lru_cache(maxsize=1024)
def _article_cited_re(number: str) -> re.Pattern:
    return rx.compile(r"\bartikel(?:en)?\s+%s(?![\d.:]*\d)" % re.escape(number), re.I)


def cite(statute_title: str, path: str) -> str:
    """'artikel 2.3.5, lid 2, onder b' -> 'artikel 2.3.5, tweede lid, onder b, van de Wet …';
    'artikel 2.10' -> 'artikel 2.10 van de Jeugdwet' (a comma only after the parts of an article);
    'artikel 1.1.1, lid 1, opsomming 15' -> 'artikel 1.1.1, eerste lid, van de Wet …' (an
    unlettered item has no number in a citation)."""
    parts = []
    for part in path.split(", "):
        if part.startswith("opsomming "):
            break  # an unlettered list item ('– *gebruikelijke hulp:* …') has no number to cite; nor its sub-items
        if part.startswith("lid ") and part[4:].isdigit() and int(part[4:]) in ORDINAL_WORDS:
            parts.append(f"{ORDINAL_WORDS[int(part[4:])]} lid")
        else:
            parts.append(part)
    where = ", ".join(parts)
    if not where:
        return the_law(statute_title)
    return f"{where}{',' if ',' in where else ''} van {the_law(statute_title)}"


def ordinal_word(n: int) -> str:
    """2 → 'tweede' (past twintig: '21e')."""
    return ORDINAL_WORDS.get(n, f"{n}e")


# --- ways out and grounds -----------------------------------------------------------

WAY_OUT_RE = rx.compile(
    r"(?=[abikmotu])(?:"  # (the first letters of the branches: where another stands, nothing more is tried)
    r"\btenzij\b|\bbehalve\s+(?:als|wanneer|indien|bij)\b|\bin\s+de\s+regel\b|\bmeestal\b|\bin\s+(?:beginsel|principe)\b"
    r"|\buitzondering|\bafwijk|\bafgeweken\b|\btoch\b|\bkijken\s+we\s+(?:samen\s+)?(?:wat|of)\b"
    # ('maatwerk' itself, not the first part of a compound: 'een maatwerk- woonvoorziening', 'maatwerk-voorziening')
    r"|\bmaatwerk\b(?![-‐])|\bindividuele\s+omstandigheden\b|\bonbillijk)",
    re.I,
)


# A lead-in whose list names the cases a rule does not apply to ("…, tenzij:");
# not "met uitzondering van", which in a lead-in excludes
_LEAD_IN_WAY_OUT_RE = rx.compile(
    r"\btenzij\b|\bbehalve\b|\bgeldt\s+niet\b|\bniet\s+van\s+toepassing\b|\bin\s+(?:de\s+regel|beginsel|principe)\b", re.I)


# The drafting formula "in afwijking van het eerste lid" sets another rule; it
# is no way out of the rule it names. Nor is a way out that is denied: 'Er zijn
# geen uitzonderingen mogelijk', 'zonder uitzondering', 'Hiervan kan niet worden
# afgeweken' close the rule off.
_FORMULA_RE = rx.compile(
    r"(?=[agikmuz])(?:"  # (the first letters of the branches, as in WAY_OUT_RE)
    r"\bin\s+afwijking\s+van\b|\bgeen\s+uitzondering\w*|\bzonder\s+(?:enige\s+)?uitzondering\w*"
    r"|\buitzondering\w*\s+(?:is|zijn)\s+niet\b|\b(?:kan|kunnen|mag|mogen)\s+(?:\S+\s+){0,3}?niet\s+(?:worden\s+)?afgeweken\b"
    r"|\bafwijk\w*\s+(?:\S+\s+){0,4}?(?:is|zijn)\s+niet\s+(?:mogelijk|toegestaan)\b)", re.I)


# 'met uitzondering van' exempts from a charge or a rule ('is een eigen bijdrage verschuldigd, met uitzondering
# van …': a way out), but carves a case out of a grant ('verleent bijzondere bijstand voor noodzakelijke kosten,
# met uitzondering van …': the exclusion itself)
_CARVE_OUT_RE = rx.compile(r"\bmet\s+uitzondering\s+van\b", re.I)


def way_out_in(text: str, carve_out: bool = False) -> bool:
    """A way out in this text itself ('tenzij', 'in principe', 'kan hiervan afwijken'), not a denied one;
    with ``carve_out``, 'met uitzondering van' is the exclusion, not a way out of it."""
    text = _FORMULA_RE.sub(" ", text)
    if carve_out:
        text = _CARVE_OUT_RE.sub(" ", text)
    return WAY_OUT_RE.search(text) is not None


def has_way_out(analysis: "Analysis", sentence: Sentence, carve_out: bool = False) -> bool:
    """A way out of an exclusion: in the sentence itself, in the lead-in of
    the list it is an item of ('…, tenzij:'), in the sentence right after it
    (same lid), or elsewhere in the article in a part that refers to this one
    ('het college kan van het vierde lid afwijken', 'van dit artikel').
    ``carve_out``: the exclusion is a case carved out of a grant (see :func:`way_out_in`)."""
    if way_out_in(sentence.text, carve_out):
        return True
    node = sentence.node
    while node is not None and node.kind in ITEM_KINDS:
        if _LEAD_IN_WAY_OUT_RE.search(list_lead_in(analysis.doc, node)):
            return True  # an item of the list after "…, tenzij:" is itself the way out
        node = node.parent
    later = [s for s in analysis.sentences_of(sentence.node) if s.start > sentence.start]
    if later and way_out_in(later[0].text):
        return True
    art = sentence.node.nearest(Kind.ARTIKEL)
    if art is None:
        return False
    here = _refers_here_re(sentence.node.nearest(Kind.LID))
    for node in art.walk():
        if node is sentence.node:
            continue
        if way_out_in(node.own_text) and here.search(node.own_text):
            return True
    return False


def _refers_here_re(lid: Node | None) -> re.Pattern:
    """How another part of the article names this one: 'dit artikel', 'deze
    bepaling', 'hiervan', and 'het vierde lid' when the sentence is in lid 4."""
    names = [r"dit\s+artikel", r"deze\s+bepaling", r"de\s+vorige\s+leden"]
    number = (lid.number or "").rstrip(".") if lid is not None else ""
    if number.isdigit():
        if int(number) in ORDINAL_WORDS:
            # 'het vierde lid', also in a list of leden: 'het eerste en tweede lid', 'het eerste, tweede en derde lid'
            names.append(r"(?:het|de)\s+(?:(?:%s)\s*(?:,|en|of)\s*)*%s(?:\s*(?:,|en|of)\s*(?:%s))*\s+(?:lid|leden)"
                         % (ORDINAL_RE, ORDINAL_WORDS[int(number)], ORDINAL_RE))
        names.append(r"(?:lid|leden)\s+(?:\d+\s*(?:,|en|of)\s*)*%s\b" % number)
    return rx.compile(r"\b(?:van|op)\s+(?:%s)\b|\bhiervan\b|\bdaarvan\b" % "|".join(names), re.I)


# --- definitions ------------------------------------------------------------------------

_DEF_TITLE_RE = rx.compile(r"begrip|definitie|wie\s+is\s+wie|woordenlijst|betekenis|wat\s+bedoelen\s+we", re.I)
_DEF_INTRO_RE = rx.Gated(
    r"wordt\s+(?:hierna\s+)?verstaan\s+onder|verstaan\s+we\s+onder|bedoelen\s+we\s+met|wordt\s+bedoeld\s+met"
    r"|hebben\s+de\s+volgende\s+begrippen|betekenen\s+de\s+volgende",
    re.I, ("taan", "bedoel", "volgende"),  # ('verstaan' without its s: the pattern also reads 'ſ' as s)
)
_SCOPED_RE = rx.compile(r"\bin\s+(?:dit|deze)\s+(?:hoofdstuk|paragraaf|afdeling|titel|artikel|onderdeel)\b", re.I)
_ITEM_RE = rx.compile(r"^\s*[*_'\"‘“]*(?P<term>[^:;.]{1,60}?)[*_'\"’”]*\s*:\s*(?P<body>\S.*)$", re.S)


@dataclass(frozen=True)
class Definition:
    term: str  # as written, decoration removed
    key: str  # case-folded
    node: Node
    start: int  # offset of the term
    end: int
    body: str  # the definition text
    scoped: bool = False  # "In dit hoofdstuk wordt verstaan onder": valid for part of the text
    line_end: int = 0  # a line of a begrippenlijst or running text: where the definition ends
    line_start: int = 0  # in running text: where the definition starts ('Met …'), before the term

    @property
    def span(self) -> tuple[int, int]:
        """The definition's own text: its line in a begrippenlijst, its
        sentence in running text, else its node."""
        return (self.line_start or self.start, self.line_end) if self.line_end else (self.node.start, self.node.end)

    @property
    def cites_law(self) -> bool:
        return "bedoeld in" in self.body or cites_law(self.body)


def find_definition_articles(doc: Document) -> list[Node]:
    """The begripsbepalingen (by title or by lead-in)."""
    out = []
    for art in doc.articles():
        intro = " ".join([art.own_text] + [c.own_text for c in art.children if c.kind is Kind.LID][:1])
        if _DEF_TITLE_RE.search(art.title or "") or _DEF_INTRO_RE.search(intro):
            out.append(art)
    return out


_DEF_SECTION_TITLE_RE = rx.compile(r"^\s*(?:begrippen(?:lijst)?|begripsbepalingen|woordenlijst|definities|wie\s+is\s+wie)\b", re.I)


def find_definition_sections(doc: Document) -> list[Node]:
    """Chapters or paragraphs that are a begrippenlijst ('13. Begrippenlijst'),
    as omgekeerde verordeningen have at the end: 'Term: uitleg' on each line."""
    kinds = (Kind.HOOFDSTUK, Kind.PARAGRAAF, Kind.AFDELING, Kind.BIJLAGE)
    return [n for n in doc.root.walk() if n.kind in kinds and _DEF_SECTION_TITLE_RE.search(n.title or "")]


# A definition in running text, as omgekeerde verordeningen write them:
# "Met jongeren bedoelen we in deze verordening kinderen tot 18 jaar …",
# "Onder een redelijke vraagprijs wordt verstaan: …"
_INLINE_RE = rx.compile(
    r"(?:^|(?<=[.;:]\s))\W*(?:met|onder)\s+(?:de\s+|het\s+|een\s+)?(?P<term>[a-zé][\w\-é]*(?:\s+[a-zé][\w\-é]*){0,2}?)\s+"
    r"(?:bedoelen\s+we|(?:wordt|worden)\s+(?:hier\s+|in\s+deze\s+\w+\s+)?(?:bedoeld|verstaan))\b"
    r"(?:\s+in\s+deze\s+(?:verordening|regeling|beleidsregels?))?\s*:?\s*(?P<body>[^.;]{3,})",
    re.I | re.M)


_TERM_MARKUP = "*_'\"‘’“”|"


def _term(raw: str) -> str:
    """A defined term without the markup around it: emphasis, quotes, and the '|' of a
    table cell copied as text ('a. | wet: | Wet maatschappelijke ondersteuning |'),
    however they are mixed with spaces."""
    term = raw.strip()
    while term and (term[0] in _TERM_MARKUP or term[-1] in _TERM_MARKUP):
        term = term.strip(_TERM_MARKUP).strip()
    return term


def find_definitions(doc: Document, definition_articles: list[Node]) -> list[Definition]:
    out: list[Definition] = []
    sections = find_definition_sections(doc)
    listed = {id(n) for n in [*sections, *definition_articles]}
    for node in doc.root.walk():
        if not node.in_rule_text or any(id(a) in listed for a in (node, *node.ancestors())):
            continue
        for start, end in node.parts[:1]:
            for m in _INLINE_RE.finditer(doc.text, start, end):
                term = m.group("term").strip()
                out.append(Definition(term, term.casefold(), node, m.start("term"), m.end("term"), m.group("body").strip(),
                                      line_end=m.end("body"), line_start=m.start()))
    for section in sections:
        for start, end in section.parts:
            offset = start
            for line in doc.text[start:end].splitlines(keepends=True):
                m = _ITEM_RE.match(line)
                if m and not line[:1].isspace():
                    term = _term(m.group("term"))
                    if term and len(term.split()) <= 4 and term[0].isalpha():
                        t_start = offset + line.index(m.group("term").strip())
                        out.append(Definition(term, term.casefold(), section, t_start, t_start + len(term),
                                              m.group("body").strip(), line_end=offset + len(line.rstrip())))
                offset += len(line)
    for art in definition_articles:
        scoped = _SCOPED_RE.search(" ".join([art.own_text] + [c.own_text for c in art.children[:1]])) is not None
        for node in art.walk():
            if node.kind not in (Kind.ONDERDEEL, Kind.SUBONDERDEEL, Kind.LID) or not node.parts:
                continue
            start, end = node.parts[0]
            raw = doc.text[start:end]
            m = _ITEM_RE.match(raw)
            if not m:
                continue
            term = _term(m.group("term"))
            if not term or len(term.split()) > 6 or not term[0].isalpha():
                continue  # (a number, or no word at all: the '|' of a table cell copied as text)
            t_start = start + raw.index(m.group("term").strip())
            for part in re.split(r"\s*(?:/|\bof\b)\s*", term):
                part = part.strip()
                if part:
                    out.append(Definition(part, part.casefold(), node, t_start, t_start + len(term), m.group("body"), scoped))
    return out


def _adjective_forms(word: str) -> set[str]:
    """'sociaal' → 'sociale', 'eigen' → 'eigen', 'persoonlijk' → 'persoonlijke'."""
    forms = {word}
    if word.isalpha() and len(word) > 2 and not word.endswith(("e", "en")):
        forms.add(re.sub(r"([aeou])\1([^aeiou])$", r"\1\2", word) + "e")
    return forms


def inflections(term: str) -> list[str]:
    """The term and its usual plural/inflected forms: the last word inflected,
    and an adjective before it with its -e ('sociaal netwerk' → 'sociale netwerk')."""
    words = term.split()
    lasts = _noun_forms(words[-1])
    if len(words) == 1:
        return sorted(lasts)
    heads = {" ".join([*words[:-2], adjective]) for adjective in _adjective_forms(words[-2])}
    return sorted(f"{head} {last}" for head in heads for last in lasts)


def _noun_forms(last: str) -> set[str]:
    forms = {last}
    if len(last) > 2 and last.isalpha():
        forms |= {last + "en", last + "s", last + "n", last + "e", last + "'s"}
        if last.endswith("heid"):
            forms.add(last[:-4] + "heden")
    return forms


# --- excerpts ----------------------------------------------------------------------------

_EXCERPT_TITLE_RE = rx.compile(r"\b(?:uittreksel|fragment|(?:een\s+)?deel\s+van)\b", re.I)
_FIRST_NUMBER_RE = rx.compile(r"\d+")


_CLOSING_RE = rx.compile(r"\bin\s+werking\b|\baangehaald\s+als\b|\bciteertitel\b|\bwordt\s+genoemd\b", re.I)


def is_cut_off(doc: Document) -> bool:
    """The text stops in the middle of a sentence (its last line ends in a
    word, a number or a comma) and has no closing provisions: the opening of a
    regulation copied without the rest, not a regulation without an end."""
    if any(n.kind in (Kind.ONDERTEKENING, Kind.TOELICHTING) for n in doc.root.children):
        return False
    last = doc.text.rstrip().rsplit("\n", 1)[-1].strip()
    return bool(last) and re.search(r"[\w,]$", last) is not None and not _CLOSING_RE.search(doc.text)


def is_excerpt(doc: Document) -> bool:
    """A part of a regulation: so titled, cut off in mid-sentence, or the
    first article or the first chapter or paragraaf is numbered past 1
    (artikel 3, artikel 2.2, paragraaf 3.2)."""
    if _EXCERPT_TITLE_RE.search(doc.title or "") or _EXCERPT_TITLE_RE.search(doc.text[:300].split("\n", 1)[0]):
        return True
    if is_cut_off(doc):
        return True
    divisions = (Kind.HOOFDSTUK, Kind.AFDELING, Kind.PARAGRAAF)
    firsts = [doc.articles()[:1], [n for n in doc.root.walk() if n.kind in divisions and n.in_rule_text][:1]]
    for nodes in firsts:
        if nodes and nodes[0].number:
            m = _FIRST_NUMBER_RE.search(nodes[0].number)
            if m and int(m.group()) > 1:
                return True
    return False


# --- text that is no decision norm ----------------------------------------------------

# Goals, core values and the regulation's own upkeep: general by nature, they
# bind no decision on a resident.
_PURPOSE_RE = rx.compile(
    r"kernwaarde|uitgangspunt|\bdoel\b|doelstelling|wat\s+willen\s+we|waarom|waar\s+gaat"
    r"|werking\s+van\s+(?:de|deze)\s+(?:verordening|regeling)|\bevaluatie|\bverslaglegging",
    re.I,
)
# 'Uitgangspunten' heads core values in one text and binding policy rules in
# another ('Algemene beleidsuitgangspunten: het college wijst de aanvraag af,
# indien …'); under such a title a sentence in which the decider decides is a
# norm like any other.
_POLICY_TITLE_RE = rx.compile(r"uitgangspunt", re.I)
_DECIDES = (r"(?:verstrekt|verstrekken|verleent|verlenen|weigert|weigeren|wijst|wijzen|kent|kennen|beslist|beslissen"
            r"|stelt|stellen|bepaalt|bepalen|beoordeelt|beoordelen|legt|leggen|trekt|trekken|verlaagt|verlagen"
            r"|vordert|vorderen|neemt|nemen|gaat|gaan)")
_DECIDES_RE = rx.compile(r"\b%s\s+(?:[^\s.;:]+\s+){0,2}?%s\b|\b%s\s+%s\b" % (DECIDER, _DECIDES, _DECIDES, DECIDER), re.I)
# A sentence about the text itself: "In dit hoofdstuk …", "Hier wordt geregeld …"
_DESCRIBES_RE = rx.compile(
    r"^\W*(?:in\s+(?:dit|deze)\s+(?:hoofdstuk|artikel|deel|paragraaf|afdeling|verordening)\b"
    r"|(?:dit|deze)\s+(?:hoofdstuk|artikel|paragraaf|afdeling|verordening)\s+(?:gaat|regelt|beschrijft|bevat|geeft)\b"
    r"|hier\s+(?:wordt|worden|is|zijn|staat|staan)\b)",
    re.I,
)
# Making policy: 'kan de gemeente haar beleid als het nodig is aanpassen en verbeteren'
_POLICY_RE = rx.compile(r"\b(?:haar|zijn|het|ons|dit)\s+beleid\s+(?:(?!de\b|een\b)[^\s.;:]+\s+){0,5}?(?:aanpassen|verbeteren|evalueren|wijzigen"
                        r"|bijstellen|vaststellen|ontwikkelen)\b", re.I)
# A sentence that states an aim: "De Wmo 2015 is erop gericht om …", "heeft tot doel"
_AIM_RE = rx.compile(r"\b(?:is|zijn)\s+erop\s+gericht\b|\bheeft\s+(?:tot|als)\s+doel\b|\bstreeft\s+ernaar\b|\bbeoogt\b", re.I)


def list_lead_in(doc: Document, item: Node) -> str:
    """The line a list stands under ('Kernwaarden:', 'Het college verstrekt
    geen woonvoorziening:'), for an item of the list; '' when there is none."""
    parent = item.parent
    if item.kind not in ITEM_KINDS or parent is None:
        return ""
    siblings = parent.children
    i = next((k for k, n in enumerate(siblings) if n is item), 0)
    while i > 0 and siblings[i - 1].kind is item.kind:
        i -= 1
    line = doc.text[parent.start:siblings[i].start].rstrip().rsplit("\n", 1)[-1].strip()
    return line if line.endswith(":") else ""


def states_purpose(doc: Document, sentence: Sentence) -> bool:
    """Whether a sentence states goals or core values or describes the text
    itself, rather than a norm: it stands in an article or part about goals,
    kernwaarden or the regulation's evaluation (by its title), in a list under
    such a lead-in ('Kernwaarden:'), it says what the text does ('In dit
    hoofdstuk …'), it states an aim ('is erop gericht', 'heeft tot doel') or
    it is about making policy ('kan de gemeente haar beleid als het nodig is
    aanpassen'), which decides on no one's help."""
    if _DESCRIBES_RE.search(sentence.text) or _AIM_RE.search(sentence.text) or _POLICY_RE.search(sentence.text):
        return True
    for node in (sentence.node, *sentence.node.ancestors()):
        title = node.title or ""
        if _PURPOSE_RE.search(title):
            return not (_POLICY_TITLE_RE.search(title) and _DECIDES_RE.search(sentence.text))
        if node.kind in ITEM_KINDS and _PURPOSE_RE.search(list_lead_in(doc, node)):
            return True
    return False


# A bijlage that explains rather than rules: it names its sources (a factsheet,
# a handreiking, case law) and reasons ('dus', 'voorbeelden zijn'). What it
# says about limits describes the law and practice; it imposes nothing.
_EXPLAINS_RE = rx.compile(
    r"^\W*bron\s*:|\becli:|\bjurisprudentie\b|\bfactsheet\b|\bhandreiking\b|\bvoorbeelden\s+(?:zijn|hiervan)\b|\bdus\b",
    re.I | re.M)


_EXPLAINING_TITLE_RE = rx.compile(r"\btoelichting|\buitleg\b|\bvoorbeelden\b|\bwerkinstructie", re.I)


def explanatory_bijlagen(doc: Document) -> frozenset[int]:
    """The ids of the bijlagen that explain: titled so ('Bijlage 1 Toelichting'),
    or with two or more different signs of explanation (a source, case law,
    examples, reasoning) in their text."""
    found = set()
    for node in doc.root.walk():
        if node.kind is Kind.BIJLAGE:
            if _EXPLAINING_TITLE_RE.search(node.title or ""):
                found.add(id(node))
                continue
            signs = {m.group(0).lower().split()[0].rstrip(":") for m in _EXPLAINS_RE.finditer(node.full_text)}
            if len(signs) >= 2:
                found.add(id(node))
    return frozenset(found)


# --- hardship clause ---------------------------------------------------------------------

# a power to deviate ("kan … afwijken", "is bevoegd af te wijken"), not the
# drafting formula "in afwijking van artikel 3"
_HARDSHIP_RE = rx.Gated(
    r"\b(?:kan|kunnen|mag|mogen|bevoegd)\b[^.;]{0,200}?\b(?:afwijken|af\s+te\s+wijken|buiten\s+toepassing\s+(?:laten|te\s+laten))\b",
    re.I, ("wijken", "toepassing"),
)
_HARDSHIP_OBJECT_RE = rx.compile(r"\bverordening|\b(?:deze|de)\s+(?:beleids|nadere\s+)?regel(?:s|ing)?\b|\bbepalingen|\bartikel|\bregel\b|\bwet\b", re.I)
_STANDARD_RE = rx.compile(
    r"onbillijk|overwegende\s+aard|doel\s+van\s+(?:deze|de)|kernwaarden|onredelijk|schrijnend|onevenredig"
    r"|tot\s+onaanvaardbare|niet\s+(?:goed\s+)?past",
    re.I,
)
_HARDSHIP_DECIDER_RE = rx.compile(r"\b(?:college|burgemeester|%s)\b" % DECIDER, re.I)
_FROM_LAW_RE = rx.compile(r"afwijken\s+van\s+(?:de|het)\s+(?:%s)" % LAW_RE.pattern)


@dataclass(frozen=True)
class Hardship:
    sentence: Sentence
    has_standard: bool
    from_law: bool


def find_hardship_clauses(analysis: "Analysis") -> list[Hardship]:
    out = []
    for s in analysis.sentences():
        if not _HARDSHIP_RE.search(s.text) or _DESCRIBES_RE.search(s.text):
            continue  # "Hier is ook opgenomen dat de gemeente kan afwijken" describes the clause
        if not (_HARDSHIP_OBJECT_RE.search(s.text) or cites_law(s.text)):
            continue
        if not _HARDSHIP_DECIDER_RE.search(s.text):
            continue
        art = s.node.nearest(Kind.ARTIKEL)
        scope = art.full_text if art is not None else s.text
        out.append(Hardship(s, _STANDARD_RE.search(scope) is not None, _FROM_LAW_RE.search(s.text) is not None))
    return out
