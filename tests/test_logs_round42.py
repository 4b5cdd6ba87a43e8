"""Round 42's tuning (tests/logs/ROUND42-TUNING.md): the misses of blind round 41's sample, tests/logs/holdout31 (a
declared tuning pool), each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from pathlib import Path

from codemods.doctor.advice import advise
from codemods.doctor.claims import Context
from codemods.doctor.logs import read
from test_logs_round39 import HEADER, _ids

LOGS = Path(__file__).parent / "logs" / "holdout31"


def _pool(stem: str):
    """The findings and advice of a pool log, its header lines removed (as the blind grading ran it)."""
    path = next(LOGS.glob(stem + "*.log"))
    r = read("\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines() if not HEADER.match(ln)))
    return r.findings, advise(r, [], Context({}, set()))


def _advice(text: str) -> str:
    return "\n".join(advise(read(text), [], Context({}, set())))


def test_registers_410_is_the_retired_api_not_a_refused_token() -> None:
    # pypa/twine #214 (round 41's wrong claim): `twine register` to upload.pypi.org/legacy/ answered "410 … This API is
    # no longer supported, instead simply upload the file" (PyPI's `submit` view, 2016-05 to 2017-07)
    found, advice = _pool("register410-twine214")
    assert found[0].pattern.id == "log-uploader-broken"
    assert found[0].fix.startswith("Drop the `register` step")
    assert advice[0].startswith("PyPI answered 410 to a `register` call")
    said = ("Registering package to https://upload.pypi.org/legacy/\nHTTPError: 410 Client Error: This API is no longer "
            "supported, instead simply upload the file. for url: https://upload.pypi.org/legacy/\n")
    assert _ids(said) == ["log-uploader-broken"]
    # guards: a 410 Gone from the retired host stays the wrong URL; a refused token alone stays a refused token
    assert _ids("HTTPError: 410 Client Error: Gone for url: https://pypi.python.org/pypi\n") == ["log-wrong-upload-url"]
    assert _ids("HTTPError: 403 Client Error: Invalid or non-existent authentication information. for url: "
                "https://upload.pypi.org/legacy/\n") == ["log-token-rejected"]


def test_a_version_with_digits_that_is_no_pep_440_version() -> None:
    # taichi-dev/taichi #2708: "400 '0.7.29.2021-08-17.899707f' is an invalid value for Version"
    found, advice = _pool("badversion-taichi")
    assert [f.pattern.id for f in found] == ["log-invalid-distribution"]
    assert advice[0].startswith("PyPI refuses `0.7.29.2021-08-17.899707f` as the version: it is no PEP 440 version, "
                                "for it carries a date written with dashes (`2021-08-17`) and a commit hash (`899707f`)")
    assert "`0.7.29.dev20210817`" in advice[0]
    snapshot = "HTTPError: 400 Client Error: '1.2.3-SNAPSHOT' is an invalid value for Version. Error: Start and end\n"
    assert _ids(snapshot) == ["log-invalid-distribution"]
    assert "`SNAPSHOT`, a word PEP 440 has no segment for" in _advice(snapshot)
    # guards: a local version stays log-local-version; a version with no digit keeps its placeholder advice
    assert _ids("HTTPError: 400 Client Error: '0.1.dev9+g21a7230' is an invalid value for Version. Error: Can't use "
                "PEP 440 local versions.\n") == ["log-local-version"]
    assert "placeholder" in _advice("400 'unknown' is an invalid value for Version. Error: Start and end with a letter\n")


def test_an_sdist_archive_format_pypi_does_not_take() -> None:
    # iwiwi's blog (2017): `setup.py sdist --formats … upload`, "Upload failed (400): Invalid file extension."
    found, advice = _pool("sdistformat-iwiwi")
    assert [f.pattern.id for f in found] == ["log-invalid-distribution"]
    assert advice[0].startswith("PyPI refused the file's extension: an sdist in an archive format PyPI does not take")
    assert "takes only `.tar.gz`" in advice[0]
    older = ("Submitting dist/octo-1.0.tar.bz2 to https://upload.pypi.org/legacy/\nHTTPError: 400 Client Error: Invalid "
             "file extension. PEP 527 requires one of: .egg, .tar.gz, .whl, .zip\n")
    assert _ids(older) == ["log-invalid-distribution"]
    assert "(`dist/octo-1.0.tar.bz2`)" in _advice(older)
    # guards: another program's "Invalid file extension" is no upload's; today's wording keeps its own advice
    assert _ids("Error: Invalid file extension .cub\n") == []
    assert _advice("400 Invalid file extension: Use .tar.gz, .whl or .zip extension.\n").startswith(
        "PyPI takes only wheels")


def test_a_deleted_upload_told_as_why_a_new_version_is_needed() -> None:
    # mfogel/django-simple-email-confirmation #13: "I removed a previous upload for `0.20` … and now I need to release a
    # new version (0.21) to be able to release new files"
    found, advice = _pool("exists-django-simple-email-confirmation")
    assert [f.pattern.id for f in found] == ["log-file-exists"]
    assert advice[0].startswith("the log names version `0.20`")
    assert any(a.startswith("deleting a file, a release or the whole project on PyPI does not free") for a in advice)
    assert _ids("I deleted the 1.2.0 release from PyPI, so now we have to publish a new version.\n") == \
        ["log-file-exists"]
    # guards: something else removed before a new release; a new version needed with nothing deleted
    assert _ids("We removed the deprecated API from the PyPI package and need to release a new version.\n") == []
    assert _ids("The upload to PyPI failed, so we need to release a new version.\n") != ["log-file-exists"]


def test_a_license_file_the_sdist_does_not_carry() -> None:
    # tonybaloney/wily #254: "License-File LICENSE does not exist in distribution file wily-2.0.0a1.tar.gz" (no `at …`),
    # maturin's sdist without the file
    found, advice = _pool("licfile-wily")
    assert [f.pattern.id for f in found] == ["log-invalid-distribution"]
    assert advice[0].startswith("the metadata names `License-File: LICENSE`, but `wily-2.0.0a1.tar.gz` does not hold it: "
                                "a License-File is a path from the archive's root, and the sdist must carry every file "
                                "its metadata names; maturin packs into the sdist what it finds itself and what "
                                "`[tool.maturin] include` names (`include = [{ path = \"LICENSE\", format = \"sdist\" }]`)")
    # guard: without maturin named, the setuptools way leads and maturin's comes after it
    plain = _advice("400 License-File COPYING does not exist in distribution file octo-1.0.tar.gz at octo-1.0/COPYING\n")
    assert plain.startswith("the metadata names `License-File: COPYING`, but `octo-1.0.tar.gz` has no file at "
                            "`octo-1.0/COPYING`: a License-File is a path from the archive's root, and the sdist must "
                            "carry every file its metadata names; declare it")


def test_the_uploaders_own_import_of_a_module_not_installed() -> None:
    # pypa/twine #894: twine 3.8.0's cli.py imports `packaging`, which it did not declare
    found, advice = _pool("uploaderdep-twine38")
    assert [f.pattern.id for f in found] == ["log-uploader-dependency-conflict"]
    assert found[0].fix.startswith("Install the missing module next to the uploader")
    assert advice[0].startswith("twine failed at its own import of `packaging`, which is not installed where it runs: "
                                "twine 3.8.0 imports `packaging` without declaring it (pypa/twine#894")
    # guards: a program's own traceback missing `packaging` is no uploader's; twine itself missing is log-uploader-missing
    assert _ids('  File "/home/runner/work/app/app/cli.py", line 3, in <module>\n    from packaging import version\n'
                "ModuleNotFoundError: No module named 'packaging'\n") == ["log-module-missing"]
    assert _ids("/usr/bin/python3: No module named twine\n") == ["log-uploader-missing"]


def test_setup_py_importing_a_module_the_release_job_lacks() -> None:
    # horovod/horovod #3739: "Adding `import packaging` to `setup.py` broke the `Upload to PyPi` workflow"
    found, advice = _pool("setupimport-horovod")
    assert [f.pattern.id for f in found] == ["log-build-tool-missing"]
    assert advice[0].startswith("the text says setup.py imports `packaging`, which the environment that runs setup.py in "
                                "the release job does not have: list it in `[build-system] requires`")
    traceback = ('Traceback (most recent call last):\n  File "/home/runner/work/x/x/setup.py", line 3, in <module>\n'
                 "    import numpy\nModuleNotFoundError: No module named 'numpy'\n")
    assert _ids(traceback) == ["log-build-tool-missing"]
    assert "the traceback shows setup.py importing `numpy`" in _advice(traceback)
    # guard: an import added to setup.py with nothing said to fail
    assert _ids("Adding `import packaging` to `setup.py` made the PyPI upload code simpler.\n") == []


def test_a_tag_told_wrong_beside_the_version_a_file_holds() -> None:
    # pypa/hatch #2435: "This tag looks like a typo. `__about__.py` says 1.32.1." (the tag said 1.32.2)
    found, advice = _pool("tagversion-hatchling")
    assert [f.pattern.id for f in found] == ["log-tag-version-mismatch"]
    assert advice[0].startswith("the text says the tag (`1.32.2`) differs from the version `__about__.py` holds "
                                "(`1.32.1`)")
    assert "release the next version (`1.32.3`)" in advice[0]
    # guards: a tag told wrong with no file's version, and a file's version with no tag told wrong, read nothing
    assert _ids("The 2.0 release on PyPI is missing. This tag looks like a typo.\n") == []
    assert _ids("The 2.0 release on PyPI is missing. `__init__.py` says 2.0.1.\n") == []
    # a sentence read only for its tag yields no other finding (a classifier's sentence beside it)
    assert _ids("The PyPI release is missing. This tag looks wrong. The classifier is invalid.\n") == []
