"""Rigid exclusion clauses: rules that shut out a provision, a need or a group
and so block maatwerk, judged against the document's hardship clause."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

from .. import rx
from ..legal import (DECIDER, LAW_RE, NUMBER, has_judgement, has_way_out, way_out_in, law_is_ground, leaves_room,
                     list_lead_in, may_cite_law)
from ..model import ITEM_KINDS, Category, Kind, Severity
from ..rule import Rule
from ..statutes import index_for
from ..statutes.match import MIN_WORDS, sentence_match
from ..statutes.shingles import numbers_with_units, shared_quantities
from ..statutes.topics import restates_limit
from ..text import Sentence

_V = (r"(?:verstrekt|verleend|toegekend|vergoed|gegeven|geboden|betaald|geleverd|geïndiceerd|aangepast|ingezet"
      r"|toegelaten|vervangen|gehonoreerd|ingewilligd|toegewezen|verstrekken|verlenen|toekennen|vergoeden|bieden|betalen"
      r"|indiceren|inzetten|toelaten)")
# 'niet', not 'om niet' (free of charge: 'wordt de bijstand om niet verleend')
_NIET = r"(?<!\bom\s)niet"
# the ones that give help (legal.DECIDER): "het college verstrekt geen", "verstrekt de gemeente geen"
_ACTIVE = r"(?:verstrekt|verstrekken|verleent|verlenen|vergoedt|vergoeden|betaalt|betalen|biedt|bieden|kent|kennen|geeft|geven|zet|zetten|indiceert)"
EXCLUSION_PATTERNS = [
    (rx.compile(r"\b(?:wordt|worden)\s+(?:(?!en\b|of\b|in\s+geen\b)[^\s.;:]+\s+){0,4}?geen\b[^.;:]{0,80}?\b%s\b" % _V, re.I), "wordt geen … verstrekt"),
    (rx.compile(r"\bgeen\s+[^.;:]{0,60}?\b(?:wordt|worden)\s+%s\b" % _V, re.I), "geen … wordt verstrekt"),
    (rx.compile(r"\b(?:wordt|worden)\s+(?:\S+\s+){0,5}?%s\s+(?:\S+\s+){0,3}?%s\b" % (_NIET, _V), re.I), "wordt niet verstrekt"),
    # the same in a clause with 'dat' (verb last): 'het is van belang te weten dat kosten voor het verwijderen van
    # woningaanpassingen niet vanuit de Wmo 2015 worden vergoed' (not a condition: 'als … niet wordt verstrekt')
    (rx.compile(r"\bdat\s+(?:(?!als\b|indien\b|wanneer\b|zolang\b)[^\s.;:,]+\s+){1,10}?(?P<limit>%s\s+"
                r"(?!eerder\b|later\b|langer\b|meer\b|alleen\b|tijdig\b|op\s+tijd\b)(?:(?!en\b|of\b)[^\s.;:,]+\s+){0,4}?"
                r"(?:wordt|worden)\s+%s)\b" % (_NIET, _V), re.I), "wordt niet verstrekt"),
    (rx.compile(r"\b%s\s+(?:\S+\s+){0,2}?%s\s+(?:\S+\s+){0,3}?(?:geen|%s)\b" % (DECIDER, _ACTIVE, _NIET), re.I), "verstrekt geen"),
    # (the object first: 'Zulke voorzieningen verstrekt de gemeente vanuit de Wmo 2015 niet'; no clause between)
    (rx.compile(r"\b%s\s+%s\s+(?:(?!die\b|dat\b|als\b|indien\b|wanneer\b|en\b|of\b)[^\s,;]+\s+){0,5}?(?:geen|%s)\b"
                % (_ACTIVE, DECIDER, _NIET), re.I), "verstrekt geen"),
    (rx.compile(r"\b(?:komt|komen)\s+(?:\S+\s+){0,3}?(?:niet|nooit|in\s+geen\s+geval)\s+(?:\S+\s+){0,5}?in\s+aanmerking\b", re.I), "komt niet in aanmerking"),
    (rx.compile(r"\bgeen\s+(?:recht|aanspraak)\s+(?:meer\s+)?op\b|\bniet\s+langer\s+(?:recht|aanspraak)\s+op\b", re.I), "geen recht op"),
    (rx.compile(r"\bin\s+geen\s+geval\b|\bonder\s+geen\s+beding\b|\bnimmer\b|\bnooit\b", re.I), "nooit"),
    (rx.compile(r"\b(?:is|zijn|wordt|worden)\s+(?:\S+\s+){0,4}?uitgesloten\b|\buitgesloten\s+(?:van|zijn|is)\b", re.I), "is uitgesloten"),
    # a scheme closed to a group: 'Voor studenten geldt deze regeling niet', 'zijn van deze regeling uitgezonderd'
    (rx.compile(r"\b(?:regeling|verordening|voorziening|vergoeding|toeslag|tegemoetkoming)\s+(?:\S+\s+){0,2}?(?:geldt|gelden)"
                r"\s+(?:\S+\s+){0,2}?niet\s+voor\b|\bvoor\s+[^.;:]{1,60}?\s(?:geldt|gelden)\s+(?:deze|die|dit|de)\s+(?:regeling"
                r"|voorziening|vergoeding|toeslag|tegemoetkoming)\s+niet\b"
                r"|\b(?:is|zijn)\s+(?:\S+\s+){0,4}?uitgezonderd\b"
                r"|\b(?:is|zijn)\s+niet\s+van\s+toepassing\s+op\s+(?:\S+\s+){0,2}?(?:personen|inwoners|cliënten|belanghebbenden"
                r"|aanvragers|studenten|jongeren|ouderen|ondernemers|zelfstandigen|gezinnen|huishoudens|bewoners|mensen"
                r"|kinderen|jeugdigen)\b", re.I), "geldt niet voor"),
    (rx.compile(r"\b(?:is|zijn)\s+niet\s+(?:mogelijk|van\s+toepassing\s+(?:op|bij|voor|in))\b"
                # the help named between the verb and 'mogelijk': 'Voor studenten is een toeslag niet mogelijk', 'is geen
                # bijzondere bijstand mogelijk' (not the inverted condition 'Is er geen andere oplossing mogelijk, dan …',
                # nor 'is het niet mogelijk': the resident's ability)
                r"|(?<=\w\s)(?:is|zijn)\s+(?!het\b|dat\b|dit\b)(?:er\s+)?(?:geen\s+(?:[^\s.;:,]+\s+){0,3}?"
                r"|(?:[^\s.;:,]+\s+){1,3}?niet\s+)mogelijk\b", re.I), "is niet mogelijk"),
    # a definition that leaves something out: "Onder meerkosten worden niet de kosten van de dierenarts verstaan"
    (rx.compile(r"\b(?:wordt|worden)\s+niet\s+[^.;:]{0,80}?\bverstaan\b"
                # (not the scope of a word: 'Niet-inwonende kinderen vallen niet onder de definitie')
                r"|\b(?:hoort|horen|valt|vallen)\s+(?:er\s+)?niet\s+(?:bij|onder)\b"
                r"(?!\s+(?:de|deze|die|dit|het)\s+(?:definitie|omschrijving|begrip)\b)", re.I), "valt er niet onder"),
    # what a budget may not pay for: 'Het pgb mag niet worden besteed aan:', 'De volgende zaken mogen niet uit het pgb worden
    # betaald:' (not how something may be used: 'De scootmobiel mag niet door anderen worden gebruikt')
    (rx.compile(r"\bkan\s+niet\s+(?:\S+\s+){0,2}?(?:besteed|gebruikt|ingezet)\b"
                r"|\b(?:mag|mogen)\s+niet\s+(?!eerder\b|later\b|langer\b|meer\b|vaker\b)(?:\S+\s+){0,4}?(?:worden\s+)?"
                r"(?:besteed|betaald|vergoed)\b(?!\s+(?:dan|voordat|nadat)\b)", re.I),
     "kan niet worden besteed"),
    (rx.compile(r":\s*geen\s+(?:vergoeding|pgb|voorziening|bijstand|hulp|toeslag|tegemoetkoming)\b", re.I), "geen vergoeding"),
    # the omgekeerde phrasing: "krijgt geen", "is er niet voor", "vergoeden we niet", "helpen we niet"
    (rx.compile(r"\b(?:krijgt|krijgen|ontvangt|ontvangen)\s+(?:(?!en\b|of\b)[^\s,;]+\s+){0,3}?geen\b"
                r"|\b(?:kan|kunnen)\s+(?:(?!en\b|of\b)[^\s,;]+\s+){0,2}?geen\s+[^.;:]{0,60}?\b(?:krijgen|ontvangen)\b"
                r"|\b(?:krijgt|krijgen|ontvangt|ontvangen)\s+(?:u|hij|zij|jij)\s+(?:(?!en\b|of\b)[^\s,;?]+\s+){0,4}?niet\b"
                r"(?!\s+(?:alleen|op\s+tijd|meteen|direct|binnen)\b)", re.I), "krijgt geen"),
    (rx.compile(r"\b(?:is|zijn)\s+er\s+niet\s+(?:voor|bij)\b", re.I), "is er niet voor"),
    # a kind of help declared unfit for a form of help: 'Gespecialiseerde jeugdhulp leent zich vanwege haar
    # specialistische karakter niet voor een pgb'
    (rx.compile(r"\b(?:leent|lenen)\s+zich\s+(?:[^.;:]{0,80}?\s)?niet\s+(?:goed\s+)?voor\b", re.I), "leent zich niet voor"),
    (rx.compile(r"\b(?:vergoeden|betalen|verstrekken|geven|bieden|helpen|ondersteunen)\s+(?:we|wij)\s+(?:\S+\s+){0,2}?(?:%s|nooit|geen)\b"
                r"|\b(?:we|wij)\s+(?:vergoeden|betalen|verstrekken|geven|bieden|helpen|ondersteunen)\s+(?:\S+\s+){0,3}?(?:%s|nooit|geen)\b(?!\s+alleen\b)"
                % (_NIET, _NIET), re.I), "vergoeden we niet"),
    # a right that lapses: 'het recht op de toeslag vervalt als …'
    # (not a right that ends with what ends it anyway: death, moving away, the end of its term)
    (rx.compile(r"\b(?:het\s+recht|de\s+aanspraak)\s+(?:op\s+[^.;:]{1,60}?\s)?vervalt\b(?!\s+niet\b)(?![^.;]*\b(?:overlijden|overleden"
                r"|verhuizing|verhuist|vertrek|einde|afloop)\b)"
                r"|\bvervalt\s+(?:het\s+recht|de\s+aanspraak)\b(?!\s+niet\b)(?![^.;]*\b(?:overlijden|overleden|verhuizing|verhuist"
                r"|vertrek|einde|afloop)\b)", re.I), "recht vervalt"),
    (rx.compile(r"\buitsluitend\b[^.;:]{0,80}?\b(?:indien|als|wanneer|voor|aan|bij|in)\b", re.I), "uitsluitend … als"),
    (rx.compile(r"\b(?:slechts|alleen|enkel)\s+(?:\S+\s+){0,5}?(?:indien|als|wanneer|mits)\b"
                r"|\b(?:slechts|alleen|enkel)\s+(?:\S+\s+){0,4}?in\s+aanmerking\s+(?:bij|voor|na)\s+(?:de\s+|het\s+|een\s+)?[\w-]+"
                # a place or a moment ('wordt alleen verstrekt in de hoofdverblijfplaats'); to whom or for what
                # ('alleen verstrekt aan de jeugdige ten behoeve van …') binds help to its purpose, after or until what ('alleen
                # verstrekt na een huisbezoek', 'tot het einde van het kalenderjaar') is procedure or a period
                r"|\b(?:slechts|alleen|enkel)\s+%s\s+(?:in|bij|binnen)\s+(?:de\s+|het\s+|een\s+)?[\w-]+" % _V +
                r"|\b(?:slechts|alleen|enkel)\s+(?:\S+\s+){0,2}?%s\s+(?:aan|voor)\s+(?:\S+\s+){0,2}?[^\s,]+(?=\s+die\b)" % _V +
                # only a group has the right: 'Uitsluitend alleenstaanden hebben recht op de toeslag', 'Alleen inwoners met
                # een laag inkomen kunnen een beroep doen op de regeling' (at the start: 'die alleen wonen' is no restriction)
                r"|^\W*(?:slechts|alleen|uitsluitend|enkel)\s+(?:[^\s.;:,]+\s+){1,8}?(?:(?:heeft|hebben)\s+recht\s+op"
                r"|(?:komt|komen)\s+(?:\S+\s+){0,3}?in\s+aanmerking|(?:kan|kunnen)\s+(?:\S+\s+){0,3}?(?:beroep\s+doen\s+op"
                r"|aanspraak\s+maken\s+op|aanvragen|krijgen|ontvangen))\b"
                # only in a situation: 'Alleen in langdurige zorgsituaties kan sprake zijn van bovengebruikelijke hulp',
                # 'Alleen bij een medische noodzaak wordt een scootmobiel verstrekt' (not how: 'Alleen in overleg met …')
                # (the finding names the situation, the group 'limit')
                r"|^\W*(?P<limit>(?:slechts|alleen|uitsluitend|enkel)\s+(?:in|bij)\s+(?!(?:goed\s+)?overleg\b|samenspraak\b"
                r"|samenwerking\b)(?:[^\s.;:,]+\s+){0,5}?[^\s.;:,]+)\s+(?:kan|kunnen|is|zijn|wordt|worden|komt|komen|bestaat|heeft"
                r"|hebben)\b"
                # (what follows names the help, or the right to it)
                r"(?=(?:\s+[^\s.;:,]+){0,6}?\s+(?:verstrekt|toegekend|vergoed|verleend|ingezet|aanmerking|recht|aanspraak"
                r"|sprake\s+van|[\w-]*hulp|[\w-]*voorziening\w*|bijstand|vergoeding|pgb|toeslag|tegemoetkoming"
                r"|[\w-]*ondersteuning)\b)", re.I), "alleen als"),
    # no claim: 'u kunt geen beroep doen op een vervoersvoorziening' (not 'kan geen beroep doen op zijn netwerk':
    # unable to, a condition of help)
    (rx.compile(r"\b(?:kan|kunt|kunnen)\s+(?:(?!en\b|of\b)[^\s,;]+\s+){0,2}?geen\s+(?:beroep\s+(?:\S+\s+)?doen\s+op"
                r"|aanspraak\s+(?:\S+\s+)?maken\s+op)\b(?!\s+(?:\S+\s+){0,2}?(?:netwerk|mantelzorg\w*|familie|huisgeno\w*"
                r"|partner|ouders|omgeving)\b)", re.I), "kunt geen beroep doen op"),
    # 'dan kunt u geen gebruik maken van de regeling' (not 'kan geen gebruik maken van een collectieve voorziening':
    # unable to, a condition of help)
    (rx.compile(r"\b(?:kan|kunt|kunnen)\s+(?:(?!en\b|of\b)[^\s,;]+\s+){0,2}?geen\s+gebruik\s+(?:(?:meer\s+)?worden\s+gemaakt"
                r"|(?:\S+\s+)?maken)\s+van\s+"
                r"(?:de|deze|het|dit)\s+(?:regeling|toeslag|vergoeding|tegemoetkoming|collectieve\s+zorgverzekering)\b", re.I),
     "kunt geen gebruik maken van"),
    # a scheme not meant for a group: 'De toeslag is niet bedoeld voor mensen met een eigen bedrijf'
    (rx.compile(r"\b(?:is|zijn)\s+niet\s+bedoeld\s+voor\s+(?:\S+\s+){0,2}?(?:personen|inwoners|cliënten|belanghebbenden"
                r"|aanvragers|studenten|jongeren|ouderen|ondernemers|zelfstandigen|gezinnen|huishoudens|bewoners|mensen"
                r"|kinderen|jeugdigen)\b", re.I), "is niet bedoeld voor"),
    # maatwerk closed off in so many words: 'Er zijn geen uitzonderingen mogelijk', 'zonder uitzondering'
    (rx.compile(r"\bgeen\s+uitzondering(?:en)?\s+(?:\S+\s+)?(?:mogelijk|gemaakt|toegestaan)\b"
                r"|\buitzondering(?:en)?\s+(?:is|zijn)\s+niet\s+mogelijk\b|\bzonder\s+(?:enige\s+)?uitzondering\b"
                r"|\b(?:kan|kunnen|mag|mogen)\s+niet\s+(?:\S+\s+){0,2}?worden\s+afgeweken\b", re.I),
     "geen uitzonderingen"),
    # the room to waive or deviate closed off: 'Het college kan niet van invordering afzien indien:', 'Hiervan kan niet
    # worden afgeweken' (a power the college does not have)
    (rx.compile(r"\b(?:%s\s+(?:kan|kunnen|mag|mogen)|(?:kan|kunnen|mag|mogen)\s+%s)\s+(?:\S+\s+){0,2}?niet\s+(?:\S+\s+){0,5}?"
                r"(?:afzien|afwijken|kwijtschelden)\b" % (DECIDER, DECIDER), re.I), "kan niet afzien"),
    # the same in the modal passive: 'Een tweede scootmobiel kan niet worden verstrekt', 'kunnen niet worden vergoed'
    # (not a moment: 'kan niet eerder worden verleend dan de dag van de melding')
    (rx.compile(r"\b(?:kan|kunnen)\s+(?:(?!en\b|of\b)[^\s.;:]+\s+){0,4}?%s\s+(?!eerder\b|later\b|langer\b|meer\b)"
                r"(?:\S+\s+){0,2}?(?:worden\s+%s\b|%s\s+worden\b)(?!\s+(?:dan|voordat|nadat)\b)" % (_NIET, _V, _V), re.I),
     "kan niet worden verstrekt"),
    # what a grant leaves out: 'Uitgezonderd van bijzondere bijstand zijn de kosten van …', 'verleent bijzondere bijstand
    # voor noodzakelijke kosten, met uitzondering van de kosten van …'
    (rx.compile(r"^\W*uitgezonderd\s+(?:van\b|zijn\b|is\b)"
                r"|\b(?:%s|%s)\b[^.;:]{0,120}?,?\s+(?P<limit>met\s+uitzondering\s+van\s+(?:de\s+|het\s+)?(?:kosten|\w*voorziening"
                r"|hulp|vergoeding|bijstand|pgb|\w*aanpassing))" % (_ACTIVE, _V), re.I),
     "met uitzondering van"),
    # a part of the help left to the resident: 'De cliënt is zelf verantwoordelijk voor vervoer van en naar de instelling'
    # (not a first responsibility: 'zijn zelf primair verantwoordelijk', 'in eerste instantie zelf verantwoordelijk zijn')
    (rx.compile(r"\b(?P<limit>(?:cliënt|client|inwoner|aanvrager|belanghebbende|jeugdige|ouders?|ouder\(s\)|verzorgers?"
                r"|budgethouder|gezin|u|je|jij|hij|zij)\s+(?:is|zijn|bent|blijft|blijven)\s+(?:altijd\s+|volledig\s+|geheel\s+)?"
                r"zelf\s+verantwoordelijk\s+voor)\b", re.I), "zelf verantwoordelijk"),
]
# "alleen als" / "uitsluitend" close something off only when the sentence is about
# help a resident can get (not about how a body deliberates or uses data).
_NARROW_LABELS = {"uitsluitend … als", "alleen als", "is niet mogelijk", "nooit", "kunt geen beroep doen op",
                  "zelf verantwoordelijk"}
# restrictions that bind a power too: "het college kan uitsluitend … verlenen als"
_RESTRICTING = {"uitsluitend … als", "alleen als"}
_PROVISION_RE = rx.compile(
    r"(?=[abcdghkoprstuvwz])(?:"  # (the first letters of the words below: elsewhere nothing more is tried)
    r"voorziening|bijstand|hulp|ondersteuning|vergoed|verstrek|verleen|verleend|toeslag|budget|pgb|aanmerking"
    r"|recht\s+op|premie|subsidie|uitkering|aanpassing|vervoer|zorg|begeleiding|dagbesteding|schuld|kwijtschel|\bvervang"
    r"|scootmobiel|rolstoel|hulpmiddel|huishoud|taxi|hardheidsclausule|afwijkingsbevoegdheid|mantelzorg"
    r"|afzien|buurtrecht|tegemoetkoming|toegekend|aanbied|aangeboden|traject|re-integratie|participatieplaats"
    # 'wij betalen maximaal …', 'betaalt de gemeente' (not 'u betaalt', nor 'terugbetalen')
    r"|\b(?:we|wij|gemeente|college)\s+(?:\S+\s+){0,2}?(?:betaalt|betalen)\b|\b(?:betaalt|betalen)\s+(?:we|wij|de\s+gemeente|het\s+college)\b)",
    re.I,
)
_NUM = NUMBER
_UNIT = (r"(?:euro|uur|uren|dagdelen|dagdeel|dagen|weken|week|maanden|maand|jaar|keer|procent|%|personen|persoon|ritten|kilometer|km"
         r"|m2|m²|vierkante\s+meters?|meters?)")
_CMP = r"(?:tot|boven|onder|hoger\s+(?:is\s+|was\s+)?dan|lager\s+(?:is\s+|was\s+)?dan|ten\s+hoogste|maximaal|hoogstens|niet\s+meer\s+dan|minder\s+dan|meer\s+dan)"
_MONEY = r"(?:€|EUR|euro)\s*\d+(?:[.,]\d+)*"
THRESHOLD_PATTERNS = [
    (rx.compile(r"\b(?:jonger|ouder)\s+(?:is\s+|bent\s+|zijn\s+)?dan\s+\d+\s+jaar\b", re.I), "leeftijdsgrens"),
    (rx.compile(r"\b(?:tot|vanaf)\s+de\s+leeftijd\s+van\s+\d+\s+jaar\b", re.I), "leeftijdsgrens"),
    (rx.compile(r"\b\d+\s+jaar\s+(?:en|of)\s+(?:ouder|jonger)\b", re.I), "leeftijdsgrens"),
    # a deadline on the resident's application (not one the college must meet)
    (rx.compile(r"\b(?:aanvraag|verzoek|melding)\b[^.;]{0,80}?\bniet\s+(?:later|eerder)\s+dan\b"
                # the resident must hand it in within a term: 'De aanvraag moet binnen drie maanden … worden ingediend'
                r"|\b(?:aanvraag|verzoek)\b[^.;]{0,40}?\b(?:moet|moeten|dient|dienen)\s+(?:\S+\s+){0,3}?binnen\s+%s\s+(?:dagen|weken"
                r"|maanden|jaar)\b[^.;]{0,80}?\b(?:ingediend|indienen)\b"
                r"|\b(?:moet|moeten|dient|dienen)\s+(?:\S+\s+){0,4}?(?:aanvraag|verzoek)\s+(?:\S+\s+){0,3}?binnen\s+%s\s+(?:dagen|weken"
                r"|maanden|jaar)\b" % (_NUM, _NUM), re.I), "aanvraagtermijn"),
    (rx.compile(r"\bbinnen\s+een\s+(?:straal|afstand)\s+van\s+%s\s*(?:km|kilometer|meter)\b" % _NUM, re.I), "afstandsgrens"),
    (rx.compile(r"\bpas\s+(?:\S+\s+){0,3}?(?:na|vanaf|nadat)\s+(?:\S+\s+){0,3}?%s\s+(?:dagen|weken|maanden|jaar|jaren)\b" % _NUM,
                re.I), "wachttijd"),
    (rx.compile(r"\b%s\s+\d+(?:[.,]\d+)?\s*(?:%%|procent)\s+van\s+(?:de\s+|het\s+)?(?:\w+\s+){0,2}?(?:bijstandsnorm|norm|minimumloon"
                r"|minimum|minimuminkomen)\b" % _CMP, re.I), "inkomensgrens"),
    (rx.compile(r"(?:\b(?:maximaal|ten\s+hoogste|hoogstens|hooguit|niet\s+meer\s+dan|niet\s+langer\s+dan|niet\s+vaker\s+dan"
                r"|meer\s+dan|maximum\s+van)|\bmax\.)\s+(?:%s|%s(?:\s*[-–]\s*\d+)?(?:\s*%%|\s+%s))" % (_MONEY, _NUM, _UNIT), re.I),
     "harde grens"),
    # a number of things: 'maximaal één scootmobiel per huishouden', 'ten hoogste twee aanpassingen'
    (rx.compile(r"\b(?:maximaal|ten\s+hoogste|hoogstens|niet\s+meer\s+dan)\s+(?:één|1|twee|2|drie|3)\s+(?!van\b|per\b)[^\W\d_]{4,}",
                re.I), "harde grens"),
    (rx.compile(r"\b(?:tot\s+)?(?:het|een)\s+maximum(?:bedrag|termijn|duur|aantal)?\s+van\b", re.I), "harde grens"),
    # (words may stand between the verb and the limit: 'bedraagt tezamen met de norm niet meer dan de norm';
    # the finding names the limit itself, the group 'limit')
    (rx.compile(r"\b(?:bedraagt|is)\s+(?:[^.;:]{0,80}?\s)??(?P<limit>(?:ten\s+hoogste|maximaal|niet\s+meer\s+dan|nooit\s+meer\s+dan|nooit\s+hoger\s+dan)\s+(?:de|het)\s+(?:\w+e\s+){0,2}\w+)", re.I), "harde grens"),
    # the same limit in the word order of a subordinate clause: 'voor zover de vergoeding meer bedraagt dan € 47.500'
    (rx.compile(r"\b(?:meer|hoger)\s+(?:bedraagt|bedragen|is|zijn)\s+dan\s+(?:%s|%s\s+%s)" % (_MONEY, _NUM, _UNIT), re.I), "harde grens"),
    (rx.compile(r"\b(?:ten\s+minste|minimaal|minstens)\s+(?:%s|%s\s+(?:\S+\s+)?%s\b)" % (_MONEY, _NUM, _UNIT), re.I), "ondergrens"),
    (rx.compile(r"\bslechts\s+(?:voor\s+|aan\s+)?(?:één|een|twee|drie|\d+)\s+(?:persoon|personen|keer|maal|voorziening|aanvraag|kind)\b"
                r"|\bslechts\s+(?:eenmaal|eenmalig|tweemaal)\b"
                r"|\bslechts\s+(?:voor\s+|aan\s+)?(?:één|twee|drie|\d+)\s+[a-zé]{3,}", re.I), "harde grens"),
    (rx.compile(r"\b(?:maximaal|ten\s+hoogste|hoogstens)\s+(?:\d+(?:[.,]\d+)?|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf"
                r"|twintig)\s+[a-zé]{3,}", re.I), "harde grens"),
    # the maximum named as such: 'De maximale vergoeding … is € 3.000', 'Het maximumbedrag … bedraagt € 5.000', 'Het
    # bedrag dat als maximum wordt verstrekt … bedraagt € 5.000', 'Het maximaal te verstrekken bedrag is € 5.000'
    (rx.compile(r"\b(?:de\s+|het\s+)?(?:maximale|maximum(?:bedrag|aantal|duur|termijn|vergoeding)?|maximaal\s+te\s+\w+)\s+"
                r"(?:[^.;:]{0,100}?\s)??(?:is|bedraagt|bedragen)\s+(?:%s|\d+(?:[.,]\d+)?(?:\s+%s)?)" % (_MONEY, _UNIT),
                re.I), "harde grens"),
    (rx.compile(r"\b(?:eenmalig|(?:eenmaal|één\s+keer|eens)\s+(?:per|in\s+de)(?:\s+%s)?(?:\s+%s)?)\b" % (_NUM, _UNIT), re.I),
     "harde grens"),
    (rx.compile(r"\bgemaxim(?:eerd|aliseerd)\s+(?:op|tot)\b(?:\s+(?:%s|%s(?:\s+%s)?))?" % (_MONEY, _NUM, _UNIT), re.I),
     "harde grens"),
    # 'is beperkt tot 3 uur per week' (a number: 'beperkt tot de kosten van …' is no cap)
    (rx.compile(r"\b(?:beperkt|begrensd|gelimiteerd)\s+(?:tot|op)\s+(?:%s|%s\s+%s)\b" % (_MONEY, _NUM, _UNIT), re.I),
     "harde grens"),
    # a cap by what is left to the resident, or on the amount paid: 'kosten boven € 1.000 komen voor eigen rekening',
    # 'vergoedt de kosten tot een bedrag van € 250'
    (rx.compile(r"\b(?:boven|meer\s+dan)\s+(?:%s|%s\s+%s)\s+(?:\S+\s+){0,3}?(?:komt|komen|zijn|is|blijft|blijven)\s+voor\s+"
                r"(?:eigen\s+rekening|rekening\s+van\s+(?:de\s+)?(?:inwoner|cliënt|aanvrager|belanghebbende|ouders))\b"
                # (what is paid, not what is left free: 'giften tot een bedrag van € 1.800 hoeven niet gemeld te worden')
                r"|\b(?:vergoed\w*|betaalt|betalen|verstrekt|verstrekken|verleend|verleent|toegekend|kent|vergoeding|bijstand"
                r"|tegemoetkoming|bijdrage)\b[^.;:]{0,60}?(?P<limit>\btot\s+een\s+bedrag\s+van\s+%s)" % (_MONEY, _NUM, _UNIT, _MONEY),
                re.I), "harde grens"),
    # a cap named as such, set by a measure elsewhere: 'De bovengrens van de maatwerkvoorziening huishoudelijke
    # ondersteuning wordt gevormd door de activiteiten en frequentie die volgen uit het Normenkader'
    (rx.compile(r"\b(?:de\s+)?(?P<limit>bovengrens\s+(?:van|voor|aan)\s+[^.;:]{0,80}?)\s(?:wordt\s+gevormd\s+door|wordt\s+bepaald"
                r"\s+door|is|ligt\s+(?:op|bij)|bedraagt)\b", re.I), "harde grens"),
    # caps stated as a list: 'De vergoeding voor een pgb bedraagt maximaal:' followed by the amounts
    (rx.compile(r"\b(?P<limit>maximaal|ten\s+hoogste|hoogstens|niet\s+meer\s+dan)\s*:\s*$", re.I), "harde grens"),
    (rx.compile(r"\bmet\s+\d+(?:[.,]\d+)?\s*(?:%|procent)\s+(?:\S+\s+){0,3}?verlaagd\b", re.I), "vaste verlaging"),
    (rx.compile(r"\b(?:minder|korter)\s+dan\s+(?:een|één|\d+)\s+(?:jaar|maanden|maand|weken|week)\b", re.I), "duurgrens"),
]
# An exclusion in reported speech: the content of a decision or a notice
_REPORTED_RE = rx.compile(
    r"\b(?:staat|staan|vermeldt|vermelden|beschrijft|motiveert|motiveren|meldt|melden|informeert|geeft\s+aan|legt\s+uit"
    r"|toegelicht|toelichten|uitgelegd|uitleg|reden(?:en)?|doel\s+van\s+dit\s+besluit|te\s+weten\s+komt)\b[^.;]{0,60}?"
    r"\b(?:waarom|of|welke|wanneer|hoe|dat)\b", re.I)
# Percentages and caps that measure a sanction or a repayment are not eligibility limits.
# The same for the means test: how much income counts as draagkracht measures, it does not exclude.
_SANCTION_RE = rx.Gated(r"\bmaatregel|\bboete|\bsanctie|\bafgestemd|\bafstemming|\bverreken|\baflos|\bterugvorder|\bkorting(?:en)?\b"
                        r"|\bverwijtba|\bdraagkracht|\bvorder(?:t|en)\s+(?:\S+\s+){0,6}?terug\b", re.I,
                        # a part of each word, without i and s (which the pattern also reads as 'ı' and 'ſ')
                        ("maatregel", "boete", "anct", "temd", "temm", "verreken", "aflo", "vorder", "kort", "jtba", "draagkracht"))
# What the resident pays or owes: a cap on it protects ("de eigen bijdrage is nooit meer dan de kosten").
# (and what is asked of the resident: a cap on unpaid work or a tegenprestatie protects too)
# 'een bijdrage in de kosten van sport wordt verstrekt' is help given, not a charge
_GIVEN = r"\s+in\s+de\s+kosten\b(?=[^.;]*\b(?:verstrekt|verleend|toegekend|vergoed|krijgt|krijgen|ontvangt|ontvangen)\b)"
_HELP_GIVEN_RE = rx.compile(r"\W*(?:een|de)\s+bijdrage%s" % _GIVEN, re.I)
_CHARGE_RE = rx.compile(r"\beigen\s+bijdrage|\bbijdrage(?!%s)|\bboete|\bverlaging|\bmaatregel|\bvordering|\bterugbetal|\bkosten\s+voor\s+de\s+(?:inwoner|cliënt)"
                        r"|\bschuld(?!hulp|regeling|sanering|dienstverlening)|\baflossing"
                        r"|\b(?:u|de\s+cliënt|de\s+inwoner|de\s+ouders?|hij|zij)\s+(?:\S+\s+){0,2}?betaalt\b|\bbetaalt\s+u\b"
                        r"|\bonbetaald|\btegenprestatie|\bproefplaats|\bproefwerk" % _GIVEN, re.I)
# A presumption in the resident's favour ("worden aanwezig geacht indien …") is no hard limit.
_PRESUMPTION_RE = rx.compile(r"\b(?:aanwezig|noodzakelijk)\s+geacht\b|\bwordt\s+(?:\S+\s+){0,4}?aangenomen\s+dat\b|\bgeldt\s+als\s+vaststaand\b", re.I)


@dataclass(frozen=True)
class Exclusion:
    sentence: Sentence
    start: int
    end: int
    label: str
    threshold: bool


class _Table:
    """Patterns tried in list order (the order says which label wins). Each
    pattern comes with the words it cannot match without: groups of
    lower-case strings, one of each group in the sentence. Most sentences
    have none of them, and a pattern runs only on a sentence that has its
    words (a substring test is far faster than a case-insensitive search).
    The words of each pattern's first group are looked for in every sentence
    (each once); a further group only in a sentence that has the groups
    before it, at most once a sentence."""

    def __init__(self, patterns: list[tuple[re.Pattern, str]], needs: list[tuple[tuple[str, ...], ...]]):
        self.words = tuple(sorted({w for need in needs if need for w in need[0]}))
        # the words present as the bits of one number, a first group as the mask of its words
        self._bits = tuple((w, 1 << i) for i, w in enumerate(self.words))
        bit = dict(self._bits)
        self._later = list(dict.fromkeys(group for need in needs for group in need[1:]))
        index = {group: i for i, group in enumerate(self._later)}
        self.patterns = [(pattern, label, sum(bit[w] for w in set(need[0])) if need else 0,
                          tuple(index[group] for group in need[1:]))
                         for (pattern, label), need in zip(patterns, needs, strict=True)]
        self.unconditional = any(not need for need in needs)  # a pattern that needs no word runs on every sentence

    def first(self, text: str, pos: int = 0):
        """(match, label) of the first pattern that matches (from ``pos``), or (None, None)."""
        low = rx.lowered(text)
        present = 0
        for w, b in self._bits:
            if w in low:
                present |= b
        if not present and not self.unconditional:
            return None, None
        known: list[bool | None] = [None] * len(self._later)  # per further group: one of its words in the text
        for pattern, label, mask, later in self.patterns:
            if mask and not present & mask:  # (mask 0: a pattern that needs no word)
                continue
            for i in later:
                if known[i] is None:
                    known[i] = any(w in low for w in self._later[i])
                if not known[i]:
                    break
            else:
                m = pattern.search(text, pos)
                if m:
                    return m, label
        return None, None


_WORDT = ("wordt", "worden")
_NOT = ("niet", "geen")
# Parts of the verbs of _V and _ACTIVE, and of other alternatives, one in each: they narrow the
# patterns that run.
_V_PARTS = ("trek", "verle", "kend", "kenn", "vergoed", "geve", "boden", "beta", "lever", "ceer", "ceren", "aangepa",
            "zet", "laten", "vervang", "honor", "gew", "eden")
_ACTIVE_PARTS = ("trek", "verle", "vergoed", "beta", "edt", "eden", "kent", "kenn", "geef", "geve", "zet", "ceer")
_UNITS_PARTS = ("dagen", "weken", "maanden", "jaar")
_EXCLUSIONS = _Table(EXCLUSION_PATTERNS, [
    (_WORDT, ("geen",), _V_PARTS), (("geen",), _WORDT, _V_PARTS), (_WORDT, ("niet",), _V_PARTS),
    (("niet",), ("dat",), _WORDT, _V_PARTS), (_NOT, _ACTIVE_PARTS),
    (_NOT, _ACTIVE_PARTS), (("aanmerking",),),
    (("geen", "langer"), ("recht", "aanspraak")), (("geen", "nimmer", "nooit"), ("geval", "bed", "mmer", "noo")),
    (("uitgesloten",),), (("niet", "uitgezonderd"), ("geld", "gezonderd", "toepa")),
    (_NOT, ("mogel", "toepa")), (("niet",), ("verstaan", "bij", "onder"), ("taan", "hor", "val")),
    (("niet",), ("besteed", "gebruikt", "ingezet", "betaald", "vergoed")), (("geen",), (":",)),
    (("geen", "niet"), ("krijg", "ontvang")), (("niet",),), (("leent", "lenen"), ("niet",)),
    (("we", "wij"), ("niet", "nooit", "geen"), ("vergoed", "beta", "trek", "geve", "eden", "help", "teun")),
    (("vervalt",),), (("uitsluitend",),), (("slechts", "alleen", "enkel", "uitsluitend"),),
    (("geen",), ("beroep", "aanspraak")), (("geen",), ("gebruik",)), (("bedoeld",),), (("uitzondering", "afgeweken"),),
    (("kan", "kunnen", "mag", "mogen"), ("niet",), ("afzien", "afwijken", "kwijtschelden")),
    (("kan", "kunnen"), ("niet",), _WORDT, _V_PARTS), (("uitgezonderd", "uitzondering"),), (("zelf",), ("verantwoordelijk",)),
])
_THRESHOLDS = _Table(THRESHOLD_PATTERNS, [
    (("jonger", "ouder"), ("jaar",)), (("leeftijd",),), (("jaar",), ("ouder", "jonger")),
    (("aanvraag", "verzoek", "melding"), ("later", "eerder", *_UNITS_PARTS)),
    (("straal", "afstand"),), (("pas",), (*_UNITS_PARTS, "jaren")), (("norm", "minimum"), ("%", "procent")),
    (("maximaal", "hoogste", "hoogstens", "hooguit", "meer", "maximum", "langer", "vaker", "max"),),
    (("maximaal", "hoogste", "hoogstens", "meer"), ("één", "1", "twee", "2", "dr", "3")), (("maximum",),),
    (("hoogste", "maximaal", "meer", "hoger"),), (("meer", "hoger"), ("dan",)),
    (("minste", "minimaal", "minstens"),),
    (("slechts",),), (("maximaal", "hoogste", "hoogstens"),), (("maximale", "maximum", "maximaal"),),
    (("eenmalig", "eenmaal", "keer", "eens"),), (("gemaxim",),), (("beperkt", "begrensd", "gelimiteerd"),), (("rekening", "bedrag"),),
    (("bovengrens",),), (("maximaal", "hoogste", "hoogstens", "meer"), (":",)), (("verlaagd",),),
    (("minder", "korter"), ("jaar", "maand", "week", "weken")),
])


def find_exclusions(analysis) -> list[Exclusion]:
    """Exclusion clauses and hard limits the ordinance itself imposes;
    computed once per document by :class:`~verolint.analysis.Analysis`.
    Not rigid: a sentence that names the law as the ground (the law excludes,
    not the ordinance), that offers a way out, or that caps what the resident
    pays. A power ('het college kan', 'naar het oordeel van') leaves room over
    whether to help, so it is no exclusion; a cap inside it ('kan eenmalig',
    'kan met ten hoogste 12 maanden') still binds."""
    out = []
    hardship_sentences = {h.sentence.start for h in analysis.hardship}
    definition_arts = set(analysis.definition_articles)
    helps: dict[int, bool] = {}  # per article: is it about help (see _about_help)
    for s in analysis.sentences():
        if s.start in hardship_sentences or _law_in_sentence(s.text) or analysis.explains(s.node):
            continue  # (an explanatory bijlage describes the law and practice; it excludes nothing)
        found, threshold = _exclusion(s), False
        if found is None:
            art = s.node.nearest(Kind.ARTIKEL)
            if not _sanction(s, art, analysis.doc):
                found, threshold = _limit(s, lambda: _about_help(art, helps)), True
                if found is not None and art in definition_arts and not (found[1] == "inkomensgrens"
                                                                         or _INCOME_LIMIT_RE.search(s.text)):
                    found = None  # a definition's own limits are the law's or the word's; an income limit in the
                    # definition of who counts ('inkomen: het netto inkomen tot maximaal 125% van …') excludes
        if found is None or has_way_out(analysis, s, carve_out=found[1] == "met uitzondering van") or _law_says_so(analysis, s):
            continue
        m, label = found
        if label == "geen uitzonderingen" and out and out[-1].sentence.node is s.node:
            continue  # 'Er zijn geen uitzonderingen mogelijk' closes off the exclusion just before it: one defect
        a, b = m.span("limit") if "limit" in m.re.groupindex and m.group("limit") is not None else m.span()
        if s.start + a in analysis.quotations:
            continue  # quoted from the memorie van toelichting or a judgment: another text's words
        if threshold and _raised(analysis, s, s.text[a:b]):
            continue
        out.append(Exclusion(s, s.start + a, s.start + b, label, threshold))
    return out


# The limit raised when a condition holds: 'Het college verlengt deze periode als …',
# 'Het college kent een hoger aantal kilometers toe als …'
_RAISES_RE = rx.compile(
    r"\b(?:verlengt|verlengen|verhoogt|verhogen|(?:kent|kennen|geeft|geven|verstrekt|verstrekken|vergoedt|vergoeden"
    r"|betaalt|betalen|biedt|bieden)\s+(?:\S+\s+){0,4}?(?:hoger|groter|langer|meer)\w*)\b(?=[^.;]*\b(?:als|indien|wanneer|mits"
    r"|voor\s+zover)\b)|\b(?:als|indien|wanneer)\b[^.;]{0,160}?,\s*(?:\S+\s+){0,3}?(?:verlengt|verlengen|verhoogt|verhogen)\b"
    # 'In uitzonderlijke gevallen vergoedt het college ook vervoer over een kortere afstand'
    r"|\bin\s+(?:bijzondere|uitzonderlijke)\s+(?:gevallen|situaties|omstandigheden)\b[^.;]{0,100}?\b(?:ook|toch|eerder|vaker|alsnog)\b",
    re.I)
_BACK_RE = rx.compile(r"\b(?:deze|die|dit|dat)\s+(?:periode|termijn|duur|bedrag|aantal|maximum|grens)\b", re.I)


# 'Die zoektermijn staat in artikel 41, vierde lid, van de Participatiewet.', 'Dit volgt
# uit artikel 13 van de Participatiewet': the next sentence names the law as the ground
_SAYS_SO_RE = rx.compile(r"\W*(?:dit|dat|die|deze)\b[^.;]{0,60}?\b(?:staat|staan|volgt|volgen|vloeit|vloeien|komt|komen"
                         r"|is\s+geregeld|zijn\s+geregeld)\b", re.I)
# 'verstrekt het college jeugdhulp voor zover de wet dat toelaat'
_AS_THE_LAW_ALLOWS_RE = rx.compile(r"\b(?:voor\s+zover|zoals|als)\s+de\s+(?:wet|\w+wet)\s+(?:dat\s+|het\s+)?(?:toelaat|bepaalt|voorschrijft"
                                   r"|mogelijk\s+maakt)\b", re.I)
# The means test of bijzondere bijstand (artikel 35 Participatiewet): no bijstand where the draagkracht covers the costs
_MEANS_TEST_RE = rx.compile(r"\bdraagkracht\b", re.I)
_THE_LAW_SAYS_RE = rx.compile(r"\W*(?:die|deze|dat)\s+(?:wet\s+)?(?:bepaalt|schrijft|regelt|zegt|eist)\b", re.I)
# 'als de cliënt niet voldoet aan de voorwaarden van artikel 2.3.6, tweede lid, van de wet'
_LAW_CONDITIONS_RE = rx.Gated(  # (runs only where one of the laws it names can stand)
    r"\b(?:voorwaarden|eisen|criteria)\s+(?:van|uit|in|(?:genoemd|bedoeld)\s+in)\s+artikel\s+\d[\d.:]*[a-z]?\b[^.;]{0,40}?"
    r"\svan\s+de\s+(?:wet|participatiewet|jeugdwet|wmo(?:\s+2015)?)\b", re.I, ("wet", "wmo"))


def _law_in_sentence(text: str) -> bool:
    """The sentence names the law as the ground (:func:`legal.law_is_ground`),
    excludes by the law's own conditions, or excludes what another law already
    covers (the voorliggende voorziening: 'kosten die op grond van de
    Zorgverzekeringswet worden vergoed'): the law, not the regulation,
    excludes (RIG001, RIG002 and RIG005)."""
    if law_is_ground(text) or _LAW_CONDITIONS_RE.search(text) is not None:
        return True
    for m in _COVERED_BY_RE.finditer(text) if may_cite_law(text) else ():
        law = LAW_RE.match(text, m.end())
        if law and not _NEGATED_RE.search(m.group(0) + text[law.end():law.end() + 60].split(",")[0]):
            return True  # ('kosten die via de Zorgverzekeringswet niet worden vergoed' excludes what that law leaves)
    return _PRIOR_RE.search(text) is not None


_COVERED_BY_RE = rx.compile(r"\bdie\s+(?:\S+\s+){0,4}?(?:op\s+grond\s+van|krachtens|via|uit|onder)\s+(?:de\s+|het\s+)?", re.I)
_PRIOR_RE = rx.Gated(r"(?<!\bgeen\s)\bvoorliggende?\s+voorziening", re.I, ("voorl",))  # ('voorliggend' up to its i)
_NEGATED_RE = rx.compile(r"\b(?:niet|geen)\b", re.I)


LAW_GROUND = 0.7  # similarity from which a sentence repeats the law (the default threshold of DUP001)


def _repeats_the_law(analysis, index, s: Sentence, says: Callable[[str], bool]) -> bool:
    """Whether the sentence repeats a sentence of the law (with the lead-in of
    its list) of which ``says`` holds: the law's own exclusion, limit or
    refusal ('wordt de aanvraag afgewezen' in artikel 36, derde lid, of the
    Participatiewet), which the regulation only repeats. Not when the law says
    it differently: a power to refuse ('kan weigeren') the sentence makes a
    duty is the regulation's own rule."""
    if len(analysis.normalised_of(s)) < MIN_WORDS:
        return False
    match = sentence_match(analysis, index, s)
    return match is not None and match.score >= LAW_GROUND and says(f"{match.context} {match.text}")


def _the_law_excludes(analysis, index, s: Sentence, says: Callable[[str], bool]) -> bool:
    """The law's own exclusion, limit or refusal, repeated: word for word (:func:`_repeats_the_law`)
    or in other words (a provision of topics.yaml that itself limits); for the lead-in of a list
    ('Geen recht op bijstand heeft degene:'), when every item of the list repeats the law's
    exclusion (artikel 13, eerste lid, Participatiewet)."""
    if _law_ground(analysis, index, s, says):
        return True
    items = _items_led_in(analysis, s)
    return bool(items) and all(_law_ground(analysis, index, t, excludes) for t in items)


def _law_ground(analysis, index, s: Sentence, says: Callable[[str], bool]) -> bool:
    """``s`` itself restates a limiting provision (topics.yaml) or repeats a sentence of the law of which ``says`` holds."""
    return restates_limit(analysis, s) or (index is not None and _repeats_the_law(analysis, index, s, says))


def _items_led_in(analysis, s: Sentence) -> list[Sentence]:
    """The sentences of the list items ``s`` leads into (``s`` ends in ':' and is the last sentence of its
    node's own text), or []."""
    if not s.text.rstrip().endswith(":") or analysis.sentences_of(s.node)[-1:] != [s]:
        return []
    items = [c for c in s.node.children if c.kind in ITEM_KINDS]
    return [t for c in items for t in analysis.sentences_of(c)] if items else []


def _law_limits(ex: "Exclusion") -> Callable[[str], bool]:
    """What the law's sentence must say to be the ground of this exclusion:
    an exclusion of its own, or, for a limit, the same number of the same unit
    ('vier weken', '21 jaar', '12 maanden')."""
    if not ex.threshold:
        return excludes
    ours = numbers_with_units(ex.sentence.text)
    return lambda law: bool(ours) and shared_quantities(ours, numbers_with_units(law)) > 0


def excludes(text: str) -> bool:
    """Whether a sentence makes an exclusion (one of EXCLUSION_PATTERNS) or a refusal, not merely has a
    'niet' somewhere: 'heeft recht op bijzondere bijstand voor zover … niet beschikt over de middelen'
    (artikel 35 Participatiewet) is no ground for 'Er bestaat geen recht op bijzondere bijstand voor …',
    and the one does not repeat the other (DUP001)."""
    return _REFUSAL_RE.search(text) is not None or _EXCLUSIONS.first(text)[0] is not None


def _law_says_so(analysis, s: Sentence) -> bool:
    """The law, not the regulation, is the ground of an exclusion the sentence
    states (what :func:`_law_in_sentence` leaves): what the law allows, the means
    test, or a neighbouring sentence that names the law."""
    if _AS_THE_LAW_ALLOWS_RE.search(s.text) or _MEANS_TEST_RE.search(s.text):
        return True
    own = analysis.sentences_of(s.node)
    earlier = [t for t in own if t.start < s.start][-1:]
    if earlier and _THE_LAW_SAYS_RE.match(s.text) and may_cite_law(earlier[0].text) and LAW_RE.search(earlier[0].text):
        return True  # 'Voor een zorgverlener geldt de Arbeidstijdenwet. Die bepaalt dat …'
    later = [t for t in own if t.start > s.start][:1]
    says = _SAYS_SO_RE.match(later[0].text) if later else None
    return says is not None and law_is_ground("op grond van " + later[0].text[says.end():])


def _raised(analysis, s: Sentence, limit: str) -> bool:
    """The next sentence, or another part of the article, raises the limit
    when a condition holds: it names the limit again ('deze periode', the
    limit's unit: 'een hoger aantal kilometers')."""
    unit = limit.split()[-1].lower()[:5] if limit.split() else ""
    later = [t for t in analysis.sentences_of(s.node) if t.start > s.start][:1]
    art = s.node.nearest(Kind.ARTIKEL)
    others = [n for n in art.walk() if n is not s.node] if art is not None else []
    texts = [t.text for t in later] + [n.own_text for n in others]
    return any((m := _RAISES_RE.search(text)) and (m.group(0).lower().startswith("in ") or _BACK_RE.search(text)
                                                   or (len(unit) >= 4 and unit.isalpha() and unit in text.lower()))
               for text in texts)


# A condition in the verb-first order: 'Wordt de medewerking niet verleend, dan …' (what it negates is the
# condition; the exclusion, if any, stands after 'dan')
_V1_CONDITION_RE = rx.compile(r"^\W*(?:wordt|worden|is|zijn|heeft|hebben|kan|kunnen|krijgt|krijgen|ontvangt|ontvangen"
                              r"|verstrekt|verstrekken|vergoedt|geeft|betaalt|blijkt|blijft|voldoet|voldoen)\b[^.;:]*?,\s*(?=dan\b)",
                              re.I)


def _exclusion(s: Sentence):
    """(match, label) of a categorical exclusion in the sentence, or None."""
    text = s.text
    condition = _V1_CONDITION_RE.match(text)
    m, label = _EXCLUSIONS.first(text, condition.end() if condition else 0)
    if m is None:
        return None
    if leaves_room(text) and (label not in _RESTRICTING or has_judgement(text)):
        return None  # room over whether to help; "kan uitsluitend … als" still restricts
    if label in _NARROW_LABELS and not _PROVISION_RE.search(text):
        return None  # not about help a resident can get
    if _REPORTED_RE.search(_lead_in(s) + text[:m.start()]):
        return None  # "in de beschikking staat waarom er geen hulp wordt toegekend": what a decision says
    if label == "nooit" and _CHARGE_RE.search(text[:m.start()]):
        return None  # "de bijdrage is nooit hoger dan de kosten" protects
    if label == "is niet mogelijk" and _SCOPE_RE.match(text):
        return None  # "Deze verordening is niet van toepassing op de jeugdhulp die …": the scope of the text
    if label == "krijgt geen" and _BILL_RE.match(text, m.end()):
        return None  # "U krijgt van ons geen rekening": spared a charge
    if label == "kan niet afzien" and _INVERTED_RE.match(text):
        return None  # 'Kan het college niet afzien van …, dan …': a condition
    if label == "krijgt geen" and (_INVERTED_RE.match(text) or _OTHERS_HELP_RE.search(m.group(0))):
        return None  # "Kan de cliënt geen gebruikelijke hulp krijgen, dan …": a condition; help from others, not ours
    if label in ("geldt niet voor", "met uitzondering van") and (_CHARGE_RE.search(text) or _OBLIGATION_RE.search(text)
                                                              or _LIMIT_LIFTED_RE.search(text[:m.end()])):
        return None  # "kinderen zijn uitgezonderd van de eigen bijdrage", "… van de arbeidsplicht": spared, not excluded
    if label in ("kan niet worden verstrekt", "kan niet worden besteed") and _DATA_RE.search(text[:m.start()]):
        return None  # "Persoonsgegevens kunnen niet worden verstrekt aan derden": data, not help
    if label in _RESTRICTING and _PURPOSE_RE.match(text, m.start()):
        return None  # "het pgb wordt uitsluitend besteed aan …" binds a budget to its purpose
    if label in _RESTRICTING and (_OPEN_CONDITION_RE.search(re.split(r"[,;:]", text[m.end():m.end() + 100])[0])
                                  or _OPEN_CONDITION_RE.search(m.group(0))):
        return None  # "alleen als de jeugdhulp niet binnen een redelijke afstand is": an open test, no hard line
    if label in _RESTRICTING and _OWN_REQUEST_RE.match(text, m.end()):
        return None  # "wordt alleen verstrekt indien de inwoner dit gemotiveerd vraagt": the resident's own choice
    if _MANNER_RE.match(text, m.end()):
        return None  # "een aanbieder zonder contract betalen we niet rechtstreeks": how, not whether
    return m, label


_SCOPE_RE = rx.compile(r"\W*(?:deze|dit|de)\s+(?:verordening|regeling|beleidsregels?|hoofdstuk|paragraaf|afdeling|artikel)\b"
                       r"[^.;:]{0,40}?\b(?:is|zijn)\s+niet\s+van\s+toepassing\b", re.I)
_BILL_RE = rx.compile(r"\s*(?:\S+\s+){0,2}?(?:rekening|factuur|nota|boete|aanmaning)\b", re.I)
_OBLIGATION_RE = rx.compile(r"\w*plicht\w*|\bverplichting\w*", re.I)
# what an exemption lifts is itself a limit or a sum counted against the resident: 'Het maximum geldt niet voor
# inwoners met een chronische ziekte', 'zijn de inkomsten uit vrijwilligerswerk uitgezonderd'
_LIMIT_LIFTED_RE = rx.compile(r"\b(?:maximum\w*|maximale|grens|grenzen|wachttijd\w*|termijn\w*|beperking\w*|inkomsten|inkomen"
                              r"|vermogen|middelen|draagkracht|korting\w*|verlaging\w*)\b", re.I)
# 'Kan de cliënt geen … krijgen, dan …': a verb first is a condition
_INVERTED_RE = rx.compile(r"\W*(?:kan|kunnen|krijgt|krijgen|ontvangt|ontvangen)\b", re.I)
_OTHERS_HELP_RE = rx.compile(r"\bnetwerk\b|\bgebruikelijke\s+hulp\b|\bmantelzorg\w*|\bhuisgeno\w*|\bfamilie\w*", re.I)


# The condition of 'alleen als' is itself an open test (vague room, VAG001's), and a
# negation of the manner only ('niet rechtstreeks', 'niet vooraf')
_OPEN_CONDITION_RE = rx.compile(r"\bredelijk\w*|\bpassend\w*|\b(?:on)?voldoende\b|\bnoodzakelijk\w*|\bnodig\b|\bin\s+staat\b", re.I)
# The condition of a restriction that is the resident's own request or choice ('… alleen verstrekt indien de inwoner
# dit gemotiveerd vraagt', '… alleen mogelijk als een inwoner een melding doet'): nothing closes it off
_OWN_REQUEST_RE = rx.compile(r"\s*(?:de\s+|een\s+|het\s+)?(?:inwoner|cliënt|client|aanvrager|belanghebbende|jeugdige|ouders?|hij|zij|u)"
                             r"\b[^,;:.]{0,40}?\b(?:vraagt|vragen|aanvraagt|aanvragen|verzoekt|verzoeken|wenst|wensen|kiest|kiezen"
                             r"|(?:een\s+)?(?:melding|aanvraag|verzoek)\s+(?:\S+\s+){0,3}?(?:doet|doen|indient|indienen))\b", re.I)
_MANNER_RE = rx.compile(r"\s+(?:rechtstreeks|direct|contant|vooraf|achteraf|zelf)\b", re.I)
# A budget bound to its purpose: 'uitsluitend besteed aan', 'alleen gebruiken voor'
_PURPOSE_RE = rx.compile(r"(?:uitsluitend|slechts|alleen|enkel)\s+(?:\S+\s+){0,3}?(?:besteed|besteden|gebruikt|gebruiken"
                         r"|aangewend|aanwenden)\s+(?:aan|voor|ten\s+behoeve\s+van)\b", re.I)


def _limit(s: Sentence, about_help: Callable[[], bool]):
    """(match, label) of a hard limit on help in the sentence, or None.
    ``about_help()`` says whether the sentence's article is about help (its
    title or text names a provision, a benefit, support)."""
    text = s.text
    m, label = _THRESHOLDS.first(text)
    while m is not None and _NOT_HELP_RE.search(text, 0, m.start()):
        m, label = _THRESHOLDS.first(text, m.end())  # the term of a plan or a loan: the next limit may bind help
    if m is None:
        return None
    if label == "aanvraagtermijn" and _COLLEGE_DECIDES_RE.search(text):
        return None  # 'het college beslist niet later dan …': a term the college must meet protects
    if label != "aanvraagtermijn" and not (_PROVISION_RE.search(text) or about_help()):
        return None  # a limit on something else than help (how long a recognition or a mandate holds)
    if _NO_LONGER_RE.match(m.group(0)) and not _PROVISION_RE.search(text):
        return None  # 'de activiteiten duren niet langer dan 16 uur per week': a bound on what is asked of the resident
        # ('niet langer dan' caps help only where the sentence names the help: 'wordt voor niet langer dan 6 maanden verstrekt')
    # (what stands before the limit itself: a pattern may take in the subject, 'is de eigen bijdrage nooit meer dan …')
    at = m.start("limit") if "limit" in m.re.groupindex and m.group("limit") is not None else m.start()
    before = text[:at]
    lead = _lead_in(s)
    # (a list item continues the sentence that introduces it: 'Geen bijdrage is verschuldigd voor: … b. een
    # cliënt jonger dan 18 jaar')
    intro = _SENTENCE_END_RE.split(lead.rstrip())[-1] + " " if lead.rstrip().endswith(":") else ""
    # (the whole sentence is searched, so that 'een bijdrage in de kosten van sport wordt … verstrekt' is
    # seen to be given; only what stands before the limit counts)
    upto = len(intro) + at
    if label != "ondergrens" and (_last(_CHARGE_RE, intro + text, upto, _charged) > _last(_PROVISION_RE, intro + text, upto)
                                  or _CHARGE_SUBJECT_RE.match(before) and not _HELP_GIVEN_RE.match(text)
                                  and not _GIVES_RE.search(before)
                                  or _CHARGE_SUBJECT_RE.match(intro)):
        return None  # a cap on what the resident pays or must do protects (a minimum does not)
    if label == "inkomensgrens" and _RANGE_END_RE.search(before):
        return None  # 'de verlaging bedraagt 20 tot 100 procent': the upper end of a margin (VAG001), no threshold
    if label == "inkomensgrens" and _PRICE_RE.search(f"{_article_title(s)} {intro} {text}"):
        return None  # an income bracket that sets what the resident pays ('Wat kost de hulp?'), not who gets help
    if intro and _ENDS_HELP_RE.search(intro) and leaves_room(intro) and _CONDITION_LEAD_RE.search(intro):
        return None  # 'Het college kan de hulp beëindigen als de verzoeker: … b. schulden maakt van meer dan € 500': a ground
        # of a power, weighed case by case
    if intro and _EXAMPLES_RE.search(intro) and not _NEGATED_RE.search(intro):
        return None  # 'Onder spoedeisende gevallen wordt in ieder geval geschaard: a. … meer dan 8 uur per week': examples
        # of who is in, the list closes no one out
    if _MORE_HELP_RE.search(intro):
        return None  # 'U krijgt meer tijd als: … c. er kinderen jonger dan 12 jaar in huis wonen' grants more help
    if _COLLEGE_DUTY_RE.match(before) and _MINIMUM_RE.match(text, m.start()):
        return None  # "het college onderzoekt minimaal eenmaal per jaar of …" binds the college
    if label == "harde grens" and _DATA_RE.search(before):
        return None  # 'De te verstrekken gegevens betreffen ten hoogste: …': what data may go where, not a cap on help
    if label == "harde grens" and _TARIFF_CAP_RE.search(before):
        return None  # 'een tarief dat maximaal 90% bedraagt van …': what a provider may charge, not a cap on help
    if label == "harde grens" and _INCENTIVE_RE.search(text):
        return None  # a cap on a premium: it rewards, it meets no need a cap could leave unmet (a threshold to earn it still excludes)
    if label == "leeftijdsgrens" and _WAGE_RE.search(before):
        return None  # 'het minimumloon voor 22 jaar of ouder' names a wage, it excludes no one
    if label == "leeftijdsgrens" and _CONSENT_RE.search(text):
        return None  # 'de jeugdige van 12 jaar of ouder geeft toestemming': who decides, not who gets help
    if _PROCEDURE_RE.search(text):
        return None  # 'Bij een aanpassing van meer dan € 10.000 vraagt het college advies': a step, not a limit
    if _EXEMPTS_RE.search(before):
        return None  # 'worden niet gevraagd van wie meer dan acht uur mantelzorg geeft' spares the resident
    if lead and _TIER_RE.match(text) and not _CAP_RE.search(lead):
        return None  # a tier of a schedule ('korter dan 6 maanden: EUR 300'), under no cap
    if _PRESUMPTION_RE.search(lead + text):
        return None  # a presumption in the resident's favour
    return m, label


# A power that ends or takes back help: its grounds are weighed case by case (a power to grant help under
# thresholds still draws a hard line: 'kan … bijzondere bijstand verlenen indien: a. de detentie ten hoogste 12
# maanden duurt')
_ENDS_HELP_RE = rx.compile(r"\b(?:beëindig\w*|intrek\w*|intrekken|herzie\w*|herzien|opschort\w*|terugvorder\w*|stopzet\w*"
                           r"|verlag\w*|weiger\w*|afwijz\w*)\b", re.I)
_RANGE_END_RE = rx.compile(r"\d\s*(?:%|procent)?\s+$", re.I)
_COLLEGE_DECIDES_RE = rx.compile(r"\b(?:beslist|beslissen|besluit\s+neemt|neemt\s+(?:\S+\s+){0,3}?besluit)\b", re.I)


def _article_title(s: Sentence) -> str:
    art = s.node.nearest(Kind.ARTIKEL)
    return (art.title or "") if art is not None else ""


def _about_help(art, known: dict[int, bool]) -> bool:
    """Whether an article is about help a resident can get: its title or text
    names a provision, a benefit or support (kept per article in ``known``)."""
    if art is None:
        return False
    if id(art) not in known:
        known[id(art)] = _PROVISION_RE.search(f"{art.title or ''} {art.full_text}") is not None
    return known[id(art)]


# The decider gives what the sentence calls a bijdrage: help, not a charge ('Het college verstrekt een bijdrage van
# maximaal € 500'; not 'de eigen bijdrage', nor what the resident owes)
_GIVES_RE = rx.compile(r"\b(?:verstrekt|verstrekken|verleent|verlenen|kent|kennen|geeft|geven|vergoedt|vergoeden|ontvangt"
                       r"|ontvangen|krijgt|krijgen)\b", re.I)


def _charged(m: re.Match) -> bool:
    """A match of _CHARGE_RE is a charge, unless it is a 'bijdrage' after a verb of giving (help given)."""
    return not (m.group(0).lower() == "bijdrage" and _GIVES_RE.search(m.string, 0, m.start()))


def _last(pattern: re.Pattern, text: str, before: int | None = None, counts: Callable[[re.Match], bool] | None = None) -> int:
    """Where the last match of ``pattern`` in ``text`` (starting before ``before``; of those ``counts`` accepts)
    starts, -1 without one. (The whole text is searched: a look-ahead may read past ``before``.)"""
    last = -1
    for m in pattern.finditer(text):
        if before is not None and m.start() >= before:
            break
        if counts is None or counts(m):
            last = m.start()
    return last


# The subject of the sentence is what the resident pays ('De eigen bijdrage voor
# een maatwerkvoorziening is nooit hoger dan …'): the words after it name what it is for
_CHARGE_SUBJECT_RE = rx.compile(r"^\W*(?:de|het|een|uw|zijn|haar|hun)?\s*(?:\w+\s+){0,4}?"
                                r"(?:bijdrage|boete|vordering|terugbetaling|aflossing|schuld(?!hulp|regeling|sanering|dienstverlening))\w*\b"
                                r"(?![^,;]*\bdan\b[^,;]*,)", re.I)
# The college (or 'we') does something at least so often: a duty, not a limit on help
_COLLEGE_DUTY_RE = rx.compile(r"^\W*(?:het\s+college|de\s+gemeente|we|wij)\s+(?!%s\b|kan\b|kunnen\b|mag\b|mogen\b|zal\b|zullen\b)"
                              r"\w+\s+(?:\S+\s+){0,3}?$" % _ACTIVE, re.I)
_MINIMUM_RE = rx.compile(r"(?:ten\s+minste|minimaal|minstens|eenmaal\s+per|één\s+keer\s+per|eens\s+per)\b", re.I)


# Who must consent ('de jeugdige van 12 jaar of ouder'), a procedural step above an
# amount (advice, a report, an evaluation), and an exemption from a duty
_CONSENT_RE = rx.compile(r"\btoestemming|\binstemming|\bhandtekening|\bondertek", re.I)
_PROCEDURE_RE = rx.compile(
    r"\b(?:vraagt|vragen)\s+(?:\S+\s+){0,4}?advies\b|\badvies\s+(?:aan|bij|van)\b|\b(?:meldt|melden)\b|\bgeëvalueerd\b"
    r"|\b(?:evalueert|evalueren|bespreekt|bespreken)\b|\bopnieuw\s+(?:vastgesteld|beoordeeld|bekeken)\b"
    r"|\beenmalig\s+bedrag\b"  # (paid as 'een eenmalig bedrag': the form of payment, no limit)
    # how often the help is looked at again: 'wij kijken eens in de twee jaar of u de hulp nog nodig heeft'
    r"|\b(?:kijkt|kijken|bekijkt|bekijken|beoordeelt|beoordelen|herbeoordeelt|onderzoekt|onderzoeken|controleert"
    r"|controleren|toetst|toetsen)\b[^.;]{0,40}?\b(?:eens|eenmaal|één\s+keer|jaarlijks)\b", re.I)
_EXEMPTS_RE = rx.compile(r"\bniet\s+(?:\S+\s+){0,2}?(?:gevraagd|verplicht|opgelegd)\b|\bgeldt\s+niet\s+voor\b|\bvrijgesteld\b"
                         r"|\bhoe(?:ft|ven)\b"  # ('hoeft … niet', 'hoeft slechts één formulier …')
                         r"|\bontheffing\b"
                         r"|\bgeen\s+(?:\S+\s+){0,2}?(?:tegenprestatie|arbeidsverplichting\w*|verplichting\w*)\s+op\b", re.I)
_SENTENCE_END_RE = rx.compile(r"(?<=[.!?])\s+")
# What the resident pays, named in the title or the lead-in: an income bracket sets the price
_PRICE_RE = rx.compile(r"\bkost\w*\b|\btarie\w*|\bbijdrage|\bbetaalt\b|\bbetalen\b|\bprijs", re.I)
# A lead-in that grants more help on the conditions its items list
_EXAMPLES_RE = rx.compile(r"\bin\s+(?:ieder|elk)\s+geval\b|\bonder\s+(?:meer|andere)\b|\bbijvoorbeeld\b", re.I)
_INCOME_LIMIT_RE = rx.compile(r"\binkomen\w*\b[^.;:]{0,80}?\b(?:tot|maximaal|ten\s+hoogste|boven|onder|minder\s+dan|meer\s+dan)\s+"
                              r"(?:maximaal\s+)?\d+(?:[.,]\d+)?\s*(?:%|procent)", re.I)
_MORE_HELP_RE = rx.compile(r"\b(?:meer|extra|aanvullende?|hogere?|langer)\b[^.;:]{0,80}\b(?:als|indien|wanneer)\s*:?\s*$", re.I)
# The term of a plan, a loan or an agreement, and what an employer offers, are no limits on help
_NOT_HELP_RE = rx.compile(r"\b(?:looptijd|geldigheidsduur)\b[^.;]{0,40}$|\b(?:plan|lening|overeenkomst|contract)\s+"
                          r"(?:\S+\s+){0,3}?(?:duurt|loopt|geldt|heeft)\b[^.;]{0,20}$|\barbeidsovereenkomst\s+van\s*$", re.I)


# Incentives: a premium or bonus for work or effort, not help that meets a need
_DATA_RE = rx.compile(r"\b\w*gegevens\b|\binlichtingen\b|\binformatie\b", re.I)
_NO_LONGER_RE = rx.compile(r"niet\s+(?:langer|vaker)\b", re.I)
_TARIFF_CAP_RE = rx.compile(r"\b(?:uur)?tarie(?:f|ven)\b[^.;:,]{0,30}$", re.I)
_INCENTIVE_RE = rx.compile(r"\b(?:\w*premie|bonus|beloning)\b", re.I)
# A wage level named by age: "het minimumloon voor een werknemer van 22 jaar of ouder"
_WAGE_RE = rx.compile(r"minimum(?:jeugd)?loon|\bloon\b", re.I)
# A line of a schedule: a condition, a colon, an amount ("korter dan 6 maanden: EUR 300")
_TIER_RE = rx.compile(r"^[^:]{1,80}:\s*(?:€|EUR|euro)?\s*\d", re.I)
_CAP_RE = rx.compile(r"\b(?:maximaal|ten\s+hoogste|hoogstens|niet\s+meer\s+dan|maximum)", re.I)


def _lead_in(s: Sentence) -> str:
    """The words a list item continues: 'In het besluit staat: a. waarom …'."""
    node = s.node
    if node.kind in ITEM_KINDS and node.parent is not None:
        return node.parent.own_text + " "
    return ""


def _sanction(s: Sentence, art, doc) -> bool:
    """Percentages and caps in a sanction or repayment rule measure the
    sanction: the sentence, its article or the whole regulation (a
    maatregelenverordening) is about a maatregel or boete."""
    if _SANCTION_RE.search(s.text):
        return True
    if art is not None and _sanction_title(art.title or ""):
        return True
    return _sanction_title(doc.title or "")


@lru_cache(maxsize=1024)
def _sanction_title(title: str) -> bool:
    """A title about a sanction (asked for every sentence of an article: kept)."""
    return _SANCTION_RE.search(title) is not None


# The advice in the text's own voice: third person in a classic ordinance,
# 'u' and 'we' in an omgekeerde.
_WAY_OUT_ADVICE = {
    False: "Schrijf wat in de regel geldt en noem de uitweg: '… wordt in de regel niet verstrekt; het college "
           "wijkt hiervan af als de situatie van de inwoner daarom vraagt', of verwijs naar de hardheidsclausule.",
    True: "Schrijf wat meestal geldt en noem de uitweg: 'in de regel niet; past dat niet bij uw situatie, dan "
          "kijken we wat nodig is', of verwijs naar de hardheidsclausule.",
}
_NOT_WORD_RE = rx.compile(r"\b(?:niet|geen|uitgesloten)\b", re.I)
# ... and for a power to waive that is closed off ('het college kan niet van invordering afzien')
_WAIVER_ADVICE = ("Schrijf wat in de regel geldt en noem de uitweg: 'het college ziet hier in de regel niet van af; het "
                  "wijkt hiervan af als de situatie van de inwoner daarom vraagt', of verwijs naar de hardheidsclausule.")


def _way_out_advice(written: str, label: str, omgekeerd: bool) -> str:
    """The advice for an exclusion in a classic ordinance, in the words it was written in where they
    allow it: 'mag niet worden besteed' becomes '… mag in de regel niet worden besteed …; …'. (An
    omgekeerde verordening gets the advice in its own voice.)"""
    if omgekeerd:
        return _WAY_OUT_ADVICE[True]
    if label == "kan niet afzien":
        return _WAIVER_ADVICE
    if label == "zelf verantwoordelijk":
        subject = written.split()[0].lower()
        who = subject if subject in ("u", "je", "jij", "hij", "zij") else f"de {subject}"
        return (f"Schrijf wat in de regel geldt en noem de uitweg: '… {written.split(' zelf ')[0]} in de regel zelf "
                f"verantwoordelijk voor …; lukt dat {who} niet, dan kijkt het college wat nodig is', of verwijs naar de "
                "hardheidsclausule.")
    m = _NOT_WORD_RE.search(written)
    if m is None or len(written) > 60:
        return _WAY_OUT_ADVICE[False]
    soft = written[:m.start()] + "in de regel " + written[m.start():]
    if soft.split(" ", 1)[0] in ("Het", "De", "Een"):
        soft = soft[0].lower() + soft[1:]
    who = "het" if "college" in soft else "het college"
    return (f"Schrijf wat in de regel geldt en noem de uitweg: '… {soft} …; {who} wijkt hiervan af als de "
            "situatie van de inwoner daarom vraagt', of verwijs naar de hardheidsclausule.")


# ... and for a restriction ('alleen als', 'uitsluitend aan'), which keeps help for some rather than refusing it
_RESTRICTION_ADVICE = {
    False: "Schrijf wat in de regel geldt en noem de uitweg: 'in de regel alleen …; het college wijkt hiervan af als "
           "de situatie van de inwoner daarom vraagt', of verwijs naar de hardheidsclausule.",
    True: "Schrijf wat meestal geldt en noem de uitweg: 'meestal alleen …; past dat niet bij uw situatie, dan kijken "
          "we wat nodig is', of verwijs naar de hardheidsclausule.",
}


class _ExclusionRule(Rule):
    category = Category.RIGID_EXCLUSION

    def exclusions(self, ctx) -> "list[Exclusion]":
        """The exclusions and limits the regulation itself makes: not those whose
        sentence repeats the law's own exclusion or limit, word for word or in
        other words (the law is their ground; DUP001 or DUP004 reports the
        repetition). Once per document and statute index, for RIG001, RIG002
        and RIG003."""
        found = ctx.analysis.exclusions
        if not found:
            return found
        index = index_for(ctx)
        return ctx.analysis.per_option(
            "own-exclusions", index,
            lambda: [ex for ex in found if not _the_law_excludes(ctx.analysis, index, ex.sentence, _law_limits(ex))])

    def severity_for(self, ctx) -> Severity:
        """Less severe when the document has a real hardship clause."""
        if ctx.analysis.has_real_hardship_clause:
            return Severity(max(Severity.INFO, self.severity - 1))
        return self.severity


def _no_way_out(ctx) -> str:
    """What the text lacks for a way out: a hardship clause in a verordening;
    in beleidsregels the one artikel 4:84 Awb gives by law, which the text does
    not name; nothing to say of a part of a regulation (the clause may stand
    in the part that is not here)."""
    if ctx.analysis.excerpt:
        return ""
    if ctx.analysis.policy_rules:
        return (" De beleidsregels noemen geen afwijking; bij onevenredige gevolgen moet het college wel "
                "afwijken (artikel 4:84 Awb).")
    return " De verordening heeft geen hardheidsclausule die hier een uitweg biedt."


class RigidExclusion(_ExclusionRule):
    """Een starre uitsluiting: een voorziening, behoefte of groep wordt categorisch uitgesloten.

    Wat het controleert
        Zinnen die iets zonder uitweg uitsluiten: 'wordt geen … verstrekt'
        (ook in een bijzin: '… dat kosten voor het verwijderen niet vanuit de
        Wmo 2015 worden vergoed'), 'het college verstrekt geen', 'komt niet in aanmerking', 'is
        uitgesloten', 'is niet van toepassing op', 'in geen geval', 'nimmer',
        'uitsluitend … indien', 'alleen als', 'wordt enkel verstrekt aan
        inwoners die …', 'wordt niet toegelaten tot', 'helpen we niet', 'wij
        helpen u niet', 'dan krijgt u deze bijdrage niet', 'leent zich niet
        voor een pgb', 'onder … wordt niet
        verstaan:', '… horen er niet bij' (niet 'vallen niet onder de
        definitie': de reikwijdte van een woord), 'het recht op de toeslag vervalt
        als …', 'komen alleen in aanmerking bij …', 'wordt alleen verstrekt in
        de hoofdverblijfplaats', 'voor studenten geldt deze regeling niet',
        'is niet van toepassing op personen met …', 'zijn van deze regeling
        uitgezonderd', 'kan geen woonvoorziening krijgen', 'wordt niet
        gehonoreerd', 'u kunt geen beroep doen op …' (ook op de
        hardheidsclausule), 'dan kunt u geen
        gebruik maken van de regeling', 'de toeslag is niet bedoeld voor
        mensen met …', 'er zijn geen uitzonderingen mogelijk' (na een
        uitsluiting in hetzelfde lid hoort die bij die uitsluiting: één
        melding), 'kan niet worden verstrekt' (ook 'kan niet verstrekt worden'), 'kunnen niet worden vergoed',
        'uitgezonderd van bijzondere bijstand zijn …', 'het pgb mag niet
        worden besteed aan:', 'mogen niet uit het pgb worden betaald',
        'alleen bij een medische noodzaak wordt …', 'alleen in langdurige
        zorgsituaties kan sprake zijn van …', 'zulke voorzieningen verstrekt de
        gemeente niet', 'de cliënt is zelf verantwoordelijk voor het vervoer'
        (niet 'in eerste instantie' of 'primair' zelf verantwoordelijk), 'het college kan niet van
        invordering afzien', 'hiervan kan niet worden afgeweken' en een geval dat uit
        hulp wordt gelicht ('verleent bijzondere bijstand voor noodzakelijke
        kosten, met uitzondering van de kosten van …'; 'met uitzondering van'
        bij een eigen bijdrage is juist een vrijstelling). Niet gemeld: 'kan
        niet eerder worden verleend dan …' (een moment), 'alleen in overleg
        met …' (een werkwijze), 'kan het college niet afzien …, dan …' en
        'wordt de medewerking niet verleend, dan …' (een voorwaarde), 'alleen als
        de inwoner dit vraagt' (de eigen keuze van de inwoner), een citaat uit de
        memorie van toelichting of een uitspraak, 'een maatwerk- woonvoorziening' (geen uitweg), 'om
        niet' (kosteloos), een budget dat aan zijn doel gebonden is
        ('uitsluitend besteed aan'); een uitsluiting op de voorwaarden van de
        wet ('als de cliënt niet voldoet aan de voorwaarden van artikel 2.3.6,
        tweede lid, van de wet') of waarvan de volgende zin zegt dat ze in de
        wet staat ('Dit volgt uit artikel 13 van de Participatiewet'); 'alleen
        als' met een open voorwaarde ('niet binnen een redelijke afstand': dat
        is vage ruimte, VAG001); een ontkenning van de wijze ('betalen we niet
        rechtstreeks'); wat de wet toelaat ('voor zover de wet dat toelaat');
        de draagkrachttoets van de bijzondere bijstand; wat de inwoner betaalt
        ('u betaalt nooit meer dan …', 'u krijgt geen rekening', 'kinderen
        zijn uitgezonderd van de eigen bijdrage'); wat een andere wet al
        dekt ('kosten die op grond van de Zorgverzekeringswet worden
        vergoed'); de reikwijdte van de tekst zelf ('deze verordening is niet
        van toepassing op de jeugdhulp die …'); hulp die aan haar doel
        gebonden is ('alleen verstrekt aan de jeugdige ten behoeve van het
        vervoer naar de jeugdhulp');
        een zin die een zin uit de wet herhaalt die zelf uitsluit, of in eigen
        woorden zegt wat de wet zelf uitsluit (DUP001 en DUP004 melden de
        herhaling: 'wordt de aanvraag afgewezen' staat in artikel 36, derde
        lid, van de Participatiewet; 'geen bijstand wie langer dan vier weken
        in het buitenland is' in artikel 13);
        een zin die de wet als grond noemt ('op grond van artikel 13 van de
        Participatiewet', '…, zoals bedoeld in artikel 4:5 van de Algemene
        wet bestuursrecht'; een vermelding als 'onverminderd artikel 2.3.6 van
        de wet' of 'de eigen bijdrage op grond van de Zorgverzekeringswet' is
        geen grond); een bevoegdheid ('het college kan weigeren')
        of een oordeel ('naar het oordeel van het college', 'gelet op de
        omstandigheden', 'redelijkerwijs'), die ruimte laten
        (een beperking als 'kan uitsluitend … als' bindt wel); wat een besluit
        vermeldt ('in de beschikking staat waarom er geen hulp wordt
        toegekend'); en een zin of artikel met een uitweg ('tenzij', 'in de
        regel', 'het college kan van het vierde lid afwijken'; 'in afwijking
        van' is een formule, geen uitweg). Heeft de verordening een echte
        hardheidsclausule, dan is de melding een opmerking in plaats van een
        waarschuwing. Het advies volgt de stem van de tekst: derde persoon in
        een klassieke verordening, 'u' en 'we' in een omgekeerde.

    Waarom
        Een omgekeerde verordening begint bij de hulpvraag. Een regel die een hele
        soort hulp of groep uitsluit, blokkeert maatwerk en leidt tot besluiten die
        bij de rechter geen stand houden: de wet vraagt een individuele afweging
        (CRvB 2018:3243).

    Voorbeeld
        Verhuiskosten zijn uitgesloten.

    Beter
        Verhuiskosten vergoeden we meestal niet. Past dat niet bij uw situatie,
        dan kijken we samen wat nodig is (artikel 7.4).
    """

    code = "RIG001"
    name = "starre-uitsluiting"
    severity = Severity.WARNING

    def check(self, doc, ctx):
        sev = self.severity_for(ctx)
        real = ctx.analysis.has_real_hardship_clause
        for ex in self.exclusions(ctx):
            if ex.threshold:
                continue
            text = doc.text[ex.start:ex.end]
            tail = _no_way_out(ctx) if not real else ""
            yield ctx.finding(
                ex.start, ex.end,
                f"'{text}' sluit categorisch uit, zonder uitweg voor maatwerk.{tail}",
                severity=sev,
                suggestion=(_RESTRICTION_ADVICE[ctx.profile == "omgekeerd"] if ex.label in _RESTRICTING
                            else _way_out_advice(text, ex.label, ctx.profile == "omgekeerd")),
            )


class HardThreshold(_ExclusionRule):
    """Een harde grens (leeftijd, inkomen, duur, bedrag) zonder uitzondering.

    Wat het controleert
        Vaste leeftijds-, inkomens-, duur-, aantal- en bedraggrenzen ('jonger
        dan 65 jaar', '27 jaar en ouder', '110% van de bijstandsnorm',
        'maximaal 10 dagdelen per week', 'tot een maximumbedrag van € 3.500',
        'niet meer dan de kostprijs', 'ten minste zes maanden', 'ten minste
        € 50', 'een maximumtermijn van 24 maanden', 'eenmalig', 'eens in de
        zeven jaar', 'gemaximeerd op € 25.000', 'beperkt tot 3 uur per
        week', 'begrensd tot 25 km', 'tot een bedrag van € 250', 'kosten
        boven € 1.000 komen voor eigen rekening', 'slechts voor één persoon',
        'slechts één scootmobiel', 'het maximale aantal uren bedraagt 6 uur',
        'binnen een straal van 25 kilometer', 'pas verstrekt na 6 maanden',
        'de aanvraag moet binnen drie maanden worden ingediend', 'een inkomen
        tot 110% van het sociaal minimum', 'maximaal vier gesprekken', 'met 20%
        verlaagd', 'maximaal 100 m2', 'de bovengrens van de maatwerkvoorziening wordt gevormd door …',
        een inkomensgrens in een begripsbepaling, een aanvraagtermijn)
        in een zin of artikel zonder uitweg; ook binnen een bevoegdheid ('kan
        eenmalig'). Niet gemeld: grenzen die de wet stelt en die de zin met de
        wet als grond noemt, of met hetzelfde getal uit de wet herhaalt ('21
        jaar of ouder' uit artikel 36 van de Participatiewet, 'pas vier weken
        na de melding' uit artikel 41; DUP001 en DUP004 melden de herhaling); een termijn die het college moet halen ('beslist
        niet later dan …'); een grens op wat de inwoner betaalt of moet doen
        (die beschermt: 'de eigen bijdrage voor een maatwerkvoorziening is
        nooit hoger dan de kosten'; 'een bijdrage in de kosten van sport' is
        wel hulp; een
        minimum dat de inwoner moet betalen om hulp te krijgen beschermt
        niet); een vermoeden in het voordeel van de inwoner ('worden aanwezig
        geacht als'); voorbeelden van wie er wel onder valt ('onder spoedeisende gevallen
        wordt in ieder geval geschaard: … meer dan 8 uur per week'); de benoeming van leden
        van een adviesraad; de maat van een sanctie of van de draagkracht; een maximum op
        een premie (een drempel om hem te krijgen wel); een leeftijd die een
        loon noemt ('het minimumloon voor 22 jaar of ouder'); een trede van
        een tabel zonder maximum ('korter dan 6 maanden: EUR 300'); en een
        onderdeel van een lijst na '…, tenzij:', dat zelf de uitweg is; wat
        het college minstens zo vaak doet ('onderzoekt minimaal eenmaal per
        jaar', 'wij kijken eens in de twee jaar of u de hulp nog nodig
        heeft'); een grens die de volgende zin of een ander lid onder een
        voorwaarde verruimt ('het college verlengt deze periode als …',
        'kent meer kilometers toe als …', 'in uitzonderlijke gevallen
        vergoedt het college ook …') of waarvan het afwijkt ('van het eerste
        en tweede lid'); een stap boven een bedrag ('vraagt het college
        advies', 'meldt', 'wordt geëvalueerd'); een vrijstelling ('wordt niet
        gevraagd van wie meer dan acht uur mantelzorg geeft'); wie moet
        instemmen ('de jeugdige van 12 jaar of ouder geeft toestemming'); een
        terugvordering boven een bedrag; een grond voor een bevoegdheid om
        hulp te beëindigen, in te trekken of te verlagen ('kan de
        schuldhulpverlening beëindigen als de verzoeker: … b. meer dan € 1.000
        aan inkomsten verzwijgt'; een grens in de voorwaarden om hulp te
        verlenen telt wel); een grens in een opsomming onder een
        inleiding over wat de inwoner betaalt ('Er is geen bijdrage
        verschuldigd voor: … b. een cliënt jonger dan 18 jaar') of over meer
        hulp ('U krijgt meer tijd als: …'); een inkomensgrens die een prijs
        bepaalt (in een artikel over kosten, tarieven of de bijdrage); de
        looptijd van een plan of lening (de volgende grens in de zin telt
        wel); een grens die de wet stelt en die de vorige zin noemt ('Voor een
        zorgverlener geldt de Arbeidstijdenwet. Die bepaalt …'). De
        grenzen van één opsomming (een bedrag per soort voorziening) zijn één
        melding, die de andere plaatsen noemt.

    Waarom
        Absolute grenzen sluiten inwoners uit wier situatie net anders is. Een
        grens 'in de regel', met een afwijkingsmogelijkheid, geeft houvast
        zonder maatwerk te blokkeren.

    Voorbeeld
        Huishoudelijke hulp wordt verstrekt voor maximaal 3 uur per week.

    Beter
        Huishoudelijke hulp is in de regel ten hoogste 3 uur per week. Hebt u
        meer nodig, dan kijken we samen wat nodig is.
    """

    code = "RIG002"
    name = "harde-grens"
    severity = Severity.WARNING

    def check(self, doc, ctx):
        sev = self.severity_for(ctx)
        # the limits of one list are one schedule ('a. … maximaal € 4.000; b. … maximaal € 5.500'): one finding
        schedules: dict[tuple, list[Exclusion]] = {}
        for ex in self.exclusions(ctx):
            if ex.threshold:
                node = ex.sentence.node
                in_list = node.kind in ITEM_KINDS and node.parent is not None
                schedules.setdefault((id(node.parent) if in_list else id(ex), ex.label), []).append(ex)
        for (_where, label), limits in schedules.items():
            first = limits[0]
            quoted = [f"'{doc.text[ex.start:ex.end]}'" for ex in limits]
            if len(limits) == 1:
                what = f"{label} {quoted[0]}"
            else:
                shown = (", ".join(quoted[:-1]) + " en " + quoted[-1] if len(quoted) <= 4
                         else ", ".join(quoted[:3]) + f" en {len(quoted) - 3} andere")
                what = f"{_plural(label)} in één opsomming ({shown})"
            f = ctx.finding(
                first.start, first.end,
                f"{what} zonder uitzondering: wie er net buiten valt, krijgt geen afweging.",
                severity=sev,
                suggestion="Maak er een richtlijn van ('in de regel') en noem wanneer "
                f"{'we afwijken' if ctx.profile == 'omgekeerd' else 'het college afwijkt'}.",
            )
            if len(limits) > 1:
                f = replace(f, places=tuple((*doc.position(ex.start), doc.node_at(ex.start).path)
                                            for ex in limits[1:]))
            yield f


def _plural(label: str) -> str:
    """'harde grens' → 'harde grenzen', 'aanvraagtermijn' → 'aanvraagtermijnen'."""
    return label[:-1] + "zen" if label.endswith("grens") else label + "en"


class MissingHardshipClause(_ExclusionRule):
    """Uitsluitingen of harde grenzen, maar geen hardheidsclausule.

    Wat het controleert
        Of een verordening met starre uitsluitingen (RIG001) of harde grenzen
        (RIG002) een echte hardheidsclausule heeft: een bevoegdheid om af te
        wijken met een maatstaf ('als toepassing leidt tot onbillijkheden van
        overwegende aard', 'gelet op het doel van deze verordening'). In
        beleidsregels (titel of aanhef) is het een opmerking: daar moet het
        college bij onevenredige gevolgen al afwijken op grond van artikel
        4:84 Awb, maar inwoners en consulenten lezen dat nergens. Nadere
        regels en verordeningen hebben die waarborg niet van de wet.

    Waarom
        Zonder hardheidsclausule moet het college een regel ook toepassen waar die
        onredelijk uitpakt. De afwijkingsbevoegdheid is het ventiel dat maatwerk
        mogelijk houdt (Aanwijzingen voor de regelgeving 5.25–5.26).

    Voorbeeld
        Een verordening met 'Verhuiskosten zijn uitgesloten.' en geen artikel
        'Hardheidsclausule'.

    Beter
        Het college kan artikelen van deze verordening buiten toepassing laten of
        daarvan afwijken als toepassing, gelet op het doel van deze verordening,
        leidt tot onbillijkheden van overwegende aard.
    """

    code = "RIG003"
    name = "geen-hardheidsclausule"
    severity = Severity.WARNING

    def check(self, doc, ctx):
        if doc.structure_unsure:
            return  # a claim about the whole document: not on a tree the reader doubts (STR002/STR007)
        if ctx.analysis.excerpt:
            return  # nor on a part of a regulation: the clause may stand in the rest
        found = self.exclusions(ctx)
        if not found or ctx.analysis.has_real_hardship_clause:
            return
        places = list(dict.fromkeys(ex.sentence.node.path.split(",")[0] for ex in found))
        clauses = ctx.analysis.hardship
        weak = " De afwijkingsbepaling die er is, noemt geen maatstaf." if clauses else ""
        what = (f"{len(found)} {'uitsluiting of harde grens' if len(found) == 1 else 'uitsluitingen of harde grenzen'} "
                f"({', '.join(places[:6])}{', …' if len(places) > 6 else ''})")
        if ctx.analysis.policy_rules:  # artikel 4:84 Awb is the way out, whether the text says so or not
            yield ctx.at_document(
                f"{what} en geen afwijkingsbepaling met maatstaf.{weak} Artikel 4:84 Awb verplicht het college af te "
                "wijken bij onevenredige gevolgen, maar de beleidsregels zeggen dat nergens.",
                severity=Severity.INFO,
                suggestion="Neem op: 'Het college wijkt af van deze beleidsregels als toepassing ervan voor een "
                "belanghebbende gevolgen heeft die onevenredig zijn in verhouding tot de doelen van de beleidsregels "
                "(artikel 4:84 Awb).'",
            )
            return
        yield ctx.at_document(
            f"{what} en geen hardheidsclausule met maatstaf.{weak}",
            suggestion="Voeg een hardheidsclausule toe: 'Het college kan afwijken van deze verordening als "
            "toepassing, gelet op het doel ervan, leidt tot onbillijkheden van overwegende aard.'",
        )


class WeakHardshipClause(Rule):
    """Een hardheidsclausule zonder maatstaf, of een die van de wet wil afwijken.

    Wat het controleert
        Afwijkingsbepalingen ('het college kan afwijken van deze verordening')
        die niet zeggen wanneer (geen maatstaf als 'onbillijkheden van
        overwegende aard' of 'gelet op het doel van deze verordening'), en
        bepalingen die afwijken van een wet toestaan.

    Waarom
        Zonder maatstaf is de bevoegdheid willekeurig en weet een inwoner niet
        waarop hij een beroep kan doen. Van een wet kan een verordening niet
        afwijken: de gemeenteraad heeft die bevoegdheid niet (Gemeentewet,
        artikel 121; Awb 4:84 gaat alleen over beleidsregels).

    Voorbeeld
        In bijzondere gevallen kan het college afwijken van deze verordening.

    Beter
        Het college kan afwijken van deze verordening als toepassing, gelet op het
        doel ervan, leidt tot onbillijkheden van overwegende aard.
    """

    code = "RIG004"
    name = "zwakke-hardheidsclausule"
    category = Category.RIGID_EXCLUSION
    severity = Severity.WARNING

    def check(self, doc, ctx):
        for h in ctx.analysis.hardship:
            s = h.sentence
            if h.from_law:
                yield ctx.finding(
                    s.start, s.end,
                    "deze bepaling laat afwijken van een wet toe; een verordening kan dat niet",
                    severity=Severity.ERROR,
                    suggestion="Beperk de afwijking tot 'deze verordening'.",
                )
            elif not h.has_standard:
                yield ctx.finding(
                    s.start, s.end,
                    "afwijkingsbevoegdheid zonder maatstaf: er staat niet wanneer het college mag afwijken",
                    suggestion="Noem de maatstaf: 'als toepassing, gelet op het doel van deze verordening, leidt tot "
                    "onbillijkheden van overwegende aard'.",
                )


_REFUSAL_RE = rx.Gated(
    # (not in a clause about when: 'voordat het college weigert'; not 'weigert niet'. Every branch starts with
    # one of the letters of the look-ahead: where another letter stands, nothing more is tried.)
    r"(?=[bdhmnsw])(?:"
    r"(?<!voordat\s)(?<!nadat\s)(?<!zodra\s)(?<!als\s)(?<!indien\s)(?<!wanneer\s)(?<!waarom\s)"
    r"\b(?:het\s+college|burgemeester\s+en\s+wethouders|we|wij)\s+(?:weigert|weigeren|beëindigt|beëindigen)\b(?!\s+niet\b)"
    r"|\b(?:weigert|beëindigt)\s+het\s+college\b(?!\s+niet\b)"
    r"|\b(?:wordt|worden)\s+(?:[^\s;:]+\s+){0,6}?geweigerd\b"
    # the application refused: 'het college wijst de aanvraag af indien …', 'de aanvraag wordt afgewezen als …'
    r"|\b(?:het\s+college|we|wij)\s+(?:wijst|wijzen)\s+(?:(?!niet\b)\S+\s+){0,4}?af\b"
    r"|\b(?:wijst|wijzen)\s+(?:het\s+college|we|wij)\s+(?:(?!niet\b)\S+\s+){0,4}?af\b"
    r"|\b(?:wordt|worden)\s+(?:(?!niet\b)[^\s;:]+\s+){0,6}?afgewezen\b"
    r"|\b(?:moet|moeten|dient|dienen)\s+(?:\S+\s+){0,4}?(?:te\s+)?weigeren\b"
    # the application left unhandled: 'wordt niet in behandeling genomen', 'nemen we niet in behandeling'
    r"|\b(?:wordt|worden)\s+(?:(?!wordt\b|worden\b)[^\s,;]+\s+){0,4}?(?:niet\s+in\s+behandeling\s+genomen|buiten\s+behandeling\s+gelaten|niet\s+behandeld)\b"
    r"|\b(?:het\s+college|we|wij)\s+(?:neemt|nemen)\s+(?:\S+\s+){0,4}?niet\s+in\s+behandeling\b"
    r"|\b(?:neemt|nemen)\s+(?:het\s+college|we|wij)\s+(?:\S+\s+){0,4}?niet\s+in\s+behandeling\b"
    # help stopped in plain words: 'stoppen we de hulp', 'we stoppen met de begeleiding'
    r"|\b(?:(?:we|wij)\s+stoppen|stoppen\s+(?:we|wij))\s+(?:met\s+)?(?:de|het|uw|je|jouw|zijn|haar)\s+(?:\S+\s+)?(?:hulp"
    r"|ondersteuning|begeleiding|uitkering|voorziening|pgb|bijstand|toeslag|schuldhulpverlening)\b)",
    re.I,
    # every branch holds one of these
    ("weiger", "beëindig", "wijs", "wijz", "afgewezen", "behandel", "stoppen"),
)
_POWER_RE = rx.compile(r"\b(?:kan|kunnen|mag|mogen|bevoegd)\b", re.I)
# Help that ends because it is done or no longer needed, or at the resident's wish: not a refusal
_HELP_DONE_RE = rx.compile(r"\bdoel(?:en)?\s+(?:\S+\s+){0,3}?(?:bereikt|gehaald|behaald)\b|\bniet\s+(?:meer|langer)\s+nodig\b"
                           r"|\bop\s+(?:uw|je|zijn|haar|eigen)\s+verzoek\b|\bals\s+(?:u|je|jij)\s+(?:dat|het)\s+(?:wilt|vraagt)\b"
                           r"|\boverl(?:ijdt|ijden|eden)\b|\bverhuist\b|\bverhuizing\b", re.I)
# refused because the conditions are not met or the applicant does not qualify: the refusal follows from
# that, no power is taken away
_UNMET_RE = rx.compile(r"\bniet\s+(?:\S+\s+){0,4}?(?:voorwaarden|eisen|vereisten)\b[^.;]{0,60}?\b(?:voldaan|voldoet|voldoen)\b"
                       r"|\b(?:voldaan|voldoet|voldoen)\s+(?:\S+\s+){0,3}?niet\s+aan\s+(?:\S+\s+){0,4}?(?:voorwaarden|eisen|vereisten)\b"
                       # or because the applicant does not qualify at all
                       r"|\bgeen\s+recht\s+(?:heeft|hebben|bestaat)\b|\bniet\s+(?:\S+\s+){0,2}?in\s+aanmerking\s+(?:komt|komen)\b"
                       r"|\bniet\s+tot\s+de\s+doelgroep\b",
                       re.I)
_CONDITION_FIRST_RE = rx.compile(r"(?:wordt|worden)\b", re.I)
_IN_CLAUSE_RE = rx.compile(r"\b(?:als|indien|wanneer|zodra|nadat|voordat|waarom)\s+[^,;.:]*$", re.I)
_CONDITION_LEAD_RE = rx.compile(r"\b(?:indien|als|wanneer|voor\s+zover|zolang|tenzij)\b[^.;:]{0,80}:\s*$", re.I)
_DOMAINS = [
    (rx.compile(r"\bbehandel", re.I), "de Algemene wet bestuursrecht zegt 'kan besluiten de aanvraag niet te behandelen' "
     "(artikel 4:5), en dan pas na een kans om de aanvraag aan te vullen"),
    (rx.compile(r"schuld", re.I), "de Wet gemeentelijke schuldhulpverlening (artikel 3, tweede lid) zegt 'kan weigeren'"),
    (rx.compile(r"bijstand|inkomenstoeslag|uitkering", re.I), "de Participatiewet laat het college hier een afweging"),
    (rx.compile(r"maatwerkvoorziening|voorziening|persoonsgebonden\s+budget|pgb", re.I),
     "de Wet maatschappelijke ondersteuning 2015 zegt 'kan … weigeren' (artikelen 2.3.5 en 2.3.6)"),
]


def _law_refuses(law: str) -> bool:
    """The law's sentence refuses without a power to refuse: a duty of its own."""
    return _REFUSAL_RE.search(law) is not None and _POWER_RE.search(law) is None


class DutyToRefuse(Rule):
    """Een wettelijke bevoegdheid ('kan weigeren') die de verordening een plicht maakt.

    Wat het controleert
        Zinnen waarin het college moet weigeren, afwijzen of beëindigen: 'het
        college weigert', 'wordt geweigerd', 'moet weigeren', 'het college
        wijst de aanvraag af indien …', 'wordt afgewezen', 'wordt niet in
        behandeling genomen', 'stoppen we de hulp', zonder 'kan'. Niet
        gemeld als de zin de wet als grond noemt of haar voorwaarden ('als de
        ouders niet voldoen aan de voorwaarden van artikel 8.1.1, tweede lid,
        van de wet'), als de afwijzing volgt uit voorwaarden waaraan niet is
        voldaan of uit het ontbreken van een recht ('als de aanvrager niet
        tot de doelgroep behoort'), als de zin ruimte laat ('gelet op de omstandigheden',
        'redelijkerwijs'), en niet 'voordat het college weigert', 'het
        college weigert niet', 'Wordt de aanvraag afgewezen, dan …', hulp die
        stopt omdat ze klaar is of niet meer nodig ('als het doel is bereikt,
        stoppen we de hulp'), of een onderdeel van een opsomming onder '…
        indien:' (een geval, geen regel).
        Ook niet als de zin een zin uit de wet herhaalt, of in eigen woorden
        zegt, die zelf een plicht tot weigeren is ('wordt de aanvraag
        afgewezen', artikel 36, derde lid, van de Participatiewet); wel als de
        wet daar 'kan weigeren' zegt.

    Waarom
        Waar de wet het college een bevoegdheid geeft (de Wgs: 'kan weigeren';
        de Participatiewet: 'kan … gelet op de omstandigheden'), moet het college
        per geval afwegen. Een verordening die daar een plicht van maakt, neemt
        die afweging weg en is op dat punt onverbindend.

    Voorbeeld
        Het college weigert schuldhulpverlening als u de afgelopen 5 jaar al hulp kreeg.

    Beter
        Het college kan schuldhulpverlening weigeren als u de afgelopen 5 jaar al
        hulp kreeg. Het weegt daarbij uw situatie en de reden van de terugval.
    """

    code = "RIG005"
    name = "plicht-tot-weigeren"
    category = Category.RIGID_EXCLUSION
    severity = Severity.WARNING

    def check(self, doc, ctx):
        index = index_for(ctx)
        for s in ctx.analysis.sentences():
            m = _REFUSAL_RE.search(s.text)
            # (a 'kan' after the refusal is the resident's: 'indien de cliënt het budget niet kan beheren')
            if (not m or _POWER_RE.search(s.text, 0, m.start()) or _law_in_sentence(s.text) or way_out_in(s.text)
                    or has_judgement(s.text) or _UNMET_RE.search(s.text) or _HELP_DONE_RE.search(s.text)):
                continue
            if ctx.analysis.explains(s.node):
                continue
            if _CONDITION_FIRST_RE.match(s.text, m.start()) and not s.text[:m.start()].strip(" \t\n-–•*"):
                continue  # 'Wordt de aanvraag afgewezen, dan …': the refusal is the condition
            if _IN_CLAUSE_RE.search(s.text, 0, m.start()):
                continue  # 'Als de aanvraag wordt afgewezen, ontvangt u …': a refusal in a clause of when
            if s.node.kind in ITEM_KINDS and _CONDITION_LEAD_RE.search(list_lead_in(doc, s.node)):
                continue  # an item of '… indien:' is a case in which, not a rule
            if _the_law_excludes(ctx.analysis, index, s, _law_refuses):
                continue  # the law's own duty to refuse, repeated (artikel 36, derde lid, Participatiewet)
            art = s.node.nearest(Kind.ARTIKEL)
            # the law of the sentence itself first ('het pgb wordt geweigerd'), then of its article
            scopes = (s.text, art.title or "", art.full_text) if art is not None else (s.text,)
            why = next((w for text in scopes for pattern, w in _DOMAINS if pattern.search(text)),
                       "de wet geeft hier meestal een bevoegdheid, geen plicht")
            yield ctx.finding(
                s.start + m.start(), s.start + m.end(),
                f"'{m.group(0)}' maakt van een bevoegdheid een plicht; {why}.",
                suggestion=("Schrijf 'we kunnen … weigeren' en noem waarop we letten bij de afweging."
                            if ctx.profile == "omgekeerd" else
                            "Schrijf 'kan … weigeren' en noem waarop het college let bij de afweging."),
            )
