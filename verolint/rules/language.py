"""Language level: sentences and articles above the target (B2 by default).

The model and its thresholds are documented in verolint/readability.py; the
the hyphenation dictionary and the frequency table are loaded only when these rules run.
"""

from __future__ import annotations

import re

from .. import rx
from ..errors import ConfigError
from ..model import ITEM_KINDS, Category, Severity
from ..rule import Rule
from ..text import Intervals

_OPTIONS = {"target": "B2", "allow": []}
# An item that enumerates: a colon before a list, or three commas
_ENUMERATION_RE = rx.compile(r":\s*\S|(?:,[^,]*){3}")
# A finite verb or an infinitive with 'te': what makes a list item a sentence to read
_VERB_RE = rx.compile(
    r"\b(?:is|zijn|was|waren|wordt|worden|werd|werden|heeft|hebben|had|hadden|kan|kunnen|kunt|moet|moeten|mag|mogen"
    r"|zal|zullen|wil|willen|krijgt|krijgen|geeft|geven|gaat|gaan|doet|doen|komt|komen|staat|staan|blijft|blijven"
    r"|betaalt|betalen|ontvangt|ontvangen|woont|wonen|valt|vallen|geldt|gelden|bestaat|bestaan)\b|\bte\s+\w+en\b", re.I)


def jargon(settings, registry):
    """A matcher over every language-level substitution pack in ``registry``
    (the shipped jargon pack and the drafter's own) that the settings do not
    switch off, with their options; and the words they allow."""
    from ..kinds import Matcher
    from ..selection import is_ignored

    phrases, patterns, allow, guarded = [], [], set(), False
    for rule in registry.sorted():
        if getattr(rule, "kind", None) != "substitution" or rule.category is not Category.LANGUAGE_LEVEL:
            continue
        if settings is not None and is_ignored(rule, settings):
            continue
        configured = rule.configured(settings.rule_options.get(rule.code) if settings is not None else None)
        phrases.extend(configured.phrases)
        patterns.extend(configured.patterns)
        allow |= configured.allow
        guarded = guarded or configured.match.guarded
    matcher = Matcher(phrases, patterns, guarded=guarded) if phrases or patterns else None
    return matcher, frozenset(allow)


def analyzer_for(rule: Rule, ctx):
    """The language model for this rule's options and the file's jargon
    packs (one per run for each combination)."""
    from ..readability import Analyzer

    settings = ctx.settings
    allow_option = tuple(sorted(str(a).casefold() for a in rule.options.get("allow") or []))
    key = (
        "language", rule.options["target"], allow_option,
        None if settings is None else (
            settings.rule_packs, settings.plugins, settings.select, settings.extend_select, settings.ignore,
            repr(sorted(settings.rule_options.items())),
        ),
    )

    def make():
        registry = ctx.run.registry(settings)
        matcher, allow = jargon(settings, registry)
        return Analyzer(rule.options["target"], matcher, allow=frozenset(allow | set(allow_option)))

    return ctx.run.shared(key, make)


class _LanguageRule(Rule):
    category = Category.LANGUAGE_LEVEL
    options = dict(_OPTIONS)

    def phrase_matchers(self, ctx):
        jargon = analyzer_for(self, ctx).jargon
        return [jargon.phrases] if jargon is not None and jargon.phrases else []

    def validate_options(self, where) -> None:
        if self.options.get("target") not in ("B1", "B2"):
            raise ConfigError(f"regel {self.code}: target moet B1 of B2 zijn", *where)


class SentenceLevel(_LanguageRule):
    """Een zin boven het doelniveau (standaard B2), met de redenen.

    Wat het controleert
        Elke zin en elk onderdeel van een opsomming in de regeltekst krijgt een
        niveau (B1 of lager, B2, C1+) op grond van zinslengte, Flesch-Douma
        (lettergrepen via textstat met Nederlandse afbreekpatronen),
        woordfrequentie (een Nederlandse frequentielijst, afgeleid van wordfreq), ambtelijke woorden uit de jargonpakketten,
        naamwoordstijl, lijdende vorm, gestapelde bijzinnen, uitgebreide
        bepalingen ('de in aanmerking te nemen bezittingen'), onderbroken
        zinnen (een tussenzin tussen onderwerp en werkwoord: 'Het bedrag is,
        tenzij …, nooit hoger dan …') en lange samenstellingen. Een zin boven het doelniveau wordt
        gemeld met zijn redenen en, waar een standaard-herschrijving bestaat,
        het alternatief. Een eigen definitie wordt gelezen zonder het begrip
        ervoor; niet gelezen worden de vaste formules van de
        begripsbepalingen ('In deze verordening wordt verstaan onder:', 'Alle
        begrippen die … hebben dezelfde betekenis als in …'), een definitie in
        de woorden van de wet of die DEF001 of DEF003 meldt (die hoort weg of
        hoort te verwijzen; herformuleren spreekt dat tegen), koppen, wetsnamen, e-mail- en webadressen,
        adressen en tabellen (regels van een paar woorden zonder punt) en de
        toelichting tellen niet mee, en evenmin een kort onderdeel van een
        opsomming dat zaken opsomt zonder een gewoon werkwoord ('•
        Auto-accessoires: airconditioning, stuurbekrachtiging, …'); een ambtelijk woord telt niet ook nog als
        moeilijk woord. Dit is geen LiNT-score: het model staat beschreven in
        verolint/readability.py en is gemeten in benchmarks/bench_language.py.

    Waarom
        De omgekeerde verordening is ook informatie voor inwoners, die haar
        lezen tijdens het gesprek met de consulent. Gemeenten mikken op B2 of
        B1; een zin op C1-niveau is voor de meeste volwassenen te moeilijk.

    Voorbeeld
        Indien alsmede onverminderd het bepaalde in artikel 4 een voorziening wordt
        verstrekt, geschiedt zulks ter verkrijging van de in artikel 3 bedoelde
        maatwerkvoorziening.

    Beter
        U krijgt de voorziening uit artikel 3. Artikel 4 blijft ook gelden.

    Opties
        target: B2 (standaard) of B1. allow: woorden die niet als moeilijk of
        ambtelijk tellen.
    """

    code = "LNG001"
    name = "zin-boven-niveau"
    severity = Severity.WARNING
    profile_severity = {"classic": Severity.INFO}

    def check(self, doc, ctx):
        analyzer = analyzer_for(self, ctx)
        target = analyzer.target
        superseded = Intervals(ctx.analysis.superseded_definitions)
        for unit in analyzer.analyze(ctx.analysis):
            if not analyzer.above(unit):
                continue
            if unit.start in superseded:
                continue  # a definition DEF001 says to delete or DEF003 to replace by the law's: no rewording advice
            if unit.node.kind in ITEM_KINDS and unit.words < 20 and _ENUMERATION_RE.search(doc.text, unit.start, unit.end) \
                    and not _VERB_RE.search(doc.text, unit.start, unit.end):
                continue  # an item that enumerates things ('• Auto-accessoires: airconditioning, stuurbekrachtiging, …')
                # is no sentence
            reasons = "; ".join(unit.reasons) or f"Flesch-Douma {unit.fd:.0f}"
            hint = "; ".join(dict.fromkeys(unit.suggestions)) or "Maak de zin korter en gebruik gewone woorden."
            yield ctx.finding(
                unit.start, unit.end,
                f"zin boven {target} (niveau {unit.level}): {reasons}",
                node=unit.node,
                suggestion=hint,
            )
        _store_summary(ctx, analyzer)


class ArticleLevel(_LanguageRule):
    """Een artikel boven het doelniveau: te veel moeilijke zinnen.

    Wat het controleert
        Per artikel het niveau van de zinnen samen: C1+ als minstens een derde
        van de zinnen (en minstens twee, of de enige) C1+ is; B2 op dezelfde
        manier. Een artikel boven het doelniveau krijgt één melding met het
        aandeel moeilijke zinnen, de Flesch-Douma van het hele artikel en de
        belangrijkste oorzaken. 'verolint check --statistics' toont dit
        overzicht voor alle artikelen.

    Waarom
        Een jurist of schrijver ziet zo in één oogopslag welke artikelen eerst
        herschreven moeten worden.

    Voorbeeld
        Een artikel waarvan drie van de vier zinnen lijdend en lang zijn.

    Beter
        Herschrijf de zinnen die LNG001 meldt; begin met de belangrijkste oorzaak.

    Opties
        target: B2 (standaard) of B1; zonder eigen instelling volgt LNG002 het
        doelniveau van LNG001.
    """

    code = "LNG002"
    name = "artikel-boven-niveau"
    severity = Severity.INFO

    def check(self, doc, ctx):
        from ..readability import above_target, article_summaries

        rule = self
        shared = (ctx.settings.rule_options.get("LNG001") or {}) if ctx.settings is not None else {}
        own = (ctx.settings.rule_options.get(self.code) or {}) if ctx.settings is not None else {}
        if "target" in shared and "target" not in own:  # set the target once, on LNG001
            rule = self.configured({"target": shared["target"]})
        analyzer = analyzer_for(rule, ctx)
        arts, _ = article_summaries(ctx.analysis, analyzer)
        for s in arts:
            if above_target(s.level, analyzer.target) and s.node is not None:
                fd = f", Flesch-Douma {s.fd:.0f}" if s.fd is not None else ""
                why = f"; vooral: {', '.join(s.reasons)}" if s.reasons else ""
                yield ctx.at_node(
                    s.node,
                    f"{s.path} ligt boven {analyzer.target} (niveau {s.level}): {s.above} van {s.units} zinnen "
                    f"boven {analyzer.target}{fd}{why}",
                )
        _store_summary(ctx, analyzer)


def _store_summary(ctx, analyzer) -> None:
    """Article and document levels for 'check --statistics' and the JSON report."""
    if "language" in ctx.stats:
        return
    from ..readability import article_summaries

    arts, whole = article_summaries(ctx.analysis, analyzer)
    ctx.stats["language"] = {
        "target": analyzer.target,
        "document": {"level": whole.level, "units": whole.units, "above": whole.above, "fd": whole.fd},
        "articles": [
            {"path": s.path, "level": s.level, "units": s.units, "above": s.above, "fd": s.fd, "reasons": s.reasons}
            for s in arts
        ],
    }
