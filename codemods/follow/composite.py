"""A local composite action (`uses: ./.github/actions/publish`) read as a file the step runs.

Its steps run in the caller's job, so an upload there is the job's upload, and PyPI's claims name the
calling workflow, never action.yml. Its `run:` scripts are read like the job's own, with each
`${{ inputs.X }}` standing for what the caller's `with:` (else the input's `default:`) gives; an
`if [ "${{ inputs.X }}" = "lit" ]` or a step's `if: inputs.X == 'lit'` that this decides leaves the
branch that does not run unread. Its pypa/gh-action-pypi-publish steps are read too, and nested local
composite actions up to NESTED deep. Remote actions (`owner/repo@ref`) are not followed.

Edits stay those of a followed file: flags cut in the action's scripts. A credential that reaches the
upload through the caller's `with:` (a secret passed as an input) is changed by hand: both files and
every caller of the action would change. An edit of an action that other workflows use is refused too.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from codemods.engine.file_edit import Target
from codemods.engine.reading import text_or_none
from codemods.errors import InputError
from codemods.follow.files import FileChange
from codemods.follow.shell_text import OIDC_FLAG_STUCK, edit_shell_text, words_meaning
from codemods.engine.text_edits import apply_checked
from codemods.indexes import classify_url, other_host
from codemods.notes import Note
from codemods.uploaders import registry
from codemods.workflow import EXPRESSION, secrets_in

NESTED = 3  # composite actions that use composite actions
INPUT = re.compile(r"\$\{\{\s*inputs\.([A-Za-z_][\w-]*)\s*\}\}")
ACTION = "pypa/gh-action-pypi-publish"
# the kind of the note for a token the action gets from its callers: to change by hand, though the
# uploader itself has Trusted Publishing
TOKEN_THROUGH_ACTION = "token-through-action"


@dataclass(frozen=True)
class CompositeTarget(Target):
    """A local composite action; `name` is its path from the repository root, as reports show it."""

    given: Tuple[Tuple[str, Any], ...] = ()  # the caller's `with:`


def action_file(uses: Any, root: Path) -> Optional[Path]:
    """The action.yml (or action.yaml) of a local composite action the step uses, else None."""
    if not isinstance(uses, str) or not uses.strip().startswith("./"):
        return None
    folder = root / uses.strip()
    real = Path(os.path.realpath(folder))
    if not (real == root.resolve() or root.resolve() in real.parents):
        return None
    for name in ("action.yml", "action.yaml"):
        path = folder / name
        text = text_or_none(path) if path.is_file() else None
        if text is None:
            continue
        runs = _data(text, path).get("runs")
        if isinstance(runs, dict) and str(runs.get("using", "")).strip().lower() == "composite":
            return path
    return None


def _data(text: str, path: Path) -> Dict[str, Any]:
    from codemods.engine.document import load_data

    try:
        data = load_data(text, path)
    except InputError:
        return {}
    return data if isinstance(data, dict) else {}


def composite_target(step: Dict[str, Any], root: Path) -> Optional[CompositeTarget]:
    path = action_file(step.get("uses"), root)
    if path is None:
        return None
    given = step.get("with") if isinstance(step.get("with"), dict) else {}
    return CompositeTarget("composite", path, str(path.relative_to(root)).replace(os.sep, "/"),
                           given=tuple((str(k), v) for k, v in given.items()))


def callers(path: Path, root: Path) -> List[str]:
    """The workflow files of the repository that use the action at `path` (`uses: ./its/folder`)."""
    folder = str(path.parent.relative_to(root)).replace(os.sep, "/")
    pattern = re.compile(r"(?m)^\s*-?\s*uses:\s*['\"]?\./%s/?['\"]?\s*(?:#.*)?$" % re.escape(folder))
    out = []
    workflows = root / ".github" / "workflows"
    for wf in sorted(workflows.glob("*.y*ml")) if workflows.is_dir() else ():
        text = text_or_none(wf)
        if text and pattern.search(text):
            out.append(wf.name)
    return out


def input_values(action: Dict[str, Any], given: Dict[str, Any]) -> Dict[str, Optional[str]]:
    """What each input holds, as far as the workflow shows it: the caller's `with:` value, else the
    input's `default:`; None when only the run knows (an expression, or nothing given)."""
    declared = action.get("inputs") if isinstance(action.get("inputs"), dict) else {}
    out: Dict[str, Optional[str]] = {}
    lowered = {str(k).lower(): v for k, v in given.items()}  # GitHub compares input names case-insensitively
    for name in set(map(str, declared)) | set(map(str, given)):
        spec = declared.get(name) if isinstance(declared.get(name), dict) else {}
        value = lowered.get(name.lower(), spec.get("default"))
        if isinstance(value, bool):
            value = str(value).lower()
        out[name] = None if value is None or isinstance(value, (dict, list)) or "${{" in str(value) else str(value)
    return out


def substituted(value: Any, values: Dict[str, Optional[str]]) -> Any:
    """`value` with each `${{ inputs.X }}` whose value is known written out."""
    if not isinstance(value, str):
        return value
    return INPUT.sub(lambda m: values.get(m.group(1)) if values.get(m.group(1)) is not None else m.group(0), value)


def _placeholders(text: str, start: int, end: int,
                  values: Dict[str, Optional[str]]) -> Tuple[str, Dict[str, Optional[str]]]:
    """The text with each `${{ inputs.X }}` in [start, end) turned into a shell variable of the same length
    named after the input (`${_IX____}`: offsets kept, the same name wherever the same text stands), and
    the values those variables hold (the expression itself when only the run knows it)."""
    env: Dict[str, Optional[str]] = {}
    pieces, last = [], start
    for m in INPUT.finditer(text, start, end):
        name = "_I" + re.sub(r"\W", "_", m.group(1))
        name += "_" * (len(m.group(0)) - 3 - len(name))  # always >= 0: `${{inputs.` is longer than `${_I`
        value = values.get(m.group(1))
        env[name] = value if value is not None else m.group(0)
        pieces += [text[last:m.start()], "${%s}" % name]
        last = m.end()
    return text[:start] + "".join(pieces) + text[last:], env


# `if [ A = B ]; then … else … fi` with no nested `if`: the branch that does not run is decided by inputs
_IF = re.compile(r"\bif[ \t]+\[\[?[ \t]+(?P<cond>[^\n\]]+?)[ \t]+\]\]?[ \t]*(?:;[ \t]*|\n[ \t]*)then\b"
                 r"(?P<then>(?:(?!\b(?:if|elif|fi)\b)[\s\S])*?)"
                 r"(?:\belse\b(?P<else>(?:(?!\b(?:if|elif|fi)\b)[\s\S])*?))?\bfi\b")


def _word(word: str, env: Dict[str, Optional[str]]) -> Optional[str]:
    word = word.strip()
    if len(word) >= 2 and word[0] == word[-1] and word[0] in "'\"":
        word = word[1:-1]
    m = re.fullmatch(r"\$\{(_I\w+)\}", word)
    if m:
        value = env.get(m.group(1))
        return None if value is None or "${{" in value else value
    return None if "$" in word or "`" in word else word


def _decided(cond: str, env: Dict[str, Optional[str]]) -> Optional[bool]:
    parts = re.findall(r"\"[^\"]*\"|'[^']*'|\S+", cond)
    if len(parts) == 2 and parts[0] in ("-n", "-z"):
        value = _word(parts[1], env)
        return None if value is None else (value != "") == (parts[0] == "-n")
    if len(parts) == 3 and parts[1] in ("=", "==", "!="):
        a, b = _word(parts[0], env), _word(parts[2], env)
        return None if a is None or b is None else (a == b) == (parts[1] != "!=")
    return None


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def dead_branches_blanked(view: str, start: int, end: int, env: Dict[str, Optional[str]]) -> str:
    for m in list(_IF.finditer(view, start, end)):
        taken = _decided(m.group("cond"), env)
        if taken is True and m.group("else") is not None:
            view = _blank(view, m.start("else"), m.end("else"))
        elif taken is False:
            view = _blank(view, m.start("then"), m.end("then"))
    return view


def runs_step(condition: Any, values: Dict[str, Optional[str]]) -> bool:
    """False only when the step's `if:` is `inputs.X == 'lit'` (or `!=`, or `inputs.X != ''`) and the
    inputs decide it is false."""
    if not isinstance(condition, str):
        return condition is not False
    text = condition.strip()
    m = re.fullmatch(r"\$\{\{(.*)\}\}", text, re.S)
    text = (m.group(1) if m else text).strip()
    m = re.fullmatch(r"inputs\.([A-Za-z_][\w-]*)\s*(==|!=)\s*'([^']*)'", text)
    if not m:
        return True
    value = values.get(m.group(1))
    if value is None:
        return True
    return (value == m.group(3)) == (m.group(2) == "==")


def _scalar_region(doc, path) -> Optional[Tuple[int, int]]:
    """Where a `run:` string's text is in the file: the lines of a literal block (`|`), or a plain scalar
    on its line; None for a quoted or folded one (its text is not the script as written)."""
    try:
        node = doc.node(path)
    except Exception:
        return None
    style = getattr(node, "style", None)
    if style == "|":
        return doc.text.index("\n", node.start_mark.index) + 1, node.end_mark.index
    if style is None and node.start_mark.line == node.end_mark.line:
        return node.start_mark.index, node.end_mark.index
    return None


def edit_composite(target: CompositeTarget, text: str, to_oidc: bool, root: Path, chain=(),
                   current: Optional[Dict[Path, str]] = None, depth: int = 0,
                   given: Optional[Dict[str, Any]] = None) -> List[FileChange]:
    """The uploads of a local composite action and of the files and actions its steps run, each as a
    followed file's change. `given`: the caller's `with:` (nested actions: with outer inputs written out)."""
    from codemods.engine.document import Document
    from codemods.follow.calls import targets_in_script
    from codemods.follow.files import edit_target

    current = {} if current is None else current
    given = dict(target.given) if given is None else given
    change = FileChange(target, text, text)
    try:
        doc = Document(text, target.path)
    except InputError as e:
        change.manual.append(f"cannot be read as YAML ({e.message}); check its upload by hand")
        change.uploads = 1
        return [change]
    action = doc.data if isinstance(doc.data, dict) else {}
    values = input_values(action, given)
    secret_inputs = {str(k) for k, v in given.items() if secrets_in(v) - {"GITHUB_TOKEN"}}
    runs = action.get("runs") if isinstance(action.get("runs"), dict) else {}
    steps = runs.get("steps") if isinstance(runs.get("steps"), list) else []
    others: List[FileChange] = []
    splices, cut, added = [], [], []
    for i, step in enumerate(steps):
        if not isinstance(step, dict) or not runs_step(step.get("if"), values):
            continue
        line = doc.line_of(("runs", "steps", i)) or 1
        fed = _fed_by_secret(step, secret_inputs)
        if step.get("uses") is not None:
            others += _uses_step(doc, target, change, step, i, line, values, fed, to_oidc, root, chain, current,
                                 depth)
            continue
        script = step.get("run")
        if not isinstance(script, str):
            continue
        region = _scalar_region(doc, ("runs", "steps", i, "run"))
        if region is None:
            if registry.upload_line(script):
                change.uploads += 1
                change.lines.append(line)
                change.manual.append(f"line {line}: its `run:` is a quoted or folded string; check its upload by hand")
            continue
        start, end = region
        view, env = _placeholders(text, start, end, values)
        view = dead_branches_blanked(view, start, end, env)
        step_env = step.get("env") if isinstance(step.get("env"), dict) else {}
        own = {str(k): substituted(v, values) for k, v in step_env.items()}
        step_chain = [(("composite", "env"), own), (("composite", "inputs"), env)] + list(chain)
        edit = edit_shell_text(view, start, end, 1, to_oidc, chain=step_chain)
        change.uploads += edit.uploads
        change.lines += edit.lines
        change.tools += edit.tools
        change.targets |= edit.targets
        change.run_time_index += edit.run_time_index
        change.notes += edit.notes
        change.manual += edit.manual
        # a token set by the action itself (`TWINE_PASSWORD: ${{ inputs.token }}`), not `TWINE_USERNAME: __token__`
        in_action_env = sorted(n for n in set(map(str, step_env)) & edit.credential_env
                               if str(step_env[n]).strip() not in ("__token__", ""))
        if edit.uploads and (fed or in_action_env):
            change.cuts += 1  # a token reaches the upload
            if to_oidc:
                change.manual.append(_by_hand(line, fed, in_action_env))
        else:
            change.credential_env |= edit.credential_env
            change.freed |= edit.freed
            change.cuts += edit.cuts
            change.notes = [n for n in change.notes if n not in edit.notes or edit.cuts or not to_oidc]
            if edit.cuts or not to_oidc:  # to-oidc adds no flag alone: an action may have other callers, and
                splices += edit.splices  # `uv publish` without a token uses Trusted Publishing anyway
                cut += edit.cut_words
                added += edit.added_words
        # the files the step's script runs (`make release`, `./scripts/publish.sh`)
        wd = substituted(step.get("working-directory"), values)
        wd = wd if isinstance(wd, str) and "${{" not in wd else None
        for t in targets_in_script(script, root, wd):
            t_text = current.get(t.path) or text_or_none(t.path)
            if t_text is None:
                continue
            c = edit_target(t, t_text, to_oidc, chain=[(("composite", "env"), own)] + list(chain))
            current[t.path] = c.new_text
            if c.uploads or c.manual:
                others.append(c)
    if splices:
        change.new_text, why = apply_checked(text, splices, words_meaning(cut, added, _view_of))
        change.manual += [why] if why else []
        users = callers(target.path, root)
        # a credential cut in a shared action leaves the other callers' tokens unused (their uploads would
        # try Trusted Publishing); a Trusted Publishing flag added or taken out changes nothing for them
        if len(users) > 1 and change.cuts and change.new_text != text:
            change.manual.append(f"it is also used by {', '.join(f'`{u}`' for u in users)}: an edit there changes "
                                 "every caller; change its upload by hand")
            change.new_text = text
    return ([change] if change.uploads or change.manual else []) + others


def _view_of(text: str) -> str:
    """The text as its scripts were read: inputs as shell variables (the cut words name them so)."""
    return _placeholders(text, 0, len(text), {})[0]


def _fed_by_secret(step: Dict[str, Any], secret_inputs) -> List[str]:
    """The inputs carrying a secret of the caller that the step reads (in its `with:`, `env:` or `run:`)."""
    used = {m.group(1) for k, v in step.items() if k in ("with", "env", "run") for m in INPUT.finditer(str(v))}
    return sorted(used & set(secret_inputs))


def _by_hand(line: int, fed: List[str], in_env: List[str]) -> Note:
    if fed:
        return Note(f"line {line}: the upload gets its token from the input{'s' if len(fed) > 1 else ''} "
                f"{', '.join(f'`{n}`' for n in fed)}, which the caller's `with:` fills from a secret: remove the "
                "credential from the action's step and the input from every caller's `with:` by hand (pubmode does "
                "not edit both)", kind=TOKEN_THROUGH_ACTION)
    return Note(f"line {line}: the action's step sets {', '.join(f'`{n}`' for n in in_env)} for the upload; remove "
                "it by hand", kind=TOKEN_THROUGH_ACTION)


def _uses_step(doc, target: CompositeTarget, change: FileChange, step: Dict[str, Any], i: int, line: int,
               values: Dict[str, Optional[str]], fed: List[str], to_oidc: bool, root: Path, chain,
               current: Dict[Path, str], depth: int) -> List[FileChange]:
    """A `uses:` step of the action: a nested local composite action (followed), or the publish action."""
    from codemods.publishers.gh_action import has_trusted_publishing, input_keys, PASSWORD_INPUTS, URL_INPUTS

    uses = str(step.get("uses")).strip()
    given = step.get("with") if isinstance(step.get("with"), dict) else {}
    given = {str(k): substituted(v, values) for k, v in given.items()}
    if uses.startswith("./"):
        nested = composite_target({"uses": uses, "with": given}, root)
        if nested is None or depth >= NESTED or nested.path == target.path:
            return []
        text = current.get(nested.path) or text_or_none(nested.path)
        if text is None:
            return []
        # a secret of the workflow that reaches the nested action through this action's inputs
        outer = {str(k) for k, v in target.given if secrets_in(v) - {"GITHUB_TOKEN"}}
        marked = {k: ("${{ secrets.FROM_CALLER }}" if any(n in outer for n in
                                                         (m.group(1) for m in INPUT.finditer(str(v)))) else v)
                  for k, v in given.items()}
        return edit_composite(nested, text, to_oidc, root, chain, current, depth + 1, marked)
    name, _, ref = uses.partition("@")
    if name.rstrip("/").lower() != ACTION:
        return []
    change.uploads += 1
    change.lines.append(line)
    url = next((str(given[k]) for k in input_keys(given, URL_INPUTS) if str(given[k]).strip()), None)
    password = [k for k in input_keys(given, PASSWORD_INPUTS) if str(given[k]).strip()]
    if url is not None and (EXPRESSION.search(url) or INPUT.search(url)):
        if not other_host(url):
            change.run_time_index.append(f"`{url}`, line {line}")
    else:
        index = classify_url(url)
        if index:
            change.targets.add(index)
        else:
            change.notes.append(f"line {line}: {ACTION} uploads to another index; left as is")
            change.uploads -= 1
            return []
    if password:
        change.cuts += 1
        if to_oidc:
            change.manual.append(_by_hand(line, fed, []) if fed else
                                 Note(f"line {line}: {ACTION} gets `password:` in the action; remove it by hand",
                                      kind=TOKEN_THROUGH_ACTION))
    elif not has_trusted_publishing(ref):
        change.manual.append(f"line {line}: {ACTION}@{ref} has no Trusted Publishing; move it to "
                             "`@release/v1` by hand")
    elif not to_oidc:  # the job keeps its id-token (as for a Trusted Publishing flag to-token cannot take out)
        change.manual.append(Note(f"line {line}: {ACTION} uploads with Trusted Publishing inside the action; give "
                                  "it `password:` (from an input of the action the callers fill) by hand",
                                  kind=OIDC_FLAG_STUCK))
    return []


def composite_steps(uses: Any, root: Path, given: Any = None, depth: int = 0, seen: Tuple[Path, ...] = ()):
    """Each step of the local composite action `uses` names and of the local ones its steps use, NESTED
    deep: (the action file from the root, the step's line, the step); a step whose `if:` the inputs (`given`:
    the caller's `with:`) decide against is left out. Nothing for any other `uses:`."""
    from codemods.engine.document import Document

    path = action_file(uses, root)
    if path is None or path in seen or depth > NESTED:
        return
    text = text_or_none(path)
    try:
        doc = Document(text, path) if text is not None else None
    except InputError:
        doc = None
    runs = doc.data.get("runs") if doc is not None and isinstance(doc.data, dict) else None
    steps = runs.get("steps") if isinstance(runs, dict) else None
    name = str(path.relative_to(root)).replace(os.sep, "/")
    values = input_values(doc.data, given if isinstance(given, dict) else {}) if doc is not None else {}
    for i, step in enumerate(steps if isinstance(steps, list) else []):
        if not isinstance(step, dict) or not runs_step(step.get("if"), values):
            continue
        yield name, doc.line_of(("runs", "steps", i)) or 1, step
        inner = step.get("with") if isinstance(step.get("with"), dict) else {}
        yield from composite_steps(step.get("uses"), root, {k: substituted(v, values) for k, v in inner.items()},
                                   depth + 1, seen + (path,))


IN_COMPOSITE = "publish-action-in-composite"  # the doctor's finding id (`migrate explain publish-action-in-composite`)


@dataclass(frozen=True)
class NestedPublishAction:
    """pypa/gh-action-pypi-publish called from inside a local composite action the job uses, which the
    action does not support (its v1.12.3 notes: "don't call pypi-publish from composite actions")."""

    job_id: str
    path: Tuple[Any, ...]  # the calling step
    caller: str  # "step 2 in job `publish_package`"
    uses: str  # "./.github/actions/publish"
    file: str  # the action file, from the repository root
    line: int

    @property
    def message(self) -> str:
        return (f"{ACTION} is called from inside the composite action `{self.uses}` that {self.caller} uses, which "
                "it does not support")

    @property
    def text(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    @property
    def note(self) -> Note:
        """The sentence migrate prints (to-oidc and to-token alike), with the doctor's finding id."""
        return Note(f"{self.text}; {NESTED_FIX[0].lower()}{NESTED_FIX[1:]}", job=self.job_id, finding=IN_COMPOSITE,
                    at=self.path)


NESTED_FIX = ("Call pypa/gh-action-pypi-publish from the publishing job's own steps, not from a composite action "
              "(the action's other steps can stay where they are)")


def nested_publish_actions(doc, root: Optional[Path]) -> List[NestedPublishAction]:
    """Each pypa/gh-action-pypi-publish step inside a local composite action a job's step uses (nested ones
    too). One detection for migrate (its warning) and the doctor (its finding)."""
    from codemods.workflow import jobs, step_label, steps, uses_action

    if root is None:
        return []
    out = []
    for job_id, job in jobs(doc):
        for i, step in steps(job):
            uses = step.get("uses")
            if not isinstance(uses, str) or not uses.strip().startswith("./"):
                continue
            caller = f"{step_label(step, i)} in job `{job_id}`"
            for name, line, inner in composite_steps(uses, root, step.get("with")):
                if uses_action(inner, ACTION) is not None:
                    out.append(NestedPublishAction(job_id, ("jobs", job_id, "steps", i), caller, uses.strip(), name,
                                                   line))
    return out
