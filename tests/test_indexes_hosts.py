"""An upload URL whose host is written out before any expression names its index, whatever the
expression adds (jazzband/pip-tools uploads to `https://jazzband.co/projects/${{ … }}/upload` from a job
that publishes to PyPI with Trusted Publishing: that password must stay)."""
from __future__ import annotations

import pytest

from codemods.indexes import other_host
from conftest import WORKFLOW, Repo


@pytest.mark.parametrize("url, other", [
    ("https://jazzband.co/projects/${{ needs.b.outputs.name }}/upload", True),
    ("https://user@nexus.example.com:8443/${{ vars.REPO }}/", True),
    ("https://${{ vars.HOST }}/legacy/", False),  # the host itself is unknown
    ("https://test.pypi.org/${{ vars.PATH }}", False),  # PyPI's own hosts stay undecided
    ("https://upload.pypi.org/legacy/", False),
    ("${{ vars.URL }}", False),
])
def test_a_literal_host_decides(url: str, other: bool) -> None:
    assert other_host(url) is other


def test_an_upload_to_another_index_keeps_its_password_beside_trusted_publishing(repo: Repo) -> None:
    text = b"""on: release
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
      - name: >-
          Upload packages
          to Jazzband
        uses: pypa/gh-action-pypi-publish@release/v1
        with:
          user: jazzband
          password: ${{ secrets.JAZZBAND_RELEASE_KEY }}
          repository-url: >-
            https://jazzband.co/projects/${{
              github.event.repository.name
            }}/upload
"""
    repo.write(WORKFLOW, text)
    out = repo.migrate("to-oidc")
    assert repo.read() == text, out.stderr
    assert "step `Upload packages to Jazzband`" in out.stderr and "keeps its token" in out.stderr
    assert "token-and-id-token" not in repo.migrate("doctor").stdout
