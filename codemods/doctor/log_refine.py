"""A recognised error's title and fix where the rest of the text shows a narrower case of it.

One table instead of a chain of `if` blocks in logs.read(): each entry names a finding and its cases in the order they
are tried; the first case whose condition holds gives the title and/or fix (a string, or a function of what the
condition found). Entries run in table order, so a later entry may refine what an earlier one set (its condition sees
the finding as it stands).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional, Tuple, Union

from codemods.doctor import generic_failures, logtext
from codemods.doctor.log_files import (BRANCH_PAST_TAG, BRANCH_PAST_TAG_FIX, DELETED_NAME_FIX, DIRECT_IN_EXTRA,
                                       DIRECT_IN_EXTRA_FIX, DELETED_NAME_REFUSED, DELETED_NAME_TITLE, EMAIL_FIELD_FIX,
                                       EMAIL_FIELD_REFUSED, ESCAPED_NAME_FIX, escaped_name_refused, LICENSE_FILE_ABSENT,
                                       MATURIN_LICENSE_FIX, NOTHING_BUILT_FIX, OLD_CHECK_FIX, old_check_name,
                                       platform_fix, PROJECT_SIZE_FIX, SEMANTIC_RELEASE_ENV, SEMANTIC_RELEASE_ENV_FIX,
                                       STALE_FIX, STAMPED_FIX, STRAY_DIR_FIX, stray_file, unreadable_file,
                                       URL_DUPLICATE_FIX, URL_DUPLICATE_SAID, VERSION_REFUSED, VERSION_REFUSED_FIX,
                                       VERSION_REFUSED_TITLE, VERSION_STAMPED)
from codemods.doctor.log_never_ran import CONDITION_UNMET, CONDITION_UNMET_FIX, IMPLIED_SUCCESS, IMPLIED_SUCCESS_FIX
from codemods.doctor.log_patterns import (BUILD_SANDBOX, PLUGIN_OPTION_FIX, PLUGIN_OPTION_IGNORED, POETRY_CORE_MOVED,
                                          POETRY_PLUGIN_FIX, RULESET_REF_REFUSED, RX, SANDBOX_UPLOADER_FIX,
                                          SANDBOX_UPLOADER_TITLE, TLS_TOO_OLD, UPLOADER_MODULE_FIX,
                                          UPLOADER_MODULE_MISSING, URLLIB3_OLD_SSL, URLLIB3_OLD_SSL_FIX,
                                          VENDORED_MODULE_FIX, VENDORED_MODULE_TITLE, VENDORED_UPLOADER)
from codemods.doctor.log_said import (BUILD_LABEL_AS_FILE, BUILD_LABEL_AS_FILE_FIX, BUILT_UNREGISTERED,
                                      BUILT_UNREGISTERED_FIX, BUMP_REFUSED, BUMP_REFUSED_FIX, BUMP_REFUSED_TITLE, BUMP_TOOL,
                                      CI_SHOWN, CLASSIFIER_SAID_FIX, classifiers_said, EVERY_JOB_FIX, MACHINE_PASSWORD_FIX,
                                      MACHINE_UPLOAD, misspelt_content_type, misspelt_content_type_fix, MOVED_NOTHING,
                                      MOVED_NOTHING_FIX, NESTED_DIST, NESTED_DIST_FIX, NEWER_FIELD_FIX, OPTION_AS_FILE,
                                      OPTION_AS_FILE_FIX, OTHER_KIND_FIX, OTHER_KIND_UPLOAD, PLACEHOLDER_VERSION, QUOTED_SECRET_FIX,
                                      RENDERER_MISSING, RENDERER_MISSING_FIX, SAID_BACKEND_LACKS_FIELD, SAID_BUMPED_SAME,
                                      SAID_DELETED_REUSE, SAID_EVERY_JOB_UPLOADS, SAID_KINDS_ONLY, SAID_NO_RELEASE,
                                      said_project_total, SAID_ROLE_MISSING, SAID_SECRET_SPECIAL, SAID_STRAY_DIR,
                                      SAID_TOKEN_OTHER_PROJECT, SHELL_SECRET_FIX, SHELL_SYNTAX, SHELL_TOLD, stale_dist,
                                      STATIC_VERSION_FIX, STATIC_VERSION_SAID, SUMMARY_LONG_FIX, summary_too_long,
                                      tag_unexpanded, TOKEN_OTHER_PROJECT_FIX, unexpanded_tag_fix, UPLOAD_ALONE,
                                      UPLOAD_ALONE_FIX, VENV_FIX, VENV_TOLD, VERSION_TOOL_OFF, VERSION_TOOL_OFF_FIX)
from codemods.doctor.log_servers import (BLOCKED_FIX, DISTUTILS_DESCRIPTION_FIX, DISTUTILS_UPLOAD, HELD_BY_OTHER,
                                         INTERNAL_500, MATURIN_MIXED, MATURIN_MIXED_FIX, NAME_HELD_FIX, NAME_HELD_NO_PAGE,
                                         NEVER_CONNECTED, OTHER_INDEX_EXISTS_FIX, OTHER_INDEX_EXISTS_TITLE,
                                         password_login, PASSWORD_REFUSED, PASSWORD_REFUSED_FIX, poetry_repository,
                                         poetry_unconfigured, POETRY_NONE_SENT, POETRY_NONE_SENT_FIX, PROHIBITED_NAME,
                                         PROHIBITED_NAME_FIX, PYPI_HOSTS, HOST_NAMED, REGISTER_FIX, REGISTER_RETIRED,
                                         OUTAGE_OR_LARGE, removed_account, REMOVED_ACCOUNT_FIX, REPEATED_500_FIX, REPEATED_500_LOGIN,
                                         RETRIED_500, ROLE_MISSING_FIX, TOKEN_NAMED,
                                         SAID_EVERY_TIME, server_elsewhere, SETUP_UPLOAD_GONE, SETUP_UPLOAD_GONE_FIX,
                                         SETUP_UPLOAD_WARNED, TESTPYPI_HELD_FIX, TESTPYPI_NAME_REFUSED, TESTPYPI_PASSWORD_FIX,
                                         TESTPYPI_PASSWORD_REFUSED, TESTPYPI_REFUSED, TWINE_IN_PLACE,
                                         USERNAME_NOT_TOKEN, USERNAME_NOT_TOKEN_FIX, USERNAME_NOT_TOKEN_SAID)
from codemods.doctor.log_types import LogFinding
from codemods.doctor.logtext import LogText
from codemods.doctor.log_uploaders import (EMPTY_ARGUMENT, EMPTY_ARGUMENT_FIX, EMPTY_ARGUMENT_TITLE, install_only,
                                           old_twine_fix, PROTECTED_BRANCH, PROTECTED_FIX, PROTECTED_TITLE,
                                           pypirc_section_shown, pypirc_unlisted_fix, release_tool_url,
                                           release_tool_url_fix, RULESET_FIX, SIGNATURE_FIX, SIGNATURE_REFUSED, TLS_FIX,
                                           tool_cap_fix, twine_capped_by_tool, UPLOADER_NOT_INSTALLED, UV_EXPLICIT_FIX,
                                           uv_index_shown, UV_INDEX_SHOWN_FIX)


Value = Union[None, str, Callable[[LogText, Any], str]]


@dataclass(frozen=True)
class Case:
    """One narrower case of a finding: `when(log, finding)` holds (its value goes to a callable title or fix)."""
    when: Callable[[LogText, LogFinding], Any]
    message: Value = None
    fix: Value = None


def _given(_log: LogText, found: Any) -> Any:
    """The fix a reading returned itself."""
    return found


def _exists_elsewhere(log: LogText, _f: LogFinding) -> bool:
    """`File already exists` on a line answered by another server than PyPI."""
    return any(server_elsewhere(log.cleaned, n) for n, t in log.cleaned if re.search(r"File already exists", t, re.I))


def _never_connected(log: LogText, f: LogFinding) -> bool:
    """PyPI's own host, spelled right, that this network did not reach (not a package index pip installs from)."""
    if install_only(log.cleaned, f.line) or not NEVER_CONNECTED.search(log.whole):
        return False
    hosts = {next(g for g in m.groups() if g).lower().rstrip(".") for m in HOST_NAMED.finditer(log.whole)}
    return bool(hosts) and hosts <= set(PYPI_HOSTS)


def _refused_version(log: LogText, f: LogFinding) -> Optional[re.Match]:
    return VERSION_REFUSED.search(log.whole) if not f.fix else None


def _secret_split(log: LogText, _f: LogFinding) -> bool:
    return log.has(SAID_SECRET_SPECIAL) and log.has(SHELL_TOLD)


Table = Tuple[Tuple[str, Tuple[Case, ...]], ...]  # (finding id, its cases tried in order: the first that holds applies)

# the cases of a quoted error, refined before the readings of prose (whose findings carry fixes of their own)
QUOTED: Table = (
    # the network did not reach PyPI's own host: a blocked egress, not an outage
    ("log-network", (Case(_never_connected, fix=BLOCKED_FIX),)),
    ("log-token-permission", (
        Case(lambda log, f: log.has(RULESET_REF_REFUSED, re.I), fix=RULESET_FIX),  # no scope lets a token past a ruleset
        Case(lambda log, f: log.has(PROTECTED_BRANCH, re.I), PROTECTED_TITLE, PROTECTED_FIX),  # nor branch protection
    )),
    # an empty argument among the files
    ("log-no-distributions", (Case(lambda log, f: log.has(EMPTY_ARGUMENT), EMPTY_ARGUMENT_TITLE, EMPTY_ARGUMENT_FIX),)),
    # the server refused the handshake of a Python too old for TLS 1.2
    ("log-python-setup", (Case(lambda log, f: log.has(TLS_TOO_OLD, re.I), fix=TLS_FIX),)),
)

# the cases of every finding, in the order they run once all readings are done
REFINEMENTS: Table = (
    # told invalid, none quoted: the field (a stray file, an unreadable one, a duplicate URL, a long summary, classifiers)
    ("log-invalid-distribution", (
        Case(lambda log, f: stray_file(log.whole), fix=_given),
        Case(lambda log, f: unreadable_file(log.whole), fix=_given),
        Case(lambda log, f: URL_DUPLICATE_SAID.search(log.whole), fix=URL_DUPLICATE_FIX),
        Case(lambda log, f: summary_too_long(log.whole), fix=SUMMARY_LONG_FIX),
        Case(lambda log, f: classifiers_said(log.whole), "Invalid Trove classifiers were refused (told; no message quotes "
             "one)", CLASSIFIER_SAID_FIX),
    )),
    ("log-invalid-distribution", (Case(lambda log, f: f.fix == STRAY_DIR_FIX and log.has(SAID_STRAY_DIR),
                                       "A folder in the upload folder broke the upload (told): only wheels and sdists may "
                                       "be there"),)),  # told, none quoted
    # the Version field, named with its rule
    ("log-invalid-distribution", (Case(_refused_version, lambda log, m: VERSION_REFUSED_TITLE.format(
        f"`{m.group(1)}` " if m.group(1) else ""), VERSION_REFUSED_FIX),)),
    ("log-unsupported-platform-tag", (Case(lambda log, f: not f.fix and platform_fix(log.whole), fix=_given),)),
    ("log-secret-empty", (Case(lambda log, f: log.has(SEMANTIC_RELEASE_ENV), fix=SEMANTIC_RELEASE_ENV_FIX),)),
    ("log-credential-missing", (Case(lambda log, f: log.has(SEMANTIC_RELEASE_ENV), fix=SEMANTIC_RELEASE_ENV_FIX),)),
    # the twine that refuses the metadata is the release tool's own, pinned by it
    ("log-metadata-unsupported", (Case(lambda log, f: twine_capped_by_tool(log.whole),
                                       fix=lambda log, capped: tool_cap_fix(capped)),)),
    ("log-file-exists", (
        Case(lambda log, f: log.has(BUMP_REFUSED) and log.has(BUMP_TOOL), BUMP_REFUSED_TITLE, BUMP_REFUSED_FIX),  # the
        # bump that never ran; an earlier build's files beside the new one (or stale_sent's finding, made with this fix)
        Case(lambda log, f: stale_dist(log.whole) or f.fix == STALE_FIX, fix=STALE_FIX),
        Case(lambda log, f: log.has(SAID_EVERY_JOB_UPLOADS), fix=EVERY_JOB_FIX),  # one file from every matrix job
        Case(lambda log, f: log.has(DELETED_NAME_REFUSED) or (log.has(SAID_DELETED_REUSE) and
                                                              not log.has(r"File already exists", re.I)),
             DELETED_NAME_TITLE, DELETED_NAME_FIX),
        Case(_exists_elsewhere, OTHER_INDEX_EXISTS_TITLE, OTHER_INDEX_EXISTS_FIX),  # another index's: no PyPI file there
    )),
    # bumped, refused again: the old version's files went along
    ("log-file-exists", (Case(lambda log, f: log.has(SAID_BUMPED_SAME) and not log.has(BUMP_REFUSED) and
                              f.fix != OTHER_INDEX_EXISTS_FIX, fix=STALE_FIX),)),
    ("log-publish-skipped", (
        Case(lambda log, f: log.has(IMPLIED_SUCCESS), fix=IMPLIED_SUCCESS_FIX),  # a plain `if:` after a skipped job
        Case(lambda log, f: log.has(CONDITION_UNMET), fix=CONDITION_UNMET_FIX),  # its own `if:` told unmet
    )),
    ("log-no-distributions", (
        Case(lambda log, f: log.has(SAID_NO_RELEASE), fix=NOTHING_BUILT_FIX),
        Case(lambda log, f: log.has(BUILT_UNREGISTERED), fix=BUILT_UNREGISTERED_FIX),  # built in the same command
        Case(lambda log, f: log.has(UPLOAD_ALONE), fix=UPLOAD_ALONE_FIX),  # `setup.py upload` alone, no artifact
        Case(lambda log, f: log.has(MOVED_NOTHING), fix=MOVED_NOTHING_FIX),
        Case(lambda log, f: log.has(OPTION_AS_FILE), fix=OPTION_AS_FILE_FIX),
        Case(lambda log, f: log.has(BUILD_LABEL_AS_FILE), fix=BUILD_LABEL_AS_FILE_FIX),  # a build rule's publish target
        Case(lambda log, f: log.has(NESTED_DIST), fix=NESTED_DIST_FIX),
    )),
    ("log-sdist-filename", (
        Case(lambda log, f: escaped_name_refused(log.whole), fix=ESCAPED_NAME_FIX),
        Case(lambda log, f: old_check_name(log.whole), fix=OLD_CHECK_FIX),  # the pre-2023 check asked for a dotted name
    )),
    ("log-uploader-broken", (
        Case(lambda log, f: log.has(MATURIN_MIXED), fix=MATURIN_MIXED_FIX),
        Case(lambda log, f: log.has(REGISTER_RETIRED), fix=REGISTER_FIX),  # no bug: an API PyPI retired
    )),
    ("log-token-rejected", (
        Case(lambda log, f: password_login(log.whole) and log.has(TESTPYPI_REFUSED), TESTPYPI_PASSWORD_REFUSED,
             TESTPYPI_PASSWORD_FIX),  # a pypi.org login typed at TestPyPI: its own account first
        Case(lambda log, f: password_login(log.whole), PASSWORD_REFUSED, lambda log, _: PASSWORD_REFUSED_FIX.format(
            TWINE_IN_PLACE if log.has(DISTUTILS_UPLOAD) else "")),  # a username and password, not a secret's token
        Case(lambda log, f: log.has(USERNAME_NOT_TOKEN_SAID), USERNAME_NOT_TOKEN,  # the username told wrong
             lambda log, _: USERNAME_NOT_TOKEN_FIX.format(poetry_repository(log.whole))),
        Case(lambda log, f: poetry_unconfigured(log.cleaned, f.line), lambda log, repo: POETRY_NONE_SENT.format(repo),
             lambda log, repo: POETRY_NONE_SENT_FIX.format(repo, re.sub(r"\W", "_", repo).upper())),  # none sent
    )),
    # no CI: the token, not Trusted Publishing
    ("log-password-uploads-disabled", (Case(lambda log, f: not f.fix and log.has(MACHINE_UPLOAD) and
                                            not log.has(CI_SHOWN), fix=MACHINE_PASSWORD_FIX),)),
    # told: the token of another project was used
    ("log-token-rejected", (Case(lambda log, f: not f.fix and log.has(SAID_TOKEN_OTHER_PROJECT),
                                 fix=TOKEN_OTHER_PROJECT_FIX),)),
    # the version a static string, not the tag's: every release repeats it (a version plugin's fallback is the shallow
    # clone's class)
    ("log-file-exists", (Case(lambda log, f: not f.fix and log.has(STATIC_VERSION_SAID) and
                              not log.has(generic_failures.VERSION_PLUGIN), fix=STATIC_VERSION_FIX),)),
    # the version plugin told off: every build the placeholder
    ("log-file-exists", (Case(lambda log, f: log.has(VERSION_TOOL_OFF) and log.has(PLACEHOLDER_VERSION),
                              fix=VERSION_TOOL_OFF_FIX),)),
    ("log-uploader-missing", (
        Case(lambda log, f: log.has(SETUP_UPLOAD_GONE), fix=SETUP_UPLOAD_GONE_FIX),  # not a tool to install: a command
        Case(lambda log, f: log.has(VENV_TOLD) and not log.has(UPLOADER_NOT_INSTALLED), fix=VENV_FIX),  # installed,
        # but in another environment than the deploy's; a build system's binary runs it: its deps, not the job's
        Case(lambda log, f: log.has(BUILD_SANDBOX, re.I) and not log.has(UPLOADER_NOT_INSTALLED),
             SANDBOX_UPLOADER_TITLE, SANDBOX_UPLOADER_FIX),
    )),
    ("log-uploader-dependency-conflict", (
        Case(lambda log, f: log.has(UPLOADER_MODULE_MISSING) and log.has(VENDORED_UPLOADER), VENDORED_MODULE_TITLE,
             VENDORED_MODULE_FIX),  # a build rule's twine, not the job's
        Case(lambda log, f: log.has(UPLOADER_MODULE_MISSING), fix=UPLOADER_MODULE_FIX),  # the module is missing
        Case(lambda log, f: log.has(URLLIB3_OLD_SSL), fix=URLLIB3_OLD_SSL_FIX),
        Case(lambda log, f: log.has(POETRY_CORE_MOVED), fix=POETRY_PLUGIN_FIX),
    )),
    ("log-invalid-distribution", (
        Case(lambda log, f: log.has(OTHER_KIND_UPLOAD) and log.has(SAID_KINDS_ONLY), fix=OTHER_KIND_FIX),  # a kind of
        # file PyPI takes no more; a field its backend writes too early, told (not PyPI's message, which advice reads)
        Case(lambda log, f: log.has(SAID_BACKEND_LACKS_FIELD) and not RX["log-invalid-distribution"].search(log.whole),
             fix=NEWER_FIELD_FIX),
    )),
    # the plugin setup() names, not `build`
    ("log-build-tool-missing", (Case(lambda log, f: log.has(PLUGIN_OPTION_IGNORED), fix=PLUGIN_OPTION_FIX),)),
    # told: the shell split or read the secret; its syntax error shown: the script broke before the uploader ran
    ("log-uploader-config", (
        Case(lambda log, f: _secret_split(log, f) and log.has(SHELL_SYNTAX),
             "A special character in the secret broke the CI's shell script", SHELL_SECRET_FIX),
        Case(_secret_split, "The shell split or read the secret on the upload's command line", QUOTED_SECRET_FIX),
    )),
    # uv cannot find an index the log shows defined with its publish URL
    ("log-uploader-config", (Case(lambda log, f: uv_index_shown(log.script) is not None,
                                  fix=lambda log, _: UV_EXPLICIT_FIX if uv_index_shown(log.script) else UV_INDEX_SHOWN_FIX),)),
    # the section is in the .pypirc shown, but `index-servers` does not list it
    ("log-uploader-config", (Case(lambda log, f: pypirc_section_shown(log.script),
                                  fix=lambda log, unlisted: pypirc_unlisted_fix(unlisted)),)),
    # the upload command first, then the file
    ("log-description-invalid", (Case(lambda log, f: log.has(SETUP_UPLOAD_WARNED), fix=DISTUTILS_DESCRIPTION_FIX),)),
    # the check's renderer, not the README
    ("log-description-invalid", (Case(lambda log, f: log.has(RENDERER_MISSING), fix=RENDERER_MISSING_FIX),)),
    # no content type declared because its key is misspelt: the key, not the markup
    ("log-description-invalid", (Case(lambda log, f: misspelt_content_type(log.whole),
                                      fix=lambda log, key: misspelt_content_type_fix(key)),)),
    ("log-local-version", (
        Case(lambda log, f: tag_unexpanded(log.cleaned), fix=lambda log, literal: unexpanded_tag_fix(*literal)),  # the
        # tag named after a variable the shell never expanded: the quoting, not the trigger; no tag found and a dirty
        # tree: a tag is the way; a tag found: the tree was dirty; the CI's own stamping command
        Case(lambda log, f: any(logtext.NO_TAG_DIRTY_VERSION.search(v) for v in logtext.versions(log.cleaned)),
             fix=logtext.NO_TAG_DIRTY_FIX),
        Case(lambda log, f: any(logtext.DIRTY_VERSION.search(v) for v in logtext.versions(log.cleaned)),
             fix=logtext.DIRTY_FIX),
        Case(lambda log, f: log.has(VERSION_STAMPED), fix=STAMPED_FIX),
    )),
    # built on a branch head past the tag
    ("log-local-version", (Case(lambda log, f: log.has(BRANCH_PAST_TAG), fix=BRANCH_PAST_TAG_FIX),)),
    # the URL requirement sits in an extra
    ("log-direct-dependency", (Case(lambda log, f: log.has(DIRECT_IN_EXTRA), fix=DIRECT_IN_EXTRA_FIX),)),
    # the refused email field, named in the fix line
    ("log-invalid-distribution", (Case(lambda log, f: not f.fix and EMAIL_FIELD_REFUSED.search(log.whole),
                                       fix=lambda log, email: EMAIL_FIELD_FIX.format(email.group(1).lower())),)),
    # a member's sdist rooted at the workspace, not an include list
    ("log-invalid-distribution", (Case(lambda log, f: not f.fix and log.has(LICENSE_FILE_ABSENT) and
                                       log.has(r"\bmaturin\b", re.I) and log.has(r"\bworkspace\b", re.I),
                                       fix=MATURIN_LICENSE_FIX),)),
    # told: the account needs a role, not another name
    ("log-project-not-owned", (Case(lambda log, f: log.has(SAID_ROLE_MISSING), fix=ROLE_MISSING_FIX),)),
    # the removed account's token, not its email or 2FA
    ("log-email-unverified", (Case(lambda log, f: removed_account(log.whole), fix=REMOVED_ACCOUNT_FIX),)),
    ("log-two-factor-required", (Case(lambda log, f: removed_account(log.whole), fix=REMOVED_ACCOUNT_FIX),)),
    # a name held without releases: its transfer, or a rename
    ("log-project-not-owned", (Case(lambda log, f: log.has(NAME_HELD_NO_PAGE), fix=NAME_HELD_FIX),)),
    # TestPyPI's name held by another's old project
    ("log-project-not-owned", (Case(lambda log, f: log.has(TESTPYPI_NAME_REFUSED) and log.has(HELD_BY_OTHER),
                                    fix=TESTPYPI_HELD_FIX),)),
    # a name on PyPI's prohibited list: ask, then rename
    ("log-name-not-allowed", (Case(lambda log, f: log.has(PROHIBITED_NAME), fix=PROHIBITED_NAME_FIX),)),
    ("log-wrong-upload-url", (
        Case(lambda log, f: release_tool_url(log.whole), fix=lambda log, tool: release_tool_url_fix(tool)),  # a release
        # tool ran twine with its own default URL; a twine before 1.8.0: its own default is the retired address
        Case(lambda log, f: old_twine_fix(log.whole), fix=_given),
    )),
    ("log-server-error", (Case(lambda log, f: log.has(SAID_EVERY_TIME) and log.has(INTERNAL_500), fix=REPEATED_500_FIX),
                          # twine's retries each answered with the same 500, no outage told, no very large file
                          Case(lambda log, f: log.has(RETRIED_500) and not log.has(OUTAGE_OR_LARGE),
                               fix=lambda log, _: REPEATED_500_FIX + (REPEATED_500_LOGIN if not log.has(
                                   TOKEN_NAMED) else "")))),
    ("log-file-too-large", (Case(lambda log, f: said_project_total(log.whole), fix=PROJECT_SIZE_FIX),)),
    ("log-upload-form-refused", (Case(lambda log, f: log.has(SIGNATURE_REFUSED), fix=SIGNATURE_FIX),)),
)


def _value(value: Value, log: LogText, found: Any) -> Optional[str]:
    return value(log, found) if callable(value) else value


def refine(log: LogText, found: Dict[str, LogFinding], table: Table = REFINEMENTS) -> None:
    """Give each finding the title and fix of the narrowest case the text shows (in place)."""
    for fid, cases in table:
        finding = found.get(fid)
        if finding is None:
            continue
        for case in cases:
            held = case.when(log, finding)
            if held:
                if case.message is not None:
                    finding.message = _value(case.message, log, held)
                if case.fix is not None:
                    finding.fix = _value(case.fix, log, held)
                break
