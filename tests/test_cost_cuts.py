"""Cuts of low-level cost (issue 19) that must decide as the code they shortened."""
import pytest

from eventwire.events.casualties import _TENS, _UNITS, _number, _tokens, find_figures


@pytest.mark.parametrize("text, value", [
    ("12 people", 12), ("1,200 people", 1200), ("1.5 million people", 1_500_000), ("twenty-three people", 23),
    ("a hundred people", 100), ("half a dozen people", 6), ("one hundred and fifty people", 150),
    ("two dozen people", 24), ("an estimated crowd", None), ("Monday", None), ("aged 12", None),
    ("in 2019", None), ("dozen people", None), ("and five", None), ("hundred people", None),
])
def test_a_number_is_read_only_where_one_begins(text, value):
    toks = _tokens(text)
    i = 1 if text.split()[0] in ("in", "aged") else 0
    found = _number(toks, i)
    assert (found[0] if found else None) == value


@pytest.mark.parametrize("word", sorted({*_UNITS, *_TENS}))
def test_every_number_word_still_begins_a_number(word):
    # the words the number reader knows are read, alone, hyphenated and before a scale
    value = _UNITS.get(word, _TENS.get(word))
    assert _number(_tokens(f"{word} people"), 0) == (value, 1)
    assert _number(_tokens(f"{word} hundred people"), 0)[0] == max(value, 1) * 100
    if word in _TENS:
        assert _number(_tokens(f"{word}-one people"), 0) == (value + 1, 1)


@pytest.mark.parametrize("text, value", [
    ("a dozen people", 12), ("an hundred people", 100), ("half a million people", 500_000),
    ("a few people", None), ("half the people", None), ("and ten people", None), ("dozen people", None),
])
def test_articles_and_half_begin_a_number_only_before_a_scale(text, value):
    found = _number(_tokens(text), 0)
    assert (found[0] if found else None) == value


@pytest.mark.parametrize("sentence, kinds", [
    ("No one was hurt in the blast.", [("injured", 0)]),
    ("Nobody was killed, police said.", [("killed", 0)]),
    ("A policeman was killed and 12 others were wounded.", [("killed", 1), ("injured", 12)]),
    ("The minister has been injured, aides said.", [("injured", 1)]),
    ("The talks were held on Monday.", []),
])
def test_victim_verbs_and_nobody_phrases_are_found_as_before(sentence, kinds):
    assert [(f.kind, f.count) for f in find_figures(sentence, 0, len(sentence))] == kinds


# Places near a name are found by their start (places.unlisted._NamedPlaces) instead of a walk
# over every place of the document per name: the same places, in the document's order.
def test_places_near_a_name_are_those_a_walk_over_all_would_find():
    import random

    from eventwire.places.unlisted import _NamedPlaces
    from eventwire.record import Place

    rng = random.Random(7)
    places = []
    for _ in range(300):
        s = rng.randrange(0, 5000)
        places.append(Place(start=s, end=s + rng.randrange(2, 30), text="x", name="x",
                            lat=None if rng.random() < 0.1 else 1.0))
    demonyms = {(p.start, p.end) for p in rng.sample(places, 20)}
    named = _NamedPlaces(places, demonyms)
    walk = [p for p in places if (p.start, p.end) not in demonyms and p.lat is not None]
    for lo in range(-50, 5100, 37):
        hi = lo + rng.randrange(0, 90)
        assert named.starting(lo, hi) == [p for p in walk if lo <= p.start <= hi]
        assert named.ending(lo, hi) == [p for p in walk if lo <= p.end <= hi]


def test_demanded_resignations_are_read_once_per_document():
    from eventwire.events import relevance
    from eventwire.nlp import load_nlp

    doc = load_nlp()("Protesters demanded the governor's resignation. The governor resigned on Monday.")
    first = relevance._demanded_resignations(doc)
    assert first and relevance._demanded_resignations(doc) is first


def test_persons_around_a_name_are_those_a_walk_over_all_would_find():
    import random

    from eventwire.places.unlisted import _PersonNames

    rng = random.Random(11)
    words = ["ali", "bosco", "maria", "soto", "kim", "lee"]
    persons = []
    for _ in range(200):
        p0 = rng.randrange(0, 4000)
        persons.append((p0, p0 + rng.randrange(3, 40), set(rng.sample(words, rng.randrange(1, 3)))))
    found = _PersonNames(persons)
    for s in range(-20, 4100, 29):
        e = s + rng.randrange(1, 30)
        parts = set(rng.sample(words, 2))
        assert found.straddle(s, e) == any(
            p0 < e and s < p1 and (p0 < s or p1 > e) for p0, p1, _ in persons)
        assert found.named_elsewhere(parts, s, e) == any(
            parts & names for p0, p1, names in persons if p1 <= s or p0 >= e)
