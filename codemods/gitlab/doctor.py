"""The doctor on a `.gitlab-ci.yml`: per publishing job its mode (token, trusted, mixed), its
environment and `id_tokens`, the findings (`gitlab-*` ids, documented in codemods/doctor/rules.py),
and PyPI's GitLab publisher form for the jobs on Trusted Publishing."""
from __future__ import annotations

from pathlib import Path
from typing import Dict

from codemods.doctor.diagnose import FileDiagnosis, Finding, JobSummary, StepSummary
from codemods.doctor.rules import GITLAB_RULES as RULES
from codemods.doctor.view import INDEX_AT_RUN_TIME
from codemods.engine.source import Source
from codemods.gitlab.document import GitLabDocument
from codemods.gitlab.follow import Followed, follow_jobs
from codemods.gitlab.pipeline import (expanded_environment, MANUAL_MINT, PIPELINE_FILE, Upload, has_audience,
                                      id_token_name, id_tokens, misnamed, read_jobs)
from codemods.gitlab.plan import pypirc_line, unread_template
from codemods.gitlab.remote import gitlab_project
from codemods.registration import Registration


def diagnose_gitlab(source: Source, path: Path, root: Path, result: FileDiagnosis) -> None:
    from codemods.gitlab import PIPELINE_NAMES, pipeline_files

    doc = GitLabDocument(source.text, path)
    project = gitlab_project(root)
    result.remote = f"{project.namespace}/{project.name}" if project.namespace and project.name else None
    trusted_jobs: list = []
    if Path(path).name in PIPELINE_NAMES:
        pipeline_files(doc, root, path)  # the included files: read with it, as one pipeline (a bad one: an error)
        jobs = read_jobs(doc)
        follows = follow_jobs(doc, jobs, root, True)  # as to-oidc reads them
        refused = refusals(doc, project)
        for file in doc.docs():
            own = [j for j in jobs if getattr(j.id, "doc", doc) is file]
            shown = result.path if file is doc else file.shown
            _diagnose_doc(doc, own, result, shown, None if file is doc else shown, trusted_jobs, follows, project,
                          refused)
    else:  # a file of .gitlab/ named on the command line: the top-level pipeline includes it
        jobs = read_jobs(doc)
        _diagnose_doc(doc, jobs, result, result.path, result.path, trusted_jobs, follow_jobs(doc, jobs, root, True),
                      project, refusals(doc, project))
    _register(doc, project, result, trusted_jobs)


def refusals(doc, project) -> Dict[str, str]:
    """Why `migrate to-oidc` would leave each job as it is, in its own words, by job id: asked of its planner
    (a plan made as migrate makes it, never written), so a fix that sends the user to to-oidc, and then to
    revoke the token, is given only where to-oidc converts the job. A pipeline it cannot plan: none."""
    from codemods.errors import InputError
    from codemods.gitlab.plan import plan_gitlab
    from codemods.migrate import TO_OIDC, Options
    from codemods.notes import job_of

    try:
        planned = plan_gitlab(doc, Options(TO_OIDC), project)
    except InputError:  # the doctor reports the file's error itself
        return {}
    out: Dict[str, str] = {}
    converted = {str(j) for j in planned.oidc_jobs}
    for note in planned.skipped:  # a converted job's notes are about its other uploads (a registry's, kept)
        job = job_of(note)
        if job is not None and str(job) not in converted:
            out[str(job)] = str(note)  # the last: the refusal, after the notes on the uploads it leaves
    return out


def _refused_fix(refused: Dict[str, str], job_id) -> str:
    """The fix of a finding whose own fix is `migrate to-oidc` where to-oidc refuses the job: its sentence,
    and never to revoke the token the upload still needs. "" where to-oidc converts it (the rule's fix)."""
    said = refused.get(str(job_id))
    if said is None:
        return ""
    return (f"`migrate to-oidc` leaves it as it is and says: {said.rstrip('.')}. Do not revoke the token or delete "
            "the CI/CD variables while this upload uses them.")


def _diagnose_doc(doc, jobs, result: FileDiagnosis, shown: str, included, trusted_jobs: list,
                  follows: Dict[str, Followed], project, refused: Dict[str, str]) -> None:
    """The findings of one pipeline file (`included`: its path when the top-level pipeline includes it;
    `follows`: the files each job runs that upload, read as `migrate` reads them)."""
    elsewhere = None if project.accepted else project.not_accepted()  # a self-managed GitLab: the token stays

    def find(rule_id: str, line, message: str, fix: str = "", at=None) -> None:
        r = RULES[rule_id]
        where = shown
        if at is not None and getattr(at[0], "doc", doc) is not doc:  # a template of another file
            where = at[0].doc.shown
        elif at is not None and included and getattr(at[0], "doc", None) is None:  # a template of the top level
            where = result.path
        result.findings.append(Finding(r.id, r.severity, where, line, message, r.title, fix or r.fix))

    before = len(result.jobs)
    for job in jobs:
        for hidden, line, entry in job.run_time:  # what migrate refuses the job for, said as it says it
            find("gitlab-run-time-upload", line or doc.line_of((job.id,)),
                 f"job `{job.id}`: {hidden.what}, which pubmode cannot see into", at=entry)
        ours = [u for u in job.uploads if (u.targets or u.index_unknown) and not u.registry]
        tokens, _ = id_tokens(doc, job.id)
        followed = follows.get(job.id)
        unseen = unread_template(doc, job)
        if unseen:  # as to-oidc says it: not "publishes nothing"
            find("gitlab-template-not-read", doc.line_of((job.id, "extends")) or doc.line_of((job.id,)),
                 unseen[0].upper() + unseen[1:])
        if followed is not None:  # one to-oidc converts or leaves as it is: listed either way, as it sees it
            _followed_job(doc, job, followed, tokens, result, find, trusted_jobs, elsewhere, _refused_fix(refused, job.id))
            continue
        if not ours:
            continue
        manual = MANUAL_MINT.search(job.text) is not None
        modes = [_mode(u, tokens, manual) for u in ours]
        steps = [StepSummary(u.line_no or None, u.label, u.uploader.name, m,
                             ",".join(i.key for i in u.targets) or f"an index known at run time ({u.where})")
                 for u, m in zip(ours, modes)]
        result.jobs.append(JobSummary(job.id, expanded_environment(doc, job.id), bool(tokens),
                                      modes[0] if len(set(modes)) == 1 else "mixed", steps))
        for u, mode in zip(ours, modes):
            if u.index_unknown:
                continue  # whether it is PyPI is known only at run time: no finding
            credential = _credential(u)
            written = pypirc_line(job)
            if written is not None and u.uploader.name == "twine" and credential.startswith("from the project"):
                at = doc.line_of(written.path)
                credential = "from the .pypirc the job writes" + (f" (line {at})" if at else "")
            if mode == "token" and not tokens and elsewhere and u.trusted_capable:
                find("gitlab-self-managed-token", u.line_no or None,
                     f"{u.label} in job `{job.id}` uploads to {_titles(u)} with an API token ({credential}); the "
                     f"pipeline runs on {project.host}, a self-managed GitLab", _sentence(elsewhere), at=u.line.path)
            elif mode == "token" and not tokens:
                find("gitlab-token-publishing", u.line_no or None,
                     f"{u.label} in job `{job.id}` uploads to {_titles(u)} with an API token ({credential}) and the "
                     "job has no `id_tokens`", _refused_fix(refused, job.id) if u.trusted_capable else
                     f"{u.uploader.name} has no Trusted Publishing: build with "
                     f"`{u.uploader.fallback.build_command or 'python -m build'}`, upload with `twine upload dist/*` "
                     "(twine 6.1 or later), then run `migrate to-oidc`", at=u.line.path)
            elif mode == "token" and u.trusted_capable:
                find("gitlab-token-and-id-tokens", u.line_no or None,
                     f"{u.label} in job `{job.id}` passes {credential} although the job has `id_tokens`",
                     _refused_fix(refused, job.id), at=u.line.path)
            for index in u.targets:
                wrong = misnamed(tokens, index)
                if wrong and u.trusted_capable and not u.visible_token:
                    find("gitlab-id-tokens-name", doc.line_of((job.id, "id_tokens", wrong)) or u.line_no or None,
                         f"job `{job.id}` uploads to {index.title}, whose OIDC token {u.uploader.name} reads from "
                         f"`{id_token_name(index)}`; the job's `id_tokens` has it as `{wrong}` (`aud: {index.key}`), so "
                         f"the upload finds no token: rename the entry to `{id_token_name(index)}`")
                name = id_token_name(index)
                if name in tokens and not has_audience(tokens, index):
                    find("gitlab-id-tokens-audience", doc.line_of((job.id, "id_tokens", name)) or u.line_no or None,
                         f"`id_tokens: {name}` of job `{job.id}` has the audience `{tokens[name]}`; PyPI's is "
                         f"`{index.key}`")
        if any(m == "trusted" and u.targets for u, m in zip(ours, modes)):
            trusted_jobs.append((job, [u for u, m in zip(ours, modes) if m == "trusted" and u.targets], doc))
            if elsewhere:
                _self_managed_trusted(job, project, find, ours[0].line_no or None, ours[0].line.path)
    for summary in result.jobs[before:]:
        line = doc.line_of((summary.job_id,))
        env = summary.environment
        if env and "$" not in env and env != env.lower():
            find("gitlab-environment-case", doc.line_of((summary.job_id, "environment")) or line,
                 f"job `{summary.job_id}` has the environment `{env}`; GitLab's environment is compared case-sensitively, "
                 f"so register the trusted publisher with `{env}` exactly (not `{env.lower()}`)")
        if included:
            find("gitlab-included-file", line,
                 f"job `{summary.job_id}` publishes from `{included}`, which the top-level pipeline includes: register "
                 "the trusted publisher with the pipeline file `.gitlab-ci.yml`, not the included file")


def _register(doc, project, result: FileDiagnosis, trusted_jobs: list) -> None:
    if trusted_jobs and not project.accepted:
        result.registration_note = (f"this repository's `origin` is on {project.host}, a self-managed GitLab: no trusted "
                                    "publisher is printed (PyPI takes one only for an instance it has onboarded for a "
                                    "PyPI organisation)")
        return
    if trusted_jobs and project.note:  # a mirror: the note `to-oidc` prints beside the publisher
        result.registration_note = project.note[:1].upper() + project.note[1:]
    for job, uploads, doc in trusted_jobs:
        namespace, name, _ = project.for_job(doc.get((job.id,)))
        for index in sorted({i for u in uploads for i in u.targets}, key=lambda i: i.key):
            for python_project in project.projects_of(job.text):
                result.registrations.append(Registration(index, namespace, name, PIPELINE_FILE,
                                                         expanded_environment(doc, job.id), python_project,
                                                         project.host, provider="gitlab"))


def _self_managed_trusted(job, project, find, line, at) -> None:
    find("gitlab-self-managed-trusted", line,
         f"job `{job.id}` publishes with Trusted Publishing from {project.host}, a self-managed GitLab: PyPI accepts "
         "gitlab.com's OIDC tokens only, and this instance's only if it has onboarded it for your PyPI organisation",
         at=at)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _followed_job(doc, job, followed, tokens, result, find, trusted_jobs, elsewhere=None, refused_fix="") -> None:
    """A job whose upload is in a file it runs (`tox -e release`): token when the file passes
    credentials (flags, passenv entries) or the job's `variables:` set them, or an audience is missing.
    One to-oidc leaves as it is (an upload to change by hand, an index known only at run time) is
    reported the same way, with to-oidc's reason as the fix, and gets no publisher."""
    from codemods.gitlab.plan import _followed_creds

    creds = _followed_creds(doc, job, followed)
    audiences = all(has_audience(tokens, i) for i in followed.targets)
    mode = "token" if followed.uses_token or creds or not audiences else "trusted"
    line = doc.line_of((job.id,))
    label = f"the upload in {followed.label or 'the files it runs'}"  # noqa: the label of a followed upload
    through = followed.label or ", ".join(f"`{p.split(':', 1)[0]}`" for p in followed.problems)
    names = ", ".join(c.target.path.name for c in followed.changes) or "the files it runs"
    if followed.index_unknown:  # PyPI, TestPyPI or another: to-oidc keeps the token
        index, titles = f"an index known at run time ({followed.run_time_index[0]})", INDEX_AT_RUN_TIME
    else:
        index, titles = ",".join(i.key for i in followed.targets), " and ".join(i.title for i in followed.targets)
    steps = [StepSummary(line, label, f"via {names}", mode, index)]
    result.jobs.append(JobSummary(job.id, expanded_environment(doc, job.id), bool(tokens), mode, steps))
    given = f"; the index is given by {followed.run_time_index[0]}" if followed.index_unknown else ""
    if mode == "token" and not tokens and elsewhere:
        shown = ", ".join(f"`{n}`" for n, _, _ in creds) or "from the project's CI/CD variables"
        find("gitlab-self-managed-token", line, f"job `{job.id}` uploads to {titles} through {through} with an API "
             f"token ({shown}); the pipeline runs on a self-managed GitLab", _sentence(elsewhere))
    elif mode == "token" and not tokens:
        shown = ", ".join(f"`{n}`" for n, _, _ in creds) or "from the project's CI/CD variables"
        find("gitlab-token-publishing", line, f"job `{job.id}` uploads to {titles} through {through} with an API "
             f"token ({shown}) and the job has no `id_tokens`{given}", refused_fix)
    elif mode == "token" and audiences:
        find("gitlab-token-and-id-tokens", line, f"job `{job.id}` uploads through {through} with an API token "
             f"although the job has `id_tokens`{given}", refused_fix)
    elif mode == "trusted" and not followed.manual:
        trusted_jobs.append((job, [_Targets(followed.targets)], doc))
        if elsewhere:
            find("gitlab-self-managed-trusted", line,
                 f"job `{job.id}` publishes with Trusted Publishing from a self-managed GitLab: PyPI accepts gitlab.com's "
                 "OIDC tokens only, and this instance's only if it has onboarded it for your PyPI organisation")


class _Targets:
    def __init__(self, targets):
        self.targets = targets


def _mode(u: Upload, tokens, manual: bool) -> str:
    if manual and tokens:
        return "trusted"
    if not u.trusted_capable or u.visible_token:
        return "token"
    if u.index_unknown:  # no PyPI audience to compare: the job's `id_tokens` is all there is to go by
        return "trusted" if tokens else "token"
    # an entry with the right audience under the wrong name: the job tries Trusted Publishing and finds no token
    return "trusted" if all(has_audience(tokens, i) or misnamed(tokens, i) for i in u.targets) else "token"


def _credential(u: Upload) -> str:
    names = [f"`{f.flag.value}`" for f in u.cred_flags if f.kind == "password"] + \
        [f"`{n}`" for n, _ in u.prefix if n in u.uploader.credentials.password_env] + \
        [f"`{n}`" for n, _, _ in u.env_creds if n in u.uploader.credentials.password_env]
    return ", ".join(names) if names else "from the project's CI/CD variables"


def _titles(u: Upload) -> str:
    return " and ".join(i.title for i in u.targets)


# What a failed job's log says, and the finding of the pipeline that explains it (`doctor --log`).
LOG_CAUSES = {
    "log-gitlab-id-token-missing": ("gitlab-id-tokens-name", "gitlab-id-tokens-audience", "gitlab-token-publishing"),
    "log-id-token-unset": ("gitlab-id-tokens-name", "gitlab-id-tokens-audience", "gitlab-token-publishing"),
    "log-uv-missing-credentials": ("gitlab-id-tokens-name", "gitlab-id-tokens-audience", "gitlab-token-publishing"),
    "log-invalid-publisher": ("gitlab-included-file", "gitlab-environment-case"),
}


def log_advice(scan, files) -> list:
    """The pipeline's findings that explain the log's error, most specific first: the cause, named in the
    file and line that hold it."""
    wanted = [rule for hit in scan.findings for rule in LOG_CAUSES.get(hit.pattern.id, ())]
    found = [f for d in files for f in d.findings if f.id in wanted]
    found.sort(key=lambda f: wanted.index(f.id))
    return [f"the pipeline explains it: {f.path}:{f.line}: {f.message}" if f.line else
            f"the pipeline explains it: {f.path}: {f.message}" for f in found[:3]]
