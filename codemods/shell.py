"""Just enough shell to find upload commands in `run:` scripts and edit their flags in place.

Words keep their character offsets in the script, so a flag can be cut out without touching the
rest of the line. `${{ … }}` expressions count as part of the word they sit in. The body of a
here-document is text, not commands, and is skipped. Shell control flow is seen through: the
reserved words that open a command (`if`, `then`, `do`, `!`, `{` …) are not part of it, so
`if ! uv publish; then` holds the command `uv publish`, and `( … )` subshells split like operators.
Functions and command substitutions are not looked into.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Dict, Iterator, List, Optional, Tuple

OPERATORS = ("&&", "||", ";", "|", "&", "(", ")")
_OPERATOR_STARTS = frozenset(o[0] for o in OPERATORS)  # a character no operator starts with ends no word
# Reserved words that may stand before a simple command (`if ! twine upload …; then`, `do uv publish`);
# `time` is not one but runs the command after it the same way.
LEADING_KEYWORDS = frozenset(("if", "then", "elif", "else", "do", "while", "until", "!", "{", "time"))
# Words that end a compound command: a command made only of them runs nothing.
CLOSING_KEYWORDS = frozenset(("fi", "done", "esac", "}"))


@dataclass(frozen=True)
class Word:
    text: str  # the word as written, quotes included
    start: int
    end: int

    @functools.cached_property  # asked for again and again of the same words (every matcher reads it)
    def value(self) -> str:
        """The word with simple quoting removed (enough to compare flags and names)."""
        out, quote = [], None
        for ch in self.text:
            if quote:
                if ch == quote:
                    quote = None
                else:
                    out.append(ch)
            elif ch in "'\"":
                quote = ch
            elif ch != "\\":
                out.append(ch)
        return "".join(out)


@dataclass(frozen=True)
class Command:
    words: List[Word]
    keywords: Tuple[str, ...] = ()  # the reserved words before it (`if`, `!`): it runs inside control flow

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end


def commands(script: str) -> Iterator[Command]:
    """Simple commands of a script, split at newlines (not continued ones) and control operators."""
    return iter(_scanned(script))


@functools.lru_cache(maxsize=1024)
def _scanned(script: str) -> Tuple[Command, ...]:
    """A script's commands, scanned once: the publishers, the followed-file finder, the pin and reader
    checks each ask for the commands of the same `run:` scripts (about 25 scans per workflow). The
    words and commands are frozen, so the callers share them."""
    return tuple(_scan(script))


def _scan(script: str) -> Iterator[Command]:
    for words, _, _ in word_groups(script):
        yield from _command(words)


def word_groups(script: str) -> Iterator[Tuple[List[Word], str, str]]:
    """The words between control operators and newlines, reserved words included, each with the operator
    before it (`"\\n"` for a newline, `""` at the start) and every operator and newline since the group
    before (`")\\n"` after a `case` pattern, `";;\\n"` after a branch)."""
    words: List[Word] = []
    before = ""
    between = ""
    heredocs: List[Tuple[str, bool]] = []  # (delimiter, tabs stripped) of `<<WORD` seen on this line
    after_op: Optional[bool] = None  # a bare `<<`/`<<-`: the next word is the delimiter
    i, n = 0, len(script)
    while i < n:
        ch = script[i]
        if ch == "\\" and script.startswith("\n", i + 1):
            i += 2
            continue
        if ch == "\\" and script.startswith("\r\n", i + 1):
            i += 3
            continue
        if ch == "\n":
            if words:
                yield words, before, between
                before, between = "\n", ""
            between += "\n"
            words, i = [], _skip_bodies(script, i + 1, heredocs)
            heredocs, after_op = [], None
            continue
        if ch in " \t\r":
            i += 1
            continue
        if ch == "#" and (i == 0 or script[i - 1] in " \t\n;&|("):
            j = script.find("\n", i)
            i = n if j < 0 else j
            continue
        op = next((o for o in OPERATORS if script.startswith(o, i)), None) if ch in _OPERATOR_STARTS else None
        if op:
            if words:
                yield words, before, between
                between = ""
            words, i, before, between = [], i + len(op), op, between + op
            continue
        j = _word_end(script, i)
        word = Word(script[i:j], i, j)
        words.append(word)
        if after_op is not None:
            heredocs.append((word.value, after_op))
            after_op = None
        else:
            found = _heredoc(word.text)
            if found and found[0]:
                heredocs.append(found)
            elif found:
                after_op = found[1]
        i = j
    if words:
        yield words, before, between


def _command(words: List[Word]) -> Iterator[Command]:
    """The simple command in `words`, past the reserved words that open it (none when only they remain)."""
    n = 0
    while n < len(words) and words[n].text in LEADING_KEYWORDS:
        n += 1
    if n < len(words) and not (len(words) - n == 1 and words[n].text in CLOSING_KEYWORDS):
        yield Command(words[n:], tuple(w.text for w in words[:n]))


def has_control_flow(script: str) -> bool:
    """Some command of the script runs inside `if`/`for`/`while`/`case`/`{ }`: moving or deleting a
    whole line of it could change what the rest means."""
    return any(c.keywords for c in commands(script)) or any(
        re.match(r"(for|case|select|while|until|if)\b|[{}]|(fi|done|esac)\b", line.strip())
        for line in script.splitlines())


def conditions_of(script: str, cmd: Command) -> List[str]:
    """The tests a command of the script runs under, as written: those of the `if`/`elif`/`case` whose
    body holds it and the commands before it in an `&&`/`||` list (`[ -n "$CI_COMMIT_TAG" ] && twine
    upload`). None: it runs whenever the script gets to it."""
    frames: List[List[str]] = []  # the open `if`/`case`s, each with its tests
    chain: List[str] = []
    for words, before, _ in word_groups(script):
        n = 0
        while n < len(words) and words[n].text in LEADING_KEYWORDS:
            n += 1
        rest = words[n:]
        if not rest:
            continue
        text = script[rest[0].start:rest[-1].end]
        if before not in ("&&", "||"):
            chain = []
        if rest[0].start == cmd.start:
            return [t for frame in frames for t in frame] + chain
        if len(rest) == 1 and rest[0].text in ("fi", "esac"):
            frames = frames[:-1]
            continue
        keywords = [w.text for w in words[:n]]
        if "if" in keywords or rest[0].text == "case":
            frames.append([text])
        elif "elif" in keywords and frames:
            frames[-1].append(text)
        chain.append(text)
    return []


def _heredoc(text: str) -> Optional[Tuple[str, bool]]:
    """(delimiter, `<<-`) of a here-document operator in an unquoted part of a word; the delimiter is
    "" when it is the next word. `<<<` (a here-string) and `<<` inside `$(( ))` are not one."""
    i, n, quote = 0, len(text), None
    while i < n:
        ch = text[i]
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "\\":
            i += 1
        elif text.startswith(("$(", "${"), i):
            opener = text[i + 1]
            close, depth, i = ")" if opener == "(" else "}", 1, i + 2
            while i < n and depth:
                depth += (text[i] == opener) - (text[i] == close)
                i += 1
            continue
        elif text.startswith("<<<", i):
            i += 3
            continue
        elif text.startswith("<<", i):
            dash = text.startswith("<<-", i)
            return Word(text[i + 2 + dash:], 0, 0).value, dash
        i += 1
    return None


def _skip_bodies(script: str, i: int, heredocs: List[Tuple[str, bool]]) -> int:
    """Past the bodies of the here-documents opened on the line that ended before i."""
    n = len(script)
    for delimiter, dash in heredocs:
        while i < n:
            j = script.find("\n", i)
            j = n if j < 0 else j + 1
            line = script[i:j].rstrip("\r\n")
            i = j
            if (line.lstrip("\t") if dash else line) == delimiter:
                break
    return i


def _word_end(s: str, i: int) -> int:
    n, quote = len(s), None
    while i < n:
        ch = s[i]
        if ch == "$" and quote != "'":
            if s.startswith("${{", i):
                j = s.find("}}", i)
                i = n if j < 0 else j + 2
                continue
            if s.startswith("$(", i):  # command substitution, or make's $(VAR)
                depth, i = 1, i + 2
                while i < n and depth:
                    depth += {"(": 1, ")": -1}.get(s[i], 0)
                    i += 1
                continue
        if quote:
            if ch == "\\" and quote == '"':
                i += 2
                continue
            if ch == quote:
                quote = None
            i += 1
            continue
        if ch in "'\"":
            quote = ch
        elif ch == "\\":
            i += 2
            continue
        elif ch in " \t\r\n" or (ch in _OPERATOR_STARTS and any(s.startswith(o, i) for o in OPERATORS)):
            break
        i += 1
    return min(i, n)


def cut_span(script: str, start: int, end: int) -> Optional[tuple]:
    """The span that removes script[start:end] with the blank before it, on one line; None when the
    piece runs over a line continuation (then it is not cut automatically)."""
    if "\n" in script[start:end]:
        return None
    s = start
    while s > 0 and script[s - 1] in " \t":
        s -= 1
    if s == 0 or script[s - 1] == "\n":  # first on its line: take the blank after it instead
        e = end
        while e < len(script) and script[e] in " \t":
            e += 1
        if script.startswith("\\\n", e):  # nothing left on the line but the continuation: drop the line
            return s, e + 2
        return start, e
    return s, end


def join_pieces(script: str, pieces: List[tuple]) -> List[tuple]:
    """Pieces to cut that only blanks separate become one (so `-u x -p y` leaves no gap behind)."""
    out: List[list] = []
    for s, e in sorted(pieces):
        if out and not script[out[-1][1]:s].strip(" \t"):
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


# what a script's own `NAME=value` gives a variable: the value, or this when it cannot be told
RUN_TIME = "$?"
DECLARATIONS = frozenset(("export", "readonly", "declare", "typeset", "local"))


def assignment_words(words: List[Word]) -> List[Word]:
    """The words of a command that set variables for the rest of the script: those after a declaration
    (`export A=1 B=2`, options left out), or a lone `NAME=x` (`NAME=x cmd` sets it for that command only)."""
    if words and words[0].value in DECLARATIONS:
        return [w for w in words[1:] if not w.value.startswith("-")]
    return list(words) if len(words) == 1 else []


def assignments(script: str, flow_per_command: bool = False) -> Dict[str, str]:
    """The variables a script sets itself (`PYPI_REPO=pypi`, `export REPO=testpypi`), for reading the
    commands after them: the value when the script sets the name once, to a literal, outside control
    flow; RUN_TIME when it sets it otherwise (twice differently, from `$X` or `$(…)`, in an `if`).
    Control flow anywhere makes every value RUN_TIME, unless `flow_per_command`: then only an assignment
    made inside it is (a script that also defines a cleanup function keeps its top-level paths)."""
    found: Dict[str, set] = {}
    for cmd in commands(script):
        words = [w.value for w in cmd.words]
        if words and words[0] in DECLARATIONS:
            words = [w for w in words[1:] if not w.startswith("-")]
        elif len(words) != 1:  # `NAME=x cmd`: set for that command only
            continue
        for word in words:
            m = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*)=(.*)", word, re.S)
            if m:
                raw = next((w.text for w in cmd.words if w.value == word), word)
                literal = not re.search(r"[$`]", raw) and not cmd.keywords
                found.setdefault(m.group(1), set()).add(m.group(2) if literal else RUN_TIME)
    flow = has_control_flow(script) if found and not flow_per_command else False
    return {name: values.pop() if len(values) == 1 and not flow else RUN_TIME for name, values in found.items()}


ENV_REF = r"(?:\$\{?%s\}?\b|\benv\.%s\b)"


def mentions_variable(text: str, name: str) -> bool:
    """Whether a script or expression reads the environment variable `name`."""
    return re.search(ENV_REF % (re.escape(name), re.escape(name)), text) is not None


def without_value(command: str) -> str:
    """A command that stores a credential, for messages: its last word (the value) left out."""
    words = [w for c in commands(command) for w in c.words]
    return command[:words[-1].start].rstrip() + " …" if len(words) > 2 else command
