"""uv publish: Trusted Publishing on GitHub since 0.4.16; `--trusted-publishing always` makes a
misconfigured job fail instead of silently trying without credentials."""
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
    password_flags=("-t", "--token", "--password"),
    user_flags=("-u", "--username"),
    url_flags=("--publish-url",),
    repo_flags=("--index",),
    oidc_flags=("--trusted-publishing", "always"),
    token_env=(("UV_PUBLISH_TOKEN", "{secret}"),),
    repo_names=(("pypi", PYPI), ("testpypi", TESTPYPI)),
)
