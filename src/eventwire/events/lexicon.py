"""The event stage's data, loaded once per process.

- ``cameo_codes.csv``: CAMEO code -> name, Goldstein score, PLOVER category/mode (from the
  shared ontology's ``cameo.csv``; built by ``scripts/build_event_data.py``). A category's
  quad class is the category's own: ``eventwire/data/categories.json``.
- ``verbs.json``: the PETRARCH2 CAMEO verb dictionary (MIT) as verbs, synsets and patterns.
- ``triggers.yaml``: our own rules for news phrasing the dictionary misses or miscodes,
  including nominal events ("clashes", "an air strike", "talks in Doha").
Country names, demonyms and agent nouns are the actors stage's (``actors/data``): events
read their sides through it alone.
- ``cues.yaml``: modality cue words (modal verbs, governing verbs of plans, denials, ...).
"""
from __future__ import annotations

import csv
import functools
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .. import tablecache
from ..datafiles import load_yaml

_DATA = "events/data"
# What the lexicon is built from: a change to any of them builds it again (tablecache).
_SOURCES = ("cameo_codes.csv", "verbs.json", "triggers.yaml", "cues.yaml")


def _open(name: str):
    return resources.files("eventwire").joinpath(f"{_DATA}/{name}").open(encoding="utf-8")


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float | None
    category: str | None
    mode: str | None


@dataclass
class Lexicon:
    cameo: dict[str, CameoCode]
    verbs: dict[str, list[dict]]          # inflected-word lemma -> verb entries with block
    synsets: dict[str, frozenset[str]]
    triggers_verbs: dict[str, list[dict]]
    triggers_nouns: dict[str, list[dict]]
    cues: dict
    extra: dict = field(default_factory=dict)


def _word(value) -> str:
    # YAML 1.1 reads bare on/off as booleans: "push on", "set off"
    if value is True:
        return "on"
    if value is False:
        return "off"
    return str(value)


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (str, bool)):
        return [_word(value)]
    return [_word(v) for v in value]


def _normalise_rules(table: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for key, rules in (table or {}).items():
        if isinstance(rules, dict):
            rules = [rules]
        norm = []
        for r in rules:
            r = dict(r)
            for k in ("obj", "dobj", "prep", "prt", "mod", "subj", "head", "not_obj", "not_mod", "xcomp", "verdict",
                      "patient"):
                if k in r:
                    r[k] = [x.lower() for x in _as_list(r[k])]
            if r.get("cameo") is not None:
                r["cameo"] = str(r["cameo"])
            norm.append(r)
        for lemma in str(key).lower().split("|"):
            out.setdefault(lemma.strip(), []).extend(norm)
    return out


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon, built once per process (read from the table cache after the first)."""
    data = Path(__file__).parent / "data"
    return tablecache.cached_object("event-lexicon", [data / name for name in _SOURCES] + [__file__],
                                    _build_lexicon)


def _build_lexicon() -> Lexicon:
    cameo: dict[str, CameoCode] = {}
    with _open("cameo_codes.csv") as fh:
        for r in csv.DictReader(fh):
            cameo[r["code"]] = CameoCode(
                code=r["code"], name=r["name"],
                goldstein=float(r["goldstein"]) if r["goldstein"] else None,
                category=r["category"] or None, mode=r["mode"] or None)
    with _open("verbs.json") as fh:
        vdata = json.load(fh)
    verbs: dict[str, list[dict]] = {}
    for block in vdata["blocks"]:
        for v in block["verbs"]:
            key = v["words"][v["infl"]]
            entry = {"words": v["words"], "infl": v["infl"], "code": v["code"] or block["code"],
                     "patterns": block["patterns"], "block": block["name"], "own_code": bool(v["code"])}
            verbs.setdefault(key, []).append(entry)
    for entries in verbs.values():  # multi-word verbs first: they are more specific
        entries.sort(key=lambda e: -len(e["words"]))
    synsets = {k: frozenset(v) for k, v in vdata["synsets"].items()}
    with _open("triggers.yaml") as fh:
        trig = load_yaml(fh)
    with _open("cues.yaml") as fh:
        cues = load_yaml(fh)
    cues = {k: frozenset(str(x).lower() for x in v) if isinstance(v, list) else v
            for k, v in cues.items()}
    return Lexicon(
        cameo=cameo, verbs=verbs, synsets=synsets,
        triggers_verbs=_normalise_rules(trig.get("verbs")),
        triggers_nouns=_normalise_rules(trig.get("nouns")),
        cues=cues,
        extra=dict({k: v for k, v in trig.items() if k not in ("verbs", "nouns")},
                   no_event_verbs_set=frozenset(str(v).lower() for v in
                                                [*trig.get("no_event_verbs", ()), *trig.get("feeling_verbs", ())]),
                   no_default_blocks_set=frozenset(str(v) for v in trig.get("no_default_blocks", ())),
                   actor_nouns=frozenset(str(v).lower() for v in trig.get("actor_nouns", ())),
                   stance_verbs_set=frozenset(str(v).lower() for v in trig.get("stance_verbs", ())),
                   igo_set=frozenset(str(v).lower() for v in trig.get("igos", ())),
                   crisis_set=frozenset(str(v).lower() for v in trig.get("crisis_words", ()))),
    )


def describe_code(code: str | None) -> tuple[str | None, CameoCode | None]:
    """(PLOVER category, codebook row) for a CAMEO code.

    CAMEO 01 (statements) has no PLOVER category. CAMEO 02 (appeals) is read as REQUEST
    through the parallel CAMEO 10 code (020 -> 100, 0253 -> 1053): news calls, urgings and
    requests are requests in PLOVER's sense ("reporters' wording is the main guide"), and the
    project's gold data codes them so; the CAMEO code and Goldstein score stay the appeal's.
    """
    if not code:
        return None, None
    lex = load_lexicon()
    row = lex.cameo.get(code)
    while row is None and len(code) > 2:
        code = code[:-1]
        row = lex.cameo.get(code)
    if row is None:
        return None, None
    override = (lex.extra.get("code_overrides") or {}).get(row.code)
    if override:
        row = CameoCode(code=row.code, name=row.name, goldstein=row.goldstein,
                        category=override.get("category", row.category),
                        mode=override.get("mode", row.mode))
    if row.category:
        return row.category, row
    if code.startswith("02"):
        parallel = lex.cameo.get("10" + code[2:]) or lex.cameo.get("10")
        return "REQUEST", CameoCode(code=row.code, name=row.name, goldstein=row.goldstein,
                                    category="REQUEST", mode=parallel.mode if parallel else None)
    return None, row


def verb_forms(verb) -> set[str]:
    """The verb's lemma plus lemmas guessed from its spelling: the small model's lemmatizer
    sometimes errs ("staged" -> "stag")."""
    low = verb.lower_
    forms = {verb.lemma_.lower(), low}
    for suffix, repl in (("ied", "y"), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""),
                         ("ing", "e"), ("es", ""), ("s", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            forms.add(low[: -len(suffix)] + repl)
    return forms
