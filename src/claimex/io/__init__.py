"""Input and output: reading articles from files (decoding, formats, doc ids) and writing claims tables.

* :mod:`.reading`: paths, decoding, one reader per file format, :class:`~claimex.article.Article` out.
* :mod:`.reflow` (hard-wrapped plain text), :mod:`.markdown_text`, :mod:`.html_extract` (main text, with
  fallbacks and a warning) and :mod:`.documents` (PDF, DOCX): the text of each format, pure functions.
* :mod:`.writing`: table formats (CSV, TSV, JSONL, Parquet, partitioned datasets), written atomically.
* :mod:`.atomic`: the atomic-file helpers every output uses (temp file, fsync, ``os.replace``).
"""
