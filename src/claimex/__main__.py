"""``python -m claimex``: the same command line as the ``claimex`` script (for a Python whose scripts folder is not on
PATH, or to pick the interpreter)."""

from claimex.cli import main

if __name__ == "__main__":
    main()
