"""The model and the tables live as long as the process: the cyclic garbage collector is paused
while they are made, then told to leave them alone.

Start-up makes a few hundred thousand objects that are never freed (spaCy and its model, the
stage modules, the actor dictionary, the lexicons). The collector counts allocations, so while
they are made it runs again and again and finds nothing to free; afterwards every full
collection walks them all again. That was about 0.4 s of the 2 s of CPU to a first record.
``gc.freeze()`` moves every object the collector tracks at that moment to a generation it never
walks. Reference counting still frees all of them as usual; only a reference cycle that is
already garbage when ``building()`` ends is never freed, and start-up makes next to none.
"""
from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_depth = 0
_saved_threshold: tuple[int, ...] = ()


@contextlib.contextmanager
def building() -> Iterator[None]:
    """Make long-lived objects inside this block: no automatic collection runs in it, and when
    the outermost block ends, everything made so far is frozen out of the collector's walks.
    Blocks nest and may be entered from several threads at once."""
    global _depth, _saved_threshold
    with _lock:
        if _depth == 0:
            _saved_threshold = gc.get_threshold()
            # a threshold of 0, not gc.disable(): libraries that disable and re-enable the
            # collector around their own loads (srsly does) would switch it back on
            gc.set_threshold(0)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.freeze()
                gc.set_threshold(*_saved_threshold)
