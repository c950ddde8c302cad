"""The token phrase matcher: whole tokens, prefixes, gaps, longest match."""

from verolint.matcher import PhraseMatcher
from verolint.analysis import TokenTable


def hits(phrases, text):
    norms = TokenTable(text).norms
    m = PhraseMatcher([(p, p) for p in phrases])
    return [(" ".join(norms[i:j]), p) for i, j, p in m.finditer(norms)]


def test_whole_tokens_case_insensitive():
    assert hits(["indien"], "Indien u wilt, indienen mag ook.") == [("indien", "indien")]


def test_prefix_needs_the_prefix():
    assert hits(["verstrek*"], "Het college verstrekt; de verordening verstrekken.") == [
        ("verstrekt", "verstrek*"), ("verstrekken", "verstrek*")]


def test_gap_within_limit_and_longest_match():
    assert hits(["wordt geen … verstrekt", "wordt geen"], "Er wordt geen traplift verstrekt.") == [
        ("wordt geen traplift verstrekt", "wordt geen … verstrekt")]
    assert hits(["niet … geen"], "niet een twee drie vier vijf zes zeven geen") == []


def test_bad_phrases_are_refused():
    import pytest

    for bad in ["… geen", "ve*", "geen …"]:
        with pytest.raises(ValueError):
            PhraseMatcher([(bad, None)])
