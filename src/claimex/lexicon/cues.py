"""Reporting cues of English news: the verbs, nouns and phrases that attribute a statement.

Words only (lemmas, lower case), from ``lexicon/data/``; :class:`claimex.nlp.cues.CueLexicon` is the
strategy that uses them.
"""

from . import table, words

SPEECH_VERBS = words("speech_verbs")  # verbs of saying, reporting, stance and belief
SPEECH_NOUNS = words("speech_nouns")  # nouns that head a reported statement ("his statement that ...")
RELAYING_VERBS = words("relaying_verbs")  # "X cited Y as saying ...": a paraphrase of someone else

# Multi-word prepositional cues, words -> the cue reported: the source is the object of the last word.
PHRASE_CUES = {tuple(phrase.split()): cue for phrase, cue in table("phrase_cues")}
