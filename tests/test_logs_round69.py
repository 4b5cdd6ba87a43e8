"""Round 69's tuning (tests/logs/ROUND69-TUNING.md): misses of blind round 67 (tests/logs/holdout43, its tuning pool),
each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read


def test_a_per_file_limit_the_text_states_is_quoted_never_a_default():  # pypa/packaging-problems#103 (the wrong claim)
    found, lines = pool("size-intel-mkl", "holdout43")
    assert _ids(found) == ["log-file-too-large"]
    assert not any("100 MB" in ln for ln in lines) and any("60 MB as the log states it" in ln for ln in lines)
    # PyPI's own per-file words give the figure in force; a raise discussed later is not it
    found, lines = _read("I tried `twine upload` and got `400 Client Error: File too large.` My file size is 150 MB, "
                         "over the 100MB upload limit. Could the limit be 200MB?")
    assert any("100 MB as the log states it" in ln for ln in lines) and not any("200 MB" in ln for ln in lines)
    # no limit stated: no figure at all (PyPI's default moved from 60 MB to 100 MB)
    found, lines = _read("twine upload failed: `400 Client Error: File too large.` A file size of 120 MB hits the limit.")
    assert any("PyPI's per-file limit (raised per project)" in ln for ln in lines)


def test_a_retired_host_given_the_new_path_is_the_wrong_url():  # pypa/packaging-problems#86
    found, lines = pool("wrongurl-testpypi-legacy", "holdout43")
    assert _ids(found) == ["log-wrong-upload-url", "log-file-too-large"]
    assert any("`https://testpypi.python.org/legacy`, which takes no uploads: use `https://test.pypi.org/legacy/`" in ln
               for ln in lines)
    # the host spelled right at its current address with a 404 for a project page: no wrong URL read from the host
    found, _ = _read("HTTPError: 404 Client Error: Not Found for url: https://test.pypi.org/project/foo/`")
    assert "log-wrong-upload-url" not in _ids(found)


def test_a_locked_reader_told_to_reject_a_newer_core_metadata():  # nottelabs/notte#952
    found, lines = pool("twinemeta-notte", "holdout43")
    assert _ids(found) == ["log-metadata-unsupported"]
    assert any(ln.startswith("Metadata-Version 2.5 is read by twine 7.0") and "still writes Metadata-Version 2.4" in ln
               for ln in lines)
    # a metadata version every uploader reads, told beside a refusal, is no newer metadata
    found, _ = _read("The release failed because Twine, running with the locked `packaging==25.0`, rejects the "
                     "generated Core Metadata 2.1 distributions.")
    assert "log-metadata-unsupported" not in _ids(found)


def test_an_uploader_broken_by_a_sync_that_moved_its_dependency_below_its_floor():  # TransformerLens#1549
    found, lines = pool("envbreak-transformerlens", "holdout43")
    assert _ids(found) == ["log-uploader-dependency-conflict"]
    assert any(ln.startswith("`twine` cannot import `errors` from `packaging`") for ln in lines)
    assert not any("`?`" in ln for ln in lines) and any("run `uvx twine` instead of `uv run twine`" in ln for ln in lines)
    # a dependency moved below another tool's floor (the docs' theme) is no uploader's conflict
    found, _ = _read("The docs job re-synced the env to uv.lock, downgrading sphinx below the theme's floor and crashing "
                     "on `from sphinx import errors` before the upload.")
    assert "log-uploader-dependency-conflict" not in _ids(found)


def test_artifacts_told_as_not_found_by_the_uploader_in_the_release_process():  # flwrlabs/flower#2903
    found, lines = pool("nodist-flower", "holdout43")
    assert _ids(found) == ["log-no-distributions"]
    assert any("the folder `poetry publish` uploads from by default" in ln for ln in lines)
    # files another tool did not find (pip's wheels) in a release process: no upload was told
    found, _ = _read("Currently, the release process fails as the wheels are not found by pip.")
    assert "log-no-distributions" not in _ids(found)


def test_the_kinds_pypi_takes_told_beside_an_upload_of_another_kind():  # pypa/packaging-problems#99
    found, lines = pool("filetype-setup-py-bdist", "holdout43")
    assert _ids(found) == ["log-invalid-distribution"]
    assert _fix(found[0]).startswith("Build and upload an sdist and a wheel")
    assert any("`setup.py bdist upload`, which builds a `bdist_dumb` archive" in ln for ln in lines)
    # a wheel built by the command: PEP 527 told beside it is no refusal of its kind
    found, lines = _read("> I try python setup.py bdist_wheel upload\n\nAs I mentioned above, we removed everything but "
                         "sdist, wheels, and eggs as per PEP 527. We could do better error messages here.\n")
    assert not any("bdist_dumb" in ln for ln in lines) and not any(
        _fix(f).startswith("Build and upload an sdist and a wheel") for f in found)


def test_a_backend_told_not_to_support_license_file_as_publishing_needs_it():  # superlinear-ai/substrate#302
    found, lines = pool("licfile-substrate", "holdout43")
    assert _ids(found) == ["log-invalid-distribution"]
    assert "`setuptools>=77`, `hatchling>=1.26.1`" in _fix(found[0])
    assert any(ln.startswith("the log says the build backend does not support License-File") for ln in lines)
    # the same words about a tool that is no upload (a docs build) are not read
    found, _ = _read("Our docs build failed: setuptools does not support license-file(s) in the sphinx extension.")
    assert "log-invalid-distribution" not in _ids(found)
