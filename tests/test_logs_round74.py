"""Round 74's tuning (tests/logs/ROUND74-TUNING.md): misses of blind round 72 (tests/logs/holdout46, its tuning pool),
the wrong claims first, each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read

_TUF = "tuf.api.exceptions.UnsignedMetadataError: root was signed by 0/3 keys"


def test_signing_step_trust_root_is_read_not_a_token_refusal():  # docling-project/docling-parse#331 (wrong claim)
    found, lines = pool("sigstore-docling", "holdout46")
    assert _ids(found) == ["log-signing-trust-root"]
    assert not any("GITHUB_TOKEN" in ln or "contents: write" in ln for ln in lines)
    assert "current release" in _fix(found[0]) and "pinned by commit" in _fix(found[0])
    # TUF's own exception, without the key count, is the same class
    found, _ = _read("Run sigstore/gh-action-sigstore-python@v3.0.0\ntuf.api.exceptions.UnsignedMetadataError: "
                     "timestamp was signed by 0/1 keys\nError: Process completed with exit code 1.\n")
    assert _ids(found) == ["log-signing-trust-root"]
    # a signing step failing otherwise (no TUF words) is not this class
    found, _ = _read("Run sigstore/gh-action-sigstore-python@v3.0.0\nError: no identity token was found\n")
    assert "log-signing-trust-root" not in _ids(found)


_LANDED = ("Our Python release to PyPI failed. The release job still {what} the `github-actions[bot]` bump commit on "
           "`main`, but the GitHub release was not made.\n")


def test_a_push_told_as_landed_is_no_token_refusal():  # docling-parse#331's line 13
    found, _ = _read(_LANDED.format(what="landed"))
    assert "log-token-permission" not in _ids(found)
    # the bot's push told as refused stays a token refusal
    found, _ = _read(_LANDED.format(what="could not push (permission denied for) "))
    assert _ids(found) == ["log-token-permission"]


def test_signing_after_the_upload_told_in_prose_is_not_file_exists():  # RichieHakim/ROICaT#673 (wrong claim)
    found, lines = pool("sigstore-roicat", "holdout46")
    assert _ids(found) == ["log-signing-trust-root"]
    assert not any("already on the index" in ln for ln in lines)
    assert "publish the next version" in _fix(found[0])


_REFUSED = ("As I try to create it: `403 The user 'me' isn't allowed to upload to project 'ten'. See "
            "https://{site}/help/#project-name for more information`.\n\nThe name's page returns 404; on "
            "https://test.pypi.org/project/ten/ the name is free.\n")


def test_site_told_from_the_refusal_help_link_not_a_testpypi_link():  # pypi/support#2765 (wrong claim)
    found, lines = pool("nameheld-ten", "holdout46")
    assert _ids(found) == ["log-project-not-owned"]
    assert not any("goes to TestPyPI" in ln for ln in lines)
    _, lines = _read(_REFUSED.format(site="pypi.org"))
    assert not any("goes to TestPyPI" in ln for ln in lines)
    # the refusal's own link on TestPyPI: the upload went there
    _, lines = _read(_REFUSED.format(site="test.pypi.org"))
    assert any("goes to TestPyPI" in ln for ln in lines)


def test_gh006_leads_with_branch_protection_not_scopes():  # vivekchand/clawmetry#704
    found, _ = pool("protected-clawmetry", "holdout46")
    assert _ids(found) == ["log-token-permission"]
    assert found[0].message == "A branch protection rule refused the job's push"
    assert _fix(found[0]).startswith("Commit the change") and "pull request" in _fix(found[0])
    # a refusal of the token's scope (no protection named) keeps the scope's fix
    found, _ = _read("Publish to PyPI done.\nremote: Permission to o/r.git denied to github-actions[bot].\n")
    assert _ids(found) == ["log-token-permission"] and _fix(found[0]).startswith("Grant the job the scope")


def test_organisation_role_told_as_no_right_on_projects():  # zopefoundation/Products.PluggableAuthService#118
    found, _ = pool("orgrole-zope", "holdout46")
    assert _ids(found) == ["log-project-not-owned"]
    assert "each project's Collaborators settings" in _fix(found[0])
    # an organisation named beside no missing right is nothing
    found, _ = _read("We moved the project into the PyPI organization and released 1.2 to PyPI; every owner was "
                     "added to each project.\n")
    assert "log-project-not-owned" not in _ids(found)


_TAG_GONE = "The workflow {what}: https://github.com/o/r/actions/runs/1\n\nThat is the removal of `v1` tag by the action's author. 1.1.0 never reached PyPI.\n"


def test_action_tag_told_removed_where_the_workflow_failed_to_run():  # PyCQA/doc8#124
    found, _ = pool("actionref-doc8", "holdout46")
    assert _ids(found) == ["log-action-ref-missing"]
    assert _fix(found[0]).startswith("Pin every action of the workflow to a tag or commit that exists")
    found, _ = _read(_TAG_GONE.format(what="failed to run"))
    assert _ids(found) == ["log-action-ref-missing"]
    # the workflow told as run fine: a tag's removal is only history
    found, _ = _read(_TAG_GONE.format(what="ran fine"))
    assert "log-action-ref-missing" not in _ids(found)


_HUNG = ("During the 1.2 release PyPI accepted the wheel upload but Twine {what} waiting for an HTTP response for "
         "two hours.\n")


def test_uploader_hanging_after_the_index_took_a_file():  # openvax/vaxrank#334
    found, _ = pool("hang-vaxrank", "holdout46")
    assert _ids(found) == ["log-network"] and "partial upload" in found[0].message
    assert "--skip-existing" in _fix(found[0]) and "timeout" in _fix(found[0])
    found, _ = _read(_HUNG.format(what="remained stuck"))
    assert _ids(found) == ["log-network"]
    found, _ = _read(_HUNG.format(what="returned at once after"))
    assert "log-network" not in _ids(found)


_DIRTY = ("{refusal}\nuv build\nBuilt dist/pkg-1.2.0.tar.gz\nuv publish\nerror: Failed to publish `dist/pkg-1.2.0.tar.gz` to "
          "https://upload.pypi.org/legacy/\n  Caused by: Upload failed with status code 400 Bad Request. Server says: 400 "
          "File already exists ('pkg-1.2.0.tar.gz', with blake2_256 hash 'ab'). See https://pypi.org/help/#file-name-reuse\n")


def test_file_exists_after_a_bump_tool_refused_a_dirty_tree():  # datacoves/dbt-coves#631
    found, _ = pool("bumpdirty-dbt-coves", "holdout46")
    assert _ids(found) == ["log-file-exists"] and found[0].message.startswith("The version bump failed earlier")
    assert "set -euo pipefail" in _fix(found[0])
    found, _ = _read(_DIRTY.format(refusal="bumpversion.exceptions.WorkingDirectoryIsDirtyException: Git working "
                                           "directory is not clean:\nM uv.lock"))
    assert _ids(found) == ["log-file-exists"] and "set -euo pipefail" in _fix(found[0])
    # a dirty tree named by another tool (setuptools-scm's version) is no failed bump
    found, _ = _read(_DIRTY.format(refusal="warning: git working tree is not clean, the version gets a local part"))
    assert _ids(found) == ["log-file-exists"] and "set -euo pipefail" not in _fix(found[0])


def test_file_name_used_again_after_the_version_was_bumped():  # pypi/warehouse#4664 (flask-stateless-auth)
    found, _ = pool("filereuse-flask-stateless-auth", "holdout46")
    assert _ids(found) == ["log-file-exists"] and _fix(found[0]).startswith("Upload only this build's files")
    # told without a bump: the deleted file's name is the cause, its own fix stays
    found, _ = _read("I deleted the release and uploaded it again:\nHTTPError: 400 Client Error: This filename has "
                     "already been used, use a different version. See https://pypi.org/help/#file-name-reuse for url: "
                     "https://upload.pypi.org/legacy/\n")
    assert _ids(found) == ["log-file-exists"] and not _fix(found[0]).startswith("Upload only this build's files")


_STAMPED = ("{how}\nHTTPError: 400 Client Error: '0.3.0.dev0+20190903' is an invalid value for Version. Error: Can't use "
            "PEP 440 local versions. See https://packaging.python.org/specifications/core-metadata for url: "
            "https://upload.pypi.org/legacy/\n")


def test_local_version_stamped_by_the_ci_own_command():  # pytorch/ignite#605
    found, _ = pool("localversion-ignite", "holdout46")
    assert _ids(found) == ["log-local-version"] and _fix(found[0]).startswith("Fix the command that stamps the version")
    found, _ = _read(_STAMPED.format(how="$ sed -i \"s/__version__ = '\\(.*\\)'/__version__ = '\\1+$(date +%Y%m%d)'/g\" "
                                         "pkg/__init__.py"))
    assert _fix(found[0]).startswith("Fix the command that stamps the version")
    # no stamping command shown: the pattern's fix stays
    found, _ = _read(_STAMPED.format(how="$ python -m build"))
    assert not _fix(found[0]).startswith("Fix the command that stamps the version")


_TEST_HELD = ("HTTP Error 403: The user 'me' isn't allowed to upload to project 'pkg'. See https://{site}/help/"
              "#project-name for more information.\nOn TestPyPI the name has a very old package (Released: May 15, 2016).\n")


def test_testpypi_name_held_by_an_old_project_asks_the_admins():  # pypi/warehouse#11013 (pprof)
    found, _ = pool("nameheld-pprof", "holdout46")
    assert _ids(found) == ["log-project-not-owned"] and _fix(found[0]).startswith("Ask PyPI's admins to give you the name on TestPyPI")
    # PyPI's own refusal is not TestPyPI's name
    found, _ = _read(_TEST_HELD.format(site="pypi.org"))
    assert _ids(found) == ["log-project-not-owned"] and "on TestPyPI (" not in _fix(found[0])


def test_refused_email_field_named_in_the_fix_line():  # pypi/legacy#761 (pyslurm), strictest grade
    found, _ = pool("email-pyslurm", "holdout46")
    assert _ids(found) == ["log-invalid-distribution"] and _fix(found[0]).startswith("Give `author_email` one valid")
    found, _ = _read("HTTPError: 400 Client Error: maintainer_email: Invalid email address. for url: "
                     "https://upload.pypi.org/legacy/\n")
    assert _fix(found[0]).startswith("Give `maintainer_email` one valid")
    # another field's refusal keeps the general fix line
    found, _ = _read("HTTPError: 400 Client Error: home_page: Invalid URI. for url: https://upload.pypi.org/legacy/\n")
    assert not _fix(found[0]).startswith("Give `")
