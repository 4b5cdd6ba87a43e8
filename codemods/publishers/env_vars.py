"""The `env:` mappings a step sees (step, job, workflow), the values they give, and removing
credential variables from them without taking one away from another step that reads it."""
from __future__ import annotations

import copy
import json
import re
from typing import Any, Dict, List, Tuple

from codemods.engine.document import Document, YamlPath
from codemods.engine.edits import Edit, Remove, apply_to_data
from codemods.notes import Note
from codemods.publishers.change import StepChange
from codemods.shell import commands, mentions_variable
from codemods.uploaders import registry
from codemods.uploaders.command_line import match_command
from codemods.uploaders.spec import Uploader
from codemods.workflow import jobs, secrets_in, step_label, steps

def env_chain(doc: Document, job_id: str, step_index: int) -> List[Tuple[YamlPath, Dict[str, Any]]]:
    """The `env:` mappings a step sees, nearest first."""
    out = []
    for path in (("jobs", job_id, "steps", step_index, "env"), ("jobs", job_id, "env"), ("env",)):
        env = doc.get(path)
        if isinstance(env, dict):
            out.append((path, env))
    return out


def env_credentials(uploader: Uploader, chain) -> List[Tuple[str, YamlPath]]:
    """The tool's credential variables the step sees, with the path of each definition."""
    return [(name, path + (name,)) for path, env in chain for name in uploader.credentials.variables
            if name in env and str(env[name] if env[name] is not None else "").strip()]


# ---- edits -----------------------------------------------------------------------------------------
def _other_users(doc: Document, var: str, env_path: YamlPath, skip_steps: List[YamlPath]) -> List[Tuple[YamlPath, str]]:
    """Steps in the scope of a job- or workflow-level variable that read it, other than `skip_steps`:
    (the step's or job's path, its label)."""
    scope_jobs = [env_path[1]] if env_path[0] == "jobs" else [j for j, _ in jobs(doc)]
    users = []
    for job_id in scope_jobs:
        job = doc.get(("jobs", job_id)) or {}
        for i, step in steps(job):
            if ("jobs", job_id, "steps", i) in skip_steps:
                continue
            text = json.dumps(step)
            reads = mentions_variable(text, var) or any(
                var in u.credentials.variables and _runs(u, step) for u in registry.all_uploaders())
            if reads:
                users.append((("jobs", job_id, "steps", i),
                              f"job `{job_id}` {step_label(step, i)}{_at_line(doc, ('jobs', job_id, 'steps', i))}"))
        rest = {k: v for k, v in job.items() if k not in ("steps", "env")}
        if mentions_variable(json.dumps(rest), var):
            users.append((("jobs", job_id), f"job `{job_id}`{_at_line(doc, ('jobs', job_id))}"))
    return users


def _at_line(doc: Document, path: YamlPath) -> str:
    line = doc.line_of(path)
    return f" (line {line})" if line else ""


def _runs(uploader: Uploader, step: Dict[str, Any]) -> bool:
    script = step.get("run")
    return isinstance(script, str) and any(match_command(uploader, c) is not None for c in commands(script))


def remove_env_vars(doc: Document, names_paths: List[Tuple[str, YamlPath]], converted_steps: List[YamlPath],
                    change: StepChange, check_users: bool = True) -> None:
    """Remove credential variables; an emptied `env:` goes away; shared ones block the change."""
    by_env: Dict[YamlPath, List[str]] = {}
    for name, path in names_paths:
        env_path = path[:-1]
        if check_users and len(env_path) in (1, 3):  # the job's or the workflow's env: others may read it
            users = _other_users(doc, name, env_path, converted_steps)
            if users and _token_user(doc, name, path):  # in no converted upload's way: it goes when they all convert
                change.token_users_left.append((path, tuple(converted_steps), tuple(users)))
                continue
            if users:
                change.blocked = (f"`{name}` is set in the {'job' if len(env_path) == 3 else 'workflow'}'s `env:` "
                                  f"and also read by {', '.join(label for _, label in users)}; move it to the steps "
                                  "that need it, then run again")
                return
        by_env.setdefault(env_path, [])
        if name not in by_env[env_path]:
            by_env[env_path].append(name)
    for env_path, names in by_env.items():
        env = doc.get(env_path) or {}
        job = doc.get(env_path[:2]) if env_path[:1] == ("jobs",) and len(env_path) > 2 else None
        for name in names:
            change.remove_secrets(env.get(name), job, f"`{name}` in {_env_where(env_path)}")
        if set(env) <= set(names):
            change.edits.append(Remove(env_path))
        else:
            change.edits += [Remove(env_path + (n,)) for n in names]
        where = _env_where(env_path)
        change.changes.append(Note(f"removed {', '.join(f'`{n}`' for n in names)} from {where}", at=env_path))


def _token_user(doc: Document, name: str, path: YamlPath) -> bool:
    """A user variable holding `__token__`, the user a tool's Trusted Publishing runs as (twine: auth.py uses it
    when the user is `__token__` and no password is given; gevent/gevent: a workflow-level `TWINE_USERNAME`)."""
    return str(doc.get(path) or "").strip() == "__token__" and any(
        name in u.credentials.user_env and u.trusted and u.trusted.token_user for u in registry.all_uploaders())


def token_users_unread(doc: Document, left: List[Tuple[Any, ...]]) -> StepChange:
    """The `__token__` user variables of shared `env:`s left by remove_env_vars: one that only steps the run
    converts read goes (the converted uploads no longer need it, as when a single one reads it); one that a
    step still publishing with the token reads stays, and is said."""
    change = StepChange()
    converted = {p for _, steps_, _ in left for p in steps_}
    readers: Dict[YamlPath, Dict[YamlPath, str]] = {}
    for path, _, users in left:
        readers.setdefault(path, {}).update(users)
    gone = [(path[-1], path) for path, users in readers.items() if set(users) <= converted]
    if gone:
        remove_env_vars(doc, gone, [], change, check_users=False)
    for path, users in readers.items():
        if (path[-1], path) not in gone:
            still = ", ".join(label for p, label in users.items() if p not in converted)
            change.changes.append(Note(f"kept `{path[-1]}: __token__` in {_env_where(path[:-1])}: {still} still "
                                       "reads it (Trusted Publishing uses the user `__token__` too)", at=path))
    return change


def _env_where(env_path: YamlPath) -> str:
    if env_path == ("env",):
        return "the workflow's `env:`"
    if len(env_path) == 3:
        return f"the `env:` of job `{env_path[1]}`"
    return f"the `env:` of step {env_path[3] + 1} in job `{env_path[1]}`"


def cleanup_fed(doc: Document, job_id: str, step_index: int, removed: List[str], edits: List[Edit],
                change: StepChange) -> None:
    """Secret-holding variables that only fed removed text (a flag, a `password:` input reading
    `${{ env.PYPI_TOKEN }}`) go too: else the job would still receive the secret it no longer uses."""
    after = apply_to_data(doc.data, edits + change.edits)
    chain = env_chain(doc, job_id, step_index)
    fed: List[Tuple[str, YamlPath]] = []
    for raw in removed:
        for name in re.findall(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)|env\.([A-Za-z_][A-Za-z0-9_]*)", raw):
            var = name[0] or name[1]
            for env_path, env in chain:
                if var not in env or not secrets_in(env[var]) or (var, env_path + (var,)) in fed or \
                        not _has(after, env_path + (var,)):  # gone already (another upload's cut)
                    continue
                rest = json.dumps(_without(after, env_path + (var,)))
                if not mentions_variable(rest, var):
                    fed.append((var, env_path + (var,)))
    if fed:  # at once: two variables of one `env:` that go empty it, and the `env:` goes
        remove_env_vars(doc, fed, [], change, check_users=False)


def _has(data: Any, path: YamlPath) -> bool:
    cur = data
    for key in path:
        try:
            cur = cur[key]
        except (KeyError, IndexError, TypeError):
            return False
    return True


def _without(data: Any, path: YamlPath) -> Any:
    data = copy.deepcopy(data)
    cur = data
    for key in path[:-1]:
        if not isinstance(cur, (dict, list)):
            return data
        try:
            cur = cur[key]
        except (KeyError, IndexError):
            return data
    if isinstance(cur, dict):
        cur.pop(path[-1], None)
    return data
