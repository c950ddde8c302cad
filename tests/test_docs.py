"""The README stays true: every rule is documented, the quick start is what CI runs."""

from __future__ import annotations

import re

from conftest import ROOT
from verolint.registry import builtin_registry


def test_readme_lists_every_rule():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| ([A-Z]{3}\d{3}) \|", readme, re.M))
    assert listed == set(builtin_registry().rules)
    for rule in builtin_registry().sorted():
        row = next(l for l in readme.splitlines() if l.startswith(f"| {rule.code} |"))
        assert rule.doc.summary.splitlines()[0] in row, rule.code
        severity = row.split("|")[3].strip()  # 'warning', or 'info (classic: warning, omgekeerd: info)'
        assert severity.split(" (")[0] == str(rule.severity), (rule.code, severity)


def test_every_rule_has_dutch_documentation():
    for rule in builtin_registry().sorted():
        doc = rule.doc
        assert doc.summary, rule.code
        assert doc.sections.get("Wat het controleert"), rule.code
        assert doc.sections.get("Waarom"), rule.code
