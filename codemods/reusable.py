"""A reusable workflow (`on: workflow_call`) that declares its secrets sees only those it declares, under
the names it declares: its callers fill them (`secrets: API_TOKEN: ${{ secrets.PYPI_API_TOKEN }}`), or
pass all of theirs (`secrets: inherit`, then the name is the repository secret's own). So the secret that
holds the token is the one the callers pass (to revoke after to-oidc, to create after to-token), and
to-token reads the declared name back. The workflow's interface (the declaration, the callers' entries)
is the user's to change: pubmode says what to change and where (the callers are other files)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Set, Tuple

from codemods.engine.document import Document

def declared(doc: Document) -> Optional[dict]:
    """`on.workflow_call.secrets`, when the workflow declares any (None: it sees what `secrets: inherit` passes)."""
    on = doc.get(("on",))
    call = on.get("workflow_call") if isinstance(on, dict) else None
    found = call.get("secrets") if isinstance(call, dict) else None
    return found if isinstance(found, dict) and found else None


def undeclared_secrets(doc: Document, names: Iterable[str]) -> List[str]:
    """Warnings for the secrets in `names` that `on.workflow_call.secrets` does not declare (where it declares any)."""
    known = declared(doc)
    if known is None:  # none declared: the workflow sees what `secrets: inherit` passes
        return []
    return [f"this reusable workflow declares its secrets: add `{n}` under `on.workflow_call.secrets` and pass it "
            "from every workflow that calls this one (`secrets: inherit` does), or the token will be empty"
            for n in sorted(names) if n not in known]


@dataclass(frozen=True)
class Pass:
    """How one calling job fills a secret of the reusable workflow."""

    caller: Path  # the calling workflow
    job: str
    line: Optional[int]  # of its `secrets:` entry for the secret (or of `secrets: inherit`)
    lines: Tuple[int, int] = (0, 0)  # the entry's first and last line (0, 0: inherit, or not passed)
    secrets: Tuple[str, ...] = ()  # the caller's secrets the entry's value names
    inherit: bool = False

    @property
    def where(self) -> str:
        return f"`{self.caller.name}` line {self.line} (job `{self.job}`)" if self.line else \
            f"`{self.caller.name}` (job `{self.job}`)"


def passes(path: Path, name: str) -> List[Pass]:
    """The jobs of the workflows beside `path` that call it (`uses: ./.github/workflows/<name>`), and how
    each fills its secret `name`."""
    from codemods.errors import InputError
    from codemods.engine.reading import text_or_none
    from codemods.registration import calling_workflows
    from codemods.workflow import jobs, secrets_in

    out = []
    for caller_name in calling_workflows(path):
        caller = path.parent / caller_name
        try:
            doc = Document(text_or_none(caller) or "", caller)
        except InputError:
            continue
        for job_id, job in jobs(doc):
            uses = str(job.get("uses") or "").strip()
            if uses.split("@", 1)[0].rstrip("/") != f"./.github/workflows/{path.name}":
                continue
            given = job.get("secrets")
            if isinstance(given, str) and given.strip() == "inherit":
                out.append(Pass(caller, job_id, doc.line_of(("jobs", job_id, "secrets")), inherit=True))
            elif isinstance(given, dict) and name in given:
                pair = doc.pair(("jobs", job_id, "secrets", name))
                first = pair[0].start_mark.line + 1 if pair else 0
                end = pair[1].end_mark if pair else None
                last = (end.line + (1 if end.column else 0)) if end is not None else first
                out.append(Pass(caller, job_id, first or None, (first, max(first, last)),
                                tuple(sorted(secrets_in(given[name])))))
            else:
                out.append(Pass(caller, job_id, doc.line_of(("jobs", job_id))))
    return out


def _listed(items: List[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@dataclass
class Resolved:
    """What a secret parameter of a reusable workflow stands for in this repository."""

    secrets: Set[str]  # the repository secrets that hold the token (the callers', or the name itself)
    passes: List[Pass]
    note: str  # what to tell the user (the interface to change), in the run's direction


def resolve_removed(doc: Document, path: Path, name: str, other_triggers: bool) -> Optional[Resolved]:
    """(to-oidc) The secret `name` a converted upload of a reusable workflow stopped reading: when it is one
    the workflow declares, the callers' secrets that filled it are the ones to delete and revoke, and the
    declaration and the callers' entries are no longer needed (None: not a declared secret)."""
    known = declared(doc)
    if known is None or name not in known:
        return None
    spec = known.get(name)
    required = isinstance(spec, dict) and spec.get("required") is True
    found = passes(path, name)
    explicit = [p for p in found if p.secrets]
    inherit = [p for p in found if p.inherit]
    secrets = {s for p in explicit for s in p.secrets} | ({name} if inherit or other_triggers else set())
    head = (f"`{path.name}` no longer reads `{name}`, the secret it declares under `on.workflow_call.secrets`"
            + (" (required)" if required else "") + " for its callers to fill")
    why = ("GitHub fails a call that passes a secret the workflow does not declare"
           + (", or leaves out a required one" if required else ""))
    if not found:
        note = (f"{head}; none of this repository calls it, so they are elsewhere, where pubmode cannot see them: in "
                f"each, remove the `secrets:` entry that passes `{name}`, together with the declaration ({why}); then "
                "delete the secret it passed after the first release with Trusted Publishing and revoke the API token "
                "it holds.")
        return Resolved(secrets, found, note)
    parts = [f"{p.where} passes {_listed([f'`secrets.{s}`' for s in p.secrets])}" for p in explicit]
    parts += [f"{p.where} passes a value that names no secret" for p in found
              if not p.secrets and not p.inherit and p.lines != (0, 0)]
    parts += [f"{p.where} passes `secrets: inherit` (so the repository secret `{name}`)" for p in inherit]
    parts += [f"{p.where} passes nothing for it" for p in found if not p.inherit and p.lines == (0, 0)]
    entries = [p for p in found if p.lines != (0, 0)]
    if len(entries) == len(found):
        todo = (f"remove th{'ose' if len(entries) > 1 else 'at'} `secrets:` entr{'ies' if len(entries) > 1 else 'y'} "
                f"and the declaration in one change ({why})")
    elif entries:
        todo = (f"remove the `secrets:` entr{'ies' if len(entries) > 1 else 'y'} of "
                f"{_listed([p.where for p in entries])} "
                f"and the declaration in one change ({why})")
    else:
        todo = "remove the declaration" + (" (`secrets: inherit` needs no change)" if inherit else "")
    note = f"{head}: {'; '.join(parts)}. {todo[0].upper() + todo[1:]}."
    return Resolved(secrets, found, note)


# the words of a secret name that say nothing of whose token it holds (`API_TOKEN`, `UPLOAD_PASSWORD`), or
# name an uploader to PyPI (`TWINE_PASSWORD`); `GH_TOKEN`, `CODECOV_TOKEN` name another service's
GENERIC_WORDS = frozenset("API TOKEN TOKENS PASSWORD PASS PWD SECRET KEY AUTH UPLOAD PUBLISH PUBLISHING RELEASE DEPLOY "
                          "PACKAGE PACKAGES PYTHON PY TEST TWINE UV PDM HATCH FLIT POETRY MATURIN".split())


def _says_pypi(name: str) -> bool:
    return "PYPI" in name.upper()


def _says_test(name: str) -> bool:
    return "TEST" in name.upper()


def _may_hold_the_token(path: Optional[Path], name: str) -> bool:
    """A declared secret named for PyPI or for nothing in particular, or one a caller fills from a PyPI-named
    secret."""
    if _says_pypi(name) or set(re.split(r"[_-]+", name.upper())) - {""} <= GENERIC_WORDS:
        return True
    return path is not None and any(_says_pypi(s) for p in passes(path, name) for s in p.secrets)


def declared_token_secrets(doc: Document, text: str, indexes: Iterable[str],
                           path: Optional[Path] = None) -> Dict[str, str]:
    """(to-token) The secret a reusable workflow declares for each index's token (its key: "pypi",
    "testpypi"), when the workflow tells: a declared secret nothing in it reads any more (what to-oidc left:
    the callers still pass the token under that name) whose name says PyPI or nothing in particular (or that
    a caller fills from a PyPI-named secret); TestPyPI's the one that says "test" (else the one general name),
    PyPI's one that does not; of several, the one that says PyPI. An index given none takes the default
    (`--secret`, `--test-secret`)."""
    from codemods.runner import secrets_named

    known = declared(doc)
    if known is None:
        return {}
    read = secrets_named(text)
    candidates = [str(n) for n in known if str(n) not in read and _may_hold_the_token(path, str(n))]
    out: Dict[str, str] = {}
    for index in sorted(set(indexes), key=lambda k: k != "pypi"):  # PyPI first: it keeps a name both could take
        test = index != "pypi"
        free = [n for n in candidates if n not in out.values()]
        fits = [n for n in free if _says_test(n) == test] or ([n for n in free if not _says_test(n)] if test else [])
        if len(fits) > 1:
            fits = [n for n in fits if _says_pypi(n)]
        if len(fits) == 1:
            out[index] = fits[0]
    return out


def resolve_added(path: Path, name: str) -> Tuple[Set[str], List[str]]:
    """(to-token) A declared secret `name` a reusable workflow reads again: the repository secrets that must
    hold the token (the callers' of this repository, or `name` itself for `secrets: inherit`), and what to
    say of the callers."""
    found = passes(path, name)
    if not found:
        return set(), [f"`{name}`, the secret this reusable workflow declares, is filled by the workflows that call "
                       "it, and none of this repository does: pass the API token as it from each of them"]
    secrets = {s for p in found for s in p.secrets} | ({name} if any(p.inherit for p in found) else set())
    out = []
    missing = [p for p in found if not p.secrets and not p.inherit]
    if missing:
        out.append(f"{_listed([p.where for p in missing])} call{'s' if len(missing) == 1 else ''} this workflow "
                   f"without passing `{name}`: add `{name}: ${{{{ secrets.<NAME> }}}}` under its `secrets:` (or "
                   "`secrets: inherit`), or the token will be empty")
    explicit = [p for p in found if p.secrets]
    if explicit:
        out.append(f"the upload reads `secrets.{name}`, the secret this reusable workflow declares: "
                   + "; ".join(f"{p.where} fills it from {_listed([f'`{s}`' for s in p.secrets])}" for p in explicit))
    return secrets, out
