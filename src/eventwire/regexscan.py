"""Scanning a text with a regular expression at the positions it can start at only.

Python's regular-expression engine skips ahead in C to the positions where a match can start
only when the pattern begins with literal characters that have no case; a case-insensitive
pattern of words ("september|february|...", re.IGNORECASE), or one that begins with ``\\b``
or a lookbehind, is tried in full at every position of the text. The time rules scan every
document with some seventy such patterns, the largest single line of the stages' profile.
``compile_with_start_filter`` puts a lookahead for the characters a match can begin with in
front of the pattern: the engine still visits every position, but rejects the others at the
first character. Matches are the same: the lookahead is compiled with the pattern's own flags, so
a character it admits is exactly one that the pattern's first literal or class would admit.
"""
from __future__ import annotations

import re
from re import _constants as C   # CPython's own pattern parser, 3.11+ (the project's floor)
from re import _parser

# class items kept as they are written, so that flags (IGNORECASE, ASCII) read them as the
# pattern itself does
_CATEGORY_ESCAPES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
                     C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
# a group's own flags that admit more characters than the lookahead, read with the
# pattern's flags, would
_WIDENING_FLAGS = re.IGNORECASE | re.UNICODE | re.LOCALE


def compile_with_start_filter(source: str, flags: int = 0) -> re.Pattern:
    """``re.compile(source, flags)`` behind a lookahead for the characters its matches can
    begin with; the plain compiled pattern when they cannot be listed (it may match the empty
    string, or begin with ``.`` or a negated class)."""
    try:
        starts, can_be_empty = _first_items(_parser.parse(source, flags))
    except Exception:   # a parse tree this reader does not know: no filter, same matches
        return re.compile(source, flags)
    if starts is None or can_be_empty or not starts:
        return re.compile(source, flags)
    try:
        return re.compile(f"(?=[{''.join(sorted(starts))}])(?:{source})", flags)
    except re.error:   # e.g. global inline flags, which must stay at the very start
        return re.compile(source, flags)


def _first_items(seq) -> tuple[set[str] | None, bool]:
    """The character-class items a match of the parsed ``seq`` can begin with (None: cannot
    tell), and whether ``seq`` can match the empty string."""
    starts: set[str] = set()
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue
        if op is C.LITERAL:
            starts.add(re.escape(chr(av)))
            return starts, False
        if op is C.IN:
            items = _class_items(av)
            return (None if items is None else starts | items), False
        if op is C.SUBPATTERN:
            if av[1] & _WIDENING_FLAGS:   # "(?i:...)" in a pattern without IGNORECASE
                return None, False
            sub, can_be_empty = _first_items(av[-1])
        elif op is C.BRANCH:
            sub, can_be_empty = set(), False
            for alternative in av[1]:
                items, empty = _first_items(alternative)
                if items is None:
                    return None, False
                sub |= items
                can_be_empty = can_be_empty or empty
        elif op in _REPEATS:
            sub, can_be_empty = _first_items(av[2])
            can_be_empty = can_be_empty or av[0] == 0
        else:
            return None, False
        if sub is None:
            return None, False
        starts |= sub
        if not can_be_empty:
            return starts, False
    return starts, True


def _class_items(items) -> set[str] | None:
    out = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(re.escape(chr(av)))
        elif op is C.RANGE:
            out.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is C.CATEGORY and av in _CATEGORY_ESCAPES:
            out.add(_CATEGORY_ESCAPES[av])
        else:   # a negated class and the like
            return None
    return out
