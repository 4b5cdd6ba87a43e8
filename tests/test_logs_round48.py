"""Round 48's tuning (tests/logs/ROUND48-TUNING.md): the misses of blind round 47's sample, tests/logs/holdout34 (a
declared tuning pool), the wrong claims first, each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from codemods.doctor.logs import read

from log_rounds import HEADER, LOGS, ids as _ids, pool, reading as _read


def _pool(stem: str, folder: str = "holdout34"):
    return pool(stem, folder)


def test_legacy_refusal_from_the_retired_url_with_the_new_url_told_is_the_url() -> None:
    # scikit-build/cmake-python-distributions #10 (round 47's wrong claim: "not one of its owners" for a 403 of the
    # retired pypi.python.org that the same account got past by changing .pypirc's URL)
    found, advice = _pool("wrongurl-cmake")
    assert _ids(found) == ["log-wrong-upload-url"]
    assert not any("owners" in a for a in advice)
    assert any("https://upload.pypi.org/legacy/" in a for a in advice)
    # the same in setup.py upload's words, TestPyPI's old site
    found, _ = _read("Submitting dist/foo-1.0.tar.gz to https://testpypi.python.org/pypi\n"
                     "Upload failed (403): You are not allowed to edit 'foo' package information\n"
                     "Setting repository = https://test.pypi.org/legacy/ in ~/.pypirc fixed it.\n")
    assert _ids(found) == ["log-wrong-upload-url"]
    # guard: the live legacy site's ownership refusal, with no other URL told, stays ownership (django-spurl #15)
    found, _ = _pool("notowner-django-spurl", "holdout20")
    assert _ids(found) == ["log-project-not-owned"]
    found, _ = _pool("notowned-django-watermark", "")
    assert _ids(found) == ["log-project-not-owned"]
    # guard: today's refusal from today's URL, with the old URL named beside it, stays ownership
    found, _ = _read("Uploading distributions to https://upload.pypi.org/legacy/\n"
                     "HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\n"
                     "The user 'octo' isn't allowed to upload to project 'foo'.\n"
                     "It was https://pypi.python.org/pypi before.\n")
    assert _ids(found) == ["log-project-not-owned"]


def test_python2_module_fix_says_to_rerun_once_pinned() -> None:
    # jaraco/irc #121 (round 47's wrong claim, fixed by 8fac925): requests 2.12.0 imported `urlparse` on Python 3 and
    # twine failed at import; the job was re-run once requests was fixed, which the fix line now says
    found, _ = _pool("twinedep-irc")
    assert _ids(found) == ["log-module-missing"]
    fix = found[0].fix or found[0].pattern.fix
    assert "`requests`" in fix and "re-run the failed job" in fix and "no package to install provides" in fix


def test_a_name_held_without_a_page_names_a_pep541_request() -> None:
    # pypi/support #167 (oryx, B in round 47): a 403 for a name whose page the reporter says 404s; the admins
    # transferred the name
    found, advice = _pool("nametaken-oryx")
    assert _ids(found) == ["log-project-not-owned"]
    assert "PEP 541" in found[0].fix and "rename" in found[0].fix
    assert "PEP 541" in advice[0] and "without releases" in advice[0]
    # the same told otherwise
    found, _ = _read("HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\n"
                     "The user 'me' isn't allowed to upload to project 'foo'.\n"
                     "I checked that the name doesn't exist before.\n")
    assert "PEP 541" in found[0].fix
    # guard: a plain refusal, its URL and help link beside it, keeps the owner-or-rename fix
    found, advice = _read("HTTPError: 403 Client Error: The user 'me' isn't allowed to upload to project 'foo'. See "
                          "https://pypi.org/help/#project-name for more information. for url: "
                          "https://upload.pypi.org/legacy/\n")
    assert _ids(found) == ["log-project-not-owned"] and found[0].fix is None
    assert not any("PEP 541" in a for a in advice)


def test_prose_that_the_upload_account_needs_a_role_is_project_not_owned() -> None:
    # zopefoundation/zope.interface #37 (C in round 47): "You need to add zope.wheelbuilder as a pypi maintainer",
    # with no error line; the jobs were re-run once it was added
    found, _ = _pool("notmaintainer-zope")
    assert _ids(found) == ["log-project-not-owned"]
    assert "maintainer" in found[0].fix and "re-run" in found[0].fix and "Rename" not in found[0].fix
    found, _ = _read("The wheels never reached PyPI: the deploy account had no role on the project, so the upload "
                     "failed.\n")
    assert _ids(found) == ["log-project-not-owned"]
    # guard: a GitHub maintainer added, with no PyPI or upload in the sentence, is no refused upload
    found, _ = _read("We added alice as a maintainer of the repository. The wheels build fine.\n")
    assert "log-project-not-owned" not in _ids(found)


def test_no_dist_file_after_a_build_command_of_the_same_line_is_the_command_unregistered() -> None:
    # marcelotduarte/cx_Freeze #130 (B in round 47): by hand, `setup.py bdist_msi upload`; cx_Freeze's bdist_msi did
    # not register the MSI, a patch to it fixed it; no artifact advice, no "run apart from the build"
    found, advice = _pool("uploadcmd-cx-freeze")
    assert _ids(found) == ["log-no-distributions"]
    assert "download-artifact" not in found[0].fix and "did not register" in found[0].fix
    assert "`bdist_msi` ran in the same command line" in advice[0] and "run on its own" not in advice[0]
    # guard: `setup.py upload` run on its own keeps the separate-upload reading
    found, advice = _read("$ python setup.py upload\nrunning upload\nerror: No dist file created in earlier command\n")
    assert _ids(found) == ["log-no-distributions"] and "run on its own" in advice[0]
    assert found[0].fix.startswith("Build in the same command")  # round 65: the command line, not CI artifacts


def test_docker_hub_pull_rate_limit_on_the_action_image_is_the_runner_pull() -> None:
    # pypa/gh-action-pypi-publish #254 (C in round 47): self-hosted runners hit Docker Hub's anonymous pull limit
    # building the action's image; fixed by a mirror of the image
    found, _ = _pool("dockerlimit-gh-action")
    assert _ids(found) == ["log-image-pull-refused"]
    assert "pull of the publish action's container image" in found[0].message
    assert "mirror" in found[0].pattern.fix and "hosted runners" in found[0].pattern.fix
    found, _ = _read("Run pypa/gh-action-pypi-publish@release/v1\n"
                     "Error response from daemon: toomanyrequests: You have reached your unauthenticated pull rate "
                     "limit. https://www.docker.com/increase-rate-limit\n")
    assert _ids(found) == ["log-image-pull-refused"]
    # guard: PyPI's own 429 stays PyPI's rate limit
    found, _ = _read("HTTPError: 429 Too Many Requests from https://upload.pypi.org/legacy/\nToo many new projects "
                     "created\n")
    assert _ids(found) == ["log-rate-limited"]
    # guard: a job that builds and pushes its own image is no publish action's pull
    found, _ = _read("docker push ghcr.io/me/app:1.0\ntoomanyrequests: You have reached your pull rate limit\n")
    assert "log-image-pull-refused" not in _ids(found)


def test_uploader_not_found_beside_a_virtualenv_of_the_job_is_the_environment() -> None:
    # niccokunzmann/python-recurring-ical-events #76 (B in round 47): `sh: 1: twine: not found` in the Travis deploy;
    # fixed by removing the virtualenv the job's script step made and activated
    found, advice = _pool("travisdeploy-recurring")
    assert _ids(found) == ["log-uploader-missing"]
    assert "virtualenv" in found[0].fix and "deactivate" in found[0].fix
    assert "virtualenv" in advice[0]
    # guard: a path through the CI's own virtualenv (Travis' /home/travis/virtualenv/…) names no virtualenv of the job
    found, advice = _read("$ /home/travis/virtualenv/python3.8/bin/python setup.py sdist\nsh: 1: twine: not found\n")
    assert _ids(found) == ["log-uploader-missing"] and found[0].fix is None
    assert "virtualenv" not in advice[0]


def test_unrecognised_deploy_housekeeping_shows_the_message_and_the_fix_told() -> None:
    # openSUSE/osc #885 (B in round 47): Travis dpl's cleanup failed (`Could not restore untracked files from stash
    # entry`), "Disabling the cleanup fixes this problem": out of scope, but those lines are shown
    r = read("\n".join(ln for ln in next((LOGS / "holdout34").glob("travisdeploy-osc*.log")).read_text(
        encoding="utf-8").splitlines() if not HEADER.match(ln)))
    assert not r.findings
    shown = [t for _, t in r.last_errors]
    assert any("Could not restore untracked files" in t for t in shown)
    assert any("Disabling the cleanup fixes this problem" in t for t in shown)
