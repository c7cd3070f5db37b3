"""Events a sentence does not assert: a denied charge, a claimed attack, what a protest demands.

All sentences are our own."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Run = Callable[..., Any]


def test_events_denied_charge_content_is_no_event(run: Run) -> None:
    r = run("The Peruvian government on Friday denied charges by human rights groups that it tortured two journalists.")
    assert "ASSAULT" not in r.types()


def test_events_rejected_allegation_content_is_no_event(run: Run) -> None:
    r = run("The minister has firmly rejected an allegation that he beat a protester in 2004.")
    assert "ASSAULT" not in r.types()


def test_events_claimed_responsibility_attack_is_no_new_event(run: Run) -> None:
    r = run("A spokesman for the rebels claimed responsibility for the Kandahar bombings in a message to reporters.")
    assert "ASSAULT" not in r.types()


def test_events_claimant_own_deed_under_claim_is_a_statement(run: Run) -> None:
    r = run("The insurgents claimed that they had attacked an army convoy near Mosul.")
    assert "ASSAULT" not in r.types()


def test_events_claim_about_another_keeps_the_event_alleged(run: Run) -> None:
    r = run("Kyiv claimed that Russian troops had shelled the hospital in Kherson.")
    ev = [e for e in r.events if e.type == "ASSAULT"]
    assert ev and ev[0].status == "alleged"


def test_events_what_a_protest_demands_has_not_happened(run: Run) -> None:
    r = run("Families of the hostages protested outside the prime minister's residence in Jerusalem yesterday, "
            "demanding that the government sign the deal.")
    assert "SUPPORT" not in r.types()  # the deal is demanded, not signed
