"""The engine composes most workflows with libyaml (codemods/engine/document.py `_compose`): every node
must come out as ruamel.yaml's pure composer gives it (type, tag, style, value, start and end marks),
since every splice is placed by those marks. Compared on every real workflow and golden file, and on
mutated ones (the fuzzer's line and style mutations)."""
from __future__ import annotations

import os
import re
import random
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import pytest
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from codemods.engine.document import AliasRef, _compose, c_parser_installed
from test_fuzz import CASES, CORPUS, mutate, style_mutate

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.skipif(not c_parser_installed(), reason="ruamel.yaml.clib is not installed")


def _mark(m: Any) -> tuple:
    return m.index, m.line, m.column


def _tree(node: Any) -> Any:
    if isinstance(node, AliasRef):
        return ("alias", _mark(node.start_mark), _mark(node.end_mark), _mark(node.target.start_mark))
    head = (type(node).__name__, node.tag, _mark(node.start_mark), _mark(node.end_mark))
    if isinstance(node, ScalarNode):
        return head + (node.style, node.value)
    if isinstance(node, MappingNode):
        return head + (node.flow_style, tuple((_tree(k), _tree(v)) for k, v in node.value))
    if isinstance(node, SequenceNode):
        return head + (node.flow_style, tuple(_tree(v) for v in node.value))
    return head


@contextmanager
def _composer(pure: bool) -> Iterator[None]:
    """The pure composer only (PUBMODE_PURE_COMPOSE=1), or libyaml where it may compose; as it was after."""
    old = os.environ.pop("PUBMODE_PURE_COMPOSE", None)
    if pure:
        os.environ["PUBMODE_PURE_COMPOSE"] = "1"
    try:
        yield
    finally:
        os.environ.pop("PUBMODE_PURE_COMPOSE", None)
        if old is not None:
            os.environ["PUBMODE_PURE_COMPOSE"] = old


def _read(text: str, pure: bool) -> Any:
    """A Document's node tree and plain data (from libyaml's nodes, or from the text), or its refusal."""
    from codemods.engine.document import Document, load_data
    from codemods.errors import InputError

    with _composer(pure):
        try:
            doc = Document(text)
        except InputError as e:
            return ("refused", e.message)
        assert doc.data == load_data(text)  # the data made from the nodes is the text's data
        return _tree(doc.root), repr(doc.data)


def _composed(text: str, pure: bool) -> Any:
    with _composer(pure):
        try:
            return tuple(_tree(d) if d is not None else None for d in _compose(text))
        except (YAMLError, RecursionError) as e:
            return ("refused", type(e).__name__)


def _real_texts() -> Iterator[tuple]:
    roots = [CORPUS, CORPUS.parent / "gitlab", HERE / "golden", HERE / "golden-gitlab"]
    for root in roots:
        for path in sorted(root.rglob("*.y*ml")) if root.is_dir() else ():
            yield path, path.read_text(encoding="utf-8", errors="replace")


def test_every_real_and_golden_workflow_composes_the_same_in_c() -> None:
    from codemods.engine.document import _C_MARKS_DIFFER, fast_path_agrees

    taken = total = 0
    for path, text in _real_texts():
        total += 1
        taken += fast_path_agrees(text) and not _C_MARKS_DIFFER.search(text)
        assert _composed(text, pure=False) == _composed(text, pure=True), path
        assert _read(text, pure=False) == _read(text, pure=True), path
    assert total > 300 and taken > total * 0.9, (taken, total)  # libyaml read nearly all of them


def test_mutated_workflows_compose_the_same_in_c() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the repository")
    files = sorted(CORPUS.glob("*.y*ml")) + sorted((CORPUS.parent / "gitlab").glob("*.y*ml")) + \
        sorted((HERE / "golden").glob("*/input.yml"))
    rnd = random.Random(20261130)
    composed = 0
    for _ in range(CASES):
        data = rnd.choice(files).read_bytes()
        styles = rnd.randint(0, 2)
        for _ in range(styles):  # the same workflow in other YAML styles (flow mappings, block headers, quotes)
            data = style_mutate(data, rnd)[0]
        for _ in range(rnd.randint(0 if styles else 1, 2)):  # lines broken, moved, cut
            data = mutate(data, rnd)
        text = data.decode("utf-8", errors="replace")
        fast = _composed(text, pure=False)
        assert fast == _composed(text, pure=True), text[:400]
        assert _read(text, pure=False) == _read(text, pure=True), text[:400]
        composed += fast[:1] != ("refused",)
    assert composed > CASES // 4, composed


@pytest.mark.parametrize("text", [
    "on:\n  workflow_dispatch:\n\npermissions:\n  contents: read\n",  # an empty value: at the next token
    "a:   # why\n\n  # more\nb: 1\n",
    "a: {b: , c: }\nd:\n- \n- x\n",
    "on: push\njobs:\n  a:\n    steps:\n    - run: x",  # no final line break
    "on:\n  push:",  # an empty value at the very end
    "a: 1\r\nb:\r\n  - x\r\n",
    "a: é😀x\nb: \"ü\"\n",
    "? a\n: b\n? c\n",
    "a: !\nb: 1\n",  # a non-specific tag on an empty value: a string to libyaml, null to the pure parser
    "a: ! # why\nb: [x, !, y]\n",
    "%YAML 1.1\n---\non: yes\nx: 010\n",  # a directive: ruamel reads libyaml's scalars as YAML 1.2 whatever it says
    "%YAML 1.2\n%TAG !e! tag:example.com,2000:\n---\non: push\n",
])
def test_the_cases_where_libyaml_places_marks_otherwise(text: str) -> None:
    assert _composed(text, pure=False) == _composed(text, pure=True)
    assert _read(text, pure=False) == _read(text, pure=True)


@pytest.mark.parametrize("text", [
    "on: push\njobs:\n  a: &a {runs-on: x}\n  b:\n    <<: *a\n",  # a merge key (aliases: the pure composer)
    "on: push\njobs:\n  b:\n    <<: {runs-on: x}\n    steps: []\n",  # a merge key without an alias
    "on: push\non: pull_request\njobs: {}\n",  # a key twice: refused, with the text's own message
    "on: push\njobs: {a: 1, a: 2}\n",
    # scalars `_plain` makes and those it leaves to ruamel's constructor, side by side
    "a: 010\nb: 0x1F\nc: 1_000\nd: .inf\ne: 1e3\nf: -0.0\ng: +5\nh: !!bool yes\ni: !!str 12\nj: !!int '7'\n"
    "k: ~\nl: TRUE\nm: [1, 2.50, null, -3]\nn: !!seq []\no: 3.10\np: 0\nq: -0\nr: 2001-12-14\ns: !!float '1'\n",
    "a: {1: x, true: y}\n", "a: {null: 1, ~: 2}\n", "? [a, b]\n: c\n", "? {a: b}\n: c\n",
    "a: !!map x\n", "a: !!seq x\n", "a: !!str {b: c}\n", "a: !!null x\n", "a: !custom x\n",
    "a: " + "9" * 5000 + "\n",
])
def test_data_from_the_nodes_is_the_texts_data(text: str) -> None:
    assert _read(text, pure=False) == _read(text, pure=True)


# The constructs `_divergent` looks for, as one regular expression: the readable statement of what it
# finds (it was the implementation until it was split by first character for speed).
_DIVERGENT_SPEC = re.compile(r"\t|(?:^|[ \[{,])&[^\s&]|\r(?!\n)|[|>][-+0-9]*#|[|>][-+0-9]*[ ]*(?:#[^\n]*)?\n[ ]+\r?\n|"
                             r"(?:^|[ :\[{,-])![ ]*(?:#[^\n]*)?$|^%", re.M)


def test_the_divergent_constructs_are_found_as_the_regular_expression_says() -> None:
    from codemods.engine.document import _divergent

    rnd = random.Random(20261201)
    for alphabet in (" \t\r\n&!%#|>-+0[{,:a\x0b\x0c\x85\u2028", " \n&!#|>-:[{,a"):
        for _ in range(20_000):
            text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
            assert _divergent(text) == bool(_DIVERGENT_SPEC.search(text)), repr(text)
    for _, text in _real_texts():
        assert _divergent(text) == bool(_DIVERGENT_SPEC.search(text))
