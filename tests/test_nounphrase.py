"""The three readings of a noun phrase's determiners (eventwire/nounphrase.py)."""
import pytest

from eventwire.nounphrase import has_definite_article, is_specific, refers_back


def head(nlp, text, word):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize("text, word, expected", [
    ("The attack was condemned by the governor.", "attack", True),
    ("Monday's attack drew condemnation.", "attack", True),
    ("The army said its offensive would go on.", "offensive", True),
    ("An attack was reported near the border.", "attack", False),
    ("Attacks were reported near the border.", "Attacks", False),
])
def test_refers_back(nlp, text, word, expected):
    assert refers_back(head(nlp, text, word)) is expected


@pytest.mark.parametrize("text, word, expected", [
    ("The army shelled the town.", "army", True),
    ("These soldiers shelled the town.", "soldiers", True),
    ("Soldiers shelled the town.", "Soldiers", False),
    ("Sudanese soldiers shelled the town.", "soldiers", False),
])
def test_has_definite_article(nlp, text, word, expected):
    assert has_definite_article(head(nlp, text, word)) is expected


@pytest.mark.parametrize("text, word, expected", [
    ("The army shelled the town.", "army", True),
    ("Sudanese soldiers shelled the town.", "soldiers", True),
    ("Leaders of the party met on Monday.", "Leaders", True),
    ("A soldier shelled the town.", "soldier", False),
    ("Soldiers shelled the town.", "Soldiers", False),
])
def test_is_specific(nlp, text, word, expected):
    assert is_specific(head(nlp, text, word)) is expected
