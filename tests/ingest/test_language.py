"""Language identification: English passes, other languages are rejected, and it is fast.

Figures when py3langid replaced the function-word count (2 cores shared, per text):
- hand-written samples (``language_samples.tsv``: 46 texts in 20 other languages, 20 English edge
  cases): function words 5 wrong (Turkish x2, Polish, Swedish, a short French line), py3langid
  with the guard 0 wrong (bare py3langid 3 wrong: a list of names, a score line, a two-name headline);
- English evaluation texts (quotes, events, claims, TempEval; 7,419): both reject none (bare
  py3langid rejects 26 short sentences as Nigerian Pidgin or noise, hence the guard);
- the 92-page multilingual extraction benchmark: function words 12 non-English, py3langid 13
  (the same 12 and an Italian page the word count let through);
- speed: about 1 ms per text of 5,000 characters, against about 0.2 ms for the word count, and
  about a second to load the model once per process.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from communique.ingest.language import identify, not_english_reason
from communique.settings import Settings

SAMPLES = Path(__file__).with_name("language_samples.tsv")
EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
ENGLISH_EVAL_FILES = (
    "quotes/ggt-dev.jsonl", "quotes/polnear-dev.jsonl", "events/plover-gsr-dev.jsonl",
    "events/cameo-pentaclass-train.jsonl", "claims/uw-factuality-dev.jsonl",
)
MIN_RATIO = Settings().min_english_ratio


def _samples() -> list[tuple[str, str, str]]:
    rows = []
    for line in SAMPLES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            expected, label, text = line.split("\t")
            rows.append((expected, label, text.replace("\\n", "\n")))
    return rows


def test_language_samples_cover_many_languages_and_english_edge_cases() -> None:
    rows = _samples()
    foreign = {label.split("-")[0] for expected, label, _ in rows if expected == "xx"}
    assert sum(expected == "xx" for expected, _, _ in rows) >= 30 and len(foreign) >= 15
    assert sum(expected == "en" for expected, _, _ in rows) >= 15


@pytest.mark.parametrize(("expected", "label", "text"), _samples(), ids=[row[1] for row in _samples()])
def test_language_check_on_written_samples(expected: str, label: str, text: str) -> None:
    reason = not_english_reason(text, MIN_RATIO)
    if expected == "en":
        assert reason is None, f"{label}: {reason}"
    else:
        assert reason is not None and reason.startswith("not English"), label


def test_language_identifies_the_language_it_rejects() -> None:
    code, probability = identify("Die Regierung will die Gespräche mit der Opposition am Donnerstag fortsetzen.")
    assert code == "de" and probability > 0.9


def test_language_short_english_news_sentences_are_not_taken_for_pidgin() -> None:
    assert not_english_reason("Rebels reject the army's offer of talks in the capital.", MIN_RATIO) is None
    assert identify("Rebels reject the army's offer of talks in the capital.")[0] != "pcm"


def test_language_a_stricter_setting_rejects_more() -> None:
    names = "Erdogan meets Putin in Sochi\n\nRecep Tayyip Erdogan met Vladimir Putin in Sochi."
    assert identify(names)[0] != "en"  # names alone barely say anything: another language, weakly
    assert not_english_reason(names, MIN_RATIO) is None
    assert not_english_reason(names, 0.95) is not None
    assert not_english_reason("Los rebeldes tomaron la ciudad ayer.", 0.0) is None


def test_language_model_ships_with_the_package() -> None:
    import py3langid
    from py3langid.langid import MODEL_FILE

    assert (Path(py3langid.__file__).parent / MODEL_FILE).is_file()


def test_language_check_is_fast_on_an_article() -> None:
    text = " ".join(row[2] for row in _samples() if row[0] == "en") * 4
    identify("warm up")
    start = time.perf_counter()
    for _ in range(20):
        not_english_reason(text, MIN_RATIO)
    per_text = (time.perf_counter() - start) / 20
    assert per_text < 0.05, f"{per_text * 1000:.1f} ms for {len(text)} characters"


@pytest.mark.skipif(not EVAL.is_dir(), reason="evaluation data not present")
@pytest.mark.parametrize("name", ENGLISH_EVAL_FILES)
def test_language_no_english_evaluation_text_is_rejected(name: str) -> None:
    path = EVAL / name
    if not path.is_file():
        pytest.skip(f"{path} not present")
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rejected = [t[:60] for t in texts if not_english_reason(t[:20_000], MIN_RATIO)]
    assert rejected == []
