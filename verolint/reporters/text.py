"""Human-readable output: one line per finding, then a summary."""

from __future__ import annotations

from collections import Counter

from ..model import Severity
from . import Reporter, ranked, severity_counts

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


class TextReporter(Reporter):
    """``file:line:col: CODE message [artikel 4, lid 2] → suggestie``, per file
    in order of importance (``ranked``): errors and legal defects first,
    language last. The concise format keeps the text order."""

    name = "text"
    show_suggestions = True

    def paint(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.color else text

    def line(self, f) -> str:
        where = f"{f.file}:{f.unit} {f.line}:" if f.unit else f"{f.file}:{f.line}:{f.column}:"
        code = self.paint(f.code, _COLORS[f.severity] + ";1")
        path = f" [{f.path}]" if f.path else ""
        text = f"{self.paint(where, '1')} {code} {f.message}{f.places_text}{self.paint(path, '2')}"
        if self.show_suggestions and f.suggestion:
            text += self.paint(f" → {f.suggestion}", "32")
        return text

    def report(self, run) -> None:
        write = self.stream.write
        for result in run.files:
            if result.error:
                write(f"{self.paint('fout', '31;1')}: {_with_path(result)}\n")
            for f in ranked(result.findings):
                write(self.line(f) + "\n")
        findings = run.findings
        if self.statistics:
            self.write_statistics(findings)
            for result in run.files:
                if result.stats.get("language"):
                    self.write_language(result.path, result.stats["language"])
        write(self.summary(run) + "\n")

    def write_language(self, path: str, lang: dict) -> None:
        """Per article: level, share of sentences above target, Flesch-Douma, main causes."""
        write = self.stream.write
        target, doc = lang["target"], lang["document"]
        fd = f", Flesch-Douma {doc['fd']:.0f}" if doc["fd"] is not None else ""
        write(f"\nTaalniveau {path} (doel {target}): document {doc['level']}, "
              f"{doc['above']} van {doc['units']} zinnen boven {target}{fd}\n")
        width = max((len(a["path"]) for a in lang["articles"]), default=10)
        for a in lang["articles"]:
            level = a["level"]
            mark = self.paint(f"{level:4s}", "31;1" if level == "C1+" else "33" if level == "B2" else "32")
            fd = f"{a['fd']:5.0f}" if a["fd"] is not None else "    -"
            why = ", ".join(a["reasons"])
            write(f"  {a['path']:<{width}}  {mark}  {a['above']:2d}/{a['units']:<2d} FD{fd}  {why}\n")

    def write_statistics(self, findings) -> None:
        counts = Counter((f.code, f.name, f.category) for f in findings)
        if not counts:
            return
        self.stream.write("\n")
        for (code, name, category), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0])):
            self.stream.write(f"{n:6d}  {code}  {category:22s} {name}\n")

    def summary(self, run) -> str:
        findings = run.findings
        nfiles = len(run.files)
        files = f"{nfiles} {'bestand' if nfiles == 1 else 'bestanden'}"
        if not findings:
            text = f"Geen bevindingen in {files}."
        else:
            fixable = sum(1 for f in findings if f.fix)
            text = (f"{len(findings)} {'bevinding' if len(findings) == 1 else 'bevindingen'} "
                    f"({severity_counts(findings)}) in {files}.")
            if fixable:
                text += f" {fixable} met een veilige vervanging."
        if run.errors:
            text += f" {len(run.errors)} {'bestand' if len(run.errors) == 1 else 'bestanden'} niet gelezen."
        return self.paint(text, "1")


class ConciseReporter(TextReporter):
    """Strictly one line per finding, no suggestion, no summary (for grep/editors)."""

    name = "concise"
    show_suggestions = False

    def report(self, run) -> None:
        for result in run.files:
            if result.error:
                self.stream.write(f"fout: {_with_path(result)}\n")
            for f in result.findings:
                self.stream.write(self.line(f) + "\n")


def _with_path(result) -> str:
    """The error, always naming the file."""
    return result.error if result.error.startswith(result.path) else f"{result.path}: {result.error}"
