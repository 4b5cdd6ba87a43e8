"""Round 57's tuning (tests/logs/ROUND57-TUNING.md): publishes that never ran, or ran against a page of the site, left
from blind rounds 50, 53 and 54 (tests/logs/holdout36, holdout37, holdout38, declared tuning pools), each read in general
form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read


def test_reset_upload_to_a_project_page_is_the_url_not_the_network():  # warehouse#8863
    found, lines = pool("wrongurl-facereco", "holdout36")
    assert _ids(found) == ["log-wrong-upload-url"]
    assert any("`https://pypi.org/project/FaceReco/`" in ln for ln in lines)
    found, _ = _read("twine upload dist/* --repository-url https://pypi.org/\nrequests.exceptions.ConnectionError: "
                     "('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))")
    assert _ids(found) == ["log-wrong-upload-url"]  # the site root too


def test_reset_upload_to_the_upload_endpoint_stays_a_network_failure():
    found, _ = _read("twine upload dist/* --repository-url https://upload.pypi.org/legacy/\nrequests.exceptions."
                     "ConnectionError: ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))")
    assert _ids(found) == ["log-network"]


def test_deployer_skip_for_an_untagged_commit_says_push_the_tag():  # http-crawler#15
    found, _ = pool("trigger-http-crawler", "holdout37")
    assert _ids(found) == ["log-publish-skipped"] and found[0].line == 13
    assert "not a tagged commit" in found[0].message and "push the release tag" in _fix(found[0])


def test_deployer_skip_for_a_condition_names_the_job_it_is_bound_to():  # pybids#332
    found, _ = pool("deploycond-pybids", "holdout38")
    assert _ids(found) == ["log-publish-skipped"] and found[0].line == 5
    assert "custom condition" in found[0].message and "Bind it to a job that passes" in _fix(found[0])
    found, _ = _read("Skipping a deployment with the pypi provider because this branch is not permitted\nDone. "
                     "Your build exited with 0.")
    assert _ids(found) == ["log-publish-skipped"] and "`on: branch:`" in _fix(found[0])


def test_a_skip_of_existing_files_is_no_skipped_deploy():
    found, _ = _read("Skipping pkg-1.0.tar.gz because it appears to already exist\nUploading pkg-1.0-py3-none-any.whl\n"
                     "HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\nInvalid or non-existent "
                     "authentication information.")
    assert "log-publish-skipped" not in _ids(found)


def test_tags_pushed_together_start_no_build():  # Dallinger#1296
    found, _ = pool("deploycond-dallinger", "holdout38")
    assert _ids(found) == ["log-workflow-not-triggered"]
    assert "one" in found[0].message or "together" in found[0].message
    assert "push each tag on its own" in _fix(found[0]) and "GITHUB_TOKEN" not in _fix(found[0])
    found, _ = _read("Our PyPI release never happened: we pushed more than three tags at once, and GitHub created no "
                     "push event, so the publish workflow did not run.")
    assert _ids(found) == ["log-workflow-not-triggered"] and "push each tag" in _fix(found[0])


def test_tags_named_without_a_build_not_started_are_not_read():
    found, _ = _read("We pushed more than three tags to PyPI's mirror of the repository. The upload then failed: "
                     "HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/ File already exists.")
    assert "log-workflow-not-triggered" not in _ids(found)


def test_draft_release_published_fires_no_created_event():  # xradar#365
    found, _ = pool("trigger-xradar", "holdout37")
    assert _ids(found) == ["log-workflow-not-triggered"] and found[0].line == 9
    assert "`published`" in found[0].message and "types: [published]" in _fix(found[0])


def test_draft_named_with_a_run_that_did_go_is_not_read():
    found, _ = _read("I created the release as a draft, published it, and the workflow on release: types: [created] "
                     "ran: twine said HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/")
    assert "log-workflow-not-triggered" not in _ids(found)


def test_simple_index_told_as_the_upload_url():  # railtracks#687
    found, _ = pool("wrongurl-railtracks", "holdout36")
    assert _ids(found) == ["log-wrong-upload-url"] and found[0].line == 5
    assert "https://upload.pypi.org/legacy/" in _fix(found[0])


def test_simple_index_named_for_installs_is_not_the_upload_url():
    found, _ = _read("The PyPI upload worked. pip could not install it from https://test.pypi.org/simple because the "
                     "dependencies are not on TestPyPI.")
    assert "log-wrong-upload-url" not in _ids(found)
