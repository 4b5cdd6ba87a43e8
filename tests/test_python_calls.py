"""The Python release-script codemod, one call shape at a time (before/after pairs, as LibCST's)."""
from __future__ import annotations

import re

import pytest

from codemods.follow.python_calls import edit_python


@pytest.mark.parametrize(
    "before, after",
    [
        pytest.param('subprocess.run(["twine", "upload", "-u", "__token__", "-p", tok, "dist/*"], check=True)\n',
                     'subprocess.run(["twine", "upload", "dist/*"], check=True)\n', id="list-subprocess-run"),
        pytest.param('subprocess.check_call(("python", "-m", "twine", "upload", "--password", tok, "dist/*"))\n',
                     'subprocess.check_call(("python", "-m", "twine", "upload", "dist/*"))\n', id="tuple-python-m"),
        pytest.param('session.run("twine", "upload", "-p", os.environ["T"], "dist/*")\n',
                     'session.run("twine", "upload", "dist/*")\n', id="args-session-run"),
        pytest.param('session.run(\n    "uv", "publish",\n    "--token", token,  # secret\n)\n',
                     'session.run(\n    "uv", "publish",\n)\n', id="args-multiline"),
        pytest.param('os.system("twine upload -u __token__ -p $PYPI_TOKEN dist/*")\n',
                     'os.system("twine upload dist/*")\n', id="string-os-system"),
        pytest.param("c.run('twine upload --username=__token__ --password=\"$T\" dist/*')\n",
                     "c.run('twine upload dist/*')\n", id="string-invoke"),
    ],
)
def test_call_shapes(before: str, after: str) -> None:
    result = edit_python(before)
    assert result.new_text == after
    assert result.uploads == 1 and not result.manual


@pytest.mark.parametrize(
    "source",
    [
        pytest.param('subprocess.run(["twine", "upload", "dist/*"])\n', id="no-credentials"),
        pytest.param('subprocess.run(["twine", "upload", "-r", "internal", "-p", tok, "dist/*"])\n',
                     id="another-index"),
        pytest.param('subprocess.run(["twine", "check", "dist/*"])\n', id="not-an-upload"),
        pytest.param('print("twine upload")\n', id="a-string-that-is-not-run"),
    ],
)
def test_noop(source: str) -> None:
    assert edit_python(source).new_text == source


@pytest.mark.parametrize(
    "source",
    [
        pytest.param('os.system(f"twine upload -p {token} dist/*")\n', id="f-string"),
        pytest.param('os.system("twine upload -p " + token + " dist/*")\n', id="concatenation"),
        pytest.param('cmd = ("twine upload dist/* "\n       f"-p {os.environ.get(\'P\')} ")\nrun_it(cmd)\n',
                     id="built-in-a-variable"),
        pytest.param('subprocess.run(["poetry", "publish", "-p", tok])\n', id="no-trusted-publishing"),
    ],
)
def test_left_alone_and_reported(source: str) -> None:
    result = edit_python(source)
    assert result.new_text == source
    assert result.manual and result.manual[0].startswith("line ")


@pytest.mark.parametrize(
    "source",
    [
        'subprocess.run(["twine", "upload", *AUTH, "dist/*"])\n',
        'session.run("twine", "upload", *AUTH, "dist/*")\n',
        'subprocess.check_call(("uv", "publish", *extra))\n',
    ],
)
def test_starred_arguments_are_reported_not_called_tokenless(source: str) -> None:
    result = edit_python(source)
    assert result.new_text == source and result.manual and "*" in result.manual[0]


@pytest.mark.parametrize(
    "source, freed",
    [
        ('subprocess.run(["twine", "upload", "-p", os.environ["PYPI_TOKEN"], "dist/*"])\n', {"PYPI_TOKEN"}),
        ('tok = os.getenv("T")\nsubprocess.run(["twine", "upload", "-p", tok, "dist/*"])\n', {"T"}),
        ('os.system("twine upload -p $PYPI_TOKEN dist/*")\n', {"PYPI_TOKEN"}),
    ],
)
def test_variables_that_fed_a_removed_option_are_freed(source: str, freed) -> None:
    assert edit_python(source).freed == freed


SCRIPTS = [
    'import os, subprocess\ntok = os.environ["PYPI_TOKEN"]\n'
    'subprocess.run(["twine", "upload", "-u", "__token__", "-p", tok, "dist/*"], check=True)\nprint(tok)\n',
    'os.system("twine upload -u __token__ -p $PYPI_TOKEN dist/*")\r\nsession.run("uv", "publish", "--token", T)\r\n',
    'x = 1\n\f\nsession.run(\n    "uv", "publish",\n    "--token", os.environ["UV"],  # -\n)\n',
]


@pytest.mark.parametrize("source", SCRIPTS)
def test_reporting_reads_what_rewriting_would_cut_without_rewriting(source: str, monkeypatch) -> None:
    """The doctor's reading (`rewrite=False`) finds the same uploads, and its blanked text reads the same
    names as the rewritten script; the transformer is never run for it."""
    from codemods.follow import python_codemod

    edited = edit_python(source)
    assert edited.new_text != source

    def refuse(*args):
        raise AssertionError("the transformer ran")

    monkeypatch.setattr(python_codemod.RemoveUploadCredentials, "leave_Call", refuse)
    read = edit_python(source, rewrite=False)
    assert (read.notes, read.manual, read.uploads, read.cuts, read.lines, read.freed, read.credential_env) == (
        edited.notes, edited.manual, edited.uploads, edited.cuts, edited.lines, edited.freed, edited.credential_env)
    names = lambda text: sorted(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))  # noqa: E731
    assert names(read.new_text) == names(edited.new_text)
    assert len(read.new_text) == len(source)


def test_the_transformer_cuts_only_the_calls_it_is_given() -> None:
    """Planning is separate from finding: the transformer cuts the chosen items of the chosen calls."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper

    from codemods.follow.python_codemod import RemoveUploadCredentials, UploadCall

    source = 'run(["a", "b", "c"])\nrun(["d", "e"])\nsession.run("x", "y", "z")\n'
    wrapper = MetadataWrapper(cst.parse_module(source))
    calls = {(1, 0): UploadCall("list", frozenset({1})), (3, 0): UploadCall("args", frozenset({0, 2}))}
    assert wrapper.visit(RemoveUploadCredentials(calls)).code == 'run(["a", "c"])\nrun(["d", "e"])\nsession.run("y")\n'


def test_the_python_meaning_check_refuses_any_other_change() -> None:
    """The AST outside the chosen items must stay the same: a transformer that cut more is refused."""
    from codemods.follow.python_codemod import UploadCall, ast_meaning

    old = 'x = "é"; run(["twine", "upload", "-p", tok, "dist/*"])\nprint(1)\n'
    calls = {(1, 9): UploadCall("list", frozenset({2, 3}))}  # column in characters, as libcst counts
    assert ast_meaning(calls)(old, 'x = "é"; run(["twine", "upload", "dist/*"])\nprint(1)\n') is None
    assert ast_meaning(calls)(old, 'x = "é"; run(["twine", "upload"])\nprint(1)\n')
    assert ast_meaning(calls)(old, 'x = "é"; run(["twine", "upload", "dist/*"])\nprint(2)\n')
    assert ast_meaning({(2, 0): UploadCall("list", frozenset({0}))})(old, old.replace("print(1)", "print()"))


NOXFILE_SESSIONS = '''import nox


def _upload(session):
    session.run("twine", "upload", "dist/*", "--password", "x")


@nox.session
def docs(session):
    session.run("mkdocs", "build")


@nox.session(name="release-pypi", python="3.12")
def release(session):
    _upload(session)


@nox.session
@nox.parametrize("python", ["3.11", "3.12"])
def tests(session):
    session.run("pytest")
'''


def test_a_nox_session_reads_only_its_functions() -> None:
    # smarie/python-pytest-cases: `nox -s docs`, `nox -s flake8`... were each told to run the release session's
    # twine; a session reaches its own function and the module's functions it calls
    from codemods.follow.python_calls import edit_python, session_lines

    assert session_lines(NOXFILE_SESSIONS, "docs") == [(8, 10)]
    assert session_lines(NOXFILE_SESSIONS, "release-pypi") == [(4, 5), (13, 15)]
    assert session_lines(NOXFILE_SESSIONS, "tests-3.12") == [(18, 21)]
    for unknown in ("release", "${{ matrix.session }}", None):  # the function's name is not the session's
        assert session_lines(NOXFILE_SESSIONS, unknown) is None
    # a name made at run time reads the sessions its literal part allows (aklajnert/pytest-subprocess:
    # `nox -s tests-${{ matrix.python-version }}` was told to run the `publish` session's twine)
    assert session_lines(NOXFILE_SESSIONS, "tests-${{ matrix.python-version }}") == [(18, 21)]
    assert session_lines(NOXFILE_SESSIONS, "tests-$PY") == [(18, 21)]
    assert session_lines(NOXFILE_SESSIONS, "release-${{ matrix.index }}") == [(4, 5), (13, 15)]
    assert session_lines(NOXFILE_SESSIONS, "d${{ matrix.x }}") == [(8, 10)]
    assert edit_python(NOXFILE_SESSIONS, within=session_lines(NOXFILE_SESSIONS, "docs")).uploads == 0
    assert edit_python(NOXFILE_SESSIONS, within=session_lines(NOXFILE_SESSIONS, "release-pypi")).uploads == 1
    assert edit_python(NOXFILE_SESSIONS).uploads == 1


NOXFILE_MATRIX = b"""import nox


@nox.session(python=["3.11", "3.12"])
def tests(session):
    session.run("pytest")


@nox.session
def publish(session):
    twine_command = ["twine", "upload", "dist/*"]
    if "prod" not in session.posargs:
        twine_command.extend(["--repository-url", "https://test.pypi.org/legacy/"])
    session.run(*twine_command)
"""


@pytest.mark.parametrize("session, secret, uploads", [
    ("tests-${{ matrix.python-version }}", False, False),  # the tests session only
    ("${{ matrix.session }}", False, False),  # any session, but the step is given no secret: as tox -e
    ("${{ matrix.session }}", True, True),  # given a secret: said, to be changed by hand
    ("publish", True, True)])
def test_a_nox_session_named_at_run_time(session: str, secret: bool, uploads: bool, repo) -> None:
    """aklajnert/pytest-subprocess: the test matrix's `nox -s tests-${{ matrix.python-version }}` was read as
    the noxfile's `publish` session: a token upload, a fork warning and "do not revoke" in all three commands."""
    import json

    from conftest import WORKFLOW

    env = "        env:\n          TWINE_PASSWORD: ${{ secrets.PYPI_TOKEN }}\n" if secret else ""
    repo.write("noxfile.py", NOXFILE_MATRIX)
    repo.write(WORKFLOW, (f"on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
                          f"      - uses: actions/checkout@v4\n      - run: nox -s \"{session}\"\n{env}").encode())
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    steps = [s for j in data["files"][0]["jobs"] for s in j["steps"]]
    assert bool(steps) == uploads, data
    out = repo.migrate("to-oidc", "--dry-run")
    assert ("no step publishes to PyPI" in out.stderr) != uploads, out.stderr
