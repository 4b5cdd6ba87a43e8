"""Which variables a tox environment must pass through, derived from the uploaders' own tables.

Both directions read the same table, so whatever to-token sets in the workflow is what passenv gets
back (uv's `UV_PUBLISH_TOKEN`, not twine's names).
"""
from __future__ import annotations

from typing import List, Optional, Set, Tuple

from codemods.uploaders import registry
from codemods.uploaders.spec import Uploader

OIDC_VARIABLES = ("ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN")


def token_uploader(reads: Set[str]) -> Optional[Uploader]:
    """The Trusted-Publishing-capable uploader whose password variables the upload reads."""
    return next((up for up in registry.trusted_uploaders() if set(up.credentials.password_env) & reads), None)


def token_variables(reads: Set[str]) -> List[str]:
    """The variables to-token sets in the workflow for an upload that reads `reads`."""
    up = token_uploader(reads)
    return [name for name, _ in up.credentials.token_env] if up else []


def passenv_change(names: List[str], reads: Set[str], to_oidc: bool) -> Tuple[List[str], List[str]]:
    """(names to drop, names to add): to-oidc swaps the uploader's credentials for the OIDC request
    variables; to-token adds back the variables the workflow will set."""
    if to_oidc:
        return [n for n in names if n in reads], [n for n in OIDC_VARIABLES if n not in names]
    return [], [n for n in token_variables(reads) if n not in names]
