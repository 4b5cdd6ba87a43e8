"""hatch publish: no Trusted Publishing (hatch's docs point to pypa/gh-action-pypi-publish)."""
from codemods.indexes import PYPI, TESTPYPI
from codemods.uploaders.registry import register
from codemods.uploaders.spec import ActionFallback, Credentials, Detection, IndexOptions, Uploader

UPLOADER = register(Uploader(
    name="hatch",
    detection=Detection(tool="hatch", subcommands=("publish",)),
    credentials=Credentials(
        password_env=("HATCH_INDEX_AUTH",),
        user_env=("HATCH_INDEX_USER",),
        password_flags=("-a", "--auth"),
        user_flags=("-u", "--user"),
    ),
    index=IndexOptions(
        repo_env=("HATCH_INDEX_REPO",),
        repo_flags=("-r", "--repo"),
        repo_names=(("main", PYPI), ("pypi", PYPI), ("test", TESTPYPI), ("testpypi", TESTPYPI)),
    ),
    fallback=ActionFallback(build_command="hatch build", harmless_flags=("-n", "--no-prompt", "-y", "--yes")),
))
