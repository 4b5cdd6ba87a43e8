# This file is part of Hypothesis, which may be found at
# https://github.com/HypothesisWorks/hypothesis/
#
# Copyright the Hypothesis Authors.
# Individual contributors are listed in AUTHORS.rst and the git log.
#
# This Source Code Form is subject to the terms of the Mozilla Public License,
# v. 2.0. If a copy of the MPL was not distributed with this file, You can
# obtain one at https://mozilla.org/MPL/2.0/.

import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from hypothesistooling.release import upload_distribution_to_pypi

TASKS = {}
BUILD_FILES = tuple(
    os.path.join(ROOT, f)
    for f in ["tooling", "requirements", ".github", "hypothesis/tox.ini"]
)
TODAY = date.today().isoformat()


def task(if_changed=()):
    if not isinstance(if_changed, tuple):
        if_changed = (if_changed,)

    def accept(fn):
        def wrapped(*args, **kwargs):
            if if_changed and IS_PULL_REQUEST:
                if not has_changes(if_changed + BUILD_FILES):
                    changed = ", ".join(map(str, if_changed))
                    print(f"Skipping task due to no changes in {changed}")
                    return
            fn(*args, **kwargs)

        wrapped.__name__ = fn.__name__
        name = fn.__name__.replace("_", "-")
        if name != "<lambda>":
            TASKS[name] = wrapped
        return wrapped

    return accept


@task()

def do_publish():
    if not has_release():
        print("No release")
        return

    os.chdir(HYPOTHESIS)

    new_version = compute_new_version()

    print("Updating changelog and version")
    update_changelog_and_version()

    print("Committing changes")
    commit_pending_release()

    tag = tag_name()
    print(f"Creating tag {tag}")
    create_tag(tag)
    push_tag(tag)

    print("Uploading distribution to PyPI")
    upload_distribution_to_pypi(expected_version=new_version)

    print("Creating GitHub release")
    create_github_release()


@task()
def print_next_version():
    print(json.dumps({"new_version": compute_new_version()}))


@task()
def publish():
    # used for trusted publishing to PyPI
    if "ACTIONS_ID_TOKEN_REQUEST_TOKEN" not in os.environ:
        sys.exit("ACTIONS_ID_TOKEN_REQUEST_TOKEN is required for publish")
    if "GH_TOKEN" not in os.environ:
        sys.exit("GH_TOKEN is required for publish (used to create GitHub release)")

    configure_git()
    do_publish()
    sys.exit(0)


if __name__ == "__main__":
    if "SNAKEPIT" not in os.environ:
        print(
            "This module should not be executed directly, but instead via "
            "build.sh (which sets up its environment)"
        )
        sys.exit(1)

    if len(sys.argv) > 1:
        task_to_run = sys.argv[1]
        args = sys.argv[2:]
    else:
        task_to_run = os.environ.get("TASK")
        args = ()

    if task_to_run is None:
        print(
            "No task specified. Either pass the task to run as an "
            "argument or as an environment variable TASK. "
            '(Use "./build.sh tasks" to list all supported task names.)'
        )
        sys.exit(1)

    if task_to_run not in TASKS:
        print(f"\nUnknown task {task_to_run!r}.  Available tasks are:")
        tasks()
        sys.exit(1)

    try:
        TASKS[task_to_run](*args)
    except subprocess.CalledProcessError as e:
        sys.exit(e.returncode)
