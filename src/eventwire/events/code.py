"""The event coder: sentences in, PLOVER events out.

For every sentence: find triggers (``patterns``), fold a nominal trigger into the verb that
governs it when both name one event ("imposed sanctions", "airstrikes killed"), read the
modality (``modality``), the source and target (``participants``), the date (times stage),
the place (places stage), the codes (``lexicon``), the ACLED type, the evidence span and a
confidence. Content of requests and accusations, accidents ("a collapse killed 16") and
casualty tolls of an event already coded are not events.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
from importlib import resources

from ..categories import is_verbal, quad_class, stance
from ..actors import actor_at, country_guessed, known_actors, mentions_of
from ..context import DocContext
from ..nlp import doc_text
from ..nounphrase import refers_back
from ..paragraphs import lost_paragraphs
from ..places import event_place, photo_caption
from ..places.event import dateline_end
from ..record import Event, EventActor, Mention, SentenceSpan
from ..spanindex import cached_index, doc_entities, entities_in
from ..times import date_for, time_for
from ..times.recognize import dates_a_thing, time_a_clause_tells_of
from ..times.tense import governing_verb
from ..tokentable import token_table
from .acled import assign_event_types
from .casualties import attach_casualties
from .coref import (aims_of_other_acts, corefer, dates_agree, introduced_as_another, listed_apart, merge_coreferent,
                    places_agree, purpose_links, take_restatement, told_as_another, told_as_fight, told_as_phase)
from .episodic import EPISODIC, clause_kind, noun_kind
from .geo import attach_geo
from .lexicon import describe_code, load_lexicon, verb_forms
from .modality import Modality, modality_of
from .participants import (find_participants, is_scene, possible_actor, resolve_side, told_as_reply, unmix_counterparts,
                           victim_sector)
from .patterns import Trigger, find_triggers, sentence_words, stance_sides, voiced_by_a_party
from .relevance import asked_about, political_event

# Events the confidence model rates below its threshold (data/confidence.json, chosen on the
# development data by scripts/train_confidence.py) are not reported. None: report all (training).
MIN_CONFIDENCE: float | None = None

# Acts that can be aimed at a place ("shelled the town", "fired rockets at Kaduna", "raided a
# church"): its people are the target. Elsewhere a place reached by "at/in/from" is the scene.
_AIMED_AT_PLACES = ("ASSAULT", "COERCE")

# Verbs whose nominal subject is the event ("clashes broke out", "the ceasefire took effect").
_EVENT_SUBJECT_VERBS = {"break", "erupt", "take", "begin", "start", "continue", "resume", "end",
                        "occur", "happen", "intensify", "escalate", "rage", "spread", "hold",
                        "come", "enter", "go", "flare", "collapse", "stall", "fail", "last",
                        "kill", "injure", "wound", "hit", "target", "destroy", "damage", "leave"}
_CASUALTY_VERBS = {"kill", "injure", "wound", "die", "hurt", "maim"}
_ATTACK_NOUN_CODES = ("18", "19", "20")
# Determiners that bring a new thing into the story ("a strike", "another ambush").
_NEW_REFERENT_DETERMINERS = {"a", "an", "another"}
# Categories whose events are worth reporting without a named actor ("clashes broke out in X").
_ACTORLESS_OK = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT"}


# Statements that answer someone: with no target of their own they aim at the last other actor.
# A threat does so only when told as a reply (``participants.told_as_reply``).
_REACTIVE = {"ACCUSE", "REJECT"}


# A commitment reported as said is a threat or an offer in its own right (PLOVER codes the
# statement): an asserted THREATEN (hostile content) or AGREE (cooperative content), besides the
# content event with its own modality (the stance of each category: data/categories.json).
# Two kinds: made on a condition ("said he would impose tariffs unless Mexico acted"), or made
# by the speaker about its own act ("Trump said he would step up the bombing campaign"); a
# prediction about someone else ("analysts said Turkey will invade") is neither. Its speaker's
# refusal of a cooperative act is a REJECT ("said it will not accept more refugees"); of a
# hostile one, nothing ("said they would not attack civilians").
# A commitment is told by a future auxiliary ("said it will release"), or by a predicate of
# readiness or intent (cues.yaml ``readiness_words``): an adjective the act completes ("said it
# is ready to resume talks") or a noun the speaker states ("announced its intention to impose a
# curfew", "expressed their readiness to hold talks").
_SELF_PRONOUNS = {"he", "she", "they", "we", "i", "it"}


def _commitment_verb(t: Trigger):
    """The clause verb that carries the trigger's commitment: the trigger itself, or the verb
    a nominal trigger is the object of ("would step up the bombing campaign")."""
    tok = t.token
    if not t.nominal:
        return tok
    return tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None


def _speaker_is_doer(verb, speech) -> bool:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    speaker = next((c for c in speech.children if c.dep_ == "nsubj"), None)
    if subj is None or speaker is None:
        return False
    if subj.lower_ in _SELF_PRONOUNS:
        return speaker.pos_ != "PRON" or speaker.lower_ == subj.lower_
    return subj.lower_ == speaker.lower_


def _negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _conditioned(verb, cues) -> bool:
    """"... unless Stockholm extradites the suspects": an adverbial clause of condition."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues["conditional_marks"]
                                         for m in c.children) for c in verb.children)


def _committing_speech(verb, cues):
    """(the speech verb that states a commitment to the act of ``verb``, the word of readiness
    or intent that tells it if any, whether the commitment is a refusal), or None.

    - a future under a speech verb, by the speaker or on a condition ("said it would send
      tanks", "said it would close its airspace unless ..."); negated and by the speaker, a
      refusal ("said it will not accept more refugees");
    - a predicate of readiness the act completes, said of the speaker ("said it is ready to
      resume talks", "was quoted as saying he would be willing to meet"); negated, a refusal
      ("said it was not prepared to lift the ban");
    - a noun of readiness or intent the speaker states, its own or no one else's ("announced
      its intention to impose a curfew", "expressed their readiness to hold talks")."""
    readiness = cues["readiness_words"]
    commit_aux = (cues["future_aux"] | cues["would_aux"]) - cues["deontic_aux"]
    head = verb.head
    if verb.dep_ == "ccomp" and head.lemma_.lower() in cues["speech_verbs"] \
            and any(c.dep_ == "aux" and c.lower_ in commit_aux for c in verb.children):
        if _negated(verb):
            return (head, None, True) if _speaker_is_doer(verb, head) else None
        if _speaker_is_doer(verb, head) or _conditioned(verb, cues):
            return head, None, False
        return None
    if verb.dep_ != "xcomp" and not (verb.dep_ == "acl" and head.pos_ == "NOUN"):
        return None
    if head.lemma_.lower() not in readiness or _negated(verb):
        return None
    if head.pos_ == "ADJ" and head.dep_ == "acomp":   # "it is ready to resume talks"
        clause = head.head
        speech = clause.head
        if clause.dep_ == "ccomp" and speech.lemma_.lower() in cues["speech_verbs"] and \
                _speaker_is_doer(clause, speech):
            return speech, head, _negated(clause) or _negated(head)
        return None
    if head.pos_ == "NOUN" and head.dep_ == "dobj":    # "announced its intention to impose"
        speech = head.head
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if (speech.lemma_.lower() in cues["speech_verbs"] or speech.lemma_.lower() in cues["stating_verbs"]) \
                and not _negated(speech) and not _negated(head) and (owner is None or owner.pos_ == "PRON"):
            return speech, head, False
    return None


def _conditional_statements(triggers: list[Trigger], lex) -> list[Trigger]:
    """The triggers plus, before each commitment under a speech verb, the statement that makes
    it (token and actors of the content, dated by the speech verb)."""
    out = []
    stated: set[int] = set()
    for t in triggers:
        verb = _commitment_verb(t)
        category = _category(t)[0]
        found = None if verb is None or verb.i in stated or stance(category) is None \
            else _committing_speech(verb, lex.cues)
        if found is not None and found[2] and stance(category) != "cooperative":
            found = None   # "said they would not attack civilians": no threat, no refusal
        if found is not None:
            speech, readiness, refused = found
            stated.add(verb.i)
            code = "120" if refused else "130" if stance(category) == "hostile" else "030"
            rule = {"statement": speech.i} if readiness is None else {"statement": speech.i, "readiness": readiness.i}
            out.append(Trigger(t.token, code, "rule", t.specificity, rule,
                               [readiness] if readiness is not None else [], nominal=t.nominal))
        out.append(t)
    return out


def _recalled(verb, lex) -> bool:
    """A perfect recalling an earlier time ("had previously opposed", "have attacked
    journalists in the past"): background the article gives, not the news it reports."""
    if not any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) and any(
            c.dep_ == "advmod" and c.lower_ == "recently" for c in verb.children):
        return True   # "had recently been dismissed": before the story's time ("has recently" may be the news)
    return any(c.dep_ == "advmod" and c.lower_ in lex.cues["prior_adverbs"] for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and g.lower_ == "past" for g in c.children)
        for c in verb.children)


_ARMED_SECTORS = {"MIL", "REB", "INS", "UAF"}
_DIPLOMATIC_SECTORS = {"GOV", "IGO"}   # states and their bodies protest by diplomatic note


_MISREAD_CODES = {"show of force": "150", "complaint": "114"}


def _misread(trig: Trigger, category: str, src, triggers: list[Trigger]) -> str | None:
    """A trigger word in another sense, read from its arguments: "none" when no event is
    told, "show of force" when armed men march; else None.

    - "the plan met with criticism": a meeting needs parties, not a thing met;
    - "new sanctions target 22 individuals": the sanctions are the event, not an attack;
    - "armed fighters marched into the city": a show of force (MOBILIZE), not a protest;
    - "Japan protested the flights": a state protests by speaking, a complaint (ACCUSE 114,
      PLOVER's diplomatic protest), not a demonstration. Not read for the noun: a caption's
      "X protest in Havana" names its crowd by a name the actors stage may take for a state."""
    tok = trig.token
    if trig.nominal:
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if category == "CONSULT" and tok.lemma_.lower() == "meet":
        met = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
               for g in c.children if g.dep_ == "pobj"]
        if (subj is not None and not possible_actor(subj)) or any(not possible_actor(m) for m in met):
            return "none"
    if category == "ASSAULT":
        if subj is not None and any(t.nominal and t.token.i == subj.i and _category(t)[0] not in (None, "ASSAULT")
                                    for t in triggers):
            return "none"
    if category == "PROTEST" and tok.lemma_.lower() in ("march", "parade") and src is not None and (
            src.sector in _ARMED_SECTORS or any(c.lower_ == "armed" for c in src.head.children)):
        return "show of force"
    if category == "PROTEST" and tok.lemma_.lower() == "protest" and src is not None and \
            src.sector in _DIPLOMATIC_SECTORS:
        return "complaint"
    return None


def _verbal_attack(trig: Trigger, lex) -> bool:
    """An attack on what someone said or decided ("attacked the proclamation", "hit out at the
    decision") is criticism (CAMEO 111), not violence."""
    if trig.nominal or describe_code(trig.cameo)[0] != "ASSAULT":
        return False
    tok = trig.token
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    objects += [_pobj for p in tok.children if p.dep_ == "prep" and p.lower_ in ("at", "on")
                for _pobj in p.children if _pobj.dep_ == "pobj"]
    # "attacked government positions" is a battle: a position held, not one taken
    return any(o.lemma_.lower() in lex.cues["authored_nouns"] and o.lemma_.lower() != "position"
               for o in objects)


def _clause_verb(trig: Trigger):
    """The verb whose clause tells the event: the trigger itself, or the verb an event noun
    is the object of ("have fought three wars")."""
    tok = trig.token
    if trig.nominal and tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    return tok


def _outer_verb(trig: Trigger):
    """The verb an event's prepositional phrase hangs on ("depends on outside assistance",
    "raises it in meetings every few months"), or the verb of the noun it completes ("has a
    pattern of detaining visitors"), or the verb whose infinitive the event is ("have been
    struggling to censor the videos": the infinitive has no tense or aspect of its own); None
    for other events."""
    tok = trig.token
    if not trig.nominal and tok.dep_ == "xcomp" and tok.head.pos_ in ("VERB", "AUX") and tok.head.i != tok.i:
        return tok.head
    if not ((trig.nominal and tok.dep_ == "pobj") or (tok.tag_ == "VBG" and tok.dep_ == "pcomp")):
        return None
    up = tok.head.head if tok.head.dep_ == "prep" else None
    if up is not None and up.pos_ in ("VERB", "AUX"):
        return up
    if up is not None and up.pos_ == "NOUN" and up.dep_ in ("dobj", "attr") and up.head.pos_ in ("VERB", "AUX"):
        return up.head
    return None


def _category(trigger: Trigger):
    category, row = describe_code(trigger.cameo)
    if trigger.rule.get("category"):
        category = trigger.rule["category"]
    return category, row


def _times_in(ctx: DocContext, start: int, end: int, dates_only: bool = False) -> bool:
    return any(not dates_only or (t.type == "DATE" and t.value[:1].isdigit())
               for t in cached_index(ctx.scratch, "events.times", ctx.times).within(start, end))


def _day_of_its_own(trig: Trigger, sent, ctx: DocContext, lex) -> bool:
    """Whether the sentence tells a day of the act itself, not only of its telling: in "Two
    protesters were killed, officials confirmed on Sunday" the day is when it was confirmed
    (a time governed by a verb of speech, whichever way the parser joined it to the act), so
    the killing may still be the toll of Saturday's clash told before. A dateline's day ("KABUL,
    March 5 (Reuters) -") is the report's (guideline), not the act's."""
    doc = sent.doc
    dateline = dateline_end(ctx.document.text)
    for t in cached_index(ctx.scratch, "events.times", ctx.times).within(sent.start_char, sent.end_char):
        if t.type != "DATE" or not t.value[:1].isdigit() or t.end <= dateline:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        gov = governing_verb(span.root) if span is not None and len(span) else None
        if gov is None or gov.i == trig.token.i or gov.lemma_.lower() not in lex.cues["speech_verbs"]:
            return True
    return False


def _own_range(tok):
    """Character range of the trigger's own phrase or clause (its subtree)."""
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


_BACKGROUND_MARKS = {"after", "before", "since", "as", "because", "when", "while", "following", "until"}
# "as fighting spread", "while police watched": the clause happened with the main one
_SIMULTANEOUS_MARKS = {"as", "while"}
_DURING = {"during"}
_SAME_DAY = {"hours", "hour", "minutes", "shortly", "moments", "just", "immediately", "soon"}


# How far before publication the lead's day may lie to date the news it reports.
NEWS_PEG_DAYS = 7


def _news_week_day(value: str, doc_date) -> bool:
    """A day-precise date within the news week before publication (the publication day
    included): a day news is told on, not a plan ahead or background."""
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and \
        dt.timedelta(0) <= doc_date - dt.date.fromisoformat(value) <= dt.timedelta(days=NEWS_PEG_DAYS)


def _lead_end(text: str, without_paragraphs: int) -> int:
    """Where the article's first paragraph ends; a text with no blank line is read as having a
    lead of ``without_paragraphs`` characters."""
    end = text.find("\n\n")
    return end if end > 0 else without_paragraphs


def _news_peg(ctx: DocContext) -> str | None:
    """The day the article's first paragraph puts its news on: its first day-precise date
    within a week before publication ("yesterday", "on Wednesday"), else None."""
    doc_date = ctx.document.date
    if doc_date is None:
        return None
    lead_end = _lead_end(ctx.document.text, 600)
    for t in sorted(ctx.times, key=lambda t: t.start):
        if t.start >= lead_end:
            break
        if t.type == "DATE" and _news_week_day(t.value, doc_date):
            return t.value
    return None


def _past_frame(last_time, para: int, doc_date) -> str | None:
    """The earlier year (or a month of one) the sentence's paragraph last told ("In 2014, the
    two officers met her at a pub."): the narration has turned to that past, and what the
    paragraph tells next with no time of its own happened then, not on the news day. None when
    the paragraph's last time is a day or of the publication's year, or it told none."""
    if last_time is None or doc_date is None or last_time.start < para or \
            not re.fullmatch(r"\d{4}(-\d{2})?", last_time.value):
        return None
    return last_time.value if last_time.value[:4] < f"{doc_date.year:04d}" else None


def _paragraph_day(last_time, para: int, doc_date) -> str | None:
    """The news day the sentence's own paragraph last told, in a sentence before it ("On
    Tuesday, the ministry said the talks had failed. The envoy left the capital."): what the
    paragraph tells next with no time of its own happened then. None when the paragraph told
    no day, or a day outside the news week before publication: a plan ("will vote on Friday"),
    or background ("began serving as governor on January 2, 2017. ... He announced ...")."""
    if last_time is None or doc_date is None or last_time.start < para:
        return None
    return last_time.value if _news_week_day(last_time.value, doc_date) else None


# "three days after the vote", "a week before the election": a distance from another event
_DISTANCE_WORDS = {"after", "before", "later", "earlier"}


def _days_from_another_time(sent, ctx: DocContext) -> bool:
    """A span of a day or more counted from another event ("marched three days after the vote"):
    the sentence places its event away from the day its paragraph told. A span within a day
    ("an hour and a half after the ruling") keeps that day."""
    text = ctx.document.text
    for t in cached_index(ctx.scratch, "events.times", ctx.times).within(sent.start_char, sent.end_char):
        if t.type == "DURATION" and re.fullmatch(r"P[\dX.]+[DWMY]", t.value):
            after = re.match(r"\s*([A-Za-z]+)", text[t.end:t.end + 12])
            if after and after.group(1).lower() in _DISTANCE_WORDS:
                return True
    return False


def _in_background_clause(tok) -> bool:
    """A verb in a subordinate clause ("after Moscow recognised ...", "which X had bombed")."""
    node = tok
    for _ in range(4):
        if node.dep_ == "relcl":
            return True
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS
                                        for c in node.children):
            return True
        if node.dep_ == "pcomp" and node.head.lower_ in _BACKGROUND_MARKS:
            return True
        if node.dep_ not in ("conj", "xcomp") or node.head == node:
            return False
        node = node.head
    return False


def _clause_mark(tok):
    """The subordinating word of the adverbial clause ``tok`` stands in ("as", "after"), if any."""
    node = tok
    for _ in range(4):
        if node.dep_ == "advcl":
            return next((c for c in node.children if c.dep_ == "mark"), None)
        if node.dep_ == "pcomp" and node.head.lower_ in _BACKGROUND_MARKS:
            return node.head
        if node.dep_ not in ("conj", "xcomp") or node.head == node:
            return None
        node = node.head
    return None


_SHIFT_UNITS = {"D": ("days", 1), "W": ("days", 7), "M": ("months", 1), "Y": ("months", 12)}


def _earlier_span(tok, ctx: DocContext):
    """'..., a day after deadly clashes at a rally', '... two weeks after an ambush that killed
    nine', 'The attack came a month after two assaults killed 40': the duration before the mark
    ("after", "before") whose words hold ``tok``, read on the text (a duration ending just before
    the mark) and on the parse, which joins the mark as a preposition, a conjunction, or to the
    duration. Returns (duration, mark, end of the words) or None."""
    sent, text = tok.sent, ctx.document.text
    ends = cached_index(ctx.scratch, "events.time_ends", ctx.times, start=lambda t: t.end,
                        end=lambda t: t.end)
    for mark in sent:
        if mark.i >= tok.i:
            return None
        if mark.lower_ not in ("after", "before"):
            continue
        gap = mark.idx
        while gap > 0 and text[gap - 1].isspace():
            gap -= 1
        dur = next((d for d in ends.starting_in(gap, mark.idx + 1) if d.type == "DURATION"), None)
        if dur is None or re.fullmatch(r"P(\d+)([DWMY])", dur.value) is None or mark.i == sent.start:
            continue
        unit = mark.nbor(-1)
        # the clause or phrase the duration and mark open: "a day after [50 were killed]" (a
        # clause), "two weeks after [an ambush]" (the mark's object), "a day after [clashes
        # claimed two lives]" (the verb the duration modifies, when the parser hangs it there)
        node = mark.head if mark.dep_ == "mark" else mark
        if mark.head == unit and unit.head.i > mark.i and unit.head != sent.root:
            node = unit.head
        if node == sent.root:
            node = mark
        end = tok.doc[max(t.i for t in node.subtree)]
        if mark.i < tok.i <= end.i:
            return dur, mark, end.idx + len(end.text)
    return None


def _shifted_date(found, tok, ctx: DocContext, story_day: str | None):
    """The date of an event told in ``_earlier_span`` words (``found``, its reading for ``tok``):
    the main clause's day moved by the
    duration (day precision for days and weeks, month precision for months and years). The main
    clause's day is a date its sentence tells outside those words, else the day the story last
    told ("Students marched on Wednesday. The protest came two days after police fired ...").
    None when the pattern does not hold or the main clause has no day."""
    if found is None:
        return None
    dur, mark, end = found
    sent = tok.sent
    if _times_in(ctx, sent.start_char, dur.start, dates_only=True) or \
            _times_in(ctx, end, sent.end_char, dates_only=True):
        value, precision = date_for(sent, ctx, anchor_token=sent.root)
    else:
        value, precision = story_day, "day"
    if not value or precision != "day":
        return None
    m = re.fullmatch(r"P(\d+)([DWMY])", dur.value)
    unit, mult = _SHIFT_UNITS[m.group(2)]
    n = int(m.group(1)) * mult * (-1 if mark.lower_ == "after" else 1)
    day = dt.date.fromisoformat(value[:10])
    if unit == "days":
        return (day + dt.timedelta(days=n)).isoformat(), "day"
    months = day.year * 12 + day.month - 1 + n
    return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"


# "two days later", "the day before": a span of days and the side of the day told before it
_SPAN_DAYS = {"day": 1, "week": 7}
_STORY_SIDE = {"later": 1, "after": 1, "earlier": -1, "before": -1}
_MAX_STORY_DAYS = 36_525   # a century


def _days_from_story(tok, ctx: DocContext) -> int | None:
    """'Two days later, troops retook the town', 'the army issued orders the day before': how
    many days after (negative: before) the day the story last told the event's own clause puts
    it; None without such words. 'three days after the vote' names its own anchor: not here.
    Coordinated predicates share it ("Two days later, rebels shelled the town and attacked a
    post": the attack too)."""
    doc, verb = tok.doc, governing_verb(tok)
    if verb is None:
        return None
    clause = {verb.i}
    for _ in range(4):   # "... shelled the town and attacked a post": up the coordination
        if verb.dep_ != "conj" or verb.head == verb:
            break
        verb = verb.head
        clause.add(verb.i)
    t, sent = token_table(doc), tok.sent
    for i in range(sent.start, sent.end):   # read on the table: a Token only for a day word
        if t.lemma[i].lower() not in _SPAN_DAYS or i + 1 >= len(t) or t.lower[i + 1] not in _STORY_SIDE:
            continue
        w, side = doc[i], doc[i + 1]
        gov = governing_verb(w)
        if any(True for _ in side.rights) or gov is None or gov.i not in clause:
            continue
        spans = cached_index(ctx.scratch, "events.times", ctx.times).overlapping(w.idx, w.idx + len(w.text))
        told = next((re.fullmatch(r"P(\d+)([DW])", t.value) for t in spans if t.type == "DURATION"), None)
        if told is not None:
            n = int(told.group(1)) * (7 if told.group(2) == "W" else 1)
        elif any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in w.children):
            n = _SPAN_DAYS[w.lemma_.lower()]
        else:
            continue
        # "a million days later" is no calendar day to count to
        return n * _STORY_SIDE[side.lower_] if n <= _MAX_STORY_DAYS else None
    return None


def _same_day_clause(tok) -> bool:
    """'hours after police arrested him': the clause happened the same day as the main one."""
    node = tok
    for _ in range(4):
        for c in node.children:
            if c.dep_ == "mark":
                left = c.doc[c.i - 1] if c.i > 0 else None
                return left is not None and left.lower_ in _SAME_DAY
        if node.head == node:
            return False
        node = node.head
    return False


def _measured_by_a_span(noun, ctx: DocContext) -> bool:
    """'two weeks of protests', 'three days of clashes': an event noun measured by a span of a
    day or more is a period, not a happening of one day."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.head == noun.head:
        return False
    unit = noun.head.head
    return any(t.type == "DURATION" and re.fullmatch(r"P[\dX.]+[DWMY]", t.value) for t in
               cached_index(ctx.scratch, "events.times", ctx.times).overlapping(unit.idx, unit.idx + len(unit.text)))


def _is_background(noun, lex) -> bool:
    """A nominal event mentioned in passing ("vetoed a resolution that deplored its invasion",
    "defying demands from the UN"): it is not what the sentence reports, so the sentence's
    date is not its date."""
    gov = noun
    while gov.dep_ in ("pobj", "prep", "conj", "appos", "compound", "poss") and gov.head != gov:
        gov = gov.head
    if gov == noun:
        gov = noun.head
    if gov == noun or gov.pos_ != "VERB":
        return False
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ in _DURING:
        return False    # "launched a system during a visit by Modi": the visit is that day
    cues = lex.cues
    return not any(gl in cues["light_verbs"] or gl in cues["reaction_verbs"] or gl in cues["future_governors"]
                   or gl in cues["hypothetical_governors"] or gl in cues["negating_governors"]
                   for gl in verb_forms(gov))


def _answered_for(noun, lex) -> bool:
    """'claimed responsibility for the bombing', 'took the blame for the attack': an act someone
    answers for. Its sentence's day is the claim's, whichever word the parser hangs it on."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "for" and \
        noun.head.head.lemma_.lower() in lex.cues["responsibility_nouns"]


def _doers(verb) -> list:
    """The heads that tell who does what ``verb`` tells: its subject, or its passive's by-phrase
    ("was struck by a truck"); a participle or a conjunct with no subject of its own takes the
    subject of the verb it hangs on ("an earthquake struck, injuring 25"; "the bus left the
    road and hit a wall")."""
    for _ in range(3):   # "the bus left the road and struck a wall, killing two"
        if verb.dep_ in ("advcl", "xcomp", "conj") and (verb.tag_ == "VBG" or verb.dep_ == "conj") and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.head != verb:
            verb = verb.head
    return [c if c.dep_ == "nsubj" else next((g for g in c.children if g.dep_ == "pobj"), c)
            for c in verb.children if c.dep_ in ("nsubj", "agent")]


def _is_non_agentive(verb, lex) -> bool:
    """'a canopy collapse killed 16 people', 'an earthquake struck, injuring 25', 'the storm hit
    the coast and killed four': an accident, not an attack."""
    return any(_natural_force(head, lex) for head in _doers(verb))


def _natural_force(tok, lex) -> bool:
    """A disaster, an accident or a disease ("the quake", "the storm", "a boiler"): it strikes
    and kills, but attacks nobody."""
    words = lex.cues["non_agentive_subjects"]
    return tok.lemma_.lower() in words or tok.lower_ in words


def _accidental_death(trig: Trigger, triggers: list[Trigger], sent, lex) -> bool:
    """A death or injury told with an accident or a disaster in its sentence ("killed when a
    bomber crashed", "injured in the fire") and no attack, weapon or attacker beside it."""
    if trig.extra_tokens or any(t is not trig and _category(t)[0] == "ASSAULT" and not (
            not t.nominal and _is_non_agentive(t.token, lex)) for t in triggers):
        return False   # "killed in a suicide car bombing": the bombing is folded in; but "when
        # a pipeline exploded" is the accident itself, no attack
    words = sentence_words(sent)
    if words & lex.cues["weapon_words"]:
        return False   # "killed by an improvised explosive device", "shot dead"
    return bool(words & (lex.cues["non_agentive_subjects"] | lex.cues["accident_words"]))


def _no_political_act(trig: Trigger, category: str, sent, lex) -> bool:
    """News of accidents (pattern 10): a bare vehicle that "struck" or "overran" something with
    no weapon in the sentence and no nation or force named with it ("the plane ... struck a
    deicing facility", "the aircraft overran the runway", "a cyclist was hit by a truck"), and
    the investigation of an accident ("began investigations of the crash"), are no political
    events."""
    tok = trig.token
    vehicle = category == "ASSAULT" and not trig.nominal
    inquiry = category == "ACCUSE" and (trig.cameo or "").startswith("09")
    if not (vehicle or inquiry) or \
            sentence_words(sent, {tok.i, *(t.i for t in trig.extra_tokens)}) & lex.cues["weapon_words"]:
        return False
    if vehicle:
        # "the plane", "the aircraft", "was struck by a car": a bare vehicle; "military jets",
        # "Russian drones" are a force
        return any(doer.lemma_.lower() in lex.cues["vehicle_words"] and not any(
            c.dep_ in ("amod", "compound", "poss", "nmod") for c in doer.children) for doer in _doers(tok))
    node = tok if trig.nominal else next((c for c in tok.children if c.dep_ == "dobj"), tok)
    about = {t.lower_ for t in node.subtree} | {t.lower_ for t in tok.lefts}
    return bool(about & (lex.cues["accident_words"] | lex.cues["non_agentive_subjects"]))


def _is_casualty_toll(trig: Trigger) -> bool:
    """'Two soldiers were killed.' / '..., killing nine civilians': told as a toll, with no
    attacker of its own; the toll of an attack already coded, not a new event (the caller
    decides whether there is one)."""
    tok = trig.token
    if trig.nominal or tok.lemma_.lower() not in _CASUALTY_VERBS:
        return False
    # "a sixth protester died of his wounds": its subject underwent it, as a passive's does
    passive = trig.rule.get("undergoer_subject") or any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    has_agent = any(c.dep_ == "agent" for c in tok.children)
    has_subj = any(c.dep_ == "nsubj" for c in tok.children)
    if passive and not has_agent:
        return True
    return tok.dep_ in ("advcl", "conj", "xcomp") and not has_subj and (tok.tag_ == "VBG" or tok.dep_ == "conj")


def _another_incident(trig: Trigger, earlier: list[Event], tolled: Event | None) -> bool:
    """A killing told with no attacker after an attack already coded is that attack's toll,
    unless its sentence sets it apart: an attack of its own brought in as new ("was killed in a
    U.S. strike", "in an ambush": an indefinite noun; "in the attack" is the one told), or a day
    or a place of its own that disagrees with every attack told before ("Eleven people were
    killed in Beni on Tuesday" after a Monday attack near Goma). ("In a separate incident" alone
    would not do: coreference would join the two again on their agreeing day and place.)
    ``tolled``: the attack told before whose day and place the killing agrees with
    (``_attack_tolled``)."""
    if any(t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in _NEW_REFERENT_DETERMINERS
                                    for c in t.children) for t in trig.extra_tokens):
        return True
    return tolled is None and any(e.category == "ASSAULT" and e.modality == "asserted" for e in earlier)


def _attack_tolled(event: Event, earlier: list[Event], told_here: bool, told: set[int],
                   reported: set[int]) -> Event | None:
    """The last asserted attack told before whose day and place a toll with no attacker of its
    own (``event``) agrees with, as ``_another_incident`` reads them."""
    told = set(told) | ({id(event)} if told_here else set())
    return next((e for e in reversed(earlier) if e.category == "ASSAULT" and e.modality == "asserted"
                 and dates_agree(event, e, told, reported) and places_agree(event, e)), None)


def _fold_triggers(triggers: list[Trigger]) -> list[Trigger]:
    """Merge a nominal trigger into the verb trigger it belongs to."""
    by_i = {t.token.i: t for t in triggers}
    dropped: set[int] = set()
    lex = load_lexicon()
    for t in triggers:
        if not t.nominal:
            continue
        tok = t.token
        gov = tok.head
        if tok.dep_ == "pobj" and gov.dep_ in ("prep", "agent"):
            gov = gov.head
            if gov.dep_ in ("dobj", "attr") and gov.pos_ in ("NOUN", "NUM") and (gov.lemma_.lower() in (
                    "state", "declaration", "imposition", "lifting", "series", "wave", "round", "number")
                    or gov.like_num or any(c.dep_ in ("nummod", "quantmod") for c in gov.children)):
                # "declared a state of emergency", "launched a wave of strikes", "suspended
                # $3.5 million in military aid": the noun is what the verb acts on
                tok = gov
                gov = gov.head
        vt = by_i.get(gov.i)
        if vt is None or vt.nominal or vt.token.i in dropped:
            continue
        vcat, _ = _category(vt)
        ncat, _ = _category(t)
        vlemma = vt.token.lemma_.lower()
        governs = vlemma in lex.cues["future_governors"] or vlemma in lex.cues["hypothetical_governors"] \
            or vlemma in ("threaten", "vow", "warn", "pledge", "promise", "offer", "agree")
        if vt.source == "verb" and vlemma in lex.cues["repressing_verbs"] and ncat != vcat:
            continue   # "crushed the protest": the protest is its targets' act; the verb keeps its own kind
        if tok.dep_ in ("nsubj",) and ncat == "ASSAULT" and vcat == "ASSAULT":
            # "airstrikes killed 12": the attack noun is the event, the verb its evidence
            vt.cameo = t.cameo if t.cameo[:2] in _ATTACK_NOUN_CODES else vt.cameo
            vt.extra_tokens.append(tok)
            vt.extra_tokens.extend(t.extra_tokens)
            vt.rule = dict(vt.rule, noun_subject=tok.i)
            dropped.add(tok.i)
        elif (tok.dep_ in ("dobj", "attr", "oprd") and (ncat == vcat or not governs)) or \
                (tok.dep_ == "pobj" and ncat == vcat):
            tok = t.token
            if vcat in ("ACCUSE", "REQUEST", "REJECT") and ncat != vcat:
                continue  # content: the modality reader suppresses or keeps it
            vt.extra_tokens.append(tok)
            vt.extra_tokens.extend(t.extra_tokens)
            if vt.source == "verb" and ncat:
                # the dictionary only knew the verb ("reimposed"); the noun is specific ("blockades")
                vt.cameo = t.cameo
                vt.rule = dict(t.rule)
                vt.source, vt.specificity = t.source, max(vt.specificity, t.specificity)
            dropped.add(tok.i)
    # "used tear gas to disperse demonstrators": a purpose clause of the same kind is one event
    for t in triggers:
        tok = t.token
        if t.nominal or tok.i in dropped or tok.dep_ not in ("xcomp", "advcl"):
            continue
        vt = by_i.get(tok.head.i)
        if vt is None or vt.nominal or vt.token.i in dropped:
            continue
        if _category(vt)[0] == _category(t)[0] and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            vt.rule = dict(vt.rule, purpose=tok.i)
            dropped.add(tok.i)
    # demands voiced by demonstrating belong to the protest ("marched, demanding ...")
    protest_heads = set()
    for t in triggers:
        if _category(t)[0] == "PROTEST" and t.token.i not in dropped:
            protest_heads.add(t.token.i)
            if t.nominal and t.token.dep_ == "dobj":
                protest_heads.add(t.token.head.i)   # "staged demonstrations to demand ..."
    for t in triggers:
        tok = t.token
        if t.nominal or tok.i in dropped:
            continue
        if _category(t)[0] not in ("REQUEST", "ACCUSE") or \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            continue
        node = tok
        for _ in range(3):   # "rallied ..., saying he must resign", "marched to demand ..."
            if node.dep_ not in ("advcl", "acl", "conj", "xcomp", "ccomp") or node.head == node:
                break
            node = node.head
            if node.i in protest_heads:
                dropped.add(tok.i)
                break
    return [t for t in triggers if t.token.i not in dropped]


def _evidence(trig: Trigger, doc):
    toks = [trig.token] + list(trig.extra_tokens)
    tok = trig.token
    if trig.nominal and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in _EVENT_SUBJECT_VERBS:
        toks.append(tok.head)
        toks.extend(c for c in tok.head.children if c.dep_ == "prt")
    if trig.nominal and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and \
            load_lexicon().triggers_verbs.get(tok.head.lemma_.lower(), [{}])[0].get("light"):
        toks.append(tok.head)
    if not trig.nominal:
        toks.extend(c for c in tok.children if c.dep_ == "prt")
    if trig.rule.get("deontic") or "statement" in trig.rule:
        toks.extend(c for c in tok.children if c.dep_ == "aux")
    sent = tok.sent
    toks = [t for t in toks if sent.start <= t.i < sent.end]
    i, j = min(t.i for t in toks), max(t.i for t in toks)
    if j - i > 12:
        i = j = tok.i
    span = doc[i:j + 1]
    return span.start_char, span.end_char


def _event_actor(side, sector: str | None = None) -> EventActor | None:
    if side is None:
        return None
    return EventActor(actor=side.actor, text=side.text, country=side.country, sector=sector or side.sector)


_PERSONAL = {"i", "me", "we", "us", "you"}
_DEP_BUCKETS = {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "pcomp", "nsubj",
                "nsubjpass", "dobj", "pobj", "attr"}


def _tense(tok) -> str:
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "shall", "'ll", "would", "could", "may", "might", "should", "must"}:
        return "modal"
    if auxes & {"has", "have", "had", "'ve"}:
        return "perfect"
    return tok.tag_ if tok.tag_ in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB") else "other"


def _present_stance(verb) -> bool:
    """A verb in the present or present perfect ("accuses", "is threatening", "has warned")."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"has", "have", "'ve"} or (verb.tag_ == "VBG" and auxes & {"is", "are", "'s", "'re"}):
        return True
    return verb.tag_ in ("VBZ", "VBP") and not auxes


def _simple_past(verb) -> bool:
    """A verb in the simple past ("urged", not "had urged", "was urged" or "has urged")."""
    return verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _named(side) -> bool:
    return side is not None and (side.head.pos_ == "PROPN" or side.head.ent_type_ in (
        "PERSON", "ORG", "GPE", "NORP"))


def confidence_features(trig: Trigger, src, tgt, category: str, modality: Modality,
                        sent=None, ctx: DocContext | None = None,
                        lead_end: int | None = None) -> dict[str, float]:
    """What the confidence model looks at: how the trigger was found and where it stands
    (clause, tense, quote, lead), whether its actors are named and resolved, its modality and
    kind of event. No word of the trigger itself: the model must not learn phrases."""
    tok = trig.token
    f = {f"source={trig.source}": 1.0, "specificity": min(trig.specificity, 4) / 4,
         "has_source": float(src is not None), "source_country": float(bool(src and src.country)),
         "has_target": float(tgt is not None), "target_country": float(bool(tgt and tgt.country)),
         "source_named": float(_named(src)), "target_named": float(_named(tgt)),
         "source_sector": float(bool(src and src.sector)), "target_sector": float(bool(tgt and tgt.sector)),
         "not_asserted": float(modality.value != "asserted"),
         "multiword_evidence": float(bool(trig.extra_tokens)),
         "nominal": float(trig.nominal),
         f"quad={quad_class(category) or 0}": 1.0,
         f"category={category}": 1.0,
         f"category={category}|target={int(tgt is not None)}": 1.0,
         f"dep={tok.dep_ if tok.dep_ in _DEP_BUCKETS else 'other'}": 1.0,
         f"tense={_tense(tok) if not trig.nominal else 'noun'}": 1.0}
    # a thing done to, not an actor ("struck a deicing facility", "released a summary"): the
    # verb's object is there but never became the target
    f["thing_object"] = float(tgt is None and not trig.nominal and
                              any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in tok.children))
    f["first_or_second_person"] = float(any(
        s is not None and s.head.lower_ in _PERSONAL for s in (src, tgt)))
    f["deontic"] = float(bool(trig.rule.get("deontic")))
    if sent is not None and ctx is not None:
        # the kept text cut by the sentence's offsets: ``Span.text`` joins its tokens anew
        f["caption"] = float(photo_caption(doc_text(sent.doc)[sent.start_char:sent.end_char]))
        f["sentence_has_date"] = float(_times_in(ctx, sent.start_char, sent.end_char, dates_only=True))
        f["in_quote"] = float(any(q.direct for q in
                                  cached_index(ctx.scratch, "events.quotes", ctx.quotes).holding(tok.idx)))
        if lead_end is None:
            lead_end = _lead_end(ctx.document.text, 400)
        f["lead"] = float(sent.start_char < lead_end)
    return f


@functools.lru_cache(maxsize=1)
def _confidence_model() -> dict | None:
    """Logistic weights fitted by scripts/train_confidence.py (data/confidence.json)."""
    try:
        with resources.files("eventwire").joinpath("events/data/confidence.json").open() as fh:
            return json.load(fh)
    except (FileNotFoundError, OSError, ValueError):
        return None


def min_confidence() -> float:
    if MIN_CONFIDENCE is not None:
        return MIN_CONFIDENCE
    model = _confidence_model()
    return model.get("threshold", 0.7) if model else 0.7


def _confidence(trig: Trigger, src, tgt, category: str, modality: Modality,
                feats: dict[str, float]) -> float:
    """The model's probability for an event with features ``feats``; without a model, the
    heuristic score."""
    model = _confidence_model()
    if model is not None:
        z = model["bias"] + sum(model["weights"].get(k, 0.0) * v for k, v in feats.items())
        return round(1.0 / (1.0 + math.exp(-z)), 3)
    return _heuristic_confidence(trig, src, tgt, category, modality)


def _heuristic_confidence(trig: Trigger, src, tgt, category: str, modality: Modality) -> float:
    base = {"rule": 0.62, "pattern": 0.55, "verb": 0.4, "noun": 0.5}[trig.source]
    base += 0.05 * min(trig.specificity, 3)
    if src is not None and src.country:
        base += 0.12
    elif src is not None:
        base += 0.05
    if tgt is not None and tgt.country:
        base += 0.05
    if modality.value != "asserted":
        base -= 0.05
    return round(max(0.05, min(0.97, base)), 3)


def code_events(doc, ctx: DocContext) -> list[Event]:
    lex = load_lexicon()
    events: list[Event] = []
    doc_date = ctx.document.date
    coded_assault = False
    doc_country = _document_country(doc, ctx)
    seen_codes: set = set()
    seen_categories: set = set()
    prior_sources: list = []
    side_countries: dict = {}
    told_dates: set[int] = set()   # events dated by a time expression of their own sentence
    reported: set[int] = set()     # events whose sentence's only day is the dateline's
    one_act: set[tuple[int, int]] = set()   # event pairs the syntax tells are one act
    listed: set[tuple[int, int]] = set()    # ... and pairs it tells are two ("X and Y")
    fights: set[int] = set()                # assaults told as fights ("clashed", "fighting")
    phased: set[int] = set()                # events told through a phase ("began", "continued")
    news_peg = _news_peg(ctx)
    lead_end = _lead_end(ctx.document.text, 400)   # the confidence model's "lead" feature
    last_date: tuple[str | None, str | None] = (None, None)
    last_para = -2   # the paragraph last_date was told in
    last_told: dict[str, Event] = {}   # the last asserted event of each category told
    earlier_events: set[int] = set()   # events told as "a day after ..." another's day
    dateline = dateline_end(ctx.document.text)
    flattened = lost_paragraphs(ctx.document.text)
    # the last time the story told before the sentence at hand (not one naming a thing)
    dated_times = sorted((t for t in ctx.times if t.type == "DATE" and t.value[:1].isdigit()),
                         key=lambda t: t.start)
    next_time, last_time = 0, None
    for sent in doc.sents:
        while next_time < len(dated_times) and dated_times[next_time].start < sent.start_char:
            span = doc.char_span(dated_times[next_time].start, dated_times[next_time].end,
                                 alignment_mode="expand")
            if span is None or not len(span) or not dates_a_thing(span.root):
                last_time = dated_times[next_time]
            next_time += 1
        # where its paragraph starts; in a flattened text each sentence stands for one, as a
        # news paragraph mostly is one sentence
        para = sent.start_char if flattened else ctx.document.text.rfind("\n", 0, sent.start_char)
        triggers = _conditional_statements(_fold_triggers(find_triggers(sent, lex)), lex)
        sent_has_time = _times_in(ctx, sent.start_char, sent.end_char)
        sent_has_date = _times_in(ctx, sent.start_char, sent.end_char, dates_only=True)
        past_frame = None if sent_has_time or flattened else _past_frame(last_time, para, doc_date)
        para_day = None if sent_has_time or flattened else _paragraph_day(last_time, para, doc_date)
        sent_country = _sentence_country(sent, ctx)
        sent_events: list[tuple[Event, Trigger]] = []
        for trig in triggers:
            if _verbal_attack(trig, lex):
                trig.cameo, trig.rule = "111", dict(trig.rule, acled=None)
            category, row = _category(trig)
            if category is None or row is None:
                continue
            tok = trig.token
            if not trig.nominal and category == "ASSAULT" and "noun_subject" not in trig.rule and \
                    _is_non_agentive(tok, lex):
                continue   # an attack noun as subject ("artillery fire killed four") is no accident
            if _no_political_act(trig, category, sent, lex):
                continue
            # "Troops battled rebels, a day after 50 people were killed in clashes": a toll told
            # in an earlier event's words is not the toll of the sentence's main attack
            earlier_span = _earlier_span(tok, ctx)
            same_sentence_assault = any(e.category == "ASSAULT" and (id(e) in earlier_events) == (earlier_span is not None)
                                        for e, _ in sent_events)
            if category == "ASSAULT" and same_sentence_assault and _is_casualty_toll(trig):
                continue
            if trig.rule.get("deontic"):
                modality = Modality("asserted", cue="must")
            elif "statement" in trig.rule:
                modality = Modality("asserted", cue=doc[trig.rule["statement"]].lower_)
            else:
                modality = modality_of(tok, nominal=trig.nominal)
            if modality.suppressed:
                continue
            if modality.value == "asserted" and "statement" not in trig.rule and asked_about(tok):
                modality = Modality("hypothetical", cue="?")   # asked about, not told
            outer = _outer_verb(trig)
            if modality.value == "asserted" and (clause_kind(_clause_verb(trig)) != EPISODIC or (
                    outer is not None and clause_kind(outer, simple_present=False) != EPISODIC) or (
                    trig.nominal and noun_kind(tok) != EPISODIC)):
                continue   # "frequently attacks", "have been fighting since 1969": no dated event
            if modality.value == "asserted" and not trig.nominal and _recalled(tok, lex):
                continue   # "Pelosi had previously opposed impeachment": history, not news
            if trig.rule.get("negated"):
                modality = Modality("negated", cue="without")
            symmetric = bool(trig.rule.get("symmetric"))
            src_tok, tgt_tok = stance_sides(tok) if trig.rule.get("stance") else \
                find_participants(trig, symmetric, category)
            if src_tok is None and "readiness" in trig.rule:   # "announced its intention to": the speaker commits
                src_tok = next((c for c in doc[trig.rule["statement"]].children if c.dep_ == "nsubj"), None)
            if category not in _AIMED_AT_PLACES:
                src_tok, tgt_tok = (None if is_scene(t, ctx) else t for t in (src_tok, tgt_tok))
            src = resolve_side(src_tok, ctx, doc)
            tgt = resolve_side(tgt_tok, ctx, doc)
            if src is not None and tgt is not None and (src.start, src.end) == (tgt.start, tgt.end):
                tgt = None
            if trig.rule.get("stance") and not voiced_by_a_party(src):
                continue   # "residents expressed anger": a private feeling, no party's act
            if category == "ASSAULT" and not trig.nominal and "noun_subject" not in trig.rule and \
                    src is not None and _natural_force(src.head, lex):
                continue   # a doer found through a relative clause or a chain of participles is a
                # quake or a storm ("the quake, which struck at dawn", "..., killing 10 people")
            if trig.rule.get("deontic") and src is not None and tgt is not None and src.country and \
                    (src.country, src.sector) == (tgt.country, tgt.sector):
                continue   # "Johnson said Britain must leave the EU": its own stance, asked of no one
            if tgt is None and src is not None and (category in _REACTIVE or (
                    category == "THREATEN" and told_as_reply(tok))):
                # "Moscow vowed to respond in kind", "North Korea responded by threatening ...":
                # a reaction is aimed at the last other party that acted
                told_before = [t.rule["_src"] for _, t in sent_events if t.rule.get("_src") is not None]
                for other in reversed(prior_sources + told_before):
                    if other.country and (other.country != src.country or (
                            other.sector and src.sector and other.sector != src.sector)):
                        tgt = other   # another country, or another branch ("parliament voted
                        break         # to overturn the decree" of the president)
            misread = _misread(trig, category, src, triggers)
            if misread == "none":
                continue
            if misread in _MISREAD_CODES:
                trig.cameo = _MISREAD_CODES[misread]
                category, row = describe_code(trig.cameo)
                trig.rule = dict(trig.rule, acled=None)
            if row.code.startswith("05") and row.code in ("051", "052") and tgt is None and not trig.rule.get("stance"):
                continue   # praise or defence of a thing, not of a political actor
            # date
            date = precision = None
            shift = None
            background = trig.nominal and _is_background(tok, lex)
            own0, own1 = _own_range(tok)
            told_then = None if trig.nominal else time_a_clause_tells_of(tok, ctx)
            earlier = _shifted_date(earlier_span, tok, ctx, last_date[0] if last_date[1] == "day" else None) if \
                modality.value in ("asserted", "negated") and not _times_in(ctx, own0, own1, dates_only=True) else None
            # the event of its kind the story told before, which a definite noun names again
            told_before = next((e for e, _ in reversed(sent_events) if e.category == category
                                and e.modality == "asserted"), None) or last_told.get(category)
            if told_then is not None and modality.value in ("asserted", "negated"):
                # "since July, when the army ousted Morsi": the time the clause describes
                date, precision = told_then
            elif earlier is not None:
                # "a day after clashes killed two", "The attack came a month after two assaults
                # ...": an earlier event, on its own day counted back from the main clause's
                date, precision = earlier
            elif trig.nominal and modality.value == "asserted" and _answered_for(tok, lex) and \
                    refers_back(tok) and told_before is not None:
                # "Al Shabaab claimed responsibility for the attack on Sunday": the attack told
                # before, on its own day; Sunday may be the claim's
                date, precision = told_before.date, told_before.date_precision
            elif background or _in_background_clause(tok):
                # mentioned in passing ("after Moscow recognised ..."): dated only by its own words
                if _times_in(ctx, own0, own1, dates_only=True):
                    span = doc.char_span(own0, own1, alignment_mode="expand") or sent
                    date, precision = date_for(span, ctx, anchor_token=tok)
                elif not trig.nominal and _same_day_clause(tok) and modality.value == "asserted":
                    date, precision = date_for(sent, ctx, anchor_token=tok)
                elif modality.value in ("asserted", "negated") and not background:
                    mark = _clause_mark(tok)
                    if mark is not None and mark.lower_ in _SIMULTANEOUS_MARKS:
                        date, precision = date_for(sent, ctx, anchor_token=tok)
                elif background and modality.value == "asserted" and refers_back(tok):
                    # "thanked his hosts before the talks", "after the meeting, they signed":
                    # the definite noun names the event of its kind the story told before
                    # (guideline: the event's own time, never an unrelated clause's)
                    if told_before is not None:
                        date, precision = told_before.date, told_before.date_precision
            elif modality.value in ("asserted", "negated"):
                anchor = doc[trig.rule["statement"]] if "statement" in trig.rule else tok
                shift = _days_from_story(tok, ctx) if not sent_has_date and last_date[1] == "day" else None
                if shift is not None:   # "two days later": from the day the story just told
                    date = (dt.date.fromisoformat(last_date[0]) + dt.timedelta(days=shift)).isoformat()
                    precision = "day"
                elif not sent_has_time and past_frame is not None:
                    # "In 2014 the two officers met her at a pub. They traveled to Canada.": told
                    # in the past the story turned to, not on the news day; a month the story
                    # goes on in is carried ("In March 2019, gunmen attacked ... They stabbed ...")
                    date, precision = last_date if last_date == (past_frame, "month") else (None, None)
                elif not sent_has_time and sent.start_char >= lead_end and "statement" not in trig.rule \
                        and not trig.nominal and is_verbal(category) and _present_stance(tok):
                    # "China is threatening to cut supplies", "Trump has said he would ...": a
                    # stance held now, told outside the lead with no time: no day of its own
                    date, precision = None, None
                elif para_day is not None and (last_date[0] is None or last_para != para):
                    # the paragraph told its day before, in a sentence the story's chain of
                    # events did not date from ("On Tuesday, the ministry said ... The envoy
                    # left."): its undated acts happened then, not on the lead's day
                    date, precision = para_day, "day"
                elif not sent_has_time and last_date[0] is not None and last_para != para and \
                        sent.start_char >= lead_end:
                    # a later paragraph with no time of its own, after the story told its day:
                    # background or context has no day; a deed told in the simple past ("Lee
                    # urged the council to resign") is reported as news, on the lead's day
                    # (guideline: undated events get the day only where told as the news)
                    # (a statement: told in its speech verb's tense)
                    told_as_news = news_peg is not None and not trig.nominal and _simple_past(anchor)
                    date, precision = (news_peg, "day") if told_as_news else (None, None)
                elif not sent_has_time and last_date[0] is not None and last_date[1] != "year":
                    # the story goes on: the day (or month) it was just told of; a bare year
                    # ("the last coup in 2006") dates only its own clause
                    date, precision = last_date
                elif not sent_has_time and news_peg is not None:
                    # nothing told yet: the day the lead puts the news on ("yesterday", "on
                    # Wednesday"), not the day it was published
                    date, precision = news_peg, "day"
                else:   # a statement is dated by its speech verb ("said on Thursday he would")
                    told = time_for(sent, ctx, anchor_token=anchor)
                    if told is None and not _days_from_another_time(sent, ctx):
                        # a sentence whose times the event cannot take ("followed two weeks of
                        # protests", "an hour and a half after the ruling") is told on its
                        # paragraph's news day, if the paragraph told one
                        day = _paragraph_day(last_time, para, doc_date)
                        told = (day, "day") if day else None
                    # else the times stage's last resort: the publication day
                    date, precision = told or ((doc_date.isoformat(), "day") if doc_date else (None, None))
            elif _times_in(ctx, own0, own1, dates_only=True):
                # a plan is dated only by a date of its own ("will march again on 27 March")
                span = doc.char_span(own0, own1, alignment_mode="expand") or sent
                date, precision = date_for(span, ctx, anchor_token=tok)
            if date and precision == "day" and trig.nominal and _measured_by_a_span(tok, ctx):
                # "followed two weeks of protests": a period, not one day (guideline: a time
                # the text gives only to the week or month is dated to its month)
                date, precision = date[:7], "month"
            if date and doc_date and modality.value in ("asserted", "negated") and \
                    date > doc_date.isoformat()[:len(date)]:
                date, precision = doc_date.isoformat(), "day"
            # place
            verbal = is_verbal(category)
            # a statement is placed only where the text says it was made ("told reporters in
            # Kabul"); its sides and topics ("demanded an explanation from Russia") are not
            # where it happened
            place = event_place(sent, ctx, tok, locative_only=verbal,
                                sides=[(x.start, x.end) for x in (src, tgt) if x] if verbal else (),
                                partners=[(x.start, x.end) for x in (src, tgt) if x])
            # told in the sentence itself, not the document's focus that happens to be named there
            place_in_sentence = place is not None and place.from_ in ("trigger", "clause", "sentence")
            # actors without a country: where it happened (gunmen, villagers, police)
            # a side named without its country ("police", "gunmen") is of the country where
            # the event is told to happen; else of the country the whole article is about, if
            # one dominates it; never merely the first or last country named
            fallback_country = place.country if place is not None and place_in_sentence else doc_country
            for side, other in ((src, tgt), (tgt, src)):
                # "fighting between the army and the RSF": an unnamed state force fights in
                # the country of the non-state group it fights
                if side is not None and other is not None and category == "ASSAULT" and \
                        side.country is None and other.country and side.head.pos_ == "NOUN" and \
                        other.sector in _NON_STATE and side.sector not in ("IGO", "NGO"):
                    side.country = other.country
            for side, other in ((src, tgt), (tgt, src)):
                if side is None or side.sector in ("IGO", "NGO"):
                    continue
                head_key = side.head.lemma_.lower()
                if side.country is not None and place_in_sentence and place.country and \
                        side.sector in _NON_STATE and side.country != place.country and \
                        country_guessed(side.head.idx, ctx):
                    # "4,000 people marched in Basra demanding that British authorities ...":
                    # the actors stage guessed the nearest country named; unnamed civilians or
                    # armed groups are of the country where the event is told to happen
                    # (guideline). Not state forces: "pulling troops back from Ukraine's border"
                    side.country = place.country
                if side.country is None:
                    side.country = _anaphoric_country(side, doc, ctx, fallback_country)
                if side.country is not None:
                    side_countries.setdefault(head_key, side.country)
                    continue
                if head_key in side_countries and side.head.pos_ == "NOUN":
                    side.country = side_countries[head_key]   # "three more hostages": as before
                    continue
                if side.sector and side.head.pos_ != "PROPN" and fallback_country and \
                        not any(t.lower_ in _SUPRANATIONAL for t in side.head.subtree) and not (
                            verbal and not place_in_sentence and other is not None and
                            other.country == fallback_country):
                    # "gunmen", "police": where it happened; but "the chancellor demanded an
                    # explanation from Belarus" in an article about Belarus: a statement's
                    # unnamed speaker is not of the country it addresses
                    side.country = fallback_country
                elif side.head.pos_ == "PROPN" and side.head.ent_type_ == "PERSON" and sent_country:
                    side.country = sent_country         # a person named with one country only
            unmix_counterparts(src, tgt)
            if not political_event(tok, trig.nominal, category, src, tgt, ctx):
                continue   # a company's, a band's, a family's affair; a forecast; a question
            mode = trig.rule.get("mode", row.mode) if "mode" in trig.rule else row.mode
            e0, e1 = _evidence(trig, doc)
            feats = confidence_features(trig, src, tgt, category, modality, sent, ctx, lead_end)
            event = Event(
                id="E0", category=category, mode=mode, cameo=row.code, goldstein=row.goldstein,
                quad_class=quad_class(category), acled_event_type=trig.rule.get("acled"),
                source=_event_actor(src), target=_event_actor(tgt, victim_sector(tgt, category)),
                date=date, date_precision=precision if date else None, place=place,
                modality=modality.value,
                sentence=SentenceSpan(start=sent.start_char, end=sent.end_char),
                evidence=Mention(start=e0, end=e1, text=ctx.document.text[e0:e1]),
                confidence=_confidence(trig, src, tgt, category, modality, feats))
            if event.confidence < min_confidence():
                continue
            if category == "ASSAULT" and not same_sentence_assault and coded_assault and _is_casualty_toll(trig):
                # an event told after "a day after" has its own, earlier day
                told_here = earlier is not None or (sent_has_date and _day_of_its_own(trig, sent, ctx, lex))
                attack = _attack_tolled(event, events, told_here, told_dates, reported)
                if not _another_incident(trig, events, attack):
                    # "Seven passengers were killed.": the toll of the attack told before, which
                    # takes the day and the narrower place it tells ("in Kidal early Saturday")
                    if attack is not None:
                        take_restatement(attack, event, day=told_here)
                    continue
            told_noun = tok if trig.nominal else (
                doc[trig.rule["noun_subject"]] if "noun_subject" in trig.rule else None)
            if category == "ASSAULT" and not trig.nominal and src is None and \
                    tok.lemma_.lower() in _CASUALTY_VERBS and _accidental_death(trig, triggers, sent, lex):
                continue   # "seven were killed when a bomber crashed": a death, not an attack
            if (trig.nominal and not (src or tgt) and (row.code, tok.lemma_.lower()) in seen_codes and
                    not introduced_as_another(tok)) or (
                    told_noun is not None and refers_back(told_noun) and category in seen_categories and
                    (trig.nominal and not src or not trig.nominal)):
                # "the state of emergency" again, "the attack", "Monday's attack": the event
                # already coded, told again: one more mention of it
                told_before = [e for e in reversed(events + [x for x, _ in sent_events]) if e.category == category]
                # the nearest one it could be a mention of (of its mode, day, place, sides), else the nearest
                earlier = next((e for e in told_before if corefer(e, event, told_dates, reported=reported)), None)
                if earlier is not None:
                    take_restatement(earlier, event)
                earlier = earlier or (told_before[0] if told_before else None)
                if earlier is not None:
                    earlier.mentions.append(event.evidence)
                continue
            if src is None and tgt is None and category not in _ACTORLESS_OK and not (
                    trig.nominal and cached_index(ctx.scratch, "events.places", ctx.places).within(
                        sent.start_char, sent.end_char)):
                continue   # no actor and no place: a generic mention ("That's met here", "peace talks")
            seen_codes.add((row.code, tok.lemma_.lower()))
            seen_categories.add(category)
            seen_codes.update((row.code, t.lemma_.lower()) for t in trig.extra_tokens)
            if src is not None:
                trig.rule = dict(trig.rule, _src=src)
            event.claimed_by = _claimant(tok, ctx, doc)
            sent_events.append((event, trig))
            if shift is not None or earlier is not None:
                told_dates.add(id(event))   # "two days later" is a time of its own sentence
            if earlier is not None:
                earlier_events.add(id(event))
            ctx.event_features[(e0, e1)] = feats
        told = [(e, t.token) for e, t in sent_events]   # the sentence's events by trigger token
        aims = aims_of_other_acts(told)
        for event, _ in sent_events:
            if id(event) in aims and event.modality == "asserted":
                event.modality = "future"   # "crossed the border to back up the rebels": an aim
        for event, trig in sent_events:
            if trig.rule.get("_src") is not None:
                prior_sources.append(trig.rule["_src"])
            if event.category == "ASSAULT" and event.modality == "asserted":
                coded_assault = True
            if event.modality == "asserted" and event.date and "statement" not in trig.rule and \
                    id(event) not in earlier_events:
                # a commitment's day is when it was said, not the day of the news told next; an
                # earlier event's ("a week after police fired ...") is not the story's day either
                last_date = (event.date, event.date_precision)
                last_para = para
        listed |= told_as_another(sent_events, events)
        events.extend(e for e, _ in sent_events)
        last_told.update((e.category, e) for e, _ in sent_events if e.modality == "asserted")
        one_act |= purpose_links(told)
        listed |= listed_apart(told)
        fights |= told_as_fight(sent_events)
        phased |= told_as_phase(told)
        if sent_has_date:
            # a day only the dateline gives ("KABUL, March 5 (Reuters) -") is the report's: it
            # bounds the act's day, which a restatement tells ("took place ... on Sunday")
            only_dateline = sent.start_char < dateline and not _times_in(
                ctx, dateline, sent.end_char, dates_only=True)
            (reported if only_dateline else told_dates).update(id(e) for e, _ in sent_events)
    # a day told for a phase of an undertaking ("began Wednesday", "continued Thursday") does
    # not tell its mentions apart
    events = merge_coreferent(events, told_dates - phased, one_act, listed, fights, reported=reported - phased)
    assign_event_types(events, ctx.document.text)
    attach_casualties(events, doc, ctx.document.text)
    attach_geo(events, ctx)
    for k, e in enumerate(events, 1):
        e.id = f"E{k}"
    return events


def _claimant(tok, ctx: DocContext, doc) -> EventActor | None:
    """Whose claim an event is when it is told only inside a direct quotation ("'They fired at
    everyone,' a survivor said") or under a verb of contested assertion ("Y claimed that ...",
    "X alleged ..."); None when the text reports it in its own voice."""
    quote = next((q for q in cached_index(ctx.scratch, "events.quotes", ctx.quotes).holding(tok.idx)
                  if q.direct), None)
    if quote is not None and quote.speaker is not None:
        actor = next((a for a in known_actors(ctx) if a.id == quote.speaker.actor), None)
        return EventActor(actor=quote.speaker.actor, text=quote.speaker.text,
                          country=actor.country if actor else None, sector=actor.sector if actor else None)
    node = tok
    for _ in range(4):
        if node.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or node.head == node:
            break
        node = node.head
        if node.lemma_.lower() in load_lexicon().cues["claim_verbs"]:
            subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
            side = resolve_side(subj, ctx, doc) if subj is not None else None
            return _event_actor(side)
    return None


_COUNTRY_NOUNS = {"country", "nation"}
# "six world powers", "Western donors": groups of countries, not people of the place
_SUPRANATIONAL = {"world", "international", "western", "global", "foreign", "regional"}
_NON_STATE = {"REB", "UAF", "OPP", "CVL", "CRM", "INS"}
_POSS_PRONOUNS = {"its", "their"}


def _actor_country_at(tok, ctx: DocContext) -> str | None:
    actor = actor_at(tok.idx, tok.idx + len(tok.text), ctx)
    return actor.country if actor is not None else None


def _anaphoric_country(side, doc, ctx: DocContext, fallback: str | None) -> str | None:
    """'out of the country', "the country's tribunal": the last country named before it;
    'its leaders', 'their supporters': the country where the text is set."""
    from .participants import _country_of_tokens

    span = doc.char_span(side.start, side.end, alignment_mode="expand")
    if span is None:
        return None
    if any(t.lower_ in ("countries", "nations") and any(c.lower_ in ("both", "two") for c in t.children)
           for t in span):
        # "against both countries": the pair named before, represented by its first member
        for ent in reversed([e for e in doc_entities(doc) if e.end_char <= side.start and e.label_ == "GPE"]):
            root = ent.root
            first = root.head if root.dep_ == "conj" else (
                root if any(c.dep_ == "conj" for c in root.children) else None)
            if first is not None:
                code = _actor_country_at(first, ctx) or _country_of_tokens([first])
                if code:
                    return code
        return None
    if any(t.lower_ in _COUNTRY_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
           for t in span):
        named: list = []
        for actor in known_actors(ctx):
            if actor.type == "country" and actor.country:
                named += [(m.start, actor.country) for m in mentions_of(actor, ctx) if m.end <= side.start]
        named += [(e.start_char, _country_of_tokens(list(e))) for e in doc_entities(doc)
                  if e.label_ in ("GPE", "NORP") and e.end_char <= side.start]
        named = [n for n in named if n[1]]
        return max(named)[1] if named else None
    if side.head.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in _POSS_PRONOUNS
                                        for c in side.head.children):
        return fallback
    return None


def _sentence_country(sent, ctx: DocContext) -> str | None:
    """The one country a sentence names (places, nationalities), or None when it names
    none or several."""
    from .participants import _country_of_tokens

    found = {p.country for p in cached_index(ctx.scratch, "events.places", ctx.places).starting_in(
        sent.start_char, sent.end_char) if p.country}
    for ent in entities_in(sent):
        if ent.label_ in ("GPE", "NORP", "LOC"):
            code = _country_of_tokens(list(ent))
            if code:
                found.add(code)
    return found.pop() if len(found) == 1 else None


# The article is about one country when it holds at least this share of the country mentions.
DOMINANT_COUNTRY_SHARE = 0.5


def _document_country(doc, ctx: DocContext) -> str | None:
    """The country the document is mostly about (its places, else country words in the text),
    or None when no country dominates it."""
    from collections import Counter

    from .participants import _country_of_tokens

    counts: Counter = Counter()
    for p in ctx.places:
        if p.country:
            counts[p.country] += 1.0
    for ent in doc_entities(doc):
        if ent.label_ in ("GPE", "LOC", "FAC", "NORP"):
            code = _country_of_tokens(list(ent))
            if code:
                # a place named in the text counts more than a nationality adjective
                counts[code] += 0.5 if ent.label_ == "NORP" else 1.0
    if not counts:
        return None
    code, top = counts.most_common(1)[0]
    return code if top >= DOMINANT_COUNTRY_SHARE * sum(counts.values()) else None
