"""The wheel platform tags PyPI takes today, so a refusal of one of them is told as a log older than PyPI's list.

PyPI checks a wheel's platform tag against fixed lists in warehouse/forklift/legacy.py (`_valid_platform_tag`, read at
pypi/warehouse 6b62157, August 2026); entries are added over time, so an old log's refused tag may be taken now.
"""
from __future__ import annotations

import re
from typing import Optional

_STATIC = {"any", "win32", "win_arm64", "win_amd64", "win_ia64", "manylinux1_x86_64", "manylinux1_i686",
           "manylinux2010_x86_64", "manylinux2010_i686", "manylinux2014_x86_64", "manylinux2014_i686",
           "manylinux2014_aarch64", "manylinux2014_armv7l", "manylinux2014_ppc64", "manylinux2014_ppc64le",
           "manylinux2014_s390x", "linux_armv6l", "linux_armv7l"}
_MACOS = re.compile(r"macosx_(\d+)_(\d+)_(ppc|ppc64|i386|x86_64|arm64|intel|fat|fat3|fat64|universal|universal2)")
_MACOS_MAJORS = {"11", "12", "13", "14", "15", "26"}
_LINUX = re.compile(r"(many|musl)linux_\d+_\d+_(x86_64|i686|aarch64|armv7l|ppc64le|s390x|riscv64|ppc64)")
_IOS = re.compile(r"ios_\d+_\d+_(?:arm64|x86_64)_(?:iphoneos|iphonesimulator)")
_ANDROID = re.compile(r"android_\d+_(?:armeabi_v7a|arm64_v8a|x86|x86_64)")
_PYEMSCRIPTEN = re.compile(r"pyemscripten_\d+_\d+_wasm32")

# the additions of recent years, by the pull request that made them (the month it was merged)
_ADDED = ((re.compile(r"(?:many|musl)linux_\d+_\d+_riscv64"), "July 2025, pypi/warehouse#18390"),
          (re.compile(r"macosx_26_"), "November 2025, pypi/warehouse#19018"),
          (re.compile(r"macosx_15_"), "October 2024, pypi/warehouse#16877"),
          (re.compile(r"macosx_14_"), "October 2023, pypi/warehouse#14702"),
          (re.compile(r"macosx_13_"), "October 2022, pypi/warehouse#12414"),
          (re.compile(r"macosx_12_"), "November 2021, pypi/warehouse#10320"),
          (re.compile(r"macosx_11_|macosx_10_\d+_(?:arm64|universal2)$"), "November 2020, pypi/warehouse#8881"),
          (re.compile(r"win_arm64$"), "November 2021, pypi/warehouse#10338"),
          (re.compile(r"ios_|android_"), "February 2025, pypi/warehouse#17559"),
          (re.compile(r"pyemscripten_"), "April 2026, PEP 783, pypi/warehouse#19804"))


def taken_now(tag: str) -> bool:
    """Whether PyPI's upload check takes this platform tag today."""
    macos = _MACOS.fullmatch(tag)
    if macos:
        return macos.group(1) == "10" or (macos.group(1) in _MACOS_MAJORS and macos.group(2) == "0")
    linux = _LINUX.fullmatch(tag)
    if linux:
        return linux.group(1) == "many" or linux.group(2) != "ppc64"
    return tag in _STATIC or any(rx.fullmatch(tag) for rx in (_IOS, _ANDROID, _PYEMSCRIPTEN))


def added_when(tag: str) -> Optional[str]:
    """When PyPI's list gained the tag, for the additions of recent years (None: long taken)."""
    return next((when for rx, when in _ADDED if rx.match(tag)), None)
