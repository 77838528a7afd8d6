"""``claimex show``: one article as claimex read it, claims marked (:func:`claimex.report.pages.article_view`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..io.atomic import write_text_atomic
from ..io.paths import path_exists
from ..io.read_settings import ReadOptions
from ..io.reading import unsupported_reason
from ..io.targets import Target, check_targets
from .common import EXIT_FAILED, EXIT_OK, fail_usage, stderr, stdout, usage_errors
from .options import ModelOption, read_options, row_options
from .terminal import plain

if TYPE_CHECKING:
    from ..report.pages import ArticleView


@read_options
@row_options
def show(
    article: Annotated[
        str,
        typer.Argument(
            metavar="ARTICLE", help="One article file (.txt .md .html .json .jsonl .pdf .docx) or - for stdin."
        ),
    ],
    read: ReadOptions,
    rows: dict,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", metavar="terminal|html", help="terminal or html (default: html with -o, else terminal)."
        ),
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE.html|-", help="HTML file to write, or - for stdout.")
    ] = None,
    only_id: Annotated[
        str | None, typer.Option("--id", metavar="ID", help="Show only the article with this id (JSON/JSONL).")
    ] = None,
    model: ModelOption = None,
) -> None:
    """Show an article as read with its claims highlighted and labelled, then its claims table."""
    from ..report.pages import article_html  # pandas and spaCy: not for --help or a usage error
    from .views import counted, render_article

    fmt = _check_show(article, (fmt or ("html" if output else "terminal")).strip().lower(), output)
    with usage_errors():
        views, n_failed = _views(article, read, model, only_id, rows)
    if fmt == "terminal":
        for view in views:
            render_article(stdout(), view)
    elif output == "-":
        sys.stdout.write(article_html(views, title=f"claimex show: {article}"))
        sys.stdout.flush()  # a closed pipe shows here, inside the command, not at exit
    elif output is not None:  # html to a file (_check_show made sure it is given)
        write_text_atomic(output, article_html(views, title=f"claimex show: {article}"))
        n_claims = sum(len(v.claims) for v in views)
        stderr().print(
            plain(f"claimex: {counted(len(views), 'article')}, {counted(n_claims, 'claim')} -> {output}"),
            soft_wrap=True,
        )
    raise typer.Exit(EXIT_FAILED if n_failed else EXIT_OK)


def _ids(doc_id: str) -> tuple[str, str]:
    """What --id matches: the doc_id, or its part after '#' (the article's own id in a JSON/JSONL file)."""
    return doc_id, doc_id.rpartition("#")[2]


def _check_show(article: str, fmt: str, output: str | None) -> str:
    """The format, once the arguments agree (else exit 2 naming the fix)."""
    if fmt not in ("terminal", "html"):
        fail_usage(f"unknown format {fmt!r}: use --format terminal|html")
    if fmt == "html" and not output:
        fail_usage("--format html needs an output: add -o FILE.html (or -o - for stdout)")
    if fmt == "terminal" and output:
        fail_usage("-o writes HTML: add --format html or drop -o")
    from ..report.pages import html_output_problem

    if output and output != "-" and (problem := html_output_problem(output)):
        fail_usage(problem)
    if article != "-" and not path_exists(article):
        fail_usage(f"no such file: {article} (check the ARTICLE argument)")
    if Path(article).is_dir():
        fail_usage(f"{article} is a directory: give one article file (claimex extract reads directories)")
    if article != "-" and (problem := unsupported_reason(article)):
        fail_usage(f"{article}: {problem}")
    if output and output != "-":
        with usage_errors():
            check_targets([article], [Target(output, "-o")])
    return fmt


def _views(
    article: str, read: ReadOptions, model: str | None, only_id: str | None, rows: dict
) -> tuple[list[ArticleView], int]:
    """The views of the articles in the file ``article`` (only the one ``only_id`` names, if given; the rows
    ``rows`` selects), and how many failed (each reported on stderr)."""
    from ..api import process
    from ..report.pages import article_view

    views, n_failed = [], 0
    for result in process([article], model=model, options=read, **rows):
        if result.skipped is not None:
            fail_usage(f"{result.skipped}")
        if result.error is not None:
            n_failed += 1
            stderr().print(plain(f"claimex: {result.error}"), soft_wrap=True)
        elif result.article is not None and (only_id is None or only_id in _ids(result.article.doc_id)):
            views.append(article_view(result.article, result.records))
    if only_id is not None and not views:
        fail_usage(f"{article}: no article with id {only_id!r} (see the doc_id column of claimex extract)")
    return views, n_failed
