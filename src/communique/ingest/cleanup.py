"""Rule-based clean-up of scraped plain text: drop page furniture, never an article sentence.

Works line by line on the raw text. A line goes when it is a repeated headline, a photo caption or
credit, a byline, an "Updated:"/"Published:" stamp, a media-player control or timestamp, or a
share/subscribe/follow/"Read more" widget. The line rules are data (``data/boilerplate.tsv``);
bylines, time stamps and repeated headlines need a little code. Every dropped line becomes a
``Removal`` with offsets into the raw text, so the output says what went and why.

The clean text keeps paragraphs apart with one blank line. Lines of one block that were wrapped
mid-sentence (the previous line has no closing punctuation) are joined with a space, except in a
scraped header block (headline, standfirst, repeated headline, caption, byline, stamp, player time on
lines of their own): there each line is judged on its own before any is joined (``_judged``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from communique import data
from communique.records import Removal
from communique.times.dateline import CREDITED_DATELINE, is_date_line
from communique.times.lexicon import load as load_lexicon


@dataclass(frozen=True, slots=True)
class LineRule:
    """One data rule: a line matching ``pattern`` (at most ``max_len`` chars) is dropped for ``reason``."""

    reason: str
    max_len: int
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The result of clean-up: the clean text, what was removed, and the title if one was taken."""

    text: str
    removed: tuple[Removal, ...]
    title: str | None = None


def load_rules(path: Path | None = None) -> tuple[LineRule, ...]:
    """Read the line rules from ``path`` (default: the packaged ``boilerplate.tsv``)."""
    if path is None:
        return _default_rules()
    return _parse_rules(path.read_text(encoding="utf-8"), str(path))


@lru_cache(maxsize=1)
def _default_rules() -> tuple[LineRule, ...]:
    text = data.text("boilerplate.tsv")
    return _parse_rules(text, "boilerplate.tsv")


def _parse_rules(text: str, name: str) -> tuple[LineRule, ...]:
    rules: list[LineRule] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"{name}:{n}: expected reason<TAB>max_len<TAB>pattern")
        reason, max_len, pattern = parts
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as e:
            raise ValueError(f"{name}:{n}: bad pattern: {e}") from e
        rules.append(LineRule(reason.strip(), int(max_len), compiled))
    return tuple(rules)


# --- bylines -------------------------------------------------------------------------------------

_BYLINE_LEAD = re.compile(
    r"(?:By|BY|Written by|Words by|Story by|Text by|Compiled by)\s+(?=\S)"
)
_NAME_PARTICLES = data.words("ingest.name_particles")
_BYLINE_CONNECTORS = data.words("ingest.byline_connectors")
_MONTHS = frozenset(load_lexicon().table("month")) | frozenset(load_lexicon().table("month_abbr"))
_WEEKDAYS = frozenset(load_lexicon().table("weekday")) | frozenset(load_lexicon().table("weekday_abbr"))
_OUTLETS = "|".join(sorted(data.word_map("ingest.outlet_words").values()))
_ROLES = "|".join(sorted(data.words("ingest.newsroom_roles")))


# "Tomas Ferreira, The Associated Press" / "Lena Okoro, Morning Desk producer": a credit line
# without "By": two to four capitalised name words, a comma, then an outlet or a newsroom role.
_CREDIT_LINE = re.compile(rf"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{1,3}},\s+(?:[A-Z][\w.&'’-]*\s+){{0,4}}(?:{_OUTLETS}|{_ROLES})")


def is_byline(line: str) -> bool:
    """``By Jane Doe and Ali Hassan, Communique Wire`` — yes; ``By Tuesday, the troops had left.`` — no."""
    if len(line) <= 100 and _CREDIT_LINE.fullmatch(line.rstrip(".")):
        return True
    m = _BYLINE_LEAD.match(line)
    if not m or len(line) > 200:
        return False
    rest = line[m.end():].strip()
    if rest.endswith((".", "!", "?", '"', "”")) and not re.search(r"\b[A-Z]\.$", rest):
        return False
    words = re.findall(r"[^\s,;|&/]+", rest)
    if not words or len(words) > 18:
        return False
    capitalised = 0
    for w in words:
        bare = w.strip("()[]:.'\"’-–—·•")
        if not bare:
            continue
        low = bare.lower()
        if bare[0].isupper() or bare[0].isdigit():
            capitalised += bare[0].isupper()
        elif low in _NAME_PARTICLES or low in _BYLINE_CONNECTORS or low in _MONTHS:
            continue
        else:
            return False
    return capitalised >= 1


_NOT_A_PERSON = re.compile(
    rf"\b(?:{'|'.join(sorted(data.words('ingest.outlet_words', 'ingest.newsroom_roles', 'ingest.not_person_words')))})\b",
    re.IGNORECASE,
)


def authors_from_byline(line: str) -> list[str]:
    """The people named in a byline: ``By Jane Doe and Ali Hassan, Communique Wire`` -> both names."""
    if is_lone_name(line):
        return [line.title() if line.isupper() else line]
    credit = re.match(r"(?i)(?:additional )?(?:reporting|writing|editing) by\s", line)
    if not credit and not is_byline(line):
        return []
    rest = _BYLINE_LEAD.sub("", line, count=1).strip().rstrip(".")
    rest = re.sub(r"(?i)^(?:(?:additional )?(?:reporting|writing|editing) by)\s+", "", rest)
    rest = re.split(r"\s+in\s+[A-Z]|\s*[|·•—–]\s*", rest)[0]
    names: list[str] = []
    for part in re.split(r"\s*(?:,|;|&|\band\b|\b(?:additional )?(?:reporting|writing|editing) by\b)\s*", rest, flags=re.I):
        part = part.strip()
        words = part.split()
        if not 2 <= len(words) <= 4 or _NOT_A_PERSON.search(part) or any(c.isdigit() for c in part):
            continue
        if part.isupper():
            part = part.title()
        if all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in words):
            names.append(part)
    return names


# --- "Updated:" / "Published:" stamps -------------------------------------------------------------

_STAMP_LEAD = re.compile(
    r"(?:last\s+)?(?:updated|published|posted|modified|first published|originally published|created|date)"
    r"(?:\s+(?:on|at))?\s*:?\s*(?=\S)",
    re.IGNORECASE,
)
_STAMP_WORDS = _MONTHS | _WEEKDAYS | data.words("ingest.stamp_words")
_STAMP_NUMBER = re.compile(r"\d[\d:/.,+\-T]*(?:am|pm|a\.m\.|p\.m\.|st|nd|rd|th|h|z|Z)?,?", re.IGNORECASE)


# "Updated:", "Last updated:", "Published": the label of a stamp whose date the page left out (or
# printed on the next line).
_BARE_STAMP = re.compile(
    r"(?:last\s+)?(?:updated|published|posted|modified|first published|originally published)(?:\s+(?:on|at))?\s*:?",
    re.IGNORECASE,
)


def is_time_stamp(line: str) -> bool:
    """``Updated: March 3, 2025 10:42 GMT``, ``Published 3 hours ago`` or a bare ``Updated:`` — yes;
    ``Updated figures show ...`` — no."""
    if _BARE_STAMP.fullmatch(line.strip()):
        return True
    m = _STAMP_LEAD.match(line)
    if not m or len(line) > 160:
        return False
    tokens = line[m.end():].split()
    if not tokens:
        return False
    dated = False
    for tok in tokens:
        bare = tok.strip(",;()[]")
        low = bare.lower().rstrip(":")
        if not bare:
            continue
        if _STAMP_NUMBER.fullmatch(bare):
            dated = True
        elif low in _STAMP_WORDS or low.rstrip(".") in _STAMP_WORDS:
            dated = dated or low.rstrip(".") in _MONTHS or low in {"ago", "today", "yesterday", "now"}
        else:
            return False
    return dated


# --- captions printed twice, names printed alone ---------------------------------------------------

# "A tug guides a freighter out. (Omar Haddad/Meridian Photo)Omar Haddad/Meridian Photo": the credit
# in parentheses, then the same credit again with no space (the caption and the credit element of a
# photo both flattened into the text).
_GLUED_CREDIT = re.compile(r".*\((?P<credit>[^()]{2,80})\)\s*(?P=credit)\.?")
# "Smoke over the ridge at dawn. Smoke over the ridge at dawn. (Credit)": the same caption twice.
_CAPTION_TWICE = re.compile(r"(?P<cap>\S.{9,}?[.!?])\s*(?P=cap)(?:\s*\([^()]{2,80}\).*)?")


def is_doubled_caption(line: str) -> bool:
    """A photo caption printed twice, or with its credit glued on twice (see the patterns above)."""
    return bool(_GLUED_CREDIT.fullmatch(line) or _CAPTION_TWICE.fullmatch(line))


_NAME_WORD = re.compile(r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.")


def is_lone_name(line: str) -> bool:
    """A line that is a person's name and nothing else: "Omar Haddad", "Ursula von der Leyen".

    Two to four capitalised name words (lower-case particles allowed), no month or weekday, no
    outlet or newsroom word. Only read as a byline beside other header furniture (``_lone_bylines``).
    """
    words = line.split()
    if not 2 <= len(words) <= 5 or len(line) > 40:
        return False
    named = [w for w in words if w.lower() not in _NAME_PARTICLES]
    if not 2 <= len(named) <= 4 or _NOT_A_PERSON.search(line):
        return False
    if any(w.lower().rstrip(".") in _MONTHS or w.lower().rstrip(".") in _WEEKDAYS for w in named):
        return False
    return all(_NAME_WORD.fullmatch(w) for w in named)


# --- titles ----------------------------------------------------------------------------------------

# A headline may end in an abbreviation ("... transit through U.S.") or an ellipsis, not a full stop.
_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\.\.\.|…|\b(?:Jr|Sr|St|Inc|Co|Corp|Ltd|No|vs)\.)$")


def looks_like_title(line: str) -> bool:
    """A first line reads as a headline: short, no closing period, starts with a capital or digit."""
    s = line.strip()
    words = s.split()
    if not 2 <= len(words) <= 25 or len(s) > 200:
        return False
    bare = s.rstrip("\"'”’»)")
    if bare.endswith((",", ";", ":")) or (bare.endswith(".") and not _ABBREVIATION_END.search(bare)):
        return False
    if bare.endswith("?") and len(words) > 15:
        return False
    if not (s[0].isupper() or s[0].isdigit() or s[0] in "\"'“‘"):
        return False
    if CREDITED_DATELINE.match(s) or is_byline(s) or is_time_stamp(s):
        return False
    return _rule_reason(s, _default_rules()) is None


def _norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def _rule_reason(line: str, rules: tuple[LineRule, ...]) -> str | None:
    for rule in rules:
        if len(line) <= rule.max_len and rule.pattern.fullmatch(line):
            return rule.reason
    return None


# A line longer than this is prose, whatever rule it seems to match.
_MAX_FURNITURE_LINE = 400


def line_reason(line: str, *, title: str | None = None, rules: tuple[LineRule, ...] | None = None) -> str | None:
    """Why a (stripped) line is page furniture, or None when it is article text."""
    if not line or len(line) > _MAX_FURNITURE_LINE:
        return None
    if title and _norm(line) and _norm(line) == _norm(title):
        return "repeated_headline"
    if is_byline(line):
        return "byline"
    if is_time_stamp(line):
        return "updated_line"
    if is_doubled_caption(line):
        return "photo_caption"
    return _rule_reason(line, rules if rules is not None else _default_rules())


# --- the clean-up ----------------------------------------------------------------------------------

_TERMINAL = tuple(".!?\"'”’»):;…")
_LIST_ITEM = re.compile(r"^(?:[-*•–—]\s|\d{1,2}[.)]\s)")


def _lines(raw: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content without surrounding whitespace; blank lines are (s, s)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"\r\n|\r|\n|\u2028|\u2029", raw):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(raw)))
    stripped: list[tuple[int, int]] = []
    for s, e in out:
        seg = raw[s:e]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        stripped.append((s + lead, max(s + lead, e - trail)))
    return stripped


def clean_text(
    raw: str,
    *,
    title: str | None = None,
    take_title: bool = False,
    max_chars: int | None = None,
    join_wrapped: bool = True,
    rules: tuple[LineRule, ...] | None = None,
) -> Cleaned:
    """Clean scraped plain text.

    ``title``: the known headline (lines repeating it are dropped). ``take_title``: when no title is
    known, take the first line as the title if it looks like one (it then moves from the text to
    ``Cleaned.title``; it is not reported as removed boilerplate). ``max_chars``: cut longer texts
    at a paragraph break (reported with reason "truncated"). ``join_wrapped``: in text with blank-line paragraphs, join
    a line to the previous one when that one ends mid-sentence (hard-wrapped text); off for
    extractor output, where every line is a paragraph or heading.
    """
    lines = _lines(raw)
    title_span = _title_span(raw, lines) if take_title and title is None else None
    if title_span is not None:
        title = raw[title_span[0]:title_span[1]]
    page = _Page(raw, title, title_span, join_wrapped and any(e == s for s, e in lines[1:-1]),
                 rules if rules is not None else _default_rules())
    paragraphs, removed = _paragraphs(page, lines)
    text, segments = _joined(raw, paragraphs)
    if max_chars is not None and len(text) > max_chars:
        text, cut = _truncated(raw, text, segments, max_chars)
        removed.append(cut)
    removed.sort(key=lambda r: (r.start, r.end))
    return Cleaned(text=text, removed=tuple(removed), title=title)


@dataclass(frozen=True, slots=True)
class _Page:
    """What the line-by-line pass reads: the raw text, the headline, and how lines are wrapped."""

    raw: str
    title: str | None
    title_span: tuple[int, int] | None
    hard_wrapped: bool  # blank lines separate paragraphs, so a single line break may be a wrap
    rules: tuple[LineRule, ...]


def _title_span(raw: str, lines: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first line, when the text has at least two and the first reads as a headline."""
    nonblank = [(s, e) for s, e in lines if e > s]
    if len(nonblank) < 2:
        return None
    s, e = nonblank[0]
    return (s, e) if looks_like_title(raw[s:e]) else None


def _paragraphs(page: _Page, lines: list[tuple[int, int]]) -> tuple[list[list[tuple[int, int]]], list[Removal]]:
    """Group kept lines into paragraphs of (start, end) raw pieces; furniture lines become removals.

    A blank line or a removed line ends a paragraph; in hard-wrapped text a line that carries on the
    previous line's sentence joins it and is article text, whatever it looks like
    ("... according to a" / "Reuters/Ipsos poll."), unless it was judged furniture on its own as a
    line of the header block (``_judged``).
    """
    judged = _judged(page, lines)
    removed: list[Removal] = []
    paragraphs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for i, (s, e) in enumerate(lines):
        if (s, e) == page.title_span:
            continue
        why, alone = judged.get(i, (None, False))
        continues = (e > s and page.hard_wrapped and bool(current) and not alone
                     and _continues(page.raw, current[-1], page.raw[s:e]))
        reason = None if continues else why
        if reason is not None:
            removed.append(Removal(s, e, page.raw[s:e], reason))
        if current and not continues:
            paragraphs.append(current)
            current = []
        if e > s and reason is None:
            current.append((s, e))
    if current:
        paragraphs.append(current)
    return paragraphs, removed


_HEAD_CHARS = 1000  # the header block sits in the first lines of a page
# Furniture that never carries on a wrapped sentence: judged on its own wherever it stands in the head.
_NEVER_CONTINUES = frozenset({"repeated_headline", "updated_line", "date_line", "media_timestamp"})


def _judged(page: _Page, lines: list[tuple[int, int]]) -> dict[int, tuple[str, bool]]:
    """Why each furniture line goes, judged on its own, and whether that judgement stands even where
    the line would carry on the previous one: in the head, for a line of a header block (short lines
    of different lengths, not a wrapped paragraph) or furniture that never continues a sentence.
    """
    reasons: dict[int, str] = {}
    for i, (s, e) in enumerate(lines):
        if e > s and (s, e) != page.title_span:
            why = line_reason(page.raw[s:e], title=page.title, rules=page.rules)
            if why is not None:
                reasons[i] = why
    head = [i for i, (s, e) in enumerate(lines) if e > s and s < _HEAD_CHARS and (s, e) != page.title_span]
    _lone_bylines(page, lines, head, reasons)
    _dates_under_bylines(page, lines, head, reasons)
    header = _header_block_lines(page, lines)
    out: dict[int, tuple[str, bool]] = {}
    for i, why in reasons.items():
        s, e = lines[i]
        strong = (why in _NEVER_CONTINUES or is_doubled_caption(page.raw[s:e])) and not page.raw[s].islower()
        out[i] = (why, s < _HEAD_CHARS and (strong or i in header))
    return out


def _lone_bylines(page: _Page, lines: list[tuple[int, int]], head: list[int], reasons: dict[int, str]) -> None:
    """A name alone on a line of the head ("Omar Haddad") is a byline when the line just above or
    below it is furniture or a date line: "Omar Haddad" / "Updated: 4 March 2025"."""
    for i in head:
        s, e = lines[i]
        if i in reasons or not is_lone_name(page.raw[s:e]):
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and lines[j][1] > lines[j][0] and (
                    j in reasons or is_date_line(page.raw[lines[j][0]:lines[j][1]])):
                reasons[i] = "byline"
                break


def _dates_under_bylines(page: _Page, lines: list[tuple[int, int]], head: list[int], reasons: dict[int, str]) -> None:
    """A line holding only a date right under a byline is its stamp: "By Ana Duarte" / "June 10, 2024"."""
    previous: int | None = None
    for i in head:
        s, e = lines[i]
        if i not in reasons and previous is not None and reasons.get(previous) == "byline" and is_date_line(page.raw[s:e]):
            reasons[i] = "date_line"
        previous = i


def _header_block_lines(page: _Page, lines: list[tuple[int, int]]) -> set[int]:
    """The lines of header blocks: blocks (lines between blank lines) starting in the head whose
    lines before the last are not all as long as a wrapped line (60% of the block's longest)."""
    out: set[int] = set()
    block: list[int] = []
    for i, (s, e) in enumerate([*lines, (0, 0)]):
        if e > s:
            block.append(i)
            continue
        if len(block) >= 2 and lines[block[0]][0] < _HEAD_CHARS:
            widths = [lines[k][1] - lines[k][0] for k in block]
            if any(w < 0.6 * max(widths) for w in widths[:-1]):
                out.update(block)
        block = []
    return out


def _joined(raw: str, paragraphs: list[list[tuple[int, int]]]) -> tuple[str, list[tuple[int, int, int]]]:
    """The clean text (paragraphs apart by a blank line, wrapped lines joined by a space), and the
    (clean_start, raw_start, length) of each piece, to map clean offsets back to the raw text."""
    pieces: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0
    for p_i, para in enumerate(paragraphs):
        for l_i, (s, e) in enumerate(para):
            sep = " " if l_i else "\n\n" if p_i else ""
            pieces.append(sep + raw[s:e])
            pos += len(sep)
            segments.append((pos, s, e - s))
            pos += e - s
    return "".join(pieces), segments


_TRUNCATED_PREVIEW = 80  # characters of the cut-off tail quoted in the "truncated" removal


def _truncated(raw: str, text: str, segments: list[tuple[int, int, int]], max_chars: int) -> tuple[str, Removal]:
    """``text`` cut at a paragraph (else sentence) break before ``max_chars``, and the removal saying so."""
    cut = _cut_point(text, max_chars)
    raw_cut = _raw_offset(segments, cut, len(raw))
    preview = raw[raw_cut:].strip()[:_TRUNCATED_PREVIEW]
    return text[:cut].rstrip(), Removal(raw_cut, len(raw), preview + " …", "truncated")


def _continues(raw: str, prev: tuple[int, int], line: str) -> bool:
    """In hard-wrapped text, ``line`` continues the previous line's sentence."""
    prev_text = raw[prev[0]:prev[1]]
    return not prev_text.endswith(_TERMINAL) and not _LIST_ITEM.match(line)


def _cut_point(text: str, limit: int) -> int:
    cut = text.rfind("\n\n", 0, limit + 1)
    if cut < limit // 2:
        ends = [m.end() for m in re.finditer(r"[.!?][\"'”’)]?\s", text[: limit + 1])]
        cut = ends[-1] - 1 if ends and ends[-1] > limit // 2 else text.rfind(" ", 0, limit + 1)
    return cut if cut > 0 else limit


def _raw_offset(segments: list[tuple[int, int, int]], clean_pos: int, raw_len: int) -> int:
    for c_start, r_start, length in segments:
        if clean_pos <= c_start:
            return r_start
        if clean_pos < c_start + length:
            return r_start + (clean_pos - c_start)
    return raw_len
