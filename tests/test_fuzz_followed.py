"""Mutation fuzzing of the files a workflow runs (tox.ini, tox.toml, Makefile, scripts, Python,
pyproject.toml), taken from the golden cases that hold a repository.

Each case mutates one followed file (the workflow fuzzer's mutations: lines deleted, duplicated,
re-indented or swapped, the file cut, bytes inserted; and CRLF line endings, the final newline cut),
then runs both migrations on the workflow. Every result must be a one-line error for that file or a
change that the engine verified; written, it must parse as its kind and a second run must leave it alone. `PUBMODE_FUZZ_CASES=5000` runs a campaign.
"""
from __future__ import annotations

import ast
import os
import random
import shutil
import subprocess
from pathlib import Path

from codemods import toml_text
from codemods.migrate import TO_OIDC, TO_TOKEN, Options
from codemods.runner import migrate_file
from test_fuzz import mutate as mutate_lines

GOLDEN = Path(__file__).parent / "golden"
CASES = int(os.environ.get("PUBMODE_FUZZ_CASES", "150"))
WORKFLOW = Path(".github/workflows/release.yml")


def mutate(data: bytes, rnd: random.Random) -> bytes:
    """The workflow fuzzer's mutations, plus what differs in scripts and ini files: CRLF, no final newline."""
    kind = rnd.choice(["workflow-kinds", "crlf", "no-final-newline"])
    if kind == "crlf":
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    if kind == "no-final-newline":
        return data.rstrip(b"\r\n")
    return mutate_lines(data, rnd)


def _parses(path: Path, text: str) -> bool:
    """A written followed file still reads as its kind (the kinds pubmode checks before writing)."""
    if path.suffix == ".py":
        ast.parse(text)
    elif path.suffix == ".toml":
        toml_text.loads(text)
    return True


def _apply(result) -> None:
    if result.new_text is not None:
        result.path.write_bytes(result.old.encode(result.new_text))
    for c in result.companions:
        c.target.path.write_text(c.new_text, encoding="utf-8", newline="")


def _cases():
    out = []
    for case in sorted(GOLDEN.iterdir()):
        repo = case / "repo"
        if (case / "input.yml").is_file() and repo.is_dir():
            out += [(case, p.relative_to(repo)) for p in sorted(repo.rglob("*")) if p.is_file()]
    return out


def test_mutated_followed_files_give_clean_errors_or_verified_output(tmp_path: Path) -> None:
    cases = _cases()
    assert cases, "the golden cases hold repositories"
    rnd = random.Random(20261130)
    seen = {"error": 0, "unchanged": 0, "changed": 0}
    for n in range(CASES):
        case, rel = rnd.choice(cases)
        root = tmp_path / f"r{n}"
        shutil.copytree(case / "repo", root)
        subprocess.run(["git", "init", "-q", str(root)], check=True)
        (root / WORKFLOW).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(case / "input.yml", root / WORKFLOW)
        for name in ("pyproject.toml", "setup.cfg"):
            if (case / name).is_file() and not (root / name).exists():
                shutil.copyfile(case / name, root / name)
        data = (root / rel).read_bytes()
        for _ in range(rnd.randint(1, 2)):
            data = mutate(data, rnd)
        (root / rel).write_bytes(data)
        for direction in (TO_OIDC, TO_TOKEN):
            result = migrate_file(root / WORKFLOW, Options(direction))
            if result.error:
                assert "internal error" not in result.error and "\n" not in result.error, (case.name, rel, result.error)
                seen["error"] += 1
                continue
            if not result.changed:
                seen["unchanged"] += 1
                continue
            seen["changed"] += 1
            _apply(result)
            for c in result.companions:
                assert _parses(c.target.path, c.new_text)
            again = migrate_file(root / WORKFLOW, Options(direction))
            assert not again.error and not again.changed, (case.name, rel, direction, "not idempotent",
                                                            again.error)
        shutil.rmtree(root)
    print(f"followed-file fuzz: {CASES} cases, {seen}")  # shown with -s: the campaign's figures
    assert seen["changed"] > 0 and seen["unchanged"] + seen["error"] > 0, seen
