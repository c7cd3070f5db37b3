"""Round-2 event rules on sentences we wrote: unasserted content, misparsed main clauses, ranking."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

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


def test_events_verbless_root_gives_its_noun_as_subject(run: Run) -> None:
    r = run("The Kenyan government, a group of opposition parties and the churches on Monday condemned Uganda's decision to close the border.")
    ev = [e for e in r.events if e.type == "ACCUSE"]
    assert ev and "KEN" in r.countries(ev[0].actors)


def test_events_failed_to_reach_agreement_is_a_rejection(run: Run) -> None:
    r = run("Serbia and Kosovo failed to reach agreement on the status of the northern municipalities.")
    assert "SUPPORT" not in r.types() and "AGREE" not in r.types()
    assert "REJECT" in r.types()


def test_events_participle_before_its_noun_is_no_event(run: Run) -> None:
    r = run("The internationally recognised government of Yemen announced a ceasefire on Sunday.")
    assert "SUPPORT" not in r.types()


def test_events_provide_with_is_aid(run: Run) -> None:
    r = run("Japan has provided Sri Lanka with 20 patrol boats and training for its coast guard.")
    assert r.types() and r.types()[0] in ("AID",)


def test_events_peacekeepers_arriving_are_peacekeeping(run: Run) -> None:
    r = run("About 400 Kenyan peacekeepers arrived in Haiti on Tuesday.")
    ev = [e for e in r.events if e.type == "AID"]
    assert ev and ev[0].cameo == "074"


def test_events_experts_sent_to_investigate_are_an_investigation(run: Run) -> None:
    r = run("Canada has sent a team of experts to Lebanon to investigate the explosion at the port.")
    assert [e.cameo for e in r.events][:1] == ["090"]


def test_events_medicine_flown_in_is_aid(run: Run) -> None:
    r = run("The Red Cross flew ten tonnes of medicine into Yemen on Monday.")
    assert "AID" in r.types()


def test_events_call_for_sanctions_against_someone_is_a_demand(run: Run) -> None:
    r = run("The Lithuanian foreign minister called for sanctions against Belarus on Monday.")
    assert r.types() == ["REQUEST"]
    assert (r.events[0].cameo or "").startswith("10")


def test_events_expelled_from_a_country_gives_the_expeller(run: Run) -> None:
    r = run("Three French journalists have been expelled from Niger.")
    ev = [e for e in r.events if e.type == "SANCTION"]
    assert ev and r.countries(ev[0].actors) == {"NER"}


def test_events_verb_after_a_noun_tagged_verb_takes_its_subject(run: Run) -> None:
    r = run("The Egyptian government, thus, rejects and condemns the Ethiopian decision.")
    ev = [e for e in r.events if e.type == "ACCUSE"]
    assert ev and "EGY" in r.countries(ev[0].actors)


def test_events_joining_someone_for_talks_is_a_meeting(run: Run) -> None:
    r = run("On Friday the Kenyan president will join the Tanzanian president for talks in Arusha.")
    assert "CONSULT" in r.types() or "AGREE" in r.types()


def test_events_conditional_threat_targets_the_condition_subject(run: Run) -> None:
    r = run("China has threatened to halt rare earth exports if Japan goes ahead with the new export controls.")
    ev = [e for e in r.events if e.type == "THREATEN"]
    assert ev and "JPN" in r.countries(ev[0].recipients)


def test_events_mediation_effort_between_two_sides_has_both_as_recipients(run: Run) -> None:
    r = run("Oman launched a mediation effort on Sunday between Iran and Saudi Arabia.")
    ev = [e for e in r.events if e.type == "CONSULT"]
    assert ev and {"IRN", "SAU"} <= r.countries(ev[0].recipients)


def test_events_permission_given_to_a_foreign_party_is_allowing_involvement(run: Run) -> None:
    r = run("Jordan has given the French air force permission to use its airbases.")
    assert [e.cameo for e in r.events][:1] == ["086"]


def test_events_troops_deployed_as_peacekeepers_are_the_providers(run: Run) -> None:
    r = run("About 1,500 Ghanaian soldiers were deployed as peacekeepers in southern Lebanon.")
    ev = [e for e in r.events if e.type == "AID"]
    assert ev and "GHA" in r.countries(ev[0].actors)


def test_events_arriving_to_deliver_aid_is_aid(run: Run) -> None:
    r = run("Indian navy ships arrived in Colombo on Sunday to deliver relief supplies.")
    assert "AID" in r.types()


def test_events_peacekeepers_beginning_to_deploy_is_peacekeeping(run: Run) -> None:
    r = run("Hundreds of Bangladeshi peacekeepers began deploying in the Central African Republic on Monday.")
    assert "MOBILIZE" not in r.types()


def test_events_aid_as_subject_of_support_is_aid(run: Run) -> None:
    r = run("Japanese aid has supported thousands of farmers in northern Ghana.")
    assert r.types()[:1] == ["AID"]


def test_events_troops_leaving_a_country_is_a_retreat(run: Run) -> None:
    r = run("French troops have begun leaving Mali after nine years.")
    assert "RETREAT" in r.types()


def test_events_ceasing_military_operations_is_de_escalation(run: Run) -> None:
    r = run("The Sudanese army has ceased military operations in Darfur.")
    assert "RETREAT" in r.types()


def test_events_death_after_torture_is_an_assault_without_a_known_doer(run: Run) -> None:
    r = run("A Syrian journalist died after torture in a prison near Damascus.")
    ev = [e for e in r.events if e.type == "ASSAULT"]
    assert ev and not ev[0].actors and ev[0].recipients


def test_events_death_from_a_heart_attack_is_no_event(run: Run) -> None:
    assert run("The former Syrian minister died of a heart attack in Damascus.").types() == []


def test_events_name_calling_is_disapproval(run: Run) -> None:
    r = run("The Brazilian president on Friday called the French ambassador a liar.")
    assert r.types() == ["ACCUSE"]


def test_events_attending_a_conference_is_a_meeting_but_a_news_conference_is_not(run: Run) -> None:
    assert "CONSULT" in run("Ghanaian ministers attended the West African security conference in Abuja.").types()
    assert run("The Kenyan foreign minister spoke at a news conference in Nairobi.").types() == []


def test_events_operation_named_by_its_purpose_is_that_event(run: Run) -> None:
    r = run("Egyptian police launched an operation to arrest 40 smugglers in Sinai on Monday.")
    ev = [e for e in r.events if e.type == "COERCE"]
    assert ev and ev[0].status == "asserted" and "EGY" in r.countries(ev[0].actors)


def test_events_approval_given_to_a_foreign_party_is_allowing_involvement(run: Run) -> None:
    r = run("The Sudanese government gave approval for the Red Cross to visit prisoners in Darfur.")
    assert [e.cameo for e in r.events][:1] == ["086"]


def test_events_converging_for_a_rally_is_a_protest(run: Run) -> None:
    r = run("Thousands of Kenyan farmers were converging on Friday for a rally in Nairobi.")
    assert "PROTEST" in r.types()


def test_events_shortening_a_curfew_is_a_concession(run: Run) -> None:
    r = run("The Malian junta on Monday shortened the nightly curfew in Bamako by two hours.")
    assert "CONCEDE" in r.types()


def test_events_a_detachment_of_peacekeepers_arriving_is_peacekeeping(run: Run) -> None:
    r = run("A detachment of Nepalese peacekeepers arrived in Goma on Sunday.")
    ev = [e for e in r.events if e.type == "AID"]
    assert ev and "NPL" in r.countries(ev[0].actors)


def test_events_a_summit_as_subject_gives_its_parties_as_actors(run: Run) -> None:
    r = run("The summit between Egypt and Ethiopia failed to reach agreement on the dam.")
    ev = [e for e in r.events if e.type == "REJECT"]
    assert ev and {"EGY", "ETH"} <= r.countries(ev[0].actors)


def test_events_death_in_custody_after_torture_gives_the_custodian(run: Run) -> None:
    r = run("An Egyptian blogger died after torture in Syrian police custody.")
    ev = [e for e in r.events if e.type == "ASSAULT"]
    assert ev and "SYR" in r.countries(ev[0].actors)


def test_events_armed_party_calling_for_a_truce_expresses_intent(run: Run) -> None:
    r = run("Houthi rebels called for a truce with Saudi Arabia.")
    assert r.types() == ["AGREE"]


def test_events_asking_an_ally_to_deploy_troops_is_an_appeal_not_a_demand(run: Run) -> None:
    r = run("Poland asked NATO to deploy more troops on its eastern flank.")
    assert r.types() == ["REQUEST"]
    assert (r.events[0].cameo or "").startswith("02")  # an appeal (CAMEO 02), not a demand (10)


def test_events_first_of_two_coordinated_clauses_ranks_first(run: Run) -> None:
    r = run("The Colombian government declared a unilateral ceasefire on Sunday and promised to free political prisoners.")
    best = max(r.events, key=lambda e: e.confidence)
    assert best.type == "RETREAT"


def test_events_must_be_ready_to_is_the_demand_not_an_intent(run: Run) -> None:
    r = run("The Dutch minister said the European Union must be ready to mediate talks in Georgia.")
    best = max(r.events, key=lambda e: e.confidence)
    assert best.type == "REQUEST"


def test_events_the_largest_donor_is_an_aid_giver(run: Run) -> None:
    r = run("Norway remains the largest donor of humanitarian assistance in Somalia.")
    assert r.types() == ["AID"]
    assert r.countries(r.events[0].actors) == {"NOR"}
    assert "SOM" in r.countries(r.events[0].recipients)


def test_events_mobilising_funds_is_aid_not_a_force_posture(run: Run) -> None:
    r = run("The World Bank is mobilising additional funds to support reconstruction in Ukraine.")
    assert "MOBILIZE" not in r.types() and "AID" in r.types()


def test_events_a_package_as_subject_stands_for_its_owner(run: Run) -> None:
    r = run("The aid package proposed by Japan is allocating 50 million dollars in humanitarian support to Yemen.")
    ev = [e for e in r.events if e.type == "AID"]
    assert ev and r.countries(ev[0].actors) == {"JPN"}


def test_events_authorising_the_release_of_aid_is_aid(run: Run) -> None:
    r = run("The US Congress has authorized the release of $2 billion in military assistance to Israel.")
    assert "AID" in r.types()


def test_events_call_to_join_a_march_is_a_demand(run: Run) -> None:
    r = run("The Kenyan opposition called on supporters to join a march in Nairobi on Friday.")
    assert r.types() == ["REQUEST"]


def test_events_passive_must_clause_is_a_demand_without_a_named_recipient(run: Run) -> None:
    r = run("The African Union says foreign military intervention in Niger must be avoided.")
    assert r.types() == ["REQUEST"]


def test_events_leading_a_delegation_on_a_visit_is_the_visit(run: Run) -> None:
    r = run("The Ghanaian foreign minister led a delegation on a two-day visit to Togo.")
    assert "CONSULT" in r.types()


def test_events_having_talks_or_lunch_with_someone_is_a_meeting(run: Run) -> None:
    assert "CONSULT" in run("Kenya had talks with Somalia on the border dispute.").types()
    assert "CONSULT" in run("The Canadian prime minister had lunch with the Mexican president in Ottawa.").types()


def test_events_giving_up_fighting_is_de_escalation(run: Run) -> None:
    r = run("Two hundred Taliban fighters have given up fighting in Kunduz province.")
    assert r.types()[:1] == ["RETREAT"]


def test_events_search_and_rescue_teams_deployed_are_aid(run: Run) -> None:
    r = run("Turkey deployed five search-and-rescue teams to Morocco after the earthquake.")
    assert "AID" in r.types() and "MOBILIZE" not in r.types()


def test_events_an_increase_in_funding_is_aid(run: Run) -> None:
    r = run("Sweden on Monday announced a large increase in funding for refugees in Uganda.")
    assert "AID" in r.types()


def test_events_helping_establish_or_rebuild_is_aid(run: Run) -> None:
    r = run("Japan helped rebuild schools in northern Iraq.")
    assert r.types()[:1] == ["AID"]


def test_events_what_a_protest_demands_has_not_happened(run: Run) -> None:
    r = run("Families of the hostages protested outside the prime minister's residence in Jerusalem yesterday, "
            "demanding that the government sign the deal.")
    assert "SUPPORT" not in r.types()  # the deal is demanded, not signed


def test_events_an_actor_is_coded_as_of_the_events_date() -> None:
    from communique.pipeline import analyze
    from communique.records import Article

    text = "In March 2010, Recep Tayyip Erdogan visited Damascus for talks with Bashar al-Assad."
    a = analyze(Article(id="t", text=text, published="2025-03-04"))
    ev = [e for e in a.events if e.type == "CONSULT"]
    assert ev and (ev[0].date or "").startswith("2010")
    erdogan = next(x for x in a.actors if x.name == "Recep Tayyip Erdogan")
    assert erdogan.role is not None and "Prime Minister" in erdogan.role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Taiwan's defence ministry said it had dispatched aircraft and ships in response.", "MOBILIZE"),
        ("The United States sent fighter jets and missiles to Ukraine.", "AID"),
    ],
)
def test_events_sending_forces_is_aid_only_to_someone(run: Run, text: str, expected: str) -> None:
    assert run(text).types() == [expected]
