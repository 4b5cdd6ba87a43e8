"""The doctor's per-job list of uploads: two uploads of one step that read alike (the branches of an `if`) are one
line (sqlalchemy's create-wheels.yaml listed `line 141: twine to pypi (trusted)` twice)."""
from pathlib import Path

from codemods.doctor.diagnose import diagnose_file

# sqlalchemy/sqlalchemy@f35da7e2 .github/workflows/create-wheels.yaml, trimmed to the publish step
WORKFLOW = """\
on:
  push:
    tags: ["rel_*"]
permissions:
  id-token: write
jobs:
  build_wheels:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Publish wheel
        shell: bash
        run: |
          python -m pip install "twine>=6.2.0"
          if [[ "${{ steps.attestations.outcome }}" == "success" ]]; then
            python -m twine upload --skip-existing --attestations ./wheelhouse/*
          else
            python -m twine upload --skip-existing ./wheelhouse/*
          fi
      - name: Publish to TestPyPI too
        run: |
          python -m twine upload --repository testpypi ./wheelhouse/*
"""


def test_alike_uploads_of_one_step_are_listed_once(tmp_path: Path) -> None:
    wf = tmp_path / ".github" / "workflows" / "create-wheels.yaml"
    wf.parent.mkdir(parents=True)
    wf.write_text(WORKFLOW)
    (job,) = diagnose_file(wf).jobs
    listed = [(s.line, s.publisher, s.index, s.mode) for s in job.steps]
    assert len(listed) == len(set(listed)) == 2, listed  # the two branches once, the TestPyPI upload kept
