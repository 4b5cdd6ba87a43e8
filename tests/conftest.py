"""Shared test helpers: a scratch git repository and the CLI run in-process."""
from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

import pytest
from typer.testing import CliRunner

from cli import app

REMOTE = "https://github.com/octo-org/octo-repo.git"
WORKFLOW = ".github/workflows/release.yml"

# A release workflow that publishes with an API token: the smallest input every integration test converts.
TOKEN_WORKFLOW = b"""name: release
on:
  release:
    types: [published]
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pipx run build
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{ secrets.PYPI_API_TOKEN }}
"""


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


class Repo:
    """A throwaway repository with a GitHub remote, in which the CLI runs."""

    def __init__(self, root: Path):
        self.root = root
        subprocess.run(["git", "init", "-q", str(root)], check=True)
        subprocess.run(["git", "-C", str(root), "remote", "add", "origin", REMOTE], check=True)
        (root / ".github" / "workflows").mkdir(parents=True)

    def write(self, rel: str, data: bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def read(self, rel: str = WORKFLOW) -> bytes:
        return (self.root / rel).read_bytes()

    def migrate(self, *args: str) -> Outcome:
        old = os.getcwd()
        os.chdir(self.root)
        try:
            result = CliRunner().invoke(app, list(args), catch_exceptions=False)
        finally:
            os.chdir(old)
        return Outcome(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path / "repo")


def workflow_schema() -> Optional[dict]:
    """The GitHub workflow JSON schema that check-jsonschema ships (`vendor.github-workflows`)."""
    try:
        import check_jsonschema
    except ImportError:
        return None
    path = Path(check_jsonschema.__file__).parent / "builtin_schemas" / "vendor" / "github-workflows.json"
    return json.loads(path.read_text(encoding="utf-8"))


def schema_errors(text: str) -> List[str]:
    import jsonschema

    from codemods.engine.document import load_data  # YAML 1.2, and tabs between tokens as YAML allows them

    schema = workflow_schema()
    assert schema is not None, "check-jsonschema is a test dependency: pip install -e '.[test]'"
    data = load_data(text)
    validator = jsonschema.Draft7Validator(schema)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
