"""The actors word lists (data/en/words/actors.tsv) load and hold what the rules rely on."""

from __future__ import annotations

from communique import data
from communique.actors.mentions import strip_title
from communique.actors.names import TITLE_GENDER, TITLES, alternation


def test_actor_word_lists_have_a_source_header_and_prefixed_names() -> None:
    text = data.text("words/actors.tsv")
    head = [line for line in text.splitlines() if line.startswith("#")]
    assert any("Sources:" in line for line in head) and any("columns:" in line for line in head)
    names = {line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#")}
    assert names and all(n.startswith("actors.") for n in names)


def test_actor_word_lists_title_genders_are_m_or_f() -> None:
    assert TITLE_GENDER["mrs."] == "f" and TITLE_GENDER["mr"] == "m"
    assert set(TITLE_GENDER.values()) == {"m", "f"}
    assert {"mr.", "sen.", "ambassador"} <= TITLES


def test_actor_word_lists_honorifics_strip_a_two_word_title_longest_first() -> None:
    assert alternation(frozenset({"secretary", "secretary general"})).startswith("secretary\\ general")
    assert strip_title("the Rev. Dr. Amina Oyelaran's") == "Amina Oyelaran"


def test_actor_word_lists_closed_classes_are_complete() -> None:
    assert {"a", "an", "another", "several"} <= data.words("actors.indefinite")
    assert {"to", "against", "with"} <= data.words("actors.blocking_preps")
    assert {"monday", "december"} <= data.words("actors.calendar")
    assert not data.words("actors.blocking_preps") & data.words("actors.weak_preps")
