"""The advice under a refused file: a version already there, a name PyPI holds, metadata or a description it
refuses, a file that is no distribution, a platform tag, an attestation."""
from __future__ import annotations

import re
from typing import Dict, List, Optional

from codemods.doctor import (generic_failures, log_files, log_patterns, log_said, log_servers, log_uploaders, logs,
                             logtext, platform_tags)
from codemods.doctor.advice_base import (Advisor, NAME_REFUSED, NAME_SAID, REUPLOAD_SAID, REUSABLE_SAID, scan_text,
                                         SDIST_DIRECTORY, SIMILAR_SAID, TESTPYPI_NAMED, TWINE_VERSION, UNCHANGED_SAID)
from codemods.doctor.facts import Facts
from codemods.doctor.log_servers import WASM_WHEEL
from codemods.doctor.logs import LogScan


# the URL may be wrapped onto the next line of an error kept as source comments (`#`, `//`): the marker is skipped, and
# a value is never a marker
_DIRECT = re.compile(r"Can(?:'|&#x27;|’)?t have direct dependency:?\s*'?([A-Za-z0-9][\w.-]{0,100})\s*@\s*(?:(?:#|//)\s+)?"
                     r"([^\s;'#][^\s;']{0,299})(?:\s*;[^']{0,200}?extra\s*==\s*(?:\\?[\"']|&quot;)?([\w.-]{1,100}))?")


def _direct(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    m = _DIRECT.search(scan_text(scan))
    if not m:
        return []
    name, url, extra = m.group(1), m.group(2), m.group(3)
    where = f"in the extra `{extra}`" if extra else "in the dependencies"
    url = url.rstrip(".,")
    return [f"`{name}` is required from `{url}` {where}: PyPI takes no file whose metadata names a URL; release "
            f"`{name}` to PyPI and require it by version, or drop it from the published metadata"
            + (" (an extra is published too)" if extra else "")]


def first_file_refused(scan: LogScan) -> Optional[tuple]:
    """(file, normalised project name) when the log shows the bare 400 answering the first file the run uploaded
    (one `Uploading <file>` line before it, none after): nothing of that version was accepted in this run."""
    bad = next((f.line for f in scan.findings if f.pattern.id == "log-bad-request"), None)
    if bad is None:
        return None
    files = [(n, m.group(1)) for n, t in scan.cleaned for m in [log_servers.UPLOADING.match(t)] if m]
    before = [f for n, f in files if n < bad]
    if len(before) != 1 or len(files) != 1:
        return None
    dist = logtext._DIST.search(before[0])
    return (before[0], re.sub(r"[-_.]+", "-", dist.group(1)).lower()) if dist else None


_FORM_FIELD = "(" + log_patterns.FORM_METADATA + "|" + log_patterns.FORM_REQUEST + r")\b"
_FIELD = re.compile(r"\b" + _FORM_FIELD + r": Invalid URI|Invalid value for " + _FORM_FIELD + r"|'[^']{0,200}' is an "
                    r"invalid value for ([A-Za-z-]{2,40})|\b400\b\)?(?: Client Error| Bad Request)?:\s{1,3}\b"
                    + "(" + log_patterns.FORM_METADATA + r"):\s(?!Invalid (?:URI|email)|[^.\n]{0,40}?\blocal version)([A-Z][^.\n]{0,200})")


_CLASSIFIER = re.compile(r"Classifier '([^']{1,200})' is not a valid classifier|'([^']{1,200})' is not a valid "
                         r"(?:classifier|choice for this field)")
_CLASSIFIER_LIST = re.compile(r"400 Client Error: \[['\"][A-Z]")
# a classifier's top-level category starting right after another's last word, with no ` :: ` or space between: two
# valid classifiers run together by a missing comma in the list (Python joins adjacent string literals)
_RUN_TOGETHER = re.compile(r"(?<=[^\s:])(?:Development Status|Environment|Framework|Intended Audience|License|Natural "
                           r"Language|Operating System|Programming Language|Topic|Typing) :: ")
_SPDX = re.compile(r"[A-Za-z0-9.+-]{2,60}(?: (?:AND|OR|WITH) [A-Za-z0-9.+-]{2,60}){0,5}")
# `License-Expression :: …`, or `License :: <SPDX id>` (no trove level between, no spaces in the id)
_SPDX_CLASSIFIER = re.compile(r"^License-Expression\s*::\s*(.{1,200})$|^License\s*::\s*([A-Za-z0-9.+-]{2,60})$")
_CLASSIFIER_SAID = log_said.SAID_CLASSIFIER
# the same told with the fault first: "a typo in the package classifier", "a misspelled classifier"
_CLASSIFIER_TYPO_SAID = re.compile(r"\b(?:typo\w{0,3}|misspel\w{0,5}|invalid|unknown|wrong)\b[^.]{0,30}?\bclassifiers?\b",
                                   re.I)
_NEWER_FIELD = re.compile(r"([a-z][\w-]{1,40}) introduced in metadata version (\d\.\d{1,2}), not (\d\.\d{1,2})",
                          re.I)
_UPLOAD_COMMAND = re.compile(r"\b(?:twine|flit|uv|hatch|pdm) (?:upload|publish)\b(.{0,600})$", re.I)


def _installers_only(scan: LogScan) -> Optional[str]:
    """The upload command of the log when every file it names is an installer (`twine upload *.exe`): pointing the
    same folder's filter at wheels would upload nothing of it."""
    for _, line in scan.cleaned:
        m = _UPLOAD_COMMAND.search(line)
        files = [a for a in (m.group(1).split() if m else []) if not a.startswith("-")]
        if files and all(log_files.INSTALLER.search(a.strip("'\"")) for a in files):
            return m.group(0).strip()
    return None
_UNKNOWN_FORMAT = re.compile(r"Unknown distribution format: '([^']{1,300})'")


_LICENSE_FILE = re.compile(r"License-File (\S{1,300}) does not exist in distribution file\s{1,20}(\S{1,300}?)(?: at "
                           r"(\S{1,300})|[.`'\"]{0,2}(?:\s|$))")
# the refusal quoted cut short, without the archive's name (log_patterns' reading of it)
_LICENSE_FILE_SHORT = re.compile(r"\bLicense-File `?([\w./-]{1,200})`? does not exist(?=[\"'`”]|\.?\s*$)", re.M)
_BAD_REQUIREMENT = re.compile(r"Invalid value for requires_dist\. Error: Invalid requirement: (['\"])(.{1,400}?)\1\.?(?:\s|$)")


def _invalid_distribution(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
    license_file = _LICENSE_FILE.search(text) or _LICENSE_FILE_SHORT.search(text)
    if license_file:
        name, archive, path = (license_file.groups() + (None, None))[:3]
        # no archive quoted (the refusal cut short): maturin's wheels carry the license files it finds, its sdist
        # only what it finds or is told, so a text naming maturin means the sdist
        kind = ("sdist" if re.search(r"\bmaturin\b", text, re.I) else "distribution") if not archive else \
            "sdist" if archive.endswith((".tar.gz", ".zip")) else "wheel" if archive.endswith(".whl") else "archive"
        include = (f"maturin packs into the sdist what it finds itself and what `[tool.maturin] include` names (`include = "
                   f"[{{ path = \"{name}\", format = \"sdist\" }}]`)")
        maturin = kind == "sdist" and re.search(r"\bmaturin\b", text, re.I)
        return [f"the metadata names `License-File: {name}`, but " + (f"`{archive}` " if archive else f"the {kind} ")
                + (f"has no file at `{path}`" if path else "does not hold it") + f": a License-File is a path from the "
                f"archive's root, and the {kind} must carry every file its metadata names; "
                + (include + ": add the file there; " if maturin else "") + "declare it so the build packs it "
                "(`license-files` in `[project]`, PEP 639, or MANIFEST.in for setuptools), or drop the License-File "
                "the backend adds for a file it does not pack; " + ("" if maturin else include + ", and ") + "maturin "
                "roots the sdist of a workspace member at the workspace, so declare `license-files` in the member's "
                "pyproject.toml; rebuild and check with `twine check dist/*`"]
    requirement = _BAD_REQUIREMENT.search(text)
    if requirement:
        return [f"the requirement `{requirement.group(2)}` is not a valid PEP 508 requirement (`name[extra] (version) ; "
                "marker`): most often its environment marker after `;` is malformed (a stray `:`, unbalanced "
                "parentheses, a marker written in setup.py's old `extras_require` key form); fix it where the build "
                "takes it from (`install_requires`/`extras_require`, `[project] dependencies`), rebuild and run "
                "`twine check dist/*`"]
    unknown = _UNKNOWN_FORMAT.search(text)
    if unknown and log_files.INSTALLER.search(unknown.group(1)):
        only = _installers_only(scan)
        return [f"`{unknown.group(1)}` is an installer (a Windows `.exe` from bdist_wininst, or bdist_msi, bdist_rpm), "
                "not a wheel or sdist: PyPI no longer accepts installers (PEP 527), so only wheels (`.whl`) and sdists "
                "(`.tar.gz`) can be uploaded; build wheels for the platforms the installer served"] + (
            [f"the upload command names only installers (`{only}`): point it at the wheels and sdist "
             "(`dist/*.whl dist/*.tar.gz`)"] if only else [])
    if unknown:
        return [f"`{unknown.group(1)}` in the upload folder is not a wheel or sdist (a directory, a checksum or SBOM file, "
                "a nested artifact folder): keep only `.whl` and `.tar.gz` files in the folder the step uploads; "
                "artifacts downloaded without `merge-multiple: true` land in subdirectories, and other files belong "
                "in another folder"]
    checked = _file_checks(text)
    if checked:
        return checked
    other_kind = log_said.OTHER_KIND_UPLOAD.search(text)
    if other_kind and log_said.SAID_KINDS_ONLY.search(text):
        built = "a `bdist_dumb` archive (a zip or tar of the installed files)" if other_kind.group(1).lower() == "bdist" \
            else f"a `{other_kind.group(1)}` file"
        return [f"the log uploads with `setup.py {other_kind.group(1)} upload`, which builds {built}: PyPI takes only "
                "sdists and wheels (PEP 527 removed the other kinds; eggs since 2023, PEP 715), so it is refused; build "
                "and upload an sdist and a wheel (`python -m build`, then `twine upload dist/*`)"]
    if log_said.SAID_STRAY_FILES.search(text):
        return ["the log says files that are not distributions went to the upload (signature `.sig`/`.asc` or "
                "certificate `.crt` files, a directory, other artifacts): PyPI takes only wheels and sdists; upload "
                "only `dist/*.whl dist/*.tar.gz` (the action's `packages-dir` holding nothing else), or keep the other "
                "files out of dist/ (write signatures elsewhere and attach them to the GitHub release; download only "
                "the package's artifact into dist/)"]
    newer = _NEWER_FIELD.search(text)
    if not newer and log_said.SAID_BACKEND_LACKS_FIELD.search(text):
        return ["the log says the build backend does not support License-File or License-Expression as PyPI takes them: "
                "PyPI refuses them under a Metadata-Version older than 2.4, which older backends declare (setuptools "
                "before 77, hatchling before 1.26.1); upgrade the backend in `[build-system] requires` (or move to one "
                "that writes 2.4) and rebuild, or pin the backend's last release before it began writing the field; "
                "check the files with a twine that reads 2.4 (twine 6.1 with packaging 24.2, which "
                "pypa/gh-action-pypi-publish bundles from v1.12.3 on)"]
    if newer:
        field, needs, declared = newer.groups()
        head = (f"the file declares Metadata-Version {declared} but carries `{field}`, a field of Metadata-Version "
                f"{needs}: the build backend wrote a field newer than the version it declares")
        setuptools = re.search(r"\bsetuptools\b|setup\.py|bdist_wheel", text, re.I)
        if re.search(r"\bhatch(?:ling)?\b", text, re.I):
            out = [head + " (hatchling before 1.26.1 wrote License-File and License-Expression under 2.1-2.3, "
                   "pypa/hatch#1818); upgrade the build backend in `[build-system] requires` (hatchling: "
                   "`hatchling>=1.26.1`) and rebuild; upgrading hatch alone leaves an old hatchling in place"]
        elif not setuptools:  # the log names no backend
            out = [head + ": upgrade the build backend in `[build-system] requires` and rebuild (hatchling before "
                   "1.26.1 wrote License-File and License-Expression under 2.1-2.3, pypa/hatch#1818: `hatchling>=1.26.1`; "
                   "setuptools writes Metadata-Version 2.4 from 77 on: `setuptools>=77`)"]
        elif field.lower().startswith("license"):
            out = [head + " (setuptools before 77 wrote License-File under an older Metadata-Version, pypa/setuptools#4759); upgrade "
                   "setuptools in `[build-system] requires` (`setuptools>=77`, which writes Metadata-Version 2.4) and "
                   "rebuild, or stop the backend adding the file (setuptools: `[tool.setuptools] license-files = []`)"]
        else:
            out = [head + " (the setuptools and `wheel` that built it); upgrade them in `[build-system] requires` "
                   "and in the job that builds, and rebuild"]
        if re.search(r"InvalidDistribution: Invalid distribution metadata", text) and not field.lower().startswith("license"):
            # PyPI refuses License-File and License-Expression under an older Metadata-Version itself
            out.append("the refusal here is twine's own check, before the upload: pinning the twine the last good "
                       "upload used (twine 5 does not check this, e.g. `twine==5.0.0`) lets the same files through, "
                       "as long as PyPI takes them")
        return out
    classifier = _CLASSIFIER.search(text)
    if classifier:
        name = classifier.group(1) or classifier.group(2)
        spdx = _SPDX_CLASSIFIER.match(name)
        if spdx:  # a licence expression written as a classifier
            value = (spdx.group(1) or spdx.group(2)).strip()
            expr = value if _SPDX.fullmatch(value) else None
            given = f"`license = \"{expr}\"`" if expr else "`license = \"<SPDX id>\"` (such as `MIT` or `Apache-2.0`)"
            return [f"`{name}` is not a classifier but a licence written as one: give the licence as an SPDX "
                    f"expression in pyproject.toml's {given} (PEP 639; the build writes it as `License-Expression`) "
                    "and remove this classifier (licence classifiers are deprecated, and setuptools refuses them next "
                    "to a `license` expression); with a build backend older than PEP 639, use instead the exact "
                    "licence classifier listed at https://pypi.org/classifiers/; rebuild and upload"]
        joined = _RUN_TOGETHER.search(name)
        if joined:
            first, second = name[:joined.start()], name[joined.start():]
            return [f"`{name}` is two classifiers run together, `{first}` and `{second}`: a comma (or separator) is "
                    "missing between them in the classifiers list, so the two strings were joined into one; add it, "
                    "rebuild and upload"]
        return [f"the classifier `{name}` is not one PyPI knows: copy the exact "
                "text from https://pypi.org/classifiers/ (case and spelling count; a license classifier must be one "
                "listed there), rebuild and upload"]
    if _CLASSIFIER_SAID.search(text) or (_CLASSIFIER_TYPO_SAID.search(text) and not _CLASSIFIER_LIST.search(text)):
        return ["the log says a classifier was wrong but does not quote PyPI's message: compare each classifier with "
                "https://pypi.org/classifiers/ (the exact text: case, spelling and the spaces around `::` count), fix "
                "the one that differs, rebuild and upload; `twine upload --verbose` prints PyPI's message naming it"]
    if _CLASSIFIER_LIST.search(text):
        return ["PyPI's older message lists all the classifiers when one of them is not valid: compare each with "
                "https://pypi.org/classifiers/ (a license name not in the list is the usual one), fix it, rebuild and "
                "upload"]
    url = _url_refusal(text)
    if url:
        return url
    email = _OLD_EMAIL.search(text)
    if email and not _VALUE.search(text):  # PyPI's older wording names the field by its setup() keyword
        field = email.group(1).capitalize() + "-email"
        return [f"PyPI refuses the value of `{field}` (its older wording `{email.group(0)}`): give one valid address "
                f"(`name@example.org`, no list, no second address, no ` at ` spelling) where the build takes it from "
                f"(`{email.group(1)}_email` in setup.py or setup.cfg, the `email` of `authors`/`maintainers` in "
                "pyproject.toml), rebuild and upload"]
    value = _VALUE.search(text)
    if value:
        single, double, field, error = value.groups()
        return _field_value(single if single is not None else double, field, error)
    m = _FIELD.search(text)
    field = next((g for g in (m.groups()[:4] if m else ()) if g), None)
    if not field:
        return []
    if m.group(4):  # the older wording, `<field>: <reason>`
        if field == "summary" and re.search(r"multiple lines|single line|one line|newline", m.group(5), re.I):
            return ["PyPI refuses a summary on more than one line (`summary: " + m.group(5).strip() + "`): the summary is "
                    "setup()'s `description` (or `description` in pyproject.toml's `[project]`), the one-line text "
                    "under the name, not the README; make it a single line (no line break in a triple-quoted or "
                    "joined string), rebuild and upload"]
        return [f"PyPI refuses the value of the metadata field `{field}` ({m.group(5).strip()}): fix it where the build "
                "backend takes it from, rebuild and upload"]
    if field in ("md5_digest", "sha256_digest", "blake2_256_digest") and log_servers.DISTUTILS_UPLOAD.search(
            "\n".join(t for _, t in scan.cleaned)):
        return [f"PyPI refused the upload's `{field}` field, the file's digest, which the uploader computes and sends "
                "(not package metadata, so rebuilding changes nothing): the log shows distutils' `setup.py upload`, "
                "which sent a malformed digest (on Python 3.9 among others) and is deprecated (gone from setuptools "
                "and from Python 3.12): build with `python -m build` and upload with `twine upload dist/*`"]
    if field in ("pyversion", "md5_digest", "sha256_digest", "blake2_256_digest"):
        named = re.search(r"\b(twine|uv|maturin|poetry|flit|hatch|pdm)\b", text, re.I)
        tool = f"`{named.group(1).lower()}`" if named else "the uploader"
        return [f"PyPI refused the upload's `{field}` field, which {tool} sets itself for each file (not package "
                "metadata, so rebuilding changes nothing): a bug of the uploader, or a file of the wrong kind sent "
                "(an sdist not named `.tar.gz`); upload with a released uploader (twine, uv) and re-run"]
    if field == "filetype":
        named = re.search(r"\b(twine|uv|maturin|poetry|flit|hatch|pdm)\b", text, re.I)
        tool = f"`{named.group(1).lower()}`" if named else "the uploader (twine, uv, …)"
        bug = (" (a development change of twine, pypa/twine#1195, sent `wheel` where PyPI takes `bdist_wheel`)"
               if re.search(r"#1195\b|filetype\W{0,20}(?:was\s)?(?:changed|set)?\s?(?:to\s)?'wheel'", text, re.I) else "")
        return [f"PyPI refused the upload's `filetype` field, which {tool} sets itself for each file (`bdist_wheel`, "
                f"`sdist`): it is not package metadata, so rebuilding changes nothing; it is a bug of the uploader{bug}; "
                "upload with a released uploader without it (not a development install or its main branch) and re-run"]
    if "Invalid URI" in m.group(0):
        return [f"the metadata field `{field}` is not a valid URL: fix it in setup.py (`url`, `project_urls`) or "
                "pyproject.toml (`[project.urls]`), rebuild and upload (an http(s) URL with its scheme; setup.cfg "
                "takes values literally, so quotes around the URL become part of it)"]
    if not re.fullmatch(log_patterns.FORM_METADATA, field):
        return []  # a field of the request, not of the metadata
    return [f"PyPI refuses the metadata field `{field}`: fix its value where the build backend takes it from, rebuild "
            "and upload"]


_LENGTH = re.compile(r"'([\w-]{2,40})' field must be (\d{1,5}) characters or less")
_EMAIL = re.compile(r"'([^']{1,300})' is not a valid email address: ([^.]{1,200})")
_DEPRECATED = re.compile(r"The classifier '([^']{1,200})' has been deprecated(?:, use one of \[([^\]]{1,400})\] instead)?")
_DYNAMIC = re.compile(r"Dynamic field '([^']{1,60})' is not a valid dynamic field")
_INVALID_FOR = re.compile(r"'([^'\n]{0,300})' is invalid for '(" + log_patterns.CORE_FIELD + r")'|'("
                          + log_patterns.CORE_FIELD + r")' must be one of \[[^\]]{0,300}\], not '([^'\n]{0,200})'")
_WHEEL_PARTS = re.compile(r"does not contain the required (RECORD|METADATA) file|has invalid entry points defined|"
                          r"Invalid wheel filename\b|\bFilename is too long: '")
_UNREADABLE = re.compile(r"Caused by: (?:Failed to read metadata|No PKG-INFO file found|Multiple PKG-INFO files found)|"
                         r"No PKG-INFO found in \S|Missing required field `\w{1,20}` in artifact")


# PyPI's checks of the archive itself (forklift/legacy.py _is_valid_dist_file)
_ARCHIVE_CHECKS = (
    (re.compile(r"File is not a (?:zipfile|tarfile)|File is both a zip and a tar file"),
     "the file is not an archive of the kind its name says (a renamed file, a download that saved an error page or a "
     "Git LFS pointer instead of the file): upload the file the build wrote"),
    (re.compile(r"exceeds compression ratio of \d"),
     "the archive expands far more than PyPI allows (its compression-ratio limit guards against zip bombs): a packed "
     "file of highly repetitive data (zero-filled, a large generated table); leave such data out of the distribution or "
     "store it compressed, rebuild; for a real need, ask for an exception at https://github.com/pypi/support"),
    (re.compile(r"File does not use a supported compression type"),
     "the archive uses a compression PyPI does not take (zip members must be stored or deflated, not bzip2, lzma or "
     "zstd): build the file with the project's backend, or re-pack it with deflate"),
    (re.compile(r"Incorrect number of top-level directories in sdist|PKG-INFO not found at"),
     "the sdist is not laid out as a build backend writes it (one top-level `name-version/` directory holding "
     "`PKG-INFO`): a hand-made tarball or `git archive`; build it with `python -m build --sdist`"),
    (re.compile(r"WHEEL not found at|Unable to parse name and version from wheel filename"),
     "the wheel holds no `.dist-info/WHEEL` under the name and version of its file name: its `.dist-info` directory is "
     "named otherwise (a renamed wheel, or a build that writes the version differently in the two, not normalised) "
     "or missing; compare the two (`unzip -l` the wheel), fix the build (a current backend) and upload its wheel "
     "unrenamed"),
    (re.compile(r"Sparse members are not allowed"),
     "the sdist holds sparse files, which PyPI refuses: build it with `python -m build --sdist` (Python's tarfile "
     "writes no sparse members) rather than GNU tar with `--sparse`"),
)


# an archive of a format PyPI never took, named in the log (an sdist of another `--formats`, an installer)
_ARCHIVE_SENT = re.compile(r"(?:(?<=Uploading )|(?<=Submitting ))(?:\S{0,200}[/\\])?[\w.-]{1,200}\.(?:tar\.bz2|tar\.xz|tar\.Z|tbz2?|"
                           r"txz|tgz|tar|egg|exe|msi|rpm|dmg|deb)(?![\w.-])")


def _file_checks(text: str) -> List[str]:
    """PyPI's checks of the file's name and archive and of single metadata values (warehouse forklift), and the
    uploaders' own reading of a file: what each refusal names."""
    version = re.search(logs.PYPI_METADATA_VERSION, text)
    if version:
        return [f"PyPI does not take Metadata-Version {version.group(1)} (the uploader read the file, PyPI refused it): "
                "the build backend writes a Metadata-Version newer than PyPI accepts; build with a backend release "
                "that writes an older one (pin it in `[build-system] requires`) until PyPI takes it"]
    archive = next((advice for rx, advice in _ARCHIVE_CHECKS if rx.search(text)), None)
    if archive:
        return [archive]
    if re.search(r"Cannot upload a file with (?:non-printable|'/')", text):
        return ["the file name sent holds a path separator or a control character (a name built from a variable, a "
                "path given as the name): upload the files by the names the build wrote (`dist/*.whl dist/*.tar.gz`)"]
    extension = re.search(r"Invalid file extension: Extension (\.[\w.]{1,20}) is invalid for filetype (\w{1,20})", text)
    if extension:
        return [f"a `{extension.group(1)}` file was sent as `{extension.group(2)}`: the file's suffix does not fit its "
                "kind (a renamed file); upload wheels as `.whl` and sdists as `.tar.gz`, as the build backend names them"]
    if re.search(r"Invalid file extension: Use \.tar\.gz", text):
        return ["PyPI takes only wheels (`.whl`) and sdists (`.tar.gz`); eggs, installers and other files are refused "
                "(PEP 527, PEP 715): upload only `dist/*.whl dist/*.tar.gz`"]
    if re.search(r"Invalid file extension(?:\.|\s*$|: Use \.egg)", text):  # PyPI's wordings of 2016 to 2023
        sent = _ARCHIVE_SENT.search(text)
        named = f" (`{sent.group(0)}`)" if sent else ""
        return [f"PyPI refused the file's extension{named}: an sdist in an archive format PyPI does not take "
                "(`setup.py sdist --formats=bztar`, `xztar`, `tar` or `ztar` write `.tar.bz2`, `.tar.xz`, `.tar`, "
                "`.tar.Z`), or a file that is neither a wheel nor an sdist (PEP 527); PyPI took sdists as `.tar.gz` or "
                "`.zip`, and takes only `.tar.gz` since it enforces PEP 625 (2025): build the sdist as `.tar.gz` "
                "(`python -m build --sdist`, or `--formats=gztar`) and upload only `dist/*.tar.gz dist/*.whl`"]
    if re.search(r"Only files ending in `\.tar\.gz` are valid source distributions", text):
        return ["uv uploads source distributions only as `.tar.gz`: a `.zip` sdist (an old `sdist --formats=zip`) is "
                "refused before the upload; build the sdist as `.tar.gz` (`python -m build --sdist`, `uv build`)"]
    if _UNREADABLE.search(text):
        return ["the uploader could not read the file's metadata: the file is not a complete wheel or sdist (cut short "
                "by a failed download or copy, an empty placeholder, an archive without `PKG-INFO`); rebuild it and "
                "upload the build's output unchanged"]
    wheel = _WHEEL_PARTS.search(text)
    if wheel:
        if "entry points" in wheel.group(0):
            return ["the wheel's `entry_points.txt` is not valid (a script name or `module:function` reference with "
                    "spaces or other characters entry points do not allow): fix `[project.scripts]`/"
                    "`[project.entry-points]` (or setup.py's `entry_points`), rebuild and upload"]
        if "too long" in wheel.group(0):
            return ["the wheel's file name is longer than PyPI can store (a long local version or platform tag set): "
                    "shorten the version or build fewer tags into one wheel, rebuild and upload"]
        return ["the wheel is not one a build backend writes (no `RECORD` or `METADATA` in its `.dist-info`, or a name "
                "that is not `name-version-tags.whl`): a hand-made, repacked or renamed wheel; build it with the "
                "project's backend (`python -m build`, cibuildwheel, maturin) and upload that file unchanged"]
    length = _LENGTH.search(text)
    if length:
        field, limit = length.groups()
        where = " (one line; pyproject.toml's `description`, setup.py's `description=`)" if field == "summary" else ""
        return [f"the metadata field `{field}` is longer than the {limit} characters PyPI takes{where}: shorten it where "
                "the build takes it from, rebuild and upload"]
    email = _EMAIL.search(text)
    if email:
        return [f"`{email.group(1)}` is not a valid email address ({email.group(2).strip()}): give a real address "
                "(`name@example.org`) in `authors`/`maintainers` of pyproject.toml (setup.py's `author_email`), or "
                "leave the email out; rebuild and upload"]
    if re.search(r"' must be 32 characters or less\b", text):
        return ["a Project-URL label is longer than the 32 characters PyPI takes: shorten the key in `[project.urls]` "
                "(setup.py's `project_urls`), rebuild and upload"]
    deprecated = _DEPRECATED.search(text)
    if deprecated:
        old, new = deprecated.groups()
        use = f"use {new.strip()} instead" if new else "remove it"
        return [f"the classifier `{old}` is deprecated and PyPI no longer takes it: {use} (https://pypi.org/classifiers/), "
                "rebuild and upload"]
    dynamic = _DYNAMIC.search(text)
    if dynamic:
        return [f"the metadata marks `{dynamic.group(1)}` as `Dynamic`, which core metadata does not allow for that "
                "field: the build backend wrote it (upgrade the backend in `[build-system] requires`), or the field is "
                "named in pyproject.toml's `dynamic` without being computed; rebuild and upload"]
    if re.search(r"License is deprecated when License-Expression is present", text):
        return ["the metadata has both the old `License` text and a `License-Expression` (PEP 639): keep only the "
                "expression, `license = \"<SPDX expression>\"` in pyproject.toml, and remove the other licence text "
                "(setup.py's `license=`, setup.cfg's `license`, a `license = {text = …}` table); rebuild and upload"]
    value = _INVALID_FOR.search(text)
    if value:
        given, field = (value.group(1), value.group(2)) if value.group(2) else (value.group(4), value.group(3))
        who = "twine's check (before the upload) refuses" if re.search(r"InvalidDistribution", text) else None
        return _field_value(given, field, who=who)
    return []


_URLS_WHERE = "setup.py (`url`, `project_urls`) or pyproject.toml (`[project.urls]`; maturin: `project-url`)"
_NOT_A_URL = re.compile(r"'([^']{0,300})' is not a valid url\b|\bInvalid URI:? u?'([^']{0,300})'", re.I)


def _url_refusal(text: str) -> List[str]:
    """A URL of the metadata PyPI refuses: which one, and what it must look like."""
    if log_files.URL_DUPLICATE_SAID.search(text):  # told: a duplicate of what the build tool writes, labels present
        return ["the text says a Project-URL duplicates one the build tool already writes (a `Homepage` entry beside the "
                "Home-Page filled from another field): both have labels, PyPI refuses the duplicate; drop the "
                "hand-written entry and rebuild"]
    if re.search(r"Use both a label and an URL", text):
        return ["a Project-URL has no label (or no URL): each entry must pair a label with an http(s) URL (`Source = "
                f"\"https://…\"` in a table, a dict in setup.py's `project_urls`), in {_URLS_WHERE}; a build tool that "
                "writes a bare list of URLs needs a label for each; rebuild and upload"]
    if re.search(r"Invalid value for project_urls\. Error: Use valid URL", text):
        return ["a URL in `project_urls` is not a valid http(s) URL: each needs its scheme (`https://…`, not a bare "
                "`github.com/…`), PyPI takes only http and https (not `irc://` or `mailto:`), and a character a URL "
                "cannot hold makes it invalid: quotes kept inside the value (setup.cfg keeps them: `'https://…'` is "
                "sent with its quotes, as a project template that writes them does), spaces, or template braces left "
                "unrendered (`{{ … }}`); the `Project-URL` lines of the built metadata (`PKG-INFO`, the wheel's "
                f"`METADATA`) show each value as sent; fix it in setup.cfg, {_URLS_WHERE} or the template that writes "
                "them, "
                "rebuild and upload"]
    m = _NOT_A_URL.search(text)
    if not m:
        return []
    value = m.group(1) if m.group(1) is not None else m.group(2)
    if not value.strip():
        return [f"a URL of the metadata is empty (`''`): give the home page and each project URL a real http(s) URL "
                f"in {_URLS_WHERE}, or leave the field out instead of setting it to an empty string; rebuild and upload"]
    return [f"`{value}` is not an http(s) URL, yet the metadata gives it as one (a missing `url` written as a "
            f"placeholder, a value with quotes or spaces of its own): set a real `https://…` URL in {_URLS_WHERE}, or "
            "leave the field out; rebuild and upload"]


_VALUE = re.compile(r"(?:'([^']{0,200})'|\"([^\"]{0,200})\") is an invalid value for ([A-Za-z-]{2,40})\.?"
                    r"(?:\s+Error:\s*([^.]{1,200}?)(?=\s+See\b|\.|$))?")
_OLD_EMAIL = re.compile(r"\b(author|maintainer)_email: Invalid email address\b")
_CONTENT_TYPES = "`text/markdown`, `text/x-rst` or `text/plain`"


# what makes a version no PEP 440 one: a date written with dashes, a commit hash (hex with a letter and a digit), a word
# PEP 440 has no segment for
_DASHED_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_COMMIT_HASH = re.compile(r"(?<![0-9A-Za-z])g?(?=[0-9a-f]{0,39}[a-f])(?=[0-9a-f]{0,39}\d)[0-9a-f]{7,40}(?![0-9A-Za-z])", re.I)
_PEP440_WORDS = {"alpha", "beta", "rc", "pre", "preview", "post", "rev", "dev"}
_RELEASE_PART = re.compile(r"v?\d{1,6}(?:\.\d{1,6}){0,4}")


def _not_pep440(value: str, who: str = None) -> List[str]:
    """A version PyPI refuses that has digits and no local part: which part is not PEP 440, and a version that is."""
    date, commit = _DASHED_DATE.search(value), _COMMIT_HASH.search(value)
    words = [w for w in re.findall(r"[A-Za-z]{2,}", value) if w.lower() not in _PEP440_WORDS
             and not (commit and w in commit.group(0))]
    parts = ([f"a date written with dashes (`{date.group(0)}`)"] if date else []) + (
        [f"a commit hash (`{commit.group(0)}`)"] if commit else []) + (
        [f"`{words[0]}`, a word PEP 440 has no segment for"] if words else []) + (
        ["a space"] if re.search(r"\s", value.strip()) else [])
    cut = min([m.start() for m in (date, commit) if m] or [len(value)])
    base = value[:cut].rstrip("._-")
    dev = (f"{base}.dev{date.group(1)}{int(date.group(2)):02d}{int(date.group(3)):02d}" if date else f"{base}.devN") \
        if base and _RELEASE_PART.fullmatch(base) and (date or commit) else None
    return [f"{who or 'PyPI refuses'} `{value}` as the version: it is no PEP 440 version"
            + (f", for it carries {' and '.join(parts)}" if parts else "")
            + " (PyPI takes only `N.N.N` with `aN`, `bN`, `rcN`, `.postN` or `.devN`; a commit hash cannot be ordered, "
            "and a local `+…` label is refused too): make the build write a PEP 440 version"
            + (f", such as `{dev}` for a nightly or per-commit build (the date or a build number in `.devN`)" if dev
               else "") + " and leave any commit hash out of it (the release notes or the run can name the commit); "
            "fix it where the build computes the version, rebuild and upload"]


def _field_value(value: str, field: str, error: str = None, who: str = None) -> List[str]:
    """A metadata value PyPI (or `who`) refuses, named with PyPI's own reason."""
    why = f" ({error.strip()})" if error else ""
    if re.fullmatch(r"\s*(['\"]).{0,200}\1\s*", value):
        return [f"`{value}` reached PyPI with quotes of its own as the value of `{field}`{why}: the quotes are part of the "
                "value where it is written (setup.cfg takes values literally, a string quoted twice in setup.py does the "
                "same); remove them, rebuild and upload"]
    if field.lower() == "description-content-type":
        given = f"`{value}` is" if value.strip() else "an empty value (the field written with nothing after it) is"
        return [f"{given} not a content type PyPI accepts for the README{why}: it takes {_CONTENT_TYPES} "
                "(Markdown may add `; variant=GFM` or `; variant=CommonMark`); set it where the build takes it from "
                "(`long_description_content_type` in setup.py; `readme = \"README.md\"` in pyproject.toml sets "
                "`text/markdown` from the file's suffix), rebuild and upload"]
    if field.lower() == "version" and not re.search(r"\d", value):
        return [f"the version is `{value}`: the build did not get the project's version and wrote a placeholder (the "
                "code or plugin that computes it failed in the build environment: no git tags or no git, an "
                "interpreter its version code does not run on, a version file not generated); make the version "
                "computable where the release builds, rebuild and upload"]
    if field.lower() == "version" and "+" not in value:  # digits, no local part: another part is not PEP 440
        return _not_pep440(value, who)
    if field.lower() == "requires-python" and value.strip() == "*":  # "any Python" written as a specifier
        return [f"{who or 'PyPI refuses'} `*` as the value of `{field}`{why}: `*` (any version) is no PEP 440 specifier: "
                "old Poetry releases wrote it from `python = \"*\"` in `[tool.poetry.dependencies]`, so give a range "
                "there (`python = \">=3.8\"`) or upgrade Poetry; in setup.py drop `python_requires='*'` (or give "
                "`>=3.8`); rebuild and upload"]
    return [f"{who or 'PyPI refuses'} `{value}` as the value of `{field}`{why}: fix it where the build backend takes "
            "it from, rebuild and upload"]


_ZIP_REFUSED = re.compile(r"ZIP archive not accepted:? ?([A-Za-z][\w ,'-]{1,120}?)\s*(?=[.<\"”’)]|See |$)")
# entries packed twice told in words ("produced duplicate ZIP records for the same paths", "copied the file in twice")
_TWICE_SAID = re.compile(r"\bduplicat\w{0,4}\s(?:zip\s)?(?:records?|entries|entry|paths?|members?)\b|\b(?:included|added|"
                         r"copied|packed|written|listed|bundled)\s(?:\w+\s){0,3}?twice\b", re.I)
_UNREADABLE_WHEEL = re.compile(r"twine[/\\](?:wheel|sdist)\.py\W{1,3}line \d{1,5}, in read\b|\bBadZip[Ff]ile\b")
DUPLICATE_NAMES = ("the log says two build jobs made wheels of the same file name, and the file was garbled when their "
                   "artifacts were merged into one folder (actions/download-artifact writes same-named files over each "
                   "other into a corrupt zip, actions/download-artifact#298; the uploader then fails on it, "
                   "`zipfile.BadZipFile`): it is not a version already on the index, and a version bump fails the same "
                   "way; keep one matrix leg per wheel (two macOS or two Windows runner versions build the same platform "
                   "tags), give each leg its own artifact name (upload-artifact@v4: `name: dist-${{ matrix.os }}`) and "
                   "merge them in the publishing job with download-artifact's `pattern: dist-*` and `merge-multiple: true`")
UNREADABLE = ("twine could not open a file of the upload folder as an archive (a traceback through twine's own reading of "
              "the wheel or sdist, or `zipfile.BadZipFile`; twine prints its own refusals without a traceback, so the file "
              "itself is broken): most often two build jobs made a wheel of the same file name and actions/download-artifact "
              "garbled the pair when merging them into one folder (actions/download-artifact#298): list the wheel names "
              "each job builds and keep one job per name (two macOS or two Windows runner versions of one matrix build "
              "the same tags), one artifact name per job merged with `merge-multiple: true`; otherwise a download or copy "
              "cut the file short: rebuild and upload the build's output unchanged")
WRAPPED = ("twine could not open the wheel as a zip (`zipfile.BadZipFile`) and the text tells of the CI artifact "
           "step's packing around it (gzip, an archive inside the archive, an extra level): what reached the upload "
           "was that packing, not the wheel; upload-artifact v1 to v3 gzip files on the way and download-artifact "
           "unpacks them, while an artifact downloaded from the run's page or the API comes as a zip holding the "
           "files: take the wheels with download-artifact in the publish job (or unpack them first), check that "
           "`unzip -l` on each lists the package and its `.dist-info` at the top, and upload those files")
_DUPLICATE_ENTRY = re.compile(r"Duplicate name: '([^']{1,300})'")
_QUOTED_CLASSIFIER = re.compile(r"''([^']{1,200})'' is not a valid (?:classifier|choice for this field)")
_OLD_CLASSIFIER = re.compile(r"Invalid classifier \"([^\"]{1,200})\"")
_ANY_CLASSIFIER = re.compile(r"Classifier '([^']{1,200})' is not a valid classifier|'([^']{1,200})' is not a valid "
                             r"(?:classifier|choice for this field)|Invalid classifier \"([^\"]{1,200})\"")


def _distribution_file(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    """An invalid distribution: a wheel's zip structure, a classifier that is a setup.cfg line, else the general
    advice."""
    text = scan_text(scan)
    zipped = _ZIP_REFUSED.search(text)
    if zipped:
        reason = " ".join(zipped.group(1).split())
        if reason.lower().startswith("duplicate filename") or _TWICE_SAID.search(text):
            entry = _DUPLICATE_ENTRY.search(text)
            named = f" (the build warned `Duplicate name: '{entry.group(1)}'`)" if entry else ""
            lead = "" if reason.lower().startswith("duplicate filename") else \
                f"PyPI refuses the archive's zip structure ({reason}), and the log tells of entries packed twice: "
            return [f"{lead}the archive holds the same path twice{named}: the build added one file twice (a file both in "
                    "the package and in package data, `data_files`, hatch's `force-include`/`shared-data` or maturin's "
                    "`include`, or two include rules matching it); rebuilding the same way gives the same file: list "
                    "the repeated entries (`unzip -Z1 dist/*.whl | sort | uniq -d`), remove the second inclusion, "
                    "rebuild and upload"]
        return [f"PyPI refuses the archive's zip structure ({reason}; https://docs.pypi.org/archives): build the file "
                "with the project's build backend (`python -m build`, maturin, cibuildwheel) rather than zipping or "
                "repacking it by hand, and upload the rebuilt file"]
    if log_said.SAID_DUPLICATE_NAMES.search(text) and log_said.GARBLED.search(text) and \
            not log_said.DUPLICATES_ON_INDEX.search(text):
        return [DUPLICATE_NAMES]
    if log_files.artifact_wrapped(text):
        return [WRAPPED]
    if _UNREADABLE_WHEEL.search(text):
        return [UNREADABLE]
    quoted = _QUOTED_CLASSIFIER.search(text)
    if quoted:
        return [f"the classifier `{quoted.group(1)}` reached PyPI with quotes of its own (`'{quoted.group(1)}'`): the "
                "quotes are part of the value where it is written (setup.cfg and requirements-style lists take each "
                "line literally; a string quoted twice in setup.py does the same); remove them, rebuild and upload"]
    m = _ANY_CLASSIFIER.search(text)
    classifier = next((g for g in (m.groups() if m else ()) if g), None)
    if classifier and "=" in classifier:
        return [f"`{classifier}` is not a classifier but a `key = value` setting that ended up in the classifiers "
                "list: in setup.cfg every line indented under `classifiers =` is one more classifier, so a following "
                "key (`license = …`, `license_files = …`) written with indentation joins the list; start that key at "
                "the beginning of its line (license files go in `license_files`), rebuild and upload"]
    if _OLD_CLASSIFIER.search(text):
        return [f"the classifier `{classifier}` is not one PyPI knows (its older wording `Invalid classifier`): copy "
                "the exact text from https://pypi.org/classifiers/ (case, spacing around `::` and spelling count), "
                "rebuild and upload"]
    return _invalid_distribution(scan, facts, ctx)


def _version_lines(scan: LogScan, facts: List[Facts], what: str, local: bool = False) -> List[str]:
    out = []
    versions = [v for v in scan.versions if "+" in v] if local else []  # the refused local one, not an sdist's
    if versions or scan.versions:
        v = (versions or scan.versions)[0]
        text = scan_text(scan)
        several = len({u for u in scan.versions}) > 1
        named = "the log names" if not re.search(rf"-{re.escape(v)}[-.]", text) else \
            ("a file of the log is" if several else "the log's files are")
        out.append(f"{named} version `{v}`: {what}")
        kind = logtext.dev_kind(v)
        if kind:
            out.append(f"`{v}` is {kind[0]}: {kind[1]}")
    every_push = sorted({f.file for f in facts if f.every_push})
    if every_push:
        out.append(f"{', '.join(every_push)} publishes on pushes that are not tags: every such push uploads "
                   "the same version again; limit the job to tags or releases")
    return out


_REGISTRY_EXISTS = re.compile(r"file name has already been taken|already contains file '|Requested entity already exists|"
                              r"Repository does not allow updating assets|Not enough permissions to overwrite artifact|"
                              r"\.(?:whl|tar\.gz|zip) cannot be updated|\b409\b:? ?Conflict", re.I)


_PRE_BUMP = re.compile(r"\bpre-?bump\b|\bbefore the (?:version )?bump\b|\bcheckout\b[^.\n]{0,60}?\bwithout (?:specifying |"
                       r"setting |passing |giving )?(?:a |the |any )?`?ref\b", re.I)


_STALE_VERSION = re.compile(r"(?<![\w.+-])v?(\d{1,6}(?:\.\d{1,6}){1,3})(?![\w+-]|\.\d)")


def _stale(text: str) -> List[str]:
    """The line of an earlier build's files uploaded with this one's: they are what the index refused."""
    told = next((s for s in log_said.SENTENCE_END.split(text) if log_said.SAID_STALE_DIST.search(s)
                 and not log_said.CLEANED.search(s)), "")
    # from the telling on: a sentence run on over lines of other text (a tool's own version) names nothing of dist/
    version = _STALE_VERSION.search(told, log_said.SAID_STALE_DIST.search(told).start() if told else 0)
    old = f" (`{version.group(1)}`)" if version else ""
    return [f"the log says files of an earlier build{old} were left in `dist/` (or committed to git) and uploaded beside "
            "this build's: their version is already on the index, so PyPI refused them, and the version being released "
            "needs no bump; upload only this build's files: `rm -rf dist` before building, `git rm -r --cached dist` with "
            "`dist/` in .gitignore where it is tracked (and no cache restoring it), or upload the new version's files by "
            "name (`dist/*-<version>*`)"] + (
        # uv's own skip of the files already on the index (twine's `--skip-existing`), for a `dist/` kept on purpose
        ["`uv publish` takes every file in `dist/` unless given files: name the new version's files to it, or pass "
         "`--check-url <index's simple URL>` so it skips the files already on the index"]
        if re.search(r"\buv publish\b|^Publishing \d+ files?\b", text, re.I | re.M) else [])


def _exists(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
    if log_said.stale_dist(text):
        return _stale(text)
    stale = log_files.stale_sent(scan.cleaned)
    if stale:  # the refused file is of an older version than another file of the same upload
        _, name, old, new = stale
        return [f"the upload was handed files of two versions and PyPI refused `{name}`, a file of {old}, beside "
                f"{new}'s: {old}'s files are an earlier build's left in `dist/`, already on the index; empty `dist/` "
                f"before building (`rm -rf dist`) or upload only the new version's files by name (`dist/*-{new}*`); "
                f"{new} needs no bump"]
    if log_said.SAID_EVERY_JOB_UPLOADS.search(text):  # one file uploaded by every matrix job: no version on the index
        return ["the text says one file (an sdist, or a wheel every job builds alike) is uploaded by every job of the build matrix in the same run: the "
                "first job's copy is accepted and every later one refused as existing, so a new version would fail the "
                "same way; upload that file from one job (or from one publish job that collects all the files)"]
    exists = next((n for n, t in scan.cleaned if re.search(r"File already exists", t, re.I)), None)
    host = log_servers.host_near(scan.cleaned, exists) if exists is not None else None
    if host and not log_servers.PYPI_SERVER.search(host):  # another index refused: its files are there, not PyPI's
        return [f"the index that answered `File already exists` is `{host}`, not PyPI: the file is on that index "
                "already, from an earlier upload of this version (a restarted or re-run build uploads it again); bump "
                "nothing for that: where that index stands in front of PyPI (a release index), the release to PyPI "
                "goes on through its own release step for the files uploaded there; `--skip-existing` lets the "
                "rebuild pass"]
    registry = _REGISTRY_EXISTS.search(text)
    out = []
    if registry:
        uv = "Caused by:" in text
        out.append(f"the registry answered `{registry.group(0).strip()}`: the file is already there (the same version "
                   "uploaded before, or a re-run); bump the version, or let the re-run skip it: `twine upload "
                   "--skip-existing` knows this answer (GitLab, Nexus, Artifactory), `uv publish --check-url <index>` "
                   "checks the index first" + ("; if the same re-run passed with an older uv, pin that one (uv 0.4.30 "
                                               "stopped skipping Azure Artifacts' 409)" if uv else ""))
    if _PRE_BUMP.search(text):
        out.append("the log says the job built from a commit before the version bump (actions/checkout without "
                   "`ref:` checks out the commit the run was started for, `github.sha`, not the bump commit pushed "
                   "during the run), so it rebuilt the old version: pass the new tag (or the bump commit) to every "
                   "build job and give it as `ref:` of actions/checkout, then re-run for the new version")
    shallow = _shallow_said(text)
    if shallow:  # every build of a checkout without tags gets the same version: a bump by hand does not help
        out.append(f"the log tells of `{shallow}` built from a checkout without tags (a shallow clone, "
                   "actions/checkout's default `fetch-depth: 1`): setuptools-scm (or hatch-vcs) then writes the same "
                   "version on every build, so each upload repeats it; check out with `fetch-depth: 0` (and "
                   "`fetch-tags: true`) in the job that builds, and publish from tags")
    elif generic_failures.tags_unseen(text, True):  # the same told without the version it fell back to
        out.append("the text tells of a build that did not see the repository's tags: the version plugin "
                   "(setuptools-scm, hatch-vcs) then writes a version of no release tag (a `.dev0` fallback, or the "
                   "last tag it could see), which is already on the index; check out with `fetch-depth: 0` and "
                   "`fetch-tags: true` in the job that builds, and publish from tags")
    # warehouse's answer from its log of file names (the name of a file no longer on the index, so no skip applies)
    reused = log_files.DELETED_NAME_REFUSED.search(text)
    unbumped = _unbumped(text, scan.versions)
    out += unbumped or _version_lines(scan, facts, "that version's file names were used before (its files deleted since), "
                                      "bump it before publishing again" if reused else "that version is already on the "
                                      "index, bump it before publishing again")
    if not scan.versions and not unbumped:  # a version named in the sentence that tells the refusal
        said = [v for n, t in scan.cleaned if REUPLOAD_SAID.search(t) for v in _SAID_VERSION.findall(t)][:1]
        if said:
            out.append(f"the log names version `{said[0]}`: that version's files are already on the index (or were, "
                       "before a deletion), bump it before publishing again")
        elif any(REUPLOAD_SAID.search(t) for _, t in scan.cleaned) and not (
                registry or _PRE_BUMP.search(text) or shallow or _DELETED.search(text) or _YANKED.search(text)
                or _RERUN_SAID.search(_VERBOSE_HINT.sub(" ", text)) or log_said.SAID_SKIP.search(text)
                # a fix told that is no bump (the workflow now skips the existing version)
                or (re.search(r"\bfix\w{0,3}\b", text, re.I) and not re.search(r"\bbump\w{0,3}\b", text, re.I))):
            out.append("the log says the version's files were already uploaded: bump the version before publishing "
                       "again (PyPI takes each file name once, and a file renamed to pass as another is refused too)")
    if reused:
        out.insert(0, "PyPI says this file name was uploaded before and the file deleted since: a file name can never "
                      "be used again, even after the file, release or project was deleted, so the same version cannot "
                      "be uploaded again; publish a new version (a post-release such as `1.0.post1` if only this file "
                      "needed replacing)")
        out.append("`skip-existing` cannot help here: it skips files that are on the index, and this name's file is not")
        return out
    elif _DELETED.search(text) or log_said.SAID_DELETED_REUSE.search(text):
        out.append("deleting a file, a release or the whole project on PyPI does not free its file names: a version "
                   "once uploaded can never be uploaded again, so publish a new version (TestPyPI too)")
    if _YANKED.search(text):
        out.append("the log speaks of a yanked version: yanking only hides a release from installers; its files stay "
                   "on PyPI and their names can never be uploaded again, so publish a new version")
    rerun = ("a re-run after a partial upload: `skip-existing: true` (action) or `--skip-existing` (twine) "
             "skips the files already there")
    if re.search(r"Local file and index file do not match for", text):  # uv's --check-url: the name, other bytes
        out.insert(0, "uv's `--check-url` found a file of this name on the index with other contents: the version was "
                      "uploaded before from another build (a rebuild is never byte-identical), so it cannot be uploaded "
                      "again; publish a new version, or upload the files of the build that went first")
    if _RERUN_SAID.search(_VERBOSE_HINT.sub(" ", text)):  # the log itself says the upload ran again
        return ["the log says the upload ran again (a retry, a re-run, a partial or duplicate run): " +
                rerun.split(": ", 1)[1] + ", so the run uploads only the files still missing"] + out
    if log_said.SAID_SKIP.search(text):  # it speaks of skipping files already there, not of a second run
        return ["the log speaks of skipping the files already on the index: " + rerun.split(": ", 1)[1] +
                ", so a run uploads only the files still missing (a new version still needs a version bump)"] + out
    if not unbumped:  # a release that built the old version: a skip would pass it with nothing of the release uploaded
        out.append(rerun)
    return out


# a release named as what fixes it ("fixed in twine 5.1.1", "upgrade to 5.1.1"): never the release that failed
_TOLD_AS_FIX = re.compile(r"\b(?:fix(?:ed|es)?|solved|resolved|addressed)\s(?:\w+\s){0,2}?(?:in|by|with)\b[^.\n]{0,20}$|"
                          r"\b(?:upgrad\w{1,3}|updat\w{1,3}|bump\w{0,3}|mov\w{1,3}|switch\w{0,3}|pin\w{0,4})\s(?:\w+\s){0,2}?"
                          r"(?:to|at)\b[^.\n]{0,20}$|\b(?:needs?|requires?)\b[^.\n]{0,10}$", re.I)
_BV = r"`?v?(\d{1,6}(?:\.\d{1,6}){1,3}(?:(?:a|b|rc|\.post|\.dev)\d{1,6})?)`?(?![\w+-]|\.\d)"
# the version the build carried, told beside the tag's: `version = "0.6.3"` in the tagged code, "the built artifact was
# still versioned `1.0.10`", "pyproject.toml still said 0.1.4"
_BUILT_VERSION = re.compile(r"\bversion\s?=\s?[\"']" + _BV + r"|\bstill\s(?:(?:be(?:ing)?|was|is|carried|had|said|says|"
                            r"read|reads|at|on)\s){0,2}(?:versioned\s|version\s)?" + _BV + r"|\bversioned\s(?:as\s)?" + _BV
                            # the tagged commit's own version told beside the tag ("pointed to a commit which has version
                            # 1.0.1", "the actual version in the code (1.0.1)")
                            + r"|\b(?:has|had|contained|contains|carried|carries|held|holds)\s(?:the\s)?version\s" + _BV
                            + r"|\bactual\sversion\s(?:(?:in|of)\s(?:the\s)?[\w.`]{1,40}\s)?\(?" + _BV, re.I)
# the tag's (or release's) version, and the version a missed bump was meant to reach ("supposed to be bumped to 0.15.0")
_CUT_VERSION = re.compile(r"\b(?:tag|tagged|release|releasing|releases)\s" + _BV + r"|" + _BV + r"\s(?:tag|release)\b|"
                          # the target of a bump told as missed, not the bump that fixed it ("Bump version to 0.2.1")
                          r"\b(?:supposed|meant|needed|ought|should|forg[eo]t\w{0,3})\s(?:to\s)?(?:have\s)?(?:be\s|been\s)?"
                          r"bump\w{0,3}\s(?:\w+\s){0,2}?to\s" + _BV, re.I)
# the version file left as it was while a tag was cut: "the tag was created but the version in pyproject.toml wasn't
# bumped", "skipped the version bump", "supposed to be bumped … but was missed"
_NOT_BUMPED = re.compile(r"\b(?:was|were|is|are|been|got)(?:n[’']t|\snot|\snever)\s(?:\w+\s)?(?:bumped|incremented|"
                         r"updated|changed)\b|\bnot\sbumped\b|\bwithout\s(?:a\s|any\s)?(?:version\s)?bump\w{0,3}\b|"
                         r"\b(?:skip\w{0,3}|miss\w{0,3}|forg[eo]t\w{0,3})\s(?:the\s|a\s)?(?:version\s)?bump\b|"
                         r"\bbump\w{0,3}\b(?:[^.]|\.(?=\w)){0,80}?\b(?:was|were|got)\s(?:missed|forgotten|skipped|omitted)\b|"
                         r"\bno\sversion\sbump\b", re.I)


def _unbumped(text: str, files: List[str]) -> List[str]:
    """The version line of a release cut without a version bump: the tag (or the version the bump was meant to reach)
    is not what was built, so the version on the index is the old one the build still carried (the refused files'
    version, or the one the text says was built), never the tag's."""
    still = next((v for m in _BUILT_VERSION.finditer(text) for v in m.groups() if v), None)
    built = files[0] if files else still
    tag = next((v for m in _CUT_VERSION.finditer(text) for v in m.groups() if v and v != built), None)
    # told without the words of a bump: a tag beside the other version the build "still" carried
    if not (_NOT_BUMPED.search(text) and (tag or built)) and not (tag and still):
        return []
    old = f"the old version (`{built}`)" if built else "the previous version, left in the version file"
    line = ((f"the log says `{tag}` was tagged (or released) without a version bump: " if tag else
             "the log says the version was not bumped: ") + f"the build still carried {old}, whose files are already "
            "on the index" + (f", and `{tag}` itself was never uploaded" if tag else "") + "; bump the version where the "
            "build reads it (pyproject.toml, `__version__`)" + (f" to `{tag}` and tag again, or release the next version"
                                                                if tag else " and release again"))
    if re.search(r"\brelease[- ]please\b", text, re.I):
        line += ("; release-please bumps only the files it is told of: list the version file in `extra-files` (or "
                 "check that its strategy still finds it)")
    return [line]


def _shallow_said(text: str) -> Optional[str]:
    """The tagless version (`0.1.dev1`, `0.0.0`) a log tells of, when it also tells of a checkout without tags."""
    m = log_said.SHALLOW_VERSION.search(text)
    return m.group(0) if m and (log_said.SAID_SHALLOW.search(text) or re.search(r"setuptools[-_]scm|hatch-vcs|"
                                                                                r"\bscm\b", text, re.I)) else None


_YANKED = re.compile(r"\byank(?:ed|ing)?\b", re.I)
# twine's own hint after any failed upload, not a re-run the log tells of
_VERBOSE_HINT = re.compile(r"Retry with the --verbose option", re.I)
_RERUN_SAID = re.compile(r"\bretr(?:y|ied|ies)\b|\bre-?run\b|\bpartial(?:ly)? (?:run|upload\w{0,2}|release)\b|"
                         r"\bduplicate (?:run|trigger|workflow|upload)s?\b", re.I)
_SAID_VERSION = re.compile(r"(?<![\w.+-])v?(\d{1,6}(?:\.\d{1,6}){1,3}(?:(?:a|b|rc|\.post|\.dev)\d{1,6})?)(?![\w.+-]|\.\d)")
_DELETED = re.compile(r"\b(?:deleted?|deleting|removed?)\b[^.]{0,60}?\b(?:version|release|file|project|package)|"
                      r"\b(?:version|release|file|project|package)\b[^.]{0,60}?\b(?:was|been|once|is) (?:deleted|removed)\b",
                      re.I)


def _sdist(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = scan_text(scan), _version_lines(scan, facts, "that release already has an sdist")
    if re.search(r"\.zip\b", text) and re.search(r"\.tar\.gz\b", text):
        out.append("the log uploads a .zip and a .tar.gz: keep only the .tar.gz")
    elif log_said.TWO_SDISTS.search(text):
        out.insert(0, "the log tells of a .tar.gz and a .zip source distribution for the same version: PyPI takes one "
                      "sdist per release, so the second one is refused even though its file differs; upload only the "
                      ".tar.gz (with the wheels), and build no .zip (`python -m build --sdist` writes only .tar.gz)")
    out.append("PyPI treats equal versions as one release (1.54 and 1.54.0); `skip-existing` skips an sdist whose file "
               "name is already there, not a second sdist under another name (another format or spelling of the version)")
    return out


def _local(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    out = _version_lines(scan, facts, "PyPI and TestPyPI refuse versions with a local part (`+…`)", local=True)
    literal = log_said.tag_unexpanded(scan.cleaned)
    if literal:
        var, quoted = literal
        why = "in single quotes the shell expands no variable" if quoted else "it was never expanded"
        out.insert(0, f"the log tells of a tag step with `{var}` left unexpanded ({why}): the tag was created as the "
                      f"literal `{var}`, not the version, so the build saw no version tag on the commit; "
                      + (f"write it `\"{var}\"`" if quoted else "make the step expand it") + " so the tag is the version "
                      "being released")
    tag = _PLAIN_LINUX.search(scan_text(scan))
    if tag and not any(f.pattern.id == "log-unsupported-platform-tag" for f in scan.findings):
        out.append(f"the log also names plain `{tag.group(1)}` wheels, a second blocker: PyPI refuses that platform tag "
                   "whatever the version, so those uploads fail even with the version fixed; build the Linux wheels in a "
                   "manylinux image (cibuildwheel) or `auditwheel repair` them into a manylinux tag")
    return out


# a plain Linux platform tag (not manylinux or musllinux)
_PLAIN_LINUX = re.compile(r"(?<![\w])(linux_(?:x86_64|aarch64|i686|armv7l|ppc64le|s390x))\b")


def _name(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
    m = NAME_REFUSED.search(text)
    name = next((g for g in (m.groups() if m else ()) if g), None)
    said = NAME_SAID.search(text)
    if not name and said:
        name = said.group(1) or said.group(2)
    subject = f"`{name}`" if name else "this name"
    similar = SIMILAR_SAID.search(text)
    tp = ["no publisher can be registered for a name PyPI refuses, so the Trusted Publishing exchange fails too "
          "(`invalid-publisher`): rename first, then register the pending publisher under the new name"] \
        if any(f.pattern.id in ("log-invalid-publisher", "log-invalid-pending-publisher") for f in scan.findings) else []
    if similar and not m:
        return [f"{subject} was refused as too similar to the existing project `{similar.group(1)}` (PyPI compares "
                "names with `-`, `_` and `.` removed, case folded and look-alike characters such as `l`/`1` and "
                "`o`/`0` made equal): choose a name that differs "
                "more and rename the distribution in pyproject.toml (and in any pending publisher)"] + tp
    if re.search(r"The name '[^']{1,200}' conflicts with an existing project", text):
        # create_project found the project that the upload's lookup, a moment before, did not: another upload (or a
        # pending publisher's exchange) created it in between
        return [f"{subject} was created by another request while this one was creating it (two jobs uploading a new "
                "project's first files at once, a matrix of upload jobs, or a pending publisher's exchange next to an "
                "upload): the project exists now, so re-run the failed job; let one job upload a new project's first "
                "release"]
    if re.search(r"The name '[^']{1,200}' is invalid\.", text):
        return [f"{subject} is not a valid project name: only ASCII letters, digits and `.`, `_`, `-`, starting and "
                "ending with a letter or digit; fix `name` in pyproject.toml (or setup.py) and in any pending publisher, "
                "rebuild and upload"]
    if re.search(r"conflict with (?:the )?Python standard library", text, re.I):
        return [f"{subject} is the name of a module of Python's standard library (of any version, Python 2 included): "
                "PyPI refuses such names for new projects, in the pending-publisher form as on upload; choose another "
                "name in pyproject.toml (and in the pending publisher)"]
    if log_servers.PROHIBITED_NAME.search(text):  # the refusal that gives no reason: PyPI's prohibited names
        return [f"{subject} is refused without a reason, which is PyPI's answer for a name on its list of prohibited "
                "names (blocked by its admins, after a malware or typo-squatting campaign used it or to keep it for a "
                "known owner; no project "
                "holds it, and TestPyPI keeps its own list, so it may take the name): ask PyPI's admins to release it "
                "to your account at https://github.com/pypi/support before renaming"] + tp
    return [f"{subject} cannot be used on this index: rename the distribution in pyproject.toml (and in any "
            "pending publisher); a pending publisher does not reserve a name"] + tp


_CHECK_LINE = re.compile(r"\bline (\d{1,6}): (?:Warning|Error|Severe): ([^\n]{1,160}?)(?= warning:| Checking | line \d|$)")


_RST_SOURCE = re.compile(r"README\.rst\b|\.rst:\d|for 'text/x-rst'|directive|interpreted text role|"
                         r"Title level inconsistent|Title overline|(?<![^\s`])\.\. [\w-]{2,40}::", re.I)
# an error of docutils (which renders reStructuredText for PyPI, readme_renderer, `twine check`, rst-lint) quoted in the
# log: its own wording, with or without the line it names
_RST_ERROR = re.compile(r"Unexpected (?:indentation|section title(?: or transition)?)|Inline (?:emphasis|strong|literal|"
                        r"interpreted text(?: or phrase reference)?|substitution_reference|target|internal target) "
                        r"start-string without end-string|Title (?:underline|overline) too short|Title level inconsistent|"
                        r"(?:Block quote|Definition list|Bullet list|Enumerated list|Explicit markup|Field list|Line block|"
                        r"Option list) ends without a blank line|Unknown (?:directive type|interpreted text role|target "
                        r"name)|Malformed table|Content block expected|Error in \"[\w-]{1,40}\" directive|Cannot analyze "
                        r"code|Duplicate explicit target name|Undefined substitution referenced|Literal block expected|"
                        r"Unindent not allowed|Invalid section title or transition marker|Anonymous hyperlink mismatch")
_RST_ERROR_AT = re.compile(r"(?:\.rst|<string>|\bline)\W{0,2}(\d{1,6})\W{1,4}(?:\((?:WARNING|ERROR|SEVERE)/\d\)\s{0,3}|"
                           r"(?:Warning|Error|Severe)\W{1,3}|WARNING\s|ERROR\s)?$")
# a person naming the README's markup as what broke ("fix README syntax")
_MARKUP_SAID = re.compile(r"\breadme\b[^.\n]{0,40}?\b(?:syntax|markup|indentation|underline|formatting)\b|"
                          r"\b(?:syntax|markup|rst|restructured ?text) (?:errors?|issues?|problems?)\b[^.\n]{0,40}?"
                          r"\b(?:readme|long[ _]description)\b", re.I)
_MARKDOWN_SAID = re.compile(r"\bmarkdown\b|\w\.md\b|text/markdown", re.I)
_RST_ADORNMENT = re.compile(r"([~*^\"+#])\1{2,}")  # a section underline Markdown has no use for (it takes = and -)
_MARKUP_HINT = {"Title underline too short": "an underline (or overline) must be at least as long as its title",
                "Title overline too short": "an underline (or overline) must be at least as long as its title"}


def _rst_evidence(scan: LogScan, text: str) -> str:
    """What in the log shows the README is reStructuredText (not only read as such), or ''."""
    m = _RST_SOURCE.search(text)
    if m:
        found = m.group(0).strip()
        return "docutils names a directive or role, which only reStructuredText has" if \
            re.match(r"directive|interpreted", found, re.I) else f"the log names `{found}`"
    at = next((i for i, (_, t) in enumerate(scan.cleaned) if _CHECK_LINE.search(t)), None)
    quoted = scan.cleaned[at + 1:at + 6] if at is not None else []  # the source lines twine quotes under its message
    line = next((t.strip() for _, t in quoted if _RST_ADORNMENT.fullmatch(t.strip())), None)
    return f"its section underline `{line[:20]}` is reStructuredText markup" if line else ""


_NOTHING_RENDERED = re.compile(r"No content rendered from RST source", re.I)


def _description(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = scan_text(scan), []
    strict = re.search(r"FAILED due to warnings\b.{0,200}?`(long_description(?:_content_type)?)` missing", text)
    if strict and not re.search(r"has syntax errors in markup|The description failed to render", text):
        # `twine check --strict` turned a warning into the failure: nothing failed to render
        if strict.group(1) == "long_description":
            return ["`twine check --strict` failed because the files carry no long description (a warning it makes an "
                    "error): declare the README (`readme = \"README.md\"` in pyproject.toml, or `long_description` with "
                    "its `long_description_content_type` in setup.py), rebuild; or drop `--strict` (PyPI itself takes a "
                    "file without one)"]
        return ["`twine check --strict` failed because the files declare no content type for the README (a warning it "
                "makes an error; PyPI would read it as reStructuredText): declare it (`readme = \"README.md\"` in "
                "pyproject.toml sets it from the suffix, or `long_description_content_type=\"text/markdown\"` in "
                "setup.py), rebuild and check again"]
    if log_servers.SETUP_UPLOAD_WARNED.search(text):  # distutils' upload warning it is deprecated, naming twine
        out.append("the upload ran through distutils' `setup.py upload` (deprecated; setuptools has removed it), which "
                   "sends the description as its own reading of setup() gives it, not the built file's metadata (check "
                   "this first): upload the same files with `twine upload dist/*`, which has taken releases this "
                   "command's upload refused; the README needs a change only if `twine check dist/*` fails too")
    m = _CHECK_LINE.search(text)
    if _NOTHING_RENDERED.search(text) and not m and not _RST_ERROR.search(text):
        # twine check rendered nothing and names no markup error: the description is empty, not broken
        return ["twine check rendered nothing from the description (`No content rendered from RST source`) and names "
                "no markup error: the long description is missing or empty (no `long_description` in setup.py, no "
                "`readme` in pyproject.toml, or a README that is empty or only a title); declare the README as the "
                "description (`readme = \"README.rst\"` in pyproject.toml, or `long_description=open(\"README.rst\")"
                ".read()` with `long_description_content_type=\"text/x-rst\"` in setup.py; `text/markdown` for a "
                "README.md), rebuild and run `twine check dist/*`; there is no markup to fix",
                "if the same setup passed this check before, the tools moved, not the package: "
                "current setuptools no longer writes `UNKNOWN` for a missing description, which twine's check "
                "treated as no description and let pass (pypa/cibuildwheel#1131); pinning the twine of the last good "
                "upload is the stopgap some projects used, declaring the description is the fix"]
    m = _CHECK_LINE.search(text)
    rst = _rst_evidence(scan, text)
    if m:
        where, what = m.group(1), re.split(r"\.\s", m.group(2).strip(), maxsplit=1)[0].rstrip(".")
        hint = next((f" ({h})" for k, h in _MARKUP_HINT.items() if what.startswith(k)), "")
        if rst:
            out.append(f"the README is reStructuredText ({rst}) and its markup is broken at line {where}: {what}"
                       f"{hint}; fix that markup and rebuild (check with `twine check dist/*`); its content type is "
                       "not the problem")
        else:
            out.append(f"twine check reads the README as reStructuredText and stops at line {where}: {what}{hint}; if "
                       "the README is reStructuredText, fix that markup; if it is Markdown, declare it (`readme = "
                       "\"README.md\"` in pyproject.toml, `long_description_content_type=\"text/markdown\"` in "
                       "setup.py)")
    if log_said.RENDERER_MISSING.search(text):
        return ["readme_renderer warned that no Markdown renderer is installed (its `[md]` extra, cmarkgfm): `twine "
                "check` then cannot render a Markdown README and reports it as failing, even with no markup error named; "
                "install `readme_renderer[md]` in the environment that runs the check (a tox env: add it to `deps`)"]
    key = log_said.misspelt_content_type(text)
    if key:
        out.insert(0, f"the log shows `{key}`, a key setuptools does not know (it ignores it): so no content type is "
                      "declared and twine reads the README as reStructuredText; the key is `long_description_content_type` "
                      "(`text/markdown` for a Markdown README)")
    if re.search(r"long_description_content_type`? missing", text):
        if rst and m:
            out.append("twine also warns that no content type is declared: `text/x-rst` (the default) is right for "
                       "this README; declaring it silences the warning but does not fix the markup")
        else:
            out.append("no content type is declared, so the README is read as reStructuredText: declare it "
                       "(`long_description_content_type` in setup.py, `readme` in pyproject.toml): `text/markdown` for "
                       "a Markdown README, `text/x-rst` for reStructuredText")
    elif re.search(r"failed to render for 'text/markdown'", text):
        out.append("PyPI could not render the description as `text/markdown`: Markdown renders whatever text it is "
                   "given, so this means the description is empty (an empty README, a `readme`/`long_description` that "
                   "reads an empty or missing file, a README of another package in a monorepo); check that the README "
                   "the build reads has content (`twine check dist/*` shows it), rebuild and upload")
    elif re.search(r"failed to render in the default format", text):
        out += _default_format(text, rst, m is not None)
    if not out and log_said.SAID_RST_MARKUP.search(text):
        out.append("the log says the reStructuredText markup of the long description is broken (a title underline "
                   "shorter than its title, a literal or emphasis not closed): fix it in the README at the line "
                   "`twine check dist/*` names (an underline at least as long as the title), check with `twine check "
                   "dist/*`, rebuild and upload")
    unrenderable = log_said.SAID_UNRENDERABLE.search(text)
    if unrenderable and log_said.RENDERER_ELSEWHERE.search(text[unrenderable.start():text.find("\n", unrenderable.end())]):
        unrenderable = None  # a README that does not render on GitHub or in the docs is not PyPI's refusal
    if not out and unrenderable and rst:
        out.append(f"the log says the README does not render, and it is reStructuredText ({rst}): PyPI refuses a "
                   "reStructuredText description with markup errors; `twine check dist/*` names the line: fix that "
                   "markup (or, meanwhile, give a short description that renders), rebuild and upload")
    if not out and re.search(r"\.rst\b", rst or "") and _DESC_SAID.search(text) and \
            not re.search(r"\bmarkdown\b|\.md\b", text, re.I):
        # a README told as reStructuredText already (giotto-ai/giotto-tda #380): declaring a content type cannot help
        out.append(f"the log says the README was refused, and it is reStructuredText ({rst}): its markup does not render "
                   "on PyPI; `twine check dist/*` names the line: fix that markup, check again, rebuild and upload")
    if not out and re.search(r"failed to render for '?text/x-rst", text) and not re.search(r"\bmarkdown\b|\.md\b", text, re.I):
        # PyPI's message names the declared type: reStructuredText is already what it read, the markup is at fault
        out.append("the message names `text/x-rst`: the README was read as reStructuredText, so its content type is not "
                   "the problem, its markup is: PyPI's renderer refuses markup errors and disables some directives "
                   "(`raw`, `include`); `twine check dist/*` names the line: remove or replace that markup, rebuild "
                   "and upload")
    if not out and _DESC_SAID.search(text):
        markdown = re.search(r"\bmarkdown\b|\.md\b", text, re.I)
        out.append("the log says the README (the long description) " + ("does not render" if unrenderable else
                   "was refused") +
                   (" and that it is Markdown" if markdown else "") + ": PyPI reads a description without a content "
                   "type as reStructuredText and refuses one that does not render; declare its type (`readme = "
                   "\"README.md\"` in pyproject.toml, `long_description_content_type=\"text/markdown\"` in setup.py, "
                   "`text/x-rst` for reStructuredText), check with `twine check dist/*`, rebuild and upload")
    return out


def _default_format(text: str, rst: str, checked: bool) -> List[str]:
    """PyPI's "failed to render in the default format of reStructuredText": the file declares no content type, so
    PyPI read the README as reStructuredText. Which of the two fixes (the markup, or declaring a Markdown README) the
    log points at: a quoted docutils error or reStructuredText source points at the markup, Markdown at the type."""
    quoted = _RST_ERROR.search(text)
    said = _MARKUP_SAID.search(text)
    markdown = _MARKDOWN_SAID.search(text)
    declare = ("declare a Markdown README as Markdown (`readme = \"README.md\"` in pyproject.toml, "
               "`long_description_content_type=\"text/markdown\"` in setup.py)")
    old = ("if setup.py already declares it, the setuptools and wheel that built the file are too old to write it: "
           "upgrade them (or build with `python -m build`) and rebuild")
    if checked:  # twine check's line was read above
        return [] if rst else [f"PyPI reads a file that declares no content type as reStructuredText; {old}"]
    if quoted or said or rst:
        if quoted:
            at = _RST_ERROR_AT.search(text[max(0, quoted.start() - 40):quoted.start()])
            what = f"the log quotes docutils' `{quoted.group(0)}`" + (f" at line {at.group(1)}" if at else "")
        elif rst:
            what = rst
        else:
            what = f"the log speaks of the README's {said.group(0).split()[-1].lower()}"
        if markdown and not rst:  # Markdown read as reStructuredText breaks its rules
            return [f"PyPI read the README as reStructuredText and it breaks there ({what}), and the log speaks of "
                    f"Markdown: a Markdown README read as reStructuredText fails so; {declare}, rebuild and upload"]
        line = (f"PyPI read the README as reStructuredText and its markup has an error ({what}): fix that markup "
                "(`twine check dist/*` names the line), rebuild and upload")
        return [line + ("; the content type is not the problem" if rst else
                        f"; if the README is in fact Markdown, {declare} instead")]
    if markdown:
        return [f"PyPI read the description as reStructuredText, the default for a file that declares no content "
                f"type, and the log speaks of Markdown: {declare}; {old}"]
    return [f"PyPI read the description as reStructuredText, the default for a file that declares no content type, "
            "and it did not render: either the README is reStructuredText with a markup error (`twine check "
            f"dist/*` names the line: fix it), or it is Markdown: {declare}; {old}"]


_DESC_SAID = re.compile(r"\bcontent[ _-]type\b|\bdoes(?:n[’']t| not) render|\bmarkdown\b|\brst\b", re.I)


def _metadata(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, out = scan_text(scan), []
    capped = log_uploaders.twine_capped_by_tool(text)
    if capped:
        return [f"the text says {capped} caps twine in its own requirements, below the release that reads the "
                "metadata (6.1 for Metadata-Version 2.4, as setuptools 77 and later, hatchling 1.27 and Poetry 2 write "
                "it; 7.0 for 2.5): the twine of your "
                f"own job is not the one that runs, so upgrade {capped} to a release that lifts the pin (or ask its "
                "maintainers to); meanwhile pin the build backend below the release that writes 2.4 (`setuptools<77` "
                "in `[build-system] requires`)"]
    if re.search(r"\bImport-Name(?:space)?\b", text):
        flit = re.search(r"\bflit(?:_core)?\b", text, re.I)
        pin = re.search(r"\bflit(?:_core)?\b[^.\n]{0,40}?\b(\d{1,2})\.x\b|\b(\d{1,2})\.x\b[^.\n]{0,20}?\bflit", text, re.I)
        last = next((g for g in (pin.groups() if pin else ()) if g), None)
        backend = "flit (the CLI and `flit_core` in `[build-system] requires`)" if flit else "the build backend"
        told = f" (the log's own fix pins flit to {last}.x)" if last else ""
        out.append("`Import-Name` is a Metadata-Version 2.5 field (PEP 794) that the check or upload step here does not "
                   "take: upgrade the uploader where it runs (a current pypa/gh-action-pypi-publish, v1.14.2 or later or "
                   "`release/v1`, bundles twine 7, which reads 2.5; `pip install -U 'twine>=7'`), or pin "
                   f"{backend} below the release that writes it{told}, and rebuild")
        return out
    if re.search(r"license-(?:file|expression)", text, re.I):
        out.append("twine before 6.1, or twine 6 next to a `packaging` older than 24.2 (twine 6 reads the metadata with "
                   "it), does not know Metadata-Version 2.4's `License-Expression` and `License-File`: upgrade both in "
                   "the environment that runs twine (`pip install -U twine packaging`, or `pipx run twine` / `uvx twine`)")
    version = re.search(r"'(\d\.\d{1,2})' is not a valid metadata version", text) or \
        (log_said.SAID_METADATA_VERSION.search(text) if not out and not log_said.SAID_METADATA.search(text)
         and not re.search(r"Metadata is missing required fields", text) else None)  # or a refused Metadata-Version told in words
    if version and version.group(1) >= "2.5":
        out.append(f"Metadata-Version {version.group(1)} is read by twine 7.0 and later only; twine 6.x rejects it: "
                   "pypa/gh-action-pypi-publish bundles twine 7 from v1.14.2 on, so a pin to an earlier release (tag "
                   "or SHA) fails: move to v1.14.2 or later (or `release/v1`); a twine installed in the job: "
                   "`pip install -U 'twine>=7'`; where that twine is not yours to upgrade (a bundled or pinned check), "
                   "build with a backend release that still writes Metadata-Version 2.4 (pin it in `[build-system] "
                   "requires`)")
    elif version:
        out.append(f"Metadata-Version {version.group(1)} is newer than the twine that checks it (2.4 needs twine 6.1 "
                   "with packaging 24.2, which pypa/gh-action-pypi-publish bundles from v1.12.3 on): upgrade twine "
                   "where it runs, or move a pinned older action to `release/v1` or a current release")
    twine = TWINE_VERSION.search(text)
    if twine and _TOLD_AS_FIX.search(text[max(0, twine.start() - 60):twine.start()]):
        twine = None  # a release told as the fix (mozilla/experimenter #11331: "fixed in twine 5.1.1"), not the one that ran
    if not out and twine and tuple(int(x) for x in twine.group(1).split(".")[:2]) < (6, 1):
        out.append(f"the log names twine {twine.group(1)}: twine before 6.1 does not know the metadata current build "
                   "backends write (Metadata-Version 2.4, as Poetry 2, hatchling 1.27 and setuptools 77 write it), so its "
                   "check refuses the files before any upload: upgrade twine (and `packaging`) where it runs "
                   "(`pip install -U twine packaging`), or move a pinned pypa/gh-action-pypi-publish to a current release")
    if not out and (log_said.SAID_METADATA.search(text) or log_said.SAID_NEW_METADATA.search(text)) and \
            not re.search(r"Metadata is missing required fields", text):
        out.append("the log says the metadata of a newer build backend meets an older twine check (the one bundled in "
                   "a pinned pypa/gh-action-pypi-publish, or a twine installed in the job): use a current "
                   "pypa/gh-action-pypi-publish (`release/v1`, or v1.14.2 or later, which reads Metadata-Version 2.4 "
                   "and 2.5) or upgrade twine and `packaging` where the check runs; or pin the backend to the release "
                   "the last good upload used")
    if re.search(r"Metadata is missing required fields", text):
        known = _SUPPORTED.search(text)
        if known:  # the message lists what this twine reads
            newest = known.group(1)
            out.append(f"the twine (or pkginfo) here reads Metadata-Version up to {newest} (the list in the message), "
                       f"so the file declares {_next_minor(newest)} or newer and twine reports its fields as missing"
                       f"{_WRITERS.get(newest, '')}: upgrade twine (6.1 or later) and pkginfo where it runs; a pinned "
                       "old pypa/gh-action-pypi-publish bundles such a twine: move to `release/v1` or a current release")
        else:  # which version the file declares, the log does not say
            out.append("the twine (or pkginfo) here does not know the Metadata-Version the file declares and reports "
                       "its fields as missing (backends moved on: hatchling writes 2.3 since 1.22 and 2.4 since 1.27, "
                       "setuptools 2.4 since 77): upgrade twine (6.1 or later) and pkginfo where it runs; a pinned old "
                       "pypa/gh-action-pypi-publish bundles such a twine: move to `release/v1` or a current release")
        out.append("where that twine is not yours to upgrade (a release service that uploads for you), build the file "
                   "with a backend release that " + (f"still writes Metadata-Version {newest}" if known else
                                                     "writes a Metadata-Version it reads")
                   + " (pin it in `[build-system] requires`)")
    return out
_SUPPORTED = re.compile(r"supported Metadata-Version: (?:\d\.\d{1,2},\s{1,20}){1,12}(\d\.\d{1,2})\b")
_WRITERS = {"2.2": " (hatchling writes 2.3 since 1.22 and 2.4 since 1.27; setuptools writes 2.4 since 77)",
            "2.3": " (hatchling writes 2.4 since 1.27, setuptools since 77)"}


def _next_minor(version: str) -> str:
    major, minor = version.split(".")
    return f"{major}.{int(minor) + 1}"


def _too_large(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    """The project's total over its limit: a limit request or old files deleted, not a smaller wheel."""
    text = scan_text(scan)
    if log_said.said_file_limit(text) and not log_said.said_project_total(text):
        stated = log_said.stated_file_limit(text)
        return ["the log names a file's size against a limit in MB: PyPI's per-file limit ("
                + (f"{stated} as the log states it, " if stated else "") + "raised per "
                "project), not the project's total: ask at https://github.com/pypi/support for a larger file limit for "
                "the project (naming it and the size of its largest file), or make the file smaller (data out of the "
                "wheel)"]
    if not log_said.said_project_total(text):
        return []
    test = (" (on TestPyPI every upload counts, each branch's or dev build's: uploading fewer builds there keeps the "
            "project under it)" if TESTPYPI_NAMED.search(text) else "")
    return ["the log names the project's total size, not one file's: the index's project limit (10 GB by default) counts "
            "the files of every release, so the next upload is refused whatever its size; ask for a larger project "
            "limit at https://github.com/pypi/support (a project-limit request naming the project and the size "
            "needed), or delete files of old releases (nightly builds and pre-releases first) to make room" + test]


def _digest(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    return ["check the project's total size first (Manage project on PyPI): a project at its storage limit has given "
            "this error; delete old releases or ask for a larger limit at https://github.com/pypi/support, then re-run"]


_NORMALIZED = re.compile(r"Filename '([^']{1,300})' should contain the normalized\s+project name '([^']{1,200})', "
                         r"not '([^']{1,200})'")
_SDIST_NAME = re.compile(r"Filename '([^']{1,300})' is invalid, should be '([^']{1,300})'")


def _refused_file(scan: LogScan) -> str:
    """The file the refusal answered: the last `Uploading <file>` before the first finding's line."""
    line = scan.findings[0].line if scan.findings else 0
    files = [m.group(1) for n, t in scan.cleaned if n <= line for m in [log_servers.UPLOADING.match(t)] if m]
    return files[-1] if files else ""


_VERSION_IN_NAME = re.compile(r"Version in filename should be '([^']{1,100})' not '([^']{1,100})'")
_BAD_SDIST_NAME = re.compile(r"Invalid source distribution filename: (\S{1,300})")


def _sdist_filename(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text, file = scan_text(scan), _refused_file(scan)
    start, version, bad = log_files.START_FILENAME.search(text), _VERSION_IN_NAME.search(text), _BAD_SDIST_NAME.search(text)
    if version:
        return [f"the wheel's file name says version `{version.group(2)}` but its metadata says `{version.group(1)}`: "
                "the file was renamed after the build (or built twice with different versions); upload wheels as the "
                "build backend named them, and build the version you mean"]
    if bad:
        return [f"`{bad.group(1)}` is not named `<name>-<version>.tar.gz`, so PyPI cannot read the name and version from "
                "it (a renamed file, a version left out): upload the sdist as the build backend named it "
                "(`python -m build --sdist`)"]
    escaped = log_files.escaped_name_refused(text)
    if start and escaped:
        return [f"`{escaped}` starts with the name `{start.group(1)}` as distributions must write it (`.` and `-` as "
                "`_`), which PyPI's check refused until July 2023 (fixed by pypi/warehouse#14155): the file is right, "
                "re-run the upload; if PyPI still refuses it, report it at https://github.com/pypi/warehouse/issues"]
    if start and log_files.old_check_name(text):
        normal = log_files.escaped(start.group(2))
        return [f"PyPI asked for a file name starting with `{start.group(2)}`, the name as the project writes it: that "
                "is the wording of PyPI's check before July 2023, which kept the name's dots and so refused the "
                f"`{normal}-…` names current build backends write (pypi/warehouse#14155); today PyPI asks for "
                f"`{normal}` and takes those files: build with a current backend (`python -m build`) and upload its "
                "files unchanged, with the project's own name in pyproject.toml; against the old check the dotted name "
                "got through (hatch's `strict-naming = false`, or a renamed file)"]
    if start and file.endswith(".whl"):
        return [f"the wheel `{file}` does not start with `{start.group(2)}`, the normalised name of `{start.group(1)}`: "
                "the file's name and the name in its metadata differ (a renamed wheel, or one built from another "
                "project's metadata); rebuild it with the project's build backend and upload it unchanged"]
    if start:
        return [f"the file must start with `{start.group(2)}`, the normalised name of the project `{start.group(1)}`: "
                "the name in the file's name and the one in its metadata differ (a renamed file, an old backend that "
                "kept dots or capitals); rebuild with a current backend (`python -m build`) and upload its files "
                "unchanged"] + ([] if file.endswith(".whl") else [SDIST_DIRECTORY])
    m = _SDIST_NAME.search(text)
    out = [f"the build wrote `{m.group(1)}`, PyPI wants `{m.group(2)}`: rebuild the sdist with a backend that writes "
           "the normalised name (setuptools >= 69.3 declared in `[build-system]`, built by `python -m build`, not an "
           "old setuptools on PATH through `setup.py sdist`; other backends: a current release and their defaults)"] if m else []
    norm = _NORMALIZED.search(scan_text(scan))
    if norm and not m:
        kind = "wheel" if norm.group(1).endswith(".whl") else "file"
        out.append(f"the {kind} `{norm.group(1)}` starts with `{norm.group(3)}`, PyPI wants the normalised project name "
                   f"`{norm.group(2)}` there: an old build backend wrote the unnormalised name (an older setuptools or "
                   "wheel; for sdists setuptools before 69.3); remove any pin or cap of the backend in `[build-system] requires` (or "
                   "the build's requirements), rebuild with `python -m build` and upload the files it writes")
    if norm and not m and norm.group(1).endswith(".whl"):
        return out
    return out + [SDIST_DIRECTORY]


def _upload_form(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
    field = re.search(r"\b" + log_patterns.FILE_PARTS + r": Should not be a tuple\b", text)
    name = field.group(0).split(":")[0] if field else "gpg_signature"
    out = [f"PyPI refused `{name}` as a file part (`Should not be a tuple`), yet it takes `{name}` only as one: its own "
           "check of the upload form went wrong, as in its regression of signed uploads in 2018 (pypi/warehouse#3059, "
           "fixed on PyPI's side); the files and the credentials are not in question"]
    if UNCHANGED_SAID.search(text):
        out[0] += ", and the log says the uploader and its dependencies did not change"
    out.append("report it at https://github.com/pypi/warehouse/issues (with the uploader's version) and re-run once it is "
               "fixed; meanwhile " + ("upload without `--sign` / `-s` (PyPI has kept no signatures since 2023)"
                                      if name == "gpg_signature" else "upload the same files with another uploader")
               + "; only if the uploader changed since the last good upload, go back to the release that worked")
    return out


_UNATTESTED = re.compile(r"Upload with attestations requested, but (\S{1,300}) has no associated attestations")


def _attestation_missing(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    m = _UNATTESTED.search(scan_text(scan))
    name = f"`{m.group(1)}`" if m else "the file named"
    return [f"{name} was not attested: the action attests only `.whl` and `.tar.gz` files; drop other formats from "
            "the upload folder (a `.zip` sdist: build `.tar.gz` only), or set `attestations: false`"]


_BUILD_CONFIG = re.compile(r"Build Config URI\W{0,5}(?:\S{0,300}?/)?([\w.-]{1,200}\.ya?ml)\b.{0,300}?does not match "
                           r"expected Trusted Publisher\W{0,5}(?:\S{0,300}?/)?([\w.-]{1,200}\.ya?ml)\b")


_ATTESTATION_PUBLISHER = re.compile(r"Attestations are not currently supported with (\w{1,40}) publishers")
_SUBJECT = re.compile(r"subject does not match distribution (name|digest)")


def _attestation_check(text: str) -> Optional[str]:
    """What PyPI's check of the attestations refused, besides the certificate's workflow (warehouse
    attestations/services.py parse_attestations, pypi-attestations' verify)."""
    kind = _ATTESTATION_PUBLISHER.search(text)
    if kind:
        return (f"PyPI takes attestations only from GitHub and GitLab publishers, and this upload's Trusted Publisher is "
                f"a {kind.group(1)} one: upload without them (`attestations: false`, no `--attestations`, uv "
                "`--no-attestations`)")
    subject = _SUBJECT.search(text)
    if subject:
        return (f"the attestation was made for another file than the one uploaded (its {subject.group(1)} differs): the "
                "file was rebuilt or changed after it was attested, or an old `<file>.publish.attestation` was left next "
                "to a new build of the same name; delete the `*.attestation` files, attest the files in the job that "
                "uploads them, and upload them unchanged")
    if re.search(r"Malformed attestations|Attestation with unsupported predicate type|Multiple attestations for the same "
                 r"file|A maximum of \d{1,3} attestations per file", text):
        return ("the attestation files sent with the distributions are not ones PyPI takes (malformed, of an unknown "
                "kind, or two of one kind for a file): twine and uv upload every `<file>.*.attestation` they find next "
                "to it, so stray ones (an earlier run's, another tool's, a copy) go along; keep only the "
                "`.publish.attestation` the publish step writes, or upload without attestations")
    return None


def _invalid_attestations(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
    if re.search(r"Unknown error while trying to verify included attestations", text):
        return ["`Unknown error while trying to verify` is PyPI failing to verify the attestation on its side, not a "
                "mismatch of the workflow: re-run later or report it at https://github.com/pypi/warehouse/issues; "
                "`attestations: false` lets the upload through meanwhile"]
    out = []
    pair = _BUILD_CONFIG.search(text)
    if pair:
        signed, expected = pair.group(1), pair.group(2)
        out.append(f"the attestations were signed by `{signed}` (the workflow the run started from) while the publisher "
                   f"names `{expected}`: a job defined in a called (reusable) workflow signs as its caller; publish from "
                   f"`{signed}` itself and register `{signed}`, or set `attestations: false` on the step")
    reusable = sorted({f.file for f in facts if f.reusable and f.trusted_envs})
    if not pair and (reusable or REUSABLE_SAID.search(text) or re.search(r"Build Config URI|policies succeeded", text)):
        out.append("the attestation is signed by the workflow that ran, and PyPI checks it against the registered "
                   "publisher: from a reusable workflow the two differ; publish from the calling workflow, or set "
                   "`attestations: false`")
    if re.search(r"only supported when\W{0,5}using Trusted Publishing", text):
        out.append("attestations are accepted only with Trusted Publishing: drop them (`attestations: false`, or no "
                   "`--attestations`) when uploading with a token")
    own = _attestation_check(text)
    if own and not pair:
        return [own]
    if not out and log_said.SAID_ATTESTATION_FAILED.search(text):
        out.append("the log says PyPI did not verify the attestations: each is signed by the workflow that ran and "
                   "checked against the registered trusted publisher, so a publisher that names another workflow (a "
                   "reusable one, a renamed file) fails them; set `attestations: false` on the publish step, or "
                   "publish from the workflow the publisher names")
    return out


_ATTESTATION_FILE = re.compile(r"([^'\s/]{1,300})\.publish\.attestation\b")


def _attestation_exists(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    m = _ATTESTATION_FILE.search(scan_text(scan))
    if not m and "already ha" not in scan_text(scan) and re.search(r"\battestation", scan_text(scan), re.I):
        return ["the log says an attestation was used for a second upload: pypa/gh-action-pypi-publish writes "
                "`<file>.publish.attestation` next to each file it uploads and leaves it there, so a second upload from "
                "the same folder in the same job (PyPI after TestPyPI) sends or trips over the first one's attestations: "
                "give each index its own job, delete `*.publish.attestation` before the second upload, or set "
                "`attestations: false` on the first"]
    if not m or "already ha" in scan_text(scan):
        return []
    return [f"`{m.group(1)}.publish.attestation` is the attestation an earlier call of pypa/gh-action-pypi-publish wrote "
            "next to the file (a second upload step on the same folder, such as PyPI after TestPyPI, or an artifact "
            "that carried it along); the second call's metadata check read it as a distribution: give each index "
            "its own job, delete `*.publish.attestation` from the folder before the second call, or set "
            "`attestations: false` on the first"]


_WASM_TAG = re.compile(r"unsupported platform tag '((?:emscripten|pyodide|wasi)\w{0,60})'", re.I)
_LINUX_WHEEL = re.compile(r"-(linux_\w{1,40})\.whl\b")
_LINUX_TAG_SAID = re.compile(r"(?<![\w-])(linux_(?:x86_64|aarch64|i686|armv7l|ppc64le|s390x))\b")


_WASM_LEAVE_OUT = ("leave it out of the upload (publish it with the GitHub release instead) and upload the other wheels "
                   "and the sdist; PyPI takes WebAssembly wheels only under PEP 783's `pyemscripten_<year>_<n>_wasm32` "
                   "tag (since April 2026)")


def _platform_tag(scan: LogScan, facts: List[Facts], ctx) -> List[str]:
    text = scan_text(scan)
    wasm = _WASM_TAG.search(text)
    if wasm:
        return [f"`{wasm.group(1)}` is a WebAssembly (Emscripten/Pyodide) wheel, which PyPI does not take under that "
                f"tag: {_WASM_LEAVE_OUT}"]
    if not log_files.REFUSED_TAG.search(text):  # a bare 400 that answered a WebAssembly wheel
        wheels = WASM_WHEEL.findall(text)
        if wheels:
            return [f"PyPI's 400 came while uploading `{wheels[-1]}`, a WebAssembly wheel whose tag PyPI refuses (the "
                    f"log does not print PyPI's reason, `verbose: true` shows it): {_WASM_LEAVE_OUT}"]
        if re.search(r"\b(?:wasm|wasm32|webassembly|emscripten|pyodide)[- ]wheels?\b|(?<![\w-])(?:pyodide|emscripten)_"
                     r"[\w*.]{1,40}", text, re.I):
            return ["the log reports the 400 for WebAssembly wheels: PyPI refuses wheels tagged `emscripten_*` or "
                    "`pyodide_*`; leave them out of the upload (filter `dist/` before the publish step), or build them "
                    "with PEP 783's `pyemscripten_<year>_<n>_wasm32` tag, which PyPI takes since April 2026"]
    refused = log_files.REFUSED_TAG.search(text)
    if refused and platform_tags.taken_now(refused.group(1)):
        when = platform_tags.added_when(refused.group(1))
        return [f"PyPI takes `{refused.group(1)}` today: " + (f"its list of accepted platform tags gained it in {when}, "
                "so this refusal is from before that (or from an index with an older list)" if when else "it is on its "
                "list of accepted platform tags, so this refusal came from an older list (an old log, or another "
                "index)") + "; nothing in the wheel or the workflow needs changing: upload "
                "the same wheel again (re-run the publish, with `skip-existing` if the other files went up)"]
    m = refused or _LINUX_WHEEL.search(text) or _LINUX_TAG_SAID.search(text)
    macos = re.fullmatch(r"macosx_(\d+)_(\d+)_(\w+)", refused.group(1)) if refused else None
    if macos:
        return [f"`{refused.group(1)}` is a wheel for macOS {macos.group(1)}.{macos.group(2)} on `{macos.group(3)}`: PyPI "
                "checks macOS tags against the versions and architectures it knows, and a macOS release newer than "
                "that list is refused until PyPI adds it (report it at https://github.com/pypi/warehouse/issues); a "
                "wheel built for an older `MACOSX_DEPLOYMENT_TARGET` uploads now and runs on the newer macOS too"]
    if refused and not refused.group(1).startswith("linux_"):
        return []  # the refused tag is named: the finding's fix says what to do about it
    if m and m.group(1).startswith("linux_") and log_files.TAG_SETTING.search(text):
        return [f"`{m.group(1)}` was chosen by the build's own setting, which the text names (maturin's `compatibility`, "
                "`--compatibility linux`, a `--plat-name`): a manylinux image does not change the tag while it stands; "
                "remove the setting (maturin then checks and writes a manylinux tag) or set a manylinux tag in it"]
    if m and m.group(1).startswith("linux_") and log_files.CANNOT_MANYLINUX.search(text):
        return [f"the text says the `{m.group(1)}` wheel cannot be manylinux: "
                "PyPI takes no plain `linux_*` wheel, so leave it out of the files uploaded "
                "and upload the rest; if some files went up before the refusal, re-run with `--skip-existing` (twine), "
                "`--check-url` (uv) or `skip-existing: true` (the action)"]
    if m and m.group(1).startswith("linux_"):
        return [f"`{m.group(1)}` is the tag of a wheel built on a plain Linux host: build the Linux wheels with "
                "cibuildwheel or in a manylinux image (or `auditwheel repair` them), or upload only the sdist; where "
                "manylinux wheels are built too, leave the plain `linux_*` wheels out of the files uploaded (a glob "
                "such as `*-manylinux*.whl`, with its dash, not `*manylinux*.whl`, or delete them from dist/ before the "
                "upload)"]
    if log_said.SAID_MISNAMED_WHEEL.search(text) and not log_said.SAID_PLATFORM.search(text):
        return ["the log says the upload failed at a misnamed (or mistagged) wheel: a wheel PyPI does not take went "
                "into the files uploaded (a test build's wheel, a plain `linux_*` wheel built outside manylinux, a "
                "renamed file); leave it out of the upload (upload only the cibuildwheel/manylinux wheels and the "
                "sdist), or build it under a tag PyPI takes; if files before it were uploaded, re-run with "
                "`skip-existing: true`"]
    if log_said.SAID_PLATFORM.search(text) and not re.search(r"\blinux\b|manylinux", text, re.I):
        return ["the log says PyPI refused a wheel's platform tag without naming it: PyPI takes Linux wheels only under "
                "a manylinux or musllinux tag (build them with cibuildwheel or in a manylinux image, or `auditwheel "
                "repair` them) and no WebAssembly wheels tagged `emscripten_*` or `pyodide_*` (leave those out of the "
                "upload); `verbose: true` or `twine upload --verbose` prints the refused tag"]
    if log_said.SAID_PLATFORM.search(text):  # a sentence tells of a refused platform tag without naming one
        return ["PyPI takes Linux wheels only under a manylinux or musllinux tag: build them with cibuildwheel or in a "
                "manylinux image (or `auditwheel repair` them), or upload only the sdist"]
    return []


ADVISORS: Dict[str, Advisor] = {
    "log-file-exists": _exists,
    "log-sdist-exists": _sdist,
    "log-local-version": _local,
    "log-name-not-allowed": _name,
    "log-direct-dependency": _direct,
    "log-invalid-distribution": _distribution_file,
    "log-description-invalid": _description,
    "log-metadata-unsupported": _metadata,
    "log-digest-mismatch": _digest,
    "log-sdist-filename": _sdist_filename,
    "log-attestation-missing": _attestation_missing,
    "log-attestation-exists": _attestation_exists,
    "log-invalid-attestations": _invalid_attestations,
    "log-unsupported-platform-tag": _platform_tag,
    "log-file-too-large": _too_large,
    "log-upload-form-refused": _upload_form,
}
