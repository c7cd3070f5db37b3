"""Embedded social-media posts are their author's direct quotes."""

from __future__ import annotations

from tests.quotes.helpers import quote_with


def test_post_embedded_is_its_author_s_direct_quote(analyse):
    a = analyse(
        "Crews worked through the night.\n\n"
        "Friday's storm was one of the worst we have seen in a decade. Some areas will be dark for days. "
        "#IslandStorm pic.twitter.com/AbC123xYz — Harbour Power (@harbourpower) March 2, 2019\n\n"
        "Repairs continue."
    )
    q = quote_with(a, "one of the worst we have seen")
    assert q.kind == "direct" and q.text.endswith("dark for days.")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Harbour Power"
