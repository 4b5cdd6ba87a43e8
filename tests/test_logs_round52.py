"""Round 52's tuning (tests/logs/ROUND52-TUNING.md): the misses of blind round 50's sample, tests/logs/holdout36 (a
declared tuning pool), the wrong claims first, each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from codemods.doctor import log_said

from log_rounds import ids as _ids, pool, reading as _read


def _pool(stem: str, folder: str = "holdout36"):
    return pool(stem, folder)


def test_deleted_file_name_headline_and_fix_follow_the_deleted_reading() -> None:
    # pypi/support #4774 and pypi/warehouse #8730 (round 50's wrong claims): warehouse's "This filename has already
    # been used" after the project was deleted; the headline said "already on the index" and the fix line offered
    # `skip-existing`, which the detail below denied
    for stem in ("filereuse-drivefs-sleuth", "filereuse-dyepy"):
        found, advice = _pool(stem)
        assert _ids(found) == ["log-file-exists"]
        assert "already on the index" not in found[0].message and "used before" in found[0].message
        assert "new version" in found[0].fix and "lets a re-run pass" not in found[0].fix
        assert any("skip-existing` cannot help" in a for a in advice)
    # the same told in prose with no refusal pasted: a deleted upload and a new version needed
    found, _ = _read("I deleted the 0.20 release on PyPI and now I have to publish a new version, the upload failed.\n")
    assert _ids(found) == ["log-file-exists"] and "used before" in found[0].message
    # guard: a file that is on the index keeps the class's headline and re-run fix, even where a deletion is told
    found, _ = _read("Uploading distributions to https://upload.pypi.org/legacy/\n"
                     "HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n"
                     "File already exists ('foo-1.0.tar.gz', with blake2_256 hash 'ab'). See https://pypi.org/help/\n"
                     "I deleted the release from GitHub and now need to release a new version.\n")
    assert _ids(found) == ["log-file-exists"]
    assert found[0].message == found[0].pattern.title and found[0].fix is None


_MISSING = ("twine upload dist/* -r myproj\n"
            "ERROR    InvalidConfiguration: Missing 'myproj' section from ~/.pypirc.\n"
            "         More info: https://packaging.python.org/specifications/pypirc/\n")


def test_pypirc_section_shown_but_not_listed_names_index_servers() -> None:
    # pypa/twine #924 (round 50's wrong claim): "add that section to .pypirc" for a .pypirc the log shows with it; twine
    # reads only the sections `[distutils] index-servers` lists (`pypi testpypi` without one)
    found, advice = _pool("pypirc-jupyter-rsession-proxy")
    assert _ids(found) == ["log-uploader-config"]
    assert "index-servers" in found[0].fix
    assert not any("add that section" in a for a in advice) and any("never read" in a for a in advice)
    found, advice = _read("[distutils]\nindex-servers = pypi\n\n[myproj]\nrepository = https://upload.pypi.org/legacy/\n"
                          + _MISSING)
    assert "`myproj`" in found[0].fix and not any("add that section" in a for a in advice)
    # guard: no section shown keeps the older advice (add it, or give the URL)
    found, advice = _read(_MISSING)
    assert "index-servers" not in (found[0].fix or "") and any("add that section" in a for a in advice)
    # guard: the section shown and listed is another reading (the file shown is not the one twine read)
    found, _ = _read("[distutils]\nindex-servers =\n    pypi\n    myproj\n\n[myproj]\nusername = __token__\n" + _MISSING)
    assert "index-servers" not in (found[0].fix or "")


def test_metadata_version_beyond_a_pinned_reader_told_in_prose() -> None:
    # QunaSys/quri-sdk #592 (round 50's wrong claims): "declare Metadata-Version 2.5, and packaging 24.2 only knows up
    # to 2.4" beside `--skip-existing` explained as a precaution for a future retry; read as a file already on the
    # index with a version "never uploaded" the text does not say
    found, advice = _pool("twinemeta-quri-sdk")
    assert _ids(found) == ["log-metadata-unsupported"]
    assert not any("never uploaded" in a for a in advice)
    found, _ = _read("The PyPI upload broke: the wheels declare Metadata-Version 2.4, but twine 5.0.0 does not support "
                     "it.\n")
    assert _ids(found) == ["log-metadata-unsupported"]
    # guard: a Metadata-Version every reader knows, or a reader told as reading it, is not this sentence
    assert not log_said.SAID_METADATA_BEYOND.search("the wheels declare Metadata-Version 2.1, and packaging 20.0 only "
                                                    "knows up to 2.1")
    assert not log_said.SAID_METADATA_BEYOND.search("the wheels declare Metadata-Version 2.4 and twine 6.1 reads it")


def test_plain_linux_tag_the_text_says_cannot_be_manylinux_or_a_setting_chose() -> None:
    # runtimed/runtimed #235: the text says the Linux wheel cannot be manylinux (system GTK/WebKit); the fix line gave
    # the manylinux build the text rules out
    found, advice = _pool("platformtag-runtimed")
    assert _ids(found) == ["log-unsupported-platform-tag"]
    assert "cibuildwheel" not in found[0].fix and "out of the upload" in found[0].fix and "--skip-existing" in found[0].fix
    assert not any("plain Linux host" in a for a in advice)
    # PyO3/maturin-action #210: maturin's `compatibility` setting chose `linux_i686` in a CI that builds in manylinux
    # containers; the detail said "built on a plain Linux host"
    found, advice = _pool("platformtag-vtracer")
    assert "compatibility" in found[0].fix and "cibuildwheel" not in found[0].fix
    assert not any("plain Linux host" in a for a in advice)
    found, _ = _read("python setup.py bdist_wheel --plat-name linux_x86_64\n"
                     "400 Binary wheel 'foo-1.0-cp311-cp311-linux_x86_64.whl' has an unsupported platform tag "
                     "'linux_x86_64'.\n")
    assert "--plat-name" in found[0].fix
    # guard: a plain refusal with neither told keeps the manylinux build
    found, advice = _read("400 Binary wheel 'foo-1.0-cp311-cp311-linux_x86_64.whl' has an unsupported platform tag "
                          "'linux_x86_64'.\n")
    assert found[0].fix is None and "cibuildwheel" in found[0].pattern.fix and any("plain Linux host" in a for a in advice)
