"""Quotes stage: direct and indirect quotes, speakers, dates, and bad quotation marks."""
from __future__ import annotations

import pytest

from eventwire import extract
from eventwire.context import DocContext
from eventwire.document import Document
from eventwire.quotes import find_quotes, quote_for, statement_category
from eventwire.quotes.marks import find_segments


def _record(text: str, date: str = "2018-09-17"):
    record = extract(text, date=date)
    assert not hasattr(record, "error"), record
    for q in record.quotes:  # the output contract: offsets always slice to the text
        assert record.text[q.start:q.end] == q.text
        if q.speaker is not None:
            assert record.text[q.speaker.start:q.speaker.end] == q.speaker.text
    return record


def _actor_named(record, name: str):
    """The actor whose name holds ``name``, diacritics aside (the dictionary writes Orbán)."""
    import unicodedata

    def fold(t: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))

    return next(a for a in record.actors if fold(name) in fold(a.name))


# --- quotation marks -------------------------------------------------------------------

@pytest.mark.parametrize("text, parts", [
    ('"We will win," he said.', ["We will win,"]),
    ("“We will win,” he said.", ["We will win,"]),
    ("«Nous gagnerons», a-t-il dit.", ["Nous gagnerons"]),
    ("''We will win,'' he said.", ["We will win,"]),
    ("“They called it ‘a disaster’ and left,” she said.", ["They called it ‘a disaster’ and left,"]),
    ("“A,” he said, “B.”", ["A,", "B."]),
    ("It's the '90s and \"fine\" times.", ["fine"]),
    ("”Fear. I am afraid.” ― Ana Ruiz", ["Fear. I am afraid."]),
])
def test_segments(text, parts):
    assert [text[s.start:s.end] for s in find_segments(text)] == parts


@pytest.mark.parametrize("text", [
    '"We will never surrender, the commander said.\nThe army then withdrew to the north.',
    "“Unclosed here.\n“And here, too.\nPlain text.",
    '" " " “ ” ” ‘ ’ \' \'',
    "",
    "”",
    '"' * 500,
])
def test_unbalanced_marks_stay_in_their_paragraph(text):
    for seg in find_segments(text):
        assert "\n" not in text[seg.start:seg.end]
        assert seg.para_start <= seg.open < seg.start <= seg.end <= seg.para_end


def test_unbalanced_quote_in_pipeline_does_not_run_away():
    text = ('"We will never surrender, the commander said on Monday.\n\n'
            "The army then withdrew to the north. Officials said the town was calm.")
    record = _record(text)
    for q in record.quotes:
        assert "\n" not in q.text


# --- direct quotes and speakers --------------------------------------------------------

def test_split_quote_is_one_quote():
    text = '"We will not abandon our positions," a spokesman for the rebels said, "whatever happens."'
    record = _record(text)
    direct = [q for q in record.quotes if q.direct]
    assert len(direct) == 1
    q = direct[0]
    assert q.text.startswith("We will not abandon") and q.text.endswith("whatever happens.")
    assert q.cue == "said"
    assert q.speaker.text == "a spokesman for the rebels"


def test_split_quote_across_sentences():
    text = ('“The talks are over,” Angela Merkel said after the meeting. '
            '“We will not return to the table this year.”')
    record = _record(text)
    direct = [q for q in record.quotes if q.direct]
    assert len(direct) == 1
    assert direct[0].text.endswith("this year.")
    assert direct[0].speaker.text == "Angela Merkel"


@pytest.mark.parametrize("text, speaker, cue", [
    ('"The border will stay closed," said Viktor Orban.', "Viktor Orban", "said"),
    ('Viktor Orban said: "The border will stay closed."', "Viktor Orban", "said"),
    ('Viktor Orban told reporters, "The border will stay closed."', "Viktor Orban", "told"),
    ('"The border will stay closed," Hungarian Prime Minister Viktor Orban warned on Monday.',
     "Hungarian Prime Minister Viktor Orban", "warned"),
])
def test_direct_quote_speaker_and_cue(text, speaker, cue):
    record = _record(text)
    q = next(q for q in record.quotes if q.direct)
    assert q.text.startswith("The border will stay closed")
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue == cue
    actor = _actor_named(record, "Orban")
    assert q.speaker.actor == actor.id


def test_nested_quote_stays_inside_the_outer_one():
    text = "“They called the plan ‘a disaster’ and walked out,” Emmanuel Macron said."
    record = _record(text)
    assert len(record.quotes) == 1
    q = record.quotes[0]
    assert "‘a disaster’" in q.text and q.speaker.text == "Emmanuel Macron"


def test_pronoun_speaker_takes_the_antecedent_actor():
    text = ('Angela Merkel arrived in Paris on Monday for talks with the French government. '
            '"Europe must stand together," she said.')
    record = _record(text)
    q = next(q for q in record.quotes if q.direct)
    assert q.speaker.text == "she"
    assert q.speaker.actor == _actor_named(record, "Merkel").id


def test_relative_pronoun_speaker():
    text = "Angela Merkel, who said the deal was dead, left the summit early."
    record = _record(text)
    q = next(q for q in record.quotes if q.cue == "said")
    assert q.speaker.text == "who"
    assert q.speaker.actor == _actor_named(record, "Merkel").id
    assert "the deal was dead" in q.text


def test_quote_without_a_speaker():
    text = '"The border is closed until further notice," it was announced on Monday.'
    record = _record(text)
    q = next(q for q in record.quotes if q.direct)
    assert q.speaker is None
    assert q.cue == "announced"


@pytest.mark.parametrize("text", [
    'The so-called "peace plan" was rejected by both sides on Tuesday.',
    'He appeared on CBS\'s "Face the Nation" on Sunday morning.',
])
def test_scare_quotes_and_titles_are_not_quotes(text):
    assert [q for q in _record(text).quotes if q.direct] == []


def test_multi_paragraph_quote_is_one_quote():
    text = ('Angela Merkel said: "The first part of what I have to say concerns Europe.\n\n'
            '"The second part concerns our neighbours."')
    record = _record(text)
    direct = [q for q in record.quotes if q.direct]
    assert len(direct) == 1
    assert direct[0].text.endswith("our neighbours.")
    assert direct[0].speaker.text == "Angela Merkel"


def test_byline_dash_and_transcript_label():
    record = _record("“We are tired of waiting.” ― Ana Ruiz\n\n\"WALLACE: Will you run again?")
    by_text = {q.speaker.text: q for q in record.quotes if q.speaker}
    assert by_text["Ana Ruiz"].text == "We are tired of waiting."
    assert by_text["WALLACE"].text == "Will you run again?"


# --- indirect speech -------------------------------------------------------------------

@pytest.mark.parametrize("text, content, speaker, cue", [
    ("The foreign minister said that the talks had failed.", "that the talks had failed",
     "The foreign minister", "said"),
    ("According to the health ministry, the rebels retreated overnight.",
     "the rebels retreated overnight", "the health ministry", "according to"),
    ("Vladimir Putin told reporters the sanctions would not work.",
     "the sanctions would not work", "Vladimir Putin", "told"),
    ("Iran warned that it would close the strait.", "that it would close the strait", "Iran", "warned"),
    ("The ceasefire is holding, the army said.", "The ceasefire is holding", "the army", "said"),
    ("The ceasefire, the army said, is holding.", "The ceasefire, the army said, is holding",
     "the army", "said"),
    ("The opposition called for new elections.", "new elections", "The opposition", "called for"),
])
def test_indirect_speech(text, content, speaker, cue):
    record = _record(text)
    q = next(q for q in record.quotes if q.cue == cue)
    assert not q.direct
    assert q.text == content
    assert q.speaker is not None and q.speaker.text == speaker


def test_group_statement_speaker():
    text = "The leaders of Turkey, Iran and Russia reaffirmed that the war must end soon."
    record = _record(text)
    q = next(q for q in record.quotes if q.cue == "reaffirmed")
    assert q.speaker.text.startswith("The leaders of Turkey")
    assert q.speaker.actor is not None


# --- dates -----------------------------------------------------------------------------

def test_said_on_a_date_takes_that_date():
    record = _record('"We will respond," Recep Tayyip Erdogan said on September 7, 2018.',
                     date="2018-09-17")
    assert record.quotes[0].date == "2018-09-07"


def test_date_inside_the_content_is_not_the_quote_date():
    record = _record('Erdogan said the troops would leave on October 1, 2018.', date="2018-09-17")
    q = next(q for q in record.quotes if q.cue == "said")
    assert q.date == "2018-09-17"


# --- helpers for the event stage --------------------------------------------------------

def _stage(text: str, date: str = "2018-09-17"):
    from eventwire import actors, times
    from eventwire.nlp import load_nlp

    doc = load_nlp()(text)
    import datetime as dt

    ctx = DocContext(document=Document(id="t", text=text, date=dt.date.fromisoformat(date)))
    ctx.actors = actors.find_actors(doc, ctx)
    ctx.times = times.find_times(doc, ctx)
    ctx.quotes = find_quotes(doc, ctx)
    return doc, ctx


def test_quote_for_finds_reported_speech():
    text = "Iran warned that it would close the strait. Ships kept sailing."
    doc, ctx = _stage(text)
    start = text.index("close the strait")
    q = quote_for((start, start + len("close the strait")), ctx)
    assert q is not None and q.cue == "warned"
    outside = text.index("Ships kept sailing")
    assert quote_for(doc.char_span(outside, outside + len("Ships kept sailing")), ctx) is None


@pytest.mark.parametrize("text, cue, category", [
    ("Iran warned that it would close the strait.", "warned", "THREATEN"),
    ("Germany accused Russia of lying about the attack.", "accused", "ACCUSE"),
    ("The rebels denied that they had fired first.", "denied", "REJECT"),
    ("The opposition demanded that the vote be repeated.", "demanded", "REQUEST"),
    ("The minister said that the talks had failed.", "said", None),
])
def test_statement_category(text, cue, category):
    _, ctx = _stage(text)
    q = next(q for q in ctx.quotes if q.cue == cue)
    assert statement_category(q, ctx) == category


def test_headline_attribution():
    record = _record("Angela Merkel: Europe Must Stand Together.\n\nThe chancellor spoke in Berlin.")
    q = next(q for q in record.quotes if q.cue == ":")
    assert q.text == "Europe Must Stand Together"
    assert q.speaker.text == "Angela Merkel"


@pytest.mark.parametrize("text", [
    "Correction: An earlier version misstated the date.",
    "2:45 p.m.: Officials opened the polls.",
])
def test_labels_are_not_headline_sources(text):
    assert [q for q in _record(text).quotes if q.cue == ":"] == []


def test_role_description_takes_the_last_named_person():
    text = ("Sergei Lavrov arrived in Ankara on Monday. "
            "The minister said that the talks had been useful.")
    record = _record(text)
    q = next(q for q in record.quotes if q.cue == "said")
    assert q.speaker.text == "The minister"
    assert q.speaker.actor == _actor_named(record, "Lavrov").id


def test_as_x_put_it():
    record = _record('As Angela Merkel put it, "Europe is not a bank."')
    q = next(q for q in record.quotes if q.direct)
    assert q.speaker.text == "Angela Merkel"


def test_paragraph_ending_in_a_colon_introduces_the_quote():
    text = 'Angela Merkel made the following remark:\n\n"Europe is not a bank."'
    record = _record(text)
    q = next(q for q in record.quotes if q.direct)
    assert q.text == "Europe is not a bank."
    assert q.speaker.text == "Angela Merkel"


def test_quoted_nickname_does_not_hide_the_cue():
    text = '"We will win this seat!" Del. Marcia "Cia" Price shouted to the crowd.'
    record = _record(text)
    q = next(q for q in record.quotes if q.direct and q.text.startswith("We will win"))
    assert q.cue == "shouted" and "Price" in q.speaker.text


def test_said_in_a_statement_keeps_the_document_date():
    record = _record('"We will respond," the ministry said in a statement.', date="2018-09-17")
    assert record.quotes[0].date == "2018-09-17"


def test_pronoun_skips_a_person_of_the_other_honorific():
    text = ("Mr. Trump met Mrs. Clinton in Ohio on Monday. "
            '"It went well," he said.')
    record = _record(text)
    q = next(q for q in record.quotes if q.direct)
    assert q.speaker.text == "he"
    assert q.speaker.actor == _actor_named(record, "Trump").id


def test_quote_date_asks_the_time_stage_with_the_cue_as_anchor(monkeypatch):
    import eventwire.quotes.find as find_module

    seen = {}

    def date_for(span, ctx, anchor_token=None):
        seen["span"], seen["anchor"] = span.text, anchor_token.text
        return "2018-09-14", "day"

    monkeypatch.setattr(find_module, "date_for", date_for)
    _, ctx = _stage('"We will respond," the ministry said on Friday.')
    assert ctx.quotes[0].date == "2018-09-14"
    assert seen["anchor"] == "said" and "Friday" in seen["span"]
    assert "respond" not in seen["span"]  # the quote's own words are not its date


def test_a_document_opening_the_sentence_is_its_source():
    record = _record("In the latest poll, the ruling party fell four points behind the opposition.")
    q = next(q for q in record.quotes if q.cue == "in")
    assert q.speaker.text == "the latest poll"
    assert q.text.startswith("the ruling party fell")


@pytest.mark.parametrize("text", [
    '"We will respond," Erdogan said on September 7, 2018, "and we will do it soon."',
    "The ceasefire, the army said on September 7, 2018, is holding.",
])
def test_date_of_a_cue_inside_the_quote_span(text):
    record = _record(text, date="2018-09-17")
    q = next(q for q in record.quotes if q.cue == "said")
    assert q.date == "2018-09-07"


# --- issue 21: quotes and speakers stay in one paragraph --------------------------------------

@pytest.mark.parametrize("text", [
    "The motion was backed by 8 independent MPs\n\nTrudeau said on Monday that the vote would go ahead.",
    "Talks broke down late at night\n\nthe minister said that the ceasefire would hold until Friday.",
])
def test_quote_and_speaker_stay_in_one_paragraph(text):
    record = _record(text)
    assert record.quotes
    for q in record.quotes:
        assert "\n" not in q.text
        if q.speaker is not None:
            assert "\n" not in q.speaker.text
            assert text.rfind("\n", 0, q.speaker.start) == text.rfind("\n", 0, q.start)
