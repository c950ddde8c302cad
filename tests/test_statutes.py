"""Statute sources, the cached index, the download client and the DUP rules."""

from __future__ import annotations

import http.server
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest


FIXTURES = Path(__file__).parent / "fixtures"
LAW_MD = FIXTURES / "statutes"
LAW_XML = FIXTURES / "statutes-xml"


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("VEROLINT_CACHE_DIR", str(tmp_path / "cache"))
    from verolint import notes
    from verolint.statutes import _load

    monkeypatch.setattr(notes, "_GIVEN", set())  # notes are once per process: once per test here

    _load.cache_clear()
    yield
    _load.cache_clear()


# -- reading statutes ------------------------------------------------------------------

def test_bwb_xml_is_read_as_a_tree_with_identity_and_xml_lines():
    from verolint.readers import read_path
    from verolint.statutes import identify

    path = LAW_XML / "BWBR9999998_2026-01-01.xml"
    doc = read_path(path)
    st = identify(path, doc)
    assert (st.bwb_id, st.title, st.version) == ("BWBR9999998", "Wet voorbeeldjeugdhulp", "2026-01-01")
    art = doc.articles()[1]
    assert (art.number, art.title) == ("2", "Beslistermijn")
    assert art.children[1].own_text.startswith("Het college kan de termijn, bedoeld in het eerste lid,")
    assert doc.position(art.children[0].start)[0] == 20  # the line of that <al> in the XML file


def test_unsafe_and_foreign_xml_is_refused_quickly(tmp_path):
    from verolint.errors import ReadError
    from verolint.readers import read_path

    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
                    "<toestand>&b;</toestand>", encoding="utf-8")
    external = tmp_path / "ext.xml"
    external.write_text('<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><toestand>&x;</toestand>',
                        encoding="utf-8")
    for path in (bomb, external):
        t = time.perf_counter()
        with pytest.raises(ReadError, match="onveilige XML"):
            read_path(path)
        assert time.perf_counter() - t < 1
    other = tmp_path / "rss.xml"
    other.write_text("<rss><channel/></rss>", encoding="utf-8")
    with pytest.raises(ReadError, match="onbekend XML-formaat"):
        read_path(other)


# -- the index ---------------------------------------------------------------------------

def test_index_is_cached_and_rebuilt_when_a_source_changes(tmp_path):
    from verolint.statutes import _load, load_index

    laws = tmp_path / "wetten"
    shutil.copytree(LAW_MD, laws)
    first = load_index([laws], builtin=False)
    assert [s.title for s in first.statutes] == ["Wet gemeentelijke voorbeeldondersteuning 2026"]
    _load.cache_clear()
    again = load_index([laws], builtin=False)
    assert again.folder == first.folder  # loaded from disk, same key
    law = next(laws.glob("*.md"))
    law.write_text(law.read_text(encoding="utf-8") + "\n### Artikel  1.5  \n\nDe hulpvrager meldt wijzigingen in zijn situatie binnen vier weken aan het college.\n",
                   encoding="utf-8")
    _load.cache_clear()
    changed = load_index([laws], builtin=False)
    assert changed.folder != first.folder and changed.unit_count() == first.unit_count() + 1


def test_same_law_twice_keeps_the_newest_version(tmp_path):
    from verolint.statutes import load_index

    laws = tmp_path / "wetten"
    laws.mkdir()
    shutil.copy(LAW_XML / "BWBR9999998_2026-01-01.xml", laws / "BWBR9999998_2026-01-01.xml")
    (laws / "BWBR9999998_oud.md").write_text("### Artikel  1  \n\nOude tekst van de wet over jeugdhulp die niet meer geldt.\n",
                                             encoding="utf-8")
    idx = load_index([laws], builtin=False)
    assert [(s.bwb_id, s.version) for s in idx.statutes] == [("BWBR9999998", "2026-01-01")]


# -- the rules -------------------------------------------------------------------------------

ORDINANCE = """Verordening voorbeeld 2027

De raad van de gemeente Voorbeeld;

gelet op artikel 1.2 van de Wet gemeentelijke voorbeeldondersteuning 2026;

besluit vast te stellen:

Artikel 1 Beslissing

1. Het college geeft de beschikking binnen twee weken na ontvangst van de aanvraag.
2. Het college verstrekt de voorziening, bedoeld in artikel 1.2 van de Wet gemeentelijke voorbeeldondersteuning 2026.
3. Het college beslist binnen acht weken na ontvangst van de aanvraag om een individuele voorziening volgens de Wet voorbeeldjeugdhulp.
4. Het college beslist binnen twaalf weken na ontvangst van de aanvraag om een individuele voorziening.
"""


def test_repeat_deviation_and_citing_only(lint):
    findings = lint(ORDINANCE, statutes=(LAW_MD, LAW_XML))
    dup = {f.line: f for f in findings if f.code in ("DUP001", "DUP002")}
    assert dup[11].code == "DUP001"
    assert dup[11].message == ("herhaalt artikel 1.2, derde lid, van de Wet gemeentelijke voorbeeldondersteuning 2026 "
                               "(gelijkenis 100%)")
    assert 12 not in dup  # cites the law, repeats nothing
    assert 13 in dup and dup[13].code == "DUP001"  # same as artikel 2, eerste lid, of the XML law
    assert dup[14].code == "DUP002" and dup[14].severity.name == "ERROR"
    assert "noemt 12 weken waar de wet 8 weken zegt" in dup[14].message
    assert not any(f.line == 5 for f in findings if f.code.startswith("DUP"))  # the aanhef


def test_without_any_statutes_the_rule_notes_once_and_internal_duplication_runs(tmp_path, cli, monkeypatch):
    """An installation without the built-in set (and nothing configured) says so once."""
    from verolint.statutes import builtin

    monkeypatch.setattr(builtin, "load", lambda: None)
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    text = "Artikel 1 Jeugdhulp\n\nHet college beslist binnen acht weken op een aanvraag om jeugdhulp voor een jeugdige en zijn ouders.\n"
    a.write_text(text, encoding="utf-8")
    b.write_text(text.replace("Artikel 1", "Artikel 1"), encoding="utf-8")
    result = cli("check", str(a), str(b), "--select", "DUP")
    assert result.stderr.count("geen wetten ingesteld") == 1
    lines = [l for l in result.stdout.splitlines() if "DUP003" in l]
    assert len(lines) == 1  # one defect, on the later file
    assert lines[0].startswith(f"{b}:3:1: DUP003 staat ook op {a}:3 (artikel 1)")


# -- downloading -------------------------------------------------------------------------------

class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict = {}
    seen: list = []

    def do_GET(self):  # noqa: N802
        self.seen.append(self.path)
        for prefix, (status, body) in self.routes.items():
            if self.path.startswith(prefix):
                self.send_response(status)
                if status in (301, 302, 307):
                    self.send_header("Location", body.decode())
                    self.end_headers()
                    return
                self.send_header("Content-Type", "application/xml")
                self.end_headers()
                if callable(body):  # a hostile server: streams, trickles
                    try:
                        for chunk in body():
                            self.wfile.write(chunk)
                            self.wfile.flush()
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    return
                self.wfile.write(body)
                return
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def bwb_service(monkeypatch):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sru = (FIXTURES / "bwb-service" / "sru-response.xml").read_text(encoding="utf-8").replace("{REPO}", f"{base}/repo")
    law = (LAW_XML / "BWBR9999998_2026-01-01.xml").read_bytes()
    _Handler.routes = {
        "/sru/Search": (200, sru.encode("utf-8")),
        "/repo/bwb/BWBR9999998/2026-01-01_0/xml/BWBR9999998_2026-01-01_0.xml": (200, law),
        "/repo/bwb/BWBR9999998/2025-01-01_0/xml/BWBR9999998_2025-01-01_0.xml": (200, law.replace(b"2026-01-01", b"2025-01-01")),
    }
    _Handler.seen = []
    monkeypatch.setenv("VEROLINT_SRU_URL", f"{base}/sru/Search")
    monkeypatch.setenv("VEROLINT_BWB_REPOSITORY", f"{base}/repo")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_pull_stores_the_newest_toestand_atomically(cli, bwb_service, tmp_path):
    result = cli("statutes", "pull", "BWBR9999998")
    assert result.exit_code == 0, result.stderr
    stored = list((tmp_path / "cache" / "statutes").glob("*"))
    assert [p.name for p in stored] == ["BWBR9999998_2026-01-01.xml"]
    query = parse_qs(urlparse(_Handler.seen[0]).query)
    assert query["x-connection"] == ["BWB"] and query["query"] == ["dcterms.identifier==BWBR9999998"]
    listing = cli("statutes", "list").stdout
    assert "BWBR9999998  Wet voorbeeldjeugdhulp" in listing and "2026-01-01" in listing and "cache" in listing


def test_pull_for_a_date(cli, bwb_service, tmp_path):
    result = cli("statutes", "pull", "BWBR9999998", "--date", "2025-06-01")
    assert result.exit_code == 0, result.stderr
    assert "overheidbwb.geldigheidsdatum==2025-06-01" in parse_qs(urlparse(_Handler.seen[0]).query)["query"][0]
    assert [p.name for p in (tmp_path / "cache" / "statutes").glob("*")] == ["BWBR9999998_2025-01-01.xml"]


def test_failed_download_leaves_nothing(cli, bwb_service, tmp_path):
    toestand = "/repo/bwb/BWBR9999998/2026-01-01_0/xml/BWBR9999998_2026-01-01_0.xml"
    folder = tmp_path / "cache" / "statutes"
    _Handler.routes[toestand] = (200, b"<toestand><oops")  # cut off halfway
    result = cli("statutes", "pull", "BWBR9999998")
    assert result.exit_code == 2 and "ongeldige XML" in result.stderr
    assert not folder.exists() or list(folder.iterdir()) == []
    _Handler.routes[toestand] = (500, b"kapot")
    result = cli("statutes", "pull", "BWBR9999998")
    assert result.exit_code == 2 and "antwoordde 500" in result.stderr
    assert not folder.exists() or list(folder.iterdir()) == []


def test_offline_is_a_clear_message(cli, monkeypatch, tmp_path):
    monkeypatch.setenv("VEROLINT_SRU_URL", "http://127.0.0.1:9/sru/Search")  # discard port: refused
    result = cli("statutes", "pull", "BWBR0035362")
    assert result.exit_code == 2
    assert "niet bereiken" in result.stderr and "Er is niets opgeslagen" in result.stderr
    assert not (tmp_path / "cache" / "statutes").exists()


def test_bad_arguments(cli):
    assert "geen BWB-id" in cli("statutes", "pull", "wmo").stderr
    assert "geen datum" in cli("statutes", "pull", "BWBR0035362", "--date", "1-1-2025").stderr


# -- a hostile server ----------------------------------------------------------------------------

TOESTAND = "/repo/bwb/BWBR9999998/2026-01-01_0/xml/BWBR9999998_2026-01-01_0.xml"


def _stored(tmp_path):
    folder = tmp_path / "cache" / "statutes"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_redirect_to_another_host_is_refused(cli, bwb_service, tmp_path):
    _Handler.routes[TOESTAND] = (302, b"http://example.invalid/evil.xml")
    result = cli("statutes", "pull", "BWBR9999998")
    assert result.exit_code == 2 and "andere plek" in result.stderr
    assert _stored(tmp_path) == []


def test_a_redirect_within_the_repository_is_followed(cli, bwb_service, tmp_path):
    law = _Handler.routes[TOESTAND][1]
    _Handler.routes["/repo/bwb/nieuw.xml"] = (200, law)
    _Handler.routes[TOESTAND] = (302, f"{bwb_service}/repo/bwb/nieuw.xml".encode())
    result = cli("statutes", "pull", "BWBR9999998")
    assert result.exit_code == 0, result.stderr
    assert _stored(tmp_path) == ["BWBR9999998_2026-01-01.xml"]


@pytest.mark.parametrize("where", ["{REPO}/../elders/x.xml", "{REPO}/%2e%2e/elders/x.xml", "http://127.0.0.1:9/repo/x.xml"])
def test_a_search_answer_pointing_outside_the_repository_is_refused(cli, bwb_service, tmp_path, where):
    sru = _Handler.routes["/sru/Search"][1].decode()
    bad = where.replace("{REPO}", f"{bwb_service}/repo")
    _Handler.routes["/sru/Search"] = (200, sru.replace(f"{bwb_service}{TOESTAND}", bad).encode())
    result = cli("statutes", "pull", "BWBR9999998")
    assert result.exit_code == 2 and "onbekende plek" in result.stderr
    assert _stored(tmp_path) == []


def test_an_endless_answer_is_cut_off(cli, bwb_service, tmp_path, monkeypatch):
    from verolint import net

    monkeypatch.setattr(net, "MAX_DOWNLOAD", 1024 * 1024)
    _Handler.routes[TOESTAND] = (200, lambda: (b"<x>" + b"a" * 65536 for _ in range(10_000)))
    result = cli("statutes", "pull", "BWBR9999998")
    assert result.exit_code == 2 and "groter dan 1 MB" in result.stderr
    assert _stored(tmp_path) == []


def test_a_server_that_trickles_hits_the_deadline(cli, bwb_service, tmp_path, monkeypatch):
    from verolint import net

    monkeypatch.setattr(net, "DEADLINE", 1)

    def trickle():
        for _ in range(100):
            time.sleep(0.1)
            yield b"<"

    _Handler.routes[TOESTAND] = (200, trickle)
    t = time.perf_counter()
    result = cli("statutes", "pull", "BWBR9999998")
    assert time.perf_counter() - t < 8
    assert result.exit_code == 2 and "langer dan 1 s" in result.stderr
    assert _stored(tmp_path) == []


def test_the_servers_date_does_not_make_the_file_name(cli, bwb_service, tmp_path):
    sru = _Handler.routes["/sru/Search"][1].decode()
    for date in ("2026-01-01", "2025-01-01"):
        sru = sru.replace(f"startdatum>{date}<", "startdatum>../../../etc/x<")
    _Handler.routes["/sru/Search"] = (200, sru.encode())
    result = cli("statutes", "pull", "BWBR9999998")
    assert result.exit_code == 0, result.stderr
    names = _stored(tmp_path)
    assert len(names) == 1 and "/" not in names[0] and ".." not in names[0]
    assert names[0].startswith("BWBR9999998_")


# -- a damaged, planted or unwritable index; an unreadable statute ---------------------------------

@pytest.mark.parametrize("damage", ["truncate", "garbage", "manifest", "planted-pickle"])
def test_a_damaged_index_is_rebuilt_not_trusted(tmp_path, damage, capsys):
    from verolint.statutes import _load, load_index

    first = load_index([LAW_MD], builtin=False)
    folder = first.folder
    target = folder / "units.bin"
    if damage == "truncate":
        target.write_bytes(target.read_bytes()[:-3])
    elif damage == "garbage":
        target.write_bytes(b"\xff" * len(target.read_bytes()))
    elif damage == "manifest":
        (folder / "manifest.json").write_text("{", encoding="utf-8")
    else:
        import pickle

        (folder / "statutes.json").write_bytes(pickle.dumps({"x": 1}))
    _load.cache_clear()
    again = load_index([LAW_MD], builtin=False)
    assert again.unit_count() == first.unit_count()
    assert again.unit(0) == first.unit(0)
    assert "wettenindex in de cache was beschadigd" in capsys.readouterr().err


def test_an_unwritable_cache_builds_the_index_elsewhere(tmp_path, monkeypatch, capsys):
    from verolint.statutes import index as index_mod, load_index

    real = index_mod.tempfile.mkdtemp

    def refuse(*a, dir=None, **k):
        if dir is not None and "statutes-index" in str(dir):
            raise PermissionError(13, "Permission denied", str(dir))
        return real(*a, dir=dir, **k)

    monkeypatch.setattr(index_mod.tempfile, "mkdtemp", refuse)
    idx = load_index([LAW_MD], builtin=False)
    assert idx is not None and idx.unit_count() > 0
    assert "kan de wettenindex niet in de cache schrijven" in capsys.readouterr().err


def test_an_unreadable_statute_is_left_out_once(tmp_path, cli):
    laws = tmp_path / "wetten"
    shutil.copytree(LAW_MD, laws)
    (laws / "BWBR0000001_kapot.xml").write_bytes(b"<toestand><oops")
    ordinances = []
    for i in range(3):
        v = tmp_path / f"v{i}.txt"
        v.write_text("Artikel 1 Beslissen\n\nHet college geeft de beschikking binnen twee weken na ontvangst "
                     "van de aanvraag.\n", encoding="utf-8")
        ordinances.append(str(v))
    result = cli("check", *ordinances, "--statutes", str(laws), "--isolated", "-f", "concise", "-j", "1")
    assert result.exit_code == 1, result.output
    assert result.stdout.count("DUP001") == 3  # every ordinance still compared with the readable law
    assert result.stderr.count("BWBR0000001_kapot.xml") == 1 and "overgeslagen" in result.stderr


# -- the built-in set ------------------------------------------------------------------------------

def test_the_builtin_set_runs_without_any_configuration(cli, tmp_path, monkeypatch):
    """Right after installation: the classic sample repeats the Wmo 2015, and
    DUP001 says so with law and article, without --statutes or configuration."""
    from conftest import SAMPLES

    monkeypatch.chdir(tmp_path)
    result = cli("check", str(SAMPLES / "verordening-wmo-klassiek.txt"), "--isolated", "--select", "DUP001",
                 "-f", "concise")
    assert "geen wetten ingesteld" not in result.stderr
    assert "herhaalt artikel 2.3.5, tweede lid, van de Wet maatschappelijke ondersteuning 2015" in result.stdout
    assert result.stdout.count("Wet maatschappelijke ondersteuning 2015") >= 3


def test_statutes_list_shows_the_builtin_versions(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    listing = cli("statutes", "list").stdout
    assert "BWBR0015703  Participatiewet" in listing and "2026-01-01" in listing
    assert "BWBR0035362  Wet maatschappelijke ondersteuning 2015" in listing and "export 2017" in listing
    assert listing.count("ingebouwd") == 11


def test_the_users_version_of_a_law_replaces_the_builtin_one(tmp_path):
    """Same BWB id: only the user's text counts (the built-in Wmo no longer matches)."""
    from verolint.config import Settings
    from verolint.engine import Linter
    from verolint.readers import read_string

    laws = tmp_path / "wetten"
    laws.mkdir()
    (laws / "BWBR0035362_eigen.md").write_text(
        "### Artikel  9.9.9  \n\nHet college verstrekt aan de cliënt een fiets met trapondersteuning op maat.\n",
        encoding="utf-8")
    text = ("Artikel 1 Beslissen\n\n1. Het college geeft de beschikking binnen twee weken na ontvangst van de aanvraag.\n"
            "2. Het college verstrekt aan de cliënt een fiets met trapondersteuning op maat.\n")
    plain = [f.message for f in Linter().lint(read_string(text, "v.txt"), Settings()) if f.code == "DUP001"]
    assert any("artikel 2.3.5" in m for m in plain)
    own = [f.message for f in Linter().lint(read_string(text, "v.txt"), Settings(statutes=(laws,)))
           if f.code == "DUP001"]
    assert [m.split(" (")[0] for m in own] == ["herhaalt artikel 9.9.9 van de Wet maatschappelijke ondersteuning 2015"]


def test_a_term_that_contradicts_the_law_is_one_finding_not_also_a_repetition(tmp_path):
    """A sentence that copies an eight-week rule of some law, for a Wmo
    maatwerkvoorziening, contradicts the two weeks of artikel 2.3.5 Wmo 2015:
    DUP002 says so, and DUP001 does not also call it a repetition."""
    from verolint.config import Settings
    from verolint.engine import Linter
    from verolint.readers import read_string

    laws = tmp_path / "wetten"
    laws.mkdir()
    (laws / "BWBR9999998_acht-weken.md").write_text(
        "### Artikel  7.7  \n\nHet college beslist binnen acht weken op een aanvraag om een maatwerkvoorziening "
        "voor vervoer in de regio.\n", encoding="utf-8")
    text = ("Artikel 1 Beslissen\n\nHet college beslist binnen acht weken op een aanvraag om een maatwerkvoorziening "
            "voor vervoer in de regio.\n")
    findings = [f for f in Linter().lint(read_string(text, "v.txt"), Settings(statutes=(laws,)))
                if f.code.startswith("DUP")]
    assert [(f.code, f.message.split(" (")[0]) for f in findings] == [
        ("DUP002", "noemt 8 weken waar artikel 2.3.5, tweede lid, van de Wet maatschappelijke ondersteuning 2015 "
                   "2 weken zegt"),
    ]


def test_the_laws_wording_applied_to_another_matter_is_a_local_rule(tmp_path):
    """The Participatiewet's words on the bestuurlijke boete, written for the
    maatregel (which the law leaves to the ordinance), are no repetition; the
    boete rule itself is, and so is a law passage whose 'maatregel' is an
    algemene maatregel van bestuur."""
    from verolint.config import Settings
    from verolint.engine import Linter
    from verolint.readers import read_string

    laws = tmp_path / "wetten"
    laws.mkdir()
    (laws / "BWBR9999998_boete.md").write_text(
        "##Wet van 1 april 2026, houdende regels over boetes (Boetewet 2026)\n\n"
        "### Artikel  18a  \n\n1.  Het college kan afzien van het opleggen van een bestuurlijke boete indien "
        "daarvoor dringende redenen aanwezig zijn.\n2.  Het college kan volstaan met het geven van een "
        "schriftelijke waarschuwing in situaties die bij algemene maatregel van bestuur worden bepaald.\n",
        encoding="utf-8")
    text = ("Artikel 1 Afzien\n\n1. Het college kan afzien van een maatregel indien daarvoor dringende redenen "
            "aanwezig zijn.\n2. Het college kan afzien van het opleggen van een bestuurlijke boete indien daarvoor "
            "dringende redenen aanwezig zijn.\n3. Het college kan volstaan met het geven van een schriftelijke "
            "waarschuwing in situaties die bij algemene maatregel van bestuur worden bepaald.\n")
    findings = [f for f in Linter().lint(read_string(text, "v.txt"), Settings(statutes=(laws,)))
                if f.code == "DUP001"]
    assert [(f.line, f.message.split(" (")[0]) for f in findings] == [
        (4, "herhaalt artikel 18a, eerste lid, van de Boetewet 2026"),
        (5, "herhaalt artikel 18a, tweede lid, van de Boetewet 2026"),
    ]


def test_a_sentence_that_shares_only_the_name_of_a_law_it_cites_is_no_repetition(tmp_path):
    """A definition by reference to a third law ('persoon als bedoeld in
    artikel 3 van de Algemene wet inkomensafhankelijke regelingen') shares
    that law's name with many statute sentences, nothing of their rule; a
    copy of such a sentence is still a repetition."""
    from verolint.config import Settings
    from verolint.engine import Linter
    from verolint.readers import read_string

    laws = tmp_path / "wetten"
    laws.mkdir()
    (laws / "BWBR9999998_besluit.md").write_text(
        "##Besluit van 1 april 2026 (Besluit inkomen 2026)\n\n### Artikel  3.2  \n\n1.  Het college telt het "
        "inkomen mee van de persoon als bedoeld in artikel 3 van de Algemene wet inkomensafhankelijke regelingen.\n",
        encoding="utf-8")
    text = ("Artikel 1 Begrippen\n\nIn deze regeling wordt verstaan onder:\n"
            "a. toeslagpartner: persoon als bedoeld in artikel 3 van de Algemene wet inkomensafhankelijke regelingen;\n"
            "b. inkomen: het inkomen dat het college meetelt.\n\n"
            "Artikel 2 Inkomen\n\nHet college telt het inkomen mee van de persoon als bedoeld in artikel 3 van de "
            "Algemene wet inkomensafhankelijke regelingen.\n")
    findings = [f for f in Linter().lint(read_string(text, "v.txt"), Settings(statutes=(laws,)))
                if f.code == "DUP001"]
    assert [(f.line, f.message.split(" (")[0]) for f in findings] == [
        (9, "herhaalt artikel 3.2, eerste lid, van het Besluit inkomen 2026"),
    ]


def test_a_configured_statutes_path_that_does_not_exist_is_an_error(cli, tmp_path):
    (tmp_path / ".verolint.yaml").write_text("statutes:\n  - wetten\n", encoding="utf-8")
    (tmp_path / "v.txt").write_text("Artikel 1 Doel\n\nTekst.\n", encoding="utf-8")
    result = cli("check", str(tmp_path / "v.txt"))
    assert result.exit_code == 2 and ".verolint.yaml:2" in result.stderr and "wetten bestaat niet" in result.stderr
    assert cli("check", str(tmp_path / "v.txt"), "--statutes", str(tmp_path / "nergens")).exit_code == 2


def test_the_builtin_set_is_built_from_the_corpus(tmp_path):
    """verolint/statutes/data is what the build script makes of shared/corpus/statutes."""
    import json

    from conftest import corpus_dir
    from verolint.statutes import builtin

    built = builtin.build(corpus_dir("statutes"), tmp_path / "data")
    shipped = json.loads((builtin.DATA / "manifest.json").read_text(encoding="utf-8"))
    fresh = json.loads((tmp_path / "data" / "manifest.json").read_text(encoding="utf-8"))
    assert fresh == shipped, "rebuild with: python -m verolint.statutes.builtin ../shared/corpus/statutes"
    assert {s.bwb_id for s in built.statutes} >= {"BWBR0035362", "BWBR0034925", "BWBR0015703", "BWBR0005537"}


def test_references_into_the_law_follow_the_users_version(tmp_path):
    """REF201 checks against the version of the law that is in use: the user's
    replaces the built-in one, and the message names its version."""
    from verolint.config import Settings
    from verolint.engine import Linter
    from verolint.readers import read_string

    laws = tmp_path / "wetten"
    shutil.copytree(LAW_XML, laws)  # BWBR9999998 (Wet voorbeeldjeugdhulp), toestand 2026-01-01
    text = ("Artikel 1 Hulp\n\nHet college beslist binnen de termijn van artikel 2, eerste lid, van de "
            "Wet voorbeeldjeugdhulp.\n")
    findings = [f for f in Linter().lint(read_string(text, "v.txt"), Settings(statutes=(laws,))) if f.code == "REF201"]
    assert findings == []  # the law is not one verolint knows by name: nothing to check against
    text = "Artikel 1 Hulp\n\nHet college beslist binnen de termijn van artikel 2.3.5, achtste lid, van de Wmo 2015.\n"
    (message,) = [f.message for f in Linter().lint(read_string(text, "v.txt"), Settings()) if f.code == "REF201"]
    assert message == ("'artikel 2.3.5, achtste lid, van de Wmo 2015': artikel 2.3.5 heeft 7 leden, geen achtste lid "
                       "in de Wet maatschappelijke ondersteuning 2015 (versie export 2017); is de wet vernummerd?")


def test_one_defect_one_finding_and_the_ordinance_doing_what_the_law_asks(cli, tmp_path, monkeypatch):
    """In the classic sample: the definition of 'hulpmiddel' restates the Wmo's
    and is never used. One finding with one piece of advice: DEF001 (delete
    it), not DEF003 (refer to the law) or DUP001 beside it. And 'Het college
    geeft mantelzorgers … jaarlijks een blijk van waardering' is what Wmo 2.1.6
    asks the ordinance to rule ('Bij verordening wordt bepaald …'), not a
    repetition."""
    from conftest import SAMPLES

    monkeypatch.chdir(tmp_path)
    out = cli("check", str(SAMPLES / "verordening-wmo-klassiek.txt"), "--isolated", "--select", "DUP,DEF001,DEF003",
              "-f", "concise").stdout
    line18 = [l for l in out.splitlines() if ":18:" in l]
    assert len(line18) == 1 and "DEF001 het begrip 'hulpmiddel'" in line18[0]
    assert not [l for l in out.splitlines() if ":99:" in l]


def test_the_example_sentences_of_topics_yaml_match_their_provision():
    """topics.yaml shows above an entry the sentences it should ('# + ') and
    should not ('# - ') match: a restatement, and a local rule or a mere
    mention. Each example is checked against its own entry."""
    from pathlib import Path

    from verolint.statutes.topics import load as _topics
    from verolint.text import WORD_RE

    topics, anchors = _topics()
    text = (Path(__file__).parent.parent / "verolint" / "statutes" / "topics.yaml").read_text(encoding="utf-8")
    examples, entry, checked = {"+": [], "-": []}, -1, 0
    wrong = []
    for line in text.splitlines():
        if line.startswith(("# + ", "# - ")):
            examples[line[2]].append(line[4:])
        elif line.startswith("- law:"):
            entry += 1
            topic = topics[entry]
            wrong += [("+", topic.article, s) for s in examples["+"] if not (entry in anchors.which(WORD_RE.findall(s.casefold()), s)
                                                                         and topic.found_in(s))]
            wrong += [("-", topic.article, s) for s in examples["-"] if topic.found_in(s)]
            checked += len(examples["+"]) + len(examples["-"])
            examples = {"+": [], "-": []}
    assert entry + 1 == len(topics) and checked >= 100
    assert wrong == []


def test_a_law_of_another_domain_than_the_regulations_is_not_repeated():
    """A Jeugd regulation that takes the words of artikel 2.3.3 Wmo 2015 for
    its own spoedregel repeats no law that applies to it (the Jeugdwet leaves
    the rule to the ordinance); in a Wmo regulation the same sentence repeats
    the Wmo. The regulation's title and aanhef say which laws it implements."""
    from verolint.analysis import Analysis
    from verolint.config import Settings
    from verolint.engine import Linter
    from verolint.readers import read_string

    body = ("Artikel 2 Spoed\n\nIn spoedeisende gevallen verstrekt het college na een melding onverwijld een tijdelijke "
            "maatwerkvoorziening in afwachting van de uitkomsten van het onderzoek.\n")
    jeugd = read_string("Verordening jeugdhulp Voorbeeld 2026\n\nDe raad van de gemeente Voorbeeld;\n"
                        "gelet op de artikelen 2.9 en 2.10 van de Jeugdwet;\n\nbesluit:\n\n" + body, "jeugd.txt")
    wmo = read_string("Verordening maatschappelijke ondersteuning Voorbeeld 2026\n\n" + body, "wmo.txt")
    untitled = read_string(body, "los.txt")
    assert Analysis(jeugd).law_families == {"jeugd"} and Analysis(wmo).law_families == {"wmo"}
    assert Analysis(untitled).law_families == frozenset()

    def repeats(doc):
        return [f.message.split(" (")[0] for f in Linter().lint(doc, Settings()) if f.code == "DUP001"]

    assert repeats(jeugd) == []
    assert repeats(wmo) == repeats(untitled) == ["herhaalt artikel 2.3.3 van de Wet maatschappelijke ondersteuning 2015"]


def test_a_regulation_of_one_law_needs_no_word_of_its_domain_for_a_restatement():
    """'De aanvrager verleent desgevraagd zijn medewerking …' names no law; in
    beleidsregels bijzondere bijstand it restates artikel 17 Participatiewet,
    in a text that says nothing of its laws it is left alone."""
    from verolint.config import Settings
    from verolint.engine import Linter
    from verolint.readers import read_string

    body = "Artikel 3 Onderzoek\n\nDe aanvrager verleent desgevraagd zijn medewerking aan het onderzoek.\n"
    bijstand = read_string("Beleidsregels bijzondere bijstand Voorbeeld 2026\n\n" + body, "bb.txt")
    untitled = read_string(body, "los.txt")

    def restated(doc):
        return [f.message for f in Linter().lint(doc, Settings()) if f.code == "DUP004"]

    assert restated(bijstand) == ["zegt in eigen woorden wat de wet al regelt: de plicht desgevraagd mee te werken "
                                  "(artikel 17, tweede lid, van de Participatiewet)"]
    assert restated(untitled) == []


def test_every_anchor_of_topics_yaml_begins_with_literal_words():
    """The first pattern of each provision begins with words a lookup can find
    ('\\bbezwaar', '\\b(?:gehoord|horen)', '\\bop\\s+verzoek'); one that does not would
    be tried on every sentence of every document."""
    from verolint.statutes.topics import literal_prefixes, load as _topics

    topics, anchors = _topics()
    assert [t.article for t in topics if literal_prefixes(t.all[0]) is None] == []
    assert anchors.always == []
    assert literal_prefixes(r"\b(?:gehoord|horen|hoorzitting)\b") == ("gehoord", "horen", "hoorzitting")
    assert literal_prefixes(r"\bop\s+verzoek\b|\bcli[eë]nt") == ("op verzoek", "cli")
    assert literal_prefixes(r"\b(?:de\s+)?aanvraag") is None and literal_prefixes(r"\bis\b") is None
    lookup = type(anchors)([r"\bintegratie\w*", r"\bop\s+verzoek\b", r"\bbezwaar"])
    assert lookup.which(["de", "re-integratie"], "de re-integratie") == [0]  # a part of a joined word
    assert lookup.which(["op", "verzoek"], "op\n  verzoek") == [1]  # the words after the first, as written
    assert lookup.which(["op", "tijd", "bezwaarschrift"], "op tijd bezwaarschrift") == [2]



def test_the_part_of_an_integrated_regulation_says_which_law_applies():
    """In a regulation of the Wmo and the Jeugdwet together, the title of a paragraph
    ('Toegang maatschappelijke ondersteuning', 'Toegang jeugdhulp') or its law tag says
    which law its rules implement: the Wmo's duty to give the data the onderzoek needs
    (artikel 2.3.2, zevende lid) is restated in the Wmo part, even where it speaks of
    'de inwoner' instead of the cliënt; the same sentence in the Jeugd part is the
    regulation's own rule (the Jeugdwet has none)."""
    from verolint.config import Settings
    from verolint.engine import Linter
    from verolint.readers import read_string

    sentence = ("De inwoner verstrekt de gegevens die voor het onderzoek nodig zijn en waarover hij "
                "redelijkerwijs kan beschikken.")
    text = ("Verordening maatschappelijke ondersteuning en jeugdhulp Voorbeeld 2026\n\n"
            "Paragraaf 3.1 Toegang maatschappelijke ondersteuning\n\n"
            f"Artikel 3.1.7 Het gesprek\n\n{sentence}\n\n"
            "Paragraaf 3.2 Toegang jeugdhulp\n\n"
            f"Artikel 3.2.4 Het gesprek\n\n{sentence}\n")
    found = [(f.path, f.message) for f in Linter().lint(read_string(text, "v.txt"), Settings()) if f.code == "DUP004"]
    assert found == [("artikel 3.1.7", "zegt in eigen woorden wat de wet al regelt: de plicht van de cliënt of zijn "
                      "vertegenwoordiger de gegevens en bescheiden te verschaffen die voor het onderzoek nodig zijn "
                      "(artikel 2.3.2, zevende lid, van de Wet maatschappelijke ondersteuning 2015)")]
