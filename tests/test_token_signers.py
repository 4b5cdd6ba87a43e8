"""to-token and the steps of the job that use its OIDC token for themselves. A step that signs PyPI attestations
(`python -m pypi_attestations sign`, sqlalchemy/sqlalchemy's create-wheels.yaml at f35da7e2: the golden case
to-token-pypi-attestations-sign) loses `id-token: write` with a token, which PyPI refuses attestations from: with
`continue-on-error` it is said (not "no job needs it"); without, it would fail the job, which is refused. A step
that signs for something else (`sigstore sign` for the GitHub release) keeps the permission."""
from __future__ import annotations

import pytest

from conftest import WORKFLOW, Repo

JOB = """on:
  release:
    types: [created]
permissions:
  id-token: write
  contents: write
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: pip install build && python -m build
      - name: Sign
{extra}        run: {sign}
      - run: pip install 'twine>=6.1' && twine upload dist/*
"""


def _write(repo: Repo, sign: str, extra: str = "") -> bytes:
    repo.write(WORKFLOW, JOB.format(sign=sign, extra=extra).encode())
    repo.write("pyproject.toml", b"[project]\nname = 'widget'\n")
    return repo.read()


def test_a_signer_that_would_fail_the_job_refuses_it(repo: Repo) -> None:
    _write(repo, "python -m pypi_attestations sign dist/*")
    out = repo.migrate("to-token")
    after = repo.read().decode()
    assert "TWINE_PASSWORD" not in after and "      id-token: write\n" in after  # narrowed to the job, kept
    assert ("job `build` not converted: step `Sign` in job `build` (line 12) signs PEP 740 attestations with the "
            "job's OIDC token") in out.stderr, out.stderr
    assert "no job needs it" not in out.stderr


def test_a_signer_that_may_fail_is_said_and_loses_the_permission(repo: Repo) -> None:
    _write(repo, "pypi-attestations sign dist/*", extra="        continue-on-error: true\n")
    out = repo.migrate("to-token")
    assert "id-token" not in repo.read().decode()
    assert "no job needs it" not in out.stderr
    assert ("step `Sign` in job `build` (line 12) signs PEP 740 attestations with the job's OIDC token: without "
            "`id-token: write` it now fails") in out.stderr, out.stderr


@pytest.mark.parametrize("sign", ["python -m sigstore sign dist/*", "sigstore sign --bundle x.sigstore.json dist/*"])
def test_a_sigstore_signature_keeps_the_permission(repo: Repo, sign: str) -> None:
    _write(repo, sign)
    out = repo.migrate("to-token")
    assert "  id-token: write\n" in repo.read().decode(), out.stderr
    assert "no job needs it" not in out.stderr
