"""The repository around a workflow: its root, its GitHub owner/name, its Python project name."""
from __future__ import annotations

import os
import re
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Set, Tuple

from codemods.engine.reading import read_regular_text
from codemods.forges import GITHUB, GITHUB_ALIASES, may_be_github, runs_github_actions_elsewhere
from codemods import toml_text
from codemods.matrix import legs, reads_matrix, substitute, text_values
from codemods.workflow import EXPRESSION

OWNER_PLACEHOLDER, REPO_PLACEHOLDER = "<owner>", "<repository>"
# A git remote URL: `scheme://[user[:password]@]host[:port]/path` (https, http, ssh, git, git+ssh) or
# scp-like `[user@]host:path`; the path is `owner/repo` with or without `.git` and a final slash.
REMOTE = re.compile(r"""^(?:
      (?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?:[^@/]*@)?(?P<host>\[[^\]/]*\]|[^@/:]+)(?::\d*)?/+
    | (?:[^@/:\s]+@)?(?P<scp_host>[^@/:\s]{2,}):(?!//)/*   # two characters at least: `C:/x` is a path
    )(?P<path>[^\s]*?)(?:\.git)?/*$""", re.X)
OWNER_AND_REPO = re.compile(r"^(?P<owner>[A-Za-z0-9][A-Za-z0-9-]*)/(?P<repo>[A-Za-z0-9._-]+)$")


@dataclass(frozen=True)
class Repository:
    root: Path
    owner: Optional[str]
    name: Optional[str]
    project: Optional[str]
    host: Optional[str] = GITHUB  # where the `origin` remote is (GitHub Enterprise, another forge); None: no remote
    # where the owner and repository come from when not from `origin` (on another forge: a mirror), or why
    # they are placeholders; said beside the publisher to register
    note: Optional[str] = None

    @property
    def owner_or_placeholder(self) -> str:
        return self.owner or OWNER_PLACEHOLDER

    @property
    def name_or_placeholder(self) -> str:
        return self.name or REPO_PLACEHOLDER


_roots: Optional[dict] = None  # within a run: (function, folder) -> the answer


@contextmanager
def roots_remembered() -> Iterator[None]:
    """Within it (one run, the folders as they are), the root of a folder is looked for once, not once
    for each of its many workflow files."""
    global _roots
    outer, _roots = _roots, {}
    try:
        yield
    finally:
        _roots = outer


def _remembered(kind: str, folder: str, find: Callable[[], Any]) -> Any:
    if _roots is None:
        return find()
    key = (kind, folder)
    if key not in _roots:
        if len(_roots) >= 4096:  # bounded: memory does not grow with the run
            _roots.clear()
        _roots[key] = find()
    return _roots[key]


def find_root(start: Path) -> Optional[Path]:
    """The nearest folder at or above `start` that holds `.git`."""
    return _remembered("find_root", os.fspath(start), lambda: _find_root(start))


def _find_root(start: Path) -> Optional[Path]:
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def root_for(path: Path) -> Path:
    """The repository root for a workflow file: the folder holding its `.github/workflows`, else git's,
    else the file's own folder."""
    here = Path(os.path.abspath(path))  # the link's own place, not its target's
    return _remembered("root_for", os.fspath(here.parent), lambda: _root_for(here))


def _root_for(here: Path) -> Path:
    if here.parent.name == "workflows" and here.parent.parent.name == ".github":
        return here.parent.parent.parent.resolve()
    for folder in here.parents:  # the folders as written: a linked one must not move the root outside
        if (folder / ".git").exists():
            return folder.resolve()
    return here.parent.resolve()


def leads_outside(path: Path, root: Path) -> bool:
    """True when `path`, with every link on the way resolved (its own, a linked `.github` or
    `.github/workflows`), is not inside `root`: such a path is never read as a workflow nor written."""
    real, top = Path(os.path.realpath(path)), root.resolve()
    return real != top and top not in real.parents


def workflows_folder(start: Path) -> Optional[Path]:
    """`.github/workflows` of the nearest folder at or above `start` that has one, stopping at git's root."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".github" / "workflows").is_dir():
            return folder / ".github" / "workflows"
        if (folder / ".git").exists():
            return None
    return None


@dataclass(frozen=True)
class Remote:
    host: str  # github.com for every name of it, else the host as written (a GitHub Enterprise Server, another forge)
    owner: Optional[str]  # None when the path is not `owner/repo` (a GitLab subgroup, a local path)
    name: Optional[str]


def host_and_path(url: str, forge: str, aliases: Set[str], resolve_alias=None) -> Optional[Tuple[str, str]]:
    """(host, path) of a remote URL (https, ssh, scp-like `git@host:owner/repo.git`), every name of
    `forge` in `aliases` read as `forge`; None for a local path. `resolve_alias` maps an ssh host to
    the host ssh really connects to (a `Host` alias in ~/.ssh/config such as `github-work`)."""
    m = REMOTE.match(url.strip())
    if not m or (m.group("scheme") or "").lower() == "file":
        return None
    host = (m.group("host") or m.group("scp_host")).lower()
    ssh = m.group("scp_host") is not None or "ssh" in (m.group("scheme") or "").lower()
    if ssh and host not in aliases and resolve_alias is not None:
        host = (resolve_alias(host) or host).lower()
    return (forge if host in aliases else host), m.group("path")


def parse_remote(url: str, resolve_alias=None) -> Optional[Remote]:
    """The host, owner and repository of a remote URL, or None for a local path."""
    found = host_and_path(url, GITHUB, GITHUB_ALIASES, resolve_alias)
    if found is None:
        return None
    host, path = found[0], OWNER_AND_REPO.match(found[1])
    return Remote(host, path.group("owner"), path.group("repo")) if path else Remote(host, None, None)


def ssh_hostname(alias: str) -> Optional[str]:
    """The `hostname` ssh uses for `alias` (`ssh -G` reads the configuration, connects to nothing)."""
    if not re.fullmatch(r"[A-Za-z0-9._-]+", alias):
        return None
    try:
        out = subprocess.run(["ssh", "-G", alias], capture_output=True, text=True, timeout=5,
                             stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r"(?m)^hostname (\S+)$", out.stdout) if out.returncode == 0 else None
    return found.group(1) if found else None


def remote_urls(root: Path) -> Dict[str, str]:
    """Each remote's fetch URL by name (`git remote -v`: `insteadOf` rewrites applied), `origin` first."""
    try:
        out = subprocess.run(["git", "-C", str(root), "remote", "-v"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return {}
    found: Dict[str, str] = {}
    for line in out.stdout.splitlines() if out.returncode == 0 else ():
        name, _, rest = line.partition("\t")
        url, _, kind = rest.rpartition(" ")
        if kind == "(fetch)" and name and url.strip():
            found.setdefault(name, url.strip())
    return dict(sorted(found.items(), key=lambda item: item[0] != "origin"))


def origin_url(root: Path) -> Optional[str]:
    """The URL of the `origin` remote, or None when there is none."""
    return remote_urls(root).get("origin")


def github_remote(root: Path) -> Optional[Remote]:
    """Where the `origin` remote is (host, owner, repository), or None when there is no remote."""
    url = origin_url(root)
    return parse_remote(url, ssh_hostname) if url is not None else None


def _on_github(urls: Dict[str, str]) -> Dict[str, Remote]:
    """The remotes other than `origin` that are on github.com and name a repository, by name."""
    found = {name: parse_remote(url, ssh_hostname) for name, url in urls.items() if name != "origin"}
    return {name: r for name, r in found.items() if r is not None and r.host == GITHUB and r.owner}


def _github_side(root: Path, project: Optional[str]) -> Repository:
    """The repository on GitHub the workflows run in. `origin` names it when it is on github.com or may be a
    GitHub Enterprise Server (PyPI takes no publisher there: `host` says so). An `origin` on gitlab.com, a
    GitLab or another forge is not where GitHub runs them: GitHub holds a mirror, named by a remote on
    github.com when there is exactly one such repository, else unknown (placeholders, and the note says why)."""
    urls = remote_urls(root)
    origin = parse_remote(urls["origin"], ssh_hostname) if "origin" in urls else None
    if origin is None or may_be_github(origin.host):
        return Repository(root, origin.owner, origin.name, project, origin.host) if origin \
            else Repository(root, None, None, project, None)
    others = _on_github(urls)
    named = sorted({(r.owner, r.name) for r in others.values()})
    why = f"this repository's `origin` is on {origin.host}, not github.com"
    caveat = (f" ({origin.host} runs `.github/workflows` too, with Forgejo or Gitea Actions, whose OIDC tokens PyPI "
              "does not accept: if these workflows run there, keep the token and do not merge this change)"
              if runs_github_actions_elsewhere(origin.host) else "")
    if len(named) == 1:
        remote = next(n for n, r in others.items() if (r.owner, r.name) == named[0])
        owner, name = named[0]
        return Repository(root, owner, name, project, GITHUB,
                          f"{why}: the publisher's owner and repository come from the remote `{remote}` "
                          f"(github.com/{owner}/{name}), where GitHub runs these workflows{caveat}")
    found = (f"its remotes on github.com name several repositories ({', '.join(f'{o}/{n}' for o, n in named)})"
             if named else "no other remote is on github.com")
    return Repository(root, None, None, project, None,
                      f"{why}, and {found}: these workflows run on a GitHub mirror pubmode cannot name, so the "
                      f"publisher's owner and repository are placeholders: fill in the mirror's{caveat}")


def project_name(root: Path) -> Optional[str]:
    """The distribution name from pyproject.toml ([project] or [tool.poetry]), setup.cfg or setup.py;
    None for a pyproject.toml that says its project is no package (a workspace's root, never built)."""
    data = _pyproject(root / "pyproject.toml")
    if data is not None and not _packaged(data):
        return None
    return _name_in(data) or _setup_cfg_name(root / "setup.cfg") or _setup_py_name(root / "setup.py")


def pyproject_name(pyproject: Path) -> Optional[str]:
    """The name in a pyproject.toml-shaped file ([project] or [tool.poetry])."""
    return _name_in(_pyproject(pyproject))


def _pyproject(pyproject: Path) -> Optional[dict]:
    if not pyproject.is_file():
        return None
    try:
        return toml_text.loads(read_regular_text(pyproject))
    except (ValueError, OSError, UnicodeDecodeError):
        return None


def _name_in(data: Optional[dict]) -> Optional[str]:
    if data is None:
        return None
    tool = data.get("tool") if isinstance(data.get("tool"), dict) else {}
    name = (data.get("project") or {}).get("name") or (tool.get("poetry") or {}).get("name") or \
        _flit_metadata_name(tool.get("flit"))
    return name.strip() if isinstance(name, str) and name.strip() else None


def _flit_metadata_name(flit: Any) -> Optional[str]:
    """flit's format before PEP 621 (`[tool.flit.metadata]`, still read by flit): the distribution is
    `dist-name`, else the module's name (executablebooks/mdformat-tables: `module = "mdformat_tables"`)."""
    meta = flit.get("metadata") if isinstance(flit, dict) else None
    if not isinstance(meta, dict):
        return None
    name = meta.get("dist-name") or meta.get("module")
    return name if isinstance(name, str) else None


def _packaged(data: dict) -> bool:
    """False where the file says the project is not built as a package: uv's `[tool.uv] package = false`
    (a workspace's root: open-telemetry/opentelemetry-python's `opentelemetry-python` 0.0.0, whose members
    are what the release uploads), Poetry's `package-mode = false`, PDM's `distribution = false`."""
    tool = data.get("tool") if isinstance(data.get("tool"), dict) else {}
    settings = [(tool.get("uv"), "package"), (tool.get("poetry"), "package-mode"), (tool.get("pdm"), "distribution")]
    return not any(isinstance(t, dict) and t.get(key) is False for t, key in settings)


def _setup_cfg_name(setup_cfg: Path) -> Optional[str]:
    if not setup_cfg.is_file():
        return None
    import configparser  # here: most repositories have no setup.cfg (start-up)

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(read_regular_text(setup_cfg), str(setup_cfg))
        name = parser.get("metadata", "name", fallback=None)
    except (configparser.Error, OSError, UnicodeDecodeError):
        name = None
    if name and name.strip() and "%" not in name and "attr:" not in name:
        return name.strip()
    return None


def _setup_py_name(setup_py: Path) -> Optional[str]:
    """`setup(name="x")` in setup.py, or `name=NAME` with `NAME = "x"` at module level; read with `ast`,
    never executed."""
    import ast

    try:
        if not setup_py.is_file() or setup_py.stat().st_size > 1_000_000:
            return None
        tree = ast.parse(read_regular_text(setup_py))
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError, RecursionError):
        return None
    constants = {t.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
                 for t in node.targets if isinstance(t, ast.Name) and isinstance(node.value, ast.Constant)
                 and isinstance(node.value.value, str)}
    for node in ast.walk(tree):
        func = getattr(node, "func", None)
        called = getattr(func, "id", None) or getattr(func, "attr", None)
        if isinstance(node, ast.Call) and called == "setup":
            for kw in node.keywords:
                if kw.arg == "name":
                    value = kw.value.value if isinstance(kw.value, ast.Constant) else \
                        constants.get(kw.value.id) if isinstance(kw.value, ast.Name) else None
                    if isinstance(value, str) and value.strip():
                        return value.strip()
    return None


def job_folders(job: dict) -> List[str]:
    """Folders of the repository a job builds in: `working-directory` (job default or step), `cd DIR`
    at the start of a `run:` script, `DIR/dist` copied or uploaded from, a `--manifest-path
    DIR/Cargo.toml` (maturin), and the action's `packages-dir` (without its `dist/`). A folder that
    reads the job's matrix (`${{ matrix.package.directory }}`) gives the folder of each leg."""
    found: List[str] = []
    defaults = ((job.get("defaults") or {}).get("run") or {}) if isinstance(job.get("defaults"), dict) else {}
    candidates = [defaults.get("working-directory")] if isinstance(defaults, dict) else []
    for step in job.get("steps") or []:
        if not isinstance(step, dict):
            continue
        candidates.append(step.get("working-directory"))
        w = step.get("with") if isinstance(step.get("with"), dict) else {}
        for script in (step.get("run"), w.get("args")):
            for text in (text_values(job, script, strict=False) or [script]) if isinstance(script, str) else ():
                candidates += re.findall(r"(?:^|&&|;)[ \t]*cd[ \t]+['\"]?([\w./-]+)", text, re.M)
                candidates += re.findall(r"(?<![\w./-])(\w[\w./-]*)/dist\b", text)  # from a path's start: linear
                candidates += re.findall(r"(?:--manifest-path|-m)[ =]['\"]?([\w./-]+)/(?:Cargo|pyproject)\.toml", text)
        packages = w.get("packages-dir") or w.get("packages_dir")
        if isinstance(packages, str):
            candidates.append(re.sub(r"/?dist/?$", "", packages.strip()))
        if str(step.get("uses", "")).lower().startswith("actions/upload-artifact") and isinstance(w.get("path"), str):
            candidates += re.findall(r"(?<![\w./-])(\w[\w./-]*)/dist\b", w["path"])  # the artifact: `pkg/dist/*.whl`
    for value in candidates:
        for c in (text_values(job, value) or []) if isinstance(value, str) else ():
            if c.strip() and "$" not in c and not c.startswith(("/", "~")) and ".." not in c:
                folder = c.strip().strip("/")
                folder = folder[2:] if folder.startswith("./") else folder
                if folder and folder != "." and folder not in found:
                    found.append(folder)
    return found


def upload_folder(job: dict, step: dict) -> Optional[str]:
    """The folder of the repository a publishing step uploads from: the action's `packages-dir` (its
    `dist/` taken off) or `working-directory` input, else where its upload command runs (the step's
    `working-directory` and the `cd`s before the command). None: the repository's root."""
    return _upload_folder(job, step, keep_expressions=False)


def _upload_folder(job: dict, step: dict, keep_expressions: bool) -> Optional[str]:
    """`upload_folder`; with `keep_expressions`, an input that names its folder with an expression gives it as
    written (`${{ matrix.dir }}`), for the caller to resolve, rather than the folder the step starts in."""
    from codemods.follow.calls import located_commands, step_start
    from codemods.uploaders.command_line import find_upload

    w = step.get("with") if isinstance(step.get("with"), dict) else {}
    for key in ("packages-dir", "packages_dir", "working-directory"):
        if isinstance(w.get(key), str) and ("$" not in w[key] or keep_expressions and EXPRESSION.search(w[key])):
            folder = re.sub(r"/?dist/?$", "", w[key].strip()) if key != "working-directory" else w[key].strip()
            return os.path.normpath(folder).replace(os.sep, "/").strip("/") if folder.strip("./") else None
    wd, checkouts = step_start(job, step)
    script = step.get("run")
    if isinstance(script, str):
        for cmd, folder, _ in located_commands(script, wd, checkouts):
            if find_upload(cmd) is not None:
                return folder if folder != "/" else None
    return wd


_RUN_TIME_WORDS = re.compile(r"\$\{\{|\$\{?[A-Za-z_]")  # an expression or a shell variable


def _chosen(job: dict, text: str) -> bool:
    """The text names a folder the run picks: one only the run knows, or one of several legs of a matrix written
    in the job (a single leg's folder is known: `upload_folders`)."""
    if not _RUN_TIME_WORDS.search(text):
        return False
    values = text_values(job, text)
    return values is None or len(values) > 1 or any(_RUN_TIME_WORDS.search(v) for v in values)


def run_time_folder(job: dict, step: dict) -> Optional[str]:
    """Where a publishing step's folder, and so its project, is chosen at run time (a monorepo's
    `packages-dir: ${{ steps.pathfinder.outputs.project_path }}/dist`, a `working-directory` or a `cd` from
    a matrix), as written; None when the folder is written out. The job's token must then be able to
    upload every project the job can publish, not the one pubmode found."""
    from codemods.uploaders.command_line import find_upload
    from codemods.shell import commands

    w = step.get("with") if isinstance(step.get("with"), dict) else {}
    for key in ("packages-dir", "packages_dir", "working-directory"):
        if isinstance(w.get(key), str) and _chosen(job, w[key]):
            return f"`{key}: {w[key].strip()}`"
    defaults = job.get("defaults") if isinstance(job.get("defaults"), dict) else {}
    run = defaults.get("run") if isinstance(defaults.get("run"), dict) else {}
    for where, wd in (("", step.get("working-directory")), ("the job's default ", run.get("working-directory"))):
        if isinstance(wd, str) and _chosen(job, wd):
            return f"{where}`working-directory: {wd.strip()}`"
        if isinstance(wd, str) and wd.strip():
            break  # the step's own folder wins over the job's default
    script = step.get("run")
    if not isinstance(script, str) or "uses" in step:
        return None
    for cmd in commands(script):
        vals = [w.value for w in cmd.words]
        if vals and vals[0] in ("cd", "pushd") and len(vals) > 1 and _chosen(job, vals[1]) and \
                not re.match(r"\$\{?(GITHUB_WORKSPACE|HOME|RUNNER_TEMP)\b|\$\{\{\s*github\.workspace", vals[1]):
            return f"`{script[cmd.start:cmd.end].strip()}`"
        hit = find_upload(cmd)
        if hit is not None:
            paths = [v for v in vals[hit[1]:] if not v.startswith("-") and _chosen(job, v)
                     and re.search(r"(^|/)dist\b|\*|\.whl$|\.tar\.gz$", v)]
            return f"`{paths[0]}`" if paths else None
    return None


# What a folder chosen at run time reads, that the file does not give: a matrix pubmode cannot expand
# (`fromJSON(…)`), another job's or step's output
_RUN_TIME = re.compile(r"\b(?:matrix|needs|steps)\b|\bfromjson\s*\(", re.I)


# a file argument of an upload that names the `dist/` of a folder: `pkg/dist/*`, `pkg/dist/pkg-1.0.tar.gz`
_FOLDER_OF_FILES = re.compile(r"([\w.-][\w./-]*?)/dist(?:/[^/\s]*)?/?")


def followed_folders(script: str, cwd: Optional[str], root: Path) -> List[str]:
    """The package folders the uploads of the scripts a step runs happen in (Safetorun/PromptDefender-py:
    `bash scripts/deploy.sh prompt_defender prod`, whose `cd "$1"` goes to that package before its twine
    upload), each once; [] unless every such upload runs in a known folder that defines a package."""
    from codemods.follow.calls import ScriptTarget, located_commands, targets_in_script
    from codemods.follow.script_args import read_call
    from codemods.uploaders.command_line import find_upload

    found: List[str] = []
    for target in targets_in_script(script, root, cwd):
        if not isinstance(target, ScriptTarget):
            continue
        text = read_regular_text(target.path, errors="replace") if target.path.is_file() else ""
        call = read_call(text, target.args, target.sourced)
        for cmd, folder, certain in located_commands(text, target.cwd, known=call.values):
            if any(s <= cmd.start < e for s, e in call.unrun) or find_upload(cmd) is None:
                continue
            if not certain or folder in (None, "/") or ".." in folder or not project_name(root / folder):
                return []
            found += [folder] if folder not in found else []
    return found


def file_folders(script: str, cwd: Optional[str], root: Path) -> List[Optional[str]]:
    """The package folders whose `dist/` a script's upload commands name (`twine upload pkg-a/dist/*
    pkg-b/dist/*`), each joined to where its command runs (None: the root), with that folder itself where the same
    command also uploads its own `dist/*`; only folders that define a package (a `dist/` of downloaded artifacts says
    nothing of the project); [] where none does, so the folder the command runs in stands."""
    from codemods.follow.calls import located_commands
    from codemods.uploaders.command_line import find_upload

    found: List[Optional[str]] = []
    for cmd, folder, _ in located_commands(script, cwd):
        hit = find_upload(cmd)
        if hit is None:
            continue
        here = None if folder in (None, "/") else folder
        named: List[Optional[str]] = []
        for word in cmd.words[hit[1]:]:
            if "$" in word.text:
                continue
            if re.fullmatch(r"(?:\./)?dist(?:/[^/\s]*)?/?", word.value):
                named.append(here)  # the folder the command runs in, beside the others it names
                continue
            m = _FOLDER_OF_FILES.fullmatch(word.value)
            if m and ".." not in m.group(1) and m.group(1) not in (".", "dist"):
                joined = os.path.normpath(os.path.join(here or "", m.group(1)))
                name = joined.replace(os.sep, "/").strip("/")
                if name and name != "." and project_name(root / name):
                    named.append(name)
        if any(n != here for n in named):
            found += [n for n in named if n not in found]
    return found


def upload_script_folders(script: str, root: Path) -> List[Optional[str]]:
    """The folders a script's uploads publish from, in order (None: the root): the package folders whose `dist/`
    each upload command names, else the folder it runs in (GitLab's jobs, whose script is one shell)."""
    from codemods.follow.calls import located_commands
    from codemods.uploaders.command_line import find_upload

    found: List[Optional[str]] = []
    for cmd, folder, _ in located_commands(script):
        if find_upload(cmd) is None:
            continue
        script_of_one = script[cmd.start:cmd.end]
        for f in file_folders(script_of_one, None if folder in (None, "/") else folder, root) or \
                [None if folder in (None, "/") else folder]:
            if f not in found:
                found.append(f)
    return found


def upload_folders(job: dict, step: dict, root: Optional[Path] = None) -> Tuple[List[Optional[str]], Optional[str]]:
    """The folders a publishing step uploads from, one per leg of the job's matrix where its folder reads
    the matrix (`packages-dir: ${{ matrix.package.directory }}/dist/`), or the folders whose files its upload
    command names (`twine upload pkg-a/dist/* pkg-b/dist/*`), each once (None: the root); and,
    when a folder is chosen at run time from what the file does not give, that folder as written (then
    the folders are not known)."""
    from codemods.follow.calls import step_start

    per_leg: List[Optional[str]] = []
    for leg_job, leg_step in _legs_of(job, step):
        folder = _upload_folder(leg_job, leg_step, keep_expressions=True)
        if folder is not None and any(_RUN_TIME.search(m.group(0)) for m in EXPRESSION.finditer(folder)):
            return [], folder
        if folder is not None and EXPRESSION.search(folder):  # another expression: read as before
            folder = _upload_folder(leg_job, leg_step, keep_expressions=False)
        run = leg_step.get("run") if root is not None and "uses" not in leg_step else None
        named = file_folders(run, step_start(leg_job, leg_step)[0], root) if isinstance(run, str) else []
        if not named and isinstance(run, str):
            named = followed_folders(run, step_start(leg_job, leg_step)[0], root)
        for f in named or [folder]:
            if f not in per_leg:
                per_leg.append(f)
    return per_leg, None


def _legs_of(job: dict, step: dict) -> List[Tuple[dict, dict]]:
    """The job and step as each leg of its matrix runs them (the values that place the upload put in:
    `working-directory`, `run`, the action's folder inputs); the job and step as written when they read no
    matrix or it cannot be expanded."""
    defaults = job.get("defaults") if isinstance(job.get("defaults"), dict) else {}
    run = defaults.get("run") if isinstance(defaults.get("run"), dict) else {}
    w = step.get("with") if isinstance(step.get("with"), dict) else {}
    texts = [run.get("working-directory"), step.get("working-directory"), step.get("run")] + \
        [w.get(k) for k in ("packages-dir", "packages_dir", "working-directory")]
    found = legs(job) if any(isinstance(t, str) and reads_matrix(t) for t in texts) else None
    if not found:
        return [(job, step)]
    out = []
    for leg in found:
        put = lambda v: substitute(leg, v) if isinstance(v, str) else v  # noqa: E731
        leg_step = {**step, **{k: put(step[k]) for k in ("working-directory", "run") if k in step}}
        if w:
            leg_step["with"] = {k: put(v) for k, v in w.items()}
        leg_job = {**job, "defaults": {**defaults, "run": {**run, "working-directory": put(run["working-directory"])}}} \
            if "working-directory" in run else job
        out.append((leg_job, leg_step))
    return out


def step_projects(repo: "Repository", job: dict, indexes: List[int]) -> List[str]:
    """The projects named in the folders the job's publishing steps upload from, when they are more
    than one (a monorepo job publishing each package from its folder)."""
    found = [n for n in upload_projects(repo, job, indexes)[0] if n]
    return found if len(found) > 1 else []


def upload_projects(repo: "Repository", job: dict, indexes: List[int]) -> Tuple[List[Optional[str]], Optional[str]]:
    """The projects in the folders the job's publishing steps upload from (a matrix's legs each), each once
    (None: a folder below the root that names no package; the root's `dist/` without a name is left out, as
    files built elsewhere land there); and the folder as written when one is chosen at run time from what
    the file does not give (then no project is known)."""
    all_steps = job.get("steps") if isinstance(job.get("steps"), list) else []
    names: List[Optional[str]] = []
    for i in indexes:
        if i >= len(all_steps) or not isinstance(all_steps[i], dict):
            continue
        folders, unknown = upload_folders(job, all_steps[i], repo.root)
        if unknown is not None:
            return [], unknown
        for f in folders:
            name = project_name(repo.root / f) if f and ".." not in f else repo.project
            if name not in names and (name or f and ".." not in f):
                names.append(name)
    return names, None


def built_project(repo: "Repository", all_jobs: dict, job_id: str,
                  workflow_env: Optional[dict] = None) -> Tuple[List[str], str]:
    """The projects a job publishes: the one in a folder it (or a job it `needs:`, whose artifact it
    uploads) builds in, when they agree on one, else the repository root's; and why it is not known when
    the root cannot be it. A job that downloads artifacts publishes what the jobs that made them built
    (`artifacts.downloaded_folders`: several projects when it downloads several), not what another job it
    needs builds to compare or test. `${{ env.X }}` in a `working-directory` is read from the job's `env:`,
    then the workflow's (`workflow_env`). A uv workspace root whose members are the packages is not the
    project of a job that builds in a member folder (livekit/python-sdks: root `python-sdks`, never
    published; `build-api.yml` builds in `./livekit-api`), nor of any job when PyPI would refuse it (a local
    version: pypa/setuptools-scm's `vcs-versioning.workspace` `0.1+private`): where the member's name cannot
    be read, the project is left to the user, never the root's."""
    from codemods.artifacts import downloaded_sources

    job = all_jobs.get(job_id) or {}
    needs = job.get("needs")
    members = workspace_members(repo.root)
    unpublished = _unpublished_root(repo.root) if members else ""
    sources = downloaded_sources(repo.root, all_jobs, job_id, workflow_env)
    if sources is not None:  # what it uploads comes from the artifacts it downloads, and its own build
        downloaded, producers = sources
        folders = job_folders(_env_resolved(job, workflow_env)) + [f for f in downloaded if f]
        found = [project_name(repo.root / f) for f in dict.fromkeys(folders) if (repo.root / f).is_dir()]
        if None in downloaded and repo.project and not members:  # a workspace's root: read below
            found.append(repo.project)
        named = list(dict.fromkeys(n for n in found if n))
        if named:
            return named, ""
        related = [job] + producers
    else:
        related = [job] + [all_jobs[n] for n in ([needs] if isinstance(needs, str) else needs or [])
                           if isinstance(n, str) and isinstance(all_jobs.get(n), dict)]
    related = [_env_resolved(j, workflow_env) for j in related]
    folders = [f for j in related for f in job_folders(j)]
    names = {project_name(repo.root / f) for f in folders if (repo.root / f).is_dir()} - {None}
    if len(names) == 1:
        return [names.pop()], ""
    if repo.project is None or not members:
        return [repo.project] if repo.project else [], ""
    root = f"the repository's root (`{repo.project}`) is a uv workspace whose members are the packages"
    if len(names) > 1:
        shown = ", ".join(f"`{n}`" for n in sorted(names))
        return [], f"the job builds in folders of several projects ({shown}); {root}"
    inside = [f for f in folders if _is_member(f, members)]
    if inside:
        return [], f"the job builds in `{inside[0]}`, whose package name pubmode cannot read; {root}"
    unnamed = next((wd for j in related for wd in _working_directories(j)
                    if any("$" in v for v in text_values(j, wd) or [wd])), None)
    if unnamed is not None:
        return [], f"the job builds in `{unnamed}`, a folder the workflow does not name; {root}"
    if unpublished:
        return [], f"pubmode cannot tell which member the job uploads; {root}, {unpublished}"
    return [repo.project], ""


def _unpublished_root(root: Path) -> str:
    """Why the root's project can never be on PyPI (a local version `0.1+private`, which PyPI refuses), or ""."""
    data = _pyproject(root / "pyproject.toml") or {}
    project = data.get("project") if isinstance(data.get("project"), dict) else {}
    version = project.get("version")
    if isinstance(version, str) and "+" in version:
        return f"and its version `{version.strip()}` is a local version, which PyPI refuses"
    return ""


def never_uploaded(pyproject: Path) -> str:
    """Why PyPI refuses every upload of the project a pyproject.toml describes (a classifier `Private :: …`,
    as crewAIInc/crewAI's `crewai-devtools` member: `Private :: Do Not Upload`; pypi/warehouse#5440), or ""."""
    data = _pyproject(pyproject) or {}
    project = data.get("project") if isinstance(data.get("project"), dict) else {}
    classifiers = project.get("classifiers") if isinstance(project.get("classifiers"), list) else []
    private = next((c.strip() for c in classifiers if isinstance(c, str) and c.strip().startswith("Private ::")), None)
    return f"its classifier `{private}` makes PyPI refuse it" if private else ""


def workspace_members(root: Path) -> List[str]:
    """The member globs of a uv workspace whose root is `root` (`[tool.uv.workspace] members`); [] if none,
    or when the root is a member itself (explodinggradients/ragas: `members = [".", "examples"]`, the root's
    `ragas` is published)."""
    data = _pyproject(root / "pyproject.toml") or {}
    tool = data.get("tool") if isinstance(data.get("tool"), dict) else {}
    uv = tool.get("uv") if isinstance(tool.get("uv"), dict) else {}
    ws = uv.get("workspace") if isinstance(uv.get("workspace"), dict) else {}
    members = ws.get("members") if isinstance(ws.get("members"), list) else []
    found = [m.strip().removeprefix("./").strip("/") for m in members if isinstance(m, str) and m.strip()]
    return [] if any(m in ("", ".") for m in found) else found


def _is_member(folder: str, members: List[str]) -> bool:
    """Whether `folder` (from the root, no `./`) is a member of the workspace or inside one."""
    from fnmatch import fnmatchcase

    parts = folder.split("/")
    return any(fnmatchcase("/".join(parts[:i]), m) for m in members for i in range(1, len(parts) + 1))


_ENV_REF = re.compile(r"\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def _working_directories(job: dict) -> List[str]:
    defaults = job.get("defaults") if isinstance(job.get("defaults"), dict) else {}
    run = defaults.get("run") if isinstance(defaults.get("run"), dict) else {}
    found = [run.get("working-directory")] + [s.get("working-directory") for s in job.get("steps") or []
                                              if isinstance(s, dict)]
    return [wd.strip() for wd in found if isinstance(wd, str) and wd.strip()]


def _env_resolved(job: dict, workflow_env: Optional[dict]) -> dict:
    """The job with `${{ env.X }}` in its `working-directory` values written out, from the job's `env:`
    then the workflow's, where the value is plain text (the folder the job builds in)."""
    env = {**(workflow_env if isinstance(workflow_env, dict) else {}),
           **(job.get("env") if isinstance(job.get("env"), dict) else {})}

    def put(value):
        if not isinstance(value, str) or "env." not in value:
            return value
        def one(m):
            v = env.get(m.group(1))
            return v if isinstance(v, str) and "$" not in v else m.group(0)
        return _ENV_REF.sub(one, value)

    defaults = job.get("defaults") if isinstance(job.get("defaults"), dict) else {}
    run = defaults.get("run") if isinstance(defaults.get("run"), dict) else {}
    out = dict(job)
    if "working-directory" in run:
        out["defaults"] = {**defaults, "run": {**run, "working-directory": put(run["working-directory"])}}
    if isinstance(job.get("steps"), list):
        out["steps"] = [{**s, "working-directory": put(s["working-directory"])}
                        if isinstance(s, dict) and "working-directory" in s else s for s in job["steps"]]
    return out


_cache: dict = {}


def repository(root: Path) -> Repository:
    if root not in _cache:
        _cache[root] = _github_side(root, project_name(root))
    return _cache[root]
