"""The engine: settings and rules for a file, and running them over a document.

Data flows one way: a reader makes a :class:`~verolint.model.Document`; the
engine makes its :class:`~verolint.analysis.Analysis` and runs the selected
rules, each with a :class:`~verolint.rule.Context` that carries the analysis,
the :class:`RunContext` and the file's settings; the findings go into a
:class:`~verolint.model.FileResult` for the reporters.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

from . import rx
from . import suppression
from .analysis import Analysis
from .config import Settings, find_config, load_cached
from .errors import ConfigError, RuleDefinitionError, VerolintError
from .matcher import PhraseBank
from .model import Document, Finding
from .registry import Registry, builtin_registry, registry_for_settings
from .rule import Context, Rule
from .selection import select_rules, validate_settings

INTERNAL_ERROR = "INT001"  # the finding a crashing rule leaves (verolint/rules/internal.py)


class RunContext:
    """What one run keeps for all its files, owned by the engine and passed to
    rules as ``ctx.run``: registries per set of rule packs, statute indexes,
    language models, and what rules that look at the whole run collect."""

    def __init__(self) -> None:
        self._registries: dict[tuple, Registry] = {}
        self._shared: dict[tuple, Any] = {}
        self.collected: dict[str, list] = {}
        # False when the run has one file: there is no other file to compare with, so
        # nothing is collected (DUP003 would keep every passage of a big file for nothing)
        self.across_files = True

    def registry(self, settings: Settings | None) -> Registry:
        """The shipped rules plus the plug-ins and rule packs these settings
        name (loaded once per run for each combination)."""
        if settings is None:
            return builtin_registry()
        key = (settings.rule_packs, settings.plugins)
        reg = self._registries.get(key)
        if reg is None:
            reg = self._registries[key] = registry_for_settings(settings)
        return reg

    def shared(self, key: tuple, make: Callable[[], Any]) -> Any:
        """An object made once per run for ``key`` (a statute index, a language model)."""
        if key not in self._shared:
            self._shared[key] = make()
        return self._shared[key]

    def collect(self, code: str, items: list) -> None:
        """Keep items for the rule's ``finish`` (findings across files)."""
        if self.across_files:
            self.collected.setdefault(code, []).extend(items)

    def take_collected(self) -> dict[str, list]:
        """What rules collected so far, handed over (from a worker to the parent)."""
        out, self.collected = self.collected, {}
        return out


# -- profile ------------------------------------------------------------------------

_ADDRESS = frozenset({"u", "uw", "we", "wij", "ons", "onze"})


_OMGEKEERD_TEXT_RE = rx.compile(r"\bkernwaarde|\bwaarom\s+deze\s+regels\b|\bomgekeerde?\s+verordening\b|\bhulpvraag\b", re.I)


def detect_profile(analysis: Analysis) -> str:
    """'omgekeerd' when the text addresses the reader ('u', 'we'), or when it
    is built as one: most published omgekeerde verordeningen speak of 'de
    inwoner' in the third person, but carry law tags under their headings
    ('[Jeugdwet, Wmo]'), steps, kernwaarden or 'Waarom deze regels?'."""
    norms = analysis.tokens.norms
    if not norms:
        return "classic"
    address = sum(map(_ADDRESS.__contains__, norms))
    if address / len(norms) >= 0.015:
        return "omgekeerd"
    doc = analysis.doc
    signs = {m.group(0).lower().split()[0] for m in _OMGEKEERD_TEXT_RE.finditer(doc.text[:200_000])}
    if any(n.laws for n in doc.root.walk()):
        signs.add("law-tags")
    if any(n.marker == "stap" for n in doc.root.walk()):
        signs.add("steps")
    return "omgekeerd" if len(signs) >= 2 else "classic"


# -- linting ------------------------------------------------------------------------

class Linter:
    """Runs the selected rules over documents. One per run (and per worker
    process); settings, registries and rule sets are made once."""

    def __init__(self, overrides: dict | None = None, config_path: Path | None = None, isolated: bool = False):
        self.overrides = dict(overrides or {})
        self.config_path = config_path
        self.isolated = isolated
        self.extra_statutes: tuple = ()  # --statutes
        self.run = RunContext()
        self._rulesets: dict[tuple, list[Rule]] = {}
        self._validated: set[int] = set()
        self._settings: dict = {}

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
        """The rules these settings can select; a bad selector or option is a
        configuration error (raised once per settings object)."""
        reg = self.run.registry(settings)
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

    def lint(self, doc: Document, settings: Settings, stats: dict | None = None) -> list[Finding]:
        """All findings of the selected rules on ``doc``, suppressions applied.
        A rule that crashes leaves one internal-error finding; the others still run.
        ``stats`` receives the file's statistics (language levels)."""
        registry = self.registry_for(settings)
        analysis = Analysis(doc)
        profile = settings.profile if settings.profile != "auto" else detect_profile(analysis)
        rules = self.rules_for(settings, doc.path, profile)
        stats = {} if stats is None else stats
        stats["profile"] = profile

        def context(rule: Rule) -> Context:
            return Context(doc, rule, profile, settings, analysis, self.run, stats)

        analysis.bank = self._bank(rules, context)

        findings: list[Finding] = []
        for rule in rules:
            try:
                findings.extend(rule.check(doc, context(rule)))
            except VerolintError:
                raise
            except Exception as exc:  # a rule bug must not hide the other findings
                findings.append(self._internal_error(context, rule, exc))
        active = {r.code: r for r in rules}
        findings, problems = suppression.apply(doc, findings, registry, set(active))
        for p in problems:
            rule = active.get(p.code)
            if rule is not None:
                findings.append(context(rule).finding(p.start, p.end, p.message))
        stats["hardship"] = analysis.hardship_summary
        unique = {(f.code, f.start, f.end, f.message): f for f in findings}
        return sorted(unique.values(), key=lambda f: f.sort_key)

    def _bank(self, rules: list[Rule], context) -> PhraseBank:
        """One phrase index over the phrase lists of all these rules (once per rule set)."""
        key = ("phrase-bank", id(rules))

        def make():
            matchers: dict[int, object] = {}
            for rule in rules:
                try:
                    for m in rule.phrase_matchers(context(rule)):
                        matchers.setdefault(id(m), m)
                except VerolintError:
                    raise
                except Exception:  # noqa: BLE001 - the rule's own check reports its crash
                    continue
            return PhraseBank(list(matchers.values()))

        return self.run.shared(key, make)

    def _internal_error(self, context, rule: Rule, exc: Exception) -> Finding:
        message, suggestion = _crash_text(rule, exc)
        return context(builtin_registry().get(INTERNAL_ERROR)).at_document(message, suggestion=suggestion)

    def finish(self, collected: dict[str, list], settings: Settings | None) -> list[Finding]:
        """Findings that need the whole run (e.g. the same passage in two files),
        from what rules collected; each such rule has a ``finish`` method."""
        out: list[Finding] = []
        if not collected:
            return out
        settings = settings or Settings()
        registry = self.run.registry(settings)
        for code, items in sorted(collected.items()):
            rule = registry.get(code)
            if rule is None or not items:
                continue
            rule = rule.configured(settings.rule_options.get(code))
            try:
                out.extend(rule.finish(items))
            except (ConfigError, RuleDefinitionError):
                raise
            except Exception as exc:  # noqa: BLE001 - reported like a crash in check
                first = items[0]
                out.append(_run_error(rule, exc, first))
        return out


def _shipped(rule: Rule) -> bool:
    """A rule of verolint itself (not of a user's pack or a plug-in)."""
    where = getattr(rule, "where", None)
    if where is not None:
        return where.trusted
    return type(rule).__module__.startswith("verolint.")


def _crash_text(rule: Rule, exc: Exception) -> tuple[str, str]:
    """The message and suggestion of the INT001 finding a crashed rule leaves:
    for verolint's own rules with the place in the code, for a user's pack or
    plug-in naming where the rule comes from."""
    if _shipped(rule):
        import traceback

        where = traceback.extract_tb(exc.__traceback__)[-1]
        return (f"interne fout in regel {rule.code} ({type(exc).__name__}: {exc}, "
                f"{Path(where.filename).name}:{where.lineno}); de andere regels zijn wel uitgevoerd",
                "Meld dit als fout in verolint, met het bestand als dat kan; "
                f"zet tot dan {rule.code} uit met --ignore {rule.code}.")
    return (f"regel {rule.code} uit {rule.source} liep vast ({type(exc).__name__}: {exc}); "
            "de andere regels zijn wel uitgevoerd",
            f"Herstel regel {rule.code} in {rule.source}, of zet hem uit met --ignore {rule.code}.")


def _run_error(rule: Rule, exc: Exception, item) -> Finding:
    """An internal-error finding for a crash in a rule's ``finish``, placed on
    the first item the rule collected (which carries a positioned finding)."""
    from dataclasses import replace

    internal = builtin_registry().get(INTERNAL_ERROR)
    message, suggestion = _crash_text(rule, exc)
    return replace(item.finding, code=internal.code, name=internal.name, category=str(internal.category),
                   severity=internal.severity, text="", fix=None, message=message, suggestion=suggestion)
