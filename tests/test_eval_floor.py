"""Accuracy floors on PolNeAR dev: a change that makes attribution worse fails CI.

Measured on 2026-11-25 (UTC), late, with the article's title read as well (in sentence case, "Speaker:" and
"...: Speaker" labels), "X continued:" introductions and block quotations, quotations joined to the reported
speech they continue or sit inside, and the cue model (trained on the words claimex reads for cues, titles
included; constructions of verbs, passives with their agent, stance nouns with a possessor, a light verb, a
preposition or a copula, and predicate adjectives) with its learned statement extent: content overlap F1 0.756
(P 0.823, R 0.699), exact 0.536, who-said-what F1 0.731 (P 0.796, R 0.676). Earlier that day: 0.746 and 0.722;
on 2026-11-24: 0.729 and 0.698, before that 0.701 and 0.667; with the learned cue table (2026-11-23): 0.653 and
0.612; before it: 0.569 and 0.532.
Speaker resolved right (``speakers.jsonl``, shared/README.md): 0.848 on 2026-11-30 with the description ranker
learned from GUM, works speaking for their authors, relative pronouns and quoted nicknames (name 0.895, surname
0.936, pronoun 0.883, relative 0.533, description 0.354; merged with claim kinds and confidence); 0.825 earlier
that day with gender and salience, descriptions to their holders and names without debris; 0.757 before.
Claim kinds and confidence (2026-11-30): every kind of row against every gold attribution, content F1 0.756 and
who-said-what 0.732; the default output (speech) against the speech gold, who-said-what P 0.836 R 0.784 F1 0.809;
the confidence's expected calibration error over deciles 0.036; 0.038 with the model retrained after the
description ranker (speaker features changed). At the end of the day (contracted "'s" never a speaker): content
0.756, who-said-what 0.733, speech P 0.837 R 0.784 F1 0.810, ECE 0.038 (speech rows 0.029), speakers 0.848.
Speakers 0.889 on the next day (2026-11-30, second session: shared and misspelled surnames, apposed names,
the pronoun's clause subject, acronyms the recognizer misses, descriptions agreeing in state, party and country
and named after they appear, strict epithets; name 0.913, surname 0.943, pronoun 0.941, relative 0.80,
description 0.504), content and who-said-what unchanged, ECE 0.036 (speech rows 0.032) after retraining.
Speakers 0.914 on 2026-11-30, third session (relational and headline descriptions, organizations named in full
and descriptions of bodies, polls and titled works by their fullest names, persons the recognizer calls ORG,
given names it leaves out; name 0.941, surname 0.946, pronoun 0.938, relative 0.80, description 0.673); content
F1 0.757 and who-said-what 0.734 (quotation pairing and transcript turns over paragraphs: +0.001); speech P 0.838
R 0.787; ECE 0.038 (speech rows 0.028) after retraining.
Fourth session (2026-11-30): who-said-what 0.742 (P 0.807, R 0.686; "as X put it", participles continuing a
report, object control, a verb after a closing mark tagging its quotation, subjectless reporting verbs, "called
for X to do Y", titles written as sentences, clauses and names closed by a colon before a quotation), content
0.760; speech P 0.843 R 0.798 F1 0.820; ECE 0.040 (speech rows 0.028); speakers 0.940
(place epithets, kin groups, possessed voices, works by the organization quoted before, surnames named in full
inside quotations, group descriptions, the pronoun ranker's paragraph features; name 0.949, surname 0.973,
pronoun 0.964, relative 0.80, description 0.765).
Fifth session (2026-11-30): who-said-what 0.744 (P 0.810, R 0.689; a quotation after a tag's participle continues
the quoted turn, "“A,” X said, “B.”" one turn, trailing non-restrictive relative clauses and a closing "according to
X" cut, the one urged or called on opening a directive's statement, a that-clause inside the cue's object keeping
the object, "“A,” X said, referring to Y, “B.”" one turn), content 0.762; speech P 0.848 R 0.800 F1 0.823; ECE 0.036
(speech rows 0.025); speakers 0.942
(works called "the piece"/"the article", "the former secretary" and modifier-narrowed epithets, introduced unnamed
persons, names modifying another noun; description 0.793).
Sixth session (2026-11-30): who-said-what 0.748 (P 0.813, R 0.693; a statement starting after its own cue when the
parser hung the narration before the speaker on it, reporting gerunds after "by"/"after"/..., nouns coordinated with a
learned construction's cue, a paragraph's dash signature signing all its quotations), content 0.766; speech P 0.851
R 0.806 F1 0.828; ECE 0.034 (speech rows 0.027); speakers 0.943 (name 0.952, surname 0.973, pronoun 0.960,
description 0.793; speaker fixes outside dev's gold: unknown and accented first names, honorifics overruling a first
name that does not decide, Canadian-style names, places and bodies).
Seventh session (2026-11-30): who-said-what 0.750 (P 0.813, R 0.697; purpose infinitives and participles on nouns
said by their bearer, the addressee after "called on" parsed as a particle, a reporting verb chained at a statement's
head taken into the cue), content 0.768; speech P 0.857 R 0.812 F1 0.834 (kinds: unrealized complements, phase
verbs, acts aimed at a bare object, light verbs' object nouns); ECE 0.037 (speech rows 0.030); speakers 0.941 (name 0.952, surname 0.971, pronoun 0.960, description 0.795; speaker
fixes outside dev's gold: titled names the recognizer mislabels, bodies a name is "of", portfolios, offices).
Eighth session (2026-11-30): who-said-what 0.750 (P 0.813, R 0.697), content 0.768; speech P 0.858 R 0.812 F1 0.835
(kinds: demonstrative sources are evidence; ask, describe, explain, remind, share, post and write aimed at a bare
object are acts); ECE 0.037 (speech rows 0.030); speakers 0.942 (description 0.803: an office's place the article
states of no one; party members described; speaker fixes outside dev's gold from Canadian and wire copy).
Ninth session (2026-12-01): who-said-what 0.750 (P 0.813, R 0.697), content 0.768; speech P 0.858 R 0.813 F1 0.835
(a verb modifying the object's noun says nothing: "asked the public's help in locating"; tweet and email aimed at a
bare object are acts); ECE 0.039 (speech rows 0.029); speakers 0.941 (description 0.795: one lost to a "they" rule
that fixed 16 of 20 train pronouns read; work outside dev's gold on British, Indian, sports, business, US
state-house and feature copy).
Tenth session (2026-12-01): who-said-what 0.751 (P 0.813, R 0.698; the writer's appositive and framing cut, a
verb coordinated with the cue the narrator's, a statement's stranded subject opening it), content 0.769; speech
P 0.858 R 0.814 F1 0.836; ECE 0.040 (speech rows 0.029); speakers 0.943 (description 0.812: epithets of the
person the story is about, party-state tags, a race's roles, untagged names a noun for a person describes).
Eleventh session (2026-12-01): who-said-what 0.751, content 0.769 (unchanged); speech P 0.860 R 0.8125 F1 0.836
(speech verbs with a bare noun phrase whose relative clause or possessive misled the kind are acts, for gold and
rows alike); ECE 0.041 (speech rows 0.029); speakers 0.945 (description 0.829: a detached subject carries the
topic, nouns most of whose senses are persons head epithets).
Twelfth session (2026-12-02): who-said-what 0.751 (P 0.814, R 0.698), content 0.770; speech P 0.8615 R 0.8125
F1 0.836 (the publication's notes on the article are boilerplate; "“A,” said NAME" with a misparsed name; quotation
marks glued to words split); ECE 0.042 (speech rows 0.030); speakers 0.945 (unchanged).
Thirteenth session (2026-12-02): every figure unchanged on dev (statements interrupted by their tag now come in
pieces without it: the same spans, cleaner text; train: one wrong row fewer).
Fourteenth session (2026-12-02): every figure unchanged on dev (reading HTML inside text and character references
changes inputs, not PolNeAR's texts; the piece after a tag keeps its "and"/"that": the same spans).
Session of 2026-12-03 (stop 44): who-said-what 0.752 (P 0.814, R 0.698), content 0.770; speech P 0.8609
R 0.8125 F1 0.836 (one more title row, whose gold cue "on Climate Change:" is classified an action; train +9 right
title rows); ECE 0.042 (speech rows 0.030); speakers 0.947 (description 0.838: a candidate's team is their campaign).
Stop 46 (2026-12-03): who-said-what 0.752 (P 0.815, R 0.699), content 0.770; speech P 0.8616 R 0.8132 F1 0.837 (a
finite conjunct the parser hung on a modal verb goes to the verb in its tense); ECE 0.042 (speech rows 0.032);
speakers 0.949 (name 0.957: a lone surname tagged an interjection; roles and names of people sharing a surname).
Stop 47 (2026-12-03): the same figures (dev rows identical; the stop made steps that grew faster than the text linear).
Stop 48 (2026-12-03): the same figures (the stop filled speaker_org, speaker_country and said_on; the rows' spans,
speakers and kinds are identical).
Raise these floors when the measurement improves; never lower them to pass.
"""

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

# Every kind of row against every gold attribution, and the speaker resolution (speakers.jsonl).
FLOORS = {"content_f1": 0.765, "who_said_what_f1": 0.745, "speaker_resolved_right": 0.94}
# The default output (speech) against the speech gold, who-said-what: measured P 0.8615, R 0.8125 (2026-12-02).
SPEECH_FLOORS = {"precision": 0.857, "recall": 0.81}
MAX_CALIBRATION_ERROR = 0.05  # of the confidence column on every row; measured 0.042 (2026-12-02)
# Speaker resolved right by the gold source's kind: measured pronoun 0.960, description 0.829 (2026-12-01).
SPEAKER_KIND_FLOORS = {"pronoun": 0.95, "description": 0.82}


@pytest.fixture(scope="module")
def evaluation(polnear_dev, nlp):
    from claimex.evaluation.scoring import evaluate_rows, extract_for_gold, load_gold, load_speakers

    documents = load_gold(polnear_dev)
    speakers = load_speakers(polnear_dev / "speakers.jsonl")
    return evaluate_rows(extract_for_gold(documents, nlp), documents, speakers)


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_dev_floor(evaluation, measure):
    assert getattr(evaluation.all_kinds, measure) >= FLOORS[measure]


@pytest.mark.parametrize("measure", sorted(SPEECH_FLOORS))
def test_dev_floor_of_the_default_output(evaluation, measure):
    precision, recall, _ = evaluation.selected.who_said_what
    assert {"precision": precision, "recall": recall}[measure] >= SPEECH_FLOORS[measure]


@pytest.mark.parametrize("kind", sorted(SPEAKER_KIND_FLOORS))
def test_dev_floor_of_speakers_by_kind(evaluation, kind):
    assert evaluation.all_kinds.speaker_resolved[kind]["rate"] >= SPEAKER_KIND_FLOORS[kind]


def test_the_confidence_is_calibrated_on_dev(evaluation):
    assert evaluation.calibration.ece <= MAX_CALIBRATION_ERROR


# Hard-wrapped text (issue 17): dev with each paragraph's lines cut at 72 columns (spaces turned into
# newlines), read through claimex's reader, which joins them again. Measured 2026-11-30: who-said-what
# F1 0.7296 at 60, 0.7296 at 72, 0.7301 at 80 columns (0.7310 unwrapped; 0.103 before reflow).
WRAPPED_FLOOR = 0.72


def test_dev_wrapped_at_72_columns_floor(tmp_path, polnear_dev, nlp):
    from claimex.api import extract
    from claimex.evaluation.scoring import load_gold, score
    from wrapping import fold

    for path in sorted((polnear_dev / "text").glob("*.txt")):
        (tmp_path / path.name).write_text(fold(path.read_text(encoding="utf-8"), 72), encoding="utf-8")
    table = extract([tmp_path], nlp=nlp, kinds="all")  # every kind, as the gold counts them
    assert score(table, load_gold(polnear_dev)).who_said_what_f1 >= WRAPPED_FLOOR
