"""An edited tox.toml (or pyproject's `[tool.tox]`) loaded again and compared by meaning with the
intent: everything outside the environment's `commands` and `pass_env` is unchanged, and those two
hold exactly the intended lists. Splices on TOML text are not trusted on their own."""
from __future__ import annotations

import copy
from typing import Any, List, Optional

from codemods import toml_text
from codemods.engine.text_edits import Meaning


def check_toml_env(before: dict, after: dict, keys: List[str], commands: List[Any],
                   pass_env: Optional[List[str]]) -> Optional[str]:
    """Why `after` is not `before` with [keys] commands/pass_env set as intended; None when it is."""
    rest_before, rest_after = copy.deepcopy(before), copy.deepcopy(after)
    envs = []
    for data in (rest_before, rest_after):
        for k in keys:
            data = data.get(k) if isinstance(data, dict) else None
        if not isinstance(data, dict):
            return f"[{'.'.join(keys)}] would not be a table any more"
        envs.append(data)
    table = ".".join(keys)
    got_commands, got_pass_env = envs[1].pop("commands", None), envs[1].pop("pass_env", None)
    envs[0].pop("commands", None)
    envs[0].pop("pass_env", None)
    if rest_before != rest_after:
        return "keys outside commands and pass_env would change"
    if (got_commands or []) != commands:
        return f"[{table}] commands would be {got_commands}, not {commands}"
    if pass_env is not None and (got_pass_env or []) != pass_env:
        return f"[{table}] pass_env would be {got_pass_env}, not {pass_env}"
    return None


def env_meaning(header: str, commands: List[Any], pass_env: Optional[List[str]]) -> Meaning:
    """The tox TOML kind's check: both texts load, and only the environment's `commands` and `pass_env`
    differ, holding the intended lists."""
    def meaning(old: str, new: str) -> Optional[str]:
        try:
            why = check_toml_env(toml_text.loads(old), toml_text.loads(new), header.split("."), commands, pass_env)
        except ValueError as e:
            why = f"it would not load any more: {e}"
        return why and f"the edit of [{header}] would not load back as intended ({why}); change it by hand"
    return meaning


def script_meaning(table: str, key: str, words: Meaning) -> Meaning:
    """A pyproject `[table] key = "command"` script: both texts load, nothing but that string differs,
    and the string passes the shell words check."""
    def value(data: dict) -> Any:
        for k in table.split("."):
            data = data.get(k) if isinstance(data, dict) else None
        return data.pop(key, None) if isinstance(data, dict) else None

    def command(v: Any) -> Optional[str]:
        v = (v.get("cmd") or v.get("shell")) if isinstance(v, dict) else v
        return v if isinstance(v, str) else None

    def meaning(old: str, new: str) -> Optional[str]:
        try:
            before, after = toml_text.loads(old), toml_text.loads(new)
        except ValueError as e:
            return f"[{table}] {key}: the edit would not load as TOML ({e}); change it by hand"
        a, b = command(value(before)), command(value(after))
        if a is None or b is None or before != after:
            return f"[{table}] {key}: the edit would change more than the command; change it by hand"
        return words(a, b)
    return meaning
