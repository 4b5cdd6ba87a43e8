"""A Makefile's variables (`UV := uv`, `PYTHON ?= python3`, `$(TWINE)`, `${BIN}/twine`) are read before a
recipe's commands are matched; edits keep the text as written (`$(UV)` stays); a program whose variable
cannot be known without running make is an upload pubmode cannot read, said so, never "publishes nothing"."""
from __future__ import annotations

import json

import pytest

from codemods.follow.makefile import MakeVariables
from codemods.shell import commands
from conftest import WORKFLOW, Repo
from test_follow_tox import _workflow

TOKEN_ENV = "PYPI_TOKEN: ${{ secrets.PYPI_TOKEN }}"


def _words(variables: MakeVariables, command: str) -> list:
    return [w.value for w in variables.command(next(commands(command))).words]


@pytest.mark.parametrize("makefile, command, expected", [
    ("UV := uv\n", "$(UV) publish dist/*", ["uv", "publish", "dist/*"]),
    ("UV = uv\n", "${UV} publish", ["uv", "publish"]),
    ("UV ::= uv\n", "$(UV) publish", ["uv", "publish"]),
    ("UV :::= uv\n", "$(UV) publish", ["uv", "publish"]),
    ("PYTHON ?= python3\n", "$(PYTHON) -m twine upload", ["python3", "-m", "twine", "upload"]),
    ("override UV := uvx\n", "$(UV) publish", ["uvx", "publish"]),
    ("export UV = uv   # the tool\n", "$(UV) publish", ["uv", "publish"]),
    # nested once and twice, recursive (`=`, read at use) and simple (`:=`, read where it is set)
    ("VENV := .venv\nBIN = $(VENV)/bin\nTWINE = $(BIN)/python -m twine\n", "$(TWINE) upload",
     [".venv/bin/python", "-m", "twine", "upload"]),
    ("TWINE = $(BIN)/twine\nBIN = .venv/bin\n", "$(TWINE) upload", [".venv/bin/twine", "upload"]),
    ("FLAGS := --verbose\nFLAGS += --skip-existing\n", "twine upload $(FLAGS)",
     ["twine", "upload", "--verbose", "--skip-existing"]),
    ("UV := \\\n  uv\n", "$(UV) publish", ["uv", "publish"]),
    ("UV := uv\n", '"$(UV)" publish $$HOME', ["uv", "publish", "$$HOME"]),  # `$$` is the shell's `$`
])
def test_variables_set_by_plain_assignments_are_expanded(makefile: str, command: str, expected: list) -> None:
    assert _words(MakeVariables(makefile), command) == expected


@pytest.mark.parametrize("makefile, why", [
    ("UV != command -v uv\n", "set from a shell command"),
    ("ifdef CI\nUV := uv\nelse\nUV := uvx\nendif\n", "set inside a conditional block"),
    ("define UV\nuv\nendef\n", "set by a `define` block"),
    ("publish: UV = uvx\n", "set for the target `publish` only"),
    ("", "not set in the Makefile"),
    ("include tools.mk\n", "`tools.mk`, which pubmode cannot read"),
])
def test_a_variable_that_cannot_be_known_is_left_as_written(makefile: str, why: str) -> None:
    variables = MakeVariables(makefile, targets={"publish"})
    cmd = variables.command(next(commands("$(UV) publish dist/*")))
    assert [w.value for w in cmd.words] == ["$(UV)", "publish", "dist/*"]
    assert why in variables.unresolved(cmd)


def test_make_command_line_and_the_step_environment() -> None:
    makefile = "UV := uv\nPYTHON ?= python3\n"
    variables = MakeVariables(makefile, overrides={"UV": "uvx"}, environment={"PYTHON": "python3.12"})
    assert _words(variables, "$(UV) publish") == ["uvx", "publish"]  # the command line wins over `:=`
    assert _words(variables, "$(PYTHON) -m twine") == ["python3.12", "-m", "twine"]  # the environment over `?=`
    variables = MakeVariables("UV := uv\n", environment={"UV": "uvx"})
    assert _words(variables, "$(UV) publish") == ["uv", "publish"]  # `:=` over the environment
    variables = MakeVariables("", environment={"UV": None})  # `UV: ${{ inputs.uv }}`
    assert "known only at run time" in variables.unresolved(variables.command(next(commands("$(UV) publish"))))


def test_another_registry_is_not_an_unresolved_python_upload() -> None:
    variables = MakeVariables("NPM != command -v npm\nCARGO = $(shell which cargo)\n")
    for command in ("$(NPM) publish", "$(CARGO) publish --token $(CRATES_TOKEN)", "$(DOCKER) push img"):
        assert variables.unresolved(variables.command(next(commands(command)))) is None, command
    assert variables.unresolved(variables.command(next(commands("$(UPLOADER) upload dist/*"))))
    assert variables.unresolved(variables.command(next(commands("$(RUNNER) run twine upload dist/*"))))


def test_a_token_upload_through_a_variable_loses_its_credentials_and_keeps_the_variable(repo: Repo) -> None:
    head = b"UV := uv\nPYTHON ?= python3\nTWINE = $(PYTHON) -m twine\n\nrelease:\n"
    for recipe, expected in ((b"\t@$(UV) publish --token $(PYPI_TOKEN) dist/*\n",
                              b"\t@$(UV) publish --trusted-publishing always dist/*\n"),
                             (b"\t${TWINE} upload -u __token__ -p $(PYPI_TOKEN) dist/*\n", b"\t${TWINE} upload dist/*\n")):
        repo.write("Makefile", head + recipe)
        repo.write(WORKFLOW, _workflow("make release", TOKEN_ENV))
        out = repo.migrate("to-oidc")
        assert out.code == 0, out.stderr
        assert repo.read("Makefile") == head + expected, out.stderr
        assert b"PYPI_TOKEN" not in repo.read() and b"id-token: write" in repo.read()


def test_make_command_line_variables_are_read(repo: Repo) -> None:
    repo.write("Makefile", b"publish:\n\t$(UV) publish --token $(PYPI_TOKEN) dist/*\n")
    repo.write(WORKFLOW, _workflow("make publish UV=uv", TOKEN_ENV))
    assert repo.migrate("to-oidc").code == 0
    assert repo.read("Makefile") == b"publish:\n\t$(UV) publish --trusted-publishing always dist/*\n"


def test_credentials_held_by_a_variable_are_changed_by_hand(repo: Repo) -> None:
    makefile = b"UPLOAD = uv publish --token $(PYPI_TOKEN)\npublish:\n\t$(UPLOAD) dist/*\n"
    repo.write("Makefile", makefile)
    repo.write(WORKFLOW, _workflow("make publish", TOKEN_ENV))
    out = repo.migrate("to-oidc")
    assert repo.read("Makefile") == makefile  # the reference is never cut: it holds more than the token
    assert "come from the Makefile variable in `$(UPLOAD)`; remove them there by hand" in out.stderr


def test_an_unresolved_upload_is_refused_both_ways_and_told_by_the_doctor(repo: Repo) -> None:
    repo.write("Makefile", b"UV = $(shell command -v uv)\npublish:\n\t@$(UV) publish dist/*\n")
    workflow = (b"on:\n  release:\n    types: [published]\njobs:\n  publish:\n    runs-on: ubuntu-latest\n"
                b"    permissions:\n      id-token: write\n    steps:\n      - uses: actions/checkout@v4\n"
                b"      - run: make publish\n")
    repo.write(WORKFLOW, workflow)
    for direction in ("to-oidc", "to-token"):
        out = repo.migrate(direction)
        assert repo.read() == workflow, direction  # to-token keeps `id-token: write`: it may be in use
        assert "`$(UV) publish dist/*` runs the program in `$(UV)`, whose value make computes when it runs " \
               "(`$(shell command -v uv)`)" in out.stderr, out.stderr
        assert "no step publishes" not in out.stderr
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    found = [f for f in data["files"][0]["findings"] if f["id"] == "no-trusted-publishing-support"]
    assert len(found) == 1 and "runs an upload pubmode cannot read" in found[0]["message"]
    assert "has no Trusted Publishing" not in found[0]["message"]


def test_included_files_are_read_from_the_makefile_folder_only(tmp_path) -> None:
    (tmp_path / "repo" / "mk").mkdir(parents=True)
    (tmp_path / "repo" / "mk" / "tools.mk").write_text("UV := uv\n")
    (tmp_path / "outside.mk").write_text("UV := uvx\n")
    (tmp_path / "repo" / "link.mk").symlink_to(tmp_path / "outside.mk")
    folder = tmp_path / "repo"
    assert _words(MakeVariables("include mk/tools.mk\n", folder), "$(UV) publish") == ["uv", "publish"]
    assert _words(MakeVariables("-include mk/missing.mk mk/tools.mk\n", folder), "$(UV) publish") == ["uv", "publish"]
    for outside in ("include ../outside.mk\n", "include link.mk\n", f"include {tmp_path / 'outside.mk'}\n"):
        variables = MakeVariables(outside, folder)
        assert _words(variables, "$(UV) publish") == ["$(UV)", "publish"], outside
        assert "which pubmode cannot read" in variables.why_unknown("UV")
