"""What a change says, for one publish step (StepChange) and for a whole workflow (migrate.Plan):
edits, the files the workflow runs that change with them, and what to tell the user. One merge for
both, so a step's change and a job's plan are added the same way."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Set

from codemods.engine.edits import Edit
from codemods.engine.file_edit import FileEdit


@dataclass
class Changes:
    edits: List[Edit] = field(default_factory=list)
    companions: List[FileEdit] = field(default_factory=list)  # files of the repository changed with them
    changes: List[str] = field(default_factory=list)  # what changed, for the report
    warnings: List[str] = field(default_factory=list)
    removed_secrets: Set[str] = field(default_factory=set)
    added_secrets: Set[str] = field(default_factory=set)

    def add(self, other: "Changes") -> None:
        """Take in another change whole (a step's into its job, a job's into the workflow's plan)."""
        self.edits += other.edits
        self.companions += other.companions
        self.changes += other.changes
        self.warnings += other.warnings
        self.removed_secrets |= other.removed_secrets
        self.added_secrets |= other.added_secrets


@dataclass
class StepChange(Changes):
    blocked: Optional[str] = None  # why this step cannot be converted; then no edit of it is applied
