"""Speaker resolution: from the words at the claim to the fullest name the article gives.

Built on spaCy's entities and parse, as a careful reader resolves a speaker:

* a **name** ("Hua", "Mr. Pompeo", "WALLACE:") becomes the fullest name of that person in the
  article ("Hua Chunying"): the longest PERSON entity holding its words.  Where two people share
  the surname ("Barack Obama", "Michelle Obama") the honorific ("Mr. Obama") decides, then one
  named in full in the same paragraph before, else the one the surname was first used alone for
  (the one named in full just before that use: "Homeland Security Secretary Jeh Johnson says ...
  Johnson tells MSNBC", with Gary Johnson named earlier).  A surname no one named in full bears may
  be another's misspelled by a letter ("McLenney" of "Tyresha McClenney").  In a mention holding
  several names, the person apposed to its head speaks ("the election, Minyon Moore, a senior
  adviser to the Clinton campaign"), as do the named examples of a group ("Critics, like Senators
  Grassley and Leahy").  Organizations and places extend only to names holding their words in a
  row ("Tax Policy Center" -> "Urban-Brookings Tax Policy Center"; "Mexico" is not "Mexico
  City"); an acronym becomes the article's full name whose initials it is ("IMF" ->
  "International Monetary Fund"), also a run of capitalized words the recognizer splits or misses
  ("Immigration, Refugees and Citizenship Canada (IRCC)", "the Parliamentary Budget Officer").  Two coordinated names are one speaker, "A and B".
* a **pronoun**: "he"/"she" become the best-ranked earlier person whose gender agrees
  (:mod:`claimex.lexicon.gender`: honorifics, gendered role nouns, first names), by recency in
  sentences, subject position (above all the subject of a clause holding the pronoun: "Paul Ryan,
  despite admitting that he ..."), having spoken just before, and how often the article names
  them (also by an office they hold, "the president appeared cowed", or a surname the recognizer
  missed); "it" an earlier organization or place; "they" an earlier pair of speakers or group.
  "I", "my", "we" inside a quotation are the quotation's speaker.
* a **description** ("the Indiana governor", "the senator", "A spokeswoman for Hillary
  Clinton") becomes the person the article describes with that role noun and those
  qualifiers ("Indiana Gov. Mike Pence", "Jennifer Palmieri, a spokeswoman for Hillary
  Clinton"), else the person the description ranker (:mod:`claimex.speakermodel.descriptions`,
  learned from GUM) finds likely enough, else stays the description: never a name that only
  qualifies it ("Indiana", "Hillary Clinton").  A work speaks for its author ("a new report by
  Politico"; "the report" later for the latest one's).  "The Trump campaign", "a Quinnipiac
  University poll" are speakers of their own ("Trump campaign"), and "the campaign" later is
  that one, or the campaign of the person the sentence before is about; polls, averages and
  titled works go by their fullest names, data by their named source, and "the poll", "the
  film" are the latest named one.  An organization noun ("the agency", "the union", "A House
  panel") becomes the organization of that kind the article names, and organizations are named
  in full ("U.S. Court of Appeals for the Sixth Circuit").  A relational noun ("his ex-wife",
  "Rubio's spokesman") is the person the article names in that relation, and a headline's
  description ("Former DNC chairman") the one its lede's description is.
* a **relative pronoun** ("which", "who") speaks as its antecedent, after a list of names the
  nearest ("Patti LaBelle and Stevie Wonder, who joked").
* a speaker's **type** comes from all mentions of that name in the article (a name the
  recognizer tags PERSON once and ORG twice is an ORG; one that opens with a first name and is
  described as a person, "former tech executive Carly Fiorina", is a PERSON whatever its
  label), and names lose recognizer debris:
  verbs, possessives and what follows them ("Clinton Said", "Hillary Clinton's Remarks").

Limits, plainly: no coreference model; pronouns are ranked by a linear model over a few features
(:mod:`claimex.speakermodel.ranker`, hand-set weights: ``claimex train-speakers`` learns others from GUM).  A description
whose holder the article never names with that role is read as a pronoun is only when it is a definite epithet with
a name's qualifier ("The GOP nominee") or of an office's past holder ("The former secretary"), the antecedent
ranker's leader is clear and nothing the article says of them conflicts (:mod:`claimex.nlp.attributes`: state,
party, country; only offices that are not it, a race's roles going beside elected offices: "Texas Sen. Ted Cruz"
may be "the GOP presidential candidate", a candidate no "FBI director"); a place no one else is given ("the New York
businessman") goes to them, an office in a place ("the Vermont senator") or mere modifiers ("the retired
neurosurgeon") only when they hold it or were just a subject, a bare office only of a race ("the candidate") or
held.  An epithet opening the main clause also goes on with the person the sentence before is about (its main
subject a name, a claim's speaker or such an epithet: "Mike Pence says ... . The Republican vice presidential nominee
was speaking ... . The Indiana governor said") when nothing conflicts and no one else holds the office: no world
knowledge, so "the retired neurosurgeon" right after a sentence on someone else is that someone.  First
person outside a quotation is the signer of a letter or the person an op-ed's closing note presents ("Charlotte
Meehan is ..."), else stays "I".

The package, one concern a module (arrows point down only: no module imports the resolver; an import-linter
contract in pyproject.toml holds the layers):

* :mod:`.resolver`: :class:`SpeakerResolver`, the coordinator of the strategies above (names, pronouns,
  descriptions, organizations, works), with the article's history of claims.
* :mod:`.body_resolution`: :class:`~.body_resolution.BodyResolver`, the bodies strategy: organization nouns,
  "the state", the campaign holders, named descriptions ("police", "the poll").
* :mod:`.work_resolution`: :class:`~.work_resolution.WorkResolver`, the works strategy: data by their source,
  works under their names or titles, a work's author.
* :mod:`.candidates`: :class:`~.candidates.PersonCandidates`, the people a "he"/"she" may stand for and what the
  antecedent ranker weighs of each (their latest mention, having spoken, being introduced).
* :mod:`.relation_resolution`: :class:`~.relation_resolution.RelationResolver`, the relations strategy: the
  holder of a relational description ("his ex-wife") the article names.
* :mod:`.name_resolution`: :class:`~.name_resolution.NameResolver`, the names strategy: which entity a mention
  names and the fullest name of its referent (shared surnames, coordinated names, acronyms).
* :mod:`.context`: :class:`~.context.ArticleContext`, the Doc, layout, mentions, names strategy and gender evidence
  the resolver's collaborators share.
* :mod:`.people`: the people an article describes and the holders of each role noun (for descriptions).
* :mod:`.gender_evidence`: :class:`~.gender_evidence.GenderEvidence`, the gender an article gives a person.
* :mod:`.person_evidence`: what an article says of a name's person (honorifics, gendered and person nouns, own
  pronouns): gender votes, and whether a name the recognizer calls an ORG is a person.
* :mod:`.mentions`: :class:`~.mentions.MentionIndex`, the named entities by position and name word; types,
  acronyms, misspelled surnames.
* :mod:`.descriptions`: role words, qualifiers, epithets, indefinites of a description.
* :mod:`.layout`: :class:`~.layout.ArticleLayout`, quotations, title, sentences and paragraphs.
* :mod:`.grammar`: dependency-tree predicates (subjects, conjuncts, apposition, relative antecedents, examples).
* :mod:`.acronyms`: acronyms and the capitalized runs that spell them (:func:`spelled_out`).
* :mod:`.names`: name words and name text without recognizer debris (:func:`name_text`, :func:`without_debris`).
* :mod:`.works`: works and their authors ("a new report by Politico").
* :mod:`.named_works`: polls, averages and titled works under their fullest names, data by their named source,
  and "the poll", "the film" as the latest named one.
* :mod:`.organizations`: organization names run on over what the recognizer cut ("for the Sixth Circuit"),
  descriptions of bodies ("A House panel", "the union"), "the campaign", "the state", "The city of Phoenix".
* :mod:`.relations`: relational descriptions ("his ex-wife", "Rubio spokesman Alex Conant") and the ties an
  article states.
* :mod:`.headlines`: a title's description echoed by the lede's ("Former DNC chairman" ... "A former Democratic
  National Committee chairman").
* :mod:`.pronouns`: the pronoun word sets (person, first person, thing, group, distributive).
* :mod:`.determiners`: whether a description introduces someone or something new ("a senior official").
* :mod:`.speaker`: :class:`Speaker`, the value returned.
"""

from .acronyms import spelled_out
from .names import name_text, without_debris
from .pronouns import FIRST_PERSON
from .resolver import SpeakerResolver
from .speaker import Speaker

__all__ = ["FIRST_PERSON", "Speaker", "SpeakerResolver", "name_text", "spelled_out", "without_debris"]
