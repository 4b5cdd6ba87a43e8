"""Scripts a make recipe runs, and .pypirc files written through a variable (two stranger runs' misses:
Safetorun/PromptDefender-py, YuviGold/mercado, juanjsebgarcia/faas-cache-dict, family-guy/aiostorage)."""
from __future__ import annotations

from pathlib import Path

import pytest

from codemods.follow.calls import targets_in_script
from codemods.follow.makefile import rules
from codemods.uploaders.tools.twine import pypirc_write


def _repo(tmp_path: Path, makefile: str) -> Path:
    (tmp_path / "hack").mkdir()
    (tmp_path / "hack" / "deploy.sh").write_text("#!/bin/bash\ntwine upload dist/*\n")
    (tmp_path / "Makefile").write_text(makefile)
    return tmp_path


def _scripts(root: Path, step: str) -> list:
    return [t.path.relative_to(root).as_posix() for t in targets_in_script(step, root) if t.kind == "script"]


@pytest.mark.parametrize("makefile", [
    "deploy_prod: build\n\tbash hack/deploy.sh prompt_defender prod &&\\\n\tbash hack/deploy.sh other prod\n"
    "build:\n\tpython -m build\n",  # PromptDefender-py's shape
    "deploy: dist\n\t$(MAKE) -s _$@\n\ndist:\n\tpython -m build\n\n_%: ./hack/$*.sh\n\t./hack/$*.sh\n",  # mercado's
    "deploy:\n\teval 'hack/deploy.sh $(PROD_PYPI)'\n",  # faas-cache-dict's
    "deploy: _deploy\n_%:\n\t./hack/$*.sh\n",  # a prerequisite made by a pattern rule
    "deploy:\n\t${MAKE} inner\ninner:\n\t@./hack/deploy.sh\n",
])
def test_a_script_a_recipe_runs_is_followed(tmp_path: Path, makefile: str) -> None:
    root = _repo(tmp_path, makefile)
    target = "deploy_prod" if makefile.startswith("deploy_prod") else "deploy"
    assert "hack/deploy.sh" in _scripts(root, f"make {target}")


def test_a_recipe_that_runs_no_script_and_other_targets_are_not_read(tmp_path: Path) -> None:
    root = _repo(tmp_path, "deploy:\n\t./hack/deploy.sh\ndocs:\n\tmkdocs build\n")
    assert _scripts(root, "make docs") == []


def test_a_pattern_rule_names_its_stem() -> None:
    text = "all: _deploy\n_%: ./hack/$*.sh\n\t./hack/$*.sh\n"
    assert [(r.target, r.stem) for r in rules(text, "all", set())] == [("all", None), ("_deploy", "deploy")]
    assert rules(text, "deploy", set()) == []  # `_%` needs the `_`
    assert rules(text, "_", set()) == []  # and a stem


@pytest.mark.parametrize("script, written", [
    ('echo "password = $TOKEN" >> ~/.pypirc\ntwine upload dist/*\n', True),
    ('CFG="${HOME}/.pypirc"\necho "[pypi]" > $CFG\necho "password=$PW" >> "${CFG}"\ntwine upload dist/*\n', True),
    ('PYPI_CONFIG="${HOME}/.pypirc"\ncat <<EOF | tee -a $PYPI_CONFIG\n[pypi]\nEOF\ntwine upload dist/*\n', True),
    ('CFG="${HOME}/.pypirc"\ntwine upload --config-file "$CFG" dist/*\n', False),  # read, not written
    ('CFGDIR="${HOME}/.pypirc"\necho x > $CFG\ntwine upload dist/*\n', False),  # another variable
])
def test_a_pypirc_written_through_a_variable(script: str, written: bool) -> None:
    assert (pypirc_write(script, script.index("twine upload")) is not None) is written


def test_a_capable_uploader_whose_script_still_reads_its_token_is_no_uploader_without_trusted_publishing(
        repo) -> None:
    """elgalu/mkdocs-hover-tooltip-popup's pypi-publish-test.sh checks `${UV_PUBLISH_TOKEN_TEST:-}` before
    `uv publish --token "$UV_PUBLISH_TOKEN_TEST"`: a change by hand, but uv has Trusted Publishing."""
    import json

    from conftest import WORKFLOW

    repo.write("scripts/publish.sh", b'#!/bin/bash\nif [ -z "${UV_PUBLISH_TOKEN_TEST:-}" ]; then\n  exit 2\nfi\n'
                                     b'uv publish --publish-url https://test.pypi.org/legacy/ --token '
                                     b'"$UV_PUBLISH_TOKEN_TEST"\n')
    repo.write(WORKFLOW, b"on: push\njobs:\n  pypi:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/"
                         b"checkout@v4\n      - run: bash scripts/publish.sh\n        env:\n          UV_PUBLISH_TOKEN_"
                         b"TEST: ${{ secrets.TEST_PYPI_API_TOKEN }}\n")
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    assert [f["id"] for f in data["files"][0]["findings"]] == ["token-publishing"]


def test_a_gitlab_job_writing_a_pypirc_through_a_variable_keeps_its_token(tmp_path: Path) -> None:
    """The same write on GitLab, over two script lines: not converted, said with the line."""
    from test_golden_gitlab import GitLabRepo

    repo = GitLabRepo(tmp_path / "r")
    repo.write("pyproject.toml", b'[project]\nname = "octo-widget"\nversion = "1"\n')
    repo.write(".gitlab-ci.yml", b'publish:\n  image: python:3.12\n  script:\n    - python -m build\n'
                                 b'    - CFG="${HOME}/.pypirc"\n'
                                 b'    - printf \'[pypi]\\npassword = %s\\n\' "$PYPI_TOKEN" > "$CFG"\n'
                                 b'    - twine upload dist/*\n')
    out = repo.migrate("to-oidc", "--dry-run")
    assert "not converted: it writes a .pypirc (line 6)" in out.stderr, out.stderr


def test_a_target_a_recipe_makes_again_is_followed(tmp_path: Path) -> None:
    """`release: build ; $(MAKE) upload` with `upload: ; twine upload -p $(TOKEN) dist/*`: the upload is in
    the target made again, read (and edited) as a make target of its own."""
    (tmp_path / "Makefile").write_text("release: build\n\t$(MAKE) upload\nbuild:\n\tpython -m build\nupload:\n"
                                       "\ttwine upload -u __token__ -p $(TOKEN) dist/*\n")
    found = [(t.kind, t.name) for t in targets_in_script("make release", tmp_path)]
    assert found == [("make", "release"), ("make", "upload")]
