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
import re
import subprocess
import sys
import tomllib
from datetime import datetime, timezone

import requests

from hypothesistooling import cargo, installers as install
from hypothesistooling.cargo import CARGO_TOML, ci_version_rust, rust_build_env
from hypothesistooling.git import ROOT, assert_can_release, git, has_changes
from hypothesistooling.scripts import pip_tool

def upload_distribution_to_pypi(*, expected_version):
    assert_can_release()
    check_artifact_versions(expected_version=expected_version)

    # used for trusted publishing
    assert "ACTIONS_ID_TOKEN_REQUEST_TOKEN" in os.environ

    subprocess.check_call(
        [
            sys.executable,
            "-m",
            "twine",
            "upload",
            "--skip-existing",
            os.path.join(DIST, "*"),
        ]
    )

