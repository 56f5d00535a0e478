"""The confidence model's features (events/code.py ``confidence_features``) take their values
from the sentence and the story: the lead, a direct quotation, the trigger's clause and tense,
a noun or a verb, whether the sides are found and resolved. Each article is written for these
tests; the model (data/confidence.json) reads these names."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.context import DocContext
from eventwire.document import Document
from eventwire.events import code as event_code
from eventwire.pipeline import run_stages


def _features(nlp, text: str) -> dict[str, dict[str, float]]:
    """Each coded event's features, by its evidence text (every event, whatever its confidence)."""
    saved, event_code.MIN_CONFIDENCE = event_code.MIN_CONFIDENCE, 0.0
    try:
        ctx = run_stages(nlp(text), DocContext(document=Document(id="t", text=text, date=dt.date(2024, 3, 18))))
    finally:
        event_code.MIN_CONFIDENCE = saved
    return {e.evidence.text: ctx.event_features[(e.evidence.start, e.evidence.end)] for e in ctx.events}


def _one(features: dict[str, dict[str, float]], word: str) -> dict[str, float]:
    found = [f for ev, f in features.items() if word in ev]
    assert found, list(features)
    return found[0]


@pytest.mark.parametrize("text, word, values", [
    # the main clause's verb in the simple past
    ("Rebels attacked an army post in the north on Monday.", "attacked",
     {"dep=ROOT": 1.0, "tense=VBD": 1.0, "nominal": 0.0, "has_source": 1.0}),
    # the content of a speech verb, in the present perfect
    ("Officials said rebels have attacked an army post in the north.", "attacked",
     {"dep=ccomp": 1.0, "tense=perfect": 1.0, "dep=ROOT": 0.0}),
    # an event noun as the object of a verb
    ("The army launched an offensive against the rebels in the north on Monday.", "offensive",
     {"nominal": 1.0, "tense=noun": 1.0}),
    # a side with its country and sector, the other side a named state
    ("German police arrested two Syrian men in Berlin on Monday.", "arrested",
     {"source_country": 1.0, "source_sector": 1.0, "has_target": 1.0, "target_country": 1.0}),
])
def test_the_clause_tense_and_sides_give_their_features(nlp, text, word, values):
    f = _one(_features(nlp, text), word)
    assert {k: f.get(k, 0.0) for k in values} == values


def test_the_lead_and_a_later_paragraph(nlp):
    text = ("Troops shelled the rebel town of Kassa on Monday, killing four people.\n\n"
            + "The region has been unstable for many years, and aid groups working there have long "
              "warned of hunger, disease and the flight of families from the villages of the valley. "
            * 4
            + "\n\nOn Tuesday the foreign minister condemned the shelling in a statement.")
    features = _features(nlp, text)
    assert _one(features, "shelled")["lead"] == 1.0
    assert _one(features, "condemned")["lead"] == 0.0


@pytest.mark.parametrize("text, word, quoted", [
    ('"We attacked the convoy because it carried weapons," a rebel commander said on Monday.', "attacked", 1.0),
    ("A rebel commander said on Monday that his fighters attacked the convoy.", "attacked", 0.0),
])
def test_a_direct_quotation(nlp, text, word, quoted):
    assert _one(_features(nlp, text), word)["in_quote"] == quoted
