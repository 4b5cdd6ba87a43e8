"""pypa/gh-action-pypi-publish: token inputs out for Trusted Publishing, and back.

The action uses Trusted Publishing exactly when `user` is `__token__` (its default) and `password`
is empty (twine-upload.sh), so to-oidc removes the password and a `__token__` user, and to-token
adds a password from a secret. `@master` has no OIDC code and `@v1` does not exist.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

from codemods.engine.document import Document, YamlPath
from codemods.engine.edits import Remove, Set
from codemods.publishers.change import StepChange
from codemods.publishers.env_vars import cleanup_fed
from codemods.indexes import Index, classify_url, indexes_behind, other_host
from codemods.workflow import EXPRESSION, jobs, secrets_in, step_label, steps, uses_action
from codemods.notes import step_in_job

ACTION = "pypa/gh-action-pypi-publish"
PASSWORD_INPUTS = ("password", "pypi_password")
USER_INPUTS = ("user", "username")
URL_INPUTS = ("repository-url", "repository_url")
TOKEN_USER = "__token__"
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

    # the Publisher protocol (publishers/publisher.py)
    trusted_capable = True
    needs_linux = True  # a container action
    oidc_flag_stuck = False
    unresolved = None
    oidc_reader = None
    shares_env_with = None
    followed_texts = ()

    @property
    def where(self) -> str:
        return f"`{self.url}`"

    def defers_to_project(self, root) -> bool:
        return False

    def ref_edit(self) -> Optional[Set]:
        return ref_edit(self)

    def to_oidc(self, doc: Document, reusable: bool, converted) -> StepChange:
        return to_oidc(doc, self, reusable=reusable)

    def to_token(self, doc: Document, secret: str) -> StepChange:
        return to_token(doc, self, secret)

    def token_warnings(self) -> List[str]:
        """PEP 740 attestations exist only with Trusted Publishing: with a password the action skips them."""
        if any(str(self.inputs[k]).strip().lower() == "false" for k in input_keys(self.inputs, ("attestations",))):
            return []
        return [f"{step_in_job(self.label, self.job_id)}: with a token the action uploads no PEP 740 attestations "
                "(they need Trusted Publishing); releases made from now on carry none"]


def _filled(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def input_keys(inputs: Dict[str, Any], names: Tuple[str, ...]) -> List[Any]:
    """The keys of `with:` that are one of `names`: GitHub compares input names case-insensitively,
    so `Password:` is the password."""
    return [k for k in inputs if str(k).lower() in names]


def attested_twice(job: Dict[str, Any], step_indexes: List[int]) -> bool:
    """Two of these action steps upload the same folder with attestations on, in one run: the second
    finds the first one's `.publish.attestation` files and fails ("already has a publish attestation").
    Calls over different `packages-dir` folders (a monorepo's packages) attest different files, and
    steps under `if: github.event_name == '…'` for different events never run together (falconry/falcon)."""
    all_steps = job.get("steps") if isinstance(job.get("steps"), list) else []
    calls = []
    for i in step_indexes:
        step = all_steps[i] if i < len(all_steps) and isinstance(all_steps[i], dict) else {}
        inputs = step.get("with") if isinstance(step.get("with"), dict) else {}
        if str(inputs.get("attestations", "")).strip().lower() == "false":
            continue
        folder = next((str(inputs[k]) for k in input_keys(inputs, ("packages-dir", "packages_dir"))
                       if _filled(inputs[k])), "dist")
        calls.append((re.sub(r"^(\./)+", "", folder.strip()).rstrip("/") or "dist", _only_on(step.get("if"))))
    return any(a[0] == b[0] and not (a[1] and b[1] and a[1] != b[1])
               for n, a in enumerate(calls) for b in calls[n + 1:])


ONLY_ON = re.compile(r"""\s*(?:\$\{\{)?\s*github\.event_name\s*==\s*'([\w-]+)'\s*(?:\}\})?\s*""")


def _only_on(condition: Any) -> Optional[str]:
    """The one event a step runs on when its whole condition is `github.event_name == 'X'`."""
    m = ONLY_ON.fullmatch(str(condition)) if isinstance(condition, str) else None
    return m.group(1) if m else None


def find(doc: Document) -> List[PublishStep]:
    found = []
    for job_id, job in jobs(doc):
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
            found.append(PublishStep(job_id, i, step, targets, url, ref, token))
    return found


def ref_edit(step: PublishStep) -> Optional[Set]:
    """The move of a ref without Trusted Publishing support (`@master`, `@v1`) to `@release/v1`."""
    target = REF_MOVES.get(step.ref.strip())
    if not target:
        return None
    uses = str(step.step["uses"])
    return Set(step.path + ("uses",), uses[: uses.rindex("@") + 1] + target)


def to_oidc(doc: Document, step: PublishStep, reusable: bool = False) -> StepChange:
    """Remove the token inputs; in a reusable workflow also turn attestations off, because their
    certificate names the calling workflow, which never matches the publisher (warehouse#11096)."""
    change = StepChange()
    w = step.inputs
    gone = input_keys(w, PASSWORD_INPUTS)
    user_keys = input_keys(w, USER_INPUTS)
    for k in user_keys:
        if str(w[k]).strip() != TOKEN_USER:
            change.warnings.append(f"{step_in_job(step.label, step.job_id)} logged in as user `{w[k]}`; PyPI no "
                                   "longer accepts passwords, so the user goes too (Trusted Publishing needs "
                                   f"`{TOKEN_USER}`)")
    gone = [k for k in w if k in gone or k in user_keys]
    for k in gone:
        change.removed_secrets |= secrets_in(w[k])
    if reusable and "attestations" not in w:
        kept = tuple(reversed([str(k) for k in w if k not in gone]))
        change.edits.append(Set(step.path + ("with", "attestations"), False, after=kept))
        change.edits += [Remove(step.path + ("with", k)) for k in gone]
        change.changes.append(f"{step_in_job(step.label, step.job_id)}: set `attestations: false` (attestations "
                            "cannot be verified for uploads from a reusable workflow)")
    elif len(gone) == len(w):
        change.edits.append(Remove(step.path + ("with",)))
    else:
        change.edits += [Remove(step.path + ("with", k)) for k in gone]
    change.changes.append(f"{step_in_job(step.label, step.job_id)}: removed `{'`, `'.join(gone)}`")
    fed = StepChange()  # `password: ${{ env.PYPI_TOKEN }}`: the variable holding the secret goes too
    cleanup_fed(doc, step.job_id, step.step_index, [str(w[k]) for k in gone], change.edits, fed)
    change.edits += fed.edits
    change.removed_secrets |= fed.removed_secrets
    change.changes += [f"{step_in_job(step.label, step.job_id)}: {n}" for n in fed.changes]
    move = ref_edit(step)
    if move:
        change.edits.append(move)
        change.changes.append(f"{step_in_job(step.label, step.job_id)}: moved `@{step.ref}` (no Trusted Publishing "
                            f"support) to `@{RECOMMENDED_REF}`")
    return change


def to_token(doc: Document, step: PublishStep, secret: str) -> StepChange:
    change = StepChange()
    expr = "${{ secrets.%s }}" % secret
    w = step.step.get("with")
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
