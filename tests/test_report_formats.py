"""`--format json|markdown|github` of to-oidc and to-token, and `doctor --format markdown`.

Every golden case's JSON report is validated against docs/report.schema.json, and the three formats
are checked against the text report and the diff they must agree with; `--format text` stays what
the golden reports hold (tests/test_golden.py).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from conftest import WORKFLOW, Repo
from test_golden import CASES, GOLDEN, PROJECT_FILES, _args, _repo_files

SCHEMA = json.loads((Path(__file__).parent.parent / "docs" / "report.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
COMMAND = re.compile(r"^::(notice|warning|error)( (file=[^,:]+(,line=\d+)?)?(,?title=[^:]+)?)?::[^\r\n]*$")


def schema_errors(data: dict) -> list:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]


def _case_repo(case: Path, root: Path) -> Repo:
    repo = Repo(root)
    for name in PROJECT_FILES:
        if (case / name).is_file():
            repo.write(name, (case / name).read_bytes())
    for rel, content in _repo_files(case).items():
        repo.write(rel, content)
    repo.write(WORKFLOW, (case / "input.yml").read_bytes())
    return repo


def table_problems(markdown: str) -> list:
    """Rows of a GFM table whose cell count differs from its header's (an unescaped `|`, a newline)."""
    problems = []
    for block in markdown.split("\n\n"):
        lines = block.strip("\n").split("\n")
        if lines and lines[0].startswith("| "):
            cells = {len(re.findall(r"(?<!\\)\|", line)) for line in lines}
            if len(cells) != 1 or not re.fullmatch(r"\|(---\|)+", lines[1]):
                problems.append(lines[:3])
    return problems


@pytest.mark.parametrize("name", CASES)
def test_every_golden_case_in_every_format(name: str, tmp_path: Path) -> None:
    case = GOLDEN / name
    repo = _case_repo(case, tmp_path / "r")
    before = repo.read()
    for direction in ("to-oidc", "to-token"):
        args = ["--dry-run", *_args(case, direction)]
        text = repo.migrate(direction, *args)
        as_json = repo.migrate(direction, *args, "--format", "json")
        assert as_json.stderr == text.stderr, "the text report on stderr does not depend on --format"
        assert as_json.code == text.code
        data = json.loads(as_json.stdout)
        assert schema_errors(data) == [], f"{name} {direction}"
        assert data["version"] == 1 and data["command"] == direction and data["mode"] == "dry-run"
        # the JSON holds the same diff as --dry-run prints, file by file
        shown, diff = set(), ""
        for f in data["files"]:
            diff += f["diff"] or ""
            for c in f["companions"]:
                if c["path"] not in shown:
                    shown.add(c["path"])
                    diff += c["diff"]
        assert diff.replace("\r\n", "\n") == text.stdout  # click's Result.stdout reads CRLF as LF
        summary = data["summary"]
        assert text.stderr.rstrip("\n").rsplit("\n", 1)[-1].startswith(
            f"{summary['changed']} file{'s' if summary['changed'] != 1 else ''} would change, {summary['unchanged']} unchanged")
        for f in data["files"]:
            assert all(line in text.stderr for line in (c["text"] for c in f["changes"])), "changes are the report's"
            if f["status"] == "changed" and f["diff"]:
                assert f["edits"] and f["semantic"], f"{name}: a changed workflow has edits and a semantic change"

        md = repo.migrate(direction, *args, "--format", "markdown").stdout
        assert table_problems(md) == []
        assert md.startswith(f"## pubmode: `migrate {direction}` (dry run, nothing written)")
        if text.stdout:
            assert "```diff\n" + text.stdout + "```\n" in md.replace("\r\n", "\n"), "the whole diff, in a diff block"
        for line in data["next_steps"]["text"]:
            if "Add a trusted publisher" in line:
                assert "**Before merging:** add" in md and "| Index | Project | Owner |" in md
        for r in data["next_steps"]["register"]:
            assert r["link"].replace("<", "%3C").replace(">", "%3E") in md
        for secret in data["next_steps"].get("still_read", {}):
            assert f"**Keep the secret `{secret}` for now:** The secret `{secret}` is no longer used by the " \
                "converted uploads but is still read by" in md, f"{name}: the markdown drops a secret still read"

        annotations = repo.migrate(direction, *args, "--format", "github").stdout
        lines = annotations.splitlines()
        assert all(COMMAND.match(line) for line in lines), lines
        changed = [f["path"] for f in data["files"] if f["edits"]]
        for path in changed:
            assert sum(line.startswith(f"::notice file={path},line=") for line in lines) == 1
    assert repo.read() == before, "a dry run in any format writes nothing"


def test_notes_carry_their_job_why_and_finding(repo: Repo) -> None:
    repo.write(WORKFLOW, b"""on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: python -m build
  publish:
    runs-on: ubuntu-latest
    needs: build
    steps:
      - uses: actions/checkout@v4
      - name: Build
        run: python -m build
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          user: __token__
          password: ${{ secrets.PYPI_API_TOKEN }}
  mac:
    runs-on: macos-latest
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{ secrets.PYPI_API_TOKEN }}
""")
    data = json.loads(repo.migrate("to-oidc", "--dry-run", "--format", "json").stdout)
    f = data["files"][0]
    assert {c["job"] for c in f["changes"]} == {"publish"}
    assert all(c["why"] for c in f["changes"])
    assert f["refusals"] == [{"text": "job `mac` not converted [unsupported-runner]: the job runs on `macos-latest`; "
                              "the publish action only runs on Linux runners; `migrate to-oidc --split-jobs` keeps the "
                              "build there and publishes from a new `ubuntu-latest` job", "job": "mac",
                              "finding": "unsupported-runner", "line": 18}]
    semantic = {(e["path"], e["change"]): e.get("new") for e in f["semantic"]}
    assert semantic[("jobs.publish.permissions.id-token", "added")] == "write"
    assert ("jobs.publish.steps[2].with.password", "removed") in semantic
    assert ("jobs.publish.steps[2].with.user", "removed") in semantic
    assert f["edits"][0]["old_line"] == 9 and f["edits"][0]["old_count"] == 0  # the block goes before `needs:`
    md = repo.migrate("to-oidc", "--dry-run", "--format", "markdown").stdout
    assert "- `jobs.publish.permissions.id-token`: added `\"write\"`" in md
    assert "- `jobs.publish.steps[2].with.password`: removed" in md
    assert ("- `.github/workflows/release.yml`, job `mac`: the job runs on `macos-latest`; the publish action only "
            "runs on Linux runners; `migrate to-oidc --split-jobs` keeps the build there and publishes from a new "
            "`ubuntu-latest` job (finding `unsupported-runner`: ") in md
    assert "`migrate explain unsupported-runner`" in md
    gh = repo.migrate("to-oidc", "--dry-run", "--format", "github").stdout
    assert ("::warning file=.github/workflows/release.yml,line=18,title=migrate to-oidc%3A not converted "
            "[unsupported-runner]::job `mac` not converted") in gh
    assert "::notice file=.github/workflows/release.yml,line=8,title=migrate to-oidc%3A would change::" in gh  # after line 8


def test_an_added_step_is_one_change_not_a_shift(repo: Repo) -> None:
    """flit has no Trusted Publishing: `flit publish` becomes `flit build` and the action's step after it."""
    repo.write(WORKFLOW, (GOLDEN / "flit-publish-builds" / "input.yml").read_bytes())
    data = json.loads(repo.migrate("to-oidc", "--dry-run", "--format", "json").stdout)
    semantic = [(e["path"], e["change"], e.get("old"), e.get("new")) for e in data["files"][0]["semantic"]]
    assert semantic == [
        ("jobs.publish.environment", "added", None, "pypi"),
        ("jobs.publish.permissions.contents", "added", None, "read"),
        ("jobs.publish.permissions.id-token", "added", None, "write"),
        ("jobs.publish.steps[2].env.FLIT_PASSWORD", "removed", "${{ secrets.PYPI_KEY }}", None),
        ("jobs.publish.steps[2].env.FLIT_USERNAME", "removed", "__token__", None),
        ("jobs.publish.steps[2].run", "changed", "flit publish\n", "flit build\n"),
        ("jobs.publish.steps[3]", "added", None, {"name": "Publish to PyPI", "uses": "pypa/gh-action-pypi-publish@release/v1"}),
    ]


def test_markdown_stays_under_the_step_summary_limit_and_keeps_the_next_steps(repo: Repo) -> None:
    """Three 400 KB comment lines next to the change put the diff over 1 MiB: it is cut, with a note;
    the next steps are whole."""
    long = "#" + "x" * 400_000 + "\n"
    repo.write("pyproject.toml", b'[project]\nname = "octo-widget"\n')
    repo.write(WORKFLOW, ("on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n"
                          "      - uses: pypa/gh-action-pypi-publish@release/v1\n" + long * 3 +
                          "        with:\n          password: ${{ secrets.PYPI_API_TOKEN }}\n").encode())
    out = repo.migrate("to-oidc", "--dry-run", "--format", "markdown")
    md = out.stdout
    assert len(md.encode()) < 1024 * 1024
    assert "*The diff is cut after" in md and "`migrate to-oidc --dry-run` prints it whole.*" in md
    assert md.count("```diff") == 1 and md.rstrip().endswith("prints it whole.*")
    assert re.search(r"```diff\n(.*\n)*```\n\n\*The diff is cut", md), "the block is closed before the note"
    for line in ("**Before merging:** add this trusted publisher", "octo-widget/settings/publishing/?provider=github",
                 "**After the first release with Trusted Publishing:** delete the secret `PYPI_API_TOKEN`"):
        assert line in md


def test_markdown_cuts_semantic_and_table_only_after_the_diff() -> None:
    from codemods.markdown import Section, cut_lines, fit

    def cuttable(lines, order):
        return Section("".join(lines), lambda b: cut_lines(lines, b, lambda s, t: "" if s == t else f"[cut {s}/{t}]"),
                       order)

    steps = Section("NEXT STEPS\n" * 10)
    diff, table = cuttable(["d" * 99 + "\n"] * 50, 0), cuttable(["t" * 99 + "\n"] * 50, 2)
    out = fit([table, steps, diff], limit=8000)
    assert len(out.encode()) < 8000 and "NEXT STEPS\n" * 10 in out
    assert "[cut" in diff.text and "[cut" not in table.text, "the table is whole while cutting the diff was enough"
    out = fit([cuttable(["t" * 99 + "\n"] * 50, 2), steps, cuttable(["d" * 99 + "\n"] * 50, 0)], limit=3000)
    assert len(out.encode()) < 3000 and "NEXT STEPS\n" * 10 in out and "[cut 0/50]" in out


def test_markdown_escaping() -> None:
    from codemods.markdown import code, fenced, inline

    assert inline("uses pypa/gh-action-pypi-publish@master and `@v1`") == \
        "uses pypa/gh-action-pypi-publish\\@master and `@v1`"
    assert inline("a | b `x | y`", table=True) == "a \\| b `x \\| y`"
    assert inline("<owner> *not* _emphasis_ [link](x)") == "\\<owner\\> \\*not\\* \\_emphasis\\_ \\[link\\](x)"
    assert inline("one\ntwo", table=True) == "one<br>two"
    assert code("a`b") == "``a`b``" and code("`x") == "`` `x ``"
    body = "```\nnot the end\n"
    assert fenced(body, "diff") == "````diff\n```\nnot the end\n````\n"


def test_github_escaping(repo: Repo) -> None:
    from codemods.report_formats import escape_data, escape_property

    assert escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    repo.write(".github/workflows/re,lease:1.yml", (GOLDEN / "flow-map-with" / "input.yml").read_bytes())
    out = repo.migrate("to-oidc", "--dry-run", "--format", "github").stdout
    assert "::notice file=.github/workflows/re%2Clease%3A1.yml,line=" in out
    assert all(COMMAND.match(line) for line in out.splitlines())


def test_written_and_check_modes(repo: Repo) -> None:
    repo.write(WORKFLOW, (GOLDEN / "flow-map-with" / "input.yml").read_bytes())
    check = repo.migrate("to-oidc", "--check", "--format", "json")
    assert check.code == 1 and json.loads(check.stdout)["mode"] == "check"
    wrote = repo.migrate("to-oidc", "--format", "markdown")
    assert wrote.code == 0 and wrote.stdout.startswith("## pubmode: `migrate to-oidc` (written)")
    assert "**1 file changed**" in wrote.stdout and "**Before pushing this change:** add" in wrote.stdout
    again = json.loads(repo.migrate("to-oidc", "--format", "json").stdout)
    assert again["mode"] == "write" and again["files"][0]["status"] == "unchanged"
    assert again["files"][0]["reason"] == "already publishes with Trusted Publishing"


def test_format_text_is_the_default_and_a_wrong_format_is_refused(repo: Repo) -> None:
    repo.write(WORKFLOW, (GOLDEN / "flow-map-with" / "input.yml").read_bytes())
    default = repo.migrate("to-oidc", "--dry-run")
    text = repo.migrate("to-oidc", "--dry-run", "--format", "text")
    assert (default.stdout, default.stderr, default.code) == (text.stdout, text.stderr, text.code)
    bad = repo.migrate("to-oidc", "--dry-run", "--format", "yaml")
    assert bad.code == 2 and "--format must be one of text, markdown, json, github" in bad.stderr
    assert repo.read() == (GOLDEN / "flow-map-with" / "input.yml").read_bytes()


def test_github_enterprise_in_every_format(tmp_path: Path) -> None:
    import subprocess

    repo = _case_repo(GOLDEN / "follow-makefile", tmp_path / "r")
    subprocess.run(["git", "-C", str(repo.root), "remote", "set-url", "origin", "git@github.example.com:org/repo.git"],
                   check=True)
    data = json.loads(repo.migrate("to-oidc", "--dry-run", "--format", "json").stdout)
    assert schema_errors(data) == []
    steps = data["next_steps"]
    assert steps["register"] == [] and steps["revoke_secrets"] == []
    assert steps["not_on_github"][0]["host"] == "github.example.com"
    assert steps["not_on_github"][0]["files"] == [WORKFLOW, "Makefile"]  # the workflow and the file it runs
    assert data["files"][0]["registrations"][0]["accepted"] is False
    md = repo.migrate("to-oidc", "--dry-run", "--format", "markdown").stdout
    assert "1. **Do not merge the change to `.github/workflows/release.yml`, `Makefile`; keep the API token.** PyPI's " \
        "Trusted Publishing accepts only" in md
    assert "/settings/publishing/" not in md and "| Index |" not in md
    gh = repo.migrate("to-oidc", "--dry-run", "--format", "github").stdout
    assert "::warning title=migrate to-oidc%3A next steps::- Keep the API token" in gh


def test_doctor_markdown(repo: Repo) -> None:
    for f in sorted((GOLDEN / "doctor-formats").glob("*.yml")):
        repo.write(f".github/workflows/{f.name}", f.read_bytes())
    out = repo.migrate("doctor", "--format", "markdown")
    assert out.code == 1
    md = out.stdout
    assert md.startswith("## pubmode: `migrate doctor`\n\n**1 error, 4 warnings, 1 note** in 2 workflows.")
    assert table_problems(md) == []
    assert "| **error** | `unsupported-action-ref` | 11 | step 3 of job `publish` uses pypa/gh-action-pypi-publish\\@v1 |" in md
    assert "| PyPI | *the project's name* | `octo-org` | `octo-repo` | `trusted.yml` | (any) |" in md
    log = repo.migrate("doctor", "--log", str(Path(__file__).parent / "logs" / "5xx-ccxt-outage-504.log"),
                       "--format", "markdown").stdout
    assert "### Log `" in log and "`log-server-error`" in log and "What the log and the workflows make likely:" in log


def test_errors_in_every_format(repo: Repo) -> None:
    repo.write(WORKFLOW, b"on: [push\n")
    out = repo.migrate("to-oidc", "--dry-run", "--format", "json", "nope.yml", WORKFLOW)
    data = json.loads(out.stdout)
    assert out.code == 2 and schema_errors(data) == []
    assert data["errors"] == ["nope.yml: no such file or folder"]
    assert data["files"][0]["status"] == "error" and data["files"][0]["error_line"] == 2
    gh = repo.migrate("to-oidc", "--dry-run", "--format", "github", "nope.yml", WORKFLOW).stdout.splitlines()
    assert gh[0] == "::error title=migrate to-oidc::nope.yml: no such file or folder"
    assert gh[1].startswith("::error file=.github/workflows/release.yml,line=2,title=migrate to-oidc::")
    md = repo.migrate("to-oidc", "--dry-run", "--format", "markdown", "nope.yml", WORKFLOW).stdout
    assert "**2 errors**" in md and "### Errors\n\nThese files were left untouched:\n\n- nope.yml: no such file" in md


def test_the_doctor_markdown_imports_no_planner() -> None:
    import subprocess
    import sys

    probe = ("import sys, codemods.doctor.markdown_report; "
             "print([m for m in ('codemods.migrate', 'codemods.runner', 'deepdiff') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent.parent)
    assert out.stdout.strip() == "[]"


def test_the_testpypi_secret_asks_for_a_testpypi_token(repo: Repo) -> None:
    # PyMySQL/PyMySQL publish.yml: a PyPI job and a TestPyPI job, both trusted
    repo.write("pyproject.toml", b'[project]\nname = "PyMySQL"\n')  # one project: a token scoped to it
    repo.write(WORKFLOW, b"""on: push
jobs:
  publish-test-pypi:
    runs-on: ubuntu-latest
    environment: testpypi
    permissions:
      id-token: write
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          repository-url: https://test.pypi.org/legacy/
""")
    out = repo.migrate("to-token", "--dry-run")
    assert "secret `TEST_PYPI_API_TOKEN` holding a TestPyPI API token (from test.pypi.org)" in out.stderr
    md = repo.migrate("to-token", "--dry-run", "--format", "markdown").stdout
    assert "holding a TestPyPI API token (from test.pypi.org) scoped to the project" in md


def test_a_secret_still_read_elsewhere_is_said_in_every_format(repo: Repo) -> None:
    # cloudflare/cloudflare-python: release-doctor.yml still reads the token publish-pypi.yml no longer uses
    # (notes/final-b.md W1); the text report said so, the markdown report did not
    from test_cli import TOKEN_WORKFLOW

    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    repo.write(".github/workflows/release-doctor.yml", b"on: pull_request\njobs:\n  check:\n    runs-on: x\n"
               b"    steps:\n      - run: bash ./bin/check-release-environment\n        env:\n"
               b"          PYPI_TOKEN: ${{ secrets.PYPI_API_TOKEN }}\n")
    sentence = ("is no longer used by the converted uploads but is still read by "
                "`.github/workflows/release-doctor.yml`: keep it until nothing reads it")
    assert sentence in repo.migrate("to-oidc", "--dry-run").stderr
    data = json.loads(repo.migrate("to-oidc", "--dry-run", "--format", "json").stdout)
    assert schema_errors(data) == []
    assert data["next_steps"]["still_read"] == {"PYPI_API_TOKEN": [".github/workflows/release-doctor.yml"]}
    assert data["next_steps"]["revoke_secrets"] == []
    md = repo.migrate("to-oidc", "--dry-run", "--format", "markdown").stdout
    assert "**Keep the secret `PYPI_API_TOKEN` for now:** The secret `PYPI_API_TOKEN` " + sentence in md
    assert "delete the secret" not in md
    token = json.loads(repo.migrate("to-token", "--dry-run", "--format", "json").stdout)
    assert "still_read" not in token["next_steps"]


def test_a_secret_and_a_cicd_variable_of_one_name_are_both_asked_for_in_every_format(tmp_path: Path) -> None:
    # Erotemic/kwconf (stranger14b W1): release.yml and the converted pipeline both read `PYPI_API_TOKEN` after
    # to-token, one a GitHub secret, the other a GitLab CI/CD variable; the run named only the variable
    from test_golden_gitlab import GOLDEN as GITLAB_GOLDEN, GitLabRepo, _origin

    case = GITLAB_GOLDEN / "stranger-kwconf-dual-forge-converted"
    repo = GitLabRepo(tmp_path / "r", _origin(case))
    repo.write("pyproject.toml", (case / "pyproject.toml").read_bytes())
    for rel, content in _repo_files(case).items():
        repo.write(rel, content)
    repo.write(".gitlab-ci.yml", (case / "input.yml").read_bytes())
    data = json.loads(repo.migrate("to-token", "--dry-run", "--format", "json").stdout)
    assert schema_errors(data) == []
    assert data["next_steps"]["create_secrets"] == ["PYPI_API_TOKEN", "TEST_PYPI_API_TOKEN"]
    assert data["next_steps"]["create_cicd_variables"] == ["PYPI_API_TOKEN"]
    md = repo.migrate("to-token", "--dry-run", "--format", "markdown").stdout
    assert "create the secret `PYPI_API_TOKEN` holding a PyPI API token" in md
    assert "create the CI/CD variable `PYPI_API_TOKEN` (masked, protected)" in md
