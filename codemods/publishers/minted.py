"""A PyPI token the job mints itself from its OIDC token and hands to the upload as a step's output.

A step that asks GitHub for the OIDC token and exchanges it at PyPI's `/_/oidc/mint-token` (in its
`run:`, in a local composite action it uses, or through an action that only does that) outputs a token
that lives 15 minutes and that no secret holds: the upload reading `${{ steps.<id>.outputs.token }}`
(`TWINE_PASSWORD:`, `password:`, `-p`) publishes with Trusted Publishing by hand, not with an API
token. The same reading as a value tied to no secret written to $GITHUB_ENV (github_env.py); here the
minting step is found, since to-token must take it out with the value (it fails without `id-token`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from codemods.engine.document import Document, YamlPath
from codemods.workflow import EXPRESSION, secrets_in, step_label, steps, uses_action

MINT_URL = re.compile(r"/_/oidc/(?:[\w-]+/)?mint-token")  # `/_/oidc/github/mint-token` before the generic one
# Actions that only mint a PyPI token from the OIDC token (tschm/token-mint-action: output `api-token`)
MINT_ACTIONS = ("tschm/token-mint-action",)
_OUTPUT = re.compile(r"^\$\{\{\s*steps\.([A-Za-z_][\w-]*)\.outputs\.[A-Za-z_][\w-]*\s*\}\}$")
_VAR = re.compile(r"^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))$")


@dataclass(frozen=True)
class Mint:
    """A step of the job that mints a PyPI token from the OIDC token."""

    step_index: int
    step_id: str
    where: str  # "step 5 (`id: oidc`, line 34)"
    inside: str = ""  # where a local composite action it uses mints it: ".github/actions/x/action.yml, line 16"

    @property
    def shown(self) -> str:
        """The step, and the composite action's line that mints, for reports."""
        return self.where + (f" ({self.inside})" if self.inside else "")


@dataclass(frozen=True)
class Minted:
    """An upload credential that holds a minted token: a variable (`path` of its value) or a flag's value."""

    name: str  # `TWINE_PASSWORD`, `password:`, `-p`
    mint: Mint
    path: Optional[YamlPath] = None


def _mints_in(step: Dict[str, Any], root: Optional[Path]) -> Optional[str]:
    """Where the step mints a PyPI token: "" in its own `run:` or action, else the composite's file and line."""
    run = step.get("run")
    if isinstance(run, str) and MINT_URL.search(run):
        return ""
    if any(uses_action(step, a) is not None for a in MINT_ACTIONS):
        return ""
    if root is None:
        return None
    from codemods.follow.composite import composite_steps

    for name, line, inner in composite_steps(step.get("uses"), root, step.get("with")):
        if (isinstance(inner.get("run"), str) and MINT_URL.search(inner["run"])) or \
                any(uses_action(inner, a) is not None for a in MINT_ACTIONS):
            return f"{name}, line {line}"
    return None


def mint_steps(doc: Document, job_id: str, root: Optional[Path]) -> Dict[str, Mint]:
    """The job's steps (with an `id:`) that mint a PyPI token, by id."""
    job = doc.get(("jobs", job_id)) or {}
    out: Dict[str, Mint] = {}
    for i, step in steps(job):
        sid = step.get("id")
        if not isinstance(sid, str) or not sid.strip():
            continue
        inside = _mints_in(step, root)
        if inside is None:
            continue
        line = doc.line_of(("jobs", job_id, "steps", i))
        where = f"{step_label(step, i)} (`id: {sid}`" + (f", line {line}" if line else "") + ")"
        out[sid.strip()] = Mint(i, sid.strip(), where, inside)
    return out


def minted(value: Any, mints: Dict[str, Mint], before: int) -> Optional[Mint]:
    """The mint step whose output `value` is (`${{ steps.oidc.outputs.token }}`, quoted or not), when that
    step comes before step `before`; None for anything else (a secret, another expression, a literal)."""
    if not isinstance(value, str) or not mints or secrets_in(value):
        return None
    text = value.strip().strip("'\"").strip()
    m = _OUTPUT.match(text)
    if m is None or EXPRESSION.search(text[m.end():]):
        return None
    mint = mints.get(m.group(1))
    return mint if mint is not None and mint.step_index < before else None


def minted_word(word: str, chain: List[Tuple[YamlPath, Dict[str, Any]]], mints: Dict[str, Mint],
                before: int) -> Optional[Mint]:
    """A flag's value that holds a minted token: the output itself, or `$VAR` of an `env:` that does."""
    found = minted(word, mints, before)
    if found is not None:
        return found
    m = _VAR.match(word.strip().strip("'\""))
    if m is None:
        return None
    var = m.group(1) or m.group(2)
    value = next((env[var] for _, env in chain if var in env), None)
    return minted(value, mints, before)


def mark(doc: Document, items: List[Any], root: Optional[Path]) -> None:
    """Move each upload's credentials that hold a minted token out of its token credentials (into
    `minted`): such an upload publishes with Trusted Publishing by hand."""
    from codemods.publishers import gh_action, run_step
    from codemods.publishers.env_vars import env_chain

    cache: Dict[str, Dict[str, Mint]] = {}
    for item in items:
        if item.job_id not in cache:
            cache[item.job_id] = mint_steps(doc, item.job_id, root)
        mints = cache[item.job_id]
        if not mints:
            continue
        if isinstance(item, gh_action.PublishStep):
            keys = gh_action.input_keys(item.inputs, gh_action.PASSWORD_INPUTS)
            found = [(k, minted(item.inputs[k], mints, item.step_index)) for k in keys]
            if keys and all(m for _, m in found):
                item.minted = [Minted(f"`{k}:`", m, item.path + ("with", k)) for k, m in found]
                item.uses_token = False
        elif isinstance(item, run_step.Upload) and item.uploader.trusted:  # else converted as any credential
            passwords = item.uploader.credentials.password_env
            out = []
            for name, path in item.env_creds:
                m = minted(doc.get(path), mints, item.step_index) if name in passwords else None
                if m is not None:
                    out.append(Minted(f"`{name}`", m, path))
            chain = env_chain(doc, item.job_id, item.step_index)
            for f in item.flags:
                m = (minted_word(f.text, chain, mints, item.step_index) or
                     minted_word(f.raw, chain, mints, item.step_index)) if f.kind == "password" else None
                if m is not None:
                    out.append(Minted(f"`{f.flag.value}`", m))
            if out:
                item.minted = out
                item.env_creds = [(n, p) for n, p in item.env_creds if all(x.path != p for x in out)]
