"""Seeing the claims: article views, table summaries and the HTML pages (:mod:`.pages`).  Pure
functions, no Rich and no terminal; above the runtime."""
