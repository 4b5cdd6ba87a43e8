"""The owner and repository of the registration come from the `origin` remote, in every form git
writes it; a repository that is not on github.com gets no PyPI registration (PyPI would refuse it)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from codemods.project import Remote, parse_remote, ssh_hostname
from conftest import WORKFLOW, Repo

TOKEN_WORKFLOW = b"""on:
  release:
    types: [published]
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{ secrets.PYPI_API_TOKEN }}
"""


@pytest.mark.parametrize("url, expected", [
    ("https://github.com/octo-org/octo-repo.git", ("github.com", "octo-org", "octo-repo")),
    ("https://github.com/octo-org/octo-repo", ("github.com", "octo-org", "octo-repo")),
    ("https://github.com/octo-org/octo-repo/", ("github.com", "octo-org", "octo-repo")),
    ("http://github.com/octo-org/octo-repo.git", ("github.com", "octo-org", "octo-repo")),
    ("https://x-access-token:abc@github.com/octo-org/octo-repo.git", ("github.com", "octo-org", "octo-repo")),
    ("git@github.com:octo-org/octo-repo.git", ("github.com", "octo-org", "octo-repo")),
    ("git@github.com:octo-org/octo-repo", ("github.com", "octo-org", "octo-repo")),
    ("github.com:octo-org/octo-repo.git", ("github.com", "octo-org", "octo-repo")),
    ("ssh://git@github.com/octo-org/octo-repo.git", ("github.com", "octo-org", "octo-repo")),
    ("ssh://git@ssh.github.com:443/octo-org/octo-repo.git", ("github.com", "octo-org", "octo-repo")),
    ("git://github.com/octo-org/my.repo.git", ("github.com", "octo-org", "my.repo")),
    ("https://www.GitHub.com/octo-org/octo-repo", ("github.com", "octo-org", "octo-repo")),
    # GitHub Enterprise Server (and any other host): the host is kept
    ("git@github.example.com:org/repo.git", ("github.example.com", "org", "repo")),
    ("git@github.example.com:org/repo", ("github.example.com", "org", "repo")),
    ("https://github.example.com/org/repo", ("github.example.com", "org", "repo")),
    ("https://github.example.com/org/repo.git", ("github.example.com", "org", "repo")),
    ("ssh://git@host:22/org/repo.git", ("host", "org", "repo")),
    ("ssh://git@host:22/org/repo", ("host", "org", "repo")),
    ("https://octo.ghe.com/org/repo.git", ("octo.ghe.com", "org", "repo")),
    ("https://gitlab.com/group/subgroup/repo.git", ("gitlab.com", None, None)),  # not owner/repo
])
def test_remote_forms(url: str, expected: tuple) -> None:
    assert parse_remote(url) == Remote(*expected)


@pytest.mark.parametrize("url", ["/srv/git/repo.git", "../repo", "C:/work/repo", "file:///srv/git/repo.git", ""])
def test_local_paths_are_no_remote(url: str) -> None:
    assert parse_remote(url) is None


def test_an_ssh_host_alias_is_resolved() -> None:
    """`git@github-work:org/repo.git` with `Host github-work / HostName github.com` in ~/.ssh/config."""
    aliases = {"github-work": "github.com", "ghe": "github.example.com"}
    assert parse_remote("git@github-work:org/repo.git", aliases.get) == Remote("github.com", "org", "repo")
    assert parse_remote("ssh://git@ghe/org/repo.git", aliases.get) == Remote("github.example.com", "org", "repo")
    assert parse_remote("https://github-work/org/repo", aliases.get) == Remote("github-work", "org", "repo")  # not ssh


@pytest.mark.skipif(shutil.which("ssh") is None, reason="no ssh client")
def test_ssh_hostname_reads_the_configuration_only() -> None:
    assert ssh_hostname("github.com") == "github.com"
    assert ssh_hostname("-oProxyCommand=x") is None  # never an option


def _repo(tmp_path: Path, remote) -> Repo:
    repo = Repo(tmp_path / "r")
    subprocess.run(["git", "-C", str(repo.root), "remote", "remove", "origin"], check=True)
    if remote:
        subprocess.run(["git", "-C", str(repo.root), "remote", "add", "origin", remote], check=True)
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    repo.write("pyproject.toml", b'[project]\nname = "octo-widget"\n')
    return repo


@pytest.mark.parametrize("remote", ["git@github.com:octo-org/octo-repo.git", "ssh://git@github.com:22/octo-org/octo-repo",
                                    "https://github.com/octo-org/octo-repo"])
def test_registration_names_the_remote(tmp_path: Path, remote: str) -> None:
    out = _repo(tmp_path, remote).migrate("to-oidc", "--dry-run")
    assert "owner: octo-org   repository: octo-repo   workflow: release.yml" in out.stderr
    assert "owner=octo-org&repository=octo-repo" in out.stderr


def test_placeholders_only_without_a_remote(tmp_path: Path) -> None:
    out = _repo(tmp_path, None).migrate("to-oidc", "--dry-run")
    assert "owner: <owner>   repository: <repository>" in out.stderr


@pytest.mark.parametrize("remote", ["git@github.example.com:org/repo.git", "https://github.example.com/org/repo",
                                    "ssh://git@github.example.com:22/org/repo.git"])
def test_github_enterprise_gets_no_pypi_registration(tmp_path: Path, remote: str) -> None:
    repo = _repo(tmp_path, remote)
    out = repo.migrate("to-oidc", "--dry-run")
    assert ("Keep the API token of `.github/workflows/release.yml`: PyPI's Trusted Publishing accepts only workflows run "
            "on github.com") in out.stderr
    assert "Do not merge the change to this file" in out.stderr
    assert "github.example.com" in out.stderr
    assert "Add a trusted publisher" not in out.stderr and "/settings/publishing/" not in out.stderr
    assert "revoke" not in out.stderr  # the token is still what publishes
    repo.migrate("to-oidc")
    doctor = repo.migrate("doctor")
    assert "accepts only workflows run on github.com" in doctor.stdout and "register on PyPI" not in doctor.stdout
