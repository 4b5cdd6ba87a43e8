"""Round 34's tuning (tests/logs/ROUND34-TUNING.md): the misses of the blind rounds 32 and 33 (tests/logs/holdout27 and
holdout28, declared tuning pools), each read in general form, each with a guard that a near miss is not read so."""
from __future__ import annotations

import re
from pathlib import Path

from codemods.doctor.advice import advise
from codemods.doctor.claims import Context
from codemods.doctor.log_files import (ESCAPED_NAME_FIX, MACOS_TAG_FIX, LINUX_SENT_FIX, OLD_MANYLINUX_FIX,
                                       SEMANTIC_RELEASE_ENV_FIX)
from codemods.doctor.log_said import NESTED_DIST_FIX
from codemods.doctor.logs import read

LOGS = Path(__file__).parent / "logs"
HEADER = re.compile(r"^# (?:source|fix|cause|trimmed|context): ")


def _pool(folder: str, stem: str):
    path = next((LOGS / folder).glob(stem + "*.log"))
    body = "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines() if not HEADER.match(ln))
    r = read(body)
    return r.findings, advise(r, [], Context({}, set()))


def _ids(text: str) -> list:
    return [f.pattern.id for f in read(text).findings]


def _advice(text: str) -> list:
    return advise(read(text), [], Context({}, set()))


REFUSED = ("Uploading {f}\nERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n"
           "         Binary wheel '{f}' has an unsupported platform tag '{t}'.\n")


def test_a_refused_macos_tag_gets_macos_advice_not_linux_builds() -> None:
    # pypi/warehouse #16877 (macOS 15) and #8870 (macOS 11): PyPI's list of macOS versions lagged a new release; both
    # tags are on PyPI's list today, so those two logs read as older than the list (round 40,
    # tests/test_logs_round40.py); a macOS release newer than today's list keeps this advice
    for folder, stem, tag in (("holdout27", "platform-warehouse16877", "macosx_15_0_arm64"),
                              ("holdout28", "platform-warehouse8870", "macosx_11_0_x86_64")):
        found, advice = _pool(folder, stem)
        assert [f.pattern.id for f in found] == ["log-unsupported-platform-tag"] and found[0].fix != MACOS_TAG_FIX
        assert advice[0].startswith(f"PyPI takes `{tag}` today") and "without naming it" not in advice[0]
    newer = REFUSED.format(f="octo-1.0-cp313-cp313-macosx_27_0_arm64.whl", t="macosx_27_0_arm64")
    assert read(newer).findings[0].fix == MACOS_TAG_FIX
    assert _advice(newer)[0].startswith("`macosx_27_0_arm64` is a wheel for macOS")
    # guards: a plain linux wheel keeps the manylinux fix and its detail; a Windows tag named keeps the pattern's fix
    # and no detail that says the tag was not named
    r = read(REFUSED.format(f="octo-1.0-cp312-cp312-linux_x86_64.whl", t="linux_x86_64"))
    assert r.findings[0].fix is None and _advice(REFUSED.format(f="octo-1.0-cp312-cp312-linux_x86_64.whl",
                                                                t="linux_x86_64"))[0].startswith("`linux_x86_64` is the tag")
    odd = REFUSED.format(f="octo-1.0-cp312-cp312-win_ia64.whl", t="win_ia64")
    assert read(odd).findings[0].fix != MACOS_TAG_FIX and not any("without naming it" in a for a in _advice(odd))


def test_a_manylinux1_tag_on_aarch64_is_a_name_the_build_wrote() -> None:
    # pypa/cibuildwheel #1972: capstone's setup.py wrote `manylinux1` into an aarch64 wheel's name (PyPI's message
    # wrapped over lines)
    found, _ = _pool("holdout27", "platform-capstone")
    assert [f.pattern.id for f in found] == ["log-unsupported-platform-tag"] and found[0].fix == OLD_MANYLINUX_FIX
    # guards: manylinux1 on x86_64 and manylinux2014 on aarch64 are real tags (the refusal is something else)
    for f, t in (("octo-1.0-cp37-cp37m-manylinux1_x86_64.whl", "manylinux1_x86_64"),
                 ("octo-1.0-cp37-cp37m-manylinux2014_aarch64.whl", "manylinux2014_aarch64")):
        assert read(REFUSED.format(f=f, t=t)).findings[0].fix != OLD_MANYLINUX_FIX, t


def test_a_plain_linux_wheel_sent_to_pypi_in_a_log_cut_before_the_answer() -> None:
    # pantsbuild/pants #18023: `Signing`/`Uploading …-linux_aarch64.whl` to upload.pypi.org, the paste stops there
    found, advice = _pool("holdout27", "platform-pants")
    assert [f.pattern.id for f in found] == ["log-unsupported-platform-tag"] and found[0].line == 10
    assert found[0].fix == LINUX_SENT_FIX and advice[0].startswith("`linux_aarch64` is the tag of a wheel built on a plain")
    sent = ("Uploading distributions to {url}\nUploading octo-1.0-cp312-cp312-linux_x86_64.whl\n"
            "100% 52.2/52.2 kB\n")
    # guards: the same files to a private index, manylinux wheels only, and a linux wheel beside a recognised error
    assert _ids(sent.format(url="https://upload.pypi.org/legacy/")) == ["log-unsupported-platform-tag"]
    assert _ids(sent.format(url="https://artifactory.example.com/api/pypi/local")) == []
    assert _ids(sent.format(url="https://upload.pypi.org/legacy/").replace("linux_x86_64", "manylinux2014_x86_64")) == []
    assert _ids(sent.format(url="https://upload.pypi.org/legacy/") +
                "ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n"
                "         File already exists ('octo-1.0-cp312-cp312-linux_x86_64.whl').\n") == ["log-file-exists"]


def test_a_wheel_name_written_as_distributions_must_is_pypis_old_refusal() -> None:
    # pypi/warehouse #10030: `400 Start filename for 'simplepackage.py' with 'simplepackage.py'.` for
    # `simplepackage_py-1.0.0-…whl`, the name as wheels must write it (fixed on PyPI by #14155, July 2023)
    found, advice = _pool("holdout28", "filename-warehouse10030")
    assert [f.pattern.id for f in found] == ["log-sdist-filename"] and found[0].fix == ESCAPED_NAME_FIX
    assert advice[0].startswith("`simplepackage_py-1.0.0-py2.py3-none-any.whl` starts with the name `simplepackage.py` "
                                "as distributions must write it")
    # guard: a wheel named for another project keeps the renamed-wheel reading
    text = ("Uploading widget-1.0-py3-none-any.whl\n400 Start filename for 'octo.py' with 'octo.py'.\n")
    assert read(text).findings[0].fix is None and "does not start with" in _advice(text)[0]


def test_an_artifact_downloaded_one_folder_too_deep() -> None:
    # cpholguera/frooky #63: "The `gh-action-pypi-publish` action is looking for packages in `dist/dist` instead of
    # just `dist/`"
    found, _ = _pool("holdout28", "nesteddist-frooky")
    assert [f.pattern.id for f in found] == ["log-no-distributions"] and found[0].fix == NESTED_DIST_FIX
    # guards: `dist/dist` in a text about no upload; an ordinary missing dist keeps the pattern's fix
    assert _ids("The docs build writes to docs/dist/dist and nothing else.\n") == []
    r = read("ERROR    InvalidDistribution: Cannot find file (or expand pattern): 'dist/*'\n")
    assert r.findings[0].pattern.id == "log-no-distributions" and r.findings[0].fix is None


def test_username_and_password_told_as_deprecated_in_a_text_about_pypi() -> None:
    # jason-jz-zhu/databathing #11: "Replace deprecated username/password auth with API token method", PYPI_API_TOKEN
    found, _ = _pool("holdout27", "userpass-databathing")
    assert [f.pattern.id for f in found] == ["log-password-uploads-disabled"]
    # guard: the same sentence in a text about another service
    assert _ids("- Replace deprecated username/password auth with an app token for the Jira client\n") == []


def test_an_uploader_told_as_trying_trusted_publishing_without_a_password() -> None:
    # hadrien/FastSQLA #141: python-semantic-release ran the upload in its build command with a reduced environment
    found, _ = _pool("holdout27", "credmissing-fastsqla")
    assert [f.pattern.id for f in found] == ["log-secret-empty"] and found[0].fix == SEMANTIC_RELEASE_ENV_FIX
    # without semantic-release the pattern's fix stays; a token told as received is no fallback
    text = "Twine received no password and attempted OIDC publishing, which failed.\n"
    assert _ids(text) == ["log-secret-empty"] and read(text).findings[0].fix is None
    assert _ids("Twine received the password and the upload to PyPI worked; OIDC was not tried.\n") == []
    # old semantic-release's own upload, with a GitHub log's `env:` block: not the build command's environment
    old = ("semantic_release.errors.ImproperConfigurationError: Missing credentials for uploading to PyPI\n"
           "env:\n  pythonLocation: /opt/hostedtoolcache/Python/3.8.18/x64\n"
           "Enter your username: EOFError: EOF when reading a line\n")
    assert all(f.fix != SEMANTIC_RELEASE_ENV_FIX for f in read(old).findings)


def test_the_rate_limit_told_as_the_429s() -> None:
    # pypi/support #10572's wording, in a text that names PyPI ("got 4 in and then the 429s")
    assert _ids("Same issue, tried uploading 6 packages to PyPI, got 4 in and then the 429s.\n") == ["log-rate-limited"]
    # guard: GitHub's API rate limit keeps out
    assert _ids("The release job's upload step got the 429s from the GitHub API rate limit, not from PyPI.\n") == []
