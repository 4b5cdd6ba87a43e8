"""The pipeline, one file at a time: read bytes, locate, plan, splice, verify, then write or diff.

A file that fails at any stage is reported and left untouched; the other files go on.
"""
from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Set as SetType

from codemods.engine.file_edit import FileEdit
from codemods.engine.reading import text_or_none
from codemods.engine.source import Source
from codemods.errors import InputError, VerificationError
from codemods.gitlab import PIPELINE_NAMES, included_by, including_pipeline, is_gitlab_path
from codemods.migrate import NOTHING_TO_DO, TO_OIDC, Options, Plan
from codemods.prefilter import scripts_remembered, skip_reason
from codemods.project import find_root, repository, roots_remembered, root_for
from codemods.registration import callers_indexed
from codemods.rendered import migrate_text
from codemods.workflow import DYNAMIC_SECRET, SECRET_REF, secrets_in
from codemods.workflow_files import WORKFLOW_SUFFIXES, discover, read_workflow, shown_path
from codemods.write_phase import groups, refuse_shared_outside
from codemods import toml_text




@dataclass
class FileResult:
    path: Path
    shown: str  # path relative to the repository root, as in diffs
    plan: Plan = field(default_factory=Plan)
    old: Optional[Source] = None
    new_text: Optional[str] = None
    error: Optional[str] = None
    error_line: Optional[int] = None  # the line of the workflow the error is at, when it is one of the workflow's
    companions: List[FileEdit] = field(default_factory=list)  # files the workflow runs, changed
    secret_refs: Optional[frozenset] = None  # the secrets a file left alone names, once its text is dropped (in
    # a RunResult: NAMED_IN_RUN, the names are in the run's set)

    @property
    def changed(self) -> bool:
        return self.new_text is not None or bool(self.companions)


@dataclass
class RunResult:
    files: List[FileResult]
    unused_secrets: SetType[str]
    path_errors: List[str] = field(default_factory=list)
    still_read: dict = field(default_factory=dict)  # a secret the run removed that other files still read ->
    # those files (shown paths): it stays, and the report names them

    @property
    def failed(self) -> bool:
        return bool(self.path_errors) or any(f.error for f in self.files)

    @property
    def changed_files(self) -> int:
        """The files the diff changes, for the summary: each workflow rewritten and, once each, the files the
        workflows run that change (groq/groq-python's bin/publish-pypi was in the diff but not in the count)."""
        ok = [f for f in self.files if not f.error]
        return sum(1 for f in ok if f.new_text is not None) + len({c.target.path for f in ok for c in f.companions})


def migrate_file(path: Path, options: Options) -> FileResult:
    root = root_for(path)
    result = FileResult(path, shown_path(path, find_root(path.parent) or root))
    try:
        source = read_workflow(path, root)
        result.old = source
        if is_gitlab_path(path):
            from codemods.gitlab import migrate_gitlab_text

            result.plan, new_text = migrate_gitlab_text(source.text, options, root, path)
        else:
            skipped = skip_reason(source.text, root) if prefilter_on() else None
            if skipped is not None:  # cannot publish: what the full reading would say (codemods/prefilter.py)
                result.plan.skipped.append(skipped)
                return result
            result.plan, new_text = migrate_text(source.text, options, path.name, repository(root), path)
        if new_text != source.text:
            result.new_text = new_text
        result.companions = merge_companions(result.plan.companions)
        for c in result.companions:
            check_companion(c)
    except InputError as e:
        result.error = f"{e.where(result.shown)}: {e.message}"
        result.error_line = e.line if e.path is None or Path(e.path) == path else None
        pipeline = None if is_gitlab_path(path) else including_pipeline(path, root)
        if pipeline is not None:  # not a workflow, but a part of the GitLab pipeline
            result.error = (f"{result.shown}: a file the GitLab pipeline {pipeline.name} includes, read and changed "
                            f"as a part of it: run pubmode on {pipeline.name}")
            result.error_line = None
    except VerificationError as e:
        result.error = f"{result.shown}: internal error, file left untouched: {e}"
    except OSError as e:  # a folder deleted or made unreadable during the run: not a bug of ours
        result.error = f"{result.shown}: {e.strerror or e}" + (f" ({e.filename})" if e.filename else "") + \
            "; file left untouched"
    except Exception as e:  # a bug of ours: say so in one line, keep going with the other files
        if os.environ.get("PUBMODE_DEBUG"):
            raise
        result.error = (f"{result.shown}: internal error, file left untouched: {type(e).__name__}: {e} "
                        "(set PUBMODE_DEBUG=1 for a traceback, and please report it)")
    return result


def prefilter_on() -> bool:
    """The pre-filter skips files that cannot publish; PUBMODE_NO_PREFILTER=1 reads every file in full
    (how tests and tools/corpus-check prove both give the same results)."""
    return not os.environ.get("PUBMODE_NO_PREFILTER")


def unified_diff(result: FileResult, printed: Optional[SetType[str]] = None) -> str:
    """A `git apply`-able diff (a/ and b/ paths from the repository root), the workflow and the files it runs.

    A file run by several workflows is in the diff once: `printed` holds the real paths already shown.
    """
    printed = set() if printed is None else printed
    out = []
    if result.new_text is not None:
        assert result.old is not None
        bom = "\ufeff" if result.old.bom else ""
        out.append(text_diff(bom + result.old.text, bom + result.new_text, result.shown))
    git_root = find_root(result.path.parent) or root_for(result.path)
    for c in result.companions:
        key = os.path.realpath(c.target.path)
        if key not in printed:
            printed.add(key)
            out.append(text_diff(c.old_text, c.new_text, shown_path(c.target.path, git_root)))
    return "".join(out)


def text_diff(old_text: str, new_text: str, shown: str) -> str:
    """The unified diff of one file (`a/` and `b/` paths), with git's "No newline at end of file" marks."""
    out = []
    for line in difflib.unified_diff(_lines(old_text), _lines(new_text), f"a/{shown}", f"b/{shown}", n=3):
        if line.startswith(("---", "+++")):
            out.append(line.rstrip("\n") + "\n")
        elif line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def merge_companions(changes: List[FileEdit]) -> List[FileEdit]:
    """One change per file: from the text before the first edit to the text after the last."""
    import dataclasses

    merged: dict = {}
    for c in changes:
        first = merged.get(c.target.path)
        merged[c.target.path] = c if first is None else dataclasses.replace(first, new_text=c.new_text)
    return [c for c in merged.values() if c.new_text != c.old_text]


def check_companion(change: FileEdit) -> None:
    """A changed script must still parse: Python with `ast`, TOML loaded, shell with `bash -n`. A file
    that did not parse before is the project's to mend: an input error, nothing is written."""
    import ast
    import shutil
    import subprocess

    name = change.target.path.name
    if change.target.kind in ("python", "nox", "invoke"):
        parse, kind, errors = ast.parse, "Python", (SyntaxError, ValueError)
    elif change.target.path.suffix == ".toml":
        parse, kind, errors = toml_text.loads, "TOML", (ValueError,)
    elif change.target.kind == "script" and shutil.which("bash") and change.old_text.startswith("#!") and \
            "bash" in change.old_text.split("\n", 1)[0]:
        def parse(text: str) -> None:
            if subprocess.run(["bash", "-n"], input=text, text=True, capture_output=True).returncode:
                raise ValueError("bash -n")
        kind, errors = "bash", (ValueError,)
    elif change.target.kind == "composite":  # an action.yml: still YAML, the same data but for its scripts
        from codemods.engine.document import Document
        from codemods.errors import InputError as _YamlError

        name = change.target.name or name

        def parse(text: str) -> None:
            Document(text, change.target.path)
        kind, errors = "YAML", (_YamlError,)
    else:
        return
    try:
        parse(change.new_text)
        return
    except errors as e:
        problem = e
    try:
        parse(change.old_text)
    except errors:
        raise InputError(None, None, f"{name} is not valid {kind} ({problem}); it was not edited") from None
    raise VerificationError(f"{name} would not parse any more: {problem}")


def _lines(text: str) -> List[str]:
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


LEFT_ALONE = Plan(skipped=[NOTHING_TO_DO])  # shared by the files left alone with nothing to say: never changed
NAMED_IN_RUN: frozenset = frozenset()  # a file's secret_refs once `run` has added them to the run's own set


class LeftAlone:
    """A file of the run left alone with nothing to say, as the run keeps it: its two names and what a
    FileResult of such a file holds, shared. A run over ten thousand workflows, most of which publish
    nothing, keeps one of these (about 250 bytes) per file instead of a FileResult and its Path."""
    __slots__ = ("_path", "shown")
    plan = LEFT_ALONE
    old = new_text = error = error_line = None
    companions: tuple = ()
    secret_refs = NAMED_IN_RUN
    changed = False

    def __init__(self, path: Path, shown: str):
        self._path, self.shown = str(path), shown

    @property
    def path(self) -> Path:
        return Path(self._path)


def _migrate_one(options: Options, path: Path) -> FileResult:
    """One file, made light to keep or to send back from a worker: the node tree the edits point into
    is dropped (nothing reads it after the file is done), and a file left alone with nothing to say
    keeps only the secrets its text names, not the text."""
    result = migrate_file(path, options)
    result.plan.edits = []
    if result.old is not None and not result.changed and not result.error and not result.plan.warnings and \
            result.plan.skipped == [NOTHING_TO_DO]:
        result.secret_refs = frozenset(secrets_named(result.old.text))
        result.old = None
    return result


def run(paths: List[Path], options: Options, cwd: Path, jobs: int = 1) -> RunResult:
    """Every workflow named, in the order found (sorted within a folder), `jobs` at a time."""
    with roots_remembered():
        return _run(paths, options, cwd, jobs)


def _run(paths: List[Path], options: Options, cwd: Path, jobs: int) -> RunResult:
    import functools

    from codemods.parallel import ordered_map

    found, path_errors = discover(paths, cwd)
    found = _without_included(found)
    files = []
    named: SetType[str] = set()  # the secrets the files left alone name, all of them together
    readers: dict = {}  # secret -> the files left alone that name it
    with callers_indexed(), scripts_remembered():
        for f in ordered_map(functools.partial(_migrate_one, options), found, jobs):
            if f.secret_refs is not None:  # kept light: most files of a big run are left alone
                named |= f.secret_refs
                for name in f.secret_refs:
                    readers.setdefault(name, []).append(f.shown)
                f.secret_refs = NAMED_IN_RUN
                if f.plan == LEFT_ALONE:
                    f = LeftAlone(f.path, f.shown)  # type: ignore[assignment]
            files.append(f)
    file_groups = groups(files)  # a followed file shared by workflows: one change for all of them, or none
    if options.direction == TO_OIDC and any(g.followed for g in file_groups):
        refuse_shared_outside(file_groups, _left_as_is(files))
    removed = set().union(*(f.plan.removed_secrets for f in files if f.changed)) if files else set()
    still_used: SetType[str] = set()
    if removed:
        still_used |= named
        for f in files:
            if f.secret_refs is not None:
                continue
            text = f.new_text if f.new_text is not None else (f.old.text if f.old else "")
            for name in secrets_named(text):
                still_used.add(name)
                readers.setdefault(name, []).append(f.shown)
        for other in _sibling_workflows(files):
            for name in secrets_named(text_or_none(other) or ""):
                still_used.add(name)
                readers.setdefault(name, []).append(shown_path(other, find_root(other.parent) or root_for(other)))
        still_used -= _passed_on(files, readers)
    still_read = {n: sorted(set(readers.get(n, ()))) for n in sorted(removed & still_used)}
    return RunResult(files, removed - still_used, path_errors, still_read)


def _passed_on(files: List[FileResult], readers: dict) -> SetType[str]:
    """A caller's `secrets:` entry that fills a secret of a reusable workflow whose upload the run converted
    (`API_TOKEN: ${{ secrets.PYPI_API_TOKEN }}`) is no read of PYPI_API_TOKEN any more: it is to go with
    the declaration (codemods/reusable.py). The callers that name such a secret nowhere else are taken off
    its readers; the secrets nothing else reads then, returned."""
    lines: dict = {}  # caller (real path) -> [the lines of its entries, the secrets they name]
    for f in files:
        if f.changed and not f.error:
            for p in f.plan.passes:
                entry = lines.setdefault(os.path.realpath(p.caller), [set(), set(), p.caller])
                entry[0].update(range(p.lines[0], p.lines[1] + 1))
                entry[1].update(p.secrets)
    if not lines:
        return set()
    new_texts = {os.path.realpath(f.path): f.new_text for f in files if f.new_text is not None}
    freed: SetType[str] = set()
    for key, (numbers, names, caller) in lines.items():
        text = new_texts.get(key) or text_or_none(caller) or ""
        rest = "".join(line for n, line in enumerate(_lines(text), 1) if n not in numbers)
        shown = shown_path(caller, find_root(caller.parent) or root_for(caller))
        for name in names - secrets_named(rest):
            readers[name] = [r for r in readers.get(name, ()) if r != shown]
            if not readers[name]:
                freed.add(name)
    return freed


_COMMENT_LINE = re.compile(r"(?m)^[ \t]*#[^\n]*")


def secrets_named(text: str) -> SetType[str]:
    """The secrets a workflow's text names, but on lines that are comments only (a commented-out upload
    step reads nothing); and those a job names through its matrix (`secrets[matrix.package.token]`)."""
    text = _COMMENT_LINE.sub("", text)
    found = {m.group(1) or m.group(2) for m in SECRET_REF.finditer(text)}
    if DYNAMIC_SECRET.search(text):
        from codemods.engine.document import load_data

        try:
            data = load_data(text)
        except Exception:  # noqa: BLE001 - a file that does not load names what its text names
            return found
        for job in (data.get("jobs") or {}).values() if isinstance(data, dict) and isinstance(data.get("jobs"), dict) \
                else ():
            if isinstance(job, dict):
                found |= secrets_in(job, job)
    return found


def _without_included(found: List[Path]) -> List[Path]:
    """The files named, less those a GitLab pipeline named beside them includes: it reads and changes them
    as parts of itself (its companions), so planning them again on their own would plan them twice."""
    pipelines = [p for p in found if p.name in PIPELINE_NAMES]
    if not pipelines or len(found) < 2:
        return found
    inside = set().union(*(included_by(p, root_for(p)) for p in pipelines))
    return [p for p in found if p.name in PIPELINE_NAMES or os.path.realpath(p) not in inside]


def _left_as_is(files: List[FileResult]) -> list:
    """(shown name, text, path, root) of the GitHub workflows of the run's repositories that this run does not
    change: those of the run it leaves as they are (a file that publishes nothing is not kept), and the others."""
    out = [(f.shown, f.old.text, Path(f.path), root_for(Path(f.path))) for f in files
           if f.old is not None and not f.changed and not f.error and not is_gitlab_path(Path(f.path))]
    for other in _sibling_workflows(files):
        text = text_or_none(other)
        if text:
            root = root_for(other)
            out.append((shown_path(other, find_root(other.parent) or root), text, other, root))
    return out


def _sibling_workflows(files: List[FileResult]) -> List[Path]:
    """Workflow files of the same repositories that were not part of this run (they may use a secret too)."""
    done = {os.path.abspath(f.path) for f in files}
    roots = {root_for(f.path) for f in files}
    out = []
    for root in roots:
        folder = root / ".github" / "workflows"
        if folder.is_dir():
            out += [p for p in folder.iterdir() if p.suffix in WORKFLOW_SUFFIXES and os.path.abspath(p) not in done]
    return out
