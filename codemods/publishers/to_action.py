"""Tools without Trusted Publishing (hatch, poetry, flit): keep the build, upload with the action.

A step whose script is just the upload becomes a `pypa/gh-action-pypi-publish` step in place (or
the build command followed by a new action step when the upload also built). A longer script loses
its final upload line and is followed by a new action step. Anything else (`cd`, `&&` chains,
options the action has no equivalent for) is left alone and the report says what to do by hand.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from codemods.engine.document import Document
from codemods.follow.calls import located_commands
from codemods.follow.shell_text import line_span
from codemods.engine.edits import Insert, Rekey, Remove, Replace, Set, plain
from codemods.indexes import TESTPYPI
from codemods.publishers import gh_action
from codemods.publishers.change import StepChange
from codemods.publishers.github_env import remove_writes, written
from codemods.publishers.env_vars import cleanup_fed, remove_env_vars
from codemods.publishers.run_step import Upload, manual_replacement
from codemods.uploaders import registry
from codemods.uploaders.spec import Uploader
from codemods.shell import Command, commands, has_control_flow, without_value
from codemods.uploaders.command_line import find_upload, same_tool, stores_credential
from codemods.notes import step_in_job
from codemods.workflow import step_label, steps

ACTION_REF = f"{gh_action.ACTION}@{gh_action.RECOMMENDED_REF}"
RUN_ONLY_KEYS = ("shell", "working-directory")
CHANGES_DIRECTORY = ("cd", "pushd", "popd")
# Besides any uploader's own variables, the names people give a PyPI credential in a step's `env:`
# (hatch steps are seen carrying TWINE_* by mistake, too).
COMMON_CREDENTIALS = ("PYPI_TOKEN", "PYPI_API_TOKEN", "PYPI_PASSWORD", "PYPI_USERNAME")


def working_directory(doc: Document, job_id: str, step_index: int) -> Optional[str]:
    for path in (("jobs", job_id, "steps", step_index, "working-directory"),
                 ("jobs", job_id, "defaults", "run", "working-directory"), ("defaults", "run", "working-directory")):
        wd = doc.get(path)
        if wd is not None:
            return str(wd)
    return None


def action_inputs(targets, wd: Optional[str], dist: Optional[str], skip_existing: bool = False) -> Dict[str, Any]:
    """The `with:` of the action step that uploads what the tool built."""
    inputs: Dict[str, Any] = {}
    if tuple(targets) == (TESTPYPI,):
        inputs["repository-url"] = TESTPYPI.upload_url
    folder = dist or "dist"
    if wd and wd.strip("./"):
        folder = f"{wd.rstrip('/')}/{folder}"
    if folder.strip("/") not in ("dist", "./dist"):
        inputs["packages-dir"] = folder.rstrip("/") + "/"
    if skip_existing:
        inputs["skip-existing"] = True
    return inputs


def action_ref(doc: Document, change: StepChange) -> Any:
    """The `uses:` of a new publish action step: the file's own SHA pin of the action where the file pins by
    SHA, else `@release/v1`, with the report's "pin it by hand" where the file pins the others (groq)."""
    from codemods.action_pins import pins_of

    pins = pins_of(doc)
    said = len(pins.warnings)
    ref = pins.ref(gh_action.ACTION)
    change.warnings += pins.warnings[said:]
    return ref


def action_step(targets, inputs: Dict[str, Any], like: Dict[str, Any], uses: Any = ACTION_REF,
                job: Any = None) -> Dict[str, Any]:
    """A new action step after `like` (the step that built), run under the same conditions, named apart
    from the steps of its `job` (groq/groq-python's script step was already `Publish to PyPI`)."""
    step: Dict[str, Any] = {"name": _step_name(targets, job), "uses": uses}
    for key in ("if", "continue-on-error"):
        if key in like:
            step[key] = like[key]
    if inputs:
        step["with"] = inputs
    return step


def _step_name(targets, job: Any) -> str:
    """`Publish to PyPI` (or TestPyPI); `Upload to PyPI` when a step of the job already has that name: two
    steps of one name read as one in the Actions log (a name that stays true after `to-token`, too)."""
    index = "TestPyPI" if tuple(targets) == (TESTPYPI,) else "PyPI"
    taken = {str(s.get("name")).strip().casefold() for _, s in steps(job)} if isinstance(job, dict) else set()
    return f"Upload to {index}" if f"publish to {index}".casefold() in taken else f"Publish to {index}"


def names_apart(edits: List[Any]) -> List[Any]:
    """The edits with the action steps added to one job under one name renamed apart by the folder each uploads
    (`Publish azure-kusto-data to PyPI`), or numbered where the folders do not tell them apart: each added step is
    named against the job as it was (`_step_name`), so two uploads of one job converted in one run met the same
    free name (Azure/azure-kusto-python's two projects)."""
    groups: Dict[Any, List[int]] = {}
    for i, e in enumerate(edits):
        if isinstance(e, Insert) and isinstance(e.value, dict) and isinstance(e.value.get("name"), str):
            groups.setdefault((e.path, e.value["name"].casefold()), []).append(i)
    out = list(edits)
    for indexes in (g for g in groups.values() if len(g) > 1):
        labels = [_folder_label(out[i].value) for i in indexes]
        unique = all(labels) and len(set(labels)) == len(labels)
        for n, (i, label) in enumerate(zip(indexes, labels), 1):
            verb, _, index = out[i].value["name"].partition(" to ")
            name = f"{verb} {label} to {index}" if unique else f"{out[i].value['name']} ({n})"
            out[i] = Insert(out[i].path, out[i].index, {k: (name if k == "name" else v) for k, v in out[i].value.items()})
    return out


def _folder_label(step: Dict[str, Any]) -> str:
    """What the step's `packages-dir` names besides `dist` (`./azure-kusto-data/dist/` -> `azure-kusto-data`)."""
    folder = str((step.get("with") or {}).get("packages-dir") or "")
    parts = [p for p in folder.split("/") if p not in ("", ".", "dist")]
    return "/".join(parts) if parts and "$" not in folder else ""


def split_problem(up: Uploader, script: str, cmds: List[Command], upload: Command, words: List[Any],
                  cred_words: List[Any], folder_known: bool = False) -> Optional[str]:
    """Why the script cannot simply lose its upload (the last command) to an action step after it; None
    when it can. `words` are the upload's arguments, `cred_words` those of its credential options;
    `folder_known`: the folder the upload runs in is read through the script's `cd`s."""
    rest = [c for c in cmds if not stores_credential(up, c)]
    if not up.fallback.build_command and not up.fallback.dists_as_arguments:
        return "the tool has no build command to keep"
    if sum(1 for c in rest if find_upload(c) is not None) > 1:
        return "the script uploads more than once"
    if not rest or (rest[-1] is not upload and rest[-1].words != upload.words):
        return "commands run after the upload in the same script"
    if has_control_flow(script):
        return "the upload runs inside shell control flow (`if`, `for`, `while`, `case`, `{ }`)"
    if not folder_known and any(c.words[0].value in CHANGES_DIRECTORY for c in rest):
        return "the script changes directory, to a folder pubmode cannot read, before uploading"
    if any(_between(script, a, b).strip() for a, b in zip(cmds, cmds[1:])):
        return "the upload is chained to other commands (`&&`, `;`, `|`)"
    if up.fallback.dists_as_arguments and len(_argument_folders(words)) > 1:
        return "the upload takes files from several folders; the action uploads one"
    flag = _flag_problem(up, words, cred_words)
    return f"the action has no equivalent for `{flag}`" if flag else None


def dist_folder(up: Uploader, words: List[Any]) -> Optional[str]:
    flagged = next((_value_after(words, i) for i, w in enumerate(words) if w.value in up.fallback.dist_flags), None)
    if flagged is not None or not up.fallback.dists_as_arguments:
        return flagged
    folders = _argument_folders(words)
    return folders.pop() if len(folders) == 1 else None


def _argument_folders(words: List[Any]) -> "set[str]":
    return {f for w in words if not w.value.startswith("-") and (f := _glob_folder(w.value)) is not None}


def _glob_folder(arg: str) -> Optional[str]:
    """`dist/*` (or `dist/`): every file of a folder, which the action uploads; None for anything else."""
    m = re.fullmatch(r"(\.?/?[\w./-]*?)/?\*?", arg)
    return (m.group(1).strip("/") or ".") if m and ("*" in arg or arg.endswith("/")) else None


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
        if fb.dists_as_arguments and not v.startswith("-") and _glob_folder(v) is not None:
            continue  # `dist/*`: the action's packages-dir
        return v
    return None


def to_action(doc: Document, upload: Upload, converted) -> StepChange:
    change = StepChange()
    up = upload.uploader
    if upload.field != "run" or (not up.fallback.build_command and not up.fallback.dists_as_arguments):
        change.blocked = manual_replacement(upload)
        return change
    script: str = upload.step["run"]
    cmds = list(commands(script))
    config_lines = [c for c in cmds if stores_credential(up, c)]
    rest = [c for c in cmds if c not in config_lines]
    words = upload.command.words[upload.args_from:]
    cred_words = {id(x) for f in upload.cred_flags for x in (f.flag, f.value) if x is not None}
    cred_words = [w for w in words if id(w) in cred_words]
    folder = upload_run_folder(doc, upload, script)
    problem = split_problem(up, script, cmds, upload.command, words, cred_words, folder is not None)
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
    # the action takes the upload's place: every credential variable handed on to it goes, as from its `env:`
    passwords = set(COMMON_CREDENTIALS[:3]).union(*(u.credentials.password_env for u in registry.all_uploaders()))
    users = (known - passwords) | {"PYPI_USERNAME"}
    writes = list(dict.fromkeys(upload.github_env + written(doc, upload.job_id, upload.step_index, passwords, users)))
    remove_writes(doc, upload.job_id, writes, converted, change, upload.label)
    if change.blocked:
        return change
    job, who = doc.get(("jobs", upload.job_id)), step_in_job(upload.label, upload.job_id)
    for f in upload.cred_flags:
        change.remove_secrets(f.raw, job, who)
    stored = [script[c.start:c.end] for c in config_lines]  # the credential goes with the upload
    for text in stored:
        change.remove_secrets(text, job, who)
    builds = up.fallback.builds([w.value for w in words])
    inputs = action_inputs(upload.targets, folder if folder is not None else
                           working_directory(doc, upload.job_id, upload.step_index), dist_folder(up, words),
                           any(w.value in up.fallback.skip_existing_flags for w in words))
    run_path = upload.path + ("run",)
    only_upload = len(rest) == 1
    if not (only_upload and not builds):
        for c in config_lines:
            change.edits.append(Replace(run_path, *line_span(script, c), ""))
    uses = action_ref(doc, change)
    shown = plain(uses)
    if only_upload and not builds:
        change.edits.append(Rekey(run_path, "uses", uses))
        change.edits += [Remove(upload.path + (k,)) for k in RUN_ONLY_KEYS if k in upload.step]
        if inputs:
            change.edits.append(Set(upload.path + ("with",), inputs, after=("uses",)))
        change.changes.append(f"the `{up.tool}` upload is now a `{shown}` step")
    else:
        start, end = line_span(script, upload.command)
        line = script[start:end]
        newline = line[len(line.rstrip("\n")):]
        build = same_tool(upload.command, script, up.fallback.build_command)
        new = script[start:upload.command.start] + build + newline if builds else ""
        change.edits.append(Replace(run_path, start, end, new))
        step = action_step(upload.targets, inputs, upload.step, uses, job)
        change.edits.append(Insert(("jobs", upload.job_id, "steps"), upload.step_index + 1, step))
        what = f"replaced the upload with `{build}`" if builds else "removed the upload"
        change.changes.append(f"{what} and added a `{shown}` step after it")
    if stored:
        change.changes.append(f"removed {', '.join(f'`{without_value(t)}`' for t in stored)}: the upload no longer uses "
                            "the credential it stores")
        cleanup_fed(doc, upload.job_id, upload.step_index, stored, [], change)
    change.warnings += stored_elsewhere(doc, upload)
    return change


def upload_run_folder(doc: Document, upload: Upload, script: str) -> Optional[str]:
    """The folder, from the workspace, the upload runs in after the script's `cd`s ("." for the
    workspace); None when a `cd` cannot be read or leads out of the workspace."""
    start = working_directory(doc, upload.job_id, upload.step_index)
    for cmd, folder, certain in located_commands(script, start if start and "$" not in start else None):
        if cmd.start == upload.command.start:
            return (folder or ".") if certain and folder != "/" and not (folder or "").startswith("..") and \
                not (start and "$" in start) else None
    return None


def stored_elsewhere(doc: Document, upload: Upload) -> List[str]:
    """Other steps of the job that store a credential for this tool (`poetry config pypi-token.pypi` in a
    step of its own): the upload no longer uses it, but that step is left to the user."""
    out = []
    for i, step in steps(doc.get(("jobs", upload.job_id)) or {}):
        script = step.get("run")
        if i == upload.step_index or not isinstance(script, str):
            continue
        for c in commands(script):
            if stores_credential(upload.uploader, c):
                out.append(f"{step_label(step, i)} in job `{upload.job_id}` still stores a credential for "
                           f"{upload.uploader.name} (`{without_value(script[c.start:c.end])}`), which the upload no longer "
                           "uses: remove that command, then the secret it reads")
                break
    return out


def _between(script: str, a: Command, b: Command) -> str:
    """What separates two commands, less blank space, line breaks and comments."""
    text = script[a.end:b.start]
    return re.sub(r"#[^\n]*", "", text).replace("\\\n", "").strip()


def _value_after(words, i: int) -> Optional[str]:
    v = words[i].value
    if "=" in v:
        return v.split("=", 1)[1]
    return words[i + 1].value if i + 1 < len(words) else None
