"""Each input format from real files: .txt, .html, .jsonl, folders, and stdin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.ingest import LineError, article_from_html, article_from_text, read_inputs
from communique.records import Article

from .conftest import ARTICLE, PAGE


def _articles(source: str) -> list[Article | InputError]:
    return list(read_inputs(source))


def test_txt_first_line_becomes_title_and_id_is_file_stem(tmp_path: Path) -> None:
    path = tmp_path / "doha-talks.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [item] = _articles(str(path))
    assert isinstance(item, Article), item
    assert item.id == "doha-talks"
    assert item.source == str(path)
    assert item.title == "Ceasefire talks resume in Doha"
    assert item.text.startswith("DOHA, March 3 (Communique Wire) - Negotiators")
    assert item.published is None  # the pipeline reads datelines; ingestion only takes input fields
    assert item.removed == ()  # the title moved to its field; it is not boilerplate


def test_txt_first_line_that_is_a_sentence_stays_in_the_text(tmp_path: Path) -> None:
    body = ARTICLE.split("\n", 2)[2]
    path = tmp_path / "no-title.txt"
    path.write_text(body, encoding="utf-8")
    [item] = _articles(str(path))
    assert isinstance(item, Article), item
    assert item.title is None
    assert item.text.startswith("DOHA, March 3")
    assert item.removed == ()


def test_txt_paragraphs_are_separated_by_blank_lines_and_wrapped_lines_joined(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.txt"
    path.write_text(
        "Talks stall in Geneva\n\nThe two delegations met for three hours on Tuesday\n"
        "but failed to agree on a text, diplomats said.\n\nA new round is planned for May, "
        "the envoy told reporters in the city.\n",
        encoding="utf-8",
    )
    [item] = _articles(str(path))
    assert isinstance(item, Article), item
    assert item.text == (
        "The two delegations met for three hours on Tuesday but failed to agree on a text, diplomats said."
        "\n\nA new round is planned for May, the envoy told reporters in the city."
    )


def test_html_file_gives_text_date_title_all_authors_outlet_and_canonical_url(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [item] = _articles(str(path))
    assert isinstance(item, Article), item
    assert item.id == "page"
    assert item.title == "Ceasefire talks resume in Doha"
    assert item.published == "2025-03-03"  # the original date, not the update
    assert item.published_from == "html"
    assert item.authors == ("Jane Doe", "Ali Hassan")
    assert item.outlet == "Communique Wire"
    assert item.url == "https://wire.example.org/world/doha-talks"
    assert "Majed al-Ansari" in item.text
    assert "Copyright" not in item.text and "Privacy" not in item.text
    assert "\n\n" in item.text  # paragraphs kept apart
    assert "(AFP via Getty Images)" not in item.text


def test_html_byline_in_the_body_adds_authors_the_meta_tags_miss(tmp_path: Path) -> None:
    page = PAGE.replace('<meta name="author" content="Jane Doe">', '<meta name="author" content="Jane Doe">')
    page = page.split('<script type="application/ld+json">')[0] + page.split("</script>", 1)[1]
    page = page.replace('<p class="byline">By Jane Doe and Ali Hassan</p>', "<p>By Jane Doe and Omar Said</p>")
    assert "Ali Hassan" not in page
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    [item] = _articles(str(path))
    assert isinstance(item, Article), item
    assert item.authors == ("Jane Doe", "Omar Said")


def test_txt_byline_gives_the_authors(tmp_path: Path) -> None:
    path = tmp_path / "bylined.txt"
    path.write_text(ARTICLE.replace("\n\nDOHA", "\n\nBy Jane Doe and Ali Hassan, Communique Wire\n\nDOHA"), encoding="utf-8")
    [item] = _articles(str(path))
    assert isinstance(item, Article), item
    assert item.authors == ("Jane Doe", "Ali Hassan")
    assert [r.reason for r in item.removed] == ["byline"]


def test_htm_suffix_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(PAGE, encoding="utf-8")
    [item] = _articles(str(path))
    assert isinstance(item, Article) and item.outlet == "Communique Wire"


def test_jsonl_lines_with_text_or_html_and_published_datetime(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        {"id": "a1", "text": ARTICLE, "title": "Ceasefire talks resume in Doha", "published": "2025-03-03T10:00:00Z",
         "url": "https://wire.example.org/a1", "outlet": "Communique Wire", "authors": ["Jane Doe", "Ali Hassan"]},
        {"id": "a2", "html": PAGE, "published": "2025-03-04"},
        {"text": ARTICLE},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    a1, a2, a3 = _articles(str(path))
    assert isinstance(a1, Article) and isinstance(a2, Article) and isinstance(a3, Article)
    assert (a1.id, a1.published, a1.published_from, a1.source) == ("a1", "2025-03-03", "input", f"{path}:1")
    assert a1.authors == ("Jane Doe", "Ali Hassan") and a1.outlet == "Communique Wire"
    assert a1.title == "Ceasefire talks resume in Doha"
    assert [r.reason for r in a1.removed] == ["repeated_headline"]  # the given title repeated in the text
    assert a2.published == "2025-03-04"  # the input field wins over the page's own date
    assert a2.authors == ("Jane Doe", "Ali Hassan")
    assert a3.id == f"{path}:3"


def test_jsonl_malformed_and_invalid_lines_are_errors_and_the_rest_continue(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "\n".join([
            json.dumps({"id": "ok1", "text": ARTICLE}),
            '{"id": "broken", "text": "unterminated',
            json.dumps({"id": "no-text", "title": "Only a title"}),
            json.dumps(["not", "an", "object"]),
            json.dumps({"id": "bad-date", "text": ARTICLE, "published": "3 March 2025"}),
            json.dumps({"id": "french", "text": "Le président a déclaré que les négociations avec la Russie "
                        "devaient reprendre dans les prochains jours, selon les diplomates."}),
            json.dumps({"id": "ok2", "text": ARTICLE}),
        ]),
        encoding="utf-8",
    )
    items = _articles(str(path))
    assert [type(i).__name__ for i in items] == ["Article", "LineError", "LineError", "LineError", "LineError",
                                                 "LineNotEnglish", "Article"]
    errors = [i for i in items if isinstance(i, LineError)]
    assert [e.source for e in errors] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6)]
    assert "malformed JSON" in errors[0].reason and errors[0].article_id is None
    assert '"text" or an "html"' in errors[1].reason and errors[1].article_id == "no-text"
    assert "JSON object" in errors[2].reason
    assert "ISO date" in errors[3].reason and errors[3].article_id == "bad-date"
    assert "not English" in errors[4].reason and errors[4].article_id == "french"


def test_jsonl_line_with_invalid_utf8_is_an_error_for_that_line_only(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = json.dumps({"id": "ok", "text": ARTICLE}).encode()
    path.write_bytes(good + b"\n" + b'{"id": "x", "text": "\xff\xfe\xfa"}\n' + good + b"\n")
    items = _articles(str(path))
    assert [type(i).__name__ for i in items] == ["Article", "LineError", "Article"]
    assert items[1].source == f"{path}:2" and "UTF-8" in items[1].reason  # type: ignore[union-attr]


def test_folder_is_read_recursively_in_sorted_order_with_relative_ids(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "line", "text": ARTICLE}) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not an input", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    items = _articles(str(tmp_path))
    assert all(isinstance(i, Article) for i in items), items
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "b/two", "line"]


def test_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    [item] = _articles(str(tmp_path))
    assert isinstance(item, InputError) and "no .txt" in item.reason


def _stdin(data: bytes) -> list[dict[str, object]]:
    code = (
        "import json, sys\n"
        "from communique.ingest import read_inputs\n"
        "for item in read_inputs('-'):\n"
        "    if isinstance(item, Exception):\n"
        "        print(json.dumps({'error': item.reason, 'source': item.source}))\n"
        "    else:\n"
        "        print(json.dumps({'id': item.id, 'title': item.title, 'outlet': item.outlet, 'text': item.text}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, check=True)
    return [json.loads(line) for line in out.stdout.decode().splitlines()]


def test_stdin_plain_text_html_and_jsonl_are_told_apart() -> None:
    [text] = _stdin(ARTICLE.encode())
    assert text["title"] == "Ceasefire talks resume in Doha" and str(text["id"]).startswith("stdin-")
    [page] = _stdin(PAGE.encode())
    assert page["outlet"] == "Communique Wire" and "<p>" not in str(page["text"])
    batch = _stdin((json.dumps({"id": "s1", "text": ARTICLE}) + "\n" + "{broken\n").encode())
    assert batch[0]["id"] == "s1"
    assert batch[1] == {"error": batch[1]["error"], "source": "-:2"} and "malformed" in str(batch[1]["error"])


def test_stdin_binary_data_is_an_input_error_naming_dash() -> None:
    [err] = _stdin(b"\x00\x01\x02binary\x00")
    assert err["source"] == "-" and "binary" in str(err["error"])


def test_article_from_text_and_html_raise_input_error_for_bad_input() -> None:
    article = article_from_text(ARTICLE, id="x", published="2025-03-03")
    assert article.published == "2025-03-03" and article.title == "Ceasefire talks resume in Doha"
    for bad in ("", "   \n\n  ", "Short."):
        with pytest.raises(InputError, match="empty text") as info:
            article_from_text(bad, id="empty", source="s.txt")
        assert info.value.source == "s.txt"
    with pytest.raises(InputError, match="no article text|empty text"):
        article_from_html("<html><body><nav>Home</nav></body></html>", id="p", url="https://x.example/p")
    assert article_from_html(PAGE, id="p").authors == ("Jane Doe", "Ali Hassan")
