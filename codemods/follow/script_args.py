"""The commands of a followed shell script that the call's arguments leave unrun.

`./scripts/build.sh -c` runs a script whose upload sits under `if [ "${_IS_UPLOAD}" == true ]`, a flag
only its `-u | --upload)` option sets (bybatkhuu/model-python-template): that call builds and uploads
nothing, and its job needs no OIDC token. Read so that any doubt keeps a command: a command is unrun
only when

- a test around it (`if`, `&&`) can never hold, because the variable it tests gets a literal default
  from the script itself, before the test, and any other value only in option branches of a `case`
  over the arguments that no argument of the call matches; or
- it sits in a branch of a `case "$1"` (a sub-command: `release.sh publish`) that no argument matches.

The call's arguments must all be literal (`"$@"` or `$MODE` may be anything). Nothing is read as unrun in
a script that may set variables or arguments unseen (`source`, `eval`, `set --`, `export "$kv"`) or whose
case branches fall through (`;&`); a test of several commands (`||`, `&&` in an `if`), a function's `$1`,
a function run in a subshell and arguments shifted before their loop keep what they guard.
"""
from __future__ import annotations

import fnmatch
import re
import shlex
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Set, Tuple

from codemods.shell import DECLARATIONS, LEADING_KEYWORDS, Word, assignment_words, word_groups

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
# `$X`, `${X}`; `$1`, `${2:-}`: an argument (or nothing)
_REFERENCE = re.compile(r"\$(?:(%s|[1-9])|\{(%s|[1-9])(?::?-)?\})" % (_NAME, _NAME))
_POSITIONAL = re.compile(r"\$(?:([1-9])|\{([1-9])(?::?-)?\})")
_ALL_ARGUMENTS = (["$@"], ["${@}"], ["${@:-}"])  # the script's arguments, each a word
_LITERAL = re.compile(r"[^$`*?\[\]{}()<>|;&~]*")


@dataclass
class _Frame:
    kind: str  # if, case, loop, brace
    test: Optional[Tuple[List[Word], bool]] = None  # an if's current test (None in `else`), `!` before it
    earlier: Tuple[Tuple[List[Word], bool], ...] = ()  # the tests of the if's branches before this one
    head: str = ""  # a case's subject, a loop's first words
    start: int = 0  # where a case or loop starts
    pending: List[str] = field(default_factory=list)  # a case's patterns being read
    patterns: Optional[Tuple[str, ...]] = None  # a case's branch: its patterns (None while reading them)
    before: Tuple[str, ...] = ()  # a case's patterns of the branches before this one


@dataclass(frozen=True)
class _Entry:
    words: Tuple[Word, ...]  # the command, past its reserved words
    negated: bool  # `!` before it
    frames: Tuple[_Frame, ...]  # copies of the frames it runs in
    chain: Tuple[Tuple[Tuple[Word, ...], bool], ...]  # the tests before it in an `&&` list
    either: bool = False  # in an `||` list (its tests not read)


@dataclass(frozen=True)
class CallReading:
    """What a script does for one call's arguments."""

    unrun: List[Tuple[int, int]]  # (start, end) of each command that cannot run
    values: Dict[str, str]  # the variables the arguments fix (`REPO="pypi"` in the branch `prod` takes)


def read_call(script: str, args: Optional[Sequence[str]],
              sourced: Optional[Callable[[str], Optional[str]]] = None) -> CallReading:
    """The script read for these arguments (None: unknown, nothing read). `sourced`: the text of a file the
    script sources (`source ./scripts/base.sh`), None where it cannot be read; the names such a file
    mentions are left unknown, and one that moves the arguments leaves the whole script unread."""
    if args is None or not all(_LITERAL.fullmatch(a) for a in args) or ";&" in script:
        return CallReading([], {})  # `;&`, `;;&`: a case branch that falls into the next
    entries = list(_entries(script))
    hidden: Set[str] = set()  # the names a sourced file may set (every name it mentions)
    for e in entries:
        if not _opaque(e):
            continue
        text = sourced(e.words[1].value) if sourced and len(e.words) == 2 and \
            e.words[0].value in ("source", ".") and _LITERAL.fullmatch(e.words[1].value) else None
        if text is None or ";&" in text or re.search(r"(^|[\s;&|])shift\b", text) or \
                any(_opaque(inner) for inner in _entries(text)):
            return CallReading([], {})
        hidden |= set(re.findall(_NAME, text))
    values = _Values(script, entries, tuple(args), hidden)
    may = [e for e in entries if _may_run(e, values)]
    return CallReading([(e.words[0].start, e.words[-1].end) for e in entries if e not in may],
                       {**_positional(script, entries, values), **_fixed(may, values)})


def _positional(script: str, entries: List[_Entry], values: "_Values") -> Dict[str, str]:
    """`$1`, `$2`… as the call gives them, where every command of the script sees the call's arguments: no
    `shift`, and no function but one run with the script's own (`-r "$1"` in `publish.sh pypi`)."""
    if re.search(r"(^|[\s;&|])shift\b", script) or any(
            f.kind == "lost" or f.kind == "brace" and f.head and not values.transparent(f)
            for e in entries for f in e.frames):
        return {}
    return {str(n): a for n, a in enumerate(values.args[:9], 1)}


def _opaque(entry: _Entry) -> bool:
    """A command that may set variables or arguments this reading cannot see: `source`, `.`, `eval`,
    `set -- …`, `export "$kv"`."""
    vals = [w.value for w in entry.words]
    if vals[0] in ("source", ".", "eval"):
        return True
    if vals[0] == "set":
        options = iter(vals[1:])
        for v in options:
            if v[:1] in ("-", "+") and "o" in v[1:]:  # `-o pipefail`, `-euo pipefail`
                next(options, None)
            elif v == "--" or not v.startswith(("-", "+")):
                return True
    return vals[0] in DECLARATIONS and any(re.search(r"[$`]", w.text) and not re.match(r"%s=" % _NAME, w.text)
                                           for w in entry.words[1:])


def _entries(script: str):
    frames: List[_Frame] = []
    chain: Optional[List[Tuple[Tuple[Word, ...], bool]]] = []  # None: an `||` list, not read
    condition: Optional[_Frame] = None  # the `if` whose test is being read (until `then`)
    previous: List[Word] = []
    for words, before, between in word_groups(script):
        prior, previous = previous, words
        top = frames[-1] if frames else None
        if top is not None and top.kind == "case":
            if ";;" in between.replace("\n", "") or ";&" in between:
                top.before += top.patterns or tuple(top.pending)
                top.pending, top.patterns = [], None
            if top.patterns is None:
                if len(words) == 1 and words[0].text == "esac":
                    frames.pop()
                    continue
                if not top.pending or ")" not in between:
                    top.pending.append(words[0].value if len(words) == 1 else "\0")  # `"\0"`: not read
                    if len(words) == 1:
                        continue
                    words = words[1:]  # `-u) UPLOAD=true`: the branch starts on the pattern's line
                top.patterns = tuple(top.pending)
        n = 0
        while n < len(words) and words[n].text in LEADING_KEYWORDS:
            n += 1
        keywords = [w.text for w in words[:n]]
        rest = tuple(words[n:])
        if before not in ("&&", "||"):
            chain = []
        elif before == "||":
            chain = None
        if "then" in keywords:
            condition = None
        elif before in ("&&", "||") and condition is not None:
            condition.test = None  # `if [ a ] || [ b ]; then`: a test of several commands is not read
        if re.search(r"\(\)\s*\($", between):
            frames.append(_Frame("lost"))  # `name() ( … )`: a function run in a subshell, its end not read
        for k in keywords:
            if k in ("elif", "else") and frames and frames[-1].kind == "if" and frames[-1].test is not None:
                frames[-1].earlier += (frames[-1].test,)
                frames[-1].test = (list(rest), "!" in keywords) if k == "elif" else None
                condition = frames[-1] if k == "elif" else None
            elif k == "{":  # a group, or the body of `name() {` / `function name` + `{` (head: the name)
                name = prior[0].value if len(prior) == 1 and re.search(r"\(\)\s*$", between) else \
                    prior[1].value if len(prior) == 2 and prior[0].value == "function" else ""
                frames.append(_Frame("brace", head=name))
        if not rest:
            continue
        first = rest[0].text
        if first in ("fi", "done", "}", "esac"):  # `fi 2>/dev/null` closes it too
            kind = {"fi": "if", "done": "loop", "}": "brace", "esac": "case"}[first]
            if frames and frames[-1].kind == kind:
                frames.pop()
            else:  # a structure this reading lost track of: nothing after it is read as unrun
                frames.append(_Frame("lost"))
            continue
        negated = "!" in keywords
        yield _Entry(rest, negated, tuple(_copy(f) for f in frames), tuple(chain or ()), chain is None)
        if chain is not None:
            chain.append((rest, negated))
        if "if" in keywords:
            condition = _Frame("if", test=(list(rest), negated))
            frames.append(condition)
        elif first == "function":  # `function name {` (or its `{` on the next line)
            if rest[-1].text == "{":
                frames.append(_Frame("brace", head=rest[1].value if len(rest) == 3 else ""))
        elif "while" in keywords or "until" in keywords or first in ("for", "select"):
            loop = [k for k in keywords if k in ("while", "until")]
            frames.append(_Frame("loop", head=" ".join(loop + [w.value for w in rest]), start=rest[0].start))
        elif first == "case":
            subject = rest[1].text if len(rest) > 1 else ""
            frame = _Frame("case", head=subject, start=rest[0].start)
            if len(rest) > 3 and rest[2].text == "in":  # `case "$1" in -u) …` on one line
                frame.pending.append(rest[3].value)
            frames.append(frame)


def _copy(frame: _Frame) -> _Frame:
    return _Frame(frame.kind, frame.test, frame.earlier, frame.head, frame.start, list(frame.pending), frame.patterns,
                  frame.before)


class _Values:
    """The values each variable of the script can hold for the call's arguments, where the script alone
    decides them (None: not known)."""

    def __init__(self, script: str, entries: List[_Entry], args: Tuple[str, ...],
                 hidden: Set[str] = frozenset()) -> None:
        self.script, self.entries, self.args, self.hidden = script, entries, args, hidden
        self._known: Dict[str, Optional[Tuple[int, Set[str]]]] = {}
        self.passing = {f.head for e in entries for f in e.frames if f.kind == "brace" and f.head and
                        self._given_the_arguments(f.head)}

    def _given_the_arguments(self, name: str) -> bool:
        """The function is run once, outside any test, loop or function, with the script's own arguments
        (`main "${@:-}"`): in its body `$1` and `$@` are the call's (bybatkhuu/module.python-config)."""
        calls = [e for e in self.entries if e.words[0].value == name and len(e.words) > 1]
        mentions = re.findall(r"(?<![\w$-])%s(?![\w-])" % re.escape(name), self.script)
        return name not in self.hidden and len(calls) == 1 and len(mentions) == 2 and \
            not (calls[0].frames or calls[0].chain or calls[0].either) and \
            [w.value for w in calls[0].words[1:]] in _ALL_ARGUMENTS

    def transparent(self, frame: _Frame) -> bool:
        """A function body whose arguments are the script's (see `_given_the_arguments`)."""
        return frame.kind == "brace" and frame.head in self.passing

    def of(self, name: str, at: int, frames: Tuple[_Frame, ...] = ()) -> Optional[Set[str]]:
        """The values `name` can hold at offset `at` (after every assignment of it), or None; `$2` read
        outside functions and loops, with no `shift` or `set` before it, is the call's second argument."""
        if name.isdigit():
            if any(f.kind != "if" and not self.transparent(f) for f in frames) or \
                    re.search(r"(?m)(^|[\s;&|])(shift\b|set[ \t]+(--|[^-\s]))", self.script[:at]):
                return None
            return {self._argument(name)}
        if name not in self._known:
            self._known[name] = None if name in self.hidden else self._read(name)
        known = self._known[name]
        return None if known is None or known[0] >= at else known[1]

    def _argument(self, digit: str) -> str:
        """`$2`: the call's second argument, or nothing."""
        n = int(digit)
        return self.args[n - 1] if len(self.args) >= n else ""

    def _read(self, name: str) -> Optional[Tuple[int, Set[str]]]:
        defaults: Set[str] = set()
        taken: Set[str] = set()  # the values of the option branches the call surely takes
        maybe: Set[str] = set()  # … and of those it may take
        default: Optional[int] = None  # where the (last) default is set
        first_option: Optional[int] = None
        last = 0
        for e in self.entries:
            words = assignment_words(e.words)
            if len(words) != 1 or not words[0].text.startswith(name + "="):
                continue
            raw = words[0].text[len(name) + 1:]
            if re.search(r"[$`]", raw):
                return None
            value = words[0].value[len(name) + 1:]
            last = max(last, words[0].end)
            if not e.frames and not e.chain:
                default = words[0].start
                defaults.add(value)
                continue
            matched = self._option_matched(e.frames)
            if matched is None:
                return None
            first_option = words[0].start if first_option is None else first_option
            if matched and all(p.startswith("-") and not re.search(r"[*?\[]", p) for p in e.frames[-1].patterns or ()):
                taken.add(value)  # surely run: an option no value of another option is likely to spell
            elif matched:
                maybe.add(value)
        if default is None or not self.only_assigned(name):
            return None
        if taken and (first_option is None or default < first_option):
            return last, taken | maybe  # `--production` given: the default set before the options is overwritten
        return last, defaults | taken | maybe

    def only_assigned(self, name: str) -> bool:
        """Every mention of `name` but its `NAME=` assignments reads it: a `for NAME in`, `read NAME`,
        `${NAME:=x}` sets it."""
        starts = {w[0].start for w in (assignment_words(e.words) for e in self.entries)
                  if len(w) == 1 and w[0].text.startswith(name + "=")}
        for m in re.finditer(r"(?<![\w$])%s\b" % re.escape(name), self.script):
            if m.start() in starts:
                continue
            before = self.script[max(0, m.start() - 2):m.start()]
            if not (before == "${" and self.script[m.end():m.end() + 1] == "}"):
                return False
        return True

    def _option_matched(self, frames: Tuple[_Frame, ...]) -> Optional[bool]:
        """Whether the branch of an option-reading `case` these frames end in takes some argument of the
        call (None: not such a branch)."""
        if not frames or frames[-1].kind != "case" or frames[-1].patterns is None:
            return None
        return self._branch_taken(frames)

    def _branch_taken(self, frames: Tuple[_Frame, ...]) -> Optional[bool]:
        case, outer = frames[-1], frames[:-1]
        patterns = case.patterns or ()
        if "\0" in patterns or any(f.kind in ("brace", "lost") and not self.transparent(f) for f in outer):
            return None
        for i, f in enumerate(outer):  # `if [ -n "${1:-}" ]; then for … case`: a test the arguments decide
            if f.kind != "if":
                continue
            at = f.test[0][0].start if f.test and f.test[0] else case.start
            earlier = [_outcome((t, negated), self, at, outer[:i]) for t, negated in f.earlier]
            held = _outcome(f.test, self, at, outer[:i]) if f.test is not None else True
            if held is False or True in earlier:  # never run: this test fails, or an earlier branch's holds
                return False
            if held is None or None in earlier:
                return None
        loops = [f.head.split() for f in outer if f.kind == "loop"]
        begins = next((f.start for f in outer if f.kind == "loop"), case.start)
        if re.search(r"(^|[\s;&|])shift\b", self.script[:begins]):
            return None  # the arguments were moved on before they are read
        subject = Word(case.head, 0, 0).value
        ref, positional = _REFERENCE.fullmatch(subject), _POSITIONAL.fullmatch(subject)
        digit = positional and (positional.group(1) or positional.group(2))
        if digit and not loops:
            words = (self._argument(digit),)  # `case "$2"` read once: the second argument
        elif digit == "1" and len(loops) == 1 and loops[0][0] in ("while", "until"):
            words = self.args  # `while [ $# -gt 0 ]; do case "$1" … shift`: each argument in turn
        elif ref and len(loops) == 1 and loops[0][:3] == ["for", ref.group(1) or ref.group(2), "in"] and \
                loops[0][3:] in _ALL_ARGUMENTS:
            words = self.args  # `for arg in "$@"; do case "$arg"`
        elif ref and len(loops) == 1 and loops[0][1:2] == ["getopts"] and \
                loops[0][-1] == (ref.group(1) or ref.group(2)):
            letters = {c for a in self.args if a.startswith("-") and not a.startswith("--") for c in a[1:]}
            return any(p in letters or p in ("*", "?") for p in patterns)
        else:
            return None
        return any(fnmatch.fnmatchcase(a, p) for a in words for p in patterns)


def _fixed(may: List[_Entry], values: _Values) -> Dict[str, str]:
    """The variables whose every assignment that may run sets one literal, one of them surely run
    (PromptDefender-py's deploy.sh: `REPO="pypi"` under `elif [ "$2" = "prod" ]`, called with `prod`)."""
    found: Dict[str, Set[str]] = {}
    sure: Set[str] = set()
    for e in may:
        words = assignment_words(e.words)
        m = re.match(r"(%s)=" % _NAME, words[0].text) if len(words) == 1 else None
        if m is None:
            continue
        raw = words[0].text[m.end():]
        found.setdefault(m.group(1), set()).add("\0" if re.search(r"[$`]", raw) else words[0].value[m.end():])
        if _surely_runs(e, values):
            sure.add(m.group(1))
    return {name: next(iter(vals)) for name, vals in found.items()
            if name in sure and len(vals) == 1 and "\0" not in vals and name not in values.hidden and
            values.only_assigned(name)}


def _surely_runs(entry: _Entry, values: _Values) -> bool:
    """The command runs for these arguments: every `if` test around it holds (and those of the branches
    before fail), every `case` over an argument read once takes its branch (and no branch before), every
    test before it in an `&&` list holds; nothing in a loop, a function or a group."""
    at = entry.words[0].start
    if entry.either:
        return False
    for i, frame in enumerate(entry.frames):
        outer = entry.frames[:i]
        if frame.kind == "if":
            if any(_outcome((t, negated), values, at, outer) is not False for t, negated in frame.earlier) or \
                    frame.test is not None and _outcome(frame.test, values, at, outer) is not True:
                return False
        elif frame.kind == "case":
            if any(f.kind != "if" for f in outer) or not _POSITIONAL.fullmatch(Word(frame.head, 0, 0).value) or \
                    values._branch_taken(entry.frames[:i + 1]) is not True:
                return False
            earlier = _copy(frame)
            earlier.patterns = frame.before
            if frame.before and values._branch_taken(outer + (earlier,)) is not False:
                return False
        else:
            return False
    return all(_outcome(test, values, at, entry.frames) is True for test in entry.chain)


def _may_run(entry: _Entry, values: _Values) -> bool:
    at = entry.words[0].start
    if any(f.kind == "lost" for f in entry.frames):
        return True
    for i, frame in enumerate(entry.frames):
        outer = entry.frames[:i]
        if frame.kind == "if" and frame.test is not None and _never(frame.test, values, at, outer):
            return False
        if frame.kind == "if" and any(_never((t, not negated), values, at, outer) for t, negated in frame.earlier):
            return False  # the branch of an earlier test that always holds runs instead
        if frame.kind == "case" and frame.patterns is not None and \
                values._branch_taken(entry.frames[:i + 1]) is False:
            return False
    return not any(_never(test, values, at, entry.frames) for test in entry.chain)


def _never(test: Tuple[Sequence[Word], bool], values: _Values, at: int, frames: Tuple[_Frame, ...]) -> bool:
    """The test (run inside `frames`) can never succeed."""
    return _outcome(test, values, at, frames) is False


def _outcome(test: Tuple[Sequence[Word], bool], values: _Values, at: int, frames: Tuple[_Frame, ...]) -> Optional[bool]:
    """Whether the test (run inside `frames`) always succeeds (True) or never does (False): it reads one
    variable, whose every possible value passes it, or fails it; None when that cannot be told."""
    read = _gate(list(test[0]))
    if read is None:
        return None
    name, holds = read
    possible = values.of(name, at, frames)
    results = [holds(v) for v in possible or ()]
    if not results or None in results:
        return None
    if all(r != test[1] for r in results):
        return True
    return False if all(r == test[1] for r in results) else None


def _gate(words: List[Word]) -> Optional[Tuple[str, Callable[[str], Optional[bool]]]]:
    """The variable a test reads and what it asks of its value: `[ "$X" == true ]`, `[[ $X = 1 ]]`,
    `test -n "$X"`, `$X` run as a command (`true`/`false`)."""
    vals = [w.value for w in words]
    if len(words) == 1:  # `if $UPLOAD; then`: the value runs as a command; only `true`/`false` are read
        ref = _REFERENCE.fullmatch(vals[0])
        return (ref.group(1) or ref.group(2), {"true": True, "false": False}.get) if ref else None
    if vals[0] == "test":
        vals = vals[1:]
    elif (vals[0], vals[-1]) in (("[", "]"), ("[[", "]]")):
        vals = vals[1:-1]
    else:
        return None
    if len(vals) == 2 and vals[0] in ("-n", "-z"):
        ref = _REFERENCE.fullmatch(vals[1])
        if ref is None:
            return None
        empty = vals[0] == "-z"
        return ref.group(1) or ref.group(2), lambda v: (v == "") == empty
    if len(vals) != 3 or vals[1] not in ("=", "==", "!="):
        return None
    left, right = _REFERENCE.fullmatch(vals[0]), _REFERENCE.fullmatch(vals[2])
    if (left is None) == (right is None):
        return None
    ref, literal = (left, vals[2]) if left else (right, vals[0])
    if "$" in literal or "`" in literal or any(c in literal for c in "*?["):
        return None
    equal = vals[1] != "!="
    return ref.group(1) or ref.group(2), lambda v: (v == literal) == equal


_ARGUMENTS_RUN = re.compile(r"\$(?:@|\*|\{@\})")  # `"$@"`: the arguments run as a command


def wrapped_command(script: str, args: Optional[Sequence[str]]) -> str:
    """The command a wrapper script runs from its arguments (`source "$@"`, `exec "$@"`, `"$@"`), as the
    shell sees it for this call, after the `shift`s the script makes before it (alan-turing-institute/ptype's
    do.sh: `shift; source "$@"`, run as `do.sh PY script/publish.sh …`); "" when it runs none or the shifts
    cannot be counted (one under a test, in a loop or a function). An argument not literal stays a variable,
    which keeps what it gives unknown."""
    if not args:
        return ""
    shifted = 0
    for entry in _entries(script):
        words = [w.value for w in entry.words]
        if words[0] == "shift":
            if entry.frames or entry.chain or entry.either or len(words) > 2 or words[1:] and not words[1].isdigit():
                return ""
            shifted += int(words[1]) if len(words) == 2 else 1
            continue
        while words and words[0] in ("source", ".", "exec", "command", "bash", "sh"):
            words = words[1:]
        if words and _ARGUMENTS_RUN.fullmatch(words[0]):
            return " ".join(shlex.quote(a) if _LITERAL.fullmatch(a) else f'"{a}"' for a in args[shifted:])
    return ""
