"""Is a clause a specific, dated happening, or a generic, habitual or historical statement?

PLOVER codes specific events. News also says what groups usually do ("The group frequently
attacks army posts"), what has been going on for years ("Rebels have been fighting the
government since 1969") and sums up history ("The two countries have fought three wars since
1947"). Such clauses give no event. Decided from the verb's own clause: frequency adverbs and
quantifiers of time, "used to", the perfect progressive with "since"/"for", a perfect that
counts events, and the simple present of an action verb outside reported speech and headlines.
Measured on SitEnt (``bench/events.py --only sitent``).
"""
from __future__ import annotations

import re

from ..nlp import doc_text
from ..spanindex import entities_in
from .lexicon import load_lexicon

EPISODIC = "episodic"
HABITUAL = "habitual"      # "frequently attacks", "used to attack", "attacks army posts"
ONGOING = "ongoing"        # "have been fighting since 1969"
SUMMARY = "summary"        # "have fought three wars since 1947"
STATE = "state"            # "both sides oppose the rebels", "depends on outside aid"

_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")


def _clause_tokens(verb):
    """The verb's own clause: its subtree without embedded clauses of their own."""
    skip = set()
    for c in verb.children:
        if c.dep_ in ("ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"):
            skip.update(t.i for t in c.subtree)
    return [t for t in verb.subtree if t.i not in skip]


def _auxes(verb) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]


def clause_kind(verb, simple_present: bool = True) -> str:
    """EPISODIC, HABITUAL, ONGOING, SUMMARY or STATE for the clause headed by ``verb``.
    ``simple_present=False`` leaves out the reading of an action verb's simple present as a
    habit (for a verb that only carries the event in a phrase: "return to Geneva this week for
    talks" is a plan)."""
    cues = load_lexicon().cues
    toks = _clause_tokens(verb)
    words = {t.lower_ for t in toks}
    lowers = [t.lower_ for t in toks]
    text = f" {' '.join(lowers)} "
    # frequency adverbs and quantified time ("often", "every week", "each year")
    if words & cues["habitual_adverbs"] or any(f" {p} " in text for p in cues["habitual_phrases"]):
        return HABITUAL
    for t in toks:
        if t.lower_ in ("every", "each") and t.head.lower_ in cues["time_units"]:
            return HABITUAL
    auxes = _auxes(verb)
    if any(a in ("have", "has", "had", "'ve") for a in auxes) and any(
            c.dep_ == "advmod" and c.lower_ == "long" for c in verb.children):
        return ONGOING   # "Shi'ite groups have long vowed revenge"
    # "used to attack"
    if verb.dep_ == "xcomp" and verb.head.lower_ == "used" and "to" in auxes and \
            not any(c.dep_ == "dobj" for c in verb.head.children):
        return HABITUAL   # but "used tear gas to disperse": a purpose
    since_or_for = any(t.lower_ in ("since", "for") and t.dep_ == "prep" and t.head.i == verb.i
                       and _time_span(t) for t in toks)
    perfect = any(a in ("have", "has", "had", "'ve") for a in auxes)
    progressive = verb.tag_ == "VBG" and any(a in ("been",) for a in auxes)
    if perfect and progressive and since_or_for:
        return ONGOING   # "have been fighting since 1969", "has been shelling for weeks"
    if perfect and since_or_for:
        # "have fought three wars since 1947": a count of events over a span
        for c in verb.children:
            if c.dep_ == "dobj" and any(g.dep_ == "nummod" or g.lower_ in ("several", "many", "numerous")
                                        for g in c.children):
                return SUMMARY
    if perfect and any(t.lower_ in ("times", "occasions") and any(
            g.dep_ == "nummod" or g.lower_ in ("several", "many", "numerous") for g in t.children)
            for t in toks):
        return SUMMARY   # "has attacked the town three times"
    # the simple present of an action verb states what usually happens ("rebels attack posts"),
    # unless it reports speech, is a headline-like fragment, or sits in a condition or quote
    lemma = verb.lemma_.lower()
    habit_verb = simple_present and lemma not in cues["speech_verbs"] and lemma not in cues["stative_verbs"]
    state_verb = lemma in cues["state_verbs"]
    # a simple present outside headlines and dated captions
    present = (habit_verb or state_verb) and verb.tag_ in ("VBZ", "VBP") and not auxes and \
        not _headline(verb) and not _dated(verb.sent)
    if present and habit_verb:
        # "Militants attack convoys", "a law that compels utilities to ...": but a photo
        # caption tells one moment in the present ("Protesters march in Caracas, April 19, 2017")
        return HABITUAL
    if any(m.lower_ == "whenever" for m in verb.children if m.dep_ == "advmod"):
        return HABITUAL
    if present and state_verb and not _in_quote(verb) and not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in cues["authored_nouns"]
            for c in verb.children):
        # "Both sides oppose the rebels", "the country depends on aid": a standing state, not
        # a happening; but a document states ("the platform supports ...") as a speaker does
        return STATE
    for t in toks:
        if t.lower_ in cues["pattern_nouns"] and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children) \
                and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in t.children):
            return HABITUAL   # "has a pattern of detaining visitors", "a history of attacking"
    return EPISODIC


def _in_quote(tok) -> bool:
    sent = tok.sent
    before = doc_text(sent.doc)[sent.start_char:tok.idx]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _headline(tok) -> bool:
    """A title-like sentence (no final punctuation, mostly capitalised words)."""
    sent = tok.sent
    words = [t for t in sent if t.is_alpha]
    if not words or sent[-1].is_punct:
        return False
    return sum(t.is_title for t in words) >= 0.6 * len(words)


def _dated(sent) -> bool:
    """The sentence names a specific day, month or year (a caption's or a report's date)."""
    return any(e.label_ == "DATE" and any(t.like_num or t.lower_ in _DAY_WORDS for t in e) for e in entities_in(sent))


_DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "today", "yesterday", "tonight"}


def _time_span(prep) -> bool:
    """'since 1969', 'for weeks', 'since the war began': a stretch of time, not a reason
    ('deported them for traveling without papers')."""
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return False
    if prep.lower_ == "since":
        return True
    return obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in load_lexicon().cues["time_units"]
