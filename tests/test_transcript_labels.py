"""A broadcast transcript's "NAME, ROLE:" label (claimex.nlp.transcript_labels), table-driven on a blank pipeline."""

from __future__ import annotations

import pytest
import spacy

from claimex.nlp.transcript_labels import role_label_bounds

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("WOLF BLITZER, CNN ANCHOR: Are you getting help?", "CNN ANCHOR"),
        ("IAN 'BANJO' BURNS, APPIN STATION: Everybody is in the same boat.", "APPIN STATION"),
        ("Smith, however, said one thing: we need rain.", None),  # a role in lower case is prose
        ("WOLF BLITZER: Are you getting help?", None),  # no role
        (", CNN ANCHOR: a comma first", None),  # no name before the comma
        ("WOLF BLITZER,: nothing between", None),
    ],
)
def test_role_label_bounds(text, role):
    doc = NLP(text)
    bounds = role_label_bounds(doc, 0, 15)
    assert (doc[bounds[0] + 1 : bounds[1]].text if bounds else None) == role
