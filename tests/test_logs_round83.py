"""Round 83's tuning (tests/logs/ROUND83-TUNING.md): misses of blind round 79 (tests/logs/holdout49, its tuning pool),
the wrong claim first, each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read


def test_a_skip_existing_change_leads_with_the_re_upload():  # activeloopai/deeplake#429 (Hub; strictest: wrong claim)
    found, lines = pool("reupload-hub", "holdout49")
    assert _ids(found) == ["log-file-exists", "log-sdist-exists"]
    assert _fix(found[0]).startswith("Upload with `--skip-existing`")
    assert not any("does not skip a rebuilt sdist" in ln or "contents differ" in ln for ln in lines)
    # both messages without skip-existing told as the change: the sdist refusal stays first, its fix unchanged
    found, _ = _read("Our CircleCI upload to PyPI fails: `400 File already exists.` and then `400 Only one sdist may "
                     "be uploaded per release.`\n")
    assert _ids(found) == ["log-sdist-exists", "log-file-exists"]


def test_a_shell_quoting_error_beside_a_password_is_the_secret():  # travis-ci/dpl#634 (xdot.py)
    found, lines = pool("secretquote-xdot", "holdout49")
    assert _ids(found) == ["log-uploader-config"]
    assert "secret broke the CI's shell" in found[0].message
    assert "change it" in _fix(found[0])
    # a quoting error in a deploy with no password or secret named near it is not the secret's
    found, _ = _read("Deploying to PyPI from Travis failed:\n"
                     "/home/travis/.travis/job_stages: eval: line 54: unexpected EOF while looking for matching `\"'\n"
                     "/home/travis/.travis/job_stages: eval: line 55: syntax error: unexpected end of file\n"
                     "The fix was a missing quote in our before_deploy script.\n")
    assert "log-uploader-config" not in _ids(found)


def test_a_version_plugin_turned_off_is_the_cause_of_the_re_upload():  # cancerDHC/ccdhmodel#82
    found, _ = pool("version-ccdhmodel", "holdout49")
    assert _ids(found) == ["log-file-exists"]
    assert _fix(found[0]).startswith("Re-enable the version plugin")
    # a placeholder version from a shallow clone, the plugin still on, is not this reading
    found, _ = _read("The upload to PyPI failed: `400 File already exists` for 0.0.0; setuptools-scm is configured "
                     "but the checkout was shallow, so no tags were there.\n")
    assert _ids(found) == ["log-file-exists"] and not _fix(found[0]).startswith("Re-enable")
    # the plugin told off with no placeholder version: not this reading
    found, _ = _read("HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\nFile already exists.\n"
                     "We disabled pbr last year and set the version by hand.\n")
    assert _ids(found) == ["log-file-exists"] and not _fix(found[0]).startswith("Re-enable")


def test_a_ci_pipeline_not_authorized_never_ran_the_release():  # jaraco/tempora#13
    found, _ = pool("cinotrun-tempora", "holdout49")
    assert _ids(found) == ["log-workflow-not-triggered"]
    assert "not authorized" in found[0].message and "re-run it for the tag" in _fix(found[0])
    # a token not authorized to upload is PyPI's refusal, not a pipeline that never ran
    found, _ = _read("The release to PyPI failed: the token was not authorized to upload to this project.\n")
    assert "log-workflow-not-triggered" not in _ids(found)


def test_an_uploader_that_reads_only_dist_beside_a_wheelhouse():  # pypa/cibuildwheel#947 (pygeos)
    found, lines = pool("artifactdir-pygeos", "holdout49")
    assert _ids(found) == ["log-no-distributions"]
    assert "--output-dir dist" in _fix(found[0])
    assert not any("download-artifact" in ln for ln in lines)
    # wheelhouse/ and dist/ named with no "only" told: no reading
    found, _ = _read("cibuildwheel wrote the wheels to wheelhouse/ and the sdist to dist/ for our PyPI release.\n")
    assert "log-no-distributions" not in _ids(found)


def test_an_upload_url_set_without_its_slash_is_the_wrong_url():  # pypa/gh-action-pypi-publish#317
    found, lines = pool("wrongurl-testpypi-repository-url", "holdout49")
    assert _ids(found) == ["log-wrong-upload-url"] and found[0].line == 11
    assert any("`https://test.pypi.org/legacy/`" in ln for ln in lines)
    # the same URL set in a run that tells no failure: nothing
    found, _ = _read("      with:\n        repository-url: https://test.pypi.org/legacy\n"
                     "Uploading distributions to https://test.pypi.org/legacy/\nView at: https://test.pypi.org/project/x/\n")
    assert "log-wrong-upload-url" not in _ids(found)


def test_a_build_on_a_branch_head_past_the_tag_checks_out_the_tag():  # OpenProteinAI/openprotein-python#11
    found, _ = pool("localversion-openprotein", "holdout49")
    assert _ids(found) == ["log-local-version"]
    assert "refs/tags/<tag>" in _fix(found[0])
    # a local version with no branch head told past the tag keeps the general fix
    found, _ = _read("HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n"
                     "'1.2.0+g1234abc' is an invalid value for Version. Can't use PEP 440 local versions.\n")
    assert _ids(found) == ["log-local-version"] and "refs/tags" not in _fix(found[0])


def test_a_release_service_not_set_up_is_named():  # jazzband/help#84 (django-constance)
    found, lines = pool("intermediary-django-constance", "holdout49")
    assert _ids(found) == ["log-command-failed"] and found[0].line == 9
    assert "release service" in found[0].message and "refused nothing" in _fix(found[0])
    # "not set up for the project" with no service the releases go through: no reading
    found, _ = _read("Our PyPI release failed: Trusted Publishing is not set up for the project yet.\n")
    assert "release service" not in " ".join(f.message for f in found)


def test_a_url_requirement_in_an_extra_leads_with_the_extra():  # pypa/twine#726 (ansible-lint; strictest only)
    found, _ = pool("directref-ansible-lint", "holdout49")
    assert _ids(found) == ["log-direct-dependency"]
    assert _fix(found[0]).startswith("Take the URL requirement out of the published extras")
    # a URL requirement outside any extra keeps releasing the dependency first
    found, _ = _read("HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\nInvalid value for requires_dist. "
                     "Error: Can't have direct dependency: \"foo @ git+https://github.com/x/foo.git\"\n")
    assert _ids(found) == ["log-direct-dependency"] and not _fix(found[0]).startswith("Take the URL")
