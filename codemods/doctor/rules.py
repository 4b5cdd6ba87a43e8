"""What `migrate doctor` checks: one rule per finding id, its documentation beside its code.

Each rule's text (what, why, example, fix) is the source of `migrate explain ID` and of
docs/findings.md; its check reads a `Workflow` view and yields (line, message) pairs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Dict, Iterator, List, Optional, Tuple, Union

from codemods.doctor.view import WorkflowView, index_from_secret
from codemods.follow import composite
from codemods.publishers import gh_action, opaque
from codemods.notes import step_in_job
from codemods.workflow import (FORK_NO_OIDC, FORK_NO_SECRETS, SKIP_FORKS, matrix_secrets, pull_request_fix,
                               runs_for_pull_requests, step_label, steps, unresolved_secret_note)
from codemods.token_needs import brings_own_token

# (line, message), (line, message, fix): a fix of its own for this finding, instead of the rule's, or
# (line, message, fix or None, severity): a severity of its own too (the rule's `raised` says when), or
# (line, message, fix or None, severity or None, file): in another file of the repository than the workflow
# (a local composite action's, from the repository root)
Hit = Union[Tuple[Optional[int], str], Tuple[Optional[int], str, str],
            Tuple[Optional[int], str, Optional[str], str],
            Tuple[Optional[int], str, Optional[str], Optional[str], str]]
ERROR, WARNING, NOTE = "error", "warning", "note"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    title: str
    why: str
    example: str
    fix: str
    check: Callable[[WorkflowView], Iterator[Hit]]
    raised: str = ""  # when a finding of the rule takes a higher severity than the rule's ("error when …")

    @property
    def severity_text(self) -> str:
        return f"{self.severity}; {self.raised}" if self.raised else self.severity


RULES: Dict[str, Rule] = {}


def _registrar(table: Dict[str, Rule]):
    """A decorator factory that documents a check and files it in `table` (ruff's rule anatomy)."""
    def rule(id: str, severity: str, title: str, why: str, example: str, fix: str, raised: str = ""):
        def register(check: Callable[[WorkflowView], Iterator[Hit]]) -> Callable:
            table[id] = Rule(id, severity, title, why, example.strip("\n"), fix, check, raised)
            return check

        return register
    return rule


rule = _registrar(RULES)


@rule("token-publishing", WARNING, "Publishes to PyPI with an API token",
      "A long-lived token in a secret can leak and must be rotated; Trusted Publishing mints a token that "
      "lives 15 minutes, scoped to this workflow, and needs no secret.",
      """
    - uses: pypa/gh-action-pypi-publish@release/v1
      with:
        password: ${{ secrets.PYPI_API_TOKEN }}
""", "Run `migrate to-oidc`, register the trusted publisher it prints, then revoke the token.")
def _token_publishing(w: WorkflowView) -> Iterator[Hit]:
    for p in w.publishing:
        if p.mode == "token" and p.trusted_capable and p.targets:
            yield (p.line, f"{p.label} uploads to {p.index_title} with an API token ({p.credential})") + \
                (_refused(w, p) or _named_at_run_time(w, p))
        elif p.mode == "token" and p.trusted_capable and p.index_unknown and not index_from_secret(w.doc, p):
            # maybe PyPI (an input, a variable): `migrate to-oidc` refuses it unless the job already has
            # `id-token: write`; an address kept in a secret is a private index's, most likely
            yield (p.line, f"{p.label} uploads to {p.index_title} with an API token ({p.credential}); the index is "
                           f"given by {p.index_where or 'a value known only at run time'}",
                   " ".join(_refused(w, p) + (_job_refused(w, p) or (
                       "To convert it, name the index in the workflow (a job per index, each with its own "
                       "environment), then run `migrate to-oidc`.",)))
                   if w.refusal(p) else
                   "`migrate to-oidc` converts it, as the job already has `id-token: write`, but Trusted Publishing "
                   "works for PyPI and TestPyPI only: name the index in the workflow (a job per index, each with its "
                   "own environment) first, or keep the token.")


def _job_refused(w: WorkflowView, p) -> Tuple[str, ...]:
    """Where the step's own refusal is not all: what `migrate to-oidc` says of its job too (a reusable
    workflow), which naming the step's index would still meet. `()` when it says nothing of the job."""
    said = w.refusal_at(("jobs", p.job_id))
    if said is None or w.refusal(p)[0] == ("jobs", p.job_id):
        return ()
    return (f"Naming the index would not convert it either: `migrate to-oidc` also says: {str(said).rstrip('.')}.",)


def _named_at_run_time(w: WorkflowView, p) -> Tuple[str, ...]:
    """The rule's fix for a token read from a secret named at run time (`secrets[matrix.package.token]`):
    the secrets the job's matrix names, which `migrate to-oidc` lists to delete and revoke, or, where the file
    does not name them, its note to find them. `()`: the rule's fix stands."""
    if not p.credential_values:
        return ()
    job = w.jobs.get(p.job_id) or {}
    named, _ = matrix_secrets(list(p.credential_values), job)
    step = dict(steps(job)).get(p.step_index, {})
    unresolved = unresolved_secret_note(list(p.credential_values), job,
                                        step_in_job(step_label(step, p.step_index), p.job_id))
    if not named and not unresolved:
        return ()
    fix = "Run `migrate to-oidc` and register the trusted publisher it prints."
    names = sorted({n for found in named.values() for n in found})
    if names:
        many = len(names) > 1
        fix += (f" After the first release with Trusted Publishing: delete the secret{'s' if many else ''} "
                f"{', '.join(f'`{n}`' for n in names)} (named by "
                f"{' and '.join(f'`secrets[{e}]`' for e in named)} through the job's matrix) and revoke the API "
                f"token{'s' if many else ''} {'they hold' if many else 'it holds'} on PyPI or TestPyPI.")
    return (fix + (" " + unresolved if unresolved else ""),)


def _refused(w: WorkflowView, p) -> Tuple[str, ...]:
    """The fix of a finding whose own fix is `migrate to-oidc`, where to-oidc would leave the step as it is:
    the planner's refusal in its own words, and never to revoke the token the upload still needs. `()` when
    to-oidc converts the step (the rule's fix stands)."""
    refused = w.refusal(p)
    if refused is None:
        return ()
    at, said = refused
    said = said.rstrip(".")
    if at == ():
        return (f"{said}.",)
    told = re.search(r"\[([a-z0-9-]+)\]", said)
    if told and told.group(1) in RULES and told.group(1) != "token-publishing" and \
            any(True for _ in RULES[told.group(1)].check(w)):  # its own finding, printed too, says it in full
        return (f"`migrate to-oidc` leaves it as it is, for the reason its `{told.group(1)}` finding gives. Do not "
                "revoke the token while this upload uses it.",)
    return (f"`migrate to-oidc` leaves it as it is and says: {said}. Do not revoke the token while this upload "
            "uses it.",)


@rule("token-and-id-token", WARNING, "A job has `id-token: write` and still passes a token",
      "The uploader uses the password whenever one is set, so the job publishes with the token and the upload "
      "leaves the OIDC permission unused; every run warns \"attestations input ignored\" and nudges to Trusted Publishing.",
      """
    permissions:
      id-token: write
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{ secrets.PYPI_API_TOKEN }}
""", "Remove the password (`migrate to-oidc` does), after registering the trusted publisher.")
def _token_and_id_token(w: WorkflowView) -> Iterator[Hit]:
    from codemods.permissions import other_oidc_user

    for p in w.publishing:
        if p.mode == "token" and p.trusted_capable and w.has_id_token(p.job_id) and (p.targets or p.index_unknown):
            user = other_oidc_user(w.jobs.get(p.job_id) or {}, w.root)
            also = f" (which {user} uses too, so it stays either way)" if user else ""
            yield (p.line, f"{p.label} passes {p.credential} although job `{p.job_id}` has `id-token: write`{also}") + \
                _refused(w, p)


@rule("trusted-without-id-token", ERROR, "Trusted Publishing without `id-token: write`",
      "With no token the uploader asks GitHub for an OIDC token, which a job only gets with `id-token: write`; "
      "the run fails with \"the ACTIONS_ID_TOKEN_REQUEST_TOKEN environment variable was unset\".",
      """
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
""", "Add `permissions: id-token: write` to the publishing job (not to the workflow).")
def _trusted_without_id_token(w: WorkflowView) -> Iterator[Hit]:
    for p in w.publishing:
        if p.mode == "trusted" and p.targets and not w.has_id_token(p.job_id):
            hit = (p.line, f"{p.label} publishes without a token but job `{p.job_id}` cannot get an OIDC token")
            unread = w.unread_secrets[(p.job_id, p.step_index)]
            yield hit + ((f"If the step meant to upload with the token it sets in "
                          f"{', '.join(f'`{n}`' for n in unread)} (credential-not-read), name the variable as the "
                          "upload reads it; for Trusted Publishing, add `permissions: id-token: write` to the "
                          "publishing job (not to the workflow) and delete the variable and its secret.",)
                         if unread else ())


def _may_publish(w: WorkflowView) -> bool:
    """The workflow publishes to PyPI itself: the permission rules are about those (`migrate` leaves every
    other workflow alone, a caller of reusable workflows too, and so does the doctor: feast's caller grants
    `id-token: write` for the image and chart workflows it calls, its PyPI upload uses a token)."""
    return bool(w.publishing)


@rule("id-token-at-workflow-level", WARNING, "`id-token: write` granted to every job",
      "At workflow level every job, including ones that run pull-request code or third-party actions, can mint "
      "OIDC tokens; PyPI recommends granting it only to the publishing job.",
      """
permissions:
  id-token: write
""", "Move `id-token: write` into the publishing job's `permissions:` (keep the other scopes there too).")
def _id_token_at_workflow_level(w: WorkflowView) -> Iterator[Hit]:
    if not _may_publish(w):  # its OIDC tokens are for other services (GitHub Pages, a cloud)
        return
    perms = w.doc.get(("permissions",))
    if perms == "write-all" or (isinstance(perms, dict) and perms.get("id-token") == "write"):
        yield w.doc.line_of(("permissions",)), "the workflow-level `permissions:` grants `id-token: write` to all jobs"


@rule("permissions-drop-contents", WARNING, "A job-level permissions block drops `contents: read`",
      "A job-level `permissions:` replaces the workflow's and sets every scope it does not name to `none`, so a "
      "checkout in that job loses read access (it fails on private repositories).",
      """
  publish:
    permissions:
      id-token: write
    steps:
      - uses: actions/checkout@v4
""", "Add `contents: read` to the job's permissions.")
def _permissions_drop_contents(w: WorkflowView) -> Iterator[Hit]:
    if not _may_publish(w):
        return
    workflow = w.doc.get(("permissions",))
    had_contents = workflow is None or workflow in ("read-all", "write-all") or (
        isinstance(workflow, dict) and workflow.get("contents") in ("read", "write"))
    # a job whose block also lacks `contents: write` a step uses is told once, by permissions-missing-scope
    written = {g.job_id for g in w.scope_gaps if g.scope == "contents" and g.where == "job"}
    for job_id, job in w.jobs.items():
        perms = job.get("permissions")
        if job_id in written:
            continue
        checkouts = [s for s in job.get("steps") or [] if isinstance(s, dict) and
                     str(s.get("uses", "")).lower().startswith("actions/checkout")]
        # a checkout that brings its own token (a PAT in `token:`) does not use the job's contents scope
        if isinstance(perms, dict) and "contents" not in perms and had_contents and \
                any(not brings_own_token(s) for s in checkouts):
            yield w.doc.line_of(("jobs", job_id, "permissions")), (
                f"job `{job_id}` checks out code but its permissions block leaves `contents` at none (the checkout "
                "fails if the repository is private)")


@rule("permissions-missing-scope", WARNING, "A permissions block grants less than a step of its job uses",
      "A `permissions:` block sets every scope it does not name to none, and a job-level one replaces the "
      "workflow's: a block written for Trusted Publishing (`id-token: write`, perhaps `contents: read`) takes the "
      "write access a GitHub release, a tag or a pushed version commit needs, and that step fails with `403 Resource "
      "not accessible by integration`, often after the upload to PyPI went through.",
      """
  publish:
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
      - uses: softprops/action-gh-release@v2
""", "Add the scope the step uses to the job's block (`contents: write` beside `id-token: write`), or move that "
     "step to a job of its own with it.")
def _permissions_missing_scope(w: WorkflowView) -> Iterator[Hit]:
    if not _may_publish(w):
        return
    for g in w.scope_gaps:
        if not g.where:  # no block: the repository's default, which pubmode cannot see
            continue
        at = ("jobs", g.job_id, "permissions") if g.where == "job" else ("permissions",)
        grants = f"no `{g.scope}`" if g.granted == "none" else f"`{g.scope}: {g.granted}`"
        whose = "its permissions block" if g.where == "job" else "the workflow's permissions block"
        many, block = len(g.steps) > 1, "the job's" if g.where == "job" else "the workflow's"
        yield w.doc.line_of(at), (f"job `{g.job_id}`: {whose} grants {grants}, but {', '.join(g.steps)} "
                                  f"{'use' if many else 'uses'} `{g.scope}: {g.needed}`"), \
            (f"Add `{g.scope}: {g.needed}` to {block} permissions block, or move "
             f"{'those steps' if many else 'that step'} to a job of its own with it.")


@rule("no-environment", NOTE, "The publishing job has no environment",
      "Without `environment:` the OIDC token has no environment claim, so the publisher on PyPI cannot be tied to "
      "one, and releases cannot require a reviewer's approval.",
      """
  publish:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
""", "Add `environment: pypi` (or a mapping with `url: https://pypi.org/p/<name>`) and register the same "
         "environment on PyPI.")
def _no_environment(w: WorkflowView) -> Iterator[Hit]:
    for job_id in w.trusted_jobs:
        if "environment" not in w.jobs[job_id]:
            keys = {i.key for p in w.publishing_of(job_id) if p.mode == "trusted" for i in p.targets}
            message = f"job `{job_id}` publishes with Trusted Publishing and no environment"
            if keys == {"testpypi"}:  # the fix names TestPyPI's environment and site (python-humanize/humanize)
                yield w.doc.line_of(("jobs", job_id)), message + " (to TestPyPI only)", (
                    "Add `environment: testpypi` (or a mapping with `url: https://test.pypi.org/p/<name>`) and "
                    "register the same environment on TestPyPI."), NOTE
            else:
                yield w.doc.line_of(("jobs", job_id)), message


@rule("reusable-workflow-publisher", WARNING, "Publishing from a reusable workflow",
      "PyPI matches a publisher against the called file (job_workflow_ref) and does not support reusable "
      "workflows (warehouse#11096); it works only by accident, attestations fail, and cross-repository calls never "
      "match.",
      """
on:
  workflow_call:
jobs:
  publish:
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
""", "Move the publish job into the top-level workflow that calls this one and register that file.")
def _reusable(w: WorkflowView) -> Iterator[Hit]:
    from codemods.registration import publishes_as_called

    if not publishes_as_called(w.doc.path, w.events):  # run on its own, called by nothing here: top-level
        return
    # an index chosen at run time (`repository-url: ${{ inputs.repository_url }}`) is PyPI's too, most likely
    reached = [p for p in w.publishing if p.targets or (p.index_unknown and not index_from_secret(w.doc, p))]
    for job_id in dict.fromkeys(p.job_id for p in reached):  # in file order, every run
        said = w.refusal_at(("jobs", job_id))
        if said is not None and "[reusable-workflow-publisher]" in str(said):  # a token job: to-oidc keeps it
            yield w.doc.line_of(("jobs", job_id)), f"job `{job_id}` publishes from a reusable workflow", (
                f"`migrate to-oidc` leaves it as it is and says: {str(said).rstrip('.')}.")
        elif w.doc.path is not None:  # the callers this repository has, named (chroma: release-chromadb.yml)
            from codemods.registration import calling_workflows

            names = calling_workflows(w.doc.path)
            callers = " or ".join(f"`{c}`" for c in names)
            yield w.doc.line_of(("jobs", job_id)), f"job `{job_id}` publishes from a reusable workflow", (
                f"Move the publish job into {callers} (the workflow{'s' if len(names) > 1 else ''} calling this "
                "one) and register that file." if names else None)
        else:
            yield w.doc.line_of(("jobs", job_id)), f"job `{job_id}` publishes from a reusable workflow"


@rule("pull-request-target-trigger", ERROR, "A publishing workflow runs on `pull_request_target`",
      "`pull_request_target` runs with the base repository's secrets and permissions on behalf of pull requests; "
      "PyPI rejects Trusted Publishing from it since 2026-03, and with a token it lets a pull request publish.",
      """
on:
  pull_request_target:
""", "Publish from a workflow triggered by tags, releases or workflow_dispatch only.")
def _pull_request_target(w: WorkflowView) -> Iterator[Hit]:
    if "pull_request_target" in w.events and any(p.targets for p in w.publishing):
        yield w.doc.line_of(("on",)), "the workflow publishes and runs on `pull_request_target`"


@rule("fork-pull-request-trigger", WARNING, "A publishing job can run for pull requests",
      "Pull requests from forks get no OIDC token and no secrets, so a publish job that runs for them fails, with "
      "Trusted Publishing or with a token; with a token, a pull request from a branch of the repository itself "
      "uploads. A publish job should be limited to tags or releases (an `if:` of the job, of the upload step, or of "
      "a job it needs).",
      """
on: [push, pull_request]
jobs:
  publish:
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
""", "Gate the publish job with `if: github.event_name == 'push' && startsWith(github.ref, 'refs/tags/')` "
         "or move it to a release workflow.")
def _fork_pull_request(w: WorkflowView) -> Iterator[Hit]:
    for job_id in dict.fromkeys(p.job_id for p in w.publishing if p.targets):
        reached = [p for p in w.publishing_of(job_id) if p.targets and runs_for_pull_requests(
            w.events, w.jobs, job_id, w.jobs[job_id]["steps"][p.step_index])]
        said = pull_request_fix(w.events)  # in a workflow only pull requests run, skip the forks' runs instead
        fix = (said[:1].upper() + said[1:] + ".",) if said is SKIP_FORKS else ()
        if any(p.mode == "trusted" for p in reached):
            yield (w.doc.line_of(("jobs", job_id)),
                   f"job `{job_id}` publishes and may run for pull requests: {FORK_NO_OIDC}") + fix
        elif reached:
            yield (w.doc.line_of(("jobs", job_id)), f"job `{job_id}` uploads with a token and may run for pull "
                                                    f"requests: {FORK_NO_SECRETS}") + fix


@rule("unsupported-runner", ERROR, "The publish action runs on a runner it does not support",
      "pypa/gh-action-pypi-publish is a Linux container action: on macOS or Windows it fails with \"Container "
      "action is only supported on Linux\", and it does not run inside a job's `container:`.",
      """
  publish:
    runs-on: macos-latest
""", "Run the publish job on `ubuntu-latest` and pass the built files to it as an artifact "
         "(`migrate to-oidc --split-jobs` does it).")
def _unsupported_runner(w: WorkflowView) -> Iterator[Hit]:
    for job_id in dict.fromkeys(p.job_id for p in w.publishing if p.publisher == "gh-action"):
        problem = w.runner_problem(job_id)
        if problem:
            yield w.doc.line_of(("jobs", job_id)), f"job `{job_id}`: {problem}"


@rule("action-called-twice", WARNING, "The publish action is called twice in one job",
      "Since v1.11 each call with Trusted Publishing uploads attestations (none with a `password:` or "
      "`attestations: false`); the second call over the same folder fails with \"already has a publish "
      "attestation\" for the files the first one attested. Calls whose `if:`s exclude each other, or with the "
      "`*.publish.attestation` files deleted between them, do not.",
      """
      - uses: pypa/gh-action-pypi-publish@release/v1
        with: {repository-url: https://test.pypi.org/legacy/}
      - uses: pypa/gh-action-pypi-publish@release/v1
""", "Give TestPyPI its own job (environment `testpypi`), or set `attestations: false` on one of the steps.")
def _called_twice(w: WorkflowView) -> Iterator[Hit]:
    for job_id in w.jobs:
        calls = [p for p in w.publishing_of(job_id) if p.publisher == "gh-action" and p.targets]
        if len(calls) > 1 and gh_action.attested_twice(w.jobs[job_id], [p.step_index for p in calls]):
            yield calls[1].line, f"job `{job_id}` calls pypa/gh-action-pypi-publish {len(calls)} times"


@rule("unsupported-action-ref", ERROR, "The publish action is used at a ref without Trusted Publishing",
      "`@master` is an unmaintained branch without OIDC support that warns on every input; `@v1` does not exist "
      "(\"unable to find version `v1`\"); releases before v1.8.0 (`@v1.4.2`, `@release/v1.6`, their commit SHAs) have "
      "no OIDC code either. An upload with a token still works there; `migrate to-oidc` moves the ref to `@release/v1` "
      "when it converts the step (a commit pin too, saying to pin a current release's commit by hand).",
      """
      - uses: pypa/gh-action-pypi-publish@master
""", "Use `@release/v1`, an exact tag, or a full commit SHA with its version in a comment.")
def _bad_ref(w: WorkflowView) -> Iterator[Hit]:
    for p in w.publishing:
        if p.publisher == "gh-action" and (p.ref.strip() == "v1" or (
                p.mode == "trusted" and not gh_action.has_trusted_publishing(p.ref))):
            yield p.line, f"{p.label} uses pypa/gh-action-pypi-publish@{p.ref}"


@rule("deprecated-input", WARNING, "Deprecated underscore inputs of the publish action",
      "The inputs were renamed to kebab-case in v1.7; the underscore names print a deprecation warning on every "
      "run and are to be removed in v3.",
      """
        with:
          repository_url: https://test.pypi.org/legacy/
""", "Rename `repository_url`, `packages_dir`, `verify_metadata`, `skip_existing`, `print_hash` to their "
         "kebab-case names.")
def _deprecated_input(w: WorkflowView) -> Iterator[Hit]:
    for p in w.publishing:
        if p.publisher == "gh-action":
            old = [k for k in p.inputs if "_" in str(k) and str(k).lower() in gh_action.INPUTS]
            if old and p.ref == "master":  # the frozen branch knows only these names: renaming them would break it
                yield p.line, (f"{p.label} uses {', '.join(f'`{k}`' for k in old)} at `@master`, the frozen branch "
                               "that knows only the underscore names: move it to `@release/v1` (or an exact tag) "
                               "first, then rename them")
            elif old:
                yield p.line, f"{p.label} uses {', '.join(f'`{k}`' for k in old)}"


@rule("username-input", WARNING, "`username:` instead of `user:`",
      "The action's input is `user`; `username` is ignored (\"Unexpected input(s) 'username'\"). PyPI's own "
      "migration guide shows `username: __token__`, so it is often copied.",
      """
        with:
          username: __token__
""", "Remove it: `user` defaults to `__token__`.")
def _username(w: WorkflowView) -> Iterator[Hit]:
    for p in w.publishing:
        if p.publisher == "gh-action" and "username" in p.inputs:
            yield p.line, f"{p.label} sets `username:`, which the action ignores"


@rule("unknown-input", WARNING, "An input the publish action does not have",
      "The action reads only the inputs its action.yml declares; for any other `with:` key GitHub warns "
      "\"Unexpected input(s) 'x', valid inputs are [...]\" and nothing reads it. A secret in such an input "
      "(`pypi-token:`, `pypi_password:`, `token:`) is never used: with no `password:` the action falls back to "
      "Trusted Publishing when the job has `id-token: write`, and has no credential at all when it has not, "
      "while the author meant a token.",
      """
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          pypi-token: ${{ secrets.PYPI_API_TOKEN }}
""", "Remove it, or use the name of one of the action's inputs: "
         + ", ".join(f"`{i}`" for i in gh_action.CANONICAL_INPUTS) + ".",
      raised="error when the input carries a secret")
def _unknown_input(w: WorkflowView) -> Iterator[Hit]:
    for p in w.publishing:
        if p.publisher != "gh-action":
            continue
        password = any(str(p.inputs[k]).strip() for k in gh_action.input_keys(p.inputs, gh_action.PASSWORD_INPUTS))
        dead = gh_action.dead_inputs(p.inputs)
        for k in gh_action.unknown_inputs(p.inputs):
            if k not in dead:
                yield p.line, f"{p.label} sets `{k}:`, which is not an input of {gh_action.ACTION} (GitHub warns " \
                              f"\"Unexpected input(s) '{k}'\"); the action ignores it"
                continue
            why = gh_action.dead_input_why(k, p.inputs[k], password, w.has_id_token(p.job_id), p.ref)
            if password:
                fix = f"Remove `{k}`: the step uploads with its `password:` (`migrate to-oidc` removes both)."
            elif not gh_action.has_trusted_publishing(p.ref):
                fix = "Move it to `password:`, the action's input for the token (`migrate to-token` does)."
            elif w.has_id_token(p.job_id):
                fix = (f"To publish with the token as meant, move it to `password:` (`migrate to-token` does); to "
                       f"stay on Trusted Publishing, remove `{k}` (`migrate to-oidc` does) and revoke the token.")
            else:
                fix = (f"To publish with the token as meant, move it to `password:` (`migrate to-token` does); for "
                       f"Trusted Publishing instead, remove `{k}` and give the job `id-token: write` (`migrate "
                       f"to-oidc` does both), then revoke the token.")
            yield p.line, f"{p.label} sets `{k}:`, which is {why}", fix, ERROR


@rule("password-may-be-empty", WARNING, "The password may be empty at run time",
      "The action switches to Trusted Publishing whenever the password is empty: an optional secret of a reusable "
      "workflow, or a value from `env`, `vars`, `inputs` or a step output, silently turns a token upload into an "
      "OIDC attempt that fails with the id-token error.",
      """
        with:
          password: ${{ inputs.token }}
""", "Pass a required secret, or move to Trusted Publishing for good.")
def _password_may_be_empty(w: WorkflowView) -> Iterator[Hit]:
    required = w.required_call_secrets()
    for p in w.publishing:
        if p.publisher != "gh-action" or p.mode != "token":
            continue
        value = str(next((p.inputs[k] for k in gh_action.input_keys(p.inputs, gh_action.PASSWORD_INPUTS)
                          if p.inputs[k]), ""))  # input names are case-insensitive
        secret = re.fullmatch(r"\$\{\{\s*secrets\.([A-Za-z0-9_]+)\s*\}\}", value.strip())
        dynamic = re.fullmatch(r"\$\{\{\s*secrets\s*\[[^\]]*\]\s*\}\}", value.strip())
        names = [n for found in matrix_secrets(value, w.jobs.get(p.job_id))[0].values() for n in found] \
            if dynamic else [secret.group(1)] if secret else []  # a secret each leg of the matrix names
        if not names or ("workflow_call" in w.events and not set(names) <= required):
            yield p.line, f"{p.label} takes its password from `{value.strip()}`, which may be empty"


@rule("credential-not-read", WARNING, "A step passes a secret in a variable nothing it runs reads",
      "An uploader reads its credential from variables of its own name (`TWINE_PASSWORD`, `UV_PUBLISH_TOKEN`, "
      "`POETRY_PYPI_TOKEN_PYPI`…) or from what its command line gives; a secret set as `PYPI_PASSWORD` that no "
      "script of the repository reads never reaches the upload, which then fails with 403 or tries Trusted "
      "Publishing it was not set up for.",
      """
      - run: twine upload dist/*
        env:
          PYPI_PASSWORD: ${{ secrets.PYPI_TOKEN }}
""", "Name the variable as the upload reads it (in the step's `env:`), or publish with Trusted Publishing "
     "(`migrate to-oidc`) and then delete the variable and its secret.")
def _credential_not_read(w: WorkflowView) -> Iterator[Hit]:
    from codemods.doctor.unread_secrets import unread_in

    yield from unread_in(w)


@rule("build-in-publish-job", WARNING, "The publishing job also builds the distributions",
      "PyPA's guide calls building in the publishing job unsupported: build tools and their dependencies then run "
      "with the job's OIDC permission. Build in a separate job and pass `dist/` as an artifact.",
      """
  publish:
    steps:
      - run: python -m build
      - uses: pypa/gh-action-pypi-publish@release/v1
""", "Move the build steps into a `build` job with `actions/upload-artifact`, and download them in `publish` "
         "(`migrate to-oidc --split-jobs` does it: the job keeps its build, a new job publishes).")
def _build_in_publish(w: WorkflowView) -> Iterator[Hit]:
    from codemods.builds import followed_build, step_builds

    for job_id in w.trusted_jobs:
        job = w.jobs[job_id]
        for i, step in enumerate(job.get("steps") or []):
            if not isinstance(step, dict):
                continue
            through = None if step_builds(step) or w.root is None else followed_build(job, step, w.root)
            if step_builds(step):
                yield w.doc.line_of(("jobs", job_id, "steps", i)), f"job `{job_id}` builds and publishes"
                break
            if through:  # --split-jobs splits at a build it reads in the workflow: not offered here
                yield (w.doc.line_of(("jobs", job_id, "steps", i)),
                       f"job `{job_id}` builds and publishes (the build runs in {through})",
                       "Move the build into a `build` job with `actions/upload-artifact`, and download the files in "
                       "the publishing job.")
                break


@rule("no-trusted-publishing-support", WARNING, "The uploader has no Trusted Publishing",
      "hatch, poetry and flit can only upload with a token or password; `python setup.py upload` was removed from "
      "setuptools (42.0.0).",
      """
      - run: poetry publish --build
        env:
          POETRY_PYPI_TOKEN_PYPI: ${{ secrets.PYPI_TOKEN }}
""", "Keep the build (`poetry build`) and upload `dist/` with pypa/gh-action-pypi-publish (`migrate to-oidc` "
         "does it when the script allows).")
def _no_tp_support(w: WorkflowView) -> Iterator[Hit]:
    for p in w.publishing:
        if p.unresolved:  # not a tool without Trusted Publishing: one pubmode cannot read
            yield (p.line, f"{p.label} runs an upload pubmode cannot read: {p.unresolved}",
                   "Check that upload by hand; a program named in the Makefile (`UV := uv`) lets pubmode read it.")
        elif not p.trusted_capable:
            fix = p.instead[:1].upper() + p.instead[1:] if p.instead and not re.match(r"[\w.-]+\.\w+:", p.instead) \
                else p.instead or None  # a file name keeps its case
            yield (p.line, f"{p.label} uploads with {p.publisher}, which has no Trusted Publishing") + (
                _refused(w, p) or ((f"{fix} (`migrate to-oidc` does it when the script allows).",) if fix else ()))


@rule("opaque-publish-action", WARNING, "An action pubmode cannot read may publish to PyPI",
      "A third-party action handed a PyPI token (in its `with:` or `env:`, or through the job's or workflow's "
      "`env:`), or named like a publisher in a job with `id-token: write`, uploads from inside its own code: "
      "pubmode cannot tell whether or how it publishes, so neither the doctor nor `migrate` can check or convert "
      "it; `migrate` reports the same step. So too a job that calls a reusable workflow of another repository and "
      "hands it such a secret (`secrets: FLIT_PASSWORD: ...`): Trusted Publishing cannot be used from there (PyPI "
      "matches the called file), so its token stays.",
      """
      - uses: JRubics/poetry-publish@v1.17
        with:
          pypi_token: ${{ secrets.PYPI_TOKEN }}
""", opaque.BY_HAND[0].upper() + opaque.BY_HAND[1:] + ".")
def _opaque_action(w: WorkflowView) -> Iterator[Hit]:
    for s in w.opaque:
        if s.elsewhere:
            yield w.doc.line_of(s.path), f"{s.what}; {s.cannot_see}", s.fix[0].upper() + s.fix[1:] + "."
        else:
            yield w.doc.line_of(s.path), f"{s.what}; {s.cannot_see}"


@rule(composite.IN_COMPOSITE, WARNING, "The publish action is called from inside a composite action",
      "pypa/gh-action-pypi-publish does not support being wrapped in a composite action (its v1.12.3 notes: \"don't "
      "call pypi-publish from composite actions\"): it runs its container image from the calling action's "
      "repository and ref, which fails there (\"denied\"). Sm00thix/IKPLS deleted its composite publish action and "
      "called the action from the workflow after such failures.",
      """
  publish:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      - uses: ./.github/actions/publish
# .github/actions/publish/action.yml:
#   runs:
#     using: composite
#     steps:
#       - uses: pypa/gh-action-pypi-publish@release/v1
""", composite.NESTED_FIX + ".")
def _in_composite(w: WorkflowView) -> Iterator[Hit]:
    for n in composite.nested_publish_actions(w.doc, w.root):
        yield n.line, n.message, None, None, n.file


@rule("opaque-publish-command", NOTE, "A release step runs a command pubmode does not know, with a PyPI token",
      "A `run:` step of a release job (named, or with an environment named, like release, publish or pypi) that "
      "runs a command from the runner's image or an install (`pypi-release`, `semantic-release`) and is given a "
      "secret named like a PyPI token may upload with it; so may a step of any job that runs a tox env, nox session "
      "or make target this repository does not define (a reusable workflow runs in its caller's checkout, which "
      "brings its own tox.ini) and puts a secret in an upload tool's password variable (`TWINE_PASSWORD`). pubmode "
      "cannot tell whether or how it uploads (which tool, which index), so it neither says the workflow publishes "
      "nothing nor converts it; `migrate` leaves the step as it is and says why. So too a step of any job whose upload "
      "is a command string it builds and runs (`CMD=\"twine upload …\"`, then `eval \"$CMD\"`, `$CMD` or "
      "`bash -c \"$CMD\"`): its words are data until run time.",
      """
  release:
    runs-on: ubuntu-latest
    steps:
      - run: pypi-release
        env:
          PYPI_TOKEN: ${{ secrets.PYPI_TOKEN }}
""", "If it publishes to PyPI, change it by hand (or run the upload in a `run:` step pubmode can convert).")
def _opaque_command(w: WorkflowView) -> Iterator[Hit]:
    for s in w.opaque_commands:
        yield w.doc.line_of(s.path), f"{s.what}; {s.why}"


@rule("old-uploader-version", WARNING, "The uploader is pinned below its first Trusted Publishing version",
      "twine supports Trusted Publishing from 6.1, pdm from 2.6; older versions ask for a password and fail.",
      """
      - run: pip install twine==5.1.1
""", "Raise the pin (`migrate to-oidc` does).")
def _old_version(w: WorkflowView) -> Iterator[Hit]:
    for job_id, line, text in w.old_pins():
        yield line, f"job `{job_id}` pins `{text}`"


# GitLab CI/CD findings: documented here with the others (`migrate explain`, docs/findings.md); found by
# codemods/gitlab/doctor.py on `.gitlab-ci.yml` files, never on a GitHub workflow (their checks find nothing).
def _gitlab_only(w: WorkflowView) -> Iterator[Hit]:
    return iter(())


GITLAB_RULES: Dict[str, Rule] = {}
gitlab_rule = _registrar(GITLAB_RULES)  # GitLab findings: documented like the others, kept apart from RULES


gitlab_rule("gitlab-token-publishing", WARNING, "A GitLab job publishes to PyPI with an API token",
     "A long-lived token in a CI/CD variable can leak and must be rotated; with `id_tokens` twine (6.1+), uv "
     "(0.8.18+) and pdm (2.23.1+) exchange the job's OIDC token for a 15-minute upload token, and no variable "
     "holds a secret.",
     """
publish:
  variables:
    TWINE_USERNAME: __token__
    TWINE_PASSWORD: $PYPI_API_TOKEN
  script:
    - twine upload dist/*
""", "Run `migrate to-oidc`, register the GitLab trusted publisher it prints, delete the CI/CD variables, "
     "then revoke the token.")(_gitlab_only)

gitlab_rule("gitlab-id-tokens-audience", ERROR, "`id_tokens` with the wrong audience for the index",
     "The uploaders read the OIDC token from `PYPI_ID_TOKEN` (`TESTPYPI_ID_TOKEN` for TestPyPI) and PyPI accepts "
     "it only with the audience `pypi` (`testpypi`); any other `aud` fails the exchange (\"invalid-token\").",
     """
publish:
  id_tokens:
    PYPI_ID_TOKEN:
      aud: https://gitlab.com
  script:
    - twine upload dist/*
""", "Set `aud: pypi` (`aud: testpypi` under `TESTPYPI_ID_TOKEN` for TestPyPI); `migrate to-oidc` does.")(_gitlab_only)

gitlab_rule("gitlab-token-and-id-tokens", WARNING, "A GitLab job has `id_tokens` and still passes a token",
     "The uploader uses the password whenever one is set (a flag, `TWINE_PASSWORD`, a CI/CD variable), so the job "
     "publishes with the token and its OIDC token is unused.",
     """
publish:
  id_tokens:
    PYPI_ID_TOKEN:
      aud: pypi
  script:
    - twine upload -u __token__ -p "$PYPI_TOKEN" dist/*
""", "Remove the token (`migrate to-oidc` does) after registering the trusted publisher, or remove `id_tokens` "
     "(`migrate to-token`) to stay with the token.")(_gitlab_only)

gitlab_rule("gitlab-id-tokens-name", ERROR, "The `id_tokens` entry has the right audience under the wrong name",
     "twine, uv and pdm read GitLab's OIDC token (through the `id` library) from `<AUD>_ID_TOKEN`, the audience "
     "upper-cased: `PYPI_ID_TOKEN` for PyPI, `TESTPYPI_ID_TOKEN` for TestPyPI. A TestPyPI job whose token is "
     "`PYPI_ID_TOKEN` with `aud: testpypi` has none where the uploader looks (\"GitLab: Environment variable "
     "TESTPYPI_ID_TOKEN not found\"), pypi/warehouse#19565.",
     """
publish-testpypi:
  id_tokens:
    PYPI_ID_TOKEN:
      aud: testpypi
  script:
    - twine upload -r testpypi dist/*
""", "Rename the entry to `TESTPYPI_ID_TOKEN` (`PYPI_ID_TOKEN` for `aud: pypi`); `migrate to-oidc` does.")(_gitlab_only)

gitlab_rule("gitlab-included-file", NOTE, "A GitLab job publishes from an included file",
     "PyPI's GitLab publisher names the top-level pipeline file (`.gitlab-ci.yml`), which the OIDC token's "
     "`ci_config_ref_uri` claim carries whatever file the job is written in; a publisher registered with the "
     "included file's path (`.gitlab/ci/publish.yml`) matches no run (\"invalid-publisher\").",
     """
# .gitlab-ci.yml
include:
  - local: .gitlab/ci/publish.yml
""", "Register the trusted publisher with the top-level pipeline file path `.gitlab-ci.yml`, not the included "
     "file's.")(_gitlab_only)

gitlab_rule("gitlab-environment-case", WARNING, "A GitLab publishing job's environment is not all lowercase",
     "PyPI compares a GitLab publisher's environment with the job's `environment:` case-sensitively (GitHub's is "
     "compared case-insensitively), so a job with `environment: PyPI` matches only a publisher registered as "
     "`PyPI`, not `pypi`.",
     """
publish:
  environment: PyPI
  id_tokens:
    PYPI_ID_TOKEN:
      aud: pypi
""", "Register the publisher with the environment exactly as the job writes it (or rename the job's environment "
     "to lowercase, and the publisher with it).")(_gitlab_only)

gitlab_rule("gitlab-self-managed-token", NOTE, "A job of a self-managed GitLab publishes to PyPI with an API token",
     "PyPI's Trusted Publishing accepts GitLab CI/CD pipelines of gitlab.com only; a self-managed instance only when "
     "PyPI has onboarded it for a PyPI organisation (a beta, by request). Elsewhere the OIDC token's issuer is unknown "
     "to PyPI and the exchange fails, so the token is the way to publish.",
     """
# origin: https://gitlab.example.org/team/project.git
publish:
  variables:
    TWINE_USERNAME: __token__
    TWINE_PASSWORD: $PYPI_API_TOKEN
  script:
    - twine upload dist/*
""", "Keep the token (scoped to the project, in a masked and protected CI/CD variable). If PyPI has onboarded your "
     "instance, run `migrate to-oidc --self-managed-gitlab`.")(_gitlab_only)

gitlab_rule("gitlab-self-managed-trusted", WARNING,
     "A job of a self-managed GitLab publishes to PyPI with Trusted Publishing",
     "PyPI accepts the OIDC tokens of gitlab.com only, and of a self-managed instance only when it has onboarded it "
     "for a PyPI organisation (a beta, by request); otherwise the exchange fails (\"unknown trusted publishing "
     "issuer\") and nothing is published.",
     """
# origin: https://gitlab.example.org/team/project.git
publish:
  id_tokens:
    PYPI_ID_TOKEN:
      aud: pypi
  script:
    - twine upload dist/*
""", "Unless PyPI has onboarded your instance for your organisation, publish with an API token again "
     "(`migrate to-token`, then create the CI/CD variable it names).")(_gitlab_only)

gitlab_rule("gitlab-run-time-upload", NOTE, "A GitLab job uploads through a command string it builds and runs",
     "The upload is the value of a variable the script runs (`eval \"$CMD\"`, `$CMD`, `bash -c \"$CMD\"`): its "
     "words are data until run time, so pubmode cannot tell what it passes nor edit it; the job is not converted "
     "in either direction, and not said to publish nothing.",
     """
publish:
  script:
    - CMD=$(echo -E "twine upload -u $TWINE_USERNAME -p $TWINE_PASSWORD dist/*")
    - eval "$CMD"
""", "Write the upload out in the script (`twine upload dist/*`), where pubmode reads it, then run `migrate` again; "
     "or change it by hand.")(_gitlab_only)


gitlab_rule("gitlab-template-not-read", NOTE, "A GitLab job takes its release script from a template pubmode cannot read",
     "The job extends a template named like a release (`.pypi-publish`, `.release`) that no file of the repository "
     "defines: it comes from an `include:` of another project, a remote file or a CI/CD component. Whether and how "
     "it uploads, and with which credential, is written there, so pubmode neither converts the job nor says it "
     "publishes nothing.",
     """
include:
  - project: octo/ci-templates
    file: /templates/python-release.yml
publish:
  extends: .pypi-publish
  variables:
    TWINE_PASSWORD: $PYPI_TOKEN
""", "Migrate the template in the project that holds it (run `migrate to-oidc` there), or write the job's upload out "
     "in this pipeline; then register the publisher with this project's pipeline file.")(_gitlab_only)


def run_rules(w: WorkflowView, only: Optional[List[str]] = None) -> List[Tuple[Rule, Optional[int], str, str, str]]:
    """(rule, line, message, fix, severity) for every finding: the rule's fix and severity unless the finding
    brings its own. `run_rules_in` says which file each is in."""
    return [hit[:5] for hit in run_rules_in(w, only)]


def run_rules_in(w: WorkflowView, only: Optional[List[str]] = None) \
        -> List[Tuple[Rule, Optional[int], str, str, str, Optional[str]]]:
    """`run_rules` with the file of each finding last: None for the workflow, else the repository file (from
    its root) the line is in. A finding is given once: two uploads of one step (two `uv publish` lines of a
    loop) yield the same words at the same line."""
    out = []
    for r in RULES.values():
        if only and r.id not in only:
            continue
        for hit in r.check(w):
            finding = (r, hit[0], hit[1], (hit[2] if len(hit) > 2 else None) or r.fix,
                       (hit[3] if len(hit) > 3 else None) or r.severity, hit[4] if len(hit) > 4 else None)
            if finding not in out:
                out.append(finding)
    return out
