"""ACLED sub-event types for coded events (rules in ``data/acled_subtypes.yaml``).

Works on the event as the store and the API give it (a dict in the spec's shape): its ACLED
event type, PLOVER category and mode, CAMEO code, source sector, casualties and the words of
its evidence and sentence.
"""
from __future__ import annotations

import functools
import re
from importlib import resources

from ..datafiles import load_yaml


@functools.lru_cache(maxsize=1)
def load_rules() -> list[dict]:
    with resources.files("eventwire").joinpath("events/data/acled_subtypes.yaml").open(encoding="utf-8") as fh:
        rules = load_yaml(fh) or []
    for rule in rules:
        rule["_words"] = [re.compile(w, re.IGNORECASE) for w in rule.get("words", [])]
    return rules


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
    for rule in load_rules():
        if _holds(rule, event, words):
            return rule["sub_event_type"]
    return None
