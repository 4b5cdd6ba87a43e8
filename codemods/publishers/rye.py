"""rye publish: deprecated in favour of uv; treated as an uploader without Trusted Publishing."""
from codemods.publishers.uploaders import Uploader

UPLOADER = Uploader(
    name="rye",
    tool="rye",
    subcommands=("publish",),
    trusted=False,
    password_flags=("--token", "--password"),
    user_flags=("--username",),
    url_flags=("--repository-url",),
    repo_flags=("-r", "--repository"),
    build_command="rye build",
    harmless_flags=("-y", "--yes", "-v", "--verbose", "-q", "--quiet"),
    skip_existing_flags=("--skip-existing",),
)
