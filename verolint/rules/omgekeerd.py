"""Checks that matter most in an omgekeerde verordening: one name per actor."""

from __future__ import annotations

import re
from collections import defaultdict

from .. import rx
from ..model import Category, Kind, Severity
from ..rule import Rule
from ..text import Intervals

# Names for the resident who asks for help; one text should use one of them.
# The plural ("inwoners", "cliënten") speaks of people in general, not of the
# one resident whose help question the text follows: it is not counted.
RESIDENT_NAMES = {
    "u": "u", "uw": "u",
    "inwoner": "de inwoner",
    "cliënt": "de cliënt", "client": "de cliënt",
    "aanvrager": "de aanvrager",
    "belanghebbende": "de belanghebbende",
    "ingezetene": "de ingezetene",
    "hulpvrager": "de hulpvrager",
    "deelnemer": "de deelnemer",
    "burger": "de burger",
    "je": "je", "jij": "je", "jouw": "je",
}


_NAMES_RE = rx.compile(
    r"(\b(?:onder|onderdeel|sub|letter)\s+)?\b(%s)\b" % "|".join(sorted(RESIDENT_NAMES, key=len, reverse=True)),
    re.I,
)


def _tied_names(definitions):
    """Whether two resident names are settled by the begrippen: one is defined
    in terms of the other ('u: de inwoner', 'hulpvrager: cliënt als bedoeld in
    de Wmo'), or each is defined on its own, as a role of its own."""
    parent: dict[str, str] = {}

    def find(name: str) -> str:
        while parent.get(name, name) != name:
            name = parent[name]
        return name

    defined = set()
    for d in definitions:
        name = RESIDENT_NAMES.get(d.key)
        if name is None:
            continue
        defined.add(name)
        for m in _NAMES_RE.finditer(d.body):
            other = RESIDENT_NAMES[m.group(2).lower()]
            parent[find(other)] = find(name)

    def same(a: str, b: str) -> bool:
        return find(a) == find(b) or (a in defined and b in defined)

    return same


class MixedActorNames(Rule):
    """Eén rol, verschillende namen: 'u', 'de inwoner', 'de cliënt', 'de aanvrager'.

    Wat het controleert
        Per hoofdstuk (of in het hele document als er geen hoofdstukken zijn)
        welke namen de tekst gebruikt voor de inwoner die hulp vraagt: 'u',
        'de inwoner', 'de cliënt', 'de aanvrager', 'de belanghebbende', 'je'.
        Alleen in het omgekeerde profiel: een klassieke verordening noemt
        procedurele rollen naar de wet (de aanvrager, de belanghebbende, de
        cliënt). Meer dan één naam in één hoofdstuk wordt gemeld, bij het eerste gebruik
        van de tweede naam. De begripsbepalingen tellen niet mee, maar leggen
        wel vast wie wie is: 'u: de inwoner' maakt 'u' en 'de inwoner' één rol,
        en twee namen die elk een eigen definitie hebben, zijn twee rollen. Het
        meervoud ('inwoners') gaat over mensen in het algemeen en telt niet.

    Waarom
        Lezers denken dat verschillende woorden verschillende personen zijn: is
        'de aanvrager' dezelfde als 'de cliënt'? In een omgekeerde verordening
        verbergt het wisselen tussen 'u' en 'de inwoner' wie er gebonden is.

    Voorbeeld
        U doet een melding. De inwoner krijgt daarna een verslag.

    Beter
        U doet een melding. U krijgt daarna een verslag.
    """

    code = "OMG001"
    name = "wisselende-aanspreekvorm"
    category = Category.DEFINITION
    severity = Severity.WARNING
    # A classic ordinance names procedural roles after the law (de aanvrager,
    # de belanghebbende, de cliënt): that is no second name for one person.
    profile_severity = {"classic": None}

    def check(self, doc, ctx):
        same = _tied_names(ctx.analysis.definitions)
        # the begrippen say who is who: not a second name (a begrippenlijst may be a chapter, not an article)
        skip = Intervals([(a.start, a.end) for a in ctx.analysis.definition_articles]
                         + [d.span for d in ctx.analysis.definitions])
        groups: dict[int, dict[str, int]] = defaultdict(dict)  # chapter start -> name -> first offset
        chapters: dict[int, object] = {}
        for m in _NAMES_RE.finditer(doc.text):
            name = RESIDENT_NAMES[m.group(2).lower()]
            if m.start(2) in skip:
                continue
            if name == "u" and m.group(1):
                continue  # "onder u": a list item, not the reader
            tok = m
            node = doc.node_at(tok.start(2))
            if not node.in_rule_text:
                continue
            chapter = node.nearest(Kind.HOOFDSTUK) or doc.root
            chapters[chapter.start] = chapter
            groups[chapter.start].setdefault(name, tok.start(2))
        for key, names in groups.items():
            if len(names) < 2:
                continue
            ordered = sorted(names.items(), key=lambda kv: kv[1])
            first = ordered[0][0]
            chapter = chapters[key]
            where = f"in {chapter.path}" if chapter is not doc.root else "in deze verordening"
            for name, offset in ordered[1:]:
                if same(name, first):
                    continue
                word = re.match(r"\w+", doc.text[offset:]).group(0)
                yield ctx.finding(
                    offset, offset + len(word),
                    f"'{name}' naast '{first}' {where}: één rol heeft hier meer dan één naam",
                    suggestion=f"Gebruik overal '{first}', of leg in de begripsbepalingen vast dat beide dezelfde persoon zijn.",
                )
