"""Failures of a general shape (codemods/doctor/generic_failures.py): read only where no known text of PyPI or an
uploader is in the log, only at the lines where the log fails, named from the log's own words.
The real logs of these classes are tests/logs/generic-*.log (test_logs.py checks their causes)."""
from __future__ import annotations

from codemods.doctor.logs import read


def _first(text: str):
    found = read(text).findings
    return (found[0].pattern.id, found[0].message, found[0].fix or found[0].pattern.fix) if found else None


def test_a_module_missing_names_the_module_and_who_imports_it() -> None:
    rid, message, fix = _first(
        "Run python scripts/release.py\nTraceback (most recent call last):\n"
        "  File \"/home/runner/work/w/w/scripts/release.py\", line 4, in <module>\n    import toml\n"
        "ModuleNotFoundError: No module named 'toml'\nError: Process completed with exit code 1.\n")
    assert rid == "log-module-missing"
    assert "`toml`, imported by `release.py`" in message and "`[build-system] requires`" in fix
    # `python -m X` for a module not installed
    rid, message, _ = _first("/opt/hostedtoolcache/Python/3.11.4/x64/bin/python: No module named bumpversion\n")
    assert rid == "log-module-missing" and "`bumpversion`" in message
    # a dotted name whose package is installed: a release that dropped the module, told with the importer to move
    rid, message, fix = _first(
        "Traceback (most recent call last):\n  File \"/usr/lib/python3.11/site-packages/poetry_dynamic_versioning/"
        "patch.py\", line 9, in <module>\n    from poetry.core.semver import Version\n"
        "ModuleNotFoundError: No module named 'poetry.core.semver'\n")
    assert rid == "log-module-missing" and "no longer has" in message
    assert "`poetry_dynamic_versioning`" in message and fix.startswith("If `poetry` is installed, pin it")


def test_an_installed_package_without_the_name_its_importer_expects() -> None:
    rid, message, fix = _first(
        "  File \"/opt/venv/lib/python3.10/site-packages/jinja2/filters.py\", line 13, in <module>\n"
        "    from markupsafe import soft_unicode\n"
        "ImportError: cannot import name 'soft_unicode' from 'markupsafe' "
        "(/opt/venv/lib/python3.10/site-packages/markupsafe/__init__.py)\n")
    assert rid == "log-import-mismatch"
    assert message.startswith("`markupsafe` has no `soft_unicode` (imported by the installed package `jinja2`)")
    assert "Pin `markupsafe`" in fix and "upgrade the installed package `jinja2`" in fix
    # guard: a name missing from a module of the project's own (a circular import, a typo): no release to pin
    assert _first("ImportError: cannot import name 'helper' from 'octo_widget'\n") is None
    assert _first("ImportError: cannot import name 'x' from partially initialized module 'octo' (most likely due to "
                  "a circular import) (/home/runner/work/octo/octo/octo/__init__.py)\n") is None


def test_a_program_not_installed_and_a_file_not_there() -> None:
    assert _first("/home/runner/work/_temp/1f0.sh: line 3: bump-my-version: command not found\n"
                  "Error: Process completed with exit code 127.\n")[:2] == (
        "log-program-missing", "The program `bump-my-version` is not installed (or not on PATH) where the step runs")
    assert _first("'nmake' is not recognized as an internal or external command,\noperable program or batch file.\n"
                  )[0] == "log-program-missing"
    assert _first("/bin/sh: 1: gpg: not found\n")[0] == "log-program-missing"
    assert _first("error: command '/usr/bin/swig' failed: No such file or directory\n")[1].startswith(
        "The program `swig`")
    rid, message, fix = _first("Traceback (most recent call last):\n  File \"/tmp/pip-req-build-x/setup.py\", line 8, "
                               "in <module>\n    with open('requirements.txt') as f:\n"
                               "FileNotFoundError: [Errno 2] No such file or directory: 'requirements.txt'\n")
    assert rid == "log-file-missing" and "`requirements.txt` (in `setup.py`)" in message
    assert "MANIFEST.in `include requirements.txt`" in fix


def test_git_versions_requirements_variables_and_resources() -> None:
    assert _first("LookupError: setuptools-scm was unable to detect version for /home/runner/work/p/p.\n\nMake sure "
                  "you're either building from a fully intact git repository or PyPI tarballs.\n")[0] == "log-git-version"
    assert "`fetch-depth: 0`" in _first("fatal: No names found, cannot describe anything.\n")[2]
    rid, message, _ = _first("ERROR: Ignored the following versions that require a different python version: 2.0 "
                             "Requires-Python >=3.9\nERROR: Could not find a version that satisfies the requirement "
                             "octo-tool==2.0 (from versions: 1.0, 1.1)\nERROR: No matching distribution found for "
                             "octo-tool==2.0\n")
    assert rid == "log-requirement-unavailable"
    assert message == ("No release of `octo-tool==2.0` fits what the step installs (found: 1.0, 1.1); some releases "
                       "require another Python than the job's")
    assert _first("Error: Input required and not supplied: password\n")[1].startswith(
        "The action's required input `password` was not given")
    assert _first("    token = os.environ[\"PYPI_TOKEN\"]\n  File \"/usr/lib/python3.10/os.py\", line 680, in "
                  "__getitem__\n    raise KeyError(key) from None\nKeyError: 'PYPI_TOKEN'\n")[1] == (
        "The step reads the environment variable `PYPI_TOKEN`, which is not set in it")
    assert _first("Traceback (most recent call last):\n  File \"release.py\", line 3, in <module>\n"
                  "    print(config['VERSION'])\nKeyError: 'VERSION'\n") is None  # some mapping's key, not the environment
    assert _first("OSError: [Errno 28] No space left on device\n")[0] == "log-runner-resources"
    assert _first("UnicodeDecodeError: 'charmap' codec can't decode byte 0x9d in position 2146: character maps to "
                  "<undefined>\n")[0] == "log-text-encoding"


def test_syntax_and_a_failed_command() -> None:
    rid, message, _ = _first("  File \"setup.py\", line 21\n    print(f\"{name}\")\n                  ^\n"
                             "SyntaxError: invalid syntax\n")
    assert (rid, message) == ("log-python-syntax", "Python could not parse `setup.py`: `SyntaxError: invalid syntax`")
    # guard: another language's SyntaxError
    assert _first("SyntaxError: Unexpected token } in JSON at position 12\n") is None
    assert _first("error: command 'gcc' failed with exit status 1\n")[1] == (
        "`gcc`, run by the step, failed (exit 1); its own error is in the lines above")


def test_only_where_the_log_fails_and_never_before_a_known_text() -> None:
    # a known text wins: the generic shape is not read beside it
    found = read("/bin/sh: 1: gpg: not found\nHTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\n"
                 "Invalid or non-existent authentication information.\n").findings
    assert [f.pattern.id for f in found] == ["log-token-rejected"]
    # a missing module far above the failure, among ordinary output, is not where the log fails
    text = ("Traceback (most recent call last):\nModuleNotFoundError: No module named 'colorama'\n" +
            "".join(f"building file {i}\n" for i in range(60)) +
            "OSError: [Errno 28] No space left on device\n")
    assert _first(text)[0] == "log-runner-resources"
    # nothing of a known shape: still not recognised, with its last error lines
    scan = read("Something odd happened\nError: Process completed with exit code 3.\n")
    assert scan.findings == [] and scan.last_errors


def test_the_report_carries_the_logs_own_words_in_every_format(repo) -> None:
    import json

    log = repo.write("run.log", b"Run make package\npoetry build\nmake: poetry: No such file or directory\n"
                                b"make: *** [Makefile:22: package] Error 127\nError: Process completed with exit code 2.\n")
    out = repo.migrate("doctor", "--log", str(log))
    assert out.code == 1 and "error[log-program-missing]" in out.stdout
    assert "The program `poetry` is not installed (or not on PATH) where the step runs" in out.stdout
    assert "this is not an all-clear" not in out.stdout
    found = json.loads(repo.migrate("doctor", "--log", str(log), "--format", "json").stdout)["log"]
    assert found["recognised"] and found["findings"][0]["message"].startswith("The program `poetry`")
    assert "Install `poetry` in an earlier step" in found["findings"][0]["fix"]
    annotations = repo.migrate("doctor", "--log", str(log), "--format", "github").stdout
    assert "title=log-program-missing::The program `poetry`" in annotations
    assert repo.migrate("explain", "log-program-missing").stdout.startswith("log-program-missing")


def test_python_2s_standard_modules_are_no_package_to_install() -> None:
    # round 47 (BLIND-ROUND47.md): "install the package that provides `urlparse`" was a wrong claim
    rid, message, fix = _first(
        "  File \"/opt/venv/lib/python3.6/site-packages/octolib/compat.py\", line 8, in <module>\n"
        "    from urlparse import urljoin\nModuleNotFoundError: No module named 'urlparse'\n")
    assert rid == "log-module-missing" and "Python 2's standard module (Python 3 has `urllib.parse`)" in message
    assert fix.startswith("Pin the installed package `octolib`") and "no package to install provides" in fix
    # and the modules Python 3.12 and 3.13 removed, and setuptools' own
    assert "Python 3.12 removed `distutils`" in _first("ModuleNotFoundError: No module named 'distutils'\n")[1]
    assert "Python 3.13 removed `cgi`" in _first("ModuleNotFoundError: No module named 'cgi'\n")[1]
    assert "setuptools is not installed" in _first("ModuleNotFoundError: No module named 'pkg_resources'\n")[1]
