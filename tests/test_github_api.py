"""What an `actions/github-script` script and a `gh api` call use the job's GITHUB_TOKEN for: the scopes of the
calls pubmode can read, and a report (never a grant) for the ones it cannot."""
from __future__ import annotations

import pytest

from codemods.github_api import gh_api_calls, gh_api_needs, github_script_needs
from conftest import WORKFLOW, Repo


@pytest.mark.parametrize("script, scopes, unknown", [
    # ParclLabs/parcllabs-python: the tag of a release, `POST /repos/{owner}/{repo}/git/refs`
    ("github.rest.git.createRef({ owner: context.repo.owner, repo: context.repo.repo,\n"
     "  ref: 'refs/tags/${{ env.VERSION }}', sha: context.sha });", {"contents": "write"}, []),
    # actions/github-script's README (v3): the older form without `.rest`
    ("github.issues.createComment({issue_number: context.issue.number, body: 'Thanks!'})", {"issues": "write"}, []),
    ("const r = await github.rest.repos.createRelease({tag_name: t});\n"
     "await github.rest.repos.uploadReleaseAsset({release_id: r.data.id, data})", {"contents": "write"}, []),
    ("const { data } = await github.rest.repos.getLatestRelease(context.repo)", {"contents": "read"}, []),
    ("const commits = await github.paginate(github.rest.pulls.listCommits, {pull_number: 1})",
     {"pull-requests": "read"}, []),
    ("await github.request('POST /repos/{owner}/{repo}/dispatches', {event_type: 'release'})",
     {"contents": "write"}, []),
    ("await github.request(`PATCH /repos/${owner}/${repo}/git/refs/tags/${tag}`, {sha})", {"contents": "write"}, []),
    ("await octokit.rest.actions.createWorkflowDispatch({workflow_id: 'docs.yml', ref: 'main'})",
     {"actions": "write"}, []),
    # a URL's `//` is no comment: the call after it is still read
    ("const u = 'https://github.com/o/r'; await github.rest.git.createTag({tag: 'v1'})", {"contents": "write"}, []),
    ("// github.rest.git.createRef({})\nconsole.log(context.sha)", {}, []),
    ("core.info('tagged on github'); return context.sha", {}, []),
    # what pubmode cannot read is reported
    ("const result = await github.request(diff_url)", {}, ["`github.request` with a route built at run time"]),
    ("await github.graphql(`mutation { x }`)", {}, ["`github.graphql`"]),
    ("const script = require(`${process.env.GITHUB_WORKSPACE}/.github/release.js`)\nawait script({github, context})",
     {}, ["the client is handed to `${process.env.GITHUB_WORKSPACE}/.github/release.js`"]),
    ("await github.rest.repos.createWebhook({config})", {}, ["`repos.createWebhook`"]),
    ("await github.rest[ns][method]({})", {}, ["a call chosen at run time"]),
    ("await helper(github, context)", {}, ["the client is handed to other code"]),
])
def test_github_script_calls_map_to_scopes(script: str, scopes: dict, unknown: list) -> None:
    assert github_script_needs(script) == (scopes, unknown)


@pytest.mark.parametrize("run, scopes", [
    # viamrobotics/viam-python-sdk: the release's URL, a GET of a release
    ("release_url=$(gh api repos/${{ github.repository }}/releases/tags/${{ env.VERSION }} --jq '.html_url')",
     {"contents": "read"}),
    ("gh api repos/{owner}/{repo}/git/refs -f ref=refs/tags/v1 -f sha=$GITHUB_SHA", {"contents": "write"}),
    ("gh api -X DELETE \"repos/$GITHUB_REPOSITORY/git/refs/tags/nightly\"", {"contents": "write"}),
    ("gh api --method PATCH repos/{owner}/{repo}/issues/3 \\\n  -f state=closed", {"issues": "write"}),
    ("gh api graphql -f query='{ viewer { login } }'", None),
    ("gh api \"$URL\"", None),
    ("gh api user", None),
])
def test_gh_api_routes_map_to_scopes(run: str, scopes) -> None:
    assert [gh_api_needs(call) for call in gh_api_calls(run)] == [scopes]


JOB = """on:
  push:
    tags: ['v*']
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Tag
        uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea # v7.0.1
        with:
{with_}
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{{{ secrets.PYPI_API_TOKEN }}}}
"""


@pytest.mark.parametrize("with_, block, warned", [
    # SHA-pinned, a write it can read: kept, nothing to report
    ("          script: |\n            await github.rest.git.createRef({ref: 'refs/tags/x', sha: context.sha})",
     "+      contents: write\n+      id-token: write", False),
    # a script in a file: reported by name, never guessed
    ("          script: |\n            const run = require('./.github/tag.js')\n            await run({github, context})",
     "+      contents: read\n+      id-token: write", True),
    # its own token: the job's token is not used, so nothing is granted for it
    ("          github-token: ${{ secrets.RELEASE_PAT }}\n          script: |\n"
     "            await github.rest.git.createRef({ref: 'refs/tags/x', sha: context.sha})",
     "+      contents: read\n+      id-token: write", False),
])
def test_to_oidc_keeps_what_github_script_uses(repo: Repo, with_: str, block: str, warned: bool) -> None:
    repo.write(WORKFLOW, JOB.format(with_=with_).encode())
    out = repo.migrate("to-oidc", "--dry-run")
    assert out.code == 0, out.stderr
    assert block in out.stdout
    assert ("step `Tag` (`actions/github-script`: the client is handed to `./.github/tag.js`)" in out.stderr) is warned
