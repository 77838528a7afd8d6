"""Organizations named as fully as the article names them: pure functions over spaCy Docs and Spans.

* :func:`extended_name`: the recognizer often cuts an organization's name before a complement that belongs to
  it ("the U.S. Court of Appeals | for the Sixth Circuit", "the Northeast Ohio Coalition | for the Homeless");
  a name holding an organization's head noun runs on over "for (the)"/"of (the)" and the capitalized words
  after it, unless those words are another organization's name ("Edison Research for the Associated Press",
  "the GOP for the Democratic Party") or a date or a person.

* :func:`described_organization`: a description whose head noun names a kind of body ("the union", "A House
  panel", "the appeals court") is the organization of that kind the article names (its name holds the noun or a
  word of that kind: org_kinds.tsv, "panel" for a "Committee"), whose name also holds every word narrowing the
  description ("House", "appeals", "flight attendants'"; "the district court" is no "Court of Appeals"): the
  last one named in the paragraphs before; else, where nothing of the kind was named there, the only one the
  article names; a title's or lede's description ("A union representing flight attendants endorsed ...") the one
  the next sentences name.  A generic noun ("the company", generic_org_nouns.txt) is the organization the latest
  sentence naming any is about.  A plural ("other major unions") or, outside the lede, an indefinite
  description ("an appeals court") is no one named.

* :func:`campaign_subject`: "the campaign" right after a sentence about a candidate ("Hillary Clinton plans to
  ... . The campaign says ...") is theirs: the person named as the subject of the sentence before (or of its own
  sentence, before it), when the article names that person's campaign somewhere (:func:`campaign_holders`).

* :func:`kind_words`: a body's name before its collective noun keeps the words between them ("a new Washington
  Post-ABC News *national* poll", "the Reuters/Ipsos *opinion* poll").

* :func:`described_state`: "the state" is the U.S. state named in its sentence before it or in the sentence before
  ("They cite the 2000 election in Florida, when the state incorrectly stated ..."), when just one is.

* :func:`place_of`: "The city" of "The city of Phoenix is demanding ..." is the "city of Phoenix" (the mention
  stops at its noun; the place's name follows it).

* :func:`fullest_named`: a poll or other noun the article qualifies with a name is named as fully as the article
  names it ("The Reuters/Ipsos poll", "The latest Reuters/Ipsos opinion poll released Friday" -> "Reuters/Ipsos
  opinion poll"), and a lede's "A new poll" is the one the next sentences name.

Limits, plainly: the complement must be capitalized words in a row (with "of" or "and" between them); a name
whose head noun is not in ``org_head_words`` is never run on ("Secretary of State of the United States").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...lexicon import table as lexicon_table
from ...lexicon import words as lexicon_words
from ...lexicon.nouns import names_person
from ..profiles import ORG_NAME_WORDS, entity_at, span_ents
from .determiners import _indefinite

#: Organization nouns, and the words an organization of that kind has in its name (none for a generic noun).
ORG_KINDS: dict[str, frozenset[str]] = {
    **{kind: frozenset(names.split()) for kind, names in lexicon_table("org_kinds")},
    **dict.fromkeys(lexicon_words("generic_org_nouns"), frozenset()),
}
#: Nouns that may describe a body whose name says no kind ("Health Canada ... the department").
_UNKINDED_BODY_NOUNS = lexicon_words("unkinded_body_nouns")
#: Every word that says an organization's kind in its name ("Department", "Bank", "Times").
_KIND_WORDS = frozenset().union(*ORG_KINDS.values(), ORG_KINDS)
#: Qualifier words that name the same thing ("the GOP nominee" is the "Republican nominee").
_QUALIFIER_FORMS = {row[0]: row[1] for row in lexicon_table("qualifier_forms")}
#: Nouns of bodies a name before them makes a speaker of their own: "the Trump campaign", "a Bloomberg poll".
_COLLECTIVE_HEADS = lexicon_words("collective_heads")
#: Nouns of works, which an organization noun may also be ("the paper").
WORKS = lexicon_words("works")
_PARAGRAPHS_BACK = 3  # a description's organization was named in its paragraph or the three before
_CATAPHORA_SENTENCES = 2  # a lede's description names its organization in the next sentences
_CAMPAIGN = "campaign"
#: Nouns of places whose name may follow with "of": "the city of Phoenix".
_PLACE_NOUNS = lexicon_words("place_nouns")
#: The U.S. states' names ("Washington" is the capital more often than the state).
_STATE_NAMES = frozenset(row[0] for row in lexicon_table("us_states")) - {"Washington"}

#: Nouns that end an organization's name and may take a complement inside it ("Court", "Coalition").
ORG_HEAD_WORDS = lexicon_words("org_head_words")
_LINKS = frozenset({"for", "of"})
_INNER_LINKS = frozenset({"of", "and"})  # "for the District of Columbia Circuit"
_MAX_COMPLEMENT = 6  # capitalized words of a complement, at most
_NOT_NAMES = frozenset({"DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def extended_name(entity: Span) -> Span:
    """``entity`` run on over the complement of its name the recognizer left out (see the module doc), else
    ``entity`` itself."""
    doc = entity.doc
    if entity.label_ != "ORG" or not entity[-1].is_title or not any(t.lower_ in ORG_HEAD_WORDS for t in entity):
        return entity
    i = entity.end
    if i >= len(doc) or doc[i].lower_ not in _LINKS or entity[-1].whitespace_ == "":
        return entity
    i += 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    end = _complement_end(doc, i)
    return Span(doc, entity.start, end, label="ORG") if end > i else entity


def coordinated_start(entity: Span) -> Span:
    """``entity`` run back over the capitalized words before an "and" the recognizer left out of its name ("Fisheries
    and | Oceans Canada", "Environment and | Climate Change Canada", "Immigration and | Customs Enforcement",
    "Innovation, Science and | Economic Development Canada"): words in a row that no entity holds and that name no
    person ("Critics and Amnesty International" are two speakers), else ``entity`` itself."""
    doc = entity.doc
    if entity.label_ != "ORG" or entity.start < 2 or doc[entity.start - 1].lower_ not in ("and", "&"):
        return entity
    start, i = entity.start, entity.start - 2
    while i >= 0:
        token = doc[i]
        if token.text == "," and start == i + 1 and i > 0 and not doc[i - 1].ent_type_:
            i -= 1
            continue
        if not (token.is_alpha and token.is_title) or token.ent_type_ or names_person(token.lemma_.lower()):
            # a word of another name before them: they may be its end ("Trump and Customs Enforcement")
            return entity if token.ent_type_ or (token.is_alpha and token.is_title) else _from(entity, start)
        start, i = i, i - 1
        if token.is_sent_start:
            break
    return _from(entity, start)


def _from(entity: Span, start: int) -> Span:
    doc = entity.doc
    while start < entity.start and doc[start].is_punct:
        start += 1
    return Span(doc, start, entity.end, label="ORG") if start < entity.start - 1 else entity


def _complement_end(doc: Doc, start: int) -> int:
    """The end of the capitalized words from ``start`` ("District of Columbia Circuit"), joined by "of", or by
    "and" where the words after it continue the name too ("Peace and Justice", not "the Seventh Circuit and
    William Pryor"); ``start`` if the first words are no complement."""
    end, i, count = start, start, 0
    before_and = start  # the end of the words before the latest "and"
    while i < len(doc) and count < _MAX_COMPLEMENT:
        token = doc[i]
        if _capitalized(token):
            if not _may_continue(token):
                return before_and
            i += 1
            end, count = i, count + 1
        elif token.lower_ in _INNER_LINKS and end == i and i + 1 < len(doc) and _capitalized(doc[i + 1]):
            before_and = end if token.lower_ == "and" else before_and
            i += 1
        else:
            break
    return end


def _capitalized(token: Token) -> bool:
    return token.is_alpha and (token.is_title or (token.is_upper and len(token) > 1)) and not token.is_sent_start


def _may_continue(token: Token) -> bool:
    """A complement's word: no organization's own name word ("the Democratic *Party*"), date or person."""
    if token.lower_ in ORG_NAME_WORDS:
        return False
    entity = entity_at(token)
    return entity is None or entity.label_ not in _NOT_NAMES


@dataclass(frozen=True)
class NamedOrganization:
    """An organization the article names, where it names it: the token of its name, that token's sentence and
    paragraph (numbered in the article), whether it is a clause's subject there, its fullest name and that
    name's words with those of the name as written (see :func:`name_words`)."""

    position: int
    sentence: int
    paragraph: int
    subject: bool
    name: str
    words: frozenset[str]
    typed: bool  # whether its name is an organization's by all its mentions (generic nouns want one)


@dataclass(frozen=True)
class Setting:
    """Where a description stands: its sentence and paragraph, and whether in the title or in the lede."""

    sentence: int
    paragraph: int
    title: bool
    lede: bool


def name_words(text: str) -> frozenset[str]:
    """The words of a name or a description for comparison: lowercase, no possessive or periods, qualifier words
    in one form ("U.S." = "us")."""
    return frozenset(_word_form(w) for w in text.lower().replace("’", "'").split())


def _word_form(word: str) -> str:
    word = word.removesuffix("'s").strip("'\",;:()")
    return _QUALIFIER_FORMS.get(word, word).replace(".", "")


def described_organization(
    mention: Span, named: Sequence[NamedOrganization], setting: Setting
) -> NamedOrganization | None:
    """The organization a description of a body names (see the module doc), of ``named`` (in text order), or
    None."""
    head = mention.root
    kind = head.lemma_.lower()
    if kind not in ORG_KINDS or head.tag_ in ("NNS", "NNPS"):
        return None
    names = ORG_KINDS[kind]
    narrowing = _narrowing_words(mention, generic=not names)
    if narrowing is None or (narrowing and not names):
        return None  # "the Swiss company": no name words to find it by
    fits = [org for org in named if _of_kind(org, kind, names) and _holds(org.words, narrowing)]
    after = [org for org in fits if org.position >= mention.end]
    if setting.title:  # a headline's "Flight attendants' union": the first the story names
        return after[0] if after else None
    indefinite = _indefinite(mention)
    if setting.lede and indefinite:  # "A House panel voted ... . The House Oversight ... Committee voted 19-15"
        return after[0] if after and after[0].sentence <= setting.sentence + _CATAPHORA_SENTENCES else None
    if indefinite:
        return None  # "an appeals court" later on is some other court
    before = [o for o in fits if o.position < mention.start and o.paragraph >= setting.paragraph - _PARAGRAPHS_BACK]
    if before:
        return before[-1] if names else _salient(before)
    if names and kind not in WORKS and len({org.name for org in fits}) == 1:
        return fits[0]  # the article's only union, named later or long before (a "paper" may be a study)
    if (
        kind in _UNKINDED_BODY_NOUNS
        and not narrowing
        and not any(_of_kind(org, kind, names) for org in named)
        and not _written_of_before(mention, kind)
    ):
        # Nothing of the kind is named: a body whose name says no kind ("Health Canada ... The department").
        unkinded = [o for o in named if o.typed and not o.words & _KIND_WORDS and o.position < mention.start]
        unkinded = [o for o in unkinded if o.paragraph >= setting.paragraph - _PARAGRAPHS_BACK]
        return _salient(unkinded) if unkinded else None
    return None


def _written_of_before(mention: Span, kind: str) -> bool:
    """Whether the article wrote of a body of this kind in words before ``mention`` ("The Japanese foreign ministry
    denied ... the ministry said"): the description is that body's, not that of a name saying no kind (a news
    agency's in the dateline).  A noun modifying another ("a ministry spokesman") or inside a name ("the Foreign
    Ministry") does not count."""
    return any(t.lemma_.lower() == kind and _body_noun(t) for t in mention.doc[: mention.start])


def _body_noun(token: Token) -> bool:
    return token.is_lower and token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and token.ent_type_ != "ORG"


def describes(mention: Span, name: str) -> bool:
    """Whether a description may be of the organization called ``name``: a description of a body ("the district
    court") only if singular and its narrowing words are all in the name (no "Court of Appeals"), of a poll or
    campaign only if singular; any other description ("the senator"), yes."""
    head = mention.root
    kind = head.lemma_.lower()
    if kind in _COLLECTIVE_HEADS:
        return head.tag_ not in ("NNS", "NNPS")  # "many other polls" are not the one named
    if kind not in ORG_KINDS:
        return True
    narrowing = _narrowing_words(mention, generic=not ORG_KINDS[kind])
    return head.tag_ not in ("NNS", "NNPS") and narrowing is not None and _holds(name_words(name), narrowing)


def _of_kind(org: NamedOrganization, kind: str, names: frozenset[str]) -> bool:
    return bool(org.words & names) or kind in org.words if names else org.typed


def _holds(words: frozenset[str], narrowing: frozenset[str]) -> bool:
    stems = {w.rstrip("s") for w in words}
    return all(w in words or w.rstrip("s") in stems for w in narrowing)


def _narrowing_words(mention: Span, generic: bool) -> frozenset[str] | None:
    """The words of a description that narrow it down: before its head nouns, names and capitalized adjectives
    ("A *House* panel", "the *appeals* court", "*Flight attendants'* union"; not "the federal"), after it names
    ("the union of *Ohio* teachers"); a generic noun's lowercase nouns say what it is, not its name ("the gun
    group").  None if a person is named in it ("Clinton's union", "the company and its founder, Jack Dorsey"):
    the body is theirs, or the mention more than the body."""
    head = mention.root
    found = set()
    for token in mention:
        if token.i == head.i or token.is_punct or token.tag_ == "POS" or token.like_num:
            continue
        if token.ent_type_ == "PERSON" or (token.tag_ == "PRP$" and not generic):
            return None
        capitalized = token.pos_ == "PROPN" or (token.pos_ == "ADJ" and token.is_title and token.i > mention.start)
        if capitalized or (token.i < head.i and token.pos_ == "NOUN" and not generic):
            found.add(_word_form(token.lower_.replace("\u2019", "'")))
    return frozenset(found)


def _salient(found: list[NamedOrganization]) -> NamedOrganization:
    """Of the organizations named before a generic noun ("the company"), the one its reader takes: in the
    latest sentence naming any, its subject if one is ("Alphabet, the parent company of Google, jumped"),
    else the last named there ("Trump said of Apple, when the company balked")."""
    there = [org for org in found if org.sentence == found[-1].sentence]
    subjects = [org for org in there if org.subject]
    return subjects[-1] if subjects else there[-1]


def campaign_holders(doc: Doc) -> frozenset[str]:
    """The surnames (lowercase) of the people whose campaign the article names: "the Trump campaign", "Hillary
    Clinton's campaign", also where the recognizer took the name before "campaign" for an organization's but names
    a person of that surname elsewhere ("the Trump campaign" with "Trump" an ORG, "Donald Trump" a PERSON)."""
    surnames = {_last_name_word(e) for e in doc.ents if e.label_ == "PERSON"}
    found = set()
    for token in doc:
        if token.lemma_.lower() != _CAMPAIGN:
            continue
        for child in token.children:
            entity = entity_at(child) if child.dep_ in ("poss", "compound") else None
            if entity is not None and entity.label_ in ("PERSON", "ORG") and _last_name_word(entity) in surnames:
                found.add(_last_name_word(entity))
    return frozenset(found)


def campaign_subject(mention: Span, holders: frozenset[str]) -> Span | None:
    """The person whose campaign a bare "the campaign" is (see the module doc), or None."""
    head = mention.root
    if head.lemma_.lower() != _CAMPAIGN or len(mention) != 2 or mention[0].lower_ != "the":
        return None
    sentence = head.sent
    subject = _person_subject(sentence, before=head.i)
    if subject is None and sentence.start > 0:
        previous = mention.doc[sentence.start - 1].sent
        subject = _person_subject(previous, before=previous.end)
    return subject if subject is not None and _last_name_word(subject) in holders else None


def _person_subject(sentence: Span, before: int) -> Span | None:
    """The person named as the subject of a clause of ``sentence``, before token ``before`` (the first)."""
    for token in sentence:
        if token.i >= before:
            break
        if token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass")):
            entity = entity_at(token)
            if entity is not None and entity.label_ == "PERSON":
                return entity
    return None


def _last_name_word(entity: Span) -> str:
    words = [t for t in entity if t.is_alpha]
    return words[-1].lower_ if words else entity.text.lower()


def kind_words(name: Span, head: Token) -> str:
    """The collective noun ``head`` after the organization ``name`` with the lowercase words between them
    ("national poll" of "Washington Post-ABC News national poll"), else the noun alone."""
    between = name.doc[name.end : head.i]
    if all(t.is_lower and t.is_alpha and t.pos_ in ("ADJ", "NOUN") for t in between):
        return name.doc[name.end : head.i + 1].text
    return head.text


def described_state(mention: Span) -> Span | None:
    """The state "the state" is (see the module doc), or None."""
    head = mention.root
    if head.lower_ != "state" or len(mention) != 2 or mention[0].lower_ != "the":
        return None
    doc = mention.doc
    sentence = head.sent
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    named = [e for e in span_ents(doc[start : mention.start]) if e.label_ == "GPE" and _state_name(e) in _STATE_NAMES]
    return named[-1] if len({_state_name(e) for e in named}) == 1 else None


def _state_name(entity: Span) -> str:
    return entity.text.removeprefix("the ").strip()


def place_of(mention: Span) -> Span | None:
    """ "city of Phoenix" for the mention "The city" of "The city of Phoenix" (see the module doc), or None."""
    head = mention.root
    doc = mention.doc
    if head.lemma_.lower() not in _PLACE_NOUNS or head.i != mention.end - 1 or mention.end + 1 >= len(doc):
        return None
    if doc[mention.end].lower_ != "of" or doc[mention.end].head.i != head.i:
        return None
    place = entity_at(doc[mention.end + 1])
    if place is None or place.label_ != "GPE" or place.start != mention.end + 1:
        return None
    return doc[head.i : place.end]


def fullest_named(mention: Span, named: Sequence[tuple[int, str]], sentences: Sequence[int], lede: bool) -> str | None:
    """The fullest name the article gives the poll, survey or campaign ``mention`` names with a name before its head
    noun (see the module doc), of ``named``: each (position, text) of a noun of that kind the article qualifies with a name, in text
    order; ``sentences`` numbers the sentence of the mention, then of each of those.  None if the mention has no
    name of its own and is no lede's indefinite description, or no fuller name is given."""
    head = mention.root
    if head.lemma_.lower() not in _COLLECTIVE_HEADS:
        return None
    own = next((text for i, text in named if i == head.i), None)
    if own is None:
        if not (lede and _indefinite(mention)) or head.tag_ in ("NNS", "NNPS"):
            return None
        after = [k for k, (i, _) in enumerate(named) if i >= mention.end]
        close = [k for k in after if sentences[k + 1] <= sentences[0] + _CATAPHORA_SENTENCES]
        return named[close[0]][1] if close else None
    words = name_words(own)
    fuller = [text for _, text in named if words < name_words(text)]
    if fuller:
        return max(fuller, key=len)
    own = _without_article(own)  # "The latest Reuters/Ipsos opinion poll" is the "Reuters/Ipsos opinion poll"
    return own if own != _without_article(mention.text) else None


def _without_article(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if first.lower() in ("a", "an", "the") and rest else text
