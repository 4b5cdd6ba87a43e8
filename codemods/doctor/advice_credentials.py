"""The advice under a refused credential or publisher: a token PyPI refused, a Trusted Publishing exchange, an
account or project that refuses the uploader, a secret the job never got."""
from __future__ import annotations

import re
from typing import Dict, List

from codemods.doctor import claims as claims_mod, log_patterns, log_said, log_servers
from codemods.doctor.advice_base import (Advisor, FILE_NAME, FORK_SAID, NAME_REFUSED, NEWLINE_IN_SECRET,
                                         normalized_project, on_testpypi, REUSABLE_SAID, scan_text, steps_with_token,
                                         TESTPYPI_NAMED)
from codemods.doctor.facts import Facts
from codemods.doctor.logs import LogScan


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
    text = scan_text(scan)
    if log_servers.USERNAME_NOT_TOKEN_SAID.search(text):  # told: the username was wrong, the token was not
        return ["the log says the username must be `__token__`, not the account's own (check this first): PyPI takes "
                "an API token only under the username `__token__`, in lower case; the same token works once sent so, "
                "with no new token or stored secret to change"]
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
        repository = log_servers.poetry_repository("\n".join(t for _, t in scan.cleaned))  # the setting of the one used
        env = re.sub(r"\W", "_", repository).upper()
        out.append("the log is Poetry's: when no credentials are configured, Poetry sends none (it no longer prompts "
                   "for them), and PyPI answers that with this 403 (check this first): configure an API token for it, "
                   f"`poetry config pypi-token.{repository} <token>` or `POETRY_PYPI_TOKEN_{env}` from a secret in CI"
                   + (" (for another repository `POETRY_PYPI_TOKEN_<NAME>`)" if repository == "pypi" else "")
                   + ", or publish with Trusted Publishing")
        if any(f.pattern.id == "log-token-rejected" and log_servers.poetry_unconfigured(scan.cleaned, f.line)
               for f in scan.findings):
            return out + ["the upload went to TestPyPI: create the token on test.pypi.org (its own account)"] \
                if TESTPYPI_NAMED.search(text) else out  # none sent: no secret or stored token to check
    said = log_said.said_cause(scan.cleaned, text) if not out and not _REASON_403.search(text) else None
    if said and said[0] == "log-token-rejected" and not _BARE_403.search(text) and not _SECRET_SAID.search(text) \
            and not log_said.SAID_TOKEN_OTHER_PROJECT.search(text):  # another project's token told: not a new one
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
    steps = steps_with_token(facts)
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
    if not scoped and log_said.SAID_TOKEN_OTHER_PROJECT.search(text):  # told, not quoted
        out.append("the text says the upload used a token for another PyPI project (project-scoped tokens) (check this "
                   "first): the secret the workflow reads on that branch holds another project's token; point the step "
                   "on that branch at this project's secret (a release branch may lack a later change to the secrets), "
                   "rather than a new token in the same secret")
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
    if FORK_SAID.search(text):
        out.insert(0, "the log says the workflow ran on a fork (check this first): the main repository's secrets are "
                      "not given to a fork's runs, so no token reaches the upload there; run the "
                      "release only on the main repository: `if: github.repository == 'owner/name'` on the publishing job")
    typed_wrong = log_servers.SAID_LOGIN_WRONG.search(text) and log_servers.password_login(text)
    if log_servers.DISTUTILS_UPLOAD.search("\n".join(t for _, t in scan.cleaned)) and _REASON_403.search(text):
        out.insert(0, _DISTUTILS_NO_LOGIN + ", which PyPI refuses as invalid credentials" + (
            "" if typed_wrong else " (check this first)") + ": " + _DISTUTILS_FIX)
    if typed_wrong:  # the text's own reading leads: the login typed was wrong
        out.insert(0, "the log says the username or password entered was wrong (check this first): type them again, "
                      "and note that PyPI takes no account password for uploads since 2024: enter `__token__` as the "
                      "username and an API token as the password (or put them in ~/.pypirc's `[pypi]` section)")
    said_first = bool(out)
    projects = sorted({normalized_project(n) for n in FILE_NAME.findall(text)})
    if len(projects) > 1:
        out.append(f"the log uploads several projects ({', '.join(f'`{n}`' for n in projects)}): a token scoped to "
                   "one project cannot upload the others")
    if NEWLINE_IN_SECRET.search(text):
        out.append("the command line shows a newline after the masked password: the secret was stored with a "
                   "trailing newline; store it again without one (check this first)")
    elif re.search(r"Your password contains control characters", text):  # twine/utils.py get_userpass_value
        out.insert(0, "twine warned that the password contains control characters (check this first): the secret "
                      "holds the token with a newline or another invisible character pasted along (a copy with its "
                      "line end, `echo` without `-n`); store the token again without it")
        said_first = True
    if TESTPYPI_NAMED.search(text):  # told before the typed credentials: TestPyPI's own account is the likelier reason
        out.insert(0 if typed and not cased else len(out), "the upload went to TestPyPI: " + (
                   "a pypi.org username and password are refused there; register on test.pypi.org (its own account) "
                   "and make the token there" if log_servers.password_login(text) and not named else
                   "a pypi.org token is refused there; create the token on "
                   "test.pypi.org (its own account) and store it in the secret the TestPyPI step uses"))
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


_ACCOUNT = re.compile(r"User '([^']{1,200})'")


def _account(what: str, how: str) -> Advisor:
    """Advice for an account-level refusal (unverified email, no 2FA): which account, on which site."""
    def advisor(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
        text, out = scan_text(scan), []
        m = _ACCOUNT.search(text)
        site = "test.pypi.org" if on_testpypi(text) else "pypi.org"
        who = f"the account `{m.group(1)}`" if m else "the account named in the message"
        if m and log_servers.removed_account(text):  # told as removed: its token, not the account, is what to change
            return [f"the text says {who} is no longer a maintainer, yet PyPI names it: the token the job sends "
                    "was made by that account and still sits in the job's secret (a token outlives its maker's role); "
                    "replace it with a token of a current owner or maintainer, or publish with Trusted Publishing"]
        out.append(f"{who} on {site} must {what} ({how}); only its owner can do it, and the token or password the "
                   "job sends belongs to it" + ("; TestPyPI has its own accounts" if site == "test.pypi.org" else ""))
        if any(steps_with_token(facts)):
            out.append("until then, a token of another maintainer's account, or Trusted Publishing (`migrate to-oidc`), "
                       "avoids that account")
        return out
    return advisor


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
    text, out = scan_text(scan), []
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
    if re.search(r"You must be identified", text) and log_servers.DISTUTILS_UPLOAD.search("\n".join(t for _, t in scan.cleaned)):
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
    named = sorted({f"`{s.secret}`" for _, s in steps_with_token(facts) if s.secret})
    if not named:
        return out
    return out + [f"the job reads {', '.join(named)}: check that the secret exists under exactly that name where the job "
            "can read it (an environment secret needs the job's `environment:`; forks and reusable workflows "
            "called without `secrets: inherit` get none)"]


_CHECK_FAILED = re.compile(r"Check failed for required claim '([\w-]{1,40})'")
_QUOTED_WORKFLOW = re.compile(r"`(?:[^`\s]{0,200}/)?([\w.-]{1,100}\.ya?ml)(?:@[^`\s]{0,200})?`")
# the registered publisher's values written as `key=value` ("matches the registered publisher (`workflow=release.yml`,
# `environment=pypi`)"): what the publishing job must be in and name, not a shell option (`--environment=…`)
_PUBLISHER_VALUE = re.compile(r"(?<![\w-])(workflow|environment)\s?=\s?[\"'`]?([\w.-]{1,100}?\.ya?ml|[\w.-]{1,100})"
                              r"(?=[\"'`),;\s])", re.I)
_RENAMED = re.compile(r"`(?:[^`\s]{0,200}/)?([\w.-]{1,100}\.ya?ml)`\s{0,3}(?:to|->|→)\s{0,3}`(?:[^`\s]{0,200}/)?"
                      r"([\w.-]{1,100}\.ya?ml)`")
_NONE_REGISTERED = re.compile(r"\bno (?:trusted[- ]|pending )?publisher (?:entry )?(?:is |was |has been )?(?:registered|"
                              r"configured|set up|added)\b|\bhas no trusted[- ]publisher\b", re.I)
# a rename told as the fix ("Rename `a.yml` → `b.yaml` to match PyPI's trusted-publisher config", "renamed back to")
_RENAME_IS_FIX = re.compile(r"\bto match\b|\b(?:renam\w{0,4}|mov\w{1,3})\s(?:\w+\s){0,2}?back\b|\bback to\b", re.I)
_RENAME_SAID = re.compile(r"\brenam\w{0,4}\b|\bname of the workflow(?: file)?\b|\bchang\w{0,3} the (?:workflow )?"
                          r"(?:file ?)?name", re.I)


_WORKFLOW_REF_COMPARED = re.compile(r"The (job_workflow_ref|ci_config_ref_uri) claim does not match, expecting one of "
                                    r"\[([^\]]{1,600})\], got '([^']{1,300})'")


def _check_failed(scan: LogScan) -> List[str]:
    """PyPI's own reason for the refusal, when it names the claim it checked (`Check failed for required claim`, or
    the workflow reference it expected and the one it got, warehouse oidc/models github.py and gitlab.py)."""
    compared = _WORKFLOW_REF_COMPARED.search(scan_text(scan))
    if compared:
        claim, expected, got = compared.group(1), compared.group(2).split(",")[0].strip(" '\""), compared.group(3)
        if expected.lower() == got.lower():
            return [f"PyPI expected `{claim}` `{expected}` and got `{got}`: they differ only in letter case, which this "
                    "check counts: the publisher was registered with the owner or repository written otherwise; register "
                    "it again exactly as the repository's URL writes them"]
        return [f"PyPI names what it compared: the publisher gives `{expected}`, the token `{got}` for `{claim}`: make "
                "the publisher's owner, repository and workflow file match the token's (case counts), or publish from "
                "the workflow the publisher names"]
    m = _CHECK_FAILED.search(scan_text(scan))
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


def _said_none_registered(text: str) -> List[str]:
    """The text's own word that no publisher was ever registered: the cause before any claim's value."""
    if _NONE_REGISTERED.search(text) or log_said.SAID_PUBLISHER_MISSING.search(text):
        return ["the log says no trusted publisher is registered: register one with the run's values (owner, "
                "repository, workflow file name, environment) on each index the workflow uploads to (PyPI and "
                "TestPyPI have separate accounts and publishers; a project's first upload needs a pending "
                "publisher), or keep uploading with an API token"]
    return []


_REGISTERED_ON_TESTPYPI = re.compile(r"\b(?:register\w{0,6}|correct\w{0,4}|fix\w{0,3}|set up|added|add\w{0,3})\b"
                                     r"[^.]{0,80}?\bon test\.pypi\.org\b", re.I)


def _said_field(text: str, claims: Dict[str, str]) -> List[str]:
    """The publisher field the text names as the one that differed: what that field takes."""
    field = log_said.field_differed(text)
    if field == "workflow":
        called = claims_mod.workflow_file(claims.get("job_workflow_ref", "") or claims.get("workflow_ref", ""))
        named = f" (`{called}`)" if called else ""
        return [f"the log names the publisher's workflow field as the one that differed: it takes the workflow's file "
                f"name{named} only, not its path or the `name:` inside the file; fix the publisher on the index the run "
                "uploads to (remove it and add it again) and re-run the failed run"]
    if field == "environment":
        return ["the log names the environment as the field that differed: the publisher's environment must be the "
                "publishing job's `environment:` name exactly, or none on both sides; fix the publisher or the job and "
                "re-run the failed run"]
    if field:
        return [f"the log names the {field} as the field that differed: the publisher's owner and repository must be "
                "the repository's as they are now (case and all; a renamed or transferred repository needs a new "
                "publisher): add a publisher with those values and re-run the failed run"]
    return []


# the file a publisher is told as registered for ("registered against `publish.yml`", "the project trusts
# `release.yaml`", "bound to `ci.yml`"): the workflow the upload must run in
_REGISTERED_FILE = re.compile(r"\b(?:registered|configured|set up|bound|trusts?|trusted)\b(?:\s(?:only\s)?(?:against|for|"
                              r"with|to|on))?\s(?:the\s)?`(?:[^`\s]{0,200}/)?([\w.-]{1,100}\.ya?ml)`", re.I)
# a trigger or file told as left as it was ("its `release: published` trigger … and `workflow_call` are unchanged"):
# named in passing, not the shape of the run that failed
_KEPT_AS_IS = re.compile(r"\b(?:unchanged|untouched|kept|left as (?:it|they) (?:is|are|was|were)|stays?|remains?)\b", re.I)


def _sentence_at(text: str, at: int) -> str:
    """The sentence (or line) of `text` around the offset `at`."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [e for e in (text.find(". ", at), text.find("\n", at)) if e != -1]
    return text[start:min(ends) if ends else len(text)]


def _said_about_workflows(scan: LogScan) -> List[str]:
    """What a log without printed claims says in its sentences about the workflow files (a reusable workflow, a
    renamed file), which is what the publisher must match."""
    text = scan_text(scan)
    out = _said_none_registered(text)
    files = list(dict.fromkeys(_QUOTED_WORKFLOW.findall(text)))
    named = f" (it names {', '.join(f'`{f}`' for f in files)})" if files else ""
    if any(not _KEPT_AS_IS.search(_sentence_at(text, m.start())) for m in REUSABLE_SAID.finditer(text)):
        out.append(f"the log speaks of a reusable workflow{named}: PyPI matches the file that defines the publishing "
                   "job (`job_workflow_ref`), which for a reusable workflow is the called file, and does not support "
                   "reusable workflows as publishers: move the publishing job into the top-level workflow that the "
                   "event starts and register that file (or upload with a token from the reusable workflow)")
    values: Dict[str, str] = {}
    for key, value in _PUBLISHER_VALUE.findall(text):
        values.setdefault(key.lower(), value)  # the first value the text gives for each field
    if values.get("workflow", "").endswith((".yml", ".yaml")):
        env = f" with `environment: {values['environment']}`" if values.get("environment") else ""
        out.append(f"the log gives the registered publisher's values ({', '.join(f'{k} `{v}`' for k, v in values.items())}"
                   f"): the upload must run in a job defined in `{values['workflow']}` itself{env}, or the publisher "
                   "must be changed to the run's values")
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
    elif _REGISTERED_FILE.search(text) and len(files) >= 2:  # the publisher's file named, beside the file that ran
        registered = _REGISTERED_FILE.search(text).group(1)
        others = [f for f in files if f != registered]
        if others:
            out.insert(0, f"the log says the publisher names `{registered}`, while it names {' and '.join(f'`{f}`' for f in others)} "
                          f"as well: PyPI compares the workflow file name, so the upload must run in a job of "
                          f"`{registered}` itself, or register the file that runs it (on each index the workflow uploads to)")
    elif _RENAME_SAID.search(text) and len(files) >= 2:
        out.append(f"the log names the workflow files {', '.join(f'`{f}`' for f in files)} and a rename: PyPI compares "
                   "the file name, so the publisher must name the file of the workflow that runs the upload now "
                   "(register it, or rename the file back)")
    return out


def _publisher(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    out: List[str] = _check_failed(scan)
    steps = [(f, s) for f, s in steps_with_token(facts) if s.publisher == "gh-action"]
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
    if scan.claims:  # claims told in the text's sentences too: its word that none was registered comes first
        return (out + _said_none_registered(scan_text(scan)) + _said_field(scan_text(scan), scan.claims)
                + claims_mod.compare(scan.claims, ctx))
    said = _said_about_workflows(scan)
    out += said
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
    field = [] if (lost or stale) and log_said.field_differed(scan_text(scan)) in ("owner", "repository") else \
        _said_field(scan_text(scan), scan.claims)  # a rename's line above names the repository already
    if log_said.SAID_PUBLISHER.search(scan_text(scan)):
        out.append("the log says the trusted publisher itself was set up wrong or does not match the workflow (a typo, a "
                   "mismatch): PyPI compares each "
                   "field exactly, so compare the publisher on the project's Publishing page with the repository, field "
                   "by field: owner and repository, the workflow's file name (only the name, such as `release.yml`), "
                   "the environment (or none); fix the publisher (remove it and add it again) or the workflow, and "
                   "re-run the release")
    out += field
    singled = bool(lost or stale or log_said.field_differed(scan_text(scan))  # the text names the field itself
                   or len(said) > len(_said_none_registered(scan_text(scan))))  # or a detail above names the workflow
    if not singled:
        out.append("the log prints no claims, so the differing field is inferred from the workflows" if facts else
                   "the log prints no claims and no workflow was read (name the workflow files after `--log` to "
                   "compare them), so no field can be singled out")
    likely = "" if singled else _most_likely(scan, facts)
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
    if _TWINE_EXCHANGE.search(scan_text(scan)):
        out.append("twine made the exchange itself (`TrustedPublishingFailure`, as in GitLab CI): a GitLab publisher must "
                   "name the namespace and project exactly as in the project's URL (case counts, a renamed or moved "
                   "project needs a new publisher), the top-level pipeline file (`.gitlab-ci.yml`) and the environment; "
                   "the job's `id_tokens` entry must be `PYPI_ID_TOKEN` with `aud: pypi`, and for TestPyPI "
                   "`TESTPYPI_ID_TOKEN` with `aud: testpypi`")
        return out
    if len(out) == 1 and not singled:  # only the no-claims line: the generic order of checks
        out.append("check, in order: the workflow file name (not its path or `name:`), the environment (none on "
                   "one side?), owner and repository (renamed?); TestPyPI is a separate site with its own publishers")
    return out


_TWINE_EXCHANGE = re.compile(r"TrustedPublishingFailure|Trying to use trusted publishing|gitlab", re.I)


def _most_likely(scan: LogScan, facts: List[Facts]) -> str:
    """The publisher field a failed exchange most likely differs in, from the log and the workflows."""
    text = scan_text(scan)
    if TESTPYPI_NAMED.search(text) and not _REGISTERED_ON_TESTPYPI.search(text):  # not where the text registered one
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
    text = scan_text(scan)
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
    steps = [(f, s) for f, s in steps_with_token(facts) if s.publisher == "gh-action"]
    if not steps or any(f.trusted_envs for f in facts):
        return []
    return _publisher(scan, facts, ctx)[:3]


def _uv(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = scan_text(scan), []
    if "Failed to query check URL" in text:
        out.append("the missing credentials are for the check URL (the index's `/simple/` page uv reads before "
                   "uploading), not for the upload (check this first): uv 0.8.14 asked for them there wrongly "
                   "(astral-sh/uv#15587, fixed by #15546): upgrade uv (or pin 0.8.13); otherwise give the index "
                   "read credentials too, or leave out `--check-url`")
    if "upload.test.pypi.org" in text:
        out.append("the upload URL `https://upload.test.pypi.org/legacy/` does not exist: TestPyPI's is "
                   "`https://test.pypi.org/legacy/`")
    uv_steps = [(f, s) for f, s in steps_with_token(facts) if s.publisher == "uv"]
    if "UV_PUBLISH_PASSWORD" in text or "with a password, but no username" in text or any("UV_PUBLISH_PASSWORD" in s.credential and "USERNAME" not in s.credential
                                            for _, s in uv_steps):
        out.append("`UV_PUBLISH_PASSWORD` without `UV_PUBLISH_USERNAME=__token__` is not a token: use `UV_PUBLISH_TOKEN`")
    for f in facts:
        if "uv" in f.trusted_uploaders:
            out.append(f"{f.file} runs `uv publish` without credentials: add `--trusted-publishing always` so the "
                       "OIDC exchange runs (and reports its own error), with `id-token: write` on the job")
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
    text = scan_text(scan)
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


def relayed_by(text: str) -> str:
    """The tool that relayed PyPI's answer, when the log names one that uploads for you (devpi's `push`)."""
    return "devpi" if re.search(r"\bdevpi\b", text, re.I) else ""


def _password_disables_tp(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    return ["the publish step passes a `password` (an API token), and an explicit password disables Trusted Publishing "
            "(pypa/gh-action-pypi-publish uses it only when `password` is empty) and with it the attestations; keep "
            "one of the two: for Trusted Publishing remove `password:` (and `user:`) from the step, give that job "
            "`permissions: id-token: write` and register the publisher on PyPI (`migrate to-oidc` does all three); to "
            "keep the token, set `attestations: false` on the step and drop `id-token: write`, which a token does not "
            "need"]


def _secret_empty(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    out = []
    if re.search(r"Failed to get PyPI token via OIDC", scan_text(scan)):
        return ["pdm found no username and password, tried Trusted Publishing, and the exchange failed without saying "
                "why (`Failed to get PyPI token via OIDC`; pdm prints no reason): for a token, set "
                "`PDM_PUBLISH_USERNAME=__token__` and `PDM_PUBLISH_PASSWORD` from a secret that exists where the job "
                "can read it; for Trusted Publishing, compare the publisher on PyPI with the workflow (owner, repository, "
                "workflow file name, environment), or let `uv publish --trusted-publishing always` or twine make the "
                "exchange once, which print PyPI's reason"]
    named = sorted({f"`secrets.{s.secret}`" for _, s in steps_with_token(facts) if s.secret})
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
    text = scan_text(scan)
    given = re.search(r"The given token isn't allowed to upload to project '([^']{1,200})'", text)
    if given:  # no user behind the token: a Trusted Publishing token that passed the publisher check
        return [f"the token is a Trusted Publishing token (no user behind it) of a publisher registered on "
                f"`{given.group(1)}` (for another project PyPI says `OIDC scoped token is not valid`): PyPI refuses it "
                "when the project is archived or quarantined; an owner unarchives it in the project's settings "
                "(a quarantine is lifted only by PyPI's admins), then re-run"]
    m = NAME_REFUSED.search(text) or re.search(r"not allowed to edit '([^']{1,200})' package information", text)
    name = next((g for g in (m.groups() if m else ()) if g), None)
    project = f"`{name}`" if name else "the project"
    spelled = sorted({n for n in FILE_NAME.findall(text) if name and n != name and
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
    aimed = log_said.SAID_WRONG_PROJECT.search(text) if not name else None
    if aimed:  # told: the upload went to another project than the package's own, no refusal of an owned name
        sent, own = aimed.group(1) or aimed.group(2), aimed.group(3) or aimed.group(4)
        where = f"`{sent}` rather than `{own}`" if sent and own else "another project than the package's own"
        return [f"the text says the upload was aimed at {where}: the uploader sends the name in the build's metadata "
                "(`[project] name`, `[tool.poetry] name` or setup.py's `name=`), so set it to the project's own name "
                "on the index (check this first), rebuild and upload again"]
    held = log_servers.NAME_HELD_NO_PAGE.search(text)
    if held:  # the name's page told as not found (a project without releases): never say the project exists
        out = [f"the text says {project} has no page on the index: a project without releases (never uploaded, "
               "or all deleted) shows none but still holds the name for its owners; if they do not answer, "
               "PyPI's admins can transfer an unused or abandoned name on a PEP 541 request "
               "(https://github.com/pypi/support), else the distribution needs another name",
               f"PyPI holds the name {project} for a project the account has no role in, though the text finds no page "
               "for it: the credentials cannot upload to it under this name"]
    else:
        out = [f"{project} exists on the index and the account behind the credentials is not one of its owners or "
               "maintainers (or the token is scoped to another project): an owner adds that account as a maintainer, "
               "or the credentials of an owner's account (a token scoped to the project) are used; a name that "
               "belongs to someone else needs another name in pyproject.toml"]
    if re.search(r"isn't allowed to upload to project", text) and not held:  # PyPI's wording since archiving (2024)
        out.append(f"if the account is an owner of {project}, the project is archived (its owners archived it: unarchive "
                   "it in its settings) or quarantined by PyPI's admins, which refuses every upload")
    if on_testpypi(text):
        out.insert(0, "the upload goes to TestPyPI, a separate site with its own accounts and projects: the account "
                      "the credentials are for must be the TestPyPI one (its username may differ from the PyPI one), "
                      f"and {project} on TestPyPI may belong to another account than on PyPI")
    return out


_AUDIENCE_MISMATCH = re.compile(r"Token audience claim mismatch \(expected ([\w.-]{1,60}), got ([\w.-]{1,60})\)")


def _gitlab_id_token(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    m = _AUDIENCE_MISMATCH.search(scan_text(scan))
    if not m:
        return []
    expected, got = m.groups()
    var = re.sub(r"[^A-Z0-9_]", "_", expected.upper()) + "_ID_TOKEN"
    return [f"the job declares `{var}` with `aud: {got}`, but the index asks for `{expected}`: declare it as `id_tokens: "
            f"{var}: aud: {expected}` (each index needs its own ID token: `PYPI_ID_TOKEN` with `aud: pypi`, "
            "`TESTPYPI_ID_TOKEN` with `aud: testpypi`)"]


def _token_refused(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
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
    text = scan_text(scan)
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


ADVISORS: Dict[str, Advisor] = {
    "log-token-rejected": _token,
    "log-invalid-publisher": _publisher,
    "log-id-token-unset": _id_token,
    "log-uv-missing-credentials": _uv,
    "log-credential-missing": _missing,
    "log-email-unverified": _account("verify its primary email address", "Account settings: add or verify an email, "
                                     "then make it primary"),
    "log-two-factor-required": _account("enable two-factor authentication", "Account settings: add an authentication "
                                        "app or a security device"),
    "log-project-not-owned": _not_owned,
    "log-attestations-ignored": _password_disables_tp,
    "log-token-permission": _token_permission,
    "log-secret-empty": _secret_empty,
    "log-gitlab-id-token-missing": _gitlab_id_token,
    "log-oidc-token-refused": _token_refused,
    "log-ci-oidc-unavailable": _ci_oidc,
}
