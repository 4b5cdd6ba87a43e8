"""The GitLab project around a `.gitlab-ci.yml`: namespace and project name from the `origin` remote
(https, ssh and scp-like forms of gitlab.com; subgroups belong to the namespace), and the Python
project's name, for PyPI's GitLab publisher form."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from codemods.project import host_and_path, origin_url, project_name, ssh_hostname

GITLAB = "gitlab.com"
GITLAB_ALIASES = {"gitlab.com", "www.gitlab.com", "altssh.gitlab.com"}  # altssh: GitLab's ssh over port 443
NAMESPACE_PLACEHOLDER, PROJECT_PLACEHOLDER = "<namespace>", "<project>"


@dataclass(frozen=True)
class GitLabProject:
    root: Path
    host: Optional[str]  # None: no remote
    namespace: Optional[str]
    name: Optional[str]
    project: Optional[str]  # the Python project's name

    @property
    def namespace_or_placeholder(self) -> str:
        return self.namespace or NAMESPACE_PLACEHOLDER

    @property
    def name_or_placeholder(self) -> str:
        return self.name or PROJECT_PLACEHOLDER

    @property
    def accepted(self) -> bool:
        return self.host in (None, GITLAB)

    def not_accepted(self) -> str:
        return gitlab_host_not_accepted(self.host or "")


SELF_MANAGED_OPTION = "--self-managed-gitlab"


def gitlab_host_not_accepted(host: str) -> str:
    """Why a pipeline of a self-managed GitLab keeps its token: the one text of `to-oidc`'s refusal and of the
    doctor's fix (domain.md §2.1: gitlab.com only; a beta for PyPI organisations, by request)."""
    return (f"this repository's `origin` is on {host}, a self-managed GitLab, not gitlab.com: PyPI's Trusted Publishing "
            "accepts GitLab CI/CD pipelines of gitlab.com only, and a self-managed instance only when PyPI has onboarded "
            "it for a PyPI organisation (a beta, by request); elsewhere the upload fails (\"unknown trusted publishing "
            f"issuer\"). Keep the token; if PyPI has onboarded your instance, run `migrate to-oidc {SELF_MANAGED_OPTION}`")


def parse_gitlab_remote(url: str, resolve_alias=None) -> Optional[tuple]:
    """(host, namespace, project) of a remote URL; None for a local path. `group/sub/project` has the
    namespace `group/sub`."""
    found = host_and_path(url, GITLAB, GITLAB_ALIASES, resolve_alias)
    if found is None:
        return None
    host, parts = found[0], [p for p in found[1].split("/") if p]
    if len(parts) < 2:
        return host, None, None
    return host, "/".join(parts[:-1]), parts[-1]


_cache: dict = {}


def gitlab_project(root: Path) -> GitLabProject:
    if root not in _cache:
        url = origin_url(root)
        found = parse_gitlab_remote(url, ssh_hostname) if url else None
        _cache[root] = GitLabProject(root, *(found or (None, None, None)), project_name(root))
    return _cache[root]
