"""Round 46's tuning (tests/logs/ROUND46-TUNING.md): the misses of blind round 45's sample, tests/logs/holdout33 (a
declared tuning pool), the two wrong claims first, each read in general form with a guard that a near miss is not
read so."""
from __future__ import annotations

import re
from pathlib import Path

from codemods.doctor.advice import advise
from codemods.doctor.claims import Context
from codemods.doctor.logs import read

LOGS = Path(__file__).parent / "logs" / "holdout33"
HEADER = re.compile(r"^# (?:source|fix|cause|trimmed|context): ")


def _pool(stem: str):
    path = next(LOGS.glob(stem + "*.log"))
    r = read("\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines() if not HEADER.match(ln)))
    return r.findings, advise(r, [], Context({}, set()))


def _read(text: str):
    r = read(text)
    return r.findings, advise(r, [], Context({}, set()))


def test_a_release_github_token_events_never_started_is_no_refused_token() -> None:
    # taoq-ai/ziran #249 (round 45's wrong claim: "PyPI refused the API token" for a workflow that never ran)
    found, _ = _pool("tokentrigger-ziran")
    assert [f.pattern.id for f in found] == ["log-workflow-not-triggered"]
    fix = found[0].fix or found[0].pattern.fix
    assert "personal access token" in fix and "workflow_dispatch" in fix
    # the same rule in other words, with credentials named beside it
    found, _ = _read("Tags created with the GITHUB_TOKEN don't trigger the publish workflow, so 1.4.0 never reached "
                     "PyPI. The token and credentials were fine.\n")
    assert [f.pattern.id for f in found] == ["log-workflow-not-triggered"]
    # a publish workflow told as never run, beside the GITHUB_TOKEN, is never a refused credential
    found, _ = _read("release-please pushed the tag with GITHUB_TOKEN and the publish workflow never ran, so "
                     "nothing was uploaded to PyPI with our token.\n")
    assert [f.pattern.id for f in found] == ["log-workflow-not-triggered"]
    # guard: the rule told as background of a run that went on to fail (FinaleToolkit#188: a reusable workflow's
    # attestations refused) leaves that failure alone
    found, _ = _pool("attestation-finaletoolkit")
    assert [f.pattern.id for f in found] == ["log-invalid-attestations"]
    # guard: a refused token told in prose stays a refused token
    found, _ = _read("The upload to PyPI failed: the API token was rejected, so we created a new one.\n")
    assert [f.pattern.id for f in found] == ["log-token-rejected"]


def test_a_refused_login_of_the_password_era_is_not_told_as_a_ci_secret() -> None:
    # pypi/warehouse #3912: `setup.py sdist upload` by hand with a username and password (2018)
    found, advice = _pool("auth-unnamed-project")
    assert [f.pattern.id for f in found] == ["log-token-rejected"]
    assert "username and password" in found[0].message and "API token" not in found[0].message
    assert "setup.py upload" in found[0].fix and "secret" not in found[0].fix
    assert not any("the secret the step reads" in a for a in advice)
    # guard: a refused token from a CI secret keeps the token headline, fix and secret advice
    found, advice = _read("Uploading distributions to https://upload.pypi.org/legacy/\n"
                          "  TWINE_PASSWORD: ${{ secrets.PYPI_API_TOKEN }}\n"
                          "HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\n"
                          "Invalid or non-existent authentication information.\n")
    assert found[0].pattern.id == "log-token-rejected"
    assert found[0].message == found[0].pattern.title and found[0].fix is None
    assert any("secret" in a for a in advice)


def test_setuptools_invalid_command_upload_is_the_removed_uploader() -> None:
    # createsend/createsend-python #82
    found, advice = _pool("setuppyupload-createsend")
    assert [f.pattern.id for f in found] == ["log-uploader-missing"]
    assert "twine upload dist/*" in found[0].fix and "twine" in advice[0]
    # the older stub's wording gets the same fix line
    found, _ = _read("running upload\nerror: The upload command has been removed, use twine to upload instead\n")
    assert "in place of `setup.py upload`" in found[0].fix
    # guard: another unknown setup.py command is not the uploader
    found, _ = _read("running verify\nerror: invalid command 'verify'\n")
    assert "log-uploader-missing" not in [f.pattern.id for f in found]
    # guard: a twine not installed keeps the install fix
    found, _ = _read("/bin/sh: 1: twine: not found\n")
    assert found[0].pattern.id == "log-uploader-missing" and found[0].fix is None


def test_a_wheel_packed_by_the_artifact_step_is_not_two_jobs_wheels() -> None:
    # mcneel/rhino3dm #434: upload-artifact's gzip and an extra archive level, `BadZipFile`
    found, advice = _pool("artifactgzip-rhino3dm")
    assert [f.pattern.id for f in found] == ["log-invalid-distribution"]
    assert "download-artifact" in found[0].fix and "same file name" not in found[0].fix
    assert "gzip" in advice[0] and "two build jobs" not in advice[0]
    # guard: BadZipFile with no packing told keeps the same-name reading
    found, advice = _read("Uploading distributions to https://upload.pypi.org/legacy/\n"
                          "  File \"/usr/lib/python3/site-packages/twine/wheel.py\", line 60, in read\n"
                          "zipfile.BadZipFile: File is not a zip file\n")
    assert "same file name" in found[0].fix and "two build jobs" in advice[0]


def test_a_description_refused_under_setup_py_upload_names_twine_first() -> None:
    # python-windrose/windrose #116: distutils' upload with its "use twine" warning; twine uploaded the same release
    found, advice = _pool("contenttype-windrose")
    assert [f.pattern.id for f in found] == ["log-description-invalid"]
    assert found[0].fix.startswith("Upload with twine") and "setup.py upload" in advice[0]
    # guard: twine's own refusal keeps the README fix
    found, advice = _read("Uploading distributions to https://upload.pypi.org/legacy/\n"
                          "HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n"
                          "The description failed to render in the default format of reStructuredText.\n")
    assert found[0].pattern.id == "log-description-invalid" and found[0].fix is None
    assert not any("setup.py upload" in a for a in advice)


def test_a_summary_over_pypis_limit_told_in_prose() -> None:
    # AcademySoftwareFoundation/OpenCue #1949: "PyPI's 512 character limit for summary/description field"
    found, _ = _pool("summarylen-opencue")
    assert [f.pattern.id for f in found] == ["log-invalid-distribution"]
    assert "512" in found[0].fix and "not the README" in found[0].fix
    # guard: a README told as not rendering is the description's, not the summary's
    found, _ = _read("The PyPI upload failed because the long description (README.rst) is too long to render.\n")
    assert not (found and found[0].fix and "512" in found[0].fix)


def test_a_secret_the_shell_split_on_the_upload_command_line() -> None:
    # allenai/python-package-template #50: `-p ${{ secrets.PYPI_PASSWORD }}` unquoted, a password with spaces
    found, _ = _pool("shellquote-allenai")
    assert [f.pattern.id for f in found] == ["log-uploader-config"]
    assert "env:" in found[0].fix and "quote" in found[0].fix
    # guard: a password refused with no command line told stays a refused credential
    found, _ = _read("The upload to PyPI failed with 403: our password was rejected.\n")
    assert found and found[0].pattern.id != "log-uploader-config"


def test_a_windows_build_reading_the_readme_as_cp1252() -> None:
    # oliver-zehentleitner/unicorn-binance-local-depth-cache #108: read by generic_failures' log-text-encoding
    found, _ = _pool("encoding-unicorn")
    assert [f.pattern.id for f in found] == ["log-text-encoding"]
    assert 'encoding="utf-8"' in (found[0].fix or found[0].pattern.fix)


def test_guards_found_on_the_all_logs_diff() -> None:
    # python-poetry/poetry #7476: Poetry sends no credentials when none are configured; a person's "username and
    # password" there is what they expected to be asked, not what was refused
    found, _ = _read("I run `poetry publish` and get\nHTTP Error 403: Invalid or non-existent authentication information.\n"
                     "It is supposed to prompt for my username and password.\n")
    assert found[0].pattern.id == "log-token-rejected" and "username and password" not in found[0].message
    # pypi/warehouse #8861: `setup.py sdist upload` without distutils' "use twine" warning, a README PyPI's renderer
    # refused: the README fix stays first
    found, _ = _read("python setup.py sdist upload --sign\nUpload failed (400): The description failed to render in the "
                     "default format of reStructuredText.\n")
    assert found[0].pattern.id == "log-description-invalid" and found[0].fix is None
