"""Makefile recipes: where a target's commands are, and what of them the shell sees."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, NamedTuple, Optional, Set, Tuple

from codemods.shell import Command, Word, commands

PREFIX = re.compile(r"\t[ \t@+-]*")  # a recipe line's tab and make's own prefixes


def recipe_regions(text: str, target: str, seen: Set[str]) -> List[Tuple[int, int, int]]:
    """(start, end, first line) of the recipe of `target` and of the targets it depends on."""
    return [(start, end, line) for _, _, start, end, line in rules(text, target, seen)]


class Rule(NamedTuple):
    target: str
    stem: Optional[str]  # what a pattern rule's `%` stands for (`$*`), None for an explicit rule
    start: int  # the recipe's span
    end: int
    line: int


def rules(text: str, target: str, seen: Set[str]) -> List[Rule]:
    """The rule that makes `target` (explicit, else a pattern rule `_%:` it matches: mercado's
    `deploy: ; $(MAKE) -s _$@` with `_%: ; ./hack/$*.sh`) and those of its prerequisites."""
    if target in seen or len(seen) > 20:
        return []
    seen.add(target)
    m, stem = re.search(rf"(?m)^{re.escape(target)}\s*:(?!=)([^\n]*)\n", text), None
    if not m:
        for p in re.finditer(r"(?m)^([^\s:#=%]*%[^\s:#=%]*)\s*:(?!=)([^\n]*)\n", text):
            head, _, tail = p.group(1).partition("%")
            if len(target) > len(head) + len(tail) and target.startswith(head) and target.endswith(tail):
                m, stem = p, target[len(head):len(target) - len(tail)]
                break
    if not m:
        return []
    start = m.end()
    end = start
    for line in text[start:].splitlines(True):
        if line.startswith("\t") or not line.strip():
            end += len(line)
        else:
            break
    found = [Rule(target, stem, start, end, text.count("\n", 0, start) + 1)]
    for dep in m.group(m.lastindex).split("#")[0].split():
        found += rules(text, dep.replace("%", stem) if stem is not None else dep, seen)
    return found


def shell_view(text: str) -> str:
    """The text with the `@`, `-` and `+` that start a recipe line blanked (same offsets): make reads
    them, the shell never sees them, so `@twine upload` is a twine command."""
    out, continued = [], False
    for line in text.splitlines(True):
        m = PREFIX.match(line)
        if m and not continued:
            line = re.sub(r"[@+-]", " ", m.group()) + line[m.end():]
        continued = line.rstrip("\r\n").endswith("\\")
        out.append(line)
    return "".join(out)


# ---- variables ------------------------------------------------------------------------------------
# What a recipe's `$(UV) publish dist/*` runs, read without running make: the variables the Makefile
# sets by plain assignments (`=`, `:=`, `::=`, `:::=`, `?=`, `+=`, with `override`/`export`/`private`),
# in the files it includes that the repository holds, those given on make's command line and the
# step's environment. A value make computes (`$(shell …)`, `!=`, functions), one set inside a
# conditional block, a `define` or for one target only is not known: it is left as written, never
# guessed, and an upload run by it is said to be unresolved.

ASSIGNMENT = re.compile(r"^(?P<mods>(?:(?:override|export|private)\s+)*)(?P<name>[^\s:#=$(){}]+)\s*"
                        r"(?P<op>:::=|::=|:=|\?=|\+=|!=|=)(?P<value>.*)$", re.S)
TARGET_ASSIGNMENT = re.compile(r"^(?P<targets>[^:#=\s][^:#=]*?)\s*:(?![:=])\s*(?:(?:override|export|private)\s+)*"
                               r"(?P<name>[A-Za-z_][\w.-]*)\s*(?:::=|::=|:=|\?=|\+=|!=|=)")
CONDITIONAL = re.compile(r"^(ifeq|ifneq|ifdef|ifndef)\b")
INCLUDE = re.compile(r"^(-?include|sinclude)\s+(.*)$")
NAME = re.compile(r"[A-Za-z_][\w.-]*")
MAX_DEPTH = 12  # recursive variables referring to each other; make itself stops at a self-reference


class MakeVariables:
    """The variables of a Makefile as far as they can be known without running make."""

    def __init__(self, text: str, folder: Optional[Path] = None, overrides: Dict[str, str] = None,
                 environment: Dict[str, Optional[str]] = None, targets: Set[str] = frozenset()):
        self.known: Dict[str, Tuple[bool, str]] = {}  # name -> (simple: already expanded, value)
        self.unknown: Dict[str, str] = {}  # name -> why its value is not known
        self.environment = dict(environment or {})
        self.folder, self.targets = folder, set(targets)
        self.unread_includes: List[str] = []
        self.locked = set(overrides or ())
        for name, value in (overrides or {}).items():
            if "$" in value or "`" in value:  # `make release VERSION=${{ inputs.v }}`, `PY=$PYTHON`
                self._unknown(name, "given on make's command line as a value known only at run time")
            else:
                self._set(name, True, value)
        self._read(text, 0)

    # -- reading
    def _read(self, text: str, depth: int) -> None:
        nesting, define = 0, None
        for line in _logical_lines(text):
            if define is not None:
                if re.match(r"^\s*endef\b", line):
                    define = None
                continue
            if line.startswith("\t") or not line.strip() or line.lstrip().startswith("#"):
                continue
            stripped = line.strip()
            if CONDITIONAL.match(stripped):
                nesting += 1
                continue
            if re.match(r"^endif\b", stripped):
                nesting = max(0, nesting - 1)
                continue
            if re.match(r"^else\b", stripped):
                continue
            m = re.match(r"^(?:(?:override|export|private)\s+)*define\s+(\S+)", stripped)
            if m:
                define = m.group(1)
                self._unknown(define, "set by a `define` block")
                continue
            m = INCLUDE.match(stripped)
            if m:
                self._include(m.group(2), depth, nesting)
                continue
            m = TARGET_ASSIGNMENT.match(stripped)
            if m:
                if set(m.group("targets").split()) & self.targets or "%" in m.group("targets"):
                    self._unknown(m.group("name"), f"set for the target `{m.group('targets').strip()}` only")
                continue
            m = ASSIGNMENT.match(stripped)
            if m:
                self._assign(m.group("name"), m.group("op"), _without_comment(m.group("value")),
                             "override" in m.group("mods"), nesting)

    def _include(self, names: str, depth: int, nesting: int) -> None:
        import os

        for name in self.expand(_without_comment(names)).split():
            path = (self.folder / name) if self.folder is not None and "$" not in name else None
            text = None
            # only a file of the Makefile's own folder (or below it), never one a link or `..` leads out to
            inside = path is not None and os.path.realpath(path).startswith(os.path.realpath(self.folder) + os.sep)
            if inside and depth < 3 and not nesting:
                from codemods.engine.reading import text_or_none  # a Makefile that includes files: rare

                text = text_or_none(path) if path.is_file() else None
            if text is None:
                self.unread_includes.append(name)
            else:
                self._read(text, depth + 1)

    def _assign(self, name: str, op: str, value: str, override: bool, nesting: int) -> None:
        if name in self.locked and not override:
            return  # make's command line wins over the Makefile
        if nesting:
            self._unknown(name, "set inside a conditional block (`ifeq`/`ifdef`)")
        elif op == "!=":
            self._unknown(name, "set from a shell command (`!=`)")
        elif op == "?=":
            if name in self.known or name in self.unknown:
                return
            if name in self.environment:
                env = self.environment[name]
                self._set(name, True, env) if env is not None else self._unknown(
                    name, "set by the workflow to a value known only at run time")
            else:
                self._set(name, False, value)
        elif op == "+=":
            if name in self.unknown:
                return
            if name in self.known:
                simple, old = self.known[name]
                self._set(name, simple, (old + " " if old else "") + (self.expand(value) if simple else value))
            else:
                self._set(name, False, value)
        elif op in (":=", "::=", ":::="):
            self._set(name, True, self.expand(value))
        else:
            self._set(name, False, value)

    def _set(self, name: str, simple: bool, value: str) -> None:
        self.unknown.pop(name, None)
        self.known[name] = (simple, value.strip())

    def _unknown(self, name: str, why: str) -> None:
        self.known.pop(name, None)
        self.unknown[name] = why

    # -- reading values
    def value(self, name: str, depth: int = 0) -> Optional[str]:
        """The value of `name`, expanded; None when it cannot be known."""
        if depth > MAX_DEPTH or name in self.unknown:
            return None
        if name in self.known:
            simple, value = self.known[name]
            return value if simple else self.expand(value, depth + 1)
        env = self.environment.get(name)
        return env if env is not None else None

    def why_unknown(self, name: str) -> str:
        if name in self.unknown:
            return self.unknown[name]
        if name in self.environment:
            return "set by the workflow to a value known only at run time"
        if self.unread_includes:
            return (f"not set in the Makefile (it may come from "
                    f"{', '.join(f'`{i}`' for i in self.unread_includes[:2])}, which pubmode cannot read, or the "
                    "environment)")
        return "not set in the Makefile (it comes from the environment or make's command line)"

    def expand(self, text: str, depth: int = 0) -> str:
        """`text` with every reference to a variable whose value is known replaced by it; the others
        (and make's functions, `$$`, automatic variables) as written."""
        if "$" not in text:
            return text
        out, i, n = [], 0, len(text)
        while i < n:
            ch = text[i]
            if ch != "$" or i + 1 >= n:
                out.append(ch)
                i += 1
                continue
            nxt = text[i + 1]
            if nxt in "({":
                end = _closing(text, i + 1)
                inner = text[i + 2:end]
                value = self.value(inner, depth) if NAME.fullmatch(inner) else None
                out.append(value if value is not None else text[i:end + 1])
                i = end + 1
                continue
            out.append(text[i:i + 2])  # `$$`, `$@`, `$<`…: not a variable of the Makefile
            i += 2
        return "".join(out)

    # -- commands
    def command(self, cmd: Command) -> Command:
        """The command as the shell gets it from make: each word that names variables of known value
        becomes the word(s) of its expansion, kept at the place of the word as written."""
        words: List[Word] = []
        changed = False
        for w in cmd.words:
            if "$(" not in w.text and "${" not in w.text:
                words.append(w)
                continue
            expanded = self.expand(w.text)
            if expanded == w.text:
                words.append(w)
                continue
            parts = [c for c in commands(expanded)]
            if len(parts) > 1 or (parts and parts[0].keywords):  # `;`, `&&` in a value: not one command
                words.append(w)
                continue
            subs = parts[0].words if parts else []
            changed = True
            words += [ExpandedWord(w.text, w.start, w.end, s.value, len(subs) > 1, expanded) for s in subs]
        return Command(words, cmd.keywords) if changed and words else cmd

    def unresolved(self, cmd: Command) -> Optional[str]:
        """Why `cmd` (already expanded) may be an upload pubmode cannot read: its program is a variable
        of unknown value and the rest reads like an upload (`$(UV) publish dist/*`). None otherwise."""
        from codemods.uploaders import registry
        from codemods.uploaders.command_line import strip_wrappers, tool_word

        i = strip_wrappers(cmd.words)
        if i >= len(cmd.words):
            return None
        program = cmd.words[i]
        if not re.search(r"\$[({]", tool_word(program.value)):
            return None  # known, or a path whose last part is (`$(shell pwd)/.venv/bin/uv`)
        names = [m.group(1) for m in re.finditer(r"\$[({]([A-Za-z_][\w.-]*)[)}]", program.text)]
        rest = [w.value for w in cmd.words[i + 1:] if w.start != program.start]
        first = next((v for v in rest if not v.startswith("-")), "")
        subcommands = {s for u in registry.all_uploaders() for s in u.detection.subcommands}
        # `$(UV) publish`, or a tool's upload run by the unknown program (`$(UV) run twine upload`)
        if not names or (first not in subcommands and not registry.upload_line(" ".join(rest))):
            return None
        definitions = " ".join(names + [self.known.get(n, (True, ""))[1] for n in names])
        if not PYTHON_TOOLS.search(definitions) and not PYTHON_UPLOAD_WORDS.search(" ".join(rest)):
            return None  # `$(NPM) publish`: another registry's upload
        name = names[0]
        why = (f"whose value make computes when it runs (`{self.known[name][1]}`)" if name in self.known
               else self.why_unknown(name))
        return f"`{cmd_text(cmd)}` runs the program in `$({name})`, {why}"


PYTHON_TOOLS = re.compile(r"(?i)(?<![a-z])(uvx?|twine|poetry|pdm|hatch|flit|maturin|rye|python[0-9.]*|py|pipx?)"
                          r"(?![a-z])")
PYTHON_UPLOAD_WORDS = re.compile(r"(?i)\bdist\b|\.whl\b|\.tar\.gz\b|pypi|--repository|--skip-existing|--index\b")


def cmd_text(cmd: Command) -> str:
    """The command as written (the pieces of one expanded word are that word once)."""
    return " ".join(text for _, text in dict.fromkeys((w.start, w.text) for w in cmd.words))


@dataclass(frozen=True)
class ExpandedWord(Word):
    """A word of a recipe as the shell gets it after make's expansion; its place (`text`, `start`,
    `end`) is the word as written in the Makefile (`$(UV)`), shared by every word the reference
    expands to (`piece`: one of several, which cannot be cut alone)."""

    expanded: str = ""
    piece: bool = False
    source: str = ""  # the whole written word, expanded

    @property
    def value(self) -> str:  # type: ignore[override]
        return self.expanded


def in_variable(word: Word) -> bool:
    """The word is one of several a variable's value gives: it can only be changed in the variable."""
    return isinstance(word, ExpandedWord) and word.piece


def _closing(text: str, i: int) -> int:
    """The index of the bracket that closes the one at `i` (or the text's end)."""
    opener = text[i]
    close, depth, j = ")" if opener == "(" else "}", 0, i
    while j < len(text):
        if text[j] == opener:
            depth += 1
        elif text[j] == close:
            depth -= 1
            if not depth:
                return j
        j += 1
    return len(text) - 1


def _without_comment(value: str) -> str:
    m = re.search(r"(?<!\\)#", value)
    return (value[:m.start()] if m else value).strip()


def _logical_lines(text: str) -> Iterator[str]:
    """The Makefile's lines with backslash continuations joined (make reads them as one blank; a
    recipe line stays a recipe line, however its continuation lines start)."""
    buf: List[str] = []
    for line in text.splitlines():
        if line.endswith("\\"):
            buf.append(line[:-1].rstrip() + " ")
            continue
        yield "".join(buf) + line
        buf = []
    if buf:
        yield "".join(buf)
