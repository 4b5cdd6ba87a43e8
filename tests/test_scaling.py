"""Work per file grows linearly with its size: thousands of jobs or a pathological string must not stall a run.

No test here measures time. The per-job work is counted as lines of pubmode's own code executed
(YAML parsing, linear, is not counted), and must grow about 4x when the jobs do; a quadratic step
(a scan of every job per job) shows as 5x-10x. The regex test runs the CLI in a subprocess with a
generous `timeout`: the old pattern took about 90 s on that input, the new one well under a second.
"""
from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from codemods.engine.document import Document
from codemods.migrate import Options
from codemods.project import Repository
from codemods.rendered import migrate_text
from codemods.workflow import EXPRESSION

SHAPES = {
    "action": "  p{i}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: pypa/gh-action-pypi-publish@release/v1\n"
              "        with:\n          password: ${{{{ secrets.PYPI_API_TOKEN }}}}\n",
    "trusted": "  p{i}:\n    runs-on: ubuntu-latest\n    environment: pypi\n    permissions:\n      id-token: write\n"
               "    steps:\n      - uses: pypa/gh-action-pypi-publish@release/v1\n",
    "twine": "  p{i}:\n    runs-on: ubuntu-latest\n    env:\n      TWINE_USERNAME: __token__\n    steps:\n"
             "      - run: twine upload dist/*\n        env:\n          TWINE_PASSWORD: ${{{{ secrets.PYPI_API_TOKEN }}}}\n",
    "hatch": "  p{i}:\n    runs-on: ubuntu-latest\n    steps:\n      - run: hatch publish\n        env:\n"
             "          HATCH_INDEX_AUTH: ${{{{ secrets.PYPI_API_TOKEN }}}}\n          HATCH_INDEX_USER: __token__\n",
}
CODEMODS = str(Path(__file__).resolve().parent.parent / "codemods")
REPO = Repository(Path("/nonexistent"), "o", "r", "p")


def _workflow(shape: str, jobs: int) -> str:
    return "on: push\npermissions:\n  contents: read\njobs:\n" + "".join(SHAPES[shape].format(i=i) for i in range(jobs))


def _lines_run(work: Callable[[], object]) -> int:
    """Lines of pubmode's own code (codemods/) that `work` executes."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(CODEMODS) else None

    old = sys.gettrace()
    sys.settrace(calls)
    try:
        work()
    finally:
        sys.settrace(old)
    return count


def _doctor(text: str) -> None:
    from codemods.doctor.rules import run_rules
    from codemods.doctor.view import WorkflowView

    list(run_rules(WorkflowView(Document(text), Path("/nonexistent"))))


@pytest.mark.parametrize("shape, command", [(s, "to-oidc") for s in ("action", "twine", "hatch")] + [
    ("trusted", "to-token"), ("twine", "to-token"), ("action", "doctor"), ("twine", "doctor")])
def test_work_per_file_is_linear_in_its_jobs(shape: str, command: str) -> None:
    def work(jobs: int) -> int:
        text = _workflow(shape, jobs)
        if command == "doctor":
            return _lines_run(lambda: _doctor(text))
        return _lines_run(lambda: migrate_text(text, Options(command), "release.yml", REPO))

    small, large = work(20), work(80)
    assert large < 4.5 * small, f"{shape} {command}: {small} lines for 20 jobs, {large} for 80 (quadratic?)"


OLD_EXPRESSION = re.compile(r"\$\{\{.*?\}\}", re.S)


def test_expression_pattern_finds_what_the_old_one_found() -> None:
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(["$", "{", "}", "${{", "}}", " ", "a", "\n"]) for _ in range(rng.randint(0, 14)))
        assert bool(EXPRESSION.search(text)) == bool(OLD_EXPRESSION.search(text)), repr(text)


def test_a_run_on_unterminated_expressions_finishes(tmp_path: Path) -> None:
    """`${{` 40,000 times in the places pubmode reads expressions from (runner label, index URL, env)."""
    many = "${{" * 40000
    root = tmp_path / "repo"
    (root / ".github" / "workflows").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / ".github" / "workflows" / "release.yml").write_text(
        f'on: push\njobs:\n  p:\n    runs-on: "{many}"\n    steps:\n      - uses: pypa/gh-action-pypi-publish@release/v1\n'
        f'        with:\n          repository-url: "{many}"\n          password: ${{{{ secrets.PYPI_API_TOKEN }}}}\n'
        f'      - run: twine upload dist/*\n        env:\n          TWINE_PASSWORD: "{many}"\n', encoding="utf-8")
    for command in ("to-oidc", "doctor"):
        out = subprocess.run([str(Path(sys.executable).parent / "migrate"), command, "--check"],
                             cwd=root, capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
        assert "Traceback" not in out.stderr, out.stderr


def test_build_paths_in_a_huge_script_token_are_read_in_one_pass() -> None:
    """A `run:` script made of one 2 MB word: the folder patterns of `job_folders` start only where a path
    starts (a pattern trying every offset took minutes). Run in a child with a generous limit."""
    code = ("from codemods.project import job_folders\n"
            "assert job_folders({'steps': [{'run': 'a' * 2_000_000 + ' cp -r pkg/dist/. dist/'}]}) == ['pkg']\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60, cwd=Path(__file__).parents[1])
