"""Round-2 rules: cues with their own complement, nested reports, accusations, documents and shares as sources."""

from __future__ import annotations

from tests.quotes.helpers import quote_with, speaker_name


def test_cue_with_its_own_clause_after_a_closed_quote_is_not_the_quote_s_cue(analyse):
    a = analyse(
        "The memo called the plan ''a costly mistake.'' The council said it would vote on the budget next week."
    )
    q = quote_with(a, "it would vote on the budget")
    assert q.kind == "indirect"
    assert speaker_name(a, q) == "council"


def test_report_inside_a_report_is_a_second_attribution(analyse):
    a = analyse(
        "Okafor says the mayor promised to keep the library open and said she would fight the cuts in council."
    )
    outer = quote_with(a, "the mayor promised")
    assert outer.speaker_mention is not None and outer.speaker_mention.text == "Okafor"
    inner = next(q for q in a.quotes if q.text.startswith("she would fight the cuts"))
    assert inner.speaker_mention is not None and inner.speaker_mention.text == "the mayor"


def test_accusation_holds_the_accused_and_the_charge(analyse):
    a = analyse("Teodora Vasquez accused the regional government of hiding the report from farmers.")
    q = quote_with(a, "the regional government of hiding the report")
    assert q.kind == "indirect" and speaker_name(a, q) == "Teodora Vasquez"


def test_a_share_of_respondents_can_be_a_source(analyse):
    a = analyse("In the survey, 58 percent said the new tax would hurt small businesses in the region.")
    q = quote_with(a, "the new tax would hurt small businesses")
    assert q.kind == "indirect"


def test_plural_people_nouns_can_be_sources(analyse):
    a = analyse("Developers say the zoning rules have slowed housing construction across the valley.")
    q = quote_with(a, "the zoning rules have slowed housing")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Developers"


def test_named_appositive_after_a_title_phrase_is_the_speaker(analyse):
    a = analyse("Keeper of the Privy Seal, Hamid Rahimov, said the council would meet on Monday to elect a new king.")
    q = quote_with(a, "the council would meet on Monday")
    assert speaker_name(a, q) == "Hamid Rahimov"


def test_named_appositive_after_a_party_label_is_the_speaker(analyse):
    a = analyse("One rural Republican, Iowa Sen. Dale Whitcombe, said that the farm bill was a disgrace.")
    q = quote_with(a, "the farm bill was a disgrace")
    assert speaker_name(a, q) == "Dale Whitcombe"


def test_name_in_apposition_to_a_kin_noun_is_the_speaker(analyse):
    a = analyse("“We never thought the shop would last this long,” says Okafor’s mom, Adaeze.")
    q = quote_with(a, "We never thought the shop")
    assert speaker_name(a, q) == "Adaeze"


def test_floating_quote_follows_the_person_the_narrative_turned_to(analyse):
    a = analyse(
        "“We wanted a choreographer who takes risks,” said artistic director Paolo Benedetti.\n\n"
        "Marisol Quintero did not need much persuading. “I am grateful for the invitation and for the "
        "dancers’ trust in the work.”"
    )
    q = quote_with(a, "I am grateful for the invitation")
    assert speaker_name(a, q) == "Marisol Quintero"


def test_floating_quote_completing_a_sentence_keeps_the_earlier_speaker(analyse):
    a = analyse(
        "Professor Ruth Abernathy said the minister would try again. The minister “could still win the vote "
        "if she softens the plan and brings the opposition on board before the summer.”"
    )
    q = quote_with(a, "could still win the vote")
    assert speaker_name(a, q) == "Ruth Abernathy"


def test_speaker_mention_keeps_the_bracket_it_opens(analyse):
    a = analyse("Sen. Margaret Ellison (D-Vt.) said the bill would protect rural hospitals from closure.")
    q = quote_with(a, "the bill would protect rural hospitals")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Sen. Margaret Ellison (D-Vt.)"


def test_speaker_mention_with_an_appositive_keeps_its_closing_comma(analyse):
    a = analyse("Tomas Ruiz, the campaign's press secretary, said the senator would not debate in October.")
    q = quote_with(a, "the senator would not debate")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Tomas Ruiz, the campaign's press secretary,"


def test_cue_span_holds_auxiliaries_adverbs_and_a_colon(analyse):
    a = analyse("The governor has also said that the bridge will reopen before the winter storms arrive.")
    q = quote_with(a, "the bridge will reopen")
    assert q.cue is not None and q.cue.text == "has also said"
    b = analyse("The mayor added: “We will not raise taxes on families who are already struggling.”")
    q = quote_with(b, "We will not raise taxes")
    assert q.cue is not None and q.cue.text == "added:"


def test_according_to_mid_sentence_takes_the_longer_side(analyse):
    a = analyse(
        "The poorest households would see their bills rise by as much as 12 percent, according to the "
        "Resolution Institute, double what the ministry projected."
    )
    q = quote_with(a, "bills rise by as much as 12 percent")
    assert q.text.startswith("The poorest households")
    assert "double what" not in q.text


def test_indirect_content_leaves_out_a_trailing_relative_clause_and_citing(analyse):
    a = analyse(
        "Okonjo said she expects the governor to recover from the infection, which forced him to cancel a trip."
    )
    q = quote_with(a, "she expects the governor to recover")
    assert "forced him" not in q.text
    b = analyse("Analysts said rising prices have hurt the party's standing, citing three recent polls.")
    q = quote_with(b, "rising prices have hurt")
    assert "citing" not in q.text


def test_calling_something_a_name_is_a_quote_of_its_speaker(analyse):
    a = analyse("Councillor Aaron Fry now calls his vote on the tax a rookie mistake.")
    q = quote_with(a, "a rookie mistake")
    assert (speaker_name(a, q) or "").endswith("Aaron Fry")


def test_a_thing_called_by_a_name_is_no_quote(analyse):
    a = analyse("The ministers argued over a militant group called Jaish al-Nasr at the meeting in Vienna.")
    assert not any("Jaish" in q.text for q in a.quotes)


def test_cue_at_sentence_end_reports_the_whole_sentence_before_it(analyse):
    a = analyse(
        "The mayor had asked the police for an escort, but the chief refused the request, the aide added."
    )
    q = next(q for q in a.quotes if q.speaker_mention is not None and q.speaker_mention.text == "the aide")
    assert q.text.startswith("The mayor had asked") and q.text.endswith("refused the request")


def test_cue_participle_after_a_preposition_takes_the_main_subject(analyse):
    a = analyse("Senator Ada Okafor ended the rally by telling voters that the plant would stay open.")
    q = quote_with(a, "the plant would stay open")
    assert (speaker_name(a, q) or "").endswith("Ada Okafor")


def test_particle_speech_verbs_are_cues(analyse):
    a = analyse("The paramedics' union tweeted out that only two ambulances were available in the whole city.")
    q = quote_with(a, "only two ambulances were available")
    assert q.cue is not None and q.cue.text.startswith("tweeted out")


def test_headline_name_colon_statement_is_an_attribution(analyse):
    a = analyse(
        "Okonjo-Iweala: Trade rules need to change before the summit.\n\n"
        "Ngozi Okonjo-Iweala said on Monday that the organisation would publish proposals."
    )
    q = quote_with(a, "Trade rules need to change")
    assert q.cue is not None and q.cue.text == ":"
    assert q.speaker is not None


def test_label_lines_are_no_headline_attributions(analyse):
    a = analyse("WATCH: Firefighters battle the blaze near the highway.\n\nThe fire started on Sunday.")
    assert not any("Firefighters battle" in q.text for q in a.quotes)


def test_an_attitude_noun_is_no_speaker(analyse):
    a = analyse("A common belief says the cold snap comes from a warming Arctic and a weaker jet stream.")
    assert not any("cold snap" in q.text for q in a.quotes)


def test_a_time_clause_after_said_no_is_not_what_was_said(analyse):
    a = analyse("The president shook his head and said no when reporters asked if the meeting would happen in March.")
    assert not any(q.text.startswith("when reporters asked") for q in a.quotes)


def test_transcript_label_inside_a_quote_is_the_speaker(analyse):
    a = analyse(
        "Senator Maria Okafor and moderator Dan Reilly clashed over the budget.\n\n"
        "\"OKAFOR: Well, look, the budget has to be balanced before we talk about new spending.\"\n\n"
        "\"REILLY: Senator, we are out of time.\""
    )
    q = quote_with(a, "the budget has to be balanced")
    assert q.text.startswith("Well, look")
    assert (speaker_name(a, q) or "").endswith("Maria Okafor")
    assert q.cue is not None and q.cue.text == ":"


def test_embedded_post_is_its_author_s_direct_quote(analyse):
    a = analyse(
        "Crews worked through the night.\n\n"
        "Friday's storm was one of the worst we have seen in a decade. Some areas will be dark for days. "
        "#IslandStorm pic.twitter.com/AbC123xYz — Harbour Power (@harbourpower) March 2, 2019\n\n"
        "Repairs continue."
    )
    q = quote_with(a, "one of the worst we have seen")
    assert q.kind == "direct" and q.text.endswith("dark for days.")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Harbour Power"
