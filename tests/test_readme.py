"""The README's commands and snippets, run or validated (issue 13): the quick
start, the GitHub workflow and Action, the GitLab template, the pre-commit
snippet with a real tag."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import verolint
from conftest import ROOT, SAMPLES

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, re.S)


def quick_start() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", section, re.S)]


def test_quick_start_is_two_commands_and_ci_runs_the_second():
    install, test = quick_start()
    assert install == "python3 -m venv .venv && .venv/bin/python -m pip install . && .venv/bin/verolint check samples/"
    assert test == "python3 -m venv .venv && .venv/bin/python -m pip install '.[test]' && .venv/bin/python -m pytest"
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


@pytest.mark.slow
def test_quick_start_install_command_runs_in_a_fresh_copy(tmp_path):
    """The first command, verbatim, in a copy of the repository (as on a fresh
    machine): it installs into its own venv and checks the samples (exit 1:
    the classic sample has planted defects)."""
    work = tmp_path / "verolint"
    shutil.copytree(ROOT, work, ignore=shutil.ignore_patterns(".git", ".venv", ".ci-venv", "__pycache__", "*.egg-info",
                                                                  "build", "dist"))
    install, _ = quick_start()
    proc = subprocess.run(install, shell=True, cwd=work, capture_output=True, text=True)
    if proc.returncode not in (0, 1) and ("Could not find" in proc.stderr or "connection" in proc.stderr.lower()):
        pytest.skip(f"cannot install dependencies from the package index: {proc.stderr[-300:]}")
    assert proc.returncode == 1, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "NUM001 artikel 3.4 komt twee keer voor" in proc.stdout
    assert "verordening-sociaal-domein-omgekeerd.md" not in proc.stdout  # the clean sample


def test_github_workflow_snippet_uses_the_action_as_it_is():
    workflow_text = (ROOT / "docs" / "ci" / "github-workflow.yml").read_text(encoding="utf-8")
    assert workflow_text in blocks("yaml")
    workflow = yaml.safe_load(workflow_text)
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["verolint"]["steps"]
    use = next(s for s in steps if "/verolint@" in s.get("uses", ""))
    assert use["uses"].split("@")[1].split()[0] == f"v{verolint.__version__}"
    assert set(use.get("with", {})) <= set(action["inputs"])
    assert workflow["permissions"]["security-events"] == "write"  # SARIF upload
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key 'on' as True


def test_action_is_a_valid_composite_action():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    ids = {s.get("id") for s in action["runs"]["steps"]}
    for step in action["runs"]["steps"]:
        assert ("run" in step) != ("uses" in step)
        if "run" in step:
            assert step["shell"] == "bash"
            for name in re.findall(r"inputs\.([\w-]+)", step["run"]):
                assert name in action["inputs"]
    assert re.search(r"steps\.(\w+)\.outputs", action["outputs"]["exit-code"]["value"]).group(1) in ids
    run = next(s for s in action["runs"]["steps"] if s.get("id") == "check")["run"]
    for fmt in re.findall(r"--format (\w+)", run):
        assert fmt in ("sarif", "github")
    assert "VEROLINT_DOCS_URL" in next(s for s in action["runs"]["steps"] if s.get("id") == "check")["env"]


def test_gitlab_template_runs(tmp_path, cli, monkeypatch):
    text = (ROOT / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8")
    assert text in blocks("yaml")
    job = yaml.safe_load(text)["verolint"]
    assert set(job["artifacts"]["reports"]) == {"codequality", "junit"}
    commands = [c for c in job["script"] if c.startswith("verolint check")]
    work = tmp_path / "repo"
    shutil.copytree(SAMPLES, work / "verordeningen")
    monkeypatch.chdir(work)
    codes = [cli(*c.split()[1:]).exit_code for c in commands]
    assert codes == [0, 0, 1]  # the last line fails the job on the planted defects
    issues = json.loads((work / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert any(i["check_name"] == "verolint-NUM001" for i in issues)
    assert "<testsuites" in (work / "verolint-junit.xml").read_text(encoding="utf-8")


def test_pre_commit_snippet_names_this_version():
    snippet = next(b for b in blocks("yaml") if "pre-commit-config" in b)
    config = yaml.safe_load(snippet)
    hook = config["repos"][0]
    assert hook["rev"] == f"v{verolint.__version__}"
    assert {h["id"] for h in hook["hooks"]} <= {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert f"## {verolint.__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_pre_commit_snippet_runs_at_its_tag(tmp_path):
    """pre-commit try-repo at the tag the README names: the hook passes a clean
    ordinance and an unrelated text, and fails on a defect."""
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    if not Path(pre_commit).exists() or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    tag = f"v{verolint.__version__}"
    if subprocess.run(["git", "rev-parse", "-q", "--verify", f"refs/tags/{tag}"], cwd=ROOT,
                      capture_output=True).returncode != 0:
        pytest.skip(f"this checkout has no tag {tag} (a shallow or tagless clone)")
    repo = tmp_path / "ordinances"
    (repo / "docs").mkdir(parents=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "init", "-q"], cwd=repo, env=env, check=True)
    shutil.copy(SAMPLES / "verordening-sociaal-domein-omgekeerd.md", repo / "schoon.md")
    (repo / "docs" / "werkwijze.md").write_text("# Werkwijze\n\nWe schrijven samen met inwoners.\n", encoding="utf-8")
    (repo / "settings.xml").write_text("<settings><a>1</a></settings>\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, env=env, check=True)
    files = ["schoon.md", "docs/werkwijze.md", "settings.xml"]
    ok = subprocess.run([pre_commit, "try-repo", str(ROOT), "--ref", tag, "--files", *files],
                        cwd=repo, env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    shutil.copy(SAMPLES / "verordening-wmo-klassiek.txt", repo / "klassiek.txt")
    subprocess.run(["git", "add", "klassiek.txt"], cwd=repo, env=env, check=True)
    bad = subprocess.run([pre_commit, "try-repo", str(ROOT), "verolint", "--ref", tag, "--files", "klassiek.txt"],
                         cwd=repo, env=env, capture_output=True, text=True)
    assert bad.returncode == 1 and "NUM001" in bad.stdout, bad.stdout + bad.stderr


def test_configuration_and_rule_pack_snippets_load_together(tmp_path):
    """The README's .verolint.yaml, with the rule pack it names being the
    README's own pack example, loads and validates."""
    from verolint.config import load_file
    from verolint.engine import Linter
    from verolint.readers import read_string

    config = next(b for b in blocks("yaml") if b.startswith("# .verolint.yaml"))
    pack = next(b for b in blocks("yaml") if b.startswith("pack: eigen"))
    project = tmp_path / "project"
    (project / "regels").mkdir(parents=True)
    (tmp_path / "wetten").mkdir()
    (project / "regels" / "eigen-woorden.yaml").write_text(pack, encoding="utf-8")
    (project / ".verolint.yaml").write_text(config, encoding="utf-8")
    settings = load_file(project / ".verolint.yaml")
    linter = Linter(config_path=project / ".verolint.yaml")
    registry = linter.registry_for(settings)
    assert "EIG001" in registry.rules and settings.profile == "omgekeerd"
    findings = linter.lint(read_string("Artikel 1 Doel\n\nDe regisseur beslist.\n", "v.md"), settings)
    assert "REF101" not in {f.code for f in findings}


def test_suppression_snippet_is_understood():
    from verolint.config import Settings
    from verolint.engine import Linter
    from verolint.readers import read_string

    snippet = next(b for b in blocks("markdown") if "verolint: disable-next" in b)
    text = "Artikel 1 Hulp\n\n" + snippet.replace("… a block …", "Zo nodig helpt het college.")
    codes = {f.code for f in Linter().lint(read_string(text, "v.md"), Settings())}
    assert "SUP001" not in codes  # every directive is understood
    assert "VAG101" not in codes and "VAG001" not in codes  # and suppresses what it names
