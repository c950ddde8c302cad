"""Build the fifth to eighth review sets ("openingen-2" to "-5"): openings of more published regulations.

    python benchmarks/review/openingen2.py benchmarks/data/review/openingen-2 > benchmarks/data/review/openingen-2.jsonl
    python benchmarks/review/openingen2.py benchmarks/data/review/openingen-3 o3 > benchmarks/data/review/openingen-3.jsonl
    python benchmarks/review/openingen2.py benchmarks/data/review/openingen-4 o4 > benchmarks/data/review/openingen-4.jsonl
    python benchmarks/review/openingen2.py benchmarks/data/review/openingen-5 o5 > benchmarks/data/review/openingen-5.jsonl

openingen-3 (0.13.0) holds short, topic-specific beleidsregels and nadere regels
(hulpmiddelen, woonvoorzieningen, inkomenstoeslag, bijzondere bijstand for one kind of
cost, jeugdhulp pgb, schuldhulp toelating, …), whose openings reach substantive
articles sooner than those of whole verordeningen; collected and labelled the same way.
openingen-4 (0.14.0) was collected the same way across the three domains (Wmo beleidsregels on one
kind of help; Participatiewet, IOAW/IOAZ and minimabeleid; Jeugdwet, schuldhulp and integrale
verordeningen), after the rule changes of 0.13.0, and labelled before 0.14.0's changes were made.

The raw texts and where each came from are in benchmarks/data/review/openingen-2/
(SOURCES.md). They are page openings of 2,000 characters, cut into passages the
way openingen.py cuts the first set (articles, leden, 80 to 1,500 characters),
except that the unit in which the opening was cut off is kept without its last,
broken line (most of these openings end inside the begripsbepalingen, whose
lines are whole definitions), and a passage over 1,500 characters keeps its first
lines up to that length. A passage whose text already stands in another
review set (steekproef, vers, passages, openingen, the other openingen-N) is left out. Labelled from the
text and GUIDE.md alone, by helpers that saw neither verolint's code nor its
output, before the rules were run on it. Split in two halves like sample and vers
(bench_review.half_of): openingen-2-tune may be read to change the rules,
openingen-2-held never.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from openingen import passages  # (benchmarks/review, the folder of this script)

DATA = Path(__file__).resolve().parents[1] / "data" / "review"
SETS = ("steekproef.jsonl", "vers.jsonl", "passages.jsonl", "openingen.jsonl", "openingen-2.jsonl", "openingen-3.jsonl",
        "openingen-4.jsonl", "vers-rest.jsonl")


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).lower().strip()


def sources(folder: str) -> list[dict]:
    """The raw files with their municipality and title, from SOURCES.md."""
    out = []
    for line in Path(folder, "SOURCES.md").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        file, _, rest = line.partition(" | ")
        gemeente, _, title = rest.partition(": ")
        ident = file[:-4].rsplit("_", 1)[-1]
        out.append({"file": file, "key": file[:-4].split("_", 1)[0] + "-" + ident.lower(),
                    "gemeente": gemeente.split(" (")[0], "cvdr": ident if ident.startswith("CVDR") else "",
                    "title": title})
    return out


def main() -> int:
    folder = sys.argv[1]
    prefix = sys.argv[2] if len(sys.argv) > 2 else "o2"
    others = [name for name in SETS if name != f"{Path(folder).name}.jsonl" and (DATA / name).exists()]
    seen = " ".join(_norm(json.loads(line)["text"]) for name in others
                    for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip())
    no = 0
    kept: set[str] = set()
    for source in sources(folder):
        with open(os.path.join(folder, source["file"]), encoding="utf-8") as fh:
            found = passages(source, fh.read(), keep_cut=True)
        for passage in found:
            text = _norm(passage["text"])
            if text in seen or text in kept:
                continue  # (the same text in another set, or twice here: Wijchen's page was found twice)
            kept.add(text)
            no += 1
            print(json.dumps({"id": f"{prefix}-{no:03d}", **passage}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
