"""Words that are titles or offices, not names, when NER folds them into a name ("Councilor Wang Yi")."""

TITLE_WORDS = frozenset(
    """president vice prime minister secretary spokesman spokeswoman spokesperson ambassador envoy
    chancellor premier governor senator sen. rep. representative congressman congresswoman mayor
    chairman chairwoman chair director general gen. admiral colonel col. lieutenant captain
    commissioner councilor councillor counselor state deputy foreign defense defence interior
    finance trade justice chief executive ceo king queen prince princess sheikh emir pope cardinal
    bishop judge attorney mr. mrs. ms. dr. prof. sir lord lady""".split()
)
