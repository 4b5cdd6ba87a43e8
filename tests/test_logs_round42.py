"""Round 42's tuning (tests/logs/ROUND42-TUNING.md): the misses of blind round 41's sample, tests/logs/holdout31 (a
declared tuning pool), each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

import re
from pathlib import Path

from codemods.doctor.advice import advise
from codemods.doctor.claims import Context
from codemods.doctor.logs import read

LOGS = Path(__file__).parent / "logs" / "holdout31"
HEADER = re.compile(r"^# (?:source|fix|cause|trimmed|context): ")


def _pool(stem: str):
    path = next(LOGS.glob(stem + "*.log"))
    r = read("\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines() if not HEADER.match(ln)))
    return r.findings, advise(r, [], Context({}, set()))


def _ids(text: str) -> list:
    return [f.pattern.id for f in read(text).findings]


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
