"""The LibCST side of following a Python release script: a visitor that finds the upload calls and
what to cut from each (discovery, all the doctor needs), and a transformer that cuts it (planning).

Imported only when a Python file is followed: libcst costs about 110 ms to import. The transformer is a
plain `CSTTransformer`, not a `libcst.codemod` command: that package imports `libcst.matchers`, another
150 ms, for nothing these two classes use.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Dict, FrozenSet, Optional, Tuple

import libcst as cst
from libcst.metadata import PositionProvider

from codemods.engine.text_edits import Meaning, OverlappingEdits, apply
from codemods.follow.python_calls import SHELL_VAR, PythonEdit
from codemods.shell import commands, cut_span
from codemods.uploaders import registry
from codemods.uploaders.command_line import Upload, argv_command, read_upload

LIST_CALLS = {"subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
              "subprocess.Popen", "run", "call", "check_call", "check_output", "Popen"}
ARGS_CALLS = {"session.run", "session.run_always", "session.run_install"}
STRING_CALLS = {"os.system", "c.run", "ctx.run", "context.run", "run", "subprocess.run", "subprocess.call",
                "subprocess.check_call", "subprocess.check_output", "os.popen"}

Where = Tuple[int, int]  # (line, column) of a call in the source: the same in the visitor and the transformer


@dataclass(frozen=True)
class UploadCall:
    """One call to cut: the positional arguments (`args`) or list elements (`list`) to drop, or the
    command string's new literal (`string`), and the source ranges of what goes."""
    shape: str
    drop: FrozenSet[int] = frozenset()
    literal: str = ""
    removed: Tuple[Tuple[int, int], ...] = ()  # (start, end) offsets in the source


def dotted(node: cst.CSTNode) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        inner = dotted(node.value)
        return f"{inner}.{node.attr.value}" if inner else ""
    return ""


def literal(node: cst.CSTNode) -> Optional[str]:
    if isinstance(node, cst.SimpleString):
        try:
            value = ast.literal_eval(node.value)
        except (ValueError, SyntaxError):
            return None
        return value if isinstance(value, str) else None
    return None


class UploadCallFinder(cst.CSTVisitor):
    """Finds the upload calls of a module (argument lists, `session.run(...)` arguments, command strings)
    and decides what to cut from each; reports what it cannot edit, with its line."""

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, module: cst.Module, source: str, fallback: str, env_read_by, within=None) -> None:
        super().__init__()
        self.module, self.fallback, self.env_read_by = module, fallback, env_read_by
        self.within = within  # the line ranges to read (a nox session's functions); None: the whole module
        self.result = PythonEdit(source)  # what the doctor reads; `new_text` is the transformer's
        self.calls: Dict[Where, UploadCall] = {}
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", source)]

    def _offset(self, node: cst.CSTNode, end: bool = False) -> int:
        pos = self.get_metadata(PositionProvider, node)
        at = pos.end if end else pos.start
        return self._line_starts[at.line - 1] + at.column

    # a post-order walk, as the transformer's: nested calls are reported inner first
    def leave_Call(self, original: cst.Call) -> None:
        if not original.args:
            return
        name = dotted(original.func)
        start = self.get_metadata(PositionProvider, original).start
        where, line = (start.line, start.column), start.line
        if self.within is not None and not any(a <= line <= b for a, b in self.within):
            return
        first = original.args[0].value
        if name in ARGS_CALLS or (name.endswith(".run") and name not in STRING_CALLS and all(
                a.keyword is None for a in original.args[:2]) and len(original.args) > 1):
            positional = [a for a in original.args if a.keyword is None and a.star != "**"]
            self._elements(where, [a.value for a in positional], "args", [a for a in positional if a.star == "*"])
        elif isinstance(first, (cst.List, cst.Tuple)) and name in LIST_CALLS | ARGS_CALLS | STRING_CALLS:
            self._elements(where, [e.value for e in first.elements], "list",
                           [e for e in first.elements if isinstance(e, cst.StarredElement)])
        elif name in STRING_CALLS:
            if isinstance(first, cst.SimpleString):
                self._string(where, first)
            elif isinstance(first, (cst.FormattedString, cst.ConcatenatedString, cst.BinaryOperation, cst.Call,
                                    cst.Name)):
                text = self.module.code_for_node(first)
                if registry.upload_line(text.replace("\n", " ")):
                    self.result.manual.append(f"line {line}: the upload command is built at run time "
                                             f"(`{text[:60]}`); remove its username/password options by hand")

    def _editable(self, upload: Optional[Upload], line: int) -> bool:
        """Count an upload found at `line`; True when its credential options are ours to remove."""
        if upload is None:
            return False
        found, up = self.result, upload.uploader
        if upload.targets is None and not upload.index_unknown:
            found.elsewhere += 1  # another index: keeps its credentials
            return False
        if upload.index_unknown:  # `"--repository", os.environ["REPO"]`: maybe PyPI, said so
            found.run_time_index.append(f"{upload.where.replace(chr(0) + 'expr', '…')}, line {line}")
        found.targets |= set(upload.targets or ())
        found.uploads += 1
        found.lines.append(line)
        found.credential_env |= set(up.credentials.variables)
        if not up.trusted:
            found.manual.append(f"line {line}: `{up.tool}` has no Trusted Publishing; upload `dist/` with "
                                f"{self.fallback} instead")
            return False
        return True

    def _elements(self, where: Where, elements, shape: str, starred) -> None:
        line = where[0]
        # `sys.executable` runs the interpreter: `[sys.executable, "-m", "twine", "upload", …]`
        values = ["python" if dotted(e) == "sys.executable" else literal(e) for e in elements]
        cmd = argv_command(values)
        upload = read_upload(cmd)
        if not self._editable(upload, line):
            return
        up = upload.uploader
        if starred:  # `*AUTH`: arguments known only at run time, which may well be the credentials
            self.result.manual.append(f"line {line}: the {up.name} arguments include "
                                     f"`*{self.module.code_for_node(starred[0].value)[:40]}`, known only at run "
                                     "time; they may carry credentials: remove them by hand")
            return
        drop = {cmd.words.index(w) for w in upload.credential_words}
        if not drop:
            return
        for i in drop:
            self.result.freed |= self.env_read_by(elements[i])
        self.result.cuts += 1
        self.result.notes.append(f"line {line}: removed {len(drop)} credential item(s) from the {up.name} call")
        removed = tuple((self._offset(elements[i]), self._offset(elements[i], end=True)) for i in sorted(drop))
        self.calls[where] = UploadCall(shape, frozenset(drop), removed=removed)

    def _string(self, where: Where, node: cst.SimpleString) -> None:
        line = where[0]
        value = literal(node)
        if value is None:
            return
        prefix_len = len(node.prefix) + len(node.quote)
        raw = node.value[prefix_len:-len(node.quote)]
        if raw != value:  # escapes: offsets would not match
            self.result.manual.append(f"line {line}: remove the credential options from the command string by hand")
            return
        splices = []
        for cmd in commands(value):
            upload = read_upload(cmd)
            if not self._editable(upload, line):
                continue
            for f in upload.credential_flags:
                span = cut_span(value, f.flag.start, f.end)
                if span:
                    splices.append(span)
                    self.result.freed |= set(SHELL_VAR.findall(value[span[0]:span[1]]))
        if not splices:
            return
        try:
            new = apply(value, [(s, e, "") for s, e in splices])
        except OverlappingEdits as e:
            self.result.manual.append(f"line {line}: {str(e).split(': ', 1)[-1]}")
            return
        self.result.cuts += 1
        self.result.notes.append(f"line {line}: removed the credential options from the command string")
        base = self._offset(node) + prefix_len
        self.calls[where] = UploadCall("string", literal=node.value[:prefix_len] + new + node.quote,
                                             removed=tuple((base + s, base + e) for s, e in splices))


class RemoveUploadCredentials(cst.CSTTransformer):
    """Cuts what the finder chose from each call it found (keyed by the call's position in the source)."""

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, calls: Dict[Where, UploadCall]) -> None:
        super().__init__()
        self.calls = calls

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        start = self.get_metadata(PositionProvider, original).start
        call = self.calls.get((start.line, start.column))
        if call is None:
            return updated
        if call.shape == "string":
            node = updated.args[0].value
            return updated.with_changes(args=[updated.args[0].with_changes(value=node.with_changes(
                value=call.literal)), *updated.args[1:]])
        if call.shape == "args":
            positional = [i for i, a in enumerate(updated.args) if a.keyword is None and a.star == ""]
            gone = {positional[k] for k in call.drop}
            keep = [a for i, a in enumerate(updated.args) if i not in gone]
            return updated.with_changes(args=fix_commas(keep, updated.args))
        lst = updated.args[0].value
        kept = [e for i, e in enumerate(lst.elements) if i not in call.drop]
        new_list = lst.with_changes(elements=fix_commas(kept, lst.elements))
        return updated.with_changes(args=[updated.args[0].with_changes(value=new_list), *updated.args[1:]])


def ast_meaning(calls: Dict[Where, UploadCall]) -> Meaning:
    """The Python kind's check: the new module's AST is the old one's with the chosen items cut from the
    chosen calls, and nothing else (comments and layout are libcst's to keep)."""
    def meaning(old: str, new: str) -> Optional[str]:
        refused = "the edit would change more than the credential items; remove them by hand"
        try:
            before, after = ast.parse(old), ast.parse(new)
        except SyntaxError:
            return refused
        lines = re.split(r"\r\n|\r|\n", old)
        done = 0
        for node in ast.walk(before):
            if not isinstance(node, ast.Call):
                continue
            column = len(lines[node.lineno - 1].encode()[:node.col_offset].decode("utf-8", "replace"))
            call = calls.get((node.lineno, column))
            if call is None:
                continue
            done += 1
            first = node.args[0] if node.args else None
            if call.shape == "string" and isinstance(first, ast.Constant):
                node.args[0] = ast.Constant(ast.literal_eval(call.literal))
            elif call.shape == "args":
                node.args = [a for i, a in enumerate(node.args) if i not in call.drop]
            elif call.shape == "list" and isinstance(first, (ast.List, ast.Tuple)):
                first.elts = [e for i, e in enumerate(first.elts) if i not in call.drop]
            else:
                return refused
        return None if done == len(calls) and ast.dump(before) == ast.dump(after) else refused
    return meaning


def assignments(module: cst.Module) -> Dict[str, str]:
    """name -> source of the values assigned to it anywhere (`token = os.environ["PYPI_TOKEN"]`)."""
    out: Dict[str, str] = {}

    class Collector(cst.CSTVisitor):
        def visit_Assign(self, node: cst.Assign) -> None:
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    key = target.target.value
                    out[key] = out.get(key, "") + "\n" + module.code_for_node(node.value)

    module.visit(Collector())
    return out


def fix_commas(kept, original):
    """Elements keep their own commas and comments. When the last element goes, the new last one takes
    the old last one's line break before the closing bracket (not its comment), and loses its comma
    if the list was written without a trailing one."""
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

