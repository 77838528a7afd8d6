"""Labelled turns, the third pass: transcript turns ("PENCE: Well, look, ...", an answer running on over the
paragraphs after its label) and, in the article's title, "Pence: ..." and "...: Spokesperson"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...lexicon import words
from ...lexicon.titles import TITLE_WORDS
from ...normalize.countries import country_code
from ...normalize.places import place_country
from ..cleaning import TITLE
from ..cues import CueLexicon
from ..transcript_labels import role_label_bounds
from .claim import MIN_CONTINUATION_WORDS, Claim, Reading, _alpha_words, _trim

_STAGE_OPENERS = frozenset({"(", "["})  # "(CROSSTALK.)", "[LAUGHTER]": a stage direction, not a turn
MAX_LABEL_TOKENS = 4  # "PENCE:", "MR. TRUMP:", "Hillary Clinton:"
MAX_ROLE_LABEL_TOKENS = 14  # "IAN 'BANJO' BURNS, APPIN STATION:", "JAKE TAPPER, CNN CHIEF WASHINGTON CORRESPONDENT:"
MAX_TURN_PARAGRAPHS = 8  # an unquoted answer runs on over at most this many paragraphs to the next label
MAX_SENTENCE_TITLE_WORDS = 20  # a title written as a sentence: "Lynch: No outside influence on FBI probe."
MAX_TITLE_LABEL_TOKENS = 10  # "Obama To Asians Worried About U.S. Election:": a label, then whom the words address
MIN_TITLE_WORDS = 3  # "Clinton: I support D.C. statehood": a headline is short, and its label is its cue
# Prepositions between a title's label and its colon: whom or what the words address ("Clinton to Planned Parenthood:").
_LABEL_TAILS = frozenset({"on", "to", "at", "about", "in"})
_KICKER_MARKS = frozenset({"-", "–", "—", ":"})  # after a title's kicker: "EXCLUSIVE – Roger Stone: ..."
# Paragraph labels that are not speakers ("UPDATE: ...", "Photo: ...").
NOT_SPEAKER_LABELS = words("not_speaker_labels")
# Roles of a broadcast's own voice in a transcript label ("PAUL LOCKYER, REPORTER:"): its narration, no one's claim.
NARRATING_ROLES = words("narrating_roles")


def labelled_turns(reading: Reading, claims: list[Claim]) -> list[Claim]:
    """Pass: the claims so far, then the labelled turns of the paragraphs, each run on over the paragraphs
    that continue it (see :func:`_continued`).  A quotation without a cue that holds a turn's label (a
    quoted transcript, "“Chris Matthews: Seriously, ...”") gives way to the turn: the label names its speaker
    where the conversation's could only be guessed."""
    turns = _labelled_turns(reading.paragraphs, reading.lexicon)
    answers = _answers(reading.paragraphs)
    labels = [turn.cue.start for turn in turns + answers if turn.cue is not None]
    kept = [c for c in claims if c.cue is not None or not any(c.start <= at < c.end for at in labels)]
    last_label = max(labels, default=-1)
    narrating = _narration(kept, reading)  # what may end a transcript's turn (see _continues)
    return (
        kept
        + [_continued(turn, reading, narrating) for turn in turns]
        + [_continued(answer, reading, kept, before=last_label) for answer in answers]
    )


def _answers(paragraphs: list[Span]) -> list[Claim]:
    """An interview's answers: in an article whose paragraphs open with "Q:" and "A:", each "A:" paragraph is
    a turn of the one person the paragraphs before the first of them introduce (the name they mention most:
    "Q&A with Gayle Tzemach Lemmon ¶ Gayle Tzemach Lemmon is the author of ...  Lemmon's other books ...").
    The questions are no rows: their asker is the interviewer, rarely named.  Limits: nobody answers when
    two people share the most mentions, or when no one is named before the interview starts."""
    labelled = [(p, _qa_label(p)) for p in paragraphs]
    answers = [(p, colon) for p, (letter, colon) in labelled if letter == "a"]
    first = next((k for k, (_, (letter, _)) in enumerate(labelled) if letter), None)
    if first is None or not answers or not any(letter == "q" for _, (letter, _) in labelled):
        return []
    interviewee = _interviewee(paragraphs[:first])
    if interviewee is None:
        return []
    claims = []
    for paragraph, colon in answers:
        doc = paragraph.doc
        bounds = _trim(list(doc[colon + 1 : paragraph.end]))
        if bounds is not None and _alpha_words(doc, *bounds) >= MIN_CONTINUATION_WORDS:
            answer = Claim(bounds[0], bounds[1], doc[colon : colon + 1], interviewee, "direct", holds_claims=False)
            claims.append(answer)
    return claims


def _qa_label(paragraph: Span) -> tuple[str, int]:
    """("q" or "a", the colon's index) for a paragraph opening with "Q:" or "A:", else ("", -1)."""
    doc = paragraph.doc
    first = _first_word(paragraph)
    if first is None or first + 1 >= paragraph.end or doc[first + 1].text != ":":
        return "", -1
    letter = doc[first].text
    return (letter.lower(), first + 1) if letter in ("Q", "A") else ("", -1)


def _interviewee(introduction: list[Span]) -> Span | None:
    """The person an interview's introduction mentions most (by surname), the longest mention of them; None
    when two share the most mentions or nobody is named."""
    mentions: dict[str, list[Span]] = {}
    for paragraph in introduction:
        for entity in paragraph.ents:
            words = [t.lower_ for t in entity if t.is_alpha]
            if entity.label_ == "PERSON" and words:
                mentions.setdefault(words[-1], []).append(entity)
    ranked = sorted(mentions.values(), key=len, reverse=True)
    if not ranked or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return None
    return max(ranked[0], key=len)


def _continued(turn: Claim, reading: Reading, claims: list[Claim], before: int = -1) -> Claim:
    """A transcript's answer over several paragraphs: the label opens the first only, and the turn runs on
    over each next paragraph that continues it (:func:`_continues`) up to the next label.

    Limits: in a transcript that is not quoted, only paragraphs in the first or second person running up to the
    next label continue a turn (at most ``MAX_TURN_PARAGRAPHS``); narration that speaks in the first person, or a quoted
    transcript's paragraph that reopens the quotation with narration of its own, may run on a turn."""
    paragraphs = reading.paragraphs
    k = next((k for k, p in enumerate(paragraphs) if p.start <= turn.start < p.end), None)
    if k is None or paragraphs[k].label_ == TITLE:
        return turn
    opening, end = paragraphs[k], turn.end
    while k + 1 < len(paragraphs) and (
        _answer_goes_on(paragraphs[k], paragraphs[k + 1], reading, claims, before)
        if before >= 0
        else _continues(opening, paragraphs[k], paragraphs[k + 1], reading, claims)
    ):
        k += 1
        bounds = _trim(list(paragraphs[k]))
        end = bounds[1] if bounds is not None else end
    turn.end = end
    return turn


def _labelled_turns(paragraphs: list[Span], lexicon: CueLexicon) -> list[Claim]:
    """Transcript turns: a paragraph that opens with a speaker's label and a colon ("PENCE: Well, look, ...",
    "Hillary Clinton: ...") is that speaker's statement, up to the paragraph's end (:func:`labelled_turns` runs
    it on over the paragraphs that continue it).

    The label is a name: up to four words, all capitals or a PERSON entity; datelines ("WASHINGTON:"),
    and labels such as "UPDATE:" or "Photo:" are not speakers.  In the article's title the label
    opens or closes it (:func:`_title_turn`: "Pence: Flowers won't be at debate", "Clinton to Planned
    Parenthood: ...", "China to deepen cooperation: Spokesperson"), may also be an office, a body, a name
    the recognizer missed or a noun the cue model learned as a speaker's ("Poll:"), but not a kicker in
    capitals ("BOOM:"); what it labels is a headline's paraphrase, not a transcript.  Limits: a label
    with a title the recognizer leaves out ("Former AG Mukasey at RNC:", "OK Gov Fallin:") or a plural
    noun ("Historians:") is not found.
    """
    claims, narrators = [], set()  # the labels of the broadcast's own voice ("PAUL LOCKYER, REPORTER:")
    for paragraph in paragraphs:
        doc = paragraph.doc
        if paragraph.label_ == TITLE or (paragraph is paragraphs[0] and _sentence_title(paragraph)):
            claims.extend(found := _title_turn(paragraph, lexicon))
            if found or paragraph.label_ == TITLE:
                continue  # else a first paragraph read as a title may still be a transcript's turn
        i = paragraph.start
        if i < paragraph.end and doc[i].is_quote:
            i += 1  # a transcript quoted as a whole: each paragraph reopens the quotation
        colon = next((k for k in range(i, min(i + MAX_LABEL_TOKENS + 1, paragraph.end)) if doc[k].text == ":"), None)
        if colon is not None and colon > i and _speaker_label(doc[i:colon]):
            label = doc[i:colon]
            if label.text.upper() in narrators:
                continue  # "PAUL LOCKYER:" after "PAUL LOCKYER, REPORTER:"
        elif (role_label := _role_label(paragraph, i)) is not None:
            colon, label = role_label
            if doc[label.end + 1 : colon].text.lower() in NARRATING_ROLES:
                narrators.add(label.text.upper())  # the report's own voice, as a story's narration is its writer's
                continue
        else:
            continue
        bounds = _trim(list(doc[colon + 1 : paragraph.end]))
        if bounds is not None and _alpha_words(doc, *bounds) >= MIN_CONTINUATION_WORDS:
            claims.append(Claim(bounds[0], bounds[1], doc[colon : colon + 1], label, "direct"))
    return claims


def _title_turn(title: Span, lexicon: CueLexicon) -> list[Claim]:
    """The claim of a title its speaker's label opens ("Pence: Flowers won't be at debate", see
    :func:`_title_opening`) or closes ("China to deepen cooperation: Spokesperson"): a headline's paraphrase,
    indirect, or mixed where it quotes."""
    doc = title.doc
    if (opening := _title_opening(title, lexicon)) is not None:
        colon, label = opening
        bounds = _trim(list(doc[colon + 1 : title.end]))
    elif (signed := _signed_title(title, lexicon)) is not None:
        colon, label = signed
        bounds = _trim(list(doc[title.start : colon]))
    else:
        return []
    if bounds is None or _alpha_words(doc, *bounds) < MIN_TITLE_WORDS:
        return []
    start, stop = bounds
    kind = "mixed" if any(t.is_quote for t in doc[start:stop]) else "indirect"
    return [Claim(start, stop, doc[colon : colon + 1], label, kind)]


def _title_opening(title: Span, lexicon: CueLexicon) -> tuple[int, Span] | None:
    """(colon, label) of a title opened by its speaker's label ("Pence: ..."), also after a kicker ("EXCLUSIVE –
    Roger Stone: ...") and with whom or what the words address between the label and the colon ("Clinton to
    Planned Parenthood: ...", "Gillibrand on Hillary Releasing Her Transcripts: ...")."""
    doc = title.doc
    start = _after_kicker(title)
    last = min(start + MAX_TITLE_LABEL_TOKENS + 1, title.end)
    colon = next((k for k in range(start, last) if doc[k].text == ":"), None)
    if colon is None or colon == start:
        return None
    if colon - start <= MAX_LABEL_TOKENS and _title_label(doc[start:colon], lexicon):
        return colon, doc[start:colon]
    tail = next(
        (k for k in range(start + 1, min(colon, start + MAX_LABEL_TOKENS + 1)) if doc[k].lower_ in _LABEL_TAILS), None
    )
    if tail is not None and doc[tail].pos_ == "ADP" and _title_label(doc[start:tail], lexicon):
        return colon, doc[start:tail]
    return None


def _after_kicker(title: Span) -> int:
    """Where a title starts after a kicker in capitals and its dash or colon ("EXCLUSIVE – ", "WATCH: ")."""
    doc = title.doc
    first = title.start + 1 if title.start < title.end and doc[title.start].is_quote else title.start
    kicker = first + 1 < title.end and doc[first].is_upper and doc[first].lower_ in NOT_SPEAKER_LABELS
    return first + 2 if kicker and doc[first + 1].text in _KICKER_MARKS else first


def _role_label(paragraph: Span, first: int) -> tuple[int, Span] | None:
    """(colon, name) of a broadcast transcript's label with the speaker's role in capitals after a comma ("WOLF
    BLITZER, CNN ANCHOR:", "IAN 'BANJO' BURNS, APPIN STATION:"), the name a speaker's label; else None."""
    doc = paragraph.doc
    bounds = role_label_bounds(doc, first, min(first + MAX_ROLE_LABEL_TOKENS + 1, paragraph.end))
    if bounds is None:
        return None
    comma, colon = bounds
    name = doc[first:comma]
    return (colon, name) if _speaker_label(name) else None


def _sentence_title(paragraph: Span) -> bool:
    """Whether the text's first paragraph is a title written as a sentence ("Trump: My immigration plans aren't
    set in stone."): one short sentence, with nothing before it."""
    doc = paragraph.doc
    if not doc.has_annotation("SENT_START") or any(not t.is_space for t in doc[: paragraph.start]):
        return False
    if len(paragraph) > 3 * MAX_SENTENCE_TITLE_WORDS or sum(t.is_alpha for t in paragraph) > MAX_SENTENCE_TITLE_WORDS:
        return False  # a long paragraph is no title (and its sentences are not looked up)
    return all(_split_title(t) for t in paragraph[1:] if t.is_sent_start and not t.is_space)


def _split_title(start: Token) -> bool:
    """Whether a sentence the parser starts inside a title is the same title's: after its label's colon ("Clinton to
    Planned Parenthood: | Trump will ..."), or only its closing marks ("'Bill Clinton's fair game. | '")."""
    if start.nbor(-1).text == ":":
        return True
    rest = start.sent[start.i - start.sent.start :]
    return all(t.is_punct or t.is_space for t in rest)


def _continues(opening: Span, previous: Span, paragraph: Span, reading: Reading, claims: list[Claim]) -> bool:
    """Whether ``paragraph``, right after ``previous``, continues the turn ``opening`` labels.

    It does not when anything lies between them (a stage direction read as page furniture), when it has a
    label of its own, opens with a stage direction in brackets ("(CROSSTALK.)", "[LAUGHTER]"), credits
    someone ("Follow Pam Key on Twitter @pamkeyNEN."), or narrates: holds a cue whose speaker is no one
    of the conversation in a sentence of the third person ("I think" and "They tell me what I need to do"
    are the speaker's own words; "Pence said" is narration: ``claims`` are those that may narrate, see
    :func:`_narration`).  It does when the transcript is quoted and the paragraph lies in its quotation
    (reopening it, or inside the one the turn opened), or, unquoted, when it and each paragraph after it up
    to the next turn's label speak in the first or second person.
    """
    doc = paragraph.doc
    if _breaks_turn(previous, paragraph, claims):
        return False
    first = _first_word(paragraph)
    if first is None:
        return False
    opened = _first_word(opening)
    if opened is not None and reading.in_quote[opened] >= 0:
        return reading.in_quote[first] == reading.in_quote[opened] or (
            doc[paragraph.start].is_quote and doc[opening.start].is_quote
        )
    return _conversation_runs_to_label(paragraph, reading, claims)


def _conversation_runs_to_label(paragraph: Span, reading: Reading, claims: list[Claim]) -> bool:
    """Whether an unquoted paragraph and each after it up to the next label speak in the first or second person,
    with nothing between them and nothing that breaks a turn: an answer over several paragraphs ("Geoff Smith:
    No. We do not have a policy ... ¶ We have very clear policies ... ¶ I think we did a reasonably good job
    ... ¶ CH: So what kind of input ..."), at most ``MAX_TURN_PARAGRAPHS`` of them."""
    paragraphs = reading.paragraphs
    k = next((k for k, p in enumerate(paragraphs) if p.start == paragraph.start), None)
    if k is None:
        return False
    for current, following in zip(paragraphs[k : k + MAX_TURN_PARAGRAPHS], paragraphs[k + 1 :], strict=False):
        if any(reading.in_quote[t.i] >= 0 for t in current) or not any(_conversing(t) for t in current):
            return False
        first = _first_word(following)
        adjacent = not any(not t.is_space for t in current.doc[current.end : following.start])
        if first is not None and adjacent and _labelled(following, first):
            return True
        if _breaks_turn(current, following, claims):
            return False  # something between, a stage direction, a credit or narration
    return False


def _narration(claims: list[Claim], reading: Reading) -> list[Claim]:
    """The claims that may narrate: not those in a sentence speaking in the first or second person outside
    quotations ("They tell me what I need to do" in an answer is the speaker's own words); all of them where the
    Doc has no sentences."""
    if not reading.doc.has_annotation("SENT_START"):
        return claims
    return [
        c
        for c in claims
        if c.cue is None or not any(_conversing(t) and reading.in_quote[t.i] < 0 for t in c.cue[0].sent)
    ]


def _answer_goes_on(previous: Span, paragraph: Span, reading: Reading, claims: list[Claim], before: int) -> bool:
    """An interview's answer runs on over the paragraphs up to the next question or answer (an interview
    transcript has no narration between its turns), unless a paragraph breaks it as a transcript's turn is
    broken (:func:`_breaks_turn`) or the interview is over (no label comes after it, ``before``)."""
    return paragraph.end <= before and not _breaks_turn(previous, paragraph, claims)


def _breaks_turn(previous: Span, paragraph: Span, claims: list[Claim]) -> bool:
    """What ends a turn: anything between the paragraphs, a label of the paragraph's own ("Q:" too), a stage direction
    ("(CROSSTALK.)", "[LAUGHTER]"), a handle's credit or narration (see :func:`_continues`)."""
    doc = paragraph.doc
    if any(not t.is_space for t in doc[previous.end : paragraph.start]):
        return True
    first = _first_word(paragraph)
    if first is None or doc[first].text in _STAGE_OPENERS or _labelled(paragraph, first) or _qa_label(paragraph)[0]:
        return True
    if any(t.text.startswith("@") and len(t.text) > 1 for t in paragraph):
        return True
    return any(c.cue is not None and paragraph.start <= c.cue.start < paragraph.end and _narrated(c) for c in claims)


def _first_word(paragraph: Span) -> int | None:
    """The index of a paragraph's first token after a quotation mark that reopens it."""
    for t in paragraph:
        if not (t.is_quote or t.is_space):
            return t.i
    return None


def _labelled(paragraph: Span, first: int) -> bool:
    """A paragraph opening with a label of its own: a speaker's ("WALLACE:", "Chris Matthews:") or another
    in capitals ("VIDEO:", "UPDATE:"), which ends a turn all the same."""
    doc = paragraph.doc
    last = min(first + MAX_LABEL_TOKENS + 1, paragraph.end)
    colon = next((k for k in range(first, last) if doc[k].text == ":"), None)
    if colon is None or colon == first:
        return _role_label(paragraph, first) is not None  # "REVEREND ALAN HOSKIN, ANGLICAN MINISTER:"
    label = doc[first:colon]
    words = [t for t in label if not (t.text == "." and t.i > label.start)]
    return _speaker_label(label) or all(t.is_alpha and t.is_upper and len(t.text) > 1 for t in words)


def _narrated(claim: Claim) -> bool:
    """A report heading its sentence whose speaker is a third party ("Pence said ..."), not the turn's
    speaker or the one addressed ("I think ..."); a report inside the speaker's words ("the things that
    Donald Trump has said") is not narration."""
    if claim.cue is None or claim.cue.root.dep_ != "ROOT":
        return False
    return claim.source is None or not any(_conversing(t) for t in claim.source)


def _conversing(token: Token) -> bool:
    """A personal pronoun of the first or second person ("I", "we", "you"): the words of a conversation."""
    return token.pos_ == "PRON" and any(person in ("1", "2") for person in token.morph.get("Person", []))


def _signed_title(title: Span, lexicon: CueLexicon) -> tuple[int, Span] | None:
    """(colon, label) of a title closed by its speaker's label: "…: Spokesperson", "…: Foreign Ministry"."""
    doc = title.doc
    end = title.end
    while end > title.start and (doc[end - 1].is_space or doc[end - 1].text == "."):
        end -= 1
    first = max(title.start, end - MAX_LABEL_TOKENS - 1)
    colon = next((k for k in range(end - 1, first - 1, -1) if doc[k].text == ":"), None)
    if colon is None or colon + 1 >= end or doc[colon - 1].lower_ in NOT_SPEAKER_LABELS:
        return None  # "…: AP" after "Photo" or "Credit" is a caption's credit, not a speaker
    label = doc[colon + 1 : end]
    return (colon, label) if _title_label(label, lexicon) else None


def _title_label(label: Span, lexicon: CueLexicon) -> bool:
    """A title's label may also be a name the recognizer missed ("Pence:"), an office ("…: Spokesperson"),
    a body ("Politifact:") or a noun the cue model learned as a speaker's ("Poll:", "Clinton camp:")."""
    words = _label_words(label)
    if words is None:
        return False
    if all(t.is_upper for t in words) and not any(t.ent_type_ for t in words):
        return False  # a kicker in capitals ("BOOM:", "FIX IS IN:"), where a transcript has names
    root = label.root
    # One capitalized word opening a title is often tagged a proper noun ("Bombshell:"): names of one word
    # are known by the article's entities (below).
    proper = all(t.pos_ == "PROPN" for t in words) and (len(words) > 1 or bool(root.ent_type_))
    if _speaker_label(label) or proper or root.lower_ in TITLE_WORDS:
        return True
    if root.ent_type_ == "ORG" or (root.pos_ == "NOUN" and lexicon.speaks(root.lemma_.lower())):
        return True
    # A name the parser took for a noun ("Sanders:"), known by the article's entities ("Bernie Sanders").
    names = [{t.lower_ for t in e} for e in label.doc.ents if e.label_ in ("PERSON", "ORG") and e.start >= label.end]
    return all(t.is_title for t in words) and any({t.lower_ for t in words} <= name for name in names)


def _dateline_place(words: list[Token]) -> bool:
    """Whether a label in capitals names a country or a city ("NEW DELHI:", "ISLAMABAD:"): a dateline, which the
    recognizer rarely tags in capitals.  Limits: a speaker whose name is a city's ("JACKSON:") is taken for one."""
    name = " ".join(t.text for t in words)
    if not name.isupper():
        return False
    titled = name.title()
    return bool(place_country(titled) or country_code(titled))


def _label_words(label: Span) -> list[Token] | None:
    """The words of a label ("MR. TRUMP" without the abbreviation's stop), or None when it holds anything
    but words or names no speaker ("UPDATE", "Photo")."""
    words = [t for t in label if not ((t.text == "." and t.i > label.start) or _nickname_quote(t, label))]
    named = len(words) > 1 and all(t.ent_type_ in ("ORG", "PERSON") for t in words)  # "Judicial Watch", not "Photo"
    if not all(t.is_alpha or t.lower_ in TITLE_WORDS for t in words) or (
        not named and any(t.lower_ in NOT_SPEAKER_LABELS for t in words)
    ):
        return None  # "Dr. Ben Carson" is a label; "Photo", "2016" are none
    return words


def _nickname_quote(token: Token, label: Span) -> bool:
    """A quotation mark around a nickname inside a name ("IAN 'BANJO' BURNS"), not opening or closing the label."""
    return token.is_quote and label.start < token.i < label.end - 1


def _speaker_label(label: Span) -> bool:
    words = _label_words(label)
    if words is None:
        return False
    if any(t.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "NORP") for t in label) or _dateline_place(words):
        return False
    return all(t.is_upper and len(t.text) > 1 for t in words) or all(t.ent_type_ == "PERSON" for t in words)
