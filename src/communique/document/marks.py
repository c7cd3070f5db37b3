"""Quotation-mark pairing that never gives up on an article.

Straight, curly and low-9 double marks, guillemets (« » and ‹ ›), and single marks (‘ ’ and straight ')
are paired paragraph by paragraph. Which way a mark faces is read from its neighbours first (space before
and a letter after opens; a letter before and space or punctuation after closes) and from its glyph only
when the neighbours do not tell, so misused curly marks and straight marks pair alike. Marks of the
double family nest on a stack; single marks inside a double quote are nested quotes and are ignored at
top level. An opening mark still open at the end of a paragraph continues into the next paragraph when
that one opens with a mark too (news style for long quotes), and otherwise runs to the paragraph end.
A closing mark with nothing open before it in its paragraph closes a quote that began at the paragraph
start (a dropped opening mark). Odd or unbalanced marks only lose the quote they break, never the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "\u201c\u201e\u00ab\u2039"  # “ „ « ‹
DOUBLE_CLOSE = "\u201d\u00bb\u203a"  # ” » ›
DOUBLE_NEUTRAL = '"\u201f\u2033'  # " ‟ ″
SINGLE_OPEN = "\u2018\u201a"  # ‘ ‚
SINGLE_CLOSE = "\u2019"  # ’ (also the apostrophe)
SINGLE_NEUTRAL = "'"
# the quotation marks that stand as tokens of their own in the parse (frames trim content edges by them)
TOKEN_MARKS = "\"\u201c\u201d\u00ab\u00bb\u201e'\u2018\u2019"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_NEUTRAL + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_NEUTRAL

_BEFORE_OPEN = set(" \t\n([{\u2014\u2013-/:;,") | set(DOUBLE_OPEN + DOUBLE_NEUTRAL + SINGLE_OPEN + SINGLE_NEUTRAL)
_AFTER_CLOSE = set(" \t\n)]}.,;:!?\u2014\u2013-/\u2026") | set(DOUBLE_CLOSE + DOUBLE_NEUTRAL + SINGLE_CLOSE + SINGLE_NEUTRAL)
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class MarkedQuote:
    """Text between a pair of quotation marks, within one paragraph.

    ``start``/``end`` bound the content without its marks (whitespace trimmed); ``open_mark``/``close_mark``
    are the offsets of the marks, or None where a mark was missing (a quote running to the paragraph end,
    or one whose opening mark was dropped). ``continues`` says the quote goes on in the next paragraph;
    ``continued`` that it began in an earlier one.
    """

    start: int
    end: int
    open_mark: int | None
    close_mark: int | None
    single: bool = False
    continues: bool = False
    continued: bool = False
    close_width: int = 1  # 2 for a doubled apostrophe ('') or backtick pair

    @property
    def outer_start(self) -> int:
        return self.open_mark if self.open_mark is not None else self.start

    @property
    def outer_end(self) -> int:
        return self.close_mark + self.close_width if self.close_mark is not None else self.end


def _facing(text: str, i: int, lo: int, hi: int, opens: str, closes: str, width: int = 1) -> str | None:
    """'open', 'close' or None (cannot tell) for the mark at ``i`` in paragraph ``[lo, hi)``."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + width] if i + width < hi else " "
    can_open = prev in _BEFORE_OPEN and not nxt.isspace()
    can_close = not prev.isspace() and (nxt in _AFTER_CLOSE or nxt.isspace())
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    ch = text[i]
    if ch in opens:
        return "open"
    if ch in closes:
        return "close"
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _double_marks(text: str, lo: int, hi: int) -> list[tuple[int, str | None]]:
    """Double-family marks of a paragraph; a doubled apostrophe or backtick ('' ``) counts as one."""
    out: list[tuple[int, str | None]] = []
    i = lo
    while i < hi:
        ch = text[i]
        if ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE or ch in DOUBLE_NEUTRAL:
            out.append((i, _facing(text, i, lo, hi, DOUBLE_OPEN, DOUBLE_CLOSE)))
        elif ch in "'`" and i + 1 < hi and text[i + 1] == ch:
            facing = _facing(text, i, lo, hi, "`", "", width=2)
            if ch == "`":
                facing = "open"
            out.append((i, facing))
            i += 2
            continue
        i += 1
    return out


def _width(text: str, i: int) -> int:
    return 2 if text[i] in "'`" and i + 1 < len(text) and text[i + 1] == text[i] else 1


def _balanced(marks: list[tuple[int, str | None]]) -> bool:
    depth = 0
    for _, facing in marks:
        if facing is None:
            facing = "close" if depth else "open"
        depth += 1 if facing == "open" else -1
        if depth < 0:
            return False
    return depth == 0


def _pair_double(text: str, lo: int, hi: int, carried: bool, prev_open: bool) -> tuple[list[MarkedQuote], bool]:
    """Top-level double-mark quotes of one paragraph; returns them and whether the last one is left open.

    ``carried``: a quote was left open at the end of the previous paragraph and this paragraph opens
    with a mark, so its first quote is a continuation. ``prev_open``: a quote was left open at all, so a
    closing mark with nothing open ends a continuation whose opening mark was not repeated.
    """
    marks = _double_marks(text, lo, hi)
    if any(f is None for _, f in marks) and not _balanced(marks):
        # a free-standing mark (space on both sides) that breaks the balance is noise: drop it
        trial: list[tuple[int, str | None]] = [(i, f) for i, f in marks if f is not None]
        if _balanced(trial):
            marks = trial
    quotes: list[MarkedQuote] = []
    depth = 0
    open_at: int | None = None
    for i, facing in marks:
        if facing is None:  # a free-standing mark: toggle
            facing = "close" if depth else "open"
        if facing == "open":
            if depth == 0:
                open_at = i
            depth += 1
            continue
        # closing
        if depth == 0:
            if prev_open and not quotes and open_at is None:
                # a dropped opening mark: the quote began at the paragraph start
                s, e = _trim(text, lo, i)
                if e > s:
                    quotes.append(MarkedQuote(s, e, None, i, continued=True, close_width=_width(text, i)))
            continue
        depth -= 1
        if depth == 0 and open_at is not None:
            s, e = _trim(text, open_at + _width(text, open_at), i)
            if e > s:
                quotes.append(MarkedQuote(s, e, open_at, i, continued=carried and not quotes, close_width=_width(text, i)))
            open_at = None
    left_open = False
    if depth and open_at is not None:
        s, e = _trim(text, open_at + _width(text, open_at), hi)
        if e > s:
            quotes.append(MarkedQuote(s, e, open_at, None, continued=carried and not quotes))
            left_open = True
    return quotes, left_open


def _pair_single(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[MarkedQuote]:
    """Top-level single-mark quotes outside the double-mark ones: British style, headlines."""
    out: list[MarkedQuote] = []
    i = lo
    while i < hi:
        ch = text[i]
        if ch == SINGLE_NEUTRAL and ((i + 1 < hi and text[i + 1] == "'") or (i > lo and text[i - 1] == "'")):
            i += 1
            continue
        if ch in SINGLE_OPEN or ch == SINGLE_NEUTRAL or ch == SINGLE_CLOSE:
            inside = any(a <= i < b for a, b in taken)
            if not inside and _facing(text, i, lo, hi, SINGLE_OPEN, "") == "open" and (ch != SINGLE_CLOSE or i == lo):
                j = i + 1
                close = None
                while j < hi:
                    c = text[j]
                    if c in SINGLE_CLOSE or c == SINGLE_NEUTRAL:
                        nxt = text[j + 1] if j + 1 < hi else " "
                        if not text[j - 1].isspace() and not nxt.isalnum():
                            close = j
                            break
                    j += 1
                if close is not None and not any(a <= close < b for a, b in taken):
                    s, e = _trim(text, i + 1, close)
                    if e > s:
                        out.append(MarkedQuote(s, e, i, close, single=True))
                    i = close + 1
                    continue
        i += 1
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each non-blank line: in cleaned news text a line is a paragraph."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def find_quotes(text: str) -> list[MarkedQuote]:
    """Every top-level marked quote of ``text``, in order; never raises on odd or unbalanced marks."""
    result: list[MarkedQuote] = []
    left_open = False
    for lo, hi in paragraphs(text):
        first = text[lo:hi].lstrip()
        carried = left_open and bool(first) and (first[0] in DOUBLE_OPEN + DOUBLE_NEUTRAL or first[:2] in ("''", "``"))
        if left_open and result and result[-1].close_mark is None:
            prev = result[-1]
            result[-1] = MarkedQuote(prev.start, prev.end, prev.open_mark, None, prev.single, carried, prev.continued, prev.close_width)
        quotes, left_open = _pair_double(text, lo, hi, carried, left_open)
        spans = [(q.outer_start, q.outer_end) for q in quotes]
        singles = _pair_single(text, lo, hi, spans)
        merged = sorted(quotes + singles, key=lambda q: q.start)
        result.extend(merged)
        if left_open and merged and merged[-1].close_mark is not None:
            left_open = False
    return result
