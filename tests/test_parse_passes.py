"""Parser passes are bounded by documents and by characters: news articles go through the
network 32 at a time, texts near the piece length a few at a time, so the peak memory is
set by the characters of a pass, not by how many documents it holds."""
import json
from pathlib import Path

import pytest

from eventwire.pipeline import PARSE_BATCH, PARSE_CHARS, PIECE_CHARS, _parse_all, parse_passes

SAMPLE = Path(__file__).parents[1] / "samples" / "wikinews" / "wikinews.jsonl"


@pytest.mark.parametrize("lengths, docs, chars, passes", [
    ([], 4, 100, []),
    ([10, 10, 10], 4, 100, [[10, 10, 10]]),
    ([10] * 9, 4, 100, [[10] * 4, [10] * 4, [10]]),              # by documents
    ([40, 40, 40, 40], 8, 100, [[40, 40], [40, 40]]),            # by characters
    ([40, 60, 1, 100], 8, 100, [[40, 60], [1], [100]]),          # exactly the bound fits
    ([30, 250, 30], 8, 100, [[30], [250], [30]]),                # a longer text on its own
    ([0, 0, 0], 2, 100, [[0, 0], [0]]),                          # empty texts still count as docs
])
def test_passes_hold_at_most_so_many_docs_and_characters(lengths, docs, chars, passes):
    texts = ["x" * n for n in lengths]
    got = list(parse_passes(texts, docs=docs, chars=chars))
    assert [[len(t) for t in p] for p in got] == passes
    assert [t for p in got for t in p] == texts          # every text once, in order


class _PassRecorder:
    """The real pipeline, noting the texts of each ``pipe`` call."""

    def __init__(self, nlp):
        self.nlp, self.calls = nlp, []

    def pipe(self, texts, batch_size=None, **kw):
        texts = list(texts)
        self.calls.append(texts)
        assert batch_size is None or batch_size >= len(texts)   # one network pass per call
        return self.nlp.pipe(texts, batch_size=batch_size, **kw)

    def __call__(self, text):
        return self.nlp(text)


def _articles() -> list[str]:
    return [json.loads(line)["text"] for line in SAMPLE.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def test_news_articles_go_through_in_passes_of_a_full_batch(nlp):
    texts = [t for t in _articles() if len(t) < PARSE_CHARS // PARSE_BATCH][:PARSE_BATCH]
    recorder = _PassRecorder(nlp)
    docs = list(_parse_all(recorder, texts))
    assert recorder.calls == [texts]
    assert [d.text for d in docs] == texts


def test_texts_near_the_piece_length_share_a_pass_only_up_to_its_characters(nlp):
    stream = "\n\n".join(_articles())
    texts = [stream[k * PIECE_CHARS:(k + 1) * PIECE_CHARS - 10] for k in range(6)]
    recorder = _PassRecorder(nlp)
    docs = list(_parse_all(recorder, texts))
    assert [d.text for d in docs] == texts
    assert len(recorder.calls) > 1
    assert all(sum(map(len, call)) <= PARSE_CHARS for call in recorder.calls)


def test_a_doc_parses_the_same_in_a_pass_of_one_and_in_a_full_pass(nlp):
    texts = _articles()[:PARSE_BATCH]
    together = list(_parse_all(nlp, texts))
    for text, doc in zip(texts[:6], together):
        alone = nlp(text)
        assert [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc] == \
               [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in alone]
