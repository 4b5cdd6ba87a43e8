"""A 403 of the GitHub API in a release job (`log-token-permission`) and the static rule beside it
(`permissions-missing-scope`): the job's GITHUB_TOKEN lacks a scope a step writes with, most often because a
`permissions:` block written for Trusted Publishing left it out (fastly/fastly-py #116, python-semantic-release #654)."""
from __future__ import annotations

from codemods.doctor.advice import advise
from codemods.doctor.claims import Context
from codemods.doctor.facts import Facts
from codemods.doctor.logs import read
from codemods.token_needs import scope_gaps

RELEASE = {"name": "Create GitHub release", "uses": "softprops/action-gh-release@v2"}
PUBLISH = {"uses": "pypa/gh-action-pypi-publish@release/v1"}
SOFTPROPS_403 = ("⚠️ GitHub release failed with status: 403\n"
                 "Error: Resource not accessible by integration - https://docs.github.com/rest/releases/releases#create-a-release\n")


def _advice(text: str, facts=()) -> list:
    return advise(read(text), list(facts), Context({}, set()))


def _ids(text: str) -> list:
    return [f.pattern.id for f in read(text).findings]


def test_a_job_block_that_names_only_id_token_leaves_contents_at_none() -> None:
    jobs = {"publish": {"permissions": {"id-token": "write"}, "steps": [PUBLISH, RELEASE]}}
    [gap] = scope_gaps(None, jobs)
    assert (gap.job_id, gap.scope, gap.needed, gap.granted, gap.where, gap.steps) == \
        ("publish", "contents", "write", "none", "job", ["step `Create GitHub release`"])
    # the workflow's block counts where the job writes none; `write-all` and `contents: write` grant it
    assert [(g.where, g.granted) for g in scope_gaps({"contents": "read"}, {"p": {"steps": [RELEASE]}})] == \
        [("workflow", "read")]
    assert scope_gaps("write-all", {"p": {"steps": [RELEASE]}}) == []
    assert scope_gaps(None, {"p": {"permissions": {"contents": "write", "id-token": "write"}, "steps": [RELEASE]}}) == []
    # a step that brings its own token needs nothing of the job's; a read of a public repository is no gap without a
    # block (the default token reads); a call of a reusable workflow has no steps here
    own = dict(RELEASE, **{"with": {"token": "${{ secrets.RELEASE_PAT }}"}})
    assert scope_gaps(None, {"p": {"permissions": {"id-token": "write"}, "steps": [own]}}) == []
    assert scope_gaps(None, {"p": {"steps": [{"uses": "actions/checkout@v4"}]}}) == []
    assert scope_gaps(None, {"p": {"uses": "./.github/workflows/release.yml"}}) == []
    # a commit action pushes with the token the checkout brought (deepset-ai/haystack-core-integrations'
    # CI_pypi_release.yml: a bot's token, then EndBug/add-and-commit); with the job's token it needs contents: write
    checkout = {"uses": "actions/checkout@v4", "with": {"token": "${{ secrets.BOT_TOKEN }}"}}
    commit = {"name": "Commit changelog", "uses": "EndBug/add-and-commit@v9", "with": {"push": "origin HEAD:main"}}
    assert scope_gaps(None, {"p": {"permissions": {"id-token": "write"}, "steps": [checkout, PUBLISH, commit]}}) == []
    [gap] = scope_gaps(None, {"p": {"permissions": {"id-token": "write"}, "steps": [
        {"uses": "actions/checkout@v4"}, PUBLISH, commit]}})
    assert (gap.scope, gap.needed, gap.steps) == ("contents", "write", ["step `Commit changelog`"])


def test_a_scope_guessed_from_a_steps_words_is_no_gap() -> None:
    # napari/napari's make_release.yml (`permissions: {}`): `gh release view` given the job's token reads; to-oidc
    # would grant `contents: write` to such a step by its words (broad, never narrow), the doctor warns of no gap
    view = {"name": "Get latest release", "run": "gh release view --repo o/r --json tagName",
            "env": {"GH_TOKEN": "${{ github.token }}"}}
    assert scope_gaps({}, {"notes": {"steps": [view]}}) == []
    assert [g.scope for g in scope_gaps({}, {"notes": {"steps": [dict(view, run="gh release create v1")]}})] == \
        ["contents"]


def test_the_messages_of_a_refused_write_are_read() -> None:
    for text in (SOFTPROPS_403,
                 "HTTP 403: Resource not accessible by integration (https://api.github.com/repos/o/r/releases)\n",
                 "remote: Permission to nicrie/xeofs.git denied to github-actions[bot].\nfatal: unable to access "
                 "'https://github.com/nicrie/xeofs.git/': The requested URL returned error: 403\n",
                 "remote: Write access to repository not granted.\n",
                 "! [remote rejected] HEAD -> main (refusing to allow a GitHub App to create or update workflow "
                 "`.github/workflows/release.yml` without `workflows` permission)\n",
                 "remote: error: GH006: Protected branch update failed for refs/heads/main.\n",
                 "Error: GitHub Actions is not permitted to create or approve pull requests.\n"):
        assert _ids(text)[:1] == ["log-token-permission"], text
    # guards: PyPI's own 403 is the API token's, GitHub's 422 of an immutable release is no scope
    assert _ids("HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\nInvalid or non-existent "
                "authentication information.\n")[:1] == ["log-token-rejected"]
    assert "log-token-permission" not in _ids(
        "The \"Upload to GitHub Release Assets\" step (using the default `GITHUB_TOKEN`) failed to attach the files "
        "to the release: `422 Unprocessable Entity`, the release is immutable.\n")


def test_the_advice_names_the_job_whose_block_lacks_the_scope() -> None:
    facts = Facts("release.yml", scope_gaps=scope_gaps(None, {"publish": {
        "permissions": {"contents": "read", "id-token": "write"}, "steps": [PUBLISH, RELEASE]}}))
    assert _advice(SOFTPROPS_403, [facts])[0] == (
        "job `publish` of release.yml: its `permissions:` block grants `contents: read`, and step `Create GitHub "
        "release` needs `contents: write`: add `contents: write` to that block")
    # a gap of another scope than the one the log names is not offered
    other = Facts("ci.yml", scope_gaps=scope_gaps(None, {"pr": {"permissions": {"contents": "write"}, "steps": [
        {"uses": "peter-evans/create-pull-request@v6"}]}}))
    assert _advice(SOFTPROPS_403, [other])[0].startswith("the step needs `contents: write` on the job's token")
    # the scope is read from the route the 403 names
    assert "`pull-requests: write`" in _advice(
        "HTTP 403: Resource not accessible by integration (https://api.github.com/repos/o/r/pulls)\n")[0]


def test_what_no_scope_grants_is_told_apart() -> None:
    assert "no GITHUB_TOKEN may do" in _advice(
        "refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` "
        "permission\n")[0]
    assert "branch protection rule" in _advice("remote: error: GH006: Protected branch update failed for "
                                               "refs/heads/main.\n")[0]
    assert "Allow GitHub Actions to create and approve pull requests" in _advice(
        "GitHub Actions is not permitted to create or approve pull requests.\n")[0]


def test_an_upload_that_went_through_is_not_to_be_run_again() -> None:
    went = ("Uploading distributions to https://upload.pypi.org/legacy/\nView at:\nhttps://pypi.org/project/widget/1.2.0/\n"
            + SOFTPROPS_403)
    assert any("would now meet `File already exists`" in a for a in _advice(went))
    assert not any("would now meet `File already exists`" in a for a in _advice(SOFTPROPS_403))


def test_a_failure_told_as_the_github_tokens_scope() -> None:
    # ithaka/apiron #131, synadia-ai/synadia-agents #55 (tests/logs): prose
    told = ("The release job failed to push the version bump commit because the GITHUB_TOKEN only had read access "
            "after we added the permissions block for PyPI's Trusted Publishing.\n")
    assert _ids(told) == ["log-token-permission"]
    # prose is read only in a text about a Python release (or a repository that publishes to PyPI)
    assert _ids(told.replace(" for PyPI's Trusted Publishing", "")) == []
    # guard: a PyPI token told as lacking a scope is PyPI's
    assert "log-token-permission" not in _ids(
        "The upload to PyPI failed with 403: the API token was scoped to another project.\n")


def test_a_block_without_contents_is_told_once(repo) -> None:
    # melissawm/sphinx-tags before #80 ("Fix 403 on release action"): `id-token: write` alone, a checkout and
    # softprops/action-gh-release: one warning asks for `contents: write`, none for `contents: read` beside it
    from pathlib import Path
    from conftest import WORKFLOW

    case = Path(__file__).parent / "golden" / "doctor-logs" / "token-permission-id-token-only"
    repo.write(WORKFLOW, (case / "release.yml").read_bytes())
    out = repo.migrate("doctor", "--exit-zero").stdout
    assert "[permissions-missing-scope]" in out and "[permissions-drop-contents]" not in out
