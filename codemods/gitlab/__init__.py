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
    from codemods.engine.splice import render
    from codemods.engine.verify import verify
    from codemods.errors import Unsupported
    from codemods.gitlab.document import GitLabDocument
    from codemods.gitlab.plan import plan_gitlab
    from codemods.gitlab.remote import gitlab_project

    doc = GitLabDocument(text, path)
    migration = plan_gitlab(doc, options, gitlab_project(root))
    if not migration.edits:
        return migration, text
    try:
        new_text = render(doc, migration.edits)
    except Unsupported as e:
        migration.skipped.append(f"not converted: {e}")
        migration.edits.clear()
        migration.changes.clear()
        migration.warnings.clear()
        migration.registrations.clear()
        migration.removed_secrets.clear()
        migration.added_secrets.clear()
        return migration, text
    verify(doc, migration.edits, new_text)
    return migration, new_text
