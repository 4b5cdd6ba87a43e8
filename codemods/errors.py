"""Errors that reach the user as one line naming the file (and line), never as a traceback."""
from __future__ import annotations

from pathlib import Path
from typing import Optional


class InputError(Exception):
    """The user's file cannot be migrated as it is (not YAML, not a workflow, unreadable)."""

    def __init__(self, path: Optional[Path], line: Optional[int], message: str):
        super().__init__(message)
        self.path, self.line, self.message = path, line, message

    def where(self, shown: str) -> str:
        return f"{shown}:{self.line}" if self.line else shown


class Unsupported(Exception):
    """A well-formed workflow whose shape this tool will not edit safely; the reason is reported."""


class VerificationError(Exception):
    """The edited text does not mean what the edits intended: a bug in pubmode, never written."""
