"""Round 77's tuning (tests/logs/ROUND77-TUNING.md): misses of blind round 75 (tests/logs/holdout47, its tuning pool),
the wrong claim first, each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read


def test_release_tools_version_filter_is_no_reupload():  # Distributive-Network/PythonMonkey#154 (wrong claim)
    found, lines = pool("versionmismatch-pythonmonkey", "holdout47")
    assert _ids(found) == ["log-no-distributions"]
    assert not any("already uploaded" in ln or "already on the index" in ln for ln in lines)
    assert "twine upload dist/*" in _fix(found[0]) and "version the tool reads" in _fix(found[0])
    # the same filter told of another tool's config, in other words
    found, _ = _read("Our release job uploads only the wheels matching the version in Cargo.toml, so the "
                     "nightly wheels were not uploaded to PyPI.\n")
    assert _ids(found) == ["log-no-distributions"]
    # a condition on the version is no filter: a re-upload told beside it stays a re-upload
    found, _ = _read("We only publish to PyPI when the version in pyproject.toml changes, but the upload failed "
                     "because the same version was uploaded again.\n")
    assert _ids(found) == ["log-file-exists"]


def test_a_folder_told_in_the_upload_folder_is_an_invalid_distribution():  # raiden-network/raiden#2701
    found, lines = pool("distcontents-raiden", "holdout47")
    assert _ids(found) == ["log-invalid-distribution"]
    assert "no folders" in _fix(found[0]) and "folder" in found[0].message
    found, _ = _read("The PyPI upload failed because of a subfolder inside dist/ left by the docs build.\n")
    assert _ids(found) == ["log-invalid-distribution"]
    # `dist/dist` is the nested build: no files found, not a folder refused
    found, _ = _read("The PyPI upload failed: the files were in the `dist/dist` folder after the download.\n")
    assert "log-invalid-distribution" not in _ids(found)


_NOTICE = ("Cleaning up git repository with `git stash --all`.\nIf you need build artifacts for deployment, set "
           "`deploy.skip_cleanup: true`.\n")


def test_a_ci_deploys_cleanup_told_as_the_failure_is_read():  # rethinkdb/rethinkdb-python#91
    found, lines = pool("cleanup-rethinkdb", "holdout47")
    assert _ids(found) == ["log-no-distributions"]
    assert "skip_cleanup: true" in _fix(found[0]) and "regenerate" in _fix(found[0])
    assert not any("download-artifact" in ln or "packages-dir" in ln for ln in lines)
    # the notice alone is printed on every Travis deploy: no failure told, nothing read
    found, _ = _read("Deploying application\n" + _NOTICE + "Uploading distributions to https://upload.pypi.org/legacy/\n")
    assert "log-no-distributions" not in _ids(found)
    # the cleanup itself failing (dpl's stash not restored) is no such reading (openSUSE/osc#885, round 48)
    found, _ = pool("travisdeploy-osc", "holdout34")
    assert not found


def test_uploader_missing_in_a_build_systems_binary_names_its_deps():  # typedb/bazel-distribution#429
    found, lines = pool("uploadermissing-bazel", "holdout47")
    assert _ids(found) == ["log-uploader-missing"]
    assert "deps" in _fix(found[0]) and "py_binary" in _fix(found[0])
    assert not any("pip install twine` in that same job" in ln for ln in lines)
    # a job's own missing twine keeps the job's fix
    found, lines = _read("Run twine upload dist/*\n/home/runner/work/_temp/x.sh: line 1: twine: command not found\n"
                         "Error: Process completed with exit code 127.\n")
    assert _ids(found) == ["log-uploader-missing"] and "py_binary" not in _fix(found[0])


_STATIC = ("After merging #40, the PyPI publish action failed because the file for the \"2.1.0\" version exists already. "
           "{why}\n")


def test_a_static_version_told_beside_a_reupload_leads_with_the_tag():  # Kitware/pan3d#41
    found, _ = pool("filereuse-pan3d", "holdout47")
    assert _ids(found) == ["log-file-exists"]
    assert _fix(found[0]).startswith("Take the version from the release tag")
    found, _ = _read(_STATIC.format(why="The version is a hard-coded string in setup.py."))
    assert _fix(found[0]).startswith("Take the version from the release tag")
    # a re-upload with no word on where the version comes from keeps the bump
    found, _ = _read(_STATIC.format(why="We upgraded to the fixed version of twine first."))
    assert _ids(found) == ["log-file-exists"] and not _fix(found[0]).startswith("Take the version")


def test_a_token_told_as_another_projects_leads_with_its_scope():  # pyodide/pyodide#3643
    found, lines = pool("token-pyodide", "holdout47")
    assert _ids(found) == ["log-token-rejected"]
    assert _fix(found[0]).startswith("Give the upload the token scoped to this project")
    assert "another PyPI project" in lines[0]
    found, _ = _read("The PyPI upload failed with 403: the job used a token scoped to another project.\n")
    assert _fix(found[0]).startswith("Give the upload the token scoped to this project")
    # a stale token told without its scope keeps a new token first (Deltares/imod-python#1044)
    found, _ = pool("token-imod-python", "holdout47")
    assert _ids(found) == ["log-token-rejected"] and _fix(found[0]).startswith("Create a new token")


def test_a_project_url_told_as_a_duplicate_is_not_read_as_unlabelled():  # PyO3/maturin#647
    found, lines = pool("projecturls-maturin", "holdout47")
    assert _ids(found) == ["log-invalid-distribution"]
    assert _fix(found[0]).startswith("Drop the hand-written Project-URL")
    assert not any("has no label" in ln for ln in lines)
    # the same message with a bare list of URLs keeps the label rule (PyO3/maturin#386)
    found, lines = pool("url-maturin386", "holdout")
    assert _ids(found) == ["log-invalid-distribution"]
    assert any("has no label" in ln for ln in lines) and not _fix(found[0]).startswith("Drop the hand-written")


def test_a_description_refused_for_text_x_rst_is_not_told_to_declare_its_type():  # django-wiki/django-wiki#1361
    found, lines = pool("readme-django-wiki", "holdout47")
    assert _ids(found) == ["log-description-invalid"]
    assert "content type is not the problem" in lines[0] and "`raw`" in lines[0]
    assert not any("declare its type" in ln for ln in lines)
    # the default format (no type declared) keeps declaring the type as a route
    _, lines = _read("HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\nThe description failed to render "
                     "in the default format of reStructuredText. See https://pypi.org/help/#description-content-type "
                     "for more information.\n")
    assert not any("content type is not the problem" in ln for ln in lines)


_TWOFA = ("ERROR    HTTPError: 401 Unauthorized from https://upload.pypi.org/legacy/\n         User <user> has two "
          "factor auth enabled, an API Token or Trusted Publisher must be used to upload in place of password.\n")


def test_a_password_refused_from_a_maintainers_machine_leads_with_the_token():  # octodns/octodns#1016
    found, _ = pool("twofa-octodns", "holdout47")
    assert _ids(found) == ["log-password-uploads-disabled"]
    assert _fix(found[0]).startswith("Send `__token__`")
    found, _ = _read("I ran our release script locally:\n" + _TWOFA)
    assert _fix(found[0]).startswith("Send `__token__`")
    # the same refusal in a CI job keeps Trusted Publishing first
    found, _ = _read("Run twine upload dist/*\n" + _TWOFA)
    assert _ids(found) == ["log-password-uploads-disabled"] and not _fix(found[0]).startswith("Send `__token__`")


def test_a_version_plugins_static_fallback_stays_the_shallow_clone():  # holdout's libvroom (all-logs diff, round 77)
    found, lines = pool("exists-libvroom", "holdout")
    assert _ids(found) == ["log-file-exists"] and not _fix(found[0]).startswith("Take the version from the release tag")
    assert any("fetch-depth: 0" in ln for ln in lines)
