"""Where a job installs an upload tool from, and the pins there too old for Trusted Publishing.

`to-oidc` takes the credentials away; if the tool that then uploads predates Trusted Publishing, the
upload runs with none. The tool comes from a `pip install` in a run step or in a file a step runs
(with the requirements and constraints files it names, `-r`/`-c` inside them too, and the extras of
a local project: `pip install .[release]`), from `uv sync`/`pdm install` (dependency groups and
extras of pyproject.toml), or from the `deps` of the tox env that uploads. A pin below the first
version with Trusted Publishing is raised in the file that holds it, as a change of that file; a lock
file that holds an older version, or a Python too old for the first good version, stops the job with
the reason. The versions come from the uploader registry (`TrustedPublishing`).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Set, Tuple

from codemods import toml_text
from codemods.engine.document import Document
from codemods.engine.edits import Edit, Replace
from codemods.engine.reading import text_or_none
from codemods.engine.text_edits import Meaning, apply, apply_checked
from codemods.follow import ini_check
from codemods.engine.file_edit import FileEdit, Target
from codemods.follow.calls import in_repository, located_commands, step_start, targets_of
from codemods.follow.makefile import recipe_regions, shell_view
from codemods.follow.shell_text import section
from codemods.follow.tox_ini import key_span
from codemods.shell import Command, Word, commands
from codemods.uploaders import registry
from codemods.uploaders.command_line import strip_wrappers
from codemods.uploaders.pins import too_old_pins
from codemods.uploaders.spec import Uploader
from codemods.workflow import step_label, steps

PIP_FILE_OPTIONS = {"-r": "requirements", "--requirement": "requirements", "-c": "constraints",
                    "--constraint": "constraints"}
LOCKS = {"uv": "uv.lock", "pdm": "pdm.lock", "poetry": "poetry.lock"}
LOCK_ADVICE = {"uv": "uv lock --upgrade-package {p}", "pdm": "pdm update {p}", "poetry": "poetry update {p}"}


@dataclass
class Sources:
    """What a piece of shell installs from, besides the pins written in it."""

    files: List[Path] = field(default_factory=list)  # requirements and constraints files
    extras: List[Tuple[Path, Tuple[str, ...]]] = field(default_factory=list)  # (project folder, extras)
    groups: List[Tuple[Path, Tuple[str, ...], str]] = field(default_factory=list)  # (folder, groups, tool)
    locked: List[Tuple[Path, str]] = field(default_factory=list)  # (project folder, tool syncing from its lock)


@dataclass
class PinChange:
    """What the job's installs need for Trusted Publishing: workflow edits, file changes, or a refusal."""

    edits: List[Edit] = field(default_factory=list)
    files: List[FileEdit] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    blocked: Optional[str] = None


@dataclass
class _Use:
    """How a job runs one uploader: in a step's own script, in the job's environment (a script, a
    recipe, a Python file a step runs) and/or in a tox env (which installs its own deps)."""

    uploader: Uploader
    direct: bool = False
    in_job: bool = False
    in_tox: bool = False


def _used(items: Sequence[Any]) -> List[_Use]:
    """The uploaders with a first version with Trusted Publishing that the job's publishers run."""
    found: Dict[str, _Use] = {}
    for item in items:
        up = getattr(item, "uploader", None)  # a command in the step's own script
        if up is not None:
            use = found.setdefault(up.name, _Use(up))
            use.direct = True
            use.in_job = use.in_job or not isolated(getattr(item, "command", None))
        for change in getattr(item, "changes", None) or ():  # the files it runs
            for u in registry.trusted_uploaders():
                if registry.runs(u, change.old_text):
                    use = found.setdefault(u.name, _Use(u))
                    if change.target.kind == "tox":
                        use.in_tox = True
                    else:
                        use.in_job = True
    return [u for u in found.values() if u.uploader.trusted and u.uploader.trusted.min_version
            and u.uploader.trusted.package]


def isolated(cmd: Optional[Command]) -> bool:
    """`uvx twine upload`, `pipx run twine upload`, `uv tool run …`: the tool runs in an environment of its
    own, whatever the job installed (only a pin in the command itself counts, and the step raises that)."""
    vals = [w.value.rsplit("/", 1)[-1] for w in cmd.words[:3]] if cmd is not None else []
    return bool(vals) and (vals[0] == "uvx" or vals[:2] == ["pipx", "run"] or vals[:3] == ["uv", "tool", "run"])


def _shown(version: Tuple[int, ...]) -> str:
    return ".".join(map(str, version))


# ---- Python -------------------------------------------------------------------------------------
def _python_of(value: Any) -> Optional[Tuple[int, ...]]:
    """The version a literal `python-version:` selects (its last line for a list); None when not literal."""
    if isinstance(value, float):  # YAML reads 3.10 as 3.1: a one-digit minor is read as written
        text = repr(value)
        if re.fullmatch(r"3\.1", text):
            return (3, 10)
    else:
        text = str(value or "").strip().splitlines()[-1].strip() if str(value or "").strip() else ""
    m = re.fullmatch(r"(?:pypy-?|cpython-?)?(\d+)\.(\d+)(?:\.\d+)?", text.strip("'\" "))
    return (int(m.group(1)), int(m.group(2))) if m else None


def job_python(job: Dict[str, Any], before: int) -> Optional[Tuple[Tuple[int, ...], str]]:
    """The Python a job's step `before` runs with, when an earlier setup-python step names one literally:
    (version, where)."""
    found = None
    for i, step in steps(job):
        if i >= before:
            break
        uses = str(step.get("uses") or "").lower()
        if uses.startswith(("actions/setup-python@", "astral-sh/setup-uv@")):
            inputs = step.get("with") if isinstance(step.get("with"), dict) else {}
            if uses.startswith("astral-sh/setup-uv@") and "python-version" not in inputs:
                continue  # setup-uv without a Python leaves the one before
            v = _python_of(inputs.get("python-version"))
            found = (v, step_label(step, i)) if v is not None else None  # a later `3.x`: not known
    return found


def python_below(up: Uploader, job: Dict[str, Any], before: int) -> Optional[Tuple[Tuple[int, ...], str]]:
    """The job's Python at step `before` (version, where) when it is older than the first Python the
    tool's Trusted Publishing version runs on; None when it is not, or not known."""
    tp = up.trusted
    python = job_python(job, before) if tp and tp.min_python else None
    return python if python and python[0] < tp.min_python else None


def _basepython(value: str) -> Optional[Tuple[int, ...]]:
    m = re.fullmatch(r"\s*(?:python|py)(\d)\.?(\d+)\s*", value or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


# ---- shell --------------------------------------------------------------------------------------
def _assignments(text: str) -> Dict[str, str]:
    """Simple `NAME=value` commands of a script (the last one wins): enough for `"$PIP" install -r "$REQS"`."""
    out: Dict[str, str] = {}
    for cmd in commands(text):
        if len(cmd.words) == 1:
            m = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*)=(.*)", cmd.words[0].value)
            if m and "$(" not in m.group(2) and "`" not in m.group(2):
                out[m.group(1)] = m.group(2)
    return out


def _resolve(value: str, names: Dict[str, str]) -> str:
    return re.sub(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?", lambda m: names.get(m.group(1), m.group(0)), value)


def _option_values(vals: List[str], options: Dict[str, str]) -> Iterable[Tuple[str, str]]:
    """(kind, value) of the options named in `options`, written `-r X`, `-rX`, `--requirement=X`."""
    i = 0
    while i < len(vals):
        v = vals[i]
        for opt, kind in options.items():
            if v == opt and i + 1 < len(vals):
                yield kind, vals[i + 1]
                i += 1
                break
            if opt.startswith("--") and v.startswith(opt + "="):
                yield kind, v.split("=", 1)[1]
                break
            if not opt.startswith("--") and v.startswith(opt) and len(v) > len(opt):
                yield kind, v[len(opt):]
                break
        i += 1


# pip/pipx/uv options that take a value: the word after one names no package
_INSTALL_VALUE_OPTIONS = frozenset(("-r", "--requirement", "-c", "--constraint", "-i", "--index-url",
                                    "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root",
                                    "--python", "--platform", "--python-version", "--implementation", "--abi",
                                    "--src", "--upgrade-strategy", "--progress-bar", "--log", "--cache-dir",
                                    "--trusted-host", "--pip-args", "--spec", "--with", "-w", "--index",
                                    "--default-index", "--proxy", "--timeout", "--retries", "-e", "--editable"))


def install_packages(cmd: Command) -> Optional[List[Word]]:
    """The words naming packages of an install command (`pip install build twine`, `python -m pip install -U
    twine`, `uv pip install`, `pipx install twine`, `uv tool install twine`); None for any other command."""
    words = list(cmd.words[strip_wrappers(cmd.words):])
    vals = [w.value.rsplit("/", 1)[-1] if i == 0 else w.value for i, w in enumerate(words)]
    if re.fullmatch(r"pip[0-9.]*|pipx", vals[0] if vals else "") and vals[1:2] == ["install"]:
        args = words[2:]
    elif vals[:1] == ["uv"] and vals[1:3] in (["pip", "install"], ["tool", "install"]):
        args = words[3:]
    else:
        return None
    out = []
    for i, w in enumerate(args):
        if not w.value.startswith("-") and not (i and args[i - 1].value in _INSTALL_VALUE_OPTIONS):
            out.append(w)
    return out


def _project_spec(value: str) -> Optional[Tuple[str, Tuple[str, ...]]]:
    """(folder, extras) of a local project requirement: `.[release]`, `./sub[a,b]`, `-e .`."""
    m = re.fullmatch(r"(\.{1,2}(?:/[^\[\s]*)?|[\w.-]+/)(?:\[([^\]]*)\])?", value)
    if not m:
        return None
    return m.group(1), tuple(e.strip() for e in (m.group(2) or "").split(",") if e.strip())


def shell_sources(text: str, base: Path, checkouts: Tuple[str, ...] = ()) -> Sources:
    """What the installs of a piece of shell read, besides the pins written in it (paths from the
    folder each command runs in; see `located_commands`)."""
    out = Sources()
    names = _assignments(text)
    for cmd, folder, _ in located_commands(text, None, checkouts):
        if folder == "/":
            continue
        here = base / folder if folder else base
        vals = [_resolve(w.value, names) for w in cmd.words]
        i = strip_wrappers(cmd.words)
        vals = vals[i:]
        if not vals:
            continue
        tool = vals[0].rsplit("/", 1)[-1]
        if tool == "uv" and vals[1:3] == ["pip", "install"]:
            tool, args = "pip", vals[3:]
        elif re.fullmatch(r"pip[0-9.]*", tool) and vals[1:2] == ["install"]:
            tool, args = "pip", vals[2:]
        elif tool in ("uv", "pdm") and vals[1:2] in (["sync"], ["install"]):
            args = vals[2:]
        elif tool == "poetry" and vals[1:2] in (["install"], ["sync"]):
            args = vals[2:]
        else:
            continue
        if tool == "pip":
            for _, path in _option_values(args, PIP_FILE_OPTIONS):
                out.files.append(base / (in_repository(os.path.join(folder or '', path), checkouts) or '.'))
            for j, a in enumerate(args):
                if j and args[j - 1] in PIP_FILE_OPTIONS:
                    continue
                spec = _project_spec(a[len("--editable="):] if a.startswith("--editable=") else a)
                if spec and spec[1]:
                    out.extras.append((here / spec[0], spec[1]))
            continue
        where = here
        for _, d in _option_values(args, {"--project": "p", "--directory": "d", "-p": "p"} if tool != "poetry"
                                   else {"--directory": "d", "-C": "d"}):
            where = here / d
        groups: List[str] = []
        if tool == "uv":
            groups += [v for k, v in _option_values(args, {"--group": "g", "--only-group": "g"})]
            groups += ["*extra:" + v for k, v in _option_values(args, {"--extra": "e"})]
            if "--all-extras" in args:
                groups.append("*extras")
            if "--all-groups" in args:
                groups.append("*groups")
            if not {"--no-dev", "--only-dev", "--no-default-groups"} & set(args) and \
                    not any(a.startswith("--only-group") for a in args):
                groups.append("dev")
        elif tool == "pdm":
            groups += [v for k, v in _option_values(args, {"-G": "g", "--group": "g"})]
            if not {"--prod", "--production", "-P"} & set(args):
                groups.append("*pdm-dev")
        out.groups.append((where, tuple(groups), tool))
        if not {"--no-lock"} & set(args):
            out.locked.append((where, tool))
    return out


# ---- files --------------------------------------------------------------------------------------
def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def _requirement_pins(up: Uploader, text: str) -> List[Tuple[int, int, str, str]]:
    """(start, end, old, new) of too-old pins outside comments of a requirements-like text."""
    out = []
    for m, new in too_old_pins(up, text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if "#" in text[line_start:m.start()]:
            continue
        out.append((m.start(), m.end(), m.group(0), new))
    return out


def _line(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


class _Plan:
    """The pin changes of one job, file by file, each on top of the text the job's other edits left."""

    def __init__(self, root: Path, current: Dict[Path, str], up: Uploader):
        self.root, self.current, self.up = root, current, up
        self.result = PinChange()
        self.seen: Set[Path] = set()
        self.minimum = _shown(up.trusted.min_version)

    def text(self, path: Path) -> Optional[str]:
        return self.current.get(path) if path in self.current else text_or_none(path)

    def note(self, where: str, line: int, old: str, new: str) -> None:
        self.result.notes.append(f"{where}: line {line}: raised the pin `{old}` to `{new}` (Trusted Publishing "
                                 f"needs {self.up.name} {self.minimum} or later)")

    def change(self, kind: str, path: Path, old: str, new: str) -> None:
        self.current[path] = new
        self.result.files.append(FileEdit(Target(kind, path), old, new))

    def requirements(self, path: Path, depth: int = 0) -> None:
        """A requirements or constraints file, and the files it names with -r/-c."""
        path = Path(path)
        if path in self.seen or depth > 10 or not _inside(self.root, path):
            return
        self.seen.add(path)
        text = self.text(path)
        if text is None:
            return
        pins = _requirement_pins(self.up, text)
        if pins:
            new = apply(text, [(s, e, repl) for s, e, _, repl in pins])
            for s, _, old, repl in pins:
                self.note(path.name, _line(text, s), old, repl)
            self.change("requirements", path, text, new)
        for line in text.splitlines():
            line = line.split(" #", 1)[0].strip()
            for _, name in _option_values(line.split(), PIP_FILE_OPTIONS):
                self.requirements(path.parent / name, depth + 1)
            spec = _project_spec(line[3:].strip() if line.startswith(("-e ", "-e\t")) else line)
            if spec and spec[1]:
                self.pyproject(path.parent / spec[0], [(("project", "optional-dependencies"), e) for e in spec[1]])

    def pyproject(self, folder: Path, lists: List[Tuple[Tuple[str, ...], str]]) -> None:
        """Raise the pins in the named dependency lists of folder/pyproject.toml: (table, key) pairs;
        a key "*" is every key of the table."""
        path = folder / "pyproject.toml"
        text = self.text(path) if _inside(self.root, path) else None
        try:
            data = toml_text.loads(text) if text is not None else {}
        except ValueError:
            return
        if any(table == ("project", "optional-dependencies") for table, _ in lists) and \
                not (data.get("project") or {}).get("optional-dependencies"):
            self._setup_extras(folder)  # the extras are declared by setup.py or setup.cfg
        if text is None:
            return
        wanted = self._expand(data, lists)
        splices: List[Tuple[int, int, str]] = []
        for table, key in wanted:
            for s, e in _array_strings(text, table, key):
                value = text[s:e]
                for m, repl in too_old_pins(self.up, value):
                    splices.append((s + m.start(), s + m.end(), repl))
                    self.note(f"{path.name} [{'.'.join(table)}] {key}", _line(text, s), m.group(0), repl)
        if not splices:
            return
        new, why = apply_checked(text, splices, _pins_meaning(self.up))
        if why:
            self.result.blocked = (f"{path.name}: the {self.up.name} pin could not be raised cleanly; raise it to "
                                   f"{self.minimum} or later by hand")
            return
        self.change("pyproject", path, text, new)

    def _setup_extras(self, folder: Path) -> None:
        """Extras of setup.py/setup.cfg are not edited (setup.py is code): a too-old pin there stops the job."""
        for name in ("setup.py", "setup.cfg"):
            path = folder / name
            text = self.text(path) if _inside(self.root, path) else None
            pins = _requirement_pins(self.up, text or "")
            if pins:
                self.result.blocked = (f"{name}: line {_line(text, pins[0][0])}: `{pins[0][2]}` installs a {self.up.name} "
                                       f"without Trusted Publishing; raise it to {self.minimum} or later by hand")
                return

    def _expand(self, data: Dict[str, Any], lists: List[Tuple[Tuple[str, ...], str]]) -> List[Tuple[Tuple[str, ...], str]]:
        out: List[Tuple[Tuple[str, ...], str]] = []
        todo = list(lists)
        while todo:
            table, key = todo.pop(0)
            node: Any = data
            for part in table:
                node = node.get(part) if isinstance(node, dict) else None
            if not isinstance(node, dict):
                continue
            keys = list(node) if key == "*" else [k for k in node if _norm(k) == _norm(key)]
            for k in keys:
                if (table, k) in out:
                    continue
                out.append((table, k))
                for item in node[k] if isinstance(node[k], list) else []:
                    if isinstance(item, dict) and "include-group" in item:  # PEP 735
                        todo.append((table, str(item["include-group"])))
        return out

    def groups(self, folder: Path, groups: Tuple[str, ...], tool: str) -> None:
        lists: List[Tuple[Tuple[str, ...], str]] = []
        for g in groups:
            if g == "*extras":
                lists.append((("project", "optional-dependencies"), "*"))
            elif g == "*groups":
                lists.append((("dependency-groups",), "*"))
            elif g.startswith("*extra:"):
                lists.append((("project", "optional-dependencies"), g[len("*extra:"):]))
            elif g == "*pdm-dev":
                lists.append((("tool", "pdm", "dev-dependencies"), "*"))
            else:
                lists += [(("dependency-groups",), g), (("project", "optional-dependencies"), g)]
                if tool == "uv" and g == "dev":
                    lists.append((("tool", "uv"), "dev-dependencies"))
                if tool == "pdm":
                    lists.append((("tool", "pdm", "dev-dependencies"), g))
        self.pyproject(folder, lists)

    def lock(self, folder: Path, tool: str) -> None:
        path = folder / LOCKS[tool]
        text = text_or_none(path) if _inside(self.root, path) else None
        if not text:
            return
        pkg = re.escape(self.up.trusted.package)
        m = re.search(rf'(?m)^name = "{pkg}"\s*\nversion = "([^"]+)"', text, re.I)
        if m and _version_tuple(m.group(1)) < self.up.trusted.min_version:
            advice = LOCK_ADVICE[tool].format(p=self.up.trusted.package)
            self.result.blocked = (f"{LOCKS[tool]} locks {self.up.name} {m.group(1)}, which has no Trusted Publishing "
                                   f"(it needs {self.minimum} or later): run `{advice}`, commit the lock, then run "
                                   "pubmode again")

    def shell(self, text: str, base: Path, checkouts: Tuple[str, ...] = ()) -> None:
        src = shell_sources(text, base, checkouts)
        for f in src.files:
            self.requirements(f)
        for folder, extras in src.extras:
            self.pyproject(folder, [(("project", "optional-dependencies"), e) for e in extras])
        for folder, groups, tool in src.groups:
            if tool != "poetry":  # poetry's own version syntax (`^5.0`) is not read
                self.groups(folder, groups, tool)
        for folder, tool in src.locked:
            self.lock(folder, tool)

    def tox_env(self, target: Target) -> Optional[str]:
        """The deps, extras and dependency groups of the tox env that uploads; its basepython if literal."""
        text = self.text(target.path)
        if text is None or target.path.suffix != ".ini":
            return None
        header = f"testenv:{target.name}"
        start, end = section(text, header)
        if start < 0:
            return None
        base = target.path.parent
        basepython = None
        key, bs, be = key_span(text, start, end, "basepython")
        if key:
            basepython = text[bs:be].strip()
        key, ds, de = key_span(text, start, end, "deps")
        if key:
            value = text[ds:de]
            for ref in re.findall(r"\{\[([^\]]+)\]deps\}", value):  # `deps = {[testenv:build]deps}`
                rs, re_ = section(text, ref)
                if rs >= 0:
                    self._tox_deps(target.path, text, *key_span(text, rs, re_, "deps")[1:], base)
            self._tox_deps(target.path, self.text(target.path), ds, de, base)
        key, es, ee = key_span(text, start, end, "extras")
        if key:
            extras = [e for e in re.split(r"[\s,]+", ini_check.clean(text[es:ee])) if e]
            self.pyproject(base, [(("project", "optional-dependencies"), e) for e in extras])
        key, gs, ge = key_span(text, start, end, "dependency_groups")
        if key:
            groups = [g for g in re.split(r"[\s,]+", ini_check.clean(text[gs:ge])) if g]
            self.pyproject(base, [(("dependency-groups",), g) for g in groups])
        return basepython

    def _tox_deps(self, path: Path, text: Optional[str], start: int, end: int, base: Path) -> None:
        if text is None or start < 0:
            return
        value = text[start:end]
        pins = _requirement_pins(self.up, value)
        if pins:
            new, why = apply_checked(text, [(start + s, start + e, repl) for s, e, _, repl in pins], _deps_meaning)
            for s, _, old, repl in pins:
                self.note(path.name, _line(text, start + s), old, repl)
            if not why:
                self.change("tox", path, text, new)
            else:
                self.result.blocked = f"{path.name}: the {self.up.name} pin in deps could not be raised cleanly"
        for line in ini_check.clean(value).splitlines():
            for _, name in _option_values(line.split(), PIP_FILE_OPTIONS):
                self.requirements(base / name.replace("{toxinidir}/", ""))


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _version_tuple(text: str) -> Tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", text.split("+")[0])[:4])


def _array_strings(text: str, table: Tuple[str, ...], key: str) -> List[Tuple[int, int]]:
    """(start, end) of the contents of the string literals in `key = [ … ]` of `[table]`."""
    start, end = section(text, ".".join(table))
    out: List[Tuple[int, int]] = []
    if start < 0:
        return out
    m = re.search(rf"(?m)^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=[ \t]*\[", text[start:end])
    if not m:
        return out
    i, depth, n = start + m.end(), 1, end
    while i < n and depth:
        ch = text[i]
        if ch in "\"'":
            j = text.find(ch, i + 1)
            if j < 0:
                break
            out.append((i + 1, j))
            i = j + 1
            continue
        if ch == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        depth += (ch == "[") - (ch == "]")
        i += 1
    return out


def _pins_meaning(up: Uploader) -> Meaning:
    """The pyproject.toml kind's check for raised pins: it loads, and differs only in requirements on the tool."""
    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items()}
        if isinstance(value, list):
            return [strip(v) for v in value]
        if isinstance(value, str) and re.match(rf"\s*{re.escape(up.trusted.package)}\b", value, re.I):
            return up.trusted.package
        return value

    def meaning(old: str, new: str) -> Optional[str]:
        try:
            same = strip(toml_text.loads(old)) == strip(toml_text.loads(new))
        except ValueError:
            same = False
        return None if same else "more than the pins would change"
    return meaning


def _deps_meaning(old: str, new: str) -> Optional[str]:
    """The tox.ini kind's check for raised pins: tox reads every key but `deps` as before."""
    try:
        a, b = ini_check.read_ini(old), ini_check.read_ini(new)
    except ValueError as e:
        return str(e)
    same = set(a) == set(b) and all(
        a[s].get(k) == b[s].get(k) for s in a for k in set(a[s]) | set(b[s]) if k != "deps")
    return None if same else "keys other than deps would change"


# ---- the job ------------------------------------------------------------------------------------
def job_pins(doc: Document, job_id: str, root: Path, items: Sequence[Any], companions: Sequence[Any]) -> PinChange:
    """Raise the pins the job's installs hold below the uploaders' first Trusted Publishing version, or
    say why the job cannot publish with Trusted Publishing as it is."""
    result = PinChange()
    job = doc.get(("jobs", job_id)) or {}
    first = min((i.step_index for i in items), default=0)
    current = {c.target.path: c.new_text for c in companions}
    for use in _used(items):
        up = use.uploader
        minimum = _shown(up.trusted.min_version)
        python = python_below(up, job, first + 1)
        if python:
            result.blocked = (f"{up.name} has Trusted Publishing from {minimum}, which needs Python "
                              f"{_shown(up.trusted.min_python)} or later; {python[1]} sets up Python "
                              f"{_shown(python[0])}, on which pip installs an older {up.name} that would upload "
                              "with no credentials. Raise the job's Python first")
            return result
        plan = _Plan(root, current, up)
        for i, step in steps(job):
            script = step.get("run")
            if not isinstance(script, str):
                continue
            wd, checkouts = step_start(job, step)
            base = root / wd if wd else root
            if use.in_job and not use.direct:  # pins in the step itself (a run-step upload raises its own)
                _step_pins(plan, job_id, i, script)
            if use.in_job:
                plan.shell(script, base, checkouts)
            for cmd, folder, _ in located_commands(script, wd, checkouts):
                for target in targets_of(cmd, root, folder) if folder != "/" else ():
                    if (target.kind == "tox" and use.in_tox) or (target.kind != "tox" and use.in_job):
                        _followed(plan, target, root / folder if folder else root)
        result.edits += plan.result.edits
        result.files += plan.result.files
        result.notes += plan.result.notes
        if plan.result.blocked or result.blocked:
            result.blocked = result.blocked or plan.result.blocked
            return result
    return result


def _step_pins(plan: _Plan, job_id: str, index: int, script: str) -> None:
    for m, new in too_old_pins(plan.up, script):
        plan.result.edits.append(Replace(("jobs", job_id, "steps", index, "run"), m.start(), m.end(), new))
        plan.result.notes.append(f"step {index + 1} in job `{job_id}`: raised the pin `{m.group(0)}` to `{new}` "
                                 f"(Trusted Publishing needs {plan.up.name} {plan.minimum} or later)")


def _followed(plan: _Plan, target: Target, cwd: Path) -> None:
    """A file a step runs: its own pins and installs (scripts, make recipes), or the uploading tox env."""
    text = plan.text(target.path)
    if text is None:
        return
    if target.kind == "tox":
        if not registry.runs(plan.up, text):
            return
        basepython = plan.tox_env(target)
        version = _basepython(basepython or "")
        if version and plan.up.trusted.min_python and version < plan.up.trusted.min_python:
            plan.result.blocked = (f"{target.path.name}: [testenv:{target.name}] runs Python {_shown(version)} "
                                   f"(basepython), on which {plan.up.name} {plan.minimum}, the first with Trusted "
                                   "Publishing, does not install")
        return
    if target.kind not in ("script", "make"):
        return
    view = shell_view(text) if target.kind == "make" else text
    regions = [(s, e) for s, e, _ in recipe_regions(text, target.name, set())] if target.kind == "make" \
        else [(0, len(text))]
    pins: List[Tuple[int, int, str, str]] = []
    for s, e in regions:
        pins += [(s + a, s + b, old, new) for a, b, old, new in _requirement_pins(plan.up, view[s:e])]
        plan.shell(view[s:e], cwd if target.kind == "script" else target.path.parent)  # make runs in its folder
    if pins:
        new_text = apply(text, [(s, e, repl) for s, e, _, repl in pins])
        for s, _, old, repl in sorted(pins):
            plan.note(target.path.name, _line(text, s), old, repl)
        plan.change(target.kind, target.path, text, new_text)
