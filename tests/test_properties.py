"""Property tests: workflows written in many styles, with and without token publishing.

For every generated workflow: no crash; the output parses; only what a migration may touch
changes (the same rule as ../shared/tools/corpus_check.py); a second run changes nothing;
to-token after to-oidc brings the token back; no job's permissions get broader; no line that is
not part of the migration is deleted.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

from deepdiff import DeepDiff
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codemods.engine.document import load_data
from codemods.migrate import TO_OIDC, TO_TOKEN, Options
from codemods.permissions import READ_ALL_SCOPES
from codemods.project import Repository
from codemods.rendered import migrate_text

REPO = Repository(Path("."), "octo-org", "octo-repo", "octo-widget")
ALLOWED = [
    r"root\['jobs'\]\['[^']+'\]\['permissions'\].*",
    r"root\['jobs'\]\['[^']+'\]\['environment'\].*",
    r"root\['jobs'\]\['[^']+'\]\['steps'\]\[\d+\]\['(with|uses)'\].*",
]
MIGRATION_LINE = re.compile(r"\b(user|username|password|pypi_password|with|uses|permissions|id-token)\b")
SCOPE_LEVEL = {"none": 0, "read": 1, "write": 2}


# ---- a tiny YAML writer with many styles -------------------------------------------------------
@st.composite
def styles(draw):
    return {
        "indent": draw(st.sampled_from([2, 3, 4])),
        "indentless": draw(st.booleans()),
        "flow_with": draw(st.booleans()),
        "quote": draw(st.sampled_from(["", "'", '"'])),
        "comments": draw(st.booleans()),
        "eol": draw(st.sampled_from(["\n", "\r\n"])),
        "final_newline": draw(st.booleans()),
        "bom": draw(st.booleans()),
        "anchors": draw(st.booleans()),
    }


@st.composite
def workflows(draw):
    wf_perms = draw(st.sampled_from([None, "read-all", "write-all", {}, {"contents": "read"},
                                     {"contents": "write", "packages": "read"}]))
    job_perms = draw(st.sampled_from([None, None, {"contents": "read"}, {}, "read-all", {"id-token": "write"}]))
    env = draw(st.sampled_from([None, None, "pypi", {"name": "release", "url": "https://pypi.org/p/x"}]))
    inputs = {}
    if draw(st.booleans()):
        inputs["user"] = "__token__"
    token = draw(st.booleans())
    if token:
        inputs["password"] = "${{ secrets.PYPI_API_TOKEN }}"
    index = draw(st.sampled_from([None, "https://test.pypi.org/legacy/", "https://upload.pypi.org/legacy/"]))
    if index:
        inputs["repository-url"] = index
    if draw(st.booleans()):
        inputs["skip-existing"] = "true"
    ref = draw(st.sampled_from(["release/v1", "master", "v1", "v1.12.4",
                                "76f52bc884231f62b9a034ebfe128415bbaabdfc"]))
    checkout = draw(st.booleans())
    release = draw(st.booleans())
    return {"wf_perms": wf_perms, "job_perms": job_perms, "env": env, "inputs": inputs, "ref": ref,
            "checkout": checkout, "release": release}


def _scalar(value, style, flow=False):
    q = style["quote"]
    text = str(value)
    if q == "'" or (q == "" and flow and "{" in text):
        return "'" + text.replace("'", "''") + "'"
    if q == '"':
        return '"' + text + '"'
    return text


def write(w, style) -> str:
    u, lines = " " * style["indent"], []
    c = "  # note" if style["comments"] else ""
    lines += ["# release workflow", "name: Release", "on:", f"{u}push:", f"{u}{u}tags: [\"v*\"]"]
    if w["wf_perms"] is not None:
        p = w["wf_perms"]
        if isinstance(p, dict):
            lines.append("permissions:" + (" {}" if not p else ""))
            lines += [f"{u}{k}: {v}" for k, v in p.items()]
        else:
            lines.append(f"permissions: {p}")
    lines += ["jobs:", f"{u}publish:"]
    j = u * 2
    lines.append(f"{j}runs-on: ubuntu-latest{c}")
    if w["env"] is not None:
        if isinstance(w["env"], dict):
            lines += [f"{j}environment:"] + [f"{j}{u}{k}: {v}" for k, v in w["env"].items()]
        else:
            lines.append(f"{j}environment: {w['env']}")
    if w["job_perms"] is not None:
        p = w["job_perms"]
        if isinstance(p, dict):
            lines.append(f"{j}permissions:" + (" {}" if not p else ""))
            lines += [f"{j}{u}{k}: {v}" for k, v in p.items()]
        else:
            lines.append(f"{j}permissions: {p}")
    if style["comments"]:
        lines.append(f"{j}# the steps")
    lines.append(f"{j}steps:")
    d = j if style["indentless"] else j + u
    k = d + "  "
    if w["checkout"]:
        lines.append(f"{d}- uses: actions/checkout@v4")
    if style["anchors"]:
        lines += [f"{d}- uses: actions/setup-python@v5", f"{k}with: &py {{python-version: '3.12'}}",
                  f"{d}- uses: actions/setup-python@v5{c}", f"{k}with: *py"]
    lines.append(f"{d}- uses: actions/download-artifact@v4")
    if w["release"]:
        lines.append(f"{d}- uses: softprops/action-gh-release@v2")
    pin = " # v1.12.4" if len(w["ref"]) == 40 else ""
    lines.append(f"{d}- name: Publish")
    lines.append(f"{k}uses: pypa/gh-action-pypi-publish@{w['ref']}{pin}")
    if w["inputs"]:
        if style["flow_with"]:
            body = ", ".join(f"{key}: {_scalar(v, style, flow=True)}" for key, v in w["inputs"].items())
            lines.append(f"{k}with: {{{body}}}{c}")
        else:
            lines.append(f"{k}with:")
            for key, v in w["inputs"].items():
                if style["comments"]:
                    lines.append(f"{k}{u}# about {key}")
                lines.append(f"{k}{u}{key}: {_scalar(v, style)}{c}")
    text = style["eol"].join(lines) + (style["eol"] if style["final_newline"] else "")
    return ("\ufeff" if style["bom"] else "") + text


# ---- checks ---------------------------------------------------------------------------------------
def effective(data, job_id="publish"):
    job = data["jobs"][job_id]
    perms = job["permissions"] if "permissions" in job else data.get("permissions", "write-all")
    if perms == "write-all":
        return {s: 2 for s in READ_ALL_SCOPES + ("id-token",)}
    if perms == "read-all":
        return {s: 1 for s in READ_ALL_SCOPES}
    return {k: SCOPE_LEVEL.get(v, 0) for k, v in (perms or {}).items()}


def password(data):
    step = data["jobs"]["publish"]["steps"][-1]
    return (step.get("with") or {}).get("password")


def run(text, direction):
    body = text[1:] if text.startswith("\ufeff") else text
    plan, new = migrate_text(body, Options(direction), "release.yml", REPO)
    return plan, (text[:1] if text.startswith("\ufeff") else "") + new


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workflows(), styles())
def test_migrations_keep_their_promises(w, style) -> None:
    text = write(w, style)
    before = load_data(text.lstrip("\ufeff"))
    plan, out = run(text, TO_OIDC)
    after = load_data(out.lstrip("\ufeff"))
    for kind, paths in DeepDiff(before, after, verbose_level=1).items():
        for p in (paths.keys() if hasattr(paths, "keys") else paths):
            assert any(re.fullmatch(a, str(p)) for a in ALLOWED), f"{kind} {p}"
    assert run(out, TO_OIDC)[1] == out, "to-oidc is not idempotent"
    assert out.startswith("\ufeff") == text.startswith("\ufeff")
    assert out.endswith(style["eol"]) == text.endswith(style["eol"])
    assert ("\r\n" in out) == ("\r\n" in text)
    for tag, line in _deleted(text, out):
        assert MIGRATION_LINE.search(line), f"deleted a line that is not part of the migration: {line!r}"
    old_perms, new_perms = effective(before), effective(after)
    for scope, level in new_perms.items():
        if scope != "id-token":
            assert level <= old_perms.get(scope, 0) or "permissions" not in before["jobs"]["publish"] and \
                "permissions" not in before, f"{scope} broadened"
    if password(before):
        assert out != text, plan.skipped
        assert password(after) is None
        assert new_perms.get("id-token") == 2
    if out != text:
        _, back = run(out, TO_TOKEN)
        restored = load_data(back.lstrip("\ufeff"))
        assert password(restored), "to-token did not bring the token back"
        assert run(back, TO_TOKEN)[1] == back, "to-token is not idempotent"
        if "permissions" in before and "permissions" not in before["jobs"]["publish"]:
            # the job inherited a workflow-level block: the round trip gives that back, not a copy of it
            assert restored["jobs"]["publish"].get("permissions") == before["jobs"]["publish"].get("permissions") \
                or "id-token" in str(before.get("permissions")), "the job kept a block it did not have"


def _block_string_needs_its_line_break(text: str, out: str) -> bool:
    """A file without a final newline may gain one only when its last lines went and a block string
    (`run: |`) now ends the file: the line break is part of the string's value."""
    run = load_data(out)["jobs"]["publish"]["steps"][-1].get("run", "")
    return not text.endswith("\n") and run.endswith("\n") and \
        out.rstrip("\r\n").endswith(run.rstrip("\n").split("\n")[-1])


def _deleted(old: str, new: str):
    a, b = old.splitlines(), new.splitlines()
    for op, i1, i2, _, _ in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            for line in a[i1:i2]:
                yield op, line


# ---- uploaders in run: scripts --------------------------------------------------------------------
TOOLS = {
    "twine": ("twine upload dist/*", "TWINE_PASSWORD", "-p"),
    "python-twine": ("python -m twine upload --skip-existing dist/*", "TWINE_PASSWORD", "--password"),
    "uv": ("uv publish", "UV_PUBLISH_TOKEN", "--token"),
    "pdm": ("pdm publish --no-build", "PDM_PUBLISH_PASSWORD", "-P"),
    "maturin": ("maturin upload dist/*", "MATURIN_PYPI_TOKEN", "-p"),
}


@st.composite
def upload_workflows(draw):
    tool = draw(st.sampled_from(sorted(TOOLS)))
    command, variable, flag = TOOLS[tool]
    where = draw(st.sampled_from(["step", "job", "workflow", "flag", "github_env"]))
    style = draw(styles())
    u = " " * style["indent"]
    eol = style["eol"]
    secret = "${{ secrets.PYPI_TOKEN }}"
    run = f"{command} {flag} {secret}" if where == "flag" else command
    lines = ["on:", f"{u}push:", f"{u}{u}tags: ['v*']"]
    if where == "workflow":
        lines += ["env:", f"{u}{variable}: {secret}"]
    lines += ["jobs:", f"{u}publish:", f"{u}{u}runs-on: ubuntu-latest"]
    if where == "job":
        lines += [f"{u}{u}env:", f"{u}{u}{u}{variable}: {secret}"]
    d = u * 2 if style["indentless"] else u * 3
    k = d + "  "
    lines += [f"{u}{u}steps:", f"{d}- uses: actions/checkout@v4"]
    if where == "github_env":  # an earlier step hands the token on through $GITHUB_ENV, in one of its spellings
        lines += [f"{d}- name: Export TOKEN", f"{k}run: |"]
        if draw(st.booleans()):
            lines.append(f"{k}{u}echo \"::add-mask::{secret}\"")
        if draw(st.booleans()):
            lines.append(f"{k}{u}echo \"VERSION=${{GITHUB_REF_NAME#v}}\" >> $GITHUB_ENV")
        lines += [f"{k}{u}{x}" for x in draw(st.sampled_from([
            [f'echo "{variable}={secret}" >> $GITHUB_ENV'],
            [f'echo "{variable}={secret}" >> "$GITHUB_ENV"'],
            [f"echo {variable}={secret} >>$GITHUB_ENV"],
            [f"printf '{variable}=%s\\n' \"{secret}\" >> \"${{GITHUB_ENV}}\""],
            [f'echo "{variable}={secret}" | tee -a "$GITHUB_ENV" > /dev/null'],
            ['cat >> "$GITHUB_ENV" <<EOF', f"{variable}={secret}", "EOF"],
        ]))]
    if draw(st.booleans()):
        lines += [f"{d}- name: Publish", f"{k}run: |", f"{k}{u}python -m build", f"{k}{u}{run}"]
    else:
        lines += [f"{d}- name: Publish", f"{k}run: {run}"]
    if where == "step":
        lines += [f"{k}env:", f"{k}{u}{variable}: {secret}" + ("  # token" if style["comments"] else "")]
    text = eol.join(lines) + (eol if style["final_newline"] else "")
    return tool, where, text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(upload_workflows())
def test_uploads_in_scripts_keep_their_promises(case) -> None:
    tool, where, text = case
    plan, out = run(text, TO_OIDC)
    assert out != text, plan.skipped
    after = load_data(out)
    assert "secrets.PYPI_TOKEN" not in out, "the token is still passed"
    assert after["jobs"]["publish"]["permissions"]["id-token"] == "write"
    assert run(out, TO_OIDC)[1] == out, "to-oidc is not idempotent"
    assert ("\r\n" in out) == ("\r\n" in text)
    assert out.endswith("\n") == text.endswith("\n") or _block_string_needs_its_line_break(text, out)
    for _, line in _deleted(text, out):
        assert re.search(r"env:|PYPI_TOKEN|TOKEN|PASSWORD|publish|upload", line) or (
            where == "github_env" and re.search(r"GITHUB_ENV|EOF|run: \|", line)), f"deleted {line!r}"
    if where == "github_env":
        assert "VERSION=" in out or "VERSION=" not in text, "a line that writes no credential went"
    _, back = run(out, TO_TOKEN)
    assert "secrets.PYPI_API_TOKEN" in back, "to-token did not bring a token back"
    assert run(back, TO_TOKEN)[1] == back


# ---- GitLab pipelines: the round trip, merge keys included --------------------------------------------------------
GITLAB_TOOLS = {  # command, the credential variables to-token sets, the password flag
    "twine": ("twine upload dist/*", ("TWINE_USERNAME", "TWINE_PASSWORD"), "-p"),
    "python-twine": ("python -m twine upload --skip-existing dist/*", ("TWINE_USERNAME", "TWINE_PASSWORD"),
                     "--password"),
    "uv": ("uv publish", ("UV_PUBLISH_TOKEN",), "--token"),
    "pdm": ("pdm publish --no-build", ("PDM_PUBLISH_PASSWORD",), "-P"),
}
_GITLAB_ROOT = None


def _gitlab_root() -> Path:
    """A folder with no git remote (the publisher's placeholders), made once for the whole run."""
    global _GITLAB_ROOT
    if _GITLAB_ROOT is None:
        import tempfile

        _GITLAB_ROOT = Path(tempfile.mkdtemp(prefix="pubmode-gitlab-props-"))
    return _GITLAB_ROOT


@st.composite
def gitlab_pipelines(draw):
    """A publishing job in many shapes: its token in the job's or the top-level `variables:`, in options, in a
    `VAR=… cmd` prefix or an export; the job's keys from a YAML merge key (`<<: *template`, whose `variables:`
    a job-level `variables:` would replace) or `extends:`; an environment or none; block or list scripts."""
    tool = draw(st.sampled_from(sorted(GITLAB_TOOLS)))
    command, variables, flag = GITLAB_TOOLS[tool]
    where = draw(st.sampled_from(["job", "top", "flag", "prefix", "export"]))
    shape = draw(st.sampled_from(["plain", "merge", "merge", "extends"]))
    env = draw(st.sampled_from([None, None, "pypi", "Release", {"name": "pypi", "url": "https://pypi.org/p/x"}]))
    block = draw(st.booleans())
    u = " " * draw(st.sampled_from([2, 4]))
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    comments = draw(st.booleans())
    secret = "$PYPI_TOKEN"
    var = variables[-1]
    run = {"flag": f"{command} {flag} {secret}", "prefix": f"{var}={secret} {command}"}.get(where, command)
    lines = ["# release pipeline"] if comments else []
    lines += ["stages: [build, deploy]"]
    if where == "top":
        lines += ["variables:", f"{u}{var}: {secret}"]
    if shape != "plain":
        anchor = " &template" if shape == "merge" else ""
        lines += [f".template:{anchor}", f"{u}tags: [docker]", f"{u}variables:", f"{u}{u}PIP_CACHE_DIR: .cache/pip"]
    lines += ["", "publish:"]
    if shape == "merge":
        lines.append(f"{u}<<: *template")
    elif shape == "extends":
        lines.append(f"{u}extends: .template")
    lines += [f"{u}stage: deploy", f"{u}image: python:3.12" + ("  # the runner's image" if comments else "")]
    if isinstance(env, dict):
        lines += [f"{u}environment:"] + [f"{u}{u}{k}: {v}" for k, v in env.items()]
    elif env:
        lines.append(f"{u}environment: {env}")
    if where == "job" and shape != "merge":
        lines += [f"{u}variables:", f"{u}{u}{var}: {secret}"]
    script = (["export " + f"{var}={secret}"] if where == "export" else []) + ["pip install build", "python -m build", run]
    if block:
        lines += [f"{u}script:", f"{u}{u}- |"] + [f"{u}{u}{u}{x}" for x in script]
    else:
        lines += [f"{u}script:"] + [f"{u}{u}- {x}" for x in script]
    return tool, where, shape, env, eol.join(lines) + eol


def _gitlab_run(text: str, direction: str):
    from codemods.gitlab import migrate_gitlab_text

    root = _gitlab_root()
    return migrate_gitlab_text(text, Options(direction), root, root / ".gitlab-ci.yml")


def _merged_job(text: str) -> dict:
    from codemods.gitlab.document import GitLabDocument

    return GitLabDocument(text).data["publish"]


def _effective_variables(text: str) -> dict:
    """What the job's `variables:` hold after GitLab merges YAML (`<<`) and `extends:` (deep, the job's win)."""
    from codemods.gitlab.document import GitLabDocument

    data = GitLabDocument(text).data
    job = data["publish"]
    out = dict(data.get("variables") or {})
    if job.get("extends"):
        out.update(data[".template"].get("variables") or {})
    out.update(job.get("variables") or {})
    return out


def _script(text: str) -> str:
    job = _merged_job(text)
    return "\n".join(job["script"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gitlab_pipelines())
def test_gitlab_round_trip_keeps_its_promises(case) -> None:
    """to-oidc converts every shape (the token gone, `id_tokens` and an environment added, the job's merged
    variables kept); to-token brings a token back where the job reads it without replacing a merged
    `variables:`; both are idempotent and pass GitLab's CI schema; the environment stays."""
    from test_golden_gitlab import gitlab_schema_errors

    tool, where, shape, env, text = case
    _, variables, _ = GITLAB_TOOLS[tool]
    before = _effective_variables(text)
    plan, oidc = _gitlab_run(text, TO_OIDC)
    assert oidc != text, plan.skipped
    assert "PYPI_TOKEN" not in oidc, "the token is still passed"
    job = _merged_job(oidc)
    assert job["id_tokens"] == {"PYPI_ID_TOKEN": {"aud": "pypi"}}
    name = env["name"] if isinstance(env, dict) else env
    assert (job["environment"]["name"] if isinstance(job["environment"], dict) else job["environment"]) == \
        (name or "pypi")
    assert [r.environment for r in plan.registrations] == [name or "pypi"]
    after = _effective_variables(oidc)
    assert {k: v for k, v in before.items() if k not in variables} == after, "a variable other than the token changed"
    assert gitlab_schema_errors(oidc) == []
    assert _gitlab_run(oidc, TO_OIDC)[1] == oidc, "to-oidc is not idempotent"
    if "\r\n" in text:
        assert "\r\n" in oidc and "\n" not in oidc.replace("\r\n", "")

    plan, back = _gitlab_run(oidc, TO_TOKEN)
    assert back != oidc, plan.skipped
    job = _merged_job(back)
    assert "id_tokens" not in job
    restored = _effective_variables(back)
    assert {k: v for k, v in restored.items() if k not in variables} == after, "a merged `variables:` was replaced"
    token = "$PYPI_API_TOKEN"
    assert restored.get(variables[-1]) == token or f"{variables[-1]}={token}" in _script(back), \
        "to-token did not bring the token back"
    assert job.get("environment") == _merged_job(oidc).get("environment"), "to-token changed the environment"
    assert gitlab_schema_errors(back) == []
    assert _gitlab_run(back, TO_TOKEN)[1] == back, "to-token is not idempotent"
    again, _ = _gitlab_run(back, TO_OIDC)[1], None
    assert "PYPI_API_TOKEN" not in again, "to-oidc does not undo to-token"
