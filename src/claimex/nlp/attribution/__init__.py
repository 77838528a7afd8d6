"""Who said what: rules on spaCy's dependency parse that find attributed statements.

Pure functions from an annotated ``Doc`` to :class:`Claim` objects; the
``claimex_attribution`` component stores them on the Doc.  :func:`find_claims` runs
:data:`PASSES`, one rule family a module, in order: reported speech (:mod:`.reported`, its speakers from
:mod:`.reporters`),
direct quotations (:mod:`.quotations`, with :mod:`.signatures`), labelled turns
(:mod:`.turns`), block quotations (:mod:`.blocks`), then the filters (:mod:`.filters`).
A new rule goes in its family's module, or in a new pass of its own.  What is found:

* reported speech hanging off a reporting verb: the clausal complement of
  "X said (that) ...", "... , X said", "X told reporters ...", "X cited Y as
  saying ..." (the speaker is Y), "This was stated by X" (the statement is the
  sentence before), nouns such as "X's statement that ...";
* "according to X, ..." and "..., according to X": the rest of the clause;
* direct quotations with a cue in the same sentence, or introduced by a
  sentence ending in a colon ("Cruz continued:", whatever the verb); a
  quotation with no cue that continues the previous claim's paragraph (or the
  next one) is the same speaker's turn; a paragraph such a sentence introduces
  without quotation marks is quoted as a block ("Fox News reports:");
* transcript turns ("PENCE: Well, look, ...", over the paragraphs that continue the answer) and quotations signed with a dash
  and a name ("“...” ― Sonya Herridge"); in the article's title, "Pence: ..."
  and "...: Spokesperson";
* mixed quotes: reported speech that contains a quoted fragment, or is
  continued by a quotation right after it;
* constructions learned from annotated news (:mod:`claimex.cuemodel.model`) when the
  lexicon's rules find nothing: "X called for Y", "X praised Y for Z",
  "X's attack on Y", each fired when the cue model's probability clears a threshold.

A quotation interrupted by its attribution ("“A,” she said. “B.”") is one claim
in pieces, unless the narration between the pieces is longer than they are (a
row's offsets span its pieces): then each piece is a row of the same turn; a claim whose cue lies inside another claim's statement is part of
that statement, not a row of its own.

Limits, plainly: a claim needs a parse the rules can read, so a misparsed
sentence loses its claim or its boundaries (a reporting verb left with no subject
still takes the known name, or the "who"-described person, that opens its clause:
"Jolly said", "Sanders, meanwhile, who sits at zero endorsements, said"); statements whose cue is far from
them (two sentences away) are missed, and so are headline-style "Poll: ..."
statements outside the title (other headlines never hold claims) and most noun cues without a
possessor; reported speech ends at a semicolon, and elsewhere where a
statement ends is learned (:mod:`claimex.cuemodel.model`'s extent classifier), so a
clause is kept or left out as annotators mostly did, not as this sentence
needs; a verb coordinated inside the statement is told from the
narrator's next report only by its tense ("said he would order A and warned
B") or by being a report itself; a short quotation with no cue (a scare
quote, a title) is never a claim, by design.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from ..cues import CueLexicon
from .blocks import block_quotations
from .claim import Claim, Reading
from .filters import dedupe, drop_nested, in_text_order, keep_statements
from .quotations import direct_quotations
from .reported import reported_speech
from .turns import labelled_turns

__all__ = ["PASSES", "Claim", "Pass", "Reading", "find_claims"]

#: A pass reads the Doc (and what earlier passes left in the :class:`Reading`) and returns the claims so far.
Pass = Callable[[Reading, list[Claim]], list[Claim]]

#: The passes :func:`find_claims` runs, in this order.
PASSES: tuple[Pass, ...] = (
    reported_speech,
    direct_quotations,
    labelled_turns,
    block_quotations,
    keep_statements,
    in_text_order,
    dedupe,
    drop_nested,
)


def find_claims(doc: Doc, lexicon: CueLexicon, quotations: list[Span], paragraphs: list[Span]) -> list[Claim]:
    """All claims in ``doc``, in text order.

    ``quotations`` are the inner spans of the direct quotations (without marks);
    ``paragraphs`` are the paragraphs that can hold claims (body paragraphs, see :mod:`claimex.nlp.cleaning`).
    """
    reading = Reading.of(doc, lexicon, quotations, paragraphs)
    claims: list[Claim] = []
    for run in PASSES:
        claims = run(reading, claims)
    return claims
