"""A repository on two forges (stranger8b W6: serious-scaffold/ss-python carries `.github/workflows/release.yml`,
run on github.com, and a `.gitlab-ci.yml`, run on its gitlab.com mirror): each forge's publisher is named by a
remote on that forge, never by the other's `origin`; a host is a self-managed GitLab or a GitHub Enterprise Server
only when it may be one; a "do not merge" names the files it is about; the doctor agrees with `to-oidc`."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Dict

import pytest

from codemods import forges
from codemods.forges import host_kind
from codemods.project import remote_urls
from conftest import TOKEN_WORKFLOW, WORKFLOW, Repo
from test_gitlab import PIPELINE, TOKEN_PIPELINE


@pytest.mark.parametrize("host, kind", [
    ("github.com", forges.GITHUB_COM), ("ssh.github.com", forges.GITHUB_COM),
    ("gitlab.com", forges.GITLAB_COM), ("altssh.gitlab.com", forges.GITLAB_COM),
    ("github.example.com", forges.GHE), ("octocorp.ghe.com", forges.GHE), ("corp-github.internal", forges.GHE),
    ("gitlab.kitware.com", forges.SELF_MANAGED_GITLAB), ("gitlab.example.org", forges.SELF_MANAGED_GITLAB),
    ("salsa.debian.org", forges.SELF_MANAGED_GITLAB), ("framagit.org", forges.SELF_MANAGED_GITLAB),
    ("bitbucket.org", forges.OTHER), ("codeberg.org", forges.OTHER), ("git.sr.ht", forges.OTHER),
    ("ssh.dev.azure.com", forges.OTHER), ("gitea.example.net", forges.OTHER),
    ("git.example.com", forges.UNKNOWN), ("192.0.2.7", forges.UNKNOWN), (None, None),
])
def test_host_kind(host, kind) -> None:
    assert host_kind(host) == kind


def _repo(tmp_path: Path, remotes: Dict[str, str], github: bool = True, gitlab: bool = True) -> Repo:
    root = tmp_path / "r"
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    for name, url in remotes.items():
        subprocess.run(["git", "-C", str(root), "remote", "add", name, url], check=True)
    repo = Repo.__new__(Repo)
    repo.root = root
    if github:
        repo.write(WORKFLOW, TOKEN_WORKFLOW)
    if gitlab:
        repo.write(PIPELINE, TOKEN_PIPELINE)
    return repo


def _doctor_ids(repo: Repo) -> Dict[str, list]:
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    return {f["path"]: [x["id"] for x in f["findings"]] for f in data["files"]}


def test_remote_urls_origin_first_fetch_urls(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"github": "git@github.com:a/b.git", "origin": "https://gitlab.com/g/p"}, False, False)
    subprocess.run(["git", "-C", str(repo.root), "remote", "set-url", "--push", "github", "git@github.com:x/y.git"],
                   check=True)
    assert remote_urls(repo.root) == {"origin": "https://gitlab.com/g/p", "github": "git@github.com:a/b.git"}


def test_github_origin_gitlab_pipeline_is_a_mirror_not_a_self_managed_gitlab(tmp_path: Path) -> None:
    """ss-python cloned from github.com: its pipeline runs on the gitlab.com mirror, which no remote names."""
    repo = _repo(tmp_path, {"origin": "https://github.com/serious-scaffold/ss-python"})
    out = repo.migrate("to-oidc", "--dry-run")
    assert "a self-managed GitLab, not gitlab.com: PyPI" not in out.stderr and "Do not merge" not in out.stderr
    assert ".gitlab-ci.yml: converted to Trusted Publishing" in out.stderr
    assert "warning: this repository's `origin` is on github.com, which is no GitLab, and no other remote is on " \
        "gitlab.com: the pipeline runs on a GitLab mirror pubmode cannot name" in out.stderr
    assert "namespace: <namespace>   project: <project>" in out.stderr
    assert "owner: serious-scaffold   repository: ss-python   workflow: release.yml" in out.stderr
    assert "- After the first release with Trusted Publishing: delete the CI/CD variable no longer used " \
        "(PYPI_API_TOKEN)" in out.stderr
    assert _doctor_ids(repo)[PIPELINE] == ["gitlab-token-publishing"]  # not gitlab-self-managed-token


def test_gitlab_origin_github_workflow_is_a_mirror_not_github_enterprise(tmp_path: Path) -> None:
    """ss-python cloned from gitlab.com: the GitHub workflow runs on the github.com mirror; no GHE, no "do not
    merge" over the whole run (the GitLab conversion is right)."""
    repo = _repo(tmp_path, {"origin": "https://gitlab.com/serious-scaffold/ss-python"})
    out = repo.migrate("to-oidc", "--dry-run")
    assert "Enterprise" not in out.stderr and "Do not merge" not in out.stderr and "Keep the API token" not in out.stderr
    assert "warning: this repository's `origin` is on gitlab.com, not github.com, and no other remote is on " \
        "github.com: these workflows run on a GitHub mirror pubmode cannot name" in out.stderr
    assert "owner: <owner>   repository: <repository>   workflow: release.yml" in out.stderr
    assert "namespace: serious-scaffold   project: ss-python" in out.stderr
    assert "delete the secret no longer used (PYPI_API_TOKEN)" in out.stderr
    ids = _doctor_ids(repo)
    assert ids[WORKFLOW] == ["token-publishing"] and ids[PIPELINE] == ["gitlab-token-publishing"]
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    fix = next(x["fix"] for f in data["files"] if f["path"] == WORKFLOW for x in f["findings"])
    assert fix.startswith("Run `migrate to-oidc`"), fix  # what to-oidc does: it converts


def test_each_side_takes_the_remote_on_its_forge(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"origin": "https://gitlab.com/grp/sub/proj.git", "gh": "git@github.com:octo/mirror.git"})
    out = repo.migrate("to-oidc", "--dry-run")
    assert "owner: octo   repository: mirror   workflow: release.yml" in out.stderr
    assert "the publisher's owner and repository come from the remote `gh` (github.com/octo/mirror)" in out.stderr
    assert "namespace: grp/sub   project: proj" in out.stderr
    other = _repo(tmp_path / "2", {"origin": "git@github.com:octo/repo.git", "lab": "https://gitlab.com/grp/proj"})
    out = other.migrate("to-oidc", "--dry-run")
    assert "namespace: grp   project: proj" in out.stderr and "owner: octo   repository: repo" in out.stderr
    assert "come from the remote `lab` (gitlab.com/grp/proj)" in out.stderr


def test_several_mirrors_on_one_forge_give_placeholders(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"origin": "https://gitlab.com/g/p", "a": "https://github.com/one/x",
                            "b": "https://github.com/two/y"}, gitlab=False)
    out = repo.migrate("to-oidc", "--dry-run")
    assert "owner: <owner>   repository: <repository>" in out.stderr
    assert "its remotes on github.com name several repositories (one/x, two/y)" in out.stderr


def test_a_self_managed_gitlab_remote_beside_a_github_origin_is_refused_by_its_name(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"origin": "https://github.com/o/r", "kitware": "https://gitlab.kitware.com/cv/kw.git"})
    out = repo.migrate("to-oidc", "--dry-run")
    assert "this repository's remote `kitware` is on gitlab.kitware.com, a self-managed GitLab" in out.stderr
    assert repo.migrate("to-oidc", "--dry-run", PIPELINE).stderr.startswith(".gitlab-ci.yml: unchanged")
    assert _doctor_ids(repo)[PIPELINE] == ["gitlab-self-managed-token"]


def test_a_self_managed_gitlab_origin_still_refuses_its_pipeline_and_mirrors_github(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"origin": "git@gitlab.example.org:team/project.git"})
    out = repo.migrate("to-oidc", "--dry-run")
    assert "`origin` is on gitlab.example.org, a self-managed GitLab, not gitlab.com" in out.stderr
    assert "Enterprise" not in out.stderr
    assert "owner: <owner>   repository: <repository>   workflow: release.yml" in out.stderr
    ids = _doctor_ids(repo)
    assert ids[PIPELINE] == ["gitlab-self-managed-token"] and ids[WORKFLOW] == ["token-publishing"]


def test_a_forgejo_origin_says_its_actions_run_github_workflows_too(tmp_path: Path) -> None:
    out = _repo(tmp_path, {"origin": "https://codeberg.org/o/r.git"}, gitlab=False).migrate("to-oidc", "--dry-run")
    assert "codeberg.org runs `.github/workflows` too, with Forgejo or Gitea Actions" in out.stderr
    assert "owner: <owner>" in out.stderr


def test_github_enterprise_holds_only_its_own_files(tmp_path: Path) -> None:
    """A GHE origin: the GitHub workflow is not to be merged and its secret not revoked, by name; the pipeline runs
    on a GitLab mirror (GHE is no GitLab) and keeps its own conversion and revoke step."""
    repo = _repo(tmp_path, {"origin": "git@github.example.com:org/repo.git"})
    out = repo.migrate("to-oidc", "--dry-run", "--format", "json")
    assert "- Keep the API token of `.github/workflows/release.yml`: PyPI's Trusted Publishing accepts only " \
        "workflows run on github.com" in out.stderr
    assert "Do not merge the change to this file; `migrate to-token` undoes it." in out.stderr
    assert "a self-managed GitLab, not gitlab.com: PyPI" not in out.stderr and "namespace: <namespace>" in out.stderr
    steps = json.loads(out.stdout)["next_steps"]
    assert steps["not_on_github"][0]["files"] == [WORKFLOW]
    assert "delete the CI/CD variable no longer used (PYPI_API_TOKEN)" in out.stderr
    assert "delete the secret no longer used" not in out.stderr  # the GHE workflow still reads it
    ids = _doctor_ids(repo)
    assert ids[PIPELINE] == ["gitlab-token-publishing"]


def test_a_host_that_may_be_either_keeps_both_refusals(tmp_path: Path) -> None:
    """git.example.com may be a GitHub Enterprise Server or a self-managed GitLab: no token is dropped on a guess."""
    repo = _repo(tmp_path, {"origin": "ssh://git@git.example.com/org/repo.git"})
    out = repo.migrate("to-oidc", "--dry-run")
    assert "Keep the API token of `.github/workflows/release.yml`" in out.stderr
    assert "`origin` is on git.example.com, a self-managed GitLab" in out.stderr
    assert "revoke" not in out.stderr
