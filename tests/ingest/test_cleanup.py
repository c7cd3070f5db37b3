"""Boilerplate clean-up: each rule removes its furniture, reports it, and never an article sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.ingest.cleanup import (
    authors_from_byline,
    clean_text,
    is_byline,
    is_time_stamp,
    load_rules,
    looks_like_title,
)

SENTENCES = [
    "DOHA, March 3 (Communique Wire) - Negotiators returned to Doha on Monday, Qatari officials said.",
    '"We are closer than we have been in months," the mediator told reporters.',
    "By Tuesday, the troops had withdrawn from the town, the army said.",
    "Updated figures from the health ministry show 40 people were killed.",
    "Published reports said the envoy would travel to Cairo on Wednesday.",
    "Photographs shared by residents showed smoke over the port.",
    "Follow-up talks are expected in Geneva next week.",
    "Share prices in Moscow fell after the announcement.",
    "Subscribers to the state news agency received the statement first.",
    "The minister said the video, which lasted 1:32, had been verified.",
    "Read the full statement, the spokesman told journalists, and judge for yourselves.",
    "Advertisement boards in Kyiv carried the president's message.",
    "Getty Images and Reuters photographers were barred from the briefing, the union said.",
    "Reporters Without Borders condemned the arrests.",
    "Copyright lawyers said the ruling would be appealed.",
]


def _check_sentences_kept(text: str) -> None:
    for sentence in SENTENCES:
        assert sentence in text, sentence


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Ceasefire talks resume in Doha", "repeated_headline"),
        ("CEASEFIRE TALKS RESUME IN DOHA", "repeated_headline"),
        ("Photo: Reuters/Ibraheem Abu Mustafa", "photo_credit"),
        ("(AFP via Getty Images)", "photo_credit"),
        ("John Smith/Reuters", "photo_credit"),
        ("Reuters/John Smith", "photo_credit"),
        ("© Reuters", "photo_credit"),
        ("Smoke rises over Khan Younis on Sunday. (AFP via Getty Images)", "photo_caption"),
        ("Smoke rises over Khan Younis on Sunday. (Photo by John Smith/Anadolu)", "photo_caption"),
        ("Photo: Firefighters work at the damaged grain terminal in Odesa on March 13, 2025.", "photo_caption"),
        ("Image caption Residents queue for water in Rafah", "photo_caption"),
        ("Ukrainian soldiers near Bakhmut. John Smith / Getty Images", "photo_caption"),
        ("WATCH: Zelensky addresses parliament", "media_player"),
        ("By Jane Doe and Ali Hassan, Communique Wire", "byline"),
        ("BY JANE DOE", "byline"),
        ("Reporting by Jane Doe; Editing by Ali Hassan", "byline"),
        ("Updated: March 3, 2025 10:42 GMT", "updated_line"),
        ("Published: 03/03/2025 | Updated: 04/03/2025", "updated_line"),
        ("Published 3 hours ago", "updated_line"),
        ("Last updated on Monday, March 3, 2025 at 9:15 a.m. ET", "updated_line"),
        ("0:00", "media_timestamp"),
        ("1:32 / 3:05", "media_timestamp"),
        ("Share this article", "share_line"),
        ("Subscribe to our newsletter", "share_line"),
        ("Sign up for our daily briefing", "share_line"),
        ("Follow us on X", "share_line"),
        ("Follow Communique Wire on Telegram", "share_line"),
        ("Read more: Talks collapse in Cairo", "read_more"),
        ("READ MORE", "read_more"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("© 2026 Meridian News. All rights reserved.", "copyright"),
        ("Copyright 2025 Communique Wire", "copyright"),
    ],
)
def test_cleanup_rule_removes_furniture_line_and_keeps_article_sentences(line: str, reason: str) -> None:
    raw = "\n\n".join([SENTENCES[0], line, *SENTENCES[1:]])
    cleaned = clean_text(raw, title="Ceasefire talks resume in Doha")
    assert [(r.reason, r.text) for r in cleaned.removed] == [(reason, line)]
    removal = cleaned.removed[0]
    assert raw[removal.start:removal.end] == line
    assert line not in cleaned.text.split("\n\n")
    _check_sentences_kept(cleaned.text)


def test_cleanup_of_clean_article_removes_nothing() -> None:
    raw = "\n\n".join(SENTENCES)
    cleaned = clean_text(raw, title="Ceasefire talks resume in Doha", take_title=True)
    assert cleaned.removed == ()
    assert cleaned.text == raw


def test_cleanup_of_scraped_text_reports_every_removal_with_raw_offsets() -> None:
    raw = (
        "Ceasefire talks resume in Doha\r\n"
        "Ceasefire talks resume in Doha\r\n"
        "By Jane Doe and Ali Hassan, Communique Wire\r\n"
        "Updated: March 3, 2025 10:42 GMT\r\n\r\n"
        f"{SENTENCES[0]}\r\n\r\n"
        "Photo: Reuters/Ibraheem Abu Mustafa\r\n"
        "0:00\r\n"
        f"{SENTENCES[1]}\r\n"
        "Share this article\r\n\r\n"
        f"{SENTENCES[2]}\r\n"
    )
    cleaned = clean_text(raw, take_title=True)
    assert cleaned.title == "Ceasefire talks resume in Doha"
    assert [r.reason for r in cleaned.removed] == [
        "repeated_headline", "byline", "updated_line", "photo_credit", "media_timestamp", "share_line",
    ]
    for r in cleaned.removed:
        assert raw[r.start:r.end] == r.text
    assert cleaned.text == "\n\n".join(SENTENCES[:3])


def test_cleanup_never_removes_the_continuation_of_a_wrapped_sentence() -> None:
    raw = (
        "Support for the deal has fallen to 38 percent, according to a\n"
        "Reuters/Ipsos poll.\n\n"
        "The talks resume on Monday in Geneva, the envoy said.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.removed == ()
    assert cleaned.text == (
        "Support for the deal has fallen to 38 percent, according to a Reuters/Ipsos poll."
        "\n\nThe talks resume on Monday in Geneva, the envoy said."
    )


def test_cleanup_truncates_long_text_at_a_paragraph_break() -> None:
    paragraphs = [f"Paragraph {i} says the talks went on for another day in the city." for i in range(40)]
    raw = "\n\n".join(paragraphs)
    cleaned = clean_text(raw, max_chars=1000)
    assert len(cleaned.text) <= 1000
    assert cleaned.text.endswith("in the city.")
    assert raw.startswith(cleaned.text)
    [trunc] = cleaned.removed
    assert trunc.reason == "truncated" and trunc.end == len(raw)
    assert raw[trunc.start:].startswith(paragraphs[len(cleaned.text.split("\n\n"))])


def test_cleanup_keeps_headings_of_extractor_output_as_own_paragraphs() -> None:
    raw = "What happens next\nThe envoy will return to the region on Friday, officials said."
    cleaned = clean_text(raw, join_wrapped=False)
    assert cleaned.text == "What happens next\n\nThe envoy will return to the region on Friday, officials said."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe and Ali Hassan, Communique Wire", True),
        ("By Jane Doe in Kyiv", True),
        ("By Tuesday, the troops had withdrawn.", False),
        ("By the end of the week, talks had collapsed", False),
        ("By contrast, Moscow said nothing", False),
    ],
)
def test_byline_detection(line: str, expected: bool) -> None:
    assert is_byline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated: March 3, 2025 10:42 GMT", True),
        ("Posted 2025-03-03T10:42:00Z", True),
        ("Updated figures show 40 dead", False),
        ("Published reports said so", False),
    ],
)
def test_time_stamp_detection(line: str, expected: bool) -> None:
    assert is_time_stamp(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ceasefire talks resume in Doha", True),
        ("Iran rejects new UN nuclear proposal as 'unacceptable'", True),
        ("Will the truce hold?", True),
        ("China stages live-fire drills around Taiwan after Lai transit through U.S.", True),
        ("DOHA, March 3 (Reuters) - Negotiators returned on Monday.", False),
        ("The talks resumed on Monday.", False),
        ("By Jane Doe", False),
        ("Advertisement", False),
    ],
)
def test_first_line_title_detection(line: str, expected: bool) -> None:
    assert looks_like_title(line) is expected


def test_packaged_boilerplate_rules_load_and_compile() -> None:
    rules = load_rules()
    assert len(rules) >= 15
    assert {r.reason for r in rules} >= {"photo_credit", "photo_caption", "media_timestamp", "media_player",
                                          "share_line", "read_more", "advertisement", "byline"}


def test_rules_file_with_a_bad_line_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "rules.tsv"
    bad.write_text("# header\nshare_line\t60\t(unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match="rules.tsv:2"):
        load_rules(bad)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe and Ali Hassan, Communique Wire", ["Jane Doe", "Ali Hassan"]),
        ("By JANE DOE and ALI HASSAN", ["Jane Doe", "Ali Hassan"]),
        ("By Jane Doe in Kyiv", ["Jane Doe"]),
        ("By Aamir Rashid, Priya Menon and Thant Zin, Communique Wire", ["Aamir Rashid", "Priya Menon", "Thant Zin"]),
        ("Tomas Ferreira, The Associated Press", ["Tomas Ferreira"]),
        ("Reporting by Jane Doe; Editing by Ali Hassan", ["Jane Doe", "Ali Hassan"]),
        ("By Reuters", []),
        ("By Tuesday, the troops had withdrawn.", []),
    ],
)
def test_authors_are_read_from_bylines(line: str, names: list[str]) -> None:
    assert authors_from_byline(line) == names


def test_cleanup_word_lists_load_from_data() -> None:
    from communique import data

    assert {"al-", "von", "bin"} <= data.words("ingest.name_particles")
    assert data.word_map("ingest.outlet_words")["afp"] == "AFP"
    assert {"gmt", "ago", "updated"} <= data.words("ingest.stamp_words")
    assert all(data.words(n) for n in data.list_names() if n.startswith("ingest."))
