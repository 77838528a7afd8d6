"""The command line: :mod:`.app` declares the commands, :mod:`.views` renders tables with Rich.

The only layer that prints or imports Rich and Typer.
"""

from .app import app, main

__all__ = ["app", "main"]
