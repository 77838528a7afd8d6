"""What every command shares: the Typer app, exit codes, messages on stderr, usage errors, the entry point.

Data goes to stdout only with ``-o -``; progress, messages and the summary go
to stderr, without colour or progress bars when stderr is not a terminal.
Exit codes: 0 all inputs processed, 1 some inputs failed, 2 usage error,
130 interrupted.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .. import __version__
from ..api import ModelNotFound, OutputLocked, UsageError
from ..nlp.pipeline import DEFAULT_MODEL, load_pipeline
from .terminal import plain

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Who said what, when: extract attributed statements from news articles.",
)


def stderr(quiet: bool = False) -> Console:
    return Console(stderr=True, quiet=quiet, highlight=False)


def fail_usage(message: str) -> NoReturn:
    stderr().print(plain(f"claimex: error: {message}"), soft_wrap=True)
    raise typer.Exit(EXIT_USAGE)


@contextlib.contextmanager
def usage_errors() -> Iterator[None]:
    """Bad arguments, a busy output or an unknown model: one line on stderr and exit 2."""
    try:
        yield
    except ModelNotFound as exc:
        fail_usage(f"{exc} (use --model NAME|PATH)")
    except (UsageError, OutputLocked) as exc:
        fail_usage(str(exc))


def load_model(model: str | None, **options):
    """The spaCy pipeline, or exit 2 naming the installed ones."""
    with usage_errors():
        return load_pipeline(model, **options)


def progress(console: Console, enabled: bool) -> Progress:
    """A transient progress bar on ``console``, shown only when ``enabled``."""
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not enabled,
        transient=True,
    )


def _version_callback(value: bool) -> None:
    if not value:
        return
    import spacy

    try:
        model_version = spacy.util.get_package_version(DEFAULT_MODEL) or "not installed"
    except Exception:  # pragma: no cover - metadata lookups vary by installer
        model_version = "unknown"
    typer.echo(f"claimex {__version__}\nspaCy {spacy.__version__}\n{DEFAULT_MODEL} {model_version}")
    raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version_callback, is_eager=True, help="Print versions and exit."),
    ] = None,
) -> None:
    """claimex reads news articles and writes a table of who said what, when."""


def _describe(exc: Exception) -> str:
    """An unexpected error as a line: its message, never an empty one (MemoryError has none)."""
    if isinstance(exc, MemoryError):
        return "out of memory (lower --max-file-size, or use fewer --workers)"
    return str(exc) or type(exc).__name__


def main() -> None:
    """Entry point: run the app, turning stray exceptions into one line."""
    import click

    click_errors: tuple[type[Exception], ...] = (click.ClickException,)
    usage_types: tuple[type[Exception], ...] = (click.UsageError,)
    try:  # typer >= 0.20 raises its own vendored click's errors (a missing argument, a bad option)
        from typer._click import exceptions as typer_click

        click_errors += (typer_click.ClickException,)
        usage_types += (typer_click.UsageError,)
    except ImportError:  # pragma: no cover - older typer uses click's own classes
        pass

    try:
        code = app(prog_name="claimex", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click_errors as exc:
        exc.show()  # type: ignore[attr-defined]  # every click error has show() and exit_code
        sys.exit(EXIT_USAGE if isinstance(exc, usage_types) else exc.exit_code)  # type: ignore[attr-defined]
    except (KeyboardInterrupt, click.exceptions.Abort):
        stderr().print("claimex: interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # never a traceback for the user
        if os.environ.get("CLAIMEX_DEBUG"):
            raise
        stderr().print(plain(f"claimex: error: {_describe(exc)} (set CLAIMEX_DEBUG=1 for details)"), soft_wrap=True)
        sys.exit(EXIT_FAILED)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
