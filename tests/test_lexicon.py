"""The word lists under src/claimex/lexicon/data are reviewed data: their form is checked here."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimex.lexicon import table, words

DATA = Path(__file__).resolve().parents[1] / "src" / "claimex" / "lexicon" / "data"
LISTS = sorted(p.stem for p in DATA.glob("*.txt"))
TABLES = sorted(p.stem for p in DATA.glob("*.tsv"))


def test_there_are_lists():
    assert "speech_verbs" in LISTS and "title_words" in LISTS and "phrase_cues" in TABLES


@pytest.mark.parametrize("name", LISTS + TABLES)
def test_a_file_says_what_belongs_in_it(name):
    path = DATA / (f"{name}.txt" if name in LISTS else f"{name}.tsv")
    assert path.read_text(encoding="utf-8").startswith("# "), f"{path.name}: start with a comment saying what it holds"


@pytest.mark.parametrize("name", LISTS)
def test_a_list_is_lower_case_sorted_and_without_repeats(name):
    entries = [
        line for line in (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines() if line and line[0] != "#"
    ]
    assert entries, name
    assert all(e == e.strip().lower() and " " not in e for e in entries), name
    assert entries == sorted(set(entries)), f"{name}.txt: keep it sorted, each entry once"
    assert words(name) == frozenset(entries)


@pytest.mark.parametrize("name", TABLES)
def test_a_table_has_the_same_fields_on_every_row(name):
    rows = table(name)
    assert rows and len({len(row) for row in rows}) == 1 and all(all(field.strip() for field in row) for row in rows)


def test_overlapping_lists_keep_the_relation_their_headers_state():
    # Speaker resolution's abbreviated titles are the abbreviated honorifics plus two abbreviated offices.
    offices = {"sen", "sen.", "rep", "rep."}
    assert offices <= words("title_abbreviations")
    assert words("title_abbreviations") - offices <= words("honorifics")
    assert words("honorifics") - words("title_abbreviations") <= words("title_words")
    # Its organization name words are a narrower list than the profiles'.
    assert words("speaker_org_names") < words("org_name_words")
    # The suffixes as a name's tokens are the normalized suffixes, with and without the period.
    assert {w.rstrip(".") for w in words("name_suffix_tokens")} == words("name_suffixes")


def test_a_noun_is_of_one_organization_kind():
    kinds = [row[0] for row in table("org_kinds")]
    assert len(kinds) == len(set(kinds)) and not set(kinds) & words("generic_org_nouns")
