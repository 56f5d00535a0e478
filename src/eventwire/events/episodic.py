"""Is a clause a specific, dated happening, or a generic, habitual or historical statement?

PLOVER codes specific events. News also says what groups usually do ("The group frequently
attacks army posts"), what has been going on for years ("Rebels have been fighting the
government since 1969") and sums up history ("The two countries have fought three wars since
1947"). Such clauses give no event. Decided from the verb's own clause: frequency adverbs and
quantifiers of time, "used to", an active perfect over a span ("since"/"for", "since the war
began") or two dates ("between 2014 and 2016"), the perfect progressive ("have been
fighting"), a perfect that counts events, a simple past put into history ("once occupied"), a kind as subject ("many analysts have warned"), a participle describing
a noun of a state ("is host to a coalition fighting the Houthis"), one of many occasions
("many times that they disagreed"), and the simple present of an action verb (active, or
passive with a kind as subject) outside reported speech and headlines. An event noun is also
read on its own (``noun_kind``): counted under a perfect ("have launched multiple attacks"), or
doing a perfect over a span ("protests have rocked the country since October").
Measured on SitEnt (``bench/events.py --only sitent``); the word classes are in
``data/episodic.yaml``.
"""
from __future__ import annotations

import functools
import re
from importlib import resources

from ..datafiles import load_yaml
from ..nlp import doc_text
from ..spanindex import entities_in
from ..tokentable import token_table
from .lexicon import load_lexicon

EPISODIC = "episodic"
HABITUAL = "habitual"      # "frequently attacks", "used to attack", "attacks army posts"
ONGOING = "ongoing"        # "have been fighting since 1969"
SUMMARY = "summary"        # "have fought three wars since 1947"
STATE = "state"            # "both sides oppose the rebels", "depends on outside aid"
HISTORICAL = "historical"  # "the nation it once occupied"
GENERIC = "generic"        # "many analysts have warned of the risks"

_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    with resources.files("eventwire").joinpath("events/data/episodic.yaml").open(encoding="utf-8") as fh:
        return {k: frozenset(str(w).lower() for w in v) for k, v in load_yaml(fh).items()}


def _clause_tokens(verb):
    """The verb's own clause: its subtree without embedded clauses of their own."""
    skip = set()
    for c in verb.children:
        if c.dep_ in ("ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"):
            skip.update(t.i for t in c.subtree)
    return [t for t in verb.subtree if t.i not in skip]


def _own_clause(verb) -> list[int]:
    """The token indices of the verb's clause without any clause embedded in it at any depth
    ("the rebels, who ruled the region between 2014 and 2016, attacked": the relative clause
    is not the attack's), in text order. Read from the token table: the verb's subtree lies
    within its edges, and a token there is the verb's when the walk up its heads meets the
    verb before a clause of its own (or the root, for a token outside the subtree)."""
    t = token_table(verb.doc)
    v = verb.i
    own = []
    for i in range(verb.left_edge.i, verb.right_edge.i + 1):
        node = i
        while node != v and not (t.dep[node] in _CLAUSE_DEPS and (t.dep[node] != "conj" or t.pos[node] in ("VERB", "AUX"))):
            if t.head[node] == node:
                break
            node = t.head[node]   # (a conjoined noun, "the north and the east", is no clause)
        if node == v:
            own.append(i)
    return own


def _after_a_span(prep, verb) -> bool:
    """The span orders the event, not holds it: "after his career from 1973 to 1984, he stuck
    around"."""
    node = prep.head
    while node != verb and node.head != node:
        if node.dep_ == "prep" and node.lower_ in ("after", "before", "until", "since", "following"):
            return True
        node = node.head
    return False


_CLAUSE_DEPS = ("ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "xcomp", "pcomp")


def _auxes(verb) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _shared_auxes(verb) -> list[str]:
    """The verb's auxiliaries, or those of the verb it is coordinated with when it has neither
    auxiliary nor subject of its own ("have established a presence and launched attacks")."""
    own = _auxes(verb)
    if own or verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return own
    return _auxes(verb.head)


def _is_perfect(verb) -> bool:
    return any(a in ("have", "has", "had", "'ve") for a in _shared_auxes(verb))


def clause_kind(verb, simple_present: bool = True) -> str:
    """EPISODIC, HABITUAL, ONGOING, SUMMARY, STATE, HISTORICAL or GENERIC for the clause
    headed by ``verb``. ``simple_present=False`` leaves out the reading of an action verb's
    simple present as a habit (for a verb that only carries the event in a phrase: "return to Geneva this week for
    talks" is a plan)."""
    cues = load_lexicon().cues
    toks = _clause_tokens(verb)
    words = {t.lower_ for t in toks}
    lowers = [t.lower_ for t in toks]
    text = f" {' '.join(lowers)} "
    # frequency adverbs and quantified time ("often", "every week", "each year")
    if (words & cues["habitual_adverbs"] and any(
            t.lower_ in cues["habitual_adverbs"] and _modifies_the_clause(t) for t in toks)) or \
            any(f" {p} " in text for p in cues["habitual_phrases"]):
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
                       and _time_span(t) for t in toks) or _since_clause(verb)
    perfect = _is_perfect(verb)
    if perfect and since_or_for:
        # "have fought three wars since 1947": a count of events over a span
        for c in verb.children:
            if c.dep_ == "dobj" and any(g.dep_ == "nummod" or g.lower_ in ("several", "many", "numerous")
                                        for g in c.children):
                return SUMMARY
        # "have been fighting since 1969", "who have demonstrated in Hong Kong since June":
        # what has gone on over a stretch of time, not one happening
        # (a passive over a span is the state an event left: "have been demobilized since the
        # accord" still tells the demobilization)
        if (verb.tag_ == "VBG" and "been" in auxes) or not any(c.dep_ == "auxpass" for c in verb.children):
            return ONGOING
    if _perfect_progressive(verb, auxes) and not _headline(verb) and not any(
            t.ent_type_ in ("DATE", "TIME") and not _in_a_span(t) for t in toks):
        return ONGOING   # "rebels have been fighting the government (for weeks)": going on
    if _between_dates(verb) or (verb.dep_ in ("ccomp", "conj") and _between_dates(verb.head)):
        return SUMMARY   # "between June 2014 and April 2016, bombers killed more than 1,000"
    if perfect and any(t.lower_ in ("times", "occasions") and any(
            g.dep_ == "nummod" or g.lower_ in ("several", "many", "numerous") for g in t.children)
            for t in toks):
        return SUMMARY   # "has attacked the town three times"
    words_ = _words()
    if verb.tag_ in ("VBD", "VBN") and _in_a_decade(verb):
        return HISTORICAL   # "which fought for the government in the early 2000s"
    if _historical_adverb(verb, words_):
        return HISTORICAL   # "the nation it once occupied", "a party that formerly ruled"
    if _counted_occasions(verb, words_):
        return HABITUAL     # "there were many times that the two men disagreed"
    if (perfect or (verb.tag_ in ("VBZ", "VBP") and not auxes)) and not _dated(verb.sent) and any(
            c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS") and any(
                q.dep_ in ("amod", "det") and q.lower_ in words_["generic_quantifiers"] for q in c.children)
            for c in verb.children):
        return GENERIC      # "many analysts have warned", "most governments back the plan"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and not auxes and not any(
            t.ent_type_ in ("DATE", "TIME") for t in toks) and _told_in_a_state(verb.head):
        return ONGOING      # "a coalition fighting the Houthis": a description, not a happening
    lemma = verb.lemma_.lower()
    # the simple present of an action verb states what usually happens ("rebels attack posts"),
    # unless it reports speech, is a headline-like fragment, or sits in a condition or quote
    habit_verb = simple_present and lemma not in cues["speech_verbs"] and lemma not in cues["stative_verbs"]
    state_verb = lemma in cues["state_verbs"]
    # a simple present outside headlines and dated captions
    if lemma in words_["reciprocal_speech_verbs"] and verb.tag_ in ("VBZ", "VBP") and not auxes and \
            not _headline(verb) and not _dated(verb.sent) and not _in_quote(verb) and _reciprocal_object(verb):
        return HABITUAL     # "both sides accuse each other of violating the truce": a standing quarrel
    present = (habit_verb or state_verb) and verb.tag_ in ("VBZ", "VBP") and not auxes and \
        not _headline(verb) and not _dated(verb.sent)
    if present and habit_verb:
        # "Militants attack convoys", "a law that compels utilities to ...": but a photo
        # caption tells one moment in the present ("Protesters march in Caracas, April 19, 2017")
        return HABITUAL
    if habit_verb and verb.tag_ == "VBN" and auxes and all(a in ("is", "are", "am") for a in auxes) and \
            not _headline(verb) and not _dated(verb.sent) and any(
                c.dep_ == "nsubjpass" and _bare_plural(c) for c in verb.children):
        # the same in the passive with a kind as subject: "dissidents are detained without
        # trial"; but "470 are currently detained" is the state of people counted
        return HABITUAL
    if any(m.lower_ == "whenever" for m in verb.children if m.dep_ == "advmod"):
        return HABITUAL
    if simple_present and _describes_its_noun(verb, auxes):
        return STATE        # "the charity, which provides food to refugees": what it is, not news
    if present and state_verb and not _in_quote(verb) and not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in cues["authored_nouns"]
            for c in verb.children):
        # "Both sides oppose the rebels", "the country depends on aid": a standing state, not
        # a happening; but a document states ("the platform supports ...") as a speaker does
        return STATE
    for t in toks:
        if _pattern_noun(t, cues):
            return HABITUAL   # "has a pattern of detaining visitors", "a history of attacking"
    first = verb
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    if first.dep_ in ("pcomp", "pobj") and first.head.lower_ == "of" and _pattern_noun(first.head.head, cues):
        return HABITUAL   # the second of two acts the pattern holds: "of detaining and sentencing"
    return EPISODIC


_DECADE = re.compile(r"^(1[5-9]|20)\d0s$|^'\d0s$")


def _in_a_decade(verb) -> bool:
    """The verb's own clause sets it in a decade ("in the early 2000s", "during the 1990s"):
    history told as background, not a dated happening."""
    doc, deps = verb.doc, token_table(verb.doc).dep
    for i in _own_clause(verb):
        if deps[i] == "prep" and doc[i].lower_ in ("in", "during", "through", "throughout"):
            if any(g.dep_ == "pobj" and _DECADE.match(g.lower_) for g in doc[i].children):
                return True
    return False


def _reciprocal_object(verb) -> bool:
    """'each other', 'one another' as the verb's object."""
    return any(c.dep_ in ("dobj", "pobj") and " ".join(t.lower_ for t in c.subtree) in ("each other", "one another")
               for c in verb.children)   # (the parser heads "one another" on either word)


def _since_clause(verb) -> bool:
    """A clause of time opened by "since" with its verb in the past ("have killed thousands
    since the insurgency began"): the span the perfect covers, as "since 2009" is. A "since"
    of reason mostly states a present ("since the president is abroad") and is not read."""
    return any(c.dep_ == "advcl" and _past(c) and any(
        m.dep_ == "mark" and m.lower_ == "since" for m in c.children) for c in verb.children)


def _past(verb) -> bool:
    """'began', 'was passed': a simple past, active or passive."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children))


def _in_a_span(tok) -> bool:
    """A time word inside a "since" or "for" phrase ("for weeks"): the span, not a day of its own."""
    node = tok
    while node.dep_ != "prep" and node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    return node.dep_ == "prep" and node.lower_ in ("since", "for")


def _perfect_progressive(verb, auxes) -> bool:
    """'have been fighting', 'had been struggling': a perfect of the progressive tells what
    has gone on over a stretch of time up to then."""
    return verb.tag_ == "VBG" and "been" in auxes and any(a in ("have", "has", "had", "'ve") for a in auxes)


def _modifies_the_clause(adverb) -> bool:
    """A frequency adverb tells a habit when it modifies a verb of the clause ("rebels often
    attack posts", "are routinely detained"), not when it grades an adjective or a noun
    inside one of its phrases ("people in usually pro-government slums blocked streets", "the
    often violent protests"): there it describes the thing, not how often the act happens."""
    head = adverb.head
    while head.pos_ == "ADV" and head.head.i != head.i:
        head = head.head   # "very often"
    return head.pos_ in ("VERB", "AUX") or head.i == adverb.i


def _describes_its_noun(verb, auxes) -> bool:
    """A relative clause in the simple present says what its noun is or does, not what
    happened: "the charity, which provides food to refugees", "a laptop that contains a faster
    chip", "the governor, who leaves office next spring", "a motion that calls for a vote".
    Unlike the simple present of a main clause, a date in the sentence does not
    make it a caption's moment (the date belongs to the main clause), and a verb of state or
    speech describes its noun as well. Not read in a headline, where every verb is in the
    present, nor for a verb that only carries the event in a phrase ("launched a scheme that
    lets farmers sell maize abroad, during a visit by the president": the parser's attachment,
    not the visit's tense)."""
    return verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") and not auxes and not _headline(verb)


def _pattern_noun(t, cues) -> bool:
    """'a pattern of', 'a history of': an indefinite noun of what someone keeps doing."""
    return t.lower_ in cues["pattern_nouns"] and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children) \
        and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in t.children)


def noun_kind(noun) -> str:
    """EPISODIC, HABITUAL, ONGOING or SUMMARY for an event noun read on its own: one of a run
    ("near-daily attacks", "regular skirmishes") it tells a habit; counted as the object of a
    perfect ("have launched multiple attacks", "has carried out dozens of attacks") it sums up
    many events; counted in a simple past ("launched three attacks on Monday") it is the news."""
    words_ = _words()
    amods = [c for c in noun.children if c.dep_ == "amod"]
    amods += [g for a in amods for g in a.children if g.dep_ == "conj"]
    if any(a.lower_ in words_["iterative_adjectives"] for a in amods) and not _dated(noun.sent):
        return HABITUAL   # "near-daily attacks", "small but regular skirmishes"
    gov, counted = noun, noun.tag_ in ("NNS", "NNPS") and any(
        c.dep_ in ("amod", "nummod", "det") and (c.lower_ in words_["count_words"] or c.like_num)
        for c in noun.children)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in words_["count_words"]:
        gov, counted = noun.head.head, True   # "dozens of raids", "a number of attacks"
    if counted and gov.dep_ == "dobj" and gov.head.pos_ in ("VERB", "AUX") and _is_perfect(gov.head) \
            and not _dated(gov.sent):
        return SUMMARY
    verb = _verb_it_does(noun)
    if verb is not None and _is_perfect(verb) and (_over_a_long_span(verb) or _over_a_long_span(noun)):
        return ONGOING   # "protests have rocked the country since October"
    return EPISODIC


def _verb_it_does(noun):
    """The verb an event noun is the doer of: its subject ("protests have rocked the country"),
    or the agent of its passive ("has been gripped by protests"); a conjoined noun
    ("protests and strikes") is read as its first. None for a noun in any other place."""
    while noun.dep_ == "conj" and noun.head.i != noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent" and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head
    return None


def _over_a_long_span(head) -> bool:
    """The clause of a verb reaches back over a span longer than the news: "since October",
    "for years", "since the war began" — not "since Friday" or "since dawn", the days the news is
    told of ("clashes have killed 40 people since Friday"). ``head``: the verb, or the event
    noun the parser hangs the span on ("gripped by clashes since the election")."""
    if _since_clause(head):
        return True
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("since", "for") and _time_span(c):
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and not any(t.lower_ in _RECENT_WORDS for t in obj.subtree):
                return True
    return False


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_RECENT_WORDS = _WEEKDAYS | {"yesterday", "dawn", "morning", "night", "overnight", "weekend", "today", "hours"}


def _historical_adverb(verb, words_) -> bool:
    """'once', 'formerly' between a subject and its simple past; not 'once again', not the
    'once' that opens a condition ("once the troops withdrew")."""
    if verb.tag_ not in ("VBD", "VBN"):
        return False
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in words_["historical_adverbs"] and c.i < verb.i:
            nxt = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
            if nxt is not None and nxt.lower_ in ("again", "more"):
                continue
            if any(s.dep_ in ("nsubj", "nsubjpass") and s.i < c.i for s in verb.children):
                return True
    return False


def _told_in_a_state(noun) -> bool:
    """The clause a noun stands in tells a state, not a happening ("it is host to a coalition",
    "the country backs a coalition"): a participle describing the noun then describes it too.
    Under an event ("police dispersed demonstrators protesting the results") the participle
    happens with it."""
    gov = noun
    while gov.dep_ in ("pobj", "prep", "dobj", "attr", "appos", "conj", "compound") and gov.head != gov \
            and gov.pos_ not in ("VERB", "AUX"):
        gov = gov.head
    if gov.pos_ not in ("VERB", "AUX"):
        return False
    return gov.lemma_.lower() == "be" or clause_kind(gov) != EPISODIC


def _bare_plural(noun) -> bool:
    """A plural common noun with no determiner, number or possessor: a kind ("dissidents")."""
    return noun.tag_ == "NNS" and not any(
        c.dep_ in ("det", "nummod", "poss", "predet") for c in noun.children)


def _counted_occasions(verb, words_) -> bool:
    """The verb tells one of many occasions: 'many times that they disagreed'."""
    if verb.dep_ not in ("relcl", "ccomp", "acl"):
        return False
    head = verb.head
    cands = [head] + [c for c in head.children if c.dep_ in ("attr", "nsubj")]
    return any(n.lower_ in words_["occasion_nouns"] and any(
        q.dep_ in ("amod", "nummod") and (q.lower_ in words_["count_words"] or q.like_num)
        for q in n.children)
        for n in cands)


def _between_dates(verb) -> bool:
    """A span of two dates in the verb's own clause: 'between June 2014 and April 2016', 'from
    2014 to 2016', on the verb or on a phrase of it ("in Nigeria between 2014 and 2016": the
    parser hangs the span where it likes)."""
    doc, deps = verb.doc, token_table(verb.doc).dep
    for i in _own_clause(verb):
        if deps[i] != "prep":
            continue
        c = doc[i]
        if _after_a_span(c, verb):
            continue
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if obj is None or obj.ent_type_ != "DATE":
            continue
        if c.lower_ == "between" and any(g.dep_ == "conj" and g.ent_type_ == "DATE" for g in obj.children):
            return True
        if c.lower_ == "from" and any(s.dep_ == "prep" and s.lower_ in ("to", "until", "through") and any(
                g.ent_type_ == "DATE" for g in s.children) for s in [*c.head.children, *c.children, *obj.children]):
            return True
    return False


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


_DAY_WORDS = _WEEKDAYS | {"today", "yesterday", "tonight"}


def _time_span(prep) -> bool:
    """'since 1969', 'for weeks', 'since the war began': a stretch of time, not a reason
    ('deported them for traveling without papers')."""
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return False
    if prep.lower_ == "since":
        return True
    return obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in load_lexicon().cues["time_units"]
