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


def test_every_rule_has_dutch_documentation():
    for rule in builtin_registry().sorted():
        doc = rule.doc
        assert doc.summary, rule.code
        assert doc.sections.get("Wat het controleert"), rule.code
        assert doc.sections.get("Waarom"), rule.code


def test_quick_start_has_two_commands_and_ci_runs_the_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.+?)\n```", quick)
    assert commands == [
        "python3 -m pip install . && verolint check samples/",
        "python3 -m pip install '.[test]' && python3 -m pytest",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m pip install '.[test]'" in ci and "\npython3 -m pytest" in ci
