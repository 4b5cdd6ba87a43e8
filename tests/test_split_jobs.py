"""`migrate to-oidc --split-jobs` beyond the golden cases: pins, where the files are, conditions,
refusals, names that are taken, and the doctor after a split."""
from __future__ import annotations

from pathlib import Path

import pytest

from codemods.engine.document import Document
from codemods.split_jobs import build_output
from conftest import WORKFLOW, Repo

GOLDEN = Path(__file__).parent / "golden"
SPLIT_CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "args.to-oidc").is_file()
                     and "--split-jobs" in (p / "args.to-oidc").read_text().split())

JOB = """on:
  push:
    tags: ["v*"]
jobs:
  release:
    runs-on: {runs_on}
    steps:
      - uses: actions/checkout@v4
{steps}"""

UPLOAD = """      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{ secrets.PYPI_API_TOKEN }}
"""


def split(repo: Repo, text: str, *args: str):
    repo.write("pyproject.toml", b'[project]\nname = "octo-widget"\n')
    repo.write(WORKFLOW, text.encode())
    out = repo.migrate("to-oidc", "--split-jobs", *args)
    return out, repo.read().decode()


@pytest.mark.parametrize("name", SPLIT_CASES)
def test_doctor_is_clean_after_a_split(name: str, tmp_path: Path) -> None:
    repo = Repo(tmp_path / "r")
    repo.write(WORKFLOW, (GOLDEN / name / "to-oidc.yml").read_bytes())
    if (GOLDEN / name / "pyproject.toml").is_file():
        repo.write("pyproject.toml", (GOLDEN / name / "pyproject.toml").read_bytes())
    out = repo.migrate("doctor")
    assert out.code == 0, out.stdout


def test_without_the_flag_a_build_and_publish_job_is_converted_in_place(repo: Repo) -> None:
    repo.write(WORKFLOW, JOB.format(runs_on="ubuntu-latest", steps="      - run: python -m build\n" + UPLOAD).encode())
    out = repo.migrate("to-oidc")
    assert out.code == 0 and "upload-artifact" not in repo.read().decode()


def test_sha_pins_are_reused_with_their_comment_and_never_invented(repo: Repo) -> None:
    sha = "ea165f8d65b6e75b540449e92b4886f43607fa02"
    text = JOB.format(runs_on="macos-latest", steps=(
        "      - run: python -m build\n"
        f"      - uses: actions/upload-artifact@{sha} # v4.6.2\n"
        "        with: {name: logs, path: logs/}\n" + UPLOAD))
    out, new = split(repo, text)
    assert out.code == 0, out.stderr
    assert new.count(f"actions/upload-artifact@{sha} # v4.6.2") == 2  # the new step, as the file writes the pin
    assert "actions/download-artifact@v6" in new
    assert "no pin of `actions/download-artifact`" in out.stderr
    assert "no pin of `actions/upload-artifact`" not in out.stderr


def test_a_file_without_sha_pins_reuses_its_own_artifact_tags(repo: Repo) -> None:
    text = JOB.format(runs_on="windows-latest", steps=(
        "      - run: python -m build\n"
        "      - uses: actions/upload-artifact@v4\n"
        "        with: {name: logs, path: logs/}\n" + UPLOAD))
    out, new = split(repo, text)
    assert out.code == 0, out.stderr
    assert "uses: actions/upload-artifact@v4\n        with:\n          name: dist" in new
    assert "pin it by hand" not in out.stderr


def test_taken_names_are_avoided(repo: Repo) -> None:
    text = JOB.format(runs_on="ubuntu-latest", steps=(
        "      - run: python -m build\n"
        "      - uses: actions/upload-artifact@v4\n"
        "        with: {name: dist-docs, path: docs/}\n" + UPLOAD)) + (
        "  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo other\n")
    out, new = split(repo, text)
    assert out.code == 0, out.stderr
    assert "  publish-to-pypi:\n" in new and "name: python-dist\n" in new


@pytest.mark.parametrize("build, expected", [
    ("python -m build -o out/", "out/"),
    ("python -m build --outdir=wheels", "wheels/"),
    ("python3 -m build pkg", "pkg/dist/"),
    ("uv build --out-dir target/dist", "target/dist/"),
    ("maturin build --release -o wheels", "wheels/"),
    ("maturin build --release", "target/wheels/"),
    ("poetry build", "dist/"),
    ("hatch build", "dist/"),
    ("flit build", "dist/"),
    ("pipx run cibuildwheel --output-dir wh", "wh/"),
    ("cibuildwheel", "wheelhouse/"),
    ("python setup.py sdist bdist_wheel", "dist/"),
    ("pip wheel --no-deps -w ./dist .", "./dist/"),
    ("echo no build", None),
])
def test_where_the_build_writes(build: str, expected) -> None:
    doc = Document(JOB.format(runs_on="ubuntu-latest", steps=f"      - run: {build}\n" + UPLOAD))
    assert build_output(doc, "release", 2) == expected


def test_maturin_action_out_and_working_directory() -> None:
    doc = Document(JOB.format(runs_on="ubuntu-latest", steps=(
        "      - uses: PyO3/maturin-action@v1\n        with:\n          args: --release --out dist\n"
        "          working-directory: crates/py\n" + UPLOAD)))
    assert build_output(doc, "release", 2) == "crates/py/dist/"


def test_the_artifact_path_comes_from_the_build_when_the_upload_names_none(repo: Repo) -> None:
    out, new = split(repo, JOB.format(runs_on="macos-latest", steps="      - run: uv build --out-dir out\n" + UPLOAD))
    assert out.code == 0, out.stderr
    assert "path: out/" in new


def test_a_matrix_only_condition_goes_to_the_artifact_step(repo: Repo) -> None:
    text = JOB.format(runs_on="${{ matrix.os }}", steps="      - run: python -m build\n" + UPLOAD.replace(
        "      - uses: pypa", "      - if: matrix.os == 'ubuntu-latest'\n        uses: pypa"))
    text = text.replace("    runs-on:", "    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-latest]\n    runs-on:")
    out, new = split(repo, text)
    assert out.code == 0, out.stderr
    assert "      - if: matrix.os == 'ubuntu-latest'\n        uses: actions/upload-artifact" in new
    publish = new[new.index("  publish:"):]
    assert "if:" not in publish and "pattern: dist-*" in publish


@pytest.mark.parametrize("steps, why", [
    ("      - run: python -m build\n" + UPLOAD + "      - run: gh release create\n", "runs after the upload"),
    ("      - run: python -m build\n      - id: v\n        run: echo ok\n"
     + UPLOAD.replace("      - uses: pypa", "      - if: steps.v.outputs.ok\n        uses: pypa"),
     "a job of its own cannot test"),
    ("      - run: |\n          python -m build\n          twine upload dist/*\n          echo done\n"
     "        env:\n          TWINE_PASSWORD: ${{ secrets.T }}\n", "commands run after the upload"),
    ("      - run: python -m build\n      - run: twine upload --sign dist/*\n"
     "        env:\n          TWINE_PASSWORD: ${{ secrets.T }}\n", "no equivalent for `--sign`"),
])
def test_refusals_leave_the_file_alone(repo: Repo, steps: str, why: str) -> None:
    text = JOB.format(runs_on="macos-latest", steps=steps)
    out, new = split(repo, text)
    assert new == text
    assert "not split [--split-jobs]" in out.stderr and why in out.stderr


def test_build_and_upload_chained_on_one_line(repo: Repo) -> None:
    text = JOB.format(runs_on="ubuntu-latest", steps=(
        "      - run: python -m build && python -m twine upload --skip-existing dist/*\n"
        "        env:\n          TWINE_PASSWORD: ${{ secrets.T }}\n"))
    out, new = split(repo, text)
    assert out.code == 0, out.stderr
    assert "      - run: python -m build\n      - uses: actions/upload-artifact@v5" in new
    assert "skip-existing: true" in new and "TWINE_PASSWORD" not in new


@pytest.mark.parametrize("enter, path", [("cd pkg && ", "pkg/dist/"), ("cd \"$PKG\" && ", None)])
def test_an_upload_after_cd_hands_on_that_folder(repo: Repo, enter: str, path) -> None:
    text = JOB.format(runs_on="ubuntu-latest", steps=(
        f"      - run: {enter}python -m build && python -m twine upload dist/*\n"
        "        env:\n          TWINE_PASSWORD: ${{ secrets.T }}\n"))
    out, new = split(repo, text)
    if path is None:
        assert new == text and "a folder pubmode cannot read" in out.stderr
    else:
        assert out.code == 0, out.stderr
        assert f"path: {path}" in new


def test_to_token_after_a_split_keeps_it(repo: Repo) -> None:
    split(repo, JOB.format(runs_on="windows-latest", steps="      - run: python -m build\n" + UPLOAD))
    split_text = repo.read().decode()
    out = repo.migrate("to-token")
    new = repo.read().decode()
    assert out.code == 0
    assert "actions/upload-artifact" in new and "actions/download-artifact" in new
    assert "password: ${{ secrets.PYPI_API_TOKEN }}" in new[new.index("  publish:"):]
    assert "id-token" not in new and "id-token" in split_text


def test_a_moved_action_step_keeps_its_sha_and_comment(repo: Repo) -> None:
    pin = "pypa/gh-action-pypi-publish@76f52bc884231f62b9a034ebfe128415bbaabdfc   # v1.12.4"
    text = JOB.format(runs_on="ubuntu-latest", steps="      - run: python -m build\n"
                      + UPLOAD.replace("pypa/gh-action-pypi-publish@release/v1", pin))
    out, new = split(repo, text)
    assert out.code == 0, out.stderr
    assert "      - uses: " + pin + "\n" in new[new.index("  publish:"):]


RELEASE_JOB = """  github-release:
    needs: {needs}
    runs-on: ubuntu-latest
    steps:
      - run: gh release create "$GITHUB_REF_NAME"
"""


@pytest.mark.parametrize("needs, expected", [
    ("release", "needs: [release, publish]"),
    ("[release]", "needs: [release, publish]"),
    ("[checks, release,]", "needs: [checks, release, publish,]"),
    ("\n      - checks\n      - release", "      - checks\n      - release\n      - publish\n"),
    ("\n      [\n        checks,\n        release,\n      ]", "        release,\n        publish,\n      ]"),
])
def test_a_job_that_waited_for_the_upload_now_waits_for_the_publishing_job(repo: Repo, needs: str, expected: str) -> None:
    text = JOB.format(runs_on="macos-latest", steps="      - run: python -m build\n" + UPLOAD)
    text += "  checks:\n    runs-on: ubuntu-latest\n    steps:\n      - run: 'true'\n" + RELEASE_JOB.format(needs=needs)
    out, new = split(repo, text)
    assert out.code == 0, out.stderr
    assert expected in new
    assert "job `github-release` needs `release`, which no longer uploads: it now needs `publish` too" in out.stderr


def test_a_conditional_upload_leaves_the_waiting_job_alone_and_says_so(repo: Repo) -> None:
    steps = "      - run: python -m build\n" + UPLOAD.replace(
        "      - uses: pypa", "      - if: startsWith(github.ref, 'refs/tags/')\n        uses: pypa")
    text = JOB.format(runs_on="ubuntu-latest", steps=steps) + RELEASE_JOB.format(needs="release")
    out, new = split(repo, text)
    assert out.code == 0, out.stderr
    assert "    needs: release\n" in new
    assert "would skip `github-release` whenever the upload is skipped" in out.stderr


def test_the_waiting_job_needs_only_the_last_publishing_job(repo: Repo) -> None:
    steps = "      - run: python -m build\n" + UPLOAD.replace(
        "      - uses: pypa", "      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n"
        "          repository-url: https://test.pypi.org/legacy/\n          password: ${{ secrets.TEST }}\n"
        "      - uses: pypa")
    out, new = split(repo, JOB.format(runs_on="ubuntu-latest", steps=steps) + RELEASE_JOB.format(needs="[release]"))
    assert out.code == 0, out.stderr
    assert "needs: [release, publish]" in new and "publish-to-testpypi" in new


@pytest.mark.parametrize("finding", ["build-in-publish-job", "unsupported-runner", "log-container-linux"])
def test_explain_shows_the_split_made_by_the_real_transformation(repo: Repo, finding: str) -> None:
    from codemods.doctor.docs import split_example

    out = repo.migrate("explain", finding)
    assert out.code == 0, out.stderr
    before, after = split_example(finding)
    assert "With `migrate to-oidc --split-jobs`, this workflow:" in out.stdout
    assert "\n".join("    " + ln for ln in after.rstrip().splitlines()) in out.stdout
    assert "actions/upload-artifact" in after and "actions/download-artifact" in after
    publish = after[after.index("  publish:"):]
    assert "runs-on: ubuntu-latest" in publish and "id-token: write" in publish
    # the after is what the doctor calls clean, and `to-oidc --split-jobs` has nothing more to do on it
    repo.write(WORKFLOW, after.encode())
    assert repo.migrate("doctor").code == 0
    assert repo.migrate("to-oidc", "--split-jobs").code == 0 and repo.read().decode() == after


def test_explain_shows_no_split_for_other_findings(repo: Repo) -> None:
    assert "--split-jobs`, this workflow" not in repo.migrate("explain", "token-and-id-token").stdout


@pytest.mark.parametrize("args, expected, inputs, folder", [
    ("--skip-existing -m python/Cargo.toml --no-sdist ${{ env.F }}",
     "--release --strip --out dist -m python/Cargo.toml ${{ env.F }}", {"skip-existing": True}, "dist/"),
    ("-u __token__ -p $T --debug -o out", "--strip --sdist -o out", {}, "out/"),
    ("", "--release --strip --sdist --out dist", {}, "dist/"),
])
def test_maturin_publish_flags_become_build_flags(args: str, expected: str, inputs: dict, folder: str) -> None:
    from codemods.publishers.maturin_action import args_words
    from codemods.split_jobs import maturin_build_args

    assert maturin_build_args(args_words(args), args) == (expected, inputs, folder)


@pytest.mark.parametrize("script, env, build, files, skip_existing", [
    # pdm publish builds with `pdm build` (its -d/--dest, -p/--project and hook options kept), then uploads
    ("pdm publish --username __token__ --password $PYPI_TOKEN", "PYPI_TOKEN", "pdm build", "dist/", False),
    ("pdm publish -u __token__ -P ${{ secrets.PYPI_TOKEN }} --skip-existing -d out", None, "pdm build -d out", "out/",
     True),
    ("pdm publish --dest=wheels --skip pre_build --pass $T", "T", "pdm build --dest=wheels --skip pre_build",
     "wheels/", False),
    ("pdm publish -p pkg", "PDM_PUBLISH_PASSWORD", "pdm build -p pkg", "pkg/dist/", False),
    # maturin publish builds what publish built (release profile, stripped, an sdist) into one folder
    ("maturin publish --skip-existing -m py/Cargo.toml -u __token__", "MATURIN_PYPI_TOKEN",
     "maturin build --release --strip --sdist --out dist -m py/Cargo.toml", "dist/", True),
    ("cd py && pipx run maturin publish --no-sdist -i python3.12 --features x -o wh", "MATURIN_PASSWORD",
     "cd py && pipx run maturin build --release --strip -i python3.12 --features x -o wh", "py/wh/", False),
])
def test_an_upload_that_builds_first_keeps_its_build(repo: Repo, script: str, env, build: str, files: str,
                                                     skip_existing: bool) -> None:
    step = f"      - run: {script}\n" + (f"        env:\n          {env}: ${{{{ secrets.PYPI_TOKEN }}}}\n" if env else "")
    out, new = split(repo, JOB.format(runs_on="macos-latest", steps=step))
    assert out.code == 0, out.stderr
    assert f"      - run: {build}\n      - uses: actions/upload-artifact@v5\n" in new
    assert f"path: {files}\n" in new
    assert "secrets." not in new and "id-token: write" in new[new.index("  publish:"):]
    assert ("skip-existing: true" in new) == skip_existing
    assert "publish` built and uploaded; it now builds into" in out.stderr


def test_a_multi_line_maturin_publish_keeps_its_lines(repo: Repo) -> None:
    step = ("      - run: |\n          maturin publish \\\n            --interpreter python3.9 \\\n"
            "            --username __token__ \\\n            --password \"$MATURIN_PASSWORD\" \\\n"
            "            --no-sdist\n        env:\n          MATURIN_PASSWORD: ${{ secrets.PYPI }}\n")
    out, new = split(repo, JOB.format(runs_on="macos-latest", steps=step))
    assert out.code == 0, out.stderr
    # the lines of the upload's options go, and the line before them no longer continues
    assert ("          maturin build --release --strip --out dist \\\n            --interpreter python3.9\n"
            "      - uses: actions/upload-artifact") in new


def test_pdm_publish_no_build_splits_like_twine(repo: Repo) -> None:
    steps = ("      - run: pdm build -d out\n      - run: pdm publish --no-build -d out --skip-existing\n"
             "        env:\n          PDM_PUBLISH_PASSWORD: ${{ secrets.PYPI_TOKEN }}\n")
    out, new = split(repo, JOB.format(runs_on="ubuntu-latest", steps=steps))
    assert out.code == 0, out.stderr
    assert "      - run: pdm build -d out\n      - uses: actions/upload-artifact@v5\n" in new
    assert "path: out/" in new and "skip-existing: true" in new and "pdm publish" not in new


@pytest.mark.parametrize("script, why", [
    ("pdm publish --sign", "no equivalent for `--sign`"),
    ("pdm publish --ca-certs ca.pem", "no equivalent for `--ca-certs`"),
    ("maturin publish && echo done", "commands run after the upload"),
])
def test_an_upload_that_builds_first_refuses_what_it_cannot_split(repo: Repo, script: str, why: str) -> None:
    var = "PDM_PUBLISH_PASSWORD" if script.startswith("pdm") else "MATURIN_PYPI_TOKEN"
    text = JOB.format(runs_on="macos-latest", steps=f"      - run: {script}\n        env:\n          {var}: ${{{{ secrets.T }}}}\n")
    out, new = split(repo, text)
    assert new == text
    assert "not split [--split-jobs]" in out.stderr and why in out.stderr


@pytest.mark.parametrize("command, flagged", [("pdm publish", True), ("maturin publish", True),
                                              ("pdm publish --no-build", False)])
def test_the_doctor_counts_an_upload_that_builds_first_as_a_build(repo: Repo, command: str, flagged: bool) -> None:
    repo.write(WORKFLOW, f"""on: push
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - run: {command}
""".encode())
    assert ("build-in-publish-job" in repo.migrate("doctor").stdout) is flagged


@pytest.mark.parametrize("step, flagged", [
    ("- uses: PyO3/maturin-action@v1\n        with:\n          command: build", True),
    ("- uses: pypa/cibuildwheel@v2.21", True),
    ("- run: flit publish", True),
    ("- uses: PyO3/maturin-action@v1\n        with:\n          command: upload", False),
])
def test_the_doctor_and_split_jobs_read_builds_alike(repo: Repo, step: str, flagged: bool) -> None:
    # one reading of what builds (codemods/builds.py): the doctor missed the build actions --split-jobs knew
    repo.write(WORKFLOW, f"""on: push
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      {step}
      - uses: pypa/gh-action-pypi-publish@release/v1
""".encode())
    assert ("build-in-publish-job" in repo.migrate("doctor", "--exit-zero").stdout) is flagged


def test_a_credential_in_the_jobs_env_is_removed_and_said(repo: Repo) -> None:
    """The env removals outside the upload step go with the split, and the report says them."""
    text = JOB.format(runs_on="macos-latest", steps=(
        "      - run: python -m build\n"
        "      - run: twine upload dist/*\n")).replace(
        "    runs-on: macos-latest\n",
        "    runs-on: macos-latest\n    env:\n      TWINE_USERNAME: __token__\n"
        "      TWINE_PASSWORD: ${{ secrets.PYPI_TOKEN }}\n")
    out, new = split(repo, text)
    assert out.code == 0, out.stdout
    assert "TWINE_PASSWORD" not in new and "id-token: write" in new
    assert "(twine): removed `TWINE_PASSWORD`, `TWINE_USERNAME` from the `env:` of job `release`" in out.stderr


NOXFILE = b'''import nox


@nox.session
def tests(session):
    session.run("pytest")


@nox.session(default=False, python="3.12")
def build(session):
    package = session.posargs[0]
    _clean(session)
    session.run("uv", "build", "--package", package)


def _clean(session):
    session.run("rm", "-rf", "dist")
'''
MAKEFILE = b"docs:\n\tmkdocs build\n\ndist:\n\tpython -m build\n"


@pytest.mark.parametrize("run, flagged", [
    ("nox -s build -- pgscatalog.core", "noxfile.py's `build` session"),  # PGScatalog/pygscatalog publish.yml
    ("nox -s tests", None),  # a session that does not build
    ("make dist", "Makefile's `dist` target"),
    ("make docs", None),  # `mkdocs build` is no distribution build
])
def test_the_doctor_reads_a_build_in_a_file_the_publishing_job_runs(repo: Repo, run: str, flagged) -> None:
    repo.write("noxfile.py", NOXFILE)
    repo.write("Makefile", MAKEFILE)
    repo.write(WORKFLOW, f"""on: push
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      - run: {run}
      - uses: pypa/gh-action-pypi-publish@release/v1
""".encode())
    out = repo.migrate("doctor", "--exit-zero").stdout
    assert ("build-in-publish-job" in out) is bool(flagged), out
    if flagged:
        assert f"(the build runs in {flagged})" in out and "--split-jobs" not in out, out


INSTALL_THEN_UPLOAD = """      - run: {install}
      - run: python -m build
      - name: Publish
        env:
          TWINE_PASSWORD: ${{{{ secrets.PYPI_API_TOKEN }}}}
        run: |
{publish}
"""


@pytest.mark.parametrize("install, publish, gone, kept", [
    # zeromq/pyzmq: the step installed twine and uploaded; another step installing twine alone goes too
    ("python -m pip install twine", "          pip install twine\n          twine upload dist/*",
     ["install twine"], []),
    ("pip install build twine", "          twine upload dist/*",  # only the word goes
     ["build twine"], ["pip install build\n"]),
    ("pip install twine", "          twine check dist/*\n          twine upload dist/*",  # still used
     [], ["pip install twine", "twine check dist/*"]),
    ("pip install build", '          if [ -n "$X" ]; then\n            pipx install twine\n          fi\n'
     "          twine upload dist/*",  # under a condition: an `if` body left empty is a syntax error
     [], ["pipx install twine"]),
    ("pip install build", "          pip install twine && echo ok\n          twine upload dist/*",  # shares its line
     [], ["pip install twine && echo ok"]),
])
def test_an_install_that_only_served_the_moved_upload_goes(repo: Repo, install: str, publish: str, gone: list,
                                                           kept: list) -> None:
    out, text = split(repo, JOB.format(runs_on="ubuntu-latest", steps=INSTALL_THEN_UPLOAD.format(
        install=install, publish=publish)))
    assert out.code == 0, out.stderr
    assert "pypa/gh-action-pypi-publish" in text and "twine upload" not in text
    build_job = text.split("\n  publish")[0]
    for piece in gone:
        assert piece not in build_job, build_job
    for piece in kept:
        assert piece in build_job, build_job
    assert ("it installed twine only for the upload that moved" in out.stderr) == bool(gone)
