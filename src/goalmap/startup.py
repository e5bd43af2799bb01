"""The start of a ``goalmap`` process: the cyclic garbage collector paused while it imports.

Starting a command imports typer, click, pydantic and our own modules: a few hundred
thousand objects that all live until the process ends.  The cyclic collector would walk
them again and again while they are made, finding nothing to free; that was about 5% of
a warm ``goalmap show``.  So the process entry point (``goalmap.__main__``) pauses the
collector before its first import, and the command line resumes it when a command
starts: the objects made so far are frozen (``gc.freeze``: never scanned again) and the
command runs with the collector as usual, so its memory is bounded as before.

Only the entry point pauses the collector; importing goalmap as a library never does,
and ``resume`` is a no-op unless ``pause`` ran in this process.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop the cyclic collector until ``resume`` (if it is running now)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what start-up made and run the collector again, if ``pause`` stopped it."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
