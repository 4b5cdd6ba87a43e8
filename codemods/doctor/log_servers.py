"""Where an upload went and how it logged in: the index's hosts and URLs, a password-era login, distutils' upload,
the bare refusals (400, 403) and the credential tracebacks that tell which side failed."""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from codemods.doctor import logtext


# legacy PyPI's 401 for a request without a login; distutils' own upload (its command line, step line, line per file);
# a login shown given (a password prompt or option, a .pypirc, a password variable)
UNIDENTIFIED = re.compile(r"\b401\b[^\n]{0,60}?You must be identified", re.I)
DISTUTILS_UPLOAD = re.compile(r"\bsetup\.py\b[^\n|;&]{0,120}?\bupload\b(?![-_])|^running upload\b|^Submitting \S{1,300} to "
                              r"https?://", re.I | re.M)


# the hosts of PyPI and TestPyPI (uploads, pages, files, the status page); a server error answered by another host is
# that host's
PYPI_SERVER = re.compile(r"(?:^|\.)(?:pypi\.org|pypi\.python\.org|pythonhosted\.org|pypi\.io)$|"
                          r"^status\.python\.org$", re.I)  # PyPI's status page, which the action's exchange names
_URL_HOST = re.compile(r"https?://([\w.-]{1,200})|host='([\w.-]{1,200})'", re.I)
_RUN_LINK = re.compile(r"https?://github\.com/[^\s]{1,200}/(?:actions/runs|runs|jobs|pull|issues)/", re.I)


def server_elsewhere(cleaned: List[Tuple[int, str]], line: int) -> bool:
    """Whether the server error at `line` was answered by a host that is not PyPI's: the nearest host named on that
    line, or else on the three lines before it (the request it answers: devpi's `PUSH https://devpi.example/…`), is
    another one. A link to a CI run or an issue names no server."""
    host = host_near(cleaned, line)
    return bool(host) and not PYPI_SERVER.search(host)


def host_near(cleaned: List[Tuple[int, str]], line: int) -> Optional[str]:
    """The host named nearest to `line`, on it or on the three lines before it (no CI run's or issue's link)."""
    near = [t for n, t in cleaned if line - 3 <= n <= line]
    for text in reversed(near):
        hosts = [a or b for m in [_RUN_LINK.sub(" ", text)] for a, b in _URL_HOST.findall(m)]
        if hosts:
            return hosts[-1].rstrip(".")
    return None


# `File already exists` answered by an index that is not PyPI (a release index in front of PyPI, such as Jazzband's,
# or a private one): its files are there from an earlier upload, and PyPI's release waits on that index, not on a bump
# (jazzband/django-redshift-backend #58)
OTHER_INDEX_EXISTS_TITLE = "This version's file is already on the index the upload went to, which is not PyPI"
OTHER_INDEX_EXISTS_FIX = ("The file is on that index already (from an earlier upload of this version): no version bump "
                          "is needed for that; where that index stands in front of PyPI, finish the release through it "
                          "(its own release step for the uploaded files); `--skip-existing` lets a rebuild pass.")


CLAIMED = {"sub", "workflow_ref", "job_workflow_ref", "repository_owner_id"}
TP_FAILED = re.compile(r"trusted publishing[^.]{0,60}?\bfail|\bfail\w{0,4}[^.]{0,60}?trusted publishing", re.I)
TP_SAID = re.compile(r"\btrusted[ -]publish", re.I)
OTHER_REGISTRY = re.compile(r"registry\.npmjs\.org|\bnpm (?:error|ERR!|publish)\b|\bnpmjs\b|crates\.io|\bcargo publish\b|"
                             r"rubygems|\bgem push\b|\bgem versions?\b|\bnuget\b|\bdocker (?:push|login)\b|\bdocker hub\b|"
                             r"registry-1\.docker\.io|anaconda\.org|\banaconda (?:upload|-t)\b|\.tar\.bz2\b|\.conda\b|"
                             r"\bhelm (?:push|chart)\b|\bpush(?:ing)? (?:the )?chart\b|\bghcr\.io/(?!pypa/)",
                             re.I)
ACTION_NOTICE = re.compile(r"Trusted Publishers allows publishing packages to PyPI from automated environments", re.I)
# in a log that speaks of Trusted Publishing, what only a refused exchange comes with: a claims mismatch, uv's 422, a
# reusable workflow, a renamed workflow file
TP_CUE = (r"\bclaims?(?: set)? mismatch|\bmismatch\w{0,3} (?:of|in|between|with)\b[^.]{0,30}\bclaims|"
          r"\bclaims? (?:do|did|does)(?:n't| not) match|Unprocessable Entity|\b(?:error|status|code|returned|got|"
          r"with|an?)\W{1,3}422\b|\b422\W{1,3}(?:on|from|error|when|while|at) (?:the )?(?:publish|upload|exchange|"
          r"token)|\bre-?usable[- ]workflows?\b|"
          r"\bworkflow_call\b|\brenam\w{0,4}\b[^.]{0,80}?\.ya?ml\b|\bname of the workflow(?: file)?\b|"
          r"\.ya?ml`?\s{0,3}(?:to|->|→)\s{0,3}`?[\w.-]{1,100}\.ya?ml\b")
TP_CUE_RX = re.compile(TP_CUE, re.I)
BARE_403 = re.compile(r"\b403 Forbidden\b(?! ?(?:from \S{1,300} )?[A-Za-z'(])|\b403 Forbidden from \S{1,300}\s*$|"
                       # twine's 403 line quoted in a sentence, closed by its quote right after PyPI's upload URL
                       r"\b403 Forbidden from https?://(?:upload\.pypi\.org|test\.pypi\.org)/legacy/?[`'\"]|"
                       r"(?:upload|publish)\w{0,3}\b[^.]{0,60}?\b(?:rejected|refused|failed) with\W{0,4}403\b|"
                       r"\b403(?:'?s)?\W{0,3}(?:when|while|on|during) (?:\w+ ){0,2}(?:upload|publish)", re.I)
PYPI_NAMED = re.compile(r"pypi|\btwine\b|/legacy/", re.I)  # another registry's 403 is not PyPI's
# What a log of a Python package's release names somewhere: the index, an uploader, the publish action, Trusted
# Publishing or its token, a distribution file or a build of one. A log that names another registry and none of
# these is that registry's, even where its text is PyPI's too (anaconda.org's "File already exists").
PYTHON_RELEASE = re.compile(r"pypi|\btwine\b|/legacy/|warehouse|\b(?:uv|poetry|pdm|hatch|hatchling|flit|maturin|"
                             r"setuptools|setuptools[-_]scm|versioneer|pip|tox|nox)\b|trusted[ -]publish|\bid[-_]token\b|"
                             r"\boidc\b|\.whl\b|\.tar\.gz\b|\bsdist\b|\bwheels?\b|setup\.py|setup\.cfg|pyproject|"
                             r"python|attestation|gh-action-pypi-publish|__token__|create-docker-action\.py|"
                             r"\bCreate Docker (?:container )?action\b|"
                             r"\S @ (?:git\+|https?://)", re.I)  # a PEP 508 direct reference (`foo @ git+https://…`)

# the upload URL set without its trailing slash (`repository-url: https://test.pypi.org/legacy`, a diff's `-` line
# included), in a text that tells a 400 or a failure in a sentence (gh-action-pypi-publish #317): PyPI answers that
# address with a bare 400 or a redirect, so no refusal message need be quoted
_URL_SET_NO_SLASH = re.compile(r"(?<!\S)[-+]?\s*(?:--repository[-_]url|repository[-_]url|repository)\s*[:=]?\s*[\"']?"
                               r"https?://(?:upload|test)\.pypi\.org/legacy(?![/\w])", re.I | re.M)
_FAILURE_TOLD = re.compile(r"\b400\b|\bBad Request\b|\bfail\w{0,3}\b|\berror\b|\brefus\w{1,4}\b|\breject\w{0,3}\b", re.I)


def url_set_unslashed(whole: str) -> Optional["re.Match[str]"]:
    """The upload URL a text sets without its trailing slash, where the text tells a failure (a URL that merely appears,
    in a run that did not fail, is no cause)."""
    m = _URL_SET_NO_SLASH.search(whole)
    return m if m and _FAILURE_TOLD.search(whole) else None


PROMPT = re.compile(r"Enter your (?:username|password|API token):\s*$", re.I)
HOST_NAMED = re.compile(r"host='([\w.-]{1,200})'|Uploading distributions to https?://([\w.-]{1,200})|"
                   r"(?:POST request|publish `[^`]{1,300}` to|for url:?) `?https?://([\w.-]{1,200})", re.I)
PYPI_HOSTS = ("upload.pypi.org", "test.pypi.org")
# the refused project told as having no page ("the url 404s", "checked that it doesn't exist"): a project without
# releases holds the name and shows no page (pypi/support #167); an admin transfers an unused name on a PEP 541 request
NAME_HELD_NO_PAGE = re.compile(r"(?:pypi\.org/project/|\bproject page|\bpage\b|\burl\b)[^.\n]{0,60}?\b(?:404s?|"
                               r"does(?:n't| not) exist|(?:is |was )?not found)\b|\b(?:check\w{0,2}|verif\w{1,4}|"
                               r"confirm\w{0,2}|made sure)\s(?:that\s)?(?:it|the (?:name|project))\s(?:does(?:n't| not) exist|"
                               r"is (?:free|available|not taken))\b|"
                               # the page told as free ("actually seems free"), or the name told as a removed project's
                               r"(?:pypi\.org/project/|\bproject page|\bpage\b|\burl\b)[^.\n]{0,60}?\b(?:seems|looks|appears|is)"
                               r"\s(?:to be\s)?(?:free|available|unused)\b|\b(?:taken|held|used|reserved) by an? "
                               r"(?:removed|deleted)\s(?:project|package)\b", re.I)
# an account-level refusal that names a user (`User 'X' does not have a verified …`) the text says is no longer a
# maintainer (warehouse#18575: the job's token was made by that removed co-maintainer): the token outlives the role
def removed_account(whole: str) -> Optional[str]:
    """The user PyPI's refusal names, where the text says that user was removed (or is no longer) a maintainer."""
    m = re.search(r"User '([^']{1,200})'", whole)
    if not m:
        return None
    who = re.escape(m.group(1))
    told = re.search(rf"\b(?:removed|deleted|dropped)\s`?{who}`?\s(?:as\s(?:an?\s)?(?:co-?)?(?:maintainer|owner|"
                     rf"collaborator)|from\s(?:the\s)?(?:project|package|maintainers|owners|collaborators))|"
                     rf"\b`?{who}`?\s(?:is|was|has been)\s(?:no longer\s(?:an?\s)?(?:maintainer|owner|collaborator)|"
                     rf"removed)\b", whole, re.I)
    return m.group(1) if told else None


REMOVED_ACCOUNT_FIX = ("Replace the job's token with one made by a current owner or maintainer of the project (scoped "
                       "to it), or publish with Trusted Publishing (`migrate to-oidc`): the refused account's token still "
                       "sits in the job's secret, and removing the account from the project does not stop it being sent.")
ROLE_MISSING_FIX = ("Have an owner add the upload account as a maintainer of the project on PyPI (the project's "
                    "Collaborators settings), then re-run the failed upload jobs.")
NAME_HELD_FIX = ("Ask PyPI's admins for the name with a PEP 541 request at https://github.com/pypi/support (a project "
                 "without releases, or an abandoned one, can be transferred), or rename the distribution in "
                 "pyproject.toml.")
# TestPyPI's refusal of a name (its own help link) where the text tells it held by another's old project there ("have
# very old package (Released: May 15, 2016)"): TestPyPI's admins can release it, or tests use another name
TESTPYPI_NAME_REFUSED = re.compile(r"isn't allowed to upload to project[^\n]{0,120}?https?://test\.pypi\.org/help", re.I)
HELD_BY_OTHER = re.compile(r"\b(?:very\s)?old\s(?:package|project|release)s?\b|\b(?:someone|somebody)\selse\b|"
                           r"\banother\s(?:user|account|person)\b|\bReleased:\s\w{3}", re.I)
TESTPYPI_HELD_FIX = ("Ask PyPI's admins to give you the name on TestPyPI (https://github.com/pypi/support; TestPyPI and PyPI "
                     "are separate, and a stranger's old project there holds it), or test under another name on TestPyPI "
                     "(such as `NAME-dev`) and keep the real name for PyPI.")
# PyPI's refusal of a name on its prohibited list, which gives no reason (warehouse's `ProhibitedProjectName`; its other
# name refusals say why: "too similar", "conflict with Python Standard Library"): pypi/support #2654, `sibilant`, blocked
# after a typo-squatting campaign and released to the asker by an admin
PROHIBITED_NAME = re.compile(r"The name '[^']{1,200}' isn't allowed\. See\b")
PROHIBITED_NAME_FIX = ("Ask PyPI's admins to release the name to your account (a project name request at "
                       "https://github.com/pypi/support; names on PyPI's prohibited list are blocked, not owned) before "
                       "renaming; or rename the distribution in pyproject.toml (and in any pending publisher).")
# an upload refused by the retired pypi.python.org (or testpypi.python.org), and today's upload URL told in the same text,
# not as the URL a refused upload went to
_SENT_TO = r"(?:for url:?|\bfrom|Uploading distributions to|Submitting \S{1,300} to)\s{0,3}"  # the URL an upload went to
OLD_SITE_REFUSED = re.compile(_SENT_TO + r"https?://(?:test)?pypi\.python\.org/pypi/?(?![\w/.-])", re.I)
_NEW_URL = r"https?://(?:upload|test)\.pypi\.org/legacy\b"
NEW_URL_TOLD = re.compile(_NEW_URL, re.I)
NEW_URL_REFUSED = re.compile(_SENT_TO + _NEW_URL, re.I)


# PyPI's 410 to the `register` call it retired (its wordings since 2016), answered to an uploader that still makes it
REGISTER_RETIRED = re.compile(r"pre-registration is no longer required|This API is no longer supported, instead simply "
                              r"upload|\b410\b\W{1,20}register\b|\bregister\b\W{1,20}\b410\b", re.I)
REGISTER_FIX = ("Drop the `register` step (`twine register`, `setup.py register`) and upload the files (`twine upload "
                "dist/*`): PyPI creates a project with its first upload; a tool that still calls `register` itself is too "
                "old: upgrade it, or upload with twine or uv.")
# an upload of the password era: distutils' `setup.py upload`, or a ~/.pypirc or a username and password told, with no
# API token or CI secret named anywhere: what PyPI refused is that login, not a token in a secret
TOKEN_NAMED = re.compile(r"__token__|\bpypi-[\w-]{8}|\btokens?\b|\bsecrets?\b|\$\{\{", re.I)
# ("my username and password", "my email and password combo", "my username, and password"): the login is named first
_PASSWORD_LOGIN = re.compile(r"\.pypirc\b|\b(?:my|our|account|pypi)\s(?:(?:username|e-?mail(?: address)?|login)(?:,?\s"
                             r"(?:and|&)\s|\s?/\s?|\s))?passwords?\b", re.I)
# the text's own reading of a refused login: the username or password typed was wrong ("the PyPI username or password
# was entered wrongly", a Chinese note's 用户名或密码输入错误); "the credentials are not the problem" is not it
SAID_LOGIN_WRONG = re.compile(r"\b(?:user ?name|password)s?\b(?:\s(?:or|and|/)\s(?:user ?name|password)s?\b)?[^.\n]{0,30}?"
                              r"\b(?:(?:was|were|is|are)\s(?:\w+\s)?(?:wrong|incorrect|mistyped|misspel\w{1,3})|typed wrong"
                              r"\w{0,2}|entered (?:wrong\w{0,2}|incorrectly))\b|\b(?:wrong|incorrect|mistyped)\s(?:pypi\s)?"
                              r"(?:user ?name|password)s?\b|(?:用户名|密码)[^。\n]{0,20}?错误", re.I)
PASSWORD_REFUSED = "PyPI refused the username and password the upload sent, not a CI secret's token"
PASSWORD_REFUSED_FIX = ("Upload with an API token{}, with the username `__token__` and the token as the password "
                        "(in the `[pypi]` section of ~/.pypirc, read only under exactly that name, or in "
                        "`TWINE_USERNAME`/`TWINE_PASSWORD`): PyPI takes no account password for uploads since 2024.")
# the text's own word that the username was the account's where `__token__` belongs ("you need to set the PYPI
# username as `__token__` instead of your own regular username"): a token sent under the wrong username, not a bad token
USERNAME_NOT_TOKEN_SAID = re.compile(r"\b(?:user ?name|login)\b[^.\n]{0,40}?`?__token__`?[^.\n]{0,30}?\b(?:instead of|"
                                     r"rather than|not)\s(?:\w+\s){0,3}?(?:user ?name|login)\b|`?__token__`?[^.\n]{0,20}?\bas "
                                     r"(?:the |your )?user ?name\b[^.\n]{0,30}?\b(?:instead of|rather than|not)\s(?:\w+\s)"
                                     r"{0,3}?(?:user ?name|login)\b", re.I)
USERNAME_NOT_TOKEN = "PyPI refused the token because it was sent under the account's own username, not `__token__`"
USERNAME_NOT_TOKEN_FIX = ("Send the same token with the username `__token__` (twine: `TWINE_USERNAME=__token__` or "
                          "`-u __token__`; Poetry: `poetry config pypi-token.{0} <token>`, or `poetry config http-basic.{0} "
                          "__token__ <token>`); a new token is not needed.")
TWINE_IN_PLACE = ": `twine upload dist/*` in place of `setup.py upload` (gone from setuptools)"
# a password login refused by TestPyPI (the URL the upload went to): pypi.org's accounts are not TestPyPI's
TESTPYPI_REFUSED = re.compile(_SENT_TO + r"https?://test\.pypi\.org\b", re.I)
TESTPYPI_PASSWORD_REFUSED = ("TestPyPI refused the username and password the upload sent: its accounts are separate from "
                             "pypi.org's")
TESTPYPI_PASSWORD_FIX = ("Create an account on https://test.pypi.org (its own registration; a pypi.org account, "
                         "password or token is unknown there), then upload with an API token made there, with the "
                         "username `__token__` and the token as the password (in the `[testpypi]` section of ~/.pypirc, "
                         "or in `TWINE_USERNAME`/`TWINE_PASSWORD`).")


def password_login(whole: str) -> bool:
    """A refused login that is a username and password (distutils' upload, ~/.pypirc, a person's own words) in a
    text that names no API token or CI secret: the refusal's advice must be about that login, not a secret's token."""
    return bool((DISTUTILS_UPLOAD.search(whole) or _PASSWORD_LOGIN.search(whole)) and not TOKEN_NAMED.search(whole)
                and not re.search(r"\bpoetry\b", whole, re.I))  # Poetry sends none when none is configured


# Poetry's publish refused as unauthenticated where no credential was given to it: Poetry sends none when none is
# configured for the repository, and the text tells that (the `poetry config` setting shown after the refusal, as its
# fix, or a sentence saying no token was set); a token passed by variable, option or secret was sent and refused
_POETRY_PUBLISH = re.compile(r"\bpoetry publish\b", re.I)
_POETRY_CONFIG = re.compile(r"\bpoetry config (?:pypi-token|http-basic)\.([\w.-]{1,60})\b")
_POETRY_GIVEN = re.compile(r"\bPOETRY_(?:PYPI_TOKEN|HTTP_BASIC)_|\bpoetry publish\b[^\n]{0,200}?\s(?:-u|-p|--username|"
                           r"--password)\b|\bsecrets\.\w|\$\{\{", re.I)
_NO_TOKEN_SAID = re.compile(r"\b(?:no|without (?:a|an|any))\s(?:api\s|pypi\s)?(?:token|credentials?)\s(?:was\s|were\s|is\s|"
                            r"are\s)?(?:\w+\s)?(?:configured|set|set up)\b|\bneeds?\s(?:a\s|an\s)?(?:api\s)?token\s(?:to be\s)?"
                            r"(?:configured|set)\b", re.I)
_POETRY_REPOSITORY = re.compile(r"\bpoetry publish\b[^\n]{0,200}?\s(?:-r|--repository)[ =]([\w.-]{1,60})|"
                                r"^\s*Publishing \S{1,200} \([^)\s]{1,60}\) to ([\w.-]{1,60})\s*$", re.M)
POETRY_NONE_SENT = "Poetry sent no credentials: none is configured for the repository `{}`"
POETRY_NONE_SENT_FIX = ("Configure an API token for the repository the command uses (`poetry config pypi-token.{0} "
                        "<token>`, or `POETRY_PYPI_TOKEN_{1}` from a secret in CI), created on the index it uploads to; "
                        "or publish with Trusted Publishing.")


def poetry_unconfigured(cleaned: List[Tuple[int, str]], refused: int) -> Optional[str]:
    """The repository Poetry published to, where its refused upload had no credential configured: the text names
    none given and shows the setting after the refusal (line `refused`) or says no token was set."""
    whole = "\n".join(t for _, t in cleaned)
    after = "\n".join(t for n, t in cleaned if n > refused)
    if not _POETRY_PUBLISH.search(whole) or _POETRY_GIVEN.search(whole):
        return None
    if not (_POETRY_CONFIG.search(after) or _NO_TOKEN_SAID.search(whole)):
        return None
    return poetry_repository(whole)


def poetry_repository(text: str) -> str:
    """The repository a `poetry publish` of the text uploads to (`-r`, or Poetry's `Publishing … to` line), else pypi."""
    named = _POETRY_REPOSITORY.search(text)
    return next((g for g in named.groups() if g), "pypi") if named else "pypi"


# distutils' own upload (its deprecation warning names twine): it builds the upload form from setup()'s arguments
SETUP_UPLOAD_WARNED = re.compile(r"Uploading via this command is deprecated, use twine\b", re.I)
DISTUTILS_DESCRIPTION_FIX = ("Upload with twine in place of `setup.py upload` (build with `python -m build`, then "
                             "`twine check dist/*` and `twine upload dist/*`): the deprecated command sends the "
                             "description from its own reading of setup(), not the built file's metadata; fix the "
                             "README's markup or declare its content type only if `twine check` still fails.")
# setuptools' answer to `setup.py upload` after it removed the command: its stub's message, then distutils' own
SETUP_UPLOAD_GONE = re.compile(r"The (?:upload|register) command has been removed, use twine\b|"
                               r"\berror: invalid command '(?:upload|register)'")
SETUP_UPLOAD_GONE_FIX = ("Upload with twine in place of `setup.py upload` (build with `python -m build`, then `twine "
                         "upload dist/*`) in the script or job that ran it, or use pypa/gh-action-pypi-publish: "
                         "setuptools has no upload command any more, so installing anything else cannot bring it back.")
MATURIN_MIXED = re.compile(r"files that belong to different python packages", re.I)
MATURIN_MIXED_FIX = ("Upgrade maturin (0.10.5 and later upload one package's wheels whose metadata differs between them, "
                     "PyO3/maturin#544), or upload the same files with `twine upload` or `uv publish`; if the folder "
                     "really holds two projects' files, upload each project's files separately.")
# a failure told as happening on every attempt ("Whenever I run … upload, I get an error"), and PyPI's 500 itself
SAID_EVERY_TIME = re.compile(r"\b(?:whenever|every ?time|each time|every (?:single )?(?:run|attempt|try|upload|release)|"
                             r"consistently|repeatedly|keeps? (?:failing|getting|returning|giving)|always (?:fails?|gets?|"
                             r"returns?|answers?|errors?)|fails? (?:again )?(?:on )?every)\b", re.I)
INTERNAL_500 = re.compile(r"\b500\b[:\"')]? ?(?:Server Error:? )?Internal Server Error|\(500\)|status code 500\b|"
                           r"HTTP Error 500\b", re.I)
# the same 500 answered to twine's retries of one upload (`Received "500: Internal Server Error" … Retry 2 of 5`), with
# no outage told and no very large file: PyPI failing on that request, as a 500 told on every attempt
RETRIED_500 = re.compile(r"\b500\b[^\n]{0,120}?\bRetry [2-9]\d? of \d{1,2}\b", re.I)
OUTAGE_OR_LARGE = re.compile(r"\b(?:incidents?|outages?|downtime)\b|\bstatus\.python\.org\b|\b(?:is|was|seems|went) down\b|"
                        r"\(\d{3,6}(?:\.\d)? ?MB\)", re.I)
REPEATED_500_FIX = ("A 500 on every attempt for one package is PyPI failing on something of that package, most often its "
                    "metadata (a very long or unusual long description): run `twine check dist/*`, try the upload with a "
                    "shorter description to find it, and report it at https://github.com/pypi/support with the "
                    "package's name; https://status.python.org shows whether PyPI itself is down.")
REPEATED_500_LOGIN = (" A 500 to a login PyPI refuses (an account password it has found in a known breach) has been seen "
                      "too: where the upload sends an account password, upload with an API token (username `__token__`).")
# a connection never made: the name did not resolve, or the host refused or reset it before any answer
NEVER_CONNECTED = re.compile(r"Name or service not known|nodename nor servname|getaddrinfo failed|Temporary failure in name "
                              r"resolution|Connection refused|Network is unreachable|No route to host|dns error", re.I)
BLOCKED_FIX = ("Re-run once (a runner's name lookup can fail for a moment); if it fails again, this network blocks or "
               "cannot resolve PyPI's own upload host (spelled right in the log): a work or school firewall, or a network "
               "that needs a proxy; upload from another network such as CI, or through the proxy (`HTTPS_PROXY`).")


# an upload URL given to the uploader (`--repository-url`, the action's `repository-url:`, twine's and uv's variables) that
# is a page of the site, not its upload endpoint: the root, a `/project/` page, the `/simple/` index (pypi/warehouse#8863:
# a connection reset after the upload began)
PAGE_URL_GIVEN = re.compile(r"(?:--repository-url|--publish-url|\brepository[-_]url\W{0,3}|TWINE_REPOSITORY_URL\W{0,3}|"
                            r"UV_PUBLISH_URL\W{0,3})[\s=]{1,3}['\"]?(https?://(?:www\.|test\.)?pypi\.org(?:/project/\S{0,200}|"
                            r"/simple\S{0,200}|/)?)(?=['\"`\s]|$)", re.I)


def wrong_pypi_host(host: str) -> bool:
    """A host named like PyPI that is not one of its upload hosts (upload.pypi.io, upload.test.pypi.org, …)."""
    return bool(host) and "pypi" in host.lower() and host.lower() not in PYPI_HOSTS


# a 400 quoted in a sentence about the upload; twine's own `400 Bad Request from <url>` line is no sentence (its reason
# follows it), and the `upload` of `upload.pypi.org` is no word of one
BARE_400_SENTENCE = re.compile(r"\b400\W{0,3}bad request\b(?!\W{0,3}(?:from|for url)\b)[^.]{0,80}?\b(?:upload|publish)"
                                r"\w{0,4}\b(?![/-]|\.\w)|"
                                r"\b(?:upload|publish)\w{0,3}\b(?![/-]|\.\w)[^.]{0,60}?\b(?:reject\w{0,3}|refus\w{0,3}|fail\w{0,3}) with"
                                r"\W{0,4}(?:an? )?\W{0,2}400\b", re.I)
# WebAssembly wheels PyPI refuses: `emscripten_*` and `pyodide_*` tags (it takes PEP 783's `pyemscripten_*` since 2026-04)
WASM_WHEEL = re.compile(r"[\w.+-]{1,200}?-(?:emscripten|pyodide)_\w{1,60}\.whl\b", re.I)
_WASM_WORDS = re.compile(r"\b(?:wasm|wasm32|webassembly|emscripten|pyodide)[- ]wheels?\b", re.I)
UPLOADING = re.compile(r"^\s*Uploading (\S{1,300}\.(?:whl|tar\.gz|zip))\b")


def wasm_wheel(cleaned: List[Tuple[int, str]], line: int) -> bool:
    """Whether the bare 400 at `line` answered a WebAssembly wheel: the last file uploaded before it is one, or the
    sentence that reports the 400 names such wheels."""
    uploading = [m.group(1) for n, t in cleaned if n <= line for m in [UPLOADING.match(t)] if m]
    if uploading:
        return bool(WASM_WHEEL.fullmatch(uploading[-1]))
    said = " ".join(t for n, t in cleaned if n == line)
    return bool(_WASM_WORDS.search(said) or WASM_WHEEL.search(said))


_LONE_400 = re.compile(r"\b400 (?:Client Error: )?Bad Request (?:from|for url:?) \S{1,300}\s*$", re.I)


def bare_400_line(cleaned: List[Tuple[int, str]], raw: List[str]) -> Optional[int]:
    """The line of a `400 Bad Request from URL` whose next pasted line does not carry a reason (twine's wrapped reason is
    indented under the level word)."""
    for i, (n, t) in enumerate(cleaned):
        if not _LONE_400.search(t):
            continue
        following = [m for m, u in cleaned[i + 1:i + 3] if m != n and u.strip()]
        nxt = raw[following[0] - 1] if following and following[0] - 1 < len(raw) else ""
        if not re.match(r"^(?:\S+Z )?\s{5,}\S", nxt):
            return n
    return None


_TRACEBACK = re.compile(r"Traceback \(most recent call last\)")
_PROMPT_THEN_TRACEBACK = re.compile(r"Enter your (?:username|password|API token):\s*Traceback", re.I)
# the frames where an uploader resolves the credentials: twine's `create_repository()` (the username and password
# properties, `auth.py`, its prompt through `input`/`getpass`)
CREDENTIAL_FRAME = re.compile(r"\bcreate_repository\(|\bin create_repository\b|[/\\]twine[/\\]auth\.py\b|"
                               r"\bget_userpass_value\b|\bgetpass\b|\bin (?:username|password)\b", re.I)


# an uploader stopped by hand (`^C`, KeyboardInterrupt) after it listed its files and before any file's own upload line
# (twine's `Uploading <file>`, a progress bar): it hung before the first request, which is where it looks up the
# credentials (a keyring backend that never answers, a prompt) (pypa/twine#847)
_INTERRUPTED = re.compile(r"^\^C|^KeyboardInterrupt\b")
_LISTED = re.compile(r"^Uploading distributions to\b")
_SENT = re.compile(r"^Uploading \S{1,300}\.(?:whl|tar\.gz|zip)$|\d%\|")
INTERRUPTED_TITLE = "The upload was stopped by hand before it sent a file: most often it hung looking up the credentials"
INTERRUPTED_FIX = ("An uploader that hangs after listing its files is waiting on the credential lookup: disable keyring "
                   "(`python -m keyring --disable`, or `PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring`) or give "
                   "the password by variable (`TWINE_USERNAME=__token__`, `TWINE_PASSWORD`); if it still hangs, paste the "
                   "whole traceback printed on interrupting it (its last frames name where it waited).")


def interrupted_before_upload(cleaned: List[Tuple[int, str]]) -> Optional[int]:
    """The line of an interrupt (`^C`, KeyboardInterrupt) after the uploader listed its files and before it sent one."""
    listed = next((i for i, (_, t) in enumerate(cleaned) if _LISTED.match(t.strip())), None)
    if listed is None:
        return None
    for n, t in cleaned[listed + 1:]:
        if _SENT.search(t.strip()):
            return None
        if _INTERRUPTED.match(t.strip()):
            return n
    return None


def credential_traceback(cleaned: List[Tuple[int, str]]) -> Optional[int]:
    """The line of a traceback raised while the uploader read the username or password (a prompt in a job nobody
    types into), when the traceback's last frame is there or it follows the prompt; a traceback that ends in another
    exception (an `HTTPError`, an `InvalidDistribution`) is that exception's."""
    starts = [i for i, (_, t) in enumerate(cleaned) if _TRACEBACK.search(t)]
    if not starts:
        return None
    i = starts[-1]
    rest = [t.strip() for _, t in cleaned[i + 1:] if t.strip() and not logtext.is_noise(t)]
    ended = next((t for t in reversed(rest) if re.match(r"^[\w.]{1,80}(?:Error|Exception|Failure)\b", t)), None)
    if ended and not re.match(r"^(?:EOFError|KeyboardInterrupt|[\w.]*NonInteractive|[\w.]*NoKeyringError)\b", ended):
        return None
    frames = [t for t in rest if not t.startswith("File ")][-1:] + [t for t in rest if t.startswith("File ")][-1:]
    if _PROMPT_THEN_TRACEBACK.search(cleaned[i][1]) or any(CREDENTIAL_FRAME.search(t) for t in frames):
        return cleaned[i][0]
    return None
