"""Self-test of tests/cvdr_fake.py: the synthetic corpus and the fake CVDR services."""

from __future__ import annotations

import http.client
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

# ``tests`` is not importable as a package here: textstat (a dependency) installs
# a top-level ``tests`` package into site-packages that shadows this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from cvdr_fake import FakeCvdr, Regulation, generate, write  # noqa: E402

from verolint.model import Kind  # noqa: E402
from verolint.readers.xml import XmlReader  # noqa: E402

SRW = "{http://www.loc.gov/zing/srw/}"
GZD = "{http://standaarden.overheid.nl/sru}"


@pytest.fixture(scope="module")
def regs() -> list[Regulation]:
    return generate(120, seed=7)


@pytest.fixture(scope="module")
def fake(regs):
    with FakeCvdr(regs) as f:
        yield f


def sru(fake: FakeCvdr, query: str, start: int = 1, maximum: int = 10) -> ET.Element:
    qs = urllib.parse.urlencode({"version": "1.2", "operation": "searchRetrieve", "x-connection": "cvdr",
                                 "query": query, "startRecord": start, "maximumRecords": maximum})
    with urllib.request.urlopen(f"{fake.sru_url}?{qs}", timeout=5) as resp:
        assert resp.status == 200
        return ET.fromstring(resp.read())


def ids(root: ET.Element) -> list[str]:
    return [el.text for el in root.iter("{http://purl.org/dc/terms/}identifier")]


def all_ids(fake: FakeCvdr, query: str, page: int = 7) -> list[str]:
    out, start = [], 1
    while True:
        root = sru(fake, query, start, page)
        out += ids(root)
        nxt = root.findtext(f"{SRW}nextRecordPosition")
        if nxt is None:
            return out
        start = int(nxt)


def test_deterministic_and_well_formed(regs):
    again = generate(120, seed=7)
    assert [(r.record_id, r.xml) for r in regs] == [(r.record_id, r.xml) for r in again]
    assert [r.xml for r in generate(20, seed=8)] != [r.xml for r in regs[:20]]
    assert len({r.record_id for r in regs}) == len(regs)
    for r in regs:
        assert r.work.startswith("CVDR") and len(r.work) == 10 and r.version >= 1
    by_work: dict[str, list[Regulation]] = {}
    for r in regs:
        by_work.setdefault(r.work, []).append(r)
    assert any(len(v) > 1 for v in by_work.values())
    for versions in by_work.values():
        versions.sort(key=lambda r: r.version)
        assert versions[-1].uitwerking is None
        for old, new in zip(versions, versions[1:]):
            assert old.uitwerking == new.inwerking


def test_corpus_reads_with_verolint(regs):
    reader = XmlReader()
    for r in regs:
        doc = reader.read_bytes(r.xml, f"{r.record_id}.xml")
        assert doc.meta["cvdr_id"] == r.record_id
        assert doc.title == r.title
        arts = [n for n in doc.root.walk() if n.kind is Kind.ARTIKEL]
        assert len(arts) >= 3
        assert 1500 < len(doc.text) < 40_000


def test_write(regs, tmp_path):
    paths = write(regs[:3], tmp_path)
    assert [p.name for p in paths] == [f"{r.record_id}.xml" for r in regs[:3]]
    assert paths[0].read_bytes() == regs[0].xml


def test_sru_paging_and_cql(fake, regs):
    gemeente = max({r.creator for r in regs}, key=lambda g: sum(r.creator == g for r in regs))
    expected = sorted((r for r in regs if r.creator == gemeente), key=lambda r: (r.work, r.version))
    q = f'gemeente="{gemeente}"'
    root = sru(fake, q, 1, 1)
    assert int(root.findtext(f"{SRW}numberOfRecords")) == len(expected)
    assert all_ids(fake, q, page=1) == [r.record_id for r in expected]

    # whole result in one page: no nextRecordPosition; enriched data points to the repository
    root = sru(fake, "overheidrg.indeling=beleidsregel", 1, 1000)
    assert root.find(f"{SRW}nextRecordPosition") is None
    assert len(ids(root)) == sum(r.indeling == "beleidsregel" for r in regs)
    url = next(root.iter(f"{GZD}publicatieurl_xml")).text
    with urllib.request.urlopen(url, timeout=5) as resp:
        first = fake.by_id[ids(root)[0]]
        assert resp.read() == first.xml and resp.headers["Content-Type"] == "application/xml"

    multi = next(r.work for r in regs if r.version == 2)
    assert ids(sru(fake, f"dcterms.identifier={multi}")) == [f"{multi}_{v}" for v in
                                                            sorted(r.version for r in regs if r.work == multi)]
    assert ids(sru(fake, f"dcterms.identifier={multi}_2")) == [f"{multi}_2"]
    in_force = ids(sru(fake, f"dcterms.identifier={multi} and overheidrg.datumGeldendOp=2100-01-01"))
    assert in_force == [f"{multi}_{max(r.version for r in regs if r.work == multi)}"]

    other = next(g for g in sorted({r.creator for r in regs}) if g != gemeente)
    q = (f'(gemeente="{gemeente}" or dcterms.creator="{other}") and '
         f'(overheidrg.body="hardheidsclausule" or overheidrg.body="onbillijkheden van overwegende aard")')
    want = {r.record_id for r in regs if r.creator in (gemeente, other) and r.has_hardship}
    assert set(all_ids(fake, q)) == want
    # and binds tighter than or
    q2 = f'gemeente="{other}" or gemeente="{gemeente}" and overheidrg.indeling="verordening overig"'
    want2 = {r.record_id for r in regs if r.creator == other
             or (r.creator == gemeente and r.indeling == "verordening overig")}
    assert set(all_ids(fake, q2)) == want2


@pytest.mark.parametrize("query, details", [
    ("mantelzorg", "cql.serverChoice"),
    ("foo.bar=1", "foo.bar"),
    ('gemeente="Ede" and (', None),
])
def test_sru_diagnostics(fake, query, details):
    root = sru(fake, query)
    assert root.findtext(f"{SRW}numberOfRecords") == "0"
    diag = root.find(f"{SRW}diagnostics/{{http://www.loc.gov/zing/srw/diagnostic/}}diagnostic")
    assert diag is not None
    if details:
        assert diag.findtext("{http://www.loc.gov/zing/srw/diagnostic/}details") == details
    assert sru(fake, "overheidrg.indeling=beleidsregel", 1, 1001).find(f"{SRW}diagnostics") is not None


def test_faults(fake, regs):
    reg = regs[0]
    url = fake.xml_url(reg)
    path = urllib.parse.urlsplit(url).path
    try:
        fake.faults[path] = "500"
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(url, timeout=5)
        assert err.value.code == 500
        fake.faults[path] = "truncate"
        with pytest.raises(http.client.IncompleteRead):
            urllib.request.urlopen(url, timeout=5).read()
        fake.faults[path] = "redirect-same"
        with urllib.request.urlopen(url, timeout=5) as resp:  # urllib follows the redirect
            assert resp.read() == reg.xml and "/mirror/" in resp.url
        fake.faults[path] = "wrong-id"
        with urllib.request.urlopen(url, timeout=5) as resp:
            assert reg.record_id.encode() not in resp.read()
    finally:
        fake.faults.clear()
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{fake.repository}/CVDR000001/1/xml/CVDR000001_1.xml", timeout=5)
    assert err.value.code == 404
    assert any(p == urllib.parse.urlsplit(url).path for _t, p in fake.requests)


def test_slow_does_not_block_stop(regs):
    fake = FakeCvdr(regs[:3]).start()
    url = fake.xml_url(regs[0])
    fake.faults[urllib.parse.urlsplit(url).path] = "slow"
    resp = urllib.request.urlopen(url, timeout=5)
    assert len(resp.read(16)) == 16
    t = time.monotonic()
    fake.stop()
    assert time.monotonic() - t < 2
    resp.close()
