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


# -- gates: a pattern run only where one of its words stands -------------------------------

def _gated_patterns():
    import importlib
    import pkgutil

    import verolint
    import verolint.rules

    mods = [importlib.import_module(f"verolint.{m.name}") for m in pkgutil.iter_modules(verolint.__path__)
            if m.name not in ("__main__", "cli")]
    mods += [importlib.import_module(f"verolint.rules.{m.name}") for m in pkgutil.iter_modules(verolint.rules.__path__)]
    mods.append(importlib.import_module("verolint.statutes.topics"))
    return {f"{mod.__name__}.{name}": obj for mod in mods for name, obj in vars(mod).items() if isinstance(obj, rx.Gated)}


def _texts():
    """Every rule case, and the lines of the real regulations when the corpus is here."""
    import yaml
    from conftest import CORPUS, ROOT

    texts = []
    for path in sorted((ROOT / "tests" / "rule_cases").glob("*.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts += [t for kind in ("bad", "good") for t in cases.get(kind, []) if isinstance(t, str)]
    for path in sorted((CORPUS / "ordinances-cvdr").glob("*.txt")):
        texts += path.read_text(encoding="utf-8").splitlines()
    return texts


def test_a_gate_never_hides_a_match():
    """A gated pattern matches nowhere its words are absent: on every rule case and
    real regulation line, and on the same texts in capitals and with 'ſ' and 'ı'
    for s and i (which re.I reads as s and i)."""
    gated = _gated_patterns()
    assert len(gated) >= 9
    for text in _texts():
        for variant in (text, text.upper(), text.replace("s", "ſ").replace("i", "ı")):
            low = rx.lowered(variant)
            for name, gate in gated.items():
                if gate.compiled.search(variant):
                    assert any(w in low for w in gate.words), (name, variant[:80])


def test_every_verb_of_an_exclusion_has_its_gate_word():
    """The exclusion tables run a pattern only where a part of one of its verbs
    stands: a verb added to _V or _ACTIVE without a part would never match."""
    from verolint.rules import exclusion

    for verbs, parts in ((exclusion._V, exclusion._V_PARTS), (exclusion._ACTIVE, exclusion._ACTIVE_PARTS)):
        for verb in verbs.removeprefix("(?:").removesuffix(")").split("|"):
            assert any(part in verb for part in parts), verb


def test_the_exclusion_tables_never_skip_a_match():
    """The same for the pattern tables of the rigid-exclusion rules: where a
    pattern matches, one word of each of its word groups stands in the text
    (read as re.I reads it, 'ſ' and 'ı' too)."""
    from verolint.rules import exclusion

    tables = [(exclusion.EXCLUSION_PATTERNS, exclusion._EXCLUSIONS), (exclusion.THRESHOLD_PATTERNS, exclusion._THRESHOLDS)]
    for text in _texts():
        for variant in (text, text.upper(), text.replace("s", "ſ").replace("i", "ı")):
            low = rx.lowered(variant)
            for patterns, table in tables:
                for (pattern, label), (_p, _l, mask, later) in zip(patterns, table.patterns, strict=True):
                    if not pattern.search(variant):
                        continue
                    first = [w for w, bit in table._bits if bit & mask]
                    groups = ([first] if mask else []) + [table._later[i] for i in later]
                    for group in groups:
                        assert any(w in low for w in group), (label, group, variant[:80])
