"""Build the event stage's data files from the shared reference data.

Reads (paths relative to the shared data folder, default ``$EVENTWIRE_SHARED_DATA`` or
``../shared/data``):
- ``ontology/cameo.csv``: CAMEO codes, names, Goldstein scores, PLOVER category/mode.
- ``dictionaries/petrarch2/CAMEO.2.0.txt`` (MIT): verbs, synsets and verb patterns.

Writes into ``src/eventwire/events/data/``:
``cameo_codes.csv``, ``verbs.json``. (Countries and agent nouns are the
actors stage's: ``scripts/convert_petrarch_actors.py``, ``scripts/build_countries.py``.)

Run: ``python scripts/build_event_data.py [--shared PATH]``. The output is deterministic.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "eventwire" / "events" / "data"


def shared_root(arg: str | None) -> Path:
    for cand in (arg, os.environ.get("EVENTWIRE_SHARED_DATA"), str(REPO.parent / "shared" / "data"),
                 "/work/shared/data"):
        if cand and Path(cand).is_dir():
            return Path(cand)
    raise SystemExit("shared data folder not found; pass --shared PATH")


# ---------------------------------------------------------------- codebook
def build_codebook(root: Path) -> None:
    rows = list(csv.DictReader(open(root / "ontology" / "cameo.csv", encoding="utf-8")))
    with open(OUT / "cameo_codes.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        # (a category's quad class is the category's: src/eventwire/data/categories.json)
        w.writerow(["code", "name", "goldstein", "category", "mode"])
        for r in rows:
            w.writerow([r["code"], r["name"], r["goldstein"], r["plover_category"], r["plover_mode"]])


# ---------------------------------------------------------------- verb dictionary
_CODE = re.compile(r"\[([^\]]*)\]")


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _words(phrase: str) -> list[str]:
    return [w for w in re.split(r"[_ ]+", phrase.strip().lower()) if w]


def _parse_elements(text: str) -> list[dict]:
    """Pattern side (before or after '*') -> elements.

    {"w": [words]}: a noun phrase (all words must occur; the last is the head);
    {"p": prep, "w": [words]}: a prepositional phrase; "$"/"+" role markers are dropped.
    Words beginning with '&' name a synset.
    """
    out: list[dict] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace() or c in "$+%^":
            i += 1
            continue
        if c == "(":
            depth, j = 1, i + 1
            while j < n and depth:
                depth += {"(": 1, ")": -1}.get(text[j], 0)
                j += 1
            inner = text[i + 1:j - 1].replace("{", " ").replace("}", " ")
            toks = [t for t in inner.split() if t not in ("$", "+", "%", "^")]
            if toks:
                out.append({"p": toks[0].lower().replace("_", " "),
                            "w": [w for t in toks[1:] for w in _words(t)]})
            i = j
            continue
        if c == "{":
            j = text.find("}", i)
            j = n if j < 0 else j
            words = [w for t in text[i + 1:j].split() if t not in ("$", "+") for w in _words(t)]
            if words:
                out.append({"w": words})
            i = j + 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] not in "({":
            j += 1
        tok = text[i:j]
        if tok and tok not in ("$", "+"):
            out.append({"w": _words(tok) if not tok.startswith("&") else [tok.lower()]})
        i = j
    return out


def _verb_entry(line: str):
    """A verb line -> (words, index of the inflected word, own code or None)."""
    code = None
    m = _CODE.search(line)
    if m:
        code = m.group(1).strip()
        line = line[:m.start()]
    line = re.sub(r"\{[^}]*\}", " ", line).strip()
    if not line:
        return None
    phrase = line.split()[0]
    parts = [p for p in phrase.split("_") if p]
    infl = 0
    for k, p in enumerate(parts):
        if p.startswith("+"):
            infl = k
    words = [p.lstrip("+").lower() for p in parts]
    return words, infl, code


def build_verbs(root: Path) -> None:
    path = root / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt"
    lines = open(path, encoding="utf-8").read().splitlines()
    section = None
    synsets: dict[str, list[str]] = {}
    cur_syn = None
    blocks: list[dict] = []
    block = None
    for raw in lines:
        if raw.startswith("#######") or raw.startswith("########"):
            section = ("syn" if "SYNONYM" in raw else "verb" if "VERB PATTERNS" in raw
                       else "trans" if "TRANSFORM" in raw else section)
            continue
        if raw.startswith("#"):
            continue
        line = _strip_comment(raw)
        if not line.strip():
            continue
        if section == "syn":
            s = line.strip()
            if s.startswith("&"):
                cur_syn = s.lower().rstrip("_")
                synsets[cur_syn] = []
            elif s.startswith("+") and cur_syn:
                synsets[cur_syn].append(" ".join(_words(s[1:])))
        elif section == "verb":
            s = line.strip()
            if s.startswith("---"):
                m = _CODE.search(s)
                name = s.strip("- ").split("[")[0].strip()
                block = {"name": name, "code": m.group(1).strip() if m else "---",
                         "verbs": [], "patterns": []}
                blocks.append(block)
            elif s.startswith("-") and block is not None:
                m = list(_CODE.finditer(s))
                if not m:
                    continue
                code = m[-1].group(1).strip()
                body = s[1:m[-1].start()]
                if "*" not in body:
                    continue
                pre, post = body.split("*", 1)
                block["patterns"].append({"pre": _parse_elements(pre),
                                          "post": _parse_elements(post), "code": code})
            elif block is not None:
                entry = _verb_entry(s)
                if entry:
                    words, infl, code = entry
                    block["verbs"].append({"words": words, "infl": infl, "code": code})
    # normalise synset references: "&currency_" -> "&currency"
    for b in blocks:
        for p in b["patterns"]:
            for el in p["pre"] + p["post"]:
                el["w"] = [w.rstrip("_") if w.startswith("&") else w for w in el["w"]]
    data = {"source": "PETRARCH2 CAMEO.2.0.txt (MIT, Open Event Data Alliance)",
            "synsets": synsets, "blocks": blocks}
    with open(OUT / "verbs.json", "w", encoding="utf-8") as fh:
        json.dump(data, fh, separators=(",", ":"), sort_keys=False)
        fh.write("\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="shared data folder")
    args = ap.parse_args()
    root = shared_root(args.shared)
    OUT.mkdir(parents=True, exist_ok=True)
    build_codebook(root)
    build_verbs(root)
    print(f"wrote event data to {OUT}")


if __name__ == "__main__":
    main()
