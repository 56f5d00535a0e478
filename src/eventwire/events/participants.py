"""Source and target of an event, from the dependency structure, resolved to actors.

Verbs: subject (or passive agent) -> source; direct object, dative or an oblique
("clashed with", "fired at", "sanctions on") -> target; passive subject -> target.
Verbs without a subject take it from the verb they depend on ("agreed to restore",
"vowed to push on"). Symmetric events with coordinated actors ("X and Y signed",
"talks between X and Y", "the leaders of A, B and C met") take the first as source and the
second as target. Nominal events read their possessor or nationality adjective ("Russia's
invasion", "an Israeli air strike"), "by", "between", "with", "against", "on", "of".

Each side is resolved through the actors stage (``actor_at``) and its dictionary: one
resolver for the whole record, so a user's actor file changes the events' sides too. The
phrase's own words (a demonym, a capital, an agent noun such as "riot police") refine what
the actor reads; where no actor covers the phrase they are all there is.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..actors import actor_at, known_actors, load_dictionary, mentions_of
from ..actors.resolve import HYPHENS, ORG_SECTOR_WINS, body_kinds, compound_markers, names_a_thing, partitive_whole
from ..actors.dictionary import fold, looks_like_name
from ..categories import categories_where
from ..context import DocContext
from ..nounphrase import has_definite_article
from ..places.event import DATELINE_REACH, dateline_end
from ..places.recognize import DIRECTIONS
from ..places.unlisted import site_words
from ..spanindex import cached_index, entity_at, since_previous_sentence
from .lexicon import describe_code, load_lexicon, verb_forms
from .modality import disputed_participation

_SUBJ = ("nsubj", "csubj")
_TARGET_PREPS = ("against", "on", "at", "with", "upon", "into", "to", "toward", "towards",
                 "from", "over", "of")
_GROUP_HEADS = {"leader", "leaders", "head", "heads", "minister", "ministers", "president",
                "presidents", "representative", "representatives", "delegation", "delegations",
                "official", "officials", "envoy", "envoys", "forces", "troops", "army",
                "government", "governments", "member", "members", "diplomat", "diplomats",
                "negotiators", "foreign", "counterparts"}
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "its", "their", "his", "her", "them", "him"}
_KEEP_RIGHT = {"of"}
# Prepositions that put an event somewhere: a place they take is its scene, not a side.
_SCENE_PREPS = {"at", "in", "near", "outside", "inside", "from", "across", "throughout", "around"}


@dataclass
class Side:
    head: object                 # spaCy token
    start: int
    end: int
    text: str
    actor: str | None = None
    country: str | None = None
    sector: str | None = None


# "accused the minister of corruption": the "of" phrase is the charge, not part of the side
_CHARGE_VERBS = {"accuse", "charge", "convict", "clear", "acquit", "suspect", "indict", "absolve",
                 "exonerate", "find", "rob", "strip", "deprive"}


def phrase_bounds(head) -> tuple[int, int]:
    """Token range [i, j) of the noun phrase headed by ``head`` (without clauses,
    appositions, coordinated members and most prepositional phrases)."""
    left = head.i
    for c in head.lefts:
        if c.ent_type_ in ("DATE", "TIME") and c.i < head.i:
            left = c.right_edge.i + 1   # "said Sunday Fallujah is liberated": the day is no name
            continue
        if c.dep_ in ("det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "npadvmod",
                      "advmod", "case", "punct") or c.dep_ == "predet":
            if c.dep_ == "punct" and c.lower_ not in ("-", "'"):
                continue
            left = min(left, c.left_edge.i)
    right = head.i
    for c in head.rights:
        if c.dep_ == "case":
            break   # "the prime minister's proposal": the actor is "the prime minister"
        elif c.dep_ == "prep" and c.lower_ in _KEEP_RIGHT and not (
                c.lower_ == "of" and head.dep_ == "dobj" and head.head.lemma_.lower() in _CHARGE_VERBS
                and not any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)):
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if pobj:
                sub_left, sub_right = phrase_bounds(pobj[0])
                right = max(right, sub_right - 1)
        elif c.dep_ in ("compound", "nummod") and c.i == right + 1:
            right = c.i
        else:
            break
    doc = head.doc
    while left < head.i and doc[left].is_punct:
        left += 1
    return left, right + 1


def _first_conj(tok):
    for c in tok.children:
        if c.dep_ == "conj":
            return c
    return None


# Dictionary kinds that tie a phrase to a country without naming a person or an agent.
_COUNTRY_KINDS = ("country", "demonym", "capital", "seat", "place", "org")
_MAX_WORDS = 4


def _entries(tokens, i: int, size: int) -> tuple[str, list]:
    """The surface and the actors dictionary's entries for ``tokens[i:i+size]``."""
    words = [t.text for t in tokens[i:i + size]]
    surface = " ".join(w[:-2] if w.endswith(("'s", "’s")) else w for w in words if w not in ("'s", "’s", "'"))
    return surface, load_dictionary().phrases.get(fold(surface), [])


def _country_of_tokens(tokens) -> str | None:
    """The country a phrase names through a country, demonym, capital, region or
    organisation of the actors dictionary ("Russian", "the Kremlin", "Hamas"), longest first."""
    # read from the words and their tags alone, and asked of the same phrases many times
    memo = load_dictionary().memo("country_of_tokens")
    key = tuple((t.text, t.pos_) for t in tokens)
    if key not in memo:
        memo[key] = _read_country_of_tokens(tokens)
    return memo[key]


_HYPHEN_TOKENS = frozenset(HYPHENS)   # a token that is one hyphen


def _read_country_of_tokens(tokens) -> str | None:
    n = len(tokens)
    sponsored = compound_markers().get("sponsored", frozenset())
    stance = compound_markers().get("stance", frozenset())
    for size in range(min(_MAX_WORDS, n), 0, -1):
        for i in range(0, n - size + 1):
            if i + size + 1 < n and tokens[i + size].text in _HYPHEN_TOKENS and \
                    tokens[i + size + 1].lower_ in sponsored:
                continue   # "Turkish-backed rebels": the sponsor, not the rebels' country
            if i >= 2 and tokens[i - 1].text in _HYPHEN_TOKENS and tokens[i - 2].lower_ in stance:
                continue   # "pro-Russia separatists": whom they favour, not their country
            surface, entries = _entries(tokens, i, size)
            if not surface or not looks_like_name(surface, fold(surface)):
                continue   # "us" is not the US, "turkey" not Turkey
            for entry in entries:
                country = entry.coded(None)[0] if entry.kind in _COUNTRY_KINDS else None
                if country and not (size == 1 and tokens[i].pos_ not in ("PROPN", "ADJ", "NOUN")):
                    return country
    return None


def _agent_sector(tokens, i: int, size: int) -> str | None:
    """The sector of an agent noun of the actors dictionary at ``tokens[i:i+size]``, read as
    written, else by its lemmas ("policemen" -> "policeman")."""
    entries = _entries(tokens, i, size)[1] or load_dictionary().phrases.get(
        fold(" ".join(t.lemma_ for t in tokens[i:i + size])), [])
    sectors = (e.coded(None)[1] for e in entries if e.kind == "agent")
    return next((sector for sector in sectors if sector), None)


def _head_sector(tokens, head) -> str | None:
    """The sector named by the head noun with its modifiers: "riot police", "security forces"."""
    hi = head.i - tokens[0].i if tokens else 0
    for size in range(min(_MAX_WORDS, hi + 1), 0, -1):
        code = _agent_sector(tokens, hi - size + 1, size)
        if code:
            return code
    return None


def _sector_of_tokens(tokens, head) -> str | None:
    # read from the words, their lemmas and where the head is, asked of the same phrases often
    memo = load_dictionary().memo("sector_of_tokens")
    key = (tuple((t.text, t.lemma_) for t in tokens), head.i - tokens[0].i if tokens else 0)
    if key not in memo:
        memo[key] = _read_sector_of_tokens(tokens, head)
    return memo[key]


# Sectors of armed bodies that are not a state's: a premodifier naming one ("the rebel Kivu
# Defence Force", "insurgent units") outranks the army-like head it qualifies.
_NON_STATE_ARMED = {"REB", "INS", "UAF"}


def _read_sector_of_tokens(tokens, head) -> str | None:
    code = _head_sector(tokens, head)
    if code == "MIL":
        irregular = next((sector for k, t in enumerate(tokens) if t.i < head.i and t.is_lower and
                          t.dep_ in ("amod", "compound") and (k == 0 or tokens[k - 1].text not in _HYPHEN_TOKENS)
                          for sector in [_agent_sector(tokens, k, 1)] if sector in _NON_STATE_ARMED), None)
        return irregular or code
    if code:
        return code
    n = len(tokens)
    for size in range(min(_MAX_WORDS, n), 0, -1):
        for i in range(0, n - size + 1):
            code = _agent_sector(tokens, i, size)
            if code:
                return code
    return None


@functools.lru_cache(maxsize=4096)
def _country_name(text: str) -> bool:
    """A state's name in the actors dictionary ("Russia", "Turkey", "Britain", "the U.S."),
    written as a name ("us" is not the US)."""
    text = text.strip()
    return looks_like_name(text, fold(text)) and any(
        entry.kind == "country" for entry in load_dictionary().phrases.get(fold(text), ()))


def _is_country_name(tok) -> bool:
    """'Syria', 'U.S.', 'South Korea' (the token and the compound it ends), not a city."""
    i, j = phrase_bounds(tok)
    text = tok.doc[i:j].text   # "the Philippines" is listed with its article
    return _country_name(text) or _country_name(text.replace("the ", "")) or _country_name(tok.text)


def _is_igo(tokens) -> bool:
    igos = load_lexicon().extra.get("igo_set", frozenset())
    words = [t.lower_ for t in tokens]
    n = len(words)
    for size in range(min(4, n), 0, -1):
        for i in range(0, n - size + 1):
            if " ".join(words[i:i + size]) in igos:
                if size == 1 and len(words[i]) <= 4 and not tokens[i].text.replace(".", "").isupper():
                    continue   # "Kim Jong Un" is not the UN, "who" is not the WHO
                return True
    return False


# Prepositions that say only where something is, beside or around a site: what follows is
# the scene even when the site houses a body ("gathered outside parliament", "rallied in
# front of the embassy"); "at", "in", "from" may also name the body addressed or speaking.
_BESIDE_PREPS = {"outside", "inside", "near", "beside", "behind", "opposite", "front"}


def _locative_word(tok):
    """The preposition that places ``tok``: its head when it is a prepositional object, or a
    spatial preposition the parser hung on the noun itself ("gathered outside parliament"
    parsed with "outside" as the noun's modifier); None otherwise."""
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ == "of" and prep.head.lower_ == "front":
            return prep.head   # "in front of the embassy"
        return prep
    first = tok.left_edge
    if first.i < tok.i and first.lower_ in _BESIDE_PREPS and first.dep_ in ("amod", "advmod", "prep", "case"):
        return first
    return None


def is_scene(tok, ctx: DocContext) -> bool:
    """A place an event happens at ("rallied at Victory Monument", "met in Doha"), not a
    party to it; violence aimed at a place ("fired rockets at Kaduna") is the caller's call.
    Beside or around a site ("protested outside the embassy", "outside parliament") the site
    is the scene even where it houses a body: the body is not addressed by where one stands."""
    prep = _locative_word(tok) if tok is not None else None
    if prep is None or prep.lower_ not in _SCENE_PREPS | _BESIDE_PREPS or _is_country_name(tok):
        return False
    if prep.lower_ in _BESIDE_PREPS and tok.ent_type_ not in ("PERSON", "NORP") and _site_or_body(tok) and \
            not any(c.dep_ == "relcl" for c in tok.children):
        return True   # but "outside the court, which rejected the appeal": the court rejected it
    if tok.ent_type_ in ("PERSON", "ORG", "NORP") or _head_sector([tok], tok):
        return False   # "protested at the embassy", "rallied with the unions"
    cues = load_lexicon().cues
    if tok.head.lower_ == "from" and tok.head.head.lemma_.lower() in (
            cues["from_source_nouns"] | cues["reaction_verbs"]):
        return False   # "criticism from Washington", "drew criticism from Washington": it speaks
    return tok.ent_type_ in ("FAC", "LOC", "GPE", "WORK_OF_ART") or \
        any(p.feature != "country"
            for p in cached_index(ctx.scratch, "events.places", ctx.places).holding(tok.idx)) or \
        (tok.pos_ == "NOUN" and _known_actor(tok) is not True)   # "in the square"


def _site_or_body(tok) -> bool:
    """A place, a building or a body's name or noun ("parliament", "the embassy", "the
    ministry", "Downing Street"), not people ("protesters", "the crowd")."""
    if tok.ent_type_ in ("FAC", "LOC", "GPE", "ORG"):
        return True
    organisations = site_words()["organisations"]
    return _building_or_place(tok) or tok.lower_ in organisations or tok.lemma_.lower() in organisations or \
        _body_noun(tok) or _known_actor(tok) is False


def _body_noun(tok) -> bool:
    """A common noun that names a body, never one person: "the police", "the army", "the
    ministry", "parliament", "the court" (the place gazetteer's organisation words, the
    lexicon's actor nouns that end like abstractions, the actors' kinds of named body)."""
    if tok.pos_ != "NOUN" or tok.ent_type_ == "PERSON":
        return False
    words = _body_words()
    return tok.lower_ in words or tok.lemma_.lower() in words


@functools.lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    """Common nouns of bodies (``_body_noun``), gathered once: the place gazetteer's
    organisation words, the lexicon's actor nouns that end like abstractions, and the last
    words of names of state bodies (``actors/data/body_kinds.yaml``: ministry, police,
    parliament, court, ...)."""
    sectors, _ = body_kinds()
    return site_words()["organisations"] | load_lexicon().cues["actor_abstract_nouns"] | frozenset(
        w for w, sector in sectors.items() if sector in ("GOV", "COP", "LEG", "JUD"))


def resolve_side(head, ctx: DocContext, doc) -> Side | None:
    if head is None:
        return None
    if head.dep_ in ("compound", "amod", "nmod") and not _is_country_name(head) and any(
            p.feature not in ("country",)
            for p in cached_index(ctx.scratch, "events.places", ctx.places).holding(head.idx)):
        return None   # "the Mombasa attack", "a Kabul bombing": the place, not the doer
    i, j = phrase_bounds(head)
    span = doc[i:j]
    start, end = span.start_char, span.end_char
    if start < DATELINE_REACH:
        # "MALE (Reuters) - Maldives police arrested ...": the parser hangs the dateline on the
        # first subject; it is no part of the side's name
        dateline = dateline_end(ctx.document.text)
        if head.idx < dateline:
            # "SEOUL, Nov. 1 (Yonhap) -- X and Y agreed": the dateline's city is no side; the
            # parser may hang the real subject on it as an apposition ("PESHAWAR, Pakistan — At
            # least 50 militants attacked"), or on the country after it ("BAGHDAD, Iraq – Gunmen
            # kidnapped"): that one is the side
            after = next((t for t in head.subtree if t.dep_ == "appos" and t.idx >= dateline
                          and t.head.idx < dateline), None)
            return resolve_side(after, ctx, doc) if after is not None else None
        if start < dateline <= head.idx:
            span = doc[next(t.i for t in span if t.idx >= dateline):j]
            start = span.start_char
    side = Side(head=head, start=start, end=end, text=ctx.document.text[start:end])
    actor = _named_body(head, ctx) or actor_at(head.idx, head.idx + len(head.text), ctx) or actor_at(start, end, ctx)
    tokens = list(span)
    if _is_igo(tokens):
        actor = actor_at(head.idx, head.idx + len(head.text), ctx) or actor_at(start, end, ctx)
        side.actor = actor.id if actor is not None else None
        side.sector = "IGO"
        return side
    own_country = _country_of_tokens(tokens)
    sector = _sector_of_tokens(tokens, head)
    shared = _shared_noun(head)
    if shared is not None:   # "Russian and Chinese foreign ministers": the Chinese ones are ministers
        sector = _sector_of_tokens(list(doc[head.i + 1:shared.i + 1]), shared) or sector
    first_named = _first_coordinated_country(tokens, head)
    if actor is not None:
        side.actor = actor.id
        side.country = first_named or actor.country or own_country
        side.sector = sector or actor.sector
        if actor.type == "organization" and actor.sector in ORG_SECTOR_WINS:
            side.sector = actor.sector   # "FARC dissidents", "Hamas fighters": the body's, as the actors stage reads it
        if actor.type == "country" and not sector:
            side.sector = actor.sector or "GOV"
        if head.ent_type_ == "NORP" and head.pos_ in ("NOUN", "PROPN") and head.tag_ != "JJ" and \
                not sector and side.sector == "GOV":
            side.sector = "CVL"   # "an Australian", "two Britons": people, not their government
    else:
        side.country = own_country
        side.sector = sector or ("CVL" if people_by_number(head) else None)   # "Thousands marched": people
        if own_country and sector is None and head.pos_ == "PROPN" and head.ent_type_ != "NORP" and \
                _country_of_tokens([head]) == own_country:
            side.sector = "GOV"   # "Moscow vowed": a country or capital stands for its government
    if side.country and sector is None and (actor is None or actor.type != "organization") and \
            _a_partys_site(head):
        side.sector = "GOV"   # "a Syrian air base": a state's site, not its civilians'
    if side.sector == "IGO":
        side.country = None
    if side.country is None and side.sector is None:
        named = _group_antecedent(head, start, ctx)
        if named is not None:   # "The group later released them": the group named before
            side.actor, side.country, side.sector = named.id, named.country, named.sector
    return side


def _named_body(head, ctx: DocContext):
    """The organisation a generic group noun is named for ("the Islamic State group", "the
    Wagner movement"): the name's actor, not a group of people the noun alone would be."""
    if head.lemma_.lower() not in load_lexicon().cues["group_nouns"]:
        return None
    names = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if not names:
        return None
    start, last = names[0].left_edge, names[-1]
    named = actor_at(start.idx, last.idx + len(last.text), ctx)
    return named if named is not None and named.type == "organization" else None


def unmix_counterparts(src: Side | None, tgt: Side | None) -> None:
    """"Defense Minister X met his Polish counterpart in Warsaw": a counterpart whose own words
    give a nation is of another state than its owner, so the owner cannot take that nation
    from the scene or the sentence; its country is unknown unless its own words give one
    ("the Senate leader met his House counterpart" names no nation and changes nothing)."""
    for side, other in ((src, tgt), (tgt, src)):
        if side is None or other is None or not side.country or side.country != other.country:
            continue
        if other.head.lemma_.lower() not in load_lexicon().cues["foreign_counterpart_nouns"]:
            continue
        owner = next((c for c in other.head.children if c.dep_ == "poss"), None)
        phrase = list(other.head.doc[other.head.left_edge.i:other.head.i + 1])
        if owner is not None and _country_of_tokens(phrase) == other.country and \
                not _country_of_tokens(list(side.head.doc[side.head.left_edge.i:side.head.i + 1])):
            side.country = None


def _first_coordinated_country(tokens, head) -> str | None:
    """The country of the first of coordinated nationality or country modifiers of the head
    ("Russian and Chinese foreign ministers", "the U.S. and British envoys", "Iranian and Iraqi
    troops"): the phrase names more than one party, and the side is the first named (the
    others go with it, GUIDELINE section 5). None for any other phrase."""
    for t in tokens:
        if t.i < head.i and t.head == head and t.dep_ in ("amod", "compound", "nmod") and \
                any(c.dep_ == "conj" for c in t.children):
            return _country_of_tokens([t])
    return None


# Sectors of bodies the press calls "the group" once it has named them.
_GROUP_SECTORS = {"REB", "INS", "RAD", "UAF", "IMG", "OPP", "PTY", "NGO", "HRI", "CRM", "BUS", "LAB"}
# How far back "the group" reaches for the body it stands for (about two sentences).
_GROUP_REACH = 600


def _group_antecedent(head, start: int, ctx: DocContext):
    """The organisation a bare definite "the group" ("the organisation", "the movement")
    stands for: the last one named before it, nearby, whose sector is a non-state body's
    ("Boko Haram abducted 30 students. The group later released them")."""
    if head.lemma_.lower() not in load_lexicon().cues["group_nouns"] or not has_definite_article(head) \
            or any(t.pos_ == "PROPN" for t in head.subtree):
        return None
    best = None
    for actor in known_actors(ctx):
        if actor.type != "organization" or actor.sector not in _GROUP_SECTORS:
            continue
        for m in mentions_of(actor, ctx):
            if start - _GROUP_REACH <= m.start and m.end <= start and (best is None or m.start > best[0]):
                best = (m.start, actor)
    return best[1] if best else None


def is_attribution(tok) -> bool:
    """"according to the army": who reports the act is neither its object nor its side ("rockets
    struck near the base, according to officials" is no deal struck)."""
    return tok.dep_ == "prep" and tok.lower_ == "according"


def _pobj(prep):
    for c in prep.children:
        if c.dep_ == "pobj":
            return c
    return None


def _relative_antecedent(subj, verb):
    """The noun a relative pronoun subject stands for: "M23 rebels, who seized ...",
    "protesters who set up barricades and threw stones" (``verb`` is the pronoun's verb);
    any other subject as it is."""
    if subj.lower_ not in ("who", "which", "that"):
        return subj
    rel = verb if verb.dep_ == "relcl" else next((a for a in verb.ancestors if a.dep_ == "relcl"), None)
    return rel.head if rel is not None else subj


def _subject_of(verb):
    """(source head, target head from passive subject or None)."""
    subj = agent = passive = None
    for c in verb.children:
        if c.dep_ in _SUBJ:
            subj = c
        elif c.dep_ == "nsubjpass":
            passive = c
        elif c.dep_ == "agent":
            agent = _pobj(c)
    if subj is not None:
        subj = _relative_antecedent(subj, verb)
    if passive is not None and passive.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
        passive = verb.head
    if passive is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        passive = verb.head   # "a pilot captured by the militants": the noun underwent it
    if agent is None and passive is not None:
        agent = _complement_agent(verb)   # "criticized as flawed by foreign governments"
    if passive is None and subj is None:
        passive = _participle_undergoer(verb) or _coordinated_passive_subject(verb)
        if passive is None and _nonfinite_passive_subject(verb) is not None:
            # "risked being arrested", "left after being detained": the subject above
            # underwent the act and never did it
            return agent, None
    if passive is not None or agent is not None:
        return agent, passive
    if subj is not None:
        return subj, None
    return _shared_subject(verb)


def _predicative_complement(c):
    """The head of a predicative complement or second object of a passive verb ("criticized
    as flawed", "recognized as a terrorist organization", "branded a traitor", "granted safe
    passage"): an "as" phrase, or an object or adjective complement; not a clause with a
    subject or an auxiliary of its own ("killed when his convoy was hit by a bomb")."""
    if c.dep_ == "prep":
        return _pobj(c) if c.lower_ == "as" else None
    if c.dep_ not in ("oprd", "acomp", "advcl", "xcomp", "dobj", "attr"):
        return None
    kids = list(c.children)
    if any(k.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") or
           (k.dep_ == "mark" and k.lower_ != "as") for k in kids):
        return None
    if c.dep_ in ("advcl", "xcomp") and not any(k.lower_ == "as" and k.dep_ in ("advmod", "mark", "prep")
                                                for k in kids):
        return None   # "captured alive, imprisoned by China": another act, with its own doer
    return c


def _complement_agent(verb):
    """The doer of a passive verb whose "by" phrase the parser hangs on the verb's predicative
    complement: "The election was criticized as flawed by foreign governments", "the PKK,
    which is recognized as a terrorist organization by Europe". The by-phrase tells who
    criticized or recognized, not who is flawed."""
    for c in verb.children:
        node = _predicative_complement(c)
        if node is None:
            continue
        for k in node.children:
            if k.dep_ == "agent" or (k.dep_ == "prep" and k.lower_ == "by"):
                p = _pobj(k)
                if p is not None and p.ent_type_ not in ("DATE", "TIME"):
                    return p
    return None


def _shared_subject(verb):
    """(source, passive target) a verb without a subject of its own shares with the verb above
    it: xcomp, conj, participles and clauses of purpose take that verb's subject (or, under
    "urged X to", its object)."""
    node = verb
    for _ in range(4):
        if node.dep_ not in ("xcomp", "conj", "advcl", "acl", "ccomp", "pcomp", "relcl", "acomp") \
                or node.head == node:
            break
        up = node.head
        if node.dep_ in ("acl", "relcl") and up.pos_ in ("NOUN", "PROPN"):
            if node.dep_ == "acl" and node.tag_ == "VBG" and up.dep_ == "dobj" and (
                    not actor_like(up) or up.lemma_.lower() in load_lexicon().cues["authored_nouns"]):
                # "issued a statement condemning ...", "released a video threatening ...",
                # "signed a government decree banning ...": the document speaks for whoever
                # issued it
                author = next((c for c in up.head.children if c.dep_ in _SUBJ), None)
                if author is not None:
                    return author, None
            if up.dep_ == "attr" and up.head.lemma_ == "be":
                subj = next((c for c in up.head.children if c.dep_ in _SUBJ), None)
                if subj is not None:
                    return subj, None   # "Kuwait is the latest country to withdraw ...": Kuwait
            return up, None   # "protesters demanding ..."
        if node.dep_ == "pcomp" and up.dep_ == "prep":
            if up.lower_ == "for":
                # "sanctions against Moscow for recognising ...", "blamed Iran for attacking
                # ...", "thanked Qatar for mediating": whoever is answered for it did it
                answered = _answered_for(up.head)
                if answered is not None:
                    return answered, None
            up = up.head
        # object control: "urged X to", "ordered X to" -> X does the content
        if node.dep_ == "xcomp":
            obj = [c for c in up.children if c.dep_ in ("dobj",)]
            if obj and up.lemma_.lower() not in ("promise", "vow", "threaten"):
                return obj[0], None
        for c in up.children:
            if c.dep_ in _SUBJ:
                return _relative_antecedent(c, up), None
            if c.dep_ == "nsubjpass" and node.dep_ == "conj":
                return None, c
            if c.dep_ == "nsubjpass" and _controlled_by_subject(node):
                # "the man was arrested after attacking two officers", "the rebels are expected
                # to storm the town": the subject of a passive controls its subjectless
                # adjuncts and complements as any subject does; the climb never passes it to
                # reach whoever reports the clause
                return _relative_antecedent(c, up), None
            if c.dep_ == "agent":
                return _pobj(c), None
        node = up
    return None, None


def _controlled_by_subject(verb) -> bool:
    """An active non-finite verb ("to storm", "attacking") that is an adjunct or complement of
    the verb above it ("after attacking", "while fighting", "expected to storm"): its doer is
    that verb's subject. A past participle ("was found shot dead") underwent its act, unless
    "have" makes it a perfect infinitive or gerund ("are said to have attacked", "after having
    attacked"): active, as its bare form."""
    if verb.dep_ not in ("advcl", "pcomp", "xcomp"):
        return False
    return verb.tag_ in ("VB", "VBG") or (verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("have", "having") for c in verb.children) and not any(
        c.dep_ == "auxpass" for c in verb.children))


def _participle_undergoer(verb):
    """The main clause's subject when ``verb`` is a bare past participle adjunct of it: a
    passive whose subject is the main one's ("X appeared in court, charged with murder",
    "Arrested last week, the opposition leader was released"). A participle with an auxiliary
    of its own ("having arrested ...") or a subject is active; None for any other verb."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or verb.head.pos_ not in ("VERB", "AUX") or any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark", "expl") for c in verb.children):
        return None
    main = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _relative_antecedent(main, verb.head) if main is not None else None


def _coordinated_passive_subject(verb):
    """The shared subject of a passive verb coordinated with an earlier one: "The opposition
    leader returned to Lagos and was arrested by police" (the leader underwent the arrest);
    None for any other verb."""
    if verb.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _relative_antecedent(subj, verb.head) if subj is not None else None


def _nonfinite_passive_subject(verb):
    """Who underwent a passive verb with no subject of its own under another verb ("left the
    court after being detained", "risked being arrested", "ordered him to be released"): the
    object the verb above controls it with, else that verb's subject, as undergoer rather than
    doer; None for any other verb."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or verb.dep_ not in ("pcomp", "xcomp", "advcl"):
        return None
    up = verb.head
    if verb.dep_ == "pcomp" and up.dep_ == "prep":
        up = up.head
    if up.pos_ not in ("VERB", "AUX"):
        return None   # "fear of being detained": a noun's complement, whoever fears
    if verb.dep_ == "xcomp":
        obj = next((c for c in up.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
    subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _relative_antecedent(subj, up) if subj is not None else None


def _answered_for(head):
    """The object of the word a "for V-ing" reason hangs on: its direct object, or for a noun
    its "against"/"on" object."""
    if head.pos_ in ("VERB", "AUX"):
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
        # "agreed on sanctions against Moscow for recognising ...": the measure's object
        return next((a for c in head.children if c.dep_ == "prep" and c.lower_ != "for"
                     for p in [_pobj(c)] if p is not None and p.pos_ == "NOUN"
                     for a in [_answered_for(p)] if a is not None), None)
    if head.pos_ == "NOUN":
        return next((p for c in head.children if c.dep_ == "prep" and c.lower_ in ("against", "on")
                     for p in [_pobj(c)] if p is not None), None)
    return None


_ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship")
# Where a number with no noun stands for the people who act or undergo the act.
_CROWD_ROLES = ("nsubj", "nsubjpass", "dobj")


def people_by_number(tok) -> bool:
    """A bare number as a clause's subject or object, with no noun of its own: "Thousands
    marched", "More than 5,000 demonstrated", "Dozens were arrested", "gunmen killed at least
    12" (cues `crowd_numbers`, or a numeral with a quantifier). Not a date, a sum or a share
    ("2019", "$5,000", "40%"), nor a number of something named ("thousands of troops": the
    troops; but "hundreds of thousands" is a crowd), nor the crowd an act drew ("drew
    thousands")."""
    if tok is None or tok.dep_ not in _CROWD_ROLES or tok.ent_type_ not in ("", "CARDINAL"):
        return False
    cues = load_lexicon().cues
    if not (tok.lower_ in cues["crowd_numbers"] or (tok.like_num and tok.pos_ == "NUM" and any(
            c.dep_ in ("quantmod", "advmod", "amod") for c in tok.children))):
        return False   # a numeral alone is more often a misparsed count ("has 1,217 pledged delegates")
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in cues["reaction_verbs"]:
        return False   # "the march drew thousands": who took part, told as what it drew
    # "hundreds of thousands": a crowd number of a crowd number is one; of anything else,
    # that thing ("thousands of troops")
    return all(_pobj(c) is not None and _pobj(c).lower_ in cues["crowd_numbers"]
               for c in tok.children if c.dep_ == "prep" and c.lower_ == "of")


def _known_actor(tok) -> bool | None:
    """True for names, pronouns and dictionary actor nouns ("the army", "Syrian troops",
    "thousands of protesters"); False for what never acts (dates, numbers, weapons, substances,
    places used as the scene, quantities, abstractions: "a car bomb", "tear gas", "the border",
    "the amount", "plans", "legislation"); None for another common noun."""
    if tok is None:
        return False
    low, lemma = tok.lower_, tok.lemma_.lower()
    lex = load_lexicon()
    cues = lex.cues
    if people_by_number(tok):
        return True
    if low in cues["partitive_heads"] or lemma in cues["partitive_heads"]:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = _pobj(of) if of is not None else None
        if inner is not None:
            return _known_actor(inner)
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL",
                         "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "LANGUAGE"):
        return False   # "the US Presidential Election", "the Patriot Act": occurrences and things
    if tok.is_sent_start and not tok.ent_type_ and low in cues["non_actor_nouns"]:
        return False   # "Video captured ...": a common noun capitalised by its place, not a name
    if tok.pos_ == "PRON":
        return low in _PRONOUNS or low in ("themselves", "each", "who")
    if _named_area(tok):
        return False
    if lemma in _MASS_ACT_NOUNS and tok.tag_ == "NN" and not any(
            c.dep_ in ("det", "poss", "compound", "nummod") for c in tok.children):
        return False   # "police used force", "excessive force": an act, not "a UN force"
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if low in lex.extra.get("actor_nouns", ()):
        return True
    i, j = phrase_bounds(tok)
    owner = [c for c in tok.lefts if c.dep_ == "poss"]
    if owner:   # "Moscow's refusal", "the army's plan": the owner's words are not the head's
        i = max(i, max(c.right_edge.i for c in owner) + 1)
    tokens = list(tok.doc[i:j])
    if _head_sector(list(tok.doc[i:tok.i + 1]), tok) or _country_of_tokens([tok]):
        return True
    if low in cues["non_actor_nouns"] or tok.pos_ != "NOUN" or lemma in lex.triggers_nouns or names_a_thing(tok):
        return False   # an event noun ("hit by drone strikes", "the deadline"), "an Irish pub" is no side
    if low.endswith(_ABSTRACT_SUFFIXES) and lemma not in cues["actor_abstract_nouns"] and \
            low not in cues["actor_abstract_nouns"]:
        return False
    if _sector_of_tokens(tokens, tok) or _country_of_tokens(tokens):
        return True    # "a gendarmerie patrol", "a senior army commander"
    return None


# Nouns that name a body only with a determiner or a name before them, and an act without.
_MASS_ACT_NOUNS = {"force"}


def _named_area(tok) -> bool:
    """A part of a country or a named area or site: "northern Syria", "the Golan Heights",
    "the Julan neighborhood", "Tahrir Square" are where things happen, not who does them
    ("Downing Street", a seat of government in the actors dictionary, is an actor)."""
    if tok.ent_type_ in ("GPE", "LOC") and any(
            c.dep_ == "amod" and c.is_lower and c.lower_ in DIRECTIONS for c in tok.children):
        return True
    words = site_words()
    if tok.lower_ not in words["areas"] and tok.lower_ not in words["sites"]:
        return False
    name = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if tok.pos_ != "PROPN" and not name:
        return False   # "the neighbourhood rose up": its people
    first = min([tok.i] + [c.left_edge.i for c in name])
    tokens = list(tok.doc[first:tok.i + 1])
    return all(entry.kind == "place" for entry in _entries(tokens, 0, len(tokens))[1])


def actor_like(tok) -> bool:
    """Could this noun phrase head be a political actor (not a thing, a place or a date)?"""
    return bool(_known_actor(tok))


def possible_actor(tok) -> bool:
    """Not known to be a non-actor: an unknown common noun as subject ("donors pledged")."""
    return _known_actor(tok) is not False


def _actor_or_possessor(tok, accept=actor_like):
    """The side's head when it names an actor; for "X's decision" the actor X; else None
    (weapons, substances, abstractions, quantities are never a side)."""
    authored = tok is not None and tok.lemma_.lower() in load_lexicon().cues["authored_nouns"]
    if tok is not None and _controlled_noun(tok):
        owner = next(c for c in tok.children if c.dep_ == "poss")
        if owner.lower_ not in ("its", "their", "his", "her") and actor_like(owner):
            return owner   # "against Moscow's refusal to release them": Moscow
    holder = _holder_by_of(tok)
    if holder is not None:
        return holder   # "against the policies of the government": the government
    if tok is None or (accept(tok) and not authored):
        return tok   # "the manifesto blames", "the resolution condemns": its author, or none
    whole = partitive_whole(tok)   # "one of his bodyguards": the group the part is taken from
    if whole is not None and accept(whole):
        return whole
    for c in tok.children:
        if c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her") and actor_like(c) and \
                not _place_in_place(c, tok):
            return c
    # "a U.N. Security Council resolution", "a U.S. proposal": the author named before the head
    if not authored:
        return None
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod")]
    mods += [g for c in mods for g in c.lefts if g.dep_ in ("compound", "amod")]   # "US blockade measures"
    for c in sorted(mods, key=lambda t: -t.i):
        if (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG")) and actor_like(c):
            return c
    return None


def _holder_by_of(tok):
    """The actor an "of" phrase gives a stance or conduct noun to ("the policies of the
    government", "the conduct of the president", "the refusal of the court": the lexicon's
    ``held_by_of_nouns``), the one answered by acting against it; None for other nouns."""
    if tok is None or tok.pos_ != "NOUN" or tok.lower_ not in load_lexicon().cues["held_by_of_nouns"]:
        return None
    holder = next((_pobj(c) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return holder if holder is not None and actor_like(holder) else None


def _area_or_site(tok) -> bool:
    """An area or a site, named or not ("Azadi Square", "the streets", "the financial district",
    "the village"): somewhere, never a body (the gazetteer's area and site words, not its
    buildings that house one: "embassy", "ministry")."""
    return _named_area(tok) or (tok.pos_ == "NOUN" and _word_of(tok, "areas", "sites"))


def _word_of(tok, *kinds: str) -> bool:
    """The token's word or lemma is in one of the gazetteer's word lists ``kinds``
    (site_words.yaml), asked list by list rather than through a union built per call. A
    plural also by its singular: the tagger lemmatises "bases" to "basis"."""
    words = site_words()
    forms = (tok.lower_, tok.lemma_.lower(), tok.lower_[:-1] if tok.tag_ in ("NNS", "NNPS") else "")
    return any(form in words[kind] for kind in kinds for form in forms)


def _a_place(tok) -> bool:
    """A city, region or site named as such, not a country ("Tehran", "Trump Tower"), or an
    area or site noun: where something is, never who acts (a country stands for its state)."""
    return (tok.ent_type_ in ("GPE", "LOC", "FAC") and not _is_country_name(tok)) or _area_or_site(tok)


def _place_in_place(owner, tok) -> bool:
    """The possessor of an area or site that is itself a place, not a country: "Tehran's Azadi
    Square", "Sarajevo's streets", "Manila's financial district" tell where the area lies, not
    whose it is ("Moscow's refusal" and "Syria's airbase" keep their possessor)."""
    return owner.ent_type_ in ("GPE", "LOC", "FAC") and not _is_country_name(owner) and _area_or_site(tok)


def _struck_scene(tok) -> bool:
    """A place an attack is aimed at, never its target (GUIDELINE section 5: a place used as
    the scene is no side): a city or region ("shelled Karvali", "the northern city of
    Ostrava", "eastern Chad"), an area ("the village"). A state's name stays a side ("Russia
    attacked Ukraine"); a site keeps the party it names ("a Syrian air base", ``_a_partys_site``)."""
    if tok is None:
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN" and \
            _place_noun(tok.head.head):
        return True   # "the town of Karvali": the town's name, whatever the tagger makes of it
    if tok.ent_type_ in ("PERSON", "NORP", "ORG", "FAC"):
        return False
    if _named_area(tok):
        return True   # "eastern Chad", "the Golan Heights"
    if _is_country_name(tok):
        return False
    return tok.ent_type_ in ("GPE", "LOC") or (tok.pos_ == "NOUN" and tok.dep_ != "compound" and _place_noun(tok))


# Common nouns of settlements the gazetteer's area words leave out ("the city of Ostrava").
_SETTLEMENT_NOUNS = {"city", "cities", "capital", "port"}


def _place_noun(tok) -> bool:
    """A noun that names a place by its kind ("the town", "the city", "the province")."""
    return tok.lower_ in _SETTLEMENT_NOUNS or _word_of(tok, "areas")


def _a_partys_site(tok) -> bool:
    """A site or building its own words give to a state or its body: a nationality or country
    ("a Syrian air base") or an agent noun of a state's body ("a police station", "an army
    base", "a government building"). Violence aimed at it is aimed at that party (GUIDELINE
    section 5: "Iranian protesters set fire to the Saudi embassy"); a bare site ("the base",
    "a market"), a site's own name ("the al-Nuri mosque") and an area ("a Kurdish village",
    where people live) give it to nobody."""
    if tok.pos_ != "NOUN" or not _word_of(tok, "sites", "institutions"):
        return False
    i, _ = phrase_bounds(tok)
    mods = [t for t in tok.doc[i:tok.i] if t.dep_ in ("amod", "compound", "nmod") and t.head.i <= tok.i]
    return any((_country_of_tokens([m]) and m.ent_type_ in ("NORP", "GPE")) or
               (m.pos_ == "NOUN" and _head_sector([m], m) in _ARMED_OR_STATE) for m in mods)


# Sectors of the agent nouns that give a site to a party ("army base", "police station").
_ARMED_OR_STATE = {"MIL", "COP", "GOV", "SPY", "JUD", "LEG"}


def _controlled_noun(tok) -> bool:
    """A noun with a possessor whose "to"-infinitive the possessor does: "Moscow's refusal to
    release", "the government's decision to raise", "Kyiv's bid to join": a stance or an act
    (its possessor is the party), never a person or a body ("the minister's son" has none)."""
    if tok.pos_ != "NOUN" or _known_actor(tok) is not None or not any(c.dep_ == "poss" for c in tok.children):
        return False
    return any(c.dep_ == "acl" and c.tag_ == "VB" and
               any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and
               not any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children)
               for c in tok.children)


def _own_side(tok, doers=()) -> bool:
    """'its ambassador', 'their troops': the source's own people, not a target; but a
    possessive that can stand for none of the ``doers`` (the verb's subjects) names another
    party's ("Russian forces attacked its units": "its" is not the forces'), and a noun that
    names a party by its tie to the owner names another party ("met his French counterpart",
    "attacked its rivals": the lexicon's ``relational_nouns``)."""
    relational = load_lexicon().cues["relational_nouns"]
    if tok.lemma_.lower() in relational or tok.lower_ in relational:
        return False
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") and
               not (doers and all(d.pos_ != "PRON" and _disagrees(c, d) for d in doers))
               for c in tok.children) or tok.lower_ in ("themselves", "himself", "herself")


# "a proposal made by X", "a resolution drafted by X": X is the one answered or opposed
_AUTHORED = {"made", "issued", "submitted", "tabled", "presented", "offered", "proposed",
             "put", "sent", "filed", "announced", "adopted", "passed", "drafted", "sponsored",
             "brought", "levelled", "leveled", "floated"}


def _suffered(prep, noun) -> bool:
    """The "of" of an event noun: who or what underwent it ("the detention of protesters")."""
    return prep.dep_ == "prep" and prep.lower_ == "of" and noun.lemma_.lower() in load_lexicon().triggers_nouns


def _object_candidates(verb, category: str | None = None):
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and c.pos_ != "ADP" and not _own_side(c, doers):
            if c.lower_ in ("which", "who", "whom", "that") and verb.dep_ == "relcl":
                yield _placed_antecedent(verb.head)   # "Iran, which Washington blamed ...": the antecedent
                continue
            yield c
            yield from (g for g in c.children if g.dep_ == "conj")
            # "rejected a proposal made by Sudan": the proposal's author
            for g in c.children:
                if g.dep_ == "acl" and g.tag_ == "VBN" and g.lower_ in _AUTHORED:
                    agent = next((_pobj(a) for a in g.children if a.dep_ == "agent"), None)
                    if agent is not None:
                        yield agent
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS and c.lower_ != "of":
            p = _pobj(c)
            if p is not None:
                yield p
                yield from _doers_of_act(p, category)   # "protested against plans by the government"
    # the object's own prepositional target: "fired tear gas at the crowd", "sanctions on X"
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [g for o in list(objs) for g in o.children if g.dep_ == "conj"]
    for c in objs:
        # "protested the execution by Saudi Arabia of a cleric": the act's doer is answered,
        # the one who underwent it is not
        agents = [p for g in c.children if g.dep_ == "prep" and g.lower_ == "by"
                  for p in [_pobj(g)] if p is not None] or list(_doers_of_act(c, category))
        yield from agents
        for g in c.children:
            if g.dep_ == "prep" and g.lower_ in ("on", "against", "at", "to", "of", "from"):
                if _suffered(g, c) or (agents and g.lower_ == "of"):
                    continue   # "condemned the detention of protesters": they suffered it, not the act
                p = _pobj(g)
                if p is not None:
                    yield p
    # a participle adjunct's object: "struck a market, killing nine civilians"
    for c in verb.children:
        if c.dep_ == "advcl" and c.tag_ == "VBG" and not any(m.dep_ == "mark" for m in c.children):
            for g in c.children:
                if g.dep_ == "dobj":
                    yield g
    # a verb coordinated before another that names the object they share ("arrested or
    # charged forty students", "beat and detained protesters"); a second verb with a subject of
    # its own is another clause
    if not objs:
        for c in verb.children:
            if c.dep_ == "conj" and c.i > verb.i and c.pos_ == "VERB" and not any(
                    g.dep_ in ("nsubj", "nsubjpass", "auxpass") for g in c.children):
                shared = [g for g in c.children if g.dep_ == "dobj" and not _own_side(g)]
                yield from shared
                yield from (x for g in shared for x in g.children if x.dep_ == "conj")


def _doers_of_act(noun, category: str | None):
    """Who did the act a noun names, when it is told by "by" ("plans by the government", "a
    crackdown by the traffic police", "the killings carried out by the army"; the parser also
    hangs the "by" phrase on the verb whose object the noun is: "denounced the raids by
    security forces"): addressing that act addresses its doer. Nothing for a noun that is an
    actor itself ("troops sent by Moscow"), a thing ("a bomb planted by the rebels", "a camp
    held by a faction") or a "by" that names no actor ("by 2020"); a
    statement's author only for an act that answers it (``_ADDRESSING_CATEGORIES``: "rejected
    a proposal by Moscow"), not for one that examines what it says ("an investigation into an
    allegation by the council": the council accuses, it is not accused)."""
    if noun is None or noun.pos_ != "NOUN" or actor_like(noun) or names_a_thing(noun):
        return
    lemma, lex = noun.lemma_.lower(), load_lexicon()
    statement = lemma in lex.cues["authored_nouns"]
    if lemma not in lex.triggers_nouns and (noun.lower_ in lex.cues["weapon_words"] or not (
            statement or lemma in lex.triggers_verbs or lemma.endswith(_ABSTRACT_SUFFIXES))):
        return   # "a bomb planted by the rebels", "a camp held by a faction": a thing, not an act
    if statement and category not in _ADDRESSING_CATEGORIES:
        return
    bys = [c for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"]
    bys += [a for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
            for a in c.children if a.dep_ == "agent"]
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        bys += [c for c in noun.head.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" and
                c.i == noun.right_edge.i + 1]
    for by in bys:
        p = _pobj(by)
        if p is not None and p.ent_type_ not in ("DATE", "TIME") and actor_like(p):
            yield p


# Prepositions that place a noun ("the march in Tehran", "the embassy near the port").
_PLACING_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around"}


def _placed_antecedent(noun):
    """The antecedent of a relative clause hung on a place that only says where the noun
    before it is: "the march in Tehran, which the authorities had prohibited" (the march was
    prohibited), "the embassy in Tehran, which protesters stormed"; any other antecedent as it
    is ("the town of Goma, which rebels attacked", "Iran, which Washington blamed")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _PLACING_PREPS or not _a_place(noun):
        return noun
    if prep.head.pos_ == "NOUN":
        return prep.head
    # the parser often hangs the place on the verb whose object it follows ("dispersed the
    # march in Tehran, which ...")
    return next((c for c in prep.head.children if c.dep_ == "dobj" and c.right_edge.i + 1 == prep.i), noun)


def _object_of(verb, category: str | None = None):
    for cand in _object_candidates(verb, category):
        if category == "ASSAULT" and (_struck_scene(cand) or _instrument(cand, verb)):
            continue   # "shelled the town of X, killing five civilians": the civilians, not the town
        found = _actor_or_possessor(cand)   # "ratified Sweden's bid": Sweden
        if found is not None:
            return found
    return None


def _instrument(tok, verb) -> bool:
    """What a verb with an object of its own is done with: "targeted the city with drones",
    "attacked the post with mortars" (but "clashed with police": no object, a partner)."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head == verb and \
        any(c.dep_ == "dobj" for c in verb.children)


def _nominal_args(noun):
    src = tgt = None
    # "a US counter-terrorism operation": a modifier of the noun's compound modifier counts too
    nested = [g for c in noun.lefts if c.dep_ == "compound" for g in c.lefts if g.dep_ in ("amod", "compound", "nmod")]
    # "Navalny's arrest": a bare possessor of an act one undergoes is its target
    undergone = noun.lemma_.lower() in load_lexicon().cues["undergone_nouns"] and not any(
        c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by") for c in noun.children)
    for c in [*noun.children, *nested]:
        if c.dep_ == "poss" and c.head == noun and c.ent_type_ not in ("DATE", "TIME") and \
                c.lower_ not in ("yesterday", "today", "last", "week", "weekend"):
            if undergone:
                tgt = c
            else:
                src = c
        elif c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i and src is None:
            # "an Israeli strike", "a Hamas attack", "a U.S. raid": the doer; "the Mombasa
            # attack": a city names the place, not the doer
            if c.ent_type_ in ("NORP", "ORG") or (c.ent_type_ != "GPE" and _country_of_tokens([c])) or \
                    (c.ent_type_ == "GPE" and _is_country_name(c)):
                src = c
            elif c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and not undergone and \
                    _head_sector([c], c) and not _building_or_place(c):
                src = c   # "a police raid", "rebel attacks", "army shelling": an agent noun
    for c in noun.children:
        if c.dep_ != "prep":
            continue
        p = _pobj(c)
        if p is None or p.ent_type_ in ("DATE", "TIME"):
            continue
        w = c.lower_
        if w == "by" and src is None:
            src = p
        elif w == "between":
            src = p
            tgt = _first_conj(p) or tgt
        elif w in ("with", "against", "on", "at", "to", "of", "toward", "towards") and tgt is None:
            if w == "of" and src is None and noun.lemma_.lower() in ("visit", "talk", "summit", "meeting") and \
                    (p.pos_ == "PROPN" or actor_like(p)):
                src = p   # "the visit of a Sudanese delegation to Bulgaria": the visitor
            else:
                tgt = p
        elif w == "from" and src is None and noun.lemma_.lower() in load_lexicon().cues["from_source_nouns"]:
            src = p   # "condemnation from the EU", "calls from the opposition", "aid from Japan"
        elif w == "for" and tgt is None and noun.lemma_.lower() in (
                "aid", "assistance", "relief", "support", "delivery", "deliveries", "loan", "grant"):
            tgt = p   # "humanitarian aid for Sudan"
    if src is None:
        # "airstrikes carried out by the coalition", "an attack claimed by the group", "a bomb
        # attack blamed on the ELN"
        for c in noun.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                agent = next((_pobj(a) for a in c.children if a.dep_ == "agent" or (
                    a.dep_ == "prep" and a.lower_ == "on" and c.lemma_.lower() == "blame")), None)
                if agent is not None:
                    src = agent
                    break
    if src is None:
        src = _author_of_passive_clause(noun) or _author_in_relative_clause(noun) or _agent_beside_undergoer(noun)
    return src, tgt


def _imputing_prep(forms) -> str | None:
    """The preposition that names whom a verb of imputing puts an act on ("blame" -> "on",
    "attribute" -> "to"; cues `imputing_verbs`), or None for another verb."""
    imputing = load_lexicon().cues["imputing_verbs"]
    return next((imputing[f] for f in forms if f in imputing), None)


def _author_of_passive_clause(noun):
    """The doer of an event noun that is the subject of a passive verb of doing or owning it
    (cues `authoring_verbs`): "the attack was carried out by al-Shabaab", "the kidnapping was
    claimed by the Taliban" (the agent, as "X carried out the attack" gives the subject), or of
    putting it on someone (`imputing_verbs`): "the attack was blamed on Boko Haram". Not a verb
    of seeing, telling, suffering, answering or stopping it ("the attack was reported by
    Reuters", "was condemned by France", "the march was halted by police"). A relative clause
    reads the same: "the attack, which was claimed by the Islamic State group, killed 20"."""
    verb = noun.head if noun.dep_ == "nsubjpass" else next((
        c for c in _relative_clauses(noun) if any(
            k.dep_ == "nsubjpass" and k.lower_ in ("which", "that") for k in c.children)), None)
    if verb is None or verb.pos_ != "VERB":
        return None
    forms = verb_forms(verb)
    cues = load_lexicon().cues
    prep = _imputing_prep(forms)
    if prep is None and (not forms & cues["authoring_verbs"] or verb.dep_ == "relcl" and verb.head != noun):
        return None
    for c in verb.children:
        if (c.dep_ == "agent" and prep is None) or (c.dep_ == "prep" and c.lower_ == prep):
            return _pobj(c)
    return None


def _relative_clauses(noun):
    """The relative clauses on an event noun, then those the parser hangs on the nouns of its
    prepositional phrases ("an attack on a market in Borno that was blamed on Boko Haram":
    the clause is on "market"); only a verb that imputes an act takes the latter."""
    yield from (c for c in noun.children if c.dep_ == "relcl")
    stack = [_pobj(c) for c in noun.children if c.dep_ == "prep"]
    for _ in range(3):
        nxt = []
        for p in stack:
            if p is None:
                continue
            yield from (c for c in p.children if c.dep_ == "relcl")
            nxt += [_pobj(c) for c in p.children if c.dep_ == "prep"]
        stack = nxt


# Complements that make a verb say what its object is, not that someone did it ("the protest,
# which police called illegal", "the raid, which they described as a success").
_PREDICATING_DEPS = ("oprd", "acomp", "ccomp", "xcomp", "attr")


def _author_in_relative_clause(noun):
    """The doer of an event noun named in an active relative clause whose object the noun is:
    a verb that puts the act on someone (cues `imputing_verbs`) names the doer in its "on" or
    "to" phrase ("the bombing, which the government blamed on the ELN", "an ambush that
    officials attributed to a cartel"); a verb of doing or owning it (`authoring_verbs`) in
    its subject ("the attack, which al-Shabaab carried out"), unless a complement says what
    the act is ("the march, which police called illegal"). An imputing clause may leave the
    relative pronoun out ("an assault the army blamed on jihadists")."""
    cues = load_lexicon().cues
    for verb in _relative_clauses(noun):
        if verb.pos_ != "VERB":
            continue
        kids = list(verb.children)
        relative = next((k for k in kids if k.lower_ in ("which", "that") and k.dep_ in ("dobj", "mark")), None)
        subj = next((k for k in kids if k.dep_ == "nsubj"), None)
        if subj is None:
            continue
        forms = verb_forms(verb)
        prep = _imputing_prep(forms)
        if prep is not None and (relative is not None or not any(k.dep_ == "dobj" for k in kids)):
            # "an assault the army blamed on jihadists": the relative pronoun may be left out
            return next((_pobj(k) for k in kids if k.dep_ == "prep" and k.lower_ == prep), None)
        if relative is None:
            continue
        if forms & cues["authoring_verbs"] and relative.dep_ == "dobj" and verb.head == noun and \
                not any(k.dep_ in _PREDICATING_DEPS for k in kids):
            return subj
    return None


def _subject_of_misread_verb(noun):
    """The subject of an event word the parser read as a plural noun although it is the
    clause's present-tense verb ("A woman protests against ...", photo captions): a noun with
    a subject and no copula or auxiliary of its own is a predicate, and its subject the doer."""
    kids = list(noun.children)
    subj = next((c for c in kids if c.dep_ in _SUBJ), None)
    if subj is None or noun.tag_ != "NNS" or any(c.dep_ in ("cop", "aux", "auxpass") for c in kids):
        return None
    return subj


def _denied_party(head) -> bool:
    """A phrase that says no party did it: "No group has claimed the bombing", "no one",
    "nobody", "none of the factions" (cues `negative_quantifiers`)."""
    negative = load_lexicon().cues["negative_quantifiers"]
    if head.lower_ in negative or any(c.dep_ in ("det", "quantmod", "amod") and c.lower_ in negative
                                      for c in head.children):
        return True
    of = head.head
    return head.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ in negative


def _claimant_in_sentence(tok):
    """Who owns the act in another clause of its sentence, naming no act of its own: the one
    who claims responsibility ("The mosque was bombed on Friday; the Islamic State group
    claimed responsibility"), or the one a speaker blames ("The convoy was attacked, the army
    said, blaming jihadists"): the one act the sentence tells is the one claimed or blamed. A
    claim or blame "for" an act names that act, read from its noun; a denied claimant ("no
    group claimed responsibility") is no one."""
    nouns = load_lexicon().cues["responsibility_nouns"]
    for verb in tok.sent:
        if verb.pos_ != "VERB" or verb == tok or any(
                c.dep_ == "prep" and c.lower_ == "for" for d in [verb, *verb.children] for c in d.children):
            continue
        kids = list(verb.children)
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if obj is None:
            continue
        if verb.lemma_.lower() == "claim" and obj.lemma_.lower() in nouns:
            subj = next((c for c in kids if c.dep_ in _SUBJ), None)
            if subj is not None and not _denied_party(subj) and possible_actor(subj):
                return subj
        prep = _imputing_prep(verb_forms(verb))
        if prep is not None and not any(c.dep_ == "prep" and c.lower_ == prep for c in kids) and \
                actor_like(obj) and not _denied_party(obj):
            return obj
    return None


def _agent_beside_undergoer(noun):
    """The "by" phrase the parser hangs on the undergoer of an event noun: "the arrest of the
    opposition leader by police", "the killing of civilians by soldiers" (it hangs "by police"
    on "leader"): who did the act named by the noun, not something the leader did."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    undergoer = _pobj(of) if of is not None else None
    if undergoer is None:
        return None
    by = next((c for c in undergoer.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"), None)
    agent = _pobj(by) if by is not None else None
    return agent if agent is not None and agent.ent_type_ not in ("DATE", "TIME") else None


def _building_or_place(tok) -> bool:
    """A building, site or area word ("hospital", "embassy", "checkpoint", "village"): before
    an event noun it names where or what was hit ("a hospital bombing"), not who acted, though
    the actors dictionary gives it an institution's sector."""
    words = site_words()["sites_and_areas"]
    return tok.lower_ in words or tok.lemma_.lower() in words


# Prepositions of an adjunct that tells the act a harm was done in: "killed in an airstrike",
# "during a raid", "amid shelling", "under bombardment".
_INSTRUMENT_PREPS = ("in", "during", "amid", "amidst", "under")


def _sharing_adjuncts(verb) -> list:
    """The verb and the verbs coordinated with it, one step either way, which share the
    adjuncts the parser hangs on one of them ("six were killed and ten wounded in a raid")."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verbs.append(verb.head)
    return verbs


def _instrument_author(verb):
    """The doer of the event the victims of a passive verb were hurt in: "killed in an Israeli
    airstrike", "wounded in a bomb attack blamed on the ELN", "died in a US operation",
    "killed under heavy shelling by the rebels". Verbs of harm coordinated with it share the
    adjunct, which the parser hangs on the last: "six were killed and ten wounded in a raid by
    the army"."""
    nouns = load_lexicon().triggers_nouns
    for v in _sharing_adjuncts(verb):
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in _INSTRUMENT_PREPS:
                noun = _pobj(c)
                if noun is not None and noun.lemma_.lower() in nouns:
                    src = _nominal_args(noun)[0]
                    if src is not None:
                        return src
    return None


# Categories whose coordinated subjects act with each other ("X and Y met / agreed / signed").
_JOINT_CATEGORIES = categories_where("joint")   # data/categories.json
_RECIPIENT_CODES = {"063", "070", "071", "072", "073", "074", "075", "030", "0331", "0332", "0333"}
_LOCATIVE = {"in", "near", "at", "around", "outside", "inside", "across", "along", "throughout",
             "within", "into", "on", "during", "over", "since", "until", "after", "before",
             "via"}   # "responded via Twitter": the channel, not the one answered
_CONTENT_TARGET_CATEGORIES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "AGREE",
                              "SUPPORT", "CONSULT", "AID", "CONCEDE", "RETREAT", "COOPERATE"}


def _content_target(tok, src):
    """The actor a statement is about when it has no object: "warned ... if Pelosi visited",
    "rejected a proposal made by Sudan", "defying demands from the United Nations"."""
    src_ids = set()
    src_country = None
    if src is not None:
        i, j = phrase_bounds(src)
        src_ids = set(range(i, j))
        src_country = _country_of_tokens(list(src.doc[i:j]))
    intransitive = not any(c.dep_ == "dobj" for c in tok.children)
    # "resigned as the governor of X": the role left, not a party ("condemned X as Y" is kept)
    # "according to the Kremlin": who tells of the statement is not what it is about
    # "declined the request and said the family had left": a verb coordinated with the
    # statement's own tells another act, whose parties are not the statement's
    queue = [c for c in tok.children if c.dep_ not in ("nsubj", "nsubjpass", "punct", "cc") and
             not (intransitive and c.dep_ == "prep" and c.lower_ == "as") and not is_attribution(c)
             and not _another_act(c)]
    seen = 0
    while queue and seen < 40:
        node = queue.pop(0)
        seen += 1
        if node.i not in src_ids and node.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "dative"):
            locative = node.dep_ == "pobj" and node.head.lower_ in _LOCATIVE and not (
                node.head.lower_ == "on" and (node.head.head.pos_ == "NOUN" or node.ent_type_ in (
                    "GPE", "ORG", "NORP", "PERSON")))   # "(take) revenge on X", "sanctions on X"
            # "the Turkish president warned that Turkey would invade Syria": the speaker's own
            # country doing the content is the speaker's side; the content's object is the target
            own_country = node.dep_ == "nsubj" and src_country is not None and \
                _country_of_tokens(list(node.doc[slice(*phrase_bounds(node))])) == src_country
            # "threatened to strike American bases": a party's site stands for the party
            if not locative and not own_country and not _own_side(node) and (
                    actor_like(node) or node.dep_ == "dobj" and _a_partys_site(node)) and \
                    node.ent_type_ not in ("LOC", "FAC") and node.lower_ not in ("it", "they", "its"):
                return node
        for c in node.children:
            if c.dep_ in ("punct", "cc", "relcl", "acl", "parataxis"):
                continue
            if _suffered(c, node):
                continue   # "condemned the detention of protesters": who suffered it, not who did it
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ not in ("if", "unless")
                                         for m in c.children):
                continue   # "after X ...": another clause's actors; "if Russia launched": ours
            queue.append(c)
    return None


def _another_act(tok) -> bool:
    """A verb coordinated with the statement's verb by "and" or "but" tells another act, with
    roles of its own: "The embassy declined the request and said the family had left" (the
    family is no party to the refusal). Coordinated nouns ("condemned Russia and Iran") are
    one act's, and so are verbs offered as alternatives ("cut ties or downgraded relations
    with Iran")."""
    return tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and not any(
        c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in tok.head.children)


def _object_antecedent(pron, src):
    """'... with Vladimir Putin ... and urged him': the nearest earlier named person or body
    that is not the source."""
    verb = pron.head
    if pron.dep_ == "dobj" and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        # "arrested the opposition leader and charged him": the object the coordinated verbs share
        shared = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if shared is not None and shared.pos_ != "PRON" and actor_like(shared):
            return shared
    src_ids = set()
    if src is not None:
        i, j = phrase_bounds(src)
        src_ids = set(range(i, j))
    for t in reversed(since_previous_sentence(pron)):
        if t.i in src_ids:
            continue
        if t.tag_ == "NNP" and t.dep_ == "pobj" and (t.head.lower_ in _SCENE_PREPS or (
                pron.lower_ in ("them", "they") and t.head.lower_ in _LOCATIVE)):
            continue   # "blocked roads in Dakar ... to disperse them": people, not the town;
            # "outside the embassy in Moscow, pelting it": the embassy, not the city
        if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and t.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "conj") \
                and not _disagrees(pron, t) and entity_at(t.doc, t.i).root == t:
            # a word inside a longer name is not the name ("Justice" in "the American Center
            # for Law and Justice"); "Brunson was told that he was being detained": Brunson
            return t
        if pron.lower_ in ("them", "they") and t.tag_ == "NNS" and t.dep_ in ("pobj", "dobj", "nsubj") \
                and actor_like(t):
            return t   # "police fired tear gas to disperse them": the protesters
    return None


def _answered_subject(tok, nominal: bool, src):
    """The main clause's subject when the event is a reaction told in an adjunct:
    "raided the offices, drawing condemnation from the OAS" (the raiders are condemned),
    "refused ..., defying demands from the UN", "completing a withdrawal demanded by the junta"
    (the withdrawing troops were the ones asked)."""
    if nominal:
        gov = tok.head if tok.dep_ == "dobj" else None
        if gov is None or gov.tag_ != "VBG" or gov.dep_ not in ("advcl", "xcomp", "conj"):
            return None
    else:
        if tok.dep_ != "acl" or tok.tag_ != "VBN" or not any(c.dep_ == "agent" for c in tok.children):
            return None
        noun = tok.head
        gov = noun.head if noun.dep_ == "dobj" else None
        if gov is None:
            return None
    subj, _ = _subject_of(gov)
    if subj is None or subj == src or not actor_like(subj):
        return None
    return subj


def _summary_gap_target(verb):
    """'..., a verdict the United States condemned', '..., a move Abbas condemned': the
    object of the relative clause is a noun summing up the main clause, whose subject is the
    one condemned."""
    if verb.dep_ != "relcl" or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return None
    noun = verb.head
    if noun.pos_ != "NOUN" or actor_like(noun) or noun.dep_ not in ("appos", "npadvmod"):
        return None
    anchor = noun.head
    if anchor.pos_ in ("VERB", "AUX"):
        return _subject_of(anchor)[0]
    return anchor if anchor.dep_ in ("nsubj", "nsubjpass") and actor_like(anchor) else None


# Prepositions by which a verb carries its event noun's target, per category
_NOMINAL_TARGET_PREPS = {"AID": ("to", "for"), "COOPERATE": ("with",), "CONSULT": ("with",),
                         "AGREE": ("with",), "SANCTION": ("on", "against", "to")}


def _reaction_sides(noun):
    """(source, target) when an event noun is the object of a verb of drawing a reaction
    ("X drew condemnation from Y", "the raid sparked protests"): Y when the verb carries
    "from Y" (the noun's own "from" is read by ``_nominal_args``); X, or the doer of the
    subject event ("the execution by Iran drew condemnation": Iran). None when it is not."""
    gov = noun.head
    if noun.dep_ == "pobj" and gov.lower_ == "with" and gov.head.pos_ == "VERB":
        gov = gov.head   # "the proposal met with criticism", "was greeted with protests"
    elif noun.dep_ != "dobj":
        return None
    if gov.pos_ != "VERB" or not verb_forms(gov) & load_lexicon().cues["reaction_verbs"]:
        return None
    src = next((_pobj(c) for c in gov.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    subj = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return src, None
    if subj.lemma_.lower() in load_lexicon().triggers_nouns:
        return src, _nominal_args(subj)[0]
    return src, _actor_or_possessor(subj)


def _between_pair(verb):
    """'war broke out between X and Y', 'fighting between X and Y spread': (X, Y) or None."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            p = _pobj(c)
            if p is not None and actor_like(p):
                return p, _first_conj(p)
    return None


def _purpose_object(verb):
    """'fired tear gas to disperse them': the object of the purpose clause."""
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return next((g for g in c.children if g.dep_ == "dobj"), None)
    return None


def find_participants(trigger, symmetric: bool, category: str | None = None):
    """(source head token, target head token) for a trigger."""
    tok = trigger.token
    if trigger.rule.get("deontic"):
        speaker = tok.doc[trigger.rule["speaker"]]
        src, _ = _subject_of(speaker)
        tgt = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if src is not None and src.pos_ == "PRON":
            src = _antecedent(src) or src
        # "the gun laws should be changed": a thing demanded of is no side
        return _actor_or_possessor(src, possible_actor), _actor_or_possessor(tgt, possible_actor)
    if trigger.nominal:
        src, tgt = _nominal_args(tok)
        reaction = _reaction_sides(tok)
        if reaction is not None:
            # "the raid drew criticism from Washington", "Iran faced condemnation": the one
            # the reaction answers is the target, never the source
            src, tgt = src or reaction[0], tgt or reaction[1]
        elif src is None:
            # a light verb's subject: "X held talks with Y", "X launched an offensive"
            gov = tok.head
            node = tok
            for _ in range(6):   # "the expulsion of diplomats and the closure of ...": climb
                if node.dep_ in ("conj", "pobj", "prep", "appos") and node.head != node:
                    via = node.dep_
                    node = node.head
                    if via == "prep" and tok.dep_ != "conj" and node.lemma_.lower() in load_lexicon().triggers_nouns:
                        node = tok   # "began an investigation into the killing": the
                        break        # investigators did not kill; another event's argument
                    continue
                break
            if node != tok and node.dep_ in ("dobj", "attr") and node.head.pos_ in ("VERB", "AUX"):
                tok_for_gov, gov = node, node.head
            else:
                tok_for_gov = tok
            cues = load_lexicon().cues
            forms = verb_forms(gov)
            undergoer = bool(forms & cues["undergoer_verbs"])
            if tok_for_gov.dep_ in ("dobj", "attr") and gov.pos_ in ("VERB", "AUX") and (
                    undergoer or forms & cues["observer_verbs"]):
                # "Reuters reported the attack", "officials witnessed clashes": who tells of an
                # event did not do it; "the minister survived the attack", "faced protests":
                # who lives through it is its target
                if undergoer:
                    tgt = tgt or _subject_of(gov)[0]
            elif tok_for_gov.dep_ in ("dobj", "attr") and gov.pos_ in ("VERB", "AUX") and forms & cues["light_verbs"]:
                src, passive_tgt = _subject_of(gov)
                if tgt is None and passive_tgt is not None:
                    tgt = passive_tgt
                if tgt is None:
                    for c in gov.children:
                        if c.dep_ == "prep" and (c.lower_ in ("with", "against", "on", "at", "to") or (
                                c.lower_ == "for" and category in ("CONCEDE", "AID"))):
                            tgt = _actor_or_possessor(_pobj(c))   # not "on Monday"
                            if tgt is not None:
                                break
            elif category == "MOBILIZE" and tok.dep_ == "pobj" and gov.dep_ == "prep" and \
                    gov.lower_ == "on" and gov.head.pos_ in ("VERB", "AUX"):
                # "Security forces were on high alert", "the army was put on alert": who is on
                # alert is the one mobilised, the clause's subject, active or passive
                active, passive = _subject_of(gov.head)
                src = active if gov.head.pos_ == "AUX" or passive is None else passive
            elif tok.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ == "under" and \
                    gov.head.pos_ == "VERB" and category in _SUFFERED_CATEGORIES and not any(
                        c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in gov.head.children):
                # "the convoy came under heavy fire": who comes under it undergoes it (but
                # "placed Mugabe under house arrest": the object)
                tgt = tgt or _subject_of(gov.head)[0]
            elif tok.dep_ == "pobj" and gov.dep_ == "prep" and gov.head.pos_ in ("VERB",) and \
                    gov.head.lemma_.lower() not in cues["reply_verbs"] and (
                    category in _CONTENT_TARGET_CATEGORIES or
                    (gov.head.lemma_.lower() in cues["light_verbs"] and
                     gov.lower_ not in ("after", "before", "during", "following", "amid", "since", "until", "despite"))):
                # "agreed ... following talks": diplomacy is the main subject's; an attack
                # "after" which someone acted is not theirs; nor one they deny or are
                # charged with taking part in
                src = None if disputed_participation(tok) else _subject_of(gov.head)[0]
            elif tok.dep_ in ("nsubj",) and gov.pos_ == "VERB":
                for c in gov.children:
                    if c.dep_ in ("dobj",):
                        tgt = tgt or c
                    if c.dep_ == "prep" and c.lower_ in ("on", "against", "at") and tgt is None:
                        tgt = _pobj(c)
        if src is None:
            src = _subject_of_misread_verb(tok)
        if src is None and category == "PROTEST":
            # "A woman holds a placard during a rally", "40 people were arrested at the
            # protest": who takes part in the protest the clause happens at
            src = _occasion_participant(tok)
        if src is None and tgt is not None and category == "ASSAULT":
            src = _fighter_of_adjunct(tok)   # "the army took the town after clashes with rebels"
        if tgt is None and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            # "increased its aid to Yemen", "stepped up attacks on the town": the verb carries
            # the noun's target
            preps = _NOMINAL_TARGET_PREPS.get(category, ("against", "on", "at"))
            for c in tok.head.children:
                if c.dep_ == "prep" and c.lower_ in preps:
                    tgt = _actor_or_possessor(_pobj(c))
                    if tgt is not None:
                        break
    else:
        src, passive_tgt = _subject_of(tok)
        if passive_tgt is not None and src is not None and verb_forms(tok) & load_lexicon().cues["experiencer_verbs"]:
            # "Washington was disappointed by the parliament's decision": the one who feels it
            # answers the one who caused it
            src, passive_tgt = passive_tgt, src
        tgt = passive_tgt if passive_tgt is not None else _object_of(tok, category)
        if src is None and passive_tgt is not None:
            src = _instrument_author(tok)
        if trigger.cameo in _RECIPIENT_CODES:
            # "extradited X to the United States", "sent aid to Haiti": the recipient
            for c in tok.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for"):
                    p = _pobj(c)
                    if p is not None and actor_like(p) and p.ent_type_ not in ("LOC", "FAC"):
                        tgt = p
                        break
        if tgt is None and "purpose" in trigger.rule:
            tgt = _object_of(tok.doc[trigger.rule["purpose"]])
        if category == "REQUEST" and (tgt is None or not actor_like(tgt)):
            # "demanded an explanation from Russia", "sought guarantees from Kyiv": asked of X
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            for head in (tok, obj):
                frm = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "from"), None) \
                    if head is not None else None
                asked = _pobj(frm) if frm is not None else None
                if asked is not None and actor_like(asked):
                    tgt = asked
                    break
        if tgt is None and category == "REQUEST":
            # "called for the minister's resignation", "called for sanctions against the junta"
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "for":
                    p = _pobj(c)
                    tgt = _actor_or_possessor(p) if p is not None else None
                    if tgt is None and p is not None:
                        tgt = next((_pobj(g) for g in p.children if g.dep_ == "prep" and
                                    g.lower_ in ("against", "on", "of") and _pobj(g) is not None), None)
                    break
    if src is not None and src.pos_ == "NOUN" and src != tok and \
            src.lemma_.lower() in load_lexicon().triggers_nouns:
        inner_src, inner_tgt = _nominal_args(src)
        if inner_src is not None:
            src, tgt = inner_src, tgt or inner_tgt
    if src is None and category in _SUFFERED_CATEGORIES:
        src = _claimant_in_sentence(tok)
    written = src   # the subject as written: "he and Trump agreed" keeps its partner
    if src is not None and src.pos_ == "PRON" and src.lower_ in _PRONOUNS:
        pron, src = src, _antecedent(src) or src
        if category == "PROTEST" and src is not pron and _keeps_the_crowd(src):
            # "Police arrested 40 people. They had protested ...": not the police
            src = _crowd_antecedent(pron) or pron
    # "the presidents of the two countries, A and B, met": the people the group is named as
    named = _appositive_person(src) if src is not None and src.lower_ in _GROUP_HEADS and \
        src.tag_ in ("NNS", "NNPS") else None
    if named is not None:
        if symmetric and tgt is None:
            tgt = _first_conj(named)
        src = named
    # "the leaders of A, B and C met": the group's members are the actors
    elif src is not None and src.lower_ in _GROUP_HEADS:
        for c in src.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                p = _pobj(c)
                if p is not None:
                    if symmetric and tgt is None:
                        tgt = _first_conj(p)
                    src = p
                break
    if src is None and tgt is not None and not trigger.nominal and category in ("ASSAULT", "COERCE"):
        src = _opponent_in_fight(tok)
    pair = None
    if category in ("ASSAULT", "CONSULT", "AGREE", "COOPERATE"):
        verbs = [tok] if not trigger.nominal else []
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB":
            verbs.append(tok.head)   # "fighting broke out between X and Y"
        pair = next((p for p in map(_between_pair, verbs) if p is not None), None)
    if pair is not None:
        src, tgt = pair
    if not trigger.nominal and category in ("ASSAULT", "COERCE") and (
            tgt is None or tgt.ent_type_ in ("GPE", "LOC", "FAC")):
        # "fired tear gas to disperse them": the people, not the town
        tgt = _purpose_object(tok) or tgt
    if tgt is None and category in _CONTENT_TARGET_CATEGORIES:
        tgt = _answered_subject(tok, trigger.nominal, src) or (
            None if trigger.nominal else _summary_gap_target(tok))
    # "held talks ... on Tuesday": a date, not a party; "against Milei's measures": Milei
    undergoer, tgt = tgt, _actor_or_possessor(tgt)
    if tgt is None and undergoer is not None and undergoer != tok:
        # "rallied against plans by the government", "the proposal by Moscow was rejected": the
        # act's doer is the one answered
        own = range(*phrase_bounds(src)) if src is not None else range(0)
        tgt = next((d for d in _doers_of_act(undergoer, category) if d.i not in own), None)
    if undergoer is None and not trigger.nominal:
        undergoer = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if tgt is None and not trigger.nominal and _living_undergoer(tok, undergoer):
        tgt = undergoer   # "police arrested two suspects": a person the dictionary does not know
    site = None
    if category == "ASSAULT" and _struck_scene(tgt):
        tgt = None   # "the attack on Goma", "Karvali was shelled": the scene; the people it hit may follow
    if tgt is None and category == "ASSAULT":
        # "struck a Syrian air base", "fired rockets at US bases": that party's
        aimed_at = [undergoer] + ([] if trigger.nominal else list(_object_candidates(tok, category)))
        site = next((c for c in aimed_at if c is not None and _a_partys_site(c)), None)
    if tgt is None and category == "PROTEST" and not trigger.nominal:
        tgt = _protest_purpose_target(tok)   # "rallied to denounce the government": the government
    if tgt is None and category is not None:
        # "launched an attack on the town, killing twelve soldiers", "a car bomb was detonated,
        # killing four policemen": the participle that tells the same act names who it hit
        tgt = _same_act_participle_object(tok, trigger.nominal, category)
    if tgt is None and trigger.nominal and category in _SUFFERED_CATEGORIES:
        tgt = _result_victims(tok)   # "a drone attack that left six soldiers dead": the soldiers
    if src is not None and tgt is None and (symmetric or category in _JOINT_CATEGORIES):
        # "X and Y signed", "Israel and Hamas agreed": partners; but "Cruz and Rooney proposed",
        # "X and Y condemned": co-authors, and neither is the other's target
        # a pronoun resolved to its antecedent keeps the partner it is coordinated with ("Abe
        # said he and Trump agreed": Trump, though "Abe" has no conjunct)
        conj = _first_conj(src) or (_first_conj(written) if written is not None and written is not src else None)
        if conj is not None and (actor_like(conj) or (
                conj.pos_ == "NOUN" and conj.tag_ == "NNS" and src.dep_ == "nsubj" and
                actor_like(src))):
            tgt = conj   # "Iran and six world powers agreed": the partner of an actor
        elif category in _JOINT_CATEGORIES:
            tgt = _partner_nationality(src)   # "Russian and Chinese ministers met": the Chinese
    if trigger.rule.get("undergoer_subject") and not trigger.nominal:
        src, tgt = None, tgt or src   # "a protester died of his wounds": who died underwent it
    if tgt is not None and tgt.pos_ == "PRON" and tgt.lower_ in _PRONOUNS:
        if tgt.dep_ == "poss" and trigger.nominal and tgt.head == tok:
            # "his arrest": who underwent it is not who tells of it ("police confirmed his
            # arrest"); in an adjunct it is the clause's subject
            teller = _subject_of(tok.head)[0] if tok.dep_ == "dobj" else None
            tgt = _adjunct_subject(tgt) or _object_antecedent(tgt, teller or src) or tgt
        else:
            tgt = _object_antecedent(tgt, src) or _antecedent(tgt) or tgt
    if tgt is None and not trigger.nominal and category in _CONTENT_TARGET_CATEGORIES:
        tgt = _content_target(tok, src)
        if tgt is not None and _a_partys_site(tgt):
            site = tgt   # "threatened to strike American bases": that party's
    if category in _MOVEMENT_CATEGORIES and tgt is not None and not _turned_against(tgt):
        # "troops crossed into Ukraine", "patrolled Dakar", "Russia mobilized troops": no
        # target; "massed troops against Ukraine": the party they are turned against
        tgt = _turned_against_party(tok)
    tgt = _actor_or_possessor(tgt, possible_actor) or site
    if category == "PROTEST" and tgt is not None and _where_a_crowd_goes(tgt):
        tgt = None   # "marched to Trump Tower", "rallied at Egypt's Tahrir Square": the place
    return _actor_or_possessor(src, possible_actor), tgt


# Prepositions that tell where a crowd goes or stands ("marched to", "converged on", "gathered
# at", "rallied in"): a place they take is the protest's place.
_CROWD_PLACE_PREPS = {"to", "toward", "towards", "into", "onto", "on", "at", "in", "through", "across",
                      "along", "around", "past", "near", "outside", "inside"}


# Categories whose target suffers the act: violence and coercion.
_SUFFERED_CATEGORIES = {"ASSAULT", "COERCE"}


def victim_sector(side, category: str) -> str | None:
    """The sector the record gives the target of violence or coercion: its own, else CVL for
    a person the text names with no office, trade or group ("Gunmen shot Maria Lopez", "police
    arrested Juan Perez"). GUIDELINE section 5: victims are civilians unless the text marks
    them otherwise. Read for the record only: relevance and confidence weigh what the text
    tells, and a person it does not place may be a politician."""
    if side is None:
        return None
    if side.sector is not None or category not in _SUFFERED_CATEGORIES:
        return side.sector
    head = side.head
    return "CVL" if head.ent_type_ == "PERSON" and head.pos_ == "PROPN" else None


def told_as_reply(tok) -> bool:
    """A threat told as the answer to another's act: "Tehran vowed to respond in kind",
    "Pyongyang responded by threatening a strike", "threatened to retaliate": a reply verb
    (``cues.yaml`` ``reply_verbs``) is the trigger, a word of the clause it heads, or a verb
    over it. A warning or a vow with none ("warned that new attacks were coming", "vowed the
    court would be changed") announces the speaker's own act or a danger: it answers nobody."""
    replies = load_lexicon().cues["reply_verbs"]
    near = [tok, *tok.children]
    node = tok
    for _ in range(3):   # "responded by threatening": the reply verb over the preposition
        if node.head == node:
            break
        node = node.head
        near.append(node)
    return any(t.pos_ == "VERB" and t.lemma_.lower() in replies for t in near)


def _where_a_crowd_goes(tok) -> bool:
    """A protest's target that is where the crowd goes or stands, not whom it addresses: a city,
    region or site, or the possessor of an area or site, reached by a preposition of place or
    direction ("marched to Trump Tower", "rallied in Tehran", "gathered at Egypt's Tahrir
    Square", "took to Sarajevo's streets"). A body's building keeps its body ("marched to
    parliament", "set fire to the Saudi embassy": the body the act is aimed at); a country
    named as such is its state."""
    place = tok
    if tok.dep_ == "poss":
        if not _area_or_site(tok.head):
            return False   # "against Washington's threat": the party
        place = tok.head
    elif not _a_place(tok) or (tok.ent_type_ != "GPE" and _head_sector([tok], tok) is not None):
        return False   # "marched to parliament": a body
    return place.dep_ == "pobj" and place.head.lower_ in _CROWD_PLACE_PREPS


def _partner_nationality(head):
    """The second of coordinated nationality or country modifiers of a side's head ("Russian
    and Chinese foreign ministers met", "U.S. and Iraqi officials held talks"): in a joint act
    (CONSULT, AGREE, COOPERATE, SUPPORT; not a fight, whose co-fighters may be fighting a
    third) the first named party is the source and the next its partner (GUIDELINE section 5);
    ``resolve_side`` reads its sector from the noun they share. None for any other head."""
    for mod in head.lefts:
        if mod.dep_ in ("amod", "compound", "nmod"):
            partner = _first_conj(mod)
            if partner is not None and partner.i < head.i and \
                    _country_of_tokens(list(head.doc[partner.left_edge.i:partner.i + 1])):
                return partner
    return None


def _shared_noun(head):
    """The noun a coordinated nationality modifier shares with the modifier before it
    ("Chinese" in "Russian and Chinese foreign ministers": "ministers"), else None."""
    if head.dep_ != "conj" or head.head.dep_ not in ("amod", "compound", "nmod"):
        return None
    noun = head.head.head
    return noun if noun.i > head.i and noun.pos_ in ("NOUN", "PROPN") else None


def _appositive_person(group):
    """The person named in apposition to a plural office or group noun whose "of" phrase
    names no party of its own ("the presidents of the two countries, A and B", "the two
    presidents, A and B"): the first named, the others its partners; None when there is no
    such person or the "of" phrase names the states ("the leaders of Iran and Turkey, A and B"
    keeps the states, each its own). A singular office and its holder ("the interior
    minister, Amadou Sy") are one party already."""
    of = next((c for c in group.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = _pobj(of) if of is not None else None
    if owner is not None and _country_of_tokens([t for t in owner.subtree if t.dep_ != "appos" and
                                                 t.i < owner.i + 1]) is not None:
        return None
    # the parser hangs the apposition on the group noun or on the last noun of its "of" phrase
    return next((c for tok in (group, owner) if tok is not None for c in tok.children
                 if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)


# Movements and postings of forces (deploy, mobilize, station, patrol, cross into, put on
# alert): the forces moved are the doer's own and where they go or are posted is a place, so
# neither is a target (GUIDELINE.md section 5: "a troop deployment" has none; a place is never
# a side); only a party they are turned against is.
_MOVEMENT_CATEGORIES = {"MOBILIZE"}


def _turned_against(tok) -> bool:
    """The object of "against": the party a movement of forces is turned against ("put on
    alert against the rebels")."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "against"


def _turned_against_party(tok):
    """The "against" object of the event's word or of its object ("massed troops against
    Ukraine", "the deployment of troops against the rebels"), else None."""
    heads = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "pobj")]
    heads += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in [_pobj(c)] if p is not None]
    for head in heads:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "against":
                found = _actor_or_possessor(_pobj(c))
                if found is not None:
                    return found
    return None


# Prepositions that make an event noun the occasion of a clause: "during a rally", "at the protest".
_OCCASION_PREPS = {"during", "at", "in", "amid"}
# Sectors of those who guard, police or break up a crowd: never its protesters. Officials and
# politicians are not among them: they hold rallies of their own ("he spoke at a rally").
_CROWD_KEEPERS = {"COP", "MIL"}


def _occasion_participant(noun):
    """Who takes part in a protest that is the occasion of a clause ("during a rally", "at the
    protest", "in the demonstrations"): the clause's passive subject ("four people were killed
    during protests"), else the object of its verb of harm or arrest ("police arrested the
    activist during a protest"), else its subject ("a woman holds a placard during a rally");
    never the police or troops who keep the crowd ("soldiers guard during a protest", "an
    officer was injured during the rally"). None for any other noun."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _OCCASION_PREPS:
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    role = ("nsubjpass",) if any(c.dep_ == "nsubjpass" for c in verb.children) else (
        ("dobj",) if verb_forms(verb) & load_lexicon().cues["living_undergoer_verbs"] else _SUBJ)
    cand = next((c for c in verb.children if c.dep_ in role), None)
    if cand is None:
        return None
    cand = _relative_antecedent(cand, verb)
    if cand.pos_ == "PRON" and cand.lower_ in _PRONOUNS:
        cand = _antecedent(cand) or cand
    return None if _keeps_the_crowd(cand) else cand


def _keeps_the_crowd(tok) -> bool:
    """Police, troops: a phrase whose words name the sector of those who keep a crowd."""
    i, j = phrase_bounds(tok)
    return _sector_of_tokens(list(tok.doc[i:j]), tok) in _CROWD_KEEPERS


def _crowd_antecedent(pron):
    """The party a pronoun that protests stands for when the subject before it keeps the crowd:
    the nearest earlier subject, object or "on"/"at"/"against" object of this sentence or the
    one before that agrees with it and is no police or troops ("Police arrested 40
    people. They had protested ...": the people; "Soldiers fired on the crowd. They had
    gathered to protest": the crowd)."""
    for t in reversed(since_previous_sentence(pron)):
        undergoer = t.dep_ == "dobj" or (t.dep_ == "pobj" and t.head.lower_ in ("on", "at", "against", "upon")
                                         and t.ent_type_ not in ("GPE", "LOC", "FAC"))
        if (t.dep_ in ("nsubj", "nsubjpass") or undergoer) and t.pos_ in ("PROPN", "NOUN") and \
                not _disagrees(pron, t) and possible_actor(t) and not _keeps_the_crowd(t):
            return t
    return None


def _living_undergoer(verb, tok) -> bool:
    """A common noun the actors dictionary does not know ("suspects", "a bystander", "the
    teenager") that underwent a verb whose undergoer is a living being ("killed", "arrested",
    "shot" but not "shot down"): its passive subject, its object, or the noun its participle
    hangs on ("the teenager shot by police"). Things and places are never read so, nor a noun
    that says nobody underwent it ("no crew were injured")."""
    if tok is None or tok.pos_ != "NOUN" or _known_actor(tok) is not None or any(
            c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return False   # "no crew were injured": nobody underwent it
    if not verb_forms(verb) & load_lexicon().cues["living_undergoer_verbs"] or any(
            c.dep_ == "prt" and c.lower_ in ("down", "up", "off") for c in verb.children):
        return False
    return tok.head == verb and tok.dep_ in ("dobj", "nsubjpass") or \
        (verb.dep_ in ("acl", "relcl") and verb.head == tok)


def _same_act_participle_object(tok, nominal: bool, category: str):
    """The actor a participle adjunct of the event's own kind acts on, when the event names
    none: "Rebels launched an attack on the town, killing twelve soldiers", "The army carried
    out airstrikes, killing 20 fighters", "A car bomb was detonated outside the station,
    killing four policemen", "an explosion targeting one of the group's bases". The
    participle (a bare "-ing" form with no subject or mark of its own) hangs on the event's
    verb, on the light verb whose object the event noun is, or on the noun itself; it tells
    the same act only where it reads as an event of the same category ("..., forcing
    thousands to flee" does not)."""
    from .patterns import verb_trigger   # patterns reads actors through this module

    heads = [tok]
    if nominal and tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        heads.append(tok.head)
    for head in heads:
        for c in head.children:
            if c.dep_ not in ("advcl", "acl", "xcomp") or c.tag_ != "VBG" or c.i < tok.i or any(
                    g.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for g in c.children):
                continue
            found = verb_trigger(c)
            if found is None or describe_code(found.cameo)[0] != category:
                continue
            obj = _object_of(c, category)
            if obj is not None:
                return obj
    return None


# Nouns of a death or a life lost whose "of" phrase names who died ("caused the deaths of 20
# people", "claimed the lives of two students").
_DEATH_NOUNS = {"death", "deaths", "life", "lives"}


def _result_victims(noun):
    """Who an act told by a noun hit, when a clause tells its result: a relative clause on the
    noun's phrase ("a drone attack that left six soldiers dead", "a shooting in Christchurch on
    Friday, which caused the death of at least 50 people") or the verb the noun (or the
    quantity it is counted by) is the subject of ("a surge of attacks left eight people dead",
    "the clashes claimed the lives of two students"). The victims as the casualty reader takes
    them from the complement of the clause's verb ("dead", "injured"), else the "of" phrase of a
    death or a life the verb takes. A clause whose own verb kills or wounds ("a bombing that
    killed 70 people") is left to the event it codes. None when no such clause follows."""
    from .casualties import victims_of_predicate   # casualties is read after the sides

    clauses = [t for t in noun.subtree if t.dep_ == "relcl" and t.i > noun.i and
               any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which") for c in t.children)]
    holder = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    subject = holder.head if holder is not None and holder.head.dep_ == "nsubj" else noun
    if subject.dep_ == "nsubj" and subject.head.pos_ == "VERB":
        clauses.append(subject.head)   # "a surge of attacks left ...": the quantity counts the act
    for verb in clauses[:2]:
        if victims_of_predicate(verb):
            continue   # "a bombing that killed 70 people": the killing is coded as its own event
        for tok in (c for c in verb.children if c.dep_ in ("acomp", "oprd", "xcomp", "ccomp")):
            victims = [v for v in victims_of_predicate(tok) if v.pos_ in ("NOUN", "PROPN", "NUM")]
            if not victims and tok.lower_ in ("dead", "injured", "wounded", "hurt"):
                # "left at least eight people dead" parsed as a clause whose subject is the people
                victims = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN", "NUM")]
            if victims:
                return victims[0]
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            if obj.lower_ in _DEATH_NOUNS:
                of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                if of is not None and _pobj(of) is not None:
                    return _pobj(of)
    return None


# Categories of the acts by which a protest addresses a party ("to denounce", "to demand",
# "to urge", "to protest").
_ADDRESSING_CATEGORIES = {"PROTEST", "ACCUSE", "REQUEST", "REJECT", "THREATEN"}


def _protest_purpose_target(verb):
    """The party a protest addresses through its purpose clause: "gathered to denounce the
    government", "demonstrated to urge the president to act", "took to the streets to decry
    the killing of a man by police" (a "to" infinitive with no subject of its own whose verb
    is an act of protest, accusation or demand, as the lexicon reads it, and its object or
    the object's doer). None for any other clause ("marched to show their strength")."""
    from .patterns import verb_trigger   # patterns reads actors through this module

    for c in verb.children:
        if c.dep_ not in ("advcl", "xcomp") or c.i < verb.i or not any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children) or any(
                g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            continue
        found = verb_trigger(c)
        if found is None or describe_code(found.cameo)[0] not in _ADDRESSING_CATEGORIES:
            continue
        return _object_of(c, describe_code(found.cameo)[0])
    return None


# Prepositions of an adjunct that tells the fight an act was done in or after.
_FIGHT_PREPS = ("in", "during", "amid", "after", "following")


def _opponent_in_fight(verb):
    """"Four soldiers were killed in clashes with rebels", "died during fighting with the
    army", "125 were arrested after clashes with police": the side the undergoers fought did
    it. Verbs coordinated with it share the adjunct ("six were killed and others injured
    during clashes with the army")."""
    fights = load_lexicon().cues["fight_nouns"]
    for v in _sharing_adjuncts(verb):
        for prep in v.children:
            if prep.dep_ != "prep" or prep.lower_ not in _FIGHT_PREPS:
                continue
            fight = _pobj(prep)
            if fight is None or fight.lemma_.lower() not in fights:
                continue
            for c in fight.children:
                if c.dep_ == "prep" and c.lower_ == "with":
                    other = _pobj(c)
                    if other is not None and actor_like(other):
                        return other
    return None


def _fighter_of_adjunct(noun):
    """"ISIS captured the camp after prolonged clashes with the Nusra Front", "the army
    retook the hill after a battle with the rebels": a fight told in an adjunct of a clause is
    fought by the clause's doer against the party it is "with". Not the undergoers of a
    passive ("two were killed in clashes with police": whom the police fought is not told)."""
    if noun.lemma_.lower() not in load_lexicon().cues["fight_nouns"] or noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.dep_ != "prep" or prep.lower_ not in _FIGHT_PREPS or \
            prep.head.pos_ != "VERB":
        return None
    doer, undergoer = _subject_of(prep.head)
    if undergoer is not None or doer is None or doer.pos_ == "PRON" or not actor_like(doer):
        return None
    return doer


def _adjunct_subject(pron):
    """"After his arrest on Friday, the suspect stayed in a cell": the possessive pronoun of
    an event noun in an adjunct of a clause is that clause's subject."""
    noun = pron.head
    if pron.dep_ != "poss" or noun.dep_ != "pobj" or noun.head.dep_ != "prep" or \
            noun.head.head.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in noun.head.head.children
                 if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PROPN", "NOUN")), None)


# Third-person pronouns that stand for one person, for more than one party, for one body.
_ONE_PERSON = {"he", "she", "him", "her", "his"}
_MANY = {"they", "them"}   # not "their": "X talks with Y during their meeting" is both
_ONE_BODY = {"it", "its"}


def _plural(cand) -> bool:
    """Tagged plural and inflected so ("protesters", "the Afghans"), or coordinated ("X and Y");
    a collective the tagger calls plural without a plural form ("police") is left open."""
    return (cand.tag_ in ("NNS", "NNPS") and cand.lower_ != cand.lemma_.lower()) or any(
        c.dep_ == "conj" for c in cand.children)


def _disagrees(pron, cand) -> bool:
    """A candidate the pronoun cannot stand for by number or person: "he" is not "protesters",
    "Russia" or "the Associated Press"; "they" is not one named person ("Lavrov said they
    ...": the ones he speaks of); "it" is neither a person nor a plural. A name the tagger
    calls ORG stays open to "he" unless it is written as a body's name (it often tags persons
    so: "Pemberton")."""
    low = pron.lower_
    person = cand.ent_type_ == "PERSON"
    if low in _ONE_PERSON:
        # "Police said the president praised him": a body named by a common noun is not "him"
        return not person and (_plural(cand) or cand.ent_type_ in ("GPE", "NORP") or _body_name(cand) or
                               _body_noun(cand))
    if low in _MANY:
        return person and not _plural(cand)
    if low in _ONE_BODY:
        return person or _plural(cand)
    return False


def _body_name(tok) -> bool:
    """A name the tagger calls ORG written as a body's, never a person's: with a definite
    article ("the Associated Press", "the House"), as an acronym ("VOA", "TASS"), or an
    organisation, seat or state of the actors dictionary ("Hezbollah", "White House")."""
    if tok.ent_type_ != "ORG":
        return False
    i, j = phrase_bounds(tok)
    words = [t for t in tok.doc[i:j] if t.ent_type_ == "ORG" or t.lower_ == "the"]
    if any(t.lower_ == "the" for t in words[:1]) or (len(tok.text) > 1 and tok.text.isupper()):
        return True
    name = " ".join(t.text for t in words if t.lower_ != "the")
    kinds = {e.kind for e in load_dictionary().phrases.get(fold(name), ())}
    return bool(kinds) and "person" not in kinds


def _antecedent(pron):
    """The subject a pronoun most likely refers to: the speaker of the statement it sits in
    ("Moscow said it would ..."), else the nearest earlier subject in the sentence or the one
    before; a subject it disagrees with in number or person is passed over ("Police said he
    was released": not the police)."""
    node = pron.head
    for _ in range(5):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" or (c.dep_ == "advmod" and c.lower_ in (
                "when", "while", "whenever", "once")) for c in node.children):
            break   # "When they attacked the town, soldiers fled": another party's clause
        if node.dep_ in ("ccomp", "xcomp", "conj", "advcl") and node.head != node:
            node = node.head
            for c in node.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c != pron and c.pos_ != "PRON" and \
                        not _disagrees(pron, c):
                    return c
        elif node.dep_ == "pcomp" and node.head.lower_ == "as" and node.head.head.lemma_.lower() in ("cite", "quote"):
            # "TASS cited Moscow police as saying they made 500 arrests": the one quoted speaks
            quoted = next((c for c in node.head.head.children if c.dep_ == "dobj"), None)
            if quoted is not None:
                return quoted
            break
        else:
            break
    before = since_previous_sentence(pron)
    for t in reversed(before):
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PROPN", "NOUN") and not _disagrees(pron, t):
            return t
    if pron.lower_ in _ONE_PERSON:
        # no subject agrees: "Officials captured Bonomo ... where he was arrested", "gunmen shot
        # at Chalabi's convoy as he returned": the nearest person named in another role
        for t in reversed(before):
            if t.ent_type_ == "PERSON" and t.dep_ not in ("compound", "case") and t.pos_ == "PROPN":
                return t
    return None
