"""The advice under a recognised log error: what the log and the workflows make likely, what to check first.

Each line says only what the log text or the workflows support; nothing is guessed when neither says.
"""
from __future__ import annotations

import re
from typing import Dict, List

from codemods.doctor import (advice_credentials, advice_files, advice_jobs, advice_servers, claims as claims_mod,
                             log_said, log_uploaders)
from codemods.doctor.advice_base import Advisor, scan_text
from codemods.doctor.facts import Facts
from codemods.doctor.logs import LogScan


# the advice of each finding id, from the module of its kind
ADVISORS: Dict[str, Advisor] = {**advice_credentials.ADVISORS, **advice_files.ADVISORS, **advice_servers.ADVISORS,
                                 **advice_jobs.ADVISORS}


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
    text, first = scan_text(scan), scan.findings[0].pattern.id
    for fid, rx, advice in _OLD_WORDINGS:
        m = rx.search(text) if fid == first else None
        if m:
            return [advice(m) if callable(advice) else advice]
    return []


# a classifier written as two adjacent string literals, the first ending in its ` :: ` separator: Python joins them
# into one string (a comma missing, or a line split by hand), which is no classifier PyPI knows
_JOINED_CLASSIFIER = re.compile(r"(['\"])([A-Z][\w .+/-]{0,60}(?: :: [\w .+/()-]{1,60}){0,4} ::\s?)\1\s{0,40}(['\"])"
                                r"([A-Z][\w .+/()-]{0,60}(?: :: [\w .+/()-]{1,80}){1,5})\3")


def _joined_classifier(scan: LogScan) -> List[str]:
    """A second blocker the log shows beside another failure: a classifier split into two strings Python joins."""
    m = _JOINED_CLASSIFIER.search(scan_text(scan))
    if not m or scan.findings[0].pattern.id == "log-invalid-distribution":
        return []
    return [f"the log also shows a classifier written as two adjacent strings, `{m.group(1)}{m.group(2)}{m.group(1)} "
            f"{m.group(3)}{m.group(4)}{m.group(3)}`: Python joins them into `{m.group(2)}{m.group(4)}`, which is no valid "
            f"classifier, so PyPI refuses the upload for it as well: keep one full classifier (`'{m.group(4)}'`)"]


# A failure of an upload that sent no credential, or a refused one: a secret the workflow sets where no upload
# reads it (credential-not-read) explains it before any guess
_NO_CREDENTIAL_SENT = {"log-token-rejected", "log-credential-missing", "log-id-token-unset",
                       "log-uv-missing-credentials", "log-secret-empty"}


def advise(scan: LogScan, facts: List[Facts], ctx: claims_mod.Context) -> List[str]:
    """Advice for the most specific error found (claims are compared whenever the log prints them)."""
    if not scan.findings:
        return []
    advisor = ADVISORS.get(scan.findings[0].pattern.id)
    out = (_old_wording(scan) or (advisor(scan, facts, ctx) if advisor else [])) + _joined_classifier(scan)
    if scan.findings[0].pattern.id in _NO_CREDENTIAL_SENT:
        out = [f"{u}; name the variable as the upload reads it, in the step's `env:` (check this first)"
               for f in facts for u in f.unread_credentials] + out
    if scan.claims and scan.findings[0].pattern.id not in _NO_PUBLISHER_COMPARED and \
            not any(a in out for a in claims_mod.compare(scan.claims, ctx)):
        out += claims_mod.compare(scan.claims, ctx)
    return out
