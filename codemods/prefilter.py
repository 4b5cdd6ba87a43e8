"""A cheap first reading that tells, for `to-oidc` and `to-token`, the workflows that cannot publish.

Most workflows of a repository run tests: reading each with the engine (the pure composer, the
publishers, the followed files) costs about eight times what this costs. A workflow is skipped, and
reported as today ("unchanged: no step publishes to PyPI"), only when all of these hold:

1. its text names no upload marker (below), a first test on the raw text, before any parsing;
2. libyaml's parser reads it, in the cases where libyaml and pubmode's own parser agree
   (`fast_path_agrees`; the engine reads the same text with the same loader for its plain data), as
   one mapping of the workflow shape `check_shape` requires, no bigger than `Document` accepts;
3. no string of that data (keys included, escapes decoded) names an upload marker, nor does any
   `run:` script once the shell's quotes and backslashes are removed (as `shell.Word.value` does);
4. no `run:` script runs a file of the repository pubmode would follow (`tox -e release`,
   `./scripts/release.sh`, `make`, `python x.py`, `python -m pkg`, `pdm run`…): asked of the very
   function the migration follows them with (`targets_in_script`), unless the script holds none of
   the words such a command needs at all;
5. no step uses a local action (`uses: ./.github/actions/X`): a composite one runs its steps in the job.

Anything else goes the full way, so a file that publishes, fails to parse, or is not a workflow is
reported exactly as before. The markers come from what detection keys on: every upload subcommand
(`upload`, `publish`) and credential variable of the uploader registry, the names of uploaders with
their own matcher, the publish actions, the secret names the opaque-upload check suspects, and
`id-token`/`trusted` for `to-token`; GitHub's artifact actions (`actions/upload-artifact`) are no
marker (`NOT_MARKERS`), nor is the value of an uploader's Trusted Publishing flag alone (`always`). The doctor does not use this: it reports things of workflows that
publish nothing (its facts feed the log advice, pasted fragments are wrapped), so it reads every file.
tests/test_prefilter.py and tests/test_fuzz.py check that every skipped file gives today's result.
"""
from __future__ import annotations

import functools
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional

from codemods.engine.document import MAX_DEPTH, MAX_NODES, c_load, c_parser_installed, fast_path_agrees

FIXED_MARKERS = ("publish", "upload", "pypi", "twine", "maturin", "warehouse", "flit", "hatch", "poetry", "pdm",
                 "id-token", "id_token", "trusted", "oidc")
# Words without which a shell command cannot run a file pubmode follows (follow/calls.py `_candidates`):
# the tools, an interpreter, `-m`, a path, a variable holding the interpreter, a pyproject runner.
FOLLOW_WORDS = re.compile(r"tox|nox|make|inv|bash|sh|py|pdm|hatch|poe|-m|/|\$", re.I)
# Names that hold a marker but publish nothing, read as no marker: GitHub's artifact actions (a CI
# workflow's usual "upload"). Nothing pubmode detects is one of them or a part of one: an upload
# subcommand is a whole shell word (`upload`, never `upload-artifact`), and an action is detected by
# its own name (the publish actions) or by the credentials handed to it, which stay markers.
NOT_MARKERS = re.compile(r"actions/upload(?:-pages)?-artifact", re.I)


@functools.lru_cache(maxsize=1)
def markers() -> re.Pattern:
    from codemods.publishers import gh_action, maturin_action
    from codemods.publishers.opaque import CREDENTIAL_SECRET
    from codemods.uploaders import registry

    words = set(FIXED_MARKERS) | set(registry.credential_variables()) | {gh_action.ACTION, *maturin_action.ACTIONS}
    for up in registry.all_uploaders():
        words |= set(up.detection.subcommands) | set(up.oidc_flags[:1])  # the flag; its value (`always`) is
        # read only after it (codemods/uploaders/command_line.py), and `if: always()` is in many CI workflows
        if up.detection.match or not up.detection.subcommands:  # a matcher of its own: its name is the marker
            words.add(up.tool)
    alternatives = sorted((re.escape(w) for w in words if w), key=len, reverse=True)
    return re.compile("|".join(alternatives + [CREDENTIAL_SECRET.pattern]), re.I)


@functools.lru_cache(maxsize=1)
def lower_markers() -> Optional[re.Pattern]:
    """`markers()` for a text in lower case, matched case-sensitively: the same matches on ASCII text
    (re.I is about eight times slower on this many alternatives). None when a marker is not ASCII or
    the pattern has an escape that lower() would change (`\\S`)."""
    pattern = markers().pattern
    if not pattern.isascii() or re.search(r"\\[A-Z]", pattern):
        return None
    return re.compile(pattern.lower())


def text_may_publish(text: str) -> bool:
    """Step 1: the raw text names an upload marker (then the file is read in full)."""
    return _marked(text)


def _marked(text: str) -> bool:
    text = NOT_MARKERS.sub(" ", text)
    lower = lower_markers()
    if lower is not None and text.isascii():
        return lower.search(text.lower()) is not None
    return markers().search(text) is not None  # Unicode case rules (the long s is an `s` to re.I)


def cannot_publish(text: str, root: Path) -> bool:
    """True only when the workflow `text` (of the repository at `root`) certainly has no publish step,
    no credential handed to an action, and would be read without an error (see the module's notes)."""
    if text_may_publish(text) or not fast_path_agrees(text):
        return False
    data = _data(text)
    if data is REFUSED or not _workflow_shape(data) or not _small(data):
        return False
    strings = "\n".join(_strings(data))  # one search for all: no marker holds a line break
    if _marked(strings) or _marked(re.sub(r"['\"\\]", "", strings)):  # and as shell words: quotes, backslashes gone
        return False
    for job in data["jobs"].values():
        for step in job.get("steps") or ():
            script = step.get("run")
            if isinstance(script, str) and not _runs_nothing_followed(script, job, step, root):
                return False
            uses = step.get("uses")
            if isinstance(uses, str) and uses.strip().startswith("./"):  # a local composite action: its
                return False  # steps run in this job (follow/composite.py reads them)
    return True


REFUSED = object()  # what `_data` gives for a text it leaves to the full reading


def _data(text: str) -> Any:
    """The text's plain data for the checks below, or REFUSED. On PyYAML's libyaml composer when it
    is installed (`_composed_data`, three to four times faster), else on ruamel.yaml's libyaml loader,
    the engine's own reading of plain data."""
    if _pyyaml_composer() is not None:
        return _composed_data(text)
    if not c_parser_installed():
        return REFUSED
    try:
        return c_load(text)
    except Exception:  # any refusal is the full reading's to report
        return REFUSED


@functools.lru_cache(maxsize=1)
def _pyyaml_composer() -> Any:
    """A loader on PyYAML's CBaseLoader (libyaml's parser and composer, in C) that tags a plain scalar
    without a tag PLAIN, or None without PyYAML's C extension."""
    try:
        import yaml
    except ImportError:
        return None
    if not getattr(yaml, "__with_libyaml__", False):
        return None

    class PlainTagged(yaml.CBaseLoader):  # type: ignore[name-defined,misc]
        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is yaml.ScalarNode and implicit[0]:
                return PLAIN
            return super().resolve(kind, value, implicit)

    return PlainTagged


PLAIN = "pubmode:plain"  # a plain scalar without a tag: ruamel.yaml's YAML 1.2 rules say what it is
STR, SEQ, MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
# A plain scalar that YAML 1.2 may read as something else than a string (a null, a boolean, a number, a
# timestamp, a merge or value key): a superset, by its first character and the words. Any other is a string.
MAY_NOT_BE_STR = re.compile(r"[-+.0-9<=~]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)?\Z")
# What PyYAML's libyaml (0.2) reads and ruamel.yaml's pure parser, the full reading, refuses or reads
# otherwise (tests/test_prefilter.py compares them): a directive (`%YAML 1.1` changes the rules), a
# quoted key in a flow sequence followed by `:` and no space (`['3.13':]`, `["a" :b]`).
NOT_FOR_PYYAML = re.compile(r"^%|['\"][ ]*:(?![ \r\n])", re.M)


class _Refused(Exception):
    pass


def _composed_data(text: str) -> Any:
    """The data of the text from PyYAML's composer, as ruamel.yaml's safe loader (the engine's reading,
    YAML 1.2) gives it: the plain scalars that may not be strings are resolved and made by ruamel.yaml
    itself (`_ruamel_scalar`); REFUSED for what it refuses (a key twice, a timestamp that is no date, a
    merge key without anchors) and for what is not plain data to the checks (a tag other than str,
    seq and map, a key that is no scalar), and for NOT_FOR_PYYAML."""
    if NOT_FOR_PYYAML.search(text):
        return REFUSED
    try:
        import yaml

        return _plain(yaml.compose(text, Loader=_pyyaml_composer()))
    except (_Refused, RecursionError, yaml.YAMLError, ValueError, TypeError):
        return REFUSED


def _plain(node: Any) -> Any:
    if node is None:
        return None
    kind = type(node).__name__
    if kind == "ScalarNode":
        if node.tag == PLAIN:
            return _ruamel_scalar(node.value) if MAY_NOT_BE_STR.match(node.value) else node.value
        if node.tag == STR:
            return node.value
    elif kind == "SequenceNode" and node.tag == SEQ:
        return [_plain(item) for item in node.value]
    elif kind == "MappingNode" and node.tag == MAP:
        out: dict = {}
        for k, v in node.value:
            if type(k).__name__ != "ScalarNode":
                raise _Refused
            key = _plain(k)
            if key in out:  # TypeError for an unhashable one
                raise _Refused
            out[key] = _plain(v)
        return out
    raise _Refused


@functools.lru_cache(maxsize=1024)
def _ruamel_scalar(text: str) -> Any:
    """What ruamel.yaml's safe loader makes of a plain scalar `text` (YAML 1.2); _Refused where it refuses."""
    from ruamel.yaml.nodes import ScalarNode

    yaml = _ruamel_safe()
    try:
        return yaml.constructor.construct_object(ScalarNode(yaml.resolver.resolve(ScalarNode, text, (True, False)), text))
    except Exception:
        raise _Refused from None
    finally:
        yaml.constructor.constructed_objects.clear()  # its memo of nodes, which would grow


@functools.lru_cache(maxsize=1)
def _ruamel_safe() -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True)


def _workflow_shape(data: Any) -> bool:
    """What `check_shape` requires (jobs a mapping of string ids to mappings, steps lists of mappings)."""
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), dict):
        return False
    for job_id, job in data["jobs"].items():
        if not isinstance(job_id, str) or not isinstance(job, dict):
            return False
        if "steps" in job and not (isinstance(job["steps"], list) and all(isinstance(s, dict) for s in job["steps"])):
            return False
    return True


def _small(data: Any) -> bool:
    """No more nodes or nesting than `Document` takes (no anchors here, so nothing is shared)."""
    count, stack = 0, [(data, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_NODES or depth > MAX_DEPTH:
            return False
        if isinstance(node, dict):
            stack.extend((n, depth + 1) for pair in node.items() for n in pair)
        elif isinstance(node, list):
            stack.extend((n, depth + 1) for n in node)
    return True


def _strings(node: Any):
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif node is not None and not isinstance(node, (bool, int, float)):
            yield str(node)  # a date, bytes: their text


def _runs_nothing_followed(script: str, job: dict, step: dict, root: Path) -> bool:
    if FOLLOW_WORDS.search(re.sub(r"['\"\\]", "", script)) is None:
        return True
    from codemods.follow.calls import step_start, targets_in_script

    wd, checkouts = step_start(job, step)
    key = (script, wd, checkouts, root)
    if _followed is not None and key in _followed:
        return _followed[key]
    answer = not targets_in_script(script, root, wd, checkouts)
    if _followed is not None:
        if len(_followed) >= 4096:  # a bound, so that memory does not grow with the files of a run
            _followed.clear()
        _followed[key] = answer
    return answer


_followed: Optional[dict] = None  # (script, start folder, checkouts, root) -> runs nothing followed, in a run


@contextmanager
def scripts_remembered() -> Iterator[None]:
    """Within it (one run, the repository's files as they are), a script met again in the same folder is
    not read again for the files it runs: CI workflows repeat the same few scripts."""
    global _followed
    outer, _followed = _followed, {}
    try:
        yield
    finally:
        _followed = outer


def skip_reason(text: str, root: Optional[Path]) -> Optional[str]:
    """The migration's reason for leaving a file unchanged, when the file can be skipped; else None."""
    from codemods.migrate import NOTHING_TO_DO

    return NOTHING_TO_DO if root is not None and cannot_publish(text, root) else None
