"""Which variables a tox environment must pass through, derived from the uploaders' own tables.

Both directions read the same table, so whatever to-token sets in the workflow is what passenv gets
back (uv's `UV_PUBLISH_TOKEN`, not twine's names).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, List, Optional, Set, Tuple

from codemods.indexes import Index
from codemods.uploaders import registry
from codemods.uploaders.spec import Uploader

OIDC_VARIABLES = ("ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN")


@dataclass(frozen=True)
class Platform:
    """Where the followed file runs: the variables an uploader reads its OIDC token from (what a tox
    environment must pass through, given the indexes the upload goes to), where an upload of a tool
    without Trusted Publishing goes instead, and whether a script's such upload may be handed over
    to a new step of the workflow (GitHub's publish action)."""

    oidc_variables: Callable[[Iterable[Index]], Tuple[str, ...]]
    fallback: str
    hand_over: bool


GITHUB = Platform(lambda targets: OIDC_VARIABLES, "pypa/gh-action-pypi-publish in the workflow", True)


def token_uploader(reads: Set[str]) -> Optional[Uploader]:
    """The Trusted-Publishing-capable uploader whose password variables the upload reads."""
    return next((up for up in registry.trusted_uploaders() if set(up.credentials.password_env) & reads), None)


def token_variables(reads: Set[str]) -> List[str]:
    """The variables to-token sets in the workflow for an upload that reads `reads`."""
    up = token_uploader(reads)
    return [name for name, _ in up.credentials.token_env] if up else []


# a command that takes an OIDC token besides the upload (sigstore, an attestation, a token read by name)
OTHER_OIDC_USER = re.compile(r"sigstore|attest|\boidc\b|id[-_]token|ACTIONS_ID_TOKEN|_ID_TOKEN\b", re.I)


def passenv_change(names: List[str], reads: Set[str], to_oidc: bool,
                   oidc_variables: Tuple[str, ...] = OIDC_VARIABLES,
                   other_commands: str = "") -> Tuple[List[str], List[str]]:
    """(names to drop, names to add): to-oidc swaps the uploader's credentials for the OIDC request
    variables; to-token adds back the variables the workflow will set and drops the OIDC token's own variables
    the upload read (not a CI marker such as `GITLAB_CI`), unless another command of the env
    (`other_commands`: its commands but the uploads) takes an OIDC token too."""
    if to_oidc:
        return [n for n in names if n in reads], [n for n in oidc_variables if n not in names]
    # only the token's own variables: a CI marker (`GITLAB_CI`) may have been passed for other reasons before
    gone = [] if OTHER_OIDC_USER.search(other_commands) else [n for n in names if n in oidc_variables and
                                                                "ID_TOKEN" in n]
    return gone, [n for n in token_variables(reads) if n not in names]
