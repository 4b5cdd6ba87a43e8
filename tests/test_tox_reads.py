"""The tox files of the golden cases, read by the real tox (`tox config`): what pubmode writes is what
tox hands the upload, before and after each direction."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List

import pytest
from ruamel.yaml import YAML

pytest.importorskip("tox")

GOLDEN = Path(__file__).parent / "golden"
OIDC = {"ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"}
CASES = sorted(p.name for p in GOLDEN.glob("follow-tox-*")
               if (p / "repo" / "tox.ini").is_file() or (p / "repo" / "tox.toml").is_file())
TOX4_UNREADABLE = {"follow-tox-legacy-ini"}  # `passenv = A B`: tox 3's style, kept as the project wrote it


def _credentials() -> set:
    from codemods.uploaders import registry

    return {n for up in registry.all_uploaders() for n in up.credentials.variables}


def _env_of(case: Path) -> str:
    """The tox env the case's workflow runs (`tox -e upload`: diepvries), `release` where it names none."""
    envs = re.findall(r"\btox\b[^\n]*?\s-e\s+([\w.-]+)", (case / "input.yml").read_text())
    return "release" if "release" in envs or not envs else envs[-1]


def _tox_config(case: Path, folder: str, tmp: Path) -> Dict[str, List[str]]:
    """`tox config -e ENV -k commands pass_env` on the files of `folder` (repo/ where absent); the
    env_list override only spares tox from setting up every other environment of the file."""
    env = _env_of(case)
    work = tmp / folder
    shutil.copytree(case / "repo", work)
    if (case / folder).is_dir():
        shutil.copytree(case / folder, work, dirs_exist_ok=True)
    out = subprocess.run([sys.executable, "-m", "tox", "config", "-x", f"tox.env_list={env}", "-e", env,
                          "-k", "commands", "pass_env"], cwd=work, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "Exception" not in out.stdout, out.stdout + out.stderr
    values: Dict[str, List[str]] = {}
    key = None
    for line in out.stdout.splitlines():
        if line.startswith("  ") and key:
            values[key].append(line.strip())
        elif " = " in line or line.endswith(" ="):
            key, _, first = line.partition(" =")
            values[key] = [first.strip()] if first.strip() else []
    return values


def _step_env(workflow: Path) -> set:
    data = YAML(typ="safe", pure=True).load(workflow.read_text())
    return {k for job in data["jobs"].values() for step in job["steps"] if "tox" in str(step.get("run", ""))
            for k in (step.get("env") or {})}


@pytest.mark.parametrize("name", [c for c in CASES if c not in TOX4_UNREADABLE])
def test_tox_reads_what_each_direction_meant(name: str, tmp_path: Path) -> None:
    case = GOLDEN / name
    if not (case / "to-oidc.repo").is_dir():  # a case pubmode refuses: nothing of the repository changes
        assert not (case / "to-oidc.yml").exists() and "not converted" in (case / "to-oidc.report").read_text() \
            or "by hand" in (case / "to-oidc.report").read_text()
        return
    with ThreadPoolExecutor(3) as pool:  # tox starts slowly: the three folders at once
        before, oidc, back = pool.map(lambda f: _tox_config(case, f, tmp_path),
                                      ("repo", "to-oidc.repo", "round-trip.repo"))
    # to-oidc: tox passes the OIDC request variables and no credential; the commands lost words, no more
    assert OIDC <= set(oidc["pass_env"]) and not _credentials() & set(oidc["pass_env"])
    assert set(before["pass_env"]) - _credentials() <= set(oidc["pass_env"])  # nothing else lost
    assert len(oidc["commands"]) == len(before["commands"])
    for b, a in zip(before["commands"], oidc["commands"]):
        words = b.split()
        assert all(w in words for w in a.replace("--trusted-publishing always", "").split()), (b, a)
    # to-token after it: the commands without the Trusted Publishing flag (cut credential flags stay cut:
    # the token comes from the environment), and tox passes every variable the workflow now sets
    assert back["commands"] == [c.replace(" --trusted-publishing always", "") for c in oidc["commands"]]
    assert set(before["pass_env"]) <= set(back["pass_env"])
    assert _step_env(case / "round-trip.yml") <= set(back["pass_env"])
