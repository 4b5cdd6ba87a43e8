"""Where things are: the parsed workflow as plain data plus the node tree that locates each key.

ruamel.yaml's composer gives every node its start and end as character offsets into the text;
that is all the engine needs to splice edits in. The reference is the pure safe parser (its marks are
the round-trip parser's, without the cost of scanning comments, which the engine never reads); most
texts are composed by libyaml with the same marks (`_compose`). The plain data (a separate safe load,
on libyaml's parser when installed) is what publisher modules reason about and what verification
compares.
"""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any, Iterator, Optional, Tuple, Union

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.error import FileMark, MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from codemods.errors import InputError, Unsupported

PathKey = Union[str, int]
YamlPath = Tuple[PathKey, ...]

MAX_NODES = 200_000
MAX_DEPTH = 200


class AliasRef:
    """An alias (`*name`) where it is written, pointing at the anchored node it repeats."""

    def __init__(self, target: Node, start_mark, end_mark):
        self.target, self.start_mark, self.end_mark = target, start_mark, end_mark


class _AliasRecordingComposer(Composer):
    """Keeps the position of each alias; the stock composer returns the anchored node instead."""

    def compose_node(self, parent, index):  # noqa: D401 - ruamel hook
        if self.parser.check_event(AliasEvent):
            event = self.parser.peek_event()
            if event.anchor in self.anchors:
                self.parser.get_event()
                return AliasRef(self.anchors[event.anchor], event.start_mark, event.end_mark)
        return super().compose_node(parent, index)


def _problem_line(e: Exception) -> Optional[int]:
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    return mark.line + 1 if mark is not None else None


def _problem_text(e: Exception) -> str:
    if isinstance(e, MarkedYAMLError):
        parts = [p for p in (e.context, e.problem) if p]
        return "invalid YAML: " + (", ".join(parts) if parts else "parse error")
    return "invalid YAML: " + str(e).splitlines()[0]


_TAB_PROBLEM = "found character '\\t' that cannot start any token"
MAX_TAB_RETRIES = 200


def pure_read(read: Any, text: str) -> Any:
    """`read(text)` by ruamel's pure parser, which refuses a tab that separates in a line (`a:<TAB>b`,
    `run: make<TAB># c`, a value's trailing tab, `${{ a<TAB>== b }}`): YAML allows it there, and libyaml,
    GitHub and GitLab read such files. Each tab it refuses that is not in a line's indentation (a tab
    there is refused by every parser) is read as a space, one at a time, where the parser stops: the
    marks stay where they are (one character for one), inside a plain scalar the tab reads as a space
    (as a word separator, the same to a shell and to an expression), anywhere else it separated tokens.
    The text itself is not changed: edits are spliced into it."""
    current = text
    for _ in range(MAX_TAB_RETRIES):
        try:
            return read(current)
        except MarkedYAMLError as e:
            mark = e.problem_mark
            index = getattr(mark, "index", None)
            if e.problem != _TAB_PROBLEM or index is None or not 0 <= index < len(current) \
                    or current[index] != "\t" or not current[current.rfind("\n", 0, index) + 1:index].strip(" \t"):
                raise
            end = index
            while end < len(current) and current[end] == "\t":
                end += 1
            current = current[:index] + " " * (end - index) + current[end:]
    return read(current)


@functools.lru_cache(maxsize=1)
def _c_loader_class() -> Optional[type]:
    """The loader `YAML(typ="safe", pure=False)` builds for every text it reads (libyaml's parser,
    ruamel's own safe constructor and resolver), as one class made once: ruamel makes a new class per
    text. Its resolver looks its table up once per text: on libyaml's parser ruamel always resolves
    with YAML 1.2 rules (it does not see a `%YAML` directive; `fast_path_agrees` sends those texts to
    the pure parser), where the stock resolver finds the version again for every scalar. None when the
    C extension (ruamel.yaml.clib) is not installed."""
    try:
        from _ruamel_yaml import CParser
    except ImportError:
        return None
    from ruamel.yaml.constructor import SafeConstructor
    from ruamel.yaml.resolver import VersionedResolver

    class CLoader(CParser, SafeConstructor, VersionedResolver):  # type: ignore[misc, valid-type]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            self._parser = self._composer = self
            SafeConstructor.__init__(self, loader=self)
            self.allow_duplicate_keys = False
            VersionedResolver.__init__(self, version=None, loadumper=self)
            self._table = VersionedResolver.versioned_resolver.fget(self)  # type: ignore[attr-defined]

        @property
        def versioned_resolver(self) -> Any:
            return self._table

    return CLoader


def c_load(text: str) -> Any:
    """The plain data of a text's one document, read by libyaml (what `YAML(typ="safe", pure=False).load`
    gives); raises the parser's YAMLError."""
    loader = _c_loader_class()(text)
    try:
        node = loader.get_single_node()
        if node is not None and "<<" not in text:  # a merge key: the constructor rewrites the node
            try:
                return _plain(node)
            except Exception:  # _NotPlain, or a value the constructor too may refuse: it decides
                pass
        return None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


def _c_compose_all(text: str) -> list:
    loader = _c_loader_class()(text)
    try:
        docs = []
        while loader.check_node():
            docs.append(loader.get_node())
        return docs
    finally:
        loader.dispose()


def c_parser_installed() -> bool:
    return _c_loader_class() is not None


# Where libyaml and ruamel's pure parser were seen to read the same text differently (mutation fuzzing
# over real workflows): tabs (libyaml takes them inside plain scalars), anchors (on an empty key), and
# texts libyaml accepts but the pure parser refuses (what codemods/prefilter.py relies on: it skips a
# file libyaml reads without asking the pure parser): a lone carriage return (a line break to libyaml),
# a comment stuck to a block scalar's header (`run: |#`), a block scalar whose first lines are blank
# but hold spaces; a non-specific tag on an empty value (`key: !` ending its line: a string to libyaml,
# null to the pure parser); and a directive (`%YAML 1.1`: ruamel resolves libyaml's scalars with YAML 1.2
# rules whatever the directive says, the pure parser with the directive's, so `on: yes` is two strings to
# one and two booleans to the other).
def _divergent(text: str) -> bool:
    """Whether the text holds one of the constructs above. Each is looked for from a character it must
    start with (the character search is fast), and the character before it is checked here: one
    alternation with look-behinds scanned every position, eight times slower."""
    if "\t" in text or _LONE_CR.search(text) or _BLOCK_HEADER_BAR.search(text) or \
            _BLOCK_HEADER_GT.search(text) or text.startswith("%") or "\n%" in text:
        return True
    return any(m.start() == 0 or text[m.start() - 1] in before for pattern, before in _AFTER
               for m in pattern.finditer(text))


_LONE_CR = re.compile(r"\r(?!\n)")
_BLOCK_HEADER_BAR, _BLOCK_HEADER_GT = (re.compile(re.escape(c) + r"[-+0-9]*(?:#|[ ]*(?:#[^\n]*)?\n[ ]+\r?\n)") for c in "|>")
_AFTER = ((re.compile(r"&(?=[^\s&])"), " [{,\n"),  # an anchor, at a line's start or after a blank or an
          (re.compile(r"!(?=[ ]*(?:#[^\n]*)?$)", re.M), " :[{,-\n"))  # indicator; a non-specific tag ending its
# line (matched by their first character only, so that every occurrence is tried)


# libyaml's composers (ruamel.yaml.clib's and PyYAML's) recurse in C, one frame per level of nesting, with
# no limit: 50,000 nested `[` crash the process (SIGSEGV) where the pure parser raises RecursionError.
# Nesting needs an indicator per level: a flow level a `[` or `{`, a block level a greater column (or a
# compact `- `), so a text with at most 2,000 brackets and no line of 1,000 characters nests less than
# 4,000 levels deep, far from the crash; a deeper text goes to the pure parser, which refuses it.
MAX_C_BRACKETS = 2_000
_LONG_LINE = re.compile(r"[^\n]{1000}")


def fast_path_agrees(text: str) -> bool:
    """The text has none of the constructs on which the two parsers disagree, and cannot nest deep
    enough to overflow libyaml's stack."""
    return not _divergent(text) and text.count("[") + text.count("{") <= MAX_C_BRACKETS \
        and _LONG_LINE.search(text) is None


def load_data(text: str, path: Optional[Path] = None, pure: bool = False) -> Any:
    """The plain data of a YAML text (YAML 1.2 rules, so `on` stays a string). A text the C parser
    refuses is read again by the pure one, for its error message (or its data, should they differ)."""
    if not pure and c_parser_installed() and fast_path_agrees(text):
        try:
            return c_load(text)
        except Exception:  # YAMLError, or a value the constructor cannot make: the pure parser's own error (or data)
            pass
    yaml = YAML(typ="safe", pure=True)
    try:
        return pure_read(yaml.load, text)
    except YAMLError as e:
        raise InputError(path, _problem_line(e), _problem_text(e)) from None
    except RecursionError:
        raise InputError(path, None, "nesting too deep") from None
    except Exception as e:  # noqa: BLE001 - a value the constructor cannot make (ValueError, KeyError…)
        raise unreadable_value(text, e, path) from None


_TYPE_NAMES = {"timestamp": "a date", "int": "an integer", "float": "a number", "binary": "base64 data",
               "bool": "a boolean"}


def unreadable_value(text: str, error: Exception, path: Optional[Path]) -> InputError:
    """The input error for a scalar whose implicit or explicit type cannot hold it (`2001-13-45` reads
    as a date, a 5,000-digit integer, `!!bool yes please`): the YAML constructor raises a bare
    ValueError (or KeyError), without a place; each scalar is constructed alone to find the line.
    (GitHub reads every value as a string; pubmode reads YAML's types, so it refuses the text and says
    how to keep the value a string.)"""
    constructor = YAML(typ="safe", pure=True).constructor
    too_long = "digits" in str(error)  # Python's limit on reading integers (its message is advice to developers)
    try:
        nodes = [n for d in pure_read(lambda t: list(YAML(typ="safe", pure=True).compose_all(t)), text)
                 if d is not None for n in walk_nodes(d)]
    except Exception:
        nodes = []
    for n in nodes:
        if isinstance(n, ScalarNode):
            try:
                constructor.construct_object(n)
            except YAMLError:
                continue
            except Exception:
                kind = _TYPE_NAMES.get((n.tag or "").rsplit(":", 1)[-1], "its type")
                shown = n.value if len(n.value) <= 40 else n.value[:37] + "..."
                why = f" ({error})" if isinstance(error, ValueError) else ""  # a KeyError's text is the value again
                what = "is an integer of more than 4,300 digits, too long to read" if too_long else \
                    f"reads as {kind} but is not one{why}"
                tagged = text.startswith("!", n.start_mark.index)  # an explicit tag: the node starts at it
                return InputError(path, n.start_mark.line + 1, f"invalid YAML: `{shown}` {what}; quote it"
                                  + (" and drop its tag" if tagged else "") + " to keep it a string")
    return InputError(path, None, "invalid YAML: a value cannot be read" +
                      (" (an integer too long)" if too_long else f" ({type(error).__name__}: {error})"))


# Characters the C composer counts differently from the pure one: a byte-order mark (libyaml does not count
# it in its offsets) and the line breaks of YAML 1.1 only (NEL, LS, PS: line breaks to libyaml).
_C_MARKS_DIFFER = re.compile("[\ufeff\x85\u2028\u2029]")
# What lies between a value's indicator and the next token: spaces, comments, line breaks.
_TO_NEXT_TOKEN = re.compile(r"(?:[ ]+|#[^\n]*|\r?\n)*")


def _compose(text: str) -> list:
    """The node trees of a text's documents, with the marks of ruamel's pure composer.

    The pure composer is the reference and reads every text the parsers may read differently; the
    others (most workflows) are composed by libyaml (ruamel.yaml.clib), about six times faster, and
    its marks are brought to the pure composer's where the two place them differently: a block
    mapping's empty value (`workflow_dispatch:`) is at the next token for the pure composer and right
    after the `:` for libyaml (a flow mapping's the other way round), and at the end of a text with no
    final line break libyaml counts one more line. tests/test_c_compose.py compares every node (marks,
    tags, styles, values) and the data on real, golden and mutated workflows. PUBMODE_PURE_COMPOSE=1
    reads every text with the pure composer."""
    if c_parser_installed() and fast_path_agrees(text) and not _C_MARKS_DIFFER.search(text) \
            and not os.environ.get("PUBMODE_PURE_COMPOSE"):
        try:
            docs = _c_compose_all(text)
        except (YAMLError, RecursionError):
            pass  # read again by the pure composer, for its own error message (or its tree)
        else:
            if all(doc is None or _as_pure_marks(doc, text) for doc in docs):
                return _Composed(docs)
    yaml = YAML(typ="safe", pure=True)  # the marks are the round-trip parser's, without its comment scanning
    yaml.Composer = _AliasRecordingComposer
    return pure_read(lambda t: list(yaml.compose_all(t)), text)


class _Composed(list):
    """The documents libyaml composed (their plain data can be made from these very nodes)."""


def _data_of(root: Node, text: str, path: Optional[Path]) -> Any:
    """The plain data of a text libyaml composed, made from its nodes by `_plain` (what `load_data`
    gives, without parsing and resolving the text a second time). A merge key (`<<`, whose constructor
    rewrites the mapping node in place), a node `_plain` leaves to ruamel's constructor (none of the
    corpus and golden workflows has one) or any refusal goes to `load_data`."""
    if "<<" not in text:
        try:
            return _plain(root)
        except Exception:  # _NotPlain, or a value the constructor too may refuse: it decides
            pass
    return load_data(text, path)


class _NotPlain(Exception):
    """A node `_plain` leaves to ruamel's constructor."""


_STR, _NULL, _BOOL, _INT, _FLOAT, _MAP, _SEQ = (f"tag:yaml.org,2002:{t}" for t in
                                               ("str", "null", "bool", "int", "float", "map", "seq"))
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DECIMAL_FRACTION = re.compile(r"[-+]?[0-9]+\.[0-9]+")
_BOOLS = {"true": True, "false": False}


def _plain(node: Node) -> Any:
    """The data ruamel's safe constructor makes of a node tree (YAML 1.2 resolution), for the nodes
    workflows are made of: mappings with scalar keys met once, sequences, strings, nulls, booleans,
    decimal integers and plain fractions. Anything else (another tag, a repeated or unhashable key,
    `0x1F`, `1_000`, `.inf`, `1e3`) raises _NotPlain and the constructor makes the whole tree: the
    result is the same, this is about five times faster. tests/test_c_compose.py compares both."""
    tag = node.ctag
    kind = tag.suffix if tag.handle is None else None
    if isinstance(node, ScalarNode):
        value = node.value
        if kind == _STR:
            return value
        if kind == _NULL:
            return None
        if kind == _BOOL and value.lower() in _BOOLS:
            return _BOOLS[value.lower()]
        if kind == _INT and _DECIMAL.fullmatch(value):
            return int(value)
        if kind == _FLOAT and _DECIMAL_FRACTION.fullmatch(value):
            return float(value)
    elif kind == _MAP and isinstance(node, MappingNode):
        out = {}
        for k, v in node.value:
            if not isinstance(k, ScalarNode):
                raise _NotPlain
            key = _plain(k)
            if key in out:  # a repeated key: the constructor's refusal (or, for 1 and true, its choice)
                raise _NotPlain
            out[key] = _plain(v)
        return out
    elif kind == _SEQ and isinstance(node, SequenceNode):
        return [_plain(v) for v in node.value]
    raise _NotPlain


def _as_pure_marks(root: Node, text: str) -> bool:
    """Give libyaml's nodes the pure composer's marks and scalar styles (None for plain, not ''); False
    when a mark cannot be placed for sure (the text is then composed by the pure composer)."""
    end = len(text)
    eof = None
    if not text.endswith("\n"):  # the pure composer's line and column at the end of the text
        last = text.rfind("\n")
        eof = FileMark(None, end, text.count("\n"), end - last - 1)
    for n in walk_nodes(root):
        if isinstance(n, ScalarNode) and n.style == "":
            n.style = None
        elif isinstance(n, MappingNode):
            for _, v in n.value:
                if not (isinstance(v, ScalarNode) and v.value == "" and v.style in ("", None)
                        and v.start_mark.index == v.end_mark.index):
                    continue
                if n.flow_style:  # an empty value of a flow mapping: right after its `:` (libyaml: the next token)
                    colon = len(text[:v.start_mark.index].rstrip(" \r\n")) - 1
                    if colon < 0 or text[colon] != ":":
                        return False
                    at = colon + 1
                else:  # of a block mapping: at the next token (libyaml: right after the `:`)
                    at = _TO_NEXT_TOKEN.match(text, v.start_mark.index).end()
                if at != v.start_mark.index:
                    v.start_mark = v.end_mark = eof if at == end and eof is not None else \
                        FileMark(None, at, *_line_column(text, at))
        if eof is not None:
            if n.end_mark.index == end:
                n.end_mark = eof
            if n.start_mark.index == end:
                n.start_mark = eof
    return True


def _line_column(text: str, index: int) -> Tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index), index - line_start


class Document:
    """A workflow text with its node tree and its plain data."""

    def __init__(self, text: str, path: Optional[Path] = None):
        self.text, self.path = text, path
        try:
            docs = composed = _compose(text)
        except YAMLError as e:
            raise InputError(path, _problem_line(e), _problem_text(e)) from None
        except RecursionError:
            raise InputError(path, None, "nesting too deep") from None
        docs = [d for d in docs if d is not None]
        if len(docs) > 1:
            raise InputError(path, docs[1].start_mark.line + 1, "several YAML documents in one file; a workflow is one")
        if not docs or not isinstance(docs[0], MappingNode):
            line = docs[0].start_mark.line + 1 if docs else None
            raise InputError(path, line, "not a workflow: the file is not a YAML mapping")
        self.root: MappingNode = docs[0]
        self._key_index: dict = {}  # id of a MappingNode -> {key text: (key node, value node)}
        self._check_size()
        self._shared = set() if isinstance(composed, _Composed) else \
            {id(n.target) for n in walk_nodes(self.root) if isinstance(n, AliasRef)}  # libyaml: no anchors
        self.data = _data_of(self.root, text, path) if isinstance(composed, _Composed) else load_data(text, path)

    def _check_size(self) -> None:
        """Refuse inputs whose aliases or nesting would make verification explode (alias bombs)."""
        count, stack = 0, [(self.root, 0)]
        while stack:
            node, depth = stack.pop()
            count += 1
            if count > MAX_NODES:
                raise InputError(self.path, None, "too many nodes (alias expansion?); not a workflow")
            if depth > MAX_DEPTH:
                raise InputError(self.path, node.start_mark.line + 1, "nesting too deep")
            if isinstance(node, AliasRef):
                node = node.target
            if isinstance(node, MappingNode):
                stack.extend((n, depth + 1) for pair in node.value for n in pair)
            elif isinstance(node, SequenceNode):
                stack.extend((n, depth + 1) for n in node.value)

    def load(self, text: str) -> Any:
        """The plain data of another text read the way this document was (verification re-reads the
        edited text with it)."""
        return load_data(text)

    # ---- navigation --------------------------------------------------------------------------
    def node(self, path: YamlPath) -> Node:
        """The node at `path`; raises KeyError when absent, Unsupported when reached through an alias."""
        node: Any = self.root
        for i, key in enumerate(path):
            if isinstance(node, AliasRef):
                raise Unsupported(f"`{_dotted(path[:i])}` is a YAML alias; change it by hand")
            pair = self.pair(path[: i + 1]) if isinstance(node, MappingNode) else None
            if pair is not None:
                node = pair[1]
            elif isinstance(node, SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
                node = node.value[key]
            else:
                raise KeyError(path[: i + 1])
        return node

    def pair(self, path: YamlPath) -> Optional[Tuple[ScalarNode, Any]]:
        """The (key node, value node) of the mapping entry at `path`, or None when absent."""
        parent = self.node(path[:-1])
        if isinstance(parent, AliasRef):
            raise Unsupported(f"`{_dotted(path[:-1])}` is a YAML alias; change it by hand")
        if not isinstance(parent, MappingNode):
            return None
        key = path[-1]
        found = self._keys_of(parent).get(key)
        if found is not None:
            return found
        if any(isinstance(k, ScalarNode) and k.tag == "tag:yaml.org,2002:merge" for k, _ in parent.value):
            data = self.get(path[:-1])
            if isinstance(data, dict) and key in data:
                raise Unsupported(f"`{_dotted(path)}` comes from a YAML merge key (<<); change it by hand")
        return None

    def _keys_of(self, mapping: MappingNode) -> dict:
        """A mapping's entries by key text, built once per mapping: a lookup by scanning would make
        a workflow of thousands of jobs quadratic. The first entry of a key wins, as in the scan."""
        index = self._key_index.get(id(mapping))
        if index is None:
            index = {}
            for k, v in mapping.value:
                if isinstance(k, ScalarNode) and k.tag != "tag:yaml.org,2002:merge":
                    index.setdefault(k.value, (k, v))
            self._key_index[id(mapping)] = index
        return index

    def check_editable(self, path: YamlPath) -> None:
        """Refuse an edit inside an anchored node that an alias repeats elsewhere."""
        for i in range(1, len(path) + 1):
            try:
                node = self.node(path[:i])
            except KeyError:
                return
            if id(node) in self._shared:
                raise Unsupported(f"`{_dotted(path[:i])}` is repeated elsewhere through a YAML anchor; change it by hand")

    def get(self, path: YamlPath, default: Any = None) -> Any:
        """The plain value at `path`, or `default`."""
        cur = self.data
        for key in path:
            if isinstance(cur, dict) and key in cur:
                cur = cur[key]
            elif isinstance(cur, list) and isinstance(key, int) and 0 <= key < len(cur):
                cur = cur[key]
            else:
                return default
        return cur

    def same_line_comment(self, path: YamlPath) -> Optional[Tuple[str, str]]:
        """The comment after a scalar value on its line (`id-token: write  # for PyPI`) and the blanks
        before its `#`, so that an edit moving the value can carry it along. None when there is none,
        or the value is not a scalar entry."""
        try:
            pair = self.pair(path)
        except (KeyError, Unsupported):  # an alias or a merge key: no comment to read
            return None
        if pair is None or not isinstance(pair[1], ScalarNode) or pair[1].style in ("|", ">"):
            return None
        text = self.text
        end = pair[1].end_mark.index
        stop = text.find("\n", end)
        rest = text[end: len(text) if stop < 0 else stop].rstrip("\r")
        if not rest.strip().startswith("#") or not rest.strip()[1:].strip():
            return None
        return rest.strip()[1:].strip(), rest[: len(rest) - len(rest.lstrip())] or " "

    def line_of(self, path: YamlPath) -> Optional[int]:
        """1-based line of the entry at `path` (its key when it has one), for messages."""
        try:
            pair = self.pair(path) if path and isinstance(path[-1], str) else None
            node = pair[0] if pair else self.node(path)
        except (KeyError, Unsupported):
            return None
        return node.start_mark.line + 1 if node is not None else None


def _dotted(path: YamlPath) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in path) or "(document)"


def walk_nodes(node: Any) -> Iterator[Any]:
    """Every node under `node`, aliases included once as AliasRef (not followed)."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        if isinstance(n, MappingNode):
            stack.extend(x for pair in n.value for x in pair)
        elif isinstance(n, SequenceNode):
            stack.extend(n.value)


def strings_under(data: Any, path: YamlPath) -> Iterator[Tuple[YamlPath, str]]:
    """Every string of a value with its path (keys are not values: `TWINE_PASSWORD:` itself is no reader)."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from strings_under(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from strings_under(v, path + (i,))
