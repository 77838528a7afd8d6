"""Country names, demonyms, short forms and capitals -> ISO 3166-1 alpha-3.

Sources
-------
* The list of countries and their names (``name``, ``official_name``,
  ``common_name``) comes from :mod:`pycountry` (ISO 3166-1).  Comma forms are
  turned around ("Korea, Republic of" -> "Republic of Korea"), parenthesised
  qualifiers dropped ("Holy See (Vatican City State)" -> "Holy See") and
  accent-free and "St."/"St" spellings added.
* Demonyms, short forms, capitals and "stop" phrases come from the reviewed
  table ``claimex/data/country_aliases.tsv`` (its header says where each part
  comes from).  Regular plurals of demonyms ("Syrians") are derived here.

Matching is case-sensitive ("US" is the United States, "us" is not); an
ALL-CAPS spelling of a form of four or more characters is accepted too
("BEIJING", "SYRIA"), as datelines and headlines use them.

Limits
------
* Ambiguous names map to the country: "Georgia", "Jordan", "Chad", "Niger",
  "Turkey", "Washington" (the capital) -- a US state or a person's name with
  the same spelling is reported as that country unless the caller only passes
  entities with country-like NER labels.
* Regions inside a country (Xinjiang, Texas, Crimea, Homs, Scotland) are not
  countries.  Territories with their own ISO code (Hong Kong, Puerto Rico,
  Greenland, ...) are, because pycountry lists them.  Kosovo has no ISO code
  and is not found.
* "Korean" alone is not mapped (North or South?); "Congolese" maps to COD and
  "Dominican" to DOM (see the table's header).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ADJECTIVE_FORMS",  # noqa: F822  (built on first use by the module __getattr__)
    "country_code",
    "countries_in",
    "in_stop_phrase",
    "is_demonym",
]

#: Kinds of rows in ``country_aliases.tsv`` plus ``name`` for pycountry names.
KINDS = ("demonym", "short", "capital", "name", "stop")

_ALIASES_PATH = Path(__file__).resolve().parent.parent / "data" / "country_aliases.tsv"

#: NER labels whose entities may name a country.
ENTITY_LABELS = frozenset({"GPE", "NORP", "LOC", "ORG"})

# Kinds scanned in the running text when NER entities are supplied too.
_TEXT_KINDS_WITH_ENTITIES = frozenset({"demonym", "short", "stop"})

# Length-preserving clean-up applied before matching: curly apostrophes and
# no-break spaces.
_TRANSLATE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " "})


@dataclass(frozen=True)
class _Tables:
    code: dict[str, str]  # form -> alpha-3 ("" for stop phrases)
    kind: dict[str, str]  # form -> kind
    regex: re.Pattern[str]


@functools.cache
def _alias_rows() -> tuple[tuple[str, str, str], ...]:
    """(alias, alpha3, kind) rows of the reviewed alias table."""
    text = _ALIASES_PATH.read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alias, alpha3, kind = line.split("\t")
        if alias == "alias" and kind == "kind":  # column header
            continue
        rows.append((alias, "" if alpha3 == "-" else alpha3, kind))
    return tuple(rows)


def _fold(s: str) -> str:
    """Drop accents: "Türkiye" -> "Turkiye", "Côte d'Ivoire" -> "Cote d'Ivoire"."""
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _spellings(form: str) -> list[str]:
    """``form`` plus its accent-free and "St."/"St" spellings."""
    out = [form]
    if form.startswith("Saint "):
        rest = form[len("Saint ") :]
        out += ["St. " + rest, "St " + rest]
    out += [_fold(s) for s in out]
    return list(dict.fromkeys(out))


def _plural(demonym: str) -> str:
    """Regular plural of a demonym noun, or "" when it has none ("Chinese")."""
    if demonym.endswith(("ese", "sh", "ch", "s", "man", "men", "ic")):
        return ""
    if demonym in {"Malagasy", "Basotho", "Batswana", "Motswana", "Ni-Vanuatu", "I-Kiribati", "Philippine"}:
        return ""
    return demonym + "s"


def _strip_article(s: str) -> str:
    for article in ("the ", "The ", "THE "):
        if s.startswith(article):
            return s[len(article) :]
    return s


def _pycountry_forms(name: str) -> list[str]:
    """Text forms of one pycountry name."""
    name = name.translate(_TRANSLATE).strip()
    forms = [name]
    paren = re.search(r"\s*\(([^)]*)\)", name)
    base = name
    if paren:
        base = (name[: paren.start()] + name[paren.end() :]).strip()
        base = re.sub(r"\s+", " ", base)
        inner = paren.group(1).strip()
        # "(Vatican City State)", "(Malvinas)" are names; "(French part)" and a
        # parenthesis in the middle ("Cocos (Keeling) Islands") are not.
        if paren.end() == len(name) and "part" not in inner.split():
            forms.append(inner)
        forms.append(base)
    if "," in base:
        head, tail = (p.strip() for p in base.split(",", 1))
        if re.search(r"\bof(?: the)?$", tail, flags=re.I) or " " not in tail:
            # "Korea, Republic of" -> "Republic of Korea";
            # "Virgin Islands, British" -> "British Virgin Islands".
            forms.append(_strip_article(f"{tail} {head}"))
        else:
            # "Taiwan, Province of China" -> "Taiwan".
            forms.append(head)
    forms = [_strip_article(f) for f in forms]
    out: list[str] = []
    for f in forms:
        out += _spellings(f)
    return list(dict.fromkeys(out))


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation as a character trie: linear to scan, longest first."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not alts:
            return ""
        if len(alts) == 1 and not end:
            return alts[0]
        # Greedy optional group: the longer continuation is tried first, and
        # the shorter form is the fallback when the longer one fails.
        return "(?:" + "|".join(alts) + ")" + ("?" if end else "")

    return build(trie)


@functools.cache
def _tables() -> _Tables:
    import pycountry  # imported lazily: its database load is the slow part

    code: dict[str, str] = {}
    kind: dict[str, str] = {}
    exact: set[str] = set()

    def put(form: str, alpha3: str, k: str, *, primary: bool) -> None:
        if not form:
            return
        if primary:
            code[form], kind[form] = alpha3, k
            exact.add(form)
        elif form not in code:
            code[form], kind[form] = alpha3, k

    # 1. pycountry names (the country list itself).
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if not value:
                continue
            for form in _pycountry_forms(value):
                put(form, c.alpha_3, "name", primary=False)

    # 2. The reviewed table wins over derived names.
    for alias, alpha3, k in _alias_rows():
        for i, form in enumerate(_spellings(alias)):
            put(form, alpha3, k, primary=(i == 0))
    for alias, alpha3, k in _alias_rows():
        if k == "demonym":
            put(_plural(alias), alpha3, k, primary=False)
        elif k == "stop" and alias.endswith("a"):
            # A place's people stop too: "British Columbia" -> "British Columbian(s)", not British.
            for form in (alias + "n", alias + "ns"):
                put(form, alpha3, k, primary=False)

    # 3. ALL-CAPS spellings of forms with four or more characters.
    for form in list(code):
        upper = form.upper()
        if upper != form and sum(ch.isalpha() for ch in form) >= 4:
            put(upper, code[form], kind[form], primary=False)

    pattern = r"(?<!\w)(?:" + _trie_pattern(code) + r")(?!\w)"
    return _Tables(code=code, kind=kind, regex=re.compile(pattern))


def _clean(name: str) -> str:
    s = " ".join(name.translate(_TRANSLATE).split())
    s = s.strip(' ,;:!?"()[]')
    for suffix in ("'s", "'"):
        if s.endswith(suffix) and len(s) > len(suffix) + 1:
            s = s[: -len(suffix)]
            break
    return _strip_article(s)


def country_code(name: str) -> str:
    """ISO 3166-1 alpha-3 code for a country name, short form, demonym or capital.

    >>> country_code("the United States"), country_code("Syrian"), country_code("Beijing")
    ('USA', 'SYR', 'CHN')
    >>> country_code("Xinjiang"), country_code("us")
    ('', '')
    """
    if not name:
        return ""
    t = _tables()
    s = _clean(name)
    for candidate in (s, s + "."):  # "U.S" as some tokenizers cut "U.S."
        if candidate in t.code:
            return t.code[candidate]
    return ""


def country_name_code(name: str) -> str:
    """Like :func:`country_code`, but only for a country's name or short form ("U.S.", "the United
    States"), not its capital or demonym ("Beijing", "Chinese" give ``""``).

    >>> country_name_code("U.S."), country_name_code("Beijing")
    ('USA', '')
    """
    if not name:
        return ""
    t = _tables()
    s = _clean(name)
    for candidate in (s, s + "."):
        if candidate in t.code and t.kind[candidate] in ("name", "short"):
            return t.code[candidate]
    return ""


def _scan(text: str, kinds: frozenset[str] | None = None) -> set[str]:
    t = _tables()
    found: set[str] = set()
    for m in t.regex.finditer(text.translate(_TRANSLATE)):
        form = m.group(0)
        if kinds is not None and t.kind[form] not in kinds:
            continue
        if t.code[form]:
            found.add(t.code[form])
    return found


def in_stop_phrase(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a longer phrase that names no country ("British" in "British
    Columbians", "Mexico" in "New Mexico"), so that a recognizer's entity cut out of it is not one.

    >>> in_stop_phrase("All British Columbians", 4, 11), in_stop_phrase("All British troops", 4, 11)
    (True, False)
    """
    t = _tables()
    for m in t.regex.finditer(text.translate(_TRANSLATE)):
        if m.start() <= start and end <= m.end() and t.kind[m.group(0)] == "stop":
            return True
    return False


def countries_in(text: str, entities: Iterable[tuple[str, str]] | None = None) -> list[str]:
    """Sorted unique alpha-3 codes of the countries ``text`` mentions.

    Without ``entities`` the text is scanned for every known form (names,
    short forms, demonyms, capitals) on word boundaries.  With ``entities``
    -- ``(text, label)`` pairs from NER -- those labelled GPE, NORP, LOC or ORG
    are resolved (whole, else scanned: "Chinese Foreign Ministry" -> CHN) and
    the text is scanned for demonyms and short forms only, so a PERSON named
    "Jordan" is not taken for the country.
    """
    if entities is None:
        found = _scan(text or "")
    else:
        found = set()
        for ent_text, label in entities:
            if label not in ENTITY_LABELS or not ent_text:
                continue
            code = country_code(ent_text)
            if code:
                found.add(code)
            else:
                found |= _scan(ent_text)
        found |= _scan(text or "", _TEXT_KINDS_WITH_ENTITIES)
    return sorted(found)


def is_demonym(word: str) -> bool:
    """True if ``word`` is a nationality adjective or noun ("Syrian", "Syrians", "Chinese").

    Case-sensitive like :func:`country_code`; ethnic or regional words
    ("Uighur", "Kurdish", "Muslim") are not demonyms here.
    """
    t = _tables()
    s = _clean(word)
    return t.kind.get(s) == "demonym"


@functools.cache
def _adjective_forms() -> frozenset[str]:
    forms: set[str] = set()
    for alias, _alpha3, kind in _alias_rows():
        if kind == "demonym":
            forms.update(_spellings(alias))
    return frozenset(forms)


def __getattr__(name: str):  # PEP 562: ADJECTIVE_FORMS is built on first use
    if name == "ADJECTIVE_FORMS":
        return _adjective_forms()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
