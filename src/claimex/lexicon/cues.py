"""Reporting cues of English news: the verbs, nouns and phrases that attribute a statement.

Words only (lemmas, lower case); :class:`claimex.nlp.cues.CueLexicon` is the strategy that uses them.
"""

# Verbs of saying, reporting, stance and belief common in English news.
SPEECH_VERBS = frozenset(
    """
    say tell add note state declare announce explain insist stress emphasize emphasise underline
    reiterate repeat remark comment mention reply respond answer retort confirm deny acknowledge admit
    concede claim contend assert allege maintain argue suggest indicate point warn caution threaten
    promise pledge vow predict forecast estimate recall recount describe report write tweet post
    announce disclose reveal testify assure reassure urge call demand ask question wonder complain
    lament criticize criticise accuse charge blame praise hail welcome condemn reject dismiss
    tout boast brag joke quip observe conclude concur agree disagree counter object protest
    propose recommend advise caution inform notify signal hint imply speculate theorize
    believe think feel reckon expect hope fear worry doubt know guess consider
    quote cite paraphrase characterize characterise label brand dub
    estimate calculate find show
    """.split()
)

# Nouns that head a reported statement ("his statement that ...", "the ministry's claim that ...").
SPEECH_NOUNS = frozenset(
    """
    statement claim remark remarks comment comments announcement assertion allegation
    warning promise pledge argument insistence suggestion testimony report accusation
    belief view assessment admission denial declaration message
    """.split()
)

# Multi-word prepositional cues: the source is the object of the last word.
PHRASE_CUES = {
    ("according", "to"): "according to",
    ("in", "the", "words", "of"): "in the words of",
    ("quoted", "by"): "quoted by",
    ("as", "quoted", "by"): "quoted by",
}

# Verbs that attribute a paraphrase of someone else: "X cited Y as saying ...".
RELAYING_VERBS = frozenset({"quote", "cite", "paraphrase"})
