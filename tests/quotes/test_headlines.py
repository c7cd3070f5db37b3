"""Labels that speak: a headline's "Name: statement" and a transcript's "NAME: words"."""

from __future__ import annotations

from tests.quotes.helpers import quote_with, speaker_name


def test_headline_name_colon_statement_is_an_attribution(analyse):
    a = analyse(
        "Okonjo-Iweala: Trade rules need to change before the summit.\n\n"
        "Ngozi Okonjo-Iweala said on Monday that the organisation would publish proposals."
    )
    q = quote_with(a, "Trade rules need to change")
    assert q.cue is not None and q.cue.text == ":"
    assert q.speaker is not None


def test_headline_label_lines_are_no_attributions(analyse):
    a = analyse("WATCH: Firefighters battle the blaze near the highway.\n\nThe fire started on Sunday.")
    assert not any("Firefighters battle" in q.text for q in a.quotes)


def test_headline_transcript_label_inside_a_quote_is_the_speaker(analyse):
    a = analyse(
        "Senator Maria Okafor and moderator Dan Reilly clashed over the budget.\n\n"
        "\"OKAFOR: Well, look, the budget has to be balanced before we talk about new spending.\"\n\n"
        "\"REILLY: Senator, we are out of time.\""
    )
    q = quote_with(a, "the budget has to be balanced")
    assert q.text.startswith("Well, look")
    assert (speaker_name(a, q) or "").endswith("Maria Okafor")
    assert q.cue is not None and q.cue.text == ":"
