"""Plain-text and Markdown ordinances and statutes.

The lark grammar ``grammar/ordinance.lark`` classifies every line (article
heading, division heading, lid, onderdeel, bullet, Markdown heading, text).
:class:`TreeBuilder` then nests those lines into the article tree. The builder
is deliberately tolerant: real texts skip levels, put titles on the next line,
wrap list items and mix layouts; whatever cannot be structured still ends up
in the tree, and the reader records a diagnostic instead of failing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from .. import __version__, rx
from ..model import Diagnostic, Document, Kind, Node
from ..resources import grammar_path
from ..text import mask_comments
from . import Reader
from .layout import BULLET_CHARS, marker_styles, plan_layout, shape, similarity, title_like

_DIVISION_KINDS = {
    "hoofdstuk": Kind.HOOFDSTUK,
    "paragraaf": Kind.PARAGRAAF,
    "§": Kind.PARAGRAAF,
    "afdeling": Kind.AFDELING,
    "titel": Kind.TITEL,
    "bijlage": Kind.BIJLAGE,
    "stap": Kind.PARAGRAAF,
}
_KEYWORD_RE = rx.compile(r"hoofdstuk|paragraaf|§|afdeling|titel|bijlage|stap", re.I)
_BULLET_PREFIX_RE = rx.compile(r"^[ \t]*(?:[\-*][ \t]+|[%s][ \t]*)" % re.escape(BULLET_CHARS[2:]))
_TOELICHTING_RE = rx.compile(
    r"^(?:(?:algemene|artikelsgewijze|artikelgewijze|memorie van)\s+)?toelichting"
    r"(?:\s+(?:bij|op|algemeen)\b.*)?$",
    re.I,
)
_ONDERTEKENING_RE = rx.compile(
    r"^(?:aldus\s+(?:vastgesteld|besloten|gedaan)|lasten\s+en\s+bevelen|ondertekening\b|"
    r"gegeven\s+te\s)",
    re.I,
)
_UNNUMBERED_ARTIKEL_RE = rx.compile(r"^\s*(?:#{1,6}\s*)?(?:\*\*)?(?:Artikel|ARTIKEL)(?:\*\*)?\s*(?:[:.\-–]\s*)?(?:[A-Z][^.;,]{0,60})?$")
_DECORATION = "*_ \t"
_TITLE_LEAD = ":.-–— \t*_"


_PARSER_OPTIONS = {"parser": "lalr", "lexer": "contextual", "maybe_placeholders": False}
_TABLES_MAX_BYTES = 4 << 20  # a tables file larger than this was not written by us


@lru_cache(maxsize=1)
def _parser():
    """The grammar's LALR parser. Building its tables took lark some 15 ms of
    every run; they depend only on the grammar and lark's version, so they are
    kept in the cache folder as lark serialises them, in plain JSON (lark's own
    ``cache=`` option pickles, and a pickle can run code), and handed to lark's
    loader on the next run. A file that is not what we wrote, or that lark
    refuses, is built again; ``VEROLINT_NO_CACHE`` builds without it."""
    import lark

    from ..lexicon import cache_dir, caching, read_json, write_json

    grammar = grammar_path("ordinance.lark").read_text(encoding="utf-8")
    if not caching():
        return lark.Lark(grammar, **_PARSER_OPTIONS)
    key = hashlib.sha256(f"{lark.__version__}\n{sorted(_PARSER_OPTIONS.items())}\n{grammar}".encode()).hexdigest()
    path = cache_dir() / f"parser-{__version__}.json"
    stored = read_json(path, _TABLES_MAX_BYTES)
    if isinstance(stored, dict) and stored.get("key") == key:
        try:
            return _load_tables(lark, stored["data"], stored["memo"])
        except Exception:  # noqa: BLE001 - not what lark wrote: build the tables again
            pass
    parser = lark.Lark(grammar, **_PARSER_OPTIONS)
    try:
        data, memo = parser.memo_serialize([lark.lexer.TerminalDef, lark.grammar.Rule])
        write_json(path, {"key": key, "data": data, "memo": memo})
    except Exception:  # noqa: BLE001 - a lark that serialises otherwise: run without the cache
        pass
    return parser


def _load_tables(lark, data: dict, memo: dict):
    """A parser from the tables lark serialised, as JSON gives them back (the
    keys of the memo and of the parse table are numbers again). The options
    that could hold code are not taken from the file."""
    def numbered(d: dict) -> dict:
        return {int(k): v for k, v in d.items()}

    table = data["parser"]["parser"]
    table["tokens"] = numbered(table["tokens"])
    table["states"] = {int(state): numbered(actions) for state, actions in table["states"].items()}
    return lark.Lark._load_from_dict(data, numbered(memo), postlex=None, transformer=None, tree_class=None,
                                     lexer_callbacks={}, _plugins={}, propagate_positions=False, regex=False,
                                     use_bytes=False, g_regex_flags=0, debug=False)


@dataclass(slots=True)
class Line:
    type: str  # artikel | division | lid | item | bullet | heading | text
    start: int
    end: int
    lineno: int
    indent: int
    md: bool = False
    kind: Kind | None = None
    number: str | None = None
    marker: str | None = None
    rest: str = ""
    rest_start: int = 0


def _indent(value: str) -> int:
    n = 0
    for ch in value:
        if ch == " ":
            n += 1
        elif ch == "\t":
            n += 4
        else:
            break
    return n


def _clean_number(raw: str) -> str:
    return raw.strip().strip("*_").rstrip(".")


CHUNK_LINES = 20_000


def lex_lines(text: str) -> list[Line]:
    """Classify every non-blank line of ``text`` with the lark grammar.

    The grammar is line-based, so a long text is parsed in chunks of whole
    lines: lark's parse tree then never holds more than one chunk."""
    if not text.endswith("\n"):
        text += "\n"
    out: list[Line] = []
    start = line_no = 0
    while start < len(text):
        end = start
        for _ in range(CHUNK_LINES):
            nxt = text.find("\n", end)
            if nxt == -1:
                end = len(text)
                break
            end = nxt + 1
            if end >= len(text):
                break
        _lex_chunk(text[start:end], start, line_no, out)
        line_no += text.count("\n", start, end)
        start = end
    return out


def _lex_chunk(text: str, offset: int, line_offset: int, out: list[Line]) -> None:
    tree = _parser().parse(text)
    append = out.append
    for item in tree.children:
        toks = item.children
        first = toks[0]
        last = toks[-1]
        typ = item.data
        start = first.start_pos + offset
        line = Line("text", start, last.end_pos + offset, first.line + line_offset, _indent(first.value))
        if typ == "text_line":
            line.rest, line.rest_start = first.value, start
        else:
            head = first.value
            line.md = "#" in head
            rest_tok = toks[-1] if len(toks) > (2 if typ in ("artikel_head", "division_head") else 1) else None
            if rest_tok is not None and rest_tok.type != "REST":
                rest_tok = None
            if rest_tok is not None:
                line.rest, line.rest_start = rest_tok.value, rest_tok.start_pos + offset
            else:
                line.rest_start = last.end_pos + offset
            if typ == "artikel_head":
                line.type = "artikel"
                line.number = _clean_number(toks[1].value)
            elif typ == "division_head":
                line.type = "division"
                kw = _KEYWORD_RE.search(head)
                keyword = kw.group(0).lower() if kw else "hoofdstuk"
                line.kind = _DIVISION_KINDS[keyword]
                if keyword == "stap":
                    line.marker = "stap"
                line.number = _clean_number(toks[1].value)
            elif typ == "section_head":
                line.type = "section"
                line.number = _clean_number(head.strip().lstrip("#").strip())
            elif typ == "lid_line":
                line.type = "lid"
                line.marker = head.strip()
                line.number = re.sub(r"\D", "", _BULLET_PREFIX_RE.sub("", line.marker))
            elif typ == "item_line":
                line.type = "item"
                line.marker = head.strip()
                bare = _BULLET_PREFIX_RE.sub("", line.marker)
                m = re.search(r"(\d+°|[A-Za-z]+)", re.sub(r"^sub\s+", "", bare))
                line.number = m.group(1) if m else bare
            elif typ == "bullet_line":
                line.type = "bullet"
                line.marker = head.strip()
            else:
                line.type = "heading"
        append(line)


def clean_title(raw: str) -> str:
    title = raw.strip().strip(_TITLE_LEAD).strip()
    title = title.strip(_DECORATION).strip()
    return title


def plausible_heading(line: Line) -> bool:
    """A heading without Markdown hashes must look like one, not like a
    sentence that happens to start with 'Artikel 12 is van toepassing ...'."""
    if line.md:
        return True
    if line.indent > 3:
        return False
    rest = line.rest
    if rest and not rest[0].isspace() and rest[0] not in ":.-–—*_":
        return False  # "Artikel 4abc", "Artikel 12,"
    title = clean_title(rest)
    if not title:
        return True
    if title[0].islower():
        return False
    if len(title.split()) > 20:
        return False
    if title[-1] in ".;," and len(title.split()) > 3:
        return False
    return True


def _bold_title_line(line: Line) -> bool:
    """A line that is bold as a whole ('**Kosten eigen bijdragen …**'), short and
    not a sentence: a title, also after a blank line (CVDR exports put it there)."""
    raw = line.rest.strip()
    inner = raw.strip(_DECORATION)
    return (raw.startswith(("**", "__")) and raw.endswith(("**", "__")) and bool(inner)
            and "**" not in inner and len(inner.split()) <= 20 and inner[-1] not in ".;,:")


def _short_title_line(line: Line) -> bool:
    title = clean_title(line.rest)
    return bool(title) and len(title.split()) <= 12 and title[-1] not in ".;,:"


class TreeBuilder:
    """Nests classified lines into the article tree.

    What a line is follows from the :class:`~verolint.readers.layout.Plan`
    (decisions that need the rest of the document) and from the open lists
    (whether ``i.`` is the ninth onderdeel or a Roman sub-item, whether ``3.`` is
    the next lid or the next item of a nested list)."""

    def __init__(self, text: str, lines: list[Line], explain: bool = False):
        self.text = text
        self.lines = lines
        self.plan = plan_layout(lines, plausible_heading)
        self.root = Node(Kind.DOCUMENT, start=0, end=len(text), src=text)
        self.title: str | None = None
        self.preamble: Node | None = None
        self.special: Node | None = None  # toelichting / ondertekening
        self.toc: Node | None = None
        self.divisions: list[Node] = []
        self.ranks: dict[Kind, int] = {}
        self.article: Node | None = None
        self.lid: Node | None = None
        self.items: list[Node] = []  # open list items, outermost first
        self.styles: list[tuple[str, int]] = []  # the list style and ordinal of each open item
        self.pending_title: Node | None = None
        self.last_heading: Node | None = None
        self.seen_heading = False
        self.articles_seen = 0
        self.prev: Line | None = None
        self.diagnostics: list[Diagnostic] = []
        self.heading_like_leden: dict[Node, list[Line]] = {}  # "4. Wonen in ..." read as a lid
        self.notes: list[tuple[int, str]] | None = [] if explain else None
        # A Markdown document that marks articles with '#' never has plain ones.
        self.md_articles = any(l.type == "artikel" and l.md for l in lines)

    # -- helpers ------------------------------------------------------------
    def _note(self, line: Line, what: str) -> None:
        if self.notes is not None:
            self.notes.append((line.lineno, what))

    def _new(self, kind: Kind, line: Line, parent: Node, **kw) -> Node:
        node = Node(kind, start=line.start, end=line.end, src=self.text, indent=line.indent, **kw)
        parent.add(node)
        parent.grow_to(line.end)
        return node

    def _append(self, node: Node, start: int, end: int, blank_before: bool) -> None:
        if start >= end:
            return
        parts = node.parts
        if (
            parts
            and not blank_before
            and self.prev is not None
            and parts[-1][1] == self.prev.end
            and (not node.children or node.children[-1].start < parts[-1][0])
        ):
            parts[-1] = (parts[-1][0], end)
        else:
            parts.append((start, end))
        node.grow_to(end)

    def _close_lists(self, depth: int = 0) -> None:
        del self.items[depth:]
        del self.styles[depth:]

    def _close_article(self) -> None:
        self.article = None
        self.lid = None
        self._close_lists()

    def _container(self) -> Node:
        if self.lid is not None:
            return self.lid
        if self.article is not None:
            return self.article
        if self.divisions:
            return self.divisions[-1]
        if not self.seen_heading:
            return self._preamble()
        return self.root

    def _preamble(self) -> Node:
        if self.preamble is None:
            first = next(l for l in self.lines)
            self.preamble = Node(Kind.PREAMBLE, start=first.start, end=first.end, src=self.text)
            self.root.add(self.preamble)
        return self.preamble

    # -- line handlers ------------------------------------------------------
    def build(self) -> Node:
        for index, line in enumerate(self.lines):
            blank_before = self.prev is None or line.lineno > self.prev.lineno + 1
            self._line(index, line, blank_before)
            self.prev = line
        for node in self.root.walk():
            if node.body_start < node.start:
                node.body_start = node.start
        for article, leden in self.heading_like_leden.items():
            if len(leden) >= 2:
                shown = ", ".join(f"r. {l.lineno} '{clean_title(l.marker + l.rest)[:40]}'" for l in leden[:3])
                self.diagnostics.append(Diagnostic(
                    "STR007", article.start, article.start + len(article.src[article.start:article.body_start].rstrip()),
                    f"artikel {article.number} bevat {len(leden)} genummerde regels die op hoofdstukkoppen lijken "
                    f"({shown}); de opbouw is mogelijk niet goed herkend",
                    "Controleer de boom met 'verolint tree --explain'; begin hoofdstukken met 'Hoofdstuk N'.",
                    unsure=True,
                ))
        return self.root

    def _take_title(self, line: Line, blank: bool) -> bool:
        node, self.pending_title = self.pending_title, None
        if line.type == "heading" or (line.type == "text" and (not blank and _short_title_line(line)
                                                               or _bold_title_line(line))):
            title = clean_title(line.rest)
            if title and not _TOELICHTING_RE.match(title):
                node.title = title
                node.body_start = line.end
                node.grow_to(line.end)
                self._note(line, f"titel van {node.label}")
                return True
        return False

    def _line(self, index: int, line: Line, blank: bool) -> None:
        plan = self.plan
        if self.pending_title is not None and self._take_title(line, blank):
            return
        if index in plan.toc:
            self._toc_line(line)
            return

        if self.special is not None and self.special.kind is Kind.TOELICHTING:
            if not self._ends_toelichting(line):
                self._note(line, "toelichting")
                self._text(line, blank, into=self.special)
                return
            self._end_toelichting(line)

        if index in plan.law_tags and self.last_heading is not None and self.special is None:
            node = self.last_heading
            node.laws = node.laws + tuple(p.strip() for p in line.rest.strip().strip("[]").split(",") if p.strip())
            node.grow_to(line.end)
            self._note(line, f"wettelijke grondslag van {node.label}")
            return

        typ = line.type
        if typ == "section":
            kind = plan.sections.get(index)
            if kind is not None and self.special is None:
                self._section(line, kind)
                return
            typ = "text"
        if typ == "lid" and index in plan.chapters and self.special is None:
            self._division(line, Kind.HOOFDSTUK)
            return
        if typ == "division" and line.marker == "stap" and index not in plan.steps:
            typ = "text"
        if typ in ("artikel", "division"):
            if plausible_heading(line) and not (typ == "artikel" and self.md_articles and not line.md):
                if self.special is not None:  # a heading ends the ondertekening
                    self.special = None
                if typ == "artikel":
                    self._article(line)
                else:
                    self._division(line, line.kind or Kind.HOOFDSTUK)
                return
            typ = "text"
        if typ in ("heading", "text"):
            self._text_line(index, line, blank)
            return
        if self.special is not None:
            self._note(line, self.special.kind.value)
            self._text(line, blank, into=self.special)
            return
        if typ == "lid":
            self._lid(line, blank)
        else:
            self._list_item(line, blank)

    def _text_line(self, index: int, line: Line, blank: bool) -> None:
        title = clean_title(line.rest)
        if (blank or self.prev is None or self.prev.type in ("heading", "artikel", "division", "section")) and \
                _TOELICHTING_RE.match(title) and len(title.split()) <= 10:
            self._special(Kind.TOELICHTING, line, title)
            return
        if (blank and _ONDERTEKENING_RE.match(title) and self.seen_heading
                and (self.special is None or self.special.kind is not Kind.ONDERTEKENING)):
            self._special(Kind.ONDERTEKENING, line, None)
            self._text(line, blank, into=self.special)
            return
        if self.special is not None:
            self._note(line, self.special.kind.value)
            self._text(line, blank, into=self.special)
            return
        if not self.seen_heading and self.title is None and not title.startswith("<"):
            self.title = title
            self._note(line, "titel van het document")
            if line.type == "heading":
                self._preamble()
                return
        if index in self.plan.rejected:
            self._unsure_heading(line, self.plan.rejected[index])
        elif _UNNUMBERED_ARTIKEL_RE.match(line.rest) and (blank or self.prev is None):
            self._unsure_heading(line, "artikelkop zonder nummer")
        self._text(line, blank)

    def _unsure_heading(self, line: Line, why: str) -> None:
        shown = " ".join(line.rest.split())
        shown = shown if len(shown) <= 60 else shown[:57] + "…"
        self.diagnostics.append(Diagnostic(
            "STR007", line.start + line.indent, line.end,
            f"'{shown}' lijkt een kop ({why}) en is als gewone tekst gelezen",
            "Geef de kop de vorm 'Artikel N Titel' of 'Hoofdstuk N Titel', of maak er een zin van.",
        ))
        self._note(line, f"tekst; lijkt een kop ({why})")

    # -- table of contents and toelichting ----------------------------------------------
    def _toc_line(self, line: Line) -> None:
        parent = self._preamble()
        if self.toc is None:
            self.toc = Node(Kind.INHOUDSOPGAVE, start=line.start, end=line.end, src=self.text, body_start=line.start)
            parent.add(self.toc)
        self._append(self.toc, line.start + line.indent, line.end, True)
        self._note(line, "inhoudsopgave")

    def _ends_toelichting(self, line: Line) -> bool:
        """A toelichting before the first article explains the regulation that
        follows (CVDR puts it in the aanhef); an article heading ends it. After
        the articles, or under 'Artikelsgewijze toelichting', headings are part
        of the explanation."""
        special = self.special
        return (
            line.type == "artikel"
            and self.articles_seen == 0
            and plausible_heading(line)
            and not re.match(r"artikel(?:s)?gewijze", special.title or "", re.I)
        )

    def _end_toelichting(self, line: Line) -> None:
        special = self.special
        self.special = None
        first, last = self.text.count("\n", 0, special.start) + 1, self.text.count("\n", 0, special.end) + 1
        self.diagnostics.append(Diagnostic(
            "STR007", special.start, special.start,
            f"de toelichting vóór het eerste artikel (r. {first}–{last}) is als toelichting gelezen, "
            "de artikelen daarna als de regeling",
            None,
        ))

    def _special(self, kind: Kind, line: Line, title: str | None) -> None:
        self._close_article()
        self.divisions.clear()
        self.special = Node(kind, title=title, start=line.start, end=line.end, src=self.text)
        self.special.body_start = line.end if title else line.start
        self.root.add(self.special)
        self._note(line, kind.value)

    # -- headings ----------------------------------------------------------------------
    def _division(self, line: Line, kind: Kind) -> None:
        self.seen_heading = True
        self._close_article()
        stack = self.divisions
        if kind is Kind.BIJLAGE:
            # a bijlage is a document of its own: everything up to the next
            # bijlage nests inside it, whatever divisions it has
            stack.clear()
            self.ranks.setdefault(kind, -1)
        floor = 1 if stack and stack[0].kind is Kind.BIJLAGE else 0
        if kind in self.ranks:
            while len(stack) > floor and self.ranks[stack[-1].kind] >= self.ranks[kind]:
                stack.pop()
        else:
            self.ranks[kind] = self.ranks[stack[-1].kind] + 1 if stack else 0
        parent = stack[-1] if stack else self.root
        title = clean_title(line.rest)
        marker = line.marker if line.marker == "stap" else None
        node = self._new(kind, line, parent, number=line.number, title=title or None, marker=marker)
        node.body_start = line.end
        stack.append(node)
        self.last_heading = node
        if not title:
            self.pending_title = node
        self._note(line, f"{node.label}" + ("" if line.type == "division" else " (kop 'N. Titel')"))

    def _section(self, line: Line, kind: Kind) -> None:
        """'2.5 Uitzonderingen' grouping 'Artikel 2.5.1' (a paragraph) or
        '3.1 Preventieve maatregelen' with its own text (an article-level unit)."""
        if kind is Kind.PARAGRAAF:
            self._leave_sections(line.number)
            self._division(line, Kind.PARAGRAAF)
            self.divisions[-1].marker = "sectie"
        else:
            self._article(line)

    def _leave_sections(self, number: str | None) -> None:
        """Close section paragraphs that do not contain ``number`` ('4.2' does not contain '4.3.1')."""
        stack = self.divisions
        while (stack and stack[-1].marker == "sectie" and number and "." in number
               and not number.startswith(f"{stack[-1].number}.")):
            stack.pop()

    def _article(self, line: Line) -> None:
        self.seen_heading = True
        self._close_article()
        self._leave_sections(line.number)
        parent = self.divisions[-1] if self.divisions else self.root
        title = clean_title(line.rest)
        node = self._new(Kind.ARTIKEL, line, parent, number=line.number, title=title or None)
        if line.type == "section":
            node.marker = "sectie"
        node.body_start = line.end
        self.article = node
        self.last_heading = node
        self.articles_seen += 1
        if not title:
            self.pending_title = node
        self._note(line, f"artikel {line.number}" + (" (sectie zonder 'Artikel')"
                                                     if line.type == "section" else ""))

    # -- leden and lists ------------------------------------------------------------------
    def _lid(self, line: Line, blank: bool) -> None:
        if self.article is None:
            if self.items:
                self._list_item(line, blank)
            else:
                self._note(line, "tekst (genummerde regel buiten een artikel)")
                self._text(line, blank)
            return
        if self.items and self._nested_number(line):
            self._list_item(line, blank)
            return
        self._close_lists()
        node = self._new(Kind.LID, line, self.article, number=line.number, marker=line.marker)
        node.body_start = line.rest_start
        self._append(node, line.rest_start, line.end, True)
        self.lid = node
        self._note(line, f"lid {line.number} van artikel {self.article.number}")
        if blank and title_like(line.rest, 12):
            self.heading_like_leden.setdefault(self.article, []).append(line)

    def _nested_number(self, line: Line) -> bool:
        """Is a numbered line under open onderdelen an item of a nested list
        rather than the next lid? Decided by the numbering (does it continue the
        nested list, is it the next lid) and, where both fit, by its shape."""
        if line.indent > self.items[0].indent:
            return True
        number = int(line.number)
        expected = int(self.lid.number) + 1 if self.lid is not None and (self.lid.number or "").isdigit() else 1
        sub = next((k for k in range(len(self.styles) - 1, -1, -1) if self.styles[k][0] == "num"), None)
        continues = sub is not None and self.styles[sub][1] + 1 == number
        fits_lid = number == expected
        if not fits_lid:
            # a nested list does not start at 3; the next lid after a gap does (NUM003 reports the gap)
            return continues or number <= expected
        if not continues and number != 1:
            return False
        cand = shape(line.rest)
        if continues:
            lid_text = self.lid.own_text if self.lid is not None else ""
            return similarity(cand, shape(self.items[sub].own_text)) >= similarity(cand, shape(lid_text))
        # "1." under an open list: a nested list when the item introduces one or the text goes on in lower case
        intro = self.items[-1].own_text.rstrip()
        return not cand[0] or intro.endswith(":")

    def _list_item(self, line: Line, blank: bool) -> None:
        items, styles = self.items, self.styles
        cands = marker_styles(line)
        while items and items[-1].indent > line.indent:
            self._close_lists(len(items) - 1)
        depth: int | None = None
        style = cands[0] if cands else ("?", 0)
        if items and line.indent > items[-1].indent:
            depth = len(items)
            style = next((c for c in cands if c[1] <= 1), style)
        if depth is None:
            for k in range(len(items) - 1, -1, -1):
                hit = next((c for c in cands if c[0] == styles[k][0]
                            and (c[0].startswith("bullet") or c[1] == styles[k][1] + 1)), None)
                if hit is not None:
                    depth, style = k, hit
                    break
        if depth is None:
            first = next((c for c in cands if c[1] == 1), None)
            if first is not None:
                depth, style = self._restart_depth(line, first), first
        if depth is None:
            same = next((k for k in range(len(items) - 1, -1, -1) for c in cands if c[0] == styles[k][0]), None)
            depth = same if same is not None else len(items)
            style = next((c for c in cands if same is not None and c[0] == styles[same][0]), style)
        self._close_lists(depth)
        if items:
            parent, kind = items[-1], Kind.SUBONDERDEEL
        else:
            parent = self.lid or self.article
            kind = Kind.ONDERDEEL
            if parent is None:
                parent = self._container()
        number = line.number if line.type != "bullet" else None
        node = self._new(kind, line, parent, number=number, marker=line.marker)
        node.body_start = line.rest_start
        self._append(node, line.rest_start, line.end, True)
        items.append(node)
        styles.append(style)
        self._note(line, f"{kind.value} {number or line.marker} onder {parent.label}")

    def _restart_depth(self, line: Line, first: tuple) -> int:
        """Where an item numbered 'a' (or '1', 'i') under open items goes: a
        nested list when the item before introduces one ('… in de volgende
        gevallen:', or a bare 'b.') or the line stands deeper; otherwise the
        list it restarts at the same level ('a. b. c. a. d.': a numbering
        slip, which NUM004 reports)."""
        items, styles = self.items, self.styles
        same = next((k for k in range(len(items) - 1, -1, -1) if styles[k][0] == first[0]), None)
        intro = items[-1].own_text.rstrip() if items else ""
        if same is None or line.indent > items[same].indent or not intro or intro.endswith(":"):
            return len(items)
        return same

    def _ends_list(self, item: Node, line: Line) -> bool:
        """A line at the item's indent after a finished item ('… verhuizing.') that
        starts a new sentence or a heading belongs to the enclosing unit."""
        if line.indent > item.indent:
            return False
        last = self.text[item.parts[-1][0]:item.parts[-1][1]].rstrip() if item.parts else ""
        first = line.rest.lstrip()[:1]
        return last[-1:] in (".", "!", "?") and first.isupper()

    def _text(self, line: Line, blank: bool, into: Node | None = None) -> None:
        if into is None:
            items = self.items
            while items:
                item = items[-1]
                if line.indent > item.indent or (not blank and not self._ends_list(item, line)):
                    into = item
                    break
                self._close_lists(len(items) - 1)
            if into is None:
                into = self._container()
            if self.notes is not None and line.type in ("text", "heading", "section", "division", "artikel"):
                self._note(line, f"tekst van {into.label}")
        self._append(into, line.start + line.indent, line.end, blank)


def build_document(source: str, path: str, fmt: str = "text", explain: bool = False) -> Document:
    """Parse ``source`` into a :class:`Document`; never raises on odd text.

    With ``explain``, ``doc.layout_notes`` lists how each line was read
    (``verolint tree --explain``)."""
    from lark.exceptions import LarkError

    text = mask_comments(source)
    diagnostics: list[Diagnostic] = []
    notes: list[tuple[int, str]] | None = None
    try:
        lines = lex_lines(text)
        builder = TreeBuilder(text, lines, explain=explain)
        root = builder.build()
        title = builder.title
        diagnostics.extend(builder.diagnostics)
        notes = builder.notes
    except (LarkError, RecursionError) as exc:  # pragma: no cover - grammar accepts all text
        offset = getattr(exc, "pos_in_stream", 0) or 0
        root = Node(Kind.DOCUMENT, start=0, end=len(text), src=text)
        block = root.add(Node(Kind.BLOCK, start=0, end=len(text), body_start=0, src=text))
        block.parts.append((0, len(text)))
        title = None
        diagnostics.append(
            Diagnostic("STR002", offset, offset, f"de opbouw van de tekst is niet te herkennen ({exc.__class__.__name__})")
        )
    doc = Document(path=path, source=source, text=text, root=root, format=fmt, title=title)
    doc.layout_notes = notes
    finish_document(doc, diagnostics)
    return doc


_CITEERTITEL_RE = rx.compile(r"(?:(?:wordt|worden)\s+aangehaald\s+als|(?:wordt|worden)\s+genoemd\s*:|citeertitel\s*:)\s*[:]?\s*[\"'“]?([^\n\"”]+?)[\"”']?\s*\.?\s*$", re.I | re.M)


def finish_document(doc: Document, diagnostics: list[Diagnostic]) -> None:
    """What every reader does last: no-article diagnostics and the citeertitel."""
    root = doc.root
    articles = doc.articles()
    if not articles:
        body = [n for n in root.children if n.kind in (Kind.PREAMBLE, Kind.BLOCK)]
        text_nodes = [n for n in root.walk() if n.parts]
        if text_nodes:
            for node in body:
                node.kind = Kind.BLOCK
            first = min(n.parts[0][0] for n in text_nodes)
            if not any(d.code == "STR002" for d in diagnostics):
                diagnostics.append(
                    Diagnostic(
                        "STR002",
                        first,
                        first,
                        "geen artikelen gevonden: de tekst is als één ongenummerd blok gelezen",
                        "Begin elk artikel met een kop als 'Artikel 1 Begripsbepalingen'.",
                        unsure=True,
                    )
                )
    for art in reversed(articles):
        # each lid on its own: "1. Deze verordening wordt genoemd: X. 2. Zij treedt in werking ..."
        m = next(filter(None, (_CITEERTITEL_RE.search(n.own_text) for n in art.walk())), None)
        if m:
            doc.meta["citeertitel"] = m.group(1).strip()
            break
    doc.diagnostics.extend(diagnostics)


class PlainTextReader(Reader):
    name = "text"
    suffixes = (".txt", ".text")

    def read_text(self, text: str, path: str) -> Document:
        return build_document(text, path, "text")


class MarkdownReader(Reader):
    name = "markdown"
    suffixes = (".md", ".markdown")

    def read_text(self, text: str, path: str) -> Document:
        return build_document(text, path, "markdown")
