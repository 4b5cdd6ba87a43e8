"""pypa/gh-action-pypi-publish: token inputs out for Trusted Publishing, and back.

The action uses Trusted Publishing exactly when `user` is `__token__` (its default) and `password`
is empty (twine-upload.sh), so to-oidc removes the password and a `__token__` user, and to-token
adds a password from a secret. `@master` has no OIDC code and `@v1` does not exist.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Tuple

from codemods.engine.document import Document, YamlPath
from codemods.engine.edits import Commented, Remove, Set
from codemods.publishers.change import StepChange
from codemods.publishers.env_vars import cleanup_fed, remove_env_vars
from codemods.indexes import Index, classify_url, indexes_behind, other_host
from codemods.workflow import (EXPRESSION, closes_at_end, condition_text, jobs, run_time_env_note, secrets_in, step_label, steps,
                               top_level, uses_action)
from codemods.notes import step_in_job
from codemods.permissions import LOST_ATTESTATIONS, job_has_id_token

ACTION = "pypa/gh-action-pypi-publish"
# The action's inputs (action.yml of v1.14, commit 52d1526c; the older releases have fewer, none other):
# GitHub passes any other `with:` key to no one, warning "Unexpected input(s) 'x', valid inputs are [...]".
INPUTS = ("user", "password", "repository-url", "repository_url", "packages-dir", "packages_dir", "verify-metadata",
          "verify_metadata", "skip-existing", "skip_existing", "verbose", "print-hash", "print_hash", "attestations")
CANONICAL_INPUTS = tuple(i for i in INPUTS if "_" not in i)
PASSWORD_INPUTS = ("password",)  # `pypi_password` was only ever the README's secret name, never an input
USER_INPUTS = ("user", "username")
URL_INPUTS = ("repository-url", "repository_url")
TOKEN_USER = "__token__"
TRUSTED_SINCE = (1, 8, 0)  # oidc-exchange.py came with v1.8.0
ATTESTATIONS_SINCE = (1, 10, 0)  # the `attestations` input, off by default
ATTESTATIONS_ON_SINCE = (1, 11, 0)  # on by default
# refs with no Trusted Publishing support -> where to move them (never a SHA: we do not invent pins)
REF_MOVES = {"master": "release/v1", "v1": "release/v1"}
RECOMMENDED_REF = "release/v1"


@dataclass
class PublishStep:
    job_id: str
    step_index: int
    step: Dict[str, Any]
    targets: Tuple[Index, ...]  # PyPI and/or TestPyPI; empty: another index, or one we cannot tell
    url: Optional[str]
    ref: str
    uses_token: bool
    # the release a same-line comment names beside a commit pin (`@f7600683…  # v1.10.3`), else ""
    commented_release: str = ""

    @property
    def index_unknown(self) -> bool:
        """The upload URL is an expression whose values the workflow does not show."""
        return not self.targets and self.url is not None and EXPRESSION.search(self.url) is not None and \
            not other_host(self.url)

    @property
    def path(self) -> YamlPath:
        return ("jobs", self.job_id, "steps", self.step_index)

    @property
    def inputs(self) -> Dict[str, Any]:
        w = self.step.get("with")
        return w if isinstance(w, dict) else {}

    @property
    def label(self) -> str:
        return step_label(self.step, self.step_index)

    @property
    def dead_inputs(self) -> List[Any]:
        """The `with:` keys that are not inputs of the action and carry a secret: the action never reads them."""
        return dead_inputs(self.inputs)

    # the Publisher protocol (publishers/publisher.py)
    trusted_capable = True
    needs_linux = True  # a container action
    oidc_flag_stuck = False
    unresolved = None
    oidc_reader = None
    shares_env_with = None
    followed_texts = ()
    minted = ()  # a `password:` holding a token a step of the job mints from the OIDC token (minted.py)

    @property
    def where(self) -> str:
        return f"`{self.url}`"

    def defers_to_project(self, root) -> bool:
        return False

    def ref_edit(self, doc: Document) -> Optional[Set]:
        return ref_edit(doc, self)

    def to_oidc(self, doc: Document, reusable: bool, converted) -> StepChange:
        return to_oidc(doc, self, reusable=reusable, second_call=attests_beside_another(doc, self, converted))

    def to_token(self, doc: Document, secret: str) -> StepChange:
        return to_token(doc, self, secret)

    def token_warnings(self) -> List[str]:
        """PEP 740 attestations exist only with Trusted Publishing: with a password the action skips them."""
        ref = self.ref if ref_version(self.ref) is not None or not self.commented_release else \
            "v" + self.commented_release.lstrip("v")  # a commit pin: the release its comment names
        if not attests(self.inputs, ref, with_password=False):  # it made none before either
            return []
        return [f"{step_in_job(self.label, self.job_id)}: with a token the action uploads no PEP 740 attestations "
                + LOST_ATTESTATIONS]


def _filled(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def input_keys(inputs: Dict[str, Any], names: Tuple[str, ...]) -> List[Any]:
    """The keys of `with:` that are one of `names`: GitHub compares input names case-insensitively,
    so `Password:` is the password."""
    return [k for k in inputs if str(k).lower() in names]


def attests(inputs: Dict[str, Any], ref: str, with_password: Optional[bool] = None) -> bool:
    """The step makes PEP 740 attestations: only with Trusted Publishing (no password: `with_password`, else
    read from `inputs`), with `attestations` not false, at a release that has them (on by default since
    v1.11.0, asked for with `attestations: true` in v1.10)."""
    password = with_password if with_password is not None else \
        any(_filled(inputs[k]) for k in input_keys(inputs, PASSWORD_INPUTS))
    if password:
        return False
    asked = next((str(inputs[k]).strip().lower() for k in input_keys(inputs, ("attestations",))), "")
    if asked == "false":
        return False
    version = ref_version(ref)
    return version is None or version >= ATTESTATIONS_ON_SINCE or (version >= ATTESTATIONS_SINCE and asked == "true")


def ref_version(ref: str) -> Optional[Tuple[int, ...]]:
    """The release a ref names (`v1.12.4`, `v1.9`, the branch `release/v1.8` at its newest); `master`, the frozen
    branch, as (1, 4); None for a ref that moves with the newest release (`release/v1`, `unstable/v1`) or a SHA,
    whose release the workflow does not say."""
    ref = ref.strip()
    if ref == "master":
        return (1, 4)
    if re.fullmatch(r"[0-9a-fA-F]{40}", ref):  # a commit: known only if it is one without Trusted Publishing
        release = pinned_release(ref)
        return release and ref_version(release.lstrip("=+"))
    m = re.fullmatch(r"(?:release/)?v(\d+)\.(\d+)(?:\.(\d+))?", ref)
    if m is None:
        return None
    patch = m.group(3) if m.group(3) is not None else ("999" if ref.startswith("release/") else "0")
    return int(m.group(1)), int(m.group(2)), int(patch)


def pinned_release(ref: str) -> Optional[str]:
    """For a full commit SHA from before v1.8.0, its release: "=v1.4.2" (that release's commit) or "+v1.5.1" (a
    later commit of the branch); None for any other ref."""
    if not re.fullmatch(r"[0-9a-fA-F]{40}", ref.strip()):
        return None
    from codemods.publishers.action_history import PRE_OIDC

    return PRE_OIDC.get(ref.strip().lower())


def pin_without_trusted_publishing(ref: str) -> Optional[str]:
    """What a commit pin without Trusted Publishing is, in words ("`27b31702a0e7…`, v1.4.2's commit"); None when
    the ref is no such commit."""
    release = pinned_release(ref)
    if release is None:
        return None
    what = f"{release[1:]}'s commit" if release.startswith("=") else f"a commit after {release[1:]}"
    return f"`{ref.strip()[:12]}…`, {what}"


def moved_pin_advice(ref: str) -> str:
    """What the report adds when a commit pin is moved to `@release/v1`: pubmode writes no SHA it has not seen."""
    return (f"; to keep the step pinned by commit, pin the full SHA of a current release by hand (`git ls-remote "
            f"https://github.com/{ACTION} 'refs/tags/v1.*'`)" if pinned_release(ref) else "")


def has_trusted_publishing(ref: str) -> bool:
    version = ref_version(ref)
    return version is None or version >= TRUSTED_SINCE


def unknown_inputs(inputs: Dict[str, Any]) -> List[Any]:
    """The `with:` keys the action does not have (GitHub compares names case-insensitively); `username`
    has a finding of its own (`username-input`) and goes with the user in to-oidc."""
    return [k for k in inputs if str(k).lower() not in INPUTS and str(k).lower() != "username"]


def dead_inputs(inputs: Dict[str, Any]) -> List[Any]:
    """The unknown inputs that carry a secret (`pypi-token: ${{ secrets.PYPI_API_TOKEN }}`): the author meant
    a token, the action never reads it."""
    return [k for k in unknown_inputs(inputs) if secrets_in(inputs[k])]


def dead_input_why(key: Any, value: Any, password: bool, id_token: bool, ref: str = "") -> str:
    """What a secret in an input the action does not have does ("`pypi-token` is …"), said the same by the doctor
    and by migrate."""
    secrets = ", ".join(f"`secrets.{n}`" for n in sorted(secrets_in(value))) or "its value"
    head = (f"not an input of {ACTION} (GitHub warns \"Unexpected input(s) '{key}'\"): the action never reads "
            f"{secrets}")
    if password:
        return head + ", and the step uploads with its `password:`"
    if not has_trusted_publishing(ref):
        return head + f", so the upload has no credential (`@{ref.strip()}` has no Trusted Publishing to fall back on)"
    if id_token:
        return head + ", so with no `password:` it publishes with Trusted Publishing (the job has `id-token: write`)"
    return head + (", so the upload has no credential: with no `password:` the action tries Trusted Publishing, and "
                   "the job has no `id-token: write`")


def attested_twice(job: Dict[str, Any], step_indexes: List[int], tokens_removed: Iterable[int] = (),
                   attestations_off: Iterable[int] = ()) -> bool:
    """Two of these action steps upload the same folder with attestations, in one run: the second finds the
    first one's `.publish.attestation` files and fails ("already has a publish attestation"). Only a call that
    attests counts (Trusted Publishing, `attestations` not false, a release that makes them: `attests`); the
    steps of `tokens_removed` are read without their password and those of `attestations_off` with
    `attestations: false` (as to-oidc leaves them). Calls over different `packages-dir` folders (a monorepo's
    packages) attest different files; steps under `if: github.event_name == '…'` for different events
    (falconry/falcon), or whose conditions are one the negation of the other (`contains(github.ref_name,
    '-rc')` and `!contains(github.ref_name, '-rc')`, apache/paimon), never run together; and a step between
    them that deletes the folder's `*.publish.attestation` files (monocle2ai/monocle) leaves none to fail on."""
    all_steps = job.get("steps") if isinstance(job.get("steps"), list) else []
    removed, off = set(tokens_removed), set(attestations_off)
    calls = []
    for i in step_indexes:
        step = all_steps[i] if i < len(all_steps) and isinstance(all_steps[i], dict) else {}
        inputs = step.get("with") if isinstance(step.get("with"), dict) else {}
        if i in off or not attests(inputs, uses_action(step, ACTION) or "", False if i in removed else None):
            continue
        folder = next((str(inputs[k]) for k in input_keys(inputs, ("packages-dir", "packages_dir"))
                       if _filled(inputs[k])), "dist")
        calls.append((re.sub(r"^(\./)+", "", folder.strip()).rstrip("/") or "dist", step.get("if"), i))
    return any(a[0] == b[0] and not _never_together(a[1], b[1])
               and not _attestations_deleted(all_steps[min(a[2], b[2]) + 1:max(a[2], b[2])], a[0])
               for n, a in enumerate(calls) for b in calls[n + 1:])


def always_one_of(a: Any, b: Any) -> bool:
    """Two `if:`s of which one is the other's negation (as whole conditions): every run takes one of them."""
    x, y = condition_text(a), condition_text(b)
    return bool(x and y) and (negates(x, y) or negates(y, x))


def implies(a: Any, b: Any) -> bool:
    """Every run that passes the `if:` `a` passes `b` too, read syntactically: each top-level `&&` operand of
    `b` (or `b` whole) is `a` or one of `a`'s top-level `&&` operands, outer parentheses aside. A job's
    `startsWith(github.ref, 'refs/tags/') || github.event_name == 'workflow_dispatch'` does not imply its
    upload step's `startsWith(github.ref, 'refs/tags/')` (huggingface/tokenizers)."""
    x, y = condition_text(a), condition_text(b)
    if not (x and y):
        return False
    x, y = _unwrapped(x), _unwrapped(y)
    held = {_unwrapped(p) for p in _operands(x)}
    return all(_unwrapped(q) in held for q in (_operands(y)[1:] or [y]))


def _unwrapped(text: str) -> str:
    while text.startswith("(") and closes_at_end(text):
        text = text[1:-1]
    return text


def _never_together(a: Any, b: Any) -> bool:
    """Two `if:`s that cannot both hold, read syntactically (no expression engine): an operand of one (a whole
    condition, or one of its top-level `&&` operands) is the negation of an operand of the other, or both
    compare the same thing with `==` to different strings (`github.event_name == 'release'` and `== 'push'`,
    `inputs.pypi_repo == 'testpypi'` and `== 'pypi'`; GitHub compares strings case-insensitively)."""
    x, y = condition_text(a), condition_text(b)
    if not (x and y):
        return False
    for p in _operands(x):
        for q in _operands(y):
            if negates(p, q) or negates(q, p):
                return True
            e, f = _equals(p), _equals(q)
            if e and f and e[0] == f[0] and e[1] != f[1]:
                return True
    return False


def _operands(text: str) -> List[str]:
    """The condition and, when it is a conjunction, each of its top-level `&&` operands."""
    return [text] + (top_level(text, "&&") if len(top_level(text, "||")) == 1 else [])


def _equals(operand: str) -> Optional[Tuple[str, str]]:
    """(what, the string it must equal, lower-cased) for `what == 'x'` or `'x' == what`."""
    m = re.fullmatch(r"([A-Za-z_][\w.\-\[\]'*]*)==('[^']*')|('[^']*')==([A-Za-z_][\w.\-\[\]'*]*)", operand)
    if not m:
        return None
    what, literal = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    return what.lower(), literal.lower()


def negates(x: str, y: str) -> bool:
    """`x` is `!(y)`, or `!y` for a `y` that is one operand (a property or a function call), or the same
    comparison with `!=` for `==` (`inputs.target != 'test'` and `inputs.target == 'test'`, tobgu/pyrsistent)."""
    if x == f"!({y})" or (x == "!" + y and _operand(y)):
        return True
    return "!=" in x and x.count("!=") == 1 and "==" not in x.replace("!=", "") and x.replace("!=", "==") == y


def _operand(text: str) -> bool:
    """A property path (`github.event.release.prerelease`) or one function call over its whole length."""
    if re.fullmatch(r"[A-Za-z_][\w.-]*(\[[^\]]*\][\w.-]*)*", text):
        return True
    m = re.match(r"[A-Za-z_]\w*\(", text)
    return bool(m) and closes_at_end(text[m.end() - 1:])


DELETES = re.compile(r"\b(?:rm|unlink|del|Remove-Item)\b|-delete\b")


def _attestations_deleted(between: List[Any], folder: str) -> bool:
    """A `run:` step among `between` deletes the `*.publish.attestation` files of `folder`
    (`find dist/ -name "*.publish.attestation" -delete`, `rm dist/*.publish.attestation`)."""
    return any(isinstance(s, dict) and isinstance(s.get("run"), str) and "publish.attestation" in s["run"]
               and DELETES.search(s["run"]) and folder in s["run"] for s in between)


def find(doc: Document, only_job: Optional[str] = None) -> List[PublishStep]:
    """The workflow's calls of the action (of one job: `only_job`, read without walking the others)."""
    found = []
    every = jobs(doc) if only_job is None else [(only_job, doc.data["jobs"][only_job])]
    for job_id, job in every:
        for i, step in steps(job):
            ref = uses_action(step, ACTION)
            if ref is None:
                continue
            w = step.get("with") if isinstance(step.get("with"), dict) else {}
            url = next((str(w[k]) for k in input_keys(w, URL_INPUTS) if _filled(w[k])), None)
            token = any(_filled(w[k]) for k in input_keys(w, PASSWORD_INPUTS))
            if url is not None and EXPRESSION.search(url):
                targets = () if other_host(url) else indexes_behind(url, doc.data)
            else:
                index = classify_url(url)
                targets = (index,) if index else ()
            found.append(PublishStep(job_id, i, step, targets, url, ref, token,
                                     _commented_release(doc, ("jobs", job_id, "steps", i), ref)))
    return found


# a same-line comment that names the ref it follows (`# v1.4.2`, `# tag=v1.4.2`, `# pin@v1.4.2`, `# master`)
_REF_COMMENT = re.compile(r"(?:(?:tag|pin|ref|version)\s*[=@:]\s*)?(v?\d+(?:\.\d+)*|master|main|release/v\d+)", re.I)


def _commented_release(doc: Document, path: YamlPath, ref: str) -> str:
    """`v1.10.3` for `uses: …@<40 hex digits>  # v1.10.3`: what the commit is, as its author wrote it."""
    if not re.fullmatch(r"[0-9a-fA-F]{40}", ref.strip()):
        return ""
    comment = doc.same_line_comment(path + ("uses",))
    m = _REF_COMMENT.fullmatch(comment[0].lstrip("#").strip()) if comment else None
    return m.group(1) if m and re.fullmatch(r"v?\d+(?:\.\d+)*", m.group(1)) else ""


def _unread_step_env(doc: Document, step: PublishStep, removed: set, gone: List[Any], change: StepChange) -> None:
    """Variables of the action step's own `env:` that hold only a secret the conversion took away and that
    nothing in the step reads (`env: PYPI_API_TOKEN: ${{ secrets.PYPI_API_TOKEN }}` beside the same `password:`,
    serious-scaffold/ss-pybind11): the action reads its inputs, never such a variable, so the line only handed the
    token on; it goes with the password (a `TWINE_*` variable the action's twine would read stays)."""
    env = step.step.get("env")
    if not isinstance(env, dict) or not removed:
        return
    inputs = step.step.get("with") if isinstance(step.step.get("with"), dict) else {}
    rest = json.dumps({**{k: v for k, v in step.step.items() if k not in ("env", "with")},
                       "with": {k: v for k, v in inputs.items() if k not in gone}}, default=str)
    dead = [(str(k), step.path + ("env", k)) for k, v in env.items()
            if secrets_in(v) and set(secrets_in(v)) <= removed and not str(k).upper().startswith("TWINE_")
            and not re.search(rf"env\.{re.escape(str(k))}\b|\${{?{re.escape(str(k))}\b", rest)]
    if dead:
        remove_env_vars(doc, dead, [], change, check_users=False)


def ref_edit(doc: Document, step: PublishStep) -> Optional[Set]:
    """The move of a ref without Trusted Publishing support (`@master`, `@v1`, a release before v1.8.0) to
    `@release/v1`. A comment naming the old ref (`@27b31702…  # v1.4.2`) goes with it; any other stays."""
    target = REF_MOVES.get(step.ref.strip()) or (None if has_trusted_publishing(step.ref) else RECOMMENDED_REF)
    if not target:
        return None
    uses = str(step.step["uses"])
    moved = uses[: uses.rindex("@") + 1] + target
    comment = doc.same_line_comment(step.path + ("uses",))
    return Set(step.path + ("uses",), Commented(moved, "") if comment and _REF_COMMENT.fullmatch(comment[0]) else moved)


def attests_beside_another(doc: Document, step: PublishStep, converted: Iterable[Any]) -> bool:
    """Whether, once the steps at the `converted` paths upload with Trusted Publishing, this step and another call
    of the action in its job attest the same files, and this one is not the call that keeps its attestations (the
    last one to PyPI, else the last one): with a token the job never attested, so the conversion itself would
    make the second call fail ("already has a publish attestation"; Lightning-AI/utilities)."""
    if "attestations" in step.inputs:
        return False
    calls = [s for s in find(doc, step.job_id) if s.targets]
    if len(calls) < 2:
        return False
    from codemods.indexes import PYPI

    removed = {p[3] for p in converted if tuple(p[:3]) == ("jobs", step.job_id, "steps") and len(p) > 3}
    keeper = ([s for s in calls if PYPI in s.targets] or calls)[-1]
    job = doc.data["jobs"][step.job_id]
    return step.step_index != keeper.step_index and attested_twice(job, [step.step_index, keeper.step_index],
                                                                   removed)


def to_oidc(doc: Document, step: PublishStep, reusable: bool = False, second_call: bool = False) -> StepChange:
    """Remove the token inputs; in a reusable workflow also turn attestations off, because their
    certificate names the calling workflow, which never matches the publisher (warehouse#11096); likewise
    on a `second_call` (attests_beside_another), the fix the action's own issue #319 gives."""
    change = StepChange()
    w = step.inputs
    gone = input_keys(w, PASSWORD_INPUTS)
    user_keys = input_keys(w, USER_INPUTS)
    for k in user_keys:
        if str(w[k]).strip() != TOKEN_USER:
            change.warnings.append(f"{step_in_job(step.label, step.job_id)} logged in as user `{w[k]}`; PyPI no "
                                   "longer accepts passwords, so the user goes too (Trusted Publishing needs "
                                   f"`{TOKEN_USER}`)")
    dead = dead_inputs(w)  # a secret the action never read: the line is dead, its token one to revoke
    dead_why = {k: dead_input_why(k, w[k], bool(gone), job_has_id_token(doc, step.job_id), step.ref) for k in dead}
    gone = [k for k in w if k in gone or k in user_keys or k in dead]
    for k in gone:
        change.remove_secrets(w[k], doc.get(("jobs", step.job_id)), step_in_job(step.label, step.job_id))
        fetched = run_time_env_note(w[k], doc.get(("jobs", step.job_id)), step_in_job(step.label, step.job_id),
                                    doc.get(("env",)), step.step_index)
        if fetched and fetched not in change.revoke_notes:
            change.revoke_notes.append(fetched)
    if (reusable or second_call) and "attestations" not in w:
        kept = tuple(reversed([str(k) for k in w if k not in gone]))
        change.edits.append(Set(step.path + ("with", "attestations"), False, after=kept))
        change.edits += [Remove(step.path + ("with", k)) for k in gone]
        change.changes.append(f"{step_in_job(step.label, step.job_id)}: set `attestations: false` " + (
            "(attestations cannot be verified for uploads from a reusable workflow)" if reusable else
            "(another call of the action in the job attests the same files; with both attesting, the second call "
            "would fail with \"already has a publish attestation\")"))
    elif len(gone) == len(w):
        change.edits.append(Remove(step.path + ("with",)))
    else:
        change.edits += [Remove(step.path + ("with", k)) for k in gone]
    said = [k for k in gone if k not in dead]
    if said:
        change.changes.append(f"{step_in_job(step.label, step.job_id)}: removed `{'`, `'.join(said)}`")
    change.changes += [f"{step_in_job(step.label, step.job_id)}: removed `{k}`, which is {dead_why[k]}" for k in dead]
    fed = StepChange()  # `password: ${{ env.PYPI_TOKEN }}`: the variable holding the secret goes too
    cleanup_fed(doc, step.job_id, step.step_index, [str(w[k]) for k in gone], change.edits, fed)
    _unread_step_env(doc, step, change.removed_secrets, [k for k in w if k in gone], fed)
    change.edits += fed.edits
    change.removed_secrets |= fed.removed_secrets
    change.changes += [f"{step_in_job(step.label, step.job_id)}: {n}" for n in fed.changes]
    move = ref_edit(doc, step)
    if move:
        change.edits.append(move)
        old_pin = pin_without_trusted_publishing(step.ref)
        change.changes.append(f"{step_in_job(step.label, step.job_id)}: moved "
                            + (f"the pin {old_pin} (no Trusted Publishing: it came with v1.8.0)" if old_pin else
                               f"`@{step.ref}` (no Trusted Publishing support)")
                            + f" to `@{RECOMMENDED_REF}`" + moved_pin_advice(step.ref))
    return change


def to_token(doc: Document, step: PublishStep, secret: str) -> StepChange:
    change = StepChange()
    expr = "${{ secrets.%s }}" % secret
    w = step.step.get("with")
    dead = dead_inputs(step.inputs)
    if isinstance(w, dict) and dead:  # the token the author meant, in an input the action does not have
        return _dead_input_to_password(doc, step, dead, expr, secret)
    if isinstance(w, dict):
        change.edits.append(Set(step.path + ("with", "password"), expr, after=USER_INPUTS))
    elif w is None:
        change.edits.append(Set(step.path + ("with",), {"password": expr}))
    else:
        change.blocked = (f"{step_in_job(step.label, step.job_id)}: `with:` is not a mapping; add "
                          f"`password: {expr}` by hand")
        return change
    change.added_secrets.add(secret)
    change.changes.append(f"{step_in_job(step.label, step.job_id)}: added `password: {expr}`")
    return change


def _dead_input_to_password(doc: Document, step: PublishStep, dead: List[Any], expr: str, secret: str) -> StepChange:
    """`pypi-token: ${{ secrets.X }}` (never read by the action) becomes `password: ${{ secrets.X }}`, the
    secret the author meant; with several such inputs the token is the one of `--secret`, and they all go."""
    change = StepChange()
    w = step.inputs
    where = step_in_job(step.label, step.job_id)
    why = {k: dead_input_why(k, w[k], False, job_has_id_token(doc, step.job_id), step.ref) for k in dead}
    values = {str(w[k]).strip() for k in dead}
    if len(values) == 1:
        value = str(w[dead[0]]).strip()
        change.edits.append(Set(step.path + ("with", "password"), value, after=USER_INPUTS))
        change.edits += [Remove(step.path + ("with", k)) for k in dead]
        change.changes.append(f"{where}: moved `{dead[0]}` to `password:` (`{dead[0]}` is {why[dead[0]]})")
        change.changes += [f"{where}: removed `{k}`, which is {why[k]}" for k in dead[1:]]
        return change
    change.edits.append(Set(step.path + ("with", "password"), expr, after=USER_INPUTS))
    change.edits += [Remove(step.path + ("with", k)) for k in dead]
    change.added_secrets.add(secret)
    change.changes.append(f"{where}: added `password: {expr}`")
    change.changes += [f"{where}: removed `{k}`, which is {why[k]}" for k in dead]
    change.warnings.append(f"{where} passed different secrets in inputs the action does not have "
                           f"({', '.join(f'`{k}`' for k in dead)}); its password is now `{secret}`: check which "
                           "token it should hold")
    return change
