"""What every publish step offers the planner, whatever publishes: the action, an upload command
in the step's script, or an upload in a file the step runs (`follow/indirect.py`); and finding the
first two in a workflow. `migrate.py` and the doctor read only this."""
from __future__ import annotations

from pathlib import Path
from typing import Any, List, Optional, Protocol, Sequence, Tuple

from codemods.engine.document import Document, YamlPath
from codemods.engine.edits import Edit
from codemods.indexes import Index
from codemods.publishers import gh_action, maturin_action, run_step
from codemods.publishers.change import StepChange
from codemods.workflow import jobs


class Publisher(Protocol):
    job_id: str
    step_index: int

    @property
    def path(self) -> YamlPath: ...
    @property
    def label(self) -> str: ...
    @property
    def targets(self) -> Tuple[Index, ...]: ...  # PyPI and/or TestPyPI; empty: another index
    @property
    def index_unknown(self) -> bool: ...  # the index is known only at run time
    @property
    def where(self) -> str: ...  # where the index is named, for messages
    @property
    def uses_token(self) -> bool: ...
    @property
    def dead_inputs(self) -> Sequence[Any]: ...  # `with:` keys the publisher does not have that carry a secret
    @property
    def trusted_capable(self) -> bool: ...  # can publish with Trusted Publishing once converted
    @property
    def needs_linux(self) -> bool: ...  # converted, it runs the (container) publish action
    @property
    def oidc_flag_stuck(self) -> bool: ...  # to-token cannot take its Trusted Publishing flag out
    @property
    def unresolved(self) -> Optional[str]: ...  # why what it runs may upload but cannot be read (None: it can)
    @property
    def oidc_reader(self) -> Optional[str]: ...  # a file it runs reads the job's OIDC token itself: where
    @property
    def shares_env_with(self) -> Optional[tuple]: ...  # uploads with one key share the step's token variables
    @property
    def followed_texts(self) -> Sequence[str]: ...  # files it runs, as they were (for the permissions they need)
    @property
    def minted(self) -> Sequence[Any]: ...  # credentials holding a token a step of the job mints (minted.py)

    def defers_to_project(self, root: Path) -> bool: ...
    def ref_edit(self, doc: Document) -> Optional[Edit]: ...  # a ref without Trusted Publishing support, moved
    def to_oidc(self, doc: Document, reusable: bool, converted: List[YamlPath]) -> StepChange: ...
    def to_token(self, doc: Document, secret: str) -> StepChange: ...
    def token_warnings(self) -> List[str]: ...  # what stops working with a token


def find_publishing(doc: Document, root: Optional[Path] = None) -> List[Publisher]:
    """Every step of the workflow that uploads to a package index, in the order of the file; a credential
    holding a token the job mints from its OIDC token (read in local composite actions under `root`) is
    Trusted Publishing by hand, no API token."""
    from codemods.publishers import minted

    items: List[Publisher] = list(gh_action.find(doc)) + maturin_action.find_action(doc) + run_step.find(doc)
    minted.mark(doc, items, root)
    order = {job_id: n for n, (job_id, _) in enumerate(jobs(doc))}  # once, not once per item
    return sorted(items, key=lambda s: (order[s.job_id], s.step_index))
