"""What a run over many files reads once instead of once per file gives the same answers as the reading
it replaces (speed itself is measured in benchmarks/, never here)."""
from __future__ import annotations

from pathlib import Path

from codemods.registration import callers_indexed, calling_workflows


def test_calling_workflows_indexed_per_folder_gives_the_same_callers(tmp_path: Path) -> None:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    texts = {
        "release.yml": "on: workflow_call\njobs: {}\n",
        "ci.yml": "jobs:\n  r:\n    uses: ./.github/workflows/release.yml\n",
        "other.yaml": "jobs:\n  r:\n    uses: org/repo/.github/workflows/release.yml@v1\n",
        "longer.yml": "jobs:\n  r:\n    uses: ./.github/workflows/release.yml.bak\n",  # a substring, as before
        "prefix.yml": "jobs:\n  r:\n    uses: ./.github/workflows/rel\n",
        "nested.yml": "# .github/workflows/.github/workflows/release.yml\n",
        "self.yml": "# .github/workflows/self.yml\n",
        "none.yml": "jobs: {}\n",
        "slash.yml": "# .github/workflows/\n.github/workflows/x/release.yml\n",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name in texts:
        plain = calling_workflows(folder / name)
        with callers_indexed():
            indexed = calling_workflows(folder / name)
            again = calling_workflows(folder / name)
        assert indexed == again == plain, name
    assert calling_workflows(folder / "release.yml") == ["ci.yml", "longer.yml", "nested.yml", "other.yaml"]


CI = """on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: make release
"""


def test_a_script_met_again_in_a_run_gives_the_same_answer_and_no_run_reuses_another_runs(repo) -> None:
    """The pre-filter remembers, within one run, whether a script runs a file pubmode follows: every
    workflow with that script is read in full when the Makefile uploads, and a later run sees the
    Makefile that an earlier run did not."""
    for name in ("a.yml", "b.yml", "c.yml"):
        repo.write(f".github/workflows/{name}", CI.encode())
    before = repo.migrate("to-oidc", "--check")
    assert before.code == 0 and before.stderr.count("no step publishes to PyPI") == 3, before.stderr
    repo.write("Makefile", b"release:\n\ttwine upload -u __token__ -p $(PYPI_TOKEN) dist/*\n")
    after = repo.migrate("to-oidc", "--check")
    assert "no step publishes to PyPI" not in after.stderr, after.stderr
    assert after.stderr.count("Makefile") >= 3, after.stderr


def test_the_scripts_remembered_within_one_process_are_forgotten_after_the_run(repo) -> None:
    from codemods.migrate import Options
    from codemods.runner import run

    for name in ("a.yml", "b.yml"):
        repo.write(f".github/workflows/{name}", CI.encode())
    first = run([repo.root / ".github" / "workflows"], Options("to-oidc"), repo.root)
    assert not any(f.changed or f.error for f in first.files)
    repo.write("Makefile", b"release:\n\ttwine upload -u __token__ -p $(PYPI_TOKEN) dist/*\n")
    second = run([repo.root / ".github" / "workflows"], Options("to-oidc"), repo.root)
    assert all(f.changed or f.error for f in second.files), [(f.shown, f.plan.skipped, f.error) for f in second.files]
