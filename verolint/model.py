"""The data model: documents, nodes, spans and findings.

Everything in verolint speaks these types. A reader turns a file into a
:class:`Document` whose :class:`Node` tree mirrors the ordinance (hoofdstuk >
paragraaf > artikel > lid > onderdeel). Every node records character offsets
into ``Document.text``; a :class:`LineIndex` turns an offset into a line and
column in O(log n). Rules yield :class:`Finding` objects that carry everything a
reporter needs, so reporters never look at the document again; the results of
a run (:class:`FileResult`, :class:`RunResult`) are what reporters receive.
"""

from __future__ import annotations

import bisect
import dataclasses
import enum
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return _SEVERITY_NAMES[str(value).strip().lower()]
        except KeyError:
            raise ValueError(
                f"onbekende ernst {value!r}; kies uit info, warning, error"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()


_SEVERITY_NAMES = {
    "info": Severity.INFO,
    "note": Severity.INFO,
    "warning": Severity.WARNING,
    "warn": Severity.WARNING,
    "error": Severity.ERROR,
}


class Category(str, enum.Enum):
    STATUTORY_DUPLICATION = "statutory-duplication"
    LANGUAGE_LEVEL = "language-level"
    RIGID_EXCLUSION = "rigid-exclusion"
    VAGUE_PHRASING = "vague-phrasing"
    REFERENCE = "reference"
    DEFINITION = "definition"
    NUMBERING = "numbering"
    STRUCTURE = "structure"
    SUPPRESSION = "suppression"
    INTERNAL = "internal"

    def __str__(self) -> str:
        return self.value


class Kind(str, enum.Enum):
    DOCUMENT = "document"
    PREAMBLE = "aanhef"
    HOOFDSTUK = "hoofdstuk"
    TITEL = "titel"
    AFDELING = "afdeling"
    PARAGRAAF = "paragraaf"
    BIJLAGE = "bijlage"
    ARTIKEL = "artikel"
    LID = "lid"
    ONDERDEEL = "onderdeel"
    SUBONDERDEEL = "subonderdeel"
    BLOCK = "tekst"  # text that could not be placed in an article
    ONDERTEKENING = "ondertekening"
    TOELICHTING = "toelichting"
    INHOUDSOPGAVE = "inhoudsopgave"

    def __str__(self) -> str:
        return self.value


DIVISION_KINDS = frozenset(
    {Kind.HOOFDSTUK, Kind.TITEL, Kind.AFDELING, Kind.PARAGRAAF, Kind.BIJLAGE}
)
# Parts of a document that are not rule text: rules skip them unless they ask.
NON_RULE_KINDS = frozenset({Kind.PREAMBLE, Kind.ONDERTEKENING, Kind.TOELICHTING, Kind.INHOUDSOPGAVE})
# The items of a list (onderdelen and their sub-items)
ITEM_KINDS = frozenset({Kind.ONDERDEEL, Kind.SUBONDERDEEL})


class LineIndex:
    """Offsets of line starts, for O(log n) offset -> (line, column)."""

    __slots__ = ("starts", "length")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.starts = starts
        self.length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count code points."""
        offset = max(0, min(offset, self.length))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_start(self, line: int) -> int:
        return self.starts[line - 1]

    def line_end(self, line: int) -> int:
        """Offset of the newline that ends 1-based ``line`` (or the text end)."""
        if line < len(self.starts):
            return self.starts[line] - 1
        return self.length

    @property
    def count(self) -> int:
        return len(self.starts)


@dataclass(eq=False, slots=True)
class Node:
    """One element of the article tree.

    ``start``/``end`` cover the whole node including its children;
    ``parts`` are the regions of text that belong to the node itself (its
    heading excluded, its children excluded), as (start, end) offsets.
    """

    kind: Kind
    number: str | None = None
    title: str | None = None
    start: int = 0
    end: int = 0
    body_start: int = 0
    parts: list[tuple[int, int]] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)
    parent: "Node | None" = None
    marker: str | None = None  # the literal marker: "1.", "a)", "lid 2", "–"; "stap"/"sectie" for those headings
    indent: int = 0
    laws: tuple[str, ...] = ()  # law tags under an omgekeerde heading: "[Jeugdwet, Wmo]"
    src: str = ""  # the document text (shared, not copied)

    # -- tree helpers -----------------------------------------------------
    def add(self, child: "Node") -> "Node":
        child.parent = self
        self.children.append(child)
        return child

    def grow_to(self, end: int) -> None:
        """Extend this node and its ancestors so that they reach ``end``."""
        node: Node | None = self
        while node is not None:
            if node.end < end:
                node.end = end
            node = node.parent

    def walk(self) -> Iterator["Node"]:
        """This node and all descendants, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def iter(self, *kinds: Kind) -> Iterator["Node"]:
        for node in self.walk():
            if node.kind in kinds:
                yield node

    def ancestors(self) -> Iterator["Node"]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def nearest(self, kind: Kind) -> "Node | None":
        if self.kind is kind:
            return self
        for node in self.ancestors():
            if node.kind is kind:
                return node
        return None

    @property
    def in_rule_text(self) -> bool:
        """False inside the aanhef, ondertekening or toelichting."""
        if self.kind in NON_RULE_KINDS:
            return False
        return not any(a.kind in NON_RULE_KINDS for a in self.ancestors())

    # -- text --------------------------------------------------------------
    @property
    def own_text(self) -> str:
        """The node's own text (no heading, no children), white space folded."""
        return " ".join(" ".join(self.src[s:e] for s, e in self.parts).split())

    @property
    def full_text(self) -> str:
        """All text from the body start to the end, children included."""
        return self.src[self.body_start : self.end]

    @property
    def is_empty(self) -> bool:
        return not self.own_text and all(c.is_empty for c in self.children)

    # -- naming --------------------------------------------------------------
    @property
    def label(self) -> str:
        """How a drafter names this node on its own: 'artikel 4', 'lid 2', 'onder b'."""
        kind = self.kind
        num = (self.number or "").rstrip(".")
        if kind in (Kind.ONDERDEEL, Kind.SUBONDERDEEL):
            if num:
                return f"onder {num}" if kind is Kind.ONDERDEEL else f"sub {num}"
            pos = self.parent.children.index(self) + 1 if self.parent else 1
            return f"opsomming {pos}"
        if kind is Kind.DOCUMENT:
            return "document"
        if self.marker == "stap":
            return f"stap {num}".strip()
        return f"{kind.value} {num}".strip()

    @property
    def path(self) -> str:
        """Readable location: 'artikel 4.2, lid 3, onder b' or 'hoofdstuk 2'."""
        return self.path_below(self.parent.path if self.parent is not None else "")

    def path_below(self, above: str) -> str:
        """This node's :attr:`path`, given that of its parent (``above``; '' for
        none: a label is never empty)."""
        kind = self.kind
        if kind is Kind.DOCUMENT:
            return above
        if kind in DIVISION_KINDS or kind is Kind.ARTIKEL or kind in NON_RULE_KINDS:
            # an article names the location on its own; a division only when nothing finer does
            return self.label
        return f"{above}, {self.label}" if above else self.label

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<Node {self.kind.value} {self.number!r} {self.title!r} [{self.start}:{self.end}]>"


@dataclass(slots=True)
class Diagnostic:
    """A problem the reader found in the structure (becomes a finding)."""

    code: str
    start: int
    end: int
    message: str
    suggestion: str | None = None
    # True when the reader is unsure of the tree: claims about the whole
    # document (no hardheidsclausule, no citeertitel, ...) are then not made.
    unsure: bool = False


@dataclass(eq=False)
class Document:
    """A parsed ordinance or statute."""

    path: str
    source: str  # decoded text, newlines normalised
    text: str  # source with comments blanked out (same length and offsets)
    root: Node
    format: str = "text"
    title: str | None = None
    meta: dict = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # For rendered formats (XML): the source line of each line of ``text``.
    line_map: list[int] | None = None
    # How the reader read each line, (line, what): filled on request (``verolint tree --explain``).
    layout_notes: list[tuple[int, str]] | None = None
    _lines: LineIndex | None = None
    _articles: list | None = None
    _child_starts: dict = field(default_factory=dict)  # id(node) -> starts of its children
    _paths: dict = field(default_factory=dict)  # node -> its path

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file the document was read from."""
        line, col = self.lines.position(offset)
        if self.line_map:  # rendered from XML: the element's line in the file
            line = self.line_map[min(line, len(self.line_map)) - 1]
        return line, col

    @property
    def structure_unsure(self) -> bool:
        """The reader could not read the structure with confidence (see :class:`Diagnostic`)."""
        return any(d.unsure for d in self.diagnostics)

    def articles(self) -> list[Node]:
        """Articles of the rule text (not those in the toelichting)."""
        if self._articles is None:
            self._articles = [n for n in self.root.iter(Kind.ARTIKEL) if n.in_rule_text]
        return self._articles

    def path_of(self, node: Node) -> str:
        """``node.path``, worked out once per node (and from its parent's):
        every finding names the path of its node."""
        path = self._paths.get(node)
        if path is None:
            above = self.path_of(node.parent) if node.parent is not None else ""
            path = self._paths[node] = node.path_below(above)
        return path

    def node_at(self, offset: int) -> Node:
        """The deepest node whose span contains ``offset``."""
        memo = self._child_starts
        node = self.root
        while node.children:
            starts = memo.get(id(node))
            if starts is None:
                starts = memo[id(node)] = [c.start for c in node.children]
            i = bisect.bisect_right(starts, offset) - 1
            if i < 0:
                break
            child = node.children[i]
            if not (child.start <= offset < max(child.end, child.start + 1)):
                break
            node = child
        return node


@dataclass(frozen=True, slots=True)
class Fix:
    """A safe, mechanical edit: replace ``[start, end)`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported problem, with everything a reporter needs."""

    code: str
    name: str
    category: str
    severity: Severity
    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    path: str  # article path, '' for the whole document
    message: str
    suggestion: str | None = None
    text: str = ""  # the source text the finding is about (for baselines)
    fix: Fix | None = None
    start: int = 0  # offsets, for suppression and fixes
    end: int = 0
    unit: str = ""  # "alinea" when line numbers are paragraph numbers (Word)
    # the same finding elsewhere in the file, grouped into this one: (line, column, path)
    places: tuple[tuple[int, int, str], ...] = ()

    @property
    def places_text(self) -> str:
        """' (ook op regel 23, 29 en 30)' for a grouped finding, '' otherwise."""
        if not self.places:
            return ""
        unit = "alinea" if self.unit else "regel"
        # each line once, and not the finding's own line ('ook op regel 15 en 15')
        lines = [str(line) for line in dict.fromkeys(line for line, _col, _path in self.places) if line != self.line]
        if not lines:
            return ""
        if len(lines) > 8:
            shown = ", ".join(lines[:8]) + f" en {len(lines) - 8} andere"
        else:
            shown = " en ".join([", ".join(lines[:-1]), lines[-1]]) if len(lines) > 1 else lines[0]
        return f" (ook op {unit} {shown})"

    @property
    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": str(self.severity),
            "file": self.file,
            "start": {"line": self.line, "column": self.column},
            "end": {"line": self.end_line, "column": self.end_column},
            "path": self.path,
            "message": self.message,
            "suggestion": self.suggestion,
            "text": self.text,
            "fixable": self.fix is not None,
            **({"unit": self.unit} if self.unit else {}),
            **({"places": [{"line": ln, "column": col, "path": path} for ln, col, path in self.places]}
               if self.places else {}),
        }


def group_repeats(findings: list[Finding]) -> list[Finding]:
    """One finding per repeated defect: findings of one rule with the same
    message and advice (the same outdated law name twenty times, the same open
    norm in every article) become the first of them, listing the other places.
    Fixes are applied before findings are grouped (``--fix`` and ``--diff``
    see every place); ``--no-group`` lists every place apart."""
    first: dict[tuple, int] = {}
    others: dict[int, list[Finding]] = {}
    out: list[Finding] = []
    for f in findings:
        key = (f.code, f.message, f.suggestion)
        if key not in first:
            first[key] = len(out)
            out.append(f)
        else:
            others.setdefault(first[key], []).append(f)
    for i, group in others.items():
        out[i] = dataclasses.replace(out[i], places=tuple((g.line, g.column, g.path) for g in group))
    return out


# -- results ------------------------------------------------------------------------------

def fails(findings: Iterable[Finding], fail_on: Severity | None) -> bool:
    """True when one of the findings is at or above ``fail_on`` (None: never)."""
    return fail_on is not None and any(f.severity >= fail_on for f in findings)


@dataclass
class FileResult:
    """What checking one file gave: the findings shown, those under
    ``--min-severity`` (they still count for ``--fail-on``), or an error."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    settings: Any = None  # the file's config.Settings
    hidden: list[Finding] = field(default_factory=list)
    stats: dict = field(default_factory=dict)  # e.g. {"language": {...}} from the language rules
    view: dict | None = None  # a light view of the document for the HTML report
    skipped: str = ""  # why the file was left alone (--skip-non-ordinances)

    @property
    def failed(self) -> bool:
        fail_on = self.settings.fail_on if self.settings is not None else None
        return fails(self.findings, fail_on) or fails(self.hidden, fail_on)

    def add(self, finding: Finding) -> None:
        """Add a finding, shown or hidden according to the file's --min-severity."""
        shown = self.settings is None or finding.severity >= self.settings.min_severity
        (self.findings if shown else self.hidden).append(finding)

    def keep(self, predicate) -> None:
        """Keep only the findings (shown and hidden) for which ``predicate`` holds."""
        self.findings = [f for f in self.findings if predicate(f)]
        self.hidden = [f for f in self.hidden if predicate(f)]


@dataclass
class RunResult:
    """All files of one run, and the rules that ran (for rule metadata in reports)."""

    files: list[FileResult]
    registry: Any  # registry.Registry
    elapsed: float = 0.0

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.files if r.error]

    @property
    def failed(self) -> bool:
        return any(r.failed for r in self.files)

    @property
    def hidden(self) -> int:
        return sum(len(r.hidden) for r in self.files)

    @property
    def crashed(self) -> bool:
        """A rule crashed on some file (an ``internal`` finding): the check is incomplete."""
        return any(f.category == "internal" for r in self.files for f in r.findings + r.hidden)
