"""A runner a step starts (tox, nox, invoke, make) is followed however it is started: behind the same
wrappers an upload tool is found behind (`python -m`, `uvx`, `pipx run`, `uv run`, `uv tool run`), and
behind a pyproject runner when the name is a command rather than a declared script (`hatch run tox`)."""
from __future__ import annotations

import json

import pytest

from conftest import WORKFLOW, Repo
from test_follow_tox import _workflow

RUNNER_FILES = {
    "tox": ("tox.ini", b"[tox]\nenvlist = py312\n\n[testenv:release]\ndeps = twine\npassenv = TWINE_PASSWORD\n"
                       b"commands = twine upload dist/*\n"),
    "nox": ("noxfile.py", b"import os\n\nimport nox\n\n\n@nox.session\ndef release(session):\n"
                          b"    session.run(\"twine\", \"upload\", \"-p\", os.environ[\"TOKEN\"], \"dist/*\")\n"),
    "invoke": ("tasks.py", b"from invoke import task\n\n\n@task\ndef release(c):\n"
                           b"    c.run(\"twine upload -p $TOKEN dist/*\")\n"),
    "make": ("Makefile", b"release:\n\ttwine upload -p $(TOKEN) dist/*\n"),
}
ARGS = {"tox": "-e release", "nox": "-s release", "invoke": "release", "make": "release"}
# the ways real workflows start a runner that were not followed before (`{}` is the runner with its
# arguments); `uvx`, `uv tool run`, `pipx run`, `uv run`, `poetry run` already were, as upload tools are
FORMS = ["python -m {}", "python3 -m {}", "python3.12 -m {}", "py -m {}", "hatch run {}", "pdm run {}"]


def _case(runner: str, form: str):
    command = form.format(f"{runner} {ARGS[runner]}")
    env = "TWINE_PASSWORD: ${{ secrets.PYPI_TOKEN }}" if runner == "tox" else "TOKEN: ${{ secrets.PYPI_TOKEN }}"
    return command, env


@pytest.mark.parametrize("runner, form", [(r, f) for r in sorted(RUNNER_FILES) for f in FORMS
                                          if not (r == "make" and " -m " in f)])  # make is no Python module
def test_a_runner_behind_a_wrapper_is_followed(runner: str, form: str, repo: Repo) -> None:
    command, env = _case(runner, form)
    name, content = RUNNER_FILES[runner]
    repo.write(name, content)
    repo.write("pyproject.toml", b"[project]\nname = \"octo-widget\"\nversion = \"1\"\n")  # declares no script
    repo.write(WORKFLOW, _workflow(command, env))
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    assert b"secrets.PYPI_TOKEN" not in repo.read(), f"`{command}`: {out.stderr}"
    assert b"id-token: write" in repo.read()
    assert repo.read(name) != content  # the credential (or passenv) left the followed file


def test_the_doctor_reads_python_m_tox_as_a_token_upload(repo: Repo) -> None:
    name, content = RUNNER_FILES["tox"]
    repo.write(name, content)
    repo.write(WORKFLOW, _workflow("python -m tox -e release"))
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    assert [f["id"] for f in data["files"][0]["findings"]] == ["token-publishing"]
    assert data["files"][0]["jobs"][0]["steps"][0]["mode"] == "token"


def test_tox_run_subcommand_is_tox(repo: Repo) -> None:
    """tox 4's `tox run -e NAME` (and `python -m tox run`): `run` is tox's own subcommand, not a wrapper."""
    name, content = RUNNER_FILES["tox"]
    for command in ("tox run -e release", "python -m tox run -e release", "uvx tox r -e release"):
        repo.write(name, content)
        repo.write(WORKFLOW, _workflow(command))
        assert repo.migrate("to-oidc").code == 0
        assert b"secrets.PYPI_TOKEN" not in repo.read(), command


def test_a_declared_pyproject_script_is_the_script_and_another_name_a_command(repo: Repo) -> None:
    """`hatch run release` runs the script pyproject.toml declares; `hatch run tox -e release`, with no
    script `tox`, runs tox."""
    from pathlib import Path

    from codemods.follow.calls import targets_in_script

    repo.write("pyproject.toml", b"[project]\nname = \"octo-widget\"\nversion = \"1\"\n\n"
                                 b"[tool.hatch.envs.default.scripts]\nrelease = \"twine upload -p $TOKEN dist/*\"\n")
    repo.write("tox.ini", RUNNER_FILES["tox"][1])
    found = [(t.kind, Path(t.path).name, t.name) for t in
             targets_in_script("hatch run release\nhatch run tox -e release", repo.root)]
    assert found == [("pyproject-script", "pyproject.toml", "tool.hatch.envs.default.scripts.release"),
                     ("tox", "tox.ini", "release")]
    repo.write(WORKFLOW, _workflow("hatch run release", "TOKEN: ${{ secrets.PYPI_TOKEN }}"))
    assert repo.migrate("to-oidc").code == 0
    assert b'release = "twine upload dist/*"' in repo.read("pyproject.toml")


def test_the_repository_own_module_named_like_a_runner_wins(repo: Repo) -> None:
    """`python -m X` runs the repository's own module X when there is one (it comes first on sys.path)."""
    from pathlib import Path

    from codemods.follow.calls import targets_in_script

    repo.write("tox.ini", RUNNER_FILES["tox"][1])
    repo.write("nox/__main__.py", b"import subprocess\nsubprocess.run(['twine', 'upload', 'dist/*'])\n")
    repo.write("noxfile.py", RUNNER_FILES["nox"][1])
    kinds = [(t.kind, Path(t.path).name) for t in targets_in_script("python -m nox -s release", repo.root)]
    assert kinds == [("python", "__main__.py")]
    kinds = [(t.kind, Path(t.path).name) for t in targets_in_script("python -m tox -e release", repo.root)]
    assert kinds == [("tox", "tox.ini")]


DATEUTIL = """on:
  release:
    types: [published]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Create tox environments
        run: tox -p -e py,build,release --notest
      - name: Publish package
        env:
          TWINE_USERNAME: "__token__"
        run: |
          if [[ "$GITHUB_EVENT_NAME" == "push" ]]; then
            export TWINE_REPOSITORY_URL="https://test.pypi.org/legacy/"
            export TWINE_PASSWORD="${{ secrets.TEST_PYPI_UPLOAD_TOKEN }}"
          else
            export TWINE_PASSWORD="${{ secrets.PYPI_UPLOAD_TOKEN }}"
          fi
          tox -e release
"""


def test_a_password_the_script_sets_for_a_followed_file_is_a_token_to_change_by_hand(repo: Repo) -> None:
    """dateutil/dateutil: the step exports TWINE_PASSWORD in `if` branches, then runs `tox -e release`; to-oidc said
    "converted" and removed only `TWINE_USERNAME: __token__`, the job still uploading with the secret; and the
    `tox … --notest` step, which runs no commands, was called an upload without a token."""
    repo.write("tox.ini", b"[testenv:release]\ndeps = twine\npassenv = TWINE_*\ncommands = twine upload dist/*\n")
    repo.write(WORKFLOW, DATEUTIL.encode())
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    assert "its script sets `TWINE_PASSWORD` itself" in out.stderr and "unchanged" in out.stderr, out.stderr
    assert repo.read() == DATEUTIL.encode()
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    steps = [s for j in data["files"][0]["jobs"] for s in j["steps"]]
    assert [s["mode"] for s in steps] == ["token"], steps  # the --notest step uploads nothing
    ids = [f["id"] for f in data["files"][0]["findings"]]
    assert "trusted-without-id-token" not in ids and "no-trusted-publishing-support" not in ids, ids


def test_a_secret_name_with_a_hyphen_is_read_whole() -> None:
    """bakdata/ci-templates: a reusable workflow's `secrets.pypi-token` was reported as `secrets.pypi`."""
    from codemods.workflow import secrets_in

    assert secrets_in("${{ secrets.pypi-token }}") == {"pypi-token"}
    assert secrets_in("${{ secrets['pypi-token'] }}") == {"pypi-token"}
