"""Quotation marks: where quoted stretches of text open and close.

News text mixes straight and curly marks, guillemets, NYT-style ``''``, nested quotes and
marks that never close. Scanning is done one paragraph (line) at a time: a quotation still
open at the end of a line stops there, because news style re-opens a quotation that runs
on into the next paragraph. So an unbalanced mark can never run past its paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_OPENING_CONTEXT = " \t\xa0([{—–-―/:;,"
_MARK = re.compile(r"''|[\"“”„«»‘’']")


@dataclass
class Segment:
    """One top-level quoted stretch: marks at ``open``/``close``, content in [start, end)."""

    open: int
    start: int
    end: int
    close: int  # offset just after the closing mark (== end when the mark never closed)
    double: bool
    closed: bool
    para_start: int
    para_end: int

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def _is_opening(text: str, i: int, width: int, para_start: int) -> bool:
    before = text[i - 1] if i > para_start else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before in _OPENING_CONTEXT or before in _OPEN_DOUBLE or before in "‘\"") and not after.isspace()


def _is_closing(text: str, i: int, width: int) -> bool:
    after = text[i + width] if i + width < len(text) else " "
    return not after.isalnum()


def find_segments(text: str) -> list[Segment]:
    """All top-level quoted stretches of ``text``, in order."""
    out: list[Segment] = []
    for para in re.finditer(r"[^\n]+", text):
        out.extend(_scan_paragraph(text, para.start(), para.end()))
    return out


def _scan_paragraph(text: str, p0: int, p1: int) -> list[Segment]:
    segments: list[Segment] = []
    stack: list[tuple[str, int, int]] = []  # (kind, mark offset, mark width)

    def close_top(i: int, width: int):
        kind, at, w = stack.pop()
        if not stack:
            start, end = at + w, i
            if end > start and text[start:end].strip():
                segments.append(Segment(at, start, end, i + width, kind != "single", True, p0, p1))

    for m in _MARK.finditer(text, p0, p1):
        i, mark = m.start(), m.group()
        width = len(mark)
        if stack and all(k == "single" for k, _, _ in stack) and (
                mark in _OPEN_DOUBLE or mark in ('"', "''") and _is_opening(text, i, width, p0)):
            stack.clear()  # an unclosed single mark before a double one was an apostrophe
        if mark in _OPEN_DOUBLE:
            stack.append(("curly", i, width))
        elif mark in _CLOSE_DOUBLE:
            if any(k in ("curly", "straight") for k, _, _ in stack):
                while stack and stack[-1][0] == "single":
                    stack.pop()
                close_top(i, width)
            elif _is_opening(text, i, width, p0):  # a closing mark used to open (”Fear. ...)
                stack.append(("curly", i, width))
        elif mark in ('"', "''"):
            if stack and any(k == "straight" for k, _, _ in stack) and _is_closing(text, i, width):
                while stack and stack[-1][0] != "straight":
                    stack.pop()
                close_top(i, width)
            elif _is_opening(text, i, width, p0):
                stack.append(("straight", i, width))
            elif stack and stack[-1][0] == "curly" and _is_closing(text, i, width):
                close_top(i, width)  # a curly quotation closed by a straight mark
        elif mark in ("‘", "'"):
            if _is_opening(text, i, width, p0):
                stack.append(("single", i, width))
            elif mark == "'" and stack and stack[-1][0] == "single" and _is_closing(text, i, width):
                close_top(i, width)
        elif mark == "’":
            if stack and stack[-1][0] == "single" and _is_closing(text, i, width):
                close_top(i, width)
    while stack and stack[-1][0] == "single":
        stack.pop()  # a single mark that never closed was an apostrophe
    if stack:
        # Unclosed: the outermost quotation runs to the end of its paragraph, no further.
        kind, at, w = stack[0]
        end = p1
        while end > at + w and text[end - 1].isspace():
            end -= 1
        if end > at + w and text[at + w:end].strip():
            segments.append(Segment(at, at + w, end, end, kind != "single", False, p0, p1))
    return segments
