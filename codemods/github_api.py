"""The GITHUB_TOKEN scopes a GitHub REST call needs, read from its route or its Octokit method name.

Used for `actions/github-script` (whose `github` client holds the job's token by default) and `gh api`.
A call is mapped only when its route is in a repository (`/repos/{owner}/{repo}/…`) and the part after
it says which permission GitHub checks; anything else (GraphQL, a route or method built at run time,
a repository setting no GITHUB_TOKEN scope covers) is None: the caller reports it, and grants nothing.

Sources: GitHub's "Permissions required for GitHub Apps" (docs.github.com/en/rest/authentication/
permissions-required-for-github-apps, data in github/docs src/github-apps/data/fpt-2022-11-28/
server-to-server-permissions.json: "Contents" holds git/refs, git/tags, releases, contents, commits,
branches, merges, dispatches, tarball/zipball; "Issues" holds issues, labels, milestones, assignees
and issue comments; "Pull requests" holds pulls; the access is "read" for GET and "write" otherwise),
and Octokit's method → route table (octokit/plugin-rest-endpoint-methods.js src/generated/endpoints.ts:
`git.createRef` is `POST /repos/{owner}/{repo}/git/refs`, `repos.createRelease` is `POST …/releases`).
An issue comment on a pull request is accepted with "Issues" or "Pull requests" write (the endpoint is
listed under both, `additional-permissions`), so `issues: write` covers comments on either.
"""
from __future__ import annotations

import re
import shlex
from typing import Dict, List, Optional, Tuple

READ, WRITE = "read", "write"

# route under /repos/{owner}/{repo} -> scope; the first match wins, so the narrower prefixes come first.
_UNKNOWN = "?"
ROUTE_SCOPES: Tuple[Tuple["re.Pattern[str]", str], ...] = tuple((re.compile(p), s) for p, s in (
    (r"^/commits/[^/]+/(statuses|status)\b|^/statuses\b", "statuses"),
    (r"^/commits/[^/]+/(check-runs|check-suites)\b|^/check-(runs|suites)\b", "checks"),
    (r"^/(branches/[^/]+/protection|tags/protection)\b", _UNKNOWN),  # administration: no GITHUB_TOKEN scope
    (r"^/actions/(secrets|variables|organization-secrets|organization-variables|permissions|oidc|runners|"
     r"runner-groups)\b|^/pulls/[^/]+/codespaces\b", _UNKNOWN),
    (r"^/(git|releases|contents|commits|branches|tags|merges|merge-upstream|dispatches|compare|"
     r"tarball|zipball|readme|comments)\b", "contents"),
    (r"^/(issues|labels|milestones|assignees)\b", "issues"),
    (r"^/pulls\b", "pull-requests"),
    (r"^/actions\b", "actions"),
    (r"^/deployments\b", "deployments"),
    (r"^/pages\b", "pages"),
    (r"^/code-scanning\b", "security-events"),
))
_REPO_ROUTE = re.compile(r"^/?repos/[^/\s]+/[^/\s]+(/[^?\s]*)?(\?\S*)?$")
_PLACEHOLDER = re.compile(r"\$\{\{(?:(?!\$\{\{).)*?\}\}|\$\{[^}]*\}|\{[^}]*\}|\$\w+|:\w+", re.S)


def route_needs(verb: str, route: str) -> Optional[Dict[str, str]]:
    """Scopes of `VERB /repos/{owner}/{repo}/…`; {} for the repository itself read (metadata, always
    granted); None when the route is not one of a repository's or its part is not known."""
    route = route.replace("${{ github.repository }}", "o/r").replace("$GITHUB_REPOSITORY", "o/r")
    route = route.replace("${GITHUB_REPOSITORY}", "o/r")
    m = _REPO_ROUTE.match(route.strip())
    if m is None:
        return None
    rest = m.group(1) or ""
    level = READ if verb.upper() in ("GET", "HEAD") else WRITE
    if rest.strip("/") == "":
        return {} if level == READ else None
    first = rest.split("/")[1]
    if _PLACEHOLDER.fullmatch(first):
        return None  # which resource is chosen at run time
    for pattern, scope in ROUTE_SCOPES:
        if pattern.search(rest):
            return None if scope == _UNKNOWN else {scope: level}
    return None


# Octokit method -> read when its name reads (endpoints.ts: every repository endpoint named so is a GET
# but for a few names that do not matter here), write otherwise.
_READS = re.compile(r"^(get|list|check|compare|download)")
# namespace -> scope, for namespaces whose repository endpoints are all under one permission
_NAMESPACE = {"git": "contents", "issues": "issues", "pulls": "pull-requests", "checks": "checks",
              "codeScanning": "security-events"}
_NOT_A_REPOSITORY = re.compile(r"For(AuthenticatedUser|Org|User|Enterprise)$")
# `repos.*` spans many permissions: the method name says which (endpoints.ts routes), checked in order
_REPOS_METHODS: Tuple[Tuple["re.Pattern[str]", str], ...] = tuple((re.compile(p), s) for p, s in (
    (r"Protect|Potection|StatusCheck|Rule|Webhook|Hook|Collaborator|Invitation|Key|Autolink|Team|Topic|Transfer|"
     r"Vulnerab|Fork|Signature|Environment|Propert|Secret|Variable|Immutable|Stats|BranchPolic", _UNKNOWN),
    (r"Pages", "pages"),
    (r"Deployment", "deployments"),
    (r"Status", "statuses"),
    (r"Release|Content|File|Commit|Branch|Tag|Dispatch|Readme|Archive|Tarball|Zipball|^merge", "contents"),
))
_REACTIONS = (("PullRequest", "pull-requests"), ("Issue", "issues"), ("Release", "contents"),
              ("CommitComment", "contents"))


def method_needs(namespace: str, method: str) -> Optional[Dict[str, str]]:
    """Scopes of the Octokit call `github.rest.<namespace>.<method>`; None when not known."""
    level = READ if _READS.match(method) else WRITE
    if _NOT_A_REPOSITORY.search(method) or (namespace, method) == ("issues", "list"):
        return None
    if namespace in _NAMESPACE:
        return {_NAMESPACE[namespace]: level}
    if namespace == "repos":
        if method == "get":
            return {}
        for pattern, scope in _REPOS_METHODS:
            if pattern.search(method):
                return None if scope == _UNKNOWN else {scope: level}
        return None
    if namespace == "actions":
        if re.search(r"Secret|Variable|Permission|Oidc|Runner|Org|Enterprise|RegistrationToken|RemoveToken|"
                     r"AllowedActions|WorkflowAccess|PublicKey", method):
            return None
        return {"actions": level}
    if namespace == "reactions":
        for word, scope in _REACTIONS:
            if word in method:
                return {scope: level}
    return None


# --- actions/github-script --------------------------------------------------------------------------

_COMMENTS = re.compile(r"(?<![:\w'\"`/\\])//[^\n]*|/\*.*?\*/", re.S)  # not the `//` of a URL
_CLIENT = re.compile(r"(?<![\w$.@/'\"`-])(?:github|octokit)\b(?![-'\"`])")
_MEMBER = re.compile(r"\s*\.\s*(?:rest\s*\.\s*)?(\w+)\s*\.\s*(\w+)")
_SPECIAL = re.compile(r"\s*\.\s*(request|graphql|paginate)\b(?:\s*\.\s*iterator\b)?\s*\(\s*")
_LITERAL_ROUTE = re.compile(r"""(['"`])\s*(?:(GET|HEAD|POST|PUT|PATCH|DELETE)\s+)?(/[^'"`\s]*)\s*\1""", re.I)
_LOCAL_REQUIRE = re.compile(r"""\b(?:require|import)\s*\(\s*[`'"]([^`'"]+)[`'"]""")


def github_script_needs(script: str) -> Tuple[Dict[str, str], List[str]]:
    """What an `actions/github-script` script uses its client for: the scopes of the calls pubmode can
    read, and a short description of each use it cannot (empty when every use is read)."""
    scopes: Dict[str, str] = {}
    unknown: List[str] = []
    text = _COMMENTS.sub(" ", re.sub(r"\$\{\{(?:(?!\$\{\{).)*?\}\}", "X", script, flags=re.S))

    def add(found: Optional[Dict[str, str]], what: str) -> None:
        if found is None:
            if what not in unknown:
                unknown.append(what)
            return
        for scope, level in found.items():
            if scopes.get(scope) != WRITE:
                scopes[scope] = level

    for m in _CLIENT.finditer(text):
        after = text[m.end():]
        special = _SPECIAL.match(after)
        if special:
            kind = special.group(1)
            arg = after[special.end():]
            route = _LITERAL_ROUTE.match(arg)
            if kind == "graphql":
                add(None, "`github.graphql`")
            elif route:
                add(route_needs(route.group(2) or "GET", route.group(3)),
                    f"`{(route.group(2) or 'GET').upper()} {route.group(3)}`")
            elif kind == "request" or not _CLIENT.match(arg):
                add(None, f"`github.{kind}` with a route built at run time")
            continue  # `paginate(github.rest.x.y, …)`: the method is the next match
        member = _MEMBER.match(after)
        if member and member.group(1) != "rest":
            namespace, method = member.groups()
            if namespace in ("request", "graphql", "paginate", "hook", "log", "auth"):
                continue
            add(method_needs(namespace, method), f"`{namespace}.{method}`")
        elif re.match(r"\s*\.\s*(rest\b|\w+\s*\[)", after):
            add(None, "a call chosen at run time")
        elif re.match(r"\s*[\[,})]", after):
            required = _LOCAL_REQUIRE.search(text)
            add(None, f"the client is handed to `{required.group(1)}`" if required else
                "the client is handed to other code")
    return dict(sorted(scopes.items())), unknown


# --- gh api ------------------------------------------------------------------------------------------

_GH_API = re.compile(r"\bgh\s+api\b((?:[^\n\\]|\\\n|\\.)*)")
_FIELDS = ("-f", "-F", "--field", "--raw-field", "--input")


def gh_api_needs(command: str) -> Optional[Dict[str, str]]:
    """Scopes of one `gh api …` command line (the text after `gh api`); None when its endpoint or method
    cannot be read. gh sends GET unless `--method`/`-X` says otherwise or fields are given (then POST)."""
    text = command.replace("\\\n", " ")
    text = re.sub(r"\$\{\{(?:(?!\$\{\{).)*?\}\}", lambda e: "o/r" if re.fullmatch(
        r"\$\{\{\s*github\.repository\s*\}\}", e.group(0)) else "{x}", text, flags=re.S)
    text = re.split(r"[|;&)]|\$\(", text, maxsplit=1)[0]
    try:
        words = shlex.split(text, comments=True)
    except ValueError:
        return None
    verb, endpoint, fields = None, None, False
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("-X", "--method") and i + 1 < len(words):
            verb, i = words[i + 1], i + 2
            continue
        if w.startswith("--method="):
            verb = w.partition("=")[2]
        elif w.startswith("-X") and len(w) > 2:
            verb = w[2:]
        elif w in _FIELDS or any(w.startswith(f + "=") for f in _FIELDS if f.startswith("--")):
            fields = True
            i += 1 if "=" in w else 2
            continue
        elif w in ("-H", "--header", "-q", "--jq", "-t", "--template", "--hostname", "--preview", "-p",
                   "--cache"):
            i += 2
            continue
        elif not w.startswith("-") and endpoint is None:
            endpoint = w
        i += 1
    if endpoint is None or endpoint == "graphql":
        return None
    endpoint = endpoint.replace("{owner}/{repo}", "o/r")
    return route_needs(verb or ("POST" if fields else "GET"), "/" + endpoint.lstrip("/"))


def gh_api_calls(run: str) -> List[str]:
    """The text after each `gh api` of a script."""
    return [m.group(1) for m in _GH_API.finditer(run)]
