"""tox.ini (or pyproject's `legacy_tox_ini`): the upload in `[testenv:NAME] commands`, and `passenv`.

Edits are splices in the file's own line ending that leave every other line as it was; the result
is read back the way tox reads it (ini_check) and refused, with the reason, unless it means exactly
what the edit intended.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from codemods.follow import ini_check
from codemods.follow.passenv import passenv_change
from codemods.engine.text_edits import Meaning, apply_checked
from codemods.follow.shell_text import TextEdit, after_last_line, edit_shell_text, section
from codemods.notes import RUN_TIME_ENV, Note
from codemods.uploaders import registry

NAME = re.compile(r"[^\s,]+")
EOL = re.compile(r"\r?\n$")


def key_span(text: str, start: int, end: int, keys: str) -> Tuple[Optional[str], int, int]:
    """(key as written, value start, value end) of `key =` / `key:` in [start, end), continuation lines
    included; (None, -1, -1) when absent."""
    m = re.search(rf"(?im)^({keys})[ \t]*[=:][ \t]*", text[start:end])
    if not m:
        return None, -1, -1
    vs = start + m.end()
    ve = text.find("\n", vs)
    ve = end if ve < 0 or ve >= end else ve + 1
    while ve < end:
        line_end = text.find("\n", ve)
        line = text[ve:(end if line_end < 0 else min(line_end + 1, end))]
        if line.strip() and line[0] in " \t":
            ve += len(line)
        else:
            break
    return m.group(1), vs, ve


def _split(line: str) -> Tuple[str, str]:
    """(names part, comment and line ending) of one line of a value."""
    content = EOL.sub("", line)
    m = ini_check.COMMENT.search(content)
    cut = m.start() if m else len(content)
    return content[:cut], line[cut:]


def _join(body: str, names: List[str], many: bool) -> str:
    lead = body[:len(body) - len(body.lstrip())]
    sep = " " if many and "," not in body else ", "  # one name per blank: tox 3's style, kept
    return lead + sep.join(names)


def edit_passenv(value: str, gone: List[str], want: List[str], eol: str) -> str:
    """The value of passenv (after `passenv =`, continuation lines included) less `gone`, plus `want`.
    Lines with nothing to change keep their bytes; comments stay."""
    lines = value.splitlines(True) or [""]
    multiline = any(NAME.search(_split(line)[0]) for line in lines[1:])
    indent = next((re.match(r"[ \t]*", line).group() for line in lines[1:] if line.strip()), "    ")
    out, last = [], 0
    for i, line in enumerate(lines):
        body, rest = _split(line)
        found = NAME.findall(body)
        kept = [n for n in found if n not in gone]
        if i == 0 and not multiline:
            kept += want
        if kept == found:
            out.append(line)
        elif i > 0 and not kept and not rest.strip():
            continue  # a continuation line left with nothing
        else:
            out.append(_join(body, kept, len(found) > 1) + rest)
        if kept or i == 0:
            last = len(out)
    if multiline and want:
        tail = not value.endswith("\n")
        if tail and last == len(out):
            out[-1] += eol
        out[last:last] = [indent + n + eol for n in want]
        if tail and last + len(want) == len(out):
            out[-1] = EOL.sub("", out[-1])
    return "".join(out)


def _inherited_passenv(text: str, legacy: bool) -> Optional[str]:
    """`{[testenv]passenv}` when [testenv] has one: a passenv of the env's own replaces the inherited
    one, so the new key keeps it by reference."""
    start, end = _bounds(text, "testenv", legacy)
    key = key_span(text, start, end, "pass_env|passenv")[0] if start >= 0 else None
    return f"{{[testenv]{key.lower()}}}" if key else None


def _bounds(text: str, header: str, legacy: bool) -> Tuple[int, int]:
    start, end = section(text, header)
    if legacy and start >= 0:  # the ini text ends where pyproject's string does
        close = re.search(r"(?m)^[ \t]*(\"\"\"|''')", text[start:end])
        end = start + close.start() if close else end
    return start, end


def _expand(pattern: str) -> List[str]:
    """tox's generative names: `{build,clean}` and `py{310,311}-django{4,5}` to every name they make."""
    m = re.search(r"\{([^{}]*)\}", pattern)
    if not m:
        return [pattern]
    return [n for part in m.group(1).split(",")
            for n in _expand(pattern[: m.start()] + part.strip() + pattern[m.end():])]


def _generative_header(text: str, env: str) -> Optional[str]:
    """The header of a `[testenv:{a,b}]` section that makes the env `env`, if one does."""
    for m in re.finditer(r"(?m)^[ \t]*\[(testenv:[^\]\n]*\{[^\]\n]*)\][ \t]*$", text):
        if len(m.group(1)) < 200 and env in _expand(m.group(1)[len("testenv:"):]):
            return m.group(1)
    return None


def edit_tox(change, to_oidc: bool, platform=None, chain=()) -> None:
    from codemods.follow.passenv import GITHUB

    platform = platform or GITHUB
    text, env = change.old_text, change.target.name
    legacy = change.target.path.name == "pyproject.toml"
    header = f"testenv:{env}"
    start, end = _bounds(text, header, legacy)
    if start < 0:
        generated = _generative_header(text, env)
        if generated:
            header = generated
            start, end = _bounds(text, header, legacy)
    if start < 0:
        if "$" in env:  # chosen at run time (a matrix value, an input): said only when the step passes a secret
            if registry.upload_line(text):
                change.manual.append(run_time_env(env))
            return
        base_start, base_end = _bounds(text, "testenv", legacy)
        if base_start >= 0 and registry.upload_line(text[base_start:base_end]):
            change.manual.append(f"no [{header}] section found and [testenv] uploads; follow the upload by hand")
        # else an env made from [testenv] (py312, lint), which uploads nothing, or one the file does not define
        # (`defines_env`): what it runs comes from elsewhere (opaque.opaque_commands says so, with the credential)
        return
    eol = "\r\n" if "\r\n" in text else "\n"
    _, cs, ce = key_span(text, start, end, "commands")
    edit = edit_shell_text(text, cs, ce, 1, to_oidc, platform=platform, chain=chain) if cs >= 0 else TextEdit()
    change.uploads, change.credential_env, change.freed = edit.uploads, edit.credential_env, edit.freed
    change.run_time_index = edit.run_time_index
    change.targets = set(edit.targets)
    change.lines, change.tools = edit.lines, edit.tools
    key, ps, pe = key_span(text, start, end, "pass_env|passenv")
    names = ini_check.names(text[ps:pe]) if ps >= 0 else []
    change.passed_through = sum(1 for n in names if n in edit.credential_env)
    change.cuts = edit.cuts + change.passed_through
    change.notes += [f"[{header}] {n}" for n in edit.notes]
    change.manual += edit.manual
    splices = list(edit.splices)
    gone, want = ([], []) if not edit.uploads or edit.manual else \
        passenv_change(names, edit.credential_env, to_oidc, platform.oidc_variables(edit.targets),
                       "\n".join(ln for ln in text[cs:ce].splitlines() if not registry.upload_line(ln)) if cs >= 0 else "")
    if ps >= 0 and (gone or want):
        splices.append((ps, pe, edit_passenv(text[ps:pe], gone, want, eol)))
    elif ps < 0 and want:
        inherited = _inherited_passenv(text, legacy)
        at = after_last_line(text, start, end, ("#", ";"))
        lines = ["passenv ="] + [f"    {n}" for n in ([inherited] if inherited else []) + want]
        names = [inherited] if inherited else []
        block = eol.join(lines) + eol if text[at - 1:at] == "\n" else eol + eol.join(lines)
        splices.append((at, at, block))
    intended = [n for n in names if n not in gone] + want
    new_text, reason = apply_checked(text, splices, _meaning(header, (key or "passenv").lower(), intended, edit,
                                                             legacy))
    if reason:
        change.manual.append(reason)
        return
    if gone:
        change.notes.append(f"[{header}] passenv no longer passes {', '.join(gone)}")
    if want:
        change.notes.append(f"[{header}] passenv now passes {', '.join(want)}")
    change.new_text = new_text


def _meaning(header: str, key: str, passenv: List[str], edit: TextEdit, legacy: bool) -> Meaning:
    """The tox.ini kind's check: tox reads the new text as the old one with the intended edit."""
    def meaning(old: str, new: str) -> Optional[str]:
        try:
            before = ini_check.read_ini(ini_check.ini_of(old, legacy))
        except ValueError as e:
            why = f"tox cannot read it as it is: {e}"
        else:
            try:
                after = ini_check.read_ini(ini_check.ini_of(new, legacy))
            except ValueError as e:
                why = f"tox could not read it any more: {e}"
            else:
                why = ini_check.check_tox_env(before, after, header, key, passenv, edit.cut_words, edit.added_words)
        return why and f"the edit of [{header}] would not read back as intended ({why}); change it by hand"
    return meaning


# A python factor (py312, py3.12, pypy3, 3.13): tox makes such an env from the base without a section of its own
PYTHON_FACTOR = re.compile(r"(?:py|pypy|cpython|python)?\d[\d.]*t?|py|pypy|python|cpython", re.I)


def tox_format(path) -> str:
    """How a tox configuration is written: `pyproject` (a `[tool.tox]` table or its legacy ini), `toml` (tox.toml, or
    another `.toml` given with `tox -c`), or `ini` (tox.ini, or another file given with `-c`)."""
    if path.name == "pyproject.toml":
        return "pyproject"
    return "toml" if path.suffix == ".toml" else "ini"


def defines_env(path, text: str, env: str) -> bool:
    """The tox configuration `path` (its `text`) defines the env `env`: its own section or table, a generative
    section that makes it, its name in the env list, a python factor, or a factor of it that [testenv] settings
    are conditional on (`deploy: twine upload`). An env none of these make is not this file's (tox 3 runs it from
    the bare [testenv], tox 4 refuses it): a reusable workflow's caller brings its own."""
    factors = env.split("-")
    if any(PYTHON_FACTOR.fullmatch(f) for f in factors):
        return True
    kind = tox_format(path)
    if kind == "toml" or (kind == "pyproject" and "legacy_tox_ini" not in text):
        prefix = "" if kind == "toml" else "tool.tox."
        quoted = re.search(rf"[\"']{re.escape(env)}[\"']|^[ \t]*{re.escape(env)}[ \t]*=", text, re.M)
        return section(text, f"{prefix}env.{env}")[0] >= 0 or quoted is not None
    legacy = path.name == "pyproject.toml"
    if _bounds(text, f"testenv:{env}", legacy)[0] >= 0 or _generative_header(text, env):
        return True
    start, end = _bounds(text, "tox", legacy)
    _, vs, ve = key_span(text, start, end, "envlist|env_list") if start >= 0 else (None, -1, -1)
    parts = re.split(r"[\s,]+(?![^{]*\})", text[vs:ve]) if vs >= 0 else []
    listed = [n for part in parts for n in _expand(part)]
    if env in listed:
        return True
    start, end = _bounds(text, "testenv", legacy)
    conditions = re.findall(r"(?m)^[ \t]*([!\w.,{}-]+):[ \t]", text[start:end]) if start >= 0 else []
    return any(f in re.split(r"[!,{}-]+", c) for c in conditions for f in factors)


def run_time_env(env: str, what: str = "tox env") -> Note:
    """What to check for a tox env (or nox session) named at run time (a matrix value, an input) in a file
    that uploads."""
    return Note(f"the {what} is chosen at run time (`{env}`); check whether it uploads, by hand", kind=RUN_TIME_ENV)
