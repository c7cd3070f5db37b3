"""published_from_dateline: the publication date stated in a plain-text article's opening lines."""

from __future__ import annotations

import pytest

from communique.times import published_from_dateline
from communique.times.dateline import CREDITED_DATELINE, DATELINE


@pytest.mark.parametrize(("text", "expected"), [
    ("KYIV, March 3, 2025 (Reuters) - Ukraine said on Monday that talks would resume.", "2025-03-03"),
    ("GENEVA, 3 March 2025 - Envoys met again.", "2025-03-03"),
    ("Ceasefire holds\nPublished: 3 March 2025\nThe truce held overnight.", "2025-03-03"),
    ("Updated: March 13, 2025 14:05 GMT\nTalks resumed.", "2025-03-13"),
    ("Talks resume\nMonday, March 10, 2025\nEnvoys met in Doha.", "2025-03-10"),
    ("Posted on 2024-11-05\nVoters went to the polls.", "2024-11-05"),
])
def test_dateline_gives_the_publication_date(text, expected):
    assert published_from_dateline(text) == expected


@pytest.mark.parametrize("text", [
    "WASHINGTON (AP) — The Senate voted on Tuesday to extend the ceasefire.",
    "KYIV, March 3 (Reuters) - Ukraine said talks would resume.",
    "The war began on Feb. 24, 2022, when Russian troops crossed the border.",
    "",
])
def test_dateline_without_a_full_date_gives_none(text):
    assert published_from_dateline(text) is None


def test_dateline_ignores_a_date_line_deep_in_the_body():
    body = "Envoys met again in Doha.\n\n" + "The talks went on. " * 60 + "\nMarch 3, 2025\n"
    assert published_from_dateline(body) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Talks resume\nUpdated 2:14 PM EST, March 3, 2025\nEnvoys met.", "2025-03-03"),
    ("Talks resume\nMarch 3, 2025 at 10:00 a.m. EST\nEnvoys met.", "2025-03-03"),
])
def test_dateline_with_a_clock_time_around_the_date(text, expected):
    assert published_from_dateline(text) == expected


def test_dateline_other_labelled_layouts_are_read_as_absolute_dates():
    assert published_from_dateline("Talks resume\nPublished: 03.03.2025\nEnvoys met.") == "2025-03-03"
    assert published_from_dateline("Talks resume\nPosted: 3rd Mar 2025 10:00\nEnvoys met.") == "2025-03-03"


def test_dateline_relative_labels_never_become_the_date_of_the_run():
    assert published_from_dateline("Talks resume\nUpdated: 2 hours ago\nEnvoys met.") is None
    assert published_from_dateline("Talks resume\nPublished: today\nEnvoys met.") is None


def test_dateline_abbreviated_weekday_line_with_a_clock_time():
    assert published_from_dateline("Mon 3 Mar 2025 10.00 GMT\n\nThe talks resumed.") == "2025-03-03"


def test_dateline_press_release_source_between_slashes():
    assert published_from_dateline("LONDON, 3 March 2025 /PRNewswire/ -- The company said") == "2025-03-03"


def test_dateline_last_modified_label():
    assert published_from_dateline("Last Modified: Mar 3, 2025\n\nThe talks resumed.") == "2025-03-03"


def test_dateline_shapes_are_defined_once_for_every_stage() -> None:
    assert DATELINE.match("MARIUPOL, May 2 (Communique Wire) - Evacuations resumed on Friday.")
    assert not DATELINE.match("Mariupol, May 2 (Communique Wire) - Evacuations resumed on Friday.")
    assert CREDITED_DATELINE.match("Mariupol, May 2 (Communique Wire) - Evacuations resumed on Friday.")
    assert not CREDITED_DATELINE.match("Evacuations resume in Mariupol - officials")
