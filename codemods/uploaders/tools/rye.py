"""rye publish: deprecated in favour of uv; treated as an uploader without Trusted Publishing."""
from codemods.uploaders.registry import register
from codemods.uploaders.spec import ActionFallback, Credentials, Detection, IndexOptions, Uploader

UPLOADER = register(Uploader(
    name="rye",
    detection=Detection(tool="rye", subcommands=("publish",)),
    credentials=Credentials(password_flags=("--token", "--password"), user_flags=("--username",)),
    index=IndexOptions(url_flags=("--repository-url",), repo_flags=("-r", "--repository")),
    fallback=ActionFallback(
        build_command="rye build",
        harmless_flags=("-y", "--yes", "-v", "--verbose", "-q", "--quiet"),
        skip_existing_flags=("--skip-existing",),
    ),
))
