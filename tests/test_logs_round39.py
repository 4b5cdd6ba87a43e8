"""Round 39's tuning (tests/logs/ROUND39-TUNING.md): the misses of blind round 38's sample, tests/logs/holdout30 (a
declared tuning pool), each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

import re
from pathlib import Path

from codemods.doctor.advice import advise
from codemods.doctor.claims import Context
from codemods.doctor.logs import read

LOGS = Path(__file__).parent / "logs" / "holdout30"
HEADER = re.compile(r"^# (?:source|fix|cause|trimmed|context): ")


def _pool(stem: str):
    path = next(LOGS.glob(stem + "*.log"))
    r = read("\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines() if not HEADER.match(ln)))
    return r.findings, advise(r, [], Context({}, set()))


def _ids(text: str) -> list:
    return [f.pattern.id for f in read(text).findings]


def test_a_rename_told_as_the_fix_is_not_the_breaking_one() -> None:
    # FalkorDB/GraphRAG-SDK #218 (round 38's wrong claim): "Rename `publish.yml` → `pypi-publish.yaml` to match PyPI's
    # trusted-publisher config": the run came from publish.yml
    found, advice = _pool("invalidpublisher-graphrag")
    assert [f.pattern.id for f in found] == ["log-invalid-publisher"]
    assert advice[0].startswith("the log tells of renaming `publish.yml` to `pypi-publish.yaml` to match the trusted "
                                "publisher: the failed run came from `publish.yml`")
    # guard: a rename told as what broke the upload keeps the other reading
    text = ("The upload failed with invalid-publisher after we renamed `release.yml` to `publish.yml`.\n")
    assert "renamed from `release.yml` to `publish.yml`" in "\n".join(advise(read(text), [], Context({}, set())))


def test_a_workflow_rename_told_as_why_the_push_to_pypi_failed() -> None:
    # precice/micro-manager #310: "failed to push the package to PyPI due to the workflow file being renamed"
    found, _ = _pool("invalidpublisher-micro-manager")
    assert [f.pattern.id for f in found] == ["log-invalid-publisher"]
    # guard: a rename beside an API token is no publisher's
    assert _ids("The upload to PyPI failed after the workflow file was renamed; the API token was revoked too.\n") != \
        ["log-invalid-publisher"]


def test_twine_installed_in_another_environment_than_the_step_runs() -> None:
    # HumanSignal/label-studio #5130: "twine is installed within poetry's venv, not globally"
    assert [f.pattern.id for f in _pool("uploadermissing-label-studio")[0]] == ["log-uploader-missing"]
    assert _ids("Our PyPI release works: twine is installed within the venv and runs from there.\n") == []


def test_the_jobs_python_could_not_be_set_up() -> None:
    # pysensu-yelp #47 (an unquoted 3.10 read as 3.1), pants #21867 (3.7 on ubuntu-24.04), deptry #800 (PEP 668),
    # hypha #962 (a conda env without pip)
    for stem, said in (("pyversion-pysensu", "`3.1` is how YAML reads an unquoted `3.10`"),
                       ("pyversion-pants", "actions/setup-python has no Python 3.7 for Ubuntu 24.04"),
                       ("pep668-deptry", "the runner's system Python is marked externally managed"),
                       ("nopip-hypha", "has no pip")):
        found, advice = _pool(stem)
        assert [f.pattern.id for f in found][:1] == ["log-python-setup"], stem
        assert said in advice[0], stem
    # guards: pip's module missing in a program's own traceback, a setup of a version that exists
    assert _ids("ModuleNotFoundError: No module named 'pipx'\n") == ["log-module-missing"]
    assert _ids("Successfully set up CPython (3.12.3)\n") == []
