"""Language identification, just enough to keep non-English text from being coded as English.

Scripts decide first (Cyrillic, Arabic, CJK ...); Latin-script text is scored against
the commonest function words of a few languages (data/function_words.json).
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SCRIPTS = [("CYRILLIC", "ru"), ("ARABIC", "ar"), ("HEBREW", "he"), ("CJK", "zh"),
            ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("HANGUL", "ko"), ("GREEK", "el"),
            ("DEVANAGARI", "hi"), ("THAI", "th")]


@functools.lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files("eventwire").joinpath("data/function_words.json").read_text())
    return {lang: frozenset(words) for lang, words in data.items()}


@functools.lru_cache(maxsize=8192)
def _script_language(c: str) -> str | None:
    """The language a letter's script tells (``_SCRIPTS``), else None: a character's name is
    looked up once, not once per occurrence."""
    name = unicodedata.name(c, "")
    return next((lang for script, lang in _SCRIPTS if name.startswith(script)), None)


def detect_language(text: str, sample: int = 5000) -> str:
    """ISO 639-1 code of the text's language ("en" when unsure: short texts are coded)."""
    head = text[:sample]
    letters = [c for c in head if c.isalpha()]
    if not letters:
        return "en"
    counts: dict[str, int] = {}
    for c in letters:
        lang = None if c.isascii() else _script_language(c)   # no listed script is ASCII
        if lang is not None:
            counts[lang] = counts.get(lang, 0) + 1
    if counts:
        lang, n = max(counts.items(), key=lambda kv: kv[1])
        if n > 0.5 * len(letters):
            return lang
    words = [w.lower() for w in _WORD.findall(head)]
    if len(words) < 8:
        return "en"
    scores = {lang: sum(w in fw for w in words) for lang, fw in _function_words().items()}
    best = max(scores, key=scores.get)
    if best != "en" and scores[best] > 1.5 * scores.get("en", 0) and scores[best] >= 3:
        return best
    return "en"
