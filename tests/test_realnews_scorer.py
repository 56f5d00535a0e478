"""The real-news scorer's one-to-one pairing of coded events with gold events (bench/realnews.py):
an event is paired with the gold event its own words tell before one its merged mentions reach.
Spans are character offsets of an imagined article; no article text is needed."""
from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from bench.realnews import pair_events, score_article

# An imagined article: sentence A (0-100) tells a rally on Tuesday, sentence B (100-200) a
# protest planned for Thursday, sentence C (200-300) an arrest.
SENT_A, SENT_B, SENT_C = (0, 100), (100, 200), (200, 300)


def _coded(category, evidence, sentence, *mentions):
    span = lambda s, e: NS(start=s, end=e)   # noqa: E731
    return NS(category=category, evidence=span(*evidence), mentions=[span(*m) for m in mentions],
              sentence=span(*sentence))


def _gold(category, evidence, *mentions):
    span = lambda s, e: {"start": s, "end": e}   # noqa: E731
    return {"category": category, "evidence": span(*evidence), "mentions": [span(*m) for m in mentions]}


def test_own_evidence_is_paired_before_a_merged_mention():
    # the coder merged the rally (A) with the planned protest (B); the gold lists the planned
    # protest first. The merged event is the rally's; the event told in B is the protest's.
    golds = [_gold("PROTEST", (110, 160)), _gold("PROTEST", (10, 60))]
    merged = _coded("PROTEST", (40, 45), SENT_A, (120, 126))
    planned = _coded("PROTEST", (130, 140), SENT_B)
    pairs, candidates = pair_events([merged, planned], golds)
    assert pairs == {0: 1, 1: 0}
    assert candidates == {0, 1}


@pytest.mark.parametrize("coded, paired", [
    # a coded event's evidence on a gold event's mention comes before mentions meeting mentions
    ([_coded("COERCE", (250, 260), SENT_C, (125, 128)), _coded("COERCE", (122, 126), SENT_B)], {1: 0}),
    # the same category still comes first, however indirect its meeting
    ([_coded("ASSAULT", (20, 30), SENT_A), _coded("COERCE", (250, 260), SENT_C, (20, 30))], {1: 0}),
])
def test_pairing_order(coded, paired):
    golds = [_gold("COERCE", (10, 60), (120, 130))]
    assert pair_events(coded, golds)[0] == paired


def test_no_overlap_and_another_category_in_the_sentence_is_no_candidate():
    pairs, candidates = pair_events([_coded("ASSAULT", (150, 160), SENT_B)], [_gold("PROTEST", (110, 140))])
    assert pairs == {} and candidates == set()


def test_the_same_category_in_the_sentence_is_the_last_resort():
    pairs, candidates = pair_events([_coded("PROTEST", (150, 160), SENT_B)], [_gold("PROTEST", (110, 140))])
    assert pairs == {0: 0} and candidates == {0}


def _judged(**wrong):
    """One coded asserted event on one gold event of a one-event article, right in every field
    but those given."""
    side = lambda country, sector: NS(country=country, sector=sector)   # noqa: E731
    coded = _coded("PROTEST", (10, 20), SENT_A)
    coded.modality, coded.acled_event_type = "asserted", "Protests"
    coded.source, coded.target = side("EGY", "OPP"), side("EGY", "GOV")
    coded.date, coded.place = "2014-01-17", None
    for field, value in wrong.items():
        setattr(coded, field, value)
    gold = _gold("PROTEST", (5, 25))
    gold.update(modality="asserted", source={"country": "EGY", "sector": "OPP"},
                target={"country": "EGY", "sector": "GOV"}, date="2014-01-17", place=None)
    return score_article({"id": "x"}, {"events": [gold]}, NS(events=[coded]))


@pytest.mark.parametrize("wrong, only", [
    ({"date": "2014-01-16"}, "date"),
    ({"target": None}, "target"),
    ({"source": NS(country="EGY", sector="GOV")}, "source"),
])
def test_an_event_wrong_in_one_field_is_counted_under_that_field(wrong, only):
    c = _judged(**wrong)
    assert c["tp"] == 1 and c["fully_right"] == 0
    assert [k for k in c if k.startswith("only_wrong_")] == [f"only_wrong_{only}"]


def test_an_event_wrong_in_two_fields_or_none_is_counted_under_no_field():
    assert not any(k.startswith("only_wrong_") for k in _judged(date="2014-01-16", target=None))
    right = _judged()
    assert right["fully_right"] == 1 and not any(k.startswith("only_wrong_") for k in right)
