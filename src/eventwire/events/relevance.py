"""Is a coded event a political event at all? (issue 16, patterns 8 and 10)

PLOVER events are done by or to a political actor: a state, its officials and forces, a
party, an armed group, a court, an IGO or NGO, a crowd protesting. News of companies, bands,
film stars, scientists, sports and private lives uses the same words ("collaborated with",
"met", "battle", "competed against") with no political party on either side; such an event
is not reported. Read from the sides the actors stage resolved (their sector and whether they
are a state) and from the document's actors, never from the trigger's words. Beside it, a few
readings of the parse: a thing does not make statements, "demonstrate" may mean "show", an
event word may be part of a name, and what a question asks is not asserted (``asked_about``,
called with the modality). Sector and word classes are in ``data/relevance.yaml``.
"""
from __future__ import annotations

import functools
from importlib import resources

from ..categories import is_verbal, quad_class
from ..context import DocContext
from ..nounphrase import refers_back
from ..datafiles import load_yaml
from ..spanindex import SpanIndex, since_previous_sentence
from .lexicon import load_lexicon


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    with resources.files("eventwire").joinpath("events/data/relevance.yaml").open(encoding="utf-8") as fh:
        data = load_yaml(fh)
    # sector codes and entity types are upper case, word classes lower case
    return {k: frozenset(str(w).upper() if k.endswith(("sectors", "entity_types", "categories")) or k == "political_by_act" else
                         str(w).lower() for w in v) if isinstance(v, list) else v
            for k, v in data.items()}


def side_is_political(side) -> bool | None:
    """True for a political actor, False for a private party, None when the text does not
    tell (a name the dictionaries do not know, with no title or sector)."""
    if side is None:
        return None
    classes = _table()
    if side.sector in classes["political_sectors"]:
        return True
    head = getattr(side, "head", None)
    if head is not None and head.ent_type_ == "NORP":
        return None   # "mediate between Israelis and Palestinians": peoples, not private persons
    if side.sector in classes["private_sectors"]:
        return False
    return None


def _unplaced(side) -> bool:
    """A side named by a noun phrase the actors stage gives neither a country nor a sector
    ("a Volvo XC90", "other things", "just four teams", a person it does not know): no party
    it knows of. A pronoun or a definite description is not read here (its party may be named
    elsewhere in the text: "they took him into custody", "the two sides held talks"), nor a
    phrase that names an organisation, a people or a place ("members of the Association of
    Rural Jurists"): a party the dictionaries miss. A clause that describes the noun is not
    its name ("a van driving too fast near Yorkshire")."""
    head = getattr(side, "head", None)
    if getattr(side, "country", None) is not None or side.sector is not None or head is None or \
            head.pos_ == "PRON" or (head.pos_ == "NOUN" and refers_back(head)):
        return False   # "they", "the two sides", "the committee": a party named before, maybe
    clauses = {t.i for c in head.children if c.dep_ in ("acl", "relcl") for t in c.subtree}
    # the phrase's own words: not a clause that describes it ("a van driving ... near Yorkshire")
    return not any(t.ent_type_ in _table()["party_entity_types"] for t in head.subtree if t.i not in clauses)


def no_party_in_sight(tok, category: str, src, tgt, ctx: DocContext) -> bool:
    """Every side the coder named is one the actors stage places nowhere (``_unplaced``: "a
    delivery van struck the cyclist", "Zarkowski offered Hendley a contract") and the trigger's
    sentence names no political actor at all: no party takes part. A doer left unnamed is not
    read ("a suspect was arrested": by whom the text does not say), nor one the coder found
    outside the trigger's own phrase ("'They fired at everyone,' a survivor said": the survivor
    tells it, "they" did it), nor an act political by itself (a protest)."""
    table = _table()
    if category in table["political_by_act"]:
        return False
    if src is None or not _unplaced(src) or (tgt is not None and not _unplaced(tgt)):
        return False
    head = src.head
    if not tok.left_edge.i <= head.i <= tok.right_edge.i:
        return False   # a doer found outside the trigger's phrase (a quote's speaker): not read
    return not _political_actor_in(tok.sent, ctx)


def _political_actor_in(sent, ctx: DocContext) -> bool:
    """Whether a state or an actor of a political sector is named in the sentence, other than
    as the one who tells it ("..., police said", "according to the ministry": the speaker
    reports the happening and takes no part in it, ``_tells_it``)."""
    start, end = sent.start_char, sent.end_char
    doc = sent.doc
    return any(start <= m.start and not _tells_it(doc.char_span(m.start, m.end, alignment_mode="expand"))
               for m in _political_mentions(ctx).overlapping(start, end))


_POLITICAL_MENTIONS = ("relevance", "political_mentions")


def _political_mentions(ctx: DocContext) -> SpanIndex:
    """The mentions of the document's states and actors of a political sector, indexed once
    per document (``ctx.scratch``): asked per event, a walk over every actor's mentions would
    cost the document's size for each event."""
    index = ctx.scratch.get(_POLITICAL_MENTIONS)
    if index is None:
        table = _table()
        index = ctx.scratch[_POLITICAL_MENTIONS] = SpanIndex([
            m for actor in ctx.actors if actor.type == "country" or actor.sector in table["political_sectors"]
            for m in actor.mentions])
    return index


def _tells_it(span) -> bool:
    """A mention in the subject of a verb of saying ("police said", "Kenya's interior ministry
    says") or in the object of "according to": the teller of the sentence."""
    if span is None or not len(span):
        return False
    node = span.root
    for _ in range(4):
        if node.dep_ == "nsubj" and node.head.lemma_.lower() in load_lexicon().cues["speech_verbs"]:
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "to" and node.head.head.lower_ == "according":
            return True
        if node.dep_ not in _IN_A_PHRASE + ("poss", "appos") or node.head is node:
            return False
        node = node.head   # "Kenya" in "Kenya's interior ministry"
    return False


def private_document(ctx: DocContext, doc=None) -> bool:
    """True when the document is about private life, business, science or sport: few of its
    actor mentions are political actors (states, officials, forces, parties, courts ...), or,
    in a text of a few sentences at least, none is named at all (a short sports or business
    report: "the coach offered his kicker a new contract"). One sentence alone
    tells no domain: "a man was arrested" may stand in a report of a crackdown. ``doc``, the
    parse, gives the sentences; without it the document is not read so."""
    cached = ctx.private_document
    if cached is None:
        table = _table()
        total = political = 0
        for actor in ctx.actors:
            n = len(actor.mentions)
            total += n
            if actor.type == "country" or actor.sector in table["political_sectors"]:
                political += n
        cached = (total >= table["document_min_mentions"] and
                  political < table["document_political_share"] * total) or (
            total > 0 and political == 0 and doc is not None and
            _sentence_count(doc) >= table["document_min_sentences"])
        ctx.private_document = cached
    return cached


def _sentence_count(doc) -> int:
    """The parse's sentences (asked once per document: the answer is cached on the context)."""
    return sum(1 for _ in doc.sents)


def is_political(category: str, src, tgt, ctx: DocContext, doc=None) -> bool:
    """Whether an event has a political party to it. False when no side is a political actor
    and either the document is about private life, business, science or sport ("the actress
    met the singer", "a bystander was injured"), or private parties cooperate among themselves
    ("relatives thanked the nurses", "the company praised the journalist's work", "the
    hospital sent doctors"). Conflict between private parties is kept: a mob burning
    homes or a gang kidnapping villagers is political violence in ACLED's sense."""
    if category in _table()["political_by_act"]:
        return True
    sides = [s for s in (src, tgt) if s is not None]
    political = [s for s in sides if side_is_political(s)]
    private = private_document(ctx, doc)
    # in a story of business or sport an office read from a title alone ("the team president",
    # "Billy King", "the firm's executive vice president") is no state's: there a side is a
    # political actor when a state is named with it
    if political and (not private or any(s.country is not None for s in political)):
        return True
    if private:
        return False
    if quad_class(category) not in (1, 2) or src is None or side_is_political(src) is not False:
        return True
    # cooperation among private parties, or a private party's own material cooperation
    return not (side_is_political(tgt) is False or (tgt is None and not is_verbal(category)))


def political_event(tok, nominal: bool, category: str, src, tgt, ctx: DocContext) -> bool:
    """The one question the coder asks this module: is the trigger at ``tok``, read with the
    sides the coder resolved, a political event? No when no political party takes part
    (``is_political``), when a thing rather than a party makes the statement
    (``no_party_speaks``), when a journey is no visit (``journey_not_visit``), when no side is a
    party the text places and none is in sight (``no_party_in_sight``), when a resignation
    answers no demand (``resignation_not_demanded``), when the trigger only says what a
    speaker takes something to be (``characterized``), when a protest
    verb means "show" (``shown_not_protested``), when violence harms only its doer
    (``harms_only_itself``), when "it" that kills stands for a disaster told before
    (``a_force_told_as_it``), when a
    victory is won with no armed force (``won_not_fought``), when
    "ask" asks a question (``asks_a_question``), when a verb of moving or gathering tells no
    protest (``gathering_not_protest``), when a talk is with the press (``talk_to_the_press``)
    and when an event noun is part of a name
    (``in_a_name``)."""
    if gathering_not_protest(tok, category, src, tgt) or talk_to_the_press(tok, category, tgt):
        return False
    if not is_political(category, src, tgt, ctx, tok.doc):
        return False
    if journey_not_visit(tok, category, src, tgt) or no_party_in_sight(tok, category, src, tgt, ctx) or \
            resignation_not_demanded(tok, category, src):
        return False
    if characterized(tok):
        return False
    if nominal:
        return not in_a_name(tok)
    return not (no_party_speaks(tok, src, category) or a_force_told_as_it(tok, category) or
                shown_not_protested(tok, category) or
                won_not_fought(tok, category, src, tgt) or harms_only_itself(tok, category) or
                (category == "REQUEST" and asks_a_question(tok)))


def gathering_not_protest(verb, category: str, src, tgt) -> bool:
    """A verb of moving or gathering coded as a protest ("marched", "rallied", "paraded") where
    the text tells no protest: no side is a political actor, a protester or a crowd (triggers.yaml
    ``protest_subjects``: "thousands marched" is told as a protest), the verb has no phrase of
    protest ("marched against the law"), and the document, a story of a few sentences at least,
    has no word of protest at all. "His team rallied to force a tie", "he marched his side down
    the field" and "the band paraded through town" tell no protest. Word classes:
    ``gathering_verbs``, ``protest_preps`` and ``protest_words`` in ``data/relevance.yaml``."""
    table = _table()
    if category != "PROTEST" or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in table["gathering_verbs"]:
        return False
    words = table["protest_words"]
    crowds = {str(w).lower() for w in load_lexicon().extra.get("protest_subjects", ())}
    for side in (src, tgt):
        head = getattr(side, "head", None)
        if side is not None and (side_is_political(side) or head is not None and (
                head.lemma_.lower() in words or head.lower_ in crowds or head.lemma_.lower() in crowds)):
            return False   # a party, or a crowd ("thousands marched"): the protest's own doers
    if any(c.dep_ == "prep" and c.lower_ in table["protest_preps"] for c in verb.children):
        return False
    # a sentence or two alone (a caption, a sentence coded by itself) tells no story to read a
    # protest from: "The women marched down the boulevard in silence" may be one
    return _sentence_count(verb.doc) >= table["document_min_sentences"] and not _tells_a_protest(verb.doc)


def talk_to_the_press(verb, category: str, tgt) -> bool:
    """A talk whose partner is the press ("the prime minister talks to media during a press
    conference", "the minister spoke with reporters in Geneva", "chatted with the press"): an
    interview or a briefing, a statement, not a consultation between parties. A talk with a
    party ("spoke with his Iranian counterpart") is one. Word classes: ``talking_verbs``,
    ``press_words`` and ``press_sectors`` in ``data/relevance.yaml``."""
    table = _table()
    if category != "CONSULT" or verb.lemma_.lower() not in table["talking_verbs"]:
        return False
    if tgt is not None and tgt.sector in table["press_sectors"]:
        return True
    partners = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                for g in c.children if g.dep_ == "pobj"]
    partners += [c for c in verb.children if c.dep_ == "dobj"]   # "briefed reporters"
    return bool(partners) and all(p.lower_ in table["press_words"] or p.lemma_.lower() in table["press_words"]
                                  for p in partners)


_PROTEST_KEY = "eventwire.relevance.tells_a_protest"


def _tells_a_protest(doc) -> bool:
    """Whether a word of the document is a word of protest (read once per document and kept
    in its ``user_data``)."""
    found = doc.user_data.get(_PROTEST_KEY)
    if found is None:
        words = _table()["protest_words"]
        found = doc.user_data[_PROTEST_KEY] = any(t.lemma_.lower() in words or t.lower_ in words for t in doc)
    return found


def characterized(tok) -> bool:
    """The trigger says what a speaker takes something to be, not an act that happened: the
    complement of a verb of regarding after "as" ("the authorities consider the article as
    calling for violence", "saw the vote as an attack on democracy", "interpreted the move as a
    declaration of war", "a rehearsal for an invasion") or the predicate of a verb of naming's
    object ("branded the strike a declaration of war", "called the arrests a kidnapping"),
    with what those phrases hold. What is so described keeps its
    own event ("the arrests", "the strike"); a phrase of "as" that is no such complement ("as
    part of several protests", "as talks drag on") is not read. Word classes:
    ``regarding_verbs`` and ``naming_verbs`` in ``data/relevance.yaml``."""
    table = _table()
    node = tok
    for _ in range(6):
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ == "as" and node.head.dep_ == "prep":
            verb = node.head.head
            for _ in range(3):   # "as" hung on a noun of the clause: "consider [the article as
                # calling]", "was seen by [the opposition as an attack]"
                if verb.pos_ not in ("NOUN", "PROPN", "PRON") or verb.dep_ not in ("dobj", "nsubjpass", "pobj"):
                    break
                verb = verb.head.head if verb.dep_ == "pobj" else verb.head
            return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in table["regarding_verbs"]
        if node.dep_ == "oprd":
            return node.head.lemma_.lower() in table["naming_verbs"]
        if node.dep_ not in _IN_A_PHRASE or node.head == node:
            return False
        node = node.head   # "as an attack and a provocation", "as a prelude to an invasion"
    return False


# Ways a word stands inside a noun phrase or a phrase of a preposition, up to the phrase's head.
_IN_A_PHRASE = ("conj", "pobj", "pcomp", "prep", "compound", "amod", "nmod")


# A clause's subject; a noun the parser makes the root of a sentence is its subject taken for a
# noun phrase ("A fire destroyed 200 homes" read as "a fire [that was] destroyed ...").
_SUBJECTS = ("nsubj", "nsubjpass", "ROOT")


def _antecedent_of_it(it):
    """The noun "it" stands for: the last singular noun before it that is a clause's subject,
    in its own sentence ("Israel said it killed ...") or, when none is there, in the sentence
    before ("A fire destroyed 200 homes. Officials said it killed nine people.": "officials" is
    plural, "fire" is the subject before it). None when there is none."""
    for t in reversed(since_previous_sentence(it)):
        if t.dep_ in _SUBJECTS and t.tag_ in ("NN", "NNP"):
            return t   # (a pronoun or a plural, "officials", is not what "it" stands for)
    return None


def a_force_told_as_it(verb, category: str) -> bool:
    """Violence whose doer is "it" standing for a disaster or an accident ("A fire destroyed 200
    homes in the slum. Officials said it killed nine people."; "The storm hit the coast on
    Sunday. It killed four fishermen."): the fire kills, nobody attacks, as when the disaster
    is named as the subject (``non_agentive_subjects`` in ``cues.yaml``). "it" standing for a
    party ("Israel said it killed a commander") is an attack as before."""
    if category != "ASSAULT" or verb.pos_ not in ("VERB", "AUX"):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "conj":
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)   # "it killed 9 and injured 50"
    if subj is None or subj.lower_ != "it":
        return False
    antecedent = _antecedent_of_it(subj)
    words = load_lexicon().cues["non_agentive_subjects"]
    return antecedent is not None and (antecedent.lemma_.lower() in words or antecedent.lower_ in words)


def harms_only_itself(tok, category: str) -> bool:
    """A violent act whose only object is its doer ("a man set himself on fire", "the gunman shot
    himself", "killed herself"): self-harm, no attack on a party. A verb of explosion ("blew
    himself up") is a suicide attack on those around, and another object ("killed himself and a
    police officer") another victim: both stay."""
    table = _table()
    if category != "ASSAULT" or tok.lemma_.lower() in table["explosion_verbs"]:
        return False
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.lower_ in table["reflexive_pronouns"] and
                                 not any(c.dep_ == "conj" for c in o.children) for o in objects)


# ---------------------------------------------------------------- resignations

def _resigns(tok) -> bool:
    """A word of resigning: "resigned", "his resignation", "stepped down", "step aside"."""
    table = _table()
    lemma = tok.lemma_.lower()
    return lemma in table["resignation_words"] or (lemma == "step" and any(
        c.dep_ in ("prt", "prep", "advmod") and c.lower_ in table["resignation_particles"] for c in tok.children))


def _resignation_of(tok):
    """The word of resigning an event is told by: the trigger itself ("resigned", "announced his
    resignation" read on the noun) or its object or complement ("offered to resign", "tendered
    his resignation")."""
    if _resigns(tok):
        return tok
    return next((c for c in tok.children if c.dep_ in ("xcomp", "dobj", "ccomp") and _resigns(c)), None)


def _person(tokens) -> tuple[frozenset[str], frozenset[str]]:
    """The words that name a person in a phrase: its names and its common nouns ("Governor Maria
    Soto": names {maria, soto, governor}; "the finance minister": nouns {finance, minister})."""
    tokens = list(tokens)
    return (frozenset(t.lower_ for t in tokens if t.pos_ == "PROPN"),
            frozenset(t.lower_ for t in tokens if t.pos_ == "NOUN"))


def _own_words(head) -> list:
    """A side's own words: a name with its compounds ("Ricardo Llerandi", not the apposition
    "Rossello's chief of staff" after it); a title with its compounds and the name in apposition
    ("her deputy, Juan Perez")."""
    words = [head, *(t for c in head.children if c.dep_ == "compound" for t in c.subtree)]
    if head.pos_ != "PROPN":
        words += [t for c in head.children if c.dep_ == "appos" for t in c.subtree if t.dep_ != "poss"]
    return words


def _same_person(resigner, demanded) -> bool:
    """The one who resigned may be the one whose resignation was demanded: a name in common when
    both phrases have names, else a common noun in common ("the prime minister"); a resigner
    told by a pronoun ("he would resign") may be anyone named before. A demand told by a pronoun
    ("want him to resign") names no one to compare with a resigner named in words."""
    if not (resigner[0] or resigner[1]):
        return True
    if resigner[0] and demanded[0]:
        return bool(resigner[0] & demanded[0])
    return bool(resigner[1] & demanded[1])


_DEMANDED_KEY = "eventwire.relevance.demanded_resignations"


def _demanded_resignations(doc) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Every resignation the document tells a demand for ("protesters called for the governor's
    resignation", "urged Smith to resign", "demanded that the minister step down"), each as the
    words (``_person``) of whoever is to resign. Read once per document and kept in its
    ``user_data``: each resignation asks, and a walk of the whole text per event is quadratic."""
    found = doc.user_data.get(_DEMANDED_KEY)
    if found is None:
        found = doc.user_data[_DEMANDED_KEY] = _read_demanded_resignations(doc)
    return found


def _read_demanded_resignations(doc) -> list[tuple[frozenset[str], frozenset[str]]]:
    table = _table()
    found = []
    for word in doc:
        if not _resigns(word):
            continue
        node, demand = word, None
        for _ in range(3):
            if node.head is node:
                break
            node = node.head
            if node.lemma_.lower() in table["demand_words"]:
                demand = node
                break
        if demand is None:
            continue
        who = [t for c in word.children if c.dep_ in ("poss", "nsubj", "nsubjpass") for t in c.subtree]
        who += [t for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
        who += [t for c in demand.children if c.dep_ in ("dobj", "dative") for t in c.subtree]
        who += [t for c in demand.children if c.dep_ == "prep" and c.lower_ == "on" for t in c.subtree]
        found.append(_person(who))
    return found


def resignation_not_demanded(tok, category: str, src) -> bool:
    """A resignation ("the minister resigned", "announced his resignation", "offered to resign")
    is no political event (GUIDELINE section 1) unless the text tells a demand for that person's
    resignation: then it yields to the demand, a concession (RETREAT). The same person is read
    from the words of the two phrases (``_same_person``: "called for Soto's resignation" ...
    "Governor Maria Soto resigned"). A refusal to resign (REJECT) is not read."""
    if category not in _table()["resignation_categories"]:
        return False
    word = _resignation_of(tok)
    if word is None:
        return False
    head = getattr(src, "head", None)
    who = _person(_own_words(head) if head is not None else
                  (t for c in word.children if c.dep_ == "poss" for t in c.subtree))
    return not any(_same_person(who, named) for named in _demanded_resignations(tok.doc))


# ---------------------------------------------------------------- journeys

def journey_not_visit(tok, category: str, src, tgt) -> bool:
    """A journey told by a word of travel ("traveled to", "flew to", "a trip to") is a visit
    (CAMEO 042, PLOVER CONSULT) when a political party goes to another country's. A private
    party's journey ("the suspect traveled to Pakistan", "a commentator made a trip to Iraq")
    and a journey within the traveller's own country ("the president traveled to Cleveland for
    the debate") meet no host: no event. ``tok`` is the trigger, ``src`` the traveller and
    ``tgt`` the destination the coder resolved; the verb "visit" itself is not read here."""
    if category != "CONSULT" or src is None or tok.lemma_.lower() not in _table()["journey_words"]:
        return False
    if side_is_political(src) is False:
        return True
    return tgt is not None and src.country is not None and tgt.country == src.country


# ---------------------------------------------------------------- questions

_CLAUSE_CHAIN = ("conj", "xcomp")


def _clause_head(tok):
    """The verb heading the clause a trigger stands in: the trigger itself, the verb an event
    noun is the subject or object of, and up through coordinated and infinitival verbs."""
    node = tok
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and \
            tok.head.pos_ in ("VERB", "AUX"):
        node = tok.head
    for _ in range(4):
        if node.dep_ not in _CLAUSE_CHAIN or node.head == node:
            break
        node = node.head
    return node


def asked_about(tok) -> bool:
    """The trigger stands in a question: a direct one ("Did the police arrest him?", "Will
    Russia attack again?", "How much aid has Kyiv received?") or one embedded under a verb of
    asking ("asked whether the army had attacked the village"). What is asked is not asserted."""
    head = _clause_head(tok)
    if any(c.dep_ == "punct" and c.text == "?" for c in head.children):
        return True
    table = _table()
    return head.dep_ == "ccomp" and head.head.lemma_.lower() in table["asking_verbs"] and (
        any(c.dep_ == "mark" and c.lower_ in table["question_marks"] for c in head.children) or
        any(t.tag_ in ("WDT", "WP", "WP$", "WRB") and t.i < head.i for t in head.subtree))


def asks_a_question(verb) -> bool:
    """A verb of asking whose complement is a question ("asked whether the army had
    attacked", "asked Trump how he would respond"): a question, not a request."""
    if verb.lemma_.lower() not in _table()["asking_verbs"]:
        return False
    return any(c.dep_ == "ccomp" and asked_about(c) for c in verb.children)


# ---------------------------------------------------------------- the trigger's sense

def no_party_speaks(verb, src, category: str) -> bool:
    """A statement whose grammatical subject is a thing, not a party nor a document that speaks
    for one ("the satellite images contradicted the army's account", "the agreement calls on
    Tehran to curb its programme"): the thing shows it, no party says it. ``verb`` is the
    trigger verb, ``src`` the side the coder resolved."""
    if src is not None or not is_verbal(category) or verb.pos_ not in ("VERB", "AUX"):
        return False
    # the coder found no party in the subject: a common noun, not a pronoun; not a document
    # ("the report accuses the army" speaks for an author left unnamed); with no name of its
    # own ("members of the Association of Jurists" is a party the coder failed to resolve)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.pos_ == "NOUN" and \
        subj.lemma_.lower() not in load_lexicon().cues["authored_nouns"] and \
        not any(_names_a_party(c) for c in subj.children)


def _names_a_party(tok) -> bool:
    """A name hanging on a noun: "the IRGC's statement", "members of the Association"."""
    if tok.dep_ == "prep" and tok.lower_ == "of":
        return any(_names_a_party(c) for c in tok.children if c.dep_ == "pobj")
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
        return False   # "the July 14 agreement": a date, not a party
    return tok.dep_ in ("poss", "compound", "amod", "pobj", "nmod") and (
        tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"))


# Named-entity types whose names may hold an event word without telling an event: a film "The
# Last Battle", a town "Battle Creek". EVENT names ("the Battle of Mosul") tell one, and so may
# organisation names ("the NATO Summit" is a meeting).
_NAME_TYPES = {"PERSON", "FAC", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "LAW"}


def in_a_name(tok) -> bool:
    """An event noun that is a word of a proper name (a title, a law, a place)."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in _NAME_TYPES


def won_not_fought(verb, category: str, src, tgt) -> bool:
    """A victory with no armed force on either side: "the incumbent defeated his rival in the
    runoff" is an election's or a contest's result, not a battle ("the army defeated the
    rebels" is one). The verb dictionary codes every defeat as an attack."""
    table = _table()
    return category == "ASSAULT" and verb.lemma_.lower() in table["contest_verbs"] and not any(
        side is not None and side.sector in table["armed_sectors"] for side in (src, tgt))


def shown_not_protested(verb, category: str) -> bool:
    """A protest verb used in its sense of showing or proving: in the passive with no protester
    named ("no drug has been demonstrated suitable") or with a clause or an adjective as its
    complement ("demonstrated that the vaccine works")."""
    if category not in _table()["political_by_act"] or verb.pos_ not in ("VERB", "AUX"):
        return False
    deps = {c.dep_ for c in verb.children}
    # "the vote was boycotted by the MPs": a passive with its protesters named is a protest
    passive = bool(deps & {"nsubjpass", "auxpass"}) and "agent" not in deps
    return passive or bool(deps & {"ccomp", "oprd", "acomp"})
