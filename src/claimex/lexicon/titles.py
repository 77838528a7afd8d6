"""Words that are titles or offices, not names, when NER folds them into a name ("Councilor Wang Yi")."""

TITLE_WORDS = frozenset(
    """president vice prime minister secretary spokesman spokeswoman spokesperson ambassador envoy
    chancellor premier governor senator sen. rep. representative congressman congresswoman mayor
    chairman chairwoman chair director general gen. admiral colonel col. lieutenant captain
    commissioner councilor councillor counselor state deputy foreign defense defence interior
    finance trade justice chief executive ceo king queen prince princess sheikh emir pope cardinal
    bishop judge attorney mr. mrs. ms. dr. prof. sir lord lady""".split()
)

#: Forms of address: they say a name is a person's, but are no role ("Mr. Pompeo").
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. prof prof. sir lord lady".split())

#: Title words that only qualify an office ("Deputy", "Foreign", "State" in
#: "Secretary of State"); the other title words name the office holder.
TITLE_MODIFIERS = frozenset(
    "vice prime state deputy foreign defense defence interior finance trade justice executive".split()
)

#: Title words that name a person holding an office ("secretary", "spokeswoman", "President").
PERSON_TITLES = TITLE_WORDS - TITLE_MODIFIERS - HONORIFICS

#: Words linking title words into one office: "Secretary of State", "Minister for the Interior".
TITLE_LINKS = frozenset({"of", "for", "the"})
