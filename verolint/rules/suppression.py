"""Suppression hygiene: the engine reports these while applying inline
suppressions (see verolint/suppression.py)."""

from __future__ import annotations

from ..model import Category, Severity
from ..rule import ReportedByEngine


class BadSuppression(ReportedByEngine):
    """Een verolint-opdracht in de tekst die verolint niet begrijpt.

    Wat het controleert
        Opdrachten als <!-- verolint: disable XYZ999 --> met een onbekende regel,
        een onbekende categorie of een onbekende actie.

    Waarom
        Een verkeerd getypte code onderdrukt niets, terwijl de schrijver denkt
        dat de melding bewust is afgehandeld.

    Voorbeeld
        <!-- verolint: disable VAG01 -->

    Beter
        <!-- verolint: disable VAG001 -- criteria staan in artikel 4 -->
    """

    code = "SUP001"
    name = "onbekende-onderdrukking"
    category = Category.SUPPRESSION
    severity = Severity.WARNING



class UnusedSuppression(ReportedByEngine):
    """Een verolint-opdracht die niets onderdrukt.

    Wat het controleert
        Opdrachten (disable, disable-next, …) waaronder geen melding van de
        genoemde regels meer valt.

    Waarom
        Na een tekstwijziging blijven onderdrukkingen achter die niets meer doen;
        ze verbergen later ongemerkt nieuwe meldingen. Ruim ze op.

    Voorbeeld
        <!-- verolint: disable-next VAG001 -->
        1. Het college beslist binnen twee weken.

    Beter
        1. Het college beslist binnen twee weken.
    """

    code = "SUP002"
    name = "ongebruikte-onderdrukking"
    category = Category.SUPPRESSION
    severity = Severity.INFO
