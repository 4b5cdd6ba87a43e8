"""The deployment environment of a publishing job, shared by every uploader.

PyPI matches a publisher's environment against the token's `environment` claim, which exists only
when the job names one; an environment also lets maintainers require approval for each release.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Tuple

from codemods.engine.document import Document
from codemods.engine.edits import Edit, Set
from codemods.indexes import Index
from codemods.workflow import environment_name


@dataclass(frozen=True)
class EnvironmentChoice:
    name: Optional[str] = None  # --environment NAME
    disabled: bool = False  # --no-environment


AFTER = ("runs-on", "needs", "if", "name")


def ensure_environment(doc: Document, job_id: str, index: Index, choice: EnvironmentChoice,
                       project: Optional[str]) -> Tuple[List[Edit], Optional[str], List[str]]:
    """Edits that give the job an environment when it has none, the name in effect, and notes."""
    job = doc.get(("jobs", job_id)) or {}
    if "environment" in job:
        return [], environment_name(job), []
    if choice.disabled:
        return [], None, [f"job `{job_id}`: no environment added (--no-environment); register the publisher "
                          "without one"]
    name = choice.name or index.key
    value = {"name": name, "url": f"{index.site}/p/{project}"} if project else name
    return [Set(("jobs", job_id, "environment"), value, after=AFTER)], name, [
        f"job `{job_id}`: added environment `{name}`"]


def every_run_deploys(job: str, runs: str, gated: str, env_name: Optional[str], protections: str, fix: str) -> str:
    """A new environment on a job that runs more often than its uploads (GitHub and GitLab alike): each run
    of the job is a deployment, so the protection rules the next steps suggest would hold or fail the runs
    that upload nothing (pymssql: every push and pull request; rdiffweb: every push, the upload on tags)."""
    return (f"{job} runs {runs}, and only {gated}: with `environment: {env_name}` every run of the job is a "
            f"deployment, so protection rules on the environment ({protections}) would hold or fail the runs that "
            f"upload nothing; {fix}")
