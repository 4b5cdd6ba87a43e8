"""What reads as a build in a job (codemods/builds.py): the warning that a job given the OIDC token also
builds, and `--split-jobs`, rest on it (pdm-project/pdm-backend@7597482: `pipx run build`, then
`pipx run twine upload`, had no warning while `python -m build` had)."""
from __future__ import annotations

import pytest

from codemods.builds import step_builds


@pytest.mark.parametrize("run", ["pipx run build", "uvx build --sdist", "python -m build", "uv build",
                                 "pyproject-build -w", "pipx run build && pipx run twine upload dist/*"])
def test_build_commands_behind_a_runner_are_builds(run: str) -> None:
    assert step_builds({"run": run})


@pytest.mark.parametrize("run", ["pipx run twine upload dist/*", "uvx twine check dist/*",
                                 "pipx run buildozer", "echo build"])
def test_other_commands_are_not(run: str) -> None:
    assert not step_builds({"run": run})
