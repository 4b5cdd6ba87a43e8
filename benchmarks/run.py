"""Measure pubmode as users run it and write benchmarks/RESULTS.md (not part of the test suite).

usage: .venv/bin/python benchmarks/run.py [--sizes 100,1000,10000] [--repeat 15] [--no-zizmor] [--python PY]

- where: by default in a virtual environment of its own, .cache/bench-venv, made (and refreshed) with a
  plain `pip install .` of this checkout, as a new user installs pubmode: no test extra, so no package a
  test tool brings changes what is imported. `--python PY` measures the pubmode installed beside that
  interpreter instead (its `migrate` script); RESULTS.md names the environment and its packages;
- start-up: `migrate --help` and a one-file `to-oidc --dry-run`, as ratios to `python -c pass` (the same
  interpreter), beside the floor of the CLI framework (a typer app of one command with the same kinds of
  options, doing nothing);
- throughput: `migrate to-oidc --check` over folders of N workflows (the corpus's release workflows
  plus workflows that publish nothing, about one in ten publishing, as real repositories hold), in
  files per second and peak memory (the child's maximum resident set), with and without the pre-filter
  (PUBMODE_NO_PREFILTER=1) and with --jobs 2, beside `zizmor --offline` on the same folder when zizmor
  is installed (`pip install zizmor`, in the test extra; looked for on PATH and beside this interpreter);
- an import-time profile of the one-file dry run (`python -X importtime`), the slowest modules.

Children run with bytecode caching on (PYTHONDONTWRITEBYTECODE unset, one warm-up run), as an installed
pubmode runs. The non-publishing workflows come from benchmarks/ci_workflows.py.
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

sys.path.insert(0, str(HERE))
from ci_workflows import ci_workflow  # noqa: E402

ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PUBMODE_NO_PREFILTER")}
TYPER_FLOOR = """import typer
from pathlib import Path
from typing import List, Optional
app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
@app.callback()
def root() -> None: pass
@app.command("to-oidc")
def to_oidc(paths: Optional[List[Path]] = typer.Argument(None), dry_run: bool = typer.Option(False, "--dry-run"),
            output_format: str = typer.Option("text", "--format")) -> None: pass
@app.command("other")
def other() -> None: pass
app()
"""


def timed(cmd, repeat: int, cwd=None) -> float:
    """Median wall time of a command, in seconds (after one warm-up run)."""
    subprocess.run(cmd, cwd=cwd, capture_output=True, env=ENV)
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, capture_output=True, env=ENV)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def peak(cmd, cwd=None, **env):
    """(wall seconds, CPU seconds, peak resident MiB) of one run of a command, from the rusage of that
    child (its own maximum resident set; worker processes of --jobs are each smaller than it)."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**ENV, **env})
    _, _, usage = os.wait4(child.pid, 0)
    child.returncode = 0  # reaped by wait4
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KiB on Linux


def build_folder(base: Path, n: int) -> Path:
    """A repository whose .github/workflows holds n files, one in ten from the corpus."""
    repo = base / f"n{n}"
    folder = repo / ".github" / "workflows"
    folder.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "remote", "add", "origin", "https://github.com/octo-org/octo-repo.git"],
                   check=True)
    corpus = sorted(CORPUS.glob("*.y*ml"))
    for i in range(n):
        if corpus and i % 10 == 0:
            shutil.copyfile(corpus[(i // 10) % len(corpus)], folder / f"release-{i:05d}.yml")
        else:
            (folder / f"ci-{i:05d}.yml").write_text(ci_workflow(i), encoding="utf-8")
    return repo


def build_release_folder(base: Path) -> Path:
    """A repository whose .github/workflows holds every corpus workflow (all of them publish)."""
    repo = base / "releases"
    folder = repo / ".github" / "workflows"
    folder.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "remote", "add", "origin", "https://github.com/octo-org/octo-repo.git"],
                   check=True)
    for path in sorted(CORPUS.glob("*.y*ml")):
        shutil.copyfile(path, folder / path.name)
    return repo


def import_profile(python: str, migrate: str, one_file: Path) -> list:
    """(cumulative µs, module) of the slowest imports of a one-file dry run."""
    out = subprocess.run([python, "-X", "importtime", migrate, "to-oidc", "--dry-run", str(one_file)],
                         cwd=one_file.parents[2], capture_output=True, text=True, env=ENV).stderr
    rows = []
    for line in out.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    return sorted(rows, reverse=True)[:15]


def bench_venv() -> str:
    """The interpreter of .cache/bench-venv, with this checkout installed in it by a plain `pip install .`
    (made on the first run; pubmode itself reinstalled on each, its dependencies as they are)."""
    venv = ROOT / ".cache" / "bench-venv"
    python = venv / "bin" / "python"
    shutil.rmtree(ROOT / "build", ignore_errors=True)  # setuptools' copy of an earlier build (a module since
    # removed would be installed from it)
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True)
    else:
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(ROOT)],
                       check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True)  # dependencies as
        # pyproject.toml now asks (a bound that changed since the venv was made)
    return str(python)


def packages(python: str) -> str:
    """The distributions installed beside `python` (name version, sorted)."""
    code = ("import importlib.metadata as m; print(', '.join(sorted(f\"{d.metadata['Name']} {d.version}\" "
            "for d in m.distributions() if d.metadata['Name'] not in ('pip', 'setuptools'))))")
    return subprocess.run([python, "-c", code], capture_output=True, text=True,  # not from the checkout,
                          cwd=Path(python).parent).stdout.strip()  # whose pubmode.egg-info `-c` would see


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f} (1, 5, 15 min)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--no-zizmor", action="store_true")
    ap.add_argument("--python", help="measure the pubmode installed beside this interpreter (default: "
                    ".cache/bench-venv, made with a plain `pip install .`)")
    args = ap.parse_args()
    python = args.python or bench_venv()
    where = (f"`{args.python}` (given with --python)" if args.python else
             "`.cache/bench-venv`, a virtual environment made by this script with a plain `pip install .` (no extra)")
    migrate = str(Path(python).parent / "migrate")
    zizmor = None if args.no_zizmor else shutil.which("zizmor") or (
        str(BIN / "zizmor") if (BIN / "zizmor").exists() else None)
    version = subprocess.run([zizmor, "--version"], capture_output=True, text=True).stdout.strip() if zizmor else ""
    lines = ["# pubmode benchmarks", "",
             f"- machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; a shared "
             "box (other sessions ran beside this one), so the figures are noisy: compare ratios, not seconds",
             f"- load average before the run: {load()}",
             f"- command: `.venv/bin/python benchmarks/run.py --sizes {args.sizes} --repeat {args.repeat}"
             + (f" --python {args.python}`" if args.python else "`"),
             f"- pubmode measured in {where}; installed there: {packages(python)}",
             f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {version}", ""]
    base_time = timed([python, "-c", "pass"], args.repeat)
    help_time = timed([migrate, "--help"], args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        floor_script = Path(tmp) / "typer_floor.py"
        floor_script.write_text(TYPER_FLOOR, encoding="utf-8")
        floor = timed([python, str(floor_script), "to-oidc", "--dry-run", "x.yml"], args.repeat)
        typer_import = timed([python, "-c", "import typer"], args.repeat)
        one = ROOT / "examples" / "single-job"
        one_file = one / ".github" / "workflows" / "release.yml"
        dry = timed([migrate, "to-oidc", "--dry-run", str(one_file)], args.repeat, cwd=one)
        lines += [f"## Start-up (median of {args.repeat} runs)", "",
                  "| work | median | ratio to `python -c pass` |", "|---|---|---|",
                  f"| `python -c pass` | {base_time * 1000:.0f} ms | 1.0× |",
                  f"| `migrate --help` | {help_time * 1000:.0f} ms | {help_time / base_time:.1f}× |",
                  f"| `migrate to-oidc --dry-run examples/single-job/.github/workflows/release.yml` | "
                  f"{dry * 1000:.0f} ms | {dry / base_time:.1f}× |",
                  f"| floor: a typer app of one command (a path list, a flag, a text option) doing nothing | "
                  f"{floor * 1000:.0f} ms | {floor / base_time:.1f}× |",
                  f"| `python -c 'import typer'` | {typer_import * 1000:.0f} ms | {typer_import / base_time:.1f}× |",
                  ""]
        print("\n".join(lines), flush=True)
        lines += ["## Throughput (`migrate to-oidc --check` over a repository's workflows)", "",
                  "One file in ten is a corpus release workflow, the others publish nothing "
                  "(benchmarks/ci_workflows.py). Peak memory is the main process's maximum resident set.", "",
                  "| files | pubmode | files/s | CPU | peak MiB | no pre-filter | its peak MiB | `--jobs 2` | "
                  "zizmor --offline | pubmode / zizmor |", "|---|---|---|---|---|---|---|---|---|---|"]
        mixed = {}
        for n in (int(s) for s in args.sizes.split(",")):
            repo = build_folder(Path(tmp), n)
            wall, cpu, mem = peak([migrate, "to-oidc", "--check"], cwd=repo)
            nf_wall, _, nf_mem = peak([migrate, "to-oidc", "--check"], cwd=repo, PUBMODE_NO_PREFILTER="1")
            j_wall = peak([migrate, "to-oidc", "--check", "--jobs", "2"], cwd=repo)[0]
            z = peak([zizmor, "--offline", ".github/workflows"], cwd=repo)[0] if zizmor else None
            zcol = f"{z:.2f} s" if z else "not installed"
            ratio = f"{wall / z:.1f}×" if z else "-"
            lines.append(f"| {n} | {wall:.2f} s | {n / wall:.0f} | {cpu:.2f} s | {mem:.0f} | {nf_wall:.2f} s | "
                         f"{nf_mem:.0f} | {j_wall:.2f} s | {zcol} | {ratio} |")
            print(lines[-1], flush=True)
            mixed[n] = (wall, mem, z)
            shutil.rmtree(repo)
        releases = build_release_folder(Path(tmp))
        count = len(list((releases / ".github" / "workflows").iterdir()))
        rel = timed([migrate, "to-oidc", "--check"], 5, cwd=releases)
        rel_mem = peak([migrate, "to-oidc", "--check"], cwd=releases)[2]
        rel_z = timed([zizmor, "--offline", ".github/workflows"], 5, cwd=releases) if zizmor else None
        lines += ["", f"Release workflows only: the {count} workflows of ../shared/corpus/github, every one of which "
                  "publishes (median of 5 runs):", "",
                  "| files | pubmode | files/s | peak MiB | zizmor --offline | pubmode / zizmor |",
                  "|---|---|---|---|---|---|",
                  f"| {count} | {rel:.2f} s | {count / rel:.0f} | {rel_mem:.0f} | "
                  + (f"{rel_z:.2f} s | {rel / rel_z:.1f}× |" if rel_z else "not installed | - |")]
        print(lines[-1], flush=True)
        lines += ["", "## Slowest imports of the one-file dry run (`python -X importtime`, cumulative µs)", "",
                  "| µs | module |", "|---|---|"]
        lines += [f"| {us} | `{name.strip()}` |" for us, name in import_profile(python, migrate, one_file)]
    lines += ["", "## Against the targets of issue 15", "",
              "| target | measured | floor it cannot go under |", "|---|---|---|",
              f"| `--help` ≤ 4× `python -c pass` | {help_time / base_time:.1f}× | `import typer` alone: "
              f"{typer_import / base_time:.1f}× (docs/libraries.md) |",
              f"| one-file dry run ≤ 6× | {dry / base_time:.1f}× | a typer app doing nothing: "
              f"{floor / base_time:.1f}× |"]
    for n, (wall, mem, z) in mixed.items():
        met = z is not None and wall <= z
        lines.append(f"| {n} files ≤ zizmor | " + (f"{wall / z:.1f}×" if z else "-") + " | "
                     + ("met |" if met else f"start-up ({dry * 1000:.0f} ms for one file) weighs at small N |"))
    if mixed:
        small, big = min(mixed), max(mixed)
        if big > small:
            per = (mixed[big][1] - mixed[small][1]) * 1024 / (big - small)
            lines.append(f"| memory < 150 MB, flat in N | {mixed[big][1]:.0f} MiB at {big}; {per:.1f} KiB more per "
                         "file from the smallest folder to the largest | the changed files' texts, kept to write |")
    lines.append(f"| {count} release workflows ≤ zizmor | " + (f"{rel / rel_z:.1f}×" if rel_z else "-")
                 + " | start-up, then the full reading of every file |")
    lines += ["", f"- load average after the run: {load()}"]
    (HERE / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
