"""Accuracy of the legal-consistency and discretion rules (issue 5).

    python benchmarks/bench_consistency.py [--verbose]

The evaluation set is benchmarks/data/consistency/: ordinances in the classic
and the omgekeerde style, written for this purpose, with planted defects and
many clean look-alikes (a proper hardship clause, 'kan' with criteria,
references to laws, defined terms that are used). Each expected finding is
marked at the end of its line with ``<!-- expect: CODE, CODE -->``; HTML
comments are blanked out before parsing, so the markers are not text.

A finding counts as a true positive when a marker on its line names a code of
the same family (an exclusion with an age limit is one defect, whether it is
reported as RIG001 or RIG002); the per-rule tallies compare exact codes.
Figures are per family (category); the target is recall and precision of at
least 90 % for each. Language-level findings belong to another benchmark and
are ignored here.

Three sets are scored and reported apart: ``dev/`` (the rules were tuned while
it was written), ``heldout-1/`` (written afterwards with other phrasings; its
first score was 13 of 20 found with 4 false alarms, after which the rules were
generalised and 3 labels corrected, see the closing note of issue 5) and
``heldout-2/`` (written after that; first score 16 of 19 found, 1 false
alarm: two words missing from the rules' lists, 'deelnemer' and 'eventueel',
since added, and one label on the wrong line). The target applies to the sum.

Issue 10 measured the rules on real regulations labelled by readers who saw
neither code nor output (benchmarks/bench_review.py) and found some of these
invented labels wrong in the way it names: a plural ('inwoners') is no second
name for the resident, 'u: de inwoner' in the begrippen ties the two names, a
classic ordinance's procedural roles (de aanvrager, de cliënt) are the law's,
and 'onder meer' with examples is a standard, not an open norm. Those five
markers were removed; nothing was added.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "consistency"
EXPECT_RE = re.compile(r"<!--\s*expect:\s*([A-Z0-9,\s]+?)\s*-->")
FAMILIES = ("rigid-exclusion", "vague-phrasing", "reference", "definition", "structure", "numbering")


def expectations(text: str) -> set[tuple[int, str]]:
    out = set()
    for no, line in enumerate(text.splitlines(), 1):
        for m in EXPECT_RE.finditer(line):
            out |= {(no, c.strip()) for c in m.group(1).split(",") if c.strip()}
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true", help="list every miss and false alarm")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from verolint.config import Settings
    from verolint.engine import Linter
    from verolint.readers import read_path
    from verolint.registry import builtin_registry

    category = {code: str(rule.category) for code, rule in builtin_registry().rules.items()}
    linter = Linter()
    tp, fp, fn = Counter(), Counter(), Counter()
    per_rule = defaultdict(Counter)
    problems = []
    for folder in sorted(p for p in DATA.iterdir() if p.is_dir()):
        set_tp, set_planted, set_fp = 0, 0, 0
        files = sorted(folder.glob("*.txt")) + sorted(folder.glob("*.md"))
        for path in files:
            expected = expectations(path.read_text(encoding="utf-8"))
            doc = read_path(path)
            got = {(f.line, f.code) for f in linter.lint(doc, Settings()) if category.get(f.code) in FAMILIES}
            got_fam = {(line, category[code]) for line, code in got}
            exp_fam = {(line, category.get(code, "?")) for line, code in expected}
            for line, fam in got_fam | exp_fam:
                if (line, fam) in got_fam and (line, fam) in exp_fam:
                    tp[fam] += 1
                    set_tp += 1
                elif (line, fam) in got_fam:
                    fp[fam] += 1
                    set_fp += 1
                    problems.append(f"false alarm {folder.name}/{path.name}:{line} {fam}")
                else:
                    fn[fam] += 1
                    problems.append(f"missed      {folder.name}/{path.name}:{line} {fam}")
            for line, code in got | expected:
                per_rule[code]["tp" if (line, code) in got and (line, code) in expected
                              else "fp" if (line, code) in got else "fn"] += 1
            set_planted += len(exp_fam)
            print(f"{folder.name}/{path.name}: profile {doc.meta.get('profile')}, {len(expected)} planted")
        print(f"  {folder.name}: {set_tp} of {set_planted} found, {set_fp} false alarms")

    ok = True
    print(f"\n{'family':18s} {'planted':>7s} {'found':>6s} {'false':>6s} {'recall':>7s} {'precision':>9s}")
    for fam in FAMILIES:
        planted = tp[fam] + fn[fam]
        recall = tp[fam] / planted if planted else 1.0
        precision = tp[fam] / (tp[fam] + fp[fam]) if tp[fam] + fp[fam] else 1.0
        ok &= recall >= 0.9 and precision >= 0.9
        print(f"{fam:18s} {planted:7d} {tp[fam]:6d} {fp[fam]:6d} {recall:7.0%} {precision:9.0%}")
    print("\nper rule (tp/fp/fn): " + ", ".join(
        f"{code} {c['tp']}/{c['fp']}/{c['fn']}" for code, c in sorted(per_rule.items())))
    if args.verbose or not ok:
        print("\n" + "\n".join(problems) if problems else "\nno misses, no false alarms")
    print("all families at >= 90 % recall and precision" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
