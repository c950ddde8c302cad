"""The HTML audit report: self-contained, escaped, and working in a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import SAMPLES

CLASSIC = str(SAMPLES / "verordening-wmo-klassiek.txt")


def report(cli, tmp_path, *paths):
    out = tmp_path / "rapport.html"
    result = cli("check", *paths, "--format", "html", "--output-file", str(out))
    assert result.exit_code in (0, 1)
    return out, out.read_text(encoding="utf-8")


def test_report_is_self_contained_and_marks_every_finding(cli, tmp_path):
    out, page = report(cli, tmp_path, CLASSIC)
    assert not re.search(r"""(?:src|href)=["']https?:""", page)  # nothing from the network
    assert "<style>" in page and "<script>" in page
    first, rest = page.split('<div class="card" id="summary">', 1)
    n = len(re.findall(r'id="m\d+"', rest))
    listed = len(re.findall(r'data-goto="m\d+"', rest))
    assert n == listed > 20
    # the first screen holds what matters most: the highest-ranked errors, each a link to its place
    top = re.findall(r'data-goto="m(\d+)"[^<]*</a> <span class="sev-(\w+)"', first.split('id="first"', 1)[1])
    assert 0 < len(top) <= 12 and top[0][1] == "error" and all(f'id="m{i}"' in rest for i, _ in top)
    assert "Samenvatting per regelfamilie" in page and "Bevindingen per hoofdstuk" in page
    assert 'class="art lvl-B2"' in page and 'class="art lvl-B1"' in page  # language bands per article


def test_report_escapes_the_ordinance_text(cli, tmp_path):
    doc = tmp_path / "v.txt"
    doc.write_text("Artikel 1 <script>alert(1)</script>\n\nDe inwoner heeft een beperking en/of een ziekte.\n",
                   encoding="utf-8")
    _, page = report(cli, tmp_path, str(doc))
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_report_works_in_headless_chromium(cli, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium); .ci/run installs it")
    out, page = report(cli, tmp_path, CLASSIC, str(SAMPLES / "verordening-sociaal-domein-omgekeerd.md"))
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([browser, *flags, "--virtual-time-budget=3000", "--dump-dom", f"{out.as_uri()}#m3"],
                         capture_output=True, text=True, timeout=120).stdout
    # the fragment opened finding 3 in the side panel, so the script ran
    detail = re.search(r'<div id="detail">(.*?)</div>\s*<div class="legend">', dom, re.S).group(1)
    assert 'class="code"' in detail and "Suggestie" in detail or "class=\"code\"" in detail
    assert re.search(r'<mark class="[a-z]+ active"', dom)
    assert "<b>Waarom:</b>" in detail  # the rule's reason in the detail panel
    # the first screen: the summary a council can read, then the ranked findings
    first = dom.split('id="summary"', 1)[0]
    assert 'id="council"' in first and "juridische gebreken" in first and 'id="first"' in first
    png = tmp_path / "rapport.png"
    subprocess.run([browser, *flags, "--window-size=1400,2000", f"--screenshot={png}", out.as_uri()],
                   capture_output=True, timeout=120)
    assert png.exists() and png.stat().st_size > 50_000


def test_report_opens_with_a_summary_and_states_its_basis(cli, tmp_path):
    doc = tmp_path / "v.txt"
    doc.write_text("Artikel 1 **Begripsbepalingen**\n\nIn deze verordening wordt verstaan onder:\na. wet: Wet "
                   "maatschappelijke ondersteuning 2015.\n\nArtikel 2 Hulp\n\nHet college verstrekt geen "
                   "traplift. Zo nodig biedt het college hulp.\n\nArtikel 4 Slot\n\nIndien de aanvrager "
                   "de in het eerste lid bedoelde gegevens, alsmede de overige bescheiden, niet binnen de door "
                   "het college gestelde termijn overlegt, wordt de aanvraag door het college buiten behandeling "
                   "gelaten.\n", encoding="utf-8")
    _, page = report(cli, tmp_path, str(doc))
    council = re.search(r'id="council">(.*?)</div>', page, re.S).group(1)
    # a gap (artikel 3), no citeertitel, no inwerkingtreding, 'wet' defined but not used, 'het eerste lid' of nothing
    assert "verolint las 1 document en vond: 5 juridische gebreken" in council
    assert "1 starre uitsluiting of harde grens, 1 open norm zonder maatstaf" in council
    assert "Er staat geen hardheidsclausule met maatstaf in" in council and "zinnen liggen boven niveau B2" in council
    assert page.index('id="council"') < page.index('id="first"') < page.index('id="summary"')
    basis = re.search(r'id="basis">(.*?)</div>', page, re.S).group(1)
    assert "<dt>verolint</dt>" in basis and "profiel classic" in basis and "Jeugdwet (" in basis
    assert "@media print" in page  # lawyers print it
    assert '<span class="md">**</span>Begripsbepalingen<span class="md">**</span>' in page  # no raw asterisks
    assert '<details class="lang"><summary>Taal in artikel 4' in page  # language collapsed per article

