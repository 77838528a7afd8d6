"""A noun phrase as what a speaker said: the learned constructions that must stay rows.

PolNeAR's annotators attribute the object of an evaluative or publishing verb ("slammed the proposal as
...", "criticized the ACA as ...", "tweeted a chart of ..."), so the cue model (claimex.cuemodel.model)
keeps such objects as statements.  Whatever is done about objects that carry no message ("claimed a
victory", "emailed supporters") must leave these rows in place.
"""

from __future__ import annotations

import pytest

from claimex.api import extract_text

# (text, speaker, cue lemma, quote type, words the statement must contain)
KEPT = [
    (
        "Clinton slammed the proposal as “reprehensible, prejudiced and divisive.”",
        "Clinton",
        "slam",
        "mixed",
        "the proposal as “reprehensible",
    ),
    ("Trump criticized the ACA as a crazy system.", "Trump", "criticize", "indirect", "the ACA as a crazy system"),
    (
        "Sanders thanked his supporters for delivering a commanding first-place finish in South Carolina.",
        "Sanders",
        "thank",
        "indirect",
        "his supporters for delivering a commanding first-place finish",
    ),
    (
        "Obama unveiled a $275 billion infrastructure proposal to fix highways, trains and airports.",
        "Obama",
        "unveil",
        "indirect",
        "a $275 billion infrastructure proposal",
    ),
    (
        "Trump tweeted a chart of racist and wildly inaccurate crime statistics.",
        "Trump",
        "tweet",
        "indirect",
        "a chart of racist and wildly inaccurate crime statistics",
    ),
    (
        "The senator blamed the administration for the delays at the border.",
        "senator",
        "blame",
        "indirect",
        "the administration for the delays at the border",
    ),
    (
        "Clinton accused Trump of running a campaign built on prejudice.",
        "Clinton",
        "accuse",
        "indirect",
        "Trump of running a campaign built on prejudice",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, quote_type, statement", KEPT)
def test_a_noun_phrase_the_annotators_attribute_stays_a_row(nlp, text, speaker, cue, quote_type, statement):
    rows = [(r["speaker"], r["cue"], r["quote_type"], r["quote"]) for r in extract_text(text, nlp=nlp, kinds="all")]
    assert any(s == speaker and c == cue and t == quote_type and statement in q for s, c, t, q in rows), rows
