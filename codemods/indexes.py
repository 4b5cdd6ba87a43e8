"""Package indexes: which upload URLs are PyPI or TestPyPI (Trusted Publishing), which are not."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

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
