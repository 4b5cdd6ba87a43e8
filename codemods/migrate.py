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
        return f"{self.index.site}/manage/project/{self.project}/settings/publishing/?{urlencode(query, safe='<>')}"


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
        by_job.setdefault(step.job_id, []).append(step)
    if options.direction == TO_OIDC:
        _to_oidc(doc, options, workflow_file, repo, by_job, result)
    else:
        _to_token(doc, options, by_job, result)
    return result


def _other_index(step: gh_action.PublishStep) -> str:
    return (f"{step.label} in job `{step.job_id}` uploads to `{step.url}`, which is not PyPI or TestPyPI "
            "(or not one this tool can tell); left as is")


def _to_oidc(doc, options, workflow_file, repo, by_job, result: Plan) -> None:
    events = triggers(doc)
    reusable = "workflow_call" in events
    all_jobs = dict(jobs(doc))
    for job_id, pub_steps in by_job.items():
        job = all_jobs[job_id]
        had_id_token = job_has_id_token(doc, job_id)
        token_steps = [s for s in pub_steps if s.uses_token]
        if not token_steps:
            if not had_id_token and any(s.targets for s in pub_steps) and not reusable:
                _grant(doc, job_id, result, "already uses Trusted Publishing but could not get an OIDC token")
            continue
        convert = []
        for step in token_steps:
            if step.targets:
                convert.append(step)
            elif had_id_token:
                # The seed's conflict: the job asks for an OIDC token and still passes a password.
                result.warnings.append(
                    f"{step.label} in job `{step.job_id}` has `id-token: write` and a password, so it published "
                    f"with the password; its upload URL `{step.url}` is decided at run time: Trusted Publishing "
                    "works only if it is PyPI or TestPyPI")
                convert.append(step)
            else:
                result.skipped.append(_other_index(step))
        if not convert:
            continue
        blocker = None
        if "pull_request_target" in events:
            blocker = ("the workflow runs on `pull_request_target`, which PyPI rejects for Trusted Publishing "
                       "(it would let pull requests publish); publish from a tag, release or workflow_dispatch "
                       "workflow instead")
        elif reusable and not had_id_token:
            blocker = ("this is a reusable workflow (`on: workflow_call`): PyPI does not support Trusted "
                       "Publishing from one (warehouse#11096). Move the publish job into the top-level workflow "
                       "that calls this one, then migrate that, or keep the token here")
        else:
            blocker = runner_problem(job)
        if blocker:
            result.skipped.append(f"job `{job_id}` not converted: {blocker}")
            continue
        edits: List[Edit] = []
        try:
            for step in convert:
                change = gh_action.to_oidc(doc, step, reusable=reusable)
                edits += change.edits
                result.changes += change.notes
                result.warnings += change.warnings
                result.removed_secrets |= change.removed_secrets
            targets = [i for s in pub_steps for i in (s.targets or (PYPI,))]
            index = PYPI if PYPI in targets else TESTPYPI
            env_edits, env_name, env_notes = ensure_environment(doc, job_id, index, options.environment, repo.project)
            perm_edits, perm_notes = grant_id_token(doc, job_id)
        except Unsupported as e:
            result.skipped.append(f"job `{job_id}` not converted: {e}")
            continue
        result.edits += edits + env_edits + perm_edits
        result.changes += env_notes + perm_notes
        if reusable:
            result.warnings.append(
                f"job `{job_id}` is in a reusable workflow, which PyPI supports only by accident: register "
                f"`{workflow_file}` (the called file) as the publisher's workflow, give each calling job "
                "`id-token: write`, and plan to move the upload into the calling workflow")
        if len(pub_steps) > 1:
            result.warnings.append(
                f"job `{job_id}` calls {gh_action.NAME} {len(pub_steps)} times: with Trusted Publishing each call "
                "uploads attestations, and the second fails with \"already has a publish attestation\". Move the "
                "TestPyPI upload into its own job (environment `testpypi`), or set `attestations: false` on one step")
        for index in sorted(set(targets), key=lambda i: i.key):
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
        # A step whose index we cannot tell publishes with Trusted Publishing when its job has id-token.
        trusted = [s for s in pub_steps if not s.uses_token and (s.targets or job_has_id_token(doc, job_id))]
        if not trusted:
            continue
        edits: List[Edit] = []
        try:
            for step in trusted:
                secret = options.test_secret if step.targets == (TESTPYPI,) else options.secret
                change = gh_action.to_token(doc, step, secret)
                edits += change.edits
                result.changes += change.notes
                result.warnings += change.warnings
                result.added_secrets |= change.added_secrets
            others_trusted = any(not s.targets and not s.uses_token for s in pub_steps)
            keep_for = other_oidc_user(all_jobs[job_id]) or (
                "another publish step that uses Trusted Publishing" if others_trusted else None)
            perm_edits, perm_notes = revoke_id_token(doc, job_id, keep_for)
        except Unsupported as e:
            result.skipped.append(f"job `{job_id}` not converted: {e}")
            continue
        result.edits += edits + perm_edits
        (result.changes if perm_edits else result.warnings).extend(perm_notes)
