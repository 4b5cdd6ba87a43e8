"""Round 85's tuning (tests/logs/ROUND85-TUNING.md): misses of blind round 84 (tests/logs/holdout51 and holdout52, its
tuning pool), the wrong claim first, each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read


def test_a_password_login_however_joined_is_never_a_refused_token():  # pypa/packaging.python.org#588 (wrong claim)
    found, lines = pool("testpypiacct-skarlett", "holdout51")
    assert _ids(found) == ["log-token-rejected"]
    assert "API token" not in found[0].message and "username and password" in found[0].message
    assert found[0].message.startswith("TestPyPI refused") and "test.pypi.org" in _fix(found[0])
    assert not any("secret" in ln for ln in lines)
    # the same login refused by pypi.org: the password reading, not TestPyPI's account
    found, _ = _read("I tried my username, and password combo and my email and password.\n"
                     "HTTPError: 403 Client Error: Invalid or non-existent authentication information. for url: "
                     "https://upload.pypi.org/legacy/\n")
    assert found[0].message.startswith("PyPI refused the username and password")
    # a token refused by TestPyPI stays a token, even beside "my password"
    found, _ = _read("I set my password aside and used an API token.\nHTTPError: 403 Client Error: Invalid or "
                     "non-existent authentication information. for url: https://test.pypi.org/legacy/\n")
    assert found[0].message == "PyPI refused the API token"


def test_a_scripts_set_u_stop_on_a_credential_variable():  # pulumi/pulumi-policy#277
    found, lines = pool("secretmissing-pulumi-policy", "holdout52")
    assert _ids(found) == ["log-variable-missing"] and found[0].line == 5
    assert "`PYPI_PASSWORD`, the upload's credential" in found[0].message and "publish_packages.sh" in found[0].message
    assert "env: PYPI_PASSWORD:" in _fix(found[0])
    # the uploaders' own variable in GitHub's run script, dash's wording
    found, _ = _read("Run twine upload dist/*\nsh: 1: TWINE_PASSWORD: parameter not set\n"
                     "Error: Process completed with exit code 2.\n")
    assert _ids(found) == ["log-variable-missing"] and "the step's `run:` script" in found[0].message
    # another variable: the script's variable, not a credential
    found, _ = _read("./release.sh: line 9: VERSION: unbound variable\nError: Process completed with exit code 1.\n")
    assert _ids(found) == ["log-variable-missing"] and "credential" not in found[0].message
    # the publish action's own script (v1.4.0's VERBOSE) stays its bug
    found, _ = pool("actionbug-verbose-unbound", "")
    assert _ids(found) == ["log-action-bug"]


def test_a_build_commands_own_option_refused():  # modelcontextprotocol/python-sdk#1040
    found, lines = pool("cliflag-mcp-python-sdk", "holdout52")
    assert _ids(found) == ["log-command-failed"] and found[0].line == 3
    assert found[0].message.startswith("`uv build` refused its own option `--frozen`")
    assert _fix(found[0]).startswith("Drop `--frozen` from the `uv build` command")
    assert not any("uv publish" in ln for ln in lines)
    # argparse's refusal names its program; click's
    found, _ = _read("python -m build --frozen\nusage: python -m build [-h]\npython -m build: error: unrecognized "
                     "arguments: --frozen\n")
    assert found[0].message.startswith("`python -m build` refused its own option `--frozen`")
    found, _ = _read("$ hatch build --frozen\nError: No such option: --frozen\n")
    assert found[0].message.startswith("`hatch build` refused its own option `--frozen`")
    # uv publish's own refusal keeps the uploader's reading
    found, lines = _read("error: unexpected argument '--skip-existing' found\n\nUsage: uv publish [OPTIONS]\n")
    assert _ids(found) == ["log-uploader-config"]
    assert any("`uv publish` refused an option" in ln for ln in lines)
    # twine's argparse refusal stays the uploader's
    found, _ = _read("usage: twine upload [-h] dists [dists ...]\ntwine upload: error: unrecognized arguments: "
                     "--skip-existin\n")
    assert _ids(found) == ["log-uploader-config"]


def test_a_release_actions_image_that_no_longer_builds():  # decoderesearch/SAELens#507
    found, lines = pool("releasetool-saelens", "holdout52")
    assert _ids(found) == ["log-command-failed"] and found[0].line == 5
    assert "`apt-get install -y git/bullseye-backports` exited 100" in found[0].message
    assert _fix(found[0]).startswith("Upgrade `python-semantic-release` to v9")
    # an action's image, no upgrade told: move the action on
    found, _ = _read("Build container for action use: '/home/runner/work/_actions/o/a/v1/Dockerfile'.\n"
                     "ERROR: failed to solve: process \"/bin/sh -c apt-get update && apt-get install -y git\" did not "
                     "complete successfully: exit code: 100\n")
    assert _fix(found[0]).startswith("Move the action to its current release")
    # the job's own image, no action: read the RUN line, no upgrade
    found, _ = _read("docker build .\nThe command '/bin/sh -c make' returned a non-zero code: 2\n")
    assert _ids(found) == ["log-command-failed"] and "Upgrade" not in _fix(found[0])


def test_a_500_on_every_retry_of_one_upload_is_not_read_as_an_outage():  # pypi/warehouse#8431 (ui-map-parser)
    found, lines = pool("breachedpw-ui-map-parser", "holdout51")
    assert _ids(found) == ["log-server-error"]
    assert _fix(found[0]).startswith("A 500 on every attempt") and "known breach" in _fix(found[0])
    assert any("retries answered with the same 500" in ln for ln in lines)
    retried = ('Uploading x-1.0-py3-none-any.whl\nReceived "500: Internal Server Error" Package upload appears to have '
               'failed.  Retry 1 of 5\nUploading x-1.0-py3-none-any.whl\nReceived "500: Internal Server Error" Package '
               'upload appears to have failed.  Retry 2 of 5\n')
    # a token named: no account password to suspect
    found, _ = _read("TWINE_USERNAME=__token__\n" + retried)
    assert _fix(found[0]).startswith("A 500 on every attempt") and "known breach" not in _fix(found[0])
    # an outage told, or a very large file: the status page and re-run stay first
    found, _ = _read(retried + "PyPI had an outage that hour.\n")
    assert not _fix(found[0]).startswith("A 500 on every attempt")
    found, _ = _read(retried.replace("Uploading x-1.0-py3-none-any.whl\n", "Uploading x-1.0-py3-none-any.whl (812.0 MB)\n", 1))
    assert not _fix(found[0]).startswith("A 500 on every attempt")
    # a single 500 with no retry shown: not this reading
    found, _ = _read('Received "500: Internal Server Error" Package upload appears to have failed.  Retry 1 of 5\n')
    assert not _fix(found[0]).startswith("A 500 on every attempt")
