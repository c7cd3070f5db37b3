"""docs/codebook.md is generated from the schema and data files, and is current; every exported column,
sector code and PLOVER type is described."""

from __future__ import annotations

from pathlib import Path

from communique import data
from communique.corpus import codebook, export
from communique.records import PLOVER_TYPES

DOC = Path(__file__).resolve().parents[2] / "docs" / "codebook.md"


def test_codebook_in_the_repository_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == codebook.render(), (
        "docs/codebook.md is stale: run `PYTHONPATH=src python -m communique.corpus.codebook > docs/codebook.md`")


def test_codebook_describes_every_column_sector_and_type() -> None:
    meanings = codebook.column_meanings()
    missing = [(w, c) for w, cols in export.COLUMNS.items() for c in cols if not codebook.meaning(w, c, meanings)]
    assert not missing
    sectors = {r[0] for r in data.rows("sectors.tsv")}
    assert codebook.used_sectors() <= sectors, codebook.used_sectors() - sectors
    quads = {r[0] for r in data.rows("plover_quad.tsv")}
    assert set(PLOVER_TYPES) == quads
    text = codebook.render()
    for heading in ("Statuses", "PLOVER and CAMEO", "How incidents are formed", "How global actors are formed"):
        assert f"## {heading}" in text
    assert "| 190 | ASSAULT |" in text and "`negated`" in text
