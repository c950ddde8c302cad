"""Finding all rules, without a central list.

* Python rules: every module in ``verolint/rules/`` is imported; each
  :class:`~verolint.rule.Rule` subclass with a ``code`` registers itself.
* Declarative rules: every ``*.yaml`` pack in the shipped ``rules/`` folder,
  plus packs named in the configuration (``rule-packs``).
* Plugins: the ``verolint.rules`` entry-point group. An entry point may load a
  module (whose Rule subclasses register on import), a Rule subclass, or a
  callable returning paths of YAML packs.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import lru_cache
from pathlib import Path

from .errors import ConfigError, RuleDefinitionError
from .model import Category
from .resources import rule_pack_paths
from .rule import PYTHON_RULES, Rule

ENTRY_POINT_GROUP = "verolint.rules"


class Registry:
    def __init__(self) -> None:
        self.rules: dict[str, Rule] = {}

    def add(self, rule: Rule) -> None:
        other = self.rules.get(rule.code)
        if other is not None and other is not rule:
            raise RuleDefinitionError(
                f"regelcode {rule.code} bestaat al (uit {other.source})", rule.source
            )
        self.rules[rule.code] = rule

    def add_pack(self, path: Path, trusted: bool = False) -> None:
        from .kinds import load_pack

        for rule in load_pack(path, trusted):
            self.add(rule)

    def copy(self) -> "Registry":
        reg = Registry()
        reg.rules = dict(self.rules)
        return reg

    def get(self, code: str) -> Rule | None:
        return self.rules.get(code.upper())

    def sorted(self) -> list[Rule]:
        return [self.rules[c] for c in sorted(self.rules)]

    # -- selectors ---------------------------------------------------------------
    def is_selector(self, selector: str) -> bool:
        sel = selector.strip()
        if sel.upper() == "ALL" or sel in _CATEGORIES:
            return True
        return any(code.startswith(sel.upper()) for code in self.rules)


_CATEGORIES = {c.value for c in Category}


def _import_rule_modules() -> None:
    from . import rules as pkg

    for info in pkgutil.iter_modules(pkg.__path__):
        importlib.import_module(f"{pkg.__name__}.{info.name}")


def _plugin_rules(reg: Registry, names: tuple[str, ...], where: tuple[str | None, int | None]) -> None:
    """Add the rules of the named plug-ins (entry points of the group
    ``verolint.rules``). Installed packages are looked up only here, when a
    configuration names a plug-in: scanning them costs a run that uses none
    of them a twentieth of a second."""
    from importlib.metadata import entry_points

    installed = {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}
    for name in names:
        ep = installed.get(name)
        if ep is None:
            known = ", ".join(sorted(installed)) or "geen"
            raise ConfigError(f"plug-in '{name}' is niet geïnstalleerd (geïnstalleerde plug-ins: {known})", *where)
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin must not take verolint down
            raise RuleDefinitionError(f"plug-in '{ep.name}' kan niet worden geladen: {exc}", ep.value) from None
        if inspect.isclass(obj) and issubclass(obj, Rule):
            reg.add(_instantiate(obj, ep.value))
        elif callable(obj) and not inspect.ismodule(obj):
            for path in obj() or []:
                reg.add_pack(Path(path))
        # modules: their Rule subclasses registered themselves on import
    for code, cls in sorted(PYTHON_RULES.items()):
        if code not in reg.rules:
            reg.add(_instantiate(cls, cls.__module__))


def _instantiate(cls: type[Rule], source: str) -> Rule:
    rule = cls()
    if rule.source == "verolint" and not cls.__module__.startswith("verolint."):
        rule.source = source
    return rule


@lru_cache(maxsize=1)
def builtin_registry() -> Registry:
    """All shipped rules (cached per process). Plug-ins come in only where a
    configuration names them (:func:`registry_with`)."""
    _import_rule_modules()
    reg = Registry()
    for path in rule_pack_paths():
        reg.add_pack(path, trusted=True)
    for code, cls in sorted(PYTHON_RULES.items()):
        if code not in reg.rules and cls.__module__.startswith("verolint."):
            reg.add(_instantiate(cls, cls.__module__))
    return reg


def registry_with(packs: list[Path] | tuple = (), plugins: tuple[str, ...] = (),
                  where: tuple[str | None, int | None] = (None, None)) -> Registry:
    """The built-in registry plus the named plug-ins and user rule packs."""
    reg = builtin_registry()
    if not packs and not plugins:
        return reg
    reg = reg.copy()
    if plugins:
        _plugin_rules(reg, tuple(plugins), where)
    for path in packs:
        reg.add_pack(path)
    return reg


def registry_for_settings(settings) -> Registry:
    """The rules a configuration can select: shipped rules, its plug-ins and its rule packs."""
    return registry_with(settings.rule_packs, settings.plugins, settings.where("plugins"))
