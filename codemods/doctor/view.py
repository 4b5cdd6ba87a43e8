"""A read-only view of one workflow's publishing, shared by the doctor's rules and its report."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Dict, List, Optional, Set, Tuple

from codemods.engine.document import Document
from codemods.indexes import Index
from codemods.follow.indirect import find_indirect
from codemods.notes import kind_of
from codemods.publishers.publisher import find_publishing
from codemods.permissions import job_has_id_token
from codemods.token_needs import ScopeGap, scope_gaps
from codemods.publishers import gh_action
from codemods.publishers.github_env import describe
from codemods.publishers.opaque import OpaqueCommand, OpaqueStep, opaque_commands, opaque_steps
from codemods.uploaders import registry
from codemods.uploaders.pins import too_old_pins
from codemods.workflow import environment_name, jobs, runner_problem, triggers


INDEX_AT_RUN_TIME = "PyPI or another index (chosen at run time)"  # how an upload's index known at run time is named


@dataclass
class PublishView:
    job_id: str
    step_index: int
    line: Optional[int]
    label: str
    publisher: str  # "gh-action" or the uploader's name
    mode: str  # "token" or "trusted"
    trusted_capable: bool
    targets: Tuple[Index, ...]
    credential: str
    ref: str = ""
    inputs: Dict[str, Any] = None
    instead: str = ""  # without Trusted Publishing: what to do instead, said by the tool's own registry entry
    index_unknown: bool = False  # the index is known only at run time (it may be PyPI)
    unresolved: str = ""  # what it runs may upload but cannot be read (a Makefile's `$(UV) publish`): why
    index_where: str = ""  # what names an index chosen at run time (`--repository $PYPI_REPO`)
    credential_values: Tuple[Any, ...] = ()  # what its credentials are set to (`${{ secrets[matrix.token] }}`)
    minted: str = ""  # the step that mints its token from the OIDC token (Trusted Publishing by hand)

    @property
    def index_title(self) -> str:
        if not self.targets and self.index_unknown:
            return INDEX_AT_RUN_TIME
        return " and ".join(i.title for i in self.targets) or "another index"

    @property
    def index_key(self) -> str:
        return ",".join(i.key for i in self.targets) or ("run-time" if self.index_unknown else "other")


def _where(item) -> str:
    return item.where if item.index_unknown else ""


def _minted(item) -> str:
    return ", ".join(dict.fromkeys(m.mint.shown for m in item.minted))


def index_from_secret(doc: Document, p: "PublishView") -> bool:
    """The index chosen at run time comes from a secret (`--repository-url "$JFROG_URL"` with
    `JFROG_URL: ${{ secrets.JFROG_URL }}`): a private index's address, most likely, not PyPI's."""
    from codemods.publishers.env_vars import env_chain

    if "secrets." in p.index_where:
        return True
    chain = env_chain(doc, p.job_id, p.step_index)
    for name in re.findall(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)|\benv\.([A-Za-z_][A-Za-z0-9_]*)", p.index_where):
        value = next((env[n] for n in name if n for _, env in chain if n in env), None)
        if value is not None and "secrets." in str(value):
            return True
    return False


def _shown(change, root: Optional[Path]) -> str:
    """A followed file as the report names it: its path in the repository (`scripts/publish`, which a bare `publish`
    would confuse with a workflow's file name), or its label where it has no path there."""
    try:
        return change.target.path.resolve().relative_to(root.resolve()).as_posix() if root is not None else change.label
    except ValueError:  # outside the repository (a path given on the command line)
        return change.label


def _credentials_in_files(changes, root: Optional[Path]) -> List[str]:
    """Where the followed files take the credential: a tox env passing the workflow's variable on, or the
    file's own credential options (`--password $X`, `-p $1`)."""
    passed = [_shown(c, root) for c in changes if c.cuts and c.passed_through == c.cuts]
    own = [_shown(c, root) for c in changes if c.cuts and c.passed_through != c.cuts]
    return ([f"passed on by {', '.join(dict.fromkeys(passed))}"] if passed else []) + \
        ([f"credential options in {', '.join(dict.fromkeys(own))}"] if own else [])


def _kind(item) -> str:
    """What runs the upload of a followed file: its uploader when the files name one (`poetry publish` in a
    Makefile, as migrate's fix says), else a local composite action or a script of the repository."""
    tools = list(dict.fromkeys([t for c in item.changes for t in c.tools] + [h.uploader.name for h in item.hand_over]))
    if len(tools) == 1:
        return tools[0]
    return "action" if item.changes and all(c.target.kind == "composite" for c in item.changes) else "script"


def _capable(item) -> bool:
    """Its uploader has Trusted Publishing: nothing to change by hand, or only a token a composite action gets
    from its callers (twine there has Trusted Publishing; pubmode only does not edit both files)."""
    from codemods.follow.composite import TOKEN_THROUGH_ACTION
    from codemods.notes import TOKEN_SET_BY_HAND

    return all(kind_of(m) == TOKEN_SET_BY_HAND for m in item.problems) and \
        all(kind_of(m) in (TOKEN_THROUGH_ACTION, TOKEN_SET_BY_HAND) for c in item.changes for m in c.manual)


class WorkflowView:
    def __init__(self, doc: Document, root: Optional[Path] = None, file: Optional[str] = None):
        self.doc, self.root = doc, root
        self.file = file or (doc.path.name if doc.path else "release.yml")
        self._refusals: Optional[Dict[Tuple[Any, ...], str]] = None
        self.events: Set[str] = triggers(doc)
        self.jobs: Dict[str, Dict[str, Any]] = dict(jobs(doc))
        self.publishing: List[PublishView] = [self._view(item) for item in find_publishing(doc, root)]
        if root is not None:
            direct = {(p.job_id, p.step_index) for p in self.publishing}
            for item in find_indirect(doc, root, True, rewrite=False):
                if (item.job_id, item.step_index) not in direct:
                    self.publishing.append(self._indirect(item))
        self._by_job: Optional[Dict[str, List[PublishView]]] = None
        # action steps pubmode cannot read that may upload: the detection migrate reports them with
        known = [("jobs", p.job_id, "steps", p.step_index) for p in self.publishing]
        self.opaque: List[OpaqueStep] = opaque_steps(doc, known, registry.credential_variables(), root)
        # `run:` steps of release jobs that hand a PyPI token to a command pubmode does not know
        self.opaque_commands: List[OpaqueCommand] = opaque_commands(doc, known, root)

    def _view(self, item) -> PublishView:
        line = self.doc.line_of(("jobs", item.job_id, "steps", item.step_index))
        if isinstance(item, gh_action.PublishStep):
            keys = gh_action.input_keys(item.inputs, gh_action.PASSWORD_INPUTS)
            return PublishView(item.job_id, item.step_index, line, f"{item.label} of job `{item.job_id}`", "gh-action",
                               "token" if item.uses_token else "trusted", True, item.targets,
                               f"`{keys[0]}:`" if keys else "", item.ref, item.inputs, "", item.index_unknown,
                               index_where=_where(item), credential_values=tuple(item.inputs[k] for k in keys),
                               minted=_minted(item))
        creds = [f"`{n}`" for n, _ in item.env_creds] + [f"`{f.flag.value}`" for f in item.cred_flags] + \
            [f"`{n}=`" for n, _ in getattr(item, "prefix", ())] + [f"`export {n}=`" for n, _, _ in getattr(item, "exported", ())] + \
            describe(getattr(item, "github_env", []), self.doc, item.job_id)
        values = tuple(self.doc.get(path) for _, path in item.env_creds) + tuple(f.raw for f in item.cred_flags) + \
            tuple(w.text for _, w in getattr(item, "prefix", ()))
        return PublishView(item.job_id, item.step_index, line, f"{item.label} of job `{item.job_id}`",
                           item.uploader.name, "token" if item.uses_token else "trusted", item.uploader.trusted is not None,
                           item.targets, ", ".join(creds) or "its own credentials", "", {}, item.uploader.instead,
                           item.index_unknown, index_where=_where(item), credential_values=values,
                           minted=_minted(item))

    def _indirect(self, item) -> PublishView:
        # a script run three times (`deploy.sh pkg-a prod`, `deploy.sh pkg-b prod`…) has one upload line
        where = ", ".join(dict.fromkeys(f"{_shown(c, self.root)}:{line}" for c in item.changes for line in c.lines)) or \
            "a script"
        creds = [f"`{n}`" for n, _ in item.env_vars] + _credentials_in_files(item.changes, self.root)
        mode = "token" if item.uses_token else "trusted"  # what migrate reads: a change by hand (`poetry publish`,
        # which has no Trusted Publishing, in a Makefile) uploads with some credential too
        return PublishView(item.job_id, item.step_index, self.doc.line_of(item.path),
                           f"{item.label} of job `{item.job_id}` (upload in {where})", f"{_kind(item)} ({where})", mode,
                           _capable(item), item.targets, ", ".join(creds) or "its own credentials", "", {},
                           "; ".join(item.manual), item.index_unknown, item.unresolved or "", _where(item),
                           tuple(self.doc.get(path) for _, path in item.env_vars))

    def publishing_of(self, job_id: str) -> List[PublishView]:
        """The publish steps of one job, grouped once: a scan per job would be quadratic in the jobs."""
        if self._by_job is None:
            self._by_job = {}
            for p in self.publishing:
                self._by_job.setdefault(p.job_id, []).append(p)
        return self._by_job.get(job_id, [])

    def refusal(self, p: PublishView) -> Optional[Tuple[Tuple[Any, ...], str]]:
        """Why `migrate to-oidc` would leave this publish step as it is, in its own words, and where that was
        said (the step's path, its job's, or `()` for the whole repository); None when it converts it. Asked of
        the planner itself, once per workflow, so the doctor's fixes cannot promise what migrate refuses."""
        for at in (("jobs", p.job_id, "steps", p.step_index), ("jobs", p.job_id), ()):
            said = self.refusal_at(at)
            if said is not None:
                return at, said
        return None

    def refusal_at(self, at: Tuple[Any, ...]) -> Optional[str]:
        """What `migrate to-oidc` says where it refuses at this path (a step's, a job's, `()`), or None."""
        if self._refusals is None:
            from codemods.migrate import refusals
            from codemods.project import repository

            self._refusals = refusals(self.doc, self.file, repository(self.root)) if self.root is not None else {}
        return self._refusals.get(at)

    def has_id_token(self, job_id: str) -> bool:
        return job_has_id_token(self.doc, job_id)

    @cached_property
    def scope_gaps(self) -> List[ScopeGap]:
        """The GITHUB_TOKEN scopes its jobs' steps write with and their blocks do not grant (read once, by the
        rules and by a log's advice)."""
        return scope_gaps(self.doc.get(("permissions",)), self.jobs)

    @cached_property
    def unread_secrets(self) -> Dict[Tuple[str, int], List[str]]:
        """(job, step) -> the variables its `env:` sets from a secret that nothing it runs reads (read once, by
        credential-not-read, trusted-without-id-token and a log's advice)."""
        from codemods.doctor.unread_secrets import unread_by

        return {(p.job_id, p.step_index): unread_by(self, p) for p in self.publishing}

    @property
    def trusted_jobs(self) -> List[str]:
        return sorted({p.job_id for p in self.publishing if p.mode == "trusted" and p.targets})

    @staticmethod
    def uses(job: Dict[str, Any], prefix: str) -> bool:
        return any(isinstance(s, dict) and str(s.get("uses", "")).lower().startswith(prefix)
                   for s in job.get("steps") or [])

    def runner_problem(self, job_id: str) -> Optional[str]:
        return runner_problem(self.jobs[job_id])

    def environment(self, job_id: str) -> Optional[str]:
        return environment_name(self.jobs[job_id])

    def required_call_secrets(self) -> Set[str]:
        on = self.doc.get(("on",))
        call = on.get("workflow_call") if isinstance(on, dict) else None
        secrets = call.get("secrets") if isinstance(call, dict) else None
        if not isinstance(secrets, dict):
            return set()
        return {str(k) for k, v in secrets.items() if isinstance(v, dict) and v.get("required") is True}

    def old_pins(self) -> List[Tuple[str, Optional[int], str]]:
        out = []
        for up in registry.trusted_uploaders():
            for job_id in dict.fromkeys(p.job_id for p in self.publishing if p.publisher == up.name
                                        and p.mode == "trusted" and not p.minted):  # minted by hand: any version
                for i, step in enumerate(self.jobs[job_id].get("steps") or []):
                    script = step.get("run") if isinstance(step, dict) else None
                    for m, _ in too_old_pins(up, script if isinstance(script, str) else ""):
                        out.append((job_id, self.doc.line_of(("jobs", job_id, "steps", i)), m.group(0)))
        return out
