"""The times stage: recognition, TIMEX3 normalization against the document date, date_for.

Every sentence here is written for these tests; each rule family has real sentences with a
fixed document date, including the tense-sensitive weekday cases, year boundaries and
documents without a date.
"""
from __future__ import annotations

import pytest

from eventwire.context import DocContext
from eventwire.document import Document, parse_date
from eventwire.nlp import load_nlp
from eventwire.times import date_for, find_times

MONDAY = "2018-09-17"        # a Monday
WEDNESDAY = "2018-09-19"


def annotate(text: str, date: str | None):
    doc = load_nlp()(text)
    ctx = DocContext(document=Document(id="t", text=text, date=parse_date(date)))
    ctx.times = find_times(doc, ctx)
    return doc, ctx


def timex(text: str, date: str | None, expression: str) -> tuple[str, str]:
    """(type, value) of the one time expression whose text is ``expression``."""
    _, ctx = annotate(text, date)
    found = [t for t in ctx.times if t.text == expression]
    assert found, f"{expression!r} not found in {[t.text for t in ctx.times]}"
    return found[0].type, found[0].value


@pytest.mark.parametrize("text,date,expr,expected", [
    # explicit dates in the usual news forms
    ("The ceasefire was signed on Sept. 7, 2018, in Geneva.", MONDAY, "Sept. 7, 2018", ("DATE", "2018-09-07")),
    ("The ceasefire was signed on 7 September 2018 in Geneva.", MONDAY, "7 September 2018", ("DATE", "2018-09-07")),
    ("The ceasefire was signed on 2018-09-07 in Geneva.", MONDAY, "2018-09-07", ("DATE", "2018-09-07")),
    ("The ceasefire was signed on September 7.", MONDAY, "September 7", ("DATE", "2018-09-07")),
    ("The ceasefire was signed on Sept. 7.", MONDAY, "Sept. 7", ("DATE", "2018-09-07")),
    ("The ceasefire was signed on the 7th, officials said.", MONDAY, "the 7th", ("DATE", "2018-09-07")),
    ("Elections were held in March 2016.", MONDAY, "March 2016", ("DATE", "2016-03")),
    ("The army withdrew in 1989.", MONDAY, "1989", ("DATE", "1989")),
    ("Exports fell in the third quarter of 2017.", MONDAY, "the third quarter of 2017", ("DATE", "2017-Q3")),
    ("The treaty dates from the 1990s.", MONDAY, "1990s", ("DATE", "199")),
    ("It was the worst war of the 20th century.", MONDAY, "the 20th century", ("DATE", "19")),
    ("Protests peaked in nineteen ninety-six.", MONDAY, "nineteen ninety-six", ("DATE", "1996")),
])
def test_explicit_dates(text, date, expr, expected):
    assert timex(text, date, expr) == expected


@pytest.mark.parametrize("text,date,expr,expected", [
    # past context: the most recent such day, the document date itself included
    ("The foreign minister said on Monday that talks had failed.", WEDNESDAY, "Monday", ("DATE", "2018-09-17")),
    ("The foreign minister said Monday that talks had failed.", MONDAY, "Monday", ("DATE", "2018-09-17")),
    ("Rebels shelled the town on Saturday.", MONDAY, "Saturday", ("DATE", "2018-09-15")),
    # future context: the next one
    ("The two leaders will meet on Monday in Ankara.", WEDNESDAY, "Monday", ("DATE", "2018-09-24")),
    ("The council is scheduled to vote on Thursday.", MONDAY, "Thursday", ("DATE", "2018-09-20")),
    ("Troops could leave as early as Friday.", MONDAY, "Friday", ("DATE", "2018-09-21")),
    ("The court extended the deadline until Friday.", MONDAY, "Friday", ("DATE", "2018-09-21")),
    ("Rebels held the bridge until Friday.", WEDNESDAY, "Friday", ("DATE", "2018-09-14")),
    ("Protesters have been marching since Tuesday.", "2018-09-16", "Tuesday", ("DATE", "2018-09-11")),
    # "last Friday" in a Monday article is three days earlier; "next" is strictly ahead
    ("The envoy arrived last Friday.", MONDAY, "last Friday", ("DATE", "2018-09-14")),
    ("The envoy will arrive next Monday.", MONDAY, "next Monday", ("DATE", "2018-09-24")),
    ("Police said the attack came Friday night.", MONDAY, "Friday night", ("DATE", "2018-09-14TNI")),
    # a thing "due" on a day is set for it, whatever the tense of the clause around it
    ("The ministers met on the sidelines of the summit due on Friday.", MONDAY, "Friday",
     ("DATE", "2018-09-21")),
    ("The vote, due on Thursday, was discussed by the cabinet.", MONDAY, "Thursday", ("DATE", "2018-09-20")),
    # but a predicate "was due" may be a plan now past, and "due to" is a cause
    ("The report was due on Friday but never came.", MONDAY, "Friday", ("DATE", "2018-09-14")),
    ("Flights were cancelled due to the strike on Friday.", MONDAY, "Friday", ("DATE", "2018-09-14")),
])
def test_weekdays_follow_tense(text, date, expr, expected):
    assert timex(text, date, expr) == expected


@pytest.mark.parametrize("text,date,expr,expected", [
    # a late-December day mentioned in a January article is last year's
    ("The militia seized the airport on December 30.", "2019-01-04", "December 30", ("DATE", "2018-12-30")),
    ("The militia seized the airport in December.", "2019-01-04", "December", ("DATE", "2018-12")),
    # and an early-January day in a December article, in a future clause, next year's
    ("Parliament will vote on Jan. 3.", "2018-12-20", "Jan. 3", ("DATE", "2019-01-03")),
    # the week before ISO week 2019-W01 is 2018-W52
    ("Last week the protests spread.", "2019-01-02", "Last week", ("DATE", "2018-W52")),
    ("The rebels seized the town last Friday.", "2019-01-01", "last Friday", ("DATE", "2018-12-28")),
])
def test_year_boundaries(text, date, expr, expected):
    assert timex(text, date, expr) == expected


@pytest.mark.parametrize("text,expr,expected", [
    ("The bombing happened two days ago.", "two days ago", ("DATE", "2018-09-15")),
    ("The bombing happened two weeks ago.", "two weeks ago", ("DATE", "2018-W36")),
    ("Prices rose last month.", "last month", ("DATE", "2018-08")),
    ("Talks resume next year.", "next year", ("DATE", "2019")),
    ("The ministers met earlier this week.", "earlier this week", ("DATE", "2018-W38")),
    ("The ministers met earlier this month.", "earlier this month", ("DATE", "2018-09")),
    ("Exports fell in the second quarter.", "the second quarter", ("DATE", "2018-Q2")),
    ("The minister resigned yesterday.", "yesterday", ("DATE", "2018-09-16")),
    ("The minister resigns tomorrow.", "tomorrow", ("DATE", "2018-09-18")),
    ("The minister spoke today.", "today", ("DATE", "2018-09-17")),
    ("Fighting resumed this morning.", "this morning", ("TIME", "2018-09-17TMO")),
    ("The flood hit last summer.", "last summer", ("DATE", "2017-SU")),
    ("Fighters crossed the border a year ago.", "a year ago", ("DATE", "2017")),
])
def test_relative_expressions(text, expr, expected):
    assert timex(text, MONDAY, expr) == expected


@pytest.mark.parametrize("text,expr,expected", [
    ("The siege lasted for two weeks.", "two weeks", ("DURATION", "P2W")),
    ("Inflation doubled over the past six months.", "the past six months", ("DURATION", "P6M")),
    ("They lived in camps for 2 1/2 years.", "2 1/2 years", ("DURATION", "P2Y6M")),
    ("She testified for more than four hours.", "more than four hours", ("DURATION", "PT4H")),
    ("The region has been unstable for years.", "years", ("DURATION", "PXY")),
    ("He signed a five-year contract.", "five-year", ("DURATION", "P5Y")),
    ("Shipments resume within two to three weeks.", "two to three weeks", ("DURATION", "P2W")),
])
def test_durations(text, expr, expected):
    assert timex(text, MONDAY, expr) == expected


@pytest.mark.parametrize("text,expr,expected", [
    ("The economy is now in recession.", "now", ("DATE", "PRESENT_REF")),
    ("The rebels recently seized two towns.", "recently", ("DATE", "PAST_REF")),
    ("Talks may resume in the future.", "the future", ("DATE", "FUTURE_REF")),
    ("Several years ago the rebels took the city.", "Several years ago", ("DATE", "PAST_REF")),
    ("Convoys cross the border daily.", "daily", ("SET", "P1D")),
    ("Protesters gather every Friday.", "every Friday", ("SET", "XXXX-WXX-5")),
])
def test_vague_and_sets(text, expr, expected):
    assert timex(text, MONDAY, expr) == expected


@pytest.mark.parametrize("text,expr,expected", [
    # earnings reports: quarters resolve to the one under report, comparisons a year back
    ("Profit rose 5% in the quarter ended June 30. A year earlier, it fell.", "the quarter", ("DATE", "2018-Q2")),
    ("Profit rose 5% in the quarter ended June 30. A year earlier, it fell.", "A year earlier", ("DATE", "2017-Q2")),
    ("Sales in the year-earlier quarter were flat, the third quarter being strong.", "the year-earlier quarter", ("DATE", "2017-Q2")),
    ("Profit was lower in the first half of 2017.", "the first half of 2017", ("DATE", "2017-H1")),
])
def test_quarters(text, expr, expected):
    assert timex(text, MONDAY, expr) == expected


@pytest.mark.parametrize("text,date,expr,expected", [
    # fiscal quarters written with a hyphen, and the comparison that follows them
    ("Profit rose in the fiscal-first quarter ended Sept. 30.", "2018-10-25", "the fiscal-first quarter", ("DATE", "2018-Q1")),
    ("Profit rose in the fiscal-first quarter ended Sept. 30. A year earlier, it fell.", "2018-10-25", "A year earlier", ("DATE", "2017-Q1")),
    # an earnings comparison of amounts: "last year" is the quarter a year back
    ("Profit rose 5% in the third quarter. Sales rose to $2.5 billion from $2.3 billion last year.", "2018-10-25", "last year", ("DATE", "2017-Q3")),
    ("Profit rose 5% in the third quarter. The chief executive joined the company last year.", "2018-10-25", "last year", ("DATE", "2017")),
    # "April 24 and 25": the second day is a date of its own
    ("The summit will be held on April 24 and 25.", MONDAY, "25", ("DATE", "2019-04-25")),
    ("The summit will be held on April 24 and 25.", MONDAY, "April 24", ("DATE", "2019-04-24")),
    # "the week of" a date is that ISO week; a holiday's week is the week of the holiday
    ("A hearing is set for the week of Oct. 8.", MONDAY, "the week of Oct. 8", ("DATE", "2018-W41")),
    ("Pilgrims filled the city as Easter week began.", "2019-04-15", "Easter week", ("DATE", "2019-W16")),
    # a part of the day before its day, or on its own
    ("Shares were down 2% at mid-afternoon yesterday.", MONDAY, "mid-afternoon yesterday", ("TIME", "2018-09-16TAF")),
    ("By mid afternoon, the crowd had grown to thousands.", MONDAY, "mid afternoon", ("TIME", "2018-09-17TAF")),
    ("Protesters gathered yesterday afternoon and marched until early evening.", MONDAY, "early evening", ("TIME", "2018-09-16TEV")),
    # plural days of the week are sets, also the first of a pair
    ("Two new flights will leave on Monday and Tuesday nights.", MONDAY, "Monday", ("SET", "XXXX-WXX-1TNI")),
    ("Two new flights will leave on Monday and Tuesday nights.", MONDAY, "Tuesday nights", ("SET", "XXXX-WXX-2TNI")),
    # "the last half of the '80s" is the decade; "'80s" in 2018 news is the 1980s
    ("Sales grew slowly in the last half of the '80s.", MONDAY, "the last half of the '80s", ("DATE", "198")),
    # "one day" after a modal is an unspecified future, not a duration
    ("Islam may one day become the largest religion there.", MONDAY, "one day", ("DATE", "FUTURE_REF")),
    ("The judge cut the hearing to one day.", MONDAY, "one day", ("DURATION", "P1D")),
    # a clock time followed by its GMT equivalent and the weekday takes that weekday
    ("The blast occurred at 10:35 a.m. (0735 GMT) Friday.", MONDAY, "10:35 a.m.", ("TIME", "2018-09-14T10:35")),
    ("The blast occurred at 10:35 a.m. (0735 GMT) Friday.", MONDAY, "Friday", ("DATE", "2018-09-14")),
    # tense cues: "effective" looks ahead, "through" a deadline, "had been due" is a lapsed plan
    ("The board approved a pay rise effective Feb. 1.", MONDAY, "Feb. 1", ("DATE", "2019-02-01")),
    ("The bank extended the credit line through January.", MONDAY, "January", ("DATE", "2019-01")),
    ("The offer was extended. It had been due to expire Friday.", MONDAY, "Friday", ("DATE", "2018-09-14")),
    # only a quoted title-case "This Week" is a programme's name
    ('"This week we meet again," the minister said.', MONDAY, "This week", ("DATE", "2018-W38")),
    ("Exports Fell Last Year", MONDAY, "Last Year", ("DATE", "2017")),
    # durations: "couple of", business-day adjectives, "the weeks ahead"
    ("Analysts expect growth over the next couple of years.", MONDAY, "the next couple of years", ("DURATION", "P2Y")),
    ("The index rose for eight trading days.", MONDAY, "eight trading days", ("DURATION", "P8D")),
    ("Funds may sell more bonds in the weeks ahead.", MONDAY, "the weeks ahead", ("DURATION", "PXW")),
    ("She returned after a several-year stint abroad.", MONDAY, "several-year", ("DURATION", "PXY")),
    # a month used as a modifier after "the"
    ("The March accession will make them full members.", MONDAY, "March", ("DATE", "2019-03")),
])
def test_news_conventions(text, date, expr, expected):
    assert timex(text, date, expr) == expected


def test_second_day_needs_a_date_like_continuation():
    _, ctx = annotate("On March 3 and 4 others were hurt in the clashes.", MONDAY)
    assert [t.text for t in ctx.times] == ["March 3"]


def test_clock_time_takes_its_weekday():
    assert timex("The blast occurred at 10 p.m. Wednesday, police said.", MONDAY,
                 "10 p.m. Wednesday") == ("TIME", "2018-09-12T22:00")


@pytest.mark.parametrize("text", [
    "He may attend the summit.",
    "Thousands march in the capital against the decree.",
    "A 6-year-old boy was among the injured.",
    "The army sent 1990 troops and 12 tanks.",
    "The company pays $5 million a year in fees.",
    "The spring water was contaminated.",
    "USA Today reported the figures.",
    "The former president died aged 84 years.",
    'Baker said on ABC\'s "This Week" that the talks had failed.',
    "The cinema showed High Noon again.",
    "Banks hold more than a quarter of the bonds.",
])
def test_no_false_times(text):
    _, ctx = annotate(text, MONDAY)
    assert ctx.times == []


def test_offsets_match_text():
    text = "On Sept. 7, 2018, and again last Friday, officials met; they meet again next week."
    _, ctx = annotate(text, MONDAY)
    assert [t.text for t in ctx.times] == ["Sept. 7, 2018", "last Friday", "next week"]
    for t in ctx.times:
        assert text[t.start:t.end] == t.text


# ----------------------------------------------------------------- documents without a date

@pytest.mark.parametrize("text,expr,expected", [
    ("The minister said on Monday that talks had failed.", "Monday", ("DATE", "XXXX-WXX-1")),
    ("The ceasefire was signed on September 7.", "September 7", ("DATE", "XXXX-09-07")),
    ("The ceasefire was signed on September 7, 2018.", "September 7, 2018", ("DATE", "2018-09-07")),
    ("The bombing happened two days ago.", "two days ago", ("DATE", "PAST_REF")),
    ("The minister resigned yesterday.", "yesterday", ("DATE", "XXXX-XX-XX")),
    ("Prices rose last month.", "last month", ("DATE", "XXXX-XX")),
    ("The siege lasted for two weeks.", "two weeks", ("DURATION", "P2W")),
])
def test_no_document_date_invents_no_day(text, expr, expected):
    assert timex(text, None, expr) == expected


# ----------------------------------------------------------------- date_for

def _sentence(doc, i=0):
    return list(doc.sents)[i]


def _token(doc, word):
    return next(t for t in doc if t.text == word)


def test_date_for_prefers_the_expression_on_the_event_verb():
    doc, ctx = annotate("Rebels attacked the town on Sept. 7, officials said on Monday.", WEDNESDAY)
    sent = _sentence(doc)
    assert date_for(sent, ctx, anchor_token=_token(doc, "attacked")) == ("2018-09-07", "day")
    assert date_for(sent, ctx, anchor_token=_token(doc, "said")) == ("2018-09-17", "day")


def test_date_for_precision_follows_the_expression():
    doc, ctx = annotate("Government forces shelled the city last month.", MONDAY)
    assert date_for(_sentence(doc), ctx) == ("2018-08", "month")
    doc, ctx = annotate("Government forces shelled the city last year.", MONDAY)
    assert date_for(_sentence(doc), ctx) == ("2017", "year")


def test_date_for_falls_back_to_the_document_date():
    doc, ctx = annotate("Government forces shelled the city.", MONDAY)
    assert date_for(_sentence(doc), ctx) == (MONDAY, "day")


def test_date_for_never_returns_a_later_date_for_a_past_event():
    doc, ctx = annotate("Government forces shelled the city on Sept. 20, 2018.", MONDAY)
    assert date_for(_sentence(doc), ctx) == (MONDAY, "day")


def test_date_for_future_events_may_be_later():
    doc, ctx = annotate("The two leaders will meet on Thursday.", MONDAY)
    assert date_for(_sentence(doc), ctx) == ("2018-09-20", "day")


def test_date_for_without_document_date():
    doc, ctx = annotate("Government forces shelled the city on Monday.", None)
    assert date_for(_sentence(doc), ctx) == (None, None)
    doc, ctx = annotate("Government forces shelled the city on 7 September 2018.", None)
    assert date_for(_sentence(doc), ctx) == ("2018-09-07", "day")


def test_pipeline_records_times():
    from eventwire.pipeline import extract

    record = extract("Rebels shelled the town last Friday, officials said.", date=MONDAY)
    assert [(t.text, t.type, t.value) for t in record.times] == [("last Friday", "DATE", "2018-09-14")]


# ----------------------------------------------------------------- robustness on real news

_VALUE = r"(\d{2,4}|XXXX)(-(\d\d|XX|W\d\d|WXX|Q[1-4X]|H[12]|SP|SU|FA|WI)(-(\d\d|XX|\d|WE))?)?(T(\d\d:\d\d|MO|AF|EV|NI))?"


def test_sample_news_gives_wellformed_times():
    """The bundled Wikinews sample: no failure, offsets that hold, TIMEX3-shaped values."""
    import json
    import re
    from pathlib import Path

    sample = Path(__file__).resolve().parents[1] / "samples" / "wikinews" / "wikinews.jsonl"
    lines = sample.read_text(encoding="utf-8").splitlines()[:25]
    nlp = load_nlp()
    shape = re.compile(rf"{_VALUE}|P(T?[\dX.]+[A-Z]+)+|PT?X[A-Z]+|(PRESENT|PAST|FUTURE)_REF|XXXX-WXX-\d(T[A-Z]{{2}})?")
    total = 0
    for line in lines:
        d = json.loads(line)
        text = d["text"]
        ctx = DocContext(document=Document(id=d["id"], text=text, date=parse_date(d.get("date"))))
        times = find_times(nlp(text), ctx)
        total += len(times)
        for t in times:
            assert text[t.start:t.end] == t.text
            assert shape.fullmatch(t.value), (t.text, t.value)
    assert total > 50


def test_undated_text_gives_its_year_to_a_later_day_month():
    """Without a document date a day-month takes the year of the full date written before it."""
    from eventwire.times.recognize import recognize
    found = recognize("On 4 May 2022, teachers marched. They will march again on 11 May.", None)
    assert [f.value for f in found] == ["2022-05-04", "2022-05-11"]
    assert [f.value for f in recognize("They will march again on 11 May.", None)] == ["XXXX-05-11"]


def test_every_rule_has_its_normalizer_and_every_normalizer_a_rule():
    from eventwire.times.lexicon import load_lexicon
    from eventwire.times.normalize import NORMALIZERS

    rules = [r.name for r in load_lexicon().rules]
    assert len(rules) == len(set(rules))
    assert set(rules) == set(NORMALIZERS)


def test_a_rule_cannot_have_two_normalizers():
    from eventwire.times.normalize import normalizes

    with pytest.raises(ValueError, match="iso_date"):
        normalizes("iso_date")(lambda m, r: None)


def _rule_examples():
    from eventwire.datafiles import load_yaml
    from eventwire.times.lexicon import DATA

    rules = load_yaml((DATA / "patterns.yaml").read_text(encoding="utf-8"))
    return [pytest.param(rule["name"], example, id=f"{rule['name']}-{i}")
            for rule in rules for i, example in enumerate(rule.get("examples") or [])]


def test_every_time_rule_has_an_example():
    from eventwire.times.lexicon import load_lexicon

    with_examples = {p.values[0] for p in _rule_examples()}
    assert {rule.name for rule in load_lexicon().rules} <= with_examples


@pytest.mark.parametrize("rule,example", _rule_examples())
def test_time_rule_examples(rule, example):
    """Each example in patterns.yaml: its rule finds the expression and gives it the value."""
    text = example["text"]
    _, ctx = annotate(text, str(example["anchor"]))
    found = [(f.rule, f.type, f.value) for f in ctx.times_found
             if text[f.start:f.end] == example["expression"]]
    assert found == [(rule, example["type"], example["value"])], [
        (text[f.start:f.end], f.rule, f.value) for f in ctx.times_found]


@pytest.mark.parametrize("text, expected", [
    # "the weekend", "the week" followed by "in" and a place: the time, the place the clause's
    ("The army killed twelve militants over the weekend in North Sinai.", [("the weekend", "2018-W37-WE")]),
    ("Rebels shelled the town at the weekend in the Kidal region.", [("the weekend", "2018-W37-WE")]),
    ("Protests spread during the week in Gaza, officials said.", [("the week", "P1W")]),
    # ... "in" a lower-case word, a month or a year, or a title "of the year": no time
    ("It was the worst day in which to travel.", []),
    ("He was named player of the year in Spain.", []),
    ("He was named coach of the year in 1987.", [("1987", "1987")]),
    ("It was the coldest week in March.", [("March", "2018-03")]),
])
def test_the_unit_before_in_a_place(text, expected):
    _, ctx = annotate(text, MONDAY)
    assert [(t.text, t.value) for t in ctx.times] == expected


@pytest.mark.parametrize("text, date, times", [
    # a two-digit year after a day and month is the year of the publication's century
    ("The town has been under siege since 26 Mar 23 in the north.", "2024-04-10", [("26 Mar 23", "2023-03-26")]),
    ("Talks began on 3 Feb 22, officials said.", "2024-04-10", [("3 Feb 22", "2022-02-03")]),
    ("Talks began on 3 Feb 22.", "2024-04-10", [("3 Feb 22", "2022-02-03")]),
    ("Rebels have held the pass since 9 Nov '21 and refuse to leave.", "2024-04-10", [("9 Nov '21", "2021-11-09")]),
    ("The mayor was arrested on Nov. 9, '21 in his office.", "2024-04-10", [("Nov. 9, '21", "2021-11-09")]),
    # ... not ten years or more ahead of it
    ("The camp has stood since 4 Jun 98 at the border.", "2004-06-01", [("4 Jun 98", "1998-06-04")]),
    # two digits a count may be: the day and month alone, and no other day read into them
    ("On 6 March 23 soldiers were killed in the valley.", "2024-04-10", [("6 March", "2024-03-06")]),
    ("On 12 Jan 40 prisoners were freed.", "2024-04-10", [("12 Jan", "2024-01-12")]),
    ("On 6 March 23 police officers were wounded.", "2024-04-10", [("6 March", "2024-03-06")]),
    ("He arrived on 6 March, 23 days before the vote.", "2024-04-10", [("6 March", "2024-03-06"), ("23 days", "P23D")]),
    # a full year keeps its reading
    ("Talks began on 3 Feb 2022 in Doha.", "2024-04-10", [("3 Feb 2022", "2022-02-03")]),
])
def test_two_digit_years(text, date, times):
    _, ctx = annotate(text, date)
    assert [(t.text, t.value) for t in ctx.times] == times


@pytest.mark.parametrize("text, expression, found", [
    # words.before_may_or_march: a capitalized May is the month only after a cue
    ("Theresa May said the deal was dead.", "May", None),
    ("The talks resumed in May.", "May", ("DATE", "2018-05")),
    # words.after_todays_no_date: "today's world" is nowadays
    ("Today's world is a dangerous place, the minister said.", "Today", None),
    ("Today's vote was postponed.", "Today", ("DATE", "2018-09-17")),
    # words.after_current_no_time: "current account" is no time
    ("The current account deficit widened.", "current", None),
    ("The current crisis has no end in sight.", "current", ("DATE", "PRESENT_REF")),
    # words.time_zones: a zone stays in the clock time's span, another word does not
    ("The blast was heard at 10:35 a.m. EDT near the port.", "10:35 a.m. EDT", ("TIME", "2018-09-17T10:35")),
    ("The blast was heard at 10:35 a.m. Reuters reported.", "10:35 a.m.", ("TIME", "2018-09-17T10:35")),
])
def test_the_normalizers_word_lists_decide(text, expression, found):
    _, ctx = annotate(text, "2018-09-17")
    got = [(t.type, t.value) for t in ctx.times if t.text == expression]
    assert got == ([found] if found else [])


def test_a_yaml_boolean_in_the_word_lists_is_refused(monkeypatch, tmp_path):
    from eventwire.times import lexicon

    (tmp_path / "lexicon.yaml").write_text(
        (lexicon.DATA / "lexicon.yaml").read_text(encoding="utf-8").replace('"on"', "on"), encoding="utf-8")
    (tmp_path / "patterns.yaml").write_text((lexicon.DATA / "patterns.yaml").read_text(encoding="utf-8"),
                                            encoding="utf-8")
    monkeypatch.setattr(lexicon, "DATA", tmp_path)
    with pytest.raises(ValueError, match="before_may_or_march: True"):
        lexicon.load_lexicon.__wrapped__()   # past the per-process cache


@pytest.mark.parametrize("value, expected", [
    ("2022-W13", ("2022-03", "month")),       # a week: its Thursday's month (31 March)
    ("2022-W13-WE", ("2022-04", "month")),    # its weekend: 2 and 3 April
    ("2024-W11-WE", ("2024-03", "month")),
])
def test_a_weeks_month(value, expected):
    from eventwire.times.calendar import precision_of

    assert precision_of(value) == expected
