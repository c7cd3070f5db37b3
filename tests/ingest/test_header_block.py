"""A scraped header block (headline, standfirst, repeated headline, caption, byline, stamp, player
time, each on its own line with no blank line between) is judged line by line before lines are
joined into paragraphs; the date of its stamp is read before the stamp is dropped."""

from __future__ import annotations

import pytest

from communique.ingest import article_from_text
from communique.ingest.cleanup import clean_text, is_doubled_caption, is_lone_name, is_time_stamp

BODY = (
    "Officials at the port said the first ships would leave on Wednesday, weather permitting.\n\n"
    '"We have waited months for this," a harbour pilot told reporters on the quay.\n'
)

HEADERS = [
    (  # the layout: headline, standfirst, headline again, doubled caption, name, bare stamp, player
        "Grain corridor opens at last\n"
        "Cargo ships left the harbour under naval escort as the blockade eased\n"
        "Grain corridor opens at last\n"
        "A tug guides a freighter out of the harbour on Tuesday. A tug guides a freighter out of the harbour "
        "on Tuesday. (Omar Haddad/Meridian Photo)Omar Haddad/Meridian Photo\n"
        "Omar Haddad\n"
        "Updated:\n"
        "0:00\n\n",
        "Cargo ships left the harbour under naval escort as the blockade eased",
        ["repeated_headline", "photo_caption", "byline", "updated_line", "media_timestamp"],
    ),
    (  # a dated stamp right under the standfirst, then the player's time
        "Border crossing reopens\n"
        "Trucks queued for miles while guards checked their papers\n"
        "Border crossing reopens\n"
        "Lena Okoro\n"
        "Updated: 4 March 2025 09:10 GMT\n"
        "1:45\n\n",
        "Trucks queued for miles while guards checked their papers",
        ["repeated_headline", "byline", "updated_line", "media_timestamp"],
    ),
    (  # caption straight after the standfirst, a bare "Last updated:", a name between captions
        "Rival factions sign truce in capital\n"
        "The deal follows three weeks of street fighting in the north of the city\n"
        "Fighters lay down arms at a checkpoint on Sunday. Fighters lay down arms at a checkpoint on Sunday. "
        "(Priya Menon/Coast Agency)Priya Menon/Coast Agency\n"
        "Priya Menon\n"
        "Last updated:\n"
        "0:00\n"
        "Rival factions sign truce in capital\n\n",
        "The deal follows three weeks of street fighting in the north of the city",
        ["photo_caption", "byline", "updated_line", "media_timestamp", "repeated_headline"],
    ),
]


@pytest.mark.parametrize(("header", "standfirst", "reasons"), HEADERS)
def test_header_block_lines_are_judged_one_by_one(header: str, standfirst: str, reasons: list[str]) -> None:
    raw = header + BODY
    cleaned = clean_text(raw, take_title=True)
    assert [r.reason for r in cleaned.removed] == reasons
    for r in cleaned.removed:
        assert raw[r.start:r.end] == r.text
    assert cleaned.text.split("\n\n")[0] == standfirst
    assert cleaned.text.endswith("a harbour pilot told reporters on the quay.")


@pytest.mark.parametrize(("header", "published", "source"), [
    (HEADERS[1][0], "2025-03-04", "updated_line"),
    ("Envoys meet in Oslo\nTalks on the prisoner swap moved ahead on Monday\nPublished: 10 June 2024 08:00 BST\n"
     "Updated: 11 June 2024 17:30 BST\n\n", "2024-06-10", "published_line"),
    ("Envoys meet in Oslo\nTalks on the prisoner swap moved ahead on Monday\nBy Ana Duarte\nJune 10, 2024\n\n",
     "2024-06-10", "byline_date"),
    ("Envoys meet in Oslo\nTalks on the prisoner swap moved ahead on Monday\nAna Duarte\nMonday 10 June 2024\n\n",
     "2024-06-10", "byline_date"),
    ("Envoys meet in Oslo\nUpdated: 11 June 2024\n\nOSLO, June 10 (Communique Wire) - Envoys met again.\n\n",
     "2024-06-10", "dateline"),
])
def test_stamps_are_read_before_clean_up_drops_them(header: str, published: str, source: str) -> None:
    article = article_from_text(header + BODY, id="a1")
    assert (article.published, article.published_from) == (published, source)
    assert "Updated" not in article.text and "Published" not in article.text


def test_date_under_a_byline_is_removed_and_the_name_is_an_author() -> None:
    article = article_from_text(
        "Envoys meet in Oslo\nTalks on the prisoner swap moved ahead on Monday\nAna Duarte\nMonday 10 June 2024\n\n" + BODY,
        id="a1")
    assert [r.reason for r in article.removed] == ["byline", "date_line"]
    assert article.authors == ("Ana Duarte",)


def test_given_publication_date_wins_over_the_stamp() -> None:
    article = article_from_text(HEADERS[1][0] + BODY, id="a1", published="2025-03-05")
    assert (article.published, article.published_from) == ("2025-03-05", "input")


@pytest.mark.parametrize(("line", "expected"), [
    ("Updated:", True), ("Last updated:", True), ("Published", True), ("Updated figures", False),
])
def test_a_bare_stamp_label_is_a_time_stamp(line: str, expected: bool) -> None:
    assert is_time_stamp(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Boats wait at the pier. Boats wait at the pier. (Ana Duarte/Harbour Photo)Ana Duarte/Harbour Photo", True),
    ("Smoke over the ridge at dawn. Smoke over the ridge at dawn.", True),
    ("A medic treats a child in the camp. (Sam Obi/Field Pictures)Sam Obi/Field Pictures", True),
    ("The envoy (a former general) spoke first. The talks then began.", False),
])
def test_doubled_caption(line: str, expected: bool) -> None:
    assert is_doubled_caption(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Omar Haddad", True), ("Ursula von der Leyen", True), ("Lena O'Brien", True),
    ("Border crossing reopens", False), ("March Madness", False), ("The talks resumed.", False),
])
def test_lone_name(line: str, expected: bool) -> None:
    assert is_lone_name(line) is expected


def test_a_lone_name_without_furniture_beside_it_stays() -> None:
    raw = "Grain corridor opens\nOmar Haddad\n\n" + BODY
    assert "Omar Haddad" in clean_text(raw, take_title=True).text
