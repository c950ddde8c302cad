"""Notes on stderr that a run gives once, however many files ask."""

from __future__ import annotations

import sys

_GIVEN: set[str] = set()


def note_once(message: str) -> None:
    """Print ``message`` on stderr the first time it is asked for in this process."""
    if message in _GIVEN:
        return
    _GIVEN.add(message)
    try:
        print(message, file=sys.stderr)
    except (OSError, ValueError, AttributeError):  # stderr closed: nothing more to do
        pass
