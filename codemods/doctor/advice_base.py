"""What every advice module reads: the log's text, the workflows' token steps, the index a log names, and the
sentences and patterns more than one finding's advice looks for."""
from __future__ import annotations

import re
from typing import Callable, List

from codemods.doctor import claims as claims_mod, log_said
from codemods.doctor.facts import Facts
from codemods.doctor.logs import LogScan


Advisor = Callable[[LogScan, List[Facts], claims_mod.Context], List[str]]
TESTPYPI_NAMED = re.compile(r"test\.pypi\.org", re.I)
NEWLINE_IN_SECRET = re.compile(r"\*\*\*\\n|\*\*\*%0A|-p\s{1,5}\S{0,300}\\n", re.I)
NAME_REFUSED = re.compile(r"The name '([^']{1,200})'|project '([^']{1,200})'|upload to '([^']{1,200})'")


def scan_text(scan: LogScan) -> str:
    return " ".join(t for _, t in scan.cleaned)


def steps_with_token(facts: List[Facts]):
    return [(f, s) for f in facts for s in f.token_steps]


# a run on a fork told in words ("when pushing `main` on a fork", "skip the release workflow for forks"), not a
# forked action or a process fork
FORK_SAID = re.compile(r"\b(?:on|from|in|for) (?:a |the |my |your |their |our |his |her |its |each )?forks?\b(?! of\b)|"
                        r"\bforked repo\w{0,8}\b|\bforks? (?:runs?|ran|triggers?|triggered|workflows?)\b", re.I)


FILE_NAME = re.compile(r"\b([A-Za-z0-9][A-Za-z0-9_.]{0,100}?)-\d[\w.+!]{0,60}?(?:-[\w.]{1,60}){0,4}\.(?:whl|tar\.gz|zip)\b")


def normalized_project(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


UPLOAD_URL_SHOWN = re.compile(r"(?:for url:?|from|Uploading distributions to)\s+(https?://\S{1,300})", re.I)
# the help link the index puts in its own refusal ("… isn't allowed to upload to project 'x'. See
# https://pypi.org/help/#project-name"): each site links its own help pages, so it names the site that refused
REFUSAL_HELP_URL = re.compile(r"\bSee\s+(https?://[\w.-]{1,60}/help/\S{0,100})", re.I)


def on_testpypi(text: str) -> bool:
    """Whether the upload went to TestPyPI: read from the URL the upload or its refusal names, where the log names one
    (a TestPyPI that worked before, mentioned beside a refusal from upload.pypi.org, is not where this upload went), else
    from the help link of the refusal itself."""
    urls = UPLOAD_URL_SHOWN.findall(text) or REFUSAL_HELP_URL.findall(text)
    return bool(TESTPYPI_NAMED.search(urls[-1])) if urls else bool(TESTPYPI_NAMED.search(text))


REUPLOAD_SAID = re.compile(log_said.SAID_REUPLOAD.pattern + r"|\bfile ?name has (?:already|previously) been used|"
                            + log_said.SAID_DELETED_REUSE.pattern, re.I)


# a project name told in a sentence: "the `x` name was rejected", "pypi.org/simple/x/"
NAME_SAID = re.compile(r"`([\w.-]{1,100})` name\b|pypi\.org/(?:simple|project)/([\w.-]{1,100})/")
SIMILAR_SAID = re.compile(r"too similar to (?:the |an )?(?:existing )?(?:project )?`([\w.-]{1,100})`", re.I)
REUSABLE_SAID = re.compile(r"\bre-?usable(?:[- ]workflows?\b|\W{1,3}[\w.-]{1,100}\.ya?ml\b)|\bworkflow_call\b", re.I)


TWINE_VERSION = re.compile(r"\btwine\W{1,3}(?:from |version |v)?(\d{1,2}\.\d{1,2}(?:\.\d{1,3})?)\b", re.I)


SIZE_MB = re.compile(r"\((\d{1,6}(?:\.\d)?) ?MB\)|/(\d{1,6}(?:\.\d)?) MB\b")


RX_5XX = re.compile(r"\b50[0-4]\b|\b5xx\b|\bserver[- ]errors?\b|\bbad gateway\b|\bservice unavailable\b|"
                     r"\bgateway time-?out", re.I)


EXCHANGE_5XX = re.compile(r"the index produced an unexpected\s{1,3}50[0-4]\s{1,3}response|"
                           r"the index gave us an invalid response|The token-minting request returned invalid JSON|"
                           r"audience retrieval failed[^\n]{0,120}unexpected 50[0-4]\b", re.I)
EXCHANGE_429 = re.compile(r"(?:audience retrieval failed|Token request failed)[^\n]{0,120}\b429\b", re.I)


SDIST_DIRECTORY = ("PyPI checks the file's name; the sdist's top-level directory should carry the same normalised name "
                    "but PyPI does not enforce that yet, so renaming the file passes (for a tool that cannot write the "
                    "name, such as `meson dist`), while a build that writes it is the lasting fix")


# a text that says the uploader (its call, version or dependencies) did not change before the failure
UNCHANGED_SAID = re.compile(r"\b(?:neither|nor|nothing|none)\b[^.]{0,80}?\b(?:has|have|had|was|were)?\s?(?:not\s)?changed\b|"
                            r"\b(?:twine|uploader|invo\w{1,8}|dependenc\w{1,4}|versions?|setup|workflow|config\w{0,9})\b"
                            r"[^.]{0,40}?\b(?:has|have|had|did|does|was|were)(?:n[’']t|\snot)\s(?:been\s)?changed\b|"
                            r"\bsame (?:twine|uploader|command|invocation|versions?|setup|workflow)\b[^.]{0,40}?\b(?:worked|"
                            r"work(?:s|ed)? (?:before|yesterday|last))\b", re.I)
