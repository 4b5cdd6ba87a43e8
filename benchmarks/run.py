"""Measure pubmode as users run it and write benchmarks/RESULTS.md (not part of the test suite).

usage: .venv/bin/python benchmarks/run.py [--sizes 100,1000,10000] [--repeat 5] [--no-zizmor]

- start-up: `migrate --help` and a one-file `to-oidc --dry-run`, as ratios to `python -c pass`;
- throughput: `migrate to-oidc --check` over folders of N workflows (the corpus's release workflows
  plus workflows that publish nothing, about one in ten publishing, as real repositories hold), in
  files per second and peak memory (the child's maximum resident set), beside `zizmor --offline` on
  the same folder when zizmor is installed (`pip install zizmor`);
- an import-time profile of `import cli` (`python -X importtime`), the ten slowest modules.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "github"
BIN = Path(sys.executable).parent

QUIET_WORKFLOW = """name: CI {n}
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python: ["3.10", "3.11", "3.12", "3.13"]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: ${{{{ matrix.python }}}}
      - run: pip install tox && tox -e py
"""


def timed(cmd, repeat: int, cwd=None) -> float:
    """Median wall time of a command, in seconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, capture_output=True)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def peak(cmd, cwd=None):
    """(wall seconds, peak resident MiB) of one run of a command, from that child's own rusage."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    child.returncode = 0  # reaped by wait4
    return time.perf_counter() - start, usage.ru_maxrss / 1024  # KiB on Linux


def build_folder(base: Path, n: int) -> Path:
    """A repository whose .github/workflows holds n files, one in ten from the corpus."""
    repo = base / f"n{n}"
    folder = repo / ".github" / "workflows"
    folder.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    corpus = sorted(CORPUS.glob("*.y*ml"))
    for i in range(n):
        if corpus and i % 10 == 0:
            shutil.copyfile(corpus[(i // 10) % len(corpus)], folder / f"release-{i}.yml")
        else:
            (folder / f"ci-{i}.yml").write_text(QUIET_WORKFLOW.format(n=i), encoding="utf-8")
    return repo


def import_profile() -> list:
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import cli"], cwd=ROOT,
                         capture_output=True, text=True).stderr
    rows = []
    for line in out.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    return sorted(rows, reverse=True)[:10]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-zizmor", action="store_true")
    args = ap.parse_args()
    migrate = str(BIN / "migrate")
    zizmor = None if args.no_zizmor else shutil.which("zizmor") or (
        str(BIN / "zizmor") if (BIN / "zizmor").exists() else None)
    lines = ["# pubmode benchmarks", "",
             f"- machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
             f"- command: `{Path(sys.executable).name} benchmarks/run.py --sizes {args.sizes} --repeat {args.repeat}`",
             f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", ""]
    base_time = timed([sys.executable, "-c", "pass"], args.repeat)
    help_time = timed([migrate, "--help"], args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        one = build_folder(Path(tmp), 1)
        one_file = next((one / ".github" / "workflows").iterdir())
        dry = timed([migrate, "to-oidc", "--dry-run", str(one_file)], args.repeat, cwd=one)
        lines += ["## Start-up", "", "| work | median | ratio to `python -c pass` |", "|---|---|---|",
                  f"| `python -c pass` | {base_time * 1000:.0f} ms | 1.0× |",
                  f"| `migrate --help` | {help_time * 1000:.0f} ms | {help_time / base_time:.1f}× |",
                  f"| `migrate to-oidc --dry-run` (one workflow) | {dry * 1000:.0f} ms | {dry / base_time:.1f}× |", ""]
        lines += ["## Throughput (`to-oidc --check` over a repository's workflows)", "",
                  "| files | pubmode | files/s | peak MiB | zizmor --offline | pubmode / zizmor |", "|---|---|---|---|---|---|"]
        for n in (int(s) for s in args.sizes.split(",")):
            repo = build_folder(Path(tmp), n)
            wall, mem = peak([migrate, "to-oidc", "--check"], cwd=repo)
            z = peak([zizmor, "--offline", ".github/workflows"], cwd=repo)[0] if zizmor else None
            zcol = f"{z:.2f} s" if z else "not installed"
            ratio = f"{wall / z:.1f}×" if z else "-"
            lines.append(f"| {n} | {wall:.2f} s | {n / wall:.0f} | {mem:.0f} | {zcol} | {ratio} |")
            print(lines[-1], flush=True)
    lines += ["", "## Slowest imports of `import cli` (cumulative µs)", "", "| µs | module |", "|---|---|"]
    lines += [f"| {us} | `{name.strip()}` |" for us, name in import_profile()]
    (HERE / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
