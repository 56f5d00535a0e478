"""Speed as a user sees it: whole processes against bare spaCy, cost per character, long texts.

    PYTHONPATH=src .venv/bin/python bench/speed.py [--docs 600] [--runs 2] [--skip ...]

Three measurements, each on the bundled sample corpus (samples/wikinews, 114 articles):

  throughput  The corpus repeated to --docs documents in one JSON Lines file. Whole processes,
              start-up included, alternated --runs times: (a) a Python process that imports
              spaCy, loads the same model and runs ``nlp.pipe`` over the same texts (batch
              --batch-size); (b) ``eventwire extract FILE -o /dev/null``; with --against, (c)
              the same from other sources. Prints docs/s of each run and (b)/(a) on the best
              run of each. --together starts each run's processes at once (one load for all).
  per-char    One warm process codes the same text cut into documents of 1 kB, 10 kB,
              100 kB and 1 MB (--per-char-total characters at each size, the corpus
              concatenated and repeated). Prints CPU and wall time per 1,000 characters and
              each size's CPU time per character against the 1 kB row's.
  long        Whole ``eventwire extract`` processes on one 1,000,000-character document and on
              the same characters cut into 200 documents: wall time, CPU time and peak RSS,
              and the ratios long / cut.

CPU times (user + system of the process) move less than wall times on a shared machine;
both are printed.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "wikinews" / "wikinews.jsonl"
DATE = "2019-01-04"

BARE_SPACY = r"""
import json, sys
import spacy
from eventwire.nlp import MODEL_NAME
nlp = spacy.load(MODEL_NAME)
with open(sys.argv[1], encoding="utf-8") as fh:
    texts = [json.loads(line)["text"] for line in fh if line.strip()]
for doc in nlp.pipe(texts, batch_size=int(sys.argv[2])):
    pass
"""

PER_CHAR = r"""
import datetime as dt, json, sys, time
from eventwire.document import Document
from eventwire.nlp import load_nlp
from eventwire.pipeline import extract_many

def cut(text, size):
    out, start = [], 0
    while len(text) - start > size:
        end = text.rfind("\n", start, start + size) + 1
        end = end if end > start + size // 2 else start + size
        out.append(text[start:end])
        start = end
    return out + [text[start:]]

stream = open(sys.argv[1], encoding="utf-8").read()
nlp = load_nlp()
warm = [Document(id="warm", text=stream[:5000], date=dt.date(2019, 1, 4))]
for _, r in extract_many(warm, nlp=nlp, max_chars=None):
    r.to_json()
for size in map(int, sys.argv[2:]):
    docs = [Document(id=f"d{k}", text=t, date=dt.date(2019, 1, 4))
            for k, t in enumerate(cut(stream, size))]
    c0, w0 = time.process_time(), time.perf_counter()
    for _, r in extract_many(docs, nlp=nlp, max_chars=None):   # every character coded
        assert not hasattr(r, "error"), r
        r.to_json()
    print(json.dumps({"size": size, "docs": len(docs), "chars": len(stream),
                      "cpu": time.process_time() - c0, "wall": time.perf_counter() - w0}), flush=True)
"""


def articles() -> list[dict]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_jsonl(path: Path, texts: list[str], ids: list[str] | None = None) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for k, text in enumerate(texts):
            fh.write(json.dumps({"id": ids[k] if ids else f"doc-{k}", "date": DATE, "text": text}) + "\n")
    return path


def text_stream(chars: int) -> str:
    """The corpus's articles, separated by blank lines, repeated to ``chars`` characters
    (cut at a paragraph break)."""
    texts = [a["text"] for a in articles()]
    parts, size, k = [], 0, 0
    while size < chars:
        parts.append(texts[k % len(texts)])
        size += len(parts[-1]) + 2
        k += 1
    stream = "\n\n".join(parts)
    cut = stream.rfind("\n", 0, chars)
    return stream[:cut + 1] if cut > chars // 2 else stream[:chars]


def run_process(argv: list[str], src: Path | None = None) -> dict:
    """Wall time, CPU time (user + system) and peak RSS of one child process (running the
    eventwire sources ``src``, else --src)."""
    probe = ("import json, resource, subprocess, sys, time; t = time.perf_counter(); "
             "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "w = time.perf_counter() - t; u = resource.getrusage(resource.RUSAGE_CHILDREN); "
             "print(json.dumps({'wall': w, 'cpu': u.ru_utime + u.ru_stime, 'rss_mb': u.ru_maxrss / 1024}))")
    out = subprocess.run([sys.executable, "-c", probe, *argv], check=True, capture_output=True, text=True,
                         env=_env(src))
    return json.loads(out.stdout)


SRC = REPO / "src"   # --src: the eventwire sources the child processes run (e.g. another checkout)


def _env(src: Path | None = None) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(src or SRC)
    return env


def extract_argv(path: Path, *options: str) -> list[str]:
    # every character coded, whatever the version's default cap
    return [sys.executable, "-m", "eventwire.cli", "extract", str(path), "-o", os.devnull,
            "--max-chars", "5000000", *options]


def throughput(tmp: Path, n: int, runs: int, batch_size: int, scale_out: bool = False,
               against: Path | None = None, together: bool = False) -> None:
    base = articles()
    rows = [base[i % len(base)] for i in range(n)]
    path = write_jsonl(tmp / f"corpus-{n}.jsonl", [r["text"] for r in rows],
                       [f"{r['id']}-{i // len(base)}" for i, r in enumerate(rows)])
    print(f"\n## throughput: {n} documents ({sum(len(r['text']) for r in rows):,} characters), "
          f"whole processes, start-up included" + (", all started at once" if together else ""), flush=True)
    contenders = [("(a) bare spaCy nlp.pipe", [sys.executable, "-c", BARE_SPACY, str(path), str(batch_size)], None),
                  ("(b) eventwire extract", extract_argv(path), None)]
    if against is not None:
        contenders.append((f"(c) eventwire extract, {against.name}", extract_argv(path), against))
    results: dict[str, list[dict]] = {label: [] for label, _, _ in contenders}
    for k in range(runs):
        if together:   # the same load on each: a shared machine's load moves between runs
            with concurrent.futures.ThreadPoolExecutor(len(contenders)) as pool:
                done = list(pool.map(lambda c: run_process(c[1], c[2]), contenders))
        else:
            done = [run_process(argv, src) for _, argv, src in contenders]
        for (label, _, _), r in zip(contenders, done):
            results[label].append(r)
            print(f"run {k + 1}: {label:<32} {n / r['wall']:6.2f} docs/s  wall {r['wall']:6.1f} s  "
                  f"cpu {r['cpu']:6.1f} s  peak RSS {r['rss_mb']:.0f} MB", flush=True)
    bare = results[contenders[0][0]]
    for label, _, _ in contenders[1:]:
        ours = results[label]
        print(f"{label[:3]}/(a) throughput, best runs: wall {min(r['wall'] for r in bare) / min(r['wall'] for r in ours):.2f}, "
              f"cpu {min(r['cpu'] for r in bare) / min(r['cpu'] for r in ours):.2f}")
    if scale_out:
        best_b = min(r["wall"] for r in results[contenders[1][0]])
        for label, options in (("(c) eventwire extract --workers 2", ["--workers", "2"]),
                               ("(d) eventwire extract --dask local:2", ["--dask", "local:2"])):
            c = run_process(extract_argv(path, *options))
            print(f"{label:<38} {n / c['wall']:6.2f} docs/s  wall {c['wall']:6.1f} s  "
                  f"(against (b): {best_b / c['wall']:.2f})", flush=True)


def per_char(tmp: Path, total: int, sizes: list[int]) -> None:
    path = tmp / "stream.txt"
    path.write_text(text_stream(total), encoding="utf-8")
    print(f"\n## per character: the same {total:,} characters as documents of each size, one warm process",
          flush=True)
    out = subprocess.run([sys.executable, "-c", PER_CHAR, str(path), *map(str, sizes)], check=True,
                         capture_output=True, text=True, env=_env())
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    first = rows[0]["cpu"] / rows[0]["chars"]
    print("| document size | documents | CPU ms / 1,000 chars | wall ms / 1,000 chars | CPU per char vs 1 kB |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        per = r["cpu"] / r["chars"]
        print(f"| {r['size']:,} | {r['docs']} | {1e6 * per:.2f} | {1e6 * r['wall'] / r['chars']:.2f} | "
              f"{per / first:.2f} |", flush=True)


def cut_in(text: str, n: int) -> list[str]:
    """``text`` in ``n`` documents of about equal length, each cut after a line break."""
    bounds = [0]
    for k in range(1, n):
        at = text.find("\n", max(bounds[-1], k * len(text) // n)) + 1
        if at <= bounds[-1] or at >= len(text):
            break
        bounds.append(at)
    bounds.append(len(text))
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


def long_vs_cut(tmp: Path, chars: int, pieces: int) -> None:
    stream = text_stream(chars)
    long_path = write_jsonl(tmp / "long.jsonl", [stream])
    cut = cut_in(stream, pieces)
    cut_path = write_jsonl(tmp / "cut.jsonl", cut)
    print(f"\n## one {len(stream):,}-character document against the same text as {len(cut)} documents "
          f"(whole `eventwire extract` processes)", flush=True)
    a = run_process(extract_argv(long_path))
    print(f"one document:   wall {a['wall']:6.1f} s  cpu {a['cpu']:6.1f} s  peak RSS {a['rss_mb']:.0f} MB", flush=True)
    b = run_process(extract_argv(cut_path))
    print(f"{len(cut)} documents: wall {b['wall']:6.1f} s  cpu {b['cpu']:6.1f} s  peak RSS {b['rss_mb']:.0f} MB")
    print(f"long / cut: wall {a['wall'] / b['wall']:.2f}, cpu {a['cpu'] / b['cpu']:.2f}, "
          f"peak RSS {a['rss_mb'] / b['rss_mb']:.2f}")


def main() -> None:
    global SRC
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32, help="bare spaCy's nlp.pipe batch")
    ap.add_argument("--per-char-total", type=int, default=1_000_000)
    ap.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000, 1_000_000])
    ap.add_argument("--long-chars", type=int, default=1_000_000)
    ap.add_argument("--long-pieces", type=int, default=200)
    ap.add_argument("--skip", nargs="*", default=[], choices=["throughput", "per-char", "long"])
    ap.add_argument("--scale-out", action="store_true",
                    help="also time `eventwire extract --workers 2` and `--dask local:2` on the same file")
    ap.add_argument("--src", type=Path, default=SRC, help="eventwire sources to measure (default: this checkout)")
    ap.add_argument("--against", type=Path, help="throughput: also run `eventwire extract` from these sources, "
                    "as (c), to compare two versions")
    ap.add_argument("--together", action="store_true",
                    help="throughput: start each run's processes at the same moment, so that they share one load")
    args = ap.parse_args()
    SRC = args.src.resolve()
    print(f"eventwire sources: {SRC}")
    print(f"cores: {os.cpu_count()}  load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        if "throughput" not in args.skip:
            throughput(Path(tmp), args.docs, args.runs, args.batch_size, args.scale_out,
                       args.against.resolve() if args.against else None, args.together)
        if "per-char" not in args.skip:
            per_char(Path(tmp), args.per_char_total, args.sizes)
        if "long" not in args.skip:
            long_vs_cut(Path(tmp), args.long_chars, args.long_pieces)
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
