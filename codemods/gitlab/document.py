"""A `.gitlab-ci.yml` as the engine reads it: GitLab's `!reference [.job, key]` tags and the header of a
pipeline or CI/CD component with inputs (`spec: inputs:` then `---`) are part of the language.

The header is read and kept (it is never edited); the pipeline is the document after it, located
in the same text, so splices and verification work as for a GitHub workflow. A `!reference` is
kept as a `Reference` (a list of its path), compared like any other value by verification.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, List, Optional

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode

from codemods.engine.document import (Document, _AliasRecordingComposer, _problem_line, _problem_text, pure_read,
                                      unreadable_value)
from codemods.errors import InputError


class At(str):
    """A top-level key (a job, a hidden template, `variables`, `default`) of another file of the same
    pipeline, carrying that file's document. It equals the plain key (messages read the same); a path
    that starts with one is read, located and edited in that file (`GitLabDocument` routes it), so a
    plan over the whole pipeline is one list of edits, split by file when it is rendered."""

    doc: "GitLabDocument"

    def __new__(cls, key: str, doc: "GitLabDocument") -> "At":
        s = str.__new__(cls, key)
        s.doc = doc
        return s

    def __reduce__(self):  # results cross process boundaries (--jobs): the plain key
        return (str, (str(self),))


def plain_path(path):
    return tuple(str(k) if isinstance(k, At) else k for k in path)


class Reference(list):
    """`!reference [.template, script]`: GitLab fills it in from another job when it reads the file."""


class _Constructor(SafeConstructor):
    pass


def _reference(constructor: SafeConstructor, node: Any) -> Reference:
    return Reference(constructor.construct_sequence(node, deep=True))


_Constructor.add_constructor("!reference", _reference)


def load_pipeline(text: str, path: Optional[Path] = None) -> List[Any]:
    """The plain data of every YAML document of the text (the header and the pipeline)."""
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = _Constructor
    try:
        return [d for d in pure_read(lambda t: list(yaml.load_all(t)), text) if d is not None]
    except YAMLError as e:
        raise InputError(path, _problem_line(e), _problem_text(e)) from None
    except RecursionError:
        raise InputError(path, None, "nesting too deep") from None
    except Exception as e:  # noqa: BLE001 - a value the constructor cannot make (ValueError, KeyError…)
        raise unreadable_value(text, e, path) from None


def _body(docs: List[Any], path: Optional[Path]) -> Any:
    if len(docs) == 2 and isinstance(docs[0], dict) and set(docs[0]) == {"spec"}:
        return docs[1]
    if len(docs) > 1:
        raise InputError(path, None, "several YAML documents, and the first is not a `spec:` header; "
                         "not a GitLab CI/CD configuration")
    return docs[0] if docs else None


class GitLabDocument(Document):
    """A GitLab CI/CD configuration: the pipeline document, its optional `spec:` header apart."""

    def __init__(self, text: str, path: Optional[Path] = None):
        self.text, self.path = text, path
        yaml = YAML(typ="safe", pure=True)
        yaml.Composer = _AliasRecordingComposer
        try:
            nodes = [d for d in pure_read(lambda t: list(yaml.compose_all(t)), text) if d is not None]
        except YAMLError as e:
            raise InputError(path, _problem_line(e), _problem_text(e)) from None
        except RecursionError:
            raise InputError(path, None, "nesting too deep") from None
        self.header: Optional[dict] = None
        if len(nodes) == 2 and isinstance(nodes[0], MappingNode):
            self.header_node, node = nodes[0], nodes[1]
        elif len(nodes) > 2:
            raise InputError(path, nodes[2].start_mark.line + 1, "more than two YAML documents; "
                             "not a GitLab CI/CD configuration")
        else:
            node = nodes[0] if nodes else None
        if not isinstance(node, MappingNode):
            raise InputError(path, node.start_mark.line + 1 if node is not None else None,
                             "not a GitLab CI/CD configuration: the file is not a YAML mapping")
        self.root = node
        self._key_index: dict = {}
        self._check_size()
        from codemods.engine.document import AliasRef, walk_nodes

        self._shared = {id(n.target) for n in walk_nodes(self.root) if isinstance(n, AliasRef)}
        docs = load_pipeline(text, path)
        self.data = _body(docs, path)
        if len(docs) == 2:
            self.header = docs[0]

    def load(self, text: str) -> Any:
        return _body(load_pipeline(text, self.path), self.path)

    # ---- the pipeline: the other files this one includes (set on the top-level pipeline) ----------
    others: List["GitLabDocument"] = []
    unread: List[str] = []  # the includes of other projects, remote URLs, components, missing files
    shown: str = ".gitlab-ci.yml"

    def docs(self) -> List["GitLabDocument"]:
        """This file then the files it includes, in the order GitLab reads them."""
        return [self] + [d for d in self.others if d is not self]

    def key(self, doc: "GitLabDocument", name: str) -> str:
        """A top-level key of one of the pipeline's files, as paths of this document address it."""
        return name if doc is self else At(name, doc)

    def resolve(self, name: str) -> Optional[str]:
        """Where a hidden job (template) named in `extends:` is defined: this file first, then the files it
        includes (GitLab merges them all into one configuration); None when no file read holds it."""
        for d in self.docs():
            if isinstance(d.data, dict) and isinstance(d.data.get(name), dict):
                return self.key(d, name)
        return None

    def file_of(self, path) -> "GitLabDocument":
        return path[0].doc if path and isinstance(path[0], At) else self

    def _route(self, path):
        if path and isinstance(path[0], At) and path[0].doc is not self:
            return path[0].doc, plain_path(path)
        return None, path

    def node(self, path):
        other, path = self._route(path)
        return other.node(path) if other is not None else Document.node(self, path)

    def pair(self, path):
        other, path = self._route(path)
        return other.pair(path) if other is not None else Document.pair(self, path)

    def get(self, path, default: Any = None) -> Any:
        other, path = self._route(path)
        return other.get(path, default) if other is not None else Document.get(self, path, default)

    def line_of(self, path):
        other, path = self._route(path)
        return other.line_of(path) if other is not None else Document.line_of(self, path)

    def check_editable(self, path) -> None:
        other, path = self._route(path)
        return other.check_editable(path) if other is not None else Document.check_editable(self, path)

    def split_edits(self, edits) -> dict:
        """The edits by the file they change (this document's own first), their paths made plain."""
        import dataclasses

        out: dict = {self: []}
        for e in edits:
            doc = self.file_of(e.path)
            out.setdefault(doc, []).append(dataclasses.replace(e, path=plain_path(e.path)) if doc is not self else e)
        return out

    def data_after(self, edits) -> dict:
        """Each file's data with the edits made, by document."""
        from codemods.engine.edits import apply_to_data

        return {d: apply_to_data(d.data, es) for d, es in self.split_edits(edits).items()}
