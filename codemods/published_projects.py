"""Which PyPI projects a publishing job uploads: the one thing both `migrate` (what to register, the
environment's URL) and `doctor` (the publishers a trusted job needs) must agree on.

A job publishes its repository's project, or the one in the folder it builds in, or the name a step
gives the project before the build (see `renames`), or, when its upload steps run in folders holding
different projects (a monorepo's `working-directory: ./azure-kusto-data`, then `./azure-kusto-ingest`),
each of those; a matrix's legs count as steps of their own (`packages-dir: ${{ matrix.package.directory }}/dist/`
with the folders written in the job's `strategy.matrix`), and a folder the workflow does not name (a matrix from
`fromJSON(…)`) leaves the project to the user, one publisher per project.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, List, Optional, Sequence, Tuple

from codemods.project import Repository, built_project, upload_projects
from codemods.renames import job_rename


@dataclass(frozen=True)
class Published:
    project: Optional[str]  # the job's one project (the environment URL's); None when unknown or several
    registered: List[Optional[str]] = field(default_factory=list)  # one publisher to register per entry
    notes: List[str] = field(default_factory=list)
    unknown: str = ""  # why a project is not known (None in `registered`), when not for want of a package name
    chosen: str = ""  # where the job picks the project it builds at run time (a matrix key, an input), if it may

    @property
    def matrix_note(self) -> Optional[str]:
        """The note of a matrix or an input that may pick other projects than the one named (`_chosen_projects`)."""
        return next((n for n in self.notes if "which its steps read" in n or "which each run chooses" in n), None)


def published_projects(repo: Repository, all_jobs: dict, job_id: str, step_indexes: Sequence[int],
                       workflow_env: Optional[dict] = None, inputs: Optional[dict] = None) -> Published:
    job = all_jobs.get(job_id) if isinstance(all_jobs.get(job_id), dict) else {}
    return _with_url(job_id, environment_project(job),
                     _from_build(repo, all_jobs, job_id, job, step_indexes, workflow_env, inputs))


# The project page an environment's `url:` names (https://pypi.org/p/NAME, /project/NAME/, test.pypi.org alike)
_PROJECT_URL = re.compile(r"https?://(?:test\.)?pypi\.org/(?:p|project)/([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)"
                          r"(?:/[^\s]*)?", re.I)


def environment_project(job: Any) -> Optional[str]:
    """The project the job's `environment.url` names: the author's own word on what the job publishes."""
    env = job.get("environment") if isinstance(job, dict) else None
    url = env.get("url") if isinstance(env, dict) else None
    found = _PROJECT_URL.fullmatch(url.strip()) if isinstance(url, str) else None
    return found.group(1) if found else None


def normalized(name: str) -> str:
    """A project name as PyPI compares it (PEP 503): `awkward_cpp` is `awkward-cpp`."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _with_url(job_id: str, named: Optional[str], found: Published) -> Published:
    """What the build says, reconciled with the environment URL the job already writes: the URL wins where the
    build says nothing or another project, and a disagreement is said, never passed over."""
    if named is None:
        return found
    known = [p for p in found.registered if p]
    if any(normalized(p) == normalized(named) for p in known):
        return found
    if len(known) > 1 or found.chosen:
        return Published(found.project, found.registered, found.notes + [
            f"job `{job_id}`'s environment URL names `{named}`, which is not among the projects pubmode reads from "
            "its build: check which project it uploads, and register a publisher for that one"], found.unknown,
            found.chosen)
    if known:
        note = (f"job `{job_id}`'s environment URL names `{named}`, but pubmode reads its build as `{known[0]}`: "
                f"the publisher is registered for `{named}`, the project the URL names; if the job uploads "
                f"`{known[0]}`, register that one instead and correct the URL")
        return Published(named, [named], found.notes + [note])
    why = f" (pubmode cannot read it from the build: {found.unknown})" if found.unknown else ""
    return Published(named, [named], [f"job `{job_id}` publishes `{named}`, the project its environment URL names{why}"])


def _from_build(repo: Repository, all_jobs: dict, job_id: str, job: dict, step_indexes: Sequence[int],
                workflow_env: Optional[dict], inputs: Optional[dict]) -> Published:
    rename = job_rename(repo.root, job, min(step_indexes, default=0))
    if rename is not None and rename.name:
        return Published(rename.name, [rename.name], [
            f"job `{job_id}` publishes `{rename.name}`: {rename.step} renames the project before the build, so its "
            "publisher is registered for that name"])
    if rename is not None:
        return Published(None, [None], [f"job `{job_id}`: {rename.step} rewrites the project's name before the "
                                        "build; register the publisher for the name it builds"])
    by_input = _input_choices(repo, job_id, job, step_indexes, inputs or {})
    if by_input is not None:
        return by_input
    names, unknown = upload_projects(repo, job, step_indexes)
    if unknown is not None:
        return Published(None, [None], [
            f"job `{job_id}` uploads from `{unknown}`, a folder chosen at run time that the workflow does not name "
            "(a matrix it does not write out, an output): register a publisher for each project it uploads"],
            unknown=f"the job uploads from `{unknown}`, chosen at run time")
    several = [n for n in names if n]
    if len(several) > 1:
        return Published(None, several + [None] * (None in names), [
            f"job `{job_id}` publishes {len(several)} projects ({', '.join(f'`{n}`' for n in several)}) from their "
            "folders" + (", and more from a folder that names no package" if None in names else "") +
            ": register a publisher for each; the environment gets no project URL"])
    if several and None in names:  # one folder names its package, another none: not the root's project
        return Published(None, several + [None], [
            f"job `{job_id}` publishes `{several[0]}` and more from a folder that names no package: register a "
            "publisher for each; the environment gets no project URL"])
    built = _uv_builds(repo, job)
    if built is not None and built[1]:
        return Published(None, [None], [
            f"job `{job_id}` builds a package chosen at run time (`{built[1]}`): register a publisher for each "
            "project it uploads"], unknown=f"the job builds `{built[1]}`, a package chosen at run time")
    if built is not None and len(built[0]) > 1:
        names = built[0]
        return Published(None, names, [
            f"job `{job_id}` publishes {len(names)} projects ({', '.join(f'`{n}`' for n in names)}) it builds with "
            "`uv build`: register a publisher for each; the environment gets no project URL"])
    whole, left_out = _workspace_built_whole(repo, all_jobs, job_id, job, step_indexes)
    if whole:
        out = "".join(f"; `{n}` is not uploaded ({why}): no publisher for it" for n, why in left_out)
        return Published(None, whole, [
            f"job `{job_id}` publishes every project of the uv workspace it builds whole (`uv build --all`: "
            f"{', '.join(f'`{n}`' for n in whole)}): register a publisher for each; the environment gets no project URL"
            + out])
    projects, why = built_project(repo, all_jobs, job_id, workflow_env)
    if why:  # a workspace root's name where the job builds in a member: left to the user, with the reason
        return Published(None, [None], [f"job `{job_id}`: {why}, so its name is not the project: register the "
                                        "publisher for the project the job builds"], unknown=why)
    if len(projects) > 1:
        return Published(None, projects, [
            f"job `{job_id}` publishes {len(projects)} projects ({', '.join(f'`{n}`' for n in projects)}) from the "
            "artifacts it downloads: register a publisher for each; the environment gets no project URL"])
    project = projects[0] if projects else None
    chosen = _chosen_projects(job, inputs or {})
    if chosen is None:
        return Published(project, [project])
    where, what = chosen
    return Published(project, [project], [
        f"job `{job_id}` {what}, which its steps read: if they build different projects, register a publisher on "
        f"each (pubmode names `{project or '<project name>'}`, the project of the folder it uploads from; a token a "
        "publisher mints can upload only its own project)"], chosen=f"job `{job_id}`: {where}")


_BUILD_ALL = re.compile(r"\buv\s+build\b[^\n;&|]*\s--all(?:-packages)?\b")


def _uv_builds(repo: Repository, job: dict) -> Optional[Tuple[List[str], str]]:
    """The projects the job's `uv build` commands build when one names another package than the folder's
    (`uv build --package b`, `uv build operators/x`), each once, and the word of one chosen at run time
    (tattle-made/feluda: `uv build $pkg` in a loop over a file's list), if any; None when no command names
    a package (the folder's project stands, as read elsewhere)."""
    from codemods.follow.calls import located_commands, step_start
    from codemods.project import project_name
    from codemods.uploaders.command_line import tool_word

    names: List[str] = []
    named = False
    for step in job.get("steps") or []:
        run = step.get("run") if isinstance(step, dict) else None
        if not isinstance(run, str) or "uv" not in run or "build" not in run:
            continue
        for cmd, folder, _ in located_commands(run, step_start(job, step)[0]):
            words = [w.value for w in cmd.words]
            texts = [w.text for w in cmd.words]
            if len(words) < 2 or tool_word(words[0]) != "uv" or words[1] != "build":
                continue
            base = repo.root / (folder or "") if folder != "/" else None
            package = next((texts[i + 1] for i, w in enumerate(words[:-1]) if w == "--package"), None) or next(
                (t.split("=", 1)[1] for t in texts if t.startswith("--package=")), None)
            source = texts[2] if len(texts) > 2 and not words[2].startswith("-") else None
            given = package or source
            if given is not None and ("$" in given or "`" in given):
                return names, given
            if base is None:
                continue
            if package is not None:
                name = package.strip("'\"")
                named = True
            elif source is not None:
                name = project_name(base / words[2])
                named = True
            else:
                name = project_name(base)
            if name and name not in names:
                names.append(name)
    return (names, "") if named else None


def _workspace_built_whole(repo: Repository, all_jobs: dict, job_id: str, job: dict,
                           step_indexes: Sequence[int] = ()) -> Tuple[List[str], List[Tuple[str, str]]]:
    """The projects of a uv workspace that the job, or a job it needs, builds whole (`uv build --all`, also
    `--all-packages`): the root's, when it is a package, and each member's (pydantic/logfire: `logfire` and
    `logfire-api` in one upload). [] when no such build, or fewer than two projects. Apart, with why, the
    members it never uploads (crewAIInc/crewAI's `crewai-devtools`): one PyPI refuses (`never_uploaded`), or
    one the upload steps' loop skips by name (`skipped_in_loop`)."""
    from codemods.follow.calls import step_start
    from codemods.project import never_uploaded, project_name, pyproject_name, workspace_members

    needs = job.get("needs")
    names = [job_id] + ([needs] if isinstance(needs, str) else [n for n in needs or [] if isinstance(n, str)])
    for name in names:
        other = all_jobs.get(name) if isinstance(all_jobs.get(name), dict) else {}
        for step in other.get("steps") or []:
            run = step.get("run") if isinstance(step, dict) else None
            if not isinstance(run, str) or not _BUILD_ALL.search(run):
                continue
            folder = repo.root / (step_start(other, step)[0] or "")
            files = [folder / "pyproject.toml"] + [p / "pyproject.toml" for m in workspace_members(folder)
                                                   for p in sorted(folder.glob(m)) if (p / "pyproject.toml").is_file()]
            found = [project_name(folder)] + [pyproject_name(f) for f in files[1:]]
            why = {n: never_uploaded(f) or skipped_in_loop(job, step_indexes, n) for n, f in zip(found, files) if n}
            found = list(dict.fromkeys(n for n in found if n))
            if len(found) < 2:
                return [], []
            return [n for n in found if not why[n]], [(n, why[n]) for n in found if why[n]]
    return [], []


# An upload loop's skip by name: `if [[ "$package" == *"crewai_devtools"* ]]; then … continue … fi` (crewAI's
# publish.yml), or `[[ "$f" == *name* ]] && continue`
_SKIP = re.compile(r"\[\[\s*\"?\$\{?\w+\}?\"?\s*==?\s*(?P<glob>[^\s\]]+)\s*\]\]\s*(?:;\s*then\b"
                   r"(?:(?!\b(?:fi|else|elif)\b)[\s\S])*?\bcontinue\b|&&\s*continue\b)")


def skipped_in_loop(job: dict, step_indexes: Sequence[int], name: str) -> str:
    """Why the job's upload steps never upload `name`'s files: a loop over them that skips those (its wheel and
    sdist file names match the glob it tests), or ""."""
    from fnmatch import fnmatchcase

    steps = job.get("steps") if isinstance(job.get("steps"), list) else []
    stem = re.sub(r"[-_.]+", "_", name).lower()
    files = (f"dist/{stem}-1.0-py3-none-any.whl", f"dist/{stem}-1.0.tar.gz")
    for i in step_indexes:
        run = steps[i].get("run") if i < len(steps) and isinstance(steps[i], dict) else None
        for m in _SKIP.finditer(run if isinstance(run, str) else ""):
            glob = m.group("glob").replace('"', "").replace("'", "")
            if all(fnmatchcase(f, glob) for f in files):
                return f"the upload loop skips `{glob}`"
    return ""


# matrix keys and workflow inputs that name what a run builds (tiangolo/asyncer: `package: [asyncer, asyncer-slim]`;
# posit-dev/rsconnect-python: `package_name: [rsconnect_python, rsconnect]`; PGScatalog/pygscatalog: a
# workflow_dispatch choice `package`)
_PROJECT_KEY = re.compile(r"(package|project|pkg|library|component|distribution|dist)s?([-_]?names?)?", re.I)


def workflow_inputs(doc: Any) -> dict:
    """The inputs a run of the workflow is given (`workflow_dispatch`, `workflow_call`), by name."""
    on = doc.get(("on",))
    out: dict = {}
    for event in ("workflow_dispatch", "workflow_call"):
        spec = on.get(event) if isinstance(on, dict) else None
        given = spec.get("inputs") if isinstance(spec, dict) else None
        if isinstance(given, dict):
            out.update({str(k): v for k, v in given.items() if str(k) not in out})
    return out


def _input_ref(key: str) -> "re.Pattern[str]":
    return re.compile(r"\$\{\{\s*(?:github\s*\.\s*event\s*\.\s*)?inputs\s*\.\s*" + re.escape(key) + r"\s*\}\}")


def _input_choices(repo: Repository, job_id: str, job: dict, step_indexes: Sequence[int],
                   inputs: dict) -> Optional[Published]:
    """A job uploading from the folder a `choice` input names (langchain-ai/langchain-aws `_release.yml`:
    `packages-dir: ${{ inputs.working-directory }}/dist/`, the options `libs/aws`, …): the project of each
    option's folder, one publisher each; None when no upload folder reads such an input."""
    steps = job.get("steps") if isinstance(job.get("steps"), list) else []
    defaults = job.get("defaults") if isinstance(job.get("defaults"), dict) else {}
    run = defaults.get("run") if isinstance(defaults.get("run"), dict) else {}
    texts = [run.get("working-directory")]
    for i in step_indexes:
        step = steps[i] if i < len(steps) and isinstance(steps[i], dict) else {}
        w = step.get("with") if isinstance(step.get("with"), dict) else {}
        texts += [step.get("working-directory"), step.get("run")] + \
            [w.get(k) for k in ("packages-dir", "packages_dir", "working-directory")]
    for key, spec in inputs.items():
        options = spec.get("options") if isinstance(spec, dict) and spec.get("type") == "choice" else None
        values = [str(o) for o in options if isinstance(o, (str, int, float))] if isinstance(options, list) else []
        ref = _input_ref(str(key))
        if not values or not any(isinstance(t, str) and ref.search(t) for t in texts):
            continue
        names: List[Optional[str]] = []
        for value in values:
            found, unknown = upload_projects(repo, _put(job, ref, value), step_indexes)
            if unknown is not None:
                return None
            names += [n for n in found or [None] if n not in names]
        listed = ", ".join(f"`{v}`" for v in values)
        if len(names) == 1:
            return Published(names[0], names)
        shown = ", ".join(f"`{n}`" for n in names if n) + (" and a folder that names no package" if None in names else "")
        return Published(None, names, [
            f"job `{job_id}` uploads from the folder its input `{key}` names ({listed}), which each run chooses: "
            f"register a publisher for each project ({shown}); the environment gets no project URL"],
            chosen=f"job `{job_id}`: the input `{key}` ({listed})")
    return None


def _put(value: Any, ref: "re.Pattern[str]", text: str) -> Any:
    """`value` with the input `ref` reads written out as `text`, in every string of it."""
    if isinstance(value, str):
        return ref.sub(lambda _: text, value)
    if isinstance(value, dict):
        return {k: _put(v, ref, text) for k, v in value.items()}
    if isinstance(value, list):
        return [_put(v, ref, text) for v in value]
    return value


def _chosen_projects(job: dict, inputs: dict) -> Optional[Tuple[str, str]]:
    """Where a job that uploads from one folder may build another project on each run: its matrix runs
    over packages its steps read (a build told which project to make through `env:`), or its steps read an
    input named for the package. pubmode reads the folder's project, but each run may build another, and
    a publisher mints tokens for its own project only. Said, never guessed: (where, what the job does)."""
    from codemods.matrix import legs

    text = str(job.get("steps"))
    strategy = job.get("strategy")
    matrix = strategy.get("matrix") if isinstance(strategy, dict) else None
    found = legs(job) if isinstance(matrix, dict) else None
    for key in (k for k in (matrix if found else ()) if _PROJECT_KEY.fullmatch(str(k))):
        values = list(dict.fromkeys(str(leg[key]) for leg in found if isinstance(leg.get(key), (str, int, float))))
        if len(values) > 1 and re.search(rf"\bmatrix\s*\.\s*{re.escape(str(key))}\b", text):
            listed = ", ".join(f"`{v}`" for v in values)
            return f"the matrix's `{key}` ({listed})", f"runs its matrix over `{key}` ({listed})"
    for key, spec in inputs.items():
        if isinstance(spec, dict) and spec.get("type") in ("boolean", "number"):
            continue
        if not _PROJECT_KEY.fullmatch(key) or not re.search(rf"\binputs\s*\.\s*{re.escape(key)}\b", text):
            continue
        options = spec.get("options") if isinstance(spec, dict) and spec.get("type") == "choice" else None
        values = [str(o) for o in options if isinstance(o, (str, int, float))] if isinstance(options, list) else []
        if len(values) == 1:
            continue
        listed = f" ({', '.join(f'`{v}`' for v in values)})" if values else ""
        return f"the input `{key}`{listed}", f"builds the package its input `{key}` names{listed}"
    return None
