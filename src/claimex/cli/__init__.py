"""The command line: one module per command, each parsing its options and making one call to the API.

* :mod:`.common`: the Typer app, exit codes, messages on stderr, usage errors, the entry point :func:`main`.
* :mod:`.options`: options shared by several commands, declared once (``@read_options``).
* :mod:`.extract`, :mod:`.evaluate` (``eval``), :mod:`.train_cues`, :mod:`.train_speakers`,
  :mod:`.train_confidence`, :mod:`.show`, :mod:`.stats`: the commands.
* :mod:`.views`: Rich rendering of what they report.

The only layer that prints or imports Rich and Typer.
"""

from . import evaluate, extract, show, stats, train_confidence, train_cues, train_speakers
from .common import app, main

app.command()(extract.extract)
app.command("eval")(evaluate.evaluate)
app.command("train-cues")(train_cues.train_cues)
app.command("train-speakers")(train_speakers.train_speakers)
app.command("train-confidence")(train_confidence.train_confidence)
app.command()(show.show)
app.command()(stats.stats)

__all__ = ["app", "main"]
