"""maturin upload/publish: Trusted Publishing on GitHub since 0.15.

Both commands are deprecated since maturin 1.11 in favour of `uv publish`; they still work.
"""
from codemods.uploaders.registry import register
from codemods.uploaders.spec import Credentials, Detection, IndexOptions, TrustedPublishing, Uploader

DEPRECATION = ("maturin's `upload` and `publish` commands are deprecated since maturin 1.11; consider "
               "`uv publish --trusted-publishing always` on the built wheels instead")

UPLOADER = register(Uploader(
    name="maturin",
    detection=Detection(tool="maturin", subcommands=("upload", "publish")),
    credentials=Credentials(
        password_env=("MATURIN_PYPI_TOKEN", "MATURIN_PASSWORD"),
        user_env=("MATURIN_USERNAME",),
        password_flags=("-p", "--password"),
        user_flags=("-u", "--username"),
        token_env=(("MATURIN_PYPI_TOKEN", "{secret}"),),
    ),
    index=IndexOptions(
        url_env=("MATURIN_REPOSITORY_URL",),
        repo_env=("MATURIN_REPOSITORY",),
        url_flags=("--repository-url",),
        repo_flags=("-r", "--repository"),
    ),
    trusted=TrustedPublishing(),
    note=DEPRECATION,
))
