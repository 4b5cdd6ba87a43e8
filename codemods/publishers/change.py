"""What a change says, for one publish step (StepChange) and for a whole workflow (migrate.Plan):
edits, the files the workflow runs that change with them, and what to tell the user. One merge for
both, so a step's change and a job's plan are added the same way."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set, Tuple

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
    # (to-oidc) next steps about tokens pubmode cannot name: where the token came from, what to revoke
    revoke_notes: List[str] = field(default_factory=list)
    # (to-oidc) a `__token__` user variable of a shared `env:` that other steps read, left in place (env_vars.py):
    # (its path, the steps converted with it, the other steps that read it: (path, label)); it goes once they convert
    token_users_left: List[Tuple[Any, ...]] = field(default_factory=list)

    def add(self, other: "Changes") -> None:
        """Take in another change whole (a step's into its job, a job's into the workflow's plan)."""
        self.edits += other.edits
        self.companions += other.companions
        self.changes += other.changes
        self.warnings += other.warnings
        self.removed_secrets |= other.removed_secrets
        self.added_secrets |= other.added_secrets
        self.revoke_notes += [n for n in other.revoke_notes if n not in self.revoke_notes]
        self.token_users_left += other.token_users_left

    def remove_secrets(self, value: Any, job: Optional[Dict[str, Any]], who: str) -> None:
        """Take the secrets a removed value read as no longer used: those it names, and those it names through
        the job's matrix (`secrets[matrix.package.token]`); one it names at run time that the file does not
        give is a note to find, delete and revoke by hand (`who`: the step or job that read it)."""
        from codemods.workflow import secrets_in, unresolved_secret_note

        self.removed_secrets |= secrets_in(value, job)
        note = unresolved_secret_note(value, job, who)
        if note and note not in self.revoke_notes:
            self.revoke_notes.append(note)


@dataclass
class StepChange(Changes):
    blocked: Optional[str] = None  # why this step cannot be converted; then no edit of it is applied
