"""Trained models shipped with claimex (installed as ``claimex.models``).

``cue_model.json``: the reporting-construction classifier learned from PolNeAR's
train split; rebuild with ``claimex train-cues ../shared/polnear/train`` (see
claimex.cuemodel.train).
"""
