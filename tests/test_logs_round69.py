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
