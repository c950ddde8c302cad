"""The engine: which rules apply to a file, and running them over a document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import suppression
from .config import Settings, find_config, load_cached
from .errors import ConfigError, VerolintError
from .model import Document, Finding, Severity
from .registry import Registry, registry_with, selector_specificity
from .rule import Context, Rule
from .text import WORD_RE


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    document: Document | None = None
    settings: Settings | None = None
    stats: dict = field(default_factory=dict)  # e.g. {"language": {...}} from the language rules
    view: dict | None = None  # a light view of the document for the HTML report


@dataclass
class RunResult:
    files: list[FileResult]
    registry: Registry
    elapsed: float = 0.0

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.files if r.error]


# -- rule selection ------------------------------------------------------------------

def validate_settings(settings: Settings, registry: Registry) -> None:
    """Every selector and rule code in the settings must exist."""
    checks = [
        ("select", settings.select), ("extend-select", settings.extend_select), ("ignore", settings.ignore),
    ]
    for key, selectors in checks:
        for i, sel in enumerate(selectors):
            if not registry.is_selector(sel):
                raise ConfigError(f"'{key}': onbekende regel of categorie '{sel}'", *settings.where(key, i))
    for pattern, sels in settings.per_file_ignores.items():
        for sel in sels:
            if not registry.is_selector(sel):
                raise ConfigError(
                    f"'per-file-ignores': onbekende regel of categorie '{sel}'",
                    *settings.where("per-file-ignores", pattern),
                )
    for sel in settings.severity:
        if not registry.is_selector(sel):
            raise ConfigError(f"'severity': onbekende regel of categorie '{sel}'", *settings.where("severity", sel))
    for code, opts in settings.rule_options.items():
        rule = registry.get(code)
        if rule is None:
            raise ConfigError(f"'rules': onbekende regelcode '{code}'", *settings.where("rules", code))
        rule.configured(opts, where=settings.where("rules", code, next(iter(opts), None)))


def _best(selectors: Iterable[str], rule: Rule) -> int:
    return max((selector_specificity(s, rule) for s in selectors), default=0)


def select_rules(registry: Registry, settings: Settings, extra_ignores=(), profile="classic") -> list[Rule]:
    """Configured rules for a file: the most specific selector wins, and on a
    tie ``ignore`` beats ``select``."""
    positive = settings.select + settings.extend_select
    negative = settings.ignore + tuple(extra_ignores)
    out = []
    for rule in registry.sorted():
        pos = _best(positive, rule)
        if pos == 0 or _best(negative, rule) >= pos:
            continue
        if rule.profile_severity.get(profile, True) is None:
            continue  # this rule is off in this profile
        severity = None
        best = 0
        for sel, sev in settings.severity.items():
            spec = selector_specificity(sel, rule)
            if spec > best:
                best, severity = spec, sev
        out.append(rule.configured(settings.rule_options.get(rule.code), severity, profile))
    return out


# -- profile ------------------------------------------------------------------------

_ADDRESS_RE = re.compile(r"\b(?:u|uw|we|wij|ons|onze)\b", re.I)


def detect_profile(doc: Document) -> str:
    """'omgekeerd' when the rule text addresses the reader ('u', 'we')."""
    words = sum(1 for _ in WORD_RE.finditer(doc.text))
    if not words:
        return "classic"
    address = sum(1 for _ in _ADDRESS_RE.finditer(doc.text))
    return "omgekeerd" if address / words >= 0.015 else "classic"


# -- linting ------------------------------------------------------------------------

class Linter:
    """Runs the selected rules over documents. One per run; caches rule sets."""

    def __init__(self, overrides: dict | None = None, config_path: Path | None = None, isolated: bool = False):
        self.overrides = dict(overrides or {})
        self.config_path = config_path
        self.isolated = isolated
        self._rulesets: dict[tuple, list[Rule]] = {}
        self._validated: set[int] = set()
        self._settings: dict = {}
        self.extra_statutes: tuple = ()  # --statutes

    def settings_for(self, path: Path | None) -> Settings:
        """The settings for a file; one object per configuration file per run,
        so that rule sets are built once."""
        if self.config_path is not None:
            source = self.config_path.resolve()
        elif self.isolated or path is None:
            source = None
        else:
            source = find_config(path.resolve().parent)
        cached = self._settings.get(source)
        if cached is not None:
            return cached
        base = load_cached(source) if source is not None else Settings()
        if self.extra_statutes:
            base = base.overridden(statutes=tuple(base.statutes) + self.extra_statutes)
        settings = base.overridden(**self.overrides) if self.overrides else base
        self._settings[source] = settings
        return settings

    def registry_for(self, settings: Settings) -> Registry:
        reg = registry_with(list(settings.rule_packs))
        if id(settings) not in self._validated:
            validate_settings(settings, reg)
            self._validated.add(id(settings))
        return reg

    def rules_for(self, settings: Settings, display: str, profile: str) -> list[Rule]:
        ignores = settings.ignores_for(display)
        key = (id(settings), ignores, profile)
        rules = self._rulesets.get(key)
        if rules is None:
            rules = self._rulesets[key] = select_rules(self.registry_for(settings), settings, ignores, profile)
        return rules

    def lint(self, doc: Document, settings: Settings) -> list[Finding]:
        registry = self.registry_for(settings)
        profile = settings.profile if settings.profile != "auto" else detect_profile(doc)
        doc.meta["profile"] = profile
        rules = self.rules_for(settings, doc.path, profile)
        findings: list[Finding] = []
        for rule in rules:
            ctx = Context(doc, rule, profile, settings)
            try:
                findings.extend(rule.check(doc, ctx))
            except VerolintError:
                raise
            except Exception as exc:  # a rule bug must not hide the other findings
                raise VerolintError(
                    f"interne fout in regel {rule.code} ({type(exc).__name__}: {exc}); "
                    "meld dit als fout in verolint",
                    doc.path,
                ) from exc
        active = {r.code: r for r in rules}
        findings, problems = suppression.apply(doc, findings, registry, set(active))
        for p in problems:
            rule = active.get(p.code)
            if rule is not None:
                findings.append(Context(doc, rule, profile, settings).finding(p.start, p.end, p.message))
        unique = {(f.code, f.start, f.end, f.message): f for f in findings}
        return sorted(unique.values(), key=lambda f: f.sort_key)


    def take_run_state(self) -> list:
        """What run-level rules collected from the files linted so far (sent
        from worker processes to the parent)."""
        out: list = []
        seen: set[int] = set()
        for rules in self._rulesets.values():
            for rule in rules:
                if hasattr(rule, "finish") and id(rule) not in seen:
                    seen.add(id(rule))
                    out.extend(rule.__dict__.pop("_run", []))
        return out

    def finish(self, passages: list) -> list[Finding]:
        """Findings that need the whole run (e.g. the same passage in two files)."""
        if not passages:
            return []
        from .registry import builtin_registry

        rule = builtin_registry().get("DUP003")
        settings = next(iter(self._settings.values()), Settings())
        rule = rule.configured(settings.rule_options.get("DUP003"))
        rule.__dict__["_run"] = passages
        return rule.finish()


def fails(findings: Iterable[Finding], fail_on: Severity | None) -> bool:
    if fail_on is None:
        return False
    return any(f.severity >= fail_on for f in findings)

