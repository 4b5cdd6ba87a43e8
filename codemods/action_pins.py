"""The refs of the action steps pubmode writes, following the file: where its actions are pinned by commit
SHA, a SHA the file already has for that action (with its version comment); else a tag, said in the report
(pubmode never writes a SHA it has not seen). Used by --split-jobs and by the hand-over of an upload that
has no Trusted Publishing (poetry, rye) to the publish action."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

from codemods.engine.document import Document, YamlPath
from codemods.engine.edits import Commented
from codemods.publishers import gh_action
from codemods.workflow import jobs, steps

UPLOAD_ARTIFACT, DOWNLOAD_ARTIFACT = "actions/upload-artifact", "actions/download-artifact"
# The refs of the packaging guide's sample (publish-to-pypi.yml); a file's own ref of the same action
# wins when it can hand over artifacts this way (v4 and later).
DEFAULT_REFS = {UPLOAD_ARTIFACT: "v5", DOWNLOAD_ARTIFACT: "v6", gh_action.ACTION: gh_action.RECOMMENDED_REF}
SHA = re.compile(r"[0-9a-f]{40}")


class ActionPins:
    """The refs of new steps follow the file: where actions are pinned by commit SHA, a SHA the file
    already has for that action (with its version comment); else a tag, said in the report."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.warnings: List[str] = []
        self.uses: Dict[str, List[Tuple[str, Optional[str]]]] = {}
        for job_id, job in jobs(doc):
            for i, step in steps(job):
                uses = step.get("uses")
                if isinstance(uses, str) and "@" in uses:
                    name, _, ref = uses.strip().partition("@")
                    self.uses.setdefault(name.lower(), []).append((ref, doc.same_line_comment(("jobs", job_id, "steps", i, "uses"))))
        self.by_sha = any(SHA.fullmatch(ref) for refs in self.uses.values() for ref, _ in refs)

    def comment(self, path: YamlPath) -> Optional[Tuple[str, str]]:
        return self.doc.same_line_comment(path)

    def ref(self, action: str) -> Any:
        own = self.uses.get(action.lower(), [])
        shas = [(r, c) for r, c in own if SHA.fullmatch(r) and not (  # never a commit without Trusted Publishing
            action == gh_action.ACTION and gh_action.pin_without_trusted_publishing(r))]
        if self.by_sha and shas:
            ref, comment = shas[0]
            return Commented(f"{action}@{ref}", *comment) if comment else f"{action}@{ref}"
        tag = DEFAULT_REFS[action]
        usable = [r for r, _ in own if not SHA.fullmatch(r) and _major(r) >= 4] if action != gh_action.ACTION else []
        if usable:
            tag = usable[0]
        if self.by_sha:
            self.warnings.append(f"the file pins actions by commit SHA but has no pin of `{action}`: the new step uses "
                                 f"`@{tag}`; pin it by hand (pubmode never writes a SHA it has not seen)")
        return f"{action}@{tag}"


def _major(ref: str) -> int:
    m = re.match(r"v?(\d+)", ref.strip())
    return int(m.group(1)) if m else 0


def pins_of(doc: Document) -> ActionPins:
    """The document's pins, read once however many steps are handed over (a file of many jobs stays linear)."""
    pins = getattr(doc, "_action_pins", None)
    if pins is None:
        pins = ActionPins(doc)
        doc._action_pins = pins  # type: ignore[attr-defined]
    return pins
