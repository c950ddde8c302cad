"""Build the third held-out set of the review (issue 10): fresh passages.

    python benchmarks/review/vers.py passages_testdocs.csv > benchmarks/data/review/vers.jsonl

Source: the public repository bramvanwerschh/wmo_scraper, file
review/passages_testdocs.csv (commit b8fa326929f1083e08537ca963a5c50e4068d955):
published social-domain regulations of several municipalities, cut into
passages from the official CVDR XML (public domain, Auteurswet art. 11; CVDR
data CC0). The file holds five regulations; left out are the three whose
text is in ../shared/corpus (the tuning and held-out regulations were rebuilt
from this same file) and every passage of the first sample (steekproef.jsonl).
That leaves the Regeling maatschappelijke ondersteuning Den Haag 2018
(CVDR619608) and the Nadere regels maatschappelijke ondersteuning en jeugdhulp
Aa en Hunze 2026 (CVDR753666). Of these, passages of rule text (no aanhef, no
toelichting) of 80 to 1,500 characters, at most 80 per regulation, drawn with
a fixed seed. Labelled from the text and
GUIDE.md alone, by helpers that saw neither verolint's code nor its output,
before the rules were run on them; never used to change the rules.
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from steekproef import passage_line  # (benchmarks/review, the folder of this script)

SOURCE = {"repo": "bramvanwerschh/wmo_scraper", "path": "review/passages_testdocs.csv",
          "commit": "b8fa326929f1083e08537ca963a5c50e4068d955"}
ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SEED, SIZE, PER_REGULATION = 20261201, 160, 80
SKIP_KINDS = ("aanhef", "toelichting", "ondertekening", "inhoudsopgave")
# The regulations of ../shared/corpus/ordinances-cvdr (see its README): some are there only in part
CORPUS_IDS = {"CVDR753669", "CVDR690468", "CVDR764261", "CVDR714513"}


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).lower().strip()


def main() -> int:
    with open(sys.argv[1], encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    corpus = " ".join(_norm(p.read_text(encoding="utf-8")) for p in CORPUS.rglob("*.txt")
                      if "ordinances" in str(p))
    sample = {json.loads(line)["passage_id"] for line in
              (ROOT / "benchmarks" / "data" / "review" / "steekproef.jsonl").read_text(encoding="utf-8").splitlines()}
    by_reg: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_reg[row["cvdr_id"]].append(row)
    keep: list[dict] = []
    rng = random.Random(SEED)
    for cvdr, regs in sorted(by_reg.items()):
        # a regulation of the corpus: some long passage of it stands there word for word
        longest = sorted((r for r in regs if len(r["tekst"]) > 200), key=lambda r: -len(r["tekst"]))[:3]
        if cvdr in CORPUS_IDS or any(_norm(r["tekst"])[:200] in corpus for r in longest):
            continue
        pool = [r for r in regs if not r["sectietype"].startswith(SKIP_KINDS) and 80 <= len(r["tekst"]) <= 1500
                and r["passage_id"] not in sample]
        keep.extend(rng.sample(pool, min(PER_REGULATION, len(pool))))
    rng.shuffle(keep)
    for no, row in enumerate(sorted(keep[:SIZE], key=lambda r: (r["cvdr_id"], int(r["volgorde"] or 0))), 1):
        print(passage_line(f"vers-{no:03d}", row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
