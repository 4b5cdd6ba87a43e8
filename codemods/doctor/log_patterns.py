"""The known texts of a failed publish run: one LogPattern per cause, in the order they are tried.

The texts are those of pypa/gh-action-pypi-publish, PyPI (warehouse), twine and uv (research/domain.md §1.3, §2.4,
§6). Each pattern has the same documentation fields as a rule; `migrate explain ID` and docs/findings.md print them.
"""
from __future__ import annotations

import re
from typing import Tuple

from codemods.doctor import generic_failures
from codemods.doctor.log_types import LogPattern
from codemods.doctor.rules import ERROR, WARNING


# a version number as a check prints it (`0.3.2`, `(v1.4.0)`), and the words of two values that differ: the tag/version
# check of a release workflow prints both values, a sentence about a changelog does not
_VERSION_SHOWN = r"[`'\"(]{0,2}v?\d{1,6}(?:\.\w{1,12}){1,4}\b"
_DIFFER = r"(?:\b(?:does|did|do)(?:n[’']?t|\snot)\smatch\b|\s!=\s|\bmismatch\w{0,2}\b|\bvs\b\.?|\bdiffers? from\b)"
# the core metadata fields by packaging's raw names (its `'<value>' is invalid for '<field>'` names one of them)
CORE_FIELD = (r"(?:metadata-version|name|version|dynamic|platform|supported-platform|summary|description|"
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
               r"(?:Error: |\[error\]File not found: '?)docker(?:: command not found|'?)|"
               # the action's entry point in its linux/amd64 image, started on a runner of another architecture
               r"\bexec /app/twine-upload\.sh: exec format error",
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
UPLOAD_URL = r"https?://(?:[\w-]{1,40}\.){0,3}(?:test)?pypi\.(?:org|io|python\.org)(?:/legacy/?|/pypi/?|/)?(?=[\s'\")\]`]|$)"
# hosted runner labels GitHub has retired (its runner-images announcements), as a job's `runs-on` names them
RETIRED_LABEL = r"\b(?:ubuntu-(?:16|18|20)\.04|macos-10\.1[45]|macos-1[123](?:\.0)?|windows-201[69])\b"
# setup.py importing a module the environment that runs it lacks (a build requirement `[build-system]` does not list):
# its own frame last in the traceback
SETUP_IMPORT_MISSING = (r"\bsetup\.py\W{1,3}line \d{1,5}, in <module>\s{1,20}(?:from|import)\s[^\n]{1,200}?\s"
                        r"(?:ModuleNotFoundError|ImportError): No module named '(\w{1,40})'")
# the uploader's own frame importing a module that is not installed at all (twine 3.8.0's undeclared `packaging`,
# pypa/twine#894; an install without dependencies): the traceback's last frame is the uploader's
UPLOADER_MODULE_MISSING = (r"[/\\]twine[/\\][\w/\\]{1,60}\.py\W{1,3}line \d{1,5}, in <module>\s{1,20}(?:from|import)\s"
                           r"[^\n]{1,200}?\s(?:ModuleNotFoundError|ImportError): No module named '?(?!twine\b)(\w{1,40})\b'?")
# that twine vendored by a build tool's rule (Bazel's `external/pypi__twine_1_12_1` in a `.runfiles` tree): the rule
# runs it without twine's own dependencies (typedb/bazel-distribution #26)
VENDORED_UPLOADER = r"[/\\](?:external[/\\]pypi__twine\w{0,20}|[\w.-]{1,100}\.runfiles)[/\\](?:[\w.-]{1,100}[/\\]){0,4}twine[/\\]"
VENDORED_MODULE_TITLE = "The upload tool a build rule vendors cannot import its own dependency"
# the uploader run by a build system's own binary (Bazel's `py_binary`, Bzlmod, a `.runfiles` tree): its sandbox sees
# only the target's declared deps, never the job's packages (typedb/bazel-distribution #429)
BUILD_SANDBOX = r"\b(?:py_binary|pex_binary|python_binary|Bzlmod|MODULE\.bazel|bazel(?:isk)?)\b|\.runfiles\b"
SANDBOX_UPLOADER_TITLE = "The upload tool is not among the deps of the build system's binary that runs the upload"
SANDBOX_UPLOADER_FIX = ("Add the uploader and its own dependencies (twine, setuptools, wheel from the rule's pip hub) to the "
                        "deps of the binary that runs the upload (the `py_binary` a publish macro creates), or use a "
                        "release of the rule that does; a `pip install twine` in the job does not reach the sandbox.")
VENDORED_MODULE_FIX = ("The build tool's rule that vendors the uploader runs it without the uploader's own dependencies: give "
                       "the rule those dependencies (its requirements), or use a release of the "
                       "rule that supplies them.")
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
# GitHub's docs word it "will not create a new workflow run"; the token may come after the verb ("cannot trigger another
# workflow via events that use `GITHUB_TOKEN`", "does not fire workflow events for tag pushes made by `GITHUB_TOKEN`"),
# then only where the token is what made the event (via, by, with, from, using), not a condition on it ("unless")
_NOT_STARTED = (r"(?:do(?:es)?(?:n[’']t| not)|won[’']t|will not|can(?:no|[’'])?t|never)\s(?:\w+\s)?(?:trigger|start|run|"
                r"fire|kick|create)")
NO_TRIGGER = (r"\bGITHUB_TOKEN\b`?[^.\n]{0,80}?\b" + _NOT_STARTED + r"\w{0,3}\b[^.\n]{0,40}?\b(?:workflows?|runs?|jobs?|"
              r"pipelines?|actions?)\b|\b(?:workflows?|runs?|jobs?)\b[^.\n]{0,60}?\b(?:not|never)\s(?:be(?:en)?\s)?"
              r"(?:triggered|started|run)\s(?:by|for|from)\s[^.\n]{0,40}?\bGITHUB_TOKEN\b|"
              r"\b" + _NOT_STARTED + r"\w{0,3}\s(?:(?:another|other|new|any|a|the)\s){0,2}(?:workflows?|runs?)\b[^.\n]{0,40}?"
              r"\b(?:via|by|with|from|using|use|uses)\s(?:the\s|a\s|repository's\s|job's\s)?`?\$?\{?\{?\s?"
              r"(?:secrets\.)?GITHUB_TOKEN\b")
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
    # a publish job told as skipped (its `needs:` job failed, or a release tool's output said no release): nothing ran
    LogPattern("log-publish-skipped", ERROR,
               r"\b(?:publish|upload|deploy)\w{0,3}\s(?:(?:jobs?|steps?|workflows?)\s)?(?:was\s|were\s|is\s|gets\s|got\s|"
               r"then\s|also\s)?(?:skipped|skips)\b(?!\s(?:existing|already|files?|the files?)\b)|"
               r"\bskip(?:ped|s)\s(?:the\s)?(?:publish|upload|deploy)\w{0,3}\s(?:jobs?|steps?)\b|"
               # a job named by its id (`publish-pypi`, `pypi-upload`), alone or with another, told as skipped
               r"`[\w-]{0,30}(?:publish|pypi|upload|deploy)[\w-]{0,30}`(?:\s(?:and|,)\s`[\w-]{1,40}`){0,3}(?:\sjobs?)?\s"
               r"(?:was|were|is|are|got|get|gets)\s(?:also\s|then\s)?skipped\b|"
               # a version told as not deployed beside a step or job told as skipped ("2.3.6 wasn't deployed to PyPI, …
               # the step was skipped because `if: …` didn't match")
               r"\b(?:was|were|is|are)(?:n[’']t|\snot)\s(?:deployed|published|uploaded|released)\b[^\n]{0,120}?"
               r"\b(?:steps?|jobs?)\s(?:was|were|got|is|are)\s(?:also\s)?skipped\b",
               "The publish job was skipped: no upload ran",
               "A job with `needs:` is skipped when a job it needs fails, and a publish job gated on a release tool's "
               "output (release-please's `release_created`, python-semantic-release's `released`) is skipped when "
               "that output is false. A release tool that made the GitHub release and tag and then failed (a timeout) "
               "leaves a version that never reached PyPI, and a re-run skips again: the tool finds its release there "
               "already and reports none. Nothing was uploaded and PyPI refused nothing.",
               "- publish job skipped (`needs` not satisfied)\nRe-running the workflow does not help: release-please "
               "sees v0.3.0 already exists, sets `release_created=false`, and publish skips again.",
               "Publish the version that was skipped from its existing tag: a `workflow_dispatch` trigger with a "
               "`tag` input on the publish workflow, whose job checks that tag out, builds and uploads (or the same by "
               "hand); re-running the release workflow skips again once its release exists. If the job it needs "
               "failed for another reason, that failure is the one to fix."),
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
    # a signing step (Sigstore) whose client could not verify Sigstore's trust root: TUF's own words for a root signed by
    # too few of the keys the client trusts, as a pinned client's embedded root meets Sigstore's rotated keys
    LogPattern("log-signing-trust-root", ERROR, r"\bUnsignedMetadataError\b|\broot was signed by \d{1,2}/\d{1,2} keys\b",
               "A signing step could not verify Sigstore's trust root",
               "Sigstore clients (sigstore-python, and the actions that install it) bootstrap from a copy of Sigstore's "
               "TUF root that they embed; Sigstore rotates those keys from time to time, and a pinned client whose "
               "embedded root predates the rotation can no longer verify the live one, so the signing step fails before "
               "signing anything. Nothing in the workflow, the files or the PyPI credentials changed; where the upload "
               "ran before this step, the version is already on PyPI.",
               "tuf.api.exceptions.UnsignedMetadataError: root was signed by 0/3 keys",
               "Move the signing action (or the sigstore package it installs) to its current release, whose embedded "
               "root verifies Sigstore's rotated keys, pinned by commit; then re-run the release, or, where the upload "
               "ran before the signing step, publish the next version: PyPI never takes the same file twice."),
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
    LogPattern("log-name-not-allowed", ERROR, r"too similar to (?:an )?existing project|The name '[^']{1,200}' isn't allowed|"
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
               # the same refusal quoted cut short in a sentence ("failed with \"License-File LICENSE does not exist\"")
               r"\bLicense-File `?[\w./-]{1,200}`? does not exist(?=[\"'`”]|\.?\s*$)|"
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
               r"'[^'\n]{0,300}' is invalid for '" + CORE_FIELD + r"'|'" + CORE_FIELD + r"' must be one of \[|"
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
               # the runner that starts an uploader (`uvx twine upload`, `pipx run twine`) missing from the job
               r"(?<![\w-])(?:uvx|pipx): (?:command )?not found|"
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
               # the same crash told in a sentence that names twine, with or without the colon (mozilla/experimenter
               # #11331: "a CI error (KeyError 'license') … due to … `twine` removing `license` from the metadata")
               r"\bKeyError:?\s?\(?'(?:home-page|license)'(?=[^\n]{0,300}?\btwine\b)|"
               r"\btwine\b[^\n]{0,300}?\bKeyError:?\s?\(?'(?:home-page|license)'|"
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
               # a release tool's own refusal to upload without a .pypirc (zest.releaser before 6.21, zest.releaser#353)
               r"\bmust have a (?:properly )?configured \.pypirc\b|"
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
               "An artifact name was uploaded more than once in the run, which actions/upload-artifact v4 refuses",
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

ORDER = ("log-action-deprecated", "log-artifact-name-conflict", "log-runner-retired", "log-python-setup", "log-workflow-invalid", "log-workflow-not-triggered", "log-publish-skipped", "log-action-not-allowed", "log-environment-refused", "log-nested-id-token", "log-token-permission", "log-action-ref-missing", "log-action-bug",
         "log-signing-trust-root",
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
BY_ID = {p.id: p for p in _FIRST + NEW + (generic_failures.GIT_VERSION,)}
PATTERNS: Tuple[LogPattern, ...] = tuple(BY_ID[i] for i in ORDER)  # most specific cause first
UNRECOGNISED = LogPattern(
    "log-not-recognised", WARNING, "", "The log's error was not recognised",
    "None of the known texts of the publish action, PyPI, twine or uv is in the log, so the doctor cannot name the "
    "cause; the last lines that look like an error are shown instead.",
    "ERROR    Something unexpected happened", "Paste the whole log of the failing step (with the lines before the "
    "error), or open an issue with it.")
COMPILED = [(p, re.compile(p.pattern, re.I)) for p in PATTERNS]
# the failures of a general shape (a module, a program, a variable missing), read only where no known text is found
# and only at the lines where the log fails: documented and explained as the known texts are
PATTERNS += generic_failures.GENERIC
RX = {p.id: rx for p, rx in COMPILED}
