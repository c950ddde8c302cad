"""Compiled patterns kept between runs (verolint.rx): a pattern read from the
cache behaves exactly as re.compile's, and a cache file that is not what
verolint wrote is ignored, entry by entry."""

import json
import re

import pytest

from verolint import rx

PATTERNS = [
    (r"\b(?P<term>[a-zé]+)\s+(?:wordt|worden)\s+verstaan\b", re.I),
    (r"(?<!niet\s)\bgeen\b\s+(\w+)(?=\s)", 0),
    (r"^Artikel\s+(\d+[a-z]?)$", re.M),
    (r"[^\t\n\r -~\x85\xa0-\ud7ff]", 0),
]
TEXT = "Onder woning WORDT verstaan: geen huis.\nArtikel 12a\nniet geen x \x07"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder, and rx as in a new process."""
    monkeypatch.setenv("VEROLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("VEROLINT_NO_CACHE", raising=False)
    new_process(monkeypatch)
    return tmp_path


def new_process(monkeypatch):
    monkeypatch.setattr(rx, "_compiled", {})
    monkeypatch.setattr(rx, "_entries", None)
    monkeypatch.setattr(rx, "_dirty", False)


def behaviour(pattern: re.Pattern):
    found = [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(TEXT)]
    return pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex), found


def test_a_cached_pattern_behaves_as_re_compile(cache, monkeypatch):
    for pattern, flags in PATTERNS:
        rx.compile(pattern, flags)
    rx.save()
    files = list(cache.glob("regex-*.json"))
    assert len(files) == 1
    assert len(json.loads(files[0].read_text())) == len(PATTERNS)

    new_process(monkeypatch)
    compiled = []
    monkeypatch.setattr(re, "compile", lambda *a: pytest.fail(f"compiled again: {a}"))
    for pattern, flags in PATTERNS:
        compiled.append(rx.compile(pattern, flags))
    monkeypatch.undo()
    for (pattern, flags), cached in zip(PATTERNS, compiled):
        assert behaviour(cached) == behaviour(re.compile(pattern, flags))
    assert behaviour(compiled[0])[-1][0][2] == {"term": "woning"}


def test_nothing_is_written_without_new_patterns_or_with_no_cache(cache, monkeypatch):
    rx.save()
    assert list(cache.iterdir()) == []
    monkeypatch.setenv("VEROLINT_NO_CACHE", "1")
    rx.compile(r"\bwoning\b")
    rx.save()
    assert list(cache.iterdir()) == []


def test_an_error_in_a_pattern_is_re_error(cache):
    with pytest.raises(re.error):
        rx.compile(r"(?P<x>a")


@pytest.mark.parametrize("entry", [
    "not a list",
    [0, "AAAA", 0, {}, []],  # code the engine refuses
    [0, "%%%", 0, {}, []],  # not base64
    [0, [1, 2, 3], 0, {}, []],  # the shape of another version
    [True, "AAAA", 0, {}, []],
])
def test_a_planted_or_broken_entry_is_compiled_again(cache, monkeypatch, entry):
    pattern, flags = PATTERNS[0]
    rx.compile(pattern, flags)
    rx.save()
    path = next(cache.glob("regex-*.json"))
    path.write_text(json.dumps({f"{flags}:{pattern}": entry}))
    new_process(monkeypatch)
    assert behaviour(rx.compile(pattern, flags)) == behaviour(re.compile(pattern, flags))
    rx.save()  # the entry is replaced by a good one
    new_process(monkeypatch)
    monkeypatch.setattr(re, "compile", lambda *a: pytest.fail("compiled again"))
    assert rx.compile(pattern, flags).groupindex == {"term": 1}


@pytest.mark.parametrize("content", ['[1, 2]', '{"a": ', "[" * 100000, ""])
def test_a_file_that_is_not_ours_counts_as_absent(cache, monkeypatch, content):
    rx.compile(r"x")
    rx.save()
    next(cache.glob("regex-*.json")).write_text(content)
    new_process(monkeypatch)
    assert rx.compile(r"\bwoning\b", re.I).search("De WONING").span() == (3, 9)
