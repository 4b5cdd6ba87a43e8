"""Version pins of an uploader too old for Trusted Publishing (`twine==5.1.1`, `pdm<2.6`), and the
pin that replaces each: one reading for `to-oidc` (which raises them) and `doctor` (which warns)."""
from __future__ import annotations

import re
from typing import Iterator, Tuple

from codemods.uploaders.spec import Uploader


def too_old_pins(up: Uploader, script: str) -> Iterator[Tuple[re.Match, str]]:
    """(the pin, its replacement) for each pin in `script` below the first version with Trusted Publishing.
    `==`/`~=` move to that version; an upper bound below it goes (no `>`: the text is shell)."""
    tp = up.trusted
    if not tp or not tp.min_version or not tp.package:
        return
    minimum = ".".join(map(str, tp.min_version))
    pattern = re.compile(rf"(?<![\w.-]){re.escape(tp.package)}\s*(==|~=|<=|<)\s*([0-9][0-9.]*)", re.I)
    for m in pattern.finditer(script):
        op, ver = m.group(1), tuple(int(x) for x in m.group(2).strip(".").split(".") if x)
        if ver < tp.min_version if op in ("==", "~=") else ver <= tp.min_version:
            yield m, (f"{tp.package}{op}{minimum}" if op in ("==", "~=") else tp.package)
