"""The time stage's data files (lexicon.yaml, patterns.yaml), loaded once per process."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from ..datafiles import load_yaml
from ..regexscan import MultiScan, compile_with_start_filter

DATA = resources.files(__package__) / "data"

def _alt(words) -> str:
    """A regex alternation of literal words, longest first (so 'sept' beats 'sep')."""
    return "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Rule:
    name: str
    priority: int
    regex: re.Pattern
    trigger: re.Pattern | None = None
    after: int = 16          # a match ends at most this far after its trigger's end
    before: int = 90         # and starts at most this far before the trigger

    def finditer(self, text: str, trigger_hits: dict | None = None):
        """The rule's matches in ``text``; with a trigger, only near the trigger's hits.
        ``trigger_hits``: a dict kept for one text, so rules that share a trigger (ten share
        the month names) scan the text for it once (``Lexicon.trigger_hits``, which also holds
        the matches of the rules without one, found in one scan)."""
        if self.trigger is None:
            found = None if trigger_hits is None else trigger_hits.get((self.regex.pattern, self.regex.flags))
            yield from self.regex.finditer(text) if found is None else found
            return
        if trigger_hits is None:
            trigger_hits = {}
        key = (self.trigger.pattern, self.trigger.flags)
        hits = trigger_hits.get(key)
        if hits is None:
            hits = trigger_hits[key] = [t.span() for t in self.trigger.finditer(text)]
        last_end = -1
        for t_start, t_end in hits:
            lo = max(t_start - self.before, last_end, 0)
            for m in self.regex.finditer(text, lo, min(len(text), t_end + self.after)):
                if m.end() >= t_start and m.start() >= last_end:
                    last_end = m.end()
                    yield m


@dataclass(frozen=True)
class Lexicon:
    months: dict
    weekdays: dict
    numbers: dict
    ordinals: dict
    units: dict          # singular -> {plural, code, time, factor}
    unit_of: dict        # any form (singular or plural) -> singular
    seasons: dict
    parts_of_day: dict
    holidays: dict
    vague: dict
    sets: dict
    rules: tuple
    decade_words: dict   # "nineties" -> 9
    day_words: dict      # "yesterday" -> -1
    words: dict          # the normalizers' word lists (lexicon.yaml ``words``), as frozensets
    trigger_scan: MultiScan   # every rule's trigger, all scanned for at once
    untriggered_scan: MultiScan   # the rules without a trigger, scanned for at once

    def trigger_hits(self, text: str) -> dict:
        """Each trigger's hits in ``text``, and each rule without a trigger's matches, keyed
        as ``Rule.finditer`` looks them up."""
        triggers = self.trigger_scan.patterns
        hits = {(t.pattern, t.flags): spans for t, spans in zip(triggers, self.trigger_scan.spans(text))}
        rules = self.untriggered_scan.patterns
        hits.update(((r.pattern, r.flags), found) for r, found in zip(rules, self.untriggered_scan.matches(text)))
        return hits


def _placeholders(lex: dict) -> dict[str, str]:
    months = lex["months"]
    caps = set(lex["capitalized_months"])
    month_parts = []
    for name in sorted(months, key=len, reverse=True):
        abbrev = len(name) <= 4 and name not in ("may", "june", "july")
        word = re.escape(name)
        body = f"(?-i:{name.capitalize()}|{name.upper()})" if name in caps else word
        month_parts.append(body + (r"\.?" if abbrev else ""))
    full_months = [n for n in months if len(n) > 4 or n in ("may", "june", "july")]
    month_full = "|".join(
        f"(?-i:{n.capitalize()}|{n.upper()})" if n in caps else n
        for n in sorted(full_months, key=len, reverse=True))

    weekdays = lex["weekdays"]
    wcaps = set(lex["capitalized_weekdays"])
    wd_parts = []
    for name in sorted(weekdays, key=len, reverse=True):
        if name in wcaps:
            wd_parts.append(f"(?-i:{name.capitalize()})\\.")
        else:
            wd_parts.append(name)
    full_weekdays = [n for n in weekdays if n not in wcaps]

    units_small = "|".join(lex["number_words"]["units"])
    teens = "|".join(lex["number_words"]["teens"])
    tens = "|".join(lex["number_words"]["tens"])
    word_num = (
        rf"(?:a |one )?hundred(?: and)?(?: (?:{tens})(?:[- ](?:{units_small}))?| (?:{teens})| (?:{units_small}))?"
        rf"|(?:{tens})(?:[- ](?:{units_small}))?|{teens}|{units_small}"
    )
    extra = [w for w, v in lex["numbers"].items() if not re.fullmatch(rf"{word_num}", w)]
    digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?: \d/\d)?|\d+/\d"
    num = f"(?:{digits}|{word_num}|{_alt(extra)})"
    spelled_year = (
        rf"nineteen[- ](?:(?:{tens})(?:[- ](?:{units_small}))?|{teens}|hundred|oh[- ](?:{units_small}))"
        rf"|two thousand(?:(?: and)? (?:{teens}|{units_small}))?"
    )
    ords = list(lex["ordinals"])
    units = lex["units"]
    singular = list(units)
    plural = [u["plural"] for u in units.values()]
    mods = lex["approximators"]
    return {
        "MONTH": "|".join(month_parts),
        "MONTH_FULL": month_full,
        "WEEKDAY": "|".join(wd_parts),
        "WEEKDAY_FULL": _alt(full_weekdays),
        "DAYNUM": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
        "YEAR": r"(?:1[5-9]\d\d|20\d\d)",
        "SPELLED_YEAR": spelled_year,
        "NUM": num,
        "NUM_SMALL": f"(?:{teens}|{units_small})",
        "ORD": _alt(ords) + r"|\d{1,2}(?:st|nd|rd|th)",
        "UNIT": _alt(singular),
        "UNITS": _alt(plural),
        "UNITANY": _alt(singular + plural),
        "SEASON": _alt(lex["seasons"]),
        "PART": _alt(lex["parts_of_day"]),
        "SET": _alt(lex["sets"]),
        "VAGUE": _alt(lex["vague"]),
        "HOLIDAY": _alt(lex["holidays"]).replace("'", "['’]"),
        "MOD": _alt(mods),
    }


# where every rule's match begins: not inside a word, nor right after an apostrophe or hyphen
_RULE_START = r"(?<![\w'’-])"


def _compile(template: str, ph: dict[str, str]) -> re.Pattern:
    body = re.sub(r"\{([A-Z_]+)\}", lambda m: f"(?:{ph[m.group(1)]})", template)
    return compile_with_start_filter(rf"{_RULE_START}(?:{body})(?![\w])", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def load_lexicon() -> Lexicon:
    lex = load_yaml((DATA / "lexicon.yaml").read_text(encoding="utf-8"))
    patterns = load_yaml((DATA / "patterns.yaml").read_text(encoding="utf-8"))
    ph = _placeholders(lex)
    rules = tuple(
        Rule(p["name"], int(p.get("priority", 5)), _compile(p["pattern"], ph),
             compile_with_start_filter(re.sub(r"\{([A-Z_]+)\}", lambda m: f"(?:{ph[m.group(1)]})", p["trigger"]),
                                       re.IGNORECASE) if p.get("trigger") else None,
             int(p.get("after", 16)))
        for p in patterns)
    unit_of = {}
    for name, u in lex["units"].items():
        unit_of[name] = name
        unit_of[u["plural"]] = name
    words = {name: frozenset(ws) for name, ws in lex["words"].items()}
    not_words = sorted(f"{name}: {w!r}" for name, ws in words.items() for w in ws if not isinstance(w, str))
    if not_words:   # a bare on, no, yes or off in YAML is a boolean, not the word
        raise ValueError(f"lexicon.yaml words that are not text (quote them): {', '.join(not_words)}")
    return Lexicon(
        months=lex["months"], weekdays=lex["weekdays"], numbers=lex["numbers"],
        ordinals=lex["ordinals"], units=lex["units"], unit_of=unit_of,
        seasons=lex["seasons"], parts_of_day=lex["parts_of_day"], holidays=lex["holidays"],
        vague=lex["vague"], sets=lex["sets"], rules=rules,
        decade_words=lex["decade_words"], day_words=lex["day_words"],
        words=words,
        trigger_scan=MultiScan({(r.trigger.pattern, r.trigger.flags): r.trigger
                                for r in rules if r.trigger is not None}.values()),
        untriggered_scan=MultiScan({(r.regex.pattern, r.regex.flags): r.regex
                                    for r in rules if r.trigger is None}.values(), after=_RULE_START),
    )


def parse_number(text: str | None, lex: Lexicon) -> float | str | None:
    """'two' -> 2, 'twenty-four' -> 24, '2 1/2' -> 2.5, 'several' -> 'X'; None if unreadable."""
    if text is None:
        return None
    t = text.lower().strip()
    if t in lex.numbers:
        v = lex.numbers[t]
        return "X" if v == "X" else v
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", t):
        return int(t.replace(",", ""))
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?", t)
    if m:
        v = float(m.group(1))
        if m.group(2):
            v += int(m.group(2)) / int(m.group(3))
        return int(v) if v == int(v) else v
    m = re.fullmatch(r"(\d)/(\d)", t)
    if m:
        return int(m.group(1)) / int(m.group(2))
    total, current = 0, 0
    for w in re.split(r"[- ]+", t):
        if w in ("and",):
            continue
        v = lex.numbers.get(w)
        if v is None or v == "X":
            return None
        if v == 100:
            current = max(current, 1) * 100
        elif v == 1000:
            total += max(current, 1) * 1000
            current = 0
        else:
            current += v
    return total + current


def parse_spelled_year(text: str, lex: Lexicon) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand' -> 2000."""
    t = text.lower().replace("-", " ").split()
    if t[:2] == ["two", "thousand"]:
        rest = [w for w in t[2:] if w != "and"]
        return 2000 + (parse_number(" ".join(rest), lex) or 0 if rest else 0)
    if t and t[0] == "nineteen":
        rest = t[1:]
        if rest == ["hundred"]:
            return 1900
        if rest and rest[0] == "oh":
            rest = rest[1:]
        n = parse_number(" ".join(rest), lex)
        if isinstance(n, int) and 0 <= n < 100:
            return 1900 + n
    return None
