"""A job's `strategy.matrix` read leg by leg: the project each leg's folder uploads (one publisher per project),
the secret each leg's `secrets[matrix.…]` reads (one to delete and revoke per secret), and what is said where the
matrix is not written in the job (`fromJSON(…)`).

Real shapes: explodinggradients/ragas `publish-examples.yml` (a list of maps, `matrix.package.directory`,
`secrets[matrix.package.token]`), asyml/forte-wrappers `pypi.yml` (a list of names, `src/${{ matrix.wrapper }}`),
sudosubin/playground-pypi `06-use-action-in-matrix.yml`; the golden cases `matrix-*` hold the files.
"""
from __future__ import annotations

import json

import pytest

from codemods.matrix import legs, text_values
from codemods.workflow import matrix_secrets, runner_problem
from conftest import WORKFLOW, Repo


def _job(matrix) -> dict:
    return {"strategy": {"matrix": matrix}}


def test_legs_are_the_product_of_the_keys() -> None:
    assert legs(_job({"os": ["a", "b"], "py": [1, 2]})) == [
        {"os": "a", "py": 1}, {"os": "a", "py": 2}, {"os": "b", "py": 1}, {"os": "b", "py": 2}]


def test_exclude_removes_the_legs_it_matches_partially() -> None:
    assert legs(_job({"os": ["a", "b"], "py": [1, 2], "exclude": [{"os": "b"}]})) == [
        {"os": "a", "py": 1}, {"os": "a", "py": 2}]


def test_include_extends_the_legs_it_does_not_change_else_adds_one() -> None:
    found = legs(_job({"pkg": ["x", "y"], "include": [{"pkg": "x", "dir": "lib/x"}, {"pkg": "z", "dir": "z"}]}))
    assert found == [{"pkg": "x", "dir": "lib/x"}, {"pkg": "y"}, {"pkg": "z", "dir": "z"}]
    assert legs(_job({"include": [{"dir": "a"}, {"dir": "b"}]})) == [{"dir": "a"}, {"dir": "b"}]


@pytest.mark.parametrize("matrix", [
    "${{ fromJSON(needs.plan.outputs.matrix) }}",
    {"package": "${{ fromJSON(inputs.packages) }}"},
    {"os": ["a"], "include": "${{ fromJSON(needs.x.outputs.include) }}"},
    {"a": list(range(20)), "b": list(range(20))},  # more legs than GitHub runs
])
def test_a_matrix_not_written_in_the_job_has_no_legs(matrix) -> None:
    assert legs(_job(matrix)) is None


def test_text_values_put_in_each_legs_value() -> None:
    job = _job({"package": [{"name": "a", "directory": "examples"}, {"name": "b", "directory": "."}]})
    assert text_values(job, "${{ matrix.package.directory }}/dist/") == ["examples/dist/", "./dist/"]
    assert text_values(job, "dist/") == ["dist/"]
    assert text_values(job, "${{ matrix.package.missing }}/dist") is None  # a leg without it
    assert text_values(job, "${{ format('{0}/dist', matrix.package.directory) }}") is None
    assert text_values(_job("${{ fromJSON(x) }}"), "${{ matrix.dir }}") is None


def test_the_runner_of_a_matrix_leg_is_read_through_the_same_legs() -> None:
    job = {"runs-on": "${{ matrix.os }}", "strategy": {"matrix": {"include": [{"os": "ubuntu-latest"},
                                                                               {"os": "windows-latest"}]}}}
    assert "windows-latest" in runner_problem(job)
    job["strategy"]["matrix"]["exclude"] = [{"os": "windows-latest"}]
    job["strategy"]["matrix"] = {"os": ["ubuntu-latest", "windows-latest"], "exclude": [{"os": "windows-latest"}]}
    assert runner_problem(job) is None  # the excluded leg never runs


def test_secrets_named_through_the_matrix() -> None:
    job = _job({"package": [{"token": "PYPI_A"}, {"token": "PYPI_B"}]})
    assert matrix_secrets("${{ secrets[matrix.package.token] }}", job) == (
        {"matrix.package.token": ["PYPI_A", "PYPI_B"]}, [])
    assert matrix_secrets("${{ secrets[matrix.package.token] }}", _job("${{ fromJSON(x) }}")) == (
        {}, ["matrix.package.token"])
    assert matrix_secrets("${{ secrets['PYPI'] }}", job) == ({}, [])  # a quoted name is no run-time name


RAGAS_LIKE = b"""on:
  release:
    types: [published]
jobs:
  deploy:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        package:
%s
    steps:
    - uses: actions/checkout@v4
    - run: python -m build
      working-directory: ${{ matrix.package.directory }}
    - uses: pypa/gh-action-pypi-publish@release/v1
      with:
        password: ${{ secrets[matrix.package.token] }}
        packages-dir: ${{ matrix.package.directory }}/dist/
"""


def _ragas_like(tmp_path, legs_yaml: bytes) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.write("pyproject.toml", b'[project]\nname = "root-lib"\n')
    repo.write("examples/pyproject.toml", b'[project]\nname = "root-examples"\n')
    repo.write("plugin/pyproject.toml", b'[project]\nname = "root-plugin"\n')
    repo.write(WORKFLOW, RAGAS_LIKE % legs_yaml)
    return repo


def test_one_leg_registers_the_project_of_its_folder_not_the_roots(tmp_path) -> None:
    repo = _ragas_like(tmp_path, b"""          - name: root-examples
            directory: examples
            token: PYPI_API_TOKEN""")
    out = repo.migrate("to-oidc", "--dry-run")
    assert "project `root-examples`" in out.stderr and "project `root-lib`" not in out.stderr, out.stderr
    assert "delete the secret no longer used (PYPI_API_TOKEN)" in out.stderr
    doctor = repo.migrate("doctor").stdout
    assert "delete the secret `PYPI_API_TOKEN`" in doctor and "which may be empty" not in doctor, doctor


def test_each_leg_registers_its_project_and_each_secret_is_revoked(tmp_path) -> None:
    repo = _ragas_like(tmp_path, b"""          - {directory: examples, token: EXAMPLES_TOKEN}
          - {directory: ., token: ROOT_TOKEN}
          - {directory: plugin, token: PLUGIN_TOKEN}
      fail-fast: false""")
    out = repo.migrate("to-oidc", "--dry-run", "--format", "json")
    data = json.loads(out.stdout)
    assert sorted(r["project"] for r in data["next_steps"]["register"]) == ["root-examples", "root-lib", "root-plugin"]
    assert data["next_steps"]["revoke_secrets"] == ["EXAMPLES_TOKEN", "PLUGIN_TOKEN", "ROOT_TOKEN"]
    doctor = repo.migrate("doctor").stdout
    assert "delete the secrets `EXAMPLES_TOKEN`, `PLUGIN_TOKEN`, `ROOT_TOKEN`" in doctor, doctor


def test_an_excluded_leg_registers_nothing(tmp_path) -> None:
    repo = _ragas_like(tmp_path, b"""          - {directory: examples, token: EXAMPLES_TOKEN}
          - {directory: plugin, token: PLUGIN_TOKEN}
        exclude:
          - package: {directory: plugin, token: PLUGIN_TOKEN}""")
    out = repo.migrate("to-oidc", "--dry-run")
    assert "project `root-examples`" in out.stderr and "root-plugin" not in out.stderr, out.stderr
    assert "(EXAMPLES_TOKEN)" in out.stderr and "PLUGIN_TOKEN" not in out.stderr


def test_a_matrix_given_at_run_time_is_said_and_left_to_the_user(tmp_path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("pyproject.toml", b'[project]\nname = "root-lib"\n')
    repo.write(WORKFLOW, (RAGAS_LIKE % b"").replace(
        b"      matrix:\n        package:\n\n", b"      matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}\n"))
    out = repo.migrate("to-oidc", "--dry-run")
    assert out.code == 0, out.stderr
    assert "project `<project name>`" in out.stderr and "root-lib" not in out.stderr, out.stderr
    assert "the job uploads from `${{ matrix.package.directory }}`, chosen at run time: use the project's name on " \
           "PyPI, one publisher for each project the job uploads" in out.stderr
    assert "took its token from `secrets[matrix.package.token]`, a secret named at run time that pubmode could " \
           "not resolve: find that secret" in out.stderr
    doctor = repo.migrate("doctor").stdout
    assert "took its token from `secrets[matrix.package.token]`" in doctor, doctor
    data = json.loads(repo.migrate("to-oidc", "--dry-run", "--format", "json").stdout)
    assert data["next_steps"]["register"][0]["project_unknown"].startswith("the job uploads from")
    assert data["next_steps"]["find_and_revoke"]


def test_the_round_trip_gives_the_default_secret(tmp_path) -> None:
    repo = _ragas_like(tmp_path, b"""          - {directory: examples, token: EXAMPLES_TOKEN}""")
    assert repo.migrate("to-oidc").code == 0
    out = repo.migrate("to-token")
    assert out.code == 0, out.stderr
    assert b"password: ${{ secrets.PYPI_API_TOKEN }}" in repo.read()
    assert "Create the secret `PYPI_API_TOKEN`" in out.stderr


def test_a_leg_whose_folder_names_no_package_gets_a_placeholder_of_its_own(tmp_path) -> None:
    repo = _ragas_like(tmp_path, b"""          - {directory: examples, token: EXAMPLES_TOKEN}
          - {directory: unnamed, token: OTHER_TOKEN}""")
    repo.write("unnamed/setup.py", b"from setuptools import setup\nsetup(name=compute())\n")
    out = repo.migrate("to-oidc", "--dry-run")
    assert "project `root-examples`" in out.stderr and "project `<project name>`" in out.stderr, out.stderr
    assert "root-lib" not in out.stderr


ASYNCER = """on:
  release:
    types: [created]
jobs:
  publish:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        {key}:
          - asyncer
          - asyncer-slim
    steps:
      - uses: actions/checkout@v4
      - name: Build distribution
        env:
          TIANGOLO_BUILD_PACKAGE: ${{{{ matrix.{read} }}}}
        run: python -m build
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{{{ secrets.PYPI_API_TOKEN }}}}
"""


@pytest.mark.parametrize("key, read, said", [
    ("package", "package", True),  # tiangolo/asyncer: one folder, a project per leg chosen by an env variable
    ("package_name", "package_name", True),  # posit-dev/rsconnect-python: `PACKAGE_NAME` renames the project per leg
    ("python-version", "python-version", False),  # legs over Pythons build the same project
    ("package", "other", False),  # the steps do not read it
])
def test_a_matrix_over_packages_the_build_reads_is_said_in_both_commands(repo: Repo, key: str, read: str,
                                                                        said: bool) -> None:
    repo.write("pyproject.toml", b'[project]\nname = "asyncer"\n')
    repo.write(WORKFLOW, ASYNCER.format(key=key, read=read).encode())
    note = f"runs its matrix over `{key}` (`asyncer`, `asyncer-slim`), which its steps read"
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    assert (note in out.stderr) == said, out.stderr
    doctor = repo.migrate("doctor", "--exit-zero")
    assert (note in doctor.stdout) == said, doctor.stdout


DISPATCH = """on:
  workflow_dispatch:
    inputs:
      {key}:
{spec}
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: nox -s build -- ${{{{ inputs.{key} }}}}
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{{{ secrets.PYPI_API_TOKEN }}}}
"""
CHOICE = "        type: choice\n        options: [pgscatalog.core, pgscatalog.match]"


@pytest.mark.parametrize("key, spec, said", [
    ("package", CHOICE, " (`pgscatalog.core`, `pgscatalog.match`)"),  # PGScatalog/pygscatalog
    ("package", "        type: string", ""),
    ("package", "        type: boolean", None),  # a switch, not a name
    ("python", CHOICE, None),  # not named for a package
])
def test_an_input_naming_the_package_the_build_reads_is_said(repo: Repo, key: str, spec: str, said) -> None:
    # PGScatalog/pygscatalog publish.yml: `nox -s build -- ${{ inputs.package }}` builds one of four workspace
    # members; the doctor named the folder's project alone and to-token asked for a token scoped to it
    repo.write("pyproject.toml", b'[project]\nname = "pgscatalog-utils"\n')
    repo.write(WORKFLOW, DISPATCH.format(key=key, spec=spec).encode())
    token = repo.migrate("to-oidc")
    doctor = repo.migrate("doctor", "--exit-zero")  # on the converted workflow: what to register
    note = f"builds the package its input `{key}` names{said}, which its steps read"
    assert (note in token.stderr) == (said is not None), token.stderr
    assert (note in doctor.stdout) == (said is not None), doctor.stdout
    back = repo.migrate("to-token", "--dry-run")
    run_time = f"as it picks the project at run time (job `publish`: the input `{key}`{said})"
    assert (run_time in back.stderr) == (said is not None), back.stderr
