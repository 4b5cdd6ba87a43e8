"""Plausible workflows that publish nothing (tests, lint, docs, containers), as most of a repository's
workflows are: the benchmark's filler and the pre-filter tests' negatives. Deterministic per seed."""
from __future__ import annotations

import random

TRIGGERS = ["on: [push, pull_request]", "on:\n  push:\n    branches: [main]\n  pull_request:",
            "on:\n  schedule:\n    - cron: '0 3 * * 1'\n  workflow_dispatch:", "'on': push",
            "on:\n  pull_request:\n    paths:\n      - 'src/**'\n      - \"tests/**\""]
RUNNERS = ["ubuntu-latest", "ubuntu-22.04", "${{ matrix.os }}", "macos-latest", "windows-latest"]
# scripts a CI job runs; a few run files of the repository (make, tox, nox, a script), which the
# migration follows: in a repository without those files nothing is found there
SCRIPTS = [
    "pip install -e '.[test]'\npytest -q",
    "python -m pip install --upgrade pip\npip install -r requirements-dev.txt\npython -m pytest --cov",
    "pip install tox && tox -e py",
    "uv sync --all-extras\nuv run pytest -x",
    "pip install ruff mypy\nruff check .\nmypy src",
    "npm ci\nnpm test -- --coverage",
    "make test",
    "nox -s tests-${{ matrix.python }}",
    "./scripts/run-tests.sh",
    "docker build -t app:${{ github.sha }} .",
    "echo \"Running on $RUNNER_OS\" && env | sort",
    "cargo test --all-features",
    "go test ./...",
    "sphinx-build -W -b html docs docs/_build/html",
    "pre-commit run --all-files --show-diff-on-failure",
]
ACTIONS = ["actions/cache@v4", "codecov/codecov-action@v4", "actions/upload-artifact@v4",
           "actions/setup-node@v4", "docker/setup-buildx-action@v3", "peaceiris/actions-gh-pages@v4"]


def ci_workflow(n: int, seed: int = 0) -> str:
    """The n-th generated workflow: one to three jobs of a checkout, a setup and a few scripts."""
    rnd = random.Random(seed * 1_000_003 + n)
    out = [f"name: CI {n}", rnd.choice(TRIGGERS), "", "permissions:", "  contents: read", "", "jobs:"]
    for j in range(rnd.randint(1, 3)):
        job = rnd.choice(["test", "lint", "docs", "build", "check", "coverage"]) + f"-{j}"
        out += [f"  {job}:", f"    runs-on: {rnd.choice(RUNNERS)}"]
        if rnd.random() < 0.5:
            out += ["    strategy:", "      fail-fast: false", "      matrix:",
                    "        os: [ubuntu-latest, macos-latest, windows-latest]",
                    "        python: ['3.10', '3.11', '3.12', '3.13']"]
        if rnd.random() < 0.3:
            out += ["    env:", "      FORCE_COLOR: '1'", "      CODECOV_TOKEN: ${{ secrets.CODECOV_TOKEN }}"]
        out += ["    steps:", "      - uses: actions/checkout@v4", "        with:", "          fetch-depth: 0",
                "      - uses: actions/setup-python@v5", "        with:",
                "          python-version: ${{ matrix.python || '3.12' }}"]
        for _ in range(rnd.randint(1, 4)):
            if rnd.random() < 0.25:
                out += [f"      - uses: {rnd.choice(ACTIONS)}"]
                continue
            script = rnd.choice(SCRIPTS)
            name = script.split("\n")[0][:30].replace(":", "")
            if "\n" in script:
                out += [f"      - name: {name}", "        run: |"] + [f"          {line}" for line in script.split("\n")]
            else:
                out += [f"      - name: {name}", f"        run: {script}"]
    return "\n".join(out) + "\n"
