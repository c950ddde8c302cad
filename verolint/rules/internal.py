"""The finding a rule leaves when it crashes (made by the engine)."""

from __future__ import annotations

from ..model import Category, Severity
from ..rule import ReportedByEngine


class InternalError(ReportedByEngine):
    """Een regel van verolint liep vast op dit bestand; de andere regels zijn wel uitgevoerd.

    Wat het controleert
        Niets in de tekst: dit is een fout in verolint. Loopt een regel vast,
        dan meldt verolint dat hier, met de regelcode en de oorzaak, en voert
        het alle andere regels gewoon uit. De controle van dit bestand is dus
        onvolledig: de vastgelopen regel heeft niets gemeld.

    Waarom
        Eén fout in één regel mag de andere bevindingen niet verbergen, en mag
        ook niet stil voorbijgaan: een controle die niet is uitgevoerd, is geen
        goedkeuring. Daarom is dit een fout en eindigt verolint met exitcode 2,
        ook met --exit-zero, zoals bij een bestand dat niet te lezen is.

    Voorbeeld
        interne fout in regel RIG005 (IndexError: list index out of range, exclusion.py:310)

    Beter
        Meld de fout bij verolint, met het bestand als dat kan. Zet tot dan
        alleen de vastgelopen regel uit (--ignore RIG005).
    """

    code = "INT001"
    name = "interne-fout"
    category = Category.INTERNAL
    severity = Severity.ERROR
