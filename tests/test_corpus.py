"""Integration: every file of the shared corpus parses, with exact article counts.

The expected count is independent of the grammar: Markdown statutes mark each
article with a '#' heading 'Artikel N'; the plain-text ordinances start each
article at the beginning of a line with 'Artikel N'.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CORPUS, corpus_dir

MD_ARTICLE = re.compile(r"^#{1,6}\s*Artikel\s", re.M)
TXT_ARTICLE = re.compile(r"^Artikel \S", re.M)


def _files(folder: str, pattern: str) -> list[Path]:
    path = CORPUS / folder
    return sorted(path.glob(pattern)) if path.is_dir() else []


def expected_articles(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    return len((MD_ARTICLE if path.suffix == ".md" else TXT_ARTICLE).findall(text))


@pytest.mark.parametrize(
    "path",
    _files("statutes", "*.md") + _files("ordinances-real", "*.txt") or [pytest.param(None, marks=pytest.mark.skip(reason=f"corpus not found at {CORPUS}"))],
    ids=lambda p: p.name if p else "corpus",
)
def test_corpus_file_parses_with_exact_article_count(path):
    from verolint.readers import read_path

    doc = read_path(path)
    assert len(doc.articles()) == expected_articles(path) > 0
    assert not [d for d in doc.diagnostics if d.code == "STR002"]
    # every article has a number, and the tree covers the text in order
    starts = [a.start for a in doc.articles()]
    assert starts == sorted(starts)
    assert all(a.number for a in doc.articles())


def test_known_statute_structure():
    folder = corpus_dir("statutes")
    from verolint.readers import read_path

    doc = read_path(folder / "BWBR0035362_wet-maatschappelijke-ondersteuning-2015.md")
    assert doc.meta["citeertitel"] == "Wet maatschappelijke ondersteuning 2015"
    art = next(a for a in doc.articles() if a.number == "2.3.5")
    assert [c.number for c in art.children] == ["1", "2", "3", "4", "5", "6", "7"]
    assert art.children[1].own_text == "Het college geeft de beschikking binnen twee weken na ontvangst van de aanvraag."
    assert [c.number for c in art.children[4].children] == list("abcdefgh")
    assert art.path == "artikel 2.3.5"
    assert art.nearest(art.kind.__class__("hoofdstuk")).number == "2"


# Real defects in the published excerpts (checked by hand against the text).
KNOWN = {
    # artikel 10, eerste lid: the list starts at "b." (onderdeel a is missing)
    "beleidsregel_van_de_concerndirecteur": [("NUM004", 93)],
}


def test_real_ordinances_have_no_structural_errors():
    """False-positive guard: the published texts are numbered correctly within
    each article (the excerpts skip whole articles, so NUM001 is excluded)."""
    folder = corpus_dir("ordinances-real")
    from verolint.config import Settings
    from verolint.engine import Linter
    from verolint.readers import read_path

    linter = Linter()
    settings = Settings(select=("NUM003", "NUM004", "STR001", "STR002", "STR101"))
    for path in sorted(folder.glob("*.txt")):
        findings = [(f.code, f.line) for f in linter.lint(read_path(path), settings)]
        expected = next((v for k, v in KNOWN.items() if path.name.startswith(k)), [])
        assert findings == expected, path.name


# Counted by hand (../shared/corpus/ordinances-cvdr/README.md).
CVDR_COUNTS = {
    "aa-en-hunze_verordening-wmo-jeugdhulp_2026.txt": (43, 147, 10),
    "aa-en-hunze_verordening-wmo-jeugdhulp_2026_met-inhoudsopgave.txt": (43, 147, 10),
}


def _structure(doc):
    from verolint.model import Kind

    nodes = [n for n in doc.root.walk() if n.in_rule_text]
    return (len(doc.articles()), sum(n.kind is Kind.LID for n in nodes), sum(n.kind is Kind.HOOFDSTUK for n in nodes))


@pytest.mark.parametrize("name", sorted(CVDR_COUNTS))
def test_cvdr_regulation_counts(name):
    from verolint.readers import read_path

    doc = read_path(corpus_dir("ordinances-cvdr") / name)
    assert _structure(doc) == CVDR_COUNTS[name]
    assert not doc.structure_unsure


def test_cvdr_omgekeerde_verordening_keeps_its_chapters_and_units():
    from verolint.model import Kind
    from verolint.readers import read_path

    path = corpus_dir("ordinances-cvdr") / "zaltbommel_verordening-wmo-jeugd-omgekeerd_2023.txt"
    doc = read_path(path)
    chapters = [n for n in doc.root.iter(Kind.HOOFDSTUK)]
    assert [c.number for c in chapters] == [str(i) for i in range(1, 14)]
    articles = doc.articles()
    text = path.read_text(encoding="utf-8")
    assert len([a for a in articles if a.marker != "sectie"]) == len(TXT_ARTICLE.findall(text)) == 43
    assert len([a for a in articles if a.marker == "sectie"]) == 29
    numbers = [a.number for a in articles]
    assert {"12.3", "12.6", "2.1.1", "8.3.5"} <= set(numbers)
    assert next(a for a in articles if a.number == "8.3.5").end < chapters[8].start  # chapters 9-13 stand apart
    assert doc.meta["citeertitel"] == "Verordening Wmo en Jeugd Zaltbommel 2023"
    assert not doc.structure_unsure


@pytest.mark.parametrize("name,numbers", [
    ("hoorn_verordening-jeugdhulp_2024_hfst4-6.txt", {"4": ["1", "2", "3", "4"], "5": ["1", "2", "3", "4"], "6": ["1"]}),
    ("oude-ijsselstreek_verordening-sociaal-domein_2015_begin.txt", {"1.1": ["a", "b", "c", "d", "e", "f"]}),
    ("gennep_verordening-wmo_2015_begin.txt", {"1": ["a", "b", "c", "d"]}),
    ("stimulansz_omgekeerde-modelverordening_hfst2-hulpvraag.txt", {"2.1.1": [None] * 4, "2.1.2": [], "12.3": []}),
    ("kampen_verordening-sociaal-domein-omgekeerd_2023_begin.txt", {"1.1": [None, None]}),
])
def test_cvdr_fragments_keep_their_numbers(name, numbers):
    from verolint.readers import read_path

    doc = read_path(corpus_dir("ordinances-cvdr") / "fragments" / name)
    assert {a.number: [c.number for c in a.children] for a in doc.articles()} == numbers
