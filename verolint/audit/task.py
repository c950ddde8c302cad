"""One regulation of an audit: fetch its XML politely, lint it, summarise.

The same function runs in the auditing process (``--jobs 1``), in worker
processes (``--jobs N``) and on Dask workers. Everything it takes and gives
is plain data, so it travels between machines; the linter (rule set,
statute index, language model) is made once per process and kept.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from .. import net
from ..cvdr import CvdrError, Record
from ..errors import VerolintError

# linters and the process's own pace keeper, made once per process
_LINTERS: dict = {}
_THROTTLES: dict = {}

OK, FAILED, RETRY = "ok", "onleesbaar", "opnieuw"


def linter_for(settings: tuple):
    """``settings`` is (overrides as sorted items, config path or None)."""
    linter = _LINTERS.get(settings)
    if linter is None:
        from ..engine import Linter

        overrides, config_path = settings
        linter = Linter(dict(overrides), Path(config_path) if config_path else None, isolated=config_path is None)
        _LINTERS[settings] = linter
    return linter


def warm(settings: tuple) -> bool:
    """Load the rule set and the statutes before the first regulation (a worker's start)."""
    from ..readers import read_string

    linter = linter_for(settings)
    doc = read_string("Artikel 1\nHet college beslist binnen acht weken op de aanvraag.\n", "warm.txt")
    linter.lint(doc, linter.settings_for(None), {})
    return True


def audit_one(record: dict, not_before: float, settings: tuple, rate: float) -> dict:
    """Fetch (unless cached) and lint one regulation.

    ``not_before`` is the wall-clock time given out by the auditing process
    for this fetch, so that all workers together keep to the polite rate;
    the process's own throttle keeps its fetches apart as well. The result's
    ``status`` is ``ok``, ``onleesbaar`` (the XML is not a readable
    regulation: final) or ``opnieuw`` (a network problem: fetched again on
    the next run)."""
    from ..cvdr import store
    from ..runner import RunOptions, check_one

    rec = Record.from_dict(record)
    out = {"record": record, "status": OK, "message": ""}
    try:
        path = store.cached(rec.work, rec.version)
        if path is None:
            delay = not_before - time.time()
            if delay > 0:
                time.sleep(delay)
            throttle = _THROTTLES.setdefault(rate, net.Throttle(rate))
            path = store.store(rec, store.download(rec, throttle))
    except CvdrError as exc:
        return {**out, "status": FAILED, "message": exc.message}
    except net.FetchError as exc:
        return {**out, "status": RETRY, "message": exc.message}
    linter = linter_for(settings)
    try:
        outcome = check_one(linter, path, path.name, None, RunOptions())
    except VerolintError as exc:
        return {**out, "status": FAILED, "message": exc.message}
    except Exception as exc:  # noqa: BLE001 - a bug on one regulation must not end the audit of all
        return {**out, "status": FAILED, "message": f"interne fout ({type(exc).__name__}: {exc}); meld dit als fout"}
    linter.run.take_collected()  # an audit compares no regulations with each other
    result = outcome.result
    if result.error:
        return {**out, "status": FAILED, "message": result.error}
    return {**out, **summary(result)}


def summary(result) -> dict:
    """What the audit keeps of a linted regulation: its findings and key facts."""
    from ..reporters import family_label

    findings = result.findings + result.hidden
    language = result.stats.get("language", {}).get("document", {})
    return {
        "profile": result.stats.get("profile", ""),
        "hardship": result.stats.get("hardship", ""),
        "level": language.get("level", ""),
        "sentences": language.get("units", 0),
        "above": language.get("above", 0),
        "families": dict(sorted(Counter(family_label(f) for f in findings).items())),
        "findings": [
            {"code": f.code, "severity": str(f.severity), "family": family_label(f), "line": f.line,
             "column": f.column, "path": f.path, "message": f.message + f.places_text,
             "suggestion": f.suggestion or ""}
            for f in findings
        ],
    }
