"""Input and output: reading articles from files (decoding, formats, doc ids) and writing claims tables.

* :mod:`.reading`: the entry point, :func:`~.reading.iter_articles`: each file to the reader of its format,
  :class:`~claimex.article.Article` out.  Its concerns: :mod:`.paths` (PATHs expanded, doc_id bases),
  :mod:`.limits` (sizes, regular files, why a file cannot be read), :mod:`.decoding` (bytes to the text as
  read), :mod:`.dates` (a published date), :mod:`.read_settings` (a run's reading options); the readers
  :mod:`.text_reader` (plain text, stdin, Markdown, PDF, DOCX), :mod:`.html_reader`, :mod:`.json_reader`.
* :mod:`.reflow` (hard-wrapped plain text), :mod:`.markdown_text`, :mod:`.html_extract` (main text, with
  fallbacks and a warning) and :mod:`.documents` (PDF, DOCX): the text of each format, pure functions.
* :mod:`.writing`: choosing a table format and writing it atomically (JSONL, Parquet, partitioned
  datasets here; the others through their modules below).
* :mod:`.delimited`: CSV and TSV, spreadsheet-safe (the formula guard), and reading them back.
* :mod:`.xlsx`: Excel workbooks (XlsxWriter out, openpyxl back).
* :mod:`.sqlite`: a SQLite database with indexes and a full-text index on the quote.
* :mod:`.atomic`: the atomic-file helpers every output uses (temp file, fsync, ``os.replace``).
"""
