"""The warning for a followed script whose upload moved to the workflow (codemods/follow/run_by_hand.py):
a script left with nothing but shell settings releases nothing when run by hand, and says so."""
from __future__ import annotations

from pathlib import Path

import pytest

from codemods.engine.file_edit import Target
from codemods.follow.run_by_hand import run_by_hand_warning

# YuviGold/mercado@26db8a4 hack/deploy.sh after to-oidc took out its `poetry publish`
MERCADO_AFTER = """#!/usr/bin/env bash

set -o nounset
set -o pipefail
set -o errexit
set -o xtrace

# python3 -m twine upload --verbose dist/*
"""


def warning(tmp_path: Path, text: str) -> str:
    script = tmp_path / "hack" / "deploy.sh"
    script.parent.mkdir()
    script.write_text(text)
    return run_by_hand_warning(tmp_path, Target("script", script), "deploy.sh", text)


def test_a_script_left_with_shell_settings_only_releases_nothing(tmp_path: Path) -> None:
    said = warning(tmp_path, MERCADO_AFTER + 'echo "done"\nVERSION=1\n')
    assert "releases nothing" in said and "only builds" not in said


@pytest.mark.parametrize("rest", ["poetry build\n", 'if [ -n "$CI" ]; then poetry build; fi\n',
                                  "cd pkg && python -m build\n"])
def test_a_script_that_still_runs_something_only_builds(tmp_path: Path, rest: str) -> None:
    said = warning(tmp_path, MERCADO_AFTER + rest)
    assert "only builds" in said and "releases nothing" not in said
