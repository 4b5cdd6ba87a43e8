"""The command line as a user runs it: paths, --dry-run, --check, exit codes, errors, writing."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import WORKFLOW, Repo

TOKEN_WORKFLOW = b"""on:
  push:
    tags: ["v*"]
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@v4
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{ secrets.PYPI_API_TOKEN }}
"""


def test_default_path_is_the_repositorys_workflows_folder(repo: Repo) -> None:
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    repo.write(".github/workflows/ci.yml", b"on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n")
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    assert b"password" not in repo.read()
    assert b"id-token: write" in repo.read()
    assert ".github/workflows/ci.yml: unchanged" in out.stderr
    assert "1 file changed, 1 unchanged" in out.stderr


def test_the_repository_root_as_a_folder_gives_its_workflows_not_every_yaml_file(repo: Repo) -> None:
    """`migrate to-oidc .`, as `ruff check .`: the workflows of `.github/workflows`, not the repository's
    other YAML files (seen on jaraco/keyring: four "not a workflow" errors and exit 2)."""
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    for name in (".pre-commit-config.yaml", ".readthedocs.yaml", ".github/FUNDING.yml", "docs/mkdocs.yml"):
        repo.write(name, b"repos: []\n")
    out = repo.migrate("to-oidc", ".")
    assert out.code == 0, out.stderr
    assert "not a workflow" not in out.stderr and "1 file changed, 0 unchanged" in out.stderr
    folder = repo.write("ci/extra.yml", TOKEN_WORKFLOW).parent  # a folder without .github/workflows: its files
    assert "ci/extra.yml: converted" in repo.migrate("to-oidc", str(folder)).stderr


def test_dry_run_writes_nothing_and_prints_a_diff_git_applies(repo: Repo) -> None:
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    out = repo.migrate("to-oidc", "--dry-run")
    assert out.code == 0
    assert repo.read() == TOKEN_WORKFLOW
    assert out.stdout.startswith(f"--- a/{WORKFLOW}\n+++ b/{WORKFLOW}\n")
    assert "-          password: ${{ secrets.PYPI_API_TOKEN }}" in out.stdout
    subprocess.run(["git", "-C", str(repo.root), "apply"], input=out.stdout.encode(), check=True)
    expected = repo.read()
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    assert repo.migrate("to-oidc").code == 0
    assert repo.read() == expected


def test_diff_of_a_file_without_final_newline_applies(repo: Repo) -> None:
    data = TOKEN_WORKFLOW.rstrip(b"\n")
    repo.write(WORKFLOW, data)
    out = repo.migrate("to-oidc", "--dry-run")
    assert "\\ No newline at end of file" in out.stdout
    subprocess.run(["git", "-C", str(repo.root), "apply"], input=out.stdout.encode(), check=True)
    assert not repo.read().endswith(b"\n")


def test_check_exits_1_when_a_file_would_change_and_0_after(repo: Repo) -> None:
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    assert repo.migrate("to-oidc", "--check").code == 1
    assert repo.read() == TOKEN_WORKFLOW
    assert repo.migrate("to-oidc").code == 0
    assert repo.migrate("to-oidc", "--check").code == 0


def test_invalid_yaml_is_one_line_with_file_and_line_exit_2_others_done(repo: Repo) -> None:
    bad = b"on: push\njobs:\n  x: [\n"
    repo.write(".github/workflows/bad.yml", bad)
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    out = repo.migrate("to-oidc")
    assert out.code == 2
    assert "Traceback" not in out.stderr
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith("error: .github/workflows/bad.yml:4: invalid YAML")
    assert repo.read(".github/workflows/bad.yml") == bad
    assert b"id-token: write" in repo.read()


def test_not_a_workflow_and_missing_path_are_errors(repo: Repo) -> None:
    repo.write(".github/workflows/list.yml", b"- a\n- b\n")
    out = repo.migrate("to-oidc", ".github/workflows/list.yml", "nope.yml")
    assert out.code == 2
    assert "error: .github/workflows/list.yml:1: not a workflow" in out.stderr
    assert "error: nope.yml: no such file or folder" in out.stderr


def test_write_keeps_the_file_mode(repo: Repo) -> None:
    path = repo.write(WORKFLOW, TOKEN_WORKFLOW)
    os.chmod(path, 0o640)
    assert repo.migrate("to-oidc").code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert not [p for p in path.parent.iterdir() if "pubmode-tmp" in p.name]


def test_to_token_reports_the_secret_to_create(repo: Repo) -> None:
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    repo.migrate("to-oidc")
    out = repo.migrate("to-token", "--secret", "RELEASE_TOKEN")
    assert out.code == 0
    assert b"password: ${{ secrets.RELEASE_TOKEN }}" in repo.read()
    assert "Create the secret `RELEASE_TOKEN`" in out.stderr


def test_to_oidc_report_names_what_to_register_and_revoke(repo: Repo) -> None:
    repo.write("pyproject.toml", b'[project]\nname = "octo-widget"\n')
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    out = repo.migrate("to-oidc")
    assert "owner: octo-org   repository: octo-repo   workflow: release.yml   environment: pypi" in out.stderr
    assert ("https://pypi.org/manage/project/octo-widget/settings/publishing/?provider=github&owner=octo-org"
            "&repository=octo-repo&workflow_filename=release.yml&environment=pypi") in out.stderr
    assert "delete the secret no longer used (PYPI_API_TOKEN)" in out.stderr


def test_secret_still_used_elsewhere_is_not_reported_unused(repo: Repo) -> None:
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    repo.write(".github/workflows/other.yml",
               b"on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ secrets.PYPI_API_TOKEN }}\n")
    out = repo.migrate("to-oidc", WORKFLOW)
    assert "delete the secret no longer used" not in out.stderr
    assert "`PYPI_API_TOKEN` is no longer used by the converted uploads but is still read by " \
        "`.github/workflows/other.yml`: keep it" in out.stderr


def test_help_does_not_import_the_heavy_modules() -> None:
    code = ("import sys, runpy; sys.argv=['migrate','--help']\n"
            "try:\n runpy.run_module('cli', run_name='__main__')\nexcept SystemExit: pass\n"
            "bad=[m for m in ('deepdiff','libcst','rich','codemods.engine.splice') if m in sys.modules]\n"
            "print('HEAVY', bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).parent.parent)
    assert "HEAVY []" in out.stdout, out.stdout + out.stderr
    assert "to-oidc" in out.stdout and "to-token" in out.stdout


def test_console_scripts_are_installed() -> None:
    bindir = Path(sys.executable).parent
    for name in ("migrate", "pubmode"):
        out = subprocess.run([str(bindir / name), "--help"], capture_output=True, text=True)
        assert out.returncode == 0 and "to-oidc" in out.stdout


def test_read_only_file_is_an_error_and_stays(repo: Repo) -> None:
    path = repo.write(WORKFLOW, TOKEN_WORKFLOW)
    os.chmod(path, 0o444)
    out = repo.migrate("to-oidc")
    assert out.code == 2 and "read-only" in out.stderr
    assert repo.read() == TOKEN_WORKFLOW


def test_symlink_to_outside_the_repository_is_not_followed(repo: Repo, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yml"
    outside.write_bytes(TOKEN_WORKFLOW)
    (repo.root / WORKFLOW).symlink_to(outside)
    out = repo.migrate("to-oidc")
    assert out.code == 2 and "symbolic link" in out.stderr
    assert outside.read_bytes() == TOKEN_WORKFLOW


def test_wrong_types_are_errors_with_lines(repo: Repo) -> None:
    cases = {
        "jobs.yml": (b"on: push\njobs: [a, b]\n", ":2: not a workflow"),
        "job.yml": (b"on: push\njobs:\n  a: 3\n", ":3: job `a` is not a mapping"),
        "steps.yml": (b"on: push\njobs:\n  a:\n    steps: run\n", ":4: `steps` of job `a` is not a list"),
        "step.yml": (b"on: push\njobs:\n  a:\n    steps:\n      - 1\n", ":5: step 1 of job `a` is not a mapping"),
    }
    for name, (data, _) in cases.items():
        repo.write(f".github/workflows/{name}", data)
    out = repo.migrate("to-oidc")
    assert out.code == 2
    for name, (data, message) in cases.items():
        assert f"error: .github/workflows/{name}{message}" in out.stderr
        assert repo.read(f".github/workflows/{name}") == data


def test_folder_without_workflows_and_path_outside_the_repository(repo: Repo, tmp_path: Path) -> None:
    (repo.root / "empty").mkdir()
    outside = tmp_path / "elsewhere.yml"
    outside.write_bytes(TOKEN_WORKFLOW)
    out = repo.migrate("to-oidc", "empty", str(outside))
    assert out.code == 2
    assert "error: empty: no workflow files" in out.stderr
    assert "outside the repository" in out.stderr
    assert outside.read_bytes() == TOKEN_WORKFLOW


def test_unreadable_file_is_an_error(repo: Repo, monkeypatch) -> None:
    import codemods.engine.source as source

    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    real = source.read_regular

    def deny(path, *args):  # chmod 000 would not stop root
        if Path(path).name == "release.yml":
            raise PermissionError(13, "Permission denied")
        return real(path, *args)

    monkeypatch.setattr(source, "read_regular", deny)
    out = repo.migrate("to-oidc")
    assert out.code == 2 and "cannot read: Permission denied" in out.stderr


def test_file_changed_on_disk_meanwhile_is_not_overwritten(repo: Repo) -> None:
    from codemods.engine.io import atomic_write

    path = repo.write(WORKFLOW, TOKEN_WORKFLOW)
    path.write_bytes(TOKEN_WORKFLOW + b"# edited by someone else\n")
    from codemods.errors import InputError
    import pytest

    with pytest.raises(InputError, match="changed on disk"):
        atomic_write(path, b"new", TOKEN_WORKFLOW, 0o644)
    assert path.read_bytes().endswith(b"# edited by someone else\n")


BAD_INPUTS = {
    "invalid.yml": (b"on: push\njobs:\n  a: {\n", "invalid YAML"),
    "list.yml": (b"- on\n- jobs\n", "not a workflow"),
    "two-docs.yml": (b"on: push\njobs: {}\n---\non: push\n", "several YAML documents"),
    "latin1.yml": ("on: push\njobs: {}\n# caf\u00e9\n".encode("latin-1"), "not UTF-8"),
    "binary.yml": (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary content"),
    "empty.yml": (b"", "not a workflow"),
    "dupes.yml": (b"on: push\non: pull_request\njobs: {}\n", "invalid YAML"),
    "deep.yml": (b"on: push\njobs: " + b"[" * 3000 + b"]" * 3000 + b"\n", "nesting too deep"),
    "bomb.yml": (b"a: &a [x, x, x, x, x, x, x, x, x, x]\n" + b"".join(
        b"a%d: &a%d [%s]\n" % (i, i, b", ".join([b"*a" if i == 1 else b"*a%d" % (i - 1)] * 10)) for i in range(1, 9))
        + b"on: push\njobs: {}\n", "too many nodes"),
    # values YAML types but cannot hold: the constructor raised a bare ValueError (an "internal error")
    "bad-date.yml": (b"on: push\njobs:\n  a:\n    runs-on: x\n    env:\n      D: 2001-13-45\n",
                     ".yml:6: invalid YAML: `2001-13-45` reads as a date but is not one"),
    "long-int.yml": (b"on: push\njobs:\n  a:\n    runs-on: " + b"9" * 5000 + b"\n",
                     ".yml:4: invalid YAML: `999"),
    "bad-bool.yml": (b"on: push\njobs:\n  a:\n    name: !!bool Build it\n    runs-on: x\n",  # a KeyError, was
                     ".yml:4: invalid YAML: `Build it` reads as a boolean but is not one; quote it and drop its tag"),
}


def test_every_kind_of_bad_input_is_one_line_exit_2_and_untouched(repo: Repo) -> None:
    for name, (data, _) in BAD_INPUTS.items():
        repo.write(f".github/workflows/{name}", data)
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    out = repo.migrate("to-oidc")
    assert out.code == 2 and "Traceback" not in out.stderr
    for name, (data, message) in BAD_INPUTS.items():
        lines = [ln for ln in out.stderr.splitlines() if ln.startswith(f"error: .github/workflows/{name}")]
        assert len(lines) == 1 and message in lines[0], (name, out.stderr)
        assert repo.read(f".github/workflows/{name}") == data
    assert b"id-token: write" in repo.read()  # the good file was still migrated


def test_doctor_reads_a_log_from_stdin(repo: Repo) -> None:
    from typer.testing import CliRunner

    from cli import app

    log = "Error: Container action is only supported on Linux\n"
    old = os.getcwd()
    os.chdir(repo.root)
    try:
        result = CliRunner().invoke(app, ["doctor", "--log", "-", "--exit-zero"], input=log)
    finally:
        os.chdir(old)
    assert result.exit_code == 0 and "[log-container-linux] <stdin>:1" in result.stdout


def test_when_a_followed_file_fails_its_check_nothing_is_written(repo: Repo, monkeypatch) -> None:
    import codemods.runner as runner
    from codemods.errors import VerificationError

    workflow = TOKEN_WORKFLOW.replace(b"      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n"
                                      b"          password: ${{ secrets.PYPI_API_TOKEN }}\n",
                                      b"      - run: ./release.sh\n        env:\n          PYPI_TOKEN: ${{ secrets.PYPI_TOKEN }}\n")
    script = b"#!/usr/bin/env bash\ntwine upload -u __token__ -p \"$PYPI_TOKEN\" dist/*\n"
    repo.write(WORKFLOW, workflow)
    repo.write("release.sh", script)

    def broken(change):
        raise VerificationError("release.sh would not parse any more")

    monkeypatch.setattr(runner, "check_companion", broken)
    out = repo.migrate("to-oidc")
    assert out.code == 2 and "release.sh would not parse" in out.stderr
    assert repo.read() == workflow and repo.read("release.sh") == script
    monkeypatch.undo()
    assert repo.migrate("to-oidc").code == 0
    assert b"-p" not in repo.read("release.sh") and b"PYPI_TOKEN" not in repo.read()


def _linked_out(repo: Repo, tmp_path: Path, link: str) -> Path:
    """Make `link` (`.github` or `.github/workflows`) a symbolic link to a folder outside the repository."""
    import shutil

    outside = tmp_path / "outside" / link.split("/")[-1]
    (outside / "workflows" if link == ".github" else outside).mkdir(parents=True)
    workflow = (outside / "workflows" if link == ".github" else outside) / "release.yml"
    workflow.write_bytes(TOKEN_WORKFLOW)
    shutil.rmtree(repo.root / ".github")
    (repo.root / ".github").mkdir() if link != ".github" else None
    (repo.root / link).symlink_to(outside, target_is_directory=True)
    return workflow


@pytest.mark.parametrize("link", [".github", ".github/workflows"])
@pytest.mark.parametrize("command", ["to-oidc", "to-token", "doctor"])
def test_a_linked_workflows_folder_outside_the_repository_is_not_followed(repo: Repo, tmp_path: Path, link: str,
                                                                          command: str) -> None:
    outside = _linked_out(repo, tmp_path, link)
    for args in ((), (".github/workflows",), (WORKFLOW,), (".github",)):
        out = repo.migrate(command, *args)
        errors = [ln for ln in (out.stderr + out.stdout).splitlines() if ln.startswith("error:")]
        assert out.code == 2 and len(errors) == 1, (args, out)
        # `.github` searched: the linked `workflows` inside it is not entered at all
        expected = "no workflow files" if args == (".github",) and link != ".github" else "of the repository"
        assert expected in errors[0].replace("outside the", "out of the"), errors
        assert outside.read_bytes() == TOKEN_WORKFLOW


def test_a_linked_folder_among_the_workflows_is_not_followed_and_the_others_are_done(repo: Repo, tmp_path: Path) -> None:
    outside = tmp_path / "shared"
    outside.mkdir()
    (outside / "publish.yml").write_bytes(TOKEN_WORKFLOW)
    (repo.root / ".github/workflows/shared").symlink_to(outside, target_is_directory=True)
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    out = repo.migrate("to-oidc")
    assert "shared/publish.yml" not in out.stderr or "outside the repository; not followed" in out.stderr
    out = repo.migrate("to-oidc", ".github/workflows/shared/publish.yml")
    assert out.code == 2 and "linked folder that leads outside the repository; not followed" in out.stderr
    assert (outside / "publish.yml").read_bytes() == TOKEN_WORKFLOW
    assert b"id-token: write" in repo.read()


def test_a_folder_argument_outside_the_repository_is_refused_like_a_file(repo: Repo, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "release.yml").write_bytes(TOKEN_WORKFLOW)
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    out = repo.migrate("to-oidc", str(elsewhere), WORKFLOW)
    assert out.code == 2
    assert f"error: {elsewhere}: outside the repository at" in out.stderr
    assert (elsewhere / "release.yml").read_bytes() == TOKEN_WORKFLOW
    assert b"id-token: write" in repo.read()


def test_nesting_deep_enough_to_overflow_libyaml_is_refused_not_a_crash(repo: Repo) -> None:
    """libyaml's composers recurse in C without a limit: 60,000 nested `[`, or `- ` repeated on one
    line, crashed the process (SIGSEGV) in the engine, the pre-filter and the doctor's fragment
    reading. Run in a child process: a crash would take pytest with it."""
    deep = {"flow.yml": b"on: push\njobs:\n  a: " + b"[" * 60_000 + b"]" * 60_000 + b"\n",
            "compact.yml": b"on: push\njobs:\n  a:\n    " + b"- " * 60_000 + b"x\n"}
    for name, data in deep.items():
        repo.write(f".github/workflows/{name}", data)
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    for command in ("to-oidc", "doctor"):
        out = subprocess.run([sys.executable, "-c", "import sys; from cli import main; sys.argv[0] = 'migrate'; main()",
                              command], cwd=repo.root, capture_output=True, text=True)
        assert out.returncode in (1, 2) and "Traceback" not in out.stderr, (command, out.returncode, out.stderr)
        for name in deep:
            said = [ln for ln in (out.stdout + out.stderr).splitlines() if f"{name}: nesting too deep" in ln]
            assert said, (command, name, out.stdout, out.stderr)
