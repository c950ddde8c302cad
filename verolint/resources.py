"""Where the shipped grammar and rule packs live.

In the wheel, the top-level ``grammar/`` and ``rules/`` folders are installed
as ``verolint/_data/grammar`` and ``verolint/_data/rules`` (see
pyproject.toml). In a source checkout they are read from the project root.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"verolint is incompleet geïnstalleerd: map '{name}' ontbreekt "
        f"(gezocht in {_PACKAGE / '_data'} en {_PACKAGE.parent})"
    )


def grammar_path(name: str) -> Path:
    return data_dir("grammar") / name


def rule_pack_paths() -> list[Path]:
    return sorted(data_dir("rules").glob("*.yaml"))
