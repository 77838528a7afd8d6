"""The pronouns speaker resolution reads, by what they stand for (closed classes of English, so kept here)."""

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours"})
THING_PRONOUNS = frozenset({"it", "its"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "we", "us", "our"})
DISTRIBUTIVES = frozenset({"each", "both"})  # "Donald Trump and Hillary Clinton vied ..., each touting"
