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


class MultiScan:
    """The matches of several patterns over one text, those that begin at a word boundary
    (or after the assertion ``after``) found in one scan of the text.

    ``spans(text)[k]`` is ``[m.span() for m in patterns[k].finditer(text)]``, exactly. Python's
    engine tries a pattern such as ``\\b(?:day|week|month)`` at every position of the text;
    patterns that all begin with ``\\b`` (after any lookahead) and share their flags are tried
    together instead, at word boundaries only: one pattern holds each of them in a lookahead
    with a group, ``\\b(?=[first characters])(?:(?=(P1)))?+(?:(?=(P2)))?+...``, and ends with a
    test that one of the groups matched. Its matches are the positions where at least one
    pattern matches, each group holding that pattern's match there (a lookahead tries its
    pattern as a search at that position does, seeing the text before it). Each pattern's own
    scan is then replayed from those positions: a match counts when it starts at or after the
    end of the last one counted, where ``finditer`` goes on from. Any other pattern (one that
    may match the empty string, refers to its own groups, or may begin inside a word) is
    scanned on its own: put together, the engine's work at each position of the text is the
    sum of theirs, and nothing is saved.

    ``after``: the source of a zero-width assertion (a lookbehind such as ``(?<![\\w-])``)
    that patterns may begin with instead of ``\\b``, lookaheads aside; those that begin with
    exactly it (the same parse, read with their flags) are scanned together behind it, as the
    others behind ``\\b``. ``matches(text)`` gives each pattern's ``Match`` objects, as
    ``finditer`` does: at a position the scan found, the pattern's own ``match`` there.
    """

    def __init__(self, patterns, after: str | None = None) -> None:
        self.patterns = list(patterns)
        self._combined: list[tuple[re.Pattern, list[tuple[int, int]]]] = []   # (pattern, [(k, group)])
        self._alone: list[int] = []
        by_start: dict[tuple[int, str], list[int]] = {}
        for k, pattern in enumerate(self.patterns):
            start = _scanned_start(pattern, after)
            if start is not None:
                by_start.setdefault((pattern.flags, start), []).append(k)
            else:
                self._alone.append(k)
        for (flags, start), members in by_start.items():
            combined = _combine([self.patterns[k] for k in members], flags, start) if len(members) > 1 else None
            if combined is None:
                self._alone.extend(members)
            else:
                pattern, groups = combined
                self._combined.append((pattern, list(zip(members, groups))))

    def spans(self, text: str) -> list[list[tuple[int, int]]]:
        out: list[list[tuple[int, int]]] = [[] for _ in self.patterns]
        for k in self._alone:
            out[k] = [m.span() for m in self.patterns[k].finditer(text)]
        for k, start, end in self._combined_hits(text):
            out[k].append((start, end))
        return out

    def matches(self, text: str) -> list[list[re.Match]]:
        """``matches(text)[k]`` is ``list(patterns[k].finditer(text))``: the same spans and
        groups (each ``Match``'s ``pos`` is where it starts)."""
        out: list[list[re.Match]] = [[] for _ in self.patterns]
        for k in self._alone:
            out[k] = list(self.patterns[k].finditer(text))
        for k, start, _ in self._combined_hits(text):
            out[k].append(self.patterns[k].match(text, start))
        return out

    def _combined_hits(self, text: str):
        """(pattern index, start, end) of each combined pattern's hits, in text order per pattern."""
        for pattern, members in self._combined:
            last_end = dict.fromkeys((k for k, _ in members), 0)
            for m in pattern.finditer(text):
                regs = m.regs
                for k, group in members:
                    start, end = regs[group]
                    if start >= last_end[k]:   # (-1, -1) where the pattern does not match
                        yield k, start, end
                        last_end[k] = end


def _scanned_start(pattern: re.Pattern, after: str | None) -> str | None:
    """The assertion (``\\b`` or ``after``) that every match of ``pattern`` begins at, when
    every match is non-empty and its start characters can be listed, and the pattern refers to
    none of its own groups; else None (the pattern is scanned alone)."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:
        return None
    starts, can_be_empty = _first_items(parsed)
    if starts is None or not starts or can_be_empty or _refers_to_groups(parsed):
        return None
    wanted = None
    if after is not None:
        try:
            wanted = _canonical(_parser.parse(after, pattern.flags).data[0])
        except Exception:
            wanted = None
    begins = _begins_with(parsed, wanted)
    return {"boundary": r"\b", "after": after}.get(begins)


def _begins_with(seq, wanted) -> str | None:
    """"boundary" when a parsed pattern begins with ``\\b``, "after" when with the assertion
    whose parse is ``wanted``; zero-width items before either (lookaheads, a positive
    lookbehind) do not move the position."""
    for op, av in seq:
        if wanted is not None and op in (C.ASSERT, C.ASSERT_NOT) and _canonical((op, av)) == wanted:
            return "after"
        if op is C.ASSERT:   # a lookahead or lookbehind: the position does not move
            continue
        if op is C.AT:
            return "boundary" if av is C.AT_BOUNDARY else None
        if op is C.SUBPATTERN:   # "(?:\\b...)", without flags of its own (they could change \\b)
            return _begins_with(av[-1], wanted) if not av[1] and not av[2] else None
        return None
    return None


def _canonical(item):
    """A parsed item as nested tuples, to compare two parses."""
    if isinstance(item, _parser.SubPattern):
        return tuple(_canonical(x) for x in item.data)
    if isinstance(item, (tuple, list)):
        return tuple(_canonical(x) for x in item)
    return item


def _refers_to_groups(seq) -> bool:
    for op, av in seq:
        if op in (C.GROUPREF, C.GROUPREF_EXISTS):
            return True
        for item in (av if isinstance(av, (tuple, list)) else (av,)):
            for sub in (item if isinstance(item, (tuple, list)) else (item,)):
                if isinstance(sub, _parser.SubPattern) and _refers_to_groups(sub):
                    return True
    return False


def _combine(patterns: list[re.Pattern], flags: int, start: str = r"\b"):
    """(one pattern trying each of ``patterns`` at every position where ``start`` holds, the
    group of each pattern's match in it), or None when it cannot be compiled."""
    starts: set[str] = set()
    parts, groups = [], []
    group = 1
    for pattern in patterns:
        starts |= _first_items(_parser.parse(pattern.pattern, flags))[0]
        source = _unnamed(pattern.pattern, flags)
        if source is None:
            return None
        parts.append(f"(?:(?=({source})))?+")
        groups.append(group)
        group += 1 + pattern.groups
    test = "(?!)"   # "(?(1)|(?(2)|...(?!)))": at least one group matched
    for g in reversed(groups):
        test = f"(?({g})|{test})"
    try:
        combined = re.compile(start + f"(?=[{''.join(sorted(starts))}])" + "".join(parts) + test, flags)
    except (re.error, RecursionError, OverflowError):
        return None
    if combined.groups != group - 1:
        return None
    return combined, groups


# a named group's opening, not escaped: "(?P<year>"
_NAMED_GROUP = re.compile(r"(?<!\\)((?:\\\\)*)\(\?P<\w+>")


def _unnamed(source: str, flags: int) -> str | None:
    """``source`` with its named groups made plain groups (the same numbers): two patterns
    that name a group alike ("year") cannot stand in one. None if that changed anything else
    (the parse, which holds group numbers but no names, must stay the same)."""
    plain = _NAMED_GROUP.sub(r"\1(", source)
    if plain == source:
        return source
    try:
        same = _canonical(_parser.parse(plain, flags)) == _canonical(_parser.parse(source, flags))
    except Exception:
        return None
    return plain if same else None
