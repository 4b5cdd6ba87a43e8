"""The files an upload was handed: names that are no distribution, unreadable or wrapped wheels, platform tags PyPI
refuses, escaped project names, stray and stale files in the upload folder."""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from codemods.doctor import logtext, platform_tags
from codemods.doctor.log_patterns import RX
from codemods.doctor.log_said import DUPLICATES_ON_INDEX, GARBLED, SAID_DUPLICATE_NAMES, SAID_STRAY_DIR, SAID_STRAY_FILES
from codemods.doctor.log_servers import PYPI_HOSTS


# files that are no distribution in the upload folder: the file the uploader checked and could not read as one
_CHECKED_FILE = re.compile(r"Checking (\S{1,300}?):?\s{1,20}(?:ERROR|FAILED)\s{1,20}InvalidDistribution: Unknown distribution "
                           r"format|Unknown distribution format:\W{0,5}'([^'\s]{1,300})'", re.I)
_DISTRIBUTION_NAME = re.compile(r"\.(?:whl|tar\.gz|zip|egg|tar\.bz2|tgz)$|\.publish\.attestation$", re.I)
STRAY_FIX = ("Keep only the `.whl` and `.tar.gz` files in the folder the upload reads (`dist/`, or `packages-dir`): write "
             "signatures, bundles, checksums and other files elsewhere (or upload the build's artifact before signing), "
             "then re-run the upload.")
# the installer formats PEP 527 retired from PyPI (bdist_wininst's and bdist_msi's Windows installers, bdist_rpm,
# bdist_dmg): twine calls them an unknown distribution format, and PyPI takes only wheels and sdists
INSTALLER = re.compile(r"\.(?:exe|msi|rpm|dmg)$", re.I)
INSTALLER_FIX = ("Upload wheels and an sdist instead (`python -m build`, then `twine upload dist/*.whl dist/*.tar.gz`): "
                 "PyPI takes no Windows installers (`.exe`, `.msi`) or other installer formats since PEP 527, only wheels "
                 "and sdists; a wheel installs with one `pip install`, and an installer can be offered elsewhere (a "
                 "GitHub release's assets).")
# PyPI's "Use both a label and an URL" told as a duplicate: a Project-URL the build tool already writes from another
# source (maturin's Home-Page from Cargo.toml's `homepage`) given again by hand (PyO3/maturin #647)
URL_DUPLICATE_SAID = re.compile(r"Use both a label and an URL[\s\S]{0,3000}?(?:\bduplicat\w{1,4}\b[^.\n]{0,80}?\b(?:label|url|"
                                r"home-?page|project[ _-]urls?)\b|\b(?:label|url|home-?page|project[ _-]urls?)\b[^.\n]{0,80}?"
                                r"\bduplicat\w{1,4}\b)", re.I)
URL_DUPLICATE_FIX = ("Drop the hand-written Project-URL that repeats one the build tool already writes from another "
                     "source (maturin fills Home-Page from Cargo.toml's `homepage`: no `Homepage` in `project-url`), "
                     "rebuild and upload; PyPI refuses the pair even where each entry has a label.")
STRAY_DIR_FIX = ("Put only the distribution files themselves in the folder the upload reads, no folders: move other output "
                 "out of `dist/`, and download several build artifacts into it with `merge-multiple: true` (or one "
                 "`name:` with `path: dist`), then re-run the upload.")


DUPLICATE_NAMES_FIX = ("Give every wheel file name one build job: drop matrix legs that build the same platform and Python "
                       "twice (two macOS or two Windows runner versions), and with actions/upload-artifact@v4 give each "
                       "leg its own artifact name (`name: dist-${{ matrix.os }}`), merged in the publishing job by "
                       "actions/download-artifact with `pattern: dist-*` and `merge-multiple: true`; then rebuild and upload.")
UNREADABLE_FIX = ("Upload wheels twine can read: most often two build jobs made a wheel of the same file name and the merged "
                  "artifact garbled it, so give every wheel name one job (no two matrix legs building the same platform "
                  "and Python, such as two macOS or two Windows runner versions; one artifact name per leg with "
                  "upload-artifact@v4, merged with download-artifact's `pattern:` and `merge-multiple: true`); otherwise "
                  "rebuild and upload the build's files unchanged.")
STALE_FIX = ("Upload only this build's files: empty `dist/` before building (`rm -rf dist`), keep `dist/` out of git "
             "(`git rm -r --cached dist`, and `dist/` in .gitignore) and out of any cache, then re-run; the version being "
             "released needs no bump.")
# the uploader's line for each file it sends (twine's `Uploading <file>`), and a 4xx answer after it, even cut short
_SENDING = re.compile(r"^Uploading (\S{1,300}\.(?:whl|tar\.gz|zip))$")
_REFUSED_4XX = re.compile(r"\bHTTPError: 4\d\d\b|\b4\d\d Clien|\b4\d\d Bad Req")


def _release(version: str) -> Tuple[int, ...]:
    return tuple(int(p) for p in re.match(r"\d+(?:\.\d+)*", version).group(0).split("."))


def stale_sent(cleaned: List[Tuple[int, str]]) -> Optional[Tuple[int, str, str, str]]:
    """(line, file, its version, the newer version) where an upload refused (4xx) the file it was sending and that
    file is of an older version than another file of the same project handed to the upload: an earlier build's files
    left in `dist/` (packit/release-bot #253), whatever PyPI's reason (often cut)."""
    sending = None
    for i, (n, line) in enumerate(cleaned):
        m = _SENDING.match(line.strip())
        if m:
            sending = (i, m.group(1).rsplit("/", 1)[-1])
        elif sending and _REFUSED_4XX.search(line):
            named = logtext.dist_files(sending[1])
            if not named:
                return None
            project, version = named[0]
            newer = [v for _, t in cleaned[:i] for p, v in logtext.dist_files(t)
                     if p == project and _release(v) > _release(version)]
            return (n, sending[1], version, max(newer, key=_release)) if newer else None
    return None


# warehouse's answer for a name in its log of file names whose file is gone (deleted with its release or project):
# not a file on the index, so the headline and fix say so and offer no skip option
DELETED_NAME_REFUSED = re.compile(r"This filename was previously used by a file that has since been deleted|"
                                  r"This filename has (?:already|previously) been used")
DELETED_NAME_TITLE = "This file name was used before (its file, release or project deleted since)"
DELETED_NAME_FIX = ("Publish a new version (a post-release such as `1.0.post1` where only this file needed replacing): "
                    "PyPI never takes a file name twice, even after deletion; `skip-existing` cannot help, this name's "
                    "file is not on the index.")
NOTHING_BUILT_FIX = ("Skip the upload when the release step made no release: `if: steps.release.outputs.released == 'true'` "
                     "(python-semantic-release's output) or `if: hashFiles('dist/*') != ''` on the publish step.")
# the platform tag PyPI names as refused (its message wraps over lines), and the two kinds whose fix is not a manylinux
# build: a macOS version or architecture PyPI's list lacks, and a manylinux1/manylinux2010 tag on an architecture those
# never defined (a wheel name written by the build, not by auditwheel)
REFUSED_TAG = re.compile(r"unsupported platform tag\s+'([\w.]{1,100})'")
_MACOS_TAG = re.compile(r"^macosx_\d+_\d+_\w+$")
_OLD_MANYLINUX_ARCH = re.compile(r"\bmanylinux(?:1|2010)_(?!x86_64\b|i686\b)[a-z0-9_]+\b")
MACOS_TAG_FIX = ("PyPI takes macOS wheels only for the macOS versions and architectures it knows: for a macOS release "
                 "newer than its list, report it at https://github.com/pypi/warehouse/issues (PyPI adds new releases) and "
                 "meanwhile build for an older deployment target (`MACOSX_DEPLOYMENT_TARGET`, say `14.0`: the wheel runs "
                 "on later macOS too); otherwise fix the architecture in the tag (`arm64`, `x86_64`, `universal2`).")
OLD_MANYLINUX_FIX = ("`manylinux1` and `manylinux2010` are defined for x86_64 and i686 only, so the refused tag exists on no "
                     "platform: the wheel's name was written by the build (a setup.py that sets the platform name, "
                     "`--plat-name`, a rename in a release script), not by auditwheel. Remove that and let `auditwheel "
                     "repair` (cibuildwheel runs it) name the wheel (`manylinux2014_<arch>`, `manylinux_2_17_<arch>`).")


def taken_now_fix(tag: str) -> str:
    """The fix for a refused tag that PyPI's list has today: the log is older than the list."""
    when = platform_tags.added_when(tag)
    return (f"PyPI takes `{tag}` today" + (f" (added to its list in {when})" if when else "") + ": the refusal is from "
            "before PyPI's list had it, so nothing in the wheel needs changing; upload the same wheel again (with "
            "`skip-existing` if other files of the release went up).")


# a plain `linux_*` wheel told as one that cannot be manylinux (it links system libraries: runtimed/runtimed #235), and
# a build tool's own setting told as what chose the plain tag (maturin's `compatibility`, `--plat-name`:
# PyO3/maturin-action #210): neither is mended by building in a manylinux image
CANNOT_MANYLINUX = re.compile(r"\b(?:can(?:no|[’'])?t|could(?:n[’']t|\snot)|won[’']t|unable\sto)\s(?:be\s)?(?:made\s|built\s|"
                              r"tagged\s)?(?:as\s)?(?:a\s)?manylinux\b|\bnot\smanylinux[- ]compatible\b", re.I)
TAG_SETTING = re.compile(r"\b(?:disabled?|turned\soff|switched\soff)\s(?:the\s)?manylinux\b|\bmanylinux\s(?:compatibility|"
                         r"tagging|check)\b[^.\n]{0,30}?\b(?:disabled|off)\b|\bcompatibility\s?=\s?[\"']?(?:linux|off)\b|"
                         r"--(?:compatibility|manylinux)[ =](?:linux|off)\b|--plat-name[ =]['\"]?linux_", re.I)
CANNOT_MANYLINUX_FIX = ("Leave the plain `linux_*` wheels out of the upload (the text says they cannot be manylinux): "
                        "upload the other wheels and the sdist (a narrower glob), ship the Linux wheel elsewhere (a "
                        "GitHub release asset), and re-run with `--skip-existing` (uv: `--check-url`) so the files "
                        "already uploaded are skipped.")
TAG_SETTING_FIX = ("The build's own setting chose the plain `linux_*` tag, not the host: remove maturin's "
                   "`compatibility = \"linux\"` (older: `\"off\"`) from `[tool.maturin]` in pyproject.toml, or set a "
                   "manylinux tag there (`manylinux2014`); drop `--compatibility linux` (or `--plat-name linux_*`) from "
                   "the build command; then rebuild and upload.")


def platform_fix(whole: str) -> Optional[str]:
    """The fix for a refused platform tag that a manylinux build would not mend (None: the pattern's own)."""
    refused = REFUSED_TAG.search(whole)
    tag = refused.group(1) if refused else ""
    if (not tag or tag.startswith("linux_")) and TAG_SETTING.search(whole):
        return TAG_SETTING_FIX
    if (not tag or tag.startswith("linux_")) and CANNOT_MANYLINUX.search(whole):
        return CANNOT_MANYLINUX_FIX
    if tag and platform_tags.taken_now(tag):
        return taken_now_fix(tag)
    if _MACOS_TAG.match(tag):
        return MACOS_TAG_FIX
    if _OLD_MANYLINUX_ARCH.search(tag or whole):
        return OLD_MANYLINUX_FIX
    return None


# python-semantic-release (9.7 and later) runs its `build_command` with only the variables it lists: an upload inside
# that command gets no credential from the job's environment
SEMANTIC_RELEASE_ENV = re.compile(r"\bsemantic[- _]release\b(?=.{0,400}?(?:\bsanitiz\w{0,4}|\bbuild[_ -]command[_ -]env\b|"
                                   r"\b(?:env\w{0,9}|variables?)\b.{0,40}?\bbuild[_ -]command\b|"
                                   r"\bbuild[_ -]command\b.{0,40}?\b(?:env\w{0,9}|variables?)\b))", re.I | re.S)
SEMANTIC_RELEASE_ENV_FIX = ("python-semantic-release runs `build_command` with a reduced environment: list the upload's "
                            "variables under `build_command_env` in `[tool.semantic_release]` (`[\"TWINE_USERNAME\", "
                            "\"TWINE_PASSWORD\"]`, or `UV_PUBLISH_TOKEN`), or upload in a step after `semantic-release "
                            "version` (its `dist/`), where the job's secrets are set.")


# PyPI's old check that a file name starts with the project's name as written, refusing the name wheels and sdists must
# write (`.` and `-` as `_`): pypi/warehouse#10030, fixed in July 2023 (#14155)
START_FILENAME = re.compile(r"Start filename for '([^']{1,200})' with '([^']{1,200})'")
ESCAPED_NAME_FIX = ("The file's name is right: wheels and sdists write the project's name with `.` and `-` as `_`, which "
                    "PyPI refused until July 2023 (pypi/warehouse#10030) and takes now: re-run the upload with current "
                    "tools, and if PyPI refuses it again, report it at https://github.com/pypi/warehouse/issues.")


# the name a `Start filename` refusal asks for, when it keeps a `.`: the wording of PyPI's check before July 2023
# (it compared `safe_name`s, which keep dots, and so refused the `_` names current backends write; pypi/warehouse#14155);
# today's check asks for the normalised name with `_` (widgetastic.core #230, 2023: "Start filename for
# 'widgetastic.core' with 'widgetastic.core'.")
OLD_CHECK_FIX = ("Upload the files a current build backend writes (`python -m build`), unchanged: they start with the "
                 "project's name with `.` and `-` as `_`, which PyPI has taken since July 2023 (pypi/warehouse#14155) "
                 "and asks for now; the name with dots in this message is the older check's, which the dotted name "
                 "passed (a renamed file, or hatch's `strict-naming = false`).")


def old_check_name(whole: str) -> Optional[str]:
    """The name a `Start filename` refusal asked for, where it keeps a `.` (PyPI's check before July 2023) and the
    files the log names are that project's (in any spelling) or none are named; None otherwise (today's check asks
    for the normalised name, with `_`)."""
    m = START_FILENAME.search(whole)
    if not m or "." not in m.group(2):
        return None
    spelled = "[-_.]".join(re.escape(part) for part in re.split(r"[-_.]+", m.group(2)))
    files = re.findall(r"[\w.!+-]{1,300}\.(?:whl|tar\.gz|zip)\b", whole)
    ours = [f for f in files if re.match(rf"{spelled}-\d", f, re.I)]
    return m.group(2) if ours or not files else None  # a file of another project named: a renamed wheel instead


def escaped(name: str) -> str:
    """A project's name as distribution file names write it: runs of `-`, `_` and `.` as one `_`, lower case."""
    return re.sub(r"[-_.]+", "_", name).lower()


def escaped_name_refused(whole: str) -> Optional[str]:
    """The refused file whose name writes the project's name as a distribution must (`simplepackage_py-…` for
    `simplepackage.py`), when PyPI asked for the name as written; None otherwise."""
    m = START_FILENAME.search(whole)
    if m is None or m.group(1) != m.group(2):  # today's PyPI asks for the normalised name: the file must start with it
        return None
    name = m.group(1)
    spelled = escaped(name)
    if spelled == name.lower():
        return None
    f = re.search(rf"(?<![\w.-]){re.escape(spelled)}-[\w.!+-]{{1,200}}?\.(?:whl|tar\.gz)\b", whole, re.I)
    return f.group(0) if f else None


# a plain `linux_<arch>` wheel among the files an upload to PyPI signs or sends: the log may stop before PyPI's 400
_LINUX_SENT = re.compile(r"^\s*(?:Uploading|Signing)\s+\S{1,300}-linux_(?:x86_64|aarch64|i686|armv7l|ppc64le|s390x)\.whl\b")
LINUX_SENT_FIX = ("The log stops before PyPI's answer, but a wheel with a plain `linux_*` tag went to the upload, and PyPI "
                  "refuses those: build the Linux wheels with cibuildwheel or in a manylinux image (or `auditwheel repair` "
                  "them), or leave the plain `linux_*` wheels out of the files uploaded.")


def linux_wheel_sent(cleaned: List[Tuple[int, str]], whole: str) -> Optional[int]:
    """The line of the first plain `linux_*` wheel an upload to PyPI or TestPyPI sends, None when there is none."""
    if not any(host in whole.lower() for host in PYPI_HOSTS):
        return None
    return next((n for n, t in cleaned if _LINUX_SENT.search(t)), None)


PROJECT_SIZE_FIX = ("Ask for a larger project limit at https://github.com/pypi/support (the project's total counts every "
                    "release's files), or delete old releases' files on the index to make room; shrinking the new wheels helps "
                    "only at the margin.")
# BadZipFile where no upload read the file (an install, a download of another archive) is no refused distribution
_UPLOAD_READ = re.compile(r"\btwine\b|gh-action-pypi-publish|\bChecking dist\b|\b(?:upload|publish)\w{0,4}\b", re.I)
_INSTALL_READ = re.compile(r"pip[/\\]_internal|\bpip\d?(?:\.exe)? install\b|^\s*Collecting\s|\bDownloading\s", re.I | re.M)


def unreadable_only(whole: str) -> bool:
    """Whether log-invalid-distribution stands only on a `BadZipFile` no upload read: nothing of twine or an upload
    before it, or an install (pip) right before it."""
    rx = RX["log-invalid-distribution"]
    if rx.search(re.sub(r"\bBadZip[Ff]ile\b", " ", whole)):
        return False
    at = re.search(r"\bBadZip[Ff]ile\b", whole).start()
    before = whole[max(at - 2000, 0):at]
    return not _UPLOAD_READ.search(whole) or bool(_INSTALL_READ.search(before[-600:]))


# a wheel told as wrapped or compressed by a CI artifact step (gzip, an archive inside the archive, an extra level):
# the artifact's packing, not two jobs' wheels of one name
ARTIFACT_WRAPPED = re.compile(r"\b(?:gzip\w{0,3}|compressed|tar(?:red|ball)|(?:extra|additional|outer)\s(?:archive|level|"
                              r"layer|folder|director\w{1,3}|zip)|archive\s(?:inside|within|in)\s(?:an(?:other)?\s|the\s)?"
                              r"(?:archive|zip)|zip\s(?:inside|within|in)\s(?:a(?:nother)?\s|the\s)?zip|(?:double|twice)[- ]"
                              r"(?:zipped|compressed|archived))\b", re.I)
_ARTIFACT_WORD = re.compile(r"\b(?:upload|download)-artifact\b|\bartifacts?\b", re.I)
WRAPPED_FIX = ("Upload the wheel files themselves, not the artifact's packing of them: let the publish job take them with "
               "actions/download-artifact (which unpacks the artifact into `dist/`), not a zip of the artifact "
               "downloaded from the run's page or the API, and do not gzip, tar or zip the wheels before upload-artifact; "
               "`unzip -l dist/*.whl` must list the package and its `.dist-info` at the top.")


def artifact_wrapped(whole: str) -> bool:
    """A wheel twine could not open, told as wrapped or compressed by the CI artifact step that carried it."""
    return bool(re.search(r"\bBadZip[Ff]ile\b|\bnot a zip file\b", whole) and ARTIFACT_WRAPPED.search(whole)
                and _ARTIFACT_WORD.search(whole))


def unreadable_file(whole: str) -> Optional[str]:
    """The fix where a file twine could not open (a garbled zip) is the refusal, or where two build jobs' wheels of one
    name are told as colliding: one build job per wheel name, not a rebuild alone."""
    if SAID_DUPLICATE_NAMES.search(whole) and GARBLED.search(whole) and not DUPLICATES_ON_INDEX.search(whole):
        return DUPLICATE_NAMES_FIX
    if artifact_wrapped(whole):
        return WRAPPED_FIX
    if re.search(r"twine[/\\](?:wheel|sdist)\.py\W{1,3}line \d{1,5}, in read\b|\bBadZip[Ff]ile\b", whole):
        return UNREADABLE_FIX
    return None


# the Version field refused as no PEP 440 version (a local `+…` version is log-local-version's): the field and the rule
# belong in the headline and the fix line, not a generic "a metadata field"
VERSION_REFUSED = re.compile(r"'([^'+\s]{1,100})' is an invalid value for Version\b|"
                             r"Invalid version, cannot be parsed as a valid PEP 440 version")
VERSION_REFUSED_TITLE = "PyPI refused the Version field: {}is no PEP 440 version"
VERSION_REFUSED_FIX = ("Make the version a PEP 440 one (`N.N.N`, optionally with `aN`, `bN`, `rcN`, `.postN` or `.devN`) "
                       "where the build takes it (setup.py's `version`, pyproject.toml, or the tag a version plugin "
                       "reads), rebuild and upload.")
# the version stamped by the CI's own command (`sed -i "s/__version__ = …/…+$(date …)/"`, a nightly's script): the local
# part comes from that command, so neither tags nor setuptools-scm's `local_scheme` are where to fix it
VERSION_STAMPED = re.compile(r"\bsed\b[^\n]{0,200}?__version__|__version__[^\n]{0,120}?\$\(date\b", re.I)
STAMPED_FIX = ("Fix the command that stamps the version (the `sed` or script that writes `__version__`): put the date or "
               "build number in a `.devN` segment (`1.2.0.dev20190903`), never after a `+`, then re-run the release.")
# a re-run or dispatch told as building on a branch head that had moved past the release tag (openprotein-python #11:
# "checked out main HEAD, which had advanced past `v0.16.1`"): the VCS version plugin made a dev/local version of the
# commits after the tag; the checkout, not the trigger, is the cause
BRANCH_PAST_TAG = re.compile(r"\b(?:main|master|develop|default branch|the branch|branch)\b`?\s(?:`?HEAD`?\s|head\s|tip\s)?"
                             r"[^.\n]{0,60}?\b(?:advanced|moved|gone|was|were|had|is)\b[^.\n]{0,20}?\b(?:past|beyond|ahead of)\s"
                             r"(?:the\s)?(?:release\s)?`?(?:tag\b|v?\d{1,4}\.\d)", re.I)
BRANCH_PAST_TAG_FIX = ("Check out the release tag itself in the publish job before building (`actions/checkout` with "
                       "`ref:` the tag, or `git checkout refs/tags/<tag>`): a re-run or dispatch that checked out the "
                       "branch head past the tag built a dev version with a local part (`.devN+g…`) from the commits "
                       "after it; then re-run the publish for the tag.")
# a direct URL reference PyPI refused inside an extra (`; extra == 'devel'`, an `extras_require` entry): the extra is
# for a development install, so the published metadata drops it while a requirements or tox file keeps it
DIRECT_IN_EXTRA = re.compile(r"\S @ (?:git\+|https?://)[^\n\"]{1,300}?;\s?extra\s?==\s?['\"]", re.I)
DIRECT_IN_EXTRA_FIX = ("Take the URL requirement out of the published extras (`extras_require` / "
                       "`[project.optional-dependencies]`) and keep it where a development install reads it (a "
                       "requirements or tox file, `[tool.uv.sources]`); or require a released version of the "
                       "dependency by name.")
# an email field refused in the index's older `field: message` form ("author_email: Invalid email address."): the fix
# line names the field where the build takes it from
EMAIL_FIELD_REFUSED = re.compile(r"\b((?:author|maintainer)_email): Invalid email address\b", re.I)
EMAIL_FIELD_FIX = ("Give `{0}` one valid email address (`name@example.org`: no list, no ` at ` spelling) where the build "
                   "takes it from (`{0}` in setup.py or setup.cfg, the `email` of `authors`/`maintainers` in "
                   "pyproject.toml), rebuild and upload.")
# a License-File the sdist does not hold, from maturin in a workspace (borb-sh/quillmark #1264: a member's sdist rooted at
# the workspace): the fix line names the declaration, in the pyproject.toml that builds the sdist
LICENSE_FILE_ABSENT = re.compile(r"\bLicense-File `?[\w./-]{1,200}`? does not exist\b")
MATURIN_LICENSE_FIX = ("Declare the file in `license-files` of `[project]` in the pyproject.toml that builds the sdist (a "
                       "workspace member's own: maturin roots the member's sdist at the workspace), with a maturin that "
                       "packs declared license files into the sdist, then rebuild and run `twine check dist/*`.")


def stray_file(whole: str) -> Optional[str]:
    """The fix where the refused file is no wheel or sdist at all, named by the uploader's check or told in a sentence:
    a folder (a nested artifact, no suffix) is moved out by downloading the artifacts merged; a signature, a bundle or
    a README in `dist/` is kept out of it. Either way keeping it out is the fix, not a rebuild."""
    named = [(m.group(1) or m.group(2)).rstrip("'\":") for m in _CHECKED_FILE.finditer(whole)]
    stray = [n for n in named if not _DISTRIBUTION_NAME.search(n)]
    if stray and all(INSTALLER.search(n) for n in stray):  # an installer meant for upload, not a stray file
        return INSTALLER_FIX
    if stray:
        return STRAY_FIX if any("." in n.rsplit("/", 1)[-1] for n in stray) else STRAY_DIR_FIX
    told = not named and SAID_STRAY_FILES.search(re.sub(r"unknown distribution(?: format)?", " ", whole, flags=re.I))
    return STRAY_FIX if told else (STRAY_DIR_FIX if not named and SAID_STRAY_DIR.search(whole) else None)
