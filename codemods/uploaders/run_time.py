"""Uploads hidden in a command string a script builds and then runs: `CMD=$(echo -E "twine upload -p $PW dist/*")`
then `eval "$CMD"` (NVIDIA/Megatron-LM's publish job), `$CMD`, `bash -c "$CMD"`. The upload runs, but its words
are data until run time: no edit can reach its flags safely, so such a job is reported, never converted, and
never said to publish nothing."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from codemods.shell import Command, Word, commands
from codemods.uploaders.command_line import find_upload
from codemods.uploaders.spec import Uploader

_HELD = re.compile(r"^\$\{?([A-Za-z_][A-Za-z0-9_]*)(?:\[[@*]\])?\}?$")  # `$CMD`, `${CMD}`, `${CMD[@]}`
_SHELLS = frozenset(("bash", "sh", "zsh", "dash", "ksh"))
_PRINTERS = frozenset(("echo", "printf"))  # what `$(echo -E "twine upload …")` runs to build the string


@dataclass(frozen=True)
class RunTimeUpload:
    """A command that runs a variable's command string (`eval "$CMD"`) the script sets to an upload."""

    command: Command  # the command that runs it
    variable: str
    uploader: Uploader
    upload: str  # the upload the string holds, as the tool and its subcommand: `twine upload`
    shown: str  # the command that runs it, as written

    @property
    def what(self) -> str:
        return (f"`{self.shown}` runs a command string built at run time (`${self.variable}`) that holds "
                f"`{self.upload}`")


def run_time_uploads(script: str, env: Optional[Dict[str, str]] = None) -> List[RunTimeUpload]:
    """Each command of the script that runs a command string held by a variable the same script sets (or
    `env` gives, the CI's own variables) to one that holds an upload pubmode knows (the uploader registry)."""
    out = []
    values: Dict[str, List[str]] = {name: [str(v)] for name, v in (env or {}).items()}
    for cmd in commands(script):
        name = _runs_variable(cmd)
        if name is None:
            for word in cmd.words:  # `CMD=…`, `export CMD=…`: the value as written, quotes kept
                m = re.match(r"([A-Za-z_][A-Za-z0-9_]*)=(.+)$", word.text, re.S)
                if m:
                    values.setdefault(m.group(1), []).append(m.group(2))
            continue
        found = next((u for v in values.get(name, ()) if (u := _upload_in(v)) is not None), None)
        if found is not None:
            out.append(RunTimeUpload(cmd, name, found[0], found[1], script[cmd.start:cmd.end]))
    return out


def _runs_variable(cmd: Command) -> Optional[str]:
    """The variable whose value the command runs as a command: `eval "$CMD"`, `$CMD args`, `bash -c "$CMD"`."""
    vals = [w.value for w in cmd.words]
    if vals[0] == "eval":
        return next((m.group(1) for v in vals[1:] if (m := _HELD.match(v))), None)
    if vals[0] in _SHELLS and "-c" in vals[1:-1]:
        m = _HELD.match(vals[vals.index("-c") + 1])
        return m.group(1) if m else None
    m = _HELD.match(vals[0])
    return m.group(1) if m else None


def _upload_in(value: str) -> Optional[Tuple[Uploader, str]]:
    """The uploader whose upload a command string holds, and the upload as `twine upload`: its quotes removed, a `$( … )` or backticks around
    it opened, an `echo`/`printf` that prints it left out."""
    text = Word(value, 0, len(value)).value
    text = re.sub(r"^\$\(|^`|\)$|`$", " ", text.strip())
    for cmd in commands(text):
        words = list(cmd.words)
        if words and words[0].value in _PRINTERS:
            words = words[1:]
            while words and words[0].value.startswith("-"):
                words = words[1:]
        found = find_upload(Command(words)) if words else None
        if found is not None:
            up, at = found
            return up, " ".join(w.value for w in words[:at][-2:]) if at > 1 else words[0].value
    return None
