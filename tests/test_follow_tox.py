"""tox.ini edited through the whole CLI: passenv, line endings, the file's end, and the check by meaning."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import WORKFLOW, Repo


def _workflow(run: str, env: str = "TWINE_PASSWORD: ${{ secrets.PYPI_TOKEN }}") -> bytes:
    return (f"on:\n  push:\n    tags: ['v*']\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n"
            f"      - uses: actions/checkout@v4\n      - name: Release\n        run: {run}\n"
            f"        env:\n          {env}\n").encode()


def _tox_values(repo: Repo) -> dict:
    from codemods.follow.ini_check import read_ini

    return read_ini(repo.read("tox.ini").decode())["testenv:release"]


def test_passenv_added_to_a_section_that_ends_the_file_without_a_newline(repo: Repo) -> None:
    repo.write(WORKFLOW, _workflow("tox -e release"))
    repo.write("tox.ini", b"[tox]\nenvlist = py312\n\n[testenv:release]\ndeps = twine\ncommands = twine upload dist/*")
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    values = _tox_values(repo)
    assert values["commands"] == "twine upload dist/*"
    assert values["passenv"].split() == ["ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"]
    assert not repo.read("tox.ini").endswith(b"\n")  # the missing final newline stays missing


def test_new_lines_in_a_crlf_tox_ini_take_its_line_ending(repo: Repo) -> None:
    repo.write(WORKFLOW, _workflow("tox -e release"))
    repo.write("tox.ini", b"[testenv:release]\r\ncommands =\r\n    twine upload dist/*\r\npassenv =\r\n"
                          b"    TWINE_PASSWORD\r\n    HOME\r\n")
    assert repo.migrate("to-oidc").code == 0
    data = repo.read("tox.ini")
    assert b"ACTIONS_ID_TOKEN_REQUEST_URL" in data and data.count(b"\n") == data.count(b"\r\n")
    assert repo.migrate("to-token").code == 0
    data = repo.read("tox.ini")
    assert b"TWINE_PASSWORD" in data and data.count(b"\n") == data.count(b"\r\n")


def test_a_comment_on_the_passenv_line_is_not_read_as_names(repo: Repo) -> None:
    repo.write(WORKFLOW, _workflow("tox -e release"))
    repo.write("tox.ini", b"[testenv:release]\ncommands = twine upload dist/*\n"
                          b"passenv = TWINE_PASSWORD  # for upload\n")
    assert repo.migrate("to-oidc").code == 0
    assert b"# for upload" in repo.read("tox.ini")
    assert _tox_values(repo)["passenv"].split("#")[0].replace(",", " ").split() == [
        "ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"]


def test_an_ini_edit_that_would_read_back_otherwise_is_refused(repo: Repo, monkeypatch) -> None:
    import codemods.follow.tox_ini as tox_ini

    repo.write(WORKFLOW, _workflow("tox -e release"))
    ini = b"[testenv:release]\ncommands = twine upload dist/*\npassenv = TWINE_PASSWORD\n[other]\nkey = 1\n"
    repo.write("tox.ini", ini)
    real = tox_ini.edit_passenv
    monkeypatch.setattr(tox_ini, "edit_passenv", lambda *a: real(*a) + "deps = evil\n")
    out = repo.migrate("to-oidc")
    assert "[testenv:release] deps would change" in out.stderr and "by hand" in out.stderr
    assert repo.read("tox.ini") == ini and repo.read() == _workflow("tox -e release")


def test_uv_passenv_round_trips_through_tox_ini(repo: Repo) -> None:
    workflow = _workflow("tox -e release", "UV_PUBLISH_TOKEN: ${{ secrets.PYPI_TOKEN }}")
    repo.write(WORKFLOW, workflow)
    repo.write("tox.ini", b"[testenv:release]\ncommands = uv publish\npassenv = UV_PUBLISH_TOKEN\n")
    assert repo.migrate("to-oidc").code == 0
    assert b"UV_PUBLISH_TOKEN" not in repo.read("tox.ini") + repo.read()
    assert repo.migrate("to-token").code == 0
    assert b"UV_PUBLISH_TOKEN: ${{ secrets.PYPI_API_TOKEN }}" in repo.read()
    assert "UV_PUBLISH_TOKEN" in _tox_values(repo)["passenv"]


def test_passenv_added_inside_pyprojects_legacy_tox_ini_string(repo: Repo) -> None:
    from codemods.follow.ini_check import ini_of, read_ini

    repo.write(WORKFLOW, _workflow("tox -e release"))
    repo.write("pyproject.toml", b'[tool.tox]\nlegacy_tox_ini = """\n[testenv:release]\ncommands =\n'
                                 b'    twine upload dist/*\n"""\n\n[tool.other]\na = 1\n')
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    section = read_ini(ini_of(repo.read("pyproject.toml").decode(), True))["testenv:release"]
    assert section["passenv"].split() == ["ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"]
    assert repo.read("pyproject.toml").endswith(b'"""\n\n[tool.other]\na = 1\n')


def test_passenv_written_with_a_colon_or_as_pass_env_is_edited_in_place(repo: Repo) -> None:
    repo.write(WORKFLOW, _workflow("tox -e release"))
    repo.write("tox.ini", b"[testenv:release]\ncommands = twine upload dist/*\nPass_Env: TWINE_PASSWORD, HOME\n")
    assert repo.migrate("to-oidc").code == 0
    assert repo.read("tox.ini") == (b"[testenv:release]\ncommands = twine upload dist/*\n"
                                    b"Pass_Env: HOME, ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN\n")


def test_tox_toml_table_ending_the_file_without_a_newline_gets_pass_env_on_its_own_line(repo: Repo) -> None:
    from codemods import toml_text

    repo.write(WORKFLOW, _workflow("tox -e release"))
    repo.write("tox.toml", b'[env.release]\ncommands = [["twine", "upload", "dist/*"]]')
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    data = repo.read("tox.toml")
    assert toml_text.loads(data.decode())["env"]["release"]["pass_env"] == [
        "ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"]
    assert not data.endswith(b"\n")


def test_a_tox_toml_edit_that_would_load_back_otherwise_is_refused(repo: Repo, monkeypatch) -> None:
    import codemods.follow.tox_toml as tox_toml

    repo.write(WORKFLOW, _workflow("tox -e release"))
    toml = b'[env.release]\ncommands = [["twine", "upload", "dist/*"]]\n'
    repo.write("tox.toml", toml)
    monkeypatch.setattr(tox_toml, "_toml_list", lambda names: '["HOME"]')
    out = repo.migrate("to-oidc")
    assert "would not load back as intended" in out.stderr and "pass_env would be ['HOME']" in out.stderr
    assert repo.read("tox.toml") == toml and repo.read() == _workflow("tox -e release")


def test_a_token_read_through_tox_env_substitution_leaves_the_workflow(repo: Repo) -> None:
    repo.write(WORKFLOW, _workflow("tox -e release", "PYPI_TOKEN: ${{ secrets.PYPI_TOKEN }}"))
    repo.write("tox.toml", b'[env.release]\ncommands = [["twine", "upload", "-p", "{env:PYPI_TOKEN}", "dist/*"]]\n')
    assert repo.migrate("to-oidc").code == 0
    assert b'["twine", "upload", "dist/*"]' in repo.read("tox.toml") and b"PYPI_TOKEN" not in repo.read()


@pytest.mark.parametrize("env, said", [("TWINE_PASSWORD: ${{ secrets.PYPI_TOKEN }}", True),
                                       ("PY_COLORS: '1'", False)])
def test_a_tox_env_the_file_lacks_handed_a_credential_is_not_publishing_nothing(repo: Repo, env: str,
                                                                                 said: bool) -> None:
    """boromir674/automated-workflows: `tox -e deploy -- upload` handed TWINE_PASSWORD, with no [testenv:deploy]
    in the repository's tox.ini (the callers bring theirs): it read as "no step publishes to PyPI"; then as an
    upload "with script (a script) to pypi". It is an unknown upload (tests/test_opaque_commands.py)."""
    repo.write("tox.ini", b"[tox]\nenvlist = py312\n\n[testenv]\ncommands = pytest\n")
    repo.write(WORKFLOW, _workflow("tox -e deploy -- upload", env))
    out = repo.migrate("to-oidc", "--dry-run")
    assert out.code == 0, out.stderr
    assert ("runs tox env `deploy`, which this repository's tox.ini does not define" in out.stderr) == said
    assert ("no step publishes to PyPI" in out.stderr) != said, out.stderr


def test_a_tox_toml_env_named_in_a_string_is_defined(tmp_path: Path) -> None:
    """tox.toml's `env_list = ["py", "release"]` defines `release`; the check once put `(?m)` mid-pattern,
    which Python 3.11 refuses (the fuzzer over the followed files found it as an internal error)."""
    from codemods.follow.tox_ini import defines_env

    tox = tmp_path / "tox.toml"
    tox.write_text('env_list = ["py", "release"]\n')
    assert defines_env(tox, tox.read_text(), "release")
    assert not defines_env(tox, tox.read_text(), "deploy")
