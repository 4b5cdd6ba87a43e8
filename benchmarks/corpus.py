"""Time the migration pipeline over the real workflows in ../shared/corpus/github, and CLI start-up.

usage: .venv/bin/python benchmarks/corpus.py [--corpus DIR] [--rounds N]
Prints files per second for each direction and the median start-up time of `migrate --help`.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from codemods.errors import InputError  # noqa: E402
from codemods.migrate import TO_OIDC, TO_TOKEN, Options  # noqa: E402
from codemods.project import Repository  # noqa: E402
from codemods.rendered import migrate_text  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(HERE.parent.parent / "shared" / "corpus" / "github"))
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.corpus).glob("*.y*ml"))]
    repo = Repository(Path("."), "octo-org", "octo-repo", "octo-widget")
    for direction in (TO_OIDC, TO_TOKEN):
        best = float("inf")
        for _ in range(args.rounds):
            start = time.perf_counter()
            for text in texts:
                try:
                    migrate_text(text, Options(direction), "release.yml", repo)
                except InputError:
                    pass
            best = min(best, time.perf_counter() - start)
        print(f"{direction}: {len(texts)} files in {best:.2f} s ({len(texts) / best:.0f} files/s)")
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, str(HERE.parent / "cli.py"), "--help"], capture_output=True, check=True)
        runs.append(time.perf_counter() - start)
    print(f"migrate --help: {statistics.median(runs) * 1000:.0f} ms (median of 5)")


if __name__ == "__main__":
    main()
