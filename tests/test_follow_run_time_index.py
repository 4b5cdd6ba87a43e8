"""An upload whose index option is a variable or an expression (`--repository $PYPI_REPO`) goes to an index
chosen at run time, maybe PyPI: to-oidc refuses it with the reason and it keeps its token, to-token leaves
it, the doctor reports a token upload to "PyPI or another index (chosen at run time)". A variable the step's
`env:` or the script itself sets to a literal is read."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from codemods.indexes import other_host
from conftest import WORKFLOW, Repo
from test_follow_tox import _workflow

REFUSAL = "which is not PyPI or TestPyPI (or not one this tool can tell); it keeps its token"
RUN_TIME = "PyPI or another index (chosen at run time)"
ENV = "PYPI_TOKEN: ${{ secrets.PYPI_TOKEN }}"

# every uploader's index options, each given a shell variable; the credentials are the tool's own
UPLOADS = [
    "twine upload --repository $PYPI_REPO -u __token__ -p $PYPI_TOKEN dist/*",
    'twine upload -r "$PYPI_REPO" -u __token__ -p $PYPI_TOKEN dist/*',
    "twine upload --repository-url ${INDEX_URL} -u __token__ -p $PYPI_TOKEN dist/*",
    "python -m twine upload --repository=$PYPI_REPO -p $PYPI_TOKEN dist/*",
    "uv publish --publish-url $INDEX_URL --token $PYPI_TOKEN",
    "uv publish --index $PYPI_REPO --token $PYPI_TOKEN",
    "pdm publish -r $PYPI_REPO -P $PYPI_TOKEN",
    "maturin upload --repository $PYPI_REPO -p $PYPI_TOKEN dist/*",
    "maturin upload --repository-url $(cat url.txt) -p $PYPI_TOKEN dist/*",
    "poetry publish -r $PYPI_REPO -p $PYPI_TOKEN",
    "hatch publish --repo $PYPI_REPO --auth $PYPI_TOKEN",
    "flit publish --repository $PYPI_REPO",
]


def _script_repo(repo: Repo, upload: str, env: str = ENV) -> None:
    repo.write("release.sh", f"#!/bin/sh\nset -e\n{upload}\n".encode())
    repo.write(WORKFLOW, _workflow("./release.sh", env))


@pytest.mark.parametrize("upload", UPLOADS)
def test_an_index_chosen_at_run_time_in_a_followed_script_is_refused(upload: str, repo: Repo) -> None:
    _script_repo(repo, upload)
    before = repo.read("release.sh"), repo.read()
    out = repo.migrate("to-oidc")
    assert (repo.read("release.sh"), repo.read()) == before
    assert "uploads to an index given by `" in out.stderr and REFUSAL in out.stderr, out.stderr
    assert "(release.sh, line 3)" in out.stderr
    out = repo.migrate("to-token")
    assert (repo.read("release.sh"), repo.read()) == before
    assert "already publishes with API tokens" in out.stderr


@pytest.mark.parametrize("upload", [u for u in UPLOADS if u.split()[0] in ("twine", "python", "uv", "pdm", "maturin")])
def test_the_doctor_reports_it_as_a_token_upload_maybe_to_pypi(upload: str, repo: Repo) -> None:
    _script_repo(repo, upload)
    out = repo.migrate("doctor", "--exit-zero")
    assert f"uploads to {RUN_TIME} with an API token" in out.stdout, out.stdout
    assert REFUSAL in out.stdout  # the doctor's fix is to-oidc's own refusal (doctor-rules: they cannot disagree)
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    assert "token-publishing" in {f["id"] for f in data["files"][0]["findings"]}
    assert data["files"][0]["jobs"][0]["steps"][0]["index"] == "run-time"


def test_the_same_in_a_run_step_and_with_the_variable_from_the_step_env(repo: Repo) -> None:
    workflow = (b"on:\n  workflow_dispatch:\n    inputs:\n      repo:\n        default: testpypi\njobs:\n"
                b"  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: twine upload -r $REPO -p $TOKEN dist/*\n"
                b"        env:\n          TOKEN: ${{ secrets.PYPI_TOKEN }}\n          REPO: ${{ inputs.repo }}\n")
    repo.write(WORKFLOW, workflow)
    out = repo.migrate("to-oidc")
    assert repo.read() == workflow and "given by `-r $REPO`" in out.stderr and REFUSAL in out.stderr
    assert f"uploads to {RUN_TIME} with an API token" in repo.migrate("doctor", "--exit-zero").stdout


@pytest.mark.parametrize("setting, index", [
    ("env", "TestPyPI"),  # `env: PYPI_REPO: testpypi` on the step
    ("script", "PyPI"),  # `PYPI_REPO=pypi` in the script before the upload
    ("export", "TestPyPI"),  # `export PYPI_REPO=testpypi`
])
def test_a_variable_set_to_a_literal_is_read(setting: str, index: str, repo: Repo) -> None:
    upload = "twine upload --repository $PYPI_REPO -u __token__ -p $PYPI_TOKEN dist/*"
    env = ENV + ("\n          PYPI_REPO: testpypi" if setting == "env" else "")
    prefix = {"env": "", "script": "PYPI_REPO=pypi\n", "export": "export PYPI_REPO=testpypi\n"}[setting]
    _script_repo(repo, prefix + upload, env)
    out = repo.migrate("to-oidc")
    assert out.code == 0 and "converted to Trusted Publishing" in out.stderr, out.stderr
    assert b"-p $PYPI_TOKEN" not in repo.read("release.sh")
    assert f"Add a trusted publisher on {index} " in out.stderr


@pytest.mark.parametrize("script", [
    "if [ -n \"$PROD\" ]; then\n  PYPI_REPO=pypi\nfi\n",  # set only on one path
    "PYPI_REPO=testpypi\n[ -n \"$PROD\" ] && PYPI_REPO=pypi\n",  # set twice, differently
    "PYPI_REPO=${PYPI_REPO:-testpypi}\n",  # from the environment, with a default
    "PYPI_REPO=$(cat .index)\n",
])
def test_a_variable_the_script_sets_otherwise_is_run_time(script: str, repo: Repo) -> None:
    _script_repo(repo, script + "twine upload -r $PYPI_REPO -p $PYPI_TOKEN dist/*")
    out = repo.migrate("to-oidc")
    assert REFUSAL in out.stderr, out.stderr


def test_tox_env_substitution_names_the_index_or_its_default(repo: Repo) -> None:
    tox = "[testenv:release]\npassenv = TWINE_PASSWORD\ncommands = twine upload --repository {} dist/*\n"
    env = "TWINE_PASSWORD: ${{ secrets.PYPI_TOKEN }}"
    repo.write("tox.ini", tox.format("{env:PYPI_REPO}").encode())
    repo.write(WORKFLOW, _workflow("tox -e release", env))
    assert REFUSAL in repo.migrate("to-oidc").stderr
    repo.write("tox.ini", tox.format("{env:PYPI_REPO:testpypi}").encode())  # not set by the step: its default
    out = repo.migrate("to-oidc")
    assert "converted to Trusted Publishing" in out.stderr and "trusted publisher on TestPyPI" in out.stderr


def test_a_python_script_naming_the_index_from_the_environment(repo: Repo) -> None:
    repo.write("release.py", b"import os\nimport subprocess\n\nsubprocess.run(['twine', 'upload', '--repository', "
                             b"os.environ['PYPI_REPO'], '-p', os.environ['PYPI_TOKEN'], 'dist/*'], check=True)\n")
    repo.write(WORKFLOW, _workflow("python release.py", ENV))
    out = repo.migrate("to-oidc")
    assert "uploads to an index given by `--repository …` (release.py, line 4)" in out.stderr and REFUSAL in out.stderr


def test_an_index_url_kept_in_a_secret_is_no_pypi_finding(repo: Repo) -> None:
    """`--repository-url "$JFROG_URL"` with the URL in a secret: a private index's address, most likely; to-oidc
    still refuses it, the doctor does not call it a PyPI token upload."""
    _script_repo(repo, 'twine upload --repository-url "$JFROG_URL" -p $PYPI_TOKEN dist/*',
                 ENV + "\n          JFROG_URL: ${{ secrets.JFROG_URL }}")
    assert REFUSAL in repo.migrate("to-oidc").stderr
    assert "token-publishing" not in repo.migrate("doctor", "--exit-zero").stdout


def test_a_url_with_a_path_of_its_own_after_its_variables_is_another_index() -> None:
    for url in ('"${CI_API_V4_URL}"/projects/"${CI_PROJECT_ID}"/packages/pypi',  # GitLab's registry
                "${{ secrets.ARTIFACTORY }}/api/pypi/pypi-local"):
        assert other_host(url), url
    for url in ("$INDEX_URL", "${{ vars.URL }}", "$BASE/legacy/", "https://$HOST/legacy/"):  # may be PyPI's
        assert not other_host(url), url


def test_a_gitlab_job_running_such_a_script_keeps_its_token(tmp_path) -> None:
    from test_golden_gitlab import GitLabRepo

    repo = GitLabRepo(tmp_path / "r")
    pipeline = (b"publish:\n  image: python:3.12\n  variables:\n    TWINE_USERNAME: __token__\n"
                b"  script:\n    - pip install build twine\n    - ./release.sh\n")
    script = b"#!/bin/sh\npython -m build\ntwine upload --repository $PYPI_REPO -p $PYPI_TOKEN dist/*\n"
    repo.write(".gitlab-ci.yml", pipeline)
    repo.write("release.sh", script)
    out = repo.migrate("to-oidc", ".gitlab-ci.yml")
    assert (repo.read(".gitlab-ci.yml"), repo.read("release.sh")) == (pipeline, script)
    assert "uploads to an index given by `--repository $PYPI_REPO` (line 3), known only at run time; it keeps " \
           "its token" in out.stderr


def test_a_run_time_index_keeps_its_token_in_a_job_the_run_gave_id_token(tmp_path: Path) -> None:
    # found by the followed-file fuzzer (approvals/ApprovalTests.Python with a mangled variable): the first run
    # converts one upload of the job, grants it `id-token: write` and leaves the run-time index's token; the
    # second run took that id-token as the job's own and removed the token: runs must be idempotent
    repo = Repo(tmp_path / "repo")
    repo.write(".github/workflows/release.yml", b"""on:
  push:
    tags: ["v*"]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: twine upload --repository-url "$UPLOAD_URL" dist/*
        env:
          TWINE_USERNAME: __token__
          TWINE_PASSWORD: ${{ secrets.OTHER_TOKEN }}
      - run: twine upload dist/*
        env:
          TWINE_USERNAME: __token__
          TWINE_PASSWORD: ${{ secrets.PYPI_API_TOKEN }}
""")
    first = repo.migrate("to-oidc")
    assert first.code == 0 and "OTHER_TOKEN" in repo.read().decode() and "id-token: write" in repo.read().decode()
    again = repo.migrate("to-oidc", "--check")
    assert again.code == 0, again.stderr
