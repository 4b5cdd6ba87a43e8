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
