"""A job that rewrites its project's metadata before it builds publishes a name the repository's files
do not hold (MyST-Parser's second job turns `myst-parser` into `myst-docutils` with a script): the
publisher to register is for that name, and the environment URL must point at it.

Read without running anything: a Python script the job runs that writes a file and assigns one
literal to a `name` key (`doc["project"]["name"] = "myst-docutils"`), a `sed -i` that rewrites
`name` in pyproject.toml, setup.cfg or setup.py (its new name read when the expression shows it),
or another file copied over pyproject.toml (`cp pypi/pyproject.optimizers.toml pyproject.toml`).
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional

from codemods.engine.reading import text_or_none
from codemods.follow.calls import step_start, targets_in_script
from codemods.project import pyproject_name
from codemods.workflow import step_label, steps

METADATA = re.compile(r"(?<![\w.-])(pyproject\.toml|setup\.cfg|setup\.py)\b")
SED_IN_PLACE = re.compile(r"\bsed\s+(-\w*i|--in-place)[^\n]*\bname\b")
SED_NAME = re.compile(r"""\bname\s*=\s*\\?["']?[^/\n]*/[^/\n]*\bname\s*=\s*\\?["']?([A-Za-z0-9][\w.-]*)""")
NAME_PATTERN = re.compile(r"""['"]\^?name\s*=""")
NAME_ARGUMENT = re.compile(r"""--[\w-]*name[ \t=]+['"]?([A-Za-z0-9][\w.-]*)""")
PY_WRITES = re.compile(r"""open\([^)\n]*['"][wa]\+?['"]|\.write_text\(|\.write\(|\bdump\(""")


@dataclass(frozen=True)
class Rename:
    step: str  # the step that rewrites the metadata
    name: Optional[str]  # the name it gives the project; None: it cannot be read


def _assigned_name(source: str) -> Optional[str]:
    """The literal a Python script gives a `name` key, when it gives exactly one."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError):
        return None
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for t in node.targets:
                if isinstance(t, ast.Subscript) and isinstance(t.slice, ast.Constant) and t.slice.value == "name":
                    names.add(node.value.value)
    return names.pop() if len(names) == 1 else None


def _swapped_in(text: str) -> Optional[str]:
    """The file the script copies or moves over pyproject.toml before it builds (the last such `cp`/`mv`
    before its first build command), its path read through the script's own literal variables
    (chroma-core/chroma: `thin_client_toml="clients/python/pyproject.toml"`, then `cp "$thin_client_toml"
    "$existing_toml"`). "" when the source cannot be read (a value set at run time); None for no swap."""
    from codemods.builds import BUILD
    from codemods.shell import RUN_TIME, assignments, commands

    build = BUILD.search(text)
    before = text[:build.start()] if build else text
    cmds = list(commands(before))
    values = assignments(before, flow_per_command=True)

    def value(word) -> Optional[str]:
        ref = re.fullmatch(r"""["']?\$\{?([A-Za-z_]\w*)\}?["']?""", word.text)
        if ref:
            known = values.get(ref.group(1))
            return None if known in (None, RUN_TIME) else known
        return None if re.search(r"[$`*?]", word.text) else word.value

    found = None
    for c in cmds:
        words = [w for w in c.words if not w.value.startswith("-")]
        if len(words) != 3 or words[0].value not in ("cp", "mv"):
            continue
        target = value(words[2])
        if target is not None and re.fullmatch(r"(\./)?pyproject\.toml", target):
            found = value(words[1]) or ""
    return found


def _shell_rename(root: Path, label: str, text: str) -> Optional[Rename]:
    """A rename written in shell (the step's script or a script it runs): a copied pyproject.toml or a
    `sed -i` over `name`."""
    if not METADATA.search(text):
        return None
    swapped = _swapped_in(text)
    if swapped is not None:
        source = root / swapped
        inside = bool(swapped) and source.resolve().is_relative_to(root.resolve()) and source.is_file()
        return Rename(label, pyproject_name(source) if inside else None)
    sed = SED_IN_PLACE.search(text)
    if sed:
        m = SED_NAME.search(text, sed.start())
        return Rename(label, m.group(1) if m else None)
    return None


def _python_rename(label: str, text: str, args: str) -> Optional[Rename]:
    """A rename made by a Python script that writes a file: a literal given to a `name` key, or a regex
    over `name = "…"` whose new name comes from the command line (`--test-name X`)."""
    if not PY_WRITES.search(text):
        return None
    name = _assigned_name(text)
    if name is None and NAME_PATTERN.search(text):
        arg = NAME_ARGUMENT.search(args)
        return Rename(label, arg.group(1) if arg else None)
    return Rename(label, name) if name else None


def job_rename(root: Path, job: Dict, upload_step: int) -> Optional[Rename]:
    """The last rewrite of the project's metadata in the job's steps up to the upload's, including
    the scripts they run."""
    found = None
    for i, step in steps(job):
        script = step.get("run")
        if i > upload_step:
            break
        if not isinstance(script, str):
            continue
        label = step_label(step, i)
        found = _shell_rename(root, label, script) or found
        for target in targets_in_script(script, root, *step_start(job, step)):
            if target.kind not in ("script", "python"):
                continue
            text = text_or_none(target.path)
            if text is None:
                continue
            rename = _python_rename(label, text, script) if target.path.suffix == ".py" or target.kind == "python" \
                else _shell_rename(root, label, text)
            found = rename or found
    return found
