"""Size: time and peak memory of ``analyze`` against a bare spaCy parse of the same text, by text length.

Each measurement runs in a fresh subprocess (model loaded and warmed up on a short text first), so the
peak resident memory (``ru_maxrss``) belongs to that one size and that one side alone; the model's own
footprint is in both. Texts are the demo corpus's paragraphs repeated to the length wanted (realistic
news prose). Also times one article of 40 KB of quote marks (the tokenizer's worst case).

Goals (issue 14): analyze time linear in the length, at most 2x the bare parse at every size, at most
1 GB peak at 200k characters; 40 KB of quote marks in under 10 s.

    python bench/size.py                          # 10k, 50k, 100k, 200k characters
    python bench/size.py --sizes 10000 50000      # some sizes only
    python bench/size.py --repeat 3               # each side run 3 times, interleaved; the fastest kept
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (10_000, 50_000, 100_000, 200_000)
QUOTES = 40_000


def corpus_text(chars: int) -> str:
    """Paragraphs of the demo corpus, repeated in order, cut at a paragraph break near ``chars``."""
    paragraphs: list[str] = []
    for path in sorted((ROOT / "demo" / "corpus").glob("*.txt")):
        paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 80]
    out: list[str] = []
    length = i = 0
    while length < chars:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        length += len(p) + 2
        i += 1
    return "\n\n".join(out)[:chars].rsplit(" ", 1)[0] + "."


def measure(side: str, chars: int) -> dict[str, float]:
    """Run in the subprocess: seconds and peak MB of one ``side`` (bare, analyze, quotes) at ``chars``."""
    from communique import nlp
    from communique.pipeline import analyze
    from communique.records import Article

    text = '"' * chars if side == "quotes" else corpus_text(chars)
    model = nlp.load()
    warm = corpus_text(2_000)
    model(warm)
    analyze(Article(id="warm", text=warm, published="2025-03-13"))
    t0 = time.perf_counter()
    if side == "bare":
        model(text)
    else:
        analyze(Article(id="big", text=text, published="2025-03-13"))
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes
    return {"seconds": round(seconds, 2), "peak_mb": round(peak_mb)}


def run(side: str, chars: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--one", side, str(chars)], capture_output=True, text=True,
                         check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="*", default=list(SIZES), help="text lengths in characters")
    ap.add_argument("--repeat", type=int, default=2, help="runs per side and size, interleaved; the fastest is kept "
                    "(a shared machine's load only ever adds time)")
    ap.add_argument("--one", nargs=2, metavar=("SIDE", "CHARS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]))))
        return
    print("| chars | bare s | analyze s | ratio | analyze s per 10k chars | bare MB | analyze MB |")
    print("|---|---|---|---|---|---|---|")
    for chars in args.sizes:
        runs = [(run("bare", chars), run("analyze", chars)) for _ in range(max(1, args.repeat))]
        bare = min((b for b, _ in runs), key=lambda r: r["seconds"])
        full = min((f for _, f in runs), key=lambda r: r["seconds"])
        print(f"| {chars:,} | {bare['seconds']} | {full['seconds']} | {full['seconds'] / bare['seconds']:.2f} | "
              f"{full['seconds'] / chars * 10_000:.2f} | {bare['peak_mb']} | {full['peak_mb']} |", flush=True)
    quotes = min((run("quotes", QUOTES) for _ in range(max(1, args.repeat))), key=lambda r: r["seconds"])
    print(f"\n{QUOTES:,} quote marks: analyze {quotes['seconds']} s, peak {quotes['peak_mb']} MB")


if __name__ == "__main__":
    main()
