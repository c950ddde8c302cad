"""Build the second held-out set of the review (issue 10) from a public sample.

    python benchmarks/review/steekproef.py passages_steekproef.csv > benchmarks/data/review/steekproef.jsonl

Source: the public repository bramvanwerschh/wmo_scraper, file
review/passages_steekproef.csv (commit b8fa326929f1083e08537ca963a5c50e4068d955):
200 passages of published social-domain regulations of many municipalities,
taken from the official CVDR XML (public domain, Auteurswet art. 11; CVDR
data CC0). Each passage keeps its CVDR id and path. It was labelled from the
text and GUIDE.md alone, before the rules were run on it, and was not used to
change the rules.
"""

from __future__ import annotations

import csv
import json
import sys

SOURCE = {"repo": "bramvanwerschh/wmo_scraper", "path": "review/passages_steekproef.csv",
          "commit": "b8fa326929f1083e08537ca963a5c50e4068d955"}


def passage_line(passage_id: str, row: dict) -> str:
    """One passage of the review set as a JSON line, from a row of the source CSV."""
    return json.dumps({
        "id": passage_id, "passage_id": row["passage_id"], "cvdr_id": row["cvdr_id"],
        "gemeente": row["gemeente_code"], "kind": row["sectietype"], "path": row["pad"],
        "article": row["artikel_nr"], "title": row["artikel_titel"], "text": row["tekst"],
    }, ensure_ascii=False)


def main() -> int:
    with open(sys.argv[1], encoding="utf-8", newline="") as fh:
        for no, row in enumerate(csv.DictReader(fh), 1):
            print(passage_line(f"sp-{no:03d}", row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
