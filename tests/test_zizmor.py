"""zizmor, the workflow security linter, finds nothing new in what `--split-jobs` writes: its
`artipacked`, `excessive-permissions` and `use-trusted-publishing` audits are run (offline) over the
input and the outputs of every split golden case, and each output's findings must be among the input's.

A finding is compared by audit, severity, confidence, job and what it says (step positions move when
steps are added). zizmor reports "default permissions used due to no permissions: block" on the job
when a workflow has one job and on the workflow as well when it has more: one cause (no `permissions:`
anywhere), so those compare without their place. `to-token` after a split (round-trip.yml) uploads
with a token again by design, so there `use-trusted-publishing` is not compared. Skipped when zizmor is not installed
(`pip install zizmor`; the test extra has it).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from test_split_jobs import GOLDEN, SPLIT_CASES

AUDITS = ("artipacked", "excessive-permissions", "use-trusted-publishing")
DEFAULT_PERMISSIONS = "default permissions used due to no permissions: block"
ZIZMOR = shutil.which("zizmor") or (str(Path(sys.executable).parent / "zizmor")
                                     if (Path(sys.executable).parent / "zizmor").is_file() else None)


def findings(path: Path, tmp: Path, audits=AUDITS) -> set:
    # zizmor reads workflows by their place: .github/workflows/ of a folder of their own
    folder = tmp / path.parent.name / path.stem / ".github" / "workflows"
    folder.mkdir(parents=True)
    shutil.copyfile(path, folder / "release.yml")
    run = subprocess.run([ZIZMOR, "--offline", "--no-config", "--format", "json", "--persona", "regular",
                          str(folder / "release.yml")], capture_output=True, text=True, timeout=300)
    assert run.returncode in (0, 10, 11, 12, 13, 14), run.stderr  # 1x: findings of the highest severity x
    out = set()
    for f in json.loads(run.stdout):
        if f["ident"] not in audits:
            continue
        primary = next(loc for loc in f["locations"] if loc["symbolic"]["kind"] == "Primary")
        note = primary["symbolic"]["annotation"]
        route = [k.get("Key") for k in primary["symbolic"]["route"]["route"]]
        job = "(no permissions anywhere)" if note == DEFAULT_PERMISSIONS else (route[1] if len(route) > 1 else "")
        d = f["determinations"]
        out.add((f["ident"], d["severity"], d["confidence"], job, note))
    return out


@pytest.mark.skipif(ZIZMOR is None, reason="zizmor not installed: pip install zizmor")
@pytest.mark.parametrize("name", SPLIT_CASES)
def test_zizmor_finds_nothing_new_after_a_split(name: str, tmp_path: Path) -> None:
    case = GOLDEN / name
    new = {}
    for out in ("to-oidc.yml", "round-trip.yml"):
        audits = AUDITS if out == "to-oidc.yml" else AUDITS[:2]
        if (case / out).is_file():
            added = findings(case / out, tmp_path / out, audits) - findings(case / "input.yml", tmp_path / "in" / out, audits)
            if added:
                new[out] = sorted(added)
    assert new == {}
