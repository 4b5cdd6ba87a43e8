"""Messages the tools printed in past releases and print no longer (tests/logs/OLD-MESSAGE-SWEEP.md): legacy PyPI's
(pypi/legacy webui.py, up to 2018), warehouse's older forklift wordings (2016-2024), distutils' and setuptools' `upload`
and `register`, twine 1.x-3.x, Poetry 1.0-1.8. Each is written as a log shows it and read for its first finding, and
where the fix is specific for a phrase the advice must carry."""
from __future__ import annotations

import pytest

from codemods.doctor.advice import advise
from codemods.doctor.claims import Context
from codemods.doctor.logs import read

PYPI = "https://upload.pypi.org/legacy/"
OLD_PYPI = "https://pypi.python.org/pypi"
WHEEL = "octo_widget-1.0.0-py3-none-any.whl"
SDIST = "octo_widget-1.0.0.tar.gz"


def twine1(status: str, message: str, url: str = PYPI, file: str = SDIST) -> str:
    """twine 1.x: requests' raise_for_status() text, printed by __main__ as `<class>: <args[0]>`."""
    kind = "Server" if status.startswith("5") else "Client"
    return (f"Uploading distributions to {url}\nUploading {file}\n"
            f"HTTPError: {status} {kind} Error: {message} for url: {url}\n")


def twine3(status: str, message: str, url: str = PYPI, file: str = SDIST) -> str:
    """twine 2.x-3.x: `HTTPError: <code> <phrase> from <url>` and PyPI's reason under it."""
    return f"Uploading distributions to {url}\nUploading {file}\nHTTPError: {status} from {url}\n{message}\n"


def distutils(code: str, message: str, url: str = PYPI, file: str = SDIST) -> str:
    """distutils' upload command (CPython Lib/distutils/command/upload.py, setuptools' copy): the announce, then
    setup.py's `error:` line."""
    return (f"running upload\nSubmitting dist/{file} to {url}\nUpload failed ({code}): {message}\n"
            f"error: Upload failed ({code}): {message}\n")


def ran(line: str) -> str:
    """A line printed before the upload sent anything: the command that ran it comes first in a log."""
    return "+ twine upload dist/*\n" + line


def poetry1(code: str, message: str, file: str = SDIST) -> str:
    """Poetry 1.0-1.1: cleo's error block of UploadError, `HTTP Error <code>: <reason>`."""
    return (f"Publishing octo-widget (1.0.0) to PyPI\n - Uploading {file} 100%\n\n  UploadError\n\n"
            f"  HTTP Error {code}: {message}\n")


CASES = [
    # ---- pypi/warehouse forklift/legacy.py, wordings of 2016-2024
    ("warehouse 2016-19 auth", twine1("403", "Invalid or non-existent authentication information."),
     "log-token-rejected", None),
    ("warehouse 2020-23 auth", twine3("403 Forbidden", "Invalid or non-existent authentication information. See "
                                      "https://pypi.org/help/#invalid-auth for more information."),
     "log-token-rejected", None),
    ("warehouse 2016 name", twine1("400", "The name 'octo' is not allowed."), "log-name-not-allowed", None),
    ("warehouse 2018 stdlib name", distutils("400", "The name 'asyncio' is not allowed (conflict with Python Standard "
                                             "Library module name). See https://pypi.org/help/#project-name for more "
                                             "information."), "log-name-not-allowed", None),
    ("warehouse 2019 name", twine3("400 Bad Request", "The name 'octo' isn't allowed. See "
                                   "https://pypi.org/help/#project-name for more information."),
     "log-name-not-allowed", None),
    ("warehouse 2020 stdlib name", twine3("400 Bad Request", "The name 'asyncio' isn't allowed (conflict with Python "
                                          "Standard Library module name). See https://pypi.org/help/#project-name for "
                                          "more information."), "log-name-not-allowed", None),
    ("warehouse 2021 similar name", twine3("400 Bad Request", "The name 'octo-widget' is too similar to an existing "
                                           "project. See https://pypi.org/help/#project-name for more information."),
     "log-name-not-allowed", None),
    ("warehouse 2016 not allowed", twine1("403", "You are not allowed to upload to 'octo-widget'."),
     "log-project-not-owned", None),
    ("warehouse 2018 user not allowed", twine1("403", "The user 'octo' is not allowed to upload to project "
                                                      "'octo-widget'. See https://pypi.org/help#project-name for more "
                                                      "information."), "log-project-not-owned", None),
    ("warehouse 2019 user isn't allowed", twine3("403 Forbidden", "The user 'octo' isn't allowed to upload to project "
                                                 "'octo-widget'. See https://pypi.org/help/#project-name for more "
                                                 "information."), "log-project-not-owned", None),
    ("warehouse 2020 credential", twine3("403 Forbidden", "The credential associated with user 'octo' isn't allowed to "
                                         "upload to project 'octo-widget'. See https://pypi.org/help/#project-name for "
                                         "more information."), "log-project-not-owned", None),
    ("warehouse 2016 filename prefix", twine1("400", "The filename for 'octo.widget' must start with 'octo.widget'.",
                                              file="octo_widget-1.0.0-py3-none-any.whl"),
     "log-sdist-filename", "must start with `octo.widget`"),
    ("warehouse 2016 file exists", distutils("400", "File already exists."), "log-file-exists", None),
    ("warehouse 2016 filename used", twine1("400", "This filename has previously been used, you should use a different "
                                                   "version."), "log-file-exists", None),
    ("warehouse 2019 filename used", twine3("400 Bad Request", "This filename has already been used, use a different "
                                            "version. See https://pypi.org/help/#file-name-reuse for more information."),
     "log-file-exists", None),
    ("warehouse 2019 file exists", twine3("400 Bad Request", "File already exists. See "
                                          "https://pypi.org/help/#file-name-reuse for more information."),
     "log-file-exists", None),
    ("warehouse 2016 too large", twine1("400", "File too large.", file=WHEEL), "log-file-too-large", None),
    ("warehouse 2019 too large", twine3("400 Bad Request", "File too large. Limit for project 'octo-widget' is 60 MB. "
                                        "See https://pypi.org/help/#file-size-limit", file=WHEEL),
     "log-file-too-large", None),
    ("warehouse 2020 project size", twine3("400 Bad Request", "Project size too large. Limit for project 'octo-widget' "
                                           "total size is 10 GB. See https://pypi.org/help/#project-size-limit",
                                           file=WHEEL), "log-file-too-large", "project"),
    ("warehouse 2016 platform tag", twine1("400", "Binary wheel 'octo_widget-1.0.0-cp36-cp36m-linux_x86_64.whl' has an "
                                                  "unsupported platform tag 'linux_x86_64'.",
                                           file="octo_widget-1.0.0-cp36-cp36m-linux_x86_64.whl"),
     "log-unsupported-platform-tag", "manylinux"),
    ("warehouse 2016 pgp armor", twine1("400", "PGP signature is not ASCII armored.", file=SDIST),
     "log-upload-form-refused", "--armor"),
    ("warehouse 2019 pgp armor", twine3("400 Bad Request", "PGP signature isn't ASCII armored."),
     "log-upload-form-refused", "--armor"),
    ("warehouse 2016 signature size", twine1("400", "Signature too large."), "log-upload-form-refused", "--sign"),
    ("warehouse 2017 file type", twine1("400", "Unknown type of file.", file="octo_widget-1.0.0.win-amd64.exe"),
     "log-invalid-distribution", "wheels"),
    ("warehouse 2018 tuple", twine1("400", "classifiers: Must be a list, not tuple."), "log-invalid-distribution",
     None),
    ("warehouse 2018 read-only", twine1("503", "Read-only mode: Uploads are temporarily disabled"),
     "log-uploads-disabled", None),
    ("warehouse 2019 registration off", twine3("403 Forbidden", "New project registration temporarily disabled. See "
                                               "https://pypi.org/help/#admin-intervention for details"),
     "log-uploads-disabled", None),
    ("warehouse 2019 uploads off", twine3("403 Forbidden", "New uploads are temporarily disabled. See "
                                          "https://pypi.org/help/#admin-intervention for details"),
     "log-uploads-disabled", None),
    ("warehouse 2018 no verified email", twine1("400", "User 'octo' has no verified email addresses, verify at least "
                                                       "one address before registering a new project on PyPI. See "
                                                       "https://pypi.org/help/#verified-email for more information."),
     "log-email-unverified", None),
    ("warehouse 2019 primary email", twine3("400 Bad Request", "User 'octo' does not have a verified primary email "
                                            "address. Please add a verified primary email before attempting to upload "
                                            "to PyPI. See https://pypi.org/help/#verified-email for more "
                                            "information.for more information."), "log-email-unverified", None),
    ("warehouse 2023 non-user identity", twine3("400 Bad Request", "Non-user identities cannot create new projects. You "
                                                "must first create a project as a user, and then configure the project "
                                                "to use OpenID Connect."), "log-non-user-identity", None),
    ("warehouse 2023 2fa password", twine3("401 Unauthorized", "User octo has two factor auth enabled, an API Token or "
                                           "Trusted Publisher must be used to upload in place of password."),
     "log-password-uploads-disabled", None),
    ("warehouse 2023 2fa required", twine3("401 Unauthorized", "User 'octo' does not have two-factor authentication "
                                           "enabled. Please enable two-factor authentication before attempting to "
                                           "upload to PyPI. See https://pypi.org/help/#two-factor-authentication for "
                                           "more information."), "log-two-factor-required", None),
    ("warehouse 2018 local version form", twine1("400", "'1.0.0+g1a2b3c' is an invalid value for Version. Error: Can't "
                                                        "use PEP 440 local versions. See "
                                                        "https://packaging.python.org/specifications/core-metadata"),
     "log-local-version", None),
    ("warehouse 2018 metadata version form", twine1("400", "'2.2' is an invalid value for Metadata-Version. Error: Use a "
                                                           "known metadata version. See "
                                                           "https://packaging.python.org/specifications/core-metadata"),
     "log-invalid-distribution", "newer than PyPI"),
    ("warehouse 2016 field form", twine1("400", "metadata_version: Use a known metadata version."),
     "log-invalid-distribution", "newer than PyPI"),
    ("warehouse 2019 classifier form", twine3("400 Bad Request", "Invalid value for classifiers. Error: 'Programming "
                                              "Language :: Python :: 3.x' is not a valid choice for this field."),
     "log-invalid-distribution", "`Programming Language :: Python :: 3.x` is not one PyPI knows"),
    ("warehouse 2019 deprecated classifier", twine3("400 Bad Request", "Invalid value for classifiers. Error: Classifier "
                                                    "'Natural Language :: Ukranian' has been deprecated, see "
                                                    "https://pypi.org/classifiers/ for a list of valid classifiers."),
     "log-invalid-distribution", "`Natural Language :: Ukranian` is deprecated"),
    # ---- pypi/warehouse legacy/api/pypi.py: uploads sent to pypi.org/pypi (2018-2024)
    ("warehouse api moved", twine1("410", "This API has moved to https://upload.pypi.org/legacy/. See TODO for more "
                                          "information.", url="https://pypi.org/pypi"), "log-wrong-upload-url",
     "upload.pypi.org/legacy/"),
    # ---- pypi/legacy webui.py (pypi.python.org, up to 2018)
    ("legacy gone", distutils("410", "Gone (This API has been deprecated and removed from legacy PyPI in favor of using "
                                     "the APIs available in the new PyPI.org implementation of PyPI (located at "
                                     "https://pypi.org/). For more information about migrating your use of this API to "
                                     "PyPI.org, please see https://packaging.python.org/guides/migrating-to-pypi-org/"
                                     "#uploading. For more information about the sunsetting of this API, please see "
                                     "https://mail.python.org/pipermail/distutils-sig/2017-June/030766.html)",
                              url=OLD_PYPI), "log-wrong-upload-url", "upload.pypi.org/legacy/"),
    ("legacy gone twine", "It appears you're uploading to pypi.python.org (or testpypi.python.org). You've received a "
                          "410 error response. Uploading to those sites is deprecated. The new sites are pypi.org and "
                          "test.pypi.org. Try using https://upload.pypi.org/legacy/ (or https://test.pypi.org/legacy/) to "
                          "upload your packages instead. These are the default URLs for Twine now. More at "
                          "https://packaging.python.org/guides/migrating-to-pypi-org/ \n"
     + twine1("410", "Gone (This API has been deprecated and removed from legacy PyPI in favor of using the APIs "
                     "available in the new PyPI.org implementation of PyPI (located at https://pypi.org/).)",
              url=OLD_PYPI), "log-wrong-upload-url", "upload.pypi.org/legacy/"),
    ("legacy identified", distutils("401", "You must be identified to edit package information", url=OLD_PYPI),
     "log-credential-missing", None),
    ("legacy not allowed edit", distutils("403", "You are not allowed to edit 'octo-widget' package information",
                                          url=OLD_PYPI), "log-project-not-owned", None),
    ("legacy not allowed store", twine1("403", "You are not allowed to store 'octo-widget' package information",
                                        url=OLD_PYPI), "log-project-not-owned", None),
    ("legacy file exists", distutils("400", 'A file named "octo_widget-1.0.0.tar.gz" already exists for  '
                                            'octo-widget-1.0.0. To fix problems with that file you should create a new '
                                            'release.', url=OLD_PYPI), "log-file-exists", None),
    ("legacy filename used", distutils("400", "This filename has previously been used, you should use a different "
                                              "version.", url=OLD_PYPI), "log-file-exists", None),
    ("legacy duplicate", twine1("400", "Duplicate file upload detected.", url=OLD_PYPI), "log-file-exists", None),
    ("legacy invalid dist", distutils("400", "invalid distribution file", url=OLD_PYPI), "log-invalid-distribution",
     None),
    ("legacy file type", twine1("400", "Invalid file type", url=OLD_PYPI, file="octo_widget-1.0.0.win-amd64.exe"),
     "log-invalid-distribution", "wheels"),
    ("legacy filename prefix", distutils("400", 'The filename for octo-widget must start with "octo-widget" (any case)',
                                         url=OLD_PYPI), "log-sdist-filename", "must start with `octo-widget`"),
    ("legacy too large", distutils("400", "distribution file too large", url=OLD_PYPI), "log-file-too-large", None),
    ("legacy unsupported platform", twine1("400", "Binary wheel for an unsupported platform", url=OLD_PYPI,
                                           file="octo_widget-1.0.0-cp27-cp27mu-linux_x86_64.whl"),
     "log-unsupported-platform-tag", None),
    ("legacy armor", twine1("400", "signature is not ASCII-armored", url=OLD_PYPI), "log-upload-form-refused",
     "--armor"),
    ("legacy local version", distutils("400", "Invalid version, cannot use PEP 440 local versions on PyPI.",
                                       url=OLD_PYPI), "log-local-version", None),
    ("legacy pep440", distutils("400", "Invalid version, cannot be parsed as a valid PEP 440 version.", url=OLD_PYPI),
     "log-invalid-distribution", "PEP 440"),
    ("legacy classifier", distutils("400", 'Invalid classifier "Programming Language :: Python :: 3.x"', url=OLD_PYPI),
     "log-invalid-distribution", None),
    ("legacy name conflict", twine1("403", "Package name conflicts with existing package 'Octo-Widget'", url=OLD_PYPI),
     "log-name-not-allowed", "exists already"),
    ("legacy name invalid", twine1("400", "Invalid package name. Names must contain only ASCII letters, digits, "
                                          "underscores, hyphens, and periods", url=OLD_PYPI),
     "log-name-not-allowed", "not a valid project name"),
    # ---- distutils / setuptools upload and register
    ("distutils no dist", "running upload\nerror: No dist file created in earlier command\n", "log-no-distributions",
     "same command"),
    ("distutils one command", "running upload\nerror: Must create and upload files in one command (e.g. setup.py sdist "
                              "upload)\n", "log-no-distributions", "same command"),
    ("setuptools upload removed", "running upload\nERROR: The upload command has been removed, use twine to upload "
                                  "instead (https://pypi.org/p/twine)\nerror: The upload command has been removed, use "
                                  "twine to upload instead (https://pypi.org/p/twine)\n", "log-uploader-missing", "twine"),
    ("setuptools register removed", "running register\nERROR: The register command has been removed, use twine to "
                                    "upload instead (https://pypi.org/p/twine)\nerror: The register command has been "
                                    "removed, use twine to upload instead (https://pypi.org/p/twine)\n",
     "log-uploader-missing", "twine"),
    ("setuptools deprecated upload", "running upload\nSubmitting dist/octo_widget-1.0.0.tar.gz to "
                                     "https://upload.pypi.org/legacy/\nUpload failed (403): Invalid or non-existent "
                                     "authentication information.\nWARNING: Uploading via this command is deprecated, "
                                     "use twine to upload instead (https://pypi.org/p/twine/)\nerror: Upload failed "
                                     "(403): Invalid or non-existent authentication information.\n",
     "log-token-rejected", None),
    ("distutils identity", "running upload\nerror: Must use --sign for --identity to have meaning\n",
     "log-uploader-config", None),
    # ---- twine 1.x-3.x
    ("twine 1 missing section", ran("KeyError: \"Missing 'pypi' section from the configuration file\\nor not a complete URL "
                                "in --repository.\\nMaybe you have a out-dated '~/.pypirc' format?\\nmore info: "
                                "https://docs.python.org/distutils/packageindex.html#pypirc\\n\"\n"),
     "log-uploader-config", "index-servers"),
    ("twine 1.15 missing section", ran("InvalidConfiguration: Missing 'internal' section from the configuration file\nor "
                                   "not a complete URL in --repository-url.\nMaybe you have a out-dated "
                                   "'/home/runner/.pypirc' format?\nmore info: "
                                   "https://docs.python.org/distutils/packageindex.html#pypirc\n"),
     "log-uploader-config", "twine was told a repository name"),
    ("twine 1.9 redirect", 'Uploading distributions to https://pypi.python.org/pypi\nUploading octo_widget-1.0.0.tar.gz'
                           '\nRedirectDetected: "https://pypi.python.org/pypi" attempted to redirect to '
                           '"https://pypi.org/pypi" during upload. Aborting...\n', "log-wrong-upload-url",
     "upload.pypi.org/legacy/"),
    ("twine 1.15 redirect", ran("RedirectDetected: https://test.pypi.org/legacy attempted to redirect to "
                            "https://test.pypi.org/legacy/.\nIf you trust these URLs, set https://test.pypi.org/legacy/ "
                            "as your repository URL.\nAborting.\n"), "log-wrong-upload-url", None),
    ("twine deprecated pypi", ran("UploadToDeprecatedPyPIDetected: You're trying to upload to the legacy PyPI site "
                              "'https://pypi.python.org/pypi'. Uploading to those sites is deprecated. \n The new sites "
                              "are pypi.org and test.pypi.org. Try using https://upload.pypi.org/legacy/ (or "
                              "https://test.pypi.org/legacy/) to upload your packages instead. These are the default "
                              "URLs for Twine now. \n More at https://packaging.python.org/guides/migrating-to-pypi-org/ "
                              ".\n"), "log-wrong-upload-url", "upload.pypi.org/legacy/"),
    ("twine 1.9 500 legacy", "Uploading distributions to https://pypi.python.org/pypi\nUploading "
                             "octo_widget-1.0.0.tar.gz\nIt appears you're uploading to pypi.python.org (or testpypi) "
                             "you've received a 500 error response. PyPI is being phased out for pypi.org. Try using "
                             "https://upload.pypi.org/legacy/ (or https://test.pypi.org/legacy/) to upload your packages "
                             "instead. These are the default URLs for Twine now.\nHTTPError: 500 Server Error: Internal "
                             "Server Error for url: https://pypi.python.org/pypi\n", "log-wrong-upload-url",
     "upload.pypi.org/legacy/"),
    ("twine 1.15 no protocol", ran("UnreachableRepositoryURLDetected: Repository URL upload.pypi.org/legacy/ has no "
                               "protocol. Please add 'https://'. \n"), "log-wrong-upload-url", None),
    ("twine 1.x package not found", ran('PackageNotFound: "dist/octo_widget-1.0.0.tar.gz" does not exist on the file '
                                    'system.\n'), "log-no-distributions", None),
    ("twine 1.x no file", ran("ValueError: Cannot find file (or expand pattern): 'dist/*'\n"), "log-no-distributions",
     None),
    ("twine 1.x unknown format", ran("ValueError: Unknown distribution format: 'octo_widget-1.0.0.tar.bz2'\n"),
     "log-invalid-distribution", None),
    ("twine 1.x no metadata", ran(f"ValueError: No METADATA in archive: dist/{WHEEL}\n"), "log-invalid-distribution",
     None),
    ("twine 1.15 no pkg-info", ran("InvalidDistribution: No PKG-INFO/.egg-info in archive: "
                               "dist/octo_widget-1.0.0.win-amd64.exe\n"), "log-invalid-distribution", None),
    ("twine 1.15 metadata", ran("InvalidDistribution: Invalid distribution metadata. Try upgrading twine if possible.\n"),
     "log-metadata-unsupported", None),
    ("twine 1.x sign identity", ran("ValueError: sign must be given along with identity\n"), "log-uploader-config",
     None),
    ("twine 1.15 sign identity", ran("InvalidSigningConfiguration: sign must be given along with identity\n"),
     "log-uploader-config", None),
    ("twine 1.15 gpg", "Signing octo_widget-1.0.0.tar.gz\ngpg executable not available. Attempting fallback to gpg2.\n"
                       "gpg2 executable not available.\nInvalidSigningExecutable: 'gpg' or 'gpg2' executables not "
                       "available. Try installing one of these or specifying an executable with the --sign-with flag.\n",
     "log-uploader-config", None),
    ("twine 1.x file exists", twine1("400", "File already exists. See https://pypi.org/help/#file-name-reuse for more "
                                            "information."), "log-file-exists", None),
    ("twine 1.x bad request", "NOTE: Try --verbose to see response content.\n"
     + twine1("400", "Bad Request"), "log-bad-request", "--verbose"),
    ("twine 3.x non-interactive", ran("NonInteractive: Credential not found for username.\n"), "log-credential-missing",
     None),
    # ---- Poetry 1.0-1.8
    ("poetry 1.0 auth", poetry1("403", "Invalid or non-existent authentication information. See "
                                       "https://pypi.org/help/#invalid-auth for more information."),
     "log-token-rejected", None),
    ("poetry 1.0 file exists", poetry1("400", "File already exists. See https://pypi.org/help/#file-name-reuse for "
                                              "more information."), "log-file-exists", None),
    ("poetry 1.1 connection", "Publishing octo-widget (1.0.0) to PyPI\n - Uploading octo_widget-1.0.0.tar.gz 0%\n\n  "
                              "UploadError\n\n  Connection Error: We were unable to connect to the repository, ensure "
                              "the url is correct and can be reached.\n", "log-network", None),
    ("poetry 1.1 repository", "\n  RuntimeError\n\n  Repository testpypi is not defined\n\n  at "
                              "~/.poetry/lib/poetry/publishing/publisher.py:49 in publish\n",
     "log-uploader-config", None),
    ("poetry 1.0 bad request", poetry1("400", "Bad Request"), "log-bad-request", None),
    ("poetry 1.2 content", "Publishing octo-widget (1.0.0) to PyPI\n - Uploading octo_widget-1.0.0.tar.gz FAILED\n\n"
                           "HTTP Error 400: Bad Request | b\"'2.2' is an invalid value for Metadata-Version. Error: Use a "
                           "known metadata version. See https://packaging.python.org/specifications/core-metadata\"\n",
     "log-invalid-distribution", "newer than PyPI"),
    ("poetry 1.8 connecting", "Publishing octo-widget (1.0.0) to PyPI\n - Uploading octo_widget-1.0.0.tar.gz FAILED\n\n"
                              "HTTP Error connecting to the repository\n", "log-network", None),
    ("poetry 1.x unknown format", "Publishing octo-widget (1.0.0) to PyPI\n\n  ValueError\n\n  Unknown distribution format .tar.bz2\n",
     "log-invalid-distribution", None),
]

# what a log the source prints with no failure reads as: nothing
QUIET = [
    ("twine 1.9 old url note", "Uploading distributions to https://pypi.python.org/pypi\nNote: you are uploading to the "
                               "old upload URL. It's recommended to use the new URL \"https://upload.pypi.org/legacy/\" "
                               "or to leave the URL unspecified and allow twine to choose.\nUploading "
                               "octo_widget-1.0.0.tar.gz\n"),
    ("distutils success", "running upload\nSubmitting dist/octo_widget-1.0.0.tar.gz to https://upload.pypi.org/legacy/"
                          "\nServer response (200): OK\n"),
]


@pytest.mark.parametrize("name,log,expected,phrase", CASES, ids=[c[0] for c in CASES])
def test_an_old_message_reads_as_its_cause(name: str, log: str, expected: str, phrase) -> None:
    scan = read(log)
    assert [f.pattern.id for f in scan.findings][:1] == [expected], name
    if phrase:
        assert phrase in "\n".join([scan.findings[0].fix or scan.findings[0].pattern.fix]
                                    + advise(scan, [], Context({}, set()))), name


@pytest.mark.parametrize("name,log", QUIET, ids=[c[0] for c in QUIET])
def test_an_old_notice_without_a_failure_is_no_finding(name: str, log: str) -> None:
    assert read(log).findings == [], name
