"""Configuration: ``.verolint.yaml`` or ``[tool.verolint]`` in pyproject.toml.

The file nearest to each checked file wins (searching upwards from the
file's folder, stopping at the repository root), unless ``--config`` names
one. Every key and every rule code is validated; errors name the file and
line.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath

from .errors import ConfigError
from .model import Severity
from .yamlsource import LocatedYaml, read_yaml_text

CONFIG_NAMES = (".verolint.yaml", ".verolint.yml", "verolint.yaml")
PROFILES = ("auto", "classic", "omgekeerd")
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__",
    "README*", "CHANGELOG*", "LICENSE*", "CONTRIBUTING*",
)

KNOWN_KEYS = {
    "profile", "select", "extend-select", "ignore", "severity", "fail-on", "min-severity",
    "per-file-ignores", "rules", "rule-packs", "plugins", "exclude", "extend-exclude", "statutes",
}


@dataclass
class Settings:
    source: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    profile: str = "auto"
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity | None = Severity.WARNING  # None: never fail
    min_severity: Severity = Severity.INFO
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rule_options: dict[str, dict] = field(default_factory=dict)
    rule_packs: tuple[Path, ...] = ()
    plugins: tuple[str, ...] = ()  # entry points of the group 'verolint.rules' to load
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    statutes: tuple[Path, ...] = ()
    located: LocatedYaml | None = None

    def line(self, *path) -> int | None:
        return self.located.line(tuple(path)) if self.located else None

    def where(self, *path) -> tuple[str | None, int | None]:
        return (str(self.source) if self.source else None, self.line(*path))

    def overridden(self, **kw) -> "Settings":
        """A copy with the given fields replaced (``fail_on=None`` means never fail)."""
        return replace(self, **kw)

    # -- exclusion --------------------------------------------------------------
    def is_excluded(self, path: Path) -> bool:
        patterns = self.exclude + self.extend_exclude
        try:
            rel = path.resolve().relative_to(self.root.resolve())
            parts = PurePosixPath(rel.as_posix()).parts
        except ValueError:
            parts = path.parts
        rel_text = "/".join(parts)
        for pat in patterns:
            if any(fnmatch.fnmatch(part, pat) for part in parts):
                return True
            if "/" in pat and fnmatch.fnmatch(rel_text, pat):
                return True
        return False

    def ignores_for(self, display_path: str) -> tuple[str, ...]:
        if not self.per_file_ignores:
            return ()
        try:
            rel = Path(display_path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            rel = Path(display_path).as_posix()
        out: list[str] = []
        for pattern, codes in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern):
                out.extend(codes)
        return tuple(out)


# -- loading ----------------------------------------------------------------------

def _as_list(value, key: str, where) -> tuple:
    if isinstance(value, str):
        return tuple(s for s in re.split(r"[,\s]+", value) if s)
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise ConfigError(f"'{key}' moet een lijst zijn", *where)
    return tuple(str(v) for v in value)


def _severity(value, key: str, where) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ConfigError(f"'{key}': {exc}", *where) from None


def settings_from_mapping(data: dict, source: Path | None, located: LocatedYaml | None) -> Settings:
    root = source.parent if source else Path.cwd()
    st = Settings(source=source, root=root, located=located)
    if not isinstance(data, dict):
        raise ConfigError("de configuratie moet een mapping van sleutels zijn", str(source) if source else None, 1)
    for raw_key, value in data.items():
        key = str(raw_key).replace("_", "-")
        where = st.where(raw_key)
        if key not in KNOWN_KEYS:
            close = [k for k in KNOWN_KEYS if k.startswith(key[:3])]
            hint = f"; bedoelt u '{close[0]}'?" if close else ""
            raise ConfigError(f"onbekende sleutel '{raw_key}'{hint}", *where)
        if key == "profile":
            if value not in PROFILES:
                raise ConfigError(f"profile moet een van {', '.join(PROFILES)} zijn, niet {value!r}", *where)
            st.profile = value
        elif key in ("select", "extend-select", "ignore"):
            setattr(st, key.replace("-", "_"), _as_list(value, key, where))
        elif key in ("exclude", "extend-exclude"):
            setattr(st, key.replace("-", "_"), _as_list(value, key, where))
        elif key == "plugins":
            st.plugins = _as_list(value, key, where)
        elif key in ("rule-packs", "statutes"):
            paths = tuple((root / p).resolve() for p in _as_list(value, key, where))
            for i, path in enumerate(paths):
                if not path.exists():  # a typo must not silently switch a check off
                    raise ConfigError(f"'{key}': {path} bestaat niet", *st.where(raw_key, i))
            setattr(st, key.replace("-", "_"), paths)
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError("'severity' is een mapping van code of categorie naar ernst", *where)
            st.severity = {
                str(k): _severity(v, f"severity.{k}", st.where(raw_key, k)) for k, v in value.items()
            }
        elif key == "fail-on":
            st.fail_on = None if str(value).lower() == "never" else _severity(value, key, where)
        elif key == "min-severity":
            st.min_severity = _severity(value, key, where)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError("'per-file-ignores' is een mapping van patroon naar codes", *where)
            st.per_file_ignores = {
                str(k): _as_list(v, f"per-file-ignores.{k}", st.where(raw_key, k)) for k, v in value.items()
            }
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError("'rules' is een mapping van regelcode naar opties", *where)
            st.rule_options = {str(k).upper(): dict(v) for k, v in value.items()}
    return st


def load_file(path: Path) -> Settings:
    path = path.resolve()
    text = read_yaml_text(path, ConfigError, "configuratie")
    if path.name == "pyproject.toml":
        return _load_pyproject(path, text)
    located = LocatedYaml.load(text, str(path))
    return settings_from_mapping(located.data or {}, path, located)


def _load_pyproject(path: Path, text: str) -> Settings:
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise ConfigError(f"ongeldige TOML: {exc}", str(path), int(m.group(1)) if m else None) from None
    table = data.get("tool", {}).get("verolint", {})
    return settings_from_mapping(table, path, _toml_lines(text, table))


def _toml_lines(text: str, table: dict) -> LocatedYaml:
    """Approximate key lines inside [tool.verolint] (tomllib keeps none)."""
    lines: dict[tuple, int] = {}
    in_table = False
    sub: str | None = None
    for no, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = re.match(r"^\[\s*tool\.verolint(?:\.([\w\-\"\.]+))?\s*\]", stripped)
        if header:
            in_table = True
            sub = header.group(1).strip('"') if header.group(1) else None
            if sub:
                lines[(sub,)] = no
            else:
                lines[()] = no
            continue
        if stripped.startswith("["):
            in_table = False
            continue
        if in_table:
            m = re.match(r'^"?([\w\-\.\*/]+)"?\s*=', stripped)
            if m:
                key = (sub, m.group(1)) if sub else (m.group(1),)
                lines.setdefault(key, no)
    return LocatedYaml(table, lines)


@lru_cache(maxsize=256)
def find_config(directory: Path) -> Path | None:
    """Nearest configuration file at or above ``directory`` (stops at .git)."""
    for d in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = d / name
            if candidate.is_file():
                return candidate
        pyproject = d / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
        if (d / ".git").exists():
            return None
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return re.search(r"^\[\s*tool\.verolint\b", path.read_text(encoding="utf-8"), re.M) is not None
    except OSError:
        return False


@lru_cache(maxsize=64)
def load_cached(path: Path) -> Settings:
    return load_file(path)
