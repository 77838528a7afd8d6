"""What a description or a descriptor says of a person's state, party and country, however it is written.

News describes one politician in several forms: "Sen. Lindsey Graham (R-S.C.)", "the South Carolina
senator", "the GOP senator", "Rep. Paul Ryan, R-Wis.", "the Republican from Wisconsin".  :func:`attributes`
reads a text into normalized keys (``state:SC``, ``party:republican``, ``country:FRA``) so that a
description's qualifiers can be compared with what the article says of a named person: a state named in full,
by its AP abbreviation ("S.C.", "Calif.") or in a party-state tag ("R-S.C.", "D-NY"); a party by its name or
nickname ("GOP", "Dem") or a tag's letter; a country by its name or demonym ("French"; not its capital).  :func:`conflict` says
whether two sets of keys disagree (one state for the description, another for the person).

Data: ``lexicon/data/us_states.tsv`` (from the ``us`` package) and ``party_forms.tsv``.  Limits, plainly: US
states and parties only (no provinces or other countries' parties); "Washington" alone is the city, not the
state; a postal code ("SC") counts only inside a party tag, where it cannot be a word.
"""

from __future__ import annotations

import functools
import re

from ..lexicon import table as lexicon_table
from ..normalize.countries import country_code, country_name_code, is_demonym

KINDS = ("state", "party", "country")
_AMBIGUOUS_STATE_NAMES = frozenset({"Washington"})  # the capital more often than the state


@functools.cache
def _states() -> tuple[dict[str, str], dict[str, str]]:
    """(state name or AP abbreviation -> postal code, postal code -> postal code)."""
    by_form: dict[str, str] = {}
    postal: dict[str, str] = {}
    for name, code, ap in lexicon_table("us_states"):
        if name not in _AMBIGUOUS_STATE_NAMES:
            by_form[name] = code
        by_form[ap] = code
        postal[code] = code
    return by_form, postal


@functools.cache
def _parties() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon_table("party_forms")}


@functools.cache
def _state_pattern() -> re.Pattern[str]:
    forms = sorted(_states()[0], key=len, reverse=True)
    alternatives = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w.])({alternatives})(?![\w])")


_TAG = re.compile(r"(?<![\w-])([RDI])\s?[-–]\s?([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)")
_TAG_PART = re.compile(r"[A-Za-z][A-Za-z.]*")
_WORD = re.compile(r"[A-Za-z][A-Za-z.'’-]*")


def attributes(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(keys, covered words) of ``text``: the normalized ``kind:value`` keys it states, and the lowercase words
    that stated them (so a caller comparing words can leave those out)."""
    keys: set[str] = set()
    covered: set[str] = set()
    rest = text
    for match in _TAG.finditer(text):
        state = _state_of(match.group(2))
        if state is not None:
            keys.update({f"party:{_parties()[match.group(1).lower()]}", f"state:{state}"})
            covered.update(w.lower() for w in _TAG_PART.findall(match.group(0)))
            rest = rest.replace(match.group(0), " ")
    for match in _state_pattern().finditer(rest):
        keys.add(f"state:{_states()[0][match.group(1)]}")
        covered.update(w.lower() for w in _WORD.findall(match.group(1)))
        rest = rest.replace(match.group(1), " ")
    for word in _WORD.findall(rest):
        word = re.sub(r"['’]s?$", "", word)  # "Germany's"
        if not word:
            continue
        lower = word.lower().rstrip(".")
        party = _parties().get(lower) if len(lower) > 1 else None
        if party is not None:
            keys.add(f"party:{party}")
            covered.add(word.lower())
        elif word[0].isupper():
            # A country by name or demonym, not by its capital ("London" may be the city alone).
            country = country_name_code(word) or (country_code(word) if is_demonym(word) else "")
            if country:
                keys.add(f"country:{country}")
                covered.add(word.lower())
    return frozenset(keys), frozenset(covered)


def _state_of(written: str) -> str | None:
    """The postal code of a tag's state ("S.C.", "Wis.", "NY", "New York"), or None."""
    by_form, postal = _states()
    written = written.strip()
    if written in by_form:
        return by_form[written]
    if written.replace(".", "") in postal:
        return written.replace(".", "")
    first = written.split(" ")[0]
    return by_form.get(first) or by_form.get(first.rstrip(".")) or by_form.get(first.rstrip(".") + ".")


@functools.cache
def _state_names() -> frozenset[str]:
    """The states' full names (a name after "of" is a state only written out: "of Wis." is rare and "of Ind." odd)."""
    return frozenset(row[0] for row in lexicon_table("us_states")) - _AMBIGUOUS_STATE_NAMES


def conflict(wanted: frozenset[str], known: frozenset[str]) -> bool:
    """Whether ``known`` keys state another value of a kind that ``wanted`` states ("the Vermont senator" and a
    senator described as "R-S.C.")."""
    for kind in KINDS:
        want = {k for k in wanted if k.startswith(kind + ":")}
        have = {k for k in known if k.startswith(kind + ":")}
        if want and have and not want & have:
            return True
    return False


_TAG_AFTER = re.compile(r"\s*[(,]\s*[RDI]\s?[-–]\s?[A-Z]")


_STATE_AFTER = re.compile(r"\s*,?\s*(?:of|from)\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)")


def tag_after(text: str) -> frozenset[str]:
    """The keys of a party-state tag or a state opening ``text``, the words right after a name ("Lindsey Graham
    (R-S.C.)", "Paul Ryan, R-Wis., said", "Scott Walker of Wisconsin"); else none."""
    of_state = _STATE_AFTER.match(text)
    if of_state is not None:
        words = of_state.group(1).split(" ")
        for name in (" ".join(words), words[0]):
            if name in _state_names():
                return frozenset({f"state:{_states()[0][name]}"})
    return party_tag_after(text)


def party_tag_after(text: str) -> frozenset[str]:
    """The keys of a party-state tag opening ``text`` ("(R-S.C.)", ", D-Calif.,"); else none."""
    if not _TAG_AFTER.match(text):
        return frozenset()
    tag = _TAG.search(text)
    return attributes(tag.group(0))[0] if tag is not None else frozenset()
