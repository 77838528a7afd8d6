"""``speaker_id``: one name for each speaker across all the articles of a run.

:class:`SpeakerIndex` sees every row's speaker (:meth:`~SpeakerIndex.add`), links the forms that name
the same speaker (:meth:`~SpeakerIndex.link`), then gives each row its speaker's canonical name
(:meth:`~SpeakerIndex.speaker_id`).  The rules, each chosen so that a wrong merge is rarer than a
missed one:

* **People, full names** ("Donald J. Trump", "Hillary Rodham Clinton"): a name joins the fuller name
  it is a shorter form of (:func:`~claimex.corpus.names.subsumes`: same surname and suffix, same
  first name or its initial, middle names some of the fuller name's), when exactly one fullest name
  in the corpus has it; "J. Smith" with both "John Smith" and "Jane Smith" in the corpus stays apart.
  Suffixes never match their absence: "Donald Trump Jr." is not "Donald Trump".
* **Surnames and titles** ("Trump", "Mr. Trump", "President Obama"): the person of that surname the
  article itself names in full, if it names exactly one; else the one the corpus names, if only one
  person of that surname fits the honorific's gender (Mr., Mrs., Ms.) or one holds at least
  :data:`DOMINANCE` of the rows of those that do.  Otherwise the surname stays apart.
* **Organizations and places**: the same name up to case, dots, "the" and a possessive ("F.B.I.",
  "FBI", "the FBI's"); an acronym of three or more letters joins the one full name in the corpus it
  abbreviates ("Federal Bureau of Investigation"); a name of two or more words joins the one longer
  name it ends ("State Department" -> "U.S. State Department"); a country by its name or short form
  ("U.S.", "United States", "USA").  A name of two or more words written as a person's and as an
  organization's ("Carly Fiorina" typed ORG by the recognizer) is one speaker.
* **Unnamed speakers** (pronouns and descriptions the article does not resolve: "it", "officials")
  get no id (``""``): two "officials" in two articles are not one speaker.

A row whose article gives its speaker no country takes the one the corpus gives the same speaker
(:meth:`~SpeakerIndex.country`): the country of at least :data:`COUNTRY_SUPPORT` of its rows and
:data:`COUNTRY_SHARE` of those with any ("Donald Trump" is American in a story that only calls him
"Trump" and "the billionaire"); a speaker whose rows disagree more keeps its rows as they are.

The canonical name of a speaker is its most frequent fullest form: the most frequent full name of a
person ("Donald Trump" over "Donald J. Trump"; never a bare surname when a full name is linked), the
most frequent spelled-out name of an organization (never an acronym when a full name is linked),
spelled as most rows spell it; ties go to the alphabetically first.  Everything is computed from
counts and sets of distinct forms, so the ids do not depend on the order of the inputs or on how the
work was split between workers.

Memory: one entry per distinct speaker form, and one per (article, form) pair of people.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..lexicon.acronyms import is_acronym
from ..normalize.countries import country_name_code, is_demonym
from .names import (
    FEMALE_HONORIFICS,
    MALE_HONORIFICS,
    PersonName,
    acronyms,
    fold,
    is_named,
    org_key,
    person_name,
    subsumes,
    words_of,
)

#: A surname the article does not name in full joins the person of that surname who holds at least
#: this share of the corpus rows of the people it could be.
DOMINANCE = 0.9
MIN_ACRONYM = 3  # "AP" could be anything; "FBI" rarely is
#: ... and is named in full in at least this many rows: a bare "Hicks" is not the one Gregory Hicks
#: quoted once (the articles meant Hope Hicks, whom the recognizer never took for a name).
MIN_SUPPORT = 10

#: A speaker's rows with no country take the one at least this many of its rows have ...
COUNTRY_SUPPORT = 2
#: ... when that is at least this share of its rows with any country.
COUNTRY_SHARE = 0.9

PERSON, SURNAME, ORG = "person", "surname", "org"
Form = tuple[str, str]  # (class, key)


@dataclass
class _FormStats:
    rows: int = 0
    surfaces: Counter[str] = field(default_factory=Counter)
    genders: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)  # of rows not by a surname (those are per article)
    name: PersonName | None = None  # a person's name in parts (the same for every surface of the form)


@functools.lru_cache(maxsize=1 << 16)
def speaker_form(speaker: str, speaker_type: str) -> Form | None:
    """The form a row's speaker is compared by, or None for an unnamed speaker."""
    if speaker_type == "OTHER" or not is_named(speaker):
        return None
    if speaker_type == "PERSON":
        name = person_name(speaker)
        if name is None:
            return None
        return (PERSON if name.full else SURNAME, name.key)
    if speaker_type == "GPE" and (code := country_name_code(speaker)):
        return (ORG, f"country:{code}")
    key = org_key(speaker)
    return (ORG, key) if key else None


_person_name = functools.lru_cache(maxsize=1 << 16)(person_name)


def _mention_gender(mention: str, name: PersonName | None) -> str:
    """ "m"/"f" when the mention is "Mr./Mrs./Ms. <the same surname>"."""
    words = words_of(mention)
    if len(words) < 2 or name is None or fold(words[-1]) != name.surname.split()[-1]:
        return ""
    honorific = fold(words[0])
    return "m" if honorific in MALE_HONORIFICS else "f" if honorific in FEMALE_HONORIFICS else ""


class SpeakerIndex:
    """Speaker forms of a corpus, their links, and the canonical name of each (see the module doc)."""

    def __init__(self) -> None:
        self._forms: dict[Form, _FormStats] = defaultdict(_FormStats)
        self._doc_people: dict[str, set[str]] = defaultdict(set)  # doc_id -> full-name keys
        self._surnames: dict[tuple[str, str], Counter[str]] = {}  # (doc_id, key) -> genders
        self._names: dict[Form, str] = {}
        self._surname_names: dict[tuple[str, str], str] = {}
        self._surname_countries: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self._countries: dict[str, str] = {}  # speaker id -> the country its rows agree on

    def add(self, row: dict) -> None:
        form = speaker_form(row["speaker"], row["speaker_type"])
        if form is None:
            return
        stats = self._forms[form]
        stats.rows += 1
        stats.surfaces[row["speaker"]] += 1
        stats.types[row["speaker_type"]] += 1
        country = row.get("speaker_country", "")
        if country and form[0] == SURNAME:
            self._surname_countries[(row["doc_id"], form[1])][country] += 1
        elif country:
            stats.countries[country] += 1
        if form[0] != ORG:
            name = stats.name = stats.name or _person_name(row["speaker"])
            gender = (name.gender if name else "") or _mention_gender(row.get("speaker_mention", ""), name)
            if gender:
                stats.genders[gender] += 1
            if form[0] == PERSON:
                self._doc_people[row["doc_id"]].add(form[1])
            else:
                self._surnames.setdefault((row["doc_id"], form[1]), Counter())[gender] += 1

    def speaker_id(self, row: dict) -> str:
        """The canonical name of the row's speaker (after :meth:`link`), ``""`` for an unnamed one."""
        form = speaker_form(row["speaker"], row["speaker_type"])
        if form is None:
            return ""
        if form[0] == SURNAME:
            return self._surname_names.get((row["doc_id"], form[1]), "")
        return self._names.get(form, "")

    def country(self, speaker_id: str) -> str:
        """The country a speaker's rows agree on (after :meth:`link`; see the module doc), else ``""``."""
        return self._countries.get(speaker_id, "")

    # -- linking -------------------------------------------------------------------

    def link(self) -> None:
        """Link the forms seen and name every group (call once, after every :meth:`add`)."""
        groups = _UnionFind(sorted(self._forms))
        parsed = {key: stats.name for (cls, key), stats in self._forms.items() if cls == PERSON}
        fullest = _link_people(groups, parsed)
        _link_orgs(groups, [key for cls, key in self._forms if cls == ORG], self._forms)
        for cls, key in sorted(self._forms):  # "Carly Fiorina" typed ORG is the person
            if cls == ORG and " " in key and key in parsed:
                groups.union((ORG, key), (PERSON, key))
        names = self._distinct({root: self._canonical(forms) for root, forms in groups.groups().items()}, groups)
        self._names = {form: names[groups.find(form)] for form in self._forms if form[0] != SURNAME}
        self._link_surnames(groups, parsed, fullest, names)
        self._agree_countries()

    def _agree_countries(self) -> None:
        """The country of each speaker id whose rows agree on one (:data:`COUNTRY_SUPPORT`, :data:`COUNTRY_SHARE`)."""
        by_id: dict[str, Counter[str]] = defaultdict(Counter)
        for form, stats in self._forms.items():
            if form[0] != SURNAME and self._names.get(form):
                by_id[self._names[form]] += stats.countries
        for key, countries in self._surname_countries.items():
            if self._surname_names.get(key):
                by_id[self._surname_names[key]] += countries
        for speaker, countries in by_id.items():
            if countries:
                top, rows = min(countries.items(), key=lambda item: (-item[1], item[0]))
                if rows >= COUNTRY_SUPPORT and rows >= COUNTRY_SHARE * countries.total():
                    self._countries[speaker] = top

    def _distinct(self, names: dict[Form, str], groups: _UnionFind) -> dict[Form, str]:
        """Groups that came to one name ("Washington" the place and the person) told apart by their
        type: every group but the one with the most rows gets " (TYPE)" after its name."""
        rows: Counter[Form] = Counter()
        types: dict[Form, Counter[str]] = defaultdict(Counter)
        for form, stats in self._forms.items():
            rows[groups.find(form)] += stats.rows
            types[groups.find(form)] += stats.types
        by_name: dict[str, list[Form]] = defaultdict(list)
        for root, name in names.items():
            by_name[name].append(root)
        for name, roots in by_name.items():
            for root in sorted(roots, key=lambda r: (-rows[r], r))[1:]:
                kind = min(types[root], key=lambda t: (-types[root][t], t))
                names[root] = f"{name} ({kind})"
        return names

    def _canonical(self, forms: list[Form]) -> str:
        def fullest(form: Form) -> int:
            cls, key = form
            if cls == PERSON:
                return 2
            if cls == ORG:
                surface = self._forms[form].surfaces.most_common(1)[0][0]
                return 1 if is_acronym(surface) else 2
            return 0

        top = max(fullest(f) for f in forms)
        best = min((f for f in forms if fullest(f) == top), key=lambda f: (-self._forms[f].rows, f))
        surfaces = self._forms[best].surfaces
        return min(surfaces, key=lambda s: (-surfaces[s], s))

    def _link_surnames(
        self, groups: _UnionFind, parsed: dict[str, PersonName | None], fullest: dict, names: dict
    ) -> None:
        """Name each (article, surname) pair: the article's own person, else the corpus's (see module doc)."""
        rows_of: Counter[Form] = Counter()
        genders_of: dict[Form, Counter[str]] = defaultdict(Counter)
        for key in parsed:
            root = groups.find((PERSON, key))
            rows_of[root] += self._forms[(PERSON, key)].rows
            genders_of[root] += self._forms[(PERSON, key)].genders
        as_first, as_surname = _name_uses(self._forms, parsed)
        # Names typed as organizations still compete for their surname ("Carly Fiorina" typed ORG).
        rivals_of: Counter[str] = Counter()
        for cls, key in self._forms:
            if cls == ORG and " " in key and not key.startswith("country:"):
                rivals_of[key.rsplit(" ", 1)[1]] += self._forms[(ORG, key)].rows
        for (doc_id, key), genders in sorted(self._surnames.items()):
            wanted = _surname_of(self._forms[(SURNAME, key)].name)
            people = self._doc_people.get(doc_id, ())
            own = {groups.find((PERSON, k)) for k in people if _surname_of(parsed[k]) == wanted}
            # "John" is far more often a first name than a surname: it could be anyone.
            surname_like = as_surname[key] >= DOMINANCE * (as_surname[key] + as_first[key])
            if not own and surname_like:
                candidates = {groups.find((PERSON, k)) for k in fullest.get(wanted, ())}
                rivals = rivals_of[key] if wanted and not wanted[1] else 0
                own = _corpus_choice(candidates, rows_of, genders_of, _vote(genders), rivals)
            alone = names[groups.find((SURNAME, key))]
            self._surname_names[(doc_id, key)] = names[next(iter(own))] if len(own) == 1 else alone


def _name_uses(forms: dict, parsed: dict[str, PersonName | None]) -> tuple[Counter, Counter]:
    """Rows of full names that use each word as their first name, and as their surname."""
    as_first: Counter[str] = Counter()
    as_surname: Counter[str] = Counter()
    for key, name in parsed.items():
        if name is not None:
            as_first[name.given[0]] += forms[(PERSON, key)].rows
            as_surname[name.surname] += forms[(PERSON, key)].rows
    return as_first, as_surname


def _surname_of(name: PersonName | None) -> tuple[str, str] | None:
    return (name.surname, name.suffix) if name else None


def _vote(genders: Counter[str]) -> str:
    """The gender most evidence gives, if it is clear (no evidence the other way)."""
    male, female = genders.get("m", 0), genders.get("f", 0)
    return "m" if male and not female else "f" if female and not male else ""


def _corpus_choice(candidates: set, rows_of: Counter, genders_of: dict, gender: str, rivals: int) -> set:
    """The one person (group root) a bare surname stands for in the corpus, as a set of 0 or 1;
    ``rivals`` are rows of names with that surname typed as organizations."""
    fitting = sorted(c for c in candidates if not gender or _vote(genders_of[c]) in ("", gender))
    if not fitting:
        return set()
    best = min(fitting, key=lambda c: (-rows_of[c], c))
    total = sum(rows_of[c] for c in fitting) + rivals
    return {best} if rows_of[best] >= max(DOMINANCE * total, MIN_SUPPORT) else set()


def _link_people(groups: _UnionFind, parsed: dict[str, PersonName | None]) -> dict:
    """Join each full name to the one fullest name it is a form of; return the fullest names by
    (surname, suffix)."""
    by_surname: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, name in sorted(parsed.items()):
        if name is not None:
            by_surname[(name.surname, name.suffix)].append(key)
    known = {key: name for key, name in parsed.items() if name is not None}
    fullest: dict[tuple[str, str], set] = defaultdict(set)
    for surname, keys in by_surname.items():
        fuller = _FullerForms(keys, known)
        tops = [k for k in keys if not any(o != k and subsumes(known[o], known[k]) for o in fuller.of(k))]
        top_set = set(tops)
        for key in keys:
            above = [t for t in fuller.of(key) if t in top_set and subsumes(known[t], known[key])]
            if len(above) == 1:
                groups.union((PERSON, above[0]), (PERSON, key))
        fullest[surname] = top_set
    return fullest


class _FullerForms:
    """The names of one surname that may be fuller forms of a name: those sharing its first given name, or starting
    with its initial (:func:`subsumes` asks no more), so that a surname ten thousand people share in a corpus is not
    compared pair by pair."""

    def __init__(self, keys: list[str], known: dict[str, PersonName]):
        self._known, self._all = known, keys
        self._by_given: dict[str, list[str]] = defaultdict(list)
        self._by_initial: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            given = known[key].given
            if given:
                self._by_given[given[0]].append(key)
                self._by_initial[given[0][:1]].append(key)

    def of(self, key: str) -> list[str]:
        """The names that may hold ``key``'s, in the order given (``key`` among them)."""
        given = self._known[key].given
        if not given:
            return self._all
        return self._by_initial[given[0]] if len(given[0]) == 1 else self._by_given[given[0]]


def _link_orgs(groups: _UnionFind, keys: list[str], forms: dict) -> None:
    """Acronyms to the one full name they abbreviate; a short name to the one longer name that only
    puts a country before it ("U.S. State Department"; not "University of New Hampshire")."""
    spelled = {key: forms[(ORG, key)].surfaces.most_common(1)[0][0] for key in keys}
    full = [k for k in keys if not is_acronym(spelled[k]) and not k.startswith("country:")]
    by_acronym: dict[str, set[str]] = defaultdict(set)
    by_ending: dict[str, set[str]] = defaultdict(set)
    for key in full:
        for acronym in acronyms(spelled[key]):
            by_acronym[acronym].add(key)
        for ending in _qualified_endings(spelled[key]):
            by_ending[ending].add(key)
    kind = {key: forms[(ORG, key)].types.most_common(1)[0][0] for key in keys}
    for key in sorted(keys):
        if is_acronym(spelled[key]) and len(key) >= MIN_ACRONYM:
            targets = {groups.find((ORG, k)) for k in by_acronym.get(key, ()) if k != key}
        elif key in by_ending:
            targets = {groups.find((ORG, k)) for k in by_ending[key] if kind[k] == kind[key]}
        else:
            continue
        if len(targets) == 1:
            groups.union(next(iter(targets)), (ORG, key))


def _qualified_endings(name: str) -> list[str]:
    """Keys of the names of two or more words that ``name`` ends with after a country's name or
    demonym ("U.S. State Department", "American Red Cross"; not "New York State Republican Party")."""
    words = words_of(name)
    if words and words[0].lower() == "the":
        words = words[1:]
    endings = []
    for start in range(1, len(words) - 1):
        qualifier = " ".join(words[:start])
        if country_name_code(qualifier) or is_demonym(qualifier):
            endings.append(org_key(" ".join(words[start:])))
    return endings


class _UnionFind:
    """Disjoint sets of forms; the root of a set is its smallest member (deterministic)."""

    def __init__(self, items: list) -> None:
        self._parent = {item: item for item in items}

    def find(self, item):
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self._parent[high] = low

    def groups(self) -> dict:
        out: dict = defaultdict(list)
        for item in self._parent:
            out[self.find(item)].append(item)
        return out
