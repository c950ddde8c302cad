"""Throughput of ``verolint audit`` (issue 14): regulations per second and memory.

    python benchmarks/bench_audit.py [--n 2000] [--modes inline,jobs2,dask2]

A synthetic national corpus (tests/cvdr_fake.py: ``--n`` regulations in the
real CVDR XML shape, built from real ordinance texts) is served by the local
imitation of the CVDR search service and repository on 127.0.0.1. Each mode
audits all of it from an empty cache with ``--rate 0`` (no politeness
waits, so the figure is the linting and fetching capacity): in this process
(``--jobs 1``), in 2 worker processes (``--jobs 2``) and on a Dask
``LocalCluster`` with 2 worker processes (``--dask --jobs 2``). Printed per
mode: wall time, regulations per second, and the peak memory of the largest
process doing the work (a worker; the auditing process itself for
``--jobs 1``), sampled every 0.2 s. Then the cost of a full CVDR audit on
paper, from these figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

CVDR_TOTAL = 343_000  # regulations in CVDR, September 2026 (docs/cvdr.md)


class PeakMemory:
    """The largest resident set of this process or any descendant, sampled."""

    def __init__(self, descendants: bool):
        import psutil

        self.me = psutil.Process()
        self.descendants = descendants
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        import psutil

        while not self._stop.is_set():
            procs = self.me.children(recursive=True) if self.descendants else [self.me]
            for p in procs:
                try:
                    self.peak = max(self.peak, p.memory_info().rss)
                except psutil.Error:
                    pass
            self._stop.wait(0.2)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def run_mode(mode: str, query: str, work: Path):
    from verolint.audit import Audit, Plan
    from verolint.cvdr import store

    shutil.rmtree(store.folder(), ignore_errors=True)
    plan = {"inline": Plan(rate=0), "jobs2": Plan(rate=0, jobs=2), "dask2": Plan(rate=0, jobs=2, dask=True)}[mode]
    audit = Audit(work / mode, query)
    audit.prepare()
    records = audit.inventory()
    with PeakMemory(descendants=mode != "inline") as mem:
        started = time.perf_counter()
        progress = audit.run(records, plan)
        elapsed = time.perf_counter() - started
    return len(records), progress, elapsed, mem.peak


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--modes", default="inline,jobs2,dask2")
    args = ap.parse_args()

    from cvdr_fake import FakeCvdr, generate

    work = Path(tempfile.mkdtemp(prefix="bench-audit-"))
    os.environ["VEROLINT_CACHE_DIR"] = str(work / "cache")
    regs = generate(args.n, seed=1)
    size = sum(len(r.xml) for r in regs)
    print(f"synthetic corpus: {len(regs)} regulations, {size / 1e6:.1f} MB of XML "
          f"(median {sorted(len(r.xml) for r in regs)[len(regs) // 2] / 1e3:.1f} KB)")
    figures = {}
    with FakeCvdr(regs) as fake:
        os.environ["VEROLINT_SRU_URL"] = fake.sru_url
        os.environ["VEROLINT_CVDR_REPOSITORY"] = fake.repository
        for mode in args.modes.split(","):
            n, progress, elapsed, peak = run_mode(mode, "dcterms.identifier=CVDR*", work)
            figures[mode] = n / elapsed
            print(f"{mode:7s} {n} regulations in {elapsed:6.1f} s = {n / elapsed:5.1f} per second; "
                  f"peak memory of one working process {peak / 2**20:.0f} MB; statuses {dict(progress.statuses)}")
    shutil.rmtree(work, ignore_errors=True)

    per_core = figures.get("inline") or next(iter(figures.values()))
    per_mb = size / 1e6 / args.n
    print(f"\nA full CVDR audit of {CVDR_TOTAL:,} regulations, on paper:")
    print(f"  fetching at the polite 1 request per second to the one repository host: {CVDR_TOTAL / 3600:.0f} h "
          f"({CVDR_TOTAL / 86400:.1f} days), whatever the number of machines; the inventory adds "
          f"{CVDR_TOTAL // 1000 + 1} SRU pages (6 minutes)")
    for machines, cores in ((1, 2), (1, 8), (4, 8)):
        hours = CVDR_TOTAL / (per_core * machines * cores * 0.9) / 3600
        print(f"  linting on {machines} machine(s) x {cores} cores (measured {per_core:.1f} per second per core, "
              f"at {per_mb * 1000:.0f} KB per regulation; 90 % scaling): {hours:.1f} h")
    print("  so the bottleneck is the polite fetch rate, not the linting: one 2-core machine lints faster than "
          "the repository may be asked")


if __name__ == "__main__":
    main()
