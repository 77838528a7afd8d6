"""The spaCy stage: the pipeline and claimex's components, and the text and parse analyses they run.

* :mod:`.pipeline`: load a spaCy pipeline, cut articles into chunks, the paragraph gate, annotate.
* :mod:`.components`: the spaCy components; :mod:`.keys` the span keys and extensions they set.
* :mod:`.cleaning` (paragraph kinds), :mod:`.quotes` (quotation marks): pure text, no spaCy.
* :mod:`.attribution` (claims: statement, cue, speaker's words), :mod:`.cues` (the cue lexicon strategy),
  :mod:`.speakers` (the speaker's fullest name), :mod:`.profiles` (role, organization, country),
  :mod:`.syntax` (dependency helpers).
"""
