"""Word lists: reporting cues (:mod:`.cues`) and people's titles (:mod:`.titles`).  Data only, no logic."""
