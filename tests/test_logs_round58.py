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


_TWO_VERSIONS = ("Uploading distributions to https://upload.pypi.org/legacy/\nUploading {sent}\n"
                 "100%|██████████| 92.3k/92.3k [00:01<00:00, 86.0kB/s]\nNOTE: Try --verbose to see response content.\n"
                 "HTTPError: 400 Clien")


def test_older_version_refused_beside_a_newer_one_is_stale_dist():  # packit/release-bot#253
    found, lines = pool("staledist-release-bot", "holdout37")
    assert _ids(found) == ["log-file-exists"]
    assert "rm -rf dist" in _fix(found[0])
    assert any("`dist/*-0.8.0*`" in ln for ln in lines)
    listed = "twine upload dist/foo-1.2.0.tar.gz dist/foo-1.2.0-py3-none-any.whl dist/foo-1.3.0.tar.gz\n"
    found, _ = _read(listed + _TWO_VERSIONS.format(sent="foo-1.3.0.tar.gz"))
    assert "log-file-exists" not in _ids(found)  # the newest version's file refused: no leftover named
    found, _ = _read("twine upload dist/foo-1.2.0.tar.gz\n" + _TWO_VERSIONS.format(sent="foo-1.2.0.tar.gz"))
    assert "log-file-exists" not in _ids(found)  # one version only


def test_deploy_run_from_another_directory_told():  # QInfer/python-qinfer#56
    found, _ = pool("deploycfg-qinfer", "holdout37")
    assert _ids(found) == ["log-file-missing"]
    assert "another directory" in found[0].message and "TRAVIS_BUILD_DIR" in _fix(found[0])
    found, _ = _read("The docs deploy to gh-pages failed: I forgot to add `cd site` to the before_deploy stage.")
    assert not found  # no Python release, no setup.py or dist/ named: another kind of deploy
    found, _ = _read("Our PyPI deploy failed from another directory: HTTPError: 403 Forbidden from "
                     "https://upload.pypi.org/legacy/\nInvalid or non-existent authentication information.")
    assert _ids(found)[:1] == ["log-token-rejected"]  # a refusal shown is read first


def test_upload_interrupted_before_any_file_is_a_credential_hang():  # pypa/twine#847
    found, _ = pool("keyring-model-card-toolkit", "holdout36")
    assert _ids(found) == ["log-credential-missing"]
    assert "stopped by hand" in found[0].message and "keyring --disable" in _fix(found[0])
    found, _ = _read("Uploading distributions to https://upload.pypi.org/legacy/\nUploading foo-1.0-py3-none-any.whl\n"
                     " 40%|████      | 8.00k/20.0k\n^CTraceback (most recent call last):\n"
                     '  File "/usr/lib/python3/site-packages/requests/adapters.py", line 4, in send\nKeyboardInterrupt')
    assert "log-credential-missing" not in _ids(found)  # stopped while a file was sent: no credential lookup


def test_release_tool_refusing_without_pypirc():  # zest.releaser#353
    found, lines = pool("releasetool-zest-releaser", "holdout36")
    assert _ids(found) == ["log-uploader-config"]
    assert any("release tool itself refuses" in ln and "~/.pypirc" in ln for ln in lines)
    found, lines = _read("InvalidConfiguration: Missing 'testpypi' section from /home/u/.pypirc.")
    assert _ids(found) == ["log-uploader-config"]
    assert not any("release tool itself" in ln for ln in lines)  # twine's own missing section keeps its line


def test_setup_py_upload_told_as_failing_is_the_removed_command():  # ApeWorX/eth-keyfile#34
    found, lines = pool("uploadcmd-eth-keyfile", "holdout36")
    assert _ids(found) == ["log-uploader-missing"]
    assert "setup.py upload" in found[0].message and "twine" in _fix(found[0])
    assert not any("not installed" in ln for ln in lines)
    found, _ = _read("Our release with `python setup.py sdist upload` failed: PyPI said the password was invalid.")
    assert "log-uploader-missing" not in _ids(found)  # a credential told beside it is that credential's class
    found, _ = _read("Whenever I run python setup.py sdist upload, I get an error:\nrunning upload\n"
                     "Upload failed (500): Internal Server Error")
    assert "log-uploader-missing" not in _ids(found)  # the answer shown is read for itself


def test_hard_wrapped_forgot_to_add_uploader_to_the_install():  # Qiskit/qiskit-aer#589
    found, lines = pool("releasejob-qiskit-aer", "holdout38")
    assert _ids(found)[:1] == ["log-uploader-missing"]
    assert any("`twine` is not installed" in ln for ln in lines)
    found, _ = _read("The release job failed: we forgot to add twine to the\nchangelog and the docs before publishing the wheel.")
    assert "log-uploader-missing" not in _ids(found)  # added to something other than the install


def test_bundled_uploader_cut_while_imported():  # pantsbuild/pants#21893
    found, lines = pool("uploaderdeps-pants", "holdout37")
    assert _ids(found) == ["log-uploader-broken"]
    assert "install_from_resolve" in _fix(found[0])
    assert any("release 2.24.0" in ln and "twine.lock" in ln for ln in lines)
    built = ("[INFO] Starting: Building twine.pex from resource://pants.backend.python.subsystems/twine.lock\n"
             "Traceback (most recent call last):\n  File \"pex\", line 327, in <module>\n"
             "    module = importlib.import_module(module_name)\n")
    found, lines = _read(built + "ModuleNotFoundError: No module named 'rfc3986'")
    assert not any("its own lockfile" in ln for ln in lines)  # the exception shown is read for itself
    found, _ = _read(built.replace("twine.pex", "black.pex").replace("twine.lock", "black.lock"))
    assert "log-uploader-broken" not in _ids(found)  # another tool than an uploader
