"""Failures of a general shape, read where none of the known texts of PyPI and the uploaders is in the log.

A release job fails as often before the upload as in it: Python cannot import a module, a program is not installed, pip
finds no release of a requirement, git has no tags for the version plugin, a variable or an action's input is unset,
the runner runs out of disk. These readings name such a failure from the log's own words (the module, the program,
the variable) and give the usual fix. They look only at the lines where the log fails (the last error lines and the
exception a traceback ends with), so a warning earlier in the log is not taken for the cause; where nothing there has a
known shape the log stays unrecognised and its last error lines are shown.
"""
from __future__ import annotations

import re
from typing import Callable, List, Optional, Tuple

from codemods.doctor import logtext
from codemods.doctor.log_types import LogFinding, LogPattern
from codemods.doctor.rules import ERROR

Lines = List[Tuple[int, str]]

MODULE_MISSING = LogPattern(
    "log-module-missing", ERROR,
    r"\b(?:ModuleNotFoundError|ImportError): No module named '?([\w.]{1,100})'?|"
    r"(?:^|[/\\])python[\d.]{0,5}(?:\.exe)?: No module named '?([\w.]{1,100})'?|^No module named '([\w.]{1,100})'",
    "A module the step imports is not installed where it runs",
    "Python stopped at an import: the module is not installed in the environment that runs the failing program (a "
    "setup.py importing the project's own dependencies in an isolated build, a release script run before its "
    "requirements are installed, a build plugin missing from `[build-system] requires`). A dotted name whose package "
    "is installed is a module that the installed release of the package no longer has.",
    "Traceback (most recent call last):\n  File \"scripts/release.py\", line 3, in <module>\n    import requests\n"
    "ModuleNotFoundError: No module named 'requests'",
    "Install the package that provides the module where the failing program runs: for a build, list it in "
    "`[build-system] requires` of pyproject.toml; for a script, in the job's install step before the script runs.")
IMPORT_MISMATCH = LogPattern(
    "log-import-mismatch", ERROR,
    r"\bImportError: cannot import name '?(\w{1,100})'?(?: from '?([\w.]{1,100})'?)?(?! \(most likely due to a circular)|"
    r"\bAttributeError: module '([\w.]{1,100})' has no attribute '(\w{1,100})'",
    "An installed package lacks a name the code importing it expects",
    "The module exists but has no such name: the release of that package installed in the job is not the one the "
    "importing code was written for (a new release removed or moved the name, or an old one predates it). Most often "
    "an unpinned dependency published a release since the last good run.",
    "ImportError: cannot import name 'soft_unicode' from 'markupsafe' "
    "(/opt/hostedtoolcache/Python/3.9.12/x64/lib/python3.9/site-packages/markupsafe/__init__.py)",
    "Pin the package to a release that still has the name (the one before the release that removed it), or upgrade "
    "the package that imports it to a release made for the new one.")
PROGRAM_MISSING = LogPattern(
    "log-program-missing", ERROR,
    r"(?:^|[\s:])([\w.+-]{1,60}): command not found\b|/bin/\w{1,10}: \d{1,5}: ([\w.+-]{1,60}): not found\b|"
    r"'([\w.+-]{1,60})' is not recognized as an internal or external command|"
    r"\bmake(?:\[\d{1,3}\])?: ([\w.+-]{1,60}): (?:No such file or directory|Command not found)|"
    r"\bFileNotFoundError: \[(?:Errno|WinError) 2\] (?:No such file or directory|The system cannot find the file "
    r"specified):? '([\w.+-]{1,60})'|\bexec: \"?([\w.+-]{1,60})\"?: executable file not found\b|"
    r"\berror: command '([^'\s]{1,200})' failed: No such file or directory|"
    # a program started with no name printed (Windows' WinError 2 from subprocess, twine's gpg after `Signing …`)
    r"\bFileNotFoundError: \[(?:WinError|Errno) 2\] (?:The system cannot find the file specified|No such file or "
    r"directory)\.?\s*$",
    "A program the step runs is not installed where it runs",
    "The shell (or a Python tool starting a program) could not find it on PATH: the runner or container has no such "
    "program, it was installed in another job or another environment (a virtualenv that is not active, a user "
    "`--user` directory not on PATH), or its name is misspelt.",
    "/home/runner/work/_temp/9b2c.sh: line 1: gpg: command not found",
    "Install the program in an earlier step of the same job (or run on an image that has it); a Python tool installed "
    "with pip can be called as `python -m <tool>` so that PATH does not matter.")
GIT_VERSION = LogPattern(
    "log-git-version", ERROR,
    r"\bsetuptools[-_]scm was unable to detect version\b|\bunable to detect version for\b|"
    r"\bfatal: No names found, cannot describe anything\b|"
    r"\bfatal: not a git repository\b(?=.{0,400}?\b(?:version|setuptools[-_]scm|hatch-vcs|vcs)\b)|"
    r"\bError getting the version from source `vcs`|\bdunamai\b[^\n]{0,80}?\bno (?:tags|matching)\b",
    "The version comes from git, and the build found no git history or no tag",
    "A version plugin (setuptools-scm, hatch-vcs, versioneer, dunamai) reads the version from git: actions/checkout "
    "fetches one commit and no tags by default, a source archive or a container without the checkout has no `.git` at "
    "all, so the plugin finds no tag (or no repository) and fails or falls back to `0.0.0`/`0.1.dev1`.",
    "LookupError: setuptools-scm was unable to detect version for /home/runner/work/pkg/pkg.",
    "Check out the whole history with its tags (`fetch-depth: 0` on actions/checkout, with `fetch-tags: true` where "
    "the tags are still missing, or `git fetch --tags --unshallow`), and build from that checkout (keep `.git` in a container); where no git is at hand, give the "
    "version explicitly (`SETUPTOOLS_SCM_PRETEND_VERSION`).")
REQUIREMENT_UNAVAILABLE = LogPattern(
    "log-requirement-unavailable", ERROR,
    r"\bCould not find a version that satisfies the requirement '?([^\s'(]{1,200})|"
    r"\bNo matching distribution found for '?([^\s']{1,200})|\bResolutionImpossible\b|"
    r"\bthese package versions have conflicting dependencies\b|"
    r"\bBecause ([\w.-]{1,100})\b[^\n]{0,80}? was not found in the package registry",
    "The installer found no release of a requirement that fits",
    "pip (or uv) could not install what the step asks for: no release of the package matches the pin for this Python "
    "and platform (a version that does not exist, one that requires another Python, a package only on another "
    "index), or the pins of two requirements exclude each other.",
    "ERROR: Could not find a version that satisfies the requirement bump-my-version==9.9 (from versions: 1.1.0, "
    "1.2.0)\nERROR: No matching distribution found for bump-my-version==9.9",
    "Correct or loosen the pin so that a release on the index fits the job's Python and platform (`pip index versions "
    "<package>` lists them; the log's `from versions:` shows what was found), or set up the Python the release "
    "supports (actions/setup-python's `python-version`); for conflicting pins, relax one of them.")
VARIABLE_MISSING = LogPattern(
    "log-variable-missing", ERROR,
    r"\bInput required and not supplied: ([\w-]{1,100})|\bKeyError: '([A-Z][A-Z0-9_]{2,100})'|"
    # a shell's `set -u` (bash: `script.sh: line 41: NAME: unbound variable`; dash: `NAME: parameter not set`)
    r"(?:^|\s)([^\s:]{1,200}): (?:(?:line )?\d{1,6}: )?([A-Za-z_]\w{0,100}): (?:unbound variable|parameter (?:null or )?not "
    r"set)\b",
    "A variable or an action's input the step needs is not set",
    "The step reads a value the run did not give it: an action's required input left out (or given a secret that "
    "reads as empty), or a script reading an environment variable the step does not set. A secret is empty where the "
    "run cannot see it: a pull request from a fork, an environment secret in a job that names no environment, a "
    "reusable workflow called without `secrets: inherit` or the secret passed on.",
    "Error: Input required and not supplied: password",
    "Give the step the value (`with:` for an action's input, `env:` for a script's variable); where it comes from a "
    "secret, check the secret's name, that it is set where the job runs (repository, environment, organisation), and "
    "that a reusable workflow is called with `secrets: inherit`.")
RUNNER_RESOURCES = LogPattern(
    "log-runner-resources", ERROR,
    r"\bNo space left on device\b|\bexit code 137\b|\bhas exceeded the maximum execution time\b|"
    r"\bThe runner has received a shutdown signal\b|\blost communication with the server\b",
    "The runner ran out of disk, memory or time",
    "Nothing in the release is wrong: the job stopped because the runner's disk filled (`No space left on device`), "
    "its memory ran out (the kernel killed the process: exit code 137), or it ran past its time limit or lost its "
    "runner.",
    "OSError: [Errno 28] No space left on device",
    "Make the job fit the runner: free disk space before the build (remove toolchains the job does not use, build into "
    "a clean folder), build fewer wheels or with fewer parallel jobs per runner, or raise `timeout-minutes`; then "
    "re-run the job.")
SYNTAX = LogPattern(
    "log-python-syntax", ERROR,
    r"\bSyntaxError: ([^\n`]{1,200})",
    "Python could not parse a file the step runs",
    "A `SyntaxError` at start-up means the Python that runs the file is older than the syntax it uses (f-strings, "
    "`:=`, `match`, type parameters), a Python 2 script runs under Python 3 (or the reverse), or the file itself has an "
    "error (a merge conflict left in it).",
    "  File \"setup.py\", line 12\n    print(f\"{name}\")\n                   ^\nSyntaxError: invalid syntax",
    "Run the step with the Python the code is written for (actions/setup-python's `python-version`, the image's "
    "Python), or fix the line the traceback points at.")
ENCODING = LogPattern(
    "log-text-encoding", ERROR,
    r"\bUnicode(?:De|En)codeError: '(charmap|ascii|cp\d{3,4}|gbk|latin-?1)' codec can't (?:de|en)code",
    "A file is read with the platform's default encoding, not UTF-8",
    "Python opened a text file (a README read by setup.py, a changelog, a template) without `encoding=`, so it used "
    "the platform's default: cp1252 on Windows runners, ASCII under a C locale. A UTF-8 character in the file then "
    "cannot be decoded.",
    "UnicodeDecodeError: 'charmap' codec can't decode byte 0x9d in position 2146: character maps to <undefined>",
    "Open the file as UTF-8 (`open(path, encoding=\"utf-8\")`, `Path.read_text(encoding=\"utf-8\")`), or set "
    "`PYTHONUTF8=1` in the job's environment.")
COMMAND_FAILED = LogPattern(
    "log-command-failed", ERROR,
    r"\berror: command '([^'\n]{1,200})' failed with exit (?:status|code) (-?\d{1,5})|"
    # a Docker image build's `RUN` line failing (BuildKit's wording, then the classic builder's): an action's own image
    # built before its step, or one the job builds
    r"\bfailed to solve: process \"(.{1,800}?)\" did not complete successfully: exit code: (\d{1,3})|"
    r"\bThe command '(.{1,800}?)' returned a non-zero code: (\d{1,3})|"
    # a command-line parser refusing an option of its own command (clap's, as uv's and maturin's; argparse's; click's)
    r"\berror: unexpected argument '([^'\n]{1,60})' found|(?:^|\s)((?:python3? -m )?[\w.-]{1,60}): error: unrecognized "
    r"arguments: ([^\s'\"]{1,60})|\bError: No such option: ([^\s'\"]{1,60})",
    "A program the step runs failed",
    "A program the step runs exited with an error (a compiler or signer the build backend ran, a release command), or "
    "the CI's shell failed the step on what a program printed; the program's own reason is in the lines just above "
    "this one (a missing header or library, a missing key, an option it does not know).",
    "error: command 'gcc' failed with exit status 1",
    "Read the program's own error above the line: for a compiler, install the development headers the build needs "
    "in the job (`python3-dev`, the library's `-dev` package) or use a build image that has them (cibuildwheel's "
    "manylinux images); then rebuild.")

FILE_MISSING = LogPattern(
    "log-file-missing", ERROR,
    r"\b(?:FileNotFoundError|IOError|OSError): \[(?:Errno|WinError) [23]\] (?:No such file or directory|The system cannot "
    r"find the (?:file|path) specified): '([^'\n]{1,300})'|\berror: can't copy '([^'\n]{1,300})': doesn't exist\b",
    "A file the step reads is not where it looks",
    "The failing program opened a file that is not there: most often setup.py reading a README, requirements or "
    "version file that the sdist does not carry (the wheel is then built from the sdist, where only what MANIFEST.in "
    "or the backend includes exists), or a step run from another directory than the one the path is relative to.",
    "FileNotFoundError: [Errno 2] No such file or directory: 'requirements.txt'",
    "Make the file part of what is built (MANIFEST.in `include requirements.txt`, or the backend's include setting) "
    "or read it relative to the file that reads it (`Path(__file__).parent / \"README.md\"`); for a step, run it "
    "in the directory the path is relative to (`working-directory:`).")

# the same told in a sentence: the tags out of the build's sight, beside a version plugin or the version it fell back to
SAID_TAGS_UNSEEN = re.compile(
    r"\bshallow (?:checkout|clone)\b|\b(?:only )?fetch(?:es)? (?:only )?a single commit\b|"
    r"\bdo(?:es)?(?:n[’']?t| not) fetch (?:the )?(?:git )?tags?\b|\btags? (?:were|are|was|is) not fetched\b|"
    r"\b(?:can(?:no|[’'])t|could(?: not|n[’']t)|unable to|did(?: not|n[’']t)|does(?: not|n[’']t))\s(?:\w+\s){0,2}?"
    r"(?:access|see|find|identify|fetch|read)\s(?:[\w']+\s){0,3}?tags?\b", re.I)
VERSION_PLUGIN = re.compile(r"\b" + logtext.VERSION_PLUGINS + r"\b", re.I)
FALLBACK_VERSION = re.compile(r"(?<![\w.])0\.0\.0(?:\.dev0)?\b|\.dev0\b", re.I)


def tags_unseen(whole: str, python_release: bool) -> Optional[re.Match]:
    """Where a sentence says the build did not see the repository's tags, in a text about a version read from git: a
    version plugin named, or the version such a plugin falls back to in a text about a Python release."""
    said = SAID_TAGS_UNSEEN.search(whole)
    about = VERSION_PLUGIN.search(whole) or python_release and FALLBACK_VERSION.search(whole)
    return said if said and about else None


# the same told of a whole step: the deploy or upload run from another directory than the project's (an earlier `cd`, a
# `before_deploy` stage that moved, "forgot to add `cd ~/`"), beside the deploy and a file it looks for (setup.py, dist/)
SAID_WRONG_DIRECTORY = re.compile(
    r"\b(?:forg[eo]t\w{0,3}|missing|missed|need(?:ed|s)?|had) to\W{0,3}(?:add|run|put|include)\s(?:an?\s|the\s)?\W{0,3}cd\b|"
    r"\b(?:wrong|another|a different|other) (?:working )?(?:directory|folder|dir)\b|"
    r"\b(?:before_deploy|before_install|before_script)\b[^.\n]{0,60}?\W{1,3}cd\s|\W{1,3}cd\s[^.\n]{0,40}?\bbefore_deploy\b", re.I)
_DEPLOY_WORD = re.compile(r"\b(?:deploy\w{0,4}|upload\w{0,4}|publish\w{0,4})\b", re.I)
_PROJECT_FILE = re.compile(r"\bsetup[-_.]py\b|\bdist/|\bpyproject[-_.]toml\b", re.I)
WRONG_DIRECTORY_TITLE = "The deploy step ran from another directory than the project's"
WRONG_DIRECTORY_FIX = ("Run the upload from the project's directory: end the earlier stage that moved (`before_deploy`, "
                       "a script's `cd`) with `cd` back to it (Travis: `cd \"$TRAVIS_BUILD_DIR\"`), or give the step its "
                       "directory (GitHub Actions: `working-directory:`; `packages-dir:` for the publish action), so that "
                       "setup.py and `dist/` are found; then publish the missed version from its tag.")


def wrong_directory(whole: str, python_release: bool) -> Optional[re.Match]:
    """Where a sentence says a deploy or upload ran from another directory than the project's, in a text about a
    Python release (or naming setup.py or dist/, even as a link's words)."""
    said = SAID_WRONG_DIRECTORY.search(whole)
    return said if said and _DEPLOY_WORD.search(whole) and (python_release or _PROJECT_FILE.search(whole)) else None


# the same told of the upload's folder: the uploader or a CI's deploy provider taking only `dist/` while the build wrote
# its wheels elsewhere (pypa/cibuildwheel #947: "the `pypi` deploy provider uploads only wheels from the `dist`
# directory, not the `wheelhouse` directory"): one sentence with "only", `dist`, another output folder and an upload word
_ONLY = re.compile(r"\bonly\b", re.I)
_DIST_FOLDER = re.compile(r"`?\bdist\b/?`?\s(?:director(?:y|ies)|folder|dir)\b|`dist/?`|(?<![\w/])dist/(?![\w*])", re.I)
_OTHER_OUTPUT = re.compile(r"\bwheelhouse\b|\boutput[-_ ]dir(?:ectory)?\b|\btarget/wheels\b|\bbuild/(?:dist|wheels)\b", re.I)
FOLDER_ONLY_TITLE = "The uploader reads only `dist/`, and the build wrote its wheels to another folder"
FOLDER_ONLY_FIX = ("Build into, or copy the wheels to, the folder the uploader reads: give the build that folder "
                   "(cibuildwheel `--output-dir dist`, or copy `wheelhouse/*.whl` into `dist/` before the deploy), or "
                   "point the uploader at the build's folder (`packages-dir:`, `twine upload wheelhouse/*`); then upload "
                   "the wheels that were left out for this version.")


def upload_folder_only(whole: str, python_release: bool) -> Optional[re.Match]:
    """Where a sentence says the uploader (or a CI's deploy provider) takes only `dist/` while the build's wheels went to
    another folder, in a text about a Python release."""
    if not python_release:
        return None
    for m in re.finditer(r"[^.\n]+", whole):
        told = m.group(0)
        if _ONLY.search(told) and _DIST_FOLDER.search(told) and _OTHER_OUTPUT.search(told) and _DEPLOY_WORD.search(told):
            return m
    return None

# the same told of a release service between the CI and PyPI (an organisation's upload proxy: jazzband/help #84, "it's
# not set up to work with the new project releases yet … Releases happen now via the Jazzband"): the service's own
# configuration for the project, not a refusal of PyPI's; both the "not set up" and the service the releases go through
_NOT_SET_UP = re.compile(r"\bnot\s(?:yet\s)?(?:been\s)?(?:set\s?up|configured|enabled|registered)\b[^.\n]{0,40}?\b(?:for|with)\s"
                         r"(?:the\s|this\s|a\s)?(?:new\s)?(?:projects?|repo\w{0,8}|packages?)\b(?:\s(?:releases?|uploads?))?", re.I)
_VIA_SERVICE = re.compile(r"\breleases?\s(?:\w+\s){0,2}?(?:via|through)\s(?:the\s|an?\s|our\s)?(?!pypi\b|twine\b|github\b)"
                          r"[\w.-]{2,40}\b|\b(?:release|upload)\s(?:service|proxy|server|bot)\b", re.I)
SERVICE_TITLE = "The release service between the CI and PyPI was not set up for this project"
SERVICE_FIX = ("The organisation's release service (the upload proxy the CI hands the release to, such as Jazzband's) "
               "was not yet set up for this project: ask its maintainers to set the project up there, then re-run the "
               "release for the tag. PyPI itself refused nothing, and no credential of the project is in question.")


def service_not_set_up(whole: str, python_release: bool) -> Optional[re.Match]:
    """Where a sentence says a release service in the way was not set up for the project, and the text says the
    releases go through such a service, in a text about a Python release."""
    said = _NOT_SET_UP.search(whole)
    return said if said and python_release and _VIA_SERVICE.search(whole) else None

# the same told of the CI's shell: PowerShell (AppVeyor, Windows runners) turning a program's stderr into an error that
# fails the step, though the program succeeded (zopefoundation/BTrees #93: "PowerShell interprets any stderr output from
# a child process as an error … cause the Appveyor builds to fail, even if the actual binary wheels … have been built and
# uploaded successfully")
SAID_STDERR_FAILS = re.compile(
    r"\b(?:power\s?shell|pwsh|the\s(?:ci(?:'s)?\s)?shell|appveyor|azure\spipelines?)\b[^.]{0,60}?\b(?:treats?|"
    r"interprets?|considers?|counts?|takes?|reports?)\b[^.]{0,40}?\b(?:stderr|standard\serror)\b[^.]{0,60}?\bas\s"
    r"(?:an?\s)?(?:errors?|failures?)\b|"
    r"\b(?:output|writing|anything|warnings?)\s(?:\w+\s){0,3}?(?:on|to)\s(?:stderr|standard\serror)\b[^.]{0,40}?"
    r"\b(?:fails?|failed|breaks?|broke)\s(?:the\s)?(?:build|step|job|deploy\w{0,3})\b", re.I)
STDERR_TITLE = "The CI's shell failed the step on a program's stderr output, not on a failed command"
STDERR_FIX = ("PowerShell (AppVeyor's `ps:` scripts, Windows runners) can turn anything a program writes to stderr (pip's "
              "and twine's warnings) into an error that fails the step although the program exited 0: judge the step by "
              "the program's exit code (`$LASTEXITCODE`), e.g. run it through `cmd /c`, or do not stop on that stderr "
              "(`$ErrorActionPreference = 'Continue'` around the call); on a re-run, skip the files already uploaded "
              "(`twine upload --skip-existing`).")


def stderr_fails(whole: str, python_release: bool) -> Optional[re.Match]:
    """Where a sentence says the CI's shell fails a step on a program's stderr output, in a text about a Python release
    or an upload."""
    said = SAID_STDERR_FAILS.search(whole)
    return said if said and (python_release or _DEPLOY_WORD.search(whole)) else None


# most telling first: the encoding, a name or module missing, a program or file missing, pip, a variable, resources,
# syntax, a failed command (GIT_VERSION is read with the known texts, after a re-upload it causes: log_patterns.py)
GENERIC: Tuple[LogPattern, ...] = (ENCODING, IMPORT_MISMATCH, MODULE_MISSING, PROGRAM_MISSING,
                                   FILE_MISSING, REQUIREMENT_UNAVAILABLE, VARIABLE_MISSING, RUNNER_RESOURCES, SYNTAX, COMMAND_FAILED)
_RX = {p.id: re.compile(p.pattern) for p in GENERIC}
_FILE_FRAME = re.compile(r"^File \"([^\"]{1,400})\", line (\d{1,6})")
_INSTALLED = re.compile(r"[/\\](?:site|dist)-packages[/\\]([\w.]{1,100})")
_DATA_FILE = re.compile(r"\.(?:md|rst|txt|cfg|toml|json|ya?ml|py|in|ini|lock|csv|h|c|pyx|whl|gz|zip)$", re.I)


_ERROR_PAGE = re.compile(r"^(?:[45]\d\d: [A-Z][\w ]{2,40}$|<!DOCTYPE html|<html\b|<\?xml\b)", re.I)
_PY_FILE = re.compile(r"(?<![\w.-])([\w-]{1,100}\.py)\b(?!\w)")
WINDOW = 40  # lines before the last failing line that still belong to the failure


def _failing_lines(cleaned: Lines, raw: List[str]) -> Lines:
    """The lines where the log fails: its last error lines, the exception each Python traceback ends with, and every
    line within WINDOW lines above the last of them (a program's own words, `make: poetry: No such file or directory`,
    look like no error); an error far above, followed by ordinary output, did not stop the run."""
    picked = dict(logtext.last_error_lines(cleaned, count=8, raw=raw))
    for n, t in cleaned:  # a long line is shown cut at 200 characters: read it whole
        whole = " ".join(t.split())
        if n in picked and len(whole) > len(picked[n]) and whole.startswith(picked[n]):
            picked[n] = whole
    for i, (n, t) in enumerate(cleaned):
        if t.strip().startswith("Traceback (most recent call last)"):
            end = next((k for k in range(i + 1, min(i + 400, len(cleaned)))
                        if re.match(r"^[\w.]{1,100}(?:Error|Exception|Exit|Interrupt)\b", cleaned[k][1].strip())), None)
            if end is not None:
                picked.setdefault(cleaned[end][0], cleaned[end][1].strip())
    last = max(picked, default=0)
    near = {n: t.strip() for n, t in cleaned if last - WINDOW <= n <= last}  # a program's own words just above
    near.update(picked)
    return sorted((n, t) for n, t in near.items() if n >= last - WINDOW)


def _importer(cleaned: Lines, line: int) -> Optional[str]:
    """The file of the last traceback frame before `line`: the code that raised (`setup.py`, a release script, or an
    installed package, named by its package)."""
    frame = None
    for n, t in cleaned:
        if n >= line:
            break
        m = _FILE_FRAME.match(t.strip())
        if m:
            frame = m.group(1)
    if frame is None:
        return None
    installed = _INSTALLED.search(frame)
    if installed:
        return f"the installed package `{installed.group(1).split('.')[0]}`"
    return f"`{frame.replace(chr(92), '/').rsplit('/', 1)[-1]}`"


def _groups(m: re.Match) -> List[str]:
    return [g for g in m.groups() if g]


# standard-library modules that Python releases removed (PEP 632, PEP 594, What's New in 3.12 and 3.13), and the module
# of setuptools that Python's venv and ensurepip stopped installing with 3.12
REMOVED_STDLIB = {**dict.fromkeys(("distutils", "imp", "asynchat", "asyncore", "smtpd"), "3.12"),
                  **dict.fromkeys(("aifc", "audioop", "cgi", "cgitb", "chunk", "crypt", "imghdr", "mailcap", "msilib",
                                   "nis", "nntplib", "ossaudiodev", "pipes", "sndhdr", "spwd", "sunau", "telnetlib", "uu",
                                   "xdrlib", "lib2to3"), "3.13")}
SETUPTOOLS_MODULES = ("setuptools", "pkg_resources")
# Python 2's standard modules that Python 3 renamed or folded into others (PEP 3108): no package provides them, so
# the code that imports them was written for Python 2 (or a release of it broke its Python 3 branch)
PYTHON2_STDLIB = {"urlparse": "urllib.parse", "urllib2": "urllib.request", "ConfigParser": "configparser",
                  "StringIO": "io", "cStringIO": "io", "cPickle": "pickle", "HTMLParser": "html.parser",
                  "Queue": "queue", "httplib": "http.client", "cookielib": "http.cookiejar", "__builtin__": "builtins",
                  "xmlrpclib": "xmlrpc.client", "Tkinter": "tkinter", "SocketServer": "socketserver",
                  "BaseHTTPServer": "http.server"}


def _module_missing(m: re.Match, cleaned: Lines, line: int) -> Optional[Tuple[str, str]]:
    module = _groups(m)[0].rstrip(".")
    by = _importer(cleaned, line)
    who = f", imported by {by}" if by else ""
    top = module.split(".")[0]
    if top in REMOVED_STDLIB:
        release = REMOVED_STDLIB[top]
        shim = " (setuptools provides it again when installed)" if top == "distutils" else ""
        return (f"Python could not import `{module}`{who}: Python {release} removed `{top}` from the standard library, "
                "and the job runs that Python or a later one",
                f"Move the code off `{top}`{shim}, upgrade the tool that imports it to a release made for Python "
                f"{release}, or run the step on an earlier Python (actions/setup-python's `python-version`).")
    if module in PYTHON2_STDLIB or top in PYTHON2_STDLIB:
        return (f"Python could not import `{module}`{who}: that is Python 2's standard module (Python 3 has "
                f"`{PYTHON2_STDLIB.get(module) or PYTHON2_STDLIB[top]}`), so the code importing it runs a Python 2 branch "
                "on Python 3: the release of that package installed is broken or too old for this Python",
                f"Pin {by or 'the package that imports it'} to a release that works on this Python (the one before a "
                "release that broke it, or a later fixed one) and re-run the failed job, or run the step on the Python "
                f"it supports; no package to install provides `{module}`.")
    if top in SETUPTOOLS_MODULES:
        return (f"Python could not import `{module}`{who}: setuptools is not installed where the step runs (since "
                "Python 3.12 a new virtual environment has no setuptools)",
                "Install setuptools where the failing program runs (`python -m pip install setuptools`, or list it in "
                "`[build-system] requires` for a build), or move the code off `pkg_resources` (importlib.metadata, "
                "importlib.resources).")
    if "." in module:
        return (f"Python could not import `{module}`{who}: `{top}` is not installed where the step runs, or the "
                f"installed release of `{top}` no longer has (or does not yet have) that module",
                f"If `{top}` is installed, pin it to a release that still has `{module}`, or upgrade the code that "
                f"imports it ({by or 'the importer'}) to a release made for the installed `{top}`; otherwise install "
                f"`{top}` where the failing program runs.")
    return (f"Python could not import `{module}`{who}: it is not installed where the step runs",
            f"Install the package that provides `{module}` where the failing program runs (its PyPI name may differ: "
            f"`yaml` is PyYAML): for a build, list it in `[build-system] requires` of pyproject.toml (setup.py "
            "imports run in the build's isolated environment); for a script, in the job's install step before the "
            "script runs.")


# the packages a release job imports from that are never the project's own: a name missing from one of them is a
# release of it that differs from the one the importer expects
PACKAGING_STACK = frozenset(("setuptools", "pkg_resources", "pip", "wheel", "packaging", "build", "twine", "poetry",
                             "hatchling", "flit_core", "Cython", "numpy", "importlib_metadata", "urllib3", "requests",
                             "requests_toolbelt", "keyring", "docutils", "readme_renderer", "markupsafe", "jinja2",
                             "pkginfo"))


def _import_mismatch(m: re.Match, cleaned: Lines, line: int) -> Optional[Tuple[str, str]]:
    g = m.groups()
    name, package = (g[0], g[1]) if g[0] else (g[3], g[2])
    by = _importer(cleaned, line)
    if package is None:  # Python before 3.8 does not say from where: the import statement above does
        code = next((t for n, t in reversed(cleaned) if n < line and t.strip()), "")
        stated = re.match(r"\s*from ([\w.]{1,100}) import\b[^#\n]{0,400}?\b" + re.escape(name) + r"\b", code)
        if not stated:
            return None
        package = stated.group(1)
    installed = by and by.startswith("the installed") or m.group(1) and _INSTALLED.search(m.string[m.end():])
    if not (installed or package.split(".")[0] in PACKAGING_STACK):
        return None  # a module of the project's own (a name it lacks, a circular import): no release to pin
    top = package.split(".")[0]
    return (f"`{package}` has no `{name}`{f' (imported by {by})' if by else ''}: the release of `{top}` installed is "
            "not the one the importing code was written for",
            f"Pin `{top}` to a release that still has `{name}` (the one before the release that removed it), or upgrade "
            f"{by or 'the package that imports it'} to a release made for the new `{top}`.")


def _program_missing(m: re.Match, cleaned: Lines, line: int) -> Optional[Tuple[str, str]]:
    named = _groups(m)
    if not named:
        before = [t for n, t in cleaned if line - 3 <= n < line]
        if any(re.match(r"\s*Signing \S", t) for t in before):
            named = ["gpg"]  # twine signs with gpg (`--sign`) and prints the file it signs first
        elif any("subprocess.py" in t for n, t in cleaned if line - 12 <= n < line):
            return ("A program the step starts is not installed where it runs (the error does not name it; the "
                    "traceback's frames above show the call)", PROGRAM_MISSING.fix)
        else:
            return None
    program = named[0]
    if _DATA_FILE.search(program):
        return None  # a file the step reads, not a program (log-file-missing)
    name = program.replace("\\", "/").rsplit("/", 1)[-1]
    return (f"The program `{name}` is not installed (or not on PATH) where the step runs",
            f"Install `{name}` in an earlier step of the same job (or run on an image that has it); a Python tool "
            f"installed with pip can be called as `python -m {name}` so that PATH does not matter.")


def _file_missing(m: re.Match, cleaned: Lines, line: int) -> Optional[Tuple[str, str]]:
    path = _groups(m)[0]
    if not _DATA_FILE.search(path) and "/" not in path and "\\" not in path:
        return None  # a program (log-program-missing)
    by = _importer(cleaned, line)
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return (f"The step opens `{path}`{f' (in {by})' if by else ''}, which is not there",
            f"Make `{name}` part of what is built (MANIFEST.in `include {name}`, or the build backend's include "
            f"setting) or read it relative to the file that reads it (`Path(__file__).parent / \"{name}\"`); for a "
            "step, run it in the directory the path is relative to (`working-directory:`).")


def _requirement(m: re.Match, cleaned: Lines, line: int) -> Optional[Tuple[str, str]]:
    named = _groups(m)
    if not named:
        return ("The installer could not satisfy the job's requirements together: two pins exclude each other",
                REQUIREMENT_UNAVAILABLE.fix)
    text = " ".join(t for _, t in cleaned)
    versions = re.search(r"\(from versions: ([^)]{0,300})\)", text)
    python = re.search(r"Requires-Python [^\s,;]{1,40}|require a different python version", text, re.I)
    found = f" (found: {versions.group(1).strip() or 'none'})" if versions else ""
    why = "; some releases require another Python than the job's" if python else ""
    return (f"No release of `{named[0]}` fits what the step installs{found}{why}", REQUIREMENT_UNAVAILABLE.fix)


# a variable that holds the upload's credential: the uploaders' own (TWINE_PASSWORD, UV_PUBLISH_TOKEN, …) or a name a
# release script gives it (PYPI_PASSWORD, PYPI_API_TOKEN, TEST_PYPI_TOKEN)
_CREDENTIAL_NAME = re.compile(r"^(?:\w*PYPI\w*|\w*(?:PASSWORD|TOKEN|API_KEY)\w*|TWINE_USERNAME|HATCH_INDEX_AUTH)$", re.I)


def _credential_variable(name: str) -> bool:
    from codemods.uploaders import registry  # the registry's variables, loaded only for this reading
    return name in registry.credential_variables() or bool(_CREDENTIAL_NAME.match(name))


def _variable(m: re.Match, cleaned: Lines, line: int) -> Optional[Tuple[str, str]]:
    if m.group(4):  # the shell stopped the script at a variable the step's environment lacks
        path, name = m.group(3).replace("\\", "/"), m.group(4)
        script = ("the step's `run:` script" if "/_temp/" in path or re.fullmatch(r"(?:ba|da|z)?sh", path)  # GitHub's own
                  else f"`{path.rsplit('/', 1)[-1]}`")
        if _credential_variable(name):
            return (f"`{name}`, the upload's credential, is not set where {script} runs: the shell's `set -u` stopped "
                    "it at that line",
                    f"Pass the secret into the environment of the step that runs {script} (`env: {name}: "
                    f"${{{{ secrets.<NAME> }}}}` in GitHub Actions; a secret reaches a step only through `env:` or "
                    "`with:`), and check that the secret exists where the job runs (repository, environment, "
                    "organisation) and that a reusable workflow is called with `secrets: inherit`.")
        return (f"{script[0].upper() + script[1:]} reads the variable `{name}`, which is not set in the step (the "
                "shell's `set -u` stopped it)", VARIABLE_MISSING.fix)
    if m.group(1):
        return (f"The action's required input `{m.group(1)}` was not given (or its secret reads as empty)",
                VARIABLE_MISSING.fix)
    if not any("environ" in t or re.search(r"[/\\]os\.py\b", t) for n, t in cleaned if line - 8 <= n < line):
        return None  # a key of some mapping, not shown to be the environment's
    return (f"The step reads the environment variable `{m.group(2)}`, which is not set in it", VARIABLE_MISSING.fix)


def _syntax(m: re.Match, cleaned: Lines, line: int) -> Optional[Tuple[str, str]]:
    before = [t for n, t in cleaned if line - 6 <= n < line]
    told = _PY_FILE.search(m.string)  # a sentence naming the Python file (`This line in setup.py generates …`)
    if not any(_FILE_FRAME.match(t.strip()) for t in before) and not told:
        return None  # another language's SyntaxError (JavaScript's, a JSON parser's): Python prints the file first
    where = _importer(cleaned, line + 1) or (f"`{told.group(1)}`" if told else None)
    page = next((t.strip() for t in before if _ERROR_PAGE.match(t.strip())), None)
    if page:  # the code Python shows is a server's answer: a download saved an error page where a script was
        return (f"The file Python ran{f', {where},' if where else ''} is not Python but a server's answer (`{page[:60]}`): the download "
                "that fetched it got an error page (the URL moved or is gone)",
                "Fetch the script from where it lives now (or install the tool another way: pipx, pip, its official "
                "installer or action at a current release), and make the download fail on an HTTP error (`curl -fsSL`) "
                "so a moved URL stops the job at the download.")
    return (f"Python could not parse {where or 'a file the step runs'}: `SyntaxError: {m.group(1).strip()}`", SYNTAX.fix)


# the text's own account that the job runs an action or a tool whose newer release it moves to ("Upgrades
# `python-semantic-release` to v9"), or GitHub's line for building a Docker action's image
_UPGRADE_SAID = re.compile(r"\b(?:upgrad|bump|updat)\w{0,3}\s(?:the\s)?`?([\w./-]{2,100}?)`?(?:\saction)?\s(?:to|->)\s"
                           r"`?(v?\d{1,4}(?:\.\d{1,4}){0,2})\b", re.I)
_ACTION_IMAGE = re.compile(r"\bBuild container for action use\b|/_actions/[\w.-]{1,100}/[\w.-]{1,100}/")


def _image_build(m: re.Match, cleaned: Lines) -> Tuple[str, str]:
    """A Docker image's `RUN` line failed: the action (or tool) whose image it is, and apt-get's own exit code."""
    process, code = (m.group(3), m.group(4)) if m.group(3) else (m.group(5), m.group(6))
    apt = re.findall(r"\bapt-get\s[^;&|\\\n]{1,80}", process)
    what = f"`{apt[-1].strip()}`" if apt else "a `RUN` line"
    why = (": apt-get could not fetch or find a package or package source the Dockerfile names" if apt and code == "100"
           else "")
    title = f"A Docker image build in the job failed: {what} exited {code}{why}"
    text = " ".join(t for _, t in cleaned)
    told = _UPGRADE_SAID.search(text)
    if told:
        return (title, f"Upgrade `{told.group(1)}` to {told.group(2)}, as the text says: a Docker-based action or tool "
                "builds its image at each run, and an old release's Dockerfile stops building once the package "
                "sources it names are gone (a retired Debian release's suites move to archive.debian.org); nothing in "
                "the release or the credentials is in question.")
    if _ACTION_IMAGE.search(text):
        return (title, "Move the action to its current release: a Docker action builds its image from its Dockerfile at "
                "each run, and an old release stops building once the package sources it names are gone; nothing in "
                "the release or the credentials is in question.")
    return (title, "Read the failing `RUN` line's own error above it: for apt-get (exit 100) a package or source it "
            "names could not be fetched: correct the Dockerfile's sources (a retired Debian release's suites move to "
            "archive.debian.org) or base it on a current image; for an action's image, move the action to its current "
            "release.")


def _option_refused(m: re.Match, cleaned: Lines, line: int) -> Tuple[str, str]:
    """A program's parser refused an option of its own command line: the command (argparse names it; else the nearest
    line above that gives the option) and the option."""
    option = m.group(7) or m.group(9) or m.group(10)
    command = m.group(8)
    if not command:
        shown = next((t for n, t in reversed(cleaned) if line - 8 <= n < line and re.search(
            rf"(?<!\S){re.escape(option)}(?![\w-])", t)), "")
        words = re.match(r"^\s*(?:\$\s*|Run\s+)?([\w.-]{1,60}(?:\s[a-z][\w-]{1,30})?)\s", shown)
        command = words.group(1) if words and not words.group(1).startswith("-") else None
    who = f"`{command}`" if command else "A program the step runs"
    return (f"{who} refused its own option `{option}`: the command stopped before doing anything",
            f"Drop `{option}` from the {who if command else 'command'} command (an option of another command or of "
            "another release of the tool), or install a release of the tool that accepts it (`--help` lists what "
            "this one takes); the credentials and the files are not in question.")


def _command_failed(m: re.Match, cleaned: Lines, line: int) -> Optional[Tuple[str, str]]:
    if m.group(3) or m.group(5):
        return _image_build(m, cleaned)
    if m.group(7) or m.group(9) or m.group(10):
        return _option_refused(m, cleaned, line)
    program = m.group(1).replace("\\", "/").rsplit("/", 1)[-1]
    return (f"`{program}`, run by the step, failed (exit {m.group(2)}); its own error is in the lines above",
            COMMAND_FAILED.fix)


def _titled(p: LogPattern) -> Callable[[re.Match, Lines, int], Optional[Tuple[str, str]]]:
    return lambda m, cleaned, line: (p.title, p.fix)


_READERS = {MODULE_MISSING.id: _module_missing, IMPORT_MISMATCH.id: _import_mismatch,
            PROGRAM_MISSING.id: _program_missing, FILE_MISSING.id: _file_missing,
            REQUIREMENT_UNAVAILABLE.id: _requirement,
            VARIABLE_MISSING.id: _variable, SYNTAX.id: _syntax, COMMAND_FAILED.id: _command_failed}


def read(cleaned: Lines, raw: List[str]) -> Optional[LogFinding]:
    """The failure of a general shape at the lines where the log fails (most telling shape first), or None."""
    failing = _failing_lines(cleaned, raw)
    for p in GENERIC:
        for n, t in reversed(failing):
            m = _RX[p.id].search(t)
            if not m:
                continue
            said = _READERS.get(p.id, _titled(p))(m, cleaned, n)
            if said:
                return LogFinding(p, n, said[0], said[1])
    return None
