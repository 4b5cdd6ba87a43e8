"""Just enough shell to find upload commands in `run:` scripts and edit their flags in place.

Words keep their character offsets in the script, so a flag can be cut out without touching the
rest of the line. `${{ … }}` expressions count as part of the word they sit in. Anything fancier
(here-documents, subshells, functions) is simply not recognised as an upload command.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, List, Optional

OPERATORS = ("&&", "||", ";", "|", "&", "(", ")")


@dataclass(frozen=True)
class Word:
    text: str  # the word as written, quotes included
    start: int
    end: int

    @property
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

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end


def commands(script: str) -> Iterator[Command]:
    """Simple commands of a script, split at newlines (not continued ones) and control operators."""
    words: List[Word] = []
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
                yield Command(words)
            words, i = [], i + 1
            continue
        if ch in " \t\r":
            i += 1
            continue
        if ch == "#" and (i == 0 or script[i - 1] in " \t\n;&|("):
            j = script.find("\n", i)
            i = n if j < 0 else j
            continue
        op = next((o for o in OPERATORS if script.startswith(o, i)), None)
        if op:
            if words:
                yield Command(words)
            words, i = [], i + len(op)
            continue
        j = _word_end(script, i)
        words.append(Word(script[i:j], i, j))
        i = j
    if words:
        yield Command(words)


def _word_end(s: str, i: int) -> int:
    n, quote = len(s), None
    while i < n:
        if s.startswith("${{", i) and quote != "'":
            j = s.find("}}", i)
            i = n if j < 0 else j + 2
            continue
        if s.startswith("$(", i) and quote != "'":  # command substitution, or make's $(VAR)
            depth, i = 1, i + 2
            while i < n and depth:
                depth += {"(": 1, ")": -1}.get(s[i], 0)
                i += 1
            continue
        ch = s[i]
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
        elif ch in " \t\r\n" or any(s.startswith(o, i) for o in OPERATORS):
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


ENV_REF = r"(?:\$\{?%s\}?\b|\benv\.%s\b)"


def mentions_variable(text: str, name: str) -> bool:
    """Whether a script or expression reads the environment variable `name`."""
    return re.search(ENV_REF % (re.escape(name), re.escape(name)), text) is not None
