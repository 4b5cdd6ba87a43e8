"""uv publish: Trusted Publishing on GitHub since 0.4.16; `--trusted-publishing always` makes a
misconfigured job fail instead of silently trying without credentials. uv's parser (clap) takes no
abbreviated long options, so only the exact spellings count."""
from codemods.uploaders.registry import register
from codemods.uploaders.spec import Credentials, Detection, IndexOptions, TrustedPublishing, Uploader

UPLOADER = register(Uploader(
    name="uv",
    detection=Detection(tool="uv", subcommands=("publish",), dry_run=("--dry-run",)),
    credentials=Credentials(
        password_env=("UV_PUBLISH_TOKEN", "UV_PUBLISH_PASSWORD"),
        user_env=("UV_PUBLISH_USERNAME",),
        password_flags=("-t", "--token", "-p", "--password"),  # clap: `-p` is `--password`, no prefixes
        user_flags=("-u", "--username"),
        token_env=(("UV_PUBLISH_TOKEN", "{secret}"),),
    ),
    index=IndexOptions(
        url_env=("UV_PUBLISH_URL",),
        repo_env=("UV_PUBLISH_INDEX",),
        url_flags=("--publish-url",),
        repo_flags=("--index",),
    ),
    # GitLab (`PYPI_ID_TOKEN`) since 0.8.18; uv has no `package` here, so no pin of it is raised
    trusted=TrustedPublishing(flags=("--trusted-publishing", "always"), gitlab_min_version=(0, 8, 18)),
))
