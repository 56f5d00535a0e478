"""Village-level places: GeoNames populated places of conflict-prone countries that the main
gazetteer leaves out (most have population 0 in GeoNames).

``data/villages.zip`` is built by ``scripts/build_villages.py`` (GeoNames CC BY 4.0 via Who's
On First, CC0; see ``data/ATTRIBUTION.md``). Nothing is read at start-up: the name index is
read at the first lookup, and a country's places only when a lookup finds one there, so a
process pays for villages only when its documents ask for them.

Village names are looked up only for names the main gazetteer does not know, and the
recognizer accepts them only with a cue ("the village of X", "X district", "in X" in a
country the document names, "X (Y, Z)"): many village names are also common words.
"""
from __future__ import annotations

import functools
import threading
import zipfile
from pathlib import Path

from .. import tablecache
from .gazetteer import Entry, article_variants, normalize, skeleton

PATH = Path(__file__).parent / "data" / "villages.zip"


class Villages:
    """``lookup(name) -> [(entry, primary)]`` over the village index."""

    def __init__(self, path: Path = PATH):
        self.path = path
        self._blobs: dict[str, bytes] = {}
        self._parsed: dict[tuple[str, int], Entry] = {}
        self._lock = threading.Lock()

    @property
    def available(self) -> bool:
        return self.path.exists()

    def _read(self, member: str) -> bytes:
        """A member inflated once into the table cache and mapped (the name index alone is
        a tenth of a second to inflate in every process that looks a village up)."""
        def write(fh) -> None:
            with zipfile.ZipFile(self.path) as zf:
                fh.write(zf.read(member))

        return tablecache.cached_bytes(f"{self.path.name}-{member}", [self.path], write)

    def _blob(self, member: str) -> bytes:
        """A member of the zip, read once on first use (``names``, ``skeletons``, a country)."""
        if member not in self._blobs:
            with self._lock:
                if member not in self._blobs:
                    self._blobs[member] = self._read(member) if self.available else b""
        return self._blobs[member]

    def _find_line(self, key: bytes, blob: bytes | None = None) -> bytes | None:
        """Binary search over the sorted lines of the name (or skeleton) index."""
        if blob is None:
            blob = self._blob("names")
        lo, hi = 0, len(blob)
        while lo < hi:
            mid = (lo + hi) // 2
            start = blob.rfind(b"\n", 0, mid) + 1
            end = blob.find(b"\n", start)
            if end < 0:
                end = len(blob)
            tab = blob.find(b"\t", start, end)
            line_key = blob[start:tab if tab >= 0 else end]
            if line_key < key:
                lo = end + 1
            elif line_key > key:
                hi = start
            else:
                return blob[tab + 1:end]
        return None

    def _entry(self, country: str, offset: int) -> Entry:
        entry = self._parsed.get((country, offset))
        if entry is None:
            rows = self._blob(country)
            line = rows[offset:rows.find(b"\n", offset)].decode("utf-8")
            gid, name, admin1, lat, lon = line.split("|")
            entry = Entry(int(gid), name, "city", country, int(admin1), float(lat), float(lon), 0)
            self._parsed[(country, offset)] = entry
        return entry

    def lookup(self, name: str) -> list[tuple[Entry, bool]]:
        key = normalize(name)
        if not key or not self.available:
            return []
        refs = self._find_line(key.encode("utf-8"))
        for variant in () if refs else article_variants(key):
            refs = self._find_line(variant.encode("utf-8"))
            if refs:
                break
        if not refs:
            return []
        out = []
        for ref in refs.decode("ascii").split(","):
            primary = not ref.startswith("~")
            ref = ref.lstrip("~")
            out.append((self._entry(ref[:3], int(ref[3:])), primary))
        return out


    def lookup_spelling(self, name: str, gaz) -> list[tuple[Entry, bool]]:
        """Places whose name is spelled differently but reads the same ("Deir Ezzor" for
        "Dayr az Zawr"): the main gazetteer's places of the index's countries and the
        villages, all as alternate names (``primary`` false)."""
        skel = skeleton(name)
        if not skel or not self.available:
            return []
        refs = self._find_line(skel.encode("ascii"), self._blob("skeletons"))
        out = []
        for ref in (refs or b"").decode("ascii").split(","):
            if not ref:
                continue
            if ref[0] == "#":
                entry = gaz.by_id(int(ref[1:]))
                if entry is not None:
                    out.append((entry, False))
            else:
                out.append((self._entry(ref[:3], int(ref[3:])), False))
        # a town of the main gazetteer (with people counted) before namesake hamlets
        towns = [(e, p) for e, p in out if e.population > 0 or e.feature != "city"]
        return towns or out


@functools.lru_cache(maxsize=1)
def villages() -> Villages:
    """The process-wide village index (read lazily)."""
    return Villages()

