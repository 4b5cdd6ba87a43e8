"""Shell text a workflow step runs (scripts, Makefile recipes): what is a command and what is not."""
from __future__ import annotations

from conftest import WORKFLOW, Repo
from test_follow_tox import _workflow


def test_a_heredoc_body_is_text_not_commands(repo: Repo) -> None:
    # (the bodies name another variable: a body that expanded $PYPI_TOKEN would still read it, and the
    # script would rightly be left alone)
    script = (b"#!/usr/bin/env bash\ncat > NOTES.md <<EOF\ntwine upload -p $EXAMPLE_TOKEN dist/*\nEOF\n"
              b"cat <<-'END'\n\ttwine upload -p $EXAMPLE_TOKEN dist/*\n\tEND\n"
              b"twine upload -p \"$PYPI_TOKEN\" dist/*\n")
    repo.write(WORKFLOW, _workflow("./release.sh", "PYPI_TOKEN: ${{ secrets.PYPI_TOKEN }}"))
    repo.write("release.sh", script)
    assert repo.migrate("to-oidc").code == 0
    assert repo.read("release.sh") == script.replace(b" -p \"$PYPI_TOKEN\"", b"")


def test_make_recipe_prefixes_are_not_part_of_the_command(repo: Repo) -> None:
    makefile = (b"release:\n\t@twine upload -p $(PYPI_TOKEN) dist/*\n\t-twine check dist/*\n"
                b"\t@-TWINE_PASSWORD=$(PYPI_TOKEN) twine upload dist/*\n")
    repo.write(WORKFLOW, _workflow("make release", "PYPI_TOKEN: ${{ secrets.PYPI_TOKEN }}"))
    repo.write("Makefile", makefile)
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    assert repo.read("Makefile") == (b"release:\n\t@twine upload dist/*\n\t-twine check dist/*\n"
                                     b"\t@-twine upload dist/*\n")
    assert b"PYPI_TOKEN" not in repo.read()


def test_here_document_bodies_are_skipped_in_every_spelling() -> None:
    from codemods.shell import commands

    script = ("cat <<EOF >a\ntwine upload -p 1\nEOF\ncat <<-'END'\n\ttwine upload -p 2\n\tEND\n"
              "cat << \"Q\" <<Z; echo next\ntwine upload -p 3\nQ\ntwine upload -p 4\nZ\n"
              "read x <<< \"$y\"\necho $((1<<2))\ncat <<\\E\n$x\nE\ntwine upload -p 5\n")
    firsts = [[w.text for w in c.words] for c in commands(script)]
    assert [c for c in firsts if c[0] == "twine"] == [["twine", "upload", "-p", "5"]]
    assert ["echo", "next"] in firsts and ["echo", "$((1<<2))"] in firsts


def test_a_here_document_in_a_run_script_is_left_as_text(repo: Repo) -> None:
    workflow = (b"on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
                b"          cat > howto.md <<'EOF'\n          twine upload -p $TWINE_PASSWORD dist/*\n          EOF\n"
                b"          twine upload -u __token__ -p ${{ secrets.PYPI_TOKEN }} dist/*\n")
    repo.write(WORKFLOW, workflow)
    assert repo.migrate("to-oidc").code == 0
    out = repo.read()
    assert b"twine upload -p $TWINE_PASSWORD dist/*\n          EOF\n          twine upload dist/*\n" in out


def test_overlapping_edits_are_an_error_never_skipped() -> None:
    import pytest

    from codemods.engine.text_edits import OverlappingEdits, apply

    text = "twine upload -p x dist/*\n"
    assert apply(text, [(12, 15, ""), (12, 12, " --a"), (17, 17, "!")]) == "twine upload --a x! dist/*\n"
    with pytest.raises(OverlappingEdits, match="line 1"):
        apply(text, [(12, 17, ""), (15, 17, "")])
    with pytest.raises(OverlappingEdits):
        apply(text, [(12, 17, ""), (14, 14, "y")])


def test_a_followed_file_with_overlapping_edits_is_refused_with_the_reason(repo: Repo, monkeypatch) -> None:
    import codemods.follow.files as files

    script = b"#!/bin/sh\ntwine upload -u __token__ -p \"$PYPI_TOKEN\" dist/*\n"
    repo.write(WORKFLOW, _workflow("./release.sh", "PYPI_TOKEN: ${{ secrets.PYPI_TOKEN }}"))
    repo.write("release.sh", script)
    real = files.edit_shell_text

    def overlapping(*args, **kwargs):
        edit = real(*args, **kwargs)
        edit.splices.append((edit.splices[0][0] + 1, edit.splices[0][1] + 1, ""))
        return edit

    monkeypatch.setattr(files, "edit_shell_text", overlapping)
    out = repo.migrate("to-oidc")
    assert "line 2: two edits of the same text overlap" in out.stderr
    assert repo.read("release.sh") == script and b"PYPI_TOKEN" in repo.read()


def test_a_script_that_writes_a_pypirc_uploads_with_its_password(repo) -> None:
    """chopralab/paddy: upload_to_pypi.sh writes `password = $API_TOKEN` into ~/.pypirc, then `twine upload`: read
    as Trusted Publishing, to-oidc granted id-token and the doctor raised a false error."""
    import json

    from conftest import WORKFLOW

    repo.write("upload_to_pypi.sh", b'#!/bin/bash\necho -e "[pypi]" > ~/.pypirc\necho -e "username = __token__" >> '
                                    b'~/.pypirc\necho -e "password = $API_TOKEN" >> ~/.pypirc\ntwine upload dist/*\n')
    repo.write(WORKFLOW, b"on: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                         b"      - uses: actions/checkout@v4\n      - name: Deploy\n        run: ./upload_to_pypi.sh\n"
                         b"        env:\n          API_TOKEN: ${{ secrets.PYPI_API_TOKEN }}\n")
    before = repo.read()
    out = repo.migrate("to-oidc")
    assert out.code == 0 and repo.read() == before, out.stderr
    assert "twine reads a .pypirc this file writes (line 2)" in out.stderr, out.stderr
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    assert [s["mode"] for j in data["files"][0]["jobs"] for s in j["steps"]] == ["token"]
    ids = [f["id"] for f in data["files"][0]["findings"]]
    assert "trusted-without-id-token" not in ids and "no-trusted-publishing-support" not in ids, ids
