"""Structure: what the article tree itself shows about a document."""

from __future__ import annotations

import re

from .. import rx
from ..model import Category, Kind, Severity
from ..rule import Rule

# "[Vervallen]", "Vervallen per 1-1-2015", "(gereserveerd)": a marker, not a verb in a title
_VERVALLEN_RE = rx.compile(r"^\W*(?:vervallen|gereserveerd)\b", re.I)


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


class _ReaderDiagnostic(Rule):
    """Reports what the reader noted under this rule's code (``Document.diagnostics``)."""

    def severity_of(self, diag) -> Severity | None:
        return None  # the rule's own severity

    def check(self, doc, ctx):
        for diag in doc.diagnostics:
            if diag.code == self.code:
                yield ctx.finding(diag.start, max(diag.end, diag.start), diag.message,
                                  suggestion=diag.suggestion, severity=self.severity_of(diag))


class Unstructured(_ReaderDiagnostic):
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


class UnsureStructure(_ReaderDiagnostic):
    """De lezer twijfelt aan de opbouw: tekst die op een kop lijkt, of een artikel dat hoofdstukken opslokt.

    Wat het controleert
        Plaatsen waar de lezer van verolint de opbouw niet zeker kon herkennen:
        een regel die op een kop lijkt maar als tekst is gelezen (een
        'Artikel' zonder nummer, een genummerde regel met een zin in plaats
        van een titel), een artikel met meerdere genummerde regels die op
        hoofdstukkoppen lijken, en een toelichting vóór het eerste artikel.
        Waar de lezer echt twijfelt (een artikel dat hoofdstukken lijkt op te
        slokken), doet verolint ook geen uitspraken over het hele document
        (geen hardheidsclausule, geen citeertitel, wie is 'we').

    Waarom
        Elke controle staat op de artikelboom. Een verkeerd gelezen boom geeft
        zelfverzekerde, verkeerde meldingen; tekst mag nooit stil verdwijnen.
        Met 'verolint tree --explain' is per regel te zien hoe die is gelezen.

    Voorbeeld
        Artikel Begripsbepalingen
        In deze verordening wordt verstaan onder: ...

    Beter
        Artikel 1 Begripsbepalingen
        In deze verordening wordt verstaan onder: ...
    """

    code = "STR007"
    name = "onzekere-opbouw"
    category = Category.STRUCTURE
    severity = Severity.INFO

    def severity_of(self, diag) -> Severity | None:
        # a doubted tree is a warning (claims about the whole document are then left out)
        return Severity.WARNING if diag.unsure and self.severity == type(self).severity else None


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


class MissingTitle(Rule):
    """Artikelen zonder kop, terwijl de andere artikelen er een hebben.

    Wat het controleert
        Als de meeste artikelen (minstens twee derde) een kop hebben, worden de
        artikelen zonder kop gemeld. Een kop die een restant van een export is
        ('None', 'null', 'undefined': een leeg veld dat als tekst is
        weggeschreven) is geen kop en wordt altijd gemeld.

    Waarom
        Koppen maken een verordening doorzoekbaar; een inwoner vindt zijn
        onderwerp via de koppen. Een ontbrekende kop valt op en is meestal
        vergeten.

    Voorbeeld
        Artikel 4 Aanvraag
        Artikel 5
        Artikel 6 Beslistermijn

    Beter
        Artikel 5 Onderzoek
    """

    code = "STR004"
    name = "kop-ontbreekt"
    category = Category.STRUCTURE
    severity = Severity.WARNING

    def check(self, doc, ctx):
        arts = doc.articles()
        for art in arts:
            if _placeholder(art.title):
                yield ctx.at_node(
                    art,
                    f"artikel {art.number} heeft als kop '{art.title}', het restant van een leeg veld "
                    "in een export",
                    suggestion="Zet de echte kop van het artikel terug.",
                )
        titled = [a for a in arts if a.title and not _placeholder(a.title)]
        if len(arts) < 3 or len(titled) * 3 < len(arts) * 2:
            return
        for art in arts:
            if not art.title and not art.is_empty:
                yield ctx.at_node(
                    art,
                    f"artikel {art.number} heeft geen kop, de andere artikelen wel",
                    suggestion="Geef het artikel een korte kop die zegt waar het over gaat.",
                )


# An empty field written out as text by an export ('Artikel 4 **None**'; the reader has taken off the asterisks)
_PLACEHOLDER_TITLES = frozenset({"none", "null", "undefined", "nan"})


def _placeholder(title: str | None) -> bool:
    return bool(title) and title.casefold() in _PLACEHOLDER_TITLES


_DEFINITION_TITLE_RE = rx.compile(r"begrip|definitie|woordenlijst", re.I)


class LateDefinitions(Rule):
    """Klassieke verordening: de begripsbepalingen staan niet vooraan.

    Wat het controleert
        In het klassieke profiel horen de begripsbepalingen in het eerste
        hoofdstuk of bij de eerste drie artikelen. In het omgekeerde profiel
        staat de woordenlijst juist vaak achteraan; daar is deze regel uit.

    Waarom
        Wie een klassieke verordening leest, verwacht de definities voorin
        (Aanwijzingen voor de regelgeving 5.3) en leest de rest in dat licht.

    Voorbeeld
        Artikel 24 Begripsbepalingen (na alle inhoudelijke artikelen)

    Beter
        Artikel 1 Begripsbepalingen
    """

    code = "STR005"
    name = "begrippen-achteraan"
    category = Category.STRUCTURE
    severity = Severity.INFO
    profile_severity = {"omgekeerd": None}

    def check(self, doc, ctx):
        arts = doc.articles()
        for i, art in enumerate(arts):
            if _DEFINITION_TITLE_RE.search(art.title or "") and i >= 3:
                chapter = art.nearest(Kind.HOOFDSTUK)
                if chapter is not None and chapter.number in ("1", "I"):
                    continue
                yield ctx.at_node(
                    art,
                    f"de begripsbepalingen staan in artikel {art.number}, niet vooraan",
                    suggestion="Zet de begripsbepalingen in artikel 1, of kies het omgekeerde profiel als de "
                    "woordenlijst bewust achteraan staat.",
                )


class QuestionHeading(Rule):
    """Klassieke verordening: een artikelkop in vraagvorm.

    Wat het controleert
        Artikelkoppen die eindigen op een vraagteken ('Hoe vraagt u hulp?').
        Die passen bij de omgekeerde stijl; in het omgekeerde profiel is deze
        regel uit.

    Waarom
        In een klassieke verordening is de kop een zakelijke aanduiding van de
        inhoud; een vraag als kop wijst op een mengvorm van twee stijlen.

    Voorbeeld
        Artikel 4 Hoe vraagt u hulp?

    Beter
        Artikel 4 Melding en aanvraag
        (of kies voor de omgekeerde stijl en het omgekeerde profiel)
    """

    code = "STR006"
    name = "vraag-als-kop"
    category = Category.STRUCTURE
    severity = Severity.INFO
    profile_severity = {"omgekeerd": None}

    def check(self, doc, ctx):
        for art in doc.articles():
            if (art.title or "").rstrip().endswith("?"):
                yield ctx.at_node(art, f"de kop van artikel {art.number} is een vraag; dat past bij de omgekeerde stijl")
