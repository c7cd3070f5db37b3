"""Per-document work is linear in the document's length: stage time per character on one long article.

The article is the demo corpus joined (and repeated) up to 100,000 characters, cut at a line end to
12,500, 25,000, 50,000 and 100,000 characters. Each stage's microseconds per character should stay flat
as the article grows. Each size is timed with Python's garbage collector on and off: with it on, the
cost of the collector's full passes grows with the number of live objects, which a long doc raises.

    python bench/longdoc.py
"""

from __future__ import annotations

import gc
import json

from throughput import ROOT, stage_seconds  # the sibling script (bench/ is on sys.path when run)

from communique import nlp
from communique.ingest import read_inputs
from communique.records import Article

SIZES = (12_500, 25_000, 50_000, 100_000)


def main() -> None:
    arts = [a for a in read_inputs(str(ROOT / "demo" / "corpus")) if isinstance(a, Article)]
    text = "\n\n".join(a.text for a in arts)
    while len(text) < SIZES[-1]:
        text = text + "\n\n" + text
    model = nlp.load()
    stage_seconds([Article(id="warm", text=arts[0].text, published="2024-03-01")], [model(arts[0].text)])
    report: dict[str, dict[str, dict[str, float]]] = {"gc_on": {}, "gc_off": {}}
    for size in SIZES:
        cut = text[: text.rfind("\n", 0, size)]
        article = Article(id=str(size), text=cut, published="2024-03-01")
        doc = model(cut)
        for mode in report:
            if mode == "gc_off":
                gc.disable()
            try:
                seconds = stage_seconds([article], [doc])
            finally:
                gc.enable()
            per_char = {k: round(v * 1e6 / len(cut), 2) for k, v in seconds.items()}
            per_char["total"] = round(sum(seconds.values()) * 1e6 / len(cut), 2)
            report[mode][str(len(cut))] = per_char
    print(json.dumps({"microseconds_per_character": report}, indent=2))


if __name__ == "__main__":
    main()
