"""The pipeline: records in the spec's shape, failures isolated per document."""
import dataclasses
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

    patched = [dataclasses.replace(s, run=explode) if s.name == "quotes" else s for s in STAGES]
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


def test_a_long_run_does_not_grow_the_vocabulary(monkeypatch):
    """New words of each batch (names, typos, codes) are freed with the batch's Docs (once the
    process's first ``WARM_CHARS`` characters, parsed outside a zone, are spent)."""
    from eventwire import pipeline
    from eventwire.nlp import load_nlp

    monkeypatch.setattr(pipeline, "WARM_CHARS", 0)
    strings = load_nlp().vocab.strings
    list(extract_many([Document(id="warm", text="Police detained protesters in Minsk on Monday.")]))
    before = len(strings)
    docs = [Document(id=str(i), text=f"Commander Zqx{i}vorth said troops shelled Brq{i}ville on Monday.",
                     date=dt.date(2024, 5, 8)) for i in range(40)]
    records = [r for _, r in extract_many(docs, batch_size=8)]
    assert len(strings) == before
    assert all(f"Zqx{i}vorth" in r.text for i, r in enumerate(records))  # the records keep their text
    assert any(e.category == "ASSAULT" for r in records for e in r.events)


@pytest.mark.parametrize("warm_batches", [0, 1, 3])
def test_the_first_characters_parsed_stay_in_the_vocabulary_and_later_ones_do_not(nlp, monkeypatch, warm_batches):
    """The first ``WARM_CHARS`` characters a process parses are parsed outside a memory zone, so
    that the tokenizer keeps its splits of their words; every later batch has its own zone.
    The records are the same either way."""
    import weakref

    from eventwire import pipeline

    docs = [Document(id=str(i), text=f"Commander Vqy{warm_batches}{i}morth said troops shelled a town on Monday.",
                     date=dt.date(2024, 5, 8)) for i in range(5)]
    monkeypatch.setattr(pipeline, "_unzoned_chars", weakref.WeakKeyDictionary())
    monkeypatch.setattr(pipeline, "WARM_CHARS", warm_batches * len(docs[0].text))
    records = [r.to_json() for _, r in extract_many(docs, batch_size=1, nlp=nlp)]
    kept = [f"Vqy{warm_batches}{i}morth" in nlp.vocab.strings for i in range(5)]
    assert kept == [i < warm_batches for i in range(5)]
    monkeypatch.setattr(pipeline, "WARM_CHARS", 0)
    assert [r.to_json() for _, r in extract_many(docs, batch_size=1, nlp=nlp)] == records


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


# --- long documents: parsed in pieces, coded whole, offsets into the whole text ----------

def _sample_articles():
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "samples" / "wikinews" / "wikinews.jsonl"
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def long_record():
    """Distinct Wikinews articles, one after another, to just over 200,000 characters."""
    articles, size = [], 0
    for text in _sample_articles():
        articles.append(text)
        size += len(text) + 2
        if size > 200_000:
            break
    text = "\n\n".join(articles)
    bounds, at = [], 0
    for article in articles:
        bounds.append((at, at + len(article)))
        at += len(article) + 2
    (_, record), = extract_many([Document(id="long", text=text, date=dt.date(2019, 1, 4))])
    return text, bounds, record


def test_a_200k_character_document_is_coded_whole_with_its_offsets_right(long_record):
    text, bounds, record = long_record
    assert isinstance(record, Record) and record.text == text and len(text) > 200_000
    spans = list(record.spans())
    assert record.misplaced_spans() == []
    # coded to the end, not only its first 100,000 characters (the API's cap)
    assert max(s.start for s in spans) > 190_000
    assert max(e.evidence.start for e in record.events) > 150_000

    def article_of(start: int, end: int) -> int | None:
        while end > start and text[end - 1].isspace():   # a sentence keeps its trailing break
            end -= 1
        return next((k for k, (a, b) in enumerate(bounds) if a <= start and end <= b), None)

    # no span runs from one article into the next (each lies inside one of them)
    assert all(article_of(s.start, s.end) is not None for s in spans)
    for event in record.events:
        sentence = event.sentence
        assert sentence.start <= event.evidence.start < event.evidence.end <= sentence.end
        assert article_of(event.evidence.start, event.evidence.end) == article_of(sentence.start, sentence.end)


def test_a_long_document_names_its_actors_at_their_places(long_record):
    text, _, record = long_record
    late = [(m, a) for a in record.actors for m in a.mentions if m.start > 150_000]
    assert late, "actors are found past the middle of the text"
    assert all(text[m.start:m.end] == m.text and m.text.strip() for m, _ in late)


@pytest.mark.parametrize("text, size", [
    ("First paragraph.\nSecond paragraph is here.\nThird.", 30),
    ("One sentence. Another sentence. And a third sentence.", 20),
    ("no breaks at all just words in a row", 10),
    ("😀" * 1000, 64),                                  # no separator: cut at the size
    ("\n" * 50, 8),
    ("Exactly twenty chars", 20),
    ("", 10),
])
def test_text_pieces_join_back_to_the_text(text, size):
    from eventwire.pipeline import text_pieces

    pieces = text_pieces(text, size)
    assert "".join(pieces) == text
    assert all(len(p) <= size for p in pieces)
    assert all(pieces) or pieces == [""]


def test_text_pieces_cut_after_a_line_break_when_there_is_one():
    from eventwire.pipeline import text_pieces

    text = "Police arrested twelve protesters in Lagos.\nThe army said it would respond in kind."
    assert text_pieces(text, 60) == ["Police arrested twelve protesters in Lagos.\n",
                                     "The army said it would respond in kind."]


def test_a_text_parsed_in_pieces_is_one_doc_with_the_whole_texts_offsets(nlp):
    from eventwire.pipeline import parse_long

    text = "\n\n".join(_sample_articles()[:6])
    doc = parse_long(nlp, text, size=3_000)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    assert all(text[e.start_char:e.end_char] == e.text for e in doc.ents)
    # every piece keeps its parse: each token's head lies in its own sentence
    for sent in doc.sents:
        assert all(sent.start <= t.head.i < sent.end for t in sent)


class _RecordingNlp:
    """The real pipeline, noting every text it is asked to parse."""

    def __init__(self, nlp):
        self.nlp, self.seen = nlp, []

    def pipe(self, texts, **kw):
        texts = list(texts)
        self.seen += texts
        return self.nlp.pipe(texts, **kw)

    def __call__(self, text):
        self.seen.append(text)
        return self.nlp(text)


@pytest.mark.parametrize("text", [
    "😀" * 3000,                                                        # emoji, no blank at all
    "Police detained protesters in Minsk on Monday. " + "A" * 2500 + " Troops shelled the town.",
    "data:image/png;base64," + "iVBORw0KGgo" * 300,                    # a pasted blob
])
def test_a_run_without_blanks_is_parsed_in_short_pieces(nlp, text):
    """spaCy's tokenizer is quadratic in a run without blanks: such a text is parsed in
    pieces no longer than RUN_CHARS, joined into one Doc of the whole text."""
    from eventwire.pipeline import RUN_CHARS, _parse_all

    recording = _RecordingNlp(nlp)
    doc, = _parse_all(recording, [text])
    assert doc.text == text
    assert max(len(t) for t in recording.seen) <= RUN_CHARS
    (_, record), = extract_many([Document(id="blob", text=text, date=dt.date(2024, 5, 8))], nlp=nlp)
    assert isinstance(record, Record) and record.text == text and record.misplaced_spans() == []


def test_each_parsed_doc_keeps_its_own_text(nlp):
    """The stages read the text a Doc was parsed from (``doc_text``), kept at the parse: in
    a run mixing articles, a long text parsed in pieces and a blob, each Doc has its own."""
    from eventwire.nlp import doc_text
    from eventwire.pipeline import PIECE_CHARS, _parse_all

    articles = _sample_articles()[:3]
    long_text = "\n\n".join(_sample_articles())[:PIECE_CHARS * 2]
    texts = [articles[0], long_text, articles[1], "Troops fired. " + "x" * 1500, articles[2]]
    docs = list(_parse_all(nlp, texts))
    assert [doc_text(d) for d in docs] == texts
    assert [d.text for d in docs] == texts


def test_ordinary_articles_are_parsed_whole_in_one_batch(nlp):
    from eventwire.pipeline import _parse_all

    texts = _sample_articles()[:5]
    recording = _RecordingNlp(nlp)
    docs = list(_parse_all(recording, texts))
    assert recording.seen == texts and [d.text for d in docs] == texts


def _stage(name, assigns, requires=(), finds=(), merges=False):
    from eventwire.context import Stage

    return Stage(name, lambda doc, ctx: [], assigns=assigns, requires=requires, finds=finds,
                 merge_found=(lambda ctx: None) if merges else None)


@pytest.mark.parametrize("stages, message", [
    # events first: it reads the actors before the actors stage has run
    ([_stage("events", "events", ("actors",)), _stage("actors", "actors")], "reads \\['actors'\\] before"),
    ([_stage("events", "events", finds=("actors",)), _stage("actors", "actors", merges=True)],
     "reads \\['actors'\\] before"),
    ([_stage("actors", "actors"), _stage("more actors", "actors")], "which an earlier stage filled"),
    ([_stage("sentiment", "sentiment")], "unknown record parts"),
    ([_stage("quotes", "quotes", ("speakers",))], "unknown record parts"),
    # what the events stage finds of the actors would never reach the record
    ([_stage("actors", "actors"), _stage("events", "events", ("actors",), finds=("actors",))],
     "finds more \\['actors'\\], which no stage merges"),
])
def test_a_stage_order_that_breaks_a_contract_is_refused(stages, message):
    from eventwire.context import check_stage_order

    with pytest.raises(ValueError, match=message):
        check_stage_order(stages)



@pytest.mark.parametrize("text, finder, phrase, code", [
    # a side no actor mention covers: a new actor, found by the events stage
    ("U.S. warplanes struck Houthi targets near the port on Monday.", "events", "targets", "YEMREB"),
    # a speaker the actors stage did not list: found by the quotes stage
    ('"We will not pay," German firms said on Monday.', "quotes", "firms", "DEUCVL"),
    # a known actor's mention that the actors stage left out (a country after "on"), before
    # the one it listed
    ("Germany imposed new sanctions on Iran on Tuesday. Iran rejected the sanctions.", "events", "Iran",
     "IRNGOV"),
])
def test_actors_found_by_later_stages_join_the_record_after_the_last_stage(nlp, monkeypatch, text, finder,
                                                                           phrase, code):
    from eventwire import pipeline

    after_stage = []   # (stage, the actors part as the record would have it, size of ctx.found_actors)

    def watched(stage):
        def run(doc, ctx, _run=stage.run):
            out = _run(doc, ctx)
            listed = out if stage.assigns == "actors" else ctx.actors
            found = ctx.found_actors
            after_stage.append((stage.name, [(a.id, len(a.mentions)) for a in listed],
                                len(found.actors) + sum(len(m) for m in found.mentions.values())))
            return out
        return dataclasses.replace(stage, run=run)

    monkeypatch.setattr(pipeline, "STAGES", [watched(s) for s in pipeline.STAGES])
    record = pipeline.annotate(nlp(text), Document(id="t", text=text, date=dt.date(2024, 1, 12)))

    # the actors part stays as the actors stage returned it until every stage has run ...
    assert all(listed == after_stage[0][1] for _, listed, _ in after_stage)
    # ... and only a stage that declares it finds actors adds to the found ones
    finders = {s.name for s in STAGES if "actors" in s.finds}
    grew = [name for (name, _, n), (_, _, before) in zip(after_stage, [("", [], 0)] + after_stage) if n > before]
    assert finder in grew and set(grew) <= finders
    # then the record has them: the mention at the phrase's first occurrence, mentions in text
    # order, each actor once
    at = text.index(phrase)
    actor = next(a for a in record.actors if any((m.start, m.end) == (at, at + len(phrase)) for m in a.mentions))
    assert actor.code == code
    assert all(a.mentions == sorted(a.mentions, key=lambda m: (m.start, m.end)) for a in record.actors)
    ids = [a.id for a in record.actors]
    assert len(ids) == len(set(ids))
    named = {side.actor for e in record.events for side in (e.source, e.target) if side and side.actor}
    named |= {q.speaker.actor for q in record.quotes if q.speaker and q.speaker.actor}
    assert named <= set(ids)


def test_a_speaker_found_on_demand_is_known_to_the_events_stage():
    # the quotes stage codes "German firms" on demand; the events stage, which runs before the
    # merge, still reads the claimant's country and sector from it
    text = '"Soldiers attacked our offices in Kabul," German firms said on Monday.'
    record = extract(text, date="2024-01-12")
    (event,) = record.events
    speaker = next(a for a in record.actors if a.name == "German firms")
    assert (event.claimed_by.actor, event.claimed_by.country, event.claimed_by.sector) == (speaker.id, "DEU", "CVL")


@pytest.mark.parametrize("text", [
    "U.S. warplanes struck Houthi targets near the port on Monday.",
    "Germany imposed new sanctions on Iran on Tuesday, and Iran's foreign minister condemned the move.",
])
def test_each_coded_event_leaves_its_confidence_features(nlp, text):
    # scripts/train_confidence.py fits the confidence model on them, by evidence span
    from eventwire.context import DocContext
    from eventwire.pipeline import run_stages

    ctx = run_stages(nlp(text), DocContext(document=Document(id="t", text=text, date=dt.date(2024, 1, 12))))
    assert ctx.events
    for event in ctx.events:
        features = ctx.event_features[(event.evidence.start, event.evidence.end)]
        assert features["has_source"] == float(event.source is not None)


def test_the_document_memo_holds_span_indexes_only(nlp):
    # a stage's working data is a typed field of DocContext, never a key of the memo
    from eventwire.context import DocContext
    from eventwire.pipeline import run_stages
    from eventwire.spanindex import SpanIndex

    ctx = run_stages(nlp(ARTICLE), DocContext(document=Document(id="t", text=ARTICLE, date=dt.date(2018, 9, 17))))
    assert ctx.scratch
    assert all(key[0] == "spanindex" and isinstance(index, SpanIndex) for key, index in ctx.scratch.items())
