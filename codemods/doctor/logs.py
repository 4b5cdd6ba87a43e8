"""Recognise the errors of a failed publish run in its log, and read the OIDC claims it prints.

The texts are those of pypa/gh-action-pypi-publish, PyPI (warehouse), twine and uv
(research/domain.md §1.3, §2.4, §6). Each pattern has the same documentation fields as a rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from codemods.doctor import claims as claims_mod, generic_failures, logtext, platform_tags
from codemods.doctor.log_types import LogFinding, LogPattern
from codemods.doctor.rules import ERROR, WARNING



# a version number as a check prints it (`0.3.2`, `(v1.4.0)`), and the words of two values that differ: the tag/version
# check of a release workflow prints both values, a sentence about a changelog does not
_VERSION_SHOWN = r"[`'\"(]{0,2}v?\d{1,6}(?:\.\w{1,12}){1,4}\b"
_DIFFER = r"(?:\b(?:does|did|do)(?:n[’']?t|\snot)\smatch\b|\s!=\s|\bmismatch\w{0,2}\b|\bvs\b\.?|\bdiffers? from\b)"
# the core metadata fields by packaging's raw names (its `'<value>' is invalid for '<field>'` names one of them)
_CORE_FIELD = (r"(?:metadata-version|name|version|dynamic|platform|supported-platform|summary|description|"
               r"description-content-type|keywords|home-page|download-url|author|author-email|maintainer|"
               r"maintainer-email|license|license-expression|license-file|classifier|requires-dist|requires-python|"
               r"requires-external|project-url|provides-extra|provides-dist|obsoletes-dist|import-name|import-namespace)")


# the fields of PyPI's upload form (warehouse forklift): the core metadata under their form names, and the fields the
# uploader fills in for the request itself (the file, its digests, its kind); a refusal names one of these, so a
# word outside them (a digest cut at its digit, a word of another message) is never named as a field
FORM_METADATA = (r"(?:metadata_version|name|version|summary|description|description_content_type|keywords|home_page|"
                 r"download_url|author|author_email|maintainer|maintainer_email|license|license_expression|license_files?|"
                 r"classifiers|platform|supported_platform|requires_python|requires_dist|provides_dist|obsoletes_dist|"
                 r"requires_external|project_urls?|provides_extra|dynamic|requires|provides|obsoletes)")
FORM_REQUEST = r"(?:filetype|pyversion|md5_digest|sha256_digest|blake2_256_digest|comment|protocol_version|content|gpg_signature|attestations)"
# the request fields PyPI takes as file parts by design (warehouse forklift/legacy.py: every other field must be text)
FILE_PARTS = r"(?:content|gpg_signature)"


_FIRST: Tuple[LogPattern, ...] = (
    LogPattern("log-invalid-publisher", ERROR, r"invalid-publisher|indicates a trusted publisher configuration error|"
               r"valid token, but no corresponding publisher",
               "PyPI found no trusted publisher matching the token's claims",
               "The owner, repository, workflow file name or environment registered on PyPI differ from the run's "
               "claims (a renamed workflow or repository, an environment missing on one side, a reusable workflow), "
               "or the publisher was registered on PyPI but the upload went to TestPyPI, which has its own.",
               "* `invalid-publisher`: valid token, but no corresponding publisher (Publisher with matching claims was not found)",
               "Register the publisher with the run's values (owner, repository, workflow file name, environment) on "
               "the index the step uploads to; the lines below say which value the log and workflows point at."),
    LogPattern("log-id-token-unset", ERROR, r"ACTIONS_ID_TOKEN_REQUEST_TOKEN environment variable was unset|"
               r"Environment variable ACTIONS_ID_TOKEN_REQUEST_TOKEN not set|"
               r"Failed to obtain OIDC token|Unable to retrieve an OIDC token|No OIDC token discovered|"
               # the variables GitHub sets only for a job with `id-token: write`, told empty; the permission told missing
               r"ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)\W{0,3}\s(?:is|was|were)\s(?:empty|unset|not set)\b|"
               r"\bid-token: write\W{0,3}\s(?:permissions?\s)?(?:is|was)\s\W{0,3}(?:missing|not set|not granted)\b|"
               r"\[PdmUsageError\]: Username and password are required|"
               # the publish action's `id.detect_credential` finding no CI it knows (oidc-exchange.py _detect_credential)
               r"Attempted to discover OIDC in broken environment",
               "The job could not get an OIDC token",
               "The job has no `id-token: write` (or a job-level permissions block replaced the workflow's), or a "
               "password secret was empty and the uploader fell back to Trusted Publishing.",
               "OpenID Connect token retrieval failed: GitHub: missing or insufficient OIDC token permissions, the "
               "ACTIONS_ID_TOKEN_REQUEST_TOKEN environment variable was unset",
               "Add `permissions: id-token: write` to the publishing job; check that a password secret is not empty."),
    LogPattern("log-fork-pull-request", ERROR, r"called from a pull request on a fork",
               "The publish ran for a pull request from a fork",
               "GitHub gives no OIDC token (and no secrets) to workflows run for pull requests from forks.",
               "The workflow context indicates that this action was called from a pull request on a fork.",
               "Publish only from tags, releases or workflow_dispatch."),
    LogPattern("log-invalid-pending-publisher", ERROR, r"invalid-pending-publisher",
               "A pending publisher was used for a project that already exists",
               "A pending publisher only creates a new project; once the project exists the publisher must be added "
               "on the project's own publishing page.",
               "* `invalid-pending-publisher`: valid token, but project already exists",
               "Delete the pending publisher and add the same values on the project's Publishing settings."),
    LogPattern("log-non-user-identity", ERROR, r"Non-user identities cannot create new projects",
               "The upload would create a project that no pending publisher names",
               "The project name in the package metadata differs from the one given to the pending publisher.",
               "Non-user identities cannot create new projects. This was probably caused by successfully using a "
               "pending publisher but specifying the project name incorrectly",
               "Make the pending publisher's project name equal to the metadata name (pyproject.toml); a new name "
               "needs its own pending publisher, on PyPI and on TestPyPI separately."),
    LogPattern("log-scoped-token-project", ERROR, r"OIDC scoped token is not valid for project",
               "The minted token does not cover this project",
               "The trusted publisher is registered on another project (often one project of a monorepo).",
               "OIDC scoped token is not valid for project 'octo-widget'",
               "Add the same trusted publisher to every project this workflow uploads."),
    LogPattern("log-attestation-exists", ERROR, r"already ha(?:s|ve) (?:a )?publish attestations?|"
               r"Unknown distribution format:?\W{0,5}'?[^'\s]{1,300}\.publish\.attestation\b",
               "The publish action ran twice on the same files",
               "Each call of the action attests the files it uploads and leaves `<file>.publish.attestation` next to "
               "them; a second call on the same folder (PyPI after TestPyPI in one job) finds the first call's "
               "attestations, or its metadata check (`twine check`) takes them for distributions.",
               "Attestation generation failure: dist/octo_widget-1.0.tar.gz already has a publish attestation",
               "Give each index its own job, or set `attestations: false` on one step."),
    LogPattern("log-invalid-attestations", ERROR, r"Invalid attestations supplied\b|"
               r"Could not verify the uploaded artifact using the included attestation|"
               r"Unknown error while trying to verify included attestations|"
               r"Build Config URI .{0,300}?does not match expected Trusted Publisher",
               "PyPI rejected the attestations",
               "PyPI checks the attestations uploaded next to the files and refuses the upload when one fails "
               "(warehouse attestations/services.py): most often a certificate from another workflow than the "
               "registered publisher's (a job of a reusable workflow signs as its caller); also attestations sent with "
               "an API token (PyPI takes them only with Trusted Publishing) or from a publisher kind it takes none from, "
               "a file changed after it was attested, or attestation files that are malformed or doubled; an `Unknown "
               "error while trying to verify` is PyPI failing to verify them on its side.",
               "Invalid attestations supplied during upload: Verification failed: Certificate's Build Config URI "
               "(…/release.yml@refs/heads/main) does not match expected Trusted Publisher",
               "Do what the message after `Invalid attestations supplied during upload:` names: publish from the "
               "workflow the publisher names (move the upload out of a reusable workflow), attest and upload the same "
               "files in one job, or upload without attestations (`attestations: false`; uv: `--no-attestations`)."),
    LogPattern("log-container-linux", ERROR, r"Container action is only supported on Linux|"
               r"only able to run under GNU/Linux environments|"
               r"(?:Error: |\[error\]File not found: '?)docker(?:: command not found|'?)",
               "The publish action's container cannot run on this runner",
               "pypa/gh-action-pypi-publish is a Linux container action: it needs a Linux runner with Docker (GitHub's "
               "`ubuntu-*` runners have it; macOS and Windows runners, and many self-hosted ones, do not).",
               "Error: Container action is only supported on Linux",
               "Run the publish job on `ubuntu-latest`."),
    LogPattern("log-attestations-ignored", WARNING, r"attestations input ignored(?!\W{0,5}The workflow was run with "
               r"'attestations: true' input, but the specified repository URL does not support)|"
               r"explicit password (?:was |is )?also set,? disabling Trusted Publishing",
               "A token is still configured next to Trusted Publishing",
               "An explicit password disables Trusted Publishing, and with it the default attestations.",
               "::warning title=attestations input ignored::The workflow was run with the 'attestations: true' input, "
               "but an explicit password was also set, disabling Trusted Publishing.",
               "Remove the password (`migrate to-oidc`)."),
    LogPattern("log-unknown-issuer", ERROR, r"unknown trusted publishing issuer",
               "The index does not accept this CI's tokens",
               "PyPI accepts tokens from GitHub, GitLab.com, Google Cloud and ActiveState; self-managed GitLab is "
               "not supported.",
               "* `invalid-payload`: unknown trusted publishing issuer",
               "Use an API token for this CI."),
    LogPattern("log-oidc-token-refused", ERROR, r"\binvalid-token\b.{0,40}?malformed or invalid token|"
               r"\binvalid-reuse-token\b|invalid token: already used|\binvalid-payload\b.{0,40}?malformed JWT",
               "PyPI refused the OIDC token itself",
               "PyPI refuses the token before it compares any publisher: `invalid-token` is a JWT it could not verify "
               "(expired by the time it arrived, minted for another index's audience, or signed with a key of the "
               "issuer PyPI does not know), `invalid-reuse-token` a token already exchanged once (each OIDC token is "
               "good for one exchange), `malformed JWT` a value that is no token at all. The publisher's fields are not "
               "compared, so they are not the cause.",
               "* `invalid-reuse-token`: invalid token: already used",
               "Request a fresh OIDC token for the index's own audience (`pypi`, `testpypi`) right before each "
               "exchange, one per exchange: pypa/gh-action-pypi-publish, twine and uv do so, so re-run the job; a "
               "script that mints the token by hand must not cache, reuse or share it between uploads."),
    LogPattern("log-pull-request-target", ERROR, r"invoked via 'pull_request_target' is not supported",
               "PyPI refused a run triggered by pull_request_target", "PyPI rejects that trigger since 2026-03.",
               "Publishing from a workflow invoked via 'pull_request_target' is not supported.",
               "Publish from tags, releases or workflow_dispatch."),
    LogPattern("log-reusable-workflow", WARNING, r"Potential workflow misconfiguration|this action was initiated by|"
               r"Reusable workflows are \*{0,2}not currently supported",
               "The token came from a reusable workflow",
               "PyPI matches the called workflow, which it does not support as a publisher.",
               "::warning::Potential workflow misconfiguration: The claims in this token suggest that the calling "
               "workflow is a reusable workflow", "Move the upload into the calling workflow."),
    LogPattern("log-no-trusted-publishing-index", ERROR,
               # the action's other audience failures are a server error, a rate limit, or the switch below
               r"does not indicate trusted publishing support|"
               r"audience retrieval failed(?![^\n]{0,200}?(?:trusted publishing disabled|responded with unexpected))|"
               # twine's and uv's own exchange (twine/auth.py, uv-publish trusted_publishing/pypi.rs): the audience URL's 404
               r"\b404\b(?: Not Found)?\)?\s(?:from|for url)\W{0,3}https?://[\w.-]{1,100}/_/oidc/audience",
               "The index does not support Trusted Publishing",
               "Only indexes serving /_/oidc/audience (PyPI, TestPyPI) take OIDC tokens.",
               "audience retrieval failed: repository at example.com does not indicate trusted publishing support",
               "Keep an API token for this index."),
    LogPattern("log-trusted-publishing-disabled", ERROR,
               r"has trusted publishing disabled|trusted publishing functionality not enabled|`not-enabled`|"
               # twine's and uv's own exchange: the audience URL's 403
               r"\b403\b(?: Forbidden)?\)?\s(?:from|for url)\W{0,3}https?://[\w.-]{1,100}/_/oidc/audience",
               "The index has Trusted Publishing switched off",
               "PyPI's administrators can switch Trusted Publishing off, for every CI or for one (an incident or "
               "maintenance); the audience endpoint then answers 403 and the exchange `not-enabled`. The publisher and "
               "the workflow are not at fault.",
               "Trusted publishing exchange failure: audience retrieval failed: repository at upload.pypi.org has "
               "trusted publishing disabled",
               "Check https://status.python.org and re-run the job once Trusted Publishing is back; to release "
               "before that, upload once with an API token."),
)

ACTION_BUGS = ("bugs of pypa/gh-action-pypi-publish fixed in later releases: v1.4.0 failed on an unset `VERBOSE` (fixed in "
               "v1.4.1), v1.8.9 crashed rendering the claims of a failed exchange (fixed in v1.8.10), v1.10.0 took existing "
               "distributions for non-files when attesting them (fixed in v1.10.1), v1.12.0 ran `python` to write its "
               "container action and failed on runners without Python, such as many self-hosted ones (fixed in v1.12.1)")
REUPLOAD_WHY = "PyPI never accepts a file name twice, even after the file or release was deleted."
# an upload URL of PyPI or TestPyPI, or one that looks meant as one (the site root, `/legacy` on the wrong host or
# without its slash, the retired `/pypi`): not an index page (`/simple/`, `/project/`, JSON), which a 404 may answer too
# a Python whose ssl cannot speak TLS 1.2, which PyPI requires (an old macOS or Python 2.7 before 2.7.9): the server's alert
TLS_TOO_OLD = r"\[SSL: TLSV1_ALERT_PROTOCOL_VERSION\]|\btlsv1 alert protocol version\b"
# urllib3 2 (pulled in by twine) refusing a Python whose ssl is built on an OpenSSL before 1.1.1
URLLIB3_OLD_SSL = r"\burllib3 v2(?:\.0)? only supports OpenSSL 1\.1\.1\+"
# a module of poetry-core's that a release removed (`poetry.core.semver`, gone in 1.7), imported by a plugin or backend
POETRY_CORE_MOVED = r"\bNo module named '(poetry\.core\.[\w.]{1,60})'"
# a setup() keyword of a setuptools plugin that is not installed where setup.py runs: distutils warns and goes on
# (setuptools_scm's `use_scm_version` ignored gives version 0.0.0; cffi's, setuptools-rust's build nothing)
PLUGIN_OPTION_IGNORED = r"\bUnknown distribution option: '(use_scm_version|cffi_modules|rust_extensions)'"
SAID_NO_SETUPTOOLS = (r"\b(?:venvs?|virtual ?env(?:ironment)?s?|Python 3\.1[2-9])\b[^.\n]{0,60}?\b(?:no longer|don[’']?t|do not|"
                      r"doesn[’']?t|does not) (?:ship|include|install|come with|bundle)s? setuptools\b")
# a repository ruleset refusing the job's token a tag or branch (GitHub's own words, also inside GH013's list)
RULESET_REF_REFUSED = r"\bCannot (?:create|update|delete) ref due to (?:creations|updates|deletions) being restricted\b"
UPLOAD_URL = r"https?://(?:[\w-]{1,40}\.){0,3}pypi\.(?:org|io|python\.org)(?:/legacy/?|/pypi/?|/)?(?=[\s'\")\]]|$)"
# hosted runner labels GitHub has retired (its runner-images announcements), as a job's `runs-on` names them
RETIRED_LABEL = r"\b(?:ubuntu-(?:16|18|20)\.04|macos-10\.1[45]|macos-1[123](?:\.0)?|windows-201[69])\b"
# setup.py importing a module the environment that runs it lacks (a build requirement `[build-system]` does not list):
# its own frame last in the traceback
SETUP_IMPORT_MISSING = (r"\bsetup\.py\W{1,3}line \d{1,5}, in <module>\s{1,20}(?:from|import)\s[^\n]{1,200}?\s"
                        r"(?:ModuleNotFoundError|ImportError): No module named '(\w{1,40})'")
# the uploader's own frame importing a module that is not installed at all (twine 3.8.0's undeclared `packaging`,
# pypa/twine#894; an install without dependencies): the traceback's last frame is the uploader's
UPLOADER_MODULE_MISSING = (r"[/\\]twine[/\\][\w/\\]{1,60}\.py\W{1,3}line \d{1,5}, in <module>\s{1,20}(?:from|import)\s"
                           r"[^\n]{1,200}?\s(?:ModuleNotFoundError|ImportError): No module named '(?!twine\b)(\w{1,40})'")
URLLIB3_OLD_SSL_FIX = ("Pin `urllib3<2` where the uploader is installed (`python -m pip install twine \"urllib3<2\"`), or "
                       "upload from a Python built on OpenSSL 1.1.1 or later.")
POETRY_PLUGIN_FIX = ("Upgrade the Poetry plugin to a release made for the Poetry installed, or pin Poetry (and poetry-core) "
                     "to the release the plugin works with.")
PLUGIN_OPTION_FIX = ("Install the setuptools plugin that setup() names where setup.py runs: list it in `[build-system] "
                     "requires` of pyproject.toml and build with `python -m build`.")
UPLOADER_MODULE_FIX = ("Install the missing module next to the uploader in the job that uploads (`python -m pip install "
                       "<module>`), or upgrade the uploader to a release that declares or no longer imports it; or publish "
                       "with pypa/gh-action-pypi-publish, which brings its own twine.")
# GitHub's rule that an event made with the job's GITHUB_TOKEN (a pushed tag, a created release) starts no other workflow,
# told as why a publish workflow never ran ("`GITHUB_TOKEN` tag pushes do not trigger other workflows")
_NOT_STARTED = r"(?:do(?:es)?(?:n[’']t| not)|won[’']t|will not|can(?:no|[’'])?t|never)\s(?:\w+\s)?(?:trigger|start|run|fire|kick)"
NO_TRIGGER = (r"\bGITHUB_TOKEN\b`?[^.\n]{0,80}?\b" + _NOT_STARTED + r"\w{0,3}\b[^.\n]{0,40}?\b(?:workflows?|runs?|jobs?|"
              r"pipelines?|actions?)\b|\b(?:workflows?|runs?|jobs?)\b[^.\n]{0,60}?\b(?:not|never)\s(?:be(?:en)?\s)?"
              r"(?:triggered|started|run)\s(?:by|for|from)\s[^.\n]{0,40}?\bGITHUB_TOKEN\b")
NEW: Tuple[LogPattern, ...] = (
    LogPattern("log-image-pull-refused", ERROR,
               r"You have reached your (?:unauthenticated |anonymous )?pull rate limit|\btoomanyrequests\b",
               "The registry refused the pull of the publish action's container image",
               "pypa/gh-action-pypi-publish is a container action: the runner pulls (or builds from) its image before it "
               "runs, and Docker Hub's pull rate limit for anonymous pulls refuses it on runners that pull often from "
               "one address (self-hosted runners behind one NAT). Nothing reached PyPI and nothing in the release is "
               "wrong.",
               "Run pypa/gh-action-pypi-publish@release/v1\nError response from daemon: toomanyrequests: You have "
               "reached your pull rate limit. You may increase the limit by authenticating and upgrading",
               "Authenticate the runner's pulls from Docker Hub (`docker login` on the self-hosted runner, or a "
               "registry mirror it pulls through), or mirror the image in a registry of your own; GitHub's hosted "
               "runners are not held to the anonymous limit the same way, so the publish job can run there."),
    LogPattern("log-workflow-not-triggered", ERROR, NO_TRIGGER,
               "The publish workflow never ran: GitHub starts no workflow for an event the GITHUB_TOKEN made",
               "A tag pushed or a release created with the job's GITHUB_TOKEN (release-please, semantic-release, a "
               "`git push --tags` in a workflow) starts no other workflow: GitHub creates no run for events the "
               "GITHUB_TOKEN makes, except `workflow_dispatch` and `repository_dispatch`, so a publish workflow "
               "triggered `on: push: tags` or `on: release` never runs. Nothing was uploaded and PyPI refused nothing: "
               "its credentials are not in question.",
               "GITHUB_TOKEN tag pushes do not trigger other workflows, so the Release workflow never ran",
               "Make the tag or release with a personal access token or a GitHub App token "
               "(`actions/create-github-app-token`) in place of GITHUB_TOKEN (the release tool's `token:` input), or "
               "publish from the workflow that makes it (a job after it, or the publish workflow called with "
               "`workflow_call`, its trusted publisher registered for the calling workflow), or dispatch the publish "
               "workflow (`gh workflow run`: `workflow_dispatch` runs start with GITHUB_TOKEN); then publish the "
               "versions that were missed from their tags."),
    LogPattern("log-gitlab-id-token-missing", ERROR, r"GitLab: Environment variable \S+_ID_TOKEN not found|"
               # the `id` library's check of a token read from `<AUD>_ID_TOKEN` (id/__init__.py): made for another index
               r"Token audience claim mismatch \(expected [\w.-]{1,60}, got [\w.-]{1,60}\)",
               "The GitLab job has no ID token for this index under the name the uploader reads",
               "On GitLab twine, uv and pdm read the OIDC token (through the `id` library) from `<AUD>_ID_TOKEN`, with "
               "the index's audience upper-cased: `PYPI_ID_TOKEN` for PyPI, `TESTPYPI_ID_TOKEN` for TestPyPI. A job "
               "with no `id_tokens`, or with the token under another name (`PYPI_ID_TOKEN` with `aud: testpypi`), or "
               "an upload run through tox that does not pass the variable (and `GITLAB_CI`) through, has none; a token "
               "declared under the right name with another index's `aud` is refused as an audience mismatch.",
               "ERROR    TrustedPublishingFailure: Unable to retrieve an OIDC token from the CI platform for trusted "
               "publishing GitLab: Environment variable TESTPYPI_ID_TOKEN not found",
               "Declare it in the job: `id_tokens: PYPI_ID_TOKEN: aud: pypi` (`TESTPYPI_ID_TOKEN: aud: testpypi` for "
               "TestPyPI); under tox add `GITLAB_CI` and the variable to `passenv`. `migrate to-oidc` does both."),
    LogPattern("log-action-bug", ERROR, r"binascii\.Error: Incorrect padding|"
               r"paths look like distributions but are not actually files|twine-upload\.sh: line \d{1,4}: \w{1,40}: unbound variable|"
               r"Create Docker container action.{0,400}?\bpython3?: (?:command )?not found",
               "The publish action failed on a bug fixed in a later release",
               f"The error is one of the {ACTION_BUGS}; or the log says a newer release of another publish action fixes "
               "its failure. Nothing in the workflow or the files causes it.",
               'File "/app/oidc-exchange.py", line 147, in render_claims\nbinascii.Error: Incorrect padding',
               "Use `pypa/gh-action-pypi-publish@release/v1` (or a release after the one with the bug) and re-run."),
    LogPattern("log-action-ref-missing", ERROR, r"Unable to resolve action .{0,3}pypa/gh-action-pypi-publish@|"
               r"unable to find version .{0,3}v1\b|Missing download info for pypa/gh-action-pypi-publish@|"
               r"Unable to find image '?ghcr\.io/pypa/gh-action-pypi-publish:|"
               r"ghcr\.io/pypa/gh-action-pypi-publish:\S{1,100}.{0,300}?manifest unknown|"
               r"manifest unknown.{0,300}?ghcr\.io/pypa/gh-action-pypi-publish:|"
               # the action's own notice on its retired `master` branch (its README and master:action.yml)
               r"master branch version has been sunset|change the GitHub Action version you use from master\b|"
               r"UNSUPPORTED GITHUB ACTION VERSION",
               "The publish action's ref does not exist or is no longer supported",
               "The action has no `v1` tag or branch; its moving ref is `release/v1`; its `master` branch has been "
               "sunset (no Trusted Publishing, every input deprecated). The action runs a container image "
               "tagged with the ref it was called with (`ghcr.io/pypa/gh-action-pypi-publish:<ref>`): a ref for which no "
               "image was published (a commit SHA that is not a release's), or whose image was removed, has none "
               "(`manifest unknown`).",
               "Error: Unable to resolve action `pypa/gh-action-pypi-publish@v1`, unable to find version `v1`",
               "Use `pypa/gh-action-pypi-publish@release/v1`, an exact release tag, or the full commit SHA of a current release."),
    LogPattern("log-token-rejected", ERROR, r"Invalid or non-existent authentication\b|Invalid API Token|"
               r"Upload failed \(40[13]\)(?!: You are not allowed)|Incorrect credentials \(status code 403|You must be identified to edit package information|"
               r"token value does not start with \"?pypi-|Username and/or password are (?:possibly )?wrong\b",
               "PyPI refused the API token",
               "The token sent is not a valid token for this index: expired or revoked, a secret stored under "
               "another name (or shadowed by a repository or environment secret of the same name), whitespace or a "
               "newline pasted with it, a pypi.org token sent to TestPyPI, a value that is no API token at all (the "
               "publish action warns when it does not start with `pypi-`), a CI secret encrypted for another "
               "repository, or no secret at all (pull requests from forks get none).",
               "HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\n"
               "Invalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth",
               "Create a new token on the index the step uploads to and store it, without spaces or newline, in the "
               "secret the step names; or move to Trusted Publishing (`migrate to-oidc`)."),
    LogPattern("log-credential-missing", ERROR, r"Credential not found for (?:password|username|API token|token)\b|Your password is empty|"
               r"Enter your (?:password|API token):.{0,200}EOFError|EOFError: EOF when reading a line|NoKeyringError|"
               r"No recommended backend was available|could not determine credentials for configured repository|"
               r"Missing required option: (?:auth|user)\b|Could not find (?:username|password) for upload\b|"
               r"Credentials not found and non-interactive mode is enabled|"
               r"This platform is not supported for trusted publishing via OIDC|"
               # poetry's `config` reading a token (or login) that holds nothing: the value set from the secret was empty
               r"There is no (?:pypi-token|http-basic)\.[\w.-]{1,60} setting",
               "The uploader got no password or token",
               "The variable or secret meant to hold the token was empty or unset in this run: a misnamed secret, an "
               "environment secret while the job names no environment, a pull request from a fork, or a reusable "
               "workflow called without `secrets: inherit`; with no password, hatch and twine ask the system keyring, "
               "which CI runners lack (`NoKeyringError`).",
               "twine.exceptions.NonInteractive: Credential not found for password.",
               "Pass the token in the variable the uploader reads (`TWINE_PASSWORD`, `UV_PUBLISH_TOKEN`) from a "
               "secret the job can read; or move to Trusted Publishing (`migrate to-oidc`)."),
    LogPattern("log-project-not-owned", ERROR, r"isn't allowed to upload to project|not allowed to upload to|"
               # legacy PyPI's (pypi/legacy webui.py submit, before 2018) refusal of another owner's project
               r"not allowed to store '[^']{1,200}' package information|"
               r"not allowed to edit '[^']{1,200}' package information",
               "The account or token may not upload to this project",
               "The project name is taken by other owners, or the token is scoped to another project.",
               "The user 'octo' isn't allowed to upload to project 'octo-widget'. See https://pypi.org/help/#project-name",
               "Rename the distribution in pyproject.toml, or have an owner add you (and use a token for this project)."),
    LogPattern("log-password-uploads-disabled", ERROR, r"Password-based uploads disabled|"
               # warehouse 2023-2024: a password sent for an account with two-factor authentication
               r"has two factor auth enabled, an API Token or Trusted Publisher must be used|"
               r"Username/Password authentication is no longer supported",
               "A username and password were sent", "PyPI accepts only API tokens or Trusted Publishing.",
               "::error title=Password-based uploads disabled::As of 2024, PyPI requires all users to enable "
               "Two-Factor Authentication.", "Move to Trusted Publishing (`migrate to-oidc`), or send `__token__` "
               "and an API token."),
    LogPattern("log-sdist-exists", ERROR, r"Only one sdist may be uploaded per release",
               "This release already has a source distribution",
               "A release holds one sdist: a second format (.zip next to .tar.gz), a rebuilt sdist on a re-run "
               "(`skip-existing` only skips identical file names), or versions PyPI treats as equal (1.54 and 1.54.0).",
               "HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\nOnly one sdist may be uploaded per "
               "release.", "Upload one `.tar.gz` per version; bump the version for a new upload."),
    LogPattern("log-file-exists", ERROR, r"File already exists|This filename has already been used|"
               r"A file named \"[^\"]{1,300}\" already exists|Filename cannot be reused|filename or contents already exist|"
               r"file ?name has (?:already|previously) been used|"
               r"file name has already been taken|already contains file '|Requested entity already exists|"
               r"Repository does not allow updating assets|Not enough permissions to overwrite artifact|"
               r"\.(?:whl|tar\.gz|zip) cannot be updated|\b409\b:? ?Conflict|"
               # a deleted file's name (warehouse's Filename log); uv's `--check-url` finding the name with other bytes
               r"This filename was previously used by a file that has since been deleted|"
               r"Local file and index file do not match for\b",
               "This version's file is already on the index", "The version was not bumped, or the workflow "
               "publishes on every push or re-run. " + REUPLOAD_WHY,
               "400 File already exists ('octo_widget-1.0-py3-none-any.whl', with blake2_256 hash '…'). See "
               "https://pypi.org/help/#file-name-reuse", "Bump the version; publish only from tags or releases; "
               "`skip-existing: true` lets a re-run pass."),
    LogPattern("log-local-version", ERROR, r"use of local versions|PEP 440 local versions|"
               r"\b(?:reject|refus|disallow|not allow|400)\w{0,3}\b[^.]{0,80}?\blocal (?:version|identifier)|"
               r"\blocal (?:version|identifier)\w{0,12}\b[^.]{0,60}?\b(?:reject|refus|disallow|not allowed)",
               "PyPI refuses local versions (`+…`)",
               "Local version labels are for private indexes; setuptools-scm and hatch-vcs write `+g<commit>` when they "
               "see no version tag on the commit being built (an untagged commit, tags not fetched, a tag named otherwise "
               "than the version, as when the tag step left its variable unexpanded) or a dirty tree.",
               "400 The use of local versions in <Version('0.1.dev1+g40e3ce6')> is not allowed.",
               "Publish only from tags; for TestPyPI builds of other commits set `local_scheme = \"no-local-version\"` "
               "(setuptools-scm)."),
    LogPattern("log-name-not-allowed", ERROR, r"too similar to an existing project|The name '[^']{1,200}' isn't allowed|"
               # legacy PyPI (pypi/legacy webui.py, before 2018): a name taken in another spelling, an invalid name
               r"Package name conflicts with existing package\b|Package name '[^'\n]{1,200}' invalid\b|"
               r"Invalid package name\. Names must\b|"
               r"is an invalid value for Name|project name isn't allowed|conflict with (?:the )?Python standard library|"
               r"The name '[^']{1,200}' (?:is invalid\.|conflicts with an existing project)",
               "PyPI refuses the project name",
               "New names that normalise to an existing project's, or that are prohibited, cannot be created.",
               "400 The name 'octo' is too similar to an existing project. See https://pypi.org/help/#project-name",
               "Choose another name in pyproject.toml (and in the pending publisher), or ask at "
               "https://github.com/pypi/support (PEP 541)."),
    LogPattern("log-unsupported-platform-tag", ERROR, r"unsupported platform tag|"
               # an "unsupported tag" told of a plain `linux_<arch>` wheel, in one sentence (a file name's dots are no end)
               r"\bunsupported (?:platform |wheel )?tags?\b(?:[^.\n]|\.(?=\w)){0,80}?-linux_(?:x86_64|aarch64|i686|armv7l|ppc64le|s390x)\.whl\b|"
               r"-linux_(?:x86_64|aarch64|i686|armv7l|ppc64le|s390x)\.whl\b(?:[^.\n]|\.(?=\w)){0,80}?\bunsupported (?:platform |wheel )?tags?\b|"
               r"Binary wheel for an unsupported platform",
               "PyPI refuses the wheel's platform tag",
               "A wheel built on a plain Linux host is tagged `linux_<arch>`, and PyPI takes only manylinux/musllinux "
               "tags for Linux; WebAssembly wheels tagged `emscripten_*` or `pyodide_*` are refused too (PyPI takes "
               "them only under PEP 783's `pyemscripten_*_wasm32` tag, since April 2026). A macOS wheel's version and "
               "architecture must be on PyPI's list (a new macOS release is added after it ships), and `manylinux1` "
               "and `manylinux2010` exist for x86_64 and i686 only. A tag PyPI added since (riscv64 in July 2025) is "
               "refused in a log from before.",
               "Binary wheel 'octo-1.0-cp312-cp312-linux_x86_64.whl' has an unsupported platform tag 'linux_x86_64'.",
               "Build Linux wheels with cibuildwheel (or in a manylinux image), or repair them with `auditwheel repair`; "
               "leave WebAssembly wheels tagged `emscripten_*` or `pyodide_*` out of the upload."),
    LogPattern("log-metadata-unsupported", ERROR, r"Metadata is missing required fields|"
               # twine 1.12-3.x (package.py): pkginfo read no name or version, a Metadata-Version it did not know
               r"Invalid distribution metadata\. Try upgrading twine\b|"
               r"unrecognized or malformed field|supported Metadata-Version|is not a valid metadata version|"
               r"\btwine\b[^.]{0,80}?\b(?:reject|refus)\w{0,3}[^.]{0,40}?(?:metadata[- ]?2\.[45]|license-(?:file|expression))|"
               # Metadata-Version 2.5's Import-Name (PEP 794), told as refused or unsupported
               r"\b(?:unsupported|unknown|unrecognized|rejected|refused)\W{1,3}Import-Name(?:space)?\b|"
               r"\bImport-Name(?:space)?\b[^.\n]{0,60}?\b(?:unsupported|not supported|reject\w{0,3}|refus\w{0,3}|unrecognized)\b",
               "twine cannot read the distribution's metadata",
               "The build backend wrote a Metadata-Version (2.4 with License-Expression and License-File, or 2.5) "
               "newer than the twine that checks or uploads it can read: an old twine, an old `packaging` or `pkginfo` "
               "next to it, or the old twine inside a pinned old pypa/gh-action-pypi-publish.",
               "InvalidDistribution: Metadata is missing required fields: Name, Version. … supported Metadata-Version: "
               "1.0, 1.1, 1.2, 2.0, 2.1, 2.2, 2.3.",
               "Upgrade twine where it runs to a release that reads the file's Metadata-Version (2.4: twine 6.1 with "
               "packaging 24.2; 2.5: twine 7.0), or use a current pypa/gh-action-pypi-publish (v1.14.2 or later, or "
               "`release/v1`) instead of a pin to an old one."),
    LogPattern("log-two-factor-required", ERROR, r"does not have two-factor authentication enabled|"
               r"enable two-factor authentication before",
               "The account that owns the credentials has no two-factor authentication",
               "PyPI and TestPyPI refuse uploads from accounts without 2FA; each site has its own account.",
               "User 'octo' does not have two-factor authentication enabled. Please enable two-factor "
               "authentication before attempting to upload to PyPI.",
               "Enable 2FA on that account (on the site the step uploads to), or use Trusted Publishing."),
    LogPattern("log-invalid-distribution", ERROR, r"Invalid distribution file|\b(?:author|maintainer)_email: Invalid email address\b|is an invalid value for (?!Version|Name)|"
               # older refusals of a file kind PyPI does not take (warehouse 2017-2020 `Unknown type of file.`, legacy
               # PyPI's `Invalid file type`), of a version no PEP 440 parser reads (legacy PyPI), and twine 1.x-3.x
               # finding no metadata in the archive (wheel.py, sdist.py, wininst.py)
               r"\bUnknown type of file\.|(?:\(400\)|\b400 Client Error):\s{0,3}Invalid file type\b|"
               r"Invalid version, cannot be parsed as a valid PEP 440 version|"
               r"\bNo (?:METADATA|PKG-INFO(?:/\.egg-info)?) in archive\b|"
               r"'[^'\d]{0,40}' is an invalid value for Version|"
               # a version with digits but no local part (`+…`, log-local-version's) that is still no PEP 440 version
               r"'[^'+\s]{1,100}' is an invalid value for Version\b|"
               r"Invalid value for (?!Version|Name)|introduced in metadata version|"
               # the older wording of a metadata field's refusal, `<form field>: <reason>` after the status
               # (not a URL's or an e-mail address's, read below, nor a local version's, log-local-version's)
               r"\b400\b\)?(?: Client Error| Bad Request)?:\s{1,3}" + FORM_METADATA + r":\s(?!Invalid (?:URI|email)|"
               r"[^.\n]{0,40}?\blocal version)[A-Z]|\b[a-z_]{2,40}: Invalid URI|"
               r"\bInvalid URI:? u?'|'[^']{0,300}' is not a valid url\b|"
               r"\bclassifiers?\b[^.]{0,40}?\b(?:typo|invalid|unknown|wrong|misspel)\w{0,6}\b[^.]{0,60}?"
               r"(?:\b(?:fail|reject|refus|broke|break)\w{0,4}\b[^.]{0,40}?\b(?:upload|publish|pypi)|"
               r"\b(?:upload|publish)\w{0,3}\b[^.]{0,40}?\b(?:fail|reject|refus|broke)\w{0,4}\b)|"
               r"is not a valid classifier|Invalid classifier \"|400 Client Error: \[['\"][A-Z][\w ]{1,40} :: |"
               r"Unknown distribution format|License-File \S{1,300} does not exist in distribution file|"
               # PyPI's checks of the file's name and archive (warehouse forklift/legacy.py: _validate_filename,
               # file_upload) and of the metadata's values (forklift/metadata.py, packaging's metadata)
               r"Cannot upload a file with (?:non-printable|'/')|Invalid file extension: (?:Extension \.|Use \.tar\.gz)|"
               # its older wordings (2016 to 2023): bare after the status, with PEP 527's list, `Use .egg, .tar.gz`
               r"\b400\b\)?:?[^\n]{0,40}?\bInvalid file extension\b|Invalid file extension(?:\. PEP 527 requires|: Use \.egg)|"
               r"Invalid wheel filename\b|does not contain the required (?:RECORD|METADATA) file|"
               r"has invalid entry points defined in the entry_points\.txt file|\bFilename is too long: '|"
               r"'[\w-]{2,40}' field must be \d{1,5} characters or less|' is not a valid email address: |"
               r"' must be 32 characters or less\b|The classifier '[^']{1,200}' has been deprecated|"
               r"is not a valid dynamic field|License is deprecated when License-Expression is present|"
               r"'[^'\n]{0,300}' is invalid for '" + _CORE_FIELD + r"'|'" + _CORE_FIELD + r"' must be one of \[|"
               # uv's, pdm's and hatch's own reading of a file before they upload it
               r"Only files ending in `\.tar\.gz` are valid source distributions|"
               r"Failed to publish: `[^`]{1,300}`\s{0,3}Caused by: (?:Failed to read metadata|No PKG-INFO file found|"
               r"Multiple PKG-INFO files found)|\[ProjectError\]: No PKG-INFO found in |Unknown distribution file type: |"
               r"Missing required field `\w{1,20}` in artifact|"
               # PyPI's zip check quoted without its `Invalid distribution file.` lead (a sentence, a PR title)
               r"ZIP archive not accepted:|"
               # twine reading a wheel or sdist it could not open: its own errors print no traceback, so a traceback
               # through its `read` is the archive's (zipfile.BadZipFile, a CRC error); BadZipFile itself is read
               # only beside an upload (`UNREADABLE_ELSEWHERE`)
               r"twine[/\\](?:wheel|sdist)\.py\W{1,3}line \d{1,5}, in read\b|\bBadZip[Ff]ile\b",
               "The file, or a metadata field of it, was refused",
               "The file is not a valid wheel or sdist (a wheel without `.dist-info/WHEEL`, a renamed file, a directory "
               "or checksum file in the upload folder, an installer PyPI no longer takes since PEP 527), a metadata field has a value PyPI does not accept (an unknown "
               "classifier, a bad URL, a requirement that is not valid PEP 508, a License-File the archive does not "
               "hold at that path), or the build "
               "backend wrote a field newer than the Metadata-Version it declares (upgrade the backend).",
               "400 Invalid distribution file. WHEEL not found at octo-1.0.dist-info/WHEEL",
               "Fix what the message names (a classifier, a field, the file's contents) where the build takes it "
               "from, rebuild with the project's build backend (`python -m build`, maturin, cibuildwheel) and run "
               "`twine check dist/*` before uploading."),
    LogPattern("log-description-invalid", ERROR, r"The description failed to render|"
               r"long_description`? has syntax errors in markup|long_description has invalid markup|"
               # `twine check --strict` failing on its warnings (twine/commands/check.py _check_file)
               r"FAILED due to warnings\b.{0,200}?`long_description(?:_content_type)?` missing",
               "The long description does not pass PyPI's rendering check",
               "The README is declared as reStructuredText (the default) but has errors, or is Markdown without "
               "`long_description_content_type`; `twine check --strict` also fails when the content type or the "
               "description itself is missing, and `twine check` fails a Markdown README where readme_renderer has no "
               "Markdown renderer installed (its `[md]` extra).",
               "400 The description failed to render in the default format of reStructuredText.",
               "Make the README render in the format it is read in: fix the reStructuredText markup at the line "
               "`twine check dist/*` names, or declare a Markdown README as Markdown (`readme = \"README.md\"` in "
               "pyproject.toml, or `long_description_content_type=\"text/markdown\"`); run `twine check dist/*` "
               "before uploading."),
    LogPattern("log-file-too-large", ERROR, r"File too large|Project size too large|exceeds? (?:the )?(?:file )?size limit",
               "The file or the project is over PyPI's size limit",
               "PyPI limits each file (100 MB by default) and each project's total size (10 GB by default).",
               "400 File too large. Limit for project 'octo' is 100 MB.",
               "Shrink the wheel (exclude data, strip binaries), delete old releases' files, or ask for a larger limit "
               "at https://github.com/pypi/support."),
    LogPattern("log-email-unverified", ERROR, r"does not have a verified primary email address|"
               # PyPI's 2018 wording, often wrapped mid-word in a pasted log
               r"has no verified email\s{0,3}a\s?d\s?d\s?r\s?e\s?s\s?s\s?e\s?s|please verify at least one\s{1,3}address",
               "The account behind the credentials has no verified primary email address",
               "PyPI and TestPyPI refuse uploads from an account whose primary email address is not verified; the "
               "account is the one named in the message (the owner of the API token or password), and each site has "
               "its own account.",
               "400 User 'octo' does not have a verified primary email address. Please add a verified primary email "
               "before attempting to upload to PyPI. See https://pypi.org/help/#verified-email for more information.",
               "Log in to that account on the site the step uploads to, verify its primary email address (Account "
               "settings), then re-run the failed job; or publish with Trusted Publishing (`migrate to-oidc`)."),
    LogPattern("log-direct-dependency", ERROR, r"Can(?:'|&#x27;|’)?t have direct dependency",
               "PyPI refuses a dependency given as a URL (`name @ git+https://…`)",
               "A requirement written as a direct reference (`name @ git+https://…` or any URL) in `dependencies` or "
               "an optional-dependencies extra stays in the metadata; PyPI refuses such files, for extras too.",
               "400 Can't have direct dependency: octo-core@ git+https://github.com/octo/core.git ; extra == \"dev\". "
               "See https://packaging.python.org/specifications/core-metadata for more information.",
               "Release the dependency to PyPI and require it by name and version, or remove the URL requirement from "
               "the published metadata (keep it in a requirements file or `[tool.uv.sources]`)."),
    LogPattern("log-uploads-disabled", ERROR, r"(?:uploads|project registration) (?:are |is )?temporarily disabled|"
               r"help/?#admin-intervention",
               "PyPI had uploads switched off",
               "PyPI turns uploads (or new project registration) off during maintenance or an incident (read-only "
               "mode, admin intervention); nothing in the workflow causes it.",
               "HTTP Error 403: Read-only mode: Uploads are temporarily disabled.",
               "Wait until PyPI takes uploads again (https://status.python.org), then re-run the failed job; "
               "`skip-existing: true` skips the files a partial run already uploaded."),
    LogPattern("log-rate-limited", ERROR, r"\b429\b.{0,20}Too Many Requests|Too many new projects created",
               "PyPI's rate limit refused the request",
               "PyPI limits how many new projects an account (and an IP address) may create in a day (4 in 24 hours "
               "at the time of writing), and failed attempts at a new name count; uploads to existing projects are "
               "not affected by that limit. Other requests sent too often (the Trusted Publishing exchange too) are "
               "answered 429 for a few minutes.",
               "HTTPError: 429 Too Many Requests from https://upload.pypi.org/legacy/\nToo many new projects created",
               "Wait, then re-run: the limit on new projects lifts after a day (or ask for a lift at "
               "https://github.com/pypi/support; try a new name on TestPyPI first, not with repeated PyPI attempts), "
               "other request limits after minutes."),
    LogPattern("log-wrong-upload-url", ERROR, r"\b405\b.{0,20}Method Not Allowed|\b410\b.{0,20}Gone\b|"
               # warehouse's 410 to an upload sent to pypi.org/pypi (legacy/api/pypi.py, 2018-2024); twine 1.x's note
               # on the retired pypi.python.org after its 500 or 410
               r"This API has moved to https?://[\w./-]{1,100}/legacy/|It appears you're uploading to pypi\.python\.org\b|"
               # twine's own refusal of the retired pypi.python.org / testpypi.python.org
               r"UploadToDeprecatedPyPIDetected|trying to upload to the legacy PyPI site|"
               # twine's RedirectDetected and InvalidPyPIUploadURL, pdm's copies of them, poetry's and uv's redirect and
               # 405 refusals, twine's URL without a scheme
               r"\bRedirectDetected\b|attempted to redirect to https?://|Your repository URL is missing a trailing slash|"
               r"InvalidPyPIUploadURL|trying to upload to pypi\.org but have an invalid URL|"
               r"Uploading to these sites is deprecated|Redirects are not supported\. Is the URL missing a trailing slash|"
               r"POST requests are not supported by the endpoint|Redirected URL is not in the same realm|"
               r"UnreachableRepositoryURLDetected|"
               # distutils' own refusal line for a redirect (an old upload URL: dpl 1.5.7's default server)
               r"\bUpload failed \(30[1278]\)|"
               r"\b404\b.{0,30}?Not Found\b.{0,20}?(?:from|for url:?)\s{0,3}" + UPLOAD_URL + "|"
               # any refusal from pypi.org's /legacy/, which takes no uploads (its 413 is no size limit: onnx)
               r"\b[45]\d\d\b[^\n]{0,60}?(?:from|for url:?)\s{0,3}https?://(?:www\.)?pypi\.org/legacy\b",
               "The upload went to a URL that takes no uploads",
               "The repository URL is not an upload endpoint: the site root, a `/simple/` index URL, a missing "
               "`/legacy/`, or the retired pypi.python.org and testpypi.python.org; a release tool that runs twine for "
               "the user (jupyter_releaser) may pass it a wrong default of its own.",
               "HTTPError: 405 Client Error: Method Not Allowed for url: https://upload.pypi.org/",
               "Upload to `https://upload.pypi.org/legacy/` (PyPI) or `https://test.pypi.org/legacy/` (TestPyPI), "
               "with the trailing `/legacy/`: the action's `repository-url`, twine's `--repository-url` or the "
               "`repository` line of .pypirc (which can be omitted for PyPI)."),
    LogPattern("log-bad-request", ERROR, r"\b400 Bad Request from \S{1,300} Bad Request(?! ?[A-Za-z'(])|"
               r"400 Client Error: Bad Request for url|Client error '400 Bad Request'|HTTP Error 400: Bad Request",
               "PyPI answered 400 Bad Request and the log does not say why",
               "twine prints PyPI's reason only with `--verbose`. The usual reasons: the file name is already on the "
               "index (version not bumped, a re-run, TestPyPI keeping every dev version), a local version (`+…`), "
               "metadata PyPI refuses (a URL dependency, a field newer than the declared Metadata-Version, license "
               "classifiers next to a License-Expression, an unknown classifier), a README that does not render, or "
               "an account without a verified email or 2FA behind the token.",
               "ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n         Bad Request",
               "Re-run with the reason shown: `verbose: true` (and `print-hash: true`) on pypa/gh-action-pypi-publish, "
               "or `twine upload --verbose`; check first that the version is not already on the index, and run "
               "`twine check --strict dist/*`."),
    LogPattern("log-uv-missing-credentials", ERROR, r"Missing credentials for https?://|"
               # uv publish's own refusal of a password without a username (uv commands/publish.rs gather_credentials)
               r"Attempted to publish with a password, but no username",
               "uv had no credentials to upload with",
               "With `--trusted-publishing automatic` (the default) uv skips or silently abandons the OIDC exchange "
               "and then finds no token; `UV_PUBLISH_PASSWORD` alone has no username.",
               "Caused by: Missing credentials for https://upload.pypi.org/legacy/",
               "Trusted Publishing: `uv publish --trusted-publishing always` in a job with `id-token: write` (the real "
               "error then shows); token: set `UV_PUBLISH_TOKEN`."),
    LogPattern("log-digest-mismatch", ERROR, r"digest supplied does not match|Digests do not match",
               "PyPI computed another hash for the file than the uploader sent",
               "The bytes PyPI received are not the file whose digest the uploader computed: a project at its storage "
               "limit (reported for maturin uploads), a file that changed while it was uploaded (a build still writing "
               "dist/), or an uploader bug.",
               "400 The digest supplied does not match a digest calculated from the uploaded file.",
               "Check the project's total size on PyPI (delete old releases, or ask for a larger limit at "
               "https://github.com/pypi/support); rebuild so nothing writes dist/ during the upload, and re-run."),
    LogPattern("log-server-error", ERROR, r"\b50[0-4]\b[:\"]? ?(?:Server Error:? )?(?:Internal Server Error|Bad Gateway|"
               r"Service Unavailable|Gateway[ _]Time-?out)|status code 50[0-4]\b|HTTP Error 50[0-4]\b|"
               # the publish action's token exchange, often wrapped before the status
               r"the index produced an unexpected\s{1,3}50[0-4]\s{1,3}response|the index gave us an invalid response|"
               # twine's own exchange (twine/auth.py): the mint-token answer was no JSON, a server's error page
               r"The token-minting request returned invalid JSON",
               "PyPI answered with a server error (5xx)",
               "A 500, 502, 503 or 504 comes from PyPI's side or the network in front of it: an incident or "
               "maintenance, or a request that outlived the server's time limit (very large files are processed after "
               "they arrive); nothing in the workflow is wrong.",
               'Received "503: Service Unavailable" Package upload appears to have failed.  Retry 1 of 5',
               "Check https://status.python.org, then re-run the failed job with `skip-existing: true` (or "
               "`--skip-existing`) so the files that did arrive are skipped; if only very large files fail, make them "
               "smaller."),
    LogPattern("log-ssl-verify", ERROR, r"CERTIFICATE_VERIFY_FAILED|SSLCertVerificationError|certificate verify failed|"
               r"invalid peer certificate|self[- ]signed certificate in certificate chain",
               "The upload host's TLS certificate could not be verified",
               "Something between the uploader and the index presents a certificate the uploader does not trust: a "
               "corporate proxy, antivirus or firewall that inspects HTTPS (a self-signed certificate in the chain), or "
               "a private index with its own certificate authority.",
               "SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "
               "self-signed certificate in certificate chain (_ssl.c:1000)'))",
               "Give the uploader the certificate authority that signs it (`twine upload --cert ca.pem`, or "
               "`REQUESTS_CA_BUNDLE` / `SSL_CERT_FILE`; uv: `--native-tls`), or upload from a network that does not "
               "intercept HTTPS, such as CI."),
    LogPattern("log-network", ERROR, r"Max retries exceeded with url|Failed to establish a new connection|"
               # Poetry 1.1-1.8's UploadError for a connection that failed or an HTTP error without a response
               r"Connection Error: We were unable to connect to the repository|HTTP Error connecting to the repository|"
               r"Name or service not known|nodename nor servname|getaddrinfo failed|Temporary failure in name resolution|"
               r"Connection reset by peer|RemoteDisconnected|Read timed out|ProxyError|Connection aborted|"
               r"dns error|error sending request for url|Error connecting to repository|"
               # maturin's and uv's `Caused by: https://upload.pypi.org/legacy/: timed out`, a time-out on the upload URL
               r"(?:pypi\.(?:org|io)|/legacy)/?[^\n]{0,60}?\btimed out\b|"
               r"\btimed out\b[^\n]{0,100}?\b(?:upload|test)\.pypi\.org\b|\b499\b:? ?Client (?:Error|Disconnected)",
               "The uploader could not reach the index",
               "The connection failed before the index answered: a host name that does not resolve (a mistyped or "
               "retired upload URL), a proxy or firewall, or a timeout on a slow link or a large file.",
               "ConnectionError: HTTPSConnectionPool(host='upload.pypi.org', port=443): Max retries exceeded with url: "
               "/legacy/ (Caused by NewConnectionError('…: Failed to establish a new connection: [Errno -2] Name or "
               "service not known'))",
               "Check the upload URL (`https://upload.pypi.org/legacy/`, `https://test.pypi.org/legacy/`), the proxy "
               "settings (`HTTPS_PROXY`), and re-run; for timeouts, upload from a faster network or make the files "
               "smaller."),
    LogPattern("log-no-distributions", ERROR, r"Cannot find file \(or expand pattern\)|"
               # distutils' upload with no file built by the same command (Python 2.7, 3.x), twine 1.x's register
               r"No dist file created in earlier command|Must create and upload files in one command|"
               r"PackageNotFound: \"?[^\"\n]{1,300}\"? does not exist on the file system|"
               r"no Python distribution packages (?:to publish|in '[^']{1,200}')|No files found to publish|"
               r"Unable to download artifact\(s\): Artifact not found for name: \S{1,200}|"
               # download-artifact v1 to v3's words for the same; GitHub's artifact service failing the download
               r"Unable to find an artifact with the name: \S{1,200}|Unable to find any artifacts for the associated workflow|"
               r"Artifact download failed after \d{1,3} retries|\bdownload-artifacts?\b.{0,200}?\bBlobNotFound\b|"
               r"\bBlobNotFound\b.{0,200}?\bdownload-artifacts?\b|"
               # the upload given the `dist` folder itself (maturin's io error; a glob told as matching the folder)
               r"\bmaturin\b.{0,400}?\bIs a directory \(os error 21\)|"
               r"`?\*`?\s(?:glob\s|pattern\s|wildcard\s)?(?:matched|matches|picked up|expanded to)\s(?:only\s)?(?:the\s)?"
               r"`?dist/?`?\s(?:folder|directory|dir)\b|"
               # the download step told as the one that failed ("the job fails … in the download-artifacts action")
               r"\b(?:fail\w{0,3}|errors?|broken)\b(?:[^.]|\.(?=\w)){0,60}?\bdownload-artifacts?\b|"
               r"\bdownload-artifacts?\b(?:\s(?:action|step))?(?:[^.]|\.(?=\w)){0,40}?\b(?:fail\w{0,3}|errors?)\b|"
               r"No such file or directory: '[^']{0,200}/dist'|"
               # the job's own script moving the downloaded files into dist/ with a pattern that matched nothing
               r"\b(?:mv|cp): cannot stat '[^'\n]{0,300}\*[^'\n]{0,40}\.(?:whl|tar\.gz)': No such file or directory|"
               r"Path patterns didn't match any wheels or source distributions|No files to publish\. Run poetry build|"
               r"\bNo artifacts found\b(?! for| with| matching)|ERROR\s{1,9}No files to check\b|"
               r"Cannot upload signed files by themselves|"
               r"IsADirectoryError: \[Errno 21\] Is a directory: '[^']{1,300}\.(?:whl|tar\.gz|zip)'",
               "The upload step found no distributions to upload",
               "The folder the step uploads from is empty or elsewhere: the files were built in another job and not "
               "downloaded, built into another directory (pypa/gh-action-pypi-publish ignores "
               "`defaults.run.working-directory`; `uv build` in a workspace member writes to the workspace's dist/), or "
               "the build step did not run.",
               "InvalidDistribution: Cannot find file (or expand pattern): 'dist/*'",
               "Build in the same job, or download the build job's artifact into `dist/` (actions/download-artifact with "
               "`path: dist`, and `merge-multiple: true` for several artifacts); give `packages-dir` relative to the "
               "repository root."),
    LogPattern("log-uploader-missing", ERROR, r"\b(?:twine|maturin|flit|hatch|uv|poetry): (?:command )?not found|"
               # setuptools 42 and later: no `setup.py upload` and `setup.py register` any more, twine in their place
               r"The (?:upload|register) command has been removed, use twine\b|"
               # later setuptools dropped even that stub: distutils' own answer to an unknown command
               r"\berror: invalid command '(?:upload|register)'|"
               r"No module named '?twine|'twine' is not recognized as an internal or external command|"
               # PowerShell's command not found (Azure Pipelines and GitHub's Windows runners)
               r"The term '(?:twine|maturin|flit|hatch|uv|poetry|pdm)(?:\.exe)?' is not recognized as the name of a cmdlet",
               "The upload tool is not installed where the upload runs",
               "The command that uploads was not found: it was installed in another job or environment (jobs share no "
               "installed packages), or never installed.",
               "sh: 1: twine: not found",
               "Install the tool in the same job and environment that runs the upload (`python -m pip install twine`), "
               "or use pypa/gh-action-pypi-publish, which brings its own."),
    LogPattern("log-sdist-filename", ERROR, r"Filename '[^']{1,300}' is invalid, should be|"
               # warehouse 2016-2018 and legacy PyPI: the file's name does not start with the project's
               r"The filename for '?[^'\"\n]{1,200}'? must start with\b|"
               r"Start filename for '[^']{1,200}' with|(?:does not|should) contain the normalized project name|"
               r"Invalid source distribution filename: \S|Version in filename should be '",
               "PyPI refuses the distribution's file name",
               "A source distribution must be named `{normalized_name}-{version}.tar.gz` (PEP 625), with the name "
               "lower-cased and runs of `-`, `_` and `.` written as one `_`, and a wheel's name must start with the same "
               "normalised name and the metadata's version; older build backends (setuptools before 69.3, or `python "
               "setup.py sdist` with an old setuptools on PATH) and some backend settings still write `my-project-1.0.tar.gz`, "
               "and a file renamed by hand no longer matches the name and version in its metadata.",
               "Filename 'octo-widget-1.0.tar.gz' is invalid, should be 'octo_widget-1.0.tar.gz'.",
               "Build the sdist with a current build backend through `python -m build` (setuptools >= 69.3 in "
               "`[build-system] requires`), so it writes the name PyPI asks for, rather than renaming the file by hand."),
    LogPattern("log-uploader-broken", ERROR, r"__(?:uri|license)__ = metadata\[|POST body may not contain duplicate keys|"
               r"twine/__init__\.py\W{1,5}line \d{1,4}.{0,400}KeyError: '(?:home-page|license)'|"
               # the bug by its number (pypa/twine#1125), as people link it
               r"pypa/twine/issues/1125\b|\btwine#1125\b|"
               # PyPI's 410 to the `register` call it retired, answered to an uploader that still makes it
               r"Project pre-registration is no longer required or supported|"
               # the same 410 in PyPI's wording of 2016-05 to 2017-07 (warehouse forklift/legacy.py `submit`)
               r"This API is no longer supported, instead simply upload the file|"
               r"\b410\b\W{1,20}register\b|\bregister\b\W{1,20}\b410\b|"
               # the retired documentation upload (`setup.py upload_docs`), a form field sent twice (forklift's sanitize)
               r"Uploading documentation is no longer supported|\b(?!" + FILE_PARTS + r":)[a-z_]{2,40}: Should not be a tuple\b|"
               r"Upload payload does not have a file\.|\b400 Unknown protocol version\b|"
               # the flit CLI of one major with flit_core of another (flit 3 passes `gen_setup_py`, flit_core 4 dropped it)
               r"unexpected keyword argument '?gen_setup_py|"
               # maturin 0.10.3 and 0.10.4 refusing one package's wheels whose metadata differs by platform
               r"files that belong to different python packages",
               "The upload tool failed on a bug of its own",
               "twine 5.1.0 and older read their own metadata at import and fail with importlib-metadata 8 (`KeyError: "
               "'license'` or `'home-page'`, pypa/twine#1125); an uploader that sends a malformed request is refused "
               "whatever the files (maturin 1.7.2 sent a form field twice: PyPI's `POST body may not contain duplicate "
               "keys`); an uploader too old for today's PyPI still calls the `register` API PyPI retired, which answers 410 "
               "(`Project pre-registration is no longer required or supported`: twine's or setuptools' `register`, old "
               "devpi `push`), and to setuptools' `upload_docs` (`Uploading documentation is no longer supported`); the flit 3 CLI next to flit_core 4 fails with `unexpected keyword argument 'gen_setup_py'`; "
               "an old twine fails on a file it cannot read (`TypeError: expected string or buffer`, Python 3's `… or "
               "bytes-like object`), a release tool (zest.releaser, python-semantic-release) calls twine's internal "
               "`upload()` with an argument list twine changed, maturin 0.10.3 and 0.10.4 refused one package's wheels "
               "as `files that belong to different python packages`; nothing in the package or the credentials is wrong.",
               "  File \".../site-packages/twine/__init__.py\", line 43, in <module>\n    __license__ = metadata[\"license\"]\n"
               "KeyError: 'license'",
               "Use a release of the uploader without the bug: twine 5.1.1 or later where it runs (`pip install -U "
               "twine`), or `importlib-metadata<8` next to an older twine (a pinned old pypa/gh-action-pypi-publish: "
               "move to `release/v1`); another uploader: the release the last good upload used, or a fixed later one, "
               "or upload the same files with twine."),
    LogPattern("log-upload-form-refused", ERROR,
               # warehouse 2016-2022 and legacy PyPI: the signature sent with the file refused (binary, too large)
               r"PGP signature (?:is not|isn't) ASCII armored|signature is not ASCII-armored|\bSignature too large\.|"
               r"\b" + FILE_PARTS + r": Should not be a tuple\b",
               "PyPI refused a file part of the upload request",
               "PyPI reads every field of the upload form as text except the file (`content`) and its signature "
               "(`gpg_signature`), which come as file parts; `<field>: Should not be a tuple` is its check that a text "
               "field did not come as a file. Said of `content` or `gpg_signature`, the check refused a field it is "
               "meant to take as a file: PyPI's own check went wrong (a regression of signed uploads in 2018, "
               "pypi/warehouse#3059, fixed on PyPI's side), unless the uploader changed since the last good upload.",
               "HTTPError: 400 Client Error: gpg_signature: Should not be a tuple. for url: https://upload.pypi.org/legacy/",
               "If the uploader and its dependencies are the ones the last good upload used, report it at "
               "https://github.com/pypi/warehouse/issues and re-run once fixed; meanwhile upload without `--sign` (PyPI "
               "has kept no signatures since 2023). If the uploader changed, go back to the release that worked."),
    LogPattern("log-attestation-missing", ERROR, r"Upload with attestations requested, but .{1,300}? has no associated "
               r"attestations",
               "A file in the upload has no attestation",
               "pypa/gh-action-pypi-publish attests the `.whl` and `.tar.gz` files it uploads; any other distribution in "
               "the folder (a `.zip` sdist) has none, and twine refuses an upload where only some files are attested.",
               "ERROR    InvalidDistribution: Upload with attestations requested, but dist/octo-1.0.zip has no associated "
               "attestations",
               "Build the sdist as `.tar.gz` only (PyPI takes one sdist per release, and only `.tar.gz` for new "
               "uploads), or set `attestations: false` on the step."),
    LogPattern("log-secret-empty", ERROR, r"due to __token__ username with no supplied password field|"
               # pdm's exchange failing after it found no username and password (pdm publish/repository.py)
               r"Failed to get PyPI token via OIDC",
               "The uploader got no password and tried Trusted Publishing instead",
               "pypa/gh-action-pypi-publish (and pdm) fall back to Trusted Publishing when no password is given; when a "
               "token was meant, the secret was unset, misnamed or not available to the job (an environment's secret, "
               "a pull request from a fork, a reusable workflow called without `secrets: inherit`).",
               "Notice: Attempting to perform trusted publishing exchange to retrieve a temporary short-lived API token for "
               "authentication against https://upload.pypi.org/legacy/ due to __token__ username with no supplied password "
               "field\nError: Trusted publishing exchange failure:",
               "For a token: store it in the secret the step's `password` names, where the job can read it; for Trusted "
               "Publishing: register the publisher and give the job `id-token: write` (the lines after `exchange failure` "
               "say which part failed)."),
    LogPattern("log-release-too-old", ERROR, r"Uploading new files to releases older than \d{1,4} days is not allowed",
               "PyPI takes no new files for an old release",
               "Since July 2026 PyPI refuses files added to a release more than 14 days after it was created; a re-run that "
               "only re-uploads existing files is skipped with `skip-existing` (pypi/warehouse#20260).",
               "400 Uploading new files to releases older than 14 days is not allowed.",
               "Publish the new files as a new version; for re-runs use `skip-existing: true` (or `--skip-existing`)."),
    LogPattern("log-action-not-allowed", ERROR, r"\S{1,200} is not allowed to be used in [\w.-]{1,100}/[\w.-]{1,100}|"
               r"\bActions in this workflow must be\b|\bnot allowed in [\w.-]{1,100}/[\w.-]{1,100} because all actions must",
               "GitHub's Actions policy does not allow an action of the workflow",
               "An organisation or repository can allow only its own actions, GitHub's, those of verified Marketplace "
               "creators or a list it names, and can require every action pinned to a full commit SHA; a workflow "
               "that uses an action outside that policy fails before any step runs, whatever the credentials.",
               "pypa/gh-action-pypi-publish@release/v1 is not allowed to be used in octo-org/widget. Actions in this "
               "workflow must be: within a repository owned by octo-org, created by GitHub or verified in the GitHub "
               "Marketplace.",
               "Have an organisation or repository admin allow the action (Settings → Actions → General → allow "
               "specified actions, e.g. `pypa/gh-action-pypi-publish@*`) or pin it as the policy requires; or upload "
               "with `twine upload` or `uv publish` in a `run:` step, which needs no third-party action."),
    LogPattern("log-environment-refused", ERROR, r"\b(?:Tag|Branch)\s{1,3}\"[^\"]{1,200}\" is not allowed to deploy to .{1,100}? "
               r"due to environment protection rules|The deployment was rejected or didn[’']?t satisfy other protection rules",
               "GitHub's environment protection rules refused the job's ref",
               "A job that names an `environment:` runs only if that environment's deployment rules let it: its "
               "deployment branches and tags (a branch or tag not listed is refused), required reviewers (one may "
               "reject) and custom protection rules. GitHub refuses the job before any step runs, so nothing reached "
               "PyPI; this is GitHub's check of the environment, not a rule of PyPI about the project or its name.",
               "Tag \"v1.2.0\" is not allowed to deploy to pypi due to environment protection rules.\n"
               "The deployment was rejected or didn't satisfy other protection rules.",
               "Allow the tag or branch in the environment's deployment rules (Settings → Environments → <name> → "
               "Deployment branches and tags), or run the release from a ref the rules allow; then re-run the job."),
    LogPattern("log-tag-version-mismatch", ERROR, r"\btag\b[^\n]{0,20}?" + _VERSION_SHOWN + r"[^\n]{0,60}?" + _DIFFER
               + r"[^\n]{0,60}?\bversion\b[^\n]{0,20}?" + _VERSION_SHOWN + r"|\bversion\b[^\n]{0,20}?" + _VERSION_SHOWN
               + r"[^\n]{0,60}?" + _DIFFER + r"[^\n]{0,60}?\btag\b[^\n]{0,20}?" + _VERSION_SHOWN,
               "The workflow's own check found that the tag and the package version differ",
               "Many release workflows compare the pushed tag with the version in pyproject.toml (or `__init__.py`) "
               "before they build or upload, and stop when the two differ: the tag was pushed without bumping the "
               "version, or the version was bumped on another commit than the one tagged. PyPI refused nothing.",
               "Tag (1.2.0) does not match pyproject.toml version (1.1.0)",
               "Bump the version in the file the check reads to the tag's version, commit, and tag that commit (delete "
               "and re-create the tag, or cut the next one); or tag the version the file already has."),
    LogPattern("log-ci-oidc-unavailable", ERROR, r"\b(?:GitHub|GitLab|GCP|Buildkite|CircleCI): OIDC token request "
               r"(?:failed \(code=|timed out)|GitHub: malformed or incomplete JSON|"
               r"after a successful Trusted Publishing Flow|Failed to discover OIDC token\b",
               "The CI's OIDC token service failed",
               "The job asked its CI (GitHub Actions' token service) for an OIDC token and got an error or no answer "
               "(the `id` library's `OIDC token request failed (code=…)` or `timed out`, uv's `Failed to discover OIDC "
               "token`): a fault of that service, not of the job's permissions or of the publisher on PyPI. When it "
               "happens while pypa/gh-action-pypi-publish attests the files, the Trusted Publishing exchange had "
               "already succeeded.",
               "OpenID Connect token retrieval failed: GitHub: OIDC token request failed (code=503, body='upstream "
               "connect error')",
               "Re-run the failed job (https://www.githubstatus.com shows an incident of Actions); nothing in the "
               "workflow or the publisher needs to change; if only the attestation step keeps failing, "
               "`attestations: false` lets the upload through."),
    LogPattern("log-organization-inactive", ERROR, r"Organization account owning this project is inactive",
               "The organization that owns the project is inactive",
               "PyPI refuses uploads to a project of an organization account that is not in good standing: a Company "
               "organization whose billing lapsed, or a Community organization an administrator deactivated. The "
               "workflow, the files and the credentials are not at fault.",
               "400 Organization account owning this project is inactive. This may be due to inactive billing for Company "
               "Organizations, or administrator intervention for Community Organizations. Please contact "
               "support+orgs@pypi.org.",
               "An owner of the organization renews its billing (the organization's settings on PyPI) or writes to "
               "support+orgs@pypi.org; re-run the job once the organization is active."),
    LogPattern("log-uploader-config", ERROR, r"`uv publish` does not support `--skip-existing`|"
               # distutils' upload and twine 1.x: `--identity` without `--sign`
               r"Must use --sign for --identity to have meaning|\bsign must be given along with identity\b|"
               r"\bare not allowed when using trusted publishing\b|Missing '[^']{1,100}' section from \S|"
               r"Malformed configuration in \S|Repository \S{1,100} is not defined\b|"
               r"\[PdmUsageError\]: Missing repository config of |\bIndex not found: `|Index is missing a publish URL: `|"
               r"No indexes were found, can't use index: `|The (?:password|username) can't be set both in the publish URL|"
               # twine 6.2's --skip-existing for PyPI only (settings.py verify_feature_capability), --sign without gpg;
               # poetry's non-package mode, hatch's disabled publisher, flit's two index settings
               r"does not have support for the following features: --skip-existing|InvalidSigning(?:Executable|"
               r"Configuration)\b|Publishing a package is not possible in non-package mode|Publisher is disabled: \w|"
               r"Use either FLIT_INDEX_URL or --repository, not both|"
               # the uploader's argument parser refusing its command line (argparse's `prog: error: …`; in a Python
               # repr its line break is a literal `\n`), uv's (clap) with its usage line
               r"(?:(?<![\w-])|(?<=\\n))(?:twine|flit)(?: [a-z]{2,12})?: error: (?:the following arguments are required|"
               r"unrecognized arguments|argument [^\s:]{1,60}(?: [^\s:]{1,60})?: (?:invalid choice|expected|not allowed)|"
               r"ambiguous option|one of the arguments)|"
               r"\berror: unexpected argument '[^'\n]{1,60}' found\b[^\n]{0,300}?\bUsage: uv publish\b",
               "The upload command refused its own options or configuration",
               "The uploader stopped before sending anything: an option of another uploader (`--skip-existing` is "
               "twine's; uv checks the index with `--check-url`), an upload URL option that lost its value, `--sign` "
               "with a gpg that cannot sign, credentials next to `--trusted-publishing always`, or "
               "a repository name that no configuration defines (a .pypirc section, `poetry config repositories.<name>`, "
               "pdm's `repository.<name>`, a `[[tool.uv.index]]` with a `publish-url`). Nothing reached the index.",
               "error: `uv publish` does not support `--skip-existing` because there is not a reliable way to identify "
               "when an upload fails due to an existing distribution. Instead, use `--check-url` to provide the URL to "
               "the simple API for your index.",
               "Give the command the option or configuration the message asks for; the credentials and the files are "
               "not in question."),
    LogPattern("log-nested-id-token", ERROR, r"The nested job '[^']{1,100}' is requesting '[\w-]{1,40}: \w{1,10}', "
               r"but is only allowed",
               "A reusable workflow asks for a permission its caller does not grant",
               "GitHub checks, when the run starts and before any `if:`, that each job of a called workflow asks for no "
               "more than the calling job grants; the publish job needs `id-token: write`, so the run does not start.",
               "The nested job 'upload' is requesting 'id-token: write', but is only allowed 'id-token: none'",
               "Add `permissions: id-token: write` (with `contents: read`) to the job that calls the reusable workflow, "
               "even if the publish job is skipped on that event."),
    LogPattern("log-token-permission", ERROR, r"\bResource not accessible by integration\b|"
               r"\bPermission to [\w.-]{1,100}/[\w.-]{1,100} denied to [\w-]{1,60}\[bot\]|"
               r"\bWrite access to repository not granted\b|\bGitHub release failed with status: 403\b|"
               r"\brefusing to allow a GitHub App to create or update workflow\b|"
               r"\bGitHub Actions is not permitted to create or approve pull requests\b|"
               r"\bGH006: Protected branch update failed\b|\bprotected branch hook declined\b|"
               r"\bGH013: Repository rule violations found\b|" + RULESET_REF_REFUSED,
               "GitHub refused the job's GITHUB_TOKEN a write a step asked for",
               "A step of the release job wrote to the repository with the job's GITHUB_TOKEN (a GitHub release, a "
               "tag, a pushed commit, a pull request) and GitHub answered 403: the token lacks the scope (a "
               "`permissions:` block sets every scope it does not name to none, so `id-token: write` alone leaves "
               "`contents` at none; where no block is written, the repository's default token is read-only for "
               "repositories and organizations created since February 2023), the push changes a workflow file (no "
               "GITHUB_TOKEN may), or a branch protection rule refuses the bot. PyPI and its credentials are not in "
               "question; where the upload ran before this step, the files are already on PyPI.",
               "⚠️ GitHub release failed with status: 403\nError: Resource not accessible by integration - "
               "https://docs.github.com/rest/releases/releases#create-a-release",
               "Grant the job the scope its step needs (`contents: write` for a release, a tag or a push) in the job's "
               "`permissions:` block, or give that step a job of its own with it, so the job holding `id-token: "
               "write` writes nothing else; then re-run only what failed: an upload that went through would now meet "
               "`File already exists`."),
    LogPattern("log-action-deprecated", ERROR, r"\bautomatically failed because\s{1,3}it uses a deprecated version of\b",
               "GitHub failed the run for a retired version of an action",
               "GitHub fails every run that uses a retired major version of some actions before the job starts (the "
               "artifact actions' v1 to v3 since 2024, `actions/cache` v1 and v2 since 2025): the release job never "
               "ran, so nothing reached PyPI. The artifact actions' v4 is not compatible with v3: an artifact uploaded "
               "by one cannot be downloaded by the other, and v4 takes one artifact per name.",
               "Error: This request has been automatically failed because it uses a deprecated version of "
               "`actions/upload-artifact: v3`. Learn more: https://github.blog/changelog/2024-04-16-deprecation-notice-v3-of-the-artifact-actions/",
               "Move the action to its current major release (`actions/upload-artifact@v4` and "
               "`actions/download-artifact@v4` together, with one artifact name per build job and `pattern:` plus "
               "`merge-multiple: true` where the publish job gathers them), then re-run the release."),
    LogPattern("log-artifact-name-conflict", ERROR, r"an artifact with this name already exists on the workflow run|"
               r"Failed to CreateArtifact:[^\n]{0,120}?\(409\) Conflict",
               "Two jobs of the run uploaded an artifact under one name",
               "actions/upload-artifact v4 refuses a second artifact of a name the run already has (v3 merged them): "
               "matrix build jobs that all upload `name: dist` or `name: wheels` fail from the second one on, and the "
               "publish job that needs them never runs. Nothing reached PyPI.",
               "Error: Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an "
               "artifact with this name already exists on the workflow run",
               "Give every build job's artifact its own name (`name: wheels-${{ matrix.os }}-${{ matrix.python }}`) and "
               "gather them in the publish job with actions/download-artifact@v4's `pattern: wheels-*` and "
               "`merge-multiple: true` into `dist/`."),
    LogPattern("log-runner-retired", ERROR, r"\bno longer (?:a )?supported runner\b|"
               r"\bThe (?:configuration|label) '?(?:ubuntu|macos|windows)-[\d.]{1,6}'? is not supported\b|"
               r"Waiting for a runner to pick up this job(?=.{0,400}?" + RETIRED_LABEL + ")|"
               r"(?:" + RETIRED_LABEL + r").{0,200}?Waiting for a runner to pick up this job",
               "The job asks for a runner image GitHub has retired",
               "GitHub removes hosted runner images some years after their OS (ubuntu-18.04 and ubuntu-20.04, "
               "macos-10.15 to macos-13, windows-2019): a job that still names one waits for a runner that never comes, "
               "or fails at once, so the release job does not run.",
               "Requested labels: ubuntu-20.04\nWaiting for a runner to pick up this job...",
               "Run the job on a current image (`runs-on: ubuntu-latest`, `macos-latest`, `windows-latest`, or a current "
               "version label) and re-run; a release started by a tag reads the workflow of the tagged commit, so "
               "re-run it by hand or move the tag to the commit with the fix."),
    LogPattern("log-python-setup", ERROR, r"The version '[\d.]{1,10}' with architecture '\w{1,10}' was not found for "
               r"(?:Ubuntu|macOS|Windows)\b|\berror: externally-managed-environment\b|"
               r"/python3?(?:\.\d{1,2})?m?: No module named pip\b|" + TLS_TOO_OLD,
               "The job's Python could not be set up for the build or the upload",
               "The job failed before building or uploading: actions/setup-python has no build of the version asked "
               "for on that runner image (an unquoted `3.10` in YAML is the number 3.1; old versions such as 3.7 are not "
               "built for ubuntu-24.04), the runner's system Python refuses `pip install` (PEP 668's "
               "externally-managed-environment, ubuntu-24.04), or the environment has no pip (a conda environment). "
               "Nothing reached PyPI.",
               "Error: The version '3.1' with architecture 'x64' was not found for Ubuntu 24.04.",
               "Give the job a Python it can install into: quote versions in YAML (`python-version: \"3.10\"`), ask for "
               "a version the runner image offers (or pin the image, `runs-on: ubuntu-22.04`), install into a virtual "
               "environment or a Python from actions/setup-python rather than the system one, and install pip where "
               "the environment lacks it; then re-run."),
    LogPattern("log-workflow-invalid", ERROR, r"\bThe workflow is not valid\b|\bInvalid workflow file\b|"
               r"\bfailed to parse workflow\b|\bYou have an error in your yaml syntax on line \d|"
               # GitHub's own check of a workflow file, each message after the place it names
               r"\(Line: \d{1,6}, Col: \d{1,4}\): (?:Unexpected value '|Unrecognized named-value: '|"
               r"Unrecognized function: '|Required property is missing\b|Unexpected symbol\b|A (?:sequence|mapping) "
               r"was not expected\b)|"
               # a job's key told as refused on a step ("step-level `permissions` is not valid workflow syntax")
               r"\bstep[- ]level\W{0,2}\s\W?(?:environment|permissions|runs-on|needs|concurrency)\W?\s(?:is|are)\s"
               r"(?:not\s(?:valid|allowed|supported)|invalid)\b",
               "GitHub refused the workflow file",
               "GitHub checks a workflow file when a run is to start and refuses it as a whole when a key sits where "
               "it does not belong (`environment:`, `permissions:`, `runs-on:` and `needs:` are keys of a job, not of a "
               "step), a name is misspelt (`permissions: content:` for `contents:`), or an expression reads a context "
               "that place does not offer (`secrets` in an `if:`). No job runs, so nothing reached PyPI and no "
               "credential was tried.",
               "The workflow is not valid. .github/workflows/release.yml (Line: 31, Col: 9): Unexpected value "
               "'environment' .github/workflows/release.yml (Line: 33, Col: 9): Unexpected value 'permissions'",
               "Fix the file at the line and column GitHub names: move a job's key (`environment:`, `permissions:`) "
               "from the step up to its job, or give the publish step a job of its own; spell the key as the "
               "workflow syntax has it; read a secret in `env:`, not in `if:`. `actionlint` finds these before a push."),
    LogPattern("log-build-tool-missing", ERROR, r"\bNo module named '?build'?(?![\w.])|\binvalid command 'bdist_wheel'|"
               r"\bNo module named '?(?:setuptools|wheel)'?(?![\w.])|\bBackend '[\w.:-]{1,100}' is not available\b|"
               r"\bpyproject-build: (?:command )?not found\b|" + SETUP_IMPORT_MISSING + "|" + PLUGIN_OPTION_IGNORED + "|" +
               SAID_NO_SETUPTOOLS,
               "A build tool is not installed where the distributions are built",
               "The step that builds the sdist and wheel ran on a Python that lacks the tool it calls: `python -m "
               "build` without the `build` package, `setup.py bdist_wheel` without `wheel` (setuptools took that "
               "command from `wheel` before 70.1), `setup.py` without setuptools (Python 3.12 and later no longer "
               "install it next to pip), `build --no-isolation` without the backend `[build-system]` names, or a "
               "pixi or conda environment that was never given the tool. The build failed, so no upload ran.",
               "/opt/hostedtoolcache/Python/3.12.4/x64/bin/python: No module named build",
               "Install the tool in the environment that runs the build, in the same job: `python -m pip install build` "
               "then `python -m build` (it installs what `[build-system]` requires in an isolated environment); in a "
               "pixi or conda environment add it there; `uv build` needs no install."),
    LogPattern("log-uploader-dependency-conflict", ERROR,
               r"\bcannot import name '[\w.]{1,60}' from '?(?:packaging|pkginfo|importlib_metadata|readme_renderer|"
               r"requests_toolbelt|requests\.packages\.urllib3|urllib3|rich|keyring|rfc3986|id)\b|"
               r"\bNo module named '(?:packaging|pkginfo|importlib_metadata|readme_renderer|requests_toolbelt|urllib3)"
               r"\.[\w.]{1,60}'|" + UPLOADER_MODULE_MISSING + "|" + URLLIB3_OLD_SSL + "|" + POETRY_CORE_MOVED,
               "The upload tool cannot import a dependency in the job's environment",
               "The uploader (twine) failed at import: the version of one of its dependencies (`packaging`, "
               "`importlib_metadata`, `urllib3`, …) in this environment is not one it works with. Most often the job "
               "installed twine and then the project, whose own requirements (or `uv run`, which syncs the project's "
               "environment first) moved that dependency to another version; nothing in the files or the credentials "
               "is wrong.",
               "  File \".../site-packages/twine/package.py\", line 23, in <module>\n    from packaging import errors\n"
               "ImportError: cannot import name 'errors' from 'packaging'",
               "Run the uploader in an environment of its own (`pipx run twine upload dist/*`, `uvx twine upload "
               "dist/*`), or install it after the project's dependencies; or publish with pypa/gh-action-pypi-publish, "
               "which brings its own twine."),
)

ORDER = ("log-action-deprecated", "log-artifact-name-conflict", "log-runner-retired", "log-python-setup", "log-workflow-invalid", "log-workflow-not-triggered", "log-action-not-allowed", "log-environment-refused", "log-nested-id-token", "log-token-permission", "log-action-ref-missing", "log-action-bug",
         "log-build-tool-missing", "log-uploader-missing", "log-uploader-dependency-conflict", "log-uploader-broken",
         "log-upload-form-refused", "log-uploader-config",
         "log-no-distributions", "log-fork-pull-request", "log-pull-request-target", "log-container-linux", "log-image-pull-refused", "log-invalid-pending-publisher",
         "log-non-user-identity", "log-scoped-token-project", "log-unknown-issuer", "log-oidc-token-refused", "log-no-trusted-publishing-index",
         "log-trusted-publishing-disabled",
         "log-invalid-publisher", "log-ci-oidc-unavailable", "log-gitlab-id-token-missing", "log-id-token-unset", "log-uv-missing-credentials", "log-attestation-exists",
         "log-attestation-missing", "log-invalid-attestations", "log-password-uploads-disabled", "log-credential-missing", "log-project-not-owned",
         "log-token-rejected",
         "log-organization-inactive", "log-uploads-disabled", "log-rate-limited", "log-email-unverified", "log-wrong-upload-url",
         "log-name-not-allowed", "log-sdist-filename", "log-local-version", "log-release-too-old", "log-direct-dependency", "log-sdist-exists", "log-file-exists", "log-git-version",
         "log-unsupported-platform-tag", "log-two-factor-required", "log-metadata-unsupported",
         "log-invalid-distribution", "log-description-invalid", "log-file-too-large", "log-digest-mismatch",
         "log-server-error", "log-ssl-verify", "log-network", "log-secret-empty", "log-reusable-workflow",
         "log-attestations-ignored", "log-tag-version-mismatch", "log-bad-request")
_BY_ID = {p.id: p for p in _FIRST + NEW + (generic_failures.GIT_VERSION,)}
PATTERNS: Tuple[LogPattern, ...] = tuple(_BY_ID[i] for i in ORDER)  # most specific cause first
UNRECOGNISED = LogPattern(
    "log-not-recognised", WARNING, "", "The log's error was not recognised",
    "None of the known texts of the publish action, PyPI, twine or uv is in the log, so the doctor cannot name the "
    "cause; the last lines that look like an error are shown instead.",
    "ERROR    Something unexpected happened", "Paste the whole log of the failing step (with the lines before the "
    "error), or open an issue with it.")
_COMPILED = [(p, re.compile(p.pattern, re.I)) for p in PATTERNS]
# the failures of a general shape (a module, a program, a variable missing), read only where no known text is found
# and only at the lines where the log fails: documented and explained as the known texts are
PATTERNS += generic_failures.GENERIC
_RX = {p.id: rx for p, rx in _COMPILED}
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
# legacy PyPI's 401 for a request without a login; distutils' own upload (its command line, step line, line per file);
# a login shown given (a password prompt or option, a .pypirc, a password variable)
_UNIDENTIFIED = re.compile(r"\b401\b[^\n]{0,60}?You must be identified", re.I)
DISTUTILS_UPLOAD = re.compile(r"\bsetup\.py\b[^\n|;&]{0,120}?\bupload\b(?![-_])|^running upload\b|^Submitting \S{1,300} to "
                              r"https?://", re.I | re.M)
_LOGIN_GIVEN = re.compile(r"\bpassword\b|\bpypirc\b|(?<!\S)-p\s|\b(?:TWINE|PYPI)_(?:PASSWORD|TOKEN)\b|\busername\b", re.I)
_ATTESTATION_FORMAT = re.compile(r"Unknown distribution format:?\W{0,5}'?[^'\s]{1,300}\.publish\.attestation\b'?", re.I)
_BAD_REQUEST = re.compile(r"\b400\b.{0,40}Bad Request|400 Client Error", re.I)



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


def platform_fix(whole: str) -> Optional[str]:
    """The fix for a refused platform tag that a manylinux build would not mend (None: the pattern's own)."""
    refused = REFUSED_TAG.search(whole)
    tag = refused.group(1) if refused else ""
    if tag and platform_tags.taken_now(tag):
        return taken_now_fix(tag)
    if _MACOS_TAG.match(tag):
        return MACOS_TAG_FIX
    if _OLD_MANYLINUX_ARCH.search(tag or whole):
        return OLD_MANYLINUX_FIX
    return None


# python-semantic-release (9.7 and later) runs its `build_command` with only the variables it lists: an upload inside
# that command gets no credential from the job's environment
_SEMANTIC_RELEASE_ENV = re.compile(r"\bsemantic[- _]release\b(?=.{0,400}?(?:\bsanitiz\w{0,4}|\bbuild[_ -]command[_ -]env\b|"
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


def escaped_name_refused(whole: str) -> Optional[str]:
    """The refused file whose name writes the project's name as a distribution must (`simplepackage_py-…` for
    `simplepackage.py`), when PyPI asked for the name as written; None otherwise."""
    m = START_FILENAME.search(whole)
    if m is None or m.group(1) != m.group(2):  # today's PyPI asks for the normalised name: the file must start with it
        return None
    name = m.group(1)
    escaped = re.sub(r"[-_.]+", "_", name).lower()
    if escaped == name.lower():
        return None
    f = re.search(rf"(?<![\w.-]){re.escape(escaped)}-[\w.!+-]{{1,200}}?\.(?:whl|tar\.gz)\b", whole, re.I)
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
    rx = _RX["log-invalid-distribution"]
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
    if SAID_DUPLICATE_NAMES.search(whole) and _GARBLED.search(whole) and not DUPLICATES_ON_INDEX.search(whole):
        return DUPLICATE_NAMES_FIX
    if artifact_wrapped(whole):
        return WRAPPED_FIX
    if re.search(r"twine[/\\](?:wheel|sdist)\.py\W{1,3}line \d{1,5}, in read\b|\bBadZip[Ff]ile\b", whole):
        return UNREADABLE_FIX
    return None


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
    return STRAY_FIX if told else None


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


_IMPORT_BROKEN = re.compile(r"cannot import name '[\w.]{1,60}' from|No module named '[\w]{1,40}(?:\.[\w.]{1,60})?'", re.I)
_UPLOADER_NEAR = re.compile(r"\b(?:twine|hatch|flit|pdm)\b", re.I)
_DIST_ARTIFACT = re.compile(r"dist|wheel|sdist|python-package|pypi|packages?\b|release", re.I)
# a pin of hex digits only, of another length than a commit SHA's 40 (a short SHA, a digit added or lost)
NOT_A_SHA = re.compile(r"(?=[0-9a-f]{0,64}[a-f])(?=[0-9a-f]{0,64}\d)(?:[0-9a-f]{41,64}|[0-9a-f]{7,39})", re.I)
_REFUSED_PIN = re.compile(r"\S{1,200}@(\S{1,80}?)\.? (?:is|are) not allowed (?:to be used )?in [\w.-]{1,100}/[\w.-]{1,100}",
                          re.I)


def read(text: str, publishes: bool = False) -> LogScan:
    """The recognised errors (most specific first, each at its first line), claims and versions of a log.
    `publishes`: the repository's workflows upload to PyPI, so what a person wrote about a failed publish is
    about PyPI even when the text names nothing of a Python release."""
    cleaned = logtext.lines(text)
    whole, starts = logtext.joined(cleaned)
    found: Dict[str, LogFinding] = {}
    for p, rx in _COMPILED:
        m = rx.search(whole)
        if m:
            found[p.id] = LogFinding(p, logtext.line_at(cleaned, starts, m.start()), p.title)
    if "log-invalid-distribution" in found and unreadable_only(whole):
        found.pop("log-invalid-distribution")  # a zip of an install or another download, no file an upload read
    if "log-attestation-exists" in found and "log-invalid-distribution" in found and \
            not _RX["log-invalid-distribution"].search(_ATTESTATION_FORMAT.sub("", whole)):
        found.pop("log-invalid-distribution")  # the attestation file twine's check took for a distribution: told once
    if "log-action-bug" in found and NOT_FILES.search(whole) and LATER_ACTION.search(whole) and \
            not _RX["log-action-bug"].search(NOT_FILES.sub(" ", whole)):
        # the attestation step's check of v1.10.1 and later: the paths named are directories (v1.10.0 named files)
        bug, dists = found.pop("log-action-bug"), _BY_ID["log-no-distributions"]
        found.setdefault(dists.id, LogFinding(dists, bug.line, dists.title))
    if "log-no-distributions" in found and ARTIFACT_NOT_FOUND.search(whole) and \
            not _RX["log-no-distributions"].search(ARTIFACT_NOT_FOUND.sub(" ", whole)) and \
            not _PYTHON_RELEASE.search(ARTIFACT_NOT_FOUND.sub(" ", whole)) and \
            not _DIST_ARTIFACT.search(ARTIFACT_NOT_FOUND.search(whole).group(1)):
        found.pop("log-no-distributions")  # an artifact of another job (test reports, docs), nothing of a release
    if "log-no-distributions" in found and not _RX["log-no-distributions"].search(WEAK_NO_DISTS.sub(" ", whole)) and \
            not _PYTHON_RELEASE.search(whole):
        found.pop("log-no-distributions")  # another job's artifact download, nothing of a release
    if "log-build-tool-missing" in found and not _RX["log-build-tool-missing"].search(_ONLY_SETUPTOOLS.sub(" ", whole)) \
            and not _BUILD_RAN.search(whole):
        found.pop("log-build-tool-missing")  # setuptools missing where a program imports it, not in a build
    if "log-uploader-dependency-conflict" in found and not any(
            _UPLOADER_NEAR.search(whole[max(m.start() - 600, 0):m.end() + 200]) for m in _IMPORT_BROKEN.finditer(whole)) \
            and not _uploader_stack_refused(whole):
        found.pop("log-uploader-dependency-conflict")  # an import error of another program (a build, the project)
    refused = "log-action-not-allowed" in found and _REFUSED_PIN.search(whole)
    if refused and NOT_A_SHA.fullmatch(refused.group(1)):
        # a hex pin of another length than 40 is no commit of the action: the ref is the cause, not the allow list
        allowed, ref = found.pop("log-action-not-allowed"), _BY_ID["log-action-ref-missing"]
        found.setdefault(ref.id, LogFinding(ref, allowed.line, ref.title))
    if "log-file-exists" in found and SAID_ARTIFACT_CONFLICT.search(whole) and not _RX["log-file-exists"].search(
            " ".join(t for t in _SENTENCE_END.split(whole) if not SAID_ARTIFACT_CONFLICT.search(t))):
        # a 409 told of artifacts of one name (upload-artifact v4), not of a file already on the index
        exists, conflict = found.pop("log-file-exists"), _BY_ID["log-artifact-name-conflict"]
        found.setdefault(conflict.id, LogFinding(conflict, exists.line, conflict.title))
    if "log-nested-id-token" in found:  # GitHub tells a called job's permission as an invalid workflow: told once
        found.pop("log-workflow-invalid", None)
    if "log-gitlab-id-token-missing" in found:  # twine's GitLab wording of the same missing token, told once
        found.pop("log-id-token-unset", None)
    pending = _SAID_PENDING.search(whole) if "log-invalid-publisher" in found else None
    if pending and not _OTHER_REGISTRY.search(whole):  # the refused exchange of a pending publisher left for a
        # project that exists already: the publisher must be added on the project itself
        stale = _BY_ID["log-invalid-pending-publisher"]
        found[stale.id] = LogFinding(stale, found["log-invalid-publisher"].line, stale.title)
    if "log-trusted-publishing-disabled" in found:  # the exchange refused as switched off: no publisher was compared
        found.pop("log-invalid-publisher", None)
        host = _AUDIENCE_HOST.search(whole)
        if host and not _PYPI_SERVER.search(host.group(1) or host.group(2)) and "`not-enabled`" not in whole:
            # a 403 from another index's audience URL: that index offers no Trusted Publishing to this job
            off, none = found.pop("log-trusted-publishing-disabled"), _BY_ID["log-no-trusted-publishing-index"]
            found.setdefault(none.id, LogFinding(none, off.line, none.title))
    if "log-invalid-publisher" in found and len(found) > 1 and not _PUBLISHER_CODE.search(whole):
        # only the action's sentence that follows every refused exchange: the refusal's own code is another finding
        found.pop("log-invalid-publisher")
    if "log-id-token-unset" in found and _PDM_OIDC_TRIED.search(whole) and \
            not _RX["log-id-token-unset"].search(_PDM_NO_CREDENTIALS.sub(" ", whole)):
        # pdm asked for a username and password after its OIDC attempt, which got a token or found no CI it knows:
        # the exchange failed, or there was no OIDC to get, not a missing `id-token: write`
        found.pop("log-id-token-unset")
    if "log-metadata-unsupported" in found and _PYPI_METADATA_VERSION.search(whole) and \
            not _RX["log-metadata-unsupported"].search(_PYPI_METADATA_VERSION.sub(" ", whole)):
        # PyPI's own refusal of the Metadata-Version (it adds its `See …core-metadata` pointer): twine read the file
        refused, invalid = found.pop("log-metadata-unsupported"), _BY_ID["log-invalid-distribution"]
        found.setdefault(invalid.id, LogFinding(invalid, refused.line, invalid.title))
    missing = [m.group(1) for m in _UV_MISSING.finditer(whole)]
    uv_install = bool(missing) and not _UV_PUBLISHING.search(whole) and all(_INDEX_PAGE.search(u) for u in missing)
    if uv_install:  # uv resolving from a private index's pages: an install, no upload, nothing to tell of one
        found.pop("log-uv-missing-credentials", None)
    if "log-workflow-not-triggered" in found and len(found) > 1:
        # GitHub's rule told as background of a run that did go on to fail (an upload refused): that failure is the cause
        found.pop("log-workflow-not-triggered")
    if "log-token-rejected" in found and len(found) > 1 and \
            not _RX["log-token-rejected"].search(_PREFIX_WARNING.sub(" ", whole)):
        # the action's warning that the password does not start with `pypi-`, and maturin's closing line after any 403,
        # are no refusal of the token themselves: PyPI's own answer names the cause
        found.pop("log-token-rejected")
    if "log-token-rejected" in found and _UNIDENTIFIED.search(whole) and \
            DISTUTILS_UPLOAD.search("\n".join(t for _, t in cleaned)) and not _LOGIN_GIVEN.search(whole):
        # legacy PyPI's 401 asking for identification, to distutils' `setup.py upload` with no login in sight: it sends
        # none without a ~/.pypirc entry, so no credential was refused
        refused, missing = found.pop("log-token-rejected"), _BY_ID["log-credential-missing"]
        found.setdefault(missing.id, LogFinding(missing, refused.line, missing.title))
    nested = NESTED_IMAGE.search(whole)
    if nested and PUBLISH_ACTION_STEP.search(whole) and not found:
        ref = _BY_ID["log-action-ref-missing"]
        found[ref.id] = LogFinding(ref, logtext.line_at(cleaned, starts, nested.start()), ref.title)
    if "log-invalid-pending-publisher" in found:  # the same refused exchange, told once
        found.pop("log-invalid-publisher", None)
    if "log-direct-dependency" in found:  # PyPI words it as an invalid requires_dist value: one error, told once
        found.pop("log-invalid-distribution", None)
    if "log-credential-missing" in found and "log-token-rejected" in found and _prompt_answered(cleaned) \
            and not _EMPTY_OR_UNREAD.search(whole):
        # the password was typed at the prompt and the upload went on: the keyring's warning before the prompt is no
        # missing credential, the refused one is the cause
        found.pop("log-credential-missing")
    if "log-server-error" in found and _server_elsewhere(cleaned, found["log-server-error"].line):
        found.pop("log-server-error")  # a 5xx of another server (a devpi, a private index, a proxy): not PyPI's
    if len(found) > 1:  # a bare 400 next to a known error is that error
        found.pop("log-bad-request", None)
    if "log-image-pull-refused" in found:
        if _ACTION_IMAGE_TOLD.search(whole) and not _IMAGE_PUSHED.search(whole) \
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
        config = _BY_ID["log-uploader-config"]
        found.setdefault(config.id, LogFinding(config, lost, config.title, URL_VALUE_LOST_FIX))
    failed_install = UPLOADER_NOT_INSTALLED.search(whole)
    if failed_install and not _UPLOAD_RAN.search(whole):
        # pip, uv or poetry could not install the uploader (an index it could not reach, a blocked egress): no upload
        # ran, so the connection errors, 4xx/5xx and URLs of that install are no answer to an upload
        for fid in ("log-wrong-upload-url", "log-network", "log-ssl-verify", "log-server-error", "log-bad-request"):
            found.pop(fid, None)
        missing = _BY_ID["log-uploader-missing"]
        found.setdefault(missing.id, LogFinding(missing, logtext.line_at(cleaned, starts, failed_install.start()),
                                                missing.title))
    signed = gpg_failed(cleaned, whole) if not found else None
    if signed:  # gpg failing for `twine upload --sign`: the option order is the uploader's bug, else its configuration
        failed = _BY_ID["log-uploader-broken" if signed[1] else "log-uploader-config"]
        found[failed.id] = LogFinding(failed, signed[0], failed.title, GPG_ORDER_FIX if signed[1] else GPG_SIGN_FIX)
    ran = exec_missing(cleaned, whole) if not found else None
    if ran:  # `poetry run twine` (or a script's exec) with no twine installed
        missing = _BY_ID["log-uploader-missing"]
        found[missing.id] = LogFinding(missing, ran[0], missing.title)
    call = _INTERNAL_CALL.search(whole) if not found else None
    tool = _RELEASE_TOOL.search(whole) if call else None
    if tool and re.search(r"\btwine\b", whole, re.I):  # a release tool calling twine's internal upload() that changed
        broken = _BY_ID["log-uploader-broken"]
        found[broken.id] = LogFinding(broken, logtext.line_at(cleaned, starts, call.start()), broken.title,
                                      release_tool_fix(whole))
    if not found and _twine_type_error(cleaned):  # an old twine that fails on the file before any request
        broken = _BY_ID["log-uploader-broken"]
        found[broken.id] = LogFinding(broken, _twine_type_error(cleaned), broken.title, OLD_TWINE_FIX)
    dropped = _library_rollback(cleaned, whole, found["log-network"].line) if "log-network" in found else None
    if dropped:  # the index was reached and the connection dropped mid-request, and the log names the library release
        # going back to fixes: a release of the uploader's library broke the request (psf/requests #2929)
        network, broken = found.pop("log-network"), _BY_ID["log-uploader-broken"]
        found.setdefault(broken.id, LogFinding(broken, network.line, broken.title, dropped))
    if "log-network" in found and not _install_only(cleaned, found["log-network"].line):
        # a connection to a mistyped or retired PyPI host is the wrong URL (not a package index pip installs from)
        hosts = (next(g for g in m.groups() if g) for m in _HOST.finditer(whole))
        host = next((h for h in hosts if _wrong_pypi_host(h)), None)
        if host:
            wrong = _BY_ID["log-wrong-upload-url"]
            found.pop("log-network")
            found.setdefault(wrong.id, LogFinding(wrong, logtext.line_at(cleaned, starts, whole.find(host)), wrong.title))
    if "log-project-not-owned" in found and _OLD_SITE_REFUSED.search(whole) and _NEW_URL_TOLD.search(whole) \
            and not _NEW_URL_REFUSED.search(whole):
        # legacy PyPI's "not allowed to edit" from the retired pypi.python.org, in a text that names today's upload URL
        # beside it (told as the change that made the upload work): the URL, not the ownership (cmake-python-distributions
        # #10); with no other URL told it was the live site's ownership refusal (django-spurl #15)
        refused = found.pop("log-project-not-owned")
        wrong = _BY_ID["log-wrong-upload-url"]
        found.setdefault(wrong.id, LogFinding(wrong, refused.line, wrong.title))
    if "log-network" in found and not _install_only(cleaned, found["log-network"].line) and _NEVER_CONNECTED.search(whole):
        hosts = {next(g for g in m.groups() if g).lower().rstrip(".") for m in _HOST.finditer(whole)}
        if hosts and hosts <= set(PYPI_HOSTS):  # PyPI's own host, spelled right, that this network did not reach
            found["log-network"].fix = BLOCKED_FIX
    if "log-token-permission" in found and re.search(RULESET_REF_REFUSED, whole, re.I):
        found["log-token-permission"].fix = RULESET_FIX  # no scope lets the token past a ruleset: its bypass list does
    if "log-python-setup" in found and re.search(TLS_TOO_OLD, whole, re.I):
        # the server refused the handshake of a Python too old for TLS 1.2: whatever host or URL the failed request
        # names, no URL, network or certificate is in question
        for fid in ("log-network", "log-wrong-upload-url", "log-ssl-verify"):
            found.pop(fid, None)
        found["log-python-setup"].fix = TLS_FIX
    vers = logtext.versions(cleaned)
    if set(found) <= {"log-bad-request"} and any("+" in v for v in vers):  # the 400 of a local version
        bad = next((n for n, t in cleaned if _BAD_REQUEST.search(t)), None)
        if bad is not None:
            found.pop("log-bad-request", None)
            local = _BY_ID["log-local-version"]
            found[local.id] = LogFinding(local, bad, local.title)
    if not found:  # a lone `400 Bad Request from URL` line, with no reason after it, is the bare 400 too
        bare = _bare_400_line(cleaned, text.splitlines())
        said = _BARE_400_SENTENCE.search(whole) if bare is None and _PYPI_UPLOAD.search(whole) else None
        if said:  # a 400 quoted in a sentence about the upload ("failed with `400 Bad Request`")
            bare = logtext.line_at(cleaned, starts, said.start())
        if bare is not None:
            bad = _BY_ID["log-bad-request"]
            found[bad.id] = LogFinding(bad, bare, bad.title)
    if set(found) == {"log-bad-request"} and _wasm_wheel(cleaned, found["log-bad-request"].line):
        tag = _BY_ID["log-unsupported-platform-tag"]  # the 400 of a WebAssembly wheel PyPI takes under no such tag
        found = {tag.id: LogFinding(tag, found.pop("log-bad-request").line, tag.title)}
    claims = claims_mod.parse(cleaned)
    if not found and _CLAIMED.intersection(claims):  # claims are printed only for a token PyPI refused
        failed = _TP_FAILED.search(whole)
        if failed:
            refused = _BY_ID["log-invalid-publisher"]
            found[refused.id] = LogFinding(refused, logtext.line_at(cleaned, starts, failed.start()), refused.title)
    if not found and _SAID_ATTESTATION_FAILED.search(whole) and not _OTHER_REGISTRY.search(whole):
        # attestations PyPI did not verify, told in a sentence: more specific than the Trusted Publishing words below
        said = _said(cleaned, whole)
        if said and said[0] == "log-invalid-attestations":
            failed = _BY_ID[said[0]]
            found[failed.id] = LogFinding(failed, said[1], failed.title)
    if not found and _TP_SAID.search(_ACTION_NOTICE.sub("", whole)) and not _OTHER_REGISTRY.search(whole):
        # what people write about a refused exchange (npm, crates.io and RubyGems have Trusted Publishing too)
        cue = _TP_CUE.search(whole)
        if cue:
            refused = _BY_ID["log-invalid-publisher"]
            found[refused.id] = LogFinding(refused, logtext.line_at(cleaned, starts, cue.start()), refused.title)
    if not found:  # a 403 with no reason line from a PyPI upload: refused credentials, or none sent
        bare = _BARE_403.search(whole)
        if bare and _PYPI_UPLOAD.search(whole):
            refused = _BY_ID["log-token-rejected"]
            found[refused.id] = LogFinding(refused, logtext.line_at(cleaned, starts, bare.start()), refused.title)
    prompt = _prompt_at_end(cleaned)
    if prompt is None and not found:  # a traceback raised while the uploader gathered the username or password
        prompt = _credential_traceback(cleaned)
    if not found and prompt is not None:  # the uploader waited for a username or password nobody typed
        missing = _BY_ID["log-credential-missing"]
        found[missing.id] = LogFinding(missing, prompt, missing.title)
    no_renderer = RENDERER_MISSING.search(whole) if not found and _TWINE_CHECK.search(whole) else None
    if no_renderer:  # readme_renderer without its Markdown extra, under a `twine check` that failed: the check's
        # renderer is missing (ciena/afkak #73), nothing of the README itself is named
        invalid = _BY_ID["log-description-invalid"]
        found[invalid.id] = LogFinding(invalid, logtext.line_at(cleaned, starts, no_renderer.start()), invalid.title)
    fixed_by = action_fixed(cleaned) if not found and _PYTHON_RELEASE.search(whole) else None
    if fixed_by:  # a publish action's bug, told as fixed by the action's newer release
        bug = _BY_ID["log-action-bug"]
        found[bug.id] = LogFinding(bug, fixed_by[0], bug.title, action_fixed_fix(*fixed_by[1:]))
    left = SAID_ATTESTATIONS_LEFT.search(whole) if not found else None
    if left and (publishes or _PYTHON_RELEASE.search(whole)) and not _OTHER_REGISTRY.search(whole):
        exists = _BY_ID["log-attestation-exists"]  # a first publish step's attestation files told as what broke the second
        found[exists.id] = LogFinding(exists, logtext.line_at(cleaned, starts, left.start()), exists.title)
    if not found and not uv_install and not _OTHER_REGISTRY.search(whole) and (publishes or _PYTHON_RELEASE.search(whole)):
        said = _said(cleaned, whole)  # what a person wrote about the failure instead of pasting it: read only where
        # something says it is a Python release (Maven Central, Open VSX, a Chrome extension fail in sentences too)
        if said:
            fid = "log-sdist-exists" if said[0] == "log-file-exists" and TWO_SDISTS.search(whole) else said[0]
            pattern = _BY_ID[fid]  # two sdist formats for one version: the second sdist is what PyPI refused
            found[pattern.id] = LogFinding(pattern, said[1], pattern.title)
    if set(found) == {"log-bad-request"} and not _OTHER_REGISTRY.search(whole):  # a sentence may tell the 400's reason
        said = _said(cleaned, whole)
        if said and said[0] not in ("log-token-rejected", "log-wrong-upload-url"):
            pattern = _BY_ID[said[0]]
            found = {pattern.id: LogFinding(pattern, found["log-bad-request"].line, pattern.title)}
    tree = nested_tree(text) if not found and _TOLD_WRONG.search(whole) and _PYTHON_RELEASE.search(whole) else None
    if tree:  # the files drawn one folder too deep under `dist/`, told as what went wrong
        dists = _BY_ID["log-no-distributions"]
        found[dists.id] = LogFinding(dists, tree[0], dists.title, NESTED_TREE_FIX.format(", ".join(tree[1])))
    sent = linux_wheel_sent(cleaned, whole) if not found else None
    if sent is not None:  # the log stops before PyPI's answer, after a plain `linux_*` wheel went to the upload
        tag = _BY_ID["log-unsupported-platform-tag"]
        found[tag.id] = LogFinding(tag, sent, tag.title, LINUX_SENT_FIX)
    if found and _OTHER_REGISTRY.search(whole) and not _PYTHON_RELEASE.search(whole):
        found = {}  # another registry's text that PyPI's resembles (anaconda.org's "File already exists")
    findings = sorted(found.values(), key=lambda f: ORDER.index(f.pattern.id))
    if "log-invalid-distribution" in found:
        found["log-invalid-distribution"].fix = stray_file(whole) or unreadable_file(whole) or (
            SUMMARY_LONG_FIX if summary_too_long(whole) else None)
    if "log-unsupported-platform-tag" in found:
        found["log-unsupported-platform-tag"].fix = found["log-unsupported-platform-tag"].fix or platform_fix(whole)
    for fid in ("log-secret-empty", "log-credential-missing"):
        if fid in found and _SEMANTIC_RELEASE_ENV.search(whole):
            found[fid].fix = SEMANTIC_RELEASE_ENV_FIX
    capped = twine_capped_by_tool(whole) if "log-metadata-unsupported" in found else None
    if capped:  # the twine that refuses the metadata is the release tool's own, pinned by it
        found["log-metadata-unsupported"].fix = tool_cap_fix(capped)
    if "log-file-exists" in found and _stale_dist(whole):
        found["log-file-exists"].fix = STALE_FIX
    if "log-no-distributions" in found and SAID_NO_RELEASE.search(whole):
        found["log-no-distributions"].fix = NOTHING_BUILT_FIX
    elif "log-no-distributions" in found and BUILT_UNREGISTERED.search(whole):
        found["log-no-distributions"].fix = BUILT_UNREGISTERED_FIX  # built in the same command: no artifact to fetch
    elif "log-no-distributions" in found and MOVED_NOTHING.search(whole):
        found["log-no-distributions"].fix = MOVED_NOTHING_FIX
    elif "log-no-distributions" in found and OPTION_AS_FILE.search(whole):
        found["log-no-distributions"].fix = OPTION_AS_FILE_FIX
    elif "log-no-distributions" in found and NESTED_DIST.search(whole):
        found["log-no-distributions"].fix = NESTED_DIST_FIX
    if "log-sdist-filename" in found and escaped_name_refused(whole):
        found["log-sdist-filename"].fix = ESCAPED_NAME_FIX
    if "log-uploader-broken" in found and MATURIN_MIXED.search(whole):
        found["log-uploader-broken"].fix = MATURIN_MIXED_FIX
    elif "log-uploader-broken" in found and REGISTER_RETIRED.search(whole):  # no bug: an API PyPI retired
        found["log-uploader-broken"].fix = REGISTER_FIX
    if "log-token-rejected" in found and password_login(whole):  # a username and password, not a secret's token
        found["log-token-rejected"].message = PASSWORD_REFUSED
        found["log-token-rejected"].fix = PASSWORD_REFUSED_FIX.format(_TWINE_IN_PLACE if DISTUTILS_UPLOAD.search(whole) else "")
    if "log-uploader-missing" in found and SETUP_UPLOAD_GONE.search(whole):  # not a tool to install: a command gone
        found["log-uploader-missing"].fix = SETUP_UPLOAD_GONE_FIX
    elif "log-uploader-missing" in found and VENV_TOLD.search(whole) and not UPLOADER_NOT_INSTALLED.search(whole):
        found["log-uploader-missing"].fix = VENV_FIX  # installed, but in another environment than the deploy's
    if "log-uploader-dependency-conflict" in found and re.search(UPLOADER_MODULE_MISSING, whole):
        found["log-uploader-dependency-conflict"].fix = UPLOADER_MODULE_FIX  # no version conflict: the module is missing
    elif "log-uploader-dependency-conflict" in found and re.search(URLLIB3_OLD_SSL, whole):
        found["log-uploader-dependency-conflict"].fix = URLLIB3_OLD_SSL_FIX
    elif "log-uploader-dependency-conflict" in found and re.search(POETRY_CORE_MOVED, whole):
        found["log-uploader-dependency-conflict"].fix = POETRY_PLUGIN_FIX
    if "log-build-tool-missing" in found and re.search(PLUGIN_OPTION_IGNORED, whole):
        found["log-build-tool-missing"].fix = PLUGIN_OPTION_FIX  # the plugin setup() names, not `build`
    shown = uv_index_shown("\n".join(t for _, t in cleaned)) if "log-uploader-config" in found else None
    if "log-uploader-config" in found and SAID_SECRET_SPECIAL.search(whole) and _SHELL_TOLD.search(whole):
        found["log-uploader-config"].message = "The shell split or read the secret on the upload's command line"
        found["log-uploader-config"].fix = QUOTED_SECRET_FIX  # told: the shell split or read the secret
    if shown is not None:  # uv cannot find an index the log shows defined with its publish URL
        found["log-uploader-config"].fix = UV_EXPLICIT_FIX if shown else UV_INDEX_SHOWN_FIX
    if "log-description-invalid" in found and SETUP_UPLOAD_WARNED.search(whole):
        found["log-description-invalid"].fix = DISTUTILS_DESCRIPTION_FIX  # the upload command first, then the file
    if "log-description-invalid" in found and RENDERER_MISSING.search(whole):  # the check's renderer, not the README
        found["log-description-invalid"].fix = RENDERER_MISSING_FIX
    key = misspelt_content_type(whole) if "log-description-invalid" in found else None
    if key:  # no content type declared because its key is misspelt: the key, not the markup
        found["log-description-invalid"].fix = misspelt_content_type_fix(key)
    literal = tag_unexpanded(cleaned) if "log-local-version" in found else None
    if literal:  # the tag named after a variable the shell never expanded: the quoting, not the trigger, is the cause
        found["log-local-version"].fix = unexpanded_tag_fix(*literal)
    if "log-project-not-owned" in found and _SAID_ROLE_MISSING.search(whole):
        found["log-project-not-owned"].fix = ROLE_MISSING_FIX  # told: the account needs a role, not another name
    if "log-project-not-owned" in found and NAME_HELD_NO_PAGE.search(whole):
        found["log-project-not-owned"].fix = NAME_HELD_FIX  # a name held without releases: its transfer, or a rename
    tool = release_tool_url(whole) if "log-wrong-upload-url" in found else None
    if tool:  # a release tool ran twine with its own default URL: the tool's setting, not the user's
        found["log-wrong-upload-url"].fix = release_tool_url_fix(tool)
    if "log-server-error" in found and SAID_EVERY_TIME.search(whole) and _INTERNAL_500.search(whole):
        found["log-server-error"].fix = REPEATED_500_FIX
    if "log-file-too-large" in found and said_project_total(whole):
        found["log-file-too-large"].fix = PROJECT_SIZE_FIX
    if "log-upload-form-refused" in found and SIGNATURE_REFUSED.search(whole):
        found["log-upload-form-refused"].fix = SIGNATURE_FIX
    if "log-wrong-upload-url" in found and LEGACY_PYPI_5XX.search(whole) and "log-server-error" in found:
        # twine's own reading of the old site's 500: upload to the new URL, no incident to wait out
        findings.remove(found.pop("log-server-error"))
    if "log-name-not-allowed" in found and findings[0].pattern.id in ("log-invalid-publisher",
                                                                       "log-invalid-pending-publisher"):
        # no publisher can be registered for a name PyPI refuses: the refused name explains the refused exchange
        findings.insert(0, findings.pop(findings.index(found["log-name-not-allowed"])))
    if len(findings) > 1:  # a failure the text says is fixed already goes after the ones still failing
        fixed = [f for f in findings if said_fixed(cleaned, f)]
        if len(fixed) < len(findings):
            findings = [f for f in findings if f not in fixed] + fixed
    unseen = generic_failures.tags_unseen(whole, bool(_PYTHON_RELEASE.search(whole))) if not findings else None
    if unseen:  # told in a sentence: the build saw no tags, so the version plugin fell back (beside a re-upload it
        # caused, the re-upload's advice tells it)
        git = _BY_ID["log-git-version"]
        findings = [LogFinding(git, logtext.line_at(cleaned, starts, unseen.start()), git.title)]
    if not findings:
        generic = generic_failures.read(cleaned, text.splitlines())
        findings = [generic] if generic else []
    return LogScan(findings, claims, vers, cleaned,
                   [] if findings else logtext.last_error_lines(cleaned, raw=text.splitlines()))


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


def gpg_failed(cleaned: List[Tuple[int, str]], whole: str) -> Optional[Tuple[int, bool]]:
    """(line, whether gpg took an option for a file) of gpg failing to sign for the uploader; None otherwise."""
    raw = "\n".join(t for _, t in cleaned)
    line = next((n for n, t in cleaned if GPG_FAILED.search(t)), None)
    option = GPG_OPTION_AS_FILE.search(whole) is not None
    if line is None or not (option or _UPLOADER_SIGNS.search(raw)) or _OTHER_SIGNER.search(whole) or \
            _OTHER_REGISTRY.search(whole):
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
_INSTALL_STEP = re.compile(r"Looking in indexes|/simple/|\bpip\d?(?:\.exe)? install\b|\buv pip install\b|\buv tool install\b|"
                           r"\bpoetry (?:install|add)\b|^\s*Collecting\s|No matching distribution found for|"
                           r"Could not find a version that satisfies the requirement|Retrying \(Retry\(", re.I)
_UPLOAD_RAN = re.compile(r"^\s*Uploading (?:distributions to|\S{1,300}\.(?:whl|tar\.gz|zip)\b)|Uploading \S{1,300}\.whl\b",
                         re.I | re.M)


# a .tar.gz and a .zip sdist of one version, named together
TWO_SDISTS = re.compile(r"\btar\.gz\W{0,4}\s(?:and|or|plus|&)\s\W{0,4}\.?zip\b|\bzip\W{0,4}\s(?:and|or|plus|&)\s\W{0,4}\.?tar\.gz\b",
                        re.I)
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


def _twine_type_error(cleaned: List[Tuple[int, str]]) -> Optional[int]:
    """The line of twine's `TypeError: expected string or bytes-like object` (Python 2: `… or buffer`) raised within the
    five lines after `twine upload` (an old twine on a new file, before any request reached the index), or told in a
    sentence that names a newer (or an old) twine or pkginfo beside it."""
    for n, t in cleaned:
        if TYPE_ERROR.search(t) and any(_TWINE_RAN.search(u) for k, u in cleaned if n - 5 <= k < n):
            return n
    for n, t in _unwrapped(cleaned):
        if any(TYPE_ERROR.search(s) and _NEWER_TWINE.search(s) for s in _SENTENCE_END.split(t)):
            return n
    return None


# a connection the server dropped after the request was sent (the index was reached), as against one never made
_DROPPED = re.compile(r"\bBadStatusLine\b|\bRemoteDisconnected\b|Connection reset by peer|ConnectionResetError|"
                      r"Connection aborted", re.I)
_NOT_REACHED = re.compile(r"Connection refused|ConnectionRefusedError|Name or service not known|nodename nor servname|"
                          r"getaddrinfo failed|name resolution|NewConnectionError|Failed to establish a new connection|"
                          r"timed out|ProxyError|dns error", re.I)
# a release of a library told as what going back to fixes ("rollback to 2.8.1 solves the issue", "downgrading requests
# to 2.8.1 fixed it"); the library, where the sentence names one the uploader runs on
SAID_ROLLBACK = re.compile(r"\b(?:roll(?:ing|ed|s)?[ -]?back|downgrad\w{0,3}|revert\w{0,3}|pinn\w{0,3}|go(?:ing|es)? back|"
                           r"went back)\b(?:\s(?!to\b)[\w.`-]{1,40}){0,3}?\s(?:to|at)\s`?v?(\d{1,3}\.\d{1,3}(?:\.\d{1,3})?)\b"
                           + r"(?:[^.]|\.(?=\w)){0,60}?\b(?:solv|fix|work|help|resolv|cur)\w{0,3}\b", re.I)
_UPLOAD_LIBRARY = re.compile(r"\b(requests-toolbelt|requests_toolbelt|requests|urllib3|pkginfo|twine|keyring|"
                             r"readme[-_]renderer|rfc3986)\b", re.I)


def _library_rollback(cleaned: List[Tuple[int, str]], whole: str, line: int) -> Optional[str]:
    """The fix where the connection error at `line` is the server dropping a request it received (`BadStatusLine`,
    reset by peer; nothing of a connection never made) and the log tells going back to a release as what fixes it:
    that release of the library, named where the sentence names one."""
    at = next((t for n, t in cleaned if n == line), "")
    said = SAID_ROLLBACK.search(whole)
    if not said or not _DROPPED.search(at) or _NOT_REACHED.search(whole):
        return None
    library = _UPLOAD_LIBRARY.search(whole[max(said.start() - 80, 0):said.end()])
    version = said.group(1)
    pin = f"`pip install '{library.group(1).lower()}=={version}'`" if library else f"its release {version}"
    return (f"Pin the library the log says going back to fixes the upload ({pin}) where the upload runs, or upgrade "
            "twine and requests-toolbelt to releases made for the newer one; the index was reached and the network is "
            "not at fault.")


# uv's refusal of `--index <name>`, and a `[[tool.uv.index]]` table shown in the log (up to the next table)
_UV_INDEX_REFUSED = re.compile(r"(?:No indexes were found, can't use index|Index not found): `([^`\s]{1,100})`")
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
    refused = _UV_INDEX_REFUSED.search(whole)
    if not refused:
        return None
    for m in _UV_INDEX_TABLE.finditer(whole):
        body = m.group(1)
        if re.search(r"^\s*name\s*=\s*[\"']" + re.escape(refused.group(1)) + r"[\"']", body, re.M) and \
                re.search(r"^\s*publish-url\s*=", body, re.M):
            return bool(re.search(r"^\s*explicit\s*=\s*true\b", body, re.M))
    return None


# a call into twine's `upload()` with an argument list it no longer takes (Python 2's and Python 3's words), and the
# release tools that made such calls (zest.releaser's `retry_twine`, python-semantic-release's `upload_to_pypi`)
_INTERNAL_CALL = re.compile(r"TypeError: upload\(\) (?:takes (?:exactly |at least |at most )?\d{1,2} (?:positional )?"
                            r"arguments? \(\d{1,2} given\)|takes \d{1,2} positional arguments? but \d{1,2} (?:were|was) "
                            r"given|missing \d{1,2} required (?:positional |keyword-only )?arguments?|got an unexpected "
                            r"keyword argument)")
_RELEASE_TOOL = re.compile(r"\bzest[./]releaser\b|\bsemantic[_-]release\b", re.I)
_TWINE_NAMED_VERSION = re.compile(r"\btwine\b[^\n.]{0,40}?\(?v?(\d{1,2}\.\d{1,2}(?:\.\d{1,3})?)", re.I)


def release_tool_fix(whole: str) -> str:
    """The fix where a release tool called twine's internal `upload()` with an older argument list: the tool and the
    twine it was written for, with the twine release the log names."""
    tool = _RELEASE_TOOL.search(whole).group(0).lower().replace("/", ".").replace("_", "-")
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


def _install_only(cleaned: List[Tuple[int, str]], line: int) -> bool:
    """Whether the connection error at `line` belongs to an install step (pip resolving packages from an index) in a log
    where no upload ran: the line or one of the three around it is an install step's."""
    whole = "\n".join(t for _, t in cleaned)
    if _UPLOAD_RAN.search(whole):
        return False
    return any(_INSTALL_STEP.search(t) for n, t in cleaned if line - 3 <= n <= line + 3)


# the hosts of PyPI and TestPyPI (uploads, pages, files, the status page); a server error answered by another host is
# that host's
_PYPI_SERVER = re.compile(r"(?:^|\.)(?:pypi\.org|pypi\.python\.org|pythonhosted\.org|pypi\.io)$|"
                          r"^status\.python\.org$", re.I)  # PyPI's status page, which the action's exchange names
_URL_HOST = re.compile(r"https?://([\w.-]{1,200})|host='([\w.-]{1,200})'", re.I)
_RUN_LINK = re.compile(r"https?://github\.com/[^\s]{1,200}/(?:actions/runs|runs|jobs|pull|issues)/", re.I)


def _server_elsewhere(cleaned: List[Tuple[int, str]], line: int) -> bool:
    """Whether the server error at `line` was answered by a host that is not PyPI's: the nearest host named on that
    line, or else on the three lines before it (the request it answers: devpi's `PUSH https://devpi.example/…`), is
    another one. A link to a CI run or an issue names no server."""
    near = [t for n, t in cleaned if line - 3 <= n <= line]
    for text in reversed(near):
        hosts = [a or b for m in [_RUN_LINK.sub(" ", text)] for a, b in _URL_HOST.findall(m)]
        if hosts:
            return not _PYPI_SERVER.search(hosts[-1].rstrip("."))
    return False


_CLAIMED = {"sub", "workflow_ref", "job_workflow_ref", "repository_owner_id"}
_TP_FAILED = re.compile(r"trusted publishing[^.]{0,60}?\bfail|\bfail\w{0,4}[^.]{0,60}?trusted publishing", re.I)
_TP_SAID = re.compile(r"\btrusted[ -]publish", re.I)
_OTHER_REGISTRY = re.compile(r"registry\.npmjs\.org|\bnpm (?:error|ERR!|publish)\b|\bnpmjs\b|crates\.io|\bcargo publish\b|"
                             r"rubygems|\bgem push\b|\bgem versions?\b|\bnuget\b|\bdocker (?:push|login)\b|\bdocker hub\b|"
                             r"registry-1\.docker\.io|anaconda\.org|\banaconda (?:upload|-t)\b|\.tar\.bz2\b|\.conda\b|"
                             r"\bhelm (?:push|chart)\b|\bpush(?:ing)? (?:the )?chart\b|\bghcr\.io/(?!pypa/)",
                             re.I)
_ACTION_NOTICE = re.compile(r"Trusted Publishers allows publishing packages to PyPI from automated environments", re.I)
# in a log that speaks of Trusted Publishing, what only a refused exchange comes with: a claims mismatch, uv's 422, a
# reusable workflow, a renamed workflow file
TP_CUE = (r"\bclaims?(?: set)? mismatch|\bmismatch\w{0,3} (?:of|in|between|with)\b[^.]{0,30}\bclaims|"
          r"\bclaims? (?:do|did|does)(?:n't| not) match|Unprocessable Entity|\b(?:error|status|code|returned|got|"
          r"with|an?)\W{1,3}422\b|\b422\W{1,3}(?:on|from|error|when|while|at) (?:the )?(?:publish|upload|exchange|"
          r"token)|\bre-?usable[- ]workflows?\b|"
          r"\bworkflow_call\b|\brenam\w{0,4}\b[^.]{0,80}?\.ya?ml\b|\bname of the workflow(?: file)?\b|"
          r"\.ya?ml`?\s{0,3}(?:to|->|→)\s{0,3}`?[\w.-]{1,100}\.ya?ml\b")
_TP_CUE = re.compile(TP_CUE, re.I)
_BARE_403 = re.compile(r"\b403 Forbidden\b(?! ?(?:from \S{1,300} )?[A-Za-z'(])|\b403 Forbidden from \S{1,300}\s*$|"
                       # twine's 403 line quoted in a sentence, closed by its quote right after PyPI's upload URL
                       r"\b403 Forbidden from https?://(?:upload\.pypi\.org|test\.pypi\.org)/legacy/?[`'\"]|"
                       r"(?:upload|publish)\w{0,3}\b[^.]{0,60}?\b(?:rejected|refused|failed) with\W{0,4}403\b|"
                       r"\b403(?:'?s)?\W{0,3}(?:when|while|on|during) (?:\w+ ){0,2}(?:upload|publish)", re.I)
_PYPI_UPLOAD = re.compile(r"pypi|\btwine\b|/legacy/", re.I)  # another registry's 403 is not PyPI's
# What a log of a Python package's release names somewhere: the index, an uploader, the publish action, Trusted
# Publishing or its token, a distribution file or a build of one. A log that names another registry and none of
# these is that registry's, even where its text is PyPI's too (anaconda.org's "File already exists").
_PYTHON_RELEASE = re.compile(r"pypi|\btwine\b|/legacy/|warehouse|\b(?:uv|poetry|pdm|hatch|hatchling|flit|maturin|"
                             r"setuptools|setuptools[-_]scm|versioneer|pip|tox|nox)\b|trusted[ -]publish|\bid[-_]token\b|"
                             r"\boidc\b|\.whl\b|\.tar\.gz\b|\bsdist\b|\bwheels?\b|setup\.py|setup\.cfg|pyproject|"
                             r"python|attestation|gh-action-pypi-publish|__token__|create-docker-action\.py|"
                             r"\bCreate Docker (?:container )?action\b|"
                             r"\S @ (?:git\+|https?://)", re.I)  # a PEP 508 direct reference (`foo @ git+https://…`)

_PROMPT = re.compile(r"Enter your (?:username|password|API token):\s*$", re.I)
_HOST = re.compile(r"host='([\w.-]{1,200})'|Uploading distributions to https?://([\w.-]{1,200})|"
                   r"(?:POST request|publish `[^`]{1,300}` to|for url:?) `?https?://([\w.-]{1,200})", re.I)
PYPI_HOSTS = ("upload.pypi.org", "test.pypi.org")
# the refused project told as having no page ("the url 404s", "checked that it doesn't exist"): a project without
# releases holds the name and shows no page (pypi/support #167); an admin transfers an unused name on a PEP 541 request
NAME_HELD_NO_PAGE = re.compile(r"(?:pypi\.org/project/|\bproject page|\bpage\b|\burl\b)[^.\n]{0,60}?\b(?:404s?|"
                               r"does(?:n't| not) exist|(?:is |was )?not found)\b|\b(?:check\w{0,2}|verif\w{1,4}|"
                               r"confirm\w{0,2}|made sure)\s(?:that\s)?(?:it|the (?:name|project))\s(?:does(?:n't| not) exist|"
                               r"is (?:free|available|not taken))\b", re.I)
ROLE_MISSING_FIX = ("Have an owner add the upload account as a maintainer of the project on PyPI (the project's "
                    "Collaborators settings), then re-run the failed upload jobs.")
NAME_HELD_FIX = ("Ask PyPI's admins for the name with a PEP 541 request at https://github.com/pypi/support (a project "
                 "without releases, or an abandoned one, can be transferred), or rename the distribution in "
                 "pyproject.toml.")
# an upload refused by the retired pypi.python.org (or testpypi.python.org), and today's upload URL told in the same text,
# not as the URL a refused upload went to
_SENT_TO = r"(?:for url:?|\bfrom|Uploading distributions to|Submitting \S{1,300} to)\s{0,3}"  # the URL an upload went to
_OLD_SITE_REFUSED = re.compile(_SENT_TO + r"https?://(?:test)?pypi\.python\.org/pypi/?(?![\w/.-])", re.I)
_NEW_URL = r"https?://(?:upload|test)\.pypi\.org/legacy\b"
_NEW_URL_TOLD = re.compile(_NEW_URL, re.I)
_NEW_URL_REFUSED = re.compile(_SENT_TO + _NEW_URL, re.I)


# PyPI's 410 to the `register` call it retired (its wordings since 2016), answered to an uploader that still makes it
REGISTER_RETIRED = re.compile(r"pre-registration is no longer required|This API is no longer supported, instead simply "
                              r"upload|\b410\b\W{1,20}register\b|\bregister\b\W{1,20}\b410\b", re.I)
REGISTER_FIX = ("Drop the `register` step (`twine register`, `setup.py register`) and upload the files (`twine upload "
                "dist/*`): PyPI creates a project with its first upload; a tool that still calls `register` itself is too "
                "old: upgrade it, or upload with twine or uv.")
# an upload of the password era: distutils' `setup.py upload`, or a ~/.pypirc or a username and password told, with no
# API token or CI secret named anywhere: what PyPI refused is that login, not a token in a secret
_TOKEN_NAMED = re.compile(r"__token__|\bpypi-[\w-]{8}|\btokens?\b|\bsecrets?\b|\$\{\{", re.I)
_PASSWORD_LOGIN = re.compile(r"\.pypirc\b|\b(?:my|our|account|pypi)\s(?:username\s(?:and\s|/)?)?passwords?\b", re.I)
PASSWORD_REFUSED = "PyPI refused the username and password the upload sent, not a CI secret's token"
PASSWORD_REFUSED_FIX = ("Upload with an API token{}, with the username `__token__` and the token as the password "
                        "(in the `[pypi]` section of ~/.pypirc, read only under exactly that name, or in "
                        "`TWINE_USERNAME`/`TWINE_PASSWORD`): PyPI takes no account password for uploads since 2024.")
_TWINE_IN_PLACE = ": `twine upload dist/*` in place of `setup.py upload` (gone from setuptools)"


def password_login(whole: str) -> bool:
    """A refused login that is a username and password (distutils' upload, ~/.pypirc, a person's own words) in a
    text that names no API token or CI secret: the refusal's advice must be about that login, not a secret's token."""
    return bool((DISTUTILS_UPLOAD.search(whole) or _PASSWORD_LOGIN.search(whole)) and not _TOKEN_NAMED.search(whole)
                and not re.search(r"\bpoetry\b", whole, re.I))  # Poetry sends none when none is configured


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
_INTERNAL_500 = re.compile(r"\b500\b[:\"')]? ?(?:Server Error:? )?Internal Server Error|\(500\)|status code 500\b|"
                           r"HTTP Error 500\b", re.I)
REPEATED_500_FIX = ("A 500 on every attempt for one package is PyPI failing on something of that package, most often its "
                    "metadata (a very long or unusual long description): run `twine check dist/*`, try the upload with a "
                    "shorter description to find it, and report it at https://github.com/pypi/support with the "
                    "package's name; https://status.python.org shows whether PyPI itself is down.")
# a connection never made: the name did not resolve, or the host refused or reset it before any answer
_NEVER_CONNECTED = re.compile(r"Name or service not known|nodename nor servname|getaddrinfo failed|Temporary failure in name "
                              r"resolution|Connection refused|Network is unreachable|No route to host|dns error", re.I)
BLOCKED_FIX = ("Re-run once (a runner's name lookup can fail for a moment); if it fails again, this network blocks or "
               "cannot resolve PyPI's own upload host (spelled right in the log): a work or school firewall, or a network "
               "that needs a proxy; upload from another network such as CI, or through the proxy (`HTTPS_PROXY`).")


def _wrong_pypi_host(host: str) -> bool:
    """A host named like PyPI that is not one of its upload hosts (upload.pypi.io, upload.test.pypi.org, …)."""
    return bool(host) and "pypi" in host.lower() and host.lower() not in PYPI_HOSTS


# a 400 quoted in a sentence about the upload; twine's own `400 Bad Request from <url>` line is no sentence (its reason
# follows it), and the `upload` of `upload.pypi.org` is no word of one
_BARE_400_SENTENCE = re.compile(r"\b400\W{0,3}bad request\b(?!\W{0,3}(?:from|for url)\b)[^.]{0,80}?\b(?:upload|publish)"
                                r"\w{0,4}\b(?![/-]|\.\w)|"
                                r"\b(?:upload|publish)\w{0,3}\b(?![/-]|\.\w)[^.]{0,60}?\b(?:reject\w{0,3}|refus\w{0,3}|fail\w{0,3}) with"
                                r"\W{0,4}(?:an? )?\W{0,2}400\b", re.I)
# WebAssembly wheels PyPI refuses: `emscripten_*` and `pyodide_*` tags (it takes PEP 783's `pyemscripten_*` since 2026-04)
WASM_WHEEL = re.compile(r"[\w.+-]{1,200}?-(?:emscripten|pyodide)_\w{1,60}\.whl\b", re.I)
_WASM_WORDS = re.compile(r"\b(?:wasm|wasm32|webassembly|emscripten|pyodide)[- ]wheels?\b", re.I)
_UPLOADING = re.compile(r"^\s*Uploading (\S{1,300}\.(?:whl|tar\.gz|zip))\b")


def _wasm_wheel(cleaned: List[Tuple[int, str]], line: int) -> bool:
    """Whether the bare 400 at `line` answered a WebAssembly wheel: the last file uploaded before it is one, or the
    sentence that reports the 400 names such wheels."""
    uploading = [m.group(1) for n, t in cleaned if n <= line for m in [_UPLOADING.match(t)] if m]
    if uploading:
        return bool(WASM_WHEEL.fullmatch(uploading[-1]))
    said = " ".join(t for n, t in cleaned if n == line)
    return bool(_WASM_WORDS.search(said) or WASM_WHEEL.search(said))


_LONE_400 = re.compile(r"\b400 (?:Client Error: )?Bad Request (?:from|for url:?) \S{1,300}\s*$", re.I)


def _bare_400_line(cleaned: List[Tuple[int, str]], raw: List[str]) -> Optional[int]:
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
_CREDENTIAL_FRAME = re.compile(r"\bcreate_repository\(|\bin create_repository\b|[/\\]twine[/\\]auth\.py\b|"
                               r"\bget_userpass_value\b|\bgetpass\b|\bin (?:username|password)\b", re.I)


def _credential_traceback(cleaned: List[Tuple[int, str]]) -> Optional[int]:
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
    if _PROMPT_THEN_TRACEBACK.search(cleaned[i][1]) or any(_CREDENTIAL_FRAME.search(t) for t in frames):
        return cleaned[i][0]
    return None


# inside one sentence: any character but the full stop that ends it (the dots of `4.0.2` or `setup.py` are no end);
# the patterns below reach across words with `IN_SENTENCE + r"{0,40}?"`, never past a sentence's end
IN_SENTENCE = r"(?:[^.]|\.(?=\w))"

# A failure told in a sentence: one that speaks of PyPI or the upload and says it failed, read by what it names.
# The words are classes, not phrases: what PyPI, twine, uv, poetry, pdm, hatch, flit, maturin and the publish action
# print ("failed", "rejected", "refused", "not allowed", "Forbidden", "Conflict", "too large") and how people retell
# it ("PyPI blocks uploads that…", "won't be able to", "didn't go through", "is hitting the limit", "collides with").
_ABOUT_UPLOAD = re.compile(r"\bpypi\b|\btwine\b|\b(?:upload|publish|push|deploy)\w{0,4}\b|"
                           r"\b(?:uv|poetry|pdm|hatch|flit|maturin) publish\b", re.I)
# a release job, workflow or pipeline told as what failed: it may also be a GitHub release, a tag, a Docker image, so
# a sentence that names only it is read for the objects only an upload to PyPI has (the README, a local version, a
# classifier…), not for an existing version, a name, credentials or a URL (`_Said.upload_named`)
_ABOUT_RELEASE = re.compile(r"\breleas(?:e|ing)[ -](?:jobs?|workflows?|steps?|pipelines?|actions?|process|ci|builds?)\b",
                            re.I)
# a change told as what makes the upload work again: "fix the PyPI upload", "this PR fixes the publish step by …",
# "drop the local part so that TestPyPI accepts the upload" (the failure is told by the fix)
_UPLOAD_WORD = r"\b(?:(?:test)?pypi|upload\w{0,4}|publish\w{0,4}|releas(?:e|es|ing)|deploy\w{0,4})\b"
_CHANGE_SAID = re.compile(r"\b(?:fix\w{0,4}|repair\w{0,3}|unbreak\w{0,3})\b" + IN_SENTENCE + r"{0,40}?" + _UPLOAD_WORD + "|"
                          + _UPLOAD_WORD + r"\s(?:fix\w{0,3}|repair)\b|"
                          r"\b(?:so(?: that)?|to (?:let|allow|make|get)|in order (?:to|for|that))\b" + IN_SENTENCE
                          + r"{0,60}?" + _UPLOAD_WORD + r"(?:\s[\w.-]+){0,3}?\s(?:accepts?|allows?|takes?|works?|"
                          r"succeeds?|pass(?:es)?|goes through)\b", re.I)
# a negation: "does not", "won't", "can't", "couldn't", "is not", "never", "no longer", "unable to", "not able to"
NEGATION = (r"(?:\b(?:does|did|do|would|could|will|wo|is|was|are|were|ca|should|has|have|had)n[’']?t\b|"
            r"\b(?:does|did|do|would|could|will|is|was|are|were|can|has|have|had) not\b|\bcannot\b|\bnever\b|"
            r"\bno longer\b|\b(?:un|not |no longer )able to\b)")
# what a negation denies when it tells a refusal: the index taking, allowing or letting, or the upload happening
_DENIED = (r"(?:let|allow|accept|take|permit|support|correct|work|publish|upload|re-?upload|release|deploy|push|pass|succeed|go|"
           r"make it|get|be (?:uploaded|published|accepted|released|pushed|deployed|allowed|able))\w{0,4}\b")
_FAILED_SAID = re.compile(
    NEGATION + r"(?:\s+\w+){0,2}?\s+" + _DENIED + "|"
    # verbs and nouns of failure and refusal
    r"\bfail\w{0,4}\b|\berrors?\b|\berr(?:ed|ored)\b|\breject\w{0,3}\b|\brefus\w{0,3}\b|\bblock\w{0,3}\b|"
    r"\bden(?:y|ies|ied|ial)\b|\bforbid\w{0,3}\b|\bdisallow\w{0,3}\b|\bprevent\w{0,3}\b|\bstop(?:s|ped|ping)?\b|"
    r"\bbr(?:eak|eaks|eaking|oke|oken)\b|\bbounc\w{1,3}\b|\bchok\w{1,3}\b|\bcomplain\w{0,3}\b|\bcrash\w{0,3}\b|"
    r"\babort\w{0,3}\b|\bcollid\w{1,3}\b|\bcollision\b|\bconflict\w{0,3}\b|\bburn(?:ed|t)\b|\bstack ?trace\b|"
    r"\bexpired\b|\brevoked\b|"
    # a trouble named by what it struck: "an upload issue", "a publishing problem", "issues with the release"
    r"\b(?:upload\w{0,3}|publish\w{0,3}|release|deploy\w{0,3}|pypi|twine|push)\s(?:issues?|problems?|bugs?|troubles?)\b|"
    r"\b(?:issues?|problems?|troubles?)\s(?:with|when|while)\s(?:the\s)?(?:upload|publish|releas|deploy|push)\w{0,4}\b|"
    # adjectives and participles of refusal
    r"\bnot (?:allowed|accepted|permitted|possible|valid|supported|working)\b|\binvalid\b|\bincorrect\b|\bwrong\b|"
    r"\bimpossible\b|\bunable\b|\bcan(?:no|[’'])t\b|"
    # an HTTP refusal quoted in the sentence ("got an HTTP 403", "a 409 Conflict", "400 Bad Request")
    r"\bHTTP\W{0,3}4\d\d\b|\b4\d\d\W{0,3}(?:Bad Request|Forbidden|Conflict|Gone|Client Error|Unauthori[sz]ed|"
    r"Method Not Allowed|error)\b|\b(?:an?|got|with|returns?|returned|gives?|gave)\W{1,3}4(?:00|01|03|05|09|10)\b",
    re.I)
# "already there": a thing the index holds already (exists, is uploaded, published, released, available, taken) or a
# duplicate of it
ALREADY = (r"(?:\balready[- ](?:(?:been|being) )?(?:exist\w{0,3}|there|on (?:test\.?)?pypi|uploaded|published|released|available|"
           r"present|live|taken|in use|used|registered|claimed|pushed|deployed|up)\b|\bexists? already\b|"
           r"\bduplicat\w{1,3}\b|\bpre-?existing\b|\bexisting\b|\bcollid\w{1,3}\b|\boverwrit\w{1,4}\b)")
# what a re-upload names: a version, a release, a version number, a package's files (a bare "file" also names the
# attestation files a second upload meets, so it is not one)
_REUPLOADED = r"\b(?:versions?|releases?|v?\d{1,6}(?:\.\d{1,6}){1,4}\w{0,10}|packages?|wheels?|sdists?|file ?names?|artifacts?|distributions?|dists?)\b"
_SAID_PASSWORD = re.compile(r"\b(?:turned off|switched off|disabled|dropped|removed|ended|deprecated)\b[^.]{0,20}?"
                            r"\busernames?\b[^.]{0,12}?(?:and|or|/)\s{0,3}passwords?\b|"
                            r"\b(?:no longer|not|n[’']t)\b[^.]{0,30}?\b(?:allow|accept|support)\w{0,2}\b[^.]{0,20}?"
                            r"\busernames?\b[^.]{0,12}?\b(?:and|or|/)\s{0,3}passwords?\b|"
                            r"\b(?:requires?|needs?|only (?:accepts?|allows?|takes?))\b[^.]{0,40}?\btokens?\b[^.]{0,20}?"
                            r"\binstead of\b[^.]{0,12}?\busernames?\b[^.]{0,8}?(?:and|or|/)\s{0,3}passwords?\b|"
                            r"\busernames?\b[^.]{0,8}?(?:and|or|/)\s{0,3}passwords?\b[^.]{0,40}?"
                            r"\bno longer\b[^.]{0,12}?\b(?:allowed|accepted|supported)\b|"
                            # a username and password where PyPI wants two-factor authentication or a token
                            r"\busernames?\b[^.]{0,8}?(?:and|or|/)\s{0,3}passwords?\b" + IN_SENTENCE + r"{0,80}?"
                            r"\b(?:requires?|requiring|needs?|enforc\w{1,3}|mandatory|only)\b" + IN_SENTENCE + r"{0,30}?"
                            r"\b(?:two[- ]factor|2fa|mfa|api tokens?|tokens?)\b", re.I)
# an account without two-factor authentication (PyPI refuses its uploads)
_TWO_FACTOR = r"\b(?:two[- ]factor(?: auth\w{0,12})?|2fa|two[- ]step verification|mfa)\b"
_SAID_TWO_FACTOR = re.compile(_TWO_FACTOR + r"(?:(?!\b(?:and|but|so|then)\b)" + IN_SENTENCE + r"){0,40}?"  # of the 2FA itself
                              r"\b(?:not|n[’']t|never|missing|disabled|"
                              r"required|requirement|mandatory|enforc\w{1,3})\b|\b(?:no|not|n[’']t|without|lack\w{0,3}|missing|"
                              r"enabl\w{1,3}|requir\w{1,4}|enforc\w{1,3}|set ?up|turn on)\b" + IN_SENTENCE + r"{0,30}?"
                              + _TWO_FACTOR, re.I)
# a local version (`+g<commit>`, a dirty tree's `.d20240101`, "local version") in a sentence of a refused upload
_SAID_LOCAL = re.compile(r"\blocal (?:version|identifier|segment|label|part)s?\b|`?\+local`?\b|"
                         r"\bv?\d{1,6}(?:\.\d{1,6}){0,4}[\w.]{0,12}\+g?[0-9a-f]{6,40}(?:\.d\d{8})?\b|"
                         r"\b(?:version|tree|checkout|build|working copy|repo\w{0,6})\b" + IN_SENTENCE + r"{0,30}?\bdirty\b|"
                         r"\bdirty\b" + IN_SENTENCE + r"{0,30}?\b(?:version|tree|checkout|working copy|repo\w{0,6})\b",
                         re.I)
# a tag step whose shell variable was never expanded, so the tag is named literally and a setuptools-scm or hatch-vcs
# build sees no version tag: the tag command with the variable alone in single quotes, git's report of a tag of that
# literal name, or a sentence that tells a tag, the variable and why it stayed unexpanded (a GitHub `${{ … }}`
# expression is filled in before the shell runs, whatever its quotes)
_UNEXPANDED = r"\$\{[A-Za-z_]\w{0,60}\}|\$[A-Za-z_]\w{1,60}\b"
_TAG_LITERAL = re.compile(r"\bgit tag\b[^\n]{0,80}?(?<![\w=])'(" + _UNEXPANDED + r")'(?!\w)|\[new tag\]\s{1,20}(" + _UNEXPANDED
                          + r")\s|\brefs/tags/(" + _UNEXPANDED + ")")
_NOT_EXPANDED = re.compile(r"\bsingle[- ]quot\w{0,4}\b|\b(?:not|never|n[’']t|without)\s(?:\w+\s)?(?:be(?:ing)?\s)?expand\w{0,4}\b|"
                           r"\bfrom expanding\b|\bunexpanded\b|\bliteral(?:ly)?\b", re.I)
_TAG_WORD = re.compile(r"\btag(?:s|ged|ging)?\b", re.I)


def tag_unexpanded(cleaned: List[Tuple[int, str]]) -> Optional[Tuple[str, bool]]:
    """The shell variable a tag step left unexpanded, and whether single quotes are shown or told as the reason
    (platformdirs #477: `'${STEPS_V_OUTPUTS_VERSION}'` in single quotes made a tag of that literal name, so hatch-vcs
    found no version tag and wrote a local version), if the log shows or tells one."""
    for _, line in cleaned:
        shown = _TAG_LITERAL.search(line)
        if shown:
            return shown.group(1) or shown.group(2) or shown.group(3), shown.group(1) is not None
        for sentence in _SENTENCE_END.split(line):
            var = re.search(_UNEXPANDED, sentence)
            why = _NOT_EXPANDED.search(sentence) if var and _TAG_WORD.search(sentence) else None
            if why:
                return var.group(0), bool(re.search(r"\bsingle[- ]quot", sentence, re.I))
    return None


def unexpanded_tag_fix(var: str, quoted: bool) -> str:
    """The fix where the tag step's variable was never expanded: double quotes first (or a value the step expands),
    then publishing from tags."""
    if quoted:
        return (f"Write the tag step's `{var}` in double quotes (`\"{var}\"`), not single quotes: in single quotes the "
                "shell does not expand it, so the tag was named literally, the build saw no version tag on the commit "
                "and wrote a local version; then publish only from tags.")
    return (f"Make the tag step expand `{var}` (double quotes in a shell, not single; an action's input takes "
            "`${{ env.NAME }}`, not a shell variable): the tag was named literally, so the build saw no version tag on "
            "the commit and wrote a local version; then publish only from tags.")


# a third-party publish action told as fixed by its newer release: "Update poetry-publish action, that fixes
# authentication problem when using repository params." beside the release's link (scanapi/scanapi #252); the action
# is one that publishes (its name says so), and the sentence names what failed (authentication, the upload)
_UPDATED = r"\b(?:updat|upgrad|bump)\w{0,3}\b"
_PUBLISH_ACTION = r"[\w.-]{0,60}(?:publish|pypi|upload|deploy)[\w.-]{0,60}"
SAID_ACTION_FIXED = re.compile(_UPDATED + IN_SENTENCE + r"{0,40}?(?:`?\b(?:[\w.-]{1,60}/)?(" + _PUBLISH_ACTION + r")`?\s"
                               r"(?:github\s)?action\b|\b([\w.-]{1,60}/" + _PUBLISH_ACTION + r")(?:@|`|\s|$))" + IN_SENTENCE
                               + r"{0,60}?\bfix(?:es|ed)?\b" + IN_SENTENCE + r"{0,60}?\b(?:authenticat\w{1,5}|auth|credentials?|"
                               r"tokens?|passwords?|log-?in|upload\w{0,3}|publish\w{0,3}|40[13])\b", re.I)
_RELEASE_LINK = re.compile(r"https?://github\.com/([\w.-]{1,60}/" + _PUBLISH_ACTION + r")/releases/tag/([\w.+-]{1,40})", re.I)


def action_fixed(cleaned: List[Tuple[int, str]]) -> Optional[Tuple[int, str, Optional[str]]]:
    """(line, action, release) where the text says a newer release of a publish action fixes the failure: the action
    as the release link or the sentence names it, the release the link names."""
    for n, line in cleaned:
        for sentence in _SENTENCE_END.split(line):
            m = SAID_ACTION_FIXED.search(sentence)
            if not m or _STILL.search(sentence):  # "the problem is still there"
                continue
            name = (m.group(1) or m.group(2)).strip("`")
            link = next((k for k in (_RELEASE_LINK.search(t) for _, t in cleaned) if k and (
                name.lower() == k.group(1).lower() or name.lower() == k.group(1).split("/")[1].lower())), None)
            if not link and "/" not in name and re.fullmatch(r"(?:the[-_ ])?(?:publish\w{0,3}|pypi|upload\w{0,3}|deploy\w{0,3})",
                                                              name, re.I):
                continue  # "update the publish action": which action, the text does not say
            pinned = re.search(re.escape(name) + r"@(v?\d[\w.+-]{0,40}?)(?=[`'\"\s,;)]|\.?$)", sentence)
            return n, link.group(1) if link else name, link.group(2) if link else pinned.group(1) if pinned else None
    return None


def action_fixed_fix(action: str, release: Optional[str]) -> str:
    """The fix where a publish action's own bug is told as fixed by its newer release."""
    which = f"{release} (the release the log names) or later" if release else "the release that fixes it"
    return (f"Upgrade `{action}` to {which} and re-run: the failure is a bug of the action fixed in that release, not "
            "of the workflow, the credentials or the files.")


RENDERER_MISSING = re.compile(r"Markdown renderers are not available", re.I)
_TWINE_CHECK = re.compile(r"\btwine check\b" + IN_SENTENCE + r"{0,80}?\bfail|\bcheck\b" + IN_SENTENCE + r"{0,40}?\bfail\w{0,3}\b"
                          + IN_SENTENCE + r"{0,80}?\breadme[_-]render|Checking \S{1,300}: FAILED", re.I)
RENDERER_MISSING_FIX = ("Install the Markdown renderer where `twine check` runs (`pip install 'readme_renderer[md]'`, or "
                        "upgrade twine and readme_renderer together) and check again: without it the check cannot render "
                        "a Markdown README and fails it; the README and PyPI are not at fault.")
# a content-type key setuptools does not know (it ignores it with a warning), beside twine's warning that no content
# type is declared: the README was read as reStructuredText because of the key's spelling (nebari-dev/nebari #1122)
MISSPELT_CONTENT_TYPE = re.compile(r"\b(long_desc(?:ription)?_(?:type|content|format|contenttype|content_types|mime_?type)|"
                                   r"long_desc_content_type|long_description_content-type)\b", re.I)
_CONTENT_TYPE_MISSING = re.compile(r"long_description_content_type`? missing", re.I)


def misspelt_content_type(whole: str) -> Optional[str]:
    """The misspelt content-type key the log shows where twine says none is declared, if it shows one."""
    m = MISSPELT_CONTENT_TYPE.search(whole) if _CONTENT_TYPE_MISSING.search(whole) else None
    return m.group(1) if m else None


def misspelt_content_type_fix(key: str) -> str:
    """The fix where a misspelt key left the README without a content type."""
    return (f"Spell the key `long_description_content_type` (setup.cfg's `[metadata]`, or setup.py), not `{key}`, "
            "which setuptools ignores: with no content type declared the README is checked as reStructuredText; set "
            "it to `text/markdown` for a Markdown README, rebuild and run `twine check dist/*`.")


# a pending publisher left for a project that exists already
_SAID_PENDING = re.compile(r"\bpending (?:trusted )?publish\w{0,3}\b" + IN_SENTENCE + r"{0,80}?(?:" + "\\balready[- ]exist"
                           r"\w{0,3}|\bexists? already\b|\bexisting (?:project|package)\b|\bproject (?:already )?exists\b)|"
                           r"(?:\balready[- ]exist\w{0,3}|\bexisting (?:project|package)\b|\bproject (?:already )?exists\b)"
                           + IN_SENTENCE + r"{0,80}?\bpending (?:trusted )?publish", re.I)
# a refused re-upload: the same version, a version that exists, a deleted release; a version or file name must be
# named, since "a file already existing" alone is also what a second upload of attestation files meets
_SAID_REUPLOAD = re.compile(r"\bsame version\b|\bre-?upload\w{0,3}\b[^.]{0,60}?\b(?:version|release|deleted|same)\b|"
                            # an old version uploaded again in place of the new one ("v1.1.3 being pushed to PyPI,
                            # though I am pushing v1.1.6")
                            r"\bv?\d{1,6}(?:\.\d{1,6}){1,4}\w{0,10} (?:is |was |still )?(?:being|getting|gets|got) "
                            r"(?:pushed|uploaded|published)\b[^.]{0,60}?\b(?:though|instead|but|rather|while|not)\b|"
                            r"\b(?:the )?(?:old|previous|stale) version (?:is |was |gets |got )?(?:being )?"
                            r"(?:pushed|uploaded|published) again\b|"
                            + _REUPLOADED + IN_SENTENCE + r"{0,60}?" + ALREADY + "|" + ALREADY
                            + IN_SENTENCE + r"{0,30}?" + _REUPLOADED + "|"
                            r"\b(?:as|because|since) (?:version )?v?\d{1,6}(?:\.\d{1,6}){1,4}\w{0,10} (?:already )?exists\b|"
                            r"\b(?:version|release)\b[^.]{0,40}?\b(?:once |was |been |is )?deleted\b|"
                            r"\bdeleted\b[^.]{0,40}?\b(?:version|release)\b|\bfile ?name\b[^.]{0,30}?\b(?:used|taken)\b|"
                            r"\byank(?:ed|ing)?\b|\boverwrit\w{1,4} (?:an? |the )?(?:existing |old |published )?"
                            r"(?:files?|uploads?|versions?|releases?)\b|"
                            # the version was not changed before the upload
                            r"\bwithout (?:a |any |bumping |incrementing |changing |updating )?(?:the )?version\b|"
                            r"\b(?:never|not|n[’']t|forg[eo]t\w{0,3} to|no) (?:been )?bump\w{0,3}\b|\bno version bump\b|"
                            # a bump told as missed ("supposed to be bumped to 0.15.0 … but was missed", "skipped the
                            # version bump")
                            r"\bbump\w{0,3}\b" + IN_SENTENCE + r"{0,80}?\b(?:was|were|got)\s(?:missed|forgotten|skipped|omitted)\b|"
                            r"\b(?:skip\w{0,3}|miss\w{0,3}|forg[eo]t\w{0,3})\s(?:the\s|a\s)?version\sbump\b|"
                            r"\bversion (?:was |is )?(?:not|never) (?:bumped|incremented|changed|updated)\b", re.I)
# an import told as added to setup.py (or setup.py told to import a module) where the release's upload broke: the job
# that runs setup.py has not installed that module (horovod/horovod #3739: "Adding `import packaging` to `setup.py`
# broke the `Upload to PyPi` workflow")
SAID_SETUP_IMPORT = re.compile(r"\bimport\s`?([\w.]{1,60})`?\s(?:\w+\s){0,2}?(?:to|in|into|inside|from)\s`?setup\.py\b|"
                               r"\bsetup\.py`?\s(?:now\s|also\s|newly\s)?imports?\s`?([\w.]{1,60})`?|"
                               r"\bimport(?:ing)?\sof\s`?([\w.]{1,60})`?\s(?:in|from|into)\s`?setup\.py\b", re.I)
# a tag told as wrong (a typo, not matching) beside the version a file of the package holds ("This tag looks like a
# typo. `__about__.py` says 1.32.1.", pypa/hatch #2435): the tag and the package's version differ
SAID_TAG_WRONG = re.compile(r"\btag(?:s|ged)?\b" + IN_SENTENCE + r"{0,40}?\b(?:typo\w{0,2}|mistake\w{0,2}|wrong|"
                            r"mis-?match\w{0,2}|(?:does|did)(?:n[’']?t|\snot)\smatch|differ\w{0,3})\b|"
                            r"\b(?:typo\w{0,2}|mistake\w{0,2}|wrong)\b" + IN_SENTENCE + r"{0,20}?\btag\b", re.I)
SAID_FILE_VERSION = re.compile(r"(`?[\w./-]{0,80}?(?:__about__|__init__|__version__|_version|version)\.py`?|`?pyproject\.toml`?|"
                               r"`?setup\.(?:py|cfg)`?)\s(?:\w+\s){0,2}?(?:says|said|has|had|holds|held|reads|contains|"
                               r"shows|is|was)\s(?:still\s|at\s|version\s){0,2}`?v?(\d{1,6}(?:\.\d{1,6}){1,4})\b", re.I)
# a deleted upload told as why a new version is needed ("I removed a previous upload for `0.20` … and now I need to
# release a new version"): PyPI never takes a deleted file's name again, so this is the refused re-upload told by its fix
_DELETED_UPLOAD = (r"\b(?:remov|delet)\w{0,3}\s(?:[\w.`'-]{1,40}\s){0,3}?(?:uploads?|releases?|versions?|files?|wheels?|"
                   r"sdists?|distributions?)\b")
_NEW_VERSION_NEEDED = (r"\b(?:need|needs|needed|have|has|had|must|required)\s(?:to\s)?(?:\w+\s){0,2}?(?:release|publish|"
                       r"upload|bump|cut|push|make|use)\w{0,3}\s(?:\w+\s){0,2}?(?:a\s|the\s)?(?:new|next|another|"
                       r"different|higher)\s(?:version|release)\b")
SAID_DELETED_REUSE = re.compile(_DELETED_UPLOAD + IN_SENTENCE + r"{0,160}?" + _NEW_VERSION_NEEDED, re.I)
# the other objects a refusal told in a sentence names, each mapped to its finding: an attestation used a second time,
# a project name PyPI refuses, a README or long description that does not render (or has no content type), a
# classifier, twine's check of the metadata, the trusted publisher's settings
_SAID_ATTESTATION = re.compile(r"\battestations?\b" + IN_SENTENCE + r"{0,80}?\b(?:reus\w{0,3}|already|single upload|"
                               r"only once|not cleared|multiple times|twice|more than once|a second time|same files?)\b|"
                               r"\breus\w{0,3}\b" + IN_SENTENCE + r"{0,40}?\battestations?\b", re.I)
# GitHub's environment protection told in a sentence: its deployment branch (and tag) rules, an environment's
# protection rules, a ref "not allowed to deploy to" an environment; never a rule of PyPI about a name
_SAID_ENVIRONMENT = re.compile(r"\benvironment(?:[’']s)?\s(?:protection|deployment)\srules?\b|\bdeployment\s(?:protection\s)?"
                               r"rules?\b|\bdeployment\sbranch(?:es)?(?:\sand\stags?)?(?:\spolic\w{1,3}|\srules?)?\b|"
                               r"\bnot\sallowed\sto\sdeploy\sto\b", re.I)
_SAID_NAME = re.compile(r"\btoo similar\b|\b(?:project|package|distribution)(?: name)?\b" + IN_SENTENCE
                        + r"{0,40}?\b(?:is|was)?\s?(?:n[’']t|not) allowed\b|(?<!file )\bname\b" + IN_SENTENCE
                        + r"{0,60}?\b(?:prohibited|(?:is|was|isn[’']t|is not|wasn[’']t) (?:not )?allowed)\b|"
                        r"(?:`[\w.-]{1,100}`|\b(?:project|package|distribution)) name\b"
                        + IN_SENTENCE + r"{0,30}?\b(?:rejected|refused)\b", re.I)
_DESCRIPTION = r"\b(?:(?:long[ _])?description(?:[ _]content(?:[ _]type)?)?|readme)\b"
_SAID_DESCRIPTION = re.compile(_DESCRIPTION + IN_SENTENCE + r"{0,80}?\b(?:render\w{0,3}|content[ _-]type|markdown|"
                               r"markup|empty|rst|restructured ?text)\b|\b(?:render\w{0,3}|content[ _-]type)\b"
                               + IN_SENTENCE + r"{0,80}?" + _DESCRIPTION, re.I)
# a wheel told as misnamed or mistagged (a test build's wheel that went into the upload)
SAID_MISNAMED_WHEEL = re.compile(r"\b(?:mis-?named|wrongly (?:named|tagged)|badly (?:named|tagged)|mis-?tagged|"
                                 r"mis-?labell?ed)\s(?:[\w.+-]{1,20}\s){0,3}?wheels?\b|\bwheels?\b" + IN_SENTENCE
                                 + r"{0,30}?\b(?:is|was|were|are)\s(?:mis-?named|mis-?tagged|wrongly (?:named|tagged))\b", re.I)
# files that are no distributions told as refused: signature and certificate files, a directory as an unknown
# distribution ("PyPI does not support uploading the signature files", "crt and sig files are unable to be uploaded")
SAID_STRAY_FILES = re.compile(r"\b(?:signatures?|signing|certificates?|\.?sig|\.?asc|\.?crt|\.?pem|checksums?|sbom)"
                              r"(?:\s(?:and|or|&)\s\.?\w{2,12})?\sfiles?\b|\bunknown distribution(?: format)?\b", re.I)
_SAID_CLASSIFIER = re.compile(r"\bclassifiers?\b", re.I)
# reStructuredText's own markup told in a sentence: a title's underline or overline, docutils' messages
SAID_RST_MARKUP = re.compile(r"\b(?:title|section|heading|header)\s(?:underline|overline)s?\b|\b(?:underline|overline)s?\b"
                             + IN_SENTENCE + r"{0,40}?\btoo short\b|\binline (?:literal|emphasis|strong|interpreted)\b|"
                             r"\bunexpected (?:indentation|section title)\b|\bdocutils\b", re.I)
_NEW_BACKEND = r"\b(?:new(?:er|est)?|recent|latest|updated|upgraded)\s(?:build[- ])?backends?\b"
_OLD_TWINE = r"\b(?:old(?:er)?|outdated|stale|pinned|bundled)\s(?:\w+\s){0,2}?(?:twine|pkginfo)\b"
_SAID_METADATA = re.compile(r"\b(?:twine|pkginfo)\b" + IN_SENTENCE + r"{0,40}?\bmetadata\b|\bmetadata\b" + IN_SENTENCE
                            + r"{0,40}?\b(?:twine|pkginfo)\b|" + _NEW_BACKEND + IN_SENTENCE + r"{0,60}?" + _OLD_TWINE + "|"
                            + _OLD_TWINE + IN_SENTENCE + r"{0,60}?" + _NEW_BACKEND, re.I)
# a trusted publisher that "does not match" the workflow (or no publisher matched): the exchange refused
_PUBLISHER_UNMATCHED = (r"\b(?:trusted )?publishers?\b" + IN_SENTENCE + r"{0,60}?\b(?:(?:does|did|do|would|will)"
                        r"(?:n[’']t| not)|never|not|no longer|fail\w{0,3} to)\s(?:\w+\s)?match\w{0,2}\b")
# (PyPI's own "no corresponding publisher" and "Publisher with matching claims was not found" are its generic text,
# not a person's finding)
_SAID_PUBLISHER_UNMATCHED = re.compile(_PUBLISHER_UNMATCHED, re.I)
_SAID_PUBLISHER = re.compile(r"\btrusted[ -]publish\w{0,3}\b" + IN_SENTENCE + r"{0,60}?\b(?:typo\w{0,3}|mismatch\w{0,3}|"
                             r"wrong|misconfigur\w{0,5}|incorrect)\b|" + _PUBLISHER_UNMATCHED + r"|\b(?:typo\w{0,3}|"
                             r"mismatch\w{0,3}|wrong|misconfigur\w{0,5}|incorrect)\b" + IN_SENTENCE
                             + r"{0,60}?\btrusted[ -]publish", re.I)
# a server error told in words: "failed with Internal Server Errors", "a 502 Bad Gateway", "HTTP 503", "5xx"
_SAID_SERVER = re.compile(r"\b(?:internal\s)?server[- ](?:side\s)?errors?\b|\bbad gateway\b|\bservice unavailable\b|"
                          r"\bgateway time-?outs?\b|\bHTTP\W{0,3}50[0-4]\b|\b50[0-4]\W{0,3}errors?\b|\b5xx\b|"
                          # trouble on the index's side told as such: an incident, an outage, its status page, "is down",
                          # "something is up at PyPI"
                          r"\b(?:incidents?|outages?|downtime)\b|\bstatus\.python\.org\b|\b(?:is|was|seems|went|goes)\s"
                          r"(?:\w+\s)?down\b|\bsomething(?:[’']s|\sis|\swas)\s(?:up|wrong|off|going\son)\s(?:at|with)\b", re.I)
# a trusted publisher that is not there: "the publisher is not configured on PyPI", "no trusted publisher registered"
_SAID_PUBLISHER_MISSING = re.compile(r"\b(?:trusted\s)?publishers?\b" + IN_SENTENCE + r"{0,40}?\b(?:(?:is|was|were|are|has|"
                                     r"had|have)(?:n[’']t|\snot|\snever)|not|never)\s(?:been\s|yet\s)?(?:configured|"
                                     r"registered|set\s?up|added|created)\b|\bno\s(?:trusted\s|pending\s)?publishers?\b"
                                     + IN_SENTENCE + r"{0,20}?\b(?:configured|registered|set\s?up|added)\b", re.I)
# a README's format told by PyPI's words: its "default format" (reStructuredText) against Markdown
_FORMAT = r"\b(?:markdown|rst|restructured ?text)\b"
_SAID_DEFAULT_FORMAT = re.compile(r"\bdefault (?:format|markup|content[ _-]?type)\b" + IN_SENTENCE + r"{0,60}?" + _FORMAT
                                  + "|" + _FORMAT + IN_SENTENCE + r"{0,60}?\bdefault (?:format|markup|content[ _-]?type)\b",
                                  re.I)
# no distributions where the upload looks: the files not found, not there, not in `dist/`
_DISTS = r"\b(?:artifacts?|distributions?|dists|wheels?|sdists?|built files|(?:the |any )?files)\b"
_SAID_NO_DISTS = re.compile(r"(?:\b(?:does|did|do|could|can|would)(?:n[’']?t|\snot)|\bcannot|\bfail\w{0,3} to|\bunable to)\s"
                            r"(?:find|see|locate|pick up)\b" + IN_SENTENCE + r"{0,30}?" + _DISTS + "|"
                            r"\bno\s(?:artifacts?|distributions?|dists|wheels?|files)\s(?:were\s|was\s)?(?:found|to upload|"
                            r"to publish)\b|" + _DISTS + r"\s(?:were\s|was\s|are\s|is\s)?(?:not found|missing from)\b|"
                            r"\b(?:prevent\w{0,3}|stop\w{0,4}|keep\w{0,3}|block\w{0,3})\b" + IN_SENTENCE + r"{0,60}?\bfrom\s"
                            r"(?:finding|seeing|locating|picking up)\b" + IN_SENTENCE + r"{0,30}?" + _DISTS, re.I)
# artifacts of one name told as what broke the run ("upload artifacts with the same name 'wheels', causing 409 Conflict
# errors", "artifact naming conflicts"): upload-artifact v4's refusal, not a file already on the index
SAID_ARTIFACT_CONFLICT = re.compile(r"\bartifacts?\b" + IN_SENTENCE + r"{0,60}?\b(?:same name|name (?:conflict|clash)\w{0,2}|"
                                    r"naming (?:conflict|clash)\w{0,2}|409)\b|\b(?:same name|name (?:conflict|clash)\w{0,2}|"
                                    r"naming (?:conflict|clash)\w{0,2})\b" + IN_SENTENCE + r"{0,40}?\bartifacts?\b", re.I)
# the job's script moving `*.whl` out of a downloaded folder that holds none (NVIDIA/cuda-python #705: a download
# pattern that also took the test artifacts)
MOVED_NOTHING = re.compile(r"\b(?:mv|cp): cannot stat '([^'\n]{0,300}\*[^'\n]{0,40}\.(?:whl|tar\.gz))': No such file")
MOVED_NOTHING_FIX = ("A folder the job's script moves distributions from holds none: the download took more than the build "
                     "artifacts (a `pattern:` that also matches test or report artifacts) or an artifact of another "
                     "name; narrow the download's `pattern:` to the build artifacts (or skip folders without wheels), then "
                     "re-run.")
# Docker Hub's pull rate limit answering the pull (or the build's `FROM`) of the publish action's container image: on
# self-hosted runners outside GitHub's network the anonymous limit bites (gh-action-pypi-publish #254)
_ACTION_IMAGE_TOLD = re.compile(r"gh-action-pypi-publish|\bCreate Docker (?:container )?action\b|\bthe action\b|"
                                r"\baction[’']s (?:image|Dockerfile|container)\b", re.I)
_IMAGE_PUSHED = re.compile(r"\bdocker push\b|build-push-action|\bpush(?:ing|ed)? (?:the |an? |our )?images?\b", re.I)
# a virtual environment the job made or activated, told beside an uploader "not found" (not a path through the CI's own
# virtualenv): the deploy ran in another environment than the one the tool went into (python-recurring-ical-events #76)
VENV_TOLD = re.compile(r"(?<![/\w.-])(?:virtualenv|venv|\.venv)(?![/\w-])|\bbin/activate\b|\bdeactivate\b", re.I)
VENV_FIX = ("The deploy ran in another environment than the one the tool went into: do not leave a virtualenv the job "
            "activated in place for the deploy (remove it, or `deactivate` first), or run the tool from the environment "
            "that has it (`poetry run twine`, the virtualenv's `bin/twine`), or install it where the deploy runs.")
# distutils' `upload` finding no file after a build command of the same command line (`setup.py bdist_msi upload`): the
# command did not register what it built (a third-party command's bug: cx_Freeze #130), no upload apart from its build
BUILT_UNREGISTERED = re.compile(r"\bsetup\.py\b[^\n|;&]{0,120}?\b((?:bdist|sdist)\w{0,20})\b[^\n|;&]{0,80}?\bupload\b"
                                r"(?=[\s\S]{0,3000}?No dist file created in earlier command)")
BUILT_UNREGISTERED_FIX = ("The build command ran in the same command line but did not register its file for `upload`: upgrade "
                          "(or patch) the package that provides that command; PyPI takes only sdists and wheels (PEP 527 "
                          "dropped `.msi` and `.exe` installers), so an installer goes elsewhere (a GitHub release).")
# an option the uploader took for a file name (`\ -u` in one line: the backslash escaped the space and joined it)
OPTION_AS_FILE = re.compile(r"Cannot find file \(or expand pattern\): '\s{0,3}-{1,2}[A-Za-z][\w-]{0,30}'")
OPTION_AS_FILE_FIX = ("The uploader took an option for a file name: a backslash before a space inside one line (`dist/* \\ -u "
                      "…`) escapes the space and joins it to the option, and a quoted `' -u'` does the same; remove the "
                      "backslash (it continues a line only at the line's end) or write the options before the files.")
# an upload URL option whose value in the printed command line is a file or the next option, not a URL: the value was
# lost between the workflow and the command (PyO3/maturin-action #320: `--repository-url URL` in the action's `args`)
URL_VALUE_LOST = re.compile(r"\b(?:upload|publish)\b[^\n`]{0,300}?\s(--(?:repository-url|publish-url))[ =]\s{0,2}"
                            r"(-{1,2}[A-Za-z][\w-]{0,30}|[^\s'\"]{0,300}\.(?:whl|tar\.gz|zip)\b|/[^\s:'\"]{1,300})", re.I)
URL_VALUE_LOST_FIX = ("The command that ran got a file (or the next option) as its upload URL: the URL was dropped on the way "
                      "from the workflow to the command, and what follows fails for that (a relative URL, no token). Give "
                      "the option and its value as one word, `--repository-url=https://test.pypi.org/legacy/` (uv: "
                      "`--publish-url=…`), or set the URL in the tool's variable (`MATURIN_REPOSITORY_URL`, "
                      "`TWINE_REPOSITORY_URL`, `UV_PUBLISH_URL`).")
# the files one folder too deep for the upload: an artifact that holds `dist/` itself, downloaded into `dist/`
NESTED_DIST = re.compile(r"(?<![\w/.-])dist/dist\b")
NESTED_DIST_FIX = ("The files are one folder too deep (`dist/dist/`): the artifact holds the `dist/` folder itself, so "
                   "download it to the repository root (`path: .`), or upload the artifact from inside the folder "
                   "(`path: dist/`); the publish step then finds them in `dist/`.")
# a folder tree drawn in the text (indentation or `├──`): `dist/` holding folders that hold the distributions, told as
# what went wrong (rpoleski/MulensModel #80: `dist/sdist/` and `dist/wheelhouse/`, the upload found nothing in `dist/`)
_TREE_MARKS = str.maketrans({c: " " for c in "│├└─|`"})
_TREE_DIR = re.compile(r"^(\s*)([\w.*-]{1,60})/\s*$")
_TREE_DIST_FILE = re.compile(r"^(\s*)\S{0,200}\.(?:whl|tar\.gz|zip)\s*$")
_TOLD_WRONG = re.compile(r"\b(?:issue|problem|mistake|wrong|instead|needed|should|never made it|fail\w{0,3}|broke\w{0,2})\b",
                         re.I)
NESTED_TREE_FIX = ("The distributions are in folders under `dist/` ({}), and the upload takes only the files in `dist/` "
                   "itself: download the artifacts flat into `dist/` (actions/download-artifact with `path: dist` and "
                   "`merge-multiple: true`), or move the files up before the upload; then re-run for the version that "
                   "did not reach PyPI.")


def nested_tree(text: str) -> Optional[Tuple[int, List[str]]]:
    """(line, the folders) of a tree in the text in which `dist/`'s distributions sit one folder deeper."""
    rows = [ln.translate(_TREE_MARKS).rstrip() for ln in text.splitlines()[:2000]]
    for i, row in enumerate(rows):
        top = _TREE_DIR.match(row)
        if not top or top.group(2) != "dist":
            continue
        depth, folders, sub = len(top.group(1)), [], None
        for below in rows[i + 1:i + 40]:
            if not below.strip():
                continue
            indent = len(below) - len(below.lstrip())
            if indent <= depth:
                break
            folder = _TREE_DIR.match(below)
            if folder:
                sub = (indent, folder.group(2))
            elif _TREE_DIST_FILE.match(below) and sub and indent > sub[0] and f"`dist/{sub[1]}/`" not in folders:
                folders.append(f"`dist/{sub[1]}/`")
        if folders:
            return i + 1, folders
    return None


# the same file uploaded again: "upload the same artifact in every job", "a 409 when uploading"
_ATTESTATION_WORD = re.compile(r"\battestations?\b", re.I)
_SAID_SAME_FILE = re.compile(r"\bsame\s(?:artifacts?|files?|wheels?|sdists?|distributions?|dists?)\b|"
                             r"\bHTTP\W{0,3}409\b|\b409\b\W{0,3}(?:conflict|error|status|response)?", re.I)
# the publish action's ref that does not exist: "missing tag on `gh-action-pypi-publish`", "an invalid ref of the action"
_ACTION = r"`?(?:pypa/)?gh-action-pypi-publish\b`?"
_SAID_ACTION_REF = re.compile(r"\b(?:missing|no|invalid|wrong|bad|unknown|non-?existent|nonexisting|deleted)\s(?:version\s)?"
                              r"(?:tags?|refs?|versions?|branch(?:es)?)\s(?:on|of|for|in)\s(?:the\s)?" + _ACTION + "|"
                              + _ACTION + IN_SENTENCE + r"{0,30}?\b(?:tags?|refs?|versions?)\s(?:is\s|was\s|does\s)?(?:missing|"
                              r"invalid|wrong|not (?:found|exist)|doesn[’']t exist|unknown)\b", re.I)
# the upload tool not installed: "failed to install twine", "twine is not installed", "the command wasn't found"
_TOOLS = r"\b(?:twine|poetry|flit|hatch|maturin|pdm)\b"
_SAID_UPLOADER_MISSING = re.compile(r"(?:\bfail\w{0,3} to install|\b(?:did|do|does)(?:n[’']t|\snot) install|\bforg[eo]t\w{0,3} "
                                    r"to install|\bnever installed|\bmissing)\s(?:the\s)?" + _TOOLS + "|"
                                    + _TOOLS + IN_SENTENCE + r"{0,20}?\b(?:(?:is|was|were|are)(?:n[’']t|\snot)|not|never)\s"
                                    r"(?:been\s)?(?:installed|found|available)\b|" + _TOOLS + r"(?:\s\w+){0,2}\s(?:is\s|was\s)?"
                                    r"missing\b|"
                                    # "it couldn't find the twine package" (a `--user` install outside the job's venv)
                                    r"(?:\bcould(?:n[’']t|\snot)|\bcan(?:no|[’'])?t|\bunable to)\s(?:find|locate)\s(?:the\s)?`?"
                                    + _TOOLS + r"`?\s(?:package|command|module|executable|binary)\b|"
                                    + _TOOLS + IN_SENTENCE + r"{0,80}?\bcommand\s(?:(?:was|is)(?:n[’']t|\snot)|"
                                    r"not|could(?:n[’']t|\snot) be)\s(?:be\s)?found\b|"
                                    # a failure told as the tool needed ("failing because it needs twine"), not a
                                    # version of it ("needs twine 6.1")
                                    r"\b(?:because|since|as)\s(?:it\s|the\s[\w-]{1,30}\s)?(?:needs?|requires?)\s(?:the\s)?"
                                    + _TOOLS + r"(?![\s=<>~]{0,3}v?\d)(?!\s(?:version|release)\b)|"
                                    # installed where the step does not look ("twine is installed within poetry's venv,
                                    # not globally")
                                    + _TOOLS + r"\s(?:is|was|were|are|gets?|got)\s(?:only\s)?installed\s(?:only\s)?(?:in|inside|"
                                    r"within|into)\s[^.]{0,40}?\b(?:venv|virtualenv|virtual environment|environment|env)\b"
                                    r"[^.]{0,20}?\bnot\s(?:globally|system-wide|on (?:the\s)?PATH)\b", re.I)
# a verification of the attestations that failed: "attestation verification fails", "PyPI rejected the attestations"
_SAID_ATTESTATION_FAILED = re.compile(r"\battestations?\b(?:\s\w+){0,2}?\s(?:verif\w{0,9}|validat\w{0,6}|check\w{0,3})\b"
                                      + IN_SENTENCE + r"{0,20}?\b(?:fail\w{0,3}|error\w{0,2}|reject\w{0,3}|mismatch\w{0,3})\b|"
                                      r"\b(?:invalid|rejected|unverifi\w{1,4})\sattestations?\b|\b(?:reject\w{0,3}|refus\w{0,3})\b"
                                      + IN_SENTENCE + r"{0,20}?\battestations?\b|\battestations?\b" + IN_SENTENCE
                                      + r"{0,30}?\b(?:(?:does|did|do)(?:n[’']t|\snot)\smatch|rejected|mismatch\w{0,3})\b", re.I)
# a wheel whose platform tag PyPI refuses: a plain `linux_x86_64` (not manylinux/musllinux) wheel, a platform tag
_SAID_PLATFORM = re.compile(r"(?<![\w-])linux_(?:x86_64|aarch64|i686|armv7l|ppc64le|s390x)\b|\b(?:unsupported|invalid|"
                            r"binary|platform) (?:platform )?tags?\b" + IN_SENTENCE + r"{0,30}?\bwheels?\b|\bwheels?\b"
                            + IN_SENTENCE + r"{0,40}?\b(?:unsupported|invalid) platform(?: tags?)?\b|"
                            r"\bnot (?:a )?manylinux\b|(?<![\w-])(?:pyodide|emscripten)_[\w*.]{1,40}|"
                            r"\b(?:reject|refus)\w{0,3}\b" + IN_SENTENCE + r"{0,40}?\bplatform tags?\b|\bplatform tags?\b"
                            + IN_SENTENCE + r"{0,40}?\b(?:reject\w{0,3}|refus\w{0,3}|not (?:allowed|accepted|supported))\b|"
                            r"\b(?:needs?|requires?|must be|only (?:accepts?|takes?)) (?:\w+ ){0,2}manylinux\b", re.I)
# "ignore repeated files", "skip existing files", `skip-existing`: a re-run that met the files a first run uploaded
_SAID_SKIP = re.compile(r"\b(?:ignor|skip)\w{0,3}\s(?:the\s|any\s)?(?:repeated|existing|duplicated?|already[- ](?:uploaded|"
                        r"existing|published|present)|uploaded|same)\s(?:files?|uploads?|wheels?|dists?|distributions?|"
                        r"packages?|artifacts?|versions?)\b|\bskip[-_ ]existing\b", re.I)
_SKIP_GATE = re.compile(r"\bfix\w{0,4}\b|\bpartial\w{0,2}\b|\bhalf\w{0,3}\b|\bre-?run\w{0,3}\b|\bretr(?:y|ied|ies)\b", re.I)
# a version built from a checkout without tags: setuptools-scm's `0.1.dev1`, a `0.0.0` placeholder, a shallow clone
_SAID_SHALLOW = re.compile(r"\bshallow (?:clone|checkout|fetch|copy|history)\b|\bfetch[-_]depth\b|\b(?:no|without|missing) "
                           r"(?:git )?(?:tags|history)\b|\b(?:tags?|history) (?:is |are |were |was )?(?:missing|not "
                           r"(?:fetched|available|there|present))\b", re.I)
_SHALLOW_VERSION = re.compile(r"(?<![\w.])0\.1\.dev\d{1,3}\b(?!\+)|(?<![\w.])0\.0\.0(?![\w.+])", re.I)
# a name that is someone else's: taken, registered, owned by another, a project "with the same name" already there
_SAID_TAKEN = re.compile(r"(?<!file )\bname\b" + IN_SENTENCE + r"{0,40}?\b(?:(?:is|was|[’']s|has been|had been|been)\s"
                         r"(?:already\s)?(?:taken|in use|registered|claimed|squatted|used)|already\s(?:taken|in use|"
                         r"registered|claimed|exists?|used))\b|\balready (?:an?|one) (?:existing )?(?:project|package|"
                         r"distribution)\b" + IN_SENTENCE + r"{0,40}?\b(?:same|this|that|our|my) name\b|"
                         r"\b(?:project|package|distribution|name)\b" + IN_SENTENCE + r"{0,40}?\b(?:belongs to|owned by|"
                         r"registered by|taken by|used by|claimed by)\b" + IN_SENTENCE + r"{0,20}?\b(?:someone|somebody|"
                         r"another|other|a different)\b|\bsomeone else(?:[’']s)?\b" + IN_SENTENCE + r"{0,40}?\b(?:project|"
                         r"package|name)\b|\bnamespace collision\b|\bname (?:collision|clash|conflict|squat\w{0,3})\b",
                         re.I)
# the upload account told as needing a role on the project ("You need to add zope.wheelbuilder as a pypi maintainer",
# "it had no role on the project"): the project-not-owned class told as its fix (zope.interface #37)
_SAID_ROLE_MISSING = re.compile(r"\b(?:add|added|adding|invite|invited|make|made)\b" + IN_SENTENCE + r"{0,60}?\bas (?:an? |the )?"
                                r"(?:pypi |project |co-?)?(?:maintainer|owner)s?\b|\b(?:no|without|missing|lack\w{0,3}) "
                                r"(?:the |a |any )?(?:maintainer |owner )?role\b" + IN_SENTENCE + r"{0,40}?\b(?:project|"
                                r"package)\b|\bnot (?:a |an )?(?:maintainer|owner|collaborator)s? (?:of|on)\b", re.I)
# a file or the project over the index's size limit (a rate limit is not one)
_LIMIT = r"(?<!rate )(?<!rate-)(?<!request )(?<!api )\b(?:limit|quota|maximum)\b"
_SAID_SIZE = re.compile(r"\btoo (?:large|big|heavy|huge|fat)\b|\b(?:over|above|beyond|exceed\w{0,3}|hit\w{0,4}|"
                        r"reach\w{0,3}|bigger than|larger than)\b" + IN_SENTENCE + r"{0,30}?" + _LIMIT + "|" + _LIMIT
                        + IN_SENTENCE + r"{0,30}?\b(?:exceed\w{0,3}|hit|reached|surpass\w{0,3})\b|"
                        r"\b\d{1,5}(?:\.\d{1,3})? ?[MG]i?B\s?>\s?\d{1,5}(?:\.\d{1,3})? ?[MG]i?B\b|\bfile too large\b|"
                        # a size told as past PyPI's per-file limit (100 MB): "swelled to more than 100MB"
                        r"\b(?:more than|over|above|bigger than|larger than|exceed\w{0,3}|past)\s(?:the\s)?(?:[1-9]\d{2,4} ?MB|"
                        r"\d{1,4}(?:\.\d{1,2})? ?GB)\b", re.I)
# the project's total over PyPI's project limit (10 GB by default), not one file's: PyPI's own words ("Project size too
# large", "total size is 10 GB") and a person's ("the project size", "10GB limit for all releases")
def said_project_total(text: str) -> bool:
    """Whether the log names the project's total over its limit: PyPI's own words, or a total told, unless the text
    names a file's size against a limit in MB (the per-file limit, raised per project, ldcpy: "my file size is greater
    than my 200MB limit", with "total project size" only wondered about)."""
    if re.search(r"Project size too large", text):
        return True
    return bool(SAID_PROJECT_TOTAL.search(text)) and not said_file_limit(text)


def said_file_limit(text: str) -> bool:
    """Whether the log names a file's size against a limit in MB (PyPI's per-file limit)."""
    return bool(_SAID_FILE_LIMIT.search(text))


_SAID_FILE_LIMIT = re.compile(r"\bfile(?:[’']s)? size\b[^.\n]{0,60}?\b\d{1,4} ?MB\b[^.\n]{0,10}?\blimit\b|"
                              r"\bupload limit\b[^.\n]{0,40}?\b\d{1,4} ?MB\b(?! (?:in )?total)", re.I)
SAID_PROJECT_TOTAL = re.compile(r"Project size too large|\btotal (?:project )?size\b|\bproject(?:[’']s)? (?:total )?size\b|"
                                r"\b\d{1,4} ?GB\s(?:\w+\s)?(?:limit|quota|cap|maximum)\b", re.I)
# (a 413 "Request Entity Too Large" is a web server's, not PyPI's: PyPI answers an oversized file with a 400)
_SAID_SIZE_LIMIT = re.compile(r"\b(?:file|project|upload|package)?[- ]?size limit\b|\blimit (?:increase|request)\b|"
                              # "a limitation on the project size … (default 10GB limit for all releases)"
                              r"\blimit(?:ation)?s?\s(?:on|of|for)\s(?:the\s)?(?:project|file|upload|package)(?:[’']s)?\s"
                              r"(?:total\s)?size\b|\b\d{1,4} ?GB\s(?:\w+\s)?(?:limit|quota|cap|maximum)\b",
                              re.I)  # read only in a sentence that says the upload failed
_SIZE_CONTEXT = re.compile(r"pypi|\btwine\b|/legacy/|\bwheels?\b|\.whl\b|\bsdists?\b|\.tar\.gz\b", re.I)
# a dependency PyPI refuses: one given by a git or other URL
_SAID_DIRECT = re.compile(r"\b(?:git|github|vcs|url|repo|repository)(?:[- ]based| repo| url| repository)?[- ]"
                          r"(?:dependenc\w{1,4}|deps?|requirements?)\b|\bdirect (?:url )?references?\b|"
                          r"\bdepend\w{0,6}\b" + IN_SENTENCE + r"{0,30}?\b(?:from|on|via|as|to|pointing to) (?:an? |the |its )?"
                          r"(?:git|github|url|vcs|fork on github|git repo\w{0,6})\b|@ ?git\+|\bgit\+(?:https?|ssh)://", re.I)
# "git/URL references" are a dependency's only with a dependency word beside them (not a repository's links restored)
_SAID_URL_REFERENCE = re.compile(r"\b(?:git|github|vcs|url)(?:[- ]based| url)?[- ]references?\b", re.I)
_DEPENDENCY_WORD = re.compile(r"\bdepend\w{0,6}\b|\bdeps?\b|\brequire(?:s|d|ments?)?\b|\binstall_requires\b|"
                              r"@ ?git\+|\bdirect (?:url )?references?\b", re.I)
# URLs told as what is in `requires_dist` (NVTabular #1728: "urls in our package `requires_dist`"); an invalid
# requires_dist value alone may be a malformed requirement, not a URL
SAID_URL_REQUIRES = re.compile(r"\b(?:urls?|git|vcs|direct (?:url )?references?)\b(?:\s[\w`'-]+){0,3}?\s(?:in|inside|within|"
                               r"from)\s(?:\w+\s){0,3}?`?requires[_-]dist\b|`?\brequires[_-]dist\b`?\s(?:\w+\s){0,2}?"
                               r"(?:contains?|contained|holds?|held|has|had|with|carr(?:y|ies|ied))\s(?:\w+\s){0,2}?"
                               r"(?:urls?|git|direct (?:url )?references?)\b", re.I)
# two build jobs (runners, matrix legs) making wheels of one file name, which collide in the merged artifact and
# garble the file (actions/download-artifact#298; river #1726, scikit-build-core #696, iceberg-python #1622); a file
# name PyPI already holds is another thing (`DUPLICATES_ON_INDEX`)
_SAME_NAME = r"\b(?:the\s)?(?:same|identical|one|a\ssingle)\s(?:file\s?)?names?\b"
SAID_DUPLICATE_NAMES = re.compile(r"\b(?:two|2|three|several|multiple|both)\s(?:\w+\s){0,2}?(?:wheels?|artifacts?|files?|"
                                  r"builds?|jobs?|runners?|matrix (?:entries|legs|jobs))\b" + IN_SENTENCE + r"{0,40}?"
                                  + _SAME_NAME + r"|\bsame[- ]named\s(?:wheels?|artifacts?|files?)\b|"
                                  r"\bduplicate\s(?:wheel|artifact)\s?(?:file\s?)?names?\b|\bduplicate\swheels?\b|"
                                  r"\b(?:wheel|artifact)\s?(?:file\s?)?names?\b" + IN_SENTENCE + r"{0,30}?"
                                  r"\b(?:collid\w{1,3}|clash\w{0,3}|collision)\b", re.I)
_GARBLED = re.compile(r"\bcorrupt\w{0,4}\b|\bgarbl\w{1,3}\b|\bmangl\w{1,3}\b|\bBadZip[Ff]ile\b|\bbad magic\b|\bclobber\w{0,4}\b|"
                      r"\boverwr\w{1,6}\b|\bcollid\w{1,3}\b|\bcollision\b|\bconflict\w{0,3}\b|\bclash\w{0,3}\b|"
                      r"\b(?:broken|invalid|unreadable)\s(?:zip|wheels?|archives?)\b|\bduplicate\swheels?\b", re.I)
DUPLICATES_ON_INDEX = re.compile(r"\balready[- ](?:exist\w{0,3}|there|on (?:test\.?)?pypi|uploaded|published)\b|"
                                 r"\bexists? already\b|\b409\b|\bFile already exists\b|\bskip[-_ ]existing\b", re.I)
# files of an earlier build left in (or committed to) `dist/` and uploaded beside this build's (SmartBase-SK
# django-smartbase-admin #201): their version is already on the index; a step that cleans them is no such telling
_STALE = r"\b(?:stale|old|older|previous|leftover|left-over|outdated|committed|tracked)\b"
SAID_STALE_DIST = re.compile(_STALE + r"\s(?:[\w.`-]+\s){0,2}?(?:wheels?|files?|builds?|artifacts?|dists?|distributions?|"
                             r"sdists?|packages?)\s(?:\w+\s){0,2}?(?:in|inside|under|left in|from)\s(?:the\s)?`?dist\b(?![-_.]\w)|"
                             r"`?\bdist/?`?\s(?:folder\s|directory\s|dir\s)?(?:was|is|were|got|had been)\s(?:\w+\s)?"
                             r"(?:committed|tracked|checked in)\b|"
                             + _STALE + r"\s(?:[\w.`-]+\s){0,2}?(?:wheels?|files?|builds?|artifacts?|dists?|distributions?|"
                             r"sdists?)\b" + IN_SENTENCE + r"{0,60}?\b(?:alongside|beside|next to|along with|together with)"
                             r"\s(?:the\s)?(?:current|new|fresh|latest)\s(?:build|wheels?|files?|release|version|dists?)\b",
                             re.I)
_BEFORE_BUILD = re.compile(r"\bbefore\s(?:the\s|each\s|a\s)?(?:build|building)\b", re.I)
# a sentence that tells the old files cleaned (on purpose, or by a step) tells no stale upload
_CLEANED = re.compile(r"\b(?:clean\w{0,3}|remov\w{1,3}|delet\w{1,3}|wip(?:e|es|ed|ing)|purg\w{1,3}|clear\w{0,3}|rm -rf)\b",
                      re.I)
# nothing built to upload, told as such: `dist/` empty, a release tool that made no release ("When PSR finds no
# releasable commits, `dist/` is empty and the publish action errors")
SAID_DIST_EMPTY = re.compile(r"`?\bdist/?`?\s(?:folder\s|directory\s|dir\s)?(?:is|was|were|stays|stayed|remains|remained|"
                             r"ends up|ended up|is left|was left)\s(?:still\s|completely\s|then\s)?empty\b|"
                             r"\bempty\s`?dist/?`?(?:\s(?:folder|directory|dir))?\b|\bnothing\s(?:was\s|is\s|gets\s|got\s)?"
                             r"(?:built|to (?:upload|publish))\b", re.I)
SAID_NO_RELEASE = re.compile(r"\bno\s(?:new\s)?releasable\scommits?\b|\bno\s(?:new\s)?release\s(?:was\s|is\s|gets\s|got\s)?"
                             r"(?:made|created|cut|needed|published|required)\b|\bnothing\sto\srelease\b|"
                             r"\b(?:semantic-release|psr|release-please)\b" + IN_SENTENCE + r"{0,40}?\b(?:made|created|"
                             r"found|makes|creates|finds)\sno\s(?:new\s)?(?:release|version|releasable)\b|\bno\snew\sversion\b",
                             re.I)
# the publish action told as pinned to an old release ("The version set for `gh-action-pypi-publish` is 3 years old and
# the deploy is failing"); not a move away from an old one
_OLD = r"(?:\d{1,2}\s(?:years?|months?)\sold|old|outdated|stale|out[- ]of[- ]date|ancient|deprecated|sunset)"
SAID_ACTION_OLD = re.compile(r"\b(?:version|pin|ref|tag|release)s?\s(?:\w+\s)?(?:for|of|on)\s(?:the\s)?" + _ACTION
                             + r"\W{0,3}\s(?:is|was|being)\s(?:\w+\s){0,3}?" + _OLD + r"\b|"
                             + _ACTION + r"\W{0,3}\s(?:is|was)\s(?:pinned\s(?:to|at)\s)?(?:\w+\s){0,3}?" + _OLD + r"\b|"
                             r"\b" + _OLD + r"\s(?:\w+\s){0,2}?(?:version|pin|release|ref|tag)s?\s(?:of|for)\s(?:the\s)?"
                             + _ACTION, re.I)
_MOVED_OFF = re.compile(r"\b(?:upgrad|updat|bump|mov|switch|migrat|chang)\w{0,3}\b" + IN_SENTENCE + r"{0,40}?\b(?:from|to)\b", re.I)
# the `id-token: write` permission missing from the publishing job
_ID_TOKEN = r"(?:\bid[-_ ]tokens?\b|\boidc (?:token )?permissions?\b)"
_MISSING = r"\b(?:missing|lack\w{0,3}|without|forg[eo]t\w{0,3}|no|not (?:set|granted|given)|insufficient)\b"
_SAID_ID_TOKEN = re.compile(_MISSING + IN_SENTENCE + r"{0,40}?" + _ID_TOKEN + "|" + _ID_TOKEN
                            + IN_SENTENCE + r"{0,20}?\b(?:permissions? )?(?:is |was |were )?(?:missing|not set|"
                            r"not granted|lacking)\b", re.I)
_SAID_ID_TOKEN_ADDED = re.compile(r"\b(?:add\w{0,3}|grant\w{0,3}|giv(?:e|es|ing|en)|set\w{0,4}|includ\w{1,3})\b"
                                  + IN_SENTENCE + r"{0,40}?" + _ID_TOKEN, re.I)  # with a change told as the fix
_PYTHON_PUBLISH = re.compile(r"pypi|\btwine\b|\b(?:uv|poetry|pdm|hatch|flit|maturin)\b|trusted[ -]publish|"
                             r"gh-action-pypi-publish|\bpython\b", re.I)
_NOT_PYTHON = re.compile(r"\bnpm\b|NPM_TOKEN|\bcargo\b|\bcrates?\b|\bgems?\b|\bmaven\b|\bjsr\b|\baws\b|\bgcp\b|"
                         r"\bgoogle\b|\bazure\b|\bvault\b|\bcosign\b|\bprovenance\b", re.I)
_SAID_CREDENTIALS = re.compile(r"\b(?:credentials?|passwords?|api[ _-]?tokens?|tokens?|secrets?|authenticat\w{1,5})\b|"
                               r"\b(?:test)?pypi(?: account)?[ -]log-?ins?\b|\blog(?:ging)?[ -]?in\w{0,2}\s(?:to|into|on|at)\s"
                               r"(?:test\.?)?pypi\b", re.I)
_SAID_URL = re.compile(r"\b(?:url|endpoint|repository)\b" + IN_SENTENCE + r"{0,40}?\bnot found\b|\bnot found\b"
                       + IN_SENTENCE + r"{0,30}?\b(?:url|endpoint)\b", re.I)
# the upload URL told as wrong ("Wrong URL for test-pypi prevented publishing packages"), not a URL of the docs or README
SAID_WRONG_URL = re.compile(r"\b(?:wrong|incorrect|bad|invalid|mistyped|misspel\w{1,3}|outdated|old)\s(?:upload\s|"
                            r"repository\s|index\s|publish(?:ing)?\s|test[- ]?pypi\s|pypi\s)?(?:url|endpoint)s?\b", re.I)
_URL_ELSEWHERE = re.compile(r"\b(?:readme|badges?|docs?|documentation|homepage|home-page|project[_ -]urls?|links?|"
                            r"changelog|source|download[_ -]url|webhook|callback)\b", re.I)
# credentials told as misconfigured or wrong ("a misconfiguration of the credentials", "the token is wrong")
_CRED = r"\b(?:credentials?|passwords?|api[ _-]?tokens?|tokens?|secrets?)\b"
SAID_CRED_MISCONFIG = re.compile(r"\bmisconfigur\w{0,6}\b" + IN_SENTENCE + r"{0,30}?" + _CRED + "|" + _CRED + IN_SENTENCE
                                 + r"{0,30}?\b(?:misconfigur\w{0,6}|(?:is|are|was|were)\s(?:wrong|incorrect|invalid))\b", re.I)
# an uploader's credential variable told as unset ("`TWINE_USERNAME` was not set in sdist upload jobs")
SAID_VAR_UNSET = re.compile(r"\b(?:TWINE|PYPI|TEST_?PYPI|FLIT|HATCH_INDEX|UV_PUBLISH|POETRY_PYPI|POETRY_HTTP_BASIC_PYPI)_"
                            r"(?:USERNAME|USER|PASSWORD|TOKEN|API_TOKEN|AUTH)\b`?\s(?:(?:is|was|were|are)\s(?:not|never)|"
                            r"(?:wasn|isn|weren|aren)[’']t)\s(?:being\s)?(?:set|passed|provided|given|defined|exported)\b|"
                            r"\b(?:TWINE|PYPI|FLIT|HATCH_INDEX|UV_PUBLISH)_(?:USERNAME|USER|PASSWORD|TOKEN|API_TOKEN|AUTH)\b`?"
                            r"\s(?:is\s|was\s)?(?:missing|unset|empty)\b", re.I)
_OIDC_SAID = re.compile(r"\btrusted[ -]publish|\boidc\b|\bid-token\b", re.I)  # not an API token's refusal
# an uploader told as having got no password and tried Trusted Publishing instead ("Twine received no password and
# attempted unconfigured OIDC publishing"): the empty secret's fallback, not a refused token
SAID_FELL_BACK = re.compile(r"\b(?:received|got|had|found|given|with|without)\s(?:no|an empty|a blank|any)\s(?:\w+\s)?"
                            r"(?:passwords?|tokens?|credentials?)\b" + IN_SENTENCE + r"{0,60}?\b(?:attempt\w{0,3}|tr(?:y|ied|ies)|"
                            r"fell back|falls? back|fallback|went on)\b" + IN_SENTENCE + r"{0,40}?(?:\boidc\b|trusted[ -]publish)",
                            re.I)
# the workflow file told as renamed where a push to PyPI failed: the trusted publisher names the old file
SAID_WORKFLOW_RENAMED = re.compile(r"\bworkflow(?:\sfile)?\b" + IN_SENTENCE + r"{0,40}?\brenam\w{0,4}\b|\brenam\w{0,4}\b"
                                   + IN_SENTENCE + r"{0,30}?\bworkflow(?:\sfile)?\b", re.I)
_TOKEN_SAID = re.compile(r"\bapi[ _-]?tokens?\b|\bpasswords?\b", re.I)
# a credential told as never given to the upload ("the API token stopped being passed", "the password is not set"):
# nothing reached the index, so nothing was refused
SAID_NOT_PASSED = re.compile(_CRED + IN_SENTENCE + r"{0,30}?\b(?:stopped being (?:passed|set|provided|forwarded)|"
                             # a negation is needed for passed/set ("the token was set" is no missing token)
                             r"(?:(?:is|was|were|are)\s(?:not|never)|wasn[’']t|isn[’']t|weren[’']t|aren[’']t)\s(?:being\s)?"
                             r"(?:passed|set|provided|forwarded)\b|(?:is|was|were|are)\s(?:missing|unset)\b|"
                             r"(?:not|never) (?:being )?(?:passed|set|provided|forwarded)\b|missing\b|unset\b)|"
                             r"\b(?:missing|unset)\s(?:the\s)?(?:pypi\s)?" + _CRED, re.I)
# the secrets themselves told as absent from the repository ("the missing secrets", "secrets … set on the repo"), not
# a secret that exists and did not reach the step
SAID_SECRET_ABSENT = re.compile(r"\bmissing (?:\w+ )?secrets?\b(?! (?:in|from|to) (?:the |this |that )?(?:step|job|env))|"
                                r"\bsecrets?\b" + IN_SENTENCE + r"{0,80}?\b(?:on|in|for|to) (?:the |this |our |that )?"
                                r"(?:repo|repository|organi[sz]ation|org)\b", re.I)
# a README told as not rendering on PyPI, in a sentence that need not name PyPI ("The README.rst file is currently
# unable to render"): read where the text names PyPI elsewhere, and not where the sentence names another renderer
SAID_UNRENDERABLE = re.compile(r"\b(?:readme|long[ _]description)\b" + IN_SENTENCE + r"{0,40}?(?:(?:\b(?:un|not |no "
                               r"longer )able to|\bcan(?:no|[’'])?t|\bcould(?:n[’']t| not)|\b(?:does|did|do|would|will|wo)"
                               r"(?:n[’']t| not)|\bfail\w{0,3} to|\bnever)\s(?:\w+\s)?(?:be\s)?render\w{0,3}\b|"
                               r"\b(?:unrenderable|non-?rendering)\b)", re.I)
RENDERER_ELSEWHERE = re.compile(r"\bgit(?:hub|lab|ea)\b|\bbitbucket\b|\bsphinx\b|\bread ?the ?docs\b|\bmkdocs\b|"
                                r"\b(?:docs?|documentation) (?:site|page|build)\b|\bvs ?code\b|\bpycharm\b|\bjupyter\b|"
                                r"\blocally\b|\bin (?:the|my|your) (?:editor|browser|ide)\b", re.I)
_PYPI_WORD = re.compile(r"\b(?:test\.?)?pypi\b", re.I)
# a Metadata-Version told as refused ("every wheel had `Metadata-Version: 2.5`, which the pinned validator rejects");
# a field of the metadata named with it is that field's refusal (License-File under 2.2), not the version's
SAID_METADATA_VERSION = re.compile(r"\bmetadata[- ]version\b\W{0,3}(2\.[2-9]|[3-9]\.\d{1,2})\b", re.I)  # the versions older
# uploaders did not know (2.2 and later), not the 1.0 that twine's "Metadata is missing required fields" prints
_METADATA_FIELD = re.compile(r"\blicen[cs]e[-_ ](?:files?|expression)\b|\bdynamic\b|\brequires[-_ ]dist\b|"
                             r"\bprovides[-_ ]extra\b|\bproject[-_ ]url\b", re.I)
# a trusted publisher left stale by a renamed repository ("a pypi stale configuration as the repo name was changed"):
# both told, the staleness of PyPI's side and the rename of the repository, owner or organisation
_REPO = r"\b(?:repo\w{0,8}|org\w{0,10}|owner|namespace|github (?:user|account))\b"
SAID_STALE_PUBLISHER = re.compile(r"\b(?:stale|outdated|obsolete|out[- ]of[- ]date|old)\s(?:\w+\s){0,2}?(?:configurations?|"
                                  r"config|publishers?|settings?|entr(?:y|ies))\b|\b(?:trusted\s)?publishers?\b"
                                  + IN_SENTENCE + r"{0,40}?\bstill\s(?:\w+\s){0,2}?(?:old|previous|former)\b", re.I)
SAID_REPO_RENAMED = re.compile(_REPO + r"(?:\s(?:name|was|were|has|had|been|got|is|just)){0,3}\s(?:renamed|changed|moved|"
                               r"transferred)\b|\brenam\w{1,3}\b" + IN_SENTENCE + r"{0,30}?" + _REPO + "|" + _REPO
                               + r"\s(?:rename|move|transfer)\b", re.I)
# a repository move told by its two names ("changed our project name from ezyang/tlparse to pytorch/tlparse"), or a
# rename told as a noun ("the chatgpt2agent rename broke …")
SLUG_MOVED = re.compile(r"\bfrom\s`?([\w.-]{1,40}/[\w.-]{1,100}?)`?\s(?:to|into)\s`?([\w.-]{1,40}/[\w.-]{1,100}?)`?"
                        r"(?=[\s,;:)]|\.(?!\w)|$)", re.I)
_MOVED = re.compile(SAID_REPO_RENAMED.pattern + r"|" + SLUG_MOVED.pattern + r"|\brenam(?:e|es|ed|ing)\b", re.I)
# the trusted publisher (the OIDC exchange) told as broken or no longer recognising the workflow; read only beside a
# rename or move of the repository
_OIDC_WORDS = r"(?:\btrusted[ -]publish\w{0,3}\b|\boidc\b|\bopen ?id(?: ?connect)?\b|\bopenconnect\b)"
SAID_PUBLISHER_LOST = re.compile(_OIDC_WORDS + r"(?:[^.]|\.(?=\w)){0,40}?\b(?:broke|broken|no longer (?:match|work|recogni[sz]|"
                                 r"accept)\w{0,3}|stopped (?:working|matching))\b|\b(?:broke|broken|break\w{0,3}|no longer "
                                 r"(?:recogni[sz]|accept|match)\w{0,3})\b(?:[^.]|\.(?=\w)){0,60}?" + _OIDC_WORDS, re.I)
_PUBLISHER_SIDE = re.compile(r"\b(?:test\.?)?pypi\b|\btrusted[ -]publish", re.I)
# a step that cleaned `dist` before the upload ("a checkout step was cleaning the repository (that includes the `dist`
# directory)"): not a cleaning of old files before a build, which is what keeps stale files out of an upload
_WIPER = (r"\b(?:clean\w{0,3}|wip(?:e|es|ed|ing)|delet\w{1,3}|remov\w{1,3}|eras\w{1,3}|clear\w{0,3}|purg\w{1,3}|"
          r"empt(?:y|ies|ied|ying)|overwr\w{1,6})\b")
_STEP = r"\b(?:checkouts?|steps?|actions?|jobs?|git clean|actions/checkout)\b"
SAID_DIST_WIPED = re.compile(_STEP + IN_SENTENCE + r"{0,40}?" + _WIPER + IN_SENTENCE + r"{0,80}?`?\bdist\b(?![-_.]\w)|"
                             r"`?\bdist\b(?![-_.]\w)[`/]{0,2}(?:\s(?:directory|folder|dir))?\s(?:was|were|is|got|gets|had been)\s"
                             r"(?:\w+\s)?" + _WIPER + IN_SENTENCE + r"{0,30}?\bby\b" + IN_SENTENCE + r"{0,30}?" + _STEP, re.I)
_CLEANED_ON_PURPOSE = re.compile(r"\b(?:old|stale|previous|leftover|outdated)\s(?:\w+\s)?(?:files?|wheels?|builds?|"
                                 r"artifacts?|dists?|distributions?|versions?)\b|\bbefore\s(?:the\s|each\s|a\s)?"
                                 r"(?:build|building)\b", re.I)
# PyPI's rate limit told in a sentence: its 429, "too many requests", a rate limit, the limit on new projects; not the
# rate limit of GitHub's API or of a container registry
SAID_RATE_LIMIT = re.compile(r"(?<![#\w.-])429s?(?![\w-]|\.\d)|\btoo many requests\b|\brate[- ]limit\w{0,3}\b|"
                             r"\bnew[- ]projects?\s(?:\w+\s)?(?:registrations?|creations?|limit)\b", re.I)
_RATE_ELSEWHERE = re.compile(r"\bgithub(?:[’']s)? (?:api|rest|graphql)\b|\bapi\.github\.com\b|\bdocker ?hub\b|\bghcr\b|"
                             r"\bsecondary rate\b", re.I)
# a newer metadata format told as one an older uploader cannot read ("the new metadata format … the version of
# `pypa/gh-action-pypi-publish` we are using is not compatible")
_NEW_METADATA = (r"\b(?:new(?:er|est)?|latest|recent|updated)\s(?:core\s)?metadata(?:[- ](?:version|format|spec\w{0,9}|"
                 r"standard)s?)?\b")
_OLD_READER = r"(?:\btwine\b|\bpkginfo\b|gh-action-pypi-publish\b|\bpublish(?:ing)? action\b)"
_INCOMPATIBLE = (r"(?:\bnot compatible\b|\bincompatible\b|\bunsupported\b|\bnot support\w{0,3}\b|(?:\bcan(?:no|[’'])?t|"
                 r"\bcould(?:n[’']t| not)|\b(?:does|did|do)(?:n[’']t| not))\s(?:yet\s)?(?:read|handle|parse|understand|"
                 r"support|know)\b|\btoo old\b)")
SAID_NEW_METADATA = re.compile(_NEW_METADATA + IN_SENTENCE + r"{0,160}?" + _OLD_READER + IN_SENTENCE + r"{0,80}?"
                               + _INCOMPATIBLE + "|" + _OLD_READER + IN_SENTENCE + r"{0,80}?" + _INCOMPATIBLE
                               + IN_SENTENCE + r"{0,80}?" + _NEW_METADATA, re.I)
# actions/upload-artifact v4's immutable artifacts told as what kept the files from the upload ("cannot change existing
# artifact", "each job … its own named artifact"): the matrix jobs' files never came together
SAID_ARTIFACT_IMMUTABLE = re.compile(r"\bupload-artifact@v[4-9]\b" + IN_SENTENCE + r"{0,80}?(?:\b(?:can(?:no|[’'])?t|could(?:n[’']t|"
                                     r" not)|no longer|not)\s(?:be\s)?(?:change|modif|updat|append|add|overwrit|re-?upload)"
                                     r"\w{0,4}\b" + IN_SENTENCE + r"{0,30}?\bartifacts?\b|\bimmutable\b|\b(?:own|unique|"
                                     r"distinct)\s(?:\w+\s)?artifacts?\b)", re.I)
# `uv build` in a workspace member told as writing to the workspace root's `dist/` (aegra #181): the member's own
# `dist/`, where the artifact upload looked, stayed empty
SAID_UV_WORKSPACE_DIST = re.compile(r"\buv build\b" + IN_SENTENCE + r"{0,160}?\bworkspace(?:[- ]root|[’']s root|[’']s "
                                    r"`?dist|\sdist)\b|\bworkspace[- ]root\b" + IN_SENTENCE + r"{0,100}?\buv build\b", re.I)
# the uploader's options told as given in the wrong place, or its .pypirc as of an old or broken format
_OPTION = r"(?:`?--[\w-]{2,40}`?(?:\s(?:argument|option|flag))?|\b(?:arguments?|options?|flags?)\b)"
SAID_OPTION_ORDER = re.compile(_OPTION + IN_SENTENCE + r"{0,20}?\b(?:has|have|needs?|must|should)\s(?:to\s)?(?:come|go|be\s"
                               r"(?:placed|put|passed|given))\s\W{0,2}(?:after|before)\W{0,2}\s" + IN_SENTENCE + r"{0,20}?"
                               r"\b(?:twine|flit|uv|poetry|hatch|pdm)\b", re.I)
SAID_PYPIRC_FORMAT = re.compile(r"\.?pypirc\b" + IN_SENTENCE + r"{0,40}?\b(?:legacy|old|outdated|malformed|invalid|wrong|"
                                r"broken|deprecated)\b|\b(?:legacy|old|outdated|malformed|invalid|wrong|broken|deprecated)\s"
                                r"(?:\w+\s)?\.?pypirc\b", re.I)
_UPLOADER_WORD = re.compile(r"\b(?:twine|flit|uv|poetry|hatch|pdm)\b", re.I)
# a password that is not PyPI's: gpg's or gpg-agent's, ssh's, sudo's, a signing key's passphrase
LOCAL_SECRET = re.compile(r"\b(?:gpg(?:-agent|2)?|gnupg2?|pgp|ssh(?:-agent)?|sudo|signing key|secret key|private key)"
                          r"(?:[’']s)?(?:\s[\w-]{1,20}){0,3}?\s(?:passwords?|passphrases?|pins?)\b|\b(?:passwords?|"
                          r"passphrases?)\b(?:\s[\w-]{1,20}){0,3}?\s(?:of|for)\s(?:the\s|my\s|your\s|a\s)?(?:gpg|gnupg|"
                          r"pgp|signing|ssh|sudo)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`\"'(])")


# services a CI job uploads to besides the index: a sentence of their error is theirs (codecov's "upload token")
_OTHER_SERVICE = re.compile(r"codecov|coveralls|sonarcloud|sonarqube|codeclimate|\bquay\.io\b|\bs3://|"
                            r"amazonaws\.com|storage\.googleapis|\bhelm\b|\bcharts?\b|\bgh-pages\b|"
                            r"\b(?:upload|download)-artifact\b|\brelease[ _-]?assets?\b|\buploads\.github\.com\b|"
                            r"\bgh release\b|\baction-gh-release\b|\bgit lfs\b|\bzenodo\b|"
                            r"\bhugging ?face\b|\bhf hub\b", re.I)


@dataclass(frozen=True)
class _Said:
    """A row of what `_said_object` reads: the finding of a sentence that names this refused object."""
    finding: str
    all_of: Tuple["re.Pattern[str]", ...]  # every one must match the sentence
    none_of: Tuple["re.Pattern[str]", ...] = ()  # none may
    upload_url: bool = False  # the log must also name an upload URL of PyPI
    upload_named: bool = False  # the sentence must name PyPI or the upload, not only a release job (`_ABOUT_RELEASE`)


_ACCOUNT_SAID = re.compile(_TWO_FACTOR + r"|\busernames?\b[^.]{0,8}?(?:and|or|/)\s{0,3}passwords?\b", re.I)
# the refused objects a sentence may name, most specific first
# the job's GITHUB_TOKEN told as short of a scope ("the GITHUB_TOKEN only had read access", "a permissions issue", "add
# `contents: write`"), beside a write to GitHub it refused (a GitHub release, its assets, a pushed tag or commit)
SAID_TOKEN_SCOPE = re.compile(r"\bGITHUB_TOKEN\b" + IN_SENTENCE + r"{0,60}?\b(?:read[- ]only|read access|lack\w{0,3}|"
                              r"insufficient|missing|permissions?|scopes?)\b|\bread[- ]only\s(?:default\s)?(?:GITHUB_TOKEN|"
                              r"token)\b|\bgithub-actions\[bot\]|\bcontents\W{0,2}:\s?write\b|\bworkflow permissions\b|"
                              r"\bpermissions? (?:issue|problem|error)s?\b", re.I)
# GitHub refusing a release asset for another reason than the token's scope (an immutable release's 422)
_GITHUB_REFUSED_ELSE = re.compile(r"\b422\b|\bimmutable\b|Unprocessable", re.I)
SAID_GITHUB_WRITE = re.compile(r"\bGitHub releases?\b|\brelease assets?\b|\bgh release\b|"
                               r"\bpush\w{0,3}\b" + IN_SENTENCE + r"{0,40}?\b(?:tags?|commits?|branch|main|master)\b|"
                               r"\b(?:tags?|commits?)\b" + IN_SENTENCE + r"{0,30}?\bpush\w{0,3}\b", re.I)


# the summary (setup()'s `description`, `[project] description`) told as over PyPI's length limit ("PyPI's 512 character
# limit for summary/description field", "descriptions being too long"), not the README's long description
_SUMMARY_WORD = r"\b(?:summary|summaries|descriptions?)\b"
_TOO_LONG = (r"(?:\btoo long\b|\blonger than\b|\bexceed\w{0,3}\b|\bover\b|\bmore than\b)" + IN_SENTENCE + r"{0,30}?"
             r"\b\d{2,4}[- ]char\w{0,7}\b|\btoo long\b|\b\d{2,4}[- ]char(?:acter)?s?\s(?:limit|max\w{0,4})\b")
SAID_SUMMARY_LONG = re.compile(_SUMMARY_WORD + IN_SENTENCE + r"{0,60}?(?:" + _TOO_LONG + r")|(?:" + _TOO_LONG + r")"
                               + IN_SENTENCE + r"{0,40}?" + _SUMMARY_WORD, re.I)
_LONG_DESCRIPTION = re.compile(r"\blong[_ -]description\b|\breadme\b|\bfile name\b|\bfilename\b|\bpath\b", re.I)
SUMMARY_LONG_FIX = ("Shorten the summary to at most 512 characters on one line (PyPI's limit for the Summary field): it is "
                    "setup()'s `description` or `description` in pyproject.toml's `[project]`, not the README; rebuild "
                    "and upload.")


def summary_too_long(whole: str) -> bool:
    """The summary told (or refused) as longer than PyPI takes, in a text that is not about the README."""
    return any(SAID_SUMMARY_LONG.search(s) and not _LONG_DESCRIPTION.search(s) for s in _SENTENCE_END.split(whole)) \
        or bool(re.search(r"\bsummary\b[^\n]{0,80}?\b(?:at most|longer than|cannot be longer than)\s512\b", whole, re.I))


# a password or token told as breaking the upload's command line by its spaces or special characters (unquoted
# `-p ${{ secrets.X }}`): the shell split or read it before the uploader got it
_SECRET_WORD = r"\b(?:passwords?|tokens?|secrets?|credentials?)\b"
_SHELL_CHARS = (r"\b(?:special|shell|reserved|non-alphanumeric|punctuation)[- ](?:characters?|chars?|symbols?)\b|"
                r"\b(?:spaces?|whitespace)\b")
SAID_SECRET_SPECIAL = re.compile(_SECRET_WORD + IN_SENTENCE + r"{0,60}?(?:" + _SHELL_CHARS + r")|(?:" + _SHELL_CHARS
                                 + r")" + IN_SENTENCE + r"{0,40}?" + _SECRET_WORD, re.I)
_SHELL_TOLD = re.compile(r"\bquot\w{1,4}\b|\bescap\w{1,4}\b|\bshell\b|\bas a string\b|\bcommand[- ]line\b|\bsplit\w{0,3}\b|"
                         r"\bfail\w{0,4}\b|\bbreak\w{0,3}\b|\bbroke\b", re.I)
QUOTED_SECRET_FIX = ("Keep the secret off the command line: pass it through the step's `env:` (`TWINE_USERNAME: "
                     "__token__`, `TWINE_PASSWORD: ${{ secrets.PYPI_API_TOKEN }}`; twine reads them itself, no `-p`), or "
                     "at least quote it (`-p \"$TWINE_PASSWORD\"`): `${{ }}` is pasted into the script before the shell "
                     "runs it, so spaces split it into more arguments and `$`, `!`, `&` or quotes in it are read by the "
                     "shell.")


# a publish workflow or job told as never started: no upload ran, so nothing was refused
SAID_NEVER_RAN = re.compile(r"\b(?:publish\w{0,3}|release|upload|deploy\w{0,3}|pypi)\s(?:jobs?|workflows?|runs?|pipelines?)\s"
                            r"(?:was\s|were\s|has\s|had\s|did\s)?(?:never|not)\s(?:been\s)?(?:ran|run|triggered|started)\b|"
                            r"\b(?:workflows?|jobs?|pipelines?)\s(?:was\s|were\s|has\s|had\s)?never\s(?:been\s)?"
                            r"(?:ran|run|triggered|started)\b|\bno (?:upload|publish\w{0,3}) (?:step\s|job\s)?(?:ever\s)?ran\b", re.I)
SAID_NO_TRIGGER = re.compile(NO_TRIGGER, re.I)
_GITHUB_TOKEN_WORD = re.compile(r"\bGITHUB_TOKEN\b")


_SAID_OBJECTS: Tuple[_Said, ...] = (
    # GitHub's rule that events of the GITHUB_TOKEN start no workflow, told as why the publish never ran: before any
    # object of PyPI, since nothing reached it
    _Said("log-workflow-not-triggered", (SAID_NO_TRIGGER,)),
    _Said("log-workflow-not-triggered", (SAID_NEVER_RAN, _GITHUB_TOKEN_WORD)),
    # a secret the shell split or read on the upload's command line: the command, not the index, took it apart
    _Said("log-uploader-config", (SAID_SECRET_SPECIAL, _SHELL_TOLD), upload_named=True),
    _Said("log-environment-refused", (_SAID_ENVIRONMENT,)),  # GitHub's, read before any object of PyPI (a name)
    _Said("log-token-permission", (SAID_TOKEN_SCOPE, SAID_GITHUB_WRITE), (_GITHUB_REFUSED_ELSE,)),  # not PyPI's token
    _Said("log-action-ref-missing", (_SAID_ACTION_REF,)),
    _Said("log-action-ref-missing", (SAID_ACTION_OLD,), (_MOVED_OFF,)),  # a pin to an old release told as what fails
    _Said("log-uploader-missing", (_SAID_UPLOADER_MISSING,), upload_named=True),
    _Said("log-build-tool-missing", (SAID_SETUP_IMPORT,), upload_named=True),  # the import the release job lacks
    _Said("log-no-distributions", (NESTED_DIST,), upload_named=True),
    _Said("log-no-distributions", (_SAID_NO_DISTS,), upload_named=True),
    _Said("log-no-distributions", (SAID_DIST_WIPED,), (_CLEANED_ON_PURPOSE,), upload_named=True),
    _Said("log-no-distributions", (SAID_DIST_EMPTY,), (_BEFORE_BUILD,), upload_named=True),
    # two build jobs' wheels of one name garbled in the merged artifact: never a file already on the index
    _Said("log-invalid-distribution", (SAID_DUPLICATE_NAMES, _GARBLED), (DUPLICATES_ON_INDEX,)),
    _Said("log-password-uploads-disabled", (_SAID_PASSWORD,)),
    _Said("log-two-factor-required", (_SAID_TWO_FACTOR,)),
    _Said("log-invalid-pending-publisher", (_SAID_PENDING,)),
    _Said("log-attestation-exists", (_SAID_ATTESTATION,)),
    _Said("log-invalid-attestations", (_SAID_ATTESTATION_FAILED,)),
    _Said("log-invalid-publisher", (SAID_STALE_PUBLISHER, SAID_REPO_RENAMED, _PUBLISHER_SIDE)),
    _Said("log-invalid-publisher", (SAID_PUBLISHER_LOST, _MOVED, _PUBLISHER_SIDE)),  # a rename broke the publisher
    _Said("log-invalid-distribution", (SAID_SUMMARY_LONG,), (_LONG_DESCRIPTION,), upload_named=True),  # the Summary
    _Said("log-file-too-large", (_SAID_SIZE, _SIZE_CONTEXT)),
    _Said("log-file-too-large", (_SAID_SIZE_LIMIT, _SIZE_CONTEXT, _FAILED_SAID)),
    _Said("log-rate-limited", (SAID_RATE_LIMIT,), (_RATE_ELSEWHERE,), upload_named=True),
    _Said("log-no-distributions", (SAID_ARTIFACT_IMMUTABLE,)),
    _Said("log-no-distributions", (SAID_UV_WORKSPACE_DIST,), upload_named=True),
    _Said("log-uploader-config", (SAID_OPTION_ORDER,)),
    _Said("log-uploader-config", (SAID_PYPIRC_FORMAT, _UPLOADER_WORD)),
    _Said("log-direct-dependency", (_SAID_DIRECT,)),
    _Said("log-direct-dependency", (SAID_URL_REQUIRES,)),
    _Said("log-direct-dependency", (_SAID_URL_REFERENCE, _DEPENDENCY_WORD)),
    _Said("log-id-token-unset", (_SAID_ID_TOKEN, _PYTHON_PUBLISH), (_NOT_PYTHON,)),
    _Said("log-id-token-unset", (_SAID_ID_TOKEN_ADDED, _CHANGE_SAID, _PYTHON_PUBLISH), (_NOT_PYTHON,)),
    _Said("log-name-not-allowed", (_SAID_NAME,)),
    _Said("log-project-not-owned", (_SAID_TAKEN,), upload_named=True),
    _Said("log-project-not-owned", (_SAID_ROLE_MISSING,), upload_named=True),
    _Said("log-unsupported-platform-tag", (_SAID_PLATFORM,)),
    _Said("log-unsupported-platform-tag", (SAID_MISNAMED_WHEEL,), upload_named=True),
    _Said("log-local-version", (_SAID_LOCAL,)),
    _Said("log-sdist-exists", (TWO_SDISTS,), upload_named=True),  # a .tar.gz and a .zip sdist of one version
    _Said("log-artifact-name-conflict", (SAID_ARTIFACT_CONFLICT,)),
    _Said("log-tag-version-mismatch", (SAID_TAG_WRONG, SAID_FILE_VERSION)),  # a tag told wrong, a file's version
    _Said("log-file-exists", (SAID_STALE_DIST,), (_CLEANED,), upload_named=True),  # an earlier build's files in dist/
    _Said("log-file-exists", (_SAID_REUPLOAD,), upload_named=True),
    _Said("log-file-exists", (SAID_DELETED_REUSE,), upload_named=True),
    _Said("log-file-exists", (_SAID_SKIP,), upload_named=True),
    _Said("log-file-exists", (_SAID_SAME_FILE,), (_ATTESTATION_WORD,), upload_named=True),  # the same attestation files
    _Said("log-file-exists", (_SAID_SHALLOW, _SHALLOW_VERSION), upload_named=True),  # every build the same tagless version
    _Said("log-description-invalid", (_SAID_DESCRIPTION,)),
    _Said("log-description-invalid", (_SAID_DEFAULT_FORMAT,)),
    _Said("log-description-invalid", (SAID_RST_MARKUP,), upload_named=True),
    _Said("log-invalid-distribution", (_SAID_CLASSIFIER,)),
    _Said("log-invalid-distribution", (SAID_STRAY_FILES,)),
    _Said("log-metadata-unsupported", (_SAID_METADATA,)),
    _Said("log-metadata-unsupported", (SAID_NEW_METADATA,)),
    _Said("log-metadata-unsupported", (SAID_METADATA_VERSION,), (_METADATA_FIELD,), upload_named=True),
    _Said("log-invalid-publisher", (_SAID_PUBLISHER,)),
    _Said("log-invalid-publisher", (SAID_WORKFLOW_RENAMED,), (_TOKEN_SAID,), upload_named=True),
    _Said("log-invalid-publisher", (_SAID_PUBLISHER_MISSING,)),
    _Said("log-server-error", (_SAID_SERVER,), (re.compile(r"\bgithub\b", re.I),), upload_named=True),
    _Said("log-wrong-upload-url", (_SAID_URL,), upload_url=True, upload_named=True),
    _Said("log-wrong-upload-url", (SAID_WRONG_URL,), (_URL_ELSEWHERE,), upload_named=True),
    # a sentence naming two-factor or a username and password is of those classes even when it says more than their
    # words catch: never read as a refused token
    # a credential told as never passed is none sent, not one refused
    _Said("log-secret-empty", (SAID_FELL_BACK,), upload_named=True),
    _Said("log-credential-missing", (SAID_VAR_UNSET,), upload_named=True),
    _Said("log-credential-missing", (SAID_NOT_PASSED,), (_OIDC_SAID, re.compile(_ID_TOKEN, re.I)), upload_named=True),
    _Said("log-token-rejected", (_SAID_CREDENTIALS,), (_OIDC_SAID, _ACCOUNT_SAID, SAID_NEVER_RAN, SAID_NO_TRIGGER),
          upload_named=True),  # never a credential refused by a run that never started
)


def _stale_dist(whole: str) -> bool:
    """An earlier build's files told as left in (or committed to) `dist/` and uploaded with this one's."""
    return any(SAID_STALE_DIST.search(s) and not _CLEANED.search(s) for s in _SENTENCE_END.split(whole))


def _said(cleaned: List[Tuple[int, str]], whole: str) -> Optional[Tuple[str, int]]:
    """(finding id, line) of a failure a person told in a sentence (a pull request, an issue) instead of pasting the
    error, read by the object the sentence says was refused: a version or file uploaded again, an attestation used a
    second time, the project name, the README, a classifier, twine's metadata check, the trusted publisher, usernames
    and passwords, the upload URL, the credentials. Only a sentence that speaks of PyPI or the upload and says that
    something failed counts; the object may be named in it or in the sentence just before it ("2.8.0 was yanked.
    PyPI won't let us upload another version")."""
    pypi_url = re.search(UPLOAD_URL + r"|https?://(?:upload|test)\.pypi\.org/legacy", whole, re.I)
    sentences = [(n, s) for n, t in _unwrapped(cleaned) for s in _SENTENCE_END.split(t) if s.strip()]
    lines = dict(cleaned)
    for i, (n, sentence) in enumerate(sentences):
        unrenderable = bool(SAID_UNRENDERABLE.search(sentence) and not RENDERER_ELSEWHERE.search(sentence)
                            and _PYPI_WORD.search(whole))  # a README that does not render, in a text about PyPI
        named = _ABOUT_UPLOAD.search(sentence) is not None or unrenderable or bool(
            (SAID_CRED_MISCONFIG.search(sentence) or _SAID_PASSWORD.search(sentence))
            and _PYPI_UPLOAD.search(whole))  # credentials (a username and password told as dropped) of a log about PyPI
        tag_told = SAID_TAG_WRONG.search(sentence) is not None  # a tag is a release's, in a text about PyPI
        only_tag = not named and not _ABOUT_RELEASE.search(sentence)  # read for the tag's finding alone
        if only_tag and not tag_told:
            continue
        # a size over the limit, a missing `id-token` and a name already someone else's tell the refusal themselves;
        # a change told as the upload's fix tells it too
        if not (_FAILED_SAID.search(sentence) or _SAID_SIZE.search(sentence) or _SAID_ID_TOKEN.search(sentence)
                or _SAID_TAKEN.search(sentence) or _SAID_ROLE_MISSING.search(sentence) or _SAID_PASSWORD.search(sentence)
                or _CHANGE_SAID.search(sentence)
                or _SAID_PUBLISHER_UNMATCHED.search(sentence) or _SAID_NO_DISTS.search(sentence)
                or _SAID_UPLOADER_MISSING.search(sentence) or SAID_CRED_MISCONFIG.search(sentence) or unrenderable
                or SAID_DIST_WIPED.search(sentence) or SAID_NEW_METADATA.search(sentence)
                or SAID_OPTION_ORDER.search(sentence) or (SAID_PYPIRC_FORMAT.search(sentence) and _UPLOADER_WORD.search(sentence))
                or (SAID_ARTIFACT_IMMUTABLE.search(sentence) and _PYPI_WORD.search(whole)) or (SAID_STALE_PUBLISHER.search(sentence)
                                                        and SAID_REPO_RENAMED.search(sentence)) or (SAID_PUBLISHER_LOST.search(sentence) and _MOVED.search(sentence))
                or SAID_VAR_UNSET.search(sentence) or SAID_FELL_BACK.search(sentence) or SAID_RATE_LIMIT.search(sentence)
                or NESTED_DIST.search(sentence) or SAID_ARTIFACT_CONFLICT.search(sentence) or SAID_DELETED_REUSE.search(sentence)
                or (_SAID_SKIP.search(sentence) and _SKIP_GATE.search(whole)) or tag_told
                or SAID_NO_TRIGGER.search(sentence) or (SAID_NEVER_RAN.search(sentence) and _GITHUB_TOKEN_WORD.search(sentence))
                or (SAID_SECRET_SPECIAL.search(sentence) and _SHELL_TOLD.search(sentence))):
            continue
        windows = [(sentence, (n,))]
        if i:
            windows.append((sentences[i - 1][1] + " " + sentence, (sentences[i - 1][0], n)))
        if i + 1 < len(sentences):  # "…got an HTTP 403. Turns out there's already a package with the same name"
            windows.append((sentence + " " + sentences[i + 1][1], (n, sentences[i + 1][0])))
        for told, where in windows:
            if any(_OTHER_REGISTRY.search(lines[k]) or _OTHER_SERVICE.search(lines[k]) for k in where) and not (
                    (SAID_ARTIFACT_IMMUTABLE.search(told) and _PYPI_WORD.search(whole))  # upload-artifact's own
                    or SAID_UV_WORKSPACE_DIST.search(told)  # the artifact of a build that wrote elsewhere
                    or (SAID_TOKEN_SCOPE.search(told) and SAID_GITHUB_WRITE.search(told)
                        and not _GITHUB_REFUSED_ELSE.search(told))):  # a write to GitHub its token was refused
                continue  # about another service's upload (codecov's "upload token", a Helm chart's 403)
            found = _said_object(told, pypi_url is not None, named)
            if found and (not only_tag or found == "log-tag-version-mismatch"):
                return found, n
    return None


# a failure told as fixed in the sentence that names it: "(`invalid-publisher`) …, which has now been added", "X (fixed
# that)", "after fixing X, now Y" (the fix word before X with no clause break between), "I fixed X, but …"
_FIXED_AFTER = re.compile(r"^[^;:]{0,160}?\b(?:which|that|it|this|they)\s(?:(?:has|have|had|is|was|were|are)\s)?(?:now\s|since\s|"
                          r"already\s|just\s)?(?:been\s)?(?:added|fixed|resolved|solved|registered|corrected|configured)\b|"
                          r"^\W{0,3}\s?\(?(?:now\s)?(?:fixed|resolved|solved)(?:\s(?:that|it|this|now))?\b", re.I)
_FIXED_BEFORE = re.compile(r"\b(?:after|once|since)\s(?:(?:I|we|you)\s)?(?:(?:have|had|'ve)\s)?(?:fix\w{0,3}|resolv\w{1,3}|"
                           r"solv\w{1,3}|add\w{0,3}|register\w{0,3})\b[^,;:]{0,80}$|\b(?:I|we)(?:\s(?:have|had)|'ve)?\s"
                           r"(?:fixed|resolved|solved)\b[^,;:]{0,80}$", re.I)
_STILL = re.compile(r"\bstill\b|\bnot\b|n[’']t\b|\bnever\b", re.I)


def said_fixed(cleaned: List[Tuple[int, str]], finding: LogFinding) -> bool:
    """Whether the sentence that names the finding's error says it is fixed already (a second failure came after it:
    clipman's "The first failure (`invalid-publisher`) … has now been added. The re-run … tripped on …")."""
    line = dict(cleaned).get(finding.line, "")
    m = _RX[finding.pattern.id].search(line) if finding.pattern.id in _RX else None
    if not m:
        return False
    start = max((e.end() for e in _SENTENCE_END.finditer(line, 0, m.start())), default=0)
    end = next((e.start() for e in _SENTENCE_END.finditer(line, m.end())), len(line))
    before, after = line[start:m.start()], line[m.end():end]
    told = _FIXED_AFTER.search(after)
    if told and not _STILL.search(after):  # "…, which has been fixed, still happens" is no fix
        return True
    told = _FIXED_BEFORE.search(before)
    clause = re.split(r"[,;:]|\bbut\b", after, maxsplit=1)[0]
    return bool(told and not _STILL.search(before[told.start():] + clause))


_WRAPPED_ON = re.compile(r"^\s{0,3}[a-z(`]")  # a line that goes on with the sentence of the line before


def _unwrapped(cleaned: List[Tuple[int, str]]) -> List[Tuple[int, str]]:
    """Prose lines joined where a sentence was wrapped over them (a commit message, an e-mail): a line that ends
    without a sentence's end and a next line that starts in lower case are one line, numbered as its first."""
    out: List[Tuple[int, str]] = []
    for n, t in cleaned:
        prev = out[-1][1] if out else ""
        if out and out[-1][0] + prev.count("\n") + 1 == n and prev.strip() and not re.search(r"[.!?:;,)`]\s*$|^\s*(?:[-*>#|]|\d+\.)\s", prev) \
                and _WRAPPED_ON.match(t) and not logtext.is_noise(t):
            out[-1] = (out[-1][0], prev + "\n" + t)
        else:
            out.append((n, t))
    return [(n, t.replace("\n", " ")) for n, t in out]


def _said_object(told: str, pypi_url: bool, named: bool = True) -> Optional[str]:
    """The finding of the refused object a sentence (or two) names: the first row of `_SAID_OBJECTS` whose patterns
    all match and none of whose exclusions do (and, where the row asks, with an upload URL of PyPI in the log, or
    with PyPI or the upload `named` in the sentence that tells the failure)."""
    told = LOCAL_SECRET.sub(" ", told)  # a password of gpg, ssh or sudo is no credential of PyPI
    for row in _SAID_OBJECTS:
        if all(rx.search(told) for rx in row.all_of) and not any(rx.search(told) for rx in row.none_of) \
                and (pypi_url or not row.upload_url) and (named or not row.upload_named):
            return row.finding
    return None


# what says a credential was empty or never read, beside the keyring's warning that comes before any prompt
_EMPTY_OR_UNREAD = re.compile(r"Credential not found for|Your password is empty|EOFError|NoKeyringError|NonInteractive", re.I)
_ANSWERED = re.compile(r"^\s*Enter your (?:password|API token):", re.I)
_AFTER_PROMPT = re.compile(r"^\s*Uploading\s\S|^\s*\d{1,3}%\|", re.I)


def _prompt_answered(cleaned: List[Tuple[int, str]]) -> bool:
    """Whether a password prompt was answered: it is followed by the upload of a file (a person typed it)."""
    at = next((i for i, (_, t) in enumerate(cleaned) if _ANSWERED.search(t)), None)
    if at is None or re.search(r"EOFError|NonInteractive|Traceback", cleaned[at][1]):
        return False
    return any(_AFTER_PROMPT.search(t) for _, t in cleaned[at + 1:at + 6])


def _prompt_at_end(cleaned: List[Tuple[int, str]]) -> Optional[int]:
    """The line of a credential prompt that ends the log (nothing was typed in CI), if one does."""
    rest = [(n, t) for n, t in cleaned if t.strip() and not logtext.is_noise(t)]
    return rest[-1][0] if rest and _PROMPT.search(rest[-1][1]) else None


def scan(text: str) -> Tuple[List[LogFinding], Dict[str, str]]:
    """The recognised errors and the claims the log prints."""
    r = read(text)
    return r.findings, r.claims
