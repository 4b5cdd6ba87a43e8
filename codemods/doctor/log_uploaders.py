"""The uploader and what it runs on: a missing or capped twine, gpg signing, a release tool that calls the uploader,
uv's index settings, a library rolled back under the uploader."""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from codemods.doctor.log_said import SENTENCE_END, unwrapped
from codemods.doctor.log_servers import OTHER_REGISTRY


# a twine cap told as the release tool's own (a plugin's requirements.txt, "this project limits twine less than version
# 6": semantic-release-pypi #42), so upgrading twine in the job does not reach it; the tool by its name where told
_TWINE_CAPPED = re.compile(r"\b(?:limit\w{0,3}|pin\w{0,4}|caps?|capp\w{2,3}|restrict\w{0,4}|lock\w{0,3}|constrain\w{0,4}|"
                           r"hold\w{0,3})\b(?:[^.]|\.(?=\w)){0,30}?\btwine\b(?:[^.]|\.(?=\w)){0,30}?(?:<=?\s?v?[1-6]\b|"
                           r"\b(?:less|lower|older) than\s(?:version\s)?v?[1-6]\b|\bbelow\s(?:version\s)?v?[1-6]\b)|"
                           r"\btwine\s?<=?\s?[1-6]\b", re.I)
_TOOL_OWNS = re.compile(r"\bplugins?\b|\bthis (?:project|package|tool|action)\b|\bthe (?:tool|action)\b|"
                        r"\bits (?:own )?(?:dependencies|requirements)\b", re.I)
_TOOL_NAMED = re.compile(r"\b([\w@.]{1,40}-[\w@.-]{1,40}[\w])\s(?:plugin|action|package)\b|\b(?:plugin|action)\s`?"
                         r"([\w@.]{1,40}-[\w@/.-]{1,40}[\w])`?", re.I)


# a tool's own bundled uploader (pants' `Building twine.pex from …/twine.lock`) whose start-up traceback is cut inside the
# import machinery, before its exception line: the uploader broke at import on a dependency the tool's lockfile pins
# (pantsbuild/pants #21893: importlib-metadata 8 under twine 6)
_BUNDLED = re.compile(r"\bBuilding (twine|flit|hatch|maturin|poetry|pdm|uv)\.pex from (\S{1,300}\.lock)\b")
_IMPORTING = re.compile(r"\bimport_module\b|\b_gcd_import\b|\b_find_and_load\b")
_EXCEPTION_LINE = re.compile(r"^[\w.]{1,80}(?:Error|Exception|Exit|Interrupt)\b")
_TOOL_RELEASE = re.compile(r"\b(?:using|with|on|in|after|since|from)\s(?:v|version\s)?(\d{1,4}\.\d{1,4}\.\d{1,4}"
                           r"(?:\.?(?:a|b|rc|dev)\d{1,4})?)\b")


BUNDLED_FIX = ("Upgrade the release tool to a release whose lockfile for the uploader works, or give the uploader your "
               "own requirements and lockfile (pants: `[twine].install_from_resolve` with a resolve that pins the broken "
               "dependency, such as `importlib-metadata<8`); paste the traceback's last line (the exception) to name "
               "the dependency.")


def bundled_uploader_cut(cleaned: List[Tuple[int, str]]) -> Optional[Tuple[int, str, str, Optional[str]]]:
    """(traceback line, uploader, lockfile, the release a sentence names) where a tool built its own uploader from a
    lockfile and a traceback after that stops in the import machinery with no exception line."""
    built = next(((i, m) for i, (_, t) in enumerate(cleaned) for m in [_BUNDLED.search(t)] if m), None)
    if built is None:
        return None
    rest = cleaned[built[0] + 1:]
    start = next((j for j, (_, t) in enumerate(rest) if "Traceback (most recent call last)" in t), None)
    if start is None:
        return None
    after = [t.strip() for _, t in rest[start + 1:] if t.strip()]
    if not any(_IMPORTING.search(t) for t in after) or any(_EXCEPTION_LINE.match(t) for t in after):
        return None
    said = next((m.group(1) for _, t in cleaned[:built[0]] for m in [_TOOL_RELEASE.search(t)] if m), None)
    return rest[start][0], built[1].group(1), built[1].group(2), said


def twine_capped_by_tool(whole: str) -> Optional[str]:
    """The release tool whose own requirements cap twine below the release that reads the metadata ("the release
    plugin" where the text does not name it); None when no such cap is told."""
    if not (_TWINE_CAPPED.search(whole) and _TOOL_OWNS.search(whole)):
        return None
    named = _TOOL_NAMED.search(whole)
    return f"`{named.group(1) or named.group(2)}`" if named else "the release plugin (or tool)"


def tool_cap_fix(tool: str) -> str:
    return (f"Upgrade {tool} to a release that lifts its own pin of twine (twine 6.1 is the first to read "
            "Metadata-Version 2.4, 7.0 the first to read 2.5), or ask its maintainers to: a twine upgraded in the job does not reach the twine the "
            "tool installs for itself. Meanwhile build with a backend release that writes an older Metadata-Version.")


# gpg failing while the uploader signs the files (`twine upload --sign`, its `Signing <file>` lines); gpg taking one of
# its options for the file to open is the uploader's bug (pypa/twine #130: 1.6.0 put `--local-user` after the file)
GPG_FAILED = re.compile(r"\bgpg: (?:signing failed\b|can't open\b|skipped \"[^\"]{0,200}\": (?:No secret key|secret key not "
                        r"available)|no default secret key\b)|"
                        # distutils' `upload --sign` (setup.py upload -s) reports gpg's failure so
                        r"\berror: command '?(?:[\w/.\\:-]{0,100}[/\\])?gpg2?(?:\.exe)?'? failed with exit (?:status|code) \d", re.I)
GPG_OPTION_AS_FILE = re.compile(r"gpg: can't open [`'‘]-{1,2}[A-Za-z][\w-]{0,30}'")
_UPLOADER_SIGNS = re.compile(r"\btwine\b[^\n]{0,200}?\s(?:--sign|-s|--identity|-i|--sign-with)\b|"
                             r"\bsetup\.py\b[^\n]{0,200}?\bupload\b[^\n]{0,60}?\s\W{0,2}(?:--sign|-s|--identity|-i)\b|"
                             r"^\s*Signing \S{1,300}\.(?:whl|tar\.gz|zip)\b", re.I | re.M)
_OTHER_SIGNER = re.compile(r"\bmaven\b|\bmvn\b|sonatype|\bgradle\b|\bgit (?:commit|tag)\b|\bdebsign\b|\bdpkg\b|"
                           r"\brpmsign\b|\bapt\b", re.I)
SIGN_DROP = ("PyPI has kept no PGP signatures since May 2023 (it discards them), so signing gains nothing: drop `--sign` / "
             "`-s` and `--identity` from the upload")
RULESET_FIX = ("Add GitHub Actions (or the app whose token writes) to the ruleset's bypass list (Settings → Rules → Rulesets), "
               "or write the ref with a token of an actor on that list; no `permissions:` scope lets the job's token "
               "past a ruleset.")
# GitHub's branch protection refusing a push (`GH006`, "Changes must be made through a pull request"): the rule, not the
# token's scopes, stopped it
PROTECTED_BRANCH = r"\bGH006: Protected branch update failed\b|\bprotected branch hook declined\b"
PROTECTED_TITLE = "A branch protection rule refused the job's push"
PROTECTED_FIX = ("Commit the change (a version bump) on a new branch and open a pull request for it, or push with a token of "
                 "an actor the rule lets bypass it; no `permissions:` scope lets a token past branch protection. Re-run "
                 "only what failed: an upload that went through is already on PyPI.")
TLS_FIX = ("Run the upload on a Python whose ssl speaks TLS 1.2, which PyPI requires (Python 2.7.9+ or 3.4+ built on OpenSSL "
           "1.0.1 or later; on old macOS a current python.org or Homebrew Python, not the system one); no credential or URL is in "
           "question.")
GPG_SIGN_FIX = f"{SIGN_DROP}; nothing else in the upload is in question."
# PyPI's older refusals of the signature sent with a file (warehouse 2016-2022, legacy PyPI): the signature, not the file
SIGNATURE_REFUSED = re.compile(r"PGP signature (?:is not|isn't) ASCII armored|signature is not ASCII-armored|"
                               r"\bSignature too large\.", re.I)
SIGNATURE_FIX = (f"{SIGN_DROP} and the `.asc` files; where an index still takes signatures, give it an ASCII-armored "
                 "detached one (`gpg --detach-sign --armor`).")
# twine 1.x's note after a 5xx of the retired pypi.python.org (utils.py check_status_code): the old URL is the cause
LEGACY_PYPI_5XX = re.compile(r"It appears you're uploading to pypi\.python\.org \(or testpypi\) you've received a 500\b",
                             re.I)
GPG_ORDER_FIX = (f"gpg took one of its options for the file to sign: the uploader put it after the file name, a bug of the "
                 f"uploader (twine 1.6.0 did so with `--identity`, fixed in 1.6.1). {SIGN_DROP}, or upgrade the uploader.")
# twine handed an empty argument (`twine upload '' dist/x.whl`): a script's quoted empty variable or array element, not a
# missing build (apache/arrow #46238, a release script run by hand): no artifact or folder is in question
EMPTY_ARGUMENT = r"Cannot find file \(or expand pattern\): (?:''|\"\")"
EMPTY_ARGUMENT_TITLE = "The uploader was given an empty argument, not a missing file"
EMPTY_ARGUMENT_FIX = ("The command that runs the upload passed an empty string among the files (`''`): a variable or array "
                      "element that is empty where the script quotes it (`\"$EXTRA\"`, `\"${files[@]}\"` holding an empty "
                      "string); fix the script so that only the files' paths reach the uploader (drop the empty element, "
                      "or pass an optional argument only when it is set), then run it again.")


def gpg_failed(cleaned: List[Tuple[int, str]], whole: str) -> Optional[Tuple[int, bool]]:
    """(line, whether gpg took an option for a file) of gpg failing to sign for the uploader; None otherwise."""
    raw = "\n".join(t for _, t in cleaned)
    line = next((n for n, t in cleaned if GPG_FAILED.search(t)), None)
    option = GPG_OPTION_AS_FILE.search(whole) is not None
    if line is None or not (option or _UPLOADER_SIGNS.search(raw)) or _OTHER_SIGNER.search(whole) or \
            OTHER_REGISTRY.search(whole):
        return None
    return line, option


# a program a Python tool ran that is not installed: Python's FileNotFoundError raised in os._execvpe (how `poetry run X`
# fails for a missing X, printed by cleo as `at …/os.py:601 in _execvpe`), and the command the log shows being run so
EXEC_MISSING = re.compile(r"FileNotFoundError\b.{0,300}?\bin _execvpe\b|\bin _execvpe\b.{0,600}?\bFileNotFoundError\b")
EXEC_RUN = re.compile(r"\b(?:poetry|pdm|hatch|pipenv|uv)\s(?:run|exec)\s(?:--\S{1,40}\s){0,3}([\w.-]{1,40})")
_EXEC_UPLOAD = re.compile(r"\.whl\b|\.tar\.gz\b|\bupload\w{0,3}\b|\bpublish\w{0,3}\b|\btwine\b|\bpypi\b", re.I)
UPLOADERS = ("twine", "maturin", "flit", "hatch", "uv", "poetry", "pdm")


def exec_missing(cleaned: List[Tuple[int, str]], whole: str) -> Optional[Tuple[int, Optional[str]]]:
    """(line, the program when the log names it) of an uploader a Python tool could not run because it is not
    installed (whylabs/whylogs #754: twine under `poetry run`); None for another program or no such failure."""
    m = EXEC_MISSING.search(whole)
    if not m or not _EXEC_UPLOAD.search(whole):
        return None
    ran = [r.group(1).lower() for r in EXEC_RUN.finditer(whole)]
    if ran and ran[-1] not in UPLOADERS:
        return None  # a test runner or a script of the project, no uploader
    line = next(n for n, t in cleaned if "FileNotFoundError" in t)
    return line, ran[-1] if ran else None


# an install step that could not install the upload tool (pip's and uv's words), and the lines of an install step;
# a log in which an upload ran names its files being uploaded
UPLOADER_NOT_INSTALLED = re.compile(r"(?:No matching distribution found for|Could not find a version that satisfies the "
                                    r"requirement)\s{1,3}`?(twine|maturin|flit|hatch|poetry|pdm)\b|"
                                    r"\bBecause (twine|maturin|flit|hatch|poetry|pdm)\b[^\n]{0,20}?\bwas not found in the "
                                    r"package registry", re.I)
# an uploader release told as yanked beside an install command that failed: the release a tool's own requirements pin
# could not be installed, so the uploader never ran (aws/jsii #4553: jsii-pacmak's requirements-dev.txt, a yanked twine)
_UPLOADER_YANKED = re.compile(r"\b(twine|maturin|flit|hatch|poetry|pdm)\s(?:version\s|release\s|[=~]=\s?)?v?(\d{1,3}(?:\.\d{1,4}"
                              r"){1,3})\b[^\n.]{0,40}?\s(?:has been|had been|was|is|got)\s(?:now\s)?yanked\b", re.I)
_INSTALL_FAILED = re.compile(r"\bpip\d?(?:\.exe)? install\b[^\n\"]{0,300}[\"']?\sfailed\b", re.I)
# the requirements file a failed install read, inside an installed tool (node_modules/<tool>/…, site-packages/<tool>/…)
_TOOL_REQUIREMENTS = re.compile(r"(?:node_modules|site-packages)[/\\]((?:@[\w.-]{1,60}[/\\])?[\w.-]{1,100})[/\\]"
                                r"[^\s\"']{0,200}?requirements[\w.-]{0,40}\.txt")
# a linked issue (a bug the text points at as background): no failure of the log by itself
ISSUE_LINK = re.compile(r"\bgithub\.com/[\w.-]{1,100}/[\w.-]{1,100}/issues/\d{1,7}\b|\b[\w.-]{1,100}#\d{1,7}\b")
YANKED_PIN_TITLE = "The upload tool could not be installed: the release pinned for it was yanked"
YANKED_PIN_FIX = ("Pin a release of the uploader that is not yanked where the pin is; where a release tool pins it in its "
                  "own requirements, use a release of that tool whose pin resolves (or report the pin to it), then re-run.")


def uploader_yanked(whole: str) -> Optional[Tuple[str, str, Optional[str]]]:
    """(uploader, version, the tool whose requirements pin it, if the path shows it) where the text says a release of
    the uploader was yanked and a `pip install` command failed, with no upload after it; None otherwise."""
    yanked = _UPLOADER_YANKED.search(whole)
    failed = _INSTALL_FAILED.search(whole)
    if not yanked or not failed or UPLOAD_RAN.search(whole):
        return None
    owner = _TOOL_REQUIREMENTS.search(failed.group(0))
    return yanked.group(1).lower(), yanked.group(2), owner.group(1) if owner else None


_INSTALL_STEP = re.compile(r"Looking in indexes|/simple/|\bpip\d?(?:\.exe)? install\b|\buv pip install\b|\buv tool install\b|"
                           r"\bpoetry (?:install|add)\b|^\s*Collecting\s|No matching distribution found for|"
                           r"Could not find a version that satisfies the requirement|Retrying \(Retry\(", re.I)
UPLOAD_RAN = re.compile(r"^\s*Uploading (?:distributions to|\S{1,300}\.(?:whl|tar\.gz|zip)\b)|Uploading \S{1,300}\.whl\b",
                         re.I | re.M)
_OLD_TWINE_WORDS = r"\b(?:old(?:er)?|outdated|stale|pinned|bundled)\s(?:\w+\s){0,2}?(?:twine|pkginfo)\b"
# an old twine's TypeError on a file it cannot read, in Python 3's words and in Python 2's (`expected string or buffer`)
TYPE_ERROR = re.compile(r"TypeError: expected string or (?:bytes-like object|buffer)\b")
_TWINE_RAN = re.compile(r"\btwine upload\b|Uploading distributions to\b", re.I)
# the same TypeError told in a sentence with a newer twine or pkginfo as what avoids it (plone/buildout.coredev #473)
_NEWER_TWINE = re.compile(r"\b(?:new(?:er|est)?|latest|upgrad\w{0,3}|updat\w{0,3}|bump\w{0,3})\s(?:[\w-]+\s){0,2}?"
                          r"(?:twine|pkginfo)\b|" + _OLD_TWINE_WORDS, re.I)
OLD_TWINE_FIX = ("Upgrade twine and pkginfo where the upload runs (`python -m pip install -U twine pkginfo`) and upload "
                 "with that twine, `python -m twine upload dist/*` (`which twine` shows whether an older install on PATH "
                 "shadows it), or use pypa/gh-action-pypi-publish.")


def twine_type_error(cleaned: List[Tuple[int, str]]) -> Optional[int]:
    """The line of twine's `TypeError: expected string or bytes-like object` (Python 2: `… or buffer`) raised within the
    five lines after `twine upload` (an old twine on a new file, before any request reached the index), or told in a
    sentence that names a newer (or an old) twine or pkginfo beside it."""
    for n, t in cleaned:
        if TYPE_ERROR.search(t) and any(_TWINE_RAN.search(u) for k, u in cleaned if n - 5 <= k < n):
            return n
    for n, t in unwrapped(cleaned):
        if any(TYPE_ERROR.search(s) and _NEWER_TWINE.search(s) for s in SENTENCE_END.split(t)):
            return n
    return None


# a connection the server dropped after the request was sent (the index was reached), as against one never made
DROPPED = re.compile(r"\bBadStatusLine\b|\bRemoteDisconnected\b|Connection reset by peer|ConnectionResetError|"
                      r"Connection aborted", re.I)
NOT_REACHED = re.compile(r"Connection refused|ConnectionRefusedError|Name or service not known|nodename nor servname|"
                          r"getaddrinfo failed|name resolution|NewConnectionError|Failed to establish a new connection|"
                          r"timed out|ProxyError|dns error", re.I)
# a release of a library told as what going back to fixes ("rollback to 2.8.1 solves the issue", "downgrading requests
# to 2.8.1 fixed it"); the library, where the sentence names one the uploader runs on
SAID_ROLLBACK = re.compile(r"\b(?:roll(?:ing|ed|s)?[ -]?back|downgrad\w{0,3}|revert\w{0,3}|pinn\w{0,3}|go(?:ing|es)? back|"
                           r"went back)\b(?:\s(?!to\b)[\w.`-]{1,40}){0,3}?\s(?:to|at)\s`?v?(\d{1,3}\.\d{1,3}(?:\.\d{1,3})?)\b"
                           + r"(?:[^.]|\.(?=\w)){0,60}?\b(?:solv|fix|work|help|resolv|cur)\w{0,3}\b", re.I)
_UPLOAD_LIBRARY = re.compile(r"\b(requests-toolbelt|requests_toolbelt|requests|urllib3|pkginfo|twine|keyring|"
                             r"readme[-_]renderer|rfc3986)\b", re.I)


def library_rollback(cleaned: List[Tuple[int, str]], whole: str, line: int) -> Optional[str]:
    """The fix where the connection error at `line` is the server dropping a request it received (`BadStatusLine`,
    reset by peer; nothing of a connection never made) and the log tells going back to a release as what fixes it:
    that release of the library, named where the sentence names one."""
    at = next((t for n, t in cleaned if n == line), "")
    said = SAID_ROLLBACK.search(whole)
    if not said or not DROPPED.search(at) or NOT_REACHED.search(whole):
        return None
    library = _UPLOAD_LIBRARY.search(whole[max(said.start() - 80, 0):said.end()])
    version = said.group(1)
    pin = f"`pip install '{library.group(1).lower()}=={version}'`" if library else f"its release {version}"
    return (f"Pin the library the log says going back to fixes the upload ({pin}) where the upload runs, or upgrade "
            "twine and requests-toolbelt to releases made for the newer one; the index was reached and the network is "
            "not at fault.")


# uv's refusal of `--index <name>`, and a `[[tool.uv.index]]` table shown in the log (up to the next table)
UV_INDEX_REFUSED = re.compile(r"(?:No indexes were found, can't use index|Index not found): `([^`\s]{1,100})`")
_UV_INDEX_TABLE = re.compile(r"^\s*\[\[tool\.uv\.index\]\]\s*$((?:\n(?!\s*\[)[^\n]*){1,20})", re.M)
UV_EXPLICIT_FIX = ("Upgrade uv where the upload runs: the pyproject.toml in the log defines that index with a `publish-url`, "
                   "and uv releases before the fix of 16 December 2024 (astral-sh/uv#9932) ignored indexes marked "
                   "`explicit = true` when publishing; with an older uv, give `--publish-url` (and `--check-url`) instead.")
UV_INDEX_SHOWN_FIX = ("Run `uv publish` where it reads the pyproject.toml the log shows (its directory, or `--directory`): "
                      "that file defines the index with a `publish-url`; or give `--publish-url` instead, and upgrade uv.")


def uv_index_shown(whole: str) -> Optional[bool]:
    """Whether the `[[tool.uv.index]]` uv says it cannot find is in the log with a `publish-url` (the configuration is
    right): True where that index is `explicit = true` (uv before astral-sh/uv#9932 skipped those), False where not,
    None where the log shows no such table."""
    refused = UV_INDEX_REFUSED.search(whole)
    if not refused:
        return None
    for m in _UV_INDEX_TABLE.finditer(whole):
        body = m.group(1)
        if re.search(r"^\s*name\s*=\s*[\"']" + re.escape(refused.group(1)) + r"[\"']", body, re.M) and \
                re.search(r"^\s*publish-url\s*=", body, re.M):
            return bool(re.search(r"^\s*explicit\s*=\s*true\b", body, re.M))
    return None


PYPIRC_SECTION_REFUSED = re.compile(r"Missing '([^'\s]{1,100})' section from")
# its value, on its line and the lines after that hold bare names (a log may have lost their indentation)
_INDEX_SERVERS = re.compile(r"^\s*index[-_]servers\s*[=:]([^\n]*(?:\n[ \t]*[^\s\[=#;][^\n=]*){0,20})", re.M)


def pypirc_section_shown(whole: str) -> Optional[str]:
    """The repository name twine says its .pypirc lacks, where the log shows that section's header (`[name]` alone on
    a line) and no `index-servers` listing it: twine reads only the sections `[distutils] index-servers` lists (`pypi
    testpypi` where the file has none), so the section shown was never read (pypa/twine#924)."""
    refused = PYPIRC_SECTION_REFUSED.search(whole)
    name = refused.group(1) if refused else None
    if not name or name in ("pypi", "testpypi") or not re.search(r"^\s*\[" + re.escape(name) + r"\]\s*$", whole, re.M):
        return None
    if any(name in m.group(1).split() for m in _INDEX_SERVERS.finditer(whole)):
        return None  # listed: the file shown is not the one twine read, another reading
    return name


def pypirc_unlisted_fix(name: str) -> str:
    return (f"List `{name}` in the .pypirc's `[distutils]` section (`index-servers =` with `pypi` and `{name}` on their "
            "own lines): twine reads only the sections `index-servers` names (`pypi` and `testpypi` where the file has "
            "no `[distutils]`); or give `--repository-url https://upload.pypi.org/legacy/` with the token in "
            "`TWINE_PASSWORD`.")

# a call into twine's `upload()` with an argument list it no longer takes (Python 2's and Python 3's words), and the
# release tools that made such calls (zest.releaser's `retry_twine`, python-semantic-release's `upload_to_pypi`)
INTERNAL_CALL = re.compile(r"TypeError: upload\(\) (?:takes (?:exactly |at least |at most )?\d{1,2} (?:positional )?"
                            r"arguments? \(\d{1,2} given\)|takes \d{1,2} positional arguments? but \d{1,2} (?:were|was) "
                            r"given|missing \d{1,2} required (?:positional |keyword-only )?arguments?|got an unexpected "
                            r"keyword argument)")
RELEASE_TOOL = re.compile(r"\bzest[./]releaser\b|\bsemantic[_-]release\b", re.I)
_TWINE_NAMED_VERSION = re.compile(r"\btwine\b[^\n.]{0,40}?\(?v?(\d{1,2}\.\d{1,2}(?:\.\d{1,3})?)", re.I)


def release_tool_fix(whole: str) -> str:
    """The fix where a release tool called twine's internal `upload()` with an older argument list: the tool and the
    twine it was written for, with the twine release the log names."""
    tool = RELEASE_TOOL.search(whole).group(0).lower().replace("/", ".").replace("_", "-")
    tool = "python-semantic-release" if "semantic" in tool else "zest.releaser"
    twine = _TWINE_NAMED_VERSION.search(whole)
    named = f" (the log names twine {twine.group(1)})" if twine else ""
    return (f"Upgrade {tool} to a release written for the installed twine, or pin twine back to the release that last "
            f"worked with it{named}: {tool} calls twine's internal `upload()`, whose arguments changed; the package "
            "and the credentials are not in question.")


# release tools that run twine for the user and hand it an upload URL of their own (jupyter_releaser's
# `--twine-repository-url`, read from `TWINE_REPOSITORY_URL`; python-semantic-release's and zest.releaser's settings),
# and an upload URL the log shows set in the job itself (then the URL is the user's, not the tool's default)
RELEASE_TOOL_URL = re.compile(r"\bjupyter[_-]releaser\b|\bzest[./]releaser\b|\bsemantic[_-]release\b", re.I)
_URL_SET_HERE = re.compile(r"--(?:twine-)?repository-url[ =]\s{0,3}['\"]?(?:https?://|\$)|\brepository[-_]url\W{0,2}\s{0,3}[:=]\s{0,3}\S|"
                           r"\bTWINE_REPOSITORY(?:_URL)?\W{0,2}\s{0,3}[:=]\s{0,3}\S|^\s{0,8}repository\s{0,3}[:=]\s{0,3}https?://",
                           re.I | re.M)


def release_tool_url(whole: str) -> Optional[str]:
    """The release tool that passed twine the refused upload URL: one is named in the log and the job sets no URL of its
    own, so the URL was the tool's default (jupyter-server/jupyter_releaser #406: a wrong default, fixed in the tool)."""
    tool = RELEASE_TOOL_URL.search(whole)
    if not tool or _URL_SET_HERE.search(whole):
        return None
    name = tool.group(0).lower()
    return "jupyter_releaser" if "jupyter" in name else "python-semantic-release" if "semantic" in name else "zest.releaser"


def release_tool_url_fix(tool: str) -> str:
    """The fix where a release tool's own default upload URL was refused: upgrade the tool, or set the URL by hand."""
    where = ("`TWINE_REPOSITORY_URL` in the job's environment (jupyter_releaser's `--twine-repository-url` reads it)"
             if tool == "jupyter_releaser" else
             f"the upload URL in {tool}'s settings (or `TWINE_REPOSITORY_URL` where it leaves the URL to twine)")
    return (f"Upgrade {tool} to a release whose default upload URL is right: the log shows none set in the job, so the "
            f"URL twine was given is {tool}'s own; meanwhile set {where} to `https://upload.pypi.org/legacy/` (PyPI) or "
            "`https://test.pypi.org/legacy/` (TestPyPI), which overrides the default.")


# a twine older than 1.8.0 printed in the log (`twine --version`'s line, a pin): it has no `--repository-url`, and its
# built-in upload address is a retired one (pypi.python.org/pypi; upload.pypi.io in 1.7), so a refusal of the old address
# is the old uploader's (pypa/twine #353: Debian's twine 1.5.0); 1.8.0 switched to upload.pypi.org/legacy/
_TWINE_BEFORE_18 = re.compile(r"\btwine(?:\sversion\s|\s?==\s?|\sv?)(1\.[0-7](?:\.\d{1,3})?)(?![\d.]*\d)", re.I)
_UPLOADING_TO = re.compile(r"\bUploading distributions to (https?://\S{1,100})")


def old_twine_fix(whole: str) -> Optional[str]:
    """The fix where the log's twine predates 1.8.0: upgrading it comes first, and only the option that twine has."""
    old = _TWINE_BEFORE_18.search(whole)
    if not old:
        return None
    to = _UPLOADING_TO.search(whole)
    shown = to.group(1).rstrip(".,") if to else ""
    where = (f"the log's `{shown}`" if re.search(r"//(?:pypi\.python\.org|upload\.pypi\.io)/", shown) else
             "`https://pypi.python.org/pypi`, or `https://upload.pypi.io/legacy/` in 1.7")
    return (f"Upgrade twine (`pip install -U twine`, in a virtualenv where the system's package lags): the log shows "
            f"twine {old.group(1)}, older than 1.8.0, whose built-in upload address is a retired one ({where}) and which "
            "has no `--repository-url`; with that twine only the `repository` line of .pypirc's `[pypi]` section, set to "
            "`https://upload.pypi.org/legacy/`, reaches the upload endpoint (leaving it out uploads to the retired default).")


def install_only(cleaned: List[Tuple[int, str]], line: int) -> bool:
    """Whether the connection error at `line` belongs to an install step (pip resolving packages from an index) in a log
    where no upload ran: the line or one of the three around it is an install step's."""
    whole = "\n".join(t for _, t in cleaned)
    if UPLOAD_RAN.search(whole):
        return False
    return any(_INSTALL_STEP.search(t) for n, t in cleaned if line - 3 <= n <= line + 3)
