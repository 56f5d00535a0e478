"""The three readings of a noun phrase's determiners (eventwire/nounphrase.py)."""
import pytest

from eventwire.nounphrase import has_definite_article, is_specific, refers_back


@pytest.mark.parametrize("reading, text, word, expected", [
    (refers_back, "The attack was condemned by the governor.", "attack", True),
    (refers_back, "Monday's attack drew condemnation.", "attack", True),
    (refers_back, "The army said its offensive would go on.", "offensive", True),
    (refers_back, "An attack was reported near the border.", "attack", False),
    (refers_back, "Attacks were reported near the border.", "Attacks", False),
    (has_definite_article, "The army shelled the town.", "army", True),
    (has_definite_article, "These soldiers shelled the town.", "soldiers", True),
    (has_definite_article, "Soldiers shelled the town.", "Soldiers", False),
    (has_definite_article, "Sudanese soldiers shelled the town.", "soldiers", False),
    (is_specific, "The army shelled the town.", "army", True),
    (is_specific, "Sudanese soldiers shelled the town.", "soldiers", True),
    (is_specific, "Leaders of the party met on Monday.", "Leaders", True),
    (is_specific, "A soldier shelled the town.", "soldier", False),
    (is_specific, "Soldiers shelled the town.", "Soldiers", False),
], ids=lambda v: v.__name__ if callable(v) else None)
def test_readings(nlp, reading, text, word, expected):
    head = next(t for t in nlp(text) if t.text == word)
    assert reading(head) is expected
