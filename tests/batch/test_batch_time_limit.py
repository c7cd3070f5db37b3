"""The per-article time limit (setting article_timeout) holds inside a batch partition: the slow
article becomes an error row naming it, the others of the partition are analysed."""

from __future__ import annotations

from communique.batch.tables import ErrorRow
from communique.batch.work import analyze_items, warm
from communique.records import Analysis, Article

PARAGRAPH = ("KHARTOUM, May 4 (Communique Wire) - The army said on Sunday it had repelled an attack on the "
             "city, and a spokesman for the mediators said both delegations would meet again next week. ")


def test_batch_partition_turns_a_slow_article_into_its_error_row() -> None:
    # about 550,000 characters: tens of seconds of parsing on any machine, so a limit of half a second
    # stops it wherever the test runs (a limit near the real analysis time made the test pass or fail
    # with the machine's speed); the one-paragraph story takes a few hundredths of a second
    slow = Article(id="slow-story", text=PARAGRAPH * 3000, published="2025-05-04")
    quick = Article(id="quick-story", text=PARAGRAPH, published="2025-05-04")
    warm()  # as a worker's start does: the stages' data files load outside any article's time
    out = analyze_items([slow, quick], "", 0.5)
    assert isinstance(out[0], ErrorRow)
    assert out[0].id == "slow-story" and "article_timeout" in out[0].reason
    assert isinstance(out[1], Analysis) and out[1].article.id == "quick-story"


def test_batch_partition_without_a_limit_analyses_every_article() -> None:
    stories = [Article(id=f"story-{i}", text=PARAGRAPH, published="2025-05-04") for i in range(3)]
    out = analyze_items(stories, "", None)
    assert [type(r) for r in out] == [Analysis] * 3
