"""Which file of the repository a workflow command runs: tox, nox, make, invoke, a script by path.

Only files inside the repository are followed; anything else (a remote script, a generated file,
a command this module does not know) is not a target.
"""
from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, NamedTuple, Optional, Tuple

from codemods.engine.file_edit import Target
from codemods.engine.reading import read_regular, read_regular_text
from codemods.follow.script_args import read_call, wrapped_command
from codemods.uploaders import registry
from codemods.uploaders.command_line import python_variable, strip_wrappers, tool_word
from codemods.shell import Command, commands
from codemods.workflow import steps, uses_action


@dataclass(frozen=True)
class MakeTarget(Target):
    """A make target, with the variables make's command line sets (`make release PYTHON=python3.12`)."""

    assignments: Tuple[Tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ScriptTarget(Target):
    """A shell script, with the arguments its call passes (`build.sh -c`; None: not known), which decide
    what the script runs (see `script_args`)."""

    args: Optional[Tuple[str, ...]] = None
    root: Optional[Path] = None  # the repository's, where a file the script sources is looked up too
    cwd: Optional[str] = None  # the folder the call runs it from, relative to the root (None: the root)

    def sourced(self, word: str) -> Optional[str]:
        """The text of the file `source WORD` reads: WORD from the script's folder or the repository's root
        (the two a script of scripts/ means, run from the root or `cd`-ing to its own folder), both
        when both exist; None when neither is a file of the repository."""
        bases = [self.path.parent] + ([self.root] if self.root is not None else [])
        found = {p.resolve() for p in (b / word for b in bases)
                 if p.is_file() and (self.root is None or _inside(self.root, p))}
        return "\n".join(_text(p) for p in sorted(found)) if found else None


def _inside(root: Path, path: Path) -> bool:
    real = Path(os.path.realpath(path))
    return real == root or root.resolve() in real.parents


def _option(vals: List[str], *names: str) -> Optional[str]:
    for i, v in enumerate(vals):
        if v in names and i + 1 < len(vals):
            return vals[i + 1]
        for n in names:
            if n.startswith("--") and v.startswith(n + "="):
                return v.split("=", 1)[1]
            if not n.startswith("--") and v.startswith(n) and len(v) > len(n):
                return v[len(n):]
    return None


PYPROJECT_RUNNERS = {"pdm": "tool.pdm.scripts", "hatch": "tool.hatch.envs.{env}.scripts", "poe": "tool.poe.tasks"}


def _pyproject_script(cmd: Command, base: Path) -> List[Target]:
    """`pdm run NAME`, `hatch run [ENV:]NAME`, `poe NAME`: a script declared in pyproject.toml. A name
    pyproject.toml does not declare is a command the runner runs as it is (`hatch run tox -e release`):
    none here, it is read past the runner like any wrapper."""
    vals = [w.value for w in cmd.words]
    while vals and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", vals[0]):
        vals = vals[1:]
    if len(vals) >= 3 and vals[0] in ("pdm", "hatch") and vals[1] == "run":
        tool, name = vals[0], vals[2]
    elif len(vals) >= 2 and vals[0] == "poe" and not vals[1].startswith("-"):
        tool, name = "poe", vals[1]
    else:
        return []
    env = "default"
    if tool == "hatch" and ":" in name:
        env, name = name.split(":", 1)
    if not (base / "pyproject.toml").is_file():
        return []
    table = PYPROJECT_RUNNERS[tool].format(env=env)
    if not _declares(base / "pyproject.toml", table, name):
        return []
    return [Target("pyproject-script", base / "pyproject.toml", f"{table}.{name}")]


def _declares(path: Path, table: str, name: str) -> bool:
    """pyproject.toml declares the script `name` in `table` (a file that is not TOML may: its editor says
    so)."""
    from codemods.toml_text import loads  # only for a step that runs a pyproject runner

    try:
        data: Any = loads(_text(path))
    except ValueError:
        return True
    for key in table.split("."):
        data = data.get(key) if isinstance(data, dict) else None
    return isinstance(data, dict) and name in data


def targets_of(cmd: Command, root: Path, cwd: Optional[str] = None) -> List[Target]:
    """The files of the repository the command runs (never one a link leads to outside it)."""
    return [t for t in _candidates(cmd, root, cwd) if _inside(root, t.path)]


def linked_outside(script: str, root: Path, cwd: Optional[str] = None) -> List[Path]:
    """Files the script runs that a link leads to outside the repository: not followed, so not checked."""
    return [t.path for cmd in commands(script) for t in _candidates(cmd, root, cwd) if not _inside(root, t.path)]


def _candidates(cmd: Command, root: Path, cwd: Optional[str] = None) -> List[Target]:
    base = root / cwd if cwd else root
    declared = _pyproject_script(cmd, base)
    if declared:
        return declared
    # the runner past its wrappers, as an upload tool is found: `python -m tox`, `uvx nox`, `pipx run
    # tox`, `uv run make`, `hatch run tox` (a command, not a declared script)…
    i = strip_wrappers(cmd.words)
    vals = [w.value for w in cmd.words[i:]]
    if not vals:
        return []
    if vals[0] == "eval":  # `eval 'scripts/release.sh $(PROD_PYPI)'` (faas-cache-dict's recipe): the string's commands
        return [t for inner in commands(" ".join(vals[1:])) for t in _candidates(inner, root, cwd)]
    tool = tool_word(vals[0])
    before = [w.value for w in cmd.words[max(0, i - 2):i]]
    if len(before) == 2 and before[1] == "-m" and _is_python(before[0]):
        found = _module(vals[0], root, base)  # `python -m tooling publish`: the repository's own package
        if found:
            return found
    return _runner_targets(tool, vals, root, base)


def _runner_targets(tool: str, vals: List[str], root: Path, base: Path) -> List[Target]:
    """The files a runner (`vals[0]`, named `tool`) runs with these arguments."""
    found: List[Target] = []
    if tool == "tox":
        if "--notest" in vals:  # `tox -e release --notest` sets the envs up and runs none of their commands
            return found
        envs = _option(vals, "-e", "--env") or ""
        config = given_tox_config(vals, base)
        if config is not None:
            found += [Target("tox", config, e) for e in envs.split(",") if e]
    elif tool == "nox" and (base / "noxfile.py").is_file():
        for s in (_option(vals, "-s", "--session", "--sessions") or "").split(","):
            if s:
                found.append(Target("nox", base / "noxfile.py", s))
    elif tool in ("make", "gmake"):
        makefile = _option(vals, "-f", "--file") or "Makefile"
        names = [v for v in vals[1:] if not v.startswith("-") and "=" not in v and v != makefile]
        # `make release PYTHON=python3.12`: make's command line sets variables over the Makefile's
        assignments = tuple(tuple(v.split("=", 1)) for v in vals[1:] if re.match(r"[A-Za-z_][\w.-]*=", v))
        if (base / makefile).is_file():
            found += [MakeTarget("make", base / makefile, n, assignments=assignments) for n in names]
    elif tool in ("invoke", "inv") and (base / "tasks.py").is_file():
        found += [Target("invoke", base / "tasks.py", v) for v in vals[1:] if not v.startswith("-")][:1]
    elif tool in ("bash", "sh", "zsh") and len(vals) > 1 and (base / vals[1]).is_file():
        found.append(ScriptTarget("script", base / vals[1], args=tuple(vals[2:]), root=root, cwd=_relative(base, root)))
    elif _is_python(vals[0]) and len(vals) > 1 and vals[1].endswith(".py") and (base / vals[1]).is_file():
        found.append(Target("python", base / vals[1], "upload" if "upload" in vals[2:] else None))
    elif "/" in vals[0] and (base / vals[0]).is_file():
        path = base / vals[0]
        python = path.suffix == ".py" or _shebang(path).find("python") >= 0
        found.append(Target("python", path) if python else ScriptTarget("script", path, args=tuple(vals[1:]),
                                                                      root=root, cwd=_relative(base, root)))
    return found


def _relative(base: Path, root: Path) -> Optional[str]:
    folder = os.path.relpath(base, root).replace(os.sep, "/")
    return None if folder == "." else folder


def given_tox_config(vals: List[str], base: Path) -> Optional[Path]:
    """The file tox reads its envs from for this command line: `-c FILE` (or `--conf`, or a folder holding one, as
    tox 4 takes it), else the one in `base`; None where the file named is not in the repository."""
    given = _option(vals, "-c", "--conf")
    if given is None:
        return _tox_config(base)
    path = base / given
    if path.is_dir():
        return _tox_config(path)
    return path if path.is_file() else None


def _tox_config(base: Path) -> Optional[Path]:
    """The file tox reads its envs from in `base`: tox.ini, tox.toml, or a pyproject.toml with a tox table."""
    for config in ("tox.ini", "tox.toml", "pyproject.toml"):
        path = base / config
        if path.is_file() and (config != "pyproject.toml" or re.search(r"\[tool\.tox|legacy_tox_ini", _text(path))):
            return path
    return None


MAKEFILES = ("GNUmakefile", "makefile", "Makefile")  # what make reads without `-f`, in its order


def undefined_tasks(script: str, root: Path, cwd: Optional[str] = None, checkouts: Tuple[str, ...] = ()) -> List[str]:
    """The tasks a step's script hands to a runner pubmode follows that this repository does not define: a tox
    env its tox configuration lacks, or a tox env, nox session or make target where there is no tox.ini, noxfile.py
    or Makefile at all. A reusable workflow runs in its caller's checkout, whose files bring them
    (boromir674/automated-workflows: `tox -e deploy -- upload`, no [testenv:deploy] here): what they run cannot be
    read, which is not the same as running nothing. Each as "tox env `deploy`, which tox.ini does not define"."""
    from codemods.follow.makefile import rules, shell_view
    from codemods.follow.tox_ini import defines_env

    out: List[str] = []
    for cmd, folder, _ in located_commands(script, cwd, checkouts):
        base = root / folder if folder else root
        if folder == "/" or _pyproject_script(cmd, base):
            continue
        i = strip_wrappers(cmd.words)
        vals = [w.value for w in cmd.words[i:]]
        tool = tool_word(vals[0]) if vals else ""
        missing = _missing_script(vals, base, script[:cmd.start])
        if missing:
            out.append(f"script `{missing}`, which is not in this repository")
        makefile = _option(vals, "-f", "--file") or "Makefile" if tool in ("make", "gmake") else None
        if makefile and (base / makefile).is_file():  # whombat: `make publish` runs `bash scripts/publish.sh`
            text = _text(base / makefile)
            view = shell_view(text)
            names = [v for v in vals[1:] if not v.startswith("-") and "=" not in v and v != makefile]
            for rule in (r for n in names for r in rules(text, n, set())):
                recipe = view[rule.start:rule.end]
                out += [f"script `{m}` (run by make target `{rule.target}`), which is not in this repository"
                        for c in commands(recipe) for m in [_missing_script([w.value for w in c.words], base,
                                                                             recipe[:c.start])] if m]
        if tool == "tox" and "--notest" not in vals and _option(vals, "--root") is None:
            config = given_tox_config(vals, base)
            given = _option(vals, "-c", "--conf")
            for env in filter(None, (_option(vals, "-e", "--env") or "").split(",")):
                if config is None and given is not None and "$" in given:
                    continue  # a configuration named at run time: not known to be missing
                if config is None:
                    out.append(f"tox env `{env}`, with no tox configuration in this repository" if given is None else
                               f"tox env `{env}` of `{given}`, which is not in this repository")
                elif "$" not in env and not defines_env(config, _text(config), env):
                    out.append(f"tox env `{env}`, which this repository's {config.name} does not define")
        elif tool == "nox" and not (base / "noxfile.py").is_file():
            sessions = [s for s in (_option(vals, "-s", "--session", "--sessions") or "").split(",") if s]
            out += [f"nox session `{s}`, with no noxfile.py in this repository" for s in sessions] or \
                ["`nox`, with no noxfile.py in this repository"]
        elif tool in ("make", "gmake"):
            makefile = _option(vals, "-f", "--file") or "Makefile"
            if not any((base / m).is_file() for m in ([makefile] if makefile != "Makefile" else MAKEFILES)):
                names = [v for v in vals[1:] if not v.startswith("-") and "=" not in v and v != makefile]
                out += [f"make target `{n}`, with no {makefile} in this repository" for n in names] or \
                    [f"`make`, with no {makefile} in this repository"]
    return list(dict.fromkeys(out))


def _missing_script(vals: List[str], base: Path, before: str) -> Optional[str]:
    """The repository's script a command runs by its path (`bash scripts/publish.sh`, `./release.sh`) when
    that file is not there, nor written by the text before it (`curl -o deploy.sh …`)."""
    if not vals:
        return None
    if tool_word(vals[0]) in ("bash", "sh", "zsh") and len(vals) > 1 and not vals[1].startswith("-"):
        path = vals[1]
    elif "/" in vals[0]:
        path = vals[0]
    else:
        return None
    if re.search(r"[$`*?~]", path) or path.startswith("/") or (base / path).exists() or \
            not re.search(r"\.(sh|bash)$|/", path) or os.path.basename(path) in before:
        return None
    return path


def _is_python(word: str) -> bool:
    return re.fullmatch(r"python[0-9.]*|py", word.rsplit("/", 1)[-1]) is not None or python_variable(word)


SKIPPED_DIRS = {"node_modules", "site-packages", "venv", "build", "dist", "__pycache__"}


def _module(name: str, root: Path, base: Path) -> List[Target]:
    """The files of the repository's own module `name` (run with `python -m name`) that name an upload
    tool: the package's files when it runs as a package (`__main__.py`), else the module and the modules
    of the repository it imports, in turn (it may reach the upload from any of them)."""
    if not re.fullmatch(r"[A-Za-z_][\w.]*", name) or name in {u.tool for u in registry.all_uploaders()}:
        return []
    parts = name.split(".")
    found: List[Tuple[Path, Path]] = []
    for folder in _folders(base, root):
        pkg, mod = folder.joinpath(*parts), folder.joinpath(*parts[:-1], parts[-1] + ".py")
        if (pkg / "__main__.py").is_file():
            found.append((folder, pkg))
        elif mod.is_file():
            found.append((folder, mod))
    if len({where for _, where in found}) != 1:
        return []
    folder, where = found[0]
    files = _imported(where, folder) if where.is_file() else \
        sorted(p for p in where.rglob("*.py") if "__pycache__" not in p.parts)[:MODULE_FILES]
    return [Target("python", f) for f in files if registry.mentions_a_tool(_text(f))]


MODULE_FILES = 200


def _imported(module: Path, folder: Path) -> List[Path]:
    """`module` and the modules under `folder` it imports, and those they import (never more than
    MODULE_FILES files): `import a.b`, `from a.b import c` (c may be a module) and relative imports."""
    import ast  # only for a module run with `python -m`

    out, todo = [module], [module]
    while todo and len(out) < MODULE_FILES:
        path = todo.pop()
        try:
            tree = ast.parse(_text(path))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        package = path.parent.relative_to(folder).parts
        for node in ast.walk(tree):
            names: List[Tuple[str, ...]] = []
            if isinstance(node, ast.Import):
                names = [tuple(a.name.split(".")) for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                start = package[:len(package) - node.level + 1] if node.level else ()
                if node.level and node.level - 1 > len(package):
                    continue
                head = start + tuple((node.module or "").split(".") if node.module else ())
                names = [head] + [head + (a.name,) for a in node.names if a.name != "*"]
            for dotted in names:
                for candidate in (folder.joinpath(*dotted).with_suffix(".py") if dotted else None,
                                  folder.joinpath(*dotted, "__init__.py") if dotted else None):
                    if candidate is not None and candidate not in out and candidate.is_file():
                        out.append(candidate)
                        todo.append(candidate)
    return out[:MODULE_FILES]


def _folders(base: Path, root: Path, depth: int = 3) -> List[Path]:
    """`base` and the folders below the root where a module may sit (`src/`, `tooling/src/`)."""
    out, level = [base], [root]
    for _ in range(depth):
        nxt = []
        for d in level:
            try:
                nxt += [c for c in sorted(d.iterdir()) if c.is_dir() and not c.name.startswith(".")
                        and c.name not in SKIPPED_DIRS and not c.is_symlink()]
            except OSError:
                continue
        level = nxt[:500]
        out += [d for d in level if d.name == "src" or (d / "__init__.py").exists() is False]
    return list(dict.fromkeys(out))


def _text(path: Path) -> str:
    try:
        return read_regular_text(path, errors="replace")
    except OSError:
        return ""


def _shebang(path: Path) -> str:
    try:
        first = read_regular(path, 5 * 1024 * 1024)[0][:200].split(b"\n", 1)[0]
    except OSError:
        return ""
    return first.decode("utf-8", "replace") if first.startswith(b"#!") else ""


NESTED = 3  # scripts that run scripts (`./build.sh publish` running `python -m tooling publish`)
# The workspace, however it is spelled: `${{ github.workspace }}`, `$GITHUB_WORKSPACE`, the runner's path
WORKSPACE = re.compile(r"(?:\$\{\{\s*github\.workspace\s*\}\}|\$\{?GITHUB_WORKSPACE\}?|/home/runner/work/[^/\s]+/[^/\s]+)"
                       r"(?=/|$)/?")
OWN_REPOSITORY = re.compile(r"^\$\{\{\s*github\.repository\s*\}\}$")


def step_start(job: Dict[str, Any], step: Dict[str, Any]) -> Tuple[Optional[str], Tuple[str, ...]]:
    """Where a step's script starts in the repository (its `working-directory`, else the job's default),
    and the folders the job checks this repository out into (`actions/checkout` with `path:`): a script
    that enters one of them is in the repository's root."""
    checkouts = []
    for _, other in steps(job):
        w = other.get("with") if isinstance(other.get("with"), dict) else {}
        if uses_action(other, "actions/checkout") is not None and isinstance(w.get("path"), str) and (
                not w.get("repository") or OWN_REPOSITORY.match(str(w.get("repository")).strip())):
            checkouts.append(_normal(w["path"]))
    defaults = job.get("defaults") if isinstance(job.get("defaults"), dict) else {}
    run = defaults.get("run") if isinstance(defaults.get("run"), dict) else {}
    wd = step.get("working-directory") or run.get("working-directory")
    return in_repository(str(wd) if isinstance(wd, str) else None, tuple(c for c in checkouts if c)), \
        tuple(c for c in checkouts if c)


def _normal(path: str) -> str:
    folder = os.path.normpath(path.strip()).replace(os.sep, "/")
    return "" if folder == "." else folder


def in_repository(cwd: Optional[str], checkouts: Tuple[str, ...]) -> Optional[str]:
    """A relative path as seen from the workspace, made relative to the repository: a folder the job
    checked the repository out into is its root (`main/requirements.txt` → `requirements.txt`)."""
    if not cwd:
        return None
    cwd = _normal(cwd)
    for c in checkouts:
        if cwd == c or cwd.startswith(c + "/"):
            cwd = cwd[len(c) + 1:]
            break
    return cwd or None


class Located(NamedTuple):
    cmd: Command
    folder: Optional[str]  # None: the start folder; "/": outside the repository
    certain: bool  # False after a `cd` whose folder cannot be read (`cd "$DIR"`): `folder` is a guess


def located_commands(script: str, cwd: Optional[str] = None, checkouts: Tuple[str, ...] = (),
                     known: Optional[Dict[str, str]] = None) -> Iterator[Located]:
    """The script's commands with the folder each runs in: a plain `cd DIR` (or `pushd DIR`) outside
    control flow moves the folder of the commands after it, up to the end of its subshell. `known`: the
    values of variables (and `$1`…) the call fixes (`script_args.CallReading.values`): `cd "$1"` moves too."""
    certain = True
    outer: List[Tuple[Optional[str], bool]] = []  # what to go back to when a subshell ends
    previous_end = 0
    for cmd in commands(script):
        for ch in re.findall(r"[()]", script[min(previous_end, cmd.start):cmd.start]):
            if ch == "(":
                outer.append((cwd, certain))
            elif outer:
                cwd, certain = outer.pop()
        previous_end = cmd.end
        vals = [w.value for w in cmd.words]
        if vals[0] in ("cd", "pushd", "popd"):
            where = " ".join(vals[1:])
            named = re.fullmatch(r"\$\{?([A-Za-z_]\w*|[1-9])\}?", where)
            if named and known and named.group(1) in known:  # `cd "$1"`, called with `prompt_defender`
                where = known[named.group(1)]
            workspace = WORKSPACE.match(where)
            if cmd.keywords or vals[0] == "popd":
                certain = False
            elif workspace:
                cwd = in_repository(where[workspace.end():], checkouts)
            elif re.fullmatch(r"[\w./-]+", where) and not where.startswith("-"):
                cwd = "/" if where.startswith("/") else in_repository(os.path.join(cwd or "", where), checkouts)
            else:
                certain = False
            continue
        yield Located(cmd, cwd, certain)


def targets_in_script(script: str, root: Path, cwd: Optional[str] = None, checkouts: Tuple[str, ...] = (),
                      _seen: Optional[set] = None, _depth: int = 0, _line: Optional[int] = None,
                      _caller: Optional[ScriptTarget] = None) -> List[Target]:
    """The files a step's script runs, and those the scripts among them run in turn, up to NESTED deep
    (each with the line of the step's command that leads to it). `cd DIR` moves where the next commands
    look (see `step_start` for `checkouts`); a script's commands its call's arguments leave unrun are
    not read (`_caller`: the script's target, with its call's arguments; see `script_args`)."""
    out: List[Target] = []
    seen = set() if _seen is None else _seen
    unrun = read_call(script, _caller.args, _caller.sourced).unrun if _caller is not None else []
    line, counted = 1, 0  # counted on from the previous command: a count from the start would be quadratic
    for cmd, folder, _ in located_commands(script, cwd, checkouts):
        if any(s <= cmd.start < e for s, e in unrun):
            continue
        if cmd.start < counted:  # out of order: count again from the start
            line, counted = 1, 0
        line += script.count("\n", counted, cmd.start)
        counted = cmd.start
        if folder == "/":  # somewhere outside the repository
            continue
        for t in targets_of(cmd, root, folder):
            key = (t.kind, t.path, t.name, getattr(t, "args", None))
            if key in seen:
                continue
            seen.add(key)
            out.append(dataclasses.replace(t, line=_line or line))
            if t.kind == "script" and _depth < NESTED:
                text = _text(t.path)
                out += targets_in_script(text, root, folder, checkouts, seen, _depth + 1, _line or line,
                                         t if isinstance(t, ScriptTarget) else None)
                wrapped = wrapped_command(text, getattr(t, "args", None))
                if wrapped:  # ptype's do.sh: `shift; source "$@"`, run as `do.sh PY script/publish.sh …`
                    out += targets_in_script(wrapped, root, folder, checkouts, seen, _depth + 1, _line or line)
            elif t.kind == "make" and _depth < NESTED:
                out += _run_by_recipe(t, root, checkouts, seen, _depth + 1, _line or line)
    return out


def _run_by_recipe(target: Target, root: Path, checkouts: Tuple[str, ...], seen: set, depth: int,
                   line: int) -> List[Target]:
    """The scripts a make target's recipe (and its prerequisites') runs, from the Makefile's folder
    (Safetorun/PromptDefender-py: `deploy_prod:` runs `bash scripts/deploy.sh prompt_defender prod`), and
    the targets it makes again (`$(MAKE) upload`, mercado's `$(MAKE) -s _$@`) with theirs: make's `$@`,
    `$*` and `$(MAKE)` read as make gives them to the shell."""
    from codemods.follow.makefile import rules, shell_view

    text = _text(target.path)
    view = shell_view(text)
    folder = os.path.relpath(target.path.parent, root).replace(os.sep, "/")
    out: List[Target] = []
    for rule in rules(text, target.name or "", set()):
        recipe = re.sub(r"\$[({]MAKE[)}]", "make", view[rule.start:rule.end]).replace("$@", rule.target)
        recipe = recipe.replace("$*", rule.stem) if rule.stem is not None else recipe
        out += [t for t in targets_in_script(recipe, root, None if folder == "." else folder, checkouts, seen, depth,
                                             line) if t.kind in ("script", "python", "make")]
    return out


def files_run_by(job: Dict[str, Any], root: Path) -> List[str]:
    """The texts of the files a job's `run:` steps run (a release script, a noxfile whose session runs
    `mkdocs gh-deploy`): what else the job does with its token, for the permissions it must keep."""
    from codemods.engine.reading import text_or_none

    out: List[str] = []
    for _, step in steps(job):
        script = step.get("run")
        if isinstance(script, str):
            out += [t for t in (text_or_none(target.path) for target in targets_in_script(script, root,
                                                                                           *step_start(job, step)))
                    if t is not None]
    return out

