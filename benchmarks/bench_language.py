"""Accuracy and speed of the language-level model (issue 4).

    python benchmarks/bench_language.py            # accuracy, ablation, corpus flag rate, speed
    python benchmarks/bench_language.py --sample 30 # also print 30 flagged corpus sentences to review
    python benchmarks/bench_language.py --grid      # search the three cut-offs on the dev split

Data (written for verolint, labelled before the detector was run):
  benchmarks/data/language/pairs.jsonl   45 pairs of the same content at B1 and at C1
                                         (9 topics x 5; at least a third within 3 words in length)
  benchmarks/data/language/singles.jsonl 50 sentences labelled le_b2 / above_b2, with hard
                                         negatives (long but plain) and hard positives (short but dense)
Split: pairs by topic (aanvraag, maatregel, hardheidsclausule, bijzondere bijstand = dev),
singles by number (even = dev). Only the three cut-offs were tuned, on dev.

Targets: C1 harder than B1 in >= 95 % of pairs; the language rule over
shared/corpus/statutes in <= 10 s on one core.

The singles are no longer a target (issue 10). Their 'above_b2' labels were
written here, for short invented sentences dense with markers. Labellers who
saw neither code nor output judged real ordinance text differently: a short
sentence with an official word or two is not above B2, a long one with
stacked clauses is (benchmarks/bench_review.py, family LNG). The B2 cut-off
now follows the real-text labels; the singles are printed for comparison.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "benchmarks" / "data" / "language"
CORPUS = Path(os.environ.get("VEROLINT_CORPUS", ROOT.parent / "shared" / "corpus"))
DEV_TOPICS = {"aanvraag", "maatregel", "hardheidsclausule", "bijzondere bijstand"}
FEATURES = ("lang", "jargon", "zeldzaam", "naamwoordstijl", "lijdend", "bijzinnen", "tangconstructie", "onderbroken")


def load(name):
    return [json.loads(l) for l in (DATA / name).read_text(encoding="utf-8").splitlines() if l.strip()]


def make_analyzer(thresholds=None, disabled=()):
    from verolint.config import Settings
    from verolint.readability import Analyzer
    from verolint.registry import builtin_registry
    from verolint.rules.language import jargon

    matcher, allow = jargon(Settings(), builtin_registry())
    return Analyzer("B2", matcher, thresholds=thresholds, allow=allow, disabled=frozenset(disabled))


def difficulty(analyzer, text):
    units = analyzer.analyze_snippet(text)
    return statistics.mean(u.difficulty for u in units) if units else 0.0


def predict_above(analyzer, text):
    return any(analyzer.above(u) for u in analyzer.analyze_snippet(text))


def score(analyzer, pairs, singles):
    pair_ok = [difficulty(analyzer, p["c1"]) > difficulty(analyzer, p["b1"]) for p in pairs]
    single_ok = [predict_above(analyzer, s["text"]) == (s["label"] == "above_b2") for s in singles]
    return pair_ok, single_ok


def pct(xs):
    return f"{sum(xs)}/{len(xs)} ({100 * sum(xs) / max(len(xs), 1):.0f} %)"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--grid", action="store_true")
    args = ap.parse_args()
    pairs, singles = load("pairs.jsonl"), load("singles.jsonl")
    words = lambda t: len(t.split())
    matched = [p for p in pairs if abs(words(p["b1"]) - words(p["c1"])) <= 3]
    dev_p = [p for p in pairs if p["topic"] in DEV_TOPICS]
    test_p = [p for p in pairs if p["topic"] not in DEV_TOPICS]
    dev_s = [s for i, s in enumerate(singles) if i % 2 == 0]
    test_s = [s for i, s in enumerate(singles) if i % 2 == 1]
    ok = True

    if args.grid:
        best = []
        for fd, minw, pts in itertools.product((30, 35, 40, 45), (8, 12, 15), (2, 3, 4)):
            a = make_analyzer({"fd": fd, "fd-min-words": minw, "points": pts})
            po, so = score(a, dev_p, dev_s)
            best.append((sum(so) / len(so) + sum(po) / len(po), fd, minw, pts))
        best.sort(reverse=True)
        print("best cut-offs on dev (score, fd, fd-min-words, points):", best[:5])

    analyzer = make_analyzer()
    print(f"cut-offs (B2): {analyzer.t}")
    po, so = score(analyzer, pairs, singles)
    print(f"pairs:   C1 harder than B1 in {pct(po)}  [target >= 95 %]")
    mo, _ = score(analyzer, matched, [])
    print(f"         length-matched subset ({len(matched)} pairs): {pct(mo)}")
    dpo, dso = score(analyzer, dev_p, dev_s)
    tpo, tso = score(analyzer, test_p, test_s)
    print(f"         dev {pct(dpo)}, test {pct(tpo)}")
    print(f"singles: correct {pct(so)}  (own invented set, no target); dev {pct(dso)}, test {pct(tso)}")
    for label in ("le_b2", "above_b2"):
        sub = [s for s in singles if s["label"] == label]
        _, o = score(analyzer, [], sub)
        print(f"         {label}: {pct(o)}")
    for tag in ("hard-negative", "hard-positive"):
        sub = [s for s in singles if tag in s.get("phenomena", [])]
        _, o = score(analyzer, [], sub)
        print(f"         {tag}: {pct(o)}")
    wrong = [s for s, good in zip(singles, so) if not good]
    for s in wrong:
        u = analyzer.analyze_snippet(s["text"])
        print(f"         wrong: {s['id']} {s['label']} -> {[x.level for x in u]} fd={[x.fd for x in u]} {s['text'][:70]}")
    ok &= sum(po) / len(po) >= 0.95

    print("ablation (feature switched off: pairs, singles):")
    for feat in FEATURES + ("fd",):
        a = make_analyzer(disabled=(feat,))
        p2, s2 = score(a, pairs, singles)
        print(f"   without {feat:15s} pairs {100 * sum(p2) / len(p2):5.1f} %  singles {100 * sum(s2) / len(s2):5.1f} %")

    real = CORPUS / "ordinances-real"
    if real.is_dir():
        from verolint.readers import read_path

        flagged, total, samples = 0, 0, []
        for path in sorted(real.glob("*.txt")):
            doc = read_path(path)
            for u in analyzer.analyze_document(doc):
                total += 1
                if analyzer.above(u):
                    flagged += 1
                    samples.append((path.name[:40], u.level, "; ".join(u.reasons), u.text))
        print(f"ordinances-real: {flagged} of {total} units above B2 ({100 * flagged / total:.0f} %)")
        if args.sample:
            random.Random(4).shuffle(samples)
            for name, level, why, text in samples[: args.sample]:
                print(f"   [{level}] {name}: {' '.join(text.split())[:150]}\n        reasons: {why}")
    statutes = CORPUS / "statutes"
    if statutes.is_dir():
        code = (
            "import sys, time; sys.path.insert(0, %r); t = time.perf_counter();"
            "from pathlib import Path; from verolint.readers import read_path;"
            "from verolint.config import Settings; from verolint.engine import Linter;"
            "L = Linter(); S = Settings(select=('LNG001', 'LNG002'));"
            "docs = [read_path(p) for p in sorted(Path(%r).iterdir()) if p.suffix in ('.md', '.xml')];"
            "t1 = time.perf_counter(); n = sum(len(L.lint(d, S)) for d in docs);"
            "print(round(time.perf_counter() - t1, 2), round(t1 - t, 2), n, sum(len(d.source) for d in docs))"
        ) % (str(ROOT), str(statutes))
        out = os.popen(f"taskset -c 0 {sys.executable} -c \"{code}\" 2>&1").read().split()
        secs, parse, n, size = float(out[0]), float(out[1]), int(out[2]), int(out[3])
        print(f"speed: language rules over statutes/ ({size / 1e6:.1f} MB, one core): {secs:.1f} s "
              f"(+{parse:.1f} s reading and parsing), {n} findings  [target <= 10 s]")
        ok &= secs <= 10
    print("all targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
