"""What a `.gitlab-ci.yml` holds, read once for the migrations and the doctor: its jobs, their script
lines, the variables each job sees, its `id_tokens`, and every upload command in them.

Jobs. Every top-level key is a job except GitLab's global keywords (`default`, `include`, `stages`,
`variables`, `workflow`, `spec`, and the old globals `image`, `services`, `cache`, `before_script`,
`after_script`, `types`). A key starting with `.` is a hidden job: GitLab never runs it, other jobs
take its keys with `extends:` or `!reference`. Hidden jobs are therefore not publishing jobs:
an upload found in one is reported (its change would reach every job that extends it, which this
file may not show), never edited. A visible job that `extends:` a hidden job of this file sees that
template's `variables:` and `id_tokens` (read, never edited); one that extends a template from
elsewhere (an `include:`) is converted with a warning that the template may set credentials too.

Scripts. `before_script`, `script` and `after_script` are a string or a list of strings (lists
nested one level deep are flattened by GitLab, and so here); a `!reference` item is GitLab's to
fill in and is not read. The top-level and `default:` `before_script`/`after_script` run in every
job, so an upload there is reported, not edited. Each line is read with the shell reader
(`codemods.shell`) and every upload command with the uploader registry
(`codemods.uploaders.command_line`), exactly as a GitHub `run:` script.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from codemods.engine.document import Document, YamlPath, strings_under  # noqa: F401  (read here by plan.py)
from codemods.indexes import PYPI, TESTPYPI, Index
from codemods.shell import Command, Word, commands
from codemods.uploaders.command_line import FlagUse, find_targets, find_upload, parse_flags, strip_wrappers
from codemods.uploaders.spec import Uploader

GLOBAL_KEYWORDS = frozenset(("default", "include", "stages", "variables", "workflow", "spec", "image", "services",
                             "cache", "before_script", "after_script", "types"))
SCRIPT_KEYS = ("before_script", "script", "after_script")
PIPELINE_FILE = ".gitlab-ci.yml"  # the top-level pipeline PyPI's GitLab publisher names
INDEXES = (PYPI, TESTPYPI)
ASSIGNMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", re.S)
INPUTS = re.compile(r"\$\[\[.*?\]\]", re.S)
# the registry of the GitLab project itself: https://docs.gitlab.com/user/packages/pypi_repository
GITLAB_REGISTRY = re.compile(r"CI_API_V4_URL|/api/v4/projects/|/packages/pypi|CI_JOB_TOKEN|gitlab-ci-token")
MANUAL_MINT = re.compile(r"/_/oidc/mint-token|\bpython[0-9.]*\s+-m\s+id\b")


def id_token_name(index: Index) -> str:
    """The variable the uploaders read the OIDC token from: `<AUD>_ID_TOKEN` (the `id` library's rule)."""
    return f"{index.key.upper()}_ID_TOKEN"


@dataclass(frozen=True)
class Line:
    """One script entry of a job: where it is and its text."""

    path: YamlPath
    text: str


@dataclass
class Upload:
    """One upload command in a job's script."""

    uploader: Uploader
    job_id: str
    line: Line
    command: Command
    args_from: int
    flags: List[FlagUse]
    prefix: List[Tuple[str, Word]]  # `TWINE_PASSWORD=$X twine upload …`: (variable, its word)
    targets: Tuple[Index, ...]
    where: str
    index_unknown: bool
    registry: bool  # GitLab's own package registry
    env_creds: List[Tuple[str, YamlPath, str]]  # (variable, path of its definition, its value as text)

    @property
    def label(self) -> str:
        return f"`{self.uploader.tool} {self.command.words[self.args_from - 1].value}` (line {self.line_no})"

    line_no: int = 0

    @property
    def cred_flags(self) -> List[FlagUse]:
        return [f for f in self.flags if f.kind in ("password", "user")]

    @property
    def cred_prefix(self) -> List[Tuple[str, Word]]:
        return [(n, w) for n, w in self.prefix if n in self.uploader.credentials.variables]

    @property
    def visible_token(self) -> bool:
        """A password is given in the file (a flag, a `VAR=` prefix, a `variables:` entry)."""
        creds = self.uploader.credentials
        return any(f.kind == "password" for f in self.flags) or any(n in creds.password_env for n, _ in self.prefix) \
            or any(n in creds.password_env for n, _, _ in self.env_creds)

    @property
    def trusted_capable(self) -> bool:
        return self.uploader.trusted is not None


@dataclass
class Job:
    id: str
    data: Dict[str, Any]
    lines: List[Line] = field(default_factory=list)
    uploads: List[Upload] = field(default_factory=list)
    templates: List[str] = field(default_factory=list)  # hidden jobs of this file it extends
    foreign: List[str] = field(default_factory=list)  # what it extends that this file does not hold
    inherited: Dict[str, str] = field(default_factory=dict)  # script key -> the template it comes from

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def variables_of(value: Any) -> Dict[str, str]:
    """A `variables:` mapping as name -> text (`NAME: {value: x, description: …}` gives x)."""
    out: Dict[str, str] = {}
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, dict):
                v = v.get("value")
            out[str(k)] = "" if v is None else str(v)
    return out


def job_ids(doc: Document) -> List[str]:
    data = doc.data if isinstance(doc.data, dict) else {}
    return [k for k, v in data.items() if isinstance(k, str) and k not in GLOBAL_KEYWORDS and not k.startswith(".")
            and isinstance(v, dict)]


def hidden_jobs(doc: Document) -> List[str]:
    data = doc.data if isinstance(doc.data, dict) else {}
    return [k for k, v in data.items() if isinstance(k, str) and k.startswith(".") and isinstance(v, dict)]


def script_lines(doc: Document, owner: YamlPath) -> List[Line]:
    """The script entries of a job (or of `default:` / the top level when `owner` is `()`)."""
    holder = doc.get(owner) if owner else doc.data
    out: List[Line] = []
    if not isinstance(holder, dict):
        return out
    for key in SCRIPT_KEYS:
        value = holder.get(key)
        if isinstance(value, str):
            out.append(Line(owner + (key,), value))
        elif isinstance(value, list) and not _is_reference(value):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    out.append(Line(owner + (key, i), item))
                elif isinstance(item, list) and not _is_reference(item):
                    out += [Line(owner + (key, i, j), s) for j, s in enumerate(item) if isinstance(s, str)]
    return out


def _is_reference(value: Any) -> bool:
    from codemods.gitlab.document import Reference

    return isinstance(value, Reference)


def extends_of(job: Dict[str, Any]) -> List[str]:
    value = job.get("extends")
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def variable_chain(doc: Document, job: Job) -> List[Tuple[YamlPath, Dict[str, str]]]:
    """The `variables:` a job sees, nearest first: its own, its templates' (this file), the top level's."""
    chain = []
    for path in [(job.id, "variables")] + [(t, "variables") for t in job.templates] + [("variables",)]:
        value = doc.get(path)
        if isinstance(value, dict):
            chain.append((path, variables_of(value)))
    return chain


def id_tokens(doc: Document, job_id: str) -> Tuple[Dict[str, Any], Optional[YamlPath]]:
    """The job's `id_tokens` (name -> aud) and where they are written: the job, a template it extends
    in this file, or `default:`."""
    job = doc.get((job_id,)) or {}
    for path in [(job_id,)] + [(t,) for t in extends_of(job) if isinstance(doc.get((t,)), dict)] + [("default",)]:
        value = doc.get(path + ("id_tokens",))
        if isinstance(value, dict):
            return {str(k): _expand(doc, job_id, v.get("aud") if isinstance(v, dict) else None)
                    for k, v in value.items()}, path + ("id_tokens",)
    return {}, None


def _expand(doc: Document, job_id: str, value: Any) -> Any:
    """`$NAME` / `${NAME}` of the job's or the top-level `variables:` (GitLab expands them in `aud`)."""
    m = re.fullmatch(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?", value.strip()) if isinstance(value, str) else None
    if not m:
        return value
    for path in ((job_id, "variables"), ("variables",)):
        found = variables_of(doc.get(path))
        if m.group(1) in found:
            return found[m.group(1)]
    return value


def expanded_environment(doc: Document, job_id: str) -> Optional[str]:
    """The job's environment name, with a `$NAME` of its variables filled in."""
    env = environment_name(doc.get((job_id,)) or {})
    return _expand(doc, job_id, env) if env else env


def has_audience(tokens: Dict[str, Any], index: Index) -> bool:
    aud = tokens.get(id_token_name(index))
    return aud == index.key or (isinstance(aud, list) and index.key in aud)


def template_chain(doc: Document, names: List[str], depth: int = 0) -> List[str]:
    """The hidden jobs of this file a job extends, the nearest first: GitLab merges `extends:` in order
    (a later template wins) and each template's own `extends:` before it (up to 11 levels)."""
    out: List[str] = []
    for name in reversed(names):
        template = doc.get((name,))
        if isinstance(template, dict) and name not in out and depth < 11:
            out.append(name)
            out += [t for t in template_chain(doc, extends_of(template), depth + 1) if t not in out]
    return out


def template_users(doc: Document) -> Dict[str, List[str]]:
    """Every hidden job of this file and the jobs (visible or hidden) that extend it, directly or not."""
    data = doc.data if isinstance(doc.data, dict) else {}
    users: Dict[str, List[str]] = {}
    for key, value in data.items():
        if isinstance(key, str) and isinstance(value, dict) and key not in GLOBAL_KEYWORDS:
            for t in template_chain(doc, extends_of(value)):
                users.setdefault(t, []).append(key)
    return users


def _inherited_lines(doc: Document, job: Job) -> None:
    """The script keys the job does not set, taken from the nearest template of this file that does
    (GitLab replaces a list whole: the job's own `script:` hides the template's)."""
    chain = template_chain(doc, extends_of(job.data))
    for key in SCRIPT_KEYS:
        if key in job.data:
            continue
        for t in chain:
            if key in (doc.get((t,)) or {}):
                lines = [line for line in script_lines(doc, (t,)) if line.path[1] == key]
                job.lines += lines
                job.inherited[key] = t
                break


def read_jobs(doc: Document) -> List[Job]:
    out = []
    for job_id in job_ids(doc):
        data = doc.data[job_id]
        job = Job(job_id, data, script_lines(doc, (job_id,)))
        for name in extends_of(data):
            (job.templates if isinstance(doc.get((name,)), dict) else job.foreign).append(name)
        job.templates += [t for t in template_chain(doc, extends_of(data)) if t not in job.templates]
        _inherited_lines(doc, job)
        job.lines.sort(key=lambda line: SCRIPT_KEYS.index(line.path[1]))
        job.uploads = uploads_in(doc, job)
        out.append(job)
    return out


def uploads_in(doc: Document, job: Job) -> List[Upload]:
    chain = variable_chain(doc, job)
    out = []
    for line in job.lines:
        for cmd in commands(line.text):
            hit = find_upload(cmd)
            if hit is None:
                continue
            uploader, at = hit
            flags = parse_flags(uploader, cmd.words[at:])
            prefix = [(m.group(1), w) for w in cmd.words[:strip_wrappers(cmd.words)]
                      if (m := ASSIGNMENT.match(w.value))]
            local = [((), {n: ASSIGNMENT.match(w.value).group(2) for n, w in prefix})] if prefix else []
            targets, where, unknown = find_targets(uploader, flags, local + chain, uploader.index.defined_in(line.text))
            creds = [(name, path + (name,), env[name]) for path, env in chain for name in uploader.credentials.variables
                     if name in env and env[name].strip()]
            creds = [c for c in creds if c[0] not in {n for n, _ in prefix}]
            seen_text = " ".join([cmd_text(line.text, cmd)] + [v for _, _, v in creds]
                                 + [lookup_all(local + chain, v) for v in uploader.index.url_env])
            upload = Upload(uploader, job.id, line, cmd, at, flags, prefix, targets, where, unknown,
                            GITLAB_REGISTRY.search(seen_text) is not None, _first_per_name(creds))
            upload.line_no = (doc.line_of(line.path) or 0) + _line_offset(doc, line, cmd)
            out.append(upload)
    return out


def _first_per_name(creds):
    seen, out = set(), []
    for c in creds:
        if c[0] not in seen:
            seen.add(c[0])
            out.append(c)
    return out


def lookup_all(chain, name: str) -> str:
    for _, env in chain:
        if name in env:
            return str(env[name])
    return ""


def cmd_text(script: str, cmd: Command) -> str:
    return script[cmd.start:cmd.end]


def _line_offset(doc: Document, line: Line, cmd: Command) -> int:
    """Lines between the entry's start and the command, for a block scalar (`- |`)."""
    try:
        node = doc.node(line.path)
    except (KeyError, Exception):
        return 0
    style = getattr(node, "style", None)
    if style in ("|", ">"):
        return 1 + line.text.count("\n", 0, cmd.start)
    return 0


def environment_name(job: Dict[str, Any]) -> Optional[str]:
    env = job.get("environment")
    if isinstance(env, dict):
        env = env.get("name")
    return env if isinstance(env, str) and env.strip() else None


