"""`migrate to-oidc|to-token --format json|markdown|github`: the run's report for machines, for a
reviewer (a pull request, `$GITHUB_STEP_SUMMARY`) and for GitHub's annotations.

One model (`report_data`, the JSON document, schema in docs/report.schema.json) is built from the
run; the markdown and the annotations are rendered from it, so the three always agree. `--format
text` is codemods/report.py, unchanged; the doctor's markdown is codemods/doctor/markdown_report.py.
"""
from __future__ import annotations

import datetime
import difflib
import json
import math
import re
from typing import Any, Dict, Iterator, List, Optional, Tuple

from codemods import __version__
from codemods.markdown import SUMMARY_LIMIT, Section, code, cut_lines, fenced, fit, inline, link, table
from codemods.migrate import NOTHING_TO_DO, TO_OIDC, Options
from codemods.notes import finding_of, job_of, why_of
from codemods.project import OWNER_PLACEHOLDER, find_root, root_for
from codemods.registration import Registration, host_not_accepted
from codemods.report import (gitlab_protection, next_steps, plan_next_steps, revoke_clause, scope, still_read,
                             still_read_text, token_kind)
from codemods.runner import FileResult, RunResult, text_diff
from codemods.workflow_files import shown_path

SCHEMA_VERSION = 1
FORMATS = ("text", "json", "markdown", "github")


# ---- the model: the JSON document --------------------------------------------------------------------------------

def report_data(run: RunResult, options: Options, wrote: bool, checking: bool = False) -> Dict[str, Any]:
    """Schema version 1 (docs/report.schema.json)."""
    steps = plan_next_steps(run, options)
    files = [_file_data(f, options) for f in run.files]
    errors = sum(1 for f in run.files if f.error)
    changed = sum(1 for f in run.files if f.changed and not f.error)
    return {
        "version": SCHEMA_VERSION,
        "tool": f"pubmode {__version__}",
        "command": options.direction,
        "mode": "write" if wrote else "check" if checking else "dry-run",
        "errors": list(run.path_errors),
        "files": files,
        "next_steps": {
            "register": [_registration(r) for r in steps.registrations],
            "not_on_github": [{"host": h, "reason": host_not_accepted(h), "files": steps.held.get(h, [])}
                              for h in steps.elsewhere],
            "protect_environments": steps.environments,
            "revoke_secrets": steps.revoke,
            "create_secrets": steps.create_github,
            **({"create_cicd_variables": steps.create_variables} if steps.create_variables else {}),
            "create_secret_projects": steps.create_projects,
            **({"create_secret_run_time": steps.create_run_time} if steps.create_run_time else {}),
            **({"create_secret_unknown_project": steps.create_unknown} if steps.create_unknown else {}),
            **({"create_secret_testpypi": steps.create_test} if steps.create_test else {}),
            **({"find_and_revoke": steps.find_and_revoke} if steps.find_and_revoke else {}),
            **({"still_read": still} if (still := still_read(run, options)) else {}),
            "text": next_steps(run, options),
        },
        "summary": {"changed": run.changed_files, "unchanged": len(run.files) - changed - errors,
                    "errors": errors + len(run.path_errors)},
    }


def _file_data(f: FileResult, options: Options) -> Dict[str, Any]:
    p = f.plan
    out: Dict[str, Any] = {"path": f.shown, "status": "error" if f.error else "changed" if f.changed else "unchanged",
                           "error": f.error, "error_line": f.error_line, "reason": None, "changes": [], "refusals": [],
                           "warnings": [], "edits": [], "semantic": [], "diff": None, "registrations": [],
                           "removed_secrets": [], "added_secrets": [], "companions": []}
    if f.error:
        return out
    refusals = [s for s in p.skipped if s != NOTHING_TO_DO]
    lines = _job_lines(f) if any(job_of(s) for s in refusals + p.warnings) else {}
    out["refusals"] = [{"text": str(s), "job": job_of(s), "finding": finding_of(s), "line": lines.get(job_of(s))}
                       for s in refusals]
    out["warnings"] = [{"text": str(w), "job": job_of(w), "line": lines.get(job_of(w))} for w in dict.fromkeys(p.warnings)]
    if not f.changed:
        if NOTHING_TO_DO in p.skipped:
            out["reason"] = NOTHING_TO_DO
        elif not refusals:
            out["reason"] = "already publishes with " + ("Trusted Publishing" if options.direction == TO_OIDC
                                                         else "API tokens")
        return out
    out["changes"] = [{"text": str(c), "job": job_of(c), "why": why_of(c)} for c in p.changes]
    if f.new_text is not None and f.old is not None:
        out["edits"] = line_edits(f.old.text, f.new_text)
        out["semantic"] = semantic_changes(f.old.text, f.new_text)
        bom = "\ufeff" if f.old.bom else ""
        out["diff"] = text_diff(bom + f.old.text, bom + f.new_text, f.shown)
    out["registrations"] = [_registration(r) for r in p.registrations]
    out["removed_secrets"], out["added_secrets"] = sorted(p.removed_secrets), sorted(p.added_secrets)
    git_root = find_root(f.path.parent) or root_for(f.path)
    for c in f.companions:
        shown = shown_path(c.target.path, git_root)
        out["companions"].append({"path": shown, "kind": c.target.kind, "name": c.target.name,
                                  "edits": line_edits(c.old_text, c.new_text),
                                  "diff": text_diff(c.old_text, c.new_text, shown)})
    return out


def _job_lines(f: FileResult) -> Dict[Optional[str], int]:
    """The line of each job's key, where a refusal or warning about the job is annotated."""
    if f.old is None:
        return {}
    from codemods.engine.document import Document

    try:
        doc = Document(f.old.text)
    except Exception:  # the file was read before; a second look that fails only loses line numbers
        return {}
    jobs = doc.get(("jobs",))
    out: Dict[Optional[str], int] = {}
    for job_id in jobs if isinstance(jobs, dict) else ():
        line = doc.line_of(("jobs", job_id)) if isinstance(job_id, str) else None
        if line:
            out[job_id] = line
    return out


def _registration(r: Registration) -> Dict[str, Any]:
    return {"index": r.index.key, "owner": r.owner, "repository": r.repository, "workflow": r.workflow,
            "environment": r.environment, "project": r.project, "link": r.link(),
            "pending_link": f"{r.index.site}/manage/account/publishing/", "host": r.host, "accepted": r.accepted,
            **({"project_unknown": r.unknown} if r.unknown and not r.project else {}),
            **({"provider": r.provider} if r.provider != "github" else {})}


def line_edits(old_text: str, new_text: str) -> List[Dict[str, Any]]:
    """The changed lines, as runs: `old_line`/`new_line` are 1-based; a run that only adds lines has
    `old_count` 0 and `old_line` the line they go before (the line count + 1 at the end); likewise
    `new_line` for a run that only removes lines."""
    a, b = _lines(old_text), _lines(new_text)
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if tag != "equal":
            out.append({"old_line": i1 + 1, "old_count": i2 - i1, "new_line": j1 + 1, "new_count": j2 - j1,
                        "removed": [ln.rstrip("\r\n") for ln in a[i1:i2]],
                        "added": [ln.rstrip("\r\n") for ln in b[j1:j2]]})
    return out


def _lines(text: str) -> List[str]:
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


# ---- the semantic summary: deepdiff on the parsed workflow before and after ------------------------------------------

def _same_step(x: Any, y: Any, level: Any = None) -> bool:
    """deepdiff's pairing of list items: steps are the same step when their id, name, action or
    command is, so a step added or removed is one change, not a shift of every step after it."""
    from deepdiff.helper import CannotCompare

    if not (isinstance(x, dict) and isinstance(y, dict)):
        raise CannotCompare() from None
    for key in ("id", "name"):
        if key in x or key in y:
            return x.get(key) == y.get(key)
    if "uses" in x or "uses" in y:
        return str(x.get("uses", "")).split("@")[0] == str(y.get("uses", "")).split("@")[0]
    if isinstance(x.get("run"), str) and isinstance(y.get("run"), str):
        return x["run"].split()[:1] == y["run"].split()[:1]
    raise CannotCompare() from None


def semantic_changes(old_text: str, new_text: str) -> List[Dict[str, Any]]:
    """What the workflow means before and after, key by key: `jobs.publish.permissions.id-token`
    added `"write"`, `jobs.publish.steps[3].with.password` removed. An added or removed mapping is
    listed by its keys; an added or removed list item (a step) whole."""
    from deepdiff import DeepDiff

    from codemods.engine.document import load_data

    try:
        before, after = load_data(old_text), load_data(new_text)
    except Exception:  # both were parsed (and verified) before: this only loses the summary
        return []
    diff = DeepDiff(before, after, view="tree", iterable_compare_func=_same_step)
    found: List[Tuple[list, str, Any, Any]] = []
    for kind, levels in diff.items():
        for level in levels:
            if kind == "iterable_item_added":
                found.append((level.path(output_format="list", use_t2=True), "added", None, level.t2))
            elif kind == "dictionary_item_added":
                found += [(keys, "added", None, v) for keys, v in _leaves(level.path(output_format="list"), level.t2)]
            elif kind == "iterable_item_removed":
                found.append((level.path(output_format="list"), "removed", level.t1, None))
            elif kind == "dictionary_item_removed":
                found += [(keys, "removed", v, None) for keys, v in _leaves(level.path(output_format="list"), level.t1)]
            elif kind in ("values_changed", "type_changes"):
                found.append((level.path(output_format="list"), "changed", level.t1, level.t2))
            # iterable_item_moved: a step that only moved because another was added or removed
    out = []
    for keys, change, old, new in sorted(found, key=lambda x: [(0, k, "") if isinstance(k, int) else (1, 0, str(k))
                                                               for k in x[0]]):
        entry: Dict[str, Any] = {"path": dotted(keys, after if change == "added" else before),
                                 "keys": [k if isinstance(k, int) else str(k) for k in keys], "change": change}
        if change != "added":
            entry["old"] = plain(old)
        if change != "removed":
            entry["new"] = plain(new)
        out.append(entry)
    return out


def _leaves(keys: list, value: Any) -> Iterator[Tuple[list, Any]]:
    if isinstance(value, dict) and value:
        for k, v in value.items():
            yield from _leaves(keys + [k], v)
    else:
        yield keys, value


KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def dotted(keys: list, data: Any) -> str:
    """`jobs.publish.steps[3].with.password`; a key that is not a plain name is quoted: `env["A B"]`."""
    out, cur = "", data
    for k in keys:
        if isinstance(cur, list) and isinstance(k, int):
            out += f"[{k}]"
        elif isinstance(k, str) and KEY.fullmatch(k):
            out += ("." if out else "") + k
        else:
            out += f"[{json.dumps(k if isinstance(k, (str, int, float, bool)) or k is None else str(k))}]"
        try:
            cur = cur[k]
        except (KeyError, IndexError, TypeError):
            cur = None
    return out


def plain(value: Any) -> Any:
    """A YAML value as JSON can hold it (keys as strings, dates as ISO text, NaN and infinities as text)."""
    if isinstance(value, dict):
        return {(k if isinstance(k, str) else json.dumps(plain(k))): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def as_json(run: RunResult, options: Options, wrote: bool, checking: bool = False) -> str:
    return json.dumps(report_data(run, options, wrote, checking), indent=2, ensure_ascii=False) + "\n"


# ---- GitHub workflow commands ------------------------------------------------------------------------------------

ANNOTATIONS_PER_LEVEL = 10  # GitHub shows at most 10 of each level per step


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, message: str, file: Optional[str] = None, line: Optional[int] = None,
             title: Optional[str] = None) -> str:
    props = [f"file={escape_property(file)}"] if file else []
    props += [f"line={line}"] if file and line else []
    props += [f"title={escape_property(title)}"] if title else []
    return f"::{level}{' ' + ','.join(props) if props else ''}::{escape_data(message)}"


def github(run: RunResult, options: Options, wrote: bool, checking: bool = False) -> str:
    """One notice per changed file at its first changed line (in the file as it is now: the checkout
    a pull request's check runs on), one warning per refusal and warning at its job's line, an error
    per file that could not be read, and the next steps."""
    data = report_data(run, options, wrote, checking)
    verb = "was converted" if wrote else "would change"
    mode = "Trusted Publishing" if options.direction == TO_OIDC else "API-token publishing"
    command = f"migrate {options.direction}"
    notices: List[str] = []
    warnings: List[str] = []
    errors = [_command("error", e, title=command) for e in data["errors"]]
    seen = set()
    for f in data["files"]:
        if f["error"]:
            errors.append(_command("error", f["error"], f["path"], f["error_line"], title=command))
            continue
        changes = "".join(f"\n- {c['text']}" for c in f["changes"])
        if f["edits"]:
            notices.append(_command("notice", f"This workflow {verb} to {mode} ({command}):{changes}", f["path"],
                                    _first_line(f["edits"]), f"{command}: {verb}"))
        for c in f["companions"]:
            if c["path"] not in seen and c["edits"]:
                seen.add(c["path"])
                what = c["kind"] + (f" `{c['name']}`" if c["name"] else "")
                notices.append(_command("notice", f"This file {verb} with {f['path']}, which runs it ({what}), to "
                                        f"{mode} ({command}):{changes}", c["path"], _first_line(c["edits"]),
                                        f"{command}: {verb}"))
        if f["status"] == "changed" and not f["edits"] and not f["companions"]:
            notices.append(_command("notice", f"This workflow {verb} ({command})", f["path"], title=command))
        for r in f["refusals"]:
            title = f"{command}: not converted" + (f" [{r['finding']}]" if r["finding"] else "")
            hint = f" (`migrate explain {r['finding']}`)" if r["finding"] else ""
            warnings.append(_command("warning", r["text"] + hint, f["path"], r["line"], title))
        for w in f["warnings"]:
            warnings.append(_command("warning", w["text"], f["path"], w["line"], f"{command}: check by hand"))
    out = errors[:ANNOTATIONS_PER_LEVEL] + warnings[:ANNOTATIONS_PER_LEVEL]
    steps = data["next_steps"]["text"]
    room = ANNOTATIONS_PER_LEVEL - (1 if steps else 0)  # the next steps are never the one left out
    out += notices[:room]
    if steps:
        level = "warning" if data["next_steps"]["not_on_github"] else "notice"  # nothing PyPI would take
        out.append(_command(level, "\n".join(steps), title=f"{command}: next steps"))
    hidden = max(0, len(errors) - ANNOTATIONS_PER_LEVEL) + max(0, len(warnings) - ANNOTATIONS_PER_LEVEL) + \
        max(0, len(notices) - room)
    if hidden:
        out.append(f"::notice::{hidden} more annotations; run `{command} --dry-run` to see the whole report")
    return "\n".join(out) + ("\n" if out else "")


def _first_line(edits: List[Dict[str, Any]]) -> int:
    """The first line the change touches in the file as it is (a run that only adds lines: the line
    before them, or 1)."""
    first = edits[0]
    return first["old_line"] if first["old_count"] else max(1, first["old_line"] - 1)


# ---- Markdown ----------------------------------------------------------------------------------------------------

MODE_TEXT = {"write": "written", "check": "check, nothing written", "dry-run": "dry run, nothing written"}


def markdown(run: RunResult, options: Options, wrote: bool, checking: bool = False, limit: int = SUMMARY_LIMIT,
             limit_name: str = "GitHub's 1 MiB step-summary limit") -> str:
    """For a reviewer: what changes and why (a table), what to do before and after merging, what was
    refused or needs a look, what the YAML means after the change, and the diff (cut first when the
    report would pass GitHub's 1 MiB step-summary limit, or the `limit` that `limit_name` names; the next
    steps never are)."""
    data = report_data(run, options, wrote, checking)
    command = f"migrate {options.direction}"
    changed = data["summary"]["changed"]
    head = [f"## pubmode: `{command}` ({MODE_TEXT[data['mode']]})\n\n"]
    s = data["summary"]
    verb = "changed" if data["mode"] == "write" else "would change"
    head.append(f"**{s['changed']} file{'' if s['changed'] == 1 else 's'} {verb}**, {s['unchanged']} unchanged"
                + (f", **{s['errors']} error{'' if s['errors'] == 1 else 's'}**" if s["errors"] else "") + ".\n\n")
    rows = [[code(f["path"], True), code(c["job"], True) if c["job"] else "(workflow)",
             inline(_without_job(c["text"], c["job"]), True), inline(c["why"], True) if c["why"] else ""]
            for f in data["files"] for c in f["changes"]]
    sections = [Section("".join(head))]
    if rows:
        sections.append(Section(table(["File", "Job", "What changes", "Why"], rows) + "\n",
                                lambda budget, rows=rows: _cut_table(rows, budget, limit_name), order=2))
    also = _companions_line(data)
    unchanged = [f for f in data["files"] if f["status"] == "unchanged" and f["reason"]]
    extra = also + "".join(f"- {code(f['path'])}: unchanged, {inline(f['reason'])}\n" for f in unchanged)
    if extra:
        sections.append(Section(extra + "\n"))
    sections.append(Section(_errors_md(data)))
    sections.append(Section(_next_steps_md(data, options, changed)))
    findings = _findings_lines(data)
    sections.append(Section("".join(findings), lambda budget: cut_lines(
        findings, budget, lambda shown, total: "" if shown == total else
        f"\n*{total - shown} more lines of what was not converted or needs a look left out to stay under "
        f"{limit_name}; `--format json` lists them all.*\n\n"), order=3))
    semantic = _semantic_lines(data)
    if semantic:
        title = ("### What the YAML means after the change\n\nKey by key, from the parsed workflow before and after "
                 "(list indexes count from 0):\n\n")
        sections.append(Section(title + "".join(semantic) + "\n", lambda budget: title + cut_lines(
            semantic, budget - len(title), lambda shown, total: "" if shown == total else
            f"\n*{total - shown} more changes left out to stay under {limit_name}; "
            "`--format json` lists them all.*\n\n"), order=1))
    diff = _diff_lines(data)
    if diff:
        title = "### Diff\n\n"
        wrap = lambda body: fenced(body, "diff")  # noqa: E731
        sections.append(Section(title + wrap("".join(diff)) + "\n", lambda budget: title + cut_lines(
            diff, budget - len(title), lambda shown, total: "\n" if shown == total else
            f"\n*The diff is cut after {shown} of its {total} lines to stay under {limit_name}; "
            f"`{command} --dry-run` prints it whole.*\n\n", wrap), order=0))
    return fit(sections, limit)


def _diff_lines(data: Dict[str, Any]) -> List[str]:
    """The lines of the run's unified diff (as `--dry-run` prints it): a file run by several workflows once."""
    seen: set = set()
    parts = []
    for f in data["files"]:
        parts += [f["diff"]] if f["diff"] else []
        for c in f["companions"]:
            if c["path"] not in seen:
                seen.add(c["path"])
                parts.append(c["diff"])
    return [line for part in parts for line in part.splitlines(keepends=True)]


def _without_job(text: str, job: Optional[str]) -> str:
    """The sentence without a leading "job `X`: " when the Job column says X already."""
    prefix = f"job `{job}`: "
    return text[len(prefix):] if job and text.startswith(prefix) else text


def _cut_table(rows: List[List[str]], budget: int, limit_name: str) -> str:
    def note(shown: int, total: int) -> str:
        return "" if shown == total else (f"\n*{total - shown} more rows left out to stay under {limit_name}; "
                                          "`--format json` lists them all.*\n\n")
    header = table(["File", "Job", "What changes", "Why"], [])
    lines = [table(["File", "Job", "What changes", "Why"], [r]).split("\n", 2)[2] for r in rows]
    return cut_lines(lines, budget, note, lambda body: header + body + "\n")


def _companions_line(data: Dict[str, Any]) -> str:
    seen: Dict[str, str] = {}
    for f in data["files"]:
        for c in f["companions"]:
            what = c["kind"] + (f" `{c['name']}`" if c["name"] else "")
            seen.setdefault(c["path"], f"- also changes {code(c['path'])} ({inline(what)}), run by {code(f['path'])}\n")
    return "".join(seen.values())


def _errors_md(data: Dict[str, Any]) -> str:
    errors = data["errors"] + [f["error"] for f in data["files"] if f["error"]]
    if not errors:
        return ""
    return "### Errors\n\nThese files were left untouched:\n\n" + "".join(f"- {inline(e)}\n" for e in errors) + "\n"


def _finding_md(finding: Optional[str]) -> str:
    if not finding:
        return ""
    from codemods.doctor.rules import RULES

    rule = RULES.get(finding)
    title = f": {inline(rule.title)}" if rule else ""
    return f" (finding {code(finding)}{title}; `migrate explain {finding}` says why and what to do)"


def _refusal_text(r: Dict[str, Any]) -> str:
    """The refusal without the "job `X` not converted [id]: " its line already says."""
    for prefix in (f"job `{r['job']}` not converted [{r['finding']}]: ", f"job `{r['job']}` not converted: "):
        if r["job"] and r["text"].startswith(prefix):
            return r["text"][len(prefix):]
    return r["text"]


def _findings_lines(data: Dict[str, Any]) -> List[str]:
    """What was not converted and what needs a look, line by line (many workflows' warnings can pass a
    pull request body's limit on their own: 150 jobs that build and publish)."""
    out = []
    for key, title, say in (("refusals", "Not converted", lambda r: inline(_refusal_text(r)) + _finding_md(r["finding"])),
                            ("warnings", "Check by hand", lambda w: inline(w["text"]))):
        items = [(f, x) for f in data["files"] for x in f[key]]
        if items:
            out.append(f"### {title}\n\n")
            for f, x in items:
                job = f", job {code(x['job'])}" if x["job"] else ""
                out.append(f"- {code(f['path'])}{job}: {say(x)}\n")
            out.append("\n")
    return out


def _semantic_lines(data: Dict[str, Any]) -> List[str]:
    out = []
    for f in data["files"]:
        if not f["semantic"]:
            continue
        out.append(f"\n{code(f['path'])}:\n\n" if out else f"{code(f['path'])}:\n\n")
        for e in f["semantic"]:
            if e["change"] == "added":
                what = f"added {_value(e['new'])}"
            elif e["change"] == "removed":
                what = "removed"
            else:
                what = f"changed from {_value(e['old'])} to {_value(e['new'])}"
            out.append(f"- {code(e['path'])}: {what}\n")
    return out


def _value(value: Any, width: int = 160) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return code(text if len(text) <= width else text[:width - 1] + "…")


def _next_steps_md(data: Dict[str, Any], options: Options, changed: int) -> str:
    steps = data["next_steps"]
    if not any(steps.get(k) for k in ("register", "not_on_github", "protect_environments", "revoke_secrets",
                                      "create_secrets", "create_cicd_variables", "find_and_revoke", "still_read")):
        return ""
    out = ["### Next steps\n\n"]
    n = 0

    def item(text: str) -> None:
        nonlocal n
        n += 1
        out.append(f"{n}. {text}\n")

    merge = "merging" if data["mode"] != "write" else "pushing this change"
    for host in steps["not_on_github"]:
        files = ", ".join(code(f) for f in host["files"])
        item(f"**Do not merge the change to {files or 'these workflows'}; keep the API token.** "
             f"{inline(host['reason'])}. `migrate to-token` undoes it.")
    run_time = steps.get("create_secret_run_time", {})
    unknown = steps.get("create_secret_unknown_project", {})
    for name in steps["create_secrets"]:
        item(f"**Before {merge}:** create the secret {code(name)} holding {token_kind(name, options, steps.get('create_secret_testpypi'))} "
             f"{inline(scope(name, steps.get('create_secret_projects', {}).get(name), run_time.get(name), unknown.get(name)))}, in the "
             "repository (or "
             "environment) settings.")
    for name in steps.get("create_cicd_variables", []):  # a GitLab pipeline's: one per forge, beside a secret of one name
        item(f"**Before {merge}:** create the CI/CD variable {code(name)} (masked, protected) holding "
             f"{token_kind(name, options, steps.get('create_secret_testpypi'))} "
             f"{inline(scope(name, steps.get('create_secret_projects', {}).get(name), run_time.get(name), unknown.get(name)))}, in the "
             "GitLab project's Settings > CI/CD > Variables.")
    regs = steps["register"]
    if regs:
        many = len(regs) > 1
        item(f"**Before {merge}:** add {'these trusted publishers' if many else 'this trusted publisher'} on "
             f"{'PyPI' if all(r['index'] == 'pypi' for r in regs) else 'PyPI / TestPyPI'} (the pre-filled form "
             "link opens the project's publishing settings; check the values and press *Add*). A project not yet "
             "on the index: add a *pending* publisher with the same values on the account's publishing page.")
    environments = steps["protect_environments"]
    gitlab = sorted({r["environment"] for r in steps["register"] if r.get("provider") == "gitlab" and r["environment"]})
    github = [e for e in environments if e not in gitlab or any(
        r["environment"] == e and r.get("provider") != "gitlab" for r in steps["register"])]
    if github:
        item(f"Optionally protect the environment{'s' if len(github) > 1 else ''} "
             f"{', '.join(code(e) for e in github)} in the repository settings (required reviewers, tag rules).")
    if gitlab:
        item(gitlab_protection(gitlab, "`{}`")[2:])
    if options.direction == TO_OIDC and regs:
        item("Merge; the next release publishes with Trusted Publishing.")
    for note in steps.get("find_and_revoke", []):
        head, _, rest = note.partition(": ")
        item(f"**{inline(head)}:** {inline(rest)}" if rest else inline(note))
    for name, where in steps.get("still_read", {}).items():
        item(f"**Keep the secret {code(name)} for now:** {inline(still_read_text(name, where))}")
    revoke = steps["revoke_secrets"]
    if revoke:
        many = len(revoke) > 1
        item(f"**After the first release with Trusted Publishing:** delete the secret{'s' if many else ''} "
             f"{', '.join(code(s) for s in revoke)} (no longer used){revoke_clause(revoke)}.")
    out.append("\n")
    if regs:
        rows = []
        for r in regs:
            title = "PyPI" if r["index"] == "pypi" else "TestPyPI"
            form = f"{link('pre-filled form', r['link'])}, {link('pending', r['pending_link'])}" if r["project"] \
                else link("publishing page", r["link"])
            rows.append([title, code(r["project"], True) if r["project"] else "*the project's name*",
                         code(r["owner"], True), code(r["repository"], True), code(r["workflow"], True),
                         code(r["environment"], True) if r["environment"] else "(any)",
                         form])
        out.append(table(["Index", "Project", "Owner", "Repository", "Workflow", "Environment", "Form"], rows) + "\n")
        if any(r.get("provider") == "gitlab" for r in regs):
            out.append("For a GitLab pipeline (the form's GitLab tab): the owner is the namespace, the repository "
                       "the project, the workflow the top-level pipeline file.\n\n")
        if any(r["owner"] == OWNER_PLACEHOLDER for r in regs):
            out.append("The owner and repository are not known from the git remotes: fill them in by hand.\n\n")
        if any(not r["project"] and not r.get("project_unknown") for r in regs):
            out.append("No package was named in pyproject.toml, setup.cfg or setup.py: use the project's name "
                       "on the index, one publisher for each project the job uploads.\n\n")
        for why in dict.fromkeys(r["project_unknown"] for r in regs if not r["project"] and r.get("project_unknown")):
            out.append(f"The project is not known ({why}): use the project's name on the index, one publisher for "
                       "each project the job uploads.\n\n")
    return "".join(out)


def render(output_format: str, run: RunResult, options: Options, wrote: bool, checking: bool = False) -> str:
    return {"json": as_json, "markdown": markdown, "github": github}[output_format](run, options, wrote, checking)

