"""Reader accuracy on real published regulations: units found against hand counts.

    python benchmarks/bench_layouts.py

Prints, per file of ../shared/corpus/ordinances-cvdr, the articles (and article-level
sections), leden and chapters the reader finds, the hand count from the corpus README
where there is one, whether the reader doubted the tree, and the parse time.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verolint.model import Kind  # noqa: E402
from verolint.readers import read_path  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "ordinances-cvdr"
# (artikelen incl. secties, leden, hoofdstukken), from the corpus README
HAND = {
    "aa-en-hunze_verordening-wmo-jeugdhulp_2026.txt": (43, 147, 10),
    "aa-en-hunze_verordening-wmo-jeugdhulp_2026_met-inhoudsopgave.txt": (43, 147, 10),
    "zaltbommel_verordening-wmo-jeugd-omgekeerd_2023.txt": (43 + 29, None, 13),
}


def main() -> None:
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found at {CORPUS}")
    print(f"{'file':<62} {'art':>4} {'leden':>5} {'hfst':>4}  {'hand count':<14} {'twijfel':<7} {'ms':>5}")
    for path in sorted(CORPUS.rglob("*.txt")):
        t0 = time.perf_counter()
        doc = read_path(path)
        ms = (time.perf_counter() - t0) * 1000
        nodes = [n for n in doc.root.walk() if n.in_rule_text]
        got = (len(doc.articles()), sum(n.kind is Kind.LID for n in nodes), sum(n.kind is Kind.HOOFDSTUK for n in nodes))
        hand = HAND.get(path.name)
        verdict = "-" if hand is None else ("exact" if all(h is None or h == g for h, g in zip(hand, got)) else f"{hand}")
        print(f"{str(path.relative_to(CORPUS)):<62} {got[0]:>4} {got[1]:>5} {got[2]:>4}  {verdict:<14} "
              f"{'ja' if doc.structure_unsure else 'nee':<7} {ms:>5.0f}")


if __name__ == "__main__":
    main()
