"""tox configured in TOML: `[env.NAME]` in tox.toml, `[tool.tox.env.NAME]` in pyproject.toml.

`commands` is a list of argument lists and `pass_env` a list of names; both are edited as the
string literals they are written with, so the rest of the file keeps its bytes. The result is
loaded again and compared outside the edited keys (`toml_check.env_meaning`) before it is kept.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from codemods.follow.passenv import passenv_change
from codemods.engine.text_edits import apply_checked
from codemods.follow.shell_text import VARIABLE, after_last_line, section
from codemods.follow.toml_check import env_meaning
from codemods.follow.tox_ini import run_time_env
from codemods.uploaders import registry
from codemods.uploaders.command_line import argv_command, read_upload
from codemods.uploaders.spec import Uploader
from codemods import toml_text

STRING = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'")
_ARRAY_TOKEN = re.compile(STRING.pattern + r"|#[^\n]*|[\[\]]")


def _load(text: str) -> dict:
    return toml_text.loads(text)


def _array(text: str, start: int, end: int, key: str) -> Tuple[int, int]:
    """The span of the array value of `key = [...]` within [start, end) (brackets included)."""
    m = re.search(rf"(?m)^{re.escape(key)}\s*=\s*\[", text[start:end])
    if not m:
        return -1, -1
    depth = 0
    for t in _ARRAY_TOKEN.finditer(text, start + m.end() - 1, end):  # strings and comments hide their brackets
        depth += {"[": 1, "]": -1}.get(t.group(), 0)
        if depth == 0:
            return start + m.end() - 1, t.end()
    return -1, -1


def _drop(text: str, spans: List[Tuple[int, int]], lo: int, hi: int) -> List[Tuple[int, int, str]]:
    """Splices removing string literals from an array with the commas that separate them: neighbours
    go as one run (no two splices share a comma), which takes the comma after it, or the one before
    it when it ends the array."""
    runs: List[List[int]] = []
    for s, e in sorted(spans):
        if runs and re.fullmatch(r"\s*,\s*", text[runs[-1][1]:s]):
            runs[-1][1] = e
        else:
            runs.append([s, e])
    out = []
    for s, e in runs:
        after = re.match(r"\s*,[ \t]*", text[e:hi])
        if after:
            out.append((s, e + after.end(), ""))
        else:
            before = re.search(r",\s*$", text[lo:s])
            out.append((lo + before.start() if before else s, e, ""))
    return out


def edit_tox_toml(text: str, header: str, to_oidc: bool, platform=None, targets=None, run_time_index=None):
    """(new text, notes, manual, uploads, credential_env, cuts, freed, passed) for one tox environment; freed: the
    variables the cut arguments read (`{env:PYPI_TOKEN}`); passed: the cuts that were `pass_env` entries. The new text is checked by loading it."""
    from codemods.follow.passenv import GITHUB

    platform = platform or GITHUB
    targets = set() if targets is None else targets  # filled with the indexes the uploads go to
    run_time_index = [] if run_time_index is None else run_time_index  # and those chosen at run time
    notes: List[str] = []
    manual: List[str] = []
    start, end = section(text, header)
    if start < 0:  # as tox_ini does: an env chosen at run time, or one made from the base, uploads only if
        # the file has an upload at all (mitmproxy's `tox -e ${{ matrix.env }}` runs lint and tests)
        prefix, _, env_name = header.partition("env.")  # `tool.tox.` in pyproject.toml, nothing in tox.toml
        base = prefix + "env_run_base"
        base_start, base_end = section(text, base)
        if "$" in env_name:
            if registry.upload_line(text):
                manual.append(run_time_env(env_name))
        elif base_start >= 0 and registry.upload_line(text[base_start:base_end]):
            manual.append(f"no [{header}] table found and [{base}] uploads; follow the upload by hand")
        return text, notes, manual, 0, set(), 0, set(), 0
    try:
        env = (_dig(_load(text), header.split(".")) or {})
    except ValueError as e:  # the project's file is not TOML: say so, follow nothing
        return text, notes, [f"not valid TOML ({e}); change its upload by hand"], 1, set(), 0, set(), 0
    commands = env.get("commands") or []
    cs, ce = _array(text, start, end, "commands")
    literals = [(m.start() + cs, m.end() + cs) for m in STRING.finditer(text[cs:ce])] if cs >= 0 else []
    flat = [a for c in commands if isinstance(c, list) for a in c]
    if len(literals) != len(flat) or not all(isinstance(a, str) for a in flat):
        return text, notes, [f"[{header}] commands are not plain lists of strings; change the upload by hand"], \
            1 if commands else 0, set(), 0, set(), 0
    splices, uploads, cred_env, cuts, k, freed = [], 0, set(), 0, 0, set()
    intended = [list(c) for c in commands]
    for n, c in enumerate(commands):
        cmd = argv_command(c)
        upload = read_upload(cmd) if c else None
        if upload is not None and (upload.targets is not None or upload.index_unknown):
            up, at = upload.uploader, upload.at
            uploads += 1
            targets |= set(upload.targets or ())
            if upload.index_unknown:
                run_time_index.append(f"{upload.where}, [{header}]")
            cred_env |= set(up.credentials.variables)
            if not up.trusted:
                manual.append(f"[{header}] `{up.tool}` has no Trusted Publishing; upload with "
                              + ("the publish action" if platform is GITHUB else platform.fallback))
            else:
                drop = sorted(cmd.words.index(w) for w in upload.credential_words)
                cuts += len(drop)
                if not to_oidc:
                    drop = _oidc_flag_indices(up, c)
                if drop:
                    splices += _drop(text, [literals[k + i] for i in drop], cs, ce)
                    freed |= {v for i in drop for v in VARIABLE.findall(c[i])}
                    notes.append(f"[{header}] removed the credentials from the {up.name} command" if to_oidc
                                 else f"[{header}] removed `{' '.join(c[i] for i in drop)}`")
                add = list(up.oidc_flags) if to_oidc and not _oidc_flag_indices(up, c) else []
                if add:
                    after = literals[k + at - 1][1]
                    splices.append((after, after, "".join(f', "{f}"' for f in add)))
                    notes.append(f"[{header}] added `{' '.join(add)}`")
                intended[n] = [x for i, a in enumerate(c) if i not in drop
                               for x in [a] + (add if i == at - 1 else [])]
        k += len(c)
    if not uploads or manual:
        new, reason = apply_checked(text, splices, env_meaning(header, intended, None))
        return new, notes, manual + ([reason] if reason else []), uploads, cred_env, cuts, freed, 0
    names = env.get("pass_env") or []
    eol = "\r\n" if "\r\n" in text else "\n"
    ps, pe = _array(text, start, end, "pass_env")
    others = "\n".join(" ".join(c) for c in commands if not registry.upload_line(" ".join(c)))
    gone, want = passenv_change(names, cred_env, to_oidc, platform.oidc_variables(targets), others)
    passed = sum(1 for n in names if n in cred_env)
    cuts += passed
    if ps >= 0:
        plits = [(m.start() + ps, m.end() + ps) for m in STRING.finditer(text[ps:pe])]
        if len(plits) == len(names):
            splices += _drop(text, [plits[i] for i, n in enumerate(names) if n in gone], ps, pe)
            if want:
                keep = [p for i, p in enumerate(plits) if names[i] not in gone]
                at = keep[-1][1] if keep else ps + 1
                sep = ", " if keep else ""
                splices.append((at, at, sep + ", ".join(f'"{n}"' for n in want)))
    elif want:
        at = after_last_line(text, start, end)
        line = f"pass_env = {_toml_list(want)}"
        splices.append((at, at, line + eol if text[at - 1:at] == "\n" else eol + line))
    new, reason = apply_checked(text, splices, env_meaning(header, intended, [n for n in names if n not in gone] + want))
    if reason:
        return text, [], [reason], uploads, cred_env, cuts, freed, passed
    if gone:
        notes.append(f"[{header}] pass_env no longer passes {', '.join(gone)}")
    if want:
        notes.append(f"[{header}] pass_env now passes {', '.join(want)}")
    return new, notes, manual, uploads, cred_env, cuts, freed, passed


def _oidc_flag_indices(up: Uploader, args: List[str]) -> List[int]:
    """Where `--trusted-publishing always` (or `--trusted-publishing=always`) is in an argument list."""
    if not up.oidc_flags:
        return []
    flag, value = up.oidc_flags[0], up.oidc_flags[1:]
    for i, a in enumerate(args):
        if a == flag and list(args[i + 1:i + 1 + len(value)]) == list(value):
            return list(range(i, i + 1 + len(value)))
        if value and a == f"{flag}={value[0]}":
            return [i]
    return []


def _toml_list(names: List[str]) -> str:
    return "[" + ", ".join(f'"{n}"' for n in names) + "]"


def _dig(data: dict, keys: List[str]) -> Optional[dict]:
    for k in keys:
        if not isinstance(data, dict) or k not in data:
            return None
        data = data[k]
    return data if isinstance(data, dict) else None
