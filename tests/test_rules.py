"""Rule ids are declared once: every provenance the pipeline writes is made of registered ids."""

from __future__ import annotations

import pytest

from communique import rules
from communique.ingest import read_inputs
from communique.pipeline import analyze_many
from communique.records import Analysis, Article


def test_rules_provenance_splits_into_rule_modifiers_and_claim_rule():
    assert rules.parts("events.verb+future|claims.local_future") == ["events.verb", "+future", "claims.local_future"]
    assert rules.parts("coref.role_noun+coding.context") == ["coref.role_noun", "+coding.context"]
    assert rules.unregistered("quotes.direct_ccomp") == []
    assert rules.unregistered("quotes.direct_by_telepathy+psychic") == ["quotes.direct_by_telepathy", "+psychic"]


def test_rules_registry_has_a_stage_and_description_for_every_id():
    reg = rules.registry()
    assert len(reg) > 100
    assert {r.stage for r in reg.values()} == {"actors", "quotes", "events", "times"}
    assert all(len(r.description) > 10 for r in reg.values())


@pytest.fixture(scope="module")
def demo_analyses() -> list[Analysis]:
    own = [
        Article("own-1", "The rebels did not attack the convoy on Monday, a spokesman for the army said. "
                "He added that the government plans to open talks with the militia next week."),
        Article("own-2", "Qatar urged both sides to agree to a pause. Israel refused to withdraw its troops, "
                "according to officials in Gaza, who allegedly shelled a market in the town."),
    ]
    items = [a for a in read_inputs("demo/corpus") if isinstance(a, Article)] + own
    return [a for a in analyze_many(items) if isinstance(a, Analysis)]


def test_rules_every_provenance_of_the_demo_corpus_is_registered(demo_analyses: list[Analysis]):
    seen: dict[str, list[str]] = {}
    for analysis in demo_analyses:
        records = [*analysis.actors, *analysis.quotes, *analysis.events, *analysis.times]
        for r in records:
            missing = rules.unregistered(r.provenance)
            if missing:
                seen.setdefault(r.provenance, missing)
    assert len(demo_analyses) >= 20
    assert not seen, seen
