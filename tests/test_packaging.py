"""The installed product, not the checkout: a wheel in a fresh venv, and the
real pre-commit tool running our hook. Slow (builds and installs), so they are
marked 'slow'; .ci/run runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES

pytestmark = pytest.mark.slow


def _run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT)])
    if proc.returncode != 0:
        proc = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), str(ROOT)])
    assert proc.returncode == 0, proc.stderr
    (whl,) = out.glob("verolint-*.whl")
    return whl


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with only the wheel and its dependencies."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    proc = _run([str(bindir / "python"), "-m", "pip", "install", "--quiet", str(wheel)])
    if proc.returncode != 0 and ("Could not find" in proc.stderr or "connection" in proc.stderr.lower()):
        pytest.skip(f"cannot install dependencies from the package index: {proc.stderr[-300:]}")
    assert proc.returncode == 0, proc.stderr
    return bindir


def test_wheel_carries_grammar_and_rules(wheel):
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "verolint/_data/grammar/ordinance.lark" in names
    assert "verolint/_data/rules/basis.yaml" in names
    assert "verolint/schemas/findings-v1.schema.json" in names
    assert "verolint/statutes/data/manifest.json" in names and "verolint/statutes/data/texts.bin" in names


def test_installed_wheel_checks_samples(installed, tmp_path):
    # run outside the checkout so nothing can be imported from the source tree
    work = tmp_path / "work"
    shutil.copytree(SAMPLES, work / "samples")
    verolint = str(installed / "verolint")
    where = _run([str(installed / "python"), "-c", "import verolint, sys; print(verolint.__file__)"], cwd=work)
    assert str(installed.parent) in where.stdout, where.stdout

    proc = _run([verolint, "check", "samples"], cwd=work)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "NUM001" in proc.stdout and "STR101" in proc.stdout
    # the built-in statutes: the Wmo copies in the classic sample, without any configuration
    assert "DUP001 herhaalt artikel 2.3.5, tweede lid, van de Wet maatschappelijke ondersteuning 2015" in proc.stdout
    assert "geen wetten ingesteld" not in proc.stderr

    clean = _run([verolint, "check", "samples/verordening-sociaal-domein-omgekeerd.md"], cwd=work)
    assert clean.returncode == 0, clean.stdout

    tree = _run([verolint, "tree", "samples/verordening-wmo-klassiek.txt", "--format", "json"], cwd=work)
    assert json.loads(tree.stdout)["children"][1]["kind"] == "hoofdstuk"

    for fmt in ("text", "json", "sarif", "github"):
        out = _run([verolint, "check", "samples", "--format", fmt], cwd=work)
        assert out.returncode == 1 and "NUM001" in out.stdout, fmt
    assert _run([verolint, "explain", "STR101"], cwd=work).returncode == 0


def test_pre_commit_hook_fails_on_defects_and_passes_clean(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    if not Path(pre_commit).exists():
        pytest.skip("pre-commit is not installed (pip install '.[test]')")
    if not (ROOT / ".git").exists():
        pytest.skip("pre-commit try-repo needs this project as a git checkout")

    repo = tmp_path / "ordinances"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    _run(["git", "init", "-q"], cwd=repo, env=env)
    shutil.copy(SAMPLES / "verordening-sociaal-domein-omgekeerd.md", repo / "schoon.md")
    _run(["git", "add", "schoon.md"], cwd=repo, env=env)

    ok = _run([pre_commit, "try-repo", str(ROOT), "verolint", "--files", "schoon.md"], cwd=repo, env=env)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Passed" in ok.stdout

    shutil.copy(SAMPLES / "verordening-wmo-klassiek.txt", repo / "klassiek.txt")
    _run(["git", "add", "klassiek.txt"], cwd=repo, env=env)
    bad = _run([pre_commit, "try-repo", str(ROOT), "verolint", "--files", "klassiek.txt", "schoon.md"], cwd=repo, env=env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout and "NUM001" in bad.stdout
