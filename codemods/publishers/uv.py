"""uv publish: Trusted Publishing on GitHub since 0.4.16; `--trusted-publishing always` makes a
misconfigured job fail instead of silently trying without credentials. uv's parser (clap) takes no
abbreviated long options, so only the exact spellings count."""
from codemods.indexes import PYPI, TESTPYPI
from codemods.publishers.uploaders import Uploader

UPLOADER = Uploader(
    name="uv",
    tool="uv",
    subcommands=("publish",),
    trusted=True,
    password_env=("UV_PUBLISH_TOKEN", "UV_PUBLISH_PASSWORD"),
    user_env=("UV_PUBLISH_USERNAME",),
    url_env=("UV_PUBLISH_URL",),
    repo_env=("UV_PUBLISH_INDEX",),
    password_flags=("-t", "--token", "-p", "--password"),  # clap: `-p` is `--password`, no prefixes
    user_flags=("-u", "--username"),
    url_flags=("--publish-url",),
    repo_flags=("--index",),
    oidc_flags=("--trusted-publishing", "always"),
    token_env=(("UV_PUBLISH_TOKEN", "{secret}"),),
    repo_names=(("pypi", PYPI), ("testpypi", TESTPYPI)),
)
