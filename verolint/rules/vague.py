"""Vague phrasing that leaves too much room: open norms without criteria, and
discretionary powers without a standard."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .. import rx
from ..legal import DECIDER_OR_CONSULENT, LAW_RE, NUMBER, list_lead_in, states_purpose
from ..matcher import PhraseMatcher
from ..model import ITEM_KINDS, Category, Kind, Severity
from ..rule import Rule
from ..text import Intervals, Sentence

# phrase -> what is missing
CRITERION, DEFINITION, TERM, LIST, UNNAMED, MEASURE = "criterium", "definitie", "termijn", "opsomming", "onbenoemd", "maat"
OPEN_TERMS = {
    "in bijzondere gevallen": CRITERION,
    "in bijzondere omstandigheden": CRITERION,
    "in bijzondere individuele gevallen": CRITERION,
    "in bijzondere individuele omstandigheden": CRITERION,
    "in bijzondere situaties": CRITERION,
    "in uitzonderlijke gevallen": CRITERION,
    "in zeer bijzondere gevallen": CRITERION,
    "in een bijzonder geval": CRITERION,
    "in geval van bijzondere omstandigheden": CRITERION,
    "in het geval van bijzondere omstandigheden": CRITERION,
    "bij bijzondere omstandigheden": CRITERION,
    "onder bijzondere omstandigheden": CRITERION,
    "in uitzonderingsgevallen": CRITERION,
    "in uitzonderingssituaties": CRITERION,
    "bij uitzondering": CRITERION,
    "in uitzonderlijke situaties": CRITERION,
    "in uitzonderlijke omstandigheden": CRITERION,
    "binnen redelijke grenzen": CRITERION,
    "naar het oordeel van": CRITERION,
    "naar oordeel van": CRITERION,
    "naar zijn oordeel": CRITERION,
    "naar haar oordeel": CRITERION,
    "naar ons oordeel": CRITERION,
    "naar eigen oordeel": CRITERION,
    "naar eigen inzicht": CRITERION,
    "naar zijn inzicht": CRITERION,
    "naar eigen goeddunken": CRITERION,
    "naar goeddunken": CRITERION,
    "naar bevind van zaken": CRITERION,
    "ter beoordeling van het college": CRITERION,
    "ter beoordeling van de consulent": CRITERION,
    "ter beoordeling van de gemeente": CRITERION,
    "als dat beter past": CRITERION,
    "als dat beter aansluit": CRITERION,
    "tenzij er redenen zijn": CRITERION,
    # conditions the decider sets without the text naming them: 'de door het college gestelde voorwaarden in acht neemt'
    "door het college gestelde voorwaarden": UNNAMED,
    "door het college te stellen voorwaarden": UNNAMED,
    "door de gemeente gestelde voorwaarden": UNNAMED,
    "door de gemeente te stellen voorwaarden": UNNAMED,
    "door ons gestelde voorwaarden": UNNAMED,
    "tenzij daar redenen voor zijn": CRITERION,
    "onvoldoende": CRITERION,
    "voldoende": CRITERION,
    "redelijk": CRITERION,
    "redelijke": CRITERION,
    "in onvoldoende mate": CRITERION,
    "in voldoende mate": CRITERION,
    "niet voldoende": CRITERION,
    "als dat nodig is": CRITERION,
    "als het nodig is": CRITERION,
    "indien het nodig is": CRITERION,
    "wanneer dat nodig is": CRITERION,
    "waar dat nodig is": CRITERION,
    "genoeg": CRITERION,
    "indien dat nodig is": CRITERION,
    "als dat noodzakelijk is": CRITERION,
    "indien dat noodzakelijk is": CRITERION,
    "voor zover nodig": CRITERION,
    "voor zover noodzakelijk": CRITERION,
    "daartoe aanleiding geeft": CRITERION,
    "aanleiding voor is": CRITERION,
    "aanleiding toe is": CRITERION,
    "daartoe aanleiding bestaat": CRITERION,
    "daartoe aanleiding is": CRITERION,
    "dringende redenen": CRITERION,
    "zeer dringende redenen": CRITERION,
    "zwaarwegende redenen": CRITERION,
    "zwaarwegende reden": CRITERION,
    "zwaarwegende omstandigheden": CRITERION,
    "gewichtige redenen": CRITERION,
    "omstandigheden dat rechtvaardigen": CRITERION,
    "omstandigheden dit rechtvaardigen": CRITERION,
    "omstandigheden daartoe aanleiding geven": CRITERION,
    "daartoe gronden zijn": CRITERION,
    "in redelijkheid": CRITERION,
    "naar redelijkheid": CRITERION,
    "naar billijkheid": CRITERION,
    "op een gepaste manier": CRITERION,
    "op gepaste wijze": CRITERION,
    "op een gepaste wijze": CRITERION,
    "in voorkomende gevallen": CRITERION,
    "afhankelijk van de situatie": CRITERION,
    "afhankelijk van de omstandigheden": CRITERION,
    "naar behoren": CRITERION,
    "als het kan": CRITERION,
    "niet genoeg": CRITERION,
    "zolang dat nodig is": CRITERION,
    "zolang het nodig is": CRITERION,
    "zo lang als nodig": CRITERION,
    "als dat kan": CRITERION,
    "aanleiding ziet": CRITERION,
    "aanleiding toe ziet": CRITERION,
    "aanleiding voor ziet": CRITERION,
    "zo nodig": CRITERION,
    "indien nodig": CRITERION,
    "waar nodig": CRITERION,
    "indien noodzakelijk": CRITERION,
    "indien wenselijk": CRITERION,
    "zo mogelijk": CRITERION,
    "voor zover mogelijk": CRITERION,
    "voor zover dat mogelijk is": CRITERION,
    "voor zover het mogelijk is": CRITERION,
    "indien mogelijk": CRITERION,
    "indien dat mogelijk is": CRITERION,
    "als dat mogelijk is": CRITERION,
    "als het mogelijk is": CRITERION,
    "waar mogelijk": CRITERION,
    "meest geschikt": CRITERION,
    "meest geschikte": CRITERION,
    "meest passend": CRITERION,
    "meest passende": CRITERION,
    "best passend": CRITERION,
    "best passende": CRITERION,
    "redelijkerwijs": CRITERION,
    "eventueel": CRITERION,
    "zoveel mogelijk": CRITERION,
    "zo veel mogelijk": CRITERION,
    "wenselijk is": CRITERION,
    "gewenst is": CRITERION,
    "wenselijk wordt geacht": CRITERION,
    "passend": DEFINITION,
    "passende": DEFINITION,
    "adequaat": DEFINITION,
    "adequate": DEFINITION,
    "algemeen gebruikelijk": DEFINITION,
    "algemeen gebruikelijke": DEFINITION,
    "gebruikelijke hulp": DEFINITION,
    "binnen een redelijke termijn": TERM,
    "redelijke termijn": TERM,
    "redelijke periode": TERM,
    "redelijke tijd": TERM,
    "binnen voldoende tijd": TERM,
    "binnen afzienbare tijd": TERM,
    "zo spoedig mogelijk": TERM,
    "zo spoedig als mogelijk": TERM,
    "zo snel mogelijk": TERM,
    "zo snel als mogelijk": TERM,
    "zo vlug mogelijk": TERM,
    "op korte termijn": TERM,
    "een korte periode": TERM,
    "korte tijd": TERM,
    "reële termijn": TERM,
    "redelijke periode van tijd": TERM,
    "tijdig": TERM,
    # a degree without a measure: 'als de kosten aanzienlijk hoger zijn dan …', 'niet aanzienlijk duurder'
    **{f"{degree} {more}": MEASURE for degree in ("aanzienlijk", "substantieel", "beduidend", "fors")
       for more in ("hoger", "duurder", "meer", "groter", "lager", "minder", "kleiner", "goedkoper", "langer", "korter")},
    # as open as 'onvoldoende': 'indien de algemeen gebruikelijke voorzieningen niet afdoende zijn'
    "niet afdoende": CRITERION,
    "geen afdoende": CRITERION,
    "en dergelijke": LIST,
    "e.d.": LIST,
    "etc.": LIST,
    "enzovoort": LIST,
    "enz.": LIST,
}
_MISSING = {
    CRITERION: "er staat niet wanneer of waaraan dit wordt getoetst; consulenten vullen het dan zelf in",
    DEFINITION: "het begrip is niet gedefinieerd; inwoners en consulenten lezen er elk hun eigen betekenis in",
    TERM: "er staat geen termijn; niemand weet wanneer het te laat is",
    LIST: "de opsomming is open; lezers weten niet wat er nog meer onder valt",
    UNNAMED: "de regeling zegt niet welke voorwaarden dat zijn; wie eraan moet voldoen, kan het niet nagaan",
    MEASURE: "er staat niet hoeveel; wie beslist, legt de grens dan zelf",
}
# the advice in the text's own voice: 'we' in an omgekeerde verordening
_SUGGEST_WE = {
    CRITERION: "Noem de criteria ('namelijk als …', 'we letten in ieder geval op …') of verwijs naar de kernwaarden.",
}
_SUGGEST = {
    CRITERION: "Noem de criteria ('namelijk als …', 'het college let in ieder geval op …') of verwijs naar de kernwaarden.",
    DEFINITION: "Definieer het begrip in de begripsbepalingen of beschrijf waaraan het moet voldoen.",
    TERM: "Noem een termijn, bijvoorbeeld 'binnen 2 weken'.",
    LIST: "Maak de opsomming volledig, of noem het criterium dat bepaalt wat erbij hoort.",
    UNNAMED: "Noem de voorwaarden in de regeling, of verwijs naar de regels waarin ze staan (de huisregels, nadere regels).",
    MEASURE: "Noem de maat: een bedrag of percentage ('meer dan 10% hoger dan …').",
}


def _suggest(missing: str, ctx) -> str:
    """The advice for what is missing, in the text's own voice."""
    return _SUGGEST_WE.get(missing, _SUGGEST[missing]) if ctx.profile == "omgekeerd" else _SUGGEST[missing]


# Terms that are statutory and defined by the law itself, or a settled legal
# standard ('de goedkoopst adequate voorziening': case law of the CRvB).
_STATUTORY = {"passende bijdrage", "gebruikelijke hulp", "algemeen gebruikelijk", "algemeen gebruikelijke",
              "goedkoopst adequate", "goedkoopste adequate", "goedkoopst passende", "goedkoopste passende",
              "goedkoopst mogelijke adequate", "goedkoopste mogelijke adequate",
              "redelijke waardering",  # the pgb condition of the Wmo 2015 (artikel 2.3.6, tweede lid, onder a)
              "passend onderwijs",  # the Wet passend onderwijs and its samenwerkingsverbanden
              "dringende redenen daartoe noodzaken"}  # the test of artikel 16 Participatiewet (bijstand in afwijking)
# 'gelet op de (financiële) omstandigheden', 'rekening houdend met de situatie' names no standard: it is as open
# as 'afhankelijk van de omstandigheden'
_GENERIC = (r"(?!\s+(?:alle\s+)?(?:de|zijn|haar|uw|hun|zijn\s+of\s+haar)\s+(?:[^\W\d_]+\s+){0,2}?"
            r"(?:omstandigheden|situatie|feiten)\b(?!\s*,?\s*(?:zoals|namelijk|te\s+weten|waaronder)\b))")
_CRITERIA_RE = rx.compile(
    r"\bnamelijk\b|\bin\s+ieder\s+geval\b|\brekening\s+(?:houdend\s+)?met\b" + _GENERIC + r"|\blet\s+(?:\S+\s+){0,3}?op\b"
    r"|\bgelet\s+op\b" + _GENERIC + r"|\bwaaronder\b|\bcriteri|\bvoorwaarden\s+(?:uit|in(?!\s+acht\b)|van)\b|\bte\s+weten\b"
    r"|\bdat\s+wil\s+zeggen\b|\b(?:passend|adequa|redelijk|voldoende|noodzakelijk)\w*\s+(?:wil\s+zeggen|betekent|houdt\s+in)\b"
    r"|\b(?:alle\s+)?(?:de\s+)?volgende\s+(?:voorwaarden|criteria|eisen)\b|\bkernwaarde|\bdaarbij\s+(?:let|kijkt|weegt)|\bweegt\b|\bafweging\b"
    # the standard of a hardship clause ('als de inwoner onevenredig nadeel ervaart') is a criterion
    r"|\bonevenredig|\bonbillijk|\bonaanvaardba"
    # the settled standard of the Wmo 2015's definition of gebruikelijke hulp
    r"|\bnaar\s+algeme(?:en|ne)\s+aanvaarde\s+opvattingen\b"
    r"|\b(?:indien|als|wanneer)\b(?!\s+bedoeld)[^.;]{0,120}?\d"  # a condition with a number is a concrete criterion
    # a duration in numbers ('langdurig …, met dien verstande dat de bezoeken langer dan 4 weken duren')
    rf"|\b(?:langer|korter|meer|minder)\s+dan\s+{NUMBER}\s+(?:dag|dagen|week|weken|maand|maanden|jaar|jaren|uur)\b"
    r"|\bbinnen\s+\d+\s+(?:werk)?dagen\b|\bbinnen\s+\d+\s+weken\b|\bbinnen\s+(?:een|twee|drie|vier|zes|acht)\s+(?:werk)?(?:dagen|weken|maanden)\b",
    re.I,
)


@lru_cache(maxsize=1)
def _matcher() -> PhraseMatcher:
    """One matcher for the run: the one VAG001 hands the engine is the one it reads
    (the engine scans the words once for the phrase lists it was given)."""
    return PhraseMatcher([(p, (p, kind)) for p, kind in OPEN_TERMS.items()])


def _next_unit(sents: list[Sentence], i: int) -> str:
    """The next sentence of the same article, where criteria often follow the
    term: in the same lid or onderdeel, the first item of the list it leads
    into, or the article text after a list; not the next item of the same
    list, which is a case of its own."""
    if i + 1 < len(sents):
        node, nxt = sents[i].node, sents[i + 1]
        here = node.nearest(Kind.ARTIKEL)
        if here is None or nxt.node.nearest(Kind.ARTIKEL) is not here:
            return ""
        if nxt.node is not node and nxt.node.kind in ITEM_KINDS and nxt.node.parent is node.parent and node.kind in ITEM_KINDS:
            return ""
        return nxt.text
    return ""


def _defined(term: str, keys: set[str]) -> bool:
    term = term.casefold()
    return any(term in k or k in term for k in keys if len(k) > 3)


class OpenNorm(Rule):
    """Een open norm zonder criterium, definitie of termijn.

    Wat het controleert
        Woorden die ruimte laten zonder te zeggen hoe die te vullen: 'in
        bijzondere gevallen', 'in uitzonderlijke gevallen', 'bij bijzondere
        omstandigheden', 'bij uitzondering', 'als dat wenselijk is', 'een
        korte periode', 'een reële termijn', 'naar het oordeel
        van het college', 'naar ons oordeel', 'naar eigen inzicht', 'naar
        bevind van zaken', 'als dat beter past', 'zo nodig', 'redelijkerwijs',
        'binnen redelijke grenzen', 'naar behoren', 'als het kan', 'niet
        genoeg', 'zolang dat nodig is', 'als we denken dat',
        'binnen voldoende tijd', 'afhankelijk van de situatie', 'tenzij het
        college aanleiding ziet', wat de beslisser zelf nodig, redelijk of
        billijk vindt ('als wij dat nodig vinden', 'die het college van
        belang vindt', 'als het van mening is dat', 'als het onderzoek dit
        vereist', 'voor zover de situatie dit toelaat', 'als de
        omstandigheden dat rechtvaardigen'), een stap waarvan niemand meet of
        hij nodig is ('wanneer verdere vraagverheldering nodig is'; niet als er
        staat waarvoor: 'als de verhuizing nodig is om medische redenen'), 'in
        redelijkheid', 'naar billijkheid', 'op een gepaste manier',
        'indien er een duidelijke reden is', 'wanneer er volgens de aanbieder een
        reden is' (niet 'een gegronde reden … om aan te nemen dat: …'), 'aanzienlijk
        hoger', 'niet aanzienlijk duurder' (de maat ontbreekt), 'niet afdoende',
        'dringende', 'zwaarwegende' of 'gewichtige redenen' als grond van een
        bevoegdheid ('kan afzien … indien daarvoor dringende redenen aanwezig
        zijn'; niet als de zin de wet aanhaalt), 'redelijk(e)', '(on)voldoende' (als toets
        van wat de inwoner kan of doet, of van hoe ver de hulp gaat; niet
        'onvoldoende middelen' of 'voldoende deskundigheid' van een
        aanbieder), 'zoveel mogelijk' (criterium ontbreekt); 'passend',
        'adequaat' (definitie ontbreekt; niet 'langdurig', dat lezers van
        echte regelingen niet als open norm aanwijzen); 'binnen een redelijke
        termijn', 'zo spoedig mogelijk' (termijn ontbreekt); 'voor zover
        mogelijk', 'indien mogelijk', 'waar mogelijk', 'het meest geschikt',
        'de meest passende' (criterium ontbreekt; niet bij wat de inwoner moet
        doen, 'dient de aanvrager, indien mogelijk, … in', of bij het innen van
        een vordering); 'en dergelijke',
        'etc.' (open opsomming); voorwaarden die de beslisser stelt zonder
        dat de regeling ze noemt ('de door het college gestelde voorwaarden in
        acht neemt'); de restbevoegdheid 'in gevallen waarin
        deze verordening niet voorziet, beslist het college'; en een marge in
        geld of procenten die de beslisser zelf invult ('een premie van EUR
        3.000 tot EUR 6.000', 'de verlaging bedraagt 20 tot 100 procent', in
        een lijst van maatregelen 'tot 100 procent'), als het artikel niet
        zegt waarvan de hoogte afhangt ('afhankelijk van het inkomen', 'naar
        gelang', 'afgestemd op de ernst', een tabel); niet een grens van wie
        in aanmerking komt ('met een inkomen tussen 100% en 120%'), een
        leeftijd, een wijziging ('de verhoging van 19% tot 21%') of de eerste
        kolom van een tabel ('van 6 tot 12 maanden: € 3.000').
        Niet gemeld: woorden in een citaat van de memorie van toelichting of een
        uitspraak; als dezelfde of de volgende zin de criteria geeft
        ('namelijk als …', 'let in ieder geval op …', 'naar algemeen aanvaarde
        opvattingen', voorbeelden: 'een passende oplossing, zoals …', 'gelet op de
        kernwaarden', een duur in getallen: 'langer dan 4 weken'; het
        volgende onderdeel van dezelfde opsomming telt niet, dat is een
        ander geval, en 'gelet op de (financiële) omstandigheden' is even
        open als 'afhankelijk van de omstandigheden'); bij een eigen oordeel als 'naar het oordeel van het
        college' alleen een criterium direct erachter, en bij 'zo spoedig
        mogelijk' alleen een termijn: 'uiterlijk', 'binnen de wettelijke
        termijn'), en 'niet tijdig' (wie een termijn niet haalt, schendt
        een termijn die er is); waarvoor iets nodig is ('voor zover nodig voor de uren
        waarop …'); als het begrip in de begripsbepalingen staat; in een
        definitie (ook 'Onder … wordt verstaan' en 'Passende ondersteuning:
        …'; wel een regel die na de definitie in hetzelfde onderdeel staat:
        'Brede intake: een onderzoek … . Indien noodzakelijk wordt een nader
        onderzoek uitgevoerd'), een toelichtende bijlage (bronnen, rechtspraak, voorbeelden), een artikel
        of deel over doelen, kernwaarden of de evaluatie van de regeling, een
        lijst onder 'Kernwaarden:' of 'Uitgangspunten:', een zin over de tekst
        zelf ('In dit hoofdstuk …'), over een doel ('is erop gericht') of over
        het beleid ('kan haar beleid als het nodig is aanpassen'), een
        grens die het college bindt ('niet verder dan wat noodzakelijk en
        passend is'), of het artikel van de hardheidsclausule; in de naam van
        een wet ('Wet langdurige zorg') of in 'passend onderwijs'; 'in beginsel' (de verzachting die
        RIG001 zelf aanraadt), 'desgewenst' en 'eventueel' als de inwoner
        kiest, 'zoveel mogelijk' in een doel voor een hele groep ('dat
        jongeren zoveel mogelijk gezond kunnen opgroeien'; wel 'maakt zoveel
        mogelijk gebruik van'), een onbepaald woord in wat iemand moet
        aantonen ('als aangetoond wordt dat de zorg niet passend is', 'uit het
        plan moet blijken: a. waarom zorg in natura niet passend is'), een open
        woord met voorbeelden direct erachter ('in bijzondere situaties zoals:
        …'), en 'eventueel' bij een zaak die misschien meetelt ('en
        eventueel dagbesteding'; wel 'eventueel zetten we …', 'kan het
        college eventueel …'), 'onder meer' met voorbeelden, en de vaste
        maatstaf 'de goedkoopst (mogelijke) adequate voorziening'.

    Waarom
        Maatwerk vraagt ruimte, maar ruimte zonder maatstaf laat consulenten
        hun eigen voorkeur volgen en inwoners hun eigen betekenis lezen. Open
        normen leiden tot rechtsongelijkheid (Raad van State, jaarverslag 2018).
        De melding zegt wat er ontbreekt: een criterium, een definitie, een
        termijn of een volledige opsomming.

    Voorbeeld
        Zo nodig biedt het college passende ondersteuning.

    Beter
        Het college biedt ondersteuning als u niet zelf of met hulp van uw netwerk
        kunt meedoen. Het let daarbij in ieder geval op uw gezondheid, uw netwerk
        en uw inkomen.
    """

    code = "VAG001"
    name = "open-norm"
    category = Category.VAGUE_PHRASING
    severity = Severity.WARNING

    def phrase_matchers(self, ctx):
        return [_matcher()]

    def check(self, doc, ctx):
        for o in open_norms(ctx.analysis):
            if o.kind is RESIDUAL:
                yield ctx.finding(
                    o.start, o.end,
                    "restbevoegdheid: over alles wat de regeling openlaat beslist het college, zonder maatstaf.",
                    suggestion=f"Noem waarop {'we dan letten' if ctx.profile == 'omgekeerd' else 'het college dan let'} "
                    "(het doel van de regeling, de kernwaarden), of schrap de bepaling: de hardheidsclausule en de wet "
                    "dekken de open gevallen al.",
                )
            elif o.kind is PREFERENCE:
                yield ctx.finding(
                    o.start, o.end,
                    f"'{o.written}': de uitkomst hangt af van een eigen oordeel; er staat niet wanneer of "
                    "waaraan dit wordt getoetst.",
                    suggestion=_suggest(CRITERION, ctx),
                )
            elif o.kind is MARGIN:
                yield ctx.finding(
                    o.start, o.end,
                    f"'{o.written}': er staat niet waarvan afhangt waar de hoogte binnen deze marge uitkomt; "
                    "zo kiest de consulent zelf.",
                    suggestion="Noem waarop de hoogte wordt bepaald (bijvoorbeeld de duur van het dienstverband, de "
                    "ernst van de gedraging of de werkelijke kosten), of noem één bedrag.",
                )
            else:
                yield ctx.finding(o.start, o.end, f"'{o.written}': {_MISSING[o.kind]}.", suggestion=_suggest(o.kind, ctx))


# 'voor zover mogelijk' leaves room where it qualifies what the decider does for the resident ('het college houdt
# voor zover mogelijk rekening met uw wensen'); on what the resident must do ('dient de aanvrager, indien mogelijk,
# een kwijtscheldingsverzoek in') or on collecting a claim ('vorderingen worden voor zover mogelijk in één keer
# terugbetaald') it eases
_AS_FAR_AS_POSSIBLE = {"voor zover mogelijk", "voor zover dat mogelijk is", "voor zover het mogelijk is", "indien mogelijk",
                       "indien dat mogelijk is", "als dat mogelijk is", "als het mogelijk is", "waar mogelijk"}

# The decider's own judgement: a criterion elsewhere in the sentence ('houdt
# binnen redelijke grenzen rekening met de wensen') does not fill it
_JUDGEMENT_PHRASES = {"naar het oordeel van", "naar oordeel van", "naar zijn oordeel", "naar haar oordeel",
                      "naar ons oordeel", "naar eigen oordeel", "naar eigen inzicht", "naar zijn inzicht",
                      "naar eigen goeddunken", "naar goeddunken", "naar bevind van zaken", "ter beoordeling van het college",
                      "ter beoordeling van de consulent", "ter beoordeling van de gemeente", "binnen redelijke grenzen", "tenzij er redenen zijn",
                      "tenzij daar redenen voor zijn", "aanleiding ziet", "aanleiding toe ziet", "aanleiding voor ziet"
                      } | _AS_FAR_AS_POSSIBLE  # what is possible is the decider's judgement too
_JUDGEMENT_CRITERIA_RE = rx.compile(r"(?:\s+het\s+college|\s+de\s+gemeente)?\s*,?\s*(?:namelijk|dat\s+wil\s+zeggen"
                                    r"|op\s+grond\s+van|(?:gebaseerd|gelet)\s+op" + _GENERIC + r"|aan\s+de\s+hand\s+van)\b", re.I)
# A term given near 'zo spoedig mogelijk': a number of days or weeks, 'uiterlijk'
_TERM_GIVEN_RE = rx.compile(r"\buiterlijk\b|\bbinnen\s+de\s+(?:wettelijke\s+)?(?:beslis)?termijn(?:en)?\b"
                            r"|\bbinnen\s+(?:\d+|een|twee|drie|vier|vijf|zes|acht|tien)\s+(?:werk)?(?:dagen|weken|maanden)\b"
                            r"|\btermijn\s+van\s+(?:\d+|een|twee|drie|vier|vijf|zes|acht|tien)\b", re.I)
# 'niet tijdig', 'niet of niet tijdig': failing a term, which the law or the decision sets
_BREACH_RE = rx.compile(r"\bniet\s+$", re.I)
# An aim for a whole group, not a decision: 'zorgt ervoor dat jongeren zoveel mogelijk gezond, kansrijk en
# veilig kunnen opgroeien', 'zo lang mogelijk zelfstandig kunnen wonen' (not 'maakt zoveel mogelijk gebruik van')
_AIM_PHRASES = {"zoveel mogelijk", "zo veel mogelijk"}
_AIM_RE = rx.compile(r"(?:,?\s+(?:en\s+|of\s+)?[^\W\d_]+){1,4}?\s+(?:kunnen|kan|blijven)\s+[^\W\d_]+n\b", re.I)
_AIM_SUBJECT_RE = rx.compile(r"\b(?:dat|zodat)\s+(?:[^\s,.;:]+\s+){1,4}$", re.I)  # 'ervoor dat jongeren …'

# 'nodig voor de uren waarop …', 'noodzakelijk om te kunnen werken': what it is needed for
_NEED_PHRASES = {"voor zover nodig", "voor zover noodzakelijk", "indien nodig", "zo nodig", "waar nodig",
                 "indien noodzakelijk", "als het nodig is", "indien het nodig is", "wanneer dat nodig is", "waar dat nodig is"}
_FOR_WHAT_RE = rx.compile(r"\s+(?:voor|om)\s+(?!zover\b)\w", re.I)
# The term of a definition written 'Passende ondersteuning: ondersteuning die …'
_TERM_COLON_RE = rx.compile(r"\W*(?:[^\W\d][\w'’-]*\s+){0,3}[^\W\d][\w'’-]*\s*:(?=\s+\S)", re.I)
# What the decider finds necessary or relevant is its preference, not a standard
_PREFERENCE_RE = rx.Gated(
    # (the look-ahead holds the first letters of the branches' first words: als, indien, wanneer, voor zover, die,
    # dat, wat, waarin, vindt, acht, daar waar; it lets re pass over the other positions at once)
    r"(?=[aiwvd])(?:"
    r"\b(?:als|indien|wanneer|voor\s+zover|die|dat|wat|waarin)\s+(?:het\s+college|de\s+gemeente|wij|we|het)\s+(?:dat\s+|het\s+|daarbij\s+|zelf\s+)?"
    r"(?:nodig|noodzakelijk|wenselijk|gewenst|nuttig|passend|van\s+belang|relevant|redelijk|billijk|aanvaardbaar)"
    r"\s+(?:vindt|vinden|acht|achten)\b"
    r"|\b(?:als|indien|wanneer)\s+(?:het\s+college|de\s+gemeente|wij|we|het)\s+van\s+(?:mening|oordeel)\s+is\s+dat\b"
    r"|\b(?:als|indien|wanneer)\s+(?:het\s+college|de\s+gemeente|wij|we)\s+(?:denkt|denken)\s+dat\b"
    r"|\b(?:vindt|vinden|acht|achten)\s+(?:het\s+college|de\s+gemeente|wij|we)\s+(?:het|dat)\s+"
    r"(?:nodig|noodzakelijk|wenselijk|nuttig)\b"
    r"|\b(?:als|indien|wanneer)\s+(?:het\s+college|wij|we)\s+meer\s+tijd\s+nodig\s+(?:heeft|hebben)\b"
    # a reason the text does not name: 'indien er een duidelijke reden is om …', 'wanneer er volgens de aanbieder een
    # reden is om een heronderzoek uit te voeren'
    r"|\b(?:als|indien|wanneer|tenzij)\s+(?:er\s+)?(?:volgens\s+[^,.;:]{1,40}?\s+)?(?:er\s+)?(?:een\s+)?"
    r"(?:(?:duidelijke|goede|gegronde|dringende|zwaarwegende|andere)\s+)?reden(?:en)?\s+(?:is|zijn|bestaat|bestaan)\b"
    # (not a reason to believe what the text then names: 'indien een gegronde reden bestaat om aan te nemen dat: a. …')
    r"(?!\s+om\s+aan\s+te\s+nemen\b)"
    # a step whose need nobody measures: 'Wanneer verdere vraagverheldering of verdieping nodig is, dan …' (not
    # 'als dat nodig is', an open term of its own, nor what it is needed for: 'als de verhuizing nodig is om …')
    r"|\b(?:als|indien|wanneer)\s+(?!(?:dat|dit|het|die|deze|bedoeld)\s)(?:(?!niet\s)[^\s,.;:]+\s+){1,6}?nodig\s+(?:is|zijn)\b"
    r"(?!\s+(?:om|voor|bij|in\s+verband\s+met|vanwege|wegens)\b)"
    # 'als het onderzoek dit vereist', 'indien dat voor de vaststelling aangewezen is': 'zo nodig' in other words
    r"|\b(?:als|indien|wanneer|voor\s+zover|(?:daar\s+)?waar)\s+(?!de\s+wet\b|het\s+recht\b)"
    r"(?![^.;:,]{0,80}?\b(?:wet\w*|regels?|regeling\w*|verordening\w*|wlz|wmo|awb)\b)[^.;:,]{0,80}?\b(?:dit|dat)\s+(?!(?:lid|artikel|onderdeel|hoofdstuk)\b)(?:[^\s.;:,]+\s+){0,16}?"
    r"(?:(?<!\bis\s)(?<!\bzijn\s)(?<!\bwordt\s)vereist|vereisen|noodzakelijk\s+maakt|nodig\s+maakt|aangewezen\s+is"
    # 'als het kan' in other words: 'voor zover de situatie dit toelaat', 'daar waar de hulpvorm dit toestaat'
    r"|toelaat|toelaten|toestaat|toestaan)\b)",
    re.I,
    # every branch holds one of these
    ("nodig", "noodzakelijk", "wenselijk", "gewenst", "nuttig", "passend", "belang", "relevant", "redelijk", "billijk",
     "aanvaardbaar", "mening", "oordeel", "denk", "vereis", "aangewezen", "toela", "toesta", "reden"))

# A margin the decider fills, in money or a percentage: 'een transitiepremie van EUR 3.000 tot EUR 6.000', 'de
# verlaging bedraagt 20 tot 100 procent', 'een boete tussen € 150 en € 500', and in a list of sanctions
# 'Niet aanvragen voorliggende voorziening: tot 100 procent'. Not a bracket of who qualifies ('met een inkomen
# tussen 100% en 120%'), an age, a date or a period, nor the first column of a table ('van 6 tot 12 maanden: €').
_MARKED = r"(?:(?:€|EUR\b|euro\b)\s*\d+(?:[.,]\d+)*(?:,-)?|\d+(?:[.,]\d+)*(?:,-)?\s*(?:%|procent\b|euro\b))"
# (the upper end may be a bare number, but not a date: 'een toeslag van € 250 tot 1 januari 2026')
_AMOUNT = (r"(?:(?:€|EUR\b|euro\b)\s*)?\d+(?:[.,]\d+)*(?:,-)?(?:\s*(?:%|procent\b|euro\b))?"
           r"(?!\s*(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b|[-/]\d)")
_RANGE_RE = rx.compile(
    rf"\b(?:(?:van|vanaf)\s+(?:{_MARKED}|\d+(?:[.,]\d+)*)\s+tot(?:\s+en\s+met)?\s+{_MARKED}"
    rf"|(?:van|vanaf)\s+{_MARKED}\s+tot(?:\s+en\s+met)?\s+{_AMOUNT}"
    rf"|tussen\s+(?:de\s+)?(?:{_MARKED}\s+en\s+{_AMOUNT}|\d+(?:[.,]\d+)*\s+en\s+{_MARKED})"
    rf"|\d+(?:[.,]\d+)*\s*(?:%|procent)?\s+tot(?:\s+en\s+met)?\s+\d+(?:[.,]\d+)*\s*(?:%|procent\b))",
    re.I,
)
# 'tot 100 procent' as the whole of a sanction: the lower end is open too
_UP_TO_RE = rx.compile(r"(?:^[^:;]{3,120}:\s*|\b(?:verlaging|verlaagd|maatregel|boete|korting)\b[^.;:]{0,40}?)"
                       r"(?P<range>\btot\s+(?:maximaal\s+|ten\s+hoogste\s+)?\d+(?:[.,]\d+)*\s*(?:%|procent\b))", re.I)
_SANCTION_RE = rx.compile(r"\b(?:verlaging|verlaagd|verlagen|maatregel\w*|boete\w*|korting|afstemming)\b", re.I)
# the margin sets a condition, not an amount: 'met een inkomen van …', 'bij een schuld tussen …', 'indien de kosten …'
_BRACKET_RE = rx.compile(r"\b(?:inkomen\w*|vermogen\w*|loon|schuld\w*|huur\w*|woonkosten|leeftijd|draagkracht|norm"
                         r"|bijstandsnorm|minimumloon|benadelingsbedrag|bedrag\s+aan|indien|als|wanneer|voor\s+zover|bij\s+een"
                         # a change from one figure to another: 'de verhoging van het tarief van 19% tot 21%'
                         r"|verhoging|verhoogd|stijging|stijgt|wijziging|gewijzigd|verandert|vermindering|daalt)"
                         r"\s+(?:[^\s.;:]+\s+){0,4}$", re.I)
# what the amount within the margin depends on
_SETS_AMOUNT_RE = rx.compile(
    r"\bafhankelijk\s+van\b" + _GENERIC + r"|\bnaar\s+(?:gelang|rato|(?:de\s+)?mate|de\s+ernst)\b|\bafgestemd\s+op\b"
    r"|\bop\s+basis\s+van\b|\bgebaseerd\s+op\b|\baan\s+de\s+hand\s+van\b|\bverwijtbaar|\bernst\b"
    r"|\b(?:tabel|bijlage|staffel)\b|\bper\s+(?:gewerkt|gewerkte|volledige)\b",
    re.I,
)


def _open_margin(s: Sentence, doc) -> tuple[int, int] | None:
    """The span (in ``s.text``) of a margin of money or a percentage that the
    decider fills without a criterion for where in it the amount falls."""
    text = s.text
    low = text.lower()
    if ("tot" not in low and "tussen" not in low) or not _DIGIT_RE.search(text):
        return None
    art = s.node.nearest(Kind.ARTIKEL)
    m = _RANGE_RE.search(text)
    if m is not None:
        start, end = m.span()
    else:
        m = _UP_TO_RE.search(text)
        # (in a list of sanctions: the article, its lead-in or the regulation says what the percentage is of)
        title = (art.title or "") if art is not None else ""
        if m is None or not (_SANCTION_RE.search(text) or _SANCTION_RE.search(
                f"{title} {list_lead_in(doc, s.node)} {doc.title or ''}")):
            return None
        start, end = m.span("range")
    if _BRACKET_RE.search(text, max(0, start - 60), start) or _COLUMN_RE.match(text, end):
        return None  # who qualifies, or the first column of a table
    scope = art.full_text if art is not None else text
    if _SETS_AMOUNT_RE.search(scope) or _CRITERIA_RE.search(text) or text.rstrip().endswith(":"):
        return None
    return start, end


_DIGIT_RE = rx.compile(r"\d")
_COLUMN_RE = rx.compile(r"\s*(?:per\s+\w+\s*)?:")


# Words that leave room only as the ground of a power
_POWER_ONLY = {"dringende redenen", "zeer dringende redenen", "zwaarwegende redenen", "zwaarwegende reden",
               "zwaarwegende omstandigheden", "gewichtige redenen"}
# Words that leave room only when the one who decides uses them
_DECIDERS_ONLY = {"eventueel"}
_EASES_RE = rx.compile(
    r"\b(?:aanvrager|belanghebbende|inwoner|cliënt|verzoeker|jeugdige|ouders?|u|hij|zij)\s+(?:\S+\s+){0,3}?"
    r"(?:dient|dienen|moet|moeten|is\s+verplicht|zijn\s+verplicht)\b"
    r"|\b(?:dient|dienen|moet|moeten)\s+(?:de\s+)?(?:aanvrager|belanghebbende|inwoner|cliënt|verzoeker|ouders?|u|hij|zij)\b"
    r"|\b(?:vordering\w*|verreken\w*|incass\w*|geïncasseerd|terugvorder\w*|teruggevorderd|terugbeta\w*|aflos\w*"
    r"|invorder\w*|ingevorderd)", re.I)
_DECIDER_RE = rx.compile(r"\b%s\b" % DECIDER_OR_CONSULENT, re.I)
# 'eventueel' leaves room only beside a verb: a decider's power before it, or a verb right after it
_MODAL_BEFORE_RE = rx.compile(
    r"\b(?:kan|kunnen|mag|mogen|zal|zullen)\s+(?:(?:het\s+college|de\s+gemeente|we|wij|de\s+consulent)\s+)?$", re.I)
_VERB_AFTER_RE = rx.compile(
    r"\s*(?:kan|kunnen|mag|mogen|zal|zullen|zet|zetten|biedt|bieden|geeft|geven|wordt|worden|besluit|besluiten)\b",
    re.I)


def _decides_with(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` stands beside a verb of deciding."""
    return bool(_MODAL_BEFORE_RE.search(text, max(0, start - 40), start) or _VERB_AFTER_RE.match(text, end))


# '(on)voldoende' as a test of what the resident can or does (capacity, effort,
# cooperation, information) or of how far help goes; not a measurable amount
# ('onvoldoende middelen' to pay the costs) or a quality of a provider
_JUDGED_ONLY = {"onvoldoende", "voldoende", "genoeg"}
_JUDGED_RE = rx.compile(
    r"\s+(?:\S+\s+){0,2}?(?:mogelijkhed|mogelijkheid|in\s+staat|zelfredzaam|inspanning|ingespannen|medewerking"
    r"|meewerk|mee\s+te\s+werken|mee\s+werkt|eigen\s+kracht|netwerk|oplossing|gegevens|informatie|deelname|deel\s+te\s+nemen"
    r"|getracht|helpt|gewaarborgd|verplaatsen|kunnen\b|kan\b|kunt\b|aangetoond|aannemelijk|zicht\s+op|gelegenheid|zeker\b|zekerheid)", re.I)
# "Onder een redelijke vraagprijs wordt verstaan …": the term defined in place
_INLINE_DEFINITION_RE = rx.compile(r"\W*onder\s+[^.;:]{1,120}?\s(?=(?:wordt|worden)\s+(?:\S+\s+){0,4}?verstaan\b)", re.I)
# An open word inside a limit on the college protects the resident
_PROTECTS_RE = rx.compile(r"\b(?:niet\s+(?:verder|meer|langer)|nooit\s+meer)\b[^.;]{0,30}$", re.I)


# "In gevallen waarin deze verordening niet voorziet, beslist het college":
# a power without any standard over everything the text leaves open.
RESIDUAL_RE = rx.Gated(
    r"\bin\s+(?:alle\s+)?(?:de\s+)?gevallen[^.;]{0,80}?\bwaarin\s+(?:deze|de)\s+(?:verordening|regeling|beleidsregels?|nadere\s+regels)"
    r"\s+niet\s+voorzie?n?t?\b[^.;]{0,160}?\bbeslist\b"
    r"|\bbeslist\s+(?:het\s+college\s+)?(?:over|in)\s+(?:zaken|gevallen|situaties)\s+die\s+(?:niet|nergens)\s+(?:zijn\s+)?(?:geregeld|voorzien)\b"
    # the omgekeerde voice: 'Staat in deze regels niet wat er moet gebeuren? Dan beslissen wij wat er gebeurt.'
    r"|\bbeslissen\s+(?:wij|we)\s+(?:zelf\s+)?wat\s+er\s+(?:gebeurt|moet\s+gebeuren)\b",
    re.I,
    ("beslis",),  # 'beslist', 'beslissen'
)


# What someone must show or explain: 'als concreet aangetoond kan worden dat de zorg niet passend is', 'Uit het
# plan moet blijken: a. waarom zorg in natura niet passend is'. An undefined word ('passend', 'adequaat') is then
# the point to be proven with facts, not the decider's preference.
_SHOWN_RE = rx.compile(r"\b(?:aangetoond|aantonen|aantoont|aannemelijk\s+(?:maakt|maken|gemaakt)|onderbouwd|onderbouwen"
                       r"|onderbouwt|blijken|blijkt)\b[^.;]{0,40}?\b(?:dat|waarom|of)\b|\bwaarom\b", re.I)
_SHOWN_LEAD_RE = rx.compile(r"\b(?:aantonen|aangetoond|blijken|blijkt|onderbouwen|onderbouwd)\s*:\s*$", re.I)
# Examples of what an open phrase means right after it: 'in bijzondere situaties zoals: …'
_EXAMPLES_RE = rx.compile(r"\s*,?\s*(?:zoals|bijvoorbeeld|waaronder|te\s+weten)\b", re.I)
# (the noun an open adjective goes with, and a word or two, before the examples)
_EXAMPLES_AFTER_RE = rx.compile(r"(?:\s+[^\W\d_]+){1,3}\s*,?\s*(?:zoals|bijvoorbeeld|waaronder)\b", re.I)


# A sentence that rules (a duty, a power, a decision in the passive), not one that describes
_RULE_RE = rx.compile(r"\b(?:kan|kunnen|mag|mogen|moet|moeten|dient|dienen|wordt|worden)\b", re.I)


def _added_rule(analysis, s: Sentence) -> bool:
    """A sentence after the first of a definitions item that rules (:data:`_RULE_RE`): a rule the
    drafter put in the definition, not the definition itself."""
    if s.node.kind not in ITEM_KINDS:
        return False
    own = analysis.sentences_of(s.node)
    return bool(own) and own[0] is not s and _RULE_RE.search(s.text) is not None


def _to_be_shown(doc, s: Sentence, start: int) -> bool:
    """The open word at ``start`` stands in what someone must show (:data:`_SHOWN_RE`): in the
    sentence before it, or in the lead-in of the list the sentence is an item of."""
    if _SHOWN_RE.search(doc.text, s.start, start):
        return True
    return s.node.kind in ITEM_KINDS and _SHOWN_LEAD_RE.search(list_lead_in(doc, s.node)) is not None


def _in_definitions(node) -> bool:
    art = node.nearest(Kind.ARTIKEL)
    return art is not None and bool(re.search(r"begrip|definitie|wie\s+is\s+wie", art.title or "", re.I))


_POWER_RE = rx.Gated(
    r"\b%s\s+(?:kan|kunnen|mag|mogen)\b" % DECIDER_OR_CONSULENT +
    r"|\bkan\s+(?:het\s+college|de\s+gemeente)\b|\bkunnen\s+(?:we|wij)\b",
    re.I,
    ("kan", "kunnen", "mag", "mogen"),
)
# The same power in the passive voice, the decider left out: "De voorziening kan
# met terugwerkende kracht worden beëindigd", "kan … worden afgeweken"
_PASSIVE_PARTICIPLES = (r"(?:verstrekt|toegekend|verleend|geweigerd|ingetrokken|herzien"
                        r"|afgeweken|verlaagd|verhoogd|beëindigd|opgeschort|teruggevorderd|opgelegd|verlengd|afgezien|toegestaan"
                        r"|gewijzigd|beperkt|gekort|ingehouden|stopgezet|afgewezen|aangemerkt|vergoed)")
_PASSIVE_POWER_RE = rx.Gated(
    # (in either order: 'kan … worden verstrekt', 'kan … verstrekt worden')
    r"\b(?:kan|kunnen)\s+(?:[^\s.;:]+\s+){0,8}?(?:worden\s+%s\b|%s\s+worden\b)" % (_PASSIVE_PARTICIPLES, _PASSIVE_PARTICIPLES),
    re.I,
    ("worden",),
)
# The decider settles a degree: 'Het college bepaalt voor gezinsleden in hoeverre sprake is van gebruikelijke hulp'
# (a judgement with no standard unless the sentence or its passage names one)
_DEGREE_RE = rx.Gated(
    r"(?:\b%s\s+(?:bepaalt|bepalen|beoordeelt|beoordelen|stelt|stellen)|\b(?:bepaalt|bepalen|beoordeelt|beoordelen|stelt|stellen)"
    r"\s+%s)\b(?=[^.;:]{0,80}?\b(?P<degree>in\s+hoeverre|in\s+welke\s+mate)\b)" % (DECIDER_OR_CONSULENT, DECIDER_OR_CONSULENT),
    re.I,
    ("hoeverre", "welke mate"),
)
# Not a power over help: sharing data ('kunnen gegevens worden verstrekt'), or a
# power the sentence restricts ('kan slechts worden opgelegd')
_NEGATED_RE = rx.compile(r"\b(?:niet|geen|nooit)\b", re.I)
_NOT_A_HELP_POWER_RE = rx.compile(r"\bgegevens\b|\binlichtingen\b|\b(?:kan|kunnen)\s+(?:slechts|uitsluitend|alleen)\b", re.I)
_DECISION_RE = rx.compile(
    r"\b(?:verstrekken|toekennen|verlenen|weigeren|intrekken|herzien|afwijken|verlagen|verhogen|beëindigen"
    r"|opschorten|besluiten|vaststellen|terugvorderen|vergoeden|opleggen|afzien|toestaan|ontheffing|vrijstelling"
    r"|bieden|aanbieden|vragen|aanmerken|inzetten|betalen|toewijzen|uitbetalen"
    r"|stopzetten|inhouden|korten|aanpassen|wijzigen|verminderen|stoppen|toewijzen|afwijzen|opzeggen|schorsen"
    r"|aanpassen|bijstellen|beperken|bepalen|verlengen|verbinden|aanwijzen|opdragen|inkorten|verkorten|hanteren|toepassen"
    r"|instellen"
    # conditions the college may add without saying which: 'kan aanvullende eisen stellen'
    r"|(?:eisen|voorwaarden|verplichtingen)\s+(?:\S+\s+){0,2}?stellen)\b",
    re.I,
)
_STANDARD_RE = rx.compile(
    r"\b(?:als|indien|mits|wanneer|voor\s+zover|tenzij)\b|\brekening\b|\bgelet\s+op\b|\bin\s+ieder\s+geval\b"
    r"|\bop\s+(?:grond|basis)\s+van\b|\baan\s+de\s+hand\s+van\b|\bvoorwaarde|\bmet\s+inachtneming\b|\bcriteri|\bafweg|\bomstandigheden\b"
    r"|\bkernwaarde|\bnoodzakelijke?\b|\bnodig\s+is\b|\bweegt\b|\blet\s+(?:\S+\s+){0,3}?op\b|\bonbillijk"
    r"|\bconform\b|\bvolgens\b|\bovereenkomstig\b"
    # the extent of the power fixed in a number ('kan eenmaal worden verlengd met ten hoogste 6 maanden', 'kan
    # … verstrekken tot ten hoogste € 750'); a period the help runs ('voor een periode van ten hoogste …') is not one
    rf"|\b(?:met|tot)\s+(?:ten\s+hoogste|maximaal)\s+(?:€\s*)?{NUMBER}\b"
    # a moment or the grounds it hangs on ('Dat kan vanaf het moment waarop …', 'een van de intrekkingsgronden'; not
    # a step of procedure: 'nadat de cliënt is gehoord')
    r"|\bzodra\b|\bvanaf\s+(?:het\s+moment|de\s+dag|de\s+datum)\s+(?:waarop|dat)\b|\b\w*gronden\b"
    # a measurable threshold on who qualifies ('aan een cliënt met een inkomen van ten hoogste 120 procent');
    # not a cap on the help itself ('voor een periode van ten hoogste 12 maanden')
    # or a group defined by one ('een belanghebbende die langer dan twaalf maanden bijstand ontvangt', 'een
    # verzoeker van wie de schulden volledig kunnen worden afgelost')
    r"|\b(?:van|aan|voor)\s+wie\b|\bdie\s+(?:behoort|behoren)\s+tot\s+(?:de\s+)?doelgroep"
    r"|\bdie\s+(?:\S+\s+){0,4}?(?:langer|korter|meer|minder|ouder|jonger)\s+(?:is\s+)?dan\s+(?:\d+|een|twee|drie|vier|vijf|zes"
    r"|twaalf|achttien)\b"
    r"|\b(?:inkomen|vermogen|leeftijd|schulden?|draagkracht)\s+(?:\S+\s+){0,2}?(?:ten\s+hoogste|ten\s+minste|maximaal|minimaal"
    r"|meer\s+dan|minder\s+dan|boven|onder)\s+(?:€\s*)?\d"
    # a condition up front ('Bij niet-nakoming kan …') or by reference ('in de situaties, bedoeld in het eerste lid')
    r"|^\W*(?:bij|in\s+geval\s+van|na)\s|\b(?:situaties?|gevallen|geval)\s*,?\s*(?:als\s+)?bedoeld\s+in\b"
    # or by examples ('in bijzondere situaties zoals: a. …')
    r"|\b(?:situaties?|gevallen|geval)\s*,?\s*(?:zoals|bijvoorbeeld|waaronder)\b"
    # or by a list of them ('kan afwijken van het principe … Dit zijn de volgende situaties: a. …'), or by what the
    # power is for ('kan ondersteuning bieden om de volgende doelen te bereiken: …')
    r"|\bvolgende\s+(?:situaties?|gevallen|omstandigheden|voorwaarden|criteria|eisen)\b"
    r"|\bom\s+(?:de\s+)?(?:volgende\s+)?doel(?:en|stellingen)?\s+te\s+(?:bereiken|realiseren|halen)\b|\bmet\s+als\s+doel\b",
    re.I,
)


# A lead-in that lists the kinds of help there are
_CATALOGUE_RE = rx.compile(r"\bde\s+volgende\s+(?:[\w-]+\s+){0,3}?(?:aanbieden|bieden|inzetten|verstrekken|geven)\s*:\s*$", re.I)


# A delegation that names no subject: 'Het college kan nadere regels stellen met betrekking tot het gestelde in
# deze verordening', 'over alle onderwerpen van deze verordening', or no scope at all (Aanwijzing 2.24: the
# delegating rule marks off what the further rules may be about; 'over de wijze van aanvragen' does, and 'ter
# uitvoering van deze verordening' keeps them to carrying out what the regulation itself sets)
_WHOLE_REGULATION = (r"(?:met\s+betrekking\s+tot|over|inzake|ten\s+aanzien\s+van|voor|omtrent"
                     r"|betreffende)\s+(?:de\s+uitvoering\s+van\s+|het\s+(?:(?:in|bij)\s+)?(?:gestelde|bepaalde)\s+(?:in|bij)\s+"
                     r"|alle\s+onderwerpen\s+(?:van|uit|in)\s+)?(?:deze|de)\s+(?:verordening|regeling|beleidsregels?)")
_BLANKET_DELEGATION_RE = rx.compile(
    r"^\W*(?:het\s+college|de\s+gemeente|burgemeester\s+en\s+wethouders|we|wij)\s+(?:kan|kunnen|mag|mogen|stelt|stellen)"
    r"\s+(?P<before>%s\s+)?(?:(?:zo\s+nodig|indien\s+nodig|zonodig)\s+)?(?P<rules>nadere\s+regels)\s+(?:stellen|vaststellen|vast|geven)?"
    r"\s*(?P<after>%s)?\s*\.?\s*$"
    % (_WHOLE_REGULATION, _WHOLE_REGULATION),
    re.I,
)

_NO_STANDARD_RE = rx.compile(r"\bonder\s+(?:bepaalde\s+)?voorwaarden\b|\bal\s+dan\s+niet\b"
                             r"|\b(?:nadere|aanvullende|andere)\s+voorwaarden\s+(?:\S+\s+){0,2}?verbinden\b"
                             # 'als' that means 'as', not 'if': 'kan … aangemerkt worden als een aanvraag', and a
                             # reference ('het onderzoek als bedoeld in artikel 4')
                             # (not the cases so named: 'in de gevallen, bedoeld in het eerste lid' is a condition)
                             r"|(?<!gevallen\s)(?<!gevallen,\s)(?<!geval\s)(?<!geval,\s)(?<!situaties\s)(?<!situaties,\s)"
                             r"(?<!situatie\s)(?<!situatie,\s)\b(?:zoals|als)\s+bedoeld\s+in\b"
                             r"|\b(?:aangemerkt|aanmerken|beschouwd|beschouwen|aangewezen|aanwijzen|erkend|erkennen)"
                             r"\s+(?:(?:kan|kunnen|worden|wordt)\s+)?als\b", re.I)


def _passage(s: Sentence, analysis) -> str:
    """The passage that may give a power its ground: the lid or onderdeel the
    sentence stands in; in an article without leden the whole article (its
    list and the sentence after it: 'Dat kan vanaf het moment waarop …',
    'Nadere regels bepalen de voorwaarden'); in the own text of an article
    with leden, the sentence and the next one."""
    node = s.node
    if node.kind is not Kind.ARTIKEL or not any(c.kind is Kind.LID for c in node.children):
        return node.full_text
    own = analysis.sentences_of(node)
    after = [t.text for t in own if t.start > s.start][:1]
    return " ".join([s.text, *after])


class UnguidedPower(Rule):
    """Een bevoegdheid van het college ('kan') zonder enige maatstaf.

    Wat het controleert
        Zinnen waarin het college (of 'we', of de consulent) iets kan of mag
        besluiten — verstrekken,
        weigeren, intrekken, afwijken, verlagen, bepalen, aanwijzen,
        opdragen, aanvullende eisen stellen, … — ook in de
        lijdende vorm ('de voorziening kan worden beëindigd'), terwijl de
        passage niet zegt wanneer of waarop het let ('als', 'mits', 'bij
        niet-nakoming', 'rekening houdend met', 'gelet op', 'op basis van een
        indicatie', 'vanaf het moment waarop', 'een van de
        intrekkingsgronden', 'in de situaties, bedoeld in het eerste lid', een
        grens op wie in aanmerking komt: 'met een inkomen van ten hoogste 120
        procent', 'die langer dan twaalf maanden bijstand ontvangt', of op de
        bevoegdheid zelf: 'kan worden verlengd met ten hoogste 6 maanden', een
        lijst van de situaties: 'Dit zijn de volgende situaties: …', of waartoe:
        'om de volgende doelen te bereiken: …'). Ook een mate die het college
        zonder maatstaf bepaalt: 'Het college bepaalt … in hoeverre sprake is van
        gebruikelijke hulp'. De passage is het lid of onderdeel, in een artikel zonder leden het
        hele artikel ('Dat kan vanaf …', 'Nadere regels bepalen de
        voorwaarden'), en anders de zin en de volgende. 'Onder voorwaarden' en 'nadere
        voorwaarden verbinden' noemen geen voorwaarde. Ook een delegatie
        zonder onderwerp: 'Het college kan nadere regels stellen met
        betrekking tot het gestelde in deze verordening', 'over alle
        onderwerpen van deze verordening', of zonder meer als dat het hele
        artikel is (Aanwijzing 2.24: de delegerende regel bakent af waarover
        de nadere regels gaan). Niet gemeld: nadere regels 'ter uitvoering
        van deze verordening' (die voeren alleen uit wat de regeling zelf
        zegt) of naast andere leden van een artikel (dan gaan ze over dat
        artikel); een zin
        waarin een open woord voor de maatstaf staat ('kan in bijzondere
        gevallen …': dat meldt VAG001), nadere regels over een genoemd onderwerp,
        een aanhef die opsomt welke hulp er is ('De gemeente
        kan de volgende hulp aanbieden:'), gegevens
        verstrekken, een beperkte bevoegdheid ('kan slechts'), en tekst over
        doelen of over de tekst zelf.

    Waarom
        Een bevoegdheid zonder maatstaf laat het besluit over aan de voorkeur van
        de consulent. Een korte maatstaf of een verwijzing naar de kernwaarden
        geeft richting en laat toch ruimte voor maatwerk.

    Voorbeeld
        Het college kan de bijstand verlagen.

    Beter
        Het college kan de bijstand verlagen als u een verplichting niet nakomt.
        Het houdt daarbij rekening met de ernst van de gedraging en uw situatie.
    """

    code = "VAG002"
    name = "bevoegdheid-zonder-maatstaf"
    category = Category.VAGUE_PHRASING
    severity = Severity.INFO

    def check(self, doc, ctx):
        hardship = {h.sentence.start for h in ctx.analysis.hardship}  # RIG004 judges those
        # an open word that stands in for the standard ('kan in bijzondere gevallen …') is VAG001's finding
        seeming = sorted(o.start for o in open_norms(ctx.analysis) if o.kind in (CRITERION, PREFERENCE, RESIDUAL, MARGIN))
        for s in ctx.analysis.sentences():
            if s.start in hardship:
                continue
            i = bisect.bisect_left(seeming, s.start)
            if i < len(seeming) and seeming[i] < s.end:
                continue
            blanket = _BLANKET_DELEGATION_RE.match(s.text)
            if blanket and (blanket["before"] or blanket["after"] or _alone(s, ctx.analysis)):
                yield ctx.finding(
                    s.start + blanket.start("rules"), s.start + blanket.end("rules"),
                    "'nadere regels' zonder onderwerp: de regeling zegt niet waarover de regels mogen gaan, dus "
                    "kan het college alles wat zij openlaat zelf invullen.",
                    suggestion="Noem de onderwerpen ('nadere regels over de wijze van aanvragen en de hoogte van het "
                    "pgb'), of schrap de bepaling als een afzonderlijk artikel al zegt waarover nadere regels gaan.",
                )
                continue
            m = _POWER_RE.search(s.text)
            if m is not None and not _DECISION_RE.search(s.text):
                m = None
            if m is None:
                m = _PASSIVE_POWER_RE.search(s.text)
                if m is not None and _NEGATED_RE.search(m.group(0)):
                    m = None  # 'kan niet worden verstrekt' forbids; it grants no power (an exclusion is RIG001's)
            if m is None:
                m = _DEGREE_RE.search(s.text)  # 'Het college bepaalt … in hoeverre sprake is van gebruikelijke hulp'
            if m is None or "regels" in s.text or _NOT_A_HELP_POWER_RE.search(s.text) or states_purpose(doc, s):
                continue
            if _CATALOGUE_RE.search(s.text):
                continue  # 'De gemeente kan de volgende hulp aanbieden:' lists what there is; who gets it is decided elsewhere
            scope = _passage(s, ctx.analysis)
            # "onder voorwaarden" and "nadere voorwaarden verbinden" name no voorwaarde; "al dan niet op verzoek" no ground
            text, scope = _NO_STANDARD_RE.sub(" ", s.text), _NO_STANDARD_RE.sub(" ", scope)
            if _STANDARD_RE.search(text) or _STANDARD_RE.search(scope):
                continue
            who, lets, it = _decider(m.group(0))
            what = (f"'{m.group(0)} … {m.group('degree')}' laat de mate aan het eigen oordeel "
                    f"over: er staat niet waarop {who} {lets}." if m.re is _DEGREE_RE.compiled else
                    f"'{m.group(0)}' geeft een bevoegdheid zonder maatstaf: er staat niet wanneer of waarop {who} {lets}.")
            yield ctx.finding(
                s.start + m.start(), s.start + m.end(),
                what,
                suggestion=f"Noem de voorwaarde ('als …') en waarop {who} {lets} ('{it} rekening met …'), "
                "of verwijs naar de kernwaarden.",
            )


def _alone(s: Sentence, analysis) -> bool:
    """Whether the sentence is all its article says ('Artikel 20 Nadere regels. Het college kan nadere regels
    stellen.'); beside other leden, 'kan nadere regels stellen' is about what the article regulates."""
    art = s.node.nearest(Kind.ARTIKEL)
    return art is not None and all(t.start == s.start for t in analysis.sentences() if t.node.nearest(Kind.ARTIKEL) is art)


def _decider(power: str) -> tuple[str, str, str]:
    """Who decides, in the words of the text ('De gemeente kan', 'kunnen we'),
    with the verb that goes with it and how the advice goes on ('het houdt',
    'we houden')."""
    low = power.lower()
    if "gemeente" in low:
        return "de gemeente", "let", "ze houdt"
    if any(w in low.split() for w in ("we", "wij")):
        return "we", "letten", "we houden"
    if "consulent" in low:
        return "de consulent", "let", "die houdt"
    return "het college", "let", "het houdt"


@dataclass
class OpenWords:
    """Room left open in one sentence: a residual power, the decider's own
    preference, or an open word lacking a criterion, definition, term or list."""

    start: int
    end: int
    kind: str  # RESIDUAL, PREFERENCE or the missing CRITERION, DEFINITION, TERM, LIST
    written: str


RESIDUAL, PREFERENCE, MARGIN = "restbevoegdheid", "voorkeur", "marge"


def open_norms(analysis) -> list[OpenWords]:
    """The open norms of a document, once per document: VAG001 reports them,
    and VAG002 leaves a power alone whose seeming standard is one of them
    ('kan het college in bijzondere gevallen …': one defect, one finding)."""
    return analysis.per_option("open-norms", None, lambda: _find_open_norms(analysis))


def _find_open_norms(analysis) -> list[OpenWords]:
    doc = analysis.doc
    matcher = _matcher()
    keys = analysis.defined_keys
    sents = analysis.sentences()
    tokens = analysis.tokens
    found = []
    # RIG004 judges hardship clauses, with the rest of their article
    hardship = {h.sentence.start for h in analysis.hardship}
    hardship_arts = {id(art) for h in analysis.hardship if (art := h.sentence.node.nearest(Kind.ARTIKEL))}
    # a definition says what a word means (its first sentence; a rule added after it in the same item is
    # rule text: 'Brede intake: een onderzoek … . Indien noodzakelijk wordt een nader onderzoek uitgevoerd')
    defined = Intervals(d.span for d in analysis.definitions)
    for i, s in enumerate(sents):
        # (asked only of a sentence in a definition: most sentences are not)
        added_rule = cache(lambda: _added_rule(analysis, s))
        if s.start in defined and not added_rule():
            continue
        if s.start in hardship or analysis.explains(s.node):
            continue  # an explanatory bijlage describes the law and practice
        residual = RESIDUAL_RE.search(s.text)
        # the open words of a hardship clause's article are RIG004's to judge; a residual power there is not
        in_hardship_article = id(s.node.nearest(Kind.ARTIKEL)) in hardship_arts
        hits = [] if residual or in_hardship_article else list(analysis.phrase_matches(matcher, s.start, s.end))
        preference = None if residual or in_hardship_article else _PREFERENCE_RE.search(s.text)
        margin = None if residual else _open_margin(s, doc)
        if not (residual or hits or preference or margin) or states_purpose(doc, s):
            continue  # goals, kernwaarden and text about the text bind no decision
        if residual:
            found.append(OpenWords(s.start + residual.start(), s.start + residual.end(), RESIDUAL, residual.group(0)))
            continue
        if preference and not any(tokens.starts[a] < s.start + preference.end() and
                                  s.start + preference.start() < tokens.ends[b - 1] for a, b, _p in hits):
            found.append(OpenWords(s.start + preference.start(), s.start + preference.end(), PREFERENCE,
                                   preference.group(0)))
        if margin:
            found.append(OpenWords(s.start + margin[0], s.start + margin[1], MARGIN, s.text[margin[0]:margin[1]]))
        names = [(s.start + n.start(), s.start + n.end()) for n in LAW_RE.finditer(s.text)]
        nxt = _next_unit(sents, i)
        # (searched once, and only when a hit asks: most hits are settled before)
        criteria_near = cache(lambda: bool(_CRITERIA_RE.search(s.text) or _CRITERIA_RE.search(nxt)))
        term_near = cache(lambda: bool(_TERM_GIVEN_RE.search(s.text) or _TERM_GIVEN_RE.search(nxt)))
        inline = _INLINE_DEFINITION_RE.match(s.text) or _TERM_COLON_RE.match(s.text)
        for a, b, (phrase, missing) in hits:
            start, end = tokens.starts[a], tokens.ends[b - 1]
            if start in analysis.quotations:
                continue  # the memorie van toelichting or a judgment quoted: another text's words
            if phrase.endswith(".") and doc.text[end:end + 1] == ".":
                end += 1
            if any(a <= start and end <= b for a, b in names):
                continue  # inside a law's name: 'Wet langdurige zorg'
            written = doc.text[start:end]
            ahead = " ".join((doc.text[max(0, start - 24):start] + written + doc.text[end:end + 30]).lower().split())
            if any(term in ahead for term in _STATUTORY) or _defined(phrase, keys):
                continue
            if phrase in _JUDGED_ONLY and not _JUDGED_RE.match(doc.text, end):
                continue  # 'onvoldoende kwaliteit' describes; 'onvoldoende eigen mogelijkheden' is a test
            if inline and start < s.start + inline.end():
                continue  # the term an 'Onder … wordt verstaan' sentence defines
            if _PROTECTS_RE.search(doc.text, max(s.start, start - 40), start):
                continue  # 'niet verder dan wat noodzakelijk en passend is' limits the college
            if phrase in _POWER_ONLY and (not (_POWER_RE.search(s.text) or _PASSIVE_POWER_RE.search(s.text))
                                          or names):
                continue  # 'dringende redenen' leaves room as the ground of a power ('kan afzien … indien
                # daarvoor dringende redenen aanwezig zijn'); named or cited elsewhere, or the law's, it is not
            if phrase in _AS_FAR_AS_POSSIBLE and _EASES_RE.search(s.text):
                continue
            if phrase in _DECIDERS_ONLY and not (_DECIDER_RE.search(s.text)
                                                 and _decides_with(doc.text, start, end)):
                continue  # 'u kunt eventueel …' is the resident's choice, 'en eventueel dagbesteding' a
                # thing that may apply; 'eventueel zetten we …', 'kan het college eventueel …' the decider's
            if phrase in _JUDGEMENT_PHRASES:
                # the decider's own judgement: only a criterion right after it fills it
                if _CRITERIA_RE.match(doc.text, end) or _JUDGEMENT_CRITERIA_RE.match(doc.text, end):
                    continue
            elif missing is TERM:
                if term_near():
                    continue  # a term follows ('zo spoedig mogelijk, uiterlijk binnen twee weken')
                if _BREACH_RE.search(doc.text, max(s.start, start - 12), start):
                    continue  # 'niet tijdig' is the breach of a term that is set, not a term left open
            elif missing in (DEFINITION, CRITERION, UNNAMED) and criteria_near():
                continue
            elif missing is MEASURE and _DIGIT_RE.search(doc.text, end, s.end):
                continue  # 'aanzienlijk hoger, dat wil zeggen meer dan 10%': the measure follows
            elif missing is DEFINITION and _to_be_shown(doc, s, start):
                continue  # 'aangetoond … dat de zorg niet passend is' (not 'blijkt dat … voldoende …': a test left open)
            if missing is not TERM and (_EXAMPLES_RE.match(doc.text, end) or
                                        missing is DEFINITION and _EXAMPLES_AFTER_RE.match(doc.text, end)):
                continue  # 'in bijzondere situaties zoals: a. …', 'een passende oplossing, zoals …': what it means follows
            if phrase in _AIM_PHRASES and _AIM_RE.match(doc.text, end) and _AIM_SUBJECT_RE.search(doc.text, s.start, start):
                continue  # 'dat jongeren zoveel mogelijk gezond en veilig kunnen opgroeien': an aim for all
            if phrase in _NEED_PHRASES and _FOR_WHAT_RE.match(doc.text, end):
                continue  # 'voor zover nodig voor de uren waarop hij werkt': what it is needed for is the criterion
            if s.node.kind in ITEM_KINDS and _in_definitions(s.node) and not added_rule():
                continue
            found.append(OpenWords(start, end, missing, written))
    return found
