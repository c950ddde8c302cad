"""Large inputs (issue 6): one huge file, and a folder of ~1,960 laws on all cores.

    python benchmarks/bench_scale.py                 # both (several minutes)
    python benchmarks/bench_scale.py --mb 10         # the huge file only, smaller
    python benchmarks/bench_scale.py --skip-huge     # the folder only

* huge file: a synthetic ordinance of --mb megabytes (the classic sample's
  articles, renumbered and repeated, so every rule has defects to report),
  checked with every rule except statutory duplication; prints wall time and
  peak memory (maximum resident set size of the process).
* folder: all of shared/corpus/national-laws-2017 checked with --jobs 2 and
  every rule except statutory duplication; prints wall time and the peak
  memory of the parent and of the largest worker.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("VEROLINT_CORPUS", ROOT.parent / "shared" / "corpus"))


def timed_check(target: Path, jobs: int, capture: bool) -> tuple[float, float, str]:
    """(seconds, peak MB of the main process, output) of one verolint run."""
    t = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "verolint", "check", str(target), "--ignore", "DUP",
         "-f", "concise", "--exit-zero", "-j", str(jobs)],
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )
    peak = int(proc.stderr.strip().splitlines()[-1]) / 1024
    return time.perf_counter() - t, peak, proc.stdout or ""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=50)
    ap.add_argument("--skip-huge", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_core import synthetic_ordinance

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if not args.skip_huge:
            huge = tmp / f"verordening-{args.mb}mb.txt"
            huge.write_text(synthetic_ordinance(args.mb * 1_000_000), encoding="utf-8")
            secs, peak, _ = timed_check(huge, 1, capture=False)
            print(f"one {args.mb} MB ordinance, all rules but DUP: {secs:.0f} s, peak {peak:.0f} MB")
        laws = CORPUS / "national-laws-2017"
        if laws.is_dir():
            secs, parent, out = timed_check(laws, 2, capture=True)
            children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            findings = len(out.splitlines())
            files = sum(1 for _ in laws.glob("*.md"))
            print(f"national-laws-2017 ({files} files, 45 MB) with --jobs 2, all rules but DUP: {secs:.0f} s, "
                  f"{findings} findings; peak memory: main process {parent:.0f} MB, largest process {children:.0f} MB")
        else:
            print(f"corpus not found at {CORPUS}: folder run skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
