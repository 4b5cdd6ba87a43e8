"""Half-migrated repositories: the files of a run are all checked before any is written, and a file run
by several workflows is changed once for all of them (or, when they want different contents, not at all)."""
from __future__ import annotations

import os
import subprocess

from conftest import Repo

RUNS_SCRIPT = (b"on: push\njobs:\n  p:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./release.sh\n"
               b"        env:\n          PYPI_TOKEN: ${{ secrets.PYPI_TOKEN }}\n")
SCRIPT = b"#!/usr/bin/env bash\ntwine upload -u __token__ -p \"$PYPI_TOKEN\" dist/*\n"
A, B, C = ".github/workflows/a.yml", ".github/workflows/b.yml", ".github/workflows/c.yml"
TOKEN_ACTION = (b"on: push\njobs:\n  p:\n    runs-on: ubuntu-latest\n    steps:\n"
                b"      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n"
                b"          password: ${{ secrets.PYPI_API_TOKEN }}\n")


def _two_workflows_one_script(repo: Repo) -> None:
    repo.write(A, RUNS_SCRIPT)
    repo.write(B, RUNS_SCRIPT)
    os.chmod(repo.write("release.sh", SCRIPT), 0o755)


def _errors(out) -> list:
    return [ln for ln in out.stderr.splitlines() if ln.startswith("error:")]


def test_two_workflows_running_one_script_are_both_migrated(repo: Repo) -> None:
    _two_workflows_one_script(repo)
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    assert b"-p" not in repo.read("release.sh")
    for wf in (A, B):
        assert b"id-token: write" in repo.read(wf) and b"PYPI_TOKEN" not in repo.read(wf)
    assert repo.migrate("to-token").code == 0
    assert b"secrets.PYPI_API_TOKEN" in repo.read(A) and b"secrets.PYPI_API_TOKEN" in repo.read(B)


def test_the_diff_shows_a_shared_script_once_and_applies(repo: Repo) -> None:
    _two_workflows_one_script(repo)
    out = repo.migrate("to-oidc", "--dry-run")
    assert out.code == 0 and out.stdout.count("--- a/release.sh") == 1, out.stdout
    subprocess.run(["git", "-C", str(repo.root), "apply"], input=out.stdout.encode(), check=True)
    assert b"-p" not in repo.read("release.sh")


def test_a_read_only_workflow_leaves_its_writable_script_alone(repo: Repo) -> None:
    repo.write(A, RUNS_SCRIPT)
    os.chmod(repo.write("release.sh", SCRIPT), 0o755)
    os.chmod(repo.root / A, 0o444)
    out = repo.migrate("to-oidc")
    assert out.code == 2 and _errors(out) == ["error: .github/workflows/a.yml: a.yml is read-only; nothing was changed"]
    assert repo.read("release.sh") == SCRIPT and repo.read(A) == RUNS_SCRIPT


def test_one_read_only_workflow_stops_every_workflow_that_shares_its_script(repo: Repo) -> None:
    _two_workflows_one_script(repo)
    repo.write(C, TOKEN_ACTION)  # independent: still migrated
    os.chmod(repo.root / B, 0o444)
    out = repo.migrate("to-oidc")
    assert out.code == 2
    errors = _errors(out)
    assert len(errors) == 2 and all("b.yml is read-only; nothing was changed (a.yml, b.yml run release.sh)" in e
                                    for e in errors), errors
    assert repo.read("release.sh") == SCRIPT and repo.read(A) == RUNS_SCRIPT and repo.read(B) == RUNS_SCRIPT
    assert b"id-token: write" in repo.read(C)


def test_a_read_only_shared_script_stops_both_workflows(repo: Repo) -> None:
    _two_workflows_one_script(repo)
    os.chmod(repo.root / "release.sh", 0o555)
    out = repo.migrate("to-oidc")
    assert out.code == 2 and len(_errors(out)) == 2 and "release.sh is read-only" in out.stderr
    assert repo.read(A) == RUNS_SCRIPT and repo.read(B) == RUNS_SCRIPT


def test_workflows_that_want_different_contents_for_one_file_are_both_refused(repo: Repo) -> None:
    repo.write("Makefile", b"release:\n\ttwine upload -u __token__ -p \"$$PYPI_TOKEN\" dist/*\n\n"
                           b"test-release:\n\ttwine upload -r testpypi -u __token__ -p \"$$TEST_PYPI_TOKEN\" dist/*\n")
    repo.write(A, RUNS_SCRIPT.replace(b"./release.sh", b"make release"))
    repo.write(B, RUNS_SCRIPT.replace(b"./release.sh", b"make test-release").replace(b"PYPI_TOKEN", b"TEST_PYPI_TOKEN"))
    before = {p: repo.read(p) for p in ("Makefile", A, B)}
    for args in ((), ("--dry-run",), ("--check",)):
        out = repo.migrate("to-oidc", *args)
        errors = _errors(out)
        assert out.code == 2 and len(errors) == 2, out.stderr
        assert all("Makefile is run by .github/workflows/a.yml, .github/workflows/b.yml, which need different "
                   "changes to it" in e for e in errors), errors
        assert out.stdout == "" and {p: repo.read(p) for p in before} == before
    assert repo.migrate("to-oidc", A).code == 0 and repo.migrate("to-oidc", B).code == 0  # one at a time
    assert b"-p" not in repo.read("Makefile")


def test_a_followed_file_changed_on_disk_meanwhile_stops_the_workflow_too(repo: Repo, monkeypatch) -> None:
    import codemods.write_phase as write_phase

    repo.write(A, RUNS_SCRIPT)
    script = repo.write("release.sh", SCRIPT)
    real = write_phase.problem

    def edited_meanwhile(path, expected):
        if path.name == "release.sh":
            script.write_bytes(SCRIPT + b"# edited meanwhile\n")
        return real(path, expected)

    monkeypatch.setattr(write_phase, "problem", edited_meanwhile)
    out = repo.migrate("to-oidc")
    assert out.code == 2 and "release.sh changed on disk while pubmode was working" in out.stderr
    assert repo.read(A) == RUNS_SCRIPT


def test_every_group_is_checked_before_any_is_written(repo: Repo, monkeypatch) -> None:
    import codemods.write_phase as write_phase

    repo.write(A, TOKEN_ACTION)
    repo.write(B, TOKEN_ACTION)
    os.chmod(repo.root / B, 0o444)
    order = []
    real_problem, real_write = write_phase.problem, write_phase.atomic_write
    monkeypatch.setattr(write_phase, "problem", lambda path, old: order.append(("check", path.name))
                        or real_problem(path, old))
    monkeypatch.setattr(write_phase, "atomic_write", lambda path, *args: order.append(("write", path.name))
                        or real_write(path, *args))
    out = repo.migrate("to-oidc")
    assert out.code == 2 and "b.yml is read-only" in out.stderr
    assert order == [("check", "a.yml"), ("check", "b.yml"), ("write", "a.yml")]
    assert b"id-token: write" in repo.read(A) and repo.read(B) == TOKEN_ACTION


def test_a_plan_the_engine_cannot_render_keeps_nothing_but_its_reason(monkeypatch) -> None:
    # a followed file's change or a registration kept beside an unchanged workflow would be half a migration
    from codemods import rendered
    from codemods.engine.document import Document
    from codemods.engine.edits import Remove
    from codemods.errors import Unsupported
    from codemods.migrate import Plan

    def refuse(doc, edits):
        raise Unsupported("the edit reaches into an anchor")

    monkeypatch.setattr(rendered, "render", refuse)
    plan = Plan(edits=[Remove(("jobs", "a", "env"))], companions=["tox.ini change"], changes=["removed x"],
                registrations=["pypi"], removed_secrets={"T"}, skipped=["job `b`: other index"])
    out, text = rendered.rendered(Document("jobs: {a: {env: {X: 1}}}\n"), plan, "same")
    assert text == "same"
    assert out.skipped == ["job `b`: other index", "not converted: the edit reaches into an anchor"]
    assert not (out.edits or out.companions or out.changes or out.registrations or out.removed_secrets)


def test_a_script_another_workflow_uploads_with_and_the_run_leaves_is_not_changed(repo: Repo) -> None:
    # Safetorun/PromptDefender-py: deploy.yml and deploy-prod.yml run one deploy.sh; to-oidc on one alone would cut
    # the credentials the other's upload still needs
    _two_workflows_one_script(repo)
    out = repo.migrate("to-oidc", A)
    assert out.code == 2 and _errors(out) == [
        "error: .github/workflows/a.yml: release.sh is also run by .github/workflows/b.yml, which uploads with its "
        "token through it and is not converted in this run: its upload would lose its credentials; migrate them "
        "together (name every workflow that runs it)"], out.stderr
    assert repo.read("release.sh") == SCRIPT and repo.read(A) == RUNS_SCRIPT
    assert repo.migrate("to-oidc", A, B).code == 0 and b"-p" not in repo.read("release.sh")


def test_a_script_the_other_workflow_runs_for_another_task_is_changed(repo: Repo) -> None:
    # the other workflow's call (`./release.sh build`) does not run the upload whose credentials go
    repo.write(A, RUNS_SCRIPT.replace(b"./release.sh", b"./release.sh publish"))
    repo.write(B, RUNS_SCRIPT.replace(b"./release.sh", b"./release.sh build"))
    os.chmod(repo.write("release.sh", b'#!/usr/bin/env bash\ncase "$1" in\n  build) python -m build ;;\n'
                                      b'  publish) twine upload -u __token__ -p "$PYPI_TOKEN" dist/* ;;\nesac\n'), 0o755)
    out = repo.migrate("to-oidc", A)
    assert out.code == 0 and b"-p" not in repo.read("release.sh"), out.stderr
