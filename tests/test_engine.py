"""The splice engine on its own: each edit shape as a before/after pair, plus refusals."""
from __future__ import annotations

import pytest

from codemods.engine.document import Document
from codemods.engine.edits import Commented, Remove, Replace, Set
from codemods.engine.source import Source
from codemods.engine.splice import render
from codemods.engine.verify import verify
from codemods.errors import InputError, Unsupported, VerificationError


def apply(text: str, *edits) -> str:
    doc = Document(text)
    new = render(doc, list(edits))
    verify(doc, list(edits), new)
    return new


@pytest.mark.parametrize(
    "before, edits, after",
    [
        pytest.param("a:\n  b: 1  # why\n  c: 2\n", [Remove(("a", "b"))], "a:\n  c: 2\n", id="remove-takes-eol-comment"),
        pytest.param("a:\n  # above\n  b: 1\n  # below\n  c: 2\n", [Remove(("a", "b"))],
                     "a:\n  # above\n  # below\n  c: 2\n", id="remove-keeps-full-line-comments"),
        pytest.param("a:\n  b: 1\n  c:\n    d: 1\n    # inner\n    e: 2\n", [Remove(("a", "c"))],
                     "a:\n  b: 1\n", id="remove-nested-takes-inner-comment"),
        pytest.param("a:\n  b: 1\n  c:\n    # why c\n    d: 1\n  # heads e\n    e: 2\n  f: 3\n", [Remove(("a", "c"))],
                     "a:\n  b: 1\n  # heads e\n  f: 3\n", id="remove-nested-keeps-a-comment-no-deeper-than-its-key"),
        pytest.param("j:\n  x: 1\n\n  p:\n    # mandatory\n    i: w  # why\n\n  s: 2\n", [Remove(("j", "p"))],
                     "j:\n  x: 1\n\n  s: 2\n", id="remove-nested-set-off-by-blanks"),
        pytest.param("a: {x: 1, y: 2, z: 3}\n", [Remove(("a", "y"))], "a: {x: 1, z: 3}\n", id="flow-middle"),
        pytest.param("a: { x: 1, y: 2 }\n", [Remove(("a", "y"))], "a: { x: 1 }\n", id="flow-last"),
        pytest.param("a: {x: 1, y: 2}\n", [Remove(("a", "x"))], "a: {y: 2}\n", id="flow-first"),
        pytest.param("a: {\n  x: 1,  # why x\n  y: 2  # why y\n}\n", [Remove(("a", "y"))],
                     "a: {\n  x: 1  # why x\n}\n", id="flow-multiline-last-keeps-previous-comment"),
        pytest.param("a: {\n  x: 1,  # why x\n  y: 2,  # why y\n}\n", [Remove(("a", "y"))],
                     "a: {\n  x: 1,  # why x\n}\n", id="flow-multiline-last-with-trailing-comma"),
        pytest.param("a: {\n  x: 1,\n  # about y\n  y: 2\n}\n", [Remove(("a", "x"))],
                     "a: {\n  # about y\n  y: 2\n}\n", id="flow-multiline-first-keeps-comment-line"),
        pytest.param("a: {x: 1, # c\n y: 2}\n", [Remove(("a", "y"))], "a: {x: 1 # c\n }\n",
                     id="flow-last-keeps-comment-between"),
        pytest.param("s:\n- x: 1\n  y: 2\n", [Remove(("s", 0, "x"))], "s:\n- y: 2\n", id="dash-line-slides"),
        pytest.param("a:\n  b: 1\n  c: 2", [Remove(("a", "c"))], "a:\n  b: 1", id="no-final-newline-kept"),
        pytest.param("a:\r\n  b: 1\r\n  c: 2\r\n", [Set(("a", "d"), "x")], "a:\r\n  b: 1\r\n  c: 2\r\n  d: x\r\n",
                     id="crlf-insert"),
        pytest.param("a:\n    b: 1\n", [Set(("a", "c"), {"d": "e"})], "a:\n    b: 1\n    c:\n        d: e\n",
                     id="insert-takes-local-indent"),
        pytest.param("x:\n  y: 1\na:\n    b: 1\n", [Set(("a", "c"), {"d": "e"})],
                     "x:\n  y: 1\na:\n    b: 1\n    c:\n        d: e\n", id="indent-detected-per-block"),
        pytest.param("a:\n  b: 1\n  c: 2\n", [Set(("a", "n"), "v", after=("b",))], "a:\n  b: 1\n  n: v\n  c: 2\n",
                     id="insert-after-sibling"),
        pytest.param("a: {}\n", [Set(("a", "k"), "v")], "a: {k: v}\n", id="flow-empty-insert"),
        pytest.param("a: { }\n", [Set(("a", "k"), "v"), Set(("a", "j"), "w")], "a: { k: v, j: w }\n",
                     id="flow-empty-two-inserts"),
        pytest.param("a: { b: 1 }\n", [Set(("a", "k"), "${{ x }}")], 'a: { b: 1, k: "${{ x }}" }\n',
                     id="flow-quotes-expression"),
        pytest.param("a:\n  p: read-all  # c\n", [Set(("a", "p"), {"x": "read"})], "a:\n  p:  # c\n    x: read\n",
                     id="scalar-to-block"),
        pytest.param("a:\n  p:\n    x: 1\n    y: 2\nz: 1\n", [Set(("a", "p"), {})], "a:\n  p: {}\nz: 1\n",
                     id="block-to-empty-flow"),
        pytest.param("a:\n  p:  # k\n    # c\n    x: 1\n\n      # d\n    y: 2\n  # after\nz: 1\n", [Set(("a", "p"), {})],
                     "a:\n  p: {}  # k\n  # after\nz: 1\n", id="block-to-empty-flow-takes-its-comments"),
        pytest.param("u: 'a@master'  # pin\n", [Set(("u",), "a@release/v1")], "u: 'a@release/v1'  # pin\n",
                     id="set-keeps-quotes-and-comment"),
        pytest.param("u: a@v1  # v1.4.2\nx: 1\n", [Set(("u",), Commented("a@release/v1", ""))], "u: a@release/v1\nx: 1\n",
                     id="set-drops-the-comment-of-the-old-value"),
        pytest.param("u: 'a@v1' # v1.4.2\r\n", [Set(("u",), Commented("a@v2", "v2.0.0", " "))], "u: 'a@v2' # v2.0.0\r\n",
                     id="set-replaces-the-comment-of-the-old-value"),
        pytest.param("u: a@v1\n", [Set(("u",), Commented("a@v2", "v2.0.0"))], "u: a@v2  # v2.0.0\n",
                     id="set-gives-a-comment"),
        pytest.param("u: a#b\n", [Set(("u",), Commented("c", ""))], "u: c\n", id="set-a-hash-inside-a-value-is-no-comment"),
        pytest.param("a:\n  b: 1", [Set(("a", "c"), 2)], "a:\n  b: 1\n  c: 2", id="append-without-final-newline"),
        pytest.param("x: &x {k: 1}\na:\n  b: 1\n", [Set(("a", "c"), 2)], "x: &x {k: 1}\na:\n  b: 1\n  c: 2\n",
                     id="anchor-untouched"),
        pytest.param("a:\n  r: |\n    x\n  e: 1", [Remove(("a", "e"))], "a:\n  r: |\n    x\n",
                     id="remove-last-line-after-block-string-keeps-its-line-break"),
        pytest.param("a:\n  r: |-\n    x\n  e: 1", [Remove(("a", "e"))], "a:\n  r: |-\n    x",
                     id="remove-last-line-after-stripped-block-string"),
        pytest.param("a:\n  r: |\n    x", [Set(("a", "c"), 2)], "a:\n  c: 2\n  r: |\n    x",
                     id="add-goes-before-block-string-ending-the-file"),
        pytest.param("a:\n  r: |\n    x", [Set(("a", "c"), 2), Set(("a", "d"), 3)], "a:\n  c: 2\n  d: 3\n  r: |\n    x",
                     id="two-adds-go-before-block-string-ending-the-file"),
        pytest.param("a:\n  r: >+2\n    x", [Set(("a", "c"), 2)], "a:\n  c: 2\n  r: >+2\n    x",
                     id="add-goes-before-kept-folded-string-ending-the-file"),
        pytest.param("a:\n  - r: |\n      x", [Set(("a", 0, "c"), 2)], "a:\n  - r: |-\n      x\n    c: 2",
                     id="append-after-block-string-on-a-nested-dash-line-ending-the-file"),
        pytest.param("a:\n  r: |+\n    x\n\n  e: 1\n", [Set(("a", "n"), "v", after=("r",))],
                     "a:\n  r: |+\n    x\n\n  n: v\n  e: 1\n", id="insert-after-kept-block-string"),
        pytest.param("a:\n  r: |+\n    x\n\n  e: 1\n", [Remove(("a", "r"))], "a:\n  e: 1\n",
                     id="remove-kept-block-string-with-its-blank-lines"),
        pytest.param("a:\n  b: 1\n", [Set(("a", "c"), {"x": {"y": ["p", 1, {"q": [True]}]}, "z": []})],
                     "a:\n  b: 1\n  c:\n    x:\n      y: [p, 1, {q: [true]}]\n    z: []\n",
                     id="insert-mapping-holding-lists"),
        pytest.param("a: {b: 1}\n", [Set(("a", "c"), {"y": ["p", "q r"]})], "a: {b: 1, c: {y: [p, q r]}}\n",
                     id="insert-flow-mapping-holding-a-list"),
        pytest.param("a: {  # none yet\n  }\n", [Set(("a", "k"), "v"), Set(("a", "j"), "w")],
                     "a: {  # none yet\n  k: v, j: w\n  }\n", id="flow-empty-with-comment-keeps-it"),
        pytest.param("x:\r\n  a: {\r\n    # none yet\r\n  }\r\n", [Set(("x", "a", "k"), "v")],
                     "x:\r\n  a: {\r\n    # none yet\r\n    k: v\r\n  }\r\n", id="flow-empty-with-comment-line-crlf"),
    ],
)
def test_edit(before: str, edits, after: str) -> None:
    assert apply(before, *edits) == after


def test_no_edits_is_byte_identical() -> None:
    text = "\ufeff---\r\non:  push   \r\njobs: {a: [ 1 ]}"
    assert render(Document(text), []) == text


def test_edit_inside_an_aliased_node_is_refused() -> None:
    text = "base: &b\n  k: 1\nuse: *b\n"
    with pytest.raises(Unsupported, match="anchor"):
        render(Document(text), [Set(("base", "j"), 2)])


def test_edit_through_an_alias_is_refused() -> None:
    text = "base: &b\n  k: 1\nuse: *b\n"
    with pytest.raises(Unsupported, match="alias"):
        render(Document(text), [Remove(("use", "k"))])


def test_merge_key_value_is_refused() -> None:
    text = "base: &b\n  k: 1\nuse:\n  <<: *b\n  j: 2\n"
    with pytest.raises(Unsupported, match="merge"):
        render(Document(text), [Remove(("use", "k"))])


def test_verification_catches_a_wrong_splice() -> None:
    doc = Document("a:\n  b: 1\n")
    with pytest.raises(VerificationError):
        verify(doc, [Remove(("a", "b"))], "a:\n  b: 2\n")


@pytest.mark.parametrize(
    "before, wrong",
    [
        pytest.param("a:\n  b: 1\nc: x\n", "a: {}\nc: X\n", id="one-character-of-an-untouched-value"),
        pytest.param("a:\n  b: 1\nc: 1\n", "a: {}\nc: '1'\n", id="int-became-string"),
        pytest.param("a:\n  b: 1\nc: 1\n", "a: {}\nc: 1.0\n", id="int-became-float"),
        pytest.param("a:\n  b: 1\nc: 1\n", "a: {}\nc: true\n", id="int-became-bool"),
        pytest.param("a:\n  b: 1\nc: |+\n  x\n\n", "a: {}\nc: |+\n  x\n", id="keep-chomping-lost-a-line"),
        pytest.param("a:\n  b: 1\n1: x\n", "a: {}\n'1': x\n", id="key-type-changed"),
        pytest.param("a:\n  b: 1\nc: [x, y]\n", "a: {}\nc: [y, x]\n", id="sequence-reordered"),
    ],
)
def test_verification_sees_values_and_types(before: str, wrong: str) -> None:
    """A splice that changes anything outside its edits is refused (DeepDiff at verbose_level=0 saw none
    of these)."""
    doc = Document(before)
    verify(doc, [Remove(("a", "b"))], "a: {}\n" + before.split("\n", 2)[2])  # the right splice passes
    with pytest.raises(VerificationError):
        verify(doc, [Remove(("a", "b"))], wrong)


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"a: [\n", "invalid YAML"),
        (b"- 1\n", "not a workflow"),
        (b"", "not a workflow"),
        (b"a: 1\n---\nb: 2\n", "several YAML documents"),
        (b"a: 1\na: 2\n", "invalid YAML"),
        (b"\xff\xfe", "not UTF-8"),
        (b"a: \x00", "binary"),
    ],
)
def test_bad_input_is_an_input_error(raw: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        Document(Source.from_bytes(None, raw).text)


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    with pytest.raises(InputError, match="too many nodes"):
        Document("\n".join(lines) + "\n")


def test_file_over_the_size_limit_is_refused(tmp_path) -> None:
    from codemods.engine.source import MAX_BYTES

    big = tmp_path / "big.yml"
    big.write_bytes(b"a: 1\n" + b"#" * MAX_BYTES)
    with pytest.raises(InputError, match="larger than"):
        Source.read(big)


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(InputError, match="nesting too deep|invalid YAML"):
        Document("a: " + "[" * 5000 + "]" * 5000 + "\n")


BLOCK_HEADERS = [s + c for s in "|>" for c in ("", "-", "+", "2", "2-", "-2", "2+", "+2")]
BLOCK_TAILS = ["", "\n", "\n\n", " \n", "      \n", "    \t\n", "\n      \n", "      \n\n"]


@pytest.mark.parametrize("header", BLOCK_HEADERS)
def test_edits_beside_a_block_string_keep_its_value(header: str) -> None:
    """Every chomping style, with and without an indentation indicator, followed by blank lines, lines
    of spaces longer than its indentation (content, not blank) or a tab; in the middle of a mapping or
    ending the file, with and without a final newline: an entry added after it, the next entry removed,
    the string itself removed. Each gives a verified text (or a refusal), never a changed value."""
    texts = set()
    for tail in BLOCK_TAILS:
        body = f"a:\n  p: 0\n  r: {header}\n    x\n     y\n{tail}"
        texts |= {body + "  e: 1\n", body + "  e: 1", body, body.rstrip("\n")}
    failures = []
    for text in sorted(texts):
        edits = [[Set(("a", "n"), "v", after=("r",))], [Set(("a", "n"), "v")], [Remove(("a", "r"))]]
        if "e: 1" in text:
            edits.append([Remove(("a", "e"))])
        for edit in edits:
            try:
                apply(text, *edit)
            except Unsupported:
                pass
            except (VerificationError, InputError) as e:
                failures.append((text, edit, str(e)[:90]))
    assert not failures, "\n".join(map(repr, failures[:10])) + f"\n{len(failures)} failures"


# ---- new jobs and steps (migrate to-oidc --split-jobs) --------------------------------------------
from codemods.engine.edits import Insert, apply_to_data  # noqa: E402

JOBS = """jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: python -m build  # build
      - name: Publish
        # the token
        uses: pypa/gh-action-pypi-publish@release/v1  # pinned
      - name: After
        run: echo done
"""


@pytest.mark.parametrize(
    "before, edits, after",
    [
        pytest.param(JOBS, [Remove(("jobs", "build", "steps", 2))],
                     JOBS.replace("      - name: Publish\n        # the token\n        uses: pypa/gh-action-pypi-publish"
                                  "@release/v1  # pinned\n", ""), id="remove-item-with-inner-comment"),
        pytest.param("s:\n- a: 1\n\n- b: 2\n\nt: 1\n", [Remove(("s", 1))], "s:\n- a: 1\n\nt: 1\n",
                     id="remove-item-takes-doubled-blank-line"),
        pytest.param("s:\n  - a: 1\n\n  - b: 2\n  - c: 3\n", [Remove(("s", 1))], "s:\n  - a: 1\n\n  - c: 3\n",
                     id="remove-item-keeps-single-blank-line"),
        pytest.param(JOBS, [Set(("jobs", "build", "steps", 2), {"uses": "actions/upload-artifact@v4",
                                                               "with": {"name": "dist", "path": "dist/"}})],
                     JOBS.replace("      - name: Publish\n        # the token\n        uses: pypa/gh-action-pypi-publish"
                                  "@release/v1  # pinned\n",
                                  "      - uses: actions/upload-artifact@v4\n        with:\n          name: dist\n"
                                  "          path: dist/\n"), id="replace-item-in-place"),
        pytest.param("s:\r\n-   a: 1\r\n-   b: 2  # old\r\n", [Set(("s", 1), {"c": 3, "d": {"e": 4}})],
                     "s:\r\n-   a: 1\r\n-   c: 3\r\n    d:\r\n      e: 4\r\n", id="replace-item-crlf-wide-dash"),
        pytest.param("jobs:\n  a:\n    steps:\n    - run: x\n\n  b:\n    steps:\n    - run: y\n",
                     [Set(("jobs", "c"), {"needs": "a", "steps": [{"uses": Commented("x/y@" + "0" * 40, "v1.2.3")},
                                                                   {"run": "z", "with": {"k": True}}]},
                          after=("a",))],
                     "jobs:\n  a:\n    steps:\n    - run: x\n\n  c:\n    needs: a\n    steps:\n    - uses: x/y@"
                     + "0" * 40 + "  # v1.2.3\n    - run: z\n      with:\n        k: true\n\n  b:\n    steps:\n"
                     "    - run: y\n", id="new-job-follows-list-style-and-blank-lines"),
        pytest.param("jobs:\n  a:\n    steps:\n      - run: x\n  b:\n    steps:\n      - run: y\n",
                     [Set(("jobs", "c"), {"needs": ["a", "b"], "steps": [{"run": "z"}]})],
                     "jobs:\n  a:\n    steps:\n      - run: x\n  b:\n    steps:\n      - run: y\n  c:\n"
                     "    needs: [a, b]\n    steps:\n      - run: z\n", id="new-job-no-blank-lines"),
        pytest.param("s:\n- a: 1\n  z: 0\n- b: 2\n- c: 3\n- d: 4\n",
                     [Remove(("s", 1)), Insert(("s",), 3, {"x": 1}), Set(("s", 3, "d"), 5), Remove(("s", 0, "a")),
                      Insert(("s",), 1, {"y": [1, 2]})],
                     None, id="list-changes-use-original-positions"),
    ],
)
def test_new_items_and_jobs(before: str, edits, after) -> None:
    if after is None:  # only the agreement of text and data matters
        new = apply(before, *edits)
        assert Document(new).data == apply_to_data(Document(before).data, edits)
        return
    assert apply(before, *edits) == after


def test_removing_the_only_item_is_refused() -> None:
    with pytest.raises(Unsupported):
        render(Document("s:\n- a: 1\n"), [Remove(("s", 0))])


def test_commented_value_is_plain_in_the_data() -> None:
    doc = Document("a:\n  b: 1\n")
    assert apply_to_data(doc.data, [Set(("a", "c"), {"u": Commented("x", "v1")})]) == {"a": {"b": 1, "c": {"u": "x"}}}


def test_new_list_items_follow_the_files_blank_lines() -> None:
    text = "jobs:\n  a:\n    steps:\n    - run: x\n\n    - run: y\n"
    new = apply(text, Set(("jobs", "b"), {"steps": [{"run": "z"}, {"run": "w"}]}))
    assert new == text + "  b:\n    steps:\n    - run: z\n\n    - run: w\n"


def test_a_new_job_goes_past_the_comments_indented_into_the_job_before() -> None:
    text = ("jobs:\n  build:\n    steps:\n      - run: make\n\n    #   - name: Release\n    #     run: gh release create\n"
            "# the end\n")
    new = render(Document(text), [Set(("jobs", "publish"), {"runs-on": "ubuntu-latest"}, after=("build",))])
    assert new == ("jobs:\n  build:\n    steps:\n      - run: make\n\n    #   - name: Release\n"
                   "    #     run: gh release create\n  publish:\n    runs-on: ubuntu-latest\n# the end\n")


# Tabs between tokens: YAML allows a tab wherever it separates within a line; libyaml, GitHub and GitLab read
# such files, ruamel's pure scanner refuses them (jorisroovers/gitlint's ci.yml: `${{ a<TAB>== b }}`).
TABBED = {
    "a:\tb\n": {"a": "b"},
    "a: b\t\n": {"a": "b"},
    "a: b\t# c\n": {"a": "b"},
    "a: ${{ x\t== 1 }} # c\n": {"a": "${{ x == 1 }}"},
    "a: x \t\t y\n": {"a": "x    y"},
    "- a\t\n- b\n": None,  # not a mapping: read, then refused as no workflow
    "a:\n  - b\t\n  - 'c\td'\n": {"a": ["b", "c\td"]},  # a tab inside quotes is content, kept
    "a: |\n  x\ty\n": {"a": "x\ty\n"},  # and in a block scalar
}


@pytest.mark.parametrize("text", list(TABBED))
def test_tabs_that_separate_tokens_are_read(text) -> None:
    import yaml  # PyYAML's libyaml reader, the reference for what such a text means

    from codemods.engine.document import load_data

    expected = TABBED[text]
    if expected is None:
        with pytest.raises(InputError, match="not a YAML mapping"):
            Document(text)
        return
    doc = Document(text)
    assert doc.text == text and doc.data == expected == load_data(text)
    ref = yaml.load(text, Loader=yaml.CSafeLoader)
    # the same as libyaml's data but for a tab inside a plain scalar, which reads as a space
    assert str(ref).replace("\\t", " ") == str(expected).replace("\\t", " ")


@pytest.mark.parametrize("text, line", [("a:\n\tb: c\n", 2), ("\ta: b\n", 1), ("a:\n  b: c\t\n  d: e\t\n\t- f\n", 4),
                                        ("a:\n  b: c\n\t\n  d: e\n", 3)])  # a line of a tab alone: libyaml refuses it too
def test_a_tab_in_indentation_is_still_refused(text, line) -> None:
    with pytest.raises(InputError) as e:
        Document(text)
    assert e.value.line == line and "\\t" in e.value.message


def test_a_pipeline_with_tabs_between_tokens_is_read() -> None:
    from codemods.gitlab.document import GitLabDocument, load_pipeline

    text = "publish:\t# the upload\n  script:\n    - twine upload dist/*\t\n  variables:\n    TWINE_USERNAME:\t__token__\n"
    assert GitLabDocument(text).text == text
    assert load_pipeline(text) == [{"publish": {"script": ["twine upload dist/*"],
                                                "variables": {"TWINE_USERNAME": "__token__"}}}]


def test_a_cut_from_a_block_lines_first_word_keeps_its_indentation() -> None:
    # `TWINE_PASSWORD="$X" twine upload` loses its assignment: the line keeps its indentation; a cut of whole
    # lines (ending at the next line's start) still takes the indentation with it
    text = "jobs:\n  a:\n    steps:\n      - run: |\n          pip install twine\n          X=1 twine upload dist/*\n"
    doc = Document(text)
    path = ("jobs", "a", "steps", 0, "run")
    start = doc.data["jobs"]["a"]["steps"][0]["run"].index("X=1")
    out = render(doc, [Replace(path, start, start + 4, "")])
    assert out == text.replace("X=1 ", "")
    assert render(doc, [Replace(path, 0, start, "")]) == text.replace("          pip install twine\n", "")
