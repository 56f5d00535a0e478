"""Finding temporal expressions in a document and normalizing them (the times stage).

Recognition runs the precompiled rules of patterns.yaml over the document text (C-level
``finditer``, no per-token Python loop; rules with a trigger word only run in a window
before its hits); overlapping matches are settled longest first, then by rule priority, a
match its normalizer refuses leaving room for shorter ones. Normalization (normalize.py)
then runs in text order, so that anaphoric expressions ("a year earlier", "later that
year") see what was mentioned before them; it reads the spaCy parse only for the tense of
the clause a match sits in.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from ..context import DocContext
from ..paragraphs import crosses_break
from ..record import Time
from ..spanindex import cached_index
from . import calendar as cal
from .lexicon import load_lexicon
from .normalize import NORMALIZERS, Norm, Resolver
from .tense import FUTURE, PAST, UNKNOWN, clause_tense, governing_verb, tense_of

@dataclass
class Found:
    """A normalized time expression plus what date_for needs (kept in ctx.times_found)."""
    start: int
    end: int
    type: str
    value: str
    relative: bool                   # resolved against the document date or an earlier mention
    rule: str = ""                   # the patterns.yaml rule that matched (for error analysis)


def recognize(text: str, dct: dt.date | None, tense_at=None) -> list[Found]:
    """All temporal expressions in ``text``, normalized against ``dct`` (may be None)."""
    lex = load_lexicon()
    resolver = Resolver(dct=dct, lex=lex, text=text)
    if tense_at is not None:
        resolver.tense_at = tense_at
    candidates = []
    trigger_hits = lex.trigger_hits(text)
    for rule in lex.rules:
        for m in rule.finditer(text, trigger_hits):
            if m.end() > m.start():
                candidates.append((m.end() - m.start(), rule.priority, -m.start(), rule.name, m))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]), reverse=True)
    # Longest first; a candidate whose normalizer refuses it leaves room for shorter ones.
    starts: list[int] = []
    ends: list[int] = []
    accepted: list[tuple[int, str, re.Match, Norm]] = []
    # The probe decides which overlapping match wins; it stands in a neutral reference for
    # the anaphoric rules ("later that year"), which the ordered pass below resolves.
    probe = Resolver(dct=dct, lex=lex, text=text, tense_at=resolver.tense_at,
                     ref="2000-01-01", ref_end=0, _tense_cache=resolver._tense_cache)
    for _, _, _, name, m in candidates:
        s, e = m.span()
        i = bisect.bisect_left(starts, s)
        if i > 0 and ends[i - 1] > s:
            continue
        if i < len(starts) and starts[i] < e:
            continue
        norm = NORMALIZERS[name](m, probe)
        if norm is None:
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        accepted.insert(i, (s, name, m, norm))
    found = []
    for s, name, m, _ in accepted:
        norm = NORMALIZERS[name](m, resolver)
        if norm is None:
            continue
        start = norm.start if norm.start is not None else m.start()
        end = norm.end if norm.end is not None else m.end()
        while end > start and text[end - 1] in " ,":
            end -= 1
        if text[end - 2:end] in ("'s", "’s") and end - 2 > start:
            end -= 2                         # "Friday's meeting": TimeML leaves out the 's
        if end <= start:
            continue
        resolver.remember(norm, end)
        found.append(Found(start, end, norm.type, norm.value, norm.relative, name))
    return found


def find_times(doc, ctx: DocContext) -> list[Time]:
    """The times stage: TIMEX3-normalized expressions of the document, in text order."""
    text = ctx.document.text
    tense_at = None
    if doc is not None and len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        tense_at = lambda s, e: tense_of(doc, s, e, text)  # noqa: E731
    found = recognize(text, ctx.document.date, tense_at)
    ctx.times_found = found
    return [Time(start=f.start, end=f.end, text=text[f.start:f.end], type=f.type, value=f.value)
            for f in found]


# --------------------------------------------------------------------------- event dates

def _period_start(value: str) -> str:
    """The first day a value can denote, as YYYY-MM-DD, for the never-after-DCT check."""
    if len(value) == 4:
        return value + "-01-01"
    if len(value) == 7:
        return value + "-01"
    return value[:10]


def _usable(f: Found, dct: dt.date | None):
    """(value, precision) for an expression usable as an event date, else None."""
    if f.type not in ("DATE", "TIME"):
        return None
    if f.value == "PRESENT_REF":
        return (dct.isoformat(), "day") if dct else None
    if dct is None and f.relative and not f.value[:4].isdigit():
        return None   # without a document date only values the text itself anchored
    value, precision = cal.precision_of(f.value)
    if value is None:
        return None
    return value, precision


_NOUN_MODIFIER = {"nummod", "compound", "amod", "nmod", "poss"}


def dates_a_thing(root) -> bool:
    """A time expression's head word modifying a noun ("the 2015 deal", "Russia's 2014
    annexation", "its 2018 Act"): the time of that thing, not of a clause."""
    return root.dep_ in _NOUN_MODIFIER and root.head.pos_ in ("NOUN", "PROPN")


# the rules whose days are counted from the day of speaking ("today", "yesterday", "last night")
_DEICTIC_RULES = {"reldays", "this_part"}


def _said_on(f: Found, ctx: DocContext) -> dt.date | None:
    """The day a deictic day word ("today", "last night") inside a direct quotation counts from:
    the quotation's day, when the text tells one other than the publication day ("the minister
    said on Sunday: 'Today we arrested ...'"); else None (counted from the publication day)."""
    dct = ctx.document.date
    if f.rule not in _DEICTIC_RULES or dct is None:
        return None
    quote = next((q for q in ctx.quotes if q.direct and q.start <= f.start and f.end <= q.end), None)
    if quote is None or not quote.date or not re.fullmatch(r"\d{4}-\d\d-\d\d", quote.date):
        return None
    said = dt.date.fromisoformat(quote.date)
    return said if said < dct else None


def time_verb(tspan):
    """The verb whose clause the time expression ``tspan`` (a spaCy Span) belongs to: its
    governing verb, except where the parser hung a time standing between a verb and the
    subject of its complement clause (no "that" between) on the complement's verb: "the army
    said on Thursday militants attacked a post on Tuesday" -- "on Thursday" is the saying's.
    English puts a complement's own time after its subject, or after "that"."""
    gov = governing_verb(tspan.root)
    if gov is None or gov.dep_ != "ccomp" or gov.head.i >= tspan.start or gov.i < tspan.end:
        return gov
    subject = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or subject.left_edge.i < tspan.end or any(
            c.dep_ == "mark" and c.i < tspan.start for c in gov.children):
        return gov
    return gov.head


def time_a_clause_tells_of(verb, ctx: DocContext) -> tuple[str, str] | None:
    """(value, precision) of the time a relative clause with "when" describes: "since July, when
    the army ousted Morsi", "in 2011, when protesters toppled Mubarak and ..." happened then.
    None when ``verb`` stands in no such clause (coordinated verbs share it)."""
    node = verb
    for _ in range(4):
        if node.dep_ == "relcl" or node.dep_ != "conj" or node.head == node:
            break
        node = node.head
    if node.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "when" and c.i < node.i
                                        for c in node.children):
        return None
    head = node.head
    found = ctx.times_found
    if found is None:
        found = [Found(t.start, t.end, t.type, t.value, True) for t in ctx.times]
    index = cached_index(ctx.scratch, "times.found_index", found)
    for f in index.overlapping(head.idx, head.idx + len(head.text)):
        usable = _usable(f, ctx.document.date)
        if usable is not None:
            return usable
    return None


def date_for(span, ctx: DocContext, anchor_token=None) -> tuple[str | None, str | None]:
    """When the event in ``span`` (a spaCy Span: sentence or clause) happened: its own time
    (``time_for``), else the document date (day precision); (None, None) without either."""
    told = time_for(span, ctx, anchor_token)
    if told is not None:
        return told
    dct = ctx.document.date
    return (dct.isoformat(), "day") if dct is not None else (None, None)


def time_for(span, ctx: DocContext, anchor_token=None) -> tuple[str, str] | None:
    """The time the text tells for the event in ``span`` (a spaCy Span: sentence or clause).

    Prefers a DATE expression attached to the event's verb (``anchor_token`` when given, else
    the span's root), then the nearest DATE in the span; None when the span tells no time the
    event can take. In a past-tense clause a date after the document date is never returned.
    Without a document date only explicit absolute dates are used. A date
    across a line break from the event is another paragraph's (a dateline or heading the
    parser ran into the first sentence: "Posted on November 15, 2011\nThe navy ..."), never
    the event's.
    """
    dct = ctx.document.date
    found = ctx.times_found
    if found is None:
        found = [Found(t.start, t.end, t.type, t.value, True) for t in ctx.times]
    lo, hi = span.start_char, span.end_char
    inside = cached_index(ctx.scratch, "times.found_index", found).within(lo, hi)
    anchor = anchor_token if anchor_token is not None else span.root
    verb = governing_verb(anchor) if anchor is not None else None
    tense = clause_tense(verb) if verb is not None else UNKNOWN
    doc = span.doc
    text = ctx.document.text
    at = anchor.idx if anchor is not None else None
    scored = []
    for f in inside:
        usable = _usable(f, dct)
        if usable is None:
            continue
        if at is not None and crosses_break(text, min(at, f.start), max(at, f.end)):
            continue
        value, precision = usable
        said = _said_on(f, ctx) if precision == "day" else None
        if said is not None:   # "said on Sunday: 'Today we ...'": Sunday
            value = (dt.date.fromisoformat(value) - (dct - said)).isoformat()
        if dct is not None and tense != FUTURE and _period_start(value) > dct.isoformat():
            continue
        tspan = doc.char_span(f.start, f.end, alignment_mode="expand")
        attached = False
        distance = 10_000
        if tspan is not None and len(tspan):
            gov = time_verb(tspan)
            attached = verb is not None and gov is not None and gov.i == verb.i
            if verb is not None and gov is not None and not attached and precision != "day" and \
                    not any(a.i == gov.i for a in verb.ancestors):
                continue   # another clause's year ("whose party won in 2011"): not this event's
            if anchor is not None:
                distance = min(abs(tspan.start - anchor.i), abs(tspan.end - 1 - anchor.i))
            root = tspan.root
            if dates_a_thing(root) and (anchor is None or root.head.i != anchor.i):
                # "filed a lawsuit on Thursday over its 2018 Act", "the 2015 nuclear deal": a
                # time naming another thing, used only when the clause tells no other
                scored.append((2, distance, value, precision))
                continue
        scored.append((0 if attached else 1, distance, value, precision))
    if scored:
        scored.sort(key=lambda s: (s[0], s[1]))
        return scored[0][2], scored[0][3]
    return None


__all__ = ["find_times", "date_for", "time_for", "time_verb", "time_a_clause_tells_of", "dates_a_thing", "recognize", "Found", "PAST", "FUTURE", "UNKNOWN"]
