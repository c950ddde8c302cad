"""Language level: the model's features, what is (not) scored, options and output."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, codes
from verolint.readability import Analyzer


@pytest.fixture(scope="module")
def analyzer():
    from verolint.config import Settings
    from verolint.registry import builtin_registry
    from verolint.rules.language import jargon

    matcher, allow = jargon(Settings(), builtin_registry())
    return Analyzer("B2", matcher, allow=allow)


def test_flesch_douma_is_textstats_dutch_formula(analyzer):
    import textstat

    textstat.set_lang("nl")
    text = "Het college beslist binnen twee weken op uw aanvraag."
    (unit,) = analyzer.analyze_snippet(text)
    assert unit.words == 9 and unit.syllables == 15
    assert unit.fd == pytest.approx(textstat.flesch_reading_ease(text), abs=0.2)


def test_plain_sentence_is_b1(analyzer):
    (unit,) = analyzer.analyze_snippet("U krijgt binnen twee weken een besluit.")
    assert unit.level == "B1" and not analyzer.above(unit) and unit.reasons == []


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Indien alsmede onverminderd het bepaalde in artikel 4 een voorziening wordt verstrekt, geschiedt zulks ter verkrijging van de in artikel 3 bedoelde maatwerkvoorziening.", "ambtelijk: 'Indien', 'alsmede', 'onverminderd'"),
        ("De in het eerste lid bedoelde termijn kan eenmaal worden verlengd.", "uitgebreide bepaling: 'De in het eerste lid bedoelde termijn'"),
        ("Verrekening vindt plaats met inachtneming van de beslagvrije voet.", "naamwoordstijl: 'vindt plaats'"),
        ("De aanvraag wordt door het college binnen acht weken na ontvangst afgehandeld, waarbij het college let op de situatie van de aanvrager, die daarbij zijn netwerk betrekt.", "bijzinnen in één zin"),
    ],
)
def test_reasons_name_what_is_hard(analyzer, text, reason):
    """Each marker is named, also where the sentence as a whole stays at B2."""
    units = analyzer.analyze_snippet(text)
    assert any(reason in r for u in units for r in u.reasons), [u.reasons for u in units]


def test_length_and_markers_weigh_together(analyzer):
    """Calibrated on real ordinance text labelled before the rules ran (issue
    10): one official word does not lift a short sentence above B2; a long
    sentence with stacked clauses is above it."""
    (short,) = analyzer.analyze_snippet("Het college geeft informatie omtrent de mogelijkheden van het netwerk.")
    assert short.reasons == ["ambtelijk: 'omtrent'"] and not analyzer.above(short)
    (long,) = analyzer.analyze_snippet(
        "Indien de belanghebbende de uit de wet voortvloeiende verplichtingen niet of niet voldoende nakomt, wordt "
        "de bijstand door het college verlaagd met inachtneming van de ernst van de gedraging en de mate van "
        "verwijtbaarheid.")
    assert analyzer.above(long) and analyzer.weight(long) >= 9.5 > analyzer.weight(short)


def test_passive_and_naamwoordstijl_are_named(analyzer):
    (unit,) = analyzer.analyze_snippet("Ter verkrijging van de toeslag wordt door de aanvrager een formulier ingevuld.")
    assert any(r.startswith("lijdende vorm: 'wordt door de aanvrager een formulier ingevuld'") for r in unit.reasons)
    assert any(r.startswith("naamwoordstijl:") and "verkrijging van" in r for r in unit.reasons)


def test_compounds_take_their_heads_frequency():
    from verolint.readability import zipf

    assert zipf("participatieplan") >= 3.0  # as common as 'plan'
    assert zipf("verwijtbaarheid") < 3.0
    # written apart with hyphens: as common as the head, when the parts before it are words
    assert zipf("hulp-op-maat") >= 3.0 and zipf("indicatie-commissie") >= 3.0
    assert zipf("xqzv-commissie") < 3.0


def test_a_hyphenated_compound_of_plain_words_is_no_hard_word(analyzer):
    unit = analyzer.analyze_snippet("De gemeente biedt hulp-op-maat aan de inwoner die het zelf niet redt.")[0]
    assert not any(r.startswith("moeilijk woord") for r in unit.reasons)


LONG_DEFINITION = (
    "Artikel 1 Begripsbepalingen\n\nIn deze verordening wordt verstaan onder:\n"
    "a. maatwerkvoorziening: op de behoeften, persoonskenmerken en mogelijkheden van een persoon afgestemd "
    "geheel van diensten, hulpmiddelen, woningaanpassingen en andere maatregelen ten behoeve van zelfredzaamheid;\n\n"
    "Artikel 2 Hulp\n\nU krijgt een maatwerkvoorziening als u die nodig hebt.\n"
)


def test_the_laws_definitions_lists_and_toelichting_are_not_scored(lint):
    # (the maatwerkvoorziening in the words of artikel 1.1.1 Wmo 2015: DUP001's to report, not to reword)
    assert "LNG001" not in codes(lint(LONG_DEFINITION, select=("LNG001",)))
    listing = ("Artikel 1 Gesprek\n\nIn het gesprek bespreken we:\na. uw vraag;\nb. uw situatie;\nc. uw netwerk;\n"
               "d. uw gezondheid;\ne. uw geld;\nf. uw woning;\ng. uw werk;\nh. wat u zelf wilt.\n")
    assert lint(listing, select=("LNG001",)) == []
    toelichting = ("Artikel 1 Doel\n\nWe helpen u.\n\nToelichting\n\nIndien alsmede onverminderd het bepaalde in "
                   "artikel 4 een voorziening wordt verstrekt, geschiedt zulks ter verkrijging daarvan.\n")
    assert lint(toelichting, select=("LNG001",)) == []



def test_an_own_definition_is_read_and_the_drafting_formula_is_not(lint):
    """A definition of the regulation's own is a sentence a resident reads; the formulas of the
    begripsbepalingen ('In deze verordening wordt verstaan onder:', 'Alle begrippen die … hebben
    dezelfde betekenis als in …') are not the sentences to rewrite."""
    text = ("Artikel 1 Begripsbepalingen\n\n1. Alle begrippen die in deze verordening worden gebruikt en die niet "
            "nader worden omschreven, hebben dezelfde betekenis als in de Participatiewet, de Algemene wet "
            "bestuursrecht en de Gemeentewet.\n2. In deze verordening en de daarop berustende bepalingen wordt "
            "verstaan onder:\na. individuele voorziening: een op de jeugdige of zijn ouders toegesneden "
            "jeugdhulpvoorziening die door het college in natura of in de vorm van een persoonsgebonden budget wordt "
            "verstrekt op basis van een besluit, met inachtneming van de daaromtrent opgenomen bepalingen;\n"
            "b. regio: de gemeenten Dongen, Goirle en Tilburg.\n\nArtikel 2 Hulp\n\nHet college verstrekt een "
            "individuele voorziening in de regio.\n")
    found = lint(text, select=("LNG001",))
    assert [(f.line, f.text[:30]) for f in found] == [(5, "een op de jeugdige of zijn oud")]


LAW_DEFINITION = (
    "Verordening maatschappelijke ondersteuning\n\nArtikel 1 Begrippen\n\nIn deze verordening wordt verstaan onder:\n"
    "a. mantelzorg: hulp ten behoeve van zelfredzaamheid, participatie, beschermd wonen of opvang, die rechtstreeks "
    "voortvloeit uit een tussen personen bestaande sociale relatie en die niet wordt verleend in het kader van een "
    "hulpverlenend beroep;\nb. wet: Wet maatschappelijke ondersteuning 2015.\n\nArtikel 2 Hulp\n\n"
    "Het college verstrekt ten behoeve van de cliënt een maatwerkvoorziening volgens de wet, als mantelzorg niet genoeg is.\n")


def test_no_rewording_advice_on_a_definition_the_law_gives(lint):
    """DEF003 says: replace the definition by a reference to the law. Advice
    to reword it, or a fix of its words, would contradict that (one defect,
    one piece of advice); the same words elsewhere are still reported."""
    found = lint(LAW_DEFINITION, select=("DEF003", "LNG001", "LNG201"))
    assert [(f.code, f.text) for f in found] == [("DEF003", "mantelzorg"), ("LNG201", "ten behoeve van")]
    assert found[1].line == 11  # in artikel 2

def test_law_titles_do_not_count_as_hard_words(analyzer):
    (unit,) = analyzer.analyze_snippet(
        "Wij volgen hoofdstuk 9 van de Algemene wet bestuursrecht en de Wet maatschappelijke ondersteuning 2015.")
    assert unit.level == "B1", unit.reasons


SENTENCE_B2 = ("De consulent bespreekt met u welke ondersteuning past bij uw situatie en die van uw gezin, "
               "en legt de afspraken vast in een plan.")


def test_target_b1_is_stricter(lint):
    text = f"Artikel 1 Besluit\n\n{SENTENCE_B2}\n"
    assert lint(text, select=("LNG001",)) == []
    found = lint(text, select=("LNG001",), rule_options={"LNG001": {"target": "B1"}})
    assert codes(found) == ["LNG001"] and "zin boven B1" in found[0].message


def test_jargon_pack_allow_and_extra(lint):
    text = "Artikel 1 Hulp\n\nIndien u hulp vraagt, geven wij die hulp. Dat doen we middels een plan.\n"
    base = [f.text for f in lint(text, select=("LNG201",))]
    assert base == ["Indien", "middels"]
    opts = {"LNG201": {"allow": ["indien"], "extra": [{"phrase": "plan", "use": "afspraak", "reason": "eigen woord"}]}}
    assert [f.text for f in lint(text, select=("LNG201",), rule_options=opts)] == ["middels", "plan"]


def test_bad_target_is_a_config_error(tmp_path):
    from verolint.config import load_file
    from verolint.engine import validate_settings
    from verolint.errors import ConfigError
    from verolint.registry import builtin_registry

    cfg = tmp_path / ".verolint.yaml"
    cfg.write_text("rules:\n  LNG001:\n    target: A2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="B1 of B2"):
        validate_settings(load_file(cfg), builtin_registry())


def test_statistics_in_text_and_json(cli):
    sample = str(ROOT / "samples" / "verordening-wmo-klassiek.txt")
    out = cli("check", sample, "--statistics").stdout
    assert "Taalniveau" in out and "(doel B2): document" in out
    assert any(l.strip().startswith("artikel 3.1  B2") for l in out.splitlines())
    data = json.loads(cli("check", sample, "--format", "json", "--statistics").stdout)
    lang = data["files"][0]["statistics"]["language"]
    assert lang["target"] == "B2" and {a["path"] for a in lang["articles"]} >= {"artikel 1.1", "artikel 3.1"}


def test_heavy_libraries_load_only_when_the_language_rules_run():
    code = (
        "import sys, verolint.cli, verolint.engine, verolint.registry;"
        "verolint.registry.builtin_registry();"
        "print(sorted(m for m in ('textstat', 'wordfreq', 'nltk') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]", out.stderr


def test_syllables_are_textstats_without_importing_it():
    """verolint counts syllables with pyphen as textstat does for Dutch, without
    textstat's start-up cost (nltk); the counts must stay the same."""
    import subprocess
    import sys

    import textstat

    from verolint.readability import textstat_syllables

    textstat.set_lang("nl")
    for word in ["maatwerkvoorziening", "auto's", "niet-integer", "'s-Hertogenbosch", "café", "zo’n",
                 "hulpmiddelen", "beëindiging", "1e", "Wmo-consulent", "huishoudelijke"]:
        assert textstat_syllables(word) == textstat.syllable_count(word), word
    code = ("import sys; from verolint.readability import syllables; syllables('woning'); "
            "print('nltk' in sys.modules, 'textstat' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "VEROLINT_NO_CACHE": "1"})
    assert out.stdout.split() == ["False", "False"]


def test_frequency_table_is_wordfreqs_dutch_list_above_the_floor():
    """The shipped table (verolint/frequency_data) gives the same Zipf values as
    wordfreq for every word the rules can tell apart (>= 2.5), and 0 below."""
    pytest.importorskip("wordfreq", reason="wordfreq is in the test extras only")
    from verolint import frequency

    assert frequency.table() == frequency.from_wordfreq()
    assert frequency.zipf("aanvraag") >= 3.0 and frequency.zipf("verwijtbaarheid") < 3.0
