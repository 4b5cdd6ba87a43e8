import os

import nox


@nox.session
def tests(session):
    session.install("pytest")
    session.run("pytest")


@nox.session
def release(session):
    session.install("build", "twine")
    session.run("python", "-m", "build")
    # upload with the token the workflow passes
    session.run(
        "twine",
        "upload",
        "--username",
        "__token__",
        "--password",
        os.environ["PYPI_TOKEN"],
        "dist/*",
    )
