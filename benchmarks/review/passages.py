"""Cut the real regulations into passages for the review set (issue 10).

    python benchmarks/review/passages.py > benchmarks/data/review/passages.jsonl

A passage is the unit a lawyer judges: a lid, or an article without leden
(with its onderdelen), or, outside articles, a paragraph line together with
the list lines that follow it. Each passage keeps its file and line range so
that findings can be mapped onto it without reading the rules' output here.
The split into tuning and held-out halves is by regulation (see SPLIT).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"

# regulation -> (short name, half). Held out: the omgekeerde Zaltbommel text,
# the long Rotterdam policy rules and every other short Amsterdam/Rotterdam text.
SPLIT = {
    "ordinances-cvdr/aa-en-hunze_verordening-wmo-jeugdhulp_2026.txt": ("aaenhunze", "tune"),
    "ordinances-cvdr/hilversum_beleidsregels-wmo_2026_par2.1-en-slot.txt": ("hilversum", "tune"),
    "ordinances-cvdr/fragments/kampen_verordening-sociaal-domein-omgekeerd_2023_begin.txt": ("kampen", "tune"),
    "ordinances-cvdr/fragments/stimulansz_omgekeerde-modelverordening_hfst2-hulpvraag.txt": ("stimulansz", "tune"),
    "ordinances-cvdr/zaltbommel_verordening-wmo-jeugd-omgekeerd_2023.txt": ("zaltbommel", "heldout"),
    "ordinances-real/beleidsregels_bijzondere_bijstand_rotterdam_2024_2025-05-16.txt": ("rdam-bijzbijst", "heldout"),
    "ordinances-real/beleidsregel_van_de_concerndirecteur_van_het_cluster_werk_en_inkomen_van_de_gemeente_rotterdam_houdende_regels_omtrent_opschorting_intrekking_en_terug_en_invordering_op_grond_van_de_participatiewet_ioaw_en_ioaz_rotterdam_2017_2021-07-07.txt": ("rdam-terugvordering", "tune"),
    "ordinances-real/participatieverordening_amsterdam_2024-09-15.txt": ("adam-participatie", "tune"),
    "ordinances-real/re-integratieverordening_participatiewet_amsterdam_2024-08-02.txt": ("adam-reintegratie", "heldout"),
    "ordinances-real/maatregelenverordening_participatiewet_amsterdam_2015-02-11.txt": ("adam-maatregelen", "tune"),
    "ordinances-real/verordening_maatregelen_handhaving_participatiewet_rotterdam_2019-01-01.txt": ("rdam-maatregelen", "heldout"),
    "ordinances-real/beleidsregels_giften_en_kostenvoordelen_participatiewet_rotterdam_2023_2023-10-11.txt": ("rdam-giften", "tune"),
    "ordinances-real/nadere_regels_re_integratieverordening_amsterdam_2025-07-03.txt": ("adam-nadereregels", "heldout"),
    "ordinances-real/verordening_individuele_inkomenstoeslag_rotterdam_2025-07-01.txt": ("rdam-iit", "tune"),
    "ordinances-real/verordening_individuele_inkomenstoeslag_amsterdam_2025-01-01.txt": ("adam-iit", "heldout"),
    "ordinances-real/beleidsregels_participatiewet_amsterdam_2025-03-01.txt": ("adam-beleidsregels", "tune"),
    "ordinances-real/afstemmingsverordening_participatiewet_diemen_2015-01-01.txt": ("diemen-afstemming", "heldout"),
    "ordinances-real/beleidsregels_handhaving_participatiewet_amsterdam_2021.txt": ("adam-handhaving", "tune"),
    "ordinances-real/verordening_tegenprestatie_participatiewet_amsterdam_2015-01-01.txt": ("adam-tegenprestatie", "heldout"),
    "ordinances-real/participatieverordening_rotterdam_2015-07-01.txt": ("rdam-participatie", "tune"),
    "ordinances-real/beleidsregels_bijzondere_bijstand_amsterdam_2025-01-01.txt": ("adam-bijzbijst", "heldout"),
}
LONG = 1500  # characters; a longer unit is cut into its paragraphs
LIST_LINE = re.compile(r"^\s*(?:[-•❖*]|[A-Za-z]{1,2}[.)]|\d+[.)]|\(?[ivx]+\))\s")


def passages(rel: str):
    from verolint.model import Kind
    from verolint.readers import read_path

    short, half = SPLIT[rel]
    doc = read_path(CORPUS / rel)
    units = []
    covered: list[tuple[int, int]] = []
    for node in doc.root.walk():
        if not node.in_rule_text and node.kind is not Kind.DOCUMENT:
            continue
        leaf = node.kind is Kind.LID or (
            node.kind is Kind.ARTIKEL and not any(c.kind is Kind.LID for c in node.children))
        if leaf and node.full_text.strip():
            covered.append((node.start, node.end))
            if node.end - node.body_start <= LONG:
                units.append([node.body_start, node.end, node.path])
            else:
                units += line_groups(doc, node.body_start, node.end, lambda _start: True)
    # text outside articles
    def outside(start: int) -> bool:
        node = doc.node_at(start)
        return (not any(s <= start < e for s, e in covered) and node.in_rule_text
                and node.kind is not Kind.INHOUDSOPGAVE)
    units += line_groups(doc, 0, len(doc.text), outside)
    units.sort(key=lambda u: u[0])
    for no, (start, end, path) in enumerate(units, 1):
        text = doc.text[start:end].strip()
        if len(text.split()) < 4:
            continue
        first = doc.text.count("\n", 0, start) + 1
        last = doc.text.count("\n", 0, end - 1) + 1
        yield {"id": f"{short}-{no:03d}", "file": rel, "half": half, "lines": [first, last],
               "path": path, "text": text}


def line_groups(doc, lo: int, hi: int, wanted) -> list[list]:
    """Paragraph lines in [lo, hi), each with the list lines that follow it."""
    groups: list[list] = []
    current = None
    offset = lo
    for line in doc.text[lo:hi].splitlines(keepends=True):
        start, end = offset, offset + len(line)
        offset = end
        if not line.strip() or not wanted(start):
            current = None
            continue
        if current is not None and LIST_LINE.match(line):
            current[1] = end
            continue
        if len(line.split()) < 6 and not LIST_LINE.match(line):
            current = None
            continue  # a heading
        current = [start, end, doc.node_at(start).path or "buiten artikelen"]
        groups.append(current)
    return groups


def main() -> int:
    sys.path.insert(0, str(ROOT))
    for rel in SPLIT:
        for p in passages(rel):
            print(json.dumps(p, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
