"""Input and output: reading articles from files (decoding, formats, doc ids) and writing claims tables.

* :mod:`.reading`: paths, decoding, one reader per file format, :class:`~claimex.article.Article` out.
* :mod:`.reflow` (hard-wrapped plain text), :mod:`.markdown_text`, :mod:`.html_extract` (main text, with
  fallbacks and a warning) and :mod:`.documents` (PDF, DOCX): the text of each format, pure functions.
* :mod:`.writing`: choosing a table format and writing it atomically (JSONL, Parquet, partitioned
  datasets here; the others through their modules below).
* :mod:`.delimited`: CSV and TSV, spreadsheet-safe (the formula guard), and reading them back.
* :mod:`.xlsx`: Excel workbooks (XlsxWriter out, openpyxl back).
* :mod:`.sqlite`: a SQLite database with indexes and a full-text index on the quote.
* :mod:`.atomic`: the atomic-file helpers every output uses (temp file, fsync, ``os.replace``).
"""
