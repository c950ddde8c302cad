"""Baselines: adopt verolint in a repository with known findings.

``check --baseline FILE`` writes the current findings to FILE the first time,
and from then on reports only findings that are not in it. A finding is
identified by rule, file, article path and its (normalised) text — never by
line number — so edits above it do not make it "new" again. The same finding
twice in one article counts twice. Entries that no longer occur are reported
as resolved, so the baseline only shrinks; ``--update-baseline`` rewrites it.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path, PurePath

from .errors import ConfigError
from .fileio import write_atomic
from .model import Finding
from .text import normalise_space

SCHEMA = "verolint/baseline/v1"


def key(f: Finding) -> tuple[str, str, str, str]:
    return (f.code, PurePath(f.file).as_posix(), f.path, normalise_space(f.text).lower())


def load(path: Path) -> Counter:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"kan de baseline niet lezen: {exc}", str(path)) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ConfigError(f"dit is geen verolint-baseline (schema {SCHEMA} verwacht)", str(path))
    counts: Counter = Counter()
    entries = data.get("findings", [])
    if not isinstance(entries, list):
        raise ConfigError("'findings' in de baseline is geen lijst", str(path))
    for i, entry in enumerate(entries, 1):
        try:
            fields = tuple(entry[k] for k in ("code", "file", "path", "text"))
            count = int(entry.get("count", 1))
            if not all(isinstance(v, str) for v in fields) or count < 1:
                raise ValueError
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ConfigError(f"bevinding {i} in de baseline is onvolledig of ongeldig "
                              "(code, file, path, text en count verwacht)", str(path)) from None
        counts[fields] += count
    return counts


def write(path: Path, findings: list[Finding]) -> int:
    counts = Counter(key(f) for f in findings)
    entries = [
        {"code": c, "file": fl, "path": p, "text": t, "count": n}
        for (c, fl, p, t), n in sorted(counts.items())
    ]
    data = json.dumps({"schema": SCHEMA, "findings": entries}, ensure_ascii=False, indent=1) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data.encode("utf-8"))
    return sum(counts.values())


def filter_new(findings: list[Finding], baseline: Counter) -> tuple[list[Finding], int]:
    """Findings not covered by the baseline, and how many baseline entries are resolved."""
    remaining = Counter(baseline)
    new = []
    for f in findings:
        k = key(f)
        if remaining[k] > 0:
            remaining[k] -= 1
        else:
            new.append(f)
    return new, sum(n for n in remaining.values() if n > 0)
