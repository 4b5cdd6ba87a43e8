"""What a log reading is made of: a known text with its documentation, and where one was found in a log."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class LogPattern:
    id: str
    severity: str
    pattern: str  # a regular expression, searched line by line (case-insensitive)
    title: str
    why: str
    example: str
    fix: str


@dataclass
class LogFinding:
    pattern: LogPattern
    line: int
    message: str
    fix: Optional[str] = None  # this log's fix where it is narrower than the pattern's
