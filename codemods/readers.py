"""Who still reads a credential variable that a migration removes.

A guard such as `if: env.TWINE_PASSWORD != ''` or a check `test -n "$TWINE_PASSWORD"` keeps working
after the variable is gone, only differently: the release step is skipped, or fails, and the run
still looks green. So every read left in the variable's scope after the edits blocks the job:
expressions (`env.X`, `env['X']`), shell (`$X`, `${X}`, `printenv X`), Python (`os.environ["X"]`,
`os.getenv("X")`) and tox (`{env:X}`), in the workflow and in the files its steps run.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from codemods.engine.document import Document, YamlPath, strings_under
from codemods.engine.edits import Edit, Remove, apply_to_data
from codemods.engine.reading import text_or_none
from codemods.follow.calls import step_start, targets_in_script

READS = (r"\$\{?%s\b", r"\bprintenv[ \t]+%s\b", r"(?i:\benv\s*\.\s*)%s\b", r"(?i:\benv\s*\[\s*)['\"]%s['\"]",
         r"\benviron\s*(?:\[|\.get\s*\()\s*['\"]%s['\"]", r"\bgetenv\s*\(\s*['\"]%s['\"]", r"\{env:%s\b")


def reads(text: str, name: str) -> Optional[int]:
    """Offset of the first read of variable `name` in `text`, or None."""
    pattern = "|".join(p % re.escape(name) for p in READS)
    m = re.search(pattern, text)
    return m.start() if m else None


def removed_variables(doc: Document, edits: List[Edit]) -> List[Tuple[str, YamlPath]]:
    """(name, path of its `env:`) of every variable the edits remove."""
    out = []
    for e in edits:
        if not isinstance(e, Remove):
            continue
        if _is_env(e.path):
            env = doc.get(e.path)
            out += [(str(n), e.path) for n in (env if isinstance(env, dict) else {})]
        elif len(e.path) > 1 and _is_env(e.path[:-1]):
            out.append((str(e.path[-1]), e.path[:-1]))
    return out


def _is_env(path: YamlPath) -> bool:
    return path[-1:] == ("env",) and len(path) in (1, 3, 5) and (len(path) == 1 or path[0] == "jobs")


def first_reader(doc: Document, root: Path, edits: List[Edit], files: List[Any]) -> Optional[str]:
    """Why the edits would leave a reader of a removed variable behind (one line), or None."""
    gone = removed_variables(doc, edits)
    if not gone:
        return None
    after = _after(doc, edits, gone)
    new_texts = {c.target.path: c.new_text for c in files}
    for name, env_path in gone:
        for where, text, line_of in _scope_texts(doc, after, env_path, root, new_texts):
            at = reads(text, name)
            if at is not None:
                line = line_of(at)
                return (f"`{name}` would leave {_env_where(env_path)}, but {where}"
                        f"{'' if line is None else f' line {line}'} still reads it (`{_line_at(text, at)[:60]}`): "
                        "without it that check or command behaves differently; change it by hand, then run again")
    return None


def _line_at(text: str, at: int) -> str:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start:len(text) if end < 0 else end].strip()


def _after(doc: Document, edits: List[Edit], gone: List[Tuple[str, YamlPath]]) -> Any:
    """The data after the edits; only the job's own, when edits and variables all stay inside one job
    (copying the whole workflow for each job would make a file of many jobs quadratic)."""
    jobs = doc.get(("jobs",))
    job_ids = {e.path[1] for e in edits if len(e.path) > 1 and e.path[0] == "jobs"}
    inside = all(len(e.path) > 1 and e.path[0] == "jobs" for e in edits) and all(len(p) > 1 for _, p in gone)
    if not inside or len(job_ids) != 1 or not isinstance(jobs, dict):
        return apply_to_data(doc.data, edits)
    job_id = next(iter(job_ids))
    return apply_to_data({"jobs": {job_id: jobs[job_id]}}, edits)


def _env_where(env_path: YamlPath) -> str:
    if len(env_path) == 1:
        return "the workflow's `env:`"
    if len(env_path) == 3:
        return f"the `env:` of job `{env_path[1]}`"
    return f"the `env:` of step {env_path[3] + 1} in job `{env_path[1]}`"


def _scope_texts(doc: Document, after: Any, env_path: YamlPath, root: Path,
                 new_texts: Dict[Path, str]) -> Iterator[Tuple[str, str, Callable[[int], Optional[int]]]]:
    """(where, text, line of an offset in it) of every string that sees the variable, after the edits."""
    jobs = after.get("jobs") if isinstance(after, dict) else None
    jobs = jobs if isinstance(jobs, dict) else {}
    job_ids = list(jobs) if len(env_path) == 1 else [env_path[1]]
    for job_id in job_ids:
        job = jobs.get(job_id)
        if not isinstance(job, dict):
            continue
        base: YamlPath = ("jobs", job_id)
        if len(env_path) < 5:
            for path, text in strings_under({k: v for k, v in job.items() if k != "steps"}, base):
                yield f"job `{job_id}` `{path[-1]}`", text, _locator(doc, path, text)
        steps = job.get("steps") if isinstance(job.get("steps"), list) else []
        for i, step in enumerate(steps):
            if len(env_path) == 5 and i != env_path[3] or not isinstance(step, dict):
                continue
            for path, text in strings_under(step, base + ("steps", i)):
                yield f"job `{job_id}` step {i + 1}", text, _locator(doc, path, text)
            yield from _followed(job, step, root, new_texts, f"job `{job_id}` step {i + 1}")




def _locator(doc: Document, path: YamlPath, text: str) -> Callable[[int], Optional[int]]:
    """Line in the workflow of an offset in the (edited) string at `path`: found by its line's text
    in the original string, so a script the edits changed elsewhere still gets its line."""
    def line_of(at: int) -> Optional[int]:
        original = doc.get(path)
        pos = original.find(_line_at(text, at)) if isinstance(original, str) else -1
        try:
            node = doc.node(path)
        except Exception:  # an alias, or a path the edits created: no line to give
            return None
        if pos < 0 or not hasattr(node, "start_mark"):
            return None
        block = getattr(node, "style", None) in ("|", ">")
        return node.start_mark.line + 1 + (1 if block else 0) + original.count("\n", 0, pos)
    return line_of


def _followed(job: Dict[str, Any], step: Dict[str, Any], root: Path, new_texts: Dict[Path, str],
              where: str) -> Iterator[Tuple[str, str, Any]]:
    """The files a step runs (scripts, tox.ini, Makefile, Python), as the edits leave them."""
    script = step.get("run")
    if not isinstance(script, str):
        return
    for target in targets_in_script(script, root, *step_start(job, step)):
        text = new_texts.get(target.path)
        if text is None:
            text = text_or_none(target.path)  # never a FIFO: it would block
            if text is None:
                continue
        yield f"{target.path.name} (run by {where})", text, lambda at, t=text: t.count("\n", 0, at) + 1
