"""Round 73's tuning (tests/logs/ROUND73-TUNING.md): misses of blind round 71 (tests/logs/holdout45, its tuning pool),
twine wrapped by other release tooling; the wrong claim first, each read in general form with a near-miss guard."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read


def test_yanked_pinned_uploader_is_not_installed_not_broken():  # aws/jsii#4553 (the wrong claim)
    found, lines = pool("yankedpin-jsii", "holdout45")
    assert _ids(found) == ["log-uploader-missing"]
    assert "yanked" in found[0].message
    assert not any("fail at import" in ln or "bug of its own" in ln for ln in lines)
    assert any("use a release of `jsii-pacmak` whose pin resolves" in ln for ln in lines)
    assert "release tool pins it" in _fix(found[0])
    # the bug link alone, with no failed install, still reads as twine's import bug
    found, _ = _read("twine upload failed at import, see https://github.com/pypa/twine/issues/1125\n")
    assert _ids(found) == ["log-uploader-broken"]
    # a yanked release of the project itself is no uploader that could not be installed
    found, _ = _read("mypkg 1.2.0 has been yanked. Command \"python -m pip install -r requirements.txt\" failed\n")
    assert "log-uploader-missing" not in _ids(found)


def test_vendored_uploader_missing_its_dependency():  # typedb/bazel-distribution#26
    found, lines = pool("uploaderdeps-bazel-distribution", "holdout45")
    assert _ids(found) == ["log-uploader-dependency-conflict"]
    assert "vendors" in found[0].message and "rule" in _fix(found[0])
    assert not any("build-system] requires" in ln for ln in lines)
    assert any("`requests`" in ln and "vendors" in ln for ln in lines)
    # the same unquoted import error in the job's own twine: the job's fix, no rule
    found, lines = _read('  File "/usr/lib/python2.7/site-packages/twine/__main__.py", line 20, in <module>\n'
                         "    import requests\nImportError: No module named requests\n")
    assert _ids(found) == ["log-uploader-dependency-conflict"]
    assert "rule" not in _fix(found[0]) and not any("vendors" in ln for ln in lines)


def test_build_label_given_as_files_is_a_publish_rule_bug():  # bazel-contrib/rules_python#1130
    found, lines = pool("toolbug-rules-python", "holdout45")
    assert _ids(found) == ["log-no-distributions"]
    assert "publish rule" in _fix(found[0])
    assert not any("download-artifact" in ln or "packages-dir" in ln for ln in lines + [_fix(found[0])])
    # a path pattern stays the CI advice
    found, lines = _read("ERROR    InvalidDistribution: Cannot find file (or expand pattern): 'dist/*'\n")
    assert any("download-artifact" in ln for ln in lines + [_fix(found[0])])


def test_file_exists_from_an_index_that_is_not_pypi():  # jazzband/django-redshift-backend#58
    found, lines = pool("filereuse-django-redshift", "holdout45")
    assert _ids(found) == ["log-file-exists"]
    assert "not PyPI" in found[0].message and not _fix(found[0]).startswith("Bump")
    assert any("`jazzband.co`, not PyPI" in ln for ln in lines)
    assert not any("partial upload" in ln for ln in lines)
    # PyPI's and TestPyPI's own answer keeps the bump
    for host in ("upload.pypi.org", "test.pypi.org"):
        found, _ = _read(f"HTTPError: 400 Client Error: File already exists. for url: https://{host}/legacy/\n")
        assert _fix(found[0]).startswith("Bump")
