"""Which day an event is given when its own sentence tells none (issue 16, pattern 6): the
guideline gives the publication day only to what the text reports as the news, never a day
copied from an unrelated sentence. Every sentence here is written for these tests."""
from __future__ import annotations

import pytest

from eventwire.paragraphs import FLATTENED_MIN_CHARS, lost_paragraphs
from eventwire.pipeline import extract

DATE = "2024-03-18"  # a Monday

LEAD = ("Rebels attacked an army base near the northern town of Kidal on Saturday, killing four "
        "soldiers, the defence ministry said in a statement on Sunday.")
BODY = [
    "The ministry said troops repelled the assault after several hours of fighting.",
    "The attack was the deadliest on the army this year, according to a tally by the news agency.",
    "Mali has been battling an insurgency in its north for more than a decade, and the government "
    "has struggled to restore order across the vast desert region despite the help of foreign troops.",
    "Analysts say the withdrawal of the United Nations mission last year has left the army stretched "
    "thin, with many remote outposts left to defend themselves against armed groups.",
    "Neighbouring Algeria brokered a peace deal between the government and separatist groups in the north.",
    "The separatists accused the government of violating the deal.",
    "Officials in Bamako did not respond to requests for comment on the latest fighting near Kidal, "
    "which lies about 1,500 kilometres from the capital, across the desert.",
]


def _asserted_dates(separator: str) -> dict:
    text = LEAD + separator + separator.join(BODY)
    return {e.category: e.date for e in extract(text, date=DATE).events if e.modality == "asserted"}


def test_a_flattened_article_is_dated_as_the_same_article_with_paragraphs():
    # a flattened text used to run the story's day, or the publication day, through every
    # later sentence; read sentence by sentence it dates as its paragraphed form does
    with_paragraphs, flattened = _asserted_dates("\n\n"), _asserted_dates(" ")
    assert flattened["ASSAULT"] == "2024-03-16"      # the lead's Saturday
    assert {"AGREE", "ACCUSE"} <= set(flattened)
    assert flattened == with_paragraphs


@pytest.mark.parametrize("text, flattened", [
    ("word " * (FLATTENED_MIN_CHARS // 5 + 10), True),
    ("word " * (FLATTENED_MIN_CHARS // 5 + 10) + "\n", True),      # a trailing newline is no break
    ("word " * 100 + "\n\n" + "word " * 200, False),
    ("word " * 100 + "\n" + "word " * 200, False),
    ("A short brief with no break at all.", False),                 # may well be one paragraph
    ("", False),
])
def test_lost_paragraphs(text, flattened):
    assert lost_paragraphs(text) is flattened


NEWS = ("On Friday, police in Nairobi arrested the opposition leader Raila Otieno at his home.\n\n"
        "Otieno's lawyers said the charges were baseless.\n\n"
        "{later}")


@pytest.mark.parametrize("later, category, date", [
    # a deed told in the simple past in a later paragraph: reported as the news, the lead's day
    ("The United States urged the Kenyan government to release him.", "REQUEST", "2024-03-15"),
    ("Hundreds of his supporters marched through the city centre.", "PROTEST", "2024-03-15"),
    # a state held now or a deed in the perfect: no day of its own
    ("The United States has urged the Kenyan government to release him.", "REQUEST", None),
])
def test_a_later_paragraph_without_a_time_is_dated_by_its_tense(later, category, date):
    events = extract(NEWS.format(later=later), date=DATE).events
    assert {e.category: e.date for e in events}.get("COERCE") == "2024-03-15"
    found = [e for e in events if e.category == category and e.modality == "asserted"]
    assert found and found[0].date == date, [(e.category, e.date, e.evidence.text) for e in events]


@pytest.mark.parametrize("text, date", [
    # "later in the day" is the day the story just told, not the publication day
    ("Hundreds of opposition supporters rallied in Nairobi on Tuesday. Later in the day, "
     "protesters clashed with police in the city centre.", "2024-03-12"),
    # with no day told before it, the day of the news
    ("Later in the day, protesters clashed with police in Nairobi.", "2024-03-18"),
])
def test_later_in_the_day_is_the_day_just_told(text, date):
    times = {t.text: t.value for t in extract(text, date=DATE).times}
    assert times.get("the day") == date, times


STORY = "Police in Nairobi arrested the opposition leader Raila Otieno on Saturday. {next}"


def _dated(text: str, category: str) -> list:
    return [e.date for e in extract(text, date=DATE).events
            if e.category == category and e.modality == "asserted"]


@pytest.mark.parametrize("next, category, date", [
    # "two days later", "a day later", "the day before": counted from the day the story told
    ("A day later, thousands of people marched in Nairobi.", "PROTEST", "2024-03-17"),
    ("His supporters marched through the capital the day before.", "PROTEST", "2024-03-15"),
    # never after publication: three days after Saturday is past the Monday it was published
    ("His supporters marched through the capital three days later.", "PROTEST", DATE),
    # "three days after the vote" names its own anchor, which is not the story's day
    ("His supporters marched through the capital three days after the vote.", "PROTEST", DATE),
])
def test_days_later_count_from_the_day_the_story_told(next, category, date):
    assert _dated(STORY.format(next=next), category) == [date]


@pytest.mark.parametrize("next", [
    "900000000 days later, thousands of his supporters marched in Nairobi.",
    "Days later, thousands of his supporters marched in Nairobi.",
])
def test_days_later_past_any_calendar_or_uncounted_gives_no_shifted_day(next):
    # bad input never crashes the document; an uncounted span ("days later") moves nothing
    assert _dated(STORY.format(next=next), "PROTEST") == [DATE]


def test_a_number_of_days_later_counts_from_the_day_told():
    # "two days" is a duration to the times stage (as TempEval annotates it); the event's day
    # is the told Friday moved by it (a town taken by force is fought for: ASSAULT)
    text = "Rebels seized the town of Kidal on Friday. Two days later, government troops recaptured it."
    assert _dated(text, "ASSAULT") == ["2024-03-15", "2024-03-17"]


@pytest.mark.parametrize("later, date", [
    # a commitment told in the simple past in a later paragraph is said on the news day
    ("The opposition said it would boycott the elections.", "2024-03-15"),
    # told in the perfect, it is a stance held now: no day of its own
    ("The opposition has said it would boycott the elections.", None),
])
def test_a_statement_later_is_dated_by_its_speech_verbs_tense(later, date):
    events = extract(NEWS.format(later=later), date=DATE).events
    stated = [e for e in events if e.modality == "asserted" and e.cameo in ("130", "030")]
    assert stated and stated[0].date == date, [(e.category, e.cameo, e.date) for e in events]


# A web page's heading and dateline lines, which the parser can run into the first sentence
# (ECB+'s pages: 16 of the 40 dev errors of `bench/events.py --only dates` before the rule).
@pytest.mark.parametrize("header", [
    "Monday, March 18, 2024",
    "Posted on 18 March 2024, 10:12 GMT",
    "Rebels Ambush Army Convoy\nUpdated: March 18, 2024 08:30 ET",
])
@pytest.mark.parametrize("lead, category, date", [
    # the clause's own day is in a subordinate clause; the dateline was nearer the verb
    ("Four soldiers were killed when rebels ambushed a convoy near Kidal on Saturday, the army "
     "said.", "ASSAULT", "2024-03-16"),
    ("Security forces detained dozens of protesters after a rally in the capital turned violent "
     "on Wednesday.", "COERCE", "2024-03-13"),
])
def test_a_dateline_across_a_line_break_never_dates_the_event(header, lead, category, date):
    events = [e for e in extract(header + "\n" + lead, date=DATE).events if e.modality == "asserted"]
    assert [e.date for e in events if e.category == category] == [date], \
        [(e.category, e.evidence.text, e.date) for e in events]
    # read as the same sentence without its header, the event is told alike
    plain = [e for e in extract(lead, date=DATE).events if e.modality == "asserted"]
    assert [(e.category, e.date) for e in events] == [(e.category, e.date) for e in plain]


@pytest.mark.parametrize("text, date", [
    # the old code gave these the dateline's day
    ("Monday, March 18, 2024\nRebels ambushed an army convoy near Kidal on Saturday.", "2024-03-16"),
    # with no time on its line, the news of the day takes the publication day
    ("Friday, March 15, 2024\nRebels ambushed an army convoy near Kidal.", DATE),
    # guard: a line after the event's is no nearer a time of its own
    ("Rebels ambushed an army convoy near Kidal on Saturday.\nMonday, March 18, 2024", "2024-03-16"),
])
def test_a_time_on_the_events_own_line_dates_it(text, date):
    assert _dated(text, "ASSAULT") == [date]


@pytest.mark.parametrize("text", ["March 18, 2024\n", "\n\nMarch 18, 2024\n\n\n", "Posted on\n\n2024"])
def test_a_page_of_datelines_only_gives_no_event(text):
    record = extract(text, date=DATE)
    assert not getattr(record, "events", [])


# A court story tells the verdict as the news and the acts it judged as a narration of an
# earlier year: what the paragraph tells after "In 2019, ..." with no time of its own
# happened then, not on the verdict's day (the story-day chain used to carry it there).
VERDICT = "A court in Lyon convicted two police officers on Thursday of assaulting a student.\n\n{past}"


@pytest.mark.parametrize("past, date", [
    # the paragraph turned to an earlier year: no day of the news for what it tells next
    ("In 2019, the two officers arrested the student at a rally in Lyon. They beat him in a "
     "police van.", None),
    # guards: a month of an earlier year goes on as before (the story's month is carried) ...
    ("In March 2019, the two officers arrested the student at a rally in Lyon. They beat him "
     "in a police van.", "2019-03"),
    # ... and a month of the publication's year sets no past apart from the news
    ("In January, the two officers arrested the student at a rally in Lyon. They beat him in "
     "a police van.", "2024-01"),
    # a year told in another paragraph frames nothing here
    ("The two officers arrested the student at a rally in Lyon in 2019.\n\nThey beat him in a "
     "police van, prosecutors said.", "2024-03-14"),
])
def test_a_paragraph_told_in_an_earlier_year_keeps_its_acts_off_the_news_day(past, date):
    events = extract(VERDICT.format(past=past), date=DATE).events
    assert {e.category: e.date for e in events}.get("SANCTION") == "2024-03-14"
    assert _dated(VERDICT.format(past=past), "ASSAULT") == [date], \
        [(e.category, e.evidence.text, e.date) for e in events]


def test_a_day_told_after_the_earlier_year_is_the_news_again():
    text = VERDICT.format(past="The two officers arrested the student at a rally in Lyon in 2019. "
                               "On Thursday, the officers threatened journalists outside the court. "
                               "Their supporters pelted the journalists with eggs.")
    assert _dated(text, "THREATEN") == ["2024-03-14"]


# A later paragraph that tells its own day first, in a sentence no dated event came from, and
# then acts with no time of their own: they happened on the paragraph's day, not on the lead's
# day (which the later-paragraph rule gave) nor undated (where the lead told no day).
ARREST = "{lead}\n\n{para}"
ARRESTED = "On Friday, police in Nairobi arrested the opposition leader Raila Otieno at his home."


@pytest.mark.parametrize("lead, para, category, date", [
    (ARRESTED, "On Saturday, the ministry published a list of the charges against him. Hundreds "
     "of his supporters marched through the city centre.", "PROTEST", "2024-03-16"),
    (ARRESTED, "A court hearing was held on Saturday. His lawyers accused the government of "
     "persecution.", "ACCUSE", "2024-03-16"),
    # a lead with no day of its own: the paragraph's day still dates what it tells next
    ("Police in Nairobi arrested the opposition leader Raila Otieno at his home.",
     "On Saturday, the ministry published a list of the charges against him. Hundreds of his "
     "supporters marched through the city centre.", "PROTEST", "2024-03-16"),
    # guards: a day of an earlier year is the paragraph's background, not its news ...
    (ARRESTED, "Otieno became party leader on 2 January 2021. His supporters marched through "
     "the city centre.", "PROTEST", "2024-03-15"),
    # ... a day to come is a plan, not the day anything told next happened ...
    (ARRESTED, "A court hearing is set for Thursday. His supporters marched through the city "
     "centre.", "PROTEST", "2024-03-15"),
    # ... and a day told in another paragraph dates nothing here
    (ARRESTED, "A court hearing was held on Saturday.\n\nHis supporters marched through the "
     "city centre.", "PROTEST", "2024-03-15"),
])
def test_a_paragraph_dates_its_undated_acts_by_the_day_it_told(lead, para, category, date):
    events = extract(ARREST.format(lead=lead, para=para), date=DATE).events
    assert _dated(ARREST.format(lead=lead, para=para), category) == [date], \
        [(e.category, e.evidence.text, e.date) for e in events]


# A sentence whose times the event cannot take (a duration, a day of an earlier year) tells
# no day of its own: in a paragraph that told its news day before, it is told on that day,
# not on the publication day (the times stage's last resort).
@pytest.mark.parametrize("para, category, date", [
    ("A magistrate refused him bail on Saturday. His lawyers appealed the ruling within two "
     "hours.", "REQUEST", "2024-03-16"),
    ("The ministry published the charges on Saturday. Hundreds of his supporters marched "
     "through the city centre for three hours.", "PROTEST", "2024-03-16"),
    # guards: no day told in the paragraph: the publication day, as before ...
    ("His lawyers appealed the ruling within two hours.", "REQUEST", DATE),
    # ... a day of an earlier year is background, not the paragraph's news day ...
    ("Otieno became party leader on 2 January 2021. His supporters marched through the city "
     "centre for three hours.", "PROTEST", DATE),
    # ... a span of days from another event places it away from the paragraph's day ...
    ("The ministry published the charges on Saturday. Hundreds of his supporters marched "
     "through the city centre two days after the hearing.", "PROTEST", DATE),
    # ... and a day of the sentence's own is its day
    ("The ministry published the charges on Saturday. Hundreds of his supporters marched "
     "through the city centre on Sunday.", "PROTEST", "2024-03-17"),
])
def test_a_sentence_with_no_time_of_its_own_takes_its_paragraphs_day(para, category, date):
    text = ARREST.format(lead=ARRESTED, para=para)
    assert _dated(text, category) == [date], \
        [(e.category, e.evidence.text, e.date) for e in extract(text, date=DATE).events]


# "Two days later", "the day before" qualify the whole coordination of predicates they stand
# in: each coordinated act of another kind is counted from the story's day too.
SEIZED = "Rebels seized the town of Kidal on Thursday.\n\n{next}"


@pytest.mark.parametrize("next, category, date", [
    ("Two days later, the army shelled the town and arrested the local mayor.", "COERCE", "2024-03-16"),
    ("The army shelled the town two days later and arrested the local mayor.", "COERCE", "2024-03-16"),
    ("The army shelled the town two days later, surrounded the market and arrested the local "
     "mayor.", "COERCE", "2024-03-16"),
    ("The army had warned residents the day before and arrested two activists.", "COERCE", "2024-03-13"),
    # guards: the span's own clause keeps it, as before ...
    ("Two days later, the army shelled the town and arrested the local mayor.", "ASSAULT", "2024-03-16"),
    # ... a clause under it is not coordinated with it ("after police arrested ...") ...
    ("Two days later, the army shelled the town after police arrested the local mayor.", "COERCE", None),
    # ... nor is the next sentence, nor a coordinated act with a day of its own
    ("Two days later, the army shelled the town. Police arrested the local mayor on Friday.",
     "COERCE", "2024-03-15"),
    ("The army shelled the town, and police arrested the local mayor.", "COERCE", "2024-03-14"),
])
def test_days_later_date_every_coordinated_act(next, category, date):
    text = SEIZED.format(next=next)
    events = extract(text, date=DATE).events
    later = [e.date for e in events if e.category == category and e.modality == "asserted"
             and e.evidence.start > text.index("\n\n")]
    assert later and set(later) == {date}, [(e.category, e.evidence.text, e.date) for e in events]


# A definite event noun mentioned in passing with no time of its own ("before the talks")
# names the event of its kind the story told before: it takes that event's day, not none.
MET = "The foreign ministers of Kazakhstan and Iran met in Astana on Saturday.\n\n{later}"
ARRESTS = "Police in Astana arrested two opposition activists on Saturday.\n\n{later}"


@pytest.mark.parametrize("story, later, date", [
    (MET, "The Kazakh minister thanked his guests before the talks with Iranian business leaders.",
     "2024-03-16"),
    # guards: no event of its kind told before: no day, as before ...
    (ARRESTS, "The Kazakh minister thanked his guests before the talks with his Iranian "
     "counterpart.", None),
    # ... an indefinite noun brings in a new event ...
    (ARRESTS, "The Kazakh minister thanked his guests before a meeting with the Iranian president.", None),
    # ... and a time of its own dates it
    (MET, "The Kazakh minister thanked his guests before the talks on Sunday.", "2024-03-17"),
])
def test_a_definite_event_noun_in_passing_takes_the_day_of_the_event_it_names(story, later, date):
    text = story.format(later=later)
    events = extract(text, date=DATE).events
    nouns = [e.date for e in events if e.category == "CONSULT" and e.evidence.start > text.index("\n\n")]
    assert nouns == [date], [(e.category, e.evidence.text, e.date) for e in events]


# A day and month with no year that begin the name of a place or a body ("6th of October City",
# "the April 6 Youth Movement", "the March 14 alliance") are that name, not a time: the event
# told beside it is dated as if the name held no date.
@pytest.mark.parametrize("text, expression, value", [
    ("Troops clashed with students in 6th of October City on Friday.", "6th of October", None),
    ("Troops clashed with students in 6th of October City on Friday.", "Friday", "2024-03-15"),
    ("Leaders of the April 6 Youth Movement were detained in Alexandria.", "April 6", None),
    ("Leaders of the April 6 Youth Movement were detained in Alexandria.", "April", None),
    ("The March 14 alliance walked out of the cabinet.", "March 14", None),
    ("A crowd gathered on 26 July Street in the old town.", "26 July", None),
    # guards: a day and month of the clause keep their date, whatever follows them ...
    ("Police detained the activists on 6 October in Alexandria.", "6 October", "2023-10-06"),
    ("On 6 October, city officials closed the main road.", "6 October", "2023-10-06"),
    ("on 6 October city officials closed the main road.", "6 October", "2023-10-06"),
    ("They marched on July 4 in the city centre.", "July 4", "2023-07-04"),
    # ... and a happening named by its day is dated by it
    ("Leaders of the 30 June protests were detained in Alexandria.", "the 30 June", "2023-06-30"),
    ("The April 2011 movement split within a year.", "April 2011", "2011-04"),
])
def test_a_day_and_month_that_begin_a_name_are_no_time(text, expression, value):
    times = [t.value for t in extract(text, date=DATE).times if t.text == expression]
    assert times == ([value] if value else []), [(t.text, t.value) for t in extract(text, date=DATE).times]


@pytest.mark.parametrize("text, category, date", [
    ("Troops clashed with students in 6th of October City on Friday.", "ASSAULT", "2024-03-15"),
    # the lead's news with no other time: the publication day, not a day of the name
    ("Members of the April 6 Youth Movement protested outside the court in Cairo.", "PROTEST", DATE),
    # guard: the day of the clause stays the event's
    ("Troops clashed with students in the city centre on 6 March.", "ASSAULT", "2024-03-06"),
])
def test_an_event_beside_a_name_holding_a_date_is_not_dated_by_it(text, category, date):
    events = [e for e in extract(text, date=DATE).events if e.category == category]
    assert [e.date for e in events] == [date], [(e.category, e.evidence.text, e.date) for e in events]


# An event noun measured by a span of a day or more ("two weeks of protests", "three days of
# clashes") is a period, not a happening of one day: its month, not a day.
@pytest.mark.parametrize("text, category, date", [
    ("The governor of the province resigned on Saturday.\n\nHis resignation followed two weeks of "
     "protests in the capital.", "PROTEST", "2024-03"),
    ("Three days of clashes between the army and rebels in the north left dozens dead, officials "
     "said on Sunday.", "ASSAULT", "2024-03"),
    ("The army ended a week of fighting with the rebels on Saturday.", "ASSAULT", "2024-03"),
    # guards: an event told on its day keeps the day, and a count of people is no span
    ("Thousands protested in the capital on Saturday against the new law.", "PROTEST", "2024-03-16"),
    ("Police detained dozens of protesters in the capital on Saturday.", "COERCE", "2024-03-16"),
])
def test_an_event_noun_measured_by_a_span_is_dated_to_its_month(text, category, date):
    events = [e for e in extract(text, date=DATE).events if e.category == category]
    assert [e.date for e in events] == [date], [(e.category, e.evidence.text, e.date) for e in events]
    assert events[0].date_precision == ("month" if len(date) == 7 else "day")


@pytest.mark.parametrize("text, category, date", [
    # a time between the speech verb and the subject of a complement with no "that" is the
    # saying's (the parser may hang it on the complement's verb); the complement's own time
    # dates the act
    ("The army said on Sunday it had killed twelve militants near Gao on Friday.", "ASSAULT", "2024-03-15"),
    ("The ministry said on Sunday it had expelled the French ambassador on Friday.", "SANCTION", "2024-03-15"),
    ("The army said on Sunday it had killed twelve militants near Gao over the weekend.", "ASSAULT", "2024-03"),
    # ... as it is where the parser hangs it right
    ("Police said on Sunday they had arrested twenty protesters outside the parliament on Saturday.", "COERCE", "2024-03-16"),
    # with "that", or after the complement's subject, the time is the complement's
    ("The army said on Sunday that militants attacked a checkpoint in the town of Gao on Friday.", "ASSAULT", "2024-03-15"),
    ("The army said militants on Friday attacked a checkpoint near Gao.", "ASSAULT", "2024-03-15"),
    # the saying's day stays the act's when the complement tells none
    ("The army said on Sunday it had killed twelve militants near Gao.", "ASSAULT", "2024-03-17"),
])
def test_a_time_before_the_complements_subject_is_the_sayings(text, category, date):
    dates = [e.date for e in extract(text, date=DATE).events if e.category == category and e.modality == "asserted"]
    assert dates == [date]


@pytest.mark.parametrize("text, category, date", [
    # a relative clause with "when" on a time happened at that time (it used to get no date)
    ("Arrests have grown since July, when the army ousted the president.", "COERCE", "2023-07"),
    ("Tensions have run high since 2011, when protesters toppled the government.", "COERCE", "2011"),
    ("Relations soured in 2019, when the army ousted the president and detained his aides.", "COERCE", "2019"),
    # a "when" clause that is no relative clause on a time keeps its reading
    ("In June, when rebels overran the town, they seized large stocks of weapons.", "ASSAULT", "2023-06"),
    ("Fourteen people were killed in the capital on Sunday, when a suicide bomber attacked a checkpoint.",
     "ASSAULT", "2024-03-17"),
])
def test_a_when_clause_on_a_time_happened_then(text, category, date):
    dates = {e.date for e in extract(text, date=DATE).events if e.category == category and e.modality == "asserted"}
    assert dates == {date}


@pytest.mark.parametrize("text, category, date", [
    # "today", "yesterday", "last night" inside a quotation count from the day it was said,
    # when the text tells that day
    ('The defence minister said on Sunday: "Today our troops arrested the leaders of the gang."', "COERCE", "2024-03-17"),
    ('"Yesterday our forces killed ten militants near Gao," the army spokesman said on Sunday.', "ASSAULT", "2024-03-16"),
    ('"Rebels shelled the town last night," the governor said on Saturday.', "ASSAULT", "2024-03-15"),
    # a quotation said on no told day, or the day word outside any quotation: the publication day's
    ('The defence minister said: "Today our troops arrested the leaders of the gang."', "COERCE", "2024-03-18"),
    ("On Sunday the minister said the troops would be withdrawn and that police arrested the leaders today.",
     "COERCE", "2024-03-18"),
])
def test_a_day_word_in_a_quotation_counts_from_the_day_it_was_said(text, category, date):
    dates = [e.date for e in extract(text, date=DATE).events if e.category == category and e.modality == "asserted"]
    assert dates == [date]


# "a day after ...", "two weeks after ...", "X came a month after ...": an earlier event told in
# the words after the duration is another event, on the main clause's day moved back (the
# published day is Monday 18 March; Saturday is the 16th)
@pytest.mark.parametrize("text, category, earlier", [
    # a noun after the mark
    ("Police detained the mayor on Saturday, a day after violent clashes at a march left three dead.",
     "ASSAULT", "2024-03-15"),
    # a relative clause on the noun after the mark
    ("Troops fought insurgents in the hills on Saturday, two weeks after an ambush that killed "
     "eleven border guards.", "ASSAULT", "2024-03-02"),
    # a toll told after the mark is not the main attack's toll
    ("Soldiers battled rebels near the lake on Saturday, a day after at least 30 villagers were "
     "killed in fighting in the south.", "ASSAULT", "2024-03-15"),
    # the main clause tells no day: the day the story just told ("The march came ...")
    ("Teachers marched on the ministry on Saturday. The march came three days after riot police "
     "beat striking nurses in the capital.", "ASSAULT", "2024-03-13"),
    # months: month precision
    ("Gunmen killed nine miners on Saturday. The killings came a month after two raids killed "
     "30 farmers in the same province.", "ASSAULT", "2024-02"),
])
def test_an_event_told_after_a_duration_is_dated_back_and_kept_apart(text, category, earlier):
    events = [e for e in extract(text, date=DATE).events if e.modality == "asserted"]
    main = min(events, key=lambda e: e.evidence.start)
    assert main.date == "2024-03-16"
    assert earlier in [e.date for e in events if e.category == category and e is not main]


def test_a_fight_that_raged_since_an_earlier_day_keeps_the_day_it_is_told_on():
    text = ("Government troops and the militia continued to battle in the capital on Saturday. "
            "The fighting, which has raged since Wednesday, has killed dozens of civilians.")
    assert _dated(text, "ASSAULT") == ["2024-03-16"]
