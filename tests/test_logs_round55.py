"""Round 55's tuning (tests/logs/ROUND55-TUNING.md): the misses of blind round 53's sample, tests/logs/holdout37 (a
declared tuning pool), the wrong claims first, each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

from log_rounds import fix as _fix, ids as _ids, pool, reading as _read


def _pool(stem: str, folder: str = "holdout37"):
    return pool(stem, folder)


def test_a_refused_name_whose_page_is_told_free_is_held_not_owned_by_someone_seen() -> None:
    # pypi/warehouse #9099 (pyw, round 53's wrong claim: "`pyw` exists on the index" for a name whose page the text
    # says "actually seems free", held by a removed project; the admin asked for a PEP 541 request)
    found, advice = _pool("nametaken-pyw")
    assert _ids(found) == ["log-project-not-owned"]
    assert "PEP 541" in _fix(found[0])
    assert not any("exists on the index" in a for a in advice)
    assert not any("archived" in a for a in advice)
    assert "PEP 541" in advice[0]
    # the same told otherwise: the name taken by a deleted project
    found, advice = _read("HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\n"
                          "The user 'me' isn't allowed to upload to project 'foo'.\n"
                          "I think the name is held by a deleted project.\n")
    assert "PEP 541" in _fix(found[0]) and not any("exists on the index" in a for a in advice)
    # guard: a plain refusal keeps the owner-or-rename fix and says the project exists
    found, advice = _read("HTTPError: 403 Client Error: The user 'me' isn't allowed to upload to project 'foo'. See "
                          "https://pypi.org/help/#project-name for more information. for url: "
                          "https://upload.pypi.org/legacy/\nThe page looks fine.\n")
    assert _ids(found) == ["log-project-not-owned"] and found[0].fix is None
    assert any("exists on the index" in a for a in advice)


def test_an_unverified_account_told_as_removed_is_its_token_left_in_the_secret() -> None:
    # pypi/warehouse #18575 (bird_tool_utils, B in round 53): PyPI names `mitchac`, whom the reporter had removed as a
    # maintainer; the job's token was that account's
    found, advice = _pool("tokenowner-bird-tool-utils")
    assert _ids(found) == ["log-email-unverified"]
    fix = _fix(found[0])
    assert "current owner or maintainer" in fix and "verify" not in fix
    assert not any("must verify" in a for a in advice)
    assert "`mitchac`" in advice[0] and "no longer a maintainer" in advice[0]
    # the same told otherwise
    found, _ = _read("400 User 'octo' does not have a verified primary email address.\n"
                     "octo is no longer a maintainer of the project.\n")
    assert "current owner" in _fix(found[0])
    # guard: another user removed, not the one PyPI names, keeps the email fix
    found, advice = _read("400 User 'octo' does not have a verified primary email address.\n"
                          "We removed alice as a maintainer last week.\n")
    assert found[0].fix is None and any("must verify" in a for a in advice)
    found, advice = _pool("email-unrealscripteditor", "")
    assert found[0].fix is None and any("must verify" in a for a in advice)


def test_one_file_uploaded_by_every_matrix_job_is_no_version_bump() -> None:
    # oturns/pandarm #12 (B in round 53): "the recipe tries to upload the sdist on each platform but pypi rejects if it
    # already exists"; the fix: only the linux job uploads the sdist
    found, advice = _pool("dupsdist-pandarm")
    assert _ids(found) == ["log-file-exists"]
    fix = _fix(found[0])
    assert "one job" in fix and not fix.startswith("Bump")
    assert not any("bump the version before" in a for a in advice)
    found, _ = _read("Every matrix job uploads the sdist, so PyPI says File already exists on the second one.\n")
    assert "one job" in _fix(found[0])
    # guard: a version published before keeps the bump (appwrite/mcp #55)
    found, _ = _pool("versionbump-appwrite-mcp")
    assert _ids(found) == ["log-file-exists"] and "one job" not in _fix(found[0])
