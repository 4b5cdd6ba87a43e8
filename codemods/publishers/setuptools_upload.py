"""`python setup.py … upload`: removed from setuptools in 42.0.0; never converted, always reported."""
import re
from typing import List, Optional

from codemods.publishers.uploaders import Uploader
from codemods.shell import Word


def _match(words: List[Word]) -> Optional[int]:
    vals = [w.value for w in words]
    for i, v in enumerate(vals[:-1]):
        if v.endswith("setup.py") and i > 0 and re.fullmatch(r"(.*/)?python[0-9.]*|py", vals[i - 1]):
            if "upload" in vals[i + 1:]:
                return vals.index("upload", i + 1) + 1
    return None


UPLOADER = Uploader(
    name="setup.py upload",
    tool="setup.py",
    subcommands=("upload",),
    trusted=False,
    password_flags=("-p", "--password"),
    user_flags=("-u", "--username"),
    url_flags=("-r", "--repository"),
    match=_match,
)
