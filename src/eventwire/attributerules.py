"""The model's attribute ruler matched on arrays instead of spaCy's ``Matcher``.

The English model's ``attribute_ruler`` (179 rules: a tag's part of speech and morphology,
pronoun lemmas, "not", auxiliaries...) finds where its rules apply with spaCy's ``Matcher``,
which calls every ``IN``, ``NOT_IN`` and ``REGEX`` test of every rule in Python at every token,
before comparing the plain values: about 13 µs a token, a tenth of the whole parse (0.63 s
of some 6.3 s for the 114 sample articles).

``AttributeMatches`` reads the same rules and finds the same matches from one ``Doc.to_array``
of the attributes they test: each test is a comparison of a column, made once per document,
and only the rules whose plain values (a tag, a word) the document has are tried. The ruler applies
what it is given exactly as before (``AttributeRuler.set_annotations``), so the Doc is the
same token for token. Rules of a form this reader does not know (an operator, an extension
attribute, a set test other than ``IN``/``NOT_IN``) leave the ruler on spaCy's ``Matcher``.
"""
from __future__ import annotations

import re
from collections.abc import Callable

# token attributes a rule may test, read with ``Doc.to_array`` (the values spaCy's matcher
# compares: string hashes, symbol ids, 0/1 for the flags)
_STRING_ATTRS = ("ORTH", "LOWER", "NORM", "LEMMA", "TAG", "POS", "DEP", "ENT_TYPE", "SHAPE",
                 "PREFIX", "SUFFIX")
_FLAG_ATTRS = ("IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE",
               "IS_PUNCT", "IS_SPACE", "IS_STOP", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL")
_ALIASES = {"TEXT": "ORTH"}


class Unsupported(ValueError):
    """A rule of a form ``AttributeMatches`` does not read."""


class AttributeMatches:
    """``AttributeRuler.match`` for the ruler's rules: the same sorted list of
    ``(rule index, match id, start, end)``."""

    def __init__(self, ruler) -> None:
        strings = ruler.vocab.strings
        self._strings = strings
        # Patterns by one plain value they need, (column, value): only those of the values a
        # Doc has are tried; patterns that need none are tried on every Doc. An entry: (rule
        # index, match id, the tests of each token, the other plain values needed).
        self._by_value: dict[tuple[int, int], list[tuple]] = {}
        self._always: list[tuple] = []
        self._rules = 0
        attrs: list[str] = []
        for i in range(len(ruler.attrs)):
            key = str(i)
            _, patterns = ruler.matcher.get(key)
            for pattern in patterns:
                tests = [self._token_tests(spec, attrs) for spec in pattern]
                needed = _needed(tests)
                entry = (i, strings[key], tests, needed[1:])
                if needed:
                    self._by_value.setdefault(needed[0], []).append(entry)
                else:
                    self._always.append(entry)
            self._rules += 1
        self._attrs = attrs
        self._columns = [_attr_id(a) for a in attrs]

    def _token_tests(self, spec: dict, attrs: list[str]) -> list[tuple]:
        """One token's tests as (column, kind, value): kind "==" (a value), "in" / "not in"
        (a set of values), "regex" (a compiled pattern searched in the value's string)."""
        tests = []
        for name, value in spec.items():
            attr = _ALIASES.get(name.upper() if isinstance(name, str) else name, name)
            if not isinstance(attr, str) or attr not in _STRING_ATTRS + _FLAG_ATTRS:
                raise Unsupported(f"attribute {name!r}")
            if attr not in attrs:
                attrs.append(attr)
            column = attrs.index(attr)
            if isinstance(value, dict):
                for op, arg in value.items():
                    tests.append((column, *self._set_test(op, arg, attr)))
            elif isinstance(value, bool):
                tests.append((column, "==", int(value)))
            elif isinstance(value, str) and attr in _STRING_ATTRS:
                tests.append((column, "==", self._strings.add(value)))
            elif isinstance(value, int) and not isinstance(value, bool):
                tests.append((column, "==", value))
            else:
                raise Unsupported(f"value {value!r} of {name!r}")
        return tests

    def _set_test(self, op: str, arg, attr: str) -> tuple:
        if op in ("IN", "NOT_IN") and isinstance(arg, (list, tuple)) \
                and all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in arg) \
                and attr != "MORPH":
            from spacy.strings import get_string_id

            return ("in" if op == "IN" else "not in", frozenset(get_string_id(v) for v in arg))
        if op == "REGEX" and isinstance(arg, str) and attr in _STRING_ATTRS:
            return ("regex", re.compile(arg))
        raise Unsupported(f"{op} {arg!r}")

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        n = len(doc)
        if not n or not self._rules:
            return []
        table = doc.to_array(self._columns)
        if table.ndim == 1:
            table = table.reshape(n, 1)
        # per tested attribute: value -> the positions of the tokens that have it
        where: list[dict[int, list[int]]] = []
        for column in table.T.tolist():
            at: dict[int, list[int]] = {}
            for i, value in enumerate(column):
                if value in at:
                    at[value].append(i)
                else:
                    at[value] = [i]
            where.append(at)
        found: dict = {}

        def passing(test: tuple) -> frozenset[int]:
            """The positions of the tokens that pass ``test`` (made once per document)."""
            if test in found:
                return found[test]
            column, kind, value = test
            at = where[column]
            if kind == "==":
                hits = at.get(value, ())
            elif kind == "in":
                hits = [i for v in value & at.keys() for i in at[v]]
            elif kind == "not in":
                hits = [i for v in at.keys() - value for i in at[v]]
            else:
                strings = self._strings
                hits = [i for v, ii in at.items() if value.search(strings[v]) for i in ii]
            found[test] = result = frozenset(hits)
            return result

        tried = list(self._always)
        by_value = self._by_value
        for column, at in enumerate(where):
            for value in at:
                entries = by_value.get((column, value))
                if entries:
                    tried.extend(entries)
        # spaCy's list: sorted by rule index, then match id (one per rule), start and end
        spans: set[tuple[int, int, int, int]] = set()
        for i, match_id, tests, needed in tried:
            width = len(tests)
            if width <= n and all(value in where[column] for column, value in needed):
                spans.update((i, match_id, s, s + width) for s in _pattern_starts(tests, n - width + 1, passing))
        return sorted(spans)


def _needed(pattern: list[list[tuple]]) -> tuple[tuple[int, int], ...]:
    """(column, value) of every plain value a token of the pattern must have."""
    return tuple((column, value) for tests in pattern for column, kind, value in tests if kind == "==")


def _pattern_starts(pattern: list[list[tuple]], starts: int,
                    passing: Callable[[tuple], frozenset[int]]) -> frozenset[int] | set[int] | range:
    """The start positions (below ``starts``) at which every token of ``pattern`` passes its
    tests."""
    at = None
    for offset, tests in enumerate(pattern):
        for test in tests:
            hits = passing(test)
            if offset:
                hits = {i - offset for i in hits if i >= offset}
            at = hits if at is None else at & hits
            if not at:
                return frozenset()
    if at is None:   # every token unconstrained ({}): every start
        return range(starts)
    return {i for i in at if i < starts}


def _attr_id(name: str) -> int:
    from spacy.attrs import IDS

    return IDS[name]


def install(nlp) -> bool:
    """Give ``nlp``'s attribute ruler ``AttributeMatches`` in place of its matcher's call, when
    it reads every rule; True if it did. The ruler's rules, patterns and set_annotations stay
    spaCy's."""
    try:
        ruler = nlp.get_pipe("attribute_ruler")
    except KeyError:
        return False
    try:
        ruler.match = AttributeMatches(ruler)
    except Unsupported:
        return False
    return True
