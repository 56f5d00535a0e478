"""Judgements and characterisations: a speaker's evaluation of a party or its act.

The guideline (sec. 1) codes a statement by its content; PLOVER's ACCUSE is "verbal
disapproval (criticizing, condemning, complaining)" and SUPPORT "praising, endorsing or
approving an actor, policy or action". English tells such an evaluation without an act verb in
two constructions, read here:

1. a characterisation: a verb with an object and a predicative complement ("called the ruling
   unacceptable", "called Biden a decent man", "described the raid as despicable",
   "dismissed the claim as propaganda"): the verb's subject is the source;
2. an evaluation in a reported clause: a linking verb whose predicate judges its subject,
   under a verb of saying ("said their presence was reckless", "told reporters the army's
   response was excellent"): the speaker is the source.

The party judged (the object, or the subject of the predicative clause; for an act, its owner:
"Iran's government", "the rebels' claim", "their presence") is the target. A judgement of a
thing, of a policy with no party, of the weather, or of a kind ("any attack") is no event.
The polarity of the complement's words (``data/judgements.yaml``: evaluative adjectives and
nouns, negative and positive) decides ACCUSE (CAMEO 111, criticize or denounce) or SUPPORT
(CAMEO 051, praise or endorse); a positive word under "not" disapproves ("not qualified").
Praise is read in a characterisation only: said in passing of a party ("said the team was
great") it is everyday talk, and ordinary news is full of it.
"""
from __future__ import annotations

import functools
from importlib import resources

from ..datafiles import load_yaml
from .lexicon import Lexicon, describe_code
from .participants import _actor_or_possessor, _antecedent, actor_like, possible_actor
from .patterns import Trigger, nominalised_verb

_NEGATIVE, _POSITIVE = "111", "051"
_PERSONAL = {"he", "she", "they", "him", "her", "them"}
_OWNER_PRONOUNS = {"his", "her", "their", "its"}
_PREDICATES = {"attr", "acomp", "oprd", "dobj"}


@functools.lru_cache(maxsize=1)
def _words() -> dict:
    with resources.files("eventwire").joinpath("events/data/judgements.yaml").open(encoding="utf-8") as fh:
        data = load_yaml(fh)
    out = {k: frozenset(str(w).lower() for w in v) for k, v in data.items() if isinstance(v, list)}
    out["characterising_verbs"] = {str(k).lower(): dict(v or {}) for k, v in data["characterising_verbs"].items()}
    out["phrases"] = frozenset(w for k in ("negative_nouns", "positive_nouns") for w in out[k] if " " in w)
    return out


_PHRASE_DEPS = {"amod", "compound", "advmod", "conj", "cc", "neg", "det", "punct", "npadvmod", "nmod",
                "quantmod", "acomp", "attr", "oprd", "pobj", "appos"}
_PHRASE_PREPS = {"as", "beyond", "to"}


def _head_phrase(root) -> list:
    """The judging words of a complement: its head and the words that modify it ("a shocking
    abuse", "provocative and violent", "beyond despicable"), not a clause or a phrase hung on
    it ("willing to help partners against crime", "a message to the supporters of terrorists")."""
    out, todo = [], [root]
    while todo:
        t = todo.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in _PHRASE_DEPS or (c.dep_ == "prep" and t is root and (
                    c.lower_ in _PHRASE_PREPS or (c.lower_ == "of" and t.pos_ == "NOUN"))):
                todo.append(c)   # "an act of aggression", "an abuse of power"
    return out


def _polarity(tokens) -> str | None:
    """'negative', 'positive' or None for the words of a complement; a positive word under
    "not" is negative, a negative one under "not" is read as neither."""
    w = _words()
    toks = sorted(tokens, key=lambda t: t.i)
    text = " " + " ".join(t.lower_ for t in toks) + " "
    neg = pos = False
    for t in toks:
        low, lem = t.lower_, t.lemma_.lower()
        # a judging noun whatever the parser's tag ("a terrorist state"); an adjective never
        # as a noun ("a spring offensive", "human rights")
        adjective = t.pos_ not in ("NOUN", "PROPN")
        neg |= low in w["negative_nouns"] or lem in w["negative_nouns"] or (
            adjective and (low in w["negative_adjectives"] or lem in w["negative_adjectives"]))
        pos |= low in w["positive_nouns"] or lem in w["positive_nouns"] or (
            adjective and (low in w["positive_adjectives"] or lem in w["positive_adjectives"]))
    for phrase in w["phrases"]:
        if f" {phrase} " in text:
            neg |= phrase in w["negative_nouns"]
            pos |= phrase in w["positive_nouns"]
    negated = any(t.dep_ == "neg" or t.lower_ in ("not", "n't", "never") for t in toks)
    if neg and not pos:
        return None if negated else "negative"
    if pos and not neg:
        return "negative" if negated else "positive"
    return None


def _act_noun(tok, lex: Lexicon) -> bool:
    """A noun naming what a party does or says: an event noun of the lexicon, an authored noun
    ("claim", "ruling"), a nominalised act verb, or one of judgements.yaml's act nouns."""
    low, lem = tok.lower_, tok.lemma_.lower()
    if {low, lem} & (_words()["act_nouns"] | set(lex.cues["authored_nouns"])):
        return True
    if tok.pos_ == "NOUN" and (low in lex.triggers_nouns or lem in lex.triggers_nouns):
        return True
    return tok.pos_ == "NOUN" and nominalised_verb(tok, lex) is not None


def _owner(noun):
    """Who an act noun is of: its possessor ("Iran's decision", "their presence"), a named
    party before it ("the Taliban offensive", "the police version"), or its "by" phrase."""
    for c in noun.children:
        if c.dep_ == "poss" and (c.lower_ in _OWNER_PRONOUNS or actor_like(c)):
            return c
    for c in noun.lefts:
        if c.dep_ in ("compound", "nmod", "amod") and (c.pos_ in ("PROPN", "NOUN") or c.ent_type_ in (
                "NORP", "GPE")) and actor_like(c):   # "the Russian decision"
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            g = next((x for x in c.children if x.dep_ == "pobj"), None)
            if g is not None and actor_like(g):
                return g
    return None


def _judged(tok, lex: Lexicon):
    """(a party or act is judged, the party's head or None). A kind ("any attack", "all
    violence"), a thing or an abstraction is not judged as a party's."""
    if tok is None or any(c.dep_ == "det" and c.lower_ in _words()["generic_determiners"] for c in tok.children):
        return False, None
    if tok.pos_ == "PRON":
        return (True, tok) if tok.lower_ in _PERSONAL else (False, None)
    if actor_like(tok):
        return True, tok
    if not _act_noun(tok, lex):
        return False, None
    return True, _owner(tok)


def _speaker(verb):
    """The subject who says or characterises: the verb's own, or for a participle with none
    ("Calling the junta corrupt, the senator said ...") its head verb's."""
    for node in (verb, verb.head):
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None) or next(
            (c for c in node.lefts if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and actor_like(c)), None)
        # (the parser takes "Senator Jones on Monday called ..." for an adverb of time)
        if subj is not None:
            return subj
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((g for g in agent.children if g.dep_ == "pobj"), None)
        if node.dep_ not in ("advcl", "xcomp", "conj", "acl") or node.head is node:
            break
    return None


def _characterisation(tok, lex: Lexicon):
    """'called X Y', 'described X as Y': (judged token, complement tokens, verb polarity)."""
    spec = _words()["characterising_verbs"].get(tok.lemma_.lower())
    if spec is None or tok.pos_ != "VERB" or tok.dep_ == "acl":
        return None   # "a bill called the Safe Streets Act": a name given, said by no one
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    # "dismissed the claim as propaganda": the parser hangs "as" on the verb or on its object
    comps = [c for c in (*tok.children, *(obj.children if obj is not None else ()))
             if c.dep_ == "prep" and c.lower_ == "as"]
    if not spec.get("as"):
        comps += [c for c in tok.children if c.dep_ in ("oprd", "acomp")]
    if not comps or any(c.pos_ == "PROPN" for c in comps):
        return None   # "a bill called the Safe Streets Act": a name, not a judgement
    comp_tokens = [t for c in comps for t in _head_phrase(c) if t is not c or c.dep_ != "prep"]
    if obj is None:
        # "called the ruling 'unacceptable'": the parser hangs the object on the complement
        inner = [t for c in comps for t in c.children if t.i < c.i and
                 t.dep_ in ("amod", "compound", "nmod", "nsubj", "dobj", "poss") and
                 t.pos_ in ("NOUN", "PROPN", "VERB", "PRON")]
        obj = inner[-1] if inner else None
    if obj is None:
        return None
    skip = {t.i for t in obj.subtree} - {t.i for t in comp_tokens if t.head is not obj}
    return obj, [t for t in comp_tokens if t.i not in skip], spec.get("polarity")


def _reporting_verb(verb, lex: Lexicon):
    """The verb of saying a clause is the content of ("said [the army's response was
    excellent]"; "told ... it is clear that [the deal is the best path]"), or None."""
    speech = set(lex.cues["speech_verbs"])
    node = verb
    for _ in range(3):
        if node.dep_ not in ("ccomp", "acomp", "xcomp") or node.head is node:
            return None
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in speech:
            return node if _speaker(node) is not None else None
    return None


def _evaluation(tok, lex: Lexicon):
    """'[X] was reckless' said by someone: (reporting verb, judged token, predicate tokens)."""
    if tok.lemma_.lower() not in _words()["linking_verbs"] or tok.pos_ not in ("AUX", "VERB"):
        return None
    reporter = _reporting_verb(tok, lex)
    if reporter is None:
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    preds = [c for c in tok.children if c.dep_ in _PREDICATES or (c.dep_ == "prep" and c.lower_ == "to")]
    if subj is None or not preds:
        return None
    pred_tokens = [t for c in preds for t in _head_phrase(c)]
    pred_tokens += [c for c in tok.children if c.dep_ == "neg"]
    return reporter, subj, pred_tokens


def judgement_triggers(sent, lex: Lexicon, taken: set[int]) -> list[Trigger]:
    """The sentence's judgements and characterisations as triggers (ACCUSE 111 or SUPPORT
    051), each with its speaker and the party judged in its rule (``judged`` names the
    construction); none on a token in ``taken`` (a verb that already carries an event)."""
    out = []
    seen: set[int] = set()
    for tok in sent:
        found = _characterisation(tok, lex) if tok.i not in taken else None
        if found is not None:
            obj, comp, own = found
            verb, speaker_tok = tok, _speaker(tok)
            extra = [t for t in comp if t.dep_ in ("oprd", "pobj", "acomp", "attr")] or comp[:1]
        else:
            found = _evaluation(tok, lex)
            if found is None:
                continue
            verb, obj, comp = found
            own, speaker_tok = None, _speaker(verb)
            if verb.i in taken:
                continue
            extra = [tok] + [t for t in comp if t.head is tok and t.dep_ != "neg"]
        polarity = _polarity(comp) or own
        if polarity == "positive" and verb is not tok:
            continue   # praise in a reported clause ("said the team was great") is everyday talk
        judged, party = _judged(obj, lex)
        if polarity is None or not judged or speaker_tok is None or verb.i in seen:
            continue
        seen.add(verb.i)
        code = _NEGATIVE if polarity == "negative" else _POSITIVE
        rule = {"judged": "characterisation" if verb is tok else "evaluation", "speaker": speaker_tok.i, "party": party.i if party is not None else None,
                "acled": None}
        out.append(Trigger(verb, code, "rule", 3, rule, extra))
    return out


def with_judgements(triggers: list[Trigger], sent, lex: Lexicon) -> list[Trigger]:
    """The sentence's triggers with its judgements added. A verb the lexicon already reads
    keeps its reading, and a sentence that already tells an act of the judgement's category
    ("condemned the attack, calling it cowardly") tells one act, by its verb."""
    taken = {t.token.i for t in triggers}
    told = {t.rule.get("category") or describe_code(t.cameo)[0] for t in triggers}
    found = [t for t in judgement_triggers(sent, lex, taken) if describe_code(t.cameo)[0] not in told]
    if not found:
        return triggers
    return sorted(triggers + found, key=lambda t: t.token.i)


def judgement_sides(trigger: Trigger):
    """(source head, target head) of a judgement: the speaker, and the party judged."""
    doc = trigger.token.doc
    src = doc[trigger.rule["speaker"]]
    if src.pos_ == "PRON":
        src = _antecedent(src) or src
    party = trigger.rule.get("party")
    tgt = doc[party] if party is not None else None
    if tgt is not None and tgt.pos_ == "PRON":
        tgt = _antecedent(tgt) or tgt
    return _actor_or_possessor(src, possible_actor), _actor_or_possessor(tgt, possible_actor)
