"""What builds distributions: the commands and actions that make wheels or sdists, and the uploads
that build first. One reading for `--split-jobs` (a job that builds publishes from a job of its own)
and the doctor's `build-in-publish-job` (a job with an OIDC token that also builds)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, List, Optional

from codemods.shell import commands
from codemods.uploaders.command_line import find_upload, long_option
from codemods.workflow import steps, uses_action

BUILD = re.compile(r"python[0-9.]*\s+-m\s+build\b|\bpyproject-build\b|\b(poetry|hatch|flit|pdm|uv|maturin)\s+build\b"
                   r"|\b(?:pipx\s+run|uvx)\s+build\b"  # pdm-project/pdm-backend: `pipx run build`
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


def followed_build(job: Dict[str, Any], step: Dict[str, Any], root: Path) -> Optional[str]:
    """The file (and its part) that the step runs and that builds: a script, a make target's recipe, a nox
    session (and the functions it calls), a tox env's section (PGScatalog/pygscatalog: `nox -s build` in the
    publishing job runs `session.run("uv", "build", …)`). None when none does, or none can be read."""
    from codemods.engine.reading import text_or_none
    from codemods.follow.calls import step_start, targets_in_script

    script = step.get("run")
    if not isinstance(script, str):
        return None
    for target in targets_in_script(script, root, *step_start(job, step)):
        text = text_or_none(target.path)
        if text is None:
            continue
        region = _region(target, text)
        if region is not None and _builds_in(region, target.kind):
            shown = target.path.relative_to(root).as_posix() if target.path.is_relative_to(root) else target.path.name
            part = {"make": "target", "nox": "session", "tox": "env", "invoke": "task"}.get(target.kind)
            return f"{shown}'s `{target.name}` {part}" if part and target.name else shown
    return None


def _region(target: Any, text: str) -> Optional[str]:
    """The part of the file the target runs (the whole file for a script)."""
    if target.kind == "nox":
        from codemods.follow.python_calls import session_lines

        lines = session_lines(text, target.name)
        if lines is None:
            return None  # a session that cannot be told: not guessed from the whole file
        rows = text.splitlines()
        return "\n".join("\n".join(rows[a - 1:b]) for a, b in lines)
    if target.kind == "make":
        from codemods.follow.makefile import recipe_regions

        return "\n".join(text[s:e] for s, e, _ in recipe_regions(text, target.name, set()))
    if target.kind == "tox":
        m = re.search(rf"^\[(?:testenv:{re.escape(target.name)}|env\.{re.escape(target.name)})\]\s*$(.*?)(?=^\[|\Z)",
                      text, re.M | re.S)
        return m.group(1) if m else None
    if target.kind in ("script", "python"):
        return text
    return None


def _builds_in(region: str, kind: str) -> bool:
    if kind in ("nox", "python", "tox"):  # `session.run("uv", "build")`: the words of an argument list
        region = re.sub(r"[\"']\s*,\s*[\"']", " ", region)
    return bool(BUILD.search(region)) or _builds_to_upload(region)
