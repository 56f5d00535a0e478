"""TIMEX3 normalization: a recognized expression and the document date in, type and value out.

One function per recognition rule (patterns.yaml names them). Each gets the regex match
and the document's ``Resolver`` (document date, tense lookup, what was mentioned before)
and returns a ``Norm`` or None to drop the match. Relative expressions are resolved against
the document creation date (DCT); without one they get TIMEX3 ``X`` placeholders and never an
invented day.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from . import calendar as cal
from .lexicon import Lexicon, parse_number, parse_spelled_year
from .tense import FUTURE, PAST, UNKNOWN


@dataclass
class Norm:
    type: str
    value: str
    start: int | None = None      # trimmed span, when the rule matched more than the timex
    end: int | None = None
    relative: bool = False        # resolved against the document date or a mentioned date
    anaphoric: bool = False       # resolved against an earlier expression ("a year earlier")


# the words next to a position, and the shapes of a normalized value the resolver remembers
_LAST_WORD = re.compile(r"([A-Za-z]+)[\s\"'`]*$")
_FIRST_WORD = re.compile(r"(?:'s|’s)?[ \t]*[-\n]?[ \t]*([A-Za-z]+)")
_DAY_AND_CLOCK = re.compile(r"^\d{4}-\d\d-\d\dT")
_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")
_YEAR_FIRST = re.compile(r"^\d{3,4}")


@dataclass
class Resolver:
    """Per-document state: the anchor, a tense oracle and the discourse references."""
    dct: dt.date | None
    lex: Lexicon
    text: str
    tense_at: Callable[[int, int], int] = lambda s, e: UNKNOWN
    ref: str | None = None            # last concrete DATE value mentioned (for "a year earlier")
    ref_end: int = -1
    last_quarter: str | None = None   # last quarter mentioned ("the quarter")
    last_quarter_end: int = -1
    any_quarter: str | None = None    # last quarter mentioned, year-ago ones included ("that quarter")
    _tense_cache: dict = field(default_factory=dict)

    def tense(self, m: re.Match) -> int:
        key = m.span()
        if m.group(0).endswith(("'s", "’s")):
            key = (key[0], key[1] - 2)
        if key not in self._tense_cache:
            self._tense_cache[key] = self.tense_at(*key)
        return self._tense_cache[key]

    def word_before(self, pos: int) -> str:
        """The word just before ``pos`` in the same clause (only spaces or quotes between)."""
        m = _LAST_WORD.search(self.text[max(0, pos - 30):pos])
        return m.group(1).lower() if m else ""

    def word_after(self, pos: int) -> str:
        """The word just after ``pos`` in the same clause (a full stop or comma ends it)."""
        m = _FIRST_WORD.match(self.text[pos:pos + 30])
        return m.group(1).lower() if m else ""

    def remember(self, norm: Norm, end: int) -> None:
        if norm.type == "TIME" and _DAY_AND_CLOCK.match(norm.value):
            # "yesterday afternoon ... until early evening": later clock times take its day.
            self.ref, self.ref_end = norm.value[:10], end
            return
        if norm.type != "DATE":
            return
        v = norm.value
        if _QUARTER.match(v):
            self.any_quarter = v
        if norm.anaphoric:
            return
        if _QUARTER.match(v):
            # Only a quarter already over can be the one a report compares ("a year ago").
            y, q = int(v[:4]), int(v[-1])
            if self.dct is None or dt.date(*cal.add_months(y, q * 3, 1), 1) <= self.dct:
                self.last_quarter, self.last_quarter_end = v, end
        if _YEAR_FIRST.match(v) and "X" not in v:
            self.ref, self.ref_end = v, end


# --------------------------------------------------------------------------- helpers

def _g(m: re.Match, name: str) -> str | None:
    try:
        v = m.group(name)
    except IndexError:
        return None
    return v.lower() if v is not None else None


def _month(text: str, lex: Lexicon) -> int | None:
    return lex.months.get(text.lower().rstrip("."))


def _weekday(text: str, lex: Lexicon) -> int | None:
    return lex.weekdays.get(text.lower().rstrip("."))


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _two_digit_year(y: int, dct: dt.date | None) -> int:
    if dct is None:
        return 1900 + y if y > 30 else 2000 + y
    century = dct.year // 100 * 100
    year = century + y
    return year - 100 if year > dct.year + 10 else year


def _direction(r: Resolver, m: re.Match, default: int = PAST) -> int:
    t = r.tense(m)
    return default if t == UNKNOWN else t


def _with_part(value: str, part: str | None, r: Resolver) -> str:
    if not part:
        return value
    code = r.lex.parts_of_day.get(part.lower())
    return f"{value}T{code}" if code else value


def _rel_shift(rel: str | None, lex: Lexicon) -> int | None:
    """How many units "last"/"next"/"this" move from the reference: -1, 1, 0; None for others."""
    if rel is None:
        return None
    for shift, words in ((-1, "one_back"), (1, "one_on"), (0, "none_on")):
        if rel in lex.words[words]:
            return shift
    return None


def _year_told(r: Resolver, m: re.Match, rel: str | None, year_for: Callable, last: int | None = None) -> int:
    """The year of a month or season told as "last May", "next spring", "this June" or bare
    ("in May": by the tense). ``year_for(direction, strict=...)``: the year of the month or
    season in that direction from the document date; ``last``: the year "last" gives instead."""
    if rel in ("last", "past", "this past"):
        return last if last is not None else year_for(PAST, strict=True)
    if rel in ("next", "coming", "this coming"):
        return year_for(FUTURE, strict=True)
    if rel == "this":
        return r.dct.year
    return year_for(r.tense(m))


# The normalizer of each rule of data/patterns.yaml, by the rule's name: each function below
# registers itself under the rule it normalizes (tests/test_times.py checks that every rule
# has one and every normalizer a rule).
NORMALIZERS: dict[str, Callable] = {}


def normalizes(rule: str):
    def register(fn: Callable) -> Callable:
        if rule in NORMALIZERS:
            raise ValueError(f"two normalizers for the time rule {rule!r}")
        NORMALIZERS[rule] = fn
        return fn
    return register


# --------------------------------------------------------------------------- explicit dates

@normalizes("iso_date")
def norm_iso_date(m, r):
    y, mo, d = int(m.group("year")), int(m.group("month")), int(m.group("day"))
    if cal.safe_date(y, mo, d) is None:
        return None
    v = f"{y:04d}-{mo:02d}-{d:02d}"
    if m.group("hour"):
        return Norm("TIME", f"{v}T{m.group('hour')}:{m.group('minute')}")
    return Norm("DATE", v)


@normalizes("slash_date")
def norm_slash_date(m, r):
    y = int(m.group("year"))
    if y < 100:
        y = _two_digit_year(y, r.dct)
    mo, d = int(m.group("month")), int(m.group("day"))
    if cal.safe_date(y, mo, d) is None:
        return None
    return Norm("DATE", f"{y:04d}-{mo:02d}-{d:02d}")


# the words after a day and month that may continue a name ("City", "Youth Movement")
_NEXT_WORDS = re.compile(r"[ \t]+([A-Za-z][\w'’-]*)(?:[ \t]+([A-Za-z][\w'’-]*))?(?:[ \t]+([A-Za-z][\w'’-]*))?")
# "on 6 October city officials said": after these a lower-case word is the clause's, no name's
_BEFORE_A_TIME = {"on", "by", "until", "till", "since", "from", "before", "after", "through"}
# the word just after a match, on its line (a comma or full stop before it: none)
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][\w'’-]*)")
_DAY_FIRST = re.compile(r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)? (?:of )?$")
_DAY_AFTER = re.compile(r"[ \t]+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b")


def _begins_a_name(r, start: int, end: int) -> bool:
    """'6th of October City', 'the April 6 Youth Movement', 'the March 14 alliance': the day
    and month at [start, end) begin the name of a place or a body (lexicon
    ``date_named_places_and_bodies``), with at most two capitalized words of the name between."""
    after = _NEXT_WORDS.match(r.text, end, end + 60)
    if after is None:
        return False
    heads = r.lex.words["date_named_places_and_bodies"]
    words = [w for w in after.groups() if w]
    for k, word in enumerate(words):
        if word.lower() in heads and (word[0].isupper() or k > 0 or r.word_before(start) not in _BEFORE_A_TIME):
            return True
        if not word[0].isupper():
            return False
    return False


def _month_of_a_name(m, r) -> bool:
    """A bare month that, with the day beside it, begins a name ("April 6 Youth Movement", "6th
    of October City"): the day-and-month rules refused the whole, so the month is no time."""
    before = _DAY_FIRST.search(r.text, max(0, m.start() - 8), m.start())
    if before is not None:
        return _begins_a_name(r, before.start(), m.end())
    day = _DAY_AFTER.match(r.text, m.end(), m.end() + 6)
    return day is not None and _begins_a_name(r, m.start(), day.end())


def _short_year(m, r) -> int | None:
    """The year a two-digit year after a day and month stands for ("26 Mar 23", "Sept. 7, '17"):
    the century of the publication date, unless that lies more than ten years ahead. None
    when there is none, or when the two digits can be a count ("on 6 March 23 soldiers died":
    a word follows them that lexicon ``after_a_two_digit_year`` does not hold, with no
    apostrophe before)."""
    yy = _g(m, "yy")
    if not yy:
        return None
    if yy[0].isdigit():
        after = _NEXT_WORD.match(r.text, m.end(), m.end() + 30)
        if after is not None and after.group(1).lower() not in r.lex.words["after_a_two_digit_year"]:
            return None
    return _two_digit_year(int(yy[-2:]), r.dct)


def _month_day(m, r, month: int, day: int):
    if _g(m, "yy"):
        short = _short_year(m, r)
        if short is not None:
            return _day_month_year(m, r, month, day, str(short))
        # two digits that may be a count: the day and month alone, the digits kept out of
        # every other time ("on 6 March 23 soldiers died" is no March 23)
        norm = _day_month_year(m, r, month, day, None, end=m.start("yy"))
        return norm if norm is None else replace(norm, end=m.start("yy"))
    return _day_month_year(m, r, month, day, m.group("year"))


def _day_month_year(m, r, month: int, day: int, year: str | None, end: int | None = None):
    if not year and _begins_a_name(r, m.start(), m.end() if end is None else end):
        return None
    if year:
        d = cal.safe_date(int(year), month, day)
        return Norm("DATE", d.isoformat()) if d else None
    if r.dct is None:
        if cal.safe_date(2000, month, day) is None:
            return None
        if r.ref and re.fullmatch(r"\d{4}-\d\d-\d\d", r.ref[:10]):
            # an undated note: "On 20 March 2023, ... They would march again on 27 March."
            # takes the year from the full date the text gave before
            ref = dt.date.fromisoformat(r.ref[:10])
            y = cal.year_for_day(ref, month, day, r.tense(m))
            if y is not None:
                return Norm("DATE", cal.safe_date(y, month, day).isoformat(), relative=True,
                            anaphoric=True)
        return Norm("DATE", f"XXXX-{month:02d}-{day:02d}", relative=True)
    wd = _g(m, "weekday")
    if wd:
        # "Friday, Oct. 23": the weekday picks the year when it can.
        want = _weekday(wd, r.lex)
        for y in (r.dct.year, r.dct.year - 1, r.dct.year + 1):
            d = cal.safe_date(y, month, day)
            if d and d.isoweekday() == want:
                return Norm("DATE", d.isoformat(), relative=True)
    y = cal.year_for_day(r.dct, month, day, r.tense(m))
    if y is None:
        return None
    return Norm("DATE", cal.safe_date(y, month, day).isoformat(), relative=True)


@normalizes("month_day")
def norm_month_day(m, r):
    month = _month(m.group("month"), r.lex)
    return _month_day(m, r, month, _day(m.group("day"))) if month else None


@normalizes("day_month")
def norm_day_month(m, r):
    month = _month(m.group("month"), r.lex)
    if not month:
        return None
    day = _day(m.group("day"))
    if not m.group("year") and not re.search(r"(?:st|nd|rd|th)$|^the ", m.group(0).split(" of")[0].lower()) \
            and not re.match(r"\d", m.group("day")):
        return None
    return _month_day(m, r, month, day)


@normalizes("ordinal_day")
def norm_ordinal_day(m, r):
    """"on the 7th": that day of the current month, or of the month before in the past."""
    day = int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    if r.dct is None:
        return Norm("DATE", f"XXXX-XX-{day:02d}", relative=True)
    direction = _direction(r, m)
    y, mo = r.dct.year, r.dct.month
    for _ in range(3):
        d = cal.safe_date(y, mo, day)
        if d is not None and ((direction == FUTURE and d >= r.dct) or (direction != FUTURE and d <= r.dct)):
            return Norm("DATE", d.isoformat(), relative=True)
        y, mo = cal.add_months(y, mo, 1 if direction == FUTURE else -1)
    return None


@normalizes("week_of")
def norm_week_of(m, r):
    """"the week of March 6": the ISO week holding that day."""
    day = norm_month_day(m, r)
    if day is None or not re.match(r"^\d{4}-\d\d-\d\d$", day.value):
        return None if day is None else Norm("DATE", "XXXX-WXX", relative=True)
    return Norm("DATE", cal.week_value(dt.date.fromisoformat(day.value)), relative=day.relative)


_DAY_BEFORE = re.compile(r"\b(?P<month>[A-Za-z]{3,9})\.? (?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)? $")


@normalizes("second_day")
def norm_second_day(m, r):
    """"April 24 and 25": the second day, in the month (and year) of the first."""
    before = _DAY_BEFORE.search(r.text, max(0, m.start() - 16), m.start())
    month = _month(before.group("month"), r.lex) if before else None
    if month is None or r.word_after(m.end()) in r.lex.words["not_after_a_year"] | {"of", "years", "days"}:
        return None
    day = int(m.group("day"))
    start = m.start("day")
    if r.ref and m.start() - r.ref_end <= 2 and re.fullmatch(r"\d{4}-\d\d-\d\d", r.ref) \
            and int(r.ref[5:7]) == month:
        year = int(r.ref[:4])
    elif r.dct is not None:
        year = cal.year_for_day(r.dct, month, day, r.tense(m))
    else:
        return Norm("DATE", f"XXXX-{month:02d}-{day:02d}", start=start, relative=True)
    d = cal.safe_date(year, month, day) if year else None
    return Norm("DATE", d.isoformat(), start=start, relative=True) if d else None


@normalizes("month_year")
def norm_month_year(m, r):
    month = _month(m.group("month"), r.lex)
    if not month:
        return None
    if m.group("year"):
        return Norm("DATE", cal.month_value(int(m.group("year")), month))
    if m.group("yearword"):
        y = parse_spelled_year(m.group("yearword"), r.lex)
        return Norm("DATE", cal.month_value(y, month)) if y else None
    rel = _g(m, "rel")
    if r.dct is None:
        return Norm("DATE", f"XXXX-{month:02d}", relative=True)
    y = r.dct.year + {"this": 0, "last": -1, "next": 1}[rel]
    return Norm("DATE", cal.month_value(y, month), relative=True)


@normalizes("month")
def norm_month(m, r):
    text = m.group("month")
    month = _month(text, r.lex)
    if not month:
        return None
    rel = _g(m, "rel")
    if rel is None and _month_of_a_name(m, r):
        return None
    if text.lower() in ("may", "march") and rel is None:
        # Capitalized May/March after a full stop could be a verb or a name: want a cue.
        before = r.word_before(m.start())
        if before not in r.lex.words["before_may_or_march"] and not (
                before in ("the", "a", "its", "their") and re.match(r" [a-z]+\b", r.text[m.end():m.end() + 20])
                and r.word_after(m.end()) not in ("of", "and", "or", "to", "for", "in", "on", "at")):
            return None                  # a cue, or "the March accession" (a month as modifier)
    if r.dct is None:
        return Norm("DATE", f"XXXX-{month:02d}", relative=True)
    y = _year_told(r, m, rel, functools.partial(cal.year_for_month, r.dct, month))
    return Norm("DATE", cal.month_value(y, month), relative=True)


@normalizes("spelled_year")
def norm_spelled_year(m, r):
    y = parse_spelled_year(m.group("yearword"), r.lex)
    return Norm("DATE", f"{y:04d}") if y else None


@normalizes("decade")
def norm_decade(m, r):
    if m.group("decade"):
        v = m.group("decade")[:3]
    else:
        century = (r.dct.year // 100) if r.dct else 19
        if r.dct and century * 100 + int(m.group("short")) > r.dct.year:
            century -= 1                  # "the '80s" in 2018 news: the 1980s
        v = f"{century}{m.group('short')[0]}"
    start = None
    if m.group("the") and not m.group("mod") and not m.group("half"):
        start = m.start() + 4
    return Norm("DATE", v, start=start)


@normalizes("decade_word")
def norm_decade_word(m, r):
    century = 19 if (r.dct is None or "nineteen" in m.group(0).lower()) else r.dct.year // 100
    if r.dct is not None and r.dct.year // 100 == 20 and "nineteen" not in m.group(0).lower():
        century = 19                      # "the nineties" in 2000s news is still the 1990s
    return Norm("DATE", f"{century}{r.lex.decade_words[m.group('word').lower()]}")


@normalizes("next_part")
def norm_next_part(m, r):
    rel = m.group("rel").lower()
    if r.ref is None or not re.match(r"^\d{4}-\d\d-\d\d", r.ref):
        return None
    d = dt.date.fromisoformat(r.ref[:10])
    shift = 0 if rel == "that" else 1 if rel in ("the next", "the following") else -1
    return Norm("DATE", (d + dt.timedelta(days=shift)).isoformat(), relative=True, anaphoric=True)


@normalizes("century")
def norm_century(m, r):
    rel = _g(m, "rel")
    if m.group("ord"):
        o = m.group("ord").lower()
        n = r.lex.ordinals.get(o) if o in r.lex.ordinals else int(re.match(r"\d+", o).group())
        if not isinstance(n, int) or n <= 0:
            return None
        return Norm("DATE", f"{n - 1:02d}")
    if r.dct is None:
        return Norm("DATE", "XX", relative=True)
    c = r.dct.year // 100
    shift = _rel_shift(rel, r.lex) or 0
    return Norm("DATE", f"{c + shift:02d}", relative=True)


@normalizes("year")
def norm_year(m, r):
    y = int(m.group("year"))
    after = r.word_after(m.end())
    if after in r.lex.words["not_after_a_year"]:
        return None
    before = r.text[max(0, m.start() - 2):m.start()]
    if re.search(r"[$#]\s?$", before):
        return None
    mod = _g(m, "mod")
    start = None
    if mod == "the" and not m.group("period"):
        start = m.start("year")
    value = f"{y:04d}"
    if m.group("period") and r.last_quarter:
        return Norm("DATE", f"{y:04d}-{r.last_quarter[5:]}", start=start, anaphoric=True)
    return Norm("DATE", value, start=start)


# --------------------------------------------------------------------------- quarters, halves

def _quarter_number(text: str) -> int | None:
    t = text.lower()
    return {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
            "fourth": 4, "4th": 4}.get(t)


def _default_quarter(r: Resolver) -> tuple[int, int] | None:
    if r.last_quarter:
        return int(r.last_quarter[:4]), int(r.last_quarter[-1])
    if r.dct is None:
        return None
    return cal.add_quarters(r.dct.year, cal.quarter_of(r.dct), -1)


@normalizes("quarter")
def norm_quarter(m, r):
    ordw = m.group("ord").lower()
    q = _quarter_number(ordw)
    adj = _g(m, "adj")
    if "period" in m.group(0).lower().split()[-1] and q is None:
        return None
    year = m.group("year1") or m.group("fyear") or m.group("year2")
    yrel = _g(m, "yrel") or _g(m, "yrel2") or _g(m, "yrel3")
    relative = False
    if q is None:                      # "the last quarter", "the final quarter"
        if r.dct is None:
            return Norm("DATE", "XXXX-QX", relative=True)
        if ordw == "last" and not year:
            y, q = cal.add_quarters(r.dct.year, cal.quarter_of(r.dct), -1)
            return Norm("DATE", f"{y}-Q{q}", relative=True)
        q = 4
    if year:
        y = int(year)
    elif yrel:
        if r.dct is None:
            return Norm("DATE", f"XXXX-Q{q}", relative=True)
        y = r.dct.year + {"this": 0, "current": 0, "last": -1, "previous": -1, "prior": -1,
                          "next": 1}[yrel]
        relative = True
    else:
        relative = True
        if r.last_quarter and adj in ("year-earlier", "year-ago"):
            y = int(r.last_quarter[:4])
        elif r.dct is None:
            return Norm("DATE", f"XXXX-Q{q}", relative=True)
        else:
            qd = cal.quarter_of(r.dct)
            y = r.dct.year
            if q > qd:
                t = r.tense(m)
                if t == PAST or (t == UNKNOWN and qd == 1):
                    y -= 1
    if adj in ("year-earlier", "year-ago"):
        return Norm("DATE", f"{y - 1:04d}-Q{q}", relative=True, anaphoric=True)
    return Norm("DATE", f"{y:04d}-Q{q}", relative=relative)


@normalizes("quarter_rel")
def norm_quarter_rel(m, r):
    """"last year's quarter", "the same period a year earlier": the quarter under report,
    shifted by years."""
    shift = -1
    if m.group("yrel"):
        shift = {"last": -1, "this": 0, "next": 1}[m.group("yrel").lower()]
    base = _default_quarter(r)
    if base is None:
        return Norm("DATE", "XXXX-QX", relative=True)
    return Norm("DATE", f"{base[0] + shift:04d}-Q{base[1]}", relative=True, anaphoric=True)


_ENDED = re.compile(r"\s+(?:ended|ending|that ended)\s+(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:,\s+(?P<year>\d{4}))?")


def _quarter_ended(r: Resolver, pos: int) -> tuple[int, int] | None:
    """"the quarter ended July 31": the calendar quarter holding most of the three months."""
    e = _ENDED.match(r.text, pos)
    if not e:
        return None
    month = _month(e.group("month"), r.lex)
    if not month:
        return None
    if e.group("year"):
        year = int(e.group("year"))
    elif r.dct is not None:
        year = cal.year_for_day(r.dct, month, int(e.group("day")), PAST) or r.dct.year
    else:
        return None
    y, mid = cal.add_months(year, month, -1)
    return y, (mid - 1) // 3 + 1


@normalizes("the_quarter")
def norm_the_quarter(m, r):
    text = m.group(0).lower()
    adj = _g(m, "adj")
    det = text.split()[0]
    if m.group("noun").lower() == "period":
        if det not in ("the", "this") or not (adj in ("latest", "year-earlier", "year-ago",
                                                     "comparable", "same", "just-ended")
                                              or (adj and adj.isdigit())):
            return None
    if det == "a":
        if r.word_after(m.end()) == "of":
            return None                    # "more than a quarter of the market": a fraction
        return Norm("DURATION", "P1Q")
    if adj in ("first", "second"):
        return None
    if adj and re.fullmatch(r"\d{4}", adj):
        base = _default_quarter(r)
        q = base[1] if base else "X"
        return Norm("DATE", f"{adj}-Q{q}", anaphoric=True)   # "the 1988 period"
    ended = _quarter_ended(r, m.end())
    if ended and det == "the" and adj in (None, "latest", "fiscal", "just-ended", "most recent", "recent"):
        return Norm("DATE", f"{ended[0]:04d}-Q{ended[1]}", relative=True)
    if det == "that" and r.any_quarter:
        return Norm("DATE", r.any_quarter, relative=True, anaphoric=True)
    if r.dct is None:
        return Norm("DATE", "XXXX-QX", relative=True)
    cur = (r.dct.year, cal.quarter_of(r.dct))
    if det == "next" or adj == "next":
        y, q = cal.add_quarters(*cur, 1)
    elif det == "last" or adj in ("last", "previous", "prior"):
        y, q = cal.add_quarters(*cur, -1)
    elif adj == "current":
        y, q = cur
    elif det == "this":
        # In an earnings report "this quarter" is the quarter being reported.
        y, q = _default_quarter(r) if r.last_quarter else cur
    elif adj in ("year-earlier", "year-ago", "comparable"):
        y, q = _default_quarter(r)
        y -= 1
        return Norm("DATE", f"{y:04d}-Q{q}", relative=True, anaphoric=True)
    else:
        y, q = _default_quarter(r)
    return Norm("DATE", f"{y:04d}-Q{q}", relative=True)


@normalizes("half")
def norm_half(m, r):
    ordw = (m.group("ord") or m.group("ord2")).lower()
    h = 1 if ordw in ("first", "1st") else 2
    start = m.start() if m.group(0).lower().startswith("the") else \
        m.start() + m.group(0).lower().find("the ") if "the " in m.group(0).lower() else None
    if m.group("year"):
        return Norm("DATE", f"{m.group('year')}-H{h}", start=start)
    if r.dct is None:
        return Norm("DATE", f"XXXX-H{h}", start=start, relative=True)
    y = r.dct.year
    yrel = _g(m, "yrel")
    if yrel:
        y += {"this": 0, "last": -1, "next": 1}[yrel]
    elif h == 2 and r.dct.month <= 6 and r.tense(m) == PAST:
        y -= 1
    return Norm("DATE", f"{y:04d}-H{h}", start=start, relative=True)


# --------------------------------------------------------------------------- days and weeks

def _resolve_weekday(r: Resolver, m, wd: int, rel: str | None) -> dt.date | None:
    if r.dct is None:
        return None
    if rel in ("last", "past", "this past", "the previous"):
        return cal.weekday_near(r.dct, wd, PAST, strict=True)
    if rel in ("next", "coming", "this coming", "the following"):
        return cal.weekday_near(r.dct, wd, FUTURE, strict=True)
    t = r.tense(m)
    direction = PAST if t == UNKNOWN else t
    return cal.weekday_near(r.dct, wd, direction)


@normalizes("weekday")
def norm_weekday(m, r):
    wd = _weekday(m.group("weekday"), r.lex)
    if wd is None:
        return None
    rel = _g(m, "rel")
    part = _g(m, "part")
    text = m.group("weekday")
    if text.lower() in ("sun", "sat", "wed", "mon") and not text.endswith("."):
        return None
    pair = _PLURAL_PAIR.match(r.text, m.end()) if not (rel or part) else None
    if pair:                             # "on Monday and Tuesday nights": every such day
        return Norm("SET", _with_part(f"XXXX-WXX-{wd}", pair.group("part"), r))
    shift = 0
    if m.group("shift"):                 # "the day before last Tuesday"
        shift = -1 if "before" in m.group("shift").lower() else 1
    if rel in ("the following", "the previous") and r.ref and re.match(r"^\d{4}-\d\d-\d\d", r.ref):
        # "down 4.5% from the previous Friday": the one before the day just mentioned
        anchor = dt.date.fromisoformat(r.ref[:10])
        d = cal.weekday_near(anchor, wd, PAST if rel == "the previous" else FUTURE, strict=True)
        return Norm("DATE", _with_part(d.isoformat(), part, r), relative=True, anaphoric=True)
    d = _resolve_weekday(r, m, wd, rel)
    if d is None:
        v = _with_part(f"XXXX-WXX-{wd}", part, r)
        return Norm("DATE", v, relative=True)
    d += dt.timedelta(days=shift)
    return Norm("DATE", _with_part(d.isoformat(), part, r), relative=True)


@normalizes("weekday_plural")
def norm_weekday_plural(m, r):
    """"Fridays", "Friday nights": every such day."""
    wd = _weekday(m.group("weekday"), r.lex)
    if wd is None:
        return None
    return Norm("SET", _with_part(f"XXXX-WXX-{wd}", _g(m, "part") or _g(m, "part2"), r))


_PLURAL_PAIR = re.compile(r"\s+(?:and|or)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                          r"(?:s|\s+(?P<part>morning|afternoon|evening|night)s)\b", re.IGNORECASE)


@normalizes("reldays")
def norm_reldays(m, r):
    word = m.group("word").lower()
    part = _g(m, "part")
    if m.group("word") == "Today" and m.start() > 0 and \
            re.search(r"[A-Z][\w.]*\s+$", r.text[max(0, m.start() - 20):m.start()]) and \
            not re.search(r"[.!?\"'`]\s*[A-Z][\w.]*\s+$", r.text[max(0, m.start() - 20):m.start()]):
        return None                                  # "USA Today", "VOA Today": a name
    offset = r.lex.day_words[word]
    before = _g(m, "daybefore")
    if before:
        offset += -1 if "before" in before else 1
    if r.dct is None:
        if word == "today" and not part and not before:
            return Norm("DATE", "PRESENT_REF", relative=True)
        return Norm("DATE" if not part else "TIME", _with_part("XXXX-XX-XX", part, r), relative=True)
    d = r.dct + dt.timedelta(days=offset)
    if m.group("poss") and word == "today" and not part and not before:
        if r.word_after(m.end()) in r.lex.words["after_todays_no_date"]:
            return None                              # "today's world": nowadays, no date
    if part:
        return Norm("TIME", _with_part(d.isoformat(), part, r), relative=True)
    return Norm("DATE", d.isoformat(), relative=True)


@normalizes("part_then_day")
def norm_part_then_day(m, r):
    """"mid-afternoon yesterday", "early morning Friday": a TIME with the part of day."""
    day, _ = _day_of(m, r, m.group("word"))
    return Norm("TIME", _with_part(day, m.group("part"), r), relative=True)


@normalizes("this_part")
def norm_this_part(m, r):
    rel = m.group("rel").lower()
    part = m.group("part").lower()
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and part != "night":
        return None
    if r.dct is None:
        return Norm("TIME", _with_part("XXXX-XX-XX", part, r), relative=True)
    d = r.dct + dt.timedelta(days=offset)
    return Norm("TIME", _with_part(d.isoformat(), part, r), relative=True)


def _unit_value(r: Resolver, unit: str, k: int, d: dt.date) -> str | None:
    """The DATE value of the calendar ``unit`` k units away from the one holding ``d``."""
    if unit == "day":
        return (d + dt.timedelta(days=k)).isoformat()
    if unit in ("week", "fortnight"):
        return cal.week_value(d + dt.timedelta(weeks=k))
    if unit == "weekend":
        # The weekend of an ISO week is its Saturday and Sunday.
        return cal.week_value(d + dt.timedelta(weeks=k)) + "-WE"
    if unit == "month":
        y, mo = cal.add_months(d.year, d.month, k)
        return cal.month_value(y, mo)
    if unit == "quarter":
        y, q = cal.add_quarters(d.year, cal.quarter_of(d), k)
        return f"{y:04d}-Q{q}"
    if unit == "year":
        return f"{d.year + k:04d}"
    if unit == "decade":
        return f"{(d.year // 10 + k):03d}"
    if unit == "century":
        return f"{(d.year // 100 + k):02d}"
    return None


_X_VALUE = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
            "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX",
            "century": "XX"}


def _quoted_title(m, r) -> bool:
    """Every word capitalized right after an opening quote: a title (ABC's "This Week")."""
    words = m.group(0).split()
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return False
    return bool(re.search(r"(?:[\"“]|``|(?<!\w)')$", r.text[max(0, m.start() - 2):m.start()]))


_AMOUNT = r"(?:[$#£€]|C\$|US\$)\s?\d[\d.,]*(?: (?:million|billion))?"
_COMPARED_BEFORE = re.compile(r"\b(?:compared with|compared to|from|versus|against)\b[^.;]{0,40}?" + _AMOUNT + r"[^.;]{0,6}$")
_AMOUNT_AFTER = re.compile(r"(?:'s|’s) " + _AMOUNT)


def _compares_amounts(r: Resolver, m) -> bool:
    """"compared with $33 million last year", "from last year's $1.55 billion"."""
    return bool(_COMPARED_BEFORE.search(r.text, max(0, m.start() - 80), m.start())
                or _AMOUNT_AFTER.match(r.text, m.end() - (2 if m.group(0).endswith(("'s", "’s")) else 0)))


@normalizes("relunit")
def norm_relunit(m, r):
    rel = _g(m, "rel")
    if _quoted_title(m, r):
        return None                        # ABC's "This Week": a programme's name
    unit = m.group("unit").lower()
    mod = _g(m, "mod")
    season = r.lex.seasons.get(unit)
    if rel in ("that", "that same", "the same", "the very"):
        # Anaphoric: the unit of the date mentioned last ("later that year").
        if r.ref is None or season:
            return None
        width = {"year": 4, "month": 7, "day": 10}.get(unit)
        if unit == "day" and re.fullmatch(r"\d{4}-\d\d", r.ref):
            return Norm("DATE", r.ref + "-XX", relative=True, anaphoric=True)
        if width is None or len(r.ref) < width or not re.match(r"^\d{4}(-\d\d){0,2}$", r.ref[:width]):
            return None
        return Norm("DATE", r.ref[:width], relative=True, anaphoric=True)
    shift = _rel_shift(rel, r.lex)
    if shift is None:
        return None
    if rel in ("the following", "the previous", "the prior", "the next") and r.ref \
            and unit in ("day", "week", "month", "year") and (unit == "day" or rel != "the next"):
        # Narrative: "the following month" counts from the date just mentioned, when that
        # date is at least as fine as the unit.
        ref = r.ref
        if re.fullmatch(r"\d{4}-\d\d", ref) and unit in ("month", "year"):
            ref += "-15"
        elif re.fullmatch(r"\d{4}", ref) and unit == "year":
            ref += "-07-01"
        if re.match(r"^\d{4}-\d\d-\d\d$", ref[:10]):
            v = _unit_value(r, unit, shift, dt.date.fromisoformat(ref[:10]))
            return Norm("DATE", v, relative=True, anaphoric=True) if v else None
    if unit == "day":
        if rel in ("the next", "the following", "the previous", "the prior") and r.dct:
            return Norm("DATE", (r.dct + dt.timedelta(days=shift)).isoformat(), relative=True)
        return None
    if rel in ("the coming", "the following") and season is None and unit != "weekend" and mod is None:
        code = r.lex.units[unit]["code"]
        return Norm("DURATION", f"P1{code}" if code not in ("DE", "CE") else
                    ("P10Y" if code == "DE" else "P100Y"))
    if r.dct is None:
        v = f"XXXX-{season}" if season else _X_VALUE.get(unit)
        return Norm("DATE", v, relative=True) if v else None
    if season:
        if shift < 0 and rel == "this past":
            y = cal.year_for_season(r.dct, season, PAST, strict=True)
        elif shift < 0:
            y = r.dct.year - 1             # "last spring": the previous year's (TimeML usage)
        elif shift > 0:
            y = cal.year_for_season(r.dct, season, FUTURE, strict=True)
        else:
            y = r.dct.year
        return Norm("DATE", f"{y:04d}-{season}", relative=True)
    if unit == "year" and shift == -1 and rel == "last" and r.last_quarter \
            and m.start() - r.last_quarter_end < 1000 and _compares_amounts(r, m):
        # Earnings comparisons: "up from $1.55 billion last year" is the same quarter.
        return Norm("DATE", f"{int(r.last_quarter[:4]) - 1:04d}{r.last_quarter[4:]}",
                    relative=True, anaphoric=True)
    if rel == "the latest" and m.group("fiscal") and unit == "year":
        shift = -1                          # "the latest fiscal year": the last one closed
    v = _unit_value(r, unit, shift, r.dct)
    return Norm("DATE", v, relative=True) if v else None


@normalizes("year_adj")
def norm_year_adj(m, r):
    word = m.group("word").lower().replace(" ", "-").replace("'s-", "-")
    noun = _g(m, "noun")
    start = m.start("around") if m.group("around") else None
    if m.group(0).lower().startswith("the ") and not noun and word != "the-end-of-the-year":
        start = m.start("word")
    if word == "year-to-date":
        return None
    if noun in ("nine months", "six months"):
        return Norm("DURATION", "P9M" if noun.startswith("nine") else "P6M")
    if r.dct is None:
        return Norm("DATE", "XXXX", start=start, relative=True)
    if word in ("year-end", "year-end", "the-end-of-the-year"):
        return Norm("DATE", f"{r.dct.year:04d}", start=start, relative=True)
    if r.last_quarter:
        return Norm("DATE", f"{int(r.last_quarter[:4]) - 1:04d}{r.last_quarter[4:]}",
                    start=start, relative=True, anaphoric=True)
    return Norm("DATE", f"{r.dct.year - 1:04d}", start=start, relative=True, anaphoric=True)


def _duration_value(n, unit: str, r: Resolver) -> str | None:
    u = r.lex.units[unit]
    code = u["code"]
    if n == "X":
        return {"DE": "PXDE", "CE": "PXCE"}.get(code, ("PTX" if u.get("time") else "PX") + code)
    n = n * u.get("factor", 1)
    if code == "DE":
        n, code = n * 10, "Y"
    elif code == "CE":
        n, code = n * 100, "Y"
    elif code == "ML":
        n, code = n * 1000, "Y"
    prefix = "PT" if u.get("time") else "P"
    if n != int(n):
        whole, frac = int(n), n - int(n)
        sub = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "M"), "M": (30, "D") if not u.get("time") else (60, "S"),
               "W": (7, "D")}.get(code)
        if sub and abs(frac * sub[0] - round(frac * sub[0])) < 1e-6:
            parts = (f"{whole}{code}" if whole else "") + f"{int(round(frac * sub[0]))}{sub[1]}"
            if code == "D" and not u.get("time"):
                return f"P{whole}DT{int(round(frac * 24))}H" if whole else f"PT{int(round(frac * 24))}H"
            return prefix + parts
        return f"{prefix}{n:g}{code}"
    return f"{prefix}{int(n)}{code}"


def _unit_and_number(m: re.Match, r: Resolver, unnumbered: int | None = None) -> tuple[str, float | str] | None:
    """(unit, number) of a match with groups ``unit`` and ``num``: the unit's singular and the
    number read ("X" for "several"); ``unnumbered`` where the match has no number ("a year
    ago": 1). None where either cannot be read."""
    unit = r.lex.unit_of.get(m.group("unit").lower())
    numtext = m.group("num")
    n = parse_number(numtext, r.lex) if numtext or unnumbered is None else unnumbered
    return None if unit is None or n is None else (unit, n)


@normalizes("ago")
def norm_ago(m, r):
    read = _unit_and_number(m, r, unnumbered=1)
    if read is None:
        return None
    (unit, n), numtext = read, m.group("num")
    if numtext is None:
        if m.group("unit").lower() == unit:
            return None                    # "next year after the vote": not a distance
        n = "X"                            # "years ago"
    direction = m.group("dir").lower()
    back = direction in ("ago", "earlier", "before", "previously")
    if direction in ("before", "after", "later", "previously") or (n == "X" and direction == "earlier"):
        # "three days later", "two weeks after the vote": the span is the duration.
        return Norm("DURATION", _duration_value(n, unit, r) or "PX", end=m.start("dir") - 1)
    if n == "X" or r.dct is None:
        # "years ago", or no document date to count from: no invented date.
        return Norm("DATE", "PAST_REF" if back else "FUTURE_REF", relative=True)
    if isinstance(n, float) and unit not in ("year",):
        n = int(round(n))
    k = -n if back else n
    anchor = r.dct
    relative_to_ref = direction in ("earlier", "later", "before", "after")
    if unit == "year" and n == 1 and r.last_quarter and m.start() - r.last_quarter_end < 1000:
        # Earnings comparisons: "a year ago" is the same quarter of the year before.
        y = int(r.last_quarter[:4]) + (-1 if back else 1)
        return Norm("DATE", f"{y:04d}{r.last_quarter[4:]}", relative=True, anaphoric=True)
    if relative_to_ref and r.ref and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.ref[:10]) and m.start() - r.ref_end < 400:
        anchor = dt.date.fromisoformat(r.ref[:10])
    if unit in ("second", "minute", "hour"):
        # "two hours ago": the clock time is unknown, the day is the anchor's.
        return Norm("DATE", (dt.datetime.combine(anchor, dt.time(12)) + dt.timedelta(
            **{unit + "s": k})).date().isoformat(), relative=True)
    if unit in ("decade", "century", "millennium"):
        years = int(n * {"decade": 10, "century": 100, "millennium": 1000}[unit])
        return Norm("DATE", f"{anchor.year + (-years if back else years):04d}", relative=True)
    if unit == "year" and isinstance(n, float):
        y, mo = cal.add_months(anchor.year, anchor.month, int(round(k * 12)))
        return Norm("DATE", cal.month_value(y, mo), relative=True)
    if unit == "night":
        unit = "day"
    if unit == "weekend":
        unit = "week"
    if unit == "day":
        return Norm("DATE", (anchor + dt.timedelta(days=k)).isoformat(), relative=True)
    v = _unit_value(r, unit, int(k), anchor)
    return Norm("DATE", v, relative=True) if v else None


@normalizes("duration")
def norm_duration(m, r):
    read = _unit_and_number(m, r)
    if read is None:
        return None
    (unit, n), numtext = read, m.group("num")
    if numtext.lower() in ("a", "an", "one") and m.group("unit").lower() != unit:
        return None                                  # "a days"
    if unit == "quarter" and r.word_after(m.end()) == "of":
        return None                                  # "three quarters of the states"
    if r.word_after(m.end()) == "old" or r.text[m.end():m.end() + 4] == "-old" \
            or r.word_before(m.start()) in ("aged", "age"):
        return None                                  # ages: "52 years old", "aged 84 years"
    if unit == "second" and numtext.lower() in ("a", "an", "one") and not m.group("mod"):
        return None                                  # "a second group": the ordinal
    if unit == "day" and numtext.lower() == "one" and not m.group("mod") and not _g(m, "det") \
            and r.word_before(m.start()) in r.lex.words["modals"]:
        return Norm("DATE", "FUTURE_REF", relative=True)   # "Islam may one day become ..."
    if m.group("half"):
        n = (n if n != "X" else 0) + 0.5
    if unit == "night":
        unit = "day"
    if unit == "weekend" and n == 1:
        return None
    det = _g(m, "det")
    mod = _g(m, "mod")
    # A plain number before a unit can be a count of things ("the 1990 year"), not a duration.
    if isinstance(n, (int, float)) and n > 1000:
        return None
    if numtext.lower() in ("a", "an") and mod is None and det is None:
        # "$5 million a year", "twice a day": rates, not durations.
        before = r.text[max(0, m.start() - 12):m.start()]
        if re.search(r"(\d|once|twice|times|per|million|billion|percent|%|cents|dollars|\w+s)\W*$", before, re.I) \
                and not re.search(r"(for|within|in|after|than|about|of|takes|lasts|years|days|weeks|months)\W*$", before, re.I):
            return None
    value = _duration_value(n, unit, r)
    if value is None:
        return None
    start = None
    if mod in ("within", "another") and det is None:
        start = m.start("num")
    elif mod in ("over", "within", "under") and det is not None:
        start = m.start("det")            # "over the past six months": the span is the period
    return Norm("DURATION", value, start=start)


@normalizes("duration_range")
def norm_duration_range(m, r):
    """"two to three weeks": a duration of the lower bound (TimeML keeps one value)."""
    unit = r.lex.unit_of.get(m.group("unit").lower())
    lo = parse_number(m.group("num"), r.lex)
    hi = parse_number(m.group("num2"), r.lex)
    if unit is None or lo is None or hi is None or lo == "X" or hi == "X" or lo > 1000:
        return None
    if unit == "night":
        unit = "day"
    value = _duration_value(lo, unit, r)
    mod = _g(m, "mod")
    start = None
    if mod in ("within", "over", "under") and m.group("det"):
        start = m.start("det")
    elif mod == "within":
        start = m.start("num")
    return Norm("DURATION", value, start=start) if value else None


@normalizes("duration_adj")
def norm_duration_adj(m, r):
    unit = r.lex.unit_of.get(m.group("unit").lower())
    n = parse_number(m.group("num"), r.lex)
    if unit is None or n is None:
        return None
    if n == "X":                                      # "a several-year tenure"
        ok = "-" in m.group(0) and m.group("num").lower() in ("several", "few", "many")
        return Norm("DURATION", _duration_value("X", unit, r)) if ok and not m.group("adj") else None
    if m.group("adj") == "-old" or r.text[m.end():m.end() + 4] == "-old":
        return None                                   # ages: "a 6-year-old boy"
    if m.group("num").lower() in ("a", "an"):
        return None
    if isinstance(n, (int, float)) and n > 1000:
        return None
    return Norm("DURATION", _duration_value(n, unit, r))


@normalizes("plural_units")
def norm_plural_units(m, r):
    unit = r.lex.unit_of.get(m.group("unit").lower())
    if unit is None:
        return None
    det = _g(m, "det")
    if det is None:
        before = r.word_before(m.start())
        if before not in r.lex.words["before_plural_units"]:
            return None
    if det == "recent" and unit == "year":
        return Norm("DATE", "PAST_REF", relative=True)
    if det in ("coming", "the coming", "the next", "the following"):
        return Norm("DATE", "FUTURE_REF", relative=True)
    ahead = re.match(r" ahead\b", r.text[m.end():m.end() + 7])
    if det == "the" and ahead:                                 # "in the weeks ahead"
        return Norm("DURATION", _duration_value("X", unit, r), end=m.end() + ahead.end())
    if det == "the":
        return None
    value = _duration_value("X", unit, r)
    start = m.start("unit") if det in ("some",) else None
    return Norm("DURATION", value, start=start)


@normalizes("decades_long")
def norm_decades_long(m, r):
    unit = r.lex.unit_of.get(m.group("unit").lower())
    return Norm("DURATION", _duration_value("X", unit, r)) if unit else None


# "over the weekend in Sinai", "during the week in Gaza": a place after "in", not "the day in
# which" or "the year in review"
_IN_A_PLACE = re.compile(r"[ \t]+in[ \t]+(?:the[ \t]+)?[A-Z][a-z]")


def _in_a_place(m, r) -> bool:
    """"the weekend in Sinai": "in" and a capitalized word (not a month) after the unit; the
    time ends before it."""
    place = _IN_A_PLACE.match(r.text, m.end(), m.end() + 30)
    return place is not None and _month(r.word_after(place.end() - 2), r.lex) is None and \
        r.word_before(m.start()) != "of"   # "player of the year in Spain": a title


@normalizes("the_unit")
def norm_the_unit(m, r):
    unit = m.group("unit").lower()
    adj = _g(m, "adj")
    before = r.word_before(m.start())
    after = r.word_after(m.end())
    if after in ("before", "after", "of", "that", "when", "earlier", "ago", "later") or \
            after == "in" and not _in_a_place(m, r):
        return None
    if unit == "day":
        if before == "in" and r.ref and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.ref[:10]) and \
                m.start() - r.ref_end < 400:
            # "On Tuesday, rebels attacked ... Later in the day, ...": the day just told
            return Norm("DATE", r.ref[:10], relative=True, anaphoric=True)
        if before == "in" and r.dct is not None:   # "later in the day"
            return Norm("DATE", r.dct.isoformat(), relative=True)
        return None
    if adj and "fiscal" in adj:
        if after in ("ended", "ending") or before in ("throughout", "during", "over"):
            return Norm("DURATION", "P1Y")
        if "latest" in adj:
            return Norm("DATE", f"{r.dct.year - 1:04d}", relative=True) if r.dct else None
    if after in ("ended", "ending") or (before in ("over", "throughout", "during") and unit != "weekend") \
            or adj in ("whole ", "entire "):
        code = r.lex.units[unit]["code"]
        if unit != "weekend":
            return Norm("DURATION", f"P1{code}")
    if r.dct is None:
        return Norm("DATE", _X_VALUE[unit], relative=True)
    if unit == "year":
        return Norm("DATE", f"{r.dct.year:04d}", relative=True)
    if unit == "month":
        return Norm("DATE", cal.month_value(r.dct.year, r.dct.month), relative=True)
    if unit == "week":
        return Norm("DATE", cal.week_value(r.dct), relative=True)
    if unit == "weekend":
        t = r.tense(m)
        wd = r.dct.isoweekday()
        if t == FUTURE or wd >= 6:
            return Norm("DATE", cal.week_value(r.dct) + "-WE", relative=True)
        return Norm("DATE", cal.week_value(r.dct - dt.timedelta(weeks=1)) + "-WE", relative=True)
    return None


@normalizes("season")
def norm_season(m, r):
    season = r.lex.seasons[m.group("season").lower()]
    rel = _g(m, "rel")
    year = m.group("year")
    if m.group("yearword"):
        year = parse_spelled_year(m.group("yearword"), r.lex)
    if year:
        return Norm("DATE", f"{int(year):04d}-{season}")
    if rel is None or rel in ("the", "that", "early", "late", "mid", "mid-"):
        cue = rel if rel in ("early", "late", "mid", "mid-") else r.word_before(m.start())
        if rel is None and cue not in r.lex.words["before_a_season"]:
            return None
        if rel in ("the", "that") and r.word_before(m.start()) not in r.lex.words["before_a_season"]:
            return None
    if r.dct is None:
        return Norm("DATE", f"XXXX-{season}", relative=True)
    # "last summer": the year before the document's, whatever its season
    y = _year_told(r, m, rel, functools.partial(cal.year_for_season, r.dct, season), last=r.dct.year - 1)
    return Norm("DATE", f"{y:04d}-{season}", relative=True)


@normalizes("holiday")
def norm_holiday(m, r):
    name = re.sub(r"['’]", "'", m.group("holiday").lower())
    rule = r.lex.holidays.get(name)
    if rule is None:
        return None
    if rule == "election" and not m.group("holiday")[0].isupper():
        return None                     # "election day" of some other country's vote
    rel = _g(m, "rel")
    year = m.group("year")
    week = m.group("week")
    if year:
        d = cal.holiday_date(rule, int(year))
        if d and week:
            return Norm("DATE", cal.week_value(d))
        return Norm("DATE", d.isoformat()) if d else None
    if r.dct is None:
        if week:
            return Norm("DATE", "XXXX-WXX", relative=True)
        if isinstance(rule, list):
            return Norm("DATE", f"XXXX-{rule[0]:02d}-{rule[1]:02d}", relative=True)
        return None
    direction = PAST if rel == "last" else FUTURE if rel == "next" else _direction(r, m, UNKNOWN)
    if week and rel is None:
        direction = UNKNOWN                # "as Easter week began": the one at hand
    cands = [cal.holiday_date(rule, y) for y in (r.dct.year - 1, r.dct.year, r.dct.year + 1)]
    cands = [c for c in cands if c]
    if direction == PAST:
        pick = max((c for c in cands if c < r.dct), default=None)
    elif direction == FUTURE:
        pick = min((c for c in cands if c > r.dct), default=None)
    else:
        pick = min(cands, key=lambda c: abs((c - r.dct).days))
    if pick and week:
        return Norm("DATE", cal.week_value(pick), relative=True)
    return Norm("DATE", pick.isoformat(), relative=True) if pick else None


# --------------------------------------------------------------------------- clock times

def _day_of(m, r, word: str | None) -> tuple[str, bool]:
    """The date part for a clock time: its weekday or day word, else the document date."""
    if word:
        w = word.lower()
        if w in r.lex.day_words:
            if r.dct is None:
                return "XXXX-XX-XX", True
            return (r.dct + dt.timedelta(days=r.lex.day_words[w])).isoformat(), True
        wd = _weekday(w, r.lex)
        if wd:
            d = _resolve_weekday(r, m, wd, None)
            return (d.isoformat() if d else f"XXXX-WXX-{wd}"), True
    if r.ref and re.match(r"^\d{4}-\d\d-\d\d$", r.ref[:10]) and m.start() - r.ref_end < 300:
        return r.ref[:10], True                    # "at 10 p.m." on the day just mentioned
    if r.dct is None:
        return "XXXX-XX-XX", True
    return r.dct.isoformat(), True


_GMT_THEN_DAY = re.compile(r" \((?:\d{4}|\d\d?:\d\d) (?:GMT|UTC)\),? (?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
                           r"|today|yesterday|tomorrow)\b")


@normalizes("clock")
def norm_clock(m, r):
    h = int(m.group("hour"))
    mi = int(m.group("minute") or 0)
    ampm = m.group("ampm").lower()
    if h > 12 or h == 0:
        return None
    if ampm.startswith("p") and h != 12:
        h += 12
    if ampm.startswith("a") and h == 12:
        h = 0
    if m.group("month") and m.group("day"):
        month = _month(m.group("month"), r.lex)
        d = None
        if r.dct and month:
            y = cal.year_for_day(r.dct, month, _day(m.group("day")), _direction(r, m, FUTURE))
            d = cal.safe_date(y, month, _day(m.group("day"))) if y else None
        day, rel = (d.isoformat() if d else f"XXXX-{month:02d}-{_day(m.group('day')):02d}"), True
    else:
        word = m.group("dayword")
        gmt = _GMT_THEN_DAY.match(r.text, m.end()) if not word else None
        if gmt:
            word = gmt.group("day")        # "10:35 a.m. (0735 GMT) Friday": Friday's
        day, rel = _day_of(m, r, word)
    end = None
    if m.group("tz") and not m.group("dayword"):
        tz = m.group("tz")
        if tz not in r.lex.words["time_zones"]:
            end = m.start("tz") - 1
            while r.text[end - 1] in ", ":
                end -= 1
    return Norm("TIME", f"{day}T{h:02d}:{mi:02d}", end=end, relative=rel)


@normalizes("clock_word")
def norm_clock_word(m, r):
    word = m.group("word").lower()
    if word == "noon" and r.word_before(m.start()) == "high":
        return None                        # "High Noon", "high noon comes": the idiom
    hhmm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[word]
    day, rel = _day_of(m, r, m.group("dayword"))
    return Norm("TIME", f"{day}T{hhmm}", relative=rel)


@normalizes("clock_part")
def norm_clock_part(m, r):
    h = parse_number(m.group("hour"), r.lex)
    if not isinstance(h, int) or not 1 <= h <= 12:
        return None
    part = m.group("part").lower()
    if part in ("afternoon", "evening") and h != 12:
        h += 12
    day, rel = _day_of(m, r, None)
    return Norm("TIME", f"{day}T{h:02d}:00", relative=rel)


# --------------------------------------------------------------------------- sets and vague

@normalizes("set")
def norm_set(m, r):
    return Norm("SET", r.lex.sets[m.group("word").lower()])


@normalizes("every")
def norm_every(m, r):
    k = 2 if _g(m, "other") == "other" else 1
    if m.group("weekday"):
        return Norm("SET", f"XXXX-WXX-{_weekday(m.group('weekday'), r.lex)}")
    if m.group("month"):
        return Norm("SET", f"XXXX-{_month(m.group('month'), r.lex):02d}")
    if m.group("part"):
        return Norm("SET", _with_part("XXXX-XX-XX", m.group("part"), r))
    if m.group("season"):
        return Norm("SET", f"XXXX-{r.lex.seasons[m.group('season').lower()]}")
    unit = r.lex.unit_of[m.group("unit").lower()]
    if unit == "night":
        unit = "day"
    return Norm("SET", _duration_value(k, unit, r))


@normalizes("vague")
def norm_vague(m, r):
    word = m.group("word").lower()
    value = r.lex.vague[word]
    if word in ("current", "future", "recent"):
        # Adjectives: only when they modify a time-ish or state noun, not "current account".
        after = r.word_after(m.end())
        if after in r.lex.words["after_current_no_time"]:
            return None
    if word == "the past" and r.word_after(m.end()) in ("year", "week", "month", "decade", "two",
                                                          "three", "few", "several"):
        return None
    start = None
    if word == "in the past":
        start = m.start() + 3
    return Norm("DATE", value, start=start, relative=True)

