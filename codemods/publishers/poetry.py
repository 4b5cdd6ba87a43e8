"""poetry publish: no Trusted Publishing (python-poetry/poetry#7940); build with poetry, upload
with pypa/gh-action-pypi-publish."""
from codemods.publishers.uploaders import Uploader

UPLOADER = Uploader(
    name="poetry",
    tool="poetry",
    subcommands=("publish",),
    trusted=False,
    password_env=("POETRY_PYPI_TOKEN_PYPI", "POETRY_PYPI_TOKEN_TESTPYPI", "POETRY_HTTP_BASIC_PYPI_PASSWORD"),
    user_env=("POETRY_HTTP_BASIC_PYPI_USERNAME",),
    password_flags=("-p", "--password"),
    user_flags=("-u", "--username"),
    repo_flags=("-r", "--repository"),
    build_command="poetry build",
    builds="--build",
    harmless_flags=("-n", "--no-interaction", "-q", "--quiet", "-v", "-vv", "-vvv", "--verbose", "--no-ansi", "--ansi"),
    skip_existing_flags=("--skip-existing",),
    dist_flags=("--dist-dir",),
)
