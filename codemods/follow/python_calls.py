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

import ast
import re
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Set

from codemods.engine.text_edits import OverlappingEdits, apply
from codemods.uploaders import registry
from codemods.uploaders.command_line import find_upload, literal_target, parse_flags
from codemods.uploaders.spec import Uploader
from codemods.shell import Command, Word, commands, cut_span

LIST_CALLS = {"subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
              "subprocess.Popen", "run", "call", "check_call", "check_output", "Popen"}
ARGS_CALLS = {"session.run", "session.run_always", "session.run_install"}
PY_ENV_READ = re.compile(r"""(?:environ\s*(?:\[|\.get\s*\()|getenv\s*\()\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]""")
SHELL_VAR = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")
STRING_CALLS = {"os.system", "c.run", "ctx.run", "context.run", "run", "subprocess.run", "subprocess.call",
                "subprocess.check_call", "subprocess.check_output", "os.popen"}


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


def _dotted(node) -> str:
    import libcst as cst

    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr.value}" if inner else ""
    return ""


def _literal(node) -> Optional[str]:
    import libcst as cst

    if isinstance(node, cst.SimpleString):
        try:
            value = ast.literal_eval(node.value)
        except (ValueError, SyntaxError):
            return None
        return value if isinstance(value, str) else None
    return None


def _fake_command(values: Sequence[Optional[str]]) -> Command:
    """A command whose word i is element i; unknown elements become a placeholder word."""
    words, pos = [], 0
    for v in values:
        text = v if v is not None else "\x00expr"
        words.append(Word(text if " " not in text else f"'{text}'", pos, pos + 1))
        pos += 2
    return Command(words)


def edit_python(source: str, fallback: str = "pypa/gh-action-pypi-publish in the workflow") -> PythonEdit:
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider

    result = PythonEdit(source)
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as e:  # the project's file, not pubmode: say where, follow nothing
        if registry.mentions_a_tool(source):
            result.uploads = 1
            result.manual.append(f"line {e.raw_line} is not valid Python; change its upload by hand")
        return result
    wrapper = MetadataWrapper(module)
    assigned = _assignments(module)

    def _env_read_by(node) -> Set[str]:
        """Variables an argument reads: `os.environ["X"]` itself, or a name assigned from one."""
        code = module.code_for_node(node)
        names = set(PY_ENV_READ.findall(code))
        if isinstance(node, cst.Name):
            names |= set(PY_ENV_READ.findall(assigned.get(node.value, "")))
        return names

    def _editable(up: Uploader, cmd: Command, at: int, line: int) -> bool:
        """Count an upload found at `line`; True when its credential options are ours to remove."""
        targets = literal_target(up, parse_flags(up, cmd.words[at:]))
        if targets is None:
            result.elsewhere += 1  # another index: keeps its credentials
            return False
        result.targets |= set(targets)
        result.uploads += 1
        result.lines.append(line)
        result.credential_env |= set(up.credentials.variables)
        if not up.trusted:
            result.manual.append(f"line {line}: `{up.tool}` has no Trusted Publishing; upload `dist/` with "
                                 f"{fallback} instead")
            return False
        return True

    class Transformer(cst.CSTTransformer):
        METADATA_DEPENDENCIES = (PositionProvider,)

        def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
            name = _dotted(original.func)
            line = self.get_metadata(PositionProvider, original).start.line
            if not updated.args:
                return updated
            first = updated.args[0].value
            if name in ARGS_CALLS or (name.endswith(".run") and name not in STRING_CALLS and all(
                    a.keyword is None for a in updated.args[:2]) and len(updated.args) > 1):
                positional = [a for a in updated.args if a.keyword is None and a.star != "**"]
                return self._elements(updated, [a.value for a in positional], line, "args",
                                      [a for a in positional if a.star == "*"])
            if isinstance(first, (cst.List, cst.Tuple)) and name in LIST_CALLS | ARGS_CALLS | STRING_CALLS:
                return self._elements(updated, [e.value for e in first.elements], line, "list",
                                      [e for e in first.elements if isinstance(e, cst.StarredElement)])
            if name in STRING_CALLS:
                if isinstance(first, cst.SimpleString):
                    return self._string(updated, first, line)
                if isinstance(first, (cst.FormattedString, cst.ConcatenatedString, cst.BinaryOperation, cst.Call,
                                      cst.Name)):
                    text = module.code_for_node(first)
                    if registry.upload_line(text.replace("\n", " ")):
                        result.manual.append(f"line {line}: the upload command is built at run time (`{text[:60]}`); "
                                             "remove its username/password options by hand")
            return updated

        def _match(self, values):
            cmd = _fake_command(values)
            hit = find_upload(cmd)
            return (hit[0], cmd, hit[1]) if hit else None

        def _elements(self, call: cst.Call, elements, line: int, shape: str, starred) -> cst.Call:
            # `sys.executable` runs the interpreter: `[sys.executable, "-m", "twine", "upload", …]`
            values = ["python" if _dotted(e) == "sys.executable" else _literal(e) for e in elements]
            found = self._match(values)
            if not found:
                return call
            up, cmd, at = found
            if not _editable(up, cmd, at, line):
                return call
            if starred:  # `*AUTH`: arguments known only at run time, which may well be the credentials
                result.manual.append(f"line {line}: the {up.name} arguments include "
                                     f"`*{module.code_for_node(starred[0].value)[:40]}`, known only at run time; "
                                     "they may carry credentials: remove them by hand")
                return call
            drop: Set[int] = set()
            for f in parse_flags(up, cmd.words[at:]):
                if f.kind in ("password", "user"):
                    drop.add(cmd.words.index(f.flag))
                    if f.value is not None:
                        drop.add(cmd.words.index(f.value))
            if not drop:
                return call
            for i in drop:
                result.freed |= _env_read_by(elements[i])
            result.cuts += 1
            result.notes.append(f"line {line}: removed {len(drop)} credential item(s) from the {up.name} call")
            if shape == "args":
                positional = [i for i, a in enumerate(call.args) if a.keyword is None and a.star == ""]
                keep = [a for i, a in enumerate(call.args) if i not in {positional[k] for k in drop}]
                return call.with_changes(args=_fix_commas(keep, call.args))
            lst = call.args[0].value
            kept = [e for i, e in enumerate(lst.elements) if i not in drop]
            new_list = lst.with_changes(elements=_fix_commas(kept, lst.elements))
            return call.with_changes(args=[call.args[0].with_changes(value=new_list), *call.args[1:]])

        def _string(self, call: cst.Call, node: cst.SimpleString, line: int) -> cst.Call:
            value = _literal(node)
            if value is None:
                return call
            prefix_len = len(node.prefix) + len(node.quote)
            raw = node.value[prefix_len:-len(node.quote)]
            if raw != value:  # escapes: offsets would not match
                result.manual.append(f"line {line}: remove the credential options from the command string by hand")
                return call
            splices = []
            for cmd in commands(value):
                hit = find_upload(cmd)
                if hit is None or not _editable(hit[0], cmd, hit[1], line):
                    continue
                up, at = hit
                for f in parse_flags(up, cmd.words[at:]):
                    if f.kind in ("password", "user"):
                        span = cut_span(value, f.flag.start, f.end)
                        if span:
                            splices.append(span)
                            result.freed |= set(SHELL_VAR.findall(value[span[0]:span[1]]))
            if not splices:
                return call
            try:
                new = apply(value, [(s, e, "") for s, e in splices])
            except OverlappingEdits as e:
                result.manual.append(f"line {line}: {str(e).split(': ', 1)[-1]}")
                return call
            result.cuts += 1
            result.notes.append(f"line {line}: removed the credential options from the command string")
            literal = node.value[:prefix_len] + new + node.quote
            return call.with_changes(args=[call.args[0].with_changes(value=node.with_changes(value=literal)),
                                           *call.args[1:]])

    new_module = wrapper.visit(Transformer())
    result.new_text = new_module.code
    if result.uploads == 0 and not result.manual and not result.elsewhere:
        for n, text in enumerate(source.splitlines(), 1):
            if registry.upload_line(text, trusted_only=True) and not text.lstrip().startswith("#"):
                result.uploads += 1
                result.lines.append(n)
                result.manual.append(f"line {n}: an upload command is put together here in a way pubmode does not "
                                     "edit; remove its username/password options by hand")
                break
    if result.new_text != source:
        ast.parse(result.new_text)  # a SyntaxError here is a bug of ours; the caller reports it
    return result


def _assignments(module) -> dict:
    """name -> source of the values assigned to it anywhere (`token = os.environ["PYPI_TOKEN"]`)."""
    import libcst as cst

    out: dict = {}

    class Collector(cst.CSTVisitor):
        def visit_Assign(self, node: cst.Assign) -> None:
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    key = target.target.value
                    out[key] = out.get(key, "") + "\n" + module.code_for_node(node.value)

    module.visit(Collector())
    return out


def _fix_commas(kept, original):
    """Elements keep their own commas and comments. When the last element goes, the new last one takes
    the old last one's line break before the closing bracket (not its comment), and loses its comma
    if the list was written without a trailing one."""
    import libcst as cst

    if not kept or kept[-1] is original[-1]:
        return list(kept)
    last, old = kept[-1], original[-1]
    if isinstance(old.comma, cst.MaybeSentinel):
        return list(kept[:-1]) + [last.with_changes(comma=cst.MaybeSentinel.DEFAULT)]
    mine, theirs = getattr(last.comma, "whitespace_after", None), getattr(old.comma, "whitespace_after", None)
    if isinstance(mine, cst.ParenthesizedWhitespace) and isinstance(theirs, cst.ParenthesizedWhitespace):
        closing = mine.with_changes(empty_lines=theirs.empty_lines, indent=theirs.indent, last_line=theirs.last_line)
        last = last.with_changes(comma=last.comma.with_changes(whitespace_after=closing))
    return list(kept[:-1]) + [last]
