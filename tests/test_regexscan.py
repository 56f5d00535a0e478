"""A pattern behind its start filter finds exactly what the pattern finds."""
import re

import pytest

from eventwire.regexscan import compile_with_start_filter
from eventwire.times.lexicon import load_lexicon

TEXTS = [
    "The talks resumed on Monday, 3 March 2019, two weeks after the ceasefire.",
    "Police said the curfew, imposed in SEPTEMBER, would end at 6 p.m. on Friday.",
    "Rebels shelled the town early this morning; by the afternoon 12 people had died.",
    # case folds that differ from str.lower(): long s, Kelvin sign, dotted capital I
    "ſeptember talks in İstanbul, a 5 K rise, ＭＡＲＣＨ and Ⅻ o'clock",
    "",
    "x",
]

PATTERNS = [
    (r"\b(?:september|february|march|may)", re.IGNORECASE),
    (r"(?<![\w'’-])(?:(?:the )?(?:morning|afternoon|evening))(?![\w])", re.IGNORECASE),
    (r"(?:(?-i:March|MARCH)|may)\.?", re.IGNORECASE),
    (r"\d\s?(?:a\.m|p\.m|am|pm)", re.IGNORECASE),
    (r"(?:the|a)?\s*(?:weeks?|days?)", 0),
    (r"[A-Z][a-z]+(?:day)", 0),
    (r"(?i:monday|friday)", 0),          # a group widening the case: left unfiltered
    (r"x*", 0),                          # may match empty: left unfiltered
    (r".onday", re.IGNORECASE),          # any character first: left unfiltered
    (r"[^a-z]+day", 0),                  # a negated class first: left unfiltered
]


@pytest.mark.parametrize("source,flags", PATTERNS)
@pytest.mark.parametrize("text", TEXTS)
def test_filtered_pattern_matches_the_same_spans(source, flags, text):
    pattern = re.compile(source, flags)
    filtered = compile_with_start_filter(source, flags)
    assert [m.span() for m in filtered.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert [m.groups() for m in filtered.finditer(text)] == [m.groups() for m in pattern.finditer(text)]


@pytest.mark.parametrize("source,flags,filtered", [
    (r"\b(?:september|march)", re.IGNORECASE, True),
    (r"\d+ (?:days|weeks)", 0, True),
    (r"(?:half|two quarters)", re.IGNORECASE, True),
    (r"(?i:monday)", 0, False),
    (r"x*", 0, False),
    (r"(?:a|)b?", 0, False),
    (r".onday", 0, False),
    (r"[^a-z]day", 0, False),
    (r"(?i)monday", 0, False),           # global inline flags cannot move behind a lookahead
])
def test_filter_is_added_only_where_the_first_characters_are_known(source, flags, filtered):
    pattern = re.compile(source, flags)
    result = compile_with_start_filter(source, flags)
    assert (result.pattern != source) == filtered
    assert result.flags == pattern.flags
    assert result.groupindex == pattern.groupindex


def test_time_rules_are_filtered_and_keep_their_named_groups():
    rules = load_lexicon().rules
    assert all(rule.regex.pattern.startswith("(?=[") for rule in rules)
    assert all(rule.trigger.pattern.startswith("(?=[") for rule in rules if rule.trigger)
    month_day = [r for r in rules if "(?P<" in r.regex.pattern]
    assert month_day and all(r.regex.groupindex for r in month_day)


@pytest.mark.parametrize("text,expected", [
    ("The siege began on 3 March 2019 and ended in May.", ["3 March 2019", "May"]),
    ("They met last Friday at 6 p.m.", ["last Friday", "6 p.m."]),
])
def test_time_rules_still_find_expressions(text, expected):
    from eventwire.times.recognize import recognize
    assert [text[f.start:f.end] for f in recognize(text, None)] == expected


PLACE_TEXTS = [
    "KHARTOUM, Sudan (Reuters) — Fighting spread to Wad Madani on Tuesday.",
    "ODESA  Ukrainian drones struck a tanker in the Black Sea.\nGAZA CITY -- Aid trucks waited.",
    "Pirates seized a ship in the Gulf of Aden, off the coast of Puntland; the Taiwan Strait was calm.",
    "Residents of Tal al-Ahmar and Jebel 'Amer fled to Ar-Raqqa and St. Louis, ‘Ain Issa and Kafr 3.",
    "no capitals here at all, only the bay of pigs and the north sea",
    "",
]


@pytest.mark.parametrize("name", ["recognize._DATELINE_NAME", "unlisted.NAME", "unlisted._WATER_OF"])
@pytest.mark.parametrize("text", PLACE_TEXTS)
def test_places_whole_text_scans_match_as_the_plain_patterns(name, text):
    from eventwire.places import recognize, unlisted
    module, attribute = name.split(".")
    filtered = getattr({"recognize": recognize, "unlisted": unlisted}[module], attribute)
    assert filtered.pattern.startswith("(?=[")
    plain = re.compile(filtered.pattern[filtered.pattern.index(")(?:") + 4:-1], filtered.flags)
    assert [(m.span(), m.groups()) for m in filtered.finditer(text)] == \
        [(m.span(), m.groups()) for m in plain.finditer(text)]


# --- several patterns in one scan (MultiScan) -------------------------------------------

SCAN_TEXTS = TEXTS + [
    # overlapping hits of one pattern ("and or"), one word starting hits of several, a hit
    # right after another, hyphens and apostrophes at word edges
    "Talks ran to Friday and or through the weekend; day-to-day, the day's end, today and today.",
    "week of 3 March: weeks, weekend, weekends, midweek, a two-week truce and  two  weeks",
    "ＭＡＲＣＨ, ſeptember, Kelvin K and İstanbul, then MARCH and march",
]

SCAN_PATTERNS = [
    (r"\b(?:day|week|weekend|month)\b", re.IGNORECASE),
    (r"\b(?:and|or|to|through)\s", re.IGNORECASE),
    (r"\b(?:(?-i:March|MARCH)|september|sept\.?)", re.IGNORECASE),
    (r"\b(?:day|weekend|week)", re.IGNORECASE),          # shares hits with the first
    (r"\bweeks? of", re.IGNORECASE),
    (r"(?:morning|afternoon|evening)", re.IGNORECASE),   # may begin inside a word: alone
    (r"\b(\w)\w*\1", re.IGNORECASE),                     # refers to its own group: alone
    (r"\b(?:x*)", re.IGNORECASE),                        # may match empty: alone
    (r"March|\bday", 0),                                 # one alternative may begin inside a word: alone
    (r"\b(?:Monday|Friday)", 0),                         # other flags: with the next
    (r"\b(?:K|I)", 0),
]


@pytest.mark.parametrize("text", SCAN_TEXTS)
def test_one_scan_finds_what_each_pattern_finds(text):
    from eventwire.regexscan import MultiScan

    patterns = [re.compile(compile_with_start_filter(s, f).pattern, f) for s, f in SCAN_PATTERNS]
    scan = MultiScan(patterns)
    assert scan.spans(text) == [[m.span() for m in p.finditer(text)] for p in patterns]


def test_only_patterns_that_begin_at_a_word_boundary_are_scanned_together():
    from eventwire.regexscan import MultiScan

    scan = MultiScan([re.compile(s, f) for s, f in SCAN_PATTERNS])
    together = sorted(k for _, members in scan._combined for k, _ in members)
    assert together == [0, 1, 2, 3, 4, 9, 10]
    assert sorted(scan._alone) == [5, 6, 7, 8]


def test_the_time_triggers_are_found_in_one_scan_as_each_alone():
    lex = load_lexicon()
    triggers = lex.trigger_scan.patterns
    assert len({(t.pattern, t.flags) for r in lex.rules if r.trigger is not None for t in [r.trigger]}) == len(triggers)
    assert lex.trigger_scan._combined   # the month names, weekdays and units share one scan
    for text in SCAN_TEXTS:
        hits = lex.trigger_hits(text)
        assert {(t.pattern, t.flags): hits[(t.pattern, t.flags)] for t in triggers} == \
            {(t.pattern, t.flags): [m.span() for m in t.finditer(text)] for t in triggers}


# --- patterns that begin with a shared lookbehind (MultiScan's ``after``) ----------------

WORD_START = r"(?<![\w'’-])"

AFTER_PATTERNS = [
    (WORD_START + r"(?:(?P<n>\d+) (?P<unit>days?|weeks?))(?![\w])", re.IGNORECASE),
    (WORD_START + r"(?:(?P<unit>today|tonight|yesterday))(?![\w])", re.IGNORECASE),   # same group name
    (WORD_START + r"(?:(?:early|late) (?P<part>morning|evening))", re.IGNORECASE),
    (WORD_START + r"(?:day|week|weekend)", re.IGNORECASE),                    # hits inside others' hits
    (r"(?<![\w-])(?:day|week)", re.IGNORECASE),                             # another lookbehind: alone
    (WORD_START + r"(?:x*)", re.IGNORECASE),                                # may match empty: alone
    (r"\b(?:day|week)s?", re.IGNORECASE),                                   # \b: with its own kind
    (r"\b(?:today|tomorrow)", re.IGNORECASE),
]

AFTER_TEXTS = SCAN_TEXTS + [
    "Yesterday and today, 3 days and 12 WEEKS later, early morning; mid-day, o'day, ‘today’ and 2 days-long",
    "today's talks, Today; TODAY. 4 weeks 5 days 6 day 7 Days. late evening early evening late morning",
]


@pytest.mark.parametrize("text", AFTER_TEXTS)
def test_one_scan_behind_a_lookbehind_finds_each_patterns_matches(text):
    from eventwire.regexscan import MultiScan

    patterns = [compile_with_start_filter(s, f) for s, f in AFTER_PATTERNS]
    scan = MultiScan(patterns, after=WORD_START)
    found = scan.matches(text)
    for pattern, matches in zip(patterns, found):
        assert [(m.span(), m.groups(), m.groupdict()) for m in matches] == \
            [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]
    assert scan.spans(text) == [[m.span() for m in p.finditer(text)] for p in patterns]


def test_only_patterns_that_begin_with_the_lookbehind_itself_are_scanned_behind_it():
    from eventwire.regexscan import MultiScan

    patterns = [compile_with_start_filter(s, f) for s, f in AFTER_PATTERNS]
    scan = MultiScan(patterns, after=WORD_START)
    groups = sorted(sorted(k for k, _ in members) for _, members in scan._combined)
    assert groups == [[0, 1, 2, 3], [6, 7]]
    assert sorted(scan._alone) == [4, 5]
    # without ``after`` the lookbehind patterns are each scanned alone
    plain = MultiScan(patterns)
    assert sorted(k for _, members in plain._combined for k, _ in members) == [6, 7]


@pytest.mark.parametrize("source,expected", [
    (r"(?P<year>\d{4})-(?P<month>\d\d)", r"(\d{4})-(\d\d)"),
    (r"\(?P<x>y\\(?P<z>a)", r"\(?P<x>y\\(a)"),     # an escaped parenthesis is no group
    (r"[(?P<a>]x(?P<b>y)", None),                   # a class that holds "(?P<": left alone
    (r"no groups", r"no groups"),
])
def test_named_groups_are_made_plain_only_where_nothing_else_changes(source, expected):
    from eventwire.regexscan import _unnamed

    assert _unnamed(source, 0) == expected


def test_the_time_rules_without_a_trigger_are_found_in_one_scan_as_each_alone():
    lex = load_lexicon()
    untriggered = [r.regex for r in lex.rules if r.trigger is None]
    assert untriggered and len(lex.untriggered_scan.patterns) == len({(p.pattern, p.flags) for p in untriggered})
    assert not lex.untriggered_scan._alone   # all begin with the rules' own lookbehind
    for text in AFTER_TEXTS + TEXTS:
        hits = lex.trigger_hits(text)
        for p in untriggered:
            assert [(m.span(), m.groupdict()) for m in hits[(p.pattern, p.flags)]] == \
                [(m.span(), m.groupdict()) for m in p.finditer(text)]
