"""What to-token says about a job's permissions block: the block to-oidc would have written for a job
without one is named (deleting it returns to the default token, which pubmode never does itself);
a block in any other shape was written by hand and is left without a word."""
from __future__ import annotations

import pytest

from conftest import WORKFLOW, Repo


@pytest.mark.parametrize("block, noted", [
    ("      contents: write\n      id-token: write\n", True),  # what to-oidc writes for a job that pushes
    ("      id-token: write\n      contents: write\n", False),  # pdm-project/pdm, samuelcolvin/watchfiles: by hand
])
def test_to_token_names_a_block_to_oidc_may_have_written(repo: Repo, block: str, noted: bool) -> None:
    repo.write(WORKFLOW, ("""on: push
jobs:
  release:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
""" + block + """    steps:
      - uses: actions/checkout@v4
      - run: git push origin HEAD
      - uses: pypa/gh-action-pypi-publish@release/v1
""").encode())
    out = repo.migrate("to-token")
    assert out.code == 0, out.stderr
    assert ("keeps its permissions block" in out.stderr) is noted


NOX_RELEASE = """on: [push, pull_request]
jobs:
  tests:
    runs-on: ubuntu-latest
    steps:
      - run: nox -s "${{ matrix.session }}"
  publish_release:
    needs: tests
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Publish documentation
        run: nox -s publish
      - name: Build wheel and create github release
        run: nox -s release -- ${{ secrets.GITHUB_TOKEN }}
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{ secrets.PYPI_API_TOKEN }}
"""
NOXFILE = b'''import nox

@nox.session
def publish(session):
    session.run("mkdocs", "gh-deploy")

@nox.session
def release(session):
    session.run("twine", "upload", "dist/*", "-u", "__token__")
'''


def test_the_files_a_job_runs_and_a_script_given_the_token_keep_their_scopes(repo: Repo) -> None:
    # smarie/python-pytest-cases: `nox -s publish` runs `mkdocs gh-deploy` (a push), and `nox -s release -- ${{
    # secrets.GITHUB_TOKEN }}` creates the GitHub release: the job's new block keeps `contents: write`; a twine call
    # with `-u __token__` and no password is no upload with a token (the test job is left alone, the file unchanged)
    repo.write(".github/workflows/release.yml", NOX_RELEASE.encode())
    repo.write("noxfile.py", NOXFILE)
    out = repo.migrate("to-oidc", "--dry-run")
    assert out.code == 0, out.stderr
    assert "+      contents: write\n+      id-token: write" in out.stdout
    assert "noxfile.py" not in out.stdout and "job `tests`" not in out.stderr
    assert "its script is given the GITHUB_TOKEN" in out.stderr



def test_a_removed_secret_another_workflow_reads_is_named_with_its_reader(repo: Repo) -> None:
    # cloudflare/cloudflare-python: release-doctor.yml checks that the token secret exists; the revoke step was
    # silently left out. The secret stays, and the report says which file still reads it.
    from conftest import TOKEN_WORKFLOW

    repo.write(".github/workflows/release.yml", TOKEN_WORKFLOW)
    repo.write(".github/workflows/release-doctor.yml", b"""on: pull_request
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - run: bash ./bin/check-release-environment
        env:
          PYPI_TOKEN: ${{ secrets.PYPI_API_TOKEN }}
""")
    out = repo.migrate("to-oidc", "--dry-run")
    assert "revoke the API token it holds on PyPI" not in out.stderr
    assert ("The secret `PYPI_API_TOKEN` is no longer used by the converted uploads but is still read by "
            "`.github/workflows/release-doctor.yml`") in out.stderr


PAT_CHECKOUT = """on:
  push:
    tags: ["v*"]
jobs:
  release:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      - uses: actions/checkout@v4
        with:
          token: ${{{{ {token} }}}}
      - run: python -m build
      - uses: pypa/gh-action-pypi-publish@release/v1
"""


@pytest.mark.parametrize("token, warned", [("secrets.HAYSTACK_BOT_TOKEN", False), ("secrets.GITHUB_TOKEN", True),
                                           ("github.token", True)])
def test_a_checkout_with_its_own_token_needs_no_contents_scope(repo: Repo, token: str, warned: bool) -> None:
    # deepset-ai/haystack-core-integrations: the checkout brings a bot's PAT; the doctor's "add `contents: read`"
    # would widen the job's token for nothing
    repo.write(".github/workflows/release.yml", PAT_CHECKOUT.format(token=token).encode())
    assert ("permissions-drop-contents" in repo.migrate("doctor").stdout) == warned


@pytest.mark.parametrize("script, own", [
    ('git remote set-url --push origin "https://$PAT@github.com/o/r.git"\ngit push\ngit push --tags', True),
    ('git push "https://x-access-token:${{ secrets.PAT }}@github.com/o/r.git" HEAD:main', True),
    ('git remote add mirror "https://$PAT@github.com/o/r.git"\ngit push origin main', False),  # origin: the token
    ("git push origin main", False),
    ('git clone "https://$PAT@github.com/o/other.git"\ngit push', False),  # which tree pushes: not read
])
def test_a_push_with_its_own_credential_needs_no_write_scope(script: str, own: bool) -> None:
    """Jammy2211/PyAutoBuild sets its push remote to a URL with a PAT and pushes to other repositories: to-oidc
    granted `contents: write` there, broadening the job's token (README: a step that brings its own token adds
    nothing)."""
    from codemods.token_needs import job_token_needs, pushes_with_own_credential

    assert pushes_with_own_credential(script) == own
    job = {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@v4"}, {"run": script}]}
    assert job_token_needs(job).scopes.get("contents") == ("read" if own else "write")


def test_a_checkout_with_its_own_token_makes_pushes_need_nothing_of_the_job_token() -> None:
    from codemods.token_needs import job_token_needs

    job = {"steps": [{"uses": "actions/checkout@v4", "with": {"token": "${{ secrets.PAT }}"}},
                     {"run": "git tag v1 && git push --tags"}]}
    assert job_token_needs(job).scopes.get("contents") == "read"


def test_to_token_keeps_id_token_for_an_npm_publish_in_the_job(repo: Repo) -> None:
    """splunk/addonfactory-ucc-generator: `npm publish --provenance` after the PyPI upload needs the OIDC token;
    to-token removed `id-token: write`."""
    repo.write(WORKFLOW, b"on:\n  push:\n    tags: ['v*']\njobs:\n  release:\n    runs-on: ubuntu-latest\n"
                         b"    permissions:\n      contents: read\n      id-token: write\n    steps:\n"
                         b"      - uses: pypa/gh-action-pypi-publish@release/v1\n"
                         b"      - run: npm publish --provenance --access public\n")
    out = repo.migrate("to-token")
    assert out.code == 0, out.stderr
    assert b"id-token: write" in repo.read(), out.stderr


@pytest.mark.parametrize("inputs, kept", [
    ("aws_assume_role: ${{ vars.AWS_ROLE_ARN }}", True),  # launchdarkly/gh-actions release-secrets
    ("role-to-assume: arn:aws:iam::1:role/r", True),
    ("use_oidc: false", False),  # asked not to
    ("ssm_parameter_pairs: /p = X", False),  # nothing of a login
])
def test_to_token_keeps_id_token_for_an_unknown_action_that_logs_in_with_it(repo: Repo, inputs: str, kept: bool) -> None:
    # launchdarkly/python-server-sdk-ai release-please.yml: the PyPI token comes from AWS SSM through an OIDC
    # role; without id-token the role assumption fails and the release with it
    repo.write(WORKFLOW, ("on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    permissions:\n"
                          "      id-token: write\n      contents: read\n    steps:\n"
                          "      - uses: example/release-secrets@v1\n        with:\n"
                          f"          {inputs}\n"
                          "      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n"
                          "          password: ${{ env.PYPI_AUTH_TOKEN }}\n").encode())
    repo.migrate("to-token")
    assert (b"id-token: write" in repo.read()) is kept


@pytest.mark.parametrize("set_in_file, said", [(False, True), (True, False), ("workflow", False)])
def test_to_oidc_names_the_step_that_fetched_a_run_time_token(repo: Repo, set_in_file, said: bool) -> None:
    # launchdarkly/python-server-sdk-ai: `password: ${{ env.PYPI_AUTH_TOKEN }}`, set by a step that reads AWS SSM;
    # a workflow-level `env:` that sets it from a secret is no run-time fetch
    env = "    env:\n      PYPI_AUTH_TOKEN: ${{ secrets.T }}\n" if set_in_file is True else ""
    top = "env:\n  PYPI_AUTH_TOKEN: ${{ secrets.T }}\n" if set_in_file == "workflow" else ""
    repo.write(WORKFLOW, ("on: push\n" + top + "jobs:\n  publish:\n    runs-on: ubuntu-latest\n" + env + "    permissions:\n"
                          "      id-token: write\n    steps:\n"
                          "      - name: Get PyPI token\n        uses: example/release-secrets@v1\n        with:\n"
                          "          ssm_parameter_pairs: '/releasing/pypi/token = PYPI_AUTH_TOKEN'\n"
                          "      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n"
                          "          password: ${{ env.PYPI_AUTH_TOKEN }}\n").encode())
    out = repo.migrate("to-oidc", "--dry-run")
    note = "took its token from `env.PYPI_AUTH_TOKEN`, set by step `Get PyPI token`, which sets it at run time"
    assert (note in out.stderr) is said, out.stderr


def test_to_token_names_an_emptied_block_to_oidc_may_have_written(repo: Repo) -> None:
    """carbonplan/ndpyramid's round trip: to-oidc gave its upload job (no block before) `permissions: id-token:
    write` only; to-token leaves `permissions: {}` and, as for a block with other scopes, says where it came from."""
    from pathlib import Path

    case = Path(__file__).parent / "golden" / "release-only-upload-ndpyramid"
    repo.write("pyproject.toml", (case / "pyproject.toml").read_bytes())
    repo.write(WORKFLOW, (case / "to-oidc.yml").read_bytes())
    out = repo.migrate("to-token")
    assert out.code == 0, out.stderr
    assert b"    permissions: {}\n" in repo.read()
    assert "job `upload-to-pypi` keeps its permissions block (now `{}`), which is what `migrate to-oidc` writes" \
        in out.stderr, out.stderr


@pytest.mark.parametrize("run, scopes", [
    ("pip install packaging python-semantic-release", set()),  # MakerCorn/ai-prompt-manager: installs, never runs it
    ("uv tool install python-semantic-release", set()),
    ("pip install python-semantic-release && semantic-release publish", {"contents", "issues", "pull-requests"}),
    ("npx semantic-release", {"contents", "issues", "pull-requests"}),
    ("python -m semantic_release version", {"contents", "issues", "pull-requests"}),
    ("pip install twine\ngit push origin v1", {"contents"}),
])
def test_a_package_installed_is_not_a_command_run(run: str, scopes: set) -> None:
    """The doctor said a step running only `pip install python-semantic-release` used `issues: write` and
    `pull-requests: write` (the command's pattern matched the package's name)."""
    from codemods.token_needs import job_token_needs

    assert set(job_token_needs({"steps": [{"run": run}]}).scopes) == scopes


def test_to_token_warns_of_lost_attestations_only_where_the_pinned_release_makes_them(repo: Repo) -> None:
    """aws-powertools/powertools-lambda-python pins `@f7600683…  # v1.10.3`, where attestations are off by
    default (on since v1.11.0): to-token said its releases would now carry none, which they never did."""
    repo.write(WORKFLOW, b"""on: {push: {tags: ['v*']}}
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      - uses: actions/download-artifact@v4
      - name: Upload to PyPi prod
        uses: pypa/gh-action-pypi-publish@f7600683efdcb7656dec5b29656edb7bc586e597 # v1.10.3
""")
    out = repo.migrate("to-token", "--dry-run")
    assert "attestations" not in out.stderr, out.stderr
    repo.write(WORKFLOW, repo.read().replace(b"f7600683efdcb7656dec5b29656edb7bc586e597 # v1.10.3",
                                             b"76f52bc884231f62b9a034ebfe128415bbaabdfc # v1.12.4"))
    out = repo.migrate("to-token", "--dry-run")
    assert "uploads no PEP 740 attestations" in out.stderr, out.stderr
