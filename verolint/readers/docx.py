"""Word documents (.docx), the format drafters write ordinances in.

Structure is recovered from three sources, in this order:

* heading styles ('Heading 1'/'Kop 1' for a hoofdstuk, 'Heading 2'/'Kop 2' or
  a paragraph that starts with 'Artikel' for an article);
* Word's own list numbering: automatic numbers ('Artikel %1', '%1.', '%2)')
  are not in the text runs, so they are rebuilt from ``numbering.xml``
  (numbering format, level text and start value per level, counters reset
  when a higher level moves on);
* the text itself, as for plain text ('1.', 'a.' typed by hand).

Tables are read row by row; footnotes are added at the end as a toelichting
(they are read, not scored as rule text). Inserted text of tracked changes
counts, deleted text does not. A finding's location is the paragraph
('alinea 12'), since Word has no stable line numbers.
"""

from __future__ import annotations

import io
import re
import zipfile

from .. import rx
from ..errors import ReadError
from ..model import Document
from . import Reader

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_RE = rx.compile(r"^(?:heading|kop)\s*(\d)$", re.I)
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _roman(n: int) -> str:
    out = ""
    for value, sym in _ROMAN:
        while n >= value:
            out += sym
            n -= value
    return out


def _letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word's letter numbering)."""
    return chr(96 + (n - 1) % 26 + 1) * ((n - 1) // 26 + 1)


# Limits on what a damaged or hostile document can ask for.
MAX_UNZIPPED = 256 * 1024 * 1024  # all parts together, decompressed
MAX_RATIO = 200  # decompressed / compressed size of one large part
MAX_NUMBER = 10_000  # a list number beyond this is not a real article or lid
MAX_LEVEL_TEXT = 64  # characters of a numbering level text ("%1.%2.")


def _int(value: str | None, default: int, low: int = 0, high: int = MAX_NUMBER) -> int:
    """An integer attribute of Word XML, within bounds; the default when it is
    missing or not a number (damaged documents have all kinds)."""
    try:
        number = int(value) if value is not None else default
    except (TypeError, ValueError):
        return default
    return min(max(number, low), high)


def _format(value: int, fmt: str) -> str:
    return {
        "decimal": str(value), "lowerLetter": _letters(value), "upperLetter": _letters(value).upper(),
        "lowerRoman": _roman(value), "upperRoman": _roman(value).upper(), "ordinal": f"{value}e",
        "bullet": "-", "none": "",
    }.get(fmt, str(value))


class Numbering:
    """Rebuilds automatic list numbers from numbering.xml."""

    def __init__(self, part):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if part is None:
            return
        root = part.element
        abstract = {}
        for an in root.iter(f"{_W}abstractNum"):
            aid = an.get(f"{_W}abstractNumId")
            for lvl in an.iter(f"{_W}lvl"):
                ilvl = _int(lvl.get(f"{_W}ilvl"), 0, 0, 8)
                fmt = _val(lvl, "numFmt") or "decimal"
                text = (_val(lvl, "lvlText") or f"%{ilvl + 1}.")[:MAX_LEVEL_TEXT]
                start = _int(_val(lvl, "start"), 1)
                abstract[(aid, ilvl)] = (fmt, text, start)
        for num in root.iter(f"{_W}num"):
            nid = num.get(f"{_W}numId")
            ref = num.find(f"{_W}abstractNumId")
            aid = ref.get(f"{_W}val") if ref is not None else None
            for (a, ilvl), spec in abstract.items():
                if a == aid:
                    self.levels[(nid, ilvl)] = spec

    def label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        spec = self.levels.get((num_id, ilvl))
        if spec is None or num_id == "0":
            return None
        fmt, text, start = spec
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = min(counters.get(ilvl, start - 1) + 1, MAX_NUMBER)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def fill(m):
            level = int(m.group(1)) - 1
            lspec = self.levels.get((num_id, level), spec)
            value = counters.get(level, lspec[2])
            return _format(value, lspec[0])

        return fmt, re.sub(r"%(\d)", fill, text)


def _check_sizes(data: bytes, path: str) -> None:
    """Refuse a zip bomb before python-docx unpacks it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            total = 0
            for info in z.infolist():
                total += info.file_size
                if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise ReadError(f"onderdeel {info.filename} pakt uit tot {info.file_size // (1024 * 1024)} MB "
                                    f"(meer dan {MAX_RATIO} keer zo groot): geweigerd", path)
            if total > MAX_UNZIPPED:
                raise ReadError(f"het Word-bestand pakt uit tot {total // (1024 * 1024)} MB "
                                f"(maximaal {MAX_UNZIPPED // (1024 * 1024)} MB): geweigerd", path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError(f"dit is geen leesbaar Word-bestand ({exc})", path) from None


def _label(numbering: "Numbering", num_pr) -> tuple[str, str] | None:
    """The list number of a paragraph, or None when its numbering is damaged."""
    try:
        if num_pr.numId is None:
            return None
        ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        return numbering.label(str(num_pr.numId.val), _int(str(ilvl), 0, 0, 8))
    except (ValueError, TypeError, AttributeError, KeyError):
        return None


def _val(el, name: str) -> str | None:
    child = el.find(f"{_W}{name}")
    return child.get(f"{_W}val") if child is not None else None


def _paragraph_text(p) -> str:
    """Text with tracked insertions, without deletions (w:delText is not w:t).
    A soft line break (Shift+Enter: w:br without a page type, w:cr) stays a line
    break: drafters use it for leden and onderdelen inside one paragraph."""
    parts = []
    for node in p.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append(" ")
        elif node.tag == f"{_W}cr" or (node.tag == f"{_W}br" and node.get(f"{_W}type") in (None, "textWrapping")):
            parts.append("\n")
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


class DocxReader(Reader):
    name = "docx"
    suffixes = (".docx",)

    def read_bytes(self, data: bytes, path: str) -> Document:
        try:
            import docx  # python-docx
        except ImportError:  # pragma: no cover - a declared dependency
            raise ReadError("python-docx is niet geïnstalleerd", path) from None
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise ReadError("dit is geen Word-bestand (.docx is een zip-archief)", path)
        _check_sizes(data, path)
        try:
            document = docx.Document(io.BytesIO(data))
        except Exception as exc:  # python-docx raises many kinds for damaged files
            raise ReadError(f"kan het Word-bestand niet openen ({type(exc).__name__}: {exc})", path) from None
        try:
            numbering = Numbering(document.part.numbering_part)
        except Exception:  # noqa: BLE001 - damaged numbering: the text is still read, without list numbers
            numbering = Numbering(None)
        try:
            return self._read(document, numbering, path)
        except ReadError:
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged part python-docx only notices late
            raise ReadError(f"het Word-bestand is beschadigd ({type(exc).__name__}: {exc})", path) from None

    def _read(self, document, numbering: "Numbering", path: str) -> Document:
        from .plaintext import build_document

        lines: list[str] = []
        line_map: list[int] = []
        paragraph_no = 0

        def add(text: str, no: int) -> None:
            for line in text.split("\n"):  # soft line breaks: lines of one paragraph
                lines.append(line)
                line_map.append(no)
            lines.append("")
            line_map.append(no)

        styles = {}
        for block in document.element.body.iterchildren():
            if block.tag == f"{_W}p":
                paragraph_no += 1
                text = _paragraph_text(block)
                style_id = block.pPr.style if block.pPr is not None else None
                if style_id and style_id not in styles:
                    try:
                        styles[style_id] = document.styles.get_by_id(style_id, 1).name or ""
                    except Exception:
                        styles[style_id] = style_id
                style = styles.get(style_id, "") if style_id else ""
                label = None
                num_pr = block.pPr.numPr if block.pPr is not None else None
                if num_pr is None and style_id:  # numbering that comes with the style ('List Number')
                    num_pr = _style_numpr(document, style_id)
                if num_pr is not None:
                    label = _label(numbering, num_pr)
                if not text and not label:
                    continue
                add(_render(text, style, label), paragraph_no)
            elif block.tag == f"{_W}tbl":
                for row in block.iter(f"{_W}tr"):
                    paragraph_no += 1
                    cells = [" ".join(_paragraph_text(tc).split()) for tc in row.iter(f"{_W}tc")]
                    if any(cells):
                        add(" | ".join(c for c in cells), paragraph_no)
        notes = _footnotes(document)
        if notes:
            add("## Toelichting: voetnoten", paragraph_no)
            for i, note in enumerate(notes, 1):
                add(f"Voetnoot {i}: {note}", paragraph_no)
        doc = build_document("\n".join(lines) + "\n", path, "markdown")
        doc.format = "docx"
        doc.line_map = line_map
        doc.meta["location_unit"] = "alinea"
        return doc

    def read_text(self, text: str, path: str) -> Document:  # pragma: no cover - Word is binary
        raise ReadError("een Word-bestand kan niet als tekst worden gelezen", path)


def _render(text: str, style: str, label: tuple[str, str] | None) -> str:
    heading = _HEADING_RE.match(style.strip()) if style else None
    title_style = style.lower() in ("title", "titel")
    if label is not None:
        fmt, shown = label
        shown = shown.strip()
        if shown.lower().startswith(("artikel", "art.")):
            return f"### {shown} {text}".rstrip()
        if shown.lower().startswith(("hoofdstuk", "paragraaf", "§", "afdeling")):
            return f"## {shown} {text}".rstrip()
        if fmt == "bullet" or not shown:
            return f"- {text}"
        return f"{shown} {text}"
    if title_style:
        return f"# {text}"
    if heading:
        level = int(heading.group(1))
        if text.lower().startswith(("artikel", "art.")) or level >= 2:
            return f"### {text}"
        return f"## {text}"
    return text


def _style_numpr(document, style_id: str):
    try:
        style = document.styles.element.get_by_id(style_id)
    except Exception:
        return None
    while style is not None:
        ppr = style.pPr
        if ppr is not None and ppr.numPr is not None:
            return ppr.numPr
        base = style.basedOn_val
        style = document.styles.element.get_by_id(base) if base else None
    return None


def _footnotes(document) -> list[str]:
    """Footnote texts (python-docx has no API for them; read the part's XML)."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            from defusedxml.ElementTree import fromstring

            root = fromstring(rel.target_part.blob)
            out = []
            for note in root.iter(f"{_W}footnote"):
                if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = _paragraph_text(note)
                if text:
                    out.append(text)
            return out
    return []
