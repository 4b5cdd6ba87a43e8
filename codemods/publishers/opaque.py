"""Steps that receive upload credentials but whose upload pubmode cannot see.

An action such as `pantsbuild/actions/run-tox` with `tox-env: publish` uploads from inside its own
code. It cannot be converted, but a migration that says nothing about it would leave a token in a
workflow reported as converted. Each such step is reported with the credentials it receives.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, List, Set, Tuple

from codemods.engine.document import Document
from codemods.permissions import job_has_id_token
from codemods.workflow import SECRET_REF, jobs, step_label, steps

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
CANNOT_SEE = ("pubmode cannot see inside that action: if it publishes to PyPI, change it by hand (or run the "
              "upload in a `run:` step pubmode can convert)")


def opaque_uploads(doc: Document, known: Iterable[Tuple[Any, ...]], variables: Set[str]) -> List[str]:
    """One line per action step (not already a publish step) that is handed PyPI credentials, in its own
    `env:`/`with:` or, in a job with no publish step pubmode can read, in the job's or workflow's `env:`."""
    known = set(known)
    out = []
    workflow_env = {"env": doc.get(("env",))}
    for job_id, job in jobs(doc):
        inherited = _credentials({"env": job.get("env")}, variables) + _credentials(workflow_env, variables)
        publishes = any(p[:2] == ("jobs", job_id) for p in known)
        for i, step in steps(job):
            uses = step.get("uses")
            if ("jobs", job_id, "steps", i) in known or not isinstance(uses, str):
                continue
            creds = _credentials(step, variables)
            if creds:
                out.append(f"{step_label(step, i)} in job `{job_id}` (`{uses.strip()}`) receives {', '.join(creds)} "
                           f"and may upload with it; {CANNOT_SEE}")
            elif inherited and not publishes and not NEVER_UPLOAD.match(uses.strip()):
                out.append(f"{step_label(step, i)} in job `{job_id}` (`{uses.strip()}`) gets "
                           f"{', '.join(dict.fromkeys(inherited))} from the job's or workflow's `env:` and may upload "
                           f"with it; {CANNOT_SEE}")
            elif not publishes and PUBLISHER_NAME.search(uses.split("@")[0]) and job_has_id_token(doc, job_id):
                out.append(f"{step_label(step, i)} in job `{job_id}` (`{uses.strip()}`) may publish to PyPI with "
                           f"Trusted Publishing (the job has `id-token: write`); {CANNOT_SEE}")
    return out
