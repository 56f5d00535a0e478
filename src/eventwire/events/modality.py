"""Modality: does the text say the event happened (asserted), did not happen (negated),
might happen (hypothetical) or is planned, threatened or expected (future)?

The reading walks from the event's trigger up the dependency tree and the nearest cue wins:
- on each verb: negation ("did not enter"), modal auxiliaries ("could", "may" ->
  hypothetical; "will" -> future; "would" -> future under a statement or plan, else
  hypothetical; "would have" -> hypothetical), an if/unless clause (hypothetical);
- through governing words: plans, threats, promises, agreements ("threatened to",
  "agreed to", "is expected to", "due to") make the content future; offers and
  considerations ("offered to", "a possible") hypothetical; "failed to", "refused to",
  "denied that" negated; reported speech ("said", "told") ends the walk, so the content
  keeps its own modality ("officials said troops killed" is asserted);
- the content of requests, accusations and warnings ("warned the army against a
  crackdown") is not an event of its own (``suppressed``), nor is a kind of event ("any
  protest");
- a finite clause under a speech verb keeps its own modality even where the verb also names
  plans ("announced they have made an arrest"); the walk never crosses a line break (a
  headline the parser ran into the body).
Nominal events first look at their own modifiers ("planned talks", "without a deal",
"a truce due to take effect"); a definite one ("the arrest") that is the subject of an
ordinary verb happened whatever that verb says ("will not affect his status").
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..nlp import doc_text
from .lexicon import load_lexicon, verb_forms

_CONTENT = {"xcomp", "ccomp", "pcomp", "acl", "csubj"}
_NOMINAL_UP = {"dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "compound", "appos",
               "dative", "oprd", "npadvmod", "conj", "agent", "poss", "nmod"}


@dataclass
class Modality:
    value: str = "asserted"
    suppressed: bool = False        # content of a request/accusation: not an event
    cue: str | None = None          # the word that decided it


def _infinitive(verb) -> bool:
    """A to-infinitive ("to release")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


_GOVERNOR_LISTS = ("future_governors", "hypothetical_governors", "negating_governors",
                   "content_suppressing", "averting_governors", "preventing_governors", "speech_verbs", "light_verbs",
                   "factive_reactions", "aspectual_verbs", "warning_governors")


@functools.lru_cache(maxsize=1)
def _governor_words() -> frozenset[str]:
    cues = load_lexicon().cues
    return frozenset().union(*(cues[name] for name in _GOVERNOR_LISTS))


def _lemma(tok) -> str:
    """The token's lemma; for a verb the small model mislemmatizes ("hopes" -> "hop"), the
    governing word its spelling gives."""
    lemma = tok.lemma_.lower()
    governors = _governor_words()
    if tok.pos_ not in ("VERB", "AUX") or lemma in governors:
        return lemma
    return next((form for form in sorted(verb_forms(tok)) if form in governors), lemma)


def _ranked(noun, cues) -> bool:
    """'the first country', 'the latest state', 'the biggest party': one of a series."""
    return any(c.dep_ in ("amod", "nummod", "advmod") and (c.lower_ in cues["rank_words"] or c.tag_ == "JJS")
               for c in noun.children)


def _under_way(noun, cues) -> bool:
    """'the operation to clear the camp began / continued': the aim is being carried out."""
    return noun.dep_ in ("nsubj", "nsubjpass") and _lemma(noun.head) in cues["aspectual_verbs"]


def _warned_against(node, cues):
    """The warning word when ``node`` is what a warning is against or of ("warned the army
    against a crackdown", "cautioned against allowing", "warned protesters of arrest"): the
    warning's content, not an event of its own."""
    prep = node.head
    if node.dep_ not in ("pobj", "pcomp") or prep.dep_ != "prep" or prep.lower_ not in cues["warning_preps"]:
        return None
    gov = prep.head
    if gov.dep_ == "dobj" and _lemma(gov) not in cues["warning_governors"]:
        gov = gov.head   # "warned protesters of arrest": the prep hangs on the one warned
    return gov if _lemma(gov) in cues["warning_governors"] else None


def _line_between(a, b) -> bool:
    """A line break between two tokens: a headline or dateline the parser joined to the body."""
    start, end = sorted((a.idx, b.idx))
    return doc_text(a.doc).find("\n", start, end) != -1


def _definite(noun) -> bool:
    """'the arrest', 'his arrest', 'Monday's attack': a noun phrase that presupposes its event."""
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")) or
               c.dep_ == "poss" for c in noun.children)


def disputed_participation(noun) -> bool:
    """An event noun that presupposes its event ("the attack", "the 1983 attacks") under a
    verb of taking part that is itself denied, charged, hoped for or otherwise not told as
    done: "Rebels denied participating in the attack", "accused of participating in the
    attacks". The event happened; who took part in it is what is in question, so the verb's
    subject is not its doer (events/participants.py asks the same question)."""
    verb = _participation_verb(noun)
    if verb is None:
        return False
    own = modality_of(verb)
    return own.value != "asserted" or own.suppressed


def _participation_verb(noun):
    """The verb of taking part ("participate", "engage") whose object a presupposed event
    noun is; None otherwise."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or not (_definite(noun) or any(
            c.dep_ in ("nummod", "compound", "amod") and c.ent_type_ == "DATE" for c in noun.children)):
        return None
    verb = noun.head.head
    return verb if verb.pos_ == "VERB" and _lemma(verb) in load_lexicon().cues["participation_verbs"] else None


def verdict_of(verb, cues) -> str | None:
    """The verdict a verb of finding takes as its complement: "guilty" in "found him guilty",
    "not guilty" in "was found not guilty"; None when it has none."""
    for c in verb.children:
        if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and c.lower_ in cues["verdict_words"]:
            return ("not " if any(g.dep_ == "neg" for g in c.children) else "") + c.lower_
    return None


def judges(word, cues) -> bool:
    """A word that charges, judges or punishes someone ("charged", "convicted", "guilty",
    "found ... guilty"): what it is for, of or with is the act charged."""
    return _lemma(word) in cues["charge_words"] or (word.pos_ == "VERB" and verdict_of(word, cues) is not None)


def _charged_with(noun, cues):
    """The charging or judging word whose "of", "with", "for" ... phrase ``noun`` is the object
    of ("guilty of murder", "charged with arson"); None otherwise."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in cues["charge_preps"]:
        return None
    return prep.head if judges(prep.head, cues) else None


def _aimed_or_given(word, cues) -> bool:
    """A noun of aim or duty ("goal", "task") or a verb that gives a duty ("tasked with")."""
    if word.pos_ == "NOUN":
        return word.lemma_.lower() in cues["aim_nouns"]
    return word.pos_ == "VERB" and _lemma(word) in cues["assigning_verbs"]


def _has_if(node, cues) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in cues["conditional_marks"] for c in node.children)


def _own_cue(verb, cues, under_statement: bool) -> str | None:
    """Modality marked on the verb itself: negation, auxiliaries, an if-clause."""
    aux_words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux_words & cues["deontic_aux"]:
        return "deontic"
    if any(c.dep_ == "neg" for c in verb.children):
        return "negated"
    if _has_if(verb, cues):
        return "hypothetical"
    if aux_words & cues["hypothetical_aux"]:
        return "hypothetical"
    conditional_main = any(c.dep_ == "advcl" and _has_if(c, cues) for c in verb.children)
    if aux_words & cues["would_aux"]:
        if aux_words & {"have", "'ve"} or conditional_main:
            return "hypothetical"
        return "future" if under_statement else "hypothetical"
    if aux_words & cues["future_aux"]:
        return "hypothetical" if conditional_main else "future"
    return None


def _under_statement(verb, cues) -> bool:
    node = verb
    for _ in range(4):
        if node.dep_ not in ("ccomp", "conj", "xcomp") or node.head == node:
            return False
        node = node.head
        lemma = node.lemma_.lower()
        if lemma in cues["speech_verbs"] or lemma in cues["future_governors"] or \
           lemma in ("warn", "threaten", "vow", "pledge", "promise"):
            return True
    return False


def modality_of(trigger_token, nominal: bool = False) -> Modality:
    found = _modality_of(trigger_token, nominal)
    if nominal and found.value != "negated" and not found.suppressed and \
            any(c.dep_ == "det" and c.lower_ == "any" for c in trigger_token.children):
        # "vowed to crush any protest", "any attack will be answered": a kind of event, not
        # one that happened or is planned ("did not hold any talks" stays negated)
        return Modality("asserted", suppressed=True, cue="any")
    return found


def _modality_of(trigger_token, nominal: bool = False) -> Modality:
    cues = load_lexicon().cues
    tok = trigger_token
    if nominal:
        mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "det", "nmod")}
        if "no" in mods:
            return Modality("negated", cue="no")
        if tok.dep_ == "pobj" and tok.head.lower_ in ("without",):
            return Modality("negated", cue=tok.head.lower_)
        if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "to", "in", "on") and \
                tok.head.head.pos_ == "NOUN" and tok.head.head.lemma_.lower() in cues["stopping_nouns"]:
            return Modality("negated", cue=tok.head.head.lower_)   # "a cessation of hostilities"
        hyp = mods & cues["hypothetical_modifiers"]
        if hyp:
            return Modality("hypothetical", cue=min(hyp))
        fut = mods & cues["future_modifiers"]
        if fut:
            return Modality("future", cue=min(fut))
        for c in tok.children:  # "a truce due to take effect", "talks expected to begin"
            if c.dep_ in ("amod", "acl") and c.lemma_.lower() in cues["future_governors"]:
                return Modality("future", cue=c.lower_)
        head = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass") and head != tok and \
                any(c.dep_ in ("xcomp", "acomp") for c in head.children):
            # "the talks are expected to resume", "the summit is due to open"
            hl = _lemma(head)
            gov_word = next((c.lemma_.lower() for c in head.children if c.dep_ in ("acomp", "xcomp")), "")
            for word in (hl, gov_word):
                if word in cues["future_governors"]:
                    return Modality("future", cue=word)
                if word in cues["hypothetical_governors"]:
                    return Modality("hypothetical", cue=word)
    warner = _warned_against(tok, cues)
    if warner is not None:
        return Modality("asserted", suppressed=True, cue=warner.lower_)
    if nominal:
        # a nominal event named as the object of an ordinary verb ("condemned the attack",
        # "vetoed a resolution that would have deplored its invasion") is not in that verb's
        # scope; light verbs ("held talks"), plans and threats ("threatened a strike") pass
        # their modality on.
        gov = tok
        while gov.dep_ in ("pobj", "prep", "conj", "appos", "compound") and gov.head != gov:
            gov = gov.head
        if gov != tok and gov.pos_ not in ("VERB", "AUX", "ADJ"):
            gov = None
        elif gov == tok:
            gov = tok.head if tok.head != tok else None
        if gov is not None and _participation_verb(tok) is not None:
            return Modality("asserted")   # "denied taking part in the attack": the attack is fact
        if gov is not None and gov.pos_ == "VERB" and (tok.dep_ not in ("nsubj", "nsubjpass") or _definite(tok)):
            gl = _lemma(gov)
            light = gl in cues["light_verbs"] or gl in cues["future_governors"] or \
                gl in cues["hypothetical_governors"] or gl in cues["negating_governors"] or \
                gl in cues["content_suppressing"] or gl in cues["averting_governors"]
            if not light:
                # "the arrest will not affect his status": the negation is about the
                # effect; the arrest it presupposes happened
                return Modality("asserted")
    node = tok
    first = True
    for _ in range(15):
        lemma = _lemma(node)
        if nominal and not first and node.pos_ in ("NOUN", "PROPN") and node.dep_ == "pobj" and \
                (charge := _charged_with(node, cues)) is not None:
            # "found guilty of murder and assault": each act of the list is charged
            return Modality("asserted", suppressed=True, cue=charge.lower_)
        if nominal and not first and node.pos_ in ("NOUN", "PROPN") and node.dep_ == "pobj":
            # "shelling ... in violation of a truce": a noun inside another noun's phrase is a
            # background mention, outside the scope of the verbs above it
            return Modality("asserted")
        if node.pos_ in ("VERB", "AUX") or (node.pos_ == "ADJ" and not first):
            if not first and lemma in cues["speech_verbs"]:
                break  # reported speech: the content keeps its own modality
            own = _own_cue(node, cues, _under_statement(node, cues))
            if own == "deontic":   # "Libya must hand over the suspects": content of a demand
                return Modality("asserted", suppressed=True, cue="must")
            if own is not None:
                return Modality(own, cue=node.lower_)
        dep, head = node.dep_, node.head
        if head == node or _line_between(node, head):
            break   # a headline run into the body by the parser: no scope across lines
        hl = _lemma(head)
        warner = _warned_against(node, cues)
        if warner is not None:
            return Modality("asserted", suppressed=True, cue=warner.lower_)
        if dep == "pcomp" and head.lower_ == "without":
            return Modality("negated", cue="without")   # "took the town without fighting"
        if dep == "pcomp" and head.lower_ == "from" and head.dep_ == "prep" and \
                _lemma(head.head) in cues["preventing_governors"]:
            return Modality("negated", cue=head.head.lower_)   # "barred them from marching"
        if dep == "pcomp" and head.lower_ == "of" and head.head.lower_ == "short":
            return Modality("negated", cue="stopped short of")   # "stopped short of condemning"
        if dep == "pcomp" and head.dep_ == "prep" and _aimed_or_given(head.head, cues):
            # "its goal of ousting the president", "a unit tasked with investigating fraud":
            # what someone aims at or is given to do, not what happened
            return Modality("future", cue=head.head.lower_)
        if node.pos_ == "ADP" and node.lower_ in ("following", "after", "before", "during", "amid",
                                                    "despite", "since", "until"):
            break   # "agreed ... following talks in Beijing": a time adjunct, outside the verb's scope
        if dep == "conj" and any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") and c.lower_ != "to"
                                 for c in node.children):
            break   # "had not withdrawn and were still massing": a clause with its own auxiliary
        if dep == "csubj":
            # "executing him would not bring her back": a clause subject under a modal verb
            # is a possibility, whatever the main verb says about it
            aux = {c.lower_ for c in head.children if c.dep_ == "aux"}
            if aux & (cues["hypothetical_aux"] | cues["would_aux"] | cues["future_aux"]):
                return Modality("hypothetical", cue=min(aux))
            break
        if dep == "advcl":
            if _has_if(node, cues):
                return Modality("hypothetical", cue="if")
            if hl in cues["content_suppressing"] and (
                    _infinitive(node) or any(c.dep_ == "mark" and c.lower_ == "for" for c in node.children)):
                # "pressed for X to do", "pleaded with the group to release him": what is asked
                return Modality("asserted", suppressed=True, cue=hl)
            if any(c.dep_ == "mark" for c in node.children):
                break  # "after X", "while X": a clause of its own
        elif dep == "relcl":
            break
        elif nominal and first and dep == "dobj" and hl in cues["factive_reactions"]:
            return Modality("asserted")   # "condemned the detention of protesters": it happened
        elif dep in _CONTENT or (dep in ("dobj", "pobj", "prep") and not first) or \
                (nominal and first and dep in ("dobj", "pobj")):
            # "accused of", "arrested over": the reason for a charge or a request; "charged
            # with", "found guilty of", "pleaded guilty to": the act a charge or verdict names
            reason_prep = dep == "prep" and (
                (node.lower_ in ("for", "over", "on", "of") and hl in cues["content_suppressing"]) or
                (node.lower_ in cues["charge_preps"] and judges(head, cues)))
            # "reiterated its demand that Israel ease ...": the clause is the demand's content
            said_noun = dep in _CONTENT and any(c.dep_ == "dobj" and c.lemma_.lower() in cues["content_suppressing"]
                                                for c in head.children)
            if reason_prep or said_noun or (hl in cues["content_suppressing"] and (dep in _CONTENT or nominal or dep == "pobj")
                               and hl not in {"refuse", "reject", "decline"}):
                return Modality("asserted", suppressed=True, cue=hl)
            if hl == "be" and dep == "xcomp" and _infinitive(node):
                return Modality("future", cue="is to")   # "May is to step down today": arranged
            if head.lower_ in ("has", "have") and dep == "xcomp" and _infinitive(node):
                # "has to release", "has until September 17 to approve or reject": owed, not done
                # (past "had to" did it)
                return Modality("hypothetical", cue="has to")
            if hl == "need" and head.tag_ in ("VB", "VBP", "VBZ") and dep == "xcomp" and _infinitive(node):
                # "we still need to fight for ...", "the army needs to retake the town": a
                # necessity, not a deed (past "needed to" is left as told)
                return Modality("hypothetical", cue="need to")
            if hl in ("refuse", "reject", "decline") and dep in ("xcomp", "ccomp"):
                return Modality("negated", suppressed=True, cue=hl)
            if hl in cues["negating_governors"] and dep in ("xcomp", "ccomp", "pcomp"):
                return Modality("negated", cue=hl)
            if hl in cues["averting_governors"] and (dep in ("xcomp", "ccomp", "pcomp") or
                                                     (nominal and first and dep == "dobj")):
                return Modality("negated", cue=hl)   # "dodging arrest", "foiled an attack"
            if hl in cues["hypothetical_governors"] and (dep in ("xcomp", "ccomp", "pcomp", "acl", "pobj") or (
                    dep == "prep" and head.pos_ == "NOUN")):   # "the prospect of arrest"
                return Modality("hypothetical", cue=hl)
            if hl in cues["speech_verbs"] and dep == "ccomp" and not _infinitive(node):
                break   # "announced they have made an arrest": told as done, not planned
            if hl in cues["future_governors"] and (dep in _CONTENT or
                                                    (nominal and dep in ("dobj", "pobj", "prep"))):
                # "announced a ban", "undertook a mediation mission": done, not planned
                if hl not in ("announce", "order", "undertake") or dep in _CONTENT:
                    return Modality("future", cue=hl)
            if dep == "acl" and _infinitive(node) and head.pos_ == "NOUN" and not _ranked(head, cues) and \
                    hl not in cues["act_nouns"] and not _under_way(head, cues):
                # "a resolution to expel", "an offensive to recapture the city": what the thing
                # aims at, not what happened ("the first country to recognise it", "the move to
                # ban him", "the operation to clear the camp began" did)
                return Modality("future", cue=hl)
        elif dep not in _NOMINAL_UP and dep != "conj":
            break
        node = head
        first = False
    return Modality("asserted")
