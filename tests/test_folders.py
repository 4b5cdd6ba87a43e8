"""Where a step's commands run (`cd`, `working-directory`, a checkout `path:`), which files of the
repository a `python -m` module reaches, and which projects a job's uploads come from."""
from __future__ import annotations

from pathlib import Path

import pytest

from codemods.follow.calls import located_commands, step_start, targets_in_script
from codemods.follow.installs import shell_sources
from codemods.project import repository, step_projects
from codemods.publishers.gh_action import attested_twice
from conftest import WORKFLOW, Repo


@pytest.mark.parametrize("script, folders", [
    ("cd python && twine upload dist/*", ["python"]),
    ("cd python\ncd ../rust\nmaturin publish", ["rust"]),
    ("(cd docs; make html)\ntwine upload dist/*", ["docs", None]),  # a subshell's cd ends with it
    ("if [ -d x ]; then cd x; fi\ntwine upload dist/*", [None]),  # conditional: a guess (see below)
    ("cd $PKG_DIR\ntwine upload dist/*", [None]),  # unknown: left where it was
    ("cd /home/runner/work/o/r/sub && tox -e release", ["sub"]),
    ("cd /tmp/build && twine upload dist/*", ["/"]),
    ("cd ./a/./b/ && twine upload", ["a/b"]),
])
def test_cd_moves_the_commands_after_it(script: str, folders: list) -> None:
    got = [folder for cmd, folder, _ in located_commands(script) if cmd.words[0].value not in ("[", "fi")]
    assert got[-len(folders):] == folders


@pytest.mark.parametrize("script, certain", [
    ("cd python\ntwine upload", True),
    ("cd \"$PKG\"\ntwine upload", False),
    ("if true; then cd x; fi\ntwine upload", False),
    ("(cd \"$PKG\"; make)\ntwine upload", True),  # the subshell's folder ended with it
    ("pushd a\npopd\ntwine upload", False),
])
def test_a_folder_that_cannot_be_read_is_a_guess(script: str, certain: bool) -> None:
    assert list(located_commands(script))[-1].certain is certain


def test_a_checkout_path_of_this_repository_is_its_root() -> None:
    job = {"steps": [{"uses": "actions/checkout@v4", "with": {"path": "main"}},
                     {"uses": "actions/checkout@v4", "with": {"repository": "python/typeshed", "path": "typeshed"}},
                     {"run": "cd main\npython -m pkg.upload", "working-directory": "main/sub"}]}
    wd, checkouts = step_start(job, job["steps"][2])
    assert (wd, checkouts) == ("sub", ("main",))
    assert [f for _, f, _ in located_commands("cd main\ntwine upload", None, checkouts)] == [None]
    assert [f for _, f, _ in located_commands("cd typeshed\ntwine upload", None, checkouts)] == ["typeshed"]


def test_installs_read_from_the_folder_they_run_in(tmp_path: Path) -> None:
    src = shell_sources("cd main\npip install -r requirements.txt\npip install -r main/dev.txt", tmp_path, ("main",))
    assert src.files == [tmp_path / "requirements.txt", tmp_path / "dev.txt"]
    src = shell_sources("cd python && pip install -e .[release]", tmp_path)
    assert src.extras == [(tmp_path / "python", ("release",))]


def test_a_module_run_with_python_m_reaches_the_modules_it_imports(tmp_path: Path) -> None:
    pkg = tmp_path / "tool"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "cli.py").write_text("from tool.upload import upload\nfrom . import helpers\nimport json\n")
    (pkg / "helpers.py").write_text("from .deep import x\n")
    (pkg / "deep.py").write_text("import subprocess\nsubprocess.run(['twine', 'upload', 'dist/*'])\n")
    (pkg / "upload.py").write_text("import subprocess\ndef upload():\n    subprocess.run(['twine', 'upload', 'x'])\n")
    (pkg / "unrelated.py").write_text("import subprocess\nsubprocess.run(['twine', 'upload', 'y'])\n")
    found = {t.path.name for t in targets_in_script("python -m tool.cli", tmp_path)}
    assert found == {"upload.py", "deep.py"}  # never unrelated.py: the module does not import it


@pytest.mark.parametrize("dirs, expected", [
    (["dist", "dist/"], True),  # TestPyPI then PyPI from one folder: the second call fails
    ([None, "./dist"], True),
    (["a/dist", "b/dist"], False),  # a monorepo's two packages
])
def test_a_second_publish_call_fails_only_on_files_already_attested(dirs: list, expected: bool) -> None:
    job = {"steps": [{"uses": "pypa/gh-action-pypi-publish@release/v1",
                      "with": {"packages-dir": d} if d else {}} for d in dirs]}
    assert attested_twice(job, [0, 1]) is expected
    job["steps"][0]["with"]["attestations"] = False
    assert attested_twice(job, [0, 1]) is False


@pytest.mark.parametrize("conditions, expected", [
    (("github.event_name == 'workflow_dispatch'", "github.event_name == 'release'"), False),  # falconry/falcon
    (("${{ github.event_name == 'push' }}", "github.event_name == 'push'"), True),
    (("github.event_name == 'push'", None), True),
    (("startsWith(github.ref, 'refs/tags/')", "github.event_name == 'release'"), True),  # may run together
])
def test_steps_for_different_events_never_attest_together(conditions: tuple, expected: bool) -> None:
    job = {"steps": [dict({"uses": "pypa/gh-action-pypi-publish@release/v1"}, **({"if": c} if c else {}))
                     for c in conditions]}
    assert attested_twice(job, [0, 1]) is expected


def test_a_job_uploading_from_two_project_folders_publishes_both(repo: Repo) -> None:
    for name in ("alpha", "beta"):
        repo.write(f"{name}/pyproject.toml", f'[project]\nname = "{name}-lib"\n'.encode())
    repo.write(WORKFLOW, b"""on: push
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: |
          cd alpha && python -m build && twine upload dist/*
        env:
          TWINE_PASSWORD: ${{ secrets.PYPI_TOKEN }}
      - run: cd beta && python -m build && twine upload dist/*
        env:
          TWINE_PASSWORD: ${{ secrets.PYPI_TOKEN }}
""")
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    assert "project `alpha-lib`" in out.stderr and "project `beta-lib`" in out.stderr
    doctor = repo.migrate("doctor")
    assert "project alpha-lib" in doctor.stdout and "project beta-lib" in doctor.stdout
    assert step_projects(repository(repo.root), {"steps": [{"run": "cd alpha && twine upload dist/*"}]}, [0]) == []



def test_the_doctor_registers_each_project_a_trusted_job_uploads(tmp_path: Path) -> None:
    case = Path(__file__).parent / "golden" / "two-projects-action-per-folder"
    repo = Repo(tmp_path / "repo")
    for path in (case / "repo").rglob("*"):
        if path.is_file():
            repo.write(path.relative_to(case / "repo").as_posix(), path.read_bytes())
    repo.write(WORKFLOW, (case / "input.yml").read_bytes())
    out = repo.migrate("doctor")
    assert "project playground-pypi-package-g" in out.stdout and "project playground-pypi-package-h" in out.stdout
    assert "action-called-twice" not in out.stdout


def _calls(*steps: dict) -> dict:
    return {"steps": [dict({"uses": "pypa/gh-action-pypi-publish@release/v1"}, **s) for s in steps]}


@pytest.mark.parametrize("first, second, expected", [
    # apache/paimon: an RC goes to TestPyPI, a final release to PyPI: never both in one run
    ("contains(github.ref_name, '-rc')", "${{ !contains(github.ref_name, '-rc') }}", False),
    ("${{contains( github.ref_name,'-rc' )}}", "! contains(github.ref_name, '-rc')", False),
    ("github.event.release.prerelease", "!github.event.release.prerelease", False),
    ("${{ !(inputs.test && github.ref == 'refs/heads/main') }}", "inputs.test && github.ref == 'refs/heads/main'",
     False),
    ("inputs.test && inputs.pypi", "!inputs.test && inputs.pypi", False),  # an operand of each: `a`, `!a`
    ("inputs.test || inputs.pypi", "!inputs.test", True),  # `!a` and `a || b` may both hold
    # scikit-learn/scikit-learn: one input picks the index
    ("${{ github.event.inputs.pypi_repo == 'testpypi' }}", "${{ github.event.inputs.pypi_repo == 'pypi' }}", False),
    ("github.event.inputs.pypi_repo == 'PyPI'", "github.event.inputs.pypi_repo == 'pypi'", True),  # case-insensitive
    ("contains(github.ref_name, '-rc')", "!contains(github.ref_name, '-RC')", True),  # another string
    ("contains(github.ref_name, '-rc')", None, True),
])
def test_steps_whose_conditions_exclude_each_other_never_attest_together(first, second, expected) -> None:
    job = _calls(*({"if": c} if c else {} for c in (first, second)))
    assert attested_twice(job, [0, 1]) is expected


def test_only_calls_that_make_attestations_count() -> None:
    """apache/paimon passes `password:` to both calls: with a token the action makes no attestations. A release
    before v1.11 makes none unless asked (v1.10), none before v1.10. to-oidc's warning reads the steps as it
    leaves them (`tokens_removed`, `attestations_off`)."""
    token = {"with": {"password": "${{ secrets.PYPI_API_TOKEN }}"}}
    assert attested_twice(_calls(token, token), [0, 1]) is False
    assert attested_twice(_calls(token, {}), [0, 1]) is False
    assert attested_twice(_calls(token, token), [0, 1], tokens_removed={0, 1}) is True
    assert attested_twice(_calls({}, {}), [0, 1], attestations_off={1}) is False
    for ref, asked, expected in (("v1.10.3", None, False), ("v1.10.3", "true", True), ("v1.9.0", "true", False),
                                 ("v1.11.0", None, True), ("release/v1.8", None, False)):
        step = {"uses": f"pypa/gh-action-pypi-publish@{ref}", "with": {"attestations": asked} if asked else {}}
        assert attested_twice({"steps": [step, dict(step)]}, [0, 1]) is expected, (ref, asked)


@pytest.mark.parametrize("script, expected", [
    ('find dist/ -name "*.publish.attestation" -delete', False),  # monocle2ai/monocle
    ("rm -f dist/*.publish.attestation", False),
    ("rm -f wheelhouse/*.publish.attestation", True),  # another folder
    ("ls dist/*.publish.attestation", True),  # nothing deleted
])
def test_attestation_files_deleted_between_the_calls_leave_nothing_to_fail_on(script: str, expected: bool) -> None:
    job = _calls({}, {})
    job["steps"].insert(1, {"run": script})
    assert attested_twice(job, [0, 2]) is expected


# livekit/python-sdks (stranger9b W4): the root is a uv workspace (`python-sdks`, never published) whose members are
# the packages; the publishing job downloads the artifact of a job that builds in a member folder.
_WORKSPACE = b'[project]\nname = "python-sdks"\n\n[tool.uv.workspace]\nmembers = ["livekit-api", "plugins/*"]\n'
_BUILD_IN_MEMBER = """on: push
env:
  PACKAGE_DIR: {folder}
jobs:
  build:
    runs-on: ubuntu-latest
    defaults:
      run:
        working-directory: ${{{{ env.PACKAGE_DIR }}}}
    steps:
      - uses: actions/checkout@v4
      - run: python -m build
      - uses: actions/upload-artifact@v4
        with:
          name: dist
          path: {artifact}
  publish:
    needs: build
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      - uses: actions/download-artifact@v4
        with:
          name: dist
          path: dist
      - uses: pypa/gh-action-pypi-publish@release/v1
"""


def _published(root: Path, workflow: str):
    from codemods.engine.document import load_data
    from codemods.project import Repository
    from codemods.published_projects import published_projects

    data = load_data(workflow)
    repo = Repository(root, "octo-org", "octo-repo", "python-sdks")
    return published_projects(repo, data["jobs"], "publish", [1], data.get("env"))


@pytest.mark.parametrize("folder, artifact, project", [
    ("./livekit-api", "dist/*", "livekit-api"),  # the folder from the workflow's `env:`
    ("${{ inputs.dir }}", "livekit-api/dist/*.whl", "livekit-api"),  # the folder from the artifact's path
    ("./livekit-api", "livekit-api/dist/*.whl", "livekit-api"),  # both, as livekit writes them
    ("./plugins/silero", "dist/*", "livekit-plugins-silero"),  # a member of a glob
])
def test_a_job_publishing_what_a_member_folder_built_publishes_the_member(tmp_path: Path, folder, artifact,
                                                                           project) -> None:
    (tmp_path / "pyproject.toml").write_bytes(_WORKSPACE)
    for member, name in (("livekit-api", "livekit-api"), ("plugins/silero", "livekit-plugins-silero")):
        (tmp_path / member).mkdir(parents=True)
        (tmp_path / member / "pyproject.toml").write_text(f'[project]\nname = "{name}"\n')
    found = _published(tmp_path, _BUILD_IN_MEMBER.format(folder=folder, artifact=artifact))
    assert (found.project, found.registered, found.unknown) == (project, [project], "")


@pytest.mark.parametrize("folder, artifact, why", [
    ("${{ inputs.dir }}", "${{ inputs.dir }}/dist/*", "the job builds in `${{ env.PACKAGE_DIR }}`, a folder the "
                                                      "workflow does not name"),
    ("./livekit-api", "dist/*", "the job builds in `livekit-api`, whose package name pubmode cannot read"),
])
def test_a_workspace_root_is_never_the_project_of_a_job_building_in_a_member(tmp_path: Path, folder, artifact,
                                                                             why) -> None:
    (tmp_path / "pyproject.toml").write_bytes(_WORKSPACE)
    (tmp_path / "livekit-api").mkdir()
    (tmp_path / "livekit-api" / "pyproject.toml").write_text('[project]\ndynamic = ["name"]\n')
    found = _published(tmp_path, _BUILD_IN_MEMBER.format(folder=folder, artifact=artifact))
    assert (found.project, found.registered) == (None, [None])
    assert found.unknown == f"{why}; the repository's root (`python-sdks`) is a uv workspace whose members are the " \
        "packages"


def test_the_doctor_leaves_a_member_it_cannot_name_to_the_user(repo: Repo) -> None:
    repo.write("pyproject.toml", _WORKSPACE)
    repo.write(WORKFLOW, _BUILD_IN_MEMBER.format(folder="${{ inputs.dir }}", artifact="${{ inputs.dir }}/dist/*")
               .encode())
    out = repo.migrate("doctor")
    assert "project python-sdks" not in out.stdout and "project <project name>" in out.stdout, out.stdout
    assert "a folder the workflow does not name" in out.stdout


def test_a_root_that_is_no_workspace_stays_the_project(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "python-sdks"\n')
    found = _published(tmp_path, _BUILD_IN_MEMBER.format(folder="${{ inputs.dir }}", artifact="dist/*"))
    assert found.project == "python-sdks"


# scikit-hep/awkward (stranger12b W2): the environment's URL is the author's word on the project the job publishes
_URL_JOB = """on: push
jobs:
  publish:
    runs-on: ubuntu-latest
    environment:
      name: pypi
      url: "{url}"
    permissions:
      id-token: write
    steps:
      - run: python -m build
      - uses: pypa/gh-action-pypi-publish@release/v1
"""


@pytest.mark.parametrize("url, root, project, said", [
    ("https://pypi.org/project/awkward-cpp/", None, "awkward-cpp", "the project its environment URL names"),
    ("https://test.pypi.org/p/awkward-cpp", None, "awkward-cpp", "the project its environment URL names"),
    ("https://pypi.org/project/awkward-cpp/", "awkward", "awkward-cpp", "reads its build as `awkward`"),
    ("https://pypi.org/p/Awkward_CPP", "awkward-cpp", "awkward-cpp", None),  # PEP 503: the same project
    ("https://pypi.org/p/${{ env.NAME }}", "awkward", "awkward", None),  # an expression: not read
])
def test_the_environment_url_names_the_project(tmp_path: Path, url, root, project, said) -> None:
    from codemods.engine.document import load_data
    from codemods.project import Repository
    from codemods.published_projects import published_projects

    data = load_data(_URL_JOB.format(url=url))
    found = published_projects(Repository(tmp_path, "o", "r", root), data["jobs"], "publish", [1])
    assert (found.project, found.registered) == (project, [project])
    assert any(said in n for n in found.notes) if said else not found.notes, found.notes


# pypa/setuptools-scm (stranger12b W1): a workspace root PyPI would refuse (a local version) is never the project,
# even where pubmode cannot follow the artifact to the member that built it
_PRIVATE_ROOT = b'[project]\nname = "vcs-versioning.workspace"\nversion = "0.1+private"\n\n' \
    b'[tool.uv.workspace]\nmembers = ["vcs-versioning", "setuptools-scm"]\n'
_ARTIFACT_OF = """on: push
jobs:
  package:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        package: {packages}
    steps:
      - uses: hynek/build-and-inspect-python-package@v2
        with:
          path: ${{{{ matrix.package }}}}
          upload-name-suffix: -${{{{ matrix.package }}}}
  publish:
    needs: [package]
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@v4
        with:
          name: Packages-setuptools-scm
          path: dist
      - uses: pypa/gh-action-pypi-publish@release/v1
"""


@pytest.mark.parametrize("packages, project", [
    ("[vcs-versioning, setuptools-scm]", "setuptools-scm"),
    ("${{ fromJSON(needs.x.outputs.packages) }}", None),
])
def test_a_workspace_root_pypi_refuses_is_never_the_project(tmp_path: Path, packages, project) -> None:
    from codemods.engine.document import load_data
    from codemods.project import Repository
    from codemods.published_projects import published_projects

    (tmp_path / "pyproject.toml").write_bytes(_PRIVATE_ROOT)
    for member in ("vcs-versioning", "setuptools-scm"):
        (tmp_path / member).mkdir()
        (tmp_path / member / "pyproject.toml").write_text(f'[project]\nname = "{member}"\n')
    data = load_data(_ARTIFACT_OF.format(packages=packages))
    found = published_projects(Repository(tmp_path, "o", "r", "vcs-versioning.workspace"), data["jobs"], "publish",
                               [1])
    assert (found.project, found.registered) == (project, [project])
    if project is None:
        assert "`0.1+private` is a local version, which PyPI refuses" in found.unknown


def test_two_jobs_needing_one_publisher_are_registered_once(repo: Repo) -> None:
    repo.write("pyproject.toml", b'[project]\nname = "pkg"\n')
    job = "    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n    steps:\n" \
          "      - uses: pypa/gh-action-pypi-publish@release/v1\n"
    repo.write(WORKFLOW, ("on: push\njobs:\n  one:\n" + job + "  two:\n" + job).encode())
    out = repo.migrate("doctor")
    assert out.stdout.count("register on PyPI:") == 1, out.stdout
