"""Which forge a git remote's host is, and so which CI of a repository it can be the home of.

A repository may carry both `.github/workflows` (run on github.com) and a `.gitlab-ci.yml` (run on a
gitlab.com mirror), with one `origin`: each forge's trusted publisher is named by a remote on that
forge, never by the other's (serious-scaffold/ss-python: origin on gitlab.com, mirrored on github.com).
"""
from __future__ import annotations

import re
from typing import Optional

GITHUB, GITLAB = "github.com", "gitlab.com"
GITHUB_ALIASES = {"github.com", "www.github.com", "ssh.github.com"}  # ssh.github.com: GitHub's ssh over port 443
GITLAB_ALIASES = {"gitlab.com", "www.gitlab.com", "altssh.gitlab.com"}  # altssh: GitLab's ssh over port 443

# What a host is. UNKNOWN: a host whose name says nothing (git.example.com): it may be a GitHub Enterprise
# Server or a self-managed GitLab, so each side keeps its own refusal (a token is never dropped on a guess).
GITHUB_COM, GITLAB_COM, GHE, SELF_MANAGED_GITLAB, OTHER, UNKNOWN = (
    "github.com", "gitlab.com", "github-enterprise", "self-managed-gitlab", "other-forge", "unknown")

# Forges that are neither GitHub nor GitLab (the host or a parent domain): never a GHE server nor a GitLab.
OTHER_FORGES = ("bitbucket.org", "codeberg.org", "gitea.com", "sr.ht", "gitee.com", "dev.azure.com",
                "visualstudio.com", "sourceforge.net", "pagure.io", "launchpad.net", "notabug.org", "huggingface.co",
                "savannah.gnu.org", "savannah.nongnu.org", "repo.or.cz", "git.kernel.org")
# GitLab instances whose name does not say so (a host with a `gitlab` label says so: gitlab.gnome.org).
KNOWN_GITLABS = ("framagit.org", "salsa.debian.org", "invent.kde.org", "foss.heptapod.net", "code.videolan.org")
# Forgejo and Gitea run `.github/workflows` too (Forgejo/Gitea Actions), with OIDC tokens PyPI does not accept.
ACTIONS_FORGES = ("codeberg.org", "gitea.com")


def _under(host: str, domains) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def host_kind(host: Optional[str]) -> Optional[str]:
    """What the host of a remote is (None: no remote). GitHub Enterprise by its name (`github.example.com`,
    GHE.com's `<name>.ghe.com`), a self-managed GitLab by its name (`gitlab.kitware.com`, a known instance)."""
    if host is None:
        return None
    host = host.lower().rstrip(".")
    if host in GITHUB_ALIASES:
        return GITHUB_COM
    if host in GITLAB_ALIASES:
        return GITLAB_COM
    labels = re.split(r"[.]", host)
    if host.endswith(".ghe.com") or any("github" in label for label in labels):
        return GHE
    if _under(host, KNOWN_GITLABS) or any("gitlab" in label for label in labels):
        return SELF_MANAGED_GITLAB
    if _under(host, OTHER_FORGES) or any(label in ("gitea", "forgejo") for label in labels):
        return OTHER
    return UNKNOWN


def runs_github_actions_elsewhere(host: str) -> bool:
    """A Forgejo or Gitea forge, whose Actions also run `.github/workflows`."""
    labels = host.lower().split(".")
    return _under(host.lower(), ACTIONS_FORGES) or any(label in ("gitea", "forgejo") for label in labels)


def may_be_github(host: Optional[str]) -> bool:
    """The workflows of `.github/workflows` may run on this host itself: github.com, or a host that is (or may
    be) a GitHub Enterprise Server. Any other host (gitlab.com, a GitLab, another forge) is mirrored to GitHub."""
    return host_kind(host) in (GITHUB_COM, GHE, UNKNOWN)


def may_be_gitlab(host: Optional[str]) -> bool:
    """A `.gitlab-ci.yml` may run on this host itself: gitlab.com, or a host that is (or may be) a self-managed
    GitLab. github.com, a GitHub Enterprise Server or another forge is not a GitLab: the pipeline runs on a mirror."""
    return host_kind(host) in (GITLAB_COM, SELF_MANAGED_GITLAB, UNKNOWN)
