"""One workflow text to its migrated text: the plan's edits made by the engine and verified, or refused
whole. Shared by the runner (files on disk), GitLab pipelines and `migrate explain` (its examples), so
none of them needs the runner to transform a text."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Tuple

from codemods.engine.document import Document
from codemods.engine.splice import render
from codemods.engine.verify import verify
from codemods.errors import Unsupported
from codemods.migrate import Options, Plan, plan
from codemods.project import Repository
from codemods.workflow_files import check_shape


def migrate_text(text: str, options: Options, workflow_file: str, repo: Repository,
                 path: Optional[Path] = None) -> Tuple[Plan, str]:
    """The plan for one workflow text and the text it gives (the same text when nothing changes)."""
    doc = Document(text, path)
    check_shape(doc, path)
    return rendered(doc, plan(doc, options, workflow_file, repo), text)


def rendered(doc: Document, migration: Plan, text: str) -> Tuple[Plan, str]:
    """The plan's edits made and verified (the YAML engine of every platform); when the engine cannot
    make them, nothing of the plan is kept (no edit, no followed file, no registration) but the reason."""
    if not migration.edits:
        return migration, text
    try:
        new_text = render(doc, migration.edits)
    except Unsupported as e:
        refused = Plan(skipped=migration.skipped + [f"not converted: {e}"], platform=migration.platform)
        return refused, text
    verify(doc, migration.edits, new_text)
    return migration, new_text
