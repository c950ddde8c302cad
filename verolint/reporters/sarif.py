"""SARIF 2.1.0 for code-scanning services (validated against the official schema in tests)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path, PurePath

from .. import __version__
from ..model import Severity
from ..text import normalise_space
from . import Reporter, dumps

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
# Where the rules' documentation (docs/rules.md) is published. There is no
# address that is right for every copy of verolint, so helpUri is only written
# when it is known: the GitHub Action sets it to docs/rules.md of the action's
# own repository and version.
DOCS_URL_ENV = "VEROLINT_DOCS_URL"


def fingerprint(f) -> str:
    """Stable across edits elsewhere in the file: rule, article path and text;
    a finding about the whole document (no path, no text) also names its file."""
    parts = [f.code, f.path, normalise_space(f.text).lower()]
    if not f.path and not f.text:
        parts.append(PurePath(f.file).as_posix())
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def anchor(rule) -> str:
    """The heading anchor of a rule in docs/rules.md (GitHub's slug of '## CODE name')."""
    return f"{rule.code.lower()}-{rule.name.lower()}"


def rules_markdown(rules) -> str:
    """docs/rules.md: every rule's documentation, one heading per rule."""
    out = ["# verolint: de regels\n\n",
           "Gemaakt met `verolint rules --format markdown`; `verolint explain CODE` toont hetzelfde per regel.\n"]
    for r in rules:
        out.append(f"\n## {r.code} {r.name}\n\n")
        out.append(f"*{r.category}* · standaard **{r.severity}**" + (" · te verbeteren met `--fix`" if r.fixable else "") + "\n\n")
        out.append(r.doc.render().strip() + "\n")
    return "".join(out)


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
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"category": str(rule.category), "tags": [str(rule.category)]},
        **({"helpUri": f"{base}#{anchor(rule)}"} if (base := os.environ.get(DOCS_URL_ENV)) else {}),
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
                "rules": [rule_descriptor(r) for r in rules],
                **({"informationUri": base} if (base := os.environ.get(DOCS_URL_ENV)) else {}),
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
