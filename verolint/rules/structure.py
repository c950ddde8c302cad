"""Structure: what the article tree itself shows about a document."""

from __future__ import annotations

import re

from ..model import Category, Severity
from ..rule import Rule

# "[Vervallen]", "Vervallen per 1-1-2015", "(gereserveerd)": a marker, not a verb in a title
_VERVALLEN_RE = re.compile(r"^\W*(?:vervallen|gereserveerd)\b", re.I)


class EmptyArticle(Rule):
    """Een artikel zonder tekst.

    Wat het controleert
        Artikelen met een kop maar zonder eigen tekst, leden of onderdelen.
        Artikelen die als 'vervallen' of 'gereserveerd' zijn gemarkeerd meldt
        STR003.

    Waarom
        Een leeg artikel is meestal een overblijfsel van het schrijven of van
        een model, of er is tekst weggevallen bij het kopiëren.

    Voorbeeld
        Artikel 7 Klachten

        Artikel 8 Bezwaar

    Beter
        Artikel 7 Klachten

        Klachten behandelt het college volgens hoofdstuk 9 van de Algemene wet
        bestuursrecht.
    """

    code = "STR001"
    name = "leeg-artikel"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, doc, ctx):
        for art in doc.articles():
            if art.is_empty and not _VERVALLEN_RE.search(art.title or ""):
                yield ctx.at_node(
                    art,
                    f"artikel {art.number} heeft geen tekst",
                    suggestion="Vul het artikel aan of schrap het en hernummer.",
                )


class Unstructured(Rule):
    """Tekst waarin geen artikelen te herkennen zijn.

    Wat het controleert
        De lezer van verolint vond in (een deel van) het document geen
        artikelkoppen. De tekst is dan als één ongenummerd blok gelezen; de
        andere regels controleren dat blok wel, maar verwijzingen en nummering
        kunnen niet worden gecontroleerd.

    Waarom
        Een verordening bestaat uit artikelen; zonder herkenbare artikelkoppen
        kunnen lezers en verolint niet naar onderdelen verwijzen.

    Voorbeeld
        De inwoner meldt zich bij het college. Het college onderzoekt de vraag.

    Beter
        Artikel 1 Melding
        De inwoner meldt zich bij het college.
    """

    code = "STR002"
    name = "geen-structuur"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, doc, ctx):
        for diag in doc.diagnostics:
            if diag.code == self.code:
                yield ctx.finding(diag.start, max(diag.end, diag.start), diag.message, suggestion=diag.suggestion)


class VervallenArticle(Rule):
    """Een artikel dat als vervallen of gereserveerd is gemarkeerd.

    Wat het controleert
        Artikelen met 'vervallen' of 'gereserveerd' in de kop of als enige tekst.

    Waarom
        In een geconsolideerde tekst zijn vervallen artikelen normaal, maar een
        nieuwe verordening hoort doorlopend genummerd te zijn
        (Aanwijzingen voor de regelgeving 3.54).

    Voorbeeld
        Artikel 5 [Vervallen]

    Beter
        Hernummer de artikelen bij het opnieuw vaststellen.
    """

    code = "STR003"
    name = "vervallen-artikel"
    category = Category.STRUCTURE
    severity = Severity.INFO

    def check(self, doc, ctx):
        for art in doc.articles():
            own = art.own_text
            if _VERVALLEN_RE.search(art.title or "") or (own and len(own) < 40 and _VERVALLEN_RE.search(own)):
                yield ctx.at_node(art, f"artikel {art.number} is vervallen of gereserveerd")
