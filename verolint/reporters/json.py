"""JSON output, schema ``verolint/findings/v1`` (see docs/json-schema.json).

Stable: fields are only ever added, never renamed or removed, within v1.
"""

from __future__ import annotations

from collections import Counter

from .. import __version__
from . import Reporter, dumps

SCHEMA_ID = "verolint/findings/v1"


def as_dict(run) -> dict:
    findings = run.findings
    return {
        "schema": SCHEMA_ID,
        "tool": {"name": "verolint", "version": __version__},
        "files": [
            {"path": r.path, "findings": len(r.findings), **({"error": r.error} if r.error else {}),
             **({"skipped": r.skipped} if r.skipped else {}),
             **({"statistics": r.stats} if r.stats else {})}
            for r in run.files
        ],
        "findings": [
            {**f.to_dict(), **({"fix": {"replacement": f.fix.replacement}} if f.fix else {})}
            for f in findings
        ],
        "summary": {
            "files": len(run.files),
            "findings": len(findings),
            "errors": sum(1 for r in run.files if r.error),
            "by_severity": dict(Counter(str(f.severity) for f in findings)),
            "by_code": dict(sorted(Counter(f.code for f in findings).items())),
        },
    }


class JsonReporter(Reporter):
    name = "json"

    def report(self, run) -> None:
        self.stream.write(dumps(as_dict(run), self.stream))
        self.stream.write("\n")
