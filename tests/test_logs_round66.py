"""Round 66's tuning (tests/logs/ROUND66-TUNING.md): misses of blind round 64 (tests/logs/holdout42, its tuning pool),
each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read

_OLD_URL = ("$ twine --version\ntwine version {v} (pkginfo: 1.2.1, requests: 2.18.4, setuptools: 39.0.1)\n"
            "$ twine upload dist/*\nUploading distributions to https://pypi.python.org/pypi\nUploading foo-0.7.0.tar.gz\n"
            "HTTPError: 410 Client Error: This API has moved to https://upload.pypi.org/legacy/. See TODO for more "
            "information. for url: https://pypi.org/pypi\n")


def test_retired_address_refused_with_a_twine_before_1_8_is_the_old_twine():  # pypa/twine#353 (the wrong claim)
    found, _ = pool("wrongurl-twine353", "holdout42")
    assert _ids(found) == ["log-wrong-upload-url"]
    fix = _fix(found[0])
    assert fix.startswith("Upgrade twine") and "twine 1.5.0" in fix and "`https://pypi.python.org/pypi`" in fix
    assert "can be omitted" not in fix and "twine's `--repository-url`" not in fix  # an option 1.5.0 lacks
    found, _ = _read(_OLD_URL.format(v="1.7.4"))
    assert _fix(found[0]).startswith("Upgrade twine")
    # twine 1.8 and later default to upload.pypi.org and have --repository-url: the URL was set, the fix as before
    for v in ("1.11.0", "1.8.0", "3.1.0"):
        found, _ = _read(_OLD_URL.format(v=v))
        assert not _fix(found[0]).startswith("Upgrade twine") and "--repository-url" in _fix(found[0])
    found, _ = pool("wrongurl-twine15-legacy-410", "holdout")  # no version shown: nothing said of one
    assert not _fix(found[0]).startswith("Upgrade twine")


_TWO = ("CI publish job fails with error `400 User 'alice' does not have a verified primary email address. Please add a "
        "verified primary email before attempting to upload to PyPI.`\n\n{then} I got `403 The user 'bob' isn't allowed "
        "to upload to project 'foo'.`\n")


def test_a_side_attempt_by_hand_goes_after_the_jobs_failure():  # PurpleMyst/sansio-lsp-client#61
    found, _ = pool("email-sansio-lsp-client", "holdout42")
    assert _ids(found) == ["log-email-unverified", "log-project-not-owned"]
    found, _ = _read(_TWO.format(then="Then I tried running the publish command locally with my own token."))
    assert _ids(found) == ["log-email-unverified", "log-project-not-owned"]
    # a re-run of the job itself is no side attempt: the order stays the patterns'
    found, _ = _read(_TWO.format(then="Then I re-ran the job."))
    assert _ids(found) == ["log-project-not-owned", "log-email-unverified"]


def test_classifiers_told_invalid_with_no_message_name_the_field_and_no_twine_check():  # CogStack/cogstack-nlp#45
    found, lines = pool("classifier-cogstack-nlp", "holdout42")
    assert _ids(found) == ["log-invalid-distribution"]
    assert "classifiers" in found[0].message and "twine check dist" not in _fix(found[0])
    assert _fix(found[0]).startswith("Compare each classifier with https://pypi.org/classifiers/")
    # PyPI's own message quoting the classifier: its detail names it, the fix line stays the class's
    found, lines = pool("classifier-opensearch-benchmark", "holdout42")
    assert not _fix(found[0]).startswith("Compare each classifier")
    assert any("`Topic :: System :: OpenSearch-Benchmark`" in ln for ln in lines)


def test_pypi_told_not_to_support_uploads_from_a_reusable_workflow():  # tenstorrent/tt-metal#29044
    found, _ = pool("reusable-tt-metal", "holdout42")
    assert _ids(found) == ["log-reusable-workflow"]
    found, _ = _read("The PyPI upload fails: reusable workflows are not supported by trusted publishing yet.")
    assert _ids(found) == ["log-reusable-workflow"]
    # a reusable workflow named beside another refusal is not the refusal
    found, _ = _read("We moved the upload into a reusable workflow and the PyPI upload failed: the file already exists.")
    assert "log-reusable-workflow" not in _ids(found)


def test_a_credential_told_as_left_over_next_to_trusted_publishing():  # NLRWindSystems/WOMBAT#164
    found, lines = pool("tpcred-wombat", "holdout42")
    assert _ids(found) == ["log-attestations-ignored"]
    assert "Remove the password" in _fix(found[0])
    # unnecessary secrets with no Trusted Publishing in the text: not this class
    found, _ = _read("This PR removes the unnecessary secrets from the publish workflow, which made the upload fail.")
    assert "log-attestations-ignored" not in _ids(found)


_NEVER = ("Just now noticing that 2.0.0 didn't get released on PyPI.\n\nThe workflow was broken because the package name "
          "is different from the repository name (`foo` vs `python-foo`).\n")


def test_repository_name_used_for_the_distributions_beside_a_version_never_on_pypi():  # gmarmstrong/python-datamuse#18
    found, lines = pool("workflow-python-datamuse", "holdout42")
    assert _ids(found) == ["log-no-distributions"] and found[0].line == 3
    assert "repository's name" in found[0].message and "never reached PyPI" in _fix(found[0])
    assert not any("nothing matched the upload folder" in ln for ln in lines)  # no folder is known to be empty
    found, _ = _read(_NEVER)
    assert _ids(found) == ["log-no-distributions"]
    # the same names told with no version missing from PyPI: nothing read from them
    found, _ = _read(_NEVER.replace("didn't get released on PyPI", "got released on PyPI"))
    assert "log-no-distributions" not in _ids(found)


def test_the_new_upload_address_told_as_what_must_now_be_set_and_a_deleted_version():  # openego/eTraGo#100
    found, lines = pool("wrongurl-etrago", "holdout42")
    assert _ids(found) == ["log-wrong-upload-url"] and found[0].line == 1
    assert any("deleted version cannot be uploaded again" in ln and "bump the version" in ln for ln in lines)
    told = "Now you have to enter this address: repository: https://upload.pypi.org/legacy/ for twine.\n"
    found, _ = _read("The old address no longer works for the upload. " + told)
    assert _ids(found) == ["log-wrong-upload-url"]
    found, _ = _read(told)  # the address given with no old one told as retired: nothing read
    assert "log-wrong-upload-url" not in _ids(found)


def test_a_readme_rst_told_refused_gets_the_markup_route_not_a_content_type():  # giotto-ai/giotto-tda#380
    found, lines = pool("desc-giotto-tda", "holdout42")
    assert _ids(found) == ["log-description-invalid"]
    assert any("it is reStructuredText" in ln for ln in lines)
    assert not any("declare its type" in ln for ln in lines)
    # a Markdown README told refused keeps the content-type route
    found, lines = _read("The upload to PyPI failed due to formatting issues in `README.md` flagged by `twine`.")
    assert not any("it is reStructuredText" in ln for ln in lines)
