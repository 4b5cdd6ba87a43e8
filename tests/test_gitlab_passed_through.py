"""A GitLab job whose followed tox env only passes the uploader's own variable through (`passenv =
TWINE_PASSWORD`) took its token from the project's CI/CD variables, as `twine upload` in the job itself does:
to-oidc's next steps say to delete them and revoke the token, from the one place both come from
(python/importlib_resources, stranger11b W7; the golden case importlib-resources-tox-passenv)."""
from __future__ import annotations

from pathlib import Path

from test_golden_gitlab import GitLabRepo

STEP = "whichever are set there (while set, one overrides Trusted Publishing), and revoke the API token"
PIPELINE = "release:\n  stage: deploy\n  script:\n    - tox -e release\n"


def _next_steps(tmp_path: Path, files: dict, pipeline: str = PIPELINE) -> str:
    repo = GitLabRepo(tmp_path / "r")
    for rel, text in files.items():
        repo.write(rel, text.encode())
    repo.write(".gitlab-ci.yml", pipeline.encode())
    out = repo.migrate("to-oidc", "--dry-run")
    assert out.code == 0, out.stderr
    return out.stderr.split("Next steps:", 1)[1]


def test_tox_toml_pass_env_gets_the_delete_and_revoke_step(tmp_path: Path) -> None:
    toml = ('[env.release]\ndeps = ["twine"]\npass_env = ["TWINE_PASSWORD"]\n'
            'commands = [["python", "-m", "twine", "upload", "dist/*"]]\n')
    steps = _next_steps(tmp_path, {"tox.toml": toml})
    assert "(`tox.toml` only passes it through from the job's environment)" in steps
    assert "delete `TWINE_PASSWORD` and `TWINE_USERNAME`, " + STEP in steps


def test_twine_in_the_job_gets_the_same_step(tmp_path: Path) -> None:
    steps = _next_steps(tmp_path, {}, "release:\n  stage: deploy\n  script:\n    - python -m twine upload dist/*\n")
    assert "delete `TWINE_PASSWORD` and `TWINE_USERNAME`, " + STEP in steps
    assert "passes it through" not in steps


def test_a_token_the_pipeline_hands_the_tox_env_is_its_own_variable(tmp_path: Path) -> None:
    ini = "[testenv:release]\ndeps = twine\npassenv = TWINE_PASSWORD\ncommands = python -m twine upload dist/*\n"
    pipeline = PIPELINE + "  variables:\n    TWINE_PASSWORD: $PYPI_TOKEN\n"
    steps = _next_steps(tmp_path, {"tox.ini": ini}, pipeline)
    assert STEP not in steps  # not "whichever are set": the pipeline names the variable that held it
    assert "delete the CI/CD variable no longer used (PYPI_TOKEN)" in steps
