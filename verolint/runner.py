"""Running a check over many files: in this process or on all cores, in a
deterministic order, with optional progress, fixes, diffs and document views.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .engine import Linter
from .errors import ConfigError, NotAnOrdinance, RuleDefinitionError, VerolintError
from .model import FileResult, Kind, RunResult, group_repeats


@dataclass
class RunOptions:
    jobs: int = 1
    fix: bool = False
    group: bool = True  # repeated identical findings as one (model.group_repeats)
    skip_non_ordinances: bool = False  # pre-commit: leave other texts alone, with a note
    diff: bool = False
    views: bool = False  # keep a light view of each document (HTML report)
    progress: bool = False
    stdin_name: str | None = None


@dataclass
class FileOutcome:
    result: FileResult
    collected: dict  # what rules collected for findings across files (RunContext.collect)
    diff: str = ""
    fixed: int = 0


def document_view(doc) -> dict:
    """What the HTML report needs of a document, small enough to send between processes."""
    def span(node):
        return node.start, node.end

    articles = []
    for art in doc.articles():
        articles.append({"start": art.start, "end": art.end, "path": art.path,
                         "title": art.title or "", "head_end": art.body_start})
    chapters = [{"start": n.start, "end": n.end, "path": n.path, "title": n.title or ""}
                for n in doc.root.iter(Kind.HOOFDSTUK)]
    return {"source": doc.source, "title": doc.title, "articles": articles, "chapters": chapters,
            "format": doc.format, "line_map": doc.line_map}


def check_one(linter: Linter, path: Path | None, display: str, error: str | None, options: RunOptions) -> FileOutcome:
    from .readers import read_path, read_stdin

    if error:
        return FileOutcome(FileResult(display, error=error), {})
    settings = linter.settings_for(_config_anchor(path, display, options))
    linter.registry_for(settings)  # a configuration error ends the run (exit 2)
    stats: dict = {}
    try:
        try:
            doc = read_stdin(display) if path is None else read_path(path, display)
        except VerolintError:
            raise
        except Exception as exc:  # noqa: BLE001 - a reader bug must not end the run for the other files
            raise VerolintError(f"interne fout bij het lezen ({type(exc).__name__}: {exc}); "
                                "meld dit als fout in verolint", display) from exc
        if options.skip_non_ordinances and not doc.articles():
            return FileOutcome(FileResult(display, skipped="geen artikelen: geen verordening"), {})
        with _gc_frozen(len(doc.text)):
            findings = linter.lint(doc, settings, stats)
    except (ConfigError, RuleDefinitionError):
        raise
    except NotAnOrdinance as exc:
        if not options.skip_non_ordinances:
            return FileOutcome(FileResult(display, error=str(exc)), {})
        return FileOutcome(FileResult(display, skipped=exc.message), {})
    except VerolintError as exc:
        linter.run.take_collected()  # a file that failed contributes nothing
        return FileOutcome(FileResult(display, error=str(exc)), {})
    outcome_diff, fixed_count = "", 0
    if (options.fix or options.diff) and path is not None and any(f.fix for f in findings):
        from . import fixes  # (difflib: not for a plain check)

        fixed_text, applied = fixes.apply(doc.source, findings)
        if applied:
            if options.diff:
                outcome_diff = fixes.diff(doc, fixed_text)
            else:
                try:
                    fixes.write(path, doc, applied)
                except (VerolintError, OSError) as exc:
                    linter.run.take_collected()
                    return FileOutcome(FileResult(display, error=f"kan niet verbeteren: {exc}"), {})
                fixed_count = len(applied)
                done = {id(f) for f in applied}
                findings = [f for f in findings if id(f) not in done]
    if options.group:
        findings = group_repeats(findings)
    result = FileResult(display, settings=settings, stats=stats)
    for f in findings:
        result.add(f)
    if options.views:
        result.view = document_view(doc)
    return FileOutcome(result, linter.run.take_collected(), outcome_diff, fixed_count)


def _config_anchor(path: Path | None, display: str, options: RunOptions) -> Path | None:
    """Where a file's configuration is looked for: beside the file; for
    standard input beside --stdin-filename; for a regulation fetched from
    CVDR (kept in the cache) in the working folder, as for a local file."""
    if path is None:
        return Path(options.stdin_name) if options.stdin_name else None
    if path.name.startswith("CVDR") and path.suffix == ".xml":
        from .cvdr.store import holds

        if holds(path):
            return Path(display)
    return path


class _gc_frozen:
    """Keep the document's objects out of the cyclic garbage collector while it
    is linted: a big document has millions of long-lived objects, and full
    collections over them would make the run quadratic. They are handed back
    (and their cycles collected) when the file is done.

    Before a big document the garbage of earlier files is collected first, so
    that it is not frozen along and kept for the whole file. Before a small
    one that full collection would cost more than the linting (a run over
    thousands of small regulations spent a fifth of its time there), and the
    little garbage is left to the collector's own schedule."""

    BIG = 1 << 20  # characters

    def __init__(self, size: int = 0):
        self.size = size

    def __enter__(self):
        if self.size >= self.BIG:
            gc.collect()
        gc.freeze()

    def __exit__(self, *exc):
        gc.unfreeze()
        return False


# -- worker processes ------------------------------------------------------------------

_WORKER: dict = {}


def _init_worker(linter_args: dict, options: RunOptions) -> None:
    linter = Linter(linter_args["overrides"], linter_args["config_path"], linter_args["isolated"])
    linter.extra_statutes = linter_args["extra_statutes"]
    _WORKER["linter"] = linter
    _WORKER["options"] = options


def _work(target) -> FileOutcome:
    path, display, error = target
    return check_one(_WORKER["linter"], path, display, error, _WORKER["options"])


def run(linter: Linter, targets: list, options: RunOptions, registry) -> tuple[RunResult, list[str], int]:
    """Check all targets; returns the result, the diffs (--diff) and the number of fixes applied."""
    started = time.perf_counter()
    outcomes: list[FileOutcome] = []
    total = len(targets)
    linter.run.across_files = total > 1  # (findings across files need two)
    parallel = options.jobs > 1 and total >= 4 and all(t[0] is not None or t[2] for t in targets)
    progress = Progress(total) if options.progress and total > 1 else None
    if parallel:
        import multiprocessing as mp

        args = {"overrides": linter.overrides, "config_path": linter.config_path,
                "isolated": linter.isolated, "extra_statutes": linter.extra_statutes}
        ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        with ctx.Pool(options.jobs, initializer=_init_worker, initargs=(args, options)) as pool:
            for outcome in pool.imap(_work, targets, chunksize=max(1, min(16, total // (options.jobs * 8) or 1))):
                outcomes.append(outcome)
                if progress:
                    progress.step(outcome.result.path)
    else:
        for path, display, error in targets:
            outcomes.append(check_one(linter, path, display, error, options))
            if progress:
                progress.step(display)
    if progress:
        progress.done()

    results = [o.result for o in outcomes]
    by_file = {r.path: r for r in results}
    collected: dict[str, list] = {}
    for o in outcomes:
        for code, items in o.collected.items():
            collected.setdefault(code, []).extend(items)
    first = next((r.settings for r in results if r.settings is not None), None)
    for f in linter.finish(collected, first):
        result = by_file.get(f.file)
        if result is not None and result.settings is not None:
            result.add(f)
    for r in results:
        r.findings.sort(key=lambda f: f.sort_key)
    diffs = [o.diff for o in outcomes if o.diff]
    fixed = sum(o.fixed for o in outcomes)
    if first is not None:  # rule metadata (SARIF) includes the user's own packs
        registry = linter.registry_for(first)
    return RunResult(results, registry, time.perf_counter() - started), diffs, fixed


class Progress:
    """A one-line counter on stderr, only on a terminal."""

    def __init__(self, total: int):
        self.total = total
        self.n = 0
        self.width = 0

    def step(self, name: str) -> None:
        self.n += 1
        line = f"\r[{self.n}/{self.total}] {name}"[:120]
        self.width = max(self.width, len(line))
        sys.stderr.write(line.ljust(self.width))
        sys.stderr.flush()

    def done(self) -> None:
        sys.stderr.write("\r" + " " * self.width + "\r")
        sys.stderr.flush()


def show_progress(stream_is_file: bool) -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI") and not stream_is_file


def default_jobs() -> int:
    return os.cpu_count() or 1
