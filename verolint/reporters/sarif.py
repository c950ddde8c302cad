"""SARIF 2.1.0 for code-scanning services (validated against the official schema in tests)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import __version__
from ..model import Severity
from ..text import normalise_space
from . import Reporter, dumps

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://pypi.org/project/verolint/"


def fingerprint(f) -> str:
    """Stable across edits elsewhere in the file: rule, article path and text."""
    key = "\x1f".join([f.code, f.path, normalise_space(f.text).lower()])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _uri(path: str, root: Path) -> str:
    p = Path(path)
    try:
        rel = p.resolve().relative_to(root)
        return rel.as_posix()
    except (ValueError, OSError):
        return p.as_posix().lstrip("./") if not p.is_absolute() else p.as_uri()


def rule_descriptor(rule) -> dict:
    doc = rule.doc
    full = doc.render().strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": doc.summary.split("\n")[0] or rule.code},
        "fullDescription": {"text": full},
        "help": {"text": full, "markdown": full},
        "helpUri": f"{INFO_URI}#{rule.code.lower()}",
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"category": str(rule.category), "tags": [str(rule.category)]},
    }


def as_sarif(run, root: Path | None = None) -> dict:
    root = (root or Path.cwd()).resolve()
    rules = run.registry.sorted()
    index = {r.code: i for i, r in enumerate(rules)}
    results = []
    for f in run.findings:
        message = f.message + (f" Suggestie: {f.suggestion}" if f.suggestion else "")
        result = {
            "ruleId": f.code,
            "ruleIndex": index.get(f.code, -1),
            "level": _LEVEL[f.severity],
            "message": {"text": message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.file, root), "uriBaseId": "SRCROOT"},
                    "region": {
                        "startLine": f.line, "startColumn": f.column,
                        "endLine": f.end_line, "endColumn": max(f.end_column, 1),
                    },
                },
                **({"logicalLocations": [{"fullyQualifiedName": f.path, "kind": "member"}]} if f.path else {}),
            }],
            "partialFingerprints": {"verolint/v1": fingerprint(f)},
        }
        if f.places:  # the same finding elsewhere in the file (grouped)
            result["relatedLocations"] = [
                {"id": i, "physicalLocation": {"artifactLocation": {"uri": _uri(f.file, root), "uriBaseId": "SRCROOT"},
                                               "region": {"startLine": line, "startColumn": col}},
                 **({"message": {"text": path}} if path else {})}
                for i, (line, col, path) in enumerate(f.places, 1)]
        if result["ruleIndex"] < 0:
            del result["ruleIndex"]
        results.append(result)
    notifications = [
        {"level": "error", "message": {"text": r.error},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path, root), "uriBaseId": "SRCROOT"}}}]}
        for r in run.files if r.error
    ]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "verolint", "version": __version__, "semanticVersion": __version__,
                "informationUri": INFO_URI, "rules": [rule_descriptor(r) for r in rules],
            }},
            "originalUriBaseIds": {"SRCROOT": {"uri": root.as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": not run.errors,
                **({"toolExecutionNotifications": notifications} if notifications else {}),
            }],
            "results": results,
        }],
    }


class SarifReporter(Reporter):
    name = "sarif"

    def report(self, run) -> None:
        self.stream.write(dumps(as_sarif(run), self.stream))
        self.stream.write("\n")
