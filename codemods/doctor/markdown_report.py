"""`migrate doctor --format markdown`: the doctor's report for a pull request or `$GITHUB_STEP_SUMMARY`.

Like the other doctor formats (output.py) it imports neither the planner nor the runner.
"""
from __future__ import annotations

from typing import List

from codemods.doctor.diagnose import Diagnosis, Finding
from codemods.markdown import SUMMARY_LIMIT, Section, code, cut_lines, fenced, fit, inline, link, table
from codemods.registration import Registration

def markdown(d: Diagnosis, limit: int = SUMMARY_LIMIT) -> str:
    """The doctor's report for a pull request or a step summary: per workflow its publishing jobs, its
    findings (with their fixes) and the publishers to register; then the log's findings and advice.
    The findings tables and the log's last lines are cut first when it would pass 1 MiB; the
    registrations never are."""
    count = {lvl: sum(1 for f in d.findings if f.severity == lvl) for lvl in ("error", "warning", "note")}

    def n(k: int, word: str) -> str:
        return f"{k} {word}{'s' if k != 1 else ''}"

    sections = [Section(f"## pubmode: `migrate doctor`\n\n**{n(count['error'], 'error')}, {n(count['warning'], 'warning')}"
                        f", {n(count['note'], 'note')}** in {n(len(d.files), 'workflow')}.\n\n")]
    errors = list(d.path_errors) + [f.error for f in d.files if f.error]
    if errors:
        sections.append(Section("### Errors\n\n" + "".join(f"- {inline(e)}\n" for e in errors) + "\n"))
    for f in d.files:
        if f.error:
            continue
        head = f"### {code(f.path)}" + (" (read as a fragment of a workflow)" if f.fragment_offset else "") + "\n\n"
        if not f.jobs:
            head += "Publishes nothing to PyPI.\n\n"
        else:
            rows = [[code(j.job_id, True), inline(j.mode, True),
                     code(j.environment, True) if j.environment else "none", "yes" if j.id_token else "no",
                     "<br>".join(inline(f"line {s.line}: {s.publisher} to {s.index} ({s.mode})" if s.line else
                                        f"{s.publisher} to {s.index} ({s.mode})", True) for s in j.steps)]
                    for j in f.jobs]
            head += table(["Job", "Mode", "Environment", "OIDC token", "Uploads"], rows) + "\n"
        sections.append(Section(head))
        if f.findings:
            sections.append(_findings_section(f.findings))
        regs = ""
        if f.registration_note:
            regs += inline(f.registration_note) + "\n\n"
        if f.registrations:
            regs += "Register on PyPI (the trusted publisher these jobs need):\n\n" + _registrations_table(f.registrations)
        if regs:
            sections.append(Section(regs))
    if d.log_path is not None:
        head = f"### Log {code(d.log_path)}\n\n"
        if not d.recognised:
            head += "**The error was not recognised** (this is not an all-clear).\n\n"
        sections.append(Section(head))
        if d.log_findings:
            sections.append(_findings_section(d.log_findings))
        if d.advice:
            sections.append(Section("What the log and the workflows make likely:\n\n"
                                    + "".join(f"- {inline(a)}\n" for a in d.advice) + "\n"))
        if not d.recognised:
            if d.last_error_lines:
                title = "The last lines that look like an error:\n\n"
                lines = [ln + "\n" for ln in d.last_error_lines]
                sections.append(Section(title + fenced("".join(lines), "text") + "\n", lambda budget: title + cut_lines(
                    lines, budget - len(title), lambda shown, total: "\n" if shown == total else
                    f"\n*{total - shown} more lines left out (GitHub's 1 MiB step-summary limit).*\n\n",
                    lambda body: fenced(body, "text")), order=0))
            else:
                sections.append(Section("No line of the log looks like an error: was the failing step's log pasted?\n\n"))
    return fit(sections, limit)


def _findings_section(findings: List[Finding]) -> Section:
    header = ["Severity", "Finding", "Line", "What", "Fix"]
    rows = [[f"**{x.severity}**" if x.severity == "error" else x.severity, code(x.id, True),
             str(x.line) if x.line else "", inline(x.message, True), inline(x.fix, True)] for x in findings]

    def cut(budget: int) -> str:
        lines = [table(header, [r]).split("\n", 2)[2] for r in rows]
        return cut_lines(lines, budget, lambda shown, total: "" if shown == total else
                         f"\n*{total - shown} more findings left out (GitHub's 1 MiB step-summary limit); "
                         "`migrate doctor` prints them all.*\n\n", lambda body: table(header, []) + body + "\n")
    return Section(table(header, rows) + "\n", cut, order=1)


def _registrations_table(regs: List[Registration]) -> str:
    rows = []
    for r in regs:
        form = f"{link('pre-filled form', r.link())}, {link('pending', r.index.site + '/manage/account/publishing/')}" \
            if r.project else link("publishing page", r.link())
        rows.append([r.index.title, code(r.project, True) if r.project else "*the project's name*", code(r.owner, True),
                     code(r.repository, True), code(r.workflow, True),
                     code(r.environment, True) if r.environment else "(any)", form])
    note = ("\nFor a GitLab pipeline (the form's GitLab tab): the owner is the namespace, the repository the project, "
            "the workflow the top-level pipeline file.\n" if any(r.provider == "gitlab" for r in regs) else "")
    return table(["Index", "Project", "Owner", "Repository", "Workflow", "Environment", "Form"], rows) + "\n" + note
