"""Declarative rules: YAML entries of a few *kinds* (Vale's idea).

A rule pack is a YAML file with a list of rules; each rule names its ``kind``.
The kinds are code, one module each in this package (existence, substitution,
occurrence, required, conditional); the rules themselves are data. Every key is
validated, and errors name the pack file and line.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Iterator


from .. import rx
from ..errors import RuleDefinitionError
from ..matcher import PhraseMatcher
from ..model import Category, Kind, Node, Severity
from ..rule import Rule, RuleDoc
from ..yamlsource import LocatedYaml, read_yaml_text

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis

KINDS: dict[str, type["YamlRule"]] = {}

COMMON_KEYS = {
    "code", "name", "kind", "category", "severity", "message", "suggestion",
    "scope", "skip", "doc", "examples", "profiles", "options", "link",
}
SCOPES = ("sentence", "onderdeel", "lid", "artikel", "document")
SECTIONS = {"aanhef": Kind.PREAMBLE, "ondertekening": Kind.ONDERTEKENING, "toelichting": Kind.TOELICHTING}
_DOC_KEYS = {
    "wat": "Wat het controleert",
    "waarom": "Waarom",
    "voorbeeld": "Voorbeeld",
    "beter": "Beter",
    "opties": "Opties",
}
CODE_RE = rx.compile(r"^[A-Z]{2,4}\d{3}$")


def _first_sentence(text) -> str:
    text = " ".join(str(text or "").split())
    m = re.match(r"(.+?[.!?])(?:\s|$)", text)
    return m.group(1) if m else text


# A pattern from a user's rule pack runs at most this long on one unit of text.
PATTERN_TIMEOUT = 0.5


class Matcher:
    """Phrases and/or regex patterns, applied to a span of a document.

    Patterns of packs that are not shipped with verolint (``guarded``) are run
    by the ``regex`` module with a time limit: a pattern with catastrophic
    backtracking stops with a clear error for that rule instead of hanging the
    run (the other rules still report, see INT001)."""

    def __init__(self, phrases: list[tuple[str, Any]], patterns: list[tuple[str, Any]], max_gap: int = 6,
                 guarded: bool = False):
        self.phrases = PhraseMatcher(phrases, max_gap) if phrases else None
        self.guarded = guarded
        if guarded:
            import regex

            self.patterns = [(regex.compile(p, regex.I | regex.V0), payload) for p, payload in patterns]
        else:
            self.patterns = [(rx.compile(p, re.I), payload) for p, payload in patterns]

    def finditer(self, analysis: "Analysis", start: int, end: int) -> Iterator[tuple[int, int, Any]]:
        """Yield (start offset, end offset, payload) in text order, for the
        words of ``analysis.doc.text[start:end]``."""
        hits: list[tuple[int, int, Any]] = []
        if self.phrases:
            starts, ends = analysis.tokens.starts, analysis.tokens.ends
            for i, j, payload in analysis.phrase_matches(self.phrases, start, end):
                hits.append((starts[i], ends[j - 1], payload))
        text = analysis.doc.text
        for pat, payload in self.patterns:
            found = pat.finditer(text, start, end, timeout=PATTERN_TIMEOUT) if self.guarded else pat.finditer(text, start, end)
            try:
                for m in found:
                    if m.end() > m.start():
                        hits.append((m.start(), m.end(), payload))
            except TimeoutError:
                raise TimeoutError(f"het patroon '{pat.pattern[:80]}' deed er langer dan {PATTERN_TIMEOUT} s over "
                                   "op één zin (catastrofale backtracking); herschrijf het") from None
        if self.phrases and self.patterns:
            hits.sort(key=lambda h: h[0])
        yield from hits


class YamlRule(Rule):
    """A rule defined in a YAML pack. Subclasses implement one kind."""

    kind: ClassVar[str] = ""
    kind_keys: ClassVar[set[str]] = set()
    default_scope: ClassVar[str] = "sentence"

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        if cls.__dict__.get("kind"):
            KINDS[cls.kind] = cls

    def __init__(self, spec: dict, where: "Where"):
        super().__init__()
        self.where = where
        self.source = where.file
        self.code = spec["code"]
        self.name = spec.get("name") or self.code.lower()
        self.category = where.enum(Category, spec.get("category"), "category", self.code)
        self.severity = where.severity(spec.get("severity", "warning"), self.code)
        self.message = spec.get("message") or ""
        self.suggestion_template = spec.get("suggestion")
        self.scope = spec.get("scope", self.default_scope)
        if self.scope not in SCOPES:
            where.fail(f"scope moet een van {', '.join(SCOPES)} zijn", self.code, "scope")
        skip = spec.get("skip", ["aanhef", "ondertekening", "toelichting"])
        unknown = [s for s in skip if s not in SECTIONS]
        if unknown:
            where.fail(f"skip kent {unknown} niet; kies uit {sorted(SECTIONS)}", self.code, "skip")
        self.skip = {SECTIONS[s] for s in skip}
        self.include_non_rule_text = len(self.skip) < len(SECTIONS)
        self.profile_severity = {
            name: None if str(level).lower() == "off" else where.severity(level, self.code)
            for name, level in (spec.get("profiles") or {}).items()
        }
        self.options = dict(spec.get("options") or {})
        self.examples = spec.get("examples") or {}
        self.link = spec.get("link")
        doc = spec.get("doc") or {}
        bad_doc = set(doc) - set(_DOC_KEYS) - {"samenvatting"}
        if bad_doc:
            where.fail(f"doc kent {sorted(bad_doc)} niet; gebruik {sorted(_DOC_KEYS)}", self.code, "doc")
        self._doc = RuleDoc(
            (doc.get("samenvatting") or _first_sentence(doc.get("wat")) or self.name).strip(),
            {_DOC_KEYS[k]: str(v).strip() for k, v in doc.items() if k in _DOC_KEYS},
        )

    @property
    def doc(self) -> RuleDoc:
        return self._doc

    def phrase_matchers(self, ctx) -> list:
        """Every phrase list of this rule (attributes holding a :class:`Matcher`)."""
        return [m.phrases for m in vars(self).values() if isinstance(m, Matcher) and m.phrases]

    # -- helpers for kinds ------------------------------------------------------
    def matcher(self, spec: dict, payload=None) -> Matcher:
        phrases = spec.get("phrases") or []
        patterns = spec.get("patterns") or []
        if not phrases and not patterns:
            self.where.fail("geef 'phrases' of 'patterns'", self.code, "phrases")
        return self.build_matcher(
            [(p, payload) for p in phrases], [(p, payload) for p in patterns], spec.get("max-gap", 6)
        )

    def build_matcher(self, phrases, patterns, max_gap=6) -> Matcher:
        guarded = not self.where.trusted
        errors: tuple[type[Exception], ...] = (ValueError, TypeError, re.error)
        if guarded:  # the regex module is imported only for packs that need its time limit
            import regex

            errors += (regex.error,)
        try:
            return Matcher(phrases, patterns, int(max_gap), guarded=guarded)
        except errors as exc:
            self.where.fail(f"ongeldige zin of patroon: {exc}", self.code)
            raise  # pragma: no cover

    def units(self, analysis: "Analysis") -> Iterator[tuple[int, int, Node]]:
        """(start, end, node) of every unit of this rule's scope."""
        doc = analysis.doc
        if self.scope == "sentence":
            for s in analysis.sentences(self.include_non_rule_text):
                if self._keep(s.node):
                    yield s.start, s.end, s.node
            return
        if self.scope == "document":
            yield 0, len(doc.text), doc.root
            return
        kind = Kind(self.scope)
        for node in doc.root.iter(kind):
            if self._keep(node):
                yield node.body_start, node.end, node

    def _keep(self, node: Node) -> bool:
        if not self.skip:
            return True
        if node.kind in self.skip:
            return False
        return not any(a.kind in self.skip for a in node.ancestors())

    def format(self, template: str | None, **values) -> str | None:
        if template is None:
            return None
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return template


class Where:
    """Source information of a pack, for error messages with line numbers."""

    def __init__(self, file: str, located: LocatedYaml, index: int, trusted: bool = False):
        self.file = file
        self.located = located
        self.index = index
        self.trusted = trusted  # shipped with verolint: its patterns run without a time limit

    def line(self, key: str | None = None) -> int | None:
        path = ("rules", self.index) + ((key,) if key else ())
        return self.located.line(path)

    def fail(self, message: str, code: str | None = None, key: str | None = None):
        prefix = f"regel {code}: " if code else ""
        raise RuleDefinitionError(prefix + message, self.file, self.line(key))

    def severity(self, value, code: str) -> Severity:
        try:
            return Severity.parse(value)
        except ValueError as exc:
            self.fail(str(exc), code, "severity")

    def enum(self, enum_cls, value, key: str, code: str):
        try:
            return enum_cls(value)
        except ValueError:
            choices = ", ".join(e.value for e in enum_cls)
            self.fail(f"{key} '{value}' bestaat niet; kies uit {choices}", code, key)


def _load_kinds() -> None:
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")


def load_pack(path: Path, trusted: bool = False) -> list[YamlRule]:
    """Load a YAML rule pack; raises RuleDefinitionError with file and line.
    ``trusted``: shipped with verolint (user packs run guarded, see Matcher)."""
    _load_kinds()
    file = str(path)
    located = LocatedYaml.load(read_yaml_text(path, RuleDefinitionError, "regelpakket"), file, RuleDefinitionError)
    data = located.data
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleDefinitionError("een regelpakket heeft een lijst 'rules'", file, 1)
    extra = set(data) - {"pack", "description", "rules"}
    if extra:
        raise RuleDefinitionError(
            f"onbekende sleutel '{sorted(extra)[0]}' (bekend: pack, description, rules)",
            file,
            located.line((sorted(extra)[0],)),
        )
    rules = []
    for index, spec in enumerate(data["rules"]):
        where = Where(file, located, index, trusted)
        if not isinstance(spec, dict):
            where.fail("elke regel is een mapping met code, kind, message, ...")
        code = spec.get("code")
        if not isinstance(code, str) or not CODE_RE.match(code):
            where.fail(f"code {code!r} heeft niet de vorm ABC123", None, "code")
        kind = spec.get("kind")
        if kind not in KINDS:
            where.fail(f"kind {kind!r} bestaat niet; kies uit {', '.join(sorted(KINDS))}", code, "kind")
        cls = KINDS[kind]
        unknown = set(spec) - COMMON_KEYS - cls.kind_keys
        if unknown:
            key = sorted(unknown)[0]
            where.fail(f"onbekende sleutel '{key}' voor kind {kind}", code, key)
        if "category" not in spec or "message" not in spec:
            where.fail("category en message zijn verplicht", code)
        rules.append(cls(spec, where))
    return rules


__all__ = ["KINDS", "YamlRule", "load_pack"]
