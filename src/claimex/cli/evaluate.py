"""``claimex eval``: score claims against gold attributions (:func:`claimex.evaluation.evaluate.evaluate`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .common import stdout, usage_errors
from .options import GoldArgument, ModelOption, row_options


@row_options
def evaluate(
    gold: GoldArgument,
    rows: dict,
    table: Annotated[
        Path | None,
        typer.Option("--table", "-t", metavar="TABLE", help="Score this claims table instead of extracting."),
    ] = None,
    model: ModelOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON on stdout.")] = False,
    examples: Annotated[
        int, typer.Option(metavar="N", help="Show N missed, N spurious, N wrong-source and N wrong-speaker examples.")
    ] = 0,
    speakers: Annotated[
        Path | None,
        typer.Option(
            "--speakers",
            metavar="FILE",
            help="Who each gold source is (JSONL); scores speaker resolution. Default: speakers.jsonl beside GOLD.",
        ),
    ] = None,
) -> None:
    """Score claims against gold attributions (PolNeAR brat or JSONL): every kind against all the gold, and
    the rows --kinds and --min-confidence select (default: speech) against the gold of those kinds."""
    from ..evaluation.evaluate import evaluate as evaluate_gold  # spaCy and pandas: not for --help
    from .views import render_eval

    with usage_errors():
        evaluation = evaluate_gold(gold, table=table, model=model, speakers=speakers, **rows)
    if as_json:
        typer.echo(json.dumps(evaluation.to_dict(), indent=2))
    else:
        render_eval(stdout(), evaluation, title=f"claimex eval: {gold}", examples=examples)
