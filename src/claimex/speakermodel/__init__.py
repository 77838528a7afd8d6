"""The pronoun antecedent ranker: :mod:`.ranker` is what the ``claimex_speakers`` component runs (a linear
scorer of the earlier people a "he" or "she" may be); :mod:`.train` fits its weights from coreference chains
and needs the ``train`` extra (scikit-learn).  The runtime never imports :mod:`.train`.
"""
