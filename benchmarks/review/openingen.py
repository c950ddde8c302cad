"""Build the fourth held-out set of the review ("openingen") from published municipal regulation text.

    python benchmarks/review/openingen.py benchmarks/data/review/openingen > benchmarks/data/review/openingen.jsonl

Labelled from the text and GUIDE.md alone by a helper that saw neither
verolint's code nor its output, before the rules were run on it; never used
to change the rules. The raw texts are kept in benchmarks/data/review/openingen/
(one file per regulation, written by hand from the stored page text, since the
pages could not be downloaded), so the set can be rebuilt byte for byte.

What the raw folder holds
-------------------------
One plain-text file per regulation, each the text of a published regulation page as
stored in the public web corpus of the project's search tool (corpus "pages"), copied
as fetched. That corpus keeps only the OPENING of each page (about 2,500 characters),
so every raw file is the start of a regulation: title, aanhef and the first articles,
cut off in mid-sentence. No public repository held the full text of social-domain
regulations other than those already used (bramvanwerschh/wmo_scraper
review/passages_steekproef.csv and review/passages_testdocs.csv, the MinBZK regelrecht
Amsterdam/Rotterdam/Diemen texts), so none was used. The machine has no network access,
so the pages could not be fetched whole.

Sources (municipality, title, CVDR id where known, address of the page the text came from)
-----------------------------------------------------------------------------------------
Participatiewet, bijzondere bijstand, inkomenstoeslag, handhaving, tegenprestatie:
- Zoetermeer: Beleidsregels bijzondere bijstand Participatiewet Zoetermeer 2016, CVDR648757
  (version 3), https://lokaleregelgeving.overheid.nl/CVDR648757/3
- Raalte: Beleidsregels Bijzondere bijstand gemeente Raalte 2019, CVDR616514,
  http://decentrale.regelgeving.overheid.nl/cvdr/XHTMLoutput/Actueel/Raalte/CVDR616514.html
- Deventer: Beleidsregels bijzondere bijstand gemeente Deventer, CVDR653254,
  http://decentrale.regelgeving.overheid.nl/cvdr/XHTMLoutput/Actueel/Deventer/CVDR653254.html
- Capelle aan den IJssel: Beleidsregels aanvullende bijzondere bijstand levensonderhoud voor
  jongeren, CVDR417344, https://lokaleregelgeving.overheid.nl/CVDR417344/1
- Hoorn: Beleidsregel bijzondere bijstand levensonderhoud voor jongeren van 18 tot 21 jaar,
  CVDR378192, https://lokaleregelgeving.overheid.nl/CVDR378192/1
- Westland: Verordening individuele inkomenstoeslag 2023, CVDR691750,
  https://lokaleregelgeving.overheid.nl/CVDR691750/1
- Maasgouw: Beleidsregel Individuele Inkomenstoeslag gemeente Maasgouw 2019, CVDR677296,
  https://repository.officiele-overheidspublicaties.nl/cvdr/CVDR677296/1/html/CVDR677296_1.html
- Heerenveen: Verordening Handhaving Participatiewet Heerenveen in balans 2025, CVDR737566,
  https://lokaleregelgeving.overheid.nl/CVDR737566/1
- Katwijk: Afstemmingsverordening Participatiewet, IOAW en IOAZ Katwijk, Gemeenteblad 2015, 1944
  (CVDR id not known), https://zoek.officielebekendmakingen.nl/gmb-2015-1944.html
- Schinnen: Afstemmingsverordening Wet werk en bijstand Gemeente Schinnen (2004, expired
  2015), CVDR74914,
  http://decentrale.regelgeving.overheid.nl/cvdr/XHTMLoutput/Actueel/Schinnen/CVDR74914.html
- Steenbergen: Beleidsregels terug- en invordering Participatiewet, IOAW en IOAZ 2024,
  CVDR718491, https://lokaleregelgeving.overheid.nl/CVDR718491/1
- Tilburg: Beleidsregels terugvordering, invordering en verhaal 2025 gemeente Tilburg,
  Gemeenteblad 2024, 547770 (CVDR id not known),
  https://zoek.officielebekendmakingen.nl/gmb-2024-547770.html
- Krimpen aan den IJssel: Verordening Tegenprestatie gemeente Krimpen aan den IJssel 2015,
  CVDR347167, https://lokaleregelgeving.overheid.nl/CVDR347167/1
- Moerdijk: Verordening tegenprestatie Participatiewet 2015 gemeente Moerdijk, CVDR350723,
  https://lokaleregelgeving.overheid.nl/CVDR350723/1
- Laren: Verordening Participatie 2015, Gemeenteblad 2014, 79888 (CVDR id not known),
  https://zoek.officielebekendmakingen.nl/gmb-2014-79888.html
Schuldhulpverlening:
- Oegstgeest: Beleidsregels schuldhulpverlening gemeente Oegstgeest 2022 (CVDR id not known),
  official announcement on the municipality's site,
  https://www.oegstgeest.nl/inwoners/actueel/officiele-bekendmakingen/bekendmaking/publicatie/beleidsregels-schuldhulpverlening-gemeente-oegstgeest-2022-120
- Leiderdorp: Beleidsregels schuldhulpverlening Leiderdorp 2013 (expired 2018), CVDR253872
  (the number in the page address),
  http://decentrale.regelgeving.overheid.nl/cvdr/XHTMLoutput/Actueel/Leiderdorp/253872.html
Wmo 2015, Jeugdwet, sociaal domein:
- Haarlemmermeer: Financieel besluit sociaal domein gemeente Haarlemmermeer 2019,
  Gemeenteblad 2018, 282547 (CVDR id not known),
  https://zoek.officielebekendmakingen.nl/gmb-2018-282547.html
- Hilversum: Beleidsregels jeugdhulp gemeente Hilversum 2018, Gemeenteblad 2018, 28600
  (CVDR id not known), https://zoek.officielebekendmakingen.nl/gmb-2018-28600.html
- Lingewaard: Nadere Regels Jeugdhulp gemeente Lingewaard 2016 (expired 2020), CVDR408404,
  http://decentrale.regelgeving.overheid.nl/cvdr/XHTMLoutput/Actueel/Lingewaard/CVDR408404.html

None of these is among the excluded CVDR ids, the texts in shared/corpus/ordinances-cvdr/ or
ordinances-real/, or the wmo_scraper sample municipalities. No "omgekeerde" or integrale
verordening sociaal domein could be found outside the excluded ones (Kampen, Zaltbommel); no
VNG, Divosa or Stimulansz model text is used.

Status
------
All texts are Dutch municipal regulations (verordeningen, beleidsregels, nadere regels)
published in the Gemeenteblad / CVDR: public domain under Auteurswet art. 11 (the CVDR data
are also published as CC0). The wording is verbatim; only the layout of list markers is
normalised (a bullet '•' or '-' carrying a marker such as '1.', 'a.' is reduced to the marker,
a marker standing on its own line is joined to the text after it, blank lines are dropped
and runs of spaces become one).

How passages are chosen
-----------------------
Each raw file is cut into articles ('Artikel ...' headings; 'Hoofdstuk'/'Paragraaf' headings
give the path). Everything before the first article (title, aanhef, considerans, intitulé,
wetstechnische informatie) is left out, and so are bare headings. One passage is one lid of
an article whose first line is lid 1, or else the whole article (lead-in with its list
items). A passage is kept only when the text after it shows that it is complete (another
lid, article or heading follows it): the unit in which a page opening was cut off is
dropped. Passages must be 80 to 1,500 characters. At most 45 are drawn per regulation and
at most 180 in all, with random.Random(SEED); there are fewer than that, so all are kept.
Because only page openings were available, the set leans to the first articles of each
regulation (begripsbepalingen, doelgroep, vorm, aanvraag).
"""

from __future__ import annotations

import json
import os
import random
import re
import sys

SEED = 20250601
PER_REGULATION = 45
TOTAL = 180
MIN_CHARS = 80
MAX_CHARS = 1500


MARKER = r"(?:\d{1,2}[.)]|[a-zA-Z][.)]|[ivx]{1,4}[.)]|\d°)"
BARE_MARKER = re.compile(rf"^(?:[•\-–]\s*)?({MARKER}|[-•o])$")
MARKED_TEXT = re.compile(rf"^(?:[•\-–]\s+)?({MARKER})\s*(\S.*)$")
BULLET_TEXT = re.compile(r"^[•\-–]\s*(\S.*)$")
ARTICLE = re.compile(
    r"^(?:Artikel|ARTIKEL)\s+(\d+[a-z]?(?:[.:]\d+[a-z]?)*)\s*[.:]?\s*(?:[-–:]\s*)?(.*)$")
CHAPTER = re.compile(r"^(?:Hoofdstuk|HOOFDSTUK|Paragraaf|PARAGRAAF)\s*\d+[a-z]?\b.*$")
GLUED_CHAPTER = re.compile(r"^(.*\S\))((?:Hoofdstuk|HOOFDSTUK)\s*\d+\b.*)$")
LID = re.compile(r"^(\d{1,2})[.)]\s")


def lines_of(raw: str) -> list[tuple[int, str]]:
    """The raw text as (indent, line) pairs: blank lines dropped, a list marker
    that stands alone on its line joined to the text on the next line, bullets
    that only carry a marker ('• a.', '- 1.') reduced to the marker."""
    out: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None
    for line in raw.replace("\r\n", "\n").replace("\u00a0", " ").split("\n"):
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        text = " ".join(line.split())
        m = GLUED_CHAPTER.match(text)
        if m:
            out.append((indent, m.group(1)))
            text = m.group(2)
        m = BARE_MARKER.match(text)
        if m:
            marker = m.group(1)
            if pending is not None and marker in ("-", "•"):
                continue
            pending = (indent, "-" if marker == "•" else marker)
            continue
        if pending is not None:
            p_indent, marker = pending
            pending = None
            if marker == "-" and MARKED_TEXT.match(text):
                out.append((p_indent, normal_item(text)))
            elif marker == "-":
                out.append((p_indent, "- " + text))
            else:
                out.append((p_indent, marker + " " + text))
            continue
        out.append((indent, normal_item(text)))
    return out


def normal_item(text: str) -> str:
    """'• a. tekst' -> 'a. tekst', '• tekst' -> '- tekst', other lines as they are."""
    m = MARKED_TEXT.match(text)
    if m and (text[0] in "•-–" or m.group(1)):
        return f"{m.group(1)} {m.group(2)}"
    m = BULLET_TEXT.match(text)
    if m:
        return "- " + m.group(1)
    return text


def is_heading(lines: list[tuple[int, str]], i: int) -> bool:
    """A short title line standing right before an article or chapter heading."""
    text = lines[i][1]
    if i + 1 >= len(lines) or len(text) > 80 or text[-1] in ".;:,":
        return False
    if MARKED_TEXT.match(text) or text.startswith("- "):
        return False
    nxt = lines[i + 1][1]
    return bool(ARTICLE.match(nxt) or CHAPTER.match(nxt))


def articles(raw: str) -> list[dict]:
    """Articles of the text, each with chapter path, number, title, body lines and
    whether another heading follows it (so that its last unit is known whole)."""
    lines = lines_of(raw)
    found: list[dict] = []
    chapter: list[str] = []
    current: dict | None = None
    for i, (indent, text) in enumerate(lines):
        m = ARTICLE.match(text)
        if m:
            if current:
                current["closed"] = True
            current = {"chapter": list(chapter), "number": m.group(1).replace(":", "."),
                       "title": m.group(2).strip(), "body": [], "closed": False}
            found.append(current)
            continue
        if CHAPTER.match(text):
            if current:
                current["closed"] = True
                current = None
            level = 0 if text.lower().startswith("hoofdstuk") else 1
            chapter = chapter[:level] + [text]
            continue
        if current is None:
            continue
        if is_heading(lines, i):
            current["closed"] = True
            current = None
            continue
        current["body"].append((indent, text))
    return found


def units(article: dict) -> list[tuple[str, str, bool]]:
    """(lid or '', text, whole) for each passage of an article: its leden when it
    has them (numbered 1., 2., ... from its first line on), else the whole article."""
    body = article["body"]
    if not body:
        return []
    first = LID.match(body[0][1])
    if not first or first.group(1) != "1":
        return [("", "\n".join(t for _, t in body), article["closed"])]
    lid_indent = body[0][0]
    parts: list[tuple[str, list[str]]] = []
    expected = 1
    for indent, text in body:
        m = LID.match(text)
        if m and int(m.group(1)) == expected and indent <= lid_indent + 1:
            parts.append((m.group(1), [text]))
            expected += 1
        else:
            parts[-1][1].append(text)
    out = []
    for n, (lid, texts) in enumerate(parts):
        whole = n + 1 < len(parts) or article["closed"]
        out.append((lid, "\n".join(texts), whole))
    return out


def passages(source: dict, raw: str, keep_cut: bool = False) -> list[dict]:
    """The passages of one raw file. With ``keep_cut`` (openingen-2), the unit
    in which the page opening was cut off is kept without its last, broken line,
    and a unit over MAX_CHARS keeps its first lines up to that length."""
    out = []
    for art in articles(raw):
        head = f"Artikel {art['number']}" + (f" {art['title']}" if art["title"] else "")
        for lid, text, whole in units(art):
            if keep_cut:
                lines = text.split("\n")[:None if whole else -1]
                while lines and len("\n".join(lines)) > MAX_CHARS:
                    lines = lines[:-1]
                text, whole = "\n".join(lines), True
            if not whole or not MIN_CHARS <= len(text) <= MAX_CHARS:
                continue
            path = " > ".join(art["chapter"] + [head] + ([f"lid {lid}"] if lid else []))
            pid = f"{source['key']}__art{art['number']}" + (f"__lid{lid}" if lid else "")
            out.append({"passage_id": pid, "cvdr_id": source["cvdr"],
                        "gemeente": source["gemeente"], "kind": "artikel", "path": path,
                        "article": art["number"], "title": art["title"], "text": text})
    return out


def main() -> int:
    folder = sys.argv[1]
    rng = random.Random(SEED)
    chosen: list[dict] = []
    for source in SOURCES:
        with open(os.path.join(folder, source["file"]), encoding="utf-8") as fh:
            found = passages(source, fh.read())
        if len(found) > PER_REGULATION:
            keep = sorted(rng.sample(range(len(found)), PER_REGULATION))
            found = [found[i] for i in keep]
        chosen.extend(found)
    if len(chosen) > TOTAL:
        keep = sorted(rng.sample(range(len(chosen)), TOTAL))
        chosen = [chosen[i] for i in keep]
    for no, passage in enumerate(chosen, 1):
        print(json.dumps({"id": f"op-{no:03d}", **passage}, ensure_ascii=False))
    return 0


SOURCES = [
    {"file": "zoetermeer_beleidsregels-bijzondere-bijstand-2016_CVDR648757-3.txt", "key": "zoetermeer-bb2016",
     "gemeente": "Zoetermeer", "cvdr": "CVDR648757",
     "title": "Beleidsregels bijzondere bijstand Participatiewet Zoetermeer 2016",
     "url": "https://lokaleregelgeving.overheid.nl/CVDR648757/3"},
    {"file": "raalte_beleidsregels-bijzondere-bijstand-2019_CVDR616514.txt", "key": "raalte-bb2019",
     "gemeente": "Raalte", "cvdr": "CVDR616514",
     "title": "Beleidsregels Bijzondere bijstand gemeente Raalte 2019",
     "url": "http://decentrale.regelgeving.overheid.nl/cvdr/XHTMLoutput/Actueel/Raalte/CVDR616514.html"},
    {"file": "deventer_beleidsregels-bijzondere-bijstand_CVDR653254.txt", "key": "deventer-bb",
     "gemeente": "Deventer", "cvdr": "CVDR653254",
     "title": "Beleidsregels bijzondere bijstand gemeente Deventer",
     "url": "http://decentrale.regelgeving.overheid.nl/cvdr/XHTMLoutput/Actueel/Deventer/CVDR653254.html"},
    {"file": "capelle-aan-den-ijssel_beleidsregels-bijzondere-bijstand-levensonderhoud-jongeren_CVDR417344-1.txt",
     "key": "capelle-bbjongeren", "gemeente": "Capelle aan den IJssel", "cvdr": "CVDR417344",
     "title": "Beleidsregels aanvullende bijzondere bijstand levensonderhoud voor jongeren",
     "url": "https://lokaleregelgeving.overheid.nl/CVDR417344/1"},
    {"file": "hoorn_beleidsregel-bijzondere-bijstand-levensonderhoud-jongeren_CVDR378192-1.txt",
     "key": "hoorn-bbjongeren", "gemeente": "Hoorn", "cvdr": "CVDR378192",
     "title": "Beleidsregel bijzondere bijstand levensonderhoud voor jongeren van 18 tot 21 jaar",
     "url": "https://lokaleregelgeving.overheid.nl/CVDR378192/1"},
    {"file": "westland_verordening-individuele-inkomenstoeslag-2023_CVDR691750-1.txt", "key": "westland-iit2023",
     "gemeente": "Westland", "cvdr": "CVDR691750",
     "title": "Verordening individuele inkomenstoeslag 2023",
     "url": "https://lokaleregelgeving.overheid.nl/CVDR691750/1"},
    {"file": "maasgouw_beleidsregel-individuele-inkomenstoeslag-2019_CVDR677296-1.txt", "key": "maasgouw-iit2019",
     "gemeente": "Maasgouw", "cvdr": "CVDR677296",
     "title": "Beleidsregel Individuele Inkomenstoeslag gemeente Maasgouw 2019",
     "url": "https://repository.officiele-overheidspublicaties.nl/cvdr/CVDR677296/1/html/CVDR677296_1.html"},
    {"file": "heerenveen_verordening-handhaving-participatiewet-2025_CVDR737566-1.txt", "key": "heerenveen-handhaving2025",
     "gemeente": "Heerenveen", "cvdr": "CVDR737566",
     "title": "Verordening Handhaving Participatiewet Heerenveen in balans 2025",
     "url": "https://lokaleregelgeving.overheid.nl/CVDR737566/1"},
    {"file": "katwijk_afstemmingsverordening-participatiewet-2015_gmb-2015-1944.txt", "key": "katwijk-afstemming2015",
     "gemeente": "Katwijk", "cvdr": "",
     "title": "Afstemmingsverordening Participatiewet, IOAW en IOAZ Katwijk (Gemeenteblad 2015, 1944)",
     "url": "https://zoek.officielebekendmakingen.nl/gmb-2015-1944.html"},
    {"file": "schinnen_afstemmingsverordening-wwb-2004_CVDR74914.txt", "key": "schinnen-afstemming2004",
     "gemeente": "Schinnen", "cvdr": "CVDR74914",
     "title": "Afstemmingsverordening Wet werk en bijstand Gemeente Schinnen",
     "url": "http://decentrale.regelgeving.overheid.nl/cvdr/XHTMLoutput/Actueel/Schinnen/CVDR74914.html"},
    {"file": "steenbergen_beleidsregels-terug-en-invordering-2024_CVDR718491-1.txt", "key": "steenbergen-terugvordering2024",
     "gemeente": "Steenbergen", "cvdr": "CVDR718491",
     "title": "Beleidsregels terug- en invordering Participatiewet, IOAW en IOAZ 2024",
     "url": "https://lokaleregelgeving.overheid.nl/CVDR718491/1"},
    {"file": "tilburg_beleidsregels-terugvordering-invordering-verhaal-2025_gmb-2024-547770.txt",
     "key": "tilburg-terugvordering2025", "gemeente": "Tilburg", "cvdr": "",
     "title": "Beleidsregels terugvordering, invordering en verhaal 2025 gemeente Tilburg (Gemeenteblad 2024, 547770)",
     "url": "https://zoek.officielebekendmakingen.nl/gmb-2024-547770.html"},
    {"file": "krimpen-aan-den-ijssel_verordening-tegenprestatie-2015_CVDR347167-1.txt", "key": "krimpen-tegenprestatie2015",
     "gemeente": "Krimpen aan den IJssel", "cvdr": "CVDR347167",
     "title": "Verordening Tegenprestatie gemeente Krimpen aan den IJssel 2015",
     "url": "https://lokaleregelgeving.overheid.nl/CVDR347167/1"},
    {"file": "moerdijk_verordening-tegenprestatie-participatiewet-2015_CVDR350723-1.txt", "key": "moerdijk-tegenprestatie2015",
     "gemeente": "Moerdijk", "cvdr": "CVDR350723",
     "title": "Verordening tegenprestatie Participatiewet 2015 gemeente Moerdijk",
     "url": "https://lokaleregelgeving.overheid.nl/CVDR350723/1"},
    {"file": "laren_verordening-participatie-2015_gmb-2014-79888.txt", "key": "laren-participatie2015",
     "gemeente": "Laren", "cvdr": "",
     "title": "Verordening Participatie 2015 (Gemeenteblad 2014, 79888)",
     "url": "https://zoek.officielebekendmakingen.nl/gmb-2014-79888.html"},
    {"file": "oegstgeest_beleidsregels-schuldhulpverlening-2022_website.txt", "key": "oegstgeest-schuldhulp2022",
     "gemeente": "Oegstgeest", "cvdr": "",
     "title": "Beleidsregels schuldhulpverlening gemeente Oegstgeest 2022",
     "url": "https://www.oegstgeest.nl/inwoners/actueel/officiele-bekendmakingen/bekendmaking/publicatie/"
            "beleidsregels-schuldhulpverlening-gemeente-oegstgeest-2022-120"},
    {"file": "leiderdorp_beleidsregels-schuldhulpverlening-2013_CVDR253872.txt", "key": "leiderdorp-schuldhulp2013",
     "gemeente": "Leiderdorp", "cvdr": "CVDR253872",
     "title": "Beleidsregels schuldhulpverlening Leiderdorp 2013",
     "url": "http://decentrale.regelgeving.overheid.nl/cvdr/XHTMLoutput/Actueel/Leiderdorp/253872.html"},
    {"file": "haarlemmermeer_financieel-besluit-sociaal-domein-2019_gmb-2018-282547.txt",
     "key": "haarlemmermeer-financieelbesluit2019", "gemeente": "Haarlemmermeer", "cvdr": "",
     "title": "Financieel besluit sociaal domein gemeente Haarlemmermeer 2019 (Gemeenteblad 2018, 282547)",
     "url": "https://zoek.officielebekendmakingen.nl/gmb-2018-282547.html"},
    {"file": "hilversum_beleidsregels-jeugdhulp-2018_gmb-2018-28600.txt", "key": "hilversum-jeugdhulp2018",
     "gemeente": "Hilversum", "cvdr": "",
     "title": "Beleidsregels jeugdhulp gemeente Hilversum 2018 (Gemeenteblad 2018, 28600)",
     "url": "https://zoek.officielebekendmakingen.nl/gmb-2018-28600.html"},
    {"file": "lingewaard_nadere-regels-jeugdhulp-2016_CVDR408404.txt", "key": "lingewaard-jeugdhulp2016",
     "gemeente": "Lingewaard", "cvdr": "CVDR408404",
     "title": "Nadere Regels Jeugdhulp gemeente Lingewaard 2016",
     "url": "http://decentrale.regelgeving.overheid.nl/cvdr/XHTMLoutput/Actueel/Lingewaard/CVDR408404.html"},
]

if __name__ == "__main__":
    sys.exit(main())
