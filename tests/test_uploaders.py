"""Finding upload commands in scripts: a table of what counts, as zizmor tests its detector."""
from __future__ import annotations

import pytest

from codemods.migrate import RUN_UPLOADERS
from codemods.publishers.uploaders import match_command, parse_flags
from codemods.shell import commands, cut_span


def uploader_of(script: str):
    for cmd in commands(script):
        for up in RUN_UPLOADERS:
            if match_command(up, cmd) is not None:
                return up.name
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
    twine = RUN_UPLOADERS[0]
    flags = parse_flags(twine, cmd.words[match_command(twine, cmd):])
    assert [(f.kind, f.text) for f in flags] == [("user", "__token__"), ("password", "${{ secrets.X }}"),
                                                 ("repo", "testpypi")]
    start, end = cut_span(script, flags[0].flag.start, flags[0].end)
    assert script[:start] + script[end:] == 'twine upload --password="${{ secrets.X }}" -r testpypi dist/*'


def test_a_flag_over_a_line_continuation_is_not_cut() -> None:
    script = "twine upload -p \\\n  $TOKEN dist/*"
    cmd = next(commands(script))
    twine = RUN_UPLOADERS[0]
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
    cmd = next(commands(script))
    for up in RUN_UPLOADERS:
        at = match_command(up, cmd)
        if at is not None:
            assert [f.kind for f in parse_flags(up, cmd.words[at:])] == kinds
            return
    raise AssertionError("no uploader matched")
