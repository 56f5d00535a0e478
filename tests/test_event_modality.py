"""Modality on constructions of real news (issue 16): acts a text says did not happen are not
asserted events. Every sentence here is written for these tests."""
from __future__ import annotations

import pytest

from eventwire.pipeline import extract

DATE = "2024-03-18"


def modality_of_category(text: str, category: str) -> set[str]:
    rec = extract(text, date=DATE)
    assert not hasattr(rec, "error"), getattr(rec, "error", None)
    return {e.modality for e in rec.events if e.category == category}


@pytest.mark.parametrize("text, category", [
    ("Soldiers blocked hundreds of students from marching to the monument on Saturday.", "MOBILIZE"),
    ("Police prevented the opposition from holding a rally in the capital.", "PROTEST"),
    ("The rebels refrained from attacking the town after the ceasefire.", "ASSAULT"),
    ("Troops shielded the villagers from being attacked by the militia.", "ASSAULT"),
    ("The junta banned the party from staging demonstrations in the capital.", "PROTEST"),
])
def test_an_act_someone_was_kept_from_did_not_happen(text, category):
    assert modality_of_category(text, category) == {"negated"}


@pytest.mark.parametrize("text, category", [
    ("Protesters marched from the university to the parliament on Monday.", "PROTEST"),
    ("The army withdrew from Kidal on Monday.", "RETREAT"),
    ("Rebels attacked the town on Monday, days after the army withdrew.", "ASSAULT"),
])
def test_from_a_place_or_no_prevention_keeps_the_act_asserted(text, category):
    assert modality_of_category(text, category) == {"asserted"}
