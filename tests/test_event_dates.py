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


@pytest.mark.parametrize("separator", ["\n\n", " "], ids=["paragraphs", "flattened"])
def test_a_flattened_article_dates_its_background_as_one_with_paragraphs(separator):
    text = LEAD + separator + separator.join(BODY)
    events = [e for e in extract(text, date=DATE).events if e.modality == "asserted"]
    dates = {e.category: e.date for e in events}
    assert dates.get("ASSAULT") == "2024-03-16", dates      # the lead's Saturday
    # told far from the news with no time of its own: no day, in either layout (a flattened
    # text used to run the story's day, or the publication day, through every sentence)
    assert dates.get("AGREE", "missing") is None, dates
    assert dates.get("ACCUSE", "missing") is None, dates


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
