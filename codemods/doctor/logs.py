"""Read a failed publish run's log: the known texts it holds (most specific cause first, each at its first line), the
OIDC claims it prints and the versions of its files.

The known texts are in log_patterns; the readings that decide between them by what else the log shows are in
log_files (the files handed to the upload), log_servers (where it went, how it logged in), log_uploaders (the
uploader and what it runs on) and log_said (what a person wrote); failures of a general shape in generic_failures.
A recognised error's narrower cases (its title and fix where the rest of the text shows one) are rows of log_refine's
tables, applied here once the readings have decided which errors the log holds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Tuple

from codemods.doctor import claims as claims_mod, generic_failures, logtext
from codemods.doctor.log_files import LINUX_SENT_FIX, linux_wheel_sent, STALE_FIX, stale_sent, unreadable_only
from codemods.doctor.log_never_ran import never_ran
from codemods.doctor.log_patterns import BY_ID, COMPILED, ORDER, POETRY_CORE_MOVED, RX, TLS_TOO_OLD, URLLIB3_OLD_SSL
from codemods.doctor.log_refine import QUOTED, refine
from codemods.doctor.log_said import (action_fixed, action_fixed_fix, ACTION_IMAGE_TOLD, ACTION_TAG_GONE_FIX,
                                      CI_CANNOT_CREATE, CI_CANNOT_CREATE_FIX, CI_CLEANUP, CLEANUP_FIX, CLEANUP_TITLE,
                                      EMPTY_OR_UNREAD, HUNG_FIX, HUNG_TITLE, IMAGE_PUSHED, nested_tree, NESTED_TREE_FIX,
                                      ORG_ROLE_FIX, prompt_answered, prompt_at_end, RENDERER_MISSING, REPO_NAME_FIX,
                                      repo_name_used, SAID_ACTION_TAG_GONE, SAID_ARTIFACT_CONFLICT,
                                      SAID_ATTESTATION_FAILED, said_cause, SAID_CI_CANNOT_CREATE, SAID_CLEANUP_FAILED,
                                      said_expected, said_fixed, SAID_HUNG_AFTER_ACCEPT, SAID_ORG_ROLE_ONLY,
                                      SAID_PENDING, SAID_REUSABLE_UNSUPPORTED, SAID_SECRET_SPECIAL, SAID_STATUS_5XX,
                                      SAID_SKIP_ADDED, SAID_VERSION_FILTER, SENTENCE_END, setup_upload_failed,
                                      SHELL_SECRET_FIX, SHELL_SECRET_TITLE, shell_broke_on_secret, SHELL_SYNTAX,
                                      SKIP_ADDED_FIX,
                                      side_attempt, STASH_FAILED, TOLD_WRONG, TWINE_CHECK, TWO_SDISTS, URL_VALUE_LOST,
                                      URL_VALUE_LOST_FIX, VERSION_FILTER_FIX, VERSION_FILTER_TITLE, WORKFLOW_NOT_RUN)
from codemods.doctor.log_servers import (ACTION_NOTICE, bare_400_line, BARE_400_SENTENCE, BARE_403, CLAIMED,
                                         credential_traceback, DISTUTILS_UPLOAD, HOST_NAMED, interrupted_before_upload,
                                         INTERRUPTED_FIX, INTERRUPTED_TITLE, NEW_URL_REFUSED, NEW_URL_TOLD,
                                         OLD_SITE_REFUSED, OTHER_REGISTRY, PAGE_URL_GIVEN, PYPI_NAMED, PYPI_SERVER,
                                         PYTHON_RELEASE, server_elsewhere, SETUP_UPLOAD_GONE_FIX, TP_CUE_RX, TP_FAILED,
                                         TP_SAID, UNIDENTIFIED, url_set_unslashed, wasm_wheel, wrong_pypi_host)
from codemods.doctor.log_types import LogFinding
from codemods.doctor.log_uploaders import (BUNDLED_FIX, bundled_uploader_cut, exec_missing, gpg_failed, GPG_ORDER_FIX,
                                           GPG_SIGN_FIX, install_only, INTERNAL_CALL, ISSUE_LINK, LEGACY_PYPI_5XX,
                                           library_rollback, OLD_TWINE_FIX, RELEASE_TOOL, release_tool_fix,
                                           twine_type_error, UPLOAD_RAN, UPLOADER_NOT_INSTALLED, uploader_yanked,
                                           YANKED_PIN_FIX, YANKED_PIN_TITLE)


# the publish action's attestation step refusing directories named like distributions; a release of the action after
# v1.10.0, whose bug gave that message for real files (a tag or image v1.10.1 and later, or its pin comment)
NOT_FILES = re.compile(r"look like distributions but are not actually files", re.I)
LATER_ACTION = re.compile(r"gh-action-pypi-publish[@:]v1\.(?:10\.[1-9]|1[1-9]\.\d)|"
                          r"gh-action-pypi-publish@[0-9a-f]{40}\W{1,4}#\s?v1\.(?:10\.[1-9]|1[1-9]\.\d)", re.I)
# the code of a refused exchange that compared publishers, as against the action's sentence after every refusal
_PUBLISHER_CODE = re.compile(r"invalid-publisher|valid token, but no corresponding publisher", re.I)
# the host whose audience URL answered 403: the action's `repository at <domain>`, twine's and uv's URL
_AUDIENCE_HOST = re.compile(r"repository at ([\w.-]{1,200}) has trusted publishing disabled|"
                            r"https?://([\w.-]{1,200})/_/oidc/audience", re.I)
# pdm's lines after its OIDC attempt (pdm publish/repository.py), and its refusal to go on without credentials
_PDM_OIDC_TRIED = re.compile(r"Failed to get PyPI token via OIDC|This platform is not supported for trusted publishing "
                             r"via OIDC", re.I)
_PDM_NO_CREDENTIALS = re.compile(r"\[PdmUsageError\]: Username and password are required", re.I)
# PyPI's refusal of the Metadata-Version (forklift/metadata.py), with the pointer it adds to every metadata error
PYPI_METADATA_VERSION = r"'(\d{1,2}\.\d{1,2})' is not a valid metadata version\.?\s{0,3}See https?://packaging\.python\.org"
_PYPI_METADATA_VERSION = re.compile(PYPI_METADATA_VERSION, re.I)
# uv's missing credentials, the URLs of an index's pages (an install reads them), and a log in which uv published
_UV_MISSING = re.compile(r"Missing credentials for (https?://\S{1,300})", re.I)
_INDEX_PAGE = re.compile(r"/simple(?:/|$)|\.(?:whl|tar\.gz|zip|metadata)$", re.I)
_UV_PUBLISHING = re.compile(r"Failed to publish\b|Failed to query check URL|\bPublishing \d{1,5} files? to\b|"
                            r"\buv publish\b", re.I)
# the publish action's warning about the password's prefix (twine-upload.sh POTENTIALLY INVALID TOKEN), and the line
# maturin ends every 403 with (src/upload.rs upload_ui), whatever PyPI's reason
_PREFIX_WARNING = re.compile(r"token value does not start with \"?pypi-|Username and/or password are possibly wrong\b",
                             re.I)
# the publish action's container step (its step name, its script) and an image it looked for under another repository's
# name: the action nested in a composite action, where GitHub gives it its caller's repository and ref
PUBLISH_ACTION_STEP = re.compile(r"gh-action-pypi-publish|\bCreate Docker (?:container )?action\b|create-docker-action\.py", re.I)
NESTED_IMAGE = re.compile(r"Unable to find image '?(ghcr\.io/(?!pypa/gh-action-pypi-publish\b)[\w.-]{1,100}/[\w./-]{1,200}:"
                          r"[\w.-]{1,128})'? locally", re.I)
_LOGIN_GIVEN = re.compile(r"\bpassword\b|\bpypirc\b|(?<!\S)-p\s|\b(?:TWINE|PYPI)_(?:PASSWORD|TOKEN)\b|\busername\b", re.I)
_ATTESTATION_FORMAT = re.compile(r"Unknown distribution format:?\W{0,5}'?[^'\s]{1,300}\.publish\.attestation\b'?", re.I)
_BAD_REQUEST = re.compile(r"\b400\b.{0,40}Bad Request|400 Client Error", re.I)


@dataclass
class LogScan:
    findings: List[LogFinding]
    claims: Dict[str, str]
    versions: List[str]
    cleaned: List[Tuple[int, str]]
    last_errors: List[Tuple[int, str]]


ARTIFACT_NOT_FOUND = re.compile(r"(?:Unable to download artifact\(s\): Artifact not found for name|Unable to find an "
                                r"artifact with the name): (\S{1,200})", re.I)
# the readings of log-no-distributions that need a Python release in view: the artifact service's failures, a glob told
# as matching the folder, the download step told as failing (any CI job downloads artifacts)
WEAK_NO_DISTS = re.compile(r"Unable to find any artifacts for the associated workflow|Artifact download failed after \d{1,3} "
                           r"retries|\bBlobNotFound\b|`?\*`?\s(?:glob\s|pattern\s|wildcard\s)?(?:matched|matches|picked up|"
                           r"expanded to)\s(?:only\s)?(?:the\s)?`?dist/?`?\s(?:folder|directory|dir)\b|"
                           r"\b(?:fail\w{0,3}|errors?|broken)\b(?:[^.]|\.(?=\w)){0,60}?\bdownload-artifacts?\b|"
                           r"\bdownload-artifacts?\b(?:\s(?:action|step))?(?:[^.]|\.(?=\w)){0,40}?\b(?:fail\w{0,3}|errors?)\b", re.I)
ARTIFACT_FLAKE = re.compile(r"Artifact download failed after \d{1,3} retries|\bBlobNotFound\b", re.I)
# the attestation files a first publish step left for a second one, told in prose (fprime-tools: "started producing
# attestation files on publish … removes these files between our two publishing steps")
SAID_ATTESTATIONS_LEFT = re.compile(r"\battestation\sfiles?\b.{0,300}?\b(?:between|before)\s(?:\w+\s){0,2}?(?:two|both|second|"
                                    r"next|other|later)\s(?:\w+\s)?(?:publish\w{0,4}|upload\w{0,4})\s(?:steps?|calls?|jobs?|runs?)"
                                    r"\b|\b(?:second|both|two)\s(?:publish\w{0,4}|upload\w{0,4})\s(?:steps?|calls?)\b.{0,300}?"
                                    r"\battestation\sfiles?\b", re.I)
# a build tool's absence that is about a build (not an import of the project at run time), the uploader a failed
# import belongs to (within the lines around it)
_ONLY_SETUPTOOLS = re.compile(r"No module named '?(?:setuptools|wheel)'?(?![\w.])", re.I)
_BUILD_RAN = re.compile(r"\bsetup\.py\b|\bbdist\w{0,8}\b|\bsdist\b|\s-m build\b|\bpip wheel\b|\bbuild_meta\b", re.I)
def _uploader_stack_refused(whole: str) -> bool:
    """urllib3 2 refusing the old OpenSSL of a log that installs or runs twine, or poetry-core's removed module where
    Poetry publishes: the uploader's own stack, however far the traceback is from the uploader's name."""
    return bool(re.search(URLLIB3_OLD_SSL, whole) and re.search(r"\btwine\b", whole, re.I)
                or re.search(POETRY_CORE_MOVED, whole) and re.search(r"\bpoetry[- ]publish\b", whole, re.I))


_IMPORT_BROKEN = re.compile(r"cannot import name '[\w.]{1,60}' from|No module named '?[\w]{1,40}(?:\.[\w.]{1,60})?\b'?", re.I)
_UPLOADER_NEAR = re.compile(r"\b(?:twine|hatch|flit|pdm)\b", re.I)
_DIST_ARTIFACT = re.compile(r"dist|wheel|sdist|python-package|pypi|packages?\b|release", re.I)
# a pin of hex digits only, of another length than a commit SHA's 40 (a short SHA, a digit added or lost)
NOT_A_SHA = re.compile(r"(?=[0-9a-f]{0,64}[a-f])(?=[0-9a-f]{0,64}\d)(?:[0-9a-f]{41,64}|[0-9a-f]{7,39})", re.I)
_REFUSED_PIN = re.compile(r"\S{1,200}@(\S{1,80}?)\.? (?:is|are) not allowed (?:to be used )?in [\w.-]{1,100}/[\w.-]{1,100}",
                          re.I)


def _uv_install(whole: str) -> bool:
    """uv's missing credentials only for an index's pages, in a log where uv published nothing: an install."""
    missing = [m.group(1) for m in _UV_MISSING.finditer(whole)]
    return bool(missing) and not _UV_PUBLISHING.search(whole) and all(_INDEX_PAGE.search(u) for u in missing)


def _matched(log: logtext.LogText) -> Dict[str, LogFinding]:
    """The known texts the log holds, each at its first line."""
    cleaned, whole, starts = log.cleaned, log.whole, log.starts
    found: Dict[str, LogFinding] = {}
    for p, rx in COMPILED:
        m = rx.search(whole)
        if m:
            found[p.id] = LogFinding(p, logtext.line_at(cleaned, starts, m.start()), p.title)
    return found


def _weighed(log: logtext.LogText, found: Dict[str, LogFinding]) -> Dict[str, LogFinding]:
    """The known texts weighed against each other and the rest of the log: one that another explains, or that says
    the same in other words, goes; one the context shows to be another case becomes that; and the uploader's own
    failures that quote no known text (its install, gpg, a missing executable, a changed internal call) are read."""
    cleaned, whole, starts = log.cleaned, log.whole, log.starts
    if "log-invalid-distribution" in found and unreadable_only(whole):
        found.pop("log-invalid-distribution")  # a zip of an install or another download, no file an upload read
    if "log-attestation-exists" in found and "log-invalid-distribution" in found and \
            not RX["log-invalid-distribution"].search(_ATTESTATION_FORMAT.sub("", whole)):
        found.pop("log-invalid-distribution")  # the attestation file twine's check took for a distribution: told once
    if "log-action-bug" in found and NOT_FILES.search(whole) and LATER_ACTION.search(whole) and \
            not RX["log-action-bug"].search(NOT_FILES.sub(" ", whole)):
        # the attestation step's check of v1.10.1 and later: the paths named are directories (v1.10.0 named files)
        bug, dists = found.pop("log-action-bug"), BY_ID["log-no-distributions"]
        found.setdefault(dists.id, LogFinding(dists, bug.line, dists.title))
    if "log-no-distributions" in found and ARTIFACT_NOT_FOUND.search(whole) and \
            not RX["log-no-distributions"].search(ARTIFACT_NOT_FOUND.sub(" ", whole)) and \
            not PYTHON_RELEASE.search(ARTIFACT_NOT_FOUND.sub(" ", whole)) and \
            not _DIST_ARTIFACT.search(ARTIFACT_NOT_FOUND.search(whole).group(1)):
        found.pop("log-no-distributions")  # an artifact of another job (test reports, docs), nothing of a release
    if "log-no-distributions" in found and not RX["log-no-distributions"].search(WEAK_NO_DISTS.sub(" ", whole)) and \
            not PYTHON_RELEASE.search(whole):
        found.pop("log-no-distributions")  # another job's artifact download, nothing of a release
    if "log-build-tool-missing" in found and not RX["log-build-tool-missing"].search(_ONLY_SETUPTOOLS.sub(" ", whole)) \
            and not _BUILD_RAN.search(whole):
        found.pop("log-build-tool-missing")  # setuptools missing where a program imports it, not in a build
    if "log-uploader-dependency-conflict" in found and not any(
            _UPLOADER_NEAR.search(whole[max(m.start() - 600, 0):m.end() + 200]) for m in _IMPORT_BROKEN.finditer(whole)) \
            and not _uploader_stack_refused(whole):
        found.pop("log-uploader-dependency-conflict")  # an import error of another program (a build, the project)
    refused = "log-action-not-allowed" in found and _REFUSED_PIN.search(whole)
    if refused and NOT_A_SHA.fullmatch(refused.group(1)):
        # a hex pin of another length than 40 is no commit of the action: the ref is the cause, not the allow list
        allowed, ref = found.pop("log-action-not-allowed"), BY_ID["log-action-ref-missing"]
        found.setdefault(ref.id, LogFinding(ref, allowed.line, ref.title))
    if "log-file-exists" in found and SAID_ARTIFACT_CONFLICT.search(whole) and not RX["log-file-exists"].search(
            " ".join(t for t in SENTENCE_END.split(whole) if not SAID_ARTIFACT_CONFLICT.search(t))):
        # a 409 told of artifacts of one name (upload-artifact v4), not of a file already on the index
        exists, conflict = found.pop("log-file-exists"), BY_ID["log-artifact-name-conflict"]
        found.setdefault(conflict.id, LogFinding(conflict, exists.line, conflict.title))
    if "log-nested-id-token" in found:  # GitHub tells a called job's permission as an invalid workflow: told once
        found.pop("log-workflow-invalid", None)
    if "log-gitlab-id-token-missing" in found:  # twine's GitLab wording of the same missing token, told once
        found.pop("log-id-token-unset", None)
    pending = SAID_PENDING.search(whole) if "log-invalid-publisher" in found else None
    if pending and not OTHER_REGISTRY.search(whole):  # the refused exchange of a pending publisher left for a
        # project that exists already: the publisher must be added on the project itself
        stale = BY_ID["log-invalid-pending-publisher"]
        found[stale.id] = LogFinding(stale, found["log-invalid-publisher"].line, stale.title)
    if "log-trusted-publishing-disabled" in found:  # the exchange refused as switched off: no publisher was compared
        found.pop("log-invalid-publisher", None)
        host = _AUDIENCE_HOST.search(whole)
        if host and not PYPI_SERVER.search(host.group(1) or host.group(2)) and "`not-enabled`" not in whole:
            # a 403 from another index's audience URL: that index offers no Trusted Publishing to this job
            off, none = found.pop("log-trusted-publishing-disabled"), BY_ID["log-no-trusted-publishing-index"]
            found.setdefault(none.id, LogFinding(none, off.line, none.title))
    if "log-invalid-publisher" in found and len(found) > 1 and not _PUBLISHER_CODE.search(whole):
        # only the action's sentence that follows every refused exchange: the refusal's own code is another finding
        found.pop("log-invalid-publisher")
    if "log-id-token-unset" in found and _PDM_OIDC_TRIED.search(whole) and \
            not RX["log-id-token-unset"].search(_PDM_NO_CREDENTIALS.sub(" ", whole)):
        # pdm asked for a username and password after its OIDC attempt, which got a token or found no CI it knows:
        # the exchange failed, or there was no OIDC to get, not a missing `id-token: write`
        found.pop("log-id-token-unset")
    if "log-metadata-unsupported" in found and _PYPI_METADATA_VERSION.search(whole) and \
            not RX["log-metadata-unsupported"].search(_PYPI_METADATA_VERSION.sub(" ", whole)):
        # PyPI's own refusal of the Metadata-Version (it adds its `See …core-metadata` pointer): twine read the file
        refused, invalid = found.pop("log-metadata-unsupported"), BY_ID["log-invalid-distribution"]
        found.setdefault(invalid.id, LogFinding(invalid, refused.line, invalid.title))
    if _uv_install(whole):  # uv resolving from a private index's pages: an install, no upload, nothing to tell of one
        found.pop("log-uv-missing-credentials", None)
    if "log-workflow-not-triggered" in found and len(found) > 1:
        # GitHub's rule told as background of a run that did go on to fail (an upload refused): that failure is the cause
        found.pop("log-workflow-not-triggered")
    if "log-publish-skipped" in found and len(found) > 1:  # a failure that did come (the job it needs) is the cause
        found.pop("log-publish-skipped")
    if "log-token-rejected" in found and len(found) > 1 and \
            not RX["log-token-rejected"].search(_PREFIX_WARNING.sub(" ", whole)):
        # the action's warning that the password does not start with `pypi-`, and maturin's closing line after any 403,
        # are no refusal of the token themselves: PyPI's own answer names the cause
        found.pop("log-token-rejected")
    if "log-token-rejected" in found and UNIDENTIFIED.search(whole) and \
            DISTUTILS_UPLOAD.search("\n".join(t for _, t in cleaned)) and not _LOGIN_GIVEN.search(whole):
        # legacy PyPI's 401 asking for identification, to distutils' `setup.py upload` with no login in sight: it sends
        # none without a ~/.pypirc entry, so no credential was refused
        refused, missing = found.pop("log-token-rejected"), BY_ID["log-credential-missing"]
        found.setdefault(missing.id, LogFinding(missing, refused.line, missing.title))
    nested = NESTED_IMAGE.search(whole)
    if nested and PUBLISH_ACTION_STEP.search(whole) and not found:
        ref = BY_ID["log-action-ref-missing"]
        found[ref.id] = LogFinding(ref, logtext.line_at(cleaned, starts, nested.start()), ref.title)
    if "log-invalid-pending-publisher" in found:  # the same refused exchange, told once
        found.pop("log-invalid-publisher", None)
    if "log-direct-dependency" in found:  # PyPI words it as an invalid requires_dist value: one error, told once
        found.pop("log-invalid-distribution", None)
    if "log-credential-missing" in found and "log-token-rejected" in found and prompt_answered(cleaned) \
            and not EMPTY_OR_UNREAD.search(whole):
        # the password was typed at the prompt and the upload went on: the keyring's warning before the prompt is no
        # missing credential, the refused one is the cause
        found.pop("log-credential-missing")
    if "log-server-error" in found and server_elsewhere(cleaned, found["log-server-error"].line):
        found.pop("log-server-error")  # a 5xx of another server (a devpi, a private index, a proxy): not PyPI's
    if len(found) > 1:  # a bare 400 next to a known error is that error
        found.pop("log-bad-request", None)
    if "log-image-pull-refused" in found:
        if ACTION_IMAGE_TOLD.search(whole) and not IMAGE_PUSHED.search(whole) \
                and set(found) <= {"log-image-pull-refused", "log-rate-limited", "log-bad-request"}:
            # the registry of the publish action's image, not PyPI, refused: no upload was reached (log-rate-limited
            # leaves a container registry's limit aside)
            found = {"log-image-pull-refused": found["log-image-pull-refused"]}
        else:  # another image (a build's, one the job pushes), or beside a failure of the upload itself
            found.pop("log-image-pull-refused")
    lost = next((n for n, t in cleaned if URL_VALUE_LOST.search(t)), None)  # the command line as printed, one line
    if lost is not None:  # no URL reached the uploader: what follows from that (no token, a relative URL) is no cause
        for fid in ("log-credential-missing", "log-wrong-upload-url", "log-network", "log-id-token-unset",
                    "log-token-rejected", "log-bad-request"):
            found.pop(fid, None)
        config = BY_ID["log-uploader-config"]
        found.setdefault(config.id, LogFinding(config, lost, config.title, URL_VALUE_LOST_FIX))
    failed_install = UPLOADER_NOT_INSTALLED.search(whole)
    if failed_install and not UPLOAD_RAN.search(whole):
        # pip, uv or poetry could not install the uploader (an index it could not reach, a blocked egress): no upload
        # ran, so the connection errors, 4xx/5xx and URLs of that install are no answer to an upload
        for fid in ("log-wrong-upload-url", "log-network", "log-ssl-verify", "log-server-error", "log-bad-request"):
            found.pop(fid, None)
        missing = BY_ID["log-uploader-missing"]
        found.setdefault(missing.id, LogFinding(missing, logtext.line_at(cleaned, starts, failed_install.start()),
                                                missing.title))
    yanked = uploader_yanked(whole) if not failed_install else None
    if yanked:  # the uploader's pinned release yanked and its install failed: it never ran, so no bug of its own (a
        # linked bug is why it was yanked) and nothing of an upload is an answer
        if "log-uploader-broken" in found and not RX["log-uploader-broken"].search(ISSUE_LINK.sub(" ", whole)):
            found.pop("log-uploader-broken")
        missing = BY_ID["log-uploader-missing"]
        found.setdefault(missing.id, LogFinding(missing, logtext.line_at(cleaned, starts, whole.lower().find(yanked[0])),
                                                YANKED_PIN_TITLE, YANKED_PIN_FIX))
    signed = gpg_failed(cleaned, whole) if not found else None
    if signed:  # gpg failing for `twine upload --sign`: the option order is the uploader's bug, else its configuration
        failed = BY_ID["log-uploader-broken" if signed[1] else "log-uploader-config"]
        found[failed.id] = LogFinding(failed, signed[0], failed.title, GPG_ORDER_FIX if signed[1] else GPG_SIGN_FIX)
    ran = exec_missing(cleaned, whole) if not found else None
    if ran:  # `poetry run twine` (or a script's exec) with no twine installed
        missing = BY_ID["log-uploader-missing"]
        found[missing.id] = LogFinding(missing, ran[0], missing.title)
    call = INTERNAL_CALL.search(whole) if not found else None
    tool = RELEASE_TOOL.search(whole) if call else None
    if tool and re.search(r"\btwine\b", whole, re.I):  # a release tool calling twine's internal upload() that changed
        broken = BY_ID["log-uploader-broken"]
        found[broken.id] = LogFinding(broken, logtext.line_at(cleaned, starts, call.start()), broken.title,
                                      release_tool_fix(whole))
    if not found and twine_type_error(cleaned):  # an old twine that fails on the file before any request
        broken = BY_ID["log-uploader-broken"]
        found[broken.id] = LogFinding(broken, twine_type_error(cleaned), broken.title, OLD_TWINE_FIX)
    dropped = library_rollback(cleaned, whole, found["log-network"].line) if "log-network" in found else None
    if dropped:  # the index was reached and the connection dropped mid-request, and the log names the library release
        # going back to fixes: a release of the uploader's library broke the request (psf/requests #2929)
        network, broken = found.pop("log-network"), BY_ID["log-uploader-broken"]
        found.setdefault(broken.id, LogFinding(broken, network.line, broken.title, dropped))
    if "log-network" in found and not install_only(cleaned, found["log-network"].line):
        # a connection to a mistyped or retired PyPI host is the wrong URL (not a package index pip installs from)
        hosts = (next(g for g in m.groups() if g) for m in HOST_NAMED.finditer(whole))
        host = next((h for h in hosts if wrong_pypi_host(h)), None)
        if host:
            wrong = BY_ID["log-wrong-upload-url"]
            found.pop("log-network")
            found.setdefault(wrong.id, LogFinding(wrong, logtext.line_at(cleaned, starts, whole.find(host)), wrong.title))
    page = PAGE_URL_GIVEN.search(whole) if "log-network" in found else None
    if page and not install_only(cleaned, found["log-network"].line):
        # a reset or abort of an upload given a page of the site as its URL: the URL, not the network (warehouse#8863)
        wrong = BY_ID["log-wrong-upload-url"]
        found.pop("log-network")
        found.setdefault(wrong.id, LogFinding(wrong, logtext.line_at(cleaned, starts, page.start(1)), wrong.title))
    if "log-project-not-owned" in found and OLD_SITE_REFUSED.search(whole) and NEW_URL_TOLD.search(whole) \
            and not NEW_URL_REFUSED.search(whole):
        # legacy PyPI's "not allowed to edit" from the retired pypi.python.org, in a text that names today's upload URL
        # beside it (told as the change that made the upload work): the URL, not the ownership (cmake-python-distributions
        # #10); with no other URL told it was the live site's ownership refusal (django-spurl #15)
        refused = found.pop("log-project-not-owned")
        wrong = BY_ID["log-wrong-upload-url"]
        found.setdefault(wrong.id, LogFinding(wrong, refused.line, wrong.title))
    if "log-python-setup" in found and re.search(TLS_TOO_OLD, whole, re.I):
        # the server refused the handshake of a Python too old for TLS 1.2: whatever host or URL the failed request
        # names, no URL, network or certificate is in question
        for fid in ("log-network", "log-wrong-upload-url", "log-ssl-verify"):
            found.pop(fid, None)
    return found


def _bare(log: logtext.LogText, found: Dict[str, LogFinding], vers: List[str]) -> Dict[str, LogFinding]:
    """A bare 400 (or none quoted) read by what else the log shows: a local version, an unslashed URL, an earlier
    build's file, a WebAssembly wheel."""
    cleaned, whole, starts, text = log.cleaned, log.whole, log.starts, log.text
    if set(found) <= {"log-bad-request"} and any("+" in v for v in vers):  # the 400 of a local version
        bad = next((n for n, t in cleaned if _BAD_REQUEST.search(t)), None)
        if bad is not None:
            found.pop("log-bad-request", None)
            local = BY_ID["log-local-version"]
            found[local.id] = LogFinding(local, bad, local.title)
    unslashed = url_set_unslashed(whole) if set(found) <= {"log-bad-request"} else None
    if unslashed:  # the upload URL set without its trailing slash, the 400 told in a sentence or bare
        wrong = BY_ID["log-wrong-upload-url"]
        found = {wrong.id: LogFinding(wrong, logtext.line_at(cleaned, starts, unslashed.start()), wrong.title)}
    if not found:  # a lone `400 Bad Request from URL` line, with no reason after it, is the bare 400 too
        bare = bare_400_line(cleaned, text.splitlines())
        said = BARE_400_SENTENCE.search(whole) if bare is None and PYPI_NAMED.search(whole) else None
        if said:  # a 400 quoted in a sentence about the upload ("failed with `400 Bad Request`")
            bare = logtext.line_at(cleaned, starts, said.start())
        if bare is not None:
            bad = BY_ID["log-bad-request"]
            found[bad.id] = LogFinding(bad, bare, bad.title)
    stale = stale_sent(cleaned) if set(found) <= {"log-bad-request"} else None
    if stale:  # a 4xx on a file of an older version than another handed to the same upload: leftovers in dist/
        found.pop("log-bad-request", None)
        exists = BY_ID["log-file-exists"]
        found[exists.id] = LogFinding(exists, stale[0], f"An earlier build's file (`{stale[1]}`, {stale[2]}) was "
                                      f"uploaded beside {stale[3]}'s and refused", STALE_FIX)
    if set(found) == {"log-bad-request"} and wasm_wheel(cleaned, found["log-bad-request"].line):
        tag = BY_ID["log-unsupported-platform-tag"]  # the 400 of a WebAssembly wheel PyPI takes under no such tag
        found = {tag.id: LogFinding(tag, found.pop("log-bad-request").line, tag.title)}
    return found


def _told(log: logtext.LogText, found: Dict[str, LogFinding], claims: Dict[str, str],
          publishes: bool) -> Dict[str, LogFinding]:
    """Where no known text was quoted: the OIDC claims printed, a bare 403, a prompt nobody answered, and what a person
    wrote about the failure (read only where something says it is a Python release, or `publishes`); another
    registry's text that PyPI's resembles is dropped."""
    cleaned, whole, starts, text = log.cleaned, log.whole, log.starts, log.text
    if not found and CLAIMED.intersection(claims):  # claims are printed only for a token PyPI refused
        failed = TP_FAILED.search(whole)
        if failed:
            refused = BY_ID["log-invalid-publisher"]
            found[refused.id] = LogFinding(refused, logtext.line_at(cleaned, starts, failed.start()), refused.title)
    if not found and SAID_ATTESTATION_FAILED.search(whole) and not OTHER_REGISTRY.search(whole):
        # attestations PyPI did not verify, told in a sentence: more specific than the Trusted Publishing words below
        said = said_cause(cleaned, whole)
        if said and said[0] == "log-invalid-attestations":
            failed = BY_ID[said[0]]
            found[failed.id] = LogFinding(failed, said[1], failed.title)
    if not found and SAID_REUSABLE_UNSUPPORTED.search(whole) and not OTHER_REGISTRY.search(whole):
        # a reusable workflow told as what PyPI does not support: more specific than the Trusted Publishing words below
        said = said_cause(cleaned, whole)
        if said and said[0] == "log-reusable-workflow":
            reusable = BY_ID[said[0]]
            found[reusable.id] = LogFinding(reusable, said[1], reusable.title)
    if not found and TP_SAID.search(ACTION_NOTICE.sub("", whole)) and not OTHER_REGISTRY.search(whole):
        # what people write about a refused exchange (npm, crates.io and RubyGems have Trusted Publishing too)
        cue = TP_CUE_RX.search(whole)
        if cue:
            refused = BY_ID["log-invalid-publisher"]
            found[refused.id] = LogFinding(refused, logtext.line_at(cleaned, starts, cue.start()), refused.title)
    if not found:  # a 403 with no reason line from a PyPI upload: refused credentials, or none sent
        bare = BARE_403.search(whole)
        if bare and PYPI_NAMED.search(whole):
            refused = BY_ID["log-token-rejected"]
            found[refused.id] = LogFinding(refused, logtext.line_at(cleaned, starts, bare.start()), refused.title)
    prompt = prompt_at_end(cleaned)
    if prompt is None and not found:  # a traceback raised while the uploader gathered the username or password
        prompt = credential_traceback(cleaned)
    if not found and prompt is not None:  # the uploader waited for a username or password nobody typed
        missing = BY_ID["log-credential-missing"]
        found[missing.id] = LogFinding(missing, prompt, missing.title)
    bundled = bundled_uploader_cut(cleaned) if not found else None
    if bundled:  # a tool's own uploader broke while importing, its exception cut: the tool's lockfile
        broken = BY_ID["log-uploader-broken"]
        found[broken.id] = LogFinding(broken, bundled[0], f"The {bundled[1]} that the release tool builds from its own "
                                      "lockfile broke while it was imported (its exception line is cut)", BUNDLED_FIX)
    hung = interrupted_before_upload(cleaned) if not found else None
    if hung is not None:  # stopped by hand after listing its files, before sending one: the credential lookup hung
        missing = BY_ID["log-credential-missing"]
        found[missing.id] = LogFinding(missing, hung, INTERRUPTED_TITLE, INTERRUPTED_FIX)
    no_renderer = RENDERER_MISSING.search(whole) if not found and TWINE_CHECK.search(whole) else None
    if no_renderer:  # readme_renderer without its Markdown extra, under a `twine check` that failed: the check's
        # renderer is missing (ciena/afkak #73), nothing of the README itself is named
        invalid = BY_ID["log-description-invalid"]
        found[invalid.id] = LogFinding(invalid, logtext.line_at(cleaned, starts, no_renderer.start()), invalid.title)
    fixed_by = action_fixed(cleaned) if not found and PYTHON_RELEASE.search(whole) else None
    if fixed_by:  # a publish action's bug, told as fixed by the action's newer release
        bug = BY_ID["log-action-bug"]
        found[bug.id] = LogFinding(bug, fixed_by[0], bug.title, action_fixed_fix(*fixed_by[1:]))
    left = SAID_ATTESTATIONS_LEFT.search(whole) if not found else None
    if left and (publishes or PYTHON_RELEASE.search(whole)) and not OTHER_REGISTRY.search(whole):
        exists = BY_ID["log-attestation-exists"]  # a first publish step's attestation files told as what broke the second
        found[exists.id] = LogFinding(exists, logtext.line_at(cleaned, starts, left.start()), exists.title)
    broke = SHELL_SYNTAX.search(whole) if not found and SAID_SECRET_SPECIAL.search(whole) else None
    if broke and (PYPI_NAMED.search(whole) or publishes or PYTHON_RELEASE.search(whole)):
        config = BY_ID["log-uploader-config"]  # the shell's syntax error beside a secret told with a special character:
        # the CI's script broke on it before any upload, no credential reached the index (travis-ci#5604)
        found[config.id] = LogFinding(config, logtext.line_at(cleaned, starts, broke.start()), config.title)
    ran = never_ran(whole) if not found and not OTHER_REGISTRY.search(whole) and (publishes or PYTHON_RELEASE.search(whole)) \
        else None
    if ran:  # a CI's deployer that skipped, tags pushed together, a draft's publication: the publish never started
        never = BY_ID[ran[0]]
        found[never.id] = LogFinding(never, logtext.line_at(cleaned, starts, ran[1]), ran[2], ran[3])
    cannot = SAID_CI_CANNOT_CREATE.search(whole) if not found and PYPI_NAMED.search(whole) else None
    if cannot and not OTHER_REGISTRY.search(whole):  # a CI identity that may not create the project its upload names
        first = BY_ID["log-non-user-identity"]
        found[first.id] = LogFinding(first, logtext.line_at(cleaned, starts, cannot.start()), CI_CANNOT_CREATE,
                                     CI_CANNOT_CREATE_FIX)
    told = not found and not OTHER_REGISTRY.search(whole) and (publishes or PYTHON_RELEASE.search(whole))
    org = SAID_ORG_ROLE_ONLY.search(whole) if told else None
    if org:  # an organisation role told as no right on its projects: the account needs a role on each project
        owned = BY_ID["log-project-not-owned"]
        found[owned.id] = LogFinding(owned, logtext.line_at(cleaned, starts, org.start()), owned.title, ORG_ROLE_FIX)
    gone = SAID_ACTION_TAG_GONE.search(whole) if told and WORKFLOW_NOT_RUN.search(whole) else None
    if gone:  # an action's tag told as removed where the workflow failed to run: a ref that does not resolve
        ref = BY_ID["log-action-ref-missing"]
        found[ref.id] = LogFinding(ref, logtext.line_at(cleaned, starts, gone.start()), "An action's ref the workflow "
                                   "pins does not exist, so the release workflow failed to run", ACTION_TAG_GONE_FIX)
    hung = SAID_HUNG_AFTER_ACCEPT.search(whole) if told else None
    if hung:  # the uploader hanging after the index took a file: a timeout that left the upload partial
        network = BY_ID["log-network"]
        found[network.id] = LogFinding(network, logtext.line_at(cleaned, starts, hung.start()), HUNG_TITLE, HUNG_FIX)
    if not found and not _uv_install(whole) and not OTHER_REGISTRY.search(whole) and (publishes or PYTHON_RELEASE.search(whole)):
        said = said_cause(cleaned, whole)  # what a person wrote about the failure instead of pasting it: read only where
        # something says it is a Python release (Maven Central, Open VSX, a Chrome extension fail in sentences too)
        if said:
            fid = "log-sdist-exists" if said[0] == "log-file-exists" and TWO_SDISTS.search(whole) else said[0]
            pattern = BY_ID[fid]  # two sdist formats for one version: the second sdist is what PyPI refused
            found[pattern.id] = LogFinding(pattern, said[1], pattern.title)
            if fid == "log-server-error" and not SAID_STATUS_5XX.search(whole):  # an incident named, no answer shown
                found[fid].message = "PyPI had trouble on its side (an incident or outage told; no status code shown)"
            if fid == "log-no-distributions" and SAID_VERSION_FILTER.search(whole):  # the tool's version filter
                found[fid].message, found[fid].fix = VERSION_FILTER_TITLE, VERSION_FILTER_FIX
    if set(found) == {"log-bad-request"} and not OTHER_REGISTRY.search(whole):  # a sentence may tell the 400's reason
        said = said_cause(cleaned, whole)
        if said and said[0] not in ("log-token-rejected", "log-wrong-upload-url"):
            pattern = BY_ID[said[0]]
            found = {pattern.id: LogFinding(pattern, found["log-bad-request"].line, pattern.title)}
    if not found and CI_CLEANUP.search(whole) and not STASH_FAILED.search(whole) and any(
            SAID_CLEANUP_FAILED.search(t) and not CI_CLEANUP.search(t) for _, t in cleaned):  # the notice and a failure told
        dists = BY_ID["log-no-distributions"]
        at = next(n for n, t in cleaned if SAID_CLEANUP_FAILED.search(t) and not CI_CLEANUP.search(t))
        found[dists.id] = LogFinding(dists, at, CLEANUP_TITLE, CLEANUP_FIX)
    tree = nested_tree(text) if not found and TOLD_WRONG.search(whole) and PYTHON_RELEASE.search(whole) else None
    if tree:  # the files drawn one folder too deep under `dist/`, told as what went wrong
        dists = BY_ID["log-no-distributions"]
        found[dists.id] = LogFinding(dists, tree[0], dists.title, NESTED_TREE_FIX.format(", ".join(tree[1])))
    misnamed = repo_name_used(cleaned) if not found and PYTHON_RELEASE.search(whole) else None
    if misnamed is not None:  # the repository's name where the distribution's was needed, the version never on PyPI
        dists = BY_ID["log-no-distributions"]
        found[dists.id] = LogFinding(dists, misnamed, "The release workflow used the repository's name where the "
                                     "distribution's was needed, so the version never reached PyPI", REPO_NAME_FIX)
    sent = linux_wheel_sent(cleaned, whole) if not found else None
    if sent is not None:  # the log stops before PyPI's answer, after a plain `linux_*` wheel went to the upload
        tag = BY_ID["log-unsupported-platform-tag"]
        found[tag.id] = LogFinding(tag, sent, tag.title, LINUX_SENT_FIX)
    broke = shell_broke_on_secret(whole) if not found else None
    if broke:  # the shell's quoting error beside a deploy's password or secret: the secret's character broke the script
        config = BY_ID["log-uploader-config"]
        found[config.id] = LogFinding(config, logtext.line_at(cleaned, starts, broke.start()), SHELL_SECRET_TITLE,
                                      SHELL_SECRET_FIX)
    if found and OTHER_REGISTRY.search(whole) and not PYTHON_RELEASE.search(whole):
        found = {}  # another registry's text that PyPI's resembles (anaconda.org's "File already exists")
    return found


def _ordered(log: logtext.LogText, found: Dict[str, LogFinding]) -> List[LogFinding]:
    """The findings, most specific first, then reordered by what the text says of them (by hand, fixed, expected)."""
    cleaned, whole = log.cleaned, log.whole
    findings = sorted(found.values(), key=lambda f: ORDER.index(f.pattern.id))
    if "log-wrong-upload-url" in found and LEGACY_PYPI_5XX.search(whole) and "log-server-error" in found:
        # twine's own reading of the old site's 500: upload to the new URL, no incident to wait out
        findings.remove(found.pop("log-server-error"))
    if "log-name-not-allowed" in found and findings[0].pattern.id in ("log-invalid-publisher",
                                                                       "log-invalid-pending-publisher"):
        # no publisher can be registered for a name PyPI refuses: the refused name explains the refused exchange
        findings.insert(0, findings.pop(findings.index(found["log-name-not-allowed"])))
    if {"log-file-exists", "log-sdist-exists"} <= set(found) and SAID_SKIP_ADDED.search(whole):  # a re-upload skipped
        findings.insert(0, findings.pop(findings.index(found["log-file-exists"])))  # the second sdist: a workaround's
        found["log-file-exists"].fix = SKIP_ADDED_FIX
    if len(findings) > 1:  # a person's own attempt by hand, told beside the job's failure, goes after the job's
        side = [f for f in findings if side_attempt(cleaned, f)]
        if len(side) < len(findings):
            findings = [f for f in findings if f not in side] + side
    if len(findings) > 1:  # a failure the text says is fixed already goes after the ones still failing
        fixed = [f for f in findings if said_fixed(cleaned, f)]
        if len(fixed) < len(findings):
            findings = [f for f in findings if f not in fixed] + fixed
    if len(findings) > 1:  # an error the text calls the expected outcome (a re-run on a published version) is none
        findings = [f for f in findings if not said_expected(cleaned, f)] or findings
    return findings


def _general(log: logtext.LogText, findings: List[LogFinding]) -> List[LogFinding]:
    """Where nothing specific was read: failures of a general shape, told or shown."""
    cleaned, whole, starts, text = log.cleaned, log.whole, log.starts, log.text
    unseen = generic_failures.tags_unseen(whole, bool(PYTHON_RELEASE.search(whole))) if not findings else None
    if unseen:  # told in a sentence: the build saw no tags, so the version plugin fell back (beside a re-upload it
        # caused, the re-upload's advice tells it)
        git = BY_ID["log-git-version"]
        findings = [LogFinding(git, logtext.line_at(cleaned, starts, unseen.start()), git.title)]
    gone = setup_upload_failed(cleaned, whole) if not findings else None
    if gone is not None:  # the removed `setup.py upload` told as what failed, nothing else shown or told
        missing = BY_ID["log-uploader-missing"]
        findings = [LogFinding(missing, gone, "`setup.py upload` failed: setuptools has no upload command any more",
                               SETUP_UPLOAD_GONE_FIX)]
    moved = generic_failures.wrong_directory(whole, bool(PYTHON_RELEASE.search(whole))) if not findings else None
    if moved:  # told in a sentence: the deploy ran from another directory, so what it reads was not found
        findings = [LogFinding(generic_failures.FILE_MISSING, logtext.line_at(cleaned, starts, moved.start()),
                               generic_failures.WRONG_DIRECTORY_TITLE, generic_failures.WRONG_DIRECTORY_FIX)]
    folder = generic_failures.upload_folder_only(whole, bool(PYTHON_RELEASE.search(whole))) if not findings else None
    if folder:  # told in a sentence: the uploader takes only `dist/`, the build wrote its wheels to another folder
        findings = [LogFinding(BY_ID["log-no-distributions"], logtext.line_at(cleaned, starts, folder.start()),
                               generic_failures.FOLDER_ONLY_TITLE, generic_failures.FOLDER_ONLY_FIX)]
    service = generic_failures.service_not_set_up(whole, bool(PYTHON_RELEASE.search(whole))) if not findings else None
    if service:  # told in a sentence: a release service between the CI and PyPI was not set up for the project
        findings = [LogFinding(generic_failures.COMMAND_FAILED, logtext.line_at(cleaned, starts, service.start()),
                               generic_failures.SERVICE_TITLE, generic_failures.SERVICE_FIX)]
    shell = generic_failures.stderr_fails(whole, bool(PYTHON_RELEASE.search(whole))) if not findings else None
    if shell:  # told in a sentence: the CI's shell failed the step on stderr output, the programs themselves succeeded
        findings = [LogFinding(generic_failures.COMMAND_FAILED, logtext.line_at(cleaned, starts, shell.start()),
                               generic_failures.STDERR_TITLE, generic_failures.STDERR_FIX)]
    if not findings:
        generic = generic_failures.read(cleaned, text.splitlines())
        findings = [generic] if generic else []
    return findings


def read(text: str, publishes: bool = False) -> LogScan:
    """The recognised errors (most specific first, each at its first line), claims and versions of a log.
    `publishes`: the repository's workflows upload to PyPI, so what a person wrote about a failed publish is
    about PyPI even when the text names nothing of a Python release."""
    log = logtext.LogText.of(text)
    cleaned = log.cleaned
    found = _weighed(log, _matched(log))
    refine(log, found, QUOTED)
    vers = logtext.versions(cleaned)
    found = _bare(log, found, vers)
    claims = claims_mod.parse(cleaned)
    found = _told(log, found, claims, publishes)
    refine(log, found)
    findings = _general(log, _ordered(log, found))
    return LogScan(findings, claims, vers, cleaned,
                   [] if findings else logtext.last_error_lines(cleaned, raw=text.splitlines()))


def scan(text: str) -> Tuple[List[LogFinding], Dict[str, str]]:
    """The recognised errors and the claims the log prints."""
    r = read(text)
    return r.findings, r.claims
