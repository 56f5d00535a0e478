"""The pipeline: records in the spec's shape, failures isolated per document."""
import datetime as dt

import pytest

from eventwire import extract
from eventwire.document import Document
from eventwire.pipeline import STAGES, extract_many
from eventwire.record import ErrorRecord, Record, parse_record

from conftest import ARTICLE


def test_extract_gives_a_spec_shaped_record():
    record = extract(ARTICLE, date="2018-09-17", id="idlib", title="Idlib")
    assert isinstance(record, Record)
    data = record.to_dict()
    assert data["schema"] == "eventwire/1"
    assert (data["id"], data["date"], data["title"], data["language"]) == ("idlib", "2018-09-17", "Idlib", "en")
    assert set(data) >= {"actors", "times", "places", "quotes", "events", "text", "url"}
    assert any("Erdo" in a["name"] for a in data["actors"])  # the dictionary spells Erdoğan


def test_every_span_points_into_the_text():
    record = extract(ARTICLE, date="2018-09-17")
    assert len(list(record.spans())) > 5
    assert record.misplaced_spans() == []


def test_a_misplaced_span_is_reported():
    from eventwire.record import Actor, Mention, Time

    record = Record(id="x", text="Talks resumed in Geneva on Monday.",
                    actors=[Actor(id="A1", name="Geneva", mentions=[Mention(start=17, end=23, text="Geneva")])],
                    times=[Time(start=23, end=33, text="on Monday", type="DATE", value="XXXX-WXX-1")])
    assert [s.text for s in record.misplaced_spans()] == ["on Monday"]


def test_record_round_trips_through_json():
    record = extract(ARTICLE, date="2018-09-17")
    assert parse_record(record.to_json()) == record


def test_bad_date_gives_error_record():
    record = extract("Talks resumed in Geneva.", date="2018-02-30")
    assert isinstance(record, ErrorRecord) and record.error.code == "E106"


def test_stage_failure_is_isolated(monkeypatch):
    def explode(doc, ctx):
        if "explode" in ctx.document.text:
            raise RuntimeError("boom")
        return []

    patched = [(n, a, explode if n == "quotes" else f) for n, a, f in STAGES]
    monkeypatch.setattr("eventwire.pipeline.STAGES", patched)
    docs = [Document(id="a", text="Protesters marched in Minsk."),
            Document(id="b", text="This one will explode."),
            Document(id="c", text="Police detained dozens in Minsk.")]
    results = [r for _, r in extract_many(docs)]
    assert [type(r).__name__ for r in results] == ["Record", "ErrorRecord", "Record"]
    assert results[1].error.code == "E200" and "quotes" in results[1].error.message


@pytest.mark.parametrize("text, language", [
    ("Die Regierung hat am Montag beschlossen, dass die Truppen nicht in das Land einmarschieren werden, "
     "und der Kanzler sagte, es sei eine schwierige Entscheidung gewesen.", "de"),
    ("Le gouvernement a annoncé lundi que les troupes ne seront pas envoyées dans le pays, et le "
     "président a déclaré que la décision était difficile pour la France.", "fr"),
    ("Правительство объявило в понедельник, что войска не будут направлены в страну.", "ru"),
])
def test_other_languages_are_recorded_not_coded(text, language):
    record = extract(text, date="2020-01-01")
    assert record.language == language
    assert record.events == [] and record.actors == []


def test_parser_failure_is_isolated_to_its_document(nlp, monkeypatch):
    from eventwire import pipeline

    class FlakyNLP:
        """Breaks on one text, as a real parser may on pathological input."""

        def pipe(self, texts, batch_size=None):
            for t in texts:
                yield self(t)

        def __call__(self, text):
            if "poison" in text:
                raise ValueError("cannot parse")
            return nlp(text)

    docs = [Document(id=str(i), text=t) for i, t in enumerate(
        ["Police detained protesters in Minsk.", "A poison pill text.", "Talks resumed in Geneva."])]
    results = [r for _, r in pipeline.extract_many(docs, nlp=FlakyNLP())]
    assert [getattr(r, "error", None) and r.error.code for r in results] == [None, "E200", None]


def test_workers_give_the_same_records_as_one_process(sample_articles):
    docs = [Document(id=a["id"], text=a["text"], date=dt.date.fromisoformat(a["date"]))
            for a in sample_articles]
    one = [r.to_json() for _, r in extract_many(docs, batch_size=2)]
    two = [r.to_json() for _, r in extract_many(docs, batch_size=2, workers=2)]
    assert one == two and len(one) == len(docs)


def test_a_long_run_does_not_grow_the_vocabulary():
    """New words of each batch (names, typos, codes) are freed with the batch's Docs."""
    from eventwire.nlp import load_nlp

    strings = load_nlp().vocab.strings
    list(extract_many([Document(id="warm", text="Police detained protesters in Minsk on Monday.")]))
    before = len(strings)
    docs = [Document(id=str(i), text=f"Commander Zqx{i}vorth said troops shelled Brq{i}ville on Monday.",
                     date=dt.date(2024, 5, 8)) for i in range(40)]
    records = [r for _, r in extract_many(docs, batch_size=8)]
    assert len(strings) == before
    assert all(f"Zqx{i}vorth" in r.text for i, r in enumerate(records))  # the records keep their text
    assert any(e.category == "ASSAULT" for r in records for e in r.events)


def test_only_the_first_max_chars_are_coded_and_the_whole_text_is_kept(nlp):
    filler = "\n\n".join(["The weather was mild and the markets were quiet."] * 40)
    text = f"{ARTICLE}\n\n{filler}\n\nRussian warplanes bombed rebel positions near Aleppo on Monday."
    document = Document(id="long", text=text, date=dt.date(2018, 9, 17))
    (_, capped), = extract_many([document], nlp=nlp, max_chars=len(ARTICLE) + 200)
    (_, whole), = extract_many([document], nlp=nlp, max_chars=None)
    assert capped.text == text == whole.text
    assert capped.misplaced_spans() == []
    assert capped.events and all(e.evidence.end <= len(ARTICLE) + 200 for e in capped.events)
    assert any("Aleppo" in e.evidence.text or e.evidence.start > len(ARTICLE) + 200 for e in whole.events)


@pytest.mark.parametrize("text, limit, cut", [
    ("One. Two. Three.", 100, "One. Two. Three."),
    ("First paragraph here.\nSecond one is longer than the limit", 30, "First paragraph here.\n"),
    ("Alpha beta gamma delta epsilon", 20, "Alpha beta gamma "),
])
def test_coded_part_cuts_at_a_boundary(text, limit, cut):
    from eventwire.pipeline import coded_part

    assert coded_part(text, limit) == cut and text.startswith(cut)
