"""Fetch the official BWB toestand XML of a law into the user cache.

1. The BWB search service (SRU 1.2, ``x-connection=BWB``) is asked for the
   law by ``dcterms.identifier`` (and ``overheidbwb.geldigheidsdatum`` for a
   date). Each record (``gzd/originalData/overheidbwb:meta`` plus
   ``enrichedData``) names the validity period and ``locatie_toestand``, the
   address of the toestand XML in the repository.
2. The toestand is downloaded from the repository, parsed (safely) and checked
   to be the requested law, then stored as ``<BWB id>_<date>.xml`` by an atomic
   rename: a failed or interrupted download leaves nothing behind.

The server is not trusted. Only addresses under the configured repository are
followed (the same scheme and host, a path under the repository's, no ``..``),
and a redirect only within the origin it was sent to. Every download has a size
cap and an overall deadline (a server that trickles bytes cannot hold the run),
and the file name is built from the checked BWB id and a checked date only.
Both addresses can be set with ``VEROLINT_SRU_URL`` and
``VEROLINT_BWB_REPOSITORY`` (the tests point them at a local server).
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from .. import net
from ..fileio import write_atomic
from ..net import FetchError, under

DEFAULT_SRU = "https://zoekservice.overheid.nl/sru/Search"
DEFAULT_REPOSITORY = "https://repository.officiele-overheidspublicaties.nl"
BWB_RE = re.compile(r"^BWBR\d{7}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


DownloadError = FetchError  # the name this module used before net.py


@dataclass
class Toestand:
    bwb_id: str
    title: str | None
    start: str | None
    end: str | None
    url: str


def sru_url() -> str:
    return os.environ.get("VEROLINT_SRU_URL", DEFAULT_SRU)


def repository_url() -> str:
    return os.environ.get("VEROLINT_BWB_REPOSITORY", DEFAULT_REPOSITORY).rstrip("/")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def search(bwb_id: str, date: str | None = None) -> list[Toestand]:
    from defusedxml.ElementTree import fromstring

    query = f"dcterms.identifier=={bwb_id}"
    if date:
        query += f" and overheidbwb.geldigheidsdatum=={date}"
    params = urlencode({"operation": "searchRetrieve", "version": "1.2", "x-connection": "BWB",
                        "query": query, "maximumRecords": "100"})
    data = net.get(f"{sru_url()}?{params}", "zoeken in het basiswettenbestand")
    try:
        root = fromstring(data)
    except ET.ParseError as exc:
        raise DownloadError(f"het antwoord van de zoekdienst is geen geldige XML ({exc})") from None
    out = []
    for record in root.iter():
        if _local(record.tag) != "record":
            continue
        fields: dict[str, str] = {}
        for el in record.iter():
            name = _local(el.tag)
            if name in ("identifier", "title", "geldigheidsperiode_startdatum", "geldigheidsperiode_einddatum",
                        "locatie_toestand") and (el.text or "").strip():
                fields.setdefault(name, el.text.strip())
        if fields.get("locatie_toestand") and bwb_id in fields.get("identifier", bwb_id):
            out.append(Toestand(bwb_id, fields.get("title"), fields.get("geldigheidsperiode_startdatum"),
                                fields.get("geldigheidsperiode_einddatum"), fields["locatie_toestand"]))
    return out


def choose(found: list[Toestand], date: str | None) -> Toestand | None:
    if date:
        found = [t for t in found if (t.start or "") <= date and (not t.end or date <= t.end)] or found
    return max(found, key=lambda t: t.start or "", default=None)


def pull(bwb_id: str, date: str | None, dest: Path) -> tuple[Path, Toestand]:
    bwb_id = bwb_id.strip().upper()
    if not BWB_RE.match(bwb_id):
        raise DownloadError(f"'{bwb_id}' is geen BWB-id (vorm: BWBR0035362)")
    if date and not DATE_RE.match(date):
        raise DownloadError(f"'{date}' is geen datum (vorm: JJJJ-MM-DD)")
    toestand = choose(search(bwb_id, date), date)
    if toestand is None:
        raise DownloadError(f"het basiswettenbestand kent geen toestand van {bwb_id}" + (f" op {date}" if date else ""))
    if not under(toestand.url, repository_url()):
        raise DownloadError(f"de zoekdienst wijst naar een onbekende plek ({toestand.url}); niet gevolgd")
    data = net.get(toestand.url, f"downloaden van {bwb_id}")
    from ..readers.xml import XmlReader

    doc = XmlReader().read_bytes(data, toestand.url)
    if doc.meta.get("bwb_id") not in (None, bwb_id):
        raise DownloadError(f"de repository gaf {doc.meta.get('bwb_id')} in plaats van {bwb_id}; niet opgeslagen")
    # the file name holds only checked parts: the BWB id and a date of the form JJJJ-MM-DD
    version = next((v for v in (toestand.start, doc.meta.get("version")) if v and DATE_RE.match(v)), "onbekend")
    dest.mkdir(parents=True, exist_ok=True)
    target = dest / f"{bwb_id}_{version}.xml"
    write_atomic(target, data)
    for old in dest.glob(f"{bwb_id}_*.xml"):  # keep one version per law
        if old != target:
            old.unlink(missing_ok=True)
    return target, toestand
