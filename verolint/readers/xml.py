"""XML publication formats: BWB toestand (national law) and CVDR (ordinances).

Both are parsed safely with defusedxml: a document type declaration (which
neither format uses), entity declarations and external references are
refused, so entity-expansion bombs and external-entity files fail fast with a
clear error. The article tree is built from the official elements themselves
(hoofdstuk / paragraaf / artikel / lid / lijst / li / al; see
:class:`XmlTreeBuilder`), never by rendering to text and guessing the
structure again. The text that findings point into is written alongside, one
line per alinea, and every line remembers the XML line it came from.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .. import rx
from ..errors import NotAnOrdinance, ReadError
from ..model import Document, Kind, Node
from .layout import roman_value
from . import Reader

_LINE = "{verolint}line"
_DIVISIONS = {"hoofdstuk": Kind.HOOFDSTUK, "titeldeel": Kind.TITEL, "afdeling": Kind.AFDELING,
              "paragraaf": Kind.PARAGRAAF, "sub-paragraaf": Kind.PARAGRAAF, "bijlage": Kind.BIJLAGE}
_SKIP = {"meta-data", "jcis", "jci", "redactie", "plaatje", "illustratie", "opmerkingen-inhoud", "meta", "brondata",
         "kenmerk", "redactionele-correcties", "bwb-wijzigingen", "bwb-inputbestand"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


MAX_DEPTH = 200  # real CVDR and BWB documents nest about 15 deep


class _TooDeep(Exception):
    def __init__(self, line: int | None):
        super().__init__(line)
        self.line = line


def parse_xml(data: bytes, path: str) -> ET.Element:
    """Parse bytes safely; every element gets its source line in attribute _LINE."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    class Builder(ET.TreeBuilder):
        parser = None
        depth = 0

        def start(self, tag, attrs):
            self.depth += 1
            if self.depth > MAX_DEPTH:  # the tree is walked recursively later: refuse here, clearly
                raise _TooDeep(self.parser.parser.CurrentLineNumber if self.parser else None)
            attrs = dict(attrs)
            attrs[_LINE] = str(self.parser.parser.CurrentLineNumber) if self.parser else "1"
            return super().start(tag, attrs)

        def end(self, tag):
            self.depth -= 1
            return super().end(tag)

    builder = Builder()
    # BWB and CVDR publications carry no DTD: refusing any DTD blocks entity
    # bombs, external entities and external DTD subsets in one go
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except _TooDeep as exc:
        raise ReadError(f"de XML is dieper genest dan {MAX_DEPTH} niveaus; geen regeling", path, exc.line) from None
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


class XmlTreeBuilder:
    """Builds the article tree straight from the publication's own elements.

    ``hoofdstuk``/``paragraaf``/... become divisions, ``artikel`` an article,
    ``lid`` a lid, ``lijst``/``li`` onderdelen, ``al`` text. The level of a list
    item follows from the pattern of its number (``1.`` a lid when the list
    stands in an article without ``lid`` elements, ``a.`` an onderdeel, ``1°``
    or ``i.`` a sub-onderdeel), because CVDR often puts leden and their
    onderdelen in sibling lists rather than nesting them, and loose onderdelen
    can stand as bare ``al`` between two lists. The document text is written
    alongside (one line per alinea, with its marker) so that every finding has a
    span, and every line remembers the XML line it came from."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.map: list[int] = []
        self.offset = 0
        self.root = Node(Kind.DOCUMENT)
        self.article: Node | None = None
        self.lid: Node | None = None
        self.onderdeel: Node | None = None

    # -- text --------------------------------------------------------------------------
    def emit(self, text: str, el: ET.Element | None, node: Node, marker: str = "") -> None:
        """One line of text: ``marker`` (not part of the node's own text), then ``text``."""
        line = int(el.get(_LINE, "1")) if el is not None else (self.map[-1] if self.map else 1)
        start = self.offset + len(marker) + (1 if marker else 0)
        full = f"{marker} {text}" if marker else text
        self.chunks.append(full + "\n")
        self.map.append(line)
        end = self.offset + len(full)
        if text:
            node.parts.append((start, end))
        self.offset += len(full) + 1
        node.grow_to(end)

    def open(self, kind: Kind, parent: Node, el: ET.Element, heading: str | None = None, **kw) -> Node:
        node = parent.add(Node(kind, start=self.offset, end=self.offset, **kw))
        if heading is not None:
            self.emit(heading, el, node)
            node.parts.clear()  # the heading is not the node's own text
        node.body_start = self.offset
        return node

    # -- elements ----------------------------------------------------------------------
    def block(self, el: ET.Element, parent: Node) -> None:
        for child in el:
            self.element(child, parent)

    def element(self, el: ET.Element, parent: Node) -> None:
        tag = el.tag
        if tag in _SKIP or tag in ("kop", "lidnr", "li.nr", "nr", "label", "titel"):
            return
        if tag in _DIVISIONS:
            nr, titel = _kop(el.find("kop"))
            kind = _DIVISIONS[tag]
            label = (el.findtext("kop/label") or kind.value.capitalize()).strip()
            node = self.open(kind, parent, el, f"{label} {nr} {titel}".strip(), number=nr or None, title=titel or None)
            self.article = None
            self.block(el, node)
        elif tag == "artikel":
            nr, titel = _kop(el.find("kop"))
            if el.get("status") == "vervallen" and not titel:
                titel = "[Vervallen]"
            node = self.open(Kind.ARTIKEL, parent, el, f"Artikel {nr} {titel}".strip(),
                             number=nr or None, title=titel or None)
            self.article, self.lid, self.onderdeel = node, None, None
            self.block(el, node)
            self.article = None
        elif tag == "lid" and self.article is not None:
            nr = (el.findtext("lidnr") or "").strip().rstrip(".")
            self.lid = self.open(Kind.LID, self.article, el, number=nr or None, marker=f"{nr}." if nr else None)
            self.onderdeel = None
            self.block(el, self.lid)
        elif tag == "lijst":
            for li in el:
                if li.tag == "li":
                    self.item(li, parent)
        elif tag in ("al", "considerans.al", "wij", "dagtekening", "slotformulering", "afkondiging"):
            self.alinea(el, parent)
        elif tag in ("table", "tgroup"):
            for row in el.iter("row"):
                cells = [_text(c) for c in row if c.tag == "entry"]
                if any(cells):
                    self.emit(" | ".join(cells), row, parent)
        else:
            self.block(el, parent)

    def alinea(self, el: ET.Element, parent: Node) -> None:
        text = _text(el)
        if not text:
            return
        m = _LOOSE_ITEM_RE.match(text) if self.article is not None else None
        if m and parent.kind in (Kind.ARTIKEL, Kind.LID, Kind.ONDERDEEL):
            # a loose onderdeel: "b. ..." as a bare alinea between two lists
            self.place_item(m.group(1), m.group(1).rstrip(".)"), el, parent, text[m.end():].strip())
            return
        marker = ""
        if parent is self.lid and not parent.parts and parent.marker and self.offset == parent.body_start:
            marker = parent.marker  # the lid's first alinea carries its number
        self.emit(text, el, parent, marker)

    def item(self, li: ET.Element, parent: Node) -> None:
        raw = (li.get("nr") or li.findtext("li.nr") or "").strip()
        number = raw.rstrip(".)")
        first = True
        node: Node | None = None
        for child in li:
            if child.tag in ("li.nr",) or child.tag in _SKIP:
                continue
            if child.tag == "al" and first:
                node = self.place_item(raw, number, child, parent, _text(child))
                first = False
            else:
                if first:
                    node = self.place_item(raw, number, li, parent, "")
                    first = False
                self.element(child, node)
        if first:
            self.place_item(raw, number, li, parent, _text(li))

    def place_item(self, raw: str, number: str, el: ET.Element, parent: Node, text: str) -> Node:
        level = _item_level(raw, number, parent, self.onderdeel)
        marker = raw if raw else "-"
        if level == "lid" and self.article is not None:
            self.lid = self.open(Kind.LID, self.article, el, number=number, marker=marker)
            self.onderdeel = None
            self.emit(text, el, self.lid, marker)
            return self.lid
        if parent.kind in (Kind.ONDERDEEL, Kind.SUBONDERDEEL):
            holder, kind = parent, Kind.SUBONDERDEEL  # a list inside an item
        elif level == "sub" and self.onderdeel is not None:
            holder, kind = self.onderdeel, Kind.SUBONDERDEEL
        else:
            # a list beside the list of leden belongs to the last lid
            holder = self.lid if parent is self.article and self.lid is not None else parent
            kind = Kind.ONDERDEEL
        node = self.open(kind, holder, el, number=None if raw in _BULLETS else (number or None), marker=marker)
        self.emit(text, el, node, marker)
        if kind is Kind.ONDERDEEL:
            self.onderdeel = node
        return node

    def finish(self) -> str:
        text = "".join(self.chunks)
        for node in self.root.walk():
            node.src = text
            if node.body_start < node.start:
                node.body_start = node.start
        self.root.end = len(text)
        return text


_BULLETS = ("", "-", "–", "—", "•", "·")
_LOOSE_ITEM_RE = rx.compile(r"^((?:[a-z]{1,2}|\d{1,2}°)[.)])\s+(?=\S)")


def _item_level(raw: str, number: str, parent: Node, onderdeel: Node | None) -> str:
    """'lid', 'onderdeel' or 'sub', from the pattern of the number: 1. in an
    article is a lid, a. an onderdeel, 1° and i. (not the letter after h) a sub-onderdeel."""
    if "°" in raw:
        return "sub"
    if onderdeel is not None and roman_value(number):
        prev = onderdeel.number or ""
        next_letter = len(number) == 1 and len(prev) == 1 and ord(number) == ord(prev) + 1
        if not next_letter:
            return "sub"
    if number.isdigit():
        if parent.kind is Kind.ARTIKEL:
            return "lid"
        return "sub" if onderdeel is not None or parent.kind in (Kind.ONDERDEEL, Kind.SUBONDERDEEL) else "onderdeel"
    return "onderdeel"


def _kop(kop: ET.Element | None) -> tuple[str, str]:
    if kop is None:
        return "", ""
    nr = " ".join((kop.findtext("nr") or "").split()).rstrip(".")
    titel = " ".join((kop.findtext("titel") or "").split())
    return nr, titel


def build_tree(root: ET.Element, title: str | None, path: str, fmt: str) -> Document:
    from .plaintext import finish_document

    tree = XmlTreeBuilder()
    doc_root = tree.root
    if title:
        tree.emit(f"# {title}", root, doc_root)
        doc_root.parts.clear()
    body = next((el for name in ("wettekst", "regeling-tekst") for el in root.iter(name)), None)
    aanhef = next(root.iter("aanhef"), None)
    if aanhef is not None:
        tree.block(aanhef, tree.open(Kind.PREAMBLE, doc_root, aanhef))
    tree.block(body if body is not None else root, doc_root)
    for part in ("wetsluiting", "regeling-sluiting"):
        el = next(root.iter(part), None)
        if el is not None:
            tree.block(el, tree.open(Kind.ONDERTEKENING, doc_root, el))
    for el in root.iter("toelichting"):
        tree.block(el, tree.open(Kind.TOELICHTING, doc_root, el, "Toelichting", title="Toelichting"))
    text = tree.finish()
    doc = Document(path=path, source=text, text=text, root=doc_root, format=fmt, title=title)
    doc.line_map = tree.map
    finish_document(doc, [])
    return doc


class XmlReader(Reader):
    """BWB toestand XML; CVDR XML is read by the same machinery (see cvdr_meta)."""

    name = "xml"
    suffixes = (".xml",)

    def read_bytes(self, data: bytes, path: str) -> Document:
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
            raise NotAnOrdinance(
                f"onbekend XML-formaat (hoofdelement <{kind}>); verolint leest BWB-toestanden (<toestand>) "
                "en CVDR-regelingen (<cvdr>)",
                path,
            )
        doc = build_tree(root, title, path, "bwb" if kind == "toestand" else "cvdr")
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


