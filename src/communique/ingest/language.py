"""Cheap input checks: bytes that are not text, texts that are empty, texts that are not English.

No model is called. English is judged by function words: among the tokens that are distinctive
function words of English or of another common news language (French, Spanish, Portuguese,
Italian, German, Dutch, Turkish, Indonesian), plus words in a non-Latin script, the English share
must reach ``settings.min_english_ratio``. Words shared by English and another language ("a",
"in", "die", "was") are left out of the foreign lists so that they never count against English.
"""

from __future__ import annotations

import re

# A text with more invalid UTF-8 than this share of its bytes is taken for binary data.
MAX_INVALID_UTF8_SHARE = 0.01
# Control characters other than tab/newline/carriage return/form feed, as a share of the text.
MAX_CONTROL_SHARE = 0.01
# Texts under three times this many words with no function word at all are given the benefit of the doubt.
MIN_WORDS_FOR_JUDGEMENT = 6

ENGLISH = frozenset(
    """the of and to a in is that for on with as was by at it from he his her she they their them
    this be are have has had were been not but or an will would said says who which its after over
    than also more about into there when we our you your up out one all new two last no if what
    could can should may might must did do does between against during while where before under
    because since those these such other some any only just then so very being until through
    him how most us i my me across among amid told according been being both each off again
    further once here why whom whose ago yet still toward towards around without within upon""".split()
)

# Distinctive function words (none of them an English word as well).
FOREIGN = frozenset(
    # French
    """le la les des du une est et dans pour pas sur qui que avec par ont sont mais ou cette ces
    aux nous vous ils elles leur leurs été être avait fait comme plus selon après lors entre
    sans sous chez depuis tout tous très aussi même encore déjà""".split()
    # Spanish / Portuguese / Italian
    + """el los las del por para con una unos unas su sus es al lo como pero más este esta estos
    fue han ha sido entre sobre también según cuando donde hasta desde hay muy sin porque ya
    uma um os não com em dos das na no ao pelo pela foi são seu sua mais também
    il di che della delle degli nel nella sono per gli dei anche stato dopo questo questa più""".split()
    # German / Dutch
    + """der und den dem des ist nicht mit sich auf für von zu ein eine einen einem einer auch
    werden wird wurde sind hat haben bei nach aus wie oder aber noch nur über vor zum zur durch
    das dass im am gegen nachdem waren war sei seit sein seine ihre ihr wir sie ich neue neuen
    bereits jedoch sowie wurden heute diese dieser dieses
    het een van en ook voor niet met zijn maar dat deze naar bij werd wordt heeft""".split()
    # Turkish / Indonesian
    + """ve bir bu da de ile için olarak gibi daha çok ama sonra kadar olan
    yang dan di dengan untuk dari ini itu dalam tidak akan pada juga ke oleh""".split()
) - ENGLISH - {"per", "dan", "plus", "han", "com", "met", "hat", "den", "sin", "con", "um", "die", "was"}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_CONTROL = re.compile(r"[\x00-\x08\x0B\x0E-\x1F\x7F]")


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


def english_ratio(text: str) -> tuple[float, int]:
    """(English share among the function words and non-Latin words of ``text``, number of words)."""
    english, judged = _counts(text)
    return (english / judged if judged else 0.0), len(_WORD.findall(text))


def not_english_reason(text: str, min_ratio: float) -> str | None:
    """Why ``text`` is not English, or None when it passes (a ``min_ratio`` of 0 turns the check off)."""
    if min_ratio <= 0:
        return None
    ratio, n_words = english_ratio(text)
    _, judged = _counts(text)
    if judged == 0:
        # Nothing to judge by (a list of names, a number table): let short texts through.
        return None if n_words < MIN_WORDS_FOR_JUDGEMENT * 3 else "not English (no English function words)"
    if ratio < min_ratio:
        return f"not English (English function-word share {ratio:.2f} < {min_ratio:.2f})"
    return None


def _counts(text: str) -> tuple[int, int]:
    english = judged = 0
    for w in _WORD.findall(text):
        low = w.lower()
        if low in ENGLISH:
            english += 1
            judged += 1
        elif low in FOREIGN or not _LATIN.search(w):
            judged += 1
    return english, judged
