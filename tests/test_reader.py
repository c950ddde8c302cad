"""The article tree from plain text and Markdown, in the layouts real texts use."""

from __future__ import annotations

import pytest

from verolint.model import Kind


def arts(doc):
    return [(a.number, a.title) for a in doc.articles()]


@pytest.mark.parametrize(
    "heading, number, title",
    [
        ("Artikel 1 Begripsbepalingen", "1", "Begripsbepalingen"),
        ("Artikel 1. Begripsbepalingen", "1", "Begripsbepalingen"),
        ("Artikel 1:2 Aanvraag", "1:2", "Aanvraag"),
        ("Artikel 2.3.1 Onderzoek", "2.3.1", "Onderzoek"),
        ("Art. 4 Beslistermijn", "4", "Beslistermijn"),
        ("Artikel 4a Spoed", "4a", "Spoed"),
        ("ARTIKEL 7 - CITEERTITEL", "7", "CITEERTITEL"),
        ("Artikel 3: Reikwijdte", "3", "Reikwijdte"),
        ("### Artikel  4  ", "4", None),
        ("**Artikel 5** Hardheidsclausule", "5", "Hardheidsclausule"),
        ("Artikel 6.1. **Eigen bijdragen**", "6.1", "Eigen bijdragen"),
        ("Artikel 2.1 Hoe vraagt u hulp?", "2.1", "Hoe vraagt u hulp?"),
    ],
)
def test_article_heading_layouts(parse, heading, number, title):
    doc = parse(f"{heading}\n\nHet college beslist binnen twee weken.\n")
    assert arts(doc) == [(number, title)]
    assert doc.articles()[0].own_text == "Het college beslist binnen twee weken."


def test_title_on_next_line(parse):
    doc = parse("Artikel 4\nAanvraag\n\n1. De aanvraag is schriftelijk.\n2. Het college bevestigt de ontvangst.\n")
    (art,) = doc.articles()
    assert (art.number, art.title) == ("4", "Aanvraag")
    assert [c.number for c in art.children] == ["1", "2"]


def test_bold_title_after_a_blank_line(parse):
    # a CVDR export: the heading, a blank line, the title in bold on a line of its own
    doc = parse("Artikel 5.8\n\n**Kosten eigen bijdragen prothetische voorzieningen**\n\n"
                "1. Het college kan bijzondere bijstand verlenen.\n")
    (art,) = doc.articles()
    assert (art.number, art.title) == ("5.8", "Kosten eigen bijdragen prothetische voorzieningen")
    assert [c.number for c in art.children] == ["1"]


def test_bold_sentence_after_a_blank_line_is_not_a_title(parse):
    doc = parse("Artikel 4\n\n**Het college beslist binnen acht weken.**\n")
    (art,) = doc.articles()
    assert art.title is None


def test_body_sentence_after_heading_is_not_a_title(parse):
    doc = parse("Artikel 4\n\nHet college draagt er zorg voor dat de aanvraag wordt behandeld.\n")
    (art,) = doc.articles()
    assert art.title is None
    assert art.own_text.startswith("Het college draagt")


@pytest.mark.parametrize(
    "line",
    [
        "Artikel 12 is van overeenkomstige toepassing op de leden van de rekenkamer.",
        "Artikel 9, vierde en vijfde lid, blijft van toepassing.",
        "Artikel 5:53 van de Algemene wet bestuursrecht is niet van toepassing.",
        "Titel 4.2 van de Algemene wet bestuursrecht is niet van toepassing.",
    ],
)
def test_sentences_starting_with_artikel_are_text(parse, line):
    doc = parse(f"Artikel 1 Toepassing\n\n{line}\n")
    assert arts(doc) == [("1", "Toepassing")]
    assert doc.articles()[0].own_text == line


def test_markdown_document_with_hash_articles_ignores_plain_artikel_lines(parse):
    doc = parse(
        "### Artikel  2  \n\nArtikel 12 Bijzondere gevallen\n\n### Artikel  3  \n\nTekst.\n", "wet.md"
    )
    assert [a.number for a in doc.articles()] == ["2", "3"]


@pytest.mark.parametrize(
    "heading, kind, number, title",
    [
        ("Hoofdstuk 3. Maatwerk", Kind.HOOFDSTUK, "3", "Maatwerk"),
        ("HOOFDSTUK 1: ALGEMENE BEPALINGEN", Kind.HOOFDSTUK, "1", "ALGEMENE BEPALINGEN"),
        ("§ 2 Onderzoek", Kind.PARAGRAAF, "2", "Onderzoek"),
        ("Paragraaf 2.1 Melding", Kind.PARAGRAAF, "2.1", "Melding"),
        ("Afdeling 4.1.2 Termijnen", Kind.AFDELING, "4.1.2", "Termijnen"),
        ("## Hoofdstuk 5 Gezond en veilig opgroeien", Kind.HOOFDSTUK, "5", "Gezond en veilig opgroeien"),
        ("Hoofdstuk IVc Verantwoording", Kind.HOOFDSTUK, "IVc", "Verantwoording"),
    ],
)
def test_division_layouts(parse, heading, kind, number, title):
    doc = parse(f"{heading}\n\nArtikel 1 Doel\n\nDeze verordening regelt de hulp.\n", "x.md" if heading.startswith("#") else "x.txt")
    (div,) = [n for n in doc.root.children if n.kind not in (Kind.PREAMBLE,)]
    assert (div.kind, div.number, div.title) == (kind, number, title)
    assert [a.number for a in div.children] == ["1"]


def test_markdown_statute_layout(parse):
    text = (
        "##Wet van 9 juli 2014 (Wet voorbeeld)\n\n"
        "### Hoofdstuk  1  \n\n####Begripsbepalingen\n\n### §  1  \n\n####Algemeen\n\n"
        "### Artikel  1.1.1  \n\n1.  In deze wet wordt verstaan onder: \n\n"
        "–  *college:* college van burgemeester en wethouders;  \n\n"
        "–*maatschappelijke ondersteuning:* \n\n1°. bevorderen van de samenhang,\n\n2°. ondersteunen van de zelfredzaamheid;\n\n"
        "2.  Bij regeling kan worden bepaald.  \n"
    )
    doc = parse(text, "wet.md")
    assert doc.title == "Wet van 9 juli 2014 (Wet voorbeeld)"
    (chapter,) = [n for n in doc.root.children if n.kind is Kind.HOOFDSTUK]
    assert chapter.title == "Begripsbepalingen"
    (par,) = chapter.children
    assert (par.kind, par.number, par.title) == (Kind.PARAGRAAF, "1", "Algemeen")
    (art,) = par.children
    lid1, lid2 = art.children
    bullets = lid1.children
    assert [b.kind for b in bullets] == [Kind.ONDERDEEL, Kind.ONDERDEEL]
    assert [s.number for s in bullets[1].children] == ["1°", "2°"]
    assert lid2.own_text == "Bij regeling kan worden bepaald."


@pytest.mark.parametrize("marker", ["1.", "1)", "lid 1", "Lid 1."])
def test_lid_markers(parse, marker):
    second = marker.replace("1", "2")
    doc = parse(f"Artikel 3 Aanvraag\n\n{marker} Eerste lid.\n{second} Tweede lid.\n")
    assert [(c.kind, c.number) for c in doc.articles()[0].children] == [(Kind.LID, "1"), (Kind.LID, "2")]


@pytest.mark.parametrize("a, b", [("a.", "b."), ("a)", "b)"), ("sub a", "sub b"), ("1°.", "2°.")])
def test_onderdeel_markers(parse, a, b):
    doc = parse(f"Artikel 3 Aanvraag\n\n1. De aanvraag bevat:\n{a} de naam;\n{b} het adres.\n")
    lid = doc.articles()[0].children[0]
    assert [c.kind for c in lid.children] == [Kind.ONDERDEEL, Kind.ONDERDEEL]
    assert [c.own_text for c in lid.children] == ["de naam;", "het adres."]


@pytest.mark.parametrize("bullet", ["-", "–", "•", "*"])
def test_bullets(parse, bullet):
    doc = parse(f"Artikel 1 Kernwaarden\n\nWe werken zo:\n{bullet} samen;\n{bullet} dichtbij.\n")
    art = doc.articles()[0]
    assert [c.own_text for c in art.children] == ["samen;", "dichtbij."]
    assert art.children[1].path == "artikel 1, opsomming 2"


def test_wrapped_items_and_nested_numbered_list(parse):
    text = (
        "Artikel 7 Gedragingen\n\nGedragingen worden onderscheiden in:\n\n"
        "   a. eerste categorie: het zich niet tijdig laten registreren bij het\n   Uitvoeringsinstituut;\n\n"
        "   b. tweede categorie:\n      1. het niet meewerken aan een plan;\n      2. het niet verrichten van\n"
        "      een tegenprestatie;\n\n   c. derde categorie: het niet aanvaarden van arbeid.\n"
    )
    art = parse(text).articles()[0]
    a, b, c = art.children
    assert a.own_text == "eerste categorie: het zich niet tijdig laten registreren bij het Uitvoeringsinstituut;"
    assert [s.kind for s in b.children] == [Kind.SUBONDERDEEL, Kind.SUBONDERDEEL]
    assert b.children[1].own_text == "het niet verrichten van een tegenprestatie;"
    assert b.children[1].path == "artikel 7, onder b, sub 2"
    assert c.number == "c"


def test_preamble_toelichting_and_ondertekening(parse):
    text = (
        "Verordening jeugdhulp Dronten 2026\n\nDe raad van de gemeente Dronten;\n\n"
        "gelet op artikel 2.9 van de Jeugdwet;\n\nbesluit vast te stellen:\n\n"
        "Artikel 1 Doel\n\nDeze verordening regelt jeugdhulp.\n\n"
        "Aldus vastgesteld in de openbare vergadering van 1 juli 2026.\n\nDe griffier,\n\n"
        "Toelichting\n\nArtikel 1\n\nDit artikel noemt het doel.\n"
    )
    doc = parse(text)
    assert doc.title == "Verordening jeugdhulp Dronten 2026"
    kinds = [n.kind for n in doc.root.children]
    assert kinds == [Kind.PREAMBLE, Kind.ARTIKEL, Kind.ONDERTEKENING, Kind.TOELICHTING]
    assert [a.number for a in doc.articles()] == ["1"]  # the toelichting's 'Artikel 1' is not an article
    preamble = doc.root.children[0]
    assert not preamble.in_rule_text and "gelet op artikel 2.9" in preamble.own_text


def test_paths_and_spans(parse):
    text = "Artikel 4.2 Beslissing\n\n1. Eerste.\n2. Tweede.\n3. Het college let op:\n   a. uw situatie;\n   b. uw netwerk.\n"
    doc = parse(text)
    item_b = doc.articles()[0].children[2].children[1]
    assert item_b.path == "artikel 4.2, lid 3, onder b"
    assert doc.lines.position(item_b.start) == (7, 1)
    assert doc.node_at(text.index("netwerk")) is item_b
    assert doc.node_at(text.index("Tweede")).path == "artikel 4.2, lid 2"


def test_unstructured_text_becomes_one_block_with_a_warning(lint, parse):
    text = "De inwoner meldt zich.\nHet college onderzoekt de vraag.\n"
    doc = parse(text)
    assert [n.kind for n in doc.root.children] == [Kind.BLOCK]
    findings = lint(text)
    assert [(f.code, f.line) for f in findings if f.code == "STR002"] == [("STR002", 1)]


def test_comments_are_not_text(parse):
    text = "Artikel 1 Doel\n\n<!-- verolint: disable VAG101 -->\nDeze verordening regelt hulp. <!-- opmerking -->\n%% interne notitie\n"
    doc = parse(text, "a.md")
    assert doc.articles()[0].own_text == "Deze verordening regelt hulp."
    assert len(doc.text) == len(doc.source)


def test_encodings_and_line_endings(tmp_path):
    from verolint.readers import read_path

    text = "Artikel 1 Cliënt\r\n\r\nDe cliënt krijgt één beslissing.\r\n"
    for name, data in [
        ("bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("cp1252.txt", text.encode("cp1252")),
        ("utf16.txt", text.encode("utf-16")),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        doc = read_path(path)
        assert doc.articles()[0].title == "Cliënt", name
        assert doc.articles()[0].own_text == "De cliënt krijgt één beslissing.", name


def test_binary_and_unknown_files_give_clear_errors(tmp_path):
    from verolint.errors import ReadError
    from verolint.readers import read_path

    (tmp_path / "x.txt").write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(ReadError, match="binair"):
        read_path(tmp_path / "x.txt")
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(ReadError, match="bestandstype"):
        read_path(tmp_path / "x.pdf")


def test_chunked_parsing_gives_the_same_lines(monkeypatch):
    """Long texts are parsed in chunks of lines; the chunk size must not matter."""
    import verolint.readers.plaintext as plaintext

    text = ("Hoofdstuk 1 Algemeen\n\nArtikel 1 Doel\n\n1. Eerste lid.\n   a. onderdeel;\n   b. nog een.\n2. Tweede.\n\n" * 40)
    whole = plaintext.lex_lines(text)
    monkeypatch.setattr(plaintext, "CHUNK_LINES", 7)
    chunked = plaintext.lex_lines(text)
    key = lambda l: (l.type, l.start, l.end, l.lineno, l.rest_start, l.number)  # noqa: E731
    assert [key(l) for l in whole] == [key(l) for l in chunked]
