"""GitHub Actions workflow commands: annotations on the pull request."""

from __future__ import annotations

from ..model import Severity
from . import Reporter

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    name = "github"

    def report(self, run) -> None:
        for result in run.files:
            if result.error:
                self.stream.write(f"::error file={_escape_property(result.path)},title=verolint::{_escape_data(result.error)}\n")
            for f in result.findings:
                props = ",".join([
                    f"file={_escape_property(f.file)}",
                    f"line={f.line}",
                    f"endLine={f.end_line}",
                    *( [f"col={f.column}", f"endColumn={f.end_column}"] if f.line == f.end_line else [] ),
                    f"title={_escape_property(f'verolint {f.code} ({f.name})')}",
                ])
                message = f.message + f.places_text + (f" [{f.path}]" if f.path else "")
                if f.suggestion:
                    message += f"\n{f.suggestion}"
                self.stream.write(f"::{_LEVEL[f.severity]} {props}::{_escape_data(message)}\n")
