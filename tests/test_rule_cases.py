"""One parametrised test runs the examples of every rule.

YAML rules carry ``examples: {bad: [...], good: [...]}`` in their pack; Python
rules have a file ``tests/rule_cases/<CODE>.yaml`` with the same keys. Every
bad example must give at least one finding of that rule, no good example any.
A snippet without an 'Artikel' heading is wrapped in one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from verolint.config import Settings
from verolint.engine import Linter
from verolint.model import Category
from verolint.readers import read_string
from verolint.registry import builtin_registry

CASES_DIR = Path(__file__).parent / "rule_cases"


def _cases():
    out = []
    registry = builtin_registry()
    for rule in registry.sorted():
        examples = getattr(rule, "examples", None)
        case_file = CASES_DIR / f"{rule.code}.yaml"
        if case_file.exists():
            examples = yaml.safe_load(case_file.read_text(encoding="utf-8"))
        settings = (examples or {}).get("settings", {})
        for kind in ("bad", "good"):
            for i, snippet in enumerate((examples or {}).get(kind, [])):
                out.append(pytest.param(rule.code, kind, snippet, settings, id=f"{rule.code}-{kind}-{i}"))
    return out


def test_every_rule_has_examples():
    registry = builtin_registry()
    missing = []
    for rule in registry.sorted():
        if rule.category is Category.INTERNAL:
            continue  # no text makes verolint crash on purpose: tests/test_engine.py plants a rule that does
        examples = getattr(rule, "examples", None) or {}
        if (CASES_DIR / f"{rule.code}.yaml").exists():
            examples = yaml.safe_load((CASES_DIR / f"{rule.code}.yaml").read_text(encoding="utf-8"))
        if not examples.get("bad") or not examples.get("good"):
            missing.append(rule.code)
    assert missing == []


def _wrap(snippet: str) -> str:
    """A one-line snippet becomes the text of an article; more lines are a document."""
    if "\n" in snippet.strip():
        return snippet if snippet.endswith("\n") else snippet + "\n"
    return f"Artikel 1 Voorbeeld\n\n{snippet}\n"


@pytest.mark.parametrize("code, kind, snippet, settings", _cases())
def test_rule_case(code, kind, snippet, settings, snapshot):
    """A case file may set ``settings`` (``statutes`` relative to tests/fixtures).

    What a bad example gives is a snapshot (tests/__snapshots__/test_rule_cases.ambr):
    the exact span and text, the message, the suggestion, and the text after
    ``--fix`` where the rule has a fix. A change shows as a diff in review;
    after checking it, accept it with ``pytest --snapshot-update``."""
    name = "geval.md" if "<!--" in snippet or snippet.lstrip().startswith("#") else "geval.txt"
    source = _wrap(snippet)
    doc = read_string(source, name)
    statutes = tuple(Path(__file__).parent / "fixtures" / p for p in settings.get("statutes", []))
    findings = [f for f in Linter().lint(doc, Settings(statutes=statutes)) if f.code == code]
    if kind == "bad":
        assert findings, f"{code} should flag:\n{snippet}"
        assert [_shown(doc, f) for f in findings] == snapshot
    else:
        assert not findings, f"{code} should not flag:\n{snippet}\n" + "\n".join(f.message for f in findings)


def _shown(doc, finding) -> dict:
    """A finding as a reviewer reads it."""
    from verolint import fixes

    out = {
        "where": f"{finding.line}:{finding.column}-{finding.end_line}:{finding.end_column}",
        "span": doc.source[finding.start:finding.end],
        "path": finding.path,
        "severity": str(finding.severity),
        "message": finding.message,
        "suggestion": finding.suggestion,
    }
    if finding.fix is not None:
        fixed, _ = fixes.apply(doc.source, [finding])
        out["fixed"] = fixed
    return out
