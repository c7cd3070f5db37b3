"""The model's attribute rules (spaCy's ``attribute_ruler``), found by dictionary lookup.

``en_core_web_sm`` sets the coarse part of speech, the morphology and some lemmas with about 180
token patterns ("a token tagged VBZ whose lower form is 'gets' has the lemma 'get'"). spaCy runs them
through its general ``Matcher``, which tries every pattern at every token: about a tenth of the whole
parse time. Every one of these patterns is one or two tokens of plain attribute tests (``TAG``,
``LOWER``, ``DEP``, ``IS_SPACE``, exact or ``IN``/``NOT_IN``/``REGEX``), so ``IndexedRules`` files each
pattern under the exact values its first token needs and tests, at each token, only the patterns filed
under that token's lower form or tag. It yields the same matches as the ``Matcher`` (the same
``(rule, start, end)`` triples, in the same order) and hands them to the ruler's own
``set_annotations``, so the annotations are the ruler's, token for token. A model whose patterns use
anything else keeps spaCy's ruler (``IndexedRules.of`` answers None).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")  # also the order in which a pattern is filed
_COLUMN = {name: i for i, name in enumerate(_ATTRS)}
Columns = list[list[int]]  # per attribute, the value of each token (string hashes; IS_SPACE 0 or 1)
Test = Callable[[Columns, int], bool]  # whether the token at an offset passes
Entry = tuple[int, int, int, Test | None]  # rule, match id, pattern length, the tests left to run
Filing = tuple[int, "frozenset[int] | Callable[[int], bool]"]  # a column, and values or a test


class Unsupported(ValueError):
    """A pattern this index cannot answer exactly; the model keeps spaCy's ruler."""


def _value_test(col: int, value: Any, strings: Any) -> tuple[Callable[[int], bool], frozenset[int] | None]:
    """A test of one attribute value, and the exact values that pass it (None: not a finite set)."""
    if col == _COLUMN["IS_SPACE"]:
        if not isinstance(value, bool):
            raise Unsupported(f"IS_SPACE {value!r}")
        want = int(value)
        return (lambda v: v == want), frozenset({want})
    if isinstance(value, str):
        h = strings[value]
        return (lambda v: v == h), frozenset({h})
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            hs = frozenset(strings[v] for v in arg)
            return hs.__contains__, hs
        if op == "NOT_IN":
            out = frozenset(strings[v] for v in arg)
            return (lambda v: v not in out), None
        if op == "REGEX":
            rx = re.compile(arg)
            seen: dict[int, bool] = {}  # a token's form recurs: test each form once

            def regex(v: int) -> bool:
                hit = seen.get(v)
                if hit is None:
                    hit = seen[v] = bool(rx.search(strings[v]))
                return hit

            return regex, None
    raise Unsupported(f"{_ATTRS[col]} {value!r}")


def _entry(rule: int, match_id: int, pattern: list[dict[str, Any]], strings: Any) -> tuple[Entry, Filing]:
    """The entry of one pattern, and where it is filed: the column of its first token's test and the
    values that pass it, or, where no test of the first token has a finite set of passing values, the
    column of its first test and that test. A test of finite values is not repeated in the entry's
    tests: a token found under its values has passed it."""
    exact: tuple[int, frozenset[int]] | None = None
    first: tuple[int, Callable[[int], bool]] | None = None
    tests: list[tuple[int, int, Callable[[int], bool]]] = []  # token offset, column, value test
    for offset, spec in enumerate(pattern):
        for name in sorted(spec, key=lambda a: _COLUMN.get(a, len(_ATTRS))):
            if name not in _COLUMN:
                raise Unsupported(name)
            col = _COLUMN[name]
            test, values = _value_test(col, spec[name], strings)
            if offset == 0 and exact is None and values is not None:
                exact = (col, values)
                continue
            if offset == 0 and first is None:
                first = (col, test)
            tests.append((offset, col, test))
    filing: Filing | None = exact or first
    if filing is None:
        raise Unsupported("a pattern with no test")

    def check(cols: Columns, start: int) -> bool:
        return all(test(cols[col][start + offset]) for offset, col, test in tests)

    return (rule, match_id, len(pattern), check if tests else None), filing


class IndexedRules:
    """The patterns of ``ruler``, filed by the values of one attribute their first token needs."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        strings = ruler.vocab.strings
        self.filed: list[dict[int, list[Entry]]] = [{} for _ in _ATTRS]
        self.tested: list[tuple[int, Callable[[int], bool], Entry]] = []  # filed under a test, not values
        for i in range(len(ruler.attrs)):
            for pattern in ruler.matcher.get(str(i))[1]:
                entry, filing = _entry(i, strings[str(i)], pattern, strings)
                col, how = filing
                if callable(how):
                    self.tested.append((col, how, entry))
                    continue
                for v in how:
                    self.filed[col].setdefault(v, []).append(entry)

    @classmethod
    def of(cls, ruler: AttributeRuler) -> IndexedRules | None:
        """The index of ``ruler``'s patterns, or None when one of them is not plain attribute tests."""
        try:
            return cls(ruler)
        except Unsupported:
            return None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """``AttributeRuler.match(doc)``: ``(rule, match id, start, end)`` of every match, sorted."""
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        n = len(doc)
        if not n:
            return []
        cols: Columns = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).T.tolist()
        filed = [dict(f) for f in self.filed]  # a copy for this doc: the index itself never changes
        for col, test, entry in self.tested:  # file these under the values of this doc that pass
            for v in set(cols[col]):
                if test(v):
                    filed[col][v] = [*filed[col].get(v, ()), entry]
        out: list[tuple[int, int, int, int]] = []
        for col, index in enumerate(filed):
            if not index:
                continue
            for start, value in enumerate(cols[col]):
                for rule, match_id, width, check in index.get(value, ()):
                    if start + width <= n and (check is None or check(cols, start)):
                        out.append((rule, match_id, start, start + width))
        return sorted(set(out))

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc
