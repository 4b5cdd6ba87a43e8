"""tox.toml shapes, every combination: line endings, final newline, pass_env absent or laid out each way,
tables after. to-oidc and to-token on it must load back with the credentials swapped for the OIDC
variables and back, the commands as meant, and every other table unchanged."""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest

from codemods.engine.file_edit import Target
from codemods.follow.files import edit_target

tomllib = pytest.importorskip("tomllib" if sys.version_info >= (3, 11) else "tomli")

PASS_ENV = {
    "none": "",
    "one": 'pass_env = ["CRED"]\n',
    "others": 'pass_env = ["HOME", "CRED", "CI"]  # kept\n',
    "lines": 'pass_env = [\n    "HOME",\n    "CRED",  # the token\n]\n',
}
COMMANDS = {
    "twine": ('commands = [["python", "-m", "build"], ["twine", "upload", "-u", "__token__", "dist/*"]]\n',
              "TWINE_PASSWORD"),
    "uv": ('commands = [\n    ["uv", "build"],\n    ["uv", "publish"],\n]\n', "UV_PUBLISH_TOKEN"),
}
AFTER = {"end": "", "table": '\n[env.lint]\ncommands = [["ruff", "check"]]\n'}
OIDC = {"ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"}


def _edit(text: str, to_oidc: bool) -> str:
    change = edit_target(Target("tox", Path("tox.toml"), "release"), text, to_oidc)
    assert not change.manual, change.manual
    return change.new_text


@pytest.mark.parametrize("pass_env,commands,after,eol,final", list(itertools.product(
    PASS_ENV, COMMANDS, AFTER, ("\n", "\r\n"), (True, False))))
def test_every_shape_loads_back_as_meant(pass_env, commands, after, eol, final) -> None:
    command, credential = COMMANDS[commands]
    text = f'env_list = ["release"]\n\n[env.release]\ndeps = ["twine"]\n{PASS_ENV[pass_env]}{command}{AFTER[after]}'
    text = (text if final else text.rstrip("\n")).replace("CRED", credential).replace("\n", eol)
    oidc = _edit(text, True)
    back = _edit(oidc, False)
    data = [tomllib.loads(t) for t in (text, oidc, back)]
    envs = [d["env"].pop("release") for d in data]
    assert data[0] == data[1] == data[2]  # nothing else changed
    assert all(t.endswith("\n") == final and t.count("\n") == t.count(eol) for t in (oidc, back))
    old, new, again = (set(e.get("pass_env", [])) for e in envs)
    assert OIDC <= new and credential not in new and old - {credential} <= new
    assert new - OIDC <= again and not OIDC & again and credential in again  # to-token takes the OIDC ones back
    upload = [c for c in envs[1]["commands"] if c[0] in ("twine", "uv") and len(c) > 1 and c[1] != "build"][0]
    # `-u __token__` with no password is the user name Trusted Publishing uses too: it stays
    assert upload[:3] == (["twine", "upload", "-u"] if commands == "twine" else ["uv", "publish", "--trusted-publishing"])
    assert envs[2]["commands"] == [[a for a in c if a not in ("--trusted-publishing", "always")]
                                   for c in envs[1]["commands"]]


@pytest.mark.parametrize("name", ["tox.toml", "pyproject.toml"])
def test_an_env_chosen_at_run_time_or_made_from_the_base_uploads_only_if_the_file_does(name: str) -> None:
    """`tox -e ${{ matrix.env }}` over lint and test envs (mitmproxy): the file uploads nowhere, so nothing is
    to follow by hand (it was "no [tool.tox.env.${{ matrix.env }}] table found; follow the upload by hand", and
    the doctor called every test job a Trusted Publishing upload without `id-token`). As tox_ini does."""
    prefix = "tool.tox." if name == "pyproject.toml" else ""
    quiet = f'[{prefix}env_run_base]\ncommands = [["pytest"]]\n\n[{prefix}env.lint]\ncommands = [["ruff", "check"]]\n'
    uploads = quiet + f'\n[{prefix}env.release]\ncommands = [["twine", "upload", "dist/*"]]\n'
    base_uploads = f'[{prefix}env_run_base]\ncommands = [["twine", "upload", "dist/*"]]\n'
    for env, text, said in (("${{ matrix.env }}", quiet, None), ("py312", quiet, None),
                            ("${{ matrix.env }}", uploads, "chosen at run time"),
                            ("py312", base_uploads, "env_run_base] uploads")):
        change = edit_target(Target("tox", Path(name), env), text, True)
        assert change.new_text == text and change.uploads == 0
        assert [str(m) for m in change.manual] == [] if said is None else said in str(change.manual[0]), \
            (env, change.manual)
