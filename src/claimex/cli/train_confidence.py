"""``claimex train-confidence``: learn the confidence model from annotated news
(:mod:`claimex.cuemodel.train_confidence`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import check_gold_and_output, learning, load_model, stderr
from .options import GoldArgument, ModelOption, QuietOption
from .terminal import plain


def train_confidence(
    gold: GoldArgument,
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help="Where to write the confidence model.")
    ] = Path("models/confidence_model.json"),
    model: ModelOption = None,
    quiet: QuietOption = False,
) -> None:
    """Learn how likely each kind of row is right, out of fold, into a confidence model (claimex.cuemodel.confidence)."""
    from ..cuemodel.train_confidence import train_confidence_model

    check_gold_and_output(gold, output)
    nlp = load_model(model)
    console = stderr(quiet)
    with learning(console, quiet, "parsing, then judging out of fold", gold) as advance:
        confidence_model = train_confidence_model(gold, nlp, progress=advance)
    confidence_model.save(output)
    meta = confidence_model.meta
    console.print(
        plain(
            f"{len(confidence_model.weights)} features from {meta.get('n_rows', 0)} rows ({meta.get('n_right', 0)}"
            f" right, out of {meta.get('folds', 0)} folds; regularization {meta.get('regularization')}) written to"
            f" {output}",
        ),
        soft_wrap=True,
    )
