"""The advice under a refusal of where the upload went: a wrong URL, a bare 400, a rate limit, the index's or the
network's own failure, a TLS check."""
from __future__ import annotations

import re
from typing import Dict, List

from codemods.doctor import log_patterns, log_said, log_servers, log_uploaders
from codemods.doctor.advice_base import (Advisor, EXCHANGE_429, EXCHANGE_5XX, RX_5XX, scan_text, SIZE_MB,
                                         TESTPYPI_NAMED, UPLOAD_URL_SHOWN)
from codemods.doctor.advice_files import first_file_refused
from codemods.doctor.facts import Facts
from codemods.doctor.logs import LogScan


_INVALID_PYPI_URL = re.compile(r"InvalidPyPIUploadURL|trying to upload to pypi\.org but have an invalid URL")


def _wrong_url(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
    urls = [u.rstrip(".,'\")`") for u in UPLOAD_URL_SHOWN.findall(text)]
    moved = re.search(r"\bUpload failed \((30[1278])\)", text)
    if not urls and moved:
        return [f"the index answered `{moved.group(1)}` (a redirect) to the upload: the URL the uploader posts to is an "
                "old or redirected one (PyPI's retired `https://pypi.python.org/pypi`, an `http://` URL); give it `https://upload.pypi.org/legacy/` "
                "(Travis dpl: `server:`; .pypirc: `repository`), or upgrade a tool that sets the old URL itself"]
    if not urls and _INVALID_PYPI_URL.search(text):  # twine's own message, which names both upload URLs
        out = ["twine's `InvalidPyPIUploadURL` means pypi.org (or test.pypi.org) answered the upload with `405 Method "
               "Not Allowed`: the URL twine posted to is one of its pages, not the upload endpoint (the site root, "
               "`/simple/`, a missing `/legacy/`); the upload URL is `https://upload.pypi.org/legacy/` for PyPI and "
               "`https://test.pypi.org/legacy/` for TestPyPI, as twine's message says"]
        tool = log_uploaders.release_tool_url(text)
        if tool:
            known = (" (jupyter_releaser once shipped a wrong default twine URL, fixed in its next releases)"
                     if tool == "jupyter_releaser" else "")
            out.append(f"the log names {tool}, which runs twine for the release, and shows no upload URL set in the job: "
                       f"the URL twine was given is then {tool}'s own default, a bug of the tool when it is wrong{known}; "
                       "a release of the tool with the fix, or the right URL set in the job, avoids it")
        return out + _no_slash(text)
    page = log_servers.PAGE_URL_GIVEN.search(text) if not urls else None
    if page:  # a page of the site given as the upload URL (the root, a `/project/` page, `/simple/`)
        test = "test.pypi" in page.group(1).lower()
        right = "https://test.pypi.org/legacy/" if test else "https://upload.pypi.org/legacy/"
        return [f"the log gives `{page.group(1)}` as the upload URL, a page of the site that takes no uploads: "
                f"use `{right}`, or leave the URL out for "
                f"{'TestPyPI by its repository name (`-r testpypi`)' if test else 'PyPI, the uploaders default to it'}; "
                "the project the files go to is read from their own metadata, not from the URL"]
    if not urls and log_said.SAID_WRONG_URL.search(text):
        test = re.search(r"\btest[- .]?pypi\b", text, re.I)
        return [f"the log says the upload URL was wrong: {'TestPyPI' if test else 'PyPI'}'s upload URL is "
                f"`{'https://test.pypi.org/legacy/' if test else 'https://upload.pypi.org/legacy/'}` (not the site "
                "root and not the `/simple/` index); set it where the upload reads it (the action's `repository-url`, "
                "twine's `--repository-url`, .pypirc's `repository`)"]
    if not urls:
        return _no_slash(text) + _deleted_too(text)
    url = urls[-1]
    test = "test.pypi" in url or "testpypi" in url
    right = "https://test.pypi.org/legacy/" if test else "https://upload.pypi.org/legacy/"
    out = [f"the log uploads to `{url}`, which takes no uploads: use `{right}`"]
    if url.rstrip("/") == right.rstrip("/"):  # never advise the URL the log already uses
        out = []
    if url.rstrip("/") == "https://pypi.org/legacy" and "gh-action-pypi-publish" in text:
        out.append("pypa/gh-action-pypi-publish v1.8.0 sent uploads to `https://pypi.org/legacy/` by default (a "
                   "regression fixed in v1.8.1): use `@release/v1` or a later release, or set `repository-url: "
                   "https://upload.pypi.org/legacy/` on the step")
    return out + _no_slash(text) + _deleted_too(text)


def _deleted_too(text: str) -> List[str]:
    """A deleted version told beside the address: its file names are never taken again (a new version)."""
    return ["the log also says a deleted version cannot be uploaded again: PyPI never takes a file name twice, a deleted "
            "one included; bump the version and upload the new one"] if log_said.SAID_DELETED_REUSE.search(text) else []


def _no_slash(text: str) -> List[str]:
    m = _NO_SLASH.search(text)
    return [f"`{m.group(0)}` lacks the trailing slash of the upload endpoint: write `{m.group(0)}/` where the URL is "
            "set (.pypirc's `repository`, `--repository-url`, the tool's index settings)"] if m else []


_NO_SLASH = re.compile(r"https?://(?:upload|test)\.pypi\.org/legacy(?![/\w])", re.I)


def _bad_request(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = scan_text(scan), []
    action = any(s.publisher == "gh-action" for f in facts for s in f.token_steps) or \
        any("gh-action" in f.trusted_uploaders for f in facts)
    if action or "gh-action-pypi-publish" in text or "Transparency log entry" in text:
        out.append("add `verbose: true` (and `print-hash: true`) to the pypa/gh-action-pypi-publish step and re-run: "
                   "the log then shows PyPI's reason")
    else:
        out.append("re-run the upload with `twine upload --verbose` (uv: `uv publish --verbose`): the log then shows "
                   "PyPI's reason")
    if not scan.versions:
        out.append("if this run re-uploads a version that is already on the index (a re-run, a dev release built "
                   "again), that is the usual reason: `skip-existing: true` (action) or `--skip-existing` lets it pass, "
                   "a new version otherwise")
    if scan.versions:
        v = scan.versions[0]
        test = bool(TESTPYPI_NAMED.search(text))
        where = "TestPyPI" if test else "the index"
        dev = test and re.search(r"\.dev\d+", v)
        first = first_file_refused(scan)
        if first and "+" not in v:  # nothing of the version went through before the 400: it may be there already
            file, name = first
            site = "https://test.pypi.org" if test else "https://pypi.org"
            out.insert(0, f"the 400 answered the first file of the run (`{file}`), before any file went through: the "
                       f"usual reason is that {where} already has version `{v}`; look at {site}/project/{name}/{v}/ and "
                       "if it is there, publish a new version (`skip-existing: true` lets a re-run pass)"
                       + ("; TestPyPI keeps every file ever uploaded, so a workflow that uploads on every push or merge "
                          "needs a new version for each upload (a `.devN` suffix per build) or uploads to TestPyPI only "
                          "from tags" if test else "")
                       + ("; this is a dev version, and TestPyPI refuses it the second time" if dev else ""))
            out[1] = "if it is not there, " + out[1]
        else:
            out.append(f"the log's files are version `{v}`: if {where} already has this version, that is the reason "
                       "(bump it; `skip-existing: true` for re-runs)"
                       + ("; TestPyPI keeps every file ever uploaded, so a dev version is refused the second time"
                          if dev else ""))
    out.append("a release older than 14 days takes no new files (PyPI, since July 2026): uploading more files to an old "
               "version fails; publish a new version")
    out.append("then check the metadata: `twine check --strict dist/*` (README rendering), no `name @ git+…` "
               "requirements, no license classifiers next to a `license` expression, a build backend recent enough "
               "for the Metadata-Version it writes")
    return out


def _rate_limited(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
    site = "TestPyPI" if TESTPYPI_NAMED.search(text) else "PyPI"
    if EXCHANGE_429.search(text):
        return [f"the 429 answered the Trusted Publishing request, before any upload: {site} is limiting requests for "
                "a while; wait a few minutes and re-run the job, nothing in the workflow or the publisher is at fault"]
    if re.search(r"\bnew[- ]projects?\b|\bproject (?:registrations?|creations?)\b|\bregistrations?\b", text, re.I):
        return [f"the log says the limit was {site}'s on creating new projects (each first upload of a name creates "
                "one, and each account and IP address may create only a few per period): spread the first uploads "
                "of many new projects over several runs, waiting between them, with `skip-existing: true` (or "
                "`--skip-existing`) so each run skips what is already there; or ask for a higher limit at "
                "https://github.com/pypi/support before a release that creates many projects"]
    return []


def _server_error(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = scan_text(scan), []
    site = "TestPyPI" if TESTPYPI_NAMED.search(text) else "PyPI"
    if not RX_5XX.search(text) and not log_patterns.RX["log-server-error"].search(text):
        return [f"the log tells of trouble on {site}'s side (an incident or outage): check https://status.python.org, then re-run the failed job once it is resolved; with "
                "`skip-existing: true` (or `--skip-existing`) the files that did arrive are skipped"]
    if EXCHANGE_5XX.search(text):  # the token exchange itself failed: no file was sent yet
        return [f"{site} answered the Trusted Publishing token exchange with a server error, before any file was "
                "uploaded: check https://status.python.org, wait a few minutes and re-run the job; nothing in the "
                "workflow needs to change",
                f"if every re-run fails the same way, the fault is on {site}'s side with this publisher: report it "
                "at https://github.com/pypi/support with the run's link (the publisher itself may need an admin)"]
    if (scan.findings[0].fix or "").startswith(log_servers.REPEATED_500_FIX):
        if not log_servers.SAID_EVERY_TIME.search(text):  # read from the retries shown, not told
            return [f"the log shows each of the uploader's retries answered with the same 500 and tells of no outage: "
                    f"{site} failing on something of this request (its metadata, or the login) is likelier than an "
                    "outage; run `twine check dist/*`, check https://status.python.org, and if both are clean report "
                    "it at https://github.com/pypi/support with the package's name"]
        return [f"the log says every attempt fails the same way: {site}'s 500 that repeats for one package is not an "
                "outage but the server failing on something of that package, most often its metadata (the long "
                "description: its length, its markup, characters it cannot store); find it with `twine check dist/*` "
                "and an upload with a short plain description, then report it at https://github.com/pypi/support"]
    out.append(f"{site} answered with a server error: check https://status.python.org for an incident, then re-run "
               "the failed job; with `skip-existing: true` (or `--skip-existing`) the files that did arrive are "
               "skipped")
    sizes = [float(a or b) for a, b in SIZE_MB.findall(text)]
    if sizes and max(sizes) >= 100:
        out.append(f"the log uploads a file of {max(sizes):g} MB: after a very large file arrives PyPI still has to "
                   "process it, and a 5xx or time-out then often comes from that time limit; make the file smaller "
                   "if only such files fail")
    else:
        out.append("if it fails again only right after a very large file (hundreds of MB), PyPI is running out of time "
                   "processing it: make the file smaller")
    return out


_HOST_IN = re.compile(r"host='([\w.-]{1,200})'")


def _ssl(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
    host = next(iter(_HOST_IN.findall(text)), None)
    out = []
    if re.search(r"self[- ]signed certificate in certificate chain|unable to get local issuer", text):
        out.append("the chain holds a certificate the uploader does not trust: on a corporate network a proxy, "
                   "firewall or antivirus re-signs HTTPS with its own authority; that authority's certificate is the "
                   "one to give the uploader (ask the network's administrators for it), or upload from CI")
    if host and host not in ("upload.pypi.org", "test.pypi.org"):
        out.append(f"the host is `{host}`: a private index's own certificate authority must be given the same way")
    return out


def _network(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = scan_text(scan), []
    host = next(iter(_HOST_IN.findall(text)), None)
    if re.search(r"Name or service not known|nodename nor servname|getaddrinfo failed|name resolution|dns error", text,
                 re.I):
        if scan.findings[0].fix == log_servers.BLOCKED_FIX:
            out.append(f"the host name {f'`{host}`' if host else 'of the upload URL'} is PyPI's own, spelled right, and does not resolve from here: this "
                       "network's name service or firewall keeps it out (or it failed for a moment); re-run, then upload "
                       "from another network or through the proxy it needs")
        else:
            out.append(f"the host name {f'`{host}` ' if host else ''}does not resolve: check the upload URL's spelling; "
                       "PyPI's are `https://upload.pypi.org/legacy/` and `https://test.pypi.org/legacy/`")
    elif scan.findings[0].fix == log_servers.BLOCKED_FIX:
        out.append(f"`{host or 'PyPI'}` refused or could not be reached from this network: PyPI itself does not refuse "
                   "connections, so a firewall or a required proxy is in the way; upload from another network or through "
                   "the proxy")
    if re.search(r"ProxyError", text):
        out.append("the proxy refused or failed: check `HTTPS_PROXY`/`NO_PROXY` where the upload runs")
    if re.search(r"\b499\b:? ?Client (?:Error|Disconnected)", text):
        out.append("`499 Client Disconnected`: the connection was cut before PyPI answered, on the way from this network "
                   "(an ISP, proxy or antivirus that breaks long uploads); upload from another network, such as CI")
    if re.search(r"Read timed out|timed out", text, re.I):
        out.append("the connection timed out: re-run; for large files upload from a faster network or make them smaller")
    return out


ADVISORS: Dict[str, Advisor] = {
    "log-wrong-upload-url": _wrong_url,
    "log-bad-request": _bad_request,
    "log-server-error": _server_error,
    "log-ssl-verify": _ssl,
    "log-network": _network,
    "log-rate-limited": _rate_limited,
}
