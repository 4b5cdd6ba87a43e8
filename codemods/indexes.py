"""Package indexes: which upload URLs are PyPI or TestPyPI (Trusted Publishing), which are not."""
from __future__ import annotations

from dataclasses import dataclass
import re
from typing import List, Optional, Tuple

from codemods.workflow import EXPRESSION


@dataclass(frozen=True)
class Index:
    key: str  # also the default environment name
    title: str
    site: str
    upload_url: str


PYPI = Index("pypi", "PyPI", "https://pypi.org", "https://upload.pypi.org/legacy/")
TESTPYPI = Index("testpypi", "TestPyPI", "https://test.pypi.org", "https://test.pypi.org/legacy/")


def classify_url(url: Optional[object]) -> Optional[Index]:
    """PyPI for no URL or a pypi.org one, TestPyPI for test.pypi.org, None for any other index
    (Artifactory, a private or GitLab registry, or a URL hidden in an expression)."""
    if url is None or (isinstance(url, str) and not url.strip()):
        return PYPI
    text = str(url).strip().lower()
    if EXPRESSION.search(text):
        return None
    host = text.split("://", 1)[-1].split("/", 1)[0]
    if host == "test.pypi.org":
        return TESTPYPI
    if host in ("upload.pypi.org", "pypi.org", "pypi.python.org"):
        return PYPI
    return None


VARIABLE = re.compile(r"\b(?:env|vars|inputs|github\.event\.inputs)\.([A-Za-z_][A-Za-z0-9_-]*)")


def indexes_behind(expression: str, workflow_text: str) -> Tuple[Index, ...]:
    """The indexes an upload URL written as an expression can take, judging by the literal values
    the workflow assigns to the variables it names (`NAME=...` in a script, `NAME: ...` in a mapping,
    an input's `default:`). Empty when any value is another index or when no value is found."""
    found: List[Index] = []
    for name in set(VARIABLE.findall(expression)):
        pattern = re.escape(name)
        values = re.findall(rf"(?<![\w.-]){pattern}=['\"]?([^\s'\"#;]*)", workflow_text)
        values += re.findall(rf"(?<![\w.-]){pattern}:[ \t]+['\"]?([^\s'\"#]+)", workflow_text)
        values = [v for v in values if not v.startswith("${{")]
        defaults = re.findall(rf"(?m)^(\s*){pattern}:\s*\n((?:\1\s+.*\n)*)", workflow_text)
        for _, body in defaults:
            m = re.search(r"default:\s*['\"]?([^\s'\"#]*)", body)
            if m:
                values.append(m.group(1))
        if not values:
            return ()
        for value in values:
            index = classify_url(value)
            if index is None:
                return ()
            if index not in found:
                found.append(index)
    return tuple(found)
