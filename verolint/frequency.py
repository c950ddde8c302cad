"""Dutch word frequencies (Zipf scale) for the language rules.

The rules ask one thing of a word's frequency: is it at least 2.5 or 3.0 on
the Zipf scale (a word a B2 reader knows; a compound's parts)? verolint
therefore ships only the Dutch words at or above 2.5, with their Zipf value
(57,000 words, 0.3 MB), instead of depending on wordfreq (58 MB of lists for
forty languages) at run time. A word that is not in the table counts as 0.

The table is derived from wordfreq's Dutch list (Robyn Speer et al.; its data
are CC BY-SA 4.0, see ``frequency_data/README.md``) by::

    python -m verolint.frequency          # needs: pip install wordfreq

and a test checks it against wordfreq when wordfreq is installed.
"""

from __future__ import annotations

import gzip
import math
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "frequency_data" / "zipf-nl.tsv.gz"
FLOOR = 2.5  # the lowest Zipf value the rules compare with


@lru_cache(maxsize=1)
def table() -> dict[str, float]:
    """word → Zipf frequency, for Dutch words at or above ``FLOOR``."""
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        return {word: float(z) for word, z in (line.rstrip("\n").split("\t") for line in fh if line.strip())}


def zipf(word: str) -> float:
    return table().get(word, 0.0)


def from_wordfreq() -> dict[str, float]:
    """The table as wordfreq gives it (Zipf = log10 of the frequency + 9, two decimals)."""
    from wordfreq import get_frequency_dict

    out = {}
    for word, freq in get_frequency_dict("nl").items():
        z = round(math.log10(freq) + 9, 2)
        if z >= FLOOR:
            out[word] = z
    return out


def build(dest: Path = DATA) -> int:
    rows = "".join(f"{w}\t{z:.2f}\n" for w, z in sorted(from_wordfreq().items()))
    dest.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(dest, "wb", compresslevel=9, mtime=0) as fh:  # mtime 0: the same bytes every build
        fh.write(rows.encode("utf-8"))
    return rows.count("\n")


if __name__ == "__main__":  # pragma: no cover
    print(f"{build()} woorden geschreven naar {DATA}")
