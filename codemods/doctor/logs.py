"""Recognise the errors of a failed publish run in its log, and read the OIDC claims it prints.

The texts are those of pypa/gh-action-pypi-publish, PyPI (warehouse), twine and uv
(research/domain.md §1.3, §2.4, §6). Each pattern has the same documentation fields as a rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from codemods.doctor.rules import ERROR, WARNING


@dataclass(frozen=True)
class LogPattern:
    id: str
    severity: str
    pattern: str  # a regular expression, searched line by line (case-insensitive)
    title: str
    why: str
    example: str
    fix: str


PATTERNS: Tuple[LogPattern, ...] = (
    LogPattern("log-invalid-publisher", ERROR, r"invalid-publisher`?: valid token, but no corresponding publisher",
               "PyPI found no trusted publisher matching the token's claims",
               "The owner, repository, workflow file name or environment registered on PyPI differ from the run's "
               "claims (a renamed workflow or repository, an environment missing on one side).",
               "* `invalid-publisher`: valid token, but no corresponding publisher (Publisher with matching claims was not found)",
               "Compare the claims printed below the error with the publisher on PyPI; `migrate doctor --log` "
               "names the field that differs."),
    LogPattern("log-id-token-unset", ERROR, r"ACTIONS_ID_TOKEN_REQUEST_TOKEN environment variable was unset|"
               r"Failed to obtain OIDC token|Unable to retrieve an OIDC token",
               "The job could not get an OIDC token",
               "The job has no `id-token: write` (or a job-level permissions block replaced the workflow's), or a "
               "password secret was empty and the uploader fell back to Trusted Publishing.",
               "OpenID Connect token retrieval failed: GitHub: missing or insufficient OIDC token permissions, the "
               "ACTIONS_ID_TOKEN_REQUEST_TOKEN environment variable was unset",
               "Add `permissions: id-token: write` to the publishing job; check that a password secret is not empty."),
    LogPattern("log-fork-pull-request", ERROR, r"called from a pull request on a fork",
               "The publish ran for a pull request from a fork",
               "GitHub gives no OIDC token (and no secrets) to workflows run for pull requests from forks.",
               "The workflow context indicates that this action was called from a pull request on a fork.",
               "Publish only from tags, releases or workflow_dispatch."),
    LogPattern("log-invalid-pending-publisher", ERROR, r"invalid-pending-publisher",
               "A pending publisher was used for a project that already exists",
               "A pending publisher only creates a new project; once the project exists the publisher must be added "
               "on the project's own publishing page.",
               "* `invalid-pending-publisher`: valid token, but project already exists",
               "Delete the pending publisher and add the same values on the project's Publishing settings."),
    LogPattern("log-non-user-identity", ERROR, r"Non-user identities cannot create new projects",
               "The upload would create a project that no pending publisher names",
               "The project name in the package metadata differs from the one given to the pending publisher.",
               "Non-user identities cannot create new projects. This was probably caused by successfully using a "
               "pending publisher but specifying the project name incorrectly",
               "Make the pending publisher's project name equal to the metadata name (pyproject.toml)."),
    LogPattern("log-scoped-token-project", ERROR, r"OIDC scoped token is not valid for project",
               "The minted token does not cover this project",
               "The trusted publisher is registered on another project (often one project of a monorepo).",
               "OIDC scoped token is not valid for project 'octo-widget'",
               "Add the same trusted publisher to every project this workflow uploads."),
    LogPattern("log-attestation-exists", ERROR, r"already has a publish attestation",
               "The publish action ran twice on the same files",
               "Each call of the action attests the files it uploads; a second call in the same job finds the "
               "first call's attestations.",
               "Attestation generation failure: dist/octo_widget-1.0.tar.gz already has a publish attestation",
               "Give each index its own job, or set `attestations: false` on one step."),
    LogPattern("log-invalid-attestations", ERROR, r"Invalid attestations supplied during upload",
               "PyPI rejected the attestations",
               "In a reusable workflow the attestation's certificate names the calling workflow, which does not "
               "match the publisher registered for the called one.",
               "Invalid attestations supplied during upload: Verification failed: Certificate's Build Config URI "
               "(…/release.yml@refs/heads/main) does not match expected Trusted Publisher",
               "Move the upload into the calling workflow, or set `attestations: false`."),
    LogPattern("log-container-linux", ERROR, r"Container action is only supported on Linux",
               "The publish action ran on a non-Linux runner",
               "pypa/gh-action-pypi-publish is a Linux container action.",
               "Error: Container action is only supported on Linux",
               "Run the publish job on `ubuntu-latest`."),
    LogPattern("log-attestations-ignored", WARNING, r"attestations input ignored",
               "A token is still configured next to Trusted Publishing",
               "An explicit password disables Trusted Publishing, and with it the default attestations.",
               "::warning title=attestations input ignored::The workflow was run with the 'attestations: true' input, "
               "but an explicit password was also set, disabling Trusted Publishing.",
               "Remove the password (`migrate to-oidc`)."),
    LogPattern("log-unknown-issuer", ERROR, r"unknown trusted publishing issuer",
               "The index does not accept this CI's tokens",
               "PyPI accepts tokens from GitHub, GitLab.com, Google Cloud and ActiveState; self-managed GitLab is "
               "not supported.",
               "* `invalid-payload`: unknown trusted publishing issuer",
               "Use an API token for this CI."),
    LogPattern("log-pull-request-target", ERROR, r"invoked via 'pull_request_target' is not supported",
               "PyPI refused a run triggered by pull_request_target", "PyPI rejects that trigger since 2026-03.",
               "Publishing from a workflow invoked via 'pull_request_target' is not supported.",
               "Publish from tags, releases or workflow_dispatch."),
    LogPattern("log-password-uploads-disabled", ERROR, r"Password-based uploads disabled|"
               r"Username/Password authentication is no longer supported",
               "A username and password were sent", "PyPI accepts only API tokens or Trusted Publishing.",
               "::error title=Password-based uploads disabled::As of 2024, PyPI requires all users to enable "
               "Two-Factor Authentication.", "Move to Trusted Publishing (`migrate to-oidc`)."),
    LogPattern("log-reusable-workflow", WARNING, r"Potential workflow misconfiguration",
               "The token came from a reusable workflow",
               "PyPI matches the called workflow, which it does not support as a publisher.",
               "::warning::Potential workflow misconfiguration: The claims in this token suggest that the calling "
               "workflow is a reusable workflow", "Move the upload into the calling workflow."),
    LogPattern("log-no-trusted-publishing-index", ERROR, r"audience retrieval failed",
               "The index does not support Trusted Publishing",
               "Only indexes serving /_/oidc/audience (PyPI, TestPyPI) take OIDC tokens.",
               "audience retrieval failed: repository at example.com does not indicate trusted publishing support",
               "Keep an API token for this index."),
)

LINK_WORKFLOW = re.compile(r"[?&]workflow_filename=([^&\s)]+)")
CLAIM = re.compile(r"\*\s*`(?P<key>[a-z_]+)`\s*:\s*`(?P<value>[^`]*)`")


@dataclass
class LogFinding:
    pattern: LogPattern
    line: int
    message: str


def scan(text: str) -> Tuple[List[LogFinding], Dict[str, str]]:
    """The recognised errors (first line of each) and the claims the log prints."""
    found: Dict[str, LogFinding] = {}
    claims: Dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), 1):
        m = CLAIM.search(line)
        if m:
            claims.setdefault(m.group("key"), m.group("value"))
        link = LINK_WORKFLOW.search(line)
        if link:
            claims.setdefault("link_workflow_filename", link.group(1))
        for p in PATTERNS:
            if p.id not in found and re.search(p.pattern, line, re.I):
                found[p.id] = LogFinding(p, n, p.title)
    return list(found.values()), claims


def compare_claims(claims: Dict[str, str], workflows: Dict[str, Optional[str]]) -> List[str]:
    """What to change in the publisher, from the claims and the workflows' environments.

    `workflows` maps a workflow file name to the environment of its publishing job (None: none).
    """
    out: List[str] = []
    env = claims.get("environment")
    jwr, wr = claims.get("job_workflow_ref", ""), claims.get("workflow_ref", "")
    called = re.search(r"/\.github/workflows/([^@]+)@", jwr)
    caller = re.search(r"/\.github/workflows/([^@]+)@", wr)
    if env is not None:
        if env.upper() == "MISSING":
            out.append("the run had no environment: if the publisher on PyPI names one, add that `environment:` to "
                       "the publishing job, or remove the environment from the publisher")
        else:
            out.append(f"the run's environment is `{env}`: the publisher must name `{env}` or no environment")
    if called and caller and called.group(1) != caller.group(1):
        out.append(f"the token came from the reusable workflow `{called.group(1)}` called by `{caller.group(1)}`: "
                   "PyPI matches the called file, and does not support this; move the upload into "
                   f"`{caller.group(1)}`")
    elif called:
        name = called.group(1)
        out.append(f"the publisher's workflow file name must be `{name}`")
        if workflows and name not in workflows:
            out.append(f"`{name}` is not among the workflows checked ({', '.join(sorted(workflows))}): the file may "
                       "have been renamed since the publisher was registered")
        elif workflows.get(name) and env and env.upper() == "MISSING":
            out.append(f"`{name}` now sets environment `{workflows[name]}`: register that environment on PyPI")
    linked = claims.get("link_workflow_filename")
    if linked and called and linked != called.group(1):
        out.append(f"the log's publisher link names `{linked}` but the token came from `{called.group(1)}`: "
                   f"register `{called.group(1)}`")
    elif linked and workflows and linked not in workflows:
        out.append(f"the log's publisher link names `{linked}`, which is not among the workflows checked "
                   f"({', '.join(sorted(workflows))})")
    if claims.get("repository"):
        out.append(f"the publisher's owner/repository must be `{claims['repository']}` (a renamed or transferred "
                   "repository needs a new publisher)")
    return out
