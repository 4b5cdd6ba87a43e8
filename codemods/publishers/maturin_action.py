"""PyO3/maturin-action (and its old name messense/maturin-action) with `command: upload`/`publish`:
its `args:` input holds the maturin command's flags."""
from typing import List

from codemods.engine.document import Document
from codemods.publishers.env_vars import env_chain, env_credentials
from codemods.publishers.run_step import Upload
from codemods.shell import Command, Word, commands
from codemods.uploaders.command_line import find_targets, parse_flags
from codemods.uploaders.tools.maturin import UPLOADER
from codemods.workflow import jobs, step_label, steps, uses_action

ACTIONS = ("pyo3/maturin-action", "messense/maturin-action")
RENAMED = ("`messense/maturin-action` is the old name of `PyO3/maturin-action` and still resolves to it; "
           "consider writing `uses: PyO3/maturin-action` (same inputs)")


def _input(inputs: dict, name: str):
    """The key of input `name` (input names are case-insensitive on GitHub), or None."""
    return next((k for k in inputs if str(k).lower() == name), None)


def args_words(args: str) -> List[Word]:
    """Every word of `args:`: the action splits it on any whitespace, so a block scalar's later
    lines belong to the same command (offsets stay those of `args`)."""
    return [w for cmd in commands(args) for w in cmd.words]


def find_action(doc: Document) -> List[Upload]:
    """`PyO3/maturin-action` steps whose `command:` uploads; their `args:` are the command's flags."""
    found = []
    for job_id, job in jobs(doc):
        for i, step in steps(job):
            if not any(uses_action(step, a) is not None for a in ACTIONS):
                continue
            w = step.get("with") if isinstance(step.get("with"), dict) else {}
            command = _input(w, "command")
            if command is None or str(w[command]).strip() not in UPLOADER.detection.subcommands:
                continue
            key = _input(w, "args") or "args"
            args = w.get(key)
            words = args_words(args) if isinstance(args, str) else []
            flags = parse_flags(UPLOADER, words)
            chain = env_chain(doc, job_id, i)
            targets, where, unknown = find_targets(UPLOADER, flags, chain)
            old_name = uses_action(step, ACTIONS[1]) is not None
            found.append(Upload(UPLOADER, job_id, i, step, key, Command(words), 0, flags, targets, where,
                                env_credentials(UPLOADER, chain), step_label(step, i), unknown,
                                advice=RENAMED if old_name else None))
    return found
