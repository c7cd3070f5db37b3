"""The events evaluations score by the README protocol (on tiny gold files we write here)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from communique.eval.events import run_pentaclass, run_plover, sentence_class

if TYPE_CHECKING:
    from pathlib import Path


def test_eval_sentence_class_uses_the_most_confident_events_cameo_root() -> None:
    assert sentence_class([]) == 0
    assert sentence_class([{"type": "RETREAT", "cameo": "0871", "confidence": 0.7}]) == 2
    assert sentence_class([{"type": "SANCTION", "cameo": "163", "confidence": 0.7}]) == 4
    assert sentence_class([{"type": "ACCUSE", "cameo": None, "confidence": 0.7}]) == 3
    both = [{"type": "AGREE", "cameo": "036", "confidence": 0.5}, {"type": "ASSAULT", "cameo": "190", "confidence": 0.8}]
    assert sentence_class(both) == 4


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_eval_plover_scores_types_actors_and_recipients(tmp_path: Path) -> None:
    _write(tmp_path / "events" / "plover-gsr-dev.jsonl", [
        {"id": "1", "date": "2024-05-01", "text": "Russian troops shelled the Ukrainian city of Kharkiv on Sunday.",
         "plover": "ASSAULT", "source": [{"code": "RUS"}], "target": [{"code": "UKR"}]},
        {"id": "2", "date": "2024-05-01", "text": "Kenya agreed to host new talks between the two governments.",
         "plover": "AGREE", "source": [{"code": "KEN"}], "target": ""},
    ])
    out = run_plover(tmp_path, errors=True)
    assert out["sentences"] == 2
    assert out["type_recall"] == 1.0 and out["type_precision"] == 1.0
    assert out["actor_recall"] == 1.0 and out["recipient_recall"] == 1.0
    assert out["events_per_sentence"] == 1.0
    assert out["confusion"]["ASSAULT"] == {"ASSAULT": 1}
    assert out["errors"] == []


def test_eval_pentaclass_reports_macro_f1_and_confusion(tmp_path: Path) -> None:
    _write(tmp_path / "events" / "cameo-pentaclass-train.jsonl", [
        {"text": "The weather in Paris was mild on Tuesday.", "pentaclass": 0},
        {"text": "Chile and Peru signed a fisheries agreement.", "pentaclass": 1},
        {"text": "Police arrested twelve protesters in Lima.", "pentaclass": 4},
    ])
    out = run_pentaclass(tmp_path)
    assert out["sentences"] == 3
    assert out["confusion_gold_rows_pred_cols"][0][0] == 1
    assert out["confusion_gold_rows_pred_cols"][4][4] == 1
    assert 0.0 <= out["macro_f1"] <= 1.0
