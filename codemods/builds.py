"""What builds distributions: the commands and actions that make wheels or sdists, and the uploads
that build first. One reading for `--split-jobs` (a job that builds publishes from a job of its own)
and the doctor's `build-in-publish-job` (a job with an OIDC token that also builds)."""
from __future__ import annotations

import re
from typing import Any, Dict, List

from codemods.shell import commands
from codemods.uploaders.command_line import find_upload, long_option
from codemods.workflow import steps, uses_action

BUILD = re.compile(r"python[0-9.]*\s+-m\s+build\b|\bpyproject-build\b|\b(poetry|hatch|flit|pdm|uv|maturin)\s+build\b"
                   r"|setup\.py\b.*\b(sdist|bdist_wheel)\b|\bcibuildwheel\b|\bpip[0-9.]*\s+wheel\b")
BUILD_ACTIONS = {  # action -> (input naming the folder, default; or an `args` input read like the CLI)
    "pypa/cibuildwheel": ("output-dir", "wheelhouse"),
    "pyo3/maturin-action": ("args", "target/wheels"),
    "messense/maturin-action": ("args", "target/wheels"),
}


def builds(job: Dict[str, Any]) -> bool:
    return any(step_builds(step) for _, step in steps(job))


def step_builds(step: Dict[str, Any]) -> bool:
    """The step runs a build command, an upload that builds first, or a build action."""
    if isinstance(step.get("run"), str) and (BUILD.search(step["run"]) or _builds_to_upload(step["run"])):
        return True
    if any(uses_action(step, a) is not None for a in BUILD_ACTIONS):
        w = step.get("with") if isinstance(step.get("with"), dict) else {}
        return str(w.get("command", "build")).strip() in ("build", "", "publish")  # publish builds first
    return False


def _builds_to_upload(script: str) -> bool:
    """The script runs an upload command that builds first (`maturin publish`, `pdm publish`, `flit
    publish`, `poetry publish --build`)."""
    for cmd in commands(script):
        hit = find_upload(cmd)
        if hit is None:
            continue
        up, at = hit
        if builds_first(up, cmd.words[at - 1].value, cmd.words[at:]) or \
                (up.fallback is not None and up.fallback.builds([w.value for w in cmd.words[at:]])):
            return True
    return False


def builds_first(up: Any, subcommand: str, args: List[Any]) -> bool:
    """`maturin publish` builds then uploads, and so does `pdm publish` unless `--no-build`."""
    if up.name == "maturin":
        return subcommand == "publish"
    return up.name == "pdm" and not any(long_option(up, w.value) == "--no-build" for w in args)
