"""pdm publish: Trusted Publishing on GitHub since 2.6.0 when no username/password is given."""
from codemods.uploaders.registry import register
from codemods.uploaders.spec import Credentials, Detection, IndexOptions, TrustedPublishing, Uploader

UPLOADER = register(Uploader(
    name="pdm",
    detection=Detection(
        tool="pdm",
        subcommands=("publish",),
        abbreviations=True,  # argparse, like twine
        long_options=("--repository", "--username", "--password", "--sign", "--identity", "--comment", "--no-build",
                      "--dest", "--skip-existing", "--no-very-ssl", "--ca-certs", "--verbose", "--quiet",
                      "--project", "--skip", "--help"),
    ),
    credentials=Credentials(
        password_env=("PDM_PUBLISH_PASSWORD",),
        user_env=("PDM_PUBLISH_USERNAME",),
        password_flags=("-P", "--password"),
        user_flags=("-u", "--username"),
        token_env=(("PDM_PUBLISH_PASSWORD", "{secret}"),),
    ),
    index=IndexOptions(repo_env=("PDM_PUBLISH_REPO",), repo_flags=("-r", "--repository")),
    # 2.6.0: Python >=3.7; 2.23.1 (2025-04) reads GitLab's `PYPI_ID_TOKEN` (it supports every provider of `id`)
    trusted=TrustedPublishing(min_version=(2, 6), package="pdm", min_python=(3, 7), gitlab_min_version=(2, 23, 1)),
))
