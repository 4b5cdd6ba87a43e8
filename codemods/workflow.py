"""Read-only facts about a GitHub Actions workflow's plain data: triggers, jobs, steps, runners."""
from __future__ import annotations

import re
from typing import Any, Dict, Iterator, List, Optional, Set, Tuple

from codemods.engine.document import Document

# `${{ ... }}`. A match may not contain another `${{`, so the scan from each opening stops at the next
# one: linear on `${{` repeated without end (`.*?` rescanned the rest of the text from each, quadratic).
# It finds an expression exactly when `\$\{\{.*?\}\}` does (the innermost one of nested openings).
EXPRESSION = re.compile(r"\$\{\{(?:(?!\$\{\{).)*?\}\}", re.S)
SECRET_REF = re.compile(r"\bsecrets\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)|\bsecrets\s*\[\s*['\"]([A-Za-z_][A-Za-z0-9_]*)['\"]\s*\]")


_INPUT_REF = re.compile(r"\$\{\{\s*inputs\.([A-Za-z_][\w-]*)\s*\}\}")


def input_default(doc: Document, value: str) -> Optional[str]:
    """The value of a text that is one input (`${{ inputs.package-path }}`) when the workflow gives that
    input one default (`workflow_call` and `workflow_dispatch` agreeing); None otherwise."""
    m = _INPUT_REF.fullmatch(value.strip())
    on = doc.get(("on",))
    if m is None or not isinstance(on, dict):
        return None
    defaults = set()
    for event in ("workflow_call", "workflow_dispatch"):
        spec = on.get(event)
        inputs = spec.get("inputs") if isinstance(spec, dict) else None
        entry = inputs.get(m.group(1)) if isinstance(inputs, dict) else None
        if isinstance(entry, dict) and isinstance(entry.get("default"), str):
            defaults.add(entry["default"])
    return defaults.pop() if len(defaults) == 1 else None


def triggers(doc: Document) -> Set[str]:
    """Names of the events that start the workflow (`on:` as a string, list or mapping)."""
    on = doc.get(("on",))
    if on is None and True in (doc.data or {}):  # written by a YAML 1.1 tool as `true:`
        on = doc.data[True]
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return {str(x) for x in on}
    if isinstance(on, dict):
        return {str(k) for k in on}
    return set()


def jobs(doc: Document) -> Iterator[Tuple[str, Dict[str, Any]]]:
    all_jobs = doc.get(("jobs",))
    if not isinstance(all_jobs, dict):
        return
    for job_id, job in all_jobs.items():
        if isinstance(job, dict):
            yield str(job_id), job


def steps(job: Dict[str, Any]) -> List[Tuple[int, Dict[str, Any]]]:
    seq = job.get("steps")
    if not isinstance(seq, list):
        return []
    return [(i, s) for i, s in enumerate(seq) if isinstance(s, dict)]


def step_label(step: Dict[str, Any], index: int) -> str:
    """How the report names a step: by its name, else by its position."""
    name = step.get("name")
    return f"step `{' '.join(name.split())}`" if isinstance(name, str) else f"step {index + 1}"  # one line


def uses_action(step: Dict[str, Any], action: str) -> Optional[str]:
    """The ref after `@` when the step uses `action` (owner/name compared case-insensitively)."""
    uses = step.get("uses")
    if not isinstance(uses, str):
        return None
    name, _, ref = uses.strip().partition("@")
    return ref if name.rstrip("/").lower() == action.lower() else None


def runner_problem(job: Dict[str, Any]) -> Optional[str]:
    """Why the job's runner cannot run a Docker container action, or None."""
    if "container" in job:
        return "the job runs in a `container:`, where the publish action (a container action) does not run"
    runs_on = job.get("runs-on")
    labels: List[str] = []
    if isinstance(runs_on, str):
        labels = [runs_on]
    elif isinstance(runs_on, list):
        labels = [str(x) for x in runs_on]
    elif isinstance(runs_on, dict):
        labels = [str(v) for v in runs_on.values()]
    matrix = (job.get("strategy") or {}).get("matrix") if isinstance(job.get("strategy"), dict) else None
    for label in list(labels):
        m = re.fullmatch(r"\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}", label.strip())
        if m and isinstance(matrix, dict):
            values = matrix.get(m.group(1))
            labels += [str(v) for v in values] if isinstance(values, list) else []
            labels += [str(inc.get(m.group(1))) for inc in matrix.get("include") or [] if isinstance(inc, dict)
                       and inc.get(m.group(1)) is not None]
    for label in labels:
        low = label.lower()
        if not EXPRESSION.search(label) and ("windows" in low or "macos" in low or low.startswith("mac")):
            return f"the job runs on `{label}`; the publish action only runs on Linux runners"
    return None


def secrets_in(value: Any) -> Set[str]:
    """Names of the secrets an expression (or any nested value) refers to."""
    found: Set[str] = set()
    if isinstance(value, str):
        for m in SECRET_REF.finditer(value):
            found.add(m.group(1) or m.group(2))
    elif isinstance(value, dict):
        for v in value.values():
            found |= secrets_in(v)
    elif isinstance(value, list):
        for v in value:
            found |= secrets_in(v)
    return found


def environment_name(job: Dict[str, Any]) -> Optional[str]:
    env = job.get("environment")
    if isinstance(env, dict):
        env = env.get("name")
    return None if env is None else str(env)
