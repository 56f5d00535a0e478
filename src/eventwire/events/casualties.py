"""Casualties: how many people a violent event killed and injured, as the text reports it.

Read from the sentences that tell the event (its evidence's and its coreferent mentions') and
the toll sentences that follow its own ("Two soldiers were killed."), never from another
event's sentence; within a sentence a figure goes to the events its words hang on. A figure
is the lowest number the text gives, with what the text says about it (``exact``, ``at
least``, ``about``, ``at most``; ``vague`` for words with no number such as "several") and the
words themselves, so "killing at least 12" is 12 at least, "dozens" 12 at least (a plural
number word counts one of its unit, ACLED's rule and the gold guideline's), "between 10 and
15" 10 at least; one named or singular victim told without a number is one ("Kem Ley was
shot dead", "the execution of a Shiite cleric"). Where the text gives no figure the event
gets none. Words are data (``data/casualties.yaml``); the grammar of numbers and phrases is
here.

Two readers: the parse reader (``parse_figures``) finds the victims of each kill/die/wound
predicate where the dependency parse puts them and counts them (lists summed, names one);
the word reader (``find_figures``) reads the words around a casualty word and keeps what the
parse did not read (tolls, "claimed the lives of", "no one was hurt", and lists or asides the
small parser gets wrong). ``read_figures`` joins them.

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
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12}


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
    killing_nouns: frozenset[str]
    killing_nouns_plural: frozenset[str]
    killed_participles: frozenset[str]
    to_death_verbs: frozenset[str]
    victim_predicates: dict[str, frozenset[str]]
    dying_predicates: frozenset[str]
    victim_holders: frozenset[str]
    other_incident: tuple[tuple[str, ...], ...]
    dying_phrases: dict[str, frozenset[str]]
    killing_phrases: dict[str, frozenset[str]]


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
        no_casualty_nouns={k: frozenset(v) for k, v in data["no_casualty_nouns"].items()},
        killing_nouns=frozenset(data["killing_nouns"]),
        killing_nouns_plural=frozenset(data["killing_nouns_plural"]),
        killed_participles=frozenset(data["killed_participles"]),
        to_death_verbs=frozenset(data["to_death_verbs"]),
        victim_predicates={k: frozenset(v) for k, v in data["victim_predicates"].items()},
        dying_predicates=frozenset(data["dying_predicates"]),
        victim_holders=frozenset(data["victim_holders"]),
        other_incident=tuple(tuple(k.split()) for k in data["other_incident"]),
        dying_phrases={k: frozenset(v) for k, v in data["dying_phrases"].items()},
        killing_phrases={k: frozenset(v) for k, v in data["killing_phrases"].items()})


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
    # "the execution of a Shiite cleric": the figure of the killing its own noun tells, which is
    # no toll of another event of the sentence
    own: bool = False
    # where the word the reader read the figure from starts ("killed" in "killing at least 12",
    # "execution" in "the execution of a cleric"); -1 for none
    head_at: int = -1
    # where the victim's word starts when the parse named it ("he" in "before he was shot and
    # killed"), so an attacker's own death is not given to the attack; -1 for none
    victim_at: int = -1


# a capitalised word glued to the next by a hyphen: a headline or dateline run into the body
# ("Paris-Three Kurdish activists", "Death in Pakistan-The killing of")
_GLUED = re.compile(r"-(?=[A-Z])")


def _tokens(text: str, offset: int = 0) -> list[Tok]:
    toks = []
    for m in _WORD.finditer(text):
        word, at = m.group(), offset + m.start()
        if word[:1].isupper() and "-" in word:
            for part in _GLUED.split(word):
                toks.append(Tok(part.lower(), at, at + len(part)))
                at += len(part) + 1
            continue
        if word == "IS" and not _CAPS_AFTER.match(text, m.end()) and not _CAPS_BEFORE.search(text, 0, m.start()):
            # "At least 20 IS militants were killed": the group's abbreviation, not the verb
            # (which a headline in capitals may write so) — its own case keeps it no auxiliary
            toks.append(Tok(word, at, at + len(word)))
            continue
        toks.append(Tok(word.lower(), at, at + len(word)))
    return toks


_CAPS_AFTER = re.compile(r"\s+[A-Z]{2,}\b")
_CAPS_BEFORE = re.compile(r"\b[A-Z]{2,}\s+$")


def _match(toks: list[Tok], i: int, phrase: tuple[str, ...]) -> bool:
    # most calls fail on the first word: decided without building the tuple
    if phrase and (i >= len(toks) or toks[i].low != phrase[0]):
        return False
    return tuple(t.low for t in toks[i:i + len(phrase)]) == phrase


# words before a number that make it an age, never a count ("14 boys under the age of 12",
# "a woman aged 49", "between the ages of 15 and 20")
_AGE_WORDS = {"aged", "age", "ages"}
_AGE_PREPOSITIONS = {"under", "over", "below", "above", "between"}


def _is_age(toks: list[Tok], i: int) -> bool:
    """Is the number at ``i`` an age: after "aged", "age (of)", "ages (of)", or the second of
    a pair of ages ("aged 6 and 9 were hurt", "aged 20 to 60") when no victims' noun follows
    it ("under the age of 12 and 30 women": the 30 are victims)?"""
    before = [t.low for t in toks[max(0, i - 3):i]]
    if before and (before[-1] in _AGE_WORDS or before[-2:] in (["age", "of"], ["ages", "of"])
                   or before[-2:] in (["aged", "between"], ["ages", "between"])):
        return True
    if len(before) >= 2 and before[-1] in ("and", "to", "or", "-", "–") and before[-2][:1].isdigit() \
            and _is_age(toks, i - 2):
        after = toks[i + 1].low if i + 1 < len(toks) else ""
        return not (after.isalpha() and after not in load_words().auxiliaries
                    and _kind_of(after, load_words()) is None)
    return False


def _age_phrase_end(toks: list[Tok], i: int) -> int | None:
    """Index after an age phrase starting at ``i`` ("under the age of 10", "aged 5 to 7"),
    else None: the victims told before it go on after it ("14 boys under the age of 12 and 30
    women")."""
    j = i
    if j < len(toks) and toks[j].low in _AGE_PREPOSITIONS and _match(toks, j + 1, ("the",)):
        j += 2
    if j >= len(toks) or toks[j].low not in _AGE_WORDS:
        return None
    j += 1
    while j < len(toks) and (toks[j].low in ("of", "between") or (toks[j].low[:1].isdigit() or toks[j].low in _UNITS
                                                                    or toks[j].low in _TENS) and _is_age(toks, j)):
        j += 1
        if j + 1 < len(toks) and toks[j].low in ("to", "-", "–") and toks[j + 1].low[:1].isdigit():
            j += 2   # "aged 20 to 60"
    return j


def _number(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """(value, next index) of the number starting at ``i``: digits ("1,200") or words
    ("twenty-three", "a hundred", "two dozen", "one hundred and fifty"); an age is none."""
    if i >= len(toks):
        return None
    low = toks[i].low
    # a word no number begins with (most words) is none, whatever comes before it
    if not (low[0].isdigit() or low in _UNITS or low in _TENS or low.split("-")[0] in _TENS
            or low in ("a", "an", "half")) or _is_age(toks, i):
        return None
    if low[0].isdigit():
        digits = low.replace(",", "")
        if "." in digits:
            head, _, tail = digits.partition(".")
            if i + 1 < len(toks) and toks[i + 1].low in ("thousand", "million") and (head + tail).isdecimal():
                return int(float(f"{head}.{tail}") * _SCALES[toks[i + 1].low]), i + 2   # "1.5 million"
            if len(tail) != 3:
                return None
            digits = head + tail
        if not digits.isdecimal():   # "²" is a digit int() cannot read
            return None
        value = int(digits)
        if len(digits) == 4 and 1900 <= value <= 2100 and "," not in low:
            return None   # a year
        j = i + 1
        if j < len(toks) and toks[j].low in ("hundred", "thousand", "million"):
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
        elif w == "half" and not seen and j + 2 < len(toks) and toks[j + 1].low in ("a", "an") \
                and toks[j + 2].low in _SCALES:
            total, j, seen = _SCALES[toks[j + 2].low] // 2, j + 3, True   # "half a dozen"
            continue
        elif w in _SCALES and seen:
            scale = _SCALES[w]
            if scale >= 1000:
                total, current = (total + max(current, 1)) * scale, 0
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
            if value is not None and (_match(toks, j + len(phrase), ("if", "not"))
                                      or _match(toks, j + len(phrase), ("or", "even"))):
                other = _count(toks, j + len(phrase) + 2, words)
                if other is not None and other[0] is not None and other[0] > value:
                    return value, "at least", other[2]
            return value, q if qualifier == "exact" else qualifier, k
    n = _number(toks, j)
    if n is None:
        if article and j == i and j + 1 < len(toks) and toks[j].low in ("a", "an") and (
                toks[j + 1].low.isalpha() or "-" in toks[j + 1].low):
            return 1, "exact", j + 1
        return None
    value, k = n
    if _match(toks, k, ("if", "not")) or _match(toks, k, ("or", "even")):
        other = _count(toks, k + 2, words)     # "thousands if not tens of thousands": the lower
        if other is not None and other[0] is not None and other[0] > value:
            return value, "at least", other[2]
    if k + 1 < len(toks) and toks[k].low in ("to", "-", "–", "or"):
        m = _number(toks, k + 1)
        if m is not None and m[0] > value:
            return value, "at least", m[1]
    return value, qualifier, k


# words that end a victims phrase ("two officers before he was shot": the officers are not
# the ones shot)
_VICTIMS_END = {"who", "which", "that", "in", "on", "at", "by", "after", "when", "as", "during", "while", "and",
                "before", "until", "since", "because", "where", "but", "if", "though", "although", "he", "she",
                "they", "we", "it", "him", "her", "them", "earlier", "later", "last", "this", "yesterday",
                "today", "tonight", "overnight", "early", "late", "near", "outside", "inside", "from", "with",
                "for", "into", "across"}


def _victims(toks: list[Tok], i: int, words: Words, limit: int = 4) -> int:
    """Index after the words naming the victims ("Palestinian civilians", "of them")."""
    j = i
    while j < len(toks) and j - i < limit:
        w = toks[j].low
        if w == "and" and j > i and j + 1 < len(toks) and toks[j + 1].low.isalpha() \
                and toks[j + 1].low not in words.auxiliaries and _kind_of(toks[j + 1].low, words) is None \
                and toks[j + 1].low not in _VICTIMS_END and _count(toks, j + 1, words, article=True) is None:
            j += 2     # "five police officers and soldiers": one group of victims
            continue
        if not (w.isalpha() or "-" in w) or w in words.killed_words or w in words.injured_words \
                or w in words.auxiliaries or w in _VICTIMS_END:
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
    age_at = next((j for j in range(end, min(len(toks), k + 1)) if toks[j].low in _AGE_PREPOSITIONS | _AGE_WORDS
                   and _age_phrase_end(toks, j) is not None), None)
    if age_at is not None and toks[age_at].low != "between" and age_at > end:
        k = _age_phrase_end(toks, age_at)   # "14 boys under the age of 12 and 30 women"
    if toks[i].low in ("a", "an") and end == i + 1:
        end = max(k, end)     # "a policeman": the article alone says nothing
    if k < len(toks) and toks[k - 1 if k > 0 else 0].low in words.not_victims or \
            (k > end and toks[end].low in words.not_victims):
        return None
    bare_article = toks[i].low in ("a", "an") and end == k
    while k + 1 < len(toks) and toks[k].low in ("and", ",") and count is not None:
        if bare_article and toks[k].low == ",":
            break     # "a Washington Post tally, 990 people": the article counted no victim
        at = k + 2 if toks[k].low == "," and toks[k + 1].low == "and" else k + 1   # ", and"
        nxt = _count(toks, at, words, article=True)
        if nxt is None or nxt[0] is None:
            break
        if _match(toks, nxt[2], ("of", "them")) or _match(toks, nxt[2], ("of", "whom")):
            break     # "14 people, two of them seriously": a subset of the figure, not more
        k2 = _victims(toks, nxt[2], words)
        if k2 == nxt[2]:
            break     # "12 and 30 injured": the second figure is another kind
        if k2 < len(toks) and toks[k2].low in _REPORTING_WORDS:
            break     # "killing 38 protesters, a rights group said": the source, not a victim
        count, end, k = count + nxt[0], k2, k2
        qualifier = qualifier if nxt[1] == "exact" else nxt[1]
    if k + 1 < len(toks) and toks[k].low in ("—", "–", "--"):
        # "at least three migrants — two children and a woman — drowned": step over the aside
        close = next((j for j in range(k + 1, min(len(toks), k + 14)) if toks[j].low == toks[k].low), None)
        if close is not None:
            return count, qualifier, i, end, close + 1
    if k + 1 < len(toks) and toks[k].low == "," and toks[k + 1].low in _ASIDES:
        # "seven people, including two children, were killed": step over the aside
        close = next((j for j in range(k + 2, min(len(toks), k + 12)) if toks[j].low == ","), None)
        if close is not None:
            k = close + 1
    return count, qualifier, i, end, k


# before a killing verb: the killing did not (yet) happen
_NOT_DONE = {"to", "will", "would", "could", "might", "may", "can", "should", "must", "not", "never", "n't",
             "cannot"}
# words after a "list member" that make it the report's source ("a rights group said")
_REPORTING_WORDS = {"said", "says", "say", "told", "reported", "reports", "added", "stated", "claimed"}
_ASIDES = {"including", "among", "most", "many", "mostly", "all", "both", "some", "mainly"}
# "the number of dead rose to 30", "the death count reached 12": the latest word on the total
_TOLL_NOUNS = {"toll", "tolls", "count"}
# a toll the text says was replaced ("an earlier toll of 27", "the initial death toll")
_SUPERSEDED = {"earlier", "previous", "initial", "original", "preliminary", "prior", "old"}
_TOLL_CHANGES = {"rose", "risen", "climbed", "jumped", "increased", "mounted", "reached", "fell", "dropped",
                 "revised", "raised", "lowered", "updated"}
# what "the number of ..." counts when it is a toll
_NUMBER_OF_WORDS = {"dead", "deaths", "victims", "fatalities", "injured", "wounded", "killed"}
# the verbs and words that put a toll at its figure
_TOLL_VERBS = {"rose", "risen", "rise", "rises", "rising", "climbed", "climbs", "reached", "reaches", "stood",
               "stands", "hit", "jumped", "increased", "mounted", "at", "to", "is", "was", "has", "had"}


def _end(toks: list[Tok], a: int, b: int) -> int:
    """The end of a figure's words without a trailing "of" ("dozens of")."""
    return b - 1 if b - 1 > a and toks[b - 1].low == "of" else b


def _kind_of(low: str, words: Words) -> str | None:
    if low in words.killed_words:
        return "killed"
    if low in words.injured_words:
        return "injured"
    return None


_SINGULAR_AUX = ("was", "has been", "had been", "is", "being", "has", "had")
_SINGULAR_AUX_WORDS = tuple((a, tuple(a.split())) for a in _SINGULAR_AUX)
_SINGULAR_AUX_FIRST = frozenset(words[0] for _, words in _SINGULAR_AUX_WORDS)
# "has"/"had" before a participle is the active perfect ("the war has killed thousands"): only
# "has died" tells a victim
_PERFECT = ("has", "had")
_FUNCTION_WORDS = {"the", "a", "an", "and", "or", "but", "it", "they", "who", "which",
                   "that", "this", "there", "one", "none", "nobody", "no", "everyone"}
# between the auxiliary and the participle: "was found shot dead", "was reportedly killed"
_FILLERS = {"found", "reportedly", "later", "also", "allegedly", "apparently", "subsequently",
            "fatally", "brutally", "then", "eventually", "tragically"}
_REPORTED = {"reported", "believed", "said", "thought", "feared", "confirmed", "understood", "known"}
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its"}


def _capitalised(tok: Tok, text: str) -> bool:
    """A word written with a capital (any part of it: "al-Adnani")."""
    return any(part[:1].isupper() for part in re.split(r"[-']", text[tok.start:tok.end]))


def _victim_verb(toks: list[Tok], i: int, words: Words):
    """('killed' or 'injured', index after) when a singular victim's verb group starts at
    ``i``: "was killed", "was shot dead", "was found shot dead", "was reported to have been
    killed", "was shot and killed", "was beaten to death", "has been wounded", "died"."""
    n = len(toks)
    j, aux = i, None
    if i < n and toks[i].low in _SINGULAR_AUX_FIRST:   # most words begin no verb group
        for a, parts in _SINGULAR_AUX_WORDS:
            if _match(toks, i, parts):
                j, aux = i + len(parts), a
                break
    if j >= n:
        return None
    if aux is None or aux in _PERFECT:
        return ("killed", j + 1) if toks[j].low == "died" else None
    while j < n and toks[j].low in _FILLERS:
        j += 1
    if j + 3 < n and toks[j].low in _REPORTED and _match(toks, j + 1, ("to", "have", "been")):
        j += 4
    if j + 2 < n and toks[j + 1].low == "and" and toks[j + 2].low in words.killed_participles:
        j += 2    # "was shot and killed", "was raped and killed"
    if j >= n:
        return None
    w = toks[j].low
    if w in words.killed_participles:
        return "killed", j + 1
    if w == "shot" and _match(toks, j + 1, ("dead",)):
        return "killed", j + 2
    if w in words.to_death_verbs and _match(toks, j + 1, ("to", "death")):
        return "killed", j + 3
    if w in ("wounded", "injured", "hurt"):
        return "injured", j + 1
    return None


def _one_victim_before(toks: list[Tok], i: int, words: Words, text: str) -> bool:
    """Is the subject ending just before ``toks[i]`` one person: a name, "he"/"she", a
    determiner and a singular noun ("a fellow serviceman"), such a one before "who", or
    before an aside between commas ("Abu Omar al-Shishani, IS minister of war, was killed")?"""
    j = i - 1
    if j >= 0 and toks[j].low == "who":
        j -= 1
        if j >= 0 and toks[j].low == ",":
            j -= 1
    if j >= 1 and toks[j].low == "," and _capitalised(toks[j - 1], text) and toks[j - 1].low not in words.not_victims:
        return True    # "whose daughter, Sandra Bland, died"
    if j >= 0 and (toks[j].low == "," or toks[j].low[:1].isdigit()):   # "Lucia Perez, 16, who"
        opening = next((k for k in range(j - 1, max(-1, j - 12), -1) if toks[k].low == ","), None)
        if opening is None:
            return False
        j = opening - 1
    if j < 0:
        return False
    prev = toks[j]
    if prev.low in ("he", "she"):
        return True
    if prev.low in _FUNCTION_WORDS or prev.low[:1].isdigit() or prev.low in _NOT_TITLES or prev.low in _VICTIMS_END:
        return False    # "... the building before being shot dead": no subject before the verb
    if _capitalised(prev, text):
        return prev.low not in words.not_victims
    if prev.low.endswith("s") or _plural(prev.low) or not prev.low.replace("-", "").isalpha():
        return False
    # "the journalist", "a fellow serviceman", "the 17-year-old boy"
    return any(toks[k].low in _DETERMINERS for k in range(max(0, j - 3), j))


def _single_victim(toks: list[Tok], i: int, words: Words, text: str):
    """('killed' or 'injured', index after) when ``toks[i]`` starts a singular victim's verb
    group after one victim ("Kem Ley was shot dead", "the journalist was killed", "Nisman
    died"), else None. Plural subjects ("were", numbers) are the figure reader's."""
    got = _victim_verb(toks, i, words)
    if got is None or i == 0 or not _one_victim_before(toks, i, words, text):
        return None
    return got


_NAME_PARTICLES = {"al", "bin", "ibn", "de", "van", "von", "el", "abu", "abd", "ul"}
# lower-case words after a verb that are no title before a name ("killed in Syria")
_NOT_TITLES = {"in", "on", "at", "by", "near", "outside", "inside", "during", "after", "before", "since",
               "across", "along", "from", "into", "with", "without", "for", "to", "as", "while", "when",
               "last", "this", "early", "late", "over", "under", "between", "among", "against", "off",
               "up", "down", "out", "near", "earlier", "later", "there", "here", "then", "late", "of"}
# plural-looking words that are not plurals
_NOT_PLURALS = {"was", "has", "is", "as", "his", "this", "its", "us", "across", "thus", "perhaps"}
# plurals without an "s" ("the people who died" is no one victim); "-men" words are plurals
# ("gunmen", "policemen") but for a few that are no persons
_PLURALS_WITHOUT_S = {"people", "children", "police", "personnel", "folk", "staff"}
_NOT_MEN = {"omen", "amen", "specimen", "abdomen", "stamen"}


def _plural(low: str) -> bool:
    """Is the lower-cased word a plural noun (its look alone)?"""
    return (low.endswith("s") and low not in _NOT_PLURALS) or low in _PLURALS_WITHOUT_S \
        or (low.endswith("men") and low not in _NOT_MEN)


def _named_victim(toks: list[Tok], i: int, words: Words, text: str) -> int | None:
    """Index after one named person starting at ``i`` ("Reeva Steenkamp", "girlfriend Reeva
    Steenkamp", "Shi'ite cleric Nimr al-Nimr", "him"), else None: a group named by a plural
    ("Israeli soldiers", "Christians") or a day is no one person."""
    n = len(toks)
    if i < n and toks[i].low in ("him", "her"):
        return i + 1
    j = i
    while j < n and j - i < 2 and toks[j].low.isalpha() and not _capitalised(toks[j], text) \
            and toks[j].low not in _FUNCTION_WORDS and toks[j].low not in words.not_victims \
            and toks[j].low not in _NOT_TITLES and len(toks[j].low) > 2 \
            and not toks[j].low.endswith("s") and j + 1 < n and _capitalised(toks[j + 1], text):
        j += 1    # a title before the name: "girlfriend", "motorcyclist", "cleric"
    k = j
    while k < n and (_capitalised(toks[k], text) or (k > j and toks[k].low in _NAME_PARTICLES)):
        k += 1
    if k == j or any(t.low in words.not_victims for t in toks[j:k]):
        return None
    if k - j == 1 and toks[j].low.endswith("s"):
        return None   # "Christians", "Kurds"
    for t in toks[k:k + 2]:
        if not t.low.isalpha() or _capitalised(t, text):
            break
        if t.low.endswith("s") and t.low not in _NOT_PLURALS:
            return None   # "Israeli soldiers", "Syrian government forces"
    return k


def _killing_noun(toks: list[Tok], i: int, words: Words, text: str):
    """(count, qualifier, start index, end index) of the victims of a killing noun at ``i``:
    "the deaths of 34 smugglers", "the killing of an Indian prisoner", "the execution of
    cleric Nimr al-Nimr", "Michael Brown's death"; None when it names no victims."""
    n, low = len(toks), toks[i].low
    singular = low in words.killing_nouns
    if not singular and low not in words.killing_nouns_plural:
        return None
    if _match(toks, i + 1, ("of",)):
        a = i + 2
        got = _figure_list(toks, a, words, article=singular)
        if got is not None and got[0] is not None:
            return got[0], got[1], a, got[3]
        if singular:
            k = _named_victim(toks, a, words, text)
            if k is not None and toks[a].low not in ("him", "her"):
                return 1, "exact", a, k
            if a + 1 < n and toks[a].low == "the":
                k = _victims(toks, a + 1, words, limit=3)
                if k > a + 1 and toks[k - 1].low.isalpha() and not toks[k - 1].low.endswith("s") \
                        and (k >= n or toks[k].low != "of"):
                    return 1, "exact", a, k   # "the death of the prosecutor"
        return None
    if not singular or i == 0:
        return None
    # "Michael Brown's death", "Brown’s killing": a person's own death
    if toks[i - 1].low.endswith("'s") and _capitalised(toks[i - 1], text):
        owner = i - 1
    elif i >= 3 and toks[i - 1].low == "s" and toks[i - 2].low in ("’", "'") and _capitalised(toks[i - 3], text):
        owner = i - 3
    else:
        return None
    first = owner
    while first > 0 and _capitalised(toks[first - 1], text) and first - 1 > 0:
        first -= 1
    if any(t.low.rstrip("'s") in words.not_victims or t.low in words.not_victims for t in toks[first:owner + 1]):
        return None
    return 1, "exact", first, i + 1


def find_figures(text: str, start: int, end: int) -> list[Figure]:
    """Every casualty figure in ``text[start:end]`` (one sentence), in text order."""
    words = load_words()
    toks = _tokens(text[start:end], start)
    out: list[Figure] = []
    n = len(toks)
    # a number between commas after a name is the person's age ("Sara Mansour, 10, and 15
    # others"): no figure starts there
    used: set[int] = {i for i in range(2, n - 1) if toks[i].low[:1].isdigit() and toks[i - 1].low == ","
                      and toks[i + 1].low in (",", ")") and _capitalised(toks[i - 2], text)}
    # the first words of the "nobody" phrases (None: an empty phrase, which any word begins)
    nobody_first = None if () in words.nobody else {p[0] for p in words.nobody}
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
        if low in ("shot", "stabbed") and i > 0 and toks[i - 1].low == "fatally":
            kind = "killed"   # "police fatally shot Alton Sterling"
        if kind is not None and i + 2 < n and toks[i + 1].low in ("and", "or") and \
                (toks[i + 2].low in words.killing_verbs or toks[i + 2].low in words.injuring_verbs) and \
                (toks[i + 2].low in words.killing_verbs) != (kind == "killed"):
            # "killing and wounding scores", "killed or wounded 500": one figure for both, so
            # neither count is known
            k = _figure_list(toks, i + 3, words)
            used.update(range(i, k[4] if k else i + 3))
            continue
        if low == "claimed" and (_match(toks, i + 1, ("the", "lives", "of")) or _match(toks, i + 1, ("the", "life", "of"))):
            kind, i_arg = "killed", i + 4
        else:
            i_arg = i + 1 + i_skip
        if kind is not None and i > 0 and (toks[i - 1].low in _NOT_DONE or (
                # "could have killed 200" did not happen; "may have killed 4" is an estimate
                toks[i - 1].low == "have" and i > 1 and toks[i - 2].low in _NOT_DONE - {"may", "might"})):
            continue   # "plotted to kill the prime minister", "did not kill anyone": no one was
        if kind is not None and (_match(toks, i_arg, ("one", "another")) or _match(toks, i_arg, ("each", "other"))):
            continue   # "they killed one another": a reciprocal counts no one
        if kind is not None and i_arg < n:
            got = _figure_list(toks, i_arg, words, article=True)
            if got is not None:
                count, qualifier, a, b, k = got
                count = count + self_too if count is not None else count
                if k < n and toks[k].low in words.not_victims:
                    continue
                if _match(toks, k, ("to", "death")):
                    kind, k = "killed", k + 2   # "stabbed two people to death"
                out.append(Figure(kind, count, qualifier, toks[a].start, toks[_end(toks, a, b) - 1].end,
                                  head_at=toks[i - 1 if low == "dead" else i].start))
                used.update(range(i_arg, k))
                continue
        # "the killing of an Indian prisoner", "the deaths of 34 smugglers", "Brown's killing"
        nominal = _killing_noun(toks, i, words, text)
        if nominal is not None:
            count, qualifier, a, b = nominal
            out.append(Figure("killed", count, qualifier, toks[a].start, toks[_end(toks, a, b) - 1].end, own=True,
                              head_at=tok.start))
            used.update(range(i, b))
            continue
        # "the death toll rose to 15", "a toll of at least 30"
        # "the number of dead", "the number of people killed"
        counted = next((toks[j].low for j in range(i + 2, min(n, i + 5))
                        if toks[j].low in _NUMBER_OF_WORDS), None) if _match(toks, i + 1, ("of",)) else None
        if (low in _TOLL_NOUNS and i > 0 and toks[i - 1].low in ("death", "casualty", "injury", "fatality")) \
                or (low == "toll" and i > 0 and toks[i - 1].low not in ("road", "phone", "bridge")) \
                or (low == "number" and counted is not None):
            kind = "injured" if (i > 0 and toks[i - 1].low == "injury") or counted in ("injured", "wounded") \
                else "killed"
            # the count stands after the toll's verb ("rose to", "stood at", "put ... at"), which
            # may follow a phrase naming the event ("the death toll from Friday's bombing in
            # Mogadishu rose to 87"); without one, only the next words hold it
            verb = next((j for j in range(i + 1, min(n, i + 16)) if toks[j].low in _TOLL_VERBS), None)
            # "revised downwards an earlier toll of 27 dead": a superseded toll is no figure
            # ("the initial toll of 12 rose to 19": the figure after its verb of change is the toll)
            first = i + 1
            superseded = any(t.low in _SUPERSEDED for t in toks[max(0, i - 3):i])
            if superseded:
                verb = next((j for j in range(i + 1, min(n, i + 16)) if toks[j].low in _TOLL_CHANGES), None)
                superseded, first = verb is None, (i + 1 if verb is None else verb + 1)
            for j in range(first, min(n, (verb + 6) if verb is not None else i + 8)):
                if verb is not None and i + 8 <= j and j <= verb:
                    continue
                got = _count(toks, j, words)
                if got is not None and got[0] is not None:
                    if got[2] < n and toks[got[2]].low in words.not_victims:
                        break
                    count, qualifier, last = got
                    # a toll told as a list adds ("stood at 9 pilgrims, 5 guards and 3 vendors")
                    listed = _figure_list(toks, j, words)
                    if listed is not None and listed[0] is not None and listed[0] > count:
                        count, qualifier, last = listed[0], listed[1], _end(toks, listed[2], listed[3])
                    if superseded:
                        used.update(range(j, last + 1))   # and its "dead"
                        break
                    out.append(Figure(kind, count, qualifier, toks[j].start, toks[last - 1].end, toll=True))
                    used.update(range(j, last))
                    break
            continue
        # "the dead in the ambush were 12 soldiers, 4 police officers and 3 civilians": the
        # dead told as a list after a copula ("among the dead were" is a subset, no total)
        if low in ("dead", "wounded", "injured") and i > 0 and toks[i - 1].low == "the" \
                and not (i > 1 and toks[i - 2].low == "among"):
            verb = next((j for j in range(i + 1, min(n, i + 10)) if toks[j].low in ("were", "numbered")), None)
            listed = _figure_list(toks, verb + 1, words, article=True) if verb is not None else None
            if listed is not None and listed[0] is not None:
                count, qualifier, a, b, k = listed
                out.append(Figure("killed" if low == "dead" else "injured", count, qualifier, toks[a].start,
                                  toks[_end(toks, a, b) - 1].end, toll=True))
                used.update(range(i, k))
                continue
        # "no one was hurt", "there were no casualties"
        if (nobody_first is None or toks[i].low in nobody_first) and any(_match(toks, i, p) for p in words.nobody):
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
            out.append(Figure(kind, 1, "exact", toks[i].start, toks[k - 1].end, head_at=toks[k - 1].start))
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
        if j + 2 < n and ((toks[j + 1].low in ("or", "and") and _kind_of(toks[j + 2].low, words) not in (None, kind))
                          or (toks[j + 1].low == "or" and _kind_of(toks[j + 2].low, words) != kind)):
            # "500 soldiers were killed or wounded", "were drowned or went missing", "dead or
            # missing": neither count is known
            used.update(range(i, j + 3))
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
        out.append(Figure(kind, count, qualifier, toks[a].start, toks[_end(toks, a, b) - 1].end,
                          head_at=toks[j].start))
        used.update(range(i, j + 1))
    return out


# --- the count read from the parse of the kill/die/wound predicate ----------------------------
# The figure reader above reads the words around a casualty word; the parse reader finds the
# victims where the grammar puts them, so a list ("X and three others were killed"), a
# headline ("Badreddine Killed in Syria"), a reduced relative ("officers X and Y, killed in an
# attack") or a victim far from the verb ("Mullah Omar, who ..., had been dead") is counted
# whatever the words between them.

# auxiliaries of a killing that did not (yet) happen ("plotted to kill", "could kill")
_UNREAL = {"to", "will", "would", "could", "might", "may", "can", "should", "must", "shall", "wo", "ca"}
_RELATIVES = {"who", "that", "which", "whom"}
_ONE_PERSON = {"he", "she", "him", "her"}
_REFLEXIVES = {"himself", "herself", "themselves", "itself"}
# entities that are no one person ("Kabul", "Afghans")
# (the small model's other labels are too often wrong on names: "Reeva Steenkamp" as a building)
_NOT_PERSONS = {"GPE", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
# verbs whose "to"-complement reports a killing rather than plans it ("was reported to have
# been killed")
_REPORTING = {"report", "believe", "say", "think", "fear", "confirm", "understand", "know", "presume", "appear",
              "seem"}
# verbs of seeing, whose participle clause tells what happened ("watched his neighbour killed")
_SEEING = {"see", "watch", "witness", "hear", "find"}
# implicative verbs: their "to"-complement was done ("proceeded to shoot him dead")
_IMPLICATIVE = {"proceed", "manage"}
# determiners that make a singular noun one person ("the journalist", "his driver", "another
# soldier": one more)
_ONE_DETERMINERS = {"the", "a", "an", "another", "this", "that", "his", "her", "their", "its", "our", "my", "your",
                    "whose"}


def _dependents(verb, deps: set[str], steps: int = 3) -> list:
    """The verb's dependents of those relations, else those of the verb it is coordinated with
    or complements ("was shot and killed": the subject of "shot")."""
    for _ in range(steps):
        found = [c for c in verb.children if c.dep_ in deps]
        if found or verb.dep_ not in ("conj", "xcomp") or verb.head == verb or (
                verb.dep_ == "conj" and any(c.dep_ in ("aux", "auxpass") for c in verb.children)):
            return found   # a coordinated verb with an auxiliary of its own has its own subject
        verb = verb.head
    return []


def _unreal(verb) -> bool:
    """A killing denied or not done ("did not kill", "to kill", "could have been killed"); "may
    have drowned" (a possible past death, an estimate of what happened) is told."""
    for _ in range(3):
        reported = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REPORTING | _IMPLICATIVE \
            or _used_to_kill(verb) or _one_of_a_series(verb)
        auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
        estimate = any(a in ("may", "might") and b == "have" for a, b in zip(auxes, auxes[1:]))
        if any(c.dep_ == "neg" or (c.dep_ in ("aux", "auxpass") and c.lower_ in _UNREAL
                                   and not (reported and c.lower_ == "to")
                                   and not (estimate and c.lower_ in ("may", "might")))
               for c in verb.children):
            return True
        if verb.dep_ != "conj" or verb.head == verb:
            return False
        verb = verb.head
    return False


# words that put a person in a series of those who died ("the third journalist to be killed")
_SERIES = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
           "latest", "last", "only"}


def _one_of_a_series(verb) -> bool:
    """An infinitive after a noun in a series ("the third journalist to be killed this year",
    "the only soldier to die in the operation") tells a death that happened; "the next hostage
    to be killed" and "will be the first to die" do not."""
    noun = verb.head
    return verb.dep_ in ("relcl", "acl") and noun != verb and noun.pos_ in ("NOUN", "PROPN") \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and any(c.dep_ in ("amod", "det") and (c.lower_ in _SERIES or (c.tag_ == "JJS" and c.lower_ != "next"))
                for c in noun.children) \
        and not any(c.dep_ == "aux" and c.lower_ in _UNREAL - {"to"} for c in noun.head.children)


def _used_to_kill(verb) -> bool:
    """A killing done with what was used for it ("the rifle used to kill the judge", "the van
    was used to run down the guard", "used drones to kill"): the purpose of a real "used" was
    done; "could be used to kill" and "plans to use ... to kill" stay plans."""
    use = verb.head
    return verb.dep_ in ("xcomp", "advcl") and use != verb and use.lemma_.lower() == "use" \
        and use.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("aux", "auxpass") and c.lower_ in _UNREAL for c in use.children) \
        and not _unreal(use)


def _predicate_kind(tok, words: Words) -> str | None:
    """'killed' or 'injured' for a kill/die/wound verb (or "slain" before its noun)."""
    if not tok.tag_.startswith("VB") and not (tok.dep_ == "amod" and tok.lower_ in words.victim_predicates["killed"]):
        return None
    lemma = tok.lemma_.lower()
    if lemma in words.dying_predicates or _phrase_of(tok, words.dying_phrases) \
            or _phrase_of(tok, words.killing_phrases):
        return "killed"
    if tok.lower_ in words.to_death_verbs and any(
            (c.dep_ == "advmod" and c.lower_ == "fatally")
            or (c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children))
            for c in tok.children):
        return "killed"   # "fatally shot Alton Sterling", "was beaten to death"
    return next((k for k, lemmas in words.victim_predicates.items() if lemma in lemmas or tok.lower_ in lemmas), None)


def _phrase_of(tok, phrases: dict[str, frozenset[str]]) -> bool:
    """Is ``tok`` the verb of a killing phrase ("gunned down", "lost his life", "succumbed to
    his wounds", "burned alive", "put to death"): its lemma with one of the words among its
    dependents or theirs?"""
    wanted = phrases.get(tok.lemma_.lower())
    return bool(wanted) and any(t.lower_ in wanted for c in tok.children if c.dep_ not in ("nsubj", "nsubjpass")
                                for t in (c, *c.children))


def _own_victims(tok) -> bool:
    return any(c.dep_ in ("nsubjpass", "dobj", "nsubj") for c in tok.children)


def _killed_or_wounded(tok, kind: str, words: Words) -> bool:
    """One figure for both kinds ("killing and wounding scores", "500 soldiers were killed or
    wounded") or for the dead and others ("drowned or went missing"): neither count is known."""
    partners = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
    first = tok.head if tok.dep_ == "conj" else tok
    alternative = any(c.dep_ == "cc" and c.lower_ == "or" for c in first.children)
    return any(_predicate_kind(p, words) not in (None, kind) and not (_own_victims(p) and _own_victims(tok))
               or (alternative and _predicate_kind(p, words) != kind and not _own_victims(p))
               for p in partners)


def _predicate_victims(tok, words: Words) -> tuple[str, list] | None:
    """(kind, the victims' head words) when ``tok`` is a kill/die/wound predicate."""
    lemma, tag = tok.lemma_.lower(), tok.tag_
    if tok.lower_ == "dead" and tok.dep_ in ("acomp", "oprd", "xcomp", "advcl") and tok.head != tok:
        verb = tok.head   # "left 12 people dead", "shot him dead", "had been dead"
        if _unreal(verb):
            return None
        if any(c.dep_ == "nummod" for c in tok.children):
            return "killed", [tok]   # "left 14 dead": the parser hangs the number on "dead"
        objects = _dependents(verb, {"dobj"}, 1)
        if objects or verb.lemma_.lower() == "leave":
            return "killed", objects   # the subject of "left ... dead" is the cause, not a victim
        return "killed", _dependents(verb, {"nsubjpass", "nsubj"})
    if tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in words.dying_predicates \
            and any(c.dep_ == "nummod" for c in tok.children):
        # a headline's present tense parsed as a noun: "27 drown as boat sinks", "Forty die in
        # blast" (the base form of a dying verb is no noun; its number is its subject)
        return "killed", [tok]
    if tok.lower_ == "dead" and tok.dep_ == "amod" and tok.head.dep_ == "dobj" \
            and tok.head.head.i == tok.i - 1 and tok.head.head.lemma_.lower() == "shoot":
        # "shot dead Colonel Ahmed Rahimi", "Police shoot dead man": the parser hangs "dead"
        # on the victim after it
        return None if _unreal(tok.head.head) else ("killed", [tok.head])
    kind = _predicate_kind(tok, words)
    if kind is None or _unreal(tok) or _killed_or_wounded(tok, kind, words):
        return None
    if _one_of_a_series(tok):
        return kind, [tok.head]   # "the third journalist to be killed": the noun is the victim
    dying = lemma in words.dying_predicates or _phrase_of(tok, words.dying_phrases)
    if dying and lemma in words.dying_predicates and any(c.dep_ == "dobj" for c in tok.children):
        return "killed", _direct_object(tok)   # "drowning 19 passengers"
    if dying:
        # "Ahmed was shot in the head and died": a coordinated "died" shares the passive's subject
        return "killed", _dependents(tok, {"nsubj", "nsubjpass"})
    own_subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.tag_ == "VBN" and tok.dep_ == "conj" and own_subjects and not any(
            c.dep_ in ("aux", "auxpass") for c in tok.children):
        # "Twelve were injured and three killed": the second participle's number is its own
        # victims, not the first verb's subject
        return kind, own_subjects
    if tok.tag_ == "VBN" and tok.dep_ in ("ccomp", "xcomp", "oprd") and tok.head.lemma_.lower() in _SEEING \
            and own_subjects and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in tok.children):
        # "watched his neighbour killed", "saw his son killed": a participle's small clause after a
        # verb of seeing; its subject is what the participle happened to
        return kind, own_subjects
    subjects = _dependents(tok, {"nsubjpass"})
    if subjects:
        return kind, subjects
    objects = _direct_object(tok)
    if ((tag == "VBN" and tok.dep_ == "acl" and not objects) or (tok.dep_ == "amod" and kind == "killed")) \
            and tok.head.pos_ in ("NOUN", "PROPN"):
        # "officers X and Y, killed in an attack", "slain officers"; not "a wounded soldier",
        # which describes a person more often than it counts the event's wounded
        # (a participle with an object of its own is active, misparsed under the noun before
        # it: "The raid on the compound killed at least 10 militants")
        noun = tok.head
        while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head   # "left 10 soldiers, 5 rebels, and 3 civilians killed": the whole list
        return kind, [noun]
    if objects:
        return kind, objects
    if tok.text[:1].isupper() and tok.i > tok.sent.start and not any(
            c.dep_ in ("aux", "auxpass") for c in tok.children):
        # a headline without its auxiliary: "Top Hezbollah Commander Badreddine Killed in Syria"
        return kind, [c for c in tok.children if c.dep_ == "nsubj"]
    return kind, []


def victims_of_predicate(tok) -> list:
    """The head words of the victims ``tok`` tells as killed or hurt, when it is a kill, die or
    wound predicate or the "dead" of "left 12 people dead" (the parse reader's own reading, for
    the events stage's sides); [] for any other token."""
    found = _predicate_victims(tok, load_words())
    return found[1] if found else []


def _direct_object(verb) -> list:
    """The verb's direct objects: its first nominal one, and those the small parser hangs on
    the verb as the next members of its list ("killing the governor, two of his guards and
    their driver": only a comma or "and" between them). One after a phrase of the verb is a
    noun of that phrase ("killed 130 people at a stadium, a string of cafes and a concert
    hall", "shot a trader in the market, a killing that ...")."""
    found = []
    for c in verb.children:
        if c.dep_ != "dobj" or c.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
            continue
        if found and any(not (t.is_punct or t.dep_ == "cc") for t in verb.doc[found[-1].right_edge.i + 1:c.left_edge.i]):
            break
        found.append(c)
    return found


def _clause_owner(tok):
    """The noun a relative clause holding ``tok`` tells of ("Mullah Omar, who ...")."""
    for _ in range(4):
        if tok.dep_ == "relcl":
            return tok.head
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def _conjuncts(tok) -> list:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    return out


def _one_count(tok, text: str, end: int, words: Words, listed: bool = False):
    """(count, qualifier, start) of one victim word and its modifiers: its number ("at least
    12 people", "a dozen members", "dozens"), one for a singular person ("he", "Badreddine",
    "the journalist"), None when it gives no number ("soldiers")."""
    if tok.lower_ in _ONE_PERSON:
        return 1, "exact", tok.idx
    if _reciprocal(tok):
        return None   # "they killed one another", "shot each other": the group, no count
    if tok.lower_ in _REFLEXIVES and listed:
        # the attacker among the dead ("killing himself and five others" is six, as the word
        # reader counts it); "themselves" adds no known number
        return (1, "exact", tok.idx) if tok.lower_ in ("himself", "herself") else (0, "at least", tok.idx)
    if tok.lower_ == "another" and tok.pos_ in ("DET", "PRON"):
        # "another" standing for one more of the victims told before it ("One soldier was killed
        # and another wounded")
        return 1, "exact", tok.idx
    if tok.lower_ in ("nobody", "none", "no-one") or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        # "killed no one", "no one was killed", "no civilians were hurt"
        return 0, "exact", min(t.idx for t in tok.subtree if t.i <= tok.i)
    if any(c.dep_ in ("det", "predet") and c.lower_ == "both" for c in tok.children):
        return 2, "exact", min(t.idx for t in tok.subtree if t.i <= tok.i)   # "both pilots"
    # its modifiers (a list's other members follow it; not the "dead" of "shot dead X")
    own = [t for t in tok.subtree if t.i <= tok.i and not (t.dep_ == "amod" and t.lower_ == "dead")]
    tok_end = tok.idx + len(tok)
    for t in own:
        if (t.dep_ in ("conj", "cc") and t != tok) or t.is_punct:
            continue   # a list's other members; a number that is itself a member counts
        context = _tokens(text[max(0, t.idx - 30):t.idx + len(t) + 12], max(0, t.idx - 30))
        here = next((k for k, c in enumerate(context) if c.start == t.idx), None)
        if here is not None and _is_age(context, here):
            continue   # "children under the age of 10": the 10 is no count
        toks = _tokens(text[t.idx:end], t.idx)
        got = _count(toks, 0, words)
        if got is not None and toks[got[2] - 1].end <= tok_end + 3:
            return got[0], got[1], t.idx
    # (a name in a list of victims is a person whatever the entity recogniser says: "Isa Ipek")
    if tok.tag_ == "NNP" and (listed or tok.ent_type_ not in _NOT_PERSONS) and tok.lower_ not in words.not_victims:
        return 1, "exact", min(t.idx for t in own)
    if tok.tag_ == "NN" and tok.lower_ not in words.not_victims and (any(
            c.dep_ in ("det", "poss") and c.lower_ in _ONE_DETERMINERS | {"'s"} or c.tag_ == "NNP"
            # "the province's police chief": a possessor noun stands for the determiner
            or c.dep_ == "poss" and any(g.dep_ == "case" for g in c.children)
            for c in tok.children if c.i < tok.i) or (tok.i + 1 < len(tok.doc) and tok.nbor().tag_ == "NNP")
            or _headline_noun(tok)):
        # "the journalist", "his driver", a title before a name ("girlfriend Reeva Steenkamp")
        return 1, "exact", min(t.idx for t in own)
    return None


def _reciprocal(tok) -> bool:
    """Is ``tok`` the head of a reciprocal pronoun ("one another", "each other")?"""
    return (tok.lower_ == "one" and any(c.lower_ == "another" for c in tok.children if c.i == tok.i + 1)) or (
        tok.lower_ == "each" and any(c.lower_ == "other" for c in tok.children if c.i == tok.i + 1)) or (
        tok.lower_ in ("another", "other") and tok.i > 0 and (tok.nbor(-1).lower_, tok.lower_) in (
            ("one", "another"), ("each", "other")))


def _headline_noun(tok) -> bool:
    """A singular noun with no determiner in a headline ("Sniper kills soldier on front line",
    "Police shoot dead man at checkpoint"): headlines drop the article, so it is one person.
    A headline here is a sentence with no closing stop; in prose a bare singular is no count."""
    return not tok.sent[-1].is_punct and not any(
        c.dep_ in ("det", "poss", "nummod", "quantmod") for c in tok.children if c.i < tok.i)


def _headline_break(tok) -> int | None:
    """Where a headline glued to its story by a hyphen ends in ``tok``'s sentence ("12 Killed
    in Ferry Fire-At least 12 people"), else None."""
    for t in tok.sent:
        if t.text in ("-", "–", "—") and not t.whitespace_ and t.i > t.sent.start and not t.nbor(-1).whitespace_ \
                and t.i + 1 < t.sent.end and t.nbor(1).text[:1].isupper():
            return t.i
    return None


def _names_harm(tok, words: Words) -> bool:
    """Is ``tok`` a noun of killing or wounding ("injury", "wounding", "deaths")?"""
    low = tok.lower_
    return tok.pos_ in ("NOUN", "VERB") and (
        low in words.killing_nouns or low in words.killing_nouns_plural or low in words.killed_words
        or low in words.injured_words or low in words.killing_verbs or low in words.injuring_verbs)


def _victims_count(victims: list, pred, text: str, end: int, words: Words):
    """(count, qualifier, start, end, first victim word) of the victims named by ``victims``
    (each with its coordinated list: "X and three others" is four), or None."""
    total, qualifier, start, stop, first = 0, "exact", None, 0, None
    glue = _headline_break(pred)
    if glue is not None and any(v.i < glue for v in victims) and any(v.i > glue for v in victims):
        # "12 Killed in Ferry Fire-At least 12 people were killed": the parser makes the
        # headline's subject and the story's two subjects of one verb; the story restates the
        # headline, so its victims alone count
        victims = [v for v in victims if v.i > glue]
    if len(victims) > 1 and any(v.tag_ == "CD" for v in victims):
        # "40 people, 12 of whom drowned": the parser makes both "12" and "whom" subjects; the
        # number counts the victims, the pronoun is the group they are part of
        victims = [v for v in victims if v.lower_ not in _RELATIVES]
    for v in victims:
        if v.lower_ in _RELATIVES:
            v = _clause_owner(pred) or v
        if v.lemma_.lower() in words.victim_holders or v.lower_ in words.victim_holders:
            held = [g for c in v.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"]
            if held:
                v = held[0]   # "the bodies of X and Y"
        while v.dep_ == "compound" and v.head.tag_ == "NNP":
            v = v.head   # "slain officers Serdar Kazar": the name the title belongs to
        members = _conjuncts(v)
        if v.dep_ == "dobj" and v.head == pred:
            # the small parser hangs a second object on the verb ("killed a priest and at least
            # five others": "others" a conjunct of "killed"); a noun there is one more victim
            members += [m for c in pred.children if c.dep_ == "conj" and c.i > v.i and c.pos_ in ("NOUN", "PROPN", "NUM")
                        for m in _conjuncts(c)]   # ... and its own conjuncts ("a conductor and 12 passengers")
        harm = next((k for k, m in enumerate(members) if k and _names_harm(m, words)), None)
        if harm is not None:
            # "the deaths of four soldiers and the wounding of twelve civilians": a noun of harm
            # coordinated with the victims is another figure of the sentence, not one more victim
            members = members[:harm]
        measure = next((k for k, m in enumerate(members) if k and m.lower_ in words.not_victims), None)
        if measure is not None:
            # "killed two militants in Gursai, 200 kilometers north of Jammu": a measure the
            # parser joins to the victims ends them
            members = members[:measure]
        if members == [v]:
            # one person and an apposition holding a list ("a former minister, his two sons and
            # eight other people"): one person is never restated by a list, so the list adds
            listed = [a for a in v.children if a.dep_ == "appos" and len(_conjuncts(a)) > 1]
            if listed and (_one_count(v, text, end, words) or (None, None))[:2] == (1, "exact"):
                members += _conjuncts(listed[0])
        if _number_shared(members, pred):
            # "seven journalists and media workers", "23 policemen and operatives": the number
            # before a list of bare plurals counts the whole list, as in the word reader
            stop = max(stop, max(c.idx + len(c) for c in members))
            members = members[:1]
        if len(members) == 1 and v.lower_ in _REFLEXIVES:
            return None   # "the bomber killed himself": a suicide alone is no toll of the attack
        for c in members:
            got = _one_count(c, text, end, words, listed=len(members) > 1)
            if got is None and c == v:
                appos = [a for a in c.children if a.dep_ == "appos"]
                if appos:   # "police officers Serdar Kazar and Isa Ipek": the aside counts them
                    got = _victims_count(appos[:1], pred, text, end, words)
                    if got is not None:
                        return got
            if got is None or got[0] is None:
                return None
            total += got[0]
            qualifier = qualifier if got[1] == "exact" else got[1]
            start = got[2] if start is None else min(start, got[2])
            stop = max(stop, c.idx + len(c))
            first = first or v
    if first is None:
        return None
    return total, qualifier, start, stop, first


def _bare_plural(tok, pred) -> bool:
    """A plural noun with no determiner, possessor or number of its own ("civilians"), and no
    verb after it but the predicate's own (the subject of a clause the small parser runs into
    the list: "killed two rebels and gunmen killed a civil servant")."""
    after = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    verb = pred.head if pred.lower_ == "dead" else pred   # "were shot dead": the verb of "dead"
    own = after is not None and (after == verb or (after.head == verb and after.dep_ in ("aux", "auxpass")))
    return tok.tag_ in ("NNS", "NNPS") and not any(
        c.dep_ in ("det", "poss", "nummod", "quantmod", "predet") for c in tok.children if c.i < tok.i) \
        and not (after is not None and after.pos_ in ("VERB", "AUX") and not own)


def _number_shared(members: list, pred) -> bool:
    """Does the number on the first of coordinated plurals count them all ("nine policemen and
    civilians")? Only when every other member is a bare plural."""
    head = members[0]
    return len(members) > 1 and head.tag_ in ("NNS", "NNPS") and any(
        c.dep_ in ("nummod", "quantmod") for c in head.children if c.i < head.i) \
        and all(_bare_plural(m, pred) for m in members[1:])


def _killing_noun_victims(noun, text: str, end: int, words: Words):
    """The victims of a killing noun, counted: "the execution by Saudi Arabia last week of
    Sheikh Nimr al-Nimr", "the deaths of 34 smugglers", "Michael Brown's death"."""
    held = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > noun.i
            for g in c.children if g.dep_ == "pobj"]
    if not held and noun.dep_ in ("dobj", "pobj"):
        # "protest the execution by Saudi Arabia last week of Sheikh Nimr": the parser hangs a
        # late "of" on the verb; a name there is the victim
        held = [g for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > noun.i
                for g in c.children if g.dep_ == "pobj" and g.tag_ == "NNP"]
    if not held and noun.lower_ in words.killing_nouns:
        held = [c for c in noun.children if c.dep_ == "poss" and c.tag_ == "NNP"]
    if not held:
        return None
    got = _victims_count(held[:1], noun, text, end, words)
    if got is None or (noun.lower_ in words.killing_nouns_plural and got[0] == 1 and got[1] == "exact"):
        return None   # "the deaths of the journalist": a plural noun counts no one person
    return got


def parse_figures(doc, text: str, start: int, end: int) -> list[Figure]:
    """Casualty figures of one sentence read from its parse: the victims of each kill/die/wound
    predicate, counted."""
    words = load_words()
    span = doc.char_span(start, end, alignment_mode="expand")
    out: list[Figure] = []
    if span is None:
        return out
    for tok in span:
        if tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in words.killing_nouns or tok.lower_ in words.killing_nouns_plural):
            got = _killing_noun_victims(tok, text, end, words)
            if got is not None:
                count, qualifier, a, b, first = got
                out.append(Figure("killed", count, qualifier, a, b, own=True, head_at=tok.idx, victim_at=first.idx))
            continue
        found = _predicate_victims(tok, words)
        if found is None or not found[1]:
            continue
        kind, victims = found
        got = _victims_count(victims, tok, text, end, words)
        if got is None:
            continue
        count, qualifier, a, b, first = got
        out.append(Figure(kind, count, qualifier, a, b, head_at=tok.idx, victim_at=first.idx))
    return out


_LIST_WORDS = re.compile(r",|\band\b")


def read_figures(doc, text: str, start: int, end: int) -> list[Figure]:
    """Every casualty figure of one sentence: the parse reader's, and the word reader's where
    the parse read none of the same words (tolls, "claimed the lives of", "no one was hurt")."""
    parsed = parse_figures(doc, text, start, end)
    out = list(parsed)
    for f in find_figures(text, start, end):
        same = [p for p in parsed if p.kind == f.kind and (p.head_at == f.head_at or (p.start < f.end and f.start < p.end))]
        # a list the parse read only the first part of ("killing two soldiers, a police officer
        # and a civilian": the small parser makes the rest an apposition) is the words' whole list
        whole = [p for p in same if p.count is not None and f.count is not None and f.count > p.count
                 and f.start <= p.start and p.end < f.end and _LIST_WORDS.search(text[p.end:f.end])]
        for p in whole:
            out.remove(p)
        if f.kind == "injured" and any(p.kind == "killed" and p.start < f.end and f.start < p.end for p in parsed):
            continue   # the parse read the verb as killing: "stabbed to death" killed, not wounded
        if not same or f.toll or whole:
            out.append(f)
    return sorted(out, key=lambda f: f.start)


# an addition to a toll told before it: "Three more died", "two other people", "another 2",
# "a further 12", "a third died"
_ADDING_AFTER = {"more", "other", "others"}
_ADDING_BEFORE = {"another", "further"}
_ORDINAL_VICTIMS = {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}


def _adds(text: str, f: Figure, words: Words) -> bool:
    """Does the figure add victims to a toll told before it? Only its first words tell: a
    number ("at least" before it allowed) followed by more/other(s), or after another/further,
    or "a third"; "a priest and five others" is a list, not an addition."""
    if f.count is None:
        return False
    before = _tokens(text[max(0, f.start - 12):f.start])
    if before and before[-1].low in _ADDING_BEFORE:
        return True
    toks = _tokens(text[f.start:min(len(text), f.end + 12)])
    if not toks:
        return False
    if toks[0].low in _ADDING_BEFORE or (toks[0].low in ("a", "the") and len(toks) > 1
                                         and toks[1].low in _ORDINAL_VICTIMS):
        return True
    k = next((len(q) for q in words.qualifiers if _match(toks, 0, q)), 0)
    got = _number(toks, k)
    return got is not None and got[1] < len(toks) and toks[got[1]].low in _ADDING_AFTER


def _with_additions(base: Figure | None, figures: list[Figure], kind: str, text: str,
                    words: Words) -> Figure | None:
    """The event's figure with the additions told after it in its paragraph summed in
    ("Gunmen killed 4 guards. Three more died of their wounds." is 7); the evidence runs over
    all its parts (a span never crosses a paragraph break)."""
    if base is None or base.count is None:
        return base
    seen, total, last = set(), base.count, base
    for f in sorted(figures, key=lambda f: f.start):
        if f.kind == kind and f.start >= base.end and "\n" not in text[base.end:f.start] \
                and (f.start, f.end) not in seen and _adds(text, f, words):
            seen.add((f.start, f.end))
            total += f.count
            last = f
    if last is base:
        return base
    qualifier = base.qualifier if base.qualifier == last.qualifier else "at least"
    return Figure(kind, total, qualifier, base.start, last.end, toll=base.toll, head_at=base.head_at,
                  victim_at=base.victim_at)


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


# How a figure's word hangs below the event's trigger when the toll is a clause of the event
# ("the attack that killed 12", "stormed the school, killing 12"): the clause, then the
# noun phrase the small parser may hang it on ("the attack in the capital that killed 12")
_CLAUSE_DEPS = {"relcl", "acl", "advcl", "xcomp", "conj", "ccomp", "pcomp"}
_PHRASE_DEPS = {"pobj", "prep", "conj", "appos", "compound"}
# ... and how the event hangs below the figure's word when the toll tells its cause ("the
# attack killed 12", "12 were killed in an attack", "killed when police stormed the camp")
_CAUSE_DEPS = {"nsubj", "csubj", "advcl", "prep", "pobj", "agent", "conj", "pcomp", "acl"}


def _root(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _first(doc, start: int, end: int):
    """The first token of a figure's words: where its number (or its victim) is, whatever
    words the reader let its victims phrase run on to."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _governor(tok, words: Words):
    """The word a figure hangs on: the first verb or casualty noun at or above it."""
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.lower_ in words.killed_words or tok.lower_ in words.injured_words \
                or tok.lower_ in words.killing_nouns or tok.lower_ in words.killing_nouns_plural:
            return tok
        if tok.head == tok:
            break
        tok = tok.head
    return tok


_CONTRAST = {"while", "whereas", "although", "though"}


def _linked(gov, trigger) -> bool:
    """Does the figure's word ``gov`` tell the toll of the event whose trigger is ``trigger``?"""
    if gov is None or trigger is None:
        return False
    if trigger.dep_ in ("advmod", "amod", "compound") and trigger.head != trigger:
        # a trigger that modifies its word ("fatally" shot, a "deadly" attack) stands for it
        if _linked(gov, trigger.head):
            return True
    if gov == trigger:
        return True
    if gov.pos_ not in ("VERB", "AUX") and gov.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") \
            and gov.head != gov and _linked(gov.head, trigger):
        return True   # "which caused the death of 50 people", "the attack left 12 dead"
    if gov.pos_ == "NOUN" and gov.dep_ == "pobj" and gov.head.dep_ == "prep" and gov.head.head.pos_ == "VERB" \
            and any(c.dep_ == "nsubj" and trigger in (c, *c.subtree) for c in gov.head.head.children):
        return True   # "the clashes led to the deaths of 13 people", "resulted in the death of"
    t = gov
    if t.dep_ in _CLAUSE_DEPS and not any(c.dep_ == "mark" and c.lower_ in _CONTRAST for c in t.children):
        # (a contrasting clause tells another toll: "killed 9 civilians, while 14 fighters died")
        for step in range(6):
            if t.head == t or (step > 0 and t.dep_ not in _PHRASE_DEPS | _CLAUSE_DEPS):
                break
            t = t.head
            if t == trigger:
                return True
    t = trigger
    for _ in range(3):
        if t.dep_ not in _CAUSE_DEPS or t.head == t:
            break
        t = t.head
        if t == gov:
            return True
    return False


def _shares_clause(gov, trigger) -> bool:
    """Is the event's noun (or gerund) the subject or object of the verb whose adverbial or
    coordinated clause holds the figure's word? "A car bomb exploded ..., killing 15", "Troops
    opened fire on the crowd, killing 8", "Shelling resumed and killed 5". A weaker tie than
    ``_linked``: it adds a mention of the incident the killing is already tied to."""
    if gov is None or trigger is None or trigger.dep_ not in ("nsubj", "dobj"):
        return False
    t = gov
    for _ in range(3):
        if t.dep_ not in ("advcl", "conj") or t.head == t or any(
                c.dep_ == "mark" and c.lower_ in _CONTRAST for c in t.children):
            return False
        t = t.head
        if trigger.head == t:
            return True
    return False


def _is_agent(victim, trigger, words: Words) -> bool:
    """Is ``victim`` the one who did the event of ``trigger``: its subject, or "he"/"she" in a
    clause below it while it has a subject ("The Palestinian stabbed two officers before he was
    shot")?"""
    if victim is None or trigger is None or trigger.lemma_.lower() in words.dying_predicates:
        return False   # "five migrants died": the subject is the victim
    agents = [c for c in trigger.children if c.dep_ == "nsubj"]
    if not agents:
        return False
    if victim in agents:
        return True
    if victim.lower_ not in ("he", "she") or trigger not in victim.ancestors:
        return False
    # a singular agent the pronoun can stand for ("The Palestinian", "the gunman", "Khan", "he")
    return agents[0].tag_ in ("NN", "NNP", "JJ") or agents[0].lower_ == victim.lower_


def _toll_sentences(sents: list[tuple[int, int]], k: int, event_sents: set[int], text: str,
                    words: Words) -> list[tuple[int, int]]:
    """The sentences after sentence ``k`` that may tell its event's toll: up to TOLL_SENTENCES,
    up to the next sentence with an event of its own or one that turns to another incident."""
    out = []
    for s2, e2 in sents[k + 1:k + 1 + TOLL_SENTENCES]:
        if s2 in event_sents:   # a sentence with an event of its own tells that event
            break
        opening = _tokens(text[s2:min(e2, s2 + 40)])
        if any(_match(opening, 0, m) for m in words.other_incident):
            break   # "Separately, three people drowned ...": another incident's toll
        out.append((s2, e2))
    return out


def _takes_figures(e: Event, text: str, tolls: list[tuple[int, int]]) -> bool:
    if is_violent(e):
        return True
    # "police fired, killing 3", "Police raided a mosque. Seven people died in the raid.": a
    # protest or repression whose own sentence, or the toll sentences after it, report casualties
    return e.category in ("PROTEST", "COERCE") and any(
        f.count for s0, s1 in [(e.sentence.start, e.sentence.end), *tolls] for f in find_figures(text, s0, s1))


def attach_casualties(events: list[Event], doc, text: str) -> None:
    """Give every violent event its casualties (the stage's last step; events in text order).

    An event is told in its evidence's sentence and in the sentences of its other mentions
    (within-document coreference joins "the attack" and the toll told later). A figure of a
    sentence goes to every event of it whose trigger the figure's words hang on ("the attack
    that killed 12": the attack and the killing), else to the event told nearest before it
    (else the first after it). A sentence with no violent event of its own that follows a
    violent event's sentence (up to TOLL_SENTENCES) is a toll sentence of that event. Of all the
    figures an event gets, the last toll, else the largest count, is its figure."""
    words = load_words()
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    sentence_of = {s0: k for k, (s0, _) in enumerate(sents)}
    event_sents = {e.sentence.start for e in events}
    takers = [e for e in events if _takes_figures(e, text, _toll_sentences(
        sents, sentence_of.get(e.sentence.start, len(sents)), event_sents, text, words))]
    # (event, where it is told, its trigger token) for every sentence; a sentence where only
    # events that take no figures are told ("The governor condemned the attack and said 9 were
    # wounded") may still be a toll sentence of the violent event before it
    told: dict[int, list[tuple[Event, int, object]]] = {}
    event_sents = set()
    for e in takers:
        for m in [e.evidence, *e.mentions]:
            k = next((k for k, (s0, s1) in enumerate(sents) if s0 <= m.start < s1), None)
            if k is not None:
                told.setdefault(k, []).append((e, m.start, _root(doc, m.start, m.end)))
                event_sents.add(sents[k][0])
    got: dict[int, list[Figure]] = {id(e): [] for e in takers}
    linked: dict[int, list[Figure]] = {id(e): [] for e in takers}   # figures the event's words hold
    # ... and those its evidence's own words hold, which beat a coreferent mention's ("The air
    # strike killed 9 civilians, while 14 fighters died in the clashes that followed")
    linked_evidence: dict[int, list[Figure]] = {id(e): [] for e in takers}
    last_in_sentence: dict[int, Event] = {}
    for k, mine in sorted(told.items()):
        mine.sort(key=lambda x: x[1])
        s0, s1 = sents[k]
        for f in read_figures(doc, text, s0, s1):
            first = _first(doc, f.start, f.end)
            # the word the figure hangs on: as the parser has it, and as the reader read it
            # (the small parser misattaches a count now and then: "injured 271 others could ...")
            govs = {_governor(first, words) if first is not None else None,
                    _first(doc, f.head_at, f.head_at + 1) if f.head_at >= 0 else None}
            # an attacker's own death ("stabbed two officers before he was shot") is no toll of
            # the attack
            victim = _first(doc, f.victim_at, f.victim_at + 1) if f.victim_at >= 0 else None
            mine_now = [(e, at, trig) for e, at, trig in mine
                        if trig is None or trig.idx == f.head_at or not _is_agent(victim, trig, words)]
            if not mine_now:
                continue
            holders = [(e, at) for e, at, trig in mine_now if any(_linked(g, trig) for g in govs)]
            if holders:
                # the other mentions of the incident in the killing's clause ("A truck bomb went
                # off ..., killing 30": the bomb and the killing); alone this tie is too weak to
                # beat the event told nearest before the figure
                holders += [(e, at) for e, at, trig in mine_now if (e, at) not in holders
                            and any(_shares_clause(g, trig) for g in govs)]
            owners = {id(e): e for e, _ in holders}
            for key in owners:
                linked[key].append(f)
            for e, at in holders:
                if at == e.evidence.start and f not in linked_evidence[id(e)]:
                    linked_evidence[id(e)].append(f)
            if not owners and f.own:
                continue
            if not owners:
                before = [e for e, at, _ in mine_now if at <= f.start]
                owner = before[-1] if before else mine_now[0][0]
                owners = {id(owner): owner}
            for key in owners:
                if f not in got[key]:
                    got[key].append(f)
        last_in_sentence[k] = mine[-1][0]
    for e in takers:
        own, held, held_here = got[id(e)], linked[id(e)], linked_evidence[id(e)]
        k = sentence_of.get(e.sentence.start)
        tolls: list[Figure] = []
        if k is not None and last_in_sentence.get(k) is e:
            for s2, e2 in _toll_sentences(sents, k, event_sents, text, words):
                # the killing a noun of that sentence tells ("al-Nimr's execution") is its own
                tolls.extend(f for f in read_figures(doc, text, s2, e2) if not f.own)
        counts = []
        for kind in ("killed", "injured"):
            # a figure the event's own words hold beats one that only stands near it ("three
            # migrants drowned ... a crisis which has claimed nearly 3,000 lives"); the toll
            # sentences after it count only when its sentences give none; an addition ("two
            # more died") is no toll of its own while another figure stands before it
            plain = [[f for f in fs if not _adds(text, f, words)] for fs in (held_here, held, own, tolls)]
            base = next((b for fs in plain if (b := _best(fs, kind)) is not None), None) or next(
                (b for fs in (held_here, held, own, tolls) if (b := _best(fs, kind)) is not None), None)
            counts.append(_as_count(text, _with_additions(base, [*own, *held, *tolls], kind, text, words)))
        e.casualties = Casualties(killed=counts[0], injured=counts[1])
    for e in events:
        if e.casualties is None and is_violent(e):
            e.casualties = Casualties()
