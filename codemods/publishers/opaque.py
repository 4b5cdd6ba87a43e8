"""Steps that receive upload credentials but whose upload pubmode cannot see.

An action such as `pantsbuild/actions/run-tox` with `tox-env: publish` uploads from inside its own
code. It cannot be converted, but a migration that says nothing about it would leave a token in a
workflow reported as converted. Each such step is reported with the credentials it receives.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, List, Set, Tuple

from codemods.engine.document import Document
from codemods.notes import Note
from codemods.permissions import job_has_id_token
from codemods.workflow import SECRET_REF, jobs, step_label, steps, triggers

CREDENTIAL_SECRET = re.compile(r"pypi|twine|warehouse|_publish_(token|password)|maturin|poetry_pypi|flit_password|"
                               r"hatch_index", re.I)


def _credentials(step: dict, variables: Set[str]) -> List[str]:
    """What in the step's `env:`/`with:` looks like an upload credential: `NAME` (a variable an uploader
    reads) or `secrets.NAME` (a secret named like a PyPI token)."""
    found: List[str] = []
    for part in ("env", "with"):
        block = step.get(part)
        if not isinstance(block, dict):
            continue
        for key, value in block.items():
            secrets = [m.group(1) or m.group(2) for m in SECRET_REF.finditer(value)] if isinstance(value, str) else []
            if str(key) in variables and secrets:
                found.append(f"`{key}`")
            found += [f"`secrets.{s}`" for s in secrets if CREDENTIAL_SECRET.search(s) and f"`secrets.{s}`" not in found]
    return found


# Actions that never upload to PyPI: not suspected when credentials are in a job's or workflow's `env:`.
NEVER_UPLOAD = re.compile(r"^(actions/(checkout|setup-\w+|cache|upload-artifact|download-artifact|github-script)|"
                          r"astral-sh/setup-uv|docker/|codecov/)", re.I)
# A third-party action named like a PyPI publisher (casperdcl/deploy-pypi, autopub/autopub-action).
PUBLISHER_NAME = re.compile(r"pypi|autopub|publish-python|python-publish", re.I)
BY_HAND = "if it publishes to PyPI, change it by hand (or run the upload in a `run:` step pubmode can convert)"
# to-token, for a step handed a token: if it uploads to PyPI, it does so with that token already
WITH_TOKEN = "if it publishes to PyPI, it already uploads with that token: nothing to change for API-token publishing"
FINDING = "opaque-publish-action"  # the doctor's id for these steps (`migrate explain opaque-publish-action`)
# A job calling another repository's reusable workflow: PyPI matches a publisher against the called file
# (`job_workflow_ref`), so Trusted Publishing can never be used from it (domain.md §2.3).
ELSEWHERE = ("Trusted Publishing cannot be used from another repository's reusable workflow (PyPI matches the "
             "called file, `job_workflow_ref`), so if it publishes to PyPI the token stays: nothing to convert or revoke")


@dataclass(frozen=True)
class OpaqueStep:
    """An action step pubmode cannot read that may upload to PyPI: what it is handed, and where."""

    job_id: str
    path: Tuple[Any, ...]
    what: str  # "step `X` in job `y` (`owner/action@v1`) receives `secrets.PYPI_TOKEN` and may upload with it"
    inside: bool = False  # the action pubmode cannot see is inside a local composite action the step uses
    token: bool = True  # it is handed a credential (else it is named like a publisher, in a job with `id-token`)
    elsewhere: bool = False  # a job calling a reusable workflow of another repository (`path` is its secret)

    @property
    def cannot_see(self) -> str:
        if self.elsewhere:
            return "pubmode cannot read that file"
        return "pubmode cannot see inside " + ("the action it runs" if self.inside else "that action")

    @property
    def fix(self) -> str:
        """What to do about it with Trusted Publishing in view (the doctor's fix, to-oidc's last words)."""
        return ELSEWHERE if self.elsewhere else BY_HAND

    def note(self, to_oidc: bool = True) -> Note:
        """The sentence migrate prints, with the doctor's finding id: to-token has nothing to change in a step
        that is handed a token already."""
        then = WITH_TOKEN if self.token and not to_oidc else self.fix
        return Note(f"{self.what}; {self.cannot_see}: {then}", job=self.job_id, finding=FINDING, at=self.path)


def _inside_composite(step: dict, variables: Set[str], root) -> List[str]:
    """For a local composite action handed credentials: the actions inside it pubmode cannot read that get them,
    each with its file and line and how (`TWINE_PASSWORD` from input `twine_password` <- `secrets.X`)."""
    from codemods.follow.composite import ACTION, INPUT, composite_steps

    given = step.get("with") if isinstance(step.get("with"), dict) else {}
    lowered = {str(k).lower(): v for k, v in given.items()}
    found: dict = {}
    for name, line, inner in composite_steps(step.get("uses"), root, step.get("with")):
        uses = inner.get("uses")
        if not isinstance(uses, str) or uses.strip().startswith("./") or NEVER_UPLOAD.match(uses.strip()) or \
                uses.split("@")[0].strip().rstrip("/").lower() == ACTION:
            continue
        how = []
        for part in ("env", "with"):
            block = inner.get(part) if isinstance(inner.get(part), dict) else {}
            for key, value in block.items():
                for m in INPUT.finditer(str(value)):
                    secrets = [x.group(1) or x.group(2) for x in SECRET_REF.finditer(str(lowered.get(m.group(1).lower(), "")))]
                    if secrets and (str(key) in variables or any(CREDENTIAL_SECRET.search(x) for x in secrets)):
                        how.append(f"`{key}` from input `{m.group(1)}` ← {', '.join(f'`secrets.{x}`' for x in secrets)}")
        if how:
            found.setdefault((uses.strip(), tuple(how), name), []).append(str(line))
    return [f"`{uses}` ({name}:{', '.join(lines)}), which receives {', '.join(how)}"
            for (uses, how, name), lines in found.items()]


def opaque_steps(doc: Document, known: Iterable[Tuple[Any, ...]], variables: Set[str], root=None) -> List[OpaqueStep]:
    """Each action step (not already a publish step) that is handed PyPI credentials, in its own
    `env:`/`with:` or, in a job with no publish step pubmode can read, in the job's or workflow's `env:`;
    and each action named like a publisher in a job with `id-token: write`. One detection for migrate
    (its report) and the doctor (its finding)."""
    known = set(known)
    out = []
    workflow_env = {"env": doc.get(("env",))}
    for job_id, job in jobs(doc):
        inherited = _credentials({"env": job.get("env")}, variables) + _credentials(workflow_env, variables)
        publishes = any(p[:2] == ("jobs", job_id) for p in known)
        for i, step in steps(job):
            uses = step.get("uses")
            path = ("jobs", job_id, "steps", i)
            if path in known or not isinstance(uses, str):
                continue
            creds = _credentials(step, variables)
            named = f"{step_label(step, i)} in job `{job_id}` (`{uses.strip()}`)"
            inside = _inside_composite(step, variables, root) if creds and root is not None else []
            if inside:  # a local composite action pubmode reads: the action inside it is what it cannot see
                out.append(OpaqueStep(job_id, path, f"{named} is a composite action that runs {'; '.join(inside)} and "
                                                    "may upload with it", inside=True))
            elif creds:
                out.append(OpaqueStep(job_id, path, f"{named} receives {', '.join(creds)} and may upload with it"))
            elif inherited and not publishes and not NEVER_UPLOAD.match(uses.strip()):
                out.append(OpaqueStep(job_id, path, f"{named} gets {', '.join(dict.fromkeys(inherited))} from the "
                                                    "job's or workflow's `env:` and may upload with it"))
            elif not publishes and PUBLISHER_NAME.search(uses.split("@")[0]) and job_has_id_token(doc, job_id):
                out.append(OpaqueStep(job_id, path, f"{named} may publish to PyPI with Trusted Publishing (the job "
                                                    "has `id-token: write`)", token=False))
        out += _called_elsewhere(job_id, job, variables)
    return out


def _called_elsewhere(job_id: str, job: dict, variables: Set[str]) -> List[OpaqueStep]:
    """A job that calls another repository's reusable workflow (`uses: owner/repo/.github/workflows/x.yml@ref`)
    and hands it, in `secrets:`, a PyPI credential (`FLIT_PASSWORD: ${{ secrets.FLIT_PASSWORD }}`, as
    kernelci/tuxmake to Linaro/tuxpkg): its upload, if any, is in a file pubmode cannot read."""
    uses, given = job.get("uses"), job.get("secrets")
    if not isinstance(uses, str) or uses.strip().startswith("./") or not isinstance(given, dict):
        return []
    handed = []
    for key, value in given.items():
        secrets = [m.group(1) or m.group(2) for m in SECRET_REF.finditer(value)] if isinstance(value, str) else []
        if secrets and (str(key) in variables or any(CREDENTIAL_SECRET.search(x) for x in [str(key)] + secrets)):
            names = ", ".join(f"`secrets.{x}`" for x in secrets)
            handed.append((key, f"`{key}`" if names == f"`secrets.{key}`" else f"`{key}` ({names})"))
    if not handed:
        return []
    return [OpaqueStep(job_id, ("jobs", job_id, "secrets", handed[0][0]),
                       f"job `{job_id}` hands {', '.join(h for _, h in handed)} to `{uses.strip()}`, a reusable "
                       "workflow of another repository, which may upload with it", elsewhere=True)]


def opaque_uploads(doc: Document, known: Iterable[Tuple[Any, ...]], variables: Set[str], root=None,
                   to_oidc: bool = True) -> List[str]:
    """migrate's report lines for `opaque_steps` and `opaque_commands`, in its direction."""
    known = list(known)
    return [s.note(to_oidc) for s in opaque_steps(doc, known, variables, root)] + \
        [s.note(to_oidc) for s in opaque_commands(doc, known, root)]


# ---- `run:` steps that run a command pubmode does not know, given a PyPI token --------------------------------------
# A release job of the kind that runs a command from its container image or an install (yourlabs/cli2 runs its
# image's `pypi-release`) and hands it a PyPI token: pubmode cannot tell whether or how it uploads, which is not the
# same as "publishes nothing".
RELEASE_JOB = re.compile(r"releas|publish|pypi|deploy|upload", re.I)
COMMAND_FINDING = "opaque-publish-command"
# Programs that are the shell's, everyday tools, or what pubmode reads itself (the uploaders, and what it follows:
# make, tox, nox, a script of the repository): none of them is an upload pubmode cannot see.
KNOWN_PROGRAMS = frozenset("""
    echo printf test [ [[ cd pushd popd ls cat cp mv rm mkdir rmdir ln touch chmod chown export set unset source .
    true false exit return shift eval exec read local declare readonly trap wait sleep env sudo time command
    grep egrep sed awk jq yq cut tr head tail sort uniq wc tee find xargs basename dirname date realpath mktemp which
    curl wget git gh tar zip unzip gzip gunzip sha256sum shasum md5sum openssl gpg ssh ssh-keyscan ssh-add
    pip pip3 python python3 py pipx uv uvx poetry pdm hatch flit twine maturin rye tox nox make cmake bash sh zsh
    npm npx node yarn pnpm docker apt apt-get brew choco conda mamba micromamba cargo rustup go java mvn gradle
    cibuildwheel build check-manifest sphinx-build mkdocs pytest coverage ruff black isort mypy flake8 pre-commit
""".split())


@dataclass(frozen=True)
class OpaqueCommand:
    """A `run:` step of a release job that runs a command pubmode does not know with a PyPI-looking secret."""

    job_id: str
    path: Tuple[Any, ...]
    what: str  # "step `Release` in job `release` runs `pypi-release` … and passes it `secrets.PYPI_TOKEN`"
    why: str = "pubmode cannot tell whether or how it uploads to PyPI"

    def note(self, to_oidc: bool = True) -> Note:
        return Note(f"{self.what}: {self.why}, so it leaves the step as it is; {BY_HAND if to_oidc else WITH_TOKEN}",
                    job=self.job_id, finding=COMMAND_FINDING, at=self.path)


def _unknown_programs(script: str) -> List[str]:
    from codemods.shell import LEADING_KEYWORDS, commands

    out = []
    for cmd in commands(script):
        words = [w.value for w in cmd.words if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", w.value)]
        words = [w for w in words if w not in LEADING_KEYWORDS]
        prog = words[0] if words else ""
        if prog and prog not in KNOWN_PROGRAMS and re.fullmatch(r"[A-Za-z][\w.+-]*", prog) and prog not in out:
            out.append(prog)
    return out


def _release_job(job_id: str, job: dict) -> bool:
    env = job.get("environment")
    env = env.get("name") if isinstance(env, dict) else env
    return any(isinstance(x, str) and RELEASE_JOB.search(x) for x in (job_id, job.get("name"), env))


def _handed(doc: Document, job_id: str, job: dict, i: int, step: dict, release: bool) -> List[str]:
    """The secrets a `run:` step is given that look like a PyPI token: in a release job, any named like one (in its
    `env:`, the job's, the workflow's, or its script); in any job, one set in an upload tool's password variable
    (`TWINE_PASSWORD: ${{ secrets.X }}`)."""
    from codemods.publishers.env_vars import env_chain
    from codemods.uploaders import registry

    script = step.get("run")
    given = [m.group(1) or m.group(2) for block in (step.get("env"), job.get("env"), doc.get(("env",)), script)
             for m in SECRET_REF.finditer(str(block) if block is not None else "")] if release else []
    given = [s for s in given if CREDENTIAL_SECRET.search(s)]
    passwords = {n for up in registry.all_uploaders() for n in up.credentials.password_env}
    given += [m.group(1) or m.group(2) for _, env in env_chain(doc, job_id, i) for k, v in env.items()
              if str(k) in passwords for m in SECRET_REF.finditer(str(v) if v is not None else "")]
    return list(dict.fromkeys(given))


def opaque_commands(doc: Document, known: Iterable[Tuple[Any, ...]], root=None) -> List[OpaqueCommand]:
    """Each `run:` step of a job with no publish step pubmode can read that is given a PyPI token (`_handed`) and
    runs a command pubmode does not know, or (with the repository's `root`) a task of a runner it follows that
    the repository does not define (`tox -e deploy` with no [testenv:deploy]: a reusable workflow's caller
    brings it)."""
    from codemods.follow.calls import step_start, undefined_tasks

    known = set(known)
    out = []
    for job_id, job in jobs(doc):
        out += _run_time_commands(doc, job_id, job, known)
        if any(p[:2] == ("jobs", job_id) for p in known):
            continue
        release = _release_job(job_id, job)
        for i, step in steps(job):
            script = step.get("run")
            path = ("jobs", job_id, "steps", i)
            if not isinstance(script, str) or path in known or path in {c.path for c in out}:
                continue
            given = _handed(doc, job_id, job, i, step, release)
            if not given:
                continue
            programs = [f"`{p}` (not a tool pubmode knows, nor a file of the repository)" for p in
                        _unknown_programs(script)] if release else []
            tasks = undefined_tasks(script, root, *step_start(job, step)) if root is not None else []
            if programs or tasks:
                elsewhere = " (a reusable workflow: it runs in its caller's checkout)" if tasks and "workflow_call" in triggers(doc) else ""
                out.append(OpaqueCommand(job_id, path, f"{step_label(step, i)} in job `{job_id}` runs "
                                         f"{', '.join(programs + tasks)}{elsewhere} and is given "
                                         f"{', '.join(f'`secrets.{s}`' for s in given)}"))
    return out


RUN_TIME_WHY = "pubmode cannot see into it"


def _run_time_commands(doc: Document, job_id: str, job: dict, known: Set[Tuple[Any, ...]]) -> List[OpaqueCommand]:
    """The `run:` steps of any job whose upload is a command string they build and run (`eval "$CMD"`, as
    NVIDIA/Megatron-LM's publish job): an upload for certain, whose words no edit can reach."""
    from codemods.uploaders.run_time import run_time_uploads

    out = []
    for i, step in steps(job):
        script, path = step.get("run"), ("jobs", job_id, "steps", i)
        if not isinstance(script, str) or path in known or "$" not in script:
            continue
        env = {str(k): str(v) for block in (doc.get(("env",)), job.get("env"), step.get("env"))
               if isinstance(block, dict) for k, v in block.items()}
        found = run_time_uploads(script, env)
        if found:
            out.append(OpaqueCommand(job_id, path, f"{step_label(step, i)} in job `{job_id}`: "
                                     + "; ".join(r.what for r in found), RUN_TIME_WHY))
    return out
