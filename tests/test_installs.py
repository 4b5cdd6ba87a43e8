"""Where a job installs its uploader from (codemods/follow/installs.py), the pins read there
(uploaders/pins.py), and the shell reading they rest on: control flow, wrappers, stored credentials."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codemods.follow.installs import _python_of, job_python, shell_sources
from codemods.shell import commands, has_control_flow, without_value
from codemods.uploaders.command_line import find_upload, same_tool, stores_credential, strip_wrappers
from codemods.uploaders.pins import too_old_pins
from codemods.uploaders.registry import by_name
from conftest import Repo

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("text, expected", [
    ("pip install build twine==5.0.0 wheel", [("twine==5.0.0", "twine==6.1")]),
    ("twine<6", [("twine<6", "twine")]),
    ("twine>=4,<6", [("twine>=4,<6", "twine>=4")]),
    ("twine ~= 5.1", [("twine ~= 5.1", "twine~=6.1")]),
    ("twine~=6.0", []),  # allows 6.1
    ("twine==6.*", []),
    ("twine==5.*", [("twine==5.*", "twine==6.1")]),
    ('twine[keyring]==4.0.2 ; python_version>"3"', [("twine[keyring]==4.0.2", "twine[keyring]==6.1")]),
    ("twine==6.0.1.post1 x", [("twine==6.0.1.post1", "twine==6.1")]),
    ("twine>=6.1", []),
    ("twine<=6.0.1\n", [("twine<=6.0.1", "twine")]),
    ("python -m twine upload", []),
    ("twine-cli==1.0", []),  # another package
])
def test_too_old_pins(text: str, expected: list) -> None:
    assert [(m.group(0), new) for m, new in too_old_pins(by_name("twine"), text)] == expected


def test_pdm_pins_use_its_own_minimum() -> None:
    assert [new for _, new in too_old_pins(by_name("pdm"), "pip install pdm==2.5.0")] == ["pdm==2.6"]


@pytest.mark.parametrize("value, expected", [
    ("3.7", (3, 7)), (3.8, (3, 8)), (3.1, (3, 10)), ("3.x", None), ("${{ matrix.python }}", None),
    ("3.9\n3.12\n", (3, 12)), ("pypy3.9", (3, 9)), ("3.11.4", (3, 11)),
])
def test_python_version_read(value, expected) -> None:
    assert _python_of(value) == expected


def test_job_python_is_the_last_setup_before_the_upload() -> None:
    job = {"steps": [{"uses": "actions/setup-python@v5", "with": {"python-version": "3.7"}},
                     {"uses": "actions/setup-python@v5", "with": {"python-version": "3.12"}, "name": "py"},
                     {"run": "twine upload dist/*"}]}
    assert job_python(job, 2) == ((3, 12), "step `py`")
    assert job_python(job, 1) == ((3, 7), "step 1")


def test_shell_sources(tmp_path: Path) -> None:
    script = ('REQUIREMENTS="requirements.txt"\nPIP="pip"\n"$PIP" install -r "$REQUIREMENTS"\n'
              "python -m pip install -c constraints.txt -rdev.txt '.[release,docs]'\n"
              "uv sync --group publish --extra cli --project sub\n"
              "uv pip install --requirement=uv-reqs.txt\n"
              "pdm install -G release --prod\n")
    src = shell_sources(script, tmp_path)
    assert src.files == [tmp_path / "requirements.txt", tmp_path / "constraints.txt", tmp_path / "dev.txt",
                         tmp_path / "uv-reqs.txt"]
    assert src.extras == [(tmp_path / ".", ("release", "docs"))]
    assert (tmp_path / "sub", ("publish", "*extra:cli", "dev"), "uv") in src.groups
    assert (tmp_path, ("release",), "pdm") in src.groups
    assert (tmp_path / "sub", "uv") in src.locked


def _job(repo: Repo, run: str, python: str = "3.12") -> None:
    repo.write(".github/workflows/release.yml", f"""on: {{push: {{tags: ['v*']}}}}
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "{python}"
      - run: {run}
      - run: twine upload dist/*
        env:
          TWINE_PASSWORD: ${{{{ secrets.PYPI_TOKEN }}}}
""".encode())


def test_constraints_file_is_raised(repo: Repo) -> None:
    repo.write("constraints.txt", b"# tools\ntwine==5.1.1  # keep\n# twine==3.0 in a comment stays\n")
    _job(repo, "pip install twine -c constraints.txt")
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    assert repo.read("constraints.txt") == b"# tools\ntwine==6.1  # keep\n# twine==3.0 in a comment stays\n"


def test_nested_requirements_are_followed(repo: Repo) -> None:
    repo.write("requirements/release.txt", b"-r base.txt\nbuild\n")
    repo.write("requirements/base.txt", b"twine<6\n")
    _job(repo, "pip install -r requirements/release.txt")
    assert repo.migrate("to-oidc").code == 0
    assert repo.read("requirements/base.txt") == b"twine\n"


def test_a_lock_with_an_old_uploader_refuses(repo: Repo) -> None:
    repo.write("pyproject.toml", b'[project]\nname = "x"\nversion = "1"\n[dependency-groups]\ndev = ["twine"]\n')
    repo.write("uv.lock", b'version = 1\n\n[[package]]\nname = "twine"\nversion = "5.1.1"\n')
    _job(repo, "uv sync")
    before = repo.read()
    out = repo.migrate("to-oidc")
    assert repo.read() == before
    assert "uv.lock locks twine 5.1.1" in out.stderr and "uv lock --upgrade-package twine" in out.stderr


def test_setup_py_extras_pin_refuses(repo: Repo) -> None:
    repo.write("setup.py", b'from setuptools import setup\nsetup(name="x", extras_require={"dev": ["twine==5.1.1"]})\n')
    _job(repo, "pip install -e .[dev]")
    before = repo.read()
    out = repo.migrate("to-oidc")
    assert repo.read() == before and "setup.py: line 2: `twine==5.1.1`" in out.stderr


def test_python_too_old_for_twine_hands_the_upload_to_the_action(repo: Repo) -> None:
    """pip on Python 3.7 installs a twine without Trusted Publishing: the upload moves to the publish
    action, which brings its own twine (pip, the build and the Python stay)."""
    _job(repo, "pip install twine", python="3.7")
    out = repo.migrate("to-oidc")
    assert out.code == 0 and "sets up Python 3.7, too old for twine 6.1" in out.stderr, out.stderr
    text = repo.read().decode()
    assert "uses: pypa/gh-action-pypi-publish@release/v1" in text and "twine upload" not in text
    assert 'python-version: "3.7"' in text and "PYPI_TOKEN" not in text


def test_python_too_old_refuses_when_the_upload_cannot_move_to_the_action(repo: Repo) -> None:
    _job(repo, "pip install twine", python="3.7")
    text = repo.read().replace(b"twine upload dist/*", b"twine upload dist/*.whl")  # the action uploads a folder
    repo.write(".github/workflows/release.yml", text)
    out = repo.migrate("to-oidc")
    assert "sets up Python 3.7, too old for twine 6.1" in out.stderr and repo.read() == text, out.stderr


def test_tox_basepython_too_old_refuses(repo: Repo) -> None:
    repo.write("tox.ini", b"[testenv:release]\nbasepython = python3.7\ndeps = twine\npassenv = TWINE_PASSWORD\n"
                          b"commands = twine upload dist/*\n")
    _job(repo, "pip install tox")
    text = repo.read().replace(b"      - run: twine upload dist/*\n", b"      - run: tox -e release\n")
    repo.write(".github/workflows/release.yml", text)
    out = repo.migrate("to-oidc")
    assert "[testenv:release] runs Python 3.7 (basepython)" in out.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git")
def test_tox_reads_the_raised_deps(tmp_path: Path) -> None:
    pytest.importorskip("tox")
    work = tmp_path / "work"
    shutil.copytree(GOLDEN / "follow-tox-deps-pin" / "repo", work)
    shutil.copytree(GOLDEN / "follow-tox-deps-pin" / "to-oidc.repo", work, dirs_exist_ok=True)
    out = subprocess.run([sys.executable, "-m", "tox", "config", "-x", "tox.env_list=release", "-e", "release",
                          "-k", "deps"], cwd=work, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "Exception" not in out.stdout, out.stdout + out.stderr
    assert "twine==6.1" in out.stdout and "twine==3.4.1" not in out.stdout


# ---- the shell reading --------------------------------------------------------------------------
@pytest.mark.parametrize("script, keywords", [
    ('for pkg in dist/*; do\n  if ! uv publish "$pkg"; then\n    echo failed\n  fi\ndone', ("if", "!")),
    ('if [ "$X" = tag ]; then twine upload dist/*; fi', ("then",)),
    ("{ twine upload dist/*; } || echo failed", ("{",)),
    ("while read f; do twine upload $f; done < list", ("do",)),
    ("(cd pkg && twine upload dist/*)", ()),
    ("case $1 in\n  publish) twine upload dist/* ;;\nesac", ()),
])
def test_uploads_inside_control_flow_are_seen(script: str, keywords: tuple) -> None:
    found = [(c, find_upload(c)) for c in commands(script)]
    uploads = [c for c, hit in found if hit]
    assert len(uploads) == 1 and uploads[0].keywords == keywords
    assert uploads[0].words[0].value in ("uv", "twine")
    assert has_control_flow(script) or script.startswith("(")


def test_closing_words_are_no_commands() -> None:
    assert [[w.value for w in c.words] for c in commands("if true; then\n  x\nfi\ndone")] == [["true"], ["x"]]


@pytest.mark.parametrize("command, stores", [
    ("poetry config pypi-token.pypi $TOKEN", True),
    ("python -m poetry config pypi-token.pypi $PYPI_TOKEN", True),
    ("poetry config http-basic.pypi __token__ $T", True),
    ("poetry config repositories.testpypi https://test.pypi.org/legacy/", False),
    ("poetry publish --build", False),
])
def test_stored_credentials(command: str, stores: bool) -> None:
    assert stores_credential(by_name("poetry"), next(commands(command))) is stores


@pytest.mark.parametrize("command, build", [
    ("python -m poetry publish --build", "python -m poetry build"),
    ("POETRY_PYPI_TOKEN_PYPI=x .venv/bin/poetry publish --build", ".venv/bin/poetry build"),
    ("uvx flit publish", "uvx flit build"),
    ("flit publish", "flit build"),
])
def test_the_build_keeps_the_wrappers(command: str, build: str) -> None:
    cmd = next(commands(command))
    tool = "poetry" if "poetry" in command else "flit"
    assert same_tool(cmd, command, by_name(tool).fallback.build_command) == build


def test_a_python_variable_runs_a_module() -> None:
    for command in ('$(PYTHON) -m twine upload dist/*', '"$TOOL_PYTHON" -m twine upload dist/*'):
        cmd = next(commands(command))
        assert cmd.words[strip_wrappers(cmd.words)].value == "twine"
    assert find_upload(next(commands("$(PIP) -m twine upload"))) is None


def test_without_value() -> None:
    assert without_value("poetry config pypi-token.pypi ${{ secrets.PYPI_TOKEN }}") == "poetry config pypi-token.pypi …"


def test_to_token_in_a_reusable_workflow_names_the_undeclared_secret(repo: Repo) -> None:
    repo.write(".github/workflows/release.yml", b"""on:
  workflow_call:
    secrets:
      GH_TOKEN:
        required: true
jobs:
  publish:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - run: twine upload dist/*
""")
    out = repo.migrate("to-token")
    assert "add `PYPI_API_TOKEN` under `on.workflow_call.secrets`" in out.stderr


def test_a_later_setup_python_that_is_not_literal_hides_the_earlier_one() -> None:
    job = {"steps": [{"uses": "actions/setup-python@v2", "with": {"python-version": 2.7}},
                     {"uses": "actions/setup-python@v2", "with": {"python-version": "3.x"}},
                     {"run": "twine upload dist/*"}]}
    assert job_python(job, 2) is None


def test_an_isolated_runner_ignores_the_job_installs(repo: Repo) -> None:
    repo.write("pyproject.toml", b'[project]\nname = "x"\nversion = "1"\n[dependency-groups]\ndev = ["twine"]\n')
    repo.write("uv.lock", b'version = 1\n\n[[package]]\nname = "twine"\nversion = "5.1.1"\n')
    _job(repo, "uv sync")
    repo.write(".github/workflows/release.yml", repo.read().replace(b"- run: twine upload", b"- run: uvx twine upload"))
    out = repo.migrate("to-oidc")
    assert out.code == 0 and "uv.lock" not in out.stderr and "converted to Trusted Publishing" in out.stderr
