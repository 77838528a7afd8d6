"""What every command shares: the Typer app, exit codes, messages on stderr, usage errors, the entry point.

Data goes to stdout only with ``-o -``; progress, messages and the summary go
to stderr, without colour or progress bars when stderr is not a terminal, one
unwrapped line per message (a log keeps each on one line for grep).
Exit codes: 0 all inputs processed, 1 some inputs failed, 2 usage error,
130 interrupted.  A reader that stops early (``| head``) is not a failure:
the command ends at once with 0 and nothing more said.
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import functools
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from typer.core import TyperArgument, TyperCommand

from .. import __version__
from ..errors import ModelNotFound, OutputLocked, UsageError
from ..io.paths import path_text
from ..io.targets import Target, check_targets
from .terminal import plain

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

Command = TypeVar("Command", bound=Callable[..., Any])

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    # Help text is text: "pip install \".[dask]\"" keeps its brackets (Rich markup would take them for a style).
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Who said what, when: extract attributed statements from news articles.",
)


class PlainHelpCommand(TyperCommand):
    """A command whose help reads as the README does: ``Usage: claimex extract [OPTIONS] PATH...``, an
    argument by its name alone, an option by its metavar (``--workers N``) or, if it has none, a word for
    its type (``TEXT``, ``N``, ``PATH``), and a flag by its name alone (no ``<bool>``, ``<str>``, ``{paths}``)."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                param.__class__ = _PlainArgument
            elif param.metavar is None and not getattr(param, "is_flag", False):
                param.metavar = _TYPE_WORDS.get(getattr(getattr(param, "type", None), "name", ""), "VALUE")


_TYPE_WORDS = {"text": "TEXT", "integer": "N", "integer range": "N", "float": "NUMBER", "path": "PATH"}


class _PlainArgument(TyperArgument):
    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        if self.nargs != 1 and not name.endswith("..."):
            name += "..."
        return name if self.required else f"[{name}]"

    def display_type_rich(self, ctx: Any) -> str | None:
        return None  # the help says what the argument is


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """A closed pipe ends the command as :func:`ends_quietly_on_closed_pipe` says (Rich would exit 1)."""
        self.quiet = True
        raise BrokenPipeError


def stdout() -> Console:
    """What a command shows as its result (tables, an article), on stdout."""
    return _Console(highlight=False)


def stderr(quiet: bool = False) -> Console:
    """Messages and summaries: never wrapped, so that a path or a count stays on its line in a log."""
    return _Console(stderr=True, quiet=quiet, highlight=False, soft_wrap=True)


def ends_quietly_on_closed_pipe(command: Command) -> Command:
    """``command``, ending with exit 0 and nothing more said when the reader of its output stops early
    (``claimex extract data -o - | head``): the reader took what it wanted, so nothing failed."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BrokenPipeError:
            _discard_further_output()
            raise typer.Exit(EXIT_OK) from None

    return wrapper  # type: ignore[return-value]


def _discard_further_output() -> None:
    """Point stdout and stderr at /dev/null, so that flushing them at exit raises no second error."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):  # a stream without a file (tests)
            os.dup2(devnull, stream.fileno())
    os.close(devnull)


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


def check_gold_and_output(gold: Path, output: Path) -> None:
    """Before any work: the gold exists and ``-o`` would not overwrite it (else one line and exit 2)."""
    if not gold.exists():
        fail_usage(f"no such gold file or directory: {gold}")
    with usage_errors():
        check_targets([gold], [Target(output, "-o")])


def load_model(model: str | None, **options):
    """The spaCy pipeline, or exit 2 naming the installed ones."""
    from ..nlp.pipeline import load_pipeline

    with usage_errors():
        return load_pipeline(model, **options)


@contextlib.contextmanager
def learning(console: Console, quiet: bool, what: str, source: Path) -> Iterator[Callable[[], None]]:
    """A progress bar (on a terminal, unless ``quiet``) while a model learns from ``source``; yields the
    function that advances it.  A missing training extra, or data the learner cannot use, is one line
    naming ``source`` and exit 2."""
    try:
        with progress(console, console.is_terminal and not quiet) as bar:
            task = bar.add_task(what, total=None)
            yield lambda: bar.advance(task)
    except ImportError as exc:
        fail_usage(str(exc))
    except ValueError as exc:
        message = str(exc)
        fail_usage(message if message.startswith(str(source)) else f"{source}: {message}")


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
    from ..nlp.default_model import DEFAULT_MODEL

    # Read from the installed metadata: importing spaCy to ask it would take seconds.
    typer.echo(
        f"claimex {__version__}\nspaCy {_installed_version('spacy')}\n{DEFAULT_MODEL} {_installed_version(DEFAULT_MODEL)}"
    )
    raise typer.Exit()


def _installed_version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "not installed"


@app.callback()
def main_options(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version_callback, is_eager=True, help="Print versions and exit."),
    ] = None,
) -> None:
    """claimex reads news articles and writes a table of who said what, when."""


def close_options(name: str, options: list[str]) -> list[str]:
    """The options a mistyped ``name`` plausibly meant: nearly the same letters (``--fomat``: ``--format``)
    or a beginning of only one (``--work``: ``--workers``); never one that merely shares some letters
    (``--bogus`` is not ``--verbose``)."""
    word = name.lstrip("-")
    longs = {option.lstrip("-"): option for option in options if option.startswith("--")}
    close = difflib.get_close_matches(word, list(longs), n=3, cutoff=0.75)
    starts = [w for w in longs if len(word) >= 3 and w.startswith(word)]
    if not close and len(starts) == 1:
        close = starts
    return [longs[w] for w in close]


def _options_of(ctx) -> list[str]:
    command = getattr(ctx, "command", None)
    return [opt for param in getattr(command, "params", []) for opt in [*param.opts, *param.secondary_opts]]


def _describe(exc: Exception) -> str:
    """An unexpected error as a line: its message, never an empty one (MemoryError has none)."""
    if isinstance(exc, MemoryError):
        return "out of memory (lower --max-file-size, or use fewer --workers)"
    return str(exc) or type(exc).__name__


def _path_too_long(exc: Exception) -> str | None:
    """A path argument the system refuses as too long (from any check that met it), as a usage error."""
    if not isinstance(exc, OSError) or exc.errno != errno.ENAMETOOLONG:
        return None
    name = path_text(exc.filename) if isinstance(exc.filename, str) else "a path"
    return f"{name}: the file name is too long for the system; choose a shorter name"


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

    if sys.stderr is None:  # started with stderr closed (2>&-): messages go nowhere, never onto stdout's data
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - open for the life of the process
    try:
        code = app(prog_name="claimex", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click_errors as exc:
        error: Any = exc  # click's and typer's vendored errors share show(), exit_code, and option_name when unknown
        if hasattr(error, "possibilities") and hasattr(error, "option_name"):  # an unknown option: close matches only
            if close := close_options(error.option_name, _options_of(error.ctx)):
                error.message += f" (did you mean {' or '.join(close)}?)"
            error.possibilities = None
        error.show()
        sys.exit(EXIT_USAGE if isinstance(exc, usage_types) else error.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort):
        stderr().print("claimex: interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # never a traceback for the user
        if os.environ.get("CLAIMEX_DEBUG"):
            raise
        if (named := _path_too_long(exc)) is not None:
            stderr().print(plain(f"claimex: error: {named}"), soft_wrap=True)
            sys.exit(EXIT_USAGE)
        stderr().print(plain(f"claimex: error: {_describe(exc)} (set CLAIMEX_DEBUG=1 for details)"), soft_wrap=True)
        sys.exit(EXIT_FAILED)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
