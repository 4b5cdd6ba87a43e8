"""Round 81's tuning (the lead's, on blind round 80's wrong claims: tests/logs/holdout50, now a tuning pool): each
read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import ids as _ids, pool, reading as _read


def test_a_failure_told_as_trusted_publishing_s_is_no_refused_token():  # google/benchmark#1816 (wrong claim)
    found, lines = pool("nopublisher-benchmark", "holdout50")
    assert _ids(found) == ["log-invalid-publisher"]
    assert not any("API token" in ln and "refused" in ln for ln in lines)
    # the same shape told in other words
    found, _ = _read("The 2.0 wheels were not uploaded to PyPI: trusted publishing failed on the release run. It "
                     "still has to be configured on PyPI.\n")
    assert _ids(found) == ["log-invalid-publisher"]
    # a bare "trusted publishing failed" tells no cause (tests/logs/open): not read as a missing publisher
    found, _ = _read("The 2.0 wheels were not uploaded to PyPI: trusted publishing failed on the release run.\n")
    assert "log-invalid-publisher" not in _ids(found) and "log-token-rejected" not in _ids(found)
    # a refused token told with Trusted Publishing named only as a plan stays the token's refusal
    found, _ = _read("The upload to PyPI failed: the API token in our secret was rejected. We may move to trusted "
                     "publishing later.\n")
    assert _ids(found) == ["log-token-rejected"]


def test_workflow_call_named_as_kept_is_no_reusable_publish():  # OpenDQV#152 (wrong claim)
    found, lines = pool("workflowname-opendqv", "holdout50")
    assert _ids(found) == ["log-invalid-publisher"]
    assert not any("reusable workflow" in ln for ln in lines)
    assert any("publisher names `publish.yml`" in ln for ln in lines)
    # a publish told as running in a reusable workflow keeps the reusable reading
    found, lines = _read("Publishing to PyPI fails with invalid-publisher: our publish job is a reusable workflow "
                         "(`workflow_call`) called from `release.yml`.\n")
    assert any("reusable workflow" in ln for ln in lines)


def test_the_file_a_publisher_is_told_to_trust_is_the_field_that_differs():  # tox-dev/filelock#560 (jc)
    found, lines = pool("workflowname-filelock", "holdout50")
    assert any("publisher names `release.yaml`" in ln and "`publish.yaml`" in ln for ln in lines)
    assert not any("no field can be singled out" in ln for ln in lines)
    # one file named, no second one: nothing to compare
    found, lines = _read("Publishing to PyPI fails with invalid-publisher although the publisher is registered for "
                         "`release.yml`.\n")
    assert not any("while it names" in ln for ln in lines)
