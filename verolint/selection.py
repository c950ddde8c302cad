"""Rule selection, in one place: which rules run on a file, at what severity,
and whether a configuration names only rules that exist.

Selectors are rule codes (``RIG001``), code prefixes (``RIG``), categories
(``rigid-exclusion``) and ``ALL``. The most specific selector wins; on a tie
``ignore`` beats ``select``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from .errors import ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from .config import Settings
    from .registry import Registry
    from .rule import Rule


def selector_specificity(selector: str, rule: "Rule") -> int:
    """How specifically ``selector`` names ``rule`` (0 = not at all).

    Exact code > longer code prefix > shorter prefix > category > ALL.
    """
    sel = selector.strip()
    if sel.upper() == "ALL":
        return 1
    if sel == str(rule.category):
        return 2
    up = sel.upper()
    if rule.code.startswith(up) and up:
        return 10 + len(up)
    return 0


def _best(selectors: Iterable[str], rule: "Rule") -> int:
    return max((selector_specificity(s, rule) for s in selectors), default=0)


def is_selected(rule: "Rule", settings: "Settings", extra_ignores: Iterable[str] = ()) -> bool:
    positive = _best(settings.select + settings.extend_select, rule)
    return positive > 0 and _best(tuple(settings.ignore) + tuple(extra_ignores), rule) < positive


def is_ignored(rule: "Rule", settings: "Settings") -> bool:
    """Switched off with ``ignore`` (a rule that is merely not selected is not
    ignored: the language model still uses the jargon packs then)."""
    return _best(settings.ignore, rule) >= max(_best(settings.select + settings.extend_select, rule), 1)


def select_rules(registry: "Registry", settings: "Settings", extra_ignores=(), profile="classic") -> list["Rule"]:
    """The configured rules for a file with these settings and this profile."""
    out = []
    for rule in registry.sorted():
        if not is_selected(rule, settings, extra_ignores):
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


def validate_settings(settings: "Settings", registry: "Registry") -> None:
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
