"""What a publisher module says about one publish step: edits plus what to tell the user."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, List, Optional, Set

from codemods.engine.edits import Edit


@dataclass
class StepChange:
    edits: List[Edit] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)
    blocked: Optional[str] = None  # why this step cannot be converted; then no edit of it is applied
    removed_secrets: Set[str] = field(default_factory=set)
    added_secrets: Set[str] = field(default_factory=set)
    files: List[Any] = field(default_factory=list)  # other files of the repository to change with it
