"""GitLab Code Quality report (the Code Climate subset GitLab reads): a JSON
array, one issue per finding, shown in merge requests.

    verolint check --format gitlab -o gl-code-quality-report.json .
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from ..model import Severity
from ..text import normalise_space
from . import Reporter, dumps

_SEVERITY = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}


def _relative(path: str) -> str:
    """Paths relative to the repository root (the working directory in CI)."""
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return p.as_posix()


def as_issues(run) -> list[dict]:
    issues = []
    seen: Counter = Counter()
    for result in run.files:
        path = _relative(result.path)
        if result.error:
            issues.append({"description": f"niet gelezen: {result.error}", "check_name": "verolint",
                           "fingerprint": _fingerprint(path, "read-error", "", "", 0),
                           "severity": "blocker", "location": {"path": path, "lines": {"begin": 1}}})
        for f in result.findings:
            # unique per finding, stable across edits elsewhere in the file
            key = (path, f.code, f.path, normalise_space(f.text).lower())
            seen[key] += 1
            issues.append({
                "description": f"{f.code} {f.message}{f.places_text}" + (f" [{f.path}]" if f.path else ""),
                "check_name": f"verolint-{f.code}",
                "fingerprint": _fingerprint(*key, seen[key]),
                "severity": _SEVERITY[f.severity],
                "location": {"path": path, "lines": {"begin": f.line, "end": f.end_line}},
            })
    return issues


def _fingerprint(path: str, code: str, where: str, text: str, n: int) -> str:
    return hashlib.md5("\x1f".join([path, code, where, text, str(n)]).encode("utf-8"), usedforsecurity=False).hexdigest()


class GitlabReporter(Reporter):
    name = "gitlab"

    def report(self, run) -> None:
        self.stream.write(dumps(as_issues(run), self.stream))
        self.stream.write("\n")
