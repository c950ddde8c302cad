"""The CVDR search service: SRU 1.2 ``searchRetrieve`` with CQL queries.

Each record holds the regulation's metadata (``owmskern``, ``owmsmantel``,
``cvdripm``) and, in ``enrichedData``, the address of the version's XML in
the official repository (``publicatieurl_xml``). Pages hold up to 1,000
records; ``nextRecordPosition`` is absent on the last. The service reports a
bad query as an SRU diagnostic with HTTP 200. Elements are found by local
name: the service has answered in more than one namespace over the years.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import urlencode

from .. import net
from . import CvdrError, Record, Ref

DEFAULT_SRU = "https://zoekservice.overheid.nl/sru/Search"
DEFAULT_REPOSITORY = "https://repository.officiele-overheidspublicaties.nl/cvdr"
PAGE = 1000  # the most records the service gives in one answer
MAX_ANSWER = 32 * 1024 * 1024  # a page of 1,000 records is about 3 MB


def sru_url() -> str:
    return os.environ.get("VEROLINT_SRU_URL", DEFAULT_SRU)


def repository_url() -> str:
    """The official repository: the only place a regulation's XML is taken from."""
    return os.environ.get("VEROLINT_CVDR_REPOSITORY", DEFAULT_REPOSITORY).rstrip("/")


def quote(value: str) -> str:
    """A CQL term in double quotes."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass
class Page:
    records: list[Record]
    total: int
    next: int | None  # the startRecord of the next page


_FIELDS = {"identifier", "title", "creator", "subject", "indeling", "inwerkingtredingDatum",
           "uitwerkingtredingDatum", "publicatieurl_xml", "preferred_url"}


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _record(element: ET.Element) -> Record | None:
    fields: dict[str, str] = {}
    for el in element.iter():
        name = _local(el.tag)
        if name in _FIELDS and (el.text or "").strip():
            fields.setdefault(name, " ".join(el.text.split()))
    work, _, version = fields.get("identifier", "").partition("_")
    if not work.upper().startswith("CVDR") or not version.isdigit():
        return None
    return Record(work.upper(), int(version), fields.get("title", ""), fields.get("creator", ""),
                  fields.get("subject", ""), fields.get("indeling", ""), fields.get("inwerkingtredingDatum", ""),
                  fields.get("uitwerkingtredingDatum", ""), fields.get("publicatieurl_xml", ""),
                  fields.get("preferred_url", ""))


def parse_page(data: bytes) -> Page:
    """Records, the total and the next start of one searchRetrieve answer."""
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data)
    except ET.ParseError as exc:
        raise CvdrError(f"het antwoord van de zoekdienst is geen geldige XML ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - defusedxml refuses entities and DTDs
        raise CvdrError(f"het antwoord van de zoekdienst is geweigerd ({type(exc).__name__})") from None
    total, nxt, records = 0, None, []
    for el in root:
        name = _local(el.tag)
        if name == "diagnostics":
            diag = {_local(d.tag): (d.text or "").strip() for d in el.iter()}
            text = diag.get("message") or diag.get("uri") or "onbekende fout"
            detail = f" ({diag['details']})" if diag.get("details") else ""
            raise CvdrError(f"de zoekdienst weigert de vraag: {text}{detail}")
        if name == "numberOfRecords" and (el.text or "").strip().isdigit():
            total = int(el.text)
        elif name == "nextRecordPosition" and (el.text or "").strip().isdigit():
            nxt = int(el.text)
        elif name == "records":
            records = [r for r in (_record(rec) for rec in el if _local(rec.tag) == "record") if r]
    return Page(records, total, nxt)


def search(query: str, start: int = 1, maximum: int = PAGE, throttle: net.Throttle | None = None) -> Page:
    params = urlencode({"version": "1.2", "operation": "searchRetrieve", "x-connection": "cvdr",
                        "query": query, "startRecord": str(start), "maximumRecords": str(maximum)})
    url = f"{sru_url()}?{params}"
    if throttle:
        throttle.wait(url)
    return parse_page(net.get(url, "zoeken in CVDR", limit=MAX_ANSWER))


def records(query: str, page: int = PAGE, throttle: net.Throttle | None = None,
            on_page=None) -> Iterator[Record]:
    """Every record the query finds, page after page; ``on_page(done, total)`` after each."""
    start, done = 1, 0
    while True:
        answer = search(query, start, page, throttle)
        yield from answer.records
        done += len(answer.records)
        if on_page:
            on_page(done, answer.total)
        if answer.next is None or answer.next <= start or not answer.records:
            return
        start = answer.next


def resolve(ref: Ref, throttle: net.Throttle | None = None) -> Record:
    """The record of the version ``ref`` names: the newest when it names none.
    Identifiers in the service carry the version (``CVDR690468_3``), so a work
    is asked for with a wildcard after its underscore."""
    def versions(term: str) -> list[Record]:
        return [r for r in records(f"dcterms.identifier={term}", throttle=throttle) if r.work == ref.work]

    if ref.version is not None:
        exact = [r for r in versions(f"{ref.work}_{ref.version}") if r.version == ref.version]
        if not exact:
            known = ", ".join(str(r.version) for r in sorted(versions(f"{ref.work}_*"), key=lambda r: r.version))
            raise CvdrError(f"CVDR kent geen versie {ref.version} van {ref.work} (wel: {known or 'geen'})")
        return exact[0]
    found = versions(f"{ref.work}_*")
    if not found:
        raise CvdrError(f"CVDR kent geen regeling {ref.work}")
    return max(found, key=lambda r: r.version)
