"""Finding upload commands in scripts: a table of what counts, as zizmor tests its detector."""
from __future__ import annotations

import json

import pytest

from codemods.shell import commands, cut_span
from codemods.uploaders import registry
from codemods.uploaders.command_line import find_upload, match_command, parse_flags


def uploader_of(script: str):
    for cmd in commands(script):
        hit = find_upload(cmd)
        if hit is not None:
            return hit[0].name
    return None


@pytest.mark.parametrize(
    "script, expected",
    [
        ("twine upload dist/*", "twine"),
        ("python -m twine upload dist/*", "twine"),
        ("python3.11 -m twine upload --skip-existing dist/*", "twine"),
        ("pipx run twine upload dist/*", "twine"),
        ("pipx run --spec twine==6.1 twine upload dist/*", "twine"),
        ("uvx twine@6.2.0 upload dist/*", "twine"),
        ("uv run --with twine twine upload dist/*", "twine"),
        ("poetry run twine upload dist/*", "twine"),
        ("TWINE_PASSWORD=x twine upload dist/*", "twine"),
        ("python -m build && twine upload dist/*", "twine"),
        ("echo hi; \\\n  twine upload \\\n  dist/*", "twine"),
        ("twine check dist/*", None),
        ("pip install twine", None),
        ("# twine upload dist/*", None),
        ("uv publish", "uv"),
        ("uv build && uv publish --token $T", "uv"),
        ("uv run twine upload dist/*", "twine"),
        ("uv pip install twine", None),
        ("pdm publish --no-build", "pdm"),
        ("maturin upload wheels/*", "maturin"),
        ("maturin publish --skip-existing", "maturin"),
        ("maturin build --release", None),
        ("hatch publish", "hatch"),
        ("hatch build", None),
        ("poetry publish --build", "poetry"),
        ("poetry build", None),
        ("flit publish", "flit"),
        ("python setup.py sdist bdist_wheel upload", "setup.py upload"),
        ("python setup.py sdist bdist_wheel", None),
    ],
)
def test_detects_upload_commands(script: str, expected) -> None:
    assert uploader_of(script) == expected


def test_flags_are_read_with_their_values_and_offsets() -> None:
    script = 'twine upload -u __token__ --password="${{ secrets.X }}" -r testpypi dist/*'
    cmd = next(commands(script))
    twine = registry.by_name("twine")
    flags = parse_flags(twine, cmd.words[match_command(twine, cmd):])
    assert [(f.kind, f.text) for f in flags] == [("user", "__token__"), ("password", "${{ secrets.X }}"),
                                                 ("repo", "testpypi")]
    start, end = cut_span(script, flags[0].flag.start, flags[0].end)
    assert script[:start] + script[end:] == 'twine upload --password="${{ secrets.X }}" -r testpypi dist/*'


def test_a_flag_over_a_line_continuation_is_not_cut() -> None:
    script = "twine upload -p \\\n  $TOKEN dist/*"
    cmd = next(commands(script))
    twine = registry.by_name("twine")
    flag = parse_flags(twine, cmd.words[match_command(twine, cmd):])[0]
    assert cut_span(script, flag.flag.start, flag.end) is None


@pytest.mark.parametrize(
    "script, kinds",
    [
        ("twine upload --pass X dist/*", ["password"]),
        ("twine upload --passw=X --user u dist/*", ["password", "user"]),
        ("twine upload --repository-u https://test.pypi.org/legacy/ dist/*", ["url"]),
        ("twine upload --repo x dist/*", []),  # ambiguous (--repository, --repository-url): argparse refuses it
        ("pdm publish --pa X", ["password"]),
        ("uv publish --pass X", []),  # clap: no abbreviations
        ("uv publish -p X", ["password"]),
        ("maturin upload --pass X", []),
    ],
)
def test_argparse_prefixes_count_only_for_argparse_tools(script: str, kinds) -> None:
    up, at = find_upload(next(commands(script)))
    assert [f.kind for f in parse_flags(up, cmd_words(script)[at:])] == kinds


def cmd_words(script: str):
    return next(commands(script)).words


def test_a_commit_pin_from_before_v1_8_is_known_to_have_no_trusted_publishing() -> None:
    """APSL/django-kaio (and GitHub's old starter workflow) pin v1.4.2's commit `27b3170…`: to-oidc removed the
    password and kept the pin, so the next release could not publish; the doctor called the job trusted."""
    from codemods.publishers import gh_action

    assert gh_action.ref_version("27b31702a0e7fc50959f5ad993c78deac1bdfc29") == (1, 4, 2)
    assert gh_action.ref_version("27B31702A0E7FC50959F5AD993C78DEAC1BDFC29") == (1, 4, 2)
    assert not gh_action.has_trusted_publishing("27b31702a0e7fc50959f5ad993c78deac1bdfc29")
    assert not gh_action.has_trusted_publishing("c1b34028248d0c9f7d90fe29fef2122e2276ff6f")  # master's last commit
    for ok in ("81e9d935c883d0b210363ab89cf05f3894778450",  # v1.8.14
               "76f52bc884231f62b9a034ebfe128415bbaabdfc", "0" * 40):  # v1.12.4, a commit pubmode does not know
        assert gh_action.has_trusted_publishing(ok) and gh_action.pin_without_trusted_publishing(ok) is None
    assert "v1.4.2's commit" in gh_action.pin_without_trusted_publishing("27b31702a0e7fc50959f5ad993c78deac1bdfc29")


@pytest.mark.parametrize("comment, kept", [("  # v1.4.2", False), (" # tag=v1.4.2", False), ("  # master", False),
                                           ("  # Already uses Node.js 20", True), ("", True)])
def test_a_moved_ref_takes_the_comment_that_named_it(repo, comment: str, kept: bool) -> None:
    # `@<sha>  # v1.4.2` moved to `@release/v1` would keep naming the old release; any other comment stays
    # (pyeconomics 0.2.0 sdist, .github/workflows/tests.yml: `@v1.4.2  # Already uses Node.js 20`)
    from conftest import WORKFLOW

    repo.write(WORKFLOW, ("on:\n  push:\n    tags: ['v*']\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n"
                          "      - uses: pypa/gh-action-pypi-publish@v1.4.2" + comment + "\n        with:\n"
                          "          password: ${{ secrets.PYPI_API_TOKEN }}\n").encode())
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    assert ("      - uses: pypa/gh-action-pypi-publish@release/v1" + (comment if kept else "") + "\n").encode() in repo.read()


def test_a_tokenless_job_at_an_old_commit_pin_is_told_it_cannot_publish(repo) -> None:
    from conftest import WORKFLOW

    repo.write(WORKFLOW, b"on:\n  push:\n    tags: ['v*']\njobs:\n  release:\n    runs-on: ubuntu-latest\n"
                         b"    permissions:\n      id-token: write\n    steps:\n      - uses: pypa/gh-action-pypi-publish@"
                         b"27b31702a0e7fc50959f5ad993c78deac1bdfc29\n")
    out = repo.migrate("to-oidc", "--dry-run")
    assert "cannot publish: it is pinned to `27b31702a0e7…`, v1.4.2's commit" in out.stderr, out.stderr
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    assert "unsupported-action-ref" in [f["id"] for f in data["files"][0]["findings"]]


HAND_OVER = """on:
  push:
    tags: ['v*']
jobs:
{other}  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd  # v6.0.2
      - run: poetry publish --build
        env:
          POETRY_PYPI_TOKEN_PYPI: ${{{{ secrets.PYPI_TOKEN }}}}
"""
OTHER = """  testpypi:
    runs-on: ubuntu-latest
    steps:
      - uses: pypa/gh-action-pypi-publish@{sha}  # {tag}
        with:
          repository-url: https://test.pypi.org/legacy/
          password: ${{{{ secrets.TEST_PYPI_TOKEN }}}}
"""


@pytest.mark.parametrize("other, uses, warned", [
    ("", "pypa/gh-action-pypi-publish@release/v1", True),  # groq/groq-python: every action pinned by SHA
    (OTHER.format(sha="81e9d935c883d0b210363ab89cf05f3894778450", tag="v1.8.14"),
     "pypa/gh-action-pypi-publish@81e9d935c883d0b210363ab89cf05f3894778450  # v1.8.14", False),
    (OTHER.format(sha="27b31702a0e7fc50959f5ad993c78deac1bdfc29", tag="v1.4.2"),  # never a pin without TP
     "pypa/gh-action-pypi-publish@release/v1", True),
])
def test_a_handed_over_upload_follows_the_file_s_pins(repo, other: str, uses: str, warned: bool) -> None:
    from conftest import WORKFLOW

    repo.write(WORKFLOW, HAND_OVER.format(other=other).encode())
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    assert f"uses: {uses}\n" in repo.read().decode(), repo.read().decode()
    assert ("has no pin of `pypa/gh-action-pypi-publish`" in out.stderr) == warned, out.stderr


PYPIRC_JOB = """on:
  push:
    tags: ['v*']
jobs:
  release:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - name: Write .pypirc
        run: |
          cat > ~/.pypirc <<EOF
          [pypi]
          username = __token__
          password = ${{{{ secrets.PYPI_TOKEN }}}}
          EOF
      - run: twine upload {args}dist/*
"""


@pytest.mark.parametrize("args", ["", "-r azure "])
def test_a_twine_upload_that_reads_a_pypirc_the_job_writes_uses_its_password(repo, args: str) -> None:
    """Unstructured-IO/unstructured writes a .pypirc with a password, then `twine upload -r azure`: the doctor
    called it trusted and to-token kept `id-token: write` for it. twine reads the password there."""
    from conftest import WORKFLOW

    repo.write(WORKFLOW, PYPIRC_JOB.format(args=args).encode())
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    assert [s["mode"] for j in data["files"][0]["jobs"] for s in j["steps"]] == ["token"], data
    out = repo.migrate("to-oidc", "--dry-run")
    assert out.code == 0 and "id-token" not in out.stdout, out.stderr
    if not args:
        assert "reads a .pypirc written by step `Write .pypirc`: twine takes the password from that file" in out.stderr


@pytest.mark.parametrize("line, upload", [("uv publish --dry-run", False), ("poetry publish --dry-run --build", False),
                                          ("uv publish", True), ("twine upload --dry-run dist/*", True)])
def test_a_dry_run_is_no_upload(line: str, upload: bool) -> None:
    # bo4e/BO4E-python packaging_test.yml: `uv publish --dry-run` on every push uploads nothing, and was given
    # id-token, an environment and a publisher; twine has no such option (it is not its dry run)
    assert (find_upload(next(iter(commands(line)))) is not None) is upload
