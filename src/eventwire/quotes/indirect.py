"""Indirect speech: `X said that ...`, `according to X, ...`, `X told reporters ...`,
`X warned of ...`, and the beliefs, findings and intentions news attributes to sources.

A cue verb's content is its clausal complement (ccomp), or the frames its lexicon entry
lists (xcomp for `urged Congress to act`, a prepositional object for `called for talks`,
the object for `denied the claim`). A parenthetical cue (`The plan is dead, he said.`)
takes the clause it interrupts; `according to X` takes the clause it modifies.
"""
from __future__ import annotations

from ..context import DocContext
from ..nlp import doc_text
from ..tokentable import token_table
from .candidates import Candidate, Stretches
from .direct import cue_phrase
from .lexicon import Lexicon
from .speakers import Antecedents, resolve_speaker, subject_of

_TRIM = " \t\n\xa0,;:."


def _content_tokens(cue, lex: Lexicon) -> list:
    entry = lex.cues.get(cue.lemma_.lower())
    frames = entry.frames if entry else frozenset()
    parts = []
    for child in cue.children:
        dep = child.dep_
        if dep == "ccomp" or (dep == "xcomp" and "xcomp" in frames) \
                or (dep in ("dobj", "oprd") and (dep in frames)):
            parts.append(child)
        elif dep == "prep" and f"prep:{child.lower_}" in frames:
            parts.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        elif dep == "dobj" and "xcomp" in frames:
            # "urged Congress to act": the object's infinitive
            parts.extend(c for c in child.children if c.dep_ in ("acl", "xcomp", "ccomp"))
    toks = []
    for p in parts:
        toks.extend(p.subtree)
    return _without_participial_cues(toks, lex)


def _without_participial_cues(toks: list, lex: Lexicon) -> list:
    """`... appeal, citing the strategic importance ...`: a trailing `, citing/saying ...`
    clause is an attribution of its own, not part of this content."""
    ids = {t.i for t in toks}
    cut = set()
    for t in toks:
        if t.dep_ == "advcl" and t.tag_ == "VBG" and t.lemma_.lower() in lex.cues \
                and t.i - 1 in ids and t.doc[t.i - 1].text == ",":
            cut.update(x.i for x in t.subtree)
            cut.add(t.i - 1)
    return [t for t in toks if t.i not in cut] if cut else toks


def _parenthetical_content(cue) -> list:
    """`The plan is dead, he said.` / `The museum, Mr. Bush said, celebrated ...`: the clause
    a short comma-set cue clause (subject and cue, nothing reported of its own) interrupts."""
    head = cue.head
    doc = cue.doc
    if head.i == cue.i or cue.dep_ not in ("parataxis", "advcl", "ccomp", "conj", "dep"):
        return []
    if any(c.dep_ in ("ccomp", "xcomp", "dobj", "mark") for c in cue.children):
        return []
    subj = subject_of(cue)
    if subj is None or subj.head.i != cue.i:
        return []
    own = sorted(t.i for t in cue.subtree)
    words = [i for i in own if not doc[i].is_punct]
    if len(words) > 12 or words[0] == 0 or doc[words[0] - 1].text != ",":
        return []
    rest = [t for t in head.subtree if t.i not in set(own) and not t.is_punct]
    if head.i > cue.i:
        nxt = words[-1] + 1
        if nxt >= len(doc) or doc[nxt].text != ",":
            return []  # a mid-sentence cue is set off on both sides
        return rest
    return [t for t in rest if t.i < cue.i]


def _that_clause(cue) -> list:
    """`said in the letter that ...` when the parser hangs the clause elsewhere: from a
    nearby `that` to the end of the sentence."""
    sent = cue.sent
    for t in cue.doc[cue.i + 1: min(cue.i + 8, sent.end)]:
        if t.lower_ == "that" and t.dep_ == "mark":
            return [x for x in cue.doc[t.i: sent.end] if not x.is_punct or x.i < sent.end - 1]
        if t.pos_ == "VERB" or t.text in ",;:":
            break
    return []


def _reporting_subject(cue, lex: Lexicon):
    """`Analysts said X has grown, citing Y`: a participial cue inside reported speech
    belongs to the reporter, not to the reported clause's subject."""
    if cue.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    tok = cue.head
    for _ in range(3):
        if tok.dep_ != "ccomp" or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lemma_.lower() in lex.cues:
            return subject_of(tok)
    return None


def _source_pp(tok, lex: Lexicon):
    """`In this poll, ...`: a sentence-opening `in` whose object is a document or survey."""
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in lex.source_nouns:
        return None
    if tok.i != tok.sent.start or tok.head.i <= tok.i:
        return None
    return pobj


def _in_source(tok, doc, ctx, lex, antecedents) -> Candidate | None:
    """The clause an `In <document>,` opener introduces, when it has no cue verb of its own
    (`In a statement, the ministry said ...` is the verb's)."""
    head = tok.head
    if head.lemma_.lower() in lex.cues or any(
            t.lemma_.lower() in lex.cues and t.pos_ == "VERB" for t in head.subtree if t.i > tok.i):
        return None
    pobj = _source_pp(tok, lex)
    own = {t.i for t in tok.subtree}
    span = _span(doc, [t for t in head.subtree if t.i not in own and not t.is_punct], tok)
    if span is None:
        return None
    owner = next((c for c in pobj.children if c.dep_ == "poss"), None)
    speaker = resolve_speaker(owner if owner is not None else pobj, ctx, lex, antecedents)
    return Candidate(span[0], span[1], direct=False, cue=tok, cue_text="in", speaker=speaker)


def _infinitive(tok) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _according_content(tok) -> list:
    head = tok.head
    if head == tok:
        return []
    own = {t.i for t in tok.subtree}
    rest = [t for t in head.subtree if t.i not in own and not t.is_punct]
    before = [t for t in rest if t.i < tok.i]
    after = [t for t in rest if t.i > tok.i]
    if not before or not after:
        return before or after
    return rest


def _span(doc, toks, cue) -> tuple[int, int] | None:
    """The content's character span, kept inside the cue's paragraph."""
    text = doc_text(doc)
    p0 = text.rfind("\n", 0, cue.idx) + 1
    p1 = text.find("\n", cue.idx)
    p1 = len(text) if p1 < 0 else p1
    toks = [t for t in toks if p0 <= t.idx < p1]
    if not toks:
        return None
    i = min(t.i for t in toks)
    j = max(t.i for t in toks)
    start, end = doc[i].idx, doc[j].idx + len(doc[j])
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if end - start < 3:
        return None
    return start, end


def find_indirect(doc, ctx: DocContext, lex: Lexicon, antecedents: Antecedents,
                  taken_cues: set[int], quoted: list[tuple[int, int]]) -> list[Candidate]:
    out: list[Candidate] = []
    inside_quotes = Stretches(quoted)
    table = token_table(doc)
    for i in range(len(table)):
        if i in taken_cues:
            continue
        if inside_quotes.contains(table.idx[i]):
            continue  # a verb inside quoted speech belongs to the quote
        # Nearly every token is none of the cues below: that is decided on the table, without
        # making the token (the tests below decide the rest as before)
        lemma = table.lemma[i]
        if table.lower[i] not in ("according", "in") and (
                table.pos[i] not in ("VERB", "AUX") or lemma.lower() not in lex.cues or lemma == "be"):
            continue
        tok = doc[i]
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            span = _span(doc, _according_content(tok), tok)
            pobj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if span is None or pobj is None:
                continue
            speaker = resolve_speaker(pobj, ctx, lex, antecedents)
            out.append(Candidate(span[0], span[1], direct=False, cue=tok,
                                 cue_text="according to", speaker=speaker))
            continue
        if tok.lower_ == "in" and tok.dep_ == "prep" and _source_pp(tok, lex):
            cand = _in_source(tok, doc, ctx, lex, antecedents)
            if cand is not None:
                out.append(cand)
            continue
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in lex.cues or tok.lemma_ == "be":
            continue
        entry = lex.cues[tok.lemma_.lower()]
        if entry.kind != "speech" and (tok.tag_ == "VBG" or _infinitive(tok)):
            continue  # "wanting to ...", "to support ...": no holder of the stance is named
        toks = _content_tokens(tok, lex) or (_that_clause(tok) if entry.kind == "speech" else [])
        span = _span(doc, toks, tok)
        if span is not None and span[0] <= tok.idx < span[1]:
            span = None  # a complement cannot contain its own cue
        if span is None:
            # `The ceasefire, the army said, is holding.`: the content is collapsed around
            # the interrupting cue, as a discontinuous span is
            span = _span(doc, _parenthetical_content(tok), tok)
        if span is None:
            continue
        subj = _reporting_subject(tok, lex) or subject_of(tok)
        if subj is None and entry.kind != "speech":
            continue  # a belief, finding or intention needs a holder
        speaker = resolve_speaker(subj, ctx, lex, antecedents) if subj is not None else None
        if subj is not None and subj.lower_ in ("it", "there") and subj.dep_ == "nsubjpass":
            speaker = None  # "it was reported that ...": no source in the text
        out.append(Candidate(span[0], span[1], direct=False, cue=tok, cue_text=cue_phrase(tok, lex),
                             speaker=speaker))
    return out
