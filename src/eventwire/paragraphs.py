"""Paragraphs of a document's text: no actor, speaker or quote span runs across a break.

A paragraph break is a line break: spaCy's parse can join the last words of one paragraph
to the first of the next ("8 independent MPs\n\nTrudeau"), but what the text says in two
paragraphs is never one name, one speaker or one quotation.
"""
from __future__ import annotations


def paragraph_at(text: str, pos: int) -> tuple[int, int]:
    """The (start, end) of the line-break-delimited paragraph holding character ``pos``."""
    pos = max(0, min(pos, len(text)))
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


# A text this short may well be one paragraph (a brief, a snippet).
FLATTENED_MIN_CHARS = 1000


def lost_paragraphs(text: str) -> bool:
    """True for an article whose source flattened it to one line (feeds and corpora often
    do): its paragraph breaks are unknown, so no stretch of it can be read as one paragraph."""
    return len(text) > FLATTENED_MIN_CHARS and "\n" not in text.strip()


def crosses_break(text: str, start: int, end: int) -> bool:
    return "\n" in text[start:end]


def clip_to_paragraph(text: str, start: int, end: int, keep: int) -> tuple[int, int]:
    """The part of [start, end) inside the paragraph of ``keep`` (a character of the span,
    e.g. its head word), without the whitespace at its ends."""
    p0, p1 = paragraph_at(text, keep)
    start, end = max(start, p0), min(end, p1)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
