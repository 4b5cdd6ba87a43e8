"""Uploads a GitLab job makes through a file of the repository (`tox -e release`, `make release`,
`./ci/publish.sh`, `python release.py`, `python -m tooling`), found and edited with the machinery the
GitHub side uses for `run:` steps (`codemods.follow`): the job's script lines are one shell script
(GitLab runs them in one shell, from the repository's root, so a `cd` carries over), its targets are
followed up to the same depth, and each file is edited by `codemods.follow.files.edit_target`.

What differs from GitHub is where the OIDC token comes from: twine, uv and pdm read it (through the
`id` library) from `<AUD>_ID_TOKEN`, and only when `GITLAB_CI` is set, so a tox environment must pass
`GITLAB_CI` and `PYPI_ID_TOKEN` (`TESTPYPI_ID_TOKEN` for TestPyPI) through: tox hands an environment
only the variables it is told to. A tool without Trusted Publishing (poetry, hatch, flit) in a
followed file is refused with the change to make: GitLab has no publish action to hand it over to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Set, Tuple

from codemods.engine.reading import text_or_none
from codemods.follow.calls import given_tox_config, linked_outside, located_commands, targets_in_script
from codemods.follow.files import FileChange, edit_target
from codemods.follow.passenv import Platform
from codemods.indexes import PYPI, Index
from codemods.uploaders.command_line import strip_wrappers


def _oidc_variables(targets: Iterable[Index]) -> Tuple[str, ...]:
    from codemods.gitlab.pipeline import id_token_name

    return ("GITLAB_CI",) + tuple(id_token_name(i) for i in sorted(set(targets) or {PYPI}, key=lambda i: i.key))


GITLAB = Platform(_oidc_variables, "`twine upload dist/*` (twine 6.1 or later, which uses the job's `id_tokens`) "
                  "in the job", False)


@dataclass
class Followed:
    """The files one job runs that upload (or that pubmode cannot change), as each direction edits them."""

    changes: List[FileChange] = field(default_factory=list)  # in the direction of the run
    detected: List[FileChange] = field(default_factory=list)  # as to-oidc sees them (credentials found)
    problems: List[str] = field(default_factory=list)
    # its uploads whose index is chosen at run time: `--repository-url "$URL"` (publish.sh, line 425)
    run_time_index: List[str] = field(default_factory=list)

    @property
    def index_unknown(self) -> bool:
        return bool(self.run_time_index)

    @property
    def manual(self) -> List[str]:
        return [f"{c.target.path.name}: {m}" for c in self.changes for m in c.manual] + self.problems

    @property
    def targets(self) -> Tuple[Index, ...]:
        found = {t for c in self.changes for t in c.targets}
        return tuple(sorted(found, key=lambda i: i.key)) or (PYPI,)

    @property
    def credential_env(self) -> Set[str]:
        return set().union(*(c.credential_env for c in self.changes)) if self.changes else set()

    @property
    def freed(self) -> Set[str]:
        return set().union(*(c.freed for c in self.detected)) if self.detected else set()

    @property
    def uses_token(self) -> bool:
        """Credentials in the followed files (flags, passenv entries of the uploader's variables)."""
        return any(c.cuts for c in self.detected)

    @property
    def hands_token(self) -> bool:
        """Credentials the files give the upload themselves (flags, `{env:PYPI_TOKEN}`), not only the uploader's
        own variables passed through from the job's environment (`passenv = TWINE_PASSWORD`): then the token is a
        CI/CD variable by the uploader's name, as for an upload in the job's script that reads it there itself."""
        return any(c.cuts > c.passed_through for c in self.detected)

    @property
    def label(self) -> str:
        return ", ".join(f"`{c.target.path.name}`" for c in self.changes)

    @property
    def companions(self) -> List[FileChange]:
        return [c for c in self.changes if c.new_text != c.old_text]


def follow_job(script: str, root: Path, to_oidc: bool, current: Dict[Path, str]) -> Followed:
    """The files the job's script runs, edited for the run's direction (`current`: files already edited
    for another job of this run, edited on top of that)."""
    out = Followed()
    for target in targets_in_script(script, root):
        text = current.get(target.path) or text_or_none(target.path)
        if text is None:
            out.problems.append(f"{target.path.name}: cannot be read as UTF-8 text; check its upload by hand")
            continue
        change = edit_target(target, text, to_oidc, GITLAB)
        if to_oidc:
            _drop_dead_assignments(change)
        seen = change if to_oidc else edit_target(target, text, True, GITLAB)
        # `--repository $PYPI_REPO`: maybe PyPI, maybe not; the job keeps its token (as an upload in its script).
        # Its line is the file's own, not that of the text another job's edit left (which may not be written)
        as_is = seen if target.path not in current else edit_target(target, text_or_none(target.path) or text, True,
                                                                     GITLAB)
        found = [where.rsplit(', ', 1) for where in as_is.run_time_index]
        out.run_time_index += [f"{what} ({target.path.name}, {at})" for what, at in found]
        out.problems += [f"{target.path.name}: uploads to an index given by {what} ({at}), known only at run time; it "
                         "keeps its token" for what, at in found]
        if change.uploads or change.manual:
            current[target.path] = change.new_text
            out.changes.append(change)
            out.detected.append(seen)
    if out.changes:
        out.problems += [f"{p.name} is a link to a file outside the repository; not followed: check its upload by "
                         "hand" for p in linked_outside(script, root)]
    return out


def follow_jobs(doc, jobs, root, to_oidc: bool) -> Dict[str, Followed]:
    """The files of the repository each job runs that upload (`tox -e release`, `make`, scripts), by job id:
    the one reading of them migrate plans from and the doctor reports (so a job one sees, the other does)."""
    out: Dict[str, Followed] = {}
    current: dict = {}
    for job in jobs:
        if job.lines and root is not None:
            found = follow_job(resolved_script(doc, job), root, to_oidc, current)
            if found.changes or found.problems:
                out[job.id] = found
    return out


ASSIGNMENT_LINE = r"(?m)^[ \t]*{name}=(\S*)[ \t]*(?:#[^\n]*)?\n?"


def _drop_dead_assignments(change: FileChange) -> None:
    """A script that stored the token in a variable of its own (`api_token=$PYPI_TOKEN`, then `-p
    "$api_token"`): once the credential options are gone nothing reads that variable, but the line
    still reads the CI/CD variable. A plain assignment no command of the script reads any more goes
    (not `export`ed, no `set -a`, not read by name elsewhere); one still read is reported, not
    edited. What the removed value read is freed in turn (the CI/CD variable can then be deleted)."""
    from codemods.engine.text_edits import apply
    from codemods.shell import mentions_variable

    if change.target.kind != "script" or not change.freed or change.new_text == change.old_text:
        return
    text = change.new_text
    if re.search(r"(?m)^\s*set\s+(-[a-zA-Z]*a|-o\s+allexport)", text):
        return
    for name in sorted(change.freed):
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            continue
        found = list(re.finditer(ASSIGNMENT_LINE.format(name=re.escape(name)), text))
        rest = "".join(text[a:b] for a, b in zip([0] + [m.end() for m in found], [m.start() for m in found] + [len(text)]))
        if not found:
            continue
        if mentions_variable(rest, name) or re.search(rf"\b(export|declare|readonly|local)\b[^\n]*\b{name}\b", rest):
            m = found[0]
            change.notes.append(f"line {text.count(chr(10), 0, m.start()) + 1}: `{m.group(0).strip()}` is left as is: "
                                f"the script still reads `{name}` elsewhere, though the upload no longer does; remove "
                                "what reads the token by hand, then its CI/CD variable")
            continue
        value_vars = {v for m in found for v in re.findall(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)", m.group(1))}
        for m in found:
            change.notes.append(f"line {text.count(chr(10), 0, m.start()) + 1}: removed `{m.group(0).strip()}`: "
                                "nothing reads it once the credentials are gone")
        text = apply(text, [(m.start(), m.end(), "") for m in found])
        change.freed |= value_vars
    change.new_text = text


def resolved_script(doc, job) -> str:
    """The job's script with the paths GitLab knows before it runs filled in, for finding the files it
    runs: `$CI_PROJECT_DIR` is the repository's root (where the script starts), and a variable of the
    job's `variables:` (its own, its templates', the top level's) that is such a path, or a plain
    relative one (`ESP_DOCS_PATH: $CI_PROJECT_DIR`, then `python $ESP_DOCS_PATH/ci/deploy.py`)."""
    from codemods.gitlab.pipeline import variable_chain

    known = {"CI_PROJECT_DIR": "."}
    for _, env in reversed(variable_chain(doc, job)):  # the nearest definition wins
        known.update(env)

    def value(name: str, depth: int = 0):
        v = known.get(name)
        if v is None or depth > 5:
            return None
        v = re.sub(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?", lambda m: value(m.group(1), depth + 1) or "\0", v)
        return v if re.fullmatch(r"[\w./-]+", v) and "\0" not in v else None

    def fill(m):
        v = value(m.group(1) or m.group(2))
        return v if v is not None else m.group(0)

    return re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)", fill, job.text)


RELEASE_WORDS = re.compile(r"release|publish|deploy|upload|pypi|dist", re.I)


def unseen_runner(script: str, root: Path, context: str = "") -> Optional[Tuple[str, str]]:
    """A command of a release-looking script that runs a file this repository does not hold (`tox -e
    release` with no tox.ini): pubmode cannot tell whether it uploads. The command and what is missing.
    The job's lines share one shell, so each command is looked up in the folder an earlier `cd` left
    (kernelci/tuxmake: `cd support/docker/`, then `./configure`); after a `cd` pubmode cannot read,
    or out of the repository, nothing is said to be missing."""
    for cmd, folder, certain in located_commands(script):
        vals = [w.value for w in cmd.words[strip_wrappers(cmd.words):]]
        if not vals or not certain or folder == "/":
            continue
        base = root / folder if folder else root
        tool = vals[0].rsplit("/", 1)[-1]
        missing = None
        given = next((v for v in vals[1:] if v.startswith(("-c", "--conf"))), None) if tool == "tox" else None
        at_run_time = given is not None and "$" in " ".join(vals[1:])  # a configuration named at run time
        if tool == "tox" and given_tox_config(vals, base) is None and not at_run_time:
            missing = ("no tox configuration where its `-c` option points" if given else
                       "no tox.ini, tox.toml or tox configuration in pyproject.toml")
        elif tool in ("make", "gmake") and "-f" not in vals and not any(
                (base / n).is_file() for n in ("Makefile", "makefile", "GNUmakefile")):
            missing = "no Makefile"
        elif tool in ("bash", "sh") and len(vals) > 1 and not vals[1].startswith(("-", "<", ">")) and "$" not in vals[1] \
                and not (base / vals[1]).is_file():
            missing = f"no `{vals[1]}`"
        elif vals[0].startswith("./") and "$" not in vals[0] and not (base / vals[0]).is_file():
            missing = f"no `{vals[0]}`"
        if missing and RELEASE_WORDS.search(" ".join(vals) + " " + context):
            return f"`{' '.join(vals)}`", missing + (f" in `{folder}/`" if folder else "")
    return None
