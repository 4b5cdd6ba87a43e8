"""Adding an uploader is one registered module: a toy tool, registered here, is found and converted
in a workflow step, a tox env, a Makefile target and a Python script, both directions, with no other
change to pubmode. Unregistered, the same repository publishes nothing pubmode can see."""
from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Dict

import pytest

from codemods.migrate import TO_OIDC, TO_TOKEN, Options
from codemods.runner import migrate_file
from codemods.uploaders import registry
from codemods.uploaders.spec import Credentials, Detection, IndexOptions, TrustedPublishing, Uploader

TOY = Uploader(
    name="shipit",
    detection=Detection(tool="shipit", subcommands=("push",)),
    credentials=Credentials(password_env=("SHIPIT_TOKEN",), password_flags=("--token",),
                            token_env=(("SHIPIT_TOKEN", "{secret}"),)),
    index=IndexOptions(url_flags=("--to",)),
    trusted=TrustedPublishing(flags=("--oidc",)),
)

WORKFLOW = """\
name: release
on:
  push:
    tags: ["v*"]
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: pypi
    steps:
      - uses: actions/checkout@v4
      - run: {run}
{env}"""

STEP_ENV = """\
        env:
          SHIPIT_TOKEN: ${{ secrets.PYPI_API_TOKEN }}
"""

CASES: Dict[str, tuple] = {
    "workflow step": ("shipit push --token ${{ secrets.PYPI_API_TOKEN }} dist/*", "", {}),
    "tox env": ("tox -e release", STEP_ENV, {
        "tox.ini": "[tox]\nenvlist = py\n\n[testenv:release]\npassenv = SHIPIT_TOKEN\ncommands =\n    shipit push dist/*\n"}),
    "Makefile target": ("make release", STEP_ENV, {
        "Makefile": "release:\n\tshipit push --token $(SHIPIT_TOKEN) dist/*\n"}),
    "Python script": ("python release.py", STEP_ENV, {
        "release.py": 'import os\nimport subprocess\n\nsubprocess.run(["shipit", "push", "--token", '
                      'os.environ["SHIPIT_TOKEN"], "dist/*"], check=True)\n'}),
}


def _repo(tmp_path: Path, run: str, env: str, files: Dict[str, str]) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    wf = tmp_path / ".github" / "workflows" / "release.yml"
    wf.parent.mkdir(parents=True)
    wf.write_text(WORKFLOW.format(run=run, env=env))
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return wf


def _write(result) -> None:
    assert result.error is None, result.error
    if result.new_text is not None:
        result.path.write_text(result.new_text)
    for c in result.companions:
        c.target.path.write_text(c.new_text)


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_registered_toy_uploader_is_migrated_everywhere(tmp_path: Path, case: str) -> None:
    run, env, files = CASES[case]
    wf = _repo(tmp_path, run, env, files)
    originals = {p: p.read_text() for p in [wf] + [tmp_path / n for n in files]}
    with registry.registered(TOY):
        oidc = migrate_file(wf, Options(TO_OIDC))
        _write(oidc)
        texts = "\n".join(p.read_text() for p in originals)
        assert "id-token: write" in wf.read_text()
        assert "secrets.PYPI_API_TOKEN" not in wf.read_text()
        if case != "Python script":  # argument lists only lose their credentials (no flag is added there)
            assert "--oidc" in texts, texts  # the toy's Trusted Publishing flag reached its command
        assert "--token" not in texts
        if case == "tox env":
            assert "ACTIONS_ID_TOKEN_REQUEST_URL" in (tmp_path / "tox.ini").read_text()
        back = migrate_file(wf, Options(TO_TOKEN))
        _write(back)
    assert "SHIPIT_TOKEN: ${{ secrets.PYPI_API_TOKEN }}" in wf.read_text()  # the toy's own to-token variable
    assert "id-token" not in wf.read_text()
    if case == "tox env":  # the passenv round trip: tox hands the toy its token again
        assert "SHIPIT_TOKEN" in (tmp_path / "tox.ini").read_text()


@pytest.mark.parametrize("case", sorted(CASES))
def test_unregistered_the_toy_is_not_seen(tmp_path: Path, case: str) -> None:
    run, env, files = CASES[case]
    wf = _repo(tmp_path, run, env, files)
    result = migrate_file(wf, Options(TO_OIDC))
    assert result.new_text is None or result.new_text == wf.read_text()
    assert not result.companions
    assert TOY not in registry.all_uploaders()
