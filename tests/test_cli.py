"""The command line as users and CI meet it: exit codes, inputs, outputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


from conftest import ROOT, SAMPLES

CLASSIC = str(SAMPLES / "verordening-wmo-klassiek.txt")
CLEAN = str(SAMPLES / "verordening-sociaal-domein-omgekeerd.md")


def test_samples_folder_fails_and_clean_sample_passes(cli):
    result = cli("check", str(SAMPLES))
    assert result.exit_code == 1
    assert "verordening-wmo-klassiek.txt:67:1: NUM001 artikel 3.4 komt twee keer voor" in result.stdout
    assert "README" not in result.stdout  # samples/README.md is excluded by default
    clean = cli("check", CLEAN)
    assert clean.exit_code == 0, clean.stdout


def test_text_line_format(cli):
    result = cli("check", CLASSIC, "--select", "NUM003")
    line = result.stdout.splitlines()[0]
    assert line.startswith(f"{Path(CLASSIC).relative_to(Path.cwd()) if Path(CLASSIC).is_relative_to(Path.cwd()) else CLASSIC}:36:1: NUM003 ")
    assert line.rstrip().endswith("[artikel 2.2, lid 3] → Nummer door, of laat het ontbrekende nummer bewust vervallen.")
    assert "1 bevinding (1 waarschuwing) in 1 bestand." in result.stdout


def test_min_severity_and_fail_on_are_separate(cli):
    # only errors shown, but warnings still fail the run
    result = cli("check", CLASSIC, "--min-severity", "error")
    assert result.exit_code == 1
    assert "NUM001" in result.stdout and "VAG101" not in result.stdout
    # everything shown, nothing fails
    result = cli("check", CLASSIC, "--fail-on", "never")
    assert result.exit_code == 0 and "VAG101" in result.stdout
    # fail only on errors: the classic sample has errors
    assert cli("check", CLASSIC, "--fail-on", "error").exit_code == 1
    assert cli("check", CLASSIC, "--fail-on", "error", "--select", "VAG").exit_code == 0
    assert cli("check", CLASSIC, "--exit-zero").exit_code == 0


def test_output_file_keeps_exit_code(cli, tmp_path):
    out = tmp_path / "rapport.json"
    result = cli("check", CLASSIC, "--format", "json", "--output-file", str(out))
    assert result.exit_code == 1 and result.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summary"]["findings"] == len(data["findings"]) > 5


def test_stdin_with_filename(cli):
    text = Path(CLASSIC).read_text(encoding="utf-8")
    result = cli("check", "-", "--stdin-filename", "concept.txt", "--select", "NUM001", input=text)
    assert result.exit_code == 1
    assert result.stdout.startswith("concept.txt:67:1: NUM001")


def test_missing_files_unreadable_files_and_globs(cli, tmp_path):
    (tmp_path / "a.txt").write_text("Artikel 1 Doel\n\nTekst.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x00binary")
    result = cli("check", str(tmp_path / "*.txt"), str(tmp_path / "bestaat-niet.txt"), "--select", "NUM")
    assert result.exit_code == 2
    assert "binair" in result.stdout and "bestaat niet" in result.stdout
    assert "Traceback" not in result.stdout


def test_bad_config_is_exit_2_with_file_and_line(cli, tmp_path):
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text("select: [NUM]\nfail-on: sometimes\n", encoding="utf-8")
    result = cli("check", CLASSIC, "--config", str(cfg))
    assert result.exit_code == 2
    assert f"{cfg}:2:" in result.stderr


def test_unknown_select_is_usage_error(cli):
    result = cli("check", CLASSIC, "--select", "NOPE1")
    assert result.exit_code == 2 and "NOPE1" in result.stderr


def test_tree_text_and_json(cli):
    text = cli("tree", CLASSIC)
    assert text.exit_code == 0
    assert "  hoofdstuk 3 Maatwerkvoorziening  (r. 47–" in text.stdout
    data = json.loads(cli("tree", CLEAN, "--format", "json").stdout)
    chapter = data["children"][1]
    assert (chapter["kind"], chapter["number"], chapter["title"]) == ("hoofdstuk", "1", "Waarom deze regels?")
    art = chapter["children"][0]
    assert set(art) == {"kind", "number", "title", "path", "span", "children"}
    assert art["span"]["start"] == {"line": 13, "column": 1}


def test_rules_and_explain(cli):
    listing = cli("rules")
    assert "NUM001  numbering" in listing.stdout and "VAG101" in listing.stdout
    rules = json.loads(cli("rules", "--format", "json").stdout)
    assert {r["category"] for r in rules} >= {"numbering", "structure", "reference"}
    explained = cli("explain", "STR101")
    assert explained.exit_code == 0
    for section in ("Wat het controleert", "Waarom", "Voorbeeld", "Beter"):
        assert section in explained.stdout
    assert "Artikelnummers zijn uniek" in cli("explain", "num001").stdout
    unknown = cli("explain", "NUM999")
    assert unknown.exit_code == 2 and "NUM001" in unknown.stderr


def test_closed_pipe_is_quiet(tmp_path):
    big = tmp_path / "groot.txt"
    body = "".join(f"Artikel {i} Titel\n\nDe inwoner heeft een beperking en/of een ziekte.\n\n" for i in range(1, 3000))
    big.write_text(body, encoding="utf-8")
    proc = subprocess.run(
        f"{sys.executable} -m verolint check {big} | head -n 2",
        shell=True, capture_output=True, text=True, cwd=ROOT,
    )
    assert len(proc.stdout.splitlines()) == 2
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_help_and_usage_errors_are_dutch():
    """click's own messages speak Dutch like the rest (issue 13)."""
    import subprocess
    import sys

    def run(*args):
        return subprocess.run([sys.executable, "-m", "verolint", *args], capture_output=True, text=True)

    helped = run("check", "--help")
    assert helped.returncode == 0
    assert helped.stdout.startswith("Gebruik: verolint check [OPTIES] [PADEN]...")
    assert "\nOpties:\n" in helped.stdout and "Toon deze hulp en stop." in helped.stdout
    assert "[standaard: text]" in helped.stdout and "Usage" not in helped.stdout
    wrong = run("check", "--format", "xx")
    assert wrong.returncode == 2
    assert "Fout: Ongeldige waarde voor '-f' / '--format': 'xx' is niet een van" in wrong.stderr
    assert "Zie 'verolint check --help' voor hulp." in wrong.stderr
    assert "De opdracht 'chek' bestaat niet. Bedoelt u 'check'?" in run("chek").stderr
