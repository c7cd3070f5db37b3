"""Status of issue 9, second pass, on sentences we wrote: a predicted consequence is hypothetical, a
claim verb the parser left without its complement covers the clause after it, an "according to"
inside a clause attributes that clause only, and a claimant is no doer of what it calls something."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from communique.claims import assess

if TYPE_CHECKING:
    from spacy.language import Language

    from tests.events.conftest import Result


@pytest.fixture(scope="module")
def nlp() -> Language:
    from communique import nlp as _nlp

    return _nlp.load()


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The union said the new wage cut would prompt workers to strike.", "strike"),
        ("The minister warned that any incursion would trigger a military response.", "trigger"),
        ("Officials fear the ruling will provoke the militias to attack.", "attack"),
        ("Diplomats said the vote would lead the rebels to walk out of the talks.", "walk"),
    ],
)
def test_claims_a_predicted_consequence_is_hypothetical(nlp: Language, text: str, word: str) -> None:
    tok = next(t for t in nlp(text) if t.text == word)
    assert assess(tok).status == "hypothetical"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Norway said it would send aid to the region.", "send"),
        ("The army will withdraw from the town next week.", "withdraw"),
        ("The ministry said it would expel the envoy.", "expel"),
    ],
)
def test_claims_an_announced_act_stays_future(nlp: Language, text: str, word: str) -> None:
    tok = next(t for t in nlp(text) if t.text == word)
    assert assess(tok).status == "future"


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        ("The tribe protested the killing of four men, who they allege were tortured by security forces.", "tortured", "alleged"),
        ("The villagers mourned two farmers who, their families claim, were shot by soldiers.", "shot", "alleged"),
        ("Crews cleared the road near the convoy, which officials say was hit by a drone.", "hit", "reported"),
    ],
)
def test_claims_a_claim_verb_without_its_complement_covers_the_next_clause(nlp: Language, text: str, word: str, status: str) -> None:
    tok = next(t for t in nlp(text) if t.text == word)
    assert assess(tok).status == status


@pytest.mark.parametrize(
    ("text", "main", "inner"),
    [
        ("The militia shelled the village, which, according to local sources, killed six people.", "shelled", "killed"),
        ("Troops fired on the crowd after, according to witnesses, stones were thrown at them.", "fired", None),
        ("The army, which according to the ministry lost ten soldiers, retreated from the town.", "retreated", None),
    ],
)
def test_claims_according_to_inside_a_clause_attributes_only_that_clause(text: str, main: str, inner: str | None) -> None:
    res = run_with_quotes(text)
    ev = next(e for e in res.events if e.trigger is not None and e.trigger.text == main)
    assert ev.status == "asserted"
    if inner:
        assert next(e for e in res.events if e.trigger is not None and e.trigger.text == inner).status == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "Government troops shelled the market on Monday, killing 12 people, according to the health ministry.",
        "According to witnesses, the police beat the protesters.",
        "The rebels attacked the convoy and burned two trucks, according to officials.",
    ],
)
def test_claims_a_sentence_attribution_still_covers_the_sentence(text: str) -> None:
    res = run_with_quotes(text)
    assert res.events
    assert all(e.status == "reported" for e in res.events)


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("The ministry denied what activists claim was a massacre of villagers.", "activists"),
        ("Officials dismissed what the rebels call an offensive by the army.", "rebels"),
        ("The government rejected what the opposition describes as a crackdown.", "opposition"),
    ],
)
def test_claims_what_a_claimant_calls_an_attack_is_not_its_own_deed(text: str, claimant: str) -> None:
    res = run_with_quotes(text)
    for e in res.events:
        if e.type in ("ASSAULT", "COERCE"):
            assert claimant not in {res.actor(a).name for a in e.actors}


def run_with_quotes(text: str) -> Result:
    """The events of ``text`` with the quotes stage run first (an "according to" is a quote)."""
    from communique import nlp as _nlp
    from communique.actors import ActorTable, extract_actors
    from communique.document import Document
    from communique.events import extract_events
    from communique.quotes import extract_quotes
    from tests.events.conftest import Result

    document = Document.build(_nlp.load()(text))
    table = ActorTable(extract_actors(document, published="2025-03-04"))
    quotes = extract_quotes(document, table, [], published="2025-03-04")
    events = extract_events(document, table, quotes, [], published="2025-03-04")
    return Result(events, table.freeze())
