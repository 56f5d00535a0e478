"""Built tables kept on disk between processes, so a start-up reads them instead of building
them again (the actor dictionary, the event lexicon, the inflated gazetteer).

An entry is named by a hash of what it is built from: each source file's path, size and
modification time, and the source of the code that builds it. Editing a data file, a user's
dictionary or the building module makes a new entry; when it is written, the entries of the
same table that no process has read for ``STALE_AFTER_DAYS`` are removed (an entry's
modification time is set each time one is read, so the entries of two installations that share
the directory are both kept while both are in use). Entries are written to a temporary file
and renamed, so a reader never sees half of one and two processes building at once both
succeed.

The directory is ``$EVENTWIRE_CACHE``, else ``$XDG_CACHE_HOME/eventwire``, else
``~/.cache/eventwire``. ``EVENTWIRE_CACHE=off`` (or a directory that cannot be written) builds
every table in the process, as before: the cache changes start-up time, never a result.

Entries are pickles written by this user's own processes into this user's own directory;
loading one is as trusted as the code that wrote it.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import mmap
import os
import pickle
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from . import longlived

log = logging.getLogger(__name__)

ENV_VAR = "EVENTWIRE_CACHE"
_OFF = {"off", "0", "no", "false"}
STALE_AFTER_DAYS = 7


def cache_dir() -> Path | None:
    """Where entries live; None when the cache is switched off."""
    value = os.environ.get(ENV_VAR, "").strip()
    if value.lower() in _OFF:
        return None
    if value:
        return Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventwire"


def entry_key(name: str, sources: Iterable[str | os.PathLike]) -> str:
    """``name`` and a digest of its sources' paths, sizes and modification times."""
    digest = hashlib.sha256(name.encode())
    for source in sources:
        path = os.fspath(source)
        try:
            st = os.stat(path)
            stamp = f"{st.st_size}:{st.st_mtime_ns}"
        except OSError:
            stamp = "missing"
        digest.update(f"\0{os.path.abspath(path)}\0{stamp}".encode())
    return f"{name}-{digest.hexdigest()[:24]}"


def cached_file(name: str, sources: Iterable[str | os.PathLike],
                write: Callable[[object], None]) -> Path | None:
    """The path of entry ``name`` built from ``sources``; ``write(binary_file)`` fills it the
    first time. None when the cache is off or cannot be written (the caller builds in memory)."""
    directory = cache_dir()
    if directory is None:
        return None
    path = directory / entry_key(name, sources)
    if path.exists():
        with contextlib.suppress(OSError):  # marks the entry as in use (see STALE_AFTER_DAYS)
            os.utime(path)
        return path
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{name}-")
        try:
            with os.fdopen(fd, "wb") as fh:
                write(fh)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as exc:
        log.warning("table cache %s could not be written (%s); building in memory", directory, exc)
        return None
    prune_stale(directory, name, keep=path)
    return path


def prune_stale(directory: Path, name: str, keep: Path) -> list[Path]:
    """Remove the entries of table ``name`` other than ``keep`` that have not been read for
    ``STALE_AFTER_DAYS``, and temporary files a killed writer left as long; return them."""
    cutoff = time.time() - STALE_AFTER_DAYS * 86400
    # "actors-<digest>", not "actors-automaton-<digest>"; mkstemp adds 8 characters
    ours = re.compile(rf"(?:{re.escape(name)}-[0-9a-f]{{24}}|\.{re.escape(name)}-[a-z0-9_]{{8}})\Z")
    removed = []
    try:
        candidates = [p for p in directory.iterdir() if p != keep and ours.match(p.name)]
    except OSError:
        return removed
    for path in candidates:
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except OSError:  # gone already, or another user's
            continue
    return removed


def cached_bytes(name: str, sources: Iterable[str | os.PathLike], write: Callable[[object], None]):
    """The bytes ``write(binary_file)`` writes, mapped read-only from the cache (written there
    the first time; every process that maps the entry shares its pages), or held in memory
    when the cache is off. Bytes-like: slicing, ``find`` and ``rfind`` work on both."""
    path = cached_file(name, sources, write)
    if path is not None:
        try:
            with open(path, "rb") as fh:
                if os.fstat(fh.fileno()).st_size == 0:
                    return b""
                return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except OSError as exc:  # an entry another user wrote, say
            log.warning("table cache entry %s could not be mapped (%s); building in memory", path, exc)
    buffer = io.BytesIO()
    write(buffer)
    return buffer.getvalue()


def cached_object(name: str, sources: Iterable[str | os.PathLike], build: Callable[[], object]):
    """``build()``, read from the cache when an entry built from the same ``sources`` exists
    (else built and stored). Each call returns a fresh object the caller may change. A table
    lives as long as the process: it is made with the collector paused (``longlived``)."""
    with longlived.building():
        return _cached_object(name, list(sources), build)


def _cached_object(name: str, sources: list, build: Callable[[], object]):
    for _ in range(2):  # a damaged entry is removed, then built and stored again
        built: list = []

        def write(fh) -> None:
            built.append(build())
            pickle.dump(built[0], fh, protocol=pickle.HIGHEST_PROTOCOL)

        path = cached_file(name, sources, write)
        if built:
            return built[0]
        if path is None:
            break
        try:
            return pickle.loads(path.read_bytes())
        except Exception as exc:  # a damaged or foreign entry
            log.warning("table cache entry %s could not be read (%s); building it again", path, exc)
            try:
                path.unlink()
            except OSError:
                break
    return build()
