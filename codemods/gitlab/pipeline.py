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

from codemods.engine.document import Document, YamlPath
from codemods.indexes import PYPI, TESTPYPI, Index
from codemods.shell import Command, Word, commands
from codemods.uploaders.command_line import FlagUse, find_targets, find_upload, parse_flags, strip_wrappers
from codemods.uploaders.run_time import RunTimeUpload, run_time_uploads
from codemods.uploaders.spec import Uploader

GLOBAL_KEYWORDS = frozenset(("default", "include", "stages", "variables", "workflow", "spec", "image", "services",
                             "cache", "before_script", "after_script", "types"))
SCRIPT_KEYS = ("before_script", "script", "after_script")
PIPELINE_FILE = ".gitlab-ci.yml"  # the top-level pipeline PyPI's GitLab publisher names
INDEXES = (PYPI, TESTPYPI)
ASSIGNMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", re.S)
VARIABLE = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")  # `$NAME`, `${NAME}`
INPUTS = re.compile(r"\$\[\[.*?\]\]", re.S)
# GitLab's predefined CI/CD variables (docs.gitlab.com/ci/variables/predefined_variables), by family: a project's own
# variable may start with `CI_` too (nomad-coe/nomad's `CI_TWINE_PASSWORD`), and that one holds a token to revoke
PREDEFINED = re.compile(r"(?:CI|GITLAB_CI|GITLAB_FEATURES|GITLAB_USER_\w+|CHAT_\w+|TRIGGER_PAYLOAD|RUNNER_\w+|"
                        r"CI_(?:API_\w+|BUILDS_DIR|COMMIT_\w+|CONCURRENT_\w+|CONFIG_PATH|DEBUG_\w+|DEFAULT_BRANCH\w*|"
                        r"DEPENDENCY_PROXY_\w+|DEPLOY_FREEZE|DEPLOY_PASSWORD|DEPLOY_USER|DISPOSABLE_ENVIRONMENT|"
                        r"ENVIRONMENT_\w+|EXTERNAL_PULL_REQUEST_\w+|GITLAB_FIPS_MODE|HAS_OPEN_REQUIREMENTS|JOB_\w+|"
                        r"KUBERNETES_ACTIVE|MERGE_REQUEST_\w+|NODE_\w+|OPEN_MERGE_REQUESTS|PAGES_\w+|PIPELINE_\w+|"
                        r"PROJECT_\w+|REGISTRY\w*|RELEASE_DESCRIPTION|REPOSITORY_URL|RUNNER_\w+|SERVER\w*|"
                        r"SHARED_ENVIRONMENT|TEMPLATE_REGISTRY_HOST|TRIGGER_\w+))")


def predefined(name: str) -> bool:
    """GitLab sets the variable for every job (`CI_JOB_TOKEN`, `CI_COMMIT_TAG`): no CI/CD variable of the project."""
    return PREDEFINED.fullmatch(name) is not None
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
        of = f" of `{self.file}`" if self.file else ""
        at = f" (line {self.line_no}{of})" if self.line_no else (f" (in `{self.file}`)" if self.file else "")
        return f"`{self.uploader.tool} {self.command.words[self.args_from - 1].value}`{at}"

    line_no: int = 0
    file: str = ""  # the file the line is in, when it is not the job's (a template of another file)
    # `export TWINE_PASSWORD=…` in the job's script: the uploader reads the variable from its environment
    script_creds: List["Assignment"] = field(default_factory=list)

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
            or any(n in creds.password_env for n, _, _ in self.env_creds) \
            or any(a.name in creds.password_env for a in self.script_creds)

    @property
    def trusted_capable(self) -> bool:
        return self.uploader.trusted is not None


ASSIGNING = frozenset(("export", "declare", "typeset", "local", "readonly"))


@dataclass(frozen=True)
class Assignment:
    """`NAME=value` in a job's script: alone (a shell variable of the script), or after `export`/`declare`
    (`exported`: the commands it runs read it from their environment)."""

    name: str
    value: str  # as written, quotes kept
    line: Line
    command: Command
    exported: bool

    @property
    def alone(self) -> bool:
        """The command assigns this variable only (it can go with its line)."""
        words = self.command.words
        return len(words) == 1 or (len(words) == 2 and words[0].value in ASSIGNING)


def script_assignments(lines: List[Line]) -> List[Assignment]:
    """The variables a job's script sets itself (not the `VAR=… cmd` prefix of one command)."""
    out = []
    for line in lines:
        for cmd in commands(line.text):
            words = cmd.words
            if words[0].value in ASSIGNING:
                flags = "".join(w.value[1:] for w in words[1:] if w.value.startswith("-"))
                exported = words[0].value == "export" or "x" in flags
                out += [Assignment(m.group(1), m.group(2), line, cmd, exported) for w in words[1:]
                        if (m := ASSIGNMENT.match(w.text))]
            elif all(ASSIGNMENT.match(w.text) for w in words):
                out += [Assignment(m.group(1), m.group(2), line, cmd, False)
                        for w in words if (m := ASSIGNMENT.match(w.text))]
    return out


@dataclass
class Job:
    id: str
    data: Dict[str, Any]
    lines: List[Line] = field(default_factory=list)
    uploads: List[Upload] = field(default_factory=list)
    templates: List[str] = field(default_factory=list)  # hidden jobs of this file it extends
    foreign: List[str] = field(default_factory=list)  # what it extends that this file does not hold
    inherited: Dict[str, str] = field(default_factory=dict)  # script key -> the template it comes from
    # uploads in a command string the script builds and runs (`eval "$CMD"`), with their line: never converted
    run_time: List[Tuple[RunTimeUpload, int, YamlPath]] = field(default_factory=list)  # (…, line, entry)

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


def docs_of(doc: Document) -> List[Document]:
    """The files of the pipeline: the document, then the local files it includes (when it is the top-level
    pipeline read with them)."""
    return doc.docs() if hasattr(doc, "docs") else [doc]


def _key(doc: Document, file: Document, name: str) -> str:
    return doc.key(file, name) if hasattr(doc, "key") else name


def _keys(doc: Document, hidden: bool) -> List[str]:
    out = []
    for file in docs_of(doc):
        data = file.data if isinstance(file.data, dict) else {}
        out += [_key(doc, file, k) for k, v in data.items() if isinstance(k, str) and isinstance(v, dict)
                and (k.startswith(".") if hidden else k not in GLOBAL_KEYWORDS and not k.startswith("."))]
    return out


def job_ids(doc: Document) -> List[str]:
    """The jobs of every file of the pipeline (a job of an included file as an `At` key of that file)."""
    return _keys(doc, False)


def hidden_jobs(doc: Document) -> List[str]:
    return _keys(doc, True)


def top_level(doc: Document, key: str) -> List[str]:
    """A global keyword of each file of the pipeline (`variables`, `default`), the top-level file's first."""
    return [_key(doc, f, key) for f in docs_of(doc)]


def resolve(doc: Document, name: str) -> Optional[str]:
    """The key of the hidden job `name` in the pipeline's files (None: no file read defines it)."""
    if hasattr(doc, "resolve"):
        return doc.resolve(name)
    return name if isinstance(doc.get((name,)), dict) else None


def other_file(doc: Document, key: str, near: str) -> str:
    """The file `key` is in, when it is not the file of `near` ('' when they share one)."""
    def shown(k):
        return file_name(doc, k) or getattr(doc, "shown", "")

    return shown(key) if shown(key) != shown(near) else ""


def file_name(doc: Document, key: str) -> str:
    """The file a key is in, as the report shows it (the top-level pipeline's own keys: '')."""
    other = getattr(key, "doc", None)
    return getattr(other, "shown", "") if other is not None and other is not doc else ""


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
    for path in [(job.id, "variables")] + [(t, "variables") for t in job.templates] + \
            [(v,) for v in top_level(doc, "variables")]:
        value = doc.get(path)
        if isinstance(value, dict):
            chain.append((path, variables_of(value)))
    return chain


def id_tokens(doc: Document, job_id: str) -> Tuple[Dict[str, Any], Optional[YamlPath]]:
    """The job's `id_tokens` (name -> aud) and where they are written: the job, a template it extends
    in this file, or `default:`."""
    job = doc.get((job_id,)) or {}
    for path in [(job_id,)] + [(t,) for t in map(lambda n: resolve(doc, n), extends_of(job)) if t] + \
            [(d,) for d in top_level(doc, "default")]:
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
    """The job's environment name (its own, a YAML merge key's, else the nearest template's it extends),
    with a `$NAME` of its variables filled in."""
    env = environment_name(environment_of(doc, job_id) or {})
    return _expand(doc, job_id, env) if env else env


def environment_of(doc: Document, job_id: str) -> Optional[Dict[str, Any]]:
    """The mapping that gives the job its `environment:` (the job's, with what a `<<` merge key brings, else
    the nearest template's it extends: GitLab's `extends` merges it in), or None when it has none."""
    job = doc.get((job_id,)) or {}
    if "environment" in job:
        return job
    for t in template_chain(doc, extends_of(job)):
        template = doc.get((t,)) or {}
        if "environment" in template:
            return template
    return None


def has_audience(tokens: Dict[str, Any], index: Index) -> bool:
    aud = tokens.get(id_token_name(index))
    return aud == index.key or (isinstance(aud, list) and index.key in aud)


def misnamed(tokens: Dict[str, Any], index: Index) -> Optional[str]:
    """An `id_tokens` entry with the index's audience under another name than the one the uploaders read
    (`PYPI_ID_TOKEN: {aud: testpypi}` for TestPyPI), when the right name is absent: its name."""
    if id_token_name(index) in tokens:
        return None
    return next((n for n, aud in tokens.items() if aud == index.key), None)


def template_chain(doc: Document, names: List[str], depth: int = 0) -> List[str]:
    """The hidden jobs of this file a job extends, the nearest first: GitLab merges `extends:` in order
    (a later template wins) and each template's own `extends:` before it (up to 11 levels)."""
    out: List[str] = []
    for written in reversed(names):
        name = resolve(doc, written)
        template = doc.get((name,)) if name else None
        if isinstance(template, dict) and name not in out and depth < 11:
            out.append(name)
            out += [t for t in template_chain(doc, extends_of(template), depth + 1) if t not in out]
    return out


def template_users(doc: Document) -> Dict[str, List[str]]:
    """Every hidden job of the pipeline and the jobs (visible or hidden, of any of its files) that extend
    it, directly or not."""
    users: Dict[str, List[str]] = {}
    for key in job_ids(doc) + hidden_jobs(doc):
        for t in template_chain(doc, extends_of(doc.get((key,)))):
            users.setdefault(_identity(t), []).append(key)
    return users


def _identity(key: str):
    """A template key as a dictionary key: its name and the file it is in (two files may use one name)."""
    return (str(key), id(getattr(key, "doc", None)))


def users_of(users: Dict[Any, List[str]], template: str) -> List[str]:
    return users.get(_identity(template), [])


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
        data = doc.get((job_id,))
        job = Job(job_id, data, script_lines(doc, (job_id,)))
        for name in extends_of(data):
            found = resolve(doc, name)
            (job.templates if found else job.foreign).append(found or name)
        job.templates += [t for t in template_chain(doc, extends_of(data)) if t not in job.templates]
        _inherited_lines(doc, job)
        job.lines.sort(key=lambda line: SCRIPT_KEYS.index(line.path[1]))
        job.uploads = uploads_in(doc, job)
        job.run_time = _run_time_uploads(doc, job)
        out.append(job)
    return out


def uploads_in(doc: Document, job: Job) -> List[Upload]:
    chain = variable_chain(doc, job)
    exported = [a for a in script_assignments(job.lines) if a.exported]
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
            upload.file = other_file(doc, line.path[0], job.id)
            upload.script_creds = [a for a in exported if a.name in uploader.credentials.variables]
            out.append(upload)
    return out


def _run_time_uploads(doc: Document, job: Job) -> List[Tuple[RunTimeUpload, int, YamlPath]]:
    """The job's uploads hidden in a command string it runs, read over its whole script (GitLab runs the
    entries in one shell, so `CMD=…` may be an entry before `eval "$CMD"`), each with its line and entry."""
    if not any("$" in line.text for line in job.lines):
        return []
    env = {name: value for _, values in reversed(variable_chain(doc, job)) for name, value in values.items()}
    out, starts = [], []
    at = 0
    for line in job.lines:
        starts.append(at)
        at += len(line.text) + 1
    for found in run_time_uploads(job.text, env):
        i = max(n for n, start in enumerate(starts) if start <= found.command.start)
        line = job.lines[i]
        local = Command([Word(w.text, w.start - starts[i], w.end - starts[i]) for w in found.command.words])
        out.append((found, (doc.line_of(line.path) or 0) + _line_offset(doc, line, local), line.path))
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


