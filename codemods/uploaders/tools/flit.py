"""flit publish: no Trusted Publishing; build with flit, upload with pypa/gh-action-pypi-publish."""
from codemods.uploaders.registry import register
from codemods.uploaders.spec import ActionFallback, BuildsFirst, Credentials, Detection, IndexOptions, Uploader

UPLOADER = register(Uploader(
    name="flit",
    detection=Detection(tool="flit", subcommands=("publish",)),
    credentials=Credentials(password_env=("FLIT_PASSWORD",), user_env=("FLIT_USERNAME",)),
    index=IndexOptions(url_env=("FLIT_INDEX_URL",), repo_flags=("--repository",)),
    fallback=ActionFallback(build_command="flit build", builds_first=BuildsFirst.ALWAYS),
))
