"""Upload commands in `run:` scripts (twine, uv, pdm, maturin, hatch, poetry, flit, setup.py).

Each uploader module describes its tool as an `Uploader` table; this module finds the tool's upload
commands in scripts (through wrappers such as `python -m`, `pipx run`, `uvx`, `uv run`), reads the
credentials and the target index from flags and from `env:` at step, job and workflow level, and
turns that into edits, the same for every tool.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from codemods.engine.document import Document, YamlPath
from codemods.engine.edits import Edit, Remove, Replace, Set, apply_to_data
from codemods.publishers.change import StepChange
from codemods.indexes import PYPI, TESTPYPI, Index, classify_url
from codemods.shell import Command, Word, commands, cut_span, join_pieces, mentions_variable
from codemods.workflow import EXPRESSION, jobs, secrets_in, step_label, steps

Flag = Tuple[str, ...]


@dataclass(frozen=True)
class Uploader:
    """What pubmode knows about one upload tool."""

    name: str
    tool: str  # the program, after any wrapper: "twine"
    subcommands: Tuple[str, ...]  # its upload subcommands: ("upload",)
    trusted: bool  # supports Trusted Publishing itself
    password_env: Tuple[str, ...] = ()
    user_env: Tuple[str, ...] = ()
    url_env: Tuple[str, ...] = ()
    repo_env: Tuple[str, ...] = ()
    password_flags: Flag = ()
    user_flags: Flag = ()
    url_flags: Flag = ()
    repo_flags: Flag = ()
    oidc_flags: Tuple[str, ...] = ()  # added for Trusted Publishing (`--trusted-publishing always`)
    token_env: Tuple[Tuple[str, str], ...] = ()  # to-token: variables to set; "{secret}" is the secret
    min_version: Optional[Tuple[int, ...]] = None  # first version with Trusted Publishing
    package: str = ""  # its name on PyPI, to find version pins
    repo_names: Tuple[Tuple[str, Index], ...] = (("pypi", PYPI), ("testpypi", TESTPYPI))
    match: Optional[Any] = None  # custom matcher: (words) -> index after the command, or None
    note: str = ""  # said in the report whenever the tool is converted
    # Tools without Trusted Publishing: how their upload becomes pypa/gh-action-pypi-publish.
    build_command: str = ""  # what builds dist/ instead (`poetry build`)
    builds: Optional[str] = None  # the flag that makes the upload build first ("--build"); "always": it always does
    harmless_flags: Tuple[str, ...] = ()  # flags that mean nothing once the action uploads
    skip_existing_flags: Tuple[str, ...] = ()
    dist_flags: Tuple[str, ...] = ()  # flags naming the folder of distributions
    # argparse tools accept any unambiguous prefix of a long option (`--pass` for `--password`);
    # `long_options` lists all of the upload command's long options so that ambiguity can be judged.
    abbrev: bool = False
    long_options: Tuple[str, ...] = ()


WRAPPERS_WITH_RUN = ("poetry", "pdm", "hatch", "rye", "pipenv", "tox")
UV_RUN_VALUE_OPTIONS = {"--with", "--from", "--python", "-p", "--project", "--directory", "--extra", "--group",
                        "--index", "--index-url", "--env-file", "--with-requirements", "--package"}


def _tool_word(word: str) -> str:
    """The program a command word names: `venv/bin/twine`, `${PREFIX}twine` (a path in a variable, as in
    encode's scripts) and `twine==6.1.0` are all `twine`."""
    word = re.sub(r"^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*(?=/))", "", word)
    word = word.rsplit("/", 1)[-1]
    return re.split(r"==|@|>=|<=|~=|\[", word, maxsplit=1)[0]


def strip_wrappers(words: List[Word]) -> int:
    """Index of the tool's own name in a command, past `VAR=x`, `python -m`, `pipx run`, `uvx`, `uv run`…"""
    i = 0
    vals = [w.value for w in words]
    while i < len(vals) and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", vals[i]):
        i += 1
    while i < len(vals):
        v = _tool_word(vals[i])
        if re.fullmatch(r"python[0-9.]*|py", v) and i + 2 < len(vals) and vals[i + 1] == "-m":
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
    if uploader.match:
        return uploader.match(cmd.words)
    i = strip_wrappers(cmd.words)
    vals = [w.value for w in cmd.words[i:]]
    if not vals or _tool_word(vals[0]) != uploader.tool:
        return None
    j = 1
    while j < len(vals) and vals[j].startswith(("-", "{")):  # `twine --no-color upload`, tox's `{posargs}`
        j += 1
    if j >= len(vals) or vals[j] not in uploader.subcommands:
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
    if not uploader.abbrev or not name.startswith("--") or name in uploader.long_options:
        return name
    matches = [o for o in uploader.long_options if o.startswith(name)]
    return matches[0] if len(matches) == 1 else name


def parse_flags(uploader: Uploader, words: List[Word]) -> List[FlagUse]:
    kinds = {}
    for kind in ("password", "user", "url", "repo"):
        for f in getattr(uploader, f"{kind}_flags"):
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


@dataclass
class Upload:
    """One upload command found in a workflow."""

    uploader: Uploader
    job_id: str
    step_index: int
    step: Dict[str, Any]
    field: str  # the step key holding the script: "run", or the key of an action's `args` input in `with:`
    command: Command
    args_from: int
    flags: List[FlagUse]
    targets: Tuple[Index, ...]
    where: str  # where the index comes from, for messages
    env_creds: List[Tuple[str, YamlPath]]  # (variable, path of its definition)
    label: str
    index_unknown: bool = False  # the index comes from a secret or an expression
    refuse: Optional[str] = None  # recognised, but not edited automatically, for this reason
    advice: Optional[str] = None  # said in the report when the upload is converted

    @property
    def path(self) -> YamlPath:
        return ("jobs", self.job_id, "steps", self.step_index)

    @property
    def script_path(self) -> YamlPath:
        return self.path + (("run",) if self.field == "run" else ("with", self.field))

    @property
    def script(self) -> str:
        holder = self.step if self.field == "run" else (self.step.get("with") or {})
        value = holder.get(self.field)
        return value if isinstance(value, str) else ""

    @property
    def cred_flags(self) -> List[FlagUse]:
        return [f for f in self.flags if f.kind in ("password", "user")]

    @property
    def uses_token(self) -> bool:
        if not self.uploader.trusted:
            return True  # it can only upload with some credential, wherever that comes from
        return any(f.kind == "password" for f in self.flags) or any(
            v in self.uploader.password_env for v, _ in self.env_creds)


def env_chain(doc: Document, job_id: str, step_index: int) -> List[Tuple[YamlPath, Dict[str, Any]]]:
    """The `env:` mappings a step sees, nearest first."""
    out = []
    for path in (("jobs", job_id, "steps", step_index, "env"), ("jobs", job_id, "env"), ("env",)):
        env = doc.get(path)
        if isinstance(env, dict):
            out.append((path, env))
    return out


def lookup(chain, name: str) -> Optional[Any]:
    for _, env in chain:
        if name in env:
            return env[name]
    return None


def resolve(value: Any, chain) -> Optional[str]:
    """A literal value behind `$VAR`, `${VAR}` or `${{ env.VAR }}`, when the workflow sets one."""
    if value is None:
        return None
    text = str(value).strip().strip("'\"")
    m = re.fullmatch(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?|\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}", text)
    if m:
        inner = lookup(chain, m.group(1) or m.group(2))
        return None if inner is None else resolve(inner, chain)
    if "$" in text:
        return None
    return text


def find_targets(uploader: Uploader, flags: List[FlagUse], chain,
                 defined: Optional[Dict[str, str]] = None) -> Tuple[Tuple[Index, ...], str, bool]:
    """The index an upload goes to, where that was read, and whether it is only known at run time.
    `defined`: repositories the same script names first (`poetry config repositories.NAME URL`)."""
    urls = [(f.text, f"`{f.flag.value} {f.raw}`") for f in flags if f.kind == "url"]
    urls += [(lookup(chain, v), f"`{v}`") for v in uploader.url_env if lookup(chain, v) is not None]
    repos = [(f.text, f"`{f.flag.value} {f.raw}`") for f in flags if f.kind == "repo"]
    repos += [(lookup(chain, v), f"`{v}`") for v in uploader.repo_env if lookup(chain, v) is not None]
    for raw, where in urls[:1]:
        value = resolve(raw, chain)
        if value is None:
            return (), where, True
        index = classify_url(value)
        return ((index,) if index else ()), where, False
    for raw, where in repos[:1]:
        value = resolve(raw, chain)
        if value is None:
            return (), where, True
        if "://" in value:
            index = classify_url(value)
            return ((index,) if index else ()), where, False
        named = dict(uploader.repo_names).get(value.lower())
        if named is None and value in (defined or {}):
            named = classify_url(defined[value])
        return ((named,) if named else ()), where, False
    return (PYPI,), "", False


def env_credentials(uploader: Uploader, chain) -> List[Tuple[str, YamlPath]]:
    """The tool's credential variables the step sees, with the path of each definition."""
    return [(name, path + (name,)) for path, env in chain for name in uploader.password_env + uploader.user_env
            if name in env and str(env[name] if env[name] is not None else "").strip()]


def find(doc: Document, uploader: Uploader) -> List[Upload]:
    found = []
    for job_id, job in jobs(doc):
        for i, step in steps(job):
            script = step.get("run")
            if not isinstance(script, str):
                continue
            found += _uploads_in(doc, uploader, job_id, i, step, "run", script)
    return found


POETRY_REPOSITORY = re.compile(r"\bpoetry[ \t]+config[ \t]+repositories\.([\w.-]+)[ \t]+['\"]?(https?://[^\s'\"]+)")


def _uploads_in(doc, uploader, job_id, i, step, field_name, script) -> List[Upload]:
    out = []
    chain = env_chain(doc, job_id, i)
    defined = dict(POETRY_REPOSITORY.findall(script)) if uploader.tool == "poetry" else {}
    for cmd in commands(script):
        at = match_command(uploader, cmd)
        if at is None:
            continue
        flags = parse_flags(uploader, cmd.words[at:])
        targets, where, unknown = find_targets(uploader, flags, chain, defined)
        out.append(Upload(uploader, job_id, i, step, field_name, cmd, at, flags, targets, where,
                          env_credentials(uploader, chain), step_label(step, i), unknown))
    return out


# ---- edits -----------------------------------------------------------------------------------------
def _other_users(doc: Document, var: str, env_path: YamlPath, skip_steps: List[YamlPath],
                 uploaders: List[Uploader]) -> List[str]:
    """Steps in the scope of a job- or workflow-level variable that read it, other than `skip_steps`."""
    scope_jobs = [env_path[1]] if env_path[0] == "jobs" else [j for j, _ in jobs(doc)]
    users = []
    for job_id in scope_jobs:
        job = doc.get(("jobs", job_id)) or {}
        for i, step in steps(job):
            if ("jobs", job_id, "steps", i) in skip_steps:
                continue
            text = json.dumps(step)
            reads = mentions_variable(text, var) or any(
                var in (u.password_env + u.user_env) and _runs(u, step) for u in uploaders)
            if reads:
                users.append(f"job `{job_id}` {step_label(step, i)}{_at_line(doc, ('jobs', job_id, 'steps', i))}")
        rest = {k: v for k, v in job.items() if k not in ("steps", "env")}
        if mentions_variable(json.dumps(rest), var):
            users.append(f"job `{job_id}`{_at_line(doc, ('jobs', job_id))}")
    return users


def _at_line(doc: Document, path: YamlPath) -> str:
    line = doc.line_of(path)
    return f" (line {line})" if line else ""


def _runs(uploader: Uploader, step: Dict[str, Any]) -> bool:
    script = step.get("run")
    return isinstance(script, str) and any(match_command(uploader, c) is not None for c in commands(script))


def remove_env_vars(doc: Document, names_paths: List[Tuple[str, YamlPath]], converted_steps: List[YamlPath],
                    uploaders: List[Uploader], change: StepChange, check_users: bool = True) -> None:
    """Remove credential variables; an emptied `env:` goes away; shared ones block the change."""
    by_env: Dict[YamlPath, List[str]] = {}
    for name, path in names_paths:
        env_path = path[:-1]
        if check_users and len(env_path) in (1, 3):  # the job's or the workflow's env: others may read it
            users = _other_users(doc, name, env_path, converted_steps, uploaders)
            if users:
                change.blocked = (f"`{name}` is set in the {'job' if len(env_path) == 3 else 'workflow'}'s `env:` "
                                  f"and also read by {', '.join(users)}; move it to the steps that need it, then "
                                  "run again")
                return
        by_env.setdefault(env_path, [])
        if name not in by_env[env_path]:
            by_env[env_path].append(name)
    for env_path, names in by_env.items():
        env = doc.get(env_path) or {}
        for name in names:
            change.removed_secrets |= secrets_in(env.get(name))
        if set(env) <= set(names):
            change.edits.append(Remove(env_path))
        else:
            change.edits += [Remove(env_path + (n,)) for n in names]
        where = _env_where(env_path)
        change.notes.append(f"removed {', '.join(f'`{n}`' for n in names)} from {where}")


def _env_where(env_path: YamlPath) -> str:
    if env_path == ("env",):
        return "the workflow's `env:`"
    if len(env_path) == 3:
        return f"the `env:` of job `{env_path[1]}`"
    return f"the `env:` of step {env_path[3] + 1} in job `{env_path[1]}`"


def cut_flags(upload: Upload, which: List[FlagUse], change: StepChange) -> bool:
    script = upload.script
    for s, e in join_pieces(script, [(f.flag.start, f.end) for f in which]):
        span = cut_span(script, s, e)
        if span is None:
            change.blocked = (f"`{script[s:e]}` runs over a line continuation in {upload.label}; remove it by hand")
            return False
        change.edits.append(Replace(upload.script_path, *_whole_line(script, *span), ""))
    for f in which:
        change.removed_secrets |= secrets_in(f.raw)
    return True


def _whole_line(script: str, start: int, end: int) -> Tuple[int, int]:
    """A cut that leaves its line blank takes the line (a multi-line `args: |` keeps no empty line)."""
    head = script.rfind("\n", 0, start) + 1
    tail = script.find("\n", end)
    tail = len(script) if tail < 0 else tail
    if script[head:start].strip(" \t") or script[end:tail].strip(" \t") or tail == len(script):
        return start, end
    return head, tail + 1


def cleanup_variables(doc: Document, upload: Upload, flags: List[FlagUse], edits: List[Edit],
                      change: StepChange) -> None:
    """Variables that only fed a removed flag (`-p "$PYPI_TOKEN"`) are removed where they are set."""
    cleanup_fed(doc, upload.job_id, upload.step_index, [f.raw for f in flags], edits, change)


def cleanup_fed(doc: Document, job_id: str, step_index: int, removed: List[str], edits: List[Edit],
                change: StepChange) -> None:
    """Secret-holding variables that only fed removed text (a flag, a `password:` input reading
    `${{ env.PYPI_TOKEN }}`) go too: else the job would still receive the secret it no longer uses."""
    after = apply_to_data(doc.data, edits + change.edits)
    chain = env_chain(doc, job_id, step_index)
    for raw in removed:
        for name in re.findall(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)|env\.([A-Za-z_][A-Za-z0-9_]*)", raw):
            var = name[0] or name[1]
            for env_path, env in chain:
                if var not in env or not secrets_in(env[var]):
                    continue
                rest = json.dumps(_without(after, env_path + (var,)))
                if not mentions_variable(rest, var):
                    remove_env_vars(doc, [(var, env_path + (var,))], [], [], change, check_users=False)


def _without(data: Any, path: YamlPath) -> Any:
    import copy

    data = copy.deepcopy(data)
    cur = data
    for key in path[:-1]:
        if not isinstance(cur, (dict, list)):
            return data
        try:
            cur = cur[key]
        except (KeyError, IndexError):
            return data
    if isinstance(cur, dict):
        cur.pop(path[-1], None)
    return data


def version_pin_edits(doc: Document, upload: Upload, change: StepChange) -> None:
    """Raise `tool==X` / `tool<X` pins in the job's scripts below the first Trusted Publishing version."""
    up = upload.uploader
    if not up.min_version or not up.package:
        return
    job = doc.get(("jobs", upload.job_id)) or {}
    minimum = ".".join(map(str, up.min_version))
    pattern = re.compile(rf"(?<![\w.-]){re.escape(up.package)}\s*(==|~=|<=|<)\s*([0-9][0-9.]*)", re.I)
    for i, step in steps(job):
        script = step.get("run")
        if not isinstance(script, str):
            continue
        for m in pattern.finditer(script):
            op, ver = m.group(1), tuple(int(x) for x in m.group(2).strip(".").split(".") if x)
            too_old = ver < up.min_version if op in ("==", "~=") else ver <= up.min_version
            if too_old:
                # `==`/`~=` move to the first good version; an upper bound below it goes (no `>`: it is shell)
                new = f"{up.package}{op}{minimum}" if op in ("==", "~=") else up.package
                change.edits.append(Replace(("jobs", upload.job_id, "steps", i, "run"), m.start(), m.end(), new))
                change.notes.append(f"raised the pin `{m.group(0)}` to `{new}` (Trusted Publishing needs "
                                    f"{up.name} {minimum} or later)")


def to_oidc(doc: Document, upload: Upload, uploaders: List[Uploader], converted: List[YamlPath]) -> StepChange:
    change = StepChange()
    if upload.refuse:
        change.blocked = f"{upload.label} in job `{upload.job_id}`: {upload.refuse}"
        return change
    up = upload.uploader
    creds = [(n, p) for n, p in upload.env_creds]
    remove_env_vars(doc, creds, converted, uploaders, change)
    if change.blocked:
        return change
    flags = upload.cred_flags  # in a `run:` script or an action's `args` alike
    if not cut_flags(upload, flags, change):
        return change
    if flags:
        change.notes.append(f"removed {', '.join(f'`{f.flag.value}`' for f in flags)} from the command")
        cleanup_variables(doc, upload, flags, [], change)
    if up.oidc_flags and not any(w.value.startswith(up.oidc_flags[0]) for w in upload.command.words):
        word = upload.command.words[upload.args_from - 1]
        change.edits.append(Replace(upload.script_path, word.end, word.end, " " + " ".join(up.oidc_flags)))
        change.notes.append(f"added `{' '.join(up.oidc_flags)}` so that a misconfiguration fails loudly")
    version_pin_edits(doc, upload, change)
    for user in [lookup(env_chain(doc, upload.job_id, upload.step_index), n) for n in up.user_env] + \
            [f.text for f in upload.flags if f.kind == "user"]:
        if user is not None and str(user).strip() not in ("__token__", "") and not EXPRESSION.search(str(user)) \
                and "$" not in str(user):
            change.warnings.append(f"{upload.label} in job `{upload.job_id}` logged in as user `{user}`; PyPI no "
                                   "longer accepts passwords, so the user goes too")
    if up.note:
        change.warnings.append(up.note)
    if upload.advice:
        change.warnings.append(f"{upload.label} in job `{upload.job_id}`: {upload.advice}")
    return change


def to_token(doc: Document, upload: Upload, secret: str) -> StepChange:
    change = StepChange()
    if upload.refuse:
        change.blocked = f"{upload.label} in job `{upload.job_id}`: {upload.refuse}"
        return change
    up = upload.uploader
    env_path = upload.path + ("env",)
    env = doc.get(env_path)
    values = {name: value.format(secret="${{ secrets.%s }}" % secret) for name, value in up.token_env}
    if isinstance(env, dict):
        change.edits += [Set(env_path + (k,), v) for k, v in values.items() if env.get(k) != v]
    elif env is None and "env" not in upload.step:
        change.edits.append(Set(env_path, values, after=("run", "with", "uses", "name")))
    else:
        change.blocked = (f"{upload.label} in job `{upload.job_id}`: its `env:` is not a mapping; add "
                          f"{', '.join(values)} by hand")
        return change
    change.added_secrets.add(secret)
    change.notes.append(f"{upload.label} in job `{upload.job_id}`: set {', '.join(f'`{k}`' for k in values)} "
                        f"from the secret `{secret}`")
    for span in oidc_flag_spans(up, upload.command, upload.script):
        if span is None:
            change.blocked = (f"{upload.label} in job `{upload.job_id}`: `{up.oidc_flags[0]}` and its value run over "
                              "a line continuation; remove them by hand (the job keeps `id-token: write` until then)")
            return change
        change.edits.append(Replace(upload.script_path, span[0], span[1], ""))
        change.notes.append(f"removed `{' '.join(up.oidc_flags)}` from the {up.name} command")
    return change


def oidc_flag_spans(up: Uploader, cmd: Command, script: str) -> List[Optional[Tuple[int, int]]]:
    """Where `--trusted-publishing always` (or `--trusted-publishing=always`) stands, ready to cut;
    None for one that runs over a line continuation (it cannot be cut on one line)."""
    spans = []
    for i, w in enumerate(cmd.words if up.oidc_flags else []):
        if w.value == up.oidc_flags[0] or w.value.startswith(up.oidc_flags[0] + "="):
            separate = w.value == up.oidc_flags[0] and len(up.oidc_flags) > 1 and i + 1 < len(cmd.words)
            spans.append(cut_span(script, w.start, cmd.words[i + 1].end if separate else w.end))
    return spans


def manual_replacement(upload: Upload) -> str:
    """The by-hand change for a tool without Trusted Publishing."""
    up = upload.uploader
    creds = ", ".join(sorted({n for n, _ in upload.env_creds} | {f.flag.value for f in upload.cred_flags}))
    if up.name == "setup.py upload":
        how = ("`setup.py upload` was removed from setuptools (42.0.0): build with `python -m build`, then upload "
               "`dist/` with a `pypa/gh-action-pypi-publish@release/v1` step")
    else:
        how = (f"`{up.tool} {upload.command.words[upload.args_from - 1].value}` has no Trusted Publishing: keep the "
               f"build (`{up.tool} build`), drop the upload, and add a step `uses: pypa/gh-action-pypi-publish@release/v1` "
               "that uploads `dist/`")
    return f"{upload.label} in job `{upload.job_id}`: {how}" + (f"; then remove {creds}" if creds else "")
