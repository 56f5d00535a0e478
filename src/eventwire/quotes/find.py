"""Quotes stage: quotations with their speakers (first version: direct quotes)."""
from __future__ import annotations

import re

from .actors import actor_at
from .context import DocContext
from .record import Quote, Speaker

_QUOTED = re.compile(r"[\"“]([^\"“”]{3,2000})[\"”]")
_CUES = {"say", "tell", "add", "warn", "state", "announce", "claim", "insist", "declare"}


def find_quotes(doc, ctx: DocContext) -> list[Quote]:
    out = []
    for m in _QUOTED.finditer(doc.text):
        start, end = m.span(1)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        cue = speaker = None
        for tok in sent:
            if tok.lemma_ in _CUES and not (start <= tok.idx < end):
                cue = tok
                break
        if cue is not None:
            subj = [t for t in cue.children if t.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                s = subj[0]
                left, right = s.left_edge.idx, s.right_edge.idx + len(s.right_edge)
                actor = actor_at(left, right, ctx)
                speaker = Speaker(start=left, end=right, text=doc.text[left:right],
                                  actor=actor.id if actor else None)
        out.append(Quote(start=start, end=end, text=doc.text[start:end], direct=True,
                         cue=cue.text if cue is not None else None,
                         date=ctx.document.date_str, speaker=speaker))
    return out
