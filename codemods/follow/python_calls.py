"""Upload commands inside Python release scripts (noxfile.py, tasks.py, release.py, setup.py), with libcst.

One call shape per case, as LibCST codemods are written:
- an argument list: `subprocess.run(["twine", "upload", "-u", user, "-p", token, "dist/*"])`,
  `session.run("twine", "upload", "--password", token, …)` — the credential items are removed;
- a command string: `os.system("twine upload -u x -p y dist/*")`, `c.run("…")` — the flags are cut
  from the string literal, its quoting kept;
- anything built at run time (f-strings, `.format`, concatenation, variables) is left alone and
  reported with its line, as the manual change to make.
Whitespace and comments survive because libcst keeps them; the result must parse again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional, Set, Tuple

from codemods.uploaders import registry

PY_ENV_READ = re.compile(r"""(?:environ\s*(?:\[|\.get\s*\()|getenv\s*\()\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]""")
SHELL_VAR = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")


@dataclass
class PythonEdit:
    new_text: str
    notes: List[str] = field(default_factory=list)
    manual: List[str] = field(default_factory=list)
    uploads: int = 0
    credential_env: Set[str] = field(default_factory=set)
    cuts: int = 0  # credential options found and cut
    lines: List[int] = field(default_factory=list)  # where the uploads are
    elsewhere: int = 0  # uploads to another index, left alone
    freed: Set[str] = field(default_factory=set)  # environment variables the removed items read
    targets: Set = field(default_factory=set)  # the indexes its uploads go to
    run_time_index: List[str] = field(default_factory=list)  # uploads whose index is chosen at run time


def session_lines(source: str, session: Optional[str]) -> Optional[List[Tuple[int, int]]]:
    """The lines (first, last) of a noxfile's session `session` and of the module's functions it calls,
    directly or not; None when they cannot be told (no such session, a name known only at run time, a
    file `ast` cannot read): the whole file is read then. `nox -s docs` runs the `docs` session, not the
    `release` session's twine (smarie/python-pytest-cases: every `nox -s X` step was told it uploads), and
    `nox -s tests-${{ matrix.python }}` a `tests` session (aklajnert/pytest-subprocess)."""
    import ast

    if not session:
        return None
    # a name made at run time (`tests-${{ matrix.python }}`) reads the sessions its literal ends allow
    parts = re.split(r"\$\{\{.*?\}\}|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?", session)
    prefix, suffix = (parts[0], parts[-1]) if len(parts) > 1 else (session, session)
    if len(parts) > 1 and not prefix:
        return None
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    functions = {f.name: f for f in tree.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}
    wanted = []
    for f in functions.values():
        for d in f.decorator_list:
            call = d if isinstance(d, ast.Call) else None
            target = call.func if call else d
            if ast.unparse(target) not in ("nox.session", "session", "nox.parametrize"):
                continue
            name = next((k.value.value for k in (call.keywords if call else ()) if k.arg == "name"
                         and isinstance(k.value, ast.Constant) and isinstance(k.value.value, str)), f.name)
            if len(parts) == 1 and (session == name or session.startswith((name + "-", name + "("))):
                wanted.append(f)
            elif len(parts) > 1 and (name.startswith(prefix) and name.endswith(suffix) or any(
                    (name + sep).startswith(prefix) or prefix.startswith(name + sep) for sep in "-(")):
                wanted.append(f)
    if not wanted:
        return None
    reached, todo = {}, list(wanted)
    while todo:
        f = todo.pop()
        if f.name in reached:
            continue
        reached[f.name] = (min([f.lineno] + [d.lineno for d in f.decorator_list]), f.end_lineno or f.lineno)
        todo += [functions[c.func.id] for c in ast.walk(f) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)
                 and c.func.id in functions]
    return sorted(reached.values())


def edit_python(source: str, fallback: str = "pypa/gh-action-pypi-publish in the workflow",
                rewrite: bool = True, within: Optional[List[Tuple[int, int]]] = None) -> PythonEdit:
    """The script's uploads and, when `rewrite`, the script without their credential items. Without it
    (the doctor only reports) `new_text` is the source with what would go blanked out: enough to tell
    which variables the script would still read, never written anywhere."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper

    from codemods.follow.python_codemod import RemoveUploadCredentials, UploadCallFinder, assignments, ast_meaning

    result = PythonEdit(source)
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as e:  # the project's file, not pubmode: say where, follow nothing
        if registry.mentions_a_tool(source):
            result.uploads = 1
            result.manual.append(f"line {e.raw_line} is not valid Python; change its upload by hand")
        return result
    wrapper = MetadataWrapper(module)
    assigned = assignments(wrapper.module)

    def env_read_by(node) -> Set[str]:
        """Variables an argument reads: `os.environ["X"]` itself, or a name assigned from one."""
        names = set(PY_ENV_READ.findall(wrapper.module.code_for_node(node)))
        if isinstance(node, cst.Name):
            names |= set(PY_ENV_READ.findall(assigned.get(node.value, "")))
        return names

    finder = UploadCallFinder(wrapper.module, source, fallback, env_read_by, within)
    wrapper.visit(finder)
    result = finder.result
    if finder.calls and rewrite:
        result.new_text = wrapper.visit(RemoveUploadCredentials(finder.calls)).code
    elif finder.calls:
        blank = list(source)
        for start, end in (span for call in finder.calls.values() for span in call.removed):
            blank[start:end] = " " * (end - start)
        result.new_text = "".join(blank)
    if result.uploads == 0 and not result.manual and not result.elsewhere:
        for n, text in enumerate(source.splitlines(), 1):
            if within is not None and not any(a <= n <= b for a, b in within):
                continue
            if registry.upload_line(text, trusted_only=True) and not text.lstrip().startswith("#"):
                result.uploads += 1
                result.lines.append(n)
                result.manual.append(f"line {n}: an upload command is put together here in a way pubmode does not "
                                     "edit; remove its username/password options by hand")
                break
    if rewrite and result.new_text != source:
        why = ast_meaning(finder.calls)(source, result.new_text)
        if why:
            result.manual.append(why)
            result.new_text = source
    return result
