"""Speed figures for the foundation: start-up, parsing, linearity.

    python benchmarks/bench_core.py            # start-up and linearity (about 30 s)
    python benchmarks/bench_core.py --corpus   # also parse all of shared/corpus/national-laws-2017

Prints a table; exits 1 if a target is missed. Targets:
  * `verolint check` on one 50 KB ordinance, cold process: well under 1 s;
  * per-file work is linear: one 1 MB file costs about the same per MB as
    100 files of 10 KB (ratio < 1.5).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("VEROLINT_CORPUS", ROOT.parent / "shared" / "corpus"))
SAMPLE = ROOT / "samples" / "verordening-wmo-klassiek.txt"


def synthetic_ordinance(size: int) -> str:
    """An ordinance of about ``size`` characters: the classic sample's articles,
    renumbered and repeated (so every rule has real text to work on)."""
    text = SAMPLE.read_text(encoding="utf-8")
    body = text[text.index("Artikel 1.1"): text.index("Aldus vastgesteld")]
    articles = re.split(r"(?m)^(?=Artikel \d)", body)
    out, n = ["Verordening benchmark\n\n"], 0
    while sum(map(len, out)) < size:
        for art in articles:
            n += 1
            out.append(re.sub(r"^Artikel [\d.]+", f"Artikel {n}", art, count=1))
    return "".join(out)


def cold_check(path: Path, repeat: int = 7, cache: Path | None = None) -> tuple[float, float]:
    """A new process each time. Returns (first run with an empty word cache,
    median of the later runs with the cache filled)."""
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as empty:
        env["VEROLINT_CACHE_DIR"] = str(cache or empty)
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "verolint", "check", str(path), "--exit-zero", "-f", "concise"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=path.parent, env=env)
            times.append(time.perf_counter() - t)
    return times[0], statistics.median(times[1:])


def lint_in_process(paths: list[Path]) -> float:
    from verolint.config import Settings
    from verolint.engine import Linter
    from verolint.readers import read_path

    linter = Linter()
    settings = Settings()
    t = time.perf_counter()
    for p in paths:
        linter.lint(read_path(p), settings)
    return time.perf_counter() - t


def parse_folder(folder: Path) -> tuple[int, int, float]:
    from verolint.readers import read_path

    files = sorted(folder.glob("*.md"))
    t = time.perf_counter()
    size = articles = 0
    for f in files:
        doc = read_path(f)
        size += len(doc.source)
        articles += len(doc.articles())
    return size, articles, time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", action="store_true", help="also parse national-laws-2017")
    args = ap.parse_args()
    ok = True
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        f50 = tmp / "verordening-50kb.txt"
        f50.write_text(synthetic_ordinance(50_000), encoding="utf-8")
        first, warm = cold_check(f50)
        rows.append(("check, 50 KB ordinance, new process, empty word cache", f"{first:.3f} s", "< 1 s"))
        rows.append(("check, 50 KB ordinance, new process, warm cache (median of 6)", f"{warm:.3f} s", "< 1 s"))
        ok &= first < 1.0 and warm < 1.0
        real = CORPUS / "ordinances-real" / "beleidsregels_bijzondere_bijstand_rotterdam_2024_2025-05-16.txt"
        if real.exists():
            first, warm = cold_check(real)
            rows.append(("check, real 53 KB beleidsregels Rotterdam: empty / warm cache", f"{first:.3f} / {warm:.3f} s", "< 1 s"))
            ok &= first < 1.0 and warm < 1.0
        empty = tmp / "leeg.txt"
        empty.write_text("Artikel 1 Doel\n\nTekst.\n", encoding="utf-8")
        first, warm = cold_check(empty)
        rows.append(("check, 3-line file (interpreter + imports): empty / warm", f"{first:.3f} / {warm:.3f} s", ""))

        big = tmp / "groot.txt"
        big.write_text(synthetic_ordinance(1_000_000), encoding="utf-8")
        small_dir = tmp / "klein"
        small_dir.mkdir()
        smalls = []
        for i in range(100):
            p = small_dir / f"v{i:03d}.txt"
            p.write_text(synthetic_ordinance(10_000), encoding="utf-8")
            smalls.append(p)
        lint_in_process([empty])  # warm imports and caches
        t_big = lint_in_process([big])
        t_small = lint_in_process(smalls)
        size_small = sum(p.stat().st_size for p in smalls) / 1e6
        size_big = big.stat().st_size / 1e6
        ratio = (t_big / size_big) / (t_small / size_small)
        rows.append(("lint 1 MB as one file", f"{t_big:.2f} s ({t_big / size_big:.2f} s/MB)", ""))
        rows.append(("lint 1 MB as 100 files of 10 KB", f"{t_small:.2f} s ({t_small / size_small:.2f} s/MB)", ""))
        rows.append(("one big file vs many small, per MB", f"{ratio:.2f}x", "< 1.5x"))
        ok &= ratio < 1.5

    statutes = CORPUS / "statutes"
    if statutes.is_dir():
        size, arts, t = parse_folder(statutes)
        rows.append((f"parse statutes/ ({size / 1e6:.1f} MB, {arts} articles)", f"{t:.2f} s", ""))
    laws = CORPUS / "national-laws-2017"
    if args.corpus and laws.is_dir():
        size, arts, t = parse_folder(laws)
        rows.append((f"parse national-laws-2017 ({size / 1e6:.0f} MB, {arts} articles)", f"{t:.1f} s", ""))
    elif not laws.is_dir():
        rows.append(("corpus", f"not found at {CORPUS}: corpus rows skipped", ""))

    width = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>28}  {target}")
    print("all targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
