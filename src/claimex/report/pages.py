"""Seeing the claims: an article with its claims marked, and a table's summary.

Pure functions, no Rich and no terminal: the CLI (:mod:`claimex.cli.views`)
renders what they return; the HTML pages are built here as strings.

* :func:`article_view` pairs an article as read with its claims rows (from
  :func:`claimex.api.process`) and the paragraph kinds of
  :mod:`claimex.nlp.cleaning`; :func:`paragraph_segments` cuts it into runs of
  plain and claimed text; :func:`article_html` is the ``claimex show
  --format html`` page.
* :func:`summarize` counts a claims table by speaker, speaker country, cue
  and month; :func:`stats_html` is the ``claimex stats --html`` report, with
  bar charts drawn as inline SVG.
* Pages are written with :func:`claimex.io.atomic.write_text_atomic`, the way the tables are written.

Every page is self-contained: inline CSS, inline SVG, no script, and no
font, image or style loaded from anywhere; all text is escaped.
"""

from __future__ import annotations

import html
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..article import Article
from ..nlp.cleaning import BODY, classify_paragraphs
from ..schema import conform_value, to_text

UNKNOWN_SPEAKER = "(unknown)"
UNNAMED_SPEAKER = "(unnamed)"  # rows whose speaker_id is empty: a pronoun or description not resolved
NO_COUNTRY = "(none)"
UNKNOWN_MONTH = "(no date)"

#: Colours given to speakers in turn (readable on white and on a dark terminal).
PALETTE: tuple[str, ...] = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
)

_MONTH = re.compile(r"^(\d{4})-(\d{2})")


# -- show: one article with its claims ---------------------------------------


@dataclass(frozen=True)
class Segment:
    """A run of a paragraph's text; ``claim`` is the 1-based claim number or 0."""

    text: str
    claim: int = 0
    first: bool = False  # the claim's first run: where its speaker label goes


@dataclass(frozen=True)
class ParagraphView:
    start: int
    end: int
    kind: str  # body, boilerplate, header, headline (see claimex.nlp.cleaning)
    segments: tuple[Segment, ...]


@dataclass
class ArticleView:
    """An article as claimex read it, its paragraphs and its claims rows (in text order)."""

    doc_id: str
    source: str
    published: str
    text: str
    claims: list[dict]
    paragraphs: list[ParagraphView] = field(default_factory=list)
    colours: dict[str, str] = field(default_factory=dict)  # speaker -> colour

    def speaker(self, number: int) -> str:
        return self.claims[number - 1]["speaker"] or UNKNOWN_SPEAKER

    def colour(self, number: int) -> str:
        return self.colours[self.speaker(number)]


def article_view(article: Article, records: Sequence[dict]) -> ArticleView:
    """The view of one article: its paragraphs cut into runs, claims numbered 1, 2, ..."""
    claims = sorted(records, key=lambda r: (int(r["char_start"]), int(r["char_end"])))
    view = ArticleView(
        doc_id=article.doc_id,
        source=article.source or article.doc_id,
        published=(_iso(claims[0]["published"]) if claims else "") or article.published,
        text=article.text,
        claims=list(claims),
    )
    for number in range(1, len(claims) + 1):
        view.colours.setdefault(view.speaker(number), PALETTE[len(view.colours) % len(PALETTE)])
    ranges = _claim_ranges(claims, len(article.text))
    for paragraph in classify_paragraphs(article.text):
        view.paragraphs.append(
            ParagraphView(
                paragraph.start,
                paragraph.end,
                paragraph.kind,
                tuple(paragraph_segments(article.text, paragraph.start, paragraph.end, ranges)),
            )
        )
    return view


def _claim_ranges(claims: Sequence[dict], length: int) -> list[tuple[int, int, int]]:
    """(start, end, number) of each claim, clipped to the text and to each other (no overlaps)."""
    ranges = []
    last_end = 0
    for number, row in enumerate(claims, 1):
        start, end = max(int(row["char_start"]), last_end, 0), min(int(row["char_end"]), length)
        if start < end:
            ranges.append((start, end, number))
            last_end = end
    return ranges


def paragraph_segments(text: str, start: int, end: int, ranges: Sequence[tuple[int, int, int]]) -> list[Segment]:
    """``text[start:end]`` as runs of plain text and claims (``ranges`` sorted, not overlapping)."""
    segments: list[Segment] = []
    at = start
    for claim_start, claim_end, number in ranges:
        if claim_end <= start or claim_start >= end:
            continue
        lo, hi = max(claim_start, start), min(claim_end, end)
        if lo > at:
            segments.append(Segment(text[at:lo]))
        segments.append(Segment(text[lo:hi], number, first=lo == claim_start))
        at = hi
    if at < end:
        segments.append(Segment(text[at:end]))
    return segments


def claim_rows(view: ArticleView) -> list[tuple[str, ...]]:
    """The claims table of ``view``: (#, speaker, role, country, cue, type, kind, confidence, said on, quote)."""
    rows: list[tuple[str, ...]] = []
    for number, row in enumerate(view.claims, 1):
        rows.append(
            (
                str(number),
                row["speaker"] or UNKNOWN_SPEAKER,
                row["speaker_role"],
                row["speaker_country"],
                row["cue"],
                row["quote_type"],
                row.get("claim_kind", ""),
                _confidence_text(row.get("confidence")),
                _iso(row["said_on"]),
                row["quote"],
            )
        )
    return rows


CLAIM_HEADERS = ("#", "speaker", "role", "country", "cue", "type", "kind", "confidence", "said on", "quote")


def article_html(views: Sequence[ArticleView], *, title: str) -> str:
    """A standalone page: each article with its claims marked, then its claims table."""
    body = []
    for view in views:
        body.append(_article_section(view))
    if not views:
        body.append('<p class="empty">No article was read.</p>')
    return _page(title, "\n".join(body))


def _article_section(view: ArticleView) -> str:
    e = html.escape
    speakers = Counter(view.speaker(n) for n in range(1, len(view.claims) + 1))
    legend = "".join(
        f'<span class="chip" style="--c:{view.colours[name]}">{e(name)} <b>{count}</b></span>'
        for name, count in speakers.most_common()
    )
    meta = [f"{len(view.claims)} claim{'s' if len(view.claims) != 1 else ''}"]
    if view.published:
        meta.append(f"published {e(view.published)}")
    parts = [
        '<section class="article">',
        f"<h1>{e(view.doc_id)}</h1>",
        f'<p class="meta">{" · ".join(meta)}</p>',
        f'<div class="legend">{legend}</div>' if legend else "",
        '<div class="text">',
    ]
    for paragraph in view.paragraphs:
        runs = []
        for segment in paragraph.segments:
            if not segment.claim:
                runs.append(e(segment.text))
                continue
            colour = view.colour(segment.claim)
            row = view.claims[segment.claim - 1]
            label = ""
            if segment.first:
                label = (
                    f'<span class="who" style="--c:{colour}">{e(view.speaker(segment.claim))}'
                    f"<sup>{segment.claim}</sup></span>"
                )
            tip = f"{view.speaker(segment.claim)} ({row['cue'] or 'no cue'}, {row['quote_type']})"
            runs.append(f'{label}<mark style="--c:{colour}" title="{e(tip)}">{e(segment.text)}</mark>')
        kind = paragraph.kind
        tag = "" if kind == BODY else f'<span class="kind">{e(kind)}</span>'
        runs_html = "".join(runs)
        parts.append(f'<p class="{e(kind)}">{tag}{runs_html}</p>')
    parts.append("</div>")
    if view.claims:
        parts.append("<h2>Claims</h2>")
        parts.append(_claims_table(view))
    else:
        parts.append('<p class="empty">claimex found no claims in this article.</p>')
    parts.append("</section>")
    return "\n".join(p for p in parts if p)


def _claims_table(view: ArticleView) -> str:
    e = html.escape
    head = "".join(f'<th class="{_CLAIM_CLASSES[i]}">{e(h)}</th>' for i, h in enumerate(CLAIM_HEADERS))
    body = []
    for number, row in enumerate(claim_rows(view), 1):
        cells = [f'<td class="{_CLAIM_CLASSES[i]}">{e(v)}</td>' for i, v in enumerate(row)]
        cells[1] = f'<td><span class="dot" style="--c:{view.colour(number)}"></span>{e(row[1])}</td>'
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table class="claims"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


_CLAIM_CLASSES = ("n", "", "", "nw", "nw", "nw", "nw", "n", "nw", "wide")


# -- stats: a claims table summarized -----------------------------------------


@dataclass
class Summary:
    """Counts over a claims table; each list is (label, count), most claims first (months in order)."""

    claims: int
    articles: int
    speakers: list[tuple[str, int]]
    countries: list[tuple[str, int]]
    cues: list[tuple[str, int]]
    months: list[tuple[str, int]]  # months with claims, in order, then UNKNOWN_MONTH
    dated_by: dict[str, int]  # how each row got its month: said_on, published, none
    statements: int = 0  # distinct statement_id
    repeated: list[RepeatedStatement] = field(default_factory=list)  # carried by two articles or more
    by_speaker_id: bool = True  # False for a table written before speaker_id: grouped by speaker


@dataclass(frozen=True)
class RepeatedStatement:
    """A statement quoted by several articles: how many, by whom, and its most quoted wording."""

    statement_id: str
    articles: int
    claims: int
    speaker: str
    quote: str


def _iso(value) -> str:
    """A date of a row or frame (a date, a Timestamp, ISO text, or null) as YYYY-MM-DD, "" when unknown."""
    return to_text("date", conform_value("date", value))


def _confidence_text(value) -> str:
    """A row's confidence with two decimals, "" when unknown."""
    confidence = conform_value("float", value)
    return "" if confidence is None else f"{confidence:.2f}"


def month_of(row: dict) -> tuple[str, str]:
    """(YYYY-MM, source) of a row: from ``said_on`` (known to the month at least), else ``published``."""
    said_on = _iso(row.get("said_on"))
    precision = str(row.get("said_on_precision") or "")
    match = _MONTH.match(said_on)
    if match and precision != "year":
        return f"{match[1]}-{match[2]}", "said_on"
    match = _MONTH.match(_iso(row.get("published")))
    if match:
        return f"{match[1]}-{match[2]}", "published"
    return UNKNOWN_MONTH, "none"


def summarize(frame: pd.DataFrame) -> Summary:
    """Claims per speaker (``speaker_id``), per speaker country, per cue and per month of a claims table,
    and its statements: how many distinct ones, and those that most articles carry."""
    rows = frame.to_dict("records")
    by_id = any(r["speaker_id"] for r in rows) or not any(r["speaker"] for r in rows)
    if by_id:
        speakers = Counter((r["speaker_id"] or UNNAMED_SPEAKER) for r in rows)
    else:  # a table written before claimex had speaker_id
        speakers = Counter((r["speaker"] or UNKNOWN_SPEAKER) for r in rows)
    countries = Counter((r["speaker_country"] or NO_COUNTRY) for r in rows)
    cues = Counter((r["cue"] or "(none)") for r in rows)
    months: Counter[str] = Counter()
    dated_by: Counter[str] = Counter()
    for row in rows:
        month, source = month_of(row)
        months[month] += 1
        dated_by[source] += 1
    return Summary(
        claims=len(rows),
        articles=len({r["doc_id"] for r in rows}),
        speakers=_ranked(speakers),
        countries=_ranked(countries),
        cues=_ranked(cues),
        months=[(m, months[m]) for m in sorted(m for m in months if m != UNKNOWN_MONTH)]
        + ([(UNKNOWN_MONTH, months[UNKNOWN_MONTH])] if months.get(UNKNOWN_MONTH) else []),
        dated_by={k: dated_by.get(k, 0) for k in ("said_on", "published", "none")},
        statements=len({r["statement_id"] for r in rows if r["statement_id"]}),
        repeated=repeated_statements(rows),
        by_speaker_id=by_id,
    )


def repeated_statements(rows: Sequence[dict]) -> list[RepeatedStatement]:
    """Statements carried by two articles or more, most articles first (then most claims, then id)."""
    docs: dict[str, set[str]] = {}
    wordings: dict[str, Counter[str]] = {}
    speakers: dict[str, Counter[str]] = {}
    for row in rows:
        sid = row["statement_id"]
        if not sid:
            continue
        docs.setdefault(sid, set()).add(row["doc_id"])
        wordings.setdefault(sid, Counter())[row["quote"]] += 1
        speakers.setdefault(sid, Counter())[row["speaker_id"] or row["speaker"]] += 1
    out = [
        RepeatedStatement(
            statement_id=sid,
            articles=len(articles),
            claims=sum(wordings[sid].values()),
            speaker=_most_common(speakers[sid]),
            quote=_most_common(wordings[sid]),
        )
        for sid, articles in docs.items()
        if len(articles) > 1
    ]
    return sorted(out, key=lambda s: (-s.articles, -s.claims, s.statement_id))


def _most_common(counts: Counter[str]) -> str:
    return min(counts, key=lambda k: (-counts[k], k))


def _ranked(counts: Counter) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def timeline(months: Sequence[tuple[str, int]], max_gap_fill: int = 36) -> list[tuple[str, int]]:
    """``months`` in order with the empty months between the first and last added (if not too many)."""
    counts = dict(months)
    known = sorted(m for m in counts if m != UNKNOWN_MONTH)
    out = [(m, counts[m]) for m in known]
    if known:
        first, last = _month_index(known[0]), _month_index(known[-1])
        if last - first < max_gap_fill:
            out = [(_month_name(i), counts.get(_month_name(i), 0)) for i in range(first, last + 1)]
    if counts.get(UNKNOWN_MONTH):
        out.append((UNKNOWN_MONTH, counts[UNKNOWN_MONTH]))
    return out


def _month_index(month: str) -> int:
    year, mon = month.split("-")
    return int(year) * 12 + int(mon) - 1


def _month_name(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def country_name(code: str) -> str:
    """The English short name of an ISO alpha-3 code, or ``""``."""
    if not code or code.startswith("("):
        return ""
    try:
        import pycountry

        country = pycountry.countries.get(alpha_3=code)
    except Exception:  # pragma: no cover - pycountry's data is optional here
        return ""
    return str(getattr(country, "common_name", None) or getattr(country, "name", "")) if country else ""


def country_label(code: str) -> str:
    name = country_name(code)
    return f"{code} {name}" if name else code


def stats_html(summary: Summary, *, source: str, top: int = 20) -> str:
    """The ``claimex stats --html`` report: figures, SVG bar charts and the tables."""
    e = html.escape
    cards = [
        ("claims", summary.claims),
        ("articles", summary.articles),
        ("speakers", len([s for s, _ in summary.speakers if s != UNNAMED_SPEAKER])),
        ("statements", summary.statements),
        ("speaker countries", len([c for c, _ in summary.countries if c != NO_COUNTRY])),
    ]
    parts = [
        f"<h1>Claims in {e(source)}</h1>",
        '<div class="cards">'
        + "".join(f'<div class="card"><b>{value}</b><span>{e(label)}</span></div>' for label, value in cards)
        + "</div>",
    ]
    if not summary.claims:
        parts.append('<p class="empty">This table holds no claims.</p>')
        return _page(f"claimex stats: {source}", "\n".join(parts))
    countries = [(country_label(code), n) for code, n in summary.countries]
    months = timeline(summary.months)
    dated = [m for m, _ in summary.months if m != UNKNOWN_MONTH]
    gaps = ""
    if (
        dated
        and len([m for m, _ in months if m != UNKNOWN_MONTH]) < _month_index(dated[-1]) - _month_index(dated[0]) + 1
    ):
        gaps = f"The dates span {dated[0]} to {dated[-1]}; months without claims are left out of the chart. "
    parts += [
        '<div class="charts">',
        _figure("Claims per speaker", bar_chart_svg(summary.speakers[:top], colour=PALETTE[0]), summary.speakers, top),
        _figure("Claims per speaker country", bar_chart_svg(countries[:top], colour=PALETTE[2]), countries, top),
        "</div>",
        _figure("Claims per month", column_chart_svg(months, colour=PALETTE[3]), [], 0, wide=True),
        f'<p class="note">{gaps}Month of the statement (<code>said_on</code>) when known, else of publication '
        f"(<code>published</code>): {summary.dated_by['said_on']} by statement date, "
        f"{summary.dated_by['published']} by publication date, {summary.dated_by['none']} undated.</p>",
        '<div class="tables">',
        _titled_table("Speakers", ("speaker", "claims"), summary.speakers),
        _titled_table("Speaker countries", ("country", "claims"), countries),
        _titled_table("Cues", ("cue", "claims"), summary.cues),
        _titled_table("Months", ("month", "claims"), summary.months),
        "</div>",
        _repeated_table(summary.repeated, top),
    ]
    return _page(f"claimex stats: {source}", "\n".join(parts))


def _repeated_table(repeated: Sequence[RepeatedStatement], top: int) -> str:
    """The statements most articles carry, as a table (a sentence when none is repeated)."""
    title = "<h2>Statements carried by several articles</h2>"
    if not repeated:
        return f'<div class="table wide">{title}<p class="note">No statement is carried by two articles.</p></div>'
    rows = [(str(s.articles), str(s.claims), s.speaker, s.quote) for s in repeated[:top]]
    more = f'<p class="note">top {top} of {len(repeated)}</p>' if len(repeated) > top else ""
    body = _html_table(("articles", "claims", "speaker", "quote"), rows, numeric=(0, 1), wide=(3,))
    return f'<div class="table wide">{title}{body}{more}</div>'


def _figure(title: str, svg: str, items: Sequence, top: int, *, wide: bool = False) -> str:
    more = f'<figcaption class="note">top {top} of {len(items)}</figcaption>' if top and len(items) > top else ""
    return f'<figure class="{"wide" if wide else ""}"><h2>{html.escape(title)}</h2>{svg}{more}</figure>'


def _titled_table(title: str, headers: Sequence[str], rows: Iterable[tuple[str, int]]) -> str:
    body = _html_table(headers, [(label, str(n)) for label, n in rows], numeric=(1,))
    return f'<div class="table"><h2>{html.escape(title)}</h2>{body}</div>'


# -- charts: inline SVG --------------------------------------------------------


def bar_chart_svg(items: Sequence[tuple[str, int]], *, colour: str = PALETTE[0], width: int = 520) -> str:
    """Horizontal bars, one per (label, count), as an inline ``<svg>`` (no xmlns, no links)."""
    e = html.escape
    if not items:
        return '<p class="empty">nothing to chart</p>'
    bar_h, gap, label_w, count_w = 20, 6, 190, 44
    plot_w = width - label_w - count_w
    peak = max(n for _, n in items) or 1
    height = len(items) * (bar_h + gap) + gap
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="bar chart">'
    ]
    for i, (label, count) in enumerate(items):
        y = gap + i * (bar_h + gap)
        w = max(1.0, plot_w * count / peak)
        shown = label if len(label) <= 28 else label[:27] + "…"
        out.append(
            f"<g><title>{e(label)}: {count}</title>"
            f'<text x="{label_w - 8}" y="{y + bar_h * 0.72:.1f}" text-anchor="end" class="lbl">{e(shown)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" rx="3" fill="{colour}"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + bar_h * 0.72:.1f}" class="num">{count}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)


def column_chart_svg(items: Sequence[tuple[str, int]], *, colour: str = PALETTE[3], height: int = 240) -> str:
    """Vertical bars in order (a timeline), as an inline ``<svg>``; labels thinned to fit."""
    e = html.escape
    if not items:
        return '<p class="empty">nothing to chart</p>'
    left, bottom, top_pad = 36, 54, 18
    col_w = max(8, min(48, 1000 // max(1, len(items))))
    width = left + len(items) * col_w + 12
    plot_h = height - bottom - top_pad
    peak = max(n for _, n in items) or 1
    step = max(1, -(-22 // col_w))  # label every step-th column: rotated labels need ~22 px each
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="column chart">',
        f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{width - 6}" y2="{top_pad + plot_h}" class="axis"/>',
        f'<text x="{left - 6}" y="{top_pad + 4}" text-anchor="end" class="num">{peak}</text>',
        f'<text x="{left - 6}" y="{top_pad + plot_h}" text-anchor="end" class="num">0</text>',
    ]
    for i, (label, count) in enumerate(items):
        x = left + i * col_w
        h = plot_h * count / peak
        fill = "#aaaaaa" if label == UNKNOWN_MONTH else colour
        out.append(f"<g><title>{e(label)}: {count}</title>")
        if count:
            out.append(
                f'<rect x="{x + 2}" y="{top_pad + plot_h - h:.1f}" width="{col_w - 4}" height="{h:.1f}" '
                f'rx="2" fill="{fill}"/>'
            )
            if col_w >= 20:
                out.append(
                    f'<text x="{x + col_w / 2:.1f}" y="{top_pad + plot_h - h - 4:.1f}" text-anchor="middle" '
                    f'class="num">{count}</text>'
                )
        if i % step == 0 or label == UNKNOWN_MONTH:
            lx, ly = x + col_w / 2, top_pad + plot_h + 12
            out.append(
                f'<text x="{lx:.1f}" y="{ly}" text-anchor="end" class="lbl" '
                f'transform="rotate(-40 {lx:.1f} {ly})">{e(label)}</text>'
            )
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


# -- HTML plumbing ---------------------------------------------------------------

_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1120px; padding: 24px 32px 48px; background: #fafaf7; color: #222;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .2rem; word-break: break-all; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .6rem; }
code { font-size: .9em; background: #eee; padding: 0 .25em; border-radius: 3px; }
.meta, .note, .empty { color: #666; font-size: .9rem; }
.legend { margin: .6rem 0 1rem; display: flex; flex-wrap: wrap; gap: 6px; }
.chip { border-left: 6px solid var(--c); background: #fff; border-radius: 4px; padding: 1px 8px;
  font-size: .85rem; box-shadow: 0 0 0 1px #e2e2dc; }
.text { background: #fff; border: 1px solid #e2e2dc; border-radius: 8px; padding: 8px 28px; }
.text p { margin: .7rem 0; }
.text p.boilerplate, .text p.header, .text p.headline { color: #999; font-size: .88rem; }
.text p.title { font-weight: 600; }
.kind { display: inline-block; font-size: .7rem; text-transform: uppercase; letter-spacing: .04em;
  border: 1px solid #ccc; border-radius: 3px; padding: 0 4px; margin-right: 6px; color: #888; }
mark { background: #fff3b0; background: color-mix(in srgb, var(--c) 16%, white); border-bottom: 2px solid var(--c);
  color: inherit; padding: 1px 0; }
.who { display: inline-block; background: var(--c); color: #fff; font-size: .72rem; font-weight: 600;
  border-radius: 3px; padding: 0 5px; margin: 0 3px 0 1px; line-height: 1.5; vertical-align: 1px; }
.who sup { font-size: .65rem; margin-left: 3px; vertical-align: 2px; opacity: .85; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .88rem; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid #e6e6e0; }
th { background: #f0f0ea; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.wide { min-width: 22rem; }
table.claims td:nth-child(2) { min-width: 9rem; }
table.claims td:nth-child(3) { min-width: 8rem; }
td.nw, th.nw { white-space: nowrap; }
.dot { display: inline-block; width: .7em; height: .7em; border-radius: 50%; background: var(--c); margin-right: 6px; }
section.article + section.article { margin-top: 3rem; border-top: 3px double #ccc; padding-top: 1.5rem; }
.cards { display: flex; gap: 12px; margin: 1rem 0; flex-wrap: wrap; }
.card { background: #fff; border: 1px solid #e2e2dc; border-radius: 8px; padding: 10px 18px; min-width: 130px; }
.card b { display: block; font-size: 1.6rem; }
.card span { color: #666; font-size: .85rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 20px; align-items: start; }
figure { margin: 0; background: #fff; border: 1px solid #e2e2dc; border-radius: 8px; padding: 4px 16px 12px;
  overflow-x: auto; }
figure.wide { margin-top: 20px; }
figure h2 { margin-top: .8rem; }
svg.chart { display: block; max-width: 100%; height: auto; }
.charts svg.chart { width: 100%; }
svg .lbl { font-size: 12px; fill: #333; }
svg .num { font-size: 11px; fill: #555; }
svg .axis { stroke: #999; stroke-width: 1; }
.tables { display: grid; grid-template-columns: repeat(auto-fit, minmax(250px, 1fr)); gap: 18px; align-items: start; }
.table h2 { margin-top: 1.2rem; }
footer { margin-top: 2.5rem; color: #999; font-size: .8rem; }
"""


def _html_table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], *, numeric: Sequence[int] = (), wide: Sequence[int] = ()
) -> str:
    e = html.escape

    def cls(i: int) -> str:
        names = (["n"] if i in numeric else []) + (["wide"] if i in wide else [])
        return f' class="{" ".join(names)}"' if names else ""

    head = "".join(f"<th{cls(i)}>{e(h)}</th>" for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f"<td{cls(i)}>{e(str(v))}</td>" for i, v in enumerate(row)) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _page(title: str, body: str) -> str:
    from .. import __version__

    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"{body}\n<footer>Made by claimex {html.escape(__version__)}.</footer>\n</body>\n</html>\n"
    )


def html_output_problem(path: str | Path) -> str | None:
    """Why an HTML page cannot be written to ``path`` (a message with the fix), or ``None``."""
    path = Path(path)
    if path.is_dir():
        return f"output {str(path)!r} is a directory: give a file name, e.g. {path / 'report.html'}"
    ancestor = path.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if ancestor.exists() and not ancestor.is_dir():
        return f"cannot write {str(path)!r}: {str(ancestor)!r} is a file, not a directory"
    if ancestor.exists() and not os.access(ancestor, os.W_OK | os.X_OK):
        return f"cannot write {str(path)!r}: no write permission in {str(ancestor)!r}"
    return None


__all__ = [
    "ArticleView",
    "ParagraphView",
    "Segment",
    "Summary",
    "article_view",
    "paragraph_segments",
    "claim_rows",
    "article_html",
    "month_of",
    "timeline",
    "summarize",
    "country_name",
    "country_label",
    "stats_html",
    "bar_chart_svg",
    "column_chart_svg",
]
