"""Words that are titles or offices, not names, when NER folds them into a name ("Councilor Wang Yi").

The lists are data files in ``lexicon/data/``.
"""

from . import words

TITLE_WORDS = words("title_words")

#: Forms of address: they say a name is a person's, but are no role ("Mr. Pompeo").
HONORIFICS = words("honorifics")

#: Title words that only qualify an office ("Deputy", "Foreign", "State" in
#: "Secretary of State"); the other title words name the office holder.
TITLE_MODIFIERS = words("title_modifiers")

#: Title words that name a person holding an office ("secretary", "spokeswoman", "President").
PERSON_TITLES = TITLE_WORDS - TITLE_MODIFIERS - HONORIFICS

#: Words linking title words into one office: "Secretary of State", "Minister for the Interior".
TITLE_LINKS = words("title_links")
