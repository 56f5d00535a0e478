"""Casualty counts against the hand-annotated gold set (bench/data/fatalities/gold.jsonl).

    PYTHONPATH=src python -m bench.fatalities [--gold PATH]
        [--split dev|validation|heldout|all|written|m2e2] [--errors] [--buckets]

The gold (see its README) holds one row per violent event mention: M2E2 events (VOA
sentences of ``shared/data/events/m2e2_dev.jsonl``, offsets into a sentence) and Wikinews
events (``samples/wikinews/wikinews.jsonl``, offsets into the article), each with the number
the text says were killed and injured, or null where it gives none.

Two readings, both printed:
- **given the event**: the casualty reader alone (``events.casualties``) on each gold event,
  placed at its trigger, with every gold event of the article (so a toll sentence is read
  only up to the next event's sentence, as in the pipeline);
- **end to end**: the whole pipeline on the article; the gold event is matched to the coded
  event whose evidence or mentions hold its trigger, else a violent event of its sentence;
  an event the coder did not find has no count.

A third reading, **each event alone**, runs the reader with one gold event at a time (the
gold annotates every mention, so two mentions of one attack in a sentence both carry its
toll, while the reader gives a sentence's figure to one event of it).

The gold's articles are split as the real-news gold is (``bench.realnews.split_of``: a fixed
quarter by hash of the article id is kept apart for validation): tune on ``--split dev`` (the
only split whose errors ``--errors`` prints), report ``--split validation``.

``--split heldout`` scores the rows of issue 16's held-out articles (figures only, never
printed). ``--split m2e2`` scores a second gold read by a written rule from M2E2's own Victim
arguments (see ``m2e2_argument_gold``), by part: read / kept apart by SHA-1 of the article id.

``--split written`` scores the written set instead (``bench/data/fatalities/written.jsonl``:
sentences written for the project from the gold's guideline, one event each; see the README).

``--buckets`` counts the errors of each reading by bucket — no count read, a count where the
gold gives none, a wrong number; where the gold's figure stands and whether the reader read it;
how the parse attaches it; its shape (digits, number words, a list) — from offsets and word
shapes alone, printing no text, so validation can be diagnosed without reading its rows.

Figures, for killed and injured apart: on gold rows with a count, exact (same number) and
within 20% (|predicted - gold| <= 0.2 x gold); on gold rows without one, the share that
gets none (a vague word, count null, counts as none).
"""
from __future__ import annotations

import argparse
import collections
import re
from pathlib import Path

from bench.common import REPO, m2e2_part, read_jsonl, require

GOLD = REPO / "bench" / "data" / "fatalities" / "gold.jsonl"
WRITTEN = REPO / "bench" / "data" / "fatalities" / "written.jsonl"
WIKINEWS = REPO / "samples" / "wikinews" / "wikinews.jsonl"


def m2e2_article(doc: dict) -> tuple[dict, dict[str, int]]:
    """An M2E2 document as one text (its sentences joined by a space) and where each
    sentence starts in it."""
    starts, parts, at = {}, [], 0
    for s in doc["sentences"]:
        starts[s["id"]] = at
        parts.append(s["text"])
        at += len(s["text"]) + 1
    y, mo, d = re.match(r"VOA_EN_NW_(\d{4})\.(\d{2})\.(\d{2})", doc["id"]).groups()
    return {"id": doc["id"], "text": " ".join(parts), "date": f"{y}-{mo}-{d}"}, starts


def load(gold_path: Path):
    """(articles by id, gold rows with ``at``: the trigger's offsets in the article)."""
    rows = read_jsonl(gold_path)
    articles: dict[str, dict] = {}
    wiki = {a["id"]: a for a in read_jsonl(WIKINEWS)}
    m2e2 = {d["id"]: d for d in read_jsonl(require("events/m2e2_dev.jsonl"))}
    offsets: dict[str, dict[str, int]] = {}
    for row in rows:
        doc = row["doc"]
        if row["source"] == "m2e2":
            if doc not in articles:
                articles[doc], offsets[doc] = m2e2_article(m2e2[doc])
            base = offsets[doc][row["sentence"]]
        else:
            articles.setdefault(doc, {"id": doc, "text": wiki[doc]["text"], "date": wiki[doc].get("date")})
            base = 0
        row["at"] = (base + row["trigger"]["start"], base + row["trigger"]["end"])
        row["base"] = base
    return articles, rows


def load_written(path: Path = WRITTEN):
    """The written set (sentences written for the project from the gold's guideline, see the
    README): each text an article of its own, rows as the gold's; a row with ``triggers``
    marks several mentions of its one incident in the text (M2E2's "attack" and "killing"), each
    a gold event with the row's counts."""
    articles, rows = {}, []
    for w in read_jsonl(path):
        articles[w["id"]] = {"id": w["id"], "text": w["text"], "date": "2024-05-20"}
        for trigger in w.get("triggers") or [w["trigger"]]:
            rows.append({"source": "written", "doc": w["id"], "political": True, "killed": w["killed"],
                         "injured": w["injured"], "evidence": None, "phenomenon": w["phenomenon"],
                         "at": (trigger["start"], trigger["end"]), "base": 0})
    return articles, rows


def _pseudo_events(doc, rows: list[dict], text: str):
    """Gold events as coder events: an ASSAULT at each trigger, in its sentence."""
    from eventwire.record import Event, Mention, SentenceSpan

    events = []
    for k, row in enumerate(sorted(rows, key=lambda r: r["at"])):
        s0, s1 = row["at"]
        sent = next((s for s in doc.sents if s.start_char <= s0 < s.end_char), None)
        if sent is None:
            continue
        ev = Event(id=f"G{k}", category="ASSAULT", sentence=SentenceSpan(start=sent.start_char, end=sent.end_char),
                   evidence=Mention(start=s0, end=s1, text=text[s0:s1]), confidence=1.0)
        events.append((row, ev))
    return events


def _count(figure) -> int | None:
    return None if figure is None else figure.count


def _match(record, row: dict):
    """The coded event for a gold event: evidence or mentions over the trigger, else a
    violent event (one with casualties) of the trigger's sentence."""
    s0, s1 = row["at"]
    events = record.events
    for e in events:
        spans = [e.evidence] + list(e.mentions)
        if any(m.start < s1 and s0 < m.end for m in spans):
            return e
    same = [e for e in events if e.sentence.start <= s0 < e.sentence.end and e.casualties is not None]
    if same:
        return min(same, key=lambda e: abs(e.evidence.start - s0))
    return None


def _stray_counts(record, rows: list[dict], doc) -> list:
    """(coded event, bucket) for each coded event with a killed or injured count, sorted by
    where its figure stands — the event's own sentences (evidence or mentions) or a sentence
    after them, read as its toll sentence — by what kind of event took it (violent and
    asserted; told as not done: negated, hypothetical, future; a protest or coercion that took
    figures) and by what the gold says: a gold event matched with that count (right) or
    another (wrong), or no gold event (a count on an event the gold holds no violent event
    for). Offsets, categories and counts only, no text."""
    from eventwire.events.casualties import is_violent

    gold_of = {}
    for r in rows:
        m = _match(record, r)
        if m is not None:
            gold_of.setdefault(id(m), []).append(r)
    out = []
    for e in record.events:
        c = e.casualties
        if c is None:
            continue
        figs = [(k, f) for k, f in (("killed", c.killed), ("injured", c.injured)) if f is not None and f.count]
        if not figs:
            continue
        told = {_sentence_index(doc, m.start) for m in [e.evidence, *e.mentions]}
        where = "its own sentences" if all(_sentence_index(doc, f.start) in told for _, f in figs) else "a toll sentence"
        kind = ("violent" if e.modality == "asserted" else f"violent, {e.modality}") if is_violent(e) \
            else f"{e.category} taking figures"
        golds = gold_of.get(id(e))
        if not golds:
            verdict = "no gold event"
        else:
            verdict = "right" if all(any(r.get(k) == f.count for r in golds) for k, f in figs) else "wrong"
        out.append((e, f"{where}; {kind}; {verdict}"))
    return out


def _whose_miss(row: dict, given_count, match, record, doc) -> str:
    """Whose an end-to-end miss of a gold killed count is: the event coder's (no violent event
    coded for the trigger: nothing in its sentence, or only events the casualty reader does not
    read, by category) or the casualty reader's (wrong given the gold event too; or right
    given it, wrong on the event the coder made of it)."""
    from eventwire.events.casualties import is_violent

    s0, _ = row["at"]
    gold = row["killed"]
    # another coded event of the article that carries the gold's figure: the incident was coded,
    # but from another mention, and this one was not joined to it (coreference's) or was coded
    # as an event of its own that got no figure (a duplicate)
    carriers = [e for e in record.events if e is not match and e.casualties and e.casualties.killed
                and e.casualties.killed.count == gold]
    if match is None:
        here = [e for e in record.events if e.sentence.start <= s0 < e.sentence.end]
        if carriers and given_count == gold:
            home = _sentence_index(doc, s0)
            if any(_sentence_index(doc, e.casualties.killed.start) == home for e in carriers):
                # the coder coded nothing violent here, so the sentence was read as a toll
                # sentence of a coded event before it, which may be another incident
                return "coder and reader: the trigger's sentence's figure given to another coded event (as its toll)"
            # (a figure of 1 is common: the carrier may be another incident)
            return ("coder: the incident coded from another mention with the gold's figure; this mention not "
                    f"joined to it{' (figure 1: may be another incident)' if gold == 1 else ''}")
        if not here:
            return f"coder: no event coded in the trigger's sentence; {_trigger_shape(row, doc)}"
        kinds = "/".join(sorted({e.category for e in here if not is_violent(e)}))
        return f"coder: only events that take no casualties in the sentence ({kinds})" if not any(
            is_violent(e) for e in here) else "coder: a violent event in the sentence, none at the trigger"
    if given_count != row["killed"]:
        return "reader: wrong given the gold event too"
    if not is_violent(match):
        return f"coder: the event at the trigger takes no casualties ({match.category})"
    if carriers:
        where = "of the trigger's sentence" if any(e.sentence.start <= s0 < e.sentence.end for e in carriers) \
            else "of another sentence"
        return f"reader or coder: right given the gold event; the gold's figure on another coded event {where} (a duplicate)"
    # right given the gold event, wrong on the coded one: how the coded event holds the trigger
    # and where its figure comes from (offsets only, so validation can be sorted too)
    s0, s1 = row["at"]
    via = "its evidence" if match.evidence.start < s1 and s0 < match.evidence.end else \
        "a coreferent mention" if any(m.start < s1 and s0 < m.end for m in match.mentions) else \
        "a violent event of the trigger's sentence"
    figure = match.casualties.killed if match.casualties else None
    if figure is None:
        source = "no count"
    elif _sentence_index(doc, figure.start) == _sentence_index(doc, s0):
        source = "a figure of the trigger's sentence"
    elif any(_sentence_index(doc, figure.start) == _sentence_index(doc, m.start)
             for m in [match.evidence, *match.mentions]):
        source = "a figure of another sentence the coded event is told in"
    else:
        source = "a figure of a toll sentence"
    return f"reader or coder: right given the gold event, wrong on the coded one (trigger in {via}; {source})"



def _trigger_shape(row: dict, doc) -> str:
    """The phenomenon of a gold event the coder missed, from the parse of its trigger alone
    (no text printed): the classes the sixth session sorted dev's misses into by hand."""
    from eventwire.events.casualties import load_words

    if not row.get("political", True):
        return "not political (accident, disaster, crime)"
    span = doc.char_span(row["at"][0], row["at"][1], alignment_mode="expand")
    if span is None or not len(span):
        return "trigger not found"
    tok, w = span.root, load_words()
    lemma = tok.lemma_.lower()
    killing = lemma in w.victim_predicates["killed"] or lemma in w.dying_predicates
    clause = next((t.dep_ for t in (tok, *tok.ancestors) if t.dep_ in ("relcl", "advcl", "ccomp", "xcomp", "pcomp")), None)
    if tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in w.killing_nouns or tok.lower_ in w.killing_nouns_plural):
        return "a killing or death noun"
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ == "in" and \
            tok.head.head.lemma_.lower() in w.victim_predicates["killed"] | w.dying_predicates:
        return "an attack noun in a killing's 'in' phrase"
    if clause == "relcl":
        return "in a relative clause"
    if clause is not None:
        return "in a temporal or complement clause"
    if killing and (lemma in w.dying_predicates or any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)) \
            and not any(c.dep_ == "agent" for c in tok.children):
        return "a death or passive killing with no attacker"
    if tok.pos_ in ("NOUN", "PROPN"):
        return f"another noun ({tok.dep_})"
    return f"another verb or word ({tok.dep_})"


class Tally:
    def __init__(self):
        self.c = collections.Counter()

    def add(self, kind: str, gold: int | None, pred: int | None, political: bool, source: str = "") -> None:
        # wikinews rows are annotated for the article (every sentence that tells the event), m2e2
        # rows for the trigger's sentence alone: the two are reported apart too
        for scope in ("all", "political", source) if political else ("all", source):
            key = (scope, kind)
            if gold is None:
                self.c[key + ("none_total",)] += 1
                self.c[key + ("none_right",)] += pred is None
            else:
                self.c[key + ("total",)] += 1
                self.c[key + ("exact",)] += pred == gold
                self.c[key + ("within20",)] += pred is not None and abs(pred - gold) <= 0.2 * gold

    def report(self, label: str) -> None:
        print(label)
        for scope in ("all", "political", "m2e2", "wikinews", "written"):
            for kind in ("killed", "injured"):
                k = (scope, kind)
                n, m = self.c[k + ("total",)], self.c[k + ("none_total",)]
                if not n and not m:
                    continue
                print(f"  {scope:9s} {kind:7s}: with a count {n:3d}: exact {self.c[k + ('exact',)] / max(n, 1):.3f}, "
                      f"within 20% {self.c[k + ('within20',)] / max(n, 1):.3f} | without a count {m:3d}: "
                      f"none given {self.c[k + ('none_right',)] / max(m, 1):.3f}")


def _casualty_lemmas() -> set[str]:
    from eventwire.events.casualties import load_words

    w = load_words()
    return {x for group in (w.killing_verbs, w.injuring_verbs, w.killed_words, w.injured_words, w.killing_nouns,
                            w.killed_participles, w.to_death_verbs, w.dying_predicates,
                            *w.victim_predicates.values()) for x in group} | {"toll", "shoot", "leave", "include"}


def _sentence_index(doc, at: int) -> int | None:
    return next((k for k, s in enumerate(doc.sents) if s.start_char <= at < s.end_char), None)


def _phrasing(words: str, qualifier: str | None) -> str:
    """How the gold's evidence words give the count, by their shape alone."""
    from eventwire.events.casualties import _number, _tokens

    toks = _tokens(words)
    numbers = [k for k in range(len(toks)) if _number(toks, k) is not None and (k == 0 or _number(toks, k - 1) is None)]
    if len(numbers) >= 2 or (numbers and any(t.low in ("and", ",") for t in toks[numbers[0]:])) \
            or (not numbers and any(t.low == "and" for t in toks)):
        names = sum(1 for t in toks if words[t.start:t.start + 1].isupper()) > 1
        return f"a list or sum ({'with' if names else 'no'} names, {len(numbers)} numbers, {len(toks)} words)"
    if qualifier and qualifier not in ("at least", "about", "more than"):
        return "a plural number word (dozens, hundreds)"
    if any(t.low[:1].isdigit() for t in toks):
        return "digits"
    if numbers:
        return "number words"
    return "no number (one named or singular victim)"


def error_bucket(row: dict, kind: str, figure, doc, text: str, elsewhere=()) -> str | None:
    """The bucket of an error of one count (``figure``: the reader's ``Count`` or None), or
    None when the count is right; ``elsewhere``: the figures other events of the article got.
    Buckets are read from offsets and word shapes, so a split's errors can be counted without
    reading its rows."""
    gold = row.get(kind)
    pred = None if figure is None else figure.count
    if pred == gold:
        return None
    home = _sentence_index(doc, row["at"][0])
    if gold is not None and pred is None:
        ev = row.get("evidence_injured" if kind == "injured" and row.get("evidence_injured") else "evidence")
        if ev is None:
            return f"no count read ({row.get('phenomenon', 'gold gives no evidence span')})"
        a, b = row["base"] + ev["start"], row["base"] + ev["end"]
        where = _sentence_index(doc, a)
        place = "in the event's sentence" if where == home else \
            "in an earlier sentence" if where is not None and home is not None and where < home else "in a later sentence"
        taken = any(f is not None and f.start < b and a < f.end for f in elsewhere)
        if not taken and where is not None:
            from eventwire.events.casualties import read_figures

            sent = list(doc.sents)[where]
            read = [f for f in read_figures(doc, text, sent.start_char, sent.end_char)
                    if f.kind == kind and f.start < b and a < f.end]
            place += " (read, given to no event)" if read else " (not read)"
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None and len(span):
            # where the parse puts the gold's words: their relation and the word they hang on
            # (a casualty word by its lemma, any other by its part of speech), never the row's text
            root, words = span.root, _casualty_lemmas()
            head = root.head
            label = head.lemma_.lower() if head.lemma_.lower() in words else head.pos_
            place += f" [{root.dep_} of {label}]"
        return (f"no count read; gold figure {place}{' (given to another event)' if taken else ''}, "
                f"given by {_phrasing(text[a:b], row.get(kind + '_qualifier'))}")
    other = "injured" if kind == "killed" else "killed"
    at = _sentence_index(doc, figure.start)
    place = "the event's sentence" if at == home else "another sentence"
    if gold is None:
        if place == "another sentence" and row["source"] == "m2e2":
            place += " (m2e2's gold is the trigger's sentence alone)"
        if pred == row.get(other):
            return f"a count where gold gives none: the {other} figure ({place})"
        if row.get("combined_casualties"):
            return f"a count where gold gives none: a killed-or-wounded figure ({place})"
        return f"a count where gold gives none: a figure of {place}"
    if pred == row.get(other):
        return "wrong number: the other kind's figure (killed/injured mixup)"
    ev = row.get("evidence")
    if ev and figure.start < row["base"] + ev["end"] and row["base"] + ev["start"] < figure.end:
        a, b = row["base"] + ev["start"], row["base"] + ev["end"]
        phrasing = _phrasing(text[a:b], row.get(kind + "_qualifier"))
        if phrasing.startswith("a list or sum"):
            # how the list was read: how much of the gold's words the reader's figure covers,
            # over how many sentences the gold's words run, and where the parse puts them
            covered = max(0, min(b, figure.end) - max(a, figure.start)) / max(1, b - a)
            sents = len({_sentence_index(doc, a), _sentence_index(doc, b - 1)})
            span = doc.char_span(a, b, alignment_mode="expand")
            parse = f" [{span.root.dep_} of {span.root.head.pos_}]" if span is not None and len(span) else ""
            if span is not None and len(span) <= 16:
                # the list's shape as universal part-of-speech tags (the reader's part in
                # brackets): structure, never words
                parse += " " + " ".join(f"<{t.pos_}>" if figure.start <= t.idx < figure.end else t.pos_ for t in span)
            return (f"wrong number: the gold's list or sum read in part ({phrasing[len('a list or sum '):]}; "
                    f"read {'less' if pred < gold else 'more'}; {covered:.0%} of its words; "
                    f"{sents} sentence{'s' if sents > 1 else ''}){parse}")
        within = abs(pred - gold) <= 0.2 * gold
        return f"wrong number: the gold's words read as another number ({'within' if within else 'beyond'} 20%)"
    return f"wrong number: another figure, in {place}"


# ---------------------------------------------------------------------------------------------
# M2E2's own arguments as a gold of killed counts (``--split m2e2``): a measure on real text no
# rule of the reader was written for. M2E2 (ACE) marks each Life:Die event's Victim and each
# Conflict:Attack event's Target by its head word only ("civilians"), so the count is read by a
# written rule from the words in front of the head, on the surface (no parser, so the gold does
# not share the reader's parse errors):
#
# - the words in front of the head, back to the first comma, clause word or preposition (at
#   most six words), are the victim's noun phrase; its nearest number (digits, number words,
#   "a dozen", "a hundred") is the count, a range its lower end ("10 to 15": 10); a plural
#   number word counts one of its unit as the gold guideline's table says ("dozens" 12,
#   "scores" 20, "hundreds" 100, "thousands" 1,000, "tens of thousands" 10,000), also when it
#   is the head itself ("the deaths of dozens");
# - no number: a singular head is one victim (a name, "a soldier", "the prosecutor"); a plural
#   head ("civilians", "people") or a word with no number ("several", "many") gives no count;
# - several Victims of one death event are summed ("two soldiers and a civilian");
# - undecided, skipped and counted: a pronoun head ("he", "who": the count is in another
#   mention), a death event with no Victim, a plural head beside counted victims;
# - an Attack takes the count of the one Life:Die event of its sentence (the attack and the
#   killing are mentions of one incident, as M2E2 annotates "attack" and "killing"); with no
#   death event in its sentence the sentence reports none (gold: no count); with several, or
#   an undecided one, the attack is undecided.
#
# Each sentence is read as its own document (the release keeps chosen sentences of each article,
# not the whole text), with every Attack and Life:Die event of it as a gold event. The articles
# are scored in two parts as ``bench/events.py``'s m2e2 bench splits them: a quarter kept apart
# (SHA-1 of the article id divisible by 4), never read while writing rules, and the read rest.
_ARG_WORD = re.compile(r"\d+(?:-[A-Za-z]+)+|\d+(?:[,.]\d+)*|[A-Za-z]+(?:[-'’][A-Za-z]+)*|[^\sA-Za-z\d]")
_ARG_UNITS = {w: k for k, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_ARG_TENS = {w: 10 * k for k, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_ARG_PLURAL_NUMBERS = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 1_000_000}
_ARG_NO_NUMBER = {"several", "many", "some", "few", "numerous", "multiple", "countless", "various"}
_ARG_PRONOUNS = {"he", "she", "him", "her", "they", "them", "who", "whom", "which", "that", "himself", "herself",
                 "themselves", "it", "we", "us", "i", "me", "you", "one", "those", "others", "another", "these",
                 "all", "both", "each", "anyone", "everyone", "someone"}
# where a victim's noun phrase ends on its left
_ARG_STOPS = {"and", "or", "but", "in", "on", "by", "for", "with", "from", "including", "among", "against",
              "after", "before", "into", "during", "killed", "killing", "kill", "were", "was", "are", "is",
              "been", "be", "have", "has", "had", "said", "says", "that", "who", "which", "when", "while",
              "where", "as", "than", "said", "while", "if", "because", "since", "near"}
_ARG_PLURAL_HEADS = {"people", "children", "men", "women", "police", "personnel", "staff", "troops", "forces",
                     "youths", "folk", "military", "militia", "army", "crew", "family", "families", "group",
                     "public", "population", "civilians", "residents"}


def _arg_number(words: list[str], k: int) -> tuple[int, int] | None:
    """(value, index after) of a number written from ``words[k]``, else None."""
    w = words[k].lower()
    if w[0].isdigit():
        digits = w.replace(",", "")
        if not digits.isdecimal() or (len(digits) == 4 and 1900 <= int(digits) <= 2100 and "," not in w):
            return None
        value, j = int(digits), k + 1
        if j < len(words) and words[j].lower() in ("hundred", "thousand", "million"):
            value, j = value * {"hundred": 100, "thousand": 1000, "million": 1_000_000}[words[j].lower()], j + 1
        return value, j
    total, j, seen = 0, k, False
    while j < len(words):
        w = words[j].lower()
        first, _, second = w.partition("-")
        if w in _ARG_UNITS:
            total += _ARG_UNITS[w]
        elif w in _ARG_TENS:
            total += _ARG_TENS[w]
        elif first in _ARG_TENS and second in _ARG_UNITS:
            total += _ARG_TENS[first] + _ARG_UNITS[second]
        elif w in ("a", "an") and not seen and j + 1 < len(words) and words[j + 1].lower() in ("dozen", "hundred", "thousand"):
            total = 1
        elif w in ("dozen", "hundred", "thousand", "million") and seen:
            total = max(total, 1) * {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}[w]
        else:
            break
        seen = True
        j += 1
    return (total, j) if seen else None


def victim_count(sentence: str, arg: dict, sole: bool = True) -> tuple[str, int | None]:
    """("count", n), ("none", None) or ("undecided: why", None) for one Victim argument (its
    span in ``sentence``, mostly the head word alone), by the rule above; ``sole``: the only
    Victim of its event."""
    span = _ARG_WORD.findall(arg["text"])
    head = span[-1] if span else arg["text"]
    low = head.lower()
    if low in _ARG_PRONOUNS or low in ("his", "its", "their"):
        return "undecided: a pronoun", None
    before = _ARG_WORD.findall(sentence[:arg["start"]])
    after = _ARG_WORD.findall(sentence[arg["end"]:])[:1]
    phrase: list[str] = []
    for w in reversed(before[-6:]):
        if w.lower() in _ARG_STOPS or (not w[0].isalnum() and w not in ("-", ".")):
            break
        phrase.insert(0, w)
    bound = before[len(before) - len(phrase) - 1].lower() if len(before) > len(phrase) else ""
    if sole and ("and" in (bound, *(w.lower() for w in after)) or "or" in (bound, *(w.lower() for w in after))):
        return "undecided: one victim of a list marked", None
    phrase += span[:-1]
    if low in _ARG_PLURAL_NUMBERS:
        # the head itself a plural number word ("the deaths of dozens")
        phrase, low = phrase + [head, "of"], "people"
    count, k = None, 0
    while k < len(phrase):
        low_k = phrase[k].lower()
        number = _arg_number(phrase, k)
        if number is not None:
            count, k = number
            if k + 1 < len(phrase) and phrase[k].lower() in ("to", "-", "and") and _arg_number(phrase, k + 1):
                k = _arg_number(phrase, k + 1)[1]   # a range: its lower end stands
            continue
        if low_k in _ARG_PLURAL_NUMBERS and k + 1 < len(phrase) and phrase[k + 1].lower() == "of":
            scale = _ARG_PLURAL_NUMBERS[low_k]
            if k >= 2 and [p.lower() for p in phrase[k - 2:k]] in (["tens", "of"], ["hundreds", "of"]):
                scale *= 10 if phrase[k - 2].lower() == "tens" else 100
            count = scale
        k += 1
    if count is not None:
        return "count", count
    if any(p.lower() in _ARG_NO_NUMBER for p in phrase):
        return "none", None
    plural = low in _ARG_PLURAL_HEADS or (head[:1].islower() and low.endswith("s") and not low.endswith("ss")) \
        or (head[:1].isupper() and re.search(r"(ans|is|ese|ers)$", head) is not None and len(span) == 1)
    return ("none", None) if plural else ("count", 1)


# words that tell a death: an attack with one of them in its sentence but no Life:Die event there
# is one whose death the annotators did not mark ("left 5 people dead", "fatally shot")
_DEATH_WORDS = re.compile(r"\b(?:dead|death|deaths|died|dies|die|killed|killing|killings|kill|kills|fatal|fatally|"
                          r"lives|slain|bodies|massacred|executed|murdered)\b", re.IGNORECASE)
_KILLED_OR_WOUNDED = re.compile(r"\b(?:killed|dead)\s+(?:or|and/or)\s+(?:wounded|injured|missing)\b", re.IGNORECASE)


def _one_incident(attack: dict, death: dict, sentence: str) -> bool:
    """An attack and a death of one sentence are one incident when the death's Victim is the
    attack's Target, they share a Place, or their triggers stand within ten words."""
    spans = lambda e, roles: {(a["start"], a["end"]) for a in e["arguments"] if a["role"] in roles}
    if spans(attack, ("Target",)) & spans(death, ("Victim",)) or spans(attack, ("Place",)) & spans(death, ("Place",)):
        return True
    a, b = sorted((attack["trigger"]["start"], death["trigger"]["start"]))
    return len(_ARG_WORD.findall(sentence[a:b])) <= 10


def m2e2_argument_gold() -> tuple[dict, list[dict], collections.Counter]:
    """(one article per sentence, gold rows, undecided events by reason) from M2E2's arguments."""
    articles, rows, undecided = {}, [], collections.Counter()
    for d in read_jsonl(require("events/m2e2_dev.jsonl")):
        part = m2e2_part(d["id"])
        y, mo, day = re.match(r"VOA_EN_NW_(\d{4})\.(\d{2})\.(\d{2})", d["id"]).groups()
        for s in d["sentences"]:
            events = [e for e in s["events"] if e["type"] in ("Life:Die", "Conflict:Attack")]
            if not events:
                continue
            deaths = {}
            for k, e in enumerate(events):
                if e["type"] != "Life:Die":
                    continue
                args = [a for a in e["arguments"] if a["role"] == "Victim"]
                victims = [victim_count(s["text"], a, sole=len(args) == 1) for a in args]
                if _KILLED_OR_WOUNDED.search(s["text"]):
                    deaths[k] = ("undecided: a killed-or-wounded figure", None)
                elif not victims:
                    deaths[k] = ("undecided: a death with no Victim", None)
                elif any(v[0].startswith("undecided") for v in victims):
                    deaths[k] = next(v for v in victims if v[0].startswith("undecided"))
                elif len(victims) > 1 and any(v[0] == "none" for v in victims):
                    deaths[k] = ("undecided: a plural victim beside counted ones", None)
                elif all(v[0] == "none" for v in victims):
                    deaths[k] = ("none", None)
                else:
                    deaths[k] = ("count", sum(v[1] for v in victims))
            for k, e in enumerate(events):
                if e["type"] == "Life:Die":
                    decision = deaths[k]
                elif not deaths:
                    # the words of the sentence's other events are theirs ("shot" of an attack)
                    told = "".join(" " if any(x["trigger"]["start"] <= c < x["trigger"]["end"] for x in events) else ch
                                   for c, ch in enumerate(s["text"]))
                    decision = ("undecided: an attack beside a death word no event marks", None) \
                        if _DEATH_WORDS.search(told) else ("none", None)
                elif len(deaths) > 1:
                    decision = ("undecided: an attack beside several deaths", None)
                elif not _one_incident(e, events[next(iter(deaths))], s["text"]):
                    decision = ("undecided: an attack and a death maybe not one incident", None)
                else:
                    decision = next(iter(deaths.values()))
                    if decision[0].startswith("undecided"):
                        decision = ("undecided: an attack beside an undecided death", None)
                if decision[0].startswith("undecided"):
                    undecided[(part, e["type"], decision[0])] += 1
                    continue
                articles[s["id"]] = {"id": s["id"], "text": s["text"], "date": f"{y}-{mo}-{day}"}
                rows.append({"source": "m2e2", "doc": s["id"], "article": d["id"], "part": part,
                             "event_type": e["type"], "political": True, "killed": decision[1], "injured": None,
                             "at": (e["trigger"]["start"], e["trigger"]["end"]), "base": 0, "evidence": None,
                             "phenomenon": "m2e2 argument"})
    return articles, rows, undecided


def _argument_gold_bucket(row: dict, event, pairs, doc, text: str) -> str:
    """The bucket of a wrong killed count on the argument gold (which has no evidence span),
    from counts, offsets and the parse alone, so the kept-apart part can be sorted unread."""
    from eventwire.events.casualties import read_figures

    gold, got = row["killed"], event.casualties.killed
    span = doc.char_span(*row["at"], alignment_mode="expand")
    trigger = f"{span.root.pos_} {span.root.dep_}" if span is not None and len(span) else "?"
    others = [o.casualties.killed for r, o in pairs if o is not event and o.casualties and o.casualties.killed]
    read = read_figures(doc, text, 0, len(text))
    if gold is None:
        return f"a count where the gold gives none (trigger {trigger})"
    if got is None:
        if any(f.count == gold for f in others):
            return f"no count: the sentence's figure given to another gold event of it (trigger {trigger})"
        if any(f.kind == "killed" and f.count == gold for f in read):
            return f"no count: the figure read, given to no event (trigger {trigger})"
        shape = "a number" if gold > 1 else "one victim"
        return f"no count: the figure not read ({shape}; trigger {trigger})"
    if any(f.kind == "killed" and f.count == gold for f in read):
        return f"wrong number: the right figure read, another given (trigger {trigger})"
    return f"wrong number: the figure read as {'less' if got.count is not None and got.count < gold else 'more'} " \
           f"(trigger {trigger})"


def score_m2e2_arguments(errors: bool, show_buckets: bool) -> None:
    """The reader on M2E2's argument gold, by part and event type; ``errors`` prints the read
    part's rows read wrong, never the kept-apart part's, and only those of articles in the hand
    gold's dev split: the two partitions differ (SHA-1 here, ``bench.realnews.split_of`` there),
    and a read article may be one of the hand gold's validation articles."""
    from bench.realnews import split_of

    from eventwire.events.casualties import attach_casualties
    from eventwire.nlp import load_nlp
    articles, rows, undecided = m2e2_argument_gold()
    hand = {(r["sentence"], r["trigger"]["start"]): r["killed"] for r in read_jsonl(GOLD) if r["source"] == "m2e2"}
    by_doc = collections.defaultdict(list)
    for row in rows:
        by_doc[row["doc"]].append(row)
    nlp = load_nlp()
    given, alone = collections.Counter(), collections.Counter()
    buckets, wrong = collections.Counter(), []
    for doc_id, doc_rows in by_doc.items():
        text = articles[doc_id]["text"]
        parsed = nlp(text)
        pairs = _pseudo_events(parsed, doc_rows, text)
        attach_casualties([ev for _, ev in pairs], parsed, text)
        for row, ev in pairs:
            single = ev.model_copy(deep=True)
            single.casualties = None
            attach_casualties([single], parsed, text)
            for tally, event in ((given, ev), (alone, single)):
                pred = _count(event.casualties.killed)
                for scope in (row["part"], (row["part"], row["event_type"])):
                    if row["killed"] is None:
                        tally[(scope, "none_total")] += 1
                        tally[(scope, "none_right")] += pred is None
                    else:
                        tally[(scope, "total")] += 1
                        tally[(scope, "exact")] += pred == row["killed"]
                        tally[(scope, "within20")] += pred is not None and abs(pred - row["killed"]) <= 0.2 * row["killed"]
            pred = _count(ev.casualties.killed)
            if pred != row["killed"]:
                bucket = _argument_gold_bucket(row, ev, pairs, parsed, text)
                buckets[(row["part"], row["event_type"], bucket)] += 1
                if row["part"] == "read" and split_of(row["article"]) == "dev":
                    wrong.append((row, pred, ev.casualties.killed, text))
            key = (row["doc"], row["at"][0])
            if key in hand:
                agree = "agree" if hand[key] == row["killed"] else "differ"
                given[(row["part"], "hand " + agree)] += 1
    print(f"M2E2 argument gold: {len(rows)} events decided in {len(by_doc)} sentences; undecided (skipped):")
    for (part, kind, why), n in sorted(undecided.items()):
        print(f"  {part:10s} {kind:15s} {n:3d}  {why}")
    for label, tally in (("given the event (every gold event of the sentence)", given),
                         ("each event alone", alone)):
        print(label + ":")
        for part in ("read", "kept apart"):
            for scope in (part, (part, "Life:Die"), (part, "Conflict:Attack")):
                n, m = tally[(scope, "total")], tally[(scope, "none_total")]
                name = scope if isinstance(scope, str) else f"  {scope[1]}"
                print(f"  {name:18s} with a count {n:3d}: exact {tally[(scope, 'exact')] / max(n, 1):.3f}, "
                      f"within 20% {tally[(scope, 'within20')] / max(n, 1):.3f} | without a count {m:3d}: "
                      f"none given {tally[(scope, 'none_right')] / max(m, 1):.3f}")
    for part in ("read", "kept apart"):
        a, d = given[(part, "hand agree")], given[(part, "hand differ")]
        print(f"the rule's gold against the hand gold's killed count on the same events, {part}: "
              f"{a} agree, {d} differ")
    if show_buckets:
        print("errors by bucket, given the event (counts of rows; no text printed):")
        for (part, kind, bucket), n in sorted(buckets.items(), key=lambda kv: (kv[0][0] != "read", -kv[1])):
            print(f"  {part:10s} {kind:15s} {n:3d}  {bucket}")
    if errors:
        for row, pred, figure, text in wrong:
            s0, s1 = row["at"]
            print(f"- {row['doc']} {row['event_type']} [{text[s0:s1]}] gold {row['killed']} | read {pred} "
                  f"({figure.text if figure else None!r}) | {text!r}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--split", choices=("dev", "validation", "heldout", "all", "written", "m2e2"), default="dev",
                    help="which articles to score (validation is kept apart from tuning; written: the "
                         "sentences written for the project, bench/data/fatalities/written.jsonl; m2e2: the gold "
                         "read from M2E2's Victim arguments, by part)")
    ap.add_argument("--errors", action="store_true",
                    help="print the rows read wrong (dev and written rows only; with m2e2, the read "
                         "part's rows of hand-gold dev articles)")
    ap.add_argument("--buckets", action="store_true",
                    help="print how many errors fall in each error bucket (counts only, any split)")
    args = ap.parse_args()
    if args.split == "m2e2":
        score_m2e2_arguments(args.errors, args.buckets)
        return
    from bench.realnews import split_of
    from eventwire.events.casualties import attach_casualties
    from eventwire.nlp import load_nlp
    from eventwire.pipeline import extract

    articles, rows = load_written() if args.split == "written" else load(Path(args.gold))
    if args.split in ("dev", "validation", "heldout"):
        rows = [r for r in rows if split_of(r["doc"]) == args.split]
    by_doc = collections.defaultdict(list)
    for row in rows:
        by_doc[row["doc"]].append(row)
    nlp = load_nlp()
    given, e2e, alone, matched = Tally(), Tally(), Tally(), Tally()
    buckets = {"given": collections.Counter(), "e2e": collections.Counter(), "whose": collections.Counter(),
               "stray": collections.Counter()}
    strays = []
    found = 0
    errors = []
    for doc_id, doc_rows in by_doc.items():
        art = articles[doc_id]
        text = art["text"]
        parsed = nlp(text)
        pairs = _pseudo_events(parsed, doc_rows, text)
        attach_casualties([ev for _, ev in pairs], parsed, text)
        record = extract(text, date=art.get("date"), id=doc_id)
        for row, ev in pairs:
            single = ev.model_copy(deep=True)
            single.casualties = None
            attach_casualties([single], parsed, text)
            alone.add("killed", row.get("killed"), _count(single.casualties.killed), bool(row.get("political")), row["source"])
            alone.add("injured", row.get("injured"), _count(single.casualties.injured), bool(row.get("political")), row["source"])
        for row, ev in pairs:
            political = bool(row.get("political"))
            c = ev.casualties
            pk, pi = _count(c.killed), _count(c.injured)
            given.add("killed", row.get("killed"), pk, political, row["source"])
            given.add("injured", row.get("injured"), pi, political, row["source"])
            match = _match(record, row)
            found += match is not None
            mc = match.casualties if match is not None else None
            ek = _count(mc.killed) if mc else None
            ei = _count(mc.injured) if mc else None
            e2e.add("killed", row.get("killed"), ek, political, row["source"])
            e2e.add("injured", row.get("injured"), ei, political, row["source"])
            if match is not None:
                matched.add("killed", row.get("killed"), ek, political, row["source"])
                matched.add("injured", row.get("injured"), ei, political, row["source"])
            for kind, figure in (("killed", c.killed), ("injured", c.injured)):
                elsewhere = [getattr(other.casualties, kind) for _, other in pairs if other is not ev and other.casualties]
                bucket = error_bucket(row, kind, figure, parsed, text, elsewhere)
                if bucket:
                    buckets["given"][(kind, bucket)] += 1
            for kind in ("killed", "injured"):
                figure = getattr(mc, kind) if mc else None
                bucket = "no coded event" if match is None and row.get(kind) is not None else \
                    error_bucket(row, kind, figure, parsed, text)
                if bucket:
                    buckets["e2e"][(kind, bucket)] += 1
            if row.get("killed") is not None and ek != row.get("killed"):
                whose = _whose_miss(row, pk, match, record, parsed)
                buckets["whose"][whose] += 1
                if whose.startswith("coder"):
                    buckets["whose"]["  of the coder's: the reader right given the gold event"] += pk == row["killed"]
            if pk != row.get("killed") or pi != row.get("injured"):
                errors.append(("given", row, pk, pi, c, text))
            if ek != row.get("killed"):
                errors.append(("e2e", row, ek, ei, mc, text))
        for e, where in _stray_counts(record, doc_rows, parsed):
            buckets["stray"][where] += 1
            strays.append((doc_id, e, where, text))
    n = len(rows)
    print(f"split {args.split}: {len(by_doc)} articles; gold: {n} events ({sum(r['source'] == 'm2e2' for r in rows)} m2e2, "
          f"{sum(r['source'] == 'wikinews' for r in rows)} wikinews; "
          f"{sum(bool(r.get('political')) for r in rows)} political), "
          f"{sum(r.get('killed') is not None for r in rows)} with a killed count")
    given.report("given the event (the casualty reader alone):")
    alone.report("each event alone (the casualty reader alone, one gold event at a time):")
    e2e.report(f"end to end (the pipeline; {found}/{n} gold events matched to a coded event):")
    matched.report("end to end, the matched gold events only (the casualties of the event the coder found):")
    if args.buckets:
        for reading, label in (("given", "given the event"), ("e2e", "end to end")):
            print(f"error buckets, {label} (counts of rows; no text printed):")
            for (kind, bucket), n_rows in sorted(buckets[reading].items(), key=lambda kv: (kv[0][0], -kv[1])):
                print(f"  {kind:7s} {n_rows:3d}  {bucket}")
        print("coded events with a count, by where the figure stands, what took it, and the gold's verdict "
              "(no gold event: a count on an event the gold holds no violent event for):")
        for where, n_rows in sorted(buckets["stray"].items()):
            print(f"  {n_rows:3d}  {where}")
        print("end-to-end killed-count misses (gold rows with a count), whose they are:")
        for cause, n_rows in sorted(buckets["whose"].items(), key=lambda kv: (kv[0].startswith(" "), -kv[1])):
            print(f"  {n_rows:3d}  {cause}")
    if args.errors:
        errors = [e for e in errors if e[1]["source"] == "written" or split_of(e[1]["doc"]) == "dev"]
        for reading, row, pk, pi, c, text in errors:
            s0, s1 = row["at"]
            ev = row.get("evidence")
            gold_words = text[row["base"] + ev["start"]:row["base"] + ev["end"]] if ev else row.get("phenomenon")
            read_words = [f.text for f in (c.killed, c.injured) if f is not None] if c else []
            print(f"- {reading} {row['source']} {row['doc']} [{text[s0:s1]}] gold killed {row.get('killed')} "
                  f"injured {row.get('injured')} ({gold_words!r}) | read {pk} {pi} ({read_words}) | "
                  f"{text[max(0, s0 - 160):s0 + 200]!r}")
        for doc_id, e, where, text in strays:
            if split_of(doc_id) == "dev" and "toll" in where and not where.endswith("right"):
                c = e.casualties
                print(f"- stray {doc_id} {e.category}/{e.mode}/{e.modality} [{e.evidence.text}] {where} | killed "
                      f"{c.killed.text if c.killed else None!r} injured {c.injured.text if c.injured else None!r} | "
                      f"{text[e.sentence.start:e.sentence.end]!r}")

if __name__ == "__main__":
    main()
