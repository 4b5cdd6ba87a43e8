"""The GitLab project around a `.gitlab-ci.yml`: namespace and project name from the `origin` remote
(https, ssh and scp-like forms of gitlab.com; subgroups belong to the namespace), and the Python
project's name, for PyPI's GitLab publisher form."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

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

    def for_job(self, job: Dict[str, Any]) -> Tuple[str, str, Optional[str]]:
        """The publisher's namespace and project for a job, and where they come from when not from `origin`:
        with no remote, the one project the job runs in (`only: tags@group/project`), else placeholders."""
        if self.host is None and self.namespace is None:
            found = path_in_job(job if isinstance(job, dict) else {})
            if found:
                return found[0], found[1], found[2]
        return self.namespace_or_placeholder, self.name_or_placeholder, None


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


# `$CI_PROJECT_PATH == "group/project"` as one of the conditions an `if:` joins with `&&` (never with `||`)
_PROJECT_PATH_IS = re.compile(r"""^\$\{?CI_PROJECT_PATH\}?\s*==\s*(["'])([\w.-]+(?:/[\w.-]+)+)\1$""")


def path_in_job(job: Dict[str, Any]) -> Optional[Tuple[str, str, str]]:
    """(namespace, project, where) when the job runs only in one project, by its own keys: every entry of
    `only:` (or `only: refs:`) is `REF@group/project` with the same path (`tags@dalibo/pglift`), or every rule
    that may run is an `if:` requiring `$CI_PROJECT_PATH == "group/project"`. None when it may run elsewhere
    (a fork, another project) or pubmode cannot be certain."""
    only = job.get("only")
    refs = only.get("refs") if isinstance(only, dict) else only
    if isinstance(refs, str):
        refs = [refs]
    if isinstance(refs, list) and refs and all(isinstance(r, str) for r in refs):
        paths = {r.partition("@")[2] for r in refs}
        if len(paths) == 1 and "@" in refs[0]:
            path = paths.pop()
            if re.fullmatch(r"[\w.-]+(?:/[\w.-]+)+", path):
                shown = refs[0] if len(refs) == 1 else ", ".join(refs)
                return path.rpartition("/")[0], path.rpartition("/")[2], f"`only: {shown}`"
        return None
    rules = job.get("rules")
    if not isinstance(rules, list) or not rules or only is not None:
        return None
    found = set()
    for rule in rules:
        if not isinstance(rule, dict):
            return None
        if rule.get("when") == "never":
            continue
        condition = rule.get("if")
        if not isinstance(condition, str) or "||" in condition:
            return None
        paths = {m.group(2) for part in condition.split("&&")
                 if (m := _PROJECT_PATH_IS.match(part.strip().strip("()").strip()))}
        if len(paths) != 1:
            return None
        found |= paths
    if len(found) != 1:
        return None
    path = found.pop()
    return path.rpartition("/")[0], path.rpartition("/")[2], f"`rules: if: $CI_PROJECT_PATH == \"{path}\"`"
