"""GitLab CI/CD: `.gitlab-ci.yml` migrated between API tokens and Trusted Publishing, and diagnosed,
on the same engine (edits, splice, verification, atomic writes) and uploader registry as GitHub
workflows. Imported only when a GitLab file is handled, so GitHub runs do not pay for it.

- `document.py`: the file as the engine reads it (`!reference` tags, a `spec:` header);
- `pipeline.py`: jobs, scripts, variables, `id_tokens` and upload commands (what is a job: there);
- `plan.py`: the migration in both directions (what is refused and why: there);
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
    """The plan for one GitLab file and the text it gives (the same text when nothing changes)."""
    from codemods.gitlab.document import GitLabDocument
    from codemods.gitlab.plan import plan_gitlab
    from codemods.gitlab.remote import gitlab_project
    from codemods.runner import rendered

    doc = GitLabDocument(text, path)
    migration = plan_gitlab(doc, options, gitlab_project(root))
    if path is not None and Path(path).name in PIPELINE_NAMES:
        _included(doc, options, root, path, migration)
    return rendered(doc, migration, text)


def _included(doc, options, root: Path, path: Path, migration) -> None:
    """The local files the pipeline includes, migrated each in its own file: their changes become
    companions of the top-level pipeline (one per file, all checked before any is written)."""
    import os

    from codemods.engine.reading import read_regular_text
    from codemods.errors import InputError
    from codemods.engine.file_edit import FileEdit, Target
    from codemods.gitlab.include import included_files
    from codemods.gitlab.plan import NOTHING_TO_DO_HERE
    from codemods.notes import Note

    files, notes = included_files(doc.data, root, path)
    migration.skipped += notes
    touched = False
    for file in files:
        shown = os.path.relpath(file, root).replace(os.sep, "/")
        try:
            text = read_regular_text(file)
        except (OSError, UnicodeDecodeError) as e:
            migration.skipped.append(f"`{shown}` (included) cannot be read ({getattr(e, 'strerror', None) or e}); "
                                     "not followed")
            continue
        try:
            sub, new_text = migrate_gitlab_text(text, options, root, file)
        except InputError as e:  # said on the including file's line: `include` names the file that is wrong
            at = f"{shown}:{e.line}" if e.line else shown
            raise InputError(None, None, f"included {at}: {e.message}") from None

        def tagged(n):
            return Note(f"`{shown}` (included): {n}", job=None, why=getattr(n, "why", None),
                        finding=getattr(n, "finding", None))

        skipped = [s for s in sub.skipped if s != NOTHING_TO_DO_HERE]
        touched = touched or NOTHING_TO_DO_HERE not in sub.skipped or bool(sub.companions or new_text != text)
        migration.changes += [tagged(c) for c in sub.changes]
        migration.skipped += [tagged(s) for s in skipped]
        migration.warnings += [tagged(w) if getattr(w, "job", None) else w for w in sub.warnings]
        migration.registrations += sub.registrations
        migration.removed_secrets |= sub.removed_secrets
        migration.added_secrets |= sub.added_secrets
        migration.companions += sub.companions
        if new_text != text:
            migration.companions.append(FileEdit(Target("include", file), text, new_text))
    if touched and NOTHING_TO_DO_HERE in migration.skipped:
        migration.skipped.remove(NOTHING_TO_DO_HERE)
