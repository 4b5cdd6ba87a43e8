"""Publish steps whose upload lives in a file of the repository (`tox -e release`, `make release`,
`./bin/publish`, `python release.py`), found by following the step's commands."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from codemods.engine.document import Document, YamlPath
from codemods.engine.edits import Insert, Replace, Set
from codemods.engine.reading import text_or_none
from codemods.errors import InputError
from codemods.follow.composite import composite_target, edit_composite
from codemods.follow.calls import in_repository, linked_outside, step_start, targets_in_script
from codemods.follow.files import FileChange, edit_target
from codemods.follow.passenv import OIDC_VARIABLES, token_uploader
from codemods.follow.run_by_hand import run_by_hand_warning
from codemods.follow.shell_text import OIDC_FLAG_STUCK, VARIABLE, HandOver, line_span
from codemods.indexes import PYPI, Index
from codemods.readers import reads
from codemods.permissions import job_has_id_token
from codemods.publishers.change import StepChange
from codemods.publishers.env_vars import env_chain, remove_env_vars
from codemods.publishers.run_step import pypirc_written
from codemods.publishers.opaque import CREDENTIAL_SECRET
from codemods.shell import commands, has_control_flow, without_value
from codemods.uploaders.command_line import stores_credential
from codemods.uploaders.tools.twine import PYPIRC_REASON
from codemods.workflow import (EXPRESSION, input_default, jobs, runs_for_pull_requests, secrets_in, step_label,
                               steps, triggers)
from codemods.notes import RUN_TIME_ENV, TOKEN_SET_BY_HAND, UNRESOLVED, Note, kind_of, prefixed, step_in_job


@dataclass
class IndirectPublish:
    job_id: str
    step_index: int
    step: Dict
    label: str
    changes: List[FileChange]
    env_vars: List[Tuple[str, YamlPath]]  # credentials the step passes down, with where they are set
    problems: List[str] = field(default_factory=list)
    # for an upload handed over to the action: the step's own commands that stored its credential
    # (`poetry config pypi-token.pypi $TOKEN` before `bash scripts/publish.sh`), as (start, end) in `run:`
    stored: List[Tuple[int, int]] = field(default_factory=list)
    root: Optional[Path] = None  # of the repository: where its documents say how to run the files by hand

    @property
    def hand_over(self) -> List[HandOver]:
        return [h for c in self.changes for h in c.hand_over]

    @property
    def path(self) -> YamlPath:
        return ("jobs", self.job_id, "steps", self.step_index)

    @property
    def targets(self) -> Tuple[Index, ...]:
        if self.index_unknown:
            return ()  # PyPI, TestPyPI or another: known at run time only
        handed = tuple(dict.fromkeys(t for h in self.hand_over for t in h.targets))
        named = tuple(sorted({t for c in self.changes for t in c.targets}, key=lambda i: i != PYPI))
        return handed or named or (PYPI,)  # what the files name (`--repository testpypi`), else PyPI

    @property
    def run_time_index(self) -> List[str]:
        """Its uploads whose index is chosen at run time (`--repository $PYPI_REPO`), with file and line."""
        return [f"{i.rsplit(', ', 1)[0]} ({c.label}, {i.rsplit(', ', 1)[1]})"
                for c in self.changes for i in c.run_time_index]

    @property
    def index_unknown(self) -> bool:
        return bool(self.run_time_index)

    @property
    def uses_token(self) -> bool:
        # a manual change also counts: the report must say what to do with it
        return bool(self.env_vars) or any(c.cuts for c in self.changes) or bool(self.manual)

    @property
    def manual(self) -> List[str]:
        return [f"{c.label}: {m}" for c in self.changes for m in c.manual] + self.problems

    # the Publisher protocol (publishers/publisher.py)
    shares_env_with = None
    dead_inputs = ()
    minted = ()

    @property
    def needs_linux(self) -> bool:
        return bool(self.hand_over)  # then the (container) publish action uploads; else the file does

    @property
    def trusted_capable(self) -> bool:
        return not self.manual

    @property
    def where(self) -> str:
        if self.index_unknown:  # what names the index, for "uploads to an index given by …"
            return self.run_time_index[0]
        return ", ".join(f"`{c.label}`" for c in self.changes) or "the files it runs"

    @property
    def unresolved(self) -> Optional[str]:
        """Why a command of the files it runs may upload but cannot be read (`$(UV) publish` with UV
        computed by make): then pubmode cannot tell whether it uses a token, or where it uploads."""
        return next((f"{c.label}: {m}" for c in self.changes for m in c.manual
                     if kind_of(m) == UNRESOLVED), None)

    @property
    def oidc_flag_stuck(self) -> bool:
        return any(kind_of(m) == OIDC_FLAG_STUCK for c in self.changes for m in c.manual)

    @property
    def oidc_reader(self) -> Optional[str]:
        """A file it runs that reads the OIDC token variables itself (`assert "ACTIONS_ID_TOKEN_REQUEST_TOKEN"
        in os.environ`): it needs the job's `id-token: write` whatever credentials the upload gets."""
        for c in self.changes:
            for name in sorted(OIDC_VARIABLES):  # the token's name first
                at = reads(c.old_text, name)
                m = re.search(rf"[\"']{name}[\"']\s+(?:not\s+)?in\s+(?:os\.)?environ\b", c.old_text)
                at = min(x for x in (at, m.start() if m else None) if x is not None) if at is not None or m else None
                if at is not None:
                    return f"{c.label} (line {c.old_text.count(chr(10), 0, at) + 1} reads `{name}`)"
        return None

    @property
    def followed_texts(self) -> List[str]:
        return [c.old_text for c in self.changes]

    def defers_to_project(self, root) -> bool:
        return False

    def ref_edit(self, doc: Document) -> None:
        return None

    def to_oidc(self, doc: Document, reusable: bool, converted) -> StepChange:
        return indirect_to_oidc(doc, self, converted)

    def to_token(self, doc: Document, secret: str) -> StepChange:
        return indirect_to_token(doc, self, secret)

    def token_warnings(self) -> List[str]:
        return []


def find_indirect(doc: Document, root: Path, to_oidc: bool, rewrite: bool = True,
                  siblings: bool = True) -> List[IndirectPublish]:
    """The steps whose upload lives in a file they run. `rewrite=False` reports without rewriting a
    Python script (the doctor): each file is then read as it is on disk, never on top of an edit."""
    found = []
    current: Dict[Path, str] = {}  # a file followed twice is edited on top of its first edit
    for job_id, job in jobs(doc):
        for i, step in steps(job):
            script = step.get("run")
            composite = composite_target(step, root) if not isinstance(script, str) else None
            if not isinstance(script, str) and composite is None:
                continue
            wd, checkouts = step_start(job, step)
            changes, problems = [], []
            chain = env_chain(doc, job_id, i)
            if composite is not None:  # a local composite action: its steps run in this job
                text = current.get(composite.path) or text_or_none(composite.path)
                script = ""
                if text is None:
                    problems.append(f"{composite.name}: cannot be read as UTF-8 text; check its upload by hand")
                else:
                    found_in = edit_composite(composite, text, to_oidc, root, chain, current if rewrite else {})
                    for c in found_in:
                        if rewrite:
                            current[c.target.path] = c.new_text
                    changes += found_in
            if wd is not None and EXPRESSION.search(wd):  # a folder given at run time: an input's default
                default = input_default(doc, wd)
                if default is None:
                    given = [(n, path + (n,)) for path, env in chain for n, v in env.items()
                             if any(CREDENTIAL_SECRET.search(s) for s in secrets_in(v))]
                    if given:
                        found.append(IndirectPublish(job_id, i, step, step_label(step, i), [], given, [
                            f"runs in `{wd}`, a folder known only at run time, with an upload credential: the files "
                            "it runs there are not followed; check its upload by hand"], []))
                    continue
                wd = in_repository(default, checkouts)
            for target in targets_in_script(script, root, wd, checkouts) if composite is None else ():
                text = current.get(target.path) or text_or_none(target.path)
                if text is None:
                    problems.append(f"{target.path.name}: cannot be read as UTF-8 text; check its upload by hand")
                    continue
                change = edit_target(target, text, to_oidc, rewrite=rewrite, chain=chain)
                if rewrite:
                    current[target.path] = change.new_text
                if change.uploads or change.manual:
                    changes.append(change)
            if any(CREDENTIAL_SECRET.search(s) for _, env in chain for s in secrets_in(env)):
                # an upload credential handed to a file pubmode may not read
                problems += [f"{p.name} is a link to a file outside the repository; not followed: check its upload "
                             "by hand" for p in linked_outside(script, root, wd)]
            if not any(secrets_in(env) for _, env in chain):  # a test step running `tox -e ${{ matrix.env }}`
                changes = [c for c in changes if c.uploads or any(kind_of(m) != RUN_TIME_ENV for m in c.manual)]
            if changes:
                problems += _set_in_script(script)
                problems += _pypirc_for(doc, job_id, i, script, changes)
            if not changes and not problems:
                continue
            stored, step_freed, step_after = _handed_over(script, root, (wd, checkouts), changes, current)
            implicit = set().union(*(c.credential_env for c in changes)) if changes else set()
            freed = (set().union(*(c.freed for c in changes)) if changes else set()) | step_freed
            still = "\n".join([c.new_text for c in changes] + [step_after])
            env_vars = [(n, p + (n,)) for p, env in chain for n in env
                        if n in implicit or (n in freed and not re.search(rf"\b{re.escape(n)}\b", still))]
            if to_oidc:
                problems += _still_read(chain, freed - implicit, changes) + _passed_as_argument(script, changes)
            found.append(IndirectPublish(job_id, i, step, step_label(step, i), changes, env_vars, problems, stored,
                                         root))
    can = [(item, _logs_in(doc, item)) for item in found]
    able = {c.target.path for item, logs_in in can if logs_in for c in item.changes}
    kept = [(item, logs_in) for item, logs_in in can if logs_in or not _runs_elsewhere(doc, item, able)]
    if siblings and not all(logs_in for _, logs_in in kept):  # the repository's other workflows: a release
        able = _run_by_jobs_that_log_in(root, doc)  # workflow that runs the same files
        kept = [(item, logs_in) for item, logs_in in kept if logs_in or not _files(item) <= able]
    return [item for item, _ in kept]


def _set_in_script(script: str) -> List[str]:
    """The step's script sets an uploader's password variable itself (`export TWINE_PASSWORD="${{ secrets.X }}"`,
    in `if` branches that pick the index, dateutil/dateutil) for the files it runs: pubmode does not cut such
    lines, so the upload keeps its token; said, and changed by hand."""
    from codemods.uploaders import registry

    names = sorted({n for up in registry.all_uploaders() for n in up.credentials.password_env})
    found = re.search(r"(?m)^[ \t]*(?:export[ \t]+)?(%s)=" % "|".join(map(re.escape, names)), script)
    if found is None:
        return []
    line = script.count("\n", 0, found.start()) + 1
    return [Note(f"its script sets `{found.group(1)}` itself (line {line} of the script) for the files it runs; remove "
                 "that by hand (or give the secret in the step's `env:`), then run again", kind=TOKEN_SET_BY_HAND)]


def _pypirc_for(doc: Document, job_id: str, i: int, script: str, changes: List[FileChange]) -> List[str]:
    """The job writes a .pypirc (with the token, as bybatkhuu's templates do: `echo -e "[pypi]…password =
    ${{ secrets.X }}" > ~/.pypirc`, then `./scripts/build.sh -c -u -p`) that twine in a file it runs reads:
    the upload keeps its token; said, and changed by hand."""
    twine = [c for c in changes if "twine" in c.tools]
    where = pypirc_written(doc, job_id, i, script, len(script)) if twine else None
    if where is None:
        return []
    return [Note(f"twine in {twine[0].target.path.name} reads a .pypirc {where}: {PYPIRC_REASON}",
                 kind=TOKEN_SET_BY_HAND)]


def _files(item: IndirectPublish) -> set:
    return {c.target.path for c in item.changes}


def _run_by_jobs_that_log_in(root: Path, doc: Document) -> set:
    """The files that jobs able to log in run, in the repository's other workflows (hypothesis publishes
    from release.yml with `./build.sh publish`; update-deps.yml runs `./build.sh upgrade-requirements`)."""
    folder = root / ".github" / "workflows"
    able: set = set()
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else ():
        text = text_or_none(path)
        if not text or text == doc.text:
            continue
        try:
            other = Document(text, path)
        except InputError:
            continue
        able |= {c.target.path for item in find_indirect(other, root, True, rewrite=False, siblings=False)
                 if _logs_in(other, item) for c in item.changes}
    return able


def token_lines(text: str, path: Path, root: Path) -> Dict[Path, set]:
    """The files a workflow's jobs upload from with a token (they can log in), each with the lines to-oidc
    would edit in it: a run that edits those lines for another workflow, and not this one, breaks this
    one's upload."""
    try:
        doc = Document(text, path)
    except InputError:
        return {}
    out: Dict[Path, set] = {}
    for item in find_indirect(doc, root, True, rewrite=False, siblings=False):
        if _logs_in(doc, item):
            for c in item.changes:
                out.setdefault(c.target.path, set()).update(changed_lines(c.old_text, c.new_text))
    return {p: lines for p, lines in out.items() if lines}


def changed_lines(old: str, new: str) -> set:
    """The numbers of the lines of `old` an edit to `new` replaces or removes (and the line an insertion
    follows)."""
    import difflib

    out: set = set()
    matcher = difflib.SequenceMatcher(None, old.splitlines(), new.splitlines(), autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag != "equal":
            out.update(range(i1 + 1, i2 + 1) if i2 > i1 else {i1})
    return out


def _logs_in(doc: Document, item: IndirectPublish) -> bool:
    """The upload has a way to log in from this job: a credential reaches it (or is cut, or the change is
    by hand), it can get an OIDC token, or a secret other than GitHub's own token reaches the job's shell
    (the workflow's or the job's `env:`, a `run:` step's script or `env:`: it may be written to a file or
    to $GITHUB_ENV; a secret given to an action's `with:`, as create-pull-request's token, does not)."""
    job = doc.get(("jobs", item.job_id)) or {}
    reach = [doc.get(("env",)), job.get("env")] + [[s.get("env"), s.get("run")] for _, s in steps(job) if "run" in s]
    return bool(item.env_vars or item.problems or any(c.cuts or c.manual for c in item.changes)
                or job_has_id_token(doc, item.job_id) or secrets_in(reach) - {"GITHUB_TOKEN"})


def _runs_elsewhere(doc: Document, item: IndirectPublish, able: set) -> bool:
    """An upload that cannot log in from its job is not this job's when a job that can log in runs the
    same files, or when pull requests run the job (no `if:` of the step, the job or a job it needs keeps
    them out: a publish job cannot run for them, fork pull requests get no token). A file that runs many tasks (hypothesis's `./build.sh
    $TASK` reaches its release task's twine) does not upload from its test jobs: calling them tokenless
    publishes granted them `id-token: write`. A lone release job whose upload cannot log in is kept (it
    is told, and gets `id-token: write`)."""
    all_jobs = doc.get(("jobs",))
    for_pull_requests = runs_for_pull_requests(triggers(doc), all_jobs if isinstance(all_jobs, dict) else {},
                                                item.job_id, item.step)
    return for_pull_requests or _files(item) <= able


def _handed_over(script: str, root: Path, start: Tuple[Optional[str], Tuple[str, ...]], changes: List[FileChange],
                 current: Dict[Path, str]) -> Tuple[List[Tuple[int, int]], set, str]:
    """For a script whose upload goes to an action step after this one: the step must end with running
    that script (what would run after the upload would now run before it), and the step's own commands
    that store the tool's credential go too. Returns their spans, the variables they read and the step's
    script without them; a script that cannot be handed over becomes a change by hand."""
    handed = [c for c in changes if c.hand_over]
    if not handed:
        return [], set(), script
    ups = {h.uploader.name: h.uploader for c in handed for h in c.hand_over}
    cmds = list(commands(script))
    stored = [c for c in cmds if any(stores_credential(up, c) for up in ups.values())]
    rest = [c for c in cmds if c not in stored]
    last_line = script.count("\n", 0, rest[-1].start) + 1 if rest else 0
    last = {t.path for t in targets_in_script(script, root, *start) if t.line == last_line}
    why = None
    if len(handed) > 1 or len(ups) > 1:
        why = "the step runs more than one such upload"
    elif has_control_flow(script):
        why = "the step runs it inside shell control flow"
    elif handed[0].target.path not in last:
        why = "the step runs other commands after it"
    if why:
        for c in handed:
            c.manual += [f"line {h.line}: `{h.uploader.tool}` has no Trusted Publishing; build with "
                         f"`{h.uploader.fallback.build_command}` and upload `dist/` with pypa/gh-action-pypi-publish "
                         f"in the workflow (not done automatically: {why})" for h in c.hand_over]
            c.hand_over = []
            current[c.target.path] = c.old_text
        return [], set(), script
    spans = [line_span(script, c) for c in stored]
    after = "".join(script[a:b] for a, b in zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(script)]))
    freed = set().union(*(set(VARIABLE.findall(script[c.start:c.end])) for c in stored)) if stored else set()
    return spans, freed, after


def _still_read(chain, freed, changes: List[FileChange]) -> List[str]:
    """A secret the step passes that fed a removed option but is still read by the edited file
    (`token = os.environ["PYPI_TOKEN"]` left behind): the workflow would keep passing it to a job
    said to publish without a token. Such a file is left alone, with the reason."""
    out = []
    for change in changes:
        for name in sorted(freed & change.freed):
            passed = any(name in env and secrets_in(env[name]) for _, env in chain)
            read = re.search(rf"\b{re.escape(name)}\b", change.new_text) if passed else None
            if read:
                line = change.new_text.count("\n", 0, read.start()) + 1
                out.append(Note(f"{change.label}: still reads `{name}` (line {line}) after its credential options "
                                "were removed; remove that read too (then the workflow's variable can go)",
                                kind=TOKEN_SET_BY_HAND))  # the uploader has Trusted Publishing: a change by hand
    return out


def _passed_as_argument(script: str, changes: List[FileChange]) -> List[str]:
    """A secret the step passes on the command line of a script whose removed credential option read its
    arguments (Simon-Bertrand/KerPy: `./scripts/publish.sh ${{ secrets.PYPI_PASS }}`, then `-p $1`): the
    call would go on handing the secret over for nothing, and which argument to drop is the user's call."""
    lines = script.splitlines()
    out = []
    for change in changes:
        line = lines[change.target.line - 1] if change.freed_arguments and 0 < change.target.line <= len(lines) else ""
        named = sorted(secrets_in(line) - {"GITHUB_TOKEN"})
        if named:
            out.append(Note(f"{change.label}: its credential option reads an argument of its call, which passes "
                            f"`secrets.{named[0]}` (line {change.target.line} of the step's script): drop that "
                            "argument from the call, then run again",
                            kind=TOKEN_SET_BY_HAND))
    return out


def _by_hand(item: IndirectPublish, where: str) -> StepChange:
    """A change blocked when the files the step runs hold an upload to change by hand; else empty."""
    change = StepChange()
    if item.manual:
        change.blocked = f"{where} runs an upload to change by hand: " + "; ".join(item.manual)
    return change


def indirect_to_oidc(doc: Document, item: IndirectPublish, converted) -> StepChange:
    where = step_in_job(item.label, item.job_id)
    change = _by_hand(item, where)
    if change.blocked:
        return change
    remove_env_vars(doc, item.env_vars, converted, change)
    if change.blocked:
        return change
    change.changes = prefixed(where, change.changes)
    for c in item.changes:
        if c.new_text != c.old_text:
            change.companions.append(c)
        change.changes += [f"{c.label}: {n}" for n in c.notes]
    _add_action_step(doc, item, change)
    if not change.edits and not change.companions:
        change.changes.append(f"{where}: its upload ({', '.join(c.label for c in item.changes)}) "
                            "already passes no credentials")
    return change


def _add_action_step(doc: Document, item: IndirectPublish, change: StepChange) -> None:
    """The upload a followed script no longer makes: a pypa/gh-action-pypi-publish step after the step."""
    from codemods.engine.edits import plain
    from codemods.publishers.to_action import action_inputs, action_ref, action_step, working_directory

    for h in item.hand_over:
        inputs = action_inputs(h.targets, working_directory(doc, item.job_id, item.step_index), h.dist,
                               h.skip_existing)
        uses = action_ref(doc, change)
        change.edits.append(Insert(("jobs", item.job_id, "steps"), item.step_index + 1,
                                   action_step(h.targets, inputs, item.step, uses,
                                               doc.get(("jobs", item.job_id)))))
        change.changes.append(f"{step_in_job(item.label, item.job_id)}: added a `{plain(uses)}` step after it, which "
                            f"uploads what the script builds ({h.uploader.name} has no Trusted Publishing)")
    for c in item.changes:
        if c.hand_over and item.root is not None:
            change.warnings.append(run_by_hand_warning(item.root, c.target, c.label, c.new_text))
    script = item.step.get("run") or ""
    for start, end in reversed(item.stored):
        change.edits.append(Replace(item.path + ("run",), start, end, ""))
        change.remove_secrets(script[start:end], doc.get(("jobs", item.job_id)), step_in_job(item.label, item.job_id))
        change.changes.append(f"{step_in_job(item.label, item.job_id)}: removed `{without_value(script[start:end])}`: the "
                            "upload no longer uses the credential it stores")


def indirect_to_token(doc: Document, item: IndirectPublish, secret: str) -> StepChange:
    where = step_in_job(item.label, item.job_id)
    change = _by_hand(item, where)
    if change.blocked:
        return change
    reads = set().union(*(c.credential_env for c in item.changes)) if item.changes else set()
    up = token_uploader(reads)
    values = {k: v.format(secret="${{ secrets.%s }}" % secret) for k, v in up.credentials.token_env} if up else {}
    if not values:
        change.blocked = f"{where}: cannot tell which variables its upload reads; pass the token by hand"
        return change
    env_path = item.path + ("env",)
    env = doc.get(env_path)
    if isinstance(env, dict):
        change.edits += [Set(env_path + (k,), v) for k, v in values.items() if env.get(k) != v]
    elif env is None and "env" not in item.step:
        change.edits.append(Set(env_path, values, after=("run", "name")))
    else:
        change.blocked = f"{where}: its `env:` is not a mapping; add {', '.join(values)} by hand"
        return change
    change.added_secrets.add(secret)
    change.changes.append(f"{where}: set {', '.join(f'`{k}`' for k in values)} from the secret `{secret}`")
    for c in item.changes:
        if c.new_text != c.old_text:
            change.companions.append(c)
            change.changes += [f"{c.label}: {n}" for n in c.notes]
    return change
