"""flit publish: no Trusted Publishing; build with flit, upload with pypa/gh-action-pypi-publish."""
from codemods.publishers.uploaders import Uploader

UPLOADER = Uploader(
    name="flit",
    tool="flit",
    subcommands=("publish",),
    trusted=False,
    password_env=("FLIT_PASSWORD",),
    user_env=("FLIT_USERNAME",),
    url_env=("FLIT_INDEX_URL",),
    repo_flags=("--repository",),
    build_command="flit build",
    builds="always",
)
