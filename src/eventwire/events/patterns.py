"""Finding event triggers in a parsed sentence and giving them a CAMEO code.

Two sources, tried in order for every verb:
1. our own rules (``data/triggers.yaml``), written for news phrasing;
2. the PETRARCH2 CAMEO verb dictionary (``data/verbs.json``): the verb's patterns (object
   nouns, prepositional phrases, subject nouns) and, failing those, the verb's own code.
Nouns are looked up in our own noun rules only ("clashes", "an air strike", "talks").

A ``Trigger`` records the token, the code, which source matched and how specifically; the
coder (``code.py``) turns triggers into events.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..categories import quad_class
from ..tokentable import token_table
from .lexicon import Lexicon, describe_code, load_lexicon
from .modality import verdict_of
from .participants import _actor_or_possessor, _antecedent, _pobj, _subject_of, actor_like, is_attribution, possible_actor

# Dependency labels whose subtrees are separate clauses, not part of a verb's object side.
_CLAUSAL = {"ccomp", "advcl", "conj", "parataxis", "relcl", "csubj", "cc", "punct", "mark",
            "nsubj", "nsubjpass", "csubjpass", "aux", "auxpass", "neg", "agent"}
_SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
_NOUN_POS = {"NOUN", "PROPN"}


@dataclass
class Trigger:
    token: object                   # spaCy Token: the verb or noun that carries the event
    cameo: str
    source: str                     # "rule", "pattern", "verb", "noun"
    specificity: int = 0
    rule: dict = field(default_factory=dict)
    extra_tokens: list = field(default_factory=list)   # particles, objects in the evidence
    nominal: bool = False


def _norm(tok) -> tuple[str, str]:
    return tok.lower_, tok.lemma_.lower()


def _words_of(tokens) -> set[str]:
    out: set[str] = set()
    for t in tokens:
        low, lem = _norm(t)
        out.add(low)
        out.add(lem)
    return out


def _text_of(tokens) -> str:
    """Lower-case text and lemma strings for phrase matching ("tear gas")."""
    toks = sorted(tokens, key=lambda t: t.i)
    return " " + " ".join(t.lower_ for t in toks) + " " + " | " + " ".join(t.lemma_.lower() for t in toks) + " "


_PRUNE = {"relcl", "acl", "advcl", "ccomp", "parataxis"}


def _pruned_subtree(tok) -> list:
    """The tokens under ``tok`` without relative and other embedded clauses ("a resolution
    that aims to tighten sanctions": the sanctions are not the object of "support")."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _PRUNE)
    return out


def _heads_a_time(prep) -> bool:
    """'on Saturday', 'at dawn', 'in March': a preposition of a time expression takes no
    argument of the verb ("fired the coach on Saturday" fired on no one)."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


class _Regions:
    """The words around a verb that its patterns look at, computed once per verb."""

    def __init__(self, verb):
        self.verb = verb
        obj_tokens = []
        prep_heads = []
        xcomp_lemmas = []
        for child in verb.children:
            if child.dep_ == "advcl":   # "pushing for the US to support": "for" as a preposition
                prep_heads.extend(c for c in child.children if c.dep_ == "mark" and c.lower_ == "for")
            if child.dep_ in _CLAUSAL or is_attribution(child):
                continue
            if child.dep_ == "xcomp":
                xcomp_lemmas.append(child.lemma_.lower())
            sub = _pruned_subtree(child)
            obj_tokens.extend(sub)
            for t in sub:
                if (t.dep_ in ("prep", "agent") or (t.dep_ == "dative" and t.pos_ == "ADP")) and \
                        not _heads_a_time(t):
                    prep_heads.append(t)
                if t.dep_ == "xcomp" and t != child:
                    xcomp_lemmas.append(t.lemma_.lower())
        # a passive's subject is its object: "the US ambassador was summoned" (not its
        # prepositions: "the ambassador to the EU" puts no "to" on the verb). A participle
        # describing a noun ("the deal reached in 2015") tells what the noun is, not news.
        if not any(c.dep_ == "dobj" for c in verb.children):
            obj_tokens.extend(_patient_words([c for c in verb.children if c.dep_ == "nsubjpass"]))
        # "declared martial law but lifted it": a pronoun object stands for the first verb's
        if verb.dep_ == "conj" and any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in verb.children):
            for c in verb.head.children:
                if c.dep_ == "dobj":
                    obj_tokens.extend(c.subtree)
        dobj_tokens = []
        for c in verb.children:
            if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "dobj"):
                for t in [c] + [g for g in c.children if g.dep_ in ("conj", "compound", "amod")]:
                    dobj_tokens.append(t)
                    dobj_tokens.extend(g for g in t.children if g.dep_ in ("compound", "amod"))
        self.dobj_words = _words_of(dobj_tokens)
        self._dobj_tokens = dobj_tokens
        self.obj_tokens = obj_tokens
        self.obj_words = _words_of(obj_tokens)
        self.preps = {}
        for p in prep_heads:
            self.preps.setdefault(p.lower_, []).append(p)
        self.prts = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod", "acomp", "oprd")}
        nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
        if nxt is not None and nxt.dep_ in ("prt", "prep", "advmod") and nxt.head == verb:
            self.prts.add(nxt.lower_)
        subj = []
        for child in verb.children:
            if child.dep_ in _SUBJ and child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                subj.extend(verb.head.subtree)   # "protesters who gathered"
            elif child.dep_ in _SUBJ:
                subj.extend(child.subtree)
            if child.dep_ == "agent":
                subj.extend(child.subtree)
        if not subj:  # xcomp/conj verbs share the subject of their head
            head = verb
            for _ in range(3):
                if head.dep_ not in ("xcomp", "conj", "advcl", "acl") or head.head == head:
                    break
                head = head.head
                if head.pos_ in _NOUN_POS and verb.dep_ == "acl":
                    subj.extend(t for t in head.subtree if t.i < verb.i)
                    break
                cand = [t for c in head.children if c.dep_ in _SUBJ for t in c.subtree]
                if cand:
                    subj.extend(cand)
                    break
        self.subj_words = _words_of(subj)
        self._subj_tokens = subj
        self.xcomp = set(xcomp_lemmas)

    # The texts serve only phrases of several words; most verbs' rules never ask for them.
    @functools.cached_property
    def dobj_text(self) -> str:
        return _text_of(self._dobj_tokens)

    @functools.cached_property
    def obj_text(self) -> str:
        return _text_of(self.obj_tokens)

    @functools.cached_property
    def subj_text(self) -> str:
        return _text_of(self._subj_tokens)

    def has(self, words, where: str) -> bool:
        pool = {"obj": self.obj_words, "dobj": self.dobj_words}.get(where, self.subj_words)
        for w in words:
            if " " in w:
                text = self.obj_text if where == "obj" else self.dobj_text if where == "dobj" else self.subj_text
                if f" {w} " in text:
                    return True
            elif w in pool:
                return True
        return False


def _rule_matches(rule: dict, tok, regions: _Regions | None, noun_ctx: dict | None) -> bool:
    lemma = verb_lemma(tok, load_lexicon()) if regions is not None else tok.lemma_.lower()
    if "lemma_is" in rule:
        allowed = rule["lemma_is"] if isinstance(rule["lemma_is"], list) else [rule["lemma_is"]]
        if lemma not in allowed and tok.lower_ not in allowed:
            return False
    if regions is not None:
        if "obj" in rule and not regions.has(rule["obj"], "obj"):
            return False
        if "dobj" in rule and not regions.has(rule["dobj"], "dobj"):
            return False
        if "subj" in rule and not regions.has(rule["subj"], "subj"):
            return False
        if "prep" in rule:
            if not any(p in regions.preps or p in regions.prts for p in rule["prep"]):
                return False
        if "prt" in rule and not any(p in regions.prts for p in rule["prt"]):
            return False
        if "patient" in rule and not _patient_has(tok, rule["patient"]):
            return False
        if "xcomp" in rule and not (regions.xcomp if "any" in rule["xcomp"] else regions.xcomp & set(rule["xcomp"])):
            return False
        if "verdict" in rule and verdict_of(tok, load_lexicon().cues) not in rule["verdict"]:
            return False   # "found him guilty", "was found not guilty"
        if rule.get("clause") and not any(c.dep_ == "ccomp" for c in tok.children):
            return False
        if rule.get("forecast") and not _foretells_a_state(tok):
            return False
        if rule.get("naming") and not _names_something(tok):
            return False
        if rule.get("met_by_a_thing") and not _met_by_a_thing(tok):
            return False
        if rule.get("resultative") and not _resultative(tok):
            return False
        if rule.get("patient_actor") and not _patient_is_actor(tok):
            return False
        if rule.get("patient_actor") is False and not _patient_is_thing(tok):
            return False
        if rule.get("patient_abstract") and not _patient_is_abstract(tok):
            return False
        return True
    # noun rules
    ctx = noun_ctx or {}
    if "mod" in rule and not (ctx["mods"] & set(rule["mod"])) and not any(
            " " in m and f" {m} " in ctx["mod_text"] for m in rule["mod"]):
        return False
    if "obj" in rule and not (ctx["phrase"] & set(rule["obj"])):
        return False
    if "head" in rule and ctx["head"] not in rule["head"]:
        return False
    if "head_verb" in rule and ctx["head_verb"] not in rule["head_verb"]:
        return False
    if "head_dep" in rule and tok.dep_ not in rule["head_dep"]:
        return False
    if rule.get("plural_only") and tok.tag_ != "NNS" and tok.lower_ == lemma:
        return False
    if rule.get("upper") and not tok.text[:1].isupper():
        return False
    if rule.get("obj_state") and not (tok.head.lower_ == "of" and tok.head.head.lemma_.lower() == "state"):
        return False
    if "aimed_by" in rule and not _aimed_by(tok, rule["aimed_by"]):
        return False
    if "addressed_by" in rule and not _addressed_by(tok, rule["addressed_by"]):
        return False
    if "done_by" in rule and not _done_by(tok, rule["done_by"]):
        return False
    if rule.get("victim") and not _victim_named(tok):
        return False
    if rule.get("violent") and not _told_as_violence(tok, load_lexicon()):
        return False
    if rule.get("crisis") and not _told_against_a_crisis(tok, load_lexicon()):
        return False
    if rule.get("stance") and stance_verb(tok) is None:
        return False
    return True


def stance_verb(noun):
    """The light verb a stance noun is told with, or None: the verb of ``stance_verbs``
    (triggers.yaml) whose direct object, or the subject of whose passive, the noun is, or a
    noun it is coordinated with ("expressed disappointment at the ruling", "announced their
    support for the deal", "tributes were paid by world leaders", "applying pressure on
    Pyongyang"). "Support for the deal is growing" or "military support" tells no act."""
    node = noun
    while node.dep_ == "conj" and node.head != node and node.head.pos_ in _NOUN_POS:
        node = node.head
    verb = node.head
    if node.dep_ not in ("dobj", "nsubjpass") or verb == node or verb.pos_ not in ("VERB", "AUX"):
        return None
    verbs = load_lexicon().extra["stance_verbs_set"]
    return verb if verb.lemma_.lower() in verbs or verb_lemma(verb, load_lexicon()) in verbs else None


# The prepositions whose object a stance is aimed at: "support for", "tribute to", "pressure on",
# "disappointment at", "anger with", "opposition against".
_STANCE_TARGET_PREPS = ("for", "to", "on", "upon", "at", "with", "against", "toward", "towards")


def stance_sides(noun):
    """(source head, target head) of a stance told with a light verb: the one who voices it is
    the verb's subject, or its passive's agent ("tributes were paid by world leaders"), or the
    noun's possessor ("Germany's support"; "their support" stands for the subject); the one it
    is aimed at is the noun's complement or the verb's ("support for Biden", "offered its
    support to the president", "gave the junta its backing"). A thing a stance is about ("support
    for the deal") is no side."""
    verb = stance_verb(noun)
    src = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if src is None and verb is not None:
        node = verb
        for _ in range(3):   # "pledged to offer its support": the subject of the verb it hangs on
            src, _passive = _subject_of(node)
            if src is not None or node.dep_ not in ("xcomp", "conj", "advcl") or node.head == node:
                break
            node = node.head
    if src is not None and src.pos_ == "PRON":
        src = _antecedent(src) or src
    tgt = None
    for holder in (noun, verb):
        if holder is None or tgt is not None:
            continue
        for c in holder.children:
            if c.dep_ == "dative" and c.pos_ != "ADP":
                tgt = _actor_or_possessor(c, possible_actor)   # "gave the junta its backing"
            elif c.dep_ in ("prep", "dative") and c.lower_ in _STANCE_TARGET_PREPS and _pobj(c) is not None:
                tgt = _actor_or_possessor(_pobj(c), possible_actor)
            if tgt is not None:
                break
    return _actor_or_possessor(src, possible_actor), tgt


def voiced_by_a_party(src) -> bool:
    """Whether a stance told with a light verb is a party's act: its holder (the resolved
    source side) is a state, a body, an office or a group with a country or a sector, or a
    person named ("Xi is applying pressure on ..."), and not private people ("residents
    expressed anger over the delays", "his sister made public requests", "fans paid tribute"):
    a private person's feeling or wish is aimed at no one as an act; what crowds do about it (a
    protest) is told by its own words."""
    return src is not None and src.sector != "CVL" and bool(
        src.country or src.sector or src.head.ent_type_ == "PERSON")


def _tells_a_stance(verb, lex: Lexicon) -> bool:
    """Whether a light verb of stance has a stance noun as its object ("offered its support",
    "extended its gratitude"): the noun is the event, the verb none of its own."""
    if verb_lemma(verb, lex) not in lex.extra["stance_verbs_set"]:
        return False
    for c in verb.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        rules = lex.triggers_nouns.get(c.lower_) or lex.triggers_nouns.get(c.lemma_.lower()) or ()
        if any(r.get("stance") and r.get("cameo") for r in rules) and noun_trigger(c, lex) is not None:
            return True
    return False


def sentence_words(sent, skip=frozenset()) -> set[str]:
    """The lower-cased words and lemmas of a sentence, without the tokens at ``skip``."""
    t = token_table(sent.doc)
    return {w for i in range(sent.start, sent.end) if i not in skip for w in (t.lemma[i].lower(), t.lower[i])}


def _told_against_a_crisis(tok, lex: Lexicon) -> bool:
    """The sentence names a disease or a natural disaster ("declared a national emergency in
    response to the coronavirus outbreak", "a state of emergency over the floods")."""
    return bool(sentence_words(tok.sent) & lex.extra["crisis_set"])


def _victim_named(noun) -> bool:
    """"the deaths of 34 protesters", "Michael Brown's death": the noun names whom it befell
    (a person, a body, a group), not a thing ("the death of the bill") or nobody ("a murder
    charge")."""
    victims = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]
    victims += [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    return bool(victims) and all(possible_actor(g) for g in victims)


def _told_as_violence(noun, lex: Lexicon) -> bool:
    """A death is an act of force only where its sentence ties it to one ("the deaths of 12
    miners shot by police", "in the bombing") and tells no accident or disaster with it ("the
    deaths of 39 migrants in a lorry", "died in the floods")."""
    words = sentence_words(noun.sent)
    return bool(words & lex.cues["weapon_words"]) and not (
        words & (lex.cues["accident_words"] | lex.cues["non_agentive_subjects"]))


def _resultative(verb) -> bool:
    """The verb puts its object in a state: "left two dead", "left dozens of soldiers injured",
    "left thousands homeless" (a predicative of the object, or a participle or adjective
    after it), not "left the city"."""
    for c in verb.children:
        if c.dep_ == "oprd" or (c.dep_ in ("ccomp", "xcomp") and (c.pos_ == "ADJ" or c.tag_ == "VBN")):
            return True
        if c.dep_ == "dobj" and any((g.dep_ == "acl" and g.tag_ == "VBN") or (g.dep_ == "amod" and g.i > c.i)
                                    for g in c.children):
            return True
    return False


def _met_by_a_thing(verb) -> bool:
    """A passive whose doer is a thing or whose subject is an event, not a party: "the
    protesters were met by tear gas", "was met with a crackdown", "the march was met by riot
    police". Parties meet parties; what a thing or a crowd's act "meets" is a response to it."""
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    doers = [g for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "with")
             for g in c.children if g.dep_ == "pobj"]
    if any(d.pos_ == "NOUN" and not actor_like(d) for d in doers):
        return True
    nouns = load_lexicon().triggers_nouns
    return any(c.dep_ == "nsubjpass" and c.pos_ == "NOUN" and c.lemma_.lower() in nouns and not actor_like(c)
               for c in verb.children)


def _names_something(verb) -> bool:
    """"called Biden a decent man", "a group called Love Coalition": an object predicative
    (the name or the label given), or a second object the parser reads as one ("calling it a
    personal agreement"), makes "call", "name" or "label" a naming, not a request."""
    return any(c.dep_ == "oprd" for c in verb.children) or \
        sum(1 for c in verb.children if c.dep_ in ("dobj", "dative")) >= 2


def _foretells_a_state(verb) -> bool:
    """Whether the verb's that-clause tells a state of things or a happening nobody does
    ("experts warned that it may be days before the line is fixed", "warned that a domino
    effect was occurring"): a criticism of whoever brings it about (PLOVER ACCUSE), not a
    threat of what the speaker will do (THREATEN is a coercive warning). An event noun
    as the clause's subject is an act ("warned that new attacks would come")."""
    nouns = load_lexicon().triggers_nouns
    for c in verb.children:
        if c.dep_ != "ccomp":
            continue
        if c.lemma_.lower() == "be" or any(g.dep_ == "expl" for g in c.children):
            return True
        subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ == "NOUN" and not possible_actor(subj) and \
                subj.lemma_.lower() not in nouns:
            return True
    return False


def _patient_is_actor(verb) -> bool:
    """Whether the one the verb is done to (its object, or the subject of its passive) is a
    person, a body or a state ("welcomed President Macron", "Macron was greeted by ..."),
    not a thing ("welcomed the decision")."""
    return any(c.dep_ in ("dobj", "nsubjpass") and actor_like(c) for c in verb.children)


def _patients(verb) -> list:
    """The one a passive verb is done to: the subject of its passive, or the noun its
    participle describes ("troops stationed in Kosovo")."""
    patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not patients and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in _NOUN_POS:
        patients = [verb.head]
    return patients


def _patient_words(patients) -> list:
    """The patients with their compounds, adjectives, conjuncts and the noun of their
    of-phrase ("thousands of troops", "a battalion of marines")."""
    tokens = []
    for p in patients:
        of_nouns = [g for o in p.children if o.dep_ == "prep" and o.lower_ == "of" for g in o.children if g.dep_ == "pobj"]
        for t in [p, *of_nouns] + [g for g in p.children if g.dep_ == "conj"]:
            tokens.append(t)
            tokens.extend(g for g in t.children if g.dep_ in ("compound", "amod"))
    return tokens


def _patient_has(verb, words) -> bool:
    """Whether the one the verb is done to (its direct object, the subject of its passive, or
    the noun its participle describes: "troops stationed in Kosovo") has one of ``words``
    among its words, compounds, adjectives, conjuncts and the noun of its of-phrase ("deployed
    water cannon trucks and riot officers", "thousands of troops were deployed"); "any":
    whether there is one ("amassed delegates")."""
    patients = [c for c in verb.children if c.dep_ == "dobj"] or _patients(verb)
    if "any" in words:
        return bool(patients)
    tokens = _patient_words(patients)
    pool = _words_of(tokens)
    text = _text_of(tokens)
    return any((f" {w} " in text) if " " in w else (w in pool) for w in words)


def _patient_is_thing(verb) -> bool:
    """Whether the verb's direct object is a thing, not a person, a body or a state
    ("demonstrated the new software", "demonstrated its resolve")."""
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and not actor_like(c) for c in verb.children)


def _patient_is_abstract(verb) -> bool:
    """Whether the verb's direct object is a thing that is neither a party, a place nor an
    event: "fighting the spread of cholera", not "fought a battle", "fought the rebels" or
    "fought Mosul"; nor the doer's own ("fought their way into the city": the fight moves on)."""
    nouns = load_lexicon().triggers_nouns
    return any(c.dep_ == "dobj" and c.pos_ == "NOUN" and not actor_like(c) and
               c.lemma_.lower() not in nouns and c.ent_type_ not in ("GPE", "LOC", "FAC") and
               not any(g.dep_ == "poss" and g.pos_ == "PRON" for g in c.children)
               for c in verb.children)


def _addressed_by(noun, verbs) -> bool:
    """Whether someone speaks to or at the gathering the noun names ("speaks at a rally",
    "told a rally in Albany", "addressed the rally"), or does at it, to no one's person, what
    a participle of speaking tells ("hit back at his rival at a rally, saying ..."; not
    "arrested dozens at a rally, saying ..."): its speaker holds it, nobody protests."""
    lemmas = set(verbs)
    head = noun.head
    if noun.dep_ in ("dobj", "dative") and head.lemma_.lower() in lemmas:
        return True
    if not (noun.dep_ == "pobj" and head.lower_ in ("at", "to", "during", "before")):
        return False
    verb = head.head
    return verb.lemma_.lower() in lemmas or \
        (not any(c.dep_ == "dobj" for c in verb.children) and
         any(c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in lemmas for c in verb.children))


def _done_by(noun, words) -> bool:
    """Whether the doer of the act the noun names is one of ``words``: the subject of the verb
    it is the object of ("the coalition, which carried out four strikes") or its own "by"
    phrase or possessor ("strikes by the air force", "the army's strikes")."""
    doers: list = []
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB":
        regions = _Regions(noun.head)
        if any(w in regions.subj_words or (" " in w and f" {w} " in regions.subj_text) for w in words):
            return True
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by"):
            doers.extend(c.subtree)
    pool, text = _words_of(doers), _text_of(doers)
    return any(w in pool or (" " in w and f" {w} " in text) for w in words)


def _aimed_by(noun, verbs) -> bool:
    """Whether the event noun is the subject of one of ``verbs`` or is described by one as a
    participle ("a blast targets police", "an explosion targeting its base"): a deliberate act."""
    lemmas = set(verbs)
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in lemmas:
        return True
    return any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lemmas for c in noun.children)


def _petrarch_element(el: dict, regions: _Regions, lex: Lexicon, side: str) -> bool:
    words = el.get("w", [])
    if "p" in el:
        heads = regions.preps.get(el["p"])
        if not heads:
            return el["p"] in regions.prts and not words
        if not words:
            return True
        for h in heads:
            sub = list(h.subtree)
            pool = _words_of(sub)
            if all(_word_in(w, pool, lex) for w in words):
                return True
        return False
    pool = regions.obj_words if side == "post" else regions.subj_words
    return all(_word_in(w, pool, lex) for w in words)


def _word_in(word: str, pool: set[str], lex: Lexicon) -> bool:
    if word.startswith("&"):
        members = lex.synsets.get(word)
        if not members:
            return False
        return any(m in pool for m in members if " " not in m)
    if word in pool:
        return True
    # dictionary nouns are singular; news has plurals and vice versa
    if word + "s" in pool or (word.endswith("s") and word[:-1] in pool):
        return True
    return False


def _petrarch_code(tok, regions: _Regions, lex: Lexicon):
    """(code, specificity, matched words) from the PETRARCH verb dictionary, or None."""
    entries = lex.verbs.get(verb_lemma(tok, lex)) or lex.verbs.get(tok.lower_)
    if not entries:
        return None
    doc = tok.doc
    for entry in entries:
        words, infl = entry["words"], entry["infl"]
        extra = []
        if len(words) > 1:
            ok = True
            for k, w in enumerate(words):
                if k == infl:
                    continue
                j = tok.i + (k - infl)
                if 0 <= j < len(doc) and doc[j].lower_ == w:
                    extra.append(doc[j])
                    continue
                # particle or preposition on the verb, not adjacent ("pull its troops out")
                if k > infl and w in regions.prts:
                    extra.extend(c for c in tok.children if c.lower_ == w)
                    continue
                ok = False
                break
            if not ok:
                continue
        best = None
        for pat in entry["patterns"]:
            if not pat["pre"] and not pat["post"]:
                continue
            if all(_petrarch_element(el, regions, lex, "post") for el in pat["post"]) and \
               all(_petrarch_element(el, regions, lex, "pre") for el in pat["pre"]):
                spec = sum(len(el.get("w", [])) + (1 if "p" in el else 0)
                           for el in pat["pre"] + pat["post"])
                if best is None or spec > best[1]:
                    best = (pat["code"], spec)
        if best is not None:
            return best[0], best[1] + 1, extra
        if not entry.get("own_code") and entry["block"] in lex.extra["no_default_blocks_set"]:
            return None   # "expanded the air campaign", "founded the group": no cooperation
        return entry["code"], 0, extra
    return None


def _clean_code(code: str | None):
    """'042:043' -> '042'; ':173' -> None (reverse-only); '---' -> None."""
    if not code:
        return None
    code = code.split(":")[0].strip()
    if not code or code.startswith("-"):
        return None
    return code


def verb_lemma(tok, lex: Lexicon) -> str:
    """The verb's lemma, repaired where the tagger's lemmatizer slips ("staged" -> "stag")."""
    lemma = tok.lemma_.lower()
    if lemma in lex.triggers_verbs or lemma in lex.verbs or lemma in lex.extra["no_event_verbs_set"]:
        return lemma
    low = tok.lower_
    for cut, add in (("ied", "y"), ("ed", "e"), ("ed", ""), ("d", ""), ("ing", "e"), ("ing", ""),
                     ("es", ""), ("s", "")):
        if low.endswith(cut):
            cand = low[: -len(cut)] + add
            if cand in lex.triggers_verbs or cand in lex.verbs:
                return cand
    return lemma


def _idiom_phrase(verb, rule: dict) -> list:
    """The preposition and noun of an idiom the rule names ("taken into custody", "took to the
    streets"): they tell the event with the verb, so they belong to its evidence."""
    if "prep" not in rule or "obj" not in rule:
        return []
    out = []
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ in rule["prep"]:
            nouns = [g for g in p.children if g.dep_ == "pobj" and _words_of([g]) & set(rule["obj"])]
            if nouns:
                out += [p, *nouns]
    return out


def verb_trigger(tok, lex: Lexicon | None = None) -> Trigger | None:
    lex = lex or load_lexicon()
    lemma = verb_lemma(tok, lex)
    if lemma in lex.extra["stance_verbs_set"] and _tells_a_stance(tok, lex):
        return None
    rules = lex.triggers_verbs.get(lemma)
    regions = None
    if rules:
        regions = _Regions(tok)
        for rule in rules:
            if _rule_matches(rule, tok, regions, None):
                if rule.get("light"):
                    return None
                code = rule.get("cameo")
                if code is None:
                    return None
                extra = [c for c in tok.children if c.dep_ == "prt"] + _idiom_phrase(tok, rule)
                spec = sum(1 for k in ("obj", "prep", "prt", "subj", "xcomp", "verdict") if k in rule)
                return Trigger(tok, code, "rule", 2 + spec, rule, extra)
    if lemma in lex.extra.get("no_event_verbs_set", ()):
        return None
    if not (lex.verbs.get(lemma) or lex.verbs.get(tok.lower_)):
        return None   # no PETRARCH entry (``_petrarch_code`` finds none): no regions to read
    regions = regions or _Regions(tok)
    found = _petrarch_code(tok, regions, lex)
    if found is None:
        return None
    code, spec, extra = found
    code = _clean_code(code)
    if code is None:
        return None
    return Trigger(tok, code, "pattern" if spec else "verb", spec, {}, extra)


def noun_context(tok) -> dict:
    mods = set()
    mod_tokens = []
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod", "nummod") or \
           (c.dep_ == "punct" and c.lower_ == "-"):
            for t in c.subtree:
                mods.add(t.lower_)
                mods.add(t.lemma_.lower())
                mod_tokens.append(t)
    # hyphenated or split compounds: "air strike", "pre-emptive nuclear strike"
    j = tok.i - 1
    while j >= 0 and j >= tok.i - 3 and tok.doc[j].head == tok:
        mods.add(tok.doc[j].lower_)
        j -= 1
    phrase = set()
    for c in tok.children:
        if c.dep_ == "prep":
            phrase.add(c.lower_)
            for t in c.subtree:
                phrase.add(t.lower_)
                phrase.add(t.lemma_.lower())
    head = tok.head
    head_verb = head.lemma_.lower() if tok.dep_ in ("nsubj", "nsubjpass") else ""
    return {"mods": mods, "mod_text": _text_of(mod_tokens), "phrase": phrase,
            "head": head.lower_ if head != tok else "", "head_verb": head_verb}


# Derivational endings of English nominalisations: (ending, what replaces it in the verb).
_NOMINAL_ENDINGS = (("ings", ""), ("ing", ""), ("ing", "e"), ("ations", "e"), ("ation", "e"),
                    ("ations", ""), ("ation", ""), ("ations", "ate"), ("ation", "ate"),
                    ("ions", "e"), ("ion", "e"), ("ions", ""), ("ion", ""), ("sion", "de"),
                    ("ments", ""), ("ment", ""), ("als", ""), ("al", ""), ("als", "e"), ("al", "e"))


def _unconditional_verb_rule(rules: list[dict]) -> dict | None:
    """The verb's one rule when it has no condition at all ("abduct": CAMEO 181 whatever its
    arguments) and tells a material conflict (quad class 4), else None. A verb whose sense its
    arguments decide gives its noun none; and the nouns of cooperative or verbal acts name
    standing relations and institutions more often than events ("economic cooperation", "the
    prosecution argued"), while those of force name acts ("the execution", "a stabbing")."""
    if len(rules) != 1:
        return None
    rule = rules[0]
    if rule.get("cameo") is None or rule.get("light") or set(rule) - {"cameo", "category", "mode", "acled"}:
        return None
    category = rule.get("category") or describe_code(str(rule["cameo"]))[0]
    return rule if category and quad_class(category) == 4 else None


def nominalised_verb(tok, lex: Lexicon) -> tuple[str, dict] | None:
    """(verb, its rule) when the noun is the nominalisation of a verb whose event does not
    depend on its arguments ("execution" of "execute", "beheading" of "behead", "stabbing" of
    "stab"), found by morphology; None otherwise."""
    low = tok.lower_
    for ending, repl in _NOMINAL_ENDINGS:
        if not low.endswith(ending) or len(low) - len(ending) < 3:
            continue
        stem = low[: -len(ending)] + repl
        candidates = [stem]
        if ending.startswith("ing") and len(stem) > 3 and stem[-1] == stem[-2]:
            candidates.append(stem[:-1])   # "kidnapping" -> "kidnap"
        for verb in candidates:
            rules = lex.triggers_verbs.get(verb)
            rule = _unconditional_verb_rule(rules) if rules else None
            if rule is not None:
                return verb, rule
    return None


def _of_phrase_names_an_actor(noun) -> bool:
    """"the execution of a cleric" is done to someone; "the execution of the plan" to a thing:
    a nominalisation whose of-phrase names no person, body or state tells no act of force.
    True when there is no of-phrase."""
    objects = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]
    return all(possible_actor(g) for g in objects)


def noun_trigger(tok, lex: Lexicon | None = None) -> Trigger | None:
    lex = lex or load_lexicon()
    rules = lex.triggers_nouns.get(tok.lower_) or lex.triggers_nouns.get(tok.lemma_.lower())
    if not rules:
        if tok.pos_ != "NOUN" or tok.ent_type_:
            return None
        derived = nominalised_verb(tok, lex)
        if derived is None or not _of_phrase_names_an_actor(tok):
            return None
        extra = [c for c in tok.children if c.dep_ == "compound"]
        return Trigger(tok, derived[1]["cameo"], "noun", 1, dict(derived[1], derived_from=derived[0]),
                       extra, nominal=True)
    ctx = noun_context(tok)
    for rule in rules:
        if _rule_matches(rule, tok, None, ctx):
            code = rule.get("cameo")
            if code is None:
                return None
            extra = [c for c in tok.children if c.dep_ in ("compound",) or
                     (c.dep_ == "amod" and c.i == tok.i - 1)]
            if rule.get("stance"):
                extra.append(stance_verb(tok))   # "expressed disappointment": the verb tells it
            return Trigger(tok, code, "noun", 1 + sum(1 for k in ("mod", "obj", "head") if k in rule),
                           rule, extra, nominal=True)
    return None


def find_triggers(sent, lex: Lexicon | None = None) -> list[Trigger]:
    """Every verb and noun in the sentence that carries an event, in text order."""
    lex = lex or load_lexicon()
    out = deontic_requests(sent, lex)
    deontic = {t.token.i for t in out}
    doc, t = sent.doc, token_table(sent.doc)
    for i in range(sent.start, sent.end):
        dep, pos = t.dep[i], t.pos[i]
        if dep in ("amod", "compound"):
            continue   # "UN-backed", "riot police", "aid workers": modifiers, not events
        if pos == "VERB":
            if dep in ("dobj", "pobj", "nsubj", "nsubjpass") and t.tag[i] in ("VBN", "VBD"):
                continue   # "evacuated the wounded": a participle used as a noun
            trig = None if i in deontic else verb_trigger(doc[i], lex)
        elif pos in _NOUN_POS:
            if dep == "attr" and t.lemma[t.head[i]] == "be":
                continue   # "This is not the first lawsuit": a description, not a report
            trig = noun_trigger(doc[i], lex)
        else:
            trig = None
        if trig is not None:
            out.append(trig)
    out.sort(key=lambda t: t.token.i)
    return out


_GENERIC_SUBJECTS = {"you", "one", "anyone", "anybody", "everyone", "everybody", "nobody", "someone",
                     "somebody", "we", "i", "people"}


def _addressee(verb) -> bool:
    """Whether the obligation falls on a party ("Sudan must ...") rather than on anyone at all
    ("you should choose", "any leader should", "we must")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in _GENERIC_SUBJECTS:
        return False
    return not any(c.dep_ == "det" and c.lower_ in ("any", "no", "every", "each") for c in subj.children)


def deontic_requests(sent, lex: Lexicon | None = None) -> list[Trigger]:
    """'Britain said Sudan must reach an agreement': a REQUEST by the speaker on the subject."""
    lex = lex or load_lexicon()
    cues = lex.cues
    out = []
    t = token_table(sent.doc)
    for i in range(sent.start, sent.end):
        if t.pos[i] not in ("VERB", "AUX") or t.dep[i] not in ("ccomp", "acl"):
            continue
        tok = sent.doc[i]
        if not any(c.dep_ == "aux" and c.lower_ in cues["deontic_aux"] for c in tok.children):
            continue
        head = tok.head
        if head.pos_ == "NOUN" and head.lemma_.lower() in (
                "reminder", "warning", "message", "statement", "demand", "call", "ultimatum", "insistence"):
            speaker = head.head if head.dep_ in ("dobj", "nsubj", "pobj") else head
            while speaker.dep_ == "prep" and speaker.head != speaker:
                speaker = speaker.head
            out.append(Trigger(tok, "100", "rule", 3, {"deontic": True, "speaker": speaker.i}, []))
            continue
        if tok.dep_ != "ccomp" or (head.lemma_.lower() not in cues["speech_verbs"] and head.lemma_.lower() not in (
                "reiterate", "conclude", "stress", "warn", "demand", "insist", "urge")):
            continue
        if any(c.dep_ == "neg" for c in head.children) or not _addressee(tok):
            continue   # "I don't think any leader should ...", "you should only choose ...": no demand on anyone
        out.append(Trigger(tok, "100", "rule", 3, {"deontic": True, "speaker": head.i}, []))
    return out
