"""`python setup.py … upload`: removed from setuptools in 42.0.0; never converted, always reported."""
import re
from pathlib import Path
from typing import Optional, Sequence

from codemods.engine.reading import text_or_none
from codemods.uploaders.registry import register
from codemods.uploaders.spec import ActionFallback, Credentials, Detection, IndexOptions, Uploader


def _match(values: Sequence[str]) -> Optional[int]:
    for i, v in enumerate(values[:-1]):
        if v.endswith("setup.py") and i > 0 and re.fullmatch(r"(.*/)?python[0-9.]*|py", values[i - 1]):
            if "upload" in values[i + 1:]:
                return list(values).index("upload", i + 1) + 1
    return None


def _custom_upload(root: Path) -> bool:
    """The project's setup.py registers its own `upload` command (the popular setup.py template does)."""
    text = text_or_none(root / "setup.py")
    return text is not None and re.search(r"cmdclass\s*=\s*\{[^}]*['\"]upload['\"]", text, re.S) is not None


UPLOADER = register(Uploader(
    name="setup.py upload",
    detection=Detection(tool="setup.py", subcommands=("upload",), match=_match, defers_to_project=_custom_upload),
    credentials=Credentials(password_flags=("-p", "--password"), user_flags=("-u", "--username")),
    index=IndexOptions(url_flags=("-r", "--repository")),
    fallback=ActionFallback(advice="`setup.py upload` was removed from setuptools (42.0.0): build with "
                                   "`python -m build`, then upload `dist/` with a "
                                   "`pypa/gh-action-pypi-publish@release/v1` step"),
))
