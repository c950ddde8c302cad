"""Hostile inputs (issue 15): time and peak memory of each, in a new process.

    python benchmarks/bench_hostile.py                 # this checkout
    python benchmarks/bench_hostile.py --root OTHER    # another checkout (e.g. an older commit)
    python benchmarks/bench_hostile.py --limit 60      # seconds before a case is stopped

Every case is one ``verolint check`` run; the table shows wall time, peak
resident memory and how the run ended (exit code and the first line of the
error, if any). A case still running after ``--limit`` seconds is killed and
shown as such. The downloads (endless body, slow server, redirects) are
exercised against a local server in tests/test_statutes.py.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Artikel 1 Doel\n\nIndien u hulp vraagt, helpt het college u.\n"

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
       'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
       '+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
       '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.'
       'wordprocessingml.numbering+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
         '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_DOC_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
             'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
             'officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>')


def docx(path: Path, start: str = "1", lvl_text: str = "%1.", paragraphs: int = 200, bomb_mb: int = 0) -> None:
    numbering = (f'<w:numbering {_W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
                 f'<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="{lvl_text}"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    body = "<w:p><w:r><w:t>Artikel 1 Begrippen</w:t></w:r></w:p>" + "".join(
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f"<w:r><w:t>begrip {i}: uitleg.</w:t></w:r></w:p>" for i in range(paragraphs))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f"<w:document {_W}><w:body>{body}".encode())
            block = b" " * (1 << 20)  # the bomb: whitespace inside the main part, which must be parsed
            for _ in range(bomb_mb):
                fh.write(block)
            fh.write(b"</w:body></w:document>")
        z.writestr("word/numbering.xml", numbering)


def cases(tmp: Path) -> list[tuple[str, list[str], Path]]:
    """(name, arguments of 'verolint check', working folder)."""
    out = []

    def folder(name: str) -> Path:
        d = tmp / name
        d.mkdir()
        return d

    d = folder("zipbom")
    docx(d / "bom.docx", bomb_mb=2048)
    out.append(("Word zip bomb (2 GB of XML in a %.1f MB .docx)" % ((d / "bom.docx").stat().st_size / 1e6),
                ["bom.docx"], d))
    d = folder("start")
    docx(d / "v.docx", start="100000000")
    out.append(('Word numbering w:start="100000000"', ["v.docx"], d))
    d = folder("lvltext")
    docx(d / "v.docx", lvl_text="%1" * 100_000)
    out.append(("Word numbering lvlText of 100,000 %1", ["v.docx"], d))
    d = folder("fifo")
    (d / "v.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(d / "pijp.txt")
    out.append(("a FIFO named pijp.txt in a checked folder", ["."], d))
    d = folder("redos")
    (d / "eigen.yaml").write_text("rules:\n  - code: EIG001\n    kind: existence\n    category: vague-phrasing\n"
                                  "    message: traag\n    patterns: ['(a|aa)+b']\n", encoding="utf-8")
    (d / ".verolint.yaml").write_text("rule-packs: [eigen.yaml]\n", encoding="utf-8")
    (d / "v.txt").write_text("Artikel 1 Doel\n\n" + "a" * 60 + "! Het college helpt.\n", encoding="utf-8")
    out.append(("catastrophic pattern (a|aa)+b in a user pack", ["v.txt"], d))
    d = folder("alias")
    (d / ".verolint.yaml").write_text("".join(
        f"{c}: &{c} [{', '.join([('*' + p) if p else 'x' for _ in range(10)])}]\n"
        for c, p in zip("abcdefghi", [""] + list("abcdefgh"))), encoding="utf-8")
    (d / "v.txt").write_text(TEXT, encoding="utf-8")
    out.append(("YAML alias bomb in .verolint.yaml (10^9 values)", ["v.txt"], d))
    d = folder("devzero")
    (d / ".verolint.yaml").write_text("rule-packs: [/dev/zero]\n", encoding="utf-8")
    (d / "v.txt").write_text(TEXT, encoding="utf-8")
    out.append(("rule-packs: [/dev/zero]", ["v.txt"], d))
    d = folder("word")
    (d / "v.txt").write_text("Artikel 1 Doel\n\nHet college " + "a" * 200_000 + " helpt.\n", encoding="utf-8")
    out.append(("one word of 200 KB", ["v.txt"], d))
    d = folder("repeat")
    sentence = "Het college verstrekt een maatwerkvoorziening als de inwoner zich meldt en de gegevens aanlevert."
    (d / "v.txt").write_text("".join(f"Artikel {i} Regel\n\n{sentence}\n\n" for i in range(1, 4001)),
                             encoding="utf-8")
    out.append(("one sentence repeated in 4,000 articles", ["v.txt"], d))
    d = folder("deep")
    (d / "diep.xml").write_text("<cvdr>" + "<a>" * 5000 + "x" + "</a>" * 5000 + "</cvdr>", encoding="utf-8")
    (d / "v.txt").write_text(TEXT, encoding="utf-8")
    out.append(("XML nested 5,000 deep, beside a good file", ["."], d))
    return out


def run(root: Path, args: list[str], cwd: Path, limit: float) -> tuple[str, str, str]:
    env = dict(os.environ, PYTHONPATH=str(root), VEROLINT_CACHE_DIR=str(cwd / ".cache"))
    cmd = ["/usr/bin/time", "-f", "%M", sys.executable, "-c",
           "import sys; from verolint.cli import main; sys.argv[0] = 'verolint'; main()",
           "check", *args, "-f", "concise", "-j", "1"]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        proc.communicate()
        return f"> {limit:.0f} s", "-", "stopped (still running)"
    secs = time.perf_counter() - t
    lines = err.strip().splitlines()
    peak = f"{int(lines[-1]) / 1024:.0f} MB" if lines and lines[-1].isdigit() else "?"
    said = next((x for x in lines[:-1] if "fout" in x or "Traceback" in x), "") or \
        next((x for x in out.splitlines() if any(k in x for k in ("INT001", "geen gewoon", "genest", "geweigerd"))), "")
    return f"{secs:.1f} s", peak, f"exit {proc.returncode}" + (f": {said.strip()[:110]}" if said else "")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", type=Path, default=ROOT)
    ap.add_argument("--limit", type=float, default=60)
    ap.add_argument("--only", help="run only the cases whose name contains this text")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = [(name, *run(args.root.resolve(), argv, cwd, args.limit)) for name, argv, cwd in cases(Path(tmp))
                if not args.only or args.only in name]
    width = max(len(r[0]) for r in rows)
    for name, secs, peak, how in rows:
        print(f"{name:<{width}}  {secs:>9}  {peak:>8}  {how}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
