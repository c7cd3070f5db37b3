"""publication_date: the common forms of date line in an article's head, with and without a year,
and which kind of line gave the publication date."""

from __future__ import annotations

import pytest

from communique.times.dateline import Found, date_lines, is_date_line, publication_date


@pytest.mark.parametrize(("text", "expected"), [
    ("KYIV, Ukraine, March 3, 2025 (AP) — Ukraine said on Monday that talks would resume.", "2025-03-03"),
    ("NAIROBI, Kenya, 14 June 2024 (Communique Wire) - Election officials began the count.", "2024-06-14"),
    ("BOGOTA, Colombia, Jan. 9, 2026 (Reuters) - Rebels freed two hostages.", "2026-01-09"),
])
def test_wire_dateline_with_a_year(text, expected):
    assert publication_date(text) == Found(expected, "dateline")


@pytest.mark.parametrize(("text", "expected"), [
    ("SRINAGAR/ISLAMABAD, October 1, 2026 — Both armies reported shelling overnight.", "2026-10-01"),
    ("BEIRUT/JERUSALEM, 5 August 2024 - Mediators shuttled between the two capitals.", "2024-08-05"),
    ("KYIV/MOSCOW, Feb. 24, 2025 (Reuters) - Both sides claimed gains.", "2025-02-24"),
])
def test_city_slash_city_dateline(text, expected):
    assert publication_date(text) == Found(expected, "dateline")


@pytest.mark.parametrize(("text", "expected"), [
    ("Updated: 4 March 2025\n\nLONDON, March 3 (Reuters) - Britain summoned the envoy.", "2025-03-03"),
    ("DAKAR, 12 May (AFP) - The junta lifted the curfew.\nLast modified: May 12, 2025 18:00", "2025-05-12"),
    ("Updated: January 2, 2026\n\nMANILA, Dec. 31 (Communique Wire) - Troops were put on alert.", "2025-12-31"),
])
def test_wire_dateline_without_a_year_takes_it_from_another_date_line(text, expected):
    assert publication_date(text) == Found(expected, "dateline")


@pytest.mark.parametrize("text", [
    "LONDON, March 3 (Reuters) - Britain summoned the envoy.",
    "DAKAR, 12 May (AFP) - The junta lifted the curfew.",
    "Curfew lifted\nMonday 3 March\n\nThe junta lifted the curfew on Monday.",
])
def test_a_date_without_a_year_and_no_other_date_line_gives_no_date(text):
    assert publication_date(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Talks resume\nPublished 3 March 2025\n\nEnvoys met in Doha.", "2025-03-03"),
    ("Talks resume\nPublished: 14 June 2024 10:12 BST\n\nEnvoys met in Doha.", "2024-06-14"),
    ("Talks resume\nPosted on Jan. 9, 2026\n\nEnvoys met in Doha.", "2026-01-09"),
])
def test_published_line(text, expected):
    assert publication_date(text) == Found(expected, "published_line")


@pytest.mark.parametrize(("text", "expected"), [
    ("Talks resume\n3 March 2025 14:05 GMT\n\nEnvoys met in Doha.", "2025-03-03"),
    ("Talks resume\n14 June 2024 08:30 BST\n\nEnvoys met in Doha.", "2024-06-14"),
    ("Talks resume\nJanuary 9, 2026 9:15 a.m. ET\n\nEnvoys met in Doha.", "2026-01-09"),
])
def test_broadcaster_date_and_time_line(text, expected):
    assert publication_date(text) == Found(expected, "date_line")


@pytest.mark.parametrize(("text", "expected"), [
    ("Talks resume\nMonday 3 March 2025\n\nEnvoys met in Doha.", "2025-03-03"),
    ("Talks resume\nFriday, 14 June 2024\n\nEnvoys met in Doha.", "2024-06-14"),
    ("Talks resume\nThu 8 Jan 2026\n\nEnvoys met in Doha.", "2026-01-08"),
])
def test_newspaper_weekday_date_line(text, expected):
    assert publication_date(text) == Found(expected, "date_line")


@pytest.mark.parametrize(("text", "expected"), [
    ("Talks resume\nMonday 3 March\nUpdated: 4 March 2025\n\nEnvoys met.", Found("2025-03-03", "date_line")),
    ("Talks resume\nPublished 3 March 14:05\nUpdated 5 March 2025\n\nEnvoys met.", Found("2025-03-03", "published_line")),
    ("Talks resume\n14 June\nLast modified: 15 June 2024\n\nEnvoys met.", Found("2024-06-14", "date_line")),
])
def test_yearless_stamps_and_date_lines_take_the_year_of_the_updated_line(text, expected):
    assert publication_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Published: 5 March 2025\nPosted: 3 March 2025\nUpdated: 7 March 2025\n\nEnvoys met.", Found("2025-03-03", "published_line")),
    ("Updated: 7 March 2025\nUpdated: 6 March 2025\n\nEnvoys met.", Found("2025-03-06", "updated_line")),
    ("Last updated on Monday, June 17, 2024\nPublished June 14, 2024\n\nEnvoys met.", Found("2024-06-14", "published_line")),
])
def test_earliest_published_line_wins_and_updated_only_without_one(text, expected):
    assert publication_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Talks resume\nJane Roe\nMarch 4, 2025\n\nEnvoys met.", "2025-03-04"),
    ("Talks resume\nBy Omar Haddad\nTuesday 4 March 2025\n\nEnvoys met.", "2025-03-04"),
    ("Talks resume\nLena Okoro, Morning Desk producer\n14 June 2024 08:30 BST\n\nEnvoys met.", "2024-06-14"),
])
def test_a_date_line_under_a_byline(text, expected):
    lines = text.split("\n")
    start = len(lines[0]) + 1
    byline = (start, start + len(lines[1]))
    assert publication_date(text, bylines=[byline]) == Found(expected, "byline_date")


def test_date_lines_report_kind_and_offsets():
    text = "Talks resume\nUpdated: 4 March 2025\n\nLONDON, March 3 (Reuters) - Britain summoned the envoy."
    found = date_lines(text)
    assert [(x.kind, text[x.start:x.end][:10], x.year) for x in found] == [
        ("updated_line", "Updated: 4", 2025), ("dateline", "LONDON, Ma", None)]


@pytest.mark.parametrize(("line", "expected"), [
    ("Tuesday 4 March 2025 09:10 GMT", True),
    ("June 14, 2024", True),
    ("3 March", True),
    ("On 3 March 2025 the talks resumed.", False),
    ("March madness", False),
    ("Updated: 4 March 2025", False),
])
def test_is_date_line(line, expected):
    assert is_date_line(line) is expected


def test_a_byline_with_trailing_blanks_still_dates_the_line_under_it():
    text = "Talks resume\nBy Omar Haddad   \nTuesday 4 March 2025\n\nEnvoys met."
    start = text.index("By")
    assert publication_date(text, bylines=[(start, start + len("By Omar Haddad"))]) == Found("2025-03-04", "byline_date")


@pytest.mark.parametrize(("text", "expected"), [
    ("Talks resume\nMonday 3 March 2025 - 09:45\n\nEnvoys met in Doha.", "2025-03-03"),
    ("Talks resume\nFriday, 14 June 2024 – 18:20\n\nEnvoys met in Doha.", "2024-06-14"),
    ("Talks resume\n8 Jan 2026 | 07:05\n\nEnvoys met in Doha.", "2026-01-08"),
])
def test_a_date_line_with_a_dashed_clock_time(text, expected):
    found = publication_date(text)
    assert found is not None and found.date == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Army shells border posts\n\nBy Staff Reporters in Quetta (Frontier Daily) Updated: 2014-03-03 08:27\n\nThe army said ...", "2014-03-03"),
    ("Aid convoy reaches town\n\nBy Lina Haddad, Wire Services Updated March 4, 2025 10:12 GMT\n\nThe convoy ...", "2025-03-04"),
    ("Truce holds\n\nBy Omar Nasser Published: 12 May 2024\n\nThe truce held ...", "2024-05-12"),
])
def test_a_dated_label_after_a_byline_on_the_same_line(text, expected):
    found = publication_date(text)
    assert found is not None and found.date == expected
