"""The per-user word cache is data only: nothing in it is executed, a file that
is not a JSON object counts as absent, and an entry of the wrong shape is worked
out again."""

import json
import os
import pickle

import pytest

from verolint import lexicon
from verolint.lexicon import Lexicon


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("VEROLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("VEROLINT_NO_CACHE", raising=False)
    return tmp_path


def _counting():
    calls = []

    def compute(word):
        calls.append(word)
        return (len(word), 1.5)

    return compute, calls


def test_cache_round_trip_is_json(cache):
    compute, calls = _counting()
    lex = Lexicon("t", compute)
    assert lex("woning") == (6, 1.5)
    lex.save()
    stored = json.loads(lex.path.read_text(encoding="utf-8"))
    assert stored == {"woning": [6, 1.5]}
    again, calls2 = _counting()
    assert Lexicon("t", again)("woning") == (6, 1.5)
    assert calls2 == []  # read from the cache


class _Planted:
    def __reduce__(self):
        return (os.system, ("touch PWNED",))


def test_planted_pickle_is_not_executed(cache, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    path = Lexicon("t", lambda w: (1, 1.0)).path
    path.write_bytes(pickle.dumps({"woning": _Planted()}))
    compute, calls = _counting()
    assert Lexicon("t", compute)("woning") == (6, 1.5)
    assert not (tmp_path / "PWNED").exists()
    assert calls == ["woning"]


@pytest.mark.parametrize("content", [
    '{"woning": "6"}', '{"woning": [6]}', '{"woning": [true, 1.0]}', '[1, 2]', '{"woning": [6, 1.5]', "[" * 100000,
])
def test_malformed_cache_counts_as_absent(cache, content):
    path = Lexicon("t", lambda w: (1, 1.0)).path
    path.write_text(content, encoding="utf-8")
    compute, calls = _counting()
    assert Lexicon("t", compute)("woning") == (6, 1.5)
    assert calls == ["woning"]


def test_oversized_cache_is_not_read(cache, monkeypatch):
    monkeypatch.setattr(lexicon, "MAX_BYTES", 10)
    path = Lexicon("t", lambda w: (1, 1.0)).path
    path.write_text('{"woning": [9, 9.0]}', encoding="utf-8")
    compute, calls = _counting()
    assert Lexicon("t", compute)("woning") == (6, 1.5)


def test_an_unwritable_cache_degrades_to_no_cache_with_one_note(tmp_path, monkeypatch, capsys):
    from verolint import notes

    monkeypatch.setattr(notes, "_GIVEN", set())
    blocker = tmp_path / "geen-map"
    blocker.write_text("een bestand waar de cachemap zou staan", encoding="utf-8")
    monkeypatch.setenv("VEROLINT_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.delenv("VEROLINT_NO_CACHE", raising=False)
    for _ in range(2):
        lex = Lexicon("t", lambda w: (1, 1.0))
        assert lex("woning") == (1, 1.0)
        lex.save()
    assert capsys.readouterr().err.count("kan de woordcache niet schrijven") == 1


# -- the parser's tables and the provisions of topics.yaml, kept the same way ----------------

SAMPLE = ("Verordening test\n\nHoofdstuk 1 Algemeen\n\nArtikel 1 Begrippen\n\nIn deze verordening wordt verstaan onder:\n"
          "a. inwoner: wie in de gemeente woont;\nb. wet: de Jeugdwet.\n\nArtikel 2 Hulp\n\n1. Het college helpt.\n"
          "2. Het college kan in bijzondere gevallen afwijken.\n")


def _tree():
    from verolint.readers import read_string

    return [(n.kind, n.number, n.start, n.end) for n in read_string(SAMPLE, "t.txt").root.iter()]


@pytest.fixture
def fresh_parser(cache):
    from verolint.readers import plaintext

    plaintext._parser.cache_clear()
    yield cache
    plaintext._parser.cache_clear()


def test_parser_tables_are_kept_as_json_and_read_back(fresh_parser, monkeypatch):
    from verolint.readers import plaintext

    monkeypatch.setenv("VEROLINT_NO_CACHE", "1")
    built = _tree()
    plaintext._parser.cache_clear()
    monkeypatch.delenv("VEROLINT_NO_CACHE")
    assert _tree() == built  # builds and writes the tables
    (path,) = fresh_parser.glob("parser-*.json")
    assert json.loads(path.read_text(encoding="utf-8"))["key"]
    plaintext._parser.cache_clear()
    assert _tree() == built  # read back


@pytest.mark.parametrize("planted", ["pickle", "garbage", "right key, wrong tables", "code in the options"])
def test_a_planted_parser_file_is_not_run_and_the_tables_are_built_again(fresh_parser, monkeypatch, tmp_path, planted):
    from verolint.readers import plaintext

    monkeypatch.chdir(tmp_path)
    built = _tree()
    (path,) = fresh_parser.glob("parser-*.json")
    stored = json.loads(path.read_text(encoding="utf-8"))
    if planted == "pickle":
        path.write_bytes(pickle.dumps({"key": _Planted()}))
    elif planted == "garbage":
        path.write_text("[" * 100000, encoding="utf-8")
    elif planted == "right key, wrong tables":
        path.write_text(json.dumps({"key": stored["key"], "data": {"parser": 1}, "memo": {}}), encoding="utf-8")
    else:
        stored["data"]["options"]["postlex"] = {"__type__": "os.system"}
        stored["data"]["options"]["transformer"] = "touch PWNED"
        path.write_text(json.dumps(stored), encoding="utf-8")
    plaintext._parser.cache_clear()
    assert _tree() == built
    assert not (tmp_path / "PWNED").exists()


@pytest.fixture
def fresh_topics(cache):
    from verolint.statutes import topics

    def clear():
        topics.load.cache_clear()
        topics._gate.cache_clear()
        topics._PREFIXES.clear()

    clear()
    yield cache
    clear()


@pytest.mark.parametrize("planted", [None, '{"key": 1}', "wrong entries", "wrong prefixes", "[" * 100000])
def test_the_provisions_cache_is_plain_json_and_checked(fresh_topics, monkeypatch, planted):
    from verolint.statutes import topics

    monkeypatch.setenv("VEROLINT_NO_CACHE", "1")
    from_yaml = topics.load()[0]
    prefixes = {p: topics.literal_prefixes(p) for t in from_yaml for p in t.all}
    topics.load.cache_clear()
    topics._PREFIXES.clear()
    monkeypatch.delenv("VEROLINT_NO_CACHE")
    assert topics.load()[0] == from_yaml  # writes the cache
    (path,) = fresh_topics.glob("topics-*.json")
    stored = json.loads(path.read_text(encoding="utf-8"))
    if planted == "wrong entries":
        stored["entries"][0]["all"] = "not a list"
        planted = json.dumps(stored)
    elif planted == "wrong prefixes":
        stored["prefixes"][next(iter(stored["prefixes"]))] = [1]
        planted = json.dumps(stored)
    if planted is not None:
        path.write_text(planted, encoding="utf-8")
    topics.load.cache_clear()
    topics._PREFIXES.clear()
    assert topics.load()[0] == from_yaml
    assert {p: topics.literal_prefixes(p) for t in from_yaml for p in t.all} == prefixes


def test_an_entry_of_the_wrong_shape_is_worked_out_again_the_others_kept(cache):
    """Entries are checked when a run first uses them: a wrong one is computed again,
    and the right ones of the same file are still read from it."""
    path = Lexicon("t", lambda w: (1, 1.0)).path
    path.write_text('{"woning": [6, 1.5], "huis": ["x", 1.0], "tuin": [true, 1.0]}', encoding="utf-8")
    compute, calls = _counting()
    lex = Lexicon("t", compute)
    assert (lex("woning"), lex("huis"), lex("tuin"), lex("huis")) == ((6, 1.5), (4, 1.5), (4, 1.5), (4, 1.5))
    assert calls == ["huis", "tuin"]
    lex.save()
    assert json.loads(path.read_text(encoding="utf-8")) == {"woning": [6, 1.5], "huis": [4, 1.5], "tuin": [4, 1.5]}
