"""Read-only facts about a GitHub Actions workflow's plain data: triggers, jobs, steps, runners."""
from __future__ import annotations

import re
from typing import Any, Dict, Iterator, List, Optional, Set, Tuple

from codemods.engine.document import Document
from codemods.matrix import expression_values

# `${{ ... }}`. A match may not contain another `${{`, so the scan from each opening stops at the next
# one: linear on `${{` repeated without end (`.*?` rescanned the rest of the text from each, quadratic).
# It finds an expression exactly when `\$\{\{.*?\}\}` does (the innermost one of nested openings).
EXPRESSION = re.compile(r"\$\{\{(?:(?!\$\{\{).)*?\}\}", re.S)
SECRET_REF = re.compile(r"\bsecrets\s*\.\s*([A-Za-z_][\w-]*)|\bsecrets\s*\[\s*['\"]([A-Za-z_][\w-]*)['\"]\s*\]")  # a workflow_call secret may hold `-`


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
    for label in list(labels):  # `${{ matrix.os }}`: the label of each leg that sets one
        m = re.fullmatch(r"\$\{\{(.*)\}\}", label.strip(), re.S)
        labels += (expression_values(job, m.group(1), every_leg=False) or []) if m else []
    for label in labels:
        low = label.lower()
        if not EXPRESSION.search(label) and ("windows" in low or "macos" in low or low.startswith("mac")):
            return f"the job runs on `{label}`; the publish action only runs on Linux runners"
    return None


# `secrets[<expression>]`: a secret named at run time (`secrets[matrix.package.token]`), not a quoted name
DYNAMIC_SECRET = re.compile(r"\bsecrets\s*\[\s*(?!['\"])((?:(?!\}\})[^\]])+?)\s*\]")
SECRET_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _texts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v)


def matrix_secrets(value: Any, job: Optional[Dict[str, Any]]) -> Tuple[Dict[str, List[str]], List[str]]:
    """The secrets a value names at run time (`secrets[matrix.package.token]`), through the job's matrix where it
    is written in the job: {expression: the secret names of its legs}; and the expressions that cannot be
    resolved so (a matrix from `fromJSON(…)`, an input, a leg without the key)."""
    named: Dict[str, List[str]] = {}
    unresolved: List[str] = []
    for text in _texts(value):
        for m in DYNAMIC_SECRET.finditer(text):
            expr = " ".join(m.group(1).split())
            names = expression_values(job, expr) if isinstance(job, dict) else None
            if names and all(SECRET_NAME.fullmatch(n) for n in names):
                named[expr] = names
            elif expr not in unresolved:
                unresolved.append(expr)
    return named, unresolved


def secrets_in(value: Any, job: Optional[Dict[str, Any]] = None) -> Set[str]:
    """Names of the secrets an expression (or any nested value) refers to; with the job, also those it names
    through the job's matrix (`secrets[matrix.package.token]`, see `matrix_secrets`)."""
    found: Set[str] = set()
    for text in _texts(value):
        for m in SECRET_REF.finditer(text):
            found.add(m.group(1) or m.group(2))
    if job is not None:
        found.update(n for names in matrix_secrets(value, job)[0].values() for n in names)
    return found


def unresolved_secret_note(value: Any, job: Optional[Dict[str, Any]], who: str) -> Optional[str]:
    """What to do about a token read from a secret named at run time that the file does not give
    (`secrets[matrix.x]` with a matrix from `fromJSON(…)`): the same words in migrate's next steps and in the
    doctor's fix. None when there is none."""
    unresolved = matrix_secrets(value, job)[1]
    if not unresolved:
        return None
    shown = " and ".join(f"`secrets[{e}]`" for e in unresolved)
    return (f"After the first release with Trusted Publishing: {who} took its token from {shown}, a secret named at "
            "run time that pubmode could not resolve: find that secret (the repository's or its environments' "
            "settings), delete it and revoke the API token it holds on PyPI or TestPyPI.")


def run_time_env_note(value: Any, job: Optional[Dict[str, Any]], who: str, workflow_env: Any,
                      before: int) -> Optional[str]:
    """What to do about a token read from `${{ env.X }}` that no `env:` of the file sets: a step before step
    `before` sets it at run time (launchdarkly/gh-actions' release-secrets fetches it from AWS SSM), so the token
    lives where that step reads it. The step is named when it names the variable. None for anything else."""
    m = re.fullmatch(r"\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}", str(value or "").strip())
    if m is None or not isinstance(job, dict):
        return None
    var = m.group(1)
    envs = [job.get("env"), workflow_env] + [s.get("env") for _, s in steps(job)]
    if any(isinstance(e, dict) and var in e for e in envs):
        return None
    setters = [step_label(s, i) for i, s in steps(job) if i < before and (
        re.search(rf"\b{var}\b", str(s.get("with") or "")) or
        (isinstance(s.get("run"), str) and "GITHUB_ENV" in s["run"] and re.search(rf"\b{var}=", s["run"])))]
    where = f"{setters[0]}, which sets it at run time" if setters else "a step that sets it at run time"
    return (f"After the first release with Trusted Publishing: {who} took its token from `env.{var}`, set by {where} "
            "(not from a secret of this file): remove that step if it only fetched the token, and revoke the API "
            "token where it is stored.")


def environment_name(job: Dict[str, Any]) -> Optional[str]:
    env = job.get("environment")
    if isinstance(env, dict):
        env = env.get("name")
    return None if env is None else str(env)


def condition_text(condition: Any) -> Optional[str]:
    """An `if:` as a comparable text: without a `${{ }}` around the whole of it and without whitespace outside
    its string literals (a syntactic reading, no expression engine); None for no condition."""
    if not isinstance(condition, str) or not condition.strip():
        return None
    text = condition.strip()
    m = re.fullmatch(r"\$\{\{((?:(?!\}\}).)*)\}\}", text, re.S)
    text = m.group(1) if m else text
    return "".join(part if n % 2 else re.sub(r"\s+", "", part) for n, part in enumerate(re.split(r"('[^']*')", text)))


def top_level(text: str, operator: str) -> List[str]:
    """`text` split on `operator` (`||`, `&&`) outside parentheses and string literals."""
    parts, depth, quoted, start, n = [], 0, False, 0, 0
    while n < len(text):
        c = text[n]
        if c == "'":
            quoted = not quoted
        elif not quoted and c in "()":
            depth += 1 if c == "(" else -1
        elif not quoted and depth == 0 and text.startswith(operator, n):
            parts.append(text[start:n])
            start = n + len(operator)
            n = start
            continue
        n += 1
    return parts + [text[start:]]


# One operand of a condition that no run for a pull request passes: an event other than `pull_request*`, a ref
# that is a tag or a branch (a pull request's is `refs/pull/N/merge`), a tag ref type.
_OTHER_EVENT = re.compile(r"github\.event_name==('(?!pull_request)[\w-]+')|('(?!pull_request)[\w-]+')==github\.event_name"
                          r"|github\.event_name!='pull_request'", re.I)
_TAG_OR_BRANCH = re.compile(r"(startswith|contains)\(github\.(event\.)?ref,'refs/(tags|heads)|github\.(event\.)?ref=='refs/"
                            r"(tags|heads)/|'refs/(tags|heads)/[^']*'==github\.(event\.)?ref|github\.ref_type=='tag'", re.I)
_STATUS = re.compile(r"\b(always|failure|cancelled)\(\)", re.I)
# The activity types of `pull_request` (GitHub's docs): `github.event.action == 'published'` is a release's.
PULL_REQUEST_ACTIONS = {"assigned", "unassigned", "labeled", "unlabeled", "opened", "edited", "closed", "reopened",
                        "synchronize", "converted_to_draft", "ready_for_review", "locked", "unlocked",
                        "review_requested", "review_request_removed", "auto_merge_enabled", "auto_merge_disabled",
                        "milestoned", "demilestoned", "enqueued", "dequeued"}
_ACTION = re.compile(r"github\.event\.action=='([\w-]+)'|'([\w-]+)'==github\.event\.action", re.I)


def excludes_pull_requests(condition: Any) -> bool:
    """An `if:` that no run for a pull request satisfies, read syntactically: each `||` alternative has an
    `&&` operand limiting it to another event, to tags or to branches (`github.event_name == 'push'`,
    `startsWith(github.ref, 'refs/tags/')`). A fork guard (`head.repo.fork`) does not: a pull request from a
    branch of the repository still runs the job."""
    text = condition_text(condition)
    return bool(text) and _limited(text)


def _limited(text: str) -> bool:
    return all(any(_limiting(operand) for operand in top_level(alternative, "&&"))
               for alternative in top_level(text, "||"))


def _limiting(operand: str) -> bool:
    if operand.startswith("(") and operand.endswith(")") and top_level(operand, "&&") == [operand] and \
            closes_at_end(operand):
        return _limited(operand[1:-1])
    action = _ACTION.fullmatch(operand)
    if action and (action.group(1) or action.group(2)).lower() not in PULL_REQUEST_ACTIONS:
        return True
    return bool(_OTHER_EVENT.fullmatch(operand) or _TAG_OR_BRANCH.match(operand))


def closes_at_end(text: str) -> bool:
    """The `(` that opens `text` is closed by its last character."""
    depth, quoted = 0, False
    for n, c in enumerate(text):
        if c == "'":
            quoted = not quoted
        elif not quoted and c in "()":
            depth += 1 if c == "(" else -1
            if depth == 0:
                return n == len(text) - 1
    return False


def runs_for_pull_requests(events: Set[str], all_jobs: Dict[str, Any], job_id: str,
                           step: Optional[Dict[str, Any]] = None) -> bool:
    """A `pull_request` run of the workflow can reach the job (and the step): no `if:` of the step, of the job or,
    when the job's `if:` keeps the default `success()`, of a job it `needs`, excludes pull requests."""
    if "pull_request" not in events:
        return False
    if step is not None and excludes_pull_requests(step.get("if")):
        return False
    return not _job_excludes_pull_requests(all_jobs, job_id, set())


def _job_excludes_pull_requests(all_jobs: Dict[str, Any], job_id: str, seen: Set[str]) -> bool:
    job = all_jobs.get(job_id)
    if not isinstance(job, dict) or job_id in seen:
        return False
    seen.add(job_id)
    condition = job.get("if")
    if excludes_pull_requests(condition):
        return True
    if isinstance(condition, str) and _STATUS.search(condition):  # runs even when a job it needs was skipped
        return False
    needs = job.get("needs")
    needs = [needs] if isinstance(needs, str) else needs if isinstance(needs, list) else []
    return any(_job_excludes_pull_requests(all_jobs, str(n), seen) for n in needs)


FORK_NO_OIDC = "a pull request from a fork gets no OIDC token, so its upload fails"
FORK_NO_SECRETS = ("a pull request from a fork gets no secrets, so its upload fails, and one from a branch of this "
                   "repository uploads with the token")
PUBLISH_ONLY = ("publish only from tags, releases or workflow_dispatch (`if: github.event_name == 'push' && "
                "startsWith(github.ref, 'refs/tags/')`)")
SKIP_FORKS = ("skip the runs of pull requests from forks (`if: github.event.pull_request.head.repo.full_name == "
              "github.repository` on the publish job): this workflow runs only for pull requests, so a tag gate would "
              "turn the upload off")


def pull_request_fix(events) -> str:
    """What keeps forks' pull requests from a publish job: a tag gate, or, in a workflow that only pull
    requests run (a TestPyPI upload per pull request, CAMBI-tech/BciPy), skipping the forks' runs."""
    return SKIP_FORKS if events and all(str(e).startswith("pull_request") for e in events) else PUBLISH_ONLY
