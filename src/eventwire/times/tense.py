"""Past or future: the tense of the clause a time expression belongs to, from the spaCy parse.

A weekday or a month without a year is resolved backwards from the document date in a past
context ("said on Monday") and forwards in a future one ("will meet on Monday").
"""
from __future__ import annotations

import re

from ..nlp import doc_text

PAST, UNKNOWN, FUTURE = -1, 0, 1

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "’ll"}
_FUTURE_HEADS = {"plan", "expect", "schedule", "due", "intend", "hope", "aim", "set",
                 "prepare", "want", "seek", "propose", "promise", "vow", "threaten", "agree",
                 "decide", "try", "going", "likely", "able", "ready", "poised", "anticipate",
                 "forecast", "predict", "project", "slate", "begin", "start", "need"}


def governing_verb(token):
    """The verb (or auxiliary) heading ``token``'s clause, or None (a verbless fragment)."""
    tok = token
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head == tok:
            return None
        tok = tok.head
    return None




def clause_tense(verb, depth: int = 0) -> int:
    """PAST, FUTURE or UNKNOWN for the clause headed by ``verb``.

    Participles and infinitives take the tense of the clause above them (``depth`` bounds
    the climb: a parse may loop back to the same verb).
    """
    if verb is None or depth > 4:
        return UNKNOWN
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & _FUTURE_AUX:
        return FUTURE
    if "going" in lowers and any(a.lower_ == "to" for a in auxes):
        return FUTURE
    if "would" in lowers:
        # Future in the past ("said it would meet Friday"): forwards from the document date.
        return FUTURE
    if any(a.tag_ == "VBD" for a in auxes):        # was / had / did ...
        return PAST
    if verb.tag_ == "VBD":
        return PAST
    if verb.tag_ == "VBN":
        # have + participle (present perfect) is past; a bare participle follows its head.
        if any(a.lemma_ == "have" for a in auxes):
            return PAST
        if not auxes:
            return PAST                    # "the decision, announced Friday"
        if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return FUTURE                  # "is scheduled", "are expected"
        return UNKNOWN
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        head = verb.head
        if head != verb and (head.lemma_.lower() in _FUTURE_HEADS):
            holder = head if head.pos_ in ("VERB", "AUX") else head.head   # "had been due"
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in holder.children):
                return PAST                # "had been due to expire Friday": a plan now past
            return FUTURE
        if head != verb and head.pos_ in ("VERB", "AUX", "ADJ"):
            t = clause_tense(governing_verb(head), depth + 1)
            return FUTURE if t == UNKNOWN and head.tag_ in ("VBZ", "VBP") else t
        return UNKNOWN
    if verb.tag_ == "VBG":
        if any(a.lemma_ == "have" for a in auxes):
            return PAST                    # "have been protesting since Tuesday"
        if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return FUTURE                  # "is meeting Friday"
        if any(a.tag_ == "VBD" for a in auxes):
            return PAST
        if verb.head != verb:          # participial clause: its head's tense
            return clause_tense(governing_verb(verb.head), depth + 1)
        return UNKNOWN
    if verb.tag_ in ("VBZ", "VBP"):
        if any(a.lemma_ == "have" for a in auxes):
            return PAST
        if verb.lemma_ in ("say", "tell", "report", "announce", "add", "note"):
            return UNKNOWN
        return FUTURE
    return UNKNOWN


_STRONG_FUTURE_CUES = re.compile(
    r"\b(?:as (?:early|soon) as|no later than|starting|beginning|ahead of|effective)\s+$", re.IGNORECASE)
_PAST_CUES = re.compile(r"\b(?:since|ever since)\s+$", re.IGNORECASE)
_WEAK_FUTURE_CUES = re.compile(r"\b(?:until|till|by|through)\s+$", re.IGNORECASE)
_PLANNING = {"schedule", "plan", "slate"}
_DEADLINE_VERBS = {"extend", "give", "postpone", "delay", "push", "move", "set", "grant",
                   "adjourn", "suspend", "defer"}


def _scheduled_by(token) -> bool:
    """True when ``token`` hangs on "due" said of a thing set for a time ("the summit due on
    Monday", "the vote, due next week"): its time is ahead, whatever the tense of the clause the
    phrase sits in. Not "was due on Monday" (a predicate: a plan that may be past) nor "due to
    the strike" (a cause)."""
    tok = token
    for _ in range(4):
        if tok.head.i == tok.i or tok.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
        if tok.lower_ == "due":
            return tok.dep_ in ("amod", "acl", "advcl", "appos") and not any(
                c.lower_ == "to" for c in tok.children)
    return False


def tense_of(doc, start_char: int, end_char: int, text: str | None = None) -> int:
    """The tense governing the characters [start_char, end_char) of ``doc``.

    ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds it on every access).
    """
    if text is None:
        text = doc_text(doc)
    before = text[max(0, start_char - 25):start_char]
    if _STRONG_FUTURE_CUES.search(before):
        return FUTURE                      # "as early as Tuesday"
    if _PAST_CUES.search(before):
        return PAST                        # "since Tuesday"
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return UNKNOWN
    if text[end_char:end_char + 2] in ("'s", "’s"):
        return PAST                        # "Friday's meeting": reported, so done
    if _scheduled_by(span.root):
        return FUTURE                      # "the summit due on Monday", "elections due next year"
    verb = governing_verb(span.root)
    if verb is not None and verb.dep_ == "ccomp" and verb.head.i < span.start:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and span.end <= subj.left_edge.i:
            verb = verb.head               # "said on Thursday he would ...": the saying's date
    if verb is not None and verb.lemma_ in _PLANNING and verb.i < span.start:
        return FUTURE                      # "planned a rally on Saturday"
    tense = clause_tense(verb)
    if _WEAK_FUTURE_CUES.search(before) and (
            tense == UNKNOWN or (verb is not None and verb.lemma_ in _DEADLINE_VERBS)):
        return FUTURE                      # "must leave by Jan. 14", "extended it until Friday"
    return tense
