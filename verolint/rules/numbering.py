"""Numbering: articles, leden, onderdelen and divisions in order, once, no gaps."""

from __future__ import annotations

import re
from typing import Iterator

from .. import rx
from ..model import Category, Kind, Node, Severity
from ..rule import Context, Rule, iter_nodes
from ..text import roman_to_int

_COMP_RE = rx.compile(r"^(\d+|[IVXLC]+)([a-z]*)$")


Comp = tuple[int, str]


def parse_number(number: str | None) -> tuple[Comp, ...] | None:
    """'2.3.1a' -> ((2, ''), (3, ''), (1, 'a')); 'IV' -> ((4, ''),); 'c' -> ((3, ''),)."""
    if not number:
        return None
    text = number.strip().rstrip(".").replace(":", ".").replace("°", "")
    comps = []
    for part in text.split("."):
        if re.fullmatch(r"[a-z]{1,2}", part):  # onderdeel letters: c, aa (inserted after a)
            comps.append((ord(part[0]) - 96, part[1:]))
            continue
        m = _COMP_RE.match(part)
        if not m:
            return None
        base = int(m.group(1)) if m.group(1).isdigit() else roman_to_int(m.group(1))
        if base is None:
            return None
        comps.append((base, m.group(2)))
    return tuple(comps)


def _next_suffix(suffix: str) -> str:
    if not suffix:
        return "a"
    return suffix[:-1] + chr(ord(suffix[-1]) + 1)


def successors(prev: tuple[Comp, ...]) -> set[tuple[Comp, ...]]:
    """Numbers that may follow ``prev`` without anything missing."""
    *head, (n, suffix) = prev
    head = tuple(head)
    out = {head + ((n, _next_suffix(suffix)),), head + ((n + 1, ""),)}
    for k in range(len(prev) - 1):  # a new chapter or paragraph: 2.3.5 -> 2.4.1 / 3.1.1 / 3a.1
        rest = ((1, ""),) * (len(prev) - k - 1)
        out.add(prev[:k] + ((prev[k][0] + 1, ""),) + rest)
        out.add(prev[:k] + ((prev[k][0], _next_suffix(prev[k][1])),) + rest)
    return out


def show(number: str | None) -> str:
    return (number or "?").rstrip(".")


class SequenceProblem:
    __slots__ = ("kind", "node", "message", "severity", "prev")

    def __init__(self, kind: str, node: Node, message: str, severity: Severity, prev: Node | None = None):
        self.kind, self.node, self.message, self.severity, self.prev = kind, node, message, severity, prev


def check_sequence(nodes: list[Node], noun: str, expect_first: bool = True) -> Iterator[SequenceProblem]:
    """Duplicates, order and gaps in a list of numbered sibling-like nodes."""
    seen: dict[tuple, Node] = {}
    prev: tuple[Comp, ...] | None = None
    prev_node: Node | None = None
    # a list that starts at i (or I) and holds only Roman numerals counts i, ii, iii, iv
    roman = bool(nodes) and (nodes[0].number or "") in ("i", "I") and all(
        roman_to_int((n.number or "").upper()) for n in nodes)
    for node in nodes:
        comps = ((roman_to_int(node.number.upper()), ""),) if roman else parse_number(node.number)
        if comps is None:
            continue
        if prev is not None and len(prev) == 1 and prev[0][0] >= 26 and re.fullmatch(r"([a-z])\1", node.number or ""):
            comps = ((26 + ord(node.number[0]) - 96, ""),)  # onderdelen that run on after z: aa, bb, cc
        if comps in seen:
            yield SequenceProblem(
                "duplicate", node,
                f"{noun} {show(node.number)} komt twee keer voor; nummers moeten uniek zijn",
                Severity.ERROR,
            )
            continue
        seen[comps] = node
        if prev is None:
            first = ((1, ""),) * len(comps)
            if expect_first and comps != first:
                yield SequenceProblem(
                    "start", node,
                    f"de nummering begint bij {noun} {show(node.number)} in plaats van bij "
                    f"{'.'.join('1' * len(comps))}",
                    Severity.WARNING,
                )
        elif len(comps) != len(prev):
            yield SequenceProblem(
                "scheme", node,
                f"{noun} {show(node.number)} volgt een ander nummerschema dan {noun} "
                f"{show(prev_node.number)}; gebruik één schema",
                Severity.WARNING, prev_node,
            )
        elif comps < prev:
            yield SequenceProblem(
                "order", node,
                f"{noun} {show(node.number)} staat na {noun} {show(prev_node.number)}; "
                "de nummers staan niet op volgorde",
                Severity.ERROR,
            )
        elif comps not in successors(prev):
            yield SequenceProblem(
                "gap", node,
                f"na {noun} {show(prev_node.number)} volgt {noun} {show(node.number)}; "
                "er ontbreekt een nummer",
                Severity.WARNING, prev_node,
            )
        prev, prev_node = comps, node


def article_problems(doc) -> list[SequenceProblem]:
    """Duplicates, disorder, gaps and changes of scheme in the article
    numbers of the rule text, in the order the articles stand. In an
    omgekeerde layout sections (3.1) and articles (4.2.1) are numbered per
    chapter and paragraph, each level in its own sequence."""
    articles = doc.articles()
    if not any(a.marker == "sectie" for a in articles):
        return list(check_sequence(articles, "artikel"))
    groups: dict[int, list[Node]] = {}
    for art in articles:
        groups.setdefault(id(art.parent), []).append(art)
    return [p for group in groups.values() for p in check_sequence(group, "artikel", expect_first=False)]


class _SequenceRule(Rule):
    category = Category.NUMBERING
    severity = Severity.ERROR

    def report(self, ctx: Context, problems: Iterator[SequenceProblem], whole: bool = True):
        """``whole`` False: the numbers belong to an excerpt, whose first
        number and gaps say nothing (duplicates and disorder still do)."""
        for p in problems:
            if not whole and p.kind in ("start", "gap", "scheme"):
                continue
            # duplicates and disorder are errors, gaps are warnings, unless configured
            sev = p.severity if self.severity == type(self).severity else self.severity
            yield ctx.at_node(p.node, p.message, severity=sev, suggestion=self.suggest(p))

    def suggest(self, p: SequenceProblem) -> str | None:
        return {
            "duplicate": "Geef elk onderdeel een eigen nummer en pas verwijzingen aan.",
            "order": "Zet de nummers op volgorde en pas verwijzingen aan.",
            "gap": "Nummer door, of laat het ontbrekende nummer bewust vervallen.",
            "scheme": "Nummer alle artikelen doorlopend (1, 2, 3) of per hoofdstuk (1.1, 1.2, 2.1).",
        }.get(p.kind)


class ArticleNumbering(_SequenceRule):
    """Artikelnummers zijn uniek, op volgorde en zonder gaten.

    Wat het controleert
        De nummers van alle artikelen van de regeltekst (niet de toelichting), in
        de volgorde waarin ze staan: een nummer dat twee keer voorkomt of lager is
        dan het vorige (fout), een overgeslagen nummer of een begin dat niet bij 1
        ligt (waarschuwing), en een wisseling van nummerschema (1, 2 naast 2.1).
        Ingevoegde artikelen (4a na 4) en een nieuw hoofdstuk (1.5 gevolgd door
        2.1) zijn in orde. Springt de nummering op twee of meer plaatsen (een
        gat of een ander schema), dan is de tekst vermoedelijk een deel van
        een regeling: dan komt er één opmerking die de sprongen noemt, en
        vervallen de controles op het geheel (citeertitel, inwerkingtreding,
        ongebruikte begrippen, verwijzingen naar ontbrekende artikelen). Zo
        ook bij een tekst die 'uittreksel' heet, bij een later artikel begint
        of midden in een zin ophoudt.

    Waarom
        Verwijzingen, citaten en besluiten noemen artikelen bij hun nummer. Een
        dubbel nummer maakt een verwijzing dubbelzinnig; een gat doet vermoeden
        dat er een artikel is weggevallen (Aanwijzingen voor de regelgeving 3.54).

    Voorbeeld
        Artikel 4 Aanvraag
        Artikel 6 Beslissing

    Beter
        Artikel 4 Aanvraag
        Artikel 5 Beslissing
    """

    code = "NUM001"
    name = "artikelnummering"

    def check(self, doc, ctx):
        problems = ctx.analysis.article_problems
        yield from self.report(ctx, iter(problems), whole=not ctx.analysis.excerpt)
        if ctx.analysis.abridged and not ctx.analysis.titled_excerpt:
            jumps = [p for p in problems if p.kind in ("gap", "scheme")]
            places = ", ".join(f"{show(p.prev.number)} → {show(p.node.number)}" for p in jumps[:4])
            yield ctx.at_document(
                f"in de artikelnummering ontbreekt op {len(jumps)} plaatsen een stuk ({places}"
                f"{', …' if len(jumps) > 4 else ''}); de tekst lijkt een deel van de regeling. "
                "Controles op het geheel (citeertitel, inwerkingtreding, ongebruikte begrippen, "
                "verwijzingen naar ontbrekende artikelen) zijn daarom overgeslagen.",
                severity=Severity.INFO,
                suggestion="Controleer de hele regeling, of nummer door als de tekst wel compleet is.",
            )


class ChapterArticleNumber(Rule):
    """Het artikelnummer past bij het hoofdstuk waarin het artikel staat.

    Wat het controleert
        Bij nummering per hoofdstuk (artikel 2.3 in hoofdstuk 2) moet het eerste
        deel van het artikelnummer gelijk zijn aan het nummer van het hoofdstuk.

    Waarom
        Een artikel 3.2 in hoofdstuk 2 wijst op een verschoven artikel of een
        vergeten hernummering; lezers zoeken het dan op de verkeerde plek.

    Voorbeeld
        Hoofdstuk 2 Meedoen
        Artikel 3.1 Wat we bieden

    Beter
        Hoofdstuk 2 Meedoen
        Artikel 2.1 Wat we bieden
    """

    code = "NUM002"
    name = "artikel-hoofdstuk"
    category = Category.NUMBERING
    severity = Severity.WARNING

    def check(self, doc, ctx):
        for art in doc.articles():
            comps = parse_number(art.number)
            chapter = art.nearest(Kind.HOOFDSTUK)
            if not comps or len(comps) < 2 or chapter is None:
                continue
            ch = parse_number(chapter.number)
            if ch and len(ch) == 1 and ch[0][0] != comps[0][0]:
                yield ctx.at_node(
                    art,
                    f"artikel {show(art.number)} staat in hoofdstuk {show(chapter.number)}; "
                    f"het nummer hoort met {ch[0][0]}. te beginnen",
                    suggestion=f"Hernummer het artikel naar {ch[0][0]}.{'.'.join(str(c[0]) + c[1] for c in comps[1:])} "
                    "of verplaats het naar het juiste hoofdstuk.",
                )


class LidNumbering(_SequenceRule):
    """Leden van een artikel zijn genummerd 1, 2, 3, … zonder gaten of dubbelen.

    Wat het controleert
        Per artikel de nummers van de leden: dubbel of niet op volgorde (fout),
        overgeslagen of niet beginnend bij 1 (waarschuwing).

    Waarom
        Verwijzingen als 'het derde lid' werken alleen als de leden doorlopend
        genummerd zijn.

    Voorbeeld
        1. De inwoner meldt de hulpvraag.
        3. Het college onderzoekt de hulpvraag.

    Beter
        1. De inwoner meldt de hulpvraag.
        2. Het college onderzoekt de hulpvraag.
    """

    code = "NUM003"
    name = "ledennummering"

    def check(self, doc, ctx):
        for art in doc.articles():
            leden = [c for c in art.children if c.kind is Kind.LID]
            if leden:
                yield from self.report(ctx, check_sequence(leden, "lid"))


class OnderdeelNumbering(_SequenceRule):
    """Onderdelen van een opsomming lopen a, b, c (of 1°, 2°) zonder gaten.

    Wat het controleert
        Per opsomming de letters of nummers van de onderdelen: dubbel of niet op
        volgorde (fout), overgeslagen of niet beginnend bij a of 1° (waarschuwing).
        Ingevoegde onderdelen als 'aa' na 'a' zijn in orde.

    Waarom
        Een verwijzing 'onder c' moet naar precies één onderdeel leiden.

    Voorbeeld
        a. wonen;
        c. vervoer.

    Beter
        a. wonen;
        b. vervoer.
    """

    code = "NUM004"
    name = "onderdeelnummering"

    def check(self, doc, ctx):
        for parent in iter_nodes(doc, Kind.ARTIKEL, Kind.LID, Kind.ONDERDEEL):
            if parent.nearest(Kind.BIJLAGE) is not None:
                continue  # lists in a bijlage are often tables whose headings we do not see
            items = [c for c in parent.children if c.kind in (Kind.ONDERDEEL, Kind.SUBONDERDEEL) and c.number]
            if len(items) < 2 and not (items and items[0].number not in ("a", "1", "1°", "i", "I")):
                continue
            problems = check_sequence(items, "onderdeel")
            yield from self.report(ctx, (p for p in problems if not _number_without_dot(doc, parent, p)))


_ROMAN = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
          "xvi", "xvii", "xviii", "xix", "xx"]


def _labels_after(number: str) -> list[str]:
    """The markers that can follow ``number`` in a list: 3 → 4, c → d, x → xi or y."""
    n = number.rstrip(".)°").lower()
    out = []
    if n.isdigit():
        out.append(str(int(n) + 1))
    if n in _ROMAN[1:-1]:
        out.append(_ROMAN[_ROMAN.index(n) + 1])
    if len(n) == 1 and n.isalpha() and n != "z":
        out.append(chr(ord(n) + 1))
    return out


def _number_without_dot(doc, parent: Node, p: SequenceProblem) -> bool:
    """A gap that is no gap: the missing item stands in the text, its number
    written without a dot ('xi Gezinshuis plus', '1 cliënt heeft …'), so the
    reader took it for running text. The numbering itself is right."""
    if p.kind == "gap" and p.prev is not None:
        labels, lo = _labels_after(p.prev.number or ""), p.prev.start
    elif p.kind == "start":
        first = (p.node.number or "").rstrip(".)°").lower()
        labels, lo = ["1" if first.isdigit() else "i" if first in _ROMAN else "a"], parent.body_start
    else:
        return False
    if not labels:
        return False
    pattern = rx.compile(r"(?im)^[ \t]*(?:%s)[ \t]+\S" % "|".join(map(re.escape, labels)))
    return pattern.search(doc.text, lo, p.node.start) is not None


class DivisionNumbering(_SequenceRule):
    """Hoofdstukken, afdelingen en paragrafen zijn op volgorde en zonder gaten genummerd.

    Wat het controleert
        Per soort indeling (hoofdstuk, titel, afdeling, paragraaf, bijlage) de
        nummers van de indelingen die onder hetzelfde hoger niveau staan.

    Waarom
        Een overgeslagen of dubbel hoofdstuk maakt de inhoudsopgave en
        verwijzingen naar hoofdstukken onbetrouwbaar.

    Voorbeeld
        Hoofdstuk 1 Algemeen
        Hoofdstuk 3 Meedoen

    Beter
        Hoofdstuk 1 Algemeen
        Hoofdstuk 2 Meedoen
    """

    code = "NUM005"
    name = "indelingsnummering"

    def check(self, doc, ctx):
        for parent in doc.root.walk():
            if not parent.children:
                continue
            groups: dict[tuple[Kind, bool], list[Node]] = {}
            for child in parent.children:
                if child.kind in (Kind.HOOFDSTUK, Kind.TITEL, Kind.AFDELING, Kind.PARAGRAAF, Kind.BIJLAGE):
                    # steps ("Stap 1") are numbered apart from the paragraphs beside them
                    groups.setdefault((child.kind, child.marker == "stap"), []).append(child)
            for (kind, _step), nodes in groups.items():
                if kind is Kind.BIJLAGE and len(nodes) < 2:
                    continue
                # nested numbering (paragraaf 2.1 in hoofdstuk 2) starts at <parent>.1
                yield from self.report(
                    ctx, check_sequence(nodes, kind.value, expect_first=parent.kind is Kind.DOCUMENT),
                    whole=not ctx.analysis.excerpt,
                )
