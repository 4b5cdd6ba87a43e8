"""hatch publish: no Trusted Publishing (hatch's docs point to pypa/gh-action-pypi-publish)."""
from codemods.indexes import PYPI, TESTPYPI
from codemods.publishers.uploaders import Uploader

UPLOADER = Uploader(
    name="hatch",
    tool="hatch",
    subcommands=("publish",),
    trusted=False,
    password_env=("HATCH_INDEX_AUTH",),
    user_env=("HATCH_INDEX_USER",),
    repo_env=("HATCH_INDEX_REPO",),
    password_flags=("-a", "--auth"),
    user_flags=("-u", "--user"),
    repo_flags=("-r", "--repo"),
    repo_names=(("main", PYPI), ("pypi", PYPI), ("test", TESTPYPI), ("testpypi", TESTPYPI)),
    build_command="hatch build",
    harmless_flags=("-n", "--no-prompt", "-y", "--yes"),
)
