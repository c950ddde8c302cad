from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = Path(os.environ.get("VEROLINT_CORPUS", ROOT.parent / "shared" / "corpus"))
SHARED = CORPUS.parent


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests never write to the user's cache folder."""
    os.environ["VEROLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


def corpus_dir(name: str) -> Path:
    path = CORPUS / name
    if not path.is_dir():
        pytest.skip(f"corpus folder {path} is not present (set VEROLINT_CORPUS to run this test)")
    return path


@pytest.fixture
def lint(tmp_path):
    """Lint a text as if it were a file; returns the findings."""
    from verolint.config import Settings
    from verolint.engine import Linter
    from verolint.readers import read_string

    def run(text: str, name: str = "verordening.txt", **settings):
        doc = read_string(text, name)
        st = Settings(root=tmp_path).overridden(**settings)
        return Linter().lint(doc, st)

    return run


@pytest.fixture
def parse():
    from verolint.readers import read_string

    def run(text: str, name: str = "verordening.txt"):
        return read_string(text, name)

    return run


@pytest.fixture
def cli():
    from verolint.cli import cli as group

    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(group, list(args), input=input, catch_exceptions=False)

    return run


def codes(findings) -> list[str]:
    return [f.code for f in findings]
