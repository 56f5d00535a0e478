"""Things and places are never sides, and a named armed group keeps its sector (issue 16,
GUIDELINE section 5). Every sentence here is written for these tests."""
from __future__ import annotations

import pytest

from coded import coded_events as events_of


def _target(text, category="ASSAULT"):
    return events_of(text, category)[0].target


# A town, a city or a region an attack is aimed at is its scene: no target, or the people the
# same sentence says it hit; a state's name stays a side.
@pytest.mark.parametrize("text", [
    "Rebels shelled the town of Marovi on Monday, officials said.",
    "Militants attacked the city of Bunia on Tuesday.",
    "Government troops bombarded the province of Hama overnight on Monday.",
    "Insurgents attacked the western city of Herat on Sunday.",
    "The militia targeted the northern city of Zlin with drones on Sunday.",
])
def test_a_place_attacked_is_the_scene(text):
    assert _target(text) is None


# The people harmed or the state attacked are the target, not the means nor the post.
@pytest.mark.parametrize("text, target", [
    ("Rebels shelled the town of Marovi on Monday, killing four civilians.", "four civilians"),
    ("Russia attacked Ukraine on Tuesday, officials said.", "Ukraine"),
    ("Japan invaded the Philippines in December 1941, he said.", "the Philippines"),
    ("Police used force to disperse the crowd in Nairobi on Monday.", "the crowd"),
    ("Gunmen killed 12 soldiers at a checkpoint in Borno on Monday.", "12 soldiers"),
])
def test_the_people_or_the_state_attacked_are_the_target(text, target):
    side = _target(text)
    assert side is not None and side.text == target, side


# A premodifier that names a non-state armed group outranks an army-like head; a wire
# dateline the parser hangs on the first subject is no part of it.
@pytest.mark.parametrize("text, source, sector", [
    ("The rebel Ituri Defence Force attacked a village on Sunday.", "Ituri Defence Force", "REB"),
    ("BOGOTA, March 4 (Reuters) - ELN units attacked an army patrol in Arauca on Monday.", "ELN units", "REB"),
    ("BOGOTA, March 4 (Reuters) - ELN guerrillas attacked an army patrol in Arauca on Monday.", "ELN", "REB"),
])
def test_a_named_armed_group_keeps_its_sector(text, source, sector):
    side = events_of(text, "ASSAULT")[0].source
    assert side is not None and source in side.text and side.sector == sector, side
    assert "Reuters" not in side.text
