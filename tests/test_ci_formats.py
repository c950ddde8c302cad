"""CI formats (issue 13): GitLab Code Quality, JUnit XML, the GitHub job
summary and annotation limit, and pre-commit use on a repository that also
holds other texts."""

from __future__ import annotations

import json
import re

import pytest

from conftest import SAMPLES

CLASSIC = str(SAMPLES / "verordening-wmo-klassiek.txt")
CLEAN = str(SAMPLES / "verordening-sociaal-domein-omgekeerd.md")

# GitLab's Code Quality report: the fields GitLab documents as required
# (docs.gitlab.com, "Code Quality report format"), as a JSON Schema.
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {"path": {"type": "string"},
                               "lines": {"type": "object", "required": ["begin"],
                                         "properties": {"begin": {"type": "integer", "minimum": 1}}}},
            },
        },
    },
}


def test_gitlab_code_quality_report(cli, tmp_path, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    monkeypatch.chdir(SAMPLES.parent)
    issues = json.loads(cli("check", "samples", "--format", "gitlab").stdout)
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # GitLab needs them unique
    dup = next(i for i in issues if i["check_name"] == "verolint-NUM001")
    assert dup["location"] == {"path": "samples/verordening-wmo-klassiek.txt", "lines": {"begin": 67, "end": 67}}
    assert dup["severity"] == "critical" and dup["description"].startswith("NUM001 artikel 3.4 komt twee keer voor")


def test_junit_report_is_read_by_a_junit_parser(cli, tmp_path):
    junitparser = pytest.importorskip("junitparser")
    bad = tmp_path / "kapot.xml"
    bad.write_text("<kapot", encoding="utf-8")
    out = tmp_path / "verolint.xml"
    result = cli("check", CLASSIC, CLEAN, str(bad), "--format", "junit", "-o", str(out))
    assert result.exit_code == 2  # an unreadable file
    xml = junitparser.JUnitXml.fromfile(str(out))
    suites = {s.name.rsplit("/", 1)[-1]: s for s in xml}
    assert set(suites) == {"verordening-wmo-klassiek.txt", "verordening-sociaal-domein-omgekeerd.md", "kapot.xml"}
    classic = suites["verordening-wmo-klassiek.txt"]
    assert classic.tests == classic.failures > 10
    case = next(c for c in classic if c.name.startswith("NUM001 regel 67:1"))
    assert not case.is_passed and case.result[0].type == "fout"
    clean = suites["verordening-sociaal-domein-omgekeerd.md"]
    assert clean.tests == 1 and clean.failures == 0 and all(c.is_passed for c in clean)
    assert suites["kapot.xml"].errors == 1


def test_github_annotations_stay_within_the_limit_and_the_summary_lists_all(cli, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = cli("check", CLASSIC, "--format", "github", "--no-group").stdout.splitlines()
    levels = [line.split(" ", 1)[0].split("::")[1] for line in out if line.startswith("::") and "file=" in line]
    assert all(levels.count(level) <= 10 for level in ("error", "warning", "notice"))
    assert levels[0] == "error"  # the most important first
    more = [line for line in out if "bevindingen meer dan GitHub als annotatie toont" in line]
    text = summary.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| fout") or line.startswith("| waarschuwing")
            or line.startswith("| opmerking")]
    held_back = int(re.search(r"::(\d+) bevindingen meer", more[0]).group(1))
    assert len(rows) == len(levels) + held_back
    assert text.startswith("## verolint\n") and "| Nummering |" in text
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    everything = cli("check", CLASSIC, "--format", "github", "--no-group").stdout
    assert everything.count("file=") == len(rows)  # outside Actions nothing is held back


def test_other_texts_in_an_ordinance_repository_are_skipped_with_a_note(cli, tmp_path):
    settings = tmp_path / "settings.xml"
    settings.write_text('<?xml version="1.0"?>\n<settings><value>1</value></settings>\n', encoding="utf-8")
    docs = tmp_path / "werkwijze.md"
    docs.write_text("# Werkwijze\n\nWe schrijven verordeningen samen met inwoners.\n", encoding="utf-8")
    result = cli("check", "--skip-non-ordinances", str(settings), str(docs), CLEAN)
    assert result.exit_code == 0, result.output
    assert f"verolint: {settings} overgeslagen (onbekend XML-formaat" in result.stderr
    assert f"verolint: {docs} overgeslagen (geen artikelen: geen verordening)" in result.stderr
    assert "STR002" not in result.stdout
    data = json.loads(cli("check", "--skip-non-ordinances", str(docs), "--format", "json").stdout)
    assert data["files"][0]["skipped"] == "geen artikelen: geen verordening"
    junitparser = pytest.importorskip("junitparser")
    out = tmp_path / "j.xml"
    cli("check", "--skip-non-ordinances", str(docs), "--format", "junit", "-o", str(out))
    (suite,) = junitparser.JUnitXml.fromfile(str(out))
    assert suite.skipped == 1 and next(iter(suite)).is_skipped
    strict = cli("check", str(settings), str(docs))
    assert strict.exit_code == 2 and "STR002" in strict.stdout  # without the option: as before
