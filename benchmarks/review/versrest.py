"""Build the eighth review set ("vers-rest"): the rest of the passages that "vers" drew from.

    python benchmarks/review/versrest.py passages_testdocs.csv > benchmarks/data/review/vers-rest.jsonl

Source: as vers.py (bramvanwerschh/wmo_scraper, review/passages_testdocs.csv at commit
b8fa326929f1083e08537ca963a5c50e4068d955; public domain, Auteurswet art. 11; CVDR data CC0).
vers.py drew at most 80 passages of rule text per regulation from the two regulations of that
file that are not in ../shared/corpus (the Regeling maatschappelijke ondersteuning Den Haag
2018, CVDR619608, and the Nadere regels maatschappelijke ondersteuning en jeugdhulp Aa en Hunze
2026, CVDR753666). This set takes the passages of the same pool that vers did not draw, at most
PER_REGULATION per regulation with a fixed seed: real rule text (no openings, few definitions)
from the same two drafters. It was collected after 0.13.0, labelled by two helpers apart (their
disagreements settled by a third) from the text and GUIDE.md alone before 0.14.0's rules ran on
it, and is split in halves like the others (bench_review.half_of): vers-rest-tune may be read,
vers-rest-held never. Being of the drafters of vers, its held half is a check within two
regulations, not across municipalities as sample-held is.
"""

from __future__ import annotations

import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from steekproef import passage_line  # (benchmarks/review, the folder of this script)
from vers import SKIP_KINDS  # the same pool as vers.py

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "benchmarks" / "data" / "review"
REGULATIONS = ("CVDR619608", "CVDR753666")
SEED, PER_REGULATION = 20261202, 90


def main() -> int:
    with open(sys.argv[1], encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    taken = set()
    for name in ("steekproef.jsonl", "vers.jsonl"):
        taken |= {json.loads(line)["passage_id"] for line in (DATA / name).read_text(encoding="utf-8").splitlines()
                  if line.strip()}
    by_reg: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if row["cvdr_id"] in REGULATIONS:
            by_reg[row["cvdr_id"]].append(row)
    keep: list[dict] = []
    rng = random.Random(SEED)
    for cvdr in REGULATIONS:
        pool = [r for r in by_reg[cvdr] if not r["sectietype"].startswith(SKIP_KINDS) and 80 <= len(r["tekst"]) <= 1500
                and r["passage_id"] not in taken]
        keep.extend(rng.sample(pool, min(PER_REGULATION, len(pool))))
    for no, row in enumerate(sorted(keep, key=lambda r: (r["cvdr_id"], int(r["volgorde"] or 0))), 1):
        print(passage_line(f"v2-{no:03d}", row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
