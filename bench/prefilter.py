"""What a lexical pre-filter could save by running the dependency parser only on some sentences.

For each sentence of the texts (parsed in full), the filter of issue 13 passes it when it holds a
quotation mark, a named entity, a cue verb (``document/cues.py``), an event trigger lemma
(``events.patterns``) or a time trigger (``times.grammar.trigger``). A sentence that passes none of
these could skip the parser. The report gives the share of tokens in such sentences, the parser's
share of the bare pipeline's time (each component timed alone over the same texts), and their product:
the most a pre-filter could save of the parse, before the cost of assembling a doc from parsed and
unparsed pieces.

    python bench/prefilter.py                        # the bundled demo corpus
    python bench/prefilter.py --jsonl ../shared/eval/quotes/ggt-dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from throughput import load_articles  # the sibling script (bench/ is on sys.path when run)

from communique import nlp
from communique.document.cues import lexicon
from communique.document.marks import ALL_MARKS
from communique.events.patterns import patterns
from communique.times.grammar import trigger


def component_seconds(texts: list[str]) -> dict[str, float]:
    """Seconds of each component of the bare model over ``texts`` (the tokenizer as ``tokenizer``)."""
    model = nlp.plain()
    list(model.pipe(texts[:2]))
    t0 = time.perf_counter()
    docs = [model.make_doc(t) for t in texts]
    out = {"tokenizer": time.perf_counter() - t0}
    for name, proc in model.pipeline:
        t0 = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=16))
        out[name] = time.perf_counter() - t0
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jsonl", type=Path, help="JSONL file with a 'text' per line (default: demo corpus)")
    args = ap.parse_args()
    texts = [a.text for a in load_articles(args.jsonl)]
    cues = lexicon().verbs
    triggers = {lemma for lemma, _ in patterns()}
    timeword = trigger()
    tokens = skipped = sents = skipped_sents = 0
    for doc in nlp.plain().pipe(texts):
        for sent in doc.sents:
            sents += 1
            tokens += len(sent)
            passes = (
                any(ch in ALL_MARKS for ch in sent.text) or bool(sent.ents) or timeword.search(sent.text) is not None
                or any(t.lemma_.lower() in cues or t.lemma_.lower() in triggers for t in sent)
            )
            if not passes:
                skipped += len(sent)
                skipped_sents += 1
    comp = component_seconds(texts)
    parser_share = comp["parser"] / sum(comp.values())
    report = {
        "texts": len(texts),
        "sentences": sents,
        "tokens": tokens,
        "sentences_the_filter_skips": skipped_sents,
        "token_share_the_filter_skips": round(skipped / tokens, 4),
        "component_seconds": {k: round(v, 3) for k, v in comp.items()},
        "parser_share_of_parse_time": round(parser_share, 3),
        "most_a_prefilter_saves_of_parse_time": round(parser_share * skipped / tokens, 4),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
