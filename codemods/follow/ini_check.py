"""An edited tox.ini read back the way tox 4 reads it, and compared by meaning with the intent.

tox (`tox/config/source/ini.py`) parses with `ConfigParser(interpolation=None)`: keys are
case-insensitive, `#`/`;` start full-line comments, indented lines continue a value. Its loader
(`tox/config/loader/ini/__init__.py`) then drops `#` comments inside values and joins `\\`
continuations; lists split at newlines, or at commas on one line. A splice that glues two keys or
drops a newline changes what tox reads even when the text looks right, so splices are not trusted.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Dict, List, Optional

from codemods.shell import commands
from codemods import toml_text

COMMENT = re.compile(r"\s*(?<!\\)#.*")  # tox's _COMMENTS
Ini = Dict[str, Dict[str, str]]


def read_ini(text: str) -> Ini:
    """Sections and raw values as tox's parser sees them (ValueError when it would not parse)."""
    import configparser  # here: most runs read no ini file (start-up)

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text.lstrip("\ufeff"))
    except configparser.Error as e:
        raise ValueError(str(e).splitlines()[0]) from None
    out = {s: dict(parser[s]) for s in parser.sections()}
    out[parser.default_section] = dict(parser.defaults())
    return out


def ini_of(text: str, legacy: bool) -> str:
    """The ini text: the file itself, or pyproject's `tool.tox.legacy_tox_ini` string."""
    if not legacy:
        return text
    try:
        return toml_text.loads(text)["tool"]["tox"]["legacy_tox_ini"]
    except (ValueError, KeyError, TypeError):
        raise ValueError("pyproject.toml has no readable tool.tox.legacy_tox_ini") from None


def clean(raw: Optional[str]) -> str:
    """A value after tox's loader: comments out, continuations joined, no carriage returns."""
    if raw is None:
        return ""
    lines = [COMMENT.sub("", line).replace("\\#", "#") for line in raw.split("\n") if not line.startswith("#")]
    return "\n".join(lines).replace("\r", "").replace("\\\n", "")


def names(raw: Optional[str]) -> List[str]:
    """passenv names: split like tox 4 (newlines, else commas), and tox 3's blanks as well."""
    value = clean(raw)
    parts = value.split("\n") if "\n" in value else value.split(",")
    return [n for p in parts for n in p.replace(",", " ").split()]


def tox4_reads(raw: Optional[str]) -> bool:
    """tox 4 refuses a passenv item with a blank in it (`A B` on one line)."""
    value = clean(raw)
    parts = value.split("\n") if "\n" in value else value.split(",")
    return not any(len(p.split()) > 1 for p in parts)


def command_words(raw: Optional[str]) -> List[List[str]]:
    return [[w.text for w in c.words] for line in clean(raw).split("\n") for c in commands(line)]


def check_tox_env(old: Ini, new: Ini, section: str, passenv_key: str, passenv: List[str],
                  cut: List[str], added: List[str]) -> Optional[str]:
    """Why `new` does not mean `old` with the intended edit of [section]; None when it does."""
    if set(old) != set(new):
        return f"sections {sorted(set(old) ^ set(new))} would appear or go"
    for name in old:
        edited = ("commands", passenv_key) if name == section else ()
        for key in set(old[name]) | set(new[name]):
            if key not in edited and old[name].get(key) != new[name].get(key):
                return f"[{name}] {key} would change"
    before, after = old[section], new[section]
    if sorted(set(names(after.get(passenv_key)))) != sorted(set(passenv)):
        return f"[{section}] {passenv_key} would read {names(after.get(passenv_key))}, not {passenv}"
    if tox4_reads(before.get(passenv_key)) and not tox4_reads(after.get(passenv_key)):
        return f"[{section}] {passenv_key} would have a blank inside an item, which tox 4 refuses"
    old_cmds, new_cmds = command_words(before.get("commands")), command_words(after.get("commands"))
    if len(old_cmds) != len(new_cmds):
        return f"[{section}] commands would become {len(new_cmds)} commands instead of {len(old_cmds)}"
    expected = Counter(w for c in old_cmds for w in c)
    expected.subtract(cut)
    expected.update(added)
    if +expected != Counter(w for c in new_cmds for w in c) or any(v < 0 for v in expected.values()):
        return f"[{section}] commands would change more than the credential options"
    return None
