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

from codemods.engine.document import Document, _AliasRecordingComposer, _problem_line, _problem_text
from codemods.errors import InputError


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
        return [d for d in yaml.load_all(text) if d is not None]
    except YAMLError as e:
        raise InputError(path, _problem_line(e), _problem_text(e)) from None
    except RecursionError:
        raise InputError(path, None, "nesting too deep") from None


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
            nodes = [d for d in yaml.compose_all(text) if d is not None]
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
