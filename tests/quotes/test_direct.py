"""Direct quotes: each layout of cue and marks, split quotes, paragraphs, dashes."""

from __future__ import annotations

from tests.quotes.helpers import quote_with, speaker_name


def test_direct_quote_then_said_name(analyse):
    a = analyse('"We are closer than ever," said Majed al-Ansari, a spokesman for the foreign ministry.')
    q = quote_with(a, "We are closer than ever")
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text == "said"
    assert speaker_name(a, q) == "Majed al-Ansari"
    assert q.text == "We are closer than ever,"


def test_direct_quote_then_name_said(analyse):
    a = analyse('"The talks will resume on Monday," Lavrov said.')
    q = quote_with(a, "talks will resume")
    assert q.kind == "direct" and speaker_name(a, q) == "Lavrov"


def test_direct_name_said_colon_quote(analyse):
    a = analyse('Turkish President Recep Tayyip Erdogan said: "We will not allow a terror corridor on our border."')
    q = quote_with(a, "terror corridor")
    assert q.kind == "direct" and speaker_name(a, q) == "Recep Tayyip Erdogan"


def test_direct_name_said_comma_quote(analyse):
    a = analyse('Antony Blinken told reporters in Doha, "A deal is within reach if both sides want it."')
    q = quote_with(a, "within reach")
    assert q.kind == "direct" and speaker_name(a, q) == "Antony Blinken"
    assert q.cue is not None and q.cue.text == "told"


def test_direct_split_quote_second_part_inherits_the_speaker(analyse):
    a = analyse('"We are ready to talk," Maria Zakharova said. "But the West is not."')
    first = quote_with(a, "ready to talk")
    second = quote_with(a, "the West is not")
    assert speaker_name(a, first) == "Maria Zakharova"
    assert second.speaker == first.speaker
    assert second.speaker_mention is None


def test_direct_quote_spanning_paragraphs_keeps_its_speaker(analyse):
    text = (
        'Hamas leader Khalil al-Hayya said the group would study the proposal.\n\n'
        '"We have received the paper and we will answer it soon.\n\n'
        '"Our answer will depend on guarantees," al-Hayya said in a televised address.'
    )
    a = analyse(text)
    first = quote_with(a, "received the paper")
    second = quote_with(a, "depend on guarantees")
    assert speaker_name(a, second) == "Khalil al-Hayya"
    assert first.speaker == second.speaker


def test_direct_quote_led_dash_names_the_speaker(analyse):
    a = analyse("\u201cPeace is not negotiable with those who bomb hospitals.\u201d \u2014 Volodymyr Zelensky")
    q = quote_with(a, "Peace is not negotiable")
    assert speaker_name(a, q) == "Volodymyr Zelensky"


def test_direct_guillemets_and_curly_marks_work_alike(analyse):
    a = analyse("\u00abWe reject these accusations,\u00bb said Dmitry Peskov. \u201cThey are absurd,\u201d he added.")
    assert speaker_name(a, quote_with(a, "We reject these accusations")) == "Dmitry Peskov"
    assert speaker_name(a, quote_with(a, "They are absurd")) == "Dmitry Peskov"


def test_direct_unbalanced_marks_keep_the_sound_quotes(analyse):
    text = 'He spoke of a " crisis.\n\n"We need a ceasefire now," said Antonio Guterres.'
    a = analyse(text)
    q = quote_with(a, "We need a ceasefire now")
    assert speaker_name(a, q) == "Antonio Guterres"


def test_direct_quotes_by_i_or_we_are_left_out(analyse):
    a = analyse('"It was a long night," I said.')
    assert not a.quotes


def test_direct_cue_with_its_own_clause_after_a_closed_quote_is_not_its_cue(analyse):
    a = analyse(
        "The memo called the plan ''a costly mistake.'' The council said it would vote on the budget next week."
    )
    q = quote_with(a, "it would vote on the budget")
    assert q.kind == "indirect"
    assert speaker_name(a, q) == "council"
