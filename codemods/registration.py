"""What to register on PyPI for a publishing job: the "Add a new publisher" form's values and link,
and the one answer for a reusable workflow, shared by `to-oidc` and `doctor` so that they agree."""
from __future__ import annotations

import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List, Optional, Tuple
from urllib.parse import urlencode

from codemods.engine.reading import read_regular_text
from codemods.indexes import Index


# why a job's project has no name, where nothing else says why: to-oidc's publisher and to-token's token both say it
NO_PACKAGE_NAME = "neither pyproject.toml, setup.cfg nor setup.py names a package pubmode can read here"

@dataclass(frozen=True)
class Registration:
    """The values of PyPI's "Add a new publisher" form for one publishing job."""

    index: Index
    owner: str
    repository: str
    workflow: str
    environment: Optional[str]
    project: Optional[str]
    host: Optional[str] = "github.com"  # where the repository's `origin` is; None: no remote
    # "gitlab": owner is the namespace, repository the project, workflow the top-level pipeline file
    provider: str = "github"
    # GitLab: a self-managed instance the user says PyPI has onboarded (`--self-managed-gitlab`)
    self_managed: bool = False
    # why `project` is None, when not for want of a package name (a folder chosen at run time)
    unknown: str = ""

    @property
    def unknown_why(self) -> str:
        """Why the form has no project name, for the sentence that asks for one publisher per project."""
        return self.unknown or NO_PACKAGE_NAME

    @property
    def accepted(self) -> bool:
        """False when the repository is not on github.com (gitlab.com): PyPI takes no publisher for it."""
        if self.provider == "gitlab":
            return self.host in (None, "gitlab.com") or self.self_managed
        return host_accepted(self.host)

    def form(self) -> List[Tuple[str, str]]:
        """The form's fields as PyPI labels them, on its GitHub or GitLab tab."""
        labels = (("namespace", "project", "top-level pipeline file") if self.provider == "gitlab"
                  else ("owner", "repository", "workflow"))
        env = self.environment or "(any)"
        if self.environment and self.provider == "gitlab":
            env += " (GitLab compares it case-sensitively)"
        elif self.environment and is_expression(self.environment):
            names = environment_names(self.environment)
            env = (" or ".join(names) if names else "the name") + " (the job's `environment:` is chosen at run time: " \
                "register the one the upload runs in)"
        return list(zip(labels, (self.owner, self.repository, self.workflow))) + [("environment", env)]

    def link(self) -> str:
        if self.provider == "gitlab":  # PyPI's form has no pre-filled link for GitLab: its GitLab tab
            if not self.project:
                return f"{self.index.site}/manage/account/publishing/"
            return f"{self.index.site}/manage/project/{self.project}/settings/publishing/"
        if not self.project:
            return f"{self.index.site}/manage/account/publishing/"
        query = {"provider": "github", "owner": self.owner, "repository": self.repository,
                 "workflow_filename": self.workflow}
        if self.environment and not is_expression(self.environment):  # PyPI's form wants the name it evaluates to
            query["environment"] = self.environment
        return f"{self.index.site}/manage/project/{self.project}/settings/publishing/?{urlencode(query, safe='<>')}"


def is_expression(environment: str) -> bool:
    """An `environment:` whose name GitHub computes when the job runs (`${{ … }}`)."""
    return "${{" in environment


def environment_names(environment: str) -> List[str]:
    """The names an environment may take: itself, or the quoted names inside its expression
    (`${{ startsWith(github.ref, 'refs/tags/') && 'release' || 'snapshot' }}`: release, snapshot)."""
    if not is_expression(environment):
        return [environment]
    return list(dict.fromkeys(n for n in re.findall(r"'([A-Za-z0-9_.-]{1,100})'", environment)
                              if not n.startswith("refs/")))


def host_accepted(host: Optional[str]) -> bool:
    """PyPI takes trusted publishers for github.com only (None: no remote, the placeholders are filled in by hand)."""
    return host in (None, "github.com")


def host_not_accepted(host: str) -> str:
    """Why no trusted publisher can be registered for a repository on `host` (not github.com)."""
    return (f"PyPI's Trusted Publishing accepts only workflows run on github.com, and this repository's `origin` is "
            f"on {host} (GitHub Enterprise Server and GHE.com mint OIDC tokens that PyPI does not accept: "
            "pypi/warehouse#18970), so no trusted publisher can be registered for it")


NEEDLE = ".github/workflows/"
_callers: Optional[dict] = None  # folder -> [(file name, the text after each NEEDLE up to a `/`)], in a run


@contextmanager
def callers_indexed() -> Iterator[None]:
    """Within it, each folder is read once for `calling_workflows` (a run over a folder of many reusable
    workflows read the whole folder again for each of them)."""
    global _callers
    outer, _callers = _callers, {}
    try:
        yield
    finally:
        _callers = outer


def calling_workflows(path: Path) -> List[str]:
    """The workflows beside `path` that call it (`uses: ./.github/workflows/<name>`)."""
    needle = f"{NEEDLE}{path.name}"
    if _callers is None:
        out = []
        for other in sorted(path.parent.glob("*.y*ml")):
            try:
                if other != path and needle in read_regular_text(other, errors="replace"):  # a FIFO would block
                    out.append(other.name)
            except OSError:
                continue
        return out
    folder = os.path.abspath(path.parent)
    if folder not in _callers:
        pairs = ((other.name, _tails(other)) for other in sorted(path.parent.glob("*.y*ml")))
        _callers[folder] = [(name, tails) for name, tails in pairs if tails]  # only the files that call any
    # `needle in text` for a name without `/`: the text after some NEEDLE, up to its next `/`, starts with it
    return [name for name, tails in _callers[folder]
            if name != path.name and any(t.startswith(path.name) for t in tails)]


def _tails(path: Path) -> Tuple[str, ...]:
    """What follows each NEEDLE in the file, up to the next `/` (a file name is at most 255 characters)."""
    try:
        text = read_regular_text(path, errors="replace")  # a FIFO would block
    except OSError:
        return ()
    out = []
    at = text.find(NEEDLE)
    while at >= 0:
        start = at + len(NEEDLE)
        end = text.find("/", start, start + 256)
        out.append(text[start:end if end >= 0 else start + 256])
        at = text.find(NEEDLE, start)
    return tuple(out)


def own_triggers(path: Optional[Path], events) -> List[str]:
    """The events besides `workflow_call` that start a reusable workflow nothing in the repository calls
    (langchain-ai/langchain-aws `_release.yml`: `workflow_call` and `workflow_dispatch`, run by hand); [] for
    one a workflow beside it calls, or with no other trigger. Run by those events the file is the top-level
    workflow, PyPI matches it as any other, and Trusted Publishing from it is supported."""
    events = set(events)
    others = sorted(events - {"workflow_call"})
    if "workflow_call" not in events or not others or path is None or calling_workflows(path):
        return []
    return others


def publishes_as_called(path: Optional[Path], events) -> bool:
    """Whether the workflow's publishing jobs run as a called (reusable) workflow's: `on: workflow_call`,
    unless it has triggers of its own and nothing in the repository calls it (`own_triggers`)."""
    return "workflow_call" in set(events) and not own_triggers(path, events)


def own_runs_advice(path: Path, events) -> str:
    """What to say of a reusable workflow run on its own (`own_triggers`): its publisher works that way;
    a workflow that called it would publish from a called file, which PyPI does not support."""
    shown = ", ".join(f"`{e}`" for e in own_triggers(path, events))
    return (f"{path.name} is also a reusable workflow (`workflow_call`), but nothing in this repository calls it: "
            f"run by {shown} it is the top-level workflow, so a publisher naming `{path.name}` works; a workflow "
            "that calls it would publish from a called file, which PyPI does not support (move the publish job "
            "into that caller and register it there)")


def reusable_workflow_advice(path: Path, action: bool = True) -> str:
    """PyPI matches a publisher against the called file (`job_workflow_ref`), and supports reusable
    workflows only by accident (warehouse#11096): what works today, and the supported way. The
    publish action's attestations fail there (`action`); other uploaders make none."""
    callers = ", ".join(f"`{c}`" for c in calling_workflows(path)) or "the workflow that calls it"
    still = " (attestations still fail)" if action else ""
    return (f"PyPI matches the called file, so a publisher works today only if it names `{path.name}`{still}; "
            f"the supported way is to move the publish job into {callers}, give it `id-token: write` "
            "there, and register that file instead")
