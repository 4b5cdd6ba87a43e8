"""Plan a migration of one workflow: which edits, and what to tell the user about them.

The publisher modules find publish steps and say how each step changes; this module decides
per workflow and per job what may be converted at all, and adds the job-level pieces every
uploader shares (permissions, environment).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set as SetType
from urllib.parse import urlencode

from codemods.engine.document import Document
from codemods.engine.edits import Edit
from codemods.environment import EnvironmentChoice, ensure_environment
from codemods.errors import Unsupported
from codemods.indexes import PYPI, TESTPYPI, Index
from codemods.permissions import grant_id_token, job_has_id_token, other_oidc_user, revoke_id_token
from codemods.project import Repository
from codemods.publishers import gh_action
from codemods.workflow import jobs, runner_problem, triggers

TO_OIDC, TO_TOKEN = "to-oidc", "to-token"


@dataclass(frozen=True)
class Options:
    direction: str
    environment: EnvironmentChoice = EnvironmentChoice()
    secret: str = "PYPI_API_TOKEN"
    test_secret: str = "TEST_PYPI_API_TOKEN"


@dataclass(frozen=True)
class Registration:
    """The values of PyPI's "Add a new publisher" form for one publishing job."""

    index: Index
    owner: str
    repository: str
    workflow: str
    environment: Optional[str]
    project: Optional[str]

    def link(self) -> str:
        if not self.project:
            return f"{self.index.site}/manage/account/publishing/"
        query = {"provider": "github", "owner": self.owner, "repository": self.repository,
                 "workflow_filename": self.workflow}
        if self.environment:
            query["environment"] = self.environment
        return f"{self.index.site}/manage/project/{self.project}/settings/publishing/?{urlencode(query)}"


@dataclass
class Plan:
    edits: List[Edit] = field(default_factory=list)
    changes: List[str] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)
    skipped: List[str] = field(default_factory=list)
    registrations: List[Registration] = field(default_factory=list)
    removed_secrets: SetType[str] = field(default_factory=set)
    added_secrets: SetType[str] = field(default_factory=set)


def plan(doc: Document, options: Options, workflow_file: str, repo: Repository) -> Plan:
    found = gh_action.find(doc)
    result = Plan()
    if not found:
        result.skipped.append("no step publishes to PyPI with pypa/gh-action-pypi-publish")
        return result
    by_job: Dict[str, List[gh_action.PublishStep]] = {}
    for step in found:
        if step.index is None:
            result.skipped.append(f"{step.label} in job `{step.job_id}` publishes to another index "
                                  "(not PyPI or TestPyPI); left as is")
            continue
        by_job.setdefault(step.job_id, []).append(step)
    if options.direction == TO_OIDC:
        _to_oidc(doc, options, workflow_file, repo, by_job, result)
    else:
        _to_token(doc, options, by_job, result)
    return result


def _workflow_blocker(doc: Document) -> Optional[str]:
    events = triggers(doc)
    if "workflow_call" in events:
        return ("this is a reusable workflow (`on: workflow_call`): PyPI matches the calling workflow's claims "
                "to a publisher only by accident, and the action does not support it. Move the publish job into "
                "the top-level workflow that calls this one, or keep the token here")
    if "pull_request_target" in events:
        return ("the workflow runs on `pull_request_target`, which PyPI rejects for Trusted Publishing "
                "(it would let pull requests publish); publish from a tag, release or workflow_dispatch workflow")
    return None


def _to_oidc(doc, options, workflow_file, repo, by_job, result: Plan) -> None:
    blocker = _workflow_blocker(doc)
    if blocker and any(s.uses_token for steps_ in by_job.values() for s in steps_):
        result.skipped.append("not converted: " + blocker)
        return
    all_jobs = dict(jobs(doc))
    for job_id, pub_steps in by_job.items():
        job = all_jobs[job_id]
        token_steps = [s for s in pub_steps if s.uses_token]
        if not token_steps:
            if not job_has_id_token(doc, job_id) and not blocker:
                _grant(doc, job_id, result, "already uses Trusted Publishing but could not get an OIDC token")
            continue
        problem = runner_problem(job)
        if problem:
            result.skipped.append(f"job `{job_id}` not converted: {problem}")
            continue
        edits: List[Edit] = []
        try:
            for step in token_steps:
                change = gh_action.to_oidc(doc, step)
                edits += change.edits
                result.changes += change.notes
                result.warnings += change.warnings
                result.removed_secrets |= change.removed_secrets
            index = PYPI if any(s.index is PYPI for s in pub_steps) else TESTPYPI
            env_edits, env_name, env_notes = ensure_environment(doc, job_id, index, options.environment, repo.project)
            perm_edits, perm_notes = grant_id_token(doc, job_id)
        except Unsupported as e:
            result.skipped.append(f"job `{job_id}` not converted: {e}")
            continue
        result.edits += edits + env_edits + perm_edits
        result.changes += env_notes + perm_notes
        if len(pub_steps) > 1:
            result.warnings.append(
                f"job `{job_id}` calls {gh_action.NAME} {len(pub_steps)} times: with Trusted Publishing each call "
                "uploads attestations, and the second fails with \"already has a publish attestation\". Move the "
                "TestPyPI upload into its own job (environment `testpypi`), or set `attestations: false` on one step")
        for index in sorted({s.index for s in pub_steps}, key=lambda i: i.key):
            result.registrations.append(Registration(index, repo.owner_or_placeholder, repo.name_or_placeholder,
                                                     workflow_file, env_name, repo.project))


def _grant(doc, job_id, result: Plan, why: str) -> None:
    try:
        perm_edits, perm_notes = grant_id_token(doc, job_id)
    except Unsupported as e:
        result.skipped.append(f"job `{job_id}` {why}: {e}")
        return
    result.edits += perm_edits
    result.changes += perm_notes
    result.warnings.append(f"job `{job_id}` {why}; it now has `id-token: write`")


def _to_token(doc, options, by_job, result: Plan) -> None:
    all_jobs = dict(jobs(doc))
    for job_id, pub_steps in by_job.items():
        trusted = [s for s in pub_steps if not s.uses_token]
        if not trusted:
            continue
        edits: List[Edit] = []
        try:
            for step in trusted:
                secret = options.test_secret if step.index is TESTPYPI else options.secret
                change = gh_action.to_token(doc, step, secret)
                edits += change.edits
                result.changes += change.notes
                result.warnings += change.warnings
                result.added_secrets |= change.added_secrets
            others_trusted = any(s.index is None and not s.uses_token for s in gh_action.find(doc)
                                 if s.job_id == job_id)
            keep_for = other_oidc_user(all_jobs[job_id]) or (
                "another publish step that uses Trusted Publishing" if others_trusted else None)
            perm_edits, perm_notes = revoke_id_token(doc, job_id, keep_for)
        except Unsupported as e:
            result.skipped.append(f"job `{job_id}` not converted: {e}")
            continue
        result.edits += edits + perm_edits
        (result.changes if perm_edits else result.warnings).extend(perm_notes)
