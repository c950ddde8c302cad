"""Inline suppression that is never read as ordinance text.

Markdown (and plain text) use an HTML comment; plain text may also use a line
that starts with ``%%``::

    <!-- verolint: disable VAG001 -- reden -->     ... until enable (or the end)
    <!-- verolint: enable VAG001 -->
    <!-- verolint: disable-next VAG001,LNG -->     the next node (artikel, lid, onderdeel)
    <!-- verolint: disable-next-line VAG001 -->    the next non-empty line
    ... tekst <!-- verolint: disable-line VAG001 --> the line it stands on
    <!-- verolint: disable-file STR -->            the whole file
    %% verolint: disable-next RIG001 -- hardheidsclausule staat in artikel 30

Selectors are rule codes, code prefixes (``VAG``), categories
(``vague-phrasing``) or ``all`` (the default when none is given). Text after
``--`` is the reason. Comments are blanked out before parsing, so they never
count as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rx
from .model import Document, Finding
from .registry import Registry
from .selection import selector_specificity

DIRECTIVE_RE = rx.compile(
    r"<!--\s*verolint\s*:\s*(?P<a>.*?)\s*-->|^[ \t]*%%\s*verolint\s*:\s*(?P<b>[^\n]*)",
    re.S | re.M,
)
ACTIONS = ("disable-next-line", "disable-next", "disable-line", "disable-file", "disable", "enable")
_BODY_RE = rx.compile(
    r"^(?P<action>%s)\b\s*=?\s*(?P<sel>.*?)\s*(?:(?:--|—)\s*(?P<reason>.*))?$" % "|".join(ACTIONS),
    re.S,
)


@dataclass
class Directive:
    action: str
    selectors: tuple[str, ...]
    start: int
    end: int
    reason: str | None
    used: bool = False
    ranges: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, selector)


@dataclass
class Problem:
    code: str  # SUP001 unknown selector / malformed, SUP002 unused
    start: int
    end: int
    message: str


def parse_directives(doc: Document) -> tuple[list[Directive], list[Problem]]:
    if "verolint" not in doc.source:
        return [], []
    directives: list[Directive] = []
    problems: list[Problem] = []
    for m in DIRECTIVE_RE.finditer(doc.source):
        body = (m.group("a") if m.group("a") is not None else m.group("b")).strip()
        bm = _BODY_RE.match(body)
        if not bm:
            problems.append(
                Problem("SUP001", m.start(), m.end(),
                        f"onbegrijpelijke verolint-opdracht '{body[:60]}'; gebruik disable, enable, "
                        "disable-next, disable-next-line, disable-line of disable-file")
            )
            continue
        sels = tuple(s for s in re.split(r"[,\s]+", bm.group("sel") or "") if s) or ("all",)
        directives.append(Directive(bm.group("action"), sels, m.start(), m.end(), bm.group("reason")))
    return directives, problems


def _next_line_span(doc: Document, offset: int) -> tuple[int, int]:
    lines = doc.lines
    line_no = lines.position(offset)[0] + 1
    while line_no <= lines.count:
        s, e = lines.line_start(line_no), lines.line_end(line_no)
        if doc.text[s:e].strip():
            return s, e
        line_no += 1
    return len(doc.text), len(doc.text)


def _next_node_span(doc: Document, offset: int) -> tuple[int, int]:
    """The node that starts on the next non-empty line (artikel, lid,
    onderdeel, ...); if that line starts no node, the paragraph it begins."""
    start, end = _next_line_span(doc, offset)
    for node in doc.root.walk():
        if node is not doc.root and node.start == start:
            return node.start, node.end
    line_no = doc.lines.position(start)[0] + 1
    while line_no <= doc.lines.count:
        s, e = doc.lines.line_start(line_no), doc.lines.line_end(line_no)
        if not doc.text[s:e].strip():
            break
        end = e
        line_no += 1
    return start, end


def build_ranges(doc: Document, directives: list[Directive]) -> None:
    open_blocks: dict[str, tuple[int, Directive]] = {}
    size = len(doc.text)
    for d in directives:
        if d.action == "disable-file":
            d.ranges = [(0, size, s) for s in d.selectors]
        elif d.action == "disable-line":
            line = doc.lines.position(d.start)[0]
            s, e = doc.lines.line_start(line), doc.lines.line_end(line)
            d.ranges = [(s, e, sel) for sel in d.selectors]
        elif d.action == "disable-next-line":
            s, e = _next_line_span(doc, d.end)
            d.ranges = [(s, e, sel) for sel in d.selectors]
        elif d.action == "disable-next":
            s, e = _next_node_span(doc, d.end)
            d.ranges = [(s, e, sel) for sel in d.selectors]
        elif d.action == "disable":
            for sel in d.selectors:
                open_blocks[sel.lower()] = (d.end, d)
        elif d.action == "enable":
            keys = list(open_blocks) if d.selectors == ("all",) else [s.lower() for s in d.selectors]
            for key in keys:
                if key in open_blocks:
                    start, owner = open_blocks.pop(key)
                    owner.ranges.append((start, d.start, key))
            d.used = True  # an enable is never "unused"
    for key, (start, owner) in open_blocks.items():
        owner.ranges.append((start, size, key))


def _matches(selector: str, finding: Finding, registry: Registry) -> bool:
    if selector.lower() == "all":
        return True
    rule = registry.get(finding.code)
    if rule is None:
        return selector.upper() == finding.code
    return selector_specificity(selector, rule) > 0


def _all_active(d: Directive, registry: Registry, active: set[str] | None) -> bool:
    if active is None:
        return True
    for sel in d.selectors:
        if sel.lower() == "all":
            continue
        named = [c for c, r in registry.rules.items() if selector_specificity(sel, r) > 0]
        if not named or not all(c in active for c in named):
            return False
    return True


def _suppressor(f: Finding, directives: list[Directive], registry: Registry) -> Directive | None:
    for d in directives:
        for s, e, sel in d.ranges:
            if s <= f.start <= e and _matches(sel, f, registry):
                return d
    return None


def apply(
    doc: Document, findings: list[Finding], registry: Registry, active: set[str] | None = None
) -> tuple[list[Finding], list[Problem]]:
    """Drop suppressed findings; return the rest and suppression problems.

    A directive counts as unused only if every rule it names is active in this
    run (a suppression for a rule that is switched off is not stale)."""
    directives, problems = parse_directives(doc)
    if not directives:
        return findings, problems
    for d in directives:
        for sel in d.selectors:
            if sel.lower() != "all" and not registry.is_selector(sel):
                problems.append(
                    Problem("SUP001", d.start, d.end,
                            f"onbekende regel of categorie '{sel}' in verolint-opdracht")
                )
    build_ranges(doc, directives)
    kept = []
    for f in findings:
        owner = _suppressor(f, directives, registry)
        if owner is None:
            kept.append(f)
        else:
            owner.used = True
    for d in directives:
        if not d.used and _all_active(d, registry, active):
            problems.append(
                Problem("SUP002", d.start, d.end,
                        f"deze verolint-opdracht ({d.action} {', '.join(d.selectors)}) onderdrukt niets")
            )
    return kept, problems
