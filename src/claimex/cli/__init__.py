"""The command line: :mod:`.commands` declares the commands, :mod:`.views` renders tables with Rich.

The only layer that prints or imports Rich and Typer.
"""

from .commands import app, main

__all__ = ["app", "main"]
