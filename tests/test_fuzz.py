"""Mutation fuzzing over the real workflows of ../shared/corpus/github.

Each case of the first test deletes, duplicates or re-indents lines, cuts the file, or inserts bytes;
each case of the second writes the same workflow in other YAML styles (flow mappings with comments,
block strings of every chomping style, other quoting; see `style_mutate`). Both migrations then run,
with the engine's verification. Every result must be a clean InputError or a verified output that
parses and that a second run leaves alone; nothing else (no other exception, no failed verification)
may escape. The suite runs a bounded number of cases; `PUBMODE_FUZZ_CASES=20000 pytest
tests/test_fuzz.py` runs a longer campaign (`-s` prints the style test's figures).
"""
from __future__ import annotations

import json
import os
import random
import re
from collections import Counter
from pathlib import Path
from typing import Optional, Tuple

import pytest

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from codemods.engine.document import Document, load_data
from codemods.engine.source import Source
from codemods.engine.verify import same
from codemods.errors import InputError
from codemods.migrate import TO_OIDC, TO_TOKEN, Options
from codemods.project import Repository
from codemods.rendered import migrate_text

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "github"
CASES = int(os.environ.get("PUBMODE_FUZZ_CASES", "400"))
STYLE_CASES = int(os.environ.get("PUBMODE_FUZZ_CASES", "300"))
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


# Explicit tags before values: a constructor that cannot make the tagged value (`!!bool Build it`, `!!int x`)
# raised a bare KeyError or ValueError, an "internal error"; every outcome must be an input error naming a
# line, or verified output.
TAGS = ("!!int", "!!float", "!!timestamp", "!!binary", "!!bool", "!!null", "!!set", "!!omap", "!!pairs", "!!seq",
        "!!map", "!!str", "!!merge", "!!value", "!", "!local", "!!yaml")
_VALUE_START = re.compile(r"(?::|^\s*-)[ ]+(?=[^\s#|>&*!'\"])", re.M)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_explicit_tags_give_clean_errors_or_verified_output() -> None:
    files = sorted(CORPUS.glob("*.y*ml"))
    rnd = random.Random(20261201)
    seen = {"input-error": 0, "unchanged": 0, "changed": 0}
    for _ in range(CASES):
        text = rnd.choice(files).read_text(encoding="utf-8")
        for _ in range(rnd.randint(1, 3)):
            spots = [m.end() for m in _VALUE_START.finditer(text)]
            if spots:
                at = rnd.choice(spots)
                text = text[:at] + rnd.choice(TAGS) + " " + text[at:]
        seen[check(text.encode("utf-8"))] += 1
    assert seen["input-error"] > 0 and seen["changed"] > 0, seen


# ---- style mutations: the same workflow written in other YAML styles ----------------------------
# Each one parses the file, picks a node the tool reads or edits and rewrites its text: block mappings
# (`with:`, `env:`, `permissions:`, `secrets:`, whole steps) as flow mappings with comments after
# entries and on their own lines; block scalar headers in every chomping style, with and without an
# indentation indicator, with trailing blank lines, last in the file with and without a final
# newline; quoting of values and keys. The flow and quote rewrites keep the data (checked; else the
# mutation is not made); a new block header is meant to change it.
STYLE_KINDS = ("flow", "block-header", "quote")
FLOW_KEYS = {"with", "env", "permissions", "secrets"}
COMMENTS = ("# why", "# a, b }", "# {x: 1}, [y]", "# key: value", "#", "# ${{ secrets.PYPI_TOKEN }}")


class _Tree:
    """A workflow text and its node tree, composed once (no plain data unless asked for): the mutations
    parse every text they make, so this is the costly part of a case."""

    def __init__(self, text: str):
        self.text = text
        try:
            self.root = YAML(typ="rt").compose(text)
        except (YAMLError, RecursionError):
            raise InputError(None, None, "not YAML") from None
        if not isinstance(self.root, MappingNode):
            raise InputError(None, None, "not a mapping")
        self._data = None

    @property
    def data(self):
        if self._data is None:
            self._data = load_data(self.text)
        return self._data

    def node(self, path):
        node = self.root
        for key in path:
            if isinstance(node, MappingNode):
                node = next((v for k, v in node.value if isinstance(k, ScalarNode) and k.value == key), None)
            elif isinstance(node, SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
            else:
                node = None
            if node is None:
                raise KeyError(path)
        return node


def _ls(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def _le(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j + 1


def _walk(node, path=()):
    """(path, key node or None, node) for every node of a block or flow collection tree."""
    yield path, None, node
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode):
                for p, key, n in _walk(v, path + (k.value,)):
                    yield p, (k if p == path + (k.value,) else key), n
    elif isinstance(node, SequenceNode):
        for i, v in enumerate(node.value):
            yield from _walk(v, path + (i,))


def _content_end(text: str, node) -> int:
    """Offset just past the last character written for `node` (not the blank lines after it)."""
    if isinstance(node, ScalarNode) and node.style in ("|", ">"):
        end = node.end_mark.index
        while end > node.start_mark.index and text[end - 1] in " \t\r\n":
            end -= 1
        return end
    if isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        return _content_end(text, last[1] if isinstance(node, MappingNode) else last)
    return node.end_mark.index


def _flow_value(text: str, node, quote_all: bool):
    """`node` written for a flow context on one line, or None when that is not possible."""
    if isinstance(node, ScalarNode):
        if node.anchor or (node.tag or "").startswith("!"):
            return None
        src = text[node.start_mark.index : node.end_mark.index]
        str_tag = node.tag.endswith(":str")
        if node.style in ("|", ">") or "\n" in src:
            return json.dumps(node.value, ensure_ascii=False) if str_tag else None
        if node.style is None:
            if src == "":
                return "null"
            if quote_all or any(c in src for c in ",[]{}#"):
                return json.dumps(node.value, ensure_ascii=False) if str_tag else None
        return src
    if isinstance(node, (MappingNode, SequenceNode)) and node.flow_style:
        src = text[node.start_mark.index : node.end_mark.index]
        return None if "\n" in src or "#" in src or node.anchor else src
    if isinstance(node, MappingNode):
        parts = []
        for k, v in node.value:
            kk, vv = _flow_value(text, k, quote_all), _flow_value(text, v, quote_all)
            if kk is None or vv is None:
                return None
            parts.append(f"{kk}: {vv}")
        return "{" + ", ".join(parts) + "}" if not node.anchor else None
    if isinstance(node, SequenceNode):
        items = [_flow_value(text, v, quote_all) for v in node.value]
        return None if None in items or node.anchor else "[" + ", ".join(items) + "]"
    return None  # an alias


def _flow_entries(text: str, mapping, quote_all: bool, rnd: random.Random):
    """[(comment lines before, `k: v`, same-line comment)] of a block mapping, comments kept and added."""
    out, prev_end = [], None
    for k, v in mapping.value:
        kk, vv = _flow_value(text, k, quote_all), _flow_value(text, v, quote_all)
        if kk is None or vv is None:
            return None
        before = []
        if prev_end is not None:
            lines = text[_le(text, prev_end) : _ls(text, k.start_mark.index)].splitlines()
            before = [ln.strip() for ln in lines if ln.strip().startswith("#")]
        end = _content_end(text, v)
        rest = text[end : _le(text, end)].strip() if isinstance(v, ScalarNode) and v.style not in ("|", ">") else ""
        comment = rest if rest.startswith("#") else (rnd.choice(COMMENTS) if rnd.random() < 0.5 else "")
        if rnd.random() < 0.15:
            before.append(rnd.choice(COMMENTS))
        out.append((before, f"{kk}: {vv}", comment))
        prev_end = end
    return out


def _render_flow(entries, col: int, header_comment: str, eol: str, rnd: random.Random) -> str:
    """A flow mapping in one of four layouts; the text starts right after `key:` (or `- `)."""
    ind = " " * (col + rnd.choice([2, 4]))
    close = " " * (col + rnd.choice([1, 2]))
    hc = f"  {header_comment}" if header_comment else ""
    form = rnd.choice(["inline", "next-line", "hug", "open"])
    if form in ("inline", "next-line"):
        pad = rnd.choice(["", " "])
        body = "{" + pad + rnd.choice([", ", ",", " ,  "]).join(e for _, e, _ in entries) + pad + "}"
        return f" {body}{hc}" if form == "inline" else f"{hc}{eol}{ind}{body}"
    if form == "hug" and not hc and not entries[0][0]:  # `{ a: 1,  # c` / `  b: 2 }`
        out = " { "
        for n, (before, entry, comment) in enumerate(entries):
            last = n == len(entries) - 1
            if n:
                out += "".join(f"{ind}{c}{eol}" for c in before) + ind
            out += entry + ("" if last else ",")
            if last:
                out += f"  {comment}{eol}{close}}}" if comment else " }"
            else:
                out += (f"  {comment}" if comment else "") + eol
        return out
    trailing = rnd.random() < 0.4  # `{` and `}` on lines of their own, maybe a comma after the last entry
    out = " {" + hc + eol
    for n, (before, entry, comment) in enumerate(entries):
        comma = "," if n < len(entries) - 1 or trailing else ""
        out += "".join(f"{ind}{c}{eol}" for c in before)
        out += f"{ind}{entry}{comma}" + (f"  {comment}" if comment else "") + eol
    return out + close + "}"


def _to_flow(doc: _Tree, rnd: random.Random) -> Optional[str]:
    text = doc.text
    targets = []
    for path, key, node in _walk(doc.root):
        if not isinstance(node, MappingNode) or node.flow_style or not node.value:
            continue
        if key is not None and key.value in FLOW_KEYS:
            targets.append((key, node))
        elif len(path) == 4 and path[0] == "jobs" and path[2] == "steps":
            targets.append((None, node))  # a whole step
    if not targets:
        return None
    key, node = rnd.choice(targets)
    if key is not None:
        colon = text.find(":", key.end_mark.index)
        head, col = colon + 1, key.start_mark.column
        header_comment = text[head : _le(text, head)].strip()
        if header_comment and not header_comment.startswith("#"):
            return None
    else:
        dash = text.rfind("-", 0, node.start_mark.index)
        if text[dash + 1 : node.start_mark.index].strip():
            return None
        head, col, header_comment = node.start_mark.index, dash - _ls(text, dash), ""
    end = _le(text, _content_end(text, node))
    eol = "\r\n" if text[head : _le(text, head)].endswith("\r\n") else "\n"
    if key is not None and key.value == "permissions" and rnd.random() < 0.15:
        # no scopes at all (the data changes): `{}`, or empty braces around a comment
        hc = f"  {header_comment}" if header_comment else ""
        empty = rnd.choice([" {}" + hc, " { }" + hc, " {  # none" + eol + " " * (col + 2) + "}",
                            " {" + hc + eol + " " * (col + 4) + "# none yet" + eol + " " * (col + 2) + "}"])
        return text[:head] + empty + (eol if text[:end].endswith("\n") else "") + text[end:]
    for quote_all in (False, True):
        entries = _flow_entries(text, node, quote_all, rnd)
        if entries is None:
            return None
        flow = _render_flow(entries, col, header_comment, eol, rnd)
        if key is None:
            flow = flow.lstrip(" ")
        new = text[:head] + flow + (eol if text[:end].endswith("\n") else "") + text[end:]
        if _same_data(new, doc.data):
            return new
    return None


def _same_data(text: str, data) -> bool:
    try:
        return same(load_data(text), data)
    except InputError:
        return False


def _key_columns(doc: _Tree) -> dict:
    """id(value node) -> column of its key (or of the dash of its list item)."""
    cols = {}
    for _, _, node in _walk(doc.root):
        if isinstance(node, MappingNode):
            for k, v in node.value:
                cols[id(v)] = k.start_mark.column
    return cols


def _block_header(doc: _Tree, rnd: random.Random) -> Optional[str]:
    text = doc.text
    blocks = [(p, n) for p, _, n in _walk(doc.root) if isinstance(n, ScalarNode) and n.style in ("|", ">")]
    runs = [(p, n) for p, k, n in _walk(doc.root)
            if isinstance(n, ScalarNode) and n.style is None and k is not None and k.value == "run"
            and n.start_mark.line == n.end_mark.line and n.value]
    cols = _key_columns(doc)
    if runs and (not blocks or rnd.random() < 0.3):  # `run: cmd` -> `run: |` first
        path, node = rnd.choice(runs)
        if id(node) not in cols:
            return None
        eol = "\r\n" if text[: _le(text, node.end_mark.index)].endswith("\r\n") else "\n"
        content = " " * (cols[id(node)] + 2) + text[node.start_mark.index : node.end_mark.index]
        text = text[: node.start_mark.index] + "|" + eol + content + text[node.end_mark.index :]
        try:
            doc = _Tree(text)
            node = doc.node(path)
        except (InputError, KeyError):
            return None
        cols = _key_columns(doc)
    elif blocks:
        path, node = rnd.choice(blocks)
    else:
        return None
    if id(node) not in cols or not isinstance(node, ScalarNode) or node.style not in ("|", ">"):
        return None
    i = node.start_mark.index + 1
    j = i
    while j < len(text) and text[j] in "+-0123456789":
        j += 1
    first = next((ln for ln in text[_le(text, i) : node.end_mark.index].splitlines() if ln.strip()), None)
    indicator = ""
    if first is not None and rnd.random() < 0.5:
        m = len(first) - len(first.lstrip(" ")) - cols[id(node)]
        m += rnd.choice([0, 0, 0, 0, -1, 1])
        indicator = str(m) if 1 <= m <= 9 else ""
    chomp = rnd.choice(["", "-", "+"])
    flags = indicator + chomp if rnd.random() < 0.5 else chomp + indicator
    end = _content_end(text, node) + len(flags) - (j - i)  # the header changes length
    text = text[: i - 1] + rnd.choice("|>") + flags + text[j:]
    end = _le(text, end)
    blank = "".join(" " * rnd.choice([0, 0, 1, cols[id(node)] + 4]) + "\n" for _ in range(rnd.choice([0, 0, 1, 2, 3])))
    text = text[:end] + (blank if text[:end].endswith("\n") else "") + text[end:]
    if rnd.random() < 0.4:
        text = _move_last(text, path)
        if text is not None and rnd.random() < 0.5:
            text = text.rstrip("\n") if rnd.random() < 0.5 else text[:-1]
    return text


def _move_last(text: str, path) -> Optional[str]:
    """The entries on the way to `path` moved, each to the end of its mapping or list, so that the node
    at `path` ends the file."""
    if not text.endswith("\n"):
        text += "\n"
    path = list(path)
    for d in range(len(path)):
        try:
            parent = _Tree(text).node(tuple(path[:d]))
        except (InputError, KeyError):
            return None
        if not isinstance(parent, (MappingNode, SequenceNode)) or parent.flow_style:
            return text
        if isinstance(parent, MappingNode):
            keys = [k.value for k, _ in parent.value]
            idx = keys.index(path[d])
            starts = [k.start_mark.index for k, _ in parent.value]
        else:
            idx = path[d]
            starts = [text.rfind("-", 0, v.start_mark.index) for v in parent.value]
        if idx == len(starts) - 1:
            continue
        s, e = starts[idx], starts[idx + 1]
        if text[_ls(text, s) : s].strip() or text[_ls(text, e) : e].strip():
            return text  # shares its line with a dash: leave it there
        s, e = _ls(text, s), _ls(text, e)
        text = text[:s] + text[e:] + text[s:e]
        if isinstance(parent, SequenceNode):
            path[d] = len(starts) - 1
    return text


def _requote(doc: _Tree, rnd: random.Random) -> Optional[str]:
    text = doc.text
    scalars = []
    for _, key, node in _walk(doc.root):
        for n in ([key] if key is not None and rnd.random() < 0.1 else []) + [node]:
            if (isinstance(n, ScalarNode) and n.style in (None, "'", '"') and n.value and not n.anchor
                    and n.start_mark.line == n.end_mark.line and n.tag.endswith(":str")):
                scalars.append(n)
    if not scalars:
        return None
    chosen = {id(n): n for n in rnd.sample(scalars, min(len(scalars), rnd.randint(1, 4)))}
    for n in sorted(chosen.values(), key=lambda n: -n.start_mark.index):
        styles = [s for s in (None, "'", '"') if s != n.style]
        style = rnd.choice(styles)
        if style is None:
            new = n.value
        elif style == "'":
            new = "'" + n.value.replace("'", "''") + "'"
        else:
            new = json.dumps(n.value, ensure_ascii=False)
            if rnd.random() < 0.2:  # an escape where none is needed
                k = rnd.randrange(len(n.value))
                new = json.dumps(n.value[:k], ensure_ascii=False)[:-1] + "\\x%02x" % ord(n.value[k]) \
                    + json.dumps(n.value[k + 1 :], ensure_ascii=False)[1:] if ord(n.value[k]) < 256 else new
        text = text[: n.start_mark.index] + new + text[n.end_mark.index :]
    return text if _same_data(text, doc.data) else None


def style_mutate(data: bytes, rnd: random.Random) -> Tuple[bytes, Optional[str]]:
    """`data` rewritten by one style mutation, and its kind (None when none applied)."""
    try:
        doc = _Tree(data.decode("utf-8"))
    except (UnicodeDecodeError, InputError):
        return data, None
    kind = rnd.choice(STYLE_KINDS)
    new = {"flow": _to_flow, "block-header": _block_header, "quote": _requote}[kind](doc, rnd)
    return (data, None) if new is None else (new.encode("utf-8"), kind)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_corpus_files_in_other_yaml_styles_give_clean_errors_or_verified_output() -> None:
    files = sorted(CORPUS.glob("*.y*ml"))
    rnd = random.Random(20261201)
    seen: Counter = Counter()
    for n in range(STYLE_CASES):
        data = rnd.choice(files).read_bytes()
        kinds = []
        for _ in range(rnd.randint(1, 3)):
            data, kind = style_mutate(data, rnd)
            kinds.append(kind or "none")
        if rnd.random() < 0.15:  # and a line-wise mutation on top
            data = mutate(data, rnd)
            kinds.append("lines")
        outcome = check(data)
        for kind in set(kinds):
            seen[kind, outcome] += 1
    print(f"style fuzz: {STYLE_CASES} cases, {dict(sorted(seen.items()))}")  # figures, with -s
    for kind in STYLE_KINDS:
        assert seen[kind, "changed"] > 0, (kind, seen)


def _outcome(text: str, pure: bool):
    try:
        return "data", load_data(text, pure=pure)
    except InputError:
        return "refused", None


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_the_c_parser_and_the_pure_one_read_the_same_data() -> None:
    """Plain data is read with libyaml's parser when it is installed (speed): on mutated real workflows
    that pubmode's own (pure) composer accepts, it must give the data the pure parser gives."""
    from codemods.engine.document import c_parser_installed, fast_path_agrees
    from codemods.engine.verify import same

    if not c_parser_installed():
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


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_a_file_the_prefilter_skips_is_one_the_full_reading_leaves_unchanged(tmp_path: Path) -> None:
    """The pre-filter (codemods/prefilter.py) may skip a file only when the full reading says "no step
    publishes to PyPI" and nothing else: on mutated corpus workflows and mutated CI workflows (which
    publish nothing), in a repository whose tox.ini, Makefile, noxfile and scripts upload, so that a
    step running one of them must be read in full."""
    import sys

    from codemods.migrate import NOTHING_TO_DO
    from codemods.prefilter import cannot_publish

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from ci_workflows import ci_workflow

    for name, text in {"tox.ini": "[testenv:py]\ncommands = twine upload dist/*\n",
                       "Makefile": "test:\n\ttwine upload dist/*\n",
                       "noxfile.py": "import nox\n@nox.session\ndef tests(session):\n    session.run('twine', 'upload')\n",
                       "scripts/run-tests.sh": "#!/bin/sh\ntwine upload dist/*\n"}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    repo = Repository(tmp_path, "octo-org", "octo-repo", "octo-widget")
    files = sorted(CORPUS.glob("*.y*ml"))
    rnd = random.Random(20261201)
    skipped = 0
    for n in range(CASES):
        data = rnd.choice(files).read_bytes() if n % 2 else ci_workflow(n).encode()
        for _ in range(rnd.randint(0, 3)):
            data = mutate(data, rnd)
        try:
            text = Source.from_bytes(None, data).text
        except InputError:
            continue
        if not cannot_publish(text, tmp_path):
            continue
        skipped += 1
        for direction in (TO_OIDC, TO_TOKEN):
            migration, new = migrate_text(text, Options(direction), "ci.yml", repo)  # an InputError fails the test
            assert new == text and migration.skipped == [NOTHING_TO_DO] and not migration.warnings, text[:300]
    assert skipped >= CASES // 20, skipped  # the campaign must skip files, or it proves nothing


# ---- what campaigns found, kept as cases -------------------------------------------------------
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_a_script_that_uploads_twice_is_left_alone_not_converted_in_two_runs() -> None:
    # 0193 (Agenta-AI/agenta) with its `poetry publish` line duplicated: the first run converted the
    # last upload, the second run the one before it
    text = (CORPUS / "0193.yml").read_text()
    line = "        poetry publish --username __token__ --password ${{ secrets.PYPI_API_TOKEN }}\n"
    assert line in text
    assert check(text.replace(line, line + line).encode()) == "unchanged"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_an_upload_on_the_last_line_of_a_file_without_a_final_line_break() -> None:
    # 0143 (Azure/azure-kusto-python) cut before its final line break: the last `run: |` lost its last
    # line and kept the line break before it, which the engine then wrote as `|-` (verification refused it)
    text = (CORPUS / "0143.yml").read_text()
    assert check(text.rstrip("\n").encode()) == "changed"


# ---- GitLab: the same mutations over the real pipelines of ../shared/corpus/gitlab -----------------
GITLAB_CORPUS = CORPUS.parent / "gitlab"
GITLAB_CASES = int(os.environ.get("PUBMODE_FUZZ_CASES", "300"))


def check_gitlab(raw: bytes, root: Path) -> str:
    from codemods.gitlab import migrate_gitlab_text
    from codemods.gitlab.document import load_pipeline

    try:
        text = Source.from_bytes(None, raw).text
    except InputError:
        return "input-error"
    path = root / ".gitlab-ci.yml"
    outcome = "unchanged"
    for direction in (TO_OIDC, TO_TOKEN):
        try:
            _, new = migrate_gitlab_text(text, Options(direction), root, path)
        except InputError as e:
            assert "\n" not in e.message, e.message  # one line, naming the file and line
            return "input-error"
        if new != text:
            outcome = "changed"
            load_pipeline(new)
            assert migrate_gitlab_text(new, Options(direction), root, path)[1] == new, "not idempotent"
    return outcome


@pytest.mark.skipif(not GITLAB_CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_mutated_gitlab_pipelines_give_clean_errors_or_verified_output(tmp_path: Path) -> None:
    files = sorted(GITLAB_CORPUS.glob("*.y*ml"))
    rnd = random.Random(20261125)
    seen = {"input-error": 0, "unchanged": 0, "changed": 0}
    for n in range(GITLAB_CASES):
        data = rnd.choice(files).read_bytes()
        for _ in range(rnd.randint(1, 3)):
            data = mutate(data, rnd)
        seen[check_gitlab(data, tmp_path)] += 1
    assert seen["input-error"] > 0 and seen["changed"] > 0, seen


ROOT_WITH_INCLUDE = """include: ci/inc.yml
variables:
  TWINE_USERNAME: __token__
  TWINE_PASSWORD: $PYPI_API_TOKEN
release:
  extends: .publish
  stage: deploy
.publish:
  image: python:3.12
  script:
    - twine upload dist/*
"""


@pytest.mark.skipif(not GITLAB_CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_mutated_included_files_give_clean_errors_or_verified_output(tmp_path: Path) -> None:
    """A mutated real pipeline as the file `.gitlab-ci.yml` includes (its jobs join the root's templates
    and top-level variables): one-line errors, each file's output a pipeline, a second run changes nothing."""
    from codemods.gitlab import migrate_gitlab_text
    from codemods.gitlab.document import load_pipeline

    files = sorted(GITLAB_CORPUS.glob("*.y*ml"))
    rnd = random.Random(20261130)
    path = tmp_path / ".gitlab-ci.yml"
    (tmp_path / "ci").mkdir()
    seen = {"input-error": 0, "unchanged": 0, "changed": 0}
    for n in range(max(GITLAB_CASES // 3, 20)):
        data = rnd.choice(files).read_bytes()
        for _ in range(rnd.randint(0, 2)):
            data = mutate(data, rnd)
        try:
            text = Source.from_bytes(None, data).text
        except InputError:
            continue
        outcome = "unchanged"
        for direction in (TO_OIDC, TO_TOKEN):
            (tmp_path / "ci" / "inc.yml").write_text(text, encoding="utf-8")
            try:
                plan, new = migrate_gitlab_text(ROOT_WITH_INCLUDE, Options(direction), tmp_path, path)
            except InputError as e:
                assert "\n" not in e.message, e.message
                outcome = "input-error"
                break
            included = [c for c in plan.companions if c.target.kind == "include"]
            if new == ROOT_WITH_INCLUDE and not included:
                continue
            outcome = "changed"
            load_pipeline(new)
            for c in included:
                load_pipeline(c.new_text)
                c.target.path.write_text(c.new_text, encoding="utf-8")
            again, newer = migrate_gitlab_text(new, Options(direction), tmp_path, path)
            assert newer == new and not [c for c in again.companions if c.target.kind == "include"], "not idempotent"
        seen[outcome] += 1
    assert seen["changed"] > 0, seen


# ---- credentials handed on through $GITHUB_ENV ----------------------------------------------------------------------
ENV_SPELLINGS = (
    lambda n, v: [f'echo "{n}={v}" >> $GITHUB_ENV'],
    lambda n, v: [f'echo "{n}={v}" >> "$GITHUB_ENV"'],
    lambda n, v: [f"echo {n}={v} >>$GITHUB_ENV"],
    lambda n, v: [f"printf '{n}=%s\\n' \"{v}\" >> \"${{GITHUB_ENV}}\""],
    lambda n, v: [f'echo "{n}={v}" | tee -a $GITHUB_ENV >/dev/null'],
    lambda n, v: ["cat >> $GITHUB_ENV <<EOF", f"{n}={v}", "EOF"],
)


def _through_github_env(raw: bytes, rnd: random.Random) -> Optional[Tuple[str, set]]:
    """The workflow with each `run:` step's credential variables (`TWINE_PASSWORD: ${{ secrets.X }}` in its `env:`)
    written to $GITHUB_ENV by a step inserted before it instead, in a random spelling (an `::add-mask::` first, at
    times); with the secrets moved. None: no such step."""
    import io

    from codemods.uploaders import registry
    from codemods.workflow import secrets_in

    yaml = YAML()
    yaml.width = 4096
    try:
        data = yaml.load(raw.decode("utf-8-sig"))
    except Exception:  # noqa: BLE001 - a file ruamel cannot round-trip is not this test's
        return None
    creds, moved = registry.credential_variables(), set()
    for job in (data.get("jobs") or {}).values() if isinstance(data, dict) else ():
        all_steps = job.get("steps") if isinstance(job, dict) else None
        for i in reversed(range(len(all_steps or []))):
            step = all_steps[i]
            env = step.get("env") if isinstance(step, dict) and isinstance(step.get("run"), str) else None
            names = [k for k, v in (env or {}).items() if k in creds and secrets_in(str(v))] if isinstance(env, dict) \
                else []
            if not names:
                continue
            lines = [f'echo "::add-mask::{env[names[-1]]}"'] if rnd.random() < 0.3 else []
            for name in names:
                moved |= secrets_in(str(env[name]))
                lines += rnd.choice(ENV_SPELLINGS)(name, env.pop(name))
            if not env:
                del step["env"]
            all_steps.insert(i, {"name": "Hand on the credentials", "run": "\n".join(lines) + "\n"})
    if not moved:
        return None
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue(), moved


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_credentials_through_github_env_are_read_like_those_in_env() -> None:
    """A token handed to the upload through $GITHUB_ENV is the same token upload as one in the step's `env:`: where
    to-oidc of the original takes the secret away, to-oidc of the rewritten workflow does too, and to-token brings a
    token back; mutated, every result is a clean error or verified output."""
    rnd = random.Random(20261201)
    tried = converted = 0
    for path in sorted(CORPUS.glob("*.y*ml")):
        made = _through_github_env(path.read_bytes(), rnd)
        if made is None:
            continue
        text, moved = made
        tried += 1
        original = Source.from_bytes(None, path.read_bytes()).text
        _, before = migrate_text(original, Options(TO_OIDC), "release.yml", REPO)
        plan, after = migrate_text(text, Options(TO_OIDC), "release.yml", REPO)
        for secret in moved:
            if secret not in before:  # or a job left as it was, saying why (a new step where a removed one was)
                assert secret not in after or plan.skipped, f"{path.name}: `{secret}` is still handed on silently"
        if after != text:
            converted += 1
            assert migrate_text(after, Options(TO_OIDC), "release.yml", REPO)[1] == after, "not idempotent"
            back_plan, back = migrate_text(after, Options(TO_TOKEN), "release.yml", REPO)
            # or refused with the reason: one step's variables cannot hold both PyPI's and TestPyPI's token (0148)
            assert "secrets." in back.replace(after, "") or back != after or \
                any("with one set of token variables" in str(s) for s in back_plan.skipped), \
                f"{path.name}: to-token gave no token back"
        assert migrate_text(text, Options(TO_TOKEN), "release.yml", REPO)[1] == text or \
            any(s in before for s in moved), f"{path.name}: to-token changed a job that already uploads with a token"
        for _ in range(3):
            data = text.encode()
            for _ in range(rnd.randint(1, 2)):
                data = mutate(data, rnd)
            check(data)
    assert tried >= 10 and converted >= 5, (tried, converted)
