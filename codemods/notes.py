"""A line of the report with what the structured reports need to know about it.

The planners tell the user what they did in sentences (`Plan.changes`, `warnings`, `skipped`); the
text report prints them as they are. The markdown and JSON reports also want the job a sentence is
about, why the change is made, and the doctor finding id of a refusal: a `Note` is the sentence (a
`str`, so the text report is unchanged) carrying those fields, set where the sentence is made, never
read back out of its words.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterable, Iterator, List, Optional, Tuple


TOKEN_SET_BY_HAND = "token-set-by-hand"  # kind: a script sets the password for a capable uploader: changed by hand
RUN_TIME_ENV = "run-time-env"  # kind: a tox env chosen at run time (`tox -e $ENV`): its upload is changed by hand
# kind: a command that may upload but cannot be read (a Makefile's `$(UV) publish` with UV set by `$(shell …)`)
UNRESOLVED = "unresolved-upload"


class Note(str):
    job: Optional[str]
    why: Optional[str]
    finding: Optional[str]
    at: Optional[Tuple[Any, ...]]  # the YAML path the sentence is about (`("jobs", "x", "env")`), when one
    kind: Optional[str]  # what sort of sentence it is, for code that acts on it (never its words)

    def __new__(cls, text: str, job: Optional[str] = None, why: Optional[str] = None,
                finding: Optional[str] = None, at: Optional[Tuple[Any, ...]] = None,
                kind: Optional[str] = None) -> "Note":
        note = super().__new__(cls, text)
        note.job, note.why, note.finding, note.at, note.kind = job, why, finding, at, kind
        return note


def noted(notes: Iterable[str], job: Optional[str] = None, why: Optional[str] = None,
          finding: Optional[str] = None) -> List[str]:
    """The sentences as Notes; what an earlier call (nearer to where a sentence was made) said wins."""
    return [Note(n, getattr(n, "job", None) or job, getattr(n, "why", None) or why,
                 getattr(n, "finding", None) or finding, getattr(n, "at", None), kind_of(n)) for n in notes]


def at_of(note: str) -> Optional[Tuple[Any, ...]]:
    return getattr(note, "at", None)


def kind_of(note: str) -> Optional[str]:
    return getattr(note, "kind", None)


def job_of(note: str) -> Optional[str]:
    return getattr(note, "job", None)


def why_of(note: str) -> Optional[str]:
    return getattr(note, "why", None)


def finding_of(note: str) -> Optional[str]:
    return getattr(note, "finding", None)


@contextmanager
def about_job(plan, job_id: str) -> Iterator[None]:
    """Every sentence the block adds to the plan's changes, warnings and refusals is about `job_id`
    (unless it already names its job)."""
    marks = {name: len(getattr(plan, name)) for name in ("changes", "warnings", "skipped")}
    try:
        yield
    finally:
        for name, start in marks.items():
            items = getattr(plan, name)
            items[start:] = noted(items[start:], job=job_id)


# Why each kind of change is made, by direction: the "why" of the markdown table and of the JSON report.
WHY = {
    ("to-oidc", "step"): "the upload moves to Trusted Publishing: PyPI takes the job's OIDC token in exchange "
                         "for a short-lived upload token, so no secret is passed",
    ("to-oidc", "permissions"): "the job must be able to mint an OIDC token (`id-token: write`); granted per job, "
                                "so no other job can",
    ("to-oidc", "environment"): "the trusted publisher is registered for this environment; its protection rules "
                                "(reviewers, tag rules) then guard every upload",
    ("to-oidc", "ref"): "that ref of the publish action has no Trusted Publishing support",
    ("to-oidc", "workflow-permissions"): "`id-token: write` belongs only to the jobs that mint OIDC tokens",
    ("to-token", "step"): "the upload authenticates with the API token secret again",
    ("to-token", "permissions"): "with a token the job mints no OIDC token, so it keeps no permission it does not use",
    ("to-token", "workflow-permissions"): "`id-token: write` belongs only to the jobs that still mint OIDC tokens",
}


def step_in_job(label: str, job_id: str) -> str:
    """How every report names a step: "step `Publish` in job `release`"."""
    return f"{label} in job `{job_id}`"


def prefixed(prefix: str, notes: Iterable[str]) -> List[str]:
    """The sentences said of one step ("step `Publish` in job `release`: removed …"), their fields kept."""
    return [Note(f"{prefix}: {n}", job_of(n), why_of(n), finding_of(n), at_of(n), kind_of(n)) for n in notes]
