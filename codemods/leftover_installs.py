"""Installs of an upload tool left behind when `--split-jobs` moves the upload out of the build job.

zeromq/pyzmq's step `Publish to PyPI` ran `pip install twine` then `twine upload`: once the upload moved to
the publishing job, the install is a no-op the build job still runs. It goes when nothing else the job runs
names the tool (`twine check` still needs it; a file the job runs may too): a command that installs the
tool alone, on a line of its own and outside control flow, loses its line (its step, when nothing else is
left of it); a command that installs other packages too loses only the tool's word, where that is a cut of
the word and its blank. Anything else stays, without a word.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from codemods.follow.calls import files_run_by
from codemods.follow.installs import install_packages
from codemods.publishers.run_step import whole_line
from codemods.shell import Command, commands, conditions_of, cut_span
from codemods.workflow import steps

Span = Tuple[int, int]


def unused_installs(job: dict, root: Path, tool: str, package: str,
                    gone: Dict[int, Optional[Span]]) -> Dict[int, List[Tuple[Span, str]]]:
    """For each `run:` step of the job, the cuts that remove installs of `package` (each with what it cut, for
    the report), given what of the job goes with the uploads (`gone`: step index -> the span cut from its
    script, None for a step that goes whole). Nothing when the job still names `tool` elsewhere."""
    named = re.compile(rf"(?<![\w.-]){re.escape(tool)}(?![\w-])", re.I)
    if any(named.search(text) for text in files_run_by(job, root)):
        return {}
    out: Dict[int, List[Tuple[Span, str]]] = {}
    for i, step in steps(job):
        script = step.get("run")
        if not isinstance(script, str) or (i in gone and gone[i] is None):
            continue
        cut = gone.get(i)
        rest = list(script)
        if cut is not None:
            rest[cut[0]:cut[1]] = " " * (cut[1] - cut[0])
        cuts: List[Tuple[Span, str]] = []
        for cmd in commands(script):
            if cut is not None and cut[0] <= cmd.start < cut[1]:
                continue
            packages = install_packages(cmd) or []
            ours = [w for w in packages if re.fullmatch(rf"{re.escape(package)}(\[[^\]]*\])?([<>=!~ ].*)?", w.value, re.I)]
            for w in ours:
                rest[w.start:w.end] = " " * (w.end - w.start)
            shown = script[cmd.start:cmd.end]
            if ours and len(ours) == len(packages):
                span = _own_line(script, cmd)
                if span is not None:
                    cuts.append((span, f"`{shown}`"))
            else:
                cuts += [(span, f"`{w.text}` from `{shown}`") for w in ours if (span := cut_span(script, w.start, w.end))]
        if named.search("".join(rest)):
            return {}  # `twine check`, `python -m twine …`: the job still runs the tool
        if cuts:
            out[i] = cuts
    return out


def _own_line(script: str, cmd: Command) -> Optional[Span]:
    """The line the command is alone on, to cut; None when it shares its line, runs over several, follows
    a continuation or runs under a condition (an `if` body left empty is a syntax error)."""
    head = script.rfind("\n", 0, cmd.start) + 1
    tail = script.find("\n", cmd.end)
    tail = len(script) if tail < 0 else tail
    if "\n" in script[cmd.start:cmd.end] or script[head:cmd.start].strip(" \t") or \
            script[cmd.end:tail].strip(" \t") or cmd.keywords or conditions_of(script, cmd) or \
            re.sub(r"#[^\n]*", "", script[:head]).rstrip().endswith(("\\", "&&", "||", "|")):
        return None
    return whole_line(script, cmd.start, cmd.end) if tail < len(script) else (head, tail)


def left_empty(script: str, cuts: List[Span]) -> bool:
    """Nothing but blanks and comments is left of the script once the cuts are made."""
    kept = list(script)
    for s, e in cuts:
        kept[s:e] = " " * (e - s)
    return all(not line.strip() or line.strip().startswith("#") for line in "".join(kept).splitlines())
