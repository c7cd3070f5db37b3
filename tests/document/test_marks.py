"""Quotation-mark pairing: every style, nesting, and odd or unbalanced marks never crash."""

from __future__ import annotations

import random

from communique.document.marks import find_quotes


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_marks_straight_double_quotes_pair():
    assert _texts('He said "we are ready," and left.') == ["we are ready,"]


def test_marks_curly_single_and_guillemets_pair():
    text = "\u201cCurly\u201d then \u2018single\u2019 then \u00abguillemet\u00bb"
    assert _texts(text) == ["Curly", "single", "guillemet"]


def test_marks_doubled_apostrophes_pair_as_one_mark():
    text = "''This isn't reform,'' said Mr. Burman. ''It is anti-reform.''"
    assert _texts(text) == ["This isn't reform,", "It is anti-reform."]


def test_marks_nested_single_quotes_stay_inside_the_double_quote():
    text = "\"When she hit me, I said, 'I'm going to walk through her,'\" Nunes said."
    assert _texts(text) == ["When she hit me, I said, 'I'm going to walk through her,'"]


def test_marks_apostrophes_and_plural_possessives_are_no_quotes():
    assert _texts("The students' union and Kim's aides met. It's late.") == []


def test_marks_unclosed_quote_continues_into_a_paragraph_that_reopens():
    text = '"The first paragraph of a long quote.\n\n"And the second," she said.'
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["The first paragraph of a long quote.", "And the second,"]
    assert quotes[0].continues and quotes[1].continued


def test_marks_unclosed_quote_runs_to_the_paragraph_end():
    assert _texts('He said "this was never closed\n\nNext paragraph.') == ["this was never closed"]


def test_marks_free_standing_stray_mark_is_dropped():
    assert _texts('A stray " mark and "a real quote" here') == ["a real quote"]


def test_marks_odd_and_random_marks_never_raise():
    rng = random.Random(7)
    alphabet = "ab \n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb`,."
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        for q in find_quotes(text):
            assert 0 <= q.start < q.end <= len(text)
