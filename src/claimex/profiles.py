"""Speaker profiles: role, organization and country from the words around a name.

The article describes a speaker once, usually at the first mention:
"Foreign Ministry spokeswoman Hua Chunying", "Syrian President Bashar Assad",
"Imad Moustapha, the Syrian ambassador to China", "the spokesperson of the
Chinese Foreign Ministry Geng Shuang".  The profile reads the descriptors of
every mention of the speaker's entity (titles before the name, an apposition,
the noun the name is apposed to) and keeps the richest.

* role: the descriptor without determiners, possessives and nationality
  adjectives ("Foreign Ministry spokeswoman", "President", "ambassador to China");
* org: an organization named in the descriptor, or the speaker itself when it
  is one ("Foreign Ministry");
* country: a nationality adjective or country in the descriptor, else the
  organization's, else a country or capital speaking for itself ("Beijing
  says"), else, for an unqualified government body, the country of the
  story's dateline.

Limits, plainly: one profile per entity and article (a person who changes
role mid-story keeps the first); a descriptor the parser does not attach to
the name is not seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .normalize import countries
from .titles import TITLE_WORDS

GOVERNMENT_WORDS = frozenset({"ministry", "government", "embassy", "cabinet", "parliament", "military", "army"})
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{2,}?)\s*(?:,|\(|—|–|-{1,2})", re.MULTILINE)


@dataclass(frozen=True)
class Profile:
    role: str = ""
    org: str = ""
    country: str = ""


def speaker_profile(claim: Span) -> Profile:
    """The role, organization and country of a claim's speaker ("" where the article gives none)."""
    entity = claim._.speaker_entity
    mention = claim._.speaker
    kind = claim._.speaker_type
    doc = claim.doc
    if kind in ("GPE", "NORP") and entity is not None:
        return Profile(country=countries.country_code(entity.text))
    if kind == "ORG" and entity is not None:
        return _org_profile(entity, doc)
    descriptors = []
    if entity is not None:
        descriptors = [d for occurrence in _occurrences(entity) for d in _descriptors(occurrence)]
    if not descriptors and mention is not None and mention.root.pos_ == "NOUN":
        descriptors = [list(mention)]
    if not descriptors:
        return Profile()
    best = max(descriptors, key=lambda tokens: _richness(tokens))
    role = _role_text(best)
    org = _org_in(best)
    country = _country_in(best) or (next(iter(countries.countries_in(org)), "") if org else "")
    if not country and _is_government(best):
        country = dateline_country(doc.text)
    return Profile(role=role, org=org, country=country)


def _org_profile(entity: Span, doc: Doc) -> Profile:
    tokens = list(entity)
    before = doc[max(entity.start - 3, 0) : entity.start]
    country = _country_in(tokens) or _country_in(list(before))
    if not country and _is_government(tokens):
        country = dateline_country(doc.text)
    return Profile(org=_strip_nationality(tokens), country=country)


def _occurrences(entity: Span) -> list[Span]:
    """Every entity in the article sharing the speaker's last name word."""
    last = entity[-1].lower_
    return [e for e in entity.doc.ents if e.label_ == entity.label_ and e[-1].lower_ == last]


def _descriptors(name: Span) -> list[list[Token]]:
    """Word lists describing the person named by ``name``."""
    doc = name.doc
    found = []
    root = name.root
    titles = [t for t in name if t.lower_ in TITLE_WORDS]
    left = [t for t in doc[root.left_edge.i : name.start] if not t.is_punct]
    if titles or left:
        found.append(left + titles)
    for child in root.children:
        if child.dep_ == "appos" and not child.ent_type_ == "PERSON":
            found.append(list(child.subtree))
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        head = root.head
        found.append([t for t in head.subtree if t.i < root.left_edge.i and not t.is_punct])
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        role_noun = root.head.head
        found.append([role_noun, root.head, *left])
    return [d for d in found if d]


def _richness(tokens: list[Token]) -> tuple[int, int]:
    has_title = any(t.lower_ in TITLE_WORDS or t.pos_ == "NOUN" for t in tokens)
    return (int(has_title), len(tokens))


def _role_text(tokens: list[Token]) -> str:
    words = [t for t in tokens if not (t.dep_ in ("det", "poss", "case") or t.tag_ == "POS")]
    words = [t for t in words if not countries.is_demonym(t.text)]
    # Drop a possessor's words ("the Chinese government’s top diplomat" -> "top diplomat").
    poss_heads = [t for t in tokens if t.dep_ == "poss"]
    drop = {s.i for p in poss_heads for s in p.subtree}
    words = [t for t in words if t.i not in drop]
    while words and (words[0].is_punct or words[0].pos_ in ("DET", "ADP")):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].pos_ in ("DET", "ADP")):
        words = words[:-1]
    words = sorted(words, key=lambda t: t.i)
    return " ".join(t.text for t in words)


def _org_in(tokens: list[Token]) -> str:
    doc = tokens[0].doc
    indices = {t.i for t in tokens}
    for ent in doc.ents:
        if ent.label_ == "ORG" and any(i in indices for i in range(ent.start, ent.end)):
            return _strip_nationality([t for t in ent if t.i in indices or True])
    return ""


def _strip_nationality(tokens: list[Token]) -> str:
    words = [t for t in tokens if t.lower_ != "the" and t.tag_ != "POS"]
    if words and words[-1].tag_ == "POS":
        words = words[:-1]
    while words and (countries.is_demonym(words[0].text) or countries.country_code(words[0].text)):
        words = words[1:]
    return " ".join(t.text for t in words)


def _country_in(tokens: list[Token]) -> str:
    for token in tokens:
        if token.lower_ == "to":  # "ambassador to China": the country after "to" is the host
            break
        code = countries.country_code(token.text)
        if code:
            return code
    return ""


def _is_government(tokens: list[Token]) -> bool:
    return any(t.lower_ in GOVERNMENT_WORDS for t in tokens)


def dateline_country(text: str) -> str:
    """The country of the story's dateline city ("BEIJING, November 6 (INP):" -> CHN), or ""."""
    for match in _DATELINE.finditer(text[:2000]):
        code = countries.country_code(match.group(1).strip().title())
        if code:
            return code
    return ""
