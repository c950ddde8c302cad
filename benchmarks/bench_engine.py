"""The engine (issue 12): findings unchanged, CPU per MB, memory, fixed costs.

    python benchmarks/bench_engine.py digest [--save FILE | --compare FILE] [--folders NAME ...]
    python benchmarks/bench_engine.py speed [--sizes 0.05,1,4,16] [--no-proselint]
    python benchmarks/bench_engine.py cold
    python benchmarks/bench_engine.py folder [--ignore DUP]   # national-laws-2017, --jobs 2

* digest: every file of shared/corpus checked with all rules (statutes from
  shared/corpus/statutes); one SHA-256 per file over its sorted findings
  (code, line, column, end, message, suggestion). ``--compare`` lists the files
  whose findings changed and, for each, the findings gained and lost.
* speed: CPU seconds per MB on one core (a new process per run; the median of
  three), for law text from national-laws-2017 cut to each size, with and
  without statutes, beside proselint on the same file when it is installed;
  peak memory (maximum resident set) per input byte.
* cold: ``check`` of a 50 KB ordinance in a new process, first run (empty word
  cache) and warm (median of six).
* folder: national-laws-2017 with --jobs 2: wall time and peak memory.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("VEROLINT_CORPUS", ROOT.parent / "shared" / "corpus"))
LAWS = CORPUS / "national-laws-2017"
STATUTES = CORPUS / "statutes"
VEROLINT = [sys.executable, "-c", "import sys; from verolint.cli import main; sys.argv[0] = 'verolint'; main()"]


def run_json(paths: list[Path], *extra: str) -> dict:
    proc = subprocess.run(
        VEROLINT + ["check", *map(str, paths), "-f", "json", "--exit-zero", "--isolated", "--no-cache", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"verolint failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def rel(path: str) -> str:
    """A corpus file's path relative to the corpus (the same from any checkout)."""
    return os.path.relpath(Path(path).resolve(), CORPUS.resolve())


def finding_key(f: dict) -> str:
    return "\t".join(str(f.get(k)) for k in ("code", "severity", "start", "end", "path", "message", "suggestion"))


def digest(args) -> int:
    targets = [p for p in sorted(CORPUS.iterdir()) if p.is_dir() and (not args.folders or p.name in args.folders)]
    report = run_json(targets, "--statutes", str(STATUTES), "-j", "2")
    errors = {rel(f["path"]): f.get("error") for f in report["files"]}
    by_file: dict[str, list[str]] = {path: [] for path in errors}
    for x in report["findings"]:
        key = finding_key(x)
        for prefix in (str(CORPUS.resolve()) + "/", str(CORPUS) + "/"):
            key = key.replace(prefix, "")
        by_file.setdefault(rel(x["file"]), []).append(key)
    out = {}
    for path in sorted(by_file):
        keys = sorted(by_file[path])
        out[path] = {"sha256": hashlib.sha256("\n".join(keys).encode()).hexdigest(), "n": len(keys),
                     "error": errors.get(path), "keys": keys}
    total = sum(v["n"] for v in out.values())
    whole = hashlib.sha256("".join(v["sha256"] for v in out.values()).encode()).hexdigest()
    print(f"{len(out)} files, {total} findings, digest {whole[:16]}")
    if args.save:
        Path(args.save).write_text(json.dumps(out, ensure_ascii=False, indent=0), encoding="utf-8")
    if args.compare:
        before = json.loads(Path(args.compare).read_text(encoding="utf-8"))
        changed = [p for p in sorted(set(before) | set(out))
                   if before.get(p, {}).get("sha256") != out.get(p, {}).get("sha256")]
        print(f"{len(changed)} files with other findings than {args.compare}")
        per_code: dict[str, list[int]] = {}
        for p in changed:
            old, new = set(before.get(p, {}).get("keys", [])), set(out.get(p, {}).get("keys", []))
            for k in old - new:
                per_code.setdefault(k.split("\t")[0], [0, 0])[0] += 1
            for k in new - old:
                per_code.setdefault(k.split("\t")[0], [0, 0])[1] += 1
        print("per rule (lost, gained): " + ", ".join(f"{c} -{a} +{b}" for c, (a, b) in sorted(per_code.items())))
        for p in changed:
            old, new = set(before.get(p, {}).get("keys", [])), set(out.get(p, {}).get("keys", []))
            print(f"  {p}: -{len(old - new)} +{len(new - old)}")
            for k in sorted(old - new)[: args.show]:
                print(f"    - {k}")
            for k in sorted(new - old)[: args.show]:
                print(f"    + {k}")
    return 0


def law_text(size: int) -> str:
    out, n = [], 0
    for p in sorted(LAWS.glob("*.md")):
        t = p.read_text(encoding="utf-8")
        out.append(t)
        n += len(t.encode())
        if n >= size:
            break
    text = "\n\n".join(out)
    return text.encode()[:size].decode("utf-8", "ignore")


def cpu_of(cmd: list[str], cwd: Path, env=None) -> tuple[float, float]:
    """(CPU seconds, peak resident MB) of one new process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, cwd=cwd, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = int(proc.stderr.strip().splitlines()[-1]) / 1024
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), peak


def speed(args) -> int:
    sizes = [float(s) for s in args.sizes.split(",")]
    has_proselint = shutil.which("proselint") is not None and not args.no_proselint
    print(f"{'input':<22}{'verolint':>12}{'+statutes':>12}{'proselint':>12}{'ratio':>8}{'peak B/B':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, VEROLINT_CACHE_DIR=tmp)
        for mb in sizes:
            path = Path(tmp) / f"wet-{mb}mb.md"
            path.write_text(law_text(int(mb * 1_000_000)), encoding="utf-8")
            size = path.stat().st_size / 1e6
            base = VEROLINT + ["check", str(path), "-f", "concise", "--exit-zero", "--isolated", "-j", "1"]
            cpu_of(base + ["--statutes", str(STATUTES)], ROOT, env)  # fill the word cache and the statute index
            plain = [cpu_of(base, ROOT, env) for _ in range(args.repeat)]
            withs = [cpu_of(base + ["--statutes", str(STATUTES)], ROOT, env) for _ in range(args.repeat)]
            v = statistics.median(c for c, _ in plain) / size
            s = statistics.median(c for c, _ in withs) / size
            peak = max(p for _, p in plain + withs) * 1e6 / (size * 1e6)
            if has_proselint:
                p = statistics.median(cpu_of(["proselint", "check", str(path)], ROOT)[0]
                                      for _ in range(args.repeat)) / size
                ptxt, ratio = f"{p:.2f} s/MB", f"{max(v, s) / p:.2f}x"
            else:
                ptxt, ratio = "-", "-"
            print(f"{f'{size:.2f} MB law text':<22}{v:>8.2f} s/MB{s:>8.2f} s/MB{ptxt:>12}{ratio:>8}{peak:>10.1f}")
    return 0


def cold(args) -> int:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_core import synthetic_ordinance

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "verordening-50kb.txt"
        path.write_text(synthetic_ordinance(50_000), encoding="utf-8")
        cmd = [sys.executable, "-m", "verolint", "check", str(path), "--exit-zero", "-f", "concise"]
        # an installed package has its bytecode compiled; this machine may switch that off
        for label, bytecode in (("with Python's bytecode cache", True), ("without it", False)):
            env = dict(os.environ, VEROLINT_CACHE_DIR=str(Path(tmp) / f"cache-{bytecode}"))
            if bytecode:
                env.pop("PYTHONDONTWRITEBYTECODE", None)
            else:
                env["PYTHONDONTWRITEBYTECODE"] = "1"
            times = []
            for _ in range(7):
                t = time.perf_counter()
                subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp, env=env, check=True)
                times.append(time.perf_counter() - t)
            print(f"check, 50 KB ordinance, new process, {label}: first run {times[0]:.3f} s, "
                  f"warm word cache {statistics.median(times[1:]):.3f} s (median of 6)")
    return 0


def folder(args) -> int:
    cmd = VEROLINT + ["check", str(LAWS), "-f", "concise", "--exit-zero", "--isolated", "-j", "2"]
    if args.ignore:
        cmd += ["--ignore", args.ignore]
    t = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, cwd=ROOT)
    wall = time.perf_counter() - t
    parent = int(proc.stderr.strip().splitlines()[-1]) / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rules = f"all rules but {args.ignore}" if args.ignore else "all rules"
    print(f"national-laws-2017 ({sum(1 for _ in LAWS.glob('*.md'))} files) with --jobs 2, {rules}: {wall:.0f} s wall, "
          f"{len(proc.stdout.splitlines())} findings; peak memory main {parent:.0f} MB, largest process {children:.0f} MB")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("digest")
    d.add_argument("--save")
    d.add_argument("--compare")
    d.add_argument("--show", type=int, default=5)
    d.add_argument("--folders", nargs="*", help="only these folders of the corpus (default: all)")
    s = sub.add_parser("speed")
    s.add_argument("--sizes", default="0.05,1,4,16")
    s.add_argument("--repeat", type=int, default=3)
    s.add_argument("--no-proselint", action="store_true")
    sub.add_parser("cold")
    f = sub.add_parser("folder")
    f.add_argument("--ignore", help="rules to leave out (e.g. DUP, as bench_scale does)")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}")
        return 0
    return {"digest": digest, "speed": speed, "cold": cold, "folder": folder}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
