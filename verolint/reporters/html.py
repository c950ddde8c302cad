"""One self-contained HTML audit report (no network when it is opened).

For every checked document: the text as a readable document, every finding
highlighted in place (hover shows the message, a click shows message, reason
and suggestion in the side panel), a colour band per article for its language
level, and at the top a summary per rule family and a small chart of findings
per chapter. All text is escaped; CSS and script are inline.
"""

from __future__ import annotations

import bisect
import html
import json
import re
from collections import Counter, defaultdict

from .. import __version__
from ..model import Severity
from . import SEVERITY_NL, Reporter, family_label, ranked

_MD_HEADING = re.compile(r"(^|\n)#{1,6}[ \t]*")
_MD_EMPHASIS = re.compile(r"\*\*|__")
_SEV = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}

CSS = """
*{box-sizing:border-box}body{margin:0;font:15px/1.55 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d2433;background:#f4f5f7}
header{background:#1d3557;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.85}
main{display:grid;grid-template-columns:minmax(0,1fr) 340px;gap:22px;padding:22px 28px;align-items:start}
.card{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:16px 20px;margin-bottom:18px}
h2{font-size:18px;margin:0 0 10px}h3{font-size:15px;margin:14px 0 6px}
table{border-collapse:collapse;width:100%}td,th{padding:4px 8px;border-bottom:1px solid #e3e6ea;text-align:left;font-size:14px}
th{color:#5a6270;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.doc{white-space:pre-wrap;font-family:Georgia,'Times New Roman',serif;font-size:15.5px}
.art{border-left:6px solid #ccd1d9;padding:2px 0 2px 14px;margin:10px 0}
.lvl-B1{border-left-color:#2a9d8f}.lvl-B2{border-left-color:#e9c46a}.lvl-C1{border-left-color:#e76f51}
.lvltag{float:right;font:12px system-ui;padding:1px 7px;border-radius:9px;color:#fff;margin-left:8px}
.lvltag.lvl-B1{background:#2a9d8f}.lvltag.lvl-B2{background:#c9a227}.lvltag.lvl-C1{background:#e76f51}
mark{color:inherit;background:none;border-bottom:2px solid;cursor:pointer;padding:0 1px;border-radius:2px}
mark.error{background:#fde2e1;border-color:#c0392b}mark.warning{background:#fff3cd;border-color:#d39e00}
mark.info{background:#e3f0fb;border-color:#4a90d9}mark:hover,mark.active{outline:2px solid #1d3557}
aside{position:sticky;top:16px}#detail .code{font:600 13px monospace;color:#1d3557}
#detail .sug{margin-top:8px;padding:8px;background:#eef6ee;border-radius:6px}
.legend span{display:inline-block;margin-right:12px;font-size:13px}.legend i{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:4px;vertical-align:-1px}
.bar{fill:#457b9d}.bartext{font:12px system-ui;fill:#1d2433}
ul.findings{padding-left:18px;font-size:14px}ul.findings a{color:#1d3557}
.sev-error{color:#c0392b}.sev-warning{color:#a67c00}.sev-info{color:#2f6fa8}
.md{display:none}#council p{font-size:16px;margin:6px 0}#basis dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0;font-size:14px}
#basis dt{color:#5a6270}.tools{margin:6px 0 10px;font-size:14px}.tools input{padding:3px 6px;width:16em}
.tools button{margin-left:6px;padding:2px 8px}details.lang summary{cursor:pointer}#detail .why{margin-top:8px;color:#3b4252;font-size:14px}
@media print{body{background:#fff}header{background:none;color:#000;padding:0 0 8px}aside,#chart,.tools{display:none}
main{display:block;padding:0}.card{box-shadow:none;border:1px solid #ccc;break-inside:avoid}
mark{background:none!important}a{color:inherit;text-decoration:none}details.lang>*{display:block}}
"""

JS = """
const F = JSON.parse(document.getElementById('findings-data').textContent);
const box = document.getElementById('detail');
function show(ids, el){
  document.querySelectorAll('mark.active').forEach(m => m.classList.remove('active'));
  if (el) el.classList.add('active');
  box.innerHTML = ids.map(i => { const f = F[i];
    return '<p><span class="code">' + f.code + '</span> <span class="sev-' + f.sev + '">' + f.sevnl + '</span><br>' +
      '<b>' + f.where + '</b>: ' + f.msg + (f.sug ? '<div class="sug">Suggestie: ' + f.sug + '</div>' : '') +
      (f.why ? '<div class="why"><b>Waarom:</b> ' + f.why + '</div>' : '') + '</p>';
  }).join('');
}
document.querySelectorAll('mark[data-f]').forEach(m => m.addEventListener('click', () =>
  show(m.dataset.f.split(',').map(Number), m)));
function open(id){
  let m = document.getElementById(id);
  while (m && m.classList.contains('anchor')) m = m.nextElementSibling;
  if (m) { m.scrollIntoView({block:'center'}); m.click(); }
}
document.querySelectorAll('a[data-goto]').forEach(a => a.addEventListener('click', () => open(a.dataset.goto)));
if (location.hash.startsWith('#m')) open(location.hash.slice(1));  // a link to one finding
document.querySelectorAll('.tools input').forEach(inp => inp.addEventListener('input', () => {
  const q = inp.value.toLowerCase();
  inp.closest('.card').querySelectorAll('ul.findings li').forEach(li =>
    li.style.display = li.textContent.toLowerCase().includes(q) ? '' : 'none');
}));
document.querySelectorAll('.tools button').forEach(b => b.addEventListener('click', () => {
  const ul = b.closest('.card').querySelector('ul.all');
  const key = b.dataset.sort;
  [...ul.children].sort((x, y) => Number(x.dataset[key]) - Number(y.dataset[key])).forEach(li => ul.appendChild(li));
}));
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


class HtmlReporter(Reporter):
    name = "html"

    def report(self, run) -> None:
        findings_json = []
        body_parts = []
        family = Counter()
        family_sev: dict[str, Counter] = defaultdict(Counter)
        chapters: list[tuple[str, int]] = []
        self.many = len(run.files) > 1
        self.ids: dict[int, int] = {}  # finding -> its index in the page's data
        self.registry = run.registry
        self.why: dict[str, str] = {}
        for fi, result in enumerate(run.files):
            for f in result.findings:
                family[family_label(f)] += 1
                family_sev[family_label(f)][f.severity] += 1
            body_parts.append(self._file(fi, result, findings_json, chapters))
        total = sum(family.values())
        self.stream.write("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                          f"<title>verolint-rapport</title><style>{CSS}</style></head><body>")
        files = len(run.files)
        self.stream.write(f"<header><h1>verolint-rapport</h1><p>{files} {'document' if files == 1 else 'documenten'}, "
                          f"{total} {'bevinding' if total == 1 else 'bevindingen'} · verolint {__version__}</p></header><main><div>")
        self.stream.write(self._council(run) + self._first(run) + self._summary(family, family_sev)
                          + self._chart(chapters) + self._basis(run))
        self.stream.write("".join(body_parts))
        self.stream.write("</div><aside><div class=\"card\"><h2>Toelichting</h2><div id=\"detail\">"
                          "<p>Klik op een gemarkeerde passage voor de melding, de reden en de suggestie.</p></div>"
                          "<div class=\"legend\"><h3>Taalniveau per artikel</h3><span><i style=\"background:#2a9d8f\"></i>B1</span>"
                          "<span><i style=\"background:#e9c46a\"></i>B2</span><span><i style=\"background:#e76f51\"></i>C1+</span>"
                          "<h3>Markeringen</h3><span><i style=\"background:#fde2e1\"></i>fout</span>"
                          "<span><i style=\"background:#fff3cd\"></i>waarschuwing</span><span><i style=\"background:#e3f0fb\"></i>opmerking</span>"
                          "</div></div></aside></main>")
        data = json.dumps(findings_json, ensure_ascii=False).replace("</", "<\\/")
        self.stream.write(f"<script type=\"application/json\" id=\"findings-data\">{data}</script>"
                          f"<script>{JS}</script></body></html>\n")

    # -- parts ---------------------------------------------------------------------
    def _council(self, run) -> str:
        """A few sentences a municipal council can read: what kinds of problems,
        how many, and the language level."""
        count = Counter()
        for f in run.findings:
            if f.category in ("reference", "numbering", "definition", "structure") and f.severity >= Severity.WARNING:
                count["legal"] += 1 + len(f.places)
            elif f.code == "RIG003":
                count["no-hardship"] += 1
            elif f.category == "rigid-exclusion":
                count["rigid"] += 1 + len(f.places)
            elif f.category == "vague-phrasing" and f.code != "VAG101":
                count["vague"] += 1 + len(f.places)
            elif f.code == "DUP003":
                count["internal"] += 1 + len(f.places)
            elif f.category == "statutory-duplication":
                count["law"] += 1 + len(f.places)
        docs = len(run.files)
        parts = [
            f"{count['legal']} juridische {'gebrek' if count['legal'] == 1 else 'gebreken'} (verwijzingen, nummering, begrippen, opbouw)",
            f"{count['rigid']} starre {'uitsluiting of harde grens' if count['rigid'] == 1 else 'uitsluitingen of harde grenzen'}",
            f"{count['vague']} open {'norm' if count['vague'] == 1 else 'normen'} zonder maatstaf",
            f"{count['law']} {'passage die' if count['law'] == 1 else 'passages die'} de wet {'herhaalt' if count['law'] == 1 else 'herhalen'}",
            f"{count['internal']} dubbele {'passage' if count['internal'] == 1 else 'passages'} in de tekst zelf",
        ]
        text = (f"verolint las {docs} {'document' if docs == 1 else 'documenten'} en vond: "
                + ", ".join(parts[:-1]) + " en " + parts[-1] + ".")
        if count["no-hardship"]:
            text += (" Er staat geen hardheidsclausule met maatstaf in, terwijl er wel uitsluitingen zijn"
                     + (f" ({count['no-hardship']} documenten)." if count["no-hardship"] > 1 else "."))
        above = sum(r.stats.get("language", {}).get("document", {}).get("above", 0) for r in run.files)
        units = sum(r.stats.get("language", {}).get("document", {}).get("units", 0) for r in run.files)
        target = next((r.stats["language"]["target"] for r in run.files if r.stats.get("language")), "B2")
        lang = (f"<p>Taal: {above} van de {units} zinnen liggen boven niveau {_esc(target)} "
                f"({round(100 * above / units) if units else 0} %).</p>" if units else "")
        return f"<div class=\"card\" id=\"council\"><h2>In het kort</h2><p>{_esc(text)}</p>{lang}</div>"

    def _basis(self, run) -> str:
        """What the report rests on: date, version, profile, statutes, configuration."""
        import datetime as dt

        from ..statutes import builtin

        rows = [("datum", dt.date.today().isoformat()), ("verolint", __version__)]
        for r in run.files:
            profile = (r.stats or {}).get("profile")
            source = getattr(r.settings, "source", None) if r.settings is not None else None
            label = f"{r.path}" if self.many else "document"
            rows.append((label, f"profiel {profile or 'onbekend'}; configuratie {source or 'standaard (geen bestand)'}"))
        shipped = builtin.load()
        if shipped is not None:
            laws = "; ".join(f"{st.title} ({st.version or 'versie onbekend'})" for st in shipped.statutes)
            rows.append(("ingebouwde wetten", laws))
        extra = sorted({str(p) for r in run.files if r.settings is not None for p in r.settings.statutes})
        if extra:
            rows.append(("eigen wetten", ", ".join(extra)))
        items = "".join(f"<dt>{_esc(k)}</dt><dd>{_esc(v)}</dd>" for k, v in rows)
        return f"<div class=\"card\" id=\"basis\"><h2>Waarop dit rapport berust</h2><dl>{items}</dl></div>"

    def _first(self, run, limit: int = 12) -> str:
        """What matters most, on the first screen: the highest-ranked errors and
        warnings of all documents, each a link to its place."""
        top = [f for f in ranked(run.findings) if f.severity >= Severity.WARNING][:limit]
        if not top:
            return ""
        items = "".join(
            f"<li><a href=\"#\" data-goto=\"m{self.ids[id(f)]}\" onclick=\"return false\">{_esc(f.code)}</a> "
            f"<span class=\"sev-{_SEV[f.severity]}\">{SEVERITY_NL[f.severity][0]}</span> "
            f"{_esc(f.file.rsplit('/', 1)[-1]) + ' ' if self.many else ''}r. {f.line} [{_esc(f.path or 'document')}]: "
            f"{_esc(f.message)}</li>"
            for f in top if id(f) in self.ids)
        return f"<div class=\"card\" id=\"first\"><h2>Eerst dit</h2><ul class=\"findings\">{items}</ul></div>"

    def _summary(self, family: Counter, family_sev: dict) -> str:
        rows = "".join(
            f"<tr><td>{_esc(cat)}</td>"
            + "".join(f"<td class=\"n\">{family_sev[cat][s] or ''}</td>" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
            + f"<td class=\"n\"><b>{n}</b></td></tr>"
            for cat, n in family.most_common()
        ) or "<tr><td colspan=5>Geen bevindingen.</td></tr>"
        return ("<div class=\"card\" id=\"summary\"><h2>Samenvatting per regelfamilie</h2><table><tr><th>familie</th>"
                "<th class=\"n\">fout</th><th class=\"n\">waarschuwing</th><th class=\"n\">opmerking</th><th class=\"n\">totaal</th></tr>" + rows + "</table></div>")

    def _chart(self, chapters: list[tuple[str, int]]) -> str:
        if not chapters:
            return ""
        top = max(n for _, n in chapters) or 1
        h = 22 * len(chapters) + 10
        bars = []
        for i, (label, n) in enumerate(chapters):
            y = 5 + 22 * i
            w = 0 if not n else max(2, int(380 * n / top))
            bars.append(f"<text class=\"bartext\" x=\"0\" y=\"{y + 14}\">{_esc(label[:44])}</text>"
                        f"<rect class=\"bar\" x=\"260\" y=\"{y + 2}\" width=\"{w}\" height=\"15\" rx=\"3\"></rect>"
                        f"<text class=\"bartext\" x=\"{266 + w}\" y=\"{y + 14}\">{n}</text>")
        return (f"<div class=\"card\" id=\"chart\"><h2>Bevindingen per hoofdstuk</h2>"
                f"<svg width=\"100%\" viewBox=\"0 0 700 {h}\" role=\"img\" aria-label=\"bevindingen per hoofdstuk\">"
                + "".join(bars) + "</svg></div>")

    def _file(self, fi: int, result, findings_json: list, chapters: list) -> str:
        out = [f"<div class=\"card\"><h2>{_esc(result.path)}</h2>"]
        if result.error:
            out.append(f"<p class=\"sev-error\">Niet gelezen: {_esc(result.error)}</p></div>")
            return "".join(out)
        view = result.view
        ids = []
        for f in result.findings:
            idx = len(findings_json)
            ids.append(idx)
            self.ids[id(f)] = idx
            findings_json.append({
                "code": f.code, "sev": _SEV[f.severity], "sevnl": SEVERITY_NL[f.severity][0],
                "where": _esc(f.path or "document"), "msg": _esc(f.message + f.places_text), "sug": _esc(f.suggestion or ""),
                "why": _esc(self._why(f.code)),
            })
        lang = (result.stats or {}).get("language")
        levels = {a["path"]: a["level"] for a in lang["articles"]} if lang else {}
        if lang:
            d = lang["document"]
            out.append(f"<p>Taalniveau van het document: <b>{_esc(d['level'])}</b> (doel {_esc(lang['target'])}); "
                       f"{d['above']} van {d['units']} zinnen boven het doel.</p>")
        if view is not None:
            for ch in view["chapters"]:
                n = sum(1 for f in result.findings if ch["start"] <= f.start < ch["end"])
                name = f"{result.path.rsplit('/', 1)[-1][:22]}: " if self.many else ""
                chapters.append((f"{name}{ch['path']} {ch['title']}".strip(), n))
            out.append(self._document(fi, view, result.findings, ids, levels))
        out.append("<h3>Alle bevindingen</h3><div class=\"tools\"><input type=\"search\" placeholder=\"zoek in de bevindingen\" "
                   "aria-label=\"zoek in de bevindingen\"><button data-sort=\"rank\">op belang</button>"
                   "<button data-sort=\"line\">op plaats</button></div><ul class=\"findings all\">")
        # language findings are collapsed per article, the rest in order of importance
        language: dict[str, list] = {}
        for rank, f in enumerate(ranked(result.findings)):
            if f.category == "language-level" and f.severity < Severity.ERROR:
                language.setdefault(f.path or "document", []).append((rank, f))
                continue
            out.append(self._item(f, rank))
        for path, items in language.items():
            rank = items[0][0]
            inner = "".join(self._item(f, r) for r, f in items)
            out.append(f"<li data-rank=\"{rank}\" data-line=\"{items[0][1].line}\"><details class=\"lang\"><summary>Taal in "
                       f"{_esc(path)}: {len(items)} {'bevinding' if len(items) == 1 else 'bevindingen'}</summary>"
                       f"<ul class=\"findings\">{inner}</ul></details></li>")
        out.append("</ul></div>")
        return "".join(out)

    def _item(self, f, rank: int) -> str:
        idx = self.ids[id(f)]
        return (f"<li data-rank=\"{rank}\" data-line=\"{f.line}\"><a href=\"#\" data-goto=\"m{idx}\" "
                f"onclick=\"return false\">{_esc(f.code)}</a> <span class=\"sev-{_SEV[f.severity]}\">{SEVERITY_NL[f.severity][0]}</span> "
                f"r. {f.line} [{_esc(f.path or 'document')}]: {_esc(f.message + f.places_text)}</li>")

    def _why(self, code: str) -> str:
        """The rule's *Waarom*, for the detail panel."""
        if code not in self.why:
            rule = self.registry.get(code) if self.registry is not None else None
            self.why[code] = " ".join((rule.doc.sections.get("Waarom", "") if rule is not None else "").split())
        return self.why[code]

    def _document(self, fi: int, view: dict, findings, ids: list[int], levels: dict) -> str:
        source = view["source"]
        # segment boundaries: article starts/ends and finding starts/ends
        spans = [(f.start, max(f.end, f.start + 1), idx, f.severity) for f, idx in zip(findings, ids)]
        arts = view["articles"]
        cuts = {0, len(source)}
        for a, b, _, _ in spans:
            cuts.update((min(a, len(source)), min(b, len(source))))
        for art in arts:
            cuts.update((art["start"], art["end"]))
        cuts = sorted(cuts)
        art_starts = [a["start"] for a in arts]
        parts = ["<div class=\"doc\">"]
        open_art = None
        first_mark: set[int] = set()
        for a, b in zip(cuts, cuts[1:]):
            i = bisect.bisect_right(art_starts, a) - 1
            art = arts[i] if i >= 0 and arts[i]["start"] <= a < arts[i]["end"] else None
            if art is not open_art:
                if open_art is not None:
                    parts.append("</section>")
                if art is not None:
                    level = levels.get(art["path"], "")
                    cls = {"B1": "lvl-B1", "B2": "lvl-B2", "C1+": "lvl-C1"}.get(level, "")
                    tag = f"<span class=\"lvltag {cls}\">{_esc(level)}</span>" if level else ""
                    parts.append(f"<section class=\"art {cls}\">{tag}")
                open_art = art
            covering = [(idx, sev) for (fa, fb, idx, sev) in spans if fa <= a < fb]
            text = _esc(source[a:b])
            if view["format"] == "markdown":  # show headings, not their markup
                text = _MD_HEADING.sub(r"\1", text)
            if view["format"] in ("markdown", "text"):  # **vet** as copied from a web page: hide the asterisks
                text = _MD_EMPHASIS.sub(r'<span class="md">\g<0></span>', text)
            if covering:
                sev = max(s for _, s in covering)
                idxs = ",".join(str(i) for i, _ in covering)
                new = [i for i, _ in covering if i not in first_mark]
                anchor = f" id=\"m{new[0]}\"" if new else ""
                first_mark.update(new)
                # more findings start here: anchors that lead to the same mark
                parts.extend(f"<span class=\"anchor\" id=\"m{i}\"></span>" for i in new[1:])
                titles = " | ".join(findings_title(findings, ids, i) for i, _ in covering)
                parts.append(f"<mark class=\"{_SEV[sev]}\" data-f=\"{idxs}\" title=\"{_esc(titles)}\"{anchor}>{text}</mark>")
            else:
                parts.append(text)
        if open_art is not None:
            parts.append("</section>")
        parts.append("</div>")
        return "".join(parts)


def findings_title(findings, ids, idx) -> str:
    f = findings[ids.index(idx)]
    return f"{f.code}: {f.message}"
