"""``claimex train-cues``: learn the cue model from annotated news (:mod:`claimex.cuemodel.train`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import check_gold_and_output, learning, load_model, stderr
from .options import GoldArgument, ModelOption, QuietOption
from .terminal import plain


def train_cues(
    gold: GoldArgument,
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help="Where to write the cue model.")
    ] = Path("models/cue_model.json"),
    model: ModelOption = None,
    quiet: QuietOption = False,
) -> None:
    """Learn the reporting constructions of annotated news into a cue model (see claimex.cuemodel.train)."""
    from ..cuemodel.train import train_cue_model

    check_gold_and_output(gold, output)
    nlp = load_model(model, gate=None, claimex_components=False)
    console = stderr(quiet)
    with learning(console, quiet, "learning", gold) as advance:
        cue_model = train_cue_model(gold, nlp, progress=advance)
    cue_model.save(output)
    meta = cue_model.meta
    console.print(
        plain(
            f"{len(cue_model.weights)} features from {meta.get('n_constructions', 0)} constructions"
            f" ({meta.get('n_positive', 0)} attributed) in {meta.get('n_docs', 0)} articles written to {output}",
        ),
        soft_wrap=True,
    )
