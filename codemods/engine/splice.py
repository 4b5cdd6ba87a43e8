"""Render edits into the original text as splices, touching nothing outside the edited lines.

Each edit becomes one or more (start, end, replacement) splices at character offsets found by
`Document`. Removals take whole lines (the same-line comment goes too; full-line comments around
stay); insertions take the key column of the mapping they join and the child indentation that
nearby mappings of that very file use; line endings are those of the neighbouring line.
"""
from __future__ import annotations

import functools
import json
from typing import Any, Iterable, List, Optional, Tuple

from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from codemods.engine.document import AliasRef, Document, YamlPath, load_data, walk_nodes
from codemods.engine.edits import Commented, Edit, Insert, Rekey, Remove, Replace, Set, normalise
from codemods.errors import InputError, Unsupported

Splice = Tuple[int, int, str]


def render(doc: Document, edits: List[Edit]) -> str:
    """The text with every edit applied."""
    splices: List[Tuple[int, int, int, str]] = []
    maker = _Splicer(doc)  # one for all edits: it reads the whole text once (its line endings)
    for seq, edit in enumerate(normalise(edits)):
        doc.check_editable(edit.path)
        if isinstance(edit, Remove) and edit.path and isinstance(edit.path[-1], int):
            parts = maker.remove_item(edit.path)
        elif isinstance(edit, Remove):
            parts = maker.remove(edit.path)
        elif isinstance(edit, Replace):
            parts = maker.replace(edit)
        elif isinstance(edit, Insert):
            parts = maker.insert(edit)
        elif isinstance(edit, Rekey):
            parts = maker.rekey(edit)
        else:
            parts = maker.set(edit)
        splices += [(s, e, seq, t) for s, e, t in parts]
    splices = _join_flow_entries(splices)
    splices = _merge_deletions(doc, splices) + _strip_block_ending_the_file(doc, splices)
    splices.sort(key=lambda x: (x[0], x[1], x[2]))
    out, pos = [], 0
    for start, end, _, text in splices:
        if start < pos:
            raise Unsupported("two changes overlap in the same lines; change them by hand")
        out.append(doc.text[pos:start])
        out.append(text)
        pos = end
    out.append(doc.text[pos:])
    return "".join(out)


def _merge_deletions(doc: Document, splices):
    """Join deletions that touch (two removed neighbours), then make sure removing the last line of
    a file without a final newline does not leave one behind (unless a block string ends on that
    newline: it is part of its value)."""
    text = doc.text
    cuts = [(s, e) for s, e, _, t in splices if t == "" and e > s]
    rest = [x for x in splices if not (x[3] == "" and x[1] > x[0])]
    merged = merge_ranges(cuts)
    if merged and merged[-1][1] == len(text) and not text.endswith("\n"):
        s, e = merged[-1]
        at_start = [x for x in rest if x[0] == x[1] == s]
        if at_start:  # new lines take the place of the last ones: they end without a newline instead
            last = max(at_start, key=lambda x: x[2])
            rest[rest.index(last)] = (s, s, last[2], last[3].rstrip("\r\n"))
        elif s > 0 and text[s - 1] == "\n" and not _ends_block_scalar(doc, s):
            s -= 2 if s > 1 and text[s - 2] == "\r" else 1
        merged[-1] = (s, e)
    return rest + [(s, e, -1, "") for s, e in merged]


class _FirstFlowEntry(str):
    """An entry added to an empty flow mapping (`{}`), with its bare text and what goes before and after
    the entries (the padding inside the braces, or a line of their own below a comment)."""

    def __new__(cls, text: str, entry: str, before: str, after: str):
        obj = super().__new__(cls, text)
        obj.entry, obj.before, obj.after = entry, before, after
        return obj


def _join_flow_entries(splices):
    """Several keys added to the same empty flow mapping become one `{a: 1, b: 2}`."""
    groups: dict = {}
    for x in splices:
        if isinstance(x[3], _FirstFlowEntry):
            groups.setdefault((x[0], x[1]), []).append(x)
    out = [x for x in splices if not isinstance(x[3], _FirstFlowEntry)]
    for (start, end), group in groups.items():
        group.sort(key=lambda x: x[2])
        first = group[0][3]
        out.append((start, end, group[0][2], first.before + ", ".join(x[3].entry for x in group) + first.after))
    return out


class _LinesAfterTheLast(str):
    """New lines appended to a file that has no final newline (each begins with its line break)."""


def _strip_block_ending_the_file(doc: Document, splices) -> list:
    """Lines added after a block string that ends a file without a final newline put a line break
    after it, which would join its value: mark it `-` (strip) so that its value stays as it was."""
    if not any(isinstance(t, _LinesAfterTheLast) for _, _, _, t in splices):
        return []
    block = _ends_block_scalar(doc, len(doc.text))
    if block is None:
        return []
    i, indicators = _block_header(doc.text, block)
    return [(i, i + len(indicators), -1, "-" + indicators.replace("+", ""))]


def _ends_block_scalar(doc: Document, pos: int) -> Optional[ScalarNode]:
    """The block string (`|`, `>`, not stripped with `-`) whose text runs up to offset `pos`, if any:
    its last line break belongs to its value."""
    for node in walk_nodes(doc.root):
        if isinstance(node, ScalarNode) and node.style in ("|", ">") and node.start_mark.index < pos <= node.end_mark.index:
            if "-" not in _block_header(doc.text, node)[1]:
                return node
    return None


def _block_content_end(text: str, node: ScalarNode) -> int:
    """Offset just past the last content line of a block string that does not keep its trailing lines.

    Trailing lines that are empty or hold no more than the string's indentation are not its content; a
    line of spaces or a tab beyond the indentation is (`|` then `    x` then six spaces gives "x\n  \n"
    at indentation 4), so the entry ends after it, not at the last visible character."""
    start, end = node.start_mark.index, node.end_mark.index
    body = line_end(text, start)
    indent = _block_indent(text, node, body, end)
    last = None
    pos = body
    while pos < end:
        nxt = min(line_end(text, pos), end)
        line = text[pos:nxt].rstrip("\r\n")
        if line.strip() or (indent is not None and len(line) > indent):
            last = pos + len(line)
        pos = nxt
    if last is None:  # no content line: the entry ends with its header (and the header's comment)
        last = body
        while last > start and text[last - 1] in " \t\r\n":
            last -= 1
    return last


def _block_indent(text: str, node: ScalarNode, body: int, end: int) -> Optional[int]:
    """The indentation of a block string's content lines: the leading spaces of its first line with a
    visible character, less the spaces that its value keeps at the start of that line (an explicit
    indentation indicator leaves some). None when no line has a visible character."""
    shown = next((ln for ln in node.value.split("\n") if ln.strip()), None)
    if shown is None:
        if node.value.strip(" \t\n") != node.value.strip("\n") or node.value.strip("\n"):
            raise Unsupported("a block string made only of spaces; edit it by hand")
        return None
    pos = body
    while pos < end:
        nxt = line_end(text, pos)
        line = text[pos:nxt].rstrip("\r\n")
        if line.strip():
            return (len(line) - len(line.lstrip(" "))) - (len(shown) - len(shown.lstrip(" ")))
        pos = nxt
    return None


def _block_header(text: str, node: ScalarNode) -> Tuple[int, str]:
    """Offset of a block string's indicators (after `|`/`>`) and the indicators themselves."""
    i = text.index(node.style, node.start_mark.index) + 1
    j = i
    while j < len(text) and text[j] in "+-0123456789":
        j += 1
    return i, text[i:j]


# ---- text helpers -------------------------------------------------------------------------------
def line_start(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def _past_inner_comments(text: str, at: int, col: int) -> int:
    """Past the full-line comments (and the blank lines among them) that follow line start `at` indented
    deeper than `col`: they belong to the entry before (a step commented out at the end of a job), so a
    new job at column `col` goes after them. (Within a step they may as well be a removed block's: there
    a new entry stays before them.)"""
    pos = found = at
    while pos < len(text):
        nxt = line_end(text, pos)
        line = text[pos:nxt].rstrip("\r\n")
        if line.strip() and not (line.lstrip(" ").startswith("#") and len(line) - len(line.lstrip(" ")) > col):
            break
        pos = nxt
        if line.strip():
            found = pos
    return found


def line_end(text: str, i: int) -> int:
    """Offset just past the line ending of the line holding offset `i`."""
    j = text.find("\n", i)
    return len(text) if j < 0 else j + 1


def eol_of_line(text: str, i: int, default: str) -> str:
    j = text.find("\n", i)
    if j < 0:
        return default
    return "\r\n" if j > 0 and text[j - 1] == "\r" else "\n"


def default_eol(text: str) -> str:
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


def merge_ranges(ranges: Iterable[Tuple[int, int]]) -> List[Tuple[int, int]]:
    out: List[List[int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


# ---- scalar rendering ---------------------------------------------------------------------------
@functools.lru_cache(maxsize=512)
def _plain_ok(s: str, flow: bool) -> bool:
    if not s or s != s.strip() or "\n" in s or "\r" in s or " #" in s or "\t" in s:
        return False
    probe = "{k: %s}" % s if flow else "k: %s" % s
    try:
        return load_data(probe) == {"k": s}
    except InputError:
        return False


def render_scalar(value: Any, flow: bool = False, style: Optional[str] = None) -> str:
    """A scalar in YAML source form, in the quoting style asked for when it allows it."""
    if isinstance(value, Commented):  # where a comment cannot go (flow style), the value alone
        value = value.value
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (dict, list)):  # a collection inside a new entry: written in flow style
        return render_flow(value)
    s = str(value)
    if style == "'" and "\n" not in s:
        return "'" + s.replace("'", "''") + "'"
    if style == '"':
        return json.dumps(s, ensure_ascii=False)
    if _plain_ok(s, flow):
        return s
    return json.dumps(s, ensure_ascii=False)


def render_flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{render_scalar(k, True)}: {render_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(render_flow(v) for v in value) + "]"
    return render_scalar(value, flow=True)


# How a file writes a block list under a key: the dash's column less the key's (0 when the list is not
# indented), the columns from the dash to the item's first key, and (optional) whether a blank line
# sets off each item of several lines from the one before.
SeqStyle = Tuple[int, ...]


def _with_comment(value: Any, text: str) -> str:
    return f"{text}{value.gap}# {value.comment}" if isinstance(value, Commented) else text


def render_block(key: str, value: Any, col: int, unit: int, seq: SeqStyle = (2, 2)) -> List[str]:
    """Lines (without line endings) of a new block mapping entry. A list of mappings is a block list
    written as `seq` says; a list of scalars a flow list."""
    pad = " " * col
    if isinstance(value, dict) and value:
        lines = [f"{pad}{render_scalar(key)}:"]
        for k, v in value.items():
            lines += render_block(k, v, col + unit, unit, seq)
        return lines
    if isinstance(value, dict):
        return [f"{pad}{render_scalar(key)}: {{}}"]
    if isinstance(value, list) and value and all(isinstance(v, dict) and v for v in value):
        lines = [f"{pad}{render_scalar(key)}:"]
        for n, item in enumerate(value):
            block = render_item(item, col + seq[0], col + seq[0] + seq[1], unit, seq)
            if n and len(seq) > 2 and seq[2]:
                block = [""] + block
            lines += block
        return lines
    if isinstance(value, list):
        return [f"{pad}{render_scalar(key)}: {render_flow(value)}"]
    return [f"{pad}{render_scalar(key)}: {_with_comment(value, render_scalar(value))}"]


def render_item(item: dict, dash_col: int, key_col: int, unit: int, seq: SeqStyle = (2, 2)) -> List[str]:
    """Lines of a new block list item (a mapping), its dash at `dash_col` and its keys at `key_col`."""
    lines: List[str] = []
    for n, (k, v) in enumerate(item.items()):
        block = render_block(k, v, key_col, unit, seq)
        if n == 0:
            block[0] = " " * dash_col + "-" + " " * (key_col - dash_col - 1) + block[0][key_col:]
        lines += block
    return lines


# ---- splices ------------------------------------------------------------------------------------
class _Splicer:
    def __init__(self, doc: Document):
        self.doc, self.text = doc, doc.text
        self.eol = default_eol(doc.text)
        self._seq: Optional[SeqStyle] = None

    def seq_style(self) -> SeqStyle:
        """How this file writes block lists of mappings under a key (the most common way), for new ones."""
        if self._seq is None:
            seen: dict = {}
            for node in walk_nodes(self.doc.root):
                if not isinstance(node, MappingNode) or node.flow_style:
                    continue
                for k, v in node.value:
                    if not (isinstance(v, SequenceNode) and not v.flow_style and v.value
                            and isinstance(v.value[0], MappingNode) and v.value[0].value):
                        continue
                    try:
                        dash = self._dash_column(v.value[0])
                    except Unsupported:
                        continue
                    style = (dash - k.start_mark.column, v.value[0].value[0][0].start_mark.column - dash)
                    if style[0] >= 0 and style[1] >= 2:
                        seen[style] = seen.get(style, 0) + 1
            style = max(seen, key=lambda st: seen[st]) if seen else (2, 2)
            self._seq = style + (self._blank_between_items(),)
        return self._seq

    def _blank_between(self, seq: SequenceNode) -> bool:
        """The items of this list are set off with blank lines (most of them)."""
        votes = [0, 0]
        for a, b in zip(seq.value, seq.value[1:]):
            gap = self.text[line_end(self.text, self.value_end(None, a)): line_start(self.text, b.start_mark.index)]
            votes[any(not ln.strip() for ln in gap.split("\n")[:-1])] += 1
        return votes[1] > votes[0]

    def _blank_between_items(self) -> bool:
        """Most lists of mappings (steps) of the file set their items off with a blank line."""
        votes = [0, 0]
        for node in walk_nodes(self.doc.root):
            if isinstance(node, SequenceNode) and not node.flow_style and len(node.value) > 1 \
                    and all(isinstance(i, MappingNode) for i in node.value):
                for a, b in zip(node.value, node.value[1:]):
                    gap = self.text[line_end(self.text, self.value_end(None, a)): line_start(self.text, b.start_mark.index)]
                    votes[any(not ln.strip() for ln in gap.split("\n")[:-1])] += 1
        return votes[1] > votes[0]

    # where things end
    def value_end(self, key: ScalarNode, value: Any) -> int:
        """Offset just past the last character of an entry's value (or of its key when the value is empty)."""
        if isinstance(value, AliasRef):
            return value.end_mark.index
        if isinstance(value, ScalarNode):
            if value.value == "" and value.style is None and value.tag.endswith(":null"):
                return self.colon_after(key) + 1
            end, start = value.end_mark.index, value.start_mark.index
            if value.style in ("|", ">") and "+" in _block_header(self.text, value)[1]:
                # Kept trailing blank lines are part of the value: the entry ends after them.
                if self.text[end - 1 : end] == "\n":
                    end -= 2 if self.text[end - 2 : end] == "\r\n" else 1
                return end
            if value.style in ("|", ">"):
                return _block_content_end(self.text, value)
            while end > start and self.text[end - 1] in " \t\r\n":
                end -= 1
            return end
        if isinstance(value, (MappingNode, SequenceNode)):
            if value.flow_style or not value.value:
                return value.end_mark.index
            if isinstance(value, MappingNode):
                k, v = value.value[-1]
                return self.value_end(k, v)
            return self.value_end(None, value.value[-1])
        raise Unsupported("unexpected YAML node")

    def colon_after(self, key: ScalarNode) -> int:
        i = key.end_mark.index
        while i < len(self.text) and self.text[i] in " \t":
            i += 1
        if i >= len(self.text) or self.text[i] != ":":
            raise Unsupported("a key written in a form this tool does not edit (complex key)")
        return i

    def parent_of(self, path: YamlPath) -> Any:
        parent = self.doc.node(path[:-1])
        if isinstance(parent, AliasRef):
            raise Unsupported("the mapping to edit is a YAML alias; change it by hand")
        return parent

    # removal
    def remove(self, path: YamlPath) -> List[Splice]:
        pair = self.doc.pair(path)
        if pair is None:
            raise KeyError(path)
        parent = self.parent_of(path)
        if parent.flow_style:
            return self.remove_flow(parent, pair)
        ranges = merge_ranges(self.block_ranges(parent, *pair))
        if len(ranges) == 1:  # a block set off by blank lines on both sides: the blank it leaves doubled goes too
            start, end = ranges[0]
            text = self.text
            if start > 0 and end < len(text):
                before = line_start(text, start - 1)
                if not text[before:start].strip() and not text[end:line_end(text, end)].strip():
                    ranges = [(before, end)]
        return [(s, e, "") for s, e in ranges]

    def block_ranges(self, parent: MappingNode, key: ScalarNode, value: Any) -> List[Tuple[int, int]]:
        text = self.text
        ls = line_start(text, key.start_mark.index)
        prefix = text[ls : key.start_mark.index]
        if prefix.strip():
            # The key shares its line with a sequence dash: slide the next key onto that line.
            if prefix.strip() != "-":
                raise Unsupported("a key written in a form this tool does not edit")
            idx = [k for k, _ in parent.value].index(key)
            if idx + 1 >= len(parent.value):
                raise Unsupported("removing the only key of a list item")
            return [(key.start_mark.index, parent.value[idx + 1][0].start_mark.index)]
        nested_block = (
            isinstance(value, MappingNode)
            and not value.flow_style
            and value.value
            and value.start_mark.line > key.start_mark.line
        )
        if nested_block:
            # The block's lines go whole, with the comment lines indented into it (they speak of what goes:
            # "this permission is mandatory for trusted publishing"); a comment line no deeper than the key
            # heads what follows, and stays.
            ranges, at, col = [], ls, key.start_mark.column
            for line in text[ls:line_end(text, self.value_end(key, value))].splitlines(keepends=True):
                stripped = line.lstrip(" \t")
                if not (stripped.startswith("#") and len(line) - len(stripped) <= col):
                    ranges.append((at, at + len(line)))
                at += len(line)
            return ranges
        return [(ls, line_end(text, self.value_end(key, value)))]

    def remove_flow(self, parent: MappingNode, pair) -> List[Splice]:
        """An entry of a flow mapping, with its comma; in a mapping written over several lines, an entry
        alone on its line(s) goes with its line and its same-line comment, and other comments stay."""
        text, pairs = self.text, parent.value
        idx = pairs.index(pair)
        key, value = pair
        end = self.value_end(key, value)
        comma = self._comma_after(end)
        if comma is not None:  # `k: v,` -> the entry and its comma
            own = self._own_lines(key.start_mark.index, comma + 1)
            if own:
                return [own]
            if idx + 1 < len(pairs):
                return [(key.start_mark.index, pairs[idx + 1][0].start_mark.index, "")]
            return [(key.start_mark.index, comma + 1, "")]
        if idx == 0:
            return [(key.start_mark.index, end, "")]
        pk, pv = pairs[idx - 1]
        prev_comma = self._comma_after(self.value_end(pk, pv))
        if prev_comma is None:
            raise Unsupported("a flow mapping written in a form this tool does not edit")
        if "#" not in text[prev_comma + 1 : key.start_mark.index]:
            return [(prev_comma, end, "")]
        # Comments between the previous entry and this one stay: only the comma and the entry go.
        return [(prev_comma, prev_comma + 1, ""), self._own_lines(key.start_mark.index, end)
                or (key.start_mark.index, end, "")]

    def _comma_after(self, i: int) -> Optional[int]:
        while i < len(self.text) and self.text[i] in " \t":
            i += 1
        return i if i < len(self.text) and self.text[i] == "," else None

    def _own_lines(self, start: int, end: int) -> Optional[Splice]:
        """The whole lines from `start` to `end` when nothing but blanks precedes `start` on its line and
        nothing but blanks or a comment follows `end` on its line."""
        ls = line_start(self.text, start)
        rest = self.text[end : line_end(self.text, end)].strip()
        if self.text[ls:start].strip() or (rest and not rest.startswith("#")):
            return None
        return (ls, line_end(self.text, end), "")

    def rekey(self, edit: Rekey) -> List[Splice]:
        pair = self.doc.pair(edit.path)
        if pair is None:
            raise KeyError(edit.path)
        if isinstance(edit.value, (dict, list)):
            raise Unsupported("a key replaced by a collection; change it by hand")
        parent = self.parent_of(edit.path)
        key, value = pair
        new = f"{render_scalar(edit.new_key, bool(parent.flow_style))}: {render_scalar(edit.value, bool(parent.flow_style))}"
        return [(key.start_mark.index, self.value_end(key, value), new)]

    # new sequence items
    def insert(self, edit: Insert) -> List[Splice]:
        seq = self.doc.node(edit.path)
        if isinstance(seq, SequenceNode) and seq.flow_style and seq.value and not isinstance(edit.value, (dict, list)):
            return self.append_flow(seq, edit)
        if isinstance(seq, AliasRef) or not isinstance(seq, SequenceNode) or seq.flow_style or not seq.value:
            raise Unsupported("a new step goes into a block list of steps; this one is written otherwise")
        if not 0 < edit.index <= len(seq.value):
            raise Unsupported("a new list item goes after an existing one")
        before = seq.value[edit.index - 1]
        dash_col = self._dash_column(before)
        key_col = before.value[0][0].start_mark.column if isinstance(before, MappingNode) and before.value else dash_col + 2
        unit = self.indent_unit(edit.path)
        lines: List[str] = []
        if isinstance(edit.value, dict):
            lines = render_item(edit.value, dash_col, key_col, unit, self.seq_style())
            if self._blank_between(seq):  # a new step is set off like its neighbours
                lines = [""] + lines
        else:
            lines = [" " * dash_col + "- " + render_scalar(edit.value)]
        end = self.value_end(None, before)
        eol = eol_of_line(self.text, end, self.eol)
        at = line_end(self.text, end)
        return self.lines_at(at, lines, eol)

    def append_flow(self, seq: SequenceNode, edit: Insert) -> List[Splice]:
        """A scalar appended to a flow list (`needs: [build, test]`): after the last item, in its style:
        on a line of its own where the items are one per line, with a trailing comma where it had one."""
        if edit.index != len(seq.value) or any(isinstance(v, AliasRef) or not isinstance(v, ScalarNode) for v in seq.value):
            raise Unsupported("a new item goes at the end of a flow list of plain values")
        text, last = self.text, seq.value[-1]
        end = last.end_mark.index
        i = end
        while i < len(text) and text[i] in " \t":
            i += 1
        comma = i if i < len(text) and text[i] == "," else None
        item = render_scalar(edit.value, flow=True)
        own_line = not text[line_start(text, last.start_mark.index): last.start_mark.index].strip()
        if not own_line:
            if comma is not None:
                return [(comma + 1, comma + 1, f" {item},")]
            return [(end, end, f", {item}")]
        after = (comma + 1) if comma is not None else end
        rest = text[after: line_end(text, after)]
        if rest.strip() and not rest.strip().startswith("#"):  # `last]` or `last, ]` closes on its line
            raise Unsupported("a flow list written in a form this tool does not edit")
        eol = eol_of_line(text, after, self.eol)
        pad = " " * last.start_mark.column
        at = line_end(text, after)
        head = [] if comma is not None else [(end, end, ",")]
        return head + [(at, at, f"{pad}{item}{',' if comma is not None else ''}{eol}")]

    def _dash_column(self, item) -> int:
        i = item.start_mark.index - 1
        while i >= 0 and self.text[i] in " \t":
            i -= 1
        if i < 0 or self.text[i] != "-":
            raise Unsupported("a list item written in a form this tool does not edit")
        return i - line_start(self.text, i)

    def _item(self, path: YamlPath) -> Tuple[SequenceNode, Any]:
        seq = self.doc.node(path[:-1])
        if isinstance(seq, AliasRef) or not isinstance(seq, SequenceNode) or seq.flow_style:
            raise Unsupported("a list item is changed only in a block list")
        if not 0 <= path[-1] < len(seq.value):
            raise KeyError(path)
        return seq, seq.value[path[-1]]

    def remove_item(self, path: YamlPath) -> List[Splice]:
        """A block list item's lines, from its dash to the end of its value (comments inside it go too,
        full-line comments before it stay); a blank line it leaves doubled goes with it."""
        seq, item = self._item(path)
        if len(seq.value) == 1:
            raise Unsupported("removing the only item of a list")
        text = self.text
        dash = line_start(text, item.start_mark.index) + self._dash_column(item)
        start = line_start(text, dash)
        if text[start:dash].strip():
            raise Unsupported("a list item written in a form this tool does not edit")
        end = line_end(text, self.value_end(None, item))
        if start > 0:
            before = line_start(text, start - 1)
            after = text[end : line_end(text, end)]
            if not text[before:start].strip() and (end == len(text) or not after.strip()):
                start = before
        return [(start, end, "")]

    # editing inside a string
    def replace(self, edit: Replace) -> List[Splice]:
        if edit.path and isinstance(edit.path[-1], int):  # a list item (a line of a GitLab `script:`)
            node = self._item(edit.path)[1]
            pair = (None, node)
        else:
            pair = self.doc.pair(edit.path)
        if pair is None or not isinstance(pair[1], ScalarNode):
            raise Unsupported(f"`{edit.path[-1]}` is not a string to edit")
        node = pair[1]
        if not 0 <= edit.start <= edit.end <= len(node.value):
            raise Unsupported(f"an edit outside the string `{edit.path[-1]}`")
        to_source = self.source_offsets(node)
        start, end = to_source(edit.start), to_source(edit.end)
        if node.style == "|" and start == line_start(self.text, start) and end != line_start(self.text, end):
            start += to_source.indent  # a cut from a line's first word (`VAR=x cmd`) keeps the line's indentation
        new = edit.new
        if node.style == "|" and new:
            # Block text: new lines take the block's indentation and the file's line ending.
            indent = " " * to_source.indent
            eol = eol_of_line(self.text, start, self.eol)
            at_line_start = start == line_start(self.text, start)
            lines = new.split("\n")
            new = eol.join((indent if (i or at_line_start) and ln else "") + ln for i, ln in enumerate(lines))
        return [(start, end, new)]

    def source_offsets(self, node: ScalarNode):
        """A function from offsets in a scalar's value to offsets in the text."""
        text, value = self.text, node.value
        s, e = node.start_mark.index, node.end_mark.index
        if node.style in (None, "'", '"'):
            if node.start_mark.line != node.end_mark.line:
                raise Unsupported("a multi-line quoted or plain string; edit it by hand")
            inner = text[s:e] if node.style is None else text[s + 1 : e - 1]
            if inner != value:
                raise Unsupported("a string with escapes; edit it by hand")
            base = s if node.style is None else s + 1

            def inline(i: int) -> int:
                return base + i

            inline.indent = 0
            return inline
        if node.style != "|":
            raise Unsupported("a folded (>) block string; edit it by hand")
        header_end = line_end(text, s)
        if any(ch.isdigit() for ch in text[s:header_end].split("#")[0]):
            raise Unsupported("a block string with an explicit indentation indicator; edit it by hand")
        lines = value.split("\n")
        starts, pos, indent = [], header_end, None
        for line in lines:
            starts.append(pos)
            src = text[pos : line_end(text, pos)].rstrip("\r\n")
            if line:
                ind = len(src) - len(line)
                if ind < 0 or src[ind:] != line or (indent is not None and ind != indent):
                    raise Unsupported("a block string this tool cannot map to its lines; edit it by hand")
                indent = ind
            pos = line_end(text, pos)
        indent = indent or 0

        def to_source(i: int) -> int:
            k = value.count("\n", 0, i)
            col = i - (value.rfind("\n", 0, i) + 1)
            if col == 0 and (i == 0 or value[i - 1] == "\n"):
                return starts[k]
            return starts[k] + indent + col

        to_source.indent = indent
        return to_source

    # setting and adding
    def _past_same_line_comment(self, end: int) -> int:
        """Past the comment that follows a value on its line (`@v1  # v1.4.2`), if there is one."""
        stop = line_end(self.text, end)
        rest = self.text[end:stop].rstrip("\r\n")
        return end + len(rest) if rest.strip().startswith("#") and rest[:1] in (" ", "\t") else end

    def set(self, edit: Set) -> List[Splice]:
        path, value = edit.path, edit.value
        if path and isinstance(path[-1], int):
            return self.replace_item(path, value)
        pair = self.doc.pair(path)
        parent = self.parent_of(path)
        if not isinstance(parent, MappingNode):
            raise Unsupported(f"cannot add `{path[-1]}`: its parent is not a mapping")
        if pair is None:
            return self.add(parent, path, value, edit.after)
        key, old = pair
        if isinstance(old, AliasRef):
            raise Unsupported(f"`{path[-1]}` is a YAML alias; change it by hand")
        if not isinstance(value, dict):
            if not isinstance(old, ScalarNode):
                raise Unsupported(f"`{path[-1]}` holds a collection; not replaced by a scalar")
            new = render_scalar(value, flow=bool(parent.flow_style), style=old.style)
            if old.value == "" and old.style is None and old.tag.endswith(":null"):
                c = self.colon_after(key)
                return [(c + 1, c + 1, " " + new)]
            end = self.value_end(key, old)
            if isinstance(value, Commented) and not parent.flow_style and old.style not in ("|", ">"):
                end = self._past_same_line_comment(end)  # the value's comment goes with it (none: `Commented(v, "")`)
                new = _with_comment(value, new) if value.comment else new
            return [(old.start_mark.index, end, new)]
        if isinstance(old, MappingNode):
            if value and not old.value and old.flow_style and not parent.flow_style:
                # an empty `{}` filled in the block style around it (`permissions: {}` given `id-token: write`):
                # `{}` is the only way to write an empty mapping, not a style the file chose
                c = self.colon_after(key)
                col = self.key_column(key)
                unit = self.indent_unit(path[:-1])
                lines = [ln for k, v in value.items() for ln in render_block(k, v, col + unit, unit)]
                end = old.end_mark.index
                return [(c + 1, end, "")] + self.lines_at(line_end(self.text, end), lines,
                                                          eol_of_line(self.text, end, self.eol))
            if value:
                raise Unsupported("replacing a whole mapping; set its keys one by one")
            if old.flow_style:
                return [(old.start_mark.index, old.end_mark.index, "{}")]
            c = self.colon_after(key)
            ranges = []
            for k, v in old.value:
                ranges += self.block_ranges(old, k, v)
            last_k, last_v = old.value[-1]
            first_line = line_end(self.text, c)
            if first_line <= line_start(self.text, old.value[0][0].start_mark.index):
                # the block goes whole: the comments among its entries (`# for trusted publishing` above
                # `id-token: write`) have nothing left to describe
                ranges.append((first_line, line_end(self.text, self.value_end(last_k, last_v))))
            return [(c + 1, c + 1, " {}")] + [(s, e, "") for s, e in merge_ranges(ranges)]
        if not isinstance(old, ScalarNode):
            raise Unsupported(f"`{path[-1]}` holds a list; not replaced by a mapping")
        end = self.value_end(key, old)
        if parent.flow_style or not value:
            return [(old.start_mark.index, end, render_flow(value))]
        # `permissions: read-all` -> `permissions:` followed by the scopes as a block.
        c = self.colon_after(key)
        col = self.key_column(key)
        unit = self.indent_unit(path[:-1])
        lines = [ln for k, v in value.items() for ln in render_block(k, v, col + unit, unit)]
        eol = eol_of_line(self.text, end, self.eol)
        at = line_end(self.text, end)
        return [(c + 1, end, "")] + self.lines_at(at, lines, eol)

    def replace_item(self, path: YamlPath, value: Any) -> List[Splice]:
        """A block list item replaced by a new mapping in the same place: its dash and the lines
        around stay, its own lines (with their comments) become the new item's."""
        seq, item = self._item(path)
        if not isinstance(value, dict) or not value:
            raise Unsupported("a list item is replaced only by a mapping")
        if isinstance(item, AliasRef) or (isinstance(item, (MappingNode, SequenceNode)) and item.flow_style):
            raise Unsupported("a list item written in a form this tool does not edit")
        dash_col = self._dash_column(item)
        key_col = item.value[0][0].start_mark.column if isinstance(item, MappingNode) and item.value \
            else dash_col + self.seq_style()[1]
        lines = render_item(value, dash_col, key_col, self.indent_unit(path[:-1]), self.seq_style())
        start, end = item.start_mark.index, self.value_end(None, item)
        rest = self.text[end : line_end(self.text, end)]
        if rest.strip() == "" or rest.strip().startswith("#"):  # a comment on the last line was the old item's
            end += len(rest.rstrip("\r\n"))
        eol = eol_of_line(self.text, end, self.eol)
        first = lines[0][dash_col:]
        first = first[1:].lstrip(" ")
        return [(start, end, eol.join([first] + lines[1:]))]

    def lines_at(self, at: int, lines: List[str], eol: str) -> List[Splice]:
        """New lines at line start `at`; at the end of a file without a final newline they end without
        one too (and `render` marks a block string that ended the file `-`)."""
        if at < len(self.text) or self.text.endswith("\n"):
            return [(at, at, "".join(ln + eol for ln in lines))]
        return [(at, at, _LinesAfterTheLast("".join(eol + ln for ln in lines)))]

    def key_column(self, key: ScalarNode) -> int:
        return key.start_mark.column

    def add(self, parent: MappingNode, path: YamlPath, value: Any, after: Tuple[str, ...]) -> List[Splice]:
        text, key = self.text, path[-1]
        if parent.flow_style:
            entry = f"{render_scalar(key, True)}: {render_flow(value)}"
            if not parent.value:
                inner_start = parent.start_mark.index + 1
                inner = text[inner_start : parent.end_mark.index - 1]
                if "#" in inner:  # `{  # none yet` then `}`: the entries go on a line of their own, the comment stays
                    at = inner_start + inner.rfind("\n") + 1
                    ls = line_start(text, parent.start_mark.index)
                    pad = " " * (len(text[ls:]) - len(text[ls:].lstrip(" ")) + 2)
                    eol = eol_of_line(text, inner_start, self.eol)
                    return [(at, at, _FirstFlowEntry(f"{pad}{entry}{eol}", entry, pad, eol))]
                pad = " " if inner.strip() == "" and inner else ""
                return [(inner_start, parent.end_mark.index - 1, _FirstFlowEntry(f"{pad}{entry}{pad}", entry, pad, pad))]
            lk, lv = parent.value[-1]
            end = self.value_end(lk, lv)
            return [(end, end, f", {entry}")]
        anchor = None
        for name in after:
            found = next(((k, v) for k, v in parent.value if isinstance(k, ScalarNode) and k.value == name), None)
            if found:
                anchor = found
                break
        if anchor is None:
            anchor = parent.value[-1]
        col = parent.value[0][0].start_mark.column
        unit = self.indent_unit(path[:-1])
        lines = render_block(key, value, col, unit, self.seq_style())
        if len(lines) > 1 and tuple(path[:-1]) == ("jobs",) and self._blank_lines_between(parent):  # a new job
            lines = [""] + lines
        end = self.value_end(*anchor)
        eol = eol_of_line(text, end, self.eol)
        at = line_end(text, end)
        if tuple(path[:-1]) == ("jobs",):  # a new job: after the comments that belong to the job before
            at = _past_inner_comments(text, at, col)
        before = self._before_block_ending_the_file(anchor, at)
        if before is not None:
            return [(before, before, "".join(ln + eol for ln in lines))]
        return self.lines_at(at, lines, eol)

    def _before_block_ending_the_file(self, anchor, at: int) -> Optional[int]:
        """Where new lines go instead of after `anchor` when its value is a block string that ends a
        file without a final newline: the start of the anchor key's own line, so that the string keeps
        its bytes (after it, a line break would join its value and its header would need a `-`). None
        when the lines go after it as usual, or the key shares its line with a `- ` or another key."""
        text = self.text
        if at < len(text) or text.endswith("\n"):
            return None
        key, value = anchor
        if not isinstance(value, ScalarNode) or _ends_block_scalar(self.doc, len(text)) is not value:
            return None
        start = line_start(text, key.start_mark.index)
        if text[start : key.start_mark.index].strip(" "):
            return None
        return start

    def _blank_lines_between(self, mapping: MappingNode) -> bool:
        """Every entry after the first is set off from the one before by a blank line (as jobs often
        are): a new entry of several lines is too."""
        pairs = mapping.value
        if len(pairs) < 2:
            return False
        for (k0, v0), (k1, _) in zip(pairs, pairs[1:]):
            gap = self.text[line_end(self.text, self.value_end(k0, v0)) : line_start(self.text, k1.start_mark.index)]
            if not any(not ln.strip() for ln in gap.split("\n")[:-1]):
                return False
        return True

    def indent_unit(self, path: YamlPath) -> int:
        """How far this file indents a nested mapping, learnt from the nearest block mapping."""
        for depth in range(len(path), -1, -1):
            try:
                node = self.doc.node(path[:depth])
            except (KeyError, Unsupported):
                continue
            unit = _nested_offset(node)
            if unit:
                return unit
            if depth:
                try:
                    pair = self.doc.pair(path[:depth]) if isinstance(path[depth - 1], str) else None
                except Unsupported:
                    pair = None
                if pair and isinstance(pair[1], MappingNode) and not pair[1].flow_style and pair[1].value:
                    child = pair[1].value[0][0]
                    if child.start_mark.line > pair[0].start_mark.line:
                        return child.start_mark.column - pair[0].start_mark.column
        return 2


def _nested_offset(node: Any) -> Optional[int]:
    """Child-key column minus key column for a block mapping nested in `node`, if there is one."""
    mappings = []
    if isinstance(node, MappingNode) and not node.flow_style:
        mappings = [node]
    elif isinstance(node, SequenceNode) and not node.flow_style:
        mappings = [n for n in node.value if isinstance(n, MappingNode) and not n.flow_style]
    for m in mappings:
        for k, v in m.value:
            if isinstance(v, MappingNode) and not v.flow_style and v.value:
                child = v.value[0][0]
                if child.start_mark.line > k.start_mark.line and child.start_mark.column > k.start_mark.column:
                    return child.start_mark.column - k.start_mark.column
    return None
