"""`migrate` (alias `pubmode`): move PyPI release workflows between API tokens and Trusted Publishing.

This module only parses arguments and prints; the work is in `codemods`. Heavy imports (the engine,
deepdiff) happen inside the commands so that `migrate --help` stays fast.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(
    name="migrate",
    help="Move a project's PyPI release workflow between API-token publishing and Trusted Publishing "
    "(OIDC), changing only the lines that must change.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

PATHS = typer.Argument(None, metavar="PATH", help="Workflow files or folders (*.yml, *.yaml), or a GitLab .gitlab-ci.yml "
                       "(the local files it includes are followed). Default: the .github/workflows folder of the "
                       "repository around the current directory, and its .gitlab-ci.yml when it has one.",
                       show_default=False)
DRY_RUN = typer.Option(False, "--dry-run", "--diff", help="Write nothing; print a unified diff (git apply-able).")
CHECK = typer.Option(False, "--check", help="Write nothing; exit 1 if any file would change.")
MIGRATE_FORMAT = typer.Option("text", "--format", metavar="FORMAT",
                              help="text (a diff on stdout with --dry-run, the report on stderr), markdown (for a pull "
                              "request or $GITHUB_STEP_SUMMARY), json (docs/report.schema.json) or github (workflow "
                              "annotations); all but text go to stdout, and the text report still goes to stderr.")
JOBS = typer.Option(1, "--jobs", "-j", metavar="N", help="Read N files at a time in worker processes (0: one per "
                    "CPU). Output and exit code are the same in any case, in the order of the files.")


def _version(value: bool) -> None:
    if value:
        from codemods import __version__

        typer.echo(f"pubmode {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Show the version and exit.")) -> None:
    """Move a project's PyPI release workflow between API-token publishing and Trusted Publishing
    (OIDC), changing only the lines that must change."""


def _cwd() -> Path:
    """The current folder; one line and exit 2 when it was deleted (os.getcwd fails)."""
    try:
        return Path.cwd()
    except OSError as e:
        typer.echo(f"error: the current folder cannot be read ({e.strerror or e}); was it deleted? "
                   "cd into the repository and run again", err=True)
        raise typer.Exit(2)


def _jobs(jobs: int) -> int:
    if jobs < 0:
        typer.echo("error: --jobs must be 0 (one per CPU) or more", err=True)
        raise typer.Exit(2)
    return jobs


def _run(direction: str, paths: Optional[List[Path]], dry_run: bool, check: bool, output_format: str = "text",
         **opts) -> None:
    from codemods.environment import EnvironmentChoice
    from codemods.errors import InputError
    from codemods.migrate import Options
    from codemods.report import report_chunks
    from codemods.runner import run, unified_diff
    from codemods.workflow_files import default_paths
    from codemods.write_phase import write_all

    if output_format not in ("text", "markdown", "json", "github"):
        typer.echo("error: --format must be one of text, markdown, json, github", err=True)
        raise typer.Exit(2)
    options = Options(direction, EnvironmentChoice(opts.get("environment"), opts.get("no_environment", False)),
                      opts.get("secret") or "PYPI_API_TOKEN", opts.get("test_secret") or "TEST_PYPI_API_TOKEN",
                      opts.get("split_jobs", False), opts.get("self_managed_gitlab", False),
                      opts.get("secret") is not None, opts.get("test_secret") is not None)
    cwd = _cwd()
    try:
        targets = list(paths) if paths else default_paths(cwd)
    except InputError as e:
        typer.echo(f"error: {e.where(str(e.path))}: {e.message}", err=True)
        raise typer.Exit(2)
    result = run(targets, options, cwd, opts.get("jobs", 1))
    writing = not (dry_run or check)
    if dry_run and output_format == "text":
        printed: set = set()
        for f in result.files:
            if f.changed and not f.error:
                sys.stdout.write(unified_diff(f, printed))
    elif writing:
        write_all(result.files)
    if output_format != "text":
        from codemods.report_formats import render

        sys.stdout.write(render(output_format, result, options, wrote=writing, checking=check))
    for chunk in report_chunks(result, options, wrote=writing):
        sys.stderr.write(chunk)
    if result.failed:
        raise typer.Exit(2)
    if check and any(f.changed for f in result.files):
        raise typer.Exit(1)


@app.command("to-oidc")
def to_oidc(
    paths: Optional[List[Path]] = PATHS,
    dry_run: bool = DRY_RUN,
    check: bool = CHECK,
    environment: Optional[str] = typer.Option(None, "--environment", metavar="NAME",
                                              help="Environment to add to publishing jobs that have none, "
                                              "GitHub and GitLab alike (default: pypi, or testpypi for TestPyPI)."),
    no_environment: bool = typer.Option(False, "--no-environment", help="Add no environment."),
    split_jobs: bool = typer.Option(False, "--split-jobs", help="Where a job builds and publishes, or runs where the "
                                    "publish action cannot (macOS, Windows, a container), keep the build there and "
                                    "publish from a new ubuntu-latest job that downloads the distributions."),
    self_managed_gitlab: bool = typer.Option(False, "--self-managed-gitlab", help="Convert a GitLab pipeline whose "
                                             "origin is a self-managed GitLab (not gitlab.com), which is otherwise "
                                             "refused: only for an instance PyPI has onboarded for your PyPI "
                                             "organisation (a beta, by request)."),
    output_format: str = MIGRATE_FORMAT,
    jobs: int = JOBS,
) -> None:
    """Switch PyPI publishing to Trusted Publishing (OIDC).

    Removes API tokens from publish steps, gives each publishing job `id-token: write` (GitLab:
    `id_tokens`) and an environment, and prints what to register on PyPI.
    """
    if environment and no_environment:
        typer.echo("error: --environment and --no-environment exclude each other", err=True)
        raise typer.Exit(2)
    _run("to-oidc", paths, dry_run, check, output_format, environment=environment, no_environment=no_environment,
         split_jobs=split_jobs, self_managed_gitlab=self_managed_gitlab, jobs=_jobs(jobs))


@app.command("to-token")
def to_token(
    paths: Optional[List[Path]] = PATHS,
    dry_run: bool = DRY_RUN,
    check: bool = CHECK,
    secret: Optional[str] = typer.Option(None, "--secret", metavar="NAME", show_default=False,
                                         help="Secret holding the PyPI token [default: PYPI_API_TOKEN, or the one a "
                                              "reusable workflow declares]."),
    test_secret: Optional[str] = typer.Option(None, "--test-secret", metavar="NAME", show_default=False,
                                              help="Secret holding the TestPyPI token [default: TEST_PYPI_API_TOKEN, "
                                                   "or the one a reusable workflow declares]."),
    output_format: str = MIGRATE_FORMAT,
    jobs: int = JOBS,
) -> None:
    """Switch PyPI publishing back to an API token.

    Passes a token secret to each publish step and drops `id-token: write` where nothing else
    needs it.
    """
    _run("to-token", paths, dry_run, check, output_format, secret=secret, test_secret=test_secret, jobs=_jobs(jobs))


@app.command("doctor")
def doctor(
    paths: Optional[List[Path]] = PATHS,
    log: Optional[str] = typer.Option(None, "--log", metavar="FILE",
                                      help="Also read a failed run's log (`-` for standard input)."),
    output_format: str = typer.Option("text", "--format", metavar="FORMAT",
                                      help="text, json, github (workflow annotations), sarif or markdown (for a "
                                      "pull request or $GITHUB_STEP_SUMMARY)."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when there are findings."),
    jobs: int = JOBS,
) -> None:
    """Explain how workflows publish to PyPI, and what is wrong with it.

    Exit code 0: nothing of warning level or above; 1: such findings; 2: an input error;
    3: a log was given and its error was not recognised.
    """
    from codemods.doctor import output
    from codemods.doctor.diagnose import diagnose
    from codemods.errors import InputError
    from codemods.workflow_files import default_paths

    from codemods.doctor.markdown_report import markdown

    formats = {"text": None, "json": output.as_json, "github": output.github, "sarif": output.sarif,
               "markdown": markdown}
    if output_format not in formats:
        typer.echo(f"error: --format must be one of {', '.join(formats)}", err=True)
        raise typer.Exit(2)
    log_text = None
    if log is not None:
        try:
            log_text = sys.stdin.read() if log == "-" else Path(log).read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            typer.echo(f"error: {log}: cannot read: {e.strerror or e}", err=True)
            raise typer.Exit(2)
    cwd = _cwd()
    try:
        targets = list(paths) if paths else default_paths(cwd)
    except InputError as e:
        if log_text is None:
            typer.echo(f"error: {e.where(str(e.path))}: {e.message}", err=True)
            raise typer.Exit(2)
        targets = []
    if log_text is not None and not paths:  # a log alone is enough; an empty workflows folder is no error
        targets = [t for t in targets if t.is_file() or any(t.glob("*.y*ml"))]  # .gitlab-ci.yml is a file
    result = diagnose(targets, cwd, log_text, "<stdin>" if log == "-" else str(log), _jobs(jobs))
    render = formats[output_format]
    sys.stdout.write(render(result) if render else output.text(result, color=sys.stdout.isatty()))
    raise typer.Exit(output.exit_code(result, exit_zero))


@app.command("explain")
def explain(finding: str = typer.Argument(..., metavar="ID", help="A finding id, e.g. token-and-id-token.")) -> None:
    """Print the documentation of a doctor finding: what, why, an example, the fix."""
    from codemods.doctor import docs

    text = docs.explain(finding)
    if text is None:
        typer.echo(f"error: no finding `{finding}`; known ids: {', '.join(docs.ids())}", err=True)
        raise typer.Exit(2)
    sys.stdout.write(text)


def main() -> None:
    from codemods.engine.io import exit_on_sigterm

    exit_on_sigterm()
    app()


if __name__ == "__main__":
    main()
