"""``claimex train-speakers``: learn the pronoun antecedent ranker from coreference chains."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..io.targets import Target, check_targets
from .common import fail_usage, learning, load_model, stderr, usage_errors
from .options import ModelOption, QuietOption
from .terminal import plain


def train_speakers(
    coref: Annotated[Path, typer.Argument(metavar="COREF", help="A directory of GUM-style CoNLL coreference files.")],
    splits: Annotated[
        Path | None, typer.Option(metavar="FILE", help="splits.md naming the train documents (default: beside COREF).")
    ] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help="Where to write the pronoun ranker.")
    ] = Path("antecedent_ranker.json"),
    descriptions_output: Annotated[
        Path, typer.Option("--descriptions-output", "-d", metavar="FILE", help="Where to write the description ranker.")
    ] = Path("description_ranker.json"),
    model: ModelOption = None,
    quiet: QuietOption = False,
) -> None:
    """Learn how "he" and "she", and descriptions ("the Indiana governor"), find the person they mean from
    coreference chains (see claimex.speakermodel.train and claimex.speakermodel.train_descriptions)."""
    from ..speakermodel.train import train_antecedent_ranker
    from ..speakermodel.train_descriptions import train_description_ranker

    if not coref.is_dir():
        fail_usage(f"no such directory of CoNLL files: {coref}")
    if splits is not None and not splits.is_file():
        fail_usage(f"no such splits file: {splits}")
    with usage_errors():  # the models written must not be the splits file, nor one another
        check_targets([splits] if splits is not None else [], [Target(output, "-o"), Target(descriptions_output, "-d")])
    nlp = load_model(model)
    console = stderr(quiet)
    with learning(console, quiet, "learning", coref) as advance:
        ranker = train_antecedent_ranker(coref, nlp, splits=splits, progress=advance)
        described = train_description_ranker(coref, nlp, splits=splits, progress=advance)
    ranker.save(output)
    described.save(descriptions_output)
    meta = ranker.meta
    console.print(
        plain(
            f"{meta['n_problems']} pronouns in {meta['n_documents']} documents: top-1 {meta['cv_top1']:.3f} in"
            f" 5-fold cross-validation (hand-set weights {meta['cv_top1_prior_weights']:.3f}); written to {output}",
        ),
        soft_wrap=True,
    )
    meta = described.meta
    console.print(
        plain(
            f"{meta['n_problems']} descriptions ({meta['n_with_right_candidate']} of a named person): resolved right"
            f" {meta['cv_accuracy']:.3f} in 5-fold cross-validation (taking no one:"
            f" {meta['cv_accuracy_taking_none']:.3f}); written to {descriptions_output}",
        ),
        soft_wrap=True,
    )
