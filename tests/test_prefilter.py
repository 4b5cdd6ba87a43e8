"""The pre-filter (codemods/prefilter.py) skips only files the full reading reports as "unchanged: no step
publishes to PyPI": on every corpus workflow and generated CI workflow the result is the same with and
without it; files that publish through a followed file, an escaped name or a credential are never skipped.
The start-up side: `--help` and a dry run of a workflow that needs neither import deepdiff or libcst."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codemods.migrate import NOTHING_TO_DO, TO_OIDC, TO_TOKEN, Options
from codemods.prefilter import cannot_publish
from codemods.report import _file_lines
from codemods.runner import migrate_file

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "github"
sys.path.insert(0, str(ROOT / "benchmarks"))
from ci_workflows import ci_workflow  # noqa: E402


def _results(path: Path, monkeypatch) -> list:
    out = []
    for direction in (TO_OIDC, TO_TOKEN):
        for off in ("", "1"):
            monkeypatch.setenv("PUBMODE_NO_PREFILTER", off) if off else monkeypatch.delenv("PUBMODE_NO_PREFILTER",
                                                                                           raising=False)
            r = migrate_file(path, Options(direction))
            out.append((direction, off, _file_lines(r, Options(direction), False), r.new_text, r.error,
                        [c.new_text for c in r.companions]))
    return out


def _same_with_and_without(path: Path, monkeypatch) -> None:
    results = _results(path, monkeypatch)
    for on, off in zip(results[::2], results[1::2]):
        assert on[2:] == off[2:], (path.name, on, off)


def test_corpus_and_ci_workflows_give_the_same_results_with_and_without_the_filter(repo, monkeypatch) -> None:
    folder = repo.root / ".github" / "workflows"
    files = [repo.write(f".github/workflows/ci-{i}.yml", ci_workflow(i, seed=7).encode()) for i in range(60)]
    if CORPUS.is_dir():
        for p in sorted(CORPUS.glob("*.y*ml")):
            shutil.copyfile(p, folder / p.name)
            files.append(folder / p.name)
    skipped = sum(cannot_publish(p.read_text(encoding="utf-8", errors="replace"), repo.root) for p in files)
    assert skipped >= 30  # the filter does skip the CI workflows (else this proves nothing)
    for p in files:
        _same_with_and_without(p, monkeypatch)


RUNS_FOLLOWED = {
    "tox -e release": ("tox.ini", "[testenv:release]\npassenv = TWINE_PASSWORD\ncommands = twine upload dist/*\n"),
    "make release": ("Makefile", "release:\n\ttwine upload dist/*\n"),
    "./scripts/release.sh": ("scripts/release.sh", "#!/bin/sh\ntwine upload dist/*\n"),
    "bash scripts/release.sh": ("scripts/release.sh", "#!/bin/bash\ntwine upload dist/*\n"),
    "python tools/release.py": ("tools/release.py", "import subprocess\nsubprocess.run(['twine', 'upload', 'dist/*'])\n"),
    "nox -s release": ("noxfile.py", "import nox\n@nox.session\ndef release(session):\n    session.run('twine', 'upload', 'dist/*')\n"),
}
STEP = """name: Release
on:
  release:
    types: [published]
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: {run}
"""


@pytest.mark.parametrize("run", sorted(RUNS_FOLLOWED))
def test_a_step_running_a_file_that_uploads_is_never_skipped(repo, monkeypatch, run: str) -> None:
    name, text = RUNS_FOLLOWED[run]
    repo.write(name, text.encode())
    path = repo.write(".github/workflows/release.yml", STEP.format(run=run).encode())
    assert not cannot_publish(path.read_text(), repo.root)
    _same_with_and_without(path, monkeypatch)
    assert any(NOTHING_TO_DO not in "\n".join(r[2]) for r in _results(path, monkeypatch))


@pytest.mark.parametrize("text", [
    STEP.format(run='"\\x74wine upload dist/*"'),  # escapes in a double-quoted scalar: read decoded
    STEP.format(run="tw'i'ne up\"load\" dist/*"),  # shell quotes inside a word
    STEP.format(run="echo hi").replace("      - run", "      - uses: some/action@v1\n        with:\n"
                                       "          pass: ${{ secrets.PYPI_API_TOKEN }}\n      - run"),
    STEP.format(run="echo hi").replace("    steps:", "    permissions:\n      id-token: write\n    steps:"),
    "jobs:\n  a:\n    runs-on: x\n    steps:\n      - {uses: \"PyPA/gh-action-pypi-publish@release/v1\"}\n",
])
def test_upload_markers_anywhere_keep_a_file_from_being_skipped(tmp_path: Path, text: str) -> None:
    assert not cannot_publish(text, tmp_path)


@pytest.mark.parametrize("text", [
    "jobs: [a]\n",  # not a workflow: the full reading reports it
    "jobs:\n  a:\n    steps: x\n",
    "on: push\njobs:\n  a: {runs-on: x\n",  # invalid YAML
    "a: 1\n---\nb: 2\n",
    "jobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |#\n          echo hi\n",  # refused by the pure parser
    "jobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\r  hi\n",
])
def test_what_the_full_reading_refuses_is_not_skipped(tmp_path: Path, text: str) -> None:
    assert not cannot_publish(text, tmp_path)


def test_a_ci_workflow_is_skipped(tmp_path: Path) -> None:
    assert cannot_publish(STEP.format(run="pytest -q").replace("release:\n    types: [published]", "push:"), tmp_path)


ARTIFACTS = STEP.replace("release:\n    types: [published]", "push:") + """\
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: reports
      - uses: Actions/Upload-Pages-Artifact@v3
"""


def test_artifact_actions_and_always_are_no_markers(repo, monkeypatch) -> None:
    """A CI workflow's `actions/upload-artifact` and `if: always()` hold "upload" and uv's `always`: the
    file is still skipped, with the full reading's result."""
    path = repo.write(".github/workflows/ci.yml", ARTIFACTS.format(run="pytest -q").encode())
    assert cannot_publish(path.read_text(), repo.root)
    _same_with_and_without(path, monkeypatch)


@pytest.mark.parametrize("run", ["twine upload dist/*", "uv publish --trusted-publishing always", "upload",
                                 "python setup.py sdist upload", "gh release upload v1 dist/*"])
def test_an_upload_beside_the_artifact_actions_is_never_skipped(repo, monkeypatch, run: str) -> None:
    path = repo.write(".github/workflows/release.yml", ARTIFACTS.format(run=run).encode())
    assert not cannot_publish(path.read_text(), repo.root)
    _same_with_and_without(path, monkeypatch)


def _imported(args, cwd: Path) -> dict:
    code = ("import sys, json; sys.argv = ['migrate'] + json.loads(sys.argv[1]); import cli\n"
            "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('deepdiff', 'libcst', 'pydantic', 'rich', 'tomllib', 'configparser'))), file=sys.stderr)")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code, json.dumps(args)], cwd=cwd, capture_output=True, text=True,
                          env=env)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_help_and_a_plain_dry_run_import_neither_deepdiff_nor_libcst(repo) -> None:
    path = repo.write(".github/workflows/release.yml", (ROOT / "examples" / "single-job" / ".github" / "workflows" /
                                                         "release.yml").read_bytes())
    for args in (["--help"], ["to-oidc", "--dry-run", str(path)], ["to-oidc", "--check", str(path)]):
        mods = _imported(args, repo.root)
        assert not {m for m in mods if m.split(".")[0] in ("deepdiff", "libcst", "tomllib", "configparser")}, (args, mods)


def test_jobs_give_the_same_output_in_the_same_order(repo) -> None:
    for i in range(12):
        repo.write(f".github/workflows/ci-{i:02d}.yml", ci_workflow(i, seed=3).encode())
    repo.write(".github/workflows/release.yml", (ROOT / "examples" / "single-job" / ".github" / "workflows" /
                                                 "release.yml").read_bytes())
    for command in (["to-oidc", "--check", "--format", "json"], ["to-token", "--dry-run"], ["doctor", "--format", "json"]):
        one, two = repo.migrate(*command), repo.migrate(*command, "--jobs", "2")
        assert (one.code, one.stdout, one.stderr) == (two.code, two.stdout, two.stderr), command
    assert repo.migrate("to-oidc", "--jobs", "-1").code == 2


def test_the_lower_case_marker_search_finds_what_the_case_insensitive_one_does() -> None:
    """On ASCII text `_marked` searches the lower-cased text with a lower-case pattern: every marker, in
    any case, inside other text, and random ASCII text give the answer of markers() with re.I."""
    import random
    import re

    from codemods.prefilter import NOT_MARKERS, _marked, lower_markers, markers

    assert lower_markers() is not None
    words = [w.replace("\\", "") for w in markers().pattern.split("|")]
    rnd = random.Random(15)
    texts = []
    for w in words:
        texts += [w, w.upper(), "".join(c.upper() if rnd.random() < 0.5 else c for c in w), f"x{w}y", f"run: {w.title()}"]
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-./ \n'\"${}"
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 80))) for _ in range(3000)]
    texts += ["TWINE_PASSWORD", "Poetry_PyPI_Token_PyPI", "uses: PyPA/GH-Action-PyPI-Publish@v1", "secrets.MY_PYPI"]
    for text in texts:
        expected = markers().search(NOT_MARKERS.sub(" ", text)) is not None
        assert _marked(text) == expected, text
    assert _marked("\u017fetup.py")  # not ASCII: re.I itself, to which the long s is an `s` (not to lower())
    assert re.search("s", "\u017f", re.I) and "\u017f".lower() != "s"


FLOW = ["[a:b]", "{a:b}", "[a?b]", "[?x]", '{ "a":b }', "[a: b]", "[ , ]", '["a":b]', '[a, "b":c]', '["a" :b]',
        "['a':]", "['3.10', '3.13':]", '{"a":1}', "['a':1]", "{a: 1, a: 2}", "{[a]: b}", "!!str 1", "! a", "!!int 1",
        "!custom x", "a\u2028b", "a\x85b", "'a'b", "[a]#c", "-1", "0o17", "1e3", "~", "", "null", "true", "<<", "=",
        "{a: b}: c", "[- a]", "x\n...\n", "x\n---\ny: 1"]


def _agrees(ours, pure, where="$") -> None:
    """The pre-filter's data is ruamel.yaml's: mappings, keys, lists and scalars of the same types."""
    if isinstance(pure, dict):
        assert isinstance(ours, dict) and list(ours) == list(pure), (where, ours, pure)
        for k in pure:
            _agrees(ours[k], pure[k], f"{where}.{k}")
    elif isinstance(pure, list):
        assert isinstance(ours, list) and len(ours) == len(pure), (where, ours, pure)
        for i, (a, b) in enumerate(zip(ours, pure)):
            _agrees(a, b, f"{where}[{i}]")
    else:  # strings, and the scalars ruamel.yaml made for both
        assert type(ours) is type(pure) and repr(ours) == repr(pure), (where, ours, pure)


def _texts():
    import random

    sys.path.insert(0, str(ROOT / "tests"))
    from test_fuzz import mutate

    corpus = sorted(CORPUS.glob("*.y*ml")) if CORPUS.is_dir() else []
    base = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo hi\n        with:\n          k: {}\n"
    yield from (base.replace("{}", v) for v in FLOW)
    yield from (p.read_text(encoding="utf-8", errors="replace") for p in corpus)
    rnd = random.Random(1512)
    for n in range(int(os.environ.get("PUBMODE_FUZZ_CASES", "400"))):
        data = rnd.choice(corpus).read_bytes() if corpus and n % 2 else ci_workflow(n).encode()
        for _ in range(rnd.randint(0, 4)):
            data = mutate(data, rnd)
        yield data.decode("utf-8", errors="replace")


def test_the_pyyaml_reading_is_ruamel_yamls_wherever_it_is_used() -> None:
    """The pre-filter reads with PyYAML's libyaml composer (codemods/prefilter.py `_composed_data`): on
    every text it does not refuse, ruamel.yaml's pure parser (the full reading) accepts the text and
    reads the same data; flow collections where libyaml 0.2 and the pure parser part ways, tags,
    directives, duplicate keys and scalars ruamel.yaml refuses are refused."""
    from ruamel.yaml import YAML

    from codemods.engine.document import Document, fast_path_agrees
    from codemods.prefilter import REFUSED, _composed_data, _pyyaml_composer

    if _pyyaml_composer() is None:
        pytest.skip("PyYAML without its C extension: the pre-filter reads with ruamel.yaml")
    used = 0
    for text in _texts():
        if not fast_path_agrees(text):
            continue
        ours = _composed_data(text)
        if ours is REFUSED:
            continue
        used += 1
        pure = YAML(typ="safe", pure=True).load(text)  # a refusal here fails the test
        if isinstance(pure, dict):
            Document(text)
        _agrees(ours, pure)
    assert used >= 100, used
