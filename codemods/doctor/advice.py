"""The advice under a recognised log error: what the log and the workflows make likely, what to check first.

Each line says only what the log text or the workflows support; nothing is guessed when neither says.
"""
from __future__ import annotations

import re
from typing import Callable, Dict, List, Optional

from codemods.doctor import (claims as claims_mod, generic_failures, log_files, log_patterns, log_said, log_servers,
                             log_uploaders, logs, logtext, platform_tags)
from codemods.doctor.facts import Facts
from codemods.doctor.log_servers import WASM_WHEEL
from codemods.doctor.logs import LogScan

Advisor = Callable[[LogScan, List[Facts], claims_mod.Context], List[str]]
_TESTPYPI = re.compile(r"test\.pypi\.org", re.I)
_NEWLINE_IN_SECRET = re.compile(r"\*\*\*\\n|\*\*\*%0A|-p\s{1,5}\S{0,300}\\n", re.I)
_NAME = re.compile(r"The name '([^']{1,200})'|project '([^']{1,200})'|upload to '([^']{1,200})'")


def _text(scan: LogScan) -> str:
    return " ".join(t for _, t in scan.cleaned)


def _token_steps(facts: List[Facts]):
    return [(f, s) for f in facts for s in f.token_steps]


_EXPIRED = re.compile(r"token is expired|token has expired|expired token", re.I)
_SIGNATURE = re.compile(r"invalid macaroon signature|InvalidMacaroon", re.I)
_USERNAME = re.compile(r"(?:--user(?:name)?[ =]|\s-u |username[:=] ?)['\"]?(__[A-Za-z]{3,10}__)\b")
_SCOPED = re.compile(r"project-scoped token is not valid for project:? '?([\w.-]{1,200})", re.I)
_NOT_PYPI_PREFIX = re.compile(r"token value does not start with \"?pypi-", re.I)
_TRAVIS = re.compile(r"(?i)\btravis(?:-ci)?\b|/home/travis/|\bTRAVIS_[A-Z_]+")  # a sign the job ran there
_OLD_WORDING = re.compile(r"\b40[13] Client Error: (?:Invalid or non-existent authentication|You must be identified)|"
                          r"You must be identified to edit package information|Upload failed \(40[13]\)", re.I)


_BARE_403 = re.compile(r"\b403\b")
_REASON_403 = re.compile(r"Invalid or non-existent authentication|Invalid API Token|You must be identified|"
                         r"token value does not start with|Incorrect credentials", re.I)
_USERNAME_SECRET = re.compile(r"\b((?:PYPI|TWINE|TEST_?PYPI|PDM_PUBLISH|HATCH_INDEX|FLIT|UV_PUBLISH|POETRY_HTTP_BASIC_\w{1,40})"
                              r"_USER(?:NAME)?)\b")


def _bare_403(text: str) -> List[str]:
    """A 403 that came without PyPI's reason line: what the log still says about the credentials."""
    if not _BARE_403.search(text) or _REASON_403.search(text):
        return []
    user = _USERNAME_SECRET.search(text)
    if user and "__token__" not in text:
        return [f"the log names a username variable (`{user.group(1)}`) for the upload (check this first): PyPI takes no "
                "account name and password since 2024, only the username `__token__` with an API token, or Trusted "
                f"Publishing; if `{user.group(1)}` holds an account name, that is why the upload was refused: publish "
                "with Trusted Publishing (`migrate to-oidc`), or set the username to `__token__` and the password to "
                "an API token"]
    return ["PyPI answered 403 without a reason line (twine prints it with `--verbose`): the credentials were refused, or "
            "none reached PyPI; check first that the upload step is given credentials at all (the action's `password:`, "
            "`TWINE_PASSWORD`, or `id-token: write` for Trusted Publishing), then re-run with `verbose: true` "
            "(`--verbose`) to see PyPI's reason"]


_OLD_ACTION_PIN = re.compile(r"pypa/gh-action-pypi-publish@(v1\.[0-7]\.\d{1,2})\b")
_TYPED_USER = re.compile(r"Enter your username:[ \t]*(\S{1,200})")
_TOKEN_NAME = re.compile(r"__token__", re.I)  # hatch before 1.9.2 offered `__TOKEN__` at its prompt (pypa/hatch#1213)
_POETRY = re.compile(r"\bpoetry (?:publish|v?\d)|\bPOETRY_", re.I)
_SECRET_SAID = re.compile(r"\b[A-Z][A-Z0-9]{1,30}_[A-Z0-9_]{2,40}\b|\bsecrets\.\w")


def _token(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    cased = next((n for n in _TOKEN_NAME.findall(text) if n != "__token__"), None)
    user = _USERNAME.search(text)
    if cased and not (user and user.group(1) != "__token__"):  # the username in another case is the 403's reason
        out = [f"the log names the username `{cased}`: with an API token it must be exactly `__token__`, in lower case "
               "(hatch before 1.9.2 suggested `__TOKEN__`) (check this first)"]
    else:
        out = _bare_403(text)
    old_pin = _OLD_ACTION_PIN.search(text)
    if old_pin:  # an action from before v1.8.0 bundles the twine of its day
        out.insert(0, f"the log names `pypa/gh-action-pypi-publish@{old_pin.group(1)}`, a release older than v1.8.0 (March "
                   "2023) that runs the old twine bundled with it (check this first): move to `@release/v1` (or a current "
                   "release) and re-run with the same secret; a new token is the next step only if the 403 stays")
    if _POETRY.search(text) and _REASON_403.search(text) and not out:
        out.append("the log is Poetry's: when no credentials are configured, Poetry sends none (it no longer prompts "
                   "for them), and PyPI answers that with this 403 (check this first): configure an API token for it, "
                   "`poetry config pypi-token.pypi <token>` or `POETRY_PYPI_TOKEN_PYPI` from a secret in CI (for "
                   "another repository `POETRY_PYPI_TOKEN_<NAME>`), or publish with Trusted Publishing")
    said = log_said.said_cause(scan.cleaned, text) if not out and not _REASON_403.search(text) else None
    if said and said[0] == "log-token-rejected" and not _BARE_403.search(text) and not _SECRET_SAID.search(text):
        out.append("the log tells of a failure with the PyPI credentials but quotes no error and names no secret: create a new "
                   "API token on PyPI (scoped to the project; an old one may have been revoked, or an account password "
                   "stored, which PyPI no longer takes), store it in the secret the upload step reads, with the "
                   "username `__token__` (check this first)")
    typed = _TYPED_USER.search(text) if log_said.prompt_answered(scan.cleaned) else None
    if typed and not out:
        who = typed.group(1)
        account = "" if who == "__token__" else (f" PyPI and TestPyPI take no account password since 2024: with the username "
                                                  f"`{who}` only a password was possible, so type `__token__` as the "
                                                  "username and an API token as the password;")
        out.append(f"the log shows the credentials typed at the uploader's prompt (username `{who}`, then a password) "
                   f"and the index refused them (check this first): a mistyped or stale password or token gives this 403;"
                   f"{account} re-run and type them again (the password is not echoed), or set `TWINE_USERNAME` and "
                   "`TWINE_PASSWORD` so nothing is typed")
    steps = _token_steps(facts)
    named = sorted({f"`{s.secret}`" + (f" (environment `{s.environment}`)" if s.environment else "")
                    for _, s in steps if s.secret})
    if _EXPIRED.search(text):
        out.append("PyPI says the token is expired (check this first): a Trusted Publishing token lives 15 minutes, "
                   "so a long upload (many or large files, slow retries) can outlive it; re-run the job with "
                   "`skip-existing: true` to upload the rest, or split the upload; an API token created with an "
                   "expiry date must be replaced")
    scoped = _SCOPED.search(text)
    if user and user.group(1) != "__token__":
        out.append(f"the username is `{user.group(1)}`: with an API token it must be exactly `__token__`, in lower case "
                   "(hatch before 1.9.2 suggested `__TOKEN__`) (check this first)")
    if scoped:
        out.append(f"the token is scoped to another project than `{scoped.group(1)}` (check this first): use a token "
                   "for that project, or an account-wide token for a project's first upload")
        out.append(f"if `{scoped.group(1)}` is not a project of yours, its file should not be in the upload at all: "
                   "`pip wheel -w dist .` also writes every dependency's wheel; build with `python -m build` (or "
                   "`pip wheel --no-deps`) and upload only your own files")
    elif "invalid macaroon!r" in text:
        out.append("`invalid macaroon!r` (with the literal `!r`) is the text of a PyPI-side bug of September 2020 that "
                   "refused valid tokens; it was fixed within days, and re-running with the same token worked")
    elif "caveat must be an array" in text:
        out.append("`caveat must be an array` is the text of a PyPI-side bug of 2024-03-13 that refused valid tokens "
                   "(pypi/warehouse#15586, fixed the same day); a new token does not help: re-run with the same one, "
                   "and if it persists report it at https://github.com/pypi/warehouse/issues")
    elif _SIGNATURE.search(text):
        out.append("`invalid macaroon signature`: the token does not verify for this upload; most often it is scoped "
                   "to one project while the job uploads another (a new project needs an account-wide token for its "
                   "first upload), or it was made on the other site (pypi.org vs test.pypi.org), or it was cut short "
                   "when pasted")
    if _NOT_PYPI_PREFIX.search(text):
        out.append("pypa/gh-action-pypi-publish warned that the password it got does not start with `pypi-` (check this "
                   "first): the step was given no API token, but an empty value (the secret unset, misnamed, or an "
                   "environment's secret while the job names no `environment:`), an account password, or a token copied "
                   "without its `pypi-` prefix; store the whole token, `pypi-` included, in the secret the step names, "
                   "where the job can read it")
    travis = ("a password from a Travis `secure:` value decrypts only in the repository it was encrypted for "
              "(`travis encrypt -r owner/repo`, again after a rename or transfer) and holds exactly "
              "what was encrypted (the `VAR=value` form puts the name in it; characters such as `$`, `&`, `!` or `=` "
              "need escaping first); encrypt the bare token again for this repository")
    old_wording = bool(_OLD_WORDING.search(text))
    if old_wording and _TRAVIS.search(text):  # told first only when the log shows the job ran on Travis CI
        out.append("the message has the wording of twine 1.x or legacy PyPI and the job ran on Travis CI: " + travis)
        old_wording = False
    if _FORK_SAID.search(text):
        out.insert(0, "the log says the workflow ran on a fork (check this first): the main repository's secrets are "
                      "not given to a fork's runs, so no token reaches the upload there; run the "
                      "release only on the main repository: `if: github.repository == 'owner/name'` on the publishing job")
    if _DISTUTILS_UPLOAD.search("\n".join(t for _, t in scan.cleaned)) and _REASON_403.search(text):
        out.insert(0, _DISTUTILS_NO_LOGIN + ", which PyPI refuses as invalid credentials (check this first): "
                   + _DISTUTILS_FIX)
    said_first = bool(out)
    projects = sorted({_project(n) for n in _FILE_NAME.findall(text)})
    if len(projects) > 1:
        out.append(f"the log uploads several projects ({', '.join(f'`{n}`' for n in projects)}): a token scoped to "
                   "one project cannot upload the others")
    if _NEWLINE_IN_SECRET.search(text):
        out.append("the command line shows a newline after the masked password: the secret was stored with a "
                   "trailing newline; store it again without one (check this first)")
    elif re.search(r"Your password contains control characters", text):  # twine/utils.py get_userpass_value
        out.insert(0, "twine warned that the password contains control characters (check this first): the secret "
                      "holds the token with a newline or another invisible character pasted along (a copy with its "
                      "line end, `echo` without `-n`); store the token again without it")
        said_first = True
    if _TESTPYPI.search(text):  # told before the typed credentials: TestPyPI's own account is the likelier reason
        out.insert(0 if typed and not cased else len(out),
                   "the upload went to TestPyPI: a pypi.org token is refused there; create the token on "
                   "test.pypi.org (its own account) and store it in the secret the TestPyPI step uses")
    forks = sorted({f.file for f in facts if {"pull_request", "pull_request_target"} & f.events and f.token_steps})
    if forks:
        out.append(f"{', '.join(forks)} runs for pull requests: runs for pull requests from forks get no secrets, "
                   "so the token is empty there; publish only from tags or releases")
    if log_servers.password_login(text) and not named:  # a username and password by hand: no secret, no token to renew
        return out
    first = f"the secret {', '.join(named)} exists under exactly that name" if named else \
        "the secret the step reads exists under exactly that name"
    label = "for an API token, also check" if said_first else "check first"
    out.append(f"{label}: {first} (repository or environment secrets; an environment secret needs the job's "
               "`environment:`; a repository secret of the same name shadows an organisation secret)")
    if any(s.publisher == "gh-action" for _, s in steps):
        out.append("the secret was not empty: with an empty password pypa/gh-action-pypi-publish tries Trusted "
                   "Publishing instead of sending a token")
    out.append("then: the token may be expired or revoked, or pasted with spaces or a newline: create a new one "
               "(scoped to the project) and store it again")
    if old_wording:  # the wording of 2019 or earlier, when deploys often ran on Travis CI: a possibility only
        out.append("the message has the wording of twine 1.x or legacy PyPI (2019 or earlier); if the job ran on "
                   "Travis CI, " + travis)
    if any(s.id_token for _, s in steps) or not steps:
        out.append("or stop using a token: `migrate to-oidc` and register the trusted publisher it prints")
    return out


# a run on a fork told in words ("when pushing `main` on a fork", "skip the release workflow for forks"), not a
# forked action or a process fork
_FORK_SAID = re.compile(r"\b(?:on|from|in|for) (?:a |the |my |your |their |our |his |her |its |each )?forks?\b(?! of\b)|"
                        r"\bforked repo\w{0,8}\b|\bforks? (?:runs?|ran|triggers?|triggered|workflows?)\b", re.I)


_FILE_NAME = re.compile(r"\b([A-Za-z0-9][A-Za-z0-9_.]{0,100}?)-\d[\w.+!]{0,60}?(?:-[\w.]{1,60}){0,4}\.(?:whl|tar\.gz|zip)\b")


def _project(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


_ACCOUNT = re.compile(r"User '([^']{1,200})'")


def _account(what: str, how: str) -> Advisor:
    """Advice for an account-level refusal (unverified email, no 2FA): which account, on which site."""
    def advisor(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
        text, out = _text(scan), []
        m = _ACCOUNT.search(text)
        site = "test.pypi.org" if _on_testpypi(text) else "pypi.org"
        who = f"the account `{m.group(1)}`" if m else "the account named in the message"
        out.append(f"{who} on {site} must {what} ({how}); only its owner can do it, and the token or password the "
                   "job sends belongs to it" + ("; TestPyPI has its own accounts" if site == "test.pypi.org" else ""))
        if any(_token_steps(facts)):
            out.append("until then, a token of another maintainer's account, or Trusted Publishing (`migrate to-oidc`), "
                       "avoids that account")
        return out
    return advisor


_DIRECT = re.compile(r"Can(?:'|&#x27;|’)?t have direct dependency:?\s*'?([A-Za-z0-9][\w.-]{0,100})\s*@\s*"
                     r"([^\s;']{1,300})(?:\s*;[^']{0,200}?extra\s*==\s*(?:\\?[\"']|&quot;)?([\w.-]{1,100}))?")


def _direct(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    m = _DIRECT.search(_text(scan))
    if not m:
        return []
    name, url, extra = m.group(1), m.group(2), m.group(3)
    where = f"in the extra `{extra}`" if extra else "in the dependencies"
    url = url.rstrip(".,")
    return [f"`{name}` is required from `{url}` {where}: PyPI takes no file whose metadata names a URL; release "
            f"`{name}` to PyPI and require it by version, or drop it from the published metadata"
            + (" (an extra is published too)" if extra else "")]


_WHERE = re.compile(r"(?:for url:?|from|Uploading distributions to)\s+(https?://\S{1,300})", re.I)


def _on_testpypi(text: str) -> bool:
    """Whether the upload went to TestPyPI: read from the URL the upload or its refusal names, where the log names one
    (a TestPyPI that worked before, mentioned beside a refusal from upload.pypi.org, is not where this upload went)."""
    urls = _WHERE.findall(text)
    return bool(_TESTPYPI.search(urls[-1])) if urls else bool(_TESTPYPI.search(text))


_INVALID_PYPI_URL = re.compile(r"InvalidPyPIUploadURL|trying to upload to pypi\.org but have an invalid URL")


def _wrong_url(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    urls = [u.rstrip(".,'\")") for u in _WHERE.findall(text)]
    moved = re.search(r"\bUpload failed \((30[1278])\)", text)
    if not urls and moved:
        return [f"the index answered `{moved.group(1)}` (a redirect) to the upload: the URL the uploader posts to is an "
                "old or redirected one (PyPI's retired `https://pypi.python.org/pypi`, an `http://` URL); give it `https://upload.pypi.org/legacy/` "
                "(Travis dpl: `server:`; .pypirc: `repository`), or upgrade a tool that sets the old URL itself"]
    if not urls and _INVALID_PYPI_URL.search(text):  # twine's own message, which names both upload URLs
        out = ["twine's `InvalidPyPIUploadURL` means pypi.org (or test.pypi.org) answered the upload with `405 Method "
               "Not Allowed`: the URL twine posted to is one of its pages, not the upload endpoint (the site root, "
               "`/simple/`, a missing `/legacy/`); the upload URL is `https://upload.pypi.org/legacy/` for PyPI and "
               "`https://test.pypi.org/legacy/` for TestPyPI, as twine's message says"]
        tool = log_uploaders.release_tool_url(text)
        if tool:
            known = (" (jupyter_releaser once shipped a wrong default twine URL, fixed in its next releases)"
                     if tool == "jupyter_releaser" else "")
            out.append(f"the log names {tool}, which runs twine for the release, and shows no upload URL set in the job: "
                       f"the URL twine was given is then {tool}'s own default, a bug of the tool when it is wrong{known}; "
                       "a release of the tool with the fix, or the right URL set in the job, avoids it")
        return out + _no_slash(text)
    if not urls and log_said.SAID_WRONG_URL.search(text):
        test = re.search(r"\btest[- .]?pypi\b", text, re.I)
        return [f"the log says the upload URL was wrong: {'TestPyPI' if test else 'PyPI'}'s upload URL is "
                f"`{'https://test.pypi.org/legacy/' if test else 'https://upload.pypi.org/legacy/'}` (not the site "
                "root and not the `/simple/` index); set it where the upload reads it (the action's `repository-url`, "
                "twine's `--repository-url`, .pypirc's `repository`)"]
    if not urls:
        return _no_slash(text)
    url = urls[-1]
    test = "test.pypi" in url or "testpypi" in url
    right = "https://test.pypi.org/legacy/" if test else "https://upload.pypi.org/legacy/"
    out = [f"the log uploads to `{url}`, which takes no uploads: use `{right}`"]
    if url.rstrip("/") == right.rstrip("/"):  # never advise the URL the log already uses
        out = []
    if url.rstrip("/") == "https://pypi.org/legacy" and "gh-action-pypi-publish" in text:
        out.append("pypa/gh-action-pypi-publish v1.8.0 sent uploads to `https://pypi.org/legacy/` by default (a "
                   "regression fixed in v1.8.1): use `@release/v1` or a later release, or set `repository-url: "
                   "https://upload.pypi.org/legacy/` on the step")
    return out + _no_slash(text)


def _no_slash(text: str) -> List[str]:
    m = _NO_SLASH.search(text)
    return [f"`{m.group(0)}` lacks the trailing slash of the upload endpoint: write `{m.group(0)}/` where the URL is "
            "set (.pypirc's `repository`, `--repository-url`, the tool's index settings)"] if m else []


_NO_SLASH = re.compile(r"https?://(?:upload|test)\.pypi\.org/legacy(?![/\w])", re.I)


def _bad_request(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = _text(scan), []
    action = any(s.publisher == "gh-action" for f in facts for s in f.token_steps) or \
        any("gh-action" in f.trusted_uploaders for f in facts)
    if action or "gh-action-pypi-publish" in text or "Transparency log entry" in text:
        out.append("add `verbose: true` (and `print-hash: true`) to the pypa/gh-action-pypi-publish step and re-run: "
                   "the log then shows PyPI's reason")
    else:
        out.append("re-run the upload with `twine upload --verbose` (uv: `uv publish --verbose`): the log then shows "
                   "PyPI's reason")
    if not scan.versions:
        out.append("if this run re-uploads a version that is already on the index (a re-run, a dev release built "
                   "again), that is the usual reason: `skip-existing: true` (action) or `--skip-existing` lets it pass, "
                   "a new version otherwise")
    if scan.versions:
        v = scan.versions[0]
        test = bool(_TESTPYPI.search(text))
        where = "TestPyPI" if test else "the index"
        dev = test and re.search(r"\.dev\d+", v)
        first = _first_file_refused(scan)
        if first and "+" not in v:  # nothing of the version went through before the 400: it may be there already
            file, name = first
            site = "https://test.pypi.org" if test else "https://pypi.org"
            out.insert(0, f"the 400 answered the first file of the run (`{file}`), before any file went through: the "
                       f"usual reason is that {where} already has version `{v}`; look at {site}/project/{name}/{v}/ and "
                       "if it is there, publish a new version (`skip-existing: true` lets a re-run pass)"
                       + ("; TestPyPI keeps every file ever uploaded, so a workflow that uploads on every push or merge "
                          "needs a new version for each upload (a `.devN` suffix per build) or uploads to TestPyPI only "
                          "from tags" if test else "")
                       + ("; this is a dev version, and TestPyPI refuses it the second time" if dev else ""))
            out[1] = "if it is not there, " + out[1]
        else:
            out.append(f"the log's files are version `{v}`: if {where} already has this version, that is the reason "
                       "(bump it; `skip-existing: true` for re-runs)"
                       + ("; TestPyPI keeps every file ever uploaded, so a dev version is refused the second time"
                          if dev else ""))
    out.append("a release older than 14 days takes no new files (PyPI, since July 2026): uploading more files to an old "
               "version fails; publish a new version")
    out.append("then check the metadata: `twine check --strict dist/*` (README rendering), no `name @ git+…` "
               "requirements, no license classifiers next to a `license` expression, a build backend recent enough "
               "for the Metadata-Version it writes")
    return out


def _first_file_refused(scan: LogScan) -> Optional[tuple]:
    """(file, normalised project name) when the log shows the bare 400 answering the first file the run uploaded
    (one `Uploading <file>` line before it, none after): nothing of that version was accepted in this run."""
    bad = next((f.line for f in scan.findings if f.pattern.id == "log-bad-request"), None)
    if bad is None:
        return None
    files = [(n, m.group(1)) for n, t in scan.cleaned for m in [log_servers.UPLOADING.match(t)] if m]
    before = [f for n, f in files if n < bad]
    if len(before) != 1 or len(files) != 1:
        return None
    dist = logtext._DIST.search(before[0])
    return (before[0], re.sub(r"[-_.]+", "-", dist.group(1)).lower()) if dist else None


_FORM_FIELD = "(" + log_patterns.FORM_METADATA + "|" + log_patterns.FORM_REQUEST + r")\b"
_FIELD = re.compile(r"\b" + _FORM_FIELD + r": Invalid URI|Invalid value for " + _FORM_FIELD + r"|'[^']{0,200}' is an "
                    r"invalid value for ([A-Za-z-]{2,40})|\b400\b\)?(?: Client Error| Bad Request)?:\s{1,3}\b"
                    + "(" + log_patterns.FORM_METADATA + r"):\s(?!Invalid (?:URI|email)|[^.\n]{0,40}?\blocal version)([A-Z][^.\n]{0,200})")
_DISTUTILS_UPLOAD = log_servers.DISTUTILS_UPLOAD


_CLASSIFIER = re.compile(r"Classifier '([^']{1,200})' is not a valid classifier|'([^']{1,200})' is not a valid "
                         r"(?:classifier|choice for this field)")
_CLASSIFIER_LIST = re.compile(r"400 Client Error: \[['\"][A-Z]")
_SPDX = re.compile(r"[A-Za-z0-9.+-]{2,60}(?: (?:AND|OR|WITH) [A-Za-z0-9.+-]{2,60}){0,5}")
# `License-Expression :: …`, or `License :: <SPDX id>` (no trove level between, no spaces in the id)
_SPDX_CLASSIFIER = re.compile(r"^License-Expression\s*::\s*(.{1,200})$|^License\s*::\s*([A-Za-z0-9.+-]{2,60})$")
_CLASSIFIER_SAID = re.compile(r"\bclassifiers?\b[^.]{0,60}?\b(?:typo|invalid|unknown|wrong|misspel|not (?:exist|in|"
                              r"listed|valid|allowed)|does(?:n[’']t| not) exist)", re.I)
# the same told with the fault first: "a typo in the package classifier", "a misspelled classifier"
_CLASSIFIER_TYPO_SAID = re.compile(r"\b(?:typo\w{0,3}|misspel\w{0,5}|invalid|unknown|wrong)\b[^.]{0,30}?\bclassifiers?\b",
                                   re.I)
_NEWER_FIELD = re.compile(r"([a-z][\w-]{1,40}) introduced in metadata version (\d\.\d{1,2}), not (\d\.\d{1,2})",
                          re.I)
_UPLOAD_COMMAND = re.compile(r"\b(?:twine|flit|uv|hatch|pdm) (?:upload|publish)\b(.{0,600})$", re.I)


def _installers_only(scan: LogScan) -> Optional[str]:
    """The upload command of the log when every file it names is an installer (`twine upload *.exe`): pointing the
    same folder's filter at wheels would upload nothing of it."""
    for _, line in scan.cleaned:
        m = _UPLOAD_COMMAND.search(line)
        files = [a for a in (m.group(1).split() if m else []) if not a.startswith("-")]
        if files and all(log_files.INSTALLER.search(a.strip("'\"")) for a in files):
            return m.group(0).strip()
    return None
_UNKNOWN_FORMAT = re.compile(r"Unknown distribution format: '([^']{1,300})'")


_LICENSE_FILE = re.compile(r"License-File (\S{1,300}) does not exist in distribution file\s{1,20}(\S{1,300}?)(?: at "
                           r"(\S{1,300})|[.`'\"]{0,2}(?:\s|$))")
_BAD_REQUIREMENT = re.compile(r"Invalid value for requires_dist\. Error: Invalid requirement: (['\"])(.{1,400}?)\1\.?(?:\s|$)")


def _invalid_distribution(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    license_file = _LICENSE_FILE.search(text)
    if license_file:
        name, archive, path = license_file.groups()
        kind = "sdist" if archive.endswith((".tar.gz", ".zip")) else "wheel" if archive.endswith(".whl") else "archive"
        include = (f"maturin packs into the sdist what it finds itself and what `[tool.maturin] include` names (`include = "
                   f"[{{ path = \"{name}\", format = \"sdist\" }}]`)")
        maturin = kind == "sdist" and re.search(r"\bmaturin\b", text, re.I)
        return [f"the metadata names `License-File: {name}`, but `{archive}` "
                + (f"has no file at `{path}`" if path else "does not hold it") + f": a License-File is a path from the "
                f"archive's root, and the {kind} must carry every file its metadata names; "
                + (include + ": add the file there; " if maturin else "") + "declare it so the build packs it "
                "(`license-files` in `[project]`, PEP 639, or MANIFEST.in for setuptools), or drop the License-File "
                "the backend adds for a file it does not pack; " + ("" if maturin else include + ", and ") + "maturin "
                "roots the sdist of a workspace member at the workspace, so declare `license-files` in the member's "
                "pyproject.toml; rebuild and check with `twine check dist/*`"]
    requirement = _BAD_REQUIREMENT.search(text)
    if requirement:
        return [f"the requirement `{requirement.group(2)}` is not a valid PEP 508 requirement (`name[extra] (version) ; "
                "marker`): most often its environment marker after `;` is malformed (a stray `:`, unbalanced "
                "parentheses, a marker written in setup.py's old `extras_require` key form); fix it where the build "
                "takes it from (`install_requires`/`extras_require`, `[project] dependencies`), rebuild and run "
                "`twine check dist/*`"]
    unknown = _UNKNOWN_FORMAT.search(text)
    if unknown and log_files.INSTALLER.search(unknown.group(1)):
        only = _installers_only(scan)
        return [f"`{unknown.group(1)}` is an installer (a Windows `.exe` from bdist_wininst, or bdist_msi, bdist_rpm), "
                "not a wheel or sdist: PyPI no longer accepts installers (PEP 527), so only wheels (`.whl`) and sdists "
                "(`.tar.gz`) can be uploaded; build wheels for the platforms the installer served"] + (
            [f"the upload command names only installers (`{only}`): point it at the wheels and sdist "
             "(`dist/*.whl dist/*.tar.gz`)"] if only else [])
    if unknown:
        return [f"`{unknown.group(1)}` in the upload folder is not a wheel or sdist (a directory, a checksum or SBOM file, "
                "a nested artifact folder): keep only `.whl` and `.tar.gz` files in the folder the step uploads; "
                "artifacts downloaded without `merge-multiple: true` land in subdirectories, and other files belong "
                "in another folder"]
    checked = _file_checks(text)
    if checked:
        return checked
    if log_said.SAID_STRAY_FILES.search(text):
        return ["the log says files that are not distributions went to the upload (signature `.sig`/`.asc` or "
                "certificate `.crt` files, a directory, other artifacts): PyPI takes only wheels and sdists; upload "
                "only `dist/*.whl dist/*.tar.gz` (the action's `packages-dir` holding nothing else), or keep the other "
                "files out of dist/ (write signatures elsewhere and attach them to the GitHub release; download only "
                "the package's artifact into dist/)"]
    newer = _NEWER_FIELD.search(text)
    if newer:
        field, needs, declared = newer.groups()
        head = (f"the file declares Metadata-Version {declared} but carries `{field}`, a field of Metadata-Version "
                f"{needs}: the build backend wrote a field newer than the version it declares")
        setuptools = re.search(r"\bsetuptools\b|setup\.py|bdist_wheel", text, re.I)
        if re.search(r"\bhatch(?:ling)?\b", text, re.I):
            out = [head + " (hatchling before 1.26.1 wrote License-File and License-Expression under 2.1-2.3, "
                   "pypa/hatch#1818); upgrade the build backend in `[build-system] requires` (hatchling: "
                   "`hatchling>=1.26.1`) and rebuild; upgrading hatch alone leaves an old hatchling in place"]
        elif not setuptools:  # the log names no backend
            out = [head + ": upgrade the build backend in `[build-system] requires` and rebuild (hatchling before "
                   "1.26.1 wrote License-File and License-Expression under 2.1-2.3, pypa/hatch#1818: `hatchling>=1.26.1`; "
                   "setuptools writes Metadata-Version 2.4 from 77 on: `setuptools>=77`)"]
        elif field.lower().startswith("license"):
            out = [head + " (setuptools before 77 wrote License-File under an older Metadata-Version, pypa/setuptools#4759); upgrade "
                   "setuptools in `[build-system] requires` (`setuptools>=77`, which writes Metadata-Version 2.4) and "
                   "rebuild, or stop the backend adding the file (setuptools: `[tool.setuptools] license-files = []`)"]
        else:
            out = [head + " (the setuptools and `wheel` that built it); upgrade them in `[build-system] requires` "
                   "and in the job that builds, and rebuild"]
        if re.search(r"InvalidDistribution: Invalid distribution metadata", text) and not field.lower().startswith("license"):
            # PyPI refuses License-File and License-Expression under an older Metadata-Version itself
            out.append("the refusal here is twine's own check, before the upload: pinning the twine the last good "
                       "upload used (twine 5 does not check this, e.g. `twine==5.0.0`) lets the same files through, "
                       "as long as PyPI takes them")
        return out
    classifier = _CLASSIFIER.search(text)
    if classifier:
        name = classifier.group(1) or classifier.group(2)
        spdx = _SPDX_CLASSIFIER.match(name)
        if spdx:  # a licence expression written as a classifier
            value = (spdx.group(1) or spdx.group(2)).strip()
            expr = value if _SPDX.fullmatch(value) else None
            given = f"`license = \"{expr}\"`" if expr else "`license = \"<SPDX id>\"` (such as `MIT` or `Apache-2.0`)"
            return [f"`{name}` is not a classifier but a licence written as one: give the licence as an SPDX "
                    f"expression in pyproject.toml's {given} (PEP 639; the build writes it as `License-Expression`) "
                    "and remove this classifier (licence classifiers are deprecated, and setuptools refuses them next "
                    "to a `license` expression); with a build backend older than PEP 639, use instead the exact "
                    "licence classifier listed at https://pypi.org/classifiers/; rebuild and upload"]
        return [f"the classifier `{name}` is not one PyPI knows: copy the exact "
                "text from https://pypi.org/classifiers/ (case and spelling count; a license classifier must be one "
                "listed there), rebuild and upload"]
    if _CLASSIFIER_SAID.search(text) or (_CLASSIFIER_TYPO_SAID.search(text) and not _CLASSIFIER_LIST.search(text)):
        return ["the log says a classifier was wrong but does not quote PyPI's message: compare each classifier with "
                "https://pypi.org/classifiers/ (the exact text: case, spelling and the spaces around `::` count), fix "
                "the one that differs, rebuild and upload; `twine upload --verbose` prints PyPI's message naming it"]
    if _CLASSIFIER_LIST.search(text):
        return ["PyPI's older message lists all the classifiers when one of them is not valid: compare each with "
                "https://pypi.org/classifiers/ (a license name not in the list is the usual one), fix it, rebuild and "
                "upload"]
    url = _url_refusal(text)
    if url:
        return url
    email = _OLD_EMAIL.search(text)
    if email and not _VALUE.search(text):  # PyPI's older wording names the field by its setup() keyword
        field = email.group(1).capitalize() + "-email"
        return [f"PyPI refuses the value of `{field}` (its older wording `{email.group(0)}`): give one valid address "
                f"(`name@example.org`, no list, no second address, no ` at ` spelling) where the build takes it from "
                f"(`{email.group(1)}_email` in setup.py or setup.cfg, the `email` of `authors`/`maintainers` in "
                "pyproject.toml), rebuild and upload"]
    value = _VALUE.search(text)
    if value:
        single, double, field, error = value.groups()
        return _field_value(single if single is not None else double, field, error)
    m = _FIELD.search(text)
    field = next((g for g in (m.groups()[:4] if m else ()) if g), None)
    if not field:
        return []
    if m.group(4):  # the older wording, `<field>: <reason>`
        if field == "summary" and re.search(r"multiple lines|single line|one line|newline", m.group(5), re.I):
            return ["PyPI refuses a summary on more than one line (`summary: " + m.group(5).strip() + "`): the summary is "
                    "setup()'s `description` (or `description` in pyproject.toml's `[project]`), the one-line text "
                    "under the name, not the README; make it a single line (no line break in a triple-quoted or "
                    "joined string), rebuild and upload"]
        return [f"PyPI refuses the value of the metadata field `{field}` ({m.group(5).strip()}): fix it where the build "
                "backend takes it from, rebuild and upload"]
    if field in ("md5_digest", "sha256_digest", "blake2_256_digest") and _DISTUTILS_UPLOAD.search(
            "\n".join(t for _, t in scan.cleaned)):
        return [f"PyPI refused the upload's `{field}` field, the file's digest, which the uploader computes and sends "
                "(not package metadata, so rebuilding changes nothing): the log shows distutils' `setup.py upload`, "
                "which sent a malformed digest (on Python 3.9 among others) and is deprecated (gone from setuptools "
                "and from Python 3.12): build with `python -m build` and upload with `twine upload dist/*`"]
    if field in ("pyversion", "md5_digest", "sha256_digest", "blake2_256_digest"):
        named = re.search(r"\b(twine|uv|maturin|poetry|flit|hatch|pdm)\b", text, re.I)
        tool = f"`{named.group(1).lower()}`" if named else "the uploader"
        return [f"PyPI refused the upload's `{field}` field, which {tool} sets itself for each file (not package "
                "metadata, so rebuilding changes nothing): a bug of the uploader, or a file of the wrong kind sent "
                "(an sdist not named `.tar.gz`); upload with a released uploader (twine, uv) and re-run"]
    if field == "filetype":
        named = re.search(r"\b(twine|uv|maturin|poetry|flit|hatch|pdm)\b", text, re.I)
        tool = f"`{named.group(1).lower()}`" if named else "the uploader (twine, uv, …)"
        bug = (" (a development change of twine, pypa/twine#1195, sent `wheel` where PyPI takes `bdist_wheel`)"
               if re.search(r"#1195\b|filetype\W{0,20}(?:was\s)?(?:changed|set)?\s?(?:to\s)?'wheel'", text, re.I) else "")
        return [f"PyPI refused the upload's `filetype` field, which {tool} sets itself for each file (`bdist_wheel`, "
                f"`sdist`): it is not package metadata, so rebuilding changes nothing; it is a bug of the uploader{bug}; "
                "upload with a released uploader without it (not a development install or its main branch) and re-run"]
    if "Invalid URI" in m.group(0):
        return [f"the metadata field `{field}` is not a valid URL: fix it in setup.py (`url`, `project_urls`) or "
                "pyproject.toml (`[project.urls]`), rebuild and upload (an http(s) URL with its scheme; setup.cfg "
                "takes values literally, so quotes around the URL become part of it)"]
    if not re.fullmatch(log_patterns.FORM_METADATA, field):
        return []  # a field of the request, not of the metadata
    return [f"PyPI refuses the metadata field `{field}`: fix its value where the build backend takes it from, rebuild "
            "and upload"]


_LENGTH = re.compile(r"'([\w-]{2,40})' field must be (\d{1,5}) characters or less")
_EMAIL = re.compile(r"'([^']{1,300})' is not a valid email address: ([^.]{1,200})")
_DEPRECATED = re.compile(r"The classifier '([^']{1,200})' has been deprecated(?:, use one of \[([^\]]{1,400})\] instead)?")
_DYNAMIC = re.compile(r"Dynamic field '([^']{1,60})' is not a valid dynamic field")
_INVALID_FOR = re.compile(r"'([^'\n]{0,300})' is invalid for '(" + log_patterns.CORE_FIELD + r")'|'("
                          + log_patterns.CORE_FIELD + r")' must be one of \[[^\]]{0,300}\], not '([^'\n]{0,200})'")
_WHEEL_PARTS = re.compile(r"does not contain the required (RECORD|METADATA) file|has invalid entry points defined|"
                          r"Invalid wheel filename\b|\bFilename is too long: '")
_UNREADABLE = re.compile(r"Caused by: (?:Failed to read metadata|No PKG-INFO file found|Multiple PKG-INFO files found)|"
                         r"No PKG-INFO found in \S|Missing required field `\w{1,20}` in artifact")


# PyPI's checks of the archive itself (forklift/legacy.py _is_valid_dist_file)
_ARCHIVE_CHECKS = (
    (re.compile(r"File is not a (?:zipfile|tarfile)|File is both a zip and a tar file"),
     "the file is not an archive of the kind its name says (a renamed file, a download that saved an error page or a "
     "Git LFS pointer instead of the file): upload the file the build wrote"),
    (re.compile(r"exceeds compression ratio of \d"),
     "the archive expands far more than PyPI allows (its compression-ratio limit guards against zip bombs): a packed "
     "file of highly repetitive data (zero-filled, a large generated table); leave such data out of the distribution or "
     "store it compressed, rebuild; for a real need, ask for an exception at https://github.com/pypi/support"),
    (re.compile(r"File does not use a supported compression type"),
     "the archive uses a compression PyPI does not take (zip members must be stored or deflated, not bzip2, lzma or "
     "zstd): build the file with the project's backend, or re-pack it with deflate"),
    (re.compile(r"Incorrect number of top-level directories in sdist|PKG-INFO not found at"),
     "the sdist is not laid out as a build backend writes it (one top-level `name-version/` directory holding "
     "`PKG-INFO`): a hand-made tarball or `git archive`; build it with `python -m build --sdist`"),
    (re.compile(r"WHEEL not found at|Unable to parse name and version from wheel filename"),
     "the wheel holds no `.dist-info/WHEEL` under the name and version of its file name: its `.dist-info` directory is "
     "named otherwise (a renamed wheel, or a build that writes the version differently in the two, not normalised) "
     "or missing; compare the two (`unzip -l` the wheel), fix the build (a current backend) and upload its wheel "
     "unrenamed"),
    (re.compile(r"Sparse members are not allowed"),
     "the sdist holds sparse files, which PyPI refuses: build it with `python -m build --sdist` (Python's tarfile "
     "writes no sparse members) rather than GNU tar with `--sparse`"),
)


# an archive of a format PyPI never took, named in the log (an sdist of another `--formats`, an installer)
_ARCHIVE_SENT = re.compile(r"(?:(?<=Uploading )|(?<=Submitting ))(?:\S{0,200}[/\\])?[\w.-]{1,200}\.(?:tar\.bz2|tar\.xz|tar\.Z|tbz2?|"
                           r"txz|tgz|tar|egg|exe|msi|rpm|dmg|deb)(?![\w.-])")


def _file_checks(text: str) -> List[str]:
    """PyPI's checks of the file's name and archive and of single metadata values (warehouse forklift), and the
    uploaders' own reading of a file: what each refusal names."""
    version = re.search(logs.PYPI_METADATA_VERSION, text)
    if version:
        return [f"PyPI does not take Metadata-Version {version.group(1)} (the uploader read the file, PyPI refused it): "
                "the build backend writes a Metadata-Version newer than PyPI accepts; build with a backend release "
                "that writes an older one (pin it in `[build-system] requires`) until PyPI takes it"]
    archive = next((advice for rx, advice in _ARCHIVE_CHECKS if rx.search(text)), None)
    if archive:
        return [archive]
    if re.search(r"Cannot upload a file with (?:non-printable|'/')", text):
        return ["the file name sent holds a path separator or a control character (a name built from a variable, a "
                "path given as the name): upload the files by the names the build wrote (`dist/*.whl dist/*.tar.gz`)"]
    extension = re.search(r"Invalid file extension: Extension (\.[\w.]{1,20}) is invalid for filetype (\w{1,20})", text)
    if extension:
        return [f"a `{extension.group(1)}` file was sent as `{extension.group(2)}`: the file's suffix does not fit its "
                "kind (a renamed file); upload wheels as `.whl` and sdists as `.tar.gz`, as the build backend names them"]
    if re.search(r"Invalid file extension: Use \.tar\.gz", text):
        return ["PyPI takes only wheels (`.whl`) and sdists (`.tar.gz`); eggs, installers and other files are refused "
                "(PEP 527, PEP 715): upload only `dist/*.whl dist/*.tar.gz`"]
    if re.search(r"Invalid file extension(?:\.|\s*$|: Use \.egg)", text):  # PyPI's wordings of 2016 to 2023
        sent = _ARCHIVE_SENT.search(text)
        named = f" (`{sent.group(0)}`)" if sent else ""
        return [f"PyPI refused the file's extension{named}: an sdist in an archive format PyPI does not take "
                "(`setup.py sdist --formats=bztar`, `xztar`, `tar` or `ztar` write `.tar.bz2`, `.tar.xz`, `.tar`, "
                "`.tar.Z`), or a file that is neither a wheel nor an sdist (PEP 527); PyPI took sdists as `.tar.gz` or "
                "`.zip`, and takes only `.tar.gz` since it enforces PEP 625 (2025): build the sdist as `.tar.gz` "
                "(`python -m build --sdist`, or `--formats=gztar`) and upload only `dist/*.tar.gz dist/*.whl`"]
    if re.search(r"Only files ending in `\.tar\.gz` are valid source distributions", text):
        return ["uv uploads source distributions only as `.tar.gz`: a `.zip` sdist (an old `sdist --formats=zip`) is "
                "refused before the upload; build the sdist as `.tar.gz` (`python -m build --sdist`, `uv build`)"]
    if _UNREADABLE.search(text):
        return ["the uploader could not read the file's metadata: the file is not a complete wheel or sdist (cut short "
                "by a failed download or copy, an empty placeholder, an archive without `PKG-INFO`); rebuild it and "
                "upload the build's output unchanged"]
    wheel = _WHEEL_PARTS.search(text)
    if wheel:
        if "entry points" in wheel.group(0):
            return ["the wheel's `entry_points.txt` is not valid (a script name or `module:function` reference with "
                    "spaces or other characters entry points do not allow): fix `[project.scripts]`/"
                    "`[project.entry-points]` (or setup.py's `entry_points`), rebuild and upload"]
        if "too long" in wheel.group(0):
            return ["the wheel's file name is longer than PyPI can store (a long local version or platform tag set): "
                    "shorten the version or build fewer tags into one wheel, rebuild and upload"]
        return ["the wheel is not one a build backend writes (no `RECORD` or `METADATA` in its `.dist-info`, or a name "
                "that is not `name-version-tags.whl`): a hand-made, repacked or renamed wheel; build it with the "
                "project's backend (`python -m build`, cibuildwheel, maturin) and upload that file unchanged"]
    length = _LENGTH.search(text)
    if length:
        field, limit = length.groups()
        where = " (one line; pyproject.toml's `description`, setup.py's `description=`)" if field == "summary" else ""
        return [f"the metadata field `{field}` is longer than the {limit} characters PyPI takes{where}: shorten it where "
                "the build takes it from, rebuild and upload"]
    email = _EMAIL.search(text)
    if email:
        return [f"`{email.group(1)}` is not a valid email address ({email.group(2).strip()}): give a real address "
                "(`name@example.org`) in `authors`/`maintainers` of pyproject.toml (setup.py's `author_email`), or "
                "leave the email out; rebuild and upload"]
    if re.search(r"' must be 32 characters or less\b", text):
        return ["a Project-URL label is longer than the 32 characters PyPI takes: shorten the key in `[project.urls]` "
                "(setup.py's `project_urls`), rebuild and upload"]
    deprecated = _DEPRECATED.search(text)
    if deprecated:
        old, new = deprecated.groups()
        use = f"use {new.strip()} instead" if new else "remove it"
        return [f"the classifier `{old}` is deprecated and PyPI no longer takes it: {use} (https://pypi.org/classifiers/), "
                "rebuild and upload"]
    dynamic = _DYNAMIC.search(text)
    if dynamic:
        return [f"the metadata marks `{dynamic.group(1)}` as `Dynamic`, which core metadata does not allow for that "
                "field: the build backend wrote it (upgrade the backend in `[build-system] requires`), or the field is "
                "named in pyproject.toml's `dynamic` without being computed; rebuild and upload"]
    if re.search(r"License is deprecated when License-Expression is present", text):
        return ["the metadata has both the old `License` text and a `License-Expression` (PEP 639): keep only the "
                "expression, `license = \"<SPDX expression>\"` in pyproject.toml, and remove the other licence text "
                "(setup.py's `license=`, setup.cfg's `license`, a `license = {text = …}` table); rebuild and upload"]
    value = _INVALID_FOR.search(text)
    if value:
        given, field = (value.group(1), value.group(2)) if value.group(2) else (value.group(4), value.group(3))
        who = "twine's check (before the upload) refuses" if re.search(r"InvalidDistribution", text) else None
        return _field_value(given, field, who=who)
    return []


_URLS_WHERE = "setup.py (`url`, `project_urls`) or pyproject.toml (`[project.urls]`; maturin: `project-url`)"
_NOT_A_URL = re.compile(r"'([^']{0,300})' is not a valid url\b|\bInvalid URI:? u?'([^']{0,300})'", re.I)


def _url_refusal(text: str) -> List[str]:
    """A URL of the metadata PyPI refuses: which one, and what it must look like."""
    if re.search(r"Use both a label and an URL", text):
        return ["a Project-URL has no label (or no URL): each entry must pair a label with an http(s) URL (`Source = "
                f"\"https://…\"` in a table, a dict in setup.py's `project_urls`), in {_URLS_WHERE}; a build tool that "
                "writes a bare list of URLs needs a label for each; rebuild and upload"]
    if re.search(r"Invalid value for project_urls\. Error: Use valid URL", text):
        return ["a URL in `project_urls` is not a valid http(s) URL: each needs its scheme (`https://…`, not a bare "
                "`github.com/…`), and PyPI takes only http and https (not `irc://` or `mailto:`); fix it in "
                f"{_URLS_WHERE}, rebuild and upload"]
    m = _NOT_A_URL.search(text)
    if not m:
        return []
    value = m.group(1) if m.group(1) is not None else m.group(2)
    if not value.strip():
        return [f"a URL of the metadata is empty (`''`): give the home page and each project URL a real http(s) URL "
                f"in {_URLS_WHERE}, or leave the field out instead of setting it to an empty string; rebuild and upload"]
    return [f"`{value}` is not an http(s) URL, yet the metadata gives it as one (a missing `url` written as a "
            f"placeholder, a value with quotes or spaces of its own): set a real `https://…` URL in {_URLS_WHERE}, or "
            "leave the field out; rebuild and upload"]


_VALUE = re.compile(r"(?:'([^']{0,200})'|\"([^\"]{0,200})\") is an invalid value for ([A-Za-z-]{2,40})\.?"
                    r"(?:\s+Error:\s*([^.]{1,200}?)(?=\s+See\b|\.|$))?")
_OLD_EMAIL = re.compile(r"\b(author|maintainer)_email: Invalid email address\b")
_CONTENT_TYPES = "`text/markdown`, `text/x-rst` or `text/plain`"


# what makes a version no PEP 440 one: a date written with dashes, a commit hash (hex with a letter and a digit), a word
# PEP 440 has no segment for
_DASHED_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_COMMIT_HASH = re.compile(r"(?<![0-9A-Za-z])g?(?=[0-9a-f]{0,39}[a-f])(?=[0-9a-f]{0,39}\d)[0-9a-f]{7,40}(?![0-9A-Za-z])", re.I)
_PEP440_WORDS = {"alpha", "beta", "rc", "pre", "preview", "post", "rev", "dev"}
_RELEASE_PART = re.compile(r"v?\d{1,6}(?:\.\d{1,6}){0,4}")


def _not_pep440(value: str, who: str = None) -> List[str]:
    """A version PyPI refuses that has digits and no local part: which part is not PEP 440, and a version that is."""
    date, commit = _DASHED_DATE.search(value), _COMMIT_HASH.search(value)
    words = [w for w in re.findall(r"[A-Za-z]{2,}", value) if w.lower() not in _PEP440_WORDS
             and not (commit and w in commit.group(0))]
    parts = ([f"a date written with dashes (`{date.group(0)}`)"] if date else []) + (
        [f"a commit hash (`{commit.group(0)}`)"] if commit else []) + (
        [f"`{words[0]}`, a word PEP 440 has no segment for"] if words else []) + (
        ["a space"] if re.search(r"\s", value.strip()) else [])
    cut = min([m.start() for m in (date, commit) if m] or [len(value)])
    base = value[:cut].rstrip("._-")
    dev = (f"{base}.dev{date.group(1)}{int(date.group(2)):02d}{int(date.group(3)):02d}" if date else f"{base}.devN") \
        if base and _RELEASE_PART.fullmatch(base) and (date or commit) else None
    return [f"{who or 'PyPI refuses'} `{value}` as the version: it is no PEP 440 version"
            + (f", for it carries {' and '.join(parts)}" if parts else "")
            + " (PyPI takes only `N.N.N` with `aN`, `bN`, `rcN`, `.postN` or `.devN`; a commit hash cannot be ordered, "
            "and a local `+…` label is refused too): make the build write a PEP 440 version"
            + (f", such as `{dev}` for a nightly or per-commit build (the date or a build number in `.devN`)" if dev
               else "") + " and leave any commit hash out of it (the release notes or the run can name the commit); "
            "fix it where the build computes the version, rebuild and upload"]


def _field_value(value: str, field: str, error: str = None, who: str = None) -> List[str]:
    """A metadata value PyPI (or `who`) refuses, named with PyPI's own reason."""
    why = f" ({error.strip()})" if error else ""
    if re.fullmatch(r"\s*(['\"]).{0,200}\1\s*", value):
        return [f"`{value}` reached PyPI with quotes of its own as the value of `{field}`{why}: the quotes are part of the "
                "value where it is written (setup.cfg takes values literally, a string quoted twice in setup.py does the "
                "same); remove them, rebuild and upload"]
    if field.lower() == "description-content-type":
        given = f"`{value}` is" if value.strip() else "an empty value (the field written with nothing after it) is"
        return [f"{given} not a content type PyPI accepts for the README{why}: it takes {_CONTENT_TYPES} "
                "(Markdown may add `; variant=GFM` or `; variant=CommonMark`); set it where the build takes it from "
                "(`long_description_content_type` in setup.py; `readme = \"README.md\"` in pyproject.toml sets "
                "`text/markdown` from the file's suffix), rebuild and upload"]
    if field.lower() == "version" and not re.search(r"\d", value):
        return [f"the version is `{value}`: the build did not get the project's version and wrote a placeholder (the "
                "code or plugin that computes it failed in the build environment: no git tags or no git, an "
                "interpreter its version code does not run on, a version file not generated); make the version "
                "computable where the release builds, rebuild and upload"]
    if field.lower() == "version" and "+" not in value:  # digits, no local part: another part is not PEP 440
        return _not_pep440(value, who)
    if field.lower() == "requires-python" and value.strip() == "*":  # "any Python" written as a specifier
        return [f"{who or 'PyPI refuses'} `*` as the value of `{field}`{why}: `*` (any version) is no PEP 440 specifier: "
                "old Poetry releases wrote it from `python = \"*\"` in `[tool.poetry.dependencies]`, so give a range "
                "there (`python = \">=3.8\"`) or upgrade Poetry; in setup.py drop `python_requires='*'` (or give "
                "`>=3.8`); rebuild and upload"]
    return [f"{who or 'PyPI refuses'} `{value}` as the value of `{field}`{why}: fix it where the build backend takes "
            "it from, rebuild and upload"]


_ZIP_REFUSED = re.compile(r"ZIP archive not accepted:? ?([A-Za-z][\w ,'-]{1,120}?)\s*(?=[.<\"”’)]|See |$)")
# entries packed twice told in words ("produced duplicate ZIP records for the same paths", "copied the file in twice")
_TWICE_SAID = re.compile(r"\bduplicat\w{0,4}\s(?:zip\s)?(?:records?|entries|entry|paths?|members?)\b|\b(?:included|added|"
                         r"copied|packed|written|listed|bundled)\s(?:\w+\s){0,3}?twice\b", re.I)
_UNREADABLE_WHEEL = re.compile(r"twine[/\\](?:wheel|sdist)\.py\W{1,3}line \d{1,5}, in read\b|\bBadZip[Ff]ile\b")
DUPLICATE_NAMES = ("the log says two build jobs made wheels of the same file name, and the file was garbled when their "
                   "artifacts were merged into one folder (actions/download-artifact writes same-named files over each "
                   "other into a corrupt zip, actions/download-artifact#298; the uploader then fails on it, "
                   "`zipfile.BadZipFile`): it is not a version already on the index, and a version bump fails the same "
                   "way; keep one matrix leg per wheel (two macOS or two Windows runner versions build the same platform "
                   "tags), give each leg its own artifact name (upload-artifact@v4: `name: dist-${{ matrix.os }}`) and "
                   "merge them in the publishing job with download-artifact's `pattern: dist-*` and `merge-multiple: true`")
UNREADABLE = ("twine could not open a file of the upload folder as an archive (a traceback through twine's own reading of "
              "the wheel or sdist, or `zipfile.BadZipFile`; twine prints its own refusals without a traceback, so the file "
              "itself is broken): most often two build jobs made a wheel of the same file name and actions/download-artifact "
              "garbled the pair when merging them into one folder (actions/download-artifact#298): list the wheel names "
              "each job builds and keep one job per name (two macOS or two Windows runner versions of one matrix build "
              "the same tags), one artifact name per job merged with `merge-multiple: true`; otherwise a download or copy "
              "cut the file short: rebuild and upload the build's output unchanged")
WRAPPED = ("twine could not open the wheel as a zip (`zipfile.BadZipFile`) and the text tells of the CI artifact "
           "step's packing around it (gzip, an archive inside the archive, an extra level): what reached the upload "
           "was that packing, not the wheel; upload-artifact v1 to v3 gzip files on the way and download-artifact "
           "unpacks them, while an artifact downloaded from the run's page or the API comes as a zip holding the "
           "files: take the wheels with download-artifact in the publish job (or unpack them first), check that "
           "`unzip -l` on each lists the package and its `.dist-info` at the top, and upload those files")
_DUPLICATE_ENTRY = re.compile(r"Duplicate name: '([^']{1,300})'")
_QUOTED_CLASSIFIER = re.compile(r"''([^']{1,200})'' is not a valid (?:classifier|choice for this field)")
_OLD_CLASSIFIER = re.compile(r"Invalid classifier \"([^\"]{1,200})\"")
_ANY_CLASSIFIER = re.compile(r"Classifier '([^']{1,200})' is not a valid classifier|'([^']{1,200})' is not a valid "
                             r"(?:classifier|choice for this field)|Invalid classifier \"([^\"]{1,200})\"")


def _distribution_file(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    """An invalid distribution: a wheel's zip structure, a classifier that is a setup.cfg line, else the general
    advice."""
    text = _text(scan)
    zipped = _ZIP_REFUSED.search(text)
    if zipped:
        reason = " ".join(zipped.group(1).split())
        if reason.lower().startswith("duplicate filename") or _TWICE_SAID.search(text):
            entry = _DUPLICATE_ENTRY.search(text)
            named = f" (the build warned `Duplicate name: '{entry.group(1)}'`)" if entry else ""
            lead = "" if reason.lower().startswith("duplicate filename") else \
                f"PyPI refuses the archive's zip structure ({reason}), and the log tells of entries packed twice: "
            return [f"{lead}the archive holds the same path twice{named}: the build added one file twice (a file both in "
                    "the package and in package data, `data_files`, hatch's `force-include`/`shared-data` or maturin's "
                    "`include`, or two include rules matching it); rebuilding the same way gives the same file: list "
                    "the repeated entries (`unzip -Z1 dist/*.whl | sort | uniq -d`), remove the second inclusion, "
                    "rebuild and upload"]
        return [f"PyPI refuses the archive's zip structure ({reason}; https://docs.pypi.org/archives): build the file "
                "with the project's build backend (`python -m build`, maturin, cibuildwheel) rather than zipping or "
                "repacking it by hand, and upload the rebuilt file"]
    if log_said.SAID_DUPLICATE_NAMES.search(text) and log_said.GARBLED.search(text) and \
            not log_said.DUPLICATES_ON_INDEX.search(text):
        return [DUPLICATE_NAMES]
    if log_files.artifact_wrapped(text):
        return [WRAPPED]
    if _UNREADABLE_WHEEL.search(text):
        return [UNREADABLE]
    quoted = _QUOTED_CLASSIFIER.search(text)
    if quoted:
        return [f"the classifier `{quoted.group(1)}` reached PyPI with quotes of its own (`'{quoted.group(1)}'`): the "
                "quotes are part of the value where it is written (setup.cfg and requirements-style lists take each "
                "line literally; a string quoted twice in setup.py does the same); remove them, rebuild and upload"]
    m = _ANY_CLASSIFIER.search(text)
    classifier = next((g for g in (m.groups() if m else ()) if g), None)
    if classifier and "=" in classifier:
        return [f"`{classifier}` is not a classifier but a `key = value` setting that ended up in the classifiers "
                "list: in setup.cfg every line indented under `classifiers =` is one more classifier, so a following "
                "key (`license = …`, `license_files = …`) written with indentation joins the list; start that key at "
                "the beginning of its line (license files go in `license_files`), rebuild and upload"]
    if _OLD_CLASSIFIER.search(text):
        return [f"the classifier `{classifier}` is not one PyPI knows (its older wording `Invalid classifier`): copy "
                "the exact text from https://pypi.org/classifiers/ (case, spacing around `::` and spelling count), "
                "rebuild and upload"]
    return _invalid_distribution(scan, facts, ctx)


# a thread about a CI publish workflow (GitHub Actions, the publish action, Trusted Publishing named)
_PUBLISH_CONTEXT = re.compile(r"gh-action-pypi-publish|trusted[ -]publish|secretless publish|\bgithub actions?\b|"
                              r"\.github/workflows|\b(?:ci|publish|release|deploy)\w{0,3} workflows?\b|\bid-token\b", re.I)


# the uploaders' own "no credential" messages: hatch's `-n` without a password or user, flit's, maturin's on CI
_TOOL_CREDENTIALS = re.compile(r"(?P<hatch>Missing required option: (?:auth|user)\b)|(?P<flit>Could not find (?:username|"
                               r"password) for upload\b)|(?P<maturin>Credentials not found and non-interactive mode is "
                               r"enabled)")
_TOOL_CREDENTIAL_ADVICE = {
    "hatch": "`hatch publish` found no password (or user) and may not prompt (`-n`, or CI): set `HATCH_INDEX_USER="
             "__token__` and `HATCH_INDEX_AUTH` from a secret in the step's environment (hatch has no Trusted "
             "Publishing; pypa/gh-action-pypi-publish or `uv publish` upload the same files with it)",
    "flit": "`flit publish` found no username or password (not in `FLIT_USERNAME`/`FLIT_PASSWORD`, .pypirc or the "
            "keyring) and CI cannot type one: set `FLIT_USERNAME=__token__` and `FLIT_PASSWORD` from a secret (flit has "
            "no Trusted Publishing; pypa/gh-action-pypi-publish or `uv publish` upload the same files with it)",
    "maturin": "maturin found no token: `MATURIN_PYPI_TOKEN` was empty or unset, and without `id-token: write` on a "
               "GitHub job it does not try Trusted Publishing; set the variable from a secret, or give the job "
               "`permissions: id-token: write` and register the publisher (maturin's upload is deprecated: `uv "
               "publish` uploads the same files)",
}


_POETRY_UNSET = re.compile(r"There is no (pypi-token|http-basic)\.([\w.-]{1,60}?)\.? setting")
_DISTUTILS_NO_LOGIN = ("the log shows distutils' `setup.py upload`: it sends the username and password of the "
                       "`[pypi]` section of ~/.pypirc (or those of a `register` run in the same command); with no "
                       "~/.pypirc entry it sends no username (and asks for the password at most)")
_DISTUTILS_FIX = ("put the login in ~/.pypirc (`[pypi]` with `username = __token__` and `password = <API token>`); "
                  "better, since `setup.py upload` is deprecated and gone from setuptools: build with `python -m build` "
                  "and upload with `twine upload dist/*` (`-u __token__`, the token from `TWINE_PASSWORD`)")


def _missing(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = _text(scan), []
    unset = _POETRY_UNSET.search(text)
    if unset:
        kind, repo = unset.groups()
        env = ("; the text names an environment's secret: an environment secret reaches only a job that names that "
               "environment (`environment: <name>` on the job)" if re.search(r"\benvironments?\b", text, re.I) else "")
        out.append(f"Poetry says `{kind}.{repo}` holds nothing (`There is no {kind}.{repo} setting`): the value given to "
                   f"it was empty, so Poetry sent nothing and no index refused anything (check this first): the secret "
                   f"did not reach the job (a misnamed secret, a pull request from a fork, a reusable workflow called "
                   f"without `secrets: inherit`){env}; make the secret readable there, or set "
                   f"`POETRY_PYPI_TOKEN_{repo.upper().replace('-', '_').replace('.', '_')}` from it")
    if re.search(r"You must be identified", text) and _DISTUTILS_UPLOAD.search("\n".join(t for _, t in scan.cleaned)):
        out.append(_DISTUTILS_NO_LOGIN + ", which legacy PyPI answered `401 You must be identified` (check this "
                   "first): " + _DISTUTILS_FIX)
    var = log_said.SAID_VAR_UNSET.search(text)
    if var and not out:  # the variable told as unset, a sentence instead of the uploader's own message
        name = re.match(r"\w+", var.group(0)).group(0)
        user = re.search(r"USER(?:NAME)?$", name, re.I)
        out.append(f"the log says `{name}` was not set in the job that uploads: set it in the environment of every job "
                   "and step that runs the upload (jobs do not share `env:`; a job, a matrix leg or a second upload job "
                   "each needs its own)" + (": with an API token the username is `__token__`, beside the token as the "
                                            "password from a secret" if user else ", from a secret that job can read"))
    asked = re.search(r"Enter your (username|password|API token):", text)
    if re.search(r"Traceback \(most recent call last\)", text) and (asked or log_servers.CREDENTIAL_FRAME.search(text)):
        what = f"its `Enter your {asked.group(1)}:` prompt" if asked else "the credentials (`create_repository()`)"
        out.append(f"the uploader stopped at {what} and crashed: no username or password reached it, and in CI "
                   "nobody can type one; give it `__token__` and an API token from a secret (twine: `TWINE_USERNAME="
                   "__token__` and `TWINE_PASSWORD: ${{ secrets.… }}` in the step's environment, or `-u __token__ -p …`)")
    if re.search(r"Credential not found for (?:API token|token|password|username)\b", text) and not out:
        # twine's NonInteractive: it looked for a credential and found none, so nothing reached the index
        out.append("twine found no credential to send (its `Credential not found`: nothing reached PyPI, no token was "
                   "refused, a new token does not help): pass the token itself, `TWINE_USERNAME=__token__` and "
                   "`TWINE_PASSWORD` from a secret (or `-u __token__ -p …`), or move to Trusted Publishing "
                   "(`migrate to-oidc`)")
        if re.search(r"--repository-url\b", text):
            out.append("the command gives `--repository-url`: with a URL given, twine takes no username or password "
                       "from a ~/.pypirc section; to use the section's token, name it alone (`--repository pypi`) and "
                       "drop `--repository-url`")
        if re.search(r"null\.Keyring|PYTHON_KEYRING_BACKEND", text):
            out.append("the log sets a null keyring backend (`PYTHON_KEYRING_BACKEND`): no credential can come from the "
                       "keyring either")
    elif log_said.SAID_NOT_PASSED.search(text) and not out:
        told = "the text says the token was not passed to the upload (none was sent, so none was refused)"
        if log_said.SAID_SECRET_ABSENT.search(text):
            out.append("the text says the secrets the publish needs are missing from the repository (none was sent, so "
                       "none was refused): create them (Settings → Secrets and variables → Actions, or the environment's "
                       "secrets) under the names the workflow reads, holding a PyPI API token; or move to Trusted "
                       "Publishing (`migrate to-oidc`), which needs no secret")
        elif _PUBLISH_CONTEXT.search(text):
            out.append(told + ": move to Trusted Publishing first (`migrate to-oidc`: register the trusted publisher on "
                       "PyPI, give the job `permissions: id-token: write`), so no token needs passing; or pass the "
                       "token again from its secret (the action's `password:`, `TWINE_PASSWORD`)")
        else:
            out.append(told + ": pass the token again from its secret to the step that uploads (`TWINE_PASSWORD`, "
                       "`UV_PUBLISH_TOKEN`, the action's `password:`), or move to Trusted Publishing (`migrate to-oidc`)")
    if re.search(r"This platform is not supported for trusted publishing via OIDC", text):
        out.append("pdm found no username and password, and no CI whose OIDC token it could use (`This platform is not "
                   "supported for trusted publishing via OIDC`): set `PDM_PUBLISH_USERNAME=__token__` and "
                   "`PDM_PUBLISH_PASSWORD` from a secret; Trusted Publishing needs GitHub Actions, GitLab CI (with "
                   "`id_tokens`) or another CI PyPI trusts")
    if re.search(r"could not determine credentials for configured repository", text) and \
            not re.search(r"Your password is empty", text):
        out.append("twine got an empty username or password and stopped before sending anything: `TWINE_PASSWORD` (or "
                   "`TWINE_USERNAME`) is set to an empty value, as a secret that does not exist expands to; an empty "
                   "value also keeps twine from prompting and from trying Trusted Publishing: set it from a secret that "
                   "exists, or remove the variable altogether for Trusted Publishing (twine 6.1 or later, with "
                   "`id-token: write` on the job)")
    tool_said = _TOOL_CREDENTIALS.search(text)
    if tool_said:
        tool = next(k for k, v in tool_said.groupdict().items() if v)
        out.append(_TOOL_CREDENTIAL_ADVICE[tool])
    if re.search(r"Your password is empty", text):
        prompted = re.search(r"Enter your (?:password|API token):", text)
        out.append("twine sent an empty password" + (": at its prompt nothing is echoed, so paste the token (on "
                   "Windows: right-click or Ctrl+V in the console) and press Enter once" if prompted else
                   ": the variable meant to hold the token (`TWINE_PASSWORD`, the secret) was empty in this run"))
    if re.search(r"NoKeyringError|No recommended backend was available", text):
        out.append("the uploader got no password, so it asked the system keyring, which a CI runner does not have: the "
                   "variable meant to hold the token (`HATCH_INDEX_AUTH` for hatch, `TWINE_PASSWORD` for twine) was "
                   "empty or unset in this run; set it from a secret that exists under that name where the job can "
                   "read it (an empty secret expands to nothing)")
    named = sorted({f"`{s.secret}`" for _, s in _token_steps(facts) if s.secret})
    if not named:
        return out
    return out + [f"the job reads {', '.join(named)}: check that the secret exists under exactly that name where the job "
            "can read it (an environment secret needs the job's `environment:`; forks and reusable workflows "
            "called without `secrets: inherit` get none)"]


def _version_lines(scan: LogScan, facts: List[Facts], what: str, local: bool = False) -> List[str]:
    out = []
    versions = [v for v in scan.versions if "+" in v] if local else []  # the refused local one, not an sdist's
    if versions or scan.versions:
        v = (versions or scan.versions)[0]
        text = _text(scan)
        several = len({u for u in scan.versions}) > 1
        named = "the log names" if not re.search(rf"-{re.escape(v)}[-.]", text) else \
            ("a file of the log is" if several else "the log's files are")
        out.append(f"{named} version `{v}`: {what}")
        kind = logtext.dev_kind(v)
        if kind:
            out.append(f"`{v}` is {kind[0]}: {kind[1]}")
    every_push = sorted({f.file for f in facts if f.every_push})
    if every_push:
        out.append(f"{', '.join(every_push)} publishes on pushes that are not tags: every such push uploads "
                   "the same version again; limit the job to tags or releases")
    return out


_REGISTRY_EXISTS = re.compile(r"file name has already been taken|already contains file '|Requested entity already exists|"
                              r"Repository does not allow updating assets|Not enough permissions to overwrite artifact|"
                              r"\.(?:whl|tar\.gz|zip) cannot be updated|\b409\b:? ?Conflict", re.I)


_PRE_BUMP = re.compile(r"\bpre-?bump\b|\bbefore the (?:version )?bump\b|\bcheckout\b[^.\n]{0,60}?\bwithout (?:specifying |"
                       r"setting |passing |giving )?(?:a |the |any )?`?ref\b", re.I)


_STALE_VERSION = re.compile(r"(?<![\w.+-])v?(\d{1,6}(?:\.\d{1,6}){1,3})(?![\w+-]|\.\d)")


def _stale(text: str) -> List[str]:
    """The line of an earlier build's files uploaded with this one's: they are what the index refused."""
    told = next((s for s in log_said.SENTENCE_END.split(text) if log_said.SAID_STALE_DIST.search(s)
                 and not log_said.CLEANED.search(s)), "")
    version = _STALE_VERSION.search(told)
    old = f" (`{version.group(1)}`)" if version else ""
    return [f"the log says files of an earlier build{old} were left in `dist/` (or committed to git) and uploaded beside "
            "this build's: their version is already on the index, so PyPI refused them, and the version being released "
            "needs no bump; upload only this build's files: `rm -rf dist` before building, `git rm -r --cached dist` with "
            "`dist/` in .gitignore where it is tracked (and no cache restoring it), or upload the new version's files by "
            "name (`dist/*-<version>*`)"]


def _exists(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    if log_said.stale_dist(text):
        return _stale(text)
    registry = _REGISTRY_EXISTS.search(text)
    out = []
    if registry:
        uv = "Caused by:" in text
        out.append(f"the registry answered `{registry.group(0).strip()}`: the file is already there (the same version "
                   "uploaded before, or a re-run); bump the version, or let the re-run skip it: `twine upload "
                   "--skip-existing` knows this answer (GitLab, Nexus, Artifactory), `uv publish --check-url <index>` "
                   "checks the index first" + ("; if the same re-run passed with an older uv, pin that one (uv 0.4.30 "
                                               "stopped skipping Azure Artifacts' 409)" if uv else ""))
    if _PRE_BUMP.search(text):
        out.append("the log says the job built from a commit before the version bump (actions/checkout without "
                   "`ref:` checks out the commit the run was started for, `github.sha`, not the bump commit pushed "
                   "during the run), so it rebuilt the old version: pass the new tag (or the bump commit) to every "
                   "build job and give it as `ref:` of actions/checkout, then re-run for the new version")
    shallow = _shallow_said(text)
    if shallow:  # every build of a checkout without tags gets the same version: a bump by hand does not help
        out.append(f"the log tells of `{shallow}` built from a checkout without tags (a shallow clone, "
                   "actions/checkout's default `fetch-depth: 1`): setuptools-scm (or hatch-vcs) then writes the same "
                   "version on every build, so each upload repeats it; check out with `fetch-depth: 0` (and "
                   "`fetch-tags: true`) in the job that builds, and publish from tags")
    elif generic_failures.tags_unseen(text, True):  # the same told without the version it fell back to
        out.append("the text tells of a build that did not see the repository's tags: the version plugin "
                   "(setuptools-scm, hatch-vcs) then writes a version of no release tag (a `.dev0` fallback, or the "
                   "last tag it could see), which is already on the index; check out with `fetch-depth: 0` and "
                   "`fetch-tags: true` in the job that builds, and publish from tags")
    # warehouse's answer from its log of file names (the name of a file no longer on the index, so no skip applies)
    reused = re.search(r"This filename was previously used by a file that has since been deleted|"
                       r"This filename has (?:already|previously) been used", text)
    unbumped = _unbumped(text, scan.versions)
    out += unbumped or _version_lines(scan, facts, "that version's file names were used before (its files deleted since), "
                                      "bump it before publishing again" if reused else "that version is already on the "
                                      "index, bump it before publishing again")
    if not scan.versions and not unbumped:  # a version named in the sentence that tells the refusal
        said = [v for n, t in scan.cleaned if _REUPLOAD_SAID.search(t) for v in _SAID_VERSION.findall(t)][:1]
        if said:
            out.append(f"the log names version `{said[0]}`: that version's files are already on the index (or were, "
                       "before a deletion), bump it before publishing again")
        elif any(_REUPLOAD_SAID.search(t) for _, t in scan.cleaned) and not (
                registry or _PRE_BUMP.search(text) or shallow or _DELETED.search(text) or _YANKED.search(text)
                or _RERUN_SAID.search(_VERBOSE_HINT.sub(" ", text)) or log_said.SAID_SKIP.search(text)
                # a fix told that is no bump (the workflow now skips the existing version)
                or (re.search(r"\bfix\w{0,3}\b", text, re.I) and not re.search(r"\bbump\w{0,3}\b", text, re.I))):
            out.append("the log says the version's files were already uploaded: bump the version before publishing "
                       "again (PyPI takes each file name once, and a file renamed to pass as another is refused too)")
    if reused:
        out.insert(0, "PyPI says this file name was uploaded before and the file deleted since: a file name can never "
                      "be used again, even after the file, release or project was deleted, so the same version cannot "
                      "be uploaded again; publish a new version (a post-release such as `1.0.post1` if only this file "
                      "needed replacing)")
        out.append("`skip-existing` cannot help here: it skips files that are on the index, and this name's file is not")
        return out
    elif _DELETED.search(text) or log_said.SAID_DELETED_REUSE.search(text):
        out.append("deleting a file, a release or the whole project on PyPI does not free its file names: a version "
                   "once uploaded can never be uploaded again, so publish a new version (TestPyPI too)")
    if _YANKED.search(text):
        out.append("the log speaks of a yanked version: yanking only hides a release from installers; its files stay "
                   "on PyPI and their names can never be uploaded again, so publish a new version")
    rerun = ("a re-run after a partial upload: `skip-existing: true` (action) or `--skip-existing` (twine) "
             "skips the files already there")
    if re.search(r"Local file and index file do not match for", text):  # uv's --check-url: the name, other bytes
        out.insert(0, "uv's `--check-url` found a file of this name on the index with other contents: the version was "
                      "uploaded before from another build (a rebuild is never byte-identical), so it cannot be uploaded "
                      "again; publish a new version, or upload the files of the build that went first")
    if _RERUN_SAID.search(_VERBOSE_HINT.sub(" ", text)):  # the log itself says the upload ran again
        return ["the log says the upload ran again (a retry, a re-run, a partial or duplicate run): " +
                rerun.split(": ", 1)[1] + ", so the run uploads only the files still missing"] + out
    if log_said.SAID_SKIP.search(text):  # it speaks of skipping files already there, not of a second run
        return ["the log speaks of skipping the files already on the index: " + rerun.split(": ", 1)[1] +
                ", so a run uploads only the files still missing (a new version still needs a version bump)"] + out
    out.append(rerun)
    return out


_BV = r"`?v?(\d{1,6}(?:\.\d{1,6}){1,3}(?:(?:a|b|rc|\.post|\.dev)\d{1,6})?)`?(?![\w+-]|\.\d)"
# the version the build carried, told beside the tag's: `version = "0.6.3"` in the tagged code, "the built artifact was
# still versioned `1.0.10`", "pyproject.toml still said 0.1.4"
_BUILT_VERSION = re.compile(r"\bversion\s?=\s?[\"']" + _BV + r"|\bstill\s(?:(?:be(?:ing)?|was|is|carried|had|said|says|"
                            r"read|reads|at|on)\s){0,2}(?:versioned\s|version\s)?" + _BV + r"|\bversioned\s(?:as\s)?" + _BV, re.I)
# the tag's (or release's) version, and the version a missed bump was meant to reach ("supposed to be bumped to 0.15.0")
_CUT_VERSION = re.compile(r"\b(?:tag|tagged|release|releasing|releases)\s" + _BV + r"|" + _BV + r"\s(?:tag|release)\b|"
                          # the target of a bump told as missed, not the bump that fixed it ("Bump version to 0.2.1")
                          r"\b(?:supposed|meant|needed|ought|should|forg[eo]t\w{0,3})\s(?:to\s)?(?:have\s)?(?:be\s|been\s)?"
                          r"bump\w{0,3}\s(?:\w+\s){0,2}?to\s" + _BV, re.I)
# the version file left as it was while a tag was cut: "the tag was created but the version in pyproject.toml wasn't
# bumped", "skipped the version bump", "supposed to be bumped … but was missed"
_NOT_BUMPED = re.compile(r"\b(?:was|were|is|are|been|got)(?:n[’']t|\snot|\snever)\s(?:\w+\s)?(?:bumped|incremented|"
                         r"updated|changed)\b|\bnot\sbumped\b|\bwithout\s(?:a\s|any\s)?(?:version\s)?bump\w{0,3}\b|"
                         r"\b(?:skip\w{0,3}|miss\w{0,3}|forg[eo]t\w{0,3})\s(?:the\s|a\s)?(?:version\s)?bump\b|"
                         r"\bbump\w{0,3}\b(?:[^.]|\.(?=\w)){0,80}?\b(?:was|were|got)\s(?:missed|forgotten|skipped|omitted)\b|"
                         r"\bno\sversion\sbump\b", re.I)


def _unbumped(text: str, files: List[str]) -> List[str]:
    """The version line of a release cut without a version bump: the tag (or the version the bump was meant to reach)
    is not what was built, so the version on the index is the old one the build still carried (the refused files'
    version, or the one the text says was built), never the tag's."""
    still = next((v for m in _BUILT_VERSION.finditer(text) for v in m.groups() if v), None)
    built = files[0] if files else still
    tag = next((v for m in _CUT_VERSION.finditer(text) for v in m.groups() if v and v != built), None)
    # told without the words of a bump: a tag beside the other version the build "still" carried
    if not (_NOT_BUMPED.search(text) and (tag or built)) and not (tag and still):
        return []
    old = f"the old version (`{built}`)" if built else "the previous version, left in the version file"
    line = ((f"the log says `{tag}` was tagged (or released) without a version bump: " if tag else
             "the log says the version was not bumped: ") + f"the build still carried {old}, whose files are already "
            "on the index" + (f", and `{tag}` itself was never uploaded" if tag else "") + "; bump the version where the "
            "build reads it (pyproject.toml, `__version__`)" + (f" to `{tag}` and tag again, or release the next version"
                                                                if tag else " and release again"))
    if re.search(r"\brelease[- ]please\b", text, re.I):
        line += ("; release-please bumps only the files it is told of: list the version file in `extra-files` (or "
                 "check that its strategy still finds it)")
    return [line]


def _shallow_said(text: str) -> Optional[str]:
    """The tagless version (`0.1.dev1`, `0.0.0`) a log tells of, when it also tells of a checkout without tags."""
    m = log_said.SHALLOW_VERSION.search(text)
    return m.group(0) if m and (log_said.SAID_SHALLOW.search(text) or re.search(r"setuptools[-_]scm|hatch-vcs|"
                                                                                r"\bscm\b", text, re.I)) else None


_YANKED = re.compile(r"\byank(?:ed|ing)?\b", re.I)
# twine's own hint after any failed upload, not a re-run the log tells of
_VERBOSE_HINT = re.compile(r"Retry with the --verbose option", re.I)
_RERUN_SAID = re.compile(r"\bretr(?:y|ied|ies)\b|\bre-?run\b|\bpartial(?:ly)? (?:run|upload\w{0,2}|release)\b|"
                         r"\bduplicate (?:run|trigger|workflow|upload)s?\b", re.I)


_REUPLOAD_SAID = re.compile(log_said.SAID_REUPLOAD.pattern + r"|\bfile ?name has (?:already|previously) been used|"
                            + log_said.SAID_DELETED_REUSE.pattern, re.I)
_SAID_VERSION = re.compile(r"(?<![\w.+-])v?(\d{1,6}(?:\.\d{1,6}){1,3}(?:(?:a|b|rc|\.post|\.dev)\d{1,6})?)(?![\w.+-]|\.\d)")
_DELETED = re.compile(r"\b(?:deleted?|deleting|removed?)\b[^.]{0,60}?\b(?:version|release|file|project|package)|"
                      r"\b(?:version|release|file|project|package)\b[^.]{0,60}?\b(?:was|been|once|is) (?:deleted|removed)\b",
                      re.I)


def _sdist(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = _text(scan), _version_lines(scan, facts, "that release already has an sdist")
    if re.search(r"\.zip\b", text) and re.search(r"\.tar\.gz\b", text):
        out.append("the log uploads a .zip and a .tar.gz: keep only the .tar.gz")
    elif log_said.TWO_SDISTS.search(text):
        out.insert(0, "the log tells of a .tar.gz and a .zip source distribution for the same version: PyPI takes one "
                      "sdist per release, so the second one is refused even though its file differs; upload only the "
                      ".tar.gz (with the wheels), and build no .zip (`python -m build --sdist` writes only .tar.gz)")
    out.append("PyPI treats equal versions as one release (1.54 and 1.54.0); `skip-existing` does not skip a "
               "rebuilt sdist, whose file name or contents differ")
    return out


def _local(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    out = _version_lines(scan, facts, "PyPI and TestPyPI refuse versions with a local part (`+…`)", local=True)
    literal = log_said.tag_unexpanded(scan.cleaned)
    if literal:
        var, quoted = literal
        why = "in single quotes the shell expands no variable" if quoted else "it was never expanded"
        out.insert(0, f"the log tells of a tag step with `{var}` left unexpanded ({why}): the tag was created as the "
                      f"literal `{var}`, not the version, so the build saw no version tag on the commit; "
                      + (f"write it `\"{var}\"`" if quoted else "make the step expand it") + " so the tag is the version "
                      "being released")
    tag = _PLAIN_LINUX.search(_text(scan))
    if tag and not any(f.pattern.id == "log-unsupported-platform-tag" for f in scan.findings):
        out.append(f"the log also names plain `{tag.group(1)}` wheels, a second blocker: PyPI refuses that platform tag "
                   "whatever the version, so those uploads fail even with the version fixed; build the Linux wheels in a "
                   "manylinux image (cibuildwheel) or `auditwheel repair` them into a manylinux tag")
    return out


# a plain Linux platform tag (not manylinux or musllinux)
_PLAIN_LINUX = re.compile(r"(?<![\w])(linux_(?:x86_64|aarch64|i686|armv7l|ppc64le|s390x))\b")


def _name(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    m = _NAME.search(text)
    name = next((g for g in (m.groups() if m else ()) if g), None)
    said = _NAME_SAID.search(text)
    if not name and said:
        name = said.group(1) or said.group(2)
    subject = f"`{name}`" if name else "this name"
    similar = _SIMILAR_SAID.search(text)
    tp = ["no publisher can be registered for a name PyPI refuses, so the Trusted Publishing exchange fails too "
          "(`invalid-publisher`): rename first, then register the pending publisher under the new name"] \
        if any(f.pattern.id in ("log-invalid-publisher", "log-invalid-pending-publisher") for f in scan.findings) else []
    if similar and not m:
        return [f"{subject} was refused as too similar to the existing project `{similar.group(1)}` (PyPI compares "
                "names with `-`, `_` and `.` removed, case folded and look-alike characters such as `l`/`1` and "
                "`o`/`0` made equal): choose a name that differs "
                "more and rename the distribution in pyproject.toml (and in any pending publisher)"] + tp
    if re.search(r"The name '[^']{1,200}' conflicts with an existing project", text):
        # create_project found the project that the upload's lookup, a moment before, did not: another upload (or a
        # pending publisher's exchange) created it in between
        return [f"{subject} was created by another request while this one was creating it (two jobs uploading a new "
                "project's first files at once, a matrix of upload jobs, or a pending publisher's exchange next to an "
                "upload): the project exists now, so re-run the failed job; let one job upload a new project's first "
                "release"]
    if re.search(r"The name '[^']{1,200}' is invalid\.", text):
        return [f"{subject} is not a valid project name: only ASCII letters, digits and `.`, `_`, `-`, starting and "
                "ending with a letter or digit; fix `name` in pyproject.toml (or setup.py) and in any pending publisher, "
                "rebuild and upload"]
    if re.search(r"conflict with (?:the )?Python standard library", text, re.I):
        return [f"{subject} is the name of a module of Python's standard library (of any version, Python 2 included): "
                "PyPI refuses such names for new projects, in the pending-publisher form as on upload; choose another "
                "name in pyproject.toml (and in the pending publisher)"]
    return [f"{subject} cannot be used on this index: rename the distribution in pyproject.toml (and in any "
            "pending publisher); a pending publisher does not reserve a name"] + tp


# a project name told in a sentence: "the `x` name was rejected", "pypi.org/simple/x/"
_NAME_SAID = re.compile(r"`([\w.-]{1,100})` name\b|pypi\.org/(?:simple|project)/([\w.-]{1,100})/")
_SIMILAR_SAID = re.compile(r"too similar to (?:the |an )?(?:existing )?(?:project )?`([\w.-]{1,100})`", re.I)


_CHECK_FAILED = re.compile(r"Check failed for required claim '([\w-]{1,40})'")
_QUOTED_WORKFLOW = re.compile(r"`(?:[^`\s]{0,200}/)?([\w.-]{1,100}\.ya?ml)(?:@[^`\s]{0,200})?`")
_RENAMED = re.compile(r"`(?:[^`\s]{0,200}/)?([\w.-]{1,100}\.ya?ml)`\s{0,3}(?:to|->|→)\s{0,3}`(?:[^`\s]{0,200}/)?"
                      r"([\w.-]{1,100}\.ya?ml)`")
_NONE_REGISTERED = re.compile(r"\bno (?:trusted[- ]|pending )?publisher (?:entry )?(?:is |was |has been )?(?:registered|"
                              r"configured|set up|added)\b|\bhas no trusted[- ]publisher\b", re.I)
_REUSABLE_SAID = re.compile(r"\bre-?usable(?:[- ]workflows?\b|\W{1,3}[\w.-]{1,100}\.ya?ml\b)|\bworkflow_call\b", re.I)
# a rename told as the fix ("Rename `a.yml` → `b.yaml` to match PyPI's trusted-publisher config", "renamed back to")
_RENAME_IS_FIX = re.compile(r"\bto match\b|\b(?:renam\w{0,4}|mov\w{1,3})\s(?:\w+\s){0,2}?back\b|\bback to\b", re.I)
_RENAME_SAID = re.compile(r"\brenam\w{0,4}\b|\bname of the workflow(?: file)?\b|\bchang\w{0,3} the (?:workflow )?"
                          r"(?:file ?)?name", re.I)


_WORKFLOW_REF_COMPARED = re.compile(r"The (job_workflow_ref|ci_config_ref_uri) claim does not match, expecting one of "
                                    r"\[([^\]]{1,600})\], got '([^']{1,300})'")


def _check_failed(scan: LogScan) -> List[str]:
    """PyPI's own reason for the refusal, when it names the claim it checked (`Check failed for required claim`, or
    the workflow reference it expected and the one it got, warehouse oidc/models github.py and gitlab.py)."""
    compared = _WORKFLOW_REF_COMPARED.search(_text(scan))
    if compared:
        claim, expected, got = compared.group(1), compared.group(2).split(",")[0].strip(" '\""), compared.group(3)
        if expected.lower() == got.lower():
            return [f"PyPI expected `{claim}` `{expected}` and got `{got}`: they differ only in letter case, which this "
                    "check counts: the publisher was registered with the owner or repository written otherwise; register "
                    "it again exactly as the repository's URL writes them"]
        return [f"PyPI names what it compared: the publisher gives `{expected}`, the token `{got}` for `{claim}`: make "
                "the publisher's owner, repository and workflow file match the token's (case counts), or publish from "
                "the workflow the publisher names"]
    m = _CHECK_FAILED.search(_text(scan))
    if not m:
        return []
    claim, sub = m.group(1), scan.claims.get("sub", "")
    if claim == "sub" and sub and not sub.startswith("repo:"):
        return [f"PyPI names the claim it refused: `sub`, and this run's `sub` is `{sub}`, not GitHub's default "
                "`repo:<owner>/<repo>:…`: the organisation or repository customises its OIDC subject claim; PyPI "
                "stopped checking GitHub's `sub` on 2026-01-29 (pypi/warehouse#19422), so re-run the job; if it fails "
                "again, the lines below say what the publisher must name"]
    if claim == "sub":
        return ["PyPI names the claim it refused: `sub` (the owner and repository, GitHub's `repo:<owner>/<repo>:…`): "
                "a customised OIDC subject claim or a renamed repository; PyPI stopped checking GitHub's `sub` on "
                "2026-01-29 (pypi/warehouse#19422), so a re-run shows whether another claim differs"]
    if claim == "repository_owner_id":
        return ["PyPI names the claim it refused: `repository_owner_id`, the owner's numeric id: the owner account or "
                "organisation is not the one the publisher was registered for (deleted and re-created under the same "
                "name, or the repository moved to a new owner of that name); register the publisher again"]
    return [f"PyPI names the claim it refused: `{claim}`: compare that value of the token with the publisher's"]


def _said_about_workflows(scan: LogScan) -> List[str]:
    """What a log without printed claims says in its sentences about the workflow files (a reusable workflow, a
    renamed file), which is what the publisher must match."""
    text, out = _text(scan), []
    if _NONE_REGISTERED.search(text) or log_said.SAID_PUBLISHER_MISSING.search(text):
        out.append("the log says no trusted publisher is registered: register one with the run's values (owner, "
                   "repository, workflow file name, environment) on each index the workflow uploads to (PyPI and "
                   "TestPyPI have separate accounts and publishers; a project's first upload needs a pending "
                   "publisher), or keep uploading with an API token")
    files = list(dict.fromkeys(_QUOTED_WORKFLOW.findall(text)))
    named = f" (it names {', '.join(f'`{f}`' for f in files)})" if files else ""
    if _REUSABLE_SAID.search(text):
        out.append(f"the log speaks of a reusable workflow{named}: PyPI matches the file that defines the publishing "
                   "job (`job_workflow_ref`), which for a reusable workflow is the called file, and does not support "
                   "reusable workflows as publishers: move the publishing job into the top-level workflow that the "
                   "event starts and register that file (or upload with a token from the reusable workflow)")
    renamed = _RENAMED.search(text)
    if renamed and renamed.group(1) != renamed.group(2) and _RENAME_IS_FIX.search(
            text[max(renamed.start() - 60, 0):renamed.end() + 120]):
        old, new = renamed.groups()  # the rename the text makes to match the publisher: the run came from `old`
        out.append(f"the log tells of renaming `{old}` to `{new}` to match the trusted publisher: the failed run came "
                   f"from `{old}`, a file name the publisher does not have; the rename gives PyPI the name it has "
                   f"(`{new}`), or register `{old}` instead (on each index the workflow uploads to)")
    elif renamed and renamed.group(1) != renamed.group(2):
        old, new = renamed.groups()
        out.append(f"the log says the workflow file was renamed from `{old}` to `{new}`: PyPI compares the file name, "
                   f"so the publisher must name `{new}` now: register `{new}` (on each index the workflow uploads to), or "
                   f"rename the file back to `{old}`")
    elif _RENAME_SAID.search(text) and len(files) >= 2:
        out.append(f"the log names the workflow files {', '.join(f'`{f}`' for f in files)} and a rename: PyPI compares "
                   "the file name, so the publisher must name the file of the workflow that runs the upload now "
                   "(register it, or rename the file back)")
    return out


def _publisher(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    out: List[str] = _check_failed(scan)
    steps = [(f, s) for f, s in _token_steps(facts) if s.publisher == "gh-action"]
    if steps and not any(f.trusted_envs for f in facts):
        f, s = steps[0]
        secret = f"`secrets.{s.secret}`" if s.secret else "the password"
        env = f"`{s.environment}`" if s.environment else "(none)"
        out.append(f"{f.file} job `{s.job_id}` passes {secret} as the password, yet the action tried Trusted "
                   "Publishing, which it does only when the password is empty: the secret was unset, misnamed or "
                   "unavailable to the job (an environment's secret while the job names another or none, a pull "
                   "request from a fork, a reusable workflow called without `secrets: inherit`)")
        out.append(f"way out 1 (token): set {secret} where the job can read it, and drop `id-token: write` from "
                   f"job `{s.job_id}`")
        out.append(f"way out 2 (Trusted Publishing): register owner/repository `{ctx.remote or '<owner>/<repo>'}`, "
                   f"workflow `{f.file}`, environment {env} on the index, then drop the password (`migrate to-oidc`)")
        return out + claims_mod.compare(scan.claims, ctx)
    if scan.claims:
        return out + claims_mod.compare(scan.claims, ctx)
    out += _said_about_workflows(scan)
    stale = next((t for _, t in scan.cleaned if log_said.SAID_STALE_PUBLISHER.search(t)
                  and log_said.SAID_REPO_RENAMED.search(t)), None)
    lost = None if stale else next((t for _, t in scan.cleaned if log_said.SAID_PUBLISHER_LOST.search(t)
                                    and log_said.MOVED.search(t)), None)
    if lost:
        moved = log_said.SLUG_MOVED.search(lost)
        names = f" (`{moved.group(1)}` → `{moved.group(2)}`)" if moved else ""
        new = f" (`{moved.group(2)}`)" if moved else ""
        out.append(f"the log says the repository was renamed or moved{names} and the trusted publisher stopped "
                   "matching (check this first): PyPI compares the owner and repository (and the owner's id) as they "
                   f"are now, so on the project's Publishing page add a publisher for the new name{new} and remove the "
                   "old one, for every project the repository publishes (or rename the repository back), then re-run "
                   "the release")
    if stale:
        out.append("the log says the trusted publisher on PyPI is stale because the repository was renamed (check this "
                   "first): PyPI matches the owner and repository names as they are now, so on the project's Publishing "
                   "page update the publisher's repository name (and owner, if that changed): remove it and add it again "
                   "with the new name, for every project the repository publishes, then re-run the release")
    if log_said.SAID_PUBLISHER.search(_text(scan)):
        out.append("the log says the trusted publisher itself was set up wrong or does not match the workflow (a typo, a "
                   "mismatch): PyPI compares each "
                   "field exactly, so compare the publisher on the project's Publishing page with the repository, field "
                   "by field: owner and repository, the workflow's file name (only the name, such as `release.yml`), "
                   "the environment (or none); fix the publisher (remove it and add it again) or the workflow, and "
                   "re-run the release")
    out.append("the log prints no claims, so the differing field is inferred from the workflows" if facts else
               "the log prints no claims and no workflow was read (name the workflow files after `--log` to compare "
               "them), so no field can be singled out")
    likely = _most_likely(scan, facts)
    if likely:
        out.append(f"most likely: {likely}")
    for f in facts:
        if not f.trusted_envs:
            continue
        envs = ", ".join(sorted({f"`{e}`" if e else "none" for e in f.trusted_envs}))
        if f.reusable:
            out.append(f"{f.file} is a reusable workflow: PyPI matches the called file, which it does not support; "
                       "move the upload into the calling workflow and register that file")
        else:
            out.append(f"{f.file} publishes with Trusted Publishing (environment {envs}): the publisher must name "
                       f"workflow `{f.file}`, that environment (or none), and owner/repository "
                       f"`{ctx.remote or '<owner>/<repo>'}`")
        if f.testpypi:
            out.append(f"{f.file} also uploads to TestPyPI, a separate site with its own publishers: register the "
                       "publisher on test.pypi.org too")
    if _TWINE_EXCHANGE.search(_text(scan)):
        out.append("twine made the exchange itself (`TrustedPublishingFailure`, as in GitLab CI): a GitLab publisher must "
                   "name the namespace and project exactly as in the project's URL (case counts, a renamed or moved "
                   "project needs a new publisher), the top-level pipeline file (`.gitlab-ci.yml`) and the environment; "
                   "the job's `id_tokens` entry must be `PYPI_ID_TOKEN` with `aud: pypi`, and for TestPyPI "
                   "`TESTPYPI_ID_TOKEN` with `aud: testpypi`")
        return out
    if len(out) == 1:  # only the no-claims line: the generic order of checks
        out.append("check, in order: the workflow file name (not its path or `name:`), the environment (none on "
                   "one side?), owner and repository (renamed?); TestPyPI is a separate site with its own publishers")
    return out


_TWINE_EXCHANGE = re.compile(r"TrustedPublishingFailure|Trying to use trusted publishing|gitlab", re.I)


def _most_likely(scan: LogScan, facts: List[Facts]) -> str:
    """The publisher field a failed exchange most likely differs in, from the log and the workflows."""
    text = _text(scan)
    if _TESTPYPI.search(text):
        return ("the run uploaded to TestPyPI, whose publishers are separate from PyPI's: register the publisher "
                "on test.pypi.org")
    reusable = [f.file for f in facts if f.reusable and f.trusted_envs]
    if reusable:
        return f"the workflow file: {reusable[0]} is a reusable workflow, which PyPI does not match as registered"
    envs = sorted({e for f in facts for e in f.trusted_envs if e})
    if envs:
        return (f"the environment: the job runs in `{envs[0]}`; a publisher naming another environment (or "
                "registered before the job had one) does not match; register it with `" + envs[0] + "` or none")
    if any(f.trusted_envs for f in facts):
        return ("the environment or the workflow file name: the job has no environment, so a publisher that names "
                "one does not match; a renamed workflow file needs a new publisher")
    return ""


def _id_token(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    if re.search(r"No OIDC token discovered", text):  # uv with `--trusted-publishing always` outside a CI it knows
        return ["uv found no OIDC token at all (`No OIDC token discovered`): it gets one only on GitHub Actions (with "
                "`id-token: write`), on GitLab CI from an `id_tokens` entry named `PYPI_ID_TOKEN` (`TESTPYPI_ID_TOKEN` "
                "for TestPyPI) and on Buildkite; elsewhere `--trusted-publishing always` cannot work: declare the "
                "GitLab ID token, or upload with a token (`UV_PUBLISH_TOKEN`) (check this first)"]
    if re.search(r"Attempted to discover OIDC in broken environment", text):
        return ["the action's `id` library found no CI it can ask for a token (`Attempted to discover OIDC in broken "
                "environment`): the step does not run in GitHub's own Actions environment (`GITHUB_ACTIONS` unset: a "
                "Gitea or Forgejo runner, `act`, a wrapper that clears the environment), where no GitHub OIDC token "
                "exists; publish with an API token there (the step's `password:`) (check this first)"]
    if "PdmUsageError" in text:
        return ["`pdm publish` found no username and password and got no OIDC token: it tries Trusted Publishing "
                "only when the job may request one, so add `permissions: id-token: write` to the publishing job "
                "(and register the trusted publisher); with a token instead, set `PDM_PUBLISH_USERNAME=__token__` "
                "and `PDM_PUBLISH_PASSWORD` from a secret"]
    steps = [(f, s) for f, s in _token_steps(facts) if s.publisher == "gh-action"]
    if not steps or any(f.trusted_envs for f in facts):
        return []
    return _publisher(scan, facts, ctx)[:3]


def _uv(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = _text(scan), []
    if "Failed to query check URL" in text:
        out.append("the missing credentials are for the check URL (the index's `/simple/` page uv reads before "
                   "uploading), not for the upload (check this first): uv 0.8.14 asked for them there wrongly "
                   "(astral-sh/uv#15587, fixed by #15546): upgrade uv (or pin 0.8.13); otherwise give the index "
                   "read credentials too, or leave out `--check-url`")
    if "upload.test.pypi.org" in text:
        out.append("the upload URL `https://upload.test.pypi.org/legacy/` does not exist: TestPyPI's is "
                   "`https://test.pypi.org/legacy/`")
    uv_steps = [(f, s) for f, s in _token_steps(facts) if s.publisher == "uv"]
    if "UV_PUBLISH_PASSWORD" in text or "with a password, but no username" in text or any("UV_PUBLISH_PASSWORD" in s.credential and "USERNAME" not in s.credential
                                            for _, s in uv_steps):
        out.append("`UV_PUBLISH_PASSWORD` without `UV_PUBLISH_USERNAME=__token__` is not a token: use `UV_PUBLISH_TOKEN`")
    for f in facts:
        if "uv" in f.trusted_uploaders:
            out.append(f"{f.file} runs `uv publish` without credentials: add `--trusted-publishing always` so the "
                       "OIDC exchange runs (and reports its own error), with `id-token: write` on the job")
    return out


_CHECK_LINE = re.compile(r"\bline (\d{1,6}): (?:Warning|Error|Severe): ([^\n]{1,160}?)(?= warning:| Checking | line \d|$)")


_RST_SOURCE = re.compile(r"README\.rst\b|\.rst:\d|for 'text/x-rst'|directive|interpreted text role|"
                         r"Title level inconsistent|Title overline|(?<![^\s`])\.\. [\w-]{2,40}::", re.I)
# an error of docutils (which renders reStructuredText for PyPI, readme_renderer, `twine check`, rst-lint) quoted in the
# log: its own wording, with or without the line it names
_RST_ERROR = re.compile(r"Unexpected (?:indentation|section title(?: or transition)?)|Inline (?:emphasis|strong|literal|"
                        r"interpreted text(?: or phrase reference)?|substitution_reference|target|internal target) "
                        r"start-string without end-string|Title (?:underline|overline) too short|Title level inconsistent|"
                        r"(?:Block quote|Definition list|Bullet list|Enumerated list|Explicit markup|Field list|Line block|"
                        r"Option list) ends without a blank line|Unknown (?:directive type|interpreted text role|target "
                        r"name)|Malformed table|Content block expected|Error in \"[\w-]{1,40}\" directive|Cannot analyze "
                        r"code|Duplicate explicit target name|Undefined substitution referenced|Literal block expected|"
                        r"Unindent not allowed|Invalid section title or transition marker|Anonymous hyperlink mismatch")
_RST_ERROR_AT = re.compile(r"(?:\.rst|<string>|\bline)\W{0,2}(\d{1,6})\W{1,4}(?:\((?:WARNING|ERROR|SEVERE)/\d\)\s{0,3}|"
                           r"(?:Warning|Error|Severe)\W{1,3}|WARNING\s|ERROR\s)?$")
# a person naming the README's markup as what broke ("fix README syntax")
_MARKUP_SAID = re.compile(r"\breadme\b[^.\n]{0,40}?\b(?:syntax|markup|indentation|underline|formatting)\b|"
                          r"\b(?:syntax|markup|rst|restructured ?text) (?:errors?|issues?|problems?)\b[^.\n]{0,40}?"
                          r"\b(?:readme|long[ _]description)\b", re.I)
_MARKDOWN_SAID = re.compile(r"\bmarkdown\b|\w\.md\b|text/markdown", re.I)
_RST_ADORNMENT = re.compile(r"([~*^\"+#])\1{2,}")  # a section underline Markdown has no use for (it takes = and -)
_MARKUP_HINT = {"Title underline too short": "an underline (or overline) must be at least as long as its title",
                "Title overline too short": "an underline (or overline) must be at least as long as its title"}


def _rst_evidence(scan: LogScan, text: str) -> str:
    """What in the log shows the README is reStructuredText (not only read as such), or ''."""
    m = _RST_SOURCE.search(text)
    if m:
        found = m.group(0).strip()
        return "docutils names a directive or role, which only reStructuredText has" if \
            re.match(r"directive|interpreted", found, re.I) else f"the log names `{found}`"
    at = next((i for i, (_, t) in enumerate(scan.cleaned) if _CHECK_LINE.search(t)), None)
    quoted = scan.cleaned[at + 1:at + 6] if at is not None else []  # the source lines twine quotes under its message
    line = next((t.strip() for _, t in quoted if _RST_ADORNMENT.fullmatch(t.strip())), None)
    return f"its section underline `{line[:20]}` is reStructuredText markup" if line else ""


_NOTHING_RENDERED = re.compile(r"No content rendered from RST source", re.I)


def _description(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = _text(scan), []
    strict = re.search(r"FAILED due to warnings\b.{0,200}?`(long_description(?:_content_type)?)` missing", text)
    if strict and not re.search(r"has syntax errors in markup|The description failed to render", text):
        # `twine check --strict` turned a warning into the failure: nothing failed to render
        if strict.group(1) == "long_description":
            return ["`twine check --strict` failed because the files carry no long description (a warning it makes an "
                    "error): declare the README (`readme = \"README.md\"` in pyproject.toml, or `long_description` with "
                    "its `long_description_content_type` in setup.py), rebuild; or drop `--strict` (PyPI itself takes a "
                    "file without one)"]
        return ["`twine check --strict` failed because the files declare no content type for the README (a warning it "
                "makes an error; PyPI would read it as reStructuredText): declare it (`readme = \"README.md\"` in "
                "pyproject.toml sets it from the suffix, or `long_description_content_type=\"text/markdown\"` in "
                "setup.py), rebuild and check again"]
    if log_servers.SETUP_UPLOAD_WARNED.search(text):  # distutils' upload warning it is deprecated, naming twine
        out.append("the upload ran through distutils' `setup.py upload` (deprecated; setuptools has removed it), which "
                   "sends the description as its own reading of setup() gives it, not the built file's metadata (check "
                   "this first): upload the same files with `twine upload dist/*`, which has taken releases this "
                   "command's upload refused; the README needs a change only if `twine check dist/*` fails too")
    m = _CHECK_LINE.search(text)
    if _NOTHING_RENDERED.search(text) and not m and not _RST_ERROR.search(text):
        # twine check rendered nothing and names no markup error: the description is empty, not broken
        return ["twine check rendered nothing from the description (`No content rendered from RST source`) and names "
                "no markup error: the long description is missing or empty (no `long_description` in setup.py, no "
                "`readme` in pyproject.toml, or a README that is empty or only a title); declare the README as the "
                "description (`readme = \"README.rst\"` in pyproject.toml, or `long_description=open(\"README.rst\")"
                ".read()` with `long_description_content_type=\"text/x-rst\"` in setup.py; `text/markdown` for a "
                "README.md), rebuild and run `twine check dist/*`; there is no markup to fix",
                "if the same setup passed this check before, the tools moved, not the package: "
                "current setuptools no longer writes `UNKNOWN` for a missing description, which twine's check "
                "treated as no description and let pass (pypa/cibuildwheel#1131); pinning the twine of the last good "
                "upload is the stopgap some projects used, declaring the description is the fix"]
    m = _CHECK_LINE.search(text)
    rst = _rst_evidence(scan, text)
    if m:
        where, what = m.group(1), re.split(r"\.\s", m.group(2).strip(), maxsplit=1)[0].rstrip(".")
        hint = next((f" ({h})" for k, h in _MARKUP_HINT.items() if what.startswith(k)), "")
        if rst:
            out.append(f"the README is reStructuredText ({rst}) and its markup is broken at line {where}: {what}"
                       f"{hint}; fix that markup and rebuild (check with `twine check dist/*`); its content type is "
                       "not the problem")
        else:
            out.append(f"twine check reads the README as reStructuredText and stops at line {where}: {what}{hint}; if "
                       "the README is reStructuredText, fix that markup; if it is Markdown, declare it (`readme = "
                       "\"README.md\"` in pyproject.toml, `long_description_content_type=\"text/markdown\"` in "
                       "setup.py)")
    if log_said.RENDERER_MISSING.search(text):
        return ["readme_renderer warned that no Markdown renderer is installed (its `[md]` extra, cmarkgfm): `twine "
                "check` then cannot render a Markdown README and reports it as failing, even with no markup error named; "
                "install `readme_renderer[md]` in the environment that runs the check (a tox env: add it to `deps`)"]
    key = log_said.misspelt_content_type(text)
    if key:
        out.insert(0, f"the log shows `{key}`, a key setuptools does not know (it ignores it): so no content type is "
                      "declared and twine reads the README as reStructuredText; the key is `long_description_content_type` "
                      "(`text/markdown` for a Markdown README)")
    if re.search(r"long_description_content_type`? missing", text):
        if rst and m:
            out.append("twine also warns that no content type is declared: `text/x-rst` (the default) is right for "
                       "this README; declaring it silences the warning but does not fix the markup")
        else:
            out.append("no content type is declared, so the README is read as reStructuredText: declare it "
                       "(`long_description_content_type` in setup.py, `readme` in pyproject.toml): `text/markdown` for "
                       "a Markdown README, `text/x-rst` for reStructuredText")
    elif re.search(r"failed to render for 'text/markdown'", text):
        out.append("PyPI could not render the description as `text/markdown`: Markdown renders whatever text it is "
                   "given, so this means the description is empty (an empty README, a `readme`/`long_description` that "
                   "reads an empty or missing file, a README of another package in a monorepo); check that the README "
                   "the build reads has content (`twine check dist/*` shows it), rebuild and upload")
    elif re.search(r"failed to render in the default format", text):
        out += _default_format(text, rst, m is not None)
    if not out and log_said.SAID_RST_MARKUP.search(text):
        out.append("the log says the reStructuredText markup of the long description is broken (a title underline "
                   "shorter than its title, a literal or emphasis not closed): fix it in the README at the line "
                   "`twine check dist/*` names (an underline at least as long as the title), check with `twine check "
                   "dist/*`, rebuild and upload")
    unrenderable = log_said.SAID_UNRENDERABLE.search(text)
    if unrenderable and log_said.RENDERER_ELSEWHERE.search(text[unrenderable.start():text.find("\n", unrenderable.end())]):
        unrenderable = None  # a README that does not render on GitHub or in the docs is not PyPI's refusal
    if not out and unrenderable and rst:
        out.append(f"the log says the README does not render, and it is reStructuredText ({rst}): PyPI refuses a "
                   "reStructuredText description with markup errors; `twine check dist/*` names the line: fix that "
                   "markup (or, meanwhile, give a short description that renders), rebuild and upload")
    if not out and _DESC_SAID.search(text):
        markdown = re.search(r"\bmarkdown\b|\.md\b", text, re.I)
        out.append("the log says the README (the long description) " + ("does not render" if unrenderable else
                   "was refused") +
                   (" and that it is Markdown" if markdown else "") + ": PyPI reads a description without a content "
                   "type as reStructuredText and refuses one that does not render; declare its type (`readme = "
                   "\"README.md\"` in pyproject.toml, `long_description_content_type=\"text/markdown\"` in setup.py, "
                   "`text/x-rst` for reStructuredText), check with `twine check dist/*`, rebuild and upload")
    return out


def _default_format(text: str, rst: str, checked: bool) -> List[str]:
    """PyPI's "failed to render in the default format of reStructuredText": the file declares no content type, so
    PyPI read the README as reStructuredText. Which of the two fixes (the markup, or declaring a Markdown README) the
    log points at: a quoted docutils error or reStructuredText source points at the markup, Markdown at the type."""
    quoted = _RST_ERROR.search(text)
    said = _MARKUP_SAID.search(text)
    markdown = _MARKDOWN_SAID.search(text)
    declare = ("declare a Markdown README as Markdown (`readme = \"README.md\"` in pyproject.toml, "
               "`long_description_content_type=\"text/markdown\"` in setup.py)")
    old = ("if setup.py already declares it, the setuptools and wheel that built the file are too old to write it: "
           "upgrade them (or build with `python -m build`) and rebuild")
    if checked:  # twine check's line was read above
        return [] if rst else [f"PyPI reads a file that declares no content type as reStructuredText; {old}"]
    if quoted or said or rst:
        if quoted:
            at = _RST_ERROR_AT.search(text[max(0, quoted.start() - 40):quoted.start()])
            what = f"the log quotes docutils' `{quoted.group(0)}`" + (f" at line {at.group(1)}" if at else "")
        elif rst:
            what = rst
        else:
            what = f"the log speaks of the README's {said.group(0).split()[-1].lower()}"
        if markdown and not rst:  # Markdown read as reStructuredText breaks its rules
            return [f"PyPI read the README as reStructuredText and it breaks there ({what}), and the log speaks of "
                    f"Markdown: a Markdown README read as reStructuredText fails so; {declare}, rebuild and upload"]
        line = (f"PyPI read the README as reStructuredText and its markup has an error ({what}): fix that markup "
                "(`twine check dist/*` names the line), rebuild and upload")
        return [line + ("; the content type is not the problem" if rst else
                        f"; if the README is in fact Markdown, {declare} instead")]
    if markdown:
        return [f"PyPI read the description as reStructuredText, the default for a file that declares no content "
                f"type, and the log speaks of Markdown: {declare}; {old}"]
    return [f"PyPI read the description as reStructuredText, the default for a file that declares no content type, "
            "and it did not render: either the README is reStructuredText with a markup error (`twine check "
            f"dist/*` names the line: fix it), or it is Markdown: {declare}; {old}"]


_DESC_SAID = re.compile(r"\bcontent[ _-]type\b|\bdoes(?:n[’']t| not) render|\bmarkdown\b|\brst\b", re.I)


def _metadata(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = _text(scan), []
    capped = log_uploaders.twine_capped_by_tool(text)
    if capped:
        return [f"the text says {capped} caps twine in its own requirements, below the release that reads the "
                "metadata (6.1 for Metadata-Version 2.4, as setuptools 77 and later, hatchling 1.27 and Poetry 2 write "
                "it; 7.0 for 2.5): the twine of your "
                f"own job is not the one that runs, so upgrade {capped} to a release that lifts the pin (or ask its "
                "maintainers to); meanwhile pin the build backend below the release that writes 2.4 (`setuptools<77` "
                "in `[build-system] requires`)"]
    if re.search(r"\bImport-Name(?:space)?\b", text):
        flit = re.search(r"\bflit(?:_core)?\b", text, re.I)
        pin = re.search(r"\bflit(?:_core)?\b[^.\n]{0,40}?\b(\d{1,2})\.x\b|\b(\d{1,2})\.x\b[^.\n]{0,20}?\bflit", text, re.I)
        last = next((g for g in (pin.groups() if pin else ()) if g), None)
        backend = "flit (the CLI and `flit_core` in `[build-system] requires`)" if flit else "the build backend"
        told = f" (the log's own fix pins flit to {last}.x)" if last else ""
        out.append("`Import-Name` is a Metadata-Version 2.5 field (PEP 794) that the check or upload step here does not "
                   "take: upgrade the uploader where it runs (a current pypa/gh-action-pypi-publish, v1.14.2 or later or "
                   "`release/v1`, bundles twine 7, which reads 2.5; `pip install -U 'twine>=7'`), or pin "
                   f"{backend} below the release that writes it{told}, and rebuild")
        return out
    if re.search(r"license-(?:file|expression)", text, re.I):
        out.append("twine before 6.1, or twine 6 next to a `packaging` older than 24.2 (twine 6 reads the metadata with "
                   "it), does not know Metadata-Version 2.4's `License-Expression` and `License-File`: upgrade both in "
                   "the environment that runs twine (`pip install -U twine packaging`, or `pipx run twine` / `uvx twine`)")
    version = re.search(r"'(\d\.\d{1,2})' is not a valid metadata version", text) or \
        (log_said.SAID_METADATA_VERSION.search(text) if not out and not log_said.SAID_METADATA.search(text)
         and not re.search(r"Metadata is missing required fields", text) else None)  # or a refused Metadata-Version told in words
    if version and version.group(1) >= "2.5":
        out.append(f"Metadata-Version {version.group(1)} is read by twine 7.0 and later only; twine 6.x rejects it: "
                   "pypa/gh-action-pypi-publish bundles twine 7 from v1.14.2 on, so a pin to an earlier release (tag "
                   "or SHA) fails: move to v1.14.2 or later (or `release/v1`); a twine installed in the job: "
                   "`pip install -U 'twine>=7'`; where that twine is not yours to upgrade (a bundled or pinned check), "
                   "build with a backend release that still writes Metadata-Version 2.4 (pin it in `[build-system] "
                   "requires`)")
    elif version:
        out.append(f"Metadata-Version {version.group(1)} is newer than the twine that checks it (2.4 needs twine 6.1 "
                   "with packaging 24.2, which pypa/gh-action-pypi-publish bundles from v1.12.3 on): upgrade twine "
                   "where it runs, or move a pinned older action to `release/v1` or a current release")
    twine = _TWINE_VERSION.search(text)
    if not out and twine and tuple(int(x) for x in twine.group(1).split(".")[:2]) < (6, 1):
        out.append(f"the log names twine {twine.group(1)}: twine before 6.1 does not know the metadata current build "
                   "backends write (Metadata-Version 2.4, as Poetry 2, hatchling 1.27 and setuptools 77 write it), so its "
                   "check refuses the files before any upload: upgrade twine (and `packaging`) where it runs "
                   "(`pip install -U twine packaging`), or move a pinned pypa/gh-action-pypi-publish to a current release")
    if not out and (log_said.SAID_METADATA.search(text) or log_said.SAID_NEW_METADATA.search(text)) and \
            not re.search(r"Metadata is missing required fields", text):
        out.append("the log says the metadata of a newer build backend meets an older twine check (the one bundled in "
                   "a pinned pypa/gh-action-pypi-publish, or a twine installed in the job): use a current "
                   "pypa/gh-action-pypi-publish (`release/v1`, or v1.14.2 or later, which reads Metadata-Version 2.4 "
                   "and 2.5) or upgrade twine and `packaging` where the check runs; or pin the backend to the release "
                   "the last good upload used")
    if re.search(r"Metadata is missing required fields", text):
        known = _SUPPORTED.search(text)
        if known:  # the message lists what this twine reads
            newest = known.group(1)
            out.append(f"the twine (or pkginfo) here reads Metadata-Version up to {newest} (the list in the message), "
                       f"so the file declares {_next_minor(newest)} or newer and twine reports its fields as missing"
                       f"{_WRITERS.get(newest, '')}: upgrade twine (6.1 or later) and pkginfo where it runs; a pinned "
                       "old pypa/gh-action-pypi-publish bundles such a twine: move to `release/v1` or a current release")
        else:  # which version the file declares, the log does not say
            out.append("the twine (or pkginfo) here does not know the Metadata-Version the file declares and reports "
                       "its fields as missing (backends moved on: hatchling writes 2.3 since 1.22 and 2.4 since 1.27, "
                       "setuptools 2.4 since 77): upgrade twine (6.1 or later) and pkginfo where it runs; a pinned old "
                       "pypa/gh-action-pypi-publish bundles such a twine: move to `release/v1` or a current release")
        out.append("where that twine is not yours to upgrade (a release service that uploads for you), build the file "
                   "with a backend release that " + (f"still writes Metadata-Version {newest}" if known else
                                                     "writes a Metadata-Version it reads")
                   + " (pin it in `[build-system] requires`)")
    return out


_TWINE_VERSION = re.compile(r"\btwine\W{1,3}(?:from |version |v)?(\d{1,2}\.\d{1,2}(?:\.\d{1,3})?)\b", re.I)
_SUPPORTED = re.compile(r"supported Metadata-Version: (?:\d\.\d{1,2},\s{1,20}){1,12}(\d\.\d{1,2})\b")
_WRITERS = {"2.2": " (hatchling writes 2.3 since 1.22 and 2.4 since 1.27; setuptools writes 2.4 since 77)",
            "2.3": " (hatchling writes 2.4 since 1.27, setuptools since 77)"}


def _next_minor(version: str) -> str:
    major, minor = version.split(".")
    return f"{major}.{int(minor) + 1}"


_SIZE = re.compile(r"\((\d{1,6}(?:\.\d)?) ?MB\)|/(\d{1,6}(?:\.\d)?) MB\b")


_RX_5XX = re.compile(r"\b50[0-4]\b|\b5xx\b|\bserver[- ]errors?\b|\bbad gateway\b|\bservice unavailable\b|"
                     r"\bgateway time-?out", re.I)


_EXCHANGE_5XX = re.compile(r"the index produced an unexpected\s{1,3}50[0-4]\s{1,3}response|"
                           r"the index gave us an invalid response|The token-minting request returned invalid JSON|"
                           r"audience retrieval failed[^\n]{0,120}unexpected 50[0-4]\b", re.I)
_EXCHANGE_429 = re.compile(r"(?:audience retrieval failed|Token request failed)[^\n]{0,120}\b429\b", re.I)


def _too_large(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    """The project's total over its limit: a limit request or old files deleted, not a smaller wheel."""
    text = _text(scan)
    if log_said.said_file_limit(text) and not log_said.said_project_total(text):
        return ["the log names a file's size against a limit in MB: PyPI's per-file limit (100 MB by default, raised per "
                "project), not the project's total: ask at https://github.com/pypi/support for a larger file limit for "
                "the project (naming it and the size of its largest file), or make the file smaller (data out of the "
                "wheel)"]
    if not log_said.said_project_total(text):
        return []
    test = (" (on TestPyPI every upload counts, each branch's or dev build's: uploading fewer builds there keeps the "
            "project under it)" if _TESTPYPI.search(text) else "")
    return ["the log names the project's total size, not one file's: the index's project limit (10 GB by default) counts "
            "the files of every release, so the next upload is refused whatever its size; ask for a larger project "
            "limit at https://github.com/pypi/support (a project-limit request naming the project and the size "
            "needed), or delete files of old releases (nightly builds and pre-releases first) to make room" + test]


def _rate_limited(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    site = "TestPyPI" if _TESTPYPI.search(text) else "PyPI"
    if _EXCHANGE_429.search(text):
        return [f"the 429 answered the Trusted Publishing request, before any upload: {site} is limiting requests for "
                "a while; wait a few minutes and re-run the job, nothing in the workflow or the publisher is at fault"]
    if re.search(r"\bnew[- ]projects?\b|\bproject (?:registrations?|creations?)\b|\bregistrations?\b", text, re.I):
        return [f"the log says the limit was {site}'s on creating new projects (each first upload of a name creates "
                "one, and each account and IP address may create only a few per period): spread the first uploads "
                "of many new projects over several runs, waiting between them, with `skip-existing: true` (or "
                "`--skip-existing`) so each run skips what is already there; or ask for a higher limit at "
                "https://github.com/pypi/support before a release that creates many projects"]
    return []


def _server_error(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = _text(scan), []
    site = "TestPyPI" if _TESTPYPI.search(text) else "PyPI"
    if not _RX_5XX.search(text) and not log_patterns.RX["log-server-error"].search(text):
        return [f"the log tells of trouble on {site}'s side (an incident or outage): check https://status.python.org, then re-run the failed job once it is resolved; with "
                "`skip-existing: true` (or `--skip-existing`) the files that did arrive are skipped"]
    if _EXCHANGE_5XX.search(text):  # the token exchange itself failed: no file was sent yet
        return [f"{site} answered the Trusted Publishing token exchange with a server error, before any file was "
                "uploaded: check https://status.python.org, wait a few minutes and re-run the job; nothing in the "
                "workflow needs to change",
                f"if every re-run fails the same way, the fault is on {site}'s side with this publisher: report it "
                "at https://github.com/pypi/support with the run's link (the publisher itself may need an admin)"]
    if scan.findings[0].fix == log_servers.REPEATED_500_FIX:
        return [f"the log says every attempt fails the same way: {site}'s 500 that repeats for one package is not an "
                "outage but the server failing on something of that package, most often its metadata (the long "
                "description: its length, its markup, characters it cannot store); find it with `twine check dist/*` "
                "and an upload with a short plain description, then report it at https://github.com/pypi/support"]
    out.append(f"{site} answered with a server error: check https://status.python.org for an incident, then re-run "
               "the failed job; with `skip-existing: true` (or `--skip-existing`) the files that did arrive are "
               "skipped")
    sizes = [float(a or b) for a, b in _SIZE.findall(text)]
    if sizes and max(sizes) >= 100:
        out.append(f"the log uploads a file of {max(sizes):g} MB: after a very large file arrives PyPI still has to "
                   "process it, and a 5xx or time-out then often comes from that time limit; make the file smaller "
                   "if only such files fail")
    else:
        out.append("if it fails again only right after a very large file (hundreds of MB), PyPI is running out of time "
                   "processing it: make the file smaller")
    return out


_HOST_IN = re.compile(r"host='([\w.-]{1,200})'")


def _ssl(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    host = next(iter(_HOST_IN.findall(text)), None)
    out = []
    if re.search(r"self[- ]signed certificate in certificate chain|unable to get local issuer", text):
        out.append("the chain holds a certificate the uploader does not trust: on a corporate network a proxy, "
                   "firewall or antivirus re-signs HTTPS with its own authority; that authority's certificate is the "
                   "one to give the uploader (ask the network's administrators for it), or upload from CI")
    if host and host not in ("upload.pypi.org", "test.pypi.org"):
        out.append(f"the host is `{host}`: a private index's own certificate authority must be given the same way")
    return out


def _network(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = _text(scan), []
    host = next(iter(_HOST_IN.findall(text)), None)
    if re.search(r"Name or service not known|nodename nor servname|getaddrinfo failed|name resolution|dns error", text,
                 re.I):
        if scan.findings[0].fix == log_servers.BLOCKED_FIX:
            out.append(f"the host name {f'`{host}`' if host else 'of the upload URL'} is PyPI's own, spelled right, and does not resolve from here: this "
                       "network's name service or firewall keeps it out (or it failed for a moment); re-run, then upload "
                       "from another network or through the proxy it needs")
        else:
            out.append(f"the host name {f'`{host}` ' if host else ''}does not resolve: check the upload URL's spelling; "
                       "PyPI's are `https://upload.pypi.org/legacy/` and `https://test.pypi.org/legacy/`")
    elif scan.findings[0].fix == log_servers.BLOCKED_FIX:
        out.append(f"`{host or 'PyPI'}` refused or could not be reached from this network: PyPI itself does not refuse "
                   "connections, so a firewall or a required proxy is in the way; upload from another network or through "
                   "the proxy")
    if re.search(r"ProxyError", text):
        out.append("the proxy refused or failed: check `HTTPS_PROXY`/`NO_PROXY` where the upload runs")
    if re.search(r"\b499\b:? ?Client (?:Error|Disconnected)", text):
        out.append("`499 Client Disconnected`: the connection was cut before PyPI answered, on the way from this network "
                   "(an ISP, proxy or antivirus that breaks long uploads); upload from another network, such as CI")
    if re.search(r"Read timed out|timed out", text, re.I):
        out.append("the connection timed out: re-run; for large files upload from a faster network or make them smaller")
    return out


_POETRY_NO_FILES = re.compile(r"No files to publish\. Run poetry build")
_TOOL_NO_FILES = re.compile(r"No files to publish\. Run poetry build[^\n]{0,60}|no Python distribution packages to publish|"
                            r"No files found to publish|\bNo artifacts found\b", re.I)
# the files said to be in dist/ ("builds being present in `dist/`", "dist/ contains the wheels"), not said absent
_DIST_PRESENT = re.compile(r"(?<!\bnot )(?<!n't )(?<!n’t )\b(?:present|sitting|there|available|exist\w{0,2})\s(?:in|inside|under)\s"
                           r"`?(?:the\s)?dist\b|`?\bdist/?`?\s(?:folder\s|directory\s)?(?:contains|holds|has|lists|shows)\s"
                           r"(?!no\b|nothing\b)", re.I)
_VERSION_PLUGIN = re.compile(r"\bdynamic[- ]versioning\b|\bversion(?:ing)?[- ]plugin\b|\bpoetry self add\b|"
                             r"(?<![\w.])0\.0\.0(?![\w.+])\s(?:placeholder|version)|placeholder\W{0,3}\s(?:version\s)?`?0\.0\.0",
                             re.I)


_OLD_UPLOAD_ARTIFACT = re.compile(r"\bupload-artifact@v[1-3]\b")
_OLD_DOWNLOAD_ARTIFACT = re.compile(r"\bdownload-artifact@v[1-3]\b")
_NAME_FOR_PATH = re.compile(r"\bname: dist\W{0,3}\s(?:in)?to\s\W{0,3}path: dist\b|\bpath: dist\W{0,3}\s(?:instead of|not|rather than)\s"
                            r"\W{0,3}name: dist\b", re.I)
_GLOB_MATCHED_DIR = re.compile(r"`?\*`?\s(?:glob\s|pattern\s|wildcard\s)?(?:matched|matches|picked up|expanded to)\s(?:only\s)?"
                               r"(?:the\s)?`?dist/?`?\s(?:folder|directory|dir)\b|\bmaturin\b.{0,400}?\bIs a directory "
                               r"\(os error 21\)", re.I)


_SAID_ARTIFACT_MISSING = re.compile(r"\bdownload-artifact\b`?(?:[^.]|\.(?=\w)){0,40}?\b(?:could(?:n[’']t| not)|"
                                    r"can(?:no|[’'])?t|fail\w{0,3} to|unable to|did(?:n[’']t| not))\s(?:find|locate|see)"
                                    r"(?:\s(?:the|an?|any))?(?:\s(?:expected|named|required))?\s`([\w.-]{1,100})`\s"
                                    r"artifact\b", re.I)


def _no_dists(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = _text(scan), []
    fix = scan.findings[0].fix or ""
    if fix.startswith(log_said.NESTED_TREE_FIX.split("(", 1)[0]):  # the tree drawn in the text, its folders in the fix
        folders = ", ".join(re.findall(r"`dist/[^`]{1,60}/`", fix))
        return [f"the text shows the files one folder below `dist/` ({folders}): actions/download-artifact puts each "
                "artifact in a folder of its own under `path:` unless `merge-multiple: true`, and the upload "
                "(pypa/gh-action-pypi-publish, `twine upload dist/*`) takes only the files in `dist/` itself, so nothing "
                "was uploaded: download them flat into `dist/`, or move them up (`mv dist/*/* dist/`) before the "
                "upload"] + [d for f in facts for d in f.upload_dirs]
    m = re.search(r"Cannot find file \(or expand pattern\): '([^']{1,300})'", text)
    where = f"`{m.group(1)}`" if m else "the upload folder"
    flake = logs.ARTIFACT_FLAKE.search(text)
    if flake:
        out.append(f"the download of the build job's artifact failed on GitHub's artifact service (`{flake.group(0)}`), "
                   "not on a name or a path of the workflow: the upload step never ran; re-run the failed jobs, and "
                   "if it keeps failing, build and publish in one job so that no artifact has to pass between jobs")
    # GitHub's message, or the same told in a sentence ("`actions/download-artifact` could not find the expected
    # `release-dists` artifact"): group 1 is the artifact's name either way
    missing = logs.ARTIFACT_NOT_FOUND.search(text) or _SAID_ARTIFACT_MISSING.search(text)
    workspace = log_said.SAID_UV_WORKSPACE_DIST.search(text)
    if workspace:
        out.append("the log says `uv build` in a workspace member wrote its files to the workspace root's `dist/` (uv "
                   "builds a member into the workspace's `dist/`), so the member's own `dist/`, where the next step "
                   "looked, stayed empty and no distribution reached the publishing job (check this first): build with "
                   "`uv build --output-dir dist` in the member (or upload the root's `dist/`), and give "
                   "actions/upload-artifact `if-no-files-found: error` so an empty folder fails the build job")
        return out + [d for f in facts for d in f.upload_dirs]
    old_upload = _OLD_UPLOAD_ARTIFACT.search(text)
    if missing and old_upload and not _OLD_DOWNLOAD_ARTIFACT.search(text):
        out.append(f"the artifact `{missing.group(1)}` was uploaded with `{old_upload.group(0)}`, and "
                   "actions/download-artifact v4 and later cannot see artifacts of upload-artifact v3 and older: use "
                   "the same major version (v4 or later) for both actions")
    if missing:
        out.append(f"the download step found no artifact named `{missing.group(1)}` that it can read, so the upload "
                   f"step never ran: either no job of this run uploaded an artifact named `{missing.group(1)}` before "
                   "the publishing job asked for it (upload it in the build job with actions/upload-artifact under "
                   "that same `name` and make the publishing job `needs:` that job, or build in the publishing job "
                   "itself and drop the download)"
                   + ("" if old_upload else ", or it was uploaded by actions/upload-artifact v3 or older, which "
                      "download-artifact v4 and later do not see (give both actions the same major version)"))
    if _NAME_FOR_PATH.search(text):
        out.append("the log says the download step was given `name: dist` where `path: dist` was meant: `name:` picks "
                   "the artifact by the name its upload step gave it, `path:` is the folder it is extracted into; "
                   "download with `path: dist` (and the upload's `name:`, or none to take every artifact)")
    glob = _GLOB_MATCHED_DIR.search(text)
    if glob:
        out.append("the upload was given the `dist` folder itself, not the files in it (a glob such as `*` run from "
                   "the repository root matches the folder): give the files, `maturin upload dist/*` or "
                   "`twine upload dist/*`")
    folder_named = re.search(r"no Python distribution packages in '([^']{1,200})'", text)
    if folder_named:
        where = f"`{folder_named.group(1)}`"
        out.append(f"the publish action looked in {where} (`packages-dir`) and found nothing there: "
                   "a newer actions/download-artifact (v8) extracts a run's only artifact straight into `path:`, not "
                   "into a folder named after the artifact; give "
                   "the upload and the download the same explicit `name:`, download with `path: dist`, and publish "
                   "from `dist/` (the action's default)")
    if log_said.SAID_NO_RELEASE.search(text) and not (flake or missing or glob):
        # the release tool decided there was nothing to release: no build ran, an empty `dist/` is expected
        return ["the log says the release step made no release (no releasable commits), so nothing was built and "
                "`dist/` was empty when the upload ran: the build is not at fault; skip the upload when nothing was "
                "released: `if: steps.release.outputs.released == 'true'` on the publish step (python-semantic-release's "
                "action sets `released`; give the release step an `id: release`), or guard on the files, `if: "
                "hashFiles('dist/*') != ''`"] + [d for f in facts for d in f.upload_dirs]
    if flake or missing or glob or (out and _NAME_FOR_PATH.search(text)):
        # the download step failed, or the upload was given the folder: no upload looked for files in a folder
        return out + [d for f in facts for d in f.upload_dirs]
    poetry = _POETRY_NO_FILES.search(text)
    # the tool's own message ("No files to publish") is no sentence of the writer's about `dist/`
    said = log_said.SAID_NO_DISTS.search(_TOOL_NO_FILES.sub(" ", text))
    present = _DIST_PRESENT.search(text)
    versioned = bool(poetry) and bool(_VERSION_PLUGIN.search(text) or present)
    if poetry:
        out.append("`poetry publish` uploads only the files of the version Poetry reads for the project "
                   "(`<name>-<version>*` in `dist/`), not whatever `dist/` holds"
                   + (": the log says the files are there, so they carry another version than the Poetry that "
                      "publishes reads; a versioning plugin (poetry-dynamic-versioning, poetry-version-plugin) must be "
                      "active in the publishing step too (`poetry self add \"poetry-dynamic-versioning[plugin]\"` "
                      "there, or build and publish in one job with the plugin), or upload them with "
                      "pypa/gh-action-pypi-publish or `twine upload dist/*`, which take any version"
                      if versioned else
                      ": build in the same job (`poetry publish --build`), or download the build job's files into "
                      "`dist/` and check that their version is the one in pyproject.toml"))
    if not m and said and not present and re.search(r"`?\bdist/?`?\s(?:folder|directory|dir)\b|\bdist/", text):
        out.append("the log says the files are not in `dist/`, where pypa/gh-action-pypi-publish uploads from by default "
                   "(`packages-dir`): build or download them into `dist/`, or set `packages-dir` to the folder they are in")
    if said and re.search(r"\bdirector(?:y|ies)\b|\bsub-?(?:directory|directories|folders?|dirs?)\b", text, re.I) and \
            re.search(r"\bartifacts?\b", text, re.I):
        out.append("the log says the downloaded artifacts made a directory structure: actions/download-artifact "
                   "without `name` puts each artifact in a subdirectory of its own, where pypa/gh-action-pypi-publish "
                   "does not look (it uploads the files in `dist/` itself); download the one named artifact into "
                   "`dist/` (`name:` and `path: dist`), or set `merge-multiple: true` with a `pattern:`")
    if log_said.SAID_ARTIFACT_IMMUTABLE.search(text):
        out.append("the log says it was actions/upload-artifact v4's immutable artifacts (check this first): the matrix "
                   "jobs can no longer add their files to one shared artifact, so give each job an artifact of its own "
                   "name (`name: dist-${{ matrix.os }}`) and download them all into `dist/` in the publishing job with "
                   "actions/download-artifact, `pattern: dist-*`, `path: dist` and `merge-multiple: true` (no `name:`)")
    wiped = log_said.SAID_DIST_WIPED.search(text)
    if wiped and not log_said.CLEANED_ON_PURPOSE.search(wiped.group(0)):
        checkout = re.search(r"\bcheckout\b", wiped.group(0), re.I)
        out.append("the log says a step cleaned `dist` before the upload (check this first): order the steps so that the cleaning one runs before the files are built or downloaded into "
                   "`dist/`" + (" (run actions/checkout before downloading the artifacts, or give it `clean: false`; "
                                "it cleans the working directory by default)" if checkout else ""))
    folder = re.search(r"look like distributions but are not actually files: (\S{1,300}?)(?:[,\s]|$)|"
                       r"IsADirectoryError: \[Errno 21\] Is a directory: '([^']{1,300})'", text)
    if folder:
        out.append(f"`{folder.group(1) or folder.group(2)}` is a directory, not a file: actions/download-artifact puts "
                   "each artifact in a folder named after it when several are downloaded into one path (an artifact "
                   "named after its file makes `dist/<file>.whl/<file>.whl`); download with `merge-multiple: true` (and "
                   "a `pattern:`), or name the artifacts after something else, so that `dist/` holds the files "
                   "themselves (check this first)")
    if poetry and versioned:  # the files are there: no line that says they are not
        return out
    out.append(f"nothing matched {where}: build in the same job before the upload, or download the build job's "
               "artifact into that folder (actions/download-artifact with `path: dist`, and `merge-multiple: true` "
               "for several artifacts)")
    out += [d for f in facts for d in f.upload_dirs]
    out.append("pypa/gh-action-pypi-publish runs in the repository root and ignores `defaults.run.working-directory`: "
               "give `packages-dir` relative to the root (e.g. `sub/dir/dist`); `uv build` in a workspace member writes "
               "to the workspace's `dist/`")
    return out


def _uploader(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    failed = log_uploaders.UPLOADER_NOT_INSTALLED.search(text)
    if failed:
        tool = (failed.group(1) or failed.group(2)).lower()
        unreachable = re.search(r"Failed to establish a new connection|Max retries exceeded|Name or service not known|"
                                r"Temporary failure in name resolution|Operation not permitted|ProxyError|timed out|"
                                r"CERTIFICATE_VERIFY_FAILED|Connection refused", text, re.I)
        why = ("the installer could not reach the package index (the connection errors above)" if unreachable
               else "the installer found no release of it on the index it was given")
        return [f"no upload ran: installing `{tool}` failed before it, {why}; let the job reach the package index "
                f"(the network or egress rules, a proxy), or point the installer at the organisation's feed before "
                f"installing `{tool}` (`PIP_INDEX_URL`, or the CI's feed-authentication step first, e.g. "
                f"`PipAuthenticate@1` on Azure Pipelines), then re-run"]
    m = re.search(r"\b(twine|maturin|flit|hatch|uv|poetry): (?:command )?not found|No module named '?(twine)|"
                  r"The term '(twine|maturin|flit|hatch|uv|poetry|pdm)(?:\.exe)?' is not recognized as the name of a cmdlet",
                  text)
    said = log_said.SAID_UPLOADER_MISSING.search(text) if not m else None  # told in a sentence: the tool it names
    named = re.search(log_said.UPLOADER_TOOLS, said.group(0), re.I) if said else None
    tool = next((g for g in (m.groups() if m else ()) if g), named.group(0).lower() if named else None)
    ran = log_uploaders.exec_missing(scan.cleaned, text) if not m and not said else None
    if ran:
        what = f"`{ran[1]}`" if ran[1] else "a program"
        head = (f"Python could not start {what} (`FileNotFoundError` in `os._execvpe`, how `poetry run` fails for a "
                "command that is not installed): ")
        if ran[1] is None:
            return [head + "the log does not name the program; in a release step after the distributions are built it is "
                    "most often the uploader (twine): add twine to the environment that runs it (`poetry "
                    "add --group dev twine`, or `python -m pip install twine` in that job), or use "
                    "pypa/gh-action-pypi-publish, which brings its own"]
        tool = ran[1]
        install = "`python -m pip install twine`" if tool == "twine" else f"install `{tool}`"
        return [head + f"`{tool}` is not installed in that environment: {install} there (for `poetry run`, add it to "
                "the project's dev dependencies), or use pypa/gh-action-pypi-publish, which brings its own"]
    if tool is None:
        return ["the upload tool is not installed where the upload runs: install it in that same job (on Travis, in "
                "the install step of the deploy's Python), or use pypa/gh-action-pypi-publish, which brings its own"]
    install = "`python -m pip install twine`" if tool == "twine" else f"install `{tool}`"
    if said and re.search(r"(?<![\w-])--user\b", text):
        return [f"the log says `{tool}` was installed with `--user`, outside the virtual environment the job runs in "
                f"(CircleCI's, tox's, a venv), so that environment does not find it: install it there without `--user` "
                f"({install} with the environment's Python), or use pypa/gh-action-pypi-publish, which brings its own"]
    if log_said.VENV_TOLD.search(text):  # a virtualenv of the job's own, told beside it
        return [f"the text names a virtualenv the job made or activated: the deploy looked for `{tool}` in another "
                f"environment than the one it was installed in (a virtualenv left active into the deploy, or the "
                f"deploy's own Python without it): remove that virtualenv or `deactivate` it before the deploy, or "
                f"{install} in the environment active where the deploy runs"]
    return [f"`{tool}` is not installed where the upload runs: {install} in that same job (on Travis, in the "
            "install step of the deploy's Python), or use pypa/gh-action-pypi-publish, which brings its own"]


# GitHub's refusal of a workflow file: each message after the file, line and column it names
_WF_PLACE = re.compile(r"(?:(?:In\s)?(\S{1,200}\.ya?ml)(?:@\S{1,200})?\s)?\(Line: (\d{1,6}), Col: (\d{1,4})\): ")
_WF_UNEXPECTED = re.compile(r"Unexpected value '([^'\s]{1,60})'")
_WF_NAMED_VALUE = re.compile(r"Unrecognized named-value: '([^'\s]{1,60})'")
_WF_MISSING = re.compile(r"Required property is missing: ([\w-]{1,40})")
_WF_CALLED = re.compile(r"Error from called workflow (\S{1,300}?\.ya?ml)")
_JOB_KEYS = ("environment", "permissions", "runs-on", "needs", "strategy", "concurrency", "outputs", "services",
             "container", "defaults")
_STEP_KEYS = ("uses", "run", "with", "shell", "working-directory", "continue-on-error")
_PERMISSION_SCOPES = ("actions", "attestations", "checks", "contents", "deployments", "discussions", "id-token",
                      "issues", "models", "packages", "pages", "pull-requests", "repository-projects",
                      "security-events", "statuses")
_STEP_LEVEL_SAID = re.compile(r"\bstep[- ]level\W{0,2}\s\W?(environment|permissions|runs-on|needs|concurrency)\b", re.I)


def _workflow_invalid(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    import difflib

    text, out = _text(scan), []
    places = list(_WF_PLACE.finditer(text))
    seen = set()
    for i, m in enumerate(places):
        message = text[m.end():places[i + 1].start() if i + 1 < len(places) else m.end() + 300]
        where = f"line {m.group(2)}, column {m.group(3)}" + (f" of `{m.group(1)}`" if m.group(1) else "")
        unexpected, named, missing = (_WF_UNEXPECTED.match(message), _WF_NAMED_VALUE.match(message),
                                      _WF_MISSING.match(message))
        key = (unexpected or named or missing).group(1) if (unexpected or named or missing) else None
        if key in seen:
            continue
        seen.add(key)
        if unexpected and key in _JOB_KEYS:
            out.append(f"`{key}:` ({where}) is a key of a job (`jobs.<job_id>.{key}`), and GitHub refuses it where "
                       "it stands (on a step, or under `with:`): move it up to the job that runs the step"
                       + ("; for the publish step that can be a job of its own that `needs:` the build job, with "
                          "`environment:` and `permissions: id-token: write` at job level, as PyPI's guide shows"
                          if key in ("environment", "permissions") else ""))
        elif unexpected and difflib.get_close_matches(key, _PERMISSION_SCOPES, n=1, cutoff=0.8) and key not in _PERMISSION_SCOPES:
            scope = difflib.get_close_matches(key, _PERMISSION_SCOPES, n=1, cutoff=0.8)[0]
            out.append(f"`{key}` ({where}) is no permission GitHub knows: the scope is spelt `{scope}` "
                       f"(`permissions: {scope}: …`)")
        elif unexpected and key in _STEP_KEYS:
            out.append(f"`{key}:` ({where}) is a key of a step, and it stands where GitHub expects another key: check "
                       "its indentation (a step's keys line up under the step's `- `, below `steps:`)")
        elif unexpected:
            out.append(f"GitHub does not take `{key}:` where it stands ({where}): check the key's name and "
                       "indentation against the workflow syntax (a job's keys, a step's keys and `with:` inputs are "
                       "three different levels)")
        elif named and key == "secrets":
            out.append(f"an `if:` cannot read `secrets` ({where}): put the secret in the job's `env:` "
                       "(`HAS_TOKEN: ${{ secrets.NAME != '' }}`) and test `env.HAS_TOKEN` in the step's `if:`, or "
                       "decide with a repository variable (`vars.NAME`), which `if:` can read")
        elif named:
            out.append(f"`{key}` ({where}) is no context that expression can read: an input is `inputs.{key}` (a "
                       f"`workflow_dispatch` or `workflow_call` input), a variable `vars.{key}` or `env.{key}`")
        elif missing:
            out.append(f"a job lacks `{key}:` ({where})" + (": every job needs `runs-on:` unless it calls a reusable "
                                                              "workflow with `uses:`" if key == "runs-on" else ""))
    called = _WF_CALLED.search(text)
    if called:
        out.append(f"the place named is in the called workflow `{called.group(1)}`, not in the calling file: fix it "
                   "there (and in the ref the caller pins)")
    said = _STEP_LEVEL_SAID.search(text) if not out else None
    if said:
        key = said.group(1).lower()
        out.append(f"the log says `{key}:` was given on a step: it is a key of the job (`jobs.<job_id>.{key}`): move "
                   "it up to the job that runs the step")
    out.append("GitHub refused the workflow file before any job ran, so nothing reached PyPI and no credential was "
               "tried: fix the file at the line and column named, push, and run the release again; `actionlint` "
               "reports such errors before a push")
    return out


_BUILD_ENV_PIXI = re.compile(r"\.pixi/envs/([\w.-]{1,60})/")
_BUILD_ENV_CONDA = re.compile(r"(?:conda|mamba|miniforge\d?)[\w/.-]{0,100}?/envs/([\w.-]{1,60})/")
_PIXI_RAN = re.compile(r"\bpixi run\b")
_CONDA_RAN = re.compile(r"\bconda (?:run|activate)\b")
_BUILD_ENV_SETUP_PYTHON = re.compile(r"hostedtoolcache/Python/(\d[\w.]{0,20})/")
_NO_BACKEND = re.compile(r"Backend '([\w.:-]{1,100})' is not available")


def _build_tool(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = _text(scan), []
    pixi = _BUILD_ENV_PIXI.search(text) or _PIXI_RAN.search(text)
    conda = _BUILD_ENV_CONDA.search(text) or _CONDA_RAN.search(text)
    setup_python = _BUILD_ENV_SETUP_PYTHON.search(text)
    if pixi:
        env = f"the pixi environment `{pixi.group(1)}`" if pixi.re is _BUILD_ENV_PIXI else "a pixi environment"
        where, add = env, ("add the tool to that environment (`pixi add --pypi build`, or conda-forge's "
                           "`python-build`)")
    elif conda:
        env = f"the conda environment `{conda.group(1)}`" if conda.re is _BUILD_ENV_CONDA else "a conda environment"
        where, add = env, "add the tool to that environment (`conda install -c conda-forge python-build`)"
    else:
        where = f"setup-python's Python {setup_python.group(1)}" if setup_python else "the job's Python"
        add = "`python -m pip install build` in the same job, before it"
    if re.search(r"No module named '?build'?(?![\w.])|pyproject-build: (?:command )?not found", text):
        out.append(f"`python -m build` ran in {where}, which has no `build` package: {add}; or build with a tool "
                   "that brings its own (`uv build`, `pipx run build`)")
    if re.search(r"invalid command 'bdist_wheel'|No module named '?wheel'?(?![\w.])", text):
        out.append("`setup.py bdist_wheel` ran where setuptools has no `bdist_wheel` command: setuptools before 70.1 "
                   "takes it from the `wheel` package, which is not installed there. Build with `python -m pip install "
                   "build` and `python -m build` (it writes the sdist and the wheel, with what `[build-system]` "
                   "requires installed in an isolated environment), or `python -m pip install wheel` (or setuptools "
                   ">= 70.1) before `setup.py sdist bdist_wheel`")
    if re.search(r"No module named '?setuptools'?(?![\w.])", text):
        out.append(f"the Python that ran `setup.py` ({where}) has no setuptools (Python 3.12 and later no longer "
                   "install it next to pip): build with `python -m build`, which installs what `[build-system] "
                   "requires` into an isolated environment, or `python -m pip install setuptools` before `setup.py`")
    imported = re.search(log_patterns.SETUP_IMPORT_MISSING, text) or log_said.SAID_SETUP_IMPORT.search(text)
    module = next((g for g in imported.groups() if g), "") if imported else ""
    if module and module.split(".")[0] not in ("setuptools", "wheel", "build"):
        told = ("the traceback shows setup.py importing" if imported.re.pattern == log_patterns.SETUP_IMPORT_MISSING
                else "the text says setup.py imports")
        out.append(f"{told} `{module}`, which the environment that runs setup.py in the release job "
                   f"does not have: list it in `[build-system] requires` of pyproject.toml (next to setuptools) and build "
                   f"with `python -m build`, which installs it in the build's isolated environment; or install it in "
                   f"that job before the build (`python -m pip install {module.split('.')[0]}`)")
    option = re.search(log_patterns.PLUGIN_OPTION_IGNORED, text)
    if option:
        tool = {"use_scm_version": "setuptools_scm", "cffi_modules": "cffi",
                "rust_extensions": "setuptools-rust"}[option.group(1)]
        zero = (" (the log shows version `0.0.0` built and uploaded: yank or delete that release on PyPI and "
                "publish the real version)" if re.search(r"-0\.0\.0[-.]", text) else "")
        out.append(f"setup() was given `{option.group(1)}`, which only {tool} understands, and {tool} was not "
                   "installed where setup.py ran (`Unknown distribution option` is a warning: the build went on "
                   f"without it){zero}: list `{tool}` in `[build-system] requires` of pyproject.toml and build with "
                   f"`python -m build`, or install it in the job before setup.py runs")
        return out  # a warning, not a failed build: the upload ran
    if not out and re.search(log_patterns.SAID_NO_SETUPTOOLS, text, re.I):
        out.append("the log says the Python that ran `setup.py` has no setuptools (Python 3.12's `venv` no longer "
                   "installs it), so the build failed and the upload found nothing to send: `python -m pip install "
                   "setuptools` before `setup.py`, or build with `python -m build`; and let a failed build stop the "
                   "job (`set -e`, `&&`) rather than go on to the upload")
    backend = _NO_BACKEND.search(text)
    if backend:
        out.append(f"`python -m build --no-isolation` builds with what the job installed, and the backend "
                   f"`{backend.group(1)}` that `[build-system]` names is not installed: install the `[build-system] "
                   "requires` first, or drop `--no-isolation`")
    out.append("the build failed, so no upload ran: PyPI and the credentials are not in question")
    return out


_IMPORT_ERROR = re.compile(r"cannot import name '([\w.]{1,60})' from '?([\w.]{1,80}?)'?(?=[\s)`'\",.]|$)|"
                           r"No module named '([\w]{1,40})\.([\w.]{1,60})'")
_DEPS_CHANGED_SAID = re.compile(r"\b(?:downgrad\w{1,4}|upgrad\w{1,4}|overr?id\w{1,4}|replac\w{1,4}|pinn\w{1,4})\b", re.I)


def _uploader_deps(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = _text(scan), []
    missing = re.search(log_patterns.UPLOADER_MODULE_MISSING, text)
    if missing:  # not a version twine cannot use: the module is not there at all
        module = missing.group(1)
        why = ("twine 3.8.0 imports `packaging` without declaring it (pypa/twine#894; twine 4.0 and later do not import "
               "it)" if module == "packaging" else "twine was installed without its dependencies (`pip install "
               "--no-deps`, a hand-made or cached environment)")
        return [f"twine failed at its own import of `{module}`, which is not installed where it runs: {why}; nothing "
                f"reached PyPI: install it next to twine (`python -m pip install {module}`) or upgrade twine (`python -m "
                "pip install -U twine`) in the job that uploads, or publish with pypa/gh-action-pypi-publish, which "
                "brings its own twine"]
    old_ssl = re.search(log_patterns.URLLIB3_OLD_SSL + r"(?:[^\n]{0,80}?'(OpenSSL [\w.]{1,12}))?", text)
    if old_ssl:  # urllib3 2 came in with twine (or requests) on a Python built on an OpenSSL before 1.1.1
        built = f" (this one is built on {old_ssl.group(1)})" if old_ssl.group(1) else ""
        return [f"urllib3 2, which twine pulls in, refuses a Python whose ssl module is built on an OpenSSL before "
                f"1.1.1{built}: pin `urllib3<2` where twine is installed (`python -m pip install twine \"urllib3<2\"`), "
                "or upload from a current Python; nothing reached PyPI"]
    core = re.search(log_patterns.POETRY_CORE_MOVED, text)
    if core:  # poetry's own modules import; a plugin (or an old build backend) imports one poetry-core removed
        plugin = re.search(r"\b(poetry-[\w-]{1,60}-plugin|poetry-dynamic-versioning|poetry-[\w-]{1,40}(?=[^\n]{0,20}"
                           r"\bplugin))\b", text)
        who = f"the plugin `{plugin.group(1)}`" if plugin else "a Poetry plugin (or an old build backend)"
        return [f"{who} imports `{core.group(1)}`, which the poetry-core installed with a newer Poetry no longer has "
                "(poetry-core 1.7 removed `poetry.core.semver`): upgrade the plugin to a release made for that "
                "Poetry, or pin Poetry (and poetry-core) to the release the plugin works with (an action's "
                "`poetry_version`, `pipx install poetry==…`)"]
    m = _IMPORT_ERROR.search(text)
    name, module = (m.group(1), m.group(2)) if m and m.group(1) else ((m.group(4), m.group(3)) if m else ("?", "?"))
    top = module.split(".")[0]
    tool = next((t for t in ("twine", "hatch", "flit", "pdm") if re.search(rf"\b{t}\b", text, re.I)), "the uploader")
    said = _DEPS_CHANGED_SAID.search(text)
    out.append(f"`{tool}` cannot import `{name}` from `{module}`: the `{top}` in this environment is not a version "
               f"`{tool}` works with" + (" (the log says the job's own installs changed it)" if said else "")
               + f": run `{tool}` in an environment of its own (`pipx run {tool} upload dist/*`, `uvx {tool} upload "
               f"dist/*`), or install it after the project and its dependencies (`python -m pip install -U {tool}` "
               "last); or publish with pypa/gh-action-pypi-publish, which brings its own twine")
    if re.search(r"\buv run\b", text):
        out.append(f"`uv run` syncs the project's environment before it runs the command, so the project's lock "
                   f"decides `{top}`, not `{tool}`'s requirements: run `uvx {tool}` instead of `uv run {tool}`")
    if top in ("urllib3", "requests") and name == "appengine":
        out.append("requests-toolbelt before 1.0 imports `appengine` from urllib3, which urllib3 2 removed: "
                   "`python -m pip install -U twine requests-toolbelt`")
    return out


# the GitHub API call a 403 names: its route on api.github.com, or the page of GitHub's REST documentation
_API_ROUTE = re.compile(r"https://api\.github\.com(/repos/[\w.-]{1,100}/[\w.-]{1,100}(?:/[\w.{}-]{1,100}){0,4})")
_DOCS_ROUTE = re.compile(r"https://docs\.github\.com/(?:[\w-]{2,5}/)?rest/([\w-]{1,40})")
_DOCS_SCOPES = {"releases": "contents", "git": "contents", "repos": "contents", "commits": "contents",
                "branches": "contents", "pulls": "pull-requests", "issues": "issues", "packages": "packages",
                "actions": "actions", "checks": "checks", "deployments": "deployments", "pages": "pages"}
# the upload's own success line (twine's and the publish action's `View at:`, uv's `Uploaded`): this run's files are
# on the index already
_UPLOADED = re.compile(r"View at:\s{0,10}https://(?:test\.)?pypi\.org/project/|"
                       r"^\s{0,20}Uploaded \d{1,4} files? in\b|"
                       r"\bPyPI (?:publishing|publish|upload(?:ing)?)\s(?:still\s|has\s|had\s)?(?:already\s)?"
                       r"(?:succeeds|succeeded|completed|worked|went through)\b|"
                       r"\b(?:publishing|uploading|upload|publish) to PyPI (?:currently |still |already )?"
                       r"(?:works|worked|succeeds|succeeded|went through)\b", re.I | re.M)


def _refused_scope(text: str) -> str:
    """The scope a 403 of the GitHub API points at: read from the route it names, else `contents` (a release, a tag,
    a push: what a release job writes)."""
    from codemods.github_api import route_needs

    m = _API_ROUTE.search(text)
    scopes = route_needs("POST", m.group(1)) if m else None
    if scopes:
        return next(iter(scopes))
    m = _DOCS_ROUTE.search(text)
    return _DOCS_SCOPES.get(m.group(1).lower(), "contents") if m else "contents"


def _token_permission(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    out = []
    if re.search(r"refusing to allow a GitHub App to create or update workflow", text, re.I):
        out.append("the push changes a file under `.github/workflows/`, which no GITHUB_TOKEN may do whatever its "
                   "permissions: leave workflow files out of the commit, or push with a token that holds the "
                   "`workflows` permission (a fine-grained personal access token or a GitHub App's)")
    elif re.search(r"not permitted to create or approve pull requests", text, re.I):
        out.append("the repository (or its organization) does not let workflows open pull requests: an owner allows "
                   "it in Settings → Actions → General → \"Allow GitHub Actions to create and approve pull requests\", "
                   "with `pull-requests: write` in the job's permissions")
    elif re.search(log_patterns.RULESET_REF_REFUSED, text, re.I):
        out.append("a repository ruleset restricts creating (or updating) the tag or branch the job writes, whatever "
                   "the token's scopes: add GitHub Actions (or the app whose token pushes) to the ruleset's bypass list "
                   "(Settings → Rules → Rulesets), or create the tag with a token of an actor on that list, then let "
                   "the tag's workflow publish")
    elif re.search(r"GH006: Protected branch update failed|protected branch hook declined|GH013: Repository rule "
                   r"violations", text, re.I):
        out.append("a branch protection rule (or a ruleset) refuses pushes by `github-actions[bot]`, whatever the "
                   "token's scopes: push with a token of an account or GitHub App on the rule's bypass list, or push "
                   "the tag only and open a pull request for the commit")
    else:
        scope = _refused_scope(text)
        gaps = [(f.file, g) for f in facts for g in f.scope_gaps if g.scope == scope]
        for file, g in gaps:
            users = (", ".join(g.steps) + (" needs" if len(g.steps) == 1 else " need")) if g.steps else "its steps need"
            grants = (f"grants no `{g.scope}` (a block sets every scope it does not name to none)" if g.granted == "none"
                      else f"grants `{g.scope}: {g.granted}`")
            if g.where == "job":
                out.append(f"job `{g.job_id}` of {file}: its `permissions:` block {grants}, and {users} "
                           f"`{g.scope}: {g.needed}`: add `{g.scope}: {g.needed}` to that block")
            elif g.where == "workflow":
                out.append(f"job `{g.job_id}` of {file} takes the workflow's `permissions:` block, which {grants}, and "
                           f"{users} `{g.scope}: {g.needed}`: give the job a block of its own with `{g.scope}: "
                           f"{g.needed}` and the scopes it uses besides")
            else:
                out.append(f"job `{g.job_id}` of {file} writes no `permissions:` block, so its token is the "
                           "repository's default, read-only for repositories and organizations created since "
                           f"February 2023 (Settings → Actions → General → Workflow permissions), and {users} "
                           f"`{g.scope}: {g.needed}`: give the job `permissions:` with `{g.scope}: {g.needed}` and the "
                           "scopes it uses besides")
        if not gaps:
            out.append(f"the step needs `{scope}: write` on the job's token: add it to the `permissions:` block of "
                       "the job that ran it (`id-token: write` alone leaves it at none); with no block, the "
                       "repository's default token is read-only for repositories created since February 2023 "
                       "(Settings → Actions → General → Workflow permissions); a run for a pull request from a fork, "
                       "or a called workflow whose caller grants less, gets no more whatever the block says")
    if _UPLOADED.search(text):
        out.append("the log shows this run's upload to PyPI went through before the step failed: re-running the whole "
                   "job would now meet `File already exists`; do what failed by hand (`gh release create <tag>`) or "
                   "re-run after moving it to a job of its own")
    return out


def _nested(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    m = re.search(r"The nested job '([^']{1,100})' is requesting '([\w-]{1,40}): (\w{1,10})'", _text(scan))
    if not m:
        return []
    job, perm, level = m.groups()
    callers = sorted({c for f in facts for c in f.calls_without_id_token})
    out = [f"the called workflow's job `{job}` asks for `{perm}: {level}`, which the calling job does not grant: add "
           f"`permissions: {{{perm}: {level}, contents: read}}` to the job that calls it (in the calling workflow); "
           "GitHub checks this when the run starts, before any `if:`, so a job skipped on this event needs it too"]
    if callers:
        out.append(f"calls that grant no `id-token: write`: {', '.join(callers)}")
    return out


def _action_bug(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    if "not actually files" in text:
        out = ["this is a bug of pypa/gh-action-pypi-publish v1.10.0 in checking files before attesting them, fixed in "
               "v1.10.1: use `release/v1` (or v1.10.1 or later) and re-run"]
        listed = re.search(r"not actually files: (\S{1,300}?)[,\s]", text + " ")
        checked = listed and re.search(rf"Checking {re.escape(listed.group(1).split('/')[-1])}\b|Checking \S{{0,300}}/"
                                       rf"{re.escape(listed.group(1).split('/')[-1])}: PASSED", text)
        if not checked and not re.search(r"gh-action-pypi-publish[@:]v1\.10\.0\b", text):
            # the log shows neither the release nor twine's check passing on those paths: they may be directories
            out.append("if the step runs v1.10.1 or later, the paths named are directories named like distributions: "
                       "actions/download-artifact makes a folder per artifact when several go into one path; download "
                       "with `merge-multiple: true` so that `dist/` holds the files themselves")
        return out
    if "unbound variable" in text:
        return ["this is a bug of pypa/gh-action-pypi-publish v1.4.0 (an unset `VERBOSE` in its upload script), fixed in "
                "v1.4.1: use `release/v1` (or an exact later tag) and re-run"]
    if re.search(r"Create Docker container action.{0,400}?\bpython3?: (?:command )?not found", text):
        return ["this is a bug of pypa/gh-action-pypi-publish v1.12.0, which runs `python` to write its container action "
                "and fails on a runner without Python (most self-hosted runners; GitHub's runners have it), fixed in "
                "v1.12.1: use `release/v1` (or v1.12.1 or later) and re-run; the action also needs Docker, so a "
                "GitHub-hosted `ubuntu-latest` job for the upload avoids both"]
    told = log_said.action_fixed(scan.cleaned)
    if told and not log_patterns.RX["log-action-bug"].search(text):
        _, action, release = told
        return [f"the log says a newer release of the publish action `{action}` fixes the failure"
                + (f" (its release {release})" if release else "") + ": a bug of that action, not of the "
                "workflow, the credentials or the files; use that release or a later one"
                + (f" (`uses: {action}@{release}`)" if release and "/" in action else "")]
    if "Incorrect padding" in text:
        return ["this is a bug of pypa/gh-action-pypi-publish v1.8.9 while rendering the claims of a failed exchange, "
                "fixed in v1.8.10: use `release/v1` and re-run to see the real error"]
    return []


_NOT_ALLOWED = re.compile(r"(\S{1,200}) is not allowed to be used in ([\w.-]{1,100}/[\w.-]{1,100})|"
                          r"actions? (\S{1,200}) (?:is|are) not allowed in ([\w.-]{1,100}/[\w.-]{1,100})", re.I)


def _action_not_allowed(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    m = _NOT_ALLOWED.search(text)
    if not m:
        return []
    action, repo = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    repo = repo.rstrip(".")
    owner = repo.split("/")[0]
    retired = [f"`{action}` is also the action's retired `master` branch: use `@release/v1` or an exact release tag"] \
        if re.fullmatch(r"pypa/gh-action-pypi-publish@master", action) else []
    if re.search(r"pinned to a full[- ]length commit SHA", text, re.I):
        return [f"`{action}` is refused because `{owner}` requires every action pinned to a full commit SHA: pin it to "
                "the full SHA of a release, with the release in a comment (`@<40-hex SHA> # v1.x.y`), checked with "
                "`git ls-remote` against the action's repository, and re-run"]
    return [f"`{action}` is outside the actions `{owner}` allows in `{repo}` (its own, GitHub's, verified creators' or a "
            f"list it names): an admin of `{owner}` adds it to the allowed actions (Settings → Actions → General; "
            f"`{action.split('@')[0]}@*` allows every ref; a list may name single refs, then use one it names), or the "
            "upload runs `twine upload`/`uv publish` in a `run:` step instead"] + retired


_ENV_REFUSED = re.compile(r"\b(Tag|Branch)\s{1,3}\"([^\"]{1,200})\" is not allowed to deploy to (.{1,100}?) due to "
                          r"environment protection rules", re.I)
_ENV_REJECTED = re.compile(r"The deployment was rejected or didn[’']?t satisfy other protection rules", re.I)


def _environment(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    m = _ENV_REFUSED.search(text)
    if m:
        kind, ref, env = m.group(1).lower(), m.group(2), m.group(3).strip("`'\" ")
        return [f"GitHub refused the job before it ran: the {kind} `{ref}` is not among the branches and tags the "
                f"environment `{env}` lets deploy (its deployment rules), so nothing was uploaded and PyPI was not "
                f"asked; allow it in the environment's rules (Settings → Environments → {env} → Deployment branches "
                f"and tags: add a {kind} rule whose pattern matches `{ref}`), or run the release from a {kind} the "
                "rules allow, then re-run the job"]
    if _ENV_REJECTED.search(text):
        return ["GitHub refused the job's deployment to its environment (a required reviewer rejected it, or a branch "
                "or tag rule or another protection rule of the environment was not met), so nothing was uploaded: "
                "see the environment's rules (Settings → Environments → <name>), allow the ref or approve the "
                "deployment, then re-run the job"]
    return []


_VER = r"v?(\d(?:[\w+!-]|\.(?=\w)){0,60})"
_TAG_VERSION = re.compile(r"\btag\b\W{0,3}(?:version\W{0,3})?\(?[`'\"]?" + _VER + r"[`'\"]?\)?\s[^\n]{0,40}?"
                          r"(?:\bmatch\b|!=|\bmismatch\w{0,2}\b|\bvs\b\.?)[^\n]{0,40}?(\b[\w./-]{1,100}\.(?:toml|py|cfg|json|txt)\b)?"
                          r"[^\n]{0,20}?\bversion\b\W{0,3}\(?[`'\"]?" + _VER, re.I)


# the version a tag was told to carry: a release URL's tag, "tag v1.2.3", "1.32.2 … was tagged"
_TAGGED = re.compile(r"/releases/tag/[\w.-]{0,60}?v?(\d{1,6}(?:\.\d{1,6}){1,4})\b|\btag(?:ged)?\s(?:\w+\s){0,2}?`?v?"
                     r"(\d{1,6}(?:\.\d{1,6}){1,4})\b|(?<![\w.])v?(\d{1,6}(?:\.\d{1,6}){1,4})\s(?:\w+\s){0,4}?(?:was|were|is|got)\s"
                     r"(?:\w+\s)?tagged\b", re.I)


def _tag_said(text: str) -> List[str]:
    """A tag told as wrong beside the version a file of the package holds: no check's output, so no check is claimed."""
    held = log_said.SAID_FILE_VERSION.search(text)
    if not held or not log_said.SAID_TAG_WRONG.search(text):
        return []
    where, version = held.group(1).strip("`"), held.group(2)
    tagged = _TAGGED.search(text)
    tag = next((g for g in tagged.groups() if g), None) if tagged else None
    nums = tag.split(".") if tag and tag != version else None
    following = ".".join(nums[:-1] + [str(int(nums[-1]) + 1)]) if nums else None
    return ["the text says the tag" + (f" (`{tag}`)" if tag and tag != version else "") + f" differs from the version "
            f"`{where}` holds (`{version}`): a release built from that tag carries `{version}` (files already on PyPI, "
            "or stopped by a version check), so the tagged version never reached PyPI; set the version in "
            f"`{where}` to the one meant, commit, and tag that commit; where a tag or release cannot be moved (immutable "
            "releases, or its version already used), release the next version"
            + (f" (`{following}`)" if following else "") + " from a commit whose files say it"]


def _tag_version(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    m = _TAG_VERSION.search(_text(scan))
    if not m and _tag_said(_text(scan)):
        return _tag_said(_text(scan))
    if not m:
        return ["the workflow's own check stopped the release because the tag and the package version differ (PyPI "
                "refused nothing): bump the version to the tag's, commit, and tag that commit again, or tag the "
                "version the project has"]
    tag, version = m.group(1), m.group(3)
    where = re.search(r"[\w./-]{1,100}\.(?:toml|py|cfg|json|txt)\b", m.group(0))
    in_file = f"in `{where.group(0)}` " if where else ""
    return [f"the workflow's own check stopped the release (PyPI refused nothing): the tag says `{tag}` and the version "
            f"{in_file}is `{version}`; bump the version to `{tag}`, commit, and tag that commit (delete and re-create "
            f"the tag, or cut the next one), or tag `{version}` if that is the version meant"]


_SUNSET = re.compile(r"master branch version has been sunset|change the GitHub Action version you use from master\b|"
                     r"UNSUPPORTED GITHUB ACTION VERSION", re.I)
_IMAGE = re.compile(r"ghcr\.io/pypa/gh-action-pypi-publish:([\w.-]{1,100})")


_PINNED_HEX = re.compile(r"([\w.-]{1,100}/[\w.-]{1,100})@([0-9a-f]{7,64})\b", re.I)


def _action_ref(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    pin = next((m for m in _PINNED_HEX.finditer(text) if logs.NOT_A_SHA.fullmatch(m.group(2))), None)
    if pin:
        action, ref = pin.groups()
        why = ("no commit has that ref (a digit added in copying)" if len(ref) > 40 else
               "GitHub resolves no short SHA in `uses:`")
        return [f"`{action}@{ref}` pins {len(ref)} hex digits, and a full commit SHA has 40: {why}, so neither "
                "allowing the action nor dropping the SHA-pinning rule helps; copy the 40-digit SHA of the release you "
                "mean (`git ls-remote "
                f"https://github.com/{action} refs/tags/<tag>`), with the release in a comment, and re-run"]
    image = _IMAGE.search(text)
    nested = logs.NESTED_IMAGE.search(text)
    if not image and nested:
        return [f"the publish action looked for the image `{nested.group(1)}`, named after the repository that ran it "
                "and its ref instead of `ghcr.io/pypa/gh-action-pypi-publish:<ref>`: GitHub gives an action called from "
                "inside a composite action (or another action) its caller's repository and ref, so "
                "pypa/gh-action-pypi-publish cannot be nested in one (its README's non-goals): move the `uses: "
                "pypa/gh-action-pypi-publish@release/v1` step out of the composite action into the workflow's job itself"]
    if not image and _SUNSET.search(text):
        return ["the log quotes the action's own notice: its `master` branch has been sunset (no Trusted Publishing "
                "code, no longer maintained); change `uses: pypa/gh-action-pypi-publish@master` to `@release/v1` (or "
                "an exact release tag, or the full commit SHA of a release) and re-run"]
    if not image and log_said.SAID_ACTION_OLD.search(text) and not log_said.SAID_ACTION_REF.search(text):
        return ["the log says the workflow pins pypa/gh-action-pypi-publish to an old release: an old release bundles an "
                "old twine and lacks the fixes PyPI's changes since needed (newer metadata, Trusted Publishing, "
                "attestations), and the oldest refs (`master`) are no longer supported; use `@release/v1` (or a current "
                "exact release tag, or its full commit SHA) and re-run"]
    if not image:
        if not log_said.SAID_ACTION_REF.search(text):
            return []
        out = ["the log says the ref (tag) the workflow gives pypa/gh-action-pypi-publish is missing or does not exist: use "
               "`@release/v1`, an exact release tag (`@v1.14.2`) or the full commit SHA of a release"]
        if log_said.SAID_SAME_FILE.search(text) or _REUPLOAD_SAID.search(text):
            out.append("the log also tells of the same file uploaded again (a 409, the same artifact from each job): "
                       "PyPI takes a file name once, so upload once, from one job that downloads every job's files "
                       "(or `skip-existing: true`), not from each job of a matrix")
        return out
    ref = image.group(1)
    if re.fullmatch(r"[0-9a-f]{40}", ref):
        return [f"the step pins the action to the commit `{ref}`, and no image `ghcr.io/pypa/gh-action-pypi-publish:"
                f"{ref}` exists (`manifest unknown`): images are published for the action's release refs, and one "
                "that was published can be removed later; pin a release tag (`@v1.14.2`) or `@release/v1`, or, to keep "
                "a SHA pin, the commit of a current release tag with its version in a comment, and re-run"]
    return [f"no image `ghcr.io/pypa/gh-action-pypi-publish:{ref}` exists (`manifest unknown`): use `@release/v1` or an "
            "exact release tag, and re-run"]


def _digest(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    return ["check the project's total size first (Manage project on PyPI): a project at its storage limit has given "
            "this error; delete old releases or ask for a larger limit at https://github.com/pypi/support, then re-run"]


_NORMALIZED = re.compile(r"Filename '([^']{1,300})' should contain the normalized\s+project name '([^']{1,200})', "
                         r"not '([^']{1,200})'")
_SDIST_NAME = re.compile(r"Filename '([^']{1,300})' is invalid, should be '([^']{1,300})'")


def _refused_file(scan: LogScan) -> str:
    """The file the refusal answered: the last `Uploading <file>` before the first finding's line."""
    line = scan.findings[0].line if scan.findings else 0
    files = [m.group(1) for n, t in scan.cleaned if n <= line for m in [log_servers.UPLOADING.match(t)] if m]
    return files[-1] if files else ""


_VERSION_IN_NAME = re.compile(r"Version in filename should be '([^']{1,100})' not '([^']{1,100})'")
_BAD_SDIST_NAME = re.compile(r"Invalid source distribution filename: (\S{1,300})")


def _sdist_filename(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, file = _text(scan), _refused_file(scan)
    start, version, bad = log_files.START_FILENAME.search(text), _VERSION_IN_NAME.search(text), _BAD_SDIST_NAME.search(text)
    if version:
        return [f"the wheel's file name says version `{version.group(2)}` but its metadata says `{version.group(1)}`: "
                "the file was renamed after the build (or built twice with different versions); upload wheels as the "
                "build backend named them, and build the version you mean"]
    if bad:
        return [f"`{bad.group(1)}` is not named `<name>-<version>.tar.gz`, so PyPI cannot read the name and version from "
                "it (a renamed file, a version left out): upload the sdist as the build backend named it "
                "(`python -m build --sdist`)"]
    escaped = log_files.escaped_name_refused(text)
    if start and escaped:
        return [f"`{escaped}` starts with the name `{start.group(1)}` as distributions must write it (`.` and `-` as "
                "`_`), which PyPI's check refused until July 2023 (fixed by pypi/warehouse#14155): the file is right, "
                "re-run the upload; if PyPI still refuses it, report it at https://github.com/pypi/warehouse/issues"]
    if start and file.endswith(".whl"):
        return [f"the wheel `{file}` does not start with `{start.group(2)}`, the normalised name of `{start.group(1)}`: "
                "the file's name and the name in its metadata differ (a renamed wheel, or one built from another "
                "project's metadata); rebuild it with the project's build backend and upload it unchanged"]
    if start:
        return [f"the file must start with `{start.group(2)}`, the normalised name of the project `{start.group(1)}`: "
                "the name in the file's name and the one in its metadata differ (a renamed file, an old backend that "
                "kept dots or capitals); rebuild with a current backend (`python -m build`) and upload its files "
                "unchanged"] + ([] if file.endswith(".whl") else [_SDIST_DIRECTORY])
    m = _SDIST_NAME.search(text)
    out = [f"the build wrote `{m.group(1)}`, PyPI wants `{m.group(2)}`: rebuild the sdist with a backend that writes "
           "the normalised name (setuptools >= 69.3 declared in `[build-system]`, built by `python -m build`, not an "
           "old setuptools on PATH through `setup.py sdist`; other backends: a current release and their defaults)"] if m else []
    norm = _NORMALIZED.search(_text(scan))
    if norm and not m:
        kind = "wheel" if norm.group(1).endswith(".whl") else "file"
        out.append(f"the {kind} `{norm.group(1)}` starts with `{norm.group(3)}`, PyPI wants the normalised project name "
                   f"`{norm.group(2)}` there: an old build backend wrote the unnormalised name (an older setuptools or "
                   "wheel; for sdists setuptools before 69.3); remove any pin or cap of the backend in `[build-system] requires` (or "
                   "the build's requirements), rebuild with `python -m build` and upload the files it writes")
    if norm and not m and norm.group(1).endswith(".whl"):
        return out
    return out + [_SDIST_DIRECTORY]


_SDIST_DIRECTORY = ("PyPI checks the file's name; the sdist's top-level directory should carry the same normalised name "
                    "but PyPI does not enforce that yet, so renaming the file passes (for a tool that cannot write the "
                    "name, such as `meson dist`), while a build that writes it is the lasting fix")


def _relayed_by(text: str) -> str:
    """The tool that relayed PyPI's answer, when the log names one that uploads for you (devpi's `push`)."""
    return "devpi" if re.search(r"\bdevpi\b", text, re.I) else ""


def _password_disables_tp(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    return ["the publish step passes a `password` (an API token), and an explicit password disables Trusted Publishing "
            "(pypa/gh-action-pypi-publish uses it only when `password` is empty) and with it the attestations; keep "
            "one of the two: for Trusted Publishing remove `password:` (and `user:`) from the step, give that job "
            "`permissions: id-token: write` and register the publisher on PyPI (`migrate to-oidc` does all three); to "
            "keep the token, set `attestations: false` on the step and drop `id-token: write`, which a token does not "
            "need"]


# a text that says the uploader (its call, version or dependencies) did not change before the failure
UNCHANGED_SAID = re.compile(r"\b(?:neither|nor|nothing|none)\b[^.]{0,80}?\b(?:has|have|had|was|were)?\s?(?:not\s)?changed\b|"
                            r"\b(?:twine|uploader|invo\w{1,8}|dependenc\w{1,4}|versions?|setup|workflow|config\w{0,9})\b"
                            r"[^.]{0,40}?\b(?:has|have|had|did|does|was|were)(?:n[’']t|\snot)\s(?:been\s)?changed\b|"
                            r"\bsame (?:twine|uploader|command|invocation|versions?|setup|workflow)\b[^.]{0,40}?\b(?:worked|"
                            r"work(?:s|ed)? (?:before|yesterday|last))\b", re.I)


def _upload_form(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    field = re.search(r"\b" + log_patterns.FILE_PARTS + r": Should not be a tuple\b", text)
    name = field.group(0).split(":")[0] if field else "gpg_signature"
    out = [f"PyPI refused `{name}` as a file part (`Should not be a tuple`), yet it takes `{name}` only as one: its own "
           "check of the upload form went wrong, as in its regression of signed uploads in 2018 (pypi/warehouse#3059, "
           "fixed on PyPI's side); the files and the credentials are not in question"]
    if UNCHANGED_SAID.search(text):
        out[0] += ", and the log says the uploader and its dependencies did not change"
    out.append("report it at https://github.com/pypi/warehouse/issues (with the uploader's version) and re-run once it is "
               "fixed; meanwhile " + ("upload without `--sign` / `-s` (PyPI has kept no signatures since 2023)"
                                      if name == "gpg_signature" else "upload the same files with another uploader")
               + "; only if the uploader changed since the last good upload, go back to the release that worked")
    return out


_WHEEL_NAME = re.compile(r"\b([A-Za-z0-9_.]{1,100}?)-(\d[\w.+]{0,40}?)-(?:\d\w{0,10}-)?[\w.]{1,40}-[\w.]{1,40}-[\w.]{1,200}\.whl\b")


def _uploader_broken(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    option = log_uploaders.GPG_OPTION_AS_FILE.search(text)
    if option and scan.findings[0].fix == log_uploaders.GPG_ORDER_FIX:
        return [f"`{option.group(0)}`: gpg was handed one of its own options as the file to sign, so the uploader that "
                "ran it put the option after the file name (twine 1.6.0 did so with `--local-user` for `--identity`; "
                "1.6.1 fixed it); nothing reached PyPI. " + log_uploaders.SIGN_DROP + ", or upgrade the uploader"]
    if re.search(r"POST body may not contain duplicate keys", text):
        tool = next((t for t in ("maturin", "poetry", "hatch", "flit", "pdm", "uv", "twine")
                     if re.search(rf"\b{t}\b", text, re.I)), "the uploader")
        return [f"PyPI could not read the upload request itself (`POST body may not contain duplicate keys`): "
                f"{tool} sent a form field twice, a bug of {tool} and not of the package or the credentials; use a "
                f"release of {tool} without it (the one the last good upload used, or a later fixed one) or upload the "
                "same files with `twine upload`"]
    if log_servers.REGISTER_RETIRED.search(text):
        relay = _relayed_by(text)
        return ["PyPI answered 410 to a `register` call: PyPI retired that API (\"Project pre-registration is no longer "
                "required or supported\"), a new project is created by its first upload; "
                + (f"the 410 came back through {relay}, which still calls `register` before uploading: upgrade {relay} "
                   "to a release that no longer does, or upload the same files with `twine upload` or `uv publish`"
                   if relay else "drop the `register` step (`twine register`, `setup.py register`) and upload the files "
                   "(`twine upload dist/*`); a tool that calls it itself is too old: upgrade it, or upload with twine "
                   "or uv")]
    if re.search(r"Uploading documentation is no longer supported", text):
        return ["PyPI answered 410 to a documentation upload (`setup.py upload_docs`, an old `twine`/`flit` docs step): "
                "PyPI hosts no documentation any more; drop that step from the release and publish the docs elsewhere "
                "(Read the Docs, GitHub Pages); the package upload is not affected"]
    tuple_field = re.search(r"\b([a-z_]{2,40}): Should not be a tuple\b", text)
    if tuple_field:
        head = (f"PyPI could not read the upload request: the form field `{tuple_field.group(1)}` came as a file part "
                "(`Should not be a tuple`), where PyPI takes only text; it is not the package")
        if UNCHANGED_SAID.search(text):
            return [head + "; the log says the uploader and its dependencies did not change since the last good "
                    "upload, so the change may be on PyPI's side: check https://github.com/pypi/warehouse/issues and "
                    "re-run later, or upload the same files with another uploader (`twine upload`, `uv publish`)"]
        return [head + ": the uploader sent it so; use the release of the uploader the last good upload used, or "
                "upload the same files with `twine upload`"]
    if re.search(r"Upload payload does not have a file\.|\b400 Unknown protocol version\b", text):
        return ["PyPI could not read the upload request (no file in it, or a protocol version it does not know): a bug "
                "of the uploader or of a proxy that rewrote the request, not of the package; upload the same files "
                "with a released twine or uv"]
    if re.search(r"unexpected keyword argument '?gen_setup_py", text):
        return ["the flit CLI passes `gen_setup_py` to flit_core's sdist builder, which the installed flit_core no "
                "longer takes: the flit CLI and flit_core are of different major versions (flit 3 with flit_core 4); "
                "install both at the same major (`pip install 'flit>=4'` next to flit_core 4, or pin `flit<4` with "
                "`flit_core<4`, in the job and in `[build-system] requires`)"]
    if log_servers.MATURIN_MIXED.search(text):
        names = {(m.group(1).lower().replace("-", "_"), m.group(2)) for m in _WHEEL_NAME.finditer(text)}
        one = (f"every file the log lists is `{next(iter(names))[0]}` {next(iter(names))[1]}, one package: "
               if len(names) == 1 else "")
        return [f"{one}maturin refused the upload as files of different packages (`Caused by: Attempting to upload "
                "wheel and/or source distribution files that belong to different python packages`) before anything reached "
                "PyPI: maturin 0.10.3 and 0.10.4 took one package's wheels whose metadata is not identical across them "
                "(built on different platforms) for different packages, fixed in 0.10.5 (PyO3/maturin#544); upgrade "
                "maturin or upload the same files with `twine upload` / `uv publish`"]
    call = log_uploaders.INTERNAL_CALL.search(text)
    if call and log_uploaders.RELEASE_TOOL.search(text):
        tool = "python-semantic-release" if "semantic" in log_uploaders.RELEASE_TOOL.search(text).group(0).lower() \
            else "zest.releaser"
        return [f"`{call.group(0)}` is {tool} calling twine's `upload()` function directly with the arguments of an "
                "older twine: that function is twine's internal code, not an API, and a twine release changed it; "
                f"nothing reached PyPI. Upgrade {tool} to a release that matches the installed twine, or pin twine "
                f"back to the release {tool} was written for in the release environment"]
    rollback = log_uploaders.SAID_ROLLBACK.search(text)
    if rollback and log_uploaders.DROPPED.search(text) and not log_uploaders.NOT_REACHED.search(text):
        dropped = (re.search(r"BadStatusLine|RemoteDisconnected|Connection reset by peer", text)
                   or log_uploaders.DROPPED.search(text)).group(0)
        return [f"the server dropped the connection after the request was sent (`{dropped}`): the index was reached, so "
                f"the network is not the cause; the log says going back to {rollback.group(1)} fixes it, so a newer "
                "release of a library the uploader sends with (requests, requests-toolbelt, urllib3) broke the request "
                f"body: keep {rollback.group(1)} where the upload runs until twine and requests-toolbelt have releases "
                "that work with the newer one, then upgrade them together"]
    type_error = log_uploaders.TYPE_ERROR.search(text)
    if type_error:
        out = [f"twine raised `{type_error.group(0)}` on the file before any request reached PyPI: an old twine (or old "
               "`pkginfo`/`requests-toolbelt` next to it, as in an old CI image) that cannot read what current build "
               "tools write; upgrade them where the upload runs (`pip install -U twine pkginfo requests-toolbelt`, or a "
               "current CI image), or use pypa/gh-action-pypi-publish, and re-run"]
        shown = _TWINE_VERSION.search(text)
        python = re.search(r"\bPython (3\.(?:[5-9]|1\d)(?:\.\d{1,2})?)\b", text)
        if type_error.group(0).endswith("buffer") and python:
            ran = f" (twine {shown.group(1)})" if shown else ""
            out.insert(0, "`expected string or buffer` is the wording of Python 2 (or 3.4 and older), yet the log shows "
                          f"Python {python.group(1)}: the `twine` that ran{ran} is another, older install on PATH (a "
                          "global or user one) that shadows the environment's; `which twine` names it: remove or upgrade "
                          "it, or run `python -m twine upload dist/*` with the Python whose twine is current")
        elif shown:
            out.insert(0, f"the log shows twine {shown.group(1)}: if a newer twine is installed, the `twine` on PATH is "
                          "another, older install that shadows it (`which twine`); run `python -m twine upload dist/*` "
                          "from the environment that has the new one")
        return out
    key = re.search(r"KeyError: '([\w-]{1,40})'", text)
    if not key and re.search(r"pypa/twine/issues/1125\b|\btwine#1125\b", text, re.I):
        return ["the log points at pypa/twine#1125: twine 5.1.0 and older fail at import with importlib-metadata 8 "
                "(June 2024), fixed in twine 5.1.1; `pip install -U 'twine>=5.1.1'` in the job (a pinned old "
                "pypa/gh-action-pypi-publish: move to `release/v1`), or pin `importlib-metadata<8` if twine must stay old"]
    what = f"`KeyError: '{key.group(1)}'`" if key else "the crash"
    return [f"{what} is raised inside twine's own `__init__.py` while it imports: twine 5.1.0 and older with "
            "importlib-metadata 8 (June 2024); `pip install -U 'twine>=5.1.1'` in the job, or pin "
            "`importlib-metadata<8` if twine must stay old"]


_UNATTESTED = re.compile(r"Upload with attestations requested, but (\S{1,300}) has no associated attestations")


def _attestation_missing(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    m = _UNATTESTED.search(_text(scan))
    name = f"`{m.group(1)}`" if m else "the file named"
    return [f"{name} was not attested: the action attests only `.whl` and `.tar.gz` files; drop other formats from "
            "the upload folder (a `.zip` sdist: build `.tar.gz` only), or set `attestations: false`"]


_BUILD_CONFIG = re.compile(r"Build Config URI\W{0,5}(?:\S{0,300}?/)?([\w.-]{1,200}\.ya?ml)\b.{0,300}?does not match "
                           r"expected Trusted Publisher\W{0,5}(?:\S{0,300}?/)?([\w.-]{1,200}\.ya?ml)\b")


_ATTESTATION_PUBLISHER = re.compile(r"Attestations are not currently supported with (\w{1,40}) publishers")
_SUBJECT = re.compile(r"subject does not match distribution (name|digest)")


def _attestation_check(text: str) -> Optional[str]:
    """What PyPI's check of the attestations refused, besides the certificate's workflow (warehouse
    attestations/services.py parse_attestations, pypi-attestations' verify)."""
    kind = _ATTESTATION_PUBLISHER.search(text)
    if kind:
        return (f"PyPI takes attestations only from GitHub and GitLab publishers, and this upload's Trusted Publisher is "
                f"a {kind.group(1)} one: upload without them (`attestations: false`, no `--attestations`, uv "
                "`--no-attestations`)")
    subject = _SUBJECT.search(text)
    if subject:
        return (f"the attestation was made for another file than the one uploaded (its {subject.group(1)} differs): the "
                "file was rebuilt or changed after it was attested, or an old `<file>.publish.attestation` was left next "
                "to a new build of the same name; delete the `*.attestation` files, attest the files in the job that "
                "uploads them, and upload them unchanged")
    if re.search(r"Malformed attestations|Attestation with unsupported predicate type|Multiple attestations for the same "
                 r"file|A maximum of \d{1,3} attestations per file", text):
        return ("the attestation files sent with the distributions are not ones PyPI takes (malformed, of an unknown "
                "kind, or two of one kind for a file): twine and uv upload every `<file>.*.attestation` they find next "
                "to it, so stray ones (an earlier run's, another tool's, a copy) go along; keep only the "
                "`.publish.attestation` the publish step writes, or upload without attestations")
    return None


def _invalid_attestations(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    if re.search(r"Unknown error while trying to verify included attestations", text):
        return ["`Unknown error while trying to verify` is PyPI failing to verify the attestation on its side, not a "
                "mismatch of the workflow: re-run later or report it at https://github.com/pypi/warehouse/issues; "
                "`attestations: false` lets the upload through meanwhile"]
    out = []
    pair = _BUILD_CONFIG.search(text)
    if pair:
        signed, expected = pair.group(1), pair.group(2)
        out.append(f"the attestations were signed by `{signed}` (the workflow the run started from) while the publisher "
                   f"names `{expected}`: a job defined in a called (reusable) workflow signs as its caller; publish from "
                   f"`{signed}` itself and register `{signed}`, or set `attestations: false` on the step")
    reusable = sorted({f.file for f in facts if f.reusable and f.trusted_envs})
    if not pair and (reusable or _REUSABLE_SAID.search(text) or re.search(r"Build Config URI|policies succeeded", text)):
        out.append("the attestation is signed by the workflow that ran, and PyPI checks it against the registered "
                   "publisher: from a reusable workflow the two differ; publish from the calling workflow, or set "
                   "`attestations: false`")
    if re.search(r"only supported when\W{0,5}using Trusted Publishing", text):
        out.append("attestations are accepted only with Trusted Publishing: drop them (`attestations: false`, or no "
                   "`--attestations`) when uploading with a token")
    own = _attestation_check(text)
    if own and not pair:
        return [own]
    if not out and log_said.SAID_ATTESTATION_FAILED.search(text):
        out.append("the log says PyPI did not verify the attestations: each is signed by the workflow that ran and "
                   "checked against the registered trusted publisher, so a publisher that names another workflow (a "
                   "reusable one, a renamed file) fails them; set `attestations: false` on the publish step, or "
                   "publish from the workflow the publisher names")
    return out


_ATTESTATION_FILE = re.compile(r"([^'\s/]{1,300})\.publish\.attestation\b")


def _attestation_exists(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    m = _ATTESTATION_FILE.search(_text(scan))
    if not m and "already ha" not in _text(scan) and re.search(r"\battestation", _text(scan), re.I):
        return ["the log says an attestation was used for a second upload: pypa/gh-action-pypi-publish writes "
                "`<file>.publish.attestation` next to each file it uploads and leaves it there, so a second upload from "
                "the same folder in the same job (PyPI after TestPyPI) sends or trips over the first one's attestations: "
                "give each index its own job, delete `*.publish.attestation` before the second upload, or set "
                "`attestations: false` on the first"]
    if not m or "already ha" in _text(scan):
        return []
    return [f"`{m.group(1)}.publish.attestation` is the attestation an earlier call of pypa/gh-action-pypi-publish wrote "
            "next to the file (a second upload step on the same folder, such as PyPI after TestPyPI, or an artifact "
            "that carried it along); the second call's metadata check read it as a distribution: give each index "
            "its own job, delete `*.publish.attestation` from the folder before the second call, or set "
            "`attestations: false` on the first"]


_WASM_TAG = re.compile(r"unsupported platform tag '((?:emscripten|pyodide|wasi)\w{0,60})'", re.I)
_LINUX_WHEEL = re.compile(r"-(linux_\w{1,40})\.whl\b")
_LINUX_TAG_SAID = re.compile(r"(?<![\w-])(linux_(?:x86_64|aarch64|i686|armv7l|ppc64le|s390x))\b")


_WASM_LEAVE_OUT = ("leave it out of the upload (publish it with the GitHub release instead) and upload the other wheels "
                   "and the sdist; PyPI takes WebAssembly wheels only under PEP 783's `pyemscripten_<year>_<n>_wasm32` "
                   "tag (since April 2026)")


def _platform_tag(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    wasm = _WASM_TAG.search(text)
    if wasm:
        return [f"`{wasm.group(1)}` is a WebAssembly (Emscripten/Pyodide) wheel, which PyPI does not take under that "
                f"tag: {_WASM_LEAVE_OUT}"]
    if not log_files.REFUSED_TAG.search(text):  # a bare 400 that answered a WebAssembly wheel
        wheels = WASM_WHEEL.findall(text)
        if wheels:
            return [f"PyPI's 400 came while uploading `{wheels[-1]}`, a WebAssembly wheel whose tag PyPI refuses (the "
                    f"log does not print PyPI's reason, `verbose: true` shows it): {_WASM_LEAVE_OUT}"]
        if re.search(r"\b(?:wasm|wasm32|webassembly|emscripten|pyodide)[- ]wheels?\b|(?<![\w-])(?:pyodide|emscripten)_"
                     r"[\w*.]{1,40}", text, re.I):
            return ["the log reports the 400 for WebAssembly wheels: PyPI refuses wheels tagged `emscripten_*` or "
                    "`pyodide_*`; leave them out of the upload (filter `dist/` before the publish step), or build them "
                    "with PEP 783's `pyemscripten_<year>_<n>_wasm32` tag, which PyPI takes since April 2026"]
    refused = log_files.REFUSED_TAG.search(text)
    if refused and platform_tags.taken_now(refused.group(1)):
        when = platform_tags.added_when(refused.group(1))
        return [f"PyPI takes `{refused.group(1)}` today: " + (f"its list of accepted platform tags gained it in {when}, "
                "so this refusal is from before that (or from an index with an older list)" if when else "it is on its "
                "list of accepted platform tags, so this refusal came from an older list (an old log, or another "
                "index)") + "; nothing in the wheel or the workflow needs changing: upload "
                "the same wheel again (re-run the publish, with `skip-existing` if the other files went up)"]
    m = refused or _LINUX_WHEEL.search(text) or _LINUX_TAG_SAID.search(text)
    macos = re.fullmatch(r"macosx_(\d+)_(\d+)_(\w+)", refused.group(1)) if refused else None
    if macos:
        return [f"`{refused.group(1)}` is a wheel for macOS {macos.group(1)}.{macos.group(2)} on `{macos.group(3)}`: PyPI "
                "checks macOS tags against the versions and architectures it knows, and a macOS release newer than "
                "that list is refused until PyPI adds it (report it at https://github.com/pypi/warehouse/issues); a "
                "wheel built for an older `MACOSX_DEPLOYMENT_TARGET` uploads now and runs on the newer macOS too"]
    if refused and not refused.group(1).startswith("linux_"):
        return []  # the refused tag is named: the finding's fix says what to do about it
    if m and m.group(1).startswith("linux_"):
        return [f"`{m.group(1)}` is the tag of a wheel built on a plain Linux host: build the Linux wheels with "
                "cibuildwheel or in a manylinux image (or `auditwheel repair` them), or upload only the sdist; where "
                "manylinux wheels are built too, leave the plain `linux_*` wheels out of the files uploaded (a glob "
                "such as `*-manylinux*.whl`, with its dash, not `*manylinux*.whl`, or delete them from dist/ before the "
                "upload)"]
    if log_said.SAID_MISNAMED_WHEEL.search(text) and not log_said.SAID_PLATFORM.search(text):
        return ["the log says the upload failed at a misnamed (or mistagged) wheel: a wheel PyPI does not take went "
                "into the files uploaded (a test build's wheel, a plain `linux_*` wheel built outside manylinux, a "
                "renamed file); leave it out of the upload (upload only the cibuildwheel/manylinux wheels and the "
                "sdist), or build it under a tag PyPI takes; if files before it were uploaded, re-run with "
                "`skip-existing: true`"]
    if log_said.SAID_PLATFORM.search(text) and not re.search(r"\blinux\b|manylinux", text, re.I):
        return ["the log says PyPI refused a wheel's platform tag without naming it: PyPI takes Linux wheels only under "
                "a manylinux or musllinux tag (build them with cibuildwheel or in a manylinux image, or `auditwheel "
                "repair` them) and no WebAssembly wheels tagged `emscripten_*` or `pyodide_*` (leave those out of the "
                "upload); `verbose: true` or `twine upload --verbose` prints the refused tag"]
    if log_said.SAID_PLATFORM.search(text):  # a sentence tells of a refused platform tag without naming one
        return ["PyPI takes Linux wheels only under a manylinux or musllinux tag: build them with cibuildwheel or in a "
                "manylinux image (or `auditwheel repair` them), or upload only the sdist"]
    return []


_SETUP_VERSION = re.compile(r"The version '([\d.]{1,10})' with architecture '\w{1,10}' was not found for ([\w .]{1,30}?)\.?$",
                            re.M)


def _python_setup(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = "\n".join(t for _, t in scan.cleaned)
    version = _SETUP_VERSION.search(text)
    if version and re.fullmatch(r"3\.[12]", version.group(1)):
        return [f"`{version.group(1)}` is how YAML reads an unquoted `{version.group(1)}0` (a number): quote the version "
                f"in the workflow (`python-version: \"{version.group(1)}0\"`)"]
    if version:
        return [f"actions/setup-python has no Python {version.group(1)} for {version.group(2).strip()}: ask for a "
                "version that image offers, or pin an older image that has it (`runs-on: ubuntu-22.04`), as "
                "`ubuntu-latest` moves"]
    if re.search(log_patterns.TLS_TOO_OLD, text, re.I):
        return ["the index refused the TLS handshake (`TLSV1_ALERT_PROTOCOL_VERSION`): the Python that ran the upload "
                "has an ssl module that cannot speak TLS 1.2, which PyPI requires (an old OpenSSL, as on old macOS "
                "system Pythons); the URL and the credentials are not in question: upload from a current Python "
                "(check with `python -c \"import ssl; print(ssl.OPENSSL_VERSION)\"`, 1.0.1 or later)"]
    if "externally-managed-environment" in text:
        return ["the runner's system Python is marked externally managed (PEP 668, ubuntu-24.04 and later): install "
                "into a virtual environment (`python -m venv .venv`), into a Python from actions/setup-python, or with "
                "pipx; `--break-system-packages` only as a last resort"]
    if re.search(r"\buv\b", text):
        return ["the environment the step runs in has no pip: uv's virtual environments come without it, so "
                "`python -m build` and `python -m pip` fail there; build with `uv build` (upload with `uv publish`), or "
                "add pip to it (`uv pip install pip`, `uv venv --seed`)"]
    return ["the environment the step runs in has no pip (conda environments and uv's virtual environments may come "
            "without it): install it there first (`conda install pip`, `python -m ensurepip`), or use the tool's own "
            "command (`uv build`)"]


def _container(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    if re.search(r"docker: command not found|File not found: '?docker", _text(scan)):
        return ["the runner has no `docker`: run the publish job on a GitHub-hosted `ubuntu-*` runner (download the "
                "built files there as an artifact), or upload with `twine`/`uv publish` on this runner"]
    return []


def _secret_empty(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    out = []
    if re.search(r"Failed to get PyPI token via OIDC", _text(scan)):
        return ["pdm found no username and password, tried Trusted Publishing, and the exchange failed without saying "
                "why (`Failed to get PyPI token via OIDC`; pdm prints no reason): for a token, set "
                "`PDM_PUBLISH_USERNAME=__token__` and `PDM_PUBLISH_PASSWORD` from a secret that exists where the job "
                "can read it; for Trusted Publishing, compare the publisher on PyPI with the workflow (owner, repository, "
                "workflow file name, environment), or let `uv publish --trusted-publishing always` or twine make the "
                "exchange once, which print PyPI's reason"]
    named = sorted({f"`secrets.{s.secret}`" for _, s in _token_steps(facts) if s.secret})
    if named:
        out.append(f"the step passes {', '.join(named)} as the password, yet it was empty in this run: the secret is "
                   "unset, misnamed, or not available to the job (an environment's secret while the job names another "
                   "or none, a pull request from a fork, a reusable workflow called without `secrets: inherit`)")
    else:
        out.append("if the job was meant to use a token: the secret behind `password` was empty in this run (unset, "
                   "misnamed, an environment's secret the job cannot read, a fork, a reusable workflow without "
                   "`secrets: inherit`)")
    out.append("if it was meant to use Trusted Publishing: the error lines after `Trusted publishing exchange failure` "
               "name what failed; without them, check `id-token: write` on the job and the publisher on the index")
    return out


# the writer telling that the account made the project ("I registered …/pypi/vat_moss via the website", "created the
# package via the website", "I own the project")
_OWNER_SAID = re.compile(r"\bI(?:[’']ve| have)?\s(?:\w+\s)?(?:registered|created|own|made)\s(?:the\s|this\s|my\s)?"
                         r"(?:package|project|name|https?://\S{1,200}|pypi\.\S{1,200})", re.I)


def _not_owned(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    given = re.search(r"The given token isn't allowed to upload to project '([^']{1,200})'", text)
    if given:  # no user behind the token: a Trusted Publishing token that passed the publisher check
        return [f"the token is a Trusted Publishing token (no user behind it) of a publisher registered on "
                f"`{given.group(1)}` (for another project PyPI says `OIDC scoped token is not valid`): PyPI refuses it "
                "when the project is archived or quarantined; an owner unarchives it in the project's settings "
                "(a quarantine is lifted only by PyPI's admins), then re-run"]
    m = _NAME.search(text) or re.search(r"not allowed to edit '([^']{1,200})' package information", text)
    name = next((g for g in (m.groups() if m else ()) if g), None)
    project = f"`{name}`" if name else "the project"
    spelled = sorted({n for n in _FILE_NAME.findall(text) if name and n != name and
                      re.sub(r"[-_.]+", "-", n).lower() == re.sub(r"[-_.]+", "-", name).lower()})
    owner_said = _OWNER_SAID.search(text)
    if not (owner_said and re.search(r"package information", text)):
        spelled = []  # today's PyPI names the project as registered, the files carry the normalised name: no clue
    if owner_said or spelled:
        out = []
        if spelled:
            out.append(f"PyPI's message names {project}, the log's files `{spelled[0]}`: the same project spelled "
                       "otherwise, so the uploader sent the name in another spelling than the one the project was "
                       "registered under (check this first): legacy PyPI compared the name as sent (a development "
                       "twine of 2015 sent the normalised name, pypa/twine#87); upload with the release of the uploader "
                       "the last good upload used, or through the web form meanwhile")
        if owner_said:
            out.append(f"the log says the account created or owns {project} (`{owner_said.group(0)}`), so it is not "
                       "the ownership that is missing: check that the credentials are that account's (a .pypirc "
                       "section or a token of another account), and that the name PyPI names is the project's")
        out.append(f"if the account is not an owner of {project}, an owner adds it as a maintainer, or a token of an "
                   "owner's account is used")
        return out
    out = [f"{project} exists on the index and the account behind the credentials is not one of its owners or "
           "maintainers (or the token is scoped to another project): an owner adds that account as a maintainer, or "
           "the credentials of an owner's account (a token scoped to the project) are used; a name that belongs to "
           "someone else needs another name in pyproject.toml"]
    if log_servers.NAME_HELD_NO_PAGE.search(text):  # the name's page told as not found: a project without releases
        out.insert(0, f"the text says {project} has no page on the index: a project without releases (never uploaded, "
                      "or all deleted) shows none but still holds the name for its owners; if they do not answer, "
                      "PyPI's admins can transfer an unused or abandoned name on a PEP 541 request "
                      "(https://github.com/pypi/support), else the distribution needs another name")
    if re.search(r"isn't allowed to upload to project", text):  # PyPI's wording since projects can be archived (2024)
        out.append(f"if the account is an owner of {project}, the project is archived (its owners archived it: unarchive "
                   "it in its settings) or quarantined by PyPI's admins, which refuses every upload")
    if _on_testpypi(text):
        out.insert(0, "the upload goes to TestPyPI, a separate site with its own accounts and projects: the account "
                      "the credentials are for must be the TestPyPI one (its username may differ from the PyPI one), "
                      f"and {project} on TestPyPI may belong to another account than on PyPI")
    return out


_AUDIENCE_MISMATCH = re.compile(r"Token audience claim mismatch \(expected ([\w.-]{1,60}), got ([\w.-]{1,60})\)")


def _gitlab_id_token(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    m = _AUDIENCE_MISMATCH.search(_text(scan))
    if not m:
        return []
    expected, got = m.groups()
    var = re.sub(r"[^A-Z0-9_]", "_", expected.upper()) + "_ID_TOKEN"
    return [f"the job declares `{var}` with `aud: {got}`, but the index asks for `{expected}`: declare it as `id_tokens: "
            f"{var}: aud: {expected}` (each index needs its own ID token: `PYPI_ID_TOKEN` with `aud: pypi`, "
            "`TESTPYPI_ID_TOKEN` with `aud: testpypi`)"]


def _token_refused(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    if re.search(r"invalid-reuse-token|invalid token: already used", text):
        return ["PyPI had already exchanged this OIDC token once: each token is good for one exchange; a step that "
                "retries the exchange with the token it already sent, or a script that mints one token and uses it for "
                "two uploads (PyPI then TestPyPI), is refused the second time: request a new token for each exchange "
                "(the publish action, twine and uv do), and re-run"]
    if re.search(r"malformed JWT", text):
        return ["what was sent as the OIDC token is no JWT: a script that requests the token by hand sent an empty or "
                "quoted variable, or the whole JSON answer of GitHub's token request instead of its `value`; send the "
                "token itself, or let the publish action, twine or uv make the exchange"]
    return ["PyPI could not verify the OIDC token: a token requested for another audience (by hand with `aud: pypi` and "
            "sent to TestPyPI, or the reverse), one that expired before the exchange (minted at the job's start and "
            "used minutes later), or one signed by an issuer whose keys PyPI lacks (GitHub Enterprise Server): request "
            "it right before the exchange with the audience the index's `/_/oidc/audience` gives (the publish action, "
            "twine and uv do), and re-run"]


def _ci_oidc(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    if re.search(r"after a successful Trusted Publishing Flow", text):
        return ["the Trusted Publishing exchange had worked; the failure came when pypa/gh-action-pypi-publish asked "
                "GitHub for a second token to sign the attestations: re-run the job; if it keeps failing there, "
                "`attestations: false` on the step lets the upload through"]
    code = re.search(r"OIDC token request failed \(code=(\d{3})", text)
    if code:
        return [f"GitHub's token service answered `{code.group(1)}` to the job's request for an OIDC token: that is "
                "its fault (an incident of Actions), not the job's permissions, which it would name: re-run the job "
                "later (https://www.githubstatus.com)"]
    return []


_UPLOADER_CONFIG = (
    (re.compile(r"`uv publish` does not support `--skip-existing`"),
     "uv has no `--skip-existing`: give it `--check-url https://pypi.org/simple/` (TestPyPI: "
     "`https://test.pypi.org/simple/`), which skips the files the index already has, or use "
     "pypa/gh-action-pypi-publish with `skip-existing: true`"),
    (re.compile(r"are not allowed when using trusted publishing"),
     "`--trusted-publishing always` (`UV_PUBLISH_TRUSTED_PUBLISHING=always`) forbids credentials, and the job also gives "
     "uv a token or password (`UV_PUBLISH_TOKEN`, `--token`, `UV_PUBLISH_USERNAME`/`UV_PUBLISH_PASSWORD`, the "
     "keyring): remove them for Trusted Publishing, or drop `--trusted-publishing always` to upload with the token"),
    (re.compile(r"Missing '([^']{1,100})' section from|Malformed configuration in"),
     "twine was told a repository name (`--repository`, `TWINE_REPOSITORY`) that the .pypirc it read does not define "
     "(twine knows `pypi` and `testpypi` without one, twine 1.8 to 1.11 `pypi` and `pypitest`): add that section to .pypirc, or give `--repository-url "
     "https://upload.pypi.org/legacy/` (TestPyPI: `https://test.pypi.org/legacy/`) instead"),
    (re.compile(r"Repository \S{1,100} is not defined"),
     "Poetry knows only `pypi` without configuration: define the repository first, `poetry config "
     "repositories.<name> <upload URL>` (TestPyPI: `https://test.pypi.org/legacy/`), and give its token as "
     "`POETRY_PYPI_TOKEN_<NAME>` (or `poetry config pypi-token.<name> …`)"),
    (re.compile(r"Missing repository config of"),
     "pdm knows no repository of that name: define it (`pdm config repository.<name>.url <upload URL>`), or pass the "
     "upload URL itself to `--repository`"),
    (re.compile(r"Index not found: `|Index is missing a publish URL: `|No indexes were found, can't use index"),
     "`uv publish --index <name>` needs a `[[tool.uv.index]]` of that name with a `publish-url` in pyproject.toml "
     "(TestPyPI: `publish-url = \"https://test.pypi.org/legacy/\"`); add it, or give `--publish-url` instead"),
    (re.compile(r"does not have support for the following features: --skip-existing"),
     "twine 6.2 and later take `--skip-existing` only for PyPI and TestPyPI (another index's answers to an existing file "
     "differ): drop it for this index, or pin `twine<6.2` where a re-run must skip existing files there"),
    (log_uploaders.GPG_FAILED,
     "gpg could not sign the files for the upload's `--sign` (`twine upload --sign`, `setup.py upload -s`) (no key, no passphrase where nobody can type one, a file it "
     "could not open): " + log_uploaders.SIGN_DROP),
    (re.compile(r"InvalidSigning(?:Executable|Configuration)"),
     "`twine upload --sign` needs gpg (and `--identity` with it); PyPI ignores signatures since 2023: drop `--sign`"),
    (re.compile(r"Publishing a package is not possible in non-package mode"),
     "pyproject.toml sets `package-mode = false` under `[tool.poetry]`: Poetry builds and publishes nothing in that mode; "
     "remove it (the project then needs a name and a version) to publish"),
    (re.compile(r"Publisher is disabled: \w"),
     "the project's hatch config disables the publisher (`disable = true` under `[tool.hatch.publish.index]`, a guard "
     "against accidental uploads) and nothing confirmed it: run `hatch publish -y` in the release job"),
    (re.compile(r"Use either FLIT_INDEX_URL or --repository, not both"),
     "flit got the index twice, as `FLIT_INDEX_URL` and as `--repository`: keep one of the two"),
    (re.compile(r"can't be set both in the publish URL and in the CLI"),
     "the publish URL carries a username or password and the command gives another: keep one of the two"),
)


_USAGE = re.compile(r"(?:(?<![\w-])|(?<=\\n))(twine|flit)((?: [a-z]{2,12})?): error: (.{1,200}?)(?=\\n|['\"]\)|$)", re.M)


def _usage(text: str) -> List[str]:
    """The uploader's argument parser refusing its command line: what it asked for, said as the command to give."""
    m = _USAGE.search(text)
    if not m:
        if re.search(r"\berror: unexpected argument '", text):
            return ["`uv publish` refused an option it does not have (its usage line follows the error): check the "
                    "command against `uv publish --help` (twine's `--skip-existing` is uv's `--check-url`, twine's "
                    "`--repository-url` is uv's `--publish-url`)"]
        return []
    tool, sub, said = m.group(1), m.group(2).strip(), m.group(3).strip()
    head = (f"`{tool}{' ' + sub if sub else ''}` refused its own command line before sending anything (`{said}`): the "
            "credentials and the files are not in question; ")
    if re.search(r"required: (?:dist|dists)\b", said):
        return [head + f"give `{tool} upload` the files to upload, `{tool} upload dist/*` (a pattern that matches "
                "nothing is passed on unexpanded by a shell, and by a script without one)"]
    if re.search(r"required: command", said):
        return [head + f"{tool} got no subcommand: the command must read `{tool} upload [options] dist/*`, with the "
                "options after `upload`; a script that runs it must pass each argument separately (a list, not one "
                "string, and no options before the subcommand)"]
    if re.search(r"unrecognized arguments", said):
        return [head + f"remove or move the options it names: the options of `{tool} upload` (`--repository`, "
                "`--config-file`, `--skip-existing`, …) go after `upload`; check them against "
                f"`{tool} upload --help` for the version installed"]
    return [head + f"give the command the arguments `{tool} {sub or 'upload'} --help` lists"]


def _config_said(text: str) -> List[str]:
    """The uploader's configuration told in sentences: an option in the wrong place, a .pypirc of an old format."""
    out = []
    if log_said.SAID_OPTION_ORDER.search(text):
        out.append("the log says an option of the uploader was given in the wrong place: twine's options (`--config-file`, "
                   "`--repository`, `--skip-existing`, …) belong to its subcommand and go after it, `twine upload "
                   "--config-file .pypirc dist/*`; before `upload` twine refuses them as its own usage error")
    if log_said.SAID_PYPIRC_FORMAT.search(text):
        out.append("the log says the .pypirc is of an old or broken format: twine reads sections named after the "
                   "repository, `[pypi]` (and `[testpypi]`) with `username = __token__` and `password = <API token>`, "
                   "listed under `index-servers` in `[distutils]` when the file has one; the old `[server-login]` "
                   "section is not read; or pass the token as `TWINE_PASSWORD` with no .pypirc at all")
    return out


_MISSING_SECTION = re.compile(r"Missing '[^']{1,100}' section from")
_TOX_RAN = re.compile(r"\btox -e\b|[/\\]\.tox[/\\]|\btox\b[^\n]{0,40}\brun-test\b|^\S{1,60} run-test: commands\[", re.M)


def _uploader_config(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = _text(scan)
    raw = "\n".join(t for _, t in scan.cleaned)
    lost = log_said.URL_VALUE_LOST.search(raw)
    if lost:
        value = lost.group(2) if len(lost.group(2)) <= 60 else "…" + lost.group(2)[-40:]
        return [f"the command that ran reads `{lost.group(1)} {value}`: the upload URL was dropped before the command "
                f"ran (an action's `args` passed on without it), so `{value}` took its place and the uploader failed on "
                "that (maturin's `relative URL without a base`, then `Credentials not found`), not on the token: write "
                f"the option and its URL as one word, `{lost.group(1)}=https://test.pypi.org/legacy/`, or set the URL "
                "through the tool's variable (`MATURIN_REPOSITORY_URL`, `TWINE_REPOSITORY_URL`, `UV_PUBLISH_URL`)"]
    usage = _usage(raw)
    if usage:
        return usage
    shown = log_uploaders.uv_index_shown(raw)
    if shown is not None:
        name = log_uploaders.UV_INDEX_REFUSED.search(raw).group(1)
        return [f"the pyproject.toml in the log defines the index `{name}` with a `publish-url`, so the configuration "
                "looks right: " + ("uv releases before 16 December 2024 ignored indexes marked `explicit = true` when "
                                   "publishing (astral-sh/uv#9932); upgrade uv, or meanwhile give `--publish-url` (and "
                                   "`--check-url`) instead of `--index`" if shown else
                                   "check that `uv publish` runs in that file's directory (or give `--directory`), or "
                                   "give `--publish-url` instead of `--index`")]
    said = [advice for rx, advice in _UPLOADER_CONFIG if rx.search(text)][:1]
    if said and _MISSING_SECTION.search(text) and _TOX_RAN.search(text) and re.search(r"\bTWINE_\w{3,20}=", text):
        # TWINE_* given where tox was called: tox's clean environment kept them from twine
        said.insert(0, "tox runs its commands in a clean environment: the `TWINE_*` variables set where tox was called "
                       "(the repository URL, user, password) do not reach twine, which then looks the repository name "
                       "up in ~/.pypirc; let them through in tox.ini's publish environment (`passenv = TWINE_*`, tox 4: "
                       "`pass_env`)")
    if said:
        return said
    return _config_said(text)


# findings of a refused or failed exchange that compared no publisher: the claims it printed say nothing of the cause
_NO_PUBLISHER_COMPARED = {"log-trusted-publishing-disabled", "log-unknown-issuer", "log-oidc-token-refused",
                          "log-pull-request-target", "log-name-not-allowed", "log-uploads-disabled", "log-rate-limited",
                          "log-server-error", "log-no-trusted-publishing-index", "log-ci-oidc-unavailable",
                          "log-organization-inactive"}


# messages only older tools printed (legacy PyPI before 2018, warehouse before 2024, distutils' and setuptools' upload,
# twine 1.x-3.x): what each means where the finding's own advisor reads only today's wording (tests/logs/
# OLD-MESSAGE-SWEEP.md)
_OLD_WORDINGS = (
    ("log-uploader-config", re.compile(r"Missing 'pypi' section from the configuration file"),
     "`pypi` is twine's default repository, and twine before 1.12 took it from the .pypirc whenever one exists: the "
     ".pypirc it read (written by an earlier step, or left in the home directory) has no `[pypi]` section, or its "
     "`[distutils]` `index-servers` does not list `pypi`; add both, or upgrade twine (1.12 and later know PyPI's URL "
     "whatever the .pypirc holds) and pass the token as `TWINE_USERNAME=__token__` and `TWINE_PASSWORD`"),
    ("log-uploader-config", re.compile(r"Must use --sign for --identity to have meaning|\bsign must be given along "
                                       r"with identity\b"),
     "the upload was given `--identity` (`-i`) without `--sign` (`-s`), which it refuses before sending anything: "
     + log_uploaders.SIGN_DROP),
    ("log-invalid-distribution", re.compile(r"'(\d{1,2}\.\d{1,2})' is an invalid value for Metadata-Version|"
                                            r"\bmetadata_version: Use a known metadata version"),
     "PyPI did not take the file's Metadata-Version when it answered so (none after 2.0 until March 2018, none after "
     "2.1 until February 2024): the build backend writes a Metadata-Version newer than PyPI then accepted; build with a "
     "backend release that writes an older one (pinned in `[build-system] requires`), or upload again now that PyPI "
     "takes it"),
    ("log-invalid-distribution", re.compile(r"\bUnknown type of file\.|(?:\(400\)|\b400 Client Error):\s{0,3}Invalid "
                                            r"file type\b"),
     "PyPI refused the kind of file (its `filetype`): it takes wheels and sdists only (eggs until 2023), not "
     "`bdist_wininst` or `bdist_msi` installers, `bdist_rpm` or `bdist_dumb` archives (PEP 527): upload only "
     "`dist/*.whl dist/*.tar.gz`"),
    ("log-invalid-distribution", re.compile(r"\bClassifier '([^'\n]{1,200})' has been deprecated, see\b"),
     lambda m: f"the classifier `{m.group(1)}` is deprecated, and PyPI refuses deprecated classifiers on upload: replace "
               "it with the one https://pypi.org/classifiers/ lists in its place (a corrected spelling, a new license "
               "or framework classifier), rebuild and upload"),
    ("log-invalid-distribution", re.compile(r"Invalid version, cannot be parsed as a valid PEP 440 version"),
     "PyPI refused the version: it is no PEP 440 version (`N.N.N` with `aN`, `bN`, `rcN`, `.postN` or `.devN`; a date "
     "written with dashes, a commit hash or another word is none): make the build write a PEP 440 version, rebuild and "
     "upload"),
    ("log-sdist-filename", re.compile(r"The filename for '?([^'\"\n]{1,200}?)'? must start with "
                                      r"'?\"?([^'\"\n]{1,200}?)['\"]"),
     lambda m: f"the file's name must start with `{m.group(2)}`, the project's name `{m.group(1)}` as PyPI compared it "
               "then (case ignored, runs of characters other than letters, digits and `.` read as `-`): the file is of "
               "another project, was renamed, or its metadata names the project otherwise; upload the files as the "
               "build wrote them; a project whose name has a `.` that the wheel writes as `_` (as wheel names must) "
               "was refused by this check while the file was right, which PyPI's later check no longer does: re-run "
               "the upload"),
    ("log-name-not-allowed", re.compile(r"Package name conflicts with existing package '([^'\n]{1,200})'"),
     lambda m: f"a project `{m.group(1)}` exists already, with a name that differs from this one only in case or in "
               "`-`, `_` and `.` (PyPI takes them as one name): it is another project, with its own owners; choose "
               "another name in pyproject.toml, or upload under the existing project's name if it is yours"),
    ("log-name-not-allowed", re.compile(r"Invalid package name\. Names must|Package name '[^'\n]{1,200}' invalid\b"),
     "the name is not a valid project name (only ASCII letters, digits and `.`, `_`, `-`, starting and ending with a "
     "letter or digit; `requirements.txt` was refused too): fix `name` in pyproject.toml (or setup.py), rebuild and "
     "upload"),
    ("log-upload-form-refused", log_uploaders.SIGNATURE_REFUSED,
     "PyPI refused the PGP signature sent with the file (its `.asc`), not the file: it took only a small ASCII-armored "
     "detached signature, so a binary one (`gpg --detach-sign` without `--armor`) or another file given as the "
     "signature was refused; " + log_uploaders.SIGN_DROP + " and the `.asc` files"),
    ("log-no-distributions", log_said.BUILT_UNREGISTERED,
     lambda m: f"`{m.group(1)}` ran in the same command line as `upload`, so the upload did not run apart from its "
               f"build: `upload` sends the files the commands before it registered (distutils' `dist_files`), and "
               f"`{m.group(1)}` registered none, a bug of the package that provides it when it is not distutils' own "
               "(upgrade or patch it); PyPI takes only sdists and wheels (PEP 527 dropped `.msi` and `.exe` "
               "installers), so an installer is published elsewhere"),
    ("log-no-distributions", re.compile(r"No dist file created in earlier command|Must create and upload files in one "
                                        r"command"),
     "distutils' `setup.py upload` sends only the files built by the same command line (`setup.py sdist bdist_wheel "
     "upload`): run on its own it has nothing to send, whatever `dist/` holds; build and upload in the same command, or "
     "build with `python -m build` and upload with `twine upload dist/*` (setuptools 42 and later have no `upload`)"),
    ("log-uploader-missing", re.compile(r"The (?:upload|register) command has been removed, use twine\b"),
     "setuptools 42 (2019) and later have no `setup.py upload` or `setup.py register`: the command stops there and "
     "sends nothing; build with `python -m build` and upload with `twine upload dist/*` (or "
     "pypa/gh-action-pypi-publish); no register step is needed, PyPI creates the project on its first upload"),
    ("log-uploader-missing", re.compile(r"\berror: invalid command '(?:upload|register)'"),
     "the setuptools that ran has no `upload` or `register` command at all any more (setuptools 42 to its removal "
     "answered \"The upload command has been removed, use twine\"; now `setup.py` knows no such command): nothing was "
     "sent; build with `python -m build` and upload with `twine upload dist/*` (or pypa/gh-action-pypi-publish) in "
     "the release script or job that ran `setup.py upload`"),
)


def _old_wording(scan: LogScan) -> List[str]:
    """The advice for an older tool's message, where one names the first finding's cause."""
    text, first = _text(scan), scan.findings[0].pattern.id
    for fid, rx, advice in _OLD_WORDINGS:
        m = rx.search(text) if fid == first else None
        if m:
            return [advice(m) if callable(advice) else advice]
    return []


ADVISORS: Dict[str, Advisor] = {
    "log-token-rejected": _token, "log-file-exists": _exists, "log-sdist-exists": _sdist,
    "log-local-version": _local, "log-name-not-allowed": _name, "log-invalid-publisher": _publisher,
    "log-id-token-unset": _id_token, "log-uv-missing-credentials": _uv, "log-credential-missing": _missing,
    "log-email-unverified": _account("verify its primary email address", "Account settings: add or verify an email, "
                                     "then make it primary"),
    "log-two-factor-required": _account("enable two-factor authentication", "Account settings: add an authentication "
                                        "app or a security device"),
    "log-direct-dependency": _direct, "log-wrong-upload-url": _wrong_url, "log-project-not-owned": _not_owned,
    "log-bad-request": _bad_request, "log-invalid-distribution": _distribution_file,
    "log-description-invalid": _description, "log-metadata-unsupported": _metadata, "log-server-error": _server_error,
    "log-ssl-verify": _ssl, "log-network": _network, "log-no-distributions": _no_dists,
    "log-uploader-missing": _uploader, "log-attestations-ignored": _password_disables_tp, "log-nested-id-token": _nested, "log-token-permission": _token_permission, "log-action-bug": _action_bug,
    "log-action-ref-missing": _action_ref, "log-action-not-allowed": _action_not_allowed, "log-environment-refused": _environment, "log-tag-version-mismatch": _tag_version,
    "log-digest-mismatch": _digest, "log-sdist-filename": _sdist_filename, "log-uploader-broken": _uploader_broken,
    "log-attestation-missing": _attestation_missing, "log-attestation-exists": _attestation_exists, "log-invalid-attestations": _invalid_attestations,
    "log-unsupported-platform-tag": _platform_tag, "log-python-setup": _python_setup, "log-container-linux": _container, "log-secret-empty": _secret_empty,
    "log-rate-limited": _rate_limited, "log-gitlab-id-token-missing": _gitlab_id_token, "log-file-too-large": _too_large,
    "log-oidc-token-refused": _token_refused, "log-ci-oidc-unavailable": _ci_oidc, "log-uploader-config": _uploader_config,
    "log-upload-form-refused": _upload_form, "log-workflow-invalid": _workflow_invalid,
    "log-build-tool-missing": _build_tool, "log-uploader-dependency-conflict": _uploader_deps,
}


# a classifier written as two adjacent string literals, the first ending in its ` :: ` separator: Python joins them
# into one string (a comma missing, or a line split by hand), which is no classifier PyPI knows
_JOINED_CLASSIFIER = re.compile(r"(['\"])([A-Z][\w .+/-]{0,60}(?: :: [\w .+/()-]{1,60}){0,4} ::\s?)\1\s{0,40}(['\"])"
                                r"([A-Z][\w .+/()-]{0,60}(?: :: [\w .+/()-]{1,80}){1,5})\3")


def _joined_classifier(scan: LogScan) -> List[str]:
    """A second blocker the log shows beside another failure: a classifier split into two strings Python joins."""
    m = _JOINED_CLASSIFIER.search(_text(scan))
    if not m or scan.findings[0].pattern.id == "log-invalid-distribution":
        return []
    return [f"the log also shows a classifier written as two adjacent strings, `{m.group(1)}{m.group(2)}{m.group(1)} "
            f"{m.group(3)}{m.group(4)}{m.group(3)}`: Python joins them into `{m.group(2)}{m.group(4)}`, which is no valid "
            f"classifier, so PyPI refuses the upload for it as well: keep one full classifier (`'{m.group(4)}'`)"]


def advise(scan: LogScan, facts: List[Facts], ctx: claims_mod.Context) -> List[str]:
    """Advice for the most specific error found (claims are compared whenever the log prints them)."""
    if not scan.findings:
        return []
    advisor = ADVISORS.get(scan.findings[0].pattern.id)
    out = (_old_wording(scan) or (advisor(scan, facts, ctx) if advisor else [])) + _joined_classifier(scan)
    if scan.claims and scan.findings[0].pattern.id not in _NO_PUBLISHER_COMPARED and \
            not any(a in out for a in claims_mod.compare(scan.claims, ctx)):
        out += claims_mod.compare(scan.claims, ctx)
    return out
