"""tox.ini shapes, every combination: line endings, final newline, passenv spelled and laid out in each
way, sections before and after. Each to-oidc output, and to-token on it, must read back (as tox reads
it) with the credentials swapped for the OIDC variables and back, and keep every other byte's meaning."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from codemods.engine.file_edit import Target
from codemods.follow.files import edit_target
from codemods.follow.ini_check import names, read_ini

PASSENV = {
    "none": "",
    "single": "passenv = TWINE_PASSWORD\n",
    "commas": "pass_env = HOME, TWINE_USERNAME,TWINE_PASSWORD  # for twine\n",
    "colon": "passenv: TWINE_PASSWORD\n",
    "lines": "passenv =\n    HOME\n    TWINE_USERNAME\n    TWINE_PASSWORD\n",
    "first-and-lines": "passenv = HOME\n    TWINE_PASSWORD\n    CI\n",
}
COMMANDS = {"twine": "commands =\n    python -m build\n    twine upload dist/*\n",
            "uv": "commands = uv publish\n"}
AFTER = {"end": "", "section": "\n[flake8]\nmax-line-length = 100\n"}
OIDC = {"ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"}
CREDENTIALS = {"TWINE_USERNAME", "TWINE_PASSWORD", "UV_PUBLISH_TOKEN"}


def _text(passenv: str, commands: str, after: str, eol: str, final: bool) -> str:
    if commands.startswith("commands = uv"):
        passenv = passenv.replace("TWINE_USERNAME,", "").replace("TWINE_USERNAME", "HOME2").replace(
            "TWINE_PASSWORD", "UV_PUBLISH_TOKEN")
    text = f"[tox]\nenv_list = py312\n\n[testenv:release]\ndeps = twine\n{passenv}{commands}{after}"
    text = text if final else text.rstrip("\n")
    return text.replace("\n", eol)


def _edit(text: str, to_oidc: bool) -> str:
    change = edit_target(Target("tox", Path("tox.ini"), "release"), text, to_oidc)
    assert not change.manual, change.manual
    return change.new_text


@pytest.mark.parametrize("passenv,commands,after,eol,final", list(itertools.product(
    PASSENV, COMMANDS, AFTER, ("\n", "\r\n"), (True, False))))
def test_every_shape_reads_back_as_meant(passenv, commands, after, eol, final) -> None:
    text = _text(PASSENV[passenv], COMMANDS[commands], AFTER[after], eol, final)
    before = read_ini(text)
    oidc = _edit(text, True)
    back = _edit(oidc, False)
    for out in (oidc, back):
        assert out.count("\n") == out.count("\r\n") or eol == "\n" and "\r" not in out
        assert out.endswith("\n") == final
    old, new, again = (names(read_ini(t)["testenv:release"].get(k)) for t in (text, oidc, back)
                       for k in ["passenv" if "passenv" in read_ini(t)["testenv:release"] else "pass_env"])
    assert OIDC <= set(new) and not CREDENTIALS & set(new) and set(old) - CREDENTIALS <= set(new)
    assert set(new) - OIDC <= set(again) and not OIDC & set(again) and CREDENTIALS & set(again)  # OIDC ones taken back
    for t in (oidc, back):
        assert {k: v for k, v in read_ini(t).items() if k != "testenv:release"} == \
            {k: v for k, v in before.items() if k != "testenv:release"}


def test_to_token_keeps_the_oidc_variables_another_command_of_the_env_takes() -> None:
    text = ("[testenv:release]\ndeps = twine\n    sigstore\npassenv =\n    ACTIONS_ID_TOKEN_REQUEST_URL\n"
            "    ACTIONS_ID_TOKEN_REQUEST_TOKEN\ncommands =\n    python -m sigstore sign dist/*\n    twine upload dist/*\n")
    back = edit_target(Target("tox", Path("tox.ini"), "release"), text, False).new_text
    assert "ACTIONS_ID_TOKEN_REQUEST_TOKEN" in back and "TWINE_PASSWORD" in back  # sigstore signs with the token
    alone = text.replace("    python -m sigstore sign dist/*\n", "")
    back = edit_target(Target("tox", Path("tox.ini"), "release"), alone, False).new_text
    assert "ACTIONS_ID_TOKEN" not in back and "TWINE_PASSWORD" in back
