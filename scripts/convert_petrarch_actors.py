"""Convert the PETRARCH2 / Phoenix actor and agent dictionaries (MIT) into eventwire's
compact actor tables.

Reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt`` and ``Phoenix.agents.txt`` (format described in the
README of ``shared/data/dictionaries/petrarch2/``) and writes

- ``src/eventwire/actors/data/petrarch_actors.tsv``: one record per line,
  ``source<TAB>kind<TAB>phrase|phrase|...<TAB>code@from-to;code@from-to;...``
  where ``kind`` is ``country`` (a country block: the country's own name and its places),
  or ``actor`` (a person or organisation); dates are ``YYYYMMDD`` (``from`` inclusive,
  ``to`` exclusive, either may be empty). Undated codes come last (the fallback).
- ``src/eventwire/actors/data/petrarch_agents.tsv``: ``phrase<TAB>code`` with plurals
  and substitution sets expanded, first entry of a phrase wins (as in PETRARCH2).

Records whose every code ended before 1990 are dropped (they cannot code modern news).

Usage: EVENTWIRE_SHARED_DATA=../shared/data python scripts/convert_petrarch_actors.py [PETRARCH_DIR]
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "eventwire" / "actors" / "data"
DEFAULT_DIR = Path(os.environ.get("EVENTWIRE_SHARED_DATA", REPO.parent / "shared" / "data")) / "dictionaries" / "petrarch2"
CUTOFF = "19900101"

CODE_RE = re.compile(r"\[([^\]]*)\]")


def phrase_text(raw: str) -> str:
    text = raw.strip().replace("_", " ")
    text = re.sub(r"\s+", " ", text).strip().lower()
    return text


def parse_date(text: str) -> str | None:
    text = text.strip()
    if not text.isdigit():
        return None
    if len(text) <= 7:
        text = text.zfill(6)[-6:]
        yy = int(text[:2])
        century = "20" if yy <= 30 else "19"
        text = century + text
    text = text[:8]
    if len(text) != 8:
        return None
    return text


def parse_restriction(rest: str) -> tuple[str, str] | None:
    """('from', 'to') for a restriction string; ('', '') when undated; None when unreadable."""
    rest = rest.strip()
    if not rest:
        return ("", "")
    if rest.startswith("<"):
        d = parse_date(rest[1:])
        return ("", d) if d else None
    if rest.startswith(">"):
        d = parse_date(rest[1:])
        return (d, "") if d else None
    if "-" in rest:
        a, b = rest.split("-", 1)
        da, db = parse_date(a), parse_date(b)
        if da and db:
            return (da, db)
        return None
    # A bare date (malformed in the source): read as "from".
    d = parse_date(rest)
    return (d, "") if d else None


def parse_codes(line: str) -> list[tuple[str, str, str]]:
    out = []
    for group in CODE_RE.findall(line):
        parts = group.strip().split(None, 1)
        if not parts:
            continue
        code = parts[0].strip()
        rng = parse_restriction(parts[1] if len(parts) > 1 else "")
        if rng is None or not re.fullmatch(r"[A-Z]{3,}", code):
            continue
        out.append((code, rng[0], rng[1]))
    return out


def read_actor_file(path: Path, source: str):
    """Yield (source, kind, phrases, codes) records."""
    records = []
    current = None
    in_comment = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        raw = raw.replace("\x1a", "")
        if in_comment:
            if "-->" in raw:
                in_comment = False
            continue
        if raw.lstrip().startswith("<!--"):
            if "-->" not in raw:
                in_comment = True
            continue
        if raw.startswith("#") or raw.lstrip().startswith("<!"):
            continue
        line = raw.split("#", 1)[0]
        if not line.strip():
            continue
        if line[0] in " \t" and "[" in line:
            if current is not None:
                current["codes"].extend(parse_codes(line))
            continue
        if line.startswith("+"):
            if current is not None:
                current["phrases"].append(phrase_text(line[1:].split("[", 1)[0]))
                current["codes"].extend(parse_codes(line))
            continue
        if line[0] in " \t":
            continue
        head = line.split("[", 1)[0]
        current = {"phrases": [phrase_text(head)], "codes": parse_codes(line)}
        records.append(current)
    for rec in records:
        phrases = [p for p in dict.fromkeys(rec["phrases"]) if p and "?" not in p and "\ufffd" not in p]
        codes = rec["codes"]
        if not phrases or not codes:
            continue
        dated = [c for c in codes if c[1] or c[2]]
        undated = [c for c in codes if not (c[1] or c[2])]
        codes = dated + undated  # the manual's reading: dated first, undated as the fallback
        if undated == [] and all(c[2] and c[2] < CUTOFF for c in dated):
            continue
        kind = "country" if (source == "countries" and len(codes) == 1 and not dated
                             and re.fullmatch(r"[A-Z]{3}", codes[0][0])) else "actor"
        yield source, kind, phrases, codes


def read_agents(path: Path):
    subs: dict[str, list[str]] = {}
    entries: dict[str, str] = {}

    def plural(word: str) -> str:
        if word.endswith("Y") and not word.endswith(("AY", "EY", "OY", "UY")):
            return word[:-1] + "IES"
        if word.endswith(("S", "SH", "CH", "X", "Z")):
            return word + "ES"
        return word + "S"

    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if raw.startswith("#") or raw.lstrip().startswith("<!"):
            continue
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            name, items = line.split("=", 1)
            subs[name.strip()] = [i.strip() for i in items.split(",") if i.strip()]
            continue
        m = CODE_RE.search(line)
        if not m:
            continue
        code = m.group(1).strip()
        body = line[: m.start()].strip()
        irregular = None
        bm = re.search(r"\{([^}]*)\}", body)
        if bm:
            irregular = bm.group(1).strip()
            body = body[: bm.start()].strip()
        body = body.rstrip("_")
        forms = []
        sm = re.search(r"!([A-Z]+)!", body)
        if sm and f"!{sm.group(1)}!" in subs:
            for alt in subs[f"!{sm.group(1)}!"]:
                forms.append(body.replace(sm.group(0), alt))
        else:
            forms.append(body)
            if irregular is None:
                forms.append(plural(body))
            elif irregular:
                forms.append(irregular.rstrip("_"))
        for form in forms:
            phrase = phrase_text(form)
            if phrase and phrase not in entries:
                entries[phrase] = code
    return entries


def fmt_codes(codes):
    return ";".join(f"{c}@{a}-{b}" for c, a, b in codes)


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    OUT.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(OUT / "petrarch_actors.tsv", "w", encoding="utf-8") as fh:
        fh.write("# Converted from the PETRARCH2/Phoenix actor dictionaries (MIT, (c) Open Event "
                 "Data Alliance) by scripts/convert_petrarch_actors.py\n")
        for name, source in (("Phoenix.Countries.actors.txt", "countries"),
                             ("Phoenix.International.actors.txt", "international"),
                             ("Phoenix.MilNonState.actors.txt", "milnonstate")):
            for source, kind, phrases, codes in read_actor_file(src / name, source):
                fh.write(f"{source}\t{kind}\t{'|'.join(phrases)}\t{fmt_codes(codes)}\n")
                n += 1
    agents = read_agents(src / "Phoenix.agents.txt")
    with open(OUT / "petrarch_agents.tsv", "w", encoding="utf-8") as fh:
        fh.write("# Converted from Phoenix.agents.txt (MIT, (c) Open Event Data Alliance) by "
                 "scripts/convert_petrarch_actors.py\n")
        for phrase, code in agents.items():
            fh.write(f"{phrase}\t{code}\n")
    print(f"{n} actor records, {len(agents)} agent phrases written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
