"""Round 40's tuning (tests/logs/ROUND40-TUNING.md): logs graded B or C in blind rounds 32, 33, 35 and 38, now a tuning
pool, each read in general form with a guard that a near miss is not read so."""
from __future__ import annotations

import re
from pathlib import Path

from codemods.doctor import platform_tags
from codemods.doctor.advice import advise
from codemods.doctor.claims import Context
from codemods.doctor.log_files import taken_now_fix
from codemods.doctor.log_said import URL_VALUE_LOST_FIX
from codemods.doctor.log_uploaders import GPG_ORDER_FIX, GPG_SIGN_FIX, tool_cap_fix
from codemods.doctor.logs import read

LOGS = Path(__file__).parent / "logs"
HEADER = re.compile(r"^# (?:source|fix|cause|trimmed|context): ")


def _body(folder: str, stem: str) -> str:
    path = next((LOGS / folder).glob(stem + "*.log"))
    return "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines() if not HEADER.match(ln))


def _pool(folder: str, stem: str):
    r = read(_body(folder, stem))
    return r.findings, advise(r, [], Context({}, set()))


def _read(text: str):
    r = read(text)
    return [f.pattern.id for f in r.findings], r.findings, advise(r, [], Context({}, set()))


def test_an_upload_url_option_whose_value_was_lost() -> None:
    # PyO3/maturin-action #320: `--repository-url URL` in the action's `args`; the command that ran shows the wheel's
    # path as the URL, then "relative URL without a base" and "Credentials not found"
    found, advice = _pool("holdout30", "args-otlp-proto")
    assert [f.pattern.id for f in found] == ["log-uploader-config"] and found[0].fix == URL_VALUE_LOST_FIX
    assert advice[0].startswith("the command that ran reads `--repository-url …") and "not on the token" in advice[0]
    # twine given the next option as its URL
    ids, found, _ = _read("twine upload --repository-url --skip-existing dist/*\nInvalidPyPIUploadURL\n")
    assert ids == ["log-uploader-config"] and found[0].fix == URL_VALUE_LOST_FIX
    # guards: the URL in the printed command (or only in the workflow's `args:`) leaves maturin's missing token
    for text in ("maturin upload --non-interactive --repository-url https://test.pypi.org/legacy/ dist/a.whl\n"
                 "💥 maturin failed\n  Caused by: Credentials not found and non-interactive mode is enabled\n",
                 "args: --repository-url https://test.pypi.org/legacy/ dist/*\n"
                 "maturin upload dist/a-1.0-py3-none-any.whl\n"
                 "  Caused by: Credentials not found and non-interactive mode is enabled\n"):
        assert _read(text)[0] == ["log-credential-missing"]


def test_distributions_drawn_one_folder_below_dist() -> None:
    # rpoleski/MulensModel #80: the artifacts downloaded into dist/sdist/ and dist/wheelhouse/, told as a tree
    found, advice = _pool("holdout30", "nesteddist-mulensmodel")
    assert [f.pattern.id for f in found] == ["log-no-distributions"]
    assert "(`dist/sdist/`, `dist/wheelhouse/`)" in found[0].fix and found[0].line == 4
    assert advice[0].startswith("the text shows the files one folder below `dist/` (`dist/sdist/`, `dist/wheelhouse/`)")
    # the same drawn with tree(1)'s lines
    ids, found, _ = _read("The PyPI upload failed, the download left this:\n```\ndist/\n├── wheels/\n│   └── a-1.0-py3-none-"
                          "any.whl\n└── b.txt\n```\n")
    assert ids == ["log-no-distributions"] and "`dist/wheels/`" in found[0].fix
    # guards: a flat dist/ told as what was needed; a tree nobody says went wrong; a tree of another folder
    assert _read("The PyPI upload failed; we needed\n```\ndist/\n  a-1.0.tar.gz\n  a-1.0-py3-none-any.whl\n```\n")[0] != \
        ["log-no-distributions"]
    assert _read("Our PyPI release builds into\n```\ndist/\n  sdist/\n    a-1.0.tar.gz\n```\nand uploads it.\n")[0] == []
    assert _read("The PyPI upload failed:\n```\nbuild/\n  sdist/\n    a-1.0.tar.gz\n```\n")[0] == []


def test_a_platform_tag_pypi_takes_today() -> None:
    # pypi/warehouse #18243: musllinux_1_2_riscv64 refused in June 2025, on PyPI's list since July 2025 (#18390)
    found, advice = _pool("holdout30", "platformtag-warehouse-riscv64")
    assert [f.pattern.id for f in found] == ["log-unsupported-platform-tag"]
    assert found[0].fix == taken_now_fix("musllinux_1_2_riscv64") and "July 2025" in found[0].fix
    assert advice[0].startswith("PyPI takes `musllinux_1_2_riscv64` today") and "auditwheel" not in advice[0]
    # PyPI's list as warehouse's _valid_platform_tag reads it today
    for tag, taken in (("manylinux_2_39_riscv64", True), ("manylinux_2_17_ppc64", True), ("musllinux_1_2_ppc64", False),
                       ("macosx_11_0_arm64", True), ("macosx_11_1_arm64", False), ("macosx_10_9_x86_64", True),
                       ("macosx_27_0_arm64", False), ("pyemscripten_2024_0_wasm32", True),
                       ("emscripten_3_1_14_wasm32", False), ("linux_x86_64", False), ("linux_armv7l", True),
                       ("ios_13_0_arm64_iphoneos", True), ("android_21_arm64_v8a", True), ("win_arm64", True)):
        assert platform_tags.taken_now(tag) is taken, tag
    # guards: a tag PyPI still refuses keeps its own advice
    refused = "400 Binary wheel '{f}' has an unsupported platform tag '{t}'.\n"
    assert _read(refused.format(f="a-1.0-cp312-cp312-musllinux_1_2_ppc64.whl", t="musllinux_1_2_ppc64"))[1][0].fix is None
    assert _read(refused.format(f="a-1.0-cp312-cp312-linux_x86_64.whl", t="linux_x86_64"))[2][0].startswith(
        "`linux_x86_64` is the tag of a wheel built on a plain Linux host")


def test_new_project_429s_told_in_a_repository_that_publishes() -> None:
    # pypi/support #10572: "got 4 in and then the 429s" names nothing of PyPI: read as PyPI's rate limit where the
    # repository's workflows publish to PyPI, and not on its own (npm answers 429 too)
    text = _body("holdout27", "ratelimit-support10572")
    assert [f.pattern.id for f in read(text, publishes=True).findings] == ["log-rate-limited"]
    assert read(text).findings == []


def test_gpg_failing_under_twine_sign() -> None:
    # pypa/twine #130: twine 1.6.0 put `--local-user` after the file, and gpg could not open `--local-user`
    found, advice = _pool("holdout28", "sig-twine130")
    assert [f.pattern.id for f in found] == ["log-uploader-broken"] and found[0].fix == GPG_ORDER_FIX
    assert "drop `--sign`" in advice[0] and "1.6.1" in advice[0]
    # gpg without a key under `twine upload --sign`: the signing, which PyPI discards anyway
    ids, found, advice = _read("twine upload --sign dist/*\nSigning octo-1.0.tar.gz\ngpg: signing failed: No secret key\n")
    assert ids == ["log-uploader-config"] and found[0].fix == GPG_SIGN_FIX and "drop `--sign`" in advice[0]
    # guards: gpg failing for Maven or for a git tag, and gpg with no uploader signing in sight
    assert _read("mvn deploy -P release\ngpg: signing failed: Inappropriate ioctl for device\n")[0] == []
    assert _read("git tag -s v1.0\ngpg: signing failed: No secret key\n")[0] == []
    assert _read("gpg: signing failed: No secret key\n")[0] == []


def test_an_uploader_a_python_tool_could_not_exec() -> None:
    # whylabs/whylogs #754: poetry's `FileNotFoundError … in _execvpe` after the distributions were built, no command shown
    found, advice = _pool("holdout29", "uploadermissing-whylogs")
    assert [f.pattern.id for f in found] == ["log-uploader-missing"] and found[0].line == 12
    assert advice[0].startswith("Python could not start a program") and "the uploader (twine)" in advice[0]
    exec_error = "  FileNotFoundError\n\n  [Errno 2] No such file or directory\n\n  at /usr/lib/python3.8/os.py:601 in _execvpe\n"
    ids, _, advice = _read("+ poetry run twine upload dist/*\n" + exec_error)
    assert ids == ["log-uploader-missing"] and advice[0].startswith("Python could not start `twine`")
    # guards: another program run so (a test runner), and the same error with nothing of an upload
    assert _read("+ poetry run pytest\nbuilt dist/a-1.0-py3-none-any.whl\n" + exec_error)[0] == []
    assert _read("+ make docs\n" + exec_error)[0] == []


def test_a_twine_cap_told_as_the_release_plugins_own() -> None:
    # semantic-release-pypi #42: "The requirements.txt file in this project limits twine less than version 6"
    found, advice = _pool("holdout28", "meta24-semantic-release-pypi")
    assert [f.pattern.id for f in found] == ["log-metadata-unsupported"]
    assert found[0].fix == tool_cap_fix("the release plugin (or tool)") and "upgrade the release plugin" in advice[0]
    named = _read("The semantic-release-pypi plugin pins twine<6 in its requirements, so the upload fails: twine "
                  "cannot read Metadata-Version 2.4.\n")
    assert named[0] == ["log-metadata-unsupported"] and "`semantic-release-pypi`" in named[1][0].fix
    # guard: the job's own pin is the job's to lift (the ordinary advice: upgrade twine where it runs)
    own = _read("We pin twine<6 in our requirements.txt and the upload fails: twine cannot read Metadata-Version 2.4.\n")
    assert own[0] == ["log-metadata-unsupported"] and own[1][0].fix is None
