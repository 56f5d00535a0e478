"""The per-Doc token table holds exactly what spaCy's Token attributes return, and the
helpers that read it decide as they did token by token."""
import re

import pytest

from eventwire.spanindex import doc_entities, first_names, _listed_entities, sentence_text_of
from eventwire.tokentable import token_table

SENTENCES = [
    # heads before and after their tokens, a root, entities, punctuation
    "Police in Lagos arrested 40 protesters on Monday, the governor's office said.",
    # a two-space gap (a whitespace token), a non-breaking space, a line break, an emoji
    "Rebels  shelled the town.\nResidents fled\u00a0north 🙏 after the attack.",
    # a dateline and a quote
    'KYIV, Ukraine (AP) — "We will not surrender," President Volodymyr Zelensky said.',
    # a lower-case start, numbers, an abbreviation
    "according to U.N. figures, 1,200 people died in St. Louis and 3.5 million fled.",
    "Mayor Carmen Yulín Cruz met Ms. Moayyad; later Nadia Moayyad spoke to reporters.",
    "",
]


def _attributes(tok):
    return (tok.idx, tok.text, tok.lower_, tok.lemma_, tok.pos_, tok.tag_, tok.dep_, tok.head.i,
            tok.ent_type_, tok.is_punct, tok.is_alpha, tok.whitespace_ == " ")


def _row(table, i):
    return (table.idx[i], table.text[i], table.lower[i], table.lemma[i], table.pos[i], table.tag[i],
            table.dep[i], table.head[i], table.ent_type[i], table.is_punct[i], table.is_alpha[i],
            table.space_after[i])


@pytest.mark.parametrize("text", SENTENCES)
def test_the_table_holds_what_the_tokens_say(nlp, text):
    doc = nlp(text)
    table = token_table(doc)
    assert len(table) == len(doc)
    assert [_row(table, tok.i) for tok in doc] == [_attributes(tok) for tok in doc]


def test_a_head_before_its_token_is_not_wrapped_round(nlp):
    # "said" governs the earlier "Police ... arrested" clause: offsets to the left are negative
    doc = nlp("Police arrested the men, officials said.")
    table = token_table(doc)
    assert any(table.head[i] < i for i in range(len(doc)))
    assert all(0 <= h < len(doc) for h in table.head)


def test_the_table_is_built_once_per_doc(nlp):
    doc = nlp("Troops withdrew from the border.")
    assert token_table(doc) is token_table(doc)
    assert token_table(nlp("Troops withdrew from the border.")) is not token_table(doc)


def _first_names_token_by_token(doc):
    """spanindex.first_names as it read spaCy tokens before the table."""
    persons = [e for e in _listed_entities(doc)[0] if e.label_ == "PERSON"]
    starts = {e.start for e in persons}
    surnames = {e[-1].text for e in persons}
    out = []
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if tok.pos_ != "PROPN" or not tok.is_alpha or not tok.text[:1].isupper() or tok.whitespace_ != " ":
            continue
        if nxt.i in starts and not tok.ent_type_ or \
                nxt.text in surnames and nxt.text != tok.text and tok.ent_type_ != "PERSON":
            out.append((tok.idx, tok.idx + len(tok.text)))
    return out


@pytest.mark.parametrize("text", SENTENCES + [
    "Governor Andrew Cuomo said Cuomo would visit Buffalo.",
    "Senator Elizabeth Warren and Warren County officials met in Albany.",
])
def test_first_names_decides_as_it_did_token_by_token(nlp, text):
    doc = nlp(text)
    assert first_names(doc) == _first_names_token_by_token(doc)


@pytest.mark.parametrize("text, cue", [
    ("According to the ministry, 12 soldiers were killed near the border.", "according to"),
    ("The army said that rebels had attacked the base overnight.", "said"),
    ("Officials believe that the fire was set deliberately.", "believe"),
])
def test_indirect_quotes_still_found_from_the_table(text, cue):
    from eventwire import extract

    record = extract(text, date="2024-03-01")
    cues = [q.cue.lower() for q in record.quotes if not q.direct]
    assert any(cue in c for c in cues), cues


@pytest.mark.parametrize("text", SENTENCES[:5])
def test_sentence_words_are_the_words_and_lemmas_of_each_sentence(nlp, text):
    from eventwire.events.patterns import sentence_words

    for sent in nlp(text).sents:
        skip = {sent.start}
        assert sentence_words(sent) == {w for t in sent for w in (t.lemma_.lower(), t.lower_)}
        assert sentence_words(sent, skip) == {w for t in sent if t.i not in skip
                                              for w in (t.lemma_.lower(), t.lower_)}


@pytest.mark.parametrize("text", SENTENCES + [
    "Protesters marched in Hong Kong and Taipei on Sunday. Police in Taiwan arrested none.",
])
def test_the_kept_entities_are_the_docs_entities(nlp, text):
    doc = nlp(text)
    kept = doc_entities(doc)
    assert [(e.label_, e.start, e.end) for e in kept] == [(e.label_, e.start, e.end) for e in doc.ents]
    assert doc_entities(doc) is kept


@pytest.mark.parametrize("text", SENTENCES[:5] + [
    # a photo caption after the story, several sentences, trailing spaces and blank lines
    "Troops entered Kherson on Friday.  Residents cheered.\n\nFILE - Soldiers in Kherson, Nov. 11, 2022.",
    "Fighting resumed.\n\n\nShelling hit Donetsk 🙏 overnight . ",
])
def test_a_tokens_sentence_text_is_what_spacy_joins(nlp, text):
    doc = nlp(text)
    assert [sentence_text_of(doc, i) for i in range(len(doc))] == [t.sent.text for t in doc]


@pytest.mark.parametrize("text", SENTENCES[:5] + [
    "Troops entered Kherson on Friday.  Residents cheered.\n\nFILE - Soldiers in Kherson, Nov. 11, 2022.",
    "Fighting resumed.\n\n\nShelling hit Donetsk 🙏 overnight . ",
])
def test_a_sentences_text_is_the_kept_text_between_its_offsets(nlp, text):
    # what the event coder's caption feature reads instead of ``Span.text``
    from eventwire.nlp import doc_text

    doc = nlp(text)
    assert [doc_text(doc)[s.start_char:s.end_char] for s in doc.sents] == [s.text for s in doc.sents]


@pytest.mark.parametrize("text", SENTENCES[:5] + [
    "Fighting resumed.\n\n\nShelling hit Donetsk 🙏 overnight . ",
    "Prime Minister Shehbaz Sharif and the Pakistan Muslim League met in Islamabad.",
])
def test_a_one_word_hit_is_its_own_root(nlp, text):
    # actors' hit_root returns the word of a one-word hit without asking ``Span.root``
    from types import SimpleNamespace

    from eventwire.actors.resolve import DocumentActors, Hit

    doc = nlp(text)
    actors = SimpleNamespace(doc=doc)
    for width in (1, 2, 3):
        for i in range(len(doc) - width + 1):
            hit = Hit(start=doc[i].idx, end=doc[i + width - 1].idx, i=i, j=i + width, entries=[], kind="ent")
            assert DocumentActors.hit_root(actors, hit) == doc[i:i + width].root


def _own_clause_token_by_token(verb):
    """episodic's own clause as it walked spaCy's subtree before the table."""
    from eventwire.events.episodic import _CLAUSE_DEPS

    own = []
    for t in verb.subtree:
        node = t
        while node != verb and not (node.dep_ in _CLAUSE_DEPS and (node.dep_ != "conj" or node.pos_ in ("VERB", "AUX"))):
            node = node.head
        if node == verb:
            own.append(t.i)
    return sorted(own)


@pytest.mark.parametrize("text", SENTENCES + [
    "The rebels, who ruled the region between 2014 and 2016, attacked the town and seized it.",
    "Troops fought in the north and the east after talks, which began in June, collapsed.",
    "He said that police had shot two men, and officials confirmed it on Friday.",
])
def test_own_clause_is_what_the_subtree_walk_found(nlp, text):
    from eventwire.events.episodic import _own_clause

    doc = nlp(text)
    for tok in doc:
        assert _own_clause(tok) == _own_clause_token_by_token(tok), tok.text


def _fold_word_by_word(text):
    """fold_with_offsets as first written: the folded words joined by one blank, each blank
    at the offset of the last blank before its word."""
    from eventwire.actors.dictionary import _TABLE

    translated = text.translate(_TABLE)
    parts, pos = [], []
    for m in re.finditer(r"[^ ]+", translated):
        if parts:
            pos.append(m.start() - 1)
        parts.append(m.group())
        pos.extend(range(m.start(), m.end()))
    return " ".join(parts), pos


@pytest.mark.parametrize("text", [
    "", " ", "   ", "x", " Kyiv ", "the  Ukrainian   army", "  Mr. Zelensky, in Kyiv; said:  ",
    "Sudan's\n\nRSF\tforces — in  El-Fasher…", "Ελλάδα und Müller 🙂 ok", ",,,", "a,b", " ,a", "U.S.-led",
])
def test_folded_text_and_offsets_are_those_of_the_word_by_word_fold(text):
    from eventwire.actors.dictionary import fold_with_offsets

    folded, offsets = fold_with_offsets(text)
    assert (folded, offsets) == _fold_word_by_word(text)
    assert len(offsets) == len(folded)
