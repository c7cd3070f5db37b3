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

import functools
import re
from typing import Any

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


def decode_text(data: bytes) -> tuple[str | None, str | None]:
    """Bytes -> (text, None), or (None, reason) when the bytes are not text.

    Accepts UTF-8 (with or without BOM) and UTF-16 with a BOM; tolerates a small share of invalid
    UTF-8 (replaced by U+FFFD); rejects NUL bytes and anything more broken.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, "binary data (broken UTF-16)"
    if b"\x00" in data:
        return None, "binary data (contains NUL bytes)"
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8-sig", errors="ignore").count("\ufffd")
    if data and bad / len(data) > MAX_INVALID_UTF8_SHARE:
        return None, f"binary data or not UTF-8 ({bad} invalid bytes)"
    if text and len(_CONTROL.findall(text)) / len(text) > MAX_CONTROL_SHARE:
        return None, "binary data (control characters)"
    return text, None


def not_english_reason(text: str, min_ratio: float) -> str | None:
    """Why ``text`` is not English, or None when it passes.

    ``min_ratio`` (``settings.min_english_ratio``) is how much confidence English keeps: the text is
    rejected when another language gets a probability of at least ``1 - min_ratio`` (0.5 by default);
    0 turns the check off.
    """
    if min_ratio <= 0:
        return None
    code, probability = identify(text)
    if code == "en" or probability < 1 - min_ratio:
        return None
    return f"not English (identified as {code!r} with probability {probability:.2f})"
