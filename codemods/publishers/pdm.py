"""pdm publish: Trusted Publishing on GitHub since 2.6.0 when no username/password is given."""
from codemods.publishers.uploaders import Uploader

UPLOADER = Uploader(
    name="pdm",
    tool="pdm",
    subcommands=("publish",),
    trusted=True,
    password_env=("PDM_PUBLISH_PASSWORD",),
    user_env=("PDM_PUBLISH_USERNAME",),
    repo_env=("PDM_PUBLISH_REPO",),
    password_flags=("-P", "--password"),
    user_flags=("-u", "--username"),
    repo_flags=("-r", "--repository"),
    token_env=(("PDM_PUBLISH_PASSWORD", "{secret}"),),
    min_version=(2, 6),
    package="pdm",
    abbrev=True,  # argparse, like twine
    long_options=("--repository", "--username", "--password", "--sign", "--identity", "--comment", "--no-build",
                  "--dest", "--skip-existing", "--no-very-ssl", "--ca-certs", "--verbose", "--quiet", "--project",
                  "--skip", "--help"),
)
