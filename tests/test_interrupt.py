"""A run stopped while writing (killed, SIGTERM, Ctrl-C) never leaves a half-written workflow."""
from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

WRITER = r"""
import signal
import sys
from pathlib import Path
from codemods.engine.io import atomic_write, exit_on_sigterm
signal.signal(signal.SIGINT, signal.default_int_handler)  # a shell running the tests in the background ignores it
exit_on_sigterm()
target = Path(sys.argv[1])
old = target.read_bytes()
n = 0
print("ready", flush=True)
while True:
    n += 1
    new = (b"%d\n" % n) * 4_000_000  # tens of megabytes: the write takes a while
    atomic_write(target, new, old, 0o644)
    old = new
"""


def _whole(data: bytes) -> bool:
    """Either the original content, or one complete version written by the loop."""
    if data == b"original\n":
        return True
    first = data.split(b"\n", 1)[0]
    return first.isdigit() and data == (first + b"\n") * 4_000_000


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_stopping_a_write_leaves_old_or_new_never_half(tmp_path: Path, sig) -> None:
    target = tmp_path / "release.yml"
    target.write_bytes(b"original\n")
    rnd = random.Random(sig)
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE,
                                cwd=Path(__file__).resolve().parents[1])
        try:
            assert proc.stdout.readline() == b"ready\n"
            time.sleep(rnd.uniform(0.01, 0.3))  # picks the moment to stop it; nothing is asserted on time
            proc.send_signal(sig)
            proc.wait(timeout=60)
        finally:  # never leave the writer looping, whatever failed above
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()
        assert _whole(target.read_bytes())
        leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".pubmode-tmp")]
        if sig != signal.SIGKILL:
            assert leftovers == [], "the temporary file must be removed when the run is stopped politely"
        for p in leftovers:  # SIGKILL cannot clean up; the workflow itself is still whole
            p.unlink()
