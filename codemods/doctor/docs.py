"""Documentation of every finding id, workflow rules and log patterns alike, from their definitions.

`migrate explain ID` prints one section; docs/findings.md is all of them (a test keeps it current).
"""
from __future__ import annotations

from typing import List, Optional

from codemods.doctor.logs import PATTERNS, UNRECOGNISED
from codemods.doctor.rules import RULES


def _entries() -> List[tuple]:
    return [(r.id, r.severity, r.title, r.why, r.example, r.fix, "Example") for r in RULES.values()] + \
        [(p.id, p.severity, p.title, p.why, p.example, p.fix, "In the log") for p in PATTERNS + (UNRECOGNISED,)]


def ids() -> List[str]:
    return [e[0] for e in _entries()]


def explain(finding_id: str) -> Optional[str]:
    for fid, severity, title, why, example, fix, label in _entries():
        if fid == finding_id:
            shown = "\n".join("    " + ln for ln in example.splitlines())
            return f"{fid} ({severity}): {title}\n\nWhy: {why}\n\n{label}:\n\n{shown}\n\nFix: {fix}\n"
    return None


def reported(finding_id: str, example: str) -> str:
    """How the doctor reports a log whose only text is `example`: text, json (the log part) and github."""
    import json

    from codemods.doctor import output
    from codemods.doctor.diagnose import Diagnosis, read_log

    d = Diagnosis([], [])
    read_log(d, example, "run.log")
    text = "\n".join(ln for ln in output.text(d).splitlines() if ln.strip() and " in 0 workflows" not in ln)
    log = json.loads(output.as_json(d))["log"]
    log["findings"] = [f for f in log["findings"] if f["id"] == finding_id]
    return (f"Reported as text:\n\n```text\n{text}\n```\n\nAs json (`log`):\n\n```json\n"
            f"{json.dumps(log, indent=2)}\n```\n\nAs github:\n\n```text\n{output.github(d).strip()}\n```\n")


def markdown() -> str:
    parts = ["# Findings of `migrate doctor`\n", "Generated from `codemods/doctor/rules.py` and "
             "`codemods/doctor/logs.py`; `migrate explain ID` prints the same text.\n"]
    for fid, severity, title, why, example, fix, label in _entries():
        lang = "yaml" if label == "Example" else "text"
        parts.append(f"## {fid}\n\n**{title}** (severity: {severity})\n\n{why}\n\n{label}:\n\n```{lang}\n"
                     f"{example}\n```\n\nFix: {fix}\n" + ("" if label == "Example" else "\n" + reported(fid, example)))
    return "\n".join(parts)
