"""Which index an upload URL written as an expression can reach: only what the workflow fixes counts."""
from __future__ import annotations


from codemods.engine.document import Document
from codemods.indexes import PYPI, TESTPYPI, indexes_behind
from codemods.publishers import gh_action

STEP = """jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{{{ secrets.T }}}}
          repository-url: {url}
"""


def _targets(text: str):
    return gh_action.find(Document(text))[0].targets


def test_literal_env_values_are_known() -> None:
    text = "env:\n  URL: https://test.pypi.org/legacy/\n" + STEP.format(url="${{ env.URL }}")
    assert _targets(text) == (TESTPYPI,)


def test_comments_are_never_read() -> None:
    text = "# URL: https://test.pypi.org/legacy/\n# URL=https://upload.pypi.org/legacy/\n" + STEP.format(
        url="${{ env.URL }}  # URL: https://test.pypi.org/legacy/")
    assert _targets(text) == ()
    script = "      - run: |\n          # echo URL=https://test.pypi.org/legacy/ >> $GITHUB_ENV\n          true\n"
    assert _targets(STEP.format(url="${{ env.URL }}") + script) == ()


def test_run_time_values_are_unknown() -> None:
    for url in ("${{ vars.URL }}", "${{ secrets.URL }}", "${{ env['URL'] }}", "${{ env.URL || vars.URL }}",
                "https://${{ env.URL }}/legacy/"):
        text = "env:\n  URL: https://upload.pypi.org/legacy/\n" + STEP.format(url=url)
        assert _targets(text) == (), url
    text = "env:\n  URL: ${{ vars.URL }}\n" + STEP.format(url="${{ env.URL }}")
    assert _targets(text) == ()


def test_one_value_elsewhere_makes_the_index_unknown() -> None:
    script = ("      - run: echo URL=https://test.pypi.org/legacy/ >> $GITHUB_ENV\n"
              "      - run: echo URL=https://artifactory.example/api/pypi/ >> $GITHUB_ENV\n")
    assert _targets(STEP.format(url="${{ env.URL }}") + script) == ()
    script = "      - run: echo URL=https://test.pypi.org/legacy/ >> $GITHUB_ENV\n"
    assert _targets(STEP.format(url="${{ env.URL }}") + script) == (TESTPYPI,)


def test_long_input_is_read() -> None:
    # 200 KB of whitespace lines after the expression: a quadratic reading would hang the suite (no timed assertion
    # here: speed is measured in benchmarks/)
    padding = " \n" * 100_000
    data = {"jobs": {"p": {"steps": [{"run": "x=${{ env.URL }}\n" + padding}]}}}
    assert indexes_behind("${{ env.URL }}" + padding, data) == ()
    assert indexes_behind("${{ env." + "a" * 200_000 + " }}", data) == ()
    assert indexes_behind("${{ " + "a" * 200_000 + " }}", data) == ()
    assert indexes_behind("${{ env.URL }}", {"env": {"URL": ""}}) == (PYPI,)
