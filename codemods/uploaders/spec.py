"""The description of one upload tool, in the parts each front end reads.

Detection finds the command, Credentials say what to take away for Trusted Publishing and what to
set for a token, IndexOptions say where it uploads, TrustedPublishing says whether and from which
version the tool does it itself, and ActionFallback how a tool without it hands over to
pypa/gh-action-pypi-publish.
"""
from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from codemods.indexes import PYPI, TESTPYPI, Index

Names = Tuple[str, ...]


@dataclass(frozen=True)
class Detection:
    """How the upload command is written: `tool subcommand …`, or a matcher of its own."""

    tool: str  # the program, after any wrapper (`python -m`, `pipx run`, `uvx`): "twine"
    subcommands: Names  # its upload subcommands: ("upload",)
    # A matcher for commands not of the form `tool subcommand` (`python setup.py … upload`): given the
    # command's word values, the index of the first argument after the upload subcommand, or None.
    match: Optional[Callable[[Sequence[str]], Optional[int]]] = None
    # argparse accepts any unambiguous prefix of a long option (`--pass` for `--password`); the
    # upload command's long options are listed so that ambiguity can be judged.
    abbreviations: bool = False
    long_options: Names = ()
    # True when, in this repository, the command runs the project's own code rather than the tool
    # (setup.py's `cmdclass` registering an `upload` command): then it is followed as a script.
    defers_to_project: Optional[Callable[[Path], bool]] = None
    # options that make the command upload nothing (`uv publish --dry-run`): such a command is no upload
    dry_run: Names = ()


@dataclass(frozen=True)
class Credentials:
    """Where the tool reads a password or token, and what to-token sets."""

    password_env: Names = ()
    user_env: Names = ()
    password_flags: Names = ()
    user_flags: Names = ()
    token_env: Tuple[Tuple[str, str], ...] = ()  # to-token: variables to set; "{secret}" is the secret
    # commands of the same script that store a credential for the upload (`poetry config pypi-token.pypi …`)
    stored_by: str = ""

    @property
    def variables(self) -> Names:
        return self.password_env + self.user_env


@dataclass(frozen=True)
class IndexOptions:
    """How the command names the index it uploads to."""

    url_env: Names = ()
    repo_env: Names = ()
    url_flags: Names = ()
    repo_flags: Names = ()
    repo_names: Tuple[Tuple[str, Index], ...] = (("pypi", PYPI), ("testpypi", TESTPYPI))
    # a command of the same script that names a repository: groups (name, URL)
    # (`poetry config repositories.NAME URL`)
    defined_by: str = ""

    def defined_in(self, script: str) -> Dict[str, str]:
        return dict(re.findall(self.defined_by, script)) if self.defined_by else {}


@dataclass(frozen=True)
class TrustedPublishing:
    """The tool publishes with Trusted Publishing itself."""

    min_version: Optional[Tuple[int, ...]] = None  # first version that does
    package: str = ""  # its name on PyPI, to find version pins
    # the oldest Python that first version installs on (its Requires-Python): on an older one pip
    # quietly installs an older release, which uploads without credentials
    min_python: Optional[Tuple[int, ...]] = None
    flags: Names = ()  # added by to-oidc so that a misconfiguration fails (`--trusted-publishing always`)
    # first version that does it in GitLab CI/CD (reading `PYPI_ID_TOKEN`), when later than `min_version`
    gitlab_min_version: Optional[Tuple[int, ...]] = None
    # it publishes with Trusted Publishing as user `__token__` (twine: twine/auth.py, when the user is `__token__`
    # and no password is given): a user variable holding `__token__` stands in no converted upload's way
    token_user: bool = False


class BuildsFirst(enum.Enum):
    """Whether the upload command also builds the distributions."""

    NEVER = "never"
    WITH_FLAG = "with-flag"  # when ActionFallback.build_flag is given (`poetry publish --build`)
    ALWAYS = "always"  # `flit publish`


@dataclass(frozen=True)
class ActionFallback:
    """A tool without Trusted Publishing: keep its build, upload `dist/` with the action."""

    build_command: str = ""  # what builds dist/ instead (`poetry build`); empty: never converted
    builds_first: BuildsFirst = BuildsFirst.NEVER
    build_flag: str = ""
    harmless_flags: Names = ()  # flags that mean nothing once the action uploads
    skip_existing_flags: Names = ()
    dist_flags: Names = ()  # flags naming the folder of distributions
    dists_as_arguments: bool = False  # the upload names its files as arguments (`twine upload dist/*`)
    advice: str = ""  # the change to make by hand when it is not made automatically; a default is built

    def builds(self, words: List[str]) -> bool:
        return self.builds_first is BuildsFirst.ALWAYS or (
            self.builds_first is BuildsFirst.WITH_FLAG and self.build_flag in words)


@dataclass(frozen=True)
class Uploader:
    """What pubmode knows about one upload tool."""

    name: str
    detection: Detection
    credentials: Credentials
    index: IndexOptions = IndexOptions()
    trusted: Optional[TrustedPublishing] = None  # None: the tool cannot publish with Trusted Publishing
    fallback: ActionFallback = ActionFallback()
    note: str = ""  # said in the report whenever the tool is converted

    @property
    def tool(self) -> str:
        return self.detection.tool

    @property
    def oidc_flags(self) -> Names:
        return self.trusted.flags if self.trusted else ()

    @property
    def instead(self) -> str:
        """What to do instead of this tool's upload, for a tool without Trusted Publishing (what to-oidc
        does when the script allows, and what the doctor advises)."""
        if self.fallback.advice:
            return self.fallback.advice
        build = self.fallback.build_command or "python -m build"
        return (f"keep the build (`{build}`), drop the upload, and add a step "
                "`uses: pypa/gh-action-pypi-publish@release/v1` that uploads `dist/`")
