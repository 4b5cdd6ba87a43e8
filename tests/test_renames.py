"""A job that renames its project before the build publishes another name: the publisher is
registered for that name, the environment URL points at it, and jobs that publish different
projects are told apart (shapes from MyST-Parser, TestPyPI renames and swapped pyproject files)."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Dict, List, Optional

import pytest

from codemods.migrate import TO_OIDC, TO_TOKEN, Options
from codemods.runner import migrate_file

PYPROJECT = '[project]\nname = "widget"\nversion = "1.0"\n'
WORKFLOW = """\
on:
  push:
    tags: ["v*"]
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: {rename}
      - run: python -m build
      - run: twine upload dist/*
        env:
          TWINE_USERNAME: __token__
          TWINE_PASSWORD: ${{{{ secrets.{secret} }}}}
"""

RENAME_SCRIPT = '''import re
import sys
from pathlib import Path

path = Path(sys.argv[sys.argv.index("--pyproject") + 1])
new = sys.argv[sys.argv.index("--test-name") + 1]
path.write_text(re.sub(r'^name = ".*"', f'name = "{new}"', path.read_text(), count=1, flags=re.M))
'''

CASES = {
    "sed in the step": ("sed -i 's/^name = \"widget\"/name = \"widget-nightly\"/' pyproject.toml", {},
                        "widget-nightly"),
    "swapped pyproject": ("cp pypi/pyproject.slim.toml pyproject.toml",
                          {"pypi/pyproject.slim.toml": '[project]\nname = "widget-slim"\nversion = "1.0"\n'},
                          "widget-slim"),
    # chroma-core/chroma's clients/python/build_python_thin_client.sh: the paths in variables, the root's file moved
    # aside first and put back by a trap; the build runs in the script after the copy
    "swapped pyproject through the script's variables": (
        "./build_thin.sh",
        {"build_thin.sh": 'existing_toml="pyproject.toml"\nthin_client_toml="clients/python/pyproject.toml"\n'
                          'staged_toml="staged_pyproject.toml"\nmv "$existing_toml" "$staged_toml"\n'
                          'function cleanup {\n  rm "$existing_toml"\n  mv "$staged_toml" "$existing_toml"\n}\n'
                          'trap cleanup EXIT\ncp "$thin_client_toml" "$existing_toml"\npython -m build\n',
         "clients/python/pyproject.toml": '[project]\nname = "widget-client"\nversion = "1.0"\n'},
        "widget-client"),
    "a copy over pyproject.toml after the build": (
        "./build_thin.sh",
        {"build_thin.sh": 'python -m build\ncp backup/pyproject.toml pyproject.toml\n',
         "backup/pyproject.toml": '[project]\nname = "widget-old"\nversion = "1.0"\n'},
        "widget"),
    "script with the name as an option": ("python scripts/rename.py --pyproject pyproject.toml --test-name widget-test",
                                          {"scripts/rename.py": RENAME_SCRIPT}, "widget-test"),
    "a step that only reads the metadata": (
        "python -c \"import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])\"",
        {}, "widget"),
}


def _repo(tmp_path: Path, workflow: str, files: Dict[str, str]) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    wf = tmp_path / ".github" / "workflows" / "release.yml"
    wf.parent.mkdir(parents=True, exist_ok=True)
    wf.write_text(workflow)
    return wf


def _registered(result) -> List[Optional[str]]:
    return [r.project for r in result.plan.registrations]


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_publisher_is_registered_for_the_name_the_job_builds(tmp_path: Path, case: str) -> None:
    rename, files, expected = CASES[case]
    wf = _repo(tmp_path, WORKFLOW.format(rename=rename, secret="PYPI_API_TOKEN"), files)
    result = migrate_file(wf, Options(TO_OIDC))
    assert result.error is None, result.error
    assert _registered(result) == [expected]
    assert f"https://pypi.org/p/{expected}" in result.new_text


TWO_JOBS = """\
on:
  push:
    tags: ["v*"]
jobs:
{jobs}"""
JOB = """\
  {job_id}:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: {rename}
      - run: twine upload dist/*
        env:
          TWINE_PASSWORD: ${{{{ secrets.{secret} }}}}
"""


def test_jobs_read_as_one_project_with_different_secrets_are_questioned(tmp_path: Path) -> None:
    # the second job renames the project in a way pubmode cannot read (the name comes from a variable)
    jobs = JOB.format(job_id="main", rename="python -m build", secret="PYPI_TOKEN") + \
        JOB.format(job_id="extra", rename="python tools/variant.py pyproject.toml", secret="PYPI_TOKEN_EXTRA")
    wf = _repo(tmp_path, TWO_JOBS.format(jobs=jobs), {"tools/variant.py": "import os\nprint(os.environ['X'])\n"})
    result = migrate_file(wf, Options(TO_OIDC))
    assert any("are read as publishing `widget` but used different secrets (`PYPI_TOKEN`, `PYPI_TOKEN_EXTRA`)" in w
               for w in result.plan.warnings), result.plan.warnings


def test_to_token_warns_when_one_secret_serves_two_projects(tmp_path: Path) -> None:
    golden = Path(__file__).parent / "golden" / "two-projects-renamed-by-script"
    files = {".github/workflows/docutils_setup.py": (golden / "repo/.github/workflows/docutils_setup.py").read_text()}
    wf = _repo(tmp_path, (golden / "to-oidc.yml").read_text(), files)
    (tmp_path / "pyproject.toml").write_text((golden / "pyproject.toml").read_text())
    result = migrate_file(wf, Options(TO_TOKEN))
    assert result.error is None, result.error
    assert any("publish different projects (`myst-docutils`, `myst-parser`) and now all read the secret "
               "`PYPI_API_TOKEN`" in w for w in result.plan.warnings), result.plan.warnings


TRUSTED_UV = """on:
  push:
    tags: ["v*"]
jobs:
  release:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      - uses: actions/checkout@v4
      - uses: PyO3/maturin-action@v1
        with:
          command: sdist
          args: --out dist --manifest-path {folder}/Cargo.toml
      - run: uv publish dist/*
"""


def test_to_token_names_every_project_one_secret_serves_across_workflows(repo) -> None:
    # NNPDF/pineappl: two workflows publish two projects (`pineappl` from pineappl_py, `pineappl-cli` from
    # pineappl_cli) and held two secrets; to-token gives both the one default secret, so a token scoped to one
    # project would fail the other's release: the next step says the token must upload both
    repo.write(".github/workflows/release-wheels.yml", TRUSTED_UV.format(folder="pineappl_py").encode())
    repo.write(".github/workflows/release-cli-wheels.yml", TRUSTED_UV.format(folder="pineappl_cli").encode())
    for folder, name in (("pineappl_py", "pineappl"), ("pineappl_cli", "pineappl-cli")):
        repo.write(f"{folder}/pyproject.toml", f'[project]\nname = "{name}"\n'.encode())
        repo.write(f"{folder}/Cargo.toml", f'[package]\nname = "{name}"\n'.encode())
    out = repo.migrate("to-token", "--dry-run")
    assert out.code == 0, out.stderr
    assert "holding a PyPI API token that can upload `pineappl`, `pineappl-cli` (an account-wide token" in out.stderr
    data = json.loads(repo.migrate("to-token", "--dry-run", "--format", "json").stdout)
    assert data["next_steps"]["create_secret_projects"] == {"PYPI_API_TOKEN": ["pineappl", "pineappl-cli"]}
    # one workflow alone: one project, a project-scoped token
    out = repo.migrate("to-token", "--dry-run", ".github/workflows/release-wheels.yml")
    assert "holding a PyPI API token scoped to the project" in out.stderr


@pytest.mark.parametrize("setting, packaged", [("[tool.uv]\npackage = false\n", False),
                                               ("[tool.poetry]\npackage-mode = false\n", False),
                                               ("[tool.pdm]\ndistribution = false\n", False),
                                               ("[tool.uv]\npackage = true\n", True), ("", True)])
def test_a_root_project_that_is_no_package_is_not_registered(repo, setting, packaged) -> None:
    # open-telemetry/opentelemetry-python: the root pyproject.toml is a uv workspace's root (`package = false`,
    # `opentelemetry-python` 0.0.0, "not used"); scripts/build.sh builds its ~30 members, which the job uploads
    from conftest import TOKEN_WORKFLOW

    repo.write(".github/workflows/release.yml", TOKEN_WORKFLOW)
    repo.write("pyproject.toml", f'[project]\nname = "opentelemetry-python"\nversion = "0.0.0"\n\n{setting}'.encode())
    out = repo.migrate("to-oidc", "--dry-run")
    if packaged:
        assert "for project `opentelemetry-python`" in out.stderr
        return
    assert "opentelemetry-python" not in out.stdout + out.stderr
    assert "for project `<project name>`" in out.stderr and "one publisher for each project the job uploads" in out.stderr


@pytest.mark.parametrize("metadata, name", [('module = "mdformat_tables"\n', "mdformat_tables"),
                                            ('module = "mdformat_tables"\ndist-name = "mdformat-tables"\n',
                                             "mdformat-tables")])
def test_flit_metadata_before_pep_621_names_the_project(repo, metadata, name) -> None:
    # executablebooks/mdformat-tables (2024-11): `[tool.flit.metadata] module = "mdformat_tables"`, flit's format
    # before PEP 621; the distribution is `dist-name`, else the module's name
    from conftest import TOKEN_WORKFLOW

    repo.write(".github/workflows/release.yml", TOKEN_WORKFLOW)
    repo.write("pyproject.toml", f'[build-system]\nrequires = ["flit_core"]\n\n[tool.flit.metadata]\n{metadata}'.encode())
    out = repo.migrate("to-oidc", "--dry-run")
    assert f"for project `{name}`" in out.stderr, out.stderr
