"""Input and output: reading articles from files (decoding, formats, doc ids) and writing claims tables.

* :mod:`.reading`: paths, decoding, one reader per file format, :class:`~claimex.article.Article` out.
* :mod:`.writing`: table formats (CSV, TSV, JSONL, Parquet, partitioned datasets), written atomically.
* :mod:`.atomic`: the atomic-file helpers every output uses (temp file, fsync, ``os.replace``).
"""
