"""`migrate doctor`: read workflows (and a failed run's log), report modes, findings, registrations."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from codemods.doctor import claims as claims_mod, fragment, logtext
from codemods.doctor.advice import advise
from codemods.doctor.facts import Facts, collect
from codemods.doctor.log_patterns import UNRECOGNISED
from codemods.doctor.logs import read
from codemods.doctor.rules import run_rules_in
from codemods.doctor.view import WorkflowView
from codemods.engine.document import Document
from codemods.errors import InputError
from codemods.gitlab import is_gitlab_path
from codemods.project import find_root, repository, root_for
from codemods.published_projects import published_projects, workflow_inputs
from codemods.publishers.gh_action import attests
from codemods.registration import (Registration, host_accepted, host_not_accepted, own_runs_advice,
                                   reusable_workflow_advice)
from codemods.workflow_files import check_shape, discover, read_workflow, shown_path


@dataclass
class Finding:
    id: str
    severity: str
    path: str
    line: Optional[int]
    message: str
    title: str
    fix: str


@dataclass
class StepSummary:
    line: Optional[int]
    label: str
    publisher: str
    mode: str
    index: str


@dataclass
class JobSummary:
    job_id: str
    environment: Optional[str]
    id_token: bool
    mode: str  # token, trusted, mixed
    steps: List[StepSummary]


@dataclass
class FileDiagnosis:
    path: str
    jobs: List[JobSummary] = field(default_factory=list)
    findings: List[Finding] = field(default_factory=list)
    registrations: List[Registration] = field(default_factory=list)
    error: Optional[str] = None
    facts: Optional[Facts] = None
    fragment_offset: int = 0
    registration_note: Optional[str] = None
    remote: Optional[str] = None


@dataclass
class Diagnosis:
    files: List[FileDiagnosis]
    path_errors: List[str]
    log_path: Optional[str] = None
    log_findings: List[Finding] = field(default_factory=list)
    claims: Dict[str, str] = field(default_factory=dict)
    advice: List[str] = field(default_factory=list)
    recognised: bool = True
    last_error_lines: List[str] = field(default_factory=list)

    @property
    def findings(self) -> List[Finding]:
        return [f for d in self.files for f in d.findings] + self.log_findings

    @property
    def failed(self) -> bool:
        return bool(self.path_errors) or any(d.error for d in self.files)


def diagnose_file(path: Path) -> FileDiagnosis:
    """One file's diagnosis; an input error or a bug of ours is one line for this file, never a stop."""
    root = root_for(path)
    shown = shown_path(path, find_root(path.parent) or root)
    result = FileDiagnosis(shown)
    try:
        if is_gitlab_path(path):
            from codemods.gitlab.doctor import diagnose_gitlab

            diagnose_gitlab(read_workflow(path, root), path, root, result)
            return _finish(result)
        doc, result.fragment_offset = _document(read_workflow(path, root).text, path)
        _diagnose(doc, path, root, shown, result)
    except InputError as e:
        result.error = f"{e.where(shown)}: {e.message}"
    except OSError as e:  # a folder deleted or made unreadable during the run: not a bug of ours
        result.jobs, result.findings, result.registrations = [], [], []
        result.error = f"{shown}: {e.strerror or e}" + (f" ({e.filename})" if e.filename else "")
    except Exception as e:  # the same one line as migrate gives, so the other files are still reported
        if os.environ.get("PUBMODE_DEBUG"):
            raise
        result.jobs, result.findings, result.registrations = [], [], []
        result.error = (f"{shown}: internal error: {type(e).__name__}: {e} "
                        "(set PUBMODE_DEBUG=1 for a traceback, and please report it)")
    return _finish(result)


def _diagnose(doc: Document, path: Path, root: Path, shown: str, result: FileDiagnosis) -> None:
    view = WorkflowView(doc, root)  # the file name is the document's
    result.facts = collect(path.name, view)
    for job_id in dict.fromkeys(p.job_id for p in view.publishing):
        steps = view.publishing_of(job_id)
        modes = {p.mode for p in steps}
        summaries = [StepSummary(p.line, p.label, p.publisher, p.mode, p.index_key) for p in steps]
        result.jobs.append(JobSummary(job_id, view.environment(job_id), view.has_id_token(job_id),
                                      modes.pop() if len(modes) == 1 else "mixed",
                                      # two uploads of one step that read alike (an `if`/`else`) are listed once
                                      [s for i, s in enumerate(summaries) if s not in summaries[:i]]))
    base = find_root(path.parent) or root
    for r, line, message, fix, severity, other in run_rules_in(view):
        where = shown_path(root / other, base) if other else shown  # a composite action's file
        result.findings.append(Finding(r.id, severity, where, line, message, r.title, fix))
    repo = repository(root)
    result.remote = f"{repo.owner}/{repo.name}" if repo.owner and repo.name else None
    if view.trusted_jobs and not host_accepted(repo.host):
        result.registration_note = host_not_accepted(repo.host)
        return
    if view.trusted_jobs and repo.note:  # a mirror on GitHub: the note `to-oidc` prints beside the publisher
        result.registration_note = repo.note[:1].upper() + repo.note[1:]
    if result.facts.reusable and view.trusted_jobs:
        action = any(p.publisher == "gh-action" and attests(p.inputs or {}, p.ref, with_password=False)
                     for j in view.trusted_jobs for p in view.publishing_of(j))
        result.registration_note = f"{path.name} is a reusable workflow: " + reusable_workflow_advice(path, action)
        return
    if "workflow_call" in view.events and view.trusted_jobs:  # run on its own: registered as any workflow
        result.registration_note = "; ".join(filter(None, [result.registration_note,
                                                           own_runs_advice(path, view.events)]))
    for job_id in view.trusted_jobs:
        targets = sorted({i for p in view.publishing_of(job_id) if p.mode == "trusted" for i in p.targets},
                         key=lambda i: i.key)
        published = published_projects(repo, view.jobs, job_id, [p.step_index for p in view.publishing_of(job_id)],
                                       view.doc.get(("env",)), workflow_inputs(view.doc))
        if published.matrix_note:  # the legs may build other projects: said as to-oidc says it
            result.registration_note = "; ".join(filter(None, [result.registration_note, published.matrix_note]))
        for index in targets:
            for project in published.registered:
                found = Registration(index, repo.owner_or_placeholder, repo.name_or_placeholder, path.name,
                                     view.environment(job_id), project, unknown="" if project else published.unknown)
                if found not in result.registrations:  # two jobs needing one publisher: said once
                    result.registrations.append(found)


def _finish(result: FileDiagnosis) -> FileDiagnosis:
    if result.fragment_offset:
        _shift(result, result.fragment_offset)
    return result


def _document(text: str, path: Path) -> Tuple[Document, int]:
    """The workflow, or the whole workflow around a pasted fragment (with the lines added above it)."""
    try:
        doc = Document(text, path)
        check_shape(doc, path)
        return doc, 0
    except InputError as refused:
        wrapped = fragment.wrap(text)
        if wrapped is None:
            raise refused
        doc = Document(wrapped[0], path)
        check_shape(doc, path)
        return doc, wrapped[1]


def _shift(result: FileDiagnosis, offset: int) -> None:
    """Line numbers of the wrapped fragment back to the pasted text's (none for the added lines)."""
    def back(line: Optional[int]) -> Optional[int]:
        return line - offset if line and line > offset else None
    for f in result.findings:
        f.line = back(f.line) if f.path == result.path else f.line  # a composite action's line is its file's
    for job in result.jobs:
        for s in job.steps:
            s.line = back(s.line)


def diagnose(paths: List[Path], cwd: Path, log_text: Optional[str] = None, log_name: str = "-",
             jobs: int = 1) -> Diagnosis:
    from codemods.parallel import ordered_map

    found, errors = discover(paths, cwd)
    files = list(ordered_map(diagnose_file, found, jobs))
    result = Diagnosis(files, errors)
    if log_text is not None:
        read_log(result, log_text, log_name)
    return result


def read_log(result: Diagnosis, log_text: str, log_name: str) -> None:
    result.log_path = log_name
    scan = read(log_text, publishes=any(d.facts and d.facts.publishes for d in result.files))
    result.claims = scan.claims
    for hit in scan.findings:
        p = hit.pattern
        result.log_findings.append(Finding(p.id, p.severity, log_name, hit.line, hit.message, p.title, hit.fix or p.fix))
    if not scan.findings:
        result.recognised = False
        result.last_error_lines = [f"{n}: {t}" for n, t in scan.last_errors]
        last = next((e for e in reversed(scan.last_errors) if not logtext.FIX_TOLD.search(e[1])),
                    scan.last_errors[-1] if scan.last_errors else None)  # a fix told is no error line
        message = f"{UNRECOGNISED.title}; last error line: {last[1]}" if last else UNRECOGNISED.title
        result.log_findings.append(Finding(UNRECOGNISED.id, UNRECOGNISED.severity, log_name, last[0] if last else None,
                                           message, UNRECOGNISED.title, UNRECOGNISED.fix))
    files = [d for d in result.files if d.facts]
    trusted = {Path(d.path).name: j.environment for d in files for j in d.jobs if any(s.mode == "trusted" for s in j.steps)}
    reusable = {d.facts.file for d in files if d.facts.reusable}
    remote = next((d.remote for d in files if d.remote), None)
    result.advice = advise(scan, [d.facts for d in files], claims_mod.Context(trusted, reusable, remote))
    if any(is_gitlab_path(Path(d.path)) for d in result.files):
        from codemods.gitlab.doctor import log_advice

        result.advice = log_advice(scan, result.files) + result.advice
