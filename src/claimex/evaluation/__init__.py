"""Scoring a claims table against gold attributions (:mod:`.scoring`).  Above the runtime: nothing in
claimex's extraction imports it."""
