"""ACLED's categories for coded events, from one table (``data/acled.yaml``).

The event coder takes each event's ACLED event type from here (``assign_event_types``); the
ACLED export takes the disorder types, actor types, precision codes and sub-event types
(``load_acled``, ``sub_event_type``). Sub-event types work on the event as the store and the
API give it (a dict in the spec's shape): its ACLED event type, PLOVER category and mode, CAMEO
code, source sector, casualties and the words of its evidence and sentence.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from ..datafiles import load_yaml
from ..record import Event


@dataclass(frozen=True)
class AcledTable:
    event_types: list[dict]           # ordered rules: PLOVER reading -> ACLED event type
    disorder_types: dict[str, str]    # event type -> disorder type
    inter: dict[str, int]             # actor type -> ACLED "inter" code
    sectors: dict[str, frozenset]     # actor type -> the CAMEO sectors read as it
    time_precision: dict[str, int]    # date precision -> ACLED time precision
    geo_precision: dict[str, int]     # place feature -> ACLED geo precision
    vague_fatalities: int             # fatalities for "several", "many"
    sub_event_types: list[dict]       # ordered rules: event -> sub-event type
    regions: dict[str, str]           # ISO 3166-1 alpha-3 country code -> ACLED region
    crowd_words: frozenset[str]       # words that name a crowd of protesters or rioters
    crowd_sectors: frozenset[str]     # sectors read as a crowd of protesters or rioters


@functools.lru_cache(maxsize=1)
def load_acled() -> AcledTable:
    with resources.files("eventwire").joinpath("events/data/acled.yaml").open(encoding="utf-8") as fh:
        data = load_yaml(fh)
    for rule in data["event_types"]:
        rule["_sentence_words"] = [re.compile(w, re.IGNORECASE) for w in rule.get("sentence_words", [])]
        if "category" not in rule or ("event_type" in rule) == bool(rule.get("as_the_protest")):
            raise ValueError(f"acled.yaml: event type rule {rule} needs a category and one of "
                             "event_type or as_the_protest")
    subtypes = data["sub_event_types"]
    for rule in subtypes:
        rule["_words"] = [re.compile(w, re.IGNORECASE) for w in rule.get("words", [])]
    actor_types = data["actor_types"]
    regions: dict[str, str] = {}
    for region, countries in data["regions"].items():
        for iso3 in countries:
            if iso3 in regions:
                raise ValueError(f"acled.yaml: {iso3} is in two regions, {regions[iso3]} and {region}")
            regions[iso3] = region
    return AcledTable(
        event_types=data["event_types"], disorder_types=data["disorder_types"],
        inter={name: t["inter"] for name, t in actor_types.items()},
        sectors={name: frozenset(t.get("sectors", ())) for name, t in actor_types.items()},
        time_precision=data["time_precision"], geo_precision=data["geo_precision"],
        vague_fatalities=int(data["vague_fatalities"]), sub_event_types=subtypes,
        regions=regions, crowd_words=frozenset(str(w).lower() for w in data["crowd_words"]),
        crowd_sectors=frozenset(data["crowd_sectors"]))


def is_crowd(side: dict | None) -> bool:
    """A side that is a crowd of protesters or rioters: its words name one, or it is a
    political group (``side``: an event side as a dict, with ``text`` and ``sector``)."""
    if not side:
        return False
    table = load_acled()
    return side.get("sector") in table.crowd_sectors or bool(
        table.crowd_words & set(re.findall(r"[a-z]+", str(side.get("text") or "").lower())))


def _near(a: Event, b: Event, text: str) -> bool:
    """Whether two events are told in one sentence or in sentences next to each other."""
    if a.sentence is None or b.sentence is None:
        return False
    first, second = sorted((a.sentence, b.sentence), key=lambda s: s.start)
    return second.start <= first.end or bool(text) and not text[first.end:second.start].strip()


def _type_rule_holds(rule: dict, event: Event, with_protest: bool, sentence: str,
                     protest_near: bool = False) -> bool:
    target_sector = event.target.sector if event.target else None
    source_sector = event.source.sector if event.source else None
    return (rule["category"] == event.category
            and ("cameo" not in rule or event.cameo in rule["cameo"])
            and ("modes" not in rule or event.mode in rule["modes"])
            and ("target_sectors" not in rule or target_sector in rule["target_sectors"])
            and ("source_sectors" not in rule or source_sector in rule["source_sectors"])
            and (not rule.get("target_crowd") or event.target is not None and is_crowd(
                {"text": event.target.text, "sector": target_sector}))
            and (not rule.get("with_protest") or with_protest)
            and (not rule.get("protest_nearby") or protest_near)
            and ("evidence_words" not in rule or bool(event.evidence) and any(
                w in event.evidence.text.lower() for w in rule["evidence_words"]))
            and (not rule["_sentence_words"] or any(w.search(sentence) for w in rule["_sentence_words"])))


def assign_event_types(events: list[Event], text: str = "") -> None:
    """Give each of a document's events without one its ACLED event type (or none), by the
    first rule of the table that holds. ``text``: the document's text, which the events'
    sentence spans index (rules on the sentence's words see nothing without it)."""
    protests = [e for e in events if e.category == "PROTEST"]
    crowd = "Riots" if any(e.mode == "riot" for e in protests) else "Protests"
    rules = load_acled().event_types
    for e in events:
        if e.acled_event_type:
            continue
        sentence = text[e.sentence.start:e.sentence.end] if text and e.sentence else ""
        near = any(_near(e, p, text) for p in protests)
        rule = next((r for r in rules if _type_rule_holds(r, e, bool(protests), sentence, near)), None)
        if rule is not None:
            e.acled_event_type = crowd if rule.get("as_the_protest") else rule["event_type"]


def _reported(event: dict) -> bool:
    casualties = event.get("casualties") or {}
    return any((casualties.get(k) or {}).get("count") for k in ("killed", "injured"))


def _holds(rule: dict, event: dict, words: str) -> bool:
    if rule.get("event_type") and rule["event_type"] != event.get("acled_event_type"):
        return False
    if rule.get("category") and rule["category"] != event.get("category"):
        return False
    if rule.get("categories") and event.get("category") not in rule["categories"]:
        return False
    if rule.get("source_sectors") and ((event.get("source") or {}).get("sector") not in rule["source_sectors"]):
        return False
    if rule.get("killed_or_injured") and not _reported(event):
        return False
    alternatives = [(event.get("cameo") or "") in rule.get("cameo", ()),
                    (event.get("mode") or "") in rule.get("modes", ()),
                    any(w.search(words) for w in rule["_words"])]
    if any(rule.get(k) for k in ("cameo", "modes", "words")):
        return any(alternatives)
    return True


def sub_event_type(event: dict) -> str | None:
    """The ACLED sub-event type of an event with an ACLED event type, else None."""
    if not event.get("acled_event_type"):
        return None
    words = " ".join(filter(None, [(event.get("evidence") or {}).get("text"),
                                   (event.get("sentence") or {}).get("text")]))
    for rule in load_acled().sub_event_types:
        if _holds(rule, event, words):
            return rule["sub_event_type"]
    return None
