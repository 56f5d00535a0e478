"""The table cache: built tables are read back as built, rebuilt when a source changes, and a
cache that is off, unwritable or damaged changes nothing but the time taken."""
from __future__ import annotations

import gzip
import os
import time

import pytest

from eventwire import tablecache
from eventwire.actors import dictionary
from eventwire.places.gazetteer import Gazetteer, TextTable


@pytest.fixture
def cache(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv(tablecache.ENV_VAR, str(directory))
    return directory


def _source(tmp_path, text="Kabul\tAFG\nLagos\tNGA\n"):
    path = tmp_path / "capitals.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def _reader(path, calls):
    def build():
        calls.append(path)
        return dict(line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    return build


def test_a_table_is_built_once_and_read_back_as_a_fresh_copy(tmp_path, cache):
    path, calls = _source(tmp_path), []
    first = tablecache.cached_object("capitals", [path], _reader(path, calls))
    second = tablecache.cached_object("capitals", [path], _reader(path, calls))
    assert first == second == {"Kabul": "AFG", "Lagos": "NGA"}
    assert len(calls) == 1 and second is not first
    second["Kabul"] = "changed by a caller"
    assert tablecache.cached_object("capitals", [path], _reader(path, calls))["Kabul"] == "AFG"


def test_a_changed_source_builds_the_table_again(tmp_path, cache):
    path, calls = _source(tmp_path), []
    tablecache.cached_object("capitals", [path], _reader(path, calls))
    path.write_text("Kabul\tAFG\nLagos\tNGA\nAbuja\tNGA\n", encoding="utf-8")
    assert tablecache.cached_object("capitals", [path], _reader(path, calls))["Abuja"] == "NGA"
    assert len(calls) == 2


@pytest.mark.parametrize("setting", ["off", "unwritable", "damaged"])
def test_without_a_usable_cache_the_table_is_built_in_the_process(tmp_path, monkeypatch, setting):
    path, calls = _source(tmp_path), []
    if setting == "off":
        monkeypatch.setenv(tablecache.ENV_VAR, "off")
    elif setting == "unwritable":
        blocker = tmp_path / "not-a-directory"
        blocker.write_text("a file where the cache directory should be")
        monkeypatch.setenv(tablecache.ENV_VAR, str(blocker / "cache"))
    else:
        monkeypatch.setenv(tablecache.ENV_VAR, str(tmp_path / "cache"))
        (tmp_path / "cache").mkdir()
        (tmp_path / "cache" / tablecache.entry_key("capitals", [path])).write_bytes(b"not a pickle")
    for _ in range(2):
        assert tablecache.cached_object("capitals", [path], _reader(path, calls)) == {
            "Kabul": "AFG", "Lagos": "NGA"}
    assert len(calls) == (1 if setting == "damaged" else 2)


def _gzipped(tmp_path, text: str):
    path = tmp_path / "names.tsv.gz"
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    return path


NAMES = "abc\t1\nabc d\t2\nal qamishli\t3\nkabul\t4,~5\nzürich\t6\nşanlıurfa\t7\n"


@pytest.mark.parametrize("key,value", [
    ("abc", "1"), ("abc d", "2"), ("al qamishli", "3"), ("kabul", "4,~5"), ("zürich", "6"),
    ("şanlıurfa", "7"), ("ab", None), ("abc de", None), ("qamishli", None), ("", None),
    ("zzz", None), ("\t", None), ("abc\t1\nabc d", None), ("kabul\n", None)])
@pytest.mark.parametrize("use_cache,sample", [(True, 32), (False, 32), (True, 1), (True, 2), (False, 4)])
def test_a_sorted_table_is_searched_in_place(tmp_path, monkeypatch, key, value, use_cache, sample):
    monkeypatch.setenv(tablecache.ENV_VAR, str(tmp_path / "cache") if use_cache else "off")
    monkeypatch.setattr(TextTable, "SAMPLE", sample)  # blocks of that many lines
    table = TextTable.from_gzip(_gzipped(tmp_path, NAMES))
    assert len(table) == 6 and table.line(3) == "kabul\t4,~5"
    assert table.value(key) == value
    assert (tmp_path / "cache").exists() == use_cache


@pytest.mark.parametrize("text,lines", [
    ("", []), ("one line without its newline", ["one line without its newline"]),
    ("a\tb\n\nc\n", ["a\tb", "", "c"])])
def test_table_lines_are_those_of_the_file(tmp_path, cache, text, lines):
    table = TextTable.from_gzip(_gzipped(tmp_path, text))
    assert [table.line(i) for i in range(len(table))] == lines


def test_an_empty_gazetteer_finds_nothing():
    gaz = Gazetteer()
    assert gaz.lookup("Kabul") == [] and gaz.by_id(1138958) is None


def test_the_cached_actor_dictionary_is_the_built_one(cache):
    built = dictionary._builtin_tables()
    assert not cache.exists()
    dictionary._load.cache_clear()
    try:
        loaded = dictionary._load(())
        read_back = tablecache.cached_object(
            "actors", [dictionary.DATA / name for name in dictionary.BUILTIN_SOURCES]
            + [dictionary.__file__], lambda: pytest.fail("the entry was not stored"))
    finally:
        dictionary._load.cache_clear()
    assert list(read_back[0]) == list(built[0]) == list(loaded.phrases)
    weak = 1  # a set: compared as one (its order is the hash table's, and only membership is asked)
    assert read_back[weak] == built[weak]
    assert repr(read_back[:weak] + read_back[weak + 1:]) == repr(built[:weak] + built[weak + 1:])
    # a phrase's entry is the entries table's own object, as when built
    entries = read_back[2]
    assert all(entries[e.key] is e for es in read_back[0].values() for e in es if e.key in entries)
    assert os.listdir(cache)


def test_an_entry_that_cannot_be_opened_is_built_in_memory(tmp_path, cache):
    source = _gzipped(tmp_path, NAMES)
    TextTable.from_gzip(source)
    entry = next(cache.glob("names.tsv.gz-inflated-*"))
    entry.unlink()
    entry.mkdir()  # opening it fails as an unreadable file would (tests may run as root)
    assert TextTable.from_gzip(source).value("kabul") == "4,~5"


DAY = 86400


def _entry(directory, name, age_days, digest="0" * 24):
    path = directory / f"{name}-{digest}"
    path.write_bytes(b"an entry")
    stamp = time.time() - age_days * DAY
    os.utime(path, (stamp, stamp))
    return path


@pytest.mark.parametrize("name,age_days,removed", [
    ("capitals", 8, True),             # the same table, not read for over a week: an old build
    ("capitals", 1, False),            # read yesterday: another installation may still use it
    ("capitals-by-name", 30, False),   # another table whose name begins with this one's
    ("capital", 30, False),
])
def test_writing_an_entry_removes_the_stale_entries_of_its_table(tmp_path, cache, name, age_days, removed):
    cache.mkdir()
    other = _entry(cache, name, age_days, digest="a1" * 12)
    path, calls = _source(tmp_path), []
    assert tablecache.cached_object("capitals", [path], _reader(path, calls))["Lagos"] == "NGA"
    assert other.exists() != removed
    assert (cache / tablecache.entry_key("capitals", [path])).exists()


def test_reading_an_entry_marks_it_in_use(tmp_path, cache):
    path, calls = _source(tmp_path), []
    tablecache.cached_object("capitals", [path], _reader(path, calls))
    entry = cache / tablecache.entry_key("capitals", [path])
    old = time.time() - 30 * DAY
    os.utime(entry, (old, old))
    tablecache.cached_object("capitals", [path], _reader(path, calls))
    assert entry.stat().st_mtime > time.time() - DAY and len(calls) == 1
    # so a newer build of the table written now leaves it alone
    assert tablecache.prune_stale(cache, "capitals", keep=cache / "capitals-new") == []


def test_a_killed_writers_old_temporary_file_is_removed(tmp_path, cache):
    cache.mkdir()
    left = cache / ".capitals-k3x_9q2a"
    left.write_bytes(b"half an entry")
    os.utime(left, (time.time() - 8 * DAY,) * 2)
    fresh = _entry(cache, "capitals", 0)  # another installation's build, in use
    path, calls = _source(tmp_path), []
    tablecache.cached_object("capitals", [path], _reader(path, calls))
    assert not left.exists() and fresh.exists()


@pytest.fixture(scope="module")
def built_and_read_back(tmp_path_factory):
    """The built-in dictionary built (its automaton stored) and then read back from the cache."""
    directory = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(tablecache.ENV_VAR, str(directory))
        dictionary._load.cache_clear()
        try:
            built = dictionary._load(())
            assert any(directory.glob("actors-automaton-*"))
            dictionary._load.cache_clear()
            read_back = dictionary._load(())
        finally:
            dictionary._load.cache_clear()
    return built, read_back


@pytest.mark.parametrize("text", [
    "President Barack Obama met Prime Minister Nouri al-Maliki of Iraq in Washington.",
    "Hamas fighters and the Israeli army exchanged fire near Gaza City.",
    "",
])
def test_the_cached_phrase_automaton_finds_what_a_built_one_finds(built_and_read_back, text):
    built, read_back = built_and_read_back
    assert read_back.automaton is not built.automaton
    folded = dictionary.fold(text)
    expected = list(dictionary._phrase_automaton(built.phrases).iter(folded)) if folded else []
    assert (list(read_back.automaton.iter(folded)) if folded else []) == expected
    assert list(read_back.match(folded)) == list(built.match(folded))
    assert bool(expected) == bool(text)
