"""Configuration discovery, validation with file and line, and rule selection."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import codes
from verolint.config import find_config, load_file
from verolint.engine import Linter, select_rules, validate_settings
from verolint.errors import ConfigError
from verolint.model import Severity
from verolint.readers import read_path
from verolint.registry import builtin_registry

DEFECTIVE = (
    "Artikel 1 Doel\n\nDe inwoner heeft een beperking en/of een ziekte.\n\n"
    "Artikel 3 Slot\n\nDeze verordening treedt in werking op 1 januari 2027. "
    "Deze verordening wordt aangehaald als: Verordening hulp 2027.\n"
)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _lint_file(path: Path, **kw):
    linter = Linter(**kw)
    return linter.lint(read_path(path), linter.settings_for(path))


def test_nearest_yaml_config_is_found_from_a_subfolder(tmp_path):
    (tmp_path / ".git").mkdir()
    _write(tmp_path / ".verolint.yaml", "ignore: [VAG101]\n")
    doc = _write(tmp_path / "verordeningen" / "2027" / "hulp.txt", DEFECTIVE)
    assert find_config(doc.parent.resolve()) == (tmp_path / ".verolint.yaml").resolve()
    assert "VAG101" not in codes(_lint_file(doc))
    assert "NUM001" in codes(_lint_file(doc))


def test_search_stops_at_the_repository_root(tmp_path):
    _write(tmp_path / ".verolint.yaml", "ignore: [ALL]\n")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    doc = _write(repo / "hulp.txt", DEFECTIVE)
    assert find_config(repo.resolve()) is None
    assert "VAG101" in codes(_lint_file(doc))


def test_pyproject_table(tmp_path):
    (tmp_path / ".git").mkdir()
    _write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.verolint]\nselect = ["numbering"]\n')
    doc = _write(tmp_path / "hulp.txt", DEFECTIVE)
    assert set(codes(_lint_file(doc))) == {"NUM001"}


def test_unknown_key_names_file_and_line(tmp_path):
    cfg = _write(tmp_path / ".verolint.yaml", "profile: classic\n\nselekt: [NUM]\n")
    with pytest.raises(ConfigError) as err:
        load_file(cfg)
    assert err.value.line == 3 and "selekt" in str(err.value) and str(cfg) in str(err.value)


def test_unknown_rule_code_names_file_and_line(tmp_path):
    cfg = _write(tmp_path / ".verolint.yaml", "select:\n  - NUM\n  - XYZ999\n")
    settings = load_file(cfg)
    with pytest.raises(ConfigError) as err:
        validate_settings(settings, builtin_registry())
    assert err.value.line == 3 and "XYZ999" in str(err.value)


def test_bad_values_are_errors_with_lines(tmp_path):
    cfg = _write(tmp_path / ".verolint.yaml", "severity:\n  VAG101: kritiek\n")
    with pytest.raises(ConfigError) as err:
        load_file(cfg)
    assert err.value.line == 2
    cfg = _write(tmp_path / "b.yaml", "rules:\n  LNG101:\n    maximum: 3\n")
    with pytest.raises(ConfigError) as err:
        validate_settings(load_file(cfg), builtin_registry())
    assert err.value.line == 3 and "maximum" in str(err.value)
    cfg = _write(tmp_path / "c.yaml", "profile: [x\n")
    with pytest.raises(ConfigError, match="ongeldige YAML") as err:
        load_file(cfg)
    assert err.value.line is not None and str(cfg) in str(err.value)


def test_pyproject_error_points_into_the_table(tmp_path):
    cfg = _write(tmp_path / "pyproject.toml", '[tool.other]\nx = 1\n\n[tool.verolint]\nprofile = "modern"\n')
    with pytest.raises(ConfigError) as err:
        load_file(cfg)
    assert err.value.line == 5


def test_most_specific_selector_wins():
    reg = builtin_registry()
    from verolint.config import Settings

    active = {r.code for r in select_rules(reg, Settings(select=("NUM001",), ignore=("NUM",)))}
    assert active == {"NUM001"}
    active = {r.code for r in select_rules(reg, Settings(select=("numbering",), ignore=("NUM003",)))}
    assert "NUM003" not in active and "NUM001" in active and "VAG101" not in active
    active = {r.code for r in select_rules(reg, Settings(ignore=("STR",)))}
    assert not any(c.startswith("STR") for c in active) and "NUM001" in active


def test_severity_override_and_per_file_ignores(tmp_path):
    (tmp_path / ".git").mkdir()
    _write(tmp_path / ".verolint.yaml",
           "severity:\n  vague-phrasing: error\n  VAG101: info\nper-file-ignores:\n  'concept/*.txt': [VAG]\n")
    doc = _write(tmp_path / "hulp.txt", DEFECTIVE)
    vag = [f for f in _lint_file(doc) if f.code == "VAG101"]
    assert [f.severity for f in vag] == [Severity.INFO]
    concept = _write(tmp_path / "concept" / "hulp.txt", DEFECTIVE)
    assert "VAG101" not in codes(_lint_file(concept))


def test_rule_options_reach_the_rule(tmp_path):
    from verolint.config import Settings

    reg = builtin_registry()
    (rule,) = [r for r in select_rules(reg, Settings(select=("LNG101",)))]
    assert rule.options == {}
    with pytest.raises(ConfigError, match="kent optie"):
        rule.configured({"max": 5})


def test_config_command_shows_effective_settings(tmp_path, cli, monkeypatch):
    (tmp_path / ".git").mkdir()
    _write(tmp_path / ".verolint.yaml", "profile: omgekeerd\nignore: [LNG]\n")
    monkeypatch.chdir(tmp_path)
    result = cli("config")
    assert result.exit_code == 0
    assert "profile: omgekeerd" in result.stdout and "ignore: ['LNG']" in result.stdout


# -- fuzz: any configuration gives settings or a clear error ------------------------------------

from hypothesis import HealthCheck, given, settings as hsettings, strategies as st  # noqa: E402

_KEYS = ["profile", "select", "extend-select", "ignore", "severity", "fail-on", "min-severity", "per-file-ignores",
         "rules", "rule-packs", "exclude", "extend-exclude", "statutes", "onbekend"]
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=True),
                     st.sampled_from(["ALL", "RIG", "RIG001", "warning", "omgekeerd", "*.md", "x", ""]),
                     st.text(max_size=8))
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.sampled_from(["RIG001", "LNG001", "threshold"]),
                                                           st.text(max_size=5)), inner, max_size=3)), max_leaves=12)


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=6))
def test_any_configuration_gives_settings_or_a_clear_error(tmp_path, data):
    import yaml

    from verolint.config import load_file
    from verolint.errors import ConfigError
    from verolint.registry import builtin_registry
    from verolint.selection import validate_settings

    path = tmp_path / ".verolint.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        validate_settings(load_file(path), builtin_registry())
    except ConfigError as exc:
        assert str(exc).startswith(str(path))


@hsettings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=400))
def test_any_bytes_as_configuration_give_settings_or_a_clear_error(tmp_path, raw):
    from verolint.config import load_file
    from verolint.errors import ConfigError

    path = tmp_path / ".verolint.yaml"
    path.write_bytes(raw)
    try:
        load_file(path)
    except ConfigError as exc:
        assert str(exc).startswith(str(path))
