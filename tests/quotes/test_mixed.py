"""Mixed quotes: reported clauses with a quoted fragment, and labels in quotation marks."""

from __future__ import annotations

from tests.quotes.helpers import quote_with, speaker_name


def test_mixed_clause_with_a_quoted_fragment(analyse):
    a = analyse('Lavrov said Moscow was "open to dialogue" with Washington.')
    q = quote_with(a, "open to dialogue")
    assert q.kind == "mixed"
    assert q.text.startswith("Moscow was")
    assert speaker_name(a, q) == "Lavrov"


def test_mixed_fragment_before_the_cue(analyse):
    a = analyse('Her time in office has been "life-changing and heartbreaking," Jacinda Ardern said.')
    q = quote_with(a, "life-changing")
    assert q.kind == "mixed"
    assert q.text.startswith("Her time")


def test_mixed_label_with_a_call_verb(analyse):
    a = analyse('Iran\'s foreign ministry dismissed the report. Tehran called the accusation "absurd".')
    q = quote_with(a, "absurd")
    assert q.kind == "mixed"
    assert speaker_name(a, q) == "Iran"
