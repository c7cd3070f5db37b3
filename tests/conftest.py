"""Shared fixtures: a small wire story we wrote, analysed once per session with the real model."""

from __future__ import annotations

import pytest

from communique.records import Analysis, Article

STORY = """Qatar presses for Gaza pause as talks resume in Doha

DOHA, March 4 (Communique Wire) - Qatar on Tuesday called on Israel and Hamas to accept a six-week pause in the fighting, as negotiators returned to Doha for a new round of talks.

"We are closer than we have been in months," Majed al-Ansari, a spokesman for Qatar's foreign ministry, told reporters. "But closer is not there."

Israeli officials rejected the latest Hamas proposal on Monday, saying it did not guarantee the release of all hostages.

Egyptian Foreign Minister Badr Abdelatty said Cairo was "ready to host the next round" and urged both sides to show flexibility.
"""


@pytest.fixture(scope="session")
def story() -> Article:
    return Article(id="doha-talks", text=STORY, title="Qatar presses for Gaza pause as talks resume in Doha",
                   published="2025-03-04", outlet="Communique Wire", source="tests")


@pytest.fixture(scope="session")
def story_analysis(story: Article) -> Analysis:
    from communique.pipeline import analyze  # imported late: a broken stage must not break collection

    return analyze(story)
