"""TOML reading in one place: the standard library's tomllib from Python 3.11, tomli before it."""
from __future__ import annotations

import sys
from typing import Any, Dict


def loads(text: str) -> Dict[str, Any]:
    """The TOML document; raises ValueError (tomllib's TOMLDecodeError is one) when it is not TOML.
    The parser is imported here: most runs read no TOML file (start-up)."""
    if sys.version_info >= (3, 11):
        import tomllib as toml
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as toml
    return toml.loads(text)
