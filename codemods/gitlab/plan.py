"""Plan the migration of a `.gitlab-ci.yml`, in either direction, as edits for the shared engine.

to-oidc, per job whose upload to PyPI or TestPyPI has a token (a password flag, a `VAR=` prefix, a
`variables:` entry, or none in the file at all: GitLab then hands it the project's CI/CD variables):
the credential flags and variables go (a top-level `variables:` entry only when no job that stays
reads it), `--trusted-publishing always` is added to uv, too-old uploader pins are raised, and the
job gets `id_tokens: {PYPI_ID_TOKEN: {aud: pypi}}` (`TESTPYPI_ID_TOKEN`/`testpypi` for TestPyPI),
the variable twine, uv and pdm read the token from. A job is converted whole or not at all.

to-token: the reverse for jobs that publish with Trusted Publishing: the uploader's token variables
(`TWINE_USERNAME: __token__`, `TWINE_PASSWORD: $PYPI_API_TOKEN`, the CI/CD variable named by
`--secret`) are set in the job's `variables:` and its PyPI `id_tokens` entries go unless the job
reads them itself. A job with both a token and `id_tokens` (the token wins) loses the `id_tokens`.

Refused with the reason, the job left byte-identical: uploads to GitLab's package registry and
other indexes (they keep their tokens), tools without Trusted Publishing (poetry, hatch, flit,
`setup.py upload`: the change to make is given), a job that mints its token by hand, a job name or
audience made from `$[[ inputs ]]`, an `id_tokens` inherited from `default:` or a template, a
Python image too old for the uploader's Trusted Publishing, and a credential still read after the
change (a `test -n "$TWINE_PASSWORD"` guard, a `rules:` condition). YAML anchors, aliases and merge
keys are refused by the engine when an edit would reach them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set as SetType, Tuple

from codemods.environment import every_run_deploys
from codemods.engine.document import Document, YamlPath, strings_under
from codemods.engine.edits import Edit, Remove, Replace, Set, apply_to_data
from codemods.gitlab.pipeline import (environment_of, expanded_environment, INDEXES, INPUTS, MANUAL_MINT,
                                      PIPELINE_FILE, VARIABLE, Job, Upload, has_audience, hidden_jobs, id_token_name,
                                      id_tokens, misnamed, predefined, read_jobs, script_lines, variables_of)
from codemods.gitlab.follow import Followed, follow_jobs, unseen_runner
from codemods.gitlab.remote import SELF_MANAGED_OPTION, GitLabProject
from codemods.gitlab.runs import runs_beyond_uploads
from codemods.indexes import PYPI, TESTPYPI, Index
from codemods.uploaders.tools.twine import PYPIRC_REASON, pypirc_write
from codemods.migrate import TO_OIDC, Options, Plan
from codemods.notes import Note, about_job
from codemods.registration import Registration
from codemods.shell import mentions_variable
from codemods.uploaders.command_line import oidc_flag_spans
from codemods.uploaders.pins import too_old_pins

WHY = {
    "to-oidc": "the upload moves to Trusted Publishing: the job's OIDC token (`id_tokens`) is exchanged with PyPI for a "
               "short-lived upload token, so no CI/CD variable holds a token",
    "to-token": "the upload authenticates with the API token held in a CI/CD variable again",
}
# `python:3.7-slim`, `cimg/python:3.8`, and images named after their Python (`…/bilby-python310`,
# `…/test-suite-python37`)
PYTHON_IMAGE = re.compile(r"(?:^|[/_:-])python(?::(3)\.(\d{1,2})|-?(3)\.?(\d{1,2}))(?![\d])")
NOTHING_TO_DO_HERE = "no job publishes to PyPI"  # the reason a file is unchanged, not a refusal
NEW_KEY_AFTER = ("image", "stage", "extends", "needs", "dependencies")


@dataclass
class _JobPlan:
    job: Job
    uploads: List[Upload]
    edits: List[Edit] = field(default_factory=list)
    changes: List[str] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)
    removed: SetType[str] = field(default_factory=set)  # variables the job no longer reads (their names)
    fed: SetType[str] = field(default_factory=set)  # CI/CD variables the removed values read
    top_level: SetType[str] = field(default_factory=set)  # top-level `variables:` entries it needs removed
    targets: List[Index] = field(default_factory=list)
    followed: Optional[Followed] = None  # the files of the repository it runs that upload
    pin_files: list = field(default_factory=list)  # the files whose too-old uploader pins it raises
    environment: Optional[str] = None  # the environment the trusted publisher names (the job's, or the one added)
    cicd: SetType[str] = field(default_factory=set)  # the CI/CD variables `fed` comes from (the pipeline's own followed)
    unresolved: List[str] = field(default_factory=list)  # values the token came through that pubmode cannot follow
    dead_variables: List[Tuple[str, YamlPath, str]] = field(default_factory=list)  # the job's own copies of the token
    had_id_tokens: bool = False

    @property
    def credential_names(self) -> SetType[str]:
        names = {n for u in self.uploads for n in u.uploader.credentials.variables}
        return names | (self.followed.credential_env if self.followed else set())


def plan_gitlab(doc: Document, options: Options, project: GitLabProject) -> Plan:
    result = Plan()
    result.platform = "gitlab"
    jobs = read_jobs(doc)
    _not_read(doc, jobs, result)
    follows = follow_jobs(doc, jobs, project.root, options.direction == TO_OIDC)
    result.skipped += [Note(run_time_refusal(j), job=j.id) for j in jobs if j.run_time]
    publishing = [j for j in jobs if (j.uploads or j.id in follows) and not j.run_time]
    if not publishing:
        _unseen(doc, jobs, project.root, result)
        unread = getattr(doc, "unread", [])
        if unread and not result.skipped:  # nothing else to say: where the release job may be
            result.skipped.append(f"no job of the files read publishes to PyPI; {_listed(unread)} "
                                  f"{'is' if len(unread) == 1 else 'are'} not in this repository, so not read: if "
                                  f"{'it publishes' if len(unread) == 1 else 'one of them publishes'}, migrate it "
                                  "where it lives")
        if not result.skipped:
            result.skipped.append(NOTHING_TO_DO_HERE)
        return result
    if options.direction == TO_OIDC:
        _to_oidc(doc, jobs, publishing, project, result, follows, options)
    else:
        _to_token(doc, publishing, options, result, follows, project)
    return result


def run_time_refusal(job: Job) -> str:
    """Why a job whose upload is a command string it builds and runs (`eval "$CMD"`) is left as it is, in
    either direction: the upload's words are data until run time, out of reach of an edit."""
    said = "; ".join(f"{r.what} (line {line})" if line else r.what for r, line, _ in job.run_time)
    return (f"job `{job.id}` not converted: {said}, which pubmode cannot see into: write the upload out in the "
            "script, where pubmode reads it, then run `migrate` again (or change it by hand)")


def _unseen(doc: Document, jobs: List[Job], root, result: Plan) -> None:
    """A release job whose script runs a file the repository does not hold: say so rather than "no job publishes".
    Jobs of one file that run the same command (a template's script, kernelci/tuxmake's 37 image jobs) are
    said once."""
    same: Dict[tuple, List[Job]] = {}
    for job in jobs:
        stage = job.data.get("stage")
        hit = unseen_runner(job.text, root, f"{job.id} {stage if isinstance(stage, str) else ''}") \
            if root is not None else None
        if hit:
            same.setdefault((id(getattr(job.id, "doc", None)), hit), []).append(job)
    for (_, hit), group in same.items():
        named = [f"`{j.id}`" for j in group]
        who = f"job {named[0]} runs" if len(named) == 1 else (
            f"jobs {_listed(named)} run" if len(named) <= 3 else f"jobs {', '.join(named[:2])} and {len(named) - 2} "
            "more run")
        result.skipped.append(Note(f"{who} {hit[0]}, but the repository has {hit[1]}: pubmode cannot see whether or "
                                   "how it uploads; run it in the repository that holds the file", job=group[0].id))


def _not_read(doc: Document, jobs: List[Job], result: Plan) -> None:
    """Uploads pubmode sees but does not edit: in hidden jobs (templates) and the global scripts."""
    from codemods.gitlab.pipeline import Job as _Job, Line, _identity, docs_of, file_name, uploads_in

    handled = {_identity(t) for j in jobs for t in j.inherited.values()}  # edited (or refused) through those jobs
    owners = []  # (key, the script lines, what it is)
    for file in docs_of(doc):
        of = f" of `{file.shown}`" if file is not doc else ""
        lines = [Line((doc.key(file, line.path[0]) if file is not doc else line.path[0],) + line.path[1:], line.text)
                 for line in script_lines(file, ())]
        owners += [("(top level)", lines, f"the top-level `before_script`/`after_script`{of}"),
                   (doc.key(file, "default") if file is not doc else "default", None, f"`default:`{of}")]
    owners += [(h, None, f"the hidden job `{h}`" + (f" of `{file_name(doc, h)}`" if file_name(doc, h) else ""))
               for h in hidden_jobs(doc)]
    for owner, lines, what in owners:
        if lines is None:
            lines = script_lines(doc, (owner,))
        if not lines:
            continue
        if owner != "(top level)" and _identity(owner) in handled:
            continue  # edited through the one job that extends it
        probe = _Job(owner, doc.get((owner,)) or {} if owner != "(top level)" else {}, lines)
        for u in uploads_in(doc, probe):
            result.skipped.append(f"{u.label} is in {what}, which every job that uses it runs: change it there "
                                  "by hand (remove the credentials, add `id_tokens` to each job that runs it)")
    for job in jobs:
        unseen = unread_template(doc, job)
        if unseen:
            result.skipped.append(Note(unseen, job=job.id))


def unread_template(doc: Document, job: Job) -> Optional[str]:
    """Why pubmode cannot tell whether a job uploads: it uploads nothing pubmode can read and takes its script from a
    template named like a release (`extends: .pypi-publish`) that no file read defines (an `include:` of another
    project, a remote URL, a CI/CD component). Said by to-oidc, to-token and the doctor alike."""
    if job.uploads or not job.foreign or not re.search(r"pypi|publish|release|upload|twine", " ".join(job.foreign), re.I):
        return None
    unread = getattr(doc, "unread", [])
    source = f" (it may come from {_listed(unread)}, not in this repository)" if unread else ""
    return (f"job `{job.id}` takes its script from {', '.join(f'`{t}`' for t in job.foreign)}, which no file pubmode "
            f"read defines{source}: pubmode cannot see whether or how it uploads; migrate that template where it lives")


def _top_level_still_read(doc: Document, jobs: List[Job], plans: Dict[str, "_JobPlan"], result: Plan) -> bool:
    """Refuse (and drop from `plans`) the first job whose top-level credential another, unconverted job
    reads; True when one was dropped."""
    for job_id, jp in list(plans.items()):
        for owner, name in sorted(jp.top_level):
            users = [j.id for j in jobs if j.id not in plans and _reads(j, name)]
            if users:
                result.skipped.append(Note(
                    f"job `{job_id}` not converted: the top-level `variables:` entry `{name}`{_of(doc, owner)} is "
                    f"also read by job {', '.join(f'`{u}`' + _of(doc, u) for u in users)}, and while it is set it "
                    "overrides Trusted Publishing; move it into the `variables:` of the jobs that use it, then run "
                    "again", job=job_id))
                del plans[job_id]
                return True
    return False


def _top_level_edits(doc: Document, plans: Dict[str, "_JobPlan"]) -> Tuple[Dict[str, List[str]], List[Edit]]:
    """The top-level `variables:` entries the planned jobs free, per file, and the edits removing them."""
    top_removed: Dict[str, List[str]] = {}
    for jp in plans.values():
        for owner, name in sorted(jp.top_level):
            if name not in top_removed.setdefault(owner, []):
                top_removed[owner].append(name)
    top_edits: List[Edit] = []
    for owner, names in top_removed.items():
        if set(names) >= set(doc.get((owner,)) or {}):
            top_edits.append(Remove((owner,)))
        else:
            top_edits += [Remove((owner, n)) for n in names]
    return top_removed, top_edits


# ---- to-oidc -----------------------------------------------------------------------------------
def _to_oidc(doc: Document, jobs: List[Job], publishing: List[Job], project: GitLabProject, result: Plan,
             follows: Dict[str, Followed], options: Options) -> None:
    plans: Dict[str, _JobPlan] = {}
    for job in publishing:
        with about_job(result, job.id):
            jp = _oidc_job(doc, job, result, follows.get(job.id), project.root, options)
            if jp is not None:
                plans[job.id] = jp
    # A top-level credential variable goes only when every job that reads it is converted; otherwise the
    # jobs that need it gone are not converted (it would still override Trusted Publishing there). A job
    # refused on the way keeps its token, so what the others may remove is decided again without it.
    while True:
        if _top_level_still_read(doc, jobs, plans, result):
            continue
        top_removed, top_edits = _top_level_edits(doc, plans)
        refused = False
        for job_id, jp in list(plans.items()):
            reader = _reader(doc, jp, jp.edits + top_edits, [j for j in jobs if j.id == job_id or jp.top_level])
            if reader:
                result.skipped.append(Note(f"job `{job_id}` not converted: {reader}", job=job_id))
                del plans[job_id]
                refused = True
        if not refused:
            break
    if not plans:
        return
    if not project.accepted and not options.self_managed_gitlab:
        # PyPI takes no publisher for this instance unless it onboarded it: converting would break the next release
        for job_id in plans:
            result.skipped.append(Note(f"job `{job_id}` not converted: {project.not_accepted()}", job=job_id,
                                       finding="gitlab-self-managed-token"))
        return
    if top_removed:
        result.edits += top_edits
        for owner, names in top_removed.items():
            result.changes.append(Note(f"removed {', '.join(f'`{n}`' for n in sorted(names))} from the top-level "
                                       f"`variables:`{_of(doc, owner)} (no job that keeps its token reads them)",
                                       why=WHY["to-oidc"]))
    for job_id, jp in plans.items():
        result.edits += jp.edits
        result.companions += (jp.followed.companions if jp.followed else []) + jp.pin_files
        result.changes += [Note(c, job=job_id, why=WHY["to-oidc"]) for c in jp.changes]
        result.warnings += [Note(w, job=job_id) for w in jp.warnings]
        result.oidc_jobs.add(job_id)
    text = "\n".join(s for data in _data_after(doc, result.edits).values() for _, s in strings_under(data, ()))
    cicd = set().union(*(jp.cicd for jp in plans.values()))
    result.removed_secrets |= {v for v in cicd if not mentions_variable(text, v)}
    kept = sorted(v for v in cicd if v not in result.removed_secrets)
    if kept:  # vstutils' `release_job`: `rules: if: $PYPI_UPLOAD_PASSWORD` keeps a live token in the settings
        one = len(kept) == 1
        result.warnings.append(f"{_listed([f'`{n}`' for n in kept])} held the token and {'is' if one else 'are'} still "
                               f"read by {_listed(_readers(doc, result.edits, kept))}: the CI/CD variable"
                               f"{'' if one else 's'} cannot be deleted while {'it is' if one else 'they are'}; stop "
                               f"reading {'it' if one else 'them'} there (a job gated on the token can test another "
                               f"variable), then delete {'it' if one else 'them'} and revoke the API token")
    for job_id, jp in plans.items():
        implicit = _implicit_token(jp)
        if implicit:
            many = len(implicit) > 1
            result.revoke_notes.append(
                f"Before the next release: the pipeline hands job `{job_id}`'s upload no token"
                + (f" ({jp.followed.label} only passes it through from the job's environment)"
                   if jp.followed is not None and jp.followed.uses_token else "") + ", so it took one from the "
                "CI/CD variables of the GitLab project or its groups (Settings > CI/CD > Variables): delete "
                f"{_listed([f'`{n}`' for n in implicit])}, whichever {'are' if many else 'is'} set there (while set, "
                "one overrides Trusted Publishing), and revoke the API token it held on PyPI or TestPyPI.")
        if jp.unresolved:
            how = "a CI/CD variable named at run time" if all("${!" in u for u in jp.unresolved) else \
                "a value pubmode cannot follow"
            result.revoke_notes.append(
                f"After the first release with Trusted Publishing: job `{job_id}` took its token through "
                f"{_listed(jp.unresolved)} ({how}), which pubmode could not resolve: find the CI/CD variables that held "
                "it (the GitLab project's or its groups' Settings > CI/CD > Variables), delete them and revoke the API "
                "token on PyPI or TestPyPI.")
    names = sorted({n for jp in plans.values() for n in jp.credential_names})
    result.warnings.append(
        f"GitLab hands a job every CI/CD variable of the project (Settings > CI/CD > Variables) and its groups: one "
        f"named {', '.join(f'`{n}`' for n in names)} still overrides Trusted Publishing (an empty one too), so delete "
        "those before the next release")
    if not project.accepted:
        result.warnings.append(f"this repository's `origin` is on {project.host}, a self-managed GitLab, converted because "
                               f"of `{SELF_MANAGED_OPTION}`: PyPI accepts its pipelines only if it has onboarded the "
                               "instance for your PyPI organisation; register the publisher there, and keep the token "
                               "until a release has gone through")
    if project.note:  # the pipeline runs on a mirror of a repository whose `origin` is no GitLab
        result.warnings.append(project.note)
    for job_id, jp in plans.items():
        env = jp.environment
        if env and "$" in env:
            result.warnings.append(Note(f"job `{job_id}`: its environment `{env}` is decided at run time; register "
                                        "the publisher with the name it takes (GitLab compares it case-sensitively)",
                                        job=job_id))
        namespace, name, where = project.for_job(doc.get((job_id,)))
        if where:
            result.warnings.append(Note(f"{'no remote on gitlab.com' if project.note else 'no `origin` remote'}: the "
                                        f"publisher's namespace and project (`{namespace}/{name}`) "
                                        f"come from job `{job_id}`'s {where}, the one project it runs in", job=job_id))
        script = next(j.text for j in publishing if j.id == job_id)
        for index in sorted(set(jp.targets), key=lambda i: i.key):
            for python_project in project.projects_of(script):
                result.registrations.append(Registration(index, namespace, name, PIPELINE_FILE, env,
                                                         python_project, project.host, provider="gitlab",
                                                         self_managed=not project.accepted))


def _readers(doc: Document, edits: List[Edit], names: List[str]) -> List[str]:
    """Where the pipeline still reads the names after the edits: job `release_job` (`rules`, line 155)."""
    out = []
    for file, data in _data_after(doc, edits).items():
        for path, text in strings_under(data, ()):
            if len(path) < 2 or not any(mentions_variable(text, n) for n in names):
                continue
            line = (file.line_of(path) or file.line_of(path[:2])) if hasattr(file, "line_of") else None
            top = path[0] in ("variables", "default", "workflow", "include", "before_script", "after_script")
            what = "the top level" if top else f"the template `{path[0]}`" if str(path[0]).startswith(".") else \
                f"job `{path[0]}`"
            out.append(f"{what} (`{path[0] if top else path[1]}`" + (f", line {line}" if line else "")
                       + (f", in `{file.shown}`" if file is not doc and getattr(file, "shown", "") else "") + ")")
    return list(dict.fromkeys(out))


def _implicit_token(jp: _JobPlan) -> List[str]:
    """The uploader's credential variables, when the file gives the job no password at all (no option, prefix,
    `variables:` entry or export): its token was a CI/CD variable of the project's settings by one of those
    names, which pubmode cannot see (dalibo/pglift's `python3 -m twine upload dist/*`). A followed file that
    only passes those variables through (tox's `passenv = TWINE_PASSWORD`, python/importlib_resources) took
    its token there too: the same next step."""
    if jp.cicd or jp.unresolved or jp.had_id_tokens or any(u.visible_token for u in jp.uploads):
        return []  # (a job with `id_tokens` meant to publish with Trusted Publishing already)
    if jp.followed is not None and (jp.followed.hands_token or jp.followed.freed):
        return []
    names = [n for u in jp.uploads for n in u.uploader.credentials.password_env + u.uploader.credentials.user_env]
    if jp.followed is not None:
        names += sorted(jp.followed.credential_env)
    return [n for n in dict.fromkeys(names) if n not in jp.removed]


def _environment(doc: Document, job: Job, jp: _JobPlan, choice) -> Optional[str]:
    """The environment the trusted publisher names: the job's own (or one it takes from a template or a
    merge key; a job-level one would replace it), else the one added: `pypi` (`testpypi` for a job that
    uploads to TestPyPI only), `--environment NAME`, none with `--no-environment`. On GitLab the publisher's
    environment is what keeps the other jobs of the pipeline, which all mint tokens PyPI would take, from
    publishing (pypi/warehouse docs, security model)."""
    if environment_of(doc, job.id) is not None:
        return expanded_environment(doc, job.id)
    if choice.disabled:
        jp.changes.append("no environment added (--no-environment); register the publisher without one")
        return None
    name = choice.name or (PYPI if PYPI in jp.targets else TESTPYPI).key
    jp.edits.append(Set((job.id, "environment"), name, after=tuple(k for k in NEW_KEY_AFTER if k in job.data)[:1]))
    jp.changes.append(f"added `environment: {name}`, which the trusted publisher names: only a job that deploys to it "
                      "can publish (GitLab compares the name case-sensitively)")
    beyond = runs_beyond_uploads(doc, job, jp.uploads) if jp.followed is None else None
    if beyond:  # added all the same, as on GitHub: the publisher's environment is what keeps other jobs out
        jp.warnings.append(every_run_deploys(f"job `{job.id}`", *beyond, name, "Settings > CI/CD > Protected "
                                             "environments: who may deploy, approvals", "give the job the upload's "
                                             "condition in its `rules:`, or publish from a job of its own"))
    return name


def _oidc_job(doc: Document, job: Job, result: Plan, followed: Optional[Followed] = None,
              root=None, options: Options = Options(TO_OIDC)) -> Optional[_JobPlan]:
    tokens, tokens_at = id_tokens(doc, job.id)
    manual = MANUAL_MINT.search(job.text) is not None
    convert: List[Upload] = []
    for u in job.uploads:
        if u.registry:
            result.skipped.append(f"{u.label} in job `{job.id}` uploads to GitLab's package registry "
                                  "(`CI_JOB_TOKEN`); left as is: Trusted Publishing is PyPI's")
        elif u.index_unknown:
            result.skipped.append(_unknown_index(u, job, tokens))
        elif not u.targets:
            result.skipped.append(f"{u.label} in job `{job.id}` uploads to an index given by {u.where}, which is not "
                                  "PyPI or TestPyPI; it keeps its token")
        elif manual:
            tool = u.uploader if u.trusted_capable else None
            shown = ", ".join(dict.fromkeys(f"`{f.flag.value}`" for f in u.cred_flags)) or "the credentials"
            how = (f"With {tool.name} {'.'.join(map(str, _minimum(u)))} or later the mint lines and {shown} can go: "
                   f"{tool.name} exchanges the `PYPI_ID_TOKEN` itself") if tool else \
                "With `twine upload` (twine 6.1 or later) instead, the mint lines and the credentials can go: twine " \
                "exchanges the `PYPI_ID_TOKEN` itself"
            result.skipped.append(f"job `{job.id}` mints its upload token itself (`python -m id`, `/_/oidc/mint-token`): "
                                  f"it already uses Trusted Publishing. {how}")
            return None
        elif not u.trusted_capable:
            build = u.uploader.fallback.build_command or "python -m build"
            result.skipped.append(f"job `{job.id}` not converted: {u.label} ({u.uploader.name}) has no Trusted "
                                  f"Publishing; by hand: build with `{build}`, upload with `twine upload dist/*` "
                                  "(twine 6.1 or later) and add `id_tokens`, then run `migrate to-oidc` again")
            return None
        elif u.visible_token or not all(has_audience(tokens, i) for i in u.targets):
            convert.append(u)
    if followed is not None:
        if followed.manual:
            result.skipped.append(f"job `{job.id}` not converted: it runs an upload to change by hand: "
                                  + "; ".join(followed.manual))
            return None
        if not (followed.uses_token or followed.companions or _followed_creds(doc, job, followed)
                or not all(has_audience(tokens, i) for i in followed.targets)):
            followed = None  # already on Trusted Publishing
    if not convert and followed is None:
        return None
    problem = _oidc_blocker(doc, job, convert, tokens, tokens_at, followed)
    if problem:
        result.skipped.append(f"job `{job.id}` not converted: {problem}")
        return None
    jp = _JobPlan(job, convert, followed=followed, had_id_tokens=bool(tokens))
    for u in convert:
        if not _cut_credentials(doc, u, jp):
            result.skipped.append(f"job `{job.id}` not converted: " + jp.warnings.pop())
            return None
    blocked = _script_copies(doc, job, convert, jp)
    if blocked:
        result.skipped.append(f"job `{job.id}` not converted: {blocked}")
        return None
    creds = [c for u in convert for c in u.env_creds] + jp.dead_variables
    if followed is not None:
        creds += _followed_creds(doc, job, followed)
        jp.fed |= _freed_secrets(doc, job, followed)
        for c in followed.changes:
            jp.changes += [f"`{c.target.path.name}` (run by the job): {n}" for n in c.notes]
    _remove_variables(doc, job, creds, jp)
    jp.targets = sorted({i for u in convert for i in u.targets} | set(followed.targets if followed else ()),
                        key=lambda i: i.key)
    jp.cicd, jp.unresolved = _cicd_variables(doc, job, jp.fed)
    jp.environment = _environment(doc, job, jp, options.environment)
    _add_id_tokens(doc, job, jp, tokens, tokens_at)
    _raise_pins(doc, job, convert, jp)
    if root is not None:
        from codemods.gitlab.installs import install_pins

        pins = install_pins(root, job.text, convert, followed)
        if pins.blocked:
            result.skipped.append(f"job `{job.id}` not converted: {pins.blocked}")
            return None
        jp.pin_files = pins.files
        jp.changes += pins.notes
    return jp


def _freed_secrets(doc: Document, job: Job, followed: Followed) -> SetType[str]:
    """The CI/CD variables the followed files no longer read: what their removed credentials read, less
    the files' own shell variables (`api_token=…`), the pipeline's `variables:` (what those read is
    counted where they are removed) and what they still read."""
    from codemods.gitlab.pipeline import variable_chain

    defined = {n for _, env in variable_chain(doc, job) for n in env}
    after = "\n".join(c.new_text for c in followed.changes)
    before = "\n".join(c.old_text for c in followed.changes)
    return {v for v in followed.freed - defined if not predefined(v) and not mentions_variable(after, v)
            and not re.search(rf"(?m)^\s*(?:export\s+|local\s+|declare\s+)?{re.escape(v)}=", before)}


def pypirc_line(job: Job):
    """The job's script line that writes a .pypirc, by its path or through a variable holding it
    (`CFG=~/.pypirc` on one line, `echo "password = …" >> $CFG` on another)."""
    starts, text = [], ""
    for line in job.lines:
        starts.append(len(text))
        text += line.text + "\n"
    at = pypirc_write(text)
    return None if at is None else job.lines[max(i for i, s in enumerate(starts) if s <= at)]


def _followed_creds(doc: Document, job: Job, followed: Followed) -> List[Tuple[str, YamlPath, str]]:
    """The job's `variables:` (its own, its templates', the top level's) that the followed files read as
    credentials, or whose values fed a credential option the files lose: (name, path, value)."""
    from codemods.gitlab.pipeline import variable_chain

    after = "\n".join(c.new_text for c in followed.changes)
    out, seen = [], set()
    for path, env in variable_chain(doc, job):
        for name, value in env.items():
            if name in seen or not value.strip():
                continue
            if name in followed.credential_env or (name in followed.freed and not mentions_variable(after, name)):
                seen.add(name)
                out.append((name, path + (name,), value))
    return out


def _shared_template(doc: Document, job: Job, owners) -> Optional[str]:
    """Why a value the job takes from a template cannot be edited there: other jobs extend it too."""
    from codemods.gitlab.pipeline import template_users

    from codemods.gitlab.pipeline import _identity, users_of

    users = template_users(doc)
    for t in dict.fromkeys(o for o in owners if o not in (job.id, "variables")):
        others = [u for u in users_of(users, t) if _identity(u) != _identity(job.id)]
        if others:
            what = _what_from(job, t)
            return (f"its {what} {'come' if ' and ' in what else 'comes'} from the template `{t}`{_of(doc, t, job.id)}, which "
                    f"{', '.join(f'`{o}`' + _of(doc, o, job.id) for o in others)} also extend{'s' if len(others) == 1 else ''}: editing the "
                    "template would change them too; give the job its own copy (or migrate them together by hand)")
    return None


def _what_from(job: Job, template: str) -> str:
    keys = [k for k, t in job.inherited.items() if t == template]
    return " and ".join(f"`{k}:`" for k in keys) or "`variables:`"


def _oidc_blocker(doc: Document, job: Job, convert: List[Upload], tokens, tokens_at,
                  followed: Optional[Followed] = None) -> Optional[str]:
    if INPUTS.search(job.id):
        return ("its name is a `$[[ inputs ]]` expression, made when the file is included; add `id_tokens` and "
                "remove the credentials in the template by hand")
    if any(isinstance(a, str) and INPUTS.search(a) for a in tokens.values()):
        return "the audience of its `id_tokens` is a `$[[ inputs ]]` expression; set `aud: pypi` by hand"
    wanted = [i for u in convert for i in u.targets] + list(followed.targets if followed else ())
    if tokens_at is not None and tokens_at[0] != job.id and not all(has_audience(tokens, i) for i in wanted):
        return (f"its `id_tokens` come from `{tokens_at[0]}:`; a job-level `id_tokens` would replace them whole, so add "
                f"the PyPI entry there (or to the job, with the others) by hand")
    creds = [c for u in convert for c in u.env_creds] + (_followed_creds(doc, job, followed) if followed else [])
    shared = _shared_template(doc, job, [u.line.path[0] for u in convert] + [p[0] for _, p, _ in creds])
    if shared:
        return shared
    for u in convert:
        if u.uploader.name != "twine":
            continue
        config = pypirc_line(job)
        if config is not None or any(w.value.startswith("--config-file") for w in u.command.words[u.args_from:]):
            where = f" (line {doc.line_of(config.path)})" if config is not None and doc.line_of(config.path) else ""
            what = f"writes a .pypirc{where}" if config is not None else "passes `--config-file`"
            return f"it {what}: {PYPIRC_REASON}"
    python, image = _python_image(doc, job) or (None, "")
    for u in convert:
        tp = u.uploader.trusted
        if python and tp and tp.min_python and python < tp.min_python:
            return (f"its image (`{image}`) runs Python {'.'.join(map(str, python))}, too old for {u.uploader.name} "
                    f"{'.'.join(map(str, _minimum(u)))} (Python {'.'.join(map(str, tp.min_python))} or later), the "
                    "first with Trusted Publishing: pip would install an older one that cannot use it; move the job to "
                    "a newer image first")
    return None


def _python_image(doc: Document, job: Job) -> Optional[Tuple[Tuple[int, int], str]]:
    """The Python of the job's image: its own, else the nearest template's it extends, else `default:`'s
    or the top level's."""
    from codemods.gitlab.pipeline import extends_of, template_chain, top_level

    images = [job.data.get("image")] + [doc.get((t, "image")) for t in template_chain(doc, extends_of(job.data))] + \
        [doc.get((d, "image")) for d in top_level(doc, "default")] + [doc.get((d,)) for d in top_level(doc, "image")]
    for image in images:
        if isinstance(image, dict):
            image = image.get("name")
        if isinstance(image, str):
            m = PYTHON_IMAGE.search(image)
            return ((int(m.group(1) or m.group(3)), int(m.group(2) or m.group(4))), image) if m else None
    return None


def _minimum(u: Upload) -> Tuple[int, ...]:
    tp = u.uploader.trusted
    return (tp.gitlab_min_version or tp.min_version or ()) if tp else ()


def _cut_credentials(doc: Document, u: Upload, jp: _JobPlan) -> bool:
    """Cut the credential flags and `VAR=` prefixes of the command (the GitHub run-step way)."""
    script = u.line.text
    pieces = [(f.flag.start, f.end) for f in u.cred_flags] + [(w.start, w.end) for _, w in u.cred_prefix]
    from codemods.publishers.run_step import line_cuts

    cuts = line_cuts(script, pieces)
    if cuts is None:
        jp.warnings.append(f"a credential option runs over a line continuation in {u.label}; remove it by hand")
        return False
    jp.edits += [Replace(u.line.path, s, e, "") for s, e in cuts]
    shown = [f"`{f.flag.value}`" for f in u.cred_flags] + [f"`{n}=`" for n, _ in u.cred_prefix]
    if shown:
        jp.changes.append(f"{u.label} in job `{u.job_id}`: removed {', '.join(shown)} from the command")
    for f in u.cred_flags:
        jp.fed |= _fed(f.raw)
    for name, w in u.cred_prefix:
        jp.removed.add(name)
        jp.fed |= _fed(w.value.partition("=")[2])
    up = u.uploader
    if up.oidc_flags and not any(w.value.startswith(up.oidc_flags[0]) for w in u.command.words):
        word = u.command.words[u.args_from - 1]
        jp.edits.append(Replace(u.line.path, word.end, word.end, " " + " ".join(up.oidc_flags)))
        jp.changes.append(f"{u.label} in job `{u.job_id}`: added `{' '.join(up.oidc_flags)}` so that a "
                          "misconfiguration fails loudly")
    for f in u.flags:
        if f.kind == "user" and f.text.strip() not in ("__token__", "") and "$" not in f.text:
            jp.warnings.append(f"{u.label} in job `{u.job_id}` logged in as user `{f.text}`; PyPI no longer accepts "
                               "passwords, so the user goes too")
    if up.note:
        jp.warnings.append(up.note)
    if up.trusted and up.trusted.gitlab_min_version and not up.trusted.package:  # no pin of it can be read
        jp.warnings.append(f"{up.name} reads GitLab's ID token from {'.'.join(map(str, up.trusted.gitlab_min_version))} "
                           f"on: make sure the job's image or install brings that version or a later one")
    return True


def _script_copies(doc: Document, job: Job, convert: List[Upload], jp: _JobPlan) -> Optional[str]:
    """Remove what the job's script keeps of the token once the credential options are gone: an exported
    credential variable of the uploader (`export TWINE_PASSWORD=$PYPI_TOKEN`: twine would still read it),
    and a copy nothing reads any more (`TWINE_PASSWORD=${!NAME}` before `--password $TWINE_PASSWORD`;
    `api_token=$PYPI_TOKEN` before `-p "$api_token"`), in turn what fed it. A line goes whole, only when it
    holds the one assignment, in the job or a template only it extends. Why the job cannot convert, if so."""
    from codemods.gitlab.pipeline import script_assignments

    owners = {job.id} | {u.line.path[0] for u in convert}
    creds = {n for u in convert for n in u.uploader.credentials.variables}
    assigns = script_assignments(job.lines)
    wanted = {a.name for u in convert for a in u.script_creds} | set(jp.fed)
    if re.search(r"(?m)^\s*set\s+(-[a-zA-Z]*a|-o\s+allexport)", job.text):
        return None  # every assignment is exported: none of them is the script's alone
    done: set = set()
    progress = True
    while progress:
        progress = False
        for a in assigns:
            key = (a.line.path, a.command.start)
            if a.name not in wanted or key in done:
                continue
            credential = a.exported and a.name in creds
            if _read_after(doc, jp, jp.edits, a.name):
                continue  # a credential still read refuses the job later (`_reader`); a copy still read stays
            line = _assignment_line(doc, a)
            cut = _line_cut(a) if a.line.path[0] in owners and a.alone else None
            if cut is None:
                if credential:
                    return (f"`{a.command.words[0].text} …`{f' (line {line})' if line else ''} sets `{a.name}`, which "
                            "the uploader reads; remove it by hand, then run again")
                jp.warnings.append(f"`{a.name}=…`{f' (line {line})' if line else ''} is left as is: nothing reads it "
                                   "once the credentials are gone, but pubmode cannot take its line out; remove it by "
                                   "hand")
                done.add(key)
                continue
            jp.edits.append(cut)
            done.add(key)
            jp.removed.add(a.name)
            refs = _fed(a.value)
            jp.fed |= refs
            wanted |= refs
            shown = " ".join(w.text for w in a.command.words[:-1]) + (" " if len(a.command.words) > 1 else "")
            jp.changes.append(f"removed `{shown}{a.name}=…`{f' (line {line})' if line else ''}: "
                              + ("the uploader would read it" if credential else
                                 "nothing reads it once the credentials are gone"))
            progress = True
        own = variables_of(job.data.get("variables"))
        if own and not _merged(doc, (job.id, "variables")):
            creds_env = {c[0] for u in convert for c in u.env_creds}
            for name, value in own.items():  # a copy in the job's own `variables:` (`PASS: $PYPI_SECRET`, `-p $PASS`)
                if name in wanted and name not in jp.removed and name not in creds_env and \
                        not _read_after(doc, jp, jp.edits, name):
                    jp.removed.add(name)
                    jp.dead_variables.append((name, (job.id, "variables", name), value))
                    wanted |= _fed(value)
                    progress = True
    return None


def _variables_source(doc: Document, job: Job) -> str:
    value = job.data.get("variables")
    if not isinstance(value, dict):
        return "is not a mapping"
    from codemods.errors import Unsupported

    try:
        doc.pair((job.id, "variables"))
    except Unsupported as e:
        if "merge key" not in str(e):
            return "comes from a YAML alias"
    return "comes from a YAML merge key (<<)"


def _merged(doc: Document, path) -> bool:
    """The key comes from a YAML merge key (`<<`) or sits under an alias: the job does not write it."""
    from codemods.errors import Unsupported

    try:
        return doc.pair(path) is None and doc.get(path) is not None
    except (Unsupported, KeyError):
        return True


def _assignment_line(doc: Document, a) -> int:
    from codemods.gitlab.pipeline import _line_offset

    at = doc.line_of(a.line.path)
    return at + _line_offset(doc, a.line, a.command) if at else 0


def _line_cut(a) -> Optional[Edit]:
    """The edit that takes the assignment's line out of its script entry (the entry, when it is all of it)."""
    text, s, e = a.line.text, a.command.start, a.command.end
    head = text.rfind("\n", 0, s) + 1
    tail = text.find("\n", e)
    after = text[e:tail if tail >= 0 else len(text)].strip(" \t\r")
    if text[head:s].strip(" \t") or (after and not after.startswith("#")):
        return None
    if tail >= 0:
        return Replace(a.line.path, head, tail + 1, "")
    if head > 0:
        return Replace(a.line.path, head - 1, len(text), "")
    return Remove(a.line.path) if isinstance(a.line.path[-1], int) else None


def _read_after(doc: Document, jp: _JobPlan, edits: List[Edit], name: str) -> bool:
    """Whether the job (its scripts and keys, its templates' scripts) still reads `name` after the edits."""
    job = jp.job
    new = _data_after(doc, edits)
    for owner in [job.id] + [t for t in job.templates if t in job.inherited.values()]:
        data = new.get(doc.file_of((owner,)) if hasattr(doc, "file_of") else doc)
        after = data.get(str(owner)) if isinstance(data, dict) else None
        if any(mentions_variable(text, name) for _, text in strings_under(after, (owner,))):
            return True
    return False


def _cicd_variables(doc: Document, job: Job, names: SetType[str]) -> Tuple[SetType[str], List[str]]:
    """The CI/CD variables of the project the names come from: a name the pipeline sets itself (its
    `variables:`, an assignment of the job's script) is not one, but what its value reads is (`X=$Y`,
    `X: ${Y}` lead to Y). A value pubmode cannot follow (`${!NAME}`, a command's output) is returned as
    written, with its line."""
    from codemods.gitlab.pipeline import script_assignments, variable_chain

    defined: Dict[str, List[Tuple[str, str]]] = {}
    for path, env in variable_chain(doc, job):
        for name, value in env.items():
            defined.setdefault(name, []).append((value, ""))
    for a in script_assignments(job.lines):
        line = _assignment_line(doc, a)
        defined.setdefault(a.name, []).append((a.value, f" (line {line})" if line else ""))
    out: SetType[str] = set()
    unresolved: List[str] = []
    seen: SetType[str] = set()
    todo = sorted(names)
    while todo:
        name = todo.pop(0)
        if name in seen or predefined(name):
            continue
        seen.add(name)
        if name not in defined or not any(v.strip() for v, _ in defined[name]):
            out.add(name)  # (an empty `variables:` entry is a default the project's settings override)
            continue
        for value, where in defined[name]:
            if "${!" in value or "$(" in value or "`" in value:
                unresolved.append(f"`{name}={value}`{where}")
            else:
                todo += sorted(_fed(value))
    return out, list(dict.fromkeys(unresolved))


def _unknown_index(u: Upload, job: Job, tokens) -> str:
    """An upload whose index is known only at run time (a variable, a `$[[ inputs ]]`) is left as it is; what
    it publishes with is said only when the file shows it."""
    head = f"{u.label} in job `{job.id}` uploads to an index given by {u.where}, known only at run time"
    if u.visible_token or not tokens or not u.trusted_capable:
        return head + "; it keeps its token"
    return head + ("; left as is: it passes no token, so with the job's `id_tokens` it may publish with Trusted "
                   "Publishing already; check by hand")


def _fed(value: str) -> SetType[str]:
    """CI/CD variables a removed value reads (GitLab's predefined `CI_*` are not the project's)."""
    return {v for v in VARIABLE.findall(value) if not predefined(v)}


def _remove_variables(doc: Document, job: Job, creds: List[Tuple[str, YamlPath, str]], jp: _JobPlan) -> None:
    """Remove the credential variables where they are defined: the job's `variables:`, a template only
    this job extends (checked before), the top level's (decided for all jobs together)."""
    by_owner: Dict[str, List[str]] = {}
    for name, path, value in creds:
        if path[0] == "variables":
            jp.top_level.add((path[0], name))
        elif name not in by_owner.setdefault(path[0], []):
            by_owner[path[0]].append(name)
        jp.removed.add(name)
        jp.fed |= _fed(value)
    for owner, gone in by_owner.items():
        own = doc.get((owner, "variables"))
        if isinstance(own, dict) and set(own) <= set(gone):
            jp.edits.append(Remove((owner, "variables")))
        else:
            jp.edits += [Remove((owner, "variables", n)) for n in gone]
        where = "the job's `variables:`" if owner == job.id else f"the `variables:` of the template `{owner}`" \
            f"{_of(doc, owner, job.id)} (only this job extends it)"
        jp.changes.append(f"removed {', '.join(f'`{n}`' for n in gone)} from {where}")


def _add_id_tokens(doc: Document, job: Job, jp: _JobPlan, tokens, tokens_at) -> None:
    missing = [i for i in jp.targets if not has_audience(tokens, i)]
    if not missing:
        return
    own = job.data.get("id_tokens")
    if isinstance(own, dict):
        for i in missing:
            wrong = misnamed(tokens, i)
            if wrong and wrong in own and not mentions_variable(job.text, wrong) and \
                    not any(misnamed(tokens, j) == wrong for j in jp.targets if j is not i):
                jp.edits += [Remove((job.id, "id_tokens", wrong)), Set((job.id, "id_tokens", id_token_name(i)), own[wrong])]
                jp.changes.append(f"renamed `id_tokens: {wrong}` (audience `{i.key}`) to `{id_token_name(i)}`, the "
                                  f"variable the uploader reads the {i.title} token from")
                continue
            entry = own.get(id_token_name(i))
            if isinstance(entry, dict) and "aud" in entry:
                jp.edits.append(Set((job.id, "id_tokens", id_token_name(i), "aud"), i.key))
                jp.changes.append(f"set the audience of `id_tokens: {id_token_name(i)}` to `{i.key}` "
                                  f"(it was `{entry['aud']}`)")
            else:
                jp.edits.append(Set((job.id, "id_tokens", id_token_name(i)), {"aud": i.key}))
                jp.changes.append(f"added `{id_token_name(i)}` (audience `{i.key}`) to the job's `id_tokens`")
        return
    jp.edits.append(Set((job.id, "id_tokens"), {id_token_name(i): {"aud": i.key} for i in missing},
                        after=tuple(k for k in NEW_KEY_AFTER if k in job.data)[:1]))
    jp.changes.append("added `id_tokens: " + ", ".join(f"{id_token_name(i)}` (audience `{i.key}`)" for i in missing)
                      + (", so that the uploader can mint an OIDC token" if len(missing) == 1 else ""))


def _raise_pins(doc: Document, job: Job, convert: List[Upload], jp: _JobPlan) -> None:
    from codemods.gitlab.installs import on_gitlab

    for up in {u.uploader.name: on_gitlab(u.uploader) for u in convert if on_gitlab(u.uploader)}.values():
        minimum = up.trusted.min_version
        for line in job.lines:
            for m, new in too_old_pins(up, line.text, minimum):
                jp.edits.append(Replace(line.path, m.start(), m.end(), new))
                where = "" if line.path[0] == job.id else f" in the template `{line.path[0]}`{_of(doc, line.path[0], job.id)}"
                jp.changes.append(f"raised the pin `{m.group(0)}`{where} to `{new}` (Trusted Publishing on GitLab needs "
                                  f"{up.name} {'.'.join(map(str, minimum))} or later)")


def _listed(items: List[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _data_after(doc: Document, edits: List[Edit]) -> dict:
    """Every file's data with the edits made, by document (a GitHub-style single file: itself)."""
    if hasattr(doc, "data_after"):
        return doc.data_after(edits)
    return {doc: apply_to_data(doc.data, edits)}


def _of(doc: Document, key: str, near: str = "") -> str:
    """` of `ci/x.yml`` when the key is in another file than `near` (by default: the top-level pipeline)."""
    from codemods.gitlab.pipeline import file_name

    def shown(k):
        return file_name(doc, k) or getattr(doc, "shown", "")

    where = shown(key)
    if where == (shown(near) if near and near != "," else getattr(doc, "shown", "")):
        return ""
    return f", in `{where}`" if near == "," else f" of `{where}`"


def _reads(job: Job, name: str) -> bool:
    return any(name in u.uploader.credentials.variables for u in job.uploads) or any(
        mentions_variable(s, name) for _, s in strings_under(job.data, ()))


def _reader(doc: Document, jp: _JobPlan, edits: List[Edit], scope: List[Job]) -> Optional[str]:
    """Every place of the job (or, for a removed top-level variable, of any job) that still reads a credential
    that goes, with the variables each reads: the release would change silently. None when nothing does."""
    names = set(jp.removed) | jp.fed | jp.credential_names
    new = _data_after(doc, edits)
    places: Dict[str, List[str]] = {}  # where (`rules` (line 129)) -> the names read there
    for job in scope:
        owners = [job.id] + ([t for t in job.templates if t in job.inherited.values()] if job is jp.job else [])
        for owner in owners:
            data = new.get(doc.file_of((owner,)) if hasattr(doc, "file_of") else doc)
            after = data.get(str(owner)) if isinstance(data, dict) else None
            for path, text in strings_under(after, (owner,)):
                for name in sorted(names):
                    if mentions_variable(text, name):
                        line = doc.line_of(path) or doc.line_of(path[:2])
                        where = f"`{path[1]}`" + (f" (line {line}{_of(doc, owner, ',')})" if line else "")
                        if name not in places.setdefault(where, []):
                            places[where].append(name)
    if not places:
        return None
    read = sorted({n for found in places.values() for n in found})
    head = f"{_listed([f'`{n}`' for n in read])} would no longer be set, or must be deleted from the CI/CD variables, but "
    if len(places) == 1:
        (where, _), = places.items()
        key, _, line = where.partition(" ")
        return (head + f"{key} still reads {'it' if len(read) == 1 else 'them'}" + (f" {line}" if line else "")
                + "; remove that by hand, then run again")
    return (head + "they are still read: " + "; ".join(f"{_listed([f'`{n}`' for n in found])} by {where}"
                                                      for where, found in places.items())
            + "; remove those by hand, then run again")


# ---- to-token ----------------------------------------------------------------------------------
def _to_token(doc: Document, publishing: List[Job], options: Options, result: Plan,
              follows: Dict[str, Followed], project: GitLabProject) -> None:
    # a pipeline whose only uploads go to GitLab's own registry publishes nothing to PyPI, with a token or without
    # (aphp/confit: "already publishes with API tokens"): said as to-oidc says it
    registry_only = not follows and all(u.registry for job in publishing for u in job.uploads)
    for job in publishing:
        with about_job(result, job.id):
            result.skipped += [f"{u.label} in job `{job.id}` uploads to GitLab's package registry (`CI_JOB_TOKEN`), "
                               "not to PyPI; left as is" for u in job.uploads if u.registry and registry_only]
            for secret in _token_job(doc, job, options, result, follows.get(job.id)):  # what the token must upload
                result.token_projects.setdefault(secret, set()).update(p for p in project.projects_of(job.text) if p)


def _token_job(doc: Document, job: Job, options: Options, result: Plan,
               followed: Optional[Followed] = None) -> SetType[str]:
    """Convert one job to its token; the variables it adds for the token (for the scope the token needs)."""
    from codemods.follow.passenv import token_uploader

    tokens, tokens_at = id_tokens(doc, job.id)
    if not tokens:
        return set()  # no OIDC token: every upload has its token (in the file or the CI/CD variables)
    result.skipped += [_unknown_index(u, job, tokens) for u in job.uploads
                       if u.index_unknown and not u.registry and u.trusted_capable and not u.visible_token]
    ours = [u for u in job.uploads if u.targets and not u.registry and not u.index_unknown and u.trusted_capable]
    trusted = [u for u in ours if not u.visible_token and all(has_audience(tokens, i) or misnamed(tokens, i)
                                                              for i in u.targets)]
    mixed = [u for u in ours if u.visible_token and any(has_audience(tokens, i) for i in u.targets)]
    if followed is not None and (followed.uses_token or _followed_creds(doc, job, followed)
                                 or not all(has_audience(tokens, i) for i in followed.targets)):
        followed = None  # it uploads with its token: nothing of it changes
    if followed is not None and followed.manual:
        result.skipped.append(f"job `{job.id}` not converted: it runs an upload to change by hand: "
                              + "; ".join(followed.manual))
        return set()
    if not trusted and not mixed and followed is None:
        return set()
    if MANUAL_MINT.search(job.text):
        result.skipped.append(f"job `{job.id}` not converted: it mints its upload token itself (`python -m id`, "
                              "`/_/oidc/mint-token`); replace those lines with a token variable by hand")
        return set()
    shared = _shared_template(doc, job, [u.line.path[0] for u in trusted if u.uploader.oidc_flags])
    if shared:
        result.skipped.append(f"job `{job.id}` not converted: {shared}")
        return set()
    if tokens_at is None or tokens_at[0] != job.id:
        result.skipped.append(f"job `{job.id}` not converted: its `id_tokens` come from `{tokens_at[0]}:`, which other "
                              "jobs share; change them there by hand")
        return set()
    edits: List[Edit] = []
    changes: List[str] = []
    added: SetType[str] = set()
    values: Dict[str, str] = {}
    # A `variables:` the job takes from a YAML merge key (or an alias, or not a mapping) cannot be added to: a
    # job-level one replaces the merged map whole. The token then goes into each upload's command, as a
    # `VAR=… cmd` prefix (what to-oidc removes).
    in_command = "variables" in job.data and (_merged(doc, (job.id, "variables"))
                                              or not isinstance(job.data.get("variables"), dict))
    if in_command and followed is not None:
        result.skipped.append(f"job `{job.id}` not converted: its `variables:` {_variables_source(doc, job)}, which a "
                              "job-level `variables:` would replace whole; pass the token to the command that runs "
                              f"{followed.label} by hand")
        return set()
    if in_command:
        shared = _shared_template(doc, job, [u.line.path[0] for u in trusted])
        if shared:
            result.skipped.append(f"job `{job.id}` not converted: {shared}")
            return set()
    for u in trusted:
        secret = options.test_secret if u.targets == (TESTPYPI,) else options.secret
        prefix = []
        for name, value in u.uploader.credentials.token_env:
            new = value.format(secret="$" + secret)
            prefix.append(f"{name}={new}")
            if in_command:
                continue
            if values.get(name, new) != new:
                result.skipped.append(f"job `{job.id}` not converted: its uploads to PyPI and TestPyPI would need two "
                                      f"values of `{name}`; give each upload its own token by hand (or split the job)")
                return set()
            values[name] = new
        added.add(secret)
        if in_command and prefix:
            first = u.command.words[0]  # replaced with the prefix before it (an insertion at a block line's start
            # would land before the block's indentation)
            edits.append(Replace(u.line.path, first.start, first.end, " ".join(prefix) + " " + first.text))
            changes.append(f"{u.label}: passes the token in the command (`{' '.join(prefix)}`): the job's `variables:` "
                           f"{_variables_source(doc, job)}, which a job-level `variables:` would replace whole")
        for span in oidc_flag_spans(u.uploader, u.command, u.line.text):
            if span is None:
                result.skipped.append(f"job `{job.id}` not converted: `{u.uploader.oidc_flags[0]}` and its value run "
                                      f"over a line continuation in {u.label}; remove them by hand")
                return set()
            edits.append(Replace(u.line.path, span[0], span[1], ""))
            changes.append(f"{u.label}: removed `{' '.join(u.line.text[span[0]:span[1]].split())}`")
    if followed is not None:
        up = token_uploader(followed.credential_env)
        if up is None:
            result.skipped.append(f"job `{job.id}` not converted: cannot tell which variables the upload in "
                                  f"{followed.label} reads; pass the token by hand")
            return set()
        secret = options.test_secret if followed.targets == (TESTPYPI,) else options.secret
        for name, value in up.credentials.token_env:
            new = value.format(secret="$" + secret)
            if values.get(name, new) != new:
                result.skipped.append(f"job `{job.id}` not converted: its uploads would need two values of `{name}`; "
                                      "give each upload its own token by hand")
                return set()
            values[name] = new
        added.add(secret)
        for c in followed.changes:
            changes += [f"`{c.target.path.name}` (run by the job): {n}" for n in c.notes]
    if values:
        own = job.data.get("variables")
        if isinstance(own, dict):
            edits += [Set((job.id, "variables", k), v) for k, v in values.items() if own.get(k) != v]
        elif own is None and "variables" not in job.data:
            edits.append(Set((job.id, "variables"), values, after=tuple(k for k in NEW_KEY_AFTER if k in job.data)[:1]))
        else:
            result.skipped.append(f"job `{job.id}` not converted: its `variables:` is not a mapping; add "
                                  f"{', '.join(values)} by hand")
            return set()
        changes.append(f"set {', '.join(f'`{k}`' for k in values)} in the job's `variables:` from the CI/CD variable"
                       f"{'s' if len(added) > 1 else ''} {', '.join(f'`{s}`' for s in sorted(added))}")
    indexes = {i for u in trusted + mixed for i in u.targets} | set(followed.targets if followed else ())
    drop = [id_token_name(i) for i in INDEXES if i in indexes and id_token_name(i) in tokens] + \
        [n for i in INDEXES if i in indexes and (n := misnamed(tokens, i))]
    drop = list(dict.fromkeys(drop))
    kept = [n for n in drop if mentions_variable(job.text, n)]
    drop = [n for n in drop if n not in kept]
    if drop:
        if set(tokens) <= set(drop):
            edits.append(Remove((job.id, "id_tokens")))
        else:
            edits += [Remove((job.id, "id_tokens", n)) for n in drop]
        changes.append(f"removed {', '.join(f'`{n}`' for n in drop)} from `id_tokens`"
                       + ("" if trusted or followed else " (the job uploads with its token: the OIDC token was unused)"))
    if kept:
        result.warnings.append(f"job `{job.id}` reads {', '.join(f'`{n}`' for n in kept)} itself: its `id_tokens` "
                               "entry stays")
    result.edits += edits
    result.companions += followed.companions if followed else []
    result.changes += [Note(c, job=job.id, why=WHY["to-token"]) for c in changes]
    result.added_secrets |= added
    return added
