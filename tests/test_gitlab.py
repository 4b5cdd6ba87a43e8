"""GitLab CI/CD beyond the golden cases: the remote forms, hosts PyPI does not accept, discovery,
bad input (one line, exit 2, the file untouched) and the lazy import of the GitLab modules."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from codemods.gitlab.remote import parse_gitlab_remote
from test_golden_gitlab import GitLabRepo

PIPELINE = ".gitlab-ci.yml"
TOKEN_PIPELINE = b"""publish:
  image: python:3.12
  variables:
    TWINE_USERNAME: __token__
    TWINE_PASSWORD: $PYPI_API_TOKEN
  script:
    - twine upload dist/*
"""


@pytest.mark.parametrize("url, expected", [
    ("https://gitlab.com/group/project.git", ("gitlab.com", "group", "project")),
    ("https://gitlab.com/group/sub/project", ("gitlab.com", "group/sub", "project")),
    ("https://user:secret@gitlab.com/group/project.git/", ("gitlab.com", "group", "project")),
    ("git@gitlab.com:group/sub/project.git", ("gitlab.com", "group/sub", "project")),
    ("ssh://git@gitlab.com:22/group/project.git", ("gitlab.com", "group", "project")),
    ("ssh://git@altssh.gitlab.com:443/group/project.git", ("gitlab.com", "group", "project")),
    ("git@gitlab.example.org:team/project.git", ("gitlab.example.org", "team", "project")),
])
def test_remote_forms(url: str, expected: tuple) -> None:
    assert parse_gitlab_remote(url) == expected


def test_local_remote_is_none() -> None:
    assert parse_gitlab_remote("/srv/git/project.git") is None


def test_placeholders_without_a_remote(tmp_path: Path) -> None:
    repo = GitLabRepo(tmp_path / "r", remote="")
    repo.write(PIPELINE, TOKEN_PIPELINE)
    out = repo.migrate("to-oidc", "--dry-run", PIPELINE)
    assert out.code == 0
    assert "namespace: <namespace>   project: <project>   top-level pipeline file: .gitlab-ci.yml" in out.stderr
    assert repo.read(PIPELINE) == TOKEN_PIPELINE


SELF_MANAGED = "https://gitlab.kitware.com/computer-vision/kwimage_ext.git"


def test_self_managed_host_is_refused_and_keeps_its_token(tmp_path: Path) -> None:
    """A pipeline of a self-managed GitLab (kwimage_ext on gitlab.kitware.com) keeps its token: PyPI takes
    gitlab.com's OIDC tokens only (an onboarded instance of a PyPI organisation aside), so a conversion
    would break the next release; the refusal says why and names the opt-in."""
    repo = GitLabRepo(tmp_path / "r", remote=SELF_MANAGED)
    repo.write(PIPELINE, TOKEN_PIPELINE)
    out = repo.migrate("to-oidc", "--format", "json", PIPELINE)
    assert out.code == 0, out.stderr
    assert repo.read(PIPELINE) == TOKEN_PIPELINE
    assert ".gitlab-ci.yml: unchanged: job `publish` not converted: this repository's `origin` is on " \
        "gitlab.kitware.com, a self-managed GitLab" in out.stderr
    assert "--self-managed-gitlab" in out.stderr and "revoke" not in out.stderr
    report = json.loads(out.stdout)
    assert report["next_steps"]["register"] == [] and report["next_steps"]["revoke_secrets"] == []
    assert report["files"][0]["refusals"][0]["finding"] == "gitlab-self-managed-token"
    assert repo.migrate("to-oidc", "--check", PIPELINE).code == 0


def test_self_managed_doctor_says_what_migrate_says(tmp_path: Path) -> None:
    """The doctor does not send a self-managed pipeline to `to-oidc`: its finding is a note whose fix is
    `to-oidc`'s refusal, word for word (and the doctor exits 0 on it)."""
    repo = GitLabRepo(tmp_path / "r", remote=SELF_MANAGED)
    repo.write(PIPELINE, TOKEN_PIPELINE)
    refusal = repo.migrate("to-oidc", "--dry-run", PIPELINE).stderr.split("not converted: ", 1)[1].split("\n")[0]
    doctor = repo.migrate("doctor", "--format", "json", PIPELINE)
    assert doctor.code == 0, doctor.stdout
    findings = json.loads(doctor.stdout)["files"][0]["findings"]
    assert [f["id"] for f in findings] == ["gitlab-self-managed-token"]
    assert findings[0]["fix"] == refusal[:1].upper() + refusal[1:] + "."
    assert "gitlab-token-publishing" not in doctor.stdout and "Run `migrate to-oidc`" not in doctor.stdout


def test_self_managed_host_converts_when_asked(tmp_path: Path) -> None:
    """`--self-managed-gitlab`: the user says PyPI has onboarded the instance; the pipeline converts, the
    publisher is printed with a warning, and the doctor then warns that only an onboarded instance works."""
    repo = GitLabRepo(tmp_path / "r", remote=SELF_MANAGED)
    repo.write(PIPELINE, TOKEN_PIPELINE)
    out = repo.migrate("to-oidc", "--self-managed-gitlab", PIPELINE)
    assert out.code == 0 and b"id_tokens" in repo.read(PIPELINE)
    assert "converted because of `--self-managed-gitlab`" in out.stderr
    assert "namespace: computer-vision   project: kwimage_ext   top-level pipeline file: .gitlab-ci.yml" in out.stderr
    doctor = repo.migrate("doctor", PIPELINE)
    assert doctor.code == 1 and "warning[gitlab-self-managed-trusted]" in doctor.stdout
    assert "0 errors, 1 warning" in doctor.stdout


def test_self_managed_flag_changes_nothing_on_gitlab_com(tmp_path: Path) -> None:
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, TOKEN_PIPELINE)
    plain = repo.migrate("to-oidc", "--dry-run", PIPELINE)
    flagged = repo.migrate("to-oidc", "--dry-run", "--self-managed-gitlab", PIPELINE)
    assert (plain.stdout, plain.stderr) == (flagged.stdout, flagged.stderr)


def test_json_report_names_the_provider(tmp_path: Path) -> None:
    import jsonschema

    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, TOKEN_PIPELINE)
    out = repo.migrate("to-oidc", "--dry-run", "--format", "json", PIPELINE)
    report = json.loads(out.stdout)
    schema = json.loads((Path(__file__).parents[1] / "docs" / "report.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(report)
    reg = report["next_steps"]["register"][0]
    assert (reg["provider"], reg["owner"], reg["repository"], reg["workflow"]) == \
        ("gitlab", "octo-group/sub", "octo-project", ".gitlab-ci.yml")


def test_no_path_finds_both_platforms(tmp_path: Path) -> None:
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, TOKEN_PIPELINE)
    workflow = (Path(__file__).parents[1] / "examples" / "single-job" / ".github" / "workflows" / "release.yml")
    repo.write(".github/workflows/release.yml", workflow.read_bytes())
    out = repo.migrate("to-oidc", "--check")
    assert out.code == 1
    assert ".github/workflows/release.yml: converted" in out.stderr and ".gitlab-ci.yml: converted" in out.stderr
    assert repo.read(PIPELINE) == TOKEN_PIPELINE


@pytest.mark.parametrize("text, line", [
    (b"publish:\n  script: [twine upload dist/*\n", 3),
    (b"publish:\n  script: !include other.yml\n", 2),
    (b"- just\n- a list\n", 1),
    (b"spec: {}\n---\na: 1\n---\nb: 2\n", 5),
    (b"publish:\n  variables:\n    RELEASED: 2024-02-30\n  script: [twine upload dist/*]\n", 3),  # not a date
])
def test_bad_input_is_one_line_and_untouched(tmp_path: Path, text: bytes, line: int) -> None:
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, text)
    for command in ("to-oidc", "to-token", "doctor"):
        out = repo.migrate(command, PIPELINE)
        assert out.code == 2, (command, out.stdout, out.stderr)
        errors = [x for x in (out.stderr + out.stdout).splitlines() if x.startswith("error:")]
        assert len(errors) == 1 and errors[0].startswith(f"error: {PIPELINE}:{line}:"), errors
        assert "Traceback" not in out.stderr
        assert repo.read(PIPELINE) == text


def test_gitlab_modules_are_imported_only_for_gitlab_files(tmp_path: Path) -> None:
    code = ("import sys, cli, codemods.runner, codemods.doctor.diagnose; "
            "print(sorted(m for m in sys.modules if m.startswith('codemods.gitlab.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parents[1])
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "markdown"])
def test_doctor_formats(tmp_path: Path, fmt: str) -> None:
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, TOKEN_PIPELINE)
    out = repo.migrate("doctor", "--format", fmt, PIPELINE)
    assert out.code == 1, out.stdout
    assert "gitlab-token-publishing" in out.stdout


def test_doctor_wrong_audience(tmp_path: Path) -> None:
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, b"publish:\n  id_tokens:\n    PYPI_ID_TOKEN:\n      aud: https://gitlab.com\n"
                         b"  script:\n    - twine upload dist/*\n")
    out = repo.migrate("doctor", PIPELINE)
    assert "error[gitlab-id-tokens-audience] .gitlab-ci.yml:3:" in out.stdout
    fixed = repo.migrate("to-oidc", PIPELINE)
    assert fixed.code == 0 and b"aud: pypi" in repo.read(PIPELINE)
    assert "[gitlab-" not in repo.migrate("doctor", PIPELINE).stdout


def test_explain_gitlab_findings() -> None:
    from codemods.doctor import docs

    for finding in ("gitlab-token-publishing", "gitlab-id-tokens-audience", "gitlab-token-and-id-tokens"):
        assert "id_tokens" in docs.explain(finding)


def test_doctor_log_names_the_cause_in_the_pipeline(tmp_path: Path) -> None:
    """pypi/warehouse#19565: the log says twine found no TESTPYPI_ID_TOKEN; the pipeline says why (the
    TestPyPI token is declared as PYPI_ID_TOKEN), with no GitHub advice (`id-token: write`) beside it."""
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, (Path(__file__).parent / "golden-gitlab" / "id-tokens-testpypi-misnamed" / "input.yml").read_bytes())
    log = (Path(__file__).parent / "logs" / "gitlab-testpypi-id-token-name.log").read_bytes()
    repo.write("run.log", log)
    for args in (("--log", "run.log"), ("--log", "run.log", PIPELINE)):  # no path: the pipeline is still read
        out = repo.migrate("doctor", *args)
        assert "error[gitlab-id-tokens-name] .gitlab-ci.yml:6:" in out.stdout, out.stdout
        assert "the pipeline explains it: .gitlab-ci.yml:6:" in out.stdout and "rename the entry to `TESTPYPI_ID_TOKEN`" in out.stdout
        assert "log-id-token-unset" not in out.stdout and "id-token: write" not in out.stdout


def test_a_repository_folder_is_its_pipeline(tmp_path: Path) -> None:
    """`migrate to-oidc .` reads .gitlab-ci.yml (which reads what it includes), not every YAML file below."""
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, b"include: ci/release.yml\n")
    repo.write("ci/release.yml", TOKEN_PIPELINE)
    repo.write("mkdocs.yml", b"site_name: x\n")
    out = repo.migrate("to-oidc", "--dry-run", ".")
    assert out.code == 0, out.stderr
    assert "1 file would change, 0 unchanged" in out.stderr and "error" not in out.stderr


def test_an_included_file_named_beside_its_pipeline_is_changed_once_with_it(tmp_path: Path) -> None:
    """Naming .gitlab-ci.yml and a file it includes planned that file twice: as the pipeline's companion
    and on its own, as a GitHub workflow ("not a workflow"), whose error then refused the pipeline too."""
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, b"include: ci/release.yml\n")
    repo.write("ci/release.yml", TOKEN_PIPELINE)
    out = repo.migrate("to-oidc", PIPELINE, "ci/release.yml")
    assert out.code == 0, out.stderr
    assert "1 file changed, 0 unchanged" in out.stderr and "error" not in out.stderr
    assert b"id_tokens" in repo.read("ci/release.yml") and b"PYPI_API_TOKEN" not in repo.read("ci/release.yml")


def test_an_included_file_named_alone_says_which_pipeline_to_run_on(tmp_path: Path) -> None:
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, b"include:\n  - local: ci/release.yml\n")
    repo.write("ci/release.yml", TOKEN_PIPELINE)
    out = repo.migrate("to-oidc", "ci/release.yml")
    assert out.code == 2 and repo.read("ci/release.yml") == TOKEN_PIPELINE
    assert "error: ci/release.yml: a file the GitLab pipeline .gitlab-ci.yml includes, read and changed as a part of " \
           "it: run pubmode on .gitlab-ci.yml" in out.stderr, out.stderr


@pytest.mark.parametrize("image, python", [
    ("python:3.7-slim-buster", (3, 7)),
    ("cimg/python:3.8", (3, 8)),
    ("containers.ligo.org/lscsoft/bilby/v2-bilby-python310", (3, 10)),  # a stranger-run image (bilby)
    ("quay.io/bilbydev/bilby_pipe-test-suite-python37", (3, 7)),  # (bilby_pipe): refused as too old
    ("ghcr.io/astral-sh/uv:python3.12-bookworm", (3, 12)),
    ("python:3-bookworm", None),
    ("debian:11.4-slim", None),
])
def test_python_of_an_image(image: str, python) -> None:
    from codemods.gitlab.document import GitLabDocument
    from codemods.gitlab.pipeline import read_jobs
    from codemods.gitlab.plan import _python_image

    doc = GitLabDocument(f"publish:\n  image: {image}\n  script: twine upload dist/*\n")
    found = _python_image(doc, read_jobs(doc)[0])
    assert (found[0] if found else None) == python


def test_a_top_level_token_stays_while_a_refused_job_reads_it(tmp_path: Path) -> None:
    """Found by the fuzzer: an included job refused for another reason still inherits the top-level token,
    so the job beside it is not converted either (the token must stay set for it); before, the token went
    and the second run converted the included job: not idempotent."""
    from codemods.gitlab import migrate_gitlab_text
    from codemods.migrate import TO_OIDC, Options

    root = ("include: ci/inc.yml\nvariables:\n  TWINE_USERNAME: __token__\n  TWINE_PASSWORD: $PYPI_API_TOKEN\n"
            "release:\n  extends: .publish\n  stage: deploy\n.publish:\n  image: python:3.12\n  script:\n"
            "    - twine upload dist/*\n")
    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "inc.yml").write_text("publish_pypi:\n  image: python:3.11\n  extends:\n"
                                              "    TWINE_PASSWORD: $PYPI_API_TOKEN\n  script:\n"
                                              "    - twine upload dist/*\n")
    plan, new = migrate_gitlab_text(root, Options(TO_OIDC), tmp_path, tmp_path / ".gitlab-ci.yml")
    assert new == root and not plan.companions
    assert any("`publish_pypi` not converted" in s for s in plan.skipped)
    assert any("`release` not converted" in s and "also read by job `publish_pypi`" in s for s in plan.skipped)


# ---- the environment (G1): as on GitHub, the publishing job gets one, and the publisher names it -----
def test_environment_option_is_honoured(tmp_path: Path) -> None:
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, TOKEN_PIPELINE)
    out = repo.migrate("to-oidc", "--environment", "release", PIPELINE)
    assert out.code == 0
    assert b"  environment: release\n  id_tokens:" in repo.read(PIPELINE)
    assert "environment: release (GitLab compares it case-sensitively)" in out.stderr
    back = repo.migrate("to-token", PIPELINE)
    assert back.code == 0 and b"environment: release" in repo.read(PIPELINE), "to-token keeps the environment"


def test_no_environment_adds_none(tmp_path: Path) -> None:
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, TOKEN_PIPELINE)
    out = repo.migrate("to-oidc", "--no-environment", PIPELINE)
    assert out.code == 0 and b"environment" not in repo.read(PIPELINE)
    assert "environment: (any)" in out.stderr and "no environment added (--no-environment)" in out.stderr


@pytest.mark.parametrize("pipeline, name", [
    (b".deploy:\n  environment: {name: PyPI-Release, url: https://pypi.org/p/x}\npublish:\n  extends: .deploy\n"
     b"  image: python:3.12\n  script:\n    - twine upload -p $PYPI_TOKEN dist/*\n", "PyPI-Release"),
    (b".deploy: &d\n  environment: production\npublish:\n  <<: *d\n  image: python:3.12\n"
     b"  script:\n    - twine upload -p $PYPI_TOKEN dist/*\n", "production"),
    (b"publish:\n  image: python:3.12\n  environment:\n    name: pypi-$CI_COMMIT_REF_SLUG\n"
     b"  script:\n    - twine upload -p $PYPI_TOKEN dist/*\n", "pypi-$CI_COMMIT_REF_SLUG"),
])
def test_an_environment_the_job_has_is_kept_and_named(tmp_path: Path, pipeline: bytes, name: str) -> None:
    """A job that has an environment (from a template it extends, a merge key, its own mapping) keeps it:
    a job-level one would replace it; the publisher names it."""
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, pipeline)
    out = repo.migrate("to-oidc", PIPELINE)
    assert out.code == 0
    assert repo.read(PIPELINE).count(b"environment") == 1
    assert f"environment: {name} (GitLab compares it case-sensitively)" in out.stderr


def test_testpypi_job_gets_testpypi(tmp_path: Path) -> None:
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, b"publish:\n  image: python:3.12\n  script:\n"
                         b"    - twine upload -r testpypi -p $TEST_PYPI_TOKEN dist/*\n")
    out = repo.migrate("to-oidc", PIPELINE)
    assert b"  environment: testpypi\n" in repo.read(PIPELINE), out.stderr


# ---- the token's own copies in the job (W4): gone with the options, and the right CI/CD variables named --------
def _oidc(tmp_path: Path, pipeline: bytes, *args: str):
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, pipeline)
    out = repo.migrate("to-oidc", *args, PIPELINE)
    assert out.code == 0, out.stderr
    return repo.read(PIPELINE).decode(), out.stderr


def test_indirect_token_is_not_named_as_a_cicd_variable(tmp_path: Path) -> None:
    """kwimage_ext: `TWINE_PASSWORD=${!VARNAME_TWINE_PASSWORD}` copies a CI/CD variable whose name is known only
    at run time; `TWINE_PASSWORD` is the script's own variable, not one of the project's settings."""
    new, report = _oidc(tmp_path, b"""deploy:
  image: python:3.13
  script:
  - |-
    source dev/secrets_configuration.sh
    TWINE_PASSWORD=${!VARNAME_TWINE_PASSWORD}
    TWINE_USERNAME=${!VARNAME_TWINE_USERNAME}
    twine upload --username $TWINE_USERNAME --password $TWINE_PASSWORD dist/* || echo "exists"
""")
    assert "TWINE_PASSWORD=" not in new and "TWINE_USERNAME=" not in new and "source dev/secrets" in new
    assert "removed `TWINE_PASSWORD=…` (line 6): nothing reads it once the credentials are gone" in report
    assert "delete the CI/CD variables no longer used" not in report
    assert "took its token through `TWINE_PASSWORD=${!VARNAME_TWINE_PASSWORD}` (line 6) and " \
        "`TWINE_USERNAME=${!VARNAME_TWINE_USERNAME}` (line 7) (a CI/CD variable named at run time), which pubmode " \
        "could not resolve: find the CI/CD variables that held it" in report


def test_copy_of_a_cicd_variable_leads_to_it(tmp_path: Path) -> None:
    """`X=$Y` leads to Y; the copy goes, and Y is the CI/CD variable to delete and revoke."""
    new, report = _oidc(tmp_path, b"""variables:
  PYPI_TOKEN: ""  # a default; the project's settings hold the token
publish:
  image: python:3.12
  script:
    - api_token=${PYPI_TOKEN}
    - export OTHER=1
    - twine upload -u __token__ -p "$api_token" dist/*
""")
    assert "api_token" not in new and "export OTHER=1" in new
    assert "removed `api_token=…` (line 6)" in report
    assert "delete the CI/CD variable no longer used (PYPI_TOKEN)" in report


def test_copy_in_the_job_variables_leads_to_its_source(tmp_path: Path) -> None:
    new, report = _oidc(tmp_path, b"""publish:
  image: python:3.12
  variables:
    PASS: ${PYPI_SECRET}
    KEEP: "1"
  script:
    - twine upload -p $PASS dist/*
""")
    assert "PASS" not in new and "KEEP" in new
    assert "removed `PASS` from the job's `variables:`" in report
    assert "delete the CI/CD variable no longer used (PYPI_SECRET)" in report


def test_exported_credential_in_the_script_is_a_token(tmp_path: Path) -> None:
    """`export TWINE_PASSWORD=…` hands twine a password: the job publishes with a token (doctor) and the
    export goes with the conversion."""
    pipeline = b"""publish:
  image: python:3.12
  script:
    - export TWINE_USERNAME=__token__
    - export TWINE_PASSWORD="$PYPI_TOKEN"
    - twine upload dist/*
"""
    repo = GitLabRepo(tmp_path / "d")
    repo.write(PIPELINE, pipeline)
    assert "job `publish`: token" in repo.migrate("doctor", PIPELINE).stdout
    new, report = _oidc(tmp_path, pipeline)
    assert "export" not in new and "id_tokens" in new
    assert "removed `export TWINE_PASSWORD=…` (line 5): the uploader would read it" in report
    assert "delete the CI/CD variable no longer used (PYPI_TOKEN)" in report
    # still read elsewhere: the job keeps it all
    repo = GitLabRepo(tmp_path / "still-read")
    pipeline = pipeline.replace(b"    - twine upload", b"    - test -n \"$TWINE_PASSWORD\"\n    - twine upload")
    repo.write(PIPELINE, pipeline)
    out = repo.migrate("to-oidc", PIPELINE)
    assert repo.read(PIPELINE) == pipeline and "not converted" in out.stderr and "`TWINE_PASSWORD`" in out.stderr


def test_token_only_in_project_settings_gets_a_revoke_step(tmp_path: Path) -> None:
    """dalibo/pglift: `python3 -m twine upload dist/*` with no credential in the file; the token is a CI/CD
    variable of the project's settings that pubmode cannot see: the next steps name what twine reads."""
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, b"publish:\n  only:\n    - tags@dalibo/pglift\n  image: python:3\n  script:\n"
                         b"    - python3 -m build\n    - python3 -m twine upload dist/*\n")
    out = repo.migrate("to-oidc", "--dry-run", "--format", "json", PIPELINE)
    step = ("Before the next release: the pipeline hands job `publish`'s upload no token, so it took one from the "
            "CI/CD variables of the GitLab project or its groups (Settings > CI/CD > Variables): delete "
            "`TWINE_PASSWORD` and `TWINE_USERNAME`, whichever are set there (while set, one overrides Trusted "
            "Publishing), and revoke the API token it held on PyPI or TestPyPI.")
    assert f"- {step}" in out.stderr
    import jsonschema

    report = json.loads(out.stdout)
    schema = json.loads((Path(__file__).parents[1] / "docs" / "report.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(report)
    assert report["next_steps"]["find_and_revoke"] == [step]
    markdown = repo.migrate("to-oidc", "--dry-run", "--format", "markdown", PIPELINE).stdout
    assert "**Before the next release:** the pipeline hands job `publish`'s upload no token" in markdown


# ---- M3: every variable and place that keeps a job from converting is named ----------------------------------
VSTUTILS = b"""release_packages:
  stage: release
  image: registry.gitlab.com/vstconsulting/images:manylinux_2_17
  rules:
    - if: '$CI_COMMIT_TAG && $PYPI_UPLOAD_PASSWORD && $PYPI_UPLOAD_NAME && $NPM_TOKEN'
      when: on_success
    - when: never
  script:
    - tox -e build
    - twine upload -u ${PYPI_UPLOAD_NAME} -p ${PYPI_UPLOAD_PASSWORD} dist/*

release_job:
  stage: post_release
  rules:
    - if: '$CI_COMMIT_TAG && $PYPI_UPLOAD_PASSWORD && $PYPI_UPLOAD_NAME'
      when: on_success
    - when: never
  script:
    - echo "running release job for ${CI_COMMIT_TAG}"
"""


def test_refusal_names_every_variable_still_read(tmp_path: Path) -> None:
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, VSTUTILS)
    out = repo.migrate("to-oidc", PIPELINE)
    assert repo.read(PIPELINE) == VSTUTILS
    assert "job `release_packages` not converted: `PYPI_UPLOAD_NAME` and `PYPI_UPLOAD_PASSWORD` would no longer be " \
        "set, or must be deleted from the CI/CD variables, but `rules` still reads them (line 5); remove that by " \
        "hand, then run again" in out.stderr


def test_refusal_names_every_place(tmp_path: Path) -> None:
    repo = GitLabRepo(tmp_path / "r")
    pipeline = VSTUTILS.replace(b"    - tox -e build\n", b"    - test -n \"$PYPI_UPLOAD_NAME\"\n")
    pipeline = pipeline.replace(b"$PYPI_UPLOAD_PASSWORD && $PYPI_UPLOAD_NAME && $NPM_TOKEN", b"$PYPI_UPLOAD_PASSWORD")
    repo.write(PIPELINE, pipeline)
    out = repo.migrate("to-oidc", PIPELINE)
    assert "`PYPI_UPLOAD_NAME` and `PYPI_UPLOAD_PASSWORD` would no longer be set, or must be deleted from the CI/CD " \
        "variables, but they are still read: `PYPI_UPLOAD_PASSWORD` by `rules` (line 5); `PYPI_UPLOAD_NAME` by " \
        "`script` (line 9); remove those by hand, then run again" in out.stderr


def test_token_variable_another_job_still_reads_is_said(tmp_path: Path) -> None:
    """vstutils with the publishing job's own `rules:` fixed: it converts, but `release_job` still gates on the
    variables that held the token, so they cannot be deleted: a warning says where, not silence."""
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, VSTUTILS.replace(b"$PYPI_UPLOAD_PASSWORD && $PYPI_UPLOAD_NAME && $NPM_TOKEN", b"$NPM_TOKEN"))
    out = repo.migrate("to-oidc", PIPELINE)
    assert b"id_tokens" in repo.read(PIPELINE)
    assert "warning: `PYPI_UPLOAD_NAME` and `PYPI_UPLOAD_PASSWORD` held the token and are still read by job " \
        "`release_job` (`rules`, line 15): the CI/CD variables cannot be deleted while they are" in out.stderr


# ---- M6: with no origin, the one project a job runs in names the publisher -------------------------------------
@pytest.mark.parametrize("keys, expected", [
    (b"  only:\n    - tags@dalibo/pglift\n", "namespace: dalibo   project: pglift"),
    (b"  only:\n    refs: [tags@grp/sub/proj, main@grp/sub/proj]\n", "namespace: grp/sub   project: proj"),
    (b"  rules:\n    - if: '$CI_MERGE_REQUEST_ID'\n      when: never\n"
     b"    - if: '$CI_PROJECT_PATH == \"computer-vision/kwimage_ext\" && $CI_COMMIT_TAG'\n",
     "namespace: computer-vision   project: kwimage_ext"),
])
def test_namespace_from_the_job_when_there_is_no_origin(tmp_path: Path, keys: bytes, expected: str) -> None:
    """dalibo/pglift's `only: tags@dalibo/pglift`: the job runs in that project only, so with no origin it
    names the publisher (the doctor's form too); an origin always wins."""
    repo = GitLabRepo(tmp_path / "r", remote="")
    pipeline = b"publish:\n  image: python:3\n" + keys + b"  script:\n    - python3 -m twine upload dist/*\n"
    repo.write(PIPELINE, pipeline)
    out = repo.migrate("to-oidc", "--dry-run", PIPELINE)
    assert f"{expected}   top-level pipeline file" in out.stderr and "come from job `publish`'s" in out.stderr
    repo.migrate("to-oidc", PIPELINE)
    assert expected.replace(":", "").replace("   ", ", ") in repo.migrate("doctor", PIPELINE).stdout
    repo = GitLabRepo(tmp_path / "with-origin", remote=SELF_MANAGED.replace("gitlab.kitware.com", "gitlab.com"))
    repo.write(PIPELINE, pipeline)
    out = repo.migrate("to-oidc", "--dry-run", PIPELINE)
    assert "namespace: computer-vision   project: kwimage_ext   top-level" in out.stderr
    assert "come from job" not in out.stderr


def test_namespace_is_inferred_only_when_certain(tmp_path: Path) -> None:
    """Beside a job whose project is certain, jobs that may run elsewhere (a ref with no project, an `||`, a
    rule without the path) keep the placeholders."""
    repo = GitLabRepo(tmp_path / "r", remote="")
    certain = b"publish:\n  image: python:3\n  only:\n    - tags@dalibo/pglift\n  script:\n    - twine upload dist/*\n"
    uncertain = [
        b"  only:\n    - tags@dalibo/pglift\n    - main\n",
        b"  rules:\n    - if: '$CI_PROJECT_PATH == \"a/b\" || $FORCE'\n",
        b"  rules:\n    - if: '$CI_PROJECT_PATH == \"a/b\"'\n    - if: $CI_COMMIT_TAG\n",
    ]
    text = certain + b"".join(b"p%d:\n  image: python:3\n" % i + keys +
                              b"  script:\n    - twine upload -r testpypi dist/*\n" for i, keys in enumerate(uncertain))
    repo.write(PIPELINE, text)
    out = repo.migrate("to-oidc", "--dry-run", PIPELINE)
    assert out.stderr.count("namespace: dalibo   project: pglift") == 1
    assert out.stderr.count("namespace: <namespace>   project: <project>") == 1  # one TestPyPI publisher for all


def test_gitlab_revoke_step_beside_a_github_workflow_of_a_gitlab_repository(tmp_path: Path) -> None:
    """castepinput on gitlab.com also holds a GitHub workflow, which runs on a GitHub mirror: its publisher has
    placeholders (no remote on github.com names the mirror), it is no GitHub Enterprise Server refused, and the
    GitLab pipeline's revoke step is there, beside the GitHub secret of the same name (stranger8b W6)."""
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, TOKEN_PIPELINE)
    workflow = (Path(__file__).parents[1] / "examples" / "single-job" / ".github" / "workflows" / "release.yml")
    repo.write(".github/workflows/release.yml", workflow.read_bytes())
    out = repo.migrate("to-oidc", "--dry-run", "--format", "json")
    assert "Keep the API token" not in out.stderr and "Enterprise" not in out.stderr and "Do not merge" not in out.stderr
    assert "owner: <owner>   repository: <repository>   workflow: release.yml" in out.stderr
    assert "warning: this repository's `origin` is on gitlab.com, not github.com, and no other remote is on " \
        "github.com: these workflows run on a GitHub mirror pubmode cannot name" in out.stderr
    assert "namespace: octo-group/sub   project: octo-project" in out.stderr
    assert "- After the first release with Trusted Publishing: delete the CI/CD variable no longer used " \
        "(PYPI_API_TOKEN) in the GitLab project's settings" in out.stderr
    assert "delete the secret no longer used (PYPI_API_TOKEN)" in out.stderr
    assert json.loads(out.stdout)["next_steps"]["revoke_secrets"] == ["PYPI_API_TOKEN"]


@pytest.mark.parametrize("line, said", [("bash <<'EOF'", False), ("bash < release.sh", False),
                                        ("bash release.sh", True)])
def test_a_here_document_fed_to_bash_is_no_missing_file(tmp_path: Path, line: str, said: bool) -> None:
    # NVIDIA/Megatron-LM .gitlab/stages/05.publish.yml: `bash <<'EOF'` runs the text below it; it was "runs
    # `bash <<EOF`, but the repository has no `<<EOF`"
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, (f"publish:release:\n  stage: publish\n  script:\n    - |\n      {line}\n"
                          "      echo releasing\n      EOF\n").encode())
    out = repo.migrate("to-oidc", "--dry-run")
    assert ("but the repository has" in out.stderr) is said, out.stderr


GATED_UPLOAD = """publish:
  image: python:3.12
{run}  script:
    - '{upload}'
"""


@pytest.mark.parametrize("run, upload, warned", [
    ("  only:\n    variables:\n      - $NEXUS_USR\n",  # rdiffweb: every push, the upload on tags only
     'if [ ! -z "$CI_COMMIT_TAG" ]; then twine upload -p "$PYPI_PWD" dist/*; fi', True),
    ("", '[ -n "$CI_COMMIT_TAG" ] && twine upload -p "$PYPI_PWD" dist/*', True),  # no run condition at all
    ("  rules:\n    - if: $CI_COMMIT_BRANCH\n",
     'if [ -n "$CI_COMMIT_TAG" ]; then twine upload -p "$PYPI_PWD" dist/*; fi', True),
    ("  rules:\n    - if: $CI_COMMIT_TAG\n",  # the job runs when its upload does
     'if [ -n "$CI_COMMIT_TAG" ]; then twine upload -p "$PYPI_PWD" dist/*; fi', False),
    ("  only:\n    - tags\n", '[ -n "$CI_COMMIT_TAG" ] && twine upload -p "$PYPI_PWD" dist/*', False),
    ("  when: manual\n", '[ -n "$CI_COMMIT_TAG" ] && twine upload -p "$PYPI_PWD" dist/*', False),
    ("  only:\n    variables:\n      - $NEXUS_USR\n", 'twine upload -p "$PYPI_PWD" dist/*', False),  # every run uploads
])
def test_an_environment_on_a_job_that_runs_more_often_than_its_upload_is_warned_of(
        tmp_path: Path, run: str, upload: str, warned: bool) -> None:
    """ikus060/rdiffweb: the job runs on every push and only a shell `if` on `$CI_COMMIT_TAG` gates its PyPI
    upload; the environment is added as on GitHub, with GitHub's warning that every run is then a deployment."""
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, GATED_UPLOAD.format(run=run, upload=upload).encode())
    out = repo.migrate("to-oidc", "--dry-run", PIPELINE)
    assert out.code == 0, out.stderr
    assert "environment: pypi" in out.stdout
    said = "every run of the job is a deployment" in out.stderr
    assert said == warned, out.stderr


@pytest.mark.parametrize("pipeline", [
    b"""publish:
  script:
    - CMD=$(echo -E "twine upload -u $TWINE_USERNAME -p $TWINE_PASSWORD dist/*")
    - eval "$CMD"
""",
    b"""publish:
  variables:
    UPLOAD: uv publish --token $PYPI_TOKEN
  script:
    - $UPLOAD
""",
    b"""publish:
  script:
    - twine upload -p "$PYPI_TOKEN" dist/*
    - CMD="twine upload -p $PYPI_TOKEN --repository testpypi dist/*"
    - bash -c "$CMD"
""",  # one upload readable, the other not: the job is converted whole or not at all
])
def test_an_upload_in_a_command_string_run_at_run_time_is_refused_and_said(tmp_path: Path, pipeline: bytes) -> None:
    """NVIDIA/Megatron-LM: `eval "$CMD"` of a string holding `twine upload … -p …` was read as publishing nothing."""
    repo = GitLabRepo(tmp_path / "r")
    repo.write(PIPELINE, pipeline)
    for direction in ("to-oidc", "to-token"):
        out = repo.migrate(direction, PIPELINE)
        assert out.code == 0, out.stderr
        assert repo.read(PIPELINE) == pipeline
        assert "job `publish` not converted:" in out.stderr and "which pubmode cannot see into" in out.stderr
        assert "no job publishes to PyPI" not in out.stderr
    doctor = repo.migrate("doctor", PIPELINE)
    assert "publishes nothing" not in doctor.stdout and "note[gitlab-run-time-upload]" in doctor.stdout


def test_a_project_variable_named_ci_something_is_revoked_not_taken_for_gitlabs(tmp_path: Path) -> None:
    """nomad-coe/nomad: `twine upload -u $CI_TWINE_USER -p $CI_TWINE_PASSWORD`: project variables that start with
    `CI_` like GitLab's predefined ones; the next steps must name them to delete and revoke, and GitLab's own
    (`CI_JOB_TOKEN`, `CI_COMMIT_TAG`) stay out."""
    from codemods.gitlab.pipeline import predefined

    new, report = _oidc(tmp_path, b"""publish:
  image: python:3.12
  rules:
    - if: $CI_COMMIT_TAG
  script:
    - twine upload -u $CI_TWINE_USER -p $CI_TWINE_PASSWORD dist/*
""")
    assert "$CI_TWINE_PASSWORD" not in new and "id_tokens" in new
    assert "delete the CI/CD variables no longer used (CI_TWINE_PASSWORD, CI_TWINE_USER)" in report, report
    assert all(predefined(v) for v in ("CI", "CI_JOB_TOKEN", "CI_COMMIT_TAG", "CI_REGISTRY_PASSWORD", "GITLAB_CI",
                                       "CI_DEPLOY_PASSWORD", "GITLAB_USER_LOGIN", "CI_SERVER_URL"))
    assert not any(predefined(v) for v in ("CI_TWINE_PASSWORD", "CI_PYPI_TOKEN", "GITLAB_PYPI_TOKEN", "PYPI_TOKEN"))


def test_a_tox_configuration_named_with_dash_c_is_looked_for_where_it_points(tmp_path) -> None:
    from codemods.gitlab.follow import unseen_runner

    assert unseen_runner("tox -c ci/tox.ini -e release", tmp_path, "release")[1] == \
        "no tox configuration where its `-c` option points"
    assert unseen_runner("tox -e $ENV", tmp_path, "release")[1].startswith("no tox.ini")  # no file, whatever the env
    assert unseen_runner("tox -c $CONFIG -e release", tmp_path, "release") is None  # named at run time
    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "tox.ini").write_text("[testenv:release]\ncommands = twine upload dist/*\n")
    assert unseen_runner("tox -c ci/tox.ini -e release", tmp_path, "release") is None


def test_a_file_run_after_cd_is_looked_for_in_that_folder(tmp_path) -> None:
    # stranger19 min1 / kernelci/tuxmake: a job's lines share one shell, so `cd sub` then `make publish-x` reads
    # sub/Makefile; it was "runs `make publish-x`, but the repository has no Makefile"
    from codemods.gitlab.follow import unseen_runner

    (tmp_path / "sub").mkdir()
    assert unseen_runner("cd sub\nmake publish-x", tmp_path, "release")[1] == "no Makefile in `sub/`"
    (tmp_path / "sub" / "Makefile").write_text("publish-x:\n\t./configure\n")
    assert unseen_runner("cd sub\nmake publish-x", tmp_path, "release") is None
    assert unseen_runner("make publish-x", tmp_path, "release")[1] == "no Makefile"  # from the root: none there
    assert unseen_runner('cd "$DIR"\n./publish.sh', tmp_path, "release") is None  # a folder known at run time


def test_jobs_running_the_same_missing_file_are_named_once(tmp_path: Path) -> None:
    # kernelci/tuxmake support/docker/tuxmake-images.yml: 37 jobs extend one template; they were 37 lines
    repo = GitLabRepo(tmp_path / "r")
    jobs = "".join(f"docker-images-{n}-multiarch:\n  stage: publish\n  extends: .docker\n  script:\n    - make push\n"
                   for n in ("base", "clang", "gcc", "rust"))
    repo.write(PIPELINE, (".docker:\n  before_script:\n    - cd support/docker/\n    - ./configure\n" + jobs).encode())
    out = repo.migrate("to-oidc", "--dry-run")
    assert out.stderr.count("but the repository has") == 1, out.stderr
    assert "jobs `docker-images-base-multiarch`, `docker-images-clang-multiarch` and 2 more run `./configure`, but " \
        "the repository has no `./configure` in `support/docker/`" in out.stderr
