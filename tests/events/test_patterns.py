"""The event lexicons load, and every code they use exists in the CAMEO -> PLOVER crosswalk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.events.patterns import code_of, crosswalk, frames, participant_sectors, patterns
from communique.records import PLOVER_TYPES

if TYPE_CHECKING:
    from spacy.language import Language


def test_crosswalk_loads_with_plover_types_only() -> None:
    table = crosswalk()
    assert len(table) > 200
    assert table["0871"].type == "RETREAT" and table["0871"].mode == "ceasefire"
    assert table["173"].type == "COERCE" and "legal" in table["173"].context
    assert {c.type for c in table.values() if c.type} <= set(PLOVER_TYPES)


def test_every_pattern_code_is_in_the_crosswalk() -> None:
    rows = [p for pats in patterns().values() for p in pats]
    assert len(rows) > 300
    for p in rows:
        if p.blocked or p.frame == "appeal":  # CAMEO 02 APPEAL: no PLOVER type by design
            continue
        code = code_of(p.cameo, p.type)
        assert code is not None, p
        assert code.type in PLOVER_TYPES, p


def test_every_frame_code_is_in_the_crosswalk() -> None:
    table = frames()
    assert {"intent", "refuse", "threat", "demand", "future"} <= set(table)
    for frame, rows in table.items():
        for embedded, (cameo, typ) in rows.items():
            assert code_of(cameo, typ) is not None, (frame, embedded, cameo)


def test_participant_nouns_load_with_sectors() -> None:
    sectors = participant_sectors()
    assert sectors["troop"] == "MIL" and sectors["rebel"] == "REB" and sectors["police"] == "COP"


def test_lemma_fallback_matches_mislemmatised_verbs(nlp: Language) -> None:
    from communique.events.patterns import is_light, match

    doc = nlp("Students staged rallies and troops shelled the town.")
    staged = next(t for t in doc if t.lower_ == "staged")
    shelled = next(t for t in doc if t.lower_ == "shelled")
    assert is_light(staged)
    pat = match(shelled)
    assert pat is not None and pat.cameo == "194"


def test_events_word_lists_load_and_weapons_have_kinds() -> None:
    from communique import data
    from communique.events.found import recipient_preps
    from communique.events.patterns import weapons

    assert "warplane" in weapons("vehicle") and "warplane" not in weapons("munition")
    assert "mine" in weapons("emplaced") and "mine" not in weapons("munition", "vehicle", "attack")
    assert set(data.word_map("events.weapons").values()) == {"munition", "vehicle", "attack", "emplaced"}
    assert "with" in recipient_preps() and "in" not in recipient_preps() and "in" in recipient_preps("in")
    assert {"treaty", "memorandum"} <= data.words("events.document_nouns")
