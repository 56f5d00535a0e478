"""Judgements and characterisations (issue 16, the coder's misses): a speaker's evaluation of
a party or of a party's act is a verbal act (guideline sec. 1; PLOVER ACCUSE "disapprove",
SUPPORT "praise or endorse"), read from two constructions: a verb with an object and a
predicative complement ("called X Y", "described X as Y"), and a linking verb that judges its
subject in a reported clause ("said X was Y"). A judgement of a thing, of the weather, of a
kind, or a name given to something is no event.

Every sentence here is written for these tests.
"""
from __future__ import annotations

import pytest

from coded import asserted


def _described(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(e.category, e.evidence.text, e.source and e.source.text, e.target and e.target.text)
            for e in asserted(text)]


def _judgement(text: str, category: str):
    found = [e for e in asserted(text, category) if e.cameo in ("111", "051")]
    assert len(found) == 1, _described(text)
    return found[0]


# ---------------------------------------------------------------- characterisations
@pytest.mark.parametrize("text, category, source, target", [
    ('The Kenyan foreign minister on Monday called the Ugandan ruling "unacceptable."',
     "ACCUSE", "minister", "Ugandan"),
    ('Senator Jones on Monday called President Smith a "dangerous man".', "ACCUSE", "Jones", "Smith"),
    ("The Egyptian president on Sunday dismissed the rebels' claim as propaganda.",
     "ACCUSE", "president", "rebels"),
    ("The Afghan government on Monday called the Taliban's warning \"mere lies.\"", "ACCUSE", "government", "Taliban"),
    ("Calling the Burmese junta a corrupt regime, the senator urged new sanctions on Monday.",
     "ACCUSE", "senator", "junta"),
    ("The Indian home minister on Monday described Pakistan as a terrorist state.",
     "ACCUSE", "minister", "Pakistan"),
    ("Senator Jones on Monday called Governor Smith a decent man.", "SUPPORT", "Jones", "Smith"),
])
def test_a_characterisation_is_the_speakers_judgement(text, category, source, target):
    e = _judgement(text, category)
    assert source in e.source.text and target in e.target.text, _described(text)


# ---------------------------------------------------------------- evaluations said of a party
@pytest.mark.parametrize("text, target", [
    ('The Texas police chief said on Monday the militia\'s presence was "reckless and provocative."', "militia"),
    ("The French minister said on Monday the decision by the Italian court was wrong.", "court"),
    ("The Ukrainian prime minister said on Monday the Russian decision is a declaration of war.", "Russian"),
])
def test_an_evaluation_said_of_a_party_is_disapproval(text, target):
    e = _judgement(text, "ACCUSE")
    assert e.target is not None and target in e.target.text, _described(text)


# ---------------------------------------------------------------- no judgement of a party
@pytest.mark.parametrize("text", [
    "She said on Monday the weather was terrible.",                          # the weather
    "The minister said on Monday any attack on civilians is unacceptable.",  # a kind
    "Police on Monday described the suspect as a tall man in his thirties.",  # no evaluation
    'His bill, called the "Stop Dangerous Cities Act," was tabled on Monday.',  # a name given
    "The storm was called the worst in a decade by forecasters on Monday.",   # no party judged
    "The coach said on Monday the team's performance was excellent.",        # praise in passing
])
def test_no_judgement_of_a_party_gives_no_event(text):
    assert [e for e in asserted(text) if e.cameo in ("111", "051")] == [], _described(text)
