"""Published regulations by id (``check CVDR…``) and the audit of many
(``verolint audit``), against a local imitation of the CVDR search service and
repository (tests/cvdr_fake.py) holding a generated national corpus."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from cvdr_fake import FakeCvdr, generate  # noqa: E402

from verolint.cvdr import Ref, parse_ref  # noqa: E402

NATIONAL = 2000


@pytest.fixture(scope="module")
def corpus():
    return generate(NATIONAL, seed=1)


@pytest.fixture
def fake(corpus, monkeypatch):
    from verolint.cvdr import store

    shutil.rmtree(store.folder(), ignore_errors=True)  # each test fetches afresh
    with FakeCvdr(corpus) as service:
        monkeypatch.setenv("VEROLINT_SRU_URL", service.sru_url)
        monkeypatch.setenv("VEROLINT_CVDR_REPOSITORY", service.repository)
        yield service
    shutil.rmtree(store.folder(), ignore_errors=True)


def _stored() -> list[str]:
    from verolint.cvdr import store

    return sorted(p.name for p in store.folder().iterdir()) if store.folder().is_dir() else []


def _newest(corpus, versions: int):
    """A work with this many versions (the generator makes works of 1–3)."""
    works: dict[str, list] = {}
    for r in corpus:
        works.setdefault(r.work, []).append(r)
    return next(sorted(v, key=lambda r: r.version) for v in works.values() if len(v) == versions)


# -- naming a regulation ------------------------------------------------------------------

@pytest.mark.parametrize("text, ref", [
    ("CVDR690468", Ref("CVDR690468")),
    ("cvdr690468/1", Ref("CVDR690468", 1)),
    ("CVDR690468_3", Ref("CVDR690468", 3)),
    ("https://lokaleregelgeving.overheid.nl/CVDR690468/1", Ref("CVDR690468", 1)),
    ("https://lokaleregelgeving.overheid.nl/CVDR690468", Ref("CVDR690468")),
    ("https://lokaleregelgeving.overheid.nl/CVDR690468/2/hoofdstuk_1", Ref("CVDR690468", 2)),
    ("https://example.org/CVDR690468", None),
    ("CVDR690468_1.xml", None),
    ("verordening.txt", None),
])
def test_a_regulation_is_named_by_id_version_or_address(text, ref):
    assert parse_ref(text) == ref


# -- one regulation -----------------------------------------------------------------------

def test_check_by_work_id_fetches_the_newest_version(cli, fake, corpus):
    versions = _newest(corpus, 3)
    result = cli("check", versions[0].work, "--format", "json", "--exit-zero")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == [f"{versions[-1].record_id}.xml"]
    assert f"{versions[-1].work} versie 3 ({versions[-1].title}, {versions[-1].creator}) opgehaald uit CVDR" in result.stderr
    assert _stored() == [f"{versions[-1].record_id}.xml"]
    queries = [p for _t, p in fake.requests if p.startswith("/sru/")]
    assert len(queries) == 1 and f"dcterms.identifier%3D{versions[0].work}_%2A" in queries[0]


def test_a_named_version_in_the_cache_needs_no_network(cli, fake, corpus, monkeypatch):
    first = _newest(corpus, 2)[0]
    address = f"https://lokaleregelgeving.overheid.nl/{first.work}/{first.version}"
    assert cli("check", address, "--exit-zero").exit_code == 0
    assert _stored() == [f"{first.record_id}.xml"]
    monkeypatch.setenv("VEROLINT_SRU_URL", "http://127.0.0.1:9/sru/Search")  # the discard port: offline
    again = cli("check", f"{first.work}/{first.version}", "--exit-zero")
    assert again.exit_code == 0 and f"{first.work} versie 1 uit de cache" in again.stderr
    newest = cli("check", first.work)  # the newest needs the search service
    assert newest.exit_code == 2
    assert "niet bereiken" in newest.stdout and f"In de cache staat {first.work} versie 1" in newest.stdout
    assert _stored() == [f"{first.record_id}.xml"]


def test_unknown_regulations_and_versions_are_named(cli, fake, corpus):
    result = cli("check", "CVDR1")
    assert result.exit_code == 2 and "fout: CVDR1: CVDR kent geen regeling CVDR1" in result.stdout
    one = _newest(corpus, 1)[0]
    result = cli("check", f"{one.work}/7")
    assert result.exit_code == 2 and f"CVDR kent geen versie 7 van {one.work} (wel: 1)" in result.stdout
    assert _stored() == []


def _xml_path(fake, reg) -> str:
    return fake.xml_url(reg).split(fake.base, 1)[1]


@pytest.mark.parametrize("fault, message", [
    ("500", "antwoordde 500"),
    ("404", "antwoordde 404"),
    ("truncate", "het antwoord is afgebroken"),
    ("redirect-other-host", "andere plek"),
    ("garbage", "geen leesbare regeling"),
    ("wrong-id", "in plaats van"),
])
def test_a_bad_download_stores_nothing(cli, fake, corpus, fault, message):
    reg = _newest(corpus, 1)[0]
    fake.faults[_xml_path(fake, reg)] = fault
    result = cli("check", reg.work)
    assert result.exit_code == 2 and message in result.stdout, result.stdout
    assert _stored() == []


def test_a_redirect_within_the_repository_is_followed(cli, fake, corpus):
    reg = _newest(corpus, 1)[0]
    fake.faults[_xml_path(fake, reg)] = "redirect-same"
    assert cli("check", reg.work, "--exit-zero").exit_code == 0
    assert _stored() == [f"{reg.record_id}.xml"]


def test_a_slow_or_oversized_answer_is_cut_off(cli, fake, corpus, monkeypatch):
    from verolint import net
    from verolint.cvdr import store

    reg = _newest(corpus, 1)[0]
    monkeypatch.setattr(net, "DEADLINE", 1)
    fake.faults[_xml_path(fake, reg)] = "slow"
    started = time.monotonic()
    result = cli("check", reg.work)
    assert result.exit_code == 2 and "langer dan 1 s" in result.stdout
    assert time.monotonic() - started < 5
    monkeypatch.setattr(store, "MAX_XML", 1024 * 1024)
    fake.faults[_xml_path(fake, reg)] = "oversize"
    result = cli("check", reg.work)
    assert result.exit_code == 2 and "groter dan 1 MB" in result.stdout
    assert _stored() == []


def test_xml_is_taken_from_the_official_repository_only(cli, fake, corpus, monkeypatch):
    reg = _newest(corpus, 1)[0]
    monkeypatch.setenv("VEROLINT_CVDR_REPOSITORY", f"{fake.base}/elders")  # the answer points elsewhere
    result = cli("check", reg.work)
    assert result.exit_code == 2 and "onbekende plek" in result.stdout
    assert not [p for _t, p in fake.requests if p.startswith("/repository/")]


def test_a_search_diagnostic_is_shown(fake):
    from verolint.cvdr import CvdrError, sru

    with pytest.raises(CvdrError, match="de zoekdienst weigert de vraag: .*serverChoice"):
        sru.search("mantelzorg")


def test_paging_reads_every_record(fake, corpus):
    from verolint.cvdr import sru

    gemeente = corpus[0].creator
    expected = sorted(r.record_id for r in corpus if r.creator == gemeente)
    pages = []
    found = list(sru.records(f"gemeente={sru.quote(gemeente)}", page=2, on_page=lambda d, t: pages.append((d, t))))
    assert sorted(r.record_id for r in found) == expected
    assert len(pages) == (len(expected) + 1) // 2 and pages[-1] == (len(expected), len(expected))
    assert all(r.xml_url.startswith(fake.repository) for r in found)


# -- politeness -----------------------------------------------------------------------------

def test_the_throttle_spaces_requests_per_host():
    from verolint.net import Throttle

    now, slept = [100.0], []
    throttle = Throttle(2, clock=lambda: now[0], sleep=slept.append)
    for _ in range(3):
        throttle.wait("https://repository.example/a")
    throttle.wait("https://zoekservice.example/b")
    assert slept == [0.5, 1.0]  # the other host waits for nobody


def test_the_audit_hands_out_fetch_slots_at_the_rate(fake, corpus, tmp_path):
    from verolint.audit import Audit, Plan, build_query

    regs = [r for r in corpus if r.creator == corpus[0].creator][:4]
    query = build_query(None, (corpus[0].creator,))
    audit = Audit(tmp_path / "a", query)
    audit.prepare()
    records = [r for r in audit.inventory() if r.record_id in {g.record_id for g in regs}]
    audit.run(records, Plan(rate=5))
    fetches = sorted(t for t, p in fake.requests if p.startswith("/repository/"))
    assert len(fetches) == len(records)
    gaps = [b - a for a, b in zip(fetches, fetches[1:])]
    assert all(g >= 0.18 for g in gaps), gaps  # 5 per second: 0.2 s apart, less scheduling jitter


# -- the audit ------------------------------------------------------------------------------

def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes()
            for name in ("findings.jsonl", "regulations.csv", "municipalities.csv")}


def test_an_audit_writes_findings_and_summaries(cli, fake, corpus, tmp_path):
    gemeenten = sorted({r.creator for r in corpus})[:6]
    args = ["audit", "--rate", "0", "-o", str(tmp_path / "audit"), "--geldig-op", "2026-10-01"]
    for g in gemeenten:
        args += ["--gemeente", g]
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader((tmp_path / "audit" / "regulations.csv").open(encoding="utf-8")))
    in_force = {r.record_id: r for r in corpus if r.creator in gemeenten and r.inwerking <= "2026-10-01"
                and (not r.uitwerking or "2026-10-01" < r.uitwerking)}
    assert sorted(r["regeling"] for r in rows) == sorted(in_force)
    assert all(r["status"] == "ok" for r in rows)
    # the generator knows which regulations carry a hardship clause ('ja', or 'zonder maatstaf'
    # for a bare "kan afwijken" without a standard such as 'onbillijkheden van overwegende aard')
    assert all((r["hardheidsclausule"] != "nee") == in_force[r["regeling"]].has_hardship for r in rows)
    assert {r["hardheidsclausule"] for r in rows} == {"ja", "zonder maatstaf", "nee"}
    assert {r["profiel"] for r in rows} == {"classic", "omgekeerd"}
    findings = [json.loads(line) for line in (tmp_path / "audit" / "findings.jsonl").open(encoding="utf-8")]
    per_regulation = {r["regeling"]: int(r["bevindingen"]) for r in rows}
    assert sum(per_regulation.values()) == len(findings) > 0
    assert {f["regeling"] for f in findings} <= set(per_regulation)
    muni = {m["organisatie"]: m for m in csv.DictReader((tmp_path / "audit" / "municipalities.csv").open(encoding="utf-8"))}
    assert sorted(muni) == sorted({r.creator for r in in_force.values()}, key=str.casefold) or set(muni) == {
        r.creator for r in in_force.values()}
    for name, m in muni.items():
        mine = [r for r in rows if r["organisatie"] == name]
        assert int(m["regelingen"]) == len(mine)
        assert int(m["zonder_hardheidsclausule"]) == sum(r["hardheidsclausule"] == "nee" for r in mine)
    page = (tmp_path / "audit" / "overview.html").read_text(encoding="utf-8")
    assert "In het kort" in page and "Bevindingen per familie" in page and "class='bar" in page
    query = [p for _t, p in fake.requests if p.startswith("/sru/")][0]
    assert "overheidrg.datumGeldendOp%3D2026-10-01" in query


def test_parquet_holds_the_same_rows(cli, fake, corpus, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    gemeente = corpus[0].creator
    base = ["audit", "--rate", "0", "--gemeente", gemeente]
    assert cli(*base, "-o", str(tmp_path / "j")).exit_code == 0
    assert cli(*base, "-o", str(tmp_path / "p"), "--findings", "parquet").exit_code == 0
    rows = [json.loads(line) for line in (tmp_path / "j" / "findings.jsonl").open(encoding="utf-8")]
    assert pq.read_table(tmp_path / "p" / "findings.parquet").to_pylist() == rows


def test_an_interrupted_audit_resumes_to_the_same_result(fake, corpus, tmp_path):
    from verolint.audit import Audit, Plan, build_query, outputs

    query = build_query("overheidrg.body=\"hardheidsclausule\"", (), "2026-10-01")

    def finish(audit: Audit, records):
        outputs.write_all(audit.load(records), audit.folder, query)
        return _files(audit.folder)

    whole = Audit(tmp_path / "whole", query)
    whole.prepare()
    records = whole.inventory()[:120]
    whole.run(records, Plan(rate=0))
    expected = finish(whole, records)

    broken = Audit(tmp_path / "broken", query)
    broken.prepare()
    seen = []

    def interrupt(result):
        seen.append(result)
        if len(seen) == 45:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        broken.run(records, Plan(rate=0), on_result=interrupt)
    assert len(broken.stored()) == 45
    fetched = len([p for _t, p in fake.requests if p.startswith("/repository/")])
    resumed = Audit(tmp_path / "broken", query)
    assert resumed.prepare() is True
    progress = resumed.run(records, Plan(rate=0))
    assert progress.total == len(records) - 45  # only what was missing
    assert finish(resumed, records) == expected
    assert len([p for _t, p in fake.requests if p.startswith("/repository/")]) == fetched  # all cached already


def test_a_network_failure_is_tried_again_on_the_next_run(cli, fake, corpus, tmp_path):
    gemeente = corpus[0].creator
    regs = [r for r in corpus if r.creator == gemeente]
    fake.faults[_xml_path(fake, regs[0])] = "500"
    args = ["audit", "--rate", "0", "--gemeente", gemeente, "-o", str(tmp_path / "a")]
    first = cli(*args)
    assert first.exit_code == 2
    assert "1 regelingen ontbreken (1 niet opgehaald (netwerk))" in first.stderr
    del fake.faults[_xml_path(fake, regs[0])]
    second = cli(*args)
    assert second.exit_code == 0, second.stderr
    assert f"hervat; {len(regs) - 1} van {len(regs)} regelingen al gedaan" in second.stderr
    rows = list(csv.DictReader((tmp_path / "a" / "regulations.csv").open(encoding="utf-8")))
    assert len(rows) == len(regs)


def test_the_audit_folder_belongs_to_one_query(cli, fake, corpus, tmp_path):
    out = str(tmp_path / "a")
    assert cli("audit", "--rate", "0", "--gemeente", corpus[0].creator, "-o", out).exit_code == 0
    other = cli("audit", "--rate", "0", "--gemeente", corpus[1].creator, "-o", out)
    assert other.exit_code == 2 and "hoort bij een andere audit" in other.stderr
    assert cli("audit", "-o", out).exit_code == 2  # no query at all
    assert "geen datum" in cli("audit", "--geldig-op", "1-10-2026", "-o", out).stderr


# -- the national corpus on Dask ----------------------------------------------------------------

def _kill_a_worker() -> int:
    """SIGKILL one Dask worker process. A LocalCluster's nannies live in this
    process and start each worker as a spawned child process."""
    import psutil

    for child in psutil.Process().children(recursive=True):
        if any("spawn_main" in part for part in child.cmdline()):
            os.kill(child.pid, signal.SIGKILL)
            return child.pid
    raise AssertionError("no Dask worker process found")


@pytest.mark.slow
def test_the_national_corpus_on_a_dask_cluster_equals_one_process(fake, corpus, tmp_path, monkeypatch):
    """2,000 regulations: one process, then a 2-worker LocalCluster with a worker
    killed halfway. The result files are identical; nothing lost, nothing twice."""
    pytest.importorskip("distributed")
    from verolint.audit import Audit, Plan, outputs
    from verolint.cvdr import store

    query = "dcterms.identifier=CVDR*"
    single = Audit(tmp_path / "single", query)
    single.prepare()
    records = single.inventory()
    assert len(records) == NATIONAL
    single.run(records, Plan(rate=0))
    outputs.write_all(single.load(records), single.folder, query)

    shutil.rmtree(store.folder(), ignore_errors=True)  # the workers fetch everything again
    before = len(fake.requests)
    killed = []

    def kill_halfway(result):
        if len(seen) == NATIONAL // 2 and not killed:
            killed.append(_kill_a_worker())
        seen.append(result["record"]["work"])

    seen: list[str] = []
    spread = Audit(tmp_path / "dask", query)
    spread.prepare()
    progress = spread.run(spread.inventory(), Plan(rate=0, jobs=2, dask=True), on_result=kill_halfway)
    outputs.write_all(spread.load(records), spread.folder, query)

    assert killed and progress.done == NATIONAL and len(seen) == NATIONAL
    assert progress.statuses == {"ok": NATIONAL}
    assert _files(spread.folder) == _files(single.folder)
    fetched = [p for _t, p in fake.requests[before:] if p.startswith("/repository/")]
    assert len(set(fetched)) == NATIONAL  # every regulation fetched; a killed task's fetch may repeat


def test_ctrl_c_keeps_what_was_done_and_the_same_command_finishes(fake, corpus, tmp_path):
    """A real interruption: SIGINT to a running 'verolint audit', then the same command again."""
    import subprocess

    gemeenten = sorted({r.creator for r in corpus})[6:12]
    args = [sys.executable, "-m", "verolint", "audit", "--rate", "8", "-o", str(tmp_path / "a")]
    for g in gemeenten:
        args += ["--gemeente", g]
    env = {**os.environ, "VEROLINT_SRU_URL": fake.sru_url, "VEROLINT_CVDR_REPOSITORY": fake.repository}
    proc = subprocess.Popen(args, env=env, stderr=subprocess.PIPE, text=True)
    results = tmp_path / "a" / "results"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(results.glob("*.json")) if results.exists() else []) < 5:
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    kept = len(list(results.glob("*.json")))
    assert f"verolint: {kept} van " in err and "start hetzelfde commando opnieuw" in err
    assert not list(results.glob(".*"))  # no half-written result
    again = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"hervat; {kept} van " in again.stderr
    uninterrupted = [a if a != str(tmp_path / "a") else str(tmp_path / "b") for a in args]
    whole = subprocess.run(uninterrupted, env=env, capture_output=True, text=True, timeout=300)
    assert whole.returncode == 0, whole.stderr
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
