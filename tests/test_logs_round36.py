"""Round 36's tuning (tests/logs/ROUND36-TUNING.md): the misses of blind round 35's sample, tests/logs/holdout29 (a
declared tuning pool), each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

import re
from pathlib import Path

from codemods.doctor.log_said import OPTION_AS_FILE_FIX
from codemods.doctor.logs import read

LOGS = Path(__file__).parent / "logs" / "holdout29"
HEADER = re.compile(r"^# (?:source|fix|cause|trimmed|context): ")


def _pool(stem: str):
    path = next(LOGS.glob(stem + "*.log"))
    return read("\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines() if not HEADER.match(ln))).findings


def _ids(text: str) -> list:
    return [f.pattern.id for f in read(text).findings]


def test_github_failing_a_run_for_a_retired_action_version() -> None:
    # pybind11-stubgen #246 (upload-artifact v2), PyThaiNLP #1076 (v3), qcs-sdk-rust #530 (download-artifact v3, the
    # message wrapped): the release job never ran
    for stem in ("deprecatedaction-pybind11", "deprecatedaction-pythainlp", "deprecatedaction-qcs"):
        assert [f.pattern.id for f in _pool(stem)][:1] == ["log-action-deprecated"], stem
    # guard: the deprecation notice GitHub prints as a warning (the run goes on) is no failure
    assert _ids("Warning: The `set-output` command is deprecated and will be disabled soon.\n") == []


def test_two_artifacts_of_one_name_are_no_file_on_the_index() -> None:
    # jameslamb/pydistcheck #209 (upload-artifact v4's 409) and huacnlee/autocorrect #227 (the same, told in prose)
    assert [f.pattern.id for f in _pool("artifact409-pydistcheck")] == ["log-artifact-name-conflict"]
    assert [f.pattern.id for f in _pool("artifact409-autocorrect")] == ["log-artifact-name-conflict"]
    # guards: a registry's 409 for a file keeps its reading; an artifact told with no conflict is nothing
    assert _ids("Uploading octo-1.0.tar.gz\nHTTPError: 409 Conflict from https://nexus.example.com/repository/pypi/\n"
                ) == ["log-file-exists"]
    assert _ids("The release workflow uploads an artifact named wheels and publishes it to PyPI.\n") == []


def test_a_job_waiting_for_a_retired_runner_image() -> None:
    # wilsonzlin/minify-html #224 (macos-11.0) and TencentBlueKing/crypto-python-sdk #35 (ubuntu-20.04, in Chinese)
    assert [f.pattern.id for f in _pool("runner-minify")] == ["log-runner-retired"]
    assert [f.pattern.id for f in _pool("runner-crypto")] == ["log-runner-retired"]
    # guard: a job waiting for a current image (a busy queue) is not a retired one
    assert _ids("Requested labels: ubuntu-24.04\nWaiting for a runner to pick up this job...\n") == []


def test_an_option_the_uploader_took_for_a_file() -> None:
    # BritishGeologicalSurvey/etlhelper #22: `dist/"${LATEST_RELEASE}" \ -u $TWINE_USERNAME` in one line
    found = _pool("args-etlhelper")
    assert [f.pattern.id for f in found] == ["log-no-distributions"] and found[0].fix == OPTION_AS_FILE_FIX
    # guard: a file pattern that matched nothing keeps the pattern's fix
    r = read("InvalidDistribution: Cannot find file (or expand pattern): 'dist/*'\n")
    assert r.findings[0].fix is None


def test_a_size_told_as_past_pypis_file_limit() -> None:
    # mckinsey/vizro #1659: a bare 400, then "our sdist has accidentally swelled to more than 100MB (!), which was
    # rejected by PyPI"
    assert [f.pattern.id for f in _pool("toolarge-vizro")] == ["log-file-too-large"]
    # guard: a size under no limit, told beside a bare 400, keeps the bare 400
    bare = ("Uploading distributions to https://upload.pypi.org/legacy/\nUploading octo-1.0.tar.gz\n"
            "WARNING  Error during upload. Retry with the --verbose option for more details.\n"
            "ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n         Bad Request\n")
    assert _ids(bare) == ["log-bad-request"]
    assert _ids("Our sdist is more than 10 kB, and PyPI rejected it:\n" + bare) == ["log-bad-request"]


def test_the_jobs_script_moving_wheels_from_a_folder_that_holds_none() -> None:
    # NVIDIA/cuda-python #705: `mv: cannot stat '…-tests/*.whl'`: the download pattern also took the test artifacts
    from codemods.doctor.log_said import MOVED_NOTHING_FIX

    found = _pool("glob-cuda-python")
    assert [f.pattern.id for f in found] == ["log-no-distributions"] and found[0].fix == MOVED_NOTHING_FIX
    # guards: a move of other files, and of one named wheel, are not this reading
    assert _ids("mv: cannot stat 'build/*.o': No such file or directory\n") == []
    assert "log-no-distributions" not in _ids("mv: cannot stat 'octo-1.0-py3-none-any.whl': No such file or directory\n")
