"""The rule interface.

A rule is an object with a stable ``code``, a ``category``, a default
``severity``, default ``options`` and Dutch documentation, and a ``check``
method that receives the parsed :class:`~verolint.model.Document` and yields
findings through a :class:`Context`. Python rules subclass :class:`Rule` in a
module under ``verolint/rules/`` and register themselves by defining ``code``;
declarative rules are YAML entries (see ``verolint/kinds/``).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Iterable, Iterator

from . import rx
from .errors import ConfigError
from .model import Category, Document, Finding, Fix, Node, Severity
from .text import normalise_space

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis
    from .engine import RunContext
    from .text import Sentence

DOC_SECTIONS = ("Wat het controleert", "Waarom", "Voorbeeld", "Beter", "Opties")
_SECTION_RE = rx.compile(r"^(%s)\s*$" % "|".join(DOC_SECTIONS), re.M)

# Python rule classes register here when their module is imported.
PYTHON_RULES: dict[str, type["Rule"]] = {}


@dataclass
class RuleDoc:
    summary: str
    sections: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_docstring(cls, text: str | None) -> "RuleDoc":
        text = _dedent(text or "")
        parts = _SECTION_RE.split(text)
        summary = parts[0].strip()
        sections = {}
        for i in range(1, len(parts) - 1, 2):
            sections[parts[i]] = parts[i + 1].strip("\n").rstrip()
        return cls(summary, sections)

    def render(self) -> str:
        out = [self.summary, ""]
        for name in DOC_SECTIONS:
            if self.sections.get(name):
                out += [name, "-" * len(name), _dedent(self.sections[name]).strip(), ""]
        return "\n".join(out).rstrip() + "\n"


def _dedent(text: str) -> str:
    import textwrap

    lines = text.expandtabs().split("\n")
    if len(lines) > 1:
        return lines[0].strip() + "\n" + textwrap.dedent("\n".join(lines[1:]))
    return text.strip()


class Rule:
    """Base class for all rules. Subclasses set the class attributes below."""

    code: ClassVar[str] = ""
    name: str = ""
    category: Category = Category.STRUCTURE
    severity: Severity = Severity.WARNING
    options: dict = {}
    # Severity per profile ("classic" / "omgekeerd") when it differs; None: off.
    profile_severity: dict[str, Severity | None] = {}
    # Parts of the document the rule also reads (default: rule text only).
    include_non_rule_text: bool = False
    fixable: bool = False
    source: str = "verolint"

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        code = cls.__dict__.get("code")
        if code:
            if code in PYTHON_RULES and PYTHON_RULES[code] is not cls:
                raise RuntimeError(f"rule code {code} is defined twice")
            PYTHON_RULES[code] = cls

    def __init__(self) -> None:
        self.options = dict(type(self).options)

    # -- documentation ---------------------------------------------------------
    @property
    def doc(self) -> RuleDoc:
        return RuleDoc.from_docstring(type(self).__doc__)

    @property
    def summary(self) -> str:
        return self.doc.summary.split("\n")[0]

    # -- configuration ------------------------------------------------------------
    def configured(
        self,
        options: dict | None = None,
        severity: Severity | None = None,
        profile: str | None = None,
        where: tuple[str | None, int | None] = (None, None),
    ) -> "Rule":
        rule = copy.copy(self)
        rule.options = dict(self.options)
        for key, value in (options or {}).items():
            if key not in rule.options:
                known = ", ".join(sorted(rule.options)) or "geen"
                raise ConfigError(
                    f"regel {self.code} kent optie '{key}' niet (opties: {known})", *where
                )
            default = rule.options[key]
            if default is not None and not _same_type(default, value):
                raise ConfigError(
                    f"optie '{key}' van {self.code} moet een {type(default).__name__} zijn, "
                    f"niet {value!r}",
                    *where,
                )
            rule.options[key] = value
        if severity is not None:
            rule.severity = severity
        elif profile and self.profile_severity.get(profile) is not None:
            rule.severity = self.profile_severity[profile]
        rule.validate_options(where)
        return rule

    def validate_options(self, where: tuple[str | None, int | None]) -> None:
        """Hook for rules whose options need more than a type check."""

    # -- checking -------------------------------------------------------------------
    def check(self, doc: Document, ctx: "Context") -> Iterable[Finding]:  # pragma: no cover
        raise NotImplementedError

    def phrase_matchers(self, ctx: "Context") -> Iterable:
        """The :class:`~verolint.matcher.PhraseMatcher` objects this rule reads
        through ``ctx.analysis.phrase_matches``: the engine merges those of all
        rules, so that a document's words are scanned once for all of them."""
        return ()


class ReportedByEngine(Rule):
    """A rule whose findings the engine makes (suppression hygiene, a crashed
    rule): it is registered, selectable and documented like any rule, and its
    own check finds nothing."""

    def check(self, doc: Document, ctx: "Context") -> Iterable[Finding]:
        return ()


def _same_type(default, value) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, (list, tuple)):
        return isinstance(value, (list, tuple))
    return isinstance(value, type(default))


class Context:
    """What a rule gets besides the document, all passed in by the engine:

    * ``analysis``: the document's shared analyses (:class:`~verolint.analysis.Analysis`);
    * ``run``: what the run keeps for all files (:class:`~verolint.engine.RunContext`);
    * ``settings`` and ``profile`` of the file;
    * ``stats``: the file's statistics for the reports (e.g. language levels);
    * and the methods that turn offsets into positioned findings.
    """

    __slots__ = ("doc", "rule", "profile", "settings", "analysis", "run", "stats")

    def __init__(self, doc: Document, rule: Rule, profile: str = "classic", settings=None,
                 analysis: "Analysis | None" = None, run: "RunContext | None" = None, stats: dict | None = None):
        self.doc = doc
        self.rule = rule
        self.profile = profile
        self.settings = settings
        if analysis is None:  # a context made outside the engine (a plug-in's test): its own
            from .analysis import Analysis

            analysis = Analysis(doc)
        if run is None:
            from .engine import RunContext

            run = RunContext()
        self.analysis = analysis
        self.run = run
        self.stats = stats if stats is not None else {}

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        *,
        node: Node | None = None,
        suggestion: str | None = None,
        severity: Severity | None = None,
        fix: Fix | None = None,
        text: str | None = None,
    ) -> Finding:
        doc, rule = self.doc, self.rule
        end = max(end, start)
        line, col = doc.position(start)
        end_line, end_col = doc.position(end)
        end_line = max(line, end_line)
        if node is None:
            node = doc.node_at(start)
        sev = rule.severity if severity is None else max(
            Severity.INFO, min(Severity.ERROR, severity)
        )
        return Finding(
            code=rule.code,
            name=rule.name,
            category=str(rule.category),
            severity=sev,
            file=doc.path,
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            path=doc.path_of(node),
            message=message,
            suggestion=suggestion,
            text=normalise_space(doc.source[start:end])[:300] if text is None else text,
            fix=fix,
            start=start,
            end=end,
            unit=doc.meta.get("location_unit", ""),
        )

    def at_node(self, node: Node, message: str, **kw) -> Finding:
        """A finding on a node's heading (or its first line when it has none)."""
        doc = self.doc
        line_no = doc.lines.position(node.start)[0]  # the rendered line (for XML)
        end = min(node.end, doc.lines.line_end(line_no))
        return self.finding(node.start, max(end, node.start), message, node=node, **kw)

    def at_document(self, message: str, **kw) -> Finding:
        """A finding about the whole document, placed on its first line. Its
        text is empty: it is about no particular words (stable baselines)."""
        doc = self.doc
        end = doc.lines.line_end(1)
        return self.finding(0, end, message, node=doc.root, text="", **kw)

    def sentences(self) -> "list[Sentence]":
        """The sentences this rule reads (rule text, or all text when the rule includes more)."""
        return self.analysis.sentences(self.rule.include_non_rule_text)


def iter_nodes(doc: Document, *kinds, rule_text_only: bool = True) -> Iterator[Node]:
    for node in doc.root.iter(*kinds):
        if not rule_text_only or node.in_rule_text:
            yield node
