"""The result set of an audit, from the stored per-regulation results.

- ``findings.jsonl`` (or ``findings.parquet`` with pyarrow): one row per finding;
- ``regulations.csv``: one row per regulation (counts per family, language
  level, hardheidsclausule, profile, status);
- ``municipalities.csv``: one row per municipality (creator);
- ``overview.html``: a self-contained page with the totals and charts.

Rows are written in inventory order, so the files depend only on the results.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections import Counter, defaultdict
from pathlib import Path

from .. import __version__
from ..reporters import FAMILY_NL, INTERNAL_REPEAT
from ..fileio import write_atomic
from .task import OK

FAMILIES = [FAMILY_NL[k] for k in ("statutory-duplication", "rigid-exclusion", "vague-phrasing", "language-level",
                                   "reference", "definition", "numbering", "structure", "suppression", "internal")]
FAMILIES.insert(1, INTERNAL_REPEAT)
FINDING_COLUMNS = ["regeling", "cvdr", "versie", "organisatie", "code", "ernst", "familie", "regel", "kolom",
                   "artikel", "melding", "suggestie"]


def finding_rows(results: list[dict]):
    for res in results:
        rec = res["record"]
        for f in res.get("findings", ()):
            yield {"regeling": f"{rec['work']}_{rec['version']}", "cvdr": rec["work"], "versie": rec["version"],
                   "organisatie": rec.get("creator", ""), "code": f["code"], "ernst": f["severity"],
                   "familie": f["family"], "regel": f["line"], "kolom": f["column"], "artikel": f["path"],
                   "melding": f["message"], "suggestie": f["suggestion"]}


def write_findings(results: list[dict], folder: Path, fmt: str) -> Path:
    rows = finding_rows(results)
    if fmt == "parquet":
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            from . import AuditError

            raise AuditError("voor Parquet is pyarrow nodig: pip install 'verolint[audit]'; "
                             "of kies --findings jsonl") from None
        columns = {c: [] for c in FINDING_COLUMNS}
        for row in rows:
            for c in FINDING_COLUMNS:
                columns[c].append(row[c])
        buffer = pa.BufferOutputStream()
        pq.write_table(pa.table(columns), buffer)
        path = folder / "findings.parquet"
        write_atomic(path, buffer.getvalue().to_pybytes())
        return path
    path = folder / "findings.jsonl"
    write_atomic(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode())
    return path


def regulation_rows(results: list[dict]) -> list[dict]:
    out = []
    for res in results:
        rec, fams = res["record"], res.get("families", {})
        sev = Counter(f["severity"] for f in res.get("findings", ()))
        out.append({
            "regeling": f"{rec['work']}_{rec['version']}", "titel": rec.get("title", ""),
            "organisatie": rec.get("creator", ""), "inwerking": rec.get("inwerking", ""),
            "status": res["status"] if res["status"] == OK else f"{res['status']}: {res['message']}",
            "profiel": res.get("profile", ""), "hardheidsclausule": res.get("hardship", ""),
            "taalniveau": res.get("level", ""), "zinnen": res.get("sentences", 0),
            "zinnen_boven_doel": res.get("above", 0), "bevindingen": len(res.get("findings", ())),
            "fouten": sev.get("error", 0), "waarschuwingen": sev.get("warning", 0),
            **{fam: fams.get(fam, 0) for fam in FAMILIES},
        })
    return out


def municipality_rows(regs: list[dict]) -> list[dict]:
    by: dict[str, list[dict]] = defaultdict(list)
    for r in regs:
        by[r["organisatie"]].append(r)
    out = []
    for name in sorted(by, key=str.casefold):
        rows = by[name]
        read = [r for r in rows if r["status"] == OK]
        out.append({
            "organisatie": name, "regelingen": len(rows), "onleesbaar": len(rows) - len(read),
            "omgekeerd": sum(r["profiel"] == "omgekeerd" for r in read),
            "zonder_hardheidsclausule": sum(r["hardheidsclausule"] == "nee" for r in read),
            "hardheidsclausule_zonder_maatstaf": sum(r["hardheidsclausule"] == "zonder maatstaf" for r in read),
            "boven_b2": sum(r["taalniveau"] not in ("", "B1", "B2") for r in read),
            "bevindingen": sum(r["bevindingen"] for r in read),
            **{fam: sum(r[fam] for r in read) for fam in FAMILIES},
        })
    return out


def write_csv(rows: list[dict], path: Path, columns: list[str]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_atomic(path, buffer.getvalue().encode("utf-8"))


def write_all(results: list[dict], folder: Path, query: str, findings_format: str = "jsonl",
              missing: int = 0) -> list[Path]:
    regs = regulation_rows(results)
    muni = municipality_rows(regs)
    reg_columns = ["regeling", "titel", "organisatie", "inwerking", "status", "profiel", "hardheidsclausule",
                   "taalniveau", "zinnen", "zinnen_boven_doel", "bevindingen", "fouten", "waarschuwingen", *FAMILIES]
    muni_columns = ["organisatie", "regelingen", "onleesbaar", "omgekeerd", "zonder_hardheidsclausule",
                    "hardheidsclausule_zonder_maatstaf", "boven_b2",
                    "bevindingen", *FAMILIES]
    paths = [write_findings(results, folder, findings_format)]
    write_csv(regs, folder / "regulations.csv", reg_columns)
    write_csv(muni, folder / "municipalities.csv", muni_columns)
    paths += [folder / "regulations.csv", folder / "municipalities.csv"]
    write_atomic(folder / "overview.html", overview(regs, muni, query, missing).encode("utf-8"))
    paths.append(folder / "overview.html")
    return paths


# -- the HTML overview ----------------------------------------------------------------

CSS = """
body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d2433;background:#f4f5f7}
header{background:#1d3557;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.85}
main{padding:22px 28px;max-width:1100px}.card{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);
padding:16px 20px;margin-bottom:18px}h2{font-size:18px;margin:0 0 10px}
table{border-collapse:collapse;width:100%}td,th{padding:4px 8px;border-bottom:1px solid #e3e6ea;text-align:left;font-size:14px}
th{color:#5a6270;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{height:14px;background:#457b9d;border-radius:3px}.bar.warn{background:#e76f51}
.kpi{display:inline-block;margin:0 28px 8px 0}.kpi b{display:block;font-size:26px}
"""


def _bars(items: list[tuple[str, int]], warn: bool = False) -> str:
    top = max((n for _, n in items), default=0) or 1
    rows = "".join(
        f"<tr><td>{html.escape(label)}</td><td class=n>{n}</td>"
        f"<td style='width:55%'><div class='bar{' warn' if warn else ''}' style='width:{100 * n / top:.1f}%'></div></td></tr>"
        for label, n in items)
    return f"<table>{rows}</table>"


def overview(regs: list[dict], muni: list[dict], query: str, missing: int = 0) -> str:
    read = [r for r in regs if r["status"] == OK]
    no_hardship = sum(r["hardheidsclausule"] == "nee" for r in read)
    omg = [r for r in read if r["profiel"] == "omgekeerd"]
    omg_no_hardship = sum(r["hardheidsclausule"] == "nee" for r in omg)
    families = [(fam, sum(r[fam] for r in read)) for fam in FAMILIES]
    levels = Counter(r["taalniveau"] or "onbekend" for r in read)
    worst = sorted(muni, key=lambda m: (-m["zonder_hardheidsclausule"], m["organisatie"].casefold()))[:15]
    open_clause = sum(r["hardheidsclausule"] == "zonder maatstaf" for r in read)
    kpis = [("regelingen", len(regs)), ("gelezen", len(read)), ("omgekeerd", len(omg)),
            ("zonder hardheidsclausule", no_hardship), ("hardheidsclausule zonder maatstaf", open_clause),
            ("omgekeerd zonder hardheidsclausule", omg_no_hardship),
            ("bevindingen", sum(r["bevindingen"] for r in read))]
    note = (f"<p><b>Nog niet compleet:</b> {missing} regelingen zijn nog niet opgehaald; "
            "start de audit opnieuw om ze toe te voegen.</p>") if missing else ""
    unreadable = [r for r in regs if r["status"] != OK]
    body = [
        "<div class=card><h2>In het kort</h2>",
        "".join(f"<span class=kpi><b>{n}</b>{html.escape(label)}</span>" for label, n in kpis), note, "</div>",
        "<div class=card><h2>Bevindingen per familie</h2>", _bars([f for f in families if f[1]]), "</div>",
        "<div class=card><h2>Taalniveau van de regelingen</h2>", _bars(sorted(levels.items())), "</div>",
        "<div class=card><h2>Organisaties met de meeste regelingen zonder hardheidsclausule</h2>",
        _bars([(m["organisatie"], m["zonder_hardheidsclausule"]) for m in worst if m["zonder_hardheidsclausule"]],
              warn=True), "</div>",
    ]
    if unreadable:
        body += ["<div class=card><h2>Niet gelezen</h2><table>",
                 "".join(f"<tr><td>{html.escape(r['regeling'])}</td><td>{html.escape(r['status'])}</td></tr>"
                         for r in unreadable), "</table></div>"]
    return (
        "<!doctype html><html lang=nl><head><meta charset=utf-8><title>verolint-audit</title>"
        f"<meta name=viewport content='width=device-width,initial-scale=1'><style>{CSS}</style></head><body>"
        f"<header><h1>verolint-audit</h1><p>{html.escape(query)} · verolint {__version__}</p></header>"
        f"<main>{''.join(body)}</main></body></html>"
    )
