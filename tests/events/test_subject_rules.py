"""The subject rules of ``events.subjects`` on single sentences we wrote, asked one verb at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from communique.events.subjects import subject

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Shells fired by the rebels hit a school.", "hit", ["rebels"]),  # a weapon stands for its firer
        ("The talks between Ruritania and Freedonia failed to produce a deal.", "produce", ["Ruritania"]),  # a meeting's parties
        ("The council asked Norway to withdraw its troops.", "withdraw", ["Norway"]),  # the one asked acts
        ("The court ordered the newspaper to suspend publication.", "suspend", ["court"]),  # the orderer acts
        ("The monitors were expelled from Ruritania.", "expelled", ["Ruritania"]),  # the expeller
        ("Warplanes flown by the coalition bombed the bridge.", "bombed", ["Warplanes"]),  # a vehicle is no munition
    ],
)
def test_events_subject_rules_find_the_doer(nlp: Language, text: str, verb: str, expected: list[str]) -> None:
    doc = nlp(text)
    v = next(t for t in doc if t.text == verb)
    assert [t.text for t in subject(v)] == expected
