"""GITHUB_TOKEN permissions for a publishing job, shared by every uploader.

A job-level `permissions:` block replaces the workflow-level one and sets every scope it does not
name to `none`, so granting `id-token: write` to a job that had no block must carry over what the
job had before: the workflow's scopes, or, with no block anywhere, what its steps visibly need.
`id-token` is never granted at workflow level, and nothing is ever broadened.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import AbstractSet, Any, Dict, List, Optional, Sequence, Tuple

from codemods.engine.document import Document
from codemods.engine.edits import Commented, Edit, Remove, Set
from codemods.errors import Unsupported
from codemods.notes import Note
from codemods.token_needs import job_token_needs
from codemods.workflow import EXPRESSION, jobs, steps

# `read-all` spelled out: the scopes both the workflow schema and actionlint accept. (`attestations`,
# `models` and the newer scopes are left out: actionlint rejects them; a narrower block is safe.)
READ_ALL_SCOPES = (
    "actions", "checks", "contents", "deployments", "discussions", "issues", "packages", "pages",
    "pull-requests", "repository-projects", "security-events", "statuses",
)

# Steps that need an OIDC token themselves: to-token keeps `id-token: write` for them.
OIDC_USERS = (
    "actions/attest-build-provenance", "actions/attest-sbom", "actions/attest", "actions/deploy-pages",
    "sigstore/gh-action-sigstore-python", "sigstore/cosign-installer", "aws-actions/configure-aws-credentials",
    "google-github-actions/auth", "azure/login", "hashicorp/vault-action", "rust-lang/crates-io-auth-action",
    "jfrog/setup-jfrog-cli", "octo-sts/action", "nuget/login", "rubygems/configure-rubygems-credentials",
    "rubygems/release-gem", "slsa-framework/slsa-github-generator", "astral-sh/attest-action",
    "tschm/token-mint-action",  # mints a PyPI token from the OIDC token (publishers/minted.py)
)
# Actions that need an OIDC token only when an input asks for it: (action, input).
OIDC_WHEN = (
    ("hynek/build-and-inspect-python-package", "attest-build-provenance-github"),
    ("codecov/codecov-action", "use_oidc"),
)
# Inputs that name an OIDC login to a cloud or a secret store, whatever the action (launchdarkly/gh-actions'
# release-secrets: `aws_assume_role` fetches the PyPI token from AWS SSM with the job's OIDC token)
OIDC_INPUT = re.compile(r"(role[-_]?to[-_]?assume|assume[-_]?role|role[-_]?arn|workload[-_]?identity|"
                        r"identity[-_]?provider|oidc|id[-_]?token|federated|jwt[-_]?(audience|role))", re.I)
# `npm publish` mints an OIDC token for npm's provenance and trusted publishing (splunk/addonfactory-ucc-generator)
OIDC_RUN = re.compile(r"\bcosign\s+(sign|attest)\b|ACTIONS_ID_TOKEN_REQUEST|\bpython3?\s+-m\s+id\b|"
                      r"\b(?:npm|pnpm)\s+publish\b|NPM_CONFIG_PROVENANCE|\bsigstore\s+sign\b")
# `run:` steps that sign PEP 740 attestations for PyPI with the job's OIDC token (pypi-attestations' CLI,
# sigstore's ambient credential): PyPI takes them only with Trusted Publishing ("Attestations are only supported
# when using Trusted Publishing"), so to-token keeps no `id-token: write` for them, and says what they lose
PYPI_SIGN_RUN = re.compile(r"\bpypi[-_]attestations\s+sign\b")
# what a token costs a release's PEP 740 attestations, said the same of every way a job makes them
LOST_ATTESTATIONS = "(they need Trusted Publishing); releases made from now on carry none"

AFTER = ("environment", "runs-on", "needs", "if", "name")


def job_has_id_token(doc: Document, job_id: str) -> bool:
    job = doc.get(("jobs", job_id)) or {}
    perms = job["permissions"] if "permissions" in job else doc.get(("permissions",))
    return perms == "write-all" or (isinstance(perms, dict) and perms.get("id-token") == "write")


def grant_id_token(doc: Document, job_id: str, scripts: Sequence[str] = ()) -> Tuple[List[Edit], List[str], List[str]]:
    """Edits that give the job `id-token: write` at job level, what changed, and what to check by hand.
    `scripts` are the texts of the files its steps run (a release script may `git push` too)."""
    job = doc.get(("jobs", job_id)) or {}
    path = ("jobs", job_id, "permissions")
    if job_has_id_token(doc, job_id):
        return [], [], []
    if "permissions" in job:
        perms = job["permissions"]
        if isinstance(perms, dict):
            if not perms and not _flow_blocks(doc):  # `permissions: {}` (what to-token leaves): written as the
                # file writes its blocks (moradology/venvception's round trip came back as `{id-token: write}`)
                return [Set(path, {"id-token": "write"})], [f"job `{job_id}`: added `id-token: write` to its "
                                                            "permissions"], []
            return [Set(path + ("id-token",), "write")], [f"job `{job_id}`: added `id-token: write` to its permissions"], []
        if perms == "read-all":
            scopes = {s: "read" for s in READ_ALL_SCOPES}
            scopes["id-token"] = "write"
            return [Set(path, scopes, after=AFTER)], [
                f"job `{job_id}`: spelled out `permissions: read-all` as its scopes plus `id-token: write`"], []
        raise Unsupported(f"job `{job_id}` has `permissions: {perms}`; add `id-token: write` by hand")
    workflow = doc.get(("permissions",))
    warnings: List[str] = []
    if isinstance(workflow, dict):
        scopes = {str(k): v for k, v in workflow.items() if k != "id-token"}
        note = "copied the workflow-level scopes" if scopes else "the workflow-level block grants nothing"
    elif workflow == "read-all":
        scopes = {s: "read" for s in READ_ALL_SCOPES}
        note = "spelled out the workflow-level `read-all`"
    elif workflow is None:
        needs = job_token_needs(job, scripts)
        scopes = dict(needs.scopes)
        note = ("kept what its steps use the token for: " + ", ".join(f"{k}: {v}" for k, v in scopes.items())
                if scopes else "its steps use nothing else of the token")
        if needs.unknown:
            warnings.append(
                f"job `{job_id}` now has only the permissions listed in its new block, but "
                f"{', '.join(needs.unknown)} uses the GITHUB_TOKEN for something pubmode does not know; "
                "add the scopes it needs to the job's `permissions:` (see its documentation)")
    elif isinstance(workflow, str) and EXPRESSION.search(workflow):
        raise Unsupported("the workflow-level `permissions:` is an expression; add `id-token: write` by hand")
    else:
        raise Unsupported(f"the workflow-level `permissions: {workflow}` is not understood; add `id-token: write` by hand")
    scopes["id-token"] = "write"
    listed = ", ".join(f"{k}: {v}" for k, v in scopes.items())
    return [Set(path, scopes, after=AFTER)], [
        f"job `{job_id}`: added a job-level permissions block ({listed}); {note}"], warnings


def _flow_blocks(doc: Document) -> bool:
    """The file writes a non-empty permissions block in flow style (`permissions: {contents: read}`)."""
    from ruamel.yaml.nodes import MappingNode

    paths = [("permissions",)] + [("jobs", j, "permissions") for j, _ in jobs(doc)]
    for path in paths:
        try:
            node = doc.node(path)
        except (KeyError, Unsupported):
            continue
        if isinstance(node, MappingNode) and node.value and node.flow_style:
            return True
    return False


def other_oidc_user(job: Dict[str, Any], root: Optional[Path] = None, skip: AbstractSet[int] = frozenset()) -> Optional[str]:
    """A step of the job (other than PyPI publishing, and other than the steps `skip` removes) that needs an
    OIDC token, if any; a local composite action's steps (under `root`) are the job's too."""
    for i, step in steps(job):
        if i in skip:
            continue
        found = _oidc_step(step)
        if found:
            return found
        if root is not None and str(step.get("uses") or "").strip().startswith("./"):
            from codemods.follow.composite import composite_steps
            from codemods.workflow import step_label

            for name, line, inner in composite_steps(step.get("uses"), root, step.get("with")):
                found = _oidc_step(inner)
                if found:
                    return (f"{step_label(step, i)} (`{str(step['uses']).strip()}`: {name}, line {line}: "
                            + ("requests an OIDC token)" if found.startswith("a `run:`") else f"{found})"))
    return None


def _oidc_step(step: Dict[str, Any]) -> Optional[str]:
    uses = str(step.get("uses") or "").lower()
    for prefix in OIDC_USERS:
        if uses.startswith(prefix + "@") or uses.startswith(prefix + "/"):
            return uses.split("@")[0]
    inputs = step.get("with") if isinstance(step.get("with"), dict) else {}
    for action, flag in OIDC_WHEN:
        if uses.startswith(action + "@") and str(inputs.get(flag, "")).strip().lower() == "true":
            return f"{action} (`{flag}: true`)"
    if isinstance(step.get("run"), str) and OIDC_RUN.search(step["run"]):
        return "a `run:` step that requests an OIDC token"
    login = next((str(k) for k, v in inputs.items() if OIDC_INPUT.search(str(k))
                  and str(v).strip().lower() not in ("", "false", "none", "null")), None)
    if uses and login:
        return f"{uses.split('@')[0]} (`{login}:`, a login with the job's OIDC token)"
    return None


def pypi_signers(job: Dict[str, Any], skip: AbstractSet[int] = frozenset()) -> List[Tuple[int, Dict[str, Any]]]:
    """The job's steps (other than `skip`) that sign PyPI attestations with its OIDC token (PYPI_SIGN_RUN)."""
    return [(i, step) for i, step in steps(job) if i not in skip and isinstance(step.get("run"), str)
            and PYPI_SIGN_RUN.search(step["run"])]


def revoke_id_token(doc: Document, job_id: str, keep_for: Optional[str]) -> Tuple[List[Edit], List[str], List[str]]:
    """Edits that take `id-token: write` away from the job, never widening anything; what changed;
    what to check by hand."""
    job = doc.get(("jobs", job_id)) or {}
    path = ("jobs", job_id, "permissions")
    perms = job.get("permissions") if "permissions" in job else None
    if keep_for:
        if job_has_id_token(doc, job_id):
            return [], [], [f"job `{job_id}`: kept `id-token: write` for {keep_for}"]
        return [], [], []
    if isinstance(perms, dict) and perms.get("id-token") == "write":
        rest = [k for k in perms if k != "id-token"]
        if _inherits_the_same(doc, {str(k): v for k, v in perms.items() if k != "id-token"}):
            return [Remove(path)], [f"job `{job_id}`: removed its permissions block, which was the workflow-level "
                                    "one plus `id-token: write`; the job inherits the workflow's again"], []
        if rest:
            hint = narrowed_by_to_oidc(doc, job_id, perms)
            return [Remove(path + ("id-token",))], [f"job `{job_id}`: removed `id-token: write`"], \
                [hint] if hint else []
        hint = narrowed_by_to_oidc(doc, job_id, perms)  # `{id-token: write}`: what to-oidc writes for a job
        # whose steps use nothing else of the token (carbonplan/ndpyramid's round trip)
        return [Set(path, {})], [f"job `{job_id}`: removed `id-token: write` (its permissions are now `{{}}`)"], \
            [hint] if hint else []
    if perms == "write-all":
        return [], [], [f"job `{job_id}` has `permissions: write-all`, which includes `id-token: write`; left as is"]
    if "permissions" not in job and doc.get(("permissions",)) == "write-all":
        return [], [], [f"job `{job_id}` gets `id-token: write` from the workflow-level `write-all`; left as is"]
    return [], [], []  # a workflow-level `id-token: write` is moved by `move_workflow_id_token`


def _inherits_the_same(doc: Document, scopes: Dict[str, Any]) -> bool:
    """The job's scopes are exactly what it would inherit from the workflow-level block (what
    to-oidc writes when it gives such a job `id-token: write`): without its own block it keeps them."""
    workflow = doc.get(("permissions",))
    if isinstance(workflow, dict):
        return scopes == {str(k): v for k, v in workflow.items() if k != "id-token"} and "id-token" not in workflow
    return workflow == "read-all" and scopes == {s: "read" for s in READ_ALL_SCOPES}


def narrowed_by_to_oidc(doc: Document, job_id: str, block: Dict[str, Any]) -> Optional[str]:
    """A note when a job's block is exactly what to-oidc writes for a job without one under default
    permissions (the scopes its steps use, in that order, then `id-token: write`): going back to the
    defaults would widen it, which pubmode leaves to the user. A block in another order, or with a
    comment on a scope other than `id-token` (unclecode/crawl4ai's `contents: write  # Required for
    creating releases`: to-oidc writes none), was written by hand, and stays without a word."""
    job = doc.get(("jobs", job_id)) or {}
    written = list(job_token_needs(job, ()).scopes.items()) + [("id-token", "write")]
    if doc.get(("permissions",)) is not None or [(str(k), v) for k, v in block.items()] != written:
        return None
    if any(doc.same_line_comment(("jobs", job_id, "permissions", k)) for k, _ in written[:-1]):
        return None
    scopes = dict(written[:-1])
    listed = ", ".join(f"{k}: {v}" for k, v in scopes.items()) or "now `{}`"
    return (f"job `{job_id}` keeps its permissions block ({listed}), which is what `migrate to-oidc` writes for a "
            "job that had none; if it came from there, delete it to return to the repository's default token "
            "permissions (pubmode never widens permissions itself)")


def move_workflow_id_token(doc: Document, oidc_jobs: AbstractSet[str], root: Optional[Path] = None,
                           unsigned: Sequence[str] = ()) -> Tuple[List[Edit], List[str], List[str]]:
    """Take `id-token: write` off the workflow-level block and give it, at job level, only to the jobs
    that use OIDC (`oidc_jobs`, and jobs with another OIDC step). A job-level block replaces the
    workflow's, so each such job's new block carries the workflow's other scopes. A job that calls a
    reusable workflow may pass the permission on: then nothing moves, and the report says why.
    `unsigned`: the steps (to-token) that signed PyPI attestations with it and now fail, said with a warning."""
    workflow = doc.get(("permissions",))
    if not isinstance(workflow, dict) or workflow.get("id-token") != "write":
        return [], [], []
    inheriting = {job_id: job for job_id, job in jobs(doc) if "permissions" not in job}
    callers = sorted(job_id for job_id, job in inheriting.items() if isinstance(job.get("uses"), str))
    if callers:
        return [], [], [f"`id-token: write` stays at workflow level: job{'s' if len(callers) > 1 else ''} "
                        f"{', '.join(f'`{j}`' for j in callers)} call{'' if len(callers) > 1 else 's'} a reusable "
                        "workflow that may need it; give each job that needs it its own `permissions:` and remove "
                        "it from the workflow level by hand"]
    needing = sorted(j for j, job in inheriting.items() if j in oidc_jobs or other_oidc_user(job, root))
    scopes = {str(k): v for k, v in workflow.items() if k != "id-token"}
    copied = {k: _with_its_comment(doc, k, v) for k, v in {**scopes, "id-token": "write"}.items()}
    edits: List[Edit] = [Set(("jobs", j, "permissions"), copied, after=AFTER) for j in needing]
    edits.append(Remove(("permissions", "id-token")) if scopes else Set(("permissions",), {}))
    notes: List[str] = [Note(f"job `{j}`: added a job-level permissions block "
                             f"({', '.join(f'{k}: {v}' for k, v in {**scopes, 'id-token': 'write'}.items())}) "
                             "in place of the workflow-level `id-token: write`", job=j) for j in needing]
    many = len(needing) > 1
    notes.append("removed `id-token: write` from the workflow-level permissions"
                 + (f" (job{'s' if many else ''} {', '.join(f'`{j}`' for j in needing)} "
                    f"need{'' if many else 's'} it and get{'' if many else 's'} it at job level)" if needing else
                    f" (no upload needs it; {' and '.join(unsigned)} signed attestations with it: see the warning)"
                    if unsigned else " (no job needs it)"))
    return edits, notes, []


def _with_its_comment(doc: Document, scope: str, value: Any) -> Any:
    """A workflow-level scope copied into a job's block, with the same-line comment that explains it
    (`id-token: write  # for Trusted Publishing`)."""
    comment = doc.same_line_comment(("permissions", scope))
    return Commented(value, *comment) if comment and isinstance(value, str) else value
