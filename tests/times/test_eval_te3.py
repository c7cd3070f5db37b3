"""The TE3 evaluation: TimeML parsing and the relaxed-overlap / exact-value scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.errors import EvalDataMissing
from communique.eval.times import parse_tml, run_te3, score_doc

TML = """<?xml version="1.0" ?><TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>
The envoy <EVENT eid="e1" class="OCCURRENCE">left</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> &amp; returns <TIMEX3 tid="t2" type="DATE" value="2013-W13">next week</TIMEX3>.
</TEXT>
</TimeML>"""


def test_parse_tml_strips_tags_and_keeps_gold_offsets():
    doc = parse_tml(TML, "toy")
    assert doc.dct == "2013-03-22"
    assert [(doc.text[g.start:g.end], g.value) for g in doc.timexes] == [("Thursday", "2013-03-21"), ("next week", "2013-W13")]
    assert "&" in doc.text and "<" not in doc.text


def test_score_doc_counts_overlap_as_found_and_exact_value_as_right():
    doc = parse_tml(TML, "toy")
    t1, t2 = doc.timexes
    predicted = [
        {"start": t1.start - 3, "end": t1.end, "text": "on Thursday", "value": "2013-03-21"},
        {"start": t2.start, "end": t2.end, "text": "next week", "value": "2013-W12"},
        {"start": 0, "end": 3, "text": "The", "value": "PRESENT_REF"},
    ]
    found, right, n, errors = score_doc(doc, predicted)
    assert (found, right, n) == (2, 1, 3)
    assert sorted(e["error"] for e in errors) == ["spurious", "value"]


def test_run_te3_without_its_folder_says_so(tmp_path: Path):
    with pytest.raises(EvalDataMissing):
        run_te3(tmp_path)
