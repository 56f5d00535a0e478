"""A parsed document's token attributes as plain lists, read once per Doc.

Every read of a spaCy token attribute makes a ``Token`` object (``doc[i]``, iterating a Doc
or a Span) and decodes its string from the vocabulary again (``tok.lower_``): a stage that
walks every token of a document to find a few words pays both for every token, and the
stages do so many times per document. ``token_table(doc)`` reads the attributes the stages
test in one ``Doc.to_array`` call, decodes each distinct string once, and keeps the lists in
the Doc's ``user_data``. Entries are exactly what the ``Token`` attributes of the same name
return (``lower[i] == doc[i].lower_``, ``head[i] == doc[i].head.i``).

Stages never change a parsed Doc (no retokenizing, no new entities), so the table stays
true for the Doc's life.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

_KEY = "eventwire.tokentable"
_WRAP = 1 << 64


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Token ``i``'s attributes at position ``i`` of each list."""

    idx: list[int]          # character offset (``Token.idx``)
    text: list[str]         # ``Token.text``
    lower: list[str]        # ``Token.lower_``
    lemma: list[str]        # ``Token.lemma_``
    pos: list[str]          # ``Token.pos_``
    tag: list[str]          # ``Token.tag_``
    dep: list[str]          # ``Token.dep_``
    head: list[int]         # ``Token.head.i`` (a root is its own head)
    ent_type: list[str]     # ``Token.ent_type_``
    is_punct: list[bool]    # ``Token.is_punct``
    is_alpha: list[bool]    # ``Token.is_alpha``
    space_after: list[bool]  # ``Token.whitespace_ == " "``

    def __len__(self) -> int:
        return len(self.idx)


def token_table(doc) -> TokenTable:
    """The table of ``doc``'s tokens, built at the first call and kept with the Doc."""
    table = doc.user_data.get(_KEY)
    if table is None:
        table = doc.user_data[_KEY] = _build(doc)
    return table


def _build(doc) -> TokenTable:
    if not len(doc):
        return TokenTable(*([] for _ in range(12)))
    idx, orth, lower, lemma, pos, tag, dep, head, ent_type, punct, alpha, space = \
        doc.to_array(_attributes()).T.tolist()
    strings = doc.vocab.strings
    # one vocabulary lookup per distinct string; ids are hashes, or symbols for POS (0, no
    # part of speech, is "" as for ``Token.pos_``)
    decoded = {k: strings[k] if k else "" for k in {*orth, *lower, *lemma, *pos, *tag, *dep, *ent_type}}
    return TokenTable(idx=idx, text=[decoded[k] for k in orth], lower=[decoded[k] for k in lower],
                      lemma=[decoded[k] for k in lemma], pos=[decoded[k] for k in pos],
                      tag=[decoded[k] for k in tag], dep=[decoded[k] for k in dep],
                      # HEAD comes as the offset from a token to its head, in an unsigned array
                      # (a head before its token wraps round)
                      head=[i + (h - _WRAP if h >= _WRAP // 2 else h) for i, h in enumerate(head)],
                      ent_type=[decoded[k] for k in ent_type], is_punct=[p == 1 for p in punct],
                      is_alpha=[a == 1 for a in alpha], space_after=[w == 1 for w in space])


@functools.cache
def _attributes() -> list[int]:
    # spaCy is imported at the first parse, not when eventwire is (``spacyimport``)
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_PUNCT, LEMMA, LOWER, ORTH, POS, SPACY, TAG

    return [IDX, ORTH, LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, IS_PUNCT, IS_ALPHA, SPACY]
