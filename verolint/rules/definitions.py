"""Definitions (begripsbepalingen): used, defined once, not copied from the law,
and no terms or abbreviations used as if they were defined."""

from __future__ import annotations

import re

from .. import rx
from ..legal import LAW_RE, Definition, inflections, states_purpose
from ..matcher import PhraseMatcher
from ..model import Category, Kind, Severity
from ..rule import Rule
from ..text import Intervals

# Terms the national laws define themselves (Wmo 2015 art. 1.1.1, Jeugdwet
# art. 1.1, Participatiewet art. 1 and 3-5, Wgs art. 1, Awb art. 1:1-1:3).
STATUTORY_TERMS = {
    "aanbieder": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "algemene voorziening": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "begeleiding": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "beschermd wonen": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "cliënt": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "cliëntondersteuning": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "gebruikelijke hulp": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "hulpmiddel": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "mantelzorg": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "maatschappelijke ondersteuning": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "maatwerkvoorziening": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "opvang": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "participatie": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "persoonsgebonden budget": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "woningaanpassing": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "zelfredzaamheid": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "huiselijk geweld": "artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015",
    "jeugdige": "artikel 1.1 van de Jeugdwet",
    "jeugdhulp": "artikel 1.1 van de Jeugdwet",
    "jeugdhulpaanbieder": "artikel 1.1 van de Jeugdwet",
    "ouder": "artikel 1.1 van de Jeugdwet",
    "pleegouder": "artikel 1.1 van de Jeugdwet",
    "alleenstaande": "artikel 4 van de Participatiewet",
    "alleenstaande ouder": "artikel 4 van de Participatiewet",
    "gezin": "artikel 4 van de Participatiewet",
    "bijstand": "artikel 5 van de Participatiewet",
    "algemene bijstand": "artikel 5 van de Participatiewet",
    "bijstandsnorm": "artikel 5 van de Participatiewet",
    "kostendelende medebewoner": "artikel 19a van de Participatiewet",
    "schuldhulpverlening": "artikel 1 van de Wet gemeentelijke schuldhulpverlening",
    "belanghebbende": "artikel 1:2 van de Algemene wet bestuursrecht",
    "besluit": "artikel 1:3 van de Algemene wet bestuursrecht",
    "beschikking": "artikel 1:3 van de Algemene wet bestuursrecht",
    "aanvraag": "artikel 1:3 van de Algemene wet bestuursrecht",
    "beleidsregel": "artikel 1:3 van de Algemene wet bestuursrecht",
    "bestuursorgaan": "artikel 1:1 van de Algemene wet bestuursrecht",
}
# Abbreviations that need no definition (organisations and laws every reader knows).
KNOWN_ABBREVIATIONS = {
    "CAK", "CIZ", "UWV", "SVB", "GGD", "BSN", "BW", "AOW", "WW", "WIA", "IOAW", "IOAZ", "AWB", "WMO", "WLZ", "ZVW",
    "WGS", "EU", "BRP", "KVK", "DUO", "IND", "BTW", "ANW", "WAO", "WAJONG", "TOZO", "BBZ", "VNG", "CRVB", "ABRVS",
    "PGB", "EUR", "WWB", "PW", "ECLI", "NIBUD", "APK", "GGZ", "CJG", "AVG", "WOZ", "RDW", "CBR", "OV", "NS", "BIG", "WSNP", "AWBZ", "WVG", "WTCG", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "NL", "ICT", "HBO", "MBO", "WO", "VMBO",
}
# (two to six capitals, not inside a word: the look-behind after the first capital checks the character before it,
# so that the pattern starts with the capital and re passes over the other characters at once)
_ABBREV_RE = rx.compile(r"([A-Z](?<![\w-][A-Z])[A-Z]{1,5})(?![\w-])")
_INTRODUCED_RE = rx.compile(r"\(\s*hierna\s*:?\s*[\"'‘“]?([^)\"'’”]+)[\"'’”]?\s*\)|\(([A-Z]{2,6})\)")
# "… bedoeld in artikel 1" / "als gedefinieerd in artikel 1.1": the term claims a definition there
# (only a bare "artikel N": with a lid or onderdeel, REF001 checks that the target exists)
_CLAIM_RE = rx.compile(
    r"\b(?:de|het|een)\s+(?P<term>[a-zé]+(?:\s+[a-zé]+){0,2}),?\s+(?:als\s+|zoals\s+)?(?:bedoeld|gedefinieerd|omschreven)"
    r"\s+in\s+artikel\s+(?P<art>\d+[a-z]?(?:[.:]\d+[a-z]?)*)(?![\w.:]*\d)(?!,?\s+(?:\w+\s+lid|lid|onder|sub))"
    r"(?![^.;]{0,40}\bvan\s+(?:de|het)\b)",
    re.I,
)


def _usage_matcher(defs: list[Definition]) -> PhraseMatcher:
    phrases: dict[str, dict[str, None]] = {}
    for d in defs:  # a term defined several times is looked for once
        for form in inflections(d.key):
            phrases.setdefault(form, {})[d.key] = None  # 'jongeren' is a form of 'jongere' and a term of its own
    return PhraseMatcher([(form, tuple(keys)) for form, keys in phrases.items()])


class UnusedDefinition(Rule):
    """Een begrip dat wordt gedefinieerd maar nergens wordt gebruikt.

    Wat het controleert
        Elk begrip uit de begripsbepalingen moet elders in de regeltekst
        voorkomen (ook in meervoud, 'maatwerkvoorzieningen'). Begrippen als 'we'
        en 'u' tellen mee zodra ze gebruikt worden. Niet in een deel van een
        regeling (zie NUM001): daar kan het begrip in het ontbrekende deel
        staan.

    Waarom
        Een ongebruikte definitie is ballast en wijst vaak op een bepaling die is
        geschrapt of op een ander woord dat de tekst wel gebruikt ('pgb' naast
        'persoonsgebonden budget'); Aanwijzingen voor de regelgeving 5.1.

    Voorbeeld
        huishouden: een alleenstaande of twee of meer personen die …
        (en verder komt 'huishouden' niet voor)

    Beter
        Schrap de definitie, of gebruik het begrip waar het bedoeld is.
    """

    code = "DEF001"
    name = "ongebruikt-begrip"
    category = Category.DEFINITION
    severity = Severity.WARNING

    def check(self, doc, ctx):
        if ctx.analysis.excerpt:
            return  # the term may be used in the part of the regulation that is not here
        reported = set()
        for d in ctx.analysis.unused_definitions:
            if d.key in reported:
                continue
            reported.add(d.key)
            yield ctx.finding(
                d.start, d.end,
                f"het begrip '{d.term}' wordt gedefinieerd maar nergens in de verordening gebruikt",
                node=d.node,
                suggestion="Schrap de definitie, of gebruik het begrip waar het bedoeld is.",
            )


def find_unused_definitions(analysis) -> list:
    """Definitions whose term the rule text never uses outside the
    definition itself (computed once by :class:`~verolint.analysis.Analysis`:
    DEF001 reports them, DEF003 leaves them to DEF001)."""
    defs = analysis.definitions
    if not defs:
        return []
    matcher = _usage_matcher(defs)
    ranges: dict[str, list[tuple[int, int]]] = {}
    for d in defs:
        ranges.setdefault(d.key, []).append(d.span)
    own = {key: Intervals(r) for key, r in ranges.items()}
    used: set[str] = set()
    # the first word of a phrase -> the terms of the phrases it starts (the matcher's index): a sentence without the
    # first word of a term not yet used adds nothing, and a set test says so at once
    terms_of = {first: {k for _elems, keys in entries for k in keys} for first, entries in matcher.exact.items()}
    pending = set(terms_of)
    tokens = analysis.tokens
    for s in analysis.sentences():  # rule text only
        lo, hi = tokens.span(s.start, s.end)
        if not matcher.prefixed and pending.isdisjoint(tokens.norms[lo:hi]):
            continue
        before = len(used)
        for i, j, keys in matcher.finditer(tokens.norms, lo, hi):
            used.update(k for k in keys if k not in used and tokens.starts[i] not in own[k])
        if len(used) == len(own):
            break  # every term is used
        if len(used) > before:
            pending = {first for first, terms in terms_of.items() if not terms <= used}
    # "we/wij: het college": one definition, used when either form is
    used_nodes = {id(d.node) for d in defs if d.key in used and not d.line_end}
    # (a definition in running text explains a word where it stands: not one to delete)
    return [d for d in defs if d.key not in used and id(d.node) not in used_nodes and not d.line_start]


class DuplicateDefinition(Rule):
    """Hetzelfde begrip twee keer gedefinieerd.

    Wat het controleert
        Begrippen die in de begripsbepalingen (of in twee begripsartikelen) meer
        dan eens een definitie krijgen, gelijk of verschillend. Definities die
        uitdrukkelijk voor een deel gelden ('in dit hoofdstuk wordt verstaan
        onder') tellen niet mee.

    Waarom
        Twee definities van één begrip maken onduidelijk welke geldt; bij een
        integrale verordening die oude verordeningen samenvoegt gebeurt dit vaak.

    Voorbeeld
        a. cliënt: persoon die een melding doet;
        f. cliënt: inwoner die een maatwerkvoorziening ontvangt;

    Beter
        Eén definitie, op één plek.
    """

    code = "DEF002"
    name = "dubbele-definitie"
    category = Category.DEFINITION
    severity = Severity.ERROR

    def check(self, doc, ctx):
        seen: dict[str, Definition] = {}  # every form of a defined term ('jongere', 'jongeren') -> its definition
        for d in ctx.analysis.definitions:
            if d.scoped:
                continue  # "in dit hoofdstuk wordt verstaan onder": a local meaning on purpose
            forms = inflections(d.key)
            first = next((seen[f] for f in forms if f in seen), None)
            if first is None:
                for form in forms:
                    seen.setdefault(form, d)
                continue
            if first.node is d.node:
                continue
            same = " ".join(first.body.split()).rstrip(";.") == " ".join(d.body.split()).rstrip(";.")
            line = doc.lines.position(first.start)[0]
            yield ctx.finding(
                d.start, d.end,
                f"'{d.term}' is al gedefinieerd op regel {line}"
                + (" (met dezelfde tekst)" if same else ", met een andere betekenis"),
                node=d.node,
                suggestion="Houd één definitie over en schrap de andere.",
            )


_LAW_MENTION = {
    "Wet maatschappelijke ondersteuning 2015": rx.compile(r"maatschappelijke\s+ondersteuning|\bWmo\b", re.I),
    "Jeugdwet": rx.compile(r"jeugdwet|jeugdhulp", re.I),
    "Participatiewet": rx.compile(r"participatiewet|\bbijstand|wet\s+werk\s+en\s+bijstand|\bWWB\b", re.I),
    "Wet gemeentelijke schuldhulpverlening": rx.compile(r"schuldhulp", re.I),
    "Algemene wet bestuursrecht": rx.compile(r"."),
}


def _law_of(where: str) -> str:
    return where.split(" van de ", 1)[1]


class StatutoryDefinition(Rule):
    """Een definitie van een begrip dat de wet al definieert.

    Wat het controleert
        Begrippen uit de begripsbepalingen die de Wmo 2015, de Jeugdwet, de
        Participatiewet, de Wgs of de Awb zelf definiëren ('cliënt',
        'maatwerkvoorziening', 'jeugdige', 'belanghebbende', …), als de
        definitie niet naar de wet verwijst ('als bedoeld in …') en de
        verordening over het terrein van die wet gaat.

    Waarom
        Een wettelijke definitie geldt al. Een eigen versie raakt verouderd of
        wijkt af — de Jeugdwet-definitie van 'jeugdige' loopt tot 23 jaar, een
        kopie 'tot 18 jaar' sluit jongeren uit — en een afwijkende definitie is
        onverbindend (Gemeentewet, artikel 121).

    Voorbeeld
        jeugdige: persoon die de leeftijd van achttien jaar nog niet heeft bereikt;

    Beter
        jeugdige: jeugdige als bedoeld in artikel 1.1 van de Jeugdwet;
        of: 'Begrippen die in de wet staan, hebben dezelfde betekenis als in de wet.'
    """

    code = "DEF003"
    name = "wettelijk-begrip"
    category = Category.DEFINITION
    severity = Severity.WARNING

    def check(self, doc, ctx):
        unused = {id(d) for d in ctx.analysis.unused_definitions}  # DEF001 says: delete it
        for d in ctx.analysis.definitions:
            where = ctx.analysis.statutory_definitions.get(id(d)) if id(d) not in unused else None
            if where:
                yield ctx.finding(
                    d.start, d.end,
                    f"'{d.term}' staat al gedefinieerd in {where}; een eigen definitie herhaalt de wet of wijkt ervan af",
                    node=d.node,
                    suggestion=f"Verwijs naar de wet: '{d.term}: {d.term} als bedoeld in {where}'.",
                )


def statutory_definition(d, doc) -> str | None:
    """Where the law defines this term, when the ordinance defines it again
    itself (DEF003 reports it; DUP001 leaves such a definition to DEF003, so
    that one defect gives one finding)."""
    where = STATUTORY_TERMS.get(d.key)
    if not where or d.cites_law or not _LAW_MENTION[_law_of(where)].search(doc.text):
        return None
    return where


class UndefinedTerm(Rule):
    """Een begrip of afkorting die wordt gebruikt alsof die gedefinieerd is.

    Wat het controleert
        Een begrip dat 'bedoeld in artikel 1' heet, terwijl artikel 1 het niet
        definieert; en afkortingen in hoofdletters ('IIT', 'BBZ' uitgezonderd)
        die nergens worden uitgelegd, niet in de begripsbepalingen en niet met
        '(hierna: …)'; en een functie of orgaan met een hoofdletter alsof het
        een vast begrip is ('de Consulent', 'het Zorgloket', 'de Adviesraad
        Sociaal Domein') dat de regeling nergens definieert, introduceert of
        uitlegt ('…, een raad van inwoners die …'). Niet: 'de Raad' (de
        gemeenteraad), landelijke organen en rechters ('de Centrale Raad van
        Beroep'), de aanhef (wie advies gaf) en tekst over doelen of een
        toelichtende bijlage.

    Waarom
        Een inwoner die de verordening leest tijdens het gesprek met de
        consulent, weet niet wat 'IIT' of 'de regisseur, bedoeld in artikel 1'
        betekent als het er niet staat.

    Voorbeeld
        De IIT wordt eenmaal per jaar verstrekt.

    Beter
        De individuele inkomenstoeslag (hierna: IIT) wordt eenmaal per jaar verstrekt.
    """

    code = "DEF004"
    name = "onbekend-begrip"
    category = Category.DEFINITION
    severity = Severity.WARNING

    def check(self, doc, ctx):
        keys = ctx.analysis.defined_keys
        def_arts = {a.number: a for a in ctx.analysis.definition_articles}
        introduced = set()
        for m in _INTRODUCED_RE.finditer(doc.text):
            introduced.add((m.group(1) or m.group(2) or "").strip().casefold())
        for art in def_arts.values():  # mentioned in the begripsbepalingen: explained there
            introduced.update(a.casefold() for a in _ABBREV_RE.findall(art.full_text))
        reported: set[str] = set()
        def_ids = {id(a) for a in def_arts.values()}
        for s in ctx.analysis.sentences():
            low = s.text.lower()
            claims = "artikel" in low and ("bedoeld" in low or "gedefinieerd" in low or "omschreven" in low)
            for m in _CLAIM_RE.finditer(s.text) if claims else ():
                art = def_arts.get(m.group("art"))
                if art is None:
                    continue
                words = m.group("term").casefold().split()
                if any(" ".join(words[i:]) in keys or words[-1] in keys for i in range(len(words))):
                    continue
                if any(k in m.group("term").casefold() for k in keys):
                    continue
                term = words[-1]
                yield ctx.finding(
                    s.start + m.start("term"), s.start + m.end(),
                    f"'{m.group('term')}' zou gedefinieerd zijn in artikel {m.group('art')}, maar dat artikel definieert het niet",
                    suggestion=f"Neem '{term}' op in artikel {m.group('art')}, of verwijs naar de juiste plek.",
                )
            if id(s.node.nearest(Kind.ARTIKEL)) in def_ids:
                continue  # the begripsbepalingen are where things get explained
            for m in _ABBREV_RE.finditer(s.text):
                abbr = m.group(1)
                low = abbr.casefold()
                if abbr in KNOWN_ABBREVIATIONS or low in keys or low in introduced or abbr in reported:
                    continue
                if s.text[max(0, m.start() - 1):m.start()] == "(" or _roman(abbr):
                    continue
                if _EXPLAINED_AFTER_RE.match(s.text, m.end()) or _CODE_CONTEXT_RE.search(
                        s.text, max(0, m.start() - 8), m.end() + 1):
                    continue  # explained right after it in brackets; a postcode or an identifier (ECLI:NL:...)
                reported.add(abbr)
                yield ctx.finding(
                    s.start + m.start(), s.start + m.end(),
                    f"de afkorting '{abbr}' wordt nergens uitgelegd",
                    suggestion=f"Schrijf het voluit, of introduceer het: '… (hierna: {abbr})' of in de begripsbepalingen.",
                )
        yield from self._undefined_law(doc, ctx, keys, def_ids)
        yield from self._capitalised_roles(doc, ctx, keys, def_ids, introduced)

    def _capitalised_roles(self, doc, ctx, keys, def_ids, introduced):
        """A role or body written with a capital as if it were a defined term
        ('de Consulent', 'het Zorgloket', 'de Adviesraad Sociaal Domein') that
        the regulation defines, introduces or explains nowhere. A national body
        ('de Sociale Verzekeringsbank', 'de Centrale Raad van Beroep') is known."""
        full = doc.text
        reported: set[str] = set()
        for s in ctx.analysis.sentences():
            found = list(_CAPITALISED_ROLE_RE.finditer(s.text))
            if not found:
                continue
            art = s.node.nearest(Kind.ARTIKEL)
            if art is None or id(art) in def_ids or ctx.analysis.explains(s.node) or states_purpose(doc, s):
                continue  # the aanhef names who advised; an explanatory text or a statement of aims assigns no role
            for m in found:
                name = m.group("name")
                low = name.casefold()
                head = low.split()[0]
                if (low in reported or low in keys or head in keys or any(k.startswith(low + " ") for k in keys)
                        or not introduced.isdisjoint((low, f"de {low}", f"het {low}"))
                        or low in ("raad", "gemeenteraad", "commissie")
                        or _KNOWN_BODY_RE.match(s.text, m.start("name"))):
                    continue  # defined (also the short form of a defined name: 'de Adviesraad' for 'Adviesraad
                    # Sociaal Domein') or introduced; 'de Raad' is the gemeenteraad and 'de Commissie' in a law the
                    # European Commission; a national body is known
                if _EXPLAINED_AFTER_RE.match(s.text, m.end()) or _glossed(full, name):
                    continue
                prefix, dash, _rest = name.split()[0].partition("-")
                if dash and (prefix.isupper() or LAW_RE.fullmatch(prefix)):
                    continue  # 'het Wmo-loket', 'het CJG-team': the capital is the law's or the acronym's, no claim of a term
                reported.add(low)
                yield ctx.finding(
                    s.start + m.start("name"), s.start + m.end("name"),
                    f"'{m.group('det').lower()} {name}' staat met een hoofdletter alsof het een vast begrip is, "
                    "maar de regeling zegt nergens wie of wat dat is",
                    suggestion=f"Neem '{name}' op in de begripsbepalingen, of zeg waar het voor het eerst staat wie "
                    "of wat het is; bedoelt de tekst een gewone functie of dienst, schrijf het dan met een kleine letter.",
                )

    def _undefined_law(self, doc, ctx, keys, def_ids):
        """'de wet' used as a defined term while the begrippen do not say which
        law it is (the text cites more than one, or none by name)."""
        if "wet" in keys or "de wet" in keys:
            return
        for s in ctx.analysis.sentences():
            if "artikel" not in s.text or "wet" not in s.text:
                continue  # (a substring test first: the pattern, case-sensitive, needs both words)
            if id(s.node.nearest(Kind.ARTIKEL)) in def_ids:
                continue
            m = _THE_LAW_RE.search(s.text)
            if m is None:
                continue
            named = sorted(set(_LAW_NAME_RE.findall(doc.text)))[:3]
            which = f" (de tekst noemt {', '.join(named)})" if named else ""
            yield ctx.finding(
                s.start + m.start(1), s.start + m.end(1),
                f"'de wet' wordt gebruikt als begrip, maar de begripsbepalingen zeggen niet welke wet{which}",
                suggestion="Neem in de begripsbepalingen op welke wet bedoeld is ('wet: de Wet maatschappelijke "
                "ondersteuning 2015'), of noem de wet bij naam.",
            )
            return


# The explanation right after the abbreviation, in brackets: "Bureau HHM (Hoeksma, Homan en Menting)"
_EXPLAINED_AFTER_RE = rx.compile(r"\s*\(\s*[A-Z][\w\-]*(?:[\s,]+(?:en\s+)?[\w\-]+){1,8}\s*\)")
# A role or body written with a capital after 'de' or 'het' (the head of the first word a role or a body:
# 'Consulent', 'Zorgloket', 'Adviesraad', 'Wmo-raad', 'Toegangsteam'), possibly with capitalised words after it
_ROLE_HEAD_WORDS = ("raad", "loket", "team", "consulent", "commissie", "regisseur", "casemanager", "klantmanager",
                    "adviseur", "coach", "coördinator", "functionaris", "medewerker", "contactpersoon")
_ROLE_HEADS = "(?:%s)" % "|".join(_ROLE_HEAD_WORDS)
_CAPITALISED_ROLE_RE = rx.Gated(  # (gated by the heads: most sentences name no role or body at all)
    r"(?:(?<=[\w,;:)] )|^)(?P<det>[Dd]e|[Hh]et)\s+(?P<name>(?=[A-Z])[\wà-ÿ]*?-?(?i:" + _ROLE_HEADS + r")\b"
    r"(?: +[A-Z][\wà-ÿ]+){0,3})", 0, _ROLE_HEAD_WORDS,
)
# National bodies and courts everyone can look up
_KNOWN_BODY_RE = rx.compile(r"(?:Commissie\s+van\s+\d|Europese\s+Commissie|Centrale\s+Raad|Raad\s+van\s+State|Raad\s+voor\s+de\s+Kinderbescherming|Raad\s+voor"
                            r"\s+Rechtsbijstand|Nationale\s+Ombudsman|Kinderombudsman|Sociaal-Economische\s+Raad"
                            r"|Gezondheidsraad|Raad\s+voor\s+de\s+rechtspraak)\b", re.I)


def _glossed(text: str, name: str) -> bool:
    """Whether the text says what ``name`` is where it names it: 'de Adviesraad
    Sociaal Domein, een raad van inwoners die …', '… (de Adviesraad)', or a
    sentence 'De Adviesraad is …' / 'De Adviesraad bestaat uit …'."""
    n = re.escape(name)
    # (the look-ahead holds the first characters of the branches: the name's and the bracket)
    return bool(re.search(rf"(?=[{re.escape(name[0])}(])(?:\b{n}\s*,\s*(?:een|de|het)\s|\(\s*(?:de|het)?\s*{n}\s*\)"
                          rf"|\b{n}\s+(?:is\s+(?:een|de)|bestaat\s+uit|wordt\s+gevormd\s+door|is\s+ingesteld)\b)", text))


# A postcode ("5301 LB") or part of an identifier ("ECLI:NL:CRVB:2018:123")
# (an identifier's colon has no space after it: 'STMR: consultatiebureau' is an abbreviation and its gloss)
_CODE_CONTEXT_RE = rx.compile(r"\d{4}\s?[A-Z]{2}\b|[A-Z]{2,6}:(?=[A-Z0-9])|(?<=[A-Z0-9]):[A-Z]{2,6}")


# "artikel 2.3.5 van de wet", "bedoeld in de wet": lower-case 'de wet' as a term
# "artikel 2.3.5 van de wet", "artikel 2.3.6, tweede en vijfde lid, van de wet": an article of 'de wet' needs to
# know which law that is
# ("tenzij in de wet anders is bepaald" speaks of whatever law applies)
_THE_LAW_RE = rx.compile(r"\bartikel(?:en)?\s+\d[\w.:]*(?:\s*(?:,|en|of)\s*\d[\w.:]*)*(?:,?\s+\w+(?:\s+(?:en|of|tot\s+en\s+met)\s+\w+)?\s+(?:lid|leden))?(?:,?\s+onder\s+\w+)?,?\s+(?:van|uit)\s+(de\s+wet)\b(?!\s+(?:op|van|maatschappelijke|gemeentelijke|werk|langdurige|inburgering|kinderopvang)\b)")
_LAW_NAME_RE = rx.compile(r"\b(?:Wmo 2015|Wet maatschappelijke ondersteuning 2015|Jeugdwet|Participatiewet|Wet gemeentelijke schuldhulpverlening)\b")


def _roman(text: str) -> bool:
    return re.fullmatch(r"[IVXLC]+", text) is not None
