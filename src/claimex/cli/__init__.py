"""The command line: one module per command, each parsing its options and making one call to the API.

* :mod:`.common`: the Typer app, exit codes, messages on stderr, usage errors, the entry point :func:`main`.
* :mod:`.options`: options shared by several commands, declared once (``@read_options``).
* :mod:`.extract`, :mod:`.evaluate` (``eval``), :mod:`.train_cues`, :mod:`.train_speakers`,
  :mod:`.train_confidence`, :mod:`.show`, :mod:`.stats`: the commands.
* :mod:`.views`: Rich rendering of what they report.

The only layer that prints or imports Rich and Typer.
"""

from . import evaluate, extract, show, stats, train_confidence, train_cues, train_speakers
from .common import PlainHelpCommand, app, ends_quietly_on_closed_pipe, main

for name, command in (
    ("extract", extract.extract),
    ("eval", evaluate.evaluate),
    ("train-cues", train_cues.train_cues),
    ("train-speakers", train_speakers.train_speakers),
    ("train-confidence", train_confidence.train_confidence),
    ("show", show.show),
    ("stats", stats.stats),
):
    app.command(name, cls=PlainHelpCommand)(ends_quietly_on_closed_pipe(command))

__all__ = ["app", "main"]
