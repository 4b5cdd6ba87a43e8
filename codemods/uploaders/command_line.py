"""One upload command on a command line, the same for every front end (workflow `run:`, an action's
`args`, scripts, Makefile recipes, tox commands, Python argument lists): which registered tool it
runs (past wrappers such as `python -m`, `pipx run`, `uvx`, `uv run`), and its credential and index
options as the tool's own parser reads them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

from codemods.indexes import PYPI, Index, classify_url, other_host
from codemods.shell import Command, Word, cut_span
from codemods.uploaders import registry
from codemods.uploaders.spec import Uploader

# `X run CMD` runs CMD (tox's `run` is its own subcommand, `tox run -e release`: tox is what runs)
WRAPPERS_WITH_RUN = ("poetry", "pdm", "hatch", "rye", "pipenv")


UV_RUN_VALUE_OPTIONS = {"--with", "--from", "--python", "-p", "--project", "--directory", "--extra", "--group",
                        "--index", "--index-url", "--env-file", "--with-requirements", "--package"}


def tool_word(word: str) -> str:
    """The program a command word names: `venv/bin/twine`, `${PREFIX}twine` (a path in a variable, as in
    encode's scripts) and `twine==6.1.0` are all `twine`."""
    word = _VARIABLE_PREFIX.sub("", word)
    word = word.rsplit("/", 1)[-1]
    return _VERSION_SPEC.split(word, maxsplit=1)[0]


_VARIABLE_PREFIX = re.compile(r"^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*(?=/))")
_VERSION_SPEC = re.compile(r"==|@|>=|<=|~=|\[")
_PYTHON_VARIABLE = re.compile(r"\$(\(|\{)?[A-Za-z_]*PY[A-Za-z0-9_]*(\)|\})?", re.I)
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
_PYTHON = re.compile(r"python[0-9.]*|py")


def python_variable(word: str) -> bool:
    """A variable holding the interpreter: `$(PYTHON)` in a Makefile, `"$TOOL_PYTHON"`, `${PY}`."""
    return _PYTHON_VARIABLE.fullmatch(word) is not None


def strip_wrappers(words: List[Word]) -> int:
    """Index of the tool's own name in a command, past `VAR=x`, `python -m`, `pipx run`, `uvx`, `uv run`…"""
    i = 0
    vals = [w.value for w in words]
    while i < len(vals) and _ASSIGNMENT.match(vals[i]):
        i += 1
    while i < len(vals):
        v = tool_word(vals[i])
        if (_PYTHON.fullmatch(v) or python_variable(vals[i])) and i + 2 < len(vals) \
                and vals[i + 1] == "-m":
            return i + 2
        if v == "pipx" and i + 1 < len(vals) and vals[i + 1] == "run":
            i += 2
            while i < len(vals) and vals[i].startswith("-"):
                i += 2 if vals[i] in ("--spec", "--python", "--pip-args") else 1
            return i
        if v == "uvx":
            i += 1
            while i < len(vals) and vals[i].startswith("-"):
                i += 2 if vals[i] in UV_RUN_VALUE_OPTIONS else 1
            return i
        if v == "uv" and i + 1 < len(vals) and vals[i + 1] in ("run", "tool"):
            i += 2
            if i < len(vals) and vals[i - 1] == "tool" and vals[i] == "run":
                i += 1
            while i < len(vals) and vals[i].startswith("-"):
                i += 2 if vals[i] in UV_RUN_VALUE_OPTIONS else 1
            continue
        if v in WRAPPERS_WITH_RUN and i + 1 < len(vals) and vals[i + 1] == "run":
            i += 2
            continue
        if v in ("sudo", "time", "exec", "env"):
            i += 1
            continue
        return i
    return i


def match_command(uploader: Uploader, cmd: Command) -> Optional[int]:
    """Index of the first argument after the upload command when `cmd` is this tool's upload."""
    if uploader.detection.match:
        return uploader.detection.match([w.value for w in cmd.words])
    if not any(uploader.tool in w.value for w in cmd.words):  # the tool's name is in the word that runs it
        return None
    i = strip_wrappers(cmd.words)
    vals = [w.value for w in cmd.words[i:]]
    if not vals or tool_word(vals[0]) != uploader.tool:
        return None
    j = 1
    while j < len(vals) and vals[j].startswith(("-", "{")):  # `twine --no-color upload`, tox's `{posargs}`
        j += 1
    if j >= len(vals) or vals[j] not in uploader.detection.subcommands:
        return None
    return i + j + 1


@dataclass
class FlagUse:
    kind: str  # password, user, url, repo
    flag: Word
    value: Optional[Word]  # None when written as --flag=value or -pVALUE
    inline: Optional[str] = None

    @property
    def text(self) -> str:
        return self.inline if self.inline is not None else (self.value.value if self.value else "")

    @property
    def raw(self) -> str:
        return self.inline if self.inline is not None else (self.value.text if self.value else "")

    @property
    def end(self) -> int:
        return (self.value or self.flag).end


def long_option(uploader: Uploader, name: str) -> str:
    """The long option a word names: itself, or for argparse tools the one option it is a prefix of."""
    options = uploader.detection.long_options
    if not uploader.detection.abbreviations or not name.startswith("--") or name in options:
        return name
    matches = [o for o in options if o.startswith(name)]
    return matches[0] if len(matches) == 1 else name


def parse_flags(uploader: Uploader, words: List[Word]) -> List[FlagUse]:
    kinds = {}
    for kind, flags in (("password", uploader.credentials.password_flags), ("user", uploader.credentials.user_flags),
                        ("url", uploader.index.url_flags), ("repo", uploader.index.repo_flags)):
        for f in flags:
            kinds[f] = kind
    out, i = [], 0
    while i < len(words):
        v = words[i].value
        name, eq, inline = v.partition("=")
        if name.startswith("--"):
            name = long_option(uploader, name)
            v = name + eq + inline if eq else name
        if name.startswith("--") and eq and name in kinds:
            out.append(FlagUse(kinds[name], words[i], None, inline))
        elif v in kinds:
            out.append(FlagUse(kinds[v], words[i], words[i + 1] if i + 1 < len(words) else None))
            i += 1
        elif len(v) > 2 and v[:2] in kinds and not v.startswith("--"):
            out.append(FlagUse(kinds[v[:2]], words[i], None, v[2:]))
        i += 1
    return out


def oidc_flag_spans(up: Uploader, cmd: Command, script: str) -> List[Optional[Tuple[int, int]]]:
    """Where `--trusted-publishing always` (or `--trusted-publishing=always`) stands, ready to cut;
    None for one that runs over a line continuation (it cannot be cut on one line)."""
    spans = []
    for i, w in enumerate(cmd.words if up.oidc_flags else []):
        if w.value == up.oidc_flags[0] or w.value.startswith(up.oidc_flags[0] + "="):
            separate = w.value == up.oidc_flags[0] and len(up.oidc_flags) > 1 and i + 1 < len(cmd.words)
            spans.append(cut_span(script, w.start, cmd.words[i + 1].end if separate else w.end))
    return spans


def find_upload(cmd: Command) -> Optional[Tuple[Uploader, int]]:
    """The registered tool whose upload `cmd` is, with the index of its first argument."""
    for up in registry.all_uploaders():
        at = match_command(up, cmd)
        if at is not None:
            if any(w.value in up.detection.dry_run for w in cmd.words[at:]):  # it uploads nothing
                return None
            return up, at
    return None


@dataclass
class Upload:
    """An upload command as every followed-file front end (scripts, tox TOML, Python calls) reads it:
    the tool, where its arguments start, their flags, and the index they name (None: another index, or
    one chosen at run time (`index_unknown`, `--repository $PYPI_REPO`): either keeps its credentials)."""
    uploader: Uploader
    at: int
    flags: List[FlagUse]
    targets: Optional[Tuple[Index, ...]]
    index_unknown: bool = False
    where: str = ""  # the option (or variable) that names the index, for messages

    @property
    def credential_flags(self) -> List[FlagUse]:
        """The credential flags Trusted Publishing needs gone: all of them where one holds a secret (a
        password, or a user other than `__token__`, whose password a file or keyring then gives); none for
        `-u __token__` alone, the user name Trusted Publishing uses too (smarie/python-pytest-cases)."""
        flags = [f for f in self.flags if f.kind in ("password", "user")]
        return flags if holds_a_secret(flags) else []

    @property
    def credential_words(self) -> List[Word]:
        """The words to cut for Trusted Publishing: each credential flag and its separate value."""
        return [w for f in self.credential_flags for w in (f.flag, f.value) if w is not None]


def holds_a_secret(flags: Sequence[FlagUse]) -> bool:
    return any(f.kind == "password" or f.text.strip() not in ("__token__", "") for f in flags)


def argv_command(values: Sequence[Optional[str]]) -> Command:
    """An argument list (`["twine", "upload", "-p", tok]`) as a command whose word i is element i;
    an element unknown until run time (None) becomes a placeholder word."""
    words = []
    for i, v in enumerate(values):
        text = v if v is not None else "\x00expr"
        words.append(Word(text if " " not in text else f"'{text}'", 2 * i, 2 * i + 1))
    return Command(words)


def read_upload(cmd: Command, chain=()) -> Optional[Upload]:
    """`cmd` read as an upload of a registered tool, or None when it is not one. `chain`: the variables
    it sees (the step's `env:`, the script's own assignments), nearest first."""
    hit = find_upload(cmd)
    if hit is None:
        return None
    up, at = hit
    flags = parse_flags(up, cmd.words[at:])
    targets, where, unknown = find_targets(up, flags, chain)
    return Upload(up, at, flags, None if unknown or not targets else targets, unknown, where)


def lookup(chain, name: str) -> Optional[Any]:
    for _, env in chain:
        if name in env:
            return env[name]
    return None


def resolve(value: Any, chain) -> Optional[str]:
    """A literal value behind `$VAR`, `${VAR}` or `${{ env.VAR }}`, when the workflow sets one; None for
    a value known only at run time (also tox's `{env:X}` and make's `$(X)`)."""
    if value is None:
        return None
    text = str(value).strip().strip("'\"")
    tox = re.fullmatch(r"\{env:([A-Za-z_][A-Za-z0-9_]*)(?::([^{}]*))?\}", text)
    if tox:  # tox's `{env:NAME:default}`: the step's value, else the default
        inner = lookup(chain, tox.group(1))
        return resolve(inner, chain) if inner is not None else tox.group(2)
    if "`" in text or "\x00" in text:  # a command's output, a Python expression (argv_command's placeholder)
        return None
    m = re.fullmatch(r"\$\{?([A-Za-z_][A-Za-z0-9_]*|[1-9])\}?|\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}", text)
    if m:
        inner = lookup(chain, m.group(1) or m.group(2))
        return None if inner is None else resolve(inner, chain)
    if "$" in text or "{" in text:
        return None
    return text


def find_targets(uploader: Uploader, flags: List[FlagUse], chain,
                 defined: Optional[Dict[str, str]] = None) -> Tuple[Tuple[Index, ...], str, bool]:
    """The index an upload goes to, where that was read, and whether it is only known at run time.
    `defined`: repositories the same script names first (`poetry config repositories.NAME URL`)."""
    urls = [(f.text, f"`{f.flag.value} {f.raw}`") for f in flags if f.kind == "url"]
    urls += [(lookup(chain, v), f"`{v}`") for v in uploader.index.url_env if lookup(chain, v) is not None]
    repos = [(f.text, f"`{f.flag.value} {f.raw}`") for f in flags if f.kind == "repo"]
    repos += [(lookup(chain, v), f"`{v}`") for v in uploader.index.repo_env if lookup(chain, v) is not None]
    for raw, where in urls[:1]:
        value = resolve(raw, chain)
        if value is None:
            return (), where, not other_host(raw)
        index = classify_url(value)
        return ((index,) if index else ()), where, False
    for raw, where in repos[:1]:
        value = resolve(raw, chain)
        if value is None:
            return (), where, True
        if "://" in value:
            index = classify_url(value)
            return ((index,) if index else ()), where, False
        named = dict(uploader.index.repo_names).get(value.lower())
        if named is None and value in (defined or {}):
            named = classify_url(defined[value])
        return ((named,) if named else ()), where, False
    return (PYPI,), "", False


def stores_credential(up: Uploader, cmd: Command) -> bool:
    """`cmd` stores a credential for this tool's uploads (`poetry config pypi-token.pypi …`, also
    behind `python -m` and the other wrappers)."""
    if not up.credentials.stored_by:
        return False
    i = strip_wrappers(cmd.words)
    vals = [w.value for w in cmd.words[i:]]
    if vals:
        vals[0] = tool_word(vals[0])
    return re.match(up.credentials.stored_by, " ".join(vals)) is not None


def same_tool(cmd: Command, script: str, command: str) -> str:
    """`command` (`poetry build`) run the way `cmd` runs its tool: its wrappers and the tool as written
    (`python -m poetry build`, `.venv/bin/flit build`), without `VAR=value` assignments."""
    i = strip_wrappers(cmd.words)
    j = 0
    while j < i and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", cmd.words[j].value):
        j += 1
    tool, _, rest = command.partition(" ")
    if i >= len(cmd.words) or tool_word(cmd.words[i].value) != tool:
        return command
    return script[cmd.words[j].start:cmd.words[i].end] + (" " + rest if rest else "")
