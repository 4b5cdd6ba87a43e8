"""Which PyPI projects a publishing job uploads: the one thing both `migrate` (what to register, the
environment's URL) and `doctor` (the publishers a trusted job needs) must agree on.

A job publishes its repository's project, or the one in the folder it builds in, or the name a step
gives the project before the build (see `renames`), or, when its upload steps run in folders holding
different projects (a monorepo's `working-directory: ./azure-kusto-data`, then `./azure-kusto-ingest`),
each of those.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Sequence

from codemods.project import Repository, job_project, step_projects
from codemods.renames import job_rename


@dataclass(frozen=True)
class Published:
    project: Optional[str]  # the job's one project (the environment URL's); None when unknown or several
    registered: List[Optional[str]] = field(default_factory=list)  # one publisher to register per entry
    notes: List[str] = field(default_factory=list)


def published_projects(repo: Repository, all_jobs: dict, job_id: str, step_indexes: Sequence[int]) -> Published:
    job = all_jobs.get(job_id) if isinstance(all_jobs.get(job_id), dict) else {}
    rename = job_rename(repo.root, job, min(step_indexes, default=0))
    if rename is not None and rename.name:
        return Published(rename.name, [rename.name], [
            f"job `{job_id}` publishes `{rename.name}`: {rename.step} renames the project before the build, so its "
            "publisher is registered for that name"])
    if rename is not None:
        return Published(None, [None], [f"job `{job_id}`: {rename.step} rewrites the project's name before the "
                                        "build; register the publisher for the name it builds"])
    several = step_projects(repo, job, step_indexes)
    if several:
        return Published(None, list(several), [
            f"job `{job_id}` publishes {len(several)} projects ({', '.join(f'`{n}`' for n in several)}) from their "
            "folders: register a publisher for each; the environment gets no project URL"])
    project = job_project(repo, all_jobs, job_id)
    return Published(project, [project])
