"""The projects an upload names by their folders' `dist/` (`twine upload broker/dist/* python/dist/*`): one
publisher (to-oidc) and one token scope (to-token) per project, on GitHub and GitLab alike (the golden cases
monorepo-upload-paths-two-projects, from codex-bridge's release steps). Only a folder that defines a package
counts: a `dist/` of downloaded artifacts or a wheel folder says nothing of the project."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from codemods.project import file_folders, upload_script_folders


def _repo(tmp_path: Path) -> Path:
    for folder, name in (("broker", "codex-bridge"), ("python", "codex-bridge-sdk")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "pyproject.toml").write_text(f'[project]\nname = "{name}"\nversion = "1"\n')
    (tmp_path / "artifacts" / "dist").mkdir(parents=True)
    return tmp_path


def test_the_package_folders_an_upload_names(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    assert file_folders("twine upload broker/dist/* ./python/dist/*.whl", None, root) == ["broker", "python"]
    assert file_folders("cd python && python -m twine upload ../broker/dist/*", None, root) == []  # `..`: not read
    assert file_folders("cd sub && twine upload dist/*", None, root) == []  # the folder it runs in stands
    for script in ("twine upload dist/*", "twine upload artifacts/dist/*", "twine upload target/wheels/*.whl",
                   "twine upload $PKG/dist/*", "twine upload */dist/*", "echo broker/dist/*"):
        assert file_folders(script, None, root) == [], script


def test_a_script_s_uploads_by_folder_in_order(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    script = "python3 -m twine upload python/dist/*\ncd broker\ntwine upload dist/*\ntwine upload dist/*"
    assert upload_script_folders(script, root) == ["python", "broker"]
    assert upload_script_folders("uv publish artifacts/dist/*", root) == [None]  # no package there: the root's


def _migrate(*args: str, cwd: Path) -> str:
    run = subprocess.run([sys.executable, "-m", "cli", *args], cwd=cwd, capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    return run.stdout + run.stderr


def _git(root: Path, remote: str) -> None:
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "remote", "add", "origin", remote], cwd=root, check=True)


GITLAB_OIDC = """publish:
  image: python:3.12
  environment: pypi
  id_tokens:
    PYPI_ID_TOKEN:
      aud: pypi
  script:
    - python3 -m twine upload broker/dist/*
    - python3 -m twine upload python/dist/*
"""


def test_gitlab_to_token_scopes_the_token_to_both_projects(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    _git(root, "https://gitlab.com/acme/bridge.git")
    (root / ".gitlab-ci.yml").write_text(GITLAB_OIDC)
    out = _migrate("to-token", "--dry-run", ".", cwd=root)
    assert "token that can upload `codex-bridge`, `codex-bridge-sdk` (an account-wide token" in out, out



def test_the_root_s_own_dist_beside_a_package_folder_s(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    assert file_folders("twine upload dist/* python/dist/*", None, root) == [None, "python"]
    assert file_folders("cd broker && twine upload dist/* ../python/dist/*", None, root) == []  # `..`: not read
    assert file_folders("cd broker && twine upload ./dist/*.whl sub/dist/*", None, root) == []  # no package in sub


CREWAI = Path(__file__).parent / "golden" / "uv-workspace-private-member-crewai"


def _crewai(tmp_path: Path, workflow: str, private: bool = True):
    from conftest import WORKFLOW, Repo

    repo = Repo(tmp_path / "r")
    repo.write("pyproject.toml", (CREWAI / "pyproject.toml").read_bytes())
    for f in sorted((CREWAI / "repo").rglob("pyproject.toml")):
        text = f.read_bytes()
        repo.write(f.relative_to(CREWAI / "repo").as_posix(),
                   text if private else text.replace(b'classifiers = ["Private :: Do Not Upload"]\n', b""))
    repo.write(WORKFLOW, (CREWAI / workflow).read_bytes())
    return repo


def test_a_member_the_upload_loop_skips_gets_no_publisher(tmp_path: Path) -> None:
    # crewAIInc/crewAI publish.yml: `if [[ "$package" == *"crewai_devtools"* ]]; then … continue`; without its
    # `Private :: Do Not Upload` classifier the loop alone keeps crewai-devtools off PyPI (stranger19)
    out = _crewai(tmp_path, "input.yml", private=False).migrate("to-oidc", "--dry-run")
    assert "`crewai-devtools` is not uploaded (the upload loop skips `*crewai_devtools*`)" in out.stderr, out.stderr
    assert "for project `crewai-devtools`" not in out.stderr and "for project `crewai-core`" in out.stderr


def test_the_round_trip_leaves_a_private_member_out_of_the_token_s_projects(tmp_path: Path) -> None:
    out = _crewai(tmp_path, "to-oidc.yml").migrate("to-token", "--dry-run")
    assert "`crewai`, `crewai-cli`, `crewai-core`, `crewai-files`, `crewai-tools`" in out.stderr, out.stderr
    assert "crewai-devtools" not in out.stderr


def test_a_skip_that_leaves_the_sdist_is_no_skip() -> None:
    from codemods.published_projects import skipped_in_loop

    def job(script: str) -> dict:
        return {"steps": [{"run": script}]}

    assert skipped_in_loop(job('for p in dist/*; do [[ $p == *a_b* ]] && continue; uv publish "$p"; done'), [0], "a-b")
    assert not skipped_in_loop(job('for p in dist/*; do [[ $p == *a_b*.whl ]] && continue; uv publish "$p"; done'),
                               [0], "a-b")  # its sdist is still uploaded
    assert not skipped_in_loop(job("for p in dist/*; do if [[ $p == *a_b* ]]; then echo; else continue; fi; done"),
                               [0], "a-b")  # the other files are skipped, not these
