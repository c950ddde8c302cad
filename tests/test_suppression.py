"""Inline suppression: one rule, several, all; line, next node, block, file."""

from __future__ import annotations

from conftest import codes

BASE = "Artikel 1 Slot\n\nDeze verordening treedt in werking op 1 januari 2027 en wordt aangehaald als: Verordening hulp 2027.\n\n"
VAGUE = "De inwoner heeft een beperking en/of een ziekte."


def run(lint, body: str, name="v.md"):
    return [(f.code, f.line) for f in lint(BASE + body, name) if f.code not in ("NUM001",)]


def test_disable_next_node(lint):
    body = f"Artikel 2 Hulp\n\n<!-- verolint: disable-next VAG101 -- bewust open -->\n1. {VAGUE}\n2. {VAGUE}\n"
    assert run(lint, body) == [("VAG101", 9)]


def test_disable_next_line_and_disable_line(lint):
    body = f"Artikel 2 Hulp\n\n<!-- verolint: disable-next-line VAG101 -->\n{VAGUE}\n\n{VAGUE} <!-- verolint: disable-line VAG -->\n\n{VAGUE}\n"
    assert run(lint, body) == [("VAG101", 12)]


def test_block_disable_and_enable(lint):
    body = (f"Artikel 2 Hulp\n\n<!-- verolint: disable vague-phrasing -->\n{VAGUE}\n\n{VAGUE}\n"
            f"<!-- verolint: enable vague-phrasing -->\n\n{VAGUE}\n")
    assert run(lint, body) == [("VAG101", 13)]


def test_disable_file_and_all(lint):
    body = f"<!-- verolint: disable-file all -->\nArtikel 2 Hulp\n\n{VAGUE} {VAGUE}\n"
    assert run(lint, body) == []


def test_several_codes_in_one_directive(lint):
    body = f"Artikel 2 Hulp\n\n<!-- verolint: disable-next VAG101, LNG102 -->\nHet is niet zo dat de inwoner geen hulp krijgt; {VAGUE}\n"
    assert run(lint, body) == []


def test_plain_text_line_form(lint):
    body = f"Artikel 2 Hulp\n\n%% verolint: disable-next VAG101 -- criteria in artikel 4\n{VAGUE}\n"
    assert run(lint, body, "v.txt") == []


def test_unknown_and_unused_directives_are_reported(lint):
    body = (f"Artikel 2 Hulp\n\n<!-- verolint: disable-next VAG999 -->\n{VAGUE}\n\n"
            "<!-- verolint: disable-next LNG102 -->\nDe inwoner krijgt hulp.\n")
    found = run(lint, body)
    assert ("SUP001", 7) in found and ("VAG101", 8) in found and ("SUP002", 10) in found


def test_suppression_of_a_switched_off_rule_is_not_unused(lint):
    body = "Artikel 2 Hulp\n\n<!-- verolint: disable-next LNG102 -->\nDe inwoner krijgt hulp.\n"
    found = lint(BASE + body, "v.md", ignore=("LNG102",))
    assert "SUP002" not in codes(found)
