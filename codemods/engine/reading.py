"""Read a file only when it is a regular file.

Opening a FIFO for reading waits for a writer and a device may never end, so a `release.yml` (or a
followed script) that is one would hang the run. The file is opened without blocking and checked with
`fstat` on the open descriptor, so it cannot be swapped between the check and the read.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Optional, Tuple


class NotRegularFile(OSError):
    """A FIFO, socket, device or folder where a file was expected."""


class TooLarge(OSError):
    """A file over the size the caller accepts (read no further)."""


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a special file"


def read_regular(path: Path, max_bytes: Optional[int] = None) -> Tuple[bytes, os.stat_result]:
    """The bytes and the stat of a regular file; NotRegularFile, TooLarge or another OSError otherwise."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(errno.EINVAL, f"{_kind(st.st_mode)}, not a regular file")
        if max_bytes is not None and st.st_size > max_bytes:
            raise TooLarge(errno.EFBIG, f"larger than {max_bytes} bytes")
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks), st
    finally:
        os.close(fd)


def read_regular_text(path: Path, errors: str = "strict") -> str:
    """The UTF-8 text of a regular file (line endings kept as they are)."""
    return read_regular(path)[0].decode("utf-8", errors)


def text_or_none(path: Path) -> Optional[str]:
    """read_regular_text, or None for a file that is missing, unreadable, not regular or not UTF-8: a file
    a workflow runs or names, which pubmode follows when it can and otherwise says it could not."""
    try:
        return read_regular_text(path)
    except (OSError, UnicodeDecodeError):
        return None
