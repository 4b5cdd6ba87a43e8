"""GitLab CI/CD: `.gitlab-ci.yml` migrated between API tokens and Trusted Publishing, and diagnosed,
on the same engine (edits, splice, verification, atomic writes) and uploader registry as GitHub
workflows. Imported only when a GitLab file is handled, so GitHub runs do not pay for it.

- `document.py`: the file as the engine reads it (`!reference` tags, a `spec:` header), and the other
  files of the pipeline it includes (`At` keys address their templates and variables);
- `include.py`: the local files a pipeline includes, and the includes it cannot read;
- `pipeline.py`: jobs, scripts, variables, `id_tokens` and upload commands (what is a job: there);
- `plan.py`: the migration in both directions (what is refused and why: there);
- `follow.py`, `installs.py`: the files a job runs (tox, make, scripts) and the installs whose uploader
  pins it raises, on `codemods.follow`;
- `remote.py`: namespace and project from the `origin` remote, for PyPI's GitLab publisher form;
- `doctor.py`: the doctor's GitLab findings.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Tuple

PIPELINE_NAMES = (".gitlab-ci.yml", ".gitlab-ci.yaml")


def is_gitlab_path(path: Path) -> bool:
    """A GitLab CI/CD configuration: the top-level pipeline (`.gitlab-ci.yml`), or a file of the
    `.gitlab/` folder where projects keep the files it includes."""
    path = Path(path)
    return path.name in PIPELINE_NAMES or ".gitlab" in path.parts[:-1]


def migrate_gitlab_text(text: str, options, root: Path, path: Optional[Path] = None) -> Tuple[object, str]:
    """The plan for one GitLab file and the text it gives (the same text when nothing changes). The
    top-level pipeline is read with the local files it includes, as one pipeline: a job sees the templates
    and top-level `variables:` of every file, and each file's edits become its own change (a companion of
    the top-level pipeline, all checked before any is written)."""
    from codemods.gitlab.document import GitLabDocument
    from codemods.gitlab.plan import plan_gitlab
    from codemods.gitlab.remote import gitlab_project
    from codemods.rendered import rendered

    doc = GitLabDocument(text, path)
    if path is not None and Path(path).name in PIPELINE_NAMES:
        migration_notes = pipeline_files(doc, root, path)
    else:
        migration_notes = []
    migration = plan_gitlab(doc, options, gitlab_project(root))
    migration.skipped += migration_notes
    if not doc.others:
        return rendered(doc, migration, text)
    return _rendered_pipeline(doc, migration, text, root)


def included_by(pipeline: Path, root: Path) -> set:
    """The real paths of the local files a top-level pipeline includes (nested includes too); empty
    when the pipeline cannot be read (its own run reports why)."""
    import os

    from codemods.engine.document import load_data
    from codemods.engine.reading import text_or_none
    from codemods.errors import InputError
    from codemods.gitlab.include import included_files

    text = text_or_none(pipeline)
    try:
        data = load_data(text) if text is not None else None
        return {os.path.realpath(f) for f in included_files(data, root, pipeline)[0]} if isinstance(data, dict) \
            else set()
    except (InputError, OSError, ValueError):
        return set()


def including_pipeline(path: Path, root: Path) -> Optional[Path]:
    """The repository's top-level pipeline when it includes `path` (a file that is read as part of it)."""
    import os

    for name in PIPELINE_NAMES:
        pipeline = root / name
        if pipeline.is_file() and os.path.realpath(path) in included_by(pipeline, root):
            return pipeline
    return None


def pipeline_files(doc, root: Path, path: Path) -> list:
    """Read the local files the top-level pipeline includes into `doc.others` (`doc.shown` and each file's
    `shown`: its path from the repository's root) and the includes not read into `doc.unread` (the
    planner names them where they matter); the notes on included files that cannot be read."""
    import os

    from codemods.engine.reading import read_regular_text
    from codemods.errors import InputError
    from codemods.gitlab.document import GitLabDocument
    from codemods.gitlab.include import included_files

    doc.shown = os.path.relpath(path, root).replace(os.sep, "/") if root is not None else Path(path).name
    files, doc.unread = included_files(doc.data, root, path)
    notes = []
    others = []
    for file in files:
        shown = os.path.relpath(file, root).replace(os.sep, "/")
        try:
            other = GitLabDocument(read_regular_text(file), file)
        except (OSError, UnicodeDecodeError) as e:
            notes.append(f"`{shown}` (included) cannot be read ({getattr(e, 'strerror', None) or e}); not followed")
            continue
        except InputError as e:  # said on the including file's line: `include` names the file that is wrong
            at = f"{shown}:{e.line}" if e.line else shown
            raise InputError(None, None, f"included {at}: {e.message}") from None
        other.shown = shown
        others.append(other)
    doc.others = others
    return notes


def _rendered_pipeline(doc, migration, text: str, root: Path) -> Tuple[object, str]:
    """Each file's edits made and verified; when the engine cannot make one file's, nothing is kept (a
    job's change may span files: its template in one, its `id_tokens` in another)."""
    from codemods.engine.file_edit import FileEdit, Target
    from codemods.migrate import Plan
    from codemods.rendered import rendered

    for name in ("changes", "skipped", "warnings"):
        setattr(migration, name, [_tagged(doc, n) for n in getattr(migration, name)])
    by_file = doc.split_edits(migration.edits)
    outputs = {}
    for file, edits in by_file.items():
        old = file.text
        done, new = rendered(file, Plan(edits=edits, platform="gitlab"), old)
        if done.skipped:  # the engine refused: the reason, in the file it concerns
            reason = done.skipped[-1] if file is doc else f"`{file.shown}` (included): {done.skipped[-1]}"
            return Plan(skipped=migration.skipped + [reason], platform=migration.platform), text
        outputs[file] = new
    for file, new in outputs.items():
        if file is not doc and new != file.text:
            migration.companions.append(FileEdit(Target("include", file.path), file.text, new))
    migration.edits = by_file[doc]
    return migration, outputs.get(doc, text)


def _tagged(doc, note):
    """A sentence about a job of an included file, prefixed with that file (as each file's report reads)."""
    from codemods.notes import Note

    job = getattr(note, "job", None)
    other = getattr(job, "doc", None)
    if other is None or other is doc:
        return note
    return Note(f"`{other.shown}` (included): {note}", job=None, why=getattr(note, "why", None),
                finding=getattr(note, "finding", None))
