"""Round 78's tuning (tests/logs/ROUND78-TUNING.md): misses of blind round 76 (tests/logs/holdout48, its tuning pool),
the wrong claims first, each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read


def test_a_github_release_that_exists_is_no_file_on_the_index():  # broadinstitute/gnomad_methods#451 (wrong claim)
    found, lines = pool("ghrelease-gnomad", "holdout48")
    assert "log-file-exists" not in _ids(found)
    assert not any("already on the index" in ln or "bump it" in ln for ln in lines)
    # a release "for the tag" told as existing, with no success told: the GitHub Release step, never the index's file
    found, _ = _read("Our publish workflow to PyPI fails on 1.2.0: the release step errors because a release already "
                     "exists for the tag.\n")
    assert "log-file-exists" not in _ids(found)
    # a version told as already on PyPI stays the refused re-upload
    found, _ = _read("Our publish workflow to PyPI fails on 1.2.0: the upload is rejected because version 1.2.0 "
                     "already exists on PyPI.\n")
    assert _ids(found) == ["log-file-exists"]


def test_a_check_after_a_successful_upload_is_not_file_exists():  # UiPath/coder_eval#124 (wrong claim, jc)
    found, lines = pool("attestation-coder-eval", "holdout48")
    assert "log-file-exists" not in _ids(found)
    assert not any("already on the index" in ln for ln in lines)
    # a re-run told with skip-existing after a partial upload, with no later step, stays file-exists
    found, _ = _read("The upload to PyPI of 2.0.1 failed half way; the re-run then failed because the wheel "
                     "already exists, so we re-ran with skip-existing.\n")
    assert _ids(found) == ["log-file-exists"]


def test_publish_action_image_on_another_architecture_is_the_container_class():  # mliezun/caddy-snake#166
    found, lines = pool("runnerarch-caddy-snake", "holdout48")
    assert _ids(found) == ["log-container-linux"]
    assert any("linux/amd64 only" in ln and "one x86_64 Linux job" in ln for ln in lines)
    # another program's exec format error (a binary of another architecture in a build step) is not this class
    found, _ = _read("Run ./tools/build.sh\nexec /usr/local/bin/protoc: exec format error\n"
                     "Error: Process completed with exit code 1.\n")
    assert "log-container-linux" not in _ids(found)


def test_an_empty_argument_to_twine_is_the_script_not_a_missing_build():  # apache/arrow#46238
    found, lines = pool("releasescript-arrow", "holdout48")
    assert _ids(found) == ["log-no-distributions"]
    assert "empty argument" in found[0].message and "script" in _fix(found[0])
    assert not any("download-artifact" in ln or "packages-dir" in ln for ln in lines)
    # a pattern that matched nothing stays the missing build, with the artifact advice
    found, lines = _read("+ twine upload dist/*\nERROR    InvalidDistribution: Cannot find file (or expand pattern): "
                         "'dist/*'\n")
    assert _ids(found) == ["log-no-distributions"]
    assert "empty argument" not in found[0].message and any("download-artifact" in ln for ln in lines)


def test_a_license_field_told_under_an_older_metadata_version_is_the_backends():  # PyO3/maturin#2332
    found, lines = pool("metadataversion-maturin", "holdout48")
    assert _ids(found) == ["log-invalid-distribution"]
    assert "Metadata-Version 2.4" in _fix(found[0])
    assert any("pin the backend's last release" in ln and "v1.12.3" in ln for ln in lines)
    # the same field told under Metadata-Version 2.4 is no field written too early
    found, _ = _read("Our build backend is emitting a `License-File` entry under Metadata-Version 2.4 now, and the "
                     "upload to PyPI failed.\n")
    assert "Metadata-Version 2.4, which License-File" not in "".join(_fix(f) for f in found)


def test_a_release_gate_waiting_on_a_check_name_no_job_reports():  # aitjcize/cppman#199
    found, lines = pool("releasegate-cppman", "holdout48")
    assert _ids(found) == ["log-publish-skipped"]
    assert "gate" in found[0].message and "pattern" in _fix(found[0])
    # told with a required check and a matrix, in other words, it is the same class
    found, _ = _read("Version 2.1.0 was never published to PyPI. Our required status checks list `build`, but the "
                     "matrix reports `build (ubuntu-latest)`, so the release job kept waiting.\n")
    assert _ids(found) == ["log-publish-skipped"]
    # a gate that passed and a release that went out is not this class
    found, _ = _read("The gate waited on a check named `test` while the matrix job reports as `test (3.12)`; we fixed "
                     "that and 0.6.2 is on PyPI.\n")
    assert "log-publish-skipped" not in _ids(found)


def test_a_ci_shell_failing_on_stderr_after_the_uploads_is_the_shell():  # zopefoundation/BTrees#93
    found, lines = pool("cishell-btrees", "holdout48")
    assert _ids(found) == ["log-command-failed"]
    assert "stderr" in found[0].message and "exit code" in _fix(found[0]) and "--skip-existing" in _fix(found[0])
    assert not any("already on the index" in ln for ln in lines)
    # a real log that prints stderr lines (semantic-release's) is not this class
    found, _ = pool("tokenperm-xeofs-semantic-release", "")
    assert "log-command-failed" not in _ids(found)
    # stderr told without a shell failing the step on it is not this class
    found, _ = _read("The upload to PyPI failed; twine printed its error on stderr: 403 Forbidden.\n")
    assert "log-command-failed" not in _ids(found)


def test_maturin_workspace_license_file_fix_line_leads_with_license_files():  # borb-sh/quillmark#1264 (strictest)
    found, _ = pool("sdistcontent-quillmark", "holdout48")
    assert _ids(found) == ["log-invalid-distribution"]
    assert _fix(found[0]).startswith("Declare the file in `license-files`")
    # maturin's missing License-File with no workspace told keeps the general fix (an include list was the fix there)
    found, _ = pool("licfile-wily", "holdout31")
    assert not _fix(found[0]).startswith("Declare the file in `license-files`")


def test_artifact_conflict_names_the_v4_change_not_two_jobs():  # scikit-image/scikit-image#7383 (strictest)
    found, _ = pool("artifact-scikit-image", "holdout48")
    assert _ids(found) == ["log-artifact-name-conflict"]
    assert "more than once" in found[0].message and "v4" in found[0].message
    assert "Two jobs" not in found[0].message
