"""Mutation fuzzing over the real workflows of ../shared/corpus/github.

Each case deletes, duplicates or re-indents lines, cuts the file, or inserts bytes, then runs both
migrations. Every result must be a clean InputError or a verified output that parses and that a
second run leaves alone; nothing else (no other exception) may escape. The suite runs a bounded
number of cases; `PUBMODE_FUZZ_CASES=20000 pytest tests/test_fuzz.py` runs a longer campaign.
"""
from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from codemods.engine.document import Document, load_data
from codemods.engine.source import Source
from codemods.errors import InputError
from codemods.migrate import TO_OIDC, TO_TOKEN, Options
from codemods.project import Repository
from codemods.runner import migrate_text

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "github"
CASES = int(os.environ.get("PUBMODE_FUZZ_CASES", "400"))
REPO = Repository(Path("."), "octo-org", "octo-repo", "octo-widget")


def mutate(data: bytes, rnd: random.Random) -> bytes:
    lines = data.split(b"\n")
    kind = rnd.choice(["delete", "duplicate", "indent", "dedent", "cut", "insert", "swap"])
    i = rnd.randrange(len(lines))
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "indent":
        lines[i] = b" " * rnd.choice([1, 2, 4]) + lines[i]
    elif kind == "dedent":
        lines[i] = lines[i][rnd.choice([1, 2]):]
    elif kind == "swap" and len(lines) > 1:
        j = rnd.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "cut":
        return data[: rnd.randrange(len(data) + 1)]
    elif kind == "insert":
        at = rnd.randrange(len(data) + 1)
        junk = bytes(rnd.choice(b"{}[]:-#&*!|>'\"\t\r\n x\x00\xff") for _ in range(rnd.randint(1, 4)))
        return data[:at] + junk + data[at:]
    return b"\n".join(lines)


def check(raw: bytes) -> str:
    try:
        text = Source.from_bytes(None, raw).text
    except InputError:
        return "input-error"
    outcome = "unchanged"
    for direction in (TO_OIDC, TO_TOKEN):
        try:
            _, new = migrate_text(text, Options(direction), "release.yml", REPO)
        except InputError:
            return "input-error"
        if new != text:
            outcome = "changed"
            load_data(new)
            assert migrate_text(new, Options(direction), "release.yml", REPO)[1] == new, "not idempotent"
    return outcome


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_mutated_corpus_files_give_clean_errors_or_verified_output() -> None:
    files = sorted(CORPUS.glob("*.y*ml"))
    rnd = random.Random(20261124)
    seen = {"input-error": 0, "unchanged": 0, "changed": 0}
    for n in range(CASES):
        path = rnd.choice(files)
        data = path.read_bytes()
        for _ in range(rnd.randint(1, 3)):
            data = mutate(data, rnd)
        seen[check(data)] += 1
    # the campaign must exercise both outcomes, or it proves nothing
    assert seen["input-error"] > 0 and seen["changed"] > 0, seen


def _outcome(text: str, pure: bool):
    try:
        return "data", load_data(text, pure=pure)
    except InputError:
        return "refused", None


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_the_c_parser_and_the_pure_one_read_the_same_data() -> None:
    """Plain data is read with libyaml's parser when it is installed (speed): on mutated real workflows
    that pubmode's own (pure) composer accepts, it must give the data the pure parser gives."""
    from codemods.engine.document import _fast_loader, fast_path_agrees
    from codemods.engine.verify import same

    if _fast_loader() is None:
        pytest.skip("ruamel.yaml.clib is not installed")
    files = sorted(CORPUS.glob("*.y*ml"))
    rnd = random.Random(20261130)
    for _ in range(CASES):
        data = rnd.choice(files).read_bytes()
        for _ in range(rnd.randint(1, 3)):
            data = mutate(data, rnd)
        text = data.decode("utf-8", errors="replace")
        if not fast_path_agrees(text):
            continue  # read by the pure parser only
        try:
            Document(text)
        except InputError:
            continue  # refused before its data is read
        fast, pure = _outcome(text, False), _outcome(text, True)
        assert fast[0] == pure[0] and same(fast[1], pure[1]), text[:300]
