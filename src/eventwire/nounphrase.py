"""What a noun phrase's determiners say about it, for the actors and events stages (one place
for the three readings they need, which differ and must not be mixed up):

- :func:`has_definite_article`: "the army", "these men": told as known to the reader
- :func:`refers_back`: "the attack", "Monday's attack", "its offensive": an event already told
- :func:`is_specific`: "the army", "Sudanese troops", "leaders of the party": a particular
  group, not "a soldier" or bare "soldiers"
"""
from __future__ import annotations

DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def has_definite_article(head) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in head.lefts)


def refers_back(noun) -> bool:
    """'the attack', 'this attack', "Monday's attack", 'its offensive': a noun that points
    back to an event (a definite article, or a date or its/their as possessor)."""
    for c in noun.children:
        if c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS:
            return True
        if c.dep_ == "poss" and (c.ent_type_ in ("DATE", "TIME") or c.lower_ in ("its", "their")):
            return True
    return False


def is_specific(head) -> bool:
    """Not indefinite ("a", "an"), and narrowed by a determiner, possessor, modifier or an
    "of" phrase."""
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.lefts):
        return False
    for child in head.lefts:
        if child.dep_ in ("det", "poss", "amod", "compound") or child.lower_ == "the":
            return True
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in head.rights)
