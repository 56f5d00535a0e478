"""Finding a document's annotations by position without scanning them all.

A stage that asks, for every sentence or mention, "which places (times, quotes, entities)
lie in this range?" by walking the whole list does work quadratic in the document's length:
a 1,000,000-character text took minutes in such scans alone. A ``SpanIndex`` answers the
same questions by bisection. Answers keep the items' own order, so a caller that takes the
first or the best of them (ties to the earliest) decides exactly as a scan would.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any

from .nlp import doc_text
from .tokentable import token_table

_START = attrgetter("start")
_END = attrgetter("end")


class SpanIndex:
    """Items with a start and an end offset (characters or tokens), looked up by range."""

    def __init__(self, items: Sequence, start: Callable[[Any], int] = _START,
                 end: Callable[[Any], int] = _END):
        self.source = items
        self.size = len(items)
        self.items = list(items)
        self._start, self._end = start, end
        self._order = sorted(range(len(self.items)), key=lambda i: start(self.items[i]))
        self._starts = [start(self.items[i]) for i in self._order]
        self._longest = max((end(x) - start(x) for x in self.items), default=0)

    def add(self, item) -> None:
        """One more item, after all the others in their own order."""
        start = self._start(item)
        at = bisect_right(self._starts, start)
        self._starts.insert(at, start)
        self._order.insert(at, len(self.items))
        self.items.append(item)
        self.size += 1
        self._longest = max(self._longest, self._end(item) - start)

    def _between(self, a: int, b: int) -> list:
        """The items at sorted positions [a, b), in their own order."""
        if b - a <= 0:
            return []
        return [self.items[i] for i in sorted(self._order[a:b])]

    def starting_in(self, lo: int, hi: int) -> list:
        """Items whose start lies in [lo, hi)."""
        return self._between(bisect_left(self._starts, lo), bisect_left(self._starts, hi))

    def within(self, lo: int, hi: int) -> list:
        """Items that lie wholly in [lo, hi]: lo <= start and end <= hi."""
        return [x for x in self._between(bisect_left(self._starts, lo), bisect_right(self._starts, hi))
                if self._end(x) <= hi]

    def overlapping(self, lo: int, hi: int) -> list:
        """Items that share a position with [lo, hi): start < hi and end > lo."""
        a = bisect_right(self._starts, lo - self._longest)
        return [x for x in self._between(a, bisect_left(self._starts, hi)) if self._end(x) > lo]

    def holding(self, pos: int) -> list:
        """Items with start <= pos < end."""
        a = bisect_right(self._starts, pos - self._longest)
        return [x for x in self._between(a, bisect_right(self._starts, pos)) if self._end(x) > pos]


def cached_index(scratch: dict[tuple[str, str], SpanIndex], name: str, items: list, **keys) -> SpanIndex:
    """The index of ``items`` kept in a document's memo (``DocContext.scratch``) under
    ``name``: built again when the list is another one or shrank, extended when items were
    appended to it (the actors stage's mentions grow as later stages find more)."""
    key = ("spanindex", name)
    index = scratch.get(key)
    if index is None or index.source is not items or index.size > len(items):
        index = scratch[key] = SpanIndex(items, **keys)
    elif index.size < len(items):
        for item in items[index.size:]:
            index.add(item)
    return index


def entity_at(doc, i: int):
    """The entity holding token ``i``, or None (entities do not overlap)."""
    ents, starts = _listed_entities(doc)
    k = bisect_right(starts, i) - 1
    return ents[k] if k >= 0 and ents[k].end > i else None


def entities_in(span) -> list:
    """``span.ents`` without building every entity of the document (spaCy's ``Span.ents``
    walks ``doc.ents`` afresh on every call): the entities from the first that starts in the
    span up to the first that runs past its end, as spaCy returns them. The document's
    entities are listed once and kept in its ``user_data``."""
    ents, starts = _listed_entities(span.doc)
    out = []
    for k in range(bisect_left(starts, span.start), len(ents)):
        if ents[k].end > span.end:
            break
        out.append(ents[k])
    return out


def person_surnames(doc) -> dict[str, int]:
    """The last names of the people a document names in full, each with the character offset
    where its first full name ends: a later one-word "Marrero" or "Honcharuk" (which the
    tagger may call an organisation or a place) is that person."""
    given: dict[str, int] = {}
    for ent in _listed_entities(doc)[0]:
        if ent.label_ == "PERSON" and len(ent) > 1:
            last = ent[-1] if ent[-1].dep_ != "case" or len(ent) < 3 else ent[-2]
            given.setdefault(last.text, ent.end_char)
    return given


_FIRST_NAMES_KEY = "eventwire.spanindex.first_names"


def first_names(doc) -> list[tuple[int, int]]:
    """Character spans of first names the tagger did not take for part of a person's name: a
    capitalized proper noun joined by one space to the start of a name tagged PERSON ("Carmen"
    of "Mayor Carmen Yulín Cruz" when only "Yulín Cruz" is tagged), or to a word the text
    gives a person as a last name elsewhere ("Nadia" of "Nadia Moayyad", tagged an
    organisation, after "Ms. Moayyad"). Such a word is no town of that name (a country's
    name is left to its readers: "Ukraine Zelensky"). Found once per document and kept in its
    ``user_data`` (three of the places stage's readers ask): the caller must not change it."""
    found = doc.user_data.get(_FIRST_NAMES_KEY)
    if found is None:
        found = doc.user_data[_FIRST_NAMES_KEY] = _first_names(doc)
    return found


def _first_names(doc) -> list[tuple[int, int]]:
    ents = _listed_entities(doc)[0]
    persons = [e for e in ents if e.label_ == "PERSON"]
    starts = {e.start for e in persons}
    surnames = {e[-1].text for e in persons}
    t = token_table(doc)
    out = []
    for i in range(len(t) - 1):
        word, nxt = t.text[i], t.text[i + 1]
        if t.pos[i] != "PROPN" or not t.is_alpha[i] or not word[:1].isupper() or not t.space_after[i]:
            continue
        if i + 1 in starts and not t.ent_type[i] or \
                nxt in surnames and nxt != word and t.ent_type[i] != "PERSON":
            out.append((t.idx[i], t.idx[i] + len(word)))
    return out


_ENTS_KEY = "eventwire.spanindex.ents"


def doc_entities(doc) -> list:
    """``doc.ents`` listed once and kept in the Doc's ``user_data``: spaCy builds every entity
    ``Span`` afresh on each read of ``doc.ents``, and the stages read it a dozen times per
    document. The caller must not change the list."""
    return _listed_entities(doc)[0]


def _listed_entities(doc) -> tuple[list, list[int]]:
    listed = doc.user_data.get(_ENTS_KEY)
    if listed is None:
        ents = list(doc.ents)
        listed = doc.user_data[_ENTS_KEY] = (ents, [e.start for e in ents])
    return listed


_SENTENCES_KEY = "eventwire.spanindex.sentences"


def _sentence_starts(doc) -> list[int]:
    """The token index of each sentence's start, listed once per Doc (``Token.sent`` walks the
    tokens out to both ends of the sentence on every call). The Doc must have sentence starts."""
    starts = doc.user_data.get(_SENTENCES_KEY)
    if starts is None:
        starts = doc.user_data[_SENTENCES_KEY] = [s.start for s in doc.sents]
    return starts


def since_previous_sentence(tok):
    """The tokens from the start of the sentence before ``tok``'s (its own, in the first
    sentence) up to ``tok``: where the party a pronoun stands for is looked for."""
    starts = _sentence_starts(tok.doc)
    k = bisect_right(starts, tok.i) - 1
    return tok.doc[starts[max(k - 1, 0)]:tok.i]


def sentence_text_of(doc, i: int) -> str:
    """The text of the sentence holding token ``i`` (``doc[i].sent.text``, which walks the
    tokens out to both ends of the sentence and joins them on every call), cut from the kept
    text by the sentence starts. The Doc must have sentence starts."""
    starts = _sentence_starts(doc)
    k = bisect_right(starts, i) - 1
    t = token_table(doc)
    last = (starts[k + 1] if k + 1 < len(starts) else len(t)) - 1
    return doc_text(doc)[t.idx[starts[k]]:t.idx[last] + len(t.text[last])]
