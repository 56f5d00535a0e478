"""A store built from real sample articles for the page's tests.

Documents go through the real pipeline. While the event coder (issue 8) codes nothing,
``add_fixture_events`` gives the records a few store-level fixture events:
a keyword in a sentence between two of the record's own actor mentions, with the evidence
span pointing into the article's real text. As soon as the pipeline codes any event in
these articles, no fixture event is added and the page is tested on real events alone.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from eventwire.pipeline import extract_many
from eventwire.readers import iter_documents
from eventwire.record import Event, EventActor, EventPlace, Mention, Record, SentenceSpan
from eventwire.store import open_store

SAMPLE = Path(__file__).parents[1] / "samples" / "wikinews" / "wikinews.jsonl"

# (keyword pattern, PLOVER category, CAMEO code, Goldstein, quad class)
KEYWORDS = [
    (r"\b(?:met|meets|meeting with|held talks|visited)\b", "CONSULT", "040", 1.0, 1),
    (r"\b(?:agreed|signed|agreement)\b", "AGREE", "057", 8.0, 1),
    (r"\b(?:called on|urged|asked)\b", "REQUEST", "020", 3.0, 1),
    (r"\b(?:praised|supported|backed|endorsed)\b", "SUPPORT", "051", 3.4, 1),
    (r"\b(?:donated|pledged|aid)\b", "AID", "070", 7.0, 2),
    (r"\b(?:accused|criticised|criticized|condemned|blamed)\b", "ACCUSE", "112", -2.0, 3),
    (r"\b(?:rejected|refused|denied)\b", "REJECT", "120", -4.0, 3),
    (r"\b(?:threatened|warned)\b", "THREATEN", "130", -4.4, 3),
    (r"\b(?:protested|protesters|demonstrators|rallied)\b", "PROTEST", "141", -6.5, 4),
    (r"\b(?:sanctions?|banned|suspended)\b", "SANCTION", "163", -8.0, 4),
    (r"\b(?:arrested|detained|charged)\b", "COERCE", "173", -5.0, 4),
    (r"\b(?:attacked|killed|bombed|shot|fired on)\b", "ASSAULT", "190", -10.0, 4),
]
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def _event_actor(actor, mention) -> EventActor:
    return EventActor(actor=actor.id, text=mention.text, country=actor.country, sector=actor.sector)


def add_fixture_events(record: Record) -> Record:
    if record.events or not record.date:
        return record
    mentions = sorted(((m, a) for a in record.actors for m in a.mentions), key=lambda ma: ma[0].start)
    placed = [p for p in record.places if p.lat is not None and p.lon is not None]
    events = []
    for sent in _SENTENCE.finditer(record.text):
        s0, s1 = sent.span()
        s0 += len(sent.group()) - len(sent.group().lstrip())
        for pattern, category, cameo, goldstein, quad in KEYWORDS:
            kw = re.search(pattern, record.text[s0:s1], flags=re.I)
            if not kw:
                continue
            k0, k1 = s0 + kw.start(), s0 + kw.end()
            before = [(m, a) for m, a in mentions if s0 <= m.start and m.end <= k0]
            if not before:
                continue
            src_m, src_a = before[-1]
            after = [(m, a) for m, a in mentions if k1 <= m.start and m.end <= s1 and a.id != src_a.id]
            tgt = after[0] if after else None
            end = tgt[0].end if tgt else k1
            place = next((p for p in placed if s0 <= p.start < s1), placed[0] if placed else None)
            negated = re.search(r"\b(?:not|never|no)\b", record.text[src_m.start:end], flags=re.I)
            future = re.search(r"\b(?:will|plans? to|would)\b", record.text[src_m.start:end], flags=re.I)
            events.append(Event(
                id=f"E{len(events) + 1}", category=category, cameo=cameo, goldstein=goldstein,
                quad_class=quad, source=_event_actor(src_a, src_m),
                target=_event_actor(tgt[1], tgt[0]) if tgt else None,
                date=record.date, date_precision="day",
                place=EventPlace(name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                                 geonameid=place.geonameid) if place else None,
                modality="negated" if negated else "future" if future else "asserted",
                sentence=SentenceSpan(start=s0, end=s1),
                evidence=Mention(start=src_m.start, end=end, text=record.text[src_m.start:end]),
                confidence=0.6))
            break
    return record.model_copy(update={"events": events})


def build_store(db_path: Path, n_docs: int = 16, work: Path | None = None) -> dict:
    """Ingest the first ``n_docs`` sample articles into a new store; returns counts."""
    work = work or db_path.parent
    src = work / "sample.jsonl"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:n_docs]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(extract_many(iter_documents([src])))
    # Fixture events only while the pipeline codes none at all: once the event coder
    # codes these articles, the page is tested on its events alone.
    if not any(isinstance(r, Record) and r.events for _, r in results):
        results = [(d, add_fixture_events(r) if isinstance(r, Record) else r) for d, r in results]
    with open_store(db_path) as store:
        store.write_batch(results)
        return store.counts()


if __name__ == "__main__":  # python tests/webstore.py OUT.duckdb [N_DOCS]
    import sys

    print(json.dumps(build_store(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 16)))
