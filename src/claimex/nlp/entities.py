"""Titled names the recognizer took for something else, given back to the person they name.

After a closing quotation mark the recognizer often takes a whole "place, title, name" phrase for one entity of
the wrong kind: "“We need a real partner,” Ontario Premier Doug Ford said" gives WORK_OF_ART "Ontario Premier Doug
Ford", and the speaker is lost (later "Ford" is taken for the car maker).  :func:`titled_names` splits such an
entity as the recognizer splits the same words elsewhere: the qualifier before the title (a GPE when it is a
place, else an ORG: "NDP Leader Jagmeet Singh"), the title words (no entity), and the name (a PERSON).  A work,
event, product, law or facility whose words are all in the name of a person the article names is that person
("“Conditions are extremely dry,” St-Onge told CBC News", with "Josée St-Onge" named).  An untitled name the
recognizer took for a work or product ("“We will act,” Anita Anand said": WORK_OF_ART) is a person's when its last
word is a person's the article names alone ("Singh" after "Jagmeet Singh"), or, right before a verb, when it opens
with a first name of the name data or its last word recurs alone ("Hutchings added").  Two or three capitalized
proper nouns the recognizer left untagged (a first name it does not know: "Femi Adesina") are a person's when a noun
for a person is apposed to them ("Femi Adesina, the president's spokesman, said").  A name the recognizer cut at
its lower-case particles ("Ursula von der" PERSON, "Leyen" GPE) is joined, and the particles and surname alone ("de
Blasio said") are that person's wherever the article writes them.

Limits, plainly: a titled name is split only when it is two or three capitalized words led by a first name of the
name data ("Doug Ford", "David Eby"), after a title that names an office holder ("Premier", "Minister", "Mayor"; not
"Deputy" alone); a one-word name ("Premier Ford") or a first name the data lacks stays as the recognizer tagged it,
and so does an entity opening with "the" ("the King James Bible") or a place or event named after someone
("Pershing Square").  A name the recognizer splits itself ("Navdeep" and ORG "Bains") is not joined, but for two or
three proper nouns right after a dateline's dash and before a verb ("OTTAWA — Jagmeet Singh apologized"), led by a
first name of the name data or whose last word the article names alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon import gender
from ..lexicon import table as lexicon_table
from ..lexicon import words as lexicon_words
from ..lexicon.nouns import ORG_NOUNS, names_person
from ..lexicon.titles import PERSON_TITLES, TITLE_WORDS
from ..normalize.places import place_country, region_country
from .portfolios import portfolio_name_end, portfolio_name_start
from .syntax import paragraph_opening

_ORG_NAME_WORDS = lexicon_words("org_name_words")  # "Services", "University": no person's name
_WORK_LABELS = frozenset({"WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "FAC"})  # kinds a quoted name is taken for
_NAMED_AS_WORKS = frozenset({"WORK_OF_ART", "PRODUCT"})  # labels the recognizer gives a person after a quotation
_MAX_QUALIFIER = 4  # words before the title: "Newfoundland and Labrador"
_DATELINE_PLACE_TOKENS = 6  # "SURREY, B.C. —": the place and its province before the dash
_TITLE_QUALIFIERS = lexicon_words("title_qualifiers")  # "Regional" of "AFN Regional Chief"
_PARTY_WORDS = frozenset(row[0] for row in lexicon_table("party_names"))  # "Conservative", "New Democrat"
_TOWN_PREPOSITIONS = frozenset({"under", "upon", "on", "in", "by", "le", "sur"})  # "-under-", "-on-Sea", "-le-Street"
_NOT_NAMES = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_NAME_PARTICLES = lexicon_words("name_particles")  # "de" of "Bill de Blasio", "von der" of "Ursula von der Leyen"
_GENERIC_ORG_NOUNS = lexicon_words("generic_org_nouns")  # "the company": a body of no particular kind
_ORG_NOUN_SENTENCES = 2  # a name's sentence and the next two may call it an organization


def titled_names(doc: Doc) -> Doc:
    """Split each entity that is a qualifier, a title and a person's name, and give back to its person a name the
    article gives a person that the recognizer took for a work (see the module doc)."""
    found: list[Span] = []
    changed = False
    for entity in doc.ents:
        parts = _parts(entity)
        changed = changed or parts != [entity]
        found.extend(parts)
    particled = _particle_names(doc, found)
    if particled:
        found = _replaced(found, particled)
        changed = True
    people: dict[str, list[frozenset[str]]] = {}  # a name word -> the names of persons holding it
    surnames = set()
    for entity in found:
        if entity.label_ == "PERSON":
            named = _words(entity)
            surnames.add(entity[-1].lower_)
            for word in named:
                people.setdefault(word, []).append(named)
    for k, entity in enumerate(found):
        words = _words(entity) if entity.label_ in _WORK_LABELS else frozenset()
        known = bool(words) and any(words <= person for person in people.get(next(iter(words)), ()))
        # a work or product only, not a place or event named after someone ("Pershing Square puts restrictions")
        if known or (entity.label_ in _NAMED_AS_WORKS and _person(entity, surnames)):
            found[k] = Span(doc, entity.start, entity.end, label="PERSON")  # "“...,” St-Onge told CBC News"
            changed = True
    given = _given_names_before(doc, found, surnames)
    if given:
        found = _replaced(found, given)
        changed = True
    titles = [t for t in doc if t.lower_ in PERSON_TITLES]  # one scan for both title rules below
    portfolio = _names_after_portfolios(doc, found, titles)
    untagged = (
        _untagged_titled_names(doc, found, titles),
        _untagged_described_names(doc, found),
        _untagged_organizations(doc, found),
        _companies_taken_for_people(doc, found),
    )
    for names in (_names_after_datelines(doc, found, surnames), portfolio, *untagged):
        if names:
            found = _replaced(found, names)
            changed = True
    if changed:
        doc.ents = sorted(found, key=lambda e: e.start)
    return doc


def _replaced(found: list[Span], names: list[Span]) -> list[Span]:
    """``found`` with ``names`` in place of the entities they overlap."""
    return [e for e in found if not any(e.start < n.end and n.start < e.end for n in names)] + names


def _particle_names(doc: Doc, found: list[Span]) -> list[Span]:
    """Persons' names with lower-case particles that the recognizer cut or missed, as PERSON entities: a person's
    name running into particles and one capitalized word ("Ursula von der" PERSON, "Leyen" GPE), joined; then the
    particles and that word alone wherever the article writes them ("von der Leyen said", "De Blasio said").
    Limits: one capitalized word after the particles; a surname alone is tagged only once the article has named
    the person in full."""
    joined = []
    for entity in found:
        end = entity.end
        while end < len(doc) and _particle(doc[end]):
            end += 1
        particled = end > entity.end or (_particle(doc[entity.end - 1]) and len(entity) > 1)
        if entity.label_ == "PERSON" and particled and end < len(doc) and _surname_word(doc[end]):
            joined.append(Span(doc, entity.start, end + 1, label="PERSON"))
    surnames = set()
    for name in joined + [e for e in found if e.label_ == "PERSON"]:
        first = next((t.i for t in name[1:] if _particle(t)), None)
        if first is not None and _surname_word(name[-1]):
            surnames.add(tuple(t.lower_ for t in doc[first : name.end]))
    persons = {i for e in found + joined if e.label_ == "PERSON" for i in range(e.start, e.end)}
    alone = []
    for surname in surnames:
        size = len(surname)
        for token in doc[: len(doc) - size + 1]:
            span = doc[token.i : token.i + size]
            if tuple(t.lower_ for t in span) == surname and not persons.intersection(range(span.start, span.end)):
                alone.append(Span(doc, span.start, span.end, label="PERSON"))
                persons.update(range(span.start, span.end))
    return joined + alone


def _particle(token: Token) -> bool:
    return token.is_lower and token.lower_ in _NAME_PARTICLES


def _surname_word(token: Token) -> bool:
    return token.is_title and token.is_alpha and token.lower_ not in TITLE_WORDS


def _names_after_portfolios(doc: Doc, found: list[Span], titles: list[Token]) -> list[Span]:
    """Persons named after an office and its portfolio that the recognizer missed or ran into the portfolio ("Union
    Minister of State for Tourism G. Kishan Reddy has said", see :mod:`.portfolios`), as PERSON entities; a name it
    tagged PERSON as it is stays."""
    persons = {(e.start, e.end) for e in found if e.label_ == "PERSON"}
    names = []
    for token in titles:
        start = portfolio_name_start(token)
        end = portfolio_name_end(token) if start else 0
        if start and (start, end) not in persons:
            names.append(Span(doc, start, end, label="PERSON"))
    return names


def _untagged_titled_names(doc: Doc, found: list[Span], titles: list[Token]) -> list[Span]:
    """Names right after an office's title that the recognizer left untagged, often for a letter with a diacritic
    ("Irish Taoiseach Micheál Martin said", the recognizer tagging "Irish" alone): a first name of the name data and
    one or two more capitalized proper nouns, none in an entity, before a verb or punctuation; as PERSON entities."""
    tagged = {i for e in found for i in range(e.start, e.end)}
    names = []
    for title in titles:
        if title.i >= len(doc) - 2:
            break
        first = doc[title.i + 1]
        if not title.is_title or first.i in tagged or not gender.is_first_name(first.text):
            continue
        end = first.i + 1
        while (
            end < len(doc)
            and end - first.i < 3
            and doc[end].pos_ == "PROPN"
            and doc[end].is_title
            and end not in tagged
        ):
            end += 1
        closed = end == len(doc) or doc[end].pos_ in ("VERB", "AUX", "PUNCT")
        if end - first.i >= 2 and closed:
            names.append(Span(doc, first.i, end, label="PERSON"))
    return names


def _untagged_described_names(doc: Doc, found: list[Span]) -> list[Span]:
    """Names the recognizer left untagged, often for a first name it does not know, that the sentence describes as a
    person's: two or three capitalized proper nouns, in no entity, with a noun for a person apposed across a comma
    ("Femi Adesina, the president's spokesman, said", "the president's spokesman, Femi Adesina, said"); as PERSON
    entities.  Limits: the parser's apposition; a name of one word stays untagged."""
    tagged = {i for e in found for i in range(e.start, e.end)}
    names = []
    for token in doc:
        if token.i in tagged or not _untagged_name_word(token) or not _described_as_person(token):
            continue
        start = token.i
        while start > 0 and token.i - start < 2 and start - 1 not in tagged and _untagged_name_word(doc[start - 1]):
            start -= 1
        if token.i > start and all(doc[i].head.i == token.i for i in range(start, token.i)):
            names.append(Span(doc, start, token.i + 1, label="PERSON"))
    return names


def _untagged_organizations(doc: Doc, found: list[Span]) -> list[Span]:
    """Names the recognizer left untagged that the article goes on to call an organization ("Pfizer said ... . The
    company said ..."): one to three capitalized proper nouns in no entity, a clause's subject, followed within the
    next sentences by a definite organization noun as a subject ("the company", "the bank": org_kinds.tsv,
    generic_org_nouns.txt) with no organization named between them; as ORG entities, so that the noun is theirs
    and the name is typed an organization's everywhere.  Limits: a name never so described stays untagged; one
    opening with a first name of the name data, or whose words a person's name in the article holds ("Rogers"
    with "Ted Rogers" named), is taken for no organization."""
    tagged = {i for e in found for i in range(e.start, e.end)}
    people = {t.lower_ for e in found if e.label_ == "PERSON" for t in e}
    orgs = sorted(e.start for e in found if e.label_ == "ORG")
    names = []
    for token in doc:
        if token.i in tagged or token.dep_ not in ("nsubj", "nsubjpass") or not _untagged_name_word(token):
            continue
        start = token.i
        while start > 0 and token.i - start < 2 and start - 1 not in tagged and _untagged_name_word(doc[start - 1]):
            start -= 1
        words = doc[start : token.i + 1]
        if gender.is_first_name(words[0].text) or any(t.lower_ in people for t in words):
            continue
        noun = _organization_noun_after(token)
        if noun is not None and not any(token.i < o < noun.i for o in orgs):
            names.append(Span(doc, start, token.i + 1, label="ORG"))
    return names


def _companies_taken_for_people(doc: Doc, found: list[Span]) -> list[Span]:
    """Names the recognizer took for persons that the article goes on to call a company or another body of no
    particular kind ("Moderna said ... . The company said ...", "Moderna ... . The drugmaker said ..."):
    one to three words, a clause's subject, as in :func:`_untagged_organizations`, with a generic noun
    (generic_org_nouns.txt), and new to the story (no organization named in the two sentences before it either,
    so that the noun has no other holder); never a name opening with a first name of the name data, after a
    title, with a person noun apposed, whose words a longer person's name holds, or followed by "he" or "she"
    before the noun.  Limits: a company called only "it" stays a person."""
    people = [e for e in found if e.label_ == "PERSON"]
    orgs = sorted(e.start for e in found if e.label_ == "ORG")
    marks = _PersonMarks(people)
    names = []
    for entity in people:
        token = entity.root
        if len(entity) > 3 or token.dep_ not in ("nsubj", "nsubjpass") or not marks.may_be_company(entity):
            continue
        noun = _organization_noun_after(token, _GENERIC_ORG_NOUNS)
        if noun is None or any(t.lower_ in _PERSONAL_PRONOUNS for t in doc[token.i + 1 : noun.i]):
            continue
        if not any(_sentences_before(token, 2) <= o < noun.i for o in orgs):
            names.append(Span(doc, entity.start, entity.end, label="ORG"))
    return names


class _PersonMarks:
    """What marks the PERSON entities of an article as persons' names, read once (an article naming thousands of
    people costs each entity a look-up, not a pass over all of them)."""

    def __init__(self, people: list[Span]):
        self._words_longer_than: dict[int, set[str]] = {}  # length -> words of the longer names
        for length in sorted({len(e) for e in people}, reverse=True):
            self._words_longer_than[length] = {t.lower_ for e in people if len(e) > length for t in e}
        self._mentions: dict[str, list[Span]] = {}
        for entity in people:
            self._mentions.setdefault(entity.text, []).append(entity)
        self._called: dict[str, bool] = {}

    def may_be_company(self, entity: Span) -> bool:
        """Whether nothing marks a PERSON entity as a person's name: no first name opening it, none of its words in
        a longer person's name of the article, no mention of it marked as a person's (:func:`_called_person`)."""
        longer = self._words_longer_than.get(len(entity), set())
        if gender.is_first_name(entity[0].text) or any(t.lower_ in longer for t in entity):
            return False
        if entity.text not in self._called:
            self._called[entity.text] = any(_called_person(e) for e in self._mentions.get(entity.text, ()))
        return not self._called[entity.text]


def _called_person(mention: Span) -> bool:
    """Whether a mention is marked as a person's: a title before it, a person noun apposed, or "he" or "she" the
    subject of the next sentence after it as a subject ("Xi said ... . He added ...")."""
    doc = mention.doc
    if (mention.start > 0 and doc[mention.start - 1].lower_ in TITLE_WORDS) or _described_as_person(mention.root):
        return True
    end = mention.root.sent.end
    if mention.root.dep_ not in ("nsubj", "nsubjpass") or end >= len(doc):
        return False
    return any(t.dep_ == "nsubj" and t.lower_ in ("he", "she") for t in doc[end].sent)


def _sentences_before(token: Token, n: int) -> int:
    """The first token of the sentence ``n`` sentences before ``token``'s."""
    start = token.sent.start
    for _ in range(n):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return start


def _organization_noun_after(name: Token, nouns: frozenset[str] = ORG_NOUNS) -> Token | None:
    """The first definite organization noun (of ``nouns``) that is a subject in ``name``'s sentence after it or in
    the next ``_ORG_NOUN_SENTENCES`` sentences ("The company said ...")."""
    doc = name.doc
    end = name.sent.end
    for _ in range(_ORG_NOUN_SENTENCES):
        end = doc[end].sent.end if end < len(doc) else end
    for token in doc[name.i + 1 : end]:
        if (
            token.dep_ in ("nsubj", "nsubjpass")
            and token.tag_ == "NN"
            and token.lower_ in nouns
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            and not any(c.dep_ in ("compound", "amod", "poss") for c in token.children)
        ):
            return token
    return None


def _untagged_name_word(token: Token) -> bool:
    word = token.lower_
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.is_alpha
        and word not in TITLE_WORDS
        and word not in _ORG_NAME_WORDS
        and not token.ent_type_
    )


def _described_as_person(root: Token) -> bool:
    """A noun for a person apposed to ``root`` across a comma, or ``root`` apposed to one ("the president's
    spokesman, Femi Adesina")."""
    doc = root.doc
    nouns = [c for c in root.children if c.dep_ == "appos" and c.i > root.i]
    if root.dep_ == "appos" and root.head.i < root.i:
        nouns.append(root.head)
    for noun in nouns:
        between = doc[min(noun.i, root.i) : max(noun.i, root.i)]
        if noun.pos_ == "NOUN" and names_person(noun.lemma_.lower()) and any(t.text == "," for t in between):
            return True
    return False


def _names_after_datelines(doc: Doc, found: list[Span], surnames: set[str]) -> list[Span]:
    """The persons' names right after a dateline's dash and before a verb ("OTTAWA — Jagmeet Singh apologized",
    "OTTAWA — Chrystia Freeland has resigned") that the recognizer missed or split there: two or three proper nouns
    led by a first name of the name data or whose last word the article names alone ("Singh said"); not a name the
    recognizer gave another kind whole ("OTTAWA — Canada Post said")."""
    names = []
    for dash in doc:
        if dash.text not in ("—", "–", "--") or not _after_dateline(dash):
            continue
        end = dash.i + 1
        while end < len(doc) and end - dash.i <= 3 and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        name = doc[dash.i + 1 : end]
        if end >= len(doc) or doc[end].pos_ not in ("VERB", "AUX") or not 2 <= len(name) <= 3:
            continue
        inside = [e for e in found if name.start <= e.start < name.end]
        if any(e.label_ == "PERSON" for e in inside) or any(
            e.start == name.start and e.end == name.end for e in inside
        ):
            continue  # the recognizer found the person ("LOS ANGELES — Actress Rosario Dawson") or a body there
        tokens = list(name)
        known = gender.is_first_name(tokens[0].text) or tokens[-1].lower_ in surnames or _surname_alone(tokens)
        if _names_person_words(tokens) and known:
            names.append(Span(doc, name.start, name.end, label="PERSON"))
    return names


def _given_names_before(doc: Doc, found: list[Span], surnames: set[str]) -> list[Span]:
    """A person's name the recognizer cut from its first name: a one-word PERSON ("NEW YORK (AP) -- Curtis McElhinney
    is", PERSON "McElhinney"), or a surname the article gives a person, untagged ("Ivanka Trump strode", "Ivanka" a
    PRODUCT), with the first name before it: a capitalized proper noun of the name data, in no entity of its own or
    alone in one of another kind (a brand's).  Limits: one first name only, and only before a one-word name."""
    taken = {i: e for e in found for i in range(e.start, e.end)}
    names: list[Span] = []
    for token in doc[1:]:
        before = doc[token.i - 1]
        entity = taken.get(token.i)
        if entity is None:
            named = token.pos_ == "PROPN" and token.is_title and token.lower_ in surnames
            entity = doc[token.i : token.i + 1] if named else None
        elif entity.label_ != "PERSON" or len(entity) != 1:
            entity = None
        if entity is None or not _given_name(before):
            continue
        own = taken.get(before.i)
        overlapping = names and names[-1].end > before.i  # "Mary Ann Smith": one name, its first words kept
        if not overlapping and (own is None or (len(own) == 1 and own.label_ not in _NOT_NAMES)):
            names.append(Span(doc, before.i, token.i + 1, label="PERSON"))
    return names


def _given_name(token: Token) -> bool:
    """A capitalized proper noun of the name data that is no title ("Judge Berman", "Governor Pence")."""
    title = token.lower_ in TITLE_WORDS or token.lower_ in PERSON_TITLES
    return (
        token.pos_ == "PROPN" and token.is_title and token.is_alpha and not title and gender.is_first_name(token.text)
    )


def _after_dateline(dash: Token) -> bool:
    """Whether a dash closes a paragraph's opening dateline: a place in capitals, maybe its province ("OTTAWA —",
    "SURREY, B.C. —")."""
    doc = dash.doc
    start = paragraph_opening(dash, _DATELINE_PLACE_TOKENS)
    if start is None:
        return False
    words = [t for t in doc[start : dash.i] if not t.is_punct]
    return bool(words) and words[0].is_upper and len(words[0].text) > 1 and all(t.is_upper or t.is_title for t in words)


def _parts(entity: Span) -> list[Span]:
    """The entities an entity is, as news writes them: a qualifier, a title and a name ("Manitoba Premier Wab
    Kinew"), a place and a name ("Premier of Manitoba Wab Kinew"), a party and a name ("Conservative Brian
    Pallister"), a place's party ("Ontario’s Progressive Conservative"), a place's abbreviation ("Welland, Ont."),
    nothing for an office's name ("the Minister of Public Safety"); else the entity itself."""
    doc = entity.doc
    split = _split(entity) or _place_led(entity)
    party = _party_led(entity) if split is None else None
    if split is None and party is None:
        owned = (
            _place_party(entity)
            or _without_title_qualifier(entity)
            or _region_before_title(entity)
            or _hyphenated_town(entity)
        )
        return owned if owned is not None else [] if _office(entity) else [_abbreviated_place(entity)]
    qualifier, name = split or party  # type: ignore[misc]
    found = []
    if len(qualifier):
        place = place_country(qualifier.text) or region_country(qualifier.text)
        found.append(Span(doc, qualifier.start, qualifier.end, label="NORP" if party else "GPE" if place else "ORG"))
    return [*found, Span(doc, name.start, name.end, label="PERSON")]


def _hyphenated_town(entity: Span) -> list[Span] | None:
    """A town named with a hyphenated preposition that the recognizer took in part for a person ("Ashton" of
    "Ashton-under-Lyne", "Stratford" of "Stratford-upon-Avon"): the whole name as a place (GPE); else None."""
    doc = entity.doc
    end = entity.end
    if entity.label_ != "PERSON" or end + 3 >= len(doc) or doc[end].text != "-" or doc[end + 2].text != "-":
        return None
    if doc[end + 1].lower_ not in _TOWN_PREPOSITIONS or not doc[end + 3].is_title:
        return None
    return [Span(doc, entity.start, end + 4, label="GPE")]


def _region_before_title(entity: Span) -> list[Span] | None:
    """A state or province the recognizer took for a body or a person right before a title ("Chhattisgarh Chief
    Minister", "Saskatchewan Premier"), as a place (GPE); else None."""
    doc = entity.doc
    after = doc[entity.end] if entity.end < len(doc) else None
    if entity.label_ not in ("ORG", "PERSON") or after is None or after.lower_ not in TITLE_WORDS:
        return None
    return [Span(doc, entity.start, entity.end, label="GPE")] if region_country(entity.text) else None


def _without_title_qualifier(entity: Span) -> list[Span] | None:
    """A body's name the recognizer ran on over the word qualifying a title after it ("AFN Regional Chief Joanna
    Bernard", "Nishnawbe Aski Nation Grand Chief"), without that word: a place (GPE) or a body (ORG); else None."""
    doc = entity.doc
    tokens = _name_tokens(entity)
    after = doc[entity.end] if entity.end < len(doc) else None
    if (
        len(tokens) < 2
        or after is None
        or after.lower_ not in PERSON_TITLES
        or entity.label_ in _NOT_NAMES - {"PERSON"}
    ):
        return None
    if tokens[-1].lower_ not in _TITLE_QUALIFIERS or not tokens[-1].is_title or tokens[-1].i != entity.end - 1:
        return None
    body = doc[entity.start : tokens[-1].i]
    return [Span(doc, body.start, body.end, label="GPE" if region_country(body.text) else "ORG")]


def _office(entity: Span) -> bool:
    """Whether an organization entity is the name of an office, a title for a person and what it is "of" or "for"
    ("the Minister of Public Safety and Solicitor General, Mike Farnworth"), or a lone title word tagged as a name:
    no body, but its holder's title."""
    tokens = _name_tokens(entity)
    if tokens and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    if len(tokens) == 1 and tokens[0].lower_ in PERSON_TITLES and entity.label_ in ("PERSON", "ORG", "NORP", "GPE"):
        # a title alone after "the" or before a name: "the Taoiseach", "Tánaiste Leo Varadkar" tagged PERSON or ORG;
        # not a surname that is a title word ("King said", "Mr. King")
        doc, i = entity.doc, tokens[0].i
        after = doc[i + 1] if i + 1 < len(doc) else None
        return (i > 0 and doc[i - 1].lower_ == "the") or (
            after is not None and after.ent_iob_ == "B" and after.ent_type_ == "PERSON"
        )
    return (
        entity.label_ == "ORG"
        and len(tokens) > 2
        and tokens[0].lower_ in PERSON_TITLES
        and tokens[1].lower_ in ("of", "for")
    )


def _place_party(entity: Span) -> list[Span] | None:
    """A place and the party it possesses ("Ontario’s Progressive Conservative premier", "New Brunswick’s
    Conservative premier"), which the recognizer may take for one name, as a place (GPE) and a party (NORP)."""
    tokens = _name_tokens(entity)
    mark = next((k for k, t in enumerate(tokens) if t.tag_ == "POS" or t.lower_ in ("'s", "’s")), None)
    if not mark or " ".join(t.lower_ for t in tokens[mark + 1 :]) not in _PARTY_WORDS:
        return None
    place = entity.doc[tokens[0].i : tokens[mark].i]
    if not (region_country(place.text) or place_country(place.text)):
        return None
    party = entity.doc[tokens[mark + 1].i : tokens[-1].i + 1]
    return [
        Span(entity.doc, place.start, place.end, label="GPE"),
        Span(entity.doc, party.start, party.end, label="NORP"),
    ]


def _person(entity: Span, surnames: set[str]) -> bool:
    """Whether a name the recognizer took for a work is a person's: two or three proper nouns, none an
    organization's, whose last the article gives a person alone ("“...,” Jagmeet Singh said. Singh added"), or, right
    before a verb, led by a first name of the name data ("“...,” Anita Anand said") or whose last the article names
    alone elsewhere ("“...,” Gudie Hutchings said. Hutchings added")."""
    tokens = [t for t in entity if not (t.is_punct or t.is_space)]
    if entity[0].lower_ == "the" or not _names_person_words(tokens) or any(t.pos_ != "PROPN" for t in tokens):
        return False  # not "‘Deport Nikki Haley’", a headline's words
    if tokens[-1].lower_ in surnames:
        return True
    doc = entity.doc
    after = doc[entity.end] if entity.end < len(doc) else None
    if after is None or after.pos_ not in ("VERB", "AUX"):
        return False
    return gender.is_first_name(tokens[0].text) or _surname_alone(tokens)


def _surname_alone(name: list[Token]) -> bool:
    """Whether the article names the last word of ``name`` alone somewhere, as news goes on with a person ("“...,”
    Gudie Hutchings said. Hutchings added")."""
    doc = name[0].doc
    last, before = name[-1], name[-2]
    return any(t.text == last.text and t.i != last.i and (t.i == 0 or doc[t.i - 1].text != before.text) for t in doc)


def _words(entity: Span) -> frozenset[str]:
    return frozenset(t.lower_ for t in entity if not (t.is_punct or t.is_space))


def _split(entity: Span) -> tuple[Span, Span] | None:
    """(qualifier, name) of an entity that is a titled person's name, else None.  A PERSON is split only after a
    qualifier ("Manitoba Premier Wab Kinew": the person is the words after the title), and its name needs no first
    name of the name data (the recognizer said it is a person's)."""
    person = entity.label_ == "PERSON"
    if entity.label_ in _NOT_NAMES and not person or entity[0].lower_ == "the":
        return None
    tokens = _name_tokens(entity)
    first = next((k for k, t in enumerate(tokens) if t.lower_ in TITLE_WORDS), None)
    if first is None or first > _MAX_QUALIFIER or (person and first == 0):
        return None
    end = first
    while end < len(tokens) and tokens[end].lower_ in TITLE_WORDS:
        end += 1
    title, name = tokens[first:end], tokens[end:]
    if not any(t.lower_ in PERSON_TITLES for t in title):
        return None
    if not (_names_person_words(name) if person else _names_person(name)):
        return None
    if not all(_capitalized(t) or t.lower_ in ("and", "of") for t in tokens[:end]):
        return None  # "Newfoundland and Labrador Premier"
    doc = entity.doc
    return doc[entity.start : tokens[first].i], doc[name[0].i : name[-1].i + 1]


def _name_tokens(entity: Span) -> list[Token]:
    tokens = [t for t in entity if not t.is_space]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return tokens


def _place_led(entity: Span) -> tuple[Span, Span] | None:
    """(place, name) of an entity that is a province, state or country and a person's name, after "of" or a title
    ("Premier of Manitoba Wab Kinew", "Premier of Québec François Legault" in a caption), else None."""
    doc = entity.doc
    before = doc[entity.start - 1].lower_ if entity.start else ""
    if entity.label_ in _NOT_NAMES and entity.label_ != "PERSON" or before not in TITLE_WORDS | {"of"}:
        return None
    tokens = _name_tokens(entity)
    for k in range(1, min(_MAX_QUALIFIER, len(tokens) - 1)):
        name = tokens[k:]
        if not region_country(" ".join(t.text for t in tokens[:k])):
            continue
        if _names_person_words(name) if entity.label_ == "PERSON" else _names_person(name):
            return doc[entity.start : tokens[k].i], doc[name[0].i : name[-1].i + 1]
    return None


def _party_led(entity: Span) -> tuple[Span, Span] | None:
    """(party, name) of a person's name the recognizer led with a party's word ("fellow Conservative Brian
    Pallister"), else None."""
    if entity.label_ != "PERSON":
        return None
    tokens = _name_tokens(entity)
    for k in (2, 1):
        if " ".join(t.lower_ for t in tokens[:k]) in _PARTY_WORDS and _names_person_words(tokens[k:]):
            doc = entity.doc
            return doc[entity.start : tokens[k].i], doc[tokens[k].i : tokens[-1].i + 1]
    return None


def _abbreviated_place(entity: Span) -> Span:
    """A state's or province's abbreviation after a place and a comma ("Welland, Ont."), which the recognizer may
    take for a person, as a place (GPE); any other entity as it is."""
    doc = entity.doc
    if entity.label_ == "GPE" or len(entity) != 1 or entity.start == 0 or doc[entity.start - 1].text != ",":
        return entity
    after = doc[entity.end].text if entity.end < len(doc) else ""
    written = entity.text if entity.text.endswith(".") else entity.text + "." if after == "." else ""
    if not written or not place_country(written):
        return entity
    return Span(doc, entity.start, entity.end, label="GPE")


def _names_person(name: list[Token]) -> bool:
    """Two or three capitalized words led by a first name, none an organization's ("Private Jet Services")."""
    return gender.is_first_name(name[0].text) if _names_person_words(name) else False


def _names_person_words(name: list[Token]) -> bool:
    """Two or three capitalized words, none an organization's."""
    return 2 <= len(name) <= 3 and all(_capitalized(t) and t.lower_ not in _ORG_NAME_WORDS for t in name)


def _capitalized(token: Token) -> bool:
    """A capitalized word, an abbreviation ("B.C.", "Sgt.") or a joining mark inside a name."""
    return token.is_title or token.is_upper or token.text in ("-", "'", "’", "&")
