"""The layouts of real published regulations, one small invented fixture per pattern.

Each test states how a drafter reads the text; the corpus counts of the real
regulations are in test_corpus.py.
"""

from __future__ import annotations

import textwrap

from verolint.model import Kind


def _doc(parse, text: str, name: str = "v.txt"):
    return parse(textwrap.dedent(text).lstrip("\n"), name)


def _kinds(doc, kind: Kind) -> list[tuple[str | None, str | None]]:
    return [(n.number, n.title) for n in doc.root.iter(kind) if n.in_rule_text]


OMGEKEERD = """
    Verordening sociaal domein Testdorp 2026

    1. Inleiding
    Deze verordening gaat over hulp.

    1.1 Waarom deze regels?
    We vinden het belangrijk dat:
    • inwoners meedoen;
    • kinderen veilig opgroeien.

    1.2 Kernwaarden
    De gemeente werkt vanuit deze kernwaarden:
    1. Inwoners zijn eerst zelf verantwoordelijk.
    2. De gemeente helpt waar dat nodig is.

    2. De hulpvraag
    Kernwaarden:
    ❖ De gemeente maakt hulp makkelijk bereikbaar.
    ❖ De gemeente vraagt niet meer dan nodig is.

    Stap 1: Melding bij de gemeente

    Artikel 2.1.1 Indienen hulpvraag
    [Jeugdwet, Wmo]
    Inwoners melden zich bij de gemeente.

    Artikel 2.1.2 Gesprek
    1. De medewerker voert een gesprek.
    2. Om te bepalen of de gemeente hulp geeft, volgt de gemeente deze stappen:
    Stap 1: De gemeente stelt vast wat de hulpvraag is.
    Stap 2: De gemeente bepaalt welke hulp nodig is.
    3. De gemeente legt het gesprek vast.

    2.2 Uitzonderingen

    Artikel 2.2.1 Spoed
    In spoedeisende gevallen helpt de gemeente direct.

    3. Wonen
    [Wmo]

    3.1 Uitgangspunten
    1. De gemeente zet zich in voor zelfstandig wonen.
    2. De gemeente stelt normen vast.

    3.2 Hardheidsclausule
    De gemeente kan afwijken van deze verordening als toepassing een onredelijke uitkomst heeft.

    3.3 Naam
    Deze verordening wordt genoemd: Verordening sociaal domein Testdorp 2026.

    4. Begrippenlijst
    Gemeente: het college van burgemeester en wethouders.
    Inwoner: wie in Testdorp woont.
"""


def test_omgekeerde_layout_chapters_sections_steps_and_law_tags(parse):
    doc = _doc(parse, OMGEKEERD)
    assert _kinds(doc, Kind.HOOFDSTUK) == [("1", "Inleiding"), ("2", "De hulpvraag"), ("3", "Wonen"),
                                           ("4", "Begrippenlijst")]
    assert [a.number for a in doc.articles()] == ["1.1", "1.2", "2.1.1", "2.1.2", "2.2.1", "3.1", "3.2", "3.3"]
    # a section that groups 'Artikel 2.2.1' is a paragraph, a step heading groups the articles after it
    paragraphs = list(doc.root.iter(Kind.PARAGRAAF))
    assert [(p.label, p.title) for p in paragraphs] == [("stap 1", "Melding bij de gemeente"),
                                                        ("paragraaf 2.2", "Uitzonderingen")]
    art = next(a for a in doc.articles() if a.number == "2.1.1")
    assert art.parent.label == "stap 1" and art.laws == ("Jeugdwet", "Wmo")
    assert art.own_text == "Inwoners melden zich bij de gemeente."  # the law tag is not rule text
    # steps inside a lid are text of that lid, not headings; the leden stay 1, 2, 3
    gesprek = next(a for a in doc.articles() if a.number == "2.1.2")
    assert [c.number for c in gesprek.children] == ["1", "2", "3"]
    assert "Stap 2: De gemeente bepaalt" in gesprek.children[1].own_text
    assert doc.root.iter(Kind.HOOFDSTUK).__next__().children[0].title == "Waarom deze regels?"
    assert doc.meta["citeertitel"] == "Verordening sociaal domein Testdorp 2026"
    assert not doc.structure_unsure


def test_omgekeerde_layout_document_claims(lint):
    findings = lint(textwrap.dedent(OMGEKEERD).lstrip("\n"), "v.md")
    codes = {f.code for f in findings}
    # a hardheidsclausule in section 3.2, a citeertitel in 3.3 and 'Gemeente: het college' in the begrippenlijst
    assert not codes & {"RIG003", "STR102", "OMG101", "NUM003", "NUM001", "NUM005"}


def test_toelichting_in_the_aanhef_before_the_articles(lint, parse):
    text = textwrap.dedent("""
        Beleidsregels meldingen Testdorp

        Toelichting
        Deze beleidsregels leggen uit hoe het college meldingen behandelt.

        Het college van burgemeester en wethouders besluit:

        Artikel 1 Melding
        Het college bevestigt een melding binnen vijf dagen.

        Artikel 2 Gesprek
        Het college voert binnen twee weken een gesprek.
    """).lstrip("\n")
    doc = parse(text, "v.txt")
    assert [a.number for a in doc.articles()] == ["1", "2"]
    toelichting = next(doc.root.iter(Kind.TOELICHTING))
    assert "leggen uit" in toelichting.own_text and "bevestigt" not in toelichting.own_text
    found = [f for f in lint(text, "v.txt") if f.code == "STR007"]
    assert [(f.line, f.severity.name) for f in found] == [(3, "INFO")]
    assert found[0].message == ("de toelichting vóór het eerste artikel (r. 3–6) is als toelichting gelezen, "
                                "de artikelen daarna als de regeling")


def test_artikelsgewijze_toelichting_keeps_its_article_headings(parse):
    doc = _doc(parse, """
        Artikel 1 Melding
        De inwoner meldt zich.

        Artikelsgewijze toelichting

        Artikel 1
        Dit artikel regelt de melding.
    """)
    assert [a.number for a in doc.articles()] == ["1"]


def test_table_of_contents_is_kept_out_of_the_articles(parse):
    body = """
        HOOFDSTUK 1: ALGEMEEN
        Artikel 1. Begrippen
        Artikel 2. Doel
        HOOFDSTUK 2: HULP
        Artikel 3. Melding

        HOOFDSTUK 1: ALGEMEEN

        Artikel 1. Begrippen
        In deze verordening wordt verstaan onder inwoner: wie hier woont.

        Artikel 2. Doel
        Deze verordening regelt hulp.

        HOOFDSTUK 2: HULP

        Artikel 3. Melding
        De inwoner meldt zich.
    """
    doc = _doc(parse, "Verordening Testdorp\n\nDe raad besluit:\n" + textwrap.dedent(body))
    assert [a.number for a in doc.articles()] == ["1", "2", "3"]
    assert all(not a.is_empty for a in doc.articles())
    toc = next(doc.root.iter(Kind.INHOUDSOPGAVE))
    assert toc.parent.kind is Kind.PREAMBLE and "Artikel 3. Melding" in toc.own_text
    assert len(_kinds(doc, Kind.HOOFDSTUK)) == 2


def test_contents_of_an_omgekeerde_verordening_before_numbered_chapters(parse):
    doc = _doc(parse, """
        Inhoudsopgave

        Hoofdstuk 1. Inleiding

        Hoofdstuk 2. De hulpvraag

        Hoofdstuk 3. Wonen

        1. Inleiding

        1.1 Waarom deze regels?
        Omdat hulp nodig is.
    """)
    assert _kinds(doc, Kind.HOOFDSTUK) == [("1", "Inleiding")]
    assert [a.number for a in doc.articles()] == ["1.1"]


def test_nested_lists_are_never_promoted_to_leden(parse):
    doc = _doc(parse, """
        Artikel 5 Voorzieningen
        1. Het college verstrekt:
        a. begeleiding;
        i. basis;
        ii. plus;
        b. verblijf, waaronder:
        i. beschermd wonen
        1. nabij
        2. toezicht
        ii. kamerwonen
        1. licht
        2. intensief
        h. dagbesteding;
        i. logeeropvang.
        2. Een pgb wordt verstrekt indien:
        a. de cliënt voldoende in staat is:
        1. cliënt heeft overzicht;
        2. cliënt kent de regels;
        3. cliënt kan een administratie bijhouden.
        b. de cliënt dat wenst.
        3. Het college kan nadere regels stellen.
    """)
    art = doc.articles()[0]
    assert [c.number for c in art.children] == ["1", "2", "3"]
    lid1 = art.children[0]
    assert [(c.kind, c.number) for c in lid1.children] == [
        (Kind.ONDERDEEL, "a"), (Kind.ONDERDEEL, "b"), (Kind.ONDERDEEL, "h"), (Kind.ONDERDEEL, "i")]
    verblijf = lid1.children[1]
    assert [c.number for c in verblijf.children] == ["i", "ii"]
    assert [c.number for c in verblijf.children[0].children] == ["1", "2"]
    assert [c.number for c in art.children[1].children[0].children] == ["1", "2", "3"]


def test_last_lid_after_a_nested_list_by_its_shape(parse):
    doc = _doc(parse, """
        Artikel 5 Voorzieningen
        1. Een voorziening wordt toegekend op deze gebieden:
        a. wonen
        2. De ondersteuning bestaat uit:
        a. Verblijf, waaronder:
        i. Aanvullende begeleiding
        1. Dagbesteding
        2. Begeleiding complex
        3. Voor de onderbouwing van de omvang gebruikt het college een normenkader.
    """)
    assert [c.number for c in doc.articles()[0].children] == ["1", "2", "3"]


def test_onderdelen_run_on_after_z(lint):
    letters = "abcdefghijklmnopqrstuvwxyz"
    items = "\n".join(f"{c}. term {c}: uitleg;" for c in letters) + "\naa. term aa: uitleg;\nbb. term bb: uitleg.\n"
    text = "Artikel 1 Begrippen\nIn deze verordening wordt verstaan onder:\n" + items
    assert not [f for f in lint(text, "v.txt") if f.code.startswith("NUM")]


def test_bullet_prefixed_numbering_from_web_pages(parse):
    doc = _doc(parse, """
        Hoofdstuk 4. Toegang
        Artikel 4. Melding
        - 1.
        Jeugdigen melden zich bij het loket.
        - 2.
        Het college beslist:
          • a.
            binnen acht weken;
          • b.
            schriftelijk.
    """)
    art = doc.articles()[0]
    assert [(c.kind, c.number) for c in art.children] == [(Kind.LID, "1"), (Kind.LID, "2")]
    assert art.children[0].own_text == "Jeugdigen melden zich bij het loket."
    assert [(c.number, c.own_text) for c in art.children[1].children] == [("a", "binnen acht weken;"), ("b", "schriftelijk.")]


def test_sections_without_artikel_and_titles_on_the_next_line(parse):
    doc = _doc(parse, """
        HOOFDSTUK 2
        Maatwerkvoorzieningen zijn er in vele vormen.

        2.1
        Algemeen
        De Wmo is erop gericht dat mensen zelfstandig wonen.

        2.2
        Verhuizing
        Soms is verhuizen beter.
    """)
    assert [(a.number, a.title) for a in doc.articles()] == [("2.1", "Algemeen"), ("2.2", "Verhuizing")]


def test_free_text_beleidsregels_keep_every_line(parse):
    text = textwrap.dedent("""
        Beleidsregels woonvoorzieningen

        Eigen kracht
        Van de inwoner wordt verwacht dat hij zelf zorgt voor:
        - klein onderhoud;
        - een verhuizing.
        Gebruikelijke hulp
        Huisgenoten helpen bij het huishouden.
    """).lstrip("\n")
    doc = parse(text, "v.txt")
    covered = " ".join(n.own_text for n in doc.root.walk())
    for line in text.splitlines():
        bare = line.strip().lstrip("- ")
        if bare:
            assert bare in covered
    # the heading after a finished list item is not glued to that item
    item = [n for n in doc.root.walk() if n.kind is Kind.ONDERDEEL][-1]
    assert item.own_text == "een verhuizing."
    assert doc.structure_unsure  # no articles: STR002, and no claims about the whole document


def test_heading_like_lines_that_stay_text_are_reported(lint):
    text = "Artikel 1 Doel\n\nDeze verordening regelt hulp.\n\nArtikel Begripsbepalingen\n\nIn deze verordening wordt verstaan onder inwoner: wie hier woont.\n"
    found = [f for f in lint(text, "v.txt") if f.code == "STR007"]
    assert [(f.line, f.column, f.end_column) for f in found] == [(5, 1, 26)]
    assert found[0].message == "'Artikel Begripsbepalingen' lijkt een kop (artikelkop zonder nummer) en is als gewone tekst gelezen"


def test_unit_that_swallows_numbered_chapters_is_doubted(lint, parse):
    text = textwrap.dedent("""
        Artikel 1 Doel
        1. Deze verordening regelt hulp.

        2. Wonen in een veilige omgeving

        3. Kritiek op de uitvoering

        4. De gemeente behandelt klachten volgens de Awb.
    """).lstrip("\n")
    doc = parse(text, "v.txt")
    assert doc.structure_unsure
    found = [f for f in lint(text, "v.txt") if f.code == "STR007"]
    assert [(f.line, f.severity.name) for f in found] == [(1, "WARNING")]
    assert "artikel 1 bevat 2 genummerde regels die op hoofdstukkoppen lijken" in found[0].message
    assert not [f for f in lint(text, "v.txt") if f.code in ("RIG003", "STR102", "STR103")]


def test_tree_explain_shows_how_each_line_was_read(cli, tmp_path):
    path = tmp_path / "v.md"
    path.write_text(textwrap.dedent(OMGEKEERD).lstrip("\n"), encoding="utf-8")
    result = cli("tree", "--explain", str(path))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(l.split() [:4] == ["r.", "3", "hoofdstuk", "1"] for l in lines)
    assert any("wettelijke grondslag van artikel 2.1.1" in l and "[Jeugdwet, Wmo]" in l for l in lines)
    assert any("stap 1" in l and "Stap 1: Melding bij de gemeente" in l for l in lines)
    assert any("tekst van lid 2" in l and "Stap 2: De gemeente bepaalt" in l for l in lines)


def test_docx_soft_line_breaks_are_line_breaks(tmp_path):
    import docx
    from docx.enum.text import WD_BREAK

    from verolint.readers import read_path

    d = docx.Document()
    d.add_paragraph("Artikel 1 Melding")
    p = d.add_paragraph("1. De inwoner meldt zich.")
    run = p.add_run()
    run.add_break(WD_BREAK.LINE)
    p.add_run("2. Het college beslist binnen acht weken.")
    path = tmp_path / "v.docx"
    d.save(path)
    art = read_path(path).articles()[0]
    assert [(c.number, c.own_text) for c in art.children] == [
        ("1", "De inwoner meldt zich."), ("2", "Het college beslist binnen acht weken.")]


def test_cvdr_xml_sibling_lists_loose_onderdelen_and_toelichting_in_the_aanhef():
    from pathlib import Path

    from verolint.readers import read_path

    doc = read_path(Path(__file__).parent / "fixtures" / "cvdr" / "CVDR999002_1.xml")
    assert doc.format == "cvdr"
    assert [(a.number, a.title) for a in doc.articles()] == [("1", "Toekenning"), ("2", "Citeertitel")]
    art = doc.articles()[0]
    # leden from the nr pattern; the sibling list of onderdelen and the loose 'c.' alinea belong to lid 2
    assert [(c.kind, c.number) for c in art.children] == [(Kind.LID, "1"), (Kind.LID, "2"), (Kind.LID, "3")]
    assert [(c.number, c.own_text) for c in art.children[1].children] == [
        ("a", "als een huisgenoot de hulp kan geven;"), ("b", "als de hulp algemeen gebruikelijk is."),
        ("c", "als de inwoner al een pgb voor deze hulp heeft.")]
    ziekte = art.children[2].children[0]
    assert [(c.kind, c.number) for c in ziekte.children] == [(Kind.SUBONDERDEEL, "1°"), (Kind.SUBONDERDEEL, "2°")]
    # the explanatory text in the aanhef never hides the articles; findings point at XML lines
    assert doc.root.children[0].kind is Kind.PREAMBLE and "leggen uit" in doc.root.children[0].own_text
    assert doc.position(art.children[1].children[2].start)[0] == 29
    assert doc.meta["citeertitel"] == "Beleidsregels hulp bij het huishouden Testdorp 2026"


def test_upper_case_roman_sub_items(parse):
    doc = _doc(parse, """
        Artikel 8 Criteria
        1. Een cliënt komt in aanmerking:
        a. als hij niet kan voorzien:
        I. op eigen kracht;
        II. met gebruikelijke hulp;
        IV. met mantelzorg.
        b. als hij zich niet kan handhaven.
    """)
    onder_a = doc.articles()[0].children[0].children[0]
    assert [(c.kind, c.number) for c in onder_a.children] == [
        (Kind.SUBONDERDEEL, "I"), (Kind.SUBONDERDEEL, "II"), (Kind.SUBONDERDEEL, "IV")]
    assert [c.number for c in doc.articles()[0].children[0].children] == ["a", "b"]


def test_definitions_in_table_cells_copied_as_text(lint, parse):
    """Older CVDR pages set the begripsbepalingen in a table; copied as text, each cell ends
    in '|'. The terms are read without the bars, and no rule stumbles over them (DEF003
    once crashed on the term '| wet')."""
    from verolint.analysis import Analysis

    text = ("Artikel 1 Begripsbepalingen\nIn deze verordening wordt verstaan onder:\n"
            "a. |\nwet: |\nWet maatschappelijke ondersteuning 2015 |\n"
            "b. |\nmantelzorger: |\neen persoon die mantelzorg verleent als bedoeld in artikel 1.1.1 van de wet; |\n"
            "c. |\n| |\n\nArtikel 2 Hulp\nHet college helpt de mantelzorger op grond van de wet.\n")
    assert [d.term for d in Analysis(_doc(parse, text)).definitions] == ["wet", "mantelzorger"]
    assert not [f for f in lint(text, "v.txt") if f.code == "INT001"]
