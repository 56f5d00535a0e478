"""Casualties: how many people a violent event killed and injured, as the text reports it.

Read from the event's own sentence and the toll sentences that follow it ("Two soldiers were
killed."), never from another event's sentence. A figure is the lowest number the text gives,
with what the text says about it (``exact``, ``at least``, ``about``, ``at most``; ``vague``
for words with no number such as "several") and the words themselves, so "killing at least
12" is 12 at least, "dozens" 12 at least (ACLED's rule), "between 10 and 15" 10 at least.
Where the text gives no figure the event gets none. Words are data
(``data/casualties.yaml``); the grammar of numbers and phrases is here.

A violent event is an ASSAULT, a riot (PROTEST mode ``riot``), violent repression or
destruction (COERCE 175, 1712), or a PROTEST or COERCE whose own sentence reports people
killed or injured.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from ..datafiles import load_yaml
from ..record import Casualties, Count, Event

# How many sentences after the event's own a toll may stand in ("Two soldiers were killed.").
TOLL_SENTENCES = 3

# words; numbers ("1,200"); compounds with a number ("12-year-old") stay one word
_WORD = re.compile(r"\d+(?:-[A-Za-z]+)+|\d+(?:[,.]\d{3})*(?:\.\d+)?|[A-Za-z]+(?:[-'][A-Za-z]+)*|\S")

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
          "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
          "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "dozen": 12}


@dataclass(frozen=True)
class Words:
    qualifiers: dict[tuple[str, ...], str]
    vague: dict[tuple[str, ...], tuple[int | None, str]]
    killing_verbs: frozenset[str]
    injuring_verbs: frozenset[str]
    killed_words: frozenset[str]
    injured_words: frozenset[str]
    auxiliaries: frozenset[str]
    not_victims: frozenset[str]
    nobody: tuple[tuple[str, ...], ...]
    no_casualty_nouns: dict[str, frozenset[str]]


@functools.lru_cache(maxsize=1)
def load_words() -> Words:
    with resources.files("eventwire").joinpath("events/data/casualties.yaml").open(encoding="utf-8") as fh:
        data = load_yaml(fh)
    return Words(
        qualifiers={tuple(k.split()): v for k, v in data["qualifiers"].items()},
        vague={tuple(k.split()): (v[0], v[1]) for k, v in data["vague"].items()},
        killing_verbs=frozenset(data["killing_verbs"]), injuring_verbs=frozenset(data["injuring_verbs"]),
        killed_words=frozenset(data["killed_words"]), injured_words=frozenset(data["injured_words"]),
        auxiliaries=frozenset(data["auxiliaries"]), not_victims=frozenset(data["not_victims"]),
        nobody=tuple(tuple(k.split()) for k in data["nobody"]),
        no_casualty_nouns={k: frozenset(v) for k, v in data["no_casualty_nouns"].items()})


@dataclass
class Tok:
    low: str
    start: int
    end: int


@dataclass
class Figure:
    kind: str          # "killed" or "injured"
    count: int | None
    qualifier: str
    start: int
    end: int
    toll: bool = False  # "the death toll rose to 15": the latest word on the total


def _tokens(text: str, offset: int = 0) -> list[Tok]:
    return [Tok(m.group().lower(), offset + m.start(), offset + m.end()) for m in _WORD.finditer(text)]


def _match(toks: list[Tok], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(t.low for t in toks[i:i + len(phrase)]) == phrase


def _number(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """(value, next index) of the number starting at ``i``: digits ("1,200") or words
    ("twenty-three", "a hundred", "two dozen", "one hundred and fifty")."""
    if i >= len(toks):
        return None
    low = toks[i].low
    if low[0].isdigit():
        digits = low.replace(",", "")
        if "." in digits:
            head, _, tail = digits.partition(".")
            if len(tail) != 3:
                return None
            digits = head + tail
        if not digits.isdecimal():   # "²" is a digit int() cannot read
            return None
        value = int(digits)
        if len(digits) == 4 and 1900 <= value <= 2100 and "," not in low:
            return None   # a year
        j = i + 1
        if j < len(toks) and toks[j].low in ("hundred", "thousand"):
            value, j = value * _SCALES[toks[j].low], j + 1
        return value, j
    total, current, j, seen = 0, 0, i, False
    while j < len(toks):
        w = toks[j].low
        parts = w.split("-")
        if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
            current += _TENS[parts[0]] + _UNITS[parts[1]]
        elif w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in ("a", "an") and not seen and j + 1 < len(toks) and toks[j + 1].low in _SCALES:
            current = 1
        elif w in _SCALES and seen:
            scale = _SCALES[w]
            if scale == 1000:
                total, current = (total + max(current, 1)) * 1000, 0
            else:
                current = max(current, 1) * scale
        elif w == "and" and seen and j + 1 < len(toks) and (toks[j + 1].low in _UNITS or toks[j + 1].low in _TENS
                                                           or toks[j + 1].low.split("-")[0] in _TENS) \
                and total + current >= 100:
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    return total + current, j


_PHRASE_INDEX: dict[int, dict] = {}


def _by_first_word(table: dict) -> dict:
    """A phrase table indexed by its first word, longest phrases first (built once per table:
    figures are looked for at every word of a sentence)."""
    index = _PHRASE_INDEX.get(id(table))
    if index is None:
        index = {}
        for phrase, value in sorted(table.items(), key=lambda kv: -len(kv[0])):
            index.setdefault(phrase[0], []).append((phrase, value))
        _PHRASE_INDEX[id(table)] = index
    return index


def _count(toks: list[Tok], i: int, words: Words, article: bool = False) -> tuple[int | None, str, int] | None:
    """(count, qualifier, next index) of a figure starting at ``i``: qualifier, number or
    range, or a word standing for a number; with ``article``, "a"/"an" is one ("a policeman")."""
    qualifier, j = "exact", i
    if i < len(toks):
        for phrase, q in _by_first_word(words.qualifiers).get(toks[i].low, ()):
            if _match(toks, i, phrase):
                qualifier, j = q, i + len(phrase)
                break
    if _match(toks, j, ("between",)):
        a = _number(toks, j + 1)
        if a and a[1] < len(toks) and toks[a[1]].low == "and":
            b = _number(toks, a[1] + 1)
            if b:
                return min(a[0], b[0]), "at least", b[1]
    for phrase, (value, q) in (_by_first_word(words.vague).get(toks[j].low, ()) if j < len(toks) else ()):
        if _match(toks, j, phrase):
            k = j + len(phrase)
            if k < len(toks) and toks[k].low == "of":
                k += 1
            return value, q if qualifier == "exact" else qualifier, k
    n = _number(toks, j)
    if n is None:
        if article and j == i and j + 1 < len(toks) and toks[j].low in ("a", "an") and (
                toks[j + 1].low.isalpha() or "-" in toks[j + 1].low):
            return 1, "exact", j + 1
        return None
    value, k = n
    if k + 1 < len(toks) and toks[k].low in ("to", "-", "–", "or"):
        m = _number(toks, k + 1)
        if m is not None and m[0] > value:
            return value, "at least", m[1]
    return value, qualifier, k


def _victims(toks: list[Tok], i: int, words: Words, limit: int = 4) -> int:
    """Index after the words naming the victims ("Palestinian civilians", "of them")."""
    j = i
    while j < len(toks) and j - i < limit:
        w = toks[j].low
        if not (w.isalpha() or "-" in w) or w in words.killed_words or w in words.injured_words \
                or w in words.auxiliaries or w in ("who", "which", "that", "in", "on", "at", "by",
                                                    "after", "when", "as", "during", "while", "and"):
            break
        j += 1
    return j


def _figure_list(toks: list[Tok], i: int, words: Words, article: bool = False):
    """A figure or a list of figures ("three soldiers and two civilians") starting at ``i``:
    (count, qualifier, start index, end index of the last figure's words, index after)."""
    first = _count(toks, i, words, article)
    if first is None:
        return None
    count, qualifier, k = first
    end = k
    k = _victims(toks, k, words)
    if toks[i].low in ("a", "an") and end == i + 1:
        end = max(k, end)     # "a policeman": the article alone says nothing
    if k < len(toks) and toks[k - 1 if k > 0 else 0].low in words.not_victims or \
            (k > end and toks[end].low in words.not_victims):
        return None
    while k + 1 < len(toks) and toks[k].low in ("and", ",") and count is not None:
        at = k + 2 if toks[k].low == "," and toks[k + 1].low == "and" else k + 1   # ", and"
        nxt = _count(toks, at, words, article=True)
        if nxt is None or nxt[0] is None:
            break
        k2 = _victims(toks, nxt[2], words)
        if k2 == nxt[2]:
            break     # "12 and 30 injured": the second figure is another kind
        count, end, k = count + nxt[0], k2, k2
        qualifier = qualifier if nxt[1] == "exact" else nxt[1]
    if k + 1 < len(toks) and toks[k].low == "," and toks[k + 1].low in _ASIDES:
        # "seven people, including two children, were killed": step over the aside
        close = next((j for j in range(k + 2, min(len(toks), k + 12)) if toks[j].low == ","), None)
        if close is not None:
            k = close + 1
    return count, qualifier, i, end, k


_ASIDES = {"including", "among", "most", "many", "mostly", "all", "both", "some", "mainly"}
# "the number of dead rose to 30", "the death count reached 12": the latest word on the total
_TOLL_NOUNS = {"toll", "count"}


def _end(toks: list[Tok], a: int, b: int) -> int:
    """The end of a figure's words without a trailing "of" ("dozens of")."""
    return b - 1 if b - 1 > a and toks[b - 1].low == "of" else b


def _kind_of(low: str, words: Words) -> str | None:
    if low in words.killed_words:
        return "killed"
    if low in words.injured_words:
        return "injured"
    return None


_SINGULAR_AUX = ("was", "has been", "had been", "is", "has")
_FUNCTION_WORDS = {"the", "a", "an", "and", "or", "but", "it", "they", "who", "which",
                   "that", "this", "there", "one", "none", "nobody", "no", "everyone"}


def _single_victim(toks: list[Tok], i: int, words: Words, text: str):
    """('killed' or 'injured', index after) when ``toks[i]`` starts "was killed", "was shot
    dead", "has been wounded", "died" after a singular victim (a name, or "the/a" + noun), else
    None. Plural subjects ("were", numbers) are the figure reader's."""
    n = len(toks)
    j, aux = i, None
    for a in _SINGULAR_AUX:
        parts = a.split()
        if _match(toks, i, tuple(parts)):
            j, aux = i + len(parts), a
            break
    if j >= n:
        return None
    w = toks[j].low
    if w == "shot" and j + 1 < n and toks[j + 1].low == "dead":
        kind, k = "killed", j + 2
    elif aux is not None and w in ("killed", "murdered", "assassinated", "executed", "beheaded", "slain"):
        kind, k = "killed", j + 1
    elif aux is not None and w in ("wounded", "injured", "hurt"):
        kind, k = "injured", j + 1
    elif aux is None and w == "died" and j == i:
        kind, k = "killed", j + 1
    else:
        return None
    if aux is None and w != "died":
        return None
    # the subject just before: a capitalised name, or a singular noun after "the"/"a"
    if i == 0:
        return None
    prev = toks[i - 1]
    if prev.low in _FUNCTION_WORDS or prev.low[:1].isdigit():
        return None
    capitalised = text[prev.start:prev.start + 1].isupper() and prev.low not in words.not_victims
    if not capitalised and prev.low not in ("he", "she") and not (
            i >= 2 and toks[i - 2].low in ("the", "a", "an") and not prev.low.endswith("s")):
        return None
    return kind, k


def find_figures(text: str, start: int, end: int) -> list[Figure]:
    """Every casualty figure in ``text[start:end]`` (one sentence), in text order."""
    words = load_words()
    toks = _tokens(text[start:end], start)
    out: list[Figure] = []
    used: set[int] = set()
    n = len(toks)
    for i, tok in enumerate(toks):
        if i in used:
            continue
        low = tok.low
        # "killing at least 12 people", "wounded 30 others", "claimed the lives of 40"
        kind = "killed" if low in words.killing_verbs else "injured" if low in words.injuring_verbs else None
        self_too = 0
        if kind is not None and i + 2 < n and toks[i + 1].low in ("himself", "herself", "themselves") \
                and toks[i + 2].low == "and":
            self_too, i_skip = (1 if toks[i + 1].low != "themselves" else 0), 2   # "killing himself and 10 others"
        else:
            i_skip = 0
        if low == "dead" and i > 0 and toks[i - 1].low == "shot":
            kind = "killed"   # "shot dead two protesters"
        if low == "claimed" and _match(toks, i + 1, ("the", "lives", "of")):
            kind, i_arg = "killed", i + 4
        else:
            i_arg = i + 1 + i_skip
        if kind is not None and i_arg < n:
            got = _figure_list(toks, i_arg, words, article=True)
            if got is not None:
                count, qualifier, a, b, k = got
                count = count + self_too if count is not None else count
                if k < n and toks[k].low in words.not_victims:
                    continue
                out.append(Figure(kind, count, qualifier, toks[a].start, toks[_end(toks, a, b) - 1].end))
                used.update(range(i_arg, k))
                continue
        # "the death toll rose to 15", "a toll of at least 30"
        if (low in _TOLL_NOUNS and i > 0 and toks[i - 1].low in ("death", "casualty", "injury", "fatality")) \
                or (low == "toll" and i > 0 and toks[i - 1].low not in ("road", "phone", "bridge")) \
                or (low == "number" and _match(toks, i + 1, ("of",)) and i + 2 < n
                    and toks[i + 2].low in ("dead", "deaths", "victims", "fatalities", "injured", "wounded")):
            kind = "injured" if (i > 0 and toks[i - 1].low == "injury") or (
                i + 2 < n and toks[i + 2].low in ("injured", "wounded")) else "killed"
            for j in range(i + 1, min(n, i + 8)):
                got = _count(toks, j, words)
                if got is not None and got[0] is not None:
                    if got[2] < n and toks[got[2]].low in words.not_victims:
                        break
                    out.append(Figure(kind, got[0], got[1], toks[j].start, toks[got[2] - 1].end, toll=True))
                    used.update(range(j, got[2]))
                    break
            continue
        # "no one was hurt", "there were no casualties"
        if any(_match(toks, i, p) for p in words.nobody):
            for j in range(i + 1, min(n, i + 6)):
                k = _kind_of(toks[j].low, words)
                if k is not None:
                    out.append(Figure(k, 0, "exact", tok.start, toks[j].end))
                    used.update(range(i, j + 1))
                    break
            continue
        if low == "no" and i + 1 < n:
            nxt = toks[i + 1].low
            for kind, nouns in words.no_casualty_nouns.items():
                if nxt in nouns:
                    kinds = ("killed", "injured") if kind == "both" else (kind,)
                    out.extend(Figure(k, 0, "exact", tok.start, toks[i + 1].end) for k in kinds)
            continue
        # "Kem Ley was shot dead", "the journalist was killed", "Nisman died": one named or
        # singular victim told without a number is one
        single = _single_victim(toks, i, words, text)
        if single is not None:
            kind, k = single
            out.append(Figure(kind, 1, "exact", toks[i].start, toks[k - 1].end))
            used.update(range(i, k))
            continue
        # "12 people were killed", "at least 30 injured", "two soldiers died", "a policeman was shot dead"
        got = _figure_list(toks, i, words, article=True)
        if got is None:
            continue
        count, qualifier, a, b, k = got
        has_aux = False
        j = k
        while j < n and j - k < 5 and toks[j].low in words.auxiliaries:
            has_aux = has_aux or toks[j].low in ("were", "was", "been", "are", "is", "being", "be")
            j += 1
        if j >= n:
            continue
        kind = _kind_of(toks[j].low, words)
        if kind is None:
            continue
        w = toks[j].low
        if w == "lives" and not any(t.low == "lost" for t in toks[k:j]) and not (
                a > 0 and toks[a - 1].low in ("claimed", "claiming", "claim", "claims", "cost", "costing")):
            continue
        if w in ("killed", "injured", "wounded", "hurt", "murdered", "executed", "massacred", "beheaded") \
                and not has_aux:
            # "three gunmen killed two police": an active verb after its subject, not a toll
            if k > b and (j + 1 < n and _count(toks, j + 1, words) is not None):
                continue
            if toks[a].low in ("a", "an", "one") and b - a == 1:
                continue
        if toks[a].low in ("a", "an") and not has_aux and w not in ("dead", "died"):
            continue
        if j + 1 < n and toks[j].low in ("death",) and toks[j + 1].low != "toll":
            continue
        out.append(Figure(kind, count, qualifier, toks[a].start, toks[_end(toks, a, b) - 1].end))
        used.update(range(i, j + 1))
    return out


def _best(figures: list[Figure], kind: str) -> Figure | None:
    """The figure for a kind: the last toll told, else the largest count (a subset such as
    "including three children" is smaller than the whole), else a vague word."""
    mine = [f for f in figures if f.kind == kind]
    if not mine:
        return None
    tolls = [f for f in mine if f.toll]
    if tolls:
        return tolls[-1]
    counted = [f for f in mine if f.count is not None]
    return max(counted, key=lambda f: f.count) if counted else mine[0]


VIOLENT_COERCE = {"175", "1712"}


def is_violent(event: Event) -> bool:
    return event.category == "ASSAULT" or (event.category == "PROTEST" and event.mode == "riot") or \
        (event.category == "COERCE" and (event.cameo or "") in VIOLENT_COERCE)


def _as_count(text: str, f: Figure | None) -> Count | None:
    if f is None:
        return None
    return Count(count=f.count, qualifier=f.qualifier, start=f.start, end=f.end, text=text[f.start:f.end])


def casualties_in(text: str, spans: list[tuple[int, int]]) -> Casualties:
    """Casualties told in the given sentences (the event's first): each kind from the first
    sentence that tells it."""
    killed = injured = None
    for start, end in spans:
        figures = find_figures(text, start, end)
        killed = killed or _best(figures, "killed")
        injured = injured or _best(figures, "injured")
    return Casualties(killed=_as_count(text, killed), injured=_as_count(text, injured))


def attach_casualties(events: list[Event], doc, text: str) -> None:
    """Give every violent event its casualties (the stage's last step; events in text order).

    The figures of a sentence go to the violent event of that sentence nearest before them
    (else the first after them); a sentence with no event of its own that follows a violent
    event's sentence (up to TOLL_SENTENCES) is a toll sentence of that event."""
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    event_sents = {e.sentence.start for e in events}
    by_sentence: dict[int, list[Event]] = {}
    for e in events:
        if is_violent(e):
            by_sentence.setdefault(e.sentence.start, []).append(e)
        elif e.category in ("PROTEST", "COERCE") and any(
                f.count for f in find_figures(text, e.sentence.start, e.sentence.end)):
            by_sentence.setdefault(e.sentence.start, []).append(e)   # "police fired, killing 3"
    for k, (s0, s1) in enumerate(sents):
        mine = by_sentence.get(s0)
        if not mine:
            continue
        figures = find_figures(text, s0, s1)
        per_event: dict[int, list[Figure]] = {id(e): [] for e in mine}
        for f in figures:
            before = [e for e in mine if e.evidence.start <= f.start]
            owner = before[-1] if before else mine[0]
            per_event[id(owner)].append(f)
        tolls: list[Figure] = []
        for s2, e2 in sents[k + 1:k + 1 + TOLL_SENTENCES]:
            if s2 in event_sents:   # a sentence with an event of its own tells that event
                break
            tolls.extend(find_figures(text, s2, e2))
        last = mine[-1]
        for e in mine:
            own = per_event[id(e)]
            killed, injured = _best(own, "killed"), _best(own, "injured")
            if e is last:
                killed = killed or _best(tolls, "killed")
                injured = injured or _best(tolls, "injured")
            e.casualties = Casualties(killed=_as_count(text, killed), injured=_as_count(text, injured))
    for e in events:
        if e.casualties is None and is_violent(e):
            e.casualties = Casualties()
