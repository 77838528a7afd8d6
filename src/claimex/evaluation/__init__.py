"""Scoring a claims table against gold attributions, one concern a module.  Above the runtime: nothing in
claimex's extraction imports it.

* :mod:`.gold`: the gold attributions, read from a PolNeAR split (brat) or claimex's JSONL form.
* :mod:`.speakers`: who each gold source is (a speakers file) and the score "speaker resolved right".
* :mod:`.spans`: the text rules: spans trimmed, when two contents match, words.
* :mod:`.matching`: rows located in the gold articles and paired one to one with gold attributions.
* :mod:`.categories`: a gold cue's category and a content's quote style, for the breakdowns.
* :mod:`.who_said_what`: one scoring run (:func:`~.who_said_what.score`), content and who-said-what.
* :mod:`.report`: its result, :class:`~.report.EvalReport`.
* :mod:`.calibration`: how well the confidence column predicts a right row.
* :mod:`.kinds`: the gold classified by claim kind as claimex classifies its claims.
* :mod:`.evaluate`: ``claimex eval``, the two scorings of a table (:func:`~.evaluate.evaluate_rows`).
* :mod:`.scoring`: the rules in one place, and every public name of the modules above.
"""
