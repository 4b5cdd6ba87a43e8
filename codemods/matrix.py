"""What a job's `strategy.matrix` gives an expression, leg by leg, where the matrix is written in the job.

One reader for every place that needs a matrix value (the runner a leg runs on, the folder it uploads from,
the secret it reads): a publish step whose folder is `${{ matrix.package.directory }}/dist` uploads one
project per leg, and its password `${{ secrets[matrix.package.token] }}` reads one secret per leg. The legs
are expanded as GitHub does: the product of the keys, then `exclude:` (a partial match removes a leg), then
`include:` (an entry extends each leg whose original values it does not change, else it is a leg of its own).
A matrix given by an expression (`${{ fromJSON(needs.x.outputs.matrix) }}`) has no legs known before the run.
"""
from __future__ import annotations

import re
from itertools import product
from typing import Any, Dict, List, Optional

# A matrix value as an expression reads it: `matrix.package.directory` (dots only; `matrix['a']` is not read)
MATRIX_PATH = re.compile(r"matrix((?:\s*\.\s*[A-Za-z_][\w-]*)+)")
_EXPRESSION = re.compile(r"\$\{\{((?:(?!\$\{\{).)*?)\}\}", re.S)
MAX_LEGS = 256  # GitHub runs at most 256 jobs per matrix


def legs(job: Dict[str, Any]) -> Optional[List[Dict[str, Any]]]:
    """The legs of the job's matrix, each a mapping of its keys to values; None when the job has no matrix
    written in the file (none at all, an expression, a key whose values an expression gives)."""
    strategy = job.get("strategy")
    matrix = strategy.get("matrix") if isinstance(strategy, dict) else None
    if not isinstance(matrix, dict):
        return None
    keys = [k for k in matrix if k not in ("include", "exclude")]
    if any(not isinstance(matrix[k], list) for k in keys):
        return None
    include, exclude = matrix.get("include", []), matrix.get("exclude", [])
    if not isinstance(include, list) or not isinstance(exclude, list) or \
            not all(isinstance(e, dict) for e in include + exclude):
        return None
    size = 1
    for k in keys:
        size *= len(matrix[k])
    if size > MAX_LEGS:
        return None
    found = [dict(zip(keys, values)) for values in product(*(matrix[k] for k in keys))] if keys and size else []
    found = [leg for leg in found if not any(all(k in leg and leg[k] == v for k, v in e.items()) for e in exclude)]
    added = []
    for entry in include:
        fits = [leg for leg in found if all(leg[k] == v for k, v in entry.items() if k in keys)]
        for leg in fits:
            leg.update(entry)
        if not fits:
            added.append(dict(entry))
    return found + added


def _value(leg: Dict[str, Any], path: List[str]) -> Optional[str]:
    """The text a leg gives `matrix.<path>`, or None when the leg has none or it is not a scalar."""
    value: Any = leg
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, (str, int, float)) else None


def _path(expression: str) -> Optional[List[str]]:
    m = MATRIX_PATH.fullmatch(expression.strip())
    return [p.strip() for p in m.group(1).split(".")[1:]] if m else None


def expression_values(job: Dict[str, Any], expression: str, every_leg: bool = True) -> Optional[List[str]]:
    """The values of a bare expression `matrix.a.b` over the job's legs (each once, in leg order); None when
    it is not one, the matrix is not written in the job, or (`every_leg`) a leg gives it no scalar value.
    Without `every_leg`, the legs that give it none are left out (a runner label some legs set)."""
    path, found = _path(expression), legs(job)
    if path is None or found is None:
        return None
    values = [_value(leg, path) for leg in found]
    if every_leg and (not values or None in values):
        return None
    return list(dict.fromkeys(v for v in values if v is not None))


def reads_matrix(text: str) -> bool:
    """True when an expression of the text reads the matrix."""
    return any(re.search(r"\bmatrix\b", m.group(1)) for m in _EXPRESSION.finditer(text))


def substitute(leg: Dict[str, Any], text: str, strict: bool = True) -> Optional[str]:
    """`text` with each `${{ matrix.… }}` replaced by the leg's value; None when one has none (a leg without
    the key, an expression that does more than read a value: `format(…, matrix.x)`), or, not `strict`, that
    expression left as written. Other expressions stay as written."""
    failed = False

    def put(m: "re.Match[str]") -> str:
        nonlocal failed
        if not re.search(r"\bmatrix\b", m.group(1)):
            return m.group(0)
        path = _path(m.group(1))
        value = _value(leg, path) if path is not None else None
        if value is None:
            failed = True
            return m.group(0)
        return value

    out = _EXPRESSION.sub(put, text)
    return None if failed and strict else out


def text_values(job: Dict[str, Any], text: str, strict: bool = True) -> Optional[List[str]]:
    """`text` as each leg of the job's matrix reads it (each result once, see `substitute`): `[text]` when it
    reads no matrix; None when a value it reads cannot be known from the file (a matrix given at run time, or,
    `strict`, a leg that gives it none)."""
    if not reads_matrix(text):
        return [text]
    found = legs(job)
    if not found:
        return None
    out: List[str] = []
    for leg in found:
        resolved = substitute(leg, text, strict)
        if resolved is None:
            return None
        if resolved not in out:
            out.append(resolved)
    return out
