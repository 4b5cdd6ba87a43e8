"""Round 66's tuning (tests/logs/ROUND66-TUNING.md): misses of blind round 64 (tests/logs/holdout42, its tuning pool),
each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read

_OLD_URL = ("$ twine --version\ntwine version {v} (pkginfo: 1.2.1, requests: 2.18.4, setuptools: 39.0.1)\n"
            "$ twine upload dist/*\nUploading distributions to https://pypi.python.org/pypi\nUploading foo-0.7.0.tar.gz\n"
            "HTTPError: 410 Client Error: This API has moved to https://upload.pypi.org/legacy/. See TODO for more "
            "information. for url: https://pypi.org/pypi\n")


def test_retired_address_refused_with_a_twine_before_1_8_is_the_old_twine():  # pypa/twine#353 (the wrong claim)
    found, _ = pool("wrongurl-twine353", "holdout42")
    assert _ids(found) == ["log-wrong-upload-url"]
    fix = _fix(found[0])
    assert fix.startswith("Upgrade twine") and "twine 1.5.0" in fix and "`https://pypi.python.org/pypi`" in fix
    assert "can be omitted" not in fix and "twine's `--repository-url`" not in fix  # an option 1.5.0 lacks
    found, _ = _read(_OLD_URL.format(v="1.7.4"))
    assert _fix(found[0]).startswith("Upgrade twine")
    # twine 1.8 and later default to upload.pypi.org and have --repository-url: the URL was set, the fix as before
    for v in ("1.11.0", "1.8.0", "3.1.0"):
        found, _ = _read(_OLD_URL.format(v=v))
        assert not _fix(found[0]).startswith("Upgrade twine") and "--repository-url" in _fix(found[0])
    found, _ = pool("wrongurl-twine15-legacy-410", "holdout")  # no version shown: nothing said of one
    assert not _fix(found[0]).startswith("Upgrade twine")


_TWO = ("CI publish job fails with error `400 User 'alice' does not have a verified primary email address. Please add a "
        "verified primary email before attempting to upload to PyPI.`\n\n{then} I got `403 The user 'bob' isn't allowed "
        "to upload to project 'foo'.`\n")


def test_a_side_attempt_by_hand_goes_after_the_jobs_failure():  # PurpleMyst/sansio-lsp-client#61
    found, _ = pool("email-sansio-lsp-client", "holdout42")
    assert _ids(found) == ["log-email-unverified", "log-project-not-owned"]
    found, _ = _read(_TWO.format(then="Then I tried running the publish command locally with my own token."))
    assert _ids(found) == ["log-email-unverified", "log-project-not-owned"]
    # a re-run of the job itself is no side attempt: the order stays the patterns'
    found, _ = _read(_TWO.format(then="Then I re-ran the job."))
    assert _ids(found) == ["log-project-not-owned", "log-email-unverified"]
