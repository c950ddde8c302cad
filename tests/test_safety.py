"""The user's files: reports never overwrite an input, ``--fix`` changes only
the replaced words and respects links, rights and concurrent edits, and files
that are not regular files are refused instead of hanging the run."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import threading

import pytest

from verolint import fixes
from verolint.config import Settings
from verolint.engine import Linter
from verolint.errors import ReadError, VerolintError
from verolint.readers import read_path

# 'Indien' has a safe fix (LNG201: 'Als'); nothing else in these texts does
TEXT = "Artikel 1 Doel\n\nIndien u hulp vraagt, helpt het college u.\n"
FIXED = "Artikel 1 Doel\n\nAls u hulp vraagt, helpt het college u.\n"


def _write(path, text: str, encoding: str = "utf-8") -> bytes:
    data = text.encode(encoding) if isinstance(text, str) else text
    path.write_bytes(data)
    return data


def test_report_over_an_input_is_refused(cli, tmp_path):
    v = tmp_path / "v.txt"
    data = _write(v, TEXT)
    result = cli("check", str(v), "-o", str(v), "--isolated")
    assert result.exit_code == 2
    assert "-o/--output-file" in result.stderr and "een van de bestanden" in result.stderr
    assert v.read_bytes() == data


def test_baseline_over_an_input_is_refused(cli, tmp_path):
    v = tmp_path / "v.txt"
    data = _write(v, TEXT)
    result = cli("check", str(tmp_path), "--baseline", str(v), "--update-baseline", "--isolated")
    assert result.exit_code == 2 and "--baseline" in result.stderr
    assert v.read_bytes() == data


def test_fix_follows_a_symlink_to_its_target(cli, tmp_path):
    target = tmp_path / "echt.txt"
    _write(target, TEXT)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = cli("check", str(link), "--fix", "--isolated", "--select", "LNG201")
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and target.read_text(encoding="utf-8") == FIXED


def test_fix_keeps_hard_links_together(cli, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    _write(a, TEXT)
    os.link(a, b)
    cli("check", str(a), "--fix", "--isolated", "--select", "LNG201")
    assert os.path.samefile(a, b) and b.read_text(encoding="utf-8") == FIXED


def test_fix_keeps_the_mode(cli, tmp_path):
    v = tmp_path / "v.txt"
    _write(v, TEXT)
    v.chmod(0o640)
    cli("check", str(v), "--fix", "--isolated", "--select", "LNG201")
    assert stat.S_IMODE(v.stat().st_mode) == 0o640 and v.read_text(encoding="utf-8") == FIXED


def test_fix_keeps_extended_attributes(cli, tmp_path):
    v = tmp_path / "v.txt"
    _write(v, TEXT)
    try:
        os.setxattr(v, "user.verolint-test", b"bewaard")
    except (OSError, AttributeError):
        pytest.skip("this file system has no user extended attributes")
    cli("check", str(v), "--fix", "--isolated", "--select", "LNG201")
    assert v.read_text(encoding="utf-8") == FIXED
    assert os.getxattr(v, "user.verolint-test") == b"bewaard"


def test_fix_refuses_a_read_only_file(cli, tmp_path):
    v = tmp_path / "v.txt"
    data = _write(v, TEXT)
    v.chmod(0o444)
    result = cli("check", str(v), "--fix", "--isolated", "--select", "LNG201")
    assert result.exit_code == 2 and "alleen-lezen" in result.output
    assert v.read_bytes() == data


def test_fix_keeps_mixed_line_endings_byte_for_byte(cli, tmp_path):
    v = tmp_path / "v.txt"
    _write(v, "Artikel 1 Doel\r\n\r\nIndien u hulp vraagt, helpt het college u.\nIndien nodig ook.\r\nEinde.\n")
    cli("check", str(v), "--fix", "--isolated", "--select", "LNG201")
    assert v.read_bytes() == b"Artikel 1 Doel\r\n\r\nAls u hulp vraagt, helpt het college u.\nAls dat nodig is ook.\r\nEinde.\n"


@pytest.mark.parametrize("encoding, bom", [("utf-16-be", b"\xfe\xff"), ("utf-16-le", b"\xff\xfe"),
                                           ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b"")])
def test_fix_keeps_encoding_and_byte_order_mark(cli, tmp_path, encoding, bom):
    v = tmp_path / "v.txt"
    text = TEXT.replace("Doel", "Doel van de verordening (café)")
    _write(v, bom + text.encode(encoding))
    cli("check", str(v), "--fix", "--isolated", "--select", "LNG201")
    assert v.read_bytes() == bom + text.replace("Indien", "Als").encode(encoding)


def test_fix_keeps_a_stray_byte_in_utf8(cli, tmp_path):
    """One Windows-1252 byte (0xE9, 'é') in a UTF-8 file: the text is still read
    as UTF-8 (not as mojibake), and --fix leaves that byte as it was."""
    v = tmp_path / "v.txt"
    tail = b" helpt het caf\xe9 " + "ëlk".encode("utf-8") + b" college u.\n"
    v.write_bytes(b"Artikel 1 Doel\n\nIndien u hulp vraagt," + tail)
    assert "ëlk" in read_path(v).source  # UTF-8, not mojibake
    result = cli("check", str(v), "--fix", "--isolated", "--select", "LNG201")
    assert result.exit_code == 0, result.output
    assert v.read_bytes() == b"Artikel 1 Doel\n\nAls u hulp vraagt," + tail


def test_fix_leaves_a_file_changed_since_it_was_read(tmp_path):
    v = tmp_path / "v.txt"
    _write(v, TEXT)
    doc = read_path(v)
    findings = [f for f in Linter().lint(doc, Settings(select=("LNG201",))) if f.fix]
    with open(v, "a", encoding="utf-8") as fh:  # someone else appends a line meanwhile
        fh.write("Artikel 2 Nieuw\n\nDoor een collega toegevoegd.\n")
    _, applied = fixes.apply(doc.source, findings)
    with pytest.raises(VerolintError, match="veranderd sinds verolint het las"):
        fixes.write(v, doc, applied)
    assert v.read_text(encoding="utf-8").endswith("Door een collega toegevoegd.\n")
    assert "Indien" in v.read_text(encoding="utf-8")


def test_fix_changes_only_the_replaced_words(cli, tmp_path):
    v = tmp_path / "v.txt"
    before = _write(v, TEXT)
    cli("check", str(v), "--fix", "--isolated", "--select", "LNG201")
    after = v.read_bytes()
    assert after == before.replace(b"Indien", b"Als")
    assert hashlib.sha256(after).hexdigest() != hashlib.sha256(before).hexdigest()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_fifo_is_refused_not_waited_on(cli, tmp_path):
    fifo = tmp_path / "pijp.txt"
    os.mkfifo(fifo)
    (tmp_path / "v.txt").write_text(TEXT, encoding="utf-8")
    outcome = {}

    def run():
        outcome["result"] = cli("check", str(tmp_path), "--isolated", "-f", "concise", "-j", "1")

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(20)
    if worker.is_alive():  # pragma: no cover - the bug this guards against
        with open(fifo, "wb"):
            pass
        pytest.fail("a FIFO named *.txt made the run hang")
    result = outcome["result"]
    assert result.exit_code == 2
    assert "pijp.txt: dit is geen gewoon bestand" in result.output
    assert "v.txt" in result.output  # the other file was still checked


def test_reading_a_device_is_refused(tmp_path):
    if not os.path.exists("/dev/zero") or sys.platform == "win32":
        pytest.skip("no /dev/zero here")
    link = tmp_path / "nul.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(ReadError, match="geen gewoon bestand"):
        read_path(link)


# -- faults: interrupted runs, closed and full streams, bad baselines, odd names ------------

def _main(monkeypatch, *args):
    from verolint.cli import main

    monkeypatch.setattr(sys, "argv", ["verolint", *args])
    with pytest.raises(SystemExit) as exc:
        main()
    return exc.value.code


def test_ctrl_c_exits_130(monkeypatch, tmp_path, capsys):
    from verolint import runner

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "run", interrupted)
    (tmp_path / "v.txt").write_text(TEXT, encoding="utf-8")
    assert _main(monkeypatch, "check", str(tmp_path / "v.txt"), "--isolated") == 130
    assert "onderbroken" in capsys.readouterr().err


def test_ctrl_c_in_a_real_run_exits_130(tmp_path):
    import signal
    import subprocess
    import time

    big = tmp_path / "groot.txt"
    big.write_text("".join(f"Artikel {i} Doel\n\nIndien u hulp vraagt, helpt het college u.\n\n"
                           for i in range(1, 20000)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "verolint", "check", str(big), "--isolated", "-j", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "onderbroken" in err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_disk_is_a_clear_error(tmp_path):
    import subprocess

    (tmp_path / "v.txt").write_text(TEXT, encoding="utf-8")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "verolint", "check", str(tmp_path / "v.txt"), "--isolated"],
                              stdout=full, stderr=subprocess.PIPE, text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "kan de uitvoer niet schrijven" in proc.stderr


def test_a_closed_stdout_is_a_clear_error(tmp_path):
    import subprocess

    (tmp_path / "v.txt").write_text(TEXT, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "verolint", "check", str(tmp_path / "v.txt"), "--isolated"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          preexec_fn=lambda: os.close(1))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "standaarduitvoer is gesloten" in proc.stderr


@pytest.mark.parametrize("content, says", [
    ('{"schema": "verolint/baseline/v1", "findings": [{"code": "X"}]}', "bevinding 1 in de baseline"),
    ('{"schema": "verolint/baseline/v1", "findings": {"a": 1}}', "geen lijst"),
    ("[1, 2", "kan de baseline niet lezen"),
])
def test_a_malformed_baseline_is_a_clear_error(cli, tmp_path, content, says):
    (tmp_path / "v.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.json").write_text(content, encoding="utf-8")
    result = cli("check", str(tmp_path / "v.txt"), "--baseline", str(tmp_path / "b.json"), "--isolated")
    assert result.exit_code == 2 and says in result.stderr


def test_an_unreadable_folder_is_an_error_not_a_pass(cli, tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "v.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "geheim").mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("geheim"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = cli("check", str(tmp_path), "--isolated", "-f", "concise", "--exit-zero")
    assert result.exit_code == 2
    assert "geheim: kan map niet lezen" in result.output and "v.txt" in result.output


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs a file system that takes any bytes as a name")
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "html"])
def test_a_file_name_that_is_not_utf8(cli, tmp_path, fmt):
    folder = os.fsencode(tmp_path)
    name = os.path.join(folder, b"verordening-caf\xe9.txt")
    with open(name, "wb") as fh:
        fh.write(TEXT.encode("utf-8"))
    out = tmp_path / f"rapport.{fmt}"
    result = cli("check", str(tmp_path), "--isolated", "-f", fmt, "-o", str(out), "--exit-zero")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")  # valid UTF-8 throughout
    if fmt in ("json", "sarif"):
        import json

        text = json.dumps(json.loads(text), ensure_ascii=False).replace("\\\\", "\\").replace("%5C", "\\")
    assert "verordening-caf\\xe9.txt" in text


# -- hostile configuration and rule packs ------------------------------------------------------

BILLION_LAUGHS = """a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
h: [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
"""


def test_a_yaml_alias_bomb_in_the_configuration_is_refused_quickly(cli, tmp_path):
    import time

    (tmp_path / ".verolint.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    (tmp_path / "v.txt").write_text(TEXT, encoding="utf-8")
    t = time.perf_counter()
    result = cli("check", str(tmp_path / "v.txt"))
    assert time.perf_counter() - t < 5
    assert result.exit_code == 2 and "te veel waarden" in result.stderr


def test_a_rule_pack_that_is_a_device_is_refused(cli, tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    (tmp_path / ".verolint.yaml").write_text("rule-packs: [/dev/zero]\n", encoding="utf-8")
    (tmp_path / "v.txt").write_text(TEXT, encoding="utf-8")
    result = cli("check", str(tmp_path / "v.txt"))
    assert result.exit_code == 2 and "regelpakket is geen gewoon bestand" in result.stderr


def test_a_huge_rule_pack_is_refused(cli, tmp_path):
    from verolint import yamlsource

    pack = tmp_path / "groot.yaml"
    pack.write_bytes(b"# " + b"x" * (yamlsource.MAX_BYTES + 10) + b"\n")
    (tmp_path / ".verolint.yaml").write_text("rule-packs: [groot.yaml]\n", encoding="utf-8")
    (tmp_path / "v.txt").write_text(TEXT, encoding="utf-8")
    result = cli("check", str(tmp_path / "v.txt"))
    assert result.exit_code == 2 and "regelpakket is te groot" in result.stderr


def test_a_catastrophic_pattern_in_a_user_pack_is_stopped(cli, tmp_path):
    """(a|aa)+b on a line of a's backtracks for ever; in a user's
    pack it runs with a time limit, the rule reports that, and every other rule
    still reports."""
    import time

    (tmp_path / "eigen.yaml").write_text(
        "rules:\n  - code: EIG001\n    kind: existence\n    category: vague-phrasing\n"
        "    message: te traag\n    patterns: ['(a|aa)+b']\n"
        "    examples: {bad: [ab], good: [c]}\n", encoding="utf-8")
    (tmp_path / ".verolint.yaml").write_text("rule-packs: [eigen.yaml]\n", encoding="utf-8")
    v = tmp_path / "v.txt"
    v.write_text("Artikel 1 Doel\n\n" + "a" * 40 + "! Het college helpt u en/of uw gezin.\n", encoding="utf-8")
    t = time.perf_counter()
    result = cli("check", str(v), "-f", "concise")
    assert time.perf_counter() - t < 10
    assert result.exit_code == 2
    assert "INT001 regel EIG001 uit" in result.stdout and "catastrofale backtracking" in result.stdout
    assert "VAG101" in result.stdout  # 'en/of': the other rules ran


# -- hostile documents ---------------------------------------------------------------------------

_CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
       'wordprocessingml.document.main+xml"/>'
       '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.'
       'wordprocessingml.numbering+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
         'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_DOC_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
             '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
             '2006/relationships/numbering" Target="numbering.xml"/></Relationships>')
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(path, start="1", lvl_text="%1.", ilvl="0", num_id="1", paragraphs=40, extra=None, fmt="lowerLetter"):
    import zipfile
    from xml.sax.saxutils import quoteattr

    start, lvl_text, fmt = quoteattr(start), quoteattr(lvl_text), quoteattr(fmt)
    ilvl, num_id = quoteattr(ilvl), quoteattr(num_id)
    numbering = (f'<w:numbering {_W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl={ilvl}>'
                 f'<w:start w:val={start}/><w:numFmt w:val={fmt}/><w:lvlText w:val={lvl_text}/>'
                 f'</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    body = '<w:p><w:r><w:t>Artikel 1 Begrippen</w:t></w:r></w:p>' + "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val={ilvl}/><w:numId w:val={num_id}/></w:numPr></w:pPr>'
        f'<w:r><w:t>begrip {i}: uitleg.</w:t></w:r></w:p>' for i in range(paragraphs))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        z.writestr("word/document.xml", f'<w:document {_W}><w:body>{body}</w:body></w:document>')
        z.writestr("word/numbering.xml", numbering)
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def _bounded(fn, seconds=10):
    import time
    import tracemalloc

    tracemalloc.start()
    t = time.perf_counter()
    try:
        return fn()
    finally:
        elapsed = time.perf_counter() - t
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert elapsed < seconds, f"took {elapsed:.1f} s"
        assert peak < 200 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"


def test_word_numbering_with_a_huge_start_is_bounded(tmp_path):
    _docx(tmp_path / "v.docx", start="100000000")
    doc = _bounded(lambda: read_path(tmp_path / "v.docx"))
    assert "begrip 0" in doc.source


@pytest.mark.parametrize("start", ["1000000000000", "-5", "abc", ""])
def test_word_numbering_with_odd_start_values_is_read(tmp_path, start):
    _docx(tmp_path / "v.docx", start=start)
    assert "begrip 3" in _bounded(lambda: read_path(tmp_path / "v.docx")).source


def test_word_numbering_with_a_huge_level_text_is_bounded(tmp_path):
    _docx(tmp_path / "v.docx", lvl_text="%1" * 100_000)
    assert "begrip 0" in _bounded(lambda: read_path(tmp_path / "v.docx")).source


@pytest.mark.parametrize("ilvl, num_id", [("abc", "1"), ("99", "1"), ("0", "x"), ("-1", "")])
def test_damaged_word_numbering_is_read_without_numbers(tmp_path, ilvl, num_id):
    _docx(tmp_path / "v.docx", ilvl=ilvl, num_id=num_id)
    try:
        doc = read_path(tmp_path / "v.docx")
    except ReadError as exc:  # a clear error is fine; a traceback is not
        assert "Word-bestand" in str(exc)
    else:
        assert "begrip 1" in doc.source


def test_a_docx_zip_bomb_is_refused_before_unpacking(tmp_path):
    _docx(tmp_path / "bom.docx", extra={"word/media/nul.bin": b"\0" * (40 * 1024 * 1024)})
    with pytest.raises(ReadError, match="meer dan 200 keer zo groot"):
        _bounded(lambda: read_path(tmp_path / "bom.docx"))


def test_deeply_nested_xml_is_a_clear_error_and_the_run_goes_on(cli, tmp_path):
    (tmp_path / "diep.xml").write_text("<cvdr>" + "<a>" * 5000 + "x" + "</a>" * 5000 + "</cvdr>", encoding="utf-8")
    (tmp_path / "v.txt").write_text(TEXT, encoding="utf-8")
    result = cli("check", str(tmp_path), "--isolated", "-f", "concise", "--exit-zero")
    assert result.exit_code == 2
    assert "diep.xml:1: de XML is dieper genest dan 200 niveaus" in result.output
    assert "v.txt" in result.output


def test_a_reader_bug_does_not_end_the_run(cli, tmp_path, monkeypatch):
    from verolint.readers import plaintext

    real = plaintext.build_document

    def broken(source, path, *a, **k):
        if path.endswith("kapot.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(source, path, *a, **k)

    monkeypatch.setattr(plaintext, "build_document", broken)
    (tmp_path / "kapot.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "v.txt").write_text(TEXT, encoding="utf-8")
    result = cli("check", str(tmp_path), "--isolated", "-f", "concise", "--exit-zero", "-j", "1")
    assert result.exit_code == 2
    assert "kapot.txt: interne fout bij het lezen (RecursionError" in result.output
    assert "v.txt:" in result.output


def test_word_numbering_fuzzed(tmp_path):
    """Any values in the numbering attributes: a document (possibly without
    list numbers) or a clear error, never a traceback."""
    from hypothesis import HealthCheck, given, settings, strategies as st

    odd = st.one_of(st.sampled_from(["0", "-1", "1e9", "99999999999999999999", "", " ", "%", "%9", "%1%1%1",
                                     "abc", "NaN", "0x10", "decimal", "bullet", "none"]),
                    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12))

    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(start=odd, lvl_text=odd, ilvl=odd, num_id=odd, fmt=odd)
    def run(start, lvl_text, ilvl, num_id, fmt):
        _docx(tmp_path / "v.docx", start=start, lvl_text=lvl_text, ilvl=ilvl, num_id=num_id, fmt=fmt, paragraphs=5)
        try:
            doc = read_path(tmp_path / "v.docx")
        except ReadError as exc:
            assert "Word-bestand" in str(exc)
        else:
            assert "begrip 4" in doc.source

    run()


def test_closed_stdin_is_a_clear_error(tmp_path):
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "verolint", "check", "-", "--isolated"], stdin=None,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          preexec_fn=lambda: os.close(0))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "standaardinvoer is gesloten" in proc.stdout + proc.stderr
