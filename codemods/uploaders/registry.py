"""The registry of upload tools (pyupgrade's plugin model: each module under `tools/` registers its
own `Uploader` on import), and everything derived from it: the tools, the credential variables,
the text patterns that pick out files worth reading.

The built-in tools load on first use; a test may register a toy uploader with `registered()`.
"""
from __future__ import annotations

import contextlib
import functools
import importlib
import pkgutil
import re
from typing import Dict, Iterator, List, Tuple

from codemods.uploaders.spec import Uploader

_REGISTERED: Dict[str, Uploader] = {}
_LOADED = False


def register(uploader: Uploader) -> Uploader:
    if uploader.name in _REGISTERED and _REGISTERED[uploader.name] is not uploader:
        raise ValueError(f"two uploaders are named {uploader.name!r}")
    _REGISTERED[uploader.name] = uploader
    _derived.cache_clear()
    return uploader


def _load_builtin() -> None:
    global _LOADED
    if not _LOADED:
        from codemods.uploaders import tools

        for module in pkgutil.iter_modules(tools.__path__):
            importlib.import_module(f"{tools.__name__}.{module.name}")
        _LOADED = True


def all_uploaders() -> Tuple[Uploader, ...]:
    """Every registered tool, in a fixed order (by name): what detection loops over."""
    return _derived()[0]


@contextlib.contextmanager
def registered(uploader: Uploader) -> Iterator[Uploader]:
    """`uploader` is registered for the length of the block (tests of the registry's reach)."""
    _load_builtin()
    register(uploader)
    try:
        yield uploader
    finally:
        del _REGISTERED[uploader.name]
        _derived.cache_clear()


@functools.lru_cache(maxsize=1)
def _derived() -> Tuple[Tuple[Uploader, ...], frozenset]:
    _load_builtin()
    ups = tuple(sorted(_REGISTERED.values(), key=lambda u: u.name))
    credentials = frozenset(v for u in ups for v in u.credentials.password_env
                            + tuple(n for n, _ in u.credentials.token_env))
    return ups, credentials


@functools.lru_cache(maxsize=8)
def _patterns(ups: Tuple[Uploader, ...]) -> Tuple[re.Pattern, re.Pattern]:
    tools = "|".join(sorted({re.escape(u.tool) for u in ups}, key=len, reverse=True)) or "(?!)"
    subs = "|".join(sorted({re.escape(s) for u in ups for s in u.detection.subcommands}, key=len, reverse=True))
    mention = re.compile(rf"(?<![\w.-])({tools})(?![\w-])")
    # a line naming a tool and, later on the same line, one of the upload subcommands
    upload_line = re.compile(rf"(?<![\w.-])({tools})(?![\w-])[^\n]*?(?<![\w-])({subs or '(?!)'})(?![\w-])")
    return mention, upload_line


def _chosen(trusted_only: bool) -> Tuple[Uploader, ...]:
    return tuple(u for u in all_uploaders() if u.trusted or not trusted_only)


def mentions_a_tool(text: str, trusted_only: bool = False) -> bool:
    """The text names an upload tool somewhere: worth a closer reading."""
    return _patterns(_chosen(trusted_only))[0].search(text) is not None


def upload_line(text: str, trusted_only: bool = False) -> bool:
    """A line of the text names a tool and then one of the upload subcommands."""
    return _patterns(_chosen(trusted_only))[1].search(text) is not None


def runs(up: Uploader, text: str) -> bool:
    """A line of the text runs this tool's upload."""
    return _patterns((up,))[1].search(text) is not None


def credential_variables() -> frozenset:
    """Every variable an uploader reads a password or token from, or that to-token sets."""
    return _derived()[1]


def by_name(name: str) -> Uploader:
    _load_builtin()
    return _REGISTERED[name]


def trusted_uploaders() -> List[Uploader]:
    return [u for u in all_uploaders() if u.trusted]
