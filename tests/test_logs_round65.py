"""Round 65's tuning (tests/logs/ROUND65-TUNING.md): misses of blind round 63 (tests/logs/holdout41, its tuning pool),
the wrong claims first, each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read

_NO_FIELD = "no field can be singled out"


def test_claim_named_in_a_sentence_is_singled_out():  # ArthurKeen/arango-schema-analyzer (wrong claim)
    found, lines = pool("publisher-arango-schema-analyzer", "holdout41")
    assert _ids(found) == ["log-invalid-publisher"]  # the `File already exists` the text calls expected is none
    assert any("repository was renamed or moved" in ln for ln in lines)
    assert not any(_NO_FIELD in ln for ln in lines)
    _, lines = pool("invpub-gpt2agent", "holdout23")  # a rename told: neither the no-field line nor the generic order
    assert any("renamed or moved" in ln for ln in lines)
    assert not any(_NO_FIELD in ln or ln.startswith("check, in order") for ln in lines)
    told = ("The release failed at Publish to PyPI with `invalid-publisher`, because the token's `environment` claim "
            "did not match the publisher.\n")
    _, lines = _read(told)
    assert not any(_NO_FIELD in ln for ln in lines)
    assert any("names the environment as the field that differed" in ln for ln in lines)
    # a field only named, not told as the mismatch, singles nothing out: the no-claims line stays
    _, lines = _read("The release failed at Publish to PyPI with `invalid-publisher`. Set the Workflow name field to "
                     "the file name when you register it.\n")
    assert any(_NO_FIELD in ln for ln in lines)


_EXISTS = ("The first run failed at Publish to PyPI with `invalid-publisher`: the trusted publisher had a typo. A "
           "re-run reached PyPI and was refused with `400 File already exists` for 1.0.0{said}.\n")


def test_file_exists_told_as_expected_is_no_second_finding():  # arango-schema-analyzer's re-run on 0.14.0
    found, _ = _read(_EXISTS.format(said=" — the expected outcome for a version already published"))
    assert _ids(found) == ["log-invalid-publisher"]
    found, _ = _read(_EXISTS.format(said=", though we expected a new version"))  # no outcome called expected
    assert "log-file-exists" in _ids(found)


_LISTED = ("The first publish failed with `invalid-publisher: valid token, but no corresponding publisher`. The "
           "claims GitHub sent were: owner `acme`, repo `widget`, workflow file\n`release.yml`, environment "
           "`{env}`. {said}Fix: corrected the registration on test.pypi.org, then re-ran it.\n")


def test_claims_listed_with_the_field_named_are_read():  # Akshu24Tech/financial-pdf-extraction-agent (wrong claims)
    found, lines = pool("publisher-finagent", "holdout41")
    assert _ids(found) == ["log-invalid-publisher"]
    assert "workflow field as the one that differed" in lines[0] and "(`release.yml`)" in lines[0]
    assert "`name:` inside the file" in lines[0]
    assert any("workflow file name must be `release.yml`" in ln for ln in lines)
    assert any("`Akshu24Tech/financial-pdf-extraction-agent`" in ln for ln in lines)
    assert not any(_NO_FIELD in ln or ln.startswith("most likely") for ln in lines)
    _, lines = _read(_LISTED.format(env="pypi", said="The mismatch was the \"Workflow name\" field. "))
    assert any("must be `acme/widget`" in ln for ln in lines) and any("`pypi`" in ln for ln in lines)
    # labels without the word claims are a publisher's settings told, not the token's claims
    _, lines = _read(_LISTED.format(env="pypi", said="").replace("claims GitHub sent were", "publisher I typed was"))
    assert not any("must be `acme/widget`" in ln for ln in lines)


def test_testpypi_publisher_told_registered_is_not_most_likely_missing():  # finagent's third line
    told = ("The upload to test.pypi.org failed with `invalid-publisher`: the trusted publisher had a typo. {said}\n")
    _, lines = _read(told.format(said="I registered the publisher on test.pypi.org before the run."))
    assert not any("register the publisher on test.pypi.org" in ln for ln in lines)
    _, lines = _read(told.format(said=""))
    assert any("register the publisher on test.pypi.org" in ln for ln in lines)


_POETRY_403 = ("```\nPublishing foo (0.1.0) to PyPI\n - Uploading foo-0.1.0-py3-none-any.whl FAILED\n\nHTTP Error 403: "
               "Invalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth for more "
               "information.\n```\n\n{said}\n")


def test_token_sent_under_the_accounts_username_is_told_so():  # zamm-dev/zamm's Poetry note
    found, lines = pool("auth-zamm", "holdout41")
    assert _ids(found) == ["log-token-rejected"]
    assert "`__token__`" in found[0].message and "new token is not needed" in _fix(found[0])
    assert "poetry config pypi-token.pypi" in _fix(found[0])
    assert not any("secret the step reads" in ln or "create a new one" in ln for ln in lines)  # a by-hand run
    found, _ = _read(_POETRY_403.format(said="Use `__token__` as the username rather than your PyPI login."))
    assert "`__token__`" in found[0].message
    # `__token__` named with no contrast to the account's own username: no such reading
    found, _ = _read(_POETRY_403.format(said="My username was `__token__` and the token came from a secret."))
    assert "own username" not in found[0].message


_CANNOT = ("I re-encrypted the PyPI credentials for the Travis deploy, but it failed again.\n\n{said}\n")


def test_ci_that_cannot_create_the_project_needs_a_first_release_by_hand():  # openedx/edx-enterprise#4
    found, _ = pool("firstupload-edx-enterprise", "holdout41")
    assert _ids(found) == ["log-non-user-identity"] and found[0].line == 3
    assert "first release by hand" in _fix(found[0]) and "pending publisher" in _fix(found[0])
    found, _ = _read(_CANNOT.format(said="The first upload of the project must be done by hand, CI can only update it."))
    assert _ids(found) == ["log-non-user-identity"]
    found, _ = _read(_CANNOT.format(said="GitHub Actions cannot create new projects on PyPI with this token."))
    assert _ids(found) == ["log-non-user-identity"]
    # a CI that cannot create a folder is no project refused
    found, _ = _read(_CANNOT.format(said="Travis cannot create the packages directory, so the deploy stops."))
    assert "log-non-user-identity" not in _ids(found)


_SETUP_403 = ("$ python setup.py sdist upload\nHTTPError: 403 Client Error: Invalid or non-existent authentication "
              "information. See https://pypi.org/help/#invalid-auth for details for url: https://upload.pypi.org/legacy/\n"
              "{said}\n")


def test_login_told_as_typed_wrong_leads():  # HeywoodKing/dictfire (strictest reading)
    _, lines = pool("auth-dictfire", "holdout41")
    assert lines[0].startswith("the log says the username or password entered was wrong (check this first)")
    assert sum("(check this first)" in ln for ln in lines) == 1
    _, lines = _read(_SETUP_403.format(said="Cause: my PyPI password was mistyped."))
    assert lines[0].startswith("the log says the username or password entered was wrong")
    _, lines = _read(_SETUP_403.format(said="I don't think the password is the problem."))  # no such reading
    assert not any("entered was wrong" in ln for ln in lines)


def test_setup_py_upload_alone_gets_the_same_command_fix():  # distutils-sig 2017-August/031136 (strictest reading)
    found, _ = pool("uploadcmd-distutils-sig", "holdout41")
    assert _ids(found) == ["log-no-distributions"]
    assert _fix(found[0]).startswith("Build in the same command as the upload") and "download-artifact" not in _fix(found[0])
    # the action's own empty dist/ keeps the CI artifact routes
    found, _ = _read("Run pypa/gh-action-pypi-publish@release/v1\nERROR    InvalidDistribution: Cannot find file (or "
                     "expand pattern): 'dist/*'\n")
    assert "Build in the same command" not in _fix(found[0])


def test_version_refusal_names_the_field_and_pep_440_up_front():  # shailshouryya/test-project (strictest reading)
    found, _ = pool("version-test-project", "holdout41")
    assert _ids(found) == ["log-invalid-distribution"]
    assert "Version field" in found[0].message and "`0.0.2.update1`" in found[0].message
    assert "PEP 440" in found[0].message and "PEP 440" in _fix(found[0])
    found, _ = _read("ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n         'Foo bar' is an "
                     "invalid value for Classifier. Error: Classifier 'Foo bar' is not a valid classifier.\n")
    assert "Version field" not in found[0].message  # another field's refusal keeps its own words
