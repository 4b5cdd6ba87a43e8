"""Documentation of every finding id, workflow rules and log patterns alike, from their definitions.

`migrate explain ID` prints one section; docs/findings.md is all of them (a test keeps it current).
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

from codemods.doctor.log_patterns import PATTERNS, UNRECOGNISED
from codemods.doctor.rules import GITLAB_RULES, RULES


def _entries() -> List[tuple]:
    return [(r.id, r.severity_text, r.title, r.why, r.example, r.fix, "Example")
            for r in list(RULES.values()) + list(GITLAB_RULES.values())] + \
        [(p.id, p.severity, p.title, p.why, p.example, p.fix, "In the log") for p in PATTERNS + (UNRECOGNISED,)]


# The findings `migrate to-oidc --split-jobs` fixes, and the workflow `explain` shows it on: the after is
# the real transformation of the before, made when asked, so the two cannot drift apart.
BUILDS_AND_PUBLISHES = """\
on:
  release:
    types: [published]
jobs:
  release:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@v4
      - run: python -m pip install build && python -m build
      - uses: pypa/gh-action-pypi-publish@release/v1
"""
ON_MACOS = """\
on:
  push:
    tags: ["v*"]
jobs:
  wheels:
    runs-on: macos-latest
    steps:
      - uses: actions/checkout@v4
      - run: pipx run cibuildwheel --output-dir wheelhouse
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{ secrets.PYPI_API_TOKEN }}
          packages-dir: wheelhouse/
"""
SPLIT_EXAMPLES = {"build-in-publish-job": BUILDS_AND_PUBLISHES, "unsupported-runner": ON_MACOS,
                  "log-container-linux": ON_MACOS}


def split_example(finding_id: str) -> Optional[tuple]:
    """(before, after) of `migrate to-oidc --split-jobs` for a finding it fixes, else None."""
    before = SPLIT_EXAMPLES.get(finding_id)
    if before is None:
        return None
    from pathlib import Path

    from codemods.migrate import TO_OIDC, Options
    from codemods.project import Repository
    from codemods.rendered import migrate_text

    repo = Repository(Path("/nonexistent/pubmode-example"), "octo-org", "octo-repo", "example-pkg")
    plan, after = migrate_text(before, Options(TO_OIDC, split_jobs=True), "release.yml", repo)
    if after == before:  # the example must show the change; a test holds it
        raise AssertionError(f"--split-jobs leaves the example of {finding_id} as it is: {plan.skipped}")
    return before, after


def _split_section(finding_id: str, fence: bool) -> str:
    pair = split_example(finding_id)
    if pair is None:
        return ""
    shown = [f"```yaml\n{t.rstrip()}\n```" if fence else "\n".join("    " + ln for ln in t.rstrip().splitlines())
             for t in pair]
    return (f"\nWith `migrate to-oidc --split-jobs`, this workflow:\n\n{shown[0]}\n\n"
            f"becomes:\n\n{shown[1]}\n")


def _rule_section(finding_id: str, example: str) -> str:
    shown = rule_reported(finding_id, example) if finding_id in RULES else None
    return "\n" + shown if shown else ""


def ids() -> List[str]:
    return [e[0] for e in _entries()]


def explain(finding_id: str) -> Optional[str]:
    for fid, severity, title, why, example, fix, label in _entries():
        if fid == finding_id:
            shown = "\n".join("    " + ln for ln in example.splitlines())
            return f"{fid} ({severity}): {title}\n\nWhy: {why}\n\n{label}:\n\n{shown}\n\nFix: {fix}\n" + \
                _split_section(fid, fence=False)
    return None


def reported(finding_id: str, example: str) -> str:
    """How the doctor reports a log whose only text is `example`: text, json (the log part) and github."""
    import json

    from codemods.doctor import output
    from codemods.doctor.diagnose import Diagnosis, read_log

    d = Diagnosis([], [])
    read_log(d, example, "run.log")
    text = "\n".join(ln for ln in output.text(d).splitlines() if ln.strip() and " in 0 workflows" not in ln)
    log = json.loads(output.as_json(d))["log"]
    log["findings"] = [f for f in log["findings"] if f["id"] == finding_id]
    return (f"Reported as text:\n\n```text\n{text}\n```\n\nAs json (`log`):\n\n```json\n"
            f"{json.dumps(log, indent=2)}\n```\n\nAs github:\n\n```text\n{output.github(d).strip()}\n```\n")


EXAMPLE_ROOT = Path("/nonexistent/pubmode-example")  # no files, no remote: the report shows placeholders
# The repository files a rule's example needs besides the workflow (written to a scratch folder for the report)
EXAMPLE_FILES = {"publish-action-in-composite": {".github/actions/publish/action.yml": """\
name: Publish
runs:
  using: composite
  steps:
    - uses: pypa/gh-action-pypi-publish@release/v1
"""}}


def rule_reported(finding_id: str, example: str) -> Optional[str]:
    """How the doctor reports a rule's own example (read as a workflow, or as a fragment of one): its
    finding as text, json and github; None when the example alone does not show it (it needs the rest
    of a workflow)."""
    import json

    from codemods.doctor import output
    from codemods.doctor.diagnose import Diagnosis, FileDiagnosis, _diagnose, _document, _finish
    from codemods.errors import InputError

    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) if finding_id in EXAMPLE_FILES else EXAMPLE_ROOT
        for rel, text in EXAMPLE_FILES.get(finding_id, {}).items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text)
        path = root / ".github" / "workflows" / "release.yml"
        result = FileDiagnosis(".github/workflows/release.yml")
        try:
            doc, result.fragment_offset = _document(example + "\n", path)
        except InputError:
            return None
        _diagnose(doc, path, root, result.path, result)
        _finish(result)
    result.findings = [f for f in result.findings if f.id == finding_id]
    if not result.findings:
        return None
    result.registrations, result.registration_note = [], None
    d = Diagnosis([result], [])
    text = "\n".join(ln for ln in output.text(d).splitlines() if ln.startswith(("  warning", "  error", "  note",
                                                                                  "      fix:")))
    findings = json.loads(output.as_json(d))["files"][0]["findings"]
    return (f"Reported as text:\n\n```text\n{text}\n```\n\nAs json (`findings` of the file):\n\n```json\n"
            f"{json.dumps(findings, indent=2)}\n```\n\nAs github:\n\n```text\n{output.github(d).strip()}\n```\n")


def markdown() -> str:
    parts = ["# Findings of `migrate doctor`\n", "Generated from `codemods/doctor/rules.py` and "
             "`codemods/doctor/log_patterns.py`; `migrate explain ID` prints the same text.\n"]
    for fid, severity, title, why, example, fix, label in _entries():
        lang = "yaml" if label == "Example" else "text"
        parts.append(f"## {fid}\n\n**{title}** (severity: {severity})\n\n{why}\n\n{label}:\n\n```{lang}\n"
                     f"{example}\n```\n\nFix: {fix}\n" + _split_section(fid, fence=True)
                     + (_rule_section(fid, example) if label == "Example" else "\n" + reported(fid, example)))
    return "\n".join(parts)
