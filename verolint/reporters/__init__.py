"""Reporters: one module per output format, registered by ``name`` on import."""

from __future__ import annotations

import importlib
from collections import Counter
from typing import IO, ClassVar

from ..model import RunResult, Severity

_REGISTRY: dict[str, type["Reporter"]] = {}
_MODULES = {"text": "text", "concise": "text", "json": "json", "sarif": "sarif", "github": "github",
            "gitlab": "gitlab", "junit": "junit"}


class Reporter:
    name: ClassVar[str] = ""

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        if cls.name:
            _REGISTRY[cls.name] = cls

    def __init__(self, stream: IO[str], *, color: bool = False, statistics: bool = False):
        self.stream = stream
        self.color = color
        self.statistics = statistics

    def report(self, run: RunResult) -> None:  # pragma: no cover
        raise NotImplementedError


# What a lawyer reads first: errors before warnings before remarks; within a
# severity, legal defects (references, numbering, definitions, structure,
# rigid exclusions, the law repeated) before open norms and language.
FAMILY_RANK = {
    "internal": 0, "reference": 1, "numbering": 2, "definition": 3, "structure": 4, "rigid-exclusion": 5,
    "statutory-duplication": 6, "vague-phrasing": 7, "suppression": 8, "language-level": 9,
}


# Severities as the reports name them: (one, more)
SEVERITY_NL = {Severity.ERROR: ("fout", "fouten"), Severity.WARNING: ("waarschuwing", "waarschuwingen"),
               Severity.INFO: ("opmerking", "opmerkingen")}


def severity_counts(findings) -> str:
    """'2 fouten, 60 waarschuwingen, 121 opmerkingen' (severities with findings only)."""
    by_sev = Counter(f.severity for f in findings)
    return ", ".join(f"{by_sev[s]} {SEVERITY_NL[s][by_sev[s] != 1]}"
                     for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if by_sev[s])


# What a reader calls each family; DUP003 repeats the ordinance itself, not the law.
FAMILY_NL = {
    "statutory-duplication": "Herhaling van de wet", "language-level": "Taalniveau",
    "rigid-exclusion": "Starre uitsluitingen", "vague-phrasing": "Vage ruimte", "reference": "Verwijzingen",
    "definition": "Begrippen", "numbering": "Nummering", "structure": "Opbouw", "suppression": "Onderdrukking",
    "internal": "Interne fout",
}
INTERNAL_REPEAT = "Dubbele passages"


def family_label(f) -> str:
    """The family a reader sees for a finding (DUP003 is internal repetition)."""
    return INTERNAL_REPEAT if f.code == "DUP003" else FAMILY_NL.get(f.category, f.category)


def ranked(findings) -> list:
    """Findings in reading order of importance (for people; machine formats keep text order)."""
    return sorted(findings, key=lambda f: (-f.severity, FAMILY_RANK.get(f.category, 8), f.file, f.line, f.column))


def get_reporter(name: str) -> type[Reporter]:
    if name not in _REGISTRY:
        module = _MODULES.get(name, name)
        try:
            importlib.import_module(f"{__name__}.{module}")
        except ModuleNotFoundError:
            pass
    if name not in _REGISTRY:
        raise KeyError(name)
    return _REGISTRY[name]


def dumps(data, stream) -> str:
    """JSON text for a report: indented for a person at a terminal, otherwise
    compact, which lets the json module use its C encoder (several times faster
    on large reports)."""
    import json

    isatty = getattr(stream, "isatty", None)
    indent = 2 if isatty is not None and isatty() else None
    return json.dumps(data, ensure_ascii=False, indent=indent)
