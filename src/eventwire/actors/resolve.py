"""First version: spaCy entities, countries resolved through pycountry."""
from __future__ import annotations

import functools

from ..context import DocContext
from ..record import Actor, Mention

_TYPES = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "country"}


@functools.lru_cache(maxsize=4096)
def _country_code(name: str):
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


def find_actors(doc, ctx: DocContext) -> list[Actor]:
    by_name: dict[str, Actor] = {}
    for ent in doc.ents:
        kind = _TYPES.get(ent.label_)
        if kind is None:
            continue
        name = ent.text.removeprefix("the ").removeprefix("The ")
        actor = by_name.get(name)
        if actor is None:
            country = _country_code(name) if kind == "country" else None
            sector = "GOV" if country else None
            actor = Actor(
                id=f"A{len(by_name) + 1}", name=name, type=kind, country=country,
                sector=sector, code=(country + sector) if country and sector else None,
            )
            by_name[name] = actor
        actor.mentions.append(Mention(start=ent.start_char, end=ent.end_char, text=ent.text))
    actors = list(by_name.values())
    ctx.scratch["actor_mentions"] = sorted(
        (m.start, m.end, a) for a in actors for m in a.mentions
    )
    return actors


def actor_at(start: int, end: int, ctx: DocContext) -> Actor | None:
    for m_start, m_end, actor in ctx.scratch.get("actor_mentions", ()):
        if m_start < end and start < m_end:
            return actor
    return None
