"""Round 77's tuning (tests/logs/ROUND77-TUNING.md): misses of blind round 75 (tests/logs/holdout47, its tuning pool),
the wrong claim first, each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read


def test_release_tools_version_filter_is_no_reupload():  # Distributive-Network/PythonMonkey#154 (wrong claim)
    found, lines = pool("versionmismatch-pythonmonkey", "holdout47")
    assert _ids(found) == ["log-no-distributions"]
    assert not any("already uploaded" in ln or "already on the index" in ln for ln in lines)
    assert "twine upload dist/*" in _fix(found[0]) and "version the tool reads" in _fix(found[0])
    # the same filter told of another tool's config, in other words
    found, _ = _read("Our release job uploads only the wheels matching the version in Cargo.toml, so the "
                     "nightly wheels were not uploaded to PyPI.\n")
    assert _ids(found) == ["log-no-distributions"]
    # a condition on the version is no filter: a re-upload told beside it stays a re-upload
    found, _ = _read("We only publish to PyPI when the version in pyproject.toml changes, but the upload failed "
                     "because the same version was uploaded again.\n")
    assert _ids(found) == ["log-file-exists"]


def test_a_folder_told_in_the_upload_folder_is_an_invalid_distribution():  # raiden-network/raiden#2701
    found, lines = pool("distcontents-raiden", "holdout47")
    assert _ids(found) == ["log-invalid-distribution"]
    assert "no folders" in _fix(found[0]) and "folder" in found[0].message
    found, _ = _read("The PyPI upload failed because of a subfolder inside dist/ left by the docs build.\n")
    assert _ids(found) == ["log-invalid-distribution"]
    # `dist/dist` is the nested build: no files found, not a folder refused
    found, _ = _read("The PyPI upload failed: the files were in the `dist/dist` folder after the download.\n")
    assert "log-invalid-distribution" not in _ids(found)
