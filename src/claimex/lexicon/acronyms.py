"""What an acronym looks like: two to six capital letters, dotted or not ("IMF", "F.B.I.", "NAACP").

One test for every stage that asks (speaker resolution ties an acronym to the article's full name, the corpus
pass to the full names other articles give).  Limits: by form alone, so "US" and "UK" pass, and a mixed-case
short form ("DoJ") does not.
"""

from __future__ import annotations


def is_acronym(text: str) -> bool:
    """Two to six capital letters, dotted or not, nothing else: a word that may stand for a longer name."""
    letters = text.strip().replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
