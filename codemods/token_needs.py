"""What a job's steps use the GITHUB_TOKEN for, read from well-known actions and commands.

When `to-oidc` must write a job-level `permissions:` block where there was none, the block replaces
the default token, so every scope a step of the job uses has to be in it. The table is taken from
each action's own documentation. A step that hands the token to something this table does not know
is reported rather than guessed; a step that brings its own token (a PAT in `token:` or `GH_TOKEN`)
needs nothing of GITHUB_TOKEN, so granting it a write scope would broaden the job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from codemods.github_api import gh_api_calls, gh_api_needs, github_script_needs
from codemods.workflow import step_label, steps

READ, WRITE = "read", "write"
LEVELS = {"none": 0, READ: 1, WRITE: 2}

_RELEASE = {"contents": WRITE}

# action (owner/name, lower case; a sub-path matches its prefix) -> scopes it uses the token for.
ACTION_NEEDS: Dict[str, Dict[str, str]] = {
    "actions/checkout": {"contents": READ},
    "dawidd6/action-download-artifact": {"actions": READ, "contents": READ},
    # they read a release's assets with the job's token (`token` defaults to `github.token`)
    "robinraju/release-downloader": {"contents": READ},
    "dsaltares/fetch-gh-release-asset": {"contents": READ},
    "softprops/action-gh-release": _RELEASE,
    "ncipollo/release-action": _RELEASE,
    "actions/create-release": _RELEASE,
    "actions/upload-release-asset": _RELEASE,
    "svenstaro/upload-release-action": _RELEASE,
    "marvinpinto/action-automatic-releases": _RELEASE,
    "taiki-e/create-gh-release-action": _RELEASE,
    "taiki-e/upload-rust-binary-action": _RELEASE,
    "python-semantic-release/upload-to-gh-release": _RELEASE,
    "python-semantic-release/publish-action": _RELEASE,
    "python-semantic-release/python-semantic-release": _RELEASE,
    "xresloader/upload-to-github-release": _RELEASE,
    "ghalactic/github-release-from-tag": _RELEASE,
    "rickstaa/action-create-tag": _RELEASE,
    "mathieudutour/github-tag-action": _RELEASE,
    "anothrnick/github-tag-action": _RELEASE,
    "stefanzweifel/git-auto-commit-action": _RELEASE,
    "endbug/add-and-commit": _RELEASE,
    "ad-m/github-push-action": _RELEASE,
    "peaceiris/actions-gh-pages": _RELEASE,
    "jamesives/github-pages-deploy-action": _RELEASE,
    "release-drafter/release-drafter": {"contents": WRITE, "pull-requests": READ},
    "googleapis/release-please-action": {"contents": WRITE, "pull-requests": WRITE, "issues": WRITE},
    "google-github-actions/release-please-action": {"contents": WRITE, "pull-requests": WRITE, "issues": WRITE},
    "peter-evans/create-pull-request": {"contents": WRITE, "pull-requests": WRITE},
    "mikepenz/release-changelog-builder-action": {"contents": READ, "pull-requests": READ},
    "actions/attest-build-provenance": {"attestations": WRITE},
    "actions/attest-sbom": {"attestations": WRITE},
    "actions/attest": {"attestations": WRITE},
    "actions/deploy-pages": {"pages": WRITE},
    "github/codeql-action/upload-sarif": {"security-events": WRITE},
}

# Actions that commit and push with git, through the credential actions/checkout persisted (deepset-ai's
# haystack-core-integrations checks out with a bot's token, then EndBug/add-and-commit pushes the changelog with it)
PUSH_WITH_CHECKOUT = ("stefanzweifel/git-auto-commit-action", "endbug/add-and-commit")

# Actions that use no GITHUB_TOKEN scope (or only the runtime token), known so that they are not
# reported as unknown when the token is handed to them.
NEEDS_NOTHING = (
    "actions/setup-python", "actions/setup-node", "actions/setup-go", "actions/setup-java", "actions/cache",
    "actions/upload-artifact", "actions/download-artifact", "actions/upload-pages-artifact",
    "astral-sh/setup-uv", "pypa/gh-action-pypi-publish", "pypa/cibuildwheel", "pyo3/maturin-action",
    "messense/maturin-action", "hynek/build-and-inspect-python-package", "docker/setup-buildx-action",
    "docker/setup-qemu-action", "docker/build-push-action", "docker/metadata-action", "codecov/codecov-action",
    "sigstore/gh-action-sigstore-python", "dtolnay/rust-toolchain", "actions-rs/toolchain",
    "snok/install-poetry", "pdm-project/setup-pdm", "pre-commit/action", "orhun/git-cliff-action",
)

# Commands in `run:` scripts -> scopes.
RUN_NEEDS: Tuple[Tuple["re.Pattern[str]", Dict[str, str]], ...] = (
    (re.compile(r"\bgh\s+release\s+(create|upload|edit|delete)\b"), _RELEASE),
    (re.compile(r"\bgh\s+pr\s+(create|merge|comment|edit|close|review)\b"), {"pull-requests": WRITE}),
    (re.compile(r"\bgh\s+issue\s+(create|comment|edit|close)\b"), {"issues": WRITE}),
    (re.compile(r"\bgh\s+workflow\s+run\b"), {"actions": WRITE}),
    (re.compile(r"\bgh\s+run\s+download\b"), {"actions": READ}),
    (re.compile(r"\bgit['\"]?(?:\s*,\s*|\s+)['\"]?push\b"), _RELEASE),  # a shell line or a Python argument list
    (re.compile(r"\bmkdocs['\"]?(?:\s*,\s*|\s+)['\"]?gh-deploy\b|\bghp-import\b[^\n]*\s-p\b|\bmike\s+deploy\b[^\n]*--push"),
     _RELEASE),
    (re.compile(r"\bchangelogithub\b"), _RELEASE),
    (re.compile(r"(?<![\w-])semantic[-_]release\b"), {"contents": WRITE, "issues": WRITE, "pull-requests": WRITE}),
    (re.compile(r"\bghr\s"), _RELEASE),
    (re.compile(r"\bhub\s+release\b"), _RELEASE),
    (re.compile(r"\bdocker\s+push\s+['\"]?ghcr\.io/"), {"packages": WRITE}),
)
RUN_UNKNOWN = re.compile(r"\bgh\s+api\b")
# An install command up to the end of its command: the names it installs (`pip install python-semantic-release`)
# are packages, not commands the step runs
_INSTALL = re.compile(r"\b(?:pip3?|pipx|uv(?:\s+pip|\s+tool)?|poetry|pdm|npm|yarn|pnpm|conda|mamba|micromamba)\s+"
                      r"(?:install|add|i)\b[^\n;&|]*")
# An unknown action named like these writes to the repository with the token it is handed.
WRITES_CONTENTS = re.compile(r"release|tag|changelog|commit|push|publish-to-github|gh-pages", re.I)

_GITHUB_TOKEN_WORDS = re.compile(r"\b(secrets\s*\.\s*GITHUB_TOKEN|github\s*\.\s*token)\b")


def names_github_token(text: str) -> bool:
    """`secrets.GITHUB_TOKEN` or `github.token` inside a `${{ }}`: the words found first, then the expression
    around them (one pattern of `${{`, then anything but `}`, tried from every `${{` of a long value was
    quadratic)."""
    return any(text.rfind("${{", 0, m.start()) > text.rfind("}", 0, m.start())
               for m in _GITHUB_TOKEN_WORDS.finditer(text))

OWN_TOKEN = re.compile(r"\$\{\{\s*secrets\s*\.\s*(?!GITHUB_TOKEN\b)[A-Za-z_][A-Za-z0-9_]*\s*\}\}")
TOKEN_INPUTS = ("token", "github_token", "github-token", "repo-token", "repo_token", "gh_token", "gh-token")
TOKEN_ENV = ("GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT")


@dataclass
class TokenNeeds:
    """Scopes a job's steps use, and the steps whose use of the token pubmode cannot tell."""

    scopes: Dict[str, str] = field(default_factory=dict)
    unknown: List[str] = field(default_factory=list)  # "step `X` (owner/action)", for the report
    known: Dict[str, str] = field(default_factory=dict)  # the scopes not guessed from a step's words

    def add(self, scopes: Dict[str, str], guessed: bool = False) -> None:
        for table in (self.scopes,) if guessed else (self.scopes, self.known):
            for scope, level in scopes.items():
                if LEVELS[level] > LEVELS.get(table.get(scope, "none"), 0):
                    table[scope] = level


def brings_own_token(step: Dict[str, Any]) -> bool:
    """The step brings its own token (a PAT) instead of GITHUB_TOKEN."""
    w = step.get("with") if isinstance(step.get("with"), dict) else {}
    env = step.get("env") if isinstance(step.get("env"), dict) else {}
    given = [w.get(k) for k in w if str(k).lower() in TOKEN_INPUTS] + [env.get(k) for k in TOKEN_ENV if k in env]
    return any(isinstance(v, str) and OWN_TOKEN.search(v) for v in given) and not any(
        isinstance(v, str) and names_github_token(v) for v in given)


def _action(step: Dict[str, Any]) -> Optional[str]:
    uses = step.get("uses")
    if not isinstance(uses, str) or uses.startswith(("./", "docker://")):
        return None
    return uses.strip().partition("@")[0].rstrip("/").lower()


def _known(name: str, table) -> Optional[str]:
    for known in table:
        if name == known or name.startswith(known + "/"):
            return known
    return None


def _hands_over_token(step: Dict[str, Any]) -> bool:
    return any(isinstance(v, str) and names_github_token(v)
               for part in ("with", "env") if isinstance(step.get(part), dict) for v in step[part].values())


def _action_needs(name: str, step: Dict[str, Any], needs: TokenNeeds, label: str) -> None:
    w = step.get("with") if isinstance(step.get("with"), dict) else {}
    known = _known(name, ACTION_NEEDS)
    if name == "actions/github-script":  # its `github` client holds the job's token (`github-token` default)
        script = w.get("script")
        if not isinstance(script, str):
            needs.unknown.append(f"{label} (`actions/github-script` without a script pubmode can read)")
            return
        scopes, unread = github_script_needs(script)
        needs.add(scopes)
        if unread:
            needs.unknown.append(f"{label} (`actions/github-script`: {', '.join(unread)})")
    elif known:
        needs.add(ACTION_NEEDS[known])
    elif name == "actions/download-artifact" and ("run-id" in w or "github-token" in w):
        needs.add({"actions": READ})  # artifacts of another workflow run
    elif name == "docker/login-action" and str(w.get("registry", "")).strip().lower().startswith("ghcr.io"):
        if isinstance(w.get("password"), str) and names_github_token(w["password"]):
            needs.add({"packages": WRITE})
    elif name == "sigstore/gh-action-sigstore-python" and str(w.get("release-signing-artifacts", "")).lower() == "true":
        needs.add(_RELEASE)
    elif not _known(name, NEEDS_NOTHING) and _hands_over_token(step):
        notes = [f"`{name}`"]
        if step.get("continue-on-error") is True:
            notes.append("whose `continue-on-error` would hide a failure")
        if WRITES_CONTENTS.search(name.rpartition("/")[2]):
            needs.add(_RELEASE, guessed=True)  # a release, tag or commit action: guess broad, never narrow
            notes.append("given `contents: write` because its name says it writes to the repository")
        needs.unknown.append(f"{label} ({', '.join(notes)})")


# a URL with a credential in it: `https://$PAT@github.com/…`, `https://x-access-token:${{ secrets.PAT }}@github.com/…`
_CREDENTIAL_URL = re.compile(r"""https?://((?:\$\{\{[^}]*\}\}|[^/\s@"'])+)@""")
_REMOTE_SET = re.compile(r"\bgit\s+remote\s+(?:set-url(?:\s+--(?:push|add))*|add)\s+([\w.-]+)\s+[\"']?(\S+)")
_GIT_PUSH = re.compile(r"\bgit\s+push\b([^\n;&|]*)")


def _own_credential(url: str) -> bool:
    """A URL carrying a credential that is not the GITHUB_TOKEN."""
    m = _CREDENTIAL_URL.match(url.strip("\"'"))
    return m is not None and not names_github_token(m.group(1)) and not re.search(r"\$\{?GITHUB_TOKEN\b", m.group(1))


def pushes_with_own_credential(script: str) -> bool:
    """Every `git push` of the script goes to a URL carrying its own credential, or to a remote the script set
    to one (`git remote set-url --push origin "https://$PAT@github.com/…"`, Jammy2211/PyAutoBuild): those
    pushes use that credential, not the GITHUB_TOKEN the checkout left."""
    remotes = {name for name, url in _REMOTE_SET.findall(script) if _own_credential(url)}
    pushes = list(_GIT_PUSH.finditer(script))
    if not pushes:
        return False
    for m in pushes:
        url = _CREDENTIAL_URL.search(m.group(1))
        if url is not None:  # `git push "https://…@github.com/o/r" HEAD:main`
            if not _own_credential(m.group(1)[url.start():]):
                return False
            continue
        words = [w for w in m.group(1).split() if not w.startswith("-")]
        if (words[0] if words else "origin") not in remotes:
            return False
    return True


def job_token_needs(job: Dict[str, Any], scripts: Sequence[str] = ()) -> TokenNeeds:
    """What the job's steps, and the files they run (`scripts`), use the GITHUB_TOKEN for."""
    needs = TokenNeeds()
    for text in scripts:
        text = _INSTALL.sub("", text)
        for pattern, scopes in RUN_NEEDS:
            if pattern.search(text):
                needs.add(scopes)
    checkout_pat = any(_action(s) == "actions/checkout" and brings_own_token(s) for _, s in steps(job))
    for i, step in steps(job):
        label = step_label(step, i)
        if brings_own_token(step):
            if _action(step) == "actions/checkout":
                needs.add({"contents": READ})  # the default token has it anyway: never broader
            continue
        name = _action(step)
        if name and checkout_pat and _known(name, PUSH_WITH_CHECKOUT) and not _hands_over_token(step):
            continue  # it pushes with the credential the checkout left in git's config: the checkout's own token
        if name:
            _action_needs(name, step, needs, label)
            continue
        run = step.get("run")
        if not isinstance(run, str):
            continue
        run = _INSTALL.sub("", run)
        for pattern, scopes in RUN_NEEDS:
            if pattern.search(run) and not ((checkout_pat or pushes_with_own_credential(run))
                                            and pattern.pattern.startswith(r"\bgit['\"]?")):
                needs.add(scopes)
        if RUN_UNKNOWN.search(run):
            calls = [gh_api_needs(call) for call in gh_api_calls(run)]
            for scopes in calls:
                needs.add(scopes or {})
            if not calls or None in calls:
                needs.unknown.append(f"{label} (`gh api`)")
        elif not any(p.search(run) for p, _ in RUN_NEEDS) and (names_github_token(run) or _hands_over_token(step)):
            notes = ["its script is given the GITHUB_TOKEN"]
            if WRITES_CONTENTS.search(f"{step.get('name', '')} {run}"):
                needs.add(_RELEASE, guessed=True)  # a release, tag or push by its words: guess broad, never narrow
                notes.append("given `contents: write` because its words say it writes to the repository")
            needs.unknown.append(f"{label} ({', '.join(notes)})")
    needs.scopes = dict(sorted(needs.scopes.items()))
    return needs


def granted_level(perms: Any, scope: str) -> Optional[str]:
    """What a `permissions:` value grants `scope` ("none", "read" or "write"); None where no block is written (the
    repository's default, which pubmode cannot see) or the value is an expression."""
    if perms == "write-all":
        return WRITE
    if perms == "read-all":
        return READ
    if isinstance(perms, dict):
        value = perms.get(scope)
        return value if value in (READ, WRITE) else "none"
    return None


@dataclass
class ScopeGap:
    """A scope a job's steps use that its token may not hold: what a 403 of the GitHub API points at."""

    job_id: str
    scope: str
    needed: str
    granted: Optional[str]  # None: no block written, the repository's default applies
    where: str  # "job" or "workflow": the block that grants it, "" where none is written
    steps: List[str]  # the steps that use the scope


def scope_gaps(workflow_perms: Any, jobs: Dict[str, Any]) -> List[ScopeGap]:
    """Per job, each scope its steps write with above what its `permissions:` grant (a job-level block replaces the
    workflow's and leaves every scope it does not name at none; where no block is written, the repository's default
    token is read-only for repositories and organizations created since February 2023). Reads are left out: a public
    repository is read without a scope, and a checkout's `contents: read` is the rule permissions-drop-contents."""
    gaps = []
    for job_id, job in jobs.items():
        if not isinstance(job, dict) or "uses" in job:
            continue
        where = "job" if "permissions" in job else ("workflow" if workflow_perms is not None else "")
        perms = job.get("permissions") if where == "job" else workflow_perms
        for scope, needed in job_token_needs(job).known.items():  # a guess from a step's words is no gap
            granted = granted_level(perms, scope)
            if needed != WRITE or (granted is None and where) or granted == WRITE:
                continue
            checkouts = [s for _, s in steps(job) if _action(s) == "actions/checkout"]  # whose token a push uses
            users = [step_label(step, i) for i, step in steps(job) if _action(step) != "actions/checkout" and LEVELS[
                job_token_needs({"steps": checkouts + [step]}).known.get(scope, "none")] >= LEVELS[needed]]
            gaps.append(ScopeGap(str(job_id), scope, needed, granted, where, users))
    return gaps
