"""Package indexes: which upload URLs are PyPI or TestPyPI (Trusted Publishing), which are not."""
from __future__ import annotations

from dataclasses import dataclass
import re
from typing import Any, Iterator, List, Optional, Tuple

from codemods.shell import commands
from codemods.workflow import EXPRESSION


@dataclass(frozen=True)
class Index:
    key: str  # also the default environment name
    title: str
    site: str
    upload_url: str


PYPI = Index("pypi", "PyPI", "https://pypi.org", "https://upload.pypi.org/legacy/")
TESTPYPI = Index("testpypi", "TestPyPI", "https://test.pypi.org", "https://test.pypi.org/legacy/")


def classify_url(url: Optional[object]) -> Optional[Index]:
    """PyPI for no URL or a pypi.org one, TestPyPI for test.pypi.org, None for any other index
    (Artifactory, a private or GitLab registry, or a URL hidden in an expression)."""
    if url is None or (isinstance(url, str) and not url.strip()):
        return PYPI
    text = str(url).strip().lower()
    if EXPRESSION.search(text):
        return None
    host = text.split("://", 1)[-1].split("/", 1)[0]
    if host == "test.pypi.org":
        return TESTPYPI
    if host in PYPI_HOSTS:
        return PYPI
    return None


PYPI_HOSTS = ("upload.pypi.org", "pypi.org", "pypi.python.org")
LITERAL_HOST = re.compile(r"\s*[A-Za-z][A-Za-z0-9+.-]*://([^/\s$]+)/")
# a part of a URL known only at run time: `${{ … }}`, `${X}`, `$(X)`, `$X`, tox's `{env:X}`
VARIABLE_PART = re.compile(r"\$\{\{.*?\}\}|\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_][A-Za-z0-9_]*|\{env:[^}]*\}")


def other_host(url: Optional[object]) -> bool:
    """The URL is another index's, whatever its variables hold: it names its host before any
    expression and that host is neither PyPI's nor TestPyPI's (`https://jazzband.co/projects/${{ … }}/upload`),
    or it ends in a path of its own after them, which PyPI's upload URLs (`…/legacy/`) never do
    (GitLab's registry: `"${CI_API_V4_URL}"/projects/"${CI_PROJECT_ID}"/packages/pypi`)."""
    text = str(url or "")
    m = LITERAL_HOST.match(text)
    if m:
        host = m.group(1).rsplit("@", 1)[-1].split(":", 1)[0].lower()
        return host not in PYPI_HOSTS + ("test.pypi.org",)
    tail = VARIABLE_PART.split(text)[-1].strip("'\" ")
    return len(VARIABLE_PART.split(text)) > 1 and tail.strip("/") not in ("", "legacy")


TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_.*-]*")  # one pass, no backtracking: linear in the expression
QUOTED = re.compile(r"'[^']*'")
UNKNOWN = None  # a value the workflow does not show (set at run time, in settings, or by the caller)


def indexes_behind(expression: str, data: Any) -> Tuple[Index, ...]:
    """The indexes an upload URL written as an expression can take, judging only by values the
    workflow itself fixes: `env.X` set to literals in `env:` mappings or written as `X=value` by its
    scripts, `inputs.X` of a `choice` input (its options). Empty (unknown) as soon as one value is
    another index or cannot be known before the run: `vars`, `secrets`, a default the user can change.
    Comments are never read: the parsed data has none, and the scripts are read word by word."""
    found: List[Index] = []
    for value in _values_behind(expression, data):
        index = classify_url(value) if value is not UNKNOWN else None
        if index is None:
            return ()
        if index not in found:
            found.append(index)
    return tuple(found)


def _values_behind(expression: str, data: Any) -> Iterator[Optional[str]]:
    text = expression.strip()
    if not (text.startswith("${{") and text.endswith("}}")) or text.count("${{") != 1:
        yield UNKNOWN  # text around the expression: the URL is not the variable's value
        return
    inner = QUOTED.sub("''", text[3:-2])
    if "[" in inner:
        yield UNKNOWN
        return
    names = [t for t in TOKEN.findall(inner) if "." in t]
    if not names:
        yield UNKNOWN
    for name in names:
        parts = name.split(".")
        if len(parts) == 2 and parts[0].lower() == "env":
            yield from _env_values(data, parts[1])
        elif len(parts) == 2 and parts[0].lower() == "inputs" or name.lower().startswith("github.event.inputs."):
            yield from _choice_options(data, parts[-1])
        else:
            yield UNKNOWN


def _env_values(data: Any, name: str) -> Iterator[Optional[str]]:
    """Every value the workflow gives the variable `name`; none found means unknown."""
    seen = False
    for env, script in _env_and_scripts(data):
        if isinstance(env, dict) and name in env:
            seen = True
            value = env[name]
            yield UNKNOWN if value is None or "$" in str(value) else str(value)
        for word in _assignments(script, name):
            seen = True
            yield UNKNOWN if "$" in word else word
    if not seen:
        yield UNKNOWN


def _env_and_scripts(data: Any) -> Iterator[Tuple[Any, Any]]:
    """(env mapping, run script) of the workflow, of each job and of each step."""
    if not isinstance(data, dict):
        return
    yield data.get("env"), None
    jobs = data.get("jobs")
    for job in (jobs.values() if isinstance(jobs, dict) else []):
        if not isinstance(job, dict):
            continue
        yield job.get("env"), None
        for step in job.get("steps") if isinstance(job.get("steps"), list) else []:
            if isinstance(step, dict):
                yield step.get("env"), step.get("run")


def _assignments(script: Any, name: str) -> Iterator[str]:
    """Values of the words `name=value` in a script (`echo "NAME=…" >> $GITHUB_ENV`), comments skipped."""
    if not isinstance(script, str):
        return
    prefix = name + "="
    for cmd in commands(script):
        for word in cmd.words:
            value = word.value
            if value.startswith(prefix):
                yield value[len(prefix):]


def _choice_options(data: Any, name: str) -> Iterator[Optional[str]]:
    """The options of a `choice` input of workflow_dispatch; any other input can hold anything."""
    on = data.get("on", data.get(True)) if isinstance(data, dict) else None
    dispatch = on.get("workflow_dispatch") if isinstance(on, dict) else None
    inputs = dispatch.get("inputs") if isinstance(dispatch, dict) else None
    spec = inputs.get(name) if isinstance(inputs, dict) else None
    called = isinstance(on, dict) and "workflow_call" in on
    if not isinstance(spec, dict) or spec.get("type") != "choice" or not isinstance(spec.get("options"), list) \
            or called:
        yield UNKNOWN
        return
    for option in spec["options"]:
        yield UNKNOWN if option is None or "$" in str(option) else str(option)
