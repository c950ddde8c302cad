"""Noise control (issue 10): one finding per repeated defect, a report in order
of importance, and no claims a text in hand cannot support (excerpts)."""

from __future__ import annotations

import json

from verolint.analysis import Analysis
from verolint.config import Settings
from verolint.engine import Linter
from verolint.readers import read_string

REPEATED = (
    "Artikel 1 Hulp\n\nHet college verstrekt zo nodig hulp.\n\n"
    "Artikel 2 Aanvraag\n\nHet college helpt zo nodig bij de aanvraag.\n\n"
    "Artikel 3 Besluit\n\nHet college beslist zo nodig later.\n\n"
    "Artikel 4 Verwijzing\n\nDe aanvraag, bedoeld in artikel 9, wordt bewaard.\n"
)


def test_the_same_finding_in_many_places_is_one_finding_listing_them(cli, tmp_path):
    doc = tmp_path / "v.txt"
    doc.write_text(REPEATED, encoding="utf-8")
    out = cli("check", str(doc), "--select", "VAG001", "--format", "concise").stdout.splitlines()
    assert out == [f"{doc}:3:23: VAG001 'zo nodig': er staat niet wanneer of waaraan dit wordt getoetst; "
                   "consulenten vullen het dan zelf in. (ook op regel 7 en 11) [artikel 1]"]
    data = json.loads(cli("check", str(doc), "--select", "VAG001", "--format", "json").stdout)
    (finding,) = data["findings"]
    assert finding["places"] == [{"line": 7, "column": 19, "path": "artikel 2"},
                                 {"line": 11, "column": 21, "path": "artikel 3"}]
    apart = cli("check", str(doc), "--select", "VAG001", "--format", "concise", "--no-group").stdout.splitlines()
    assert [line.split(": ", 1)[0] for line in apart] == [f"{doc}:3:23", f"{doc}:7:19", f"{doc}:11:21"]


def test_places_name_each_other_line_once(cli, tmp_path):
    doc = tmp_path / "v.txt"
    doc.write_text("Artikel 1 Hulp\n\nHet college verstrekt zo nodig hulp en zo nodig vervoer.\n\n"
                   "Artikel 2 Vervoer\n\nHet college helpt zo nodig en zo nodig ook thuis.\n", encoding="utf-8")
    out = cli("check", str(doc), "--select", "VAG001", "--format", "concise").stdout.splitlines()
    assert out == [f"{doc}:3:23: VAG001 'zo nodig': er staat niet wanneer of waaraan dit wordt getoetst; "
                   "consulenten vullen het dan zelf in. (ook op regel 7) [artikel 1]"]


def test_text_report_puts_errors_and_legal_defects_first(cli, tmp_path):
    doc = tmp_path / "v.txt"
    doc.write_text(REPEATED, encoding="utf-8")
    text = cli("check", str(doc), "--select", "VAG001,REF001").stdout.splitlines()
    assert text[0].startswith(f"{doc}:15:") and "REF001" in text[0]  # the error first, though it stands last
    assert "VAG001" in text[1]
    concise = cli("check", str(doc), "--select", "VAG001,REF001", "--format", "concise").stdout.splitlines()
    assert "VAG001" in concise[0] and "REF001" in concise[1]  # the concise format keeps the text order


def test_an_excerpt_is_not_held_to_the_whole_regulation():
    part = ("Beleidsregels Wmo (uittreksel)\n\nArtikel 3 Aanvraag\n\nDe aanvraag, bedoeld in artikel 1, wordt "
            "bewaard.\n\nArtikel 5 Besluit\n\nHet college beslist binnen acht weken.\n")
    doc = read_string(part, "v.txt")
    assert Analysis(doc).excerpt
    codes = {f.code for f in Linter().lint(doc, Settings())}
    assert not codes & {"NUM001", "STR102", "STR103", "REF001"}
    whole = read_string(part.replace("Artikel 3", "Artikel 1").replace(" (uittreksel)", ""), "v.txt")
    assert not Analysis(whole).excerpt
    assert {"NUM001", "STR102", "STR103"} <= {f.code for f in Linter().lint(whole, Settings())}


ABRIDGED = (
    "Verordening hulp\n\nArtikel 1.1 Begrippen\n\nIn deze verordening wordt verstaan onder:\n"
    "a. pgb: persoonsgebonden budget;\nb. mantelzorger: wie mantelzorg geeft.\n\n"
    "Artikel 1.2 Hulp\n\nHet college verstrekt een pgb, bedoeld in artikel 2.3.\n\n"
    "Artikel 1.5 Aanvraag\n\nDe aanvraag wordt schriftelijk gedaan.\n\n"
    "Artikel 4.1 Besluit\n\nHet college beslist binnen acht weken.\n"
)


def test_a_text_whose_numbering_jumps_in_several_places_is_read_as_a_part():
    doc = read_string(ABRIDGED, "v.txt")
    analysis = Analysis(doc)
    assert analysis.abridged and analysis.excerpt and not analysis.titled_excerpt
    found = [f for f in Linter().lint(doc, Settings()) if f.code in ("NUM001", "DEF001", "STR102", "STR103", "REF001")]
    (note,) = found  # one notice instead of two gaps, an unused term, a missing end and a dangling reference
    assert note.code == "NUM001" and note.severity.name == "INFO"
    assert note.message.startswith("in de artikelnummering ontbreekt op 2 plaatsen een stuk (1.2 → 1.5, 1.5 → 4.1); "
                                   "de tekst lijkt een deel van de regeling.")
    one_gap = read_string(ABRIDGED.replace("Artikel 4.1", "Artikel 1.6"), "v.txt")
    assert not Analysis(one_gap).abridged  # one gap is a slip of the drafter: reported as such
    assert [f.message for f in Linter().lint(one_gap, Settings()) if f.code == "NUM001"] == [
        "na artikel 1.2 volgt artikel 1.5; er ontbreekt een nummer"]


def test_jumps_in_the_numbering_scheme_count_as_missing_pieces():
    text = ABRIDGED.replace("Artikel 1.5 Aanvraag", "Artikel 5 Aanvraag").replace("Artikel 4.1", "Artikel 9.1")
    doc = read_string(text, "v.txt")
    assert Analysis(doc).abridged
    (note,) = [f for f in Linter().lint(doc, Settings()) if f.code.startswith(("NUM", "INT"))]
    assert note.message.startswith("in de artikelnummering ontbreekt op 2 plaatsen een stuk (1.2 → 5, 5 → 9.1)")


def test_a_text_cut_off_in_mid_sentence_is_read_as_a_part():
    opening = ("Verordening sociaal domein\n\nArtikel 1 Begrippen\n\nIn deze verordening wordt verstaan onder:\n"
               "a. jeugdige: een persoon jonger dan achttien jaar;\nb. bijdrage: de bijdrage als bedoeld in artikel 9\n")
    doc = read_string(opening, "v.txt")
    assert Analysis(doc).excerpt
    assert not {f.code for f in Linter().lint(doc, Settings())} & {"DEF001", "STR102", "STR103", "REF001"}
    ended = opening.replace("artikel 9\n", "artikel 9.\n") + ("\nArtikel 2 Hulp\n\nDe jeugdige krijgt hulp. Het college "
                                                             "vraagt geen bijdrage.\n")
    assert not Analysis(read_string(ended, "v.txt")).excerpt  # a full stop: the text ends where it means to


def test_the_begripsbepalingen_alone_are_read_as_a_part():
    """A text that holds only the definitions article says nothing about where its terms are used:
    no DEF001, and its definitions are read for language like any sentence."""
    text = ("Artikel 1 Begripsbepalingen\n\nIn deze verordening wordt verstaan onder:\n"
            "a. jeugdige: een persoon jonger dan achttien jaar;\n"
            "b. individuele voorziening: een op de jeugdige of zijn ouders toegesneden jeugdhulpvoorziening die door het "
            "college in natura of in de vorm van een persoonsgebonden budget wordt verstrekt op basis van een besluit, "
            "met inachtneming van de daaromtrent in de nadere regels opgenomen bepalingen.\n")
    doc = read_string(text, "v.txt")
    assert Analysis(doc).definitions_only and Analysis(doc).excerpt
    codes = [(f.code, f.line) for f in Linter().lint(doc, Settings())]
    assert ("DEF001", 4) not in codes and ("LNG001", 5) in codes
    whole = text + "\nArtikel 2 Hulp\n\nDe jeugdige krijgt hulp.\n"
    assert not Analysis(read_string(whole, "v.txt")).definitions_only
    assert ("DEF001", 5) in [(f.code, f.line) for f in Linter().lint(read_string(whole, "v.txt"), Settings())]


def test_in_a_part_of_a_regulation_an_exclusion_makes_no_claim_about_the_hardship_clause():
    part = "Artikel 5 Verhuizing\n\nVerhuiskosten zijn uitgesloten.\n"
    (finding,) = [f for f in Linter().lint(read_string(part, "v.txt"), Settings()) if f.code == "RIG001"]
    assert finding.message == "'zijn uitgesloten' sluit categorisch uit, zonder uitweg voor maatwerk."
    whole = part.replace("Artikel 5", "Artikel 1")
    (finding,) = [f for f in Linter().lint(read_string(whole, "v.txt"), Settings()) if f.code == "RIG001"]
    assert finding.message.endswith("De verordening heeft geen hardheidsclausule die hier een uitweg biedt.")


def test_a_law_reference_whose_name_follows_a_dot_is_not_internal():
    text = "Artikel 1 Begrippen\n\npgb: persoonsgebonden budget als bedoeld in artikel 1.1.1. Wmo, of in de Jeugdwet.\n"
    assert not [f for f in Linter().lint(read_string(text, "v.txt"), Settings()) if f.code == "REF001"]
