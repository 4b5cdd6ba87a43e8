"""When a GitLab job runs, against when its uploads do: a job whose `rules:`/`only:`/`except:` let it run in
pipelines where the shell condition around its upload (`if [ -n "$CI_COMMIT_TAG" ]; then twine upload …`)
skips it runs more often than it publishes, GitLab's form of the GitHub job whose upload step alone has an
`if:` (codemods.migrate: an environment added to it makes every run a deployment)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Set as SetType, Tuple

from codemods.engine.document import Document
from codemods.gitlab.pipeline import VARIABLE, Job, Upload
from codemods.shell import conditions_of

# what a ref name or `tags` in `only:`/`except:` stands for, in the variables a script tests
REF_VARIABLES = frozenset(("CI_COMMIT_TAG", "CI_COMMIT_BRANCH", "CI_COMMIT_REF_NAME", "CI_COMMIT_REF_SLUG",
                           "CI_COMMIT_REF_PROTECTED", "CI_DEFAULT_BRANCH"))
_EVERY_REF = frozenset(("branches", "pushes"))  # `only:` entries that limit the job to no ref
RUN_KEYS = ("rules", "only", "except", "when")


def runs_beyond_uploads(doc: Document, job: Job, uploads: List[Upload]) -> Optional[Tuple[str, str]]:
    """(how the job runs, what gates its uploads) when every upload sits under a shell condition the job's
    own run conditions do not test; None when an upload runs whenever the job does, the job runs only when
    started by hand, or its conditions test what the uploads' do (`rules: - if: $CI_COMMIT_TAG`)."""
    tests = [conditions_of(u.line.text, u.command) for u in uploads]
    if not uploads or not all(tests):
        return None
    keys = _run_keys(doc, job)
    if keys.get("when") == "manual":
        return None
    gate = {m.group(1) for t in tests for text in t for m in VARIABLE.finditer(text)}
    tested = _tested(keys)
    if tested is None or (keys.keys() - {"when"} and (not gate or gate <= tested)):
        return None
    shown = "; ".join(dict.fromkeys(f"`{text}`" for t in tests for text in t))
    many = len(uploads) > 1
    held = [k for k in ("rules", "only", "except") if k in keys]
    runs = (f"whenever its `{'`/`'.join(f'{k}:' for k in held)}` let{'s' if len(held) == 1 else ''} it, which "
            f"{'does' if len(held) == 1 else 'do'} not test {', '.join(f'`${v}`' for v in sorted(gate - tested))}"
            if held and gate - tested else "in every pipeline")
    return runs, f"its upload{'s are' if many else ' is'} gated, by {shown} in its script"


def _run_keys(doc: Document, job: Job) -> Dict[str, Any]:
    """The job's `rules`, `only`, `except` and `when`: its own, else the first template's that has one."""
    out: Dict[str, Any] = {}
    for holder in [job.data] + [doc.get((t,)) for t in job.templates]:
        if isinstance(holder, dict):
            for key in RUN_KEYS:
                if key in holder and key not in out:
                    out[key] = holder[key]
    return out


def _tested(keys: Dict[str, Any]) -> Optional[SetType[str]]:
    """The variables the job's run conditions test (a ref named in `only:`/`except:` tests the ref's);
    None when every way it runs is started by hand."""
    rules = keys.get("rules")
    if isinstance(rules, list):
        may_run = [r for r in rules if isinstance(r, dict) and r.get("when") != "never"]
        if may_run and all(r.get("when") == "manual" for r in may_run):
            return None
        tested: Optional[SetType[str]] = None  # a rule without `if:` runs in every pipeline: it tests nothing
        for rule in may_run:
            found = {m.group(1) for m in VARIABLE.finditer(str(rule.get("if") or ""))}
            tested = found if tested is None else tested & found
        return tested or set()
    out: SetType[str] = set()
    for key in ("only", "except"):
        value = keys.get(key)
        refs = value.get("refs") if isinstance(value, dict) else value
        refs = [refs] if isinstance(refs, str) else refs if isinstance(refs, list) else []
        if (key == "only" and any(str(r) not in _EVERY_REF for r in refs)) or (key == "except" and "branches" in refs):
            out |= REF_VARIABLES
        if isinstance(value, dict):
            out |= {m.group(1) for v in value.get("variables") or [] for m in VARIABLE.finditer(str(v))}
    return out
