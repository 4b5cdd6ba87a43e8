"""Local composite actions (`uses: ./.github/actions/X`) are read as files the step runs: their `run:`
scripts with the caller's inputs, their pypa/gh-action-pypi-publish steps, nested local actions; remote
actions are not followed. Before, every such workflow "published nothing to PyPI" (anam-org/metaxy,
quiltdata/quilt-mcp-server, kylejcaron/coeftable, ebraux/ocean4dvarnet: see tests/golden/composite-action-*)."""
from __future__ import annotations

from conftest import Repo

CALLER = b"""on:
  push:
    tags: ["v*"]
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      - uses: actions/checkout@v4
      - uses: ./.github/actions/publish
        with:
          index: %s
"""
ACTION = b"""name: Publish
inputs:
  index:
    required: true
runs:
  using: composite
  steps:
    - run: uv build
      shell: bash
    - shell: bash
      run: |
        if [ "${{ inputs.index }}" = "testpypi" ]; then
          uv publish --index testpypi --trusted-publishing always
        else
          uv publish --trusted-publishing always
        fi
"""
PYPROJECT = b"""[project]
name = "demo"

[[tool.uv.index]]
name = "testpypi"
url = "https://test.pypi.org/simple/"
publish-url = "https://test.pypi.org/legacy/"
"""


def _repo(repo: Repo, index: bytes = b"pypi", action: bytes = ACTION, folder: str = "publish",
          name: str = "action.yml") -> Repo:
    repo.write("pyproject.toml", PYPROJECT)
    repo.write(f".github/actions/{folder}/{name}", action)
    repo.write(".github/workflows/release.yml", CALLER.replace(b"./.github/actions/publish",
                                                               f"./.github/actions/{folder}".encode()) % index)
    return repo


def test_the_input_picks_the_branch_that_runs(repo: Repo) -> None:
    out = _repo(repo, b"pypi").migrate("doctor", "--exit-zero").stdout
    assert "uv (.github/actions/publish/action.yml:15) to pypi (trusted)" in out
    assert "testpypi" not in out.split("register", 1)[0]
    out = _repo(repo, b"testpypi").migrate("doctor", "--exit-zero").stdout
    assert "uv (.github/actions/publish/action.yml:13) to testpypi (trusted)" in out


def test_action_yaml_and_to_token_edits_the_action(repo: Repo) -> None:
    _repo(repo, b"pypi", name="action.yaml")
    out = repo.migrate("to-token")
    assert out.code == 0, out.stderr
    assert b"UV_PUBLISH_TOKEN: ${{ secrets.PYPI_API_TOKEN }}" in repo.read()
    action = repo.read(".github/actions/publish/action.yaml")
    assert b"uv publish --trusted-publishing always" not in action  # the branch that runs lost its flag
    assert b"uv publish --index testpypi --trusted-publishing always" in action  # the other one: not read


def test_a_step_if_decided_by_inputs_is_not_read(repo: Repo) -> None:
    action = b"""name: Publish
inputs:
  publish:
    default: "false"
runs:
  using: composite
  steps:
    - if: inputs.publish == 'true'
      uses: pypa/gh-action-pypi-publish@release/v1
"""
    out = _repo(repo, b"pypi", action).migrate("doctor", "--exit-zero").stdout
    assert "publishes nothing to PyPI" in out
    out = _repo(repo, b"pypi", action.replace(b'default: "false"', b'default: "true"')).migrate(
        "doctor", "--exit-zero").stdout
    assert "action (.github/actions/publish/action.yml:8) to pypi (trusted)" in out


def test_a_token_passed_as_an_input_is_refused_with_the_file_and_line(repo: Repo) -> None:
    action = b"""name: Publish
inputs:
  token:
    required: true
runs:
  using: composite
  steps:
    - uses: ./.github/actions/inner
      with:
        password: ${{ inputs.token }}
"""
    inner = b"""name: Inner
inputs:
  password:
    required: true
runs:
  using: composite
  steps:
    - uses: pypa/gh-action-pypi-publish@release/v1
      with:
        password: ${{ inputs.password }}
"""
    _repo(repo, b"pypi", action)
    repo.write(".github/actions/inner/action.yml", inner)
    repo.write(".github/workflows/release.yml", repo.read().replace(b"index: pypi",
                                                                     b"token: ${{ secrets.PYPI_TOKEN }}"))
    before = repo.read()
    out = repo.migrate("to-oidc")
    assert repo.read() == before
    assert (".github/actions/inner/action.yml: line 8: the upload gets its token from the input `password`, which "
            "the caller's `with:` fills from a secret") in out.stderr
    assert "(token)" in repo.migrate("doctor", "--exit-zero").stdout


def test_a_shared_action_is_not_cut(repo: Repo) -> None:
    action = b"""name: Publish
runs:
  using: composite
  steps:
    - shell: bash
      run: twine upload -p "$TWINE_TOKEN" dist/*
"""
    _repo(repo, b"pypi", action)
    caller = repo.read().replace(b"    permissions:\n      id-token: write\n", b"").replace(
        b"        with:\n          index: pypi\n", b"        env:\n          TWINE_TOKEN: ${{ secrets.PYPI_TOKEN }}\n")
    repo.write(".github/workflows/release.yml", caller)
    alone = repo.migrate("to-oidc", "--dry-run")
    assert "removed the credentials from the twine command" in alone.stderr, alone.stderr
    repo.write(".github/workflows/other.yml", caller)
    shared = repo.migrate("to-oidc", "--dry-run")
    assert "it is also used by `other.yml`, `release.yml`: an edit there changes every caller" in shared.stderr


def test_remote_actions_are_not_followed(repo: Repo) -> None:
    _repo(repo, b"pypi")
    repo.write(".github/workflows/release.yml", repo.read().replace(b"./.github/actions/publish",
                                                                     b"octo-org/publish@v1"))
    assert "publishes nothing to PyPI" in repo.migrate("doctor", "--exit-zero").stdout


def test_a_composite_action_reading_the_oidc_request_variables_keeps_id_token(tmp_path) -> None:
    """to-token keeps `id-token: write` for a local composite action whose step requests an OIDC token
    (sudosubin/playground-pypi's fetch-pypi-oidc-token curls ACTIONS_ID_TOKEN_REQUEST_URL)."""
    from codemods.permissions import other_oidc_user

    action = tmp_path / ".github" / "actions" / "oidc" / "action.yml"
    action.parent.mkdir(parents=True)
    action.write_text("runs:\n  using: composite\n  steps:\n    - shell: bash\n      run: |\n"
                      "        curl -H \"authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN\" "
                      "\"$ACTIONS_ID_TOKEN_REQUEST_URL&audience=sigstore\"\n")
    job = {"steps": [{"uses": "actions/checkout@v4"}, {"id": "oidc", "uses": "./.github/actions/oidc"}]}
    found = other_oidc_user(job, tmp_path)
    assert found is not None and ".github/actions/oidc/action.yml, line 4" in found, found
    assert other_oidc_user(job, tmp_path, skip={1}) is None  # a step to-token removes needs nothing
    assert other_oidc_user(job) is None  # without the repository, the action is not read
