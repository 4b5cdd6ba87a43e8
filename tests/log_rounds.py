"""What every tuning round's tests read (tests/test_logs_round*.py): a log of a pool folder without its header
lines, run through the doctor's reader and advice as `migrate doctor --log` runs them."""
from __future__ import annotations

import re
from pathlib import Path

from codemods.doctor.advice import advise
from codemods.doctor.claims import Context
from codemods.doctor.logs import read

LOGS = Path(__file__).parent / "logs"
HEADER = re.compile(r"^# (?:source|fix|cause|trimmed|context): ")


def reading(text: str):
    """The findings and the advice lines of a text."""
    r = read(text)
    return r.findings, advise(r, [], Context({}, set()))


def pool(stem: str, folder: str):
    """`reading` of the first log of `folder` (tests/logs itself where empty) whose name starts with `stem`."""
    path = next((LOGS / folder).glob(stem + "*.log") if folder else LOGS.glob(stem + "*.log"))
    return reading("\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines() if not HEADER.match(ln)))


def ids(found) -> list:
    return [f.pattern.id for f in found]


def fix(finding) -> str:
    """The fix line a finding prints: its own where a reading set one, else its pattern's."""
    return finding.fix or finding.pattern.fix
