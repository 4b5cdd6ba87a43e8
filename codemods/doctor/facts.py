"""What a workflow says that explains a failed run: triggers, token secrets, TestPyPI steps, reusable calls."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional, Set

from codemods.doctor.view import WorkflowView
from codemods.publishers import gh_action
from codemods.registration import publishes_as_called
from codemods.token_needs import ScopeGap

_SECRET = re.compile(r"\$\{\{\s*secrets\.([A-Za-z0-9_]+)\s*\}\}")


@dataclass
class TokenStep:
    job_id: str
    secret: Optional[str]  # the secret's name when the credential is `${{ secrets.NAME }}`
    environment: Optional[str]
    publisher: str
    id_token: bool
    credential: str = ""  # how the step is given its credentials, e.g. "`UV_PUBLISH_PASSWORD`"


@dataclass
class Facts:
    file: str
    events: Set[str] = field(default_factory=set)
    reusable: bool = False
    token_steps: List[TokenStep] = field(default_factory=list)
    trusted_envs: List[Optional[str]] = field(default_factory=list)
    testpypi: bool = False
    calls_without_secrets: List[str] = field(default_factory=list)  # reusable workflows called without secrets
    calls_without_id_token: List[str] = field(default_factory=list)  # reusable workflows called without id-token
    upload_dirs: List[str] = field(default_factory=list)  # the action's folder where a job runs in another directory
    every_push: bool = False  # publishes on pushes not limited to tags
    trusted_uploaders: Set[str] = field(default_factory=set)
    publishes: bool = False  # a job of it uploads to PyPI or TestPyPI
    scope_gaps: List[ScopeGap] = field(default_factory=list)  # GITHUB_TOKEN scopes its jobs' steps may lack
    unread_credentials: List[str] = field(default_factory=list)  # credential-not-read: a secret no upload gets


def collect(file: str, view: WorkflowView) -> Facts:
    from codemods.doctor.unread_secrets import unread_in

    facts = Facts(file, set(view.events), publishes_as_called(view.doc.path, view.events))
    facts.every_push = _pushes_untagged(view)
    facts.scope_gaps = view.scope_gaps
    facts.unread_credentials = [f"{file}:{line}: {message}" if line else f"{file}: {message}"
                                for line, message in unread_in(view)]
    for p in view.publishing:
        if not p.targets:
            continue
        facts.publishes = True
        workdir = _run_directory(view, p.job_id)
        if p.publisher == "gh-action" and workdir:
            folder = str((p.inputs or {}).get("packages-dir") or (p.inputs or {}).get("packages_dir") or "dist")
            if not folder.strip("./").startswith(workdir.strip("./")):
                facts.upload_dirs.append(f"job `{p.job_id}` of {file} runs its steps in `{workdir}` "
                                         f"(`defaults.run.working-directory`), but the action uploads `{folder}` from the "
                                         f"repository root: set `packages-dir: {workdir.rstrip('/')}/dist`")
        facts.testpypi = facts.testpypi or any(i.key == "testpypi" for i in p.targets)
        env = view.environment(p.job_id)
        if p.mode == "trusted":
            facts.trusted_envs.append(env)
            facts.trusted_uploaders.add(p.publisher)
            continue
        m = _SECRET.search(_credential_text(view, p))
        facts.token_steps.append(TokenStep(p.job_id, m.group(1) if m else None, env, p.publisher,
                                           view.has_id_token(p.job_id), p.credential))
    for job_id, job in view.jobs.items():
        uses = job.get("uses")
        if isinstance(uses, str) and ".github/workflows/" in uses and "secrets" not in job:
            facts.calls_without_secrets.append(f"job `{job_id}` calls `{uses}`")
        if isinstance(uses, str) and ".github/workflows/" in uses and not view.has_id_token(job_id):
            facts.calls_without_id_token.append(f"job `{job_id}` of {file} calls `{uses}`")
    return facts


def _run_directory(view: WorkflowView, job_id: str) -> Optional[str]:
    """The `defaults.run.working-directory` of a job (or of the workflow), which actions do not follow."""
    for defaults in (view.jobs[job_id].get("defaults"), view.doc.get(("defaults",))):
        run = defaults.get("run") if isinstance(defaults, dict) else None
        if isinstance(run, dict) and isinstance(run.get("working-directory"), str):
            return run["working-directory"]
    return None


def _credential_text(view: WorkflowView, p) -> str:
    """The password input of the action, or the env values of the uploader's step and job."""
    if p.publisher == "gh-action":
        return " ".join(str(v) for k, v in (p.inputs or {}).items() if str(k).lower() in gh_action.PASSWORD_INPUTS)
    job = view.jobs[p.job_id]
    steps = job.get("steps") or []
    step = steps[p.step_index] if p.step_index < len(steps) and isinstance(steps[p.step_index], dict) else {}
    envs = [e for e in (step.get("env"), job.get("env"), view.doc.get(("env",))) if isinstance(e, dict)]
    return " ".join(str(v) for e in envs for k, v in e.items() if "secrets." in str(v))


def _pushes_untagged(view: WorkflowView) -> bool:
    """True when a push that is not a tag can run a publishing job."""
    if "push" not in view.events:
        return False
    on = view.doc.get(("on",))
    push = on.get("push") if isinstance(on, dict) else None
    if isinstance(push, dict) and "tags" in push and "branches" not in push:
        return False
    jobs = {p.job_id for p in view.publishing if p.targets}
    return not all("refs/tags" in str(view.jobs[j].get("if", "")) for j in jobs) if jobs else False
