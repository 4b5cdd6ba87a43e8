"""An edited tox.toml (or pyproject's `[tool.tox]`) loaded again and compared by meaning with the
intent: everything outside the environment's `commands` and `pass_env` is unchanged, and those two
hold exactly the intended lists. Splices on TOML text are not trusted on their own."""
from __future__ import annotations

import copy
from typing import Any, List, Optional


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
