"""Cheap input checks: bytes that are not text, texts that are empty, texts that are not English.

Language is told by py3langid (a fork of langid.py: a naive Bayes model over byte n-grams of 97
languages, shipped inside its wheel, so nothing is downloaded at run time). A text is rejected only
when the identifier is sure enough of another language; short or odd English (a headline, a list of
names, a score line) comes out with a low probability for whatever language wins, and passes.
Nigerian Pidgin is left out of the candidates: it is English-lexified, and the model gives it to
short English news sentences ("Congo government rejects demands from rebel group.").

Measured on the project's data (see tests/ingest/test_language.py): no English evaluation text
rejected (7,419 texts), 13 of the 92 multilingual benchmark pages rejected (the 12 the former
function-word count rejected and one Italian page it let through), none of the hand-written samples
in tests/ingest/language_samples.tsv wrong (the function-word count got 5 wrong).
"""

from __future__ import annotations

import codecs
import functools
import re
from typing import Any, NamedTuple

# A text with more invalid UTF-8 than this share of its bytes is taken for binary data.
MAX_INVALID_UTF8_SHARE = 0.01
# Control characters other than tab/newline/carriage return/form feed, as a share of the text.
MAX_CONTROL_SHARE = 0.01
# Languages the identifier may not answer (see the module docstring).
NOT_CANDIDATES = frozenset({"pcm"})

_CONTROL = re.compile(r"[\x00-\x08\x0B\x0E-\x1F\x7F]")


@functools.cache
def _identifier() -> Any:
    """py3langid's packaged model with normalised probabilities (loaded once: about a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in identifier.nb_classes if code not in NOT_CANDIDATES])
    return identifier


def identify(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the most likely language of ``text``: ``("fr", 0.99)``."""
    code, probability = _identifier().classify(text)
    return str(code), float(probability)


class Decoded(NamedTuple):
    """Decoded bytes: ``text`` (None when the bytes are not text, ``reason`` says why), and ``note``: the
    legacy encoding guessed for text that is not UTF-8, for a warning ("decoded as cp1252 ...")."""

    text: str | None
    reason: str | None = None
    note: str | None = None


# Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte order mark at the start of ``data`` announces, or None."""
    return next((enc for bom, enc in BOMS if data.startswith(bom)), None)


def guess_encoding(data: bytes) -> str | None:
    """The legacy encoding of bytes that are not UTF-8, by charset-normalizer, or None when it finds none
    (binary data). Windows-1252 is preferred whenever it fits: English text in an 8-bit encoding is
    overwhelmingly Windows-1252, and charset-normalizer often ranks a sibling code page first (cp1250 for
    text whose few accented letters and curly quotes decode the same)."""
    from charset_normalizer import from_bytes

    results = from_bytes(data[:2_000_000])
    if any("cp1252" in r.could_be_from_charset for r in results):
        return "cp1252"
    best = results.best()
    return best.encoding if best is not None else None


def decode_text(data: bytes) -> tuple[str | None, str | None]:
    """Bytes -> (text, None), or (None, reason) when the bytes are not text (see ``decode_bytes``)."""
    decoded = decode_bytes(data)
    return decoded.text, decoded.reason


def decode_bytes(data: bytes) -> Decoded:
    """Bytes -> text, or the reason they are not text.

    Accepts UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM, and text in a legacy encoding that
    charset-normalizer recognises (``note`` names it); tolerates a small share of invalid UTF-8 when no
    legacy encoding fits (replaced by U+FFFD); rejects NUL bytes and anything more broken.
    """
    bom = bom_encoding(data)
    if bom in ("utf-16", "utf-32"):
        try:
            return Decoded(data.decode(bom))
        except UnicodeDecodeError:
            return Decoded(None, f"binary data (broken {bom.upper()})")
    if b"\x00" in data:
        return Decoded(None, "binary data (contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8-sig", errors="ignore").count("\ufffd")
    # valid multi-byte sequences outnumbering the broken ones: damaged UTF-8, not a legacy encoding
    utf8 = sum(1 for ch in text if ch > "\x7f") - text.count("\ufffd") > bad
    guess = None if utf8 else guess_encoding(data)
    if guess is not None:
        try:
            legacy = data.decode(guess)
        except (LookupError, UnicodeDecodeError):
            legacy = None
        if legacy is not None:
            return _checked(legacy)._replace(note=f"not UTF-8: decoded as {guess} (guessed by charset-normalizer)")
    if data and bad / len(data) > MAX_INVALID_UTF8_SHARE:
        return Decoded(None, f"binary data or not UTF-8 ({bad} invalid bytes)")
    return _checked(text)


def _checked(text: str) -> Decoded:
    """``text``, unless control characters make it binary data."""
    if text and len(_CONTROL.findall(text)) / len(text) > MAX_CONTROL_SHARE:
        return Decoded(None, "binary data (control characters)")
    return Decoded(text)


def not_english_reason(text: str, min_ratio: float) -> str | None:
    """Why ``text`` is not English, or None when it passes (see ``other_language``)."""
    found = other_language(text, min_ratio)
    return found[1] if found else None


def other_language(text: str, min_ratio: float) -> tuple[str, str] | None:
    """(ISO 639-1 code, reason) when ``text`` is in another language than English, else None.

    ``min_ratio`` (``settings.min_english_ratio``) is how much confidence English keeps: the text is
    rejected when another language gets a probability of at least ``1 - min_ratio`` (0.5 by default);
    0 turns the check off.
    """
    if min_ratio <= 0:
        return None
    code, probability = identify(text)
    if code == "en" or probability < 1 - min_ratio:
        return None
    return code, f"not English (identified as {code!r} with probability {probability:.2f})"
