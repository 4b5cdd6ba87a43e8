"""maturin upload/publish (and PyO3/maturin-action): Trusted Publishing on GitHub since 0.15.

Both commands are deprecated since maturin 1.11 in favour of `uv publish`; they still work.
"""
from typing import List

from codemods.engine.document import Document
from codemods.publishers.uploaders import Upload, Uploader, env_chain, env_credentials, find_targets, parse_flags
from codemods.shell import Command, Word, commands
from codemods.workflow import jobs, step_label, steps, uses_action

DEPRECATION = ("maturin's `upload` and `publish` commands are deprecated since maturin 1.11; consider "
               "`uv publish --trusted-publishing always` on the built wheels instead")

UPLOADER = Uploader(
    name="maturin",
    tool="maturin",
    subcommands=("upload", "publish"),
    trusted=True,
    password_env=("MATURIN_PYPI_TOKEN", "MATURIN_PASSWORD"),
    user_env=("MATURIN_USERNAME",),
    url_env=("MATURIN_REPOSITORY_URL",),
    repo_env=("MATURIN_REPOSITORY",),
    password_flags=("-p", "--password"),
    user_flags=("-u", "--username"),
    url_flags=("--repository-url",),
    repo_flags=("-r", "--repository"),
    token_env=(("MATURIN_PYPI_TOKEN", "{secret}"),),
    note=DEPRECATION,
)
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
            if command is None or str(w[command]).strip() not in UPLOADER.subcommands:
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
