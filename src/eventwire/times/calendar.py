"""Calendar arithmetic in TIMEX3 terms: weeks, quarters, seasons, holidays, value strings."""
from __future__ import annotations

import datetime as dt

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def add_quarters(year: int, q: int, k: int) -> tuple[int, int]:
    n = year * 4 + (q - 1) + k
    return n // 4, n % 4 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_near(dct: dt.date, weekday: int, direction: int, strict: bool = False) -> dt.date:
    """The date with ISO ``weekday`` (1=Monday) nearest ``dct`` going ``direction`` (-1/+1).

    Not strict: the document date itself counts ("said Thursday" in a Thursday article).
    """
    if direction < 0:
        delta = (dct.isoweekday() - weekday) % 7
        if strict and delta == 0:
            delta = 7
        return dct - dt.timedelta(days=delta)
    delta = (weekday - dct.isoweekday()) % 7
    if strict and delta == 0:
        delta = 7
    return dct + dt.timedelta(days=delta)


def year_for_month(dct: dt.date, month: int, direction: int, strict: bool = False) -> int:
    """The year for a month named without one: past (-1), future (+1) or nearest (0).

    Strict ("last May", "next May") never counts the document's own month. Otherwise, as
    with month-days, a tense is overruled when it would put the month most of a year away
    while the other side is at most two months off ("published in early November" in an
    October article that the parser read as past).
    """
    months_back = (dct.month - month) % 12          # 0 = this month
    months_ahead = (month - dct.month) % 12
    past_year = dct.year if month <= dct.month else dct.year - 1
    future_year = dct.year if month >= dct.month else dct.year + 1
    if strict:
        if direction < 0:
            return dct.year if month < dct.month else dct.year - 1
        return dct.year if month > dct.month else dct.year + 1
    if direction < 0:
        return future_year if months_back > 6 and 0 < months_ahead <= 2 else past_year
    if direction > 0:
        return past_year if months_ahead > 6 and 0 < months_back <= 2 else future_year
    return past_year if months_back <= months_ahead else future_year


def year_for_day(dct: dt.date, month: int, day: int, direction: int) -> int | None:
    """The year for a month-day without one: in the past (-1), the future (+1) or nearest (0).

    News drops the year only for dates near the document date, so a tense is overruled
    when it would put the date more than half a year away while the other side is within
    two months ("decided he must leave by Jan. 14" in a January 5 article).
    """
    cands = [(y, safe_date(y, month, day)) for y in (dct.year - 1, dct.year, dct.year + 1)]
    cands = [(y, d) for y, d in cands if d is not None]
    if not cands:
        return None
    past = max((yd for yd in cands if yd[1] <= dct), default=None, key=lambda yd: yd[1])
    fut = min((yd for yd in cands if yd[1] >= dct), default=None, key=lambda yd: yd[1])
    if direction < 0 and past:
        if fut and (dct - past[1]).days > 183 and (fut[1] - dct).days <= 62:
            return fut[0]
        return past[0]
    if direction > 0 and fut:
        if past and (fut[1] - dct).days > 183 and (dct - past[1]).days <= 62:
            return past[0]
        return fut[0]
    return min(cands, key=lambda yd: (abs((yd[1] - dct).days), yd[0] != dct.year))[0]


def year_for_season(dct: dt.date, season: str, direction: int, strict: bool = False) -> int:
    """The year of the season before (-1), after (+1) or around (0) the document date."""
    first, last = SEASON_MONTHS[season]
    m = dct.month
    if season == "WI":
        # Winter straddles the new year; TIMEX3 practice names it by the current year.
        if direction < 0:
            return dct.year if (m in (1, 2) and not strict) else dct.year - 1 if m < 12 else dct.year
        if direction > 0:
            return dct.year + 1 if (m == 12 and strict) else dct.year
        return dct.year
    started = m >= first
    ended = m > last
    if direction < 0:
        if ended:
            return dct.year
        if started and not strict:
            return dct.year
        return dct.year - 1
    if direction > 0:
        if not started:
            return dct.year
        if not ended and not strict:
            return dct.year
        return dct.year + 1
    return dct.year


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) ISO weekday of a month."""
    if n > 0:
        d = dt.date(year, month, 1)
        d += dt.timedelta(days=(weekday - d.isoweekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)
    y, m = add_months(year, month, 1)
    d = dt.date(y, m, 1) - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.isoweekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def holiday_date(rule, year: int) -> dt.date | None:
    """A holiday's date in ``year``: ``rule`` is [month, day] or a computed rule's name."""
    if isinstance(rule, list):
        return safe_date(year, rule[0], rule[1])
    if rule == "thanksgiving":
        return nth_weekday(year, 11, 4, 4)
    if rule == "memorial":
        return nth_weekday(year, 5, 1, -1)
    if rule == "labor":
        return nth_weekday(year, 9, 1, 1)
    if rule == "easter":
        return easter(year)
    if rule == "good_friday":
        return easter(year) - dt.timedelta(days=2)
    if rule == "election":
        return nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    return None


def precision_of(value: str) -> tuple[str | None, str | None]:
    """(date, precision) for a DATE value usable as an event date, else (None, None).

    Days give day precision; months, weeks (their Thursday's month, a weekend its
    Saturday's) give month; years, quarters, halves and seasons give year.
    """
    import re

    if m := re.match(r"^(\d{4})-(\d{2})-(\d{2})", value):
        return m.group(0), "day"
    if m := re.fullmatch(r"(\d{4}-\d{2})(?:-XX)?", value):
        return m.group(1), "month"
    if m := re.fullmatch(r"(\d{4})-W(\d{1,2})(-WE)?", value):
        try:   # a weekend is its Saturday's month
            d = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 6 if m.group(3) else 4)
        except ValueError:
            return None, None
        return month_value(d.year, d.month), "month"
    if m := re.fullmatch(r"(\d{4})(?:-(?:Q[1-4]|H[12]|SP|SU|FA|WI))?", value):
        return m.group(1), "year"
    return None, None
