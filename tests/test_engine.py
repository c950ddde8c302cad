"""The engine: a crashing rule, shared analyses per option, one registry per
run, and the linear internal-duplicate check."""

from __future__ import annotations

from pathlib import Path

import pytest

from verolint.config import Settings
from verolint.engine import Linter
from verolint.readers import read_string
from verolint.registry import builtin_registry

FIXTURES = Path(__file__).parent / "fixtures"


def _boom(self, doc, ctx):
    raise IndexError("kapot")
    yield  # pragma: no cover - a generator, like real rules


def test_a_crashing_rule_leaves_one_finding_and_the_others_stay(monkeypatch):
    monkeypatch.setattr(type(builtin_registry().get("VAG001")), "check", _boom)
    doc = read_string("Artikel 1 Doel\n\nHet college verstrekt zo nodig een voorziening en/of hulp.\n", "v.txt")
    findings = Linter().lint(doc, Settings())
    crash = [f for f in findings if f.code == "INT001"]
    assert len(crash) == 1
    f = crash[0]
    assert f.severity.name == "ERROR" and f.line == 1 and f.path == ""
    assert f.message.startswith("interne fout in regel VAG001 (IndexError: kapot, test_engine.py:")
    assert f.message.endswith("de andere regels zijn wel uitgevoerd")
    assert f.suggestion.endswith("zet tot dan VAG001 uit met --ignore VAG001.")
    assert "VAG101" in {g.code for g in findings}  # 'en/of', found by another rule


def test_a_crashing_rule_ends_the_run_with_2_but_reports_everything(monkeypatch, cli, tmp_path):
    monkeypatch.setattr(type(builtin_registry().get("VAG001")), "check", _boom)
    path = tmp_path / "v.txt"
    path.write_text("Artikel 1 Doel\n\nHet college verstrekt een voorziening en/of hulp.\n", encoding="utf-8")
    result = cli("check", str(path), "-f", "concise", "--isolated", "--exit-zero")
    assert result.exit_code == 2  # an incomplete check is not a pass, even with --exit-zero
    assert "INT001" in result.stdout and "VAG101" in result.stdout


def test_rules_run_on_a_text_without_articles():
    """Found by the whole-linter property test: RIG005 read the title of an
    article that was not there."""
    doc = read_string("Het college weigert de aanvraag als u te laat bent.\n", "v.txt")
    findings = Linter().lint(doc, Settings())
    assert [f for f in findings if f.code == "INT001"] == []
    assert "RIG005" in {f.code for f in findings}


def test_statute_matches_follow_each_rules_own_statutes():
    """DUP002 compares with its own statutes; DUP001, configured without them,
    must not report what DUP002's statutes give (they used to share a result)."""
    text = "Artikel 1 Beslissen\n\nHet college geeft de beschikking binnen twee weken na ontvangst van de aanvraag.\n"
    statutes = [str(FIXTURES / "statutes")]
    both = Settings(rule_options={"DUP001": {"statutes": statutes}, "DUP002": {"statutes": statutes}})
    only_dup002 = Settings(rule_options={"DUP002": {"statutes": statutes}})
    cites = lambda settings: [f.message for f in Linter().lint(read_string(text, "v.txt"), settings)  # noqa: E731
                              if f.code == "DUP001" and "voorbeeldondersteuning" in f.message]
    assert cites(both)
    assert cites(only_dup002) == []  # DUP001 compares with the built-in laws only


def test_language_level_follows_each_rules_own_allow_list():
    """LNG001's 'allow' must not leak into LNG002's article level (they used to
    share the scored sentences)."""
    text = ("Artikel 1 Voorziening\n\nHet college verstrekt conform het plan alsmede de afspraken derhalve de hulp "
            "aan de inwoner die daarom vraagt en die daarvoor in aanmerking komt op grond van deze verordening.\n\n"
            "Het college verstrekt conform de regels alsmede het plan derhalve de hulp aan de inwoner die daarom "
            "vraagt en die daarvoor in aanmerking komt op grond van deze verordening.\n")
    allowing = Settings(rule_options={"LNG001": {"allow": ["conform", "alsmede", "derhalve"]}})
    findings = Linter().lint(read_string(text, "v.txt"), allowing)
    assert [f.code for f in findings if f.code.startswith("LNG0")] == ["LNG002"]
    plain = Linter().lint(read_string(text, "v.txt"), Settings())
    assert sorted(f.code for f in plain if f.code.startswith("LNG0")) == ["LNG001", "LNG001", "LNG002"]


def test_a_user_rule_pack_is_loaded_once_per_run(cli, tmp_path, monkeypatch):
    from verolint import registry

    pack = tmp_path / "eigen.yaml"
    pack.write_text(
        "rules:\n  - code: EIG001\n    kind: existence\n    category: vague-phrasing\n"
        "    message: \"'{match}' is vaag\"\n    phrases: [zo nodig]\n"
        "    examples: {bad: [zo nodig], good: [altijd]}\n", encoding="utf-8")
    (tmp_path / ".verolint.yaml").write_text("rule-packs: [eigen.yaml]\n", encoding="utf-8")
    for i in range(5):
        (tmp_path / f"v{i}.txt").write_text("Artikel 1 Doel\n\nHet college helpt zo nodig.\n", encoding="utf-8")
    loads = []
    original = registry.Registry.add_pack
    monkeypatch.setattr(registry.Registry, "add_pack", lambda self, p, **kw: (loads.append(Path(p).name), original(self, p, **kw)))
    monkeypatch.chdir(tmp_path)
    result = cli("check", ".", "-f", "concise", "-j", "1")
    assert result.stdout.count("EIG001") == 5
    assert loads.count("eigen.yaml") == 1


def test_one_passage_repeated_many_times_is_one_finding_each():
    """The same lid in 300 articles: one finding per later place, naming the
    first place and how many more (not one per pair: 89,700 findings); the
    first place is where the text belongs, so it gets none."""
    lid = "Het college beslist binnen acht weken op een aanvraag om een maatwerkvoorziening voor de inwoner."
    text = "".join(f"Artikel {i} Beslissen\n\n{lid}\n\n" for i in range(1, 301))
    findings = [f for f in Linter().lint(read_string(text, "v.txt"), Settings()) if f.code == "DUP003"]
    assert len(findings) == 299
    assert findings[0].path == "artikel 2"
    assert findings[0].message == ("staat ook op regel 3 (artikel 1) en op 298 andere plaatsen: "
                                   "dezelfde tekst op meer plaatsen")
    assert all(f.message == findings[0].message for f in findings)


def test_two_places_keep_the_plain_message():
    lid = "Het college beslist binnen acht weken op een aanvraag om een maatwerkvoorziening voor de inwoner."
    text = f"Artikel 1 A\n\n{lid}\n\nArtikel 2 B\n\n{lid}\n"
    findings = [f for f in Linter().lint(read_string(text, "v.txt"), Settings()) if f.code == "DUP003"]
    assert [(f.line, f.message) for f in findings] == [
        (7, "staat ook op regel 3 (artikel 1): dezelfde tekst op twee plaatsen"),
    ]


def test_an_article_repeating_its_twin_is_one_finding():
    """A Jeugd article that repeats three leden of its Wmo twin: one finding on
    the later article that lists the other places, not six."""
    leden = ["Het college beslist binnen acht weken op een aanvraag om ondersteuning voor de inwoner.",
             "De aanvrager verstrekt het college alle gegevens die nodig zijn voor het onderzoek naar de hulpvraag.",
             "Het college kan de aanvrager en zijn mantelzorger uitnodigen voor een persoonlijk gesprek over de "
             "mogelijkheden van het sociale netwerk."]
    body = "".join(f"{i}. {lid}\n" for i, lid in enumerate(leden, 1))
    text = f"Artikel 1 Wmo\n\n{body}\nArtikel 2 Jeugd\n\n{body}"
    findings = [f for f in Linter().lint(read_string(text, "v.txt"), Settings()) if f.code == "DUP003"]
    assert [(f.line, f.message, f.places) for f in findings] == [
        (9, "artikel 2 herhaalt 3 passages uit artikel 1 (vanaf regel 3): dezelfde tekst op twee plaatsen",
         ((10, 4, "artikel 2, lid 2"), (11, 4, "artikel 2, lid 3"))),
    ]


def test_two_repeats_within_one_article_are_two_findings():
    """Lid 3 repeats lid 1 and lid 4 repeats lid 2 of the same article: two
    defects, each reported where it stands (the second used to be lost)."""
    a = "Het college beslist binnen acht weken op een aanvraag om een maatwerkvoorziening voor de inwoner."
    b = "De aanvrager verstrekt het college alle gegevens die nodig zijn voor het onderzoek naar de hulpvraag."
    text = f"Artikel 1 Beslissen\n\n1. {a}\n2. {b}\n3. {a}\n4. {b}\n"
    findings = [f for f in Linter().lint(read_string(text, "v.txt"), Settings()) if f.code == "DUP003"]
    assert [(f.line, f.path, f.message) for f in findings] == [
        (5, "artikel 1, lid 3", "staat ook op regel 3 (artikel 1, lid 1): dezelfde tekst op twee plaatsen"),
        (6, "artikel 1, lid 4", "staat ook op regel 4 (artikel 1, lid 2): dezelfde tekst op twee plaatsen"),
    ]


def test_a_term_in_the_frame_of_another_law_is_no_deviation():
    """'binnen twee weken nadat … aanvraag' shares only the frame of a term
    with an Awb article of four weeks about something else: no DUP002 (an
    error), but the Wmo 2015's own two weeks restated in other words (DUP004)."""
    text = "Artikel 6 Besluit\n\nU krijgt binnen twee weken nadat wij uw aanvraag hebben ontvangen een besluit van ons.\n"
    findings = [f for f in Linter().lint(read_string(text, "v.txt"), Settings()) if f.code.startswith("DUP")]
    assert [(f.code, f.message) for f in findings] == [
        ("DUP004", "zegt in eigen woorden wat de wet al regelt: de beschikking binnen twee weken na ontvangst van de "
                   "aanvraag (artikel 2.3.5, tweede lid, van de Wet maatschappelijke ondersteuning 2015)"),
    ]


def test_parallel_tariffs_are_not_the_same_text():
    text = ("Artikel 1 Tarieven\n\n"
            "1. Het pgb voor hulp door een persoon uit het sociale netwerk is 50 procent van het tarief van de zorg in natura.\n"
            "2. Het pgb voor hulp door een persoon uit het sociale netwerk is 90 procent van het tarief van de zorg in natura.\n")
    assert not [f for f in Linter().lint(read_string(text, "v.txt"), Settings()) if f.code == "DUP003"]


@pytest.mark.parametrize("text", ["", "\n\n", "Artikel 1\n", "a.\n1.\n", "Toelichting\n\nTekst."])
def test_degenerate_documents_do_not_crash_any_rule(text):
    findings = Linter().lint(read_string(text, "v.txt"), Settings())
    assert [f.message for f in findings if f.code == "INT001"] == []
