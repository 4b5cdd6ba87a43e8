"""`migrate to-oidc --split-jobs`: build where the job builds, publish from a job of its own.

PyPA's recommended layout (the packaging guide's sample, the action's README): the job that builds
keeps its steps up to the build and hands the distributions on with `actions/upload-artifact`; a
new job on `ubuntu-latest` (the action is a Linux container action), with `id-token: write` and
nothing else, downloads them and uploads with `pypa/gh-action-pypi-publish`. One publishing job per
index: the action must not run twice in a job (the second run finds the first one's attestations),
and PyPI's publisher for each index names its own environment. The TestPyPI job runs first when
the original job uploaded there first.

The upload steps' own conversions (publishers/) say what goes with the token (variables, flags);
this module keeps of them what still applies once the upload left the job, and builds the rest.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from codemods.engine.document import Document, YamlPath
from codemods.engine.edits import Commented, Edit, Insert, Rekey, Remove, Replace, Set, apply_to_data
from codemods.engine.splice import render
from codemods.errors import Unsupported
from codemods.environment import EnvironmentChoice
from codemods.indexes import PYPI, TESTPYPI, Index
from codemods.permissions import other_oidc_user, revoke_id_token
from codemods.project import upload_folder
from codemods.publishers import gh_action
from codemods.publishers.change import StepChange
from codemods.publishers.run_step import Upload, whole_line
from codemods.publishers.to_action import CHANGES_DIRECTORY, upload_run_folder
from codemods.readers import first_reader
from codemods.registration import Registration
from codemods.shell import commands, cut_span, join_pieces
from codemods.uploaders.command_line import long_option
from codemods.workflow import EXPRESSION, jobs, runner_problem, secrets_in, step_label, steps, uses_action
from codemods.notes import at_of, step_in_job

from codemods.builds import BUILD_ACTIONS, builds
from codemods.builds import builds_first as _builds_first
from codemods.action_pins import DOWNLOAD_ARTIFACT, SHA, UPLOAD_ARTIFACT, ActionPins as _Pins
DIST = "dist/"

# Where each build command writes (the first argument naming a folder wins over the default).
BUILDERS = {  # program (after wrappers) -> (subcommand or None, output flags, default folder, takes a source folder)
    "build": (None, ("-o", "--outdir"), "dist", True),
    "pyproject-build": (None, ("-o", "--outdir"), "dist", True),
    "uv": ("build", ("-o", "--out-dir"), "dist", True),
    "maturin": ("build", ("-o", "--out"), "target/wheels", False),
    "poetry": ("build", ("-o", "--output"), "dist", False),
    "hatch": ("build", (), "dist", False),
    "flit": ("build", (), "dist", False),
    "pdm": ("build", ("-d", "--dest"), "dist", False),
    "cibuildwheel": (None, ("--output-dir",), "wheelhouse", False),
}
# Flags of a `run:` upload that mean nothing (or the same) once the action uploads: flag -> (arity, input)
ACTION_FLAGS = {
    "--skip-existing": (0, "skip-existing"), "--verbose": (0, "verbose"), "-v": (0, "verbose"),
    "--non-interactive": (0, None), "--disable-progress-bar": (0, None), "--no-build": (0, None),
    "--attestations": (0, None), "--trusted-publishing": (1, None),
}
FILES_FLAGS = {"pdm": ("-d", "--dest")}  # a `run:` upload's option naming the folder it uploads (`pdm publish --no-build`)
KEBAB = ("repository_url", "verify_metadata", "skip_existing", "print_hash")  # the action's v1.7 renames
JOB_CONTEXTS = ("github", "vars", "inputs")
LEG_CONTEXTS = ("matrix", "strategy")
STATUS = re.compile(r"\b(always|failure|cancelled)\s*\(")
CONTEXT = re.compile(r"(?<![\w.-])([A-Za-z_][A-Za-z0-9_]*)\s*(?=[.\[])|\bhashFiles\s*\(")
ARTIFACT_NAME_BAD = re.compile(r"[\"':<>|*?\\/\r\n]")


class Refused(Exception):
    """The job cannot be split automatically; the message says why."""


@dataclass
class _Moved:
    """One upload taken out of the build job."""

    item: Any
    index: Index
    step: Dict[str, Any]  # the publish job's step
    files: Optional[str]  # what it uploaded, when it says (else where the build wrote)
    remove_step: bool  # the whole step goes (else its upload lines are cut)
    keep: List[Edit] = field(default_factory=list)  # edits of the build job that still apply
    removed_secrets: set = field(default_factory=set)
    warnings: List[str] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)  # the credential variables removed outside the step
    own_uses: Optional[str] = None  # the ref of a moved publish action step, kept
    cut: Optional[Tuple[int, int]] = None  # the span of the step's script that went with the upload


def wanted(job: Dict[str, Any], runner_blocked: bool) -> bool:
    """The job cannot publish where it is, or it builds what it publishes."""
    return runner_blocked or builds(job)


@dataclass
class JobSplit:
    """The build side of one job's split; `finish` adds the artifact step and the publishing jobs."""

    job_id: str
    moved: List[_Moved]
    edits: List[Edit]  # the build job's, but its artifact step
    files: str
    matrix: Any
    leg_if: Optional[str]
    removed_steps: List[int]
    last: int
    order: List[Index]  # the indexes it uploaded to, in the order it did
    conditions: Dict[Index, Optional[str]]
    envs: Dict[Index, Any]
    notes: List[str]
    warnings: List[str]
    project: Optional[str]


def plan(w, job_id: str, items: List[Any], convert: List[Any], project: Optional[str],
         project_notes: List[str]) -> "JobSplit | str":
    """The build side of the split of job `job_id`, or why it cannot be split (nothing of it changes)."""
    try:
        return _plan(w, job_id, items, convert, project, project_notes)
    except Refused as e:
        return f"job `{job_id}` not split [--split-jobs]: {e}"


def _plan(w, job_id, items, convert, project, project_notes) -> JobSplit:
    doc: Document = w.doc
    job = w.jobs[job_id]
    others = [s for s in items if s not in convert and s.targets]
    if others:
        raise Refused(f"{others[0].label} also publishes to {others[0].targets[0].title} without a token; "
                      "split the job by hand")
    if not isinstance(job.get("steps"), list):
        raise Refused("its steps are not a list")
    converted_paths = [s.path for s in convert]
    moved = [_move(w, job_id, item, converted_paths) for item in convert]
    install_edits = _drop_unused_installs(w, job_id, moved)
    by_step: Dict[int, List[_Moved]] = {}
    for m in moved:
        by_step.setdefault(m.item.step_index, []).append(m)
    last = max(by_step)
    later = [step_label(s, i) for i, s in steps(job) if i > last]
    if later:
        raise Refused(f"{_and(later)} run{'s' if len(later) == 1 else ''} after the upload, and would run before it "
                      f"once split; move {'it' if len(later) == 1 else 'them'} to a job that needs the publishing "
                      "job, then run again")
    edits: List[Edit] = list(install_edits)
    for m in moved:
        edits += m.keep
    by_index: Dict[Index, List[_Moved]] = {}
    for m in moved:
        by_index.setdefault(m.index, []).append(m)
    order = sorted(by_index, key=lambda i: min(m.item.step_index for m in by_index[i]))
    conditions: Dict[Index, Optional[str]] = {}
    job_if = _job_condition(job)
    for index in order:
        conds = {_job_if_of(m) for m in by_index[index]}
        if len(conds) > 1:
            raise Refused(f"its {index.title} uploads run under different conditions; split by hand")
        conditions[index] = conds.pop() or job_if
    env_edits, envs, env_notes = _environments(w, job_id, order, project)
    perm_edits, perm_notes, perm_warnings = revoke_id_token(doc, job_id, other_oidc_user(job, w.repo.root))
    edits += env_edits + perm_edits
    reader = first_reader(doc, w.repo.root, edits, [])
    if reader:
        raise Refused(reader)
    removed_steps = sorted(i for i, ms in by_step.items() if any(m.remove_step for m in ms))
    edits += [Remove(("jobs", job_id, "steps", i)) for i in removed_steps[1:]]
    notes = env_notes + list(dict.fromkeys(n for m in moved for n in m.notes)) + perm_notes
    warnings = perm_warnings + project_notes + [x for m in moved for x in m.warnings]
    if runner_problem(job):
        where = "in its `container:`" if "container" in job else f"on `{job.get('runs-on')}`"
        notes.append(f"job `{job_id}` still builds {where}; the publish action runs on `ubuntu-latest`, the only "
                     "kind of runner it supports")
    return JobSplit(job_id, moved, edits, _files(doc, job_id, moved), _matrix(job), _leg_condition(moved),
                    removed_steps, last, order, conditions, envs, notes, warnings, project)


def finish(w, splits: List[JobSplit], result) -> Dict[str, Tuple[Optional[str], frozenset, set]]:
    """Give each split job its artifact step and add the publishing jobs, one per index and per
    condition, environment and upload: jobs that agree on those share one. What `_convert_job`
    returns, per build job."""
    if not splits:
        return {}
    doc: Document = w.doc
    pins = _Pins(doc)
    prefix = _artifact_prefix(doc)
    artifacts: Dict[str, Tuple[str, bool]] = {}
    for sp in splits:
        base = prefix if len(splits) == 1 else f"{prefix}-{sp.job_id}"
        artifacts[sp.job_id] = _artifact_name(base, sp.matrix)
        result.edits += sp.edits + [_artifact_step(w, sp, artifacts[sp.job_id][0], pins)]
    # the publishing jobs
    groups: Dict[tuple, List[Tuple[JobSplit, List[_Moved]]]] = {}
    for index in (TESTPYPI, PYPI):
        for sp in splits:
            if index not in sp.order:
                continue
            group = [m for m in sp.moved if m.index == index]
            step = _one_publish_step(group, pins)
            key = (index, sp.conditions[index], repr(sp.envs[index]),
                   repr({k: v for k, v in step.items() if k != "name"}))
            groups.setdefault(key, []).append((sp, group))
    taken = {j.lower() for j in w.jobs}
    names: Dict[tuple, str] = {}
    for key in groups:
        names[key] = _free_job_id(key[0], taken)
    job_order = [j for j in w.jobs]
    added: List[str] = []
    for key, members in groups.items():
        index, condition, _, _ = key
        sps = [sp for sp, _ in members]
        build_ids = [sp.job_id for sp in sps]
        new: Dict[str, Any] = {}
        if all("name" in w.jobs[j] for j in build_ids):
            new["name"] = f"Publish to {index.title}"
        if condition:
            new["if"] = condition
        needs = list(build_ids)
        before = _runs_before(key, groups)
        if before is not None:
            needs.append(names[before])
        new["needs"] = needs[0] if len(needs) == 1 else needs
        new["runs-on"] = "ubuntu-latest"
        if sps[0].envs[index] is not None:
            new["environment"] = sps[0].envs[index]
        new["permissions"] = {"id-token": "write"}
        named = all(_names_steps(w.jobs[j]) for j in build_ids)
        downloads = []
        for sp in sps:
            name, per_leg = artifacts[sp.job_id]
            download: Dict[str, Any] = {"name": "Download the distributions"} if named else {}
            if len(sps) > 1 and named:
                download["name"] = f"Download the distributions of `{sp.job_id}`"
            download["uses"] = pins.ref(DOWNLOAD_ARTIFACT)
            download["with"] = {"pattern": name.split("${{")[0] + "*", "path": DIST, "merge-multiple": True} \
                if per_leg else {"name": name, "path": DIST}
            downloads.append(download)
        step = _one_publish_step(members[0][1], pins)
        new["steps"] = downloads + [step]
        anchor = max(build_ids, key=job_order.index)
        result.edits.append(Set(("jobs", names[key]), new, after=(anchor,)))
        result.oidc_jobs.add(names[key])
        parts = [f"needs: {', '.join(needs)}", "runs-on: ubuntu-latest"]
        if condition:
            parts.append(f"if: {condition}")
        env = sps[0].envs[index]
        if env is not None:
            parts.append(f"environment `{env['name'] if isinstance(env, dict) else env}`")
        parts.append("permissions: id-token: write only")
        added.append(f"added job `{names[key]}` ({'; '.join(parts)}): downloads the distributions into "
                     f"`{DIST}` and uploads them to {index.title} with `{gh_action.ACTION}`")
        env_name = None if env is None else str(env["name"] if isinstance(env, dict) else env)
        for project in dict.fromkeys(sp.project for sp in sps):
            result.registrations.append(Registration(index, w.repo.owner_or_placeholder, w.repo.name_or_placeholder,
                                                     w.file, env_name, project))
    out = {}
    notes: List[str] = []
    for sp in splits:
        mine = [names[k] for k, members in groups.items() if any(x is sp for x, _ in members)]
        name, per_leg = artifacts[sp.job_id]
        job = w.jobs[sp.job_id]
        legs = f" (one artifact per matrix leg, `{name}`)" if per_leg else f" (artifact `{name}`)"
        where = (f"in place of {_and(step_label(job['steps'][i], i) for i in sp.removed_steps)}" if sp.removed_steps
                 else f"after {step_label(job['steps'][sp.last], sp.last)}, which no longer uploads")
        result.changes.append(f"job `{sp.job_id}`: the upload{'s' if len(sp.moved) > 1 else ''} moved to "
                              f"{_and(f'job `{n}`' for n in mine)}; `{sp.job_id}` now uploads `{sp.files}` with "
                              f"`{UPLOAD_ARTIFACT}`{legs} {where}")
        notes += sp.notes
        result.warnings += sp.warnings
        if sp.matrix is not None:
            result.warnings.append(f"job `{sp.job_id}` is a matrix: each leg uploaded its own files; now "
                                   f"{_and(f'`{n}`' for n in mine)} publish{'es' if len(mine) == 1 else ''} once "
                                   "every leg has built (a failed leg stops the release)")
        removed = set().union(*(m.removed_secrets for m in sp.moved))
        result.removed_secrets |= removed
        out[sp.job_id] = (sp.project, frozenset(i.key for i in sp.order), removed)
    dep_edits, dep_changes, dep_warnings = _dependants(w, splits, groups, names)
    result.edits += dep_edits
    result.changes += added + notes + dep_changes
    result.warnings += pins.warnings + dep_warnings
    return out


def _dependants(w, splits: List[JobSplit], groups: Dict[tuple, list], names: Dict[tuple, str]
                ) -> Tuple[List[Edit], List[str], List[str]]:
    """Jobs that waited for a split job ran after its upload (a GitHub release, docs, a branch update):
    they now wait for the publishing jobs too, added to their `needs:` in the list's own style. Not
    when a publishing job runs under a condition the build job did not have (a skipped publishing job
    would skip them where they used to run): then the report says so. (edits, changes, warnings)"""
    split = {sp.job_id: sp for sp in splits}
    feeds: Dict[str, List[tuple]] = {}  # build job -> the publishing groups it feeds
    for key, members in groups.items():
        for sp, _ in members:
            feeds.setdefault(sp.job_id, []).append(key)
    edits: List[Edit] = []
    changes: List[str] = []
    warnings: List[str] = []
    for job_id, job in w.jobs.items():
        needs = job.get("needs")
        listed = [needs] if isinstance(needs, str) else needs if isinstance(needs, list) else []
        waited = [str(n) for n in listed if str(n) in split]
        if not waited or job_id in split:
            continue
        keys = list(dict.fromkeys(k for n in waited for k in feeds.get(n, [])))
        implied = {b for k in keys if (b := _runs_before(k, groups)) is not None}
        keys = [k for k in keys if k not in implied]
        new = [names[k] for k in keys if names[k] not in map(str, listed)]
        what = f"job `{job_id}` needs {_and(f'`{n}`' for n in waited)}, which no longer upload{'s' if len(waited) == 1 else ''}"
        if not new:
            continue
        conditional = [names[k] for k in keys
                       if any(k[1] != _job_condition(w.jobs[sp.job_id]) for sp, _ in groups[k])]
        if conditional:
            warnings.append(f"{what}: it may now run before the release; {_and(f'`{n}`' for n in conditional)} "
                            f"run{'s' if len(conditional) == 1 else ''} only under the upload's condition, so waiting "
                            f"for {'it' if len(conditional) == 1 else 'them'} would skip `{job_id}` whenever the upload "
                            f"is skipped: add {_and(f'`{n}`' for n in new)} to its `needs:` by hand if it must follow "
                            "the release")
            continue
        path = ("jobs", job_id, "needs")
        edit: Edit = Set(path, [needs] + new) if isinstance(needs, str) else Insert(path, len(listed), new[0])
        try:
            if len(new) > 1 and not isinstance(needs, str):
                raise Unsupported("one new item at a time")
            render(w.doc, [edit])
        except Unsupported:
            warnings.append(f"{what}: it may now run before the release; add {_and(f'`{n}`' for n in new)} to its "
                            "`needs:` if it must follow it (pubmode does not edit a `needs:` written this way)")
            continue
        edits.append(edit)
        changes.append(f"{what}: it now needs {_and(f'`{n}`' for n in new)} too, so that it still runs after the "
                       "release")
    return edits, changes, warnings


def _runs_before(key: tuple, groups: Dict[tuple, list]) -> Optional[tuple]:
    """The TestPyPI group a PyPI group runs after: the one group of the same build jobs, which uploaded
    there first and runs whenever the PyPI one does (a skipped job it needs would skip it)."""
    if key[0] != PYPI:
        return None
    jobs_ = {sp.job_id for sp, _ in groups[key]}
    tests = [k for k in groups if k[0] == TESTPYPI and {sp.job_id for sp, _ in groups[k]} & jobs_]
    if len(tests) != 1 or {sp.job_id for sp, _ in groups[tests[0]]} != jobs_:
        return None
    if not all(sp.order.index(TESTPYPI) < sp.order.index(PYPI) for sp, _ in groups[key]):
        return None
    if tests[0][1] is not None and tests[0][1] != key[1]:
        return None
    return tests[0]


def _artifact_step(w, sp: JobSplit, name: str, pins: "_Pins") -> Edit:
    job = w.jobs[sp.job_id]
    step: Dict[str, Any] = {}
    if _names_steps(job):
        step["name"] = "Upload the distributions"
    own = {_job_if_of(m) for m in sp.moved}  # the uploads' own condition, when they share one: no artifact otherwise
    if sp.leg_if is not None:
        step["if"] = sp.leg_if
    elif len(own) == 1 and None not in own:
        step["if"] = own.pop()
    step["uses"] = pins.ref(UPLOAD_ARTIFACT)
    step["with"] = {"name": name, "path": sp.files}
    steps_path = ("jobs", sp.job_id, "steps")
    if sp.removed_steps:
        return Set(steps_path + (sp.removed_steps[0],), step)
    return Insert(steps_path, sp.last + 1, step)


# ---- one upload ------------------------------------------------------------------------------------
def _inside(e: Edit, step_path: YamlPath) -> bool:
    return e.path[: len(step_path)] == step_path


def _is_env_removal(e: Edit) -> bool:
    return isinstance(e, Remove) and "env" in e.path


def _move(w, job_id: str, item: Any, converted_paths: List[YamlPath]) -> _Moved:
    doc = w.doc
    if len(item.targets) != 1 or item.index_unknown:
        raise Refused(f"{item.label} uploads to an index chosen at run time")
    index = item.targets[0]
    # an upload that already goes without a token moves as it is
    # each index's upload moves to a job of its own, so no other call of the action attests beside it there
    beside = [] if isinstance(item, gh_action.PublishStep) else converted_paths
    change = item.to_oidc(doc, False, beside) if item.uses_token else StepChange()
    if change.blocked:
        raise Refused(change.blocked)
    path = item.path
    outside = [e for e in change.edits if not _inside(e, path) and _is_env_removal(e)]
    secrets = set(change.removed_secrets)
    notes = [n for n in change.changes if at_of(n) is not None and len(at_of(n)) in (1, 3)]  # workflow's, job's env
    if isinstance(item, gh_action.PublishStep):
        converted = apply_to_data(doc.data, [e for e in change.edits if _inside(e, path)])
        step = dict(_get(converted, path))
        inputs = dict(step.get("with") or {}) if isinstance(step.get("with"), dict) else {}
        files = None
        for k in gh_action.input_keys(inputs, ("packages-dir", "packages_dir")):
            files = _folder(str(inputs.pop(k)))
        # the step is written anew: its deprecated underscore inputs take their kebab-case names
        renamed = [str(k) for k in inputs if str(k) in KEBAB and str(k).replace("_", "-") not in inputs]
        inputs = {(str(k).replace("_", "-") if str(k) in renamed else k): v for k, v in inputs.items()}
        notes += [f"{item.label}: `{k}` is now `{k.replace('_', '-')}` (the underscore name is deprecated)"
                  for k in renamed]
        if inputs:
            step["with"] = inputs
        else:
            step.pop("with", None)
        step.pop("if", None)
        _check_movable(doc, job_id, item, step)
        secrets |= secrets_in(item.step)
        return _Moved(item, index, step, files, True, outside, secrets, notes=notes, own_uses=str(step.get("uses")))
    assert isinstance(item, Upload)
    if builds_first(item):  # `maturin publish`, `pdm publish`, maturin-action's `command: publish`
        return _builds_then_uploads(doc, item, index, change, outside, secrets, notes)
    if item.field != "run":  # PyO3/maturin-action with `command: upload`
        inputs, files = _action_inputs(item, index)
        step = _named(item, index, inputs, True, w.jobs[job_id])
        secrets |= secrets_in(item.step)
        return _Moved(item, index, step, files, True, outside, secrets, notes=notes)
    if not item.uploader.trusted:  # hatch, poetry, flit: their conversion made an action step already
        moved = _from_action_fallback(doc, item, index, change, outside, secrets)
        moved.notes = notes
        return moved
    inputs, files = _action_inputs(item, index)
    script = item.script
    cut, cut_end = _cut_upload(script, item)
    whole = not script[: cut].strip() or all(_is_comment(ln) for ln in script[:cut].splitlines())
    step = _named(item, index, inputs, whole, w.jobs[job_id])
    folder = upload_run_folder(doc, item, script)
    if folder is None and any(c.words[0].value in CHANGES_DIRECTORY for c in commands(script)):
        raise Refused(f"{item.label} changes directory, to a folder pubmode cannot read, before it uploads; split by hand")
    files = _in_folder(folder if folder is not None else _working_directory(doc, item), files)
    if whole:
        secrets |= secrets_in(item.step)
        return _Moved(item, index, step, files, True, outside, secrets, notes=notes)
    keep = outside + [e for e in change.edits if _inside(e, path) and _is_env_removal(e)]
    keep.append(Replace(item.script_path, cut, cut_end, ""))
    return _Moved(item, index, step, files, False, keep, secrets, notes=notes, cut=(cut, cut_end))


def _drop_unused_installs(w, job_id: str, moved: List[_Moved]) -> List[Edit]:
    """The installs of the moved uploads' tools the build job no longer needs go (codemods.leftover_installs):
    a moved step left with nothing goes whole, as a step that only uploaded does; another step left with
    nothing goes; else the lines or words are cut. The edits of the steps that were not moved."""
    from codemods.leftover_installs import left_empty, unused_installs

    job = w.jobs[job_id]
    gone = {m.item.step_index: (None if m.remove_step else m.cut) for m in moved if m.remove_step or m.cut}
    tools = {(m.item.uploader.tool, m.item.uploader.trusted.package or m.item.uploader.tool): m for m in moved
             if isinstance(m.item, Upload) and m.item.field == "run" and m.item.uploader.trusted}
    edits: List[Edit] = []
    for (tool, package), first in tools.items():
        for i, cuts in unused_installs(job, w.repo.root, tool, package, gone).items():
            step = job["steps"][i]
            ours = [m for m in moved if m.item.step_index == i]
            spans = [c for c, _ in cuts] + ([ours[0].cut] if ours and ours[0].cut else [])
            if left_empty(step["run"], spans) and len(ours) < 2:
                if ours:  # the moved step is left with nothing: it goes whole, as one that only uploaded
                    m = ours[0]
                    m.remove_step, m.cut = True, None
                    m.keep = [e for e in m.keep if not _inside(e, m.item.path)]
                    m.removed_secrets |= secrets_in(m.item.step)
                    m.step = _named(m.item, m.index, dict(m.step.get("with") or {}), True, job)
                    gone[i] = None
                    what = f"{_and(c for _, c in cuts)} went with {step_label(step, i)}"
                else:
                    edits.append(Remove(("jobs", job_id, "steps", i)))
                    what = f"removed {step_label(step, i)} ({_and(c for _, c in cuts)})"
            else:
                path = ours[0].item.script_path if ours else ("jobs", job_id, "steps", i, "run")
                edits += [Replace(path, s_, e, "") for (s_, e), _ in cuts]
                what = f"removed {_and(c for _, c in cuts)} in {step_label(step, i)}"
            first.notes.append(f"job `{job_id}`: {what}: it installed {package} only for the upload that moved")
    return edits


# `maturin publish` = build (release profile, stripped, wheels and an sdist) then upload; these are the
# options of the upload half (value-taking ones with their arity), and the build's defaults that differ
MATURIN_UPLOAD = {"--skip-existing": 0, "--non-interactive": 0, "-r": 1, "--repository": 1, "--repository-url": 1,
                  "-u": 1, "--username": 1, "-p": 1, "--password": 1}
# `pdm publish` = `pdm build` (into `-d/--dest`, default dist/) then upload: the options of the upload half,
# those the build takes too, and those the publish action has no equivalent for
PDM_UPLOAD = {"--skip-existing": 0, "-r": 1, "--repository": 1, "-u": 1, "--username": 1, "-P": 1, "--password": 1}
PDM_BUILD = {"-d": 1, "--dest": 1, "-p": 1, "--project": 1, "-k": 1, "--skip": 1, "-g": 0, "--global": 0,
             "-v": 0, "--verbose": 0, "-q": 0, "--quiet": 0}


@dataclass
class _BuildInstead:
    """An upload command that builds first, as the build it makes: the words that go (spans in the text
    they were read from), the flags `build` adds, the publish action's inputs, the folder it writes."""

    cuts: List[Tuple[int, int]]
    add: List[str]
    inputs: Dict[str, Any]
    folder: str


def builds_first(item: Upload) -> bool:
    """The upload builds the distributions first (`maturin publish`, `pdm publish`, maturin-action's
    `command: publish`)."""
    sub = item.command.words[item.args_from - 1].value if item.field == "run" else \
        str((item.step.get("with") or {}).get("command")).strip()
    return _builds_first(item.uploader, sub, item.command.words[item.args_from:])


def _build_instead(item: Upload, words: List[Any]) -> _BuildInstead:
    """The build half of `maturin publish` / `pdm publish`, read from its arguments."""
    if item.uploader.name == "pdm":
        return _pdm_build(item, words)
    return _maturin_build(words)


def _maturin_build(words: List[Any]) -> _BuildInstead:
    cuts: List[Tuple[int, int]] = []
    inputs: Dict[str, Any] = {}
    seen, out, skip = set(), None, 0
    for i, w in enumerate(words):
        if skip:
            skip -= 1
            cuts.append((w.start, w.end))
            continue
        name = w.value.split("=", 1)[0]
        if name in MATURIN_UPLOAD:
            cuts.append((w.start, w.end))
            skip = MATURIN_UPLOAD[name] if "=" not in w.value else 0
            if name == "--skip-existing":
                inputs["skip-existing"] = True
        elif name in ("--no-sdist", "--debug", "--no-strip"):
            cuts.append((w.start, w.end))
            seen.add(name)
        elif name in ("-o", "--out") or (w.value.startswith("-o") and len(w.value) > 2):
            out = _flag_value([x.value for x in words[i:i + 2]], ("-o", "--out"))
    add = (["--release"] if "--debug" not in seen else []) + (["--strip"] if "--no-strip" not in seen else []) \
        + (["--sdist"] if "--no-sdist" not in seen else []) + ([] if out else ["--out", "dist"])
    return _BuildInstead(cuts, add, inputs, _folder(out or "dist"))


def _pdm_build(item: Upload, words: List[Any]) -> _BuildInstead:
    cuts: List[Tuple[int, int]] = []
    inputs: Dict[str, Any] = {}
    dest, project, skip, cut = "dist", None, 0, False
    for i, w in enumerate(words):
        if skip:
            skip -= 1
            if cut:
                cuts.append((w.start, w.end))
            continue
        name, eq, _ = w.value.partition("=")
        name = long_option(item.uploader, name) if name.startswith("--") else name
        short = name[:2] if not name.startswith("--") and len(name) > 2 and name[:2] in PDM_UPLOAD.keys() | PDM_BUILD.keys() \
            else None  # `-dout`, `-P$TOKEN`
        key = short or name
        if key in PDM_UPLOAD:
            cuts.append((w.start, w.end))
            cut, skip = True, PDM_UPLOAD[key] if not (eq or short) else 0
            if key == "--skip-existing":
                inputs["skip-existing"] = True
        elif key in PDM_BUILD:
            cut, skip = False, PDM_BUILD[key] if not (eq or short) else 0
            value = w.value.partition("=")[2] if eq else w.value[2:] if short else \
                (words[i + 1].value if skip and i + 1 < len(words) else None)
            if key in ("-d", "--dest") and value:
                dest = value
            elif key in ("-p", "--project") and value:
                project = value
        else:
            raise Refused(f"{item.label}: the publish action has no equivalent for `{w.value}`; split by hand")
    folder = dest if dest.startswith("/") or not project or project in (".", "./") else \
        project.rstrip("/") + "/" + dest
    return _BuildInstead(cuts, [], inputs, _folder(folder))


def maturin_build_args(words: List[Any], text: str) -> Tuple[str, Dict[str, Any], str]:
    """`maturin publish` flags as `maturin build` flags that build the same files into one folder:
    (new flags, the publish action's inputs, the folder)."""
    plan = _maturin_build(words)
    return _args_text(plan, text), plan.inputs, plan.folder


def _args_text(plan: _BuildInstead, text: str) -> str:
    """An action's `args` (one line) as the build takes them."""
    kept = text
    for start, end in sorted(plan.cuts, reverse=True):
        kept = kept[:start] + kept[end:]
    kept = re.sub(r"[ \t]{2,}", " ", kept).strip(" \t")
    return " ".join(plan.add + ([kept] if kept else []))


def _builds_then_uploads(doc: Document, item: Upload, index: Index, change, outside, secrets, notes) -> _Moved:
    """`maturin publish`, `pdm publish` and maturin-action's `command: publish` build and upload: the
    command becomes the build it made (`maturin build --release --strip --sdist --out dist`, `pdm build`),
    in its place, and the upload's options go to the publish action."""
    from codemods.publishers.maturin_action import _input  # noqa: PLC0415

    keep = outside + [e for e in change.edits if _inside(e, item.path) and _is_env_removal(e)]
    job = doc.get(("jobs", item.job_id))
    tool = item.uploader.name
    if item.field == "run":
        plan = _build_instead(item, list(item.command.words[item.args_from:]))
        script = item.script
        cmds = list(commands(script))
        if any(c.start > item.command.start for c in cmds):
            raise Refused(f"{item.label}: commands run after the upload in the same script; split by hand")
        sub = item.command.words[item.args_from - 1]
        edits = [(sub.start, sub.end, " ".join(["build"] + plan.add))]
        for s, e in join_pieces(script, plan.cuts):
            span = cut_span(script, s, e)
            if span is None:
                raise Refused(f"{item.label}: `{script[s:e]}` runs over a line continuation; split by hand")
            edits.append((*whole_line(script, *span), ""))
        end = max(e for _, e, _ in edits + [(0, item.command.end, "")])
        piece = script[sub.start:end]
        for s, e, text in sorted(edits, reverse=True):
            piece = piece[:s - sub.start] + text + piece[e - sub.start:]
        if end > item.command.end:  # its last line went: the line before continues no more
            piece = re.sub(r"[ \t]*\\(?=\r?\n$)", "", piece)
        keep.append(Replace(item.script_path, sub.start, end, piece))
        shown = " ".join(w for w in (script[item.command.start:sub.start] + piece).split() if w != "\\")
        files = _in_folder(upload_folder(job, item.step), plan.folder)
        what = f"`{shown}`"
    else:  # maturin-action's `command: publish`
        inputs = dict(item.step.get("with") or {})
        args_key = _input(inputs, "args")
        text = str(inputs[args_key]) if args_key is not None else ""
        plan = _maturin_build(list(item.command.words))
        new_args = _args_text(plan, text)
        with_path = item.path + ("with",)
        keep += [Set(with_path + (_input(inputs, "command"),), "build"), Set(with_path + (args_key or "args",), new_args)]
        wd = inputs.get(_input(inputs, "working-directory") or "working-directory")
        files = _in_folder(str(wd) if wd else None, plan.folder)
        what = f"`command: build`, `args: {new_args}`"
    action_inputs = dict(plan.inputs)
    if index == TESTPYPI:
        action_inputs = {"repository-url": TESTPYPI.upload_url, **action_inputs}
    step = _named(item, index, action_inputs, False, job)
    moved = _Moved(item, index, step, files, False, keep, set(secrets), notes=list(notes))
    done = ", ".join(w for w, flag in (("release profile", "--release"), ("stripped", "--strip"),
                                       ("with an sdist", "--sdist")) if flag in plan.add)
    label = item.label if "in job" in item.label else step_in_job(item.label, item.job_id)
    moved.notes.append(f"{label}: `{tool} publish` built and uploaded; it now builds into `{files}` "
                       f"({what}{': ' + done + ', as `publish` did' if done else ''}) and the publishing job uploads")
    return moved


def _get(data: Any, path: YamlPath) -> Any:
    for k in path:
        data = data[k]
    return data


def _is_comment(line: str) -> bool:
    return not line.strip() or line.strip().startswith("#")


def _cut_upload(script: str, item: Upload) -> Tuple[int, int]:
    """The part of the script that goes with the upload: its last command, on lines of its own (to the
    end of the script) or after `&&`/`;` on the line of the command before it (`build && upload`)."""
    cmds = list(commands(script))
    at = next(i for i, c in enumerate(cmds) if c.start == item.command.start)
    if cmds[at + 1:]:
        raise Refused(f"{item.label}: commands run after the upload in the same script; split by hand")
    start = script.rfind("\n", 0, item.command.start) + 1
    if script[start:item.command.start].strip():
        joint = script[cmds[at - 1].end:item.command.start] if at else ""
        if at and joint.strip() in ("&&", ";") and "\n" not in joint:
            rest = script[item.command.end:]
            if rest.strip():
                raise Refused(f"{item.label}: something follows the upload on its line; split by hand")
            return cmds[at - 1].end, item.command.end
        raise Refused(f"{item.label}: the upload is chained to other commands on its line; split by hand")
    before = script[:start]
    tail = re.sub(r"#[^\n]*", "", before).rstrip()
    if tail.endswith(("&&", "||", "|", "\\")):
        raise Refused(f"{item.label}: the upload is chained to the command before it; split by hand")
    return start, len(script)


def _action_inputs(item: Upload, index: Index) -> Tuple[Dict[str, Any], Optional[str]]:
    """The action's inputs for an upload command's options, and the files it named."""
    words = item.command.words[item.args_from:]
    used = {id(x) for f in item.flags for x in (f.flag, f.value) if x is not None}
    inputs: Dict[str, Any] = {}
    if index == TESTPYPI:
        inputs["repository-url"] = TESTPYPI.upload_url
    files: List[str] = []
    skip = 0
    for at, word in enumerate(words):
        if skip:
            skip -= 1
            continue
        if id(word) in used:
            continue
        v = word.value
        name = v.split("=", 1)[0]
        if name in FILES_FLAGS.get(item.uploader.name, ()) or (
                v[:2] in FILES_FLAGS.get(item.uploader.name, ()) and not v.startswith("--")):
            folder = v.partition("=")[2] if "=" in v else v[2:] if len(v) > 2 and not v.startswith("--") else None
            if folder is None:
                skip = 1
                folder = words[at + 1].value if at + 1 < len(words) else ""
            files.append(_folder(folder))
        elif name in ACTION_FLAGS:
            arity, key = ACTION_FLAGS[name]
            skip = arity if "=" not in v else 0
            if key:
                inputs[key] = True
        elif v.startswith("-"):
            raise Refused(f"{item.label}: the publish action has no equivalent for `{v}`; split by hand")
        else:
            files.append(v)
    return inputs, _common_folder(files) if files else None


def _named(item: Any, index: Index, inputs: Dict[str, Any], whole: bool, job: Dict[str, Any]) -> Dict[str, Any]:
    step: Dict[str, Any] = {}
    name = item.step.get("name")
    if whole and isinstance(name, str) and not re.search(r"(?i)\b(twine|poetry|uv|hatch|flit|pdm|maturin)\b", name):
        step["name"] = name
    elif _names_steps(job) or (whole and isinstance(name, str)):
        step["name"] = f"Publish to {index.title}"
    step["uses"] = f"{gh_action.ACTION}@{gh_action.RECOMMENDED_REF}"
    if "continue-on-error" in item.step:
        step["continue-on-error"] = item.step["continue-on-error"]
    if inputs:
        step["with"] = inputs
    return step


def _from_action_fallback(doc: Document, item: Upload, index: Index, change, outside, secrets) -> _Moved:
    """hatch, poetry, flit: `to_action` rewrote the step into the action (Rekey) or cut the upload and
    inserted an action step after it (Insert); the action step goes to the publishing job."""
    path = item.path
    rekey = next((e for e in change.edits if isinstance(e, Rekey)), None)
    insert = next((e for e in change.edits if isinstance(e, Insert)), None)
    if rekey is not None:
        with_ = next((e.value for e in change.edits if isinstance(e, Set) and e.path == path + ("with",)), None)
        files = _folder(with_.pop("packages-dir")) if isinstance(with_, dict) and "packages-dir" in with_ else None
        step = _named(item, index, with_ or {}, True, doc.get(("jobs", item.job_id)))
        return _Moved(item, index, step, _in_folder(None, files), True, outside, secrets | secrets_in(item.step))
    if insert is None:
        raise Refused(f"{item.label}: its upload could not be separated; split by hand")
    step = dict(insert.value)
    step.pop("if", None)
    with_ = dict(step.get("with") or {})
    files = _folder(with_.pop("packages-dir")) if "packages-dir" in with_ else None
    if with_:
        step["with"] = with_
    else:
        step.pop("with", None)
    keep = outside + [e for e in change.edits if _inside(e, path) and (isinstance(e, Replace) or _is_env_removal(e))]
    return _Moved(item, index, step, files, False, keep, secrets)


def _check_movable(doc: Document, job_id: str, item: Any, step: Dict[str, Any]) -> None:
    """The step reads nothing the new job lacks: another step's outputs, the matrix, the job's `env:`."""
    text = repr(step)
    for expr in EXPRESSION.findall(text):
        for ctx in _contexts(expr):
            if ctx in ("steps", "matrix", "strategy", "job", "runner", "needs") or (
                    ctx == "env" and isinstance((doc.get(("jobs", job_id)) or {}).get("env"), dict)):
                raise Refused(f"{item.label} reads `{ctx}.` in `{expr}`, which the publishing job would not have; "
                              "split by hand")


# ---- where the files are ---------------------------------------------------------------------------
def _folder(path: str) -> str:
    path = path.strip()
    return path.rstrip("/") + "/" if path else DIST


def _common_folder(files: List[str]) -> str:
    """One path for the files an upload names: itself, or the folder they share (`dist/*` -> `dist/`)."""
    if len(files) == 1:
        f = files[0]
        if f.endswith("/*") or f.endswith("/"):
            return f.rsplit("/", 1)[0] + "/"
        return f if f != "*" else "./"
    folders = {f.rsplit("/", 1)[0] if "/" in f else "." for f in files}
    if len(folders) == 1:
        return folders.pop() + "/"
    raise Refused("the upload names files in several folders; split by hand")


def _in_folder(wd: Optional[str], path: Optional[str]) -> Optional[str]:
    if path is None or not wd or not wd.strip("./") or path.startswith("/"):
        return path
    return wd.rstrip("/") + "/" + (path[2:] if path.startswith("./") else path)


def _working_directory(doc: Document, item: Any) -> Optional[str]:
    i, job_id = item.step_index, item.job_id
    for path in (("jobs", job_id, "steps", i, "working-directory"), ("jobs", job_id, "defaults", "run", "working-directory"),
                 ("defaults", "run", "working-directory")):
        wd = doc.get(path)
        if wd is not None:
            return str(wd)
    return None


def _files(doc: Document, job_id: str, moved: List[_Moved]) -> str:
    """The artifact's path: what the uploads named, else where the job's build writes, else `dist/`."""
    named = {m.files for m in moved if m.files}
    if len(named) > 1:
        raise Refused(f"its uploads take different files ({', '.join(sorted(named))}); split by hand")
    if named:
        return named.pop()
    built = build_output(doc, job_id, min(m.item.step_index for m in moved))
    return built or DIST


def build_output(doc: Document, job_id: str, before: int) -> Optional[str]:
    """Where the job's last build before step `before` writes its distributions, if a build is seen."""
    job = doc.get(("jobs", job_id)) or {}
    found = None
    for i, step in steps(job):
        if i >= before:
            break
        wd = doc.get(("jobs", job_id, "steps", i, "working-directory")) or doc.get(
            ("jobs", job_id, "defaults", "run", "working-directory")) or doc.get(("defaults", "run", "working-directory"))
        script = step.get("run")
        if isinstance(script, str):
            for cmd in commands(script):
                out = _command_output([w.value for w in cmd.words])
                if out:
                    found = _in_folder(str(wd) if wd else None, out)
        for action, (key, default) in BUILD_ACTIONS.items():
            if uses_action(step, action) is None or key is None:
                continue
            inputs = step.get("with") if isinstance(step.get("with"), dict) else {}
            if key == "args":
                if str(inputs.get("command", "build")).strip() not in ("build", ""):
                    continue
                words = str(inputs.get("args") or "").split()
                out = _flag_value(words, ("-o", "--out")) or default
            else:
                out = str(inputs.get(key) or default)
            wd_in = inputs.get("working-directory") if key == "args" else None
            found = _in_folder(str(wd_in) if wd_in else None, _folder(out))
    return found


def _command_output(words: List[str]) -> Optional[str]:
    from codemods.uploaders.command_line import strip_wrappers, tool_word  # noqa: PLC0415 (one reader of commands)
    from codemods.shell import Word

    at = strip_wrappers([Word(w, 0, 0) for w in words])
    if at >= len(words):
        return None
    tool = tool_word(words[at])
    if tool in ("python", "python3") and "setup.py" in words[at:]:
        if any(w in ("sdist", "bdist_wheel") for w in words):
            return _folder(_flag_value(words, ("-d", "--dist-dir")) or "dist")
        return None
    if tool in ("pip", "pip3") and at + 1 < len(words) and words[at + 1] == "wheel":
        out = _flag_value(words, ("-w", "--wheel-dir"))
        return _folder(out) if out else None
    spec = BUILDERS.get(tool)
    if spec is None:
        return None
    sub, flags, default, takes_source = spec
    rest = words[at + 1:]
    if sub is not None:
        if not rest or rest[0] != sub:
            return None
        rest = rest[1:]
    out = _flag_value(rest, flags)
    if out:
        return _folder(out)
    if tool == "hatch":
        pos = [w for w in rest if not w.startswith("-")]
        return _folder(pos[0]) if pos else _folder(default)
    if takes_source:
        pos = [w for w in rest if not w.startswith("-")]
        if pos and pos[0] not in (".", "./"):
            return _folder(pos[0].rstrip("/") + "/" + default)
    return _folder(default)


def _flag_value(words: List[str], flags: Tuple[str, ...]) -> Optional[str]:
    for i, w in enumerate(words):
        for f in flags:
            if w == f and i + 1 < len(words):
                return words[i + 1]
            if f.startswith("--") and w.startswith(f + "="):
                return w.split("=", 1)[1]
            if not f.startswith("--") and w.startswith(f) and len(w) > len(f):
                return w[len(f):]
    return None


# ---- matrix, names, conditions ----------------------------------------------------------------------
def _matrix(job: Dict[str, Any]) -> Optional[Any]:
    strategy = job.get("strategy")
    if not isinstance(strategy, dict) or "matrix" not in strategy:
        return None
    return strategy["matrix"]


def _leg_keys(matrix: Any) -> Optional[List[str]]:
    """Matrix keys whose values tell the legs apart, when they can name an artifact."""
    if not isinstance(matrix, dict):
        return None
    keys = [k for k in matrix if k not in ("include", "exclude")]
    include = matrix.get("include") if isinstance(matrix.get("include"), list) else []
    if not keys and include:  # legs listed one by one: the fewest keys that tell them apart
        if not all(isinstance(e, dict) for e in include):
            return None
        common = [k for k in include[0] if all(k in e for e in include)]
        unique = [combo for n in range(1, len(common) + 1) for combo in itertools.combinations(common, n)
                  if len({tuple(repr(e[k]) for k in combo) for e in include}) == len(include)]
        if not unique:
            return None
        keys = list(unique[0])
    values: List[Any] = []
    for k in keys:
        vals = matrix[k] if k in matrix else [e.get(k) for e in include]
        if not isinstance(vals, list) or not all(isinstance(v, (str, int, float, bool)) for v in vals):
            return None
        values += vals
    if not keys or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*(,[A-Za-z_][A-Za-z0-9_-]*)*", ",".join(map(str, keys))):
        return None
    if any(ARTIFACT_NAME_BAD.search(str(v)) for v in values):
        return None
    return [str(k) for k in keys]


def _artifact_prefix(doc: Document) -> str:
    """`dist`, or another name no artifact of the file starts with (a download by pattern would take it)."""
    taken = []
    for _, job in jobs(doc):
        for _, step in steps(job):
            if uses_action(step, UPLOAD_ARTIFACT) is not None and isinstance(step.get("with"), dict):
                taken.append(str(step["with"].get("name") or "artifact"))
    return next(p for p in ("dist", "python-dist", "pypi-dist", "dist-to-publish") + tuple(f"dist{n}" for n in range(2, 100))
                if not any(t.split("${{")[0].startswith(p) for t in taken))


def _artifact_name(base: str, matrix: Any) -> Tuple[str, bool]:
    """The artifact's name (with the matrix keys of its leg), and whether there is one per leg."""
    if matrix is None:
        return base, False
    keys = _leg_keys(matrix)
    if keys is None:
        return base + "-${{ strategy.job-index }}", True
    return base + "-" + "-".join("${{ matrix.%s }}" % k for k in keys), True


def _free_job_id(index: Index, taken: set) -> str:
    base = ["publish", "publish-to-pypi", "pypi-publish"] if index == PYPI else \
        ["publish-to-testpypi", "testpypi-publish", "publish-testpypi"]
    name = next((b for b in base if b not in taken), None)
    n = 2
    while name is None:
        name = f"{base[0]}-{n}" if f"{base[0]}-{n}" not in taken else None
        n += 1
    taken.add(name)
    return name


def _contexts(expr: str) -> List[str]:
    inner = expr.strip()
    if inner.startswith("${{") and inner.endswith("}}"):
        inner = inner[3:-2]
    inner = re.sub(r"'(?:[^']|'')*'", "''", inner)  # string literals name no context
    return [m.group(1) or "hashFiles" for m in CONTEXT.finditer(inner)]


def _condition_kind(cond: str) -> str:
    """`job`: a job-level `if:` can hold it; `leg`: it reads the matrix only; `other`: neither."""
    if STATUS.search(cond):
        return "other"
    ctxs = set(_contexts(cond))
    if ctxs <= set(JOB_CONTEXTS):
        return "job"
    if ctxs <= set(JOB_CONTEXTS + LEG_CONTEXTS) and ctxs & set(LEG_CONTEXTS) and not ctxs & set(JOB_CONTEXTS):
        return "leg"
    return "other"


def _step_if(m: _Moved) -> Optional[str]:
    cond = m.item.step.get("if")
    if cond is None or (isinstance(cond, bool) and cond):
        return None
    cond = str(cond).strip() if not isinstance(cond, bool) else "false"
    kind = _condition_kind(cond)
    if kind == "other":
        raise Refused(f"{m.item.label} runs `if: {cond}`, which a job of its own cannot test; split by hand")
    return cond


def _job_if_of(m: _Moved) -> Optional[str]:
    cond = _step_if(m)
    return cond if cond is not None and _condition_kind(cond) == "job" else None


def _leg_condition(moved: List[_Moved]) -> Optional[str]:
    legs = {c for c in (_step_if(m) for m in moved) if c is not None and _condition_kind(c) == "leg"}
    if not legs:
        return None
    if len(legs) > 1 or any(_step_if(m) is None for m in moved):
        raise Refused("its uploads run on different matrix legs; split by hand")
    return legs.pop()


def _job_condition(job: Dict[str, Any]) -> Optional[str]:
    """The build job's `if:` when a job of its own can test it too (else `needs:` carries it)."""
    cond = job.get("if")
    if cond is None or isinstance(cond, bool):
        return None
    cond = str(cond).strip()
    return cond if _condition_kind(cond) == "job" else None


def _environments(w, job_id: str, order: List[Index], project: Optional[str]):
    """The environment of each publishing job: the build job's (which it gives up when nothing else
    of it needs one), or the default one per index."""
    job = w.jobs[job_id]
    choice: EnvironmentChoice = w.options.environment
    edits: List[Edit] = []
    notes: List[str] = []
    out: Dict[Index, Any] = {}
    if "environment" in job:
        env = job["environment"]
        if any(EXPRESSION.search(str(v)) and set(_contexts(str(v))) - set(JOB_CONTEXTS)
               for v in ([env] if not isinstance(env, dict) else env.values())):
            raise Refused("its `environment:` reads the matrix or steps; split by hand")
        rest = {k: v for k, v in job.items() if k != "environment"}
        still = sorted(secrets_in(rest) - {"GITHUB_TOKEN"} - set().union(*(secrets_in(w.doc.get(s.path)) for s in
                                                                           _upload_steps(w, job_id))))
        if still:
            notes.append(f"job `{job_id}` keeps its environment too: it still reads "
                         f"{', '.join(f'`secrets.{s}`' for s in still)}")
        else:
            edits.append(Remove(("jobs", job_id, "environment")))
            notes.append(f"job `{job_id}`: its environment moved to the publishing job"
                         f"{'s' if len(order) > 1 else ''}")
        for index in order:
            out[index] = env
        return edits, out, notes
    for index in order:
        if choice.disabled:
            out[index] = None
            continue
        name = choice.name if choice.name and (index == PYPI or len(order) == 1) else index.key
        out[index] = {"name": name, "url": f"{index.site}/p/{project}"} if project else name
    return edits, out, notes


def _upload_steps(w, job_id: str):
    from codemods.publishers.publisher import find_publishing  # noqa: PLC0415

    return [s for s in find_publishing(w.doc, w.repo.root) if s.job_id == job_id]


def _one_publish_step(group: List[_Moved], pins: "_Pins") -> Dict[str, Any]:
    """One action step per index: every upload there takes the merged distributions. A moved action
    step keeps its ref (a SHA with its comment); a new one follows the file's pins."""
    m = group[0]
    step = dict(m.step)
    own = m.own_uses
    if own is not None and SHA.fullmatch(own.partition("@")[2].strip()):
        comment = pins.comment(m.item.path + ("uses",))
        step["uses"] = Commented(own, *comment) if comment else own
    elif own is None:
        step["uses"] = pins.ref(gh_action.ACTION)
    return step


def _names_steps(job: Dict[str, Any]) -> bool:
    named = [s for _, s in steps(job) if "name" in s]
    return len(named) * 2 >= len(steps(job))


def _and(names) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
