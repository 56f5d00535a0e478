"""Answers the stages remember (issue 19): read once per phrase, never across dictionaries."""
import pytest

from eventwire.actors.dictionary import Dictionary, load_dictionary
from eventwire.events.casualties import _match, _tokens
from eventwire.events.participants import _country_of_tokens, _sector_of_tokens

USER_ACTORS = """\
organizations:
  - {names: [Free Valley Front], code: ARMREB}
agents:
  drone operators: MIL
"""


def _phrase(nlp, text, words):
    doc = nlp(text)
    return list(doc[:words])


@pytest.mark.parametrize("text, words, read, built_in, with_user_file", [
    ("Free Valley Front fighters crossed the border.", 3, "country", None, "ARM"),
    ("Drone operators struck the depot.", 2, "sector", None, "MIL"),
    ("Russian troops crossed the border.", 2, "country", "RUS", "RUS"),
    ("Riot police fired tear gas.", 2, "sector", "COP", "COP"),
])
def test_a_sides_words_are_read_again_under_another_dictionary(nlp, tmp_path, monkeypatch, text, words,
                                                               read, built_in, with_user_file):
    def answer():
        tokens = _phrase(nlp, text, words)
        if read == "country":
            return _country_of_tokens(tokens)
        return _sector_of_tokens(tokens, tokens[-1])

    monkeypatch.delenv("EVENTWIRE_ACTORS", raising=False)
    assert answer() == built_in
    assert answer() == built_in          # asked again: the remembered answer
    user = tmp_path / "actors.yaml"
    user.write_text(USER_ACTORS, encoding="utf-8")
    monkeypatch.setenv("EVENTWIRE_ACTORS", str(user))
    assert answer() == with_user_file
    monkeypatch.delenv("EVENTWIRE_ACTORS")
    assert answer() == built_in


def test_a_memo_table_that_outgrows_its_size_starts_again(monkeypatch):
    monkeypatch.setattr(Dictionary, "MEMO_SIZE", 2)
    d = load_dictionary()
    table = d.memo("test-table")
    table.clear()
    table["a"], table["b"] = 1, 2
    assert d.memo("test-table") == {}
    assert d.memo("test-table") is table
    table["c"] = 3
    assert d.memo("test-table") == {"c": 3}


@pytest.mark.parametrize("sentence, at, phrase, expected", [
    ("claimed the lives of 40", 1, ("the", "lives", "of"), True),
    ("claimed the lives of 40", 1, ("the", "life", "of"), False),
    ("claimed the lives of 40", 0, ("the", "lives", "of"), False),
    ("stabbed to death", 1, ("to", "death"), True),
    ("stabbed to", 1, ("to", "death"), False),           # the phrase runs past the sentence
    ("stabbed to death", 3, ("to",), False),              # past the last word
    ("Shot dead", 0, ("shot", "dead"), True),             # words are compared in lower case
    ("shot dead", -1, ("dead",), False),                  # no word before the first
    ("shot dead", 0, (), True),                           # the empty phrase is everywhere
])
def test_a_phrase_matches_only_the_words_at_its_place(sentence, at, phrase, expected):
    assert _match(_tokens(sentence), at, phrase) is expected


@pytest.mark.parametrize("text, language", [
    ("Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι τα στρατεύματα δεν θα σταλούν στη χώρα.", "el"),
    ("أعلنت الحكومة يوم الاثنين أن القوات لن ترسل إلى البلاد.", "ar"),
    ("सरकार ने सोमवार को घोषणा की कि सैनिकों को देश में नहीं भेजा जाएगा।", "hi"),
    ("정부는 월요일 군대를 그 나라에 보내지 않겠다고 발표했다.", "ko"),
    ("Президент Путин, as the Kremlin calls him, said troops would stay in their barracks.", "en"),
    ("Ｐｏｌｉｃｅ ｄｅｔａｉｎｅｄ ｄｏｚｅｎｓ ｉｎ Ｍｉｎｓｋ．", "en"),      # full-width Latin letters
    ("Protesters in São Paulo and Bogotá marched against the reform on Monday.", "en"),
])
def test_a_letters_script_is_read_once_and_tells_the_language(text, language):
    from eventwire.language import detect_language

    assert detect_language(text) == language
    assert detect_language(text) == language    # the scripts remembered give the same


@pytest.mark.parametrize("value", [None, "", "/tmp/actors.yaml", "a.yaml" + __import__("os").pathsep + "b.yaml",
                                   "/tmp/acteurs-é.yaml"])
def test_the_actors_variable_is_read_as_os_environ_reads_it(monkeypatch, value):
    import os

    from eventwire.actors.dictionary import ENV_VAR, _environment_value

    if value is None:
        monkeypatch.delenv(ENV_VAR, raising=False)
    else:
        monkeypatch.setenv(ENV_VAR, value)
    assert _environment_value(ENV_VAR) == os.environ.get(ENV_VAR) == value
    # os.environ replaced by a plain mapping (as some test doubles do)
    monkeypatch.setattr(os, "environ", {ENV_VAR: "other.yaml"})
    assert _environment_value(ENV_VAR) == "other.yaml"
