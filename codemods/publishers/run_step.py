"""Upload commands in a workflow's `run:` scripts (and an action's `args` input): what each one
uploads to with which credentials, and its change in either direction. The command itself is read
by `uploaders.command_line`, the same for every front end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from codemods.engine.document import Document, YamlPath
from codemods.engine.edits import Edit, Replace, Set
from codemods.indexes import Index
from codemods.publishers.change import StepChange
from codemods.publishers.env_vars import cleanup_fed, env_chain, env_credentials, remove_env_vars
from codemods.publishers.github_env import EnvWrite, env_writes, remove_writes
from codemods.shell import Command, Word, assignments, commands, cut_span, join_pieces
from codemods.uploaders.tools.twine import PYPIRC_REASON, pypirc_write
from codemods.uploaders.command_line import (FlagUse, find_targets, find_upload, lookup, oidc_flag_spans, parse_flags,
                                             strip_wrappers)
from codemods.uploaders.pins import too_old_pins
from codemods.uploaders.spec import Uploader
from codemods.workflow import EXPRESSION, jobs, step_label, steps
from codemods.notes import prefixed, step_in_job
from codemods.permissions import LOST_ATTESTATIONS

@dataclass
class Upload:
    """One upload command found in a workflow."""

    uploader: Uploader
    job_id: str
    step_index: int
    step: Dict[str, Any]
    field: str  # the step key holding the script: "run", or the key of an action's `args` input in `with:`
    command: Command
    args_from: int
    flags: List[FlagUse]
    targets: Tuple[Index, ...]
    where: str  # where the index comes from, for messages
    env_creds: List[Tuple[str, YamlPath]]  # (variable, path of its definition)
    label: str
    index_unknown: bool = False  # the index comes from a secret or an expression
    refuse: Optional[str] = None  # recognised, but not edited automatically, for this reason
    advice: Optional[str] = None  # said in the report when the upload is converted
    handed_over: bool = False  # converted to the publish action (the tool cannot publish with TP here)
    prefix: List[Tuple[str, Word]] = field(default_factory=list)  # `TWINE_PASSWORD="$X" twine upload`: its
    # credential assignments (the variable, its word)
    exported: List[Tuple[str, int, int]] = field(default_factory=list)  # `export TWINE_PASSWORD=…` before the
    # command in the same script: (the variable, the assignment's span)
    github_env: List[EnvWrite] = field(default_factory=list)  # credentials an earlier step of the job writes
    # to $GITHUB_ENV (`echo "TWINE_PASSWORD=${{ secrets.X }}" >> $GITHUB_ENV`)
    pypirc: Optional[str] = None  # twine's: where the job writes the .pypirc it reads its password from
    minted: List[Any] = field(default_factory=list)  # credentials holding a token a step of the job mints from
    # the OIDC token (publishers/minted.py): Trusted Publishing by hand, taken out of `env_creds`

    @property
    def path(self) -> YamlPath:
        return ("jobs", self.job_id, "steps", self.step_index)

    @property
    def script_path(self) -> YamlPath:
        return self.path + (("run",) if self.field == "run" else ("with", self.field))

    @property
    def script(self) -> str:
        holder = self.step if self.field == "run" else (self.step.get("with") or {})
        value = holder.get(self.field)
        return value if isinstance(value, str) else ""

    @property
    def cred_flags(self) -> List[FlagUse]:
        return [f for f in self.flags if f.kind in ("password", "user")]

    @property
    def uses_token(self) -> bool:
        if not self.uploader.trusted:
            return True  # it can only upload with some credential, wherever that comes from
        minted_flags = {m.name for m in self.minted if m.path is None}
        password_flags = [f for f in self.flags if f.kind == "password" and f"`{f.flag.value}`" not in minted_flags]
        password_env = self.uploader.credentials.password_env
        return bool(password_flags) or any(v in password_env for v, _ in self.env_creds) \
            or any(v in password_env for v, _ in self.prefix) or any(v in password_env for v, _, _ in self.exported) \
            or any(w.password for w in self.github_env) or self.pypirc is not None

    # the Publisher protocol (publishers/publisher.py)
    oidc_flag_stuck = False
    unresolved = None
    oidc_reader = None
    followed_texts = ()
    dead_inputs = ()

    @property
    def trusted_capable(self) -> bool:
        return self.uploader.trusted is not None

    @property
    def needs_linux(self) -> bool:
        return self.uploader.trusted is None  # converted to the (container) publish action

    @property
    def shares_env_with(self) -> Optional[tuple]:
        return (self.path, self.uploader.name)  # one `env:` serves every upload of this tool in the step

    def python_too_old(self, doc: Document) -> Optional[str]:
        """Why the job's Python cannot run a version of the tool with Trusted Publishing (pip would install
        an older one that uploads without credentials); None when it can, or when it is not known."""
        from codemods.follow.installs import isolated, python_below  # the installs module builds on this one

        tp = self.uploader.trusted
        python = python_below(self.uploader, doc.get(("jobs", self.job_id)) or {}, self.step_index + 1)
        if not python or isolated(self.command):
            return None
        shown = ".".join(map(str, tp.min_python))
        return (f"{python[1]} sets up Python {'.'.join(map(str, python[0]))}, too old for {self.uploader.name} "
                f"{'.'.join(map(str, tp.min_version or ()))} (Python {shown} or later)")

    def defers_to_project(self, root) -> bool:
        defers = self.uploader.detection.defers_to_project
        return defers is not None and defers(root)

    def ref_edit(self, doc: Document) -> None:
        return None

    def to_oidc(self, doc: Document, reusable: bool, converted: List[YamlPath]) -> StepChange:
        too_old = self.python_too_old(doc)
        if self.uploader.trusted and not too_old:
            change = to_oidc(doc, self, converted)
        else:
            from codemods.publishers.to_action import to_action  # it builds on this module

            change = to_action(doc, self, converted)
            self.handed_over = not change.blocked
            if too_old and self.handed_over:
                change.warnings.append(f"{step_in_job(self.label, self.job_id)}: {too_old}, so the upload moved to the "
                                       "publish action, which brings its own")
            elif too_old:  # the tool has Trusted Publishing, only not on this Python
                why = change.blocked.rsplit("(not done automatically: ", 1)
                why = why[1].rstrip(")") if len(why) == 2 else "the step is not a plain upload"
                change.blocked = (f"{step_in_job(self.label, self.job_id)}: {too_old}; the upload was not moved to the "
                                  f"publish action automatically ({why}): raise the job's Python, or make that move "
                                  "by hand")
        prefix = f"{step_in_job(self.label, self.job_id)} ({self.uploader.name})"
        change.changes = prefixed(prefix, change.changes)
        return change

    def to_token(self, doc: Document, secret: str) -> StepChange:
        return to_token(doc, self, secret)

    def token_warnings(self) -> List[str]:
        """`twine upload --attestations` sends PEP 740 attestations, which PyPI refuses with a token."""
        flag = next((w.value for w in self.command.words[self.args_from:] if w.value == "--attestations"), None)
        if flag is None:
            return []
        return [f"{step_in_job(self.label, self.job_id)}: with a token PyPI takes no PEP 740 attestations "
                f"{LOST_ATTESTATIONS}, and an upload with `{flag}` fails: remove the flag"]


def find(doc: Document) -> List[Upload]:
    """Every upload command of a registered tool in the workflow's `run:` scripts."""
    found = []
    for job_id, job in jobs(doc):
        for i, step in steps(job):
            script = step.get("run")
            if isinstance(script, str):
                found += uploads_in(doc, job_id, i, step, "run", script)
    return found


def uploads_in(doc: Document, job_id: str, i: int, step: Dict[str, Any], field_name: str,
               script: str) -> List[Upload]:
    """The uploads in one script of step `i`."""
    out = []
    chain = env_chain(doc, job_id, i)
    # the index may be named by a variable the script sets itself (`PYPI_REPO=testpypi`)
    seen = [(("script",), assignments(script))] + chain if "=" in script else chain
    for cmd in commands(script):
        hit = find_upload(cmd)
        if hit is None:
            continue
        uploader, at = hit
        flags = parse_flags(uploader, cmd.words[at:])
        assigned = [(m.group(1), w) for w in cmd.words[:strip_wrappers(cmd.words)] if (m := _ASSIGNED.match(w.value))]
        exported = _exported(uploader, script, cmd.words[0].start) if cmd.words else []
        local = {n: _ASSIGNED.match(w.value).group(2) for n, w in assigned}
        local.update({n: v for n, _, _, v in exported})
        targets, where, unknown = find_targets(uploader, flags, ([((), local)] if local else []) + seen,
                                               uploader.index.defined_in(script))
        given = set(local)  # a variable the script sets wins over the step's `env:`
        creds = [(n, p) for n, p in env_credentials(uploader, chain) if n not in given]
        written = env_writes(doc, job_id, i, uploader, given | {n for n, _ in creds})
        pypirc = pypirc_written(doc, job_id, i, script, cmd.start) if uploader.name == "twine" else None
        out.append(Upload(uploader, job_id, i, step, field_name, cmd, at, flags, targets, where, creds,
                          step_label(step, i), unknown,
                          prefix=[(n, w) for n, w in assigned if n in uploader.credentials.variables],
                          exported=[(n, s_, e) for n, s_, e, _ in exported], github_env=written, pypirc=pypirc,
                          refuse=f"it reads a .pypirc {pypirc}: {PYPIRC_REASON}" if pypirc else None))
    return out


def pypirc_written(doc: Document, job_id: str, i: int, script: str, before: int) -> Optional[str]:
    """Where the job writes a .pypirc before this twine upload (this script, or an earlier `run:` step):
    "written by step `X`"; twine reads its password there (Unstructured-IO/unstructured: Azure Artifacts)."""
    if pypirc_write(script, before) is not None:
        return "the step writes"
    job = doc.get(("jobs", job_id)) or {}
    for n, earlier in steps(job):
        if n < i and isinstance(earlier.get("run"), str) and pypirc_write(earlier["run"]) is not None:
            return f"written by {step_label(earlier, n)}"
    return None


_ASSIGNED = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", re.S)
_EXPORT = re.compile(r"(?m)^[ \t]*export[ \t]+([A-Za-z_][A-Za-z0-9_]*)=([^\n]*)$")


def _exported(uploader: Uploader, script: str, before: int) -> List[Tuple[str, int, int, str]]:
    """`export NAME=value` lines of the tool's credential variables before the command: (name, the
    line's span, the value as written)."""
    return [(m.group(1), m.start(), m.end(), m.group(2)) for m in _EXPORT.finditer(script, 0, before)
            if m.group(1) in uploader.credentials.variables]


def cut_flags(upload: Upload, which: List[FlagUse], change: StepChange, job: Optional[Dict[str, Any]] = None) -> bool:
    script = upload.script
    cuts = line_cuts(script, [(f.flag.start, f.end) for f in which])
    if cuts is None:
        change.blocked = (f"`{' '.join(f.flag.text for f in which)}` runs over a line continuation in {upload.label}; "
                          "remove it by hand")
        return False
    change.edits += [Replace(upload.script_path, s, e, "") for s, e in cuts]
    for f in which:
        change.remove_secrets(f.raw, job, step_in_job(upload.label, upload.job_id))
    return True


def _cut_assignments(doc: Document, upload: Upload, change: StepChange) -> bool:
    """Cut the command's credential assignments (`TWINE_PASSWORD="$PYPI_TOKEN" twine upload`) and the
    `export TWINE_PASSWORD=…` lines before it; the step's variables that only fed them go too."""
    script = upload.script
    cuts = line_cuts(script, [(w.start, w.end) for _, w in upload.prefix])
    if cuts is None:
        change.blocked = f"a credential assignment runs over a line continuation in {upload.label}; remove it by hand"
        return False
    change.edits += [Replace(upload.script_path, s_, e, "") for s_, e in cuts]
    for _, s_, e in upload.exported:
        change.edits.append(Replace(upload.script_path, *whole_line(script, s_, e), ""))
    raw = [w.text for _, w in upload.prefix] + [script[s_:e] for _, s_, e in upload.exported]
    for text in raw:
        change.remove_secrets(text, doc.get(("jobs", upload.job_id)), step_in_job(upload.label, upload.job_id))
    shown = [f"`{n}=`" for n, _ in upload.prefix] + [f"`export {n}=`" for n, _, _ in upload.exported]
    if shown:
        change.changes.append(f"removed {', '.join(shown)} from the script")
        cleanup_fed(doc, upload.job_id, upload.step_index, raw, [], change)
    return True


def line_cuts(script: str, pieces: List[Tuple[int, int]]) -> Optional[List[Tuple[int, int]]]:
    """The cuts that remove `pieces` of a script (flags, assignments): pieces only blanks separate as one,
    a line left blank taken whole, and where the lines taken end a command that a line continuation led
    into (`uv publish \⏎  --password X` as its last line), that continuation too: else the next line of
    the script would join the command. None: a piece runs over a continuation (then cut by hand)."""
    cuts = []
    for s_, e in join_pieces(script, pieces):
        span = cut_span(script, s_, e)
        if span is None:
            return None
        cuts.append(whole_line(script, *span))
    merged: List[List[int]] = []
    for s_, e in sorted(cuts):
        if merged and s_ <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s_, e])
    out = []
    for s_, e in merged:
        whole = (s_ == 0 or script[s_ - 1] == "\n") and e > s_ and script[e - 1] == "\n"
        before = script[:s_ - 1].rstrip(" \t") if s_ else ""
        if whole and before.endswith("\\") and not script[s_:e - 1].rstrip(" \t").endswith("\\"):
            start = len(before) - 1  # the `\` ending the kept line, and the blanks before it
            while start > 0 and script[start - 1] in " \t":
                start -= 1
            out.append((start, e - 1))  # keeps one line break
        else:
            out.append((s_, e))
    return out


def whole_line(script: str, start: int, end: int) -> Tuple[int, int]:
    """A cut that leaves its line blank takes the line (a multi-line `args: |` keeps no empty line)."""
    head = script.rfind("\n", 0, start) + 1
    tail = script.find("\n", end)
    tail = len(script) if tail < 0 else tail
    if script[head:start].strip(" \t") or script[end:tail].strip(" \t") or tail == len(script):
        return start, end
    return head, tail + 1


def cleanup_variables(doc: Document, upload: Upload, flags: List[FlagUse], edits: List[Edit],
                      change: StepChange) -> None:
    """Variables that only fed a removed flag (`-p "$PYPI_TOKEN"`) are removed where they are set."""
    cleanup_fed(doc, upload.job_id, upload.step_index, [f.raw for f in flags], edits, change)


def version_pin_edits(doc: Document, upload: Upload, change: StepChange) -> None:
    """Raise `tool==X` / `tool<X` pins in the job's scripts below the first Trusted Publishing version."""
    up = upload.uploader
    job = doc.get(("jobs", upload.job_id)) or {}
    for i, step in steps(job):
        script = step.get("run")
        for m, new in too_old_pins(up, script if isinstance(script, str) else ""):
            change.edits.append(Replace(("jobs", upload.job_id, "steps", i, "run"), m.start(), m.end(), new))
            minimum = ".".join(map(str, up.trusted.min_version))
            change.changes.append(f"raised the pin `{m.group(0)}` to `{new}` (Trusted Publishing needs "
                                f"{up.name} {minimum} or later)")


def to_oidc(doc: Document, upload: Upload, converted: List[YamlPath]) -> StepChange:
    change = StepChange()
    if upload.refuse:
        change.blocked = f"{step_in_job(upload.label, upload.job_id)}: {upload.refuse}"
        return change
    up = upload.uploader
    remove_env_vars(doc, upload.env_creds, converted, change)
    if change.blocked:
        return change
    remove_writes(doc, upload.job_id, upload.github_env, converted, change, upload.label)
    if change.blocked:
        return change
    flags = upload.cred_flags  # in a `run:` script or an action's `args` alike
    if not cut_flags(upload, flags, change, doc.get(("jobs", upload.job_id))) or not _cut_assignments(doc, upload, change):
        return change
    if flags:
        change.changes.append(f"removed {', '.join(f'`{f.flag.value}`' for f in flags)} from the command")
        cleanup_variables(doc, upload, flags, [], change)
    if up.oidc_flags and not any(w.value.startswith(up.oidc_flags[0]) for w in upload.command.words):
        word = upload.command.words[upload.args_from - 1]
        change.edits.append(Replace(upload.script_path, word.end, word.end, " " + " ".join(up.oidc_flags)))
        change.changes.append(f"added `{' '.join(up.oidc_flags)}` so that a misconfiguration fails loudly")
    version_pin_edits(doc, upload, change)
    for user in [lookup(env_chain(doc, upload.job_id, upload.step_index), n) for n in up.credentials.user_env] + \
            [f.text for f in upload.flags if f.kind == "user"]:
        if user is not None and str(user).strip() not in ("__token__", "") and not EXPRESSION.search(str(user)) \
                and "$" not in str(user):
            change.warnings.append(f"{step_in_job(upload.label, upload.job_id)} logged in as user `{user}`; PyPI no "
                                   "longer accepts passwords, so the user goes too")
    if up.note:
        change.warnings.append(up.note)
    if upload.advice:
        change.warnings.append(f"{step_in_job(upload.label, upload.job_id)}: {upload.advice}")
    return change


def to_token(doc: Document, upload: Upload, secret: str) -> StepChange:
    change = StepChange()
    if upload.refuse:
        change.blocked = f"{step_in_job(upload.label, upload.job_id)}: {upload.refuse}"
        return change
    up = upload.uploader
    env_path = upload.path + ("env",)
    env = doc.get(env_path)
    values = {name: value.format(secret="${{ secrets.%s }}" % secret) for name, value in up.credentials.token_env}
    if isinstance(env, dict):
        change.edits += [Set(env_path + (k,), v) for k, v in values.items() if env.get(k) != v]
    elif env is None and "env" not in upload.step:
        change.edits.append(Set(env_path, values, after=("run", "with", "uses", "name")))
    else:
        change.blocked = (f"{step_in_job(upload.label, upload.job_id)}: its `env:` is not a mapping; add "
                          f"{', '.join(values)} by hand")
        return change
    change.added_secrets.add(secret)
    change.changes.append(f"{step_in_job(upload.label, upload.job_id)}: set {', '.join(f'`{k}`' for k in values)} "
                        f"from the secret `{secret}`")
    return drop_oidc_flags(upload, change)


def drop_oidc_flags(upload: Upload, change: Optional[StepChange] = None) -> StepChange:
    """to-token: the upload command's Trusted Publishing flag (`--trusted-publishing always`) out, for this and
    every other upload of the tool in the step, whose token the first one's `env:` gives (tattle-made/feluda:
    two `uv publish` lines; the second kept its flag, and uv refuses a token beside `always`)."""
    change = StepChange() if change is None else change
    up = upload.uploader
    for span in oidc_flag_spans(up, upload.command, upload.script):
        if span is None:
            change.blocked = (f"{step_in_job(upload.label, upload.job_id)}: `{up.oidc_flags[0]}` and its value run over "
                              "a line continuation; remove them by hand (the job keeps `id-token: write` until then)")
            return change
        change.edits.append(Replace(upload.script_path, span[0], span[1], ""))
        change.changes.append(f"{step_in_job(upload.label, upload.job_id)}: removed "
                              f"`{' '.join(upload.script[span[0]:span[1]].split())}` from the {up.name} command")
    return change


def manual_replacement(upload: Upload) -> str:
    """The by-hand change for a tool without Trusted Publishing."""
    up = upload.uploader
    creds = ", ".join(sorted({n for n, _ in upload.env_creds} | {f.flag.value for f in upload.cred_flags}))
    if up.fallback.advice:
        how = up.instead
    else:
        how = f"`{up.tool} {upload.command.words[upload.args_from - 1].value}` has no Trusted Publishing: {up.instead}"
    return f"{step_in_job(upload.label, upload.job_id)}: {how}" + (f"; then remove {creds}" if creds else "")
