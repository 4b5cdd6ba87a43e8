"""Upload commands in shell-like text outside the workflow: scripts, Makefile recipes, tox commands.

The same detection and flag cutting as for `run:` scripts; the result is splices on the file's
text plus what could not be done and why (with its line).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional, Set, Tuple

from codemods.indexes import Index
from codemods.uploaders.command_line import find_upload, literal_target, oidc_flag_spans, parse_flags
from codemods.uploaders.spec import Uploader
from codemods.shell import commands, cut_span, join_pieces

Splice = Tuple[int, int, str]
OIDC_FLAG_STUCK = "it runs over a line continuation; the job keeps `id-token: write` until then"
# $X, ${X}, make's $(X) and tox's {env:X} (tox substitutes it from the host, no passenv needed)
VARIABLE = re.compile(r"(?:\$[{(]?|\{env:)([A-Za-z_][A-Za-z0-9_]*)")


@dataclass
class TextEdit:
    splices: List[Splice] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    manual: List[str] = field(default_factory=list)  # "line N: what to change by hand"
    uploads: int = 0  # upload commands to PyPI/TestPyPI found
    targets: Set[Index] = field(default_factory=set)
    freed: Set[str] = field(default_factory=set)  # variables the removed text read
    credential_env: Set[str] = field(default_factory=set)  # credential variables the tools read from env
    cuts: int = 0  # credential options found (and cut, for to-oidc)
    cut_words: List[str] = field(default_factory=list)
    lines: List[int] = field(default_factory=list)  # where the uploads are
    added_words: List[str] = field(default_factory=list)


def edit_shell_text(text: str, start: int = 0, end: Optional[int] = None, base_line: int = 1,
                    to_oidc: bool = True) -> TextEdit:
    """Edits for the upload commands in text[start:end] (offsets stay those of `text`). For to-token only
    the Trusted Publishing flag (`--trusted-publishing always`) is taken out; credentials come from env."""
    region = text[start:end]
    out = TextEdit()
    for cmd in commands(region):
        hit = find_upload(cmd)
        if hit is None:
            continue
        up, at = hit
        line = base_line + text.count("\n", 0, start + cmd.start)
        flags = parse_flags(up, cmd.words[at:])
        targets = literal_target(up, flags)
        if targets is None:
            out.notes.append(f"line {line}: {up.name} uploads to another index; left as is")
            continue
        out.uploads += 1
        out.lines.append(line)
        out.targets |= set(targets)
        out.credential_env |= set(up.credentials.variables)
        if not up.trusted:
            out.manual.append(f"line {line}: `{up.tool} {' '.join(up.detection.subcommands)}` has no Trusted Publishing; "
                              f"build with `{up.fallback.build_command or 'python -m build'}` and upload `dist/` with "
                              "pypa/gh-action-pypi-publish in the workflow")
            continue
        if not to_oidc:
            _drop_oidc_flag(up, cmd, region, start, line, out)
            continue
        cuts = [f for f in flags if f.kind in ("password", "user")]
        # `TWINE_PASSWORD=… twine upload`: the assignments in front of the command
        cuts_words = [w for w in cmd.words[:at] if re.match(
            r"^(%s)=" % "|".join(map(re.escape, up.credentials.variables)), w.value)]
        pieces = [(f.flag.start, f.end, f.raw) for f in cuts] + [(w.start, w.end, w.text) for w in cuts_words]
        for s, e in join_pieces(region, [(s, e) for s, e, _ in pieces]):
            span = cut_span(region, s, e)
            if span is None:
                out.manual.append(f"line {line}: remove `{region[s:e]}` by hand (it runs over a line continuation)")
                continue
            out.splices.append((start + span[0], start + span[1], ""))
            out.cut_words += [x.text for c in commands(region[span[0]:span[1]]) for x in c.words]
        out.cuts += len(pieces)
        for _, _, raw in pieces:
            out.freed |= set(VARIABLE.findall(raw))
        if pieces:
            out.notes.append(f"line {line}: removed the credentials from the {up.name} command")
        if up.oidc_flags and not any(w.value.startswith(up.oidc_flags[0]) for w in cmd.words):
            word = cmd.words[at - 1]
            out.splices.append((start + word.end, start + word.end, " " + " ".join(up.oidc_flags)))
            out.added_words += list(up.oidc_flags)
            out.notes.append(f"line {line}: added `{' '.join(up.oidc_flags)}`")
    return out


def _drop_oidc_flag(up: Uploader, cmd, region: str, start: int, line: int, out: TextEdit) -> None:
    for span in oidc_flag_spans(up, cmd, region):
        if span is None:
            out.manual.append(f"line {line}: remove `{' '.join(up.oidc_flags)}` by hand ({OIDC_FLAG_STUCK})")
            continue
        s, e = span
        out.splices.append((start + s, start + e, ""))
        out.cut_words += [x.text for c in commands(region[s:e]) for x in c.words]
        out.notes.append(f"line {line}: removed `{' '.join(up.oidc_flags)}`")


def check_words(old: str, new: str, cut: List[str], added: List[str]) -> bool:
    """The edited text has the same words as before, less the ones cut, plus the ones added."""
    before = [w.text for c in commands(old) for w in c.words]
    after = [w.text for c in commands(new) for w in c.words]
    remaining = list(before)
    for w in cut:
        if w in remaining:
            remaining.remove(w)
    return sorted(remaining + added) == sorted(after)


def after_last_line(text: str, start: int, end: int, comments: Tuple[str, ...] = ("#",)) -> int:
    """Where a key added to a section goes: after its last line that is neither blank nor a comment
    (a comment before the next header belongs to that header)."""
    at, pos = start, start
    for line in text[start:end].splitlines(True):
        pos += len(line)
        if line.strip() and not line.lstrip().startswith(comments):
            at = pos
    return at


def section(text: str, header: str) -> Tuple[int, int]:
    """The body of the ini/TOML section `[header]`: from after its header line to the next header."""
    m = re.search(rf"(?m)^\[{re.escape(header)}\]\s*$", text)
    if not m:
        return -1, -1
    nxt = re.search(r"(?m)^\[", text[m.end():])
    return m.end(), (m.end() + nxt.start()) if nxt else len(text)


class OverlappingEdits(ValueError):
    """Two edits of one file touch the same characters: applying both would be a guess."""


def apply(text: str, splices: List[Splice]) -> str:
    """The text with the splices made; OverlappingEdits when two of them overlap (none is skipped).
    Insertions at one point go in the order given (an upload's flag before a key added after it)."""
    out, pos = [], 0
    for s, e, new in sorted(splices, key=lambda sp: sp[:2]):
        if s < pos:
            raise OverlappingEdits(f"line {text.count(chr(10), 0, s) + 1}: two edits of the same text overlap; "
                                   "change it by hand")
        out.append(text[pos:s])
        out.append(new)
        pos = e
    out.append(text[pos:])
    return "".join(out)


def apply_or_refuse(text: str, splices: List[Splice], manual: List[str]) -> str:
    """apply(), or the text unchanged with the reason added to `manual` (the file is then refused)."""
    try:
        return apply(text, splices)
    except OverlappingEdits as e:
        manual.append(str(e))
        return text

