"""Upload credentials handed on through `$GITHUB_ENV` by an earlier step of the job (`echo "TWINE_PASSWORD=${{
secrets.PYPI_API_TOKEN }}" >> $GITHUB_ENV`, lfit/gerrit-to-platform 0.1.0): the doctor reads a token upload, to-oidc
cuts the line (or the step it was the only command of) or refuses with the reason, to-token after it gives the token
back. Golden cases: tests/golden/github-env-*."""
from __future__ import annotations

import pytest

from conftest import WORKFLOW, Repo
from codemods.engine.document import load_data

HEAD = """on:
  push:
    tags: ["v*"]
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
"""
UPLOAD = "      - run: twine upload dist/*\n"


def _writer(script: str, extra: str = "") -> str:
    body = "".join(f"          {line}\n" for line in script.splitlines())
    return f"      - name: Credentials\n{extra}        run: |\n{body}"


@pytest.mark.parametrize("line", [
    'echo "TWINE_PASSWORD=${{ secrets.PYPI_API_TOKEN }}" >> $GITHUB_ENV',
    'echo "TWINE_PASSWORD=${{ secrets.PYPI_API_TOKEN }}" >> "$GITHUB_ENV"',
    "echo TWINE_PASSWORD=${{ secrets.PYPI_API_TOKEN }} >>$GITHUB_ENV",
    'echo "TWINE_PASSWORD=${{ secrets.PYPI_API_TOKEN }}" >> ${GITHUB_ENV}',
    "printf 'TWINE_PASSWORD=%s\\n' \"${{ secrets.PYPI_API_TOKEN }}\" >> \"$GITHUB_ENV\"",
    'echo "TWINE_PASSWORD=${{ secrets.PYPI_API_TOKEN }}" | tee -a "$GITHUB_ENV"',
    'echo "TWINE_PASSWORD=${{ secrets.PYPI_API_TOKEN }}" | tee --append $GITHUB_ENV > /dev/null',
    "cat >> $GITHUB_ENV <<EOF\nTWINE_PASSWORD=${{ secrets.PYPI_API_TOKEN }}\nEOF",
    "cat <<'EOF' >> \"$GITHUB_ENV\"\nTWINE_PASSWORD=${{ secrets.PYPI_API_TOKEN }}\nEOF",
])
def test_every_spelling_is_a_token_upload_and_goes(repo: Repo, line: str) -> None:
    repo.write(WORKFLOW, (HEAD + _writer("echo \"VERSION=1\" >> $GITHUB_ENV\n" + line) + UPLOAD).encode())
    doctor = repo.migrate("doctor")
    assert "twine to pypi (token)" in doctor.stdout
    assert "`TWINE_PASSWORD` from $GITHUB_ENV (written by step `Credentials`, line 9)" in doctor.stdout
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    text = repo.read().decode()
    assert "PYPI_API_TOKEN" not in text and "VERSION=1" in text
    assert "removed the line writing `TWINE_PASSWORD` to $GITHUB_ENV from step `Credentials` (line 9)" in out.stderr
    assert "delete the secret no longer used (PYPI_API_TOKEN)" in out.stderr
    repo.migrate("to-token")
    steps = load_data(repo.read().decode())["jobs"]["publish"]["steps"]
    assert steps[-1]["env"]["TWINE_PASSWORD"] == "${{ secrets.PYPI_API_TOKEN }}", "the round trip gives the token back"


def test_a_step_that_only_handed_on_the_token_goes_with_its_mask(repo: Repo) -> None:
    repo.write(WORKFLOW, (HEAD + _writer('echo "::add-mask::${{ secrets.PYPI_TOKEN }}"\n'
                                         'echo "UV_PUBLISH_TOKEN=${{ secrets.PYPI_TOKEN }}" >> $GITHUB_ENV')
                          + "      - run: uv publish\n").encode())
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    text = repo.read().decode()
    assert "Credentials" not in text and "add-mask" not in text and "PYPI_TOKEN" not in text
    assert "removed step `Credentials` (line 9): it only wrote `UV_PUBLISH_TOKEN` to $GITHUB_ENV" in out.stderr


def test_a_mask_alone_is_no_credential(repo: Repo) -> None:
    repo.write(WORKFLOW, (HEAD + _writer('echo "::add-mask::${{ secrets.PYPI_TOKEN }}"') + UPLOAD).encode())
    assert "twine to pypi (trusted)" in repo.migrate("doctor").stdout


@pytest.mark.parametrize("writer, why", [
    (_writer('if [ -n "$RELEASE" ]; then\n  echo "TWINE_PASSWORD=${{ secrets.T }}" >> $GITHUB_ENV\nfi'),
     "inside a block it is the only command of: remove it by hand"),
    (_writer('echo "VERSION=1 TWINE_PASSWORD=${{ secrets.T }}" >> $GITHUB_ENV'),
     "it writes other variables on the same line: remove it by hand"),
    (_writer('echo "TWINE_PASSWORD=${{ secrets.T }}" >> $GITHUB_ENV', extra="        id: creds\n")
     + "      - if: steps.creds.outcome == 'success'\n        run: echo ok\n",
     "only writes `TWINE_PASSWORD` to $GITHUB_ENV, but other steps read its `steps.creds` result"),
])
def test_a_write_that_cannot_be_cut_alone_is_a_one_line_refusal(repo: Repo, writer: str, why: str) -> None:
    repo.write(WORKFLOW, (HEAD + writer + UPLOAD).encode())
    before = repo.read()
    assert "(token)" in repo.migrate("doctor").stdout
    out = repo.migrate("to-oidc")
    assert out.code == 0 and repo.read() == before
    assert why in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize("workflow", [
    # written after the upload, or in another job: the upload never sees it
    HEAD + UPLOAD + _writer('echo "TWINE_PASSWORD=${{ secrets.T }}" >> $GITHUB_ENV'),
    HEAD + _writer('echo "TWINE_PASSWORD=${{ secrets.T }}" >> $GITHUB_ENV')
    + "  other:\n    runs-on: ubuntu-latest\n    steps:\n" + UPLOAD,
    # PowerShell writes the file its own way; a value tied to no secret (minted from the OIDC token) is no token
    HEAD + _writer('echo "TWINE_PASSWORD=${{ secrets.T }}" >> $GITHUB_ENV', extra="        shell: pwsh\n") + UPLOAD,
    HEAD + _writer('echo "TWINE_PASSWORD=${api_token}" >> "${GITHUB_ENV}"') + UPLOAD,
])
def test_writes_the_upload_does_not_see_are_not_its_token(repo: Repo, workflow: str) -> None:
    repo.write(WORKFLOW, workflow.encode())
    assert "(trusted)" in repo.migrate("doctor").stdout


def test_a_variable_another_step_reads_blocks_the_change(repo: Repo) -> None:
    repo.write(WORKFLOW, (HEAD + _writer('echo "TWINE_PASSWORD=${{ secrets.T }}" >> $GITHUB_ENV')
                          + "      - run: ./check-token.sh \"$TWINE_PASSWORD\"\n" + UPLOAD).encode())
    before = repo.read()
    out = repo.migrate("to-oidc")
    assert repo.read() == before
    assert ("`TWINE_PASSWORD` is written to $GITHUB_ENV by step `Credentials` (line 9) and also read by step 3 in job "
            "`publish`; give those steps the variable themselves, then run again") in out.stderr


def test_two_uploads_of_one_written_token_both_convert(repo: Repo) -> None:
    repo.write(WORKFLOW, (HEAD + _writer('echo "TWINE_PASSWORD=${{ secrets.T }}" >> $GITHUB_ENV')
                          + "      - run: twine upload -r testpypi dist/*\n" + UPLOAD).encode())
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    text = repo.read().decode()
    assert "secrets.T" not in text and "Credentials" not in text
