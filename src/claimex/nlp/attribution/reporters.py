"""Who reports: the speaker of a reporting verb, wherever the parser hung it.

The subject or agent as parsed, else the one a cue relays ("X cited Y as saying"), narrates, or continues ("X said,
going on to say ..."), the object of a verb of object control ("forced Stumpf to admit"), a name after a closing
quotation mark ("“A,” Flynn, a top Trump surrogate, said"), a name tagged inside the statement ("To understand ...,
Chief Justice Roberts said, ..."), the subject of the verb a gerund's preposition hangs on ("won by saying ..."), an
inverted speaker ("Said Ellis: ..."), or, for a verb the parser left without a
subject, the known name that opens its clause ("Jolly said", "Sanders, meanwhile, who sits ..., said").  Past a
contracted "'s" and a dateline.  :mod:`.reported` builds the claims these speak.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...lexicon import words
from ...lexicon.nouns import GROUP, MESSAGE, PERSON, names_person, noun_classes
from ..cues import CueLexicon
from ..kinds import SPEECH, THOUGHT, default_lexicon
from ..syntax import (
    ParseIndex,
    ancestors,
    charge,
    climb,
    finite_tag,
    paragraph_opening,
    sentence_of,
    subject_or_agent,
)
from .claim import (
    MAX_DATELINE_TOKENS,
    _strip_dateline,
)

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CONTRACTED_S = frozenset({"'s", "’s"})  # "is", "has" or "us" contracted: never a speaker's word
_INSIDE_REPORT = frozenset({"ccomp", "xcomp", "acl", "dobj", "pobj", "prep"})  # the words of a complement
SETTING_OFF_MARKS = frozenset({",", "—", "–", "--"})  # before a participle that continues a report
MAX_NAMED_GAP = 30  # "“A,” Flynn, a top Trump surrogate, said": words from the closing mark to the cue
DASHES = (
    "-",
    "–",
    "—",
    "―",
    "--",
)  # marks that set off words in pairs, as commas do ("Mr. Bush - in a line - declared")
MAX_SET_OFF = 40  # "RoseAnn DeMoro, executive director of ..., a union that ..., said": words from the name to the cue
_OBJECT_CONTROL_VERBS = words("object_control_verbs")
_RELAYING_VERBS = words("relaying_verbs")
_GERUND_PREPOSITIONS = words("gerund_prepositions")
_SENDING_VERBS = words("sending_verbs")
_WORKS = words("works")
_SPEAKING_CLASSES = frozenset({PERSON, GROUP, MESSAGE})  # nouns that may say something
_ACTING_CLASSES = frozenset({PERSON, GROUP})  # nouns that may be sent to act


def _verb_speaker(verb: Token, lexicon: CueLexicon, in_quote: list[int]) -> Token | None:
    """The head word of a reporting verb's speaker: the one relayed, narrated or continued, else the subject or agent;
    the name after a quotation when the parser found none or took a word of a quotation for it (a title after the verb,
    "We" in "“We were wrong,” Ramos, 58, told AFP")."""
    head = (
        _relayed_speaker(verb, lexicon)
        or _narrated_speaker(verb, lexicon)
        or _continuing_speaker(verb, lexicon)
        or _controlling_object(verb)
        or subject_or_agent(verb)
        or gerund_speaker(verb)
        or participle_bearer(verb)
        or purpose_speaker(verb)
    )
    if head is None or in_quote[head.i] >= 0:
        head = _named_after_quotation(verb) or head
    head = _tagged_name(head, verb) or head
    named = _name_after_quoted_cue(verb)
    if head is not None and named is not None and verb.i < head.i < named.i and _abbreviation(head):
        head = named  # "said Pentagon spokesman Navy Capt. Jeff Davis": the parser's subject is the title
    return (
        _past_clitic(_past_dateline(head or _inverted_speaker(verb)))
        or _stranded_name(verb)
        or named
        or _conjoined_subject(verb)
    )


def _conjoined_subject(verb: Token) -> Token | None:
    """ "There was no concern for public safety in connection with the deaths and police said the homicide bureau is
    not investigating": the parser coordinated the subject of a second clause with a noun of the first ("deaths and
    police") and left the finite verb with none; the noun right before the verb, right after the conjunction, is
    its subject.  None when the verb has a subject, or is not coordinated with a clause before it."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ != "conj" or subject_or_agent(verb) is not None:
        return None
    noun = verb.doc[verb.i - 1] if verb.i else verb
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "conj" or noun.head.i < verb.head.i:
        return None
    before = noun.left_edge.i - 1
    return noun if before > 0 and noun.doc[before].dep_ == "cc" and noun.doc[before].head.i == noun.head.i else None


def gerund_speaker(verb: Token) -> Token | None:
    """ "landed himself in hot water by saying that ...", "after initially saying he would not advertise, Mr. Sanders
    took to the airwaves": a gerund with no subject of its own, the object of a preposition of
    ``gerund_prepositions`` that hangs on a verb, is said by that verb's speaker; None otherwise (not "criticized him
    for saying", "a record in predicting winners": another preposition, or one on a noun)."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or _has_subject(verb):
        return None
    preposition = verb.head
    governor = preposition.head
    if preposition.dep_ != "prep" or preposition.lower_ not in _GERUND_PREPOSITIONS or governor.i == preposition.i:
        return None
    if governor.pos_ not in ("VERB", "AUX"):
        return None
    # "was booed by supporters after telling them ...": the one booed told them, not the agent; but "hostility is
    # justified by arguing that ...": the means of a passive are its unnamed agent's.
    passive = next((c for c in governor.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        return None if preposition.lower_ == "by" else passive
    return subject_or_agent(governor)


def participle_bearer(verb: Token) -> Token | None:
    """ "a petition calling on him to be banned", "911 calls saying shots have been fired", "50 percent saying she is
    prepared": a reporting participle that modifies a noun (a reduced relative clause) is said by that noun, if it
    can speak (a name, a pronoun, a number, or a noun one of whose first senses is a person, a group or a message);
    "issued a statement saying ...", "released an ad calling ...": a work (lexicon ``works``) that is the object of a
    verb speaks for that verb's subject, and so does anything not a person's noun after a preposition on one ("said
    in a statement announcing ...", "at a news conference announcing ...").  None for any other verb (not a past participle,
    whose noun is what was said: "the plan proposed by X")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.head.i >= verb.i or _has_subject(verb):
        return None
    noun = verb.head
    work = noun.lemma_.lower() in _WORKS and noun.dep_ == "dobj"
    occasion = noun.dep_ == "pobj" and noun.pos_ == "NOUN" and not names_person(noun.lemma_)
    if work or occasion:
        issuer = noun.head if work else noun.head.head
        subject = subject_or_agent(issuer) if issuer.pos_ in ("VERB", "AUX") else None
        if subject is not None:
            return subject
    if noun.pos_ in ("PROPN", "PRON") or noun.like_num or any(c.dep_ == "nummod" for c in noun.children):
        return noun
    return noun if _noun_of(noun, _SPEAKING_CLASSES) else None


def purpose_speaker(verb: Token) -> Token | None:
    """ "Trump took the stage to acknowledge that ...", "invoked Reagan's deficit to claim that ...", "delayed the vote
    in order to argue that ...": the understood subject of an infinitive of purpose with no subject of its own is
    the subject of the verb it hangs on; for a verb of ``sending_verbs`` with a person as its object, that object
    ("sent a reporter to the streets to ask ..."); a person in "for X to" that the parser hung on a preposition
    ("created an opening for Clinton to highlight ...").  None for an infinitive with a subject ("in order for members to
    say"), on a noun ("a plan to say"), on a passive ("the report was released to argue": its unnamed agent's), on
    "be", or on a verb of ``object_control_verbs`` (its object is the subject: :func:`_controlling_object`); and for
    a verb of thought ("went to see", "showed up to hear", "to learn about"): an aim to perceive or to know holds no
    thought yet."""
    if verb.dep_ not in ("advcl", "acl") or verb.tag_ != "VB" or _has_subject(verb) or _thinks(verb):
        return None
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None:
        return None
    for_object = _for_object_before(to)
    if for_object is not None and _can_be_sent(for_object):
        return for_object  # "an opening for Clinton to highlight ...": "for X to" names its own subject
    main = verb.head
    if main.lower_ == "order" and main.dep_ == "pobj" and main.head.lower_ == "in":
        main = main.head.head  # "in order to say" hangs on "order"
    elif verb.dep_ == "acl":
        return None  # "a plan to say": the noun's, whoever holds it
    if main.pos_ not in ("VERB", "AUX") or main.lemma_ == "be" or main.lemma_.lower() in _OBJECT_CONTROL_VERBS:
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in main.children):
        return None
    if main.lemma_.lower() in _SENDING_VERBS:
        sent = next((c for c in main.children if c.dep_ == "dobj" and main.i < c.i < verb.i), None)
        if sent is not None and _can_be_sent(sent):
            return sent
    # "prompting Western powers to launch preparations to draft ...": the main verb's own controller acts.
    return _controlling_object(main) or subject_or_agent(main)


def _for_object_before(to: Token) -> Token | None:
    """X in "for X to ...", the subject the parser hung on a preposition "for" ending right before the infinitive's
    "to" ("created an opening for Clinton to highlight"); None when no such phrase ends there."""
    if to.i == 0:
        return None
    last = to.doc[to.i - 1]
    return next(
        (a for a in [last, *ancestors(last)] if a.dep_ == "pobj" and a.head.lower_ == "for" and a.right_edge == last),
        None,
    )


def _thinks(verb: Token) -> bool:
    """Whether the verb is listed as a cue of thought (``claim_kinds.tsv``): seeing, hearing, knowing, learning."""
    entry = default_lexicon().cues.get(verb.lemma_.lower())
    return entry is not None and entry.kind == THOUGHT


def _can_be_sent(noun: Token) -> bool:
    """Whether a verb's object is someone who can be sent to act: a name, a pronoun but "it", or a person's or
    group's noun."""
    if noun.pos_ == "PROPN" or (noun.pos_ == "PRON" and noun.lower_ != "it"):
        return True
    return _noun_of(noun, _ACTING_CLASSES)


def _noun_of(noun: Token, classes: frozenset[str]) -> bool:
    """A common noun one of whose first senses is of ``classes`` (lexicon noun classes)."""
    return noun.pos_ == "NOUN" and bool(set(noun_classes(noun.lemma_)) & classes)


def _controlling_object(verb: Token) -> Token | None:
    """The object that is the subject of an infinitive cue: "led some to speculate", "prompted Rubio to call",
    "asked reporters to say" (the object, between the two verbs, of a verb of ``object_control_verbs``), and the
    object of a relaying verb before its speech verb ("quoted Buhari to have said", "quoted Buhari saying"); None for
    any other verb, whose subject speaks ("used an expletive to describe")."""
    head = verb.head
    if relayed_speech(head, verb):  # "he quoted Buhari to have said", "quoted Buhari saying": the object said it
        return next(c for c in head.children if c.dep_ == "dobj" and c.right_edge.i + 1 == verb.left_edge.i)
    if verb.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if head.lemma_.lower() not in _OBJECT_CONTROL_VERBS:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and head.i < c.i < verb.i), None)


def relayed_speech(verb: Token, child: Token) -> bool:
    """Whether ``child`` is a speech verb right after the object of ``verb``, a relaying verb, with nothing between:
    "he quoted Buhari to have said", "quoted Buhari saying" (not "quoted the Bible to make her point, saying", nor
    "quoted Lincoln while arguing")."""
    if verb.lemma_.lower() not in _RELAYING_VERBS or child.head.i != verb.i or child.dep_ not in ("xcomp", "advcl"):
        return False
    entry = default_lexicon().cues.get(child.lemma_.lower())
    if child.pos_ != "VERB" or child.lemma_.lower() in _RELAYING_VERBS or entry is None or entry.kind != SPEECH:
        return False  # "quoted Buhari to show that ...": a purpose
    first = child.left_edge
    if first.i != child.i and first.lower_ != "to":
        return False
    return any(c.dep_ == "dobj" and c.right_edge.i + 1 == first.i for c in verb.children)


def _tagged_name(subject: Token | None, verb: Token) -> Token | None:
    """ "To understand the real Dred Scott, Chief Justice Roberts said, one should visit ...": a name the parser hung
    as an apposition on a noun that does not open its clause, right before the cue, is the speaker of a speech tag
    inside the sentence; the noun is a word of the statement.  None otherwise."""
    if subject is None or subject.i > verb.i or subject.left_edge.i == 0:
        return None
    before = subject.doc[subject.left_edge.i - 1]
    if before.is_punct or before.is_space or before.is_quote or before.pos_ in ("CCONJ", "SCONJ"):
        return None  # the subject opens its clause: "“A,” Flynn, a surrogate, said", "but their neighbor, X, knows"
    return next(
        (c for c in subject.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.right_edge.i == verb.i - 1),
        None,
    )


def _stranded_name(verb: Token) -> Token | None:
    """ "Jolly said ..." with "Jolly" read as an adverb, "Sanders, meanwhile, who sits at zero endorsements, said ...",
    "As part of his plea, Marcel Lazar, 44, said ...": a finite reporting verb the parser left with no subject, right
    after a name, or after a name and words set off by commas, brackets or dashes (and adverbs), names its speaker.
    The name opens its clause (not "a spokesman for Clinton, ..., said", "Obama and Clinton call"; the first such
    name when set-offs hold others: "Slinker, whose start-up, Paradata, uses ..., said") and the article knows it as
    a person's or an organization's (this word, or the last word of such a name elsewhere).  Its last word; else the
    head of a description with a "who" clause up to the cue (:func:`_who_described`); else None."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or subject_or_agent(verb) is not None:
        return None
    doc = verb.doc
    start = sentence_of(verb).start
    end = verb.i
    while end > start and doc[end - 1].pos_ == "ADV" and doc[end - 1].is_lower:
        end -= 1  # "also said", "bluntly suggested"
    names = [k for k in _before_set_off(doc, start, end) if _known_name(doc[k]) and _opens_clause(doc[k], start)]
    if names:
        return doc[names[-1]]
    return _who_described(doc, start, end)


def _who_described(doc: Doc, start: int, end: int) -> Token | None:
    """ "a White House official who spoke anonymously to discuss strategy said", "Katie Packer, who is chairman of
    the PAC said": the name, or the person a noun describes, that opens its clause and a "who" clause that runs up
    to the cue follows (the parser hung the noun elsewhere, or read the cue as part of the relative clause)."""
    lowest = max(start, end - MAX_SET_OFF)
    charge(doc, end - lowest)
    who = next((k for k in range(end - 1, lowest, -1) if doc[k].lower_ == "who" or doc[k].is_quote), None)
    if who is None or doc[who].is_quote or any(t.text == ";" for t in doc[who:end]):
        return None
    head = doc[who - 2] if doc[who - 1].text == "," and who - 2 >= start else doc[who - 1]
    if _known_name(head):
        return head if _opens_clause(head, start) else None
    if head.pos_ != "NOUN" or not head.is_lower or (head.dep_ == "appos" and head.head.ent_type_):
        # hung as an apposition on a name ("in Ho Chi Minh City, a young woman who ..."), it would be read as that name
        return None
    first = head.i
    while (
        first > start and doc[first - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") and not doc[first - 1].is_punct
    ):
        first -= 1
    return head if first == start or doc[first - 1].is_punct and not doc[first - 1].is_quote else None


def _opens_clause(name_end: Token, start: int) -> bool:
    """Whether the capitalized words ending at ``name_end`` open a clause: they start the sentence, follow a mark, a
    conjunction that follows one ("..., but Sen. Murphy"), or a lower-case title ("former president Bill Clinton")."""
    doc = name_end.doc
    first = _name_start(name_end, start)
    if first == start:
        return True
    before = doc[first - 1]
    if before.is_quote:
        return False
    if before.is_punct:
        return True
    if before.pos_ in ("CCONJ", "SCONJ"):
        return before.i == start or doc[before.i - 1].is_punct
    return before.pos_ == "NOUN" and before.is_lower and before.dep_ != "pobj"


def _name_start(name_end: Token, start: int) -> int:
    """The id of the first capitalized noun (initials included) of those ending at ``name_end``, from ``start`` on."""
    doc = name_end.doc
    first = name_end.i
    while first > start and doc[first - 1].text[:1].isupper() and doc[first - 1].pos_ in ("PROPN", "NOUN"):
        first -= 1
    return first


def _before_set_off(doc: Doc, start: int, end: int) -> list[int]:
    """The ids of the words that may end a subject before ``end``: ``end - 1`` itself, or, nearest first, each
    word before a comma, bracket or dash that opens a stretch closed by the same kind of mark at ``end - 1``."""
    if end <= start:
        return []
    closing = doc[end - 1]
    if not closing.is_punct:
        return [end - 1]
    found = [end - 2] if closing.text == "," and end - 2 >= start else []  # "the chief, Paul Manafort, suggested"
    lowest = max(start, end - MAX_SET_OFF)
    charge(doc, end - lowest)
    for k in range(end - 2, lowest, -1):
        if doc[k].is_quote or doc[k].text == ";":
            break
        if doc[k].is_punct and _marks_match(doc[k], closing) and not doc[k - 1].is_punct:
            found.append(k - 1)
    return found


def _marks_match(opening: Token, closing: Token) -> bool:
    """Whether two marks set off the words between them: a bracket pair, two commas, two dashes, a dash and a comma."""
    if opening.is_left_punct or closing.is_right_punct:
        return opening.is_left_punct and closing.is_right_punct
    return opening.text == closing.text or (opening.text in DASHES and closing.text in DASHES + (",",))


def _capitalized(token: Token) -> bool:
    """A word with a capital first letter and a lower-case one after it ("Jolly", "DiPietro"; not "FBI", "I")."""
    return token.text[:1].isupper() and any(c.islower() for c in token.text[1:])


def _known_name(token: Token) -> bool:
    """A capitalized word the article tags as a person's or an organization's name here or as the last word of one."""
    if not _capitalized(token) or token.pos_ == "PRON":
        return False
    if token.ent_type_ in ("PERSON", "ORG"):
        return True
    index = ParseIndex.of(token.doc)
    if index.name_words is None:
        index.name_words = frozenset(e[-1].text for e in token.doc.ents if e.label_ in ("PERSON", "ORG"))
    return token.text in index.name_words


def _named_after_quotation(verb: Token) -> Token | None:
    """ "“A,” Flynn, a top Trump surrogate, said on Fox News’s “Fox and Friends”": the name right after the mark that
    closes a quotation, set off by a comma, with the cue right after the comma that closes the words on it (the
    parser may hang the name inside the quotation); its last word, or None."""
    doc = verb.doc
    if verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    lowest = max(sentence_of(verb).start + 1, verb.i - MAX_NAMED_GAP)
    close = next((k for k in range(verb.i - 2, lowest - 1, -1) if doc[k].is_quote), None)
    if close is None or doc[close - 1].text not in (",", "?", "!"):
        return None
    end = close + 1
    while end < verb.i - 1 and doc[end].pos_ == "PROPN":
        end += 1
    return doc[end - 1] if end > close + 1 and doc[end].text == "," else None


def _name_after_quoted_cue(verb: Token) -> Token | None:
    """ "“A,” said Skelly, explaining ...", "“A,” said Pentagon spokesman Navy Capt. Jeff Davis, who ...": a cue right
    after the mark that closes a quotation names its speaker with the words after it up to the next comma or full
    stop, when they are a name with its title (nouns, adjectives, abbreviations: no determiner, preposition or verb,
    as in "said a former aide to President George W. Bush" or "wrote a man calling himself X") and the last is a
    name word (:func:`_name_word`); that last word, or None.  The parser may have read the name as an adverb, or a
    title's abbreviation as the end of its sentence."""
    doc = verb.doc
    if verb.i < 2 or not doc[verb.i - 1].is_quote or doc[verb.i - 2].text not in (",", "?", "!"):
        return None
    end = verb.i + 1
    while end < len(doc) and end - verb.i <= MAX_NAMED_GAP and (doc[end].is_alpha or _abbreviation(doc[end])):
        end += 1
    closed = end == len(doc) or doc[end].text in (",", ".", ";") or "\n" in doc[end].text
    if end == verb.i + 1 or not closed or not _name_word(doc[end - 1]):
        return None
    titled = all(t.pos_ in _TITLE_POS or _abbreviation(t) for t in doc[verb.i + 1 : end - 1])
    return doc[end - 1] if titled else None


_TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})  # "Pentagon spokesman Navy Capt.", "former Sen."


def _abbreviation(token: Token) -> bool:
    return len(token.text) > 1 and token.text.endswith(".") and token.text[:-1].isalpha()


def _name_word(token: Token) -> bool:
    """A word that ends a person's or a body's name: a proper noun, or a capitalized word the tagger took for another
    part of speech ("said Skelly" with "Skelly" an adverb), but no place, date or time."""
    if token.ent_type_ in ("GPE", "LOC", "DATE", "TIME"):
        return False
    return token.pos_ == "PROPN" or (token.is_title and not token.is_stop and token.pos_ in ("ADV", "NOUN", "ADJ"))


def _narrated_speaker(verb: Token, lexicon: CueLexicon) -> Token | None:
    """The speaker of a cue that :func:`_narrates` after an earlier cue's statement: that cue's speaker."""
    cue = next((a for a in ancestors(verb) if a.pos_ in ("VERB", "AUX") and lexicon.is_verb_cue(a.lemma_)), None)
    if cue is None or not _narrates(verb, cue, lexicon):
        return None
    return subject_or_agent(cue)


def _inverted_speaker(verb: Token) -> Token | None:
    """ "Said Ellis: “...”", "Continued Stone: “...”": a past or present cue that opens its sentence right before a
    name (not a place or a date) closed by a colon or comma names the speaker, though the parser may read the cue as a
    word of the name ("Said Ellis" as one name).  Not "Asked about X, Y said": no name follows the cue."""
    doc = verb.doc
    sentence = sentence_of(verb)
    first = next((t for t in sentence if not (t.is_space or t.is_punct)), None)
    if first is None or first.i != verb.i or not verb.is_title or verb.tag_ not in ("VBD", "VBZ"):
        return None
    end = verb.i + 1
    while end < sentence.end and doc[end].pos_ == "PROPN" and doc[end].ent_type_ in ("PERSON", "ORG", ""):
        end += 1
    if end == verb.i + 1 or end >= sentence.end or doc[end].text not in (":", ","):
        return None
    return doc[verb.i + 1 : end].root


def _continuing_speaker(verb: Token, lexicon: CueLexicon) -> Token | None:
    """ "“A,” Sanders said, going on to say that B", "..., Sanders said, suggesting questions, including “...”": a
    participle with no subject right after the comma (or dash) that closes a report continues that report, whatever
    the parser hung it on (the next clause, a verb inside the quotation or the reported clause: "Trump argued that a
    database would keep people out, saying ..." is Trump's): the report's speaker is its speaker.
    None when the parser already hung it on the report, or when no report with a speaker closes before it."""
    participle = verb
    while participle.tag_ != "VBG" and participle.dep_ == "xcomp" and participle.head.i < participle.i:
        participle = participle.head  # "going on to say": the participle is "going"
    doc = verb.doc
    if participle.tag_ != "VBG" or _has_subject(participle) or participle.i < 2:
        return None
    mark = participle.i - 1
    while mark > 1 and doc[mark].is_quote:
        mark -= 1  # "stressed that “A,” suggesting": the comma closes the quotation too
    if doc[mark].text not in SETTING_OFF_MARKS:
        return None
    report = _closing_report(doc[mark - 1], participle, lexicon)
    if report is None or report == participle.head:
        return None
    return subject_or_agent(report)


def _outer_report(report: Token, lexicon: CueLexicon) -> Token:
    """ "She says the government believes A and is promising B — adding C": a report that is itself what a speaker
    said ("believes" in what "she says") is part of that statement, and a participle set off after both continues
    the outer report: the speaker adding C is "she", not "the government".  Not an outer report tagged after
    ("X welcomed the news, saying A, CNN reported": X said A)."""
    while (
        report.dep_ == "ccomp"
        and report.head.i < report.i
        and report.head.pos_ in ("VERB", "AUX")
        and lexicon.is_verb_cue(report.head.lemma_)
        and _has_subject(report.head)
    ):
        report = report.head
    return report


def _closing_report(last: Token, participle: Token, lexicon: CueLexicon) -> Token | None:
    """The report that closes at ``last``, right before a participle set off from it: the verb ``last`` hangs on,
    or, when that verb reports nothing ("argued that a database would keep people out"), the nearest report
    above it that the parser hung the participle under as well, through the report's complement ("rejected the idea
    that ..."), not through a clause of its own ("and X sued, saying", "as X walks in, saying")."""
    verbs = [t for t in climb(last) if t.pos_ in ("VERB", "AUX")]
    if not verbs or verbs[0].i > participle.i:
        return None
    if lexicon.is_verb_cue(verbs[0].lemma_):
        return verbs[0]
    for word in ancestors(participle):
        if word.i < participle.i and word.pos_ in ("VERB", "AUX") and lexicon.is_verb_cue(word.lemma_):
            return _outer_report(word, lexicon) if word in verbs else None
        if word.dep_ not in _INSIDE_REPORT:
            return None  # "..., and the ACLU has sued the city, saying": the participle is the suer's
    return None


def _relayed_speaker(verb: Token, lexicon: CueLexicon) -> Token | None:
    """Y in "X cited / quoted / paraphrased Y as saying ..." and in "Y was quoted (by X) as saying ..."; also where
    a speech verb follows the object without "as" ("he quoted Buhari to have said", "quoted Buhari saying")."""
    if verb.lemma_ not in lexicon.relaying:
        return None
    has_as_saying = any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children) for c in verb.children
    )
    says = any(relayed_speech(verb, c) for c in verb.children)
    if not (has_as_saying or says):
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)


def _past_clitic(head: Token | None) -> Token | None:
    """The speaker's head word, unless the parser took a contracted "'s" for it: "he’s said" ("’s" = has,
    with "he" hung below it) is "he"; "let's say" ("'s" = us) is the writer's supposition: nobody."""
    if head is None or head.lower_ not in CONTRACTED_S:
        return head
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _past_dateline(head: Token | None) -> Token | None:
    """The speaker's head word, unless the parser took the dateline for the subject: then the name
    it hung on the dateline ("CLEVELAND (UPI) — Gov. Mike Pence told ..."), or nobody.  Of several, a person's
    name ("TORONTO — OPP Const. Mike Smith said": the rank and the name each hang on the dateline)."""
    if head is None or not _in_dateline(head):
        return head
    hung = [c for c in head.children if c.dep_ == "appos" and not _in_dateline(c)]
    return next((c for c in hung if c.ent_type_ == "PERSON"), hung[0] if hung else None)


def _in_dateline(token: Token) -> bool:
    """The token is part of a paragraph's opening dateline ("LOS ANGELES, Sept. 28 (UPI) —"), which the
    parser may read as the subject of the first verb; a dateline never speaks."""
    start = paragraph_opening(token, MAX_DATELINE_TOKENS)
    if start is None:
        return False
    return token.i < _dateline_end(token.doc, start)


def _dateline_end(doc: Doc, start: int) -> int:
    """The first token after the dateline opening the paragraph at token ``start`` (``start`` when there is none),
    worked out once per paragraph."""
    ends = ParseIndex.of(doc).dateline_ends
    if start not in ends:
        opening = list(doc[start : start + MAX_DATELINE_TOKENS])
        rest = _strip_dateline(opening)
        ends[start] = rest[0].i if len(rest) < len(opening) else start
    return ends[start]


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECTS + ("expl",) for c in verb.children)


def _narrates(conjunct: Token, cue: Token, lexicon: CueLexicon) -> bool:
    """ "said he would order a review and warned against hackers": a verb coordinated inside the statement,
    with no subject of its own, whose tense agrees with the cue's and not with the verb it is coordinated to,
    is the narrator going on about the speaker ("warned" goes with "said"), not part of what was said."""
    if conjunct.dep_ != "conj" or conjunct.pos_ not in ("VERB", "AUX") or conjunct.i < cue.i:
        return False
    if _has_subject(conjunct):
        return False
    tag = finite_tag(conjunct)
    if tag not in (finite_tag(cue), cue.tag_):
        return False
    # "said she regretted her remarks and promised to stay out of it": a second report is the narrator's too.
    reports = lexicon.is_verb_cue(conjunct.lemma_) and any(c.dep_ in ("ccomp", "xcomp") for c in conjunct.children)
    return reports or tag not in (finite_tag(conjunct.head), conjunct.head.tag_)
