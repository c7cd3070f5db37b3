"""The temporal lexicon (``data/time_lexicon.tsv``): calendar names, numbers, units and codes.

The facts live in the data file; this module only reads them into look-up tables, once per process.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from communique import data

LEXICON_FILE = "time_lexicon.tsv"
CATEGORIES = (
    "month", "month_abbr", "weekday", "weekday_abbr", "season", "part_of_day", "number", "ordinal", "unit",
    "decade_word", "vague", "set_adverb", "timezone", "holiday", "title_word", "event_verb",
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Read-only tables: ``table("month")["march"] == "3"``."""

    tables: Mapping[str, Mapping[str, str]]

    def table(self, category: str) -> Mapping[str, str]:
        return self.tables[category]

    def alternation(self, category: str) -> str:
        """A regex alternation of the category's words, longest first, spaces as ``\\s+``."""
        words = sorted(self.tables[category], key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in words)


def parse_lexicon(text: str) -> Lexicon:
    """Parse the tsv text: ``#`` comments, then ``category<TAB>word<TAB>value`` rows."""
    tables: dict[str, dict[str, str]] = {c: {} for c in CATEGORIES}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in tables:
            raise ValueError(f"{LEXICON_FILE}:{n}: expected 'category<TAB>word<TAB>value', got {line!r}")
        tables[parts[0]][parts[1].lower()] = parts[2]
    return Lexicon(MappingProxyType({k: MappingProxyType(v) for k, v in tables.items()}))


@functools.cache
def load() -> Lexicon:
    """The packaged lexicon (cached: it is read-only)."""
    text = data.text(LEXICON_FILE)
    return parse_lexicon(text)


def number_value(words: str) -> str | None:
    """The value of a count: ``"3"``, ``"three"``, ``"twenty-five"``, ``"a few"`` (``"X"``); None if not one."""
    w = re.sub(r"\s+", " ", words.strip().lower())
    half = re.fullmatch(r"(\d+)\s*(?:½|1/2)", w)
    if half:
        return f"{int(half.group(1)) + 0.5:g}"
    if re.fullmatch(r"\d+(?:\.\d+)?", w.replace(",", "")):
        return w.replace(",", "")
    numbers = load().table("number")
    if w in numbers:
        return numbers[w]
    m = re.fullmatch(r"([a-z]+)[- ]([a-z]+)", w)
    if m and m.group(1) in numbers and m.group(2) in numbers:
        tens, ones = numbers[m.group(1)], numbers[m.group(2)]
        if tens.isdigit() and ones.isdigit() and int(tens) >= 20 and int(ones) < 10:
            return str(int(tens) + int(ones))
    m = re.fullmatch(r"(\w+) (hundred|thousand)", w)
    if m:
        base = number_value(m.group(1))
        if base and base.isdigit():
            return str(int(base) * (100 if m.group(2) == "hundred" else 1000))
    return None
