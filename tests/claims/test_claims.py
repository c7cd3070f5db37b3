"""claims.assess: the status of a trigger word from the parse around it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from communique.claims import assess, cues

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture(scope="module")
def nlp() -> Language:
    from communique import nlp as _nlp

    return _nlp.load()


def _status(nlp: Language, text: str, word: str) -> tuple[str, str | None]:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    claim = assess(tok)
    return claim.status, claim.source.text if claim.source is not None else None


def test_claims_cue_file_loads() -> None:
    table = cues()
    assert table["say"] == "report" and table["allegedly"] == "allege" and table["unless"] == "hypo"


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        ("The rebels attacked the convoy.", "attacked", "asserted"),
        ("The rebels did not attack the convoy.", "attack", "negated"),
        ("No convoy was attacked on Sunday.", "attacked", "negated"),
        ("The rebels will attack the convoy.", "attack", "future"),
        ("The rebels plan to attack the convoy.", "attack", "future"),
        ("The rebels reportedly attacked the convoy.", "attacked", "alleged"),
        ("If the talks fail, the rebels would attack the convoy.", "attack", "hypothetical"),
        ("The rebels might attack the convoy.", "attack", "hypothetical"),
        ("The rebels failed to capture the town.", "capture", "negated"),
        ("The government denied that troops had fired on protesters.", "fired", "alleged"),
        ("Kenya is considering sending troops.", "sending", "hypothetical"),
        ("The militia is alleged to have attacked the convoy.", "attacked", "alleged"),
        ("Sources claim that the army shelled the village.", "shelled", "alleged"),
        ("The colonel was accused of torturing prisoners.", "torturing", "alleged"),
        ("The rebels will not release the hostages before the talks begin.", "begin", "future"),
    ],
)
def test_claims_status_from_context(nlp: Language, text: str, word: str, status: str) -> None:
    assert _status(nlp, text, word)[0] == status


def test_claims_reporting_verb_gives_reported_and_the_source(nlp: Language) -> None:
    assert _status(nlp, "Police said the rebels attacked the convoy.", "attacked") == ("reported", "Police")


def test_claims_according_to_gives_the_source(nlp: Language) -> None:
    status, source = _status(nlp, "The rebels attacked the convoy, according to witnesses.", "attacked")
    assert status == "reported" and source == "witnesses"


def test_claims_relative_clause_keeps_its_own_status(nlp: Language) -> None:
    assert _status(nlp, "The army plans to rebuild the bridge that rebels destroyed.", "destroyed")[0] == "asserted"


def test_claims_content_of_an_accusation_is_alleged(nlp: Language) -> None:
    status, _ = _status(nlp, "Kigali rejected accusations that its troops fight alongside the rebels.", "fight")
    assert status == "alleged"
