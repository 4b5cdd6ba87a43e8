"""Round 56's tuning (tests/logs/ROUND56-TUNING.md): the wrong claims of blind round 54's sample, tests/logs/holdout38
(a declared tuning pool), each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import ids as _ids, pool, reading as _read


def _pool(stem: str, folder: str = "holdout38"):
    return pool(stem, folder)


def test_backtick_password_broke_the_shell_not_a_refused_token():  # travis-ci#5604
    found, _ = _pool("cisecret-uw-restclients")
    assert _ids(found)[:1] == ["log-uploader-config"]
    assert "shell" in found[0].message and "escape" in found[0].fix
    assert "log-token-rejected" not in _ids(found)


def test_option_missing_is_no_uploader_missing():  # veto#175
    found, lines = _pool("filereuse-veto")
    assert _ids(found) == ["log-file-exists"]
    assert not any("Travis" in ln for ln in lines)
    found, _ = _read("The release job failed: twine is missing from the install step, so twine upload to PyPI never ran.")
    assert "log-uploader-missing" in _ids(found)  # the tool itself missing still is


def test_wrong_project_told_first_not_file_exists():  # hera#130
    found, lines = _pool("projectname-hera")
    assert _ids(found) == ["log-project-not-owned"]
    assert any("`hera` rather than `hera-workflows`" in ln for ln in lines)


def test_dirty_pep440_post_version_names_its_tag():  # scientific-python-cookiecutter#68
    found, lines = _pool("localversion-circular-buffer")
    assert _ids(found)[0] == "log-local-version"
    assert "clean checkout" in found[0].fix
    assert not any("found no tag" in ln for ln in lines)
    found, _ = _read("HTTPError: 400 Client Error: '0.1.dev3+g83905ac' is an invalid value for Version. Error: Can't use "
                     "PEP 440 local versions. for url: https://upload.pypi.org/legacy/")
    assert "clean checkout" not in (found[0].fix or found[0].pattern.fix)  # an untagged setuptools-scm version keeps its fix
