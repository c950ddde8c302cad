"""An audit of many published regulations: ``verolint audit``.

1. **Inventory.** The CQL query is paged through the CVDR search service and
   the records are kept in ``inventory.jsonl`` (written once complete).
2. **Fetch and lint.** Each regulation is one task (:mod:`.task`): its XML is
   fetched from the official repository at the polite rate (one request per
   second per host by default; the auditing process hands out the time
   slots, so any number of workers keeps to it together) and linted. Each
   result is written at once, atomically, to ``results/<id>.json``.
3. **Results.** From the stored results, in inventory order: the findings
   (JSON Lines or Parquet), a summary per regulation and per municipality
   (CSV), and an HTML overview (:mod:`.outputs`).

Resumable: the folder remembers its query. A second run fetches and lints
only the regulations without a stored result (a network failure is not
stored, so it is tried again), and ends with the same files as one
uninterrupted run, because the results are assembled in inventory order
from per-regulation files whatever order the tasks finished in.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from .. import __version__
from ..cvdr import Record, sru
from ..errors import VerolintError
from ..fileio import write_atomic
from . import executors
from .task import FAILED, OK, RETRY

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class AuditError(VerolintError):
    pass


def build_query(query: str | None, gemeenten: tuple[str, ...] = (), geldig_op: str | None = None) -> str:
    """One CQL query from the user's query and the conveniences."""
    parts = []
    if query:
        parts.append(f"({query})" if gemeenten or geldig_op else query)
    if gemeenten:
        alts = " or ".join(f"gemeente={sru.quote(g)}" for g in gemeenten)
        parts.append(f"({alts})" if len(gemeenten) > 1 else alts)
    if geldig_op:
        if not DATE_RE.match(geldig_op):
            raise AuditError(f"'{geldig_op}' is geen datum (vorm: JJJJ-MM-DD)")
        parts.append(f"overheidrg.datumGeldendOp={geldig_op}")
    if not parts:
        raise AuditError("geef een vraag: --query, --gemeente of --geldig-op")
    return " and ".join(parts)


@dataclass
class Plan:
    """How to run: the executor, the pace, the rule settings."""

    jobs: int = 1
    dask: bool = False
    scheduler: str | None = None
    rate: float = 1.0  # requests per second per host; 0 = no waiting
    settings: tuple = ((), None)  # (overrides items, config path), see task.linter_for
    limit: int | None = None


@dataclass
class Progress:
    """Counts so far, for the progress bar and the closing line."""

    total: int = 0
    done: int = 0
    statuses: Counter = field(default_factory=Counter)


class Audit:
    def __init__(self, folder: Path, query: str):
        self.folder = folder
        self.query = query
        self.results = folder / "results"

    # -- the folder ----------------------------------------------------------------

    def prepare(self) -> bool:
        """Create or reopen the folder; True when an earlier run is resumed."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.results.mkdir(exist_ok=True)
        meta_path = self.folder / "audit.json"
        if meta_path.exists():
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise AuditError(f"{meta_path} is onleesbaar ({exc}); kies een nieuwe map") from None
            if meta.get("query") != self.query:
                raise AuditError(f"de map {self.folder} hoort bij een andere audit ({meta.get('query')!r}); "
                                 "kies een nieuwe map met --out")
            return True
        write_atomic(meta_path, json.dumps({"query": self.query, "verolint": __version__,
                                            "begonnen": time.strftime("%Y-%m-%dT%H:%M:%S")},
                                           ensure_ascii=False, indent=1).encode())
        return False

    def inventory(self, on_page: Callable | None = None) -> list[Record]:
        path = self.folder / "inventory.jsonl"
        if path.exists():
            return [Record.from_dict(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line]
        found = list(sru.records(self.query, on_page=on_page))
        unique = list({r.record_id: r for r in found}.values())
        write_atomic(path, "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in unique).encode())
        return unique

    def stored(self) -> set[str]:
        return {p.stem for p in self.results.glob("*.json")}

    def keep(self, result: dict) -> None:
        """Store a result (not one to try again) under its regulation id."""
        if result["status"] == RETRY:
            return
        rec = result["record"]
        write_atomic(self.results / f"{rec['work']}_{rec['version']}.json",
                     json.dumps(result, ensure_ascii=False, sort_keys=True).encode())

    def load(self, records: list[Record]) -> list[dict]:
        out = []
        for r in records:
            path = self.results / f"{r.record_id}.json"
            if path.exists():
                out.append(json.loads(path.read_text(encoding="utf-8")))
        return out

    # -- running -------------------------------------------------------------------

    def run(self, records: list[Record], plan: Plan, on_result: Callable[[dict], None] | None = None) -> Progress:
        """Fetch and lint what has no stored result yet."""
        have = self.stored()
        todo = [r for r in records if r.record_id not in have]
        if plan.limit is not None:
            todo = todo[:plan.limit]
        progress = Progress(total=len(todo))
        tasks = [(r.to_dict(), slot, plan.settings, plan.rate) for r, slot in zip(todo, _slots(todo, plan.rate))]

        def done(result: dict) -> None:
            self.keep(result)
            progress.done += 1
            progress.statuses[result["status"]] += 1
            if on_result:
                on_result(result)

        if plan.dask or plan.scheduler:
            executors.dask(tasks, done, plan.settings, plan.jobs, plan.scheduler)
        elif plan.jobs > 1 and len(tasks) > 1:
            executors.processes(tasks, done, plan.settings, plan.jobs)
        else:
            executors.inline(tasks, done, plan.settings)
        return progress


def _slots(records: list[Record], rate: float) -> list[float]:
    """The wall-clock time before which each regulation's fetch may not start:
    ``rate`` per second per host, from now. Regulations already in the cache
    need no fetch and no slot."""
    from ..cvdr import store

    if rate <= 0:
        return [0.0] * len(records)
    interval, now = 1.0 / rate, time.time()
    nxt: dict[str, float] = {}
    out = []
    for r in records:
        if store.cached(r.work, r.version):
            out.append(0.0)
            continue
        host = urlsplit(r.xml_url or sru.repository_url()).netloc
        slot = max(now, nxt.get(host, now))
        nxt[host] = slot + interval
        out.append(slot)
    return out


__all__ = ["Audit", "AuditError", "Plan", "build_query", "FAILED", "OK", "RETRY"]
