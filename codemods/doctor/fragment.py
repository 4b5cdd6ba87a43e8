"""A pasted piece of a workflow (a step, a list of steps, a job, the jobs) read as a whole workflow."""
from __future__ import annotations

import textwrap
from typing import Optional, Tuple

from codemods.engine.document import load_data
from codemods.errors import InputError

_STEPS = "jobs:\n  pasted:\n    runs-on: ubuntu-latest\n    steps:\n"


def wrap(text: str) -> Optional[Tuple[str, int]]:
    """The workflow around a fragment and how many lines were added above it; None when not a fragment."""
    try:
        data = load_data(text)  # the engine's reading: libyaml's stack is not given a text nested too deep
    except (InputError, ValueError):
        return None
    if isinstance(data, list) and data and all(isinstance(s, dict) for s in data):
        return _STEPS + textwrap.indent(text, "      "), 4
    if not isinstance(data, dict) or "jobs" in data:
        return None
    if "steps" in data:
        return "jobs:\n  pasted:\n" + textwrap.indent(text, "    "), 2
    if "uses" in data or "run" in data:
        first, _, rest = text.lstrip("\n").partition("\n")
        return _STEPS + "      - " + first + "\n" + textwrap.indent(rest, "        "), 4
    if data and all(isinstance(j, dict) and ("steps" in j or "uses" in j) for j in data.values()):
        return "jobs:\n" + textwrap.indent(text, "  "), 1
    return None
