"""The advice under a job that never reached the index: nothing to upload, an uploader missing or broken, the
workflow or the publish action refused, a tag that does not match the version, an uploader's configuration."""
from __future__ import annotations

import re
from typing import Dict, List

from codemods.doctor import generic_failures, log_patterns, log_said, log_servers, log_uploaders, logs
from codemods.doctor.advice_base import Advisor, REUPLOAD_SAID, scan_text, TWINE_VERSION, UNCHANGED_SAID
from codemods.doctor.advice_credentials import relayed_by
from codemods.doctor.facts import Facts
from codemods.doctor.logs import LogScan


_POETRY_NO_FILES = re.compile(r"No files to publish\. Run poetry build")
_TOOL_NO_FILES = re.compile(r"No files to publish\. Run poetry build[^\n]{0,60}|no Python distribution packages to publish|"
                            r"No files found to publish|\bNo artifacts found\b", re.I)
# the files said to be in dist/ ("builds being present in `dist/`", "dist/ contains the wheels"), not said absent
_DIST_PRESENT = re.compile(r"(?<!\bnot )(?<!n't )(?<!n’t )\b(?:present|sitting|there|available|exist\w{0,2})\s(?:in|inside|under)\s"
                           r"`?(?:the\s)?dist\b|`?\bdist/?`?\s(?:folder\s|directory\s)?(?:contains|holds|has|lists|shows)\s"
                           r"(?!no\b|nothing\b)", re.I)
_VERSION_PLUGIN = re.compile(r"\bdynamic[- ]versioning\b|\bversion(?:ing)?[- ]plugin\b|\bpoetry self add\b|"
                             r"(?<![\w.])0\.0\.0(?![\w.+])\s(?:placeholder|version)|placeholder\W{0,3}\s(?:version\s)?`?0\.0\.0",
                             re.I)


_OLD_UPLOAD_ARTIFACT = re.compile(r"\bupload-artifact@v[1-3]\b")
_OLD_DOWNLOAD_ARTIFACT = re.compile(r"\bdownload-artifact@v[1-3]\b")
_NAME_FOR_PATH = re.compile(r"\bname: dist\W{0,3}\s(?:in)?to\s\W{0,3}path: dist\b|\bpath: dist\W{0,3}\s(?:instead of|not|rather than)\s"
                            r"\W{0,3}name: dist\b", re.I)
_GLOB_MATCHED_DIR = re.compile(r"`?\*`?\s(?:glob\s|pattern\s|wildcard\s)?(?:matched|matches|picked up|expanded to)\s(?:only\s)?"
                               r"(?:the\s)?`?dist/?`?\s(?:folder|directory|dir)\b|\bmaturin\b.{0,400}?\bIs a directory "
                               r"\(os error 21\)", re.I)


_SAID_ARTIFACT_MISSING = re.compile(r"\bdownload-artifact\b`?(?:[^.]|\.(?=\w)){0,40}?\b(?:could(?:n[’']t| not)|"
                                    r"can(?:no|[’'])?t|fail\w{0,3} to|unable to|did(?:n[’']t| not))\s(?:find|locate|see)"
                                    r"(?:\s(?:the|an?|any))?(?:\s(?:expected|named|required))?\s`([\w.-]{1,100})`\s"
                                    r"artifact\b", re.I)


def _no_dists(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = scan_text(scan), []
    fix = scan.findings[0].fix or ""
    if fix.startswith(log_said.NESTED_TREE_FIX.split("(", 1)[0]):  # the tree drawn in the text, its folders in the fix
        folders = ", ".join(re.findall(r"`dist/[^`]{1,60}/`", fix))
        return [f"the text shows the files one folder below `dist/` ({folders}): actions/download-artifact puts each "
                "artifact in a folder of its own under `path:` unless `merge-multiple: true`, and the upload "
                "(pypa/gh-action-pypi-publish, `twine upload dist/*`) takes only the files in `dist/` itself, so nothing "
                "was uploaded: download them flat into `dist/`, or move them up (`mv dist/*/* dist/`) before the "
                "upload"] + [d for f in facts for d in f.upload_dirs]
    if fix == log_said.REPO_NAME_FIX:  # told: the repository's name for the distribution's; no folder is known to be empty
        return []
    if fix in (log_said.CLEANUP_FIX,  # a CI deploy's cleanup reset the tree: no artifact, no packages-dir of GitHub's
               log_uploaders.EMPTY_ARGUMENT_FIX,  # an empty argument from a script: no folder or artifact is in question
               generic_failures.FOLDER_ONLY_FIX):  # told: the folders named in the fix, no artifact of GitHub's
        return []
    label = log_said.BUILD_LABEL_AS_FILE.search(text)
    if label:  # a build tool's publish rule, not a CI job: no artifact to download, no packages-dir
        return [f"`{label.group(1)}` is a build-system label, not a path: the build tool's publish rule handed the uploader "
                "the target's name instead of its built files, which were not among the rule's inputs (runfiles); a "
                "bug of the rule: a release of it that passes the files, or a patch adding the dist output to its "
                "runfiles"]
    m = re.search(r"Cannot find file \(or expand pattern\): '([^']{1,300})'", text)
    where = f"`{m.group(1)}`" if m else "the upload folder"
    flake = logs.ARTIFACT_FLAKE.search(text)
    if flake:
        out.append(f"the download of the build job's artifact failed on GitHub's artifact service (`{flake.group(0)}`), "
                   "not on a name or a path of the workflow: the upload step never ran; re-run the failed jobs, and "
                   "if it keeps failing, build and publish in one job so that no artifact has to pass between jobs")
    # GitHub's message, or the same told in a sentence ("`actions/download-artifact` could not find the expected
    # `release-dists` artifact"): group 1 is the artifact's name either way
    missing = logs.ARTIFACT_NOT_FOUND.search(text) or _SAID_ARTIFACT_MISSING.search(text)
    workspace = log_said.SAID_UV_WORKSPACE_DIST.search(text)
    if workspace:
        out.append("the log says `uv build` in a workspace member wrote its files to the workspace root's `dist/` (uv "
                   "builds a member into the workspace's `dist/`), so the member's own `dist/`, where the next step "
                   "looked, stayed empty and no distribution reached the publishing job (check this first): build with "
                   "`uv build --output-dir dist` in the member (or upload the root's `dist/`), and give "
                   "actions/upload-artifact `if-no-files-found: error` so an empty folder fails the build job")
        return out + [d for f in facts for d in f.upload_dirs]
    old_upload = _OLD_UPLOAD_ARTIFACT.search(text)
    if missing and old_upload and not _OLD_DOWNLOAD_ARTIFACT.search(text):
        out.append(f"the artifact `{missing.group(1)}` was uploaded with `{old_upload.group(0)}`, and "
                   "actions/download-artifact v4 and later cannot see artifacts of upload-artifact v3 and older: use "
                   "the same major version (v4 or later) for both actions")
    if missing:
        out.append(f"the download step found no artifact named `{missing.group(1)}` that it can read, so the upload "
                   f"step never ran: either no job of this run uploaded an artifact named `{missing.group(1)}` before "
                   "the publishing job asked for it (upload it in the build job with actions/upload-artifact under "
                   "that same `name` and make the publishing job `needs:` that job, or build in the publishing job "
                   "itself and drop the download)"
                   + ("" if old_upload else ", or it was uploaded by actions/upload-artifact v3 or older, which "
                      "download-artifact v4 and later do not see (give both actions the same major version)"))
    if _NAME_FOR_PATH.search(text):
        out.append("the log says the download step was given `name: dist` where `path: dist` was meant: `name:` picks "
                   "the artifact by the name its upload step gave it, `path:` is the folder it is extracted into; "
                   "download with `path: dist` (and the upload's `name:`, or none to take every artifact)")
    glob = _GLOB_MATCHED_DIR.search(text)
    if glob:
        out.append("the upload was given the `dist` folder itself, not the files in it (a glob such as `*` run from "
                   "the repository root matches the folder): give the files, `maturin upload dist/*` or "
                   "`twine upload dist/*`")
    folder_named = re.search(r"no Python distribution packages in '([^']{1,200})'", text)
    if folder_named:
        where = f"`{folder_named.group(1)}`"
        out.append(f"the publish action looked in {where} (`packages-dir`) and found nothing there: "
                   "a newer actions/download-artifact (v8) extracts a run's only artifact straight into `path:`, not "
                   "into a folder named after the artifact; give "
                   "the upload and the download the same explicit `name:`, download with `path: dist`, and publish "
                   "from `dist/` (the action's default)")
    if log_said.SAID_NO_RELEASE.search(text) and not (flake or missing or glob):
        # the release tool decided there was nothing to release: no build ran, an empty `dist/` is expected
        return ["the log says the release step made no release (no releasable commits), so nothing was built and "
                "`dist/` was empty when the upload ran: the build is not at fault; skip the upload when nothing was "
                "released: `if: steps.release.outputs.released == 'true'` on the publish step (python-semantic-release's "
                "action sets `released`; give the release step an `id: release`), or guard on the files, `if: "
                "hashFiles('dist/*') != ''`"] + [d for f in facts for d in f.upload_dirs]
    if flake or missing or glob or (out and _NAME_FOR_PATH.search(text)):
        # the download step failed, or the upload was given the folder: no upload looked for files in a folder
        return out + [d for f in facts for d in f.upload_dirs]
    poetry = _POETRY_NO_FILES.search(text) or (  # or its version filter told in a sentence
        log_said.SAID_VERSION_FILTER.search(text) and re.search(r"\bpoetry publish\b", text, re.I))
    # the tool's own message ("No files to publish") is no sentence of the writer's about `dist/`
    said = log_said.SAID_NO_DISTS.search(_TOOL_NO_FILES.sub(" ", text))
    present = _DIST_PRESENT.search(text)
    versioned = bool(poetry) and bool(_VERSION_PLUGIN.search(text) or present)
    if poetry:
        out.append("`poetry publish` uploads only the files of the version Poetry reads for the project "
                   "(`<name>-<version>*` in `dist/`), not whatever `dist/` holds"
                   + (": the log says the files are there, so they carry another version than the Poetry that "
                      "publishes reads; a versioning plugin (poetry-dynamic-versioning, poetry-version-plugin) must be "
                      "active in the publishing step too (`poetry self add \"poetry-dynamic-versioning[plugin]\"` "
                      "there, or build and publish in one job with the plugin), or upload them with "
                      "pypa/gh-action-pypi-publish or `twine upload dist/*`, which take any version"
                      if versioned else
                      ": build in the same job (`poetry publish --build`), or download the build job's files into "
                      "`dist/` and check that their version is the one in pyproject.toml"))
    if not m and said and not present and re.search(r"`?\bdist/?`?\s(?:folder|directory|dir)\b|\bdist/", text):
        if re.search(r"\bpoetry\b", text, re.I) and "gh-action-pypi-publish" not in text:  # the uploader told is Poetry
            out.append("the log says the files are not in `dist/`, the folder `poetry publish` uploads from by default "
                       "(where `poetry build` writes them): build or download them into `dist/` in the publishing job, or "
                       "give `poetry publish --dist-dir` the folder they are in")
        else:
            out.append("the log says the files are not in `dist/`, where pypa/gh-action-pypi-publish uploads from by "
                       "default (`packages-dir`): build or download them into `dist/`, or set `packages-dir` to the "
                       "folder they are in")
    if said and re.search(r"\bdirector(?:y|ies)\b|\bsub-?(?:directory|directories|folders?|dirs?)\b", text, re.I) and \
            re.search(r"\bartifacts?\b", text, re.I):
        out.append("the log says the downloaded artifacts made a directory structure: actions/download-artifact "
                   "without `name` puts each artifact in a subdirectory of its own, where pypa/gh-action-pypi-publish "
                   "does not look (it uploads the files in `dist/` itself); download the one named artifact into "
                   "`dist/` (`name:` and `path: dist`), or set `merge-multiple: true` with a `pattern:`")
    if log_said.SAID_ARTIFACT_IMMUTABLE.search(text):
        out.append("the log says it was actions/upload-artifact v4's immutable artifacts (check this first): the matrix "
                   "jobs can no longer add their files to one shared artifact, so give each job an artifact of its own "
                   "name (`name: dist-${{ matrix.os }}`) and download them all into `dist/` in the publishing job with "
                   "actions/download-artifact, `pattern: dist-*`, `path: dist` and `merge-multiple: true` (no `name:`)")
    wiped = log_said.SAID_DIST_WIPED.search(text)
    if wiped and not log_said.CLEANED_ON_PURPOSE.search(wiped.group(0)):
        checkout = re.search(r"\bcheckout\b", wiped.group(0), re.I)
        out.append("the log says a step cleaned `dist` before the upload (check this first): order the steps so that the cleaning one runs before the files are built or downloaded into "
                   "`dist/`" + (" (run actions/checkout before downloading the artifacts, or give it `clean: false`; "
                                "it cleans the working directory by default)" if checkout else ""))
    folder = re.search(r"look like distributions but are not actually files: (\S{1,300}?)(?:[,\s]|$)|"
                       r"IsADirectoryError: \[Errno 21\] Is a directory: '([^']{1,300})'", text)
    if folder:
        out.append(f"`{folder.group(1) or folder.group(2)}` is a directory, not a file: actions/download-artifact puts "
                   "each artifact in a folder named after it when several are downloaded into one path (an artifact "
                   "named after its file makes `dist/<file>.whl/<file>.whl`); download with `merge-multiple: true` (and "
                   "a `pattern:`), or name the artifacts after something else, so that `dist/` holds the files "
                   "themselves (check this first)")
    if poetry and versioned:  # the files are there: no line that says they are not
        return out
    out.append(f"nothing matched {where}: build in the same job before the upload, or download the build job's "
               "artifact into that folder (actions/download-artifact with `path: dist`, and `merge-multiple: true` "
               "for several artifacts)")
    out += [d for f in facts for d in f.upload_dirs]
    out.append("pypa/gh-action-pypi-publish runs in the repository root and ignores `defaults.run.working-directory`: "
               "give `packages-dir` relative to the root (e.g. `sub/dir/dist`); `uv build` in a workspace member writes "
               "to the workspace's `dist/`")
    return out


def _uploader(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
    failed = log_uploaders.UPLOADER_NOT_INSTALLED.search(text)
    if failed:
        tool = (failed.group(1) or failed.group(2)).lower()
        unreachable = re.search(r"Failed to establish a new connection|Max retries exceeded|Name or service not known|"
                                r"Temporary failure in name resolution|Operation not permitted|ProxyError|timed out|"
                                r"CERTIFICATE_VERIFY_FAILED|Connection refused", text, re.I)
        why = ("the installer could not reach the package index (the connection errors above)" if unreachable
               else "the installer found no release of it on the index it was given")
        return [f"no upload ran: installing `{tool}` failed before it, {why}; let the job reach the package index "
                f"(the network or egress rules, a proxy), or point the installer at the organisation's feed before "
                f"installing `{tool}` (`PIP_INDEX_URL`, or the CI's feed-authentication step first, e.g. "
                f"`PipAuthenticate@1` on Azure Pipelines), then re-run"]
    yanked = log_uploaders.uploader_yanked(text)
    if yanked:  # the pinned release yanked, the install failed: the uploader never ran
        tool, version, owner = yanked
        where = (f"`{owner}` pins it in its own requirements file, which the failed `pip install -r` read, so the job "
                 f"cannot change it: use a release of `{owner}` whose pin resolves (or report the pin to it)" if owner
                 else "pin a release that is not yanked where the requirements pin it")
        return [f"no upload ran: the text says {tool} {version} was yanked, and the `pip install` that installs the "
                f"publishing tools failed, so {tool} was never installed and never ran (a bug linked as the reason for "
                f"the yank is not this failure); pip takes a yanked release only for an exact `=={version}` pin; "
                + where]
    if scan.findings[0].fix == log_patterns.SANDBOX_UPLOADER_FIX:  # a build system's binary: its deps, not the job's
        return ["the text names a build system's binary (Bazel `py_binary`, Bzlmod, runfiles) that runs the upload: it "
                "sees only the packages its target declares, so twine installed system-wide or in the job is not "
                "visible to it; nothing reached PyPI"]
    m = re.search(r"\b(twine|maturin|flit|hatch|uv|poetry): (?:command )?not found|No module named '?(twine)|"
                  r"The term '(twine|maturin|flit|hatch|uv|poetry|pdm)(?:\.exe)?' is not recognized as the name of a cmdlet|"
                  r"(?<![\w-])(uvx|pipx): (?:command )?not found",
                  text)
    said = log_said.SAID_UPLOADER_MISSING.search(text) if not m else None  # told in a sentence: the tool it names
    named = re.search(log_said.UPLOADER_TOOLS, said.group(0), re.I) if said else None
    tool = next((g for g in (m.groups() if m else ()) if g), named.group(0).lower() if named else None)
    ran = log_uploaders.exec_missing(scan.cleaned, text) if not m and not said else None
    if ran:
        what = f"`{ran[1]}`" if ran[1] else "a program"
        head = (f"Python could not start {what} (`FileNotFoundError` in `os._execvpe`, how `poetry run` fails for a "
                "command that is not installed): ")
        if ran[1] is None:
            return [head + "the log does not name the program; in a release step after the distributions are built it is "
                    "most often the uploader (twine): add twine to the environment that runs it (`poetry "
                    "add --group dev twine`, or `python -m pip install twine` in that job), or use "
                    "pypa/gh-action-pypi-publish, which brings its own"]
        tool = ran[1]
        install = "`python -m pip install twine`" if tool == "twine" else f"install `{tool}`"
        return [head + f"`{tool}` is not installed in that environment: {install} there (for `poetry run`, add it to "
                "the project's dev dependencies), or use pypa/gh-action-pypi-publish, which brings its own"]
    if tool is None and log_said.SAID_SETUP_UPLOAD.search(text):  # the removed command named, no tool
        return ["the text names `setup.py … upload` as the command that failed: setuptools deprecated its `upload` "
                "command for years and has since removed it, so no credential or package set right brings it back; build with `python -m build` and upload with `twine upload dist/*` (the token as "
                "`TWINE_USERNAME=__token__` and `TWINE_PASSWORD`), or use pypa/gh-action-pypi-publish"]
    if tool in ("uvx", "pipx"):  # the runner that starts the uploader, set up in another job only
        setup = "an `astral-sh/setup-uv` step (it installs `uv` and `uvx`)" if tool == "uvx" else \
            "`python -m pip install pipx`"
        return [f"`{tool}`, which starts the uploader, is not installed in the job that runs it: each job starts on a "
                f"fresh runner and a setup step of the build job does not carry over, so add {setup} to every job that "
                f"calls `{tool}`, or use pypa/gh-action-pypi-publish, which brings its own"]
    if tool is None:
        return ["the upload tool is not installed where the upload runs: install it in that same job (on Travis, in "
                "the install step of the deploy's Python), or use pypa/gh-action-pypi-publish, which brings its own"]
    install = "`python -m pip install twine`" if tool == "twine" else f"install `{tool}`"
    if said and re.search(r"(?<![\w-])--user\b", text):
        return [f"the log says `{tool}` was installed with `--user`, outside the virtual environment the job runs in "
                f"(CircleCI's, tox's, a venv), so that environment does not find it: install it there without `--user` "
                f"({install} with the environment's Python), or use pypa/gh-action-pypi-publish, which brings its own"]
    if log_said.VENV_TOLD.search(text):  # a virtualenv of the job's own, told beside it
        return [f"the text names a virtualenv the job made or activated: the deploy looked for `{tool}` in another "
                f"environment than the one it was installed in (a virtualenv left active into the deploy, or the "
                f"deploy's own Python without it): remove that virtualenv or `deactivate` it before the deploy, or "
                f"{install} in the environment active where the deploy runs"]
    return [f"`{tool}` is not installed where the upload runs: {install} in that same job (on Travis, in the "
            "install step of the deploy's Python), or use pypa/gh-action-pypi-publish, which brings its own"]


# GitHub's refusal of a workflow file: each message after the file, line and column it names
_WF_PLACE = re.compile(r"(?:(?:In\s)?(\S{1,200}\.ya?ml)(?:@\S{1,200})?\s)?\(Line: (\d{1,6}), Col: (\d{1,4})\): ")
_WF_UNEXPECTED = re.compile(r"Unexpected value '([^'\s]{1,60})'")
_WF_NAMED_VALUE = re.compile(r"Unrecognized named-value: '([^'\s]{1,60})'")
_WF_MISSING = re.compile(r"Required property is missing: ([\w-]{1,40})")
_WF_CALLED = re.compile(r"Error from called workflow (\S{1,300}?\.ya?ml)")
_JOB_KEYS = ("environment", "permissions", "runs-on", "needs", "strategy", "concurrency", "outputs", "services",
             "container", "defaults")
_STEP_KEYS = ("uses", "run", "with", "shell", "working-directory", "continue-on-error")
_PERMISSION_SCOPES = ("actions", "attestations", "checks", "contents", "deployments", "discussions", "id-token",
                      "issues", "models", "packages", "pages", "pull-requests", "repository-projects",
                      "security-events", "statuses")
_STEP_LEVEL_SAID = re.compile(r"\bstep[- ]level\W{0,2}\s\W?(environment|permissions|runs-on|needs|concurrency)\b", re.I)


def _workflow_invalid(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    import difflib

    text, out = scan_text(scan), []
    places = list(_WF_PLACE.finditer(text))
    seen = set()
    for i, m in enumerate(places):
        message = text[m.end():places[i + 1].start() if i + 1 < len(places) else m.end() + 300]
        where = f"line {m.group(2)}, column {m.group(3)}" + (f" of `{m.group(1)}`" if m.group(1) else "")
        unexpected, named, missing = (_WF_UNEXPECTED.match(message), _WF_NAMED_VALUE.match(message),
                                      _WF_MISSING.match(message))
        key = (unexpected or named or missing).group(1) if (unexpected or named or missing) else None
        if key in seen:
            continue
        seen.add(key)
        if unexpected and key in _JOB_KEYS:
            out.append(f"`{key}:` ({where}) is a key of a job (`jobs.<job_id>.{key}`), and GitHub refuses it where "
                       "it stands (on a step, or under `with:`): move it up to the job that runs the step"
                       + ("; for the publish step that can be a job of its own that `needs:` the build job, with "
                          "`environment:` and `permissions: id-token: write` at job level, as PyPI's guide shows"
                          if key in ("environment", "permissions") else ""))
        elif unexpected and difflib.get_close_matches(key, _PERMISSION_SCOPES, n=1, cutoff=0.8) and key not in _PERMISSION_SCOPES:
            scope = difflib.get_close_matches(key, _PERMISSION_SCOPES, n=1, cutoff=0.8)[0]
            out.append(f"`{key}` ({where}) is no permission GitHub knows: the scope is spelt `{scope}` "
                       f"(`permissions: {scope}: …`)")
        elif unexpected and key in _STEP_KEYS:
            out.append(f"`{key}:` ({where}) is a key of a step, and it stands where GitHub expects another key: check "
                       "its indentation (a step's keys line up under the step's `- `, below `steps:`)")
        elif unexpected:
            out.append(f"GitHub does not take `{key}:` where it stands ({where}): check the key's name and "
                       "indentation against the workflow syntax (a job's keys, a step's keys and `with:` inputs are "
                       "three different levels)")
        elif named and key == "secrets":
            out.append(f"an `if:` cannot read `secrets` ({where}): put the secret in the job's `env:` "
                       "(`HAS_TOKEN: ${{ secrets.NAME != '' }}`) and test `env.HAS_TOKEN` in the step's `if:`, or "
                       "decide with a repository variable (`vars.NAME`), which `if:` can read")
        elif named:
            out.append(f"`{key}` ({where}) is no context that expression can read: an input is `inputs.{key}` (a "
                       f"`workflow_dispatch` or `workflow_call` input), a variable `vars.{key}` or `env.{key}`")
        elif missing:
            out.append(f"a job lacks `{key}:` ({where})" + (": every job needs `runs-on:` unless it calls a reusable "
                                                              "workflow with `uses:`" if key == "runs-on" else ""))
    called = _WF_CALLED.search(text)
    if called:
        out.append(f"the place named is in the called workflow `{called.group(1)}`, not in the calling file: fix it "
                   "there (and in the ref the caller pins)")
    said = _STEP_LEVEL_SAID.search(text) if not out else None
    if said:
        key = said.group(1).lower()
        out.append(f"the log says `{key}:` was given on a step: it is a key of the job (`jobs.<job_id>.{key}`): move "
                   "it up to the job that runs the step")
    out.append("GitHub refused the workflow file before any job ran, so nothing reached PyPI and no credential was "
               "tried: fix the file at the line and column named, push, and run the release again; `actionlint` "
               "reports such errors before a push")
    return out


_BUILD_ENV_PIXI = re.compile(r"\.pixi/envs/([\w.-]{1,60})/")
_BUILD_ENV_CONDA = re.compile(r"(?:conda|mamba|miniforge\d?)[\w/.-]{0,100}?/envs/([\w.-]{1,60})/")
_PIXI_RAN = re.compile(r"\bpixi run\b")
_CONDA_RAN = re.compile(r"\bconda (?:run|activate)\b")
_BUILD_ENV_SETUP_PYTHON = re.compile(r"hostedtoolcache/Python/(\d[\w.]{0,20})/")
_NO_BACKEND = re.compile(r"Backend '([\w.:-]{1,100})' is not available")


def _build_tool(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = scan_text(scan), []
    pixi = _BUILD_ENV_PIXI.search(text) or _PIXI_RAN.search(text)
    conda = _BUILD_ENV_CONDA.search(text) or _CONDA_RAN.search(text)
    setup_python = _BUILD_ENV_SETUP_PYTHON.search(text)
    if pixi:
        env = f"the pixi environment `{pixi.group(1)}`" if pixi.re is _BUILD_ENV_PIXI else "a pixi environment"
        where, add = env, ("add the tool to that environment (`pixi add --pypi build`, or conda-forge's "
                           "`python-build`)")
    elif conda:
        env = f"the conda environment `{conda.group(1)}`" if conda.re is _BUILD_ENV_CONDA else "a conda environment"
        where, add = env, "add the tool to that environment (`conda install -c conda-forge python-build`)"
    else:
        where = f"setup-python's Python {setup_python.group(1)}" if setup_python else "the job's Python"
        add = "`python -m pip install build` in the same job, before it"
    if re.search(r"No module named '?build'?(?![\w.])|pyproject-build: (?:command )?not found", text):
        out.append(f"`python -m build` ran in {where}, which has no `build` package: {add}; or build with a tool "
                   "that brings its own (`uv build`, `pipx run build`)")
    if re.search(r"invalid command 'bdist_wheel'|No module named '?wheel'?(?![\w.])", text):
        out.append("`setup.py bdist_wheel` ran where setuptools has no `bdist_wheel` command: setuptools before 70.1 "
                   "takes it from the `wheel` package, which is not installed there. Build with `python -m pip install "
                   "build` and `python -m build` (it writes the sdist and the wheel, with what `[build-system]` "
                   "requires installed in an isolated environment), or `python -m pip install wheel` (or setuptools "
                   ">= 70.1) before `setup.py sdist bdist_wheel`")
    if re.search(r"No module named '?setuptools'?(?![\w.])", text):
        out.append(f"the Python that ran `setup.py` ({where}) has no setuptools (Python 3.12 and later no longer "
                   "install it next to pip): build with `python -m build`, which installs what `[build-system] "
                   "requires` into an isolated environment, or `python -m pip install setuptools` before `setup.py`")
    imported = re.search(log_patterns.SETUP_IMPORT_MISSING, text) or log_said.SAID_SETUP_IMPORT.search(text)
    module = next((g for g in imported.groups() if g), "") if imported else ""
    if module and module.split(".")[0] not in ("setuptools", "wheel", "build"):
        told = ("the traceback shows setup.py importing" if imported.re.pattern == log_patterns.SETUP_IMPORT_MISSING
                else "the text says setup.py imports")
        out.append(f"{told} `{module}`, which the environment that runs setup.py in the release job "
                   f"does not have: list it in `[build-system] requires` of pyproject.toml (next to setuptools) and build "
                   f"with `python -m build`, which installs it in the build's isolated environment; or install it in "
                   f"that job before the build (`python -m pip install {module.split('.')[0]}`)")
    option = re.search(log_patterns.PLUGIN_OPTION_IGNORED, text)
    if option:
        tool = {"use_scm_version": "setuptools_scm", "cffi_modules": "cffi",
                "rust_extensions": "setuptools-rust"}[option.group(1)]
        zero = (" (the log shows version `0.0.0` built and uploaded: yank or delete that release on PyPI and "
                "publish the real version)" if re.search(r"-0\.0\.0[-.]", text) else "")
        out.append(f"setup() was given `{option.group(1)}`, which only {tool} understands, and {tool} was not "
                   "installed where setup.py ran (`Unknown distribution option` is a warning: the build went on "
                   f"without it){zero}: list `{tool}` in `[build-system] requires` of pyproject.toml and build with "
                   f"`python -m build`, or install it in the job before setup.py runs")
        return out  # a warning, not a failed build: the upload ran
    if not out and re.search(log_patterns.SAID_NO_SETUPTOOLS, text, re.I):
        out.append("the log says the Python that ran `setup.py` has no setuptools (Python 3.12's `venv` no longer "
                   "installs it), so the build failed and the upload found nothing to send: `python -m pip install "
                   "setuptools` before `setup.py`, or build with `python -m build`; and let a failed build stop the "
                   "job (`set -e`, `&&`) rather than go on to the upload")
    backend = _NO_BACKEND.search(text)
    if backend:
        out.append(f"`python -m build --no-isolation` builds with what the job installed, and the backend "
                   f"`{backend.group(1)}` that `[build-system]` names is not installed: install the `[build-system] "
                   "requires` first, or drop `--no-isolation`")
    out.append("the build failed, so no upload ran: PyPI and the credentials are not in question")
    return out


_IMPORT_ERROR = re.compile(r"cannot import name '([\w.]{1,60})' from '?([\w.]{1,80}?)'?(?=[\s)`'\",.]|$)|"
                           r"No module named '([\w]{1,40})\.([\w.]{1,60})'|"
                           # the failing import told as its statement ("crashing on `from packaging import errors`")
                           r"`from ([\w.]{1,80}) import (\w{1,60})`")
_DEPS_CHANGED_SAID = re.compile(r"\b(?:downgrad\w{1,4}|upgrad\w{1,4}|overr?id\w{1,4}|replac\w{1,4}|pinn\w{1,4})\b", re.I)


def _uploader_deps(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = scan_text(scan), []
    missing = re.search(log_patterns.UPLOADER_MODULE_MISSING, text)
    if missing:  # not a version twine cannot use: the module is not there at all
        module = missing.group(1)
        vendored = re.search(log_patterns.VENDORED_UPLOADER, text)
        if vendored:  # not the job's twine: a build tool's rule ships its own copy and runs it
            return [f"the twine that failed at its own import of `{module}` is the copy a build tool's rule vendors "
                    f"(`{vendored.group(0).strip('/')}`), run without twine's own dependencies: the rule does not supply "
                    f"them (a machine with `{module}` installed system-wide hides it); nothing reached PyPI: give the "
                    "rule twine's dependencies (its requirements), or use a release of the rule that does"]
        why = ("twine 3.8.0 imports `packaging` without declaring it (pypa/twine#894; twine 4.0 and later do not import "
               "it)" if module == "packaging" else "twine was installed without its dependencies (`pip install "
               "--no-deps`, a hand-made or cached environment)")
        return [f"twine failed at its own import of `{module}`, which is not installed where it runs: {why}; nothing "
                f"reached PyPI: install it next to twine (`python -m pip install {module}`) or upgrade twine (`python -m "
                "pip install -U twine`) in the job that uploads, or publish with pypa/gh-action-pypi-publish, which "
                "brings its own twine"]
    old_ssl = re.search(log_patterns.URLLIB3_OLD_SSL + r"(?:[^\n]{0,80}?'(OpenSSL [\w.]{1,12}))?", text)
    if old_ssl:  # urllib3 2 came in with twine (or requests) on a Python built on an OpenSSL before 1.1.1
        built = f" (this one is built on {old_ssl.group(1)})" if old_ssl.group(1) else ""
        return [f"urllib3 2, which twine pulls in, refuses a Python whose ssl module is built on an OpenSSL before "
                f"1.1.1{built}: pin `urllib3<2` where twine is installed (`python -m pip install twine \"urllib3<2\"`), "
                "or upload from a current Python; nothing reached PyPI"]
    core = re.search(log_patterns.POETRY_CORE_MOVED, text)
    if core:  # poetry's own modules import; a plugin (or an old build backend) imports one poetry-core removed
        plugin = re.search(r"\b(poetry-[\w-]{1,60}-plugin|poetry-dynamic-versioning|poetry-[\w-]{1,40}(?=[^\n]{0,20}"
                           r"\bplugin))\b", text)
        who = f"the plugin `{plugin.group(1)}`" if plugin else "a Poetry plugin (or an old build backend)"
        return [f"{who} imports `{core.group(1)}`, which the poetry-core installed with a newer Poetry no longer has "
                "(poetry-core 1.7 removed `poetry.core.semver`): upgrade the plugin to a release made for that "
                "Poetry, or pin Poetry (and poetry-core) to the release the plugin works with (an action's "
                "`poetry_version`, `pipx install poetry==…`)"]
    m = _IMPORT_ERROR.search(text)
    name, module = (m.group(1), m.group(2)) if m and m.group(1) else ((m.group(4), m.group(3)) if m and m.group(3) else (
        (m.group(6), m.group(5)) if m else ("?", "?")))
    top = module.split(".")[0]
    tool = next((t for t in ("twine", "hatch", "flit", "pdm") if re.search(rf"\b{t}\b", text, re.I)), "the uploader")
    said = _DEPS_CHANGED_SAID.search(text)
    out.append(f"`{tool}` cannot import `{name}` from `{module}`: the `{top}` in this environment is not a version "
               f"`{tool}` works with" + (" (the log says the job's own installs changed it)" if said else "")
               + f": run `{tool}` in an environment of its own (`pipx run {tool} upload dist/*`, `uvx {tool} upload "
               f"dist/*`), or install it after the project and its dependencies (`python -m pip install -U {tool}` "
               "last); or publish with pypa/gh-action-pypi-publish, which brings its own twine")
    if re.search(r"\buv run\b", text):
        out.append(f"`uv run` syncs the project's environment before it runs the command, so the project's lock "
                   f"decides `{top}`, not `{tool}`'s requirements: run `uvx {tool}` instead of `uv run {tool}`")
    if top in ("urllib3", "requests") and name == "appengine":
        out.append("requests-toolbelt before 1.0 imports `appengine` from urllib3, which urllib3 2 removed: "
                   "`python -m pip install -U twine requests-toolbelt`")
    return out


def _nested(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    m = re.search(r"The nested job '([^']{1,100})' is requesting '([\w-]{1,40}): (\w{1,10})'", scan_text(scan))
    if not m:
        return []
    job, perm, level = m.groups()
    callers = sorted({c for f in facts for c in f.calls_without_id_token})
    out = [f"the called workflow's job `{job}` asks for `{perm}: {level}`, which the calling job does not grant: add "
           f"`permissions: {{{perm}: {level}, contents: read}}` to the job that calls it (in the calling workflow); "
           "GitHub checks this when the run starts, before any `if:`, so a job skipped on this event needs it too"]
    if callers:
        out.append(f"calls that grant no `id-token: write`: {', '.join(callers)}")
    return out


def _action_bug(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
    if "not actually files" in text:
        out = ["this is a bug of pypa/gh-action-pypi-publish v1.10.0 in checking files before attesting them, fixed in "
               "v1.10.1: use `release/v1` (or v1.10.1 or later) and re-run"]
        listed = re.search(r"not actually files: (\S{1,300}?)[,\s]", text + " ")
        checked = listed and re.search(rf"Checking {re.escape(listed.group(1).split('/')[-1])}\b|Checking \S{{0,300}}/"
                                       rf"{re.escape(listed.group(1).split('/')[-1])}: PASSED", text)
        if not checked and not re.search(r"gh-action-pypi-publish[@:]v1\.10\.0\b", text):
            # the log shows neither the release nor twine's check passing on those paths: they may be directories
            out.append("if the step runs v1.10.1 or later, the paths named are directories named like distributions: "
                       "actions/download-artifact makes a folder per artifact when several go into one path; download "
                       "with `merge-multiple: true` so that `dist/` holds the files themselves")
        return out
    if "unbound variable" in text:
        return ["this is a bug of pypa/gh-action-pypi-publish v1.4.0 (an unset `VERBOSE` in its upload script), fixed in "
                "v1.4.1: use `release/v1` (or an exact later tag) and re-run"]
    if re.search(r"Create Docker container action.{0,400}?\bpython3?: (?:command )?not found", text):
        return ["this is a bug of pypa/gh-action-pypi-publish v1.12.0, which runs `python` to write its container action "
                "and fails on a runner without Python (most self-hosted runners; GitHub's runners have it), fixed in "
                "v1.12.1: use `release/v1` (or v1.12.1 or later) and re-run; the action also needs Docker, so a "
                "GitHub-hosted `ubuntu-latest` job for the upload avoids both"]
    told = log_said.action_fixed(scan.cleaned)
    if told and not log_patterns.RX["log-action-bug"].search(text):
        _, action, release = told
        return [f"the log says a newer release of the publish action `{action}` fixes the failure"
                + (f" (its release {release})" if release else "") + ": a bug of that action, not of the "
                "workflow, the credentials or the files; use that release or a later one"
                + (f" (`uses: {action}@{release}`)" if release and "/" in action else "")]
    if "Incorrect padding" in text:
        return ["this is a bug of pypa/gh-action-pypi-publish v1.8.9 while rendering the claims of a failed exchange, "
                "fixed in v1.8.10: use `release/v1` and re-run to see the real error"]
    return []


_NOT_ALLOWED = re.compile(r"(\S{1,200}) is not allowed to be used in ([\w.-]{1,100}/[\w.-]{1,100})|"
                          r"actions? (\S{1,200}) (?:is|are) not allowed in ([\w.-]{1,100}/[\w.-]{1,100})", re.I)


def _action_not_allowed(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
    m = _NOT_ALLOWED.search(text)
    if not m:
        return []
    action, repo = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    repo = repo.rstrip(".")
    owner = repo.split("/")[0]
    retired = [f"`{action}` is also the action's retired `master` branch: use `@release/v1` or an exact release tag"] \
        if re.fullmatch(r"pypa/gh-action-pypi-publish@master", action) else []
    if re.search(r"pinned to a full[- ]length commit SHA", text, re.I):
        return [f"`{action}` is refused because `{owner}` requires every action pinned to a full commit SHA: pin it to "
                "the full SHA of a release, with the release in a comment (`@<40-hex SHA> # v1.x.y`), checked with "
                "`git ls-remote` against the action's repository, and re-run"]
    return [f"`{action}` is outside the actions `{owner}` allows in `{repo}` (its own, GitHub's, verified creators' or a "
            f"list it names): an admin of `{owner}` adds it to the allowed actions (Settings → Actions → General; "
            f"`{action.split('@')[0]}@*` allows every ref; a list may name single refs, then use one it names), or the "
            "upload runs `twine upload`/`uv publish` in a `run:` step instead"] + retired


_ENV_REFUSED = re.compile(r"\b(Tag|Branch)\s{1,3}\"([^\"]{1,200})\" is not allowed to deploy to (.{1,100}?) due to "
                          r"environment protection rules", re.I)
_ENV_REJECTED = re.compile(r"The deployment was rejected or didn[’']?t satisfy other protection rules", re.I)


def _environment(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
    m = _ENV_REFUSED.search(text)
    if m:
        kind, ref, env = m.group(1).lower(), m.group(2), m.group(3).strip("`'\" ")
        return [f"GitHub refused the job before it ran: the {kind} `{ref}` is not among the branches and tags the "
                f"environment `{env}` lets deploy (its deployment rules), so nothing was uploaded and PyPI was not "
                f"asked; allow it in the environment's rules (Settings → Environments → {env} → Deployment branches "
                f"and tags: add a {kind} rule whose pattern matches `{ref}`), or run the release from a {kind} the "
                "rules allow, then re-run the job"]
    if _ENV_REJECTED.search(text):
        return ["GitHub refused the job's deployment to its environment (a required reviewer rejected it, or a branch "
                "or tag rule or another protection rule of the environment was not met), so nothing was uploaded: "
                "see the environment's rules (Settings → Environments → <name>), allow the ref or approve the "
                "deployment, then re-run the job"]
    return []


_VER = r"v?(\d(?:[\w+!-]|\.(?=\w)){0,60})"
_TAG_VERSION = re.compile(r"\btag\b\W{0,3}(?:version\W{0,3})?\(?[`'\"]?" + _VER + r"[`'\"]?\)?\s[^\n]{0,40}?"
                          r"(?:\bmatch\b|!=|\bmismatch\w{0,2}\b|\bvs\b\.?)[^\n]{0,40}?(\b[\w./-]{1,100}\.(?:toml|py|cfg|json|txt)\b)?"
                          r"[^\n]{0,20}?\bversion\b\W{0,3}\(?[`'\"]?" + _VER, re.I)


# the version a tag was told to carry: a release URL's tag, "tag v1.2.3", "1.32.2 … was tagged"
_TAGGED = re.compile(r"/releases/tag/[\w.-]{0,60}?v?(\d{1,6}(?:\.\d{1,6}){1,4})\b|\btag(?:ged)?\s(?:\w+\s){0,2}?`?v?"
                     r"(\d{1,6}(?:\.\d{1,6}){1,4})\b|(?<![\w.])v?(\d{1,6}(?:\.\d{1,6}){1,4})\s(?:\w+\s){0,4}?(?:was|were|is|got)\s"
                     r"(?:\w+\s)?tagged\b", re.I)


def _tag_said(text: str) -> List[str]:
    """A tag told as wrong beside the version a file of the package holds: no check's output, so no check is claimed."""
    held = log_said.SAID_FILE_VERSION.search(text)
    if not held or not log_said.SAID_TAG_WRONG.search(text):
        return []
    where, version = held.group(1).strip("`"), held.group(2)
    tagged = _TAGGED.search(text)
    tag = next((g for g in tagged.groups() if g), None) if tagged else None
    nums = tag.split(".") if tag and tag != version else None
    following = ".".join(nums[:-1] + [str(int(nums[-1]) + 1)]) if nums else None
    return ["the text says the tag" + (f" (`{tag}`)" if tag and tag != version else "") + f" differs from the version "
            f"`{where}` holds (`{version}`): a release built from that tag carries `{version}` (files already on PyPI, "
            "or stopped by a version check), so the tagged version never reached PyPI; set the version in "
            f"`{where}` to the one meant, commit, and tag that commit; where a tag or release cannot be moved (immutable "
            "releases, or its version already used), release the next version"
            + (f" (`{following}`)" if following else "") + " from a commit whose files say it"]


def _tag_version(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    m = _TAG_VERSION.search(scan_text(scan))
    if not m and _tag_said(scan_text(scan)):
        return _tag_said(scan_text(scan))
    if not m:
        return ["the workflow's own check stopped the release because the tag and the package version differ (PyPI "
                "refused nothing): bump the version to the tag's, commit, and tag that commit again, or tag the "
                "version the project has"]
    tag, version = m.group(1), m.group(3)
    where = re.search(r"[\w./-]{1,100}\.(?:toml|py|cfg|json|txt)\b", m.group(0))
    in_file = f"in `{where.group(0)}` " if where else ""
    return [f"the workflow's own check stopped the release (PyPI refused nothing): the tag says `{tag}` and the version "
            f"{in_file}is `{version}`; bump the version to `{tag}`, commit, and tag that commit (delete and re-create "
            f"the tag, or cut the next one), or tag `{version}` if that is the version meant"]


_SUNSET = re.compile(r"master branch version has been sunset|change the GitHub Action version you use from master\b|"
                     r"UNSUPPORTED GITHUB ACTION VERSION", re.I)
_IMAGE = re.compile(r"ghcr\.io/pypa/gh-action-pypi-publish:([\w.-]{1,100})")


_PINNED_HEX = re.compile(r"([\w.-]{1,100}/[\w.-]{1,100})@([0-9a-f]{7,64})\b", re.I)


def _action_ref(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
    pin = next((m for m in _PINNED_HEX.finditer(text) if logs.NOT_A_SHA.fullmatch(m.group(2))), None)
    if pin:
        action, ref = pin.groups()
        why = ("no commit has that ref (a digit added in copying)" if len(ref) > 40 else
               "GitHub resolves no short SHA in `uses:`")
        return [f"`{action}@{ref}` pins {len(ref)} hex digits, and a full commit SHA has 40: {why}, so neither "
                "allowing the action nor dropping the SHA-pinning rule helps; copy the 40-digit SHA of the release you "
                "mean (`git ls-remote "
                f"https://github.com/{action} refs/tags/<tag>`), with the release in a comment, and re-run"]
    image = _IMAGE.search(text)
    nested = logs.NESTED_IMAGE.search(text)
    if not image and nested:
        return [f"the publish action looked for the image `{nested.group(1)}`, named after the repository that ran it "
                "and its ref instead of `ghcr.io/pypa/gh-action-pypi-publish:<ref>`: GitHub gives an action called from "
                "inside a composite action (or another action) its caller's repository and ref, so "
                "pypa/gh-action-pypi-publish cannot be nested in one (its README's non-goals): move the `uses: "
                "pypa/gh-action-pypi-publish@release/v1` step out of the composite action into the workflow's job itself"]
    if not image and _SUNSET.search(text):
        return ["the log quotes the action's own notice: its `master` branch has been sunset (no Trusted Publishing "
                "code, no longer maintained); change `uses: pypa/gh-action-pypi-publish@master` to `@release/v1` (or "
                "an exact release tag, or the full commit SHA of a release) and re-run"]
    if not image and log_said.SAID_ACTION_OLD.search(text) and not log_said.SAID_ACTION_REF.search(text):
        return ["the log says the workflow pins pypa/gh-action-pypi-publish to an old release: an old release bundles an "
                "old twine and lacks the fixes PyPI's changes since needed (newer metadata, Trusted Publishing, "
                "attestations), and the oldest refs (`master`) are no longer supported; use `@release/v1` (or a current "
                "exact release tag, or its full commit SHA) and re-run"]
    if not image:
        if not log_said.SAID_ACTION_REF.search(text):
            return []
        out = ["the log says the ref (tag) the workflow gives pypa/gh-action-pypi-publish is missing or does not exist: use "
               "`@release/v1`, an exact release tag (`@v1.14.2`) or the full commit SHA of a release"]
        if log_said.SAID_SAME_FILE.search(text) or REUPLOAD_SAID.search(text):
            out.append("the log also tells of the same file uploaded again (a 409, the same artifact from each job): "
                       "PyPI takes a file name once, so upload once, from one job that downloads every job's files "
                       "(or `skip-existing: true`), not from each job of a matrix")
        return out
    ref = image.group(1)
    if re.fullmatch(r"[0-9a-f]{40}", ref):
        return [f"the step pins the action to the commit `{ref}`, and no image `ghcr.io/pypa/gh-action-pypi-publish:"
                f"{ref}` exists (`manifest unknown`): images are published for the action's release refs, and one "
                "that was published can be removed later; pin a release tag (`@v1.14.2`) or `@release/v1`, or, to keep "
                "a SHA pin, the commit of a current release tag with its version in a comment, and re-run"]
    return [f"no image `ghcr.io/pypa/gh-action-pypi-publish:{ref}` exists (`manifest unknown`): use `@release/v1` or an "
            "exact release tag, and re-run"]


_WHEEL_NAME = re.compile(r"\b([A-Za-z0-9_.]{1,100}?)-(\d[\w.+]{0,40}?)-(?:\d\w{0,10}-)?[\w.]{1,40}-[\w.]{1,40}-[\w.]{1,200}\.whl\b")


def _uploader_broken(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
    option = log_uploaders.GPG_OPTION_AS_FILE.search(text)
    if option and scan.findings[0].fix == log_uploaders.GPG_ORDER_FIX:
        return [f"`{option.group(0)}`: gpg was handed one of its own options as the file to sign, so the uploader that "
                "ran it put the option after the file name (twine 1.6.0 did so with `--local-user` for `--identity`; "
                "1.6.1 fixed it); nothing reached PyPI. " + log_uploaders.SIGN_DROP + ", or upgrade the uploader"]
    bundled = log_uploaders.bundled_uploader_cut(scan.cleaned)
    if bundled:
        _, uploader, lock, release = bundled
        told = f" (the text names release {release})" if release else ""
        return [f"the release tool built `{uploader}` from its own lockfile `{lock}`{told}, and it failed while Python "
                f"imported it, before uploading: a dependency that lockfile pins breaks this {uploader} (twine 5.1.0 and "
                "older crash with importlib-metadata 8 this way); upgrade the tool to a release with a fixed lockfile, "
                f"or install {uploader} from your own resolve pinning the dependency, and paste the exception line the "
                "log cuts"]
    if re.search(r"POST body may not contain duplicate keys", text):
        tool = next((t for t in ("maturin", "poetry", "hatch", "flit", "pdm", "uv", "twine")
                     if re.search(rf"\b{t}\b", text, re.I)), "the uploader")
        return [f"PyPI could not read the upload request itself (`POST body may not contain duplicate keys`): "
                f"{tool} sent a form field twice, a bug of {tool} and not of the package or the credentials; use a "
                f"release of {tool} without it (the one the last good upload used, or a later fixed one) or upload the "
                "same files with `twine upload`"]
    if log_servers.REGISTER_RETIRED.search(text):
        relay = relayed_by(text)
        return ["PyPI answered 410 to a `register` call: PyPI retired that API (\"Project pre-registration is no longer "
                "required or supported\"), a new project is created by its first upload; "
                + (f"the 410 came back through {relay}, which still calls `register` before uploading: upgrade {relay} "
                   "to a release that no longer does, or upload the same files with `twine upload` or `uv publish`"
                   if relay else "drop the `register` step (`twine register`, `setup.py register`) and upload the files "
                   "(`twine upload dist/*`); a tool that calls it itself is too old: upgrade it, or upload with twine "
                   "or uv")]
    if re.search(r"Uploading documentation is no longer supported", text):
        return ["PyPI answered 410 to a documentation upload (`setup.py upload_docs`, an old `twine`/`flit` docs step): "
                "PyPI hosts no documentation any more; drop that step from the release and publish the docs elsewhere "
                "(Read the Docs, GitHub Pages); the package upload is not affected"]
    tuple_field = re.search(r"\b([a-z_]{2,40}): Should not be a tuple\b", text)
    if tuple_field:
        head = (f"PyPI could not read the upload request: the form field `{tuple_field.group(1)}` came as a file part "
                "(`Should not be a tuple`), where PyPI takes only text; it is not the package")
        if UNCHANGED_SAID.search(text):
            return [head + "; the log says the uploader and its dependencies did not change since the last good "
                    "upload, so the change may be on PyPI's side: check https://github.com/pypi/warehouse/issues and "
                    "re-run later, or upload the same files with another uploader (`twine upload`, `uv publish`)"]
        return [head + ": the uploader sent it so; use the release of the uploader the last good upload used, or "
                "upload the same files with `twine upload`"]
    if re.search(r"Upload payload does not have a file\.|\b400 Unknown protocol version\b", text):
        return ["PyPI could not read the upload request (no file in it, or a protocol version it does not know): a bug "
                "of the uploader or of a proxy that rewrote the request, not of the package; upload the same files "
                "with a released twine or uv"]
    if re.search(r"unexpected keyword argument '?gen_setup_py", text):
        return ["the flit CLI passes `gen_setup_py` to flit_core's sdist builder, which the installed flit_core no "
                "longer takes: the flit CLI and flit_core are of different major versions (flit 3 with flit_core 4); "
                "install both at the same major (`pip install 'flit>=4'` next to flit_core 4, or pin `flit<4` with "
                "`flit_core<4`, in the job and in `[build-system] requires`)"]
    if log_servers.MATURIN_MIXED.search(text):
        names = {(m.group(1).lower().replace("-", "_"), m.group(2)) for m in _WHEEL_NAME.finditer(text)}
        one = (f"every file the log lists is `{next(iter(names))[0]}` {next(iter(names))[1]}, one package: "
               if len(names) == 1 else "")
        return [f"{one}maturin refused the upload as files of different packages (`Caused by: Attempting to upload "
                "wheel and/or source distribution files that belong to different python packages`) before anything reached "
                "PyPI: maturin 0.10.3 and 0.10.4 took one package's wheels whose metadata is not identical across them "
                "(built on different platforms) for different packages, fixed in 0.10.5 (PyO3/maturin#544); upgrade "
                "maturin or upload the same files with `twine upload` / `uv publish`"]
    call = log_uploaders.INTERNAL_CALL.search(text)
    if call and log_uploaders.RELEASE_TOOL.search(text):
        tool = "python-semantic-release" if "semantic" in log_uploaders.RELEASE_TOOL.search(text).group(0).lower() \
            else "zest.releaser"
        return [f"`{call.group(0)}` is {tool} calling twine's `upload()` function directly with the arguments of an "
                "older twine: that function is twine's internal code, not an API, and a twine release changed it; "
                f"nothing reached PyPI. Upgrade {tool} to a release that matches the installed twine, or pin twine "
                f"back to the release {tool} was written for in the release environment"]
    rollback = log_uploaders.SAID_ROLLBACK.search(text)
    if rollback and log_uploaders.DROPPED.search(text) and not log_uploaders.NOT_REACHED.search(text):
        dropped = (re.search(r"BadStatusLine|RemoteDisconnected|Connection reset by peer", text)
                   or log_uploaders.DROPPED.search(text)).group(0)
        return [f"the server dropped the connection after the request was sent (`{dropped}`): the index was reached, so "
                f"the network is not the cause; the log says going back to {rollback.group(1)} fixes it, so a newer "
                "release of a library the uploader sends with (requests, requests-toolbelt, urllib3) broke the request "
                f"body: keep {rollback.group(1)} where the upload runs until twine and requests-toolbelt have releases "
                "that work with the newer one, then upgrade them together"]
    type_error = log_uploaders.TYPE_ERROR.search(text)
    if type_error:
        out = [f"twine raised `{type_error.group(0)}` on the file before any request reached PyPI: an old twine (or old "
               "`pkginfo`/`requests-toolbelt` next to it, as in an old CI image) that cannot read what current build "
               "tools write; upgrade them where the upload runs (`pip install -U twine pkginfo requests-toolbelt`, or a "
               "current CI image), or use pypa/gh-action-pypi-publish, and re-run"]
        shown = TWINE_VERSION.search(text)
        python = re.search(r"\bPython (3\.(?:[5-9]|1\d)(?:\.\d{1,2})?)\b", text)
        if type_error.group(0).endswith("buffer") and python:
            ran = f" (twine {shown.group(1)})" if shown else ""
            out.insert(0, "`expected string or buffer` is the wording of Python 2 (or 3.4 and older), yet the log shows "
                          f"Python {python.group(1)}: the `twine` that ran{ran} is another, older install on PATH (a "
                          "global or user one) that shadows the environment's; `which twine` names it: remove or upgrade "
                          "it, or run `python -m twine upload dist/*` with the Python whose twine is current")
        elif shown:
            out.insert(0, f"the log shows twine {shown.group(1)}: if a newer twine is installed, the `twine` on PATH is "
                          "another, older install that shadows it (`which twine`); run `python -m twine upload dist/*` "
                          "from the environment that has the new one")
        return out
    key = re.search(r"KeyError:? ?\(?'([\w-]{1,40})'", text)
    if not key and re.search(r"pypa/twine/issues/1125\b|\btwine#1125\b", text, re.I):
        return ["the log points at pypa/twine#1125: twine 5.1.0 and older fail at import with importlib-metadata 8 "
                "(June 2024), fixed in twine 5.1.1; `pip install -U 'twine>=5.1.1'` in the job (a pinned old "
                "pypa/gh-action-pypi-publish: move to `release/v1`), or pin `importlib-metadata<8` if twine must stay old"]
    what = f"`KeyError: '{key.group(1)}'`" if key else "the crash"
    return [f"{what} is raised inside twine's own `__init__.py` while it imports: twine 5.1.0 and older with "
            "importlib-metadata 8 (June 2024); `pip install -U 'twine>=5.1.1'` in the job, or pin "
            "`importlib-metadata<8` if twine must stay old"]


_SETUP_VERSION = re.compile(r"The version '([\d.]{1,10})' with architecture '\w{1,10}' was not found for ([\w .]{1,30}?)\.?$",
                            re.M)


def _python_setup(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = "\n".join(t for _, t in scan.cleaned)
    version = _SETUP_VERSION.search(text)
    if version and re.fullmatch(r"3\.[12]", version.group(1)):
        return [f"`{version.group(1)}` is how YAML reads an unquoted `{version.group(1)}0` (a number): quote the version "
                f"in the workflow (`python-version: \"{version.group(1)}0\"`)"]
    if version:
        return [f"actions/setup-python has no Python {version.group(1)} for {version.group(2).strip()}: ask for a "
                "version that image offers, or pin an older image that has it (`runs-on: ubuntu-22.04`), as "
                "`ubuntu-latest` moves"]
    if re.search(log_patterns.TLS_TOO_OLD, text, re.I):
        return ["the index refused the TLS handshake (`TLSV1_ALERT_PROTOCOL_VERSION`): the Python that ran the upload "
                "has an ssl module that cannot speak TLS 1.2, which PyPI requires (an old OpenSSL, as on old macOS "
                "system Pythons); the URL and the credentials are not in question: upload from a current Python "
                "(check with `python -c \"import ssl; print(ssl.OPENSSL_VERSION)\"`, 1.0.1 or later)"]
    if "externally-managed-environment" in text:
        return ["the runner's system Python is marked externally managed (PEP 668, ubuntu-24.04 and later): install "
                "into a virtual environment (`python -m venv .venv`), into a Python from actions/setup-python, or with "
                "pipx; `--break-system-packages` only as a last resort"]
    if re.search(r"\buv\b", text):
        return ["the environment the step runs in has no pip: uv's virtual environments come without it, so "
                "`python -m build` and `python -m pip` fail there; build with `uv build` (upload with `uv publish`), or "
                "add pip to it (`uv pip install pip`, `uv venv --seed`)"]
    return ["the environment the step runs in has no pip (conda environments and uv's virtual environments may come "
            "without it): install it there first (`conda install pip`, `python -m ensurepip`), or use the tool's own "
            "command (`uv build`)"]


def _container(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    if re.search(r"docker: command not found|File not found: '?docker", scan_text(scan)):
        return ["the runner has no `docker`: run the publish job on a GitHub-hosted `ubuntu-*` runner (download the "
                "built files there as an artifact), or upload with `twine`/`uv publish` on this runner"]
    if re.search(r"exec format error", scan_text(scan)):  # the action's amd64 image on an ARM runner (caddy-snake #166)
        return ["the action's image is built for linux/amd64 only and this runner is of another architecture (an "
                "ARM runner such as `ubuntu-*-arm`): let the ARM jobs only build and upload their wheels as artifacts, "
                "and publish every wheel from one x86_64 Linux job (`runs-on: ubuntu-latest`, actions/download-artifact "
                "with `merge-multiple: true`)"]
    return []


_UPLOADER_CONFIG = (
    (re.compile(r"`uv publish` does not support `--skip-existing`"),
     "uv has no `--skip-existing`: give it `--check-url https://pypi.org/simple/` (TestPyPI: "
     "`https://test.pypi.org/simple/`), which skips the files the index already has, or use "
     "pypa/gh-action-pypi-publish with `skip-existing: true`"),
    (re.compile(r"are not allowed when using trusted publishing"),
     "`--trusted-publishing always` (`UV_PUBLISH_TRUSTED_PUBLISHING=always`) forbids credentials, and the job also gives "
     "uv a token or password (`UV_PUBLISH_TOKEN`, `--token`, `UV_PUBLISH_USERNAME`/`UV_PUBLISH_PASSWORD`, the "
     "keyring): remove them for Trusted Publishing, or drop `--trusted-publishing always` to upload with the token"),
    (re.compile(r"Missing '([^']{1,100})' section from|Malformed configuration in"),
     "twine was told a repository name (`--repository`, `TWINE_REPOSITORY`) that the .pypirc it read does not define "
     "(twine knows `pypi` and `testpypi` without one, twine 1.8 to 1.11 `pypi` and `pypitest`): add that section to .pypirc, or give `--repository-url "
     "https://upload.pypi.org/legacy/` (TestPyPI: `https://test.pypi.org/legacy/`) instead"),
    (re.compile(r"must have a (?:properly )?configured \.pypirc"),
     "the release tool itself refuses to upload without a .pypirc in the home directory, even where the uploader's "
     "variables are set (`TWINE_USERNAME`, `TWINE_PASSWORD`, `TWINE_REPOSITORY_URL`): write a `~/.pypirc` (a `[pypi]` "
     "section with `username = __token__`; twine still takes the password from `TWINE_PASSWORD`), or upgrade the "
     "release tool to a release that leaves the configuration to the uploader (zest.releaser 6.21.0 and later)"),
    (re.compile(r"Repository \S{1,100} is not defined"),
     "Poetry knows only `pypi` without configuration: define the repository first, `poetry config "
     "repositories.<name> <upload URL>` (TestPyPI: `https://test.pypi.org/legacy/`), and give its token as "
     "`POETRY_PYPI_TOKEN_<NAME>` (or `poetry config pypi-token.<name> …`)"),
    (re.compile(r"Missing repository config of"),
     "pdm knows no repository of that name: define it (`pdm config repository.<name>.url <upload URL>`), or pass the "
     "upload URL itself to `--repository`"),
    (re.compile(r"Index not found: `|Index is missing a publish URL: `|No indexes were found, can't use index"),
     "`uv publish --index <name>` needs a `[[tool.uv.index]]` of that name with a `publish-url` in pyproject.toml "
     "(TestPyPI: `publish-url = \"https://test.pypi.org/legacy/\"`); add it, or give `--publish-url` instead"),
    (re.compile(r"does not have support for the following features: --skip-existing"),
     "twine 6.2 and later take `--skip-existing` only for PyPI and TestPyPI (another index's answers to an existing file "
     "differ): drop it for this index, or pin `twine<6.2` where a re-run must skip existing files there"),
    (log_uploaders.GPG_FAILED,
     "gpg could not sign the files for the upload's `--sign` (`twine upload --sign`, `setup.py upload -s`) (no key, no passphrase where nobody can type one, a file it "
     "could not open): " + log_uploaders.SIGN_DROP),
    (re.compile(r"InvalidSigning(?:Executable|Configuration)"),
     "`twine upload --sign` needs gpg (and `--identity` with it); PyPI ignores signatures since 2023: drop `--sign`"),
    (re.compile(r"Publishing a package is not possible in non-package mode"),
     "pyproject.toml sets `package-mode = false` under `[tool.poetry]`: Poetry builds and publishes nothing in that mode; "
     "remove it (the project then needs a name and a version) to publish"),
    (re.compile(r"Publisher is disabled: \w"),
     "the project's hatch config disables the publisher (`disable = true` under `[tool.hatch.publish.index]`, a guard "
     "against accidental uploads) and nothing confirmed it: run `hatch publish -y` in the release job"),
    (re.compile(r"Use either FLIT_INDEX_URL or --repository, not both"),
     "flit got the index twice, as `FLIT_INDEX_URL` and as `--repository`: keep one of the two"),
    (re.compile(r"can't be set both in the publish URL and in the CLI"),
     "the publish URL carries a username or password and the command gives another: keep one of the two"),
)


_USAGE = re.compile(r"(?:(?<![\w-])|(?<=\\n))(twine|flit)((?: [a-z]{2,12})?): error: (.{1,200}?)(?=\\n|['\"]\)|$)", re.M)


def _usage(text: str) -> List[str]:
    """The uploader's argument parser refusing its command line: what it asked for, said as the command to give."""
    m = _USAGE.search(text)
    if not m:
        if re.search(r"\berror: unexpected argument '", text):
            return ["`uv publish` refused an option it does not have (its usage line follows the error): check the "
                    "command against `uv publish --help` (twine's `--skip-existing` is uv's `--check-url`, twine's "
                    "`--repository-url` is uv's `--publish-url`)"]
        return []
    tool, sub, said = m.group(1), m.group(2).strip(), m.group(3).strip()
    head = (f"`{tool}{' ' + sub if sub else ''}` refused its own command line before sending anything (`{said}`): the "
            "credentials and the files are not in question; ")
    if re.search(r"required: (?:dist|dists)\b", said):
        return [head + f"give `{tool} upload` the files to upload, `{tool} upload dist/*` (a pattern that matches "
                "nothing is passed on unexpanded by a shell, and by a script without one)"]
    if re.search(r"required: command", said):
        return [head + f"{tool} got no subcommand: the command must read `{tool} upload [options] dist/*`, with the "
                "options after `upload`; a script that runs it must pass each argument separately (a list, not one "
                "string, and no options before the subcommand)"]
    if re.search(r"unrecognized arguments", said):
        return [head + f"remove or move the options it names: the options of `{tool} upload` (`--repository`, "
                "`--config-file`, `--skip-existing`, …) go after `upload`; check them against "
                f"`{tool} upload --help` for the version installed"]
    return [head + f"give the command the arguments `{tool} {sub or 'upload'} --help` lists"]


def _config_said(text: str) -> List[str]:
    """The uploader's configuration told in sentences: an option in the wrong place, a .pypirc of an old format."""
    out = []
    if log_said.SAID_OPTION_ORDER.search(text):
        out.append("the log says an option of the uploader was given in the wrong place: twine's options (`--config-file`, "
                   "`--repository`, `--skip-existing`, …) belong to its subcommand and go after it, `twine upload "
                   "--config-file .pypirc dist/*`; before `upload` twine refuses them as its own usage error")
    given = log_said.SAID_OPTION_TO.search(text)
    if given and not out:
        option = given.group(1) or given.group(2)
        command = re.search(log_said.UPLOAD_COMMAND, given.group(0), re.I).group(0)
        uv = (": `uv publish` uploads to PyPI by default, and names another index with `--index <name>` (an index "
              "with a `publish-url` in `[[tool.uv.index]]`) or `--publish-url`; twine's `--repository` and "
              "`--repository-url` are not its options") if command.lower() == "uv publish" else ""
        out.append(f"the log says `{option}` was given to `{command}` by mistake: `{command}` does not take it (an "
                   f"option from another uploader's instructions), so the command stops before uploading: remove it, "
                   f"or use the option `{command} --help` lists for it{uv}")
    if log_said.SAID_PYPIRC_FORMAT.search(text):
        out.append("the log says the .pypirc is of an old or broken format: twine reads sections named after the "
                   "repository, `[pypi]` (and `[testpypi]`) with `username = __token__` and `password = <API token>`, "
                   "listed under `index-servers` in `[distutils]` when the file has one; the old `[server-login]` "
                   "section is not read; or pass the token as `TWINE_PASSWORD` with no .pypirc at all")
    return out


_MISSING_SECTION = re.compile(r"Missing '[^']{1,100}' section from")
_TOX_RAN = re.compile(r"\btox -e\b|[/\\]\.tox[/\\]|\btox\b[^\n]{0,40}\brun-test\b|^\S{1,60} run-test: commands\[", re.M)


def _uploader_config(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
    raw = "\n".join(t for _, t in scan.cleaned)
    lost = log_said.URL_VALUE_LOST.search(raw)
    if lost:
        value = lost.group(2) if len(lost.group(2)) <= 60 else "…" + lost.group(2)[-40:]
        return [f"the command that ran reads `{lost.group(1)} {value}`: the upload URL was dropped before the command "
                f"ran (an action's `args` passed on without it), so `{value}` took its place and the uploader failed on "
                "that (maturin's `relative URL without a base`, then `Credentials not found`), not on the token: write "
                f"the option and its URL as one word, `{lost.group(1)}=https://test.pypi.org/legacy/`, or set the URL "
                "through the tool's variable (`MATURIN_REPOSITORY_URL`, `TWINE_REPOSITORY_URL`, `UV_PUBLISH_URL`)"]
    usage = _usage(raw)
    if usage:
        return usage
    shown = log_uploaders.uv_index_shown(raw)
    if shown is not None:
        name = log_uploaders.UV_INDEX_REFUSED.search(raw).group(1)
        return [f"the pyproject.toml in the log defines the index `{name}` with a `publish-url`, so the configuration "
                "looks right: " + ("uv releases before 16 December 2024 ignored indexes marked `explicit = true` when "
                                   "publishing (astral-sh/uv#9932); upgrade uv, or meanwhile give `--publish-url` (and "
                                   "`--check-url`) instead of `--index`" if shown else
                                   "check that `uv publish` runs in that file's directory (or give `--directory`), or "
                                   "give `--publish-url` instead of `--index`")]
    unlisted = log_uploaders.pypirc_section_shown(raw)
    if unlisted:  # never "add that section" where the log shows it
        return [f"the log shows a `[{unlisted}]` section in the .pypirc, yet twine says it is missing: twine reads only "
                "the sections the `[distutils]` section's `index-servers` lists, and `pypi testpypi` where the file has no "
                f"`[distutils]`, so `[{unlisted}]` was never read; add `{unlisted}` to `index-servers` (with `pypi`), or "
                "put the token under `[pypi]` and leave out `-r`/`--repository`, or check that the file shown is the "
                "one twine read (`--config-file`, the home directory)"]
    said = [advice for rx, advice in _UPLOADER_CONFIG if rx.search(text)][:1]
    if said and _MISSING_SECTION.search(text) and _TOX_RAN.search(text) and re.search(r"\bTWINE_\w{3,20}=", text):
        # TWINE_* given where tox was called: tox's clean environment kept them from twine
        said.insert(0, "tox runs its commands in a clean environment: the `TWINE_*` variables set where tox was called "
                       "(the repository URL, user, password) do not reach twine, which then looks the repository name "
                       "up in ~/.pypirc; let them through in tox.ini's publish environment (`passenv = TWINE_*`, tox 4: "
                       "`pass_env`)")
    if said:
        return said
    return _config_said(text)


ADVISORS: Dict[str, Advisor] = {
    "log-no-distributions": _no_dists,
    "log-uploader-missing": _uploader,
    "log-nested-id-token": _nested,
    "log-action-bug": _action_bug,
    "log-action-ref-missing": _action_ref,
    "log-action-not-allowed": _action_not_allowed,
    "log-environment-refused": _environment,
    "log-tag-version-mismatch": _tag_version,
    "log-uploader-broken": _uploader_broken,
    "log-python-setup": _python_setup,
    "log-container-linux": _container,
    "log-uploader-config": _uploader_config,
    "log-workflow-invalid": _workflow_invalid,
    "log-build-tool-missing": _build_tool,
    "log-uploader-dependency-conflict": _uploader_deps,
}
