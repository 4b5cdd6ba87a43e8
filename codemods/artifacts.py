"""Which folders' builds reach a publishing job through the artifacts it downloads.

A publish job that downloads artifacts uploads what the jobs before it built, and only what it downloads:
scikit-hep/awkward's `upload` job needs `build` (root, artifact `distributions`) and `check-cpp-on-pypi`
(builds `awkward-cpp` to compare, uploads nothing), so its project is the root's, not `awkward-cpp`'s; its
`deploy-cpp.yml` downloads `pattern: awkward-cpp*`, built by the called `reusable-build-wheels.yml` with
cibuildwheel's `package-dir: awkward-cpp`. pypa/setuptools-scm builds each uv workspace member in one matrix
leg with hynek/build-and-inspect-python-package (`path: ${{ matrix.package }}`, artifact
`Packages-${{ matrix.package }}`), and each publish job downloads one member's artifact by name.

The producers are the jobs the publish job needs, directly or through others, and the jobs of a workflow of
this repository one of them calls; each matrix leg counts on its own. A name pubmode cannot match (an
expression on both sides) matches nothing, and the caller falls back on the folders the jobs build in.
"""
from __future__ import annotations

import re
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from codemods.matrix import legs, substitute

_EXPR = re.compile(r"\$\{\{.*?\}\}", re.S)
_UPLOAD, _DOWNLOAD = "actions/upload-artifact", "actions/download-artifact"
_INSPECT = "hynek/build-and-inspect-python-package"  # uploads `Packages<upload-name-suffix>` built in `path`
_CIBUILDWHEEL = "pypa/cibuildwheel"  # builds in `package-dir`
MAX_DEPTH = 2  # called workflows followed from a called workflow


def _uses(step: Any) -> str:
    return str(step.get("uses") or "").lower().split("@", 1)[0] if isinstance(step, dict) else ""


def _with(step: dict) -> dict:
    return step.get("with") if isinstance(step.get("with"), dict) else {}


def downloads(job: dict) -> Optional[List[Optional[str]]]:
    """The artifacts the job downloads, as globs (`name:` as written, `pattern:`; an expression in either
    matches any text); None in the list: every artifact of the run. None: the job downloads none."""
    found: List[Optional[str]] = []
    for step in job.get("steps") or []:
        if _uses(step) != _DOWNLOAD:
            continue
        w = _with(step)
        given = w.get("name") if isinstance(w.get("name"), str) and w["name"].strip() else w.get("pattern")
        found.append(given.strip() if isinstance(given, str) and given.strip() else None)
    return found or None


def _glob(text: str) -> str:
    return _EXPR.sub("*", text)


def _matches(wanted: Optional[str], name: str) -> bool:
    if wanted is None:
        return True
    if _EXPR.search(name):  # a name the run makes (`${{ github.sha }}`): not matched
        return False
    return fnmatchcase(name, _glob(wanted))


def _folder(value: Any) -> Optional[str]:
    """A folder of the repository written as an input (`awkward-cpp`, `./pkg/`); None for the root, an
    expression left, or a path outside."""
    if not isinstance(value, str) or "$" in value:
        return None
    folder = value.strip().strip("/")
    folder = folder[2:] if folder.startswith("./") else folder
    return folder if folder and folder != "." and ".." not in folder and not folder.startswith("~") else None


def _leg_jobs(job: dict) -> List[dict]:
    """The job as each leg of its matrix runs it (`${{ matrix.x }}` written out where the leg gives it)."""
    found = legs(job)
    if not found:
        return [job]

    def put(value: Any, leg: dict) -> Any:
        if isinstance(value, str):
            return substitute(leg, value, strict=False)
        if isinstance(value, dict):
            return {k: put(v, leg) for k, v in value.items()}
        if isinstance(value, list):
            return [put(v, leg) for v in value]
        return value

    return [{k: (put(v, leg) if k != "strategy" else v) for k, v in job.items()} for leg in found]


def _built_in(job: dict) -> List[Optional[str]]:
    """The folders a job (one leg) builds in: where cibuildwheel or build-and-inspect is told to, or the
    folders it works in (`job_folders`); [None] (the root) when it names none."""
    from codemods.project import job_folders

    found: List[Optional[str]] = []
    for step in job.get("steps") or []:
        uses = _uses(step)
        if uses == _CIBUILDWHEEL:
            found.append(_folder(_with(step).get("package-dir")))
        elif uses == _INSPECT:
            found.append(_folder(_with(step).get("path")))
    found += [f for f in job_folders(job) if f not in found]
    return list(dict.fromkeys(found)) or [None]


def _uploads(leg: dict) -> List[Tuple[str, List[Optional[str]]]]:
    """(artifact name, folders whose build it holds) for each artifact one leg of a job uploads."""
    out: List[Tuple[str, List[Optional[str]]]] = []
    for step in leg.get("steps") or []:
        uses, w = _uses(step), _with(step) if isinstance(step, dict) else {}
        if uses == _INSPECT:
            suffix = w.get("upload-name-suffix")
            out.append(("Packages" + (suffix.strip() if isinstance(suffix, str) else ""),
                        [_folder(w.get("path"))]))
        elif uses == _UPLOAD:
            name = w.get("name") if isinstance(w.get("name"), str) and w["name"].strip() else "artifact"
            path = w.get("path") if isinstance(w.get("path"), str) else ""
            inside = re.findall(r"(?<![\w./-])(\w[\w./-]*)/(?:dist|wheelhouse)\b", path)
            out.append((name.strip(), [_folder(f) for f in inside] if inside else _built_in(leg)))
    return out


def _called_jobs(root: Path, job: dict, depth: int) -> Dict[str, dict]:
    """The jobs of the workflow of this repository a job calls (`uses: ./.github/workflows/x.yml`)."""
    from codemods.engine.document import Document
    from codemods.engine.reading import text_or_none
    from codemods.errors import InputError
    from codemods.workflow import jobs

    uses = str(job.get("uses") or "").strip()
    if depth > MAX_DEPTH or not uses.startswith("./.github/workflows/") or ".." in uses:
        return {}
    path = root / uses[2:].split("@", 1)[0]
    try:
        text = text_or_none(path) if path.is_file() else None
        doc = Document(text, path) if text else None
    except (InputError, OSError):
        return {}
    if doc is None:
        return {}
    found = {}
    for job_id, called in jobs(doc):
        if isinstance(called, dict):
            found[f"{path.name}:{job_id}"] = called
            found.update(_called_jobs(root, called, depth + 1))
    return found


def _producers(root: Path, all_jobs: dict, job_id: str) -> Dict[str, dict]:
    """The jobs that run before `job_id` (its `needs:`, theirs, …) and the jobs of workflows they call."""
    seen: Dict[str, dict] = {}
    todo = [job_id]
    while todo:
        job = all_jobs.get(todo.pop())
        needs = job.get("needs") if isinstance(job, dict) else None
        for n in [needs] if isinstance(needs, str) else needs if isinstance(needs, list) else []:
            if isinstance(n, str) and n not in seen and isinstance(all_jobs.get(n), dict):
                seen[n] = all_jobs[n]
                seen.update(_called_jobs(root, all_jobs[n], 1))
                todo.append(n)
    return seen


def downloaded_sources(root: Path, all_jobs: dict, job_id: str, workflow_env: Optional[dict] = None
                       ) -> Optional[Tuple[List[Optional[str]], List[dict]]]:
    """The folders whose builds the job downloads as artifacts (None in the list: the repository's root or a
    folder pubmode cannot read), each once, and the jobs (a leg each) that build them; None when the job
    downloads no artifact or pubmode matches none of them to a job before it. `${{ env.X }}` in a
    producer's `working-directory` is read from its `env:`, then the workflow's."""
    from codemods.project import _env_resolved

    job = all_jobs.get(job_id)
    wanted = downloads(job) if isinstance(job, dict) else None
    if not wanted:
        return None
    folders: List[Optional[str]] = []
    producers: List[dict] = []
    for key, producer in _producers(root, all_jobs, job_id).items():
        env = None if ":" in key else workflow_env  # a called workflow's jobs read that file's `env:`
        for leg in _leg_jobs(_env_resolved(producer, env)):
            made = [folders_ for name, folders_ in _uploads(leg) if any(_matches(w, name) for w in wanted)]
            if made:
                producers.append(leg)
                folders += [f for fs in made for f in fs if f not in folders]
    return (folders, producers) if producers else None
