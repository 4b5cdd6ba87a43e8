"""GitHub-flavoured Markdown for the reports a reviewer reads in a pull request or a job's step
summary: escaping, tables, fenced blocks, and fitting a report under GitHub's 1 MiB summary limit."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence

# GitHub refuses a step summary over 1 MiB ("$GITHUB_STEP_SUMMARY upload aborted").
SUMMARY_LIMIT = 1024 * 1024

CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
SPECIAL = re.compile(r"([\\`*_\[\]<>~@|&])")


def _plain(text: str, table: bool) -> str:
    out = SPECIAL.sub(lambda m: "&amp;" if m.group(1) == "&" else "\\" + m.group(1), text)
    return out.replace("\r\n", "\n").replace("\n", "<br>" if table else " ")


def inline(text: str, table: bool = False) -> str:
    """`text` (a report sentence, whose `code` spans stay code) as Markdown that renders as written:
    no emphasis, links, HTML, @mentions (which would notify someone) or broken table cells."""
    out, at = [], 0
    for m in CODE_SPAN.finditer(text):
        out.append(_plain(text[at:m.start()], table))
        body = m.group(2).replace("\r\n", " ").replace("\n", " ")
        out.append(m.group(1) + (body.replace("|", "\\|") if table else body) + m.group(1))
        at = m.end()
    out.append(_plain(text[at:], table))
    return "".join(out)


def code(text: str, table: bool = False) -> str:
    """`text` as a code span (any backticks in it included)."""
    run = max((len(r) for r in re.findall(r"`+", text)), default=0)
    ticks = "`" * (run + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    body = text.replace("\n", " ")
    return f"{ticks}{pad}{body.replace('|', chr(92) + '|') if table else body}{pad}{ticks}"


def link(label: str, url: str) -> str:
    for char, code_ in ((" ", "%20"), ("<", "%3C"), (">", "%3E"), ("(", "%28"), (")", "%29")):
        url = url.replace(char, code_)  # a destination with none of these needs no <…> and is never cut short
    return f"[{inline(label)}]({url})"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GFM table; the cells are Markdown already (see `inline(..., table=True)`)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def fenced(body: str, lang: str = "") -> str:
    """A fenced code block that no line of `body` can close early."""
    run = max((len(r) for r in re.findall(r"`{3,}", body)), default=0)
    fence = "`" * max(3, run + 1)
    return f"{fence}{lang}\n{body}{'' if body.endswith(chr(10)) or not body else chr(10)}{fence}\n"


def size(text: str) -> int:
    return len(text.encode("utf-8"))


@dataclass
class Section:
    """A part of a report; `cut(budget)` gives a shorter version of at most `budget` bytes (with a note
    saying what was left out), None for a part that is never cut (the next steps)."""

    text: str
    cut: Optional[Callable[[int], str]] = None
    order: int = 0  # the lowest is cut first


def fit(sections: List[Section], limit: int = SUMMARY_LIMIT) -> str:
    """The sections joined, cutting the cuttable ones (lowest `order` first) until the whole is under `limit`."""
    total = sum(size(s.text) for s in sections)
    for s in sorted((s for s in sections if s.cut), key=lambda s: s.order):
        if total < limit:
            break
        budget = max(0, size(s.text) - (total - limit) - 1)
        shorter = s.cut(budget)
        total += size(shorter) - size(s.text)
        s.text = shorter
    return "".join(s.text for s in sections)


def cut_lines(lines: Sequence[str], budget: int, note: Callable[[int, int], str], wrap: Callable[[str], str] = str) -> str:
    """As many whole lines as fit in `budget` bytes once wrapped (a fenced block) and followed by
    `note(shown, total)`; the note is always there."""
    total = len(lines)
    # the note at its longest, and room for a longer fence than `wrap("")` has (a body with ``` in it)
    shown, used = 0, size(wrap("")) + max(size(note(k, total)) for k in {0, max(0, total - 1), total}) + 64
    for line in lines:
        if used + size(line) > budget:
            break
        used += size(line)
        shown += 1
    return (wrap("".join(lines[:shown])) if shown else "") + note(shown, total)
