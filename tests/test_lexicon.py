"""The per-user word cache is data only: nothing in it is executed, and a file
that is not exactly what verolint writes counts as absent."""

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
