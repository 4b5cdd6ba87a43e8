"""Write a file so that readers see the old bytes or the new ones, never half a file."""
from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from pathlib import Path
from typing import Optional

from codemods.engine.reading import read_regular
from codemods.errors import InputError


TMP_SUFFIX = ".pubmode-tmp"
STARTED = time.time()  # temporary files older than this run are left over by a run that was killed


def remove_stale_temporaries(target: Path, before: float = STARTED) -> None:
    """Delete our own temporary copies of `target` (`.NAME.XXXXXXXX.pubmode-tmp`, as `mkstemp` names
    them) that a run stopped by SIGKILL left behind: regular files only, older than `before`."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[A-Za-z0-9_]{{8}}{re.escape(TMP_SUFFIX)}")
    try:
        names = [n for n in os.listdir(target.parent) if pattern.fullmatch(n)]
    except OSError:
        return
    for name in names:
        path = target.parent / name
        try:
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode) and st.st_mtime < before:
                os.unlink(path)
        except OSError:
            pass


def atomic_write(path: Path, data: bytes, expected_old: bytes, mode: int, root: Optional[Path] = None) -> None:
    """Replace `path` with `data` via a temporary file in the same folder, keeping its mode.

    Refuses when the file no longer holds `expected_old` (edited by someone else meanwhile), and, given
    the repository's `root`, when `path` now leads out of it (a link put in its place since it was read).
    """
    target = Path(os.path.realpath(path))
    if root is not None and not inside(target, root):
        raise InputError(path, None, "now leads outside the repository (replaced by a link since it was read); "
                         "not written")
    if not os.access(target, os.W_OK) or not os.stat(target).st_mode & 0o222:  # also for root
        raise InputError(path, None, "the file is read-only; not changed")
    try:
        if read_regular(target)[0] != expected_old:
            raise InputError(path, None, "the file changed on disk while pubmode was working; not overwritten")
    except OSError as e:
        raise InputError(path, None, f"cannot read back before writing: {e.strerror or e}") from None
    remove_stale_temporaries(target)
    tmp = None
    try:
        with _stop_signals_deferred():  # a stop between creating the file and knowing its name leaks it
            import tempfile  # only when writing: a dry run or a check does not need it

            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TMP_SUFFIX, dir=target.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, stat.S_IMODE(mode))
        os.replace(tmp, target)
        tmp = None
    except OSError as e:
        raise InputError(path, None, f"cannot write: {e.strerror or e}") from None
    finally:
        if tmp is not None:  # stopped or failed before the replace: the old file stands, the copy goes
            try:
                os.unlink(tmp)
            except OSError:
                pass


def inside(real: Path, root: Path) -> bool:
    """True when the resolved path `real` is `root` or under it (`root` resolved too)."""
    top = Path(os.path.realpath(root))
    return real == top or top in real.parents


@contextlib.contextmanager
def _stop_signals_deferred():
    """Hold SIGINT and SIGTERM until the block is done (they are delivered right after)."""
    import signal

    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def exit_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so a write in progress removes its temporary file (as on Ctrl-C)."""
    import signal
    import sys

    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))
