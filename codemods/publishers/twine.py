"""twine: Trusted Publishing since 6.1 (2025-01) when no password comes from flags, env or .pypirc.

An empty TWINE_PASSWORD still counts as a password (it disables Trusted Publishing), so credentials
are removed, never blanked.
"""
from codemods.publishers.uploaders import Uploader

UPLOADER = Uploader(
    name="twine",
    tool="twine",
    subcommands=("upload",),
    trusted=True,
    password_env=("TWINE_PASSWORD",),
    user_env=("TWINE_USERNAME",),
    url_env=("TWINE_REPOSITORY_URL",),
    repo_env=("TWINE_REPOSITORY",),
    password_flags=("-p", "--password"),
    user_flags=("-u", "--username"),
    url_flags=("--repository-url",),
    repo_flags=("-r", "--repository"),
    token_env=(("TWINE_USERNAME", "__token__"), ("TWINE_PASSWORD", "{secret}")),
    min_version=(6, 1),
    package="twine",
    abbrev=True,  # argparse: `--pass TOKEN` is `--password TOKEN`
    long_options=("--repository", "--repository-url", "--attestations", "--sign", "--sign-with", "--identity",
                  "--username", "--password", "--non-interactive", "--comment", "--config-file", "--skip-existing",
                  "--skip-existing-non-pypi", "--cert", "--client-cert", "--verbose", "--disable-progress-bar",
                  "--help"),
)
