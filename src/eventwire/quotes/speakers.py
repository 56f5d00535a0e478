"""Speakers: the mention that said it, resolved to an actor of the actor stage.

Names and descriptions are looked up with ``actors.actor_at``. Pronouns ("he said") and
relative pronouns ("Clinton, who said ...") keep their own text as the speaker span and take
the actor id of their antecedent: the actor stage's own coreference when it has one, else the
most recent preceding actor mention of a compatible type outside quoted text. Role
descriptions ("the minister said") without a name inside fall back the same way.
"""
from __future__ import annotations

import bisect

from ..actors import actor_at, known_actors, mentions_of
from ..context import DocContext
from ..record import Actor, Speaker
from ..nlp import doc_text
from .candidates import Stretches
from .lexicon import Lexicon

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("advcl", "xcomp", "conj", "pcomp", "acl", "ccomp", "prep", "acomp")
_GROUP_TYPES = ("organization", "country", "group")
_MALE_TITLES = frozenset({"mr.", "mr", "sir"})
_FEMALE_TITLES = frozenset({"mrs.", "mrs", "ms.", "ms", "miss", "madam", "dame"})


class Antecedents:
    """Actor mentions in text order, outside quoted stretches, for pronoun resolution."""

    def __init__(self, ctx: DocContext, quoted: list[tuple[int, int]]):
        mentions = []
        inside_quotes = Stretches(quoted)
        for actor in known_actors(ctx):
            for m in mentions_of(actor, ctx):
                if not inside_quotes.contains(m.start):
                    mentions.append((m.start, m.end, actor))
        mentions.sort(key=lambda x: (x[0], x[1]))
        text = ctx.document.text
        self._gender: dict[str, str] = {}
        for actor in known_actors(ctx):  # honorifics inside or just before a mention
            for m in mentions_of(actor, ctx):
                around = text[max(0, m.start - 7):m.start].lower().split()[-1:] + m.text.lower().split()[:1]
                if any(w in _MALE_TITLES for w in around):
                    self._gender.setdefault(actor.id, "male")
                elif any(w in _FEMALE_TITLES for w in around):
                    self._gender.setdefault(actor.id, "female")
        self._mentions = mentions
        self._starts = [m[0] for m in mentions]

    def before(self, offset: int, types: tuple[str, ...], gender: str | None = None) -> Actor | None:
        i = bisect.bisect_left(self._starts, offset) - 1
        while i >= 0:
            start, end, actor = self._mentions[i]
            if end <= offset and actor.type in types and (
                    gender is None or self._gender.get(actor.id, gender) == gender):
                return actor
            i -= 1
        return None


def subject_of(verb):
    """The subject token of a cue verb, climbing out of participles and conjuncts."""
    tok = verb
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in _SUBJECTS:
                return child
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok.head  # "footage of Clinton asking ...", "Clinton, who said ..."
        if tok.dep_ not in _CLIMB or tok.head == tok:
            return None
        tok = tok.head
    return None


def np_bounds(head) -> tuple[int, int]:
    """Token range [i, j) of a noun phrase: its subtree without clauses hanging off it."""
    drop = set()
    for child in head.children:
        if child.dep_ in ("relcl", "acl", "advcl"):
            drop.update(t.i for t in child.subtree)
    toks = [t for t in head.subtree if t.i not in drop]
    # keep the contiguous stretch around the head
    i = j = head.i
    present = {t.i for t in toks}
    doc = head.doc
    # contiguous around the head, and never across a line break (a dateline, a headline)
    while i - 1 in present and "\n" not in doc[i - 1].text_with_ws:
        i -= 1
    while j + 1 in present and "\n" not in doc[j].text_with_ws:
        j += 1
    while i < j and (doc[i].is_punct or doc[i].is_space) and doc[i].text not in "([":
        i += 1
    while j > i and (doc[j].is_punct or doc[j].is_space) and doc[j].text not in ")]":
        j -= 1
    return i, j + 1


def _actor_for_tokens(doc, i: int, j: int, head, ctx: DocContext) -> Actor | None:
    actor = actor_at(head.idx, head.idx + len(head), ctx)
    if actor is None:
        actor = actor_at(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), ctx)
    return actor


def resolve_speaker(head, ctx: DocContext, lex: Lexicon, antecedents: Antecedents) -> Speaker:
    """The Speaker for a subject token ``head`` (a name, description or pronoun)."""
    doc = head.doc
    low = head.lower_
    start, end = head.idx, head.idx + len(head)
    if low in lex.relatives and head.dep_ in _SUBJECTS and head.head.dep_ == "relcl":
        noun = head.head.head
        i, j = np_bounds(noun)
        actor = _actor_for_tokens(doc, i, j, noun, ctx)
        return Speaker(start=start, end=end, text=head.text, actor=actor.id if actor else None)
    if low in lex.person_pronouns or low in lex.group_pronouns:
        actor = actor_at(start, end, ctx)
        if actor is None:
            types = ("person",) if low in lex.person_pronouns else _GROUP_TYPES
            gender = "male" if low in ("he", "him") else "female" if low in ("she", "her") else None
            actor = antecedents.before(start, types, gender)
        return Speaker(start=start, end=end, text=head.text, actor=actor.id if actor else None)
    i, j = np_bounds(head)
    s, e = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
    actor = _actor_for_tokens(doc, i, j, head, ctx)
    if actor is None and head.lower_ in lex.titles and any(
            c.lower_ in ("the", "this", "that") for c in head.children if c.dep_ == "det"):
        actor = antecedents.before(s, ("person",))
    return Speaker(start=s, end=e, text=doc_text(doc)[s:e], actor=actor.id if actor else None)


def speaker_from_chars(doc, start: int, end: int, ctx: DocContext) -> Speaker:
    """A Speaker for a stretch of text found by pattern (a byline dash, a transcript label)."""
    actor = actor_at(start, end, ctx)
    return Speaker(start=start, end=end, text=doc_text(doc)[start:end], actor=actor.id if actor else None)
