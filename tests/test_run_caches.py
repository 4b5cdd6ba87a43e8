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
