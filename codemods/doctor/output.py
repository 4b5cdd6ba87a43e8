"""The doctor's report in four formats: text, json (schema version 1), github annotations, SARIF 2.1.0."""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any, Dict, List

from codemods import __version__
from codemods.doctor.diagnose import Diagnosis, Finding
from codemods.doctor.log_patterns import PATTERNS, UNRECOGNISED
from codemods.doctor.rules import GITLAB_RULES, RULES

LEVELS = {"error": 3, "warning": 2, "note": 1}
GITHUB_LEVEL = {"error": "error", "warning": "warning", "note": "notice"}
ANNOTATIONS_PER_LEVEL = 10


UNRECOGNISED_LOG = 3  # exit code: a log was given and none of its errors was recognised


def exit_code(d: Diagnosis, exit_zero: bool) -> int:
    if d.failed:
        return 2
    if exit_zero:
        return 0
    if d.log_path is not None and not d.recognised:
        return UNRECOGNISED_LOG
    return 1 if any(LEVELS[f.severity] >= LEVELS["warning"] for f in d.findings) else 0


def _where(f: Finding) -> str:
    return f"{f.path}:{f.line}" if f.line else f.path


def text(d: Diagnosis, color: bool = False) -> str:
    paint = {"error": "\033[31m", "warning": "\033[33m", "note": "\033[36m"} if color else {}
    reset = "\033[0m" if color else ""
    out: List[str] = [f"error: {e}" for e in d.path_errors]
    for f in d.files:
        if f.error:
            out.append(f"error: {f.error}")
            continue
        out.append(f"{f.path}:" + ("" if f.jobs or f.findings else " publishes nothing to PyPI")
                   + (" (read as a fragment of a workflow)" if f.fragment_offset else ""))
        for job in f.jobs:
            env = f"environment `{job.environment}`" if job.environment else "no environment"
            out.append(f"  job `{job.job_id}`: {job.mode}, {env}, OIDC token: {'yes' if job.id_token else 'no'}")
            for s in job.steps:
                out.append(f"    line {s.line}: {s.publisher} to {s.index} ({s.mode})")
        for x in f.findings:
            out.append(f"  {paint.get(x.severity, '')}{x.severity}{reset}[{x.id}] {_where(x)}: {x.message}")
            out.append(f"      fix: {x.fix}")
        if f.registration_note:
            out.append(f"  {f.registration_note}")
        for r in f.registrations:
            tab, project = (" (GitLab tab)", "project name") if r.provider == "gitlab" else ("", "project")
            fields = ", ".join(f"{k} {v}" for k, v in r.form() + [(project, r.project or "<project name>")])
            out.append(f"  register on {r.index.title}{tab}: {fields}")
            out.append(f"      {r.link()}")
            if r.project:
                out.append(f"      (new project: {r.index.site}/manage/account/publishing/)")
            elif r.unknown:
                out.append(f"      ({r.unknown}: one publisher for each project the job uploads)")
    if d.log_path is not None:
        out.append(f"{d.log_path}:" + ("" if d.recognised else " the error was not recognised (this is not an all-clear)"))
        for x in d.log_findings:
            out.append(f"  {paint.get(x.severity, '')}{x.severity}{reset}[{x.id}] {_where(x)}: {x.message}")
            out.append(f"      fix: {x.fix}")
            if x is d.log_findings[0]:
                out += [f"      - {a}" for a in d.advice]
        if not d.recognised:
            out.append("  the last lines that look like an error:" if d.last_error_lines else
                       "  no line of the log looks like an error: was the failing step's log pasted?")
            out += [f"    {ln}" for ln in d.last_error_lines]
    count = {lvl: sum(1 for f in d.findings if f.severity == lvl) for lvl in LEVELS}
    out.append("")
    def n(k: int, word: str) -> str:
        return f"{k} {word}{'s' if k != 1 else ''}"

    unread = len(d.path_errors) + sum(1 for f in d.files if f.error)  # files it could not read: errors too
    out.append(f"{n(count['error'] + unread, 'error')}, {n(count['warning'], 'warning')}, {n(count['note'], 'note')} "
               f"in {n(len(d.files), 'workflow')}")
    return "\n".join(out) + "\n"


def as_json(d: Diagnosis) -> str:
    """Schema version 1: see docs/doctor-json.md."""
    files = []
    for f in d.files:
        files.append({
            "path": f.path, "error": f.error, "fragment": bool(f.fragment_offset),
            "registration_note": f.registration_note,
            "jobs": [asdict(j) for j in f.jobs],
            "findings": [asdict(x) for x in f.findings],
            "registrations": [{"index": r.index.key, "owner": r.owner, "repository": r.repository,
                               "workflow": r.workflow, "environment": r.environment, "project": r.project,
                               "link": r.link()} for r in f.registrations],
        })
    doc: Dict[str, Any] = {"version": 1, "tool": f"pubmode {__version__}", "errors": d.path_errors, "files": files}
    if d.log_path is not None:
        doc["log"] = {"path": d.log_path, "recognised": d.recognised,
                      "findings": [asdict(x) for x in d.log_findings], "claims": d.claims, "advice": d.advice,
                      "last_error_lines": d.last_error_lines}
    return json.dumps(doc, indent=2) + "\n"


def github(d: Diagnosis) -> str:
    """Workflow commands; GitHub shows at most 10 annotations per level and step, so no more are printed."""
    out, shown = [], {lvl: 0 for lvl in GITHUB_LEVEL.values()}
    for x in sorted(d.findings, key=lambda f: -LEVELS[f.severity]):
        level = GITHUB_LEVEL[x.severity]
        if shown[level] >= ANNOTATIONS_PER_LEVEL:
            continue
        shown[level] += 1
        where = f"file={x.path}" + (f",line={x.line}" if x.line else "")
        message = f"{x.message}. Fix: {x.fix}" + _advice(d, x)
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        out.append(f"::{level} {where},title={x.id}::{message}")
    hidden = len(d.findings) - sum(shown.values())
    if hidden:
        out.append(f"::notice::{hidden} more findings; run `migrate doctor` locally to see them all")
    return "\n".join(out) + ("\n" if out else "")


def _advice(d: Diagnosis, x: Finding) -> str:
    """The advice lines and last error lines, under the log's first finding."""
    if not d.log_findings or x is not d.log_findings[0]:
        return ""
    return "".join(f"\n- {a}" for a in d.advice + d.last_error_lines)


def sarif(d: Diagnosis) -> str:
    docs = {r.id: (r.title, r.why, r.fix, r.severity) for r in list(RULES.values()) + list(GITLAB_RULES.values())}
    docs.update({p.id: (p.title, p.why, p.fix, p.severity) for p in PATTERNS + (UNRECOGNISED,)})
    used = sorted({x.id for x in d.findings})
    rules = [{"id": rid, "name": rid, "shortDescription": {"text": docs[rid][0]},
              "fullDescription": {"text": docs[rid][1]}, "help": {"text": docs[rid][2]},
              "defaultConfiguration": {"level": docs[rid][3]}} for rid in used]
    results = []
    for x in d.findings:
        location: Dict[str, Any] = {"artifactLocation": {"uri": x.path}}
        if x.line:
            location["region"] = {"startLine": x.line}
        results.append({"ruleId": x.id, "ruleIndex": used.index(x.id), "level": x.severity,
                        "message": {"text": f"{x.message}. Fix: {x.fix}" + _advice(d, x)},
                        "locations": [{"physicalLocation": location}]})
    log = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "pubmode", "version": __version__,
                                         "informationUri": "https://pypi.org/project/pubmode/", "rules": rules}},
                     "results": results}]}
    return json.dumps(log, indent=2) + "\n"
