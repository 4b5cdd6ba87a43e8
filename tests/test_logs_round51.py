"""Round 51's tuning (tests/logs/ROUND51-TUNING.md): the misses of blind round 49's sample, tests/logs/holdout35 (a
declared tuning pool), the wrong claims first, each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import ids as _ids, pool, reading as _read


def _pool(stem: str, folder: str = "holdout35"):
    return pool(stem, folder)


def test_release_bot_already_exists_with_publish_skipped_is_no_file_on_the_index() -> None:
    # MIT-LCP/croissant-baker #104 (round 49's wrong claim: "This version's file is already on the index" where the text
    # says v0.3.0 never reached PyPI; release-please's "already exists" is of its own GitHub release)
    found, advice = _pool("releasebot-croissant")
    assert _ids(found) == ["log-publish-skipped"]
    assert "already on the index" not in found[0].message
    assert "workflow_dispatch" in (found[0].fix or found[0].pattern.fix)
    assert not any("bump" in a.lower() for a in advice)
    # the same told in other words: a semantic-release config "existing" beside a release, nothing said of PyPI
    found, _ = _read("Releasing to PyPI failed: the existing semantic-release job errored after it made the GitHub "
                     "release, so the publish job was skipped.\n")
    assert "log-file-exists" not in _ids(found)
    # guard: a version told as already on PyPI stays the refused re-upload
    found, _ = _read("The PyPI upload failed because version 1.2.0 already exists on PyPI; we forgot to bump it.\n")
    assert _ids(found) == ["log-file-exists"]
    # guard: a publish job skipped beside the upload's own refusal: the refusal is the cause
    found, _ = _read("Uploading distributions to https://upload.pypi.org/legacy/\n"
                     "ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n"
                     "         File already exists ('foo-1.0.tar.gz', with blake2_256 hash '…').\n"
                     "The deploy job was skipped on the next run.\n")
    assert _ids(found) == ["log-file-exists"]


def test_twine_keyerror_license_told_without_the_colon_is_the_uploader_bug() -> None:
    # mozilla/experimenter #11331 (round 49's wrong claim: twine 5.1.1, named as the fix, read as the twine that failed
    # on Metadata-Version 2.4)
    found, advice = _pool("twinebug-experimenter")
    assert _ids(found) == ["log-uploader-broken"]
    assert not any("names twine 5.1.1" in a for a in advice)
    assert any("KeyError: 'license'" in a and "5.1.1" in a for a in advice)
    # guard: the traceback form still reads so, and a KeyError of another tool with no twine named is not this bug
    found, _ = _pool("twinebug-opendp", "")
    assert _ids(found) == ["log-uploader-broken"]
    found, _ = _read("PyPI upload failed: poetry publish crashed with KeyError 'license' in our own plugin.\n")
    assert "log-uploader-broken" not in _ids(found)


def test_twine_release_told_as_the_fix_is_not_the_one_that_ran() -> None:
    # the general form of experimenter #11331's claim: a metadata refusal whose only twine version is the fix's
    text = ("twine check fails on our wheels: InvalidDistribution: Metadata is missing required fields: Name, Version.\n"
            "Make sure the distribution includes the files where those fields are specified, and is using a supported "
            "Metadata-Version: 1.0, 1.1, 1.2, 2.0, 2.1, 2.2, 2.3.\n"
            "This is fixed in twine 6.0.0, so we upgrade.\n")
    found, advice = _read(text)
    assert _ids(found) == ["log-metadata-unsupported"]
    assert not any("names twine 6.0.0" in a for a in advice)
    # guard: the twine that ran, named as such, is still named
    found, advice = _read(text.replace("This is fixed in twine 6.0.0, so we upgrade.", "We run twine 6.0.0 in CI."))
    assert any("names twine 6.0.0" in a for a in advice)


def test_start_filename_asking_for_a_dotted_name_is_the_old_check() -> None:
    # RedHatQE/widgetastic.core #230 (round 49's wrong claim: `widgetastic.core` called "the normalised name"; PyPI's
    # check of 2023 kept dots, and today asks for `widgetastic_core`)
    found, advice = _pool("filename-widgetastic")
    assert _ids(found) == ["log-sdist-filename"]
    assert not any("normalised name of the project" in a for a in advice)
    assert any("before July 2023" in a and "`widgetastic_core`" in a for a in advice)
    assert "#14155" in found[0].fix
    # guard: today's wording (the `_` name asked for) keeps the normalised-name reading
    found, advice = _read("HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n"
                          "Start filename for 'Foo.Bar' with 'foo_bar'.\n")
    assert _ids(found) == ["log-sdist-filename"]
    assert any("normalised name" in a for a in advice)
    assert not found[0].fix
    # guard: the escaped wheel shown keeps its own reading (holdout28's simplepackage.py)
    found, advice = _pool("filename-warehouse10030", "holdout28")
    assert any("`simplepackage_py-1.0.0-py2.py3-none-any.whl`" in a for a in advice)


def test_incident_that_blocked_the_upload_is_uploads_disabled_not_5xx() -> None:
    # pycompression/xopen #159 (round 49's wrong claim, judgement call: "PyPI answered with a server error (5xx)" for a
    # linked incident whose answer was `403 … temporarily disabled`)
    found, _ = _pool("outage-xopen")
    assert _ids(found) == ["log-uploads-disabled"]
    assert "5xx" not in found[0].message
    # an incident with no halt told: still PyPI's side, but no status code claimed
    found, _ = _read("Our release failed: there was an outage at PyPI (see status.python.org). Re-ran the upload later "
                     "and it worked.\n")
    assert _ids(found) == ["log-server-error"]
    assert "5xx" not in found[0].message
    # guard: a server error told by its code keeps the 5xx headline
    found, _ = _read("The PyPI upload failed with a 503 Service Unavailable during an outage; a re-run worked.\n")
    assert _ids(found) == ["log-server-error"]
    assert "5xx" in found[0].message


def test_name_refused_without_a_reason_asks_the_admins_before_renaming() -> None:
    # pypi/support #2654 (`sibilant`, on PyPI's prohibited list after a typo-squatting campaign, released by an admin;
    # round 49: B, renaming first and the support request second)
    found, advice = _pool("prohibitedname-sibilant")
    assert _ids(found) == ["log-name-not-allowed"]
    assert found[0].fix.startswith("Ask PyPI's admins")
    assert any("prohibited" in a and "before renaming" in a for a in advice)
    # guard: a refusal that gives its reason (too similar, the standard library) keeps its own reading and fix
    found, advice = _read("HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n"
                          "The name 'requets' is too similar to an existing project. See https://pypi.org/help/#project-name "
                          "for more information.\n")
    assert _ids(found) == ["log-name-not-allowed"]
    assert not found[0].fix
    assert not any("prohibited" in a for a in advice)
    found, advice = _read("HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n"
                          "The name 'asyncio' isn't allowed (conflict with Python Standard Library module name). See "
                          "https://pypi.org/help/#project-name for more information.\n")
    assert not found[0].fix
    assert any("standard library" in a for a in advice)


def test_project_urls_refusal_names_the_characters_a_url_cannot_hold() -> None:
    # napari/cookiecutter-napari-plugin #37 (quotes a template kept in `project_urls`; round 49: B, only the scheme
    # and `irc://` named)
    found, advice = _pool("projecturls-napari")
    assert _ids(found) == ["log-invalid-distribution"]
    assert any("quotes" in a and "template" in a and "Project-URL" in a for a in advice)
