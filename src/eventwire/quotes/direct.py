"""Direct quotes: quoted stretches with their cue and speaker.

For each quoted stretch the cue is looked for right after it (`"...," a spokesman said`),
then right before it (`He said: "..."`, `Trump attacked "..."`), in the same sentence and
paragraph; a paragraph ending in a colon (`He continued:`) introduces the next one. Byline
dashes (`"..." ― Name`) and transcript labels (`"PENCE: ...`) are read as speakers too.
The parts of a quote split around its cue (`"A," he said, "B."`) are joined into one quote.
"""
from __future__ import annotations

import bisect
import re

from ..context import DocContext
from ..nlp import doc_text
from ..tokentable import token_table
from .candidates import Candidate
from .lexicon import Lexicon
from .marks import Segment
from .speakers import Antecedents, resolve_speaker, speaker_from_chars, subject_of

_DASH_SPEAKER = re.compile(r"[ \t\xa0]*[―—–][ \t\xa0]*([A-Z][^\n“”\"―—]{1,60}?)[ \t\xa0.]*(?=\n|$|[“”\"])")
_LABEL = re.compile(r"([A-Z][A-Z.'\- ]{1,30}[A-Z]|[A-Z][a-z]+):[ \t\xa0]+")
_SENT_END = {".", "!", "?"}
_CLAUSE_END = set(",;:!?—–―-")
_QUOTE_CHARS = set("\"“”„«»‘’'`")
_MAX_WINDOW = 40


class TokenIndex:
    def __init__(self, doc):
        self.doc = doc
        self.starts = token_table(doc).idx   # kept with the Doc: read, never changed

    def at(self, char: int) -> int:
        """Index of the token containing (or starting after) character ``char``."""
        i = bisect.bisect_right(self.starts, char) - 1
        return max(i, 0)


def _is_cue(tok, lex: Lexicon) -> bool:
    if tok.lower_ == "according":
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"
    if tok.lemma_ == "put":  # `as The New Yorker put it, "..."`
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lex.cues and tok.lemma_ != "be"


def _blocks(tok) -> bool:
    """A token that ends the search for a cue: a full verb of another clause (a capitalized
    "verb" inside a name, as in "Tulsa police Chief ...", is a tagging slip and does not)."""
    return (tok.pos_ == "VERB" and tok.tag_ not in ("VBG", "VBN")
            and tok.dep_ not in ("aux", "auxpass") and not tok.is_title)


def _after_window(doc, idx: TokenIndex, seg: Segment, next_open: int) -> list:
    toks = []
    if not seg.closed:
        return toks
    i = idx.at(seg.close)
    if i < len(doc) and doc[i].idx < seg.close:
        i += 1
    limit = min(next_open, seg.para_end)
    starts = idx.starts
    while i < len(starts) and starts[i] < limit and len(toks) < _MAX_WINDOW:
        t = doc[i]
        toks.append(t)
        if t.text in _SENT_END:
            break
        i += 1
    return toks


def _before_window(doc, idx: TokenIndex, seg: Segment, prev_close: int) -> list:
    toks = []
    i = idx.at(seg.open)
    if doc[i].idx >= seg.open:
        i -= 1
    floor = max(prev_close, seg.para_start)
    starts = idx.starts
    while i >= 0 and starts[i] >= floor and len(toks) < _MAX_WINDOW:
        t = doc[i]
        if t.text in _SENT_END:
            break
        toks.append(t)
        i -= 1
    toks.reverse()
    return toks


def _cue_after(window, lex) -> object:
    for t in window:
        if _is_cue(t, lex):
            return t
        if _blocks(t):
            return None
    return None


def _cue_before(window, lex) -> object:
    for t in reversed(window):
        if _is_cue(t, lex):
            return t
        if _blocks(t) and t.dep_ not in ("xcomp",):
            return None
    return None


def _inside(tok, quoted) -> bool:
    return any(qs <= tok.idx < qe for qs, qe in quoted)


def _window_subject(window, cue, quoted):
    """The speaker noun next to a cue when the parse gives none outside the quotation."""
    outside = [t for t in window if not t.is_punct and not _inside(t, quoted)]
    ordered = [t for t in outside if t.i < cue.i] + [t for t in outside if t.i > cue.i]
    span = {t.i for t in outside}
    for t in ordered:
        if t.pos_ in ("PROPN", "NOUN", "PRON") and t.i != cue.i:
            head = t
            while head.head.i in span and head.head.pos_ in ("PROPN", "NOUN") \
                    and head.dep_ in ("compound", "appos", "flat", "nmod", "poss", "amod"):
                head = head.head
            return head
    return None


def _speaker_for_cue(cue, window, ctx, lex, antecedents, quoted=()):
    if cue.lower_ == "according":
        for c in cue.children:
            for p in c.children if c.lower_ == "to" else ():
                if p.dep_ == "pobj":
                    return resolve_speaker(p, ctx, lex, antecedents)
        if cue.i + 2 < len(cue.doc):
            return resolve_speaker(cue.doc[cue.i + 2], ctx, lex, antecedents)
        return None
    subj = None
    prev = cue.doc[cue.i - 1] if cue.i > 0 else None
    if cue.tag_ == "VBG" and prev is not None and prev.pos_ in ("PROPN", "NOUN") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        subj = prev  # "footage of Trump saying, ..."
    subj = subj or subject_of(cue)
    if subj is None or _inside(subj, quoted):
        # no subject, or one inside the quotation ("said James Acton" misparsed)
        subj = _window_subject(window, cue, quoted)
    if subj is None or (subj.lower_ in ("it", "there") and subj.dep_ == "nsubjpass"):
        return None  # `"...," it was announced`: nobody named
    return resolve_speaker(subj, ctx, lex, antecedents)


def _ends_clause(text: str, seg: Segment) -> bool:
    inner = text[seg.start:seg.end].rstrip()
    after = text[seg.close:seg.close + 2].lstrip(" \xa0")
    return bool(inner) and inner[-1] in _CLAUSE_END or after[:1] in (",", "—", "–", "―")


def _starts_clause(doc, seg: Segment) -> bool:
    """Whether the quotation opens a sentence or a clause (not a phrase inside one)."""
    before = doc_text(doc)[seg.para_start:seg.open].rstrip(" \t\xa0")
    return not before or before[-1] in ".!?:;,—–―(" or before[-1] in _QUOTE_CHARS


def _attaches_after(text: str, seg: Segment, after) -> bool:
    """`"...," he said` / `"..." said Obama`: the words after the quotation are its
    attribution only when the quotation ends a clause or they open with the speaker/cue."""
    if _ends_clause(text, seg):
        return True
    return bool(after) and not after[0].is_punct and _opens_with_speaker(after)


def _opens_with_speaker(after) -> bool:
    first = next((t for t in after if not t.is_punct), None)
    return first is not None and first.pos_ in ("PRON", "PROPN", "NOUN", "DET", "VERB", "ADJ")


_MINOR_WORDS = frozenset("a an the and but or nor for on at to from by of in with as into over vs".split())


def _looks_like_title(content: str) -> bool:
    """Title case (`Contract with America`, `The 411`): a show, book or film name."""
    words = re.findall(r"[A-Za-z][\w'’]*", content)
    major = [w for w in words if w.lower() not in _MINOR_WORDS or w is words[0]]
    return bool(major) and all(w[0].isupper() for w in major) and len(content.split()) > 1


def _reported(cue, lex: Lexicon) -> bool:
    """Whether a cue itself stands in the content of another cue (`said she expects`)."""
    tok = cue
    for _ in range(3):
        if tok.head.i == tok.i or tok.dep_ not in ("ccomp", "xcomp", "conj", "advcl"):
            return False
        tok = tok.head
        if _is_cue(tok, lex):
            return True
    return False


def _governs(cue, tok_i: int, doc) -> bool:
    """Whether the cue verb is a near ancestor of the quotation's first word."""
    tok = doc[tok_i]
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == cue.i:
            return True
    return False


def _colon_speaker(before, ctx, lex, antecedents, quoted):
    """`The piece used her words as its headline: "..."` / `A lesson from Lynch: '...'`."""
    toks = [t for t in before if not _inside(t, quoted)]
    ids = {t.i for t in toks}
    for t in toks:
        if t.dep_ == "ROOT" or t.head.i not in ids:
            subj = subject_of(t) if t.pos_ in ("VERB", "AUX") else None
            if subj is not None and not _inside(subj, quoted):
                return resolve_speaker(subj, ctx, lex, antecedents)
    for t in reversed(toks):
        if t.pos_ == "PROPN":
            return resolve_speaker(t, ctx, lex, antecedents)
    return None


def attribute_segments(doc, segments: list[Segment], ctx: DocContext, lex: Lexicon,
                       antecedents: Antecedents) -> list[Candidate]:
    """One candidate per quoted stretch, with its cue and speaker where the text gives
    them; multi-paragraph and split quotations joined."""
    attributor = _Attributor(doc, segments, ctx, lex, antecedents)
    out = [attributor.attribute(k) for k in range(len(segments))]
    text = attributor.text
    return _join_split_quotes(text, _join_paragraphs(text, out))


class _Attributor:
    def __init__(self, doc, segments, ctx, lex, antecedents):
        self.doc, self.segments, self.ctx, self.lex = doc, segments, ctx, lex
        self.antecedents = antecedents
        self.text = doc_text(doc)
        self.idx = TokenIndex(doc)
        self.quoted = [(s.start, s.end) for s in segments]

    def attribute(self, k: int) -> Candidate:
        seg, text = self.segments[k], self.text
        cand = Candidate(seg.start, seg.end, direct=True, segments=[seg])
        if self._by_pattern(cand, seg):
            return cand
        starts = _starts_clause(self.doc, seg)
        content = text[seg.start:seg.end].strip()
        short = not starts and len(content.split()) <= 6
        if short and _looks_like_title(content):
            cand.embedded = True  # a title in quotation marks: “Fox News Sunday”
            return cand
        phrase = short and content[-1:] not in ".!?,"
        before = _before_window(self.doc, self.idx, seg, self.segments[k - 1].close if k else 0)
        cue, window = self._find_cue(k, seg, starts, phrase, before)
        if cue is not None:
            cand.cue = cue
            cand.cue_text = cue_phrase(cue, self.lex)
            cand.speaker = _speaker_for_cue(cue, window, self.ctx, self.lex, self.antecedents,
                                            self.quoted)
        elif text[seg.para_start:seg.open].rstrip(" \t\xa0").endswith(":") and not phrase:
            cand.cue_text = ":"  # `The piece used her words as its headline: "..."`
            cand.speaker = _colon_speaker(before, self.ctx, self.lex, self.antecedents, self.quoted)
        elif seg.open == seg.para_start and (intro := _colon_paragraph(self.doc, self.idx, seg)):
            cand.cue_text = ":"  # `Sanders made the following comment:` ending the paragraph
            cand.speaker = _colon_speaker(intro, self.ctx, self.lex, self.antecedents, self.quoted)
        else:
            cand.embedded = not starts or phrase
        return cand

    def _by_pattern(self, cand: Candidate, seg: Segment) -> bool:
        """A transcript label (`"PENCE: Well, ...`) or a byline dash (`"..." ― Name`)."""
        text, doc = self.text, self.doc
        label = _LABEL.match(text, seg.start)
        if label and seg.open == seg.para_start and (label.group(1).isupper() or seg.double):
            cand.start = label.end()
            name_end = label.start(1) + len(label.group(1))
            cand.speaker = speaker_from_chars(doc, label.start(1), name_end, self.ctx)
            cand.cue_text = ":"
            return True
        dash = _DASH_SPEAKER.match(text, seg.close) if seg.closed else None
        if dash and dash.end() <= seg.para_end:
            cand.speaker = speaker_from_chars(doc, dash.start(1), dash.end(1), self.ctx)
            cand.cue_text = text[seg.close:dash.start(1)].strip(" \t\xa0") or None
            return True
        return False

    def _find_cue(self, k: int, seg: Segment, starts: bool, phrase: bool, before: list):
        """The cue verb of a quoted stretch and the tokens around it, or (None, [])."""
        doc, text, idx, lex = self.doc, self.text, self.idx, self.lex
        # the next quotation that could be speech (a quoted nickname does not end the window)
        nxt = next((s.open for s in self.segments[k + 1:] if len(text[s.start:s.end].split()) > 2),
                   len(text))
        after = _after_window(doc, idx, seg, nxt)
        cue_a = _cue_after(after, lex) if starts and _attaches_after(text, seg, after) else None
        cue_b = _cue_before(before, lex)
        if cue_b is not None and phrase and not _governs(cue_b, idx.at(seg.start), doc):
            cue_b = None  # a scare-quoted phrase somewhere in a reported clause
        if cue_b is not None and not starts and _reported(cue_b, lex):
            cue_b = None  # `Ditto said she expects them "to continue ..."`: a mixed quote
        if cue_b is not None and cue_a is not None and not _opens_with_speaker(after) \
                and text[seg.para_start:seg.open].rstrip(" \t\xa0")[-1:] in (",", ":"):
            cue_a = None  # `saying, "...," when Clinton blasted him`: the cue came first
        if cue_a is not None and (_ends_clause(text, seg) or cue_b is None):
            return cue_a, after
        if cue_b is not None:
            return cue_b, before
        if seg.open == seg.para_start:
            cue = _colon_intro(doc, idx, seg, lex)
            if cue is not None:
                return cue, []
        prev = self.segments[k - 1] if k else None
        if prev is not None and starts and prev.para_start == seg.para_start and _complete(text, seg):
            # `... loop-hole,” she said. “We have no context ...”`: the cue clause between
            gap = _after_window(doc, idx, prev, seg.open)
            if gap and len(gap) <= 12 and _attaches_after(text, prev, gap):
                cue = _cue_after(gap, lex)
                if cue is not None:
                    return cue, gap
        return None, []


def _colon_paragraph(doc, idx: TokenIndex, seg: Segment) -> list:
    """The last sentence of the previous paragraph when it ends with a colon."""
    text = doc_text(doc)
    prev_end = seg.para_start - 1
    while prev_end > 0 and text[prev_end - 1].isspace():
        prev_end -= 1
    if prev_end <= 0 or text[prev_end - 1] != ":":
        return []
    j = idx.at(prev_end - 1)
    toks = []
    for t in reversed(doc[max(0, j - 30):j]):
        if t.text in _SENT_END or "\n" in t.text_with_ws:
            break
        toks.append(t)
    return toks[::-1]


def _colon_intro(doc, idx: TokenIndex, seg: Segment, lex: Lexicon):
    """`He said:` closing the previous paragraph introduces this one."""
    prev_end = seg.para_start - 1
    while prev_end > 0 and doc_text(doc)[prev_end - 1].isspace():
        prev_end -= 1
    if prev_end <= 0 or doc_text(doc)[prev_end - 1] != ":":
        return None
    j = idx.at(prev_end - 1)
    for t in reversed(doc[max(0, j - 12):j]):
        if t.text in _SENT_END:
            break
        if _is_cue(t, lex):
            return t
    return None


def cue_phrase(cue, lex: Lexicon) -> str:
    """The cue as written: the verb, with its particle or framing preposition (`called for`)."""
    if cue.lower_ == "according":
        return "according to"
    entry = lex.cues.get(cue.lemma_.lower())
    frames = entry.frames if entry else frozenset()
    nxt = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    if nxt is not None and nxt.head.i == cue.i and (
            nxt.dep_ == "prt" or (nxt.dep_ == "prep" and f"prep:{nxt.lower_}" in frames)):
        return cue.text + " " + nxt.text
    return cue.text


def _style(text: str, seg: Segment) -> str:
    mark = text[seg.open:seg.start]
    return "straight" if mark in ('"', "''") else "single" if not seg.double else "curly"


def _complete(text: str, seg: Segment) -> bool:
    """A quoted part that ends its sentence (nothing but a new quotation or the paragraph's
    end follows), as opposed to one the narrative runs on from."""
    inner = text[seg.start:seg.end].rstrip()
    rest = text[seg.close:seg.para_end].lstrip(" \t\xa0")
    return inner[-1:] in ".!?" or not rest or rest[0] in "“\"'‘«" or rest[0] in ".!?"


def _join_paragraphs(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A quotation left open at the end of its paragraph and re-opened at the start of the
    next one (news style for a quote running over paragraphs) is one quote."""
    out: list[Candidate] = []
    for cand in cands:
        prev = out[-1] if out else None
        if prev is not None and prev.segments and cand.segments and not prev.segments[-1].closed \
                and cand.segments[0].open == cand.segments[0].para_start \
                and not text[prev.segments[-1].para_end:cand.segments[0].open].strip() \
                and _style(text, prev.segments[-1]) == _style(text, cand.segments[0]):
            prev.end = cand.end
            prev.segments.extend(cand.segments)
            if prev.speaker is None and cand.speaker is not None:
                prev.cue, prev.cue_text, prev.speaker = cand.cue, cand.cue_text, cand.speaker
            prev.embedded = False
            continue
        out.append(cand)
    return out


def _join_split_quotes(text: str, cands: list[Candidate]) -> list[Candidate]:
    """`"A," he said, "B."` is one quote: join a part to the part before it in the paragraph
    when they share the cue, or when it has no cue and the previous part's cue lies between."""
    out: list[Candidate] = []
    for cand in cands:
        prev = out[-1] if out else None
        if prev is not None and prev.segments and cand.segments \
                and prev.segments[0].para_start == cand.segments[0].para_start and prev.direct:
            gap_start, gap_end = prev.segments[-1].close, cand.segments[0].open
            same_cue = cand.cue is not None and prev.cue is not None and cand.cue.i == prev.cue.i
            cue_between = (prev.cue is not None and gap_start <= prev.cue.idx < gap_end) \
                or (prev.cue is None and prev.speaker is not None and prev.cue_text
                    and gap_start <= prev.speaker.start < gap_end)
            if same_cue or (cand.cue is None and cand.speaker is None and not cand.embedded
                            and _complete(text, cand.segments[-1])
                            and (cue_between or not text[gap_start:gap_end].strip(" \t\xa0,.;:"))
                            and prev.speaker is not None):
                prev.end = cand.end
                prev.segments.extend(cand.segments)
                continue
        out.append(cand)
    return out
