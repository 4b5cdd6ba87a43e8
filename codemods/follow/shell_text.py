"""Upload commands in shell-like text outside the workflow: scripts, Makefile recipes, tox commands.

The same detection and flag cutting as for `run:` scripts; the result is splices on the file's
text plus what could not be done and why (with its line).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Set, Tuple

from codemods.engine.text_edits import Meaning, Splice
from codemods.follow.makefile import ExpandedWord, MakeVariables, in_variable
from codemods.indexes import Index
from codemods.notes import TOKEN_SET_BY_HAND, UNRESOLVED, Note
from codemods.uploaders.tools.twine import PYPIRC_REASON, pypirc_write
from codemods.uploaders.command_line import oidc_flag_spans, read_upload, same_tool, stores_credential
from codemods.uploaders.spec import Uploader
from codemods.shell import assignment_words, assignments, commands, cut_span, join_pieces, without_value

OIDC_FLAG_STUCK = "oidc-flag-stuck"  # the kind of the note: a Trusted Publishing flag that could not be cut
# $X, ${X}, make's $(X) and tox's {env:X} (tox substitutes it from the host, no passenv needed)
VARIABLE = re.compile(r"(?:\$[{(]?|\{env:)([A-Za-z_][A-Za-z0-9_]*)")


@dataclass
class TextEdit:
    splices: List[Splice] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    manual: List[str] = field(default_factory=list)  # "line N: what to change by hand"
    uploads: int = 0  # upload commands to PyPI/TestPyPI found (or to an index chosen at run time)
    run_time_index: List[str] = field(default_factory=list)  # "`--repository $X`, line N": index chosen at run time
    targets: Set[Index] = field(default_factory=set)
    freed: Set[str] = field(default_factory=set)  # variables the removed text read
    freed_arguments: bool = False  # the removed text read the script's arguments (`-p $1`)
    credential_env: Set[str] = field(default_factory=set)  # credential variables the tools read from env
    cuts: int = 0  # credential options found (and cut, for to-oidc)
    cut_words: List[str] = field(default_factory=list)
    lines: List[int] = field(default_factory=list)  # where the uploads are
    tools: List[str] = field(default_factory=list)  # the uploader of each upload (`poetry`), in order
    added_words: List[str] = field(default_factory=list)
    hand_over: List["HandOver"] = field(default_factory=list)  # uploads now left to an action step


@dataclass(frozen=True)
class HandOver:
    """An upload of a tool without Trusted Publishing taken out of a script: the workflow uploads what
    the script built with pypa/gh-action-pypi-publish, in a step after the one running the script."""

    uploader: Uploader
    targets: Tuple[Index, ...]
    dist: Optional[str]  # the folder of distributions named by the upload, if any
    skip_existing: bool
    line: int


def edit_shell_text(text: str, start: int = 0, end: Optional[int] = None, base_line: int = 1,
                    to_oidc: bool = True, hand_over: bool = False, platform=None,
                    variables: Optional["MakeVariables"] = None, chain=(), call=None) -> TextEdit:
    """Edits for the upload commands in text[start:end] (offsets stay those of `text`). For to-token only
    the Trusted Publishing flag (`--trusted-publishing always`) is taken out; credentials come from env.
    `hand_over`: a whole script run by a step, whose last command may be an upload of a tool without
    Trusted Publishing; it is then replaced by the tool's build (see `HandOver`). `variables`: a Makefile's,
    which the recipe's commands are read through (`$(UV) publish`); the edits stay on the text as written.
    `chain`: the variables the step sets (`env_chain`), which the commands see, with those a shell script
    sets itself; an index given by one known only at run time is said so (`run_time_index`). `call`: the
    script read for its call's arguments (`script_args.CallReading`): the commands they leave unrun
    (`build.sh -c`, whose upload needs `-u`) are not read, the variables they fix are known."""
    from codemods.follow.passenv import GITHUB

    platform = platform or GITHUB
    region = text[start:end]
    out = TextEdit()
    cmds = [variables.command(c) for c in commands(region)] if variables else list(commands(region))
    unrun, fixed = (call.unrun, call.values) if call else ((), {})
    cmds = [c for c in cmds if not any(s <= start + c.start < e for s, e in unrun)]
    if variables is None and ("=" in region or fixed):  # a script's own `PYPI_REPO=pypi`, or its call's `$1`
        # (a recipe's lines are shells apart)
        chain = [(("script",), {**assignments(region), **fixed})] + list(chain)
    for cmd in cmds:
        upload = read_upload(cmd, chain)
        line = base_line + text.count("\n", 0, start + cmd.start)
        if upload is None:
            why = variables.unresolved(cmd) if variables else None
            if why:  # an upload, maybe, that cannot be read: never "publishes nothing"
                out.manual.append(Note(f"line {line}: {why}; pubmode cannot tell what it uploads, or how: check it "
                                       "by hand", kind=UNRESOLVED))
                out.lines.append(line)
            continue
        up, at, flags, targets = upload.uploader, upload.at, upload.flags, upload.targets
        if targets is None and not upload.index_unknown:
            out.notes.append(f"line {line}: {up.name} uploads to another index; left as is")
            continue
        if upload.index_unknown:  # maybe PyPI: an upload, whose index the report names
            out.run_time_index.append(f"{upload.where}, line {line}")
        out.uploads += 1
        out.lines.append(line)
        out.tools.append(up.name)
        out.targets |= set(targets or ())
        out.credential_env |= set(up.credentials.variables)
        if not up.trusted:
            why = _hand_over(up, region, start, cmds, cmd, at, flags, targets, line, out) \
                if hand_over and to_oidc and targets else None
            if why == "":
                continue
            out.manual.append(f"line {line}: `{up.tool} {' '.join(up.detection.subcommands)}` has no Trusted Publishing; "
                              f"build with `{up.fallback.build_command or 'python -m build'}` and upload `dist/` with "
                              f"{platform.fallback}" + (f" (not done automatically: {why})"
                                                                               if why else ""))
            continue
        pypirc = pypirc_write(region, cmd.start) if up.name == "twine" else None
        if pypirc is not None:  # chopralab/paddy: `echo "password = $API_TOKEN" >> ~/.pypirc`, then twine upload
            out.cuts += 1
            written = base_line + text.count("\n", 0, start + pypirc)
            out.manual.append(Note(f"line {line}: twine reads a .pypirc this file writes (line {written}): "
                                   f"{PYPIRC_REASON}", kind=TOKEN_SET_BY_HAND))
            continue
        if not to_oidc:
            _drop_oidc_flag(up, cmd, region, start, line, out)
            continue
        cuts = upload.credential_flags
        # `TWINE_PASSWORD=… twine upload`: the assignments in front of the command
        cuts_words = [w for w in cmd.words[:at] if re.match(
            r"^(%s)=" % "|".join(map(re.escape, up.credentials.variables)), w.value)]
        if not cuts and not any(w.value.partition("=")[0] in up.credentials.password_env or
                                w.value.partition("=")[2].strip() not in ("__token__", "") for w in cuts_words):
            cuts_words = []  # `TWINE_USERNAME=__token__ twine upload`: the name Trusted Publishing uses too
        stuck = [w for f in cuts for w in (f.flag, f.value) if in_variable(w)] + [w for w in cuts_words
                                                                                 if in_variable(w)]
        if stuck:  # one word of several a Makefile variable holds: only that variable can lose it
            out.cuts += len(cuts) + len(cuts_words)
            out.manual.append(f"line {line}: the credentials of the {up.name} command come from the Makefile "
                              f"variable in `{stuck[0].text}`; remove them there by hand")
            continue
        pieces = [(f.flag.start, f.end, f.raw + _expansion(f.flag, f.value)) for f in cuts] + \
            [(w.start, w.end, w.text + _expansion(w)) for w in cuts_words]
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
            out.freed_arguments |= re.search(r"\$\{?[1-9@*]", raw) is not None
        if pieces:
            out.notes.append(f"line {line}: removed the credentials from the {up.name} command")
        if up.oidc_flags and not any(w.value.startswith(up.oidc_flags[0]) for w in cmd.words):
            word = cmd.words[at - 1]
            out.splices.append((start + word.end, start + word.end, " " + " ".join(up.oidc_flags)))
            out.added_words += list(up.oidc_flags)
            out.notes.append(f"line {line}: added `{' '.join(up.oidc_flags)}`")
    if out.freed and variables is None:
        out.freed |= _fed(cmds, out.freed)
    return out


def _fed(cmds, freed: Set[str]) -> Set[str]:
    """The variables that fed the freed ones through the script's own assignments (Safetorun/PromptDefender-py's
    `PASSWORD=$PYPI_PASSWORD`, then `--password $PASSWORD`): freed too, so that one the script still reads
    (in that assignment) is said, as a freed variable still read is."""
    found = set(freed)
    while True:
        more = {v for c in cmds for w in assignment_words(c.words) for m in [re.match(r"([A-Za-z_]\w*)=", w.text)]
                if m and m.group(1) in found for v in VARIABLE.findall(w.text[m.end():])} - found
        if not more:
            return found - set(freed)
        found |= more


def _expansion(*words) -> str:
    """What words read from a Makefile's variables expand to (the variables they read are freed too)."""
    return "".join(" " + w.source for w in words if isinstance(w, ExpandedWord))


def _hand_over(up: Uploader, region: str, start: int, cmds, cmd, at: int, flags, targets, line: int,
               out: TextEdit) -> Optional[str]:
    """Take the upload (and the commands that store its credential) out of the script, keep its build:
    "" when done, else why not."""
    from codemods.publishers.to_action import dist_folder, split_problem  # publishers build on follow's text

    words = cmd.words[at:]
    creds = {id(x) for f in flags if f.kind in ("password", "user") for x in (f.flag, f.value) if x is not None}
    why = split_problem(up, region, cmds, cmd, words, [w for w in words if id(w) in creds])
    if why is not None or out.hand_over:
        return why or "the script uploads twice"
    stored = [c for c in cmds if stores_credential(up, c)]
    for c in stored:
        s, e = line_span(region, c)
        out.splices.append((start + s, start + e, ""))
        out.cut_words += [w.text for w in c.words]
        out.freed |= set(VARIABLE.findall(region[c.start:c.end]))
        at_line = line - region.count("\n", c.start, cmd.start) if c.start < cmd.start else \
            line + region.count("\n", cmd.start, c.start)
        out.notes.append(f"line {at_line}: removed `{without_value(region[c.start:c.end])}`: the upload no "
                         "longer uses the credential it stores")
    s, e = line_span(region, cmd)
    out.cut_words += [w.text for w in cmd.words]
    for f in flags:
        if f.kind in ("password", "user"):
            out.freed |= set(VARIABLE.findall(f.raw))
    values = [w.value for w in words]
    if up.fallback.builds(values):
        build = same_tool(cmd, region, up.fallback.build_command)
        head = region[s:cmd.start]
        tail = region[cmd.end:e]
        out.splices.append((start + s, start + e, head + build + tail[len(tail.rstrip("\r\n")):]))
        out.added_words += [w.text for c in commands(build) for w in c.words]
        out.notes.append(f"line {line}: the upload is now `{build}`; the workflow uploads what it builds with "
                         "pypa/gh-action-pypi-publish")
    else:
        out.splices.append((start + s, start + e, ""))
        out.notes.append(f"line {line}: removed the upload; the workflow uploads the distributions with "
                         "pypa/gh-action-pypi-publish")
    out.cuts += 1  # it uploaded with some credential, wherever that came from
    out.hand_over.append(HandOver(up, tuple(targets), dist_folder(up, words),
                                  any(v in up.fallback.skip_existing_flags for v in values), line))
    return ""


def line_span(script: str, cmd) -> Tuple[int, int]:
    """The lines a command stands on, with their line break; the last line of a script that ends
    without one takes the break before it, so that the script still ends without one."""
    start = script.rfind("\n", 0, cmd.start) + 1
    end = script.find("\n", cmd.end)
    if end < 0:
        return (start - 1 if start > 0 else start), len(script)
    return start, end + 1


def _drop_oidc_flag(up: Uploader, cmd, region: str, start: int, line: int, out: TextEdit) -> None:
    if any(in_variable(w) and w.value.startswith(up.oidc_flags[0]) for w in cmd.words if up.oidc_flags):
        out.manual.append(Note(f"line {line}: remove `{' '.join(up.oidc_flags)}` by hand from the Makefile variable "
                               "that holds it (the job keeps `id-token: write` until then)", kind=OIDC_FLAG_STUCK))
        return
    for span in oidc_flag_spans(up, cmd, region):
        if span is None:
            out.manual.append(Note(f"line {line}: remove `{' '.join(up.oidc_flags)}` by hand (it runs over a line "
                                   "continuation; the job keeps `id-token: write` until then)", kind=OIDC_FLAG_STUCK))
            continue
        s, e = span
        out.splices.append((start + s, start + e, ""))
        out.cut_words += [x.text for c in commands(region[s:e]) for x in c.words]
        out.notes.append(f"line {line}: removed `{' '.join(region[s:e].split())}`")


def same_words(old: str, new: str, cut: List[str], added: List[str]) -> bool:
    """The edited text has the same words as before, less the ones cut, plus the ones added."""
    before = [w.text for c in commands(old) for w in c.words]
    after = [w.text for c in commands(new) for w in c.words]
    remaining = list(before)
    for w in cut:
        if w in remaining:
            remaining.remove(w)
    return sorted(remaining + added) == sorted(after)


def words_meaning(cut: List[str], added: List[str], view: Callable[[str], str] = lambda t: t) -> Meaning:
    """The shell kind's check: the same words, less the cut ones, plus the added ones (`view` reads a
    Makefile's recipes as the shell sees them)."""
    def meaning(old: str, new: str) -> Optional[str]:
        if same_words(view(old), view(new), cut, added):
            return None
        return "the edit would change more than the credential options; remove them by hand"
    return meaning


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


