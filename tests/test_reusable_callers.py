"""A reusable workflow's declared secret is filled by its callers: to-oidc names the callers' secrets to revoke
and says that the callers' `secrets:` entries and the declaration go together; to-token reads the declared name
back (btschwertfeger/python-cmethods, stranger11b W5/W6; the golden case reusable-callers-pass-token)."""
from __future__ import annotations

import json

from conftest import WORKFLOW, Repo

CALLEE = """on:
  workflow_call:
    secrets:
      API_TOKEN:
        required: true
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      - uses: actions/download-artifact@v4
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{ secrets.API_TOKEN }}
"""
CALLER = """on:
  release:
    types: [published]
jobs:
  upload:
    uses: ./.github/workflows/release.yml
    secrets:
      API_TOKEN: ${{ secrets.MY_PYPI_TOKEN }}
"""
CICD = ".github/workflows/cicd.yml"
NO_LONGER = "`release.yml` no longer reads `API_TOKEN`, the secret it declares under `on.workflow_call.secrets`"


def _repo(repo: Repo, callee: str = CALLEE, caller: str = CALLER) -> Repo:
    repo.write(WORKFLOW, callee.encode())
    if caller:
        repo.write(CICD, caller.encode())
    return repo


def _steps(out) -> str:
    return out.stderr.split("Next steps:", 1)[1]


def test_to_oidc_names_the_callers_secret_and_the_entry_to_remove(repo: Repo) -> None:
    steps = _steps(_repo(repo).migrate("to-oidc", "--dry-run"))
    assert "delete the secret no longer used (MY_PYPI_TOKEN)" in steps
    assert "API_TOKEN)" not in steps
    assert (NO_LONGER + " (required) for its callers to fill: `cicd.yml` line 8 (job `upload`) passes "
            "`secrets.MY_PYPI_TOKEN`. Remove that `secrets:` entry and the declaration in one change") in steps


def test_json_revokes_the_callers_secret(repo: Repo) -> None:
    data = json.loads(_repo(repo).migrate("to-oidc", "--dry-run", "--format", "json").stdout)["next_steps"]
    assert data["revoke_secrets"] == ["MY_PYPI_TOKEN"]
    assert any(n.startswith(NO_LONGER) for n in data["find_and_revoke"])


def test_a_caller_that_reads_the_secret_elsewhere_keeps_it(repo: Repo) -> None:
    caller = CALLER + ("  notify:\n    runs-on: ubuntu-latest\n    steps:\n"
                       "      - run: echo ${{ secrets.MY_PYPI_TOKEN != '' }}\n")
    steps = _steps(_repo(repo, caller=caller).migrate("to-oidc", "--dry-run"))
    assert "The secret `MY_PYPI_TOKEN` is no longer used by the converted uploads but is still read by " \
           "`.github/workflows/cicd.yml`" in steps
    assert "delete the secret no longer used" not in steps


def test_secrets_inherit_means_the_repository_secret_of_that_name(repo: Repo) -> None:
    caller = CALLER.replace("    secrets:\n      API_TOKEN: ${{ secrets.MY_PYPI_TOKEN }}\n", "    secrets: inherit\n")
    steps = _steps(_repo(repo, caller=caller).migrate("to-oidc", "--dry-run"))
    assert "delete the secret no longer used (API_TOKEN)" in steps
    assert "passes `secrets: inherit` (so the repository secret `API_TOKEN`). Remove the declaration " \
           "(`secrets: inherit` needs no change)." in steps


def test_no_caller_in_the_repository(repo: Repo) -> None:
    steps = _steps(_repo(repo, caller="").migrate("to-oidc", "--dry-run"))
    assert "delete the secret" not in steps.replace("then delete the secret it passed", "")
    assert "none of this repository calls it, so they are elsewhere, where pubmode cannot see them" in steps


def test_a_workflow_also_run_on_its_own_reads_the_repository_secret_too(repo: Repo) -> None:
    callee = CALLEE.replace("on:\n", "on:\n  workflow_dispatch:\n", 1)
    steps = _steps(_repo(repo, callee=callee).migrate("to-oidc", "--dry-run"))
    assert "delete the secrets no longer used (API_TOKEN, MY_PYPI_TOKEN)" in steps


def _after_oidc(repo: Repo, callee: str = CALLEE) -> Repo:
    _repo(repo, callee=callee)
    assert repo.migrate("to-oidc").code == 0
    return repo


def test_to_token_reads_the_declared_secret_back(repo: Repo) -> None:
    out = _after_oidc(repo).migrate("to-token")
    assert "password: ${{ secrets.API_TOKEN }}" in repo.read().decode()
    assert "declares its secrets: add" not in out.stderr
    assert "`cicd.yml` line 8 (job `upload`) fills it from `MY_PYPI_TOKEN`" in out.stderr
    assert "- Create the secret `MY_PYPI_TOKEN` holding a PyPI API token" in _steps(out)


def test_the_secret_option_wins(repo: Repo) -> None:
    out = _after_oidc(repo).migrate("to-token", "--secret", "OTHER")
    assert "password: ${{ secrets.OTHER }}" in repo.read().decode()
    assert "add `OTHER` under `on.workflow_call.secrets`" in out.stderr


def test_no_declaration_keeps_the_default(repo: Repo) -> None:
    callee = CALLEE.replace("    secrets:\n      API_TOKEN:\n        required: true\n", "")
    _repo(repo, callee=callee, caller=CALLER.replace("    secrets:\n      API_TOKEN: ${{ secrets.MY_PYPI_TOKEN }}\n",
                                                      "    secrets: inherit\n"))
    assert repo.migrate("to-oidc").code == 0
    repo.migrate("to-token")
    assert "password: ${{ secrets.PYPI_API_TOKEN }}" in repo.read().decode()


TWO = """on:
  workflow_call:
    secrets:
      CODECOV_TOKEN:
        required: true
      PYPI_TOKEN:
        required: true
      TEST_PYPI_TOKEN:
        required: true
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      - run: codecov --token ${{ secrets.CODECOV_TOKEN }}
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          repository-url: https://test.pypi.org/legacy/
          attestations: false
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          attestations: false
"""
TWO_CALLER = """on: push
jobs:
  upload:
    uses: ./.github/workflows/release.yml
    secrets:
      CODECOV_TOKEN: ${{ secrets.CODECOV_TOKEN }}
      PYPI_TOKEN: ${{ secrets.PROD }}
      TEST_PYPI_TOKEN: ${{ secrets.STAGING }}
"""


def test_each_index_takes_its_declared_secret(repo: Repo) -> None:
    data = json.loads(_repo(repo, callee=TWO, caller=TWO_CALLER).migrate("to-token", "--dry-run", "--format",
                                                                          "json").stdout)
    assert data["next_steps"]["create_secrets"] == ["PROD", "STAGING"]
    assert data["next_steps"]["create_secret_testpypi"] == ["STAGING"]
    out = repo.migrate("to-token")
    text = repo.read().decode()
    assert "password: ${{ secrets.TEST_PYPI_TOKEN }}" in text and "password: ${{ secrets.PYPI_TOKEN }}" in text
    steps = _steps(out)
    assert "- Create the secret `PROD` holding a PyPI API token" in steps
    assert "- Create the secret `STAGING` holding a TestPyPI API token (from test.pypi.org)" in steps


def test_another_services_token_is_not_taken(repo: Repo) -> None:
    callee = CALLEE.replace("API_TOKEN", "GH_TOKEN")
    _after_oidc(repo, callee=callee)
    out = repo.migrate("to-token")
    assert "password: ${{ secrets.PYPI_API_TOKEN }}" in repo.read().decode()
    assert "add `PYPI_API_TOKEN` under `on.workflow_call.secrets`" in out.stderr


def test_a_secret_a_caller_fills_from_a_pypi_secret_is_taken(repo: Repo) -> None:
    _repo(repo, callee=CALLEE.replace("API_TOKEN", "CREDENTIAL"),
          caller=CALLER.replace("API_TOKEN", "CREDENTIAL").replace("MY_PYPI_TOKEN", "PYPI_UPLOAD"))
    assert repo.migrate("to-oidc").code == 0
    repo.migrate("to-token")
    assert "password: ${{ secrets.CREDENTIAL }}" in repo.read().decode()


# langchain-ai/langchain-aws `_release.yml` (stranger12b W3): `workflow_call` and `workflow_dispatch`, called by nothing
DUAL = """on:
  workflow_call:
  workflow_dispatch:
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{ secrets.PYPI_API_TOKEN }}
"""


def test_a_reusable_workflow_run_on_its_own_and_called_by_nothing_is_a_top_level_one(repo: Repo) -> None:
    repo.write(WORKFLOW, DUAL.encode())
    out = repo.migrate("to-oidc")
    assert out.code == 0 and "reusable-workflow-publisher" not in out.stderr, out.stderr
    assert "id-token: write" in repo.read().decode() and "attestations: false" not in repo.read().decode()
    assert "nothing in this repository calls it: run by `workflow_dispatch` it is the top-level workflow" in out.stderr
    doctor = repo.migrate("doctor")
    assert "reusable-workflow-publisher" not in doctor.stdout and "register on PyPI:" in doctor.stdout


def test_a_reusable_workflow_run_on_its_own_but_called_here_stays_reusable(repo: Repo) -> None:
    repo.write(WORKFLOW, DUAL.encode())
    repo.write(CICD, CALLER.encode())
    out = repo.migrate("to-oidc")
    assert "not converted [reusable-workflow-publisher]" in out.stderr, out.stderr
