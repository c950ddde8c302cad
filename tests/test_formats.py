"""Input formats people actually have: Word, CVDR XML, odd encodings, and
property-based robustness of every reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from verolint.errors import ReadError
from verolint.readers import read_path, readers

FIXTURES = Path(__file__).parent / "fixtures"


def make_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("Verordening sociaal domein Testdorp 2027", style="Title")
    d.add_paragraph("Hoofdstuk 1 Algemeen", style="Heading 1")
    d.add_paragraph("Artikel 1 Begripsbepalingen", style="Heading 2")
    d.add_paragraph("In deze verordening wordt verstaan onder:")
    for text in ["inwoner: ingezetene van de gemeente;", "college: college van burgemeester en wethouders."]:
        d.add_paragraph(text, style="List Number")
    d.add_paragraph("Artikel 2 Aanvraag", style="Heading 2")
    d.add_paragraph("De inwoner heeft een beperking en/of een ziekte.")
    table = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Inkomen", (0, 1): "Bijdrage", (1, 0): "tot 110% van de norm", (1, 1): "geen"}.items():
        table.cell(r, c).text = text
    d.add_paragraph("Deze verordening treedt in werking op 1 januari 2027 en wordt aangehaald als: Verordening Testdorp 2027.")
    d.save(path)
    return path


def test_docx_structure_from_styles_and_word_numbering(tmp_path):
    doc = read_path(make_docx(tmp_path / "v.docx"))
    assert doc.title == "Verordening sociaal domein Testdorp 2027"
    art1, art2 = doc.articles()
    assert (art1.number, art1.title, art2.number, art2.title) == ("1", "Begripsbepalingen", "2", "Aanvraag")
    assert [(c.number, c.own_text) for c in art1.children] == [
        ("1", "inwoner: ingezetene van de gemeente;"), ("2", "college: college van burgemeester en wethouders.")]
    assert "Inkomen | Bijdrage" in art2.full_text  # tables are read


def test_docx_findings_are_located_by_paragraph(cli, tmp_path):
    path = make_docx(tmp_path / "v.docx")
    out = cli("check", str(path), "--select", "VAG101", "-f", "concise").stdout
    assert out.startswith(f"{path}:alinea 8: VAG101") or ":alinea 8: VAG101" in out


def test_docx_footnotes_and_tracked_changes(tmp_path):
    import docx
    from docx.oxml.ns import qn

    path = make_docx(tmp_path / "v.docx")
    d = docx.Document(path)
    p = d.paragraphs[-1]
    deleted = p._p.makeelement(qn("w:del"), {})
    run = deleted.makeelement(qn("w:r"), {})
    text = run.makeelement(qn("w:delText"), {})
    text.text = " GESCHRAPTE TEKST"
    run.append(text)
    deleted.append(run)
    p._p.append(deleted)
    d.save(path)
    doc = read_path(path)
    assert "GESCHRAPTE" not in doc.text


def test_cvdr_xml(lint):
    doc = read_path(FIXTURES / "cvdr" / "CVDR999001_1.xml")
    assert doc.format == "cvdr" and doc.title == "Verordening maatschappelijke ondersteuning Testdorp 2025"
    assert [(a.number, a.title) for a in doc.articles()] == [("1", "Begrippen"), ("2", "Melding")]
    from verolint.config import Settings
    from verolint.engine import Linter

    findings = Linter().lint(doc, Settings())
    found = {(f.code, f.line) for f in findings}
    assert ("NUM003", 28) in found  # lid 3 after lid 1, on the line of that <lid> in the XML
    assert ("REF001", 28) in found and ("VAG001", 28) in found


def test_unsupported_files_are_named_and_the_run_goes_on(cli, tmp_path):
    (tmp_path / "a.txt").write_text("Artikel 1 Doel\n\nTekst.\n", encoding="utf-8")
    (tmp_path / "kapot.docx").write_bytes(b"dit is geen zip")
    result = cli("check", str(tmp_path / "a.txt"), str(tmp_path / "kapot.docx"), str(tmp_path / "x.pdf"))
    assert result.exit_code == 2
    assert "kapot.docx: dit is geen Word-bestand" in result.stdout and "x.pdf" in result.stdout
    assert "a.txt" in result.stdout or "Geen bevindingen" not in result.stdout


# -- property-based: every reader returns a tree or a clear error ---------------------------

READERS = sorted(readers())


@pytest.mark.parametrize("name", READERS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000))
def test_readers_on_arbitrary_bytes(name, data):
    reader = readers()[name]
    try:
        doc = reader.read_bytes(data, f"x.{name}")
    except ReadError as exc:
        assert str(exc)
        return
    assert doc.root is not None and len(doc.text) == len(doc.source)


_LEGAL = st.sampled_from(["Artikel 1", "Artikel 2.3", "Hoofdstuk 1", "1.", "a.", "§ 2", "lid 3", "- ", "<!--", "-->",
                          "Toelichting", "### Artikel 4", "\n", "\r\n", " ", "wordt", "indien", "1°", "**", "%%",
                          # the layouts of published regulations
                          "1.1 Waarom deze regels?", "\n2. Wonen\n", "Stap 1: Melding", "[Jeugdwet, Wmo]", "❖ ",
                          "i.", "ii.", "aa.", "• a.", "Inhoudsopgave", "HOOFDSTUK 1: ", "Artikel 2.1.1",
                          "geen", "maximaal", "het college kan", "naar het oordeel van",
                          # what the judgement rules look for
                          "Het college weigert de aanvraag", "wordt geen", "verstrekt", "is uitgesloten", " als ",
                          "kan afwijken van deze verordening", "onbillijkheden", "zo nodig", "en/of", ". ",
                          "Onder wordt verstaan: ", "begripsbepalingen", "hierna: Wmo", "artikel 3, tweede lid",
                          "We helpen u", "Deze verordening treedt in werking"])


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(st.one_of(_LEGAL, st.text(max_size=20)), max_size=60))
def test_text_reader_on_arbitrary_ordinance_like_text(parts):
    from verolint.config import Settings
    from verolint.engine import Linter
    from verolint.readers import read_string

    text = "".join(parts)
    doc = read_string(text, "x.md")
    starts = [a.start for a in doc.articles()]
    assert starts == sorted(starts)
    for node in doc.root.walk():  # every node inside its parent, its own text inside itself
        assert node.parent is None or node.parent.start <= node.start <= node.end <= node.parent.end
        assert all(node.start <= s <= e <= node.end for s, e in node.parts)
    # the whole linter, every rule, on what the reader made of it: no rule may crash
    crashes = [f.message for f in Linter().lint(doc, Settings()) if f.code == "INT001"]
    assert crashes == []


def _corpus_texts() -> list[str]:
    from conftest import CORPUS

    folders = [CORPUS / "ordinances-cvdr", CORPUS / "ordinances-real"]
    return [p.read_text(encoding="utf-8") for f in folders if f.is_dir() for p in sorted(f.rglob("*.txt"))]


_REAL = _corpus_texts()


@pytest.mark.skipif(not _REAL, reason="shared/corpus is not present: no real texts to cut")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_whole_linter_on_real_text_cut_at_random_places(data):
    """Every rule on a published regulation cut at arbitrary places (mid-article,
    mid-list, mid-word): a reader tree and findings, never a crashed rule."""
    from verolint.config import Settings
    from verolint.engine import Linter
    from verolint.readers import read_string

    text = data.draw(st.sampled_from(_REAL))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 20_000)))
    doc = read_string(text[start:end], "knip.txt")
    crashes = [f.message for f in Linter().lint(doc, Settings()) if f.code == "INT001"]
    assert crashes == []


@pytest.mark.parametrize("payload", [
    b'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><cvdr>&c;</cvdr>',
    b'<?xml version="1.0"?><!DOCTYPE c SYSTEM "http://127.0.0.1:9/x.dtd"><cvdr/>',
])
def test_xml_bombs_and_external_entities_are_refused_quickly(tmp_path, payload):
    import time

    path = tmp_path / "bom.xml"
    path.write_bytes(payload)
    t = time.perf_counter()
    with pytest.raises(ReadError):
        read_path(path)
    assert time.perf_counter() - t < 1.0
