"""Tools without Trusted Publishing (hatch, poetry, flit): keep the build, upload with the action.

A step whose script is just the upload becomes a `pypa/gh-action-pypi-publish` step in place (or
the build command followed by a new action step when the upload also built). A longer script loses
its final upload line and is followed by a new action step. Anything else (`cd`, `&&` chains,
options the action has no equivalent for) is left alone and the report says what to do by hand.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Optional

from codemods.engine.document import Document
from codemods.engine.edits import Insert, Rekey, Remove, Replace, Set
from codemods.indexes import TESTPYPI
from codemods.publishers import gh_action
from codemods.publishers.change import StepChange
from codemods.publishers.env_vars import remove_env_vars
from codemods.publishers.run_step import Upload, manual_replacement
from codemods.uploaders import registry
from codemods.uploaders.spec import Uploader
from codemods.shell import Command, commands
from codemods.workflow import secrets_in

ACTION_REF = f"{gh_action.ACTION}@{gh_action.RECOMMENDED_REF}"
RUN_ONLY_KEYS = ("shell", "working-directory")
CHANGES_DIRECTORY = ("cd", "pushd", "popd")
# Besides any uploader's own variables, the names people give a PyPI credential in a step's `env:`
# (hatch steps are seen carrying TWINE_* by mistake, too).
COMMON_CREDENTIALS = ("PYPI_TOKEN", "PYPI_API_TOKEN", "PYPI_PASSWORD", "PYPI_USERNAME")


def _working_directory(doc: Document, upload: Upload) -> Optional[str]:
    for path in (upload.path + ("working-directory",), ("jobs", upload.job_id, "defaults", "run", "working-directory"),
                 ("defaults", "run", "working-directory")):
        wd = doc.get(path)
        if wd is not None:
            return str(wd)
    return None


def _inputs(upload: Upload, wd: Optional[str], dist: Optional[str]) -> Dict[str, Any]:
    inputs: Dict[str, Any] = {}
    if upload.targets == (TESTPYPI,):
        inputs["repository-url"] = TESTPYPI.upload_url
    folder = dist or "dist"
    if wd and wd.strip("./"):
        folder = f"{wd.rstrip('/')}/{folder}"
    if folder.strip("/") not in ("dist", "./dist"):
        inputs["packages-dir"] = folder.rstrip("/") + "/"
    return inputs


def _flag_problem(uploader: Uploader, words, cred_words) -> Optional[str]:
    """The first option the action has no equivalent for, if any."""
    skip = set()
    for i, w in enumerate(words):
        if i in skip or w in cred_words:
            continue
        v = w.value
        fb = uploader.fallback
        if v in fb.harmless_flags or v in fb.skip_existing_flags or (fb.build_flag and v == fb.build_flag):
            continue
        if v in uploader.index.repo_flags or v in fb.dist_flags:
            skip.add(i + 1)
            continue
        if any(v.startswith(f + "=") for f in uploader.index.repo_flags + fb.dist_flags):
            continue
        return v
    return None


def to_action(doc: Document, upload: Upload, converted) -> StepChange:
    change = StepChange()
    up = upload.uploader
    if not up.fallback.build_command or upload.field != "run":
        change.blocked = manual_replacement(upload)
        return change
    script: str = upload.step["run"]
    cmds = list(commands(script))
    stored_by = up.credentials.stored_by
    config_lines = [c for c in cmds if stored_by and re.match(stored_by, " ".join(w.value for w in c.words))]
    rest = [c for c in cmds if c not in config_lines]
    words = upload.command.words[upload.args_from:]
    cred_words = {id(x) for f in upload.cred_flags for x in (f.flag, f.value) if x is not None}
    cred_words = [w for w in words if id(w) in cred_words]
    problem = None
    if any(w.value == "--dry-run" for w in words):
        problem = "it is a dry run"
    elif rest[-1] is not upload.command and rest[-1].words != upload.command.words:
        problem = "commands run after the upload in the same script"
    elif any(c.words[0].value in CHANGES_DIRECTORY for c in rest):
        problem = "the script changes directory before uploading"
    elif any(_between(script, a, b).strip() for a, b in zip(rest, rest[1:])):
        problem = "the upload is chained to other commands (`&&`, `;`, `|`)"
    else:
        flag = _flag_problem(up, words, cred_words)
        if flag:
            problem = f"the action has no equivalent for `{flag}`"
    if problem:
        change.blocked = manual_replacement(upload) + f" (not done automatically: {problem})"
        return change
    creds = list(upload.env_creds)
    step_env = upload.step.get("env") if isinstance(upload.step.get("env"), dict) else {}
    known = set(COMMON_CREDENTIALS).union(*(u.credentials.variables for u in registry.all_uploaders()))
    creds += [(n, upload.path + ("env", n)) for n in step_env if n in known
              and (n, upload.path + ("env", n)) not in creds]
    remove_env_vars(doc, creds, converted, change)
    if change.blocked:
        return change
    for f in upload.cred_flags:
        change.removed_secrets |= secrets_in(f.raw)
    dist = next((_value_after(words, i) for i, w in enumerate(words) if w.value in up.fallback.dist_flags), None)
    builds = up.fallback.builds([w.value for w in words])
    inputs = _inputs(upload, _working_directory(doc, upload), dist)
    if any(w.value in up.fallback.skip_existing_flags for w in words):
        inputs["skip-existing"] = True
    name = f"Publish to {'TestPyPI' if upload.targets == (TESTPYPI,) else 'PyPI'}"
    run_path = upload.path + ("run",)
    only_upload = len(rest) == 1
    if not (only_upload and not builds):
        for c in config_lines:
            change.edits.append(Replace(run_path, *_line_span(script, c), ""))
    if only_upload and not builds:
        change.edits.append(Rekey(run_path, "uses", ACTION_REF))
        change.edits += [Remove(upload.path + (k,)) for k in RUN_ONLY_KEYS if k in upload.step]
        if inputs:
            change.edits.append(Set(upload.path + ("with",), inputs, after=("uses",)))
        change.changes.append(f"the `{up.tool}` upload is now a `{ACTION_REF}` step")
    else:
        start, end = _line_span(script, upload.command)
        line = script[start:end]
        newline = line[len(line.rstrip("\n")):]
        new = script[start:upload.command.start] + up.fallback.build_command + newline if builds else ""
        change.edits.append(Replace(run_path, start, end, new))
        step: Dict[str, Any] = {"name": name, "uses": ACTION_REF}
        for key in ("if", "continue-on-error"):
            if key in upload.step:
                step[key] = upload.step[key]
        if inputs:
            step["with"] = inputs
        change.edits.append(Insert(("jobs", upload.job_id, "steps"), upload.step_index + 1, step))
        what = f"replaced the upload with `{up.fallback.build_command}`" if builds else "removed the upload"
        change.changes.append(f"{what} and added a `{ACTION_REF}` step after it")
    return change


def _between(script: str, a: Command, b: Command) -> str:
    """What separates two commands, less blank space, line breaks and comments."""
    text = script[a.end:b.start]
    return re.sub(r"#[^\n]*", "", text).replace("\\\n", "").strip()


def _line_span(script: str, cmd: Command) -> tuple:
    start = script.rfind("\n", 0, cmd.start) + 1
    end = script.find("\n", cmd.end)
    return start, (len(script) if end < 0 else end + 1)


def _value_after(words, i: int) -> Optional[str]:
    v = words[i].value
    if "=" in v:
        return v.split("=", 1)[1]
    return words[i + 1].value if i + 1 < len(words) else None
