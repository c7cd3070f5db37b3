"""ActorTable: the one owner of actor ids while actors are built."""

from __future__ import annotations

from communique.actors.table import ActorTable, next_number
from communique.nlp import parse
from communique.records import Actor, Mention


def _two() -> list[Actor]:
    return [
        Actor("A1", "Halima Osei", "person", (Mention(0, 11, "Halima Osei"),), country="GHA"),
        Actor("A4", "Harbour Power", "organization", (Mention(20, 33, "Harbour Power"),)),
    ]


def test_actor_table_freezes_to_the_records_it_was_given():
    actors = _two()
    assert ActorTable(actors).freeze() == actors


def test_actor_table_new_ids_follow_the_largest_id():
    table = ActorTable(_two())
    first = table.new("spokesman", "person", "coref.role_noun")
    second = table.new("officials", "group", "coref.group", country="KEN")
    assert (table[first].id, table[second].id) == ("A5", "A6")
    assert table[second].country == "KEN" and table[second].provenance == "coref.group"
    assert next_number([]) == 1


def test_actor_table_add_ignores_a_repeated_span_and_finds_the_actor_at_a_span():
    table = ActorTable(_two())
    assert table.add(0, 40, 43, "She", "pronoun")
    assert not table.add(0, 40, 43, "She", "pronoun")
    assert table.at(40, 43) == 0 and table.at(20, 33) == 1 and table.at(1, 2) is None
    assert [m.text for m in table.freeze()[0].mentions] == ["Halima Osei", "She"]


def test_actor_table_indexes_tokens_and_mention_roots_of_a_parsed_doc():
    doc = parse("Halima Osei met the press. She spoke first.")
    actors = [Actor("A1", "Halima Osei", "person", (Mention(0, 11, "Halima Osei"),))]
    table = ActorTable(actors, doc)
    assert table.owner == {0: 0, 1: 0}
    assert table.roots == {1: 0} and table.root_start == {1: 0}
    she = doc[6]
    table.add_tokens(0, [she], "pronoun")
    assert table.owner[she.i] == 0
    assert table.freeze()[0].mentions[-1] == Mention(she.idx, she.idx + 3, "She", "pronoun")


def test_actor_table_recodes_an_actor():
    table = ActorTable(_two())
    table[0].update(role="Spokesperson", sector="GOV")
    frozen = table.freeze()[0]
    assert (frozen.role, frozen.sector, frozen.country) == ("Spokesperson", "GOV", "GHA")


def test_actor_table_merge_moves_mentions_and_drops_the_merged_actor():
    table = ActorTable(_two())
    table.add(1, 50, 52, "It", "pronoun")
    table.merge(1, 0)
    frozen = table.freeze()
    assert [a.id for a in frozen] == ["A1"]
    assert [m.text for m in frozen[0].mentions] == ["Halima Osei", "Harbour Power", "It"]
    assert table.at(50, 52) == 0


def test_actor_table_freeze_can_renumber_ids_in_order():
    table = ActorTable(_two())
    table.new("officials", "group", "coref.group")
    assert [a.id for a in table.freeze(renumber=True)] == ["A1", "A2", "A3"]
