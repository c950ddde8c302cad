"""Adding rules: a YAML pack from the config, a Python class, an entry point."""

from __future__ import annotations

import sys
import textwrap

import pytest

from conftest import codes
from verolint.errors import ConfigError, RuleDefinitionError
from verolint.kinds import load_pack

PACK = textwrap.dedent(
    """\
    pack: eigen
    rules:
      - code: EIG001
        name: geen-coordinator
        kind: existence
        category: definition
        severity: error
        phrases: [regisseur]
        message: "Wij spreken van 'consulent', niet van '{match}'."
        suggestion: Schrijf 'consulent'.
        examples:
          bad: [De regisseur bespreekt uw vraag.]
          good: [De consulent bespreekt uw vraag.]
    """
)


def test_user_pack_from_config(tmp_path):
    from verolint.engine import Linter
    from verolint.readers import read_path

    (tmp_path / ".git").mkdir()
    (tmp_path / "regels.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".verolint.yaml").write_text("rule-packs: [regels.yaml]\nselect: [EIG]\n", encoding="utf-8")
    doc = tmp_path / "v.txt"
    doc.write_text("Artikel 1 Gesprek\n\nDe regisseur bespreekt uw vraag.\n", encoding="utf-8")
    linter = Linter()
    findings = linter.lint(read_path(doc), linter.settings_for(doc))
    assert [(f.code, f.line, f.column, f.message) for f in findings] == [
        ("EIG001", 3, 4, "Wij spreken van 'consulent', niet van 'regisseur'.")
    ]


@pytest.mark.parametrize(
    "broken, line, message",
    [
        ("kind: existance", 5, "kind 'existance' bestaat niet"),
        ("scope: zin", 5, "scope moet een van"),
        ("bogus: 1", 5, "onbekende sleutel 'bogus'"),
        ("category: spelling", 5, "category 'spelling' bestaat niet"),
    ],
)
def test_pack_errors_name_file_and_line(tmp_path, broken, line, message):
    key = broken.split(":")[0]
    lines = PACK.splitlines()
    replaced = [l for l in lines if not l.strip().startswith(f"{key}:")]
    replaced.insert(4, f"    {broken}")
    path = tmp_path / "pack.yaml"
    path.write_text("\n".join(replaced) + "\n", encoding="utf-8")
    with pytest.raises(RuleDefinitionError) as err:
        load_pack(path)
    assert err.value.path == str(path) and err.value.line == line and message in str(err.value)


def test_duplicate_code_is_refused(tmp_path):
    from verolint.registry import registry_with

    path = tmp_path / "dup.yaml"
    path.write_text(PACK.replace("EIG001", "NUM001"), encoding="utf-8")
    with pytest.raises(RuleDefinitionError, match="NUM001 bestaat al"):
        registry_with([path])


def test_entry_point_plugin(tmp_path, monkeypatch, lint):
    """A third-party package exposes a module through the 'verolint.rules' group."""
    pkg = tmp_path / "verolint_extra"
    pkg.mkdir()
    (pkg / "__init__.py").write_text(textwrap.dedent(
        '''
        from verolint.model import Category, Severity
        from verolint.rule import Rule

        class LongArticle(Rule):
            """Een artikel met meer dan drie leden.

            Wat het controleert
                Artikelen met meer dan 'max' leden.
            """
            code = "XTR001"
            name = "lang-artikel"
            category = Category.STRUCTURE
            severity = Severity.INFO
            options = {"max": 3}

            def check(self, doc, ctx):
                for art in doc.articles():
                    if len(art.children) > self.options["max"]:
                        yield ctx.at_node(art, f"artikel {art.number} heeft {len(art.children)} leden")
        '''
    ), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))

    from importlib.metadata import EntryPoint

    import verolint.registry as registry

    ep = EntryPoint(name="extra", value="verolint_extra", group=registry.ENTRY_POINT_GROUP)
    looked_up = []

    def entry_points(group=None):
        looked_up.append(group)
        return [ep] if group == registry.ENTRY_POINT_GROUP else []

    monkeypatch.setattr("importlib.metadata.entry_points", entry_points)
    registry.builtin_registry.cache_clear()
    try:
        text = "Artikel 1 Lang\n\n1. a.\n2. b.\n3. c.\n4. d.\n"
        # installed but not named in the configuration: not looked up, not loaded
        assert "XTR001" not in codes(lint(text)) and looked_up == [] and "verolint_extra" not in sys.modules
        reg = registry.registry_with(plugins=("extra",))
        assert reg.get("XTR001").source == "verolint_extra"
        assert registry.builtin_registry().get("XTR001") is None
        assert "XTR001" in codes(lint(text, plugins=("extra",)))
        assert "XTR001" not in codes(lint(text, plugins=("extra",), rule_options={"XTR001": {"max": 4}}))
        with pytest.raises(ConfigError, match=r"plug-in 'extar' is niet geïnstalleerd \(geïnstalleerde plug-ins: extra\)"):
            registry.registry_with(plugins=("extar",))
    finally:
        registry.builtin_registry.cache_clear()
        sys.modules.pop("verolint_extra", None)
        from verolint.rule import PYTHON_RULES

        PYTHON_RULES.pop("XTR001", None)


def test_a_plugin_the_configuration_names_must_be_installed(cli, tmp_path):
    (tmp_path / ".verolint.yaml").write_text("profile: auto\nplugins: [niet-bestaand]\n", encoding="utf-8")
    doc = tmp_path / "v.txt"
    doc.write_text("Artikel 1 Hulp\n\nHet college helpt.\n", encoding="utf-8")
    result = cli("check", str(doc))
    assert result.exit_code == 2
    assert f"{tmp_path / '.verolint.yaml'}:2: plug-in 'niet-bestaand' is niet geïnstalleerd" in result.output
