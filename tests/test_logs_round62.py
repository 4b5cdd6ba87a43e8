"""Round 62's tuning (tests/logs/ROUND62-TUNING.md): misses of blind round 60 (tests/logs/holdout40, its tuning pool),
each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read


def test_name_refusal_told_without_its_article_and_ticked_steps_are_done():  # nobe (pypi-mirror-335)
    found, _ = pool("similar-nobe", "holdout40")
    assert _ids(found) == ["log-name-not-allowed"]
    assert found[0].line == 13
    found, _ = _read("- need to use `uv publish --index=testpypi`\n- name too similar to existing project\n")
    assert _ids(found) == ["log-name-not-allowed"]
    found, _ = _read("The new module is too similar to existing code, so the PyPI upload failed: 403 Forbidden.")
    assert "log-name-not-allowed" not in _ids(found)  # no project named: another similarity
    # a ticked checklist step is one done, never the failure told; the same step unticked is still read
    steps = "- build and publish with `uv publish` on testpypi\n- publish with username and password not allowed, needs token{}\n"
    found, _ = _read(steps.format(" [x]"))
    assert not {"log-token-rejected", "log-password-uploads-disabled"} & set(_ids(found))
    found, _ = _read(steps.format(""))
    assert _ids(found) == ["log-password-uploads-disabled"]


def test_url_wrapped_onto_the_next_comment_line_is_read_past_the_marker():  # luffy-yu/conda_env_export
    found, lines = pool("directdep-conda-env-export", "holdout40")
    assert _ids(found) == ["log-direct-dependency"]
    assert any("required from `https://github.com/" in ln for ln in lines)
    assert not any("from `#`" in ln for ln in lines)
    found, lines = _read("ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n"
                         "         Can't have direct dependency: foo@ git+https://github.com/o/foo@v1")
    assert any("`foo` is required from `git+https://github.com/o/foo@v1`" in ln for ln in lines)  # unquoted, as before


_UV_STALE = ("I try `uv publish` for 1.3.1.dev0.\nuv 0.7.2\n\n{said}\n\n```\nPublishing 4 files https://upload.pypi.org/legacy/\n"
             "Uploading foo-0.1.0-py3-none-any.whl (11.5KiB)\nerror: Failed to publish `dist/foo-0.1.0-py3-none-any.whl` "
             "to https://upload.pypi.org/legacy/\n  Caused by: Upload failed with status code 400 Bad Request. Server says: "
             "400 File already exists ('foo-0.1.0-py3-none-any.whl', with blake2_256 hash 'cc97'). See "
             "https://pypi.org/help/#file-name-reuse for more information.\n```\n")


def test_several_versions_told_in_dist_are_stale_files_with_uvs_own_skip():  # astral-sh/uv#16028
    found, lines = pool("staledist-uv-publish", "holdout40")
    assert _ids(found) == ["log-file-exists"]
    assert "rm -rf dist" in _fix(found[0]) and "no bump" in _fix(found[0])
    assert not any("bump it" in ln for ln in lines)
    assert not any("`0.7.2`" in ln for ln in lines)  # uv's own version is no build left in dist/
    assert any("--check-url" in ln for ln in lines)
    found, lines = _read(_UV_STALE.format(said="Just realized, I have multiple versions under dist/ and uv gets the first one."))
    assert "rm -rf dist" in _fix(found[0]) and any("--check-url" in ln for ln in lines)
    found, lines = _read(_UV_STALE.format(said="I have multiple versions of Python installed."))
    assert "rm -rf dist" not in _fix(found[0])  # versions of something else: no leftover named


_POETRY_403 = ("{cmd}\nPublishing foo (0.1.0) to {repo}\n - Uploading foo-0.1.0-py3-none-any.whl FAILED\n\n"
               "HTTP Error 403: Invalid or non-existent authentication information. See https://test.pypi.org/help/"
               "#invalid-auth for more information.\n\n{after}\n")


def test_poetry_403_with_no_token_configured_is_none_sent():  # poetry-stabs-package-sample (pypi-mirror-271)
    found, lines = pool("tokenconfig-poetry-stabs", "holdout40")
    assert _ids(found) == ["log-token-rejected"]
    assert found[0].message.startswith("Poetry sent no credentials") and "`testpypi`" in found[0].message
    assert "poetry config pypi-token.testpypi" in _fix(found[0])
    assert not any("secret the step reads" in ln for ln in lines)
    # a sentence saying no token was set tells it too, with the repository Poetry names
    found, _ = _read(_POETRY_403.format(cmd="$ poetry publish --build", repo="pypi", after="I had no token configured."))
    assert "poetry config pypi-token.pypi" in _fix(found[0])
    # a token given by variable, or no telling at all: a token was sent and refused
    found, lines = _read(_POETRY_403.format(cmd="$ POETRY_PYPI_TOKEN_TESTPYPI=$TOKEN poetry publish -r testpypi",
                                            repo="testpypi", after="poetry config pypi-token.testpypi pypi-xxxx"))
    assert found[0].message == "PyPI refused the API token"
    assert any("poetry config pypi-token.testpypi <token>" in ln for ln in lines)  # the setting of the repository used
    found, _ = _read(_POETRY_403.format(cmd="$ poetry publish -r testpypi", repo="testpypi", after=""))
    assert found[0].message == "PyPI refused the API token"


def test_tag_on_a_commit_of_another_version_is_a_release_cut_without_a_bump():  # saint2706/Games
    found, lines = pool("exists-games-tag", "holdout40")
    assert _ids(found) == ["log-file-exists"]
    assert any("`1.1.1` was tagged (or released) without a version bump" in ln and "`1.0.1`" in ln for ln in lines)
    assert not any("bump it before publishing again" in ln or "skip-existing" in ln for ln in lines)
    refused = ("HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\nFile already exists "
               "('foo-1.0.1-py3-none-any.whl', with blake2_256 hash 'd38e'). See https://pypi.org/help/#file-name-reuse\n")
    found, lines = _read("The v1.1.1 tag pointed to commit 42ba227 which has version 1.0.1 in pyproject.toml.\n" + refused)
    assert any("`1.1.1` was tagged" in ln for ln in lines)
    found, lines = _read("Release v1.1.1 is out. The wheel has Python 3.12 support.\n" + refused)
    assert not any("without a version bump" in ln for ln in lines)  # no version of the tagged code told
    assert any("bump it before publishing again" in ln for ln in lines)


def test_setuptools_scm_no_tag_base_with_a_dirty_date_names_no_tag():  # phitoduck/pyscaffold-eric-extension
    found, lines = pool("localver-eric-ext", "holdout40")
    assert _ids(found) == ["log-local-version"]
    assert "no tag found" in _fix(found[0]) and "names a tag found" not in _fix(found[0])
    assert any("finds no tag" in ln for ln in lines)
    refused = ("HTTPError: 400 Bad Request from https://test.pypi.org/legacy/\n'{v}' is an invalid value for Version.\n"
               "Error: Can't use PEP 440 local versions.\n")
    found, _ = _read(refused.format(v="0.1.dev3+g69b2d70.d20220629"))
    assert "no tag found" in _fix(found[0])
    found, _ = _read(refused.format(v="1.4.post1.dev1+g69b2d70.d20220629"))
    assert "names a tag found" in _fix(found[0])  # a real tag's base: the dirty tree alone
