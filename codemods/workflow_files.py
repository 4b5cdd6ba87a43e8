"""Which files a run reads as workflows, and reading one: the folders and files the user named
(never through a link out of the repository), the bytes, and the skeleton GitHub requires before
anything is planned. Shared by the migrations and the doctor."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, List, Optional, Tuple

from codemods.engine.document import Document
from codemods.engine.source import Source
from codemods.errors import InputError, Unsupported
from codemods.project import find_root, leads_outside, root_for, workflows_folder

WORKFLOW_SUFFIXES = (".yml", ".yaml")


def discover(paths: Iterable[Path], cwd: Path) -> Tuple[List[Path], List[str]]:
    """Workflow files named by the user (folders searched for *.yml / *.yaml), and path errors."""
    out: List[Path] = []
    errors: List[str] = []
    home = find_root(cwd)
    for p in paths:
        if not p.exists() and not p.is_symlink():
            errors.append(f"{p}: no such file or folder")
        elif p.is_dir():
            where = home or root_for(p / "workflow.yml")
            if home is not None and home != Path(os.path.abspath(p)) and home not in Path(os.path.abspath(p)).parents:
                errors.append(f"{p}: outside the repository at {home}; run pubmode from the repository that holds it")
                continue
            if leads_outside(p, where):
                errors.append(f"{p}: a symbolic link leads out of the repository at {where} (to "
                              f"{os.path.realpath(p)}); not followed")
                continue
            try:
                found = _workflow_files(p)
            except OSError as e:  # deleted or made unreadable while it was being listed
                errors.append(f"{p}: cannot list the folder: {e.strerror or e}")
                continue
            if not found:
                errors.append(f"{p}: no workflow files (*.yml, *.yaml) in this folder")
            out += found
        elif home is not None and home not in Path(os.path.abspath(p)).parents:
            errors.append(f"{p}: outside the repository at {home}; run pubmode from the repository that holds it")
        else:
            out.append(p)
    seen, unique = set(), []
    for p in out:
        key = os.path.abspath(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique, errors


def _workflow_files(folder: Path) -> List[Path]:
    """The *.yml / *.yaml files below `folder`; inside a `.github/workflows` folder only its own files,
    since GitHub runs no workflow from a subfolder of it. A folder that holds a GitLab pipeline or a
    `.github/workflows` folder (a repository's root, as in `migrate to-oidc .`) gives that pipeline, which
    reads the files it includes itself, and its GitHub workflows: its other YAML files (included pipeline
    files, .pre-commit-config.yaml, mkdocs.yml, …) are not workflows."""
    found = sorted(q for q in folder.rglob("*") if q.suffix in WORKFLOW_SUFFIXES and (q.is_file() or q.is_symlink())
                   and not _in_workflows_subfolder(q))
    if (folder / ".gitlab-ci.yml").is_file() or (folder / ".github" / "workflows").is_dir():
        found = [q for q in found if q == folder / ".gitlab-ci.yml" or _in_workflows_folder(q.relative_to(folder))]
    return found


def _in_workflows_folder(rel: Path) -> bool:
    return rel.parts[:2] == (".github", "workflows")


def _in_workflows_subfolder(path: Path) -> bool:
    parts = path.parts
    return any(parts[i] == ".github" and parts[i + 1] == "workflows" for i in range(len(parts) - 3))


def default_paths(cwd: Path) -> List[Path]:
    """The `.github/workflows` folder of the repository around `cwd`, and its GitLab pipeline
    (`.gitlab-ci.yml` at the root of the repository, or of the folder holding the workflows)."""
    folder = workflows_folder(cwd)
    top = folder.parent.parent if folder is not None else find_root(cwd)
    pipeline = [top / ".gitlab-ci.yml"] if top is not None and (top / ".gitlab-ci.yml").is_file() else []
    if folder is None and not pipeline:
        raise InputError(cwd, None, "no .github/workflows folder (nor .gitlab-ci.yml) here or above (up to the git "
                         "root); name the workflow files or folders to migrate")
    return ([folder] if folder is not None else []) + pipeline


def shown_path(path: Path, root: Path) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def check_shape(doc: Document, path: Optional[Path]) -> None:
    """A workflow's skeleton must have the types GitHub requires before anything is edited."""
    all_jobs = doc.get(("jobs",))
    if not isinstance(all_jobs, dict):
        raise InputError(path, doc.line_of(("jobs",)), "not a workflow: `jobs:` is missing or not a mapping")
    for job_id, job in all_jobs.items():
        if not isinstance(job_id, str):
            raise InputError(path, _job_key_line(doc, job_id), _job_id_problem(job_id))
        if not isinstance(job, dict):
            raise InputError(path, doc.line_of(("jobs", job_id)), f"job `{job_id}` is not a mapping")
        if "steps" in job:
            seq = job["steps"]
            if not isinstance(seq, list):
                raise InputError(path, doc.line_of(("jobs", job_id, "steps")), f"`steps` of job `{job_id}` is not a list")
            for i, step in enumerate(seq):
                if not isinstance(step, dict):
                    raise InputError(path, doc.line_of(("jobs", job_id, "steps", i)),
                                     f"step {i + 1} of job `{job_id}` is not a mapping")


def _job_id_problem(job_id: object) -> str:
    """GitHub reads a key as its text: `true:` is job "true", while `1:` and `~:` are ids it rejects
    (they must start with a letter or `_`). Either way the job is refused here, with the fix."""
    if job_id is None:
        text = "~"
    elif isinstance(job_id, bool):
        text = str(job_id).lower()
    else:
        text = str(job_id)
    if isinstance(job_id, bool):
        return (f"job id `{text}` is read as a YAML boolean, not a name; quote it (`'{text}':`) "
                "or rename the job")
    return (f"job id `{text}` is not a valid GitHub job id (it must be a name starting with a letter or `_`); "
            "rename the job")


def _job_key_line(doc: Document, job_id: object) -> Optional[int]:
    """The line of a job whose key is not a string (found by position: keys of one mapping are unique)."""
    position = list(doc.get(("jobs",))).index(job_id)
    try:
        node = doc.node(("jobs",))
        return node.value[position][0].start_mark.line + 1
    except (KeyError, IndexError, AttributeError, Unsupported):
        return doc.line_of(("jobs",))


def read_workflow(path: Path, root: Path) -> Source:
    """The workflow's bytes, unless a link (the file's or a folder's on the way) leads out of the repository."""
    if leads_outside(path, root):
        target = "folder" if path.is_dir() else "file"
        what = f"a symbolic link to a {target}" if path.is_symlink() else "reached through a linked folder that leads"
        raise InputError(path, None, f"is {what} outside the repository; not followed")
    if path.is_symlink() and not path.exists():  # exists() follows the link: dangling, or a loop of links
        raise InputError(path, None, "is a symbolic link that leads nowhere (dangling, or a loop of links)")
    if not path.exists():
        raise InputError(path, None, "no such file")
    return Source.read(path)
