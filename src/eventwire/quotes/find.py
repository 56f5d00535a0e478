"""The quote stage: direct and indirect quotes, their speakers and when they were said."""
from __future__ import annotations

from ..context import DocContext
from ..paragraphs import clip_to_paragraph, crosses_break, paragraph_at
from ..record import Quote
from ..spanindex import SpanIndex
from ..times import date_for
from ..nlp import doc_text
from .candidates import Candidate
from .direct import attribute_segments
from .headlines import find_headline_claims
from .indirect import find_indirect
from .lexicon import load_lexicon
from .marks import find_segments
from .speakers import Antecedents

_TIME_DEPS = ("npadvmod", "prep", "advmod", "tmod", "obl", "nmod", "pobj")
_TRIM = " \t\n\xa0,;:.-–—\"“'‘"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _resolve_conflicts(text: str, direct: list[Candidate], indirect: list[Candidate]) -> list[Candidate]:
    # A quotation nobody is said to have said (no cue, no speaker pattern) is not reported:
    # a scare quote, a title, a quoted phrase inside reported speech (which the indirect
    # quote around it covers), or a paragraph continuing an earlier quote.
    keep_direct = [d for d in direct if d.cue is not None or d.speaker is not None]
    keep_indirect = []
    by_open = SpanIndex(keep_direct, start=lambda d: d.segments[0].open, end=lambda d: d.segments[0].open)
    by_span = SpanIndex(keep_direct)
    for i in _outermost(keep_direct, indirect):
        # reported speech ends where a quotation with its own cue begins
        for d in by_open.starting_in(i.start + 1, i.end):
            if i.start < d.segments[0].open < i.end and d.cue is not None and (
                    not (d.start <= i.cue_at < d.end)):
                i.end = d.segments[0].open
                while i.end > i.start and text[i.end - 1] in _TRIM:
                    i.end -= 1
        if i.end - i.start < 3:
            continue
        ispan = (i.start, i.end)
        covered = sum(_overlap(ispan, (d.start, d.end)) for d in by_span.overlapping(i.start, i.end))
        if covered >= 0.6 * (i.end - i.start):
            continue  # the quotation itself is the content: reported once, as direct
        keep_indirect.append(i)
    return keep_direct + keep_indirect


def _outermost(direct: list[Candidate], indirect: list[Candidate]) -> list[Candidate]:
    """Each stretch of text is attributed once: a cue inside another quote's content
    (`Stein said she plans to join ...`) is part of that content, not a second quote."""
    kept: list[Candidate] = []
    # the characters the quotes taken so far hold, marked once (a cue is looked up, not
    # compared with every span)
    covered = bytearray(max((c.end for c in [*direct, *indirect]), default=0) + 1)
    for d in direct:
        covered[d.start:d.end] = b"\x01" * (d.end - d.start)
    for i in sorted(indirect, key=lambda c: c.start - c.end):
        if 0 <= i.cue_at < len(covered) and covered[i.cue_at]:
            continue
        kept.append(i)
        covered[i.start:i.end] = b"\x01" * (i.end - i.start)
    return kept


def _unclaimed(headlines: list[Candidate], direct: list[Candidate]) -> list[Candidate]:
    """Headline claims, except where a quotation in the line already has its source."""
    return [h for h in headlines
            if not any(_overlap((h.start, h.end), (d.start, d.end)) and d.speaker is not None
                       for d in direct)]


def _in_content(cand: Candidate, pos: int) -> bool:
    """Whether a character lies in the words quoted or reported (not the cue clause, which a
    split quote or a parenthetical cue has inside its span)."""
    if cand.segments:
        return any(s.start <= pos < s.end for s in cand.segments)
    if cand.start <= cand.cue_at < cand.end:
        return False  # `The ceasefire, the army said on Monday, is holding`
    return cand.start <= pos < cand.end


def _quote_date(doc, cand: Candidate, ctx: DocContext) -> str | None:
    """When it was said: the time stage's date for the cue clause (`said on September 7`),
    without the quoted words (a date inside the quote is what it talks about)."""
    cue = cand.cue
    if cue is None:
        return ctx.document.date_str
    toks = [cue]
    for child in cue.children:
        if child.dep_ in _TIME_DEPS and not _in_content(cand, child.idx):
            toks.extend(t for t in child.subtree if not _in_content(cand, t.idx))
    span = doc[min(t.i for t in toks): max(t.i for t in toks) + 1]
    value, _precision = date_for(span, ctx, anchor_token=cue)
    return value


def _lemma(cand: Candidate) -> str | None:
    if cand.cue is None:
        return None
    return "according to" if cand.cue.lower_ == "according" else cand.cue.lemma_.lower()


def find_quotes(doc, ctx: DocContext) -> list[Quote]:
    lex = load_lexicon()
    text = doc_text(doc)
    segments = find_segments(text)
    quoted = [(s.start, s.end) for s in segments if s.double]
    antecedents = Antecedents(ctx, quoted)
    direct = attribute_segments(doc, segments, ctx, lex, antecedents)
    taken = {c.cue.i for c in direct if c.cue is not None}
    # verbs inside quoted text belong to the quotation, attributed or not
    indirect = find_indirect(doc, ctx, lex, antecedents, taken, quoted)
    indirect += _unclaimed(find_headline_claims(text, ctx, lex), direct)
    cands = sorted(_resolve_conflicts(text, direct, indirect), key=lambda c: (c.start, c.end))
    quotes, lemmas = [], {}
    for c in cands:
        _keep_in_paragraph(text, c)
        if c.end - c.start < 3:
            continue
        q = Quote(start=c.start, end=c.end, text=text[c.start:c.end], direct=c.direct,
                  cue=c.cue_text, date=_quote_date(doc, c, ctx), speaker=c.speaker)
        quotes.append(q)
        lemmas[(q.start, q.end)] = _lemma(c)
    ctx.quote_cue_lemmas = lemmas
    return quotes


def _keep_in_paragraph(text: str, cand: Candidate) -> None:
    """Quoted or reported words and their speaker stay in one paragraph: reported speech
    ends at a break (the paragraph that holds its cue or its start is kept), and a speaker
    told in another paragraph than the cue is not the speaker."""
    anchor = cand.cue.idx if cand.cue is not None else None
    if crosses_break(text, cand.start, cand.end) and not cand.segments:
        keep = anchor if anchor is not None and cand.start <= anchor < cand.end else cand.start
        cand.start, cand.end = clip_to_paragraph(text, cand.start, cand.end, keep)
        while cand.end > cand.start and text[cand.end - 1] in _TRIM:
            cand.end -= 1
    sp = cand.speaker
    if sp is None:
        return
    if crosses_break(text, sp.start, sp.end):
        s, e = clip_to_paragraph(text, sp.start, sp.end, sp.end - 1)
        sp = cand.speaker = sp.model_copy(update={"start": s, "end": e, "text": text[s:e]}) if s < e else None
    if sp is not None and anchor is not None and paragraph_at(text, sp.start) != paragraph_at(text, anchor):
        cand.speaker = None


def _bounds(span) -> tuple[int, int]:
    if isinstance(span, tuple):
        return span
    if hasattr(span, "start_char"):
        return span.start_char, span.end_char
    return span.start, span.end


def quote_for(span, ctx: DocContext) -> Quote | None:
    """The innermost quote whose content contains ``span`` (a spaCy Span, a record part with
    ``start``/``end``, or a ``(start, end)`` pair), or None when it is not reported speech."""
    start, end = _bounds(span)
    best = None
    for q in ctx.quotes:
        if q.start <= start and end <= q.end and (best is None or q.end - q.start < best.end - best.start):
            best = q
    return best


def statement_category(quote: Quote, ctx: DocContext) -> str | None:
    """The PLOVER category of the statement itself (`X warned ...` → THREATEN), or None."""
    lemma = (ctx.quote_cue_lemmas or {}).get((quote.start, quote.end))
    entry = load_lexicon().cues.get(lemma) if lemma else None
    return entry.plover if entry else None
