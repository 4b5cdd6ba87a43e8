"""Next steps never tell to revoke a token a secret does not hold: a secret named for a user name
(jina-ai's workflows pass `TWINE_USERNAME` beside `TWINE_PASSWORD`) is deleted, not revoked."""
from __future__ import annotations

import pytest

from codemods.report import revoke_clause, still_read_text


@pytest.mark.parametrize("secrets, clause", [
    (["PYPI_API_TOKEN"], " and revoke the API token it holds on PyPI or TestPyPI"),
    (["TWINE_USERNAME", "TWINE_PASSWORD"], " and revoke the API token among them on PyPI or TestPyPI"),
    (["PYPI_USER_TOKEN", "PYPI_TOKEN"], " and revoke the API tokens among them on PyPI or TestPyPI"),
    (["TWINE_USERNAME"], ""),
    (["PYPI_LOGIN", "PYPI_USER"], ""),
])
def test_only_secrets_that_may_hold_a_token_are_revoked(secrets, clause) -> None:
    assert revoke_clause(secrets) == clause


def test_a_user_name_still_read_is_deleted_later_not_revoked() -> None:
    assert still_read_text("TWINE_USERNAME", ["a.yml"]).endswith("then delete it.")
    assert still_read_text("TWINE_PASSWORD", ["a.yml"]).endswith("then delete it and revoke the API token it holds.")
