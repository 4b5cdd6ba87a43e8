"""The report a run prints on stderr: per file what changed or why not, then the next steps."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import AbstractSet, Dict, Iterator, List, Optional, Tuple

from codemods.migrate import TO_OIDC, Options
from codemods.notes import WHY, job_of, why_of
from codemods.registration import Registration, environment_names, host_not_accepted
from codemods.runner import FileResult, RunResult


def render_report(run: RunResult, options: Options, wrote: bool) -> str:
    return "".join(report_chunks(run, options, wrote))


def report_chunks(run: RunResult, options: Options, wrote: bool) -> Iterator[str]:
    """The report in pieces of whole lines, to write as they are made: a run over many files never
    holds the whole text."""
    lines: List[str] = [f"error: {e}" for e in run.path_errors]
    for f in run.files:
        lines += _file_lines(f, options, wrote)
        if len(lines) >= 512:
            yield "".join(line + "\n" for line in lines)
            lines = []
    steps = next_steps(run, options)
    if steps:
        lines += ["", "Next steps:"] + steps
    lines += ["", _summary(run, wrote)]
    yield "".join(line + "\n" for line in lines)


def _file_lines(f: FileResult, options: Options, wrote: bool) -> List[str]:
    if f.error:
        return [f"error: {f.error}"]
    p = f.plan
    if f.changed:
        mode = "Trusted Publishing" if options.direction == TO_OIDC else "API-token publishing"
        lines = [f"{f.shown}: converted to {mode}" + ("" if wrote else " (not written)")]
        whys = {why_of(c) for c in p.changes}
        workflow_level = {WHY[options.direction, "workflow-permissions"]}
        # to-token: only an unused `id-token: write` taken away (from the workflow or the jobs), no upload changed
        unused = options.direction != TO_OIDC and whys <= workflow_level | {WHY[options.direction, "permissions"]}
        if not f.companions and p.changes and (whys == workflow_level or unused):  # no publish step changed
            already = "Trusted Publishing" if options.direction == TO_OIDC else "API tokens"
            # a job given its own `id-token: write` (a note about that job): narrowed; else only removed
            done = "removed where no step uses it" if whys != workflow_level else \
                "narrowed to the jobs that use it" if any(job_of(c) for c in p.changes) else \
                "removed from the workflow level"
            lines = [f"{f.shown}: already publishes with {already}; `id-token: write` {done}"
                     + ("" if wrote else " (not written)")]
        lines += [f"  - {c}" for c in p.changes] + [f"  - {s}" for s in p.skipped]
        lines += [f"  - also changes {c.target.name} (composite action)" if c.target.kind == "composite" else
                  f"  - also changes {c.target.path.name} ({c.target.kind}"
                  + (f" `{c.target.name}`" if c.target.name else "") + ")" for c in f.companions]
    elif len(p.skipped) == 1:
        lines = [f"{f.shown}: unchanged: {p.skipped[0]}"]
    elif p.skipped:
        lines = [f"{f.shown}: unchanged"] + [f"  - {s}" for s in p.skipped]
    else:
        already = "Trusted Publishing" if options.direction == TO_OIDC else "API tokens"
        lines = [f"{f.shown}: unchanged: already publishes with {already}"]
    return lines + [f"  warning: {w}" for w in dict.fromkeys(p.warnings)]  # one tool note per file, not per step


def _summary(run: RunResult, wrote: bool) -> str:
    errors = sum(1 for f in run.files if f.error)
    changed = run.changed_files
    text = f"{changed} file{'s' if changed != 1 else ''} {'changed' if wrote else 'would change'}, "
    text += f"{sum(1 for f in run.files if not f.changed and not f.error)} unchanged"
    errors += len(run.path_errors)
    if errors:
        text += f", {errors} error{'s' if errors != 1 else ''}"
    return text


@dataclass
class NextSteps:
    """What to do after the run, in every format: publishers to register (on github.com), hosts PyPI
    takes none from, environments to protect, secrets to delete and revoke (to-oidc) or create (to-token)."""

    registrations: List[Registration] = field(default_factory=list)
    elsewhere: List[str] = field(default_factory=list)
    environments: List[str] = field(default_factory=list)
    revoke: List[str] = field(default_factory=list)
    create: List[str] = field(default_factory=list)
    create_projects: Dict[str, List[str]] = field(default_factory=dict)  # a secret created -> the projects it
    # uploads, where pubmode can name them (one token scoped to a project cannot upload another)
    create_run_time: Dict[str, List[str]] = field(default_factory=dict)  # a secret created -> where its uploads
    # pick their project at run time
    create_unknown: Dict[str, List[str]] = field(default_factory=dict)  # a secret created -> why pubmode cannot
    # name a project its uploads publish (to-oidc's `<project name>`)
    # the same for GitLab pipelines, whose tokens are CI/CD variables (also in `revoke` and `create`)
    revoke_variables: List[str] = field(default_factory=list)
    create_variables: List[str] = field(default_factory=list)
    # of `create`, the GitHub workflows' secrets: a name may be both a secret and a CI/CD variable, one per forge
    create_github: List[str] = field(default_factory=list)
    create_test: List[str] = field(default_factory=list)  # of `create`, those given TestPyPI's token
    gitlab_environments: List[str] = field(default_factory=list)  # of `environments`, those GitLab publishers name
    find_and_revoke: List[str] = field(default_factory=list)  # tokens pubmode cannot name: what to look for
    # a host of `elsewhere` -> the files converted there (and the files they run that changed): not to merge
    held: Dict[str, List[str]] = field(default_factory=dict)

    def scope(self, secret: str) -> str:
        """The scope the token of a secret created must have (`scope`)."""
        return scope(secret, self.create_projects.get(secret), self.create_run_time.get(secret),
                     self.create_unknown.get(secret))


def plan_next_steps(run: RunResult, options: Options) -> NextSteps:
    changed = [f for f in run.files if f.changed and not f.error]
    gitlab = [f for f in changed if f.plan.platform == "gitlab"]
    if options.direction != TO_OIDC:
        create = NextSteps(create=sorted(set().union(*(f.plan.added_secrets for f in changed))) if changed else [])
        create.create_variables = sorted(set().union(*(f.plan.added_secrets for f in gitlab))) if gitlab else []
        github = [f for f in changed if f.plan.platform != "gitlab"]
        create.create_github = sorted(set().union(*(f.plan.added_secrets for f in github))) if github else []
        create.create_test = sorted(set().union(*(f.plan.test_secrets for f in changed))) if changed else []
        for name in create.create:
            projects = sorted(set().union(*(f.plan.token_projects.get(name, set()) for f in changed)))
            if projects:
                create.create_projects[name] = projects
            run_time = list(dict.fromkeys(w for f in changed for w in f.plan.token_run_time.get(name, ())))
            if run_time:
                create.create_run_time[name] = run_time
            unknown = list(dict.fromkeys(w for f in changed for w in f.plan.token_unknown.get(name, ())))
            if unknown and not run_time and len(projects) < 2:
                create.create_unknown[name] = unknown
        return create
    regs: Dict[Tuple, Registration] = {}
    held: Dict[str, List[str]] = {}  # never a registration that cannot work: its files are not to be merged
    for f in changed:
        for r in f.plan.registrations:
            regs.setdefault((r.index.key, r.owner, r.repository, r.workflow, r.environment, r.project), r)
            if not r.accepted:
                held.setdefault(r.host, [])
                held[r.host] += [n for n in [f.shown] + _companions_shown(f) if n not in held[r.host]]
    held_files = {n for files in held.values() for n in files}
    accepted = [r for r in regs.values() if r.accepted]
    unused = run.unused_secrets & set().union(*(f.plan.removed_secrets for f in changed)) if changed else set()
    # A GitLab pipeline never converts where PyPI takes no publisher (a self-managed origin is refused): its CI/CD
    # variables are to revoke. The secrets a GitHub file not to be merged stops reading are still read by it.
    variables = sorted(unused & set().union(*(f.plan.removed_secrets for f in gitlab))) if gitlab else []
    kept = set().union(*(f.plan.removed_secrets for f in changed if f.shown in held_files)) if held else set()
    steps = NextSteps(accepted, sorted(held), sorted({n for r in accepted if r.environment
                                                      for n in environment_names(r.environment)}),
                      sorted((unused - kept) | set(variables)))
    steps.held = {host: held[host] for host in sorted(held)}
    steps.gitlab_environments = sorted({n for r in accepted if r.environment and r.provider == "gitlab"
                                        for n in environment_names(r.environment)})
    # a GitHub workflow's tokens are kept where its host takes no publisher (as `revoke` above)
    steps.find_and_revoke = list(dict.fromkeys(n for f in changed if f.plan.platform == "gitlab" or f.shown not in held_files
                                               for n in f.plan.revoke_notes))
    steps.revoke_variables = variables
    return steps


def _companions_shown(f: FileResult) -> List[str]:
    """The files a workflow runs that its change edits, as the diffs show them."""
    from codemods.project import find_root, root_for
    from codemods.workflow_files import shown_path

    git_root = find_root(f.path.parent) or root_for(f.path)
    return [shown_path(c.target.path, git_root) for c in f.companions]


def _listed_files(files: List[str]) -> str:
    return ", ".join(f"`{f}`" for f in files) or "this change"


def scope(secret: str, projects: Optional[List[str]], run_time: Optional[List[str]] = None,
          unknown: Optional[List[str]] = None) -> str:
    """The scope the token must have: one project's, or, where the secret serves several projects' uploads,
    every one of them (a token scoped to one project cannot upload another); where the uploads choose their
    project at run time (a monorepo's `packages-dir` from a step's output), every project they can publish
    (named, where a matrix written in the workflow says which); where pubmode cannot name the project (to-oidc
    asks for one publisher per project the job uploads), every project the job uploads."""
    if run_time and len(projects or ()) < 2:
        return (f"that can upload every project the job can publish, as it picks the project at run time "
                f"({'; '.join(run_time)}): an account-wide token, or one secret per project (a token scoped to "
                "one project cannot upload another)")
    if unknown and len(projects or ()) < 2:
        return (f"that can upload every project the job uploads, which pubmode cannot name ({'; '.join(unknown)}): "
                "scoped to that project if the job uploads only one, else an account-wide token (a token scoped to "
                "one project cannot upload another)")
    if not projects:
        return "scoped to the project"
    if len(projects) == 1:
        return f"scoped to the project `{projects[0]}`"
    return (f"that can upload {', '.join(f'`{p}`' for p in projects)} (an account-wide token: one scoped to a project "
            "cannot upload the others; or give each project's uploads a secret of their own)")


def gitlab_protection(environments: List[str], code: str) -> str:
    """The GitLab side of "protect the environment": every job of the pipeline can mint an OIDC token
    (domain.md §2.5), so the environment and the tags that release are what keep the others out."""
    many = len(environments) > 1
    return (f"- Optionally protect the GitLab environment{'s' if many else ''} "
            f"{', '.join(code.format(e) for e in environments)} (Settings > CI/CD > Protected environments, GitLab "
            "Premium) and the release tags (Settings > Repository > Protected tags): every job of the pipeline can "
            "mint an OIDC token, and only these decide who may run one that publishes.")


def token_kind(secret: str, options: Options, test: Optional[List[str]] = None) -> str:
    """What the secret must hold: the TestPyPI secret a token from test.pypi.org (PyPI's are not valid there);
    `test`: the secrets the run gave TestPyPI uploads (a reusable workflow's declared one, its callers')."""
    testpypi = secret == options.test_secret or secret in (test or ())
    return "a TestPyPI API token (from test.pypi.org)" if testpypi else "a PyPI API token"


def still_read(run: RunResult, options: Options, steps: Optional[NextSteps] = None) -> Dict[str, List[str]]:
    """(to-oidc) Secrets the converted uploads no longer use that other files still read -> those files:
    to keep until nothing reads them (every format says so, in its own words)."""
    steps = steps or plan_next_steps(run, options)
    if options.direction != TO_OIDC:
        return {}
    held = {n for files in steps.held.values() for n in files}  # a file not to be merged still reads its secrets
    kept = set().union(*(f.plan.removed_secrets for f in run.files if f.shown in held)) if held else set()
    return {name: list(where) for name, where in run.still_read.items() if name not in kept}


def still_read_text(name: str, where: List[str]) -> str:
    """The sentence about one secret of `still_read` (its first words are "The secret `NAME` is ")."""
    shown = ", ".join(f"`{w}`" for w in where) or "a file this run left alone"
    token = "" if holds_a_name(name) else " and revoke the API token it holds"
    return (f"The secret `{name}` is no longer used by the converted uploads but is still read by {shown}: keep it "
            f"until nothing reads it, then delete it{token}.")


def revoke_clause(secrets: List[str]) -> str:
    """" and revoke the API token it holds on PyPI or TestPyPI", for the secrets that may hold a token."""
    tokens = [s for s in secrets if not holds_a_name(s)]
    if not tokens:
        return ""
    many = len(secrets) > 1
    return f" and revoke the API token{'s' if len(tokens) > 1 else ''} {'among them' if many else 'it holds'} " \
        "on PyPI or TestPyPI"


def holds_a_name(secret: str) -> bool:
    """A secret named for a user name (`TWINE_USERNAME`, `PYPI_USER`), not a token or password: deleted, never
    "revoked" (jina-ai's workflows pass both)."""
    return re.search(r"USER|LOGIN", secret.upper()) is not None and \
        re.search(r"TOKEN|PASS|KEY|SECRET|PWD", secret.upper()) is None


def _other_name(secret: str, options: Options, kept: AbstractSet[str] = frozenset()) -> str:
    """Where the secret's name is pubmode's default, the flag that names one the repository already has (a
    round trip of a workflow that used `PYPI_TOKEN` asks for `PYPI_API_TOKEN`); `kept`: the secrets PyPI uploads
    the run left on their token read, named (gevent/gevent: `TWINE_PASSWORD`)."""
    if secret == options.secret and not options.secret_given and kept - {secret}:
        names = sorted(kept - {secret})
        if len(names) == 1:
            return (f" (or run again with `--secret {names[0]}`, the secret the uploads already on a token read, if "
                    "it holds a token for this project)")
        return (f" (or run again with `--secret NAME` to use one of the secrets {', '.join(f'`{n}`' for n in names)} "
                "that the uploads already on a token read)")
    if secret == options.secret and not options.secret_given:
        return " (or run again with `--secret NAME` to use a secret the repository already has)"
    if secret == options.test_secret and not options.test_secret_given:
        return " (or run again with `--test-secret NAME` to use a secret the repository already has)"
    return ""


def next_steps(run: RunResult, options: Options) -> List[str]:
    steps = plan_next_steps(run, options)
    kept = set().union(set(), *(getattr(f.plan, "kept_token_secrets", set()) for f in run.files if f.plan is not None))
    out: List[str] = [f"- Create the secret `{name}` holding {token_kind(name, options, steps.create_test)} "
                      f"{steps.scope(name)}, in the repository (or environment) settings"
                      f"{_other_name(name, options, kept)}." for name in steps.create_github]
    out += [f"- Create the CI/CD variable `{name}` (masked, protected) holding {token_kind(name, options)} "
            f"{scope(name, steps.create_projects.get(name))}, in the GitLab project's Settings > CI/CD > Variables." for name in steps.create_variables]
    for host in steps.elsewhere:
        files = steps.held.get(host, [])
        out.append(f"- Keep the API token of {_listed_files(files)}: {host_not_accepted(host)}. Do not merge the change "
                   f"to {'these files' if len(files) > 1 else 'this file'}; `migrate to-token` undoes it.")
    for r in steps.registrations:
        out.append(f"- Add a trusted publisher on {r.index.title} for project `{r.project or '<project name>'}` "
                   "before the next release" + (" (the form's GitLab tab):" if r.provider == "gitlab" else ":"))
        out.append("    " + "   ".join(f"{k}: {v}" for k, v in r.form()))
        out.append(f"    {r.link()}")
        if r.project:
            out.append(f"    (if the project is not on {r.index.title} yet: add a pending publisher at "
                       f"{r.index.site}/manage/account/publishing/)")
        else:
            out.append(f"    ({r.unknown_why}: use the project's name on {r.index.title}, "
                       "one publisher for each project the job uploads)")
    environments = [e for e in steps.environments if e not in steps.gitlab_environments or any(
        r.environment == e and r.provider != "gitlab" for r in steps.registrations)]
    if environments:
        out.append(f"- Optionally protect the environment{'s' if len(environments) > 1 else ''} "
                   f"{', '.join(f'`{e}`' for e in environments)} in the repository settings "
                   "(required reviewers, tag rules).")
    if steps.gitlab_environments:
        out.append(gitlab_protection(steps.gitlab_environments, "`{}`"))
    variables = steps.revoke_variables
    if variables:
        many = len(variables) > 1
        out.append(f"- After the first release with Trusted Publishing: delete the CI/CD variable{'s' if many else ''} "
                   f"no longer used ({', '.join(variables)}) in the GitLab project's settings and revoke the API "
                   f"token{'s' if many else ''} {'among them' if many else 'it holds'} on PyPI or TestPyPI.")
    out += [f"- {n}" for n in steps.find_and_revoke]
    out += [f"- {still_read_text(name, where)}" for name, where in still_read(run, options, steps).items()]
    held = {n for files in steps.held.values() for n in files}
    on_github = set().union(*(f.plan.removed_secrets for f in run.files if f.changed and not f.error
                              and f.plan.platform != "gitlab" and f.shown not in held))
    unused = [s for s in steps.revoke if s not in variables or s in on_github]  # a secret and a variable of one name
    if unused:
        many = len(unused) > 1
        out.append(f"- After the first release with Trusted Publishing: delete the secret{'s' if many else ''} no "
                   f"longer used ({', '.join(unused)})" + revoke_clause(unused) + ".")
    return out
