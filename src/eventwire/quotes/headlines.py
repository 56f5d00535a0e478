"""Headline attribution: `Pence: Flowers Won't Be at Debate` — a short line whose name
before the colon is the source of the claim after it (a news headline convention)."""
from __future__ import annotations

import re

from ..actors import actor_at
from ..context import DocContext
from ..record import Speaker
from .candidates import Candidate
from .lexicon import Lexicon

_LINE = re.compile(r"^([A-Z][^:\n]{0,40}?):[ \t\xa0]+([^\n]+)$", re.M)
_MAX_WORDS = 20


def find_headline_claims(text: str, ctx: DocContext, lex: Lexicon) -> list[Candidate]:
    out = []
    for m in _LINE.finditer(text):
        source, claim = m.group(1).strip(), m.group(2)
        words = source.split()
        if len(words) > 3 or len(m.group(0).split()) > _MAX_WORDS:
            continue
        if not all(w[0].isupper() for w in words) or any(c.isdigit() for c in source):
            continue  # "Editor's note", "2:45 p.m."
        start, end = m.start(1), m.start(1) + len(source)
        actor = actor_at(start, end, ctx)
        if actor is None and source.lower() not in lex.headline_sources:
            continue
        c0, c1 = m.start(2), m.end(2)
        while c1 > c0 and text[c1 - 1] in " .\xa0":
            c1 -= 1
        speaker = Speaker(start=start, end=end, text=source, actor=actor.id if actor else None)
        out.append(Candidate(c0, c1, direct=False, cue_text=":", speaker=speaker))
    return out
