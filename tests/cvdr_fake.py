"""A local imitation of the CVDR services plus a synthetic national corpus.

Two parts, both for tests and ``benchmarks/`` scripts. Import it as a plain
module with this folder on ``sys.path`` (``import cvdr_fake``; pytest already
puts ``tests/`` there). ``from tests.cvdr_fake import ...`` does NOT work where
verolint's dependencies are installed: textstat 0.7.x ships a top-level
``tests`` package into site-packages, and a regular package wins over this
``__init__``-less folder. In a script::

    sys.path.insert(0, str(REPO / "tests"))
    from cvdr_fake import FakeCvdr, generate, write

* :func:`generate` builds a deterministic list of :class:`Regulation` objects:
  municipal social-domain regulations in the real CVDR XML shape, assembled
  from article building blocks taken from the real texts in the shared corpus
  (``$VEROLINT_CORPUS`` or ``../shared/corpus``) and ``samples/``, with a set
  of invented article templates as fallback and as extra material.
  :func:`write` stores them as ``<record_id>.xml`` files.
* :class:`FakeCvdr` is a context manager running an HTTP server on 127.0.0.1
  that answers like the SRU 1.2 search service (``zoekservice.overheid.nl``,
  ``x-connection=cvdr``) and the official publication repository
  (``repository.officiele-overheidspublicaties.nl/cvdr/...``), with injectable
  faults per URL path.

No pytest in here: the module is plain Python.

SRU record layout served (element names as the real service; the namespaces
of the inner containers are a best guess, so parse by local name)::

    searchRetrieveResponse (xmlns srw) / version, numberOfRecords,
      records/record/(recordSchema, recordPacking, recordData/gzd:gzd/(
          gzd:originalData/overheidrg:meta/(overheidrg:owmskern/dcterms:*,
              overheidrg:owmsmantel/dcterms:*, overheidrg:cvdripm/overheidrg:*),
          gzd:enrichedData/gzd:(organisatietype, publicatieurl_xhtml, publicatieurl_xml,
              preferred_url, preferred_work_url)), recordPosition),
      nextRecordPosition (only when more follow), echoedSearchRetrieveRequest,
      diagnostics/diagnostic (xmlns srw diagnostic: uri, details, message)

CQL understood: ``index = value`` (or ``==``; ``<``, ``<=``, ``>``, ``>=`` on
overheidrg.inwerkingtredingDatum / uitwerkingtredingDatum), value bare or
"quoted", combined with and / not (binding tighter) and or, parentheses.
Diagnostics (HTTP 200, numberOfRecords 0): 1/10 syntax error, 1/16 unsupported
index (a bare term gives details ``cql.serverChoice``), 1/19 unsupported
relation, 1/36 bad date, 1/6 bad startRecord / maximumRecords (> 1000), 1/7
missing query. A startRecord past the end gives no records and no diagnostic.
Default maximumRecords is 10.

Faults (``fake.faults[url_path] = name``; also for ``/sru/Search``): "500",
"404", "truncate" (full Content-Length, half the bytes, then close),
"redirect-other-host" (302 to http://example.invalid/x.xml), "redirect-same"
(302 to ``/mirror<path>``, which serves the same bytes), "slow" (headers and 16
bytes, then 30 s of silence, cut short by stop()), "oversize" (200 MB without
Content-Length), "garbage" (``<cvdr><oops``), "wrong-id" (another work's XML).
"""

from __future__ import annotations

import datetime as _dt
import html
import os
import random
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

__all__ = ["Regulation", "generate", "write", "FakeCvdr", "FAULTS", "MUNICIPALITIES"]

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("VEROLINT_CORPUS", ROOT.parent / "shared" / "corpus"))

NS_CVDR = "http://standaarden.overheid.nl/cvdr/terms/"
NS_SRW = "http://www.loc.gov/zing/srw/"
NS_DIAG = "http://www.loc.gov/zing/srw/diagnostic/"
NS_GZD = "http://standaarden.overheid.nl/sru"

FAULTS = ("500", "404", "truncate", "redirect-other-host", "redirect-same", "slow",
          "oversize", "garbage", "wrong-id")


# ======================================================================================
# The regulation record
# ======================================================================================

@dataclass(frozen=True)
class Regulation:
    work: str                 # "CVDR700123"
    version: int              # 1, 2, ...
    title: str
    creator: str              # municipality, exact CVDR spelling
    subject: str
    indeling: str             # "verordening overig" / "beleidsregel"
    inwerking: str            # YYYY-MM-DD
    uitwerking: str | None    # YYYY-MM-DD, None while in force
    xml: bytes
    issued: str = ""          # YYYY-MM-DD (dcterms:issued)
    modified: str = ""        # YYYY-MM-DD (dcterms:modified)
    has_hardship: bool = False    # the generator put a hardship clause in
    omgekeerd: bool = False       # written in the "omgekeerd" (u/we) style

    @property
    def record_id(self) -> str:
        return f"{self.work}_{self.version}"

    def __repr__(self) -> str:  # keep the bytes out of test output
        return f"Regulation({self.record_id!r}, {self.creator!r}, {self.title!r})"


# ======================================================================================
# Municipalities (CVDR spelling)
# ======================================================================================

MUNICIPALITIES = (
    "'s-Gravenhage", "'s-Hertogenbosch", "Aa en Hunze", "Achtkarspelen", "Alkmaar", "Almelo", "Almere",
    "Alphen aan den Rijn", "Altena", "Ameland", "Amersfoort", "Amstelveen", "Amsterdam", "Apeldoorn",
    "Arnhem", "Assen", "Baarn", "Barneveld", "Beekdaelen", "Bergen (L)", "Bergen (NH)", "Bergen op Zoom",
    "Berkelland", "Beverwijk", "Borger-Odoorn", "Borne", "Breda", "Bronckhorst", "Brummen", "Bunnik",
    "Buren", "Castricum", "Coevorden", "Culemborg", "Dalfsen", "Dantumadiel", "De Bilt", "De Fryske Marren",
    "De Wolden", "Delft", "Den Helder", "Deventer", "Diemen", "Dinkelland", "Doesburg", "Doetinchem",
    "Dordrecht", "Dronten", "Duiven", "Echt-Susteren", "Edam-Volendam", "Ede", "Eemsdelta", "Eijsden-Margraten",
    "Eindhoven", "Elburg", "Emmen", "Enschede", "Epe", "Ermelo", "Gemert-Bakel", "Gennep", "Goeree-Overflakkee",
    "Goes", "Gouda", "Groningen", "Haaksbergen", "Haarlem", "Haarlemmermeer", "Hardenberg", "Harderwijk",
    "Harlingen", "Hattem", "Heemskerk", "Heerde", "Heerenveen", "Heerlen", "Hellendoorn", "Helmond",
    "Hengelo", "Het Hogeland", "Heusden", "Hilversum", "Hoeksche Waard", "Hof van Twente", "Hollands Kroon",
    "Hoogeveen", "Hoorn", "Houten", "IJsselstein", "Kaag en Braassem", "Kampen", "Katwijk", "Land van Cuijk",
    "Landsmeer", "Leeuwarden", "Leiden", "Leidschendam-Voorburg", "Lelystad", "Lochem", "Lopik", "Losser",
    "Maasdriel", "Maashorst", "Maastricht", "Meierijstad", "Meppel", "Middelburg", "Midden-Drenthe",
    "Midden-Groningen", "Montferland", "Nieuwegein", "Nijkerk", "Nijmegen", "Nissewaard", "Noardeast-Fryslân",
    "Noordenveld", "Noordoostpolder", "Nuenen, Gerwen en Nederwetten", "Oisterwijk", "Oldambt", "Oldenzaal",
    "Olst-Wijhe", "Ommen", "Ooststellingwerf", "Opsterland", "Oss", "Oude IJsselstreek", "Overbetuwe",
    "Pekela", "Peel en Maas", "Purmerend", "Putten", "Raalte", "Renkum", "Rheden", "Rijssen-Holten",
    "Roermond", "Roosendaal", "Rotterdam", "Schagen", "Scherpenzeel", "Schiedam", "Schiermonnikoog",
    "Schouwen-Duiveland", "Simpelveld", "Sittard-Geleen", "Sluis", "Smallingerland", "Stadskanaal",
    "Staphorst", "Steenwijkerland", "Súdwest-Fryslân", "Terneuzen", "Terschelling", "Texel", "Tiel",
    "Tilburg", "Tubbergen", "Twenterand", "Tynaarlo", "Tytsjerksteradiel", "Uithoorn", "Urk", "Utrecht",
    "Utrechtse Heuvelrug", "Vaals", "Veendam", "Veenendaal", "Veere", "Velsen", "Venlo", "Vlieland",
    "Vlissingen", "Voorne aan Zee", "Voorst", "Waadhoeke", "Wageningen", "West Betuwe", "Westerkwartier",
    "Westerveld", "Westerwolde", "Westland", "Weststellingwerf", "Wierden", "Winterswijk", "Woerden",
    "Zaanstad", "Zaltbommel", "Zeewolde", "Zeist", "Zevenaar", "Zoetermeer", "Zutphen", "Zwartewaterland",
    "Zwolle",
)

# names of the municipalities in the source texts, replaced by the target municipality
_SOURCE_NAMES = re.compile(
    r"\[naam gemeente\]|\b(?:Aa en Hunze|Zaltbommel|Amsterdam|Rotterdam|Diemen|Hilversum|Veldhoven-aan-Zee|Kampen)\b")


# ======================================================================================
# Article building blocks
# ======================================================================================
#
# An article block is (title, items, style, kind, domain). Items are lists
# [kind, marker, text, children] with kind "al" (alinea), "lid", "ond"
# (onderdeel, also bullets) or "sub" (sub-onderdeel).

@dataclass(frozen=True)
class _Block:
    title: str
    items: tuple
    style: str      # "klassiek" / "omgekeerd"
    kind: str       # "begrippen" / "hardheid" / "rigide" / "slot" / "general"
    domain: str     # "wmo" / "pw" / "any"
    size: int


_ART_RE = re.compile(r"^Artikel\s+(\d+(?:[.:]\d+)*[a-z]?)\.?(?:\s+(.*))?$")
_SECTION_RE = re.compile(r"^(\d{1,2}\.\d{1,2})\s+([A-Z].*)$")     # "12.3 Afwijken van ..." (omgekeerd)
_STOP_RE = re.compile(
    r"^(?:HOOFDSTUK|Hoofdstuk|Paragraaf|PARAGRAAF|§|Afdeling|AFDELING|Bron:|Ondertekening|Aldus|"
    r"Toelichting|TOELICHTING|ALGEMENE TOELICHTING|Bijlage|BIJLAGE|De voorzitter|De griffier|Stap\s+\d|"
    r"Kernwaarden|Burgemeester en wethouders van|Het college van burgemeester en wethouders van)")
_LID_RE = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
_OND_RE = re.compile(r"^([a-z]{1,2})[.)]\s+(\S.*)$")
_SUB_RE = re.compile(r"^(\d{1,2}°|[ivx]{1,4}\.)\s+(\S.*)$")
_BUL_RE = re.compile(r"^[•❖·\-–—]\s*(\S.*)$")
_HARD_RE = re.compile(r"hardheid|onbillijkhe|onredelijke uitkomst|onredelijk uitpak", re.I)
_BEGRIP_RE = re.compile(r"begrip|wie is wie|definitie", re.I)
_SLOT_RE = re.compile(r"citeertitel|inwerkingtreding|ingangsdatum|intrekking|overgangs|slotbepaling|"
                      r"hoe heet|wanneer gaat|wanneer gaan|naam van de", re.I)
_RIGID_RE = re.compile(r"\bwordt geen\b.*\bverstrekt|\bwordt niet verstrekt|\bkomt niet in aanmerking", re.I)
_YOU_RE = re.compile(r"\b(?:u|uw|we|wij|ons|onze)\b", re.I)


def _parse_items(lines: list[str]) -> list:
    """Structure the body lines of one article into items (see _Block)."""
    items: list = []
    lid = ond = last = None
    expected = 1
    prev_line = ""
    for raw in lines:
        s = raw.strip().replace("**", "")
        if not s:
            continue
        s = " ".join(s.split())
        m_lid, m_ond, m_sub, m_bul = _LID_RE.match(s), _OND_RE.match(s), _SUB_RE.match(s), _BUL_RE.match(s)
        if not (m_lid or m_ond or m_sub or m_bul) and last is not None and s[0].islower() \
                and not prev_line.endswith((".", ":", ";", "?")):
            last[2] += " " + s  # a hard-wrapped line
            prev_line = last[2]
            continue
        prev_line = s
        if m_sub and ond is not None and not (
                len(m_sub.group(1)) == 2 and len(ond[1]) == 2 and ord(m_sub.group(1)[0]) == ord(ond[1][0]) + 1):
            last = ["sub", m_sub.group(1), m_sub.group(2), []]
            ond[3].append(last)
        elif m_lid and int(m_lid.group(1)) == expected:
            last = lid = ["lid", m_lid.group(1), m_lid.group(2), []]
            items.append(lid)
            ond = None
            expected += 1
        elif m_lid and ond is not None:
            last = ["sub", f"{m_lid.group(1)}°", m_lid.group(2), []]
            ond[3].append(last)
        elif m_ond or m_bul:
            marker, text = (m_ond.group(1) + ".", m_ond.group(2)) if m_ond else ("•", m_bul.group(1))
            last = ["ond", marker, text, []]
            (lid[3] if lid is not None else items).append(last)
            ond = last if m_ond else None
        else:
            last = ["al", "", s, []]
            (lid[3] if lid is not None else items).append(last)
            ond = None
    return items


def _items_size(items) -> int:
    return sum(len(it[2]) + 4 + _items_size(it[3]) for it in items)


def _freeze(items) -> tuple:
    return tuple((k, m, t, _freeze(c)) for k, m, t, c in items)


def _classify(title: str, items: list, style_hint: str) -> tuple[str, str]:
    flat = " ".join(_flat_texts(items))
    if _BEGRIP_RE.search(title) or "wordt verstaan onder" in flat[:200]:
        kind = "begrippen"
    elif _HARD_RE.search(title) or _HARD_RE.search(flat):
        kind = "hardheid"
    elif _SLOT_RE.search(title):
        kind = "slot"
    elif _RIGID_RE.search(flat):
        kind = "rigide"
    else:
        kind = "general"
    style = style_hint
    if style == "klassiek" and len(_YOU_RE.findall(flat)) >= 3:
        style = "omgekeerd"
    return kind, style


def _flat_texts(items):
    for _k, _m, t, c in items:
        yield t
        yield from _flat_texts(c)


def _split_articles(text: str, style: str, domain: str, sections: bool) -> list[_Block]:
    blocks: list[_Block] = []
    title = None
    body: list[str] = []
    collecting = False

    def flush():
        if title and body:
            items = _parse_items(body)
            size = _items_size(items)
            if items and 60 <= size <= 9000:
                kind, st = _classify(title, items, style)
                blocks.append(_Block(title, _freeze(items), st, kind, domain, size))

    blank = True
    for raw in text.splitlines():
        after_blank, blank = blank, not raw.strip()
        line = raw.lstrip("#").strip() if raw.startswith("#") else raw
        stripped = line.strip().replace("**", "").strip()
        m = _ART_RE.match(stripped)
        sm = _SECTION_RE.match(stripped) if sections and not m else None
        if m or sm:
            flush()
            title = (m.group(2) if m else sm.group(2)) or ""
            title = title.strip().strip("*").strip()
            body, collecting = [], bool(title)
            continue
        if _STOP_RE.match(stripped) or (sections and after_blank
                                        and re.match(r"^\d{1,2}\.\s+[A-Z][^.:;]{0,60}$", stripped)):
            flush()
            title, body, collecting = None, [], False
            continue
        if collecting:
            body.append(line)
    flush()
    return blocks


_TEMPLATES = """
@klassiek general any
Artikel 0 Aanvraag
1. Een aanvraag wordt schriftelijk of digitaal ingediend bij het college, op een door het college vastgesteld formulier.
2. Het college beslist binnen acht weken na ontvangst van de volledige aanvraag.
3. In bijzondere gevallen kan het college de beslistermijn met ten hoogste zes weken verdagen.
4. Het college kan nadere regels stellen over de wijze waarop de aanvraag wordt ingediend.

@klassiek general wmo
Artikel 0 Melding
1. Een melding van de behoefte aan maatschappelijke ondersteuning kan mondeling, schriftelijk of elektronisch worden gedaan bij het college.
2. Het college bevestigt de ontvangst van de melding schriftelijk.
3. Indien sprake is van een spoedeisend geval, treft het college zo spoedig mogelijk een tijdelijke maatwerkvoorziening in afwachting van het onderzoek, bedoeld in {ref}.

@klassiek general wmo
Artikel 0 Onderzoek
1. Het college voert binnen zes weken na ontvangst van de melding een onderzoek uit als bedoeld in artikel 2.3.2 van de wet.
2. Het college stelt de cliënt in de gelegenheid om binnen zeven dagen na de melding een persoonlijk plan in te dienen.
3. Het college betrekt bij het onderzoek, voor zover mogelijk en nodig, de mantelzorger en het sociale netwerk van de cliënt.
4. Het college verstrekt de cliënt een schriftelijke weergave van de uitkomsten van het onderzoek.

@klassiek general wmo
Artikel 0 Criteria voor een maatwerkvoorziening
1. De cliënt komt in aanmerking voor een maatwerkvoorziening voor zover hij naar het oordeel van het college problemen ondervindt bij:
a. het voeren van een gestructureerd huishouden;
b. het maken van lokale verplaatsingen per vervoermiddel;
c. het ontmoeten van andere personen en het aangaan van sociale contacten;
d. het zich lokaal verplaatsen in en om de woning.
2. Een maatwerkvoorziening wordt uitsluitend verstrekt indien de problemen niet op eigen kracht, met gebruikelijke hulp, met mantelzorg of met hulp van andere personen uit het sociale netwerk kunnen worden opgelost.
3. Bij de beoordeling houdt het college rekening met de kosten en met de omstandigheden, bedoeld in {ref}.

@klassiek general wmo
Artikel 0 Persoonsgebonden budget
1. Het college stelt de hoogte van een persoonsgebonden budget vast op basis van een plan waarin in ieder geval is opgenomen:
a. welke diensten, hulpmiddelen, woningaanpassingen of andere maatregelen de cliënt wil inkopen;
b. hoe wordt gewaarborgd dat deze van goede kwaliteit zijn;
c. wie de ondersteuning levert.
2. Het persoonsgebonden budget is niet hoger dan de kostprijs van de maatwerkvoorziening in natura.
3. Het college kan in bijzondere gevallen een hoger tarief toestaan.

@klassiek general any
Artikel 0 Bijdrage in de kosten
1. De cliënt is een bijdrage in de kosten verschuldigd voor een maatwerkvoorziening of een persoonsgebonden budget, zolang hij van de maatwerkvoorziening gebruikmaakt.
2. De bijdrage wordt vastgesteld en geïnd door het CAK.
3. Het college kan bij nadere regels bepalen dat voor bepaalde voorzieningen geen bijdrage is verschuldigd.

@klassiek general any
Artikel 0 Weigeringsgronden
Het college kan een aanvraag weigeren indien de aanvrager:
a. niet voldoet aan de voorwaarden, bedoeld in {ref};
b. onvoldoende medewerking verleent aan het onderzoek;
c. naar het oordeel van het college in staat is om de kosten zelf te dragen;
d. de gevraagde voorziening heeft aangeschaft voordat het college een besluit heeft genomen.

@klassiek general any
Artikel 0 Intrekking en herziening
1. Het college kan een besluit tot toekenning herzien of intrekken indien:
a. de belanghebbende onjuiste of onvolledige gegevens heeft verstrekt en de verstrekking van juiste of volledige gegevens tot een andere beslissing zou hebben geleid;
b. de belanghebbende niet langer op de voorziening is aangewezen;
c. de voorziening niet of niet meer voldoet aan het doel waarvoor zij is verstrekt.
2. Het college kan het ten onrechte verstrekte bedrag terugvorderen.
3. Van terugvordering kan worden afgezien indien daarvoor dringende redenen aanwezig zijn.

@klassiek general any
Artikel 0 Kwaliteit
1. Het college stelt bij nadere regels eisen aan de kwaliteit van de voorzieningen.
2. Aanbieders beschikken over een meldcode huiselijk geweld en kindermishandeling.
3. Het college houdt toezicht op de naleving van de kwaliteitseisen, zo nodig onaangekondigd.

@klassiek general any
Artikel 0 Klachtregeling
1. Het college stelt een regeling vast voor de afhandeling van klachten van inwoners over gedragingen van het college.
2. Een klacht wordt binnen zes weken afgehandeld.
3. Het college kan de afhandeling in bijzondere gevallen met ten hoogste vier weken verdagen.

@klassiek general any
Artikel 0 Medezeggenschap
1. Het college betrekt ingezetenen bij de voorbereiding van beleid als bedoeld in {ref}.
2. Het college stelt ingezetenen in de gelegenheid om voorstellen voor beleid te doen.
3. De adviesraad sociaal domein {gemeente} brengt gevraagd en ongevraagd advies uit aan het college.

@klassiek general wmo
Artikel 0 Waardering mantelzorgers
1. Het college bepaalt jaarlijks de vorm van de waardering voor mantelzorgers van cliënten in de gemeente {gemeente}.
2. De waardering bestaat uit een bedrag van ten hoogste € 200 per mantelzorger per kalenderjaar.
3. In bijzondere gevallen kan het college een andere vorm van waardering kiezen.

@klassiek general pw
Artikel 0 Individuele inkomenstoeslag
1. Het college verleent op aanvraag een individuele inkomenstoeslag aan een persoon van 21 jaar of ouder tot de pensioengerechtigde leeftijd die langdurig een laag inkomen heeft.
2. Onder langdurig wordt verstaan een periode van ten minste 36 maanden, voorafgaand aan de peildatum.
3. De hoogte van de toeslag bedraagt voor een alleenstaande € 467 en voor gehuwden € 667.
4. Er wordt geen individuele inkomenstoeslag verleend indien de aanvrager binnen twaalf maanden voorafgaand aan de peildatum een toeslag heeft ontvangen.

@klassiek general pw
Artikel 0 Verlaging van de bijstand
1. Het college verlaagt de bijstand indien de belanghebbende naar het oordeel van het college tekortschiet in het besef van verantwoordelijkheid voor de voorziening in het bestaan.
2. De verlaging bedraagt:
a. in de eerste categorie: 20 procent van de bijstandsnorm gedurende één maand;
b. in de tweede categorie: 50 procent van de bijstandsnorm gedurende één maand;
c. in de derde categorie: 100 procent van de bijstandsnorm gedurende één maand.
3. Het college ziet af van een verlaging indien elke vorm van verwijtbaarheid ontbreekt.
4. Artikel {ref} is van overeenkomstige toepassing.

@klassiek general pw
Artikel 0 Tegenprestatie
1. Het college kan een belanghebbende opdragen een tegenprestatie te verrichten als bedoeld in artikel 9, eerste lid, onderdeel c, van de Participatiewet.
2. De tegenprestatie bestaat uit onbeloonde maatschappelijk nuttige werkzaamheden, die naar omvang en tijdsduur in redelijke verhouding staan tot de duur van de bijstand.
3. Het college houdt bij het opdragen van een tegenprestatie rekening met de persoonlijke omstandigheden, voor zover die bekend zijn.

@klassiek general pw
Artikel 0 Re-integratievoorzieningen
1. Het college kan een persoon uit de doelgroep een of meer van de volgende voorzieningen aanbieden:
a. een participatieplaats;
b. een proefplaatsing;
c. een werkstage;
d. beschut werk;
e. scholing en jobcoaching.
2. Een voorziening wordt slechts aangeboden voor zover dit naar het oordeel van het college noodzakelijk is voor de arbeidsinschakeling.
3. Het college kan aan een voorziening verplichtingen verbinden die strekken tot arbeidsinschakeling.

@klassiek general pw
Artikel 0 Bijzondere bijstand voor duurzame gebruiksgoederen
1. Bijzondere bijstand voor duurzame gebruiksgoederen wordt in de vorm van een geldlening verstrekt, tenzij het college in bijzondere gevallen anders bepaalt.
2. Het college hanteert bij de bepaling van de hoogte van de bijstand de bedragen die het Nibud voor de betreffende goederen hanteert.
3. In afwijking van {ref} wordt de bijstand om niet verstrekt aan een belanghebbende die langer dan drie jaar op bijstand is aangewezen.

@klassiek rigide any
Artikel 0 Uitsluitingen
1. Er wordt geen maatwerkvoorziening verstrekt:
a. voor zover de voorziening algemeen gebruikelijk is;
b. voor kosten die zijn gemaakt voordat de aanvraag is ingediend;
c. indien de aanvrager verhuist naar een woning die niet geschikt is, tenzij daarvoor dringende redenen aanwezig zijn;
d. indien de noodzaak al bestond op het moment van aanschaf.
2. Een maatwerkvoorziening wordt niet verstrekt aan een cliënt die verblijft in een instelling.

@klassiek rigide pw
Artikel 0 Uitgesloten kosten
Er wordt geen bijzondere bijstand verstrekt voor:
a. kosten van een uitvaart, voor zover deze hoger zijn dan € 4.500;
b. kosten van rechtsbijstand die achteraf zijn gemaakt;
c. kosten van een huisdier;
d. boetes en schulden aan de gemeente {gemeente}.

@klassiek rigide any
Artikel 0 Geen voorziening bij eerdere verstrekking
Een voorziening wordt geen tweede keer verstrekt binnen de afschrijvingstermijn van de eerder verstrekte voorziening, ongeacht de omstandigheden van de aanvrager.

@klassiek rigide wmo
Artikel 0 Woningaanpassing
1. Er wordt geen woonvoorziening verstrekt indien de aanvrager zonder noodzaak is verhuisd naar een woning die niet als adequaat is te beschouwen.
2. Een woonvoorziening wordt uitsluitend verstrekt aan de eigenaar of de hoofdbewoner van de woning.
3. Verhuiskosten worden vergoed tot ten hoogste € 3.000.

@klassiek hardheid any
Artikel 0 Hardheidsclausule
Het college kan in bijzondere gevallen, indien toepassing van deze verordening tot onbillijkheden van overwegende aard leidt, ten gunste van de aanvrager afwijken van de bepalingen in deze verordening.

@klassiek hardheid any
Artikel 0 Afwijkingsbevoegdheid
1. Het college kan in individuele gevallen ten gunste van de belanghebbende afwijken van de bepalingen van deze regeling, indien toepassing daarvan gelet op het doel van de regeling tot onbillijkheden van overwegende aard leidt.
2. Het college motiveert een afwijking in het besluit.

@klassiek hardheid any
Artikel 0 Hardheidsclausule en nadere regels
1. Het college kan nadere regels stellen ter uitvoering van deze verordening.
2. Het college kan in bijzondere gevallen, ten gunste van de cliënt, afwijken van deze verordening indien toepassing daarvan tot een onbillijkheid van overwegende aard leidt.

@klassiek begrippen any
Artikel 0 Begripsbepalingen
1. In deze verordening wordt verstaan onder:
a. aanvrager: de ingezetene die een aanvraag indient;
b. college: het college van burgemeester en wethouders van de gemeente {gemeente};
c. cliënt: een persoon als bedoeld in artikel 1.1.1 van de wet;
d. mantelzorger: degene die mantelzorg verleent;
e. sociaal netwerk: personen uit de huiselijke kring of andere personen met wie de cliënt een sociale relatie onderhoudt;
f. wet: de Wet maatschappelijke ondersteuning 2015.
2. Alle begrippen die in deze verordening worden gebruikt en die niet nader worden omschreven, hebben dezelfde betekenis als in de wet en de Algemene wet bestuursrecht.

@klassiek begrippen pw
Artikel 0 Begripsbepalingen
1. In deze verordening wordt verstaan onder:
a. wet: de Participatiewet;
b. college: het college van burgemeester en wethouders van de gemeente {gemeente};
c. belanghebbende: de persoon die bijstand ontvangt of heeft aangevraagd;
d. bijstandsnorm: de norm, bedoeld in de artikelen 20 tot en met 22a van de wet;
e. peildatum: de datum waarop de aanvraag is ontvangen.
2. Alle begrippen die in deze verordening worden gebruikt en die niet nader worden omschreven, hebben dezelfde betekenis als in de wet.

@klassiek slot any
Artikel 0 Citeertitel
Deze verordening wordt aangehaald als: {titel}.

@klassiek slot any
Artikel 0 Inwerkingtreding
1. Deze verordening treedt in werking op de dag na die van de bekendmaking.
2. De vorige verordening wordt ingetrokken met ingang van het tijdstip van inwerkingtreding van deze verordening.

@klassiek slot any
Artikel 0 Overgangsrecht
1. Een voorziening die is toegekend op grond van de ingetrokken verordening, wordt aangemerkt als een voorziening op grond van deze verordening.
2. Op een aanvraag die is ingediend voor de inwerkingtreding van deze verordening en waarop nog niet is beslist, wordt beslist met toepassing van deze verordening.

@omgekeerd general any
Artikel 0 Wat is het doel?
1. Met deze regels willen we dat u zoveel mogelijk zelf mee kunt doen in {gemeente}.
2. We kijken eerst naar wat u zelf kunt en wat de mensen om u heen kunnen doen.
3. Lukt dat niet, dan helpen we u. We kiezen de hulp die het beste bij u past.

@omgekeerd general any
Artikel 0 Hoe vraagt u hulp?
1. U kunt ons bellen, mailen of langskomen bij het sociaal team.
2. We nemen binnen vijf werkdagen contact met u op.
3. Is de situatie dringend? Dan helpen we u meteen, ook als het gesprek nog niet heeft plaatsgevonden.

@omgekeerd general any
Artikel 0 Het gesprek
1. We gaan met u in gesprek over uw situatie. In het gesprek kijken we naar:
a. wat u zelf kunt;
b. wat mensen om u heen kunnen doen;
c. welke algemene voorzieningen er zijn;
d. welke hulp u verder nodig heeft.
2. U mag iemand meenemen naar het gesprek, bijvoorbeeld een familielid of een cliëntondersteuner.
3. Na het gesprek krijgt u een verslag. Als u het niet eens bent met het verslag, kunt u dat binnen tien dagen laten weten.

@omgekeerd general any
Artikel 0 Wanneer krijgt u hulp-op-maat?
1. U krijgt hulp-op-maat als u niet zelf of met hulp van anderen een oplossing kunt vinden.
2. We kijken daarbij naar de kosten. We kiezen de goedkoopste oplossing die goed genoeg is.
3. In bijzondere gevallen kunnen we hulp geven die duurder is, zie {ref}.

@omgekeerd general any
Artikel 0 Wat verwachten we van u?
1. U geeft ons de informatie die we nodig hebben om een goed besluit te nemen.
2. Verandert uw situatie? Dan laat u dat zo snel mogelijk weten.
3. U gebruikt de hulp waarvoor die bedoeld is.

@omgekeerd general any
Artikel 0 Wat kost de hulp?
1. Voor sommige hulp betaalt u een eigen bijdrage. Het CAK stelt deze bijdrage vast.
2. We kunnen bepalen dat u geen bijdrage betaalt als u een laag inkomen heeft.

@omgekeerd general any
Artikel 0 Wat als u het niet eens bent?
1. Bent u het niet eens met ons besluit? Dan kunt u bezwaar maken. Dat staat in het besluit.
2. We bellen u eerst op om te kijken of we er samen uit kunnen komen.

@omgekeerd general any
Artikel 0 Wanneer stoppen we de hulp?
1. We kunnen de hulp stoppen of terugvragen als:
a. u ons onjuiste informatie heeft gegeven;
b. u de hulp niet meer nodig heeft;
c. u de hulp niet gebruikt waarvoor die bedoeld is.
2. We vragen het geld terug dat u te veel heeft ontvangen, tenzij er dringende redenen zijn om dat niet te doen.

@omgekeerd rigide any
Artikel 0 Wanneer krijgt u geen hulp?
1. U krijgt geen hulp-op-maat voor dingen die iedereen gewoon zelf koopt.
2. Er wordt geen vergoeding verstrekt voor kosten die u maakte voordat u zich bij ons meldde.

@omgekeerd hardheid any
Artikel 0 Wat als de regels niet passen?
1. Soms passen de regels in deze verordening niet goed bij uw situatie. Dan kunnen we van de regels afwijken.
2. We doen dat alleen als het toepassen van de regels voor u een onredelijke uitkomst heeft (hardheidsclausule).
3. We leggen in ons besluit uit waarom we afwijken.

@omgekeerd hardheid any
Artikel 0 Afwijken van de regels
We kunnen afwijken van deze regels als die voor u onredelijk uitpakken. Dat heet de hardheidsclausule. We doen dat alleen in uw voordeel.

@omgekeerd begrippen any
Artikel 0 Wie is wie?
In deze verordening bedoelen we met:
a. u: de inwoner van de gemeente {gemeente} die hulp vraagt;
b. we of wij: het college van burgemeester en wethouders;
c. hulp-op-maat: hulp die speciaal voor u is bedoeld;
d. sociaal netwerk: de mensen om u heen, zoals familie, vrienden en buren.

@omgekeerd slot any
Artikel 0 Hoe heten deze regels?
Deze regels heten: {titel}.

@omgekeerd slot any
Artikel 0 Wanneer gaan deze regels in?
1. Deze regels gaan in op 1 januari {jaar}.
2. De oude verordening geldt vanaf dat moment niet meer.
"""


def _template_blocks() -> list[_Block]:
    blocks = []
    for chunk in _TEMPLATES.split("\n@")[1:]:
        head, _, rest = chunk.partition("\n")
        style, kind, domain = head.lstrip("@").split()
        lines = rest.strip().splitlines()
        title = _ART_RE.match(lines[0]).group(2)
        items = _parse_items(lines[1:])
        blocks.append(_Block(title, _freeze(items), style, kind, domain, _items_size(items)))
    return blocks


_POOL: list[_Block] | None = None
_POOL_LOCK = threading.Lock()


def _pool() -> list[_Block]:
    """All article blocks: the real texts (read once) plus the invented templates."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            blocks: list[_Block] = []
            sources: list[tuple[Path, str, str]] = []
            for p in sorted((CORPUS / "ordinances-cvdr").glob("*.txt")):
                if "inhoudsopgave" in p.name:  # same text again with a table of contents
                    continue
                sources.append((p, "omgekeerd" if "omgekeerd" in p.name else "klassiek", "wmo"))
            for p in sorted((CORPUS / "ordinances-real").glob("*.txt")):
                sources.append((p, "klassiek", "pw"))
            for p in sorted((ROOT / "samples").glob("*")):
                if p.suffix in (".txt", ".md") and p.name.lower() != "readme.md":
                    sources.append((p, "omgekeerd" if "omgekeerd" in p.name else "klassiek", "wmo"))
            seen: set = set()
            for path, style, domain in sources:
                try:
                    text = path.read_text(encoding="utf-8")
                except OSError:
                    continue
                for b in _split_articles(text, style, domain, sections=style == "omgekeerd"):
                    key = (b.title, b.items)
                    if key not in seen:
                        seen.add(key)
                        blocks.append(b)
            blocks.extend(_template_blocks())
            _POOL = blocks
        return _POOL


# ======================================================================================
# Assembling a regulation
# ======================================================================================

_KINDS = (
    # (domain, subject, indeling, title patterns, may be omgekeerd)
    ("wmo", "maatschappelijke zorg en welzijn", "verordening overig",
     ("Verordening maatschappelijke ondersteuning {g} {y}", "Verordening Wmo {g} {y}",
      "Verordening maatschappelijke ondersteuning gemeente {g} {y}"), True),
    ("wmo", "jeugd", "verordening overig",
     ("Verordening jeugdhulp gemeente {g} {y}", "Verordening jeugdhulp {g} {y}"), True),
    ("wmo", "maatschappelijke zorg en welzijn", "verordening overig",
     ("Verordening sociaal domein {g} {y}", "Verordening Wmo en Jeugd {g} {y}"), True),
    ("pw", "sociale zekerheid", "verordening overig",
     ("Re-integratieverordening Participatiewet {g} {y}", "Verordening individuele inkomenstoeslag {g} {y}",
      "Maatregelenverordening Participatiewet, IOAW en IOAZ {g} {y}", "Verordening tegenprestatie {g} {y}"), False),
    ("pw", "sociale zekerheid", "beleidsregel",
     ("Beleidsregels bijzondere bijstand {g} {y}", "Beleidsregels terugvordering en verhaal Participatiewet {g} {y}",
      "Beleidsregels handhaving Participatiewet {g} {y}"), False),
    ("wmo", "maatschappelijke zorg en welzijn", "beleidsregel",
     ("Beleidsregels maatschappelijke ondersteuning {g} {y}", "Beleidsregels mantelzorgwaardering {g} {y}"), False),
)
_KIND_WEIGHTS = (30, 14, 12, 18, 16, 10)

_CHAPTERS_KLASSIEK = ("Toegang", "Maatwerkvoorzieningen", "Persoonsgebonden budget", "Bijdragen in de kosten",
                      "Kwaliteit en toezicht", "Misbruik en oneigenlijk gebruik", "Verstrekking en verplichtingen",
                      "Procedure", "Bijzondere bepalingen")
_CHAPTERS_OMGEKEERD = ("De hulpvraag", "Hoe helpen we u?", "Wat mag u van ons verwachten?", "Wat verwachten we van u?",
                       "Geld en bijdragen", "Als het anders loopt")
_LAWS = ("de artikelen 2.1.3, 2.1.4, 2.1.6 en 2.6.6 van de Wet maatschappelijke ondersteuning 2015",
         "artikel 147 van de Gemeentewet", "de artikelen 2.9, 2.10 en 2.12 van de Jeugdwet",
         "de artikelen 8, 8a en 47 van de Participatiewet", "artikel 4:81 van de Algemene wet bestuursrecht")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def _long_date(d: _dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


class _Article:
    __slots__ = ("number", "title", "items", "block")

    def __init__(self, block: _Block):
        self.block = block
        self.title = block.title
        self.items = block.items
        self.number = ""


def _plan(rng: random.Random, kind, omgekeerd: bool, hardship: bool) -> dict:
    """What a regulation (work) consists of; versions are mutations of the plan."""
    domain = kind[0]
    pool = _pool()
    style = "omgekeerd" if omgekeerd else "klassiek"

    def pick(k: str, n: int, allow_other_domain: bool = True) -> list[_Block]:
        cands = [b for b in pool if b.kind == k and b.style == style and (b.domain in (domain, "any"))]
        if allow_other_domain and (not cands or rng.random() < 0.25):
            cands += [b for b in pool if b.kind == k and b.style == style]
        if not cands:
            cands = [b for b in pool if b.kind == k] or [b for b in pool if b.kind == "general"]
        return [cands[rng.randrange(len(cands))] for _ in range(n)]

    n_articles = min(25, max(4, int(rng.triangular(4, 26, 9))))
    begrip = pick("begrippen", 1, allow_other_domain=False)
    slots = pick("slot", rng.choice((1, 1, 2)))
    rigid = pick("rigide", rng.choice((0, 0, 1, 1, 2)))
    hard = pick("hardheid", 1) if hardship else []
    n_general = max(1, n_articles - 1 - len(slots) - len(rigid) - len(hard))
    general: list[_Block] = []
    seen: set = set()
    for b in pick("general", n_general * 3):
        if len(general) >= n_general:
            break
        if id(b) not in seen:
            seen.add(id(b))
            general.append(b)
    for b in rigid:
        general.insert(rng.randrange(len(general) + 1), b)
    # at least about 2 KB of text
    extra = pick("general", 20)
    while extra and sum(b.size for b in begrip + general + hard + slots) < 2200:
        general.append(extra.pop())
    return {
        "begrip": begrip, "general": general, "tail": hard + slots,
        "chapters": rng.random() < 0.5, "dotted": rng.random() < 0.5,
        "gap": rng.random() < 0.15, "lid_gap": rng.random() < 0.06,
        "cvdr_lists": rng.random() < 0.4, "li_attr": rng.random() < 0.5,
        "extra_ref": rng.random() < 0.3, "style": style,
    }


def _mutate(rng: random.Random, plan: dict) -> dict:
    """The next version of a work: one or two articles replaced, added or dropped."""
    general = list(plan["general"])
    pool = [b for b in _pool() if b.kind == "general" and b.style == plan["style"]]
    for _ in range(rng.choice((1, 1, 2))):
        r = rng.random()
        if r < 0.5 and general:
            general[rng.randrange(len(general))] = pool[rng.randrange(len(pool))]
        elif r < 0.8 or len(general) < 3:
            general.insert(rng.randrange(len(general) + 1), pool[rng.randrange(len(pool))])
        else:
            general.pop(rng.randrange(len(general)))
    return dict(plan, general=general, gap=plan["gap"] or rng.random() < 0.05)


_MAX_TEXT = 30_000


def _assemble(rng: random.Random, plan: dict, ctx: dict) -> tuple[str, str]:
    """(xml text, plain text) of one version."""
    arts = [_Article(b) for b in plan["begrip"]]
    budget = _MAX_TEXT - sum(b.size for b in plan["tail"]) - 1500
    used = sum(a.block.size for a in arts)
    for b in plan["general"]:
        if used + b.size > budget:
            continue
        arts.append(_Article(b))
        used += b.size
    arts += [_Article(b) for b in plan["tail"]]

    # chapters: begrippen | general split in 2-5 | tail
    chapters: list[tuple[str, list[_Article]]] | None = None
    if plan["chapters"] and len(arts) >= 5:
        names = _CHAPTERS_OMGEKEERD if plan["style"] == "omgekeerd" else _CHAPTERS_KLASSIEK
        middle = arts[1:len(arts) - len(plan["tail"])]
        k = max(1, min(len(middle), rng.randint(2, 5)))
        cuts = sorted(rng.sample(range(1, len(middle)), k - 1)) if len(middle) > 1 and k > 1 else []
        parts = [middle[i:j] for i, j in zip([0] + cuts, cuts + [len(middle)])]
        first = "Waarom deze regels?" if plan["style"] == "omgekeerd" else "Algemene bepalingen"
        last = "Tot slot" if plan["style"] == "omgekeerd" else "Slotbepalingen"
        chosen = rng.sample(names, min(len(parts), len(names)))
        chapters = [(first, arts[:1])] + [(chosen[i % len(chosen)], p) for i, p in enumerate(parts) if p]
        if plan["tail"]:
            chapters.append((last, arts[len(arts) - len(plan["tail"]):]))

    # numbering, with an occasional gap
    gap_at = rng.randrange(2, max(3, len(arts))) if plan["gap"] else -1
    n = 0
    if chapters:
        for ci, (_name, group) in enumerate(chapters, 1):
            j = 0
            for a in group:
                n += 1
                j += 1
                if n == gap_at:
                    n += 1
                    j += 1
                a.number = f"{ci}.{j}" if plan["dotted"] else str(n)
    else:
        for a in arts:
            n += 1
            if n == gap_at:
                n += 1
            a.number = str(n)
    numbers = [a.number for a in arts]

    def ref() -> str:
        if rng.random() < 0.2:  # a reference to an article that does not exist
            bad = f"{len(chapters) + rng.randint(1, 3)}.{rng.randint(1, 9)}" if chapters and plan["dotted"] \
                else str(len(arts) + rng.randint(2, 20))
            return f"artikel {bad}"
        r = f"artikel {rng.choice(numbers)}"
        return r + rng.choice(("", "", ", eerste lid", ", tweede lid", ", onderdeel a"))

    gemeente, title, year = ctx["gemeente"], ctx["title"], ctx["year"]
    beleid = ctx["indeling"] == "beleidsregel"

    def fill(text: str) -> str:
        text = _SOURCE_NAMES.sub(gemeente, text)
        if beleid:
            text = text.replace("deze verordening", "deze beleidsregels").replace("Deze verordening",
                                                                                  "Deze beleidsregels")
        if "{" in text:
            text = text.replace("{gemeente}", gemeente).replace("{titel}", title).replace("{jaar}", str(year))
            while "{ref}" in text:
                text = text.replace("{ref}", ref(), 1)
        return text

    plain: list[str] = [title]
    out: list[str] = []
    w = out.append
    li_attr, cvdr_lists = plan["li_attr"], plan["cvdr_lists"]
    extra_ref_in = rng.randrange(len(arts)) if plan["extra_ref"] else -1
    lid_gap_in = rng.randrange(len(arts)) if plan["lid_gap"] else -1

    def li_open(marker: str) -> str:
        return f"<li nr={quoteattr(marker)}>" if li_attr else f"<li><li.nr>{escape(marker)}</li.nr>"

    def al(text: str) -> None:
        t = fill(text)
        plain.append(t)
        w(f"<al>{escape(t)}</al>")

    def onderdelen(items) -> None:
        w("<lijst>")
        for _k, marker, text, subs in items:
            w(li_open(marker))
            al(text)
            if subs:
                onderdelen(subs)
            w("</li>")
        w("</lijst>")

    def children(items) -> None:
        run: list = []
        for it in items:
            if it[0] in ("ond", "sub"):
                run.append(it)
                continue
            if run:
                onderdelen(run)
                run = []
            al(it[2])
        if run:
            onderdelen(run)

    def article(a: _Article, idx: int) -> None:
        w(f"<artikel><kop><label>Artikel</label><nr>{escape(a.number)}</nr><titel>{escape(fill(a.title))}</titel></kop>")
        plain.append(f"Artikel {a.number} {a.title}")
        items = list(a.items)
        if idx == extra_ref_in:
            items.append(("al", "", "Artikel {ref} is van overeenkomstige toepassing.", ()))
        leden = [it for it in items if it[0] == "lid"]
        lidnr = 0
        skip_at = rng.randrange(2, len(leden) + 1) if idx == lid_gap_in and len(leden) >= 2 else -1
        in_list = False
        top_run: list = []
        for it in items:
            if it[0] != "lid":
                if in_list:
                    w("</lijst>")
                    in_list = False
                if it[0] in ("ond", "sub"):
                    top_run.append(it)
                    continue
                if top_run:
                    onderdelen(top_run)
                    top_run = []
                al(it[2])
                continue
            if top_run:
                onderdelen(top_run)
                top_run = []
            lidnr += 1
            if lidnr == skip_at:
                lidnr += 1
            if cvdr_lists:
                # CVDR habit: leden as li in a lijst, their onderdelen in a sibling lijst
                if not in_list:
                    w("<lijst>")
                    in_list = True
                w(f'<li nr="{lidnr}.">')
                al(it[2])
                w("</li>")
                if it[3]:
                    w("</lijst>")
                    in_list = False
                    children(it[3])
            else:
                w(f"<lid><lidnr>{lidnr}.</lidnr>")
                al(it[2])
                children(it[3])
                w("</lid>")
        if in_list:
            w("</lijst>")
        if top_run:
            onderdelen(top_run)
        w("</artikel>")

    idx = 0
    if chapters:
        for ci, (name, group) in enumerate(chapters, 1):
            w(f"<hoofdstuk><kop><label>Hoofdstuk</label><nr>{ci}</nr><titel>{escape(name)}</titel></kop>")
            plain.append(f"Hoofdstuk {ci} {name}")
            for a in group:
                article(a, idx)
                idx += 1
            w("</hoofdstuk>")
    else:
        for a in arts:
            article(a, idx)
            idx += 1
    return "".join(out), "\n".join(plain)


def _document(reg_fields: dict, body: str, ctx: dict) -> bytes:
    g = escape(ctx["gemeente"])
    beleid = ctx["indeling"] == "beleidsregel"
    voorstel = _long_date(ctx["issued_date"] - _dt.timedelta(days=ctx["voorstel_days"]))
    if beleid:
        aanhef = (f"<al>Het college van burgemeester en wethouders van de gemeente {g};</al>"
                  f"<considerans><considerans.al>overwegende dat het wenselijk is regels te stellen over de "
                  f"uitvoering van de bevoegdheden van het college;</considerans.al>"
                  f"<considerans.al>gelet op {escape(ctx['law'])};</considerans.al></considerans>"
                  f"<afkondiging><al>besluit vast te stellen de volgende beleidsregels:</al></afkondiging>")
        sluiting = (f"<al>Aldus vastgesteld door het college van burgemeester en wethouders van {g} op "
                    f"{_long_date(ctx['issued_date'])}.</al><al>De secretaris,</al><al>De burgemeester,</al>")
    else:
        aanhef = (f"<al>De raad van de gemeente {g};</al>"
                  f"<considerans><considerans.al>gelezen het voorstel van burgemeester en wethouders van "
                  f"{voorstel};</considerans.al>"
                  f"<considerans.al>gelet op {escape(ctx['law'])};</considerans.al></considerans>"
                  f"<afkondiging><al>besluit vast te stellen de volgende verordening:</al></afkondiging>")
        sluiting = (f"<al>Aldus vastgesteld in de openbare vergadering van de raad van "
                    f"{_long_date(ctx['issued_date'])}.</al><al>De griffier,</al><al>De voorzitter,</al>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<cvdr xmlns="{NS_CVDR}" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:overheid="http://standaarden.overheid.nl/owms/terms/">\n'
        f"<meta>{_meta_xml(reg_fields, prefix='')}</meta>\n"
        f"<body><intitule>{escape(reg_fields['title'])}</intitule>\n<regeling><aanhef>{aanhef}</aanhef>\n"
        f"<regeling-tekst>\n{body}\n</regeling-tekst>\n<regeling-sluiting>{sluiting}</regeling-sluiting>"
        "</regeling></body>\n</cvdr>\n"
    ).encode("utf-8")


def _meta_xml(f: dict, prefix: str) -> str:
    """owmskern / owmsmantel / cvdripm as in the document (prefix '') or the SRU record ('overheidrg:')."""
    p = prefix
    uit = (f"<{p}uitwerkingtredingDatum>{f['uitwerking']}</{p}uitwerkingtredingDatum>" if f["uitwerking"] else "")
    return (
        f"<{p}owmskern><dcterms:identifier>{f['work']}_{f['version']}</dcterms:identifier>"
        f"<dcterms:title>{escape(f['title'])}</dcterms:title><dcterms:language>nl</dcterms:language>"
        '<dcterms:type scheme="overheid:Informatietype">regeling</dcterms:type>'
        f'<dcterms:creator scheme="overheid:Gemeente">{escape(f["creator"])}</dcterms:creator>'
        f"<dcterms:modified>{f['modified']}</dcterms:modified></{p}owmskern>"
        f"<{p}owmsmantel><dcterms:issued>{f['issued']}</dcterms:issued>"
        f"<dcterms:subject>{escape(f['subject'])}</dcterms:subject></{p}owmsmantel>"
        f"<{p}cvdripm><{p}inwerkingtredingDatum>{f['inwerking']}</{p}inwerkingtredingDatum>{uit}"
        f"<{p}indeling>{escape(f['indeling'])}</{p}indeling></{p}cvdripm>"
    )


def generate(n: int = 2000, seed: int = 1) -> list[Regulation]:
    """``n`` regulation versions (records), deterministic for ``seed``.

    About 80% of works have one version, the rest two or three; older versions
    carry an uitwerkingtredingDatum equal to the next version's
    inwerkingtredingDatum, the newest has none. Returned in generation order
    (works interleaved by municipality, versions of a work consecutive)."""
    rng = random.Random(seed)
    work_ids = rng.sample(range(600000, 800000), max(1, n))
    regs: list[Regulation] = []
    wi = 0
    first_day = _dt.date(2014, 1, 1).toordinal()
    last_day = _dt.date(2025, 12, 31).toordinal()
    while len(regs) < n:
        work = f"CVDR{work_ids[wi]}"
        wi += 1
        r = rng.random()
        n_versions = min(n - len(regs), 1 if r < 0.8 else 2 if r < 0.94 else 3)
        kind = rng.choices(_KINDS, weights=_KIND_WEIGHTS)[0]
        gemeente = rng.choice(MUNICIPALITIES)
        omgekeerd = kind[4] and rng.random() < 0.45
        hardship = rng.random() < 0.55
        wrng = random.Random(rng.getrandbits(64))
        plan = _plan(wrng, kind, omgekeerd, hardship)
        start = _dt.date.fromordinal(wrng.randint(first_day, last_day - 400 * (n_versions - 1)))
        dates = [start]
        for _ in range(n_versions - 1):
            dates.append(dates[-1] + _dt.timedelta(days=wrng.randint(120, 900)))
        title = wrng.choice(kind[3]).format(g=gemeente, y=start.year)
        laws = (_LAWS[3], _LAWS[1]) if kind[0] == "pw" else (_LAWS[0], _LAWS[2], _LAWS[1])
        if kind[2] == "beleidsregel":
            laws = (_LAWS[4],) + laws[:1]
        law = " en ".join(laws[:wrng.randint(1, len(laws))])
        for v in range(1, n_versions + 1):
            if v > 1:
                plan = _mutate(wrng, plan)
            inw = dates[v - 1]
            issued = inw - _dt.timedelta(days=wrng.randint(3, 45))
            ctx = {"gemeente": gemeente, "title": title, "year": start.year, "indeling": kind[2],
                   "issued_date": issued, "voorstel_days": wrng.randint(20, 60), "law": law}
            fields = {
                "work": work, "version": v, "title": title, "creator": gemeente, "subject": kind[1],
                "indeling": kind[2], "inwerking": inw.isoformat(),
                "uitwerking": dates[v].isoformat() if v < n_versions else None,
                "issued": issued.isoformat(),
                "modified": (issued + _dt.timedelta(days=wrng.randint(0, 12))).isoformat(),
            }
            body, _plain = _assemble(wrng, plan, ctx)
            xml = _document(fields, body, ctx)
            regs.append(Regulation(xml=xml, has_hardship=hardship, omgekeerd=plan["style"] == "omgekeerd",
                                   **fields))
    return regs


def write(regs, folder) -> list[Path]:
    """Write each regulation as ``<folder>/<record_id>.xml``; returns the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for reg in regs:
        p = folder / f"{reg.record_id}.xml"
        p.write_bytes(reg.xml)
        paths.append(p)
    return paths


# ======================================================================================
# CQL: a small parser and evaluator for the subset the CVDR service answers
# ======================================================================================

class _Diagnostic(Exception):
    def __init__(self, uri: str, message: str, details: str):
        super().__init__(f"{message}: {details}")
        self.uri, self.message, self.details = uri, message, details


def _syntax(details: str) -> _Diagnostic:
    return _Diagnostic("info:srw/diagnostic/1/10", "Query syntax error", details)


_TOKEN_RE = re.compile(r'\s*(?:(?P<lp>\()|(?P<rp>\))|(?P<op>==|<>|<=|>=|=|<|>)|"(?P<q>(?:[^"\\]|\\.)*)"'
                       r'|(?P<word>[^\s()=<>"]+)|(?P<bad>\S))')


def _tokenize(q: str) -> list[tuple[str, str]]:
    toks: list[tuple[str, str]] = []
    pos = 0
    q = q.rstrip()
    while pos < len(q):
        m = _TOKEN_RE.match(q, pos)
        if m is None:
            break
        pos = m.end()
        kind = m.lastgroup
        if kind == "bad":
            raise _syntax(f"unterminated string or unexpected character at position {m.start('bad') + 1}")
        value = m.group(kind)
        if kind == "q":
            value = re.sub(r"\\(.)", r"\1", value)
        toks.append((kind, value))
    return toks


_INDEXES = {
    "dcterms.identifier": "identifier", "gemeente": "creator", "dcterms.creator": "creator",
    "dcterms.title": "title", "overheidrg.body": "body", "overheidrg.datumgeldendop": "geldend",
    "overheidrg.indeling": "indeling", "dcterms.subject": "subject",
    "overheidrg.inwerkingtredingdatum": "inwerking", "overheidrg.uitwerkingtredingdatum": "uitwerking",
}
_DATE_INDEXES = {"inwerking", "uitwerking"}


class _Parser:
    """query := or ; or := and ('or' and)* ; and := prim (('and'|'not') prim)* ;
    prim := '(' or ')' | index relation term. Booleans are case-insensitive."""

    def __init__(self, query: str):
        self.toks = _tokenize(query)
        self.i = 0

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def parse(self):
        if not self.toks:
            raise _syntax("empty query")
        node = self.or_()
        if self.i < len(self.toks):
            raise _syntax(f"unexpected '{self.toks[self.i][1]}'")
        return node

    def _bool(self, *names):
        kind, value = self.peek()
        return kind == "word" and value.lower() in names

    def or_(self):
        node = self.and_()
        while self._bool("or"):
            self.take()
            node = ("or", node, self.and_())
        return node

    def and_(self):
        node = self.prim()
        while self._bool("and", "not"):
            op = self.take()[1].lower()
            node = (op, node, self.prim())
        return node

    def prim(self):
        kind, value = self.take()
        if kind == "lp":
            node = self.or_()
            if self.take()[0] != "rp":
                raise _syntax("missing ')'")
            return node
        if kind not in ("word", "q"):
            raise _syntax(f"unexpected '{value}'" if value else "unexpected end of query")
        if kind == "word" and value.lower() in ("and", "or", "not", "prox", "sortby"):
            raise _syntax(f"unexpected '{value}'")
        rkind, rel = self.peek()
        if rkind != "op":
            # a bare term: cql.serverChoice, which this service does not support
            raise _Diagnostic("info:srw/diagnostic/1/16", "Unsupported index", "cql.serverChoice")
        self.take()
        tkind, term = self.take()
        if tkind not in ("word", "q"):
            raise _syntax(f"missing search term after '{value}{rel}'")
        if kind == "q":
            raise _Diagnostic("info:srw/diagnostic/1/16", "Unsupported index", value)
        index = _INDEXES.get(value.lower())
        if index is None:
            raise _Diagnostic("info:srw/diagnostic/1/16", "Unsupported index", value)
        if rel not in ("=", "==") and not (index in _DATE_INDEXES and rel in ("<", "<=", ">", ">=")):
            raise _Diagnostic("info:srw/diagnostic/1/19", "Unsupported relation", rel)
        if index in _DATE_INDEXES or index == "geldend":
            try:
                _dt.date.fromisoformat(term)
            except ValueError:
                raise _Diagnostic("info:srw/diagnostic/1/36", "Term in invalid format for index or relation",
                                  f"{value}={term}") from None
        return ("clause", index, rel, term)


def _phrase_re(term: str) -> re.Pattern:
    words = term.casefold().split()
    if not words:
        return re.compile(r"(?!)")
    star = words[-1].endswith("*")
    if star:
        words[-1] = words[-1].rstrip("*")
    pat = r"\s+".join(re.escape(w) for w in words if w)
    return re.compile(r"(?<!\w)" + pat + (r"\w*" if star else r"(?!\w)"))


# ======================================================================================
# The fake services
# ======================================================================================

_MIRROR = "/mirror"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address):  # quiet on client disconnects
        import sys
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError, OSError)):
            return
        super().handle_error(request, client_address)


class FakeCvdr:
    """Local imitation of the CVDR SRU search service and publication repository.

    ``with FakeCvdr(regs) as fake: ...`` serves ``fake.sru_url`` and
    ``fake.repository``; every request is logged in ``fake.requests`` as
    ``(time.monotonic(), path_with_query)``. ``fake.faults[path] = name`` makes
    requests for that URL path (no query) misbehave; see :data:`FAULTS`.
    ``fake.delay`` adds seconds to each response."""

    def __init__(self, regs, host: str = "127.0.0.1"):
        self.regs = sorted(regs, key=lambda r: (r.work, r.version))
        self.by_id = {r.record_id: r for r in self.regs}
        self.faults: dict[str, str] = {}
        self.delay = 0.0
        self.requests: list[tuple[float, str]] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._texts: list[str] | None = None
        self._host = host
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.base = self.sru_url = self.repository = ""

    # -- lifecycle ---------------------------------------------------------------------
    def start(self) -> "FakeCvdr":
        server = _Server((self._host, 0), _Handler)
        server.fake = self
        self._server = server
        port = server.server_address[1]
        self.base = f"http://{self._host}:{port}"
        self.sru_url = f"{self.base}/sru/Search"
        self.repository = f"{self.base}/repository/cvdr"
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="FakeCvdr", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=2)
        self._server = None

    def __enter__(self) -> "FakeCvdr":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- helpers -----------------------------------------------------------------------
    def xml_url(self, reg: Regulation) -> str:
        return f"{self.repository}/{reg.work}/{reg.version}/xml/{reg.work}_{reg.version}.xml"

    def _log(self, path: str) -> None:
        with self._lock:
            self.requests.append((time.monotonic(), path))

    def _sleep(self, seconds: float) -> bool:
        """Sleep in small steps; False when the server is stopping."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if self._stopping.is_set():
                return False
            time.sleep(min(0.1, max(0.0, end - time.monotonic())))
        return not self._stopping.is_set()

    def _plain_texts(self) -> list[str]:
        with self._lock:
            if self._texts is None:
                texts = []
                for r in self.regs:
                    body = r.xml.split(b"<body>", 1)[-1].decode("utf-8")
                    body = html.unescape(re.sub(r"<[^>]+>", " ", body))
                    texts.append(" ".join(body.split()).casefold())
                self._texts = texts
            return self._texts

    # -- search ------------------------------------------------------------------------
    def search(self, query: str) -> list[Regulation]:
        """The regulations matching a CQL query (raises _Diagnostic)."""
        tree = _Parser(query).parse()
        return [self.regs[i] for i in sorted(self._eval(tree))]

    def _eval(self, node) -> set[int]:
        op = node[0]
        if op == "or":
            return self._eval(node[1]) | self._eval(node[2])
        if op == "and":
            return self._eval(node[1]) & self._eval(node[2])
        if op == "not":
            return self._eval(node[1]) - self._eval(node[2])
        _c, index, rel, term = node
        regs = self.regs
        if index == "identifier":
            t = term.upper()
            if t.endswith("*"):
                pre = t.rstrip("*")
                return {i for i, r in enumerate(regs) if r.record_id.startswith(pre)}
            if "_" in t:
                return {i for i, r in enumerate(regs) if r.record_id == t}
            return {i for i, r in enumerate(regs) if r.work == t}
        if index in ("creator", "indeling", "subject"):
            t = term.casefold()
            return {i for i, r in enumerate(regs) if getattr(r, index).casefold() == t}
        if index == "title":
            rx = _phrase_re(term)
            return {i for i, r in enumerate(regs) if rx.search(r.title.casefold())}
        if index == "body":
            rx = _phrase_re(term)
            return {i for i, t in enumerate(self._plain_texts()) if rx.search(t)}
        if index == "geldend":
            return {i for i, r in enumerate(regs) if r.inwerking <= term and (r.uitwerking is None or term < r.uitwerking)}
        cmp = {"=": str.__eq__, "==": str.__eq__, "<": str.__lt__, "<=": str.__le__, ">": str.__gt__,
               ">=": str.__ge__}[rel]
        return {i for i, r in enumerate(regs) if getattr(r, index) is not None and cmp(getattr(r, index), term)}

    def sru_response(self, params: dict[str, str]) -> bytes:
        """The SRU 1.2 answer to one request's parameters."""
        if params.get("operation", "searchRetrieve") == "explain":
            return _explain()
        version = params.get("version", "1.2")
        query = params.get("query", "")
        echo = {k: params[k] for k in ("query", "startRecord", "maximumRecords", "x-connection") if k in params}
        try:
            if params.get("operation") not in (None, "searchRetrieve"):
                raise _Diagnostic("info:srw/diagnostic/1/4", "Unsupported operation", params["operation"])
            if params.get("x-connection", "cvdr") != "cvdr":
                raise _Diagnostic("info:srw/diagnostic/1/6", "Unsupported parameter value", "x-connection")
            if "query" not in params:
                raise _Diagnostic("info:srw/diagnostic/1/7", "Mandatory parameter not supplied", "query")
            try:
                start = int(params.get("startRecord", "1"))
                if start < 1:
                    raise ValueError
            except ValueError:
                raise _Diagnostic("info:srw/diagnostic/1/6", "Unsupported parameter value", "startRecord") from None
            try:
                maximum = int(params.get("maximumRecords", "10"))
                if maximum < 0:
                    raise ValueError
            except ValueError:
                raise _Diagnostic("info:srw/diagnostic/1/6", "Unsupported parameter value",
                                  "maximumRecords") from None
            if maximum > 1000:
                raise _Diagnostic("info:srw/diagnostic/1/6", "Unsupported parameter value",
                                  "maximumRecords (at most 1000)")
            found = self.search(query)
        except _Diagnostic as d:
            return _sru_envelope(version, 0, "", None, echo, d)
        page = found[start - 1:start - 1 + maximum]
        parts = [self._record(r, start + k) for k, r in enumerate(page)]
        nxt = start + len(page) if page and start - 1 + len(page) < len(found) else None
        return _sru_envelope(version, len(found), "".join(parts), nxt, echo, None)

    def _record(self, r: Regulation, position: int) -> str:
        f = {"work": r.work, "version": r.version, "title": r.title, "creator": r.creator, "subject": r.subject,
             "indeling": r.indeling, "inwerking": r.inwerking, "uitwerking": r.uitwerking,
             "issued": r.issued, "modified": r.modified}
        xml_url = self.xml_url(r)
        html_url = f"{self.repository}/{r.work}/{r.version}/html/{r.work}_{r.version}.html"
        return (
            "<record><recordSchema>http://standaarden.overheid.nl/sru/</recordSchema>"
            "<recordPacking>xml</recordPacking><recordData>"
            f'<gzd:gzd xmlns:gzd="{NS_GZD}" xmlns:overheidrg="{NS_CVDR}" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:overheid="http://standaarden.overheid.nl/owms/terms/">'
            f"<gzd:originalData><overheidrg:meta>{_meta_xml(f, prefix='overheidrg:')}</overheidrg:meta>"
            "</gzd:originalData><gzd:enrichedData>"
            "<gzd:organisatietype>Gemeente</gzd:organisatietype>"
            f"<gzd:publicatieurl_xhtml>{escape(html_url)}</gzd:publicatieurl_xhtml>"
            f"<gzd:publicatieurl_xml>{escape(xml_url)}</gzd:publicatieurl_xml>"
            f"<gzd:preferred_url>https://lokaleregelgeving.overheid.nl/{r.work}/{r.version}</gzd:preferred_url>"
            f"<gzd:preferred_work_url>https://lokaleregelgeving.overheid.nl/{r.work}</gzd:preferred_work_url>"
            "</gzd:enrichedData></gzd:gzd></recordData>"
            f"<recordPosition>{position}</recordPosition></record>"
        )

    # -- routing -----------------------------------------------------------------------
    _REPO_RE = re.compile(r"^/repository/cvdr/(CVDR\d+)/(\d+)/xml/(CVDR\d+)_(\d+)\.xml$")

    def route(self, path: str, query: str, wrong_id: bool = False) -> tuple[int, str, bytes]:
        """(status, content type, body) for a GET, faults aside."""
        if path.startswith(_MIRROR + "/"):
            path = path[len(_MIRROR):]
        if path == "/sru/Search":
            params = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
            return 200, "text/xml; charset=utf-8", self.sru_response(params)
        m = self._REPO_RE.match(path)
        if m and m.group(1) == m.group(3) and m.group(2) == m.group(4):
            reg = self.by_id.get(f"{m.group(1)}_{int(m.group(2))}") if m.group(2) == str(int(m.group(2))) else None
            if reg is not None:
                if wrong_id:
                    i = self.regs.index(reg)
                    other = next(r for r in self.regs[i + 1:] + self.regs[:i] if r.work != reg.work) \
                        if len({r.work for r in self.regs}) > 1 else reg
                    reg = other
                return 200, "application/xml", reg.xml
        return 404, "text/plain; charset=utf-8", b"404 Not Found\n"


def _sru_envelope(version: str, count: int, records: str, nxt, echo: dict, diag) -> bytes:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n',
             f'<searchRetrieveResponse xmlns="{NS_SRW}">',
             f"<version>{escape(version)}</version><numberOfRecords>{count}</numberOfRecords>"]
    if records:
        parts.append(f"<records>{records}</records>")
    if nxt is not None:
        parts.append(f"<nextRecordPosition>{nxt}</nextRecordPosition>")
    parts.append(f"<echoedSearchRetrieveRequest><version>{escape(version)}</version>")
    for k in ("query", "startRecord", "maximumRecords", "x-connection"):
        if k in echo:
            parts.append(f"<{k}>{escape(echo[k])}</{k}>")
    parts.append("</echoedSearchRetrieveRequest>")
    if diag is not None:
        parts.append(f'<diagnostics><diagnostic xmlns="{NS_DIAG}"><uri>{escape(diag.uri)}</uri>'
                     f"<details>{escape(diag.details)}</details><message>{escape(diag.message)}</message>"
                     "</diagnostic></diagnostics>")
    parts.append("</searchRetrieveResponse>\n")
    return "".join(parts).encode("utf-8")


def _explain() -> bytes:
    idx = "".join(f'<index><title>{name}</title><map><name set="{name.split(".")[0]}">{name.split(".", 1)[-1]}'
                  f"</name></map></index>" for name in sorted(_INDEXES))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<explainResponse xmlns="{NS_SRW}"><version>1.2</version><record>'
            "<recordSchema>http://explain.z3950.org/dtd/2.0/</recordSchema><recordPacking>xml</recordPacking>"
            '<recordData><explain xmlns="http://explain.z3950.org/dtd/2.0/"><serverInfo protocol="SRU" '
            'version="1.2"><host>127.0.0.1</host><database>cvdr</database></serverInfo>'
            f"<indexInfo>{idx}</indexInfo></explain></recordData></record></explainResponse>\n").encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeCvdr/1.0"

    def log_message(self, format, *args):  # noqa: A002 - keep test output clean
        pass

    def do_GET(self):
        try:
            self._get()
        except (ConnectionError, TimeoutError):
            self.close_connection = True

    def _send(self, status: int, ctype: str, body: bytes, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _get(self):
        fake: FakeCvdr = self.server.fake
        fake._log(self.path)
        split = urlsplit(self.path)
        path = split.path
        fault = fake.faults.get(path)
        if fake.delay and not fake._sleep(fake.delay):
            self.close_connection = True
            return
        if fault == "500":
            return self._send(500, "text/plain", b"500 Internal Server Error\n")
        if fault == "404":
            return self._send(404, "text/plain", b"404 Not Found\n")
        if fault == "redirect-other-host":
            return self._send(302, "text/plain", b"", {"Location": "http://example.invalid/x.xml"})
        if fault == "redirect-same":
            target = f"{fake.base}{_MIRROR}{self.path}"
            return self._send(302, "text/plain", b"", {"Location": target})
        if fault == "garbage":
            return self._send(200, "application/xml", b"<cvdr><oops")
        if fault == "oversize":
            return self._oversize(fake)
        status, ctype, body = fake.route(path, split.query, wrong_id=fault == "wrong-id")
        if fault == "truncate":
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body[:len(body) // 2])
            self.close_connection = True
            return
        if fault == "slow":
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body[:16])
            self.wfile.flush()
            fake._sleep(30)
            self.close_connection = True
            return
        self._send(status, ctype, body)

    def _oversize(self, fake: FakeCvdr) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        self.wfile.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<cvdr xmlns="{NS_CVDR}"><body><regeling>'
                         "<regeling-tekst><artikel><al>".encode())
        chunk = b"a" * 65536
        sent = 0
        while sent < 200 * 1024 * 1024 and not fake._stopping.is_set():
            self.wfile.write(chunk)
            sent += len(chunk)
