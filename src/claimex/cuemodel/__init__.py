"""The learned cue model: :mod:`.model` is what claimex runs (features, scoring, a statement's extent);
:mod:`.train` fits it from annotated news and needs the ``train`` extra (scikit-learn).  The runtime
never imports :mod:`.train`.
"""
