"""Plan a migration of one workflow: which edits, and what to tell the user about them.

The publishers find publish steps and say how each step changes (the `Publisher` protocol); this
module decides per workflow and per job what may be converted at all (the job blockers), and adds
the job-level pieces every uploader shares (permissions, environment, registration).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set as SetType, Tuple

from codemods.engine.document import Document

from codemods.environment import EnvironmentChoice, ensure_environment, every_run_deploys
from codemods.errors import Unsupported
from codemods.follow.composite import nested_publish_actions
from codemods.follow.indirect import IndirectPublish, find_indirect
from codemods.follow.installs import job_pins
from codemods.indexes import PYPI, TESTPYPI
from codemods.notes import Note, WHY, about_job, at_of, noted, step_in_job
from codemods.follow.calls import files_run_by
from codemods.permissions import (LOST_ATTESTATIONS, grant_id_token, job_has_id_token, move_workflow_id_token, other_oidc_user,
                                  pypi_signers, revoke_id_token)
from codemods.project import Repository, run_time_folder
from codemods.published_projects import published_projects, workflow_inputs
from codemods.publishers import gh_action
from codemods.publishers.change import Changes, StepChange
from codemods.publishers.opaque import opaque_uploads
from codemods.publishers.publisher import Publisher, find_publishing
from codemods.publishers.to_action import names_apart
from codemods.readers import first_reader
from codemods.registration import (NO_PACKAGE_NAME, Registration, own_runs_advice, publishes_as_called,
                                   reusable_workflow_advice)
from codemods.reusable import (declared, declared_token_secrets, resolve_added, resolve_removed,
                               undeclared_secrets)
from codemods.uploaders import registry
from codemods.workflow import (FORK_NO_OIDC, condition_text, step_label, steps, pull_request_fix, jobs, runner_problem, runs_for_pull_requests,
                              triggers)

TO_OIDC, TO_TOKEN = "to-oidc", "to-token"
NOTHING_TO_DO = "no step publishes to PyPI"  # the reason a workflow is unchanged, not a refusal


@dataclass(frozen=True)
class Options:
    direction: str
    environment: EnvironmentChoice = EnvironmentChoice()
    secret: str = "PYPI_API_TOKEN"
    test_secret: str = "TEST_PYPI_API_TOKEN"
    split_jobs: bool = False  # to-oidc: publish from a new job where the job builds or cannot run the action
    # to-oidc: convert a GitLab pipeline whose `origin` is a self-managed instance (PyPI must have onboarded it)
    self_managed_gitlab: bool = False
    # to-token: `--secret`/`--test-secret` given: then they win over the secret a reusable workflow declares
    secret_given: bool = False
    test_secret_given: bool = False


@dataclass
class Plan(Changes):
    """A workflow's migration: the changes of the jobs that convert, and what stays and why."""

    skipped: List[str] = field(default_factory=list)
    registrations: List[Registration] = field(default_factory=list)
    oidc_jobs: SetType[str] = field(default_factory=set)  # jobs that publish with Trusted Publishing after the plan
    token_projects: Dict[str, SetType[str]] = field(default_factory=dict)  # to-token: a secret given -> the
    # projects its uploads publish (where known), to tell a secret that serves several across workflows
    # to-token: a secret given -> where its uploads choose their project at run time (then no token scoped to
    # one project will do)
    token_run_time: Dict[str, List[str]] = field(default_factory=dict)
    # to-token: a secret given -> why pubmode cannot name a project its uploads publish (to-oidc's `<project name>`,
    # "one publisher for each project the job uploads"): then the token must cover whatever the job uploads
    token_unknown: Dict[str, List[str]] = field(default_factory=dict)
    platform: str = "github"  # "gitlab" for a .gitlab-ci.yml: its secrets are CI/CD variables
    # (to-oidc) the callers' `secrets:` entries that filled a secret of this reusable workflow the converted
    # uploads no longer read (reusable.Pass): no reads of the secrets they name, once the upload is converted
    passes: list = field(default_factory=list)
    test_secrets: SetType[str] = field(default_factory=set)  # (to-token) the secrets given TestPyPI's token
    # (to-token) the secrets the PyPI uploads already on a token read: the name a new token may reuse
    kept_token_secrets: SetType[str] = field(default_factory=set)
    unsigned: List[str] = field(default_factory=list)  # (to-token) the steps that signed PyPI attestations with the
    # OIDC token the plan takes away (permissions.PYPI_SIGN_RUN): said with the workflow-level permission too


def plan(doc: Document, options: Options, workflow_file: str, repo: Repository) -> Plan:
    found = [i for i in find_publishing(doc, repo.root) if not i.defers_to_project(repo.root)]
    direct = {item.path for item in found}
    found += [i for i in find_indirect(doc, repo.root, options.direction == TO_OIDC)
              if i.path not in direct]
    result = Plan()
    opaque = opaque_uploads(doc, (item.path for item in found), registry.credential_variables(), repo.root,
                            options.direction == TO_OIDC)
    if not found:
        result.skipped += opaque or [NOTHING_TO_DO]
        return result
    result.warnings += opaque
    result.warnings += [n.note for n in nested_publish_actions(doc, repo.root)]
    by_job: Dict[str, List[Publisher]] = {}
    for item in found:
        by_job.setdefault(item.job_id, []).append(item)
    w = _Workflow(doc, options, workflow_file, repo, set(triggers(doc)), dict(jobs(doc)), by_job)
    (_to_oidc if options.direction == TO_OIDC else _to_token)(w, by_job, result)
    result.changes = list(dict.fromkeys(result.changes))  # two uploads of one step: its `env:` said once
    result.edits = names_apart(result.edits)
    if result.registrations and repo.note:  # a mirror on GitHub: where its owner and repository come from
        result.warnings.append(repo.note)
    if options.direction == TO_TOKEN:
        result.warnings += undeclared_secrets(doc, result.added_secrets)
    if w.reusable:
        _callers_secrets(w, result)
    try:
        edits, notes, warnings = move_workflow_id_token(doc, result.oidc_jobs, repo.root, result.unsigned)
    except Unsupported as e:
        result.skipped.append(f"the workflow-level `id-token: write` stays: {e}")
        return result
    result.edits += edits
    result.changes += noted(notes, why=WHY[options.direction, "workflow-permissions"])
    result.warnings += warnings
    return result


def _callers_secrets(w: "_Workflow", result: Plan) -> None:
    """A secret a reusable workflow declares is filled by its callers: the secrets they pass are the ones
    to revoke (to-oidc) or create (to-token), said with the callers' entries (codemods/reusable.py)."""
    path = w.path
    if w.options.direction == TO_OIDC:
        others = bool(w.events - {"workflow_call"})  # run on its own too: the name is also a repository secret
        for name in sorted(result.removed_secrets):
            resolved = resolve_removed(w.doc, path, name, others)
            if resolved is None:
                continue
            result.removed_secrets.discard(name)
            result.removed_secrets |= resolved.secrets
            result.passes += [p for p in resolved.passes if p.secrets]
            if resolved.note not in result.revoke_notes:
                result.revoke_notes.append(resolved.note)
        return
    known = set(map(str, declared(w.doc) or ()))
    for name in sorted(result.added_secrets & known):
        secrets, notes = resolve_added(path, name)
        result.added_secrets.discard(name)
        result.added_secrets |= secrets
        result.warnings += notes
        for mapping in (result.token_projects, result.token_run_time, result.token_unknown):
            if name in mapping:
                value = mapping.pop(name)
                for s in secrets:
                    mapping[s] = type(value)(value)
        if name in result.test_secrets:
            result.test_secrets.discard(name)
            result.test_secrets |= secrets


def _index_at_run_time(item: Publisher) -> str:
    """to-token's refusal of a Trusted Publishing upload whose index an expression chooses: which token it
    needs (PyPI's, TestPyPI's, another index's) is known only at run time, and to-oidc refuses the result."""
    return (f"{step_in_job(item.label, item.job_id)} uploads to an index given by {item.where}, known only at run "
            "time: pubmode cannot tell whether it needs a PyPI or a TestPyPI token; add the secret of the index it "
            "uploads to by hand (`password:` or the uploader's token variable) and drop `id-token: write`")


def refusals(doc: Document, workflow_file: str, repo: Repository) -> Dict[Tuple[Any, ...], Note]:
    """What `migrate to-oidc` would refuse in the workflow and say why, by the YAML path of the step or job
    (`("jobs", id, "steps", i)` or `("jobs", id)`): its own sentences from its own plan (made as migrate makes
    it, never written), for the doctor, whose fixes must not send anyone to a conversion that does not happen.
    A repository on a host PyPI takes no publisher from, or a workflow migrate cannot plan, is refused whole
    (`()`), with the sentence migrate prints."""
    from codemods.errors import InputError
    from codemods.registration import host_accepted, host_not_accepted

    out: Dict[Tuple[Any, ...], Note] = {}
    if not host_accepted(repo.host):
        out[()] = Note(f"Keep the API token: {host_not_accepted(repo.host)}")
    try:
        planned = plan(doc, Options(TO_OIDC), workflow_file, repo)
    except InputError as e:  # what migrate would print as this file's error
        out.setdefault((), Note(f"`migrate to-oidc` stops on this workflow: {e.where(workflow_file)}: {e.message}"))
        return out
    for note in planned.skipped:
        at = at_of(note)
        if at is not None and at[:1] == ("jobs",):
            out.setdefault(tuple(at), note)
    return out


def _other_index(item: Publisher) -> str:
    return (f"{step_in_job(item.label, item.job_id)} uploads to an index given by {item.where}, which is not PyPI or "
            "TestPyPI (or not one this tool can tell); it keeps its token")


@dataclass(frozen=True)
class _Workflow:
    """What every job's conversion reads about the workflow, computed once."""

    doc: Document
    options: Options
    file: str
    repo: Repository
    events: SetType[str]
    jobs: Dict[str, Any]
    by_job: Dict[str, List[Publisher]] = field(default_factory=dict)
    _declared: Optional[Dict[str, str]] = None  # to-token: the declared secret of each index (secret_for)
    _called: Optional[bool] = None  # publishes_as_called, once

    @property
    def reusable(self) -> bool:
        """`on: workflow_call`: its secrets are the ones its callers pass."""
        return "workflow_call" in self.events

    @property
    def called(self) -> bool:
        """Its jobs publish as a called workflow's (PyPI does not support it): reusable, and not run on its own
        by a trigger of its own while nothing in the repository calls it (`registration.own_triggers`)."""
        if self._called is None:
            object.__setattr__(self, "_called", publishes_as_called(self.path, self.events))
        return bool(self._called)

    @property
    def path(self):
        return self.doc.path or self.repo.root / ".github" / "workflows" / self.file

    def secret_for(self, item: Publisher) -> str:
        """The secret to-token gives an upload: `--secret` (`--test-secret` for TestPyPI) when given, else the
        one a reusable workflow declares for it (its callers pass the token under that name), else the default."""
        test = item.targets == (TESTPYPI,)
        if self.reusable and not (self.options.test_secret_given if test else self.options.secret_given):
            index = TESTPYPI.key if test else PYPI.key
            if self._declared is None:
                object.__setattr__(self, "_declared", declared_token_secrets(
                    self.doc, self.doc.text, [TESTPYPI.key if s.targets == (TESTPYPI,) else PYPI.key
                                              for items in self.by_job.values() for s in items], self.path))
            if index in self._declared:
                return self._declared[index]
        return self.options.test_secret if test else self.options.secret


# Why a job that publishes with a token cannot move to Trusted Publishing (None: it can), in order.
def _pull_request_target(w: _Workflow, job_id: str, convert: List[Publisher]) -> Optional[str]:
    if "pull_request_target" in w.events:
        return ("the workflow runs on `pull_request_target`, which PyPI rejects for Trusted Publishing (it would let "
                "pull requests publish); publish from a tag, release or workflow_dispatch workflow instead")
    return None


def _reusable_workflow(w: _Workflow, job_id: str, convert: List[Publisher]) -> Optional[str]:
    if w.called and not job_has_id_token(w.doc, job_id):
        return ("this is a reusable workflow (`on: workflow_call`): PyPI does not support Trusted Publishing from "
                "one (warehouse#11096). Move the publish job into the top-level workflow that calls this one, then "
                "migrate that, or keep the token here")
    return None


def _runner(w: _Workflow, job_id: str, convert: List[Publisher]) -> Optional[str]:
    if any(s.needs_linux for s in convert):
        problem = runner_problem(w.jobs[job_id])  # the action is a container action: Linux runners only
        return problem and problem + ("; `migrate to-oidc --split-jobs` keeps the build there and publishes from a "
                                      "new `ubuntu-latest` job")
    return None


# (finding id, check): the id is the doctor's for the same problem, so `migrate explain ID` explains a refusal
JOB_BLOCKERS = (("pull-request-target-trigger", _pull_request_target), ("reusable-workflow-publisher", _reusable_workflow),
                ("unsupported-runner", _runner))


def _to_oidc(w: _Workflow, by_job: Dict[str, List[Publisher]], result: Plan) -> None:
    converted, splits = {}, []
    for job_id, items in by_job.items():
        with about_job(result, job_id):
            if not any(s.uses_token or s.dead_inputs for s in items):
                trusted = [s for s in items if s.targets and s.trusted_capable]
                blocker = _blocker(w, job_id, trusted)
                if not _split(w, job_id, items, trusted, blocker, splits, result):
                    outcome = _tokenless_job(w, job_id, items, blocker, result)
                    if outcome:
                        converted[job_id] = outcome
                continue
            convert = _to_convert(w, job_id, items, result)
            # an index chosen at run time keeps its token; naming it would still meet the job's blocker: say both
            run_time = [s for s in items if (s.uses_token or s.dead_inputs) and not s.targets and s.index_unknown]
            blocker = _blocker(w, job_id, convert or run_time)
            if _split(w, job_id, items, convert, blocker, splits, result):
                continue
            if blocker and (convert or run_time):
                result.skipped.append(Note(f"job `{job_id}` not converted [{blocker[0]}]: {blocker[1]}",
                                           finding=blocker[0], at=("jobs", job_id)))
            elif convert:
                outcome = _convert_job(w, job_id, items, convert, result)
                if outcome:
                    converted[job_id] = outcome
            elif not run_time:  # only other indexes' tokens: the job's tokenless uploads are read as such
                tokenless = [s for s in items if not (s.uses_token or s.dead_inputs)]
                trusted = [s for s in tokenless if s.targets and s.trusted_capable]
                outcome = _tokenless_job(w, job_id, tokenless, _blocker(w, job_id, trusted), result) if trusted else None
                if outcome:
                    converted[job_id] = outcome
    if splits:  # codemods/split_jobs.py is imported only for --split-jobs
        from codemods import split_jobs

        converted.update(split_jobs.finish(w, splits, result))
    if result.token_users_left:  # a shared `__token__` user: it goes once every step reading it converted
        from codemods.publishers.env_vars import token_users_unread

        result.add(token_users_unread(w.doc, result.token_users_left))
    result.warnings += _same_project_other_tokens(converted)


def _blocker(w: _Workflow, job_id: str, convert: List[Publisher]) -> Optional[Tuple[str, str]]:
    return next(((rid, why) for rid, check in JOB_BLOCKERS if (why := check(w, job_id, convert))), None)


def _split(w: _Workflow, job_id: str, items: List[Publisher], convert: List[Publisher],
           blocker: Optional[Tuple[str, str]], splits: list, result: Plan) -> bool:
    """--split-jobs: a job that builds, or whose runner cannot run the action, publishes from a new job
    (split_jobs.py); True when that is decided (done, or refused with the reason)."""
    if not (convert and w.options.split_jobs and (blocker is None or blocker[0] == "unsupported-runner")):
        return False
    from codemods import split_jobs

    if not split_jobs.wanted(w.jobs[job_id], blocker is not None):
        return False
    split = split_jobs.plan(w, job_id, items, convert, *_published_project(w, job_id, convert))
    if isinstance(split, str):
        result.skipped.append(split)
    else:
        splits.append(split)
        result.warnings += _pull_request_warning(w, job_id, convert, split=True)  # runs when the upload did
    return True


def _tokenless_job(w: _Workflow, job_id: str, items: List[Publisher], blocker: Optional[Tuple[str, str]],
                   result: Plan) -> Optional[Tuple[Optional[str], frozenset, SetType[str]]]:
    """A job that already publishes without a token. With `id-token: write` it is left as it is (an old pin
    is said); without it, it is converted as a token job is (the same blockers, then permission, environment,
    pull-request warning and registration), with the ref moved where it has no Trusted Publishing code: the
    grant alone is the conversion, and the doctor says all of it of the same job."""
    trusted = [s for s in items if s.targets and s.trusted_capable]
    if not trusted:
        return None
    for step in items:  # a commit pin from before v1.8.0 in a job that already has id-token: said, not moved
        old_pin = isinstance(step, gh_action.PublishStep) and job_has_id_token(w.doc, job_id) and \
            gh_action.pin_without_trusted_publishing(step.ref)
        if old_pin:
            result.warnings.append(Note(f"{step_in_job(step.label, job_id)} cannot publish: it is pinned to {old_pin}, "
                                        "a version without Trusted Publishing (it came with v1.8.0); use "
                                        f"`@{gh_action.RECOMMENDED_REF}` or pin a current release's commit",
                                        at=step.path))
    if job_has_id_token(w.doc, job_id) or w.called:  # a reusable one: the doctor says why, no token to keep
        result.oidc_jobs.add(job_id)
        return None
    if blocker:
        result.skipped.append(Note(f"job `{job_id}` not converted [{blocker[0]}]: {blocker[1]}",
                                   finding=blocker[0], at=("jobs", job_id)))
        result.oidc_jobs.add(job_id)  # it still asks for an OIDC token: a workflow-level grant stays
        return None
    job_result = Plan()
    for step in items:  # @master has no Trusted Publishing code: the grant alone would not work
        move = step.ref_edit(w.doc)
        if move is not None:
            job_result.edits.append(move)
            job_result.changes.append(Note(f"{step_in_job(step.label, job_id)}: moved `@{step.ref.strip()}` (no "
                                           f"Trusted Publishing support) to `@{gh_action.RECOMMENDED_REF}`"
                                           + gh_action.moved_pin_advice(step.ref), why=WHY[TO_OIDC, "ref"]))
    outcome = _job_level(w, job_id, items, trusted, job_result, result)
    if outcome is None:
        result.oidc_jobs.add(job_id)
    else:
        result.warnings.append(f"job `{job_id}` publishes without a token but could not get an OIDC token; it now "
                               "has `id-token: write`")
    return outcome


def _to_convert(w: _Workflow, job_id: str, items: List[Publisher], result: Plan) -> List[Publisher]:
    """The token uploads of the job that go to PyPI or TestPyPI; the others keep their token, an index
    chosen at run time too, whether or not the job already has `id-token: write` (a run that grants it for
    another upload of the job must not make the next run convert this one: runs are idempotent)."""
    convert = []
    for item in (s for s in items if s.uses_token or s.dead_inputs):  # a secret in a dead input: the token meant
        if item.targets:
            convert.append(item)
        else:
            result.skipped.append(Note(_other_index(item), at=item.path))
    return convert


def _convert_job(w: _Workflow, job_id: str, items: List[Publisher], convert: List[Publisher],
                 result: Plan) -> Optional[Tuple[Optional[str], frozenset, SetType[str]]]:
    """Convert the job's token uploads; the job-level pieces (environment, permission) follow when at
    least one step converted and nothing still reads what goes. Converted: (its project, the keys of
    the indexes it uploads to, the secrets it no longer uses)."""
    doc = w.doc
    job_result, done = Plan(), []
    converted_paths = [s.path for s in convert]
    for item in convert:
        change = item.to_oidc(doc, w.called, converted_paths)
        if change.blocked:  # that step keeps its token, and works as before
            job_result.skipped.append(Note(change.blocked, at=item.path))
            continue
        done.append(item)
        job_result.add(change)
    result.skipped += job_result.skipped
    if not done:
        return None
    _fed_by_several(doc, job_id, done, job_result)
    return _job_level(w, job_id, items, done, job_result, result)


def _fed_by_several(doc: Document, job_id: str, done: List[Publisher], job_result: Plan) -> None:
    """A step variable that fed the cut flags of several uploads of one step (tattle-made/feluda: two
    `uv publish --token $PYPI_PUBLISH_TOKEN`) goes once all of them are cut: each upload alone still saw the
    other read it."""
    from codemods.publishers.env_vars import cleanup_fed
    from codemods.publishers.run_step import Upload

    by_step: Dict[int, List[str]] = {}
    for item in done:
        if isinstance(item, Upload) and item.cred_flags:
            by_step.setdefault(item.step_index, []).extend(f.raw for f in item.cred_flags)
    for step_index, raws in by_step.items():
        if sum(1 for s in done if isinstance(s, Upload) and s.step_index == step_index) > 1:
            change = StepChange()
            cleanup_fed(doc, job_id, step_index, raws, job_result.edits, change)
            job_result.add(change)


def _job_level(w: _Workflow, job_id: str, items: List[Publisher], done: List[Publisher], job_result: Plan,
               result: Plan) -> Optional[Tuple[Optional[str], frozenset, SetType[str]]]:
    """The job-level pieces of a conversion (uploader pins, environment, permission, warnings, registration)
    for the uploads `done` whose step changes are `job_result`; None (and the reason in `result.skipped`)
    when the job cannot convert."""
    doc = w.doc
    pins = job_pins(doc, job_id, w.repo.root, [s for s in done if not getattr(s, "handed_over", False)],
                    job_result.companions)  # the uploader installed must do TP (the action brings its own)
    if pins.blocked:
        result.skipped.append(Note(f"job `{job_id}` not converted: {pins.blocked}", at=("jobs", job_id)))
        return None
    job_result.edits, job_result.companions, job_result.changes = (
        job_result.edits + pins.edits, job_result.companions + pins.files, job_result.changes + pins.notes)
    targets = [i for s in items for i in (s.targets or (PYPI,))]
    published = published_projects(w.repo, w.jobs, job_id, [s.step_index for s in done], w.doc.get(("env",)),
                                   workflow_inputs(w.doc))
    project, project_notes = published.project, published.notes
    try:
        env_edits, env_name, env_notes = ensure_environment(doc, job_id, PYPI if PYPI in targets else TESTPYPI,
                                                            w.options.environment, project)
        perm_edits, perm_notes, perm_warnings = grant_id_token(
            doc, job_id, [t for s in items for t in s.followed_texts] + files_run_by(w.jobs[job_id], w.repo.root))
    except Unsupported as e:
        result.skipped.append(Note(f"job `{job_id}` not converted: {e}", at=("jobs", job_id)))
        return None
    reader = first_reader(doc, w.repo.root, job_result.edits + env_edits + perm_edits, job_result.companions)
    if reader:  # a guard or a command still reads what would go: the release would change silently
        result.skipped.append(Note(f"job `{job_id}` not converted: {reader}", at=("jobs", job_id)))
        return None
    job_result.changes = noted(job_result.changes, why=WHY[TO_OIDC, "step"])
    result.add(job_result)
    result.edits += env_edits + perm_edits
    result.changes += noted(env_notes, why=WHY[TO_OIDC, "environment"]) + \
        noted(perm_notes, why=WHY[TO_OIDC, "permissions"])
    result.oidc_jobs.add(job_id)
    result.warnings += perm_warnings + _job_warnings(w, job_id, items, done) + project_notes
    if env_edits:
        result.warnings += _deploys_when_skipped(w, job_id, done, env_name)
    for index in sorted(set(i for s in done for i in (s.targets or (PYPI,))), key=lambda i: i.key):
        for name in published.registered:
            result.registrations.append(Registration(index, w.repo.owner_or_placeholder, w.repo.name_or_placeholder,
                                                     w.file, env_name, name, w.repo.host,
                                                     unknown="" if name else published.unknown))
    return project, frozenset(i.key for s in done for i in (s.targets or (PYPI,))), job_result.removed_secrets


def _published_project(w: _Workflow, job_id: str, done: List[Publisher]) -> Tuple[Optional[str], List[str]]:
    """The project the job uploads (None: unknown or several), and what to say about it."""
    found = published_projects(w.repo, w.jobs, job_id, [s.step_index for s in done], w.doc.get(("env",)),
                                   workflow_inputs(w.doc))
    return found.project, found.notes


def _same_project_other_tokens(converted: Dict[str, Tuple[Optional[str], frozenset, SetType[str]]]) -> List[str]:
    """Jobs read as publishing one project to one index that used different secrets: an API token is
    scoped to one project, so they probably publish two (a step pubmode cannot read renames one)."""
    out = []
    for project, index in sorted({(p, i) for p, keys, _ in converted.values() if p for i in keys}):
        jobs_ = [j for j, (p, keys, secrets) in converted.items() if p == project and index in keys and secrets]
        kinds = {frozenset(converted[j][2]) for j in jobs_}
        if len(kinds) > 1:
            used = ", ".join(f"`{x}`" for x in sorted(set().union(*kinds)))
            out.append(f"jobs {', '.join(f'`{j}`' for j in jobs_)} are read as publishing `{project}` but used "
                       f"different secrets ({used}); an API token is scoped to one project, so check which project "
                       "each job builds and register a publisher for each")
    return out


def _job_warnings(w: _Workflow, job_id: str, items: List[Publisher], done: List[Publisher]) -> List[str]:
    out = []
    actions = [s for s in items if isinstance(s, gh_action.PublishStep) and s.targets]
    if w.called:
        out.append(f"job `{job_id}` is in a reusable workflow: "
                   + reusable_workflow_advice(w.path, any(gh_action.attests(s.inputs, s.ref, with_password=False)
                                                          for s in actions)))
    elif w.reusable:
        out.append(f"job `{job_id}`: " + own_runs_advice(w.path, w.events))
    out += _pull_request_warning(w, job_id, done)
    out += _builds_here(w, job_id)
    out += _unread_credentials(w, job_id, done)
    converted = [s for s in done if isinstance(s, gh_action.PublishStep)]
    turned_off = {s.step_index for s in converted if "attestations" not in s.inputs and (  # as to_oidc turns them off
        w.called or gh_action.attests_beside_another(w.doc, s, [d.path for d in done]))}
    if len(actions) > 1 and gh_action.attested_twice(w.jobs[job_id], [s.step_index for s in actions],
                                                     {s.step_index for s in converted}, turned_off):
        out.append(f"job `{job_id}` calls {gh_action.ACTION} {len(actions)} times: with Trusted Publishing each call "
                   "uploads attestations, and the second fails with \"already has a publish attestation\". Move the "
                   "TestPyPI upload into its own job (environment `testpypi`), or set `attestations: false` on one step")
    return out


def _builds_here(w: _Workflow, job_id: str) -> List[Note]:
    """The doctor's build-in-publish-job, said as the job gets its OIDC token (hypermodern-python: converted in
    silence, then flagged by the doctor)."""
    from codemods.builds import followed_build, step_builds

    job = w.jobs[job_id]
    for i, step in enumerate(job.get("steps") if isinstance(job.get("steps"), list) else []):
        if not isinstance(step, dict):
            continue
        through = None if step_builds(step) else followed_build(job, step, w.repo.root)
        if step_builds(step) or through:
            return [Note(f"job `{job_id}` builds and publishes" + (f" (the build runs in {through})" if through else "")
                         + ": the build tools and their dependencies now run with the OIDC permission; build in a job "
                         "of its own and hand `dist/` over as an artifact"
                         + ("" if through else " (`migrate to-oidc --split-jobs` does it)"),
                         job=job_id, finding="build-in-publish-job", at=("jobs", job_id, "steps", i))]
    return []


def _unread_credentials(w: _Workflow, job_id: str, done: List[Publisher]) -> List[str]:
    """A converted step still setting a secret in a variable nothing it runs reads (the doctor's
    credential-not-read): pubmode cuts only what the upload reads, so the variable is left for the user."""
    from codemods.doctor.unread_secrets import unread

    job_steps = dict(steps(w.jobs[job_id]))
    out = []
    for i in dict.fromkeys(s.step_index for s in done if not isinstance(s, gh_action.PublishStep)):
        step = job_steps.get(i)
        names = unread(step, w.repo.root) if isinstance(step, dict) else []
        if names:
            many = len(names) > 1
            out.append(f"{step_in_job(step_label(step, i), job_id)} still sets {', '.join(f'`{n}`' for n in names)} "
                       f"from {'secrets' if many else 'a secret'} that nothing it runs reads (the upload never got "
                       f"{'them' if many else 'it'}): delete {'them' if many else 'it'} and the "
                       f"secret{'s' if many else ''} once the release works")
    return out


def _deploys_when_skipped(w: _Workflow, job_id: str, done: List[Publisher], env_name: Optional[str]) -> List[str]:
    """A new environment on a job that runs on more than its uploads do (no job `if:`, every upload step gated
    by its own): each run of the job is a deployment to the environment, so the protection rules the next steps
    suggest would hold or fail the runs that upload nothing (pymssql: every push and pull request)."""
    job = w.jobs[job_id]
    steps_of = job.get("steps") if isinstance(job.get("steps"), list) else []
    gated = [s for s in done if s.step_index < len(steps_of) and isinstance(steps_of[s.step_index], dict)
             and str(steps_of[s.step_index].get("if") or "").strip()]
    if not done or len(gated) != len(done):
        return []
    job_if = condition_text(job.get("if"))
    if job_if and all(gh_action.implies(job_if, steps_of[s.step_index].get("if")) for s in gated):
        return []  # the job runs only when its uploads do (a job `if:` about forks is no such limit: zope.proxy)
    conditions = [steps_of[s.step_index].get("if") for s in gated]
    if any(gh_action.always_one_of(a, b) for n, a in enumerate(conditions) for b in conditions[n + 1:]):
        return []  # every run takes one upload or the other (pyrsistent: `== 'test'` and `!= 'test'`)
    prs = " (pull requests too)" if runs_for_pull_requests(w.events, w.jobs, job_id) else ""
    many = len(done) > 1
    runs, gated = (f"on every run of the workflow{prs}", f"its upload step{'s are' if many else ' is'} gated by `if:`") \
        if not job_if else (f"whenever its own `if:` holds{prs}",
                            f"some of those runs pass the `if:` of its upload step{'s' if many else ''}")
    return [every_run_deploys(f"job `{job_id}`", runs, gated, env_name,
                              "required reviewers, tag rules", "give the job the upload's condition as its `if:`, "
                              "or publish from a job of its own (`migrate to-oidc --split-jobs`)")]


def _pull_request_warning(w: _Workflow, job_id: str, uploads: List[Publisher], split: bool = False) -> List[str]:
    """A converted upload that a pull request's run reaches: the doctor's fork-pull-request-trigger, said here."""
    steps_of = w.jobs[job_id].get("steps") or []
    if any(s.step_index < len(steps_of) and isinstance(steps_of[s.step_index], dict) and
           runs_for_pull_requests(w.events, w.jobs, job_id, steps_of[s.step_index]) for s in uploads):
        which = f"the publishing job split from `{job_id}`" if split else f"job `{job_id}`"
        return [f"{which} may run for pull requests: {FORK_NO_OIDC} once converted; {pull_request_fix(w.events)}"]
    return []


def _grant(doc, job_id, result: Plan, why: str) -> None:
    try:
        perm_edits, perm_notes, perm_warnings = grant_id_token(doc, job_id)
    except Unsupported as e:
        result.skipped.append(f"job `{job_id}` {why}: {e}")
        return
    result.edits += perm_edits
    result.changes += noted(perm_notes, why=WHY[TO_OIDC, "permissions"])
    result.warnings += perm_warnings
    result.warnings.append(f"job `{job_id}` {why}; it now has `id-token: write`")


def _revoke(w: _Workflow, job_id: str, keep_for: Optional[str], result: Plan) -> None:
    perm_edits, perm_notes, perm_warnings = revoke_id_token(w.doc, job_id, keep_for)
    if perm_edits:  # otherwise nothing changes and the job already publishes with a token
        result.edits += perm_edits
        result.changes += noted(perm_notes, why=WHY[TO_TOKEN, "permissions"])
        result.warnings += perm_warnings + _no_way_back(w, job_id, perm_edits)


def _to_token(w: _Workflow, by_job: Dict[str, List[Publisher]], result: Plan) -> None:
    given: Dict[str, Tuple[Optional[str], SetType[str]]] = {}
    for job_id, items in by_job.items():
        with about_job(result, job_id):
            has_id_token = job_has_id_token(w.doc, job_id)
            unresolved = next((s for s in items if s.unresolved), None)
            if unresolved is not None:  # it may publish with Trusted Publishing: its id-token stays
                result.skipped.append(f"job `{job_id}` not converted: {step_in_job(unresolved.label, job_id)} runs "
                                      f"an upload pubmode cannot read ({unresolved.unresolved}); give it its token "
                                      "by hand")
                result.oidc_jobs.add(job_id)
                continue
            stuck = [s for s in items if has_id_token and s.oidc_flag_stuck]
            if stuck:  # a followed upload pubmode cannot give the token: the job keeps its id-token
                result.skipped.append(f"job `{job_id}` not converted: "
                                      + stuck[0].to_token(w.doc, w.options.secret).blocked)
                result.oidc_jobs.add(job_id)
                continue
            # Trusted Publishing needs the job's id-token (the action's index may be one we cannot tell).
            # A secret in an input the action does not have is the token the author meant, with or without
            # the id-token the step falls back on. The action with no password has no other way to log in:
            # without the id-token it fails as it is, and gets its token as it would once to-oidc had granted
            # the id-token (the doctor calls it trusted). A command's credential may come from where pubmode
            # does not read (a .pypirc, a followed file's own variables): without the id-token it is left.
            trusted = [s for s in items if not s.uses_token and s.trusted_capable and (s.targets or s.index_unknown)
                       and (has_id_token or s.dead_inputs or isinstance(s, gh_action.PublishStep))]
            unknown = next((s for s in trusted if s.index_unknown), None)
            if unknown is not None:  # PyPI's token or TestPyPI's: the expression decides at run time
                result.skipped.append(f"job `{job_id}` not converted: {_index_at_run_time(unknown)}")
                result.oidc_jobs.add(job_id)
                continue
            if trusted:
                secrets = _token_job(w, job_id, items, trusted, result)
                if secrets:
                    found = published_projects(w.repo, w.jobs, job_id, [s.step_index for s in trusted],
                                               w.doc.get(("env",)), workflow_inputs(w.doc))
                    given[job_id] = ({p for p in found.registered if p}, secrets)
                    chosen = _chosen_at_run_time(w, job_id, trusted) or ([found.chosen] if found.chosen else [])
                    for secret in secrets if chosen else ():
                        result.token_run_time.setdefault(secret, []).extend(chosen)
                    for secret in secrets if None in found.registered and not chosen else ():
                        result.token_unknown.setdefault(secret, []).append(found.unknown or NO_PACKAGE_NAME)
            elif has_id_token and all(s.uses_token and s.targets for s in items):
                # The mixed state: a PyPI token and `id-token: write`. Token mode needs no OIDC token (an
                # upload to another index may log in with one: left alone).
                _revoke(w, job_id, _oidc_user(w, job_id, items), result)
    result.warnings += _other_projects_same_token(given)
    result.kept_token_secrets = set().union(set(), *(_token_secrets(w, s) for items in by_job.values() for s in items
                                                     if s.uses_token and s.targets == (PYPI,)))
    for projects, secrets in given.values():
        for secret in secrets:
            result.token_projects.setdefault(secret, set()).update(projects)


def _token_secrets(w: _Workflow, item: Publisher) -> SetType[str]:
    """The secrets an upload already on a token reads its credential from (a `password:` input, an uploader's
    credential variable in the `env:` it sees): gevent/gevent's round trip gave a converted job
    `PYPI_API_TOKEN` beside uploads of the same file reading `TWINE_PASSWORD`."""
    from codemods.publishers.env_vars import env_chain
    from codemods.workflow import secrets_in

    step = w.doc.get(item.path)
    inputs = step.get("with") if isinstance(step, dict) and isinstance(step.get("with"), dict) else {}
    values = [v for k, v in inputs.items() if str(k).lower() in gh_action.PASSWORD_INPUTS]
    values += [env[n] for _, env in env_chain(w.doc, item.job_id, item.step_index)
               for n in registry.credential_variables() if n in env]
    return set().union(set(), *(secrets_in(v, w.jobs.get(item.job_id)) for v in values))


def _chosen_at_run_time(w: _Workflow, job_id: str, items: List[Publisher]) -> List[str]:
    """Where the job's uploads pick their folder, so their project, at run time (a monorepo's
    `packages-dir: ${{ steps.x.outputs.project_path }}/dist`): the token must cover every project it can publish."""
    job = w.jobs.get(job_id) if isinstance(w.jobs.get(job_id), dict) else {}
    all_steps = job.get("steps") if isinstance(job.get("steps"), list) else []
    out = []
    for item in items:
        step = all_steps[item.step_index] if item.step_index < len(all_steps) else None
        where = run_time_folder(job, step) if isinstance(step, dict) else None
        if where:
            out.append(f"job `{job_id}`: {where}")
    return list(dict.fromkeys(out))


def _oidc_user(w: _Workflow, job_id: str, items: List[Publisher], skip: SetType[int] = frozenset()) -> Optional[str]:
    """What else in the job needs its OIDC token: a step (a local composite action's too; not the steps `skip`
    removes), or a file a publish step runs that reads it."""
    return other_oidc_user(w.jobs[job_id], w.repo.root, skip) or next((s.oidc_reader for s in items if s.oidc_reader), None)


def _other_projects_same_token(given: Dict[str, Tuple[SetType[str], SetType[str]]]) -> List[str]:
    """One secret given to uploads of different projects (in one job or several): a project-scoped
    token (what PyPI recommends) uploads to one project only."""
    out = []
    for secret in sorted(set().union(*(s for _, s in given.values())) if given else ()):
        projects = set().union(*(p for p, s in given.values() if secret in s))
        if len(projects) > 1:
            jobs_ = [j for j, (p, s) in given.items() if secret in s]
            out.append(f"job{'s' if len(jobs_) > 1 else ''} {', '.join(f'`{j}`' for j in jobs_)} "
                       f"publish{'' if len(jobs_) > 1 else 'es'} different projects "
                       f"({', '.join(f'`{p}`' for p in sorted(projects))}) and now all read the secret `{secret}`: "
                       "a token scoped to one project cannot upload the other; "
                       + ("give each job its own secret (`--secret`)" if len(jobs_) > 1 else
                          "give each upload its own secret by hand") + " or use an account-wide token")
    return out


def _token_job(w: _Workflow, job_id: str, items: List[Publisher], trusted: List[Publisher],
               result: Plan) -> SetType[str]:
    """Give the job's Trusted Publishing uploads a token; all of them or none (a step left without its
    token must keep `id-token`). The secrets given."""
    job_result = Plan()
    served: Dict[tuple, Publisher] = {}
    try:
        for item in sorted(trusted, key=lambda s: s.targets != (PYPI,)):
            key = item.shares_env_with
            # one upload's index chosen at run time (a choice input) is one upload: its token is said as chosen
            indexes = set(item.targets or ()) if isinstance(item, IndirectPublish) or key in served else set()
            indexes |= set(served[key].targets or ()) if key in served else set()
            if len(indexes) > 1:  # one `env:` (or one script's variables) cannot hold PyPI's token and TestPyPI's
                raise Unsupported(f"{step_in_job(item.label, job_id)} uploads to "
                                  f"{' and '.join(i.title for i in sorted(indexes, key=lambda i: i.key))} with one set "
                                  "of token variables; give each upload its own token by hand (a `-p`/`--password` "
                                  "per command, or a `.pypirc` section per index)")
            if key in served:  # one `env:` serves every upload of this tool in the step: only its flag goes
                from codemods.publishers.run_step import drop_oidc_flags

                change = drop_oidc_flags(item)
                if change.blocked:
                    raise Unsupported(change.blocked)
                job_result.add(change)
                job_result.warnings += item.token_warnings()
                continue
            if key is not None:
                served[key] = item
            secret = w.secret_for(item)
            if item.targets == (TESTPYPI,):
                job_result.test_secrets.add(secret)
            change = item.to_token(w.doc, secret)
            if change.blocked:
                raise Unsupported(change.blocked)
            job_result.add(change)
            job_result.warnings += item.token_warnings()
        removed = _drop_mint_steps(w, job_id, trusted, job_result)
        others_trusted = any(s not in trusted and not s.uses_token and s.trusted_capable for s in items)
        keep_for = _oidc_user(w, job_id, items, removed) or (
            "another publish step that uses Trusted Publishing" if others_trusted else None)
        if others_trusted:
            result.oidc_jobs.add(job_id)
        unsigned = [] if keep_for or not job_has_id_token(w.doc, job_id) else _unsigned(w, job_id, removed, job_result)
        perm_edits, perm_notes, perm_warnings = revoke_id_token(w.doc, job_id, keep_for)
    except Unsupported as e:
        result.skipped.append(f"job `{job_id}` not converted: {e}")
        result.oidc_jobs.add(job_id)
        return set()
    job_result.changes = noted(job_result.changes, why=WHY[TO_TOKEN, "step"])
    result.add(job_result)
    result.test_secrets |= job_result.test_secrets
    result.edits += perm_edits
    result.changes += noted(perm_notes, why=WHY[TO_TOKEN, "permissions"])
    result.warnings += perm_warnings + _no_way_back(w, job_id, perm_edits)
    result.unsigned += unsigned
    return job_result.added_secrets


def _unsigned(w: _Workflow, job_id: str, removed: SetType[int], job_result: Plan) -> List[str]:
    """The job's steps that sign PyPI attestations with its OIDC token (sqlalchemy/sqlalchemy: `python -m
    pypi_attestations sign`, then `twine upload --attestations` when it succeeded): PyPI takes attestations only
    with Trusted Publishing, so the token upload works only without them, and the step loses `id-token: write`.
    One with `continue-on-error: true` fails quietly and the release goes on: said, as the action's lost
    attestations are; one without would fail the job: the job is refused, naming it. The steps, for the report."""
    out = []
    for i, step in pypi_signers(w.jobs[job_id], removed):
        where = f"{step_in_job(step_label(step, i), job_id)} (line {w.doc.line_of(('jobs', job_id, 'steps', i))})"
        if str(step.get("continue-on-error", "")).strip().lower() != "true":
            raise Unsupported(f"{where} signs PEP 740 attestations with the job's OIDC token, which PyPI takes only "
                              "with Trusted Publishing, and without `id-token: write` it would fail the job: remove "
                              "the step (and any `--attestations`), then run again")
        job_result.warnings.append(f"{where} signs PEP 740 attestations with the job's OIDC token: without "
                                   "`id-token: write` it now fails (`continue-on-error` lets the job go on), and "
                                   f"with a token PyPI takes no attestations {LOST_ATTESTATIONS}: remove the step, "
                                   "or keep Trusted Publishing")
        out.append(where)
    return out


def _no_way_back(w: _Workflow, job_id: str, revoked: list) -> List[str]:
    """to-token took `id-token: write` from a job of a called workflow, which to-oidc converts only where it
    already asks for one (`_reusable_workflow`): said now, so the refusal of a later to-oidc is no surprise
    (j178/prek's `publish-pypi.yml`)."""
    if not revoked or not w.called:
        return []
    return [f"job `{job_id}` is in a reusable workflow: without its `id-token: write`, a later `migrate to-oidc` "
            "refuses it (PyPI does not support Trusted Publishing from a called workflow); to come back, move the "
            "publish job into the workflow that calls this one, or restore `id-token: write` by hand"]


def _drop_mint_steps(w: _Workflow, job_id: str, trusted: List[Publisher], job_result: Plan) -> SetType[int]:
    """The steps that minted the uploads' token from the OIDC token (minted.py) go with the minted values
    the secret replaced: without `id-token: write` they would fail the job. One whose output something
    still reads (an upload left as it was, the job's `outputs:`) refuses the job, naming the step."""
    from codemods.engine.edits import Remove, apply_to_data

    mints = {m.mint.step_index: m.mint for s in trusted for m in s.minted}
    if not mints:
        return set()
    after = apply_to_data(w.doc.data, job_result.edits)
    job = ((after.get("jobs") or {}).get(job_id) or {}) if isinstance(after, dict) else {}
    for k, mint in sorted(mints.items()):
        read = re.compile(rf"\bsteps\s*\.\s*{re.escape(mint.step_id)}\s*\.")
        readers = [f"{step_label(step, i)}" for i, step in steps(job) if i != k and read.search(json.dumps(step))]
        if read.search(json.dumps({key: v for key, v in job.items() if key != "steps"})):
            readers.append(f"job `{job_id}`'s own keys")
        if readers:
            raise Unsupported(f"{mint.where} mints the PyPI token from the OIDC token"
                              + (f" ({mint.inside})" if mint.inside else "") + ", and its output is still read "
                              f"by {', '.join(readers)}: give {'those' if len(readers) > 1 else 'it'} the secret and "
                              "remove the step by hand (the job keeps `id-token: write`, which the step needs)")
        job_result.edits.append(Remove(("jobs", job_id, "steps", k)))
        job_result.changes.append(f"removed {mint.where}, which minted the PyPI token from the OIDC token"
                                  + (f" ({mint.inside})" if mint.inside else "") + ": the upload reads the secret instead")
    return set(mints)
