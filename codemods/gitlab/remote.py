"""The GitLab project around a `.gitlab-ci.yml`: namespace and project name from the `origin` remote
(https, ssh and scp-like forms of gitlab.com; subgroups belong to the namespace), and the Python
project's name, for PyPI's GitLab publisher form."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from codemods.forges import GITLAB, GITLAB_ALIASES, SELF_MANAGED_GITLAB, host_kind, may_be_gitlab
from codemods.project import host_and_path, project_name, remote_urls, ssh_hostname, upload_script_folders
NAMESPACE_PLACEHOLDER, PROJECT_PLACEHOLDER = "<namespace>", "<project>"


@dataclass(frozen=True)
class GitLabProject:
    root: Path
    host: Optional[str]  # None: no remote
    namespace: Optional[str]
    name: Optional[str]
    project: Optional[str]  # the Python project's name
    remote: str = "origin"  # the remote the namespace and project come from
    # why the project is not `origin`'s (an `origin` that is no GitLab: the pipeline runs on a mirror), said
    # beside the publisher to register
    note: Optional[str] = None

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
        return gitlab_host_not_accepted(self.host or "", self.remote)

    def for_job(self, job: Dict[str, Any]) -> Tuple[str, str, Optional[str]]:
        """The publisher's namespace and project for a job, and where they come from when not from `origin`:
        with no remote, the one project the job runs in (`only: tags@group/project`), else placeholders."""
        if self.host is None and self.namespace is None:
            found = path_in_job(job if isinstance(job, dict) else {})
            if found:
                return found[0], found[1], found[2]
        return self.namespace_or_placeholder, self.name_or_placeholder, None

    def projects_of(self, script: str) -> List[Optional[str]]:
        """The Python projects a job's script uploads, one publisher each: the folders its upload commands name
        files in (`twine upload pkg-a/dist/*`) or run in (`cd pkg-a`), each folder's package name; the
        repository's project for the root, for a folder that names no package, and for a job with no upload read."""
        found: List[Optional[str]] = []
        for folder in upload_script_folders(script, self.root):
            name = project_name(self.root / folder) if folder else None
            if (name or self.project) not in found:
                found.append(name or self.project)
        return found or [self.project]


SELF_MANAGED_OPTION = "--self-managed-gitlab"


def gitlab_host_not_accepted(host: str, remote: str = "origin") -> str:
    """Why a pipeline of a self-managed GitLab keeps its token: the one text of `to-oidc`'s refusal and of the
    doctor's fix (domain.md §2.1: gitlab.com only; a beta for PyPI organisations, by request)."""
    where = "`origin`" if remote == "origin" else f"remote `{remote}`"
    return (f"this repository's {where} is on {host}, a self-managed GitLab, not gitlab.com: PyPI's Trusted Publishing "
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
        _cache[root] = _gitlab_side(root, project_name(root))
    return _cache[root]


def _gitlab_side(root: Path, project: Optional[str]) -> GitLabProject:
    """The GitLab project the pipeline runs in. `origin` names it when it is on gitlab.com or may be a GitLab (any
    other host whose name does not say it is GitHub or another forge: a self-managed GitLab, refused). An `origin`
    on github.com, a GitHub Enterprise Server or another forge is not where GitLab runs the pipeline: GitLab holds
    a mirror, named by the remotes on gitlab.com when they name exactly one project (else by the remotes on hosts
    named as GitLabs, refused as self-managed), else unknown: placeholders, and the note says why."""
    urls = remote_urls(root)
    origin = parse_gitlab_remote(urls["origin"], ssh_hostname) if "origin" in urls else None
    if origin is None or may_be_gitlab(origin[0]):
        return GitLabProject(root, *(origin or (None, None, None)), project)
    found = {name: parse_gitlab_remote(url, ssh_hostname) for name, url in urls.items() if name != "origin"}
    found = {name: r for name, r in found.items() if r is not None and r[1]}
    why = f"this repository's `origin` is on {origin[0]}, which is no GitLab"
    on_gitlab_com = sorted({r for r in found.values() if r[0] == GITLAB})
    on_a_gitlab = sorted({r for r in found.values() if host_kind(r[0]) == SELF_MANAGED_GITLAB})
    for hosts, named in (("gitlab.com", on_gitlab_com), ("hosts named as GitLabs", on_a_gitlab)):
        if len(named) == 1:
            remote = next(n for n, r in found.items() if r == named[0])
            return GitLabProject(root, *named[0], project, remote,
                                 f"{why}: the publisher's namespace and project come from the remote `{remote}` "
                                 f"({named[0][0]}/{named[0][1]}/{named[0][2]}), where GitLab runs this pipeline")
        if named:
            return GitLabProject(root, None, None, None, project, "origin",
                                 f"{why}, and its remotes on {hosts} name "
                                 f"several projects ({', '.join(f'{h}/{n}/{p}' for h, n, p in named)}): {_MIRROR}")
    return GitLabProject(root, None, None, None, project, "origin", f"{why}, and no other remote is on gitlab.com: "
                         + _MIRROR)


_MIRROR = ("the pipeline runs on a GitLab mirror pubmode cannot name, so the publisher's namespace and project are "
           "placeholders: fill in the mirror's. If that mirror is on a self-managed GitLab, not gitlab.com, PyPI accepts "
           "its pipelines only once it has onboarded the instance for a PyPI organisation: then keep this pipeline's "
           "token and do not merge its change")


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
