"""Statutory duplication: ordinance text that repeats national law, a
paraphrase that changes the law's numbers, and passages repeated within the
ordinance (or across the files of one run). Method: verolint/statutes/shingles.py."""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, replace
from functools import lru_cache

from .. import rx
from ..legal import LAW_FAMILIES, LAW_RE, cite, law_applies, may_cite_law, reports_article
from ..model import Category, Finding, Kind, Severity
from ..rule import Rule
from ..statutes.index import definition_key, split_definition
from ..statutes import topics
from ..statutes.match import MATCH_FLOOR, MIN_WORDS, Match, best_match, sentence_match
from ..statutes.shingles import (containment, normalise, numbers_with_units, shingle_hashes, shingles, similarity,
                                 winnow)
from ..text import Intervals
from .exclusion import excludes

EXACT_MIN_WORDS = 4  # normalised words of a passage below MIN_WORDS that is word for word a statute sentence


DEFINITION_MIN_WORDS = 2  # normalised words of the definition itself, the term left out


def definition_match(index, text: str) -> Match | None:
    """An ordinance's own definition of a term the law defines ('vertegenwoordiger:
    persoon die …'), compared with the law's definition of that same term: the
    term is the anchor, so the two definitions are compared on their own words,
    however short ('pleegzorgaanbieder: jeugdhulpaanbieder die pleegzorg biedt')
    and however few three-word runs they share."""
    found = split_definition(text)
    if found is None or not hasattr(index, "definitions"):
        return None
    term, body = found
    units = index.definitions(definition_key(term))
    ours = normalise(body) if units else []
    if len(ours) < DEFINITION_MIN_WORDS:
        return None
    best = None
    for unit in units:
        statute, path, their_text = index.unit(unit)
        theirs = _definition_words(their_text)
        if len(ours) < MIN_WORDS and ours != theirs:
            score = 0.0 if len(theirs) >= MIN_WORDS else _short_definition(ours, theirs)
        else:
            score = similarity(ours, theirs)
        if best is None or score > best.score:
            best = Match(unit, score, statute, path, their_text, term)
    return best if best is not None and best.score >= MATCH_FLOOR else None


@lru_cache(maxsize=1024)
def _definition_words(text: str) -> list[str]:
    return normalise(split_definition(text)[1])


def _short_definition(ours: list[str], theirs: list[str]) -> float:
    """Two short definitions of the same term: the share of content words in common (both ways)."""
    a, b = set(ours) - {"#"}, set(theirs) - {"#"}
    return min(containment(a, b), containment(b, a))


SUBSTANTIVE = 3  # shingles without a number a deviating paraphrase shares with the law


def substantive(match: Match, words: tuple[str, ...]) -> bool:
    """A paraphrase (normalised ``words``) that changes the law's number must
    share more with the law than the frame of a term: three shingles without
    the number, or all of its own (a short sentence of the law with another
    number). 'U krijgt binnen twee weken nadat wij uw aanvraag hebben
    ontvangen een besluit' shares only 'binnen # week nadat aanvraag' with an
    Awb article of four weeks about something else."""
    theirs = shingles(_definition_words(match.text) if match.term else normalise(match.text))
    ours = {sh for sh in shingles(words) if "#" not in sh}
    shared = ours & theirs
    return len(shared) >= SUBSTANTIVE or (bool(ours) and shared == ours)  # (or a short sentence of the law itself)


def _deviation(ordinance: str, statute: str) -> tuple[str, str] | None:
    """A number the ordinance states differently from the law, same unit."""
    ours, law = numbers_with_units(ordinance), numbers_with_units(statute)
    for unit, values in ours.items():
        if unit in law and not (values & law[unit]):
            fmt = lambda vs: " of ".join(f"{v:g} {unit}" for v in sorted(vs))  # noqa: E731
            return fmt(values), fmt(law[unit])
    return None


# Matters the law keeps apart, each a group of alternatives: the bestuurlijke
# boete against the maatregel (verlaging), which the Participatiewet leaves to
# the ordinance (artikel 8); jeugdhulp against the Wmo maatwerkvoorziening
# against bijstand.
_APART = (
    (("boete", "boetes"), ("maatregel", "maatregelen", "verlaging", "verlagen")),
    (("jeugdhulp",), ("maatwerkvoorziening", "maatwerkvoorzieningen"), ("bijstand",)),
)


@lru_cache(maxsize=1)
def _apart() -> tuple[tuple[frozenset[str], ...], ...]:
    """_APART in normalised words (the lemmas the statute index compares)."""
    return tuple(tuple(frozenset(w for word in group for w in normalise(word)) for group in contrast)
                 for contrast in _APART)


def applied_elsewhere(words, match: Match, index) -> bool:
    """The sentence puts another matter where the law passage has one of a
    group the law keeps apart: 'Het college kan afzien van een maatregel
    indien daarvoor dringende redenen aanwezig zijn' takes the wording of
    artikel 18a Participatiewet on the boete for the maatregel, which the law
    leaves to the ordinance. A copy of the law, not a rule of its own, keeps
    the law's matter. (The law's words as the index keeps them; the
    'maatregel' of an algemene maatregel van bestuur is no sanction.)"""
    ours = set(words)
    if match.term:
        theirs = tuple(_definition_words(match.text))
    else:
        theirs = tuple(index.context_words(match.unit) if match.context else index.words(match.unit))
    theirs = {w for k, w in enumerate(theirs) if not (w == "maatregel" and theirs[k - 1:k] == ("algemeen",)
                                                        and theirs[k + 1:k + 2] == ("bestuur",))}
    for contrast in _apart():
        law = [g for g in contrast if g & theirs]
        if law and not any(g & ours for g in law) and any(g & ours for g in contrast if g not in law):
            return True
    return False


def _names_only(text: str, words, match: Match, index) -> bool:
    """Whether the sentence stops repeating the law passage once the names of
    the laws it cites are left out of both: 'toeslagpartner: persoon als bedoeld in artikel 3
    van de Algemene wet inkomensafhankelijke regelingen' shares with a
    sentence of the Uitvoeringsbesluit Wmo 2015 the name of that law and
    'persoon', nothing of its rule."""
    named = {w for m in LAW_RE.finditer(text) for w in normalise(m.group(0))}
    if not named:
        return False
    ours = [w for w in words if w not in named]
    theirs = [w for w in index.words(match.unit) if w not in named]
    return similarity(ours, theirs) < MATCH_FLOOR


# Fixed formulas of every regulation, which laws have too: not a repetition of the law.
_FORMULA_RE = rx.compile(
    r"\bwordt\s+(?:hierna\s+)?verstaan\s+onder\s*:?\s*$"
    r"|\bdeze\s+(?:\w+\s+){1,3}en\s+(?:de\s+)?daarop\s+berustende\s+bepalingen\b"
    r"|\btreedt\s+in\s+werking\b|\bwordt\s+aangehaald\s+als\b"
    # a power to make further rules on a matter of the law is a local choice, not a repetition
    r"|\b(?:kan|kunnen|stelt|stellen)\s+(?:\w+\s+){0,3}nadere\s+regels\b",
    re.I,
)


# A law article that leaves the matter to the municipal ordinance ("Bij verordening
# wordt bepaald op welke wijze het college …"): the ordinance's own rule on it is
# the implementation the law asks for, not a repetition of it.
_DELEGATION_RE = rx.compile(r"\bbij\s+(?:of\s+krachtens\s+)?(?:gemeentelijke\s+)?verordening\b"
                            # (not where the ordinance must say how: 'In de verordening wordt bepaald op welke wijze
                            # ingezetenen … d. deel kunnen nemen aan periodiek overleg' is not done by repeating item d)
                            r"|\bin\s+de\s+verordening\s+(?:kan|kunnen|wordt|worden)\b(?![^.;:]*\bwijze\b)", re.I)


def _delegated(match: Match, index) -> bool:
    """The law's sentence, or the lead-in of the list it stands in (and of the list
    that one stands in: 'In de verordening kan … worden bepaald dat: … b. de bijdrage
    …: 1°. verschuldigd is zolang …'), leaves the matter to the ordinance ('Bij
    verordening wordt bepaald …'); a definition of the law has no lead-in."""
    if _DELEGATION_RE.search(match.text):
        return True
    if match.term is not None:
        return False
    lead = match.context or index.context(match.unit)
    if _DELEGATION_RE.search(lead):
        return True
    parent = match.path.rpartition(", sub ")[0]
    if parent:  # a sub-item: its onderdeel comes a few units before it
        for unit in range(match.unit - 1, max(-1, match.unit - 12), -1):
            if index.unit(unit)[1] == parent:
                return bool(_DELEGATION_RE.search(index.context(unit)))
    return False


_GENERAL_LAWS = ("BWBR0005537", "BWBR0005416")  # the Awb and the Gemeentewet: every regulation's


def _of_the_part(families: frozenset[str], bwb_id: str | None) -> bool:
    """A law the part of the regulation implements (its family), or a general law
    (the Awb, the Gemeentewet); not a law of no family of its own, such as the Wlz."""
    return bwb_id in _GENERAL_LAWS or (LAW_FAMILIES.get(bwb_id or "") in families)


class _DuplicationRule(Rule):
    category = Category.STATUTORY_DUPLICATION
    options = {"threshold": 0.7, "statutes": []}

    def index(self, ctx):
        """The statute index for the file's statutes and this rule's own (once per run)."""
        from ..statutes import index_for, note_missing_once

        idx = index_for(ctx, self.options.get("statutes") or [])
        if idx is None:
            note_missing_once()
        return idx

    def passages(self, ctx, minimum: int = EXACT_MIN_WORDS):
        for s, words in ctx.analysis.normalised:
            if len(words) >= minimum:
                yield s, words

    def matches(self, doc, ctx) -> list[tuple]:
        """(sentence, best statute match from MATCH_FLOOR, number deviation, whether
        that deviation is a real paraphrase (:func:`substantive`)) per sentence;
        computed once per document and statute index, so DUP001, DUP002 and
        DUP004 share it when they compare with the same statutes."""
        idx = self.index(ctx)
        if idx is None:
            return []

        def compute():
            law = ctx.analysis.statutory_definitions
            own_definitions = Intervals(d.span for d in ctx.analysis.definitions if id(d) in law)
            found = []
            for s, words in self.passages(ctx):
                if _FORMULA_RE.search(s.text):
                    continue  # the fixed formulas every regulation and law has
                if s.start in own_definitions:
                    continue  # a definition of a term the law defines: DEF003 reports it, once
                match = sentence_match(ctx.analysis, idx, s)
                defined = definition_match(idx, s.text)
                if defined is not None and (match is None or defined.score >= match.score):
                    match = defined
                if match is None or _delegated(match, idx):
                    continue  # (a law that leaves this to the ordinance, in the sentence or the lead-in of its
                    # list, is implemented, not repeated)
                families = ctx.analysis.families_of(s.node)
                if not law_applies(families, match.statute.bwb_id):
                    # a law of another domain than the regulation's part: its words, for a rule of its own, unless
                    # the sentence repeats a law that applies as well (the Jeugdwet's pgb conditions are the Wmo's)
                    match = best_match(idx, list(words), MATCH_FLOOR, s.text, limit=48,
                                       allowed=lambda statute: _of_the_part(families, statute.bwb_id))
                    if match is None or _delegated(match, idx):
                        continue
                if applied_elsewhere(words, match, idx):
                    continue  # the law's wording for another matter: a local rule of the ordinance's own
                if match.term is None and reports_article(s.text, match.path):
                    continue  # it tells what the article it cites says: a reference, not a repetition
                if match.term is None and may_cite_law(s.text) and _names_only(s.text, words, match, idx):
                    continue  # what it shares with the law is the name of a law it cites
                if (match.term is None and excludes(s.text)
                        and not excludes(f"{match.context or idx.context(match.unit)} {match.text}")):
                    continue  # the law's words turned around: 'Er bestaat geen recht op bijzondere bijstand voor …'
                    # where the law grants it is the regulation's own exclusion (RIG001), not a repetition
                deviation = _deviation(s.text, match.text)
                found.append((s, match, deviation, deviation is not None and substantive(match, words)))
            return found

        return ctx.analysis.per_option("statute-matches", idx, compute)

    def topic_hits(self, doc, ctx) -> list[tuple]:
        """(sentence, its text with the lead-in, the provisions it carries): the
        shared analysis of :func:`verolint.statutes.topics.hits`, for DUP002
        (terms) and DUP004 (restatements)."""
        return topics.hits(ctx.analysis)

    def term_conflicts(self, doc, ctx) -> list[tuple]:
        """(sentence, provision, the other values) for each sentence that gives a
        statutory term another value where the law applies (see DUP002)."""
        out = []
        for s, text, hits in self.topic_hits(doc, ctx):
            for _i, t in hits:
                others = t.conflicts_in(text)
                if others:
                    out.append((s, t, others))
                    break
        return out


class RepeatsStatute(_DuplicationRule):
    """Tekst die al in de wet staat: herhaald, letterlijk of licht bewerkt.

    Wat het controleert
        Elke zin en elk onderdeel van de regeltekst wordt vergeleken met de
        ingestelde wetten (Wmo 2015, Jeugdwet, Participatiewet, Awb, …), ook
        als het lidwoord, de woordvolgorde of een verwijzing anders is, 'het
        college' voor 'burgemeester en wethouders' staat, of een bijzin is
        weggelaten of toegevoegd. De melding noemt het artikel en de gelijkenis.
        Een zin die alleen naar de wet verwijst ('als bedoeld in artikel 2.3.5
        van de Wet maatschappelijke ondersteuning 2015') en korte vaste
        formules worden niet gemeld, de aanhef ook niet, en evenmin de woorden
        van de wet voor een andere zaak ('afzien van een maatregel' waar de
        Participatiewet over de boete gaat; jeugdhulp waar de Wmo 2015 de
        maatwerkvoorziening regelt): dat is een eigen regel. Zo ook de woorden
        van een wet uit een ander domein dan dat van de regeling: een
        jeugdverordening die de spoedregel van de Wmo 2015 overneemt, herhaalt
        geen wet die voor haar geldt (titel en aanhef zeggen welke wetten de
        regeling uitvoert, en in een regeling voor Wmo en Jeugd samen de titel
        of de wettag van het hoofdstuk, de paragraaf of het artikel: 'Paragraaf
        3.2 Toegang jeugdhulp'; noemen ze er geen, dan kan elke wet gelden).

    Waarom
        Wat in de wet staat, hoeft niet in de verordening. Een kopie veroudert
        als de wet verandert, en een bepaling over wat de wet al regelt, is
        onverbindend (Gemeentewet, artikel 122).

    Voorbeeld
        Het college geeft de beschikking binnen twee weken na ontvangst van de aanvraag.

    Beter
        U krijgt binnen de termijn van de wet een besluit (artikel 2.3.5, tweede
        lid, van de Wet maatschappelijke ondersteuning 2015).

    Opties
        threshold: vanaf welke gelijkenis (0–1) een zin als herhaling telt
        (standaard 0,7). statutes: extra mappen met wetten. Waar de wetten
        vandaan komen, staat in de README (statutes in de configuratie,
        --statutes, 'verolint statutes pull').
    """

    code = "DUP001"
    name = "herhaalt-wet"
    severity = Severity.WARNING

    def check(self, doc, ctx):
        conflicts = {s.start for s, _t, _o in self.term_conflicts(doc, ctx)}
        for s, match, deviation, _real in self.matches(doc, ctx):
            if deviation or match.score < self.options["threshold"] or s.start in conflicts:
                continue  # a changed number is reported by DUP002, more strongly
            where = cite(match.statute.title, match.path)
            term = match.term or (split_definition(match.text) or (None,))[0]  # (the law's own definition matched)
            what = f"de definitie van '{term}' in {where}" if term else where
            yield ctx.finding(
                s.start, s.end,
                f"herhaalt {what} (gelijkenis {match.score:.0%})",
                node=s.node,
                suggestion=f"Verwijs naar de wet in plaats van de tekst te herhalen: '… zoals bepaald in {where}'.",
            )


class DeviatesFromStatute(_DuplicationRule):
    """Een parafrase van de wet met een ander getal: termijn, leeftijd, percentage.

    Wat het controleert
        Zinnen die een wetsbepaling herhalen of parafraseren (gelijkenis vanaf
        0,7), maar met een ander getal bij dezelfde eenheid: weken, dagen,
        maanden, jaar, procent, euro. Bijvoorbeeld een beslistermijn van acht
        weken waar de Wmo 2015 twee weken zegt. De zin moet meer met de wet
        delen dan het kader van een termijn ('binnen … weken nadat de
        aanvraag'): drie woordreeksen zonder het getal, of al de zijne. Ook
        in eigen woorden, als waarschuwing: een termijn uit de wet met een
        ander getal waar de wet geldt ('U krijgt binnen 8 weken een besluit
        op uw aanvraag voor een maatwerkvoorziening'; de termijnen staan in
        verolint/statutes/topics.yaml).

    Waarom
        Een parafrase die een wettelijke termijn of leeftijdsgrens verandert, is
        erger dan een kopie: de bepaling is in strijd met hogere regelgeving en
        daarom onverbindend (Gemeentewet, artikel 121), terwijl inwoners er wel
        op vertrouwen.

    Voorbeeld
        Het college geeft de beschikking binnen acht weken na ontvangst van de aanvraag.

    Beter
        Het college beslist binnen de termijn van artikel 2.3.5, tweede lid, van
        de Wet maatschappelijke ondersteuning 2015.

    Opties
        threshold: vanaf welke gelijkenis (0–1) een zin als parafrase telt
        (standaard 0,7). statutes: extra mappen met wetten.
    """

    code = "DUP002"
    name = "wijkt-af-van-wet"
    severity = Severity.ERROR

    def check(self, doc, ctx):
        reported = set()
        for s, match, deviation, real in self.matches(doc, ctx):
            if real and match.score >= self.options["threshold"]:
                ours, law = deviation
                where = cite(match.statute.title, match.path)
                reported.add(s.start)
                yield ctx.finding(
                    s.start, s.end,
                    f"lijkt op {where} (gelijkenis {match.score:.0%}), maar noemt {ours} waar de wet {law} zegt",
                    node=s.node,
                    suggestion=f"Neem het getal van de wet over, of beter: verwijs naar {where}.",
                )
        # a term the law sets, given another value in other words where the law applies
        # (a warning: the sentence is not the law's own)
        for s, t, others in self.term_conflicts(doc, ctx):
            if s.start in reported:
                continue
            unit, value = t.term
            ours = " of ".join(f"{v:g} {unit}" for v in sorted(others))
            yield ctx.finding(
                s.start, s.end,
                f"noemt {ours} waar {t.cited} {value:g} {unit} zegt ({t.what})",
                node=s.node, severity=Severity.WARNING,
                suggestion=f"Neem de termijn van de wet over, of beter: verwijs naar {t.cited}.",
            )


class ParaphrasesStatute(_DuplicationRule):
    """Een bepaling die in eigen woorden zegt wat de wet al regelt.

    Wat het controleert
        Zinnen (met de aanhef van de opsomming waarin ze staan) die de inhoud
        van een veelherhaalde wetsbepaling dragen, ook als de woorden anders
        zijn dan in de wet: dat het besluit vermeldt hoe je bezwaar maakt
        (artikel 3:45 Awb), dat een besluit wordt gemotiveerd, dat wie bezwaar
        maakt wordt gehoord, het persoonlijk plan en de gratis
        cliëntondersteuning van de Wmo 2015, wie jeugdige is, enzovoort (de
        lijst staat in verolint/statutes/topics.yaml). Ook een korte
        opsomming als geheel, als geen van haar zinnen de bepaling alleen
        draagt: 'De diensten: a. passen bij de behoefte van de inwoner; …
        c. voldoen aan de normen die in de beroepsgroep algemeen zijn
        aanvaard; d. worden afgestemd op andere diensten …' (gemeld bij de
        aanhef; een onderdeel met een eigen, lokale toevoeging telt dan niet
        mee). Niet gemeld: wat de wet de verordening zelf laat regelen ('Bij
        verordening wordt geregeld dat …', zoals de kostprijselementen van
        artikel 5.4 van het Uitvoeringsbesluit Wmo 2015), een zin
        die het artikel zelf noemt, een zin die DUP001 al als herhaling meldt,
        begripsbepalingen (DEF003), toelichtende bijlagen, en bepalingen van
        een wet uit een ander domein dan dat van de regeling. Vraagt de wet
        de verordening om eigen regels over hetzelfde (eigen kwaliteitseisen
        naast artikel 3.1 Wmo 2015), dan luidt het advies: verwijs naar de wet
        en houd die eigen regels.

    Waarom
        Een bepaling die in eigen woorden herhaalt wat de wet regelt, voegt
        niets toe en loopt uit de pas zodra de wet verandert; een afwijkende
        parafrase is onverbindend (Gemeentewet, artikel 121).

    Voorbeeld
        Het besluit geeft aan hoe en binnen welke termijn de inwoner bezwaar kan maken.

    Beter
        Schrap de zin: artikel 3:45 van de Algemene wet bestuursrecht regelt het al.
    """

    code = "DUP004"
    name = "parafraseert-wet"
    severity = Severity.INFO

    def check(self, doc, ctx):
        # what DUP001 or DUP002 reports: a copy (from the copy threshold; a sentence below it that
        # carries a provision is this rule's), or a changed number in a real paraphrase
        copied = {s.start for s, match, dev, real in self.matches(doc, ctx)
                  if (match.score >= self.options["threshold"] and not dev) or (dev and real)}
        # the begripsbepalingen are DEF003's to compare with the law; a definition in running text is not
        defined = Intervals(d.span for d in ctx.analysis.definitions if not d.line_start)
        reported: set[tuple[int, int]] = set()
        # a list that carries a provision over its items together, reported at its lead-in (not where an item of
        # it is reported as a copy already)
        lists = [(s, text, hits) for s, text, hits in topics.list_hits(ctx.analysis)
                 if not any(t.start in copied for t in topics.list_sentences(ctx.analysis, s))]
        for s, text, hits in self.topic_hits(doc, ctx) + lists:
            if s.start in copied or s.start in defined or ctx.analysis.explains(s.node):
                continue
            art = s.node.nearest(Kind.ARTIKEL)
            found = [(i, t) for i, t in hits if (id(art), i) not in reported and not t.other_term(text)]
            if not found:
                continue
            reported.update((id(art), i) for i, _t in found)
            what = "; ".join(f"{t.what} ({t.cited})" for _i, t in found)
            first = found[0][1]
            advice = (f"Verwijs naar de wet ('… (zie {first.cited})') en houd wat de wet de verordening laat "
                      f"regelen: {first.own}." if first.own else
                      f"Schrap de bepaling, of verwijs naar de wet: '… (zie {first.cited})'.")
            yield ctx.finding(
                s.start, s.end,
                f"zegt in eigen woorden wat de wet al regelt: {what}",
                node=s.node,
                suggestion=advice,
            )


@dataclass(slots=True)  # one per passage of 8+ words, kept for the whole run (finish)
class _Passage:
    file: str
    finding: Finding  # positioned; the message is filled in when the pair is known
    words: tuple[str, ...]
    line: int
    # the distinct winnowed shingle hashes of ``words``, sorted (worked out once, in check);
    # 8 bytes each in an array: a set of int objects takes five times that
    prints: array


class InternalDuplicate(_DuplicationRule):
    """Dezelfde of bijna dezelfde passage op twee plaatsen in de verordening.

    Wat het controleert
        Zinnen en onderdelen van 8 of meer inhoudswoorden die op een andere plek
        in dezelfde verordening, of in een ander bestand van dezelfde
        controle-opdracht, (bijna) letterlijk terugkomen (gelijkenis vanaf
        0,85). Niet gemeld: regels die alleen in een bedrag of percentage
        verschillen (50% en 90% van een tarief), en de rijen van een tabel:
        onderdelen van één opsomming, of regels in één bijlage, die bij een
        andere categorie horen (leeftijdsgroep, overtreding); leden van één
        artikel die elk een andere wet noemen (dezelfde regel voor de Wmo
        2015 en voor de Jeugdwet); een aanhef die op een dubbele punt eindigt
        (de onderdelen worden zelf vergeleken). De titel van een regeling
        ('de Verordening … 2020') telt als één naam. De latere
        plaats krijgt een melding die naar de eerdere wijst;
        een artikel dat meer passages van een ander herhaalt (Wmo- en
        Jeugd-tweelingen), en een bestand dat drie of meer passages met een
        ander bestand deelt (een kopie), krijgen er één die de plaatsen noemt.

    Waarom
        Een integrale verordening voegt oude verordeningen samen; dan blijft
        dezelfde regel vaak twee keer staan. Bij een wijziging wordt er één
        aangepast en spreken de twee elkaar tegen.

    Voorbeeld
        Artikel 4: Het college beslist binnen acht weken op een aanvraag om jeugdhulp.
        Artikel 12: Het college beslist binnen acht weken op een aanvraag om jeugdhulp.

    Beter
        Laat de regel op één plek staan en verwijs vanuit de andere.
    """

    code = "DUP003"
    name = "dubbele-passage"
    severity = Severity.WARNING
    options = {"threshold": 0.85}

    def check(self, doc, ctx):
        own = []
        for s, words in self.passages(ctx, 8):  # passages of 8+ words only
            if s.text.rstrip().endswith(":"):
                continue  # a lead-in says what its list is about; the items are compared themselves
            if _TITLE_RE.search(s.text):
                # the title of a regulation is one name: leden that cite the old regulation share it, nothing more
                words = tuple(normalise(_TITLE_RE.compiled.sub(" regeling ", s.text)))
                if len(words) < 8:
                    continue
            f = ctx.finding(s.start, s.end, "", node=s.node)
            own.append(_Passage(doc.path, f, words, f.line, array("Q", sorted(set(winnow(shingle_hashes(words)))))))
        ctx.run.collect(self.code, own)
        # one finding per defect: on the later place only, and one per pair of
        # articles (a Jeugd article that repeats its Wmo twin is one finding)
        pairs: dict[tuple, list[tuple[_Passage, _Passage, int]]] = {}
        for here, other, more in _partners(own, self.options["threshold"]):
            if here.finding.start < other.finding.start or _numbers(here) != _numbers(other):
                continue
            if _same_table(doc, here, other):
                continue  # a table repeats its rows per category (age group, kind of help, overtreding)
            pairs.setdefault((_article(doc, here), _article(doc, other)), []).append((here, other, more))
        for (art_here, art_other), found in pairs.items():
            found.sort(key=lambda t: t[0].finding.start)
            if len(found) == 1 or art_here is None or art_other is None or art_here is art_other:
                # not one article repeating another: each repeat is its own defect
                yield from (self._point(here, other, more) for here, other, more in found)
                continue
            yield self._grouped(found, f"{art_here.label} herhaalt {len(found)} passages uit {art_other.label}",
                                "op twee plaatsen")

    def _point(self, here: _Passage, other: _Passage, more: int) -> Finding:
        where = f"regel {other.line}" if other.file == here.file else f"{other.file}:{other.line}"
        if more:
            message = (f"staat ook op {where} ({other.finding.path}) en op {more} andere "
                       f"{'plaats' if more == 1 else 'plaatsen'}: dezelfde tekst op meer plaatsen")
        else:
            message = f"staat ook op {where} ({other.finding.path}): dezelfde tekst op twee plaatsen"
        return replace(here.finding, message=message,
                       suggestion="Laat de regel op één plek staan en verwijs vanuit de andere.")

    def finish(self, passages: list) -> list[Finding]:
        """Passages found again in another file of the run (within a file,
        check reported them). One finding per defect: on the file that comes
        later in the run, and one finding per pair of files when they share
        several passages (a copy of a regulation is one defect, not 240)."""
        order = {f: i for i, f in enumerate(dict.fromkeys(p.file for p in passages))}
        pairs: dict[tuple[str, str], list[tuple[_Passage, _Passage, int]]] = {}
        for here, other, more in _partners(passages, self.options["threshold"], across=True):
            if order[here.file] > order[other.file]:
                pairs.setdefault((here.file, other.file), []).append((here, other, more))
        out = []
        for (_here_file, other_file), found in pairs.items():
            found.sort(key=lambda t: t[0].finding.start)
            if len(found) < GROUP_ACROSS:
                out.extend(self._point(here, other, more) for here, other, more in found)
                continue
            out.append(self._grouped(found, f"{len(found)} passages staan ook in {other_file}", "in twee bestanden"))
        return out

    def _grouped(self, found: list[tuple[_Passage, _Passage, int]], what: str, where: str) -> Finding:
        """One finding for passages repeated from one article or file (sorted
        by place): at the first, naming the others as its places."""
        first = self._point(found[0][0], found[0][1], 0)
        message = f"{what} (vanaf regel {min(o.line for _p, o, _m in found)}): dezelfde tekst {where}"
        return replace(first, message=message, places=tuple(
            (p.finding.line, p.finding.column, p.finding.path) for p, _o, _m in found[1:]))


# Passages one file shares with another from this many on are one finding
GROUP_ACROSS = 3


# A quantity: an amount, a percentage, a duration, an age (not an article number)
_QUANTITY_RE = rx.compile(
    r"(?:€|EUR)\s*\d+(?:[.,]\d+)*|\d+(?:[.,]\d+)*\s*(?:%|(?:procent|euro|uur|uren|dagen|dag|weken|week|maanden|maand|jaar|keer)\b)",
    re.I)


def _numbers(p: _Passage) -> list[str]:
    """The quantities of a passage: lines that differ only in an amount or a
    percentage are parallel rules (a tariff table), not the same text; a
    different article number (Wmo and Jeugdwet twins) does not make them so."""
    return _QUANTITY_RE.findall(p.finding.text)


def _same_table(doc, a: _Passage, b: _Passage) -> bool:
    """Both passages are items of one list, or stand in one bijlage: rows of
    a table, which differ in the category they stand under; or leden of one
    article that name different laws (the same rule for the Wmo 2015 and for
    the Jeugdwet, side by side on purpose)."""
    here, there = doc.node_at(a.finding.start), doc.node_at(b.finding.start)
    if here.kind is Kind.ONDERDEEL and there.kind is Kind.ONDERDEEL and here.parent is there.parent:
        return True
    if here.nearest(Kind.ARTIKEL) is there.nearest(Kind.ARTIKEL):
        laws_a, laws_b = _laws(a), _laws(b)
        if laws_a and laws_b and laws_a != laws_b:
            return True
    bijlage = here.nearest(Kind.BIJLAGE)
    return bijlage is not None and bijlage is there.nearest(Kind.BIJLAGE)


def _laws(p: _Passage) -> set[str]:
    """The laws a passage names, one name per law ('Wmo 2015' and 'Wet maatschappelijke ondersteuning 2015' alike)."""
    from ..statutes import LAW_IDS

    names = (" ".join(m.group(0).lower().split()) for m in LAW_RE.finditer(p.finding.text))
    return {LAW_IDS.get(n, n) for n in names}


# The title of a regulation cited in the text: 'de Verordening maatschappelijke
# ondersteuning en jeugdhulp gemeente Aa en Hunze 2020' (each has 'Verordening' or 'regel')
_TITLE_RE = rx.Gated(r"\b(?:Verordening|Beleidsregels?|Nadere regels|Regeling)\s[^.;:,()]{3,150}?\b(?:19|20)\d\d\b", 0,
                     ("verordening", "regel"))


def _article(doc, p: _Passage):
    return doc.node_at(p.finding.start).nearest(Kind.ARTIKEL)


# A fingerprint shared by more distinct passages than this is boilerplate: it
# makes candidates only of the passages nearest in the text (and so keeps the
# comparison linear on long texts).
COMMON_PRINT = 64


def _partners(passages: list[_Passage], threshold: float, across: bool = False):
    """For each passage that stands elsewhere too: (passage, its first other
    occurrence, how many more there are). Within one file (``across`` False)
    or across files (True). Identical passages are grouped first; near
    duplicates are found between groups through shared fingerprints, so the
    work grows with the text, not with its square."""
    if across and len({p.file for p in passages}) < 2:
        return
    groups: dict[tuple, list[_Passage]] = {}
    for p in passages:
        groups.setdefault(p.words, []).append(p)
    keys = list(groups)
    prints = [groups[key][0].prints for key in keys]
    # Across files, two groups that both stand in one file only are left alone: check compared
    # them, and for a passage only what stands in other files counts.
    home = [_only_file(groups[key]) for key in keys] if across else [None] * len(keys)
    index: dict[int, list[int]] = {}
    for g, hs in enumerate(prints):
        for h in hs:
            index.setdefault(h, []).append(g)
    similar: dict[int, list[int]] = {}
    for g, hs in enumerate(prints):
        compared: set[int] = set()  # the groups after this one it has been compared with
        for h in hs:
            posting = index[h]  # the groups with this fingerprint, in order
            at = bisect.bisect_left(posting, g)  # g itself: the groups after it are the candidates
            # (of a boilerplate fingerprint only the passages nearest in the text)
            until = at + COMMON_PRINT // 2 if len(posting) > COMMON_PRINT else None
            for o in posting[at + 1:until]:
                if o in compared:
                    continue
                compared.add(o)
                if home[g] is not None and home[g] == home[o]:
                    continue
                if similarity(keys[g], keys[o]) >= threshold:
                    similar.setdefault(g, []).append(o)
                    similar.setdefault(o, []).append(g)

    for g, key in enumerate(keys):
        if g not in similar and len(groups[key]) == 1:
            continue  # a passage that stands nowhere else (most of them)
        pool = groups[key] + [q for h in sorted(similar.get(g, ())) for q in groups[keys[h]]]
        by_file: dict[str, list[_Passage]] = {}
        for q in pool:
            by_file.setdefault(q.file, []).append(q)
        files = list(by_file)  # in order of first appearance in the pool
        for p in groups[key]:
            same = by_file[p.file]
            if across:
                other_file = files[0] if files[0] != p.file else (files[1] if len(files) > 1 else None)
                if other_file is not None:
                    yield p, by_file[other_file][0], len(pool) - len(same) - 1
            else:
                first = min(same, key=lambda q: q.finding.start)  # the place the text stands first
                if first is not p:
                    yield p, first, len(same) - 2


def _only_file(group: list[_Passage]) -> str | None:
    """The file all passages of a group stand in, None when they stand in several."""
    files = {p.file for p in group}
    return next(iter(files)) if len(files) == 1 else None
