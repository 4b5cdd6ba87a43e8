"""A pasted run log made readable line by line: decorations removed, wrapped messages rejoined.

Logs arrive with timestamps, `##[error]` and `::error::` prefixes (their text joined by `%0A`), ANSI
colours, quote marks from issue threads, and messages that rich or a terminal wrapped over several
lines. Every regular expression here is linear: no nested quantifiers over unbounded input.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

MAX_LINE = 2000  # longer lines are cut before they are searched
MAX_VERSIONS = 20  # distinct versions read from file names
# the version plugins that set a build's version from git tags: one list for every reading that names them
VERSION_PLUGINS = (r"(?:pbr|setuptools[-_ ]scm|hatch[-_ ]vcs|versioneer|versioningit|dunamai|poetry-dynamic-versioning|"
                   r"uv-dynamic-versioning|setuptools-git-versioning|miniver)")

_TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]|\[[0-9;]{1,8}m")
_WORKFLOW_COMMAND = re.compile(r"^(?:##\[(?:error|warning|notice|group|endgroup)[^\]]{0,200}\]|"
                               r"::(?:error|warning|notice)(?: [^:]{0,300}?title=(?P<title>[^:,]{0,200}))?[^:]{0,300}::)")
_QUOTE = re.compile(r"^(?:\s{0,8}>)+ ?")
_STEP_LINK = re.compile(r"\[(\d+)\]\(https?://[^)\s]{1,300}\)")
_GENERIC = re.compile(r"Process completed with exit code|Retry with the --verbose option|"
                      r"could not comply with the request since it is either malformed", re.I)
_ERRORISH = re.compile(r"error|fail|denied|forbidden|invalid|refused|not allowed|unauthori[sz]ed|"
                       r"\b[45]\d\d\b|"
                       # a command's own non-zero exit (Travis's `The command "…" exited with 1.`)
                       r"\bexited with (?:code |status )?[1-9]\d{0,2}\b|"
                       # a module or command missing, and a check of the workflow's own that stopped the upload
                       r"No module named|not recognized as|command not found|\bstop(?:s|ped|ping)\b[^.]{0,40}?"
                       r"\b(?:upload|publish|release)|"
                       # a shell's `set -u` stopping a script at a variable it was not given; the classic Docker
                       # builder's failed `RUN` line
                       r": unbound variable\b|: parameter (?:null or )?not set\b|\breturned a non-zero code\b", re.I)


def clean(line: str) -> str:
    """One line without its timestamp, colours, quote marks and workflow-command prefix."""
    line = _ANSI.sub("", line[:MAX_LINE])
    line = _TIMESTAMP.sub("", line)
    line = _QUOTE.sub("", line)
    line = _WORKFLOW_COMMAND.sub(lambda m: f"{m.group('title')}: " if m.group("title") else "", line.strip())
    return _STEP_LINK.sub(r"\1", line)


def lines(text: str) -> List[Tuple[int, str]]:
    """(line number in the pasted text, cleaned text); a `%0A`-joined annotation gives several."""
    out: List[Tuple[int, str]] = []
    for n, raw in enumerate(text.splitlines(), 1):
        parts = raw.split("%0A") if "%0A" in raw else [raw]
        for i, part in enumerate(parts):
            out.append((n, clean(part if i == 0 else part.replace("%25", "%"))))
    return out


def joined(cleaned: List[Tuple[int, str]]) -> Tuple[str, List[int]]:
    """All lines joined by spaces (whitespace collapsed, so wrapped messages read whole), and where each starts."""
    parts, starts, pos = [], [], 0
    for _, t in cleaned:
        t = " ".join(t.split())
        starts.append(pos)
        parts.append(t)
        pos += len(t) + 1
    return " ".join(parts), starts


def line_at(cleaned: List[Tuple[int, str]], starts: List[int], offset: int) -> int:
    """The pasted line number of the character at `offset` of the joined text."""
    return cleaned[max(bisect.bisect_right(starts, offset) - 1, 0)][0]


_WRAPPED = re.compile(r"^ {5,}\S")  # rich (twine) wraps a message onto lines indented past the level word
# what a failure looks like in a line: an error word, an HTTP status, or a refusal said in a sentence
# a sentence that tells what fixed the failure: shown among the failing lines, never named the last error line
FIX_TOLD = re.compile(r"\bfix(?:es|ed)\s(?:this|the|it)\b", re.I)
_SAID = re.compile(r"traceback|exception|not found|\bnot be found\b|\breject|\b(?:does|did|do|is|was|wo|would|could|ca)n[\'’]?t\b|\bcannot\b|"
                   r"\bnot (?:correct|working|accept|allow|let)|incorrect|\bwrong\b|prevent|no longer|already exist|"
                   r"\bexist(?:s|ed)\b|\bunable\b|\bcrash|\bbroke|"
                   # a tool's "Could not …" (dpl's `Could not restore untracked files from stash entry`), and the
                   # sentence that tells what fixed it (osc #885: "Disabling the cleanup fixes this problem")
                   r"\bcould not\b|" + FIX_TOLD.pattern, re.I)
# the uploader's own error line: its level word or exception name at the start, uv's and maturin's `Caused by:`
_TOOL_ERROR = re.compile(r"^(?:ERROR\b|error:|Error:|Caused by:|💥|\[\w{0,30}Error\]|HTTPError\b|"
                         r"[\w.]{0,80}(?:Error|Exception|Failure)\b:|(?:\S{1,200}: )?Traceback \(most recent)|"
                         r"\b[45]\d\d (?:Client|Server) Error\b|\bUpload failed \(\d{3}\)|Server says:|"
                         r"^The command \".{1,400}\" exited with [1-9]\d{0,2}\b")
_PAGE_BREAK = re.compile(r"<br/?>\s*<br/?>\s*(.*)$", re.I)  # PyPI's HTML error page: the reason follows `<br/><br/>`
_MARKUP_ONLY = re.compile(r"^\s*(?:</?\w{1,10}>\s*)*(?:\d{3} [^<]{0,200})?(?:</?\w{1,10}>\s*)*$")
_FRAME = re.compile(r"^File \"[^\"]{1,400}\", line \d{1,6}")


def _traceback_parts(cleaned: List[Tuple[int, str]]) -> Dict[int, str]:
    """The role of each line of a Python traceback: `frame` (a `File …` line), `code` (the source line under it);
    the frame and code of the last frame before the traceback ends are `last` (a cut traceback ends there)."""
    roles: Dict[int, str] = {}
    last_frame = None
    for i, (_, t) in enumerate(cleaned):
        s = t.strip()
        if _FRAME.match(s):
            roles[i] = "frame"
            last_frame = i
        elif last_frame is not None and i == last_frame + 1 and s and not _TOOL_ERROR.match(s):
            roles[i] = "code"
        elif last_frame is not None and i > last_frame + 1:
            if s.startswith("^") or not s:
                continue
            last_frame = None
    frames = sorted(i for i, r in roles.items() if r == "frame")
    for k, i in enumerate(frames):  # the last frame of each traceback
        nxt = frames[k + 1] if k + 1 < len(frames) else None
        if nxt is None or nxt > i + 2:
            roles[i] = "last"
            if roles.get(i + 1) == "code":
                roles[i + 1] = "last"
    return roles


def last_error_lines(cleaned: List[Tuple[int, str]], count: int = 5,
                     raw: Optional[List[str]] = None) -> List[Tuple[int, str]]:
    """The lines that look most like the failure, in log order, for a log whose error was not recognised: PyPI's
    reason from its HTML error page first, then the uploader's own error lines (its level word, exception, HTTP status,
    the start and last frame of a traceback), then other lines that say something failed; a message that twine wrapped
    onto indented lines is shown whole (`raw` are the pasted lines, for their indentation)."""
    roles = _traceback_parts(cleaned)
    hits = []  # (score, index, line number, text)
    wrapped = set()  # lines shown as part of the message above them
    for i, (n, t) in enumerate(cleaned):
        s = t.strip()
        if not s or roles.get(i) in ("frame", "code") or i in wrapped:
            continue
        page = _PAGE_BREAK.search(s)
        prev = cleaned[i - 1][1].strip() if i else ""
        if page and page.group(1).strip():
            hits.append((3, i, n, page.group(1).strip()))
            continue
        if _PAGE_BREAK.search(prev) and not _PAGE_BREAK.search(prev).group(1).strip() and not s.startswith("<"):
            hits.append((3, i, n, s))  # the reason on the line after the page's `<br/><br/>`
            continue
        last = roles.get(i) == "last"
        if not (last or _ERRORISH.search(s) or _SAID.search(s) or re.match(r"Caused by:\s*\S", s)):  # uv's, maturin's cause, not its bare header
            continue
        parts = [s]
        for k, (m, u) in enumerate(cleaned[i + 1:i + 4], i + 1):
            line = _TIMESTAMP.sub("", raw[m - 1]) if raw and m - 1 < len(raw) else ""
            if m == n or not _WRAPPED.match(line) or not u.strip():
                break
            parts.append(u)
            wrapped.add(k)
        text = " ".join(" ".join(parts).split())[:200 if len(parts) == 1 else 400]
        score = 0 if _GENERIC.search(text) else 1 if _MARKUP_ONLY.match(s) or last else \
            2 if _TOOL_ERROR.match(s) else 1
        hits.append((score, i, n, text))
    telling = [h for h in hits if h[0] > 0] or hits
    best = sorted(telling, key=lambda h: (h[0], h[1]))[-count:]
    return [(n, text) for _, _, n, text in sorted(best, key=lambda h: h[1])]


_VERSION = (r"\d{1,12}(?:\.\d{1,12}){0,8}(?:(?:a|b|rc)\d{1,6})?(?:\.post\d{1,6})?(?:\.dev\d{1,9})?"
            r"(?:\+[A-Za-z0-9.]{1,60})?")
_DIST = re.compile(rf"\b([A-Za-z0-9_.]{{1,100}}?)-({_VERSION})(?:-[A-Za-z0-9_.]{{1,100}}){{0,4}}"
                   r"\.(?:whl|tar\.gz|zip)\b")
_QUOTED_VERSION = re.compile(rf"(?:Version\('|')({_VERSION})'\)?(?: is an invalid value for Version)?")
# a version written in a sentence counts only with the local part version-control plugins append (`+g<commit>`,
# versioneer's `+N.g<commit>`, `.dirty`), so that another `+` version (a `torch 2.1.0+cu118` install) is not read (also after a
# distribution's name and hyphen with no file extension: "a wheel called `name-1.2.dev0+g…`")
_VCS_VERSION = re.compile(r"(?:(?<![\w.+-])|(?<=[A-Za-z_]-))(\d{1,12}(?:\.\d{1,12}){1,8}(?:(?:a|b|rc)\d{1,6})?(?:\.post\d{1,6})?"
                          r"(?:\.dev\d{1,9})?\+(?:\d{1,6}\.)?g[0-9a-f]{5,40}(?:\.d\d{8}|\.dirty)?)(?![\w+-])")


def versions(cleaned: List[Tuple[int, str]]) -> List[str]:
    """The versions named by the distribution files (and version errors) of a log, first seen first."""
    found: Dict[str, None] = {}
    for _, line in cleaned:
        if ".whl" in line or ".tar.gz" in line or ".zip" in line:
            found.update((m.group(2), None) for m in _DIST.finditer(line))
        if "Version" in line or "'" in line:
            found.update((m.group(1), None) for m in _QUOTED_VERSION.finditer(line) if "+" in m.group(1))
        if "+" in line:
            found.update((m.group(1), None) for m in _VCS_VERSION.finditer(line))
        if len(found) >= MAX_VERSIONS:
            break
    return list(found)


def dist_files(text: str) -> List[Tuple[str, str]]:
    """The (project, version) of every distribution file a text names, in order, the project spelled as file names
    write it (lower case, `_` for `-` and `.`) so a wheel and an sdist of one project compare equal."""
    return [(re.sub(r"[-_.]+", "_", m.group(1)).lower(), m.group(2)) for m in _DIST.finditer(text)]


_NOISE = re.compile(r"^(?:Error: Process completed with exit code \d+\.?|##\[\w+\].*|Post job cleanup\.?)$")


def is_noise(line: str) -> bool:
    """A runner line that says nothing about the failure (the step's exit code, job cleanup)."""
    return bool(_NOISE.match(line.strip()))


SCM_REMEDY = ("publish only from tags, or set `local_scheme = \"no-local-version\"` (and a distinct dev number per "
              "upload) for TestPyPI builds")


# a version that names a tag found plus uncommitted changes: versioneer's `pep440-post` `.dev0`, `+dirty`/`.dirty`,
# setuptools-scm's `.dYYYYMMDD`
DIRTY_VERSION = re.compile(r"\.post\d+\.dev0\+g[0-9a-f]{5,}$|[+.]dirty$|\.d20\d{6}$")
DIRTY_FIX = ("Build from a clean checkout of the release tag: the version names a tag found plus uncommitted changes in "
             "the working tree (versioneer's `.dev0` or `.dirty`, setuptools-scm's `.dYYYYMMDD`); commit or ignore the "
             "files that changed or were added (a CI step must not write into tracked files: write such config outside "
             "the checkout, such as under `$RUNNER_TEMP`), then rebuild and upload.")


# setuptools-scm's base when it finds no tag (`0.0.postN.devM+g…` under `no-guess-dev`, `0.1.devM+g…` by default) with a
# dirty tree's date: no tag was found, so a clean tree alone still gives a local `+g…`
NO_TAG_DIRTY_VERSION = re.compile(r"^(?:0\.0\.post\d+\.dev\d+|0\.1\.dev\d+)\+g[0-9a-f]{5,}\.d20\d{6}$")
NO_TAG_DIRTY_FIX = ("Tag the release and build from that tag (a clean checkout of it, as a CI job on the tag does): the "
                    "version names no tag found (setuptools-scm's `0.0`/`0.1` base) and a dirty working tree "
                    "(`.dYYYYMMDD`); committing the changes alone still leaves the `+g<commit>` local part.")


def dev_kind(version: str) -> Optional[Tuple[str, str]]:
    """Why a version looks generated from an untagged or changed checkout (setuptools-scm, hatch-vcs, versioneer),
    and what makes the build give a version PyPI takes; None when it does not look so."""
    if re.search(r"\+unknown$", version):
        return ("a placeholder: the build could not read the project's version and wrote `+unknown` (versioneer without "
                "git metadata or a matching tag, or a build tool that failed to read the version it is pointed at)",
                "fix where the version comes from (the tool's version source and its configuration, a checkout with "
                "tags) and rebuild; a version set by hand needs no plugin")
    post = re.match(r"(\d+(?:\.\d+)*)\.post(\d+)(\.dev0)?\+g[0-9a-f]{5,}$", version)
    if post:  # versioneer's `pep440-post` (or setuptools-scm's post-release scheme): a tag was found, then more
        since = f"{post.group(2)} commit(s) after it" if post.group(2) != "0" else "its own commit"
        dirty = (" and `.dev0` marks uncommitted changes in the working tree (a dirty tree)"
                 if post.group(3) else "")
        form = "versioneer's `pep440-post` form" if post.group(3) else ("versioneer's `pep440-post` form or "
                                                                          "setuptools-scm's `post-release` scheme")
        return (f"a version that names the tag it found ({form}): `{post.group(1)}` is the "
                f"last tag, `.post{post.group(2)}` counts {since}{dirty}, and `+g…` is the commit",
                "commit (or ignore) the files the build found changed or added, and build from a clean checkout of the "
                "release tag, which gives the bare version" if post.group(3) else "build from the release tag itself "
                "(a clean checkout of it), which gives the bare version")
    if re.match(r"0\.0\.post\d{1,6}\.dev\d{1,6}\+g[0-9a-f]{5,}", version):  # before the dirty tree's date below
        return ("the version setuptools-scm gives when it finds no tag (its `no-guess-dev` scheme counts from 0.0), "
                "`+g…` the commit" + (", and `.dYYYYMMDD` marks uncommitted changes in the working tree"
                                      if re.search(r"\.d20\d{6}$", version) else ""),
                "tag the release and build from that tag (a clean checkout of it); a clean tree off a tag still keeps "
                "the `+g…` local part")
    if re.match(r"0\.0\.0(?:$|[.+])", version):
        return ("a placeholder version: the build did not get the project's real version (a version plugin such as "
                "setuptools-scm, hatch-vcs or poetry-dynamic-versioning that did not run or found no tag)", "fix where "
                "the version comes from (the plugin and its configuration, a checkout with tags: `fetch-depth: 0`) "
                "rather than bumping by hand")
    if re.match(r"0\.1\.dev\d{1,6}\+g[0-9a-f]{5,}", version):
        return ("the version setuptools-scm gives when it sees no tag at all (it counts from 0.1): a shallow checkout "
                "(actions/checkout's default `fetch-depth: 1`) has no tags", "check out with `fetch-depth: 0` so the "
                "release tag is seen, and publish from that tag")
    if re.fullmatch(r"0\.1\.dev\d{1,3}", version):
        return ("the version setuptools-scm gives when it sees no tag at all (it counts from 0.1): a shallow checkout "
                "(actions/checkout's default `fetch-depth: 1`) has no tags, so every build gets this same version",
                "check out with `fetch-depth: 0` so the release tag is seen, and publish from that tag")
    if re.search(r"[+.]dirty$|\.d20\d{6}$", version):
        return ("a local version marking uncommitted changes in the working tree at build time (`.dirty`, "
                "`.dYYYYMMDD`)", "commit or ignore what the checkout or the build changes (a committed generated "
                "`_version.py`, build output) and build from a clean checkout of the tag")
    if re.search(r"\+0\.g[0-9a-f]{5,}", version):
        return ("a local version with distance 0 (`+0.g<commit>`): the tagged commit itself was built, yet the version "
                "code appended the `git describe --long` part (`-0-g<commit>`) that it should drop on a tag",
                "make the version function (or its versioneer style) return the bare tag when the distance is 0, or "
                "take the version from setuptools-scm/hatch-vcs, which write no local part on a clean tag")
    if re.search(r"\+\d+\.g[0-9a-f]{5,}", version):
        return ("a local version (`+N.g<commit>`) as versioneer's `pep440` style writes for commits after the last "
                "tag", "publish only from tags, or use versioneer's `style = pep440-pre`")
    if re.search(r"\+g[0-9a-f]{5,}", version):
        return ("a local version (`+g<commit>`): setuptools-scm or hatch-vcs saw no version tag on the commit being built "
                "(an untagged commit, tags not fetched, or a tag whose name is not the version), so it added the commit"), SCM_REMEDY
    if "+" in version:
        return "a local version (`+…`)", SCM_REMEDY
    if re.search(r"\.dev\d+", version):
        return "a development version (`.devN`), as setuptools-scm writes for commits after the last tag", SCM_REMEDY
    return None


@dataclass
class LogText:
    """One log as the readings see it: the raw text, its cleaned numbered lines, and those lines joined for searching."""
    text: str
    cleaned: List[Tuple[int, str]]
    whole: str
    starts: List[int]

    @classmethod
    def of(cls, text: str) -> "LogText":
        cleaned = lines(text)
        whole, starts = joined(cleaned)
        return cls(text, cleaned, whole, starts)

    def has(self, rx: Any, flags: int = 0) -> bool:
        """The joined text holds `rx` (a compiled pattern, or a string searched with `flags`)."""
        return bool(re.search(rx, self.whole, flags))

    @property
    def script(self) -> str:
        """The cleaned lines, one per line (for readings of a file the log shows, a .pypirc or a uv index)."""
        return "\n".join(t for _, t in self.cleaned)
