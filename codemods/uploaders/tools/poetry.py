"""poetry publish: no Trusted Publishing (python-poetry/poetry#7940); build with poetry, upload
with pypa/gh-action-pypi-publish."""
from codemods.uploaders.registry import register
from codemods.uploaders.spec import ActionFallback, BuildsFirst, Credentials, Detection, IndexOptions, Uploader

UPLOADER = register(Uploader(
    name="poetry",
    detection=Detection(tool="poetry", subcommands=("publish",), dry_run=("--dry-run",)),
    credentials=Credentials(
        password_env=("POETRY_PYPI_TOKEN_PYPI", "POETRY_PYPI_TOKEN_TESTPYPI", "POETRY_HTTP_BASIC_PYPI_PASSWORD"),
        user_env=("POETRY_HTTP_BASIC_PYPI_USERNAME",),
        password_flags=("-p", "--password"),
        user_flags=("-u", "--username"),
        stored_by=r"^poetry\s+config\s+(pypi-token\.|http-basic\.)",
    ),
    index=IndexOptions(
        repo_flags=("-r", "--repository"),
        defined_by=r"\bpoetry[ \t]+config[ \t]+repositories\.([\w.-]+)[ \t]+['\"]?(https?://[^\s'\"]+)",
    ),
    fallback=ActionFallback(
        build_command="poetry build",
        builds_first=BuildsFirst.WITH_FLAG,
        build_flag="--build",
        harmless_flags=("-n", "--no-interaction", "-q", "--quiet", "-v", "-vv", "-vvv", "--verbose", "--no-ansi",
                        "--ansi"),
        skip_existing_flags=("--skip-existing",),
        dist_flags=("--dist-dir",),
    ),
))
