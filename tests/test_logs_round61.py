"""Round 61's tuning (tests/logs/ROUND61-TUNING.md): holdout39 (blind round 59, a declared tuning pool), its wrong claim
first: claims told in a sentence, publishes that never ran told in other words, refusals quoted cut short or in another
form, and causes told with no error quoted; each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read

from codemods.doctor.claims import parse


def test_workflow_claims_told_as_pairs_are_claims():  # Anime-Game-Remap#229, the wrong claim
    found, lines = pool("reusablewf-anime-game-remap", "holdout39")
    assert _ids(found) == ["log-invalid-publisher"]
    assert not any("prints no claims" in ln for ln in lines)
    assert any("reusable workflow `mirror-publish-workflow.yml` called by `python-publish.yml`" in ln for ln in lines)


def test_a_claim_only_named_or_an_expression_is_no_claim():
    assert parse([(1, "PyPI does not support `job_workflow_ref` for reusable workflows")]) == {}
    assert parse([(1, "we log workflow_ref = ${{ github.workflow_ref }} in the job")]) == {}
    assert parse([(1, "the token names job_workflow_ref = org/repo/.github/workflows/pub.yml@refs/heads/main")]) == {
        "job_workflow_ref": "org/repo/.github/workflows/pub.yml@refs/heads/main"}


def test_github_token_rule_with_the_token_after_the_verb():  # godot-ai#36, temporal-mcp#11
    for stem, line in (("notriggered-godot-ai", 7), ("notriggered-temporal-mcp", 3)):
        found, _ = pool(stem, "holdout39")
        assert _ids(found) == ["log-workflow-not-triggered"] and found[0].line == line
    found, _ = _read("Our PyPI release did not happen: GitHub's docs say events triggered by the `GITHUB_TOKEN` will "
                     "not create a new workflow run.")
    assert _ids(found) == ["log-workflow-not-triggered"]


def test_a_token_condition_is_no_never_started_rule():
    found, _ = _read("The docs workflow cannot trigger a release job unless GITHUB_TOKEN has write access. The PyPI "
                     "upload then failed: HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\nInvalid or "
                     "non-existent authentication information.")
    assert "log-workflow-not-triggered" not in _ids(found)


def test_workflow_file_never_triggered_with_the_token_in_the_next_sentence():
    found, _ = _read("The `publish.yml` workflow was never triggered for v1.0.1, so nothing reached PyPI. The tag was "
                     "pushed by release.yml with `GITHUB_TOKEN`.")
    assert _ids(found) == ["log-workflow-not-triggered"]
    found, _ = _read("The `publish.yml` workflow was never triggered for v1.0.1 on PyPI. We forgot to push the tag.")
    assert "log-workflow-not-triggered" not in _ids(found)


def test_publish_job_by_id_skipped_after_a_skipped_ancestor():  # fastled-wasm#175
    found, _ = pool("jobskipped-fastled-wasm", "holdout39")
    assert _ids(found) == ["log-publish-skipped"] and found[0].line == 2
    assert "`!cancelled()`" in _fix(found[0]) and "release-please" not in _fix(found[0])
    found, _ = _read("- publish job skipped (`needs` not satisfied)\nRe-running the workflow does not help: "
                     "release-please sees v0.3.0 already exists and publish skips again.")
    assert _ids(found) == ["log-publish-skipped"] and "`!cancelled()`" not in _fix(found[0])


def test_a_job_id_skipping_files_is_no_skipped_publish():
    found, _ = _read("`publish-pypi` was run with skip-existing: `pkg-1.0.tar.gz` is skipped because it already "
                     "exists.\nHTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\nFile already exists.")
    assert "log-publish-skipped" not in _ids(found)


def test_license_file_refusal_quoted_cut_short():  # megane#97
    found, lines = pool("licensefile-megane", "holdout39")
    assert _ids(found) == ["log-invalid-distribution"]
    assert lines[0].startswith("the metadata names `License-File: LICENSE`, but the sdist does not hold it")
    assert "`include = [{ path = \"LICENSE\", format = \"sdist\" }]`): add the file there" in lines[0]
    found, _ = _read("The build warned: License-File LICENSE does not exist yet, so we copy it in before the upload "
                     "to PyPI, which then went through.")
    assert "log-invalid-distribution" not in _ids(found)


def test_a_file_uploaded_by_hand_before_the_workflow_is_a_file_on_the_index():  # fourier-option-pricer#16
    found, _ = pool("fileexists-fourier", "holdout39")
    assert _ids(found) == ["log-file-exists"]
    found, _ = _read("v0.3.0 was manually uploaded via twine, and the workflow's upload failed with an error.")
    assert "log-file-exists" not in _ids(found)


def test_uploader_runner_not_found_is_the_tool_missing_in_that_job():  # teradata-mcp-server#315
    found, lines = pool("toolmissing-teradata", "holdout39")
    assert _ids(found) == ["log-uploader-missing"]
    assert "`astral-sh/setup-uv`" in lines[0] and "every job that calls `uvx`" in lines[0]
    found, _ = _read("/home/runner/work/_temp/x.sh: line 1: my-uvx: command not found\nError: Process completed "
                     "with exit code 127.")
    assert "log-uploader-missing" not in _ids(found)


def test_trusted_publisher_told_as_never_set():  # genmod#141
    found, lines = pool("tpconfig-genmod", "holdout39")
    assert _ids(found) == ["log-invalid-publisher"]
    assert lines[0].startswith("the log says no trusted publisher is registered")
    found, _ = _read("We are getting errors on the pypi install step. Nobody set it up as trusted host for our mirror.")
    assert "log-invalid-publisher" not in _ids(found)


def test_option_given_to_an_uploader_by_mistake():  # virelay#83
    found, lines = pool("badflag-virelay", "holdout39")
    assert _ids(found) == ["log-uploader-config"]
    assert lines[0].startswith("the log says `--repository` was given to `uv publish` by mistake")
    assert "`--publish-url`" in lines[0]
    found, _ = _read("We pass `--check-url https://pypi.org/simple/` to `uv publish` so that re-runs pass.")
    assert "log-uploader-config" not in _ids(found)


def test_files_not_in_the_folder_the_upload_reads():  # proxsuite#198
    found, _ = pool("artifact-proxsuite", "holdout39")
    assert _ids(found) == ["log-no-distributions"]
    found, _ = _read("The step to upload the artifacts to pypi expects the wheels in a folder called `dist`. The "
                     "upload failed with a 403 error from PyPI.")
    assert "log-no-distributions" not in _ids(found)
