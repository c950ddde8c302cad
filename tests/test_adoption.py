"""Adopting verolint in an existing repository: baseline, safe fixes, diff, many files."""

from __future__ import annotations

import json

from conftest import SAMPLES

TEXT = (
    "Verordening hulp 2027\n\nArtikel 1 Hulp\n\nIndien u hulp vraagt, helpen wij u met betrekking tot uw vraag.\n"
    "De inwoner heeft een beperking en/of een ziekte.\n\n"
    "Artikel 2 Slot\n\nDeze verordening treedt in werking op 1 januari 2027 en wordt aangehaald als: Verordening hulp 2027.\n"
)


def test_baseline_reports_only_new_findings_and_survives_edits_above(cli, tmp_path):
    doc = tmp_path / "hulp.txt"
    doc.write_text(TEXT, encoding="utf-8")
    base = tmp_path / "verolint-baseline.json"
    first = cli("check", str(doc), "--baseline", str(base))
    assert first.exit_code == 0 and "baseline" in first.stderr and "Geen bevindingen" in first.stdout
    data = json.loads(base.read_text(encoding="utf-8"))
    assert data["schema"] == "verolint/baseline/v1" and any(e["code"] == "VAG101" for e in data["findings"])
    assert all("line" not in e for e in data["findings"])
    # an edit above every finding does not make them new
    doc.write_text("Verordening hulp 2027\n\nDeze tekst is nieuw.\n\n" + TEXT.split("\n", 2)[2], encoding="utf-8")
    assert cli("check", str(doc), "--baseline", str(base)).exit_code == 0
    # a new defect is reported, and only that one
    doc.write_text(doc.read_text(encoding="utf-8").replace("een ziekte.", "een ziekte.\nZo nodig helpen we ook uw gezin."),
                   encoding="utf-8")
    result = cli("check", str(doc), "--baseline", str(base), "-f", "concise", "--select", "VAG")
    assert result.exit_code == 1
    assert [l.split()[1] for l in result.stdout.splitlines()] == ["VAG001"]
    # fixed findings are reported as resolved, and --update-baseline shrinks the file
    doc.write_text(TEXT.replace(" en/of ", " of "), encoding="utf-8")
    result = cli("check", str(doc), "--baseline", str(base))
    assert "komen niet meer voor" in result.stderr
    cli("check", str(doc), "--baseline", str(base), "--update-baseline")
    assert not any(e["code"] == "VAG101" for e in json.loads(base.read_text(encoding="utf-8"))["findings"])


def test_fix_applies_only_safe_replacements_atomically_in_the_files_encoding(cli, tmp_path):
    doc = tmp_path / "hulp.txt"
    original = TEXT.replace("\n", "\r\n").encode("cp1252")
    doc.write_bytes(original + "Voor de cliënt.\r\n".encode("cp1252"))
    preview = cli("check", str(doc), "--diff")
    assert preview.exit_code == 1
    assert "-Indien u hulp vraagt, helpen wij u met betrekking tot uw vraag." in preview.stdout
    assert "+Als u hulp vraagt, helpen wij u over uw vraag." in preview.stdout
    assert doc.read_bytes().startswith(original)  # --diff writes nothing
    result = cli("check", str(doc), "--fix", "--select", "LNG201,VAG101")
    assert "2 vervangingen toegepast" in result.stderr
    data = doc.read_bytes()
    assert b"\r\nAls u hulp vraagt, helpen wij u over uw vraag.\r\n" in data
    assert "cliënt".encode("cp1252") in data and b"en/of" in data  # en/of has no safe fix
    assert [l for l in result.stdout.splitlines() if "LNG201" in l] == []
    assert list(tmp_path.glob(".hulp.txt.*")) == []  # no temporary files left


def test_fix_leaves_files_without_fixes_untouched(cli, tmp_path):
    doc = tmp_path / "schoon.md"
    doc.write_text((SAMPLES / "verordening-sociaal-domein-omgekeerd.md").read_text(encoding="utf-8"), encoding="utf-8")
    before = doc.stat().st_mtime_ns
    assert cli("check", str(doc), "--fix").exit_code == 0
    assert doc.stat().st_mtime_ns == before


def test_jobs_give_the_same_output_in_the_same_order(cli, tmp_path):
    for i in range(6):
        (tmp_path / f"v{i}.txt").write_text(TEXT.replace("hulp 2027", f"hulp {i}"), encoding="utf-8")
    (tmp_path / "v3.txt").write_text(TEXT + "\nArtikel 4 Extra\n\nTekst.\n", encoding="utf-8")
    serial = cli("check", str(tmp_path), "-j", "1", "-f", "concise")
    parallel = cli("check", str(tmp_path), "-j", "2", "-f", "concise")
    assert serial.stdout == parallel.stdout and serial.exit_code == parallel.exit_code
    assert "v3.txt" in serial.stdout and "NUM001" in serial.stdout


def test_same_passage_in_two_files_is_one_finding_on_the_later_file_also_in_parallel(cli, tmp_path):
    body = "Het college beslist binnen acht weken op een aanvraag om jeugdhulp voor een jeugdige en zijn ouders."
    for i in range(4):
        other = ["De inwoner kiest zelf een aanbieder uit de lijst van gecontracteerde organisaties in de regio.",
                 "Klachten over de uitvoering behandelt de klachtencommissie volgens het eigen reglement van de gemeente."]
        extra = body if i in (0, 3) else other[i - 1]
        (tmp_path / f"v{i}.txt").write_text(f"Artikel 1 Regel\n\n{extra}\n", encoding="utf-8")
    out = cli("check", str(tmp_path), "-j", "2", "--select", "DUP003", "-f", "concise").stdout.splitlines()
    assert out == [f"{tmp_path / 'v3.txt'}:3:1: DUP003 staat ook op {tmp_path / 'v0.txt'}:3 (artikel 1): "
                   "dezelfde tekst op twee plaatsen [artikel 1]"]
    assert cli("check", str(tmp_path), "-j", "1", "--select", "DUP003", "-f", "concise").stdout.splitlines() == out


def test_a_copy_of_a_regulation_is_one_finding_not_one_per_passage(cli, tmp_path):
    rules = ["Het college beslist binnen acht weken op een aanvraag om jeugdhulp voor een jeugdige en zijn ouders.",
             "De inwoner kiest zelf een aanbieder uit de lijst van gecontracteerde organisaties in de regio.",
             "Klachten over de uitvoering behandelt de klachtencommissie volgens het eigen reglement van de gemeente.",
             "Het college stelt jaarlijks een verslag op over de uitvoering van deze verordening voor de gemeenteraad."]
    text = "".join(f"Artikel {i} Regel\n\n{r}\n\n" for i, r in enumerate(rules, 1))
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Verordening, met inhoudsopgave\n\n" + text, encoding="utf-8")
    out = cli("check", str(tmp_path), "--select", "DUP003", "-f", "concise").stdout.splitlines()
    assert out == [f"{tmp_path / 'b.txt'}:5:1: DUP003 4 passages staan ook in {tmp_path / 'a.txt'} (vanaf regel 3): "
                   "dezelfde tekst in twee bestanden (ook op regel 9, 13 en 17) [artikel 1]"]
