"""Upload credentials an earlier step of the job writes to `$GITHUB_ENV` (`echo "TWINE_PASSWORD=${{
secrets.PYPI_API_TOKEN }}" >> $GITHUB_ENV`): every later step of the job sees them as environment
variables, so an upload that reads one uses a token though its own `env:` holds none.

A write is one line of a `run:` script: `echo`/`printf` appended to `$GITHUB_ENV` (`>>`, `| tee -a`), or
a line of a here-document appended to it. Only a password or token that carries a secret (directly, or
through a variable of the writing step's `env:`) counts: a token minted from the OIDC token in the script
is Trusted Publishing done by hand. `::add-mask::` lines are no credential: they only hide a value in the
log, and go with the write of the secret they hide.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Set, Tuple

from codemods.engine.document import Document, YamlPath
from codemods.engine.edits import Remove, Replace
from codemods.notes import step_in_job
from codemods.publishers.change import StepChange
from codemods.shell import commands, mentions_variable
from codemods.uploaders import registry
from codemods.uploaders.spec import Uploader
from codemods.workflow import secrets_in, step_label, steps

_TARGET = r"(?:\"\$\{?GITHUB_ENV\}?\"|\$\{?GITHUB_ENV\}?)"
# `echo … >> $GITHUB_ENV`, `printf … >>"$GITHUB_ENV"`, `echo … | tee -a $GITHUB_ENV [>/dev/null]`, alone on a line
_WRITE = re.compile(rf"^[ \t]*(?:echo|printf)[ \t]+(?P<payload>[^\n]*?)[ \t]*(?:1?>>[ \t]*{_TARGET}|"
                    rf"\|[ \t]*tee[ \t]+(?:-a|--append)[ \t]+{_TARGET}(?:[ \t]*>[ \t]*/dev/null)?)[ \t]*(?:#[^\n]*)?$")
# `cat >> $GITHUB_ENV <<EOF`, `cat <<'EOF' >> "$GITHUB_ENV"`, `<<-EOF`
_HEREDOC = re.compile(rf"^[ \t]*cat[ \t]+(?:1?>>[ \t]*{_TARGET}[ \t]+<<(?P<t1>-?)[ \t]*(?P<q1>['\"]?)(?P<d1>\w+)(?P=q1)|"
                      rf"<<(?P<t2>-?)[ \t]*(?P<q2>['\"]?)(?P<d2>\w+)(?P=q2)[ \t]+1?>>[ \t]*{_TARGET})[ \t]*$")
_ASSIGNED = re.compile(r"(?:^|[\s\"'])([A-Za-z_][A-Za-z0-9_]*)=")
_MASK = re.compile(r"^[ \t]*echo[ \t]+[\"']?::add-mask::[^\n]*$")
_VAR = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)|\benv\.([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class EnvWrite:
    """One credential variable an earlier step writes to `$GITHUB_ENV`."""

    name: str
    step_index: int  # the writing step
    start: int  # the span of its `run:` script to cut: whole lines (a here-document whose every line goes: all of it)
    end: int
    text: str  # the line as written
    secrets: frozenset  # the secrets it hands on, directly or through the step's `env:`
    password: bool  # the uploader's password or token (else its user name)
    by_hand: Optional[str] = None  # why the line cannot be cut alone (it shares the line, or empties a block)


def _lines(script: str) -> List[Tuple[int, int, str]]:
    """(start, end including the line break, text without it) of each line."""
    out, at = [], 0
    for line in script.splitlines(keepends=True):
        out.append((at, at + len(line), line.rstrip("\r\n")))
        at += len(line)
    return out


def _fed_secrets(value: str, step_env: List[Dict]) -> Set[str]:
    found = set(secrets_in(value))
    for m in _VAR.finditer(value):
        var = m.group(1) or m.group(2)
        for env in step_env:
            if var in env:
                found |= secrets_in(env[var])
                break
    return found


def writes_in(script: str, wanted: Set[str]) -> List[Tuple[str, int, int, str, Optional[str]]]:
    """Each variable of `wanted` a script appends to `$GITHUB_ENV`: (name, start, end of the span to cut,
    value, why the span cannot be cut alone). A line or here-document that writes only such variables goes
    whole; a here-document's line goes alone when others stay."""
    out = []
    lines = _lines(script)
    i = 0
    while i < len(lines):
        start, end, text = lines[i]
        continued = i > 0 and lines[i - 1][2].rstrip().endswith("\\")
        m = _WRITE.match(text)
        h = _HEREDOC.match(text)
        if m and not continued and not text.rstrip().endswith("\\"):
            names = _ASSIGNED.findall(m.group("payload"))
            why = None if set(names) <= wanted else "it writes other variables on the same line"
            out += [(n, start, end, m.group("payload").split(n + "=", 1)[1], why) for n in names if n in wanted]
        elif h and not continued:
            delim, tabs = h.group("d1") or h.group("d2"), bool(h.group("t1") or h.group("t2"))
            j = i + 1
            while j < len(lines) and (lines[j][2].lstrip("\t") if tabs else lines[j][2]) != delim:
                j += 1
            if j == len(lines):
                break  # an unterminated here-document: not read
            body = [(b, _ASSIGNED.match(b[2].strip())) for b in lines[i + 1:j] if b[2].strip()]
            named = [(b, a.group(1)) for b, a in body if a and b[2].strip().startswith(a.group(1) + "=")
                     and a.group(1) in wanted]
            whole = len(named) == len(body)
            out += [(n, start if whole else b[0], lines[j][1] if whole else b[1], b[2].strip()[len(n) + 1:], None)
                    for b, n in named]
            i = j + 1
            continue
        i += 1
    return out


def env_writes(doc: Document, job_id: str, before: int, uploader: Uploader,
               given: Set[str] = frozenset()) -> List[EnvWrite]:
    """The uploader's credential variables the job's steps before step `before` write to `$GITHUB_ENV`
    (the script's own assignments, `given`, win). User names count only with a password or token."""
    creds = uploader.credentials
    return written(doc, job_id, before, set(creds.password_env) - set(given), set(creds.user_env) - set(given))


def written(doc: Document, job_id: str, before: int, passwords: Set[str], users: Set[str]) -> List[EnvWrite]:
    """The variables of `passwords` and `users` the job's steps before step `before` write to `$GITHUB_ENV`;
    none unless a password carries a secret."""
    job = doc.get(("jobs", job_id)) or {}
    found: List[EnvWrite] = []
    for k, step in steps(job):
        script = step.get("run")
        if k >= before or not isinstance(script, str) or "GITHUB_ENV" not in script:
            continue
        shell = step.get("shell")
        if isinstance(shell, str) and shell.split()[0] not in ("bash", "sh"):
            continue  # `shell: python` or pwsh write the file their own way
        chain = [e for e in (step.get("env"), job.get("env"), doc.get(("env",))) if isinstance(e, dict)]
        for name, start, end, value, why in writes_in(script, set(passwords) | set(users)):
            fed = _fed_secrets(value, chain)
            password = name in passwords
            if password and not fed:
                continue  # a value pubmode cannot tie to a stored token (one minted from the OIDC token)
            found.append(EnvWrite(name, k, start, end, script[start:end].rstrip("\r\n"), frozenset(fed), password,
                                  why))
    return found if any(w.password for w in found) else []


def describe(writes: List[EnvWrite], doc: Document, job_id: str) -> List[str]:
    """How the doctor names the writes, one entry per writing step: `TWINE_USERNAME`, `TWINE_PASSWORD` from
    $GITHUB_ENV (written by step `Configure TWINE`, line 10)."""
    by_step: Dict[int, List[str]] = {}
    for w in writes:
        if w.name not in by_step.setdefault(w.step_index, []):
            by_step[w.step_index].append(w.name)
    out = []
    for k, names in by_step.items():
        line = doc.line_of(("jobs", job_id, "steps", k))
        step = step_label(doc.get(("jobs", job_id, "steps", k)) or {}, k)
        out.append(f"{', '.join(f'`{n}`' for n in names)} from $GITHUB_ENV (written by {step}"
                   + (f", line {line})" if line else ")"))
    return out


def _readers(doc: Document, job_id: str, w: EnvWrite, skip: List[YamlPath]) -> List[str]:
    """Later steps of the job that read the variable, other than the converted uploads."""
    job = doc.get(("jobs", job_id)) or {}
    out = []
    for i, step in steps(job):
        if i <= w.step_index or ("jobs", job_id, "steps", i) in skip:
            continue
        reads = mentions_variable(json.dumps(step), w.name) or any(
            w.name in u.credentials.variables and isinstance(step.get("run"), str) and registry.runs(u, step["run"])
            for u in registry.all_uploaders())
        if reads:
            out.append(f"{step_label(step, i)}")
    return out


def _empties_a_block(script: str, cuts: List[Tuple[int, int]]) -> bool:
    """Cutting these lines would leave `then … fi`, `do … done`, `{ … }` or a `case` branch with no command."""
    kept = script
    for s, e in sorted(cuts, reverse=True):
        kept = kept[:s] + kept[e:]
    words = [ln.split("#")[0].strip() for ln in kept.splitlines()]
    words = [x for x in words if x]
    for a, b in zip(words, words[1:]):
        if re.search(r"(^|[;\s])(then|else|do|\{)$|\)$", a) and re.match(r"(fi|else|elif|done|\}|;;|esac)\b", b):
            return True
    return False


def remove_writes(doc: Document, job_id: str, writes: List[EnvWrite], converted: List[YamlPath],
                  change: StepChange, label: str) -> None:
    """Cut the writes (and the `::add-mask::` lines of the secrets they hand on) from their steps, with
    verified edits like every other script edit; a step left with no command goes whole. Blocks the change
    when another step still reads a variable, or a line cannot be cut alone."""
    where = step_in_job(label, job_id)
    for w in writes:
        if w.by_hand:
            change.blocked = (f"{where} reads `{w.name}` that {describe_step(doc, job_id, w.step_index)} writes to $GITHUB_ENV, "
                              f"but {w.by_hand}: remove it by hand, then run again")
            return
        users = _readers(doc, job_id, w, converted)
        if users:
            change.blocked = (f"`{w.name}` is written to $GITHUB_ENV by {describe_step(doc, job_id, w.step_index)} and also read "
                              f"by {', '.join(users)} in job `{job_id}`; give those steps the variable themselves, "
                              "then run again")
            return
    by_step: Dict[int, List[EnvWrite]] = {}
    for w in writes:
        by_step.setdefault(w.step_index, [])
        if w not in by_step[w.step_index]:
            by_step[w.step_index].append(w)
    for k, ws in sorted(by_step.items()):
        path = ("jobs", job_id, "steps", k)
        step = doc.get(path) or {}
        script = step.get("run") or ""
        cuts = sorted({(w.start, w.end) for w in ws})
        fed = set().union(*(w.secrets for w in ws))
        for start, end, text in _lines(script):  # the masks of the secrets that go
            if _MASK.match(text) and fed and _fed_secrets(text, [step.get("env") or {}]) <= fed and \
                    _fed_secrets(text, [step.get("env") or {}]):
                cuts.append((start, end))
        cuts = sorted(set(cuts))
        rest = script
        for s, e in reversed(cuts):
            rest = rest[:s] + rest[e:]
        names = ", ".join(f"`{n}`" for n in dict.fromkeys(w.name for w in ws))
        if not list(commands(rest)):
            step_id = step.get("id")
            if isinstance(step_id, str) and re.search(rf"\bsteps\s*\.\s*{re.escape(step_id)}\b",
                                                      json.dumps(doc.get(("jobs", job_id)))):
                change.blocked = (f"{describe_step(doc, job_id, k)} only writes {names} to $GITHUB_ENV, but other "
                                  f"steps read its `steps.{step_id}` result: remove it by hand, then run again")
                return
            change.edits.append(Remove(path))
            change.removed_secrets |= secrets_in(step)
            change.changes.append(f"removed {describe_step(doc, job_id, k)}: it only wrote {names} to $GITHUB_ENV")
            continue
        if _empties_a_block(script, cuts):
            change.blocked = (f"{where} reads {names} that {describe_step(doc, job_id, k)} writes to $GITHUB_ENV "
                              "inside a block it is the only command of: remove it by hand, then run again")
            return
        change.edits += [Replace(path + ("run",), s, e, "") for s, e in cuts]
        change.removed_secrets |= fed
        change.changes.append(f"removed the line{'s' if len(cuts) > 1 else ''} writing {names} to $GITHUB_ENV from "
                              f"{describe_step(doc, job_id, k)}")
        from codemods.publishers.env_vars import cleanup_fed  # it builds on the edits above

        cleanup_fed(doc, job_id, k, [script[s:e] for s, e in cuts], [], change)


def describe_step(doc: Document, job_id: str, index: int) -> str:
    step = doc.get(("jobs", job_id, "steps", index)) or {}
    line = doc.line_of(("jobs", job_id, "steps", index))
    return step_label(step, index) + (f" (line {line})" if line else "")
