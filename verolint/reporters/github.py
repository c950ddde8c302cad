"""GitHub Actions workflow commands: annotations on the pull request, and a
job summary.

GitHub shows at most 10 error and 10 warning annotations per step (and 10
notices): the most important findings (``ranked``) become annotations, and
every finding is listed in the job summary (``$GITHUB_STEP_SUMMARY``), so
none is lost. Without that variable (outside Actions) all annotations are
written.
"""

from __future__ import annotations

import os
from collections import Counter

from ..model import Severity
from . import SEVERITY_NL, Reporter, family_label, ranked, severity_counts

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
ANNOTATIONS_PER_LEVEL = 10
SUMMARY_ROWS = 1000


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


class GithubReporter(Reporter):
    name = "github"

    def report(self, run) -> None:
        summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
        for result in run.files:
            if result.error:
                self.stream.write(f"::error file={_escape_property(result.path)},title=verolint::{_escape_data(result.error)}\n")
        shown: Counter = Counter()
        held_back = 0
        for f in ranked(run.findings):
            if summary_path and shown[f.severity] >= ANNOTATIONS_PER_LEVEL:
                held_back += 1
                continue
            shown[f.severity] += 1
            self.stream.write(self.annotation(f))
        if held_back:
            self.stream.write(f"::notice title=verolint::{held_back} bevindingen meer dan GitHub als annotatie toont; "
                              "alle bevindingen staan in de samenvatting van deze job.\n")
        if summary_path:
            with open(summary_path, "a", encoding="utf-8") as fh:
                fh.write(self.summary_markdown(run))

    def annotation(self, f) -> str:
        props = ",".join([
            f"file={_escape_property(f.file)}",
            f"line={f.line}",
            f"endLine={f.end_line}",
            *([f"col={f.column}", f"endColumn={f.end_column}"] if f.line == f.end_line else []),
            f"title={_escape_property(f'verolint {f.code} ({f.name})')}",
        ])
        message = f.message + f.places_text + (f" [{f.path}]" if f.path else "")
        if f.suggestion:
            message += f"\n{f.suggestion}"
        return f"::{_LEVEL[f.severity]} {props}::{_escape_data(message)}\n"

    def summary_markdown(self, run) -> str:
        findings = ranked(run.findings)
        by_family = Counter(family_label(f) for f in findings)
        out = ["## verolint\n\n"]
        nfiles = len(run.files)
        if not findings:
            out.append(f"Geen bevindingen in {nfiles} {'bestand' if nfiles == 1 else 'bestanden'}.\n")
        else:
            out.append(f"{len(findings)} bevindingen ({severity_counts(findings)}) in {nfiles} "
                       f"{'bestand' if nfiles == 1 else 'bestanden'}.\n\n")
            out.append("| familie | aantal |\n| --- | ---: |\n")
            out += [f"| {family} | {n} |\n" for family, n in by_family.most_common()]
            out.append("\n| ernst | code | plaats | bevinding |\n| --- | --- | --- | --- |\n")
            for f in findings[:SUMMARY_ROWS]:
                where = f"{f.file}:{f.line}" + (f" [{f.path}]" if f.path else "")
                out.append(f"| {SEVERITY_NL[f.severity][0]} | {f.code} | {_cell(where)} | {_cell(f.message + f.places_text)} |\n")
            if len(findings) > SUMMARY_ROWS:
                out.append(f"\n… en {len(findings) - SUMMARY_ROWS} meer (gebruik `--format json` of `sarif` voor alles).\n")
        errors = [r for r in run.files if r.error]
        if errors:
            out.append("\nNiet gelezen:\n\n" + "".join(f"- {_cell(r.path)}: {_cell(r.error)}\n" for r in errors))
        return "".join(out) + "\n"
