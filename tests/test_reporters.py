"""Machine-readable output: JSON schema, SARIF 2.1.0, GitHub annotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, SHARED

CLASSIC = str(SAMPLES / "verordening-wmo-klassiek.txt")


def test_json_matches_documented_schema(cli):
    jsonschema = pytest.importorskip("jsonschema")
    import verolint

    schema = json.loads((Path(verolint.__file__).parent / "schemas" / "findings-v1.schema.json").read_text())
    data = json.loads(cli("check", CLASSIC, "--format", "json").stdout)
    jsonschema.validate(data, schema)
    dup = next(f for f in data["findings"] if f["code"] == "NUM001" and "twee keer" in f["message"])
    assert dup["severity"] == "error" and dup["category"] == "numbering"
    assert dup["start"] == {"line": 67, "column": 1} and dup["end"] == {"line": 67, "column": 20}
    assert dup["path"] == "artikel 3.4"


def test_sarif_validates_against_official_schema(cli):
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.exists():
        pytest.skip(f"SARIF schema not found at {schema_path}")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    data = json.loads(cli("check", CLASSIC, "--format", "sarif").stdout)
    jsonschema.validate(data, schema)
    run = data["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert "Waarom" in rules["NUM001"]["help"]["text"]
    assert rules["STR101"]["defaultConfiguration"]["level"] == "error"
    result = next(r for r in run["results"] if r["ruleId"] == "STR101")
    loc = result["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"].endswith("samples/verordening-wmo-klassiek.txt")
    assert not loc["physicalLocation"]["artifactLocation"]["uri"].startswith("./")
    assert loc["physicalLocation"]["region"]["startLine"] == 3
    assert loc["logicalLocations"][0]["fullyQualifiedName"] == "aanhef"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "STR101"
    assert result["partialFingerprints"]["verolint/v1"]


def test_sarif_fingerprint_survives_edits_above(tmp_path, cli):
    text = Path(CLASSIC).read_text(encoding="utf-8")
    v = tmp_path / "v.txt"

    def prints(content):
        v.write_text(content, encoding="utf-8")
        run = json.loads(cli("check", str(v), "--format", "sarif").stdout)["runs"][0]
        return {(r["ruleId"], r["partialFingerprints"]["verolint/v1"]): r["locations"][0]["physicalLocation"]["region"]["startLine"]
                for r in run["results"]}

    pa, pb = prints(text), prints("Extra regel bovenaan.\n\n" + text)
    shared = set(pa) & set(pb)
    assert len(shared) >= len(pa) - 1
    assert all(pb[k] == pa[k] + 2 for k in shared if pa[k] > 1)


def test_sarif_document_findings_differ_per_file_and_help_points_at_the_docs(tmp_path, cli, monkeypatch):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    for p in (a, b):
        p.write_text("Artikel 1 Doel\n\nDeze regeling gaat over hulp.\n", encoding="utf-8")
    run = json.loads(cli("check", str(a), str(b), "--format", "sarif").stdout)["runs"][0]
    citation = [r["partialFingerprints"]["verolint/v1"] for r in run["results"] if r["ruleId"] == "STR102"]
    assert len(citation) == 2 and citation[0] != citation[1]
    assert all("helpUri" not in r for r in run["tool"]["driver"]["rules"])  # no address that may not exist
    monkeypatch.setenv("VEROLINT_DOCS_URL", "https://example.org/verolint/blob/v1/docs/rules.md")
    run = json.loads(cli("check", str(a), "--format", "sarif").stdout)["runs"][0]
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "STR102")
    assert rule["helpUri"] == "https://example.org/verolint/blob/v1/docs/rules.md#str102-citeertitel"
    assert "## STR102 citeertitel" in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def test_rules_documentation_in_the_repository_is_current(cli):
    """docs/rules.md is what SARIF's helpUri and the README point at: it must
    say what the rules do now (regenerate: verolint rules --format markdown)."""
    assert cli("rules", "--format", "markdown").stdout == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def test_github_annotations(cli):
    out = cli("check", CLASSIC, "--format", "github").stdout.splitlines()
    dup = next(l for l in out if "NUM001" in l and "twee keer" in l)
    assert dup.startswith("::error file=")
    assert ",line=67,endLine=67,col=1,endColumn=20,title=verolint NUM001 (artikelnummering)::" in dup
    vague = next(l for l in out if "VAG001" in l)
    assert vague.startswith("::warning ") and "%0A" in vague  # suggestion on its own line
    info = cli("check", CLASSIC, "--format", "github", "--select", "REF101", "--profile", "omgekeerd").stdout
    assert info.startswith("::notice ")


def test_github_escaping():
    from verolint.reporters.github import _escape_data, _escape_property

    assert _escape_data("50% af\nregel 2") == "50%25 af%0Aregel 2"
    assert _escape_property("a:b,c") == "a%3Ab%2Cc"


def test_statistics(cli):
    out = cli("check", CLASSIC, "--statistics").stdout
    assert any(l.split()[:2] == ["2", "NUM001"] for l in out.splitlines())
