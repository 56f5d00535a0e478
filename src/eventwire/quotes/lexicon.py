"""The quote stage's word lists (``data/*.tsv``), loaded once per process."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Cue:
    lemma: str
    kind: str  # speech, belief, evidence, intention
    frames: frozenset[str]  # extra complement relations: xcomp, dobj, prep:for, ...
    plover: str | None


@dataclass(frozen=True)
class Lexicon:
    cues: dict[str, Cue]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    relatives: frozenset[str]
    titles: frozenset[str]
    headline_sources: frozenset[str]
    source_nouns: frozenset[str]


def _rows(name: str):
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


@functools.lru_cache(maxsize=None)
def load_lexicon() -> Lexicon:
    cues: dict[str, Cue] = {}
    for lemma, kind, frames, plover in _rows("cues.tsv"):
        if lemma not in cues:
            cues[lemma] = Cue(lemma, kind, frozenset(() if frames == "-" else frames.split(",")),
                              None if plover == "-" else plover)
    words: dict[str, set[str]] = {}
    for kind, word in _rows("speakers.tsv"):
        words.setdefault(kind, set()).add(word)
    return Lexicon(
        cues=cues,
        person_pronouns=frozenset(words.get("pronoun-person", ())),
        group_pronouns=frozenset(words.get("pronoun-group", ())),
        relatives=frozenset(words.get("relative", ())),
        titles=frozenset(words.get("title", ())),
        headline_sources=frozenset(words.get("headline-source", ())),
        source_nouns=frozenset(words.get("source-noun", ())),
    )
