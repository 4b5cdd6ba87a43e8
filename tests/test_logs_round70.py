"""Round 70's tuning (tests/logs/ROUND70-TUNING.md): misses of blind round 68 (tests/logs/holdout44, its tuning pool),
the wrong claim first, each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read

_NO_FIELD = "no field can be singled out"
_REUSABLE = ("The publish failed with `Trusted publishing exchange failure: invalid-publisher`. The upload ran inside "
             "the reusable workflow `publish.yml`{values}.\n")


def test_no_field_line_never_follows_a_detail_that_names_one():  # knaisoma/data-olympus#97 (the wrong claim)
    found, lines = pool("reusable-data-olympus", "holdout44")
    assert _ids(found) == ["log-invalid-publisher"]
    assert any("reusable workflow" in ln for ln in lines)
    assert not any(_NO_FIELD in ln or ln.startswith("most likely") for ln in lines)
    assert any("publisher's values (workflow `tag-release.yml`, environment `pypi`)" in ln for ln in lines)
    _, lines = _read(_REUSABLE.format(values=", not the registered publisher (`workflow=release.yml`, "
                                             "`environment=pypi`)"))
    assert any("defined in `release.yml` itself with `environment: pypi`" in ln for ln in lines)
    assert not any(_NO_FIELD in ln for ln in lines)
    # a shell option is no publisher value, and with nothing singled out the no-field line stays
    _, lines = _read("The release failed at Publish to PyPI with `invalid-publisher`. We ran `gh workflow run "
                     "--workflow=release.yml`.\n")
    assert not any("publisher's values" in ln for ln in lines)
    assert any(_NO_FIELD in ln for ln in lines)


def test_local_version_after_a_name_and_hyphen_is_read():  # whitphx/streamlit-webrtc#2415
    found, lines = pool("dirtyversion-streamlit-webrtc", "holdout44")
    assert _ids(found) == ["log-local-version"]
    fix = _fix(found[0])
    assert fix.startswith("Build from a clean checkout of the release tag") and "must not write into tracked" in fix
    assert not fix.startswith("Publish only from tags")
    assert any("`0.65.3.dev0+g23d302a57.d20260512`" in ln for ln in lines)
    # a `+` version of another kind after a name (a torch build installed) is no version of the distribution
    from codemods.doctor import logtext
    assert logtext.versions([(1, "Installed torch-2.1.0+cu118 and numpy-1.26.0")]) == []
    assert logtext.versions([(1, "built pkg-1.2.dev3+gabc1234 at the tag")]) == ["1.2.dev3+gabc1234"]
    assert logtext.versions([(1, "steps 3-1.2+gabc1234")]) == []  # a number's hyphen is no name's


def test_oidc_privilege_told_not_enabled_is_the_id_token_grant():  # cherrypy/cherrypy#2049
    found, _ = pool("idtoken-cherrypy", "holdout44")
    assert _ids(found) == ["log-id-token-unset"]
    told = ("I hit an upload error in the TestPyPI job. I then noticed that the OIDC {what} enabled in the workflow.\n")
    found, _ = _read(told.format(what="permission wasn't"))
    assert _ids(found) == ["log-id-token-unset"]
    # the grant told as enabled, or another registry's OIDC, is no missing `id-token`
    found, _ = _read(told.format(what="privilege is"))
    assert "log-id-token-unset" not in _ids(found)
    found, _ = _read(told.replace("TestPyPI", "npm").format(what="privilege isn't"))
    assert "log-id-token-unset" not in _ids(found)


_SKIPPED = "2.3.6 wasn't deployed to PyPI, the Action triggered but the step was skipped because {why}.\n"


def test_step_skipped_by_its_condition_beside_a_version_not_deployed():  # hugovk/tinytext#28
    found, _ = pool("trigger-tinytext", "holdout44")
    assert _ids(found) == ["log-publish-skipped"]
    fix = _fix(found[0])
    assert "`github.event_name == 'release'`" in fix and "`github.event.ref` is a push event's field" in fix
    found, _ = _read(_SKIPPED.format(why="`if: startsWith(github.event.ref, 'refs/tags')` didn't match"))
    assert _ids(found) == ["log-publish-skipped"] and _fix(found[0]).startswith("The step's `if:` did not match")
    # skipped after a job it needs failed: the pattern's fix, not the condition's
    found, _ = _read(_SKIPPED.format(why="the build job failed"))
    assert _ids(found) == ["log-publish-skipped"] and not _fix(found[0]).startswith("The step's `if:`")
    # a version deployed, a step skipped: nothing missed
    found, _ = _read("2.3.6 was deployed to PyPI; the docs step was skipped because `if:` didn't match.\n")
    assert "log-publish-skipped" not in _ids(found)


_MATRIX = ("When it comes to uploading, one runner is done first and uploads the tar.gz file. Then the others all report "
           "that there are duplicates and fail.\n\nYou can't upload files with the same name twice to PyPI. {then}\n")


def test_same_file_uploaded_from_several_jobs_told_in_prose():  # pypa/gh-action-pypi-publish#155 (simstring-fast)
    found, _ = pool("dupupload-simstring", "holdout44")
    assert _ids(found) == ["log-file-exists"]
    fix = _fix(found[0])
    assert fix.startswith("Upload the sdist (and any pure-Python wheel) from one job only") and "not advised" in fix
    found, _ = _read(_MATRIX.format(then="Check whether you are attempting to upload them from multiple jobs."))
    assert _ids(found) == ["log-file-exists"] and _fix(found[0]).startswith("Upload the sdist")
    # the same refusal with no jobs told: the pattern's fix (a version not bumped)
    found, _ = _read(_MATRIX.format(then="Bump the version."))
    assert _ids(found) == ["log-file-exists"] and not _fix(found[0]).startswith("Upload the sdist")
    # wheels told as uploaded from several jobs with nothing refused: no finding of a file already there
    found, _ = _read("We upload the wheels from multiple jobs to PyPI and it works.\n")
    assert "log-file-exists" not in _ids(found)
