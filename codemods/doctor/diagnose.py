"""`migrate doctor`: read workflows (and a failed run's log), report modes, findings, registrations."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from codemods.doctor.logs import compare_claims, scan
from codemods.doctor.rules import run_rules
from codemods.doctor.view import WorkflowView
from codemods.engine.document import Document
from codemods.errors import InputError
from codemods.migrate import Registration
from codemods.project import find_root, repository, root_for
from codemods.runner import check_shape, discover, read_workflow, shown_path


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


@dataclass
class Diagnosis:
    files: List[FileDiagnosis]
    path_errors: List[str]
    log_path: Optional[str] = None
    log_findings: List[Finding] = field(default_factory=list)
    claims: Dict[str, str] = field(default_factory=dict)
    advice: List[str] = field(default_factory=list)

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
        doc = Document(read_workflow(path, root).text, path)
        check_shape(doc, path)
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
    return result


def _diagnose(doc: Document, path: Path, root: Path, shown: str, result: FileDiagnosis) -> None:
    view = WorkflowView(doc, root)
    for job_id in dict.fromkeys(p.job_id for p in view.publishing):
        steps = view.publishing_of(job_id)
        modes = {p.mode for p in steps}
        result.jobs.append(JobSummary(job_id, view.environment(job_id), view.has_id_token(job_id),
                                      modes.pop() if len(modes) == 1 else "mixed",
                                      [StepSummary(p.line, p.label, p.publisher, p.mode, p.index_key) for p in steps]))
    for r, line, message in run_rules(view):
        result.findings.append(Finding(r.id, r.severity, shown, line, message, r.title, r.fix))
    repo = repository(root)
    for job_id in view.trusted_jobs:
        targets = sorted({i for p in view.publishing_of(job_id) if p.mode == "trusted" for i in p.targets},
                         key=lambda i: i.key)
        for index in targets:
            result.registrations.append(Registration(index, repo.owner_or_placeholder, repo.name_or_placeholder,
                                                     path.name, view.environment(job_id), repo.project))


def diagnose(paths: List[Path], cwd: Path, log_text: Optional[str] = None, log_name: str = "-") -> Diagnosis:
    found, errors = discover(paths, cwd)
    files = [diagnose_file(p) for p in found]
    result = Diagnosis(files, errors)
    if log_text is not None:
        result.log_path = log_name
        hits, claims = scan(log_text)
        result.claims = claims
        for hit in hits:
            p = hit.pattern
            result.log_findings.append(Finding(p.id, p.severity, log_name, hit.line, p.title, p.title, p.fix))
        workflows = {}
        for d in files:
            for job in d.jobs:
                if any(s.mode == "trusted" for s in job.steps):
                    workflows[Path(d.path).name] = job.environment
        result.advice = compare_claims(claims, workflows) if claims else []
    return result
