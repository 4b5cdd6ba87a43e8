"""Plan a migration of one workflow: which edits, and what to tell the user about them.

The publisher modules find publish steps and say how each step changes; this module decides
per workflow and per job what may be converted at all, and adds the job-level pieces every
uploader shares (permissions, environment).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set as SetType, Union
from urllib.parse import urlencode

from codemods.engine.document import Document
from codemods.engine.edits import Edit
from codemods.environment import EnvironmentChoice, ensure_environment
from codemods.errors import Unsupported
from codemods.follow.indirect import IndirectPublish, find_indirect, indirect_to_oidc, indirect_to_token
from codemods.follow.shell_text import OIDC_FLAG_STUCK
from codemods.indexes import PYPI, TESTPYPI, Index
from codemods.permissions import grant_id_token, job_has_id_token, move_workflow_id_token, other_oidc_user, revoke_id_token
from codemods.project import Repository, job_project
from codemods.publishers import gh_action, maturin_action, run_step, to_action
from codemods.publishers.change import StepChange
from codemods.publishers.opaque import opaque_uploads
from codemods.readers import first_reader
from codemods.uploaders import registry
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
    companions: List[Any] = field(default_factory=list)  # FileChange of files the workflow runs
    oidc_jobs: SetType[str] = field(default_factory=set)  # jobs that publish with Trusted Publishing after the plan


PublishItem = Union[gh_action.PublishStep, run_step.Upload, IndirectPublish]


def find_publishing(doc: Document) -> List[PublishItem]:
    """Every step that uploads to a package index, in the order of the file."""
    items: List[PublishItem] = list(gh_action.find(doc)) + maturin_action.find_action(doc) + run_step.find(doc)
    order = {job_id: n for n, (job_id, _) in enumerate(jobs(doc))}  # once, not once per item
    return sorted(items, key=lambda s: (order[s.job_id], s.step_index))


def plan(doc: Document, options: Options, workflow_file: str, repo: Repository) -> Plan:
    found = [i for i in find_publishing(doc) if not _custom_setup_upload(i, repo)]
    direct = {item.path for item in found}
    found += [i for i in find_indirect(doc, repo.root, options.direction == TO_OIDC)
              if i.path not in direct]
    result = Plan()
    opaque = opaque_uploads(doc, (item.path for item in found), registry.credential_variables())
    if not found:
        result.skipped += opaque or ["no step publishes to PyPI"]
        return result
    result.warnings += opaque
    by_job: Dict[str, List[PublishItem]] = {}
    for item in found:
        by_job.setdefault(item.job_id, []).append(item)
    if options.direction == TO_OIDC:
        _to_oidc(doc, options, workflow_file, repo, by_job, result)
    else:
        _to_token(doc, options, by_job, result)
    try:
        edits, notes, warnings = move_workflow_id_token(doc, result.oidc_jobs)
    except Unsupported as e:
        result.skipped.append(f"the workflow-level `id-token: write` stays: {e}")
        return result
    result.edits += edits
    result.changes += notes
    result.warnings += warnings
    return result


def _custom_setup_upload(item: PublishItem, repo: Repository) -> bool:
    """The command runs the project's own code (setup.py's own `upload` command): it is followed into
    the project's files instead of reported as the tool's."""
    defers = item.uploader.detection.defers_to_project if isinstance(item, run_step.Upload) else None
    return defers is not None and defers(repo.root)


def _trusted_capable(item: PublishItem) -> bool:
    if isinstance(item, IndirectPublish):
        return not item.manual
    return isinstance(item, gh_action.PublishStep) or item.uploader.trusted is not None


def _other_index(item: PublishItem) -> str:
    where = f"`{item.url}`" if isinstance(item, gh_action.PublishStep) else item.where
    return (f"{item.label} in job `{item.job_id}` uploads to an index given by {where}, which is not PyPI or "
            "TestPyPI (or not one this tool can tell); it keeps its token")


def _step_to_oidc(doc, item: PublishItem, reusable: bool, converted) -> StepChange:
    if isinstance(item, gh_action.PublishStep):
        return gh_action.to_oidc(doc, item, reusable=reusable)
    if isinstance(item, IndirectPublish):
        return indirect_to_oidc(doc, item, converted)
    if item.uploader.trusted:
        change = run_step.to_oidc(doc, item, converted)
    else:
        change = to_action.to_action(doc, item, converted)
    prefix = f"{item.label} in job `{item.job_id}` ({item.uploader.name})"
    change.notes = [f"{prefix}: {n}" for n in change.notes]
    return change


def _to_oidc(doc, options, workflow_file, repo, by_job, result: Plan) -> None:
    events = triggers(doc)
    reusable = "workflow_call" in events
    all_jobs = dict(jobs(doc))
    for job_id, items in by_job.items():
        job = all_jobs[job_id]
        had_id_token = job_has_id_token(doc, job_id)
        token_items = [s for s in items if s.uses_token]
        if not token_items:
            if any(s.targets and _trusted_capable(s) for s in items):
                result.oidc_jobs.add(job_id)
            if not had_id_token and not reusable and any(s.targets and _trusted_capable(s) for s in items):
                _grant(doc, job_id, result, "publishes without a token but could not get an OIDC token")
                for step in items:  # @master has no Trusted Publishing code: the grant alone would not work
                    move = gh_action.ref_edit(step) if isinstance(step, gh_action.PublishStep) else None
                    if move is not None:
                        result.edits.append(move)
                        result.changes.append(f"{step.label} in job `{job_id}`: moved `@{step.ref.strip()}` (no Trusted "
                                              f"Publishing support) to `@{gh_action.RECOMMENDED_REF}`")
            continue
        convert = [s for s in token_items if s.targets]
        for item in token_items:
            if item.targets:
                continue
            if item.index_unknown and had_id_token:
                # The seed's conflict: a job that gets OIDC tokens still passes a password.
                result.warnings.append(
                    f"{item.label} in job `{item.job_id}` passes a password in a job that uses Trusted Publishing; "
                    "its index is decided at run time: Trusted Publishing works only if it is PyPI or TestPyPI")
                convert.append(item)
            else:
                result.skipped.append(_other_index(item))
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
        elif any(isinstance(s, gh_action.PublishStep) or (isinstance(s, run_step.Upload) and not s.uploader.trusted)
                 for s in convert):
            blocker = runner_problem(job)  # the action is a container action: Linux runners only
        if blocker:
            result.skipped.append(f"job `{job_id}` not converted: {blocker}")
            continue
        job_result = Plan()
        done: List[PublishItem] = []
        converted_paths = [s.path for s in convert]
        try:
            for item in convert:
                change = _step_to_oidc(doc, item, reusable, converted_paths)
                if change.blocked:  # that step keeps its token, and works as before
                    job_result.skipped.append(change.blocked)
                    continue
                done.append(item)
                _collect(job_result, change)
            result.skipped += job_result.skipped
            if not done:
                continue
            targets = [i for s in items for i in (s.targets or (PYPI,))]
            index = PYPI if PYPI in targets else TESTPYPI
            project = job_project(repo, all_jobs, job_id)
            env_edits, env_name, env_notes = ensure_environment(doc, job_id, index, options.environment, project)
            perm_edits, perm_notes, perm_warnings = grant_id_token(
                doc, job_id, [c.old_text for s in items if isinstance(s, IndirectPublish) for c in s.changes])
        except Unsupported as e:
            result.skipped.append(f"job `{job_id}` not converted: {e}")
            continue
        reader = first_reader(doc, repo.root, job_result.edits + env_edits + perm_edits, job_result.companions)
        if reader:  # a guard or a command still reads what would go: the release would change silently
            result.skipped.append(f"job `{job_id}` not converted: {reader}")
            continue
        _merge(result, job_result)
        result.edits += env_edits + perm_edits
        result.changes += env_notes + perm_notes
        result.oidc_jobs.add(job_id)
        result.warnings += perm_warnings
        if reusable:
            result.warnings.append(
                f"job `{job_id}` is in a reusable workflow, which PyPI supports only by accident: register "
                f"`{workflow_file}` (the called file) as the publisher's workflow, give each calling job "
                "`id-token: write`, and plan to move the upload into the calling workflow")
        actions = [s for s in items if isinstance(s, gh_action.PublishStep) and s.targets]
        if len(actions) > 1:
            result.warnings.append(
                f"job `{job_id}` calls {gh_action.ACTION} {len(actions)} times: with Trusted Publishing each call "
                "uploads attestations, and the second fails with \"already has a publish attestation\". Move the "
                "TestPyPI upload into its own job (environment `testpypi`), or set `attestations: false` on one step")
        for index in sorted(set(i for s in done for i in (s.targets or (PYPI,))), key=lambda i: i.key):
            result.registrations.append(Registration(index, repo.owner_or_placeholder, repo.name_or_placeholder,
                                                     workflow_file, env_name, project))


def _grant(doc, job_id, result: Plan, why: str) -> None:
    try:
        perm_edits, perm_notes, perm_warnings = grant_id_token(doc, job_id)
    except Unsupported as e:
        result.skipped.append(f"job `{job_id}` {why}: {e}")
        return
    result.edits += perm_edits
    result.changes += perm_notes
    result.warnings += perm_warnings
    result.warnings.append(f"job `{job_id}` {why}; it now has `id-token: write`")


def _step_to_token(doc, item: PublishItem, secret: str) -> StepChange:
    if isinstance(item, gh_action.PublishStep):
        return gh_action.to_token(doc, item, secret)
    if isinstance(item, IndirectPublish):
        return indirect_to_token(doc, item, secret)
    return run_step.to_token(doc, item, secret)


def _revoke(doc, job_id: str, keep_for: Optional[str], result: Plan) -> None:
    perm_edits, perm_notes = revoke_id_token(doc, job_id, keep_for)
    if perm_edits:  # otherwise nothing changes and the job already publishes with a token
        result.edits += perm_edits
        result.changes += perm_notes


def _to_token(doc, options, by_job, result: Plan) -> None:
    all_jobs = dict(jobs(doc))
    for job_id, items in by_job.items():
        has_id_token = job_has_id_token(doc, job_id)
        stuck = [s for s in items if isinstance(s, IndirectPublish) and has_id_token
                 and any(OIDC_FLAG_STUCK in m for m in s.manual)]
        if stuck:  # a followed upload pubmode cannot give the token: the job keeps its id-token
            result.skipped.append(f"job `{job_id}` not converted: "
                                  + indirect_to_token(doc, stuck[0], options.secret).blocked)
            result.oidc_jobs.add(job_id)
            continue
        # Trusted Publishing needs the job's id-token (the action's index may be one we cannot tell).
        trusted = [s for s in items if not s.uses_token and _trusted_capable(s) and has_id_token and (
            s.targets or isinstance(s, gh_action.PublishStep))]
        if not trusted:
            if has_id_token and all(s.uses_token and s.targets for s in items):
                # The mixed state: a PyPI token and `id-token: write`. Token mode needs no OIDC token (an
                # upload to another index may log in with one: left alone).
                _revoke(doc, job_id, other_oidc_user(all_jobs[job_id]), result)
            continue
        job_result = Plan()
        seen_steps: Dict[tuple, PublishItem] = {}
        try:
            for item in sorted(trusted, key=lambda s: s.targets != (PYPI,)):
                if isinstance(item, run_step.Upload) and (item.path, item.uploader.name) in seen_steps:
                    # One `env:` serves every upload of this tool in the step.
                    if seen_steps[(item.path, item.uploader.name)].targets != item.targets:
                        job_result.warnings.append(
                            f"{item.label} in job `{job_id}` also uploads to {item.targets[0].title if item.targets else 'another index'} "
                            f"with {item.uploader.name}; the step's token variables now hold the PyPI token, so give "
                            "that upload its own token by hand")
                    continue
                if isinstance(item, run_step.Upload):
                    seen_steps[(item.path, item.uploader.name)] = item
                secret = options.test_secret if item.targets == (TESTPYPI,) else options.secret
                change = _step_to_token(doc, item, secret)
                if change.blocked:
                    # A step left without its token must keep `id-token`: the whole job stays as it is.
                    raise Unsupported(change.blocked)
                _collect(job_result, change)
                job_result.warnings += _attestations_stop(item)
            others_trusted = any(s not in trusted and not s.uses_token and _trusted_capable(s) for s in items)
            keep_for = other_oidc_user(all_jobs[job_id]) or (
                "another publish step that uses Trusted Publishing" if others_trusted else None)
            if others_trusted:
                result.oidc_jobs.add(job_id)
            perm_edits, perm_notes = revoke_id_token(doc, job_id, keep_for)
        except Unsupported as e:
            result.skipped.append(f"job `{job_id}` not converted: {e}")
            result.oidc_jobs.add(job_id)
            continue
        _merge(result, job_result)
        result.edits += perm_edits
        (result.changes if perm_edits else result.warnings).extend(perm_notes)


def _collect(job: Plan, change: StepChange) -> None:
    """Add one step's change to its job's plan (kept apart until the whole job is known to work)."""
    job.edits += change.edits
    job.companions += change.files
    job.changes += change.notes
    job.warnings += change.warnings
    job.removed_secrets |= change.removed_secrets
    job.added_secrets |= change.added_secrets


def _attestations_stop(item: PublishItem) -> List[str]:
    """PEP 740 attestations exist only with Trusted Publishing: with a password the action skips them."""
    if not isinstance(item, gh_action.PublishStep):
        return []
    if any(str(item.inputs[k]).strip().lower() == "false" for k in gh_action.input_keys(item.inputs, ("attestations",))):
        return []
    return [f"{item.label} in job `{item.job_id}`: with a token the action uploads no PEP 740 attestations "
            "(they need Trusted Publishing); releases made from now on carry none"]


def _merge(result: Plan, job: Plan) -> None:
    """Add one job's complete conversion to the workflow's plan."""
    result.edits += job.edits
    result.companions += job.companions
    result.changes += job.changes
    result.warnings += job.warnings
    result.added_secrets |= job.added_secrets
    result.removed_secrets |= job.removed_secrets
