"""The PETRARCH-2 converter: dated codes become office-holder terms."""

from __future__ import annotations

from communique.actors.petrarch import parse_actors, terms_of

SAMPLE = """# a comment
JANE_EXAMPLE_DOE_  # CountryInfo.txt
+J._EXAMPLE_DOE
\t[KENGOV 980101-030331]
\t[KENELI >030401]
ACME_FORCES_ [KENMIL]
"""


def test_petrarch_entries_with_aliases_and_dated_codes() -> None:
    entries = parse_actors(SAMPLE)
    assert [e.name for e in entries] == ["JANE_EXAMPLE_DOE_", "ACME_FORCES_"]
    assert entries[0].aliases == ["J._EXAMPLE_DOE"]
    assert terms_of(entries[0]) == [("KEN", "GOV", "1998-01-01", "2003-03-31"), ("KEN", "ELI", "2003-04-01", "2016-12-31")]


def test_petrarch_undated_codes_are_no_terms() -> None:
    assert terms_of(parse_actors(SAMPLE)[1]) == []
