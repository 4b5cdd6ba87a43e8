"""A change to a file of the repository beside the workflow being migrated: a script or Makefile it
runs, a tox or requirements file whose pin is raised, a pipeline file it includes. The write phase
writes these with their workflow, all or nothing, and the reports list them; what was found in the
file (its uploads, notes) is the follow package's `FileChange`, which is one of these."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional


@dataclass(frozen=True)
class Target:
    kind: str  # tox, nox, make, invoke, script, python, requirements, pyproject, include…
    path: Path
    name: Optional[str] = None  # the tox env, nox session, make target or invoke task
    line: int = 1  # of the command in the workflow script, for messages


@dataclass
class FileEdit:
    target: Target
    old_text: str
    new_text: str
