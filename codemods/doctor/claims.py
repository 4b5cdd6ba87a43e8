"""The OIDC claims a failed exchange prints, in any of the shapes logs show them, and what they imply.

Shapes: the publish action's ``* `key`: `value` `` list, uv's ``OidcTokenClaims { key: "value", … }``,
plain ``key: value`` lines and Markdown table rows ``| `key` | `value` |`` (as people paste them), and the publisher
link's ``workflow_filename=``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Set, Tuple

KEYS = ("sub", "repository", "repository_owner", "repository_owner_id", "workflow_ref", "job_workflow_ref",
        "ref", "environment")
_BACKTICKS = re.compile(r"\*\s*`(?P<key>[a-z_]{1,40})`\s*:\s*`(?P<value>[^`]{0,300})`")
_PLAIN = re.compile(r"^\s*(?P<key>" + "|".join(KEYS) + r")\s*[:=]\s*\"?(?P<value>[^\s\",`]{1,300})\"?,?\s*$")
_TABLE = re.compile(r"^\s*\|\s*`?(?P<key>" + "|".join(KEYS) + r")`?\s*\|\s*`?(?P<value>[^\s`|]{1,300})`?\s*\|")
_LINK = re.compile(r"[?&]workflow_filename=([^&\s)]{1,200})")
_INITIATED = re.compile(r"this action was initiated by:?\s*`?(?P<called>[^`\s]{1,300})`?", re.I)
_PARENT = re.compile(r"its parent workflow is:?\s*`?(?P<caller>[^`\s]{1,300})`?", re.I)
_PLAUSIBLE = {"repository": re.compile(r"^[\w.-]+/[\w.-]+$"), "repository_owner": re.compile(r"^[\w.-]+$"),
              "workflow_ref": re.compile(r"/\.github/workflows/"), "job_workflow_ref": re.compile(r"/\.github/workflows/"),
              "ref": re.compile(r"^refs/"),
              # GitHub's default subject, or one an organisation customised from claim names (`repository_owner_id:…`)
              "sub": re.compile(r"^(?:repo|repository|repository_owner|repository_owner_id|repository_id|"
                                r"job_workflow_ref|workflow|environment|context|ref):"),
              "environment": re.compile(r"^(?!Some\(|None$)")}  # uv's Option values are read below
_FILE = re.compile(r"/\.github/workflows/([^@]{1,200})@")
# a claim quoted inside a sentence right after the word claims or token ("claims showed `environment: MISSING`",
# "the token gets `sub=repo:…`"), so that a setting quoted elsewhere (`environment: pypi`) is not taken for a claim
_IN_SENTENCE = re.compile(r"\b(?:claims?|token)\b[^`.]{0,40}?`(?P<key>" + "|".join(KEYS) +
                          r")\s{0,3}[:=]\s{0,3}(?P<value>[^`\s]{1,300})`", re.I)
# the two workflow claims told in a sentence as `name = value` pairs whose values are workflow files ("names two
# workflows (workflow_ref = release.yml, job_workflow_ref = publish.yml)"): a value must be a workflow file or ref, so
# that a claim only named (`job_workflow_ref` is not supported) or an expression (`${{ github.workflow_ref }}`) is not
_WORKFLOW_PAIR = re.compile(r"(?<![\w.])(?P<key>job_workflow_ref|workflow_ref)`?\s{0,3}[:=]\s{0,3}`?"
                            r"(?P<value>[\w./-]{0,250}\.ya?ml(?:@[^\s`,;)]{1,100})?)(?![\w])")
# the claims listed in a sentence by plain labels, each value in backticks, after the word claims ("The claims GitHub
# sent were: owner `X`, repo `Y`, workflow file `release.yml`, environment `testpypi`"): two labelled values at least,
# so that a setting quoted alone ("the environment `pypi`") or a publisher's fields told as what to type are not claims
_LISTED = re.compile(r"\bclaims\b[^.`]{0,60}?(?P<list>(?:\b(?:owner|repo(?:sitory)?|workflow(?:[ _](?:file(?:name)?|ref))?|"
                     r"environment)\s{1,3}`[^`\s]{1,200}`\s{0,3}(?:,|;|\band\b)?\s{0,3}(?:and\s)?){2,})", re.I)
_LISTED_ITEM = re.compile(r"\b(?P<label>owner|repo(?:sitory)?|workflow(?:[ _](?:file(?:name)?|ref))?|environment)"
                          r"\s{1,3}`(?P<value>[^`\s]{1,200})`", re.I)
_BARE_FILE = re.compile(r"^(?:[\w.-]{1,200}/)*([\w.-]{1,200}\.ya?ml)(?:@\S{1,100})?$")
# `environment: MISSING` quoted anywhere is the claim as the action renders an absent one (no setting reads MISSING);
# a sentence saying the job lacked its `environment:` setting says the same of the run
_MISSING_ENVIRONMENT = re.compile(r"`environment\s{0,3}[:=]\s{0,3}MISSING`|\b(?:missing|lack\w{0,3}|without|had no|has no|"
                                  r"declares no)\b[^`.]{0,30}`environment\s{0,3}:", re.I)
# GitHub's default `sub` of a job without an environment: `repo:owner/name:ref:…` (or `:pull_request`)
_SUB_WITHOUT_ENVIRONMENT = re.compile(r"^repo:[^:\s]{1,200}:(?:ref:|pull_request$)")
_UV_ENVIRONMENT = re.compile(r"\benvironment:\s{0,5}(?:None\b|Some\(\s{0,5}\"([^\"]{1,200})\")")


def parse(cleaned: List[Tuple[int, str]]) -> Dict[str, str]:
    """The claims a log prints (first value of each key wins), from lines already cleaned."""
    claims: Dict[str, str] = {}
    for _, line in cleaned:
        m = _BACKTICKS.search(line) or _PLAIN.search(line) or _TABLE.search(line)
        if m and (m.group("key") not in _PLAUSIBLE or _PLAUSIBLE[m.group("key")].search(m.group("value"))):
            claims.setdefault(m.group("key"), m.group("value"))
        elif not m:
            for q in _IN_SENTENCE.finditer(line):
                key, value = q.group("key"), q.group("value").rstrip(".,;")
                if key not in _PLAUSIBLE or _PLAUSIBLE[key].search(value):
                    claims.setdefault(key, value)
            for q in _WORKFLOW_PAIR.finditer(line):
                claims.setdefault(q.group("key"), q.group("value"))
        link = _LINK.search(line)
        if link:
            claims.setdefault("link_workflow_filename", link.group(1))
    joined = " ".join(t for _, t in cleaned)
    for listed in _LISTED.finditer(joined):
        _listed(listed.group("list"), claims)
    env_in_sub = re.search(r":environment:([^:\s]{1,200})", claims.get("sub", ""))
    if env_in_sub:
        claims.setdefault("environment", env_in_sub.group(1))
    uv_env = _UV_ENVIRONMENT.search(joined)  # uv prints `environment: None` or `environment: Some("name")`
    if uv_env:
        claims.setdefault("environment", uv_env.group(1) or "MISSING")
    if "environment" not in claims and any(_MISSING_ENVIRONMENT.search(line) for _, line in cleaned):
        claims["environment"] = "MISSING"
    called, caller = _INITIATED.search(joined), _PARENT.search(joined)
    if called and _FILE.search(called.group("called")):
        claims.setdefault("job_workflow_ref", called.group("called"))
    if caller and _FILE.search(caller.group("caller")):
        claims.setdefault("workflow_ref", caller.group("caller"))
    return claims


def _listed(told: str, claims: Dict[str, str]) -> None:
    """The claims a sentence lists by plain labels (owner, repo, workflow file, environment), into their keys."""
    items = {m.group("label").lower().split()[0].split("_")[0][:4]: m.group("value").rstrip(".,;")
             for m in _LISTED_ITEM.finditer(told)}
    owner, repo = items.get("owne"), items.get("repo")
    if owner:
        claims.setdefault("repository_owner", owner)
    if repo and "/" not in repo and owner:
        repo = f"{owner}/{repo}"
    if repo and _PLAUSIBLE["repository"].search(repo):
        claims.setdefault("repository", repo)
    if items.get("work") and _BARE_FILE.search(items["work"]):
        claims.setdefault("workflow_ref", items["work"])
    if items.get("envi"):
        claims.setdefault("environment", items["envi"])


@dataclass
class Context:
    """What the workflows checked say about publishing with Trusted Publishing."""
    trusted: Dict[str, Optional[str]]  # workflow file name -> environment of its publishing job
    reusable: Set[str]  # workflow files triggered by workflow_call
    remote: Optional[str] = None  # owner/name of the git remote, when known


def workflow_file(ref: str) -> Optional[str]:
    """The file a workflow claim names: from a full ref, or the file alone where a person told the claim so."""
    m = _FILE.search(ref or "") or _BARE_FILE.search(ref or "")
    return m.group(1) if m else None


def compare(claims: Dict[str, str], ctx: Context) -> List[str]:
    """What to change in the publisher, from the claims and the workflows; only what they support."""
    out: List[str] = []
    later: List[str] = []  # what only the sub's form says comes after what the printed claims say
    env = claims.get("environment")
    from_sub = env is None and bool(_SUB_WITHOUT_ENVIRONMENT.search(claims.get("sub", "")))
    if from_sub:  # no environment printed, but the sub has the form of a job without one
        env = "MISSING"
    called, caller = workflow_file(claims.get("job_workflow_ref", "")), workflow_file(claims.get("workflow_ref", ""))
    if caller and not called and caller not in ctx.reusable:  # only workflow_ref printed: the job's own workflow
        called, caller = caller, None
    if env is not None:
        if env.upper() == "MISSING":
            (later if from_sub else out).append(
                "the run had no environment: if the publisher on PyPI names one, add that `environment:` to "
                "the publishing job, or remove the environment from the publisher")
        else:
            out.append(f"the run's environment is `{env}`: the publisher must name `{env}` or no environment")
            if re.search(r"test", env, re.I):
                out.append(f"an environment named `{env}` usually uploads to TestPyPI: there the publisher is registered "
                           "on test.pypi.org, a separate site with its own account and publishers (a pending one for a "
                           "new project)")
    if called and ((caller and called != caller) or called in ctx.reusable):
        via = f" called by `{caller}`" if caller and caller != called else ""
        target = f"`{caller}`" if caller and caller != called else "the calling workflow"
        out.append(f"the token came from the reusable workflow `{called}`{via}: PyPI matches the called file and "
                   f"does not support reusable workflows; move the upload into {target} and register that file")
    elif called:
        out.append(f"the publisher's workflow file name must be `{called}`")
        if ctx.trusted and called not in ctx.trusted:
            out.append(f"`{called}` is not among the workflows checked ({', '.join(sorted(ctx.trusted))}): the file "
                       "may have been renamed since the publisher was registered")
        elif ctx.trusted.get(called) and env and env.upper() == "MISSING":
            out.append(f"`{called}` now sets environment `{ctx.trusted[called]}`: register that environment on PyPI")
    linked = claims.get("link_workflow_filename")
    if linked and called and linked != called:
        out.append(f"the log's publisher link names `{linked}` but the token came from `{called}`: "
                   f"register `{called}`")
    elif linked and ctx.trusted and linked not in ctx.trusted:
        out.append(f"the log's publisher link names `{linked}`, which is not among the workflows checked "
                   f"({', '.join(sorted(ctx.trusted))})")
    repo = claims.get("repository")
    if repo:
        out.append(f"the publisher's owner/repository must be `{repo}`")
        if ctx.remote and ctx.remote.lower() != repo.lower():
            out.append(f"the git remote is `{ctx.remote}`, not `{repo}`: a renamed or transferred repository needs "
                       "a new publisher")
    return out + later
