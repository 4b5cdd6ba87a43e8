"""Edit a file that a workflow step runs (script, Makefile target, tox env, Python script)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set, Tuple

from codemods.engine.file_edit import FileEdit, Target
from codemods.follow.passenv import GITHUB, Platform
from codemods.indexes import Index
from codemods.follow.makefile import MakeVariables, recipe_regions, shell_view
from codemods.follow.shell_text import HandOver, edit_shell_text, words_meaning
from codemods.engine.text_edits import apply_checked
from codemods.uploaders import registry


@dataclass
class FileChange(FileEdit):
    """A followed file: its edit and what was found in it."""
    notes: List[str] = field(default_factory=list)
    manual: List[str] = field(default_factory=list)
    uploads: int = 0
    credential_env: Set[str] = field(default_factory=set)
    freed: Set[str] = field(default_factory=set)
    freed_arguments: bool = False  # the removed text read the script's arguments (`-p $1`)
    cuts: int = 0  # credential options found in the file
    passed_through: int = 0  # of `cuts`, the uploader's own variables a tox env passed through (`passenv`): its
    # token came from the environment by the uploader's name, as for an upload that reads it there itself
    lines: List[int] = field(default_factory=list)  # where its uploads are
    tools: List[str] = field(default_factory=list)  # the uploaders it runs, where read (`poetry` for a Makefile)
    hand_over: List[HandOver] = field(default_factory=list)  # uploads the workflow now makes with the action
    targets: Set[Index] = field(default_factory=set)  # the indexes its uploads go to (when it can tell)
    # uploads to an index chosen at run time (`--repository $PYPI_REPO`): "`--repository $PYPI_REPO`, line 7"
    run_time_index: List[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How reports name the file: a composite action by its path (every one is action.yml)."""
        return self.target.name if self.target.kind == "composite" and self.target.name else self.target.path.name


def step_environment(chain) -> Dict[str, Optional[str]]:
    """The variables a step's `env:` (or its job's, or the workflow's) sets, as the files it runs see
    them: the value when the workflow writes it out, None when it is an expression (known at run time)."""
    out: Dict[str, Optional[str]] = {}
    for _, env in reversed(list(chain)):  # the nearest last: it wins
        for name, value in env.items():
            if isinstance(value, bool):
                literal: Optional[str] = str(value).lower()
            elif value is None or isinstance(value, (dict, list)):
                literal = None
            else:
                literal = str(value)
            out[str(name)] = None if literal is None or "${{" in literal else literal
    return out


def _toml_string(text: str, table: str, key: str) -> Tuple[int, int]:
    """The inside of `key = "…"` (or `key = {cmd = "…"}`/`{shell = "…"}`) in `[table]`; (-1, -1) otherwise."""
    m = re.search(rf"(?m)^\[{re.escape(table)}\]\s*$", text)
    if not m:
        return -1, -1
    nxt = re.search(r"(?m)^\[", text[m.end():])
    section = text[m.end():(m.end() + nxt.start()) if nxt else len(text)]
    q = re.escape(key)
    v = re.search(rf"(?m)^[\"']?{q}[\"']?\s*=\s*(?:\{{\s*(?:cmd|shell)\s*=\s*)?(\"[^\"\\\n]*\"|'[^'\n]*')", section)
    if not v:
        return -1, -1
    return m.end() + v.start(1) + 1, m.end() + v.end(1) - 1


def edit_target(target: Target, text: str, to_oidc: bool, platform: Platform = GITHUB,
                rewrite: bool = True, chain=()) -> FileChange:
    """The uploads of one followed file and its edit. `rewrite=False` is for reporting (the doctor): a
    Python script is then only read, and its `new_text` is the source with the cut items blanked.
    `chain`: the `env:` mappings the step sees, nearest first (`env_chain`): the file's commands read
    the index and Makefile variables through them."""
    change = FileChange(target, text, text)
    # each kind's editor is imported when a file of that kind is edited: most workflows follow none
    if target.kind == "pyproject-script":
        from codemods.follow.toml_check import script_meaning

        table, _, key = target.name.rpartition(".")
        start, end = _toml_string(text, table, key)
        if start < 0:
            if re.search(rf"(?m)^\[{re.escape(table)}\]", text) and registry.upload_line(text):
                change.uploads = 1
                change.manual.append(f"the script `{key}` in [{table}] is not a plain string; change its upload by "
                                     "hand")
            return change
        edit = edit_shell_text(text, start, end, 1, to_oidc, platform=platform, chain=chain)
        change.targets, change.run_time_index = set(edit.targets), edit.run_time_index
        change.notes, change.manual, change.uploads = edit.notes, edit.manual, edit.uploads
        change.credential_env, change.freed, change.cuts, change.lines = (edit.credential_env, edit.freed, edit.cuts,
                                                                          edit.lines)
        change.tools = edit.tools
        meaning = script_meaning(table, key, words_meaning(edit.cut_words, edit.added_words))
        change.new_text, why = apply_checked(text, edit.splices, meaning)
        change.manual += [why] if why else []
        return change
    if target.kind == "tox":
        from codemods.follow.tox_ini import edit_tox, tox_format
        from codemods.follow.tox_toml import edit_tox_toml

        kind = tox_format(target.path)
        header = f"env.{target.name}" if kind == "toml" else f"tool.tox.env.{target.name}"
        if kind == "ini" or (kind == "pyproject" and "legacy_tox_ini" in text and f"[{header}]" not in text):
            edit_tox(change, to_oidc, platform, chain)  # also the ini text kept in pyproject's legacy_tox_ini
            return change
        (change.new_text, change.notes, change.manual, change.uploads, change.credential_env, change.cuts,
         change.freed, change.passed_through) = edit_tox_toml(text, header, to_oidc, platform, change.targets, change.run_time_index)
        return change
    if target.kind in ("python", "nox", "invoke"):
        from codemods.follow.python_calls import edit_python, session_lines

        within = session_lines(text, target.name) if target.kind == "nox" else None
        edit = edit_python(text, platform.fallback, rewrite=rewrite and to_oidc, within=within)
        change.new_text = edit.new_text if to_oidc else text
        change.notes, change.manual = edit.notes, edit.manual
        change.uploads, change.credential_env, change.cuts = edit.uploads, edit.credential_env, edit.cuts
        change.lines, change.freed, change.targets = edit.lines, edit.freed, set(edit.targets)
        change.run_time_index = edit.run_time_index
        if target.kind == "nox" and within is None and "$" in target.name and (change.uploads or change.manual):
            from codemods.follow.tox_ini import run_time_env

            # as a tox env chosen at run time: an upload only where the step passes a secret, then by hand
            change.uploads, change.manual = 0, [run_time_env(target.name, "nox session")]
        return change
    view = shell_view if target.kind == "make" else (lambda t: t)  # make's `@`/`-`/`+` are not the shell's
    if target.kind == "make":
        made: Set[str] = set()  # the target and its prerequisites
        regions = recipe_regions(text, target.name, made)
        variables = MakeVariables(text, target.path.parent, dict(getattr(target, "assignments", ())),
                                  step_environment(chain), made)  # `$(UV) publish`: the shell gets `uv publish`
        edits = [edit_shell_text(view(text), s, e, 1, to_oidc, platform=platform, variables=variables, chain=chain)
                 for s, e, _ in regions]
    else:
        from codemods.follow.script_args import read_call

        edits = [edit_shell_text(text, to_oidc=to_oidc, hand_over=target.kind == "script" and platform.hand_over,
                                 platform=platform, chain=chain, call=read_call(text, getattr(target, "args", None),
                                                                    getattr(target, "sourced", None)))]
    splices = [sp for e in edits for sp in e.splices]
    for e in edits:
        change.notes += e.notes
        change.manual += e.manual
        change.uploads += e.uploads
        change.credential_env |= e.credential_env
        change.freed |= e.freed
        change.freed_arguments |= e.freed_arguments
        change.cuts += e.cuts
        change.lines += e.lines
        change.tools += e.tools
        change.hand_over += e.hand_over
        change.targets |= e.targets
        change.run_time_index += e.run_time_index
    cut = [w for e in edits for w in e.cut_words]
    added = [w for e in edits for w in e.added_words]
    change.new_text, why = apply_checked(text, splices, words_meaning(cut, added, view))
    change.manual += [why] if why else []
    if change.new_text == text:
        change.hand_over = []
    return change
