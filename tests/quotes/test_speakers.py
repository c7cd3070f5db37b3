"""Speakers resolved to actors: pronouns, surnames, roles, organisations, metonyms, unnamed sources."""

from __future__ import annotations

from tests.quotes.helpers import quote_with, speaker_name


def test_speaker_pronoun_resolves_to_the_named_person(analyse):
    text = 'Kowalski said she started her work with police last year.\n\n"It was a hard year," she said.'
    a = analyse("Marta Kowalski is new to advocacy work. " + text)
    q = quote_with(a, "It was a hard year")
    assert speaker_name(a, q) == "Marta Kowalski"
    assert q.speaker_mention is not None and q.speaker_mention.text == "she"


def test_speaker_pronoun_follows_gender_from_titles(analyse):
    text = (
        "Ms. Nakamura met Mr. Okafor in Geneva on Monday. Mr. Okafor proposed a new timetable.\n\n"
        '"We cannot accept it," she said.'
    )
    a = analyse(text)
    assert speaker_name(a, quote_with(a, "We cannot accept it")) == "Nakamura"


def test_speaker_surname_with_title_resolves_to_the_full_name(analyse):
    a = analyse(
        "Recep Tayyip Erdogan arrived in Baku on Monday.\n\n"
        'In a March 3 interview, Mr. Erdogan said Turkey would keep its troops in Syria.'
    )
    q = quote_with(a, "keep its troops")
    assert speaker_name(a, q) == "Recep Tayyip Erdogan"


def test_speaker_role_noun_links_to_the_person_introduced_with_it(analyse):
    text = (
        'Maria Zakharova, the Russian foreign ministry\'s spokeswoman, spoke on Thursday.\n\n'
        "The spokeswoman said Moscow had not received the proposal."
    )
    a = analyse(text)
    assert speaker_name(a, quote_with(a, "Moscow had not received")) == "Maria Zakharova"


def test_speaker_bare_role_noun_is_one_new_actor(analyse):
    text = (
        "A spokesman for the U.N. secretary-general said the convoy had been hit twice. "
        "The spokesman added that an investigation was under way."
    )
    a = analyse(text)
    first = quote_with(a, "convoy had been hit")
    second = quote_with(a, "investigation was under way")
    assert first.speaker is not None and first.speaker == second.speaker
    actor = a.actor(first.speaker)
    assert actor is not None and actor.type == "person" and "spokesman" in actor.name


def test_speaker_capital_as_metonym_is_the_country(analyse):
    a = analyse("Beijing warned that it would respond to any provocation in the strait.")
    q = quote_with(a, "respond to any provocation")
    actor = a.actor(q.speaker)
    assert actor is not None and actor.country == "CHN"


def test_speaker_unnamed_group_is_a_typed_group_actor(analyse):
    a = analyse("Israeli officials said the proposal did not guarantee the release of all hostages.")
    actor = a.actor(quote_with(a, "did not guarantee").speaker)
    assert actor is not None and actor.type == "group" and actor.country == "ISR"


def test_speaker_unnamed_source_stays_unknown(analyse):
    a = analyse("Sources close to the talks said a deal could be announced within days.")
    actor = a.actor(quote_with(a, "deal could be announced").speaker)
    assert actor is not None and actor.type == "unknown"


def test_speaker_organisation_noun_links_to_the_named_organisation(analyse):
    text = (
        "BC Hydro said crews were working around the clock on Friday.\n\n"
        "The utility said more than 800 workers would restore power by Sunday."
    )
    a = analyse(text)
    assert speaker_name(a, quote_with(a, "800 workers")) == "BC Hydro"


def test_speaker_named_appositive_after_a_title_phrase(analyse):
    a = analyse("Keeper of the Privy Seal, Hamid Rahimov, said the council would meet on Monday to elect a new king.")
    q = quote_with(a, "the council would meet on Monday")
    assert speaker_name(a, q) == "Hamid Rahimov"


def test_speaker_named_appositive_after_a_party_label(analyse):
    a = analyse("One rural Republican, state Sen. Dale Whitcombe, said that the farm bill was a disgrace.")
    q = quote_with(a, "the farm bill was a disgrace")
    assert speaker_name(a, q) == "Dale Whitcombe"


def test_speaker_name_in_apposition_to_a_kin_noun(analyse):
    a = analyse("“We never thought the shop would last this long,” says Okafor’s mom, Adaeze.")
    q = quote_with(a, "We never thought the shop")
    assert speaker_name(a, q) == "Adaeze"


def test_speaker_mention_keeps_the_bracket_it_opens(analyse):
    a = analyse("Sen. Margaret Ellison (D-Vt.) said the bill would protect rural hospitals from closure.")
    q = quote_with(a, "the bill would protect rural hospitals")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Sen. Margaret Ellison (D-Vt.)"


def test_speaker_mention_with_an_appositive_keeps_its_closing_comma(analyse):
    a = analyse("Tomas Ruiz, the campaign's press secretary, said the senator would not debate in October.")
    q = quote_with(a, "the senator would not debate")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Tomas Ruiz, the campaign's press secretary,"


def test_speaker_of_a_cue_participle_after_a_preposition_is_the_main_subject(analyse):
    a = analyse("Senator Ada Okafor ended the rally by telling voters that the plant would stay open.")
    q = quote_with(a, "the plant would stay open")
    assert (speaker_name(a, q) or "").endswith("Ada Okafor")
