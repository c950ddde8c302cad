"""Restatements of the law in other words (DUP001 with the built-in statute set):
synonyms, numbers as anchors, a definition compared with the law's own
definition of the same term; a sentence that only cites the law is never a
repetition."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("VEROLINT_CACHE_DIR", str(tmp_path / "cache"))


def lint(text: str, codes=("DUP001", "DUP002")):
    from verolint.config import Settings
    from verolint.engine import Linter
    from verolint.readers import read_string

    doc = read_string("Verordening parafrase 2027\n\nArtikel 1 Bepaling\n\n" + text + "\n", "v.txt")
    return [f for f in Linter().lint(doc, Settings(select=codes)) if f.code in codes]


def test_synonyms_are_one_word_in_the_comparison():
    from verolint.statutes.shingles import normalise

    assert normalise("De voorziening wordt toegekend.") == normalise("De voorziening wordt verstrekt.")
    assert normalise("De voorziening wordt verleend.") == normalise("De voorziening wordt verstrekt.")
    assert normalise("een verzoek om hulp") == normalise("een aanvraag om ondersteuning")
    assert normalise("Het college besluit binnen een vast te stellen termijn.") == \
        normalise("Het college beslist binnen een vastgestelde termijn.")
    assert normalise("de verstrekking van gegevens") == normalise("het verstrekken van gegevens")
    # a noun whose verb means something else stays itself
    assert normalise("een gecertificeerde instelling") != normalise("een gecertificeerde instellen")


def test_a_wmo_sentence_restated_with_synonym_verbs_is_found_with_law_and_article():
    # Wmo 2015, artikel 2.3.6, eerste lid: "Indien de cliënt dit wenst, verstrekt het college hem
    # een persoonsgebonden budget dat de cliënt in staat stelt de diensten, … van derden te betrekken."
    text = ("Als de cliënt daarom verzoekt, kent het college hem een persoonsgebonden budget toe dat de cliënt "
            "in staat stelt de diensten, hulpmiddelen, woningaanpassingen en andere maatregelen die tot de "
            "maatwerkvoorziening behoren, van derden te betrekken.")
    found = lint(text)
    assert [f.code for f in found] == ["DUP001"]
    assert "artikel 2.3.6, eerste lid, van de Wet maatschappelijke ondersteuning 2015" in found[0].message


def test_a_sentence_that_only_cites_the_law_is_not_a_repetition():
    assert lint("Het college verstrekt de maatwerkvoorziening, bedoeld in artikel 2.3.5 van de wet.") == []
    assert lint("Op de aanvraag is artikel 2.3.2 van de Wet maatschappelijke ondersteuning 2015 van toepassing.") == []
    assert lint("Het college kent een persoonsgebonden budget toe als bedoeld in artikel 2.3.6 van de wet.") == []


def test_numbers_with_units_anchor_a_restatement():
    from verolint.statutes.shingles import normalise, numbers_with_units, shared_quantities, similarity

    law = ("Het college heroverweegt een besluit als bedoeld in het tweede lid binnen een door hem te bepalen "
           "termijn die ten hoogste drie maanden bedraagt.")
    ours = "Het college neemt binnen een door hem vast te stellen termijn van ten hoogste drie maanden opnieuw een besluit."
    shared = shared_quantities(numbers_with_units(ours), numbers_with_units(law))
    assert shared == 1
    assert similarity(normalise(ours), normalise(law), shared) > similarity(normalise(ours), normalise(law))
    assert numbers_with_units("gelijk aan 50% van het minimumloon") == {"procent": {50.0}}
    # another number with the same unit is no anchor (DUP002 reports the deviation)
    assert shared_quantities(numbers_with_units("binnen vier maanden"), numbers_with_units(law)) == 0


def test_a_definition_is_compared_with_the_laws_definition_of_the_same_term():
    # Jeugdwet, artikel 1.1: "*pleegzorgaanbieder:* jeugdhulpaanbieder die pleegzorg biedt;"
    found = lint("pleegzorgaanbieder: een jeugdhulpaanbieder die pleegzorg verleent;")
    assert len(found) == 1 and found[0].code == "DUP001"
    assert found[0].message.startswith("herhaalt de definitie van 'pleegzorgaanbieder' in artikel 1.1")
    assert "van de Jeugdwet" in found[0].message


def test_an_own_definition_of_a_term_the_law_does_not_define_is_not_reported():
    assert lint("wijkteam: team van professionals dat in een wijk het eerste aanspreekpunt is voor inwoners;") == []
    # the law's term, defined in other words with another meaning
    assert lint("pleegzorgaanbieder: organisatie die gezinnen werft voor vakantieopvang van kinderen;") == []


def test_zorg_dragen_in_its_word_orders_is_one_verb():
    from verolint.statutes.shingles import normalise

    law = normalise("Het college draagt er zorg voor dat een vertrouwenspersoon beschikbaar is.")
    assert normalise("Het college zorgt ervoor dat een vertrouwenspersoon beschikbaar is.") == law
    assert normalise("Het college is er verantwoordelijk voor dat een vertrouwenspersoon beschikbaar is.") == law
    assert normalise("dat jeugdigen een beroep kunnen doen op een vertrouwenspersoon") == \
        ["jeugdig", "beschikken", "vertrouwenspersoon"]


def test_a_list_item_of_the_law_restated_as_a_sentence_is_found_through_its_lead_in():
    # Jeugdwet, artikel 2.6, eerste lid: "Het college is er verantwoordelijk voor dat: … f. jeugdigen,
    # ouders of pleegouders een beroep kunnen doen op een vertrouwenspersoon, en"
    found = lint("Het college zorgt ervoor dat jeugdigen, ouders en pleegouders een beroep kunnen doen op "
                 "een onafhankelijke vertrouwenspersoon.")
    assert [f.code for f in found] == ["DUP001"]
    assert "artikel 2.6, eerste lid, onder f, van de Jeugdwet" in found[0].message


def test_the_laws_definitions_are_part_of_the_built_index():
    from verolint.statutes import builtin
    from verolint.statutes.index import definition_key

    index = builtin.load()
    units = index.definitions(definition_key("pleegzorgaanbieder"))
    assert len(units) == 1
    statute, path, text = index.unit(units[0])
    assert statute.title == "Jeugdwet" and "jeugdhulpaanbieder die pleegzorg biedt" in text


def test_a_repeated_definition_of_the_law_is_cited_by_its_term_not_by_a_list_position():
    # Wmo 2015, artikel 1.1.1, eerste lid: '– *mantelzorg:* hulp ten behoeve van zelfredzaamheid, …'
    # (an unlettered item of the begripsbepalingen, which a lawyer cannot cite by number)
    from verolint.legal import cite

    assert cite("Wet maatschappelijke ondersteuning 2015", "artikel 1.1.1, lid 1, opsomming 23") == \
        "artikel 1.1.1, eerste lid, van de Wet maatschappelijke ondersteuning 2015"
    assert cite("Wet maatschappelijke ondersteuning 2015", "artikel 1.1.1, lid 1, opsomming 21, sub 2°") == \
        "artikel 1.1.1, eerste lid, van de Wet maatschappelijke ondersteuning 2015"
    # a sentence (no definition of its own) that repeats the law's definition: the law's term is named
    found = lint("Mantelzorg is hulp ten behoeve van zelfredzaamheid, participatie, beschermd wonen, opvang, jeugdhulp, "
                 "het opvoeden en opgroeien van jeugdigen en zorg en overige diensten als bedoeld in de "
                 "Zorgverzekeringswet, die rechtstreeks voortvloeit uit een tussen personen bestaande sociale relatie en "
                 "die niet wordt verleend in het kader van een hulpverlenend beroep.", ("DUP001",))
    assert [f.message for f in found] == [
        "herhaalt de definitie van 'mantelzorg' in artikel 1.1.1, eerste lid, van de Wet maatschappelijke "
        "ondersteuning 2015 (gelijkenis 100%)"]
