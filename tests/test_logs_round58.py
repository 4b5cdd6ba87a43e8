"""Round 58's tuning (tests/logs/ROUND58-TUNING.md): misses of blind rounds 50, 53 and 54 (tests/logs/holdout36,
holdout37, holdout38, declared tuning pools) left by rounds 51/52/55/56, each read in general form with a guard that a
near miss is not read so."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read


def test_two_classifiers_run_together_is_a_missing_comma():  # cloudant-python-sdk#76
    found, lines = pool("classifier-cloudant", "holdout37")
    assert _ids(found) == ["log-invalid-distribution"]
    assert any("`Programming Language :: Python :: 3.9` and `Development Status :: 4 - Beta`" in ln and "comma" in ln
               for ln in lines)
    found, lines = _read("HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\nInvalid value for classifiers. "
                         "Error: Classifier 'Topic :: Software Development :: Application Frameworks' is not a valid "
                         "classifier.")
    assert not any("run together" in ln for ln in lines)  # a misspelt one (a category word inside) stays a misspelling
    assert any("copy the exact text" in ln for ln in lines)
