"""Reads of a credential variable that a migration would remove: each blocks the job."""
from __future__ import annotations

import pytest

from codemods.readers import reads


@pytest.mark.parametrize("text", [
    "env.TWINE_PASSWORD != ''",
    "${{ env['TWINE_PASSWORD'] }}",
    '${{ ENV["TWINE_PASSWORD"] }}',
    'test -n "$TWINE_PASSWORD"',
    'echo "${TWINE_PASSWORD:-none}"',
    "printenv TWINE_PASSWORD",
    'os.environ["TWINE_PASSWORD"]',
    "os.environ.get('TWINE_PASSWORD')",
    'os.getenv("TWINE_PASSWORD")',
    "commands = twine upload -p {env:TWINE_PASSWORD} dist/*",
])
def test_every_reader_counts(text: str) -> None:
    assert reads(text, "TWINE_PASSWORD") is not None


@pytest.mark.parametrize("text", [
    "twine upload dist/*",
    "echo $TWINE_PASSWORD_FILE",
    "env.TWINE_PASSWORDS",
    "TWINE_PASSWORD is documented in the README",
])
def test_other_text_is_no_reader(text: str) -> None:
    assert reads(text, "TWINE_PASSWORD") is None


def test_an_expression_in_another_step_blocks_the_job(repo) -> None:
    from conftest import WORKFLOW

    repo.write(WORKFLOW, b"""on: push
jobs:
  publish:
    runs-on: ubuntu-latest
    env:
      TWINE_PASSWORD: ${{ secrets.PYPI_TOKEN }}
    steps:
      - run: twine upload dist/*
      - uses: some/notify@v1
        with:
          configured: ${{ env['TWINE_PASSWORD'] != '' }}
""")
    before = repo.read()
    out = repo.migrate("to-oidc")
    assert repo.read() == before
    assert "job `publish` not converted: `TWINE_PASSWORD`" in out.stderr and "line 11" in out.stderr
