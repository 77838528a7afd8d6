"""Rich rendering of what the commands report: the run summary of ``extract``, the figures of ``eval``, an
article of ``show`` and the counts of ``stats`` (their data come from :mod:`claimex.api`,
:mod:`claimex.evaluation` and :mod:`claimex.report`).  Data are shown as text, never as markup.
"""

from __future__ import annotations

from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..api import ExtractSummary
from ..evaluation.evaluate import Evaluation
from ..nlp.cleaning import BODY, READABLE
from ..nlp.kinds import KINDS
from ..report.pages import UNNAMED_SPEAKER, ArticleView, Summary, claim_rows, country_name
from .terminal import plain, terminal_text


def render_article(console: Console, view: ArticleView) -> None:
    """The article as read, claims marked and labelled with their speaker, then its claims table."""
    n = len(view.claims)
    console.print(Rule(plain(view.doc_id, "bold"), align="left"))
    meta = f"{n} claim{'s' if n != 1 else ''}"
    if view.published:
        meta += f" · published {view.published}"
    console.print(plain(meta, "dim"))
    console.print()
    for paragraph in view.paragraphs:
        text = Text()
        if paragraph.kind != BODY:
            text.append(f"[{paragraph.kind}] ", style="dim italic")
        for segment in paragraph.segments:
            if not segment.claim:
                text.append(terminal_text(segment.text), style="dim" if paragraph.kind not in READABLE else "")
                continue
            colour = view.colour(segment.claim)
            if segment.first:
                label = f" {terminal_text(view.speaker(segment.claim))} #{segment.claim} ".replace(
                    " ", "\u00a0"
                )  # one line
                text.append(label, style=f"bold white on {colour}")
                text.append(" ")
            text.append(terminal_text(segment.text), style=f"underline {colour}")
        console.print(text)
        console.print()
    if not view.claims:
        console.print(Text("claimex found no claims in this article.", style="dim"))
        return
    table = Table(title=plain(f"Claims in {view.doc_id}"), show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("speaker", ratio=2, overflow="fold")
    table.add_column("cue, kind, date", overflow="fold")
    table.add_column("quote", ratio=4, overflow="fold")
    for number, (_, speaker, role, country, cue, quote_type, kind, confidence, said_on, quote) in enumerate(
        claim_rows(view), 1
    ):
        who = plain(speaker, f"bold {view.colour(number)}")
        details = ", ".join(x for x in (role, country) if x)
        if details:
            who.append(f"\n{terminal_text(details)}", style="dim")
        how = plain("\n".join(x for x in (cue, quote_type, kind) if x))
        if confidence:
            how.append(f"\nconfidence {confidence}", style="dim")
        if said_on:
            how.append(f"\n{terminal_text(said_on)}", style="dim")
        table.add_row(str(number), who, how, plain(quote))
    console.print(table)


def counted(n: int, noun: str) -> str:
    """ "1 article", "2 articles", "0 articles"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def render_stats(console: Console, summary: Summary, *, source: str, top: int) -> None:
    """Claims per speaker, speaker country, cue and month as Rich tables."""
    named = len([s for s, _ in summary.speakers if s != UNNAMED_SPEAKER])
    console.print(
        plain(
            f"{source}: {counted(summary.claims, 'claim')} in {counted(summary.articles, 'article')}, "
            f"{counted(named, 'speaker')}, {counted(summary.statements, 'distinct statement')} "
            f"({len(summary.repeated)} carried by several articles)"
        ),
        soft_wrap=True,
    )
    if not summary.claims:
        console.print(Text("The table holds no claims.", style="dim"))
        return
    speakers = [[s] for s, _ in summary.speakers]
    header = "speaker_id" if summary.by_speaker_id else "speaker"
    console.print(_counts("Claims per speaker", [header], speakers, summary, "speakers", top))
    console.print(
        _counts(
            "Claims per speaker country",
            ["country", "name"],
            [[c, country_name(c)] for c, _ in summary.countries],
            summary,
            "countries",
            top,
        )
    )
    console.print(_counts("Claims per cue", ["cue"], [[c] for c, _ in summary.cues], summary, "cues", top))
    months = Table(title="Claims per month (said_on, else published)", show_edge=False)
    months.add_column("month")
    months.add_column("claims", justify="right")
    months.add_column("")
    peak = max(n for _, n in summary.months)
    for month, count in summary.months:
        months.add_row(
            plain(month), str(count), Text("█" * max(1 if count else 0, round(30 * count / peak)), style="cyan")
        )
    console.print(months)
    _render_repeated(console, summary, top)


def _render_repeated(console: Console, summary: Summary, top: int) -> None:
    if not summary.repeated:
        return
    table = Table(title="Statements carried by several articles", show_edge=False, expand=True)
    table.add_column("articles", justify="right")
    table.add_column("claims", justify="right")
    table.add_column("speaker", ratio=1, overflow="fold")
    table.add_column("quote", ratio=3, overflow="fold")
    shown = summary.repeated if top <= 0 else summary.repeated[:top]
    for statement in shown:
        table.add_row(str(statement.articles), str(statement.claims), plain(statement.speaker), plain(statement.quote))
    if len(summary.repeated) > len(shown):
        table.add_row("", "", f"({len(summary.repeated) - len(shown)} more)", "", style="dim")
    console.print(table)


def _counts(title: str, headers: list[str], labels: list[list[str]], summary: Summary, attr: str, top: int) -> Table:
    items = getattr(summary, attr)
    table = Table(title=title, show_edge=False)
    for header in headers:
        table.add_column(header)
    table.add_column("claims", justify="right")
    table.add_column("share", justify="right")
    shown = items if top <= 0 else items[:top]
    for label_cells, (_, count) in zip(labels, shown, strict=False):  # only the top rows are shown
        table.add_row(*(plain(cell) for cell in label_cells), str(count), f"{100 * count / summary.claims:.0f}%")
    if len(items) > len(shown):
        rest = sum(n for _, n in items[len(shown) :])
        table.add_row(f"({len(items) - len(shown)} more)", *[""] * (len(headers) - 1), str(rest), "", style="dim")
    return table


def render_extract_summary(console: Console, summary: ExtractSummary) -> None:
    """One line of counts; on a terminal the top speakers and countries; for an incremental run what it reused."""
    where = "stdout" if summary.output == "-" else summary.output
    line = f"{counted(summary.articles, 'article')}, {counted(summary.claims, 'claim')}, {len(summary.failed)} failed"
    if summary.skipped:
        line += f", {len(summary.skipped)} skipped"
    if summary.warned:
        line += f", {len({warning.source for warning in summary.warned})} with warnings"
    console.print(plain(f"claimex: {line} in {summary.seconds:.1f} s -> {where}"), soft_wrap=True)
    if summary.speakers and console.is_terminal:
        table = Table(title="Top speakers", show_edge=False)
        table.add_column("speaker")
        table.add_column("claims", justify="right")
        for name, count in summary.speakers.most_common(5):
            table.add_row(plain(name or "(unknown)"), str(count))
        console.print(table)
        if summary.countries:
            top = ", ".join(f"{c} {n}" for c, n in summary.countries.most_common(5))
            console.print(plain(f"Top speaker countries: {top}"), soft_wrap=True)
    if summary.incremental:
        console.print(
            f"claimex: incremental: {counted(summary.reprocessed, 'file')} processed, {summary.unchanged} unchanged, "
            f"{summary.removed} removed",
            markup=False,
        )


def render_eval(console: Console, evaluation: Evaluation, *, title: str, examples: int) -> None:
    """Both scorings (every kind against all the gold; the rows asked for against the gold of their kinds),
    the breakdowns of the first, the confidence's calibration, then up to ``examples`` missed, spurious,
    wrong-source and wrong-speaker examples."""
    report = evaluation.all_kinds
    summary = Table(title=plain(f"{title}: every kind of row against every gold attribution"), show_edge=False)
    summary.add_column("measure")
    summary.add_column("value", justify="right")
    for label, value in report.rows():
        summary.add_row(plain(label), f"{value:.4f}" if isinstance(value, float) else plain(value))
    console.print(summary)
    console.print(_selected_table(evaluation))
    for name, (headers, rows) in report.breakdown_tables().items():
        breakdown = Table(title=plain(name), show_edge=False)
        for header in headers:
            breakdown.add_column(plain(header))
        for row in rows:
            breakdown.add_row(*(f"{v:.3f}" if isinstance(v, float) else plain(v) for v in row))
        console.print(breakdown)
    console.print(_calibration_table(evaluation))
    for kind in ("missed", "spurious", "wrong_source", "wrong_speaker"):
        for example in report.examples(kind, examples) if examples else []:
            console.print(plain(f"[{kind}] {example}"), soft_wrap=True)


def _selected_table(evaluation: Evaluation) -> Table:
    kinds = ",".join(k for k in KINDS if k in evaluation.kinds)
    floor = f", confidence >= {evaluation.min_confidence:g}" if evaluation.min_confidence > 0 else ""
    table = Table(title=plain(f"rows of kind {kinds}{floor} against the gold of kind {kinds}"), show_edge=False)
    for header in ("", "precision", "recall", "F1"):
        table.add_column(header, justify="right" if header else "left")
    report = evaluation.selected
    for label, figures in (("content", report.content), ("who-said-what", report.who_said_what)):
        table.add_row(label, *(f"{v:.4f}" for v in figures))
    table.add_row(Text("rows / gold", style="dim"), str(report.n_pred), str(report.n_gold), "")
    return table


def _calibration_table(evaluation: Evaluation) -> Table:
    calibration = evaluation.calibration
    title = (
        f"confidence against share right, deciles of {calibration.n_rows} rows: expected calibration error "
        f"{calibration.ece:.4f} ({evaluation.selected_calibration.ece:.4f} over the rows asked for)"
    )
    headers, rows = calibration.table()
    table = Table(title=plain(title), show_edge=False)
    for header in headers:
        table.add_column(header, justify="right")
    for row in rows:
        table.add_row(*(f"{v:.3f}" if isinstance(v, float) else str(v) for v in row))
    return table
