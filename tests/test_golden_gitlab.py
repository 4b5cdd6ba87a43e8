"""GitLab golden cases: tests/golden-gitlab/<case>/ holds `input.yml` and what each command makes of it.

Files of a case (a missing expected file means "unchanged"):
  input.yml            the pipeline, placed at .gitlab-ci.yml of a scratch repository whose origin is
                       gitlab.com/octo-group/sub/octo-project (a subgroup: the namespace is `octo-group/sub`)
  origin               optional: the origin remote's URL instead (a self-managed GitLab), empty for none; further
                       lines `NAME URL` add other remotes (a mirror on the other forge)
  pyproject.toml       optional, copied to the repository root (the project name comes from it)
  repo/                optional files of the repository the pipeline runs or includes (tox.ini, scripts,
                       a Makefile, `include:`d YAML files), as in tests/golden/;
  to-oidc.repo/,       what each of them becomes in that direction (a missing file: unchanged)
  to-token.repo/,
  round-trip.repo/     (the last: to-token applied to the files as to-oidc left them)
  to-oidc.yml          `migrate to-oidc` applied to input.yml
  to-oidc.report       what it printed on stderr
  to-token.yml/.report `migrate to-token` applied to input.yml
  round-trip.yml       `migrate to-token` applied to to-oidc.yml
  doctor.report        `migrate doctor` on input.yml (stdout); on the whole repository when repo/ holds GitHub
                       workflows (a repository on both forges)
  source               where a case from the real corpus comes from (../shared/corpus/gitlab/NNNN.yml)

Every output is re-parsed and compared with the intended edits by the engine before it is written,
run twice (idempotent), and checked against GitLab's CI JSON schema (check-jsonschema's
`vendor/gitlab-ci.json`) whenever the input passes it. Regenerate with
`PUBMODE_REGEN=1 pytest tests/test_golden_gitlab.py`, then review `git diff tests/golden-gitlab`.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import List

import pytest

from conftest import Repo
from test_golden import REGEN, _expect, _expect_repo, _repo_files

GOLDEN = Path(__file__).parent / "golden-gitlab"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "input.yml").is_file())
PIPELINE = ".gitlab-ci.yml"
GITLAB_REMOTE = "https://gitlab.com/octo-group/sub/octo-project.git"


class GitLabRepo(Repo):
    """A throwaway repository on gitlab.com, with no .github folder."""

    def __init__(self, root: Path, remote: str = GITLAB_REMOTE):
        self.root = root
        subprocess.run(["git", "init", "-q", str(root)], check=True)
        origin, *others = remote.splitlines() or [""]
        for name, url in [("origin", origin)] * bool(origin.strip()) + [tuple(o.split()) for o in others if o.strip()]:
            subprocess.run(["git", "-C", str(root), "remote", "add", name, url.strip()], check=True)


def gitlab_schema_errors(text: str) -> List[str]:
    import check_jsonschema
    import jsonschema

    from codemods.gitlab.document import GitLabDocument

    path = Path(check_jsonschema.__file__).parent / "builtin_schemas" / "vendor" / "gitlab-ci.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    data = GitLabDocument(text).data
    return [f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft7Validator(schema).iter_errors(data)]


def _origin(case: Path) -> str:
    return (case / "origin").read_text().strip() if (case / "origin").is_file() else GITLAB_REMOTE


def _run(case: Path, tmp_path: Path, label: str, data: bytes, direction: str, files: dict = None) -> tuple:
    repo = GitLabRepo(tmp_path / label, _origin(case))
    if (case / "pyproject.toml").is_file():
        repo.write("pyproject.toml", (case / "pyproject.toml").read_bytes())
    for rel, content in (files if files is not None else _repo_files(case)).items():
        repo.write(rel, content)
    repo.write(PIPELINE, data)
    out = repo.migrate(direction)  # no PATH: the pipeline of the repository around the current folder
    assert "Traceback" not in out.stderr
    assert out.code in (0, 2), out.stderr
    first = repo.read(PIPELINE)
    others = {rel: repo.read(rel) for rel in _repo_files(case)}
    again = repo.migrate(direction, PIPELINE)
    assert repo.read(PIPELINE) == first, f"{case.name}: a second {direction} changed the file (not idempotent)"
    assert {rel: repo.read(rel) for rel in others} == others, f"{case.name}: a second {direction} changed a file"
    assert again.code == out.code
    assert repo.migrate(direction, "--check", ".").code in (0, 2), "--check after a run must find nothing to change"
    return first, out, repo


@pytest.mark.parametrize("name", CASES)
def test_golden_gitlab(name: str, tmp_path: Path) -> None:
    case = GOLDEN / name
    source = (case / "input.yml").read_bytes()
    files = _repo_files(case)
    oidc, oidc_out, oidc_repo = _run(case, tmp_path, "oidc", source, "to-oidc")
    _expect(case, "to-oidc.yml", oidc, source)
    _expect(case, "to-oidc.report", oidc_out.stderr.encode())
    _expect_repo(case, "to-oidc", oidc_repo, files)
    token, token_out, token_repo = _run(case, tmp_path, "token", source, "to-token")
    _expect(case, "to-token.yml", token, source)
    _expect(case, "to-token.report", token_out.stderr.encode())
    _expect_repo(case, "to-token", token_repo, files)
    converted = {rel: oidc_repo.read(rel) for rel in files}
    if oidc != source or converted != files:
        back, _, back_repo = _run(case, tmp_path, "back", oidc, "to-token", converted)
        _expect(case, "round-trip.yml", back)
        for rel, before in files.items():
            _expect(case, f"round-trip.repo/{rel}", back_repo.read(rel), before)
    elif not REGEN:
        assert not (case / "round-trip.yml").exists(), "round-trip.yml for a case to-oidc leaves unchanged"
    doctor = GitLabRepo(tmp_path / "doctor", _origin(case))
    for rel, content in files.items():
        doctor.write(rel, content)
    doctor.write(PIPELINE, source)
    both = any(rel.startswith(".github/workflows/") for rel in files)  # a repository on both forges: every file
    _expect(case, "doctor.report", (doctor.migrate("doctor") if both else doctor.migrate("doctor", PIPELINE)).stdout.encode())
    if not gitlab_schema_errors(source.decode("utf-8-sig")):
        for label, data in (("to-oidc", oidc), ("to-token", token)):
            assert gitlab_schema_errors(data.decode("utf-8-sig")) == [], f"{name}: {label} output fails GitLab's schema"
    for rel in files:  # included pipeline files: checked like the top-level one
        if rel.endswith((".yml", ".yaml")) and not gitlab_schema_errors(files[rel].decode("utf-8-sig")):
            for label, r in (("to-oidc", oidc_repo), ("to-token", token_repo)):
                assert gitlab_schema_errors(r.read(rel).decode("utf-8-sig")) == [], f"{name}: {label} {rel} fails the schema"


def test_there_are_cases_from_the_corpus() -> None:
    assert sum((GOLDEN / c / "source").is_file() for c in CASES) >= 7
