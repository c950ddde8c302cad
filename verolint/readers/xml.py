"""XML publication formats: BWB toestand (national law) and CVDR (ordinances).

Both are parsed safely with defusedxml: a document type declaration (which
neither format uses), entity declarations and external references are
refused, so entity-expansion bombs and external-entity files fail fast with a
clear error. The official structure
(hoofdstuk / paragraaf / artikel / lid / lijst / li) is rendered into the
Markdown layout that the line grammar reads (``### Artikel 4 Titel``, ``1.``,
``a.``), parsed by the same tree builder as any other text, and every rendered
line remembers the XML line it came from, so findings point into the XML file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..errors import ReadError
from ..model import Document
from . import Reader

_LINE = "{verolint}line"
_DIVISIONS = {"hoofdstuk": "Hoofdstuk", "titeldeel": "Titel", "afdeling": "Afdeling", "paragraaf": "Paragraaf",
              "sub-paragraaf": "Paragraaf", "bijlage": "Bijlage"}
_SKIP = {"meta-data", "jcis", "jci", "redactie", "plaatje", "illustratie", "opmerkingen-inhoud", "meta", "brondata",
         "kenmerk", "redactionele-correcties", "bwb-wijzigingen", "bwb-inputbestand"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_xml(data: bytes, path: str) -> ET.Element:
    """Parse bytes safely; every element gets its source line in attribute _LINE."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    class Builder(ET.TreeBuilder):
        parser = None

        def start(self, tag, attrs):
            attrs = dict(attrs)
            attrs[_LINE] = str(self.parser.parser.CurrentLineNumber) if self.parser else "1"
            return super().start(tag, attrs)

    builder = Builder()
    # BWB and CVDR publications carry no DTD: refusing any DTD blocks entity
    # bombs, external entities and external DTD subsets in one go
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException as exc:
        raise ReadError(f"onveilige XML geweigerd ({type(exc).__name__}: een DTD, entiteiten of externe verwijzingen)", path) from None
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise ReadError(f"ongeldige XML: {exc}", path, line) from None
    for el in root.iter():  # CVDR uses a default namespace; the structure is what counts
        el.tag = _local(el.tag) if isinstance(el.tag, str) else el.tag
    return root


def _text(el: ET.Element) -> str:
    """All text of an element, skipping metadata, white space folded."""
    parts: list[str] = []

    def walk(e: ET.Element) -> None:
        if _local(e.tag) in _SKIP:
            return
        if e.text:
            parts.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return " ".join("".join(parts).split())


class Renderer:
    """Writes the Markdown rendering and the map back to XML lines."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.map: list[int] = []

    def add(self, text: str, el: ET.Element | None, blank: bool = True) -> None:
        line = int(el.get(_LINE, "1")) if el is not None else (self.map[-1] if self.map else 1)
        self.lines.append(text)
        self.map.append(line)
        if blank:
            self.lines.append("")
            self.map.append(line)

    def heading(self, level: int, text: str, el) -> None:
        self.add(f"{'#' * level} {text}", el)

    def render_children(self, el: ET.Element, depth: int = 0) -> None:
        for child in el:
            self.render(child, depth)

    def render(self, el: ET.Element, depth: int = 0) -> None:
        tag = _local(el.tag)
        if tag in _SKIP:
            return
        if tag in _DIVISIONS:
            kop = el.find("kop")
            nr, titel = _kop(kop)
            label = (kop.findtext("label") if kop is not None else None) or _DIVISIONS[tag]
            self.heading(2, f"{label.strip()} {nr} {titel}".strip(), el)
            self.render_children(el, depth)
        elif tag == "artikel":
            nr, titel = _kop(el.find("kop"))
            status = " [Vervallen]" if el.get("status") == "vervallen" else ""
            self.heading(3, f"Artikel {nr} {titel}{status}".rstrip(), el)
            self.render_children(el, depth)
        elif tag == "lid":
            nr = (el.findtext("lidnr") or "").strip().rstrip(".")
            body = [c for c in el if _local(c.tag) not in ("lidnr",)]
            first = True
            for child in body:
                if _local(child.tag) == "al" and first:
                    self.add(f"{nr}. {_text(child)}" if nr else _text(child), child)
                    first = False
                else:
                    if first and nr:
                        self.add(f"{nr}.", el)
                        first = False
                    self.render(child, depth)
        elif tag == "lijst":
            for li in el:
                if _local(li.tag) == "li":
                    self.render_item(li, depth)
        elif tag in ("al", "considerans.al", "wij", "dagtekening", "slotformulering", "afkondiging"):
            text = _text(el)
            if text:
                self.add(("   " * depth) + text, el)
        elif tag in ("kop", "lidnr", "li.nr", "nr", "label", "titel"):
            return
        elif tag == "table" or tag == "tgroup":
            for row in el.iter():
                if _local(row.tag) == "row":
                    cells = [_text(c) for c in row if _local(c.tag) == "entry"]
                    if any(cells):
                        self.add(("   " * depth) + " | ".join(cells), row)
        else:
            self.render_children(el, depth)

    def render_item(self, li: ET.Element, depth: int) -> None:
        mark = (li.findtext("li.nr") or "").strip() or "-"
        if mark in ("–", "—", "•", "-"):
            mark = "-"
        elif not mark.endswith((".", ")", "°")):
            mark += "."
        indent = "   " * depth
        first = True
        for child in li:
            t = _local(child.tag)
            if t == "li.nr" or t in _SKIP:
                continue
            if t == "al" and first:
                self.add(f"{indent}{mark} {_text(child)}", child)
                first = False
            else:
                if first:
                    self.add(f"{indent}{mark}", li)
                    first = False
                self.render(child, depth + 1)
        if first:
            self.add(f"{indent}{mark} {_text(li)}", li)


def _kop(kop: ET.Element | None) -> tuple[str, str]:
    if kop is None:
        return "", ""
    nr = " ".join((kop.findtext("nr") or "").split()).rstrip(".")
    titel = " ".join((kop.findtext("titel") or "").split())
    return nr, titel


def render_document(root: ET.Element, title: str | None) -> Renderer:
    r = Renderer()
    if title:
        r.heading(1, title, root)
    body = None
    for candidate in ("wettekst", "regeling-tekst"):
        body = next(root.iter(candidate), None)
        if body is not None:
            break
    for part in ("aanhef",):
        el = next(root.iter(part), None)
        if el is not None:
            r.render(el)
    r.render(body if body is not None else root)
    for part in ("wetsluiting", "regeling-sluiting"):
        el = next(root.iter(part), None)
        if el is not None:
            r.add("Ondertekening", el)
            r.render(el)
    return r


class XmlReader(Reader):
    """BWB toestand XML; CVDR XML is read by the same machinery (see cvdr_meta)."""

    name = "xml"
    suffixes = (".xml",)

    def read_bytes(self, data: bytes, path: str) -> Document:
        from .plaintext import build_document

        if data[:3] == b"\xef\xbb\xbf":
            data = data[3:]
        root = parse_xml(data, path)
        kind = _local(root.tag)
        meta: dict = {}
        if kind == "toestand":
            meta["bwb_id"] = root.get("bwb-id")
            meta["version"] = root.get("inwerkingtreding")
            meta["citeertitel"] = " ".join((next(root.iter("citeertitel"), None) is not None
                                            and _text(next(root.iter("citeertitel"))) or "").split()) or None
            title = meta["citeertitel"] or _text(next(root.iter("intitule"), root))
        elif kind == "cvdr":
            title = _cvdr_title(root)
            meta["cvdr_id"] = _find_local(root, "identifier")
        else:
            raise ReadError(
                f"onbekend XML-formaat (hoofdelement <{kind}>); verolint leest BWB-toestanden (<toestand>) "
                "en CVDR-regelingen (<cvdr>)",
                path,
            )
        rendered = render_document(root, title)
        doc = build_document("\n".join(rendered.lines) + "\n", path, "markdown")
        doc.format = "bwb" if kind == "toestand" else "cvdr"
        doc.line_map = rendered.map
        doc.meta.update({k: v for k, v in meta.items() if v})
        return doc

    def read_text(self, text: str, path: str) -> Document:
        return self.read_bytes(text.encode("utf-8"), path)


def _find_local(root: ET.Element, name: str) -> str | None:
    for el in root.iter():
        if _local(el.tag) == name and (el.text or "").strip():
            return el.text.strip()
    return None


def _cvdr_title(root: ET.Element) -> str | None:
    for name in ("citeertitel", "title", "intitule"):
        value = _find_local(root, name)
        if value:
            return " ".join(value.split())
    return None


