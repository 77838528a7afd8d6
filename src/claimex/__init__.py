"""claimex: who said what, when, in news articles.

Stages: reading -> cleaning -> spaCy pipeline with claimex's components ->
records -> table -> writing.  The Python API is :func:`extract_to` (a whole
run to an output, as ``claimex extract``), :func:`extract` (a DataFrame),
:func:`extract_text` (rows of one article) and :func:`process` (a stream of
per-article results).  They are imported on first use, so that importing a
single stage (``claimex.nlp.quotes``) does not load spaCy.
"""

__version__ = "0.1.0"

_API = {
    "ClaimExtractor": "api",
    "extract_to": "api",
    "ExtractSummary": "api",
    "extract": "api",
    "extract_text": "api",
    "process": "api",
    "ReadOptions": "api",
    "ArticleResult": "api",
    "load_pipeline": "nlp.pipeline",
}
__all__ = ["__version__", *_API]


def __getattr__(name: str):
    if name in _API:
        import importlib

        module = importlib.import_module(f".{_API[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module 'claimex' has no attribute {name!r}")
