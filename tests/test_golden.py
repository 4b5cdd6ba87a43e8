"""Golden cases: tests/golden/<case>/ holds `input.yml` and what each direction must make of it.

Files of a case (a missing expected file means "unchanged"):
  input.yml            the workflow, placed at .github/workflows/release.yml of a scratch repository
                       whose origin is github.com/octo-org/octo-repo
  pyproject.toml,
  setup.cfg            optional, copied to the repository root (the project name comes from them)
  args.to-oidc,
  args.to-token        optional extra command-line arguments, one per line
  to-oidc.yml          `migrate to-oidc` applied to input.yml
  to-oidc.report       what it printed on stderr
  to-token.yml/.report `migrate to-token` applied to input.yml
  round-trip.yml       `migrate to-token` applied to to-oidc.yml
  repo/                optional files of the repository the workflow runs (scripts, tox.ini, Makefile…);
  to-oidc.repo/,       what each of them becomes in that direction (a missing file: unchanged)
  to-token.repo/,
  round-trip.repo/     (the last: to-token applied to the files as to-oidc left them)
  doctor.report        optional: `migrate doctor` on input.yml (stdout), for cases where what the doctor
                       says must match what migrate does (create it empty, then regenerate)

Regenerate with `PUBMODE_REGEN=1 pytest tests/test_golden.py`, then review `git diff tests/golden`.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import WORKFLOW, Repo, schema_errors

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "input.yml").is_file())
REGEN = bool(os.environ.get("PUBMODE_REGEN"))
PROJECT_FILES = ("pyproject.toml", "setup.cfg")


def _args(case: Path, direction: str) -> list:
    f = case / f"args.{direction}"
    return f.read_text().split() if f.is_file() else []


def _expect(case: Path, name: str, actual: bytes, unchanged_from: bytes = None) -> None:
    """Compare with (or, when regenerating, write) an expected file; absent means `unchanged_from`."""
    path = case / name
    if REGEN:
        if unchanged_from is not None and actual == unchanged_from:
            path.unlink(missing_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(actual)
        return
    expected = path.read_bytes() if path.exists() else unchanged_from
    assert expected is not None, f"{path} is missing (run with PUBMODE_REGEN=1 and review the diff)"
    assert actual == expected, f"{case.name}/{name} differs from the golden file"


def _repo_files(case: Path) -> dict:
    base = case / "repo"
    return {p.relative_to(base).as_posix(): p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()} \
        if base.is_dir() else {}


def _expect_repo(case: Path, direction: str, repo: Repo, files: dict) -> None:
    for rel, before in files.items():
        _expect(case, f"{direction}.repo/{rel}", repo.read(rel), before)


def _run(case: Path, tmp_path: Path, label: str, data: bytes, direction: str, files: dict = None) -> tuple:
    repo = Repo(tmp_path / label)
    for name in PROJECT_FILES:
        if (case / name).is_file():
            repo.write(name, (case / name).read_bytes())
    for rel, content in (files if files is not None else _repo_files(case)).items():
        repo.write(rel, content)
    repo.write(WORKFLOW, data)
    out = repo.migrate(direction, *_args(case, direction))
    assert "Traceback" not in out.stderr
    assert out.code in (0, 2), out.stderr
    first = repo.read()
    again = repo.migrate(direction, *_args(case, direction))
    assert repo.read() == first, f"{case.name}: a second {direction} changed the file (not idempotent)"
    assert again.code == out.code
    check = repo.migrate(direction, "--check", *_args(case, direction))
    assert check.code in (0, 2), "--check after a run must find nothing to change"
    return first, out, repo


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str, tmp_path: Path) -> None:
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
    if oidc != source:
        converted = {rel: oidc_repo.read(rel) for rel in files}
        back, _, back_repo = _run(case, tmp_path, "back", oidc, "to-token", converted)
        _expect(case, "round-trip.yml", back)
        for rel, before in converted.items():
            _expect(case, f"round-trip.repo/{rel}", back_repo.read(rel), before)
    elif not REGEN:
        assert not (case / "round-trip.yml").exists(), "round-trip.yml for a case to-oidc leaves unchanged"
    if (case / "doctor.report").exists():
        doctor = Repo(tmp_path / "doctor")
        for name in PROJECT_FILES:
            if (case / name).is_file():
                doctor.write(name, (case / name).read_bytes())
        for rel, content in files.items():
            doctor.write(rel, content)
        doctor.write(WORKFLOW, source)
        _expect(case, "doctor.report", doctor.migrate("doctor", "--exit-zero").stdout.encode())
    if oidc_out.code == 0 and not schema_errors(source.decode("utf-8-sig")):
        for label, data in (("to-oidc", oidc), ("to-token", token)):
            assert schema_errors(data.decode("utf-8-sig")) == [], f"{name}: {label} output fails the workflow schema"


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 30
