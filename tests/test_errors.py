"""The error catalogue: every entry named, every sentence one a user can act on."""
from __future__ import annotations

import pytest

from eventwire.actors.dictionary import load_dictionary
from eventwire.errors import CATALOGUE, EventwireError


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_each_entry_is_filed_under_its_own_code(code):
    kind = CATALOGUE[code]
    assert kind.code == code and kind.name.isidentifier() and "{detail}" in kind.message
    assert not kind.message.endswith((";", ".")) and not kind.action.startswith(";")


def test_names_are_unique():
    names = [kind.name for kind in CATALOGUE.values()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("code, detail, sentence", [
    ("E106", "'2020-13-45'", "invalid date '2020-13-45'; write dates as YYYY-MM-DD"),
    ("E101", "", "document is empty or holds only whitespace"),
    ("E302", " 'doc-7'", "no such record 'doc-7'"),
])
def test_the_sentence_joins_what_went_wrong_and_what_to_do(code, detail, sentence):
    error = EventwireError(code, detail)
    assert error.message == sentence and str(error) == f"{code}: {sentence}"


def test_an_uncatalogued_code_carries_its_detail_alone():
    assert EventwireError("E999", "something odd").message == "something odd"


@pytest.mark.parametrize("content, says", [
    ("seats: [unclosed\n", "could not be read"),
    ("- just\n- a list\n", "not a YAML mapping"),
])
def test_a_bad_user_actor_dictionary_gives_one_readable_sentence(tmp_path, content, says):
    path = tmp_path / "mine.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EventwireError) as caught:
        load_dictionary(extra=[str(path)])
    message = caught.value.message
    assert caught.value.code == "E210" and says in message and str(path) in message
    assert message.count("actor dictionary") == 1 and message.endswith("$EVENTWIRE_ACTORS")
