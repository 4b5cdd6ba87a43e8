"""The report a run prints on stderr: per file what changed or why not, then the next steps."""
from __future__ import annotations

from typing import Dict, List, Tuple

from codemods.migrate import TO_OIDC, Options, Registration
from codemods.runner import RunResult


def render_report(run: RunResult, options: Options, wrote: bool) -> str:
    lines: List[str] = []
    for f in run.files:
        if f.error:
            lines.append(f"error: {f.error}")
            continue
        p = f.plan
        if f.changed:
            verb = "converted to Trusted Publishing" if options.direction == TO_OIDC else "converted to API-token publishing"
            lines.append(f"{f.shown}: {verb}" + ("" if wrote else " (not written)"))
            lines += [f"  - {c}" for c in p.changes]
        else:
            reason = "; ".join(p.skipped) if p.skipped else "nothing to change"
            lines.append(f"{f.shown}: unchanged ({reason})" if len(p.skipped) <= 1 else f"{f.shown}: unchanged")
            if len(p.skipped) > 1:
                lines += [f"  - {s}" for s in p.skipped]
            p_skipped_shown = True
        if f.changed and p.skipped:
            lines += [f"  - {s}" for s in p.skipped]
        lines += [f"  warning: {w}" for w in p.warnings]
    steps = next_steps(run, options)
    if steps:
        lines += ["", "Next steps:"] + steps
    errors = sum(1 for f in run.files if f.error)
    changed = sum(1 for f in run.files if f.changed)
    summary = f"{changed} file{'s' if changed != 1 else ''} {'changed' if wrote else 'would change'}"
    summary += f", {len(run.files) - changed - errors} unchanged"
    if errors:
        summary += f", {errors} error{'s' if errors != 1 else ''}"
    lines += ["", summary]
    return "\n".join(lines) + "\n"


def next_steps(run: RunResult, options: Options) -> List[str]:
    out: List[str] = []
    changed = [f for f in run.files if f.changed]
    if options.direction == TO_OIDC:
        regs: Dict[Tuple, Registration] = {}
        for f in changed:
            for r in f.plan.registrations:
                regs.setdefault((r.index.key, r.owner, r.repository, r.workflow, r.environment, r.project), r)
        for r in regs.values():
            project = r.project or "<project name>"
            out.append(f"- Add a trusted publisher on {r.index.title} for project `{project}` before the next release:")
            out.append(f"    owner: {r.owner}   repository: {r.repository}   workflow: {r.workflow}   "
                       f"environment: {r.environment or '(none)'}")
            out.append(f"    {r.link()}")
            if r.project:
                out.append(f"    (a project not yet on {r.index.title}: add a pending publisher at "
                           f"{r.index.site}/manage/account/publishing/)")
            else:
                out.append("    (no project name found in pyproject.toml or setup.cfg: use the name on "
                           f"{r.index.title})")
        if any(not r.environment for r in regs.values()) is False and regs:
            out.append("- Create the environment(s) above in the repository settings and require a reviewer "
                       "for releases (optional, recommended).")
        if run.unused_secrets:
            names = ", ".join(sorted(run.unused_secrets))
            out.append(f"- Once a release has gone out: revoke the PyPI API token(s) and delete the secret(s) no "
                       f"longer used: {names}")
    else:
        needed = sorted(set().union(*(f.plan.added_secrets for f in changed))) if changed else []
        for name in needed:
            out.append(f"- Create the secret `{name}` (a PyPI API token scoped to this project) in the repository "
                       "or environment settings.")
    return out
