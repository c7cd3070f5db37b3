"""Bad input is reported as an InputError naming the input and the reason, never raised."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from communique.errors import InputError, NotEnglish
from communique.ingest import article_from_text, read_file, read_inputs
from communique.ingest.language import decode_text, not_english_reason
from communique.records import Article
from communique.settings import Settings

from .conftest import ARTICLE

FOREIGN = {
    "french": "Le ministre des Affaires étrangères a déclaré mardi que les négociations avec la Russie "
              "devaient reprendre dans les prochains jours, selon des diplomates présents à Genève.",
    "spanish": "El gobierno de Colombia y la guerrilla del ELN firmaron un alto el fuego que entrará en "
               "vigor el próximo mes, según un comunicado conjunto leído en La Habana.",
    "german": "Die Bundesregierung hat am Montag neue Sanktionen gegen Russland angekündigt, teilte das "
              "Auswärtige Amt in Berlin mit, nachdem die Gespräche in Genf gescheitert waren.",
    "russian": "Министр иностранных дел России Сергей Лавров заявил во вторник, что Москва открыта для "
               "диалога с Вашингтоном, но не примет ультиматумов.",
    "portuguese": "O governo brasileiro disse que não vai participar da cúpula sobre a guerra na Ucrânia, "
                  "segundo uma nota do Itamaraty divulgada nesta terça-feira.",
}


def _one(source: str, settings: Settings | None = None) -> Article | InputError:
    items = list(read_inputs(source, settings))
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_non_english_text_file_is_rejected(tmp_path: Path, language: str) -> None:
    path = tmp_path / f"{language}.txt"
    path.write_text(FOREIGN[language], encoding="utf-8")
    item = _one(str(path))
    assert isinstance(item, InputError)
    assert item.source == str(path) and "not English" in item.reason


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine and Russia agree to resume talks in Istanbul next week, Turkish officials say",
        "Ceasefire holds in Gaza\n\nHamas and Israel traded accusations on Sunday.",
        "Erdogan meets Putin in Sochi\n\nRecep Tayyip Erdogan met Vladimir Putin in Sochi.",
        "EU sanctions Belarus\n\nUrsula von der Leyen said the package was ready.",
        ARTICLE,
    ],
)
def test_short_english_headlines_and_texts_pass_the_language_check(text: str) -> None:
    assert not_english_reason(text, Settings().min_english_ratio) is None
    assert isinstance(article_from_text(text, id="x"), Article)


def test_language_check_can_be_turned_off() -> None:
    assert not_english_reason(FOREIGN["german"], 0.0) is None
    assert isinstance(article_from_text(FOREIGN["german"], id="de", settings=Settings(min_english_ratio=0.0)), Article)


def test_binary_file_with_nul_bytes_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    item = _one(str(path))
    assert isinstance(item, InputError) and item.source == str(path)
    assert "binary data" in item.reason


def test_invalid_utf8_beyond_a_small_share_is_rejected_and_a_few_bad_bytes_are_tolerated(tmp_path: Path) -> None:
    legacy = tmp_path / "latin1.txt"  # a legacy encoding charset-normalizer recognises is decoded (here: French)
    legacy.write_bytes(("Café à la française, déjà vu, naïve über " * 10).encode("latin-1"))
    item = _one(str(legacy))
    assert isinstance(item, NotEnglish) and item.article.text.startswith("Café à la française")
    broken = tmp_path / "noise.txt"  # bytes no encoding makes text of
    rng = random.Random(1)
    broken.write_bytes(bytes(rng.randrange(1, 256) for _ in range(5000)))
    item = _one(str(broken))
    assert isinstance(item, InputError) and "not UTF-8" in item.reason
    mostly_fine = tmp_path / "one-bad-byte.txt"
    mostly_fine.write_bytes(ARTICLE.encode() + b"\xff\n")
    assert isinstance(_one(str(mostly_fine)), Article)


def test_utf16_text_with_bom_is_read() -> None:
    text, reason = decode_text(ARTICLE.encode("utf-16"))
    assert reason is None and text == ARTICLE


def test_empty_and_whitespace_files_are_rejected(tmp_path: Path) -> None:
    for name, content in [("empty.txt", ""), ("blank.txt", " \n\n\t\n"), ("furniture.txt", "Share this article\nAdvertisement\n")]:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        item = _one(str(path))
        assert isinstance(item, InputError), name
        assert item.source == str(path) and "empty text" in item.reason


def test_missing_file_is_rejected_with_its_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    item = _one(str(missing))
    assert isinstance(item, InputError)
    assert item.source == str(missing) and "no such file" in item.reason


def test_unreadable_file_is_rejected_with_the_os_reason(tmp_path: Path) -> None:
    # A folder named like a text file cannot be read as one (works as root, unlike chmod 000).
    not_a_file = tmp_path / "story.txt"
    not_a_file.mkdir()
    [item] = list(read_file(not_a_file, settings=Settings()))
    assert isinstance(item, InputError)
    assert item.source == str(not_a_file) and item.reason.startswith("unreadable")


def test_long_text_is_truncated_at_a_paragraph_break_with_a_removal(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    body = "\n\n".join(f"Paragraph {i}: the negotiators met again on Monday and said talks would go on." for i in range(100))
    path.write_text(body, encoding="utf-8")
    item = _one(str(path), Settings(max_chars=2_000))
    assert isinstance(item, Article)
    assert len(item.text) <= 2_000 and item.text.endswith("would go on.")
    assert [r.reason for r in item.removed] == ["truncated"]


def test_empty_jsonl_batch_is_one_input_error(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n  \n", encoding="utf-8")
    item = _one(str(path))
    assert isinstance(item, InputError) and item.source == str(path) and "empty JSONL" in item.reason
